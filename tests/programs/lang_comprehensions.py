# List/set/dict comprehensions, generator expressions, nesting, scoping.
matrix = [[r * 3 + c for c in range(3)] for r in range(4)]
print(matrix)
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2 == 0])
print([x if x % 3 else "fizz" for x in range(1, 10)])
print({x % 5 for x in range(20)})
print(sorted({w.lower() for w in "The the THE cat Cat".split()}))
print({k: v for k, v in zip("abc", range(3))})
print({v: k for k, v in {"one": 1, "two": 2}.items()})
print({i: [j for j in range(i)] for i in range(4)})
print(sum(x * x for x in range(101)))
print(list((a, b) for a in range(3) for b in range(a)))
print([(i, j, k) for i in range(3) for j in range(3) for k in range(3) if i < j < k])
print(max(len(w) for w in ["a", "abc", "ab"]))

x = "outer x"
res = [x for x in range(3)]
print(x, res)

class Scope:
    factor = 10
    values = [factor * i for i in range(3)] if False else None
    try:
        bad = [factor * i for i in range(3)]
    except NameError as e:
        error = str(e)

print(Scope.error)

print([y := v * 2 for v in range(4)], y)
print([(n, sq) for n in range(10) if (sq := n * n) > 20][:3])

nested = {"a": {"x": 1, "y": 2}, "b": {"x": 3}}
print({(o, i): v for o, inner in nested.items() for i, v in inner.items()})
print([[c for c in w] for w in ["hi", "yo"]])
flat = [c for w in ["abc", "de"] for c in w]
print(flat)

gen = (i for i in range(3))
print(list(zip(gen, gen)))

primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
print(dict.fromkeys("abca", 0), {c: "abracadabra".count(c) for c in "abracadabra"})
print(list(map(lambda t: t[0] * t[1], [(i, i + 1) for i in range(5)])))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted({w.lower(): len(w) for w in words}.items()))
print([w for w in words if w[0].isupper()], any(w.startswith("c") for w in words))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(frozenset(i * i % 7 for i in range(10)) == {0, 1, 2, 4})
print(sorted(set(range(10)) - {x for x in range(0, 10, 3)}))

# Star-unpacking in assignments, calls, literals; nested unpacking; swap.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *mid, tail = range(6)
print(first, rest, init, last, head, mid, tail)
(p, q), [r, *s] = (1, 2), [3, 4, 5]
print(p, q, r, s)
x, *y = [9]
print(x, y)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)

print([*range(3), *"ab", *[None]])
print((*[1, 2], 3), {*[1, 2], *[2, 3]}, {**{"a": 1}, "b": 2, **{"a": 3}})


def f(*args, **kwargs):
    return args, kwargs


print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}, **{"z": 3}))
try:
    f(**{"x": 1}, x=2)
except TypeError as e:
    print("TypeError:", e)
print(*[1, 2, 3], sep="-")
print(*"abc")
d = {"k1": 1, "k2": 2}
print([*d], [*d.values()])
m = [[1, 2], [3, 4]]
print(list(zip(*m)), [*zip(*m)])
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 5
print(i, lst)
a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
n1, n2 = n3 = (7, 8)
print(n1, n2, n3)
[u, v] = "uv"
print(u, v)
((aa, bb), cc) = ("xy", "z")
print(aa, bb, cc)
st = "".join(chr(c) for c in [*map(ord, "abc")])
print(st)


def g(a, b, /, c, *, d):
    return a + b + c + d


print(g(*(1, 2), **{"c": 3, "d": 4}))
gen = (x * x for x in range(4))
w, *xs = gen
print(w, xs)
dct = dict([("a", 1), ("b", 2)])
(k1, v1), (k2, v2) = dct.items()
print(k1, v1, k2, v2)

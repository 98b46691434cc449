# set/frozenset with small ints (deterministic order) and sorted output for strings.
a = {1, 5, 3, 9, 7}
b = {3, 4, 5, 6}
print(a, b, len(a))
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, {100}), a.intersection(b, {5}), a.difference(b), a.symmetric_difference(b))
print({1, 3} <= a, {1, 3} < a, a >= {9}, a.isdisjoint({2, 4}), a.issubset(range(10)), a.issuperset([1]))
c = set(range(10))
c.discard(3)
c.remove(4)
c.add(42)
print(c)
try:
    c.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(c.pop(), c)
c -= {0, 1, 2}
c |= {20}
c &= set(range(30))
c ^= {5, 50}
print(c)
c.update([11, 12], (13,))
c.intersection_update(range(15))
print(c)
c.difference_update({11})
c.symmetric_difference_update({6, 7, 99})
print(c, sorted(c, reverse=True))
fs = frozenset([3, 1, 2])
print(fs, type(fs).__name__, fs | {4}, type(fs | {4}).__name__, {fs: "key"}[frozenset({1, 2, 3})])
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError:", e)
words = {"pear", "apple", "fig", "banana"}
print(sorted(words), sorted(words, key=len), "fig" in words, len(words))
print(sorted({w[0] for w in words}), sorted(words & {"fig", "kiwi"}))
print(set(), set("aab") == {"a", "b"}, {x % 4 for x in range(20)}, set([1, 1, 1]))
print({1, 2} == {2, 1}, {1, 2} == frozenset({1, 2}), set() == frozenset())
s = {10, 20}
s2 = s.copy()
s2.add(30)
print(s, s2, s.clear(), s)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
print(sorted({(1, 2), (0, 5), (1, 0)}), max({4, 8, 2}), sum({1, 2, 3}), sorted({-3, -1, 2}))
seen = set()
uniq = [x for x in [3, 1, 3, 2, 1, 5] if not (x in seen or seen.add(x))]
print(uniq, sorted(seen))
print(set(range(0, 100, 7)) & set(range(0, 100, 5)), {True, 1, 1.0}, {0, False})
print(len({i * 1000003 % 65536 for i in range(5000)}))

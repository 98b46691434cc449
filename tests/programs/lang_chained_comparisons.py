# Chained comparisons, identity/membership, comparison of mixed types, short circuit.
def noisy(v, log):
    log.append(v)
    return v


log = []
print(noisy(1, log) < noisy(2, log) < noisy(3, log), log)
log = []
print(noisy(3, log) < noisy(2, log) < noisy(1, log), log)
x = 5
print(1 < x < 10, 1 < x > 4, 0 <= x <= 5 < 6 != 7, 1 == 1.0 == True, 3 > 2 == 2)
print("a" < "b" < "ba" < "c", [1, 2] < [1, 3] < [2], (1, 2, 3) < (1, 2, 4), (1,) < (1, 0))
print(1 in [1, 2] in [[1, 2]], None is None is not False, 2 not in (1, 3))
print(float("nan") == float("nan"), float("nan") != float("nan"), 0.1 + 0.2 == 0.3)
print(1 == 1.0, (1).__eq__(True), True == 1, hash(1) == hash(1.0) == hash(True))
print(-0.0 == 0.0, str(-0.0), (-0.0).hex() if False else repr(-0.0))
for a, b in [(1, "1"), ([], ()), (None, 0)]:
    print(repr(a), repr(b), a == b)
try:
    1 < "1"
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    None < None
except TypeError as e:
    print("TypeError:", e)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {3} > set(), {1} == frozenset({1}))
print({"a": 1} == {"a": 1.0}, [0] * 3 == [0, 0, 0], "abc" == "ab" + "c")


class Rel:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        print(f"  {self.n} < {other.n}")
        return self.n < other.n


print(Rel(1) < Rel(2) < Rel(0))
print(max([3, 1, 2]), min("hello"), max([(1, "b"), (1, "a")]), min([], default="empty"))
print(sorted([3, 1.5, True, -2]), 2 ** -1 == 0.5, 10 // 3 == 3 != 4)
big = 10 ** 30
print(big > float(10 ** 29), big == 10 ** 30 * 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(all([]), any([]), all([1, [], 2]), any([0, "", None, 0.0, "x"]))

# Iterator protocol: __iter__/__next__, iter(callable, sentinel), __getitem__ iteration, builtins.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(5)), sum(Countdown(100)))
c = Countdown(2)
print(next(c), next(c), next(c, "exhausted"))


class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1

    def __len__(self):
        return self.n

    def __reversed__(self):
        return iter(range(self.n - 1, -1, -1))


r = Range2(4)
print(list(r), list(r), list(reversed(r)), len(r), 3 in r, 9 in r)


class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10


print(list(OldStyle()), 20 in OldStyle(), list(reversed([1, 2, 3])))
data = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(data), 0)))
it = iter("abc")
print(next(it), list(it), list(it))
print(list(enumerate("xyz", start=1)), list(zip("ab", [1, 2, 3])), list(zip()))
try:
    list(zip("ab", [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(pow, [2, 3], [5, 2])), list(filter(str.isupper, "aBcD")), list(reversed("abc")))
d = {"a": 1, "b": 2}
ki = iter(d)
print(type(ki).__name__, type(iter(d.values())).__name__, type(iter(d.items())).__name__)
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", repr(e))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)


class NotIter:
    __iter__ = None


try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
lst = [1, 2, 3]
li = iter(lst)
lst.append(4)
print(list(li))
print(type(iter(range(3))).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__)
rit = iter(range(10))
print(rit.__length_hint__(), next(rit), rit.__length_hint__())
import operator
print(operator.length_hint(iter([1, 2, 3])), operator.length_hint(Countdown(3), 7))
s = "hello"
print(sorted(s), "".join(sorted(s, reverse=True)), max(enumerate(s), key=lambda p: p[1]))
print(dict(zip("abc", range(3))), list(zip(*zip("ab", "cd"))))
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)))
print(sum(1 for _ in Countdown(7)), any(x > 3 for x in Countdown(5)), all(x > 0 for x in Countdown(5)))
print(min(Countdown(5)), max(Countdown(5), default=None), max(Countdown(0), default="empty"))

# Subclassing builtins (list, dict, str, int) with super() calls, __init_subclass__ chains.


class MyList(list):
    def append(self, item):
        super().append(item * 2)

    def __getitem__(self, i):
        return ("wrapped", super().__getitem__(i))


ml = MyList([1])
ml.append(5)
print(ml, ml[1], len(ml))


class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)


md = MyDict()
md["a"] = 1
print(md, MyDict(b=2))


class InitSub:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.registered = cls.__name__


class Child(InitSub):
    pass


print(Child.registered)


class Str(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())

    def __repr__(self):
        return f"Str({super().__repr__()})"


print(repr(Str("abc")), Str("x") + "y", isinstance(Str("q"), str))


class Meters(int):
    def __new__(cls, value, unit="m"):
        obj = super().__new__(cls, value)
        obj.unit = unit
        return obj

    def __add__(self, other):
        return Meters(int(self) + int(other), self.unit)

    def __repr__(self):
        return f"Meters({int(self)}{self.unit})"


m = Meters(5) + Meters(7)
print(m, m * 2, type(m * 2).__name__, isinstance(m, int), m.unit, m == 12, hash(m) == hash(12))


class Stack(list):
    def push(self, item):
        self.append(item)
        return self

    def peek(self):
        return self[-1] if self else None


s = Stack()
s.push(1).push(2).push(3)
print(s, s.peek(), s.pop(), len(s), type(s + [9]).__name__, type(s[:1]).__name__, s == [1, 2])


class FrozenDict(dict):
    def _blocked(self, *a, **k):
        raise TypeError("FrozenDict is immutable")

    __setitem__ = __delitem__ = update = pop = clear = _blocked

    def __hash__(self):
        return hash(tuple(sorted(self.items())))


fd = FrozenDict(a=1, b=2)
try:
    fd["c"] = 3
except TypeError as e:
    print("TypeError:", e)
print(fd, {fd: "usable as key"}[FrozenDict(b=2, a=1)], dict.__setitem__ is not FrozenDict.__setitem__)

# Less common special methods: numeric conversions, __getattribute__, __dir__, __instancecheck__,
# truthiness fallbacks, __contains__/__iter__ fallbacks, __round__/__trunc__/__floor__/__ceil__.
import math


class Num:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return int(self.v)

    def __float__(self):
        return float(self.v)

    def __complex__(self):
        return complex(self.v, 1)

    def __index__(self):
        return int(self.v)

    def __round__(self, ndigits=None):
        return f"round({self.v}, {ndigits})"

    def __trunc__(self):
        return "trunc"

    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"

    def __abs__(self):
        return Num(abs(self.v))

    def __repr__(self):
        return f"Num({self.v})"


n = Num(-3.7)
print(int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n), abs(n))
print(bin(Num(5)), hex(Num(255)), [0, 1, 2, 3, 4, 5, 6][Num(6)], "ab" * Num(2), range(Num(3)))


class OnlyLen:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class OnlyIter:
    def __iter__(self):
        print("  __iter__ used for 'in'")
        return iter([1, 2, 3])


print(bool(OnlyLen(0)), bool(OnlyLen(2)), 2 in OnlyIter(), 9 in OnlyIter())


class Audited:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if not name.startswith("__"):
            print(f"  getattribute {name}")
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return f"fallback for {name}"

    def __dir__(self):
        return ["x", "virtual"]


a = Audited()
print(a.x, a.missing, dir(a))


class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0

    def __subclasscheck__(cls, sub):
        return sub is bool


class Even(metaclass=EvenMeta):
    pass


print(isinstance(4, Even), isinstance(3, Even), isinstance("4", Even), issubclass(bool, Even), issubclass(int, Even))

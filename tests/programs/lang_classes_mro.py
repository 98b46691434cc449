# Classes, inheritance, multiple inheritance and the C3 MRO.
class Base:
    kind = "base"

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{type(self).__name__}({self.name}) kind={self.kind}"

    def hello(self):
        return "Base.hello"


class Left(Base):
    kind = "left"

    def hello(self):
        return "Left.hello -> " + super().hello()


class Right(Base):
    def hello(self):
        return "Right.hello -> " + super().hello()


class Diamond(Left, Right):
    def hello(self):
        return "Diamond.hello -> " + super().hello()


def mro_names(cls):
    return [c.__name__ for c in cls.__mro__]


for cls in (Base, Left, Right, Diamond):
    print(cls.__name__, mro_names(cls))

d = Diamond("d")
print(d.describe())
print(d.hello())
print(isinstance(d, Left), isinstance(d, Right), issubclass(Diamond, Base))
print(issubclass(bool, int), issubclass(int, object))
print([c.__name__ for c in Base.__subclasses__()])


class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
class E(C, B): pass

print(mro_names(D))
print(mro_names(E))
try:
    class F(D, E):
        pass
except TypeError as e:
    print("TypeError:", e)


class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.n = Counter.instances

    @classmethod
    def make_many(cls, k):
        return [cls() for _ in range(k)]

    @staticmethod
    def twice(x):
        return 2 * x

    def __repr__(self):
        return f"Counter#{self.n}"


print(Counter.make_many(3), Counter.instances, Counter.twice(21))
c = Counter()
print(c, Counter.twice(c.n))
print(type(c).__name__, type(type(c)).__name__, Counter.__qualname__)


class Outer:
    class Inner:
        def where(self):
            return type(self).__qualname__

print(Outer.Inner().where(), Outer.Inner.__module__)

# attribute lookup, instance dict vs class dict
class Attr:
    x = 1

a = Attr()
print(a.x, "x" in vars(a))
a.x = 2
print(a.x, Attr.x, vars(a))
del a.x
print(a.x)
print(getattr(a, "missing", "default"), hasattr(a, "x"))
setattr(a, "dyn", [1, 2])
print(sorted(vars(a).items()))

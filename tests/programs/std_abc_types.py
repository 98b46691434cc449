# abc (abstract classes, register, __subclasshook__, collections.abc mixins) and types.
import abc
import collections.abc as cabc
import types


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    @property
    @abc.abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name} with area {self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def name(self):
        return "square"


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Half(Shape):
    def area(self):
        return 0


try:
    Half()
except TypeError as e:
    print("TypeError:", e)
print(Square(3).describe(), sorted(Shape.__abstractmethods__), inspect_abs := bool(Half.__abstractmethods__))


class Duck(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return hasattr(C, "quack")
        return NotImplemented


class Mallard:
    def quack(self):
        return "quack"


print(issubclass(Mallard, Duck), isinstance(Mallard(), Duck), isinstance(1, Duck))


class MySeq(abc.ABC):
    pass


MySeq.register(tuple)
print(issubclass(tuple, MySeq), isinstance((1,), MySeq), issubclass(list, MySeq))
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(set(), cabc.MutableSet),
      isinstance((x for x in []), cabc.Generator), isinstance(len, cabc.Callable), issubclass(str, cabc.Hashable))


class Bag(cabc.MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


bag = Bag()
bag.update(a=1, b=2)
print(dict(bag), bag.get("z", 0), bag.setdefault("c", 3), bag.pop("a"), list(bag.items()), "b" in bag)

ns = types.SimpleNamespace(x=1, y="two")
ns.z = [3]
print(ns, ns == types.SimpleNamespace(x=1, y="two", z=[3]), vars(ns))
mod = types.ModuleType("virtual_mod", "A module made at runtime.")
mod.value = 42
print(mod.__name__, mod.__doc__, mod.value, type(mod) is types.ModuleType)
print(isinstance(lambda: 0, types.FunctionType), isinstance(len, types.BuiltinFunctionType),
      isinstance((i for i in []), types.GeneratorType), type(Square(1).area) is types.MethodType)
mp = types.MappingProxyType({"k": "v"})
try:
    mp["k"] = "new"
except TypeError as e:
    print("TypeError:", e)
print(mp["k"], dict(mp), type(Square.__dict__).__name__)
Dyn = types.new_class("Dyn", (Square,), {}, lambda ns: ns.update({"extra": True}))
print(Dyn.__name__, Dyn(2).area(), Dyn.extra, [c.__name__ for c in Dyn.__mro__])
print(types.NoneType, types.EllipsisType, types.NotImplementedType, type(types.SimpleNamespace).__name__)


def make_fn():
    return types.FunctionType((lambda a, b=2: a * b).__code__, {}, "renamed", (5,))


fn = make_fn()
print(fn(3), fn(3, 1), fn.__name__, fn.__defaults__)

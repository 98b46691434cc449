# dataclasses: defaults, field(), order, frozen, __post_init__, asdict, replace, InitVar.
import dataclasses
from dataclasses import dataclass, field, InitVar, KW_ONLY


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    secret: str = field(default="hidden", repr=False, compare=False)


a = Item("apple", 1.5)
b = Item("apple", 1.5, secret="other")
print(a, a == b, a.tags is not Item("x").tags)
a.tags.append("fruit")
print(a, dataclasses.asdict(a), dataclasses.astuple(a))
print([f.name for f in dataclasses.fields(Item)], Item.__dataclass_fields__["price"].default)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"


vs = [Version(1, 2), Version(0, 9, 9), Version(1, 2, 1), Version(1), Version(0, 10)]
print([str(v) for v in sorted(vs)], Version(1) < Version(1, 0, 1), max(vs))


@dataclass(frozen=True)
class Point:
    x: int
    y: int

    def moved(self, dx, dy):
        return dataclasses.replace(self, x=self.x + dx, y=self.y + dy)


p = Point(1, 2)
try:
    p.x = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(p.moved(3, 4), {p: "hashable"}[Point(1, 2)], p == Point(1, 2))


@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    scale: InitVar[float] = 1.0

    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h


print(Rect(2, 3), Rect(2, 3, scale=2))


@dataclass
class Base:
    id: int
    label: str = "base"


@dataclass
class Derived(Base):
    extra: bool = False
    label: str = "derived"


print(Derived(7), Derived(8, "custom", True))


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int = 1


print(Options(level=3))
try:
    Options(True)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3


print(Mixed(1, c=9))


@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0


s = Slotted(1)
print(s, hasattr(s, "__dict__"), Slotted.__slots__)

try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)

Dyn = dataclasses.make_dataclass("Dyn", [("x", int), ("y", str, field(default="y"))])
print(Dyn(1), dataclasses.is_dataclass(Dyn), dataclasses.is_dataclass(Dyn(1)), dataclasses.is_dataclass(5))

@dataclass(eq=False)
class Ident:
    v: int


print(Ident(1) == Ident(1), Item.__eq__ is not object.__eq__)


@dataclass
class Nested:
    items: list[Item]
    meta: dict


n = Nested([Item("a", 1), Item("b", 2)], {"k": Point(0, 0)})
print(dataclasses.asdict(n))

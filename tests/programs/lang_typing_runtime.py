# typing at runtime: NamedTuple, TypedDict, Protocol (runtime_checkable), annotations.
import typing
from typing import NamedTuple, TypedDict, Protocol, runtime_checkable, Any, Optional


class Coord(NamedTuple):
    lat: float
    lon: float
    label: str = "?"

    def pretty(self):
        return f"{self.label}@({self.lat:.1f},{self.lon:.1f})"


c = Coord(51.5, -0.12, "London")
print(c, c.pretty(), c._fields, c._field_defaults, c[0], c._asdict())
print(c._replace(label="LDN"), Coord._make([1, 2, "m"]), tuple(c), len(c))
lat, lon, _ = c
print(lat, lon, isinstance(c, tuple))
try:
    c.lat = 0
except AttributeError as e:
    print("AttributeError:", e)


class Movie(TypedDict):
    title: str
    year: int


class MovieExtra(Movie, total=False):
    rating: float


m: Movie = {"title": "Brazil", "year": 1985}
print(m, type(m).__name__, Movie.__required_keys__ == frozenset({"title", "year"}))
print(sorted(MovieExtra.__optional_keys__), sorted(MovieExtra.__annotations__))
print(Movie(title="x", year=1))


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class SupportsArea(Protocol):
    def area(self) -> float: ...


class File:
    def close(self):
        print("File closed")


class Other:
    pass


for obj in (File(), Other(), open.__class__):
    print(type(obj).__name__, isinstance(obj, Closable))
try:
    isinstance(File(), SupportsArea)
except TypeError as e:
    print("TypeError:", e)


def total_area(shapes: list[SupportsArea]) -> float:
    return sum(s.area() for s in shapes)


class Sq:
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


print(total_area([Sq(2), Sq(3)]))


def annotated(a: int, b: "str" = "x", *args: float, key: Optional[int] = None, **kw: Any) -> list[int]:
    return [a]


print(annotated.__annotations__)
print(typing.get_type_hints(annotated))


class Annotated:
    x: int
    y: str = "s"
    z: "list[int]"


print(Annotated.__annotations__, typing.get_type_hints(Annotated))

Pair = NamedTuple("Pair", [("a", int), ("b", int)])
print(Pair(1, 2), Pair.__annotations__)
UserId = typing.NewType("UserId", int)
print(UserId(5), UserId.__name__, type(UserId(5)).__name__)
print(typing.cast(str, 5), typing.TYPE_CHECKING)
Lit = typing.Literal["a", "b"]
print(Lit, typing.get_args(Lit))
print(typing.Final, typing.ClassVar[int], typing.Annotated[int, "meta"].__metadata__)


@typing.final
def f():
    return "final function"


print(f(), typing.assert_type(3, int), typing.reveal_type.__name__)


@typing.overload
def g(x: int) -> int: ...
@typing.overload
def g(x: str) -> str: ...
def g(x):
    return x * 2


print(g(2), g("ab"))

# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, iteration, aliases.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [m.name for m in Color.__members__.values()])
print(list(Color.__members__), Color.RED.name, Color.RED.value)
print(Color.RED == 1, Color.RED in Color, isinstance(Color.RED, Color))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(Priority.LOW < Priority.HIGH, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW, 3]))
print(int(Priority.HIGH), f"{Priority.HIGH}", str(Priority.HIGH), repr(Priority.HIGH), Priority(5))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.RW is rw, Perm.R in rw, Perm.X in rw, bool(Perm(0)))
print(list(Perm.R | Perm.X), (rw & Perm.W), ~Perm.R, Perm(7))
print([m.name for m in Perm], rw.value)


class Mode(IntFlag):
    A = 1
    B = 2
    C = 4


print(Mode.A | Mode.C, Mode.A | 8, int(Mode.B | Mode.C), Mode(3))


class Auto(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()


print([(m.name, m.value) for m in Auto])


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    ALPHA = auto()
    BETA = auto()


print([m.value for m in Named])


class Shade(enum.StrEnum):
    DARK = auto()
    LIGHT = "light!"


print(Shade.DARK, Shade.LIGHT.upper(), Shade.DARK == "dark", f"{Shade.DARK}")

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)

    def describe(self):
        return f"{self.name.title()}: g={self.gravity:.2f}"


for p in Planet:
    print(p.describe())

Dyn = Enum("Dyn", "ONE TWO THREE")
print(list(Dyn), Dyn.TWO.value)
Dyn2 = Enum("Dyn2", [("X", 10), ("Y", 20)])
print(Dyn2.Y, Dyn2(10))


class WithMissing(Enum):
    A = "a"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.lower() == "a":
            return cls.A
        return None


print(WithMissing("A"))
print({Color.RED: "r", Color.GREEN: "g"}[Color.CRIMSON])
print(Color.RED.__class__.__name__, type(Color).__name__, Perm.R.__class__.__mro__[1].__name__)

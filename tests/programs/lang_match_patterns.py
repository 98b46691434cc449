# Structural pattern matching: every pattern kind.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    __match_args__ = ("center", "r")

    def __init__(self, center, r):
        self.center = center
        self.r = r


LIMIT = 100


class Consts:
    LIMIT = 100


def classify(subject):
    match subject:
        case None:
            return "literal None"
        case True:
            return "literal True"
        case 0 | 1 | 2:
            return f"small int {subject}"
        case "hello" | "hi":
            return "greeting"
        case -5:
            return "negative literal"
        case 3.5:
            return "float literal"
        case 1 + 2j:
            return "complex literal"
        case b"raw":
            return "bytes literal"
        case Color.RED:
            return "value pattern Color.RED"
        case Consts.LIMIT:
            return "value pattern Consts.LIMIT"
        case []:
            return "empty sequence"
        case [x]:
            return f"one element {x!r}"
        case [int(a), int(b)] if a == b:
            return f"pair of equal ints {a}"
        case [int() as a, str() as b]:
            return f"int then str: {a} {b}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long seq first={first} mid={middle} last={last}"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} extra={sorted(rest)}"
        case {"type": "point", "x": x, "y": y}:
            return f"mapping point {x},{y}"
        case {}:
            return "some mapping"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(a, b) if a == b:
            return f"diagonal {a}"
        case Point():
            return f"other point {subject.x},{subject.y}"
        case Circle(Point(cx, cy), r=radius) as c:
            return f"circle at {cx},{cy} r={radius} same={c is subject}"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str() | bytes():
            return f"string-like {subject!r}"
        case int(n) if n > 1000:
            return f"big int {n}"
        case float(f) | int(f):
            return f"number {f}"
        case _:
            return f"wildcard {type(subject).__name__}"


subjects = [
    None, True, False, 0, 2, "hi", -5, 3.5, 1 + 2j, b"raw", Color.RED, Color.GREEN, 100,
    [], [9], (4, 4), [7, "seven"], [1, 2, 3, 4, 5], (1, 2, 3), [1, 2],
    {"type": "user", "name": "ann", "age": 3, "role": "x"},
    {"type": "point", "x": 1, "y": 2, "z": 3}, {"other": 1}, {},
    Point(0, 0), Point(0, 5), Point(5, 0), Point(3, 3), Point(1, 2),
    Circle(Point(1, 1), 4), "123", "abc", b"xyz", 5000, 7, 2.5, {1, 2}, "hello",
]
for s in subjects:
    print(classify(s))


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb}"
        case _:
            return "empty"


for c in ["go north", "go up", "take lamp key", "take", "exit", "", "dance wildly"]:
    print(repr(c), "->", command(c))

match "iterator":
    case str(x):
        print("str capture", x)

match {"a": 1}:
    case {"a": 1, **kw} if not kw:
        print("exact mapping")

match range(3):
    case [0, 1, 2]:
        print("range matches sequence")

match "abc":
    case [*chars]:
        print("string as sequence?", chars)
    case _:
        print("strings are not sequences in match")

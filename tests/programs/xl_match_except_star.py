from dataclasses import dataclass
from collections import defaultdict, OrderedDict
from os.path import *
print(join("a", "b"), basename("/x/y"))

@dataclass
class Point:
    x: int
    y: int

class P3:
    __match_args__ = ("a", "b", "c")
    def __init__(self, a, b, c): self.a, self.b, self.c = a, b, c

class Bad:
    __match_args__ = ["x"]

class NoArgs:
    pass

def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s:
            return f"str {s}"
        case [x, y, *rest]:
            return f"seq {x} {y} {rest}"
        case (a,):
            return f"one {a}"
        case {"k": val, **others}:
            return f"map {val} {others}"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, yy):
            return f"point {xx},{yy}"
        case P3(1, b, c=cc):
            return f"p3 {b} {cc}"
        case float(f) | complex(f):
            return f"num {f}"
        case None:
            return "none"
        case True:
            return "true"
        case _:
            return "other"

for v in [0, 1, 500, 7, "hi", [1, 2, 3, 4], (9,), {"k": 1, "z": 2}, Point(0, 5), Point(3, 4),
          P3(1, 2, 3), P3(2, 2, 3), 1.5, None, True, b"bytes", defaultdict(int, k=3), OrderedDict(k=4)]:
    print(type(v).__name__, "->", describe(v))

class K:
    a = "a"
    b = "a"

def errors():
    for pat in range(4):
        try:
            match Bad():
                case Bad(1) if pat == 0:
                    pass
                case Point(1, 2, 3):
                    pass
        except TypeError as e:
            print("TypeError:", e)
        try:
            match NoArgs():
                case NoArgs(1):
                    pass
        except TypeError as e:
            print("TypeError:", e)
        break
    try:
        match Point(1, 2):
            case Point(1, x=1):
                pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        k = "a"
        match {"a": 1, "b": 2}:
            case {K.a: 1, K.b: 2}:
                pass
            case {0: 1}:
                pass
    except Exception as e:
        print(type(e).__name__, e)
    try:
        match 5:
            case len():
                pass
    except TypeError as e:
        print("TypeError:", e)
errors()

def eg():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
    except* ValueError as e:
        print("value", repr(e), e.exceptions)
    except* TypeError as e:
        print("type", repr(e))
    except* KeyError:
        print("key")
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked", repr(e))
    try:
        try:
            raise ExceptionGroup("eg2", [ValueError(1), OSError(2)])
        except* ValueError:
            print("handled value")
    except* OSError as rest:
        print("rest", repr(rest))
    try:
        try:
            raise ExceptionGroup("eg3", [ValueError(1)])
        except* ValueError:
            raise KeyError("new")
    except Exception as e:
        print(type(e).__name__, repr(e), e.exceptions)
    for bad in [ExceptionGroup, (ValueError, ExceptionGroup), 5]:
        try:
            try:
                raise ValueError(1)
            except* bad:
                pass
        except TypeError as t:
            print("TypeError:", t)
    import sys
    try:
        raise ExceptionGroup("eg4", [ValueError(7)])
    except* ValueError:
        print("exc_info", repr(sys.exc_info()[1]))
eg()
def unhandled():
    try:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
unhandled()

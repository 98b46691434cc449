# Unbounded recursion caught as RecursionError (only the type is printed), and recovery afterwards.
import sys


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("caught", type(e).__name__, "is RuntimeError subclass:", isinstance(e, RuntimeError))


class Weird:
    def __getattr__(self, name):
        return getattr(self, "x" + name)


try:
    Weird().attr
except RecursionError as e:
    print("caught from __getattr__:", type(e).__name__)


class SelfRepr:
    def __repr__(self):
        return "SelfRepr(" + repr(self) + ")"


try:
    repr(SelfRepr())
except RecursionError as e:
    print("caught from __repr__:", type(e).__name__)


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


try:
    mutual_a(0)
except RecursionError as e:
    print("caught from mutual recursion:", type(e).__name__)


class Prop:
    @property
    def loop(self):
        return self.loop


try:
    Prop().loop
except RecursionError as e:
    print("caught from property:", type(e).__name__)


def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1


print("recursion still works after recovery:", depth(900))
count = 0


def with_finally(n):
    global count
    try:
        return with_finally(n + 1)
    finally:
        count += 1


try:
    with_finally(0)
except RecursionError:
    print("finally blocks all ran:", count > 900)


def gen_recursion():
    yield from gen_recursion()


try:
    list(gen_recursion())
except RecursionError as e:
    print("caught from generator recursion:", type(e).__name__)
print("limit:", sys.getrecursionlimit())
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError:
    print("lowered limit triggers RecursionError")
sys.setrecursionlimit(1000)
print("restored:", sys.getrecursionlimit(), depth(900))

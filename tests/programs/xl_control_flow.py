# Translator edge cases: handlers in loops, finally with return/break/continue,
# nested with, closures over loop variables, __class__ cell and super().
import sys


def handlers_in_loop():
    out = []
    for i in range(6):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            if i == 4:
                continue
            out.append(10 // (i - 2))
        except ValueError as e:
            out.append(("V", e.args[0]))
        except ZeroDivisionError:
            out.append("Z")
        else:
            out.append("else")
        finally:
            out.append(("f", i))
    return out


def finally_return():
    try:
        return "try"
    finally:
        print("finally runs before return")


def finally_overrides():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            if i == 1:
                print("finally on break", i)
    try:
        1 / 0
    finally:
        return "swallowed"


class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.swallow


def nested_with():
    with CM("outer", swallow=True), CM("inner"):
        raise KeyError("k")
    with CM("a") as a, CM("b") as b:
        print(a.name + b.name)


def closures():
    fs = [lambda i=i: i * 2 for i in range(3)]
    gs = []
    for j in range(3):
        def g(j=j):
            return j + 100
        gs.append(g)
    x = 0

    def bump():
        nonlocal x
        x += 1
        return x
    bump(); bump()
    return [f() for f in fs], [g() for g in gs], x


class Base:
    def hello(self):
        return "base"


class Derived(Base):
    def hello(self):
        return "derived+" + super().hello() + "+" + __class__.__name__


def unbound():
    try:
        print(y)
        y = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    try:
        print(undefined_name)
    except NameError as e:
        print("NameError:", e)


print(handlers_in_loop())
print(finally_return())
print(finally_overrides())
nested_with()
print(closures())
print(Derived().hello())
unbound()
a, *rest, z = range(5)
print(a, rest, z, {**{"k": 1}, "m": 2}, {*rest, 9}, (*rest,), rest[1:3])
print(f"{a!r:>4}|{z:03d}|{'s'!s}", 3 ** 2, 7 // 2, -a, ~z, not a, a is None, 3 in rest)
print(sys._getframe().f_lineno)

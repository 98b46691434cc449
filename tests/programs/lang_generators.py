# Generators: send, throw, close, yield from, return values, generator expressions.
def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
            print("got", value)
    except GeneratorExit:
        print("closing with", received)
        raise
    finally:
        print("echo finally")


g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
g.close()
print(g.gi_frame is None)


def catcher():
    while True:
        try:
            yield "normal"
        except ValueError as e:
            yield f"caught {e}"


c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
print(next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)


def inner(n):
    for i in range(n):
        x = yield i
        if x:
            print("inner received", x)
    return f"inner done {n}"


def outer():
    r1 = yield from inner(2)
    print(r1)
    r2 = yield from inner(3)
    print(r2)
    return "outer done"


o = outer()
print(next(o))
print(o.send("hi"))
print(list(o) if False else [v for v in o])


def wrapper():
    try:
        result = yield from outer()
    except StopIteration:
        result = None
    yield result


print(list(wrapper()))


def gen_ret():
    yield 1
    return 99


gr = gen_ret()
next(gr)
try:
    next(gr)
except StopIteration as e:
    print("StopIteration value", e.value)

squares = (i * i for i in range(6) if i % 2)
print(type(squares).__name__, list(squares), list(squares))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


import itertools
print(list(itertools.islice(fib(), 15)))


def delegating_throw():
    try:
        yield from catcher()
    finally:
        print("delegating finally")


d = delegating_throw()
print(next(d), d.throw(ValueError("via yield from")))
d.close()


def stopper():
    yield 1
    raise StopIteration("bad")


try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def states():
    yield 1

import inspect
s = states()
print(inspect.getgeneratorstate(s))
next(s)
print(inspect.getgeneratorstate(s))
s.close()
print(inspect.getgeneratorstate(s))

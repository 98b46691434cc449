import sys, gc

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def echo():
    received = None
    try:
        while True:
            received = yield received
    except GeneratorExit:
        print("closing")
        raise
    finally:
        print("finally")

e = echo()
next(e)
print(e.send(1), e.send("x"))
e.close()

def thrower():
    try:
        yield 1
    except ValueError as ex:
        print("caught", ex)
        yield 2
    yield 3

t = thrower()
print(next(t))
print(t.throw(ValueError("boom")))
print(next(t))

def inner():
    x = yield "a"
    print("inner got", x)
    y = yield "b"
    return x, y

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [1, 2]
    return r

o = outer()
print(next(o), o.send(10), o.send(20), next(o))
try:
    next(o)
except StopIteration as s:
    print("outer returned", s.value)

def deleg_throw():
    try:
        yield from inner()
    except KeyError as k:
        print("outer caught", repr(k))
        yield "after"

d = deleg_throw()
next(d)
print(d.throw(KeyError("k")))

gexp = (x * x for x in range(5) if x % 2)
print(sum(gexp))

def closure_gen(n):
    def helper(v):
        return v + n
    for i in range(3):
        yield helper(i)
print(list(closure_gen(10)))

def raising():
    yield 1
    raise RuntimeError("in gen")

try:
    for v in raising():
        print(v)
except RuntimeError as r:
    import traceback
    traceback.print_exc()

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("fin cleanup")

f = fin()
next(f)
del f
gc.collect()

def stopiter():
    yield 1
    raise StopIteration

try:
    list(stopiter())
except RuntimeError as r:
    print("RuntimeError:", r, type(r.__cause__).__name__)

print(type(count).__name__, count(1).gi_frame.f_lineno, count(1).gi_code.co_name)
g = count(3); next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals)
import inspect
print(inspect.getgeneratorstate(g))

def gen_with_except_in_loop():
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            yield i
        except ValueError as v:
            yield -v.args[0]
        finally:
            pass
print(list(gen_with_except_in_loop()))

def throw_created():
    yield 1
g = throw_created()
try:
    g.throw(TypeError("fresh"))
except TypeError as te:
    print("fresh throw", te)
print(inspect.getgeneratorstate(g))

def uncaught():
    yield 1
    1/0
def caller():
    yield from uncaught()
for x in caller():
    print(x)

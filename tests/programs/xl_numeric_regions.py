# Straight-line arithmetic on locals, constants and stack values runs on
# unboxed C doubles / 64-bit ints when every operand is an exact float, or
# every one an exact int below 2**60, and on the ordinary path otherwise.
# Both sides of each guard: other types (subclasses, bool, big ints,
# strings, None), Python's special cases (division by zero, negative shift
# counts, results beyond 64 bits, ints beyond 2**53 meeting floats), and
# the objects the fast path rewrites in place (a local's old value, a
# dying call result) never being visible to anyone else.
import sys


def poly(x, y):
    d = x - y
    e = d * d + 3 * x - y / 2.0
    return -e


def int_mix(i, j):
    return (i + j) * (i + j + 1) // 2 + i % 7 - (j << 3) + (i >> 1) ^ (j & 255) | 1


def true_div(a, b):
    return 1.0 / ((a + b) * 3 + 1), a / b


class F(float):
    def __add__(self, other):
        return "F.add"


class I(int):
    def __sub__(self, other):
        return "I.sub"


def show(label, f, *args):
    try:
        r = f(*args)
        print(label, repr(r), type(r).__name__ if not isinstance(r, tuple) else "")
    except Exception as e:
        print(label, type(e).__name__, e)


for args in [(1.5, 0.25), (3, 4), (2, 0.5), (1e308, -1e308), (float("inf"), 1.0),
             (float("nan"), 2.0), (-0.0, 0.0), (2**70, 3), (True, False), ("a", "b"),
             (F(1.0), 2.0), (I(5), 3), (None, 1)]:
    show("poly", poly, *args)

for args in [(3, 4), (-7, 5), (2**59, 1), (2**40, 2**40), (-(2**59), -(2**59)), (1.5, 2),
             (True, 3), (I(9), 2)]:
    show("int_mix", int_mix, *args)

for args in [(3, 4), (2.0, 4.0), (1, 0), (0.0, 0.0), (-1, 1), (2**53 + 1, 3), (3, 2**53 + 1),
             (2**60, 1), (7, -2)]:
    show("true_div", true_div, *args)


def edges(a, b):
    out = []
    for name, fn in [("floordiv", lambda: a // b), ("mod", lambda: a % b),
                     ("lshift", lambda: a << b), ("rshift", lambda: a >> b),
                     ("mul", lambda: a * b), ("neg", lambda: -(a * b))]:
        try:
            out.append((name, fn()))
        except Exception as e:
            out.append((name, type(e).__name__, str(e)))
    return out


def edges_inline(a, b):
    # the same operations as straight-line code in one function
    try:
        q = a // b
    except ZeroDivisionError as e:
        q = "ZeroDivisionError: %s" % e
    try:
        m = a % b
    except ZeroDivisionError as e:
        m = "ZeroDivisionError: %s" % e
    try:
        s = a << b
    except ValueError as e:
        s = "ValueError: %s" % e
    t = a >> b if b >= 0 else None
    p = a * b * b
    n = -(a * b)
    return q, m, s, t, p, n


for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (5, 0), (1, 62), (1, 63), (-1, 64), (3, -1),
             (-(2**31), 33), (2**59, 5), (-(2**59), -1), (0, 0)]:
    print(a, b, edges(a, b))
    print(a, b, edges_inline(a, b))


def llong_min():
    a = -(2**31)
    b = 2**32
    c = a * b  # -2**63
    d = -(a * b)  # 2**63: beyond 64 bits
    e = (a * b) // -1
    f = (a * b) % -1
    return c, d, e, f


print(llong_min())


def compares(a, b):
    r = []
    if a < b:
        r.append("lt")
    if a - b <= 0.5:
        r.append("le-half")
    if a == b:
        r.append("eq")
    if a * 2 != b * 2:
        r.append("ne")
    r.append(a > b)
    r.append(a + 0 >= b - 0)
    return r


for a, b in [(1, 2), (2.5, 2.0), (2**53, 2.0**53), (2**53 + 1, 2.0**53), (float("nan"), 1.0),
             (0.0, -0.0), (3, 3), ("a", "b"), (2**62, 2**62 + 1)]:
    show("compares %r %r" % (a, b), compares, a, b)


def loop_sum(n):
    i = 0
    t = 0.0
    k = 0
    while i * i < n:
        t += i * 0.5
        k = k + i * i
        i += 1
    return t, k, i


print(loop_sum(1000), loop_sum(0), loop_sum(10**6))


def changing_types():
    x = 1
    out = []
    for step in range(6):
        x = x * 3 + 1
        if step == 2:
            x = x / 2
        if step == 4:
            x = int(x) * 2**62
        out.append((x, type(x).__name__))
    return out


print(changing_types())

# ---- objects rewritten in place must be invisible ----
keep = []


def aliasing(x):
    y = x
    x = x + 1.0  # x's old object is still y's
    keep.append(x)
    x = x * 2.0  # ... and now keep's
    z = x
    x -= 0.5
    x = x + x
    return y, z, x, keep[-1]


print(aliasing(1.5))
print(aliasing(4.25))


def int_aliasing(n):
    a = n * 1000
    b = a
    a = a + 7
    d = {"v": a}
    a = a * 3
    return b, d["v"], a


print(int_aliasing(123456), int_aliasing(2**40))


cache = {}


def cached_float(k):
    if k not in cache:
        cache[k] = k * 1.5
    return cache[k]


def fresh_float(k):
    return k * 1.5


def dying_inputs(k):
    a = fresh_float(k) * 2.0 + 1.0  # a temporary nobody else holds
    b = cached_float(k) * 2.0 + 1.0  # the cache holds this one
    c = cached_float(k) - 0.0
    return a, b, c, cache[k]


print(dying_inputs(3), dying_inputs(3), cache)


def closure_sees(x):
    def get():
        return x

    before = get()
    x = x * 2.0 + 1.0
    return before, get(), x


print(closure_sees(2.5))


def small_int_cache(a, b):
    x = a - b
    y = 5
    return x is y, (a * b) is (a * b)


print(small_int_cache(8, 3), small_int_cache(300, 1))


def unbound(flag):
    if flag:
        v = 2.0
    w = v * 3.0 + 1.0
    return w


print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def args_mix(a, b, c):
    return (a * b, "s", c - a, [a + b])


print(args_mix(1.5, 2.0, 4.0), args_mix(2, 3, 4), args_mix("x", 2, 4.0) if False else None)


def gen(n):
    x = 0.5
    for i in range(n):
        x = x * 1.5 + i
        yield x - 1.0


print(list(gen(5)))
print([i * i - 1 for i in range(5)], sum(i * 0.5 for i in range(10)))


# c[i] op= ... rewrites the item in place only when the list alone holds it
def items(x):
    lst = [1.5, 2.5, x, 10**6, 7]
    alias = lst[0]
    lst[0] += x * 2.0  # alias still holds the old item
    lst[1] -= x * 2.0
    lst[-1] *= 3  # a small int result comes from the cache
    lst[3] = lst[3] * 1  # a new object for the item, held by the list alone
    lst[3] += 5 * 7
    twice = [x * 1.0] * 2  # one object at two places
    twice[0] += 1.0
    d = {"k": 1.5}
    d["k"] += x * 2.0
    t = [4.5]

    def change():
        t[0] = 100.0  # the item is replaced while the right side runs
        return 1.0

    t[0] += change() * 1.0
    return lst, alias, twice, d, t


print(items(0.25), items(3))


class Recording(list):
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)


def subclass_items():
    r = Recording([1.0, 2.0])
    r[0] += 2.0 * 3.0
    r[1] -= 0.5
    return r


print(subclass_items())


# locals typed by what is stored in them (0.0, range(), enumerate()) are
# tried with those types first; the guess is checked like any other
def hinted(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j, vj in enumerate(v):
            s += vj / ((i + j) * (i + j + 1) // 2 + i + 1)
        out.append(s)
    return out


def hinted_count(n):
    t = 0
    for i in range(n):
        t = t + i * 2 - (i - 1)
    return t


import builtins

print(hinted([1.0, 2.5, 3.0], 4), hinted([1, 2, 3], 3), hinted([True, 2**62, -1.5], 2))
print(hinted_count(10), hinted_count(0))
range = lambda n: [k * 0.5 for k in builtins.range(n)]  # the guess is now wrong
print(hinted([1.0, 2.0], 3), hinted_count(6))
del range


# attributes of locals' objects are read in the fast path only where the
# attribute cache says they are plain instance values
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def scaled_sum(self, k):
        return (self.x + self.y + self.z) * k


class Slotted:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Computed:
    y = 2.0  # a class attribute
    z = 3.0

    @property
    def x(self):
        print("property read")
        return 1.0


class Lazy:
    def __getattr__(self, name):
        return {"x": 4.0, "y": 5.0, "z": 6.0}[name]


def attrs():
    a = Vec(1.5, 2.5, -3.0)
    b = Vec(2, 3, 4)
    out = [a.dot(a) for _ in range(3)] + [b.dot(b), a.dot(b), b.dot(a)]
    out.append(a.dot(Slotted(1.0, 2.0, 3.0)))
    out.append(a.dot(Computed()))
    out.append(a.dot(Lazy()))
    c = Vec(1.0, 2.0, 3.0)
    out.append(c.scaled_sum(2.0))
    vars(c)["x"] = 10.0  # the instance's dict is made
    out.append(c.scaled_sum(2.0))
    del c.y
    try:
        c.scaled_sum(2.0)
    except AttributeError as e:
        out.append(str(e))
    Vec.x = property(lambda self: 100.0)  # a data descriptor now wins
    out.append(a.dot(b))
    del Vec.x
    out.append(a.dot(b))
    return out


print(attrs())


# items of lists and tuples are read in the fast path when the index is in
# range; anything else (dicts, subclasses, __getitem__, IndexError, items
# of other types) takes the ordinary subscript
def dotp(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def grid(m, n):
    t = 0
    for i in range(n):
        for j in range(n):
            t += m[i][j] * (i - j) + m[j][-1 - i]
    return t


class Ten(list):
    def __getitem__(self, i):
        return 10.0


def items_read():
    out = [dotp([1.5, 2.5, 3.5], [2.0, 4.0, 8.0]), dotp([1, 2, 3], [4, 5, 6]),
           dotp((1.0, 2.0), (3.0, 4.0)), dotp([1.0, 2], [3, 4.0]), dotp(Ten([1.0, 2.0]), [1.0, 1.0]),
           dotp({0: 1.0, 1: 2.0}, [3.0, 4.0]), dotp([2**62, 1.0], [2.0, 2**62])]
    m = [[i * 3 + j for j in range(3)] for i in range(3)]
    out.append(grid(m, 3))
    m[1] = (7, 8, 9.5)
    out.append(grid(m, 3))
    for bad in ([1.0, 2.0], [1.0]), ([1.0], "ab"), ([None], [1.0]):
        try:
            out.append(dotp(*bad))
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


print(items_read())


# module globals are read in the fast path where the LOAD_GLOBAL's cache
# says they are; rebinding, deleting and builtins take the ordinary path
RADIUS_SCALE = 3
GRAVITY = 6.674e-11


def area(r):
    return PI_VALUE * r * r + RADIUS_SCALE * r - GRAVITY


def globals_read():
    global PI_VALUE, RADIUS_SCALE
    out = []
    try:
        area(1.0)
    except NameError as e:
        out.append(str(e))
    PI_VALUE = 3.141592653589793
    out += [area(2.0), area(3), area(0.5)]
    PI_VALUE = 3
    RADIUS_SCALE = 2.5
    out += [area(2.0), area(3)]
    del PI_VALUE
    builtins.PI_VALUE = 10.0  # found in the builtins now
    out.append(area(1.0))
    del builtins.PI_VALUE
    try:
        area(1.0)
    except NameError as e:
        out.append(str(e))
    RADIUS_SCALE = 3
    return out


print(globals_read())


def zero_div_traceback(a, b):
    c = a * 2.0
    return c / (b - b)


zero_div_traceback(1.0, 3.0)

# Both sides of the guards of the second batch of fast paths: polymorphic
# attribute caches, __slots__ members, cached method loads, list/tuple/dict
# subscripts, list and range iteration stepped in place, and float results
# written into a dying operand.


class Base:
    def __init__(self, v):
        self.v = v
        self.w = v * 2

    def get(self):
        return self.v

    def both(self):
        return self.v + self.w


class A(Base):
    pass


class B(Base):
    pass


class C(Base):
    pass


class D(Base):
    pass


class E(Base):
    pass


class F(Base):
    def get(self):
        return -self.v


def polymorphic_sites():
    # more classes than cache ways at one site, many times over (the site
    # gives up refilling and must stay correct)
    objs = [cls(i) for i, cls in enumerate([A, B, C, D, E, F, Base] * 30)]
    total = 0
    for o in objs:
        total += o.get() + o.both() + o.v
    print("polymorphic", total)
    for o in objs:
        o.v = o.v + 1
    print("after stores", sum(o.v for o in objs))


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class SlottedChild(Slotted):
    __slots__ = ("z",)


class SlottedWithDict(Slotted):
    pass


def slots():
    s = Slotted(1)
    for i in range(5):
        s.x = s.x + i
    print("slot x", s.x)
    try:
        s.y
    except AttributeError as e:
        print("AttributeError", e)
    s.y = 7
    print("slot y", s.y)
    del s.y
    try:
        print(s.y)
    except AttributeError as e:
        print("AttributeError after del", e)
    objs = [Slotted(1), SlottedChild(2), SlottedWithDict(3)]
    for _ in range(3):
        for o in objs:
            o.x += 1
    print([o.x for o in objs])
    objs[2].extra = "dict attr"
    print(objs[2].extra, objs[2].__dict__)
    try:
        s.nope = 1
    except AttributeError as e:
        print("AttributeError", e)


def read_x(o):
    return o.x


def class_changes():
    class K:
        def __init__(self):
            self.x = 1

    k = K()
    print([read_x(k) for _ in range(3)])
    # a data descriptor on the class now wins over the instance value
    K.x = property(lambda self: "property")
    print(read_x(k))
    del K.x
    print(read_x(k))
    # the instance's attributes move to a real __dict__
    vars(k)["x"] = "via vars"
    print(read_x(k))


def call_m(o):
    return o.m()


def methods():
    class M:
        def m(self):
            return "class method"

    o = M()
    print([call_m(o) for _ in range(3)])
    o.m = lambda: "instance attribute shadows"
    print(call_m(o))
    del o.m
    print(call_m(o))
    p = M()
    vars(p)["m"] = lambda: "shadow through vars()"
    print(call_m(p))
    M.m = lambda self: "replaced on the class"
    print(call_m(M()), call_m(p))

    # methods of builtin types, and an object with a plain __dict__
    lst = []
    for i in range(5):
        lst.append(i)
    print(lst, "-".join(str(i) for i in lst), {"a": 1}.get("a"))

    class Err(Exception):
        def m(self):
            return "exception subclass method"

    e = Err()
    print(call_m(e))
    e.m = lambda: "exception instance attribute"
    print(call_m(e))

    class Meta(type):
        def m(cls):
            return "metaclass method"

    class WithMeta(metaclass=Meta):
        pass

    print(call_m(WithMeta))

    class Getattr:
        def __getattr__(self, name):
            return lambda: "from __getattr__ " + name

    print(call_m(Getattr()))


class MyList(list):
    def __getitem__(self, i):
        return ("MyList", list.__getitem__(self, i))

    def __setitem__(self, i, v):
        list.__setitem__(self, i, ("set", v))


class MyDict(dict):
    def __missing__(self, key):
        return ("missing", key)


def subscripts():
    lst = [10, 20, 30]
    tup = (1, 2, 3)
    d = {"a": 1, 2: "two"}
    print(lst[0], lst[2], lst[-1], tup[1], tup[-3], d["a"], d[2], lst[True])
    for bad in (3, -4, 2**30 + 5):
        try:
            print(lst[bad])
        except IndexError as e:
            print("IndexError", e)
    try:
        print(tup[5])
    except IndexError as e:
        print("IndexError", e)
    try:
        print(d["missing"])
    except KeyError as e:
        print("KeyError", e)
    try:
        print(d[[1]])
    except TypeError as e:
        print("TypeError", e)
    try:
        print(lst["x"])
    except TypeError as e:
        print("TypeError", e)
    print(MyList([1, 2])[0], MyDict(a=1)["a"], MyDict()["zz"])
    print("abc"[1], b"xyz"[0], range(10)[3])

    lst[1] = "one"
    lst[-1] = "last"
    d["new"] = [1]
    d[2] = "TWO"
    print(lst, d)
    for bad in (3, -4):
        try:
            lst[bad] = 0
        except IndexError as e:
            print("IndexError", e)
    try:
        d[{}] = 1
    except TypeError as e:
        print("TypeError", e)
    ml = MyList([0, 0])
    ml[1] = 5
    print(list.__getitem__(ml, 1))
    grid = [[0] * 3 for _ in range(3)]
    for i in range(3):
        for j in range(3):
            grid[i][j] += i * j
    print(grid)


def iteration():
    lst = [1, 2, 3]
    out = []
    for x in lst:
        out.append(x)
        if x == 1:
            lst.append(4)  # seen by the running loop
    print(out)
    lst = [1, 2, 3, 4, 5]
    out = []
    for x in lst:
        out.append(x)
        del lst[0]  # shrinking under the loop
    print(out, lst)
    it = iter([1, 2])
    for x in it:
        pass
    print(list(it), next(it, "exhausted"))
    it = iter(range(5))
    for x in it:
        if x == 2:
            break
    print("rest", list(it))
    print([i for i in range(10, 0, -3)], [i for i in range(0)], [i for i in range(-5, -1)])
    big = 2**31
    print([i for i in range(big - 2, big + 2)], [i for i in range(2**62, 2**62 + 2)])
    print(sum(i for i in range(-(2**31), -(2**31) + 3)))
    print([x for x in (1, 2)], [c for c in "ab"], [k for k in {"k": 1}])


class FloatSub(float):
    def __add__(self, other):
        return "FloatSub.__add__"


def floats():
    a = 1.5
    b = a + 0.0  # a stays alive: never reused
    c = a * 2.0
    print(a, b, c, a is b)
    x = 0.1
    for _ in range(10):
        x = x * 1.1 + 0.01 - 0.001 / 3.0
    print(x)
    vals = [1.0, 2.0, 3.0]
    s = 0.0
    for v in vals:
        s += v * v
    print(s, vals)
    y = 3.0
    z = y
    y += 1.0  # z still refers to the old value
    print(y, z)
    try:
        print(1.0 / 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        x = 2.0
        x /= 0.0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    print(7.0 / 2.0, -0.0 / 1.0, float("inf") / 2.0, float("nan") / 1.0)
    print(FloatSub(1.0) + 2.0, 2.0 + FloatSub(1.0), 1.0 / 4, 3 / 2.0)
    t = (0.5, 0.25)
    print(t[0] + t[1], t)


polymorphic_sites()
slots()
class_changes()
methods()
subscripts()
iteration()
floats()


def deleted_parameter(x, *rest, key=1, **kw):
    del x
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    try:
        raise ValueError("v")
    except ValueError as key:
        pass
    try:
        print(key)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    print(rest, kw)


deleted_parameter(1, 2, 3, a=4)


class IntSub(int):
    def __floordiv__(self, other):
        return "IntSub.__floordiv__"


def int_ops():
    # one-digit ints on both sides of every operator's guard: signs, zero,
    # the one-digit limit (2**30), shift counts around 31/32
    vals = [0, 1, -1, 7, -7, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30), 12345, -99999]
    out = []
    for a in vals:
        for b in vals:
            out.append((a + b, a - b, a * b, a & b, a | b, a ^ b))
            if b:
                out.append((a // b, a % b))
            else:
                for op in ("//", "%"):
                    try:
                        eval("a " + op + " b")
                    except ZeroDivisionError as e:
                        out.append(str(e))
    print(hash(tuple(out)) == hash(tuple(out)), len(out), out[:8], out[-8:])
    print(sum(x for t in out if isinstance(t, tuple) for x in t))
    for a in (1, -1, 5, -5, 2**30 - 1, -(2**30 - 1)):
        print([a >> s for s in (0, 1, 29, 30, 31, 32, 100)], [a << s for s in (0, 1, 31, 32, 33)])
    for bad in ("1 >> -1", "1 << -1", "1 // 0", "1 % 0"):
        try:
            eval(bad)
        except (ValueError, ZeroDivisionError) as e:
            print(bad, type(e).__name__, e)
    x = 5
    x //= -2
    y = -5
    y %= 3
    z = 3
    z <<= 31
    w = 2**30 - 1
    w *= w
    print(x, y, z, w, True & 1, True + True, IntSub(7) // 2, IntSub(7) % 2, 7 // IntSub(2))
    acc = 0
    for i in range(1000):
        acc = (acc * 31 + i) & 0xFFFF
        acc ^= i >> 2
    print(acc)


int_ops()


def mixed_numbers():
    fl = [0.0, -0.0, 1.5, -2.25, float("inf"), float("nan"), 1e300]
    ints = [0, 1, -3, 2**30 - 1, 2**30, -(2**40)]
    out = []
    for f in fl:
        for i in ints:
            row = [f + i, i + f, f - i, i - f, f * i, i * f]
            for a, b in ((f, i), (i, f)):
                try:
                    row.append(a / b)
                except ZeroDivisionError as e:
                    row.append(str(e))
            row += [f < i, i < f, f == i, i >= f, f != i]
            out.append(repr(row))
    print("\n".join(out))
    print([a / b for a in (7, -7, 0, 2**30 - 1) for b in (2, -3, 2**30 - 1)])
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    x = 10
    x /= 4
    print(x, 3 * 0.1, 0.1 * 3, 1 - 0.9, 2**29 * 1.5)


mixed_numbers()


def two_digit_ints():
    # ints below 2**60 are computed in 64 bits: both sides of the one- and
    # two-digit limits (2**30, 2**60), products and left shifts that leave
    # 64 bits (2**63) and so take the bigint path, signs for // % >> & | ^,
    # true division beyond the doubles' exact integers (2**53)
    vals = [0, 3, -3, 2**30 - 1, 2**30, -(2**30), 2**31 + 5, -(2**32) - 7, 2**53 + 1,
            -(2**53) - 1, 2**59 + 12345, -(2**60 - 1), 2**60, -(2**60), 2**62 + 3, 2**64 + 1]
    out = []
    for a in vals:
        for b in vals:
            out.append((a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a <= b, a == b,
                        a != b, a > b, a >= b))
            if b:
                out.append((a // b, a % b, a / b))
    print(len(out), out[:3], out[-3:])
    print(sum(x for t in out for x in t if not isinstance(x, float)))
    print(repr([t[2] for t in out if len(t) == 3][::17]))
    for a in (2**40 + 3, -(2**40) - 3, 2**59, -(2**59)):
        print([a >> s for s in (0, 1, 30, 31, 59, 62, 63, 64, 200)],
              [a << s for s in (0, 1, 3, 4, 5, 22, 23, 24, 62)])
    big, neg, zero = 2**40, -1, 0
    for name, op in ((">>", lambda: big >> neg), ("<<", lambda: big << neg),
                     ("//", lambda: big // zero), ("%", lambda: big % zero),
                     ("/", lambda: big / zero)):
        try:
            op()
        except (ValueError, ZeroDivisionError) as e:
            print(name, type(e).__name__, e)
    x = 2**31
    x *= x
    x *= 4
    x *= -2
    y = -(2**45)
    y //= 7
    z = 2**45
    z %= -(2**33 + 1)
    print(x, y, z, 2**62 * 2, -(2**62) * 2, -(2**62) * -2, (2**31) * (2**31) * 2)
    seed = 12345
    total = 0
    for _ in range(2000):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        total = (total + seed * seed) % 1000000007
        total ^= seed << 13
    print(seed, total, IntSub(2**40) // 2, 2**40 // IntSub(3))


two_digit_ints()


class DoublingList(list):
    def append(self, v):
        super().append(v * 2)


class Appender:
    def __init__(self):
        self.seen = []
        self.append = self.seen.append  # an instance attribute, not a method


def appends():
    # x.append(v) appends in place only for an exact list calling list.append;
    # subclasses, other classes, bound methods kept aside, keywords and bad
    # argument counts take the general call
    out = []
    doubled = DoublingList()
    other = Appender()
    for target in (out, doubled, other, out):
        for i in range(3):
            target.append(i)
    kept = out.append
    kept(99)
    print(out, doubled, other.seen, out.append(None), out[-1])
    for bad in (lambda: out.append(), lambda: out.append(1, 2), lambda: out.append(v=1),
                lambda: (5).append(1)):
        try:
            bad()
        except (TypeError, AttributeError) as e:
            print(type(e).__name__, e)
    nested = []
    nested.append([].append(1))
    nested.append(len(nested) if nested else -1)
    print(nested, [[] for _ in range(2)].append(3))


appends()


class PopList(list):
    def pop(self, *args):
        return ("PopList.pop", super().pop(*args))


def pops():
    # x.pop() takes the last item in place only for an exact list calling
    # list.pop while no shrink is due; a list emptied from 1000 items shrinks
    # as natively (its size is checked through sys.getsizeof), an empty one
    # raises, subclasses and other classes take the general call
    import struct
    import sys

    def allocated(lst):
        # the list's storage in slots, whatever the pointer size
        return (sys.getsizeof(lst) - sys.getsizeof([])) // struct.calcsize("P")
    big = list(range(1000))
    sizes = set()
    total = 0
    while big:
        total += big.pop()
        sizes.add(allocated(big))
    print(total, sorted(sizes)[:6], len(sizes), allocated(big))
    try:
        big.pop()
    except IndexError as e:
        print("IndexError", e)
    sub = PopList([1, 2, 3])
    d = {"k": 1}
    print(sub.pop(), sub.pop(0), d.pop("k"), d, [5, 6].pop(), [7, 8].pop(0))
    stack = [[1], [2, 3]]
    print(stack.pop().pop(), stack.pop().pop(), stack)


pops()


def gen_returning(n):
    for i in range(n):
        yield i
    return "returned"


def gen_stop_inside():
    yield 1
    raise StopIteration("inner")


def gen_exc_info():
    yield sys.exc_info()[0]
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


def gen_frames():
    import inspect
    yield inspect.currentframe().f_back.f_code.co_name
    yield inspect.currentframe().f_back.f_code.co_name


def generators_resumed():
    # FOR_ITER resumes a compiled generator's C function directly: values,
    # a returned value dropped, PEP 479, the caller's exception state seen
    # inside, the frame chain, re-entrancy, closing and tracing
    print([v for v in gen_returning(3)], list(gen_returning(2)))
    try:
        for v in gen_stop_inside():
            print("got", v)
    except RuntimeError as e:
        print("RuntimeError", e, repr(e.__cause__))
    try:
        raise ValueError("outer")
    except ValueError:
        print([t.__name__ if t else None for t in gen_exc_info()])
    print([t.__name__ if t else None for t in gen_exc_info()])
    print(list(gen_frames()))

    def self_iter():
        for v in me:
            yield v
    me = self_iter()
    try:
        for v in me:
            pass
    except ValueError as e:
        print("ValueError", e)
    g = gen_returning(5)
    for v in g:
        if v == 2:
            g.close()
    print("closed", list(g), g.gi_frame)
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "gen_returning":
            events.append(event)
        return tracer
    sys.settrace(tracer)
    try:
        total = sum(v for v in gen_returning(3))
        for v in gen_returning(2):
            total += v
    finally:
        sys.settrace(None)
    print(total, events.count("line") > 0, events.count("return"), events.count("call"))


import sys
generators_resumed()


class Meters(float):
    def __add__(self, other):
        return ("Meters.__add__", float(self), other)

    def __lt__(self, other):
        return "Meters.__lt__"


def const_operands():
    # a constant right operand (int below 2**60 or float) specialises the
    # operator at compile time; every kind of left operand still takes its
    # own path: ints across 2**30 and 2**60, floats, bools, subclasses,
    # strings (TypeError), division by a zero constant, and a constant that
    # is a jump target (a conditional expression) is not specialised
    out = []
    for x in (0, 7, -7, 2**30 - 1, 2**30, -(2**30), 2**59, -(2**60) + 1, 2**62, 2.5, -0.0,
              float("nan"), True, IntSub(9), Meters(1.5)):
        row = [x + 1, x - 3, x * 1000003, x // 7, x % 7, x + 2**40, x * 2**40, x - 0.5, x * 1.5,
               x / 4.0, x / 3, 1 if x < 5 else 0, 1 if x >= 2**30 else 0, 1 if x == 2.5 else 0,
               1 if x != 0.0 else 0, 1 if x > 2**59 else 0]
        if isinstance(x, int) and not isinstance(x, bool):
            row += [x & 0xFF, x | 1, x ^ 0x5555, x >> 3, x << 3, x << 40, x >> 70]
        out.append(repr(row))
    print("\n".join(out))
    for bad, fn in (("1 // 0", lambda v: v // 0), ("1 % 0", lambda v: v % 0),
                    ("1 / 0", lambda v: v / 0), ("1.5 / 0.0", lambda v: v / 0.0),
                    ("'s' < 1", lambda v: v < 1), ("'s' + 1", lambda v: v + 1),
                    ("None * 2.0", lambda v: v * 2.0)):
        arg = "s" if "'s'" in bad else (None if "None" in bad else (1.5 if "1.5" in bad else 1))
        try:
            print(bad, fn(arg))
        except (ZeroDivisionError, TypeError) as e:
            print(bad, type(e).__name__, e)
    total = 0
    for i in range(2000):
        total = total * 3 + 1
        total %= 1000000007
        c = i + (1 if i % 2 else 2)
        if c > 1500 and total < 2**59:
            total += c
    print(total, Meters(2.0) + 1, Meters(2.0) < 3)


const_operands()


class FirstList(list):
    def __getitem__(self, i):
        return ("FirstList", i)


def const_subscripts(xs):
    # a constant index below 2**30 reads exact lists and tuples in place,
    # negative ones from the end; everything else (subclasses, str, dict,
    # range, out of range, not subscriptable) takes the general path
    return xs[0], xs[-1], xs[2], xs[-3]


for arg in ([1, 2, 3], (4, 5, 6), FirstList([7, 8, 9]), "abc", {0: "a", -1: "b", 2: "c", -3: "d"},
            range(10), [1], (), "x", 5, [1, 2, 3, 4][1:]):
    try:
        print(const_subscripts(arg))
    except (IndexError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
print([10, 20][-2], (1, 2)[-2], [[1, 2]][0][-1], [0] * 3 == [0, 0, 0][:3], [5, 6][2**29 - 2**29])

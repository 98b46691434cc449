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

# Both sides of the attribute caches for instances whose attributes live in
# their own __dict__ (a combined table: CPython 3.11 gives an instance one
# when an attribute is added that the class's shared keys cannot take), as
# LOAD_ATTR_WITH_HINT / STORE_ATTR_WITH_HINT: the entry index is checked
# against the name on every use; and sites that kept missing adapt later.
import gc


class Late:
    def __init__(self, i):
        self.a = i

    def setup(self, order):
        for name in order:
            setattr(self, name, len(name) * 10 + self.a)


def load(o):
    return o.a + o.b + o.c


def store(o, v):
    o.c = v
    return o.c


def bump(objs, n):
    s = 0
    for _ in range(n):
        for o in objs:
            s += load(o)
            store(o, o.b)
    return s


objs = [Late(i) for i in range(60)]
for i, o in enumerate(objs):
    # different insertion orders: the hint of one instance is wrong for another
    o.setup(("b", "c", "zz") if i % 2 else ("zz", "c", "b"))
print("dict-backed", all(type(o.__dict__) is dict for o in objs), len(objs[0].__dict__))
print("bump", bump(objs, 30))
print("after", [load(o) for o in objs[:4]])

# an attribute deleted from one instance: its site must not see a stale value
del objs[3].b
try:
    load(objs[3])
except AttributeError as e:
    print("AttributeError", e)
print("others", load(objs[5]))
# store on an instance lacking the attribute adds it (the dict's business)
del objs[6].c
print("re-add", store(objs[6], 99), sorted(objs[6].__dict__))

# the __dict__ replaced, cleared, or a subclass of dict
objs[7].__dict__ = {"a": 1, "b": 2, "c": 3}
print("replaced", load(objs[7]), store(objs[7], 5), load(objs[7]))
objs[8].__dict__.clear()
try:
    load(objs[8])
except AttributeError as e:
    print("cleared", e)


class D(dict):
    pass


objs[9].__dict__ = D(a=1, b=1, c=1)
print("dict subclass", load(objs[9]), type(objs[9].__dict__).__name__)

# the class changes: a property now shadows the instance value
Late.b = property(lambda self: -1000)
print("property", load(objs[10]), bump(objs[10:12], 2))
del Late.b
print("property gone", load(objs[10]))

# a value stored through the fast path keeps the dict tracked by the gc
o = objs[11]
o.c = []
store(o, [o])
del o
gc.collect()
print("gc", type(objs[11].c).__name__, objs[11].c[0] is objs[11])
cyc = Late(0)
cyc.setup(("b", "c"))
store(cyc, [cyc])
del cyc
print("cycle collected", gc.collect() > 0)

# a site that misses on many classes (its ways thrash) and then sees one
# class again serves it correctly
classes = [type(f"K{i}", (), {"__init__": lambda self, i=i: setattr(self, "c", i)})
           for i in range(12)]
mixed = [k() for k in classes] * 10
print("mixed", sum(getattr(m, "c") for m in mixed), [store(m, 7) for m in mixed[:3]])


class Early:
    def __init__(self, i):
        self.a, self.b, self.c = i, 1, 2


early = [Early(i) for i in range(50)]
print("settled", bump(early, 200), bump(objs[20:22], 1))

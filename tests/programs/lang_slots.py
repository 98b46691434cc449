# __slots__: restricted attributes, inheritance with slots, slot descriptors.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"P({self.x}, {self.y})"


p = P(1, 2)
print(p, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
p.y = 9
print(p)
print(type(P.x).__name__, P.__slots__)


class P3(P):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return f"P3({self.x}, {self.y}, {self.z})"


q = P3(1, 2, 3)
print(q, hasattr(q, "__dict__"))


class Loose(P):
    pass


l = Loose(5, 6)
l.extra = "ok"
print(l, l.extra, vars(l))


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, vars(w))


class Weak:
    __slots__ = ("v", "__weakref__")

    def __init__(self, v):
        self.v = v


import weakref
obj = Weak(10)
r = weakref.ref(obj)
print(r() is obj, r().v)

class Defaults:
    __slots__ = ("a", "b")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k, 0))

    def as_tuple(self):
        return tuple(getattr(self, k) for k in self.__slots__)


print(Defaults(a=4).as_tuple(), Defaults(b=7).as_tuple())
try:
    class Clash:
        __slots__ = ("x",)
        x = 5
except ValueError as e:
    print("ValueError:", e)

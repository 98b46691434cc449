# Both sides of the instance-attribute caches (LOAD_ATTR / STORE_ATTR):
# warm sites then change the class, the instance dict, or the type seen.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Dyn:
    def __init__(self):
        self.x = "dyn-x"

    def __getattr__(self, name):
        return f"dyn-missing-{name}"


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


ps = [Point(i, -i) for i in range(5)]
print([get_x(p) for p in ps])
for p in ps:
    set_x(p, p.x * 10)
print([get_x(p) for p in ps], [p.y for p in ps])
print(get_x(Slotted(1, 2)), get_x(Dyn()), get_x(type("T", (), {"x": "class-attr"})()))
d = Dyn()
del d.x
print(get_x(d))  # falls to __getattr__
p = ps[0]
del p.x
try:
    get_x(p)
except AttributeError as e:
    print("AttributeError:", e)
set_x(p, "again")
print(get_x(p), list(vars(p)))  # re-added attributes keep insertion order
p.__dict__["x"] = "via __dict__"
print(get_x(p))
vars(p).clear()
try:
    get_x(p)
except AttributeError as e:
    print("AttributeError:", e)
set_x(p, "after clear")
print(get_x(p))

# the class changes after warm-up: a property now takes precedence
Point.x = property(lambda self: "property-x", lambda self, v: print("setter got", v))
print(get_x(ps[1]))
set_x(ps[1], 99)
del Point.x
print(get_x(ps[1]))
set_x(ps[1], "plain again")
print(get_x(ps[1]), ps[1].__dict__)

# a plain class attribute (not a descriptor) is shadowed by the instance
Point.z = "class-z"
q = Point(1, 2)
print(q.z)
q.z = "instance-z"
print(q.z, Point.z)


# many attributes: the shared keys fill up and instances get real dicts
class Many:
    pass


def fill(o, n):
    for i in range(n):
        setattr(o, f"a{i}", i)
    return o


objs = [fill(Many(), n) for n in (3, 40, 3)]


def read_a2(o):
    return o.a2


print([read_a2(o) for o in objs], len(vars(objs[1])))


# subclass with __setattr__ / __getattribute__ hooks at the same site
class Logged(Point):
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value)

    def __getattribute__(self, name):
        if name == "x":
            return "intercepted"
        return super().__getattribute__(name)


lg = Logged(5, 6)
set_x(lg, 7)
print(get_x(lg), get_x(ps[2]))


# a class whose instances' attribute changes type of storage mid-way
class Flip:
    def __init__(self):
        self.x = 1


f = Flip()
print(get_x(f))
f.__dict__  # materialises the dict
set_x(f, 2)
print(get_x(f), f.__dict__)
Flip.__init__ = lambda self: None
print(hasattr(Flip(), "x"))

# Descriptor protocol: data / non-data descriptors, __set_name__, binding.
class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name
        print(f"__set_name__ {owner.__name__}.{name}")

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.private, value)


class Point:
    x = Typed(int)
    y = Typed(int)

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, sorted(vars(p)))
try:
    p.x = "three"
except TypeError as e:
    print("TypeError:", e)
print(type(Point.x).__name__, Point.x.name)


class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"


class Holder:
    attr = NonData()


h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr)


class Data:
    def __get__(self, obj, objtype=None):
        return "data descriptor wins"

    def __set__(self, obj, value):
        raise AttributeError("read only")


class Holder2:
    attr = Data()


h2 = Holder2()
h2.__dict__["attr"] = "instance"
print(h2.attr)
try:
    h2.attr = 5
except AttributeError as e:
    print("AttributeError:", e)


class Func:
    def method(self, a):
        return (type(self).__name__, a)


f = Func()
bound = Func.__dict__["method"].__get__(f, Func)
print(bound(7), bound.__self__ is f, bound.__func__ is Func.method)
print(Func.method(f, 8))


class CountAccess:
    def __init__(self):
        self.count = 0

    def __get__(self, obj, objtype=None):
        self.count += 1
        return self.count


class UsesCount:
    c = CountAccess()


u = UsesCount()
print(u.c, u.c, UsesCount.c, UsesCount.__dict__["c"].count)

sm = staticmethod(lambda: "static")
cm = classmethod(lambda cls: cls.__name__)


class WithWrapped:
    s = sm
    c = cm


print(WithWrapped.s(), WithWrapped().c(), WithWrapped.c())


class Upper:
    def __get__(self, obj, objtype=None):
        return objtype.__name__.upper()


class Meta(type):
    label = Upper()


class Thing(metaclass=Meta):
    pass


print(Thing.label)

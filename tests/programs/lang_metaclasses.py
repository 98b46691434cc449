# Metaclasses, __init_subclass__, __prepare__, class creation hooks.
class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns, **kwargs):
        print(f"Registry.__new__ {name} bases={[b.__name__ for b in bases]} kwargs={kwargs}")
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.tagged = kwargs.get("tag", "none")

    def __call__(cls, *args, **kwargs):
        print(f"creating instance of {cls.__name__}")
        return super().__call__(*args, **kwargs)


class Base(metaclass=Registry):
    def __init__(self, v=0):
        self.v = v


class Child(Base, tag="kid"):
    pass


c = Child(5)
print(Registry.classes, Child.tagged, Base.tagged, c.v, type(Child).__name__)


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": "from prepare"}

    def __new__(mcls, name, bases, ns):
        ns["fields"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcls, name, bases, ns)


class Record(metaclass=OrderedMeta):
    zeta = 1
    alpha = 2
    mid = 3


print(Record.fields, Record.injected)


class Plugin:
    plugins = {}

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.plugins[key] = cls
        print("registered", key)


class CsvPlugin(Plugin, name="csv"):
    pass


class JsonPlugin(Plugin):
    pass


class SubJson(JsonPlugin, name="json2"):
    pass


print({k: v.__name__ for k, v in Plugin.plugins.items()})


class Singleton(type):
    _inst = {}

    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]


class Db(metaclass=Singleton):
    def __init__(self):
        print("Db init once")


print(Db() is Db())

Dynamic = type("Dynamic", (object,), {"x": 10, "get": lambda self: self.x * 2})
print(Dynamic.__name__, Dynamic().get(), Dynamic.__bases__)


class Meta2(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta2>"

    def __len__(cls):
        return 7

    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"


class Sized(metaclass=Meta2):
    pass


print(repr(Sized), len(Sized), Sized["int"])


class A(type): pass
class B(type): pass
class X(metaclass=A): pass
class Y(metaclass=B): pass
try:
    class Z(X, Y):
        pass
except TypeError as e:
    print("TypeError:", e)


class AutoRepr(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        def __repr__(self):
            items = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
            return f"{name}({items})"
        cls.__repr__ = __repr__
        return cls


class Pt(metaclass=AutoRepr):
    def __init__(self, x, y):
        self.x, self.y = x, y


print(Pt(1, "two"))
print(type.__name__, type(type) is type, isinstance(Pt, type), Pt.__class__.__name__)

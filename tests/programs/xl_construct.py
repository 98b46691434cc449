# Calling a class whose instances object.__new__ makes and whose __init__
# is Python code allocates the instance and runs __init__ directly, without
# type_call's argument tuple.  Both sides of each guard: classes with their
# own __new__, without __init__, abstract ones, builtin bases, metaclasses,
# keyword arguments, __init__ replaced after warm-up (by a function, by a
# callable that is not one), __init__ taking *args or keyword-only
# parameters, __init__ returning a value or raising, and recursion through
# __init__ reaching the limit at the same depth as natively.
import abc
import sys


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Child(Point):
    def __init__(self, x):
        super().__init__(x, -x)
        self.kind = "child"


class WithNew:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.made_by = "__new__"
        return obj

    def __init__(self, v):
        self.v = v


class NoInit:
    pass


class Base(abc.ABC):
    def __init__(self, v):
        self.v = v

    @abc.abstractmethod
    def run(self):
        ...


class Concrete(Base):
    def run(self):
        return self.v * 2


class MyList(list):
    def __init__(self, n):
        super().__init__(range(n))


class Meta(type):
    def __call__(cls, *args):
        obj = super().__call__(*args)
        obj.via_meta = True
        return obj


class Metered(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class Star:
    def __init__(self, *args, **kw):
        self.args = args
        self.kw = kw


class KwOnly:
    def __init__(self, a, *, b=5):
        self.total = a + b


class ReturnsValue:
    def __init__(self):
        return 42


class Raises:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        self.v = v


class Swapped:
    def __init__(self, v):
        self.v = v


def new_init(self, v):
    self.v = ("replaced", v)


class CallableInit:
    def __call__(self, *args):
        print("CallableInit called with", len(args), "arguments")


def build_all():
    out = []
    for i in range(3):
        p = Point(i, i + 1)
        q = Point(i)
        s = Slotted(i, -i)
        c = Child(i)
        out.append((p.x, p.y, q.y, s.a, s.b, c.x, c.y, c.kind))
    w = WithNew(5)
    out.append((w.made_by, w.v))
    out.append(type(NoInit()).__name__)
    out.append(Concrete(21).run())
    out.append(MyList(4))
    m = Metered(3)
    out.append((m.v, m.via_meta))
    st = Star(1, 2, k=3)
    out.append((st.args, st.kw, Star().args))
    out.append(KwOnly(1).total)
    out.append(KwOnly(1, b=2).total)
    out.append(Point(x=7).x)
    return out


def swapped_after_warmup():
    seen = []
    for i in range(4):
        if i == 2:
            Swapped.__init__ = new_init
        seen.append(Swapped(i).v)
    Swapped.__init__ = CallableInit()
    try:
        Swapped(9)
    except TypeError as e:
        seen.append(str(e))
    return seen


def errors():
    for make in (lambda: NoInit(1), lambda: Base(1), lambda: ReturnsValue(),
                 lambda: Point(), lambda: Point(1, 2, 3), lambda: Raises(-1)):
        try:
            make()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


depth = 0


class Deep:
    def __init__(self):
        global depth
        depth += 1
        Deep()


# instances share their attribute names with the class's other instances
# (inline values, a split-table __dict__), as object.__new__ sets them up:
# the size of such a __dict__ counts its share of the keys, which changes
# as more of them share the keys (the numbers themselves are the
# platform's)
print(sys.getsizeof(Point(1, 2).__dict__) == sys.getsizeof(Point(3, 4).__dict__))
print(build_all())
print(swapped_after_warmup())
errors()
try:
    Deep()
except RecursionError as e:
    print("recursion", depth, e)
print(Raises(3).v)
Raises(-5)

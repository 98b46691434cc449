# Translator: CALL_FUNCTION_EX, DICT_MERGE and SETUP_ANNOTATIONS, including
# their error messages and non-dict/non-tuple operands.
import collections


def show(*args, **kwargs):
    return f"args={args} kwargs={dict(sorted(kwargs.items()))}"


class Mapping(collections.abc.Mapping):
    def __init__(self, **d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


def gen(n):
    yield from range(n)


print(show(*[1, 2], *(3,), *gen(2)))
print(show(**{"a": 1}, b=2, **Mapping(c=3)))
print(show(0, *"xy", z=9, **{"w": 8}))
args, kw = (5, 6), {"k": "v"}
print(show(*args, **kw))
print(max(*[3, 9, 4]), dict(**{"p": 1}, q=2))

for label, thunk in [
    ("star non-iterable", lambda: show(*1)),
    ("starstar non-mapping", lambda: show(**1)),
    ("duplicate keyword", lambda: show(**{"a": 1}, **{"a": 2})),
    ("duplicate explicit", lambda: show(a=0, **{"a": 2})),
    ("builtin duplicate", lambda: dict(**{"x": 1}, **Mapping(x=2))),
    ("bad key type", lambda: show(**{1: 2})),
]:
    try:
        thunk()
    except TypeError as e:
        print(f"{label}: TypeError: {e}")


class Base1:
    pass


class Base2:
    pass


bases = (Base1, Base2)


class Combined(*bases, **{}):
    pass


print([c.__name__ for c in Combined.__mro__])

# SETUP_ANNOTATIONS at module level and in class bodies
count: int = 3
label: str
print(__annotations__)


class Point:
    x: int
    y: float = 0.5


print(Point.__annotations__, Point.y)


class OrderedNamespace(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return collections.OrderedDict()  # not an exact dict: the generic path


class Annotated(metaclass=OrderedNamespace):
    first: int
    second: str = "s"


print(Annotated.__annotations__)


def inner():
    local_ann: int = 5  # annotations in functions are not evaluated into a dict
    return local_ann


print(inner())
show(**{"a": 1}, **{"a": 2})

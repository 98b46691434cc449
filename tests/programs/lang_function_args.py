# Positional-only, keyword-only, defaults, *args/**kwargs, mutable default gotcha.
import inspect


def pos_only(a, b, /, c=3):
    return (a, b, c)


def kw_only(*, x, y=2):
    return (x, y)


def mixed(a, /, b, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)


print(pos_only(1, 2), pos_only(1, 2, c=9), pos_only(1, 2, 9))
for call in (lambda: pos_only(a=1, b=2), lambda: kw_only(1), lambda: kw_only(),
             lambda: mixed(1, 2), lambda: pos_only(1), lambda: pos_only(1, 2, 3, 4),
             lambda: mixed(1, 2, c=3, b=5), lambda: kw_only(x=1, z=3)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(kw_only(x=1), kw_only(y=5, x=0))
print(mixed(1, 2, 3, 4, c=5), mixed(1, b=2, c=3, e=6, a=7))


def defaults(x, acc=[]):
    acc.append(x)
    return acc


print(defaults(1), defaults(2), defaults(3, []), defaults(4))
print(defaults.__defaults__)


def none_default(x, acc=None):
    acc = [] if acc is None else acc
    acc.append(x)
    return acc


print(none_default(1), none_default(2))

counter = 10


def early_bound(v=counter):
    return v


counter = 20
print(early_bound())


def all_kinds(a, b=2, /, c=3, *rest, d, e=5, **extra):
    """Docstring here."""
    return locals()


print(all_kinds(1, d=4))
print(all_kinds(1, 2, 3, 4, 5, d=6, f=7))
print(all_kinds.__code__.co_argcount, all_kinds.__code__.co_posonlyargcount,
      all_kinds.__code__.co_kwonlyargcount, all_kinds.__code__.co_varnames[:7])
print(all_kinds.__kwdefaults__, all_kinds.__defaults__, all_kinds.__doc__, all_kinds.__name__)
for name, param in inspect.signature(all_kinds).parameters.items():
    print(f"  {name}: {param.kind.name} default={param.default!r}")


def varargs(*args):
    return type(args).__name__, args


print(varargs(), varargs(1, [2]))


def kwargs_order(**kw):
    return list(kw)


print(kwargs_order(z=1, a=2, m=3))


def recursive_default(n, depth=0):
    return depth if n == 0 else recursive_default(n - 1, depth + 1)


print(recursive_default(10))
print((lambda *a, **k: (a, k))(1, k=2), (lambda a, /, b: a - b)(5, b=3))
print(dict(a=1, **{"b": 2}), max(3, 1, 2, key=lambda v: -v), sorted([3, 1, 2], reverse=True))
try:
    print(sorted([3, 1], None))
except TypeError as e:
    print("TypeError:", e)

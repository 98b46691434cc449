# sys._getframe, f_lineno, f_code.co_name, f_back, locals(), vars(), frame globals.
import sys


def where():
    f = sys._getframe(1)
    return f"{f.f_code.co_name}:{f.f_lineno}"


def here():
    f = sys._getframe()
    return f.f_code.co_name, f.f_lineno


print(here())
print("module", where())


def caller_a():
    return where()


def caller_b():
    x = 1
    return where(), caller_a()


print(caller_b())


def stack_names():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def level1():
    return level2()


def level2():
    return stack_names()


print(level1())


def show_locals(a, b=2, *rest, **kw):
    c = a + b
    return sorted(locals().items())


print(show_locals(1))
print(show_locals(1, 3, 4, 5, k="v"))


def locals_snapshot():
    x = 1
    snap = locals()
    y = 2
    return sorted(snap), sorted(locals())


print(locals_snapshot())


def closure_locals():
    outer_v = "o"

    def inner():
        inner_v = "i"
        return sorted(locals().items()), outer_v
    return inner()


print(closure_locals())
print(sorted(k for k in locals() if not k.startswith("_"))[:5], locals() is globals())


class Namespace:
    a = 1
    b = a + 1
    snapshot = sorted(k for k in locals() if not k.startswith("__"))


print(Namespace.snapshot, sorted(k for k in vars(Namespace) if not k.startswith("__")))


def lineno_tracker():
    lines = [sys._getframe().f_lineno]
    lines.append(sys._getframe().f_lineno)

    lines.append(sys._getframe().f_lineno)
    return [l - lines[0] for l in lines]


print(lineno_tracker())


def frame_info():
    f = sys._getframe()
    co = f.f_code
    return (co.co_name, co.co_argcount, co.co_varnames, co.co_firstlineno > 0,
            f.f_globals is globals(), f.f_back.f_code.co_name, type(f).__name__)


print(frame_info())


def gen_frame():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name


print(list(gen_frame()))
lam = lambda: sys._getframe().f_code.co_name
print(lam(), [sys._getframe().f_code.co_name for _ in range(1)])
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)


def modify_f_locals():
    v = 10
    sys._getframe().f_locals["v"] = 99
    return v


print(modify_f_locals())
import inspect


def insp():
    fr = inspect.currentframe()
    info = inspect.getframeinfo(fr)
    return info.function, info.lineno - insp.__code__.co_firstlineno, info.code_context is not None


print(insp(), inspect.stack()[0].function)
print(__name__, sys._getframe().f_code.co_name, sys._getframe().f_back is None)

# ExceptionGroup, BaseExceptionGroup, except*, split/subgroup, nesting.
def make_group():
    return ExceptionGroup("batch", [
        ValueError("v1"),
        TypeError("t1"),
        ExceptionGroup("nested", [ValueError("v2"), KeyError("k1")]),
    ])


eg = make_group()
print(repr(eg.message), len(eg.exceptions), str(eg))
match, rest = eg.split(ValueError)
print("match:", repr(match))
print("rest:", repr(rest))
print("subgroup:", repr(eg.subgroup(lambda e: isinstance(e, KeyError))))

try:
    raise make_group()
except* ValueError as g:
    print("except* ValueError:", [str(e) for e in g.exceptions], type(g).__name__)
except* TypeError as g:
    print("except* TypeError:", [str(e) for e in g.exceptions])
except* KeyError as g:
    print("except* KeyError:", repr(g))

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as leftover:
    print("leftover:", repr(leftover))

try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g))

bg = BaseExceptionGroup("base", [KeyboardInterrupt() if False else SystemExit(3), ValueError(1)])
print(type(bg).__name__, repr(bg.exceptions))
eg2 = BaseExceptionGroup("only exc", [ValueError(1)])
print(type(eg2).__name__)

try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()]) if False else ExceptionGroup("bad", [SystemExit()])
except TypeError as e:
    print("TypeError:", e)


def flatten(group, depth=0):
    for e in group.exceptions:
        if isinstance(e, BaseExceptionGroup):
            print("  " * depth + f"group {e.message!r}")
            flatten(e, depth + 1)
        else:
            print("  " * depth + f"{type(e).__name__}: {e}")


flatten(make_group())

try:
    try:
        raise ExceptionGroup("x", [ValueError("a")])
    except* ValueError:
        raise KeyError("raised in handler")
except ExceptionGroup as e:
    print("raised in except*:", repr(e.exceptions), repr(e.__context__) if e.__context__ else None)
except KeyError as e:
    print("plain KeyError:", repr(e), repr(e.__context__))


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


mg = MyGroup("mine", [ValueError(1), TypeError(2)])
m, r = mg.split(TypeError)
print(type(m).__name__, m.message, type(r).__name__, r.message)

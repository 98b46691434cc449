# Profiling and tracing that start while a frame runs compiled code: the
# frame cannot move to the interpreter, but it reports what the interpreter
# reports for it apart from line events: c_call / c_return / c_exception
# around its calls of builtins (specialised ones included: list.append and
# list.pop), and return when it returns, yields or unwinds.  Frames entered
# afterwards run in the interpreter and report everything.
import sys

events = []


def name_of(frame, event, arg):
    if event.startswith("c_"):
        return getattr(arg, "__qualname__", repr(arg))
    return frame.f_code.co_name


def profiler(frame, event, arg):
    value = arg if event == "return" and isinstance(arg, (int, str, type(None))) else "-"
    events.append((event, name_of(frame, event, arg), value))


def helper(x):
    return x * 2


def profiled_here():
    items = []
    sys.setprofile(profiler)
    items.append(len("abc"))
    items.append(helper(4))
    last = items.pop()
    try:
        int("not a number")
    except ValueError:
        pass
    return last + sum(items)


print("result:", profiled_here())
sys.setprofile(None)
for e in events:
    print(*e)

events.clear()


def gen():
    sys.setprofile(profiler)
    yield 1
    yield 2


g = gen()
print("first:", next(g))
print("second:", next(g))
sys.setprofile(None)
for e in events:
    print(*e)

events.clear()


def unwinds():
    sys.setprofile(profiler)
    raise KeyError("k")


try:
    unwinds()
except KeyError:
    pass
sys.setprofile(None)
for e in events:
    print(*e)

# a trace function sees the return of the frame that installed it only
# through f_trace (as the interpreter: its call event was missed)
traced = []


def tracer(frame, event, arg):
    traced.append((event, frame.f_code.co_name))
    return tracer


def installs_tracer():
    sys._getframe().f_trace = tracer
    sys.settrace(tracer)
    helper(1)
    return 5


installs_tracer()
sys.settrace(None)
print([t for t in traced if t[0] != "line"])

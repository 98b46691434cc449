# Tracebacks and line numbers from compiled frames, RecursionError from
# compiled recursion, and sys.settrace falling back to the interpreter.
import sys
import traceback


def inner(x):
    return 1 / x


def outer(x):
    y = x + 1
    return inner(y - 1)


try:
    outer(0)
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)


def deep(n):
    return deep(n + 1) + 1


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)


def traced(a):
    b = a * 2
    return b + 1


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno))
    return tracer


sys.settrace(tracer)
traced(3)
sys.settrace(None)
print(events)
print(traced(4))


def raiser():
    raise ValueError("uncaught, with a compiled traceback")


def middle():
    raiser()


middle()

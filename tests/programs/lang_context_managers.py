# Context managers: class-based, contextlib helpers, exception suppression, ExitStack.
import contextlib
import io
import sys


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name} exc={exc_type.__name__ if exc_type else None} msg={exc}")
        return self.suppress


with Resource("a") as v:
    print("body got", v)

with Resource("outer", suppress=True), Resource("inner"):
    raise ValueError("oops")
print("suppressed")

try:
    with Resource("nosuppress"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))

with (Resource("p1") as x,
      Resource("p2") as y):
    print("parenthesized", x, y)


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except ZeroDivisionError:
        print(f"handled zero division in {name}")
    finally:
        print(f"</{name}>")


with tag("div") as t:
    with tag("span"):
        print("content", t)

with tag("math"):
    1 / 0
print("after math")

with contextlib.suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("suppress ok")

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line 1")
    print("captured line 2")
print("captured:", buf.getvalue().splitlines())

ebuf = io.StringIO()
with contextlib.redirect_stderr(ebuf):
    print("to stderr", file=sys.stderr)
print("captured err:", repr(ebuf.getvalue()))

with contextlib.ExitStack() as stack:
    names = [stack.enter_context(Resource(f"r{i}")) for i in range(3)]
    stack.callback(print, "callback runs first (LIFO)")
    print("stack names", names)

with contextlib.ExitStack() as stack:
    stack.enter_context(Resource("keep"))
    moved = stack.pop_all()
print("pop_all moved; now closing")
moved.close()


class Closer:
    def close(self):
        print("Closer.close called")


with contextlib.closing(Closer()) as c:
    print("using", type(c).__name__)

with contextlib.nullcontext(42) as n:
    print("nullcontext", n)


class Reentrant(contextlib.ContextDecorator):
    def __enter__(self):
        print("decorator enter")
        return self

    def __exit__(self, *exc):
        print("decorator exit")
        return False


@Reentrant()
def decorated():
    print("in decorated")


decorated()


@contextlib.contextmanager
def bad_cm():
    yield 1
    yield 2


try:
    with bad_cm():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextlib.contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
        log.append("commit")
    except Exception as e:
        log.append(f"rollback({e})")
        raise


log = []
try:
    with transaction(log):
        raise ValueError("fail")
except ValueError:
    pass
with transaction(log):
    pass
print(log)

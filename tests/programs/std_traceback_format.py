# traceback.format_exc / print_exc / format_exception / extract_tb on errors raised in this file.
import sys
import traceback


def level3(x):
    return 10 / x


def level2(x):
    return level3(x - 1)


def level1():
    return level2(1)


try:
    level1()
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text, end="")
    print("---")
    traceback.print_exc()
    print("--- to stdout")
    traceback.print_exc(file=sys.stdout)
    print("--- limit=1")
    traceback.print_exc(limit=1, file=sys.stdout)

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as exc:
    lines = traceback.format_exception(exc)
    print("".join(lines), end="")
    print("--- only")
    print(traceback.format_exception_only(type(exc), exc))
    tb = traceback.extract_tb(exc.__traceback__)
    print([(fs.name, fs.lineno, fs.line) for fs in tb])
    print(repr(traceback.format_exc().splitlines()[-1]))

try:
    [1, 2, 3][10]
except IndexError as e:
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), len(te.stack))
    print("".join(te.format()), end="")


def gen_stack():
    return traceback.format_stack(limit=2)


print("".join(gen_stack()), end="")
summary = traceback.extract_stack(limit=1)
print(summary[0].name, summary[0].lineno)
print(traceback.format_exc())


def nested_context():
    try:
        raise OSError("original")
    except OSError:
        raise RuntimeError("during handling")


try:
    nested_context()
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
eg = ExceptionGroup("group", [ValueError("a"), TypeError("b")])
try:
    raise eg
except ExceptionGroup:
    traceback.print_exc(file=sys.stdout)
print("end")

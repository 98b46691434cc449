# Exception chaining: raise ... from, implicit __context__, suppress with from None.
import traceback


class ConfigError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad value {text!r}") from e


def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise ConfigError(f"missing {key}")


def hidden(d, key):
    try:
        return d[key]
    except KeyError:
        raise ConfigError("hidden cause") from None


for fn, args in ((parse, ("12x",)), (lookup, ({}, "k")), (hidden, ({}, "k"))):
    try:
        fn(*args)
    except ConfigError as e:
        print(fn.__name__, "->", e)
        print("  cause:", repr(e.__cause__))
        print("  context:", repr(e.__context__))
        print("  suppress_context:", e.__suppress_context__)

try:
    parse("zz")
except ConfigError:
    text = traceback.format_exc()
    lines = [l for l in text.splitlines() if not l.startswith("  File")]
    for l in lines:
        print("|", l)

try:
    try:
        raise OSError("disk")
    except OSError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f"{type(cur).__name__}:{cur}")
        cur = cur.__cause__ or cur.__context__
    print(" <- ".join(chain))

e = ValueError("v")
e.__cause__ = TypeError("t")
print(e.__suppress_context__, repr(e.__cause__))
try:
    raise ValueError("x") from 5
except TypeError as err:
    print("TypeError:", err)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            [][1]
        except IndexError:
            raise KeyError("deep")
except KeyError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

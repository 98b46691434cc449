# raise SystemExit(5), after catching and inspecting other SystemExit instances.
import sys

for arg in (None, 0, 7, "text", (1, 2)):
    try:
        raise SystemExit(arg) if arg is not None else SystemExit()
    except SystemExit as e:
        print("caught SystemExit code", repr(e.code), "args", e.args)
try:
    sys.exit(9)
except SystemExit as e:
    print("sys.exit raised", type(e).__name__, e.code, isinstance(e, BaseException), isinstance(e, Exception))
try:
    try:
        raise SystemExit(4)
    except Exception:
        print("not caught by 'except Exception'")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__, e.code)
print("now raising SystemExit(5)")
raise SystemExit(5)

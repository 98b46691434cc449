# Stdlib packages whose import needs a C extension module that the wasm
# runtime lacks: the build warns where the program imports them outside a
# try block, not where it guards them.
import sys

try:
    import ctypes
except ImportError as e:
    print("guarded:", type(e).__name__, file=sys.stderr)


def use_curses():
    import curses
    return curses


print("running")
use_curses()

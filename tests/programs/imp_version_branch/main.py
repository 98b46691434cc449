# A module that does not compile under Python 3 (Python 2 code behind a
# version check, or a module tried in a try block) must not stop the build:
# natively it is never compiled unless its import runs.
import sys

if sys.version_info[0] == 2:
    import py2only
    from py2only import thing
else:
    print("py3 path")

try:
    import py2compat
except SyntaxError as e:
    print("guarded:", type(e).__name__)
except ImportError:
    print("guarded: ImportError")


def never_called():
    import py2only
    return py2only


print("done")

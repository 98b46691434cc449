# The compiler's warnings about the main script are the run's: natively the
# script is compiled at every run.  SyntaxWarning is shown; the invalid
# escape's DeprecationWarning is attributed to the file, not __main__, so
# the default filters hide it.  tests/run_tests.py also runs this program
# under PYTHONWARNINGS filters ("error" stops it with a SyntaxError).
import warnings

x = 1000
print("is literal:", x is 1000)
print("escape:", "a\d")
print("tuple call:", callable((1, 2)))
try:
    (1, 2)(3)
except TypeError as e:
    print("TypeError:", e)


def f():
    assert (x, "always true")
    return "assert on a tuple"


print(f())

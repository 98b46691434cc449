# warnings: warn to stderr (default filter shows once per location), filters, catch_warnings, custom categories.
import sys
import warnings


class MyWarning(UserWarning):
    pass


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return "old result"


print("start", flush=True)
warnings.warn("a plain user warning")
for i in range(3):
    warnings.warn("only shown once for this line")
warnings.warn("custom category", MyWarning)
print(old_api())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded 1")
    warnings.warn("recorded 2", RuntimeWarning)
    old_api()
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error", MyWarning)
    try:
        warnings.warn("now an error", MyWarning)
    except MyWarning as e:
        print("raised:", type(e).__name__, e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="ignore me.*")
    warnings.warn("ignore me please")
    warnings.warn("but not me")


def custom_show(message, category, filename, lineno, file=None, line=None):
    print(f"custom showwarning: {category.__name__}: {message} (line {lineno})")


with warnings.catch_warnings():
    warnings.showwarning = custom_show
    warnings.simplefilter("always")
    warnings.warn("through custom_show", FutureWarning)
print(warnings.formatwarning("formatted", UserWarning, "file.py", 12, line="source line").rstrip())
warnings.warn_explicit("explicit location", SyntaxWarning, "virtual.py", 99)
print("stderr write next", flush=True)
sys.stderr.write("plain stderr line\n")
print("end")

# time.strptime imports _strptime (with locale, calendar, re and datetime)
# on its first call; py2wasm embeds it only when some code reads the name
# strptime.  Reached only through a computed name, it is missing: the call
# raises ModuleNotFoundError, cleanly; --include-module _strptime embeds it.
import time

name = "".join(["strp", "time"])
try:
    print(getattr(time, name)("2024-02-29", "%Y-%m-%d")[:3])
except ImportError as e:
    print(type(e).__name__, e)

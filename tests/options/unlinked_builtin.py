# A builtin C module reached only by a computed name is not linked (the
# compiler links the builtin modules the program's imports name): importing
# it raises ModuleNotFoundError, cleanly; --include-module links it.
import importlib
import sys

name = "unicode" + "data"
print(name in sys.builtin_module_names)
try:
    print(importlib.import_module(name).name("a"))
except ImportError as e:
    print(type(e).__name__, e)

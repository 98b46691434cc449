# Modules imported by a call with a literal name rather than an import
# statement: importlib.import_module("..."), import_module after a
# from-import, and __import__("..."); the build must embed them as it does
# for `import` statements (stdlib and the program's own modules alike).
import importlib
from importlib import import_module

j = importlib.import_module("json")
print(j.dumps({"a": [1, 2]}))
print(import_module("collections.abc").Mapping.__name__)
p = __import__("os.path")
print(p.__name__, __import__("textwrap").shorten("a b c d e f g", 9))
plugin = importlib.import_module("plugins.hello")
print(plugin.greet("wasm"))
print(importlib.import_module("plugins").__name__)


def lazy():
    return import_module("fractions").Fraction(3, 6)


print(lazy())
try:
    importlib.import_module("no_such_module_by_call")
except ImportError as e:
    print(type(e).__name__, e)

# Namespace package (directories without __init__.py) next to a regular package.
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree clean (no __pycache__)
HERE = os.path.dirname(os.path.abspath(__file__))


def rel(path):
    return None if path is None else os.path.relpath(path, HERE)


import nsplug
import nsplug.alpha
from nsplug import beta
from nsplug.sub import gamma
import regular

print("nsplug file:", nsplug.__file__, "package:", repr(nsplug.__package__))
print("nsplug path:", [rel(p) for p in nsplug.__path__], type(nsplug.__path__).__name__)
print("nsplug spec origin:", nsplug.__spec__.origin, "has locations:", nsplug.__spec__.submodule_search_locations is not None)
print("regular file:", rel(regular.__file__), "path:", [rel(p) for p in regular.__path__])
for mod in (nsplug.alpha, beta, gamma, nsplug.sub):
    print(f"{mod.__name__:18} package={mod.__package__!r:14} file={rel(getattr(mod, '__file__', None))}")
print(nsplug.alpha.hello(), beta.hello(), gamma.hello())
print("gamma uses:", gamma.uses())
import pkgutil
print("iter_modules:", sorted(m.name for m in pkgutil.iter_modules(nsplug.__path__)))
import importlib
dyn = importlib.import_module(".beta", "nsplug")
print("import_module relative:", dyn is beta, importlib.import_module("nsplug.sub.gamma") is gamma)

# importlib._bootstrap and _bootstrap_external are the frozen import system
# under their importlib names (py2wasm does not embed their sources).
import importlib
import importlib._bootstrap
import importlib._bootstrap_external as ext
from importlib import _bootstrap
import importlib.util
import sys

print(importlib._bootstrap.__name__, ext.__name__, _bootstrap is importlib._bootstrap)
print(_bootstrap is sys.modules["_frozen_importlib"], ext is sys.modules["_frozen_importlib_external"])
print(importlib._bootstrap.__file__.endswith("importlib/_bootstrap.py"))
print(_bootstrap.ModuleSpec("x", None), importlib.util.find_spec("importlib.util").name)
print(ext.SOURCE_SUFFIXES, callable(ext.cache_from_source))

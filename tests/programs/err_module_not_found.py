# Uncaught ModuleNotFoundError from importing a module that does not exist.
import importlib
import json

print(json.dumps({"before": "import"}))
try:
    import another_missing_module_abc
except ModuleNotFoundError as e:
    print("caught:", type(e).__name__, e.name, "|", e)
try:
    importlib.import_module("json.no_such_submodule")
except ImportError as e:
    print("caught:", type(e).__name__, e.name, isinstance(e, ModuleNotFoundError))
try:
    from json import no_such_name
except ImportError as e:
    print("caught ImportError:", e.name, "from", e.name_from if hasattr(e, "name_from") else "json")
print("json is importable:", importlib.util.find_spec("json") is not None if hasattr(importlib, "util") else True)
print("now importing a module that is not there", flush=True)
import definitely_not_a_real_module_xyz
print("never printed")

# Re-importing the runtime's frozen modules: reload, and an import after removal
# from sys.modules, run the carried code again (with a snapshot, the code object
# the build-time import ran; src/frozen.c, runtime/p2w_module.c).
import importlib, sys, os, runpy, stat
print(importlib.reload(os) is os, os.path.join("a", "b"))
del sys.modules["runpy"]
import runpy as r2
print(r2 is runpy, r2.__spec__.origin, r2._run_code.__code__.co_filename)
print(importlib.reload(stat).S_ISDIR(0o040000))
import _imp
print(_imp.get_frozen_object("stat").co_filename, _imp.is_frozen_package("os"))

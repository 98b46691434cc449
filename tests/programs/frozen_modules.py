# The runtime's frozen modules: served by the frozen importer, with their
# native names, aliases, package flags, file names and code objects.
import _imp
import os
import sys
import runpy
import importlib.util
import importlib.machinery
import ntpath
import __hello__
import __phello__.spam
import __phello__.ham.eggs

for name in ["os", "posixpath", "runpy", "importlib.util", "importlib.machinery", "ntpath",
             "__hello__", "__phello__", "__phello__.spam", "__phello__.ham", "codecs", "io",
             "abc", "site", "stat", "genericpath", "_collections_abc", "_sitebuiltins",
             "zipimport", "_frozen_importlib", "_frozen_importlib_external"]:
    mod = sys.modules[name]
    spec = mod.__spec__
    state = spec.loader_state
    print(name, _imp.is_frozen(name), spec.origin, spec.loader.__name__,
          getattr(mod, "__file__", None), spec.submodule_search_locations,
          state.origname if state else None)

print(sys.modules["os.path"] is sys.modules["posixpath"])
print(_imp.find_frozen("os.path")[1:], _imp.find_frozen("__phello__")[1:])
print(_imp.find_frozen("__phello__.__init__")[1:])
print(os.path.join.__code__.co_filename, runpy._run_code.__code__.co_filename)
print(_imp.is_frozen("json"), _imp.find_frozen("json"))
__hello__.main()
print(__phello__.spam.__name__, __phello__.ham.eggs.__name__)


def fails_in_frozen_code():
    # a frame of a frozen module shows as <frozen os>, without a source line
    return os.makedirs(42)


try:
    fails_in_frozen_code()
except TypeError as e:
    import traceback
    traceback.print_exc(file=sys.stdout)

fails_in_frozen_code()

# The stdlib modules the interpreter's start-up imports come from its
# frozen modules (natively too): they still have the file name of their
# source in the stdlib, as sys._stdlib_dir gives it, and error messages
# that name a module's file show it.
import _collections_abc
import abc
import codecs
import genericpath
import io
import os
import posixpath
import site
import stat
import sys

print("stdlib dir:", sys._stdlib_dir)
for module in (_collections_abc, abc, codecs, genericpath, io, os, posixpath, site, stat):
    spec = module.__spec__
    print(module.__name__, module.__file__, spec.origin, spec.loader_state.filename,
          spec.loader_state.origname)
try:
    from os import no_such_name
except ImportError as e:
    print("ImportError:", e)
print(os.path.dirname(os.__file__) == sys._stdlib_dir)

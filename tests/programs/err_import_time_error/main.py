# A module raises while it is being imported: the traceback shows the import statement and the module.
import sys

sys.dont_write_bytecode = True  # keep the source tree clean (no __pycache__)
import settings_ok

print("loaded:", settings_ok.NAME)
print("importing broken module", flush=True)
import settings_broken
print("never printed")

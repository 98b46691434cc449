# A module of the program whose import depends on the run: it must be
# imported at run time, never in the snapshot.
import os
import sys

MODE = os.environ.get("P2W_MODE", "default")
ARGS = list(sys.argv[1:])
print("envmod imported:", MODE, ARGS)

# Uncaught exception raised inside an imported module: the traceback crosses several files.
import sys

sys.dont_write_bytecode = True  # keep the source tree clean (no __pycache__)
import calc
from lib import parser

print("parsed:", parser.parse("1 2 3"))
print("mean:", calc.mean_of("4 8 15 16 23 42"))
print("mean of bad input:", flush=True)
print(calc.mean_of("1 2 three"))

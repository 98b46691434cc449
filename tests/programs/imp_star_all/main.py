# `from pkg import *` imports the submodules the package's __all__ names.
from pkg import *

print(alpha.__name__, beta.NAME, sorted(n for n in dir() if not n.startswith("_")))

# Imports modules by computed names: needs --include-module / --include-package.
import importlib
names = ["dyn" + "_plugin", "dyn" + "pkg.inner"]
for n in names:
    m = importlib.import_module(n)
    print(n, m.VALUE)

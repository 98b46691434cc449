# Data files of the program's packages through importlib.resources and
# pkgutil, read from the package's directory (which the run must be able to
# read: data files are not embedded).
import importlib.resources as r
import pkgutil

import pkg

print(r.files("pkg").joinpath("data.txt").read_text(), end="")
print(r.files(pkg).joinpath("data.txt").read_bytes(), r.is_resource("pkg", "data.txt"))
with r.as_file(r.files("pkg") / "data.txt") as p:
    print(p.name, p.read_text(), end="")
print(sorted(x.name for x in r.files("pkg").iterdir() if not x.name.startswith("__")))
with r.open_text("pkg", "data.txt") as f:
    print(f.read(), end="")
print(pkgutil.get_data("pkg", "data.txt"))
try:
    r.files("pkg").joinpath("missing.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError", e.strerror)

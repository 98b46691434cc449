# Re-imports of the modules the interpreter's own start-up imports (the
# stdio codecs) in a program small enough that its build keeps the other
# embedded code uncompressed: in a snapshotted build the marshalled code of
# these modules is dropped and the code object of their first import runs
# again.  std_reimport covers the same with the embedded code compressed.
import codecs
import sys

import encodings
import encodings.aliases
import encodings.utf_8

old_aliases = encodings.aliases
del sys.modules["encodings.aliases"]
import encodings.aliases as aliases

print("aliases afresh:", aliases is not old_aliases, aliases.aliases["utf8"])
print("same table:", aliases.aliases == old_aliases.aliases)
old_utf8 = encodings.utf_8
del sys.modules["encodings.utf_8"]
import encodings.utf_8 as fresh_utf8

print("fresh utf_8:", fresh_utf8 is not old_utf8, fresh_utf8.getregentry().name)
print("round trip:", codecs.decode(codecs.encode("h\u00e9", "utf-8"), "utf-8"))
old_pkg = sys.modules.pop("encodings")
import encodings as pkg

print("package afresh:", pkg is not old_pkg, pkg.search_function("latin-1").name)
print("utf-16 found by search:", codecs.lookup("utf-16").name)

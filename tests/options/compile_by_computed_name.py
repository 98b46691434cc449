# A program in which no module reads the names compile, exec and eval is
# built without CPython's bytecode compiler (src/graph.c,
# graph_compiler_use).  Reaching it through a name built at run time raises
# a RuntimeError that says how to rebuild; --bytecode-compiler=yes links it.
# The parser stays: the carets of the traceback below need it.
import builtins

name = "".join(["ev", "al"])
try:
    print(getattr(builtins, name)("6 * 7"))
except RuntimeError as e:
    print(type(e).__name__, e)
values = {"k": None}
print(values["k"] * 2 + 1)

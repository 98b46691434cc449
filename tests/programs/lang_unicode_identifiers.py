# Non-ASCII identifiers, and the run-time uses of the Unicode database that
# no import statement names: the parser normalising identifiers (exec, and
# the carets of the traceback at the end, placed by parsing the failing
# line), the namereplace error handler and \N{...} escapes decoded at run
# time.
import re

café = 3
print("café:", café)


def größe(maße):
    return maße["ø"] + 1


print("größe:", größe({"ø": 41}))
namespace = {}
exec("naïve = café * 2\nΩ = naïve + 1", {"café": café}, namespace)
print("exec:", sorted(namespace.items()))
print("eval:", eval("ℌ + 1", {"H": 1}))
print("namereplace:", "é€".encode("ascii", "namereplace"))
print("unicode_escape:", b"\\N{EURO SIGN} \\N{LATIN SMALL LETTER E WITH ACUTE}".decode("unicode_escape"))
print("re:", re.findall(r"\N{EURO SIGN}\d+", "price €12, €7"))
try:
    compile("λ = )", "<src>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.offset)
größe({"ü": 1})

# Codecs named by a string constant are embedded; one whose name is computed
# at run time needs --include-module encodings.NAME.
name = "cp" + str(1000 + 250)  # computed: neither "cp1250" nor its alias "1250" is a constant
try:
    print("computed:", "\u0160".encode(name))
except LookupError as e:
    print("LookupError", e)
print("literal:", "\u00e9".encode("cp1252"), b"\xff".decode("latin-1"), "x".encode("utf-16-le"))

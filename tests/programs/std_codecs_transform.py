# The transform codecs (bytes-to-bytes and rot13), which only
# codecs.encode/decode reach: named in the program, they are embedded.
# (bz2_codec is left out: the wasm runtime has no _bz2 module.)
import codecs

data = b"py2wasm " * 8
for name in ("zlib", "base64", "hex", "quopri", "uu"):
    packed = codecs.encode(data, name)
    print(name, codecs.decode(packed, name) == data, type(packed).__name__)
print(codecs.encode(b"\x00\xff", "hex_codec"))
print(codecs.encode("Hello, World!", "rot13"))
print(codecs.lookup("rot_13").name, codecs.lookup("zlib").name)
try:
    "text".encode("rot13")
except LookupError as e:
    print("LookupError:", e)
try:
    b"text".decode("base64")
except LookupError as e:
    print("LookupError:", e)

# Uncaught UnicodeDecodeError with the standard detailed message, after successful codec work.
samples = ["plain ascii", "héllo", "日本", "emoji 😀"]
for text in samples:
    encoded = text.encode("utf-8")
    print(f"{text!r}: {len(text)} chars -> {len(encoded)} utf-8 bytes")
    print("  utf-16-le:", text.encode("utf-16-le").hex())
    print("  ascii with replace:", text.encode("ascii", "replace"))
latin = "café".encode("latin-1")
print("latin-1 bytes:", latin, "decoded:", latin.decode("latin-1"))
print("utf-8 decode of latin-1 with replace:", latin.decode("utf-8", "replace"))
print("utf-8 decode with ignore:", latin.decode("utf-8", "ignore"))
try:
    latin.decode("utf-8")
except UnicodeDecodeError as e:
    print("caught:", e.encoding, e.start, e.end, e.reason, e.object)


def decode_strict(data, codec):
    return data.decode(codec)


data = "héllo".encode("utf-8")
print(decode_strict(data, "utf-8"))
print(decode_strict(data, "ascii"))

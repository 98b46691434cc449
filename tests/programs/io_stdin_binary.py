# Read stdin as raw bytes via sys.stdin.buffer (includes invalid UTF-8 and NUL bytes).
import hashlib
import sys
import zlib

raw = sys.stdin.buffer.read()
print("bytes:", len(raw))
print("sha256:", hashlib.sha256(raw).hexdigest())
print("md5:", hashlib.md5(raw).hexdigest(), "crc32:", zlib.crc32(raw))
print("first 16:", raw[:16].hex(" "))
print("nul count:", raw.count(b"\x00"), "newlines:", raw.count(b"\n"))
print("decoded (replace):", raw.decode("utf-8", "replace").splitlines()[:3])
print("decoded (surrogateescape) roundtrip:", raw.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == raw)
print("decoded (latin-1) length:", len(raw.decode("latin-1")))
print("byte histogram top:", sorted(((raw.count(bytes([b])), b) for b in set(raw)), reverse=True)[:3])
print("lines:", raw.split(b"\n"))
sys.stdout.flush()  # text layer first, then raw bytes through the binary layer
sys.stdout.buffer.write(b"raw bytes to stdout: \xe2\x9c\x93\n")
sys.stdout.buffer.write(raw[:6] + b"\n")
sys.stdout.flush()
print("high bytes:", [b for b in raw if b >= 0x80])
print("done")

# bz2 and lzma (the runtime's _bz2 and _lzma over libbz2 and liblzma):
# one-shot and incremental round trips, the file objects, formats and
# filters, and the errors of corrupt and truncated data.
import bz2
import io
import lzma

text = b"".join(b"line %d: %s\n" % (i, b"abc" * (i % 7)) for i in range(3000))

# bz2 one-shot, every level; the stream is the same as native libbz2's
for level in (1, 5, 9):
    c = bz2.compress(text, level)
    print("bz2 level", level, len(c), c[:4], bz2.decompress(c) == text)

# bz2 incremental, in odd-sized pieces
comp = bz2.BZ2Compressor()
parts = [comp.compress(text[i:i + 777]) for i in range(0, len(text), 777)]
stream = b"".join(parts) + comp.flush()
dec = bz2.BZ2Decompressor()
out = b"".join(dec.decompress(stream[i:i + 100]) for i in range(0, len(stream), 100))
print("bz2 incremental", out == text, dec.eof, dec.unused_data)

# two concatenated streams, and the file object over a BytesIO
buf = io.BytesIO()
with bz2.BZ2File(buf, "wb") as f:
    f.write(b"first\n")
two = buf.getvalue() + bz2.compress(b"second\n")
print("bz2 multi", bz2.decompress(two))
with bz2.open(io.BytesIO(two), "rt", encoding="utf-8") as f:
    print("bz2 lines", f.readlines())

# on disk
with bz2.open("std_bz2_lzma.tmp.bz2", "wb") as f:
    f.write(text)
with bz2.open("std_bz2_lzma.tmp.bz2", "rb") as f:
    f.seek(1000)
    print("bz2 file seek", f.read(20))

for bad in (b"BZh9garbage", bz2.compress(text)[:50]):
    try:
        bz2.decompress(bad)
    except Exception as e:
        print("bz2 error", type(e).__name__, e)

# lzma: every container format, presets, extreme, filters
for fmt, name in ((lzma.FORMAT_XZ, "xz"), (lzma.FORMAT_ALONE, "alone")):
    for preset in (0, 6, 9 | lzma.PRESET_EXTREME):
        c = lzma.compress(text, format=fmt, preset=preset)
        print("lzma", name, preset, len(c), lzma.decompress(c) == text)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(text, check=check)
    print("lzma check", check, lzma.is_check_supported(check), len(c), lzma.decompress(c) == text)
filters = [{"id": lzma.FILTER_DELTA, "dist": 4},
           {"id": lzma.FILTER_X86},
           {"id": lzma.FILTER_LZMA2, "preset": 3, "dict_size": 1 << 16}]
raw = lzma.compress(text, format=lzma.FORMAT_RAW, filters=filters)
print("lzma raw filters", len(raw),
      lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=filters) == text)

dec = lzma.LZMADecompressor()
c = lzma.compress(text)
out = b"".join(dec.decompress(c[i:i + 333]) for i in range(0, len(c), 333))
print("lzma incremental", out == text, dec.eof, dec.check)
with lzma.open("std_bz2_lzma.tmp.xz", "wt", encoding="utf-8") as f:
    f.write("héllo\n" * 100)
with lzma.open("std_bz2_lzma.tmp.xz", "rt", encoding="utf-8") as f:
    print("lzma text file", f.readline(), len(f.read()))

for bad in (b"\xfd7zXZ\x00garbage", lzma.compress(text)[:40], b"not lzma at all"):
    try:
        lzma.decompress(bad)
    except lzma.LZMAError as e:
        print("lzma error", e)
try:
    lzma.LZMACompressor(format=lzma.FORMAT_RAW)
except ValueError as e:
    print("lzma value error", e)

import os
os.remove("std_bz2_lzma.tmp.bz2")
os.remove("std_bz2_lzma.tmp.xz")

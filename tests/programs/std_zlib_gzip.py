# zlib compress/decompress round trips, crc32/adler32, streaming objects; gzip on BytesIO.
import gzip
import io
import zlib

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(200))
print(len(data), zlib.crc32(data), zlib.adler32(data), zlib.crc32(b""), zlib.adler32(b""))
print(zlib.crc32(b"hello"), zlib.crc32(b" world", zlib.crc32(b"hello")), zlib.crc32(b"hello world"))
print(zlib.adler32(b"Wikipedia"), hex(zlib.adler32(b"Wikipedia")))
for level in (0, 1, 6, 9):
    comp = zlib.compress(data, level)
    assert zlib.decompress(comp) == data
    print("level", level, "roundtrip ok", zlib.decompress(comp)[:20])
small = zlib.compress(b"hello hello hello hello", 9)
print(len(small) < 23, zlib.decompress(small))  # exact compressed bytes depend on the zlib version
co = zlib.compressobj(6, zlib.DEFLATED, -15)
raw = co.compress(data[:5000]) + co.compress(data[5000:]) + co.flush()
do = zlib.decompressobj(-15)
out = do.decompress(raw, 1000)
print(len(out), len(do.unconsumed_tail) > 0)
out += do.decompress(do.unconsumed_tail) + do.flush()
print(out == data, do.eof)
gz_style = zlib.compressobj(9, zlib.DEFLATED, 31)
gz_bytes = gz_style.compress(b"gzip via zlib") + gz_style.flush()
print(zlib.decompress(gz_bytes, 47), gz_bytes[:3].hex())
try:
    zlib.decompress(b"not compressed data")
except zlib.error as e:
    print("zlib.error:", e)
try:
    zlib.decompress(zlib.compress(data)[:-10])
except zlib.error as e:
    print("zlib.error:", e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
    gz.write(data)
    gz.write(b"tail\n")
blob = buf.getvalue()
print(blob[:10].hex(), zlib.crc32(data + b"tail\n") == int.from_bytes(blob[-8:-4], "little"), int.from_bytes(blob[-4:], "little"))
buf.seek(0)
with gzip.GzipFile(fileobj=buf, mode="rb") as gz:
    first = gz.readline()
    rest = gz.read()
print(first, len(rest), rest[-5:])
c = gzip.compress(b"compressed once", mtime=0)
print(c[:4].hex(), gzip.decompress(c), gzip.decompress(gzip.compress(b"", mtime=0)))
multi = gzip.compress(b"part1-", mtime=0) + gzip.compress(b"part2", mtime=0)
print(gzip.decompress(multi))
try:
    gzip.decompress(b"\x1f\x8bbad")
except (OSError, EOFError, gzip.BadGzipFile) as e:
    print(type(e).__name__)
text_buf = io.BytesIO()
with gzip.open(text_buf, "wt", encoding="utf-8") as f:
    f.write("unicode ☃ text\nsecond line\n")
text_buf.seek(0)
with gzip.open(text_buf, "rt", encoding="utf-8") as f:
    print(f.readlines())

# struct: explicit byte orders and standard sizes (no native-size formats, which differ on wasm32).
import struct

packed = struct.pack("<hHiIqQ", -2, 65535, -100000, 4000000000, -2 ** 40, 2 ** 63)
print(packed.hex(), len(packed), struct.calcsize("<hHiIqQ"))
print(struct.unpack("<hHiIqQ", packed))
print(struct.pack(">I", 0x01020304).hex(), struct.pack("<I", 0x01020304).hex(), struct.pack("!H", 80).hex())
print(struct.pack("<f", 1.5).hex(), struct.pack(">d", -0.1).hex(), struct.unpack("<f", struct.pack("<f", 0.1))[0])
print(struct.pack("<e", 1.5).hex(), struct.unpack("<e", b"\x00\x3c"), struct.pack("<?", True), struct.unpack("<??", b"\x00\x05"))
print(struct.pack("<4s3sc", b"ab", b"toolong", b"Z"), struct.unpack("<5p", b"\x03abcd"), struct.pack("<5p", b"hi"))
print(struct.pack("<bB", -128, 255).hex(), struct.pack("<x2xb", 7), struct.calcsize("<3x"))
header = struct.Struct(">4sHHI")
blob = header.pack(b"PNG!", 1, 2, 1234567)
print(blob, header.size, header.format, header.unpack(blob))
buf = bytearray(16)
header.pack_into(buf, 2, b"HDR0", 9, 8, 7)
print(buf.hex(), header.unpack_from(buf, 2))
records = b"".join(struct.pack("<HB", i * 100, i) for i in range(5))
print([r for r in struct.iter_unpack("<HB", records)])
for fmt, val in (("<b", 200), ("<H", -1), ("<I", -1), ("<q", 2 ** 63)):
    try:
        struct.pack(fmt, val)
    except struct.error as e:
        print("struct.error:", e)
try:
    struct.unpack("<I", b"\x00\x01")
except struct.error as e:
    print("struct.error:", e)
print(struct.pack("=i", -1).hex(), struct.calcsize("=iqh"), struct.calcsize(">ihq"))
f32 = struct.unpack("<4f", struct.pack("<4f", 3.14159, -2.5, 1e38, 1e-40))
print([f"{v:.6g}" for v in f32])
print(struct.pack("<d", float("inf")).hex(), struct.pack("<d", float("-inf")).hex(), struct.unpack("<d", bytes(8)))
name = "héllo".encode()
msg = struct.pack(f"<H{len(name)}s", len(name), name)
n, = struct.unpack_from("<H", msg)
print(msg, struct.unpack_from(f"<{n}s", msg, 2)[0].decode())
print(int.from_bytes(struct.pack(">Q", 0xDEADBEEFCAFEBABE), "big") == 0xDEADBEEFCAFEBABE)

# memoryview: slicing, casting, readonly, tobytes/tolist, releasing.
import array

buf = bytearray(b"abcdefgh")
mv = memoryview(buf)
print(mv.nbytes, mv.readonly, mv.format, mv.itemsize, mv.ndim, mv.shape, mv.strides)
print(mv[0], mv[-1], mv[2:5].tobytes(), bytes(mv[::2]), mv.tolist()[:4])
mv[0] = ord("A")
mv[1:3] = b"BC"
print(buf)
sub = mv[4:]
sub[0] = ord("E")
print(buf, sub.obj is buf, len(sub))
ro = memoryview(b"readonly")
print(ro.readonly)
try:
    ro[0] = 1
except TypeError as e:
    print("TypeError:", e)
ints = memoryview(bytearray(range(16))).cast("I")
print(ints.format, ints.itemsize, len(ints), ints.nbytes)
print(memoryview(bytearray(b"\x01\x00\x00\x00\x02\x00\x00\x00")).cast("<i" if False else "i").tolist())
arr = array.array("h", [1, -2, 3, -4])
mva = memoryview(arr)
print(mva.format, mva.itemsize, mva.tolist(), mva[1], mva.tobytes().hex())
mva[0] = 100
print(arr)
m2 = memoryview(bytearray(range(12))).cast("B", (3, 4))
print(m2.shape, m2.ndim, m2.tolist(), m2[1, 2])
print(mv == b"ABCdEfgh", mv == buf, memoryview(b"x") == memoryview(b"x"))
print(mv.hex(), mv[:3].hex("-"), mv.toreadonly().readonly, mv.contiguous, mv.c_contiguous)
with memoryview(bytearray(b"ctx")) as m3:
    print(m3.tobytes())
try:
    m3.tobytes()
except ValueError as e:
    print("ValueError:", e)
big = bytearray(1000)
view = memoryview(big)[100:200]
view[:] = b"z" * 100
print(big.count(b"z"), big.index(b"z"), bytes(view[:5]))
try:
    buf.append(1)
except BufferError as e:
    print("BufferError:", e)
sub.release()
mv.release()
buf.append(ord("!"))
print(buf)
floats = memoryview(array.array("d", [1.5, 2.5]))
print(floats.format, floats.tolist(), floats.cast("B").tolist()[:8])

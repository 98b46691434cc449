# bytes and bytearray: construction, methods, mutation, formatting.
b = b"Hello\x00\xffWorld"
print(b, len(b), b[0], b[-1], b[1:5], list(b[:3]), b.hex(), b.hex(":", 2))
print(bytes(5), bytes([65, 66, 67]), bytes(range(250, 256)), bytes("é", "utf-8"), bytes.fromhex("de ad be ef"))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc", b"abc".find(b"c"), b"a,b,c".split(b","))
print(b"  strip  ".strip(), b"Mixed Case".upper(), b"Mixed Case".lower(), b"hello".title(), b"x".center(5, b"-"))
print(b"abc".startswith(b"ab"), b"abc".replace(b"b", b"BB"), b"-".join([b"a", b"b"]), b"abc".count(b"b"))
print(b"123".isdigit(), b"abc".isalpha(), b"a b".split(), b"\x01\x02".hex(), bytes(b"copy") == b"copy")
print(b"%d-%s-%x-%c" % (42, b"str", 255, 65), b"%5.2f|%r" % (3.14159, b"r"))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc" + "str"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)

ba = bytearray(b"hello")
ba[0] = ord("J")
ba += b" world"
ba.extend([33, 33])
ba.append(63)
print(ba, len(ba), ba.pop(), ba)
ba[1:5] = b"ELLO"
print(ba)
del ba[5:]
print(ba)
ba.insert(0, 62)
ba.reverse()
print(ba, ba.decode(), bytes(ba))
ba2 = bytearray(3)
print(ba2, bytearray(range(5)), bytearray("abc", "ascii"), ba2 == b"\x00\x00\x00")
ba3 = bytearray(b"abcabc")
ba3.remove(ord("b"))
print(ba3, ba3.index(b"c"), ba3.rfind(b"c"), ba3 * 2, ba3.upper())
ba3[::2] = b"XYZ"
print(ba3, ba3.hex())
ba3.clear()
print(ba3, bytes(ba3) == b"")
print(sorted(b"hello"), max(b"abc"), sum(b"\x01\x02\x03"), bytes(reversed(b"abc")))
print([bytes([x]) for x in b"hi"], list(iter(b"ok")), b"abc" < b"abd", b"" == bytearray())
print(b"hello world".partition(b" "), b"a\nb\r\nc".splitlines(), b"tab\tx".expandtabs(4))
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"abcd".translate(None, b"bd"))
print(repr(bytes(range(0, 256, 15))))
print(b"\\x41", rb"\x41", b"\x41", str(b"\x41", "ascii"), b"a".decode("ascii"))
print(int.from_bytes(b"\x01\x00", "little"), (1025).to_bytes(2, "big"), bytes.fromhex("00ff").hex().upper())
print(b"abc".ljust(5, b"!"), b"  x".lstrip(), b"x\n".rstrip(b"\n"), b"aXbXc".rsplit(b"X", 1))
print(b"Hello".swapcase(), b"hello"[::-1], b"12".zfill(5), b"abc".removeprefix(b"a"), b"abc".isascii())

# base64 / binascii encodings and decodings.
import base64
import binascii

raw = b"Many hands make light work.\x00\xff\xfe"
print(base64.b64encode(raw), base64.b64decode(base64.b64encode(raw)) == raw)
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b64encode(b"\xfb\xff\xfe"), base64.standard_b64encode(b"ab"))
print(base64.b32encode(b"hello"), base64.b32decode(b"NBSWY3DP"), base64.b16encode(b"\x01\xab"), base64.b16decode("01AB"))
print(base64.a85encode(b"hello world"), base64.b85encode(b"hello world"), base64.a85decode(base64.a85encode(raw)) == raw)
print(base64.b64encode(b"x", altchars=b"-_"), base64.b64decode("eA=="), base64.b64decode(b"e A = =\n", validate=False))
print(base64.encodebytes(b"z" * 60), base64.decodebytes(b"enp6\n"))
for pad in (b"a", b"ab", b"abc", b"abcd"):
    print(pad, base64.b64encode(pad), base64.b32encode(pad))
try:
    base64.b64decode("abc")
except binascii.Error as e:
    print("binascii.Error:", e)
try:
    base64.b64decode("ab!d", validate=True)
except binascii.Error as e:
    print("binascii.Error:", e)
print(binascii.hexlify(b"\x00\x10\xff"), binascii.unhexlify("48656c6c6f"), binascii.hexlify(b"abc", "-"), binascii.b2a_hex(b"\x7f"))
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc_hqx(b"hello", 0))
print(binascii.b2a_base64(b"hi"), binascii.a2b_base64(b"aGk=\n"), binascii.b2a_base64(b"hi", newline=False))
print(binascii.b2a_qp(b"caf\xe9 = ok"), binascii.a2b_qp(b"caf=E9"), binascii.b2a_uu(b"uu data"))
try:
    binascii.unhexlify("abc")
except binascii.Error as e:
    print("binascii.Error:", e)
print(bytes.fromhex("68 69"), b"hi".hex(), len(base64.b64encode(bytes(1000))), base64.b64encode(bytes(range(64)))[:40])

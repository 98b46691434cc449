# hashlib md5/sha1/sha256/etc hexdigests, incremental updates, hmac.
import hashlib
import hmac

samples = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 4]
for s in samples:
    print(len(s), hashlib.md5(s).hexdigest(), hashlib.sha1(s).hexdigest())
    print("  sha256", hashlib.sha256(s).hexdigest())
print(hashlib.sha224(b"abc").hexdigest(), hashlib.sha384(b"abc").hexdigest()[:32], hashlib.sha512(b"abc").hexdigest()[:32])
print(hashlib.sha3_256(b"abc").hexdigest(), hashlib.blake2b(b"abc", digest_size=16).hexdigest(), hashlib.blake2s(b"abc").hexdigest()[:16])
h = hashlib.sha256()
for chunk in (b"The quick ", b"brown fox ", b"jumps over the lazy dog"):
    h.update(chunk)
print(h.hexdigest() == hashlib.sha256(samples[2]).hexdigest(), h.name, h.digest_size, h.block_size, h.digest()[:4])
c = h.copy()
c.update(b"!")
print(c.hexdigest()[:16], h.hexdigest()[:16])
print(hashlib.new("md5", b"via new").hexdigest(), hashlib.new("sha1").hexdigest())
print(hashlib.md5("unicode ☃".encode("utf-8")).hexdigest(), hashlib.shake_128(b"abc").hexdigest(10))


def pbkdf2_sha256(password, salt, iterations, length=32):
    # PBKDF2 written out with hmac (hashlib.pbkdf2_hmac depends on whether OpenSSL is present)
    out = b""
    block = 1
    while len(out) < length:
        u = hmac.new(password, salt + block.to_bytes(4, "big"), hashlib.sha256).digest()
        acc = int.from_bytes(u, "big")
        for _ in range(iterations - 1):
            u = hmac.new(password, u, hashlib.sha256).digest()
            acc ^= int.from_bytes(u, "big")
        out += acc.to_bytes(32, "big")
        block += 1
    return out[:length]


print(pbkdf2_sha256(b"password", b"salt", 1000).hex())
mac = hmac.new(b"secret-key", b"message", hashlib.sha256)
print(mac.hexdigest(), mac.name, mac.digest_size)
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "md5").hexdigest())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("a", "b"), hmac.digest(b"k", b"m", "sha1").hex())
print(sorted(a for a in ("md5", "sha1", "sha256", "sha512") if a in hashlib.algorithms_guaranteed))

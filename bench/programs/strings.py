"""String building and formatting.

Builds report lines with f-strings (including format specs), %-formatting and
str.format; splits, joins, case-maps, replaces, searches and pads strings; and
assembles one large document with str.join.  The checksum is the total length
plus a CRC-32 of the UTF-8 encoded document (zlib.crc32 is deterministic).

usage: strings.py [scale]   (scale multiplies the number of records)
"""
import sys
import time
import zlib

NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
         "hotel", "india", "juliett", "kilo", "lima", "mike", "november",
         "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform",
         "victor", "whiskey", "xray", "yankee", "zulu", "\u00e9t\u00e9", "stra\u00dfe"]


class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def below(self, n):
        return self.next() % n


def make_line(i, rng):
    name = NAMES[rng.below(len(NAMES))]
    other = NAMES[rng.below(len(NAMES))]
    qty = rng.below(1000)
    price = rng.below(100000) / 100.0
    ratio = qty / (price + 1.0)
    kind = i % 4
    if kind == 0:
        s = f"{i:06d}|{name:<10}|{other.upper():>12}|{qty:5d}|{price:10.2f}|{ratio:.4e}"
    elif kind == 1:
        s = "%06d|%-10s|%12s|%5d|%10.2f|%.4e" % (i, name.title(), other, qty, price, ratio)
    elif kind == 2:
        s = "{0:06d}|{1:^10}|{2!r:>12}|{3:#x}|{4:,.2f}|{5:g}".format(i, name, other, qty, price, ratio)
    else:
        s = "|".join([str(i).zfill(6), name.center(10, "."), other[::-1].rjust(12),
                      hex(qty), repr(price), format(ratio, ".3%")])
    return s


def transform(line):
    fields = line.split("|")
    out = []
    for f in fields:
        f = f.strip(" .")
        if f.isdigit():
            out.append(str(int(f) * 3))
        elif f.startswith("0x"):
            out.append(str(int(f, 16)))
        elif f.isalpha():
            out.append(f.swapcase().replace("A", "4").replace("e", "3"))
        else:
            out.append(f.lower().replace(",", "_"))
    return ";".join(out)


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(10, int(120000 * scale))
    t0 = time.perf_counter()
    rng = LCG(20240611)
    lines = []
    stats = {"upper": 0, "digits": 0, "find": 0, "words": 0}
    for i in range(n):
        line = make_line(i, rng)
        t = transform(line)
        stats["upper"] += sum(1 for c in t if c.isupper())
        stats["digits"] += t.count("3") + t.count("7")
        stats["find"] += t.find("4") + line.rfind("|")
        stats["words"] += len(t.split(";"))
        if i % 3 == 0:
            t = t.encode("utf-8").decode("utf-8").title()
        lines.append(t)
    doc = "\n".join(lines)
    crc = zlib.crc32(doc.encode("utf-8"))
    parts = doc.partition("\n")
    t1 = time.perf_counter()
    print("lines", n, "chars", len(doc))
    print("stats", stats["upper"], stats["digits"], stats["find"], stats["words"])
    print("crc32", format(crc, "08x"))
    print("first", parts[0])
    print("last", lines[-1])
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

# f-strings: expressions, conversions, format specs, nested specs, '=' debug.
import datetime
import decimal

name = "World"
n = 42
pi = 3.14159265358979
big = 1234567890
neg = -17

print(f"Hello, {name}!")
print(f"{n} {n!r} {name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{neg:+}|{n: }")
print(f"{pi:.2f}|{pi:10.4f}|{pi:<10.3}|{pi:e}|{pi:.3E}|{pi:g}|{pi:%}|{0.25:.1%}")
print(f"{big:,}|{big:_}|{big:_x}|{n:b}|{n:o}|{n:x}|{n:X}|{n:#b}|{n:#o}|{n:#x}")
print(f"{name:*^11}|{name:-<8}|{name:>8}|{name:.3}|{name:8.2}|")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}]  [{name:{'>'}{width}}]")
print(f"{n=}  {pi=:.2f}  {name=!r}  {n * 2 = }  {name.upper()=}")
items = [1, 2, 3]
d = {"key": "value"}
print(f"{items[1]} {d['key']} {len(items)} {sum(x * x for x in items)}")
print(f"{'nested ' + f'{n:03}'}")
print(f"{{literal braces}} {{{n}}}")
print(f"{3 if n > 10 else 4} {[x for x in 'ab']} {(lambda v: v * 2)(5)}")
print(f"{decimal.Decimal('1.2345'):.2f} {decimal.Decimal('12345.678'):,.1f}")
dt = datetime.datetime(2023, 7, 4, 15, 30, 5)
print(f"{dt:%Y-%m-%d %H:%M:%S} {dt:%A %B %j} {dt.date():%d/%m/%y}")
print(f"{True} {None} {b'bytes'} {1+2j} {1e100} {1.5e-7} {float('inf')} {float('nan')}")
print(f"{12.0:g} {123456789.0:g} {0.0001:g} {0.00001:g} {1e16:.0f}")
print(f"{-0.0} {0.1 + 0.2} {1/3} {2/3:.17g} {100.0:.0e}")


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return "money!"


m = Money(123456)
print(f"{m} {m!r} {m!s} {m:short} {m:,.1f} {m=}")
print(format(255, "08b"), format(3.5, "^9.2f"), format("x", "3"), format(m))
print("%5d|%-5s|%.3f|%x|%o|%e|%r|%%" % (42, "ab", pi, 255, 8, 12345.678, "q"))
print("%(a)s-%(b)03d" % {"a": "A", "b": 7})
print("{0}{1}{0} {x:>4} {y[0]}".format("ab", "cd", x="X", y=[9]))
print(f"{'tab':\t>6}|" if False else f"{'tab':>6}|")
print(f"{n:c}{65:c} {0x1F600:c}")
print(f"{1000000:.2e} {123.456:=+10.1f} {-42:=8}")
s = "multi"
print(f"""{s}
line {s!r:>10}""")

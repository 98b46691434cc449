# More special methods: __format__/__str__/__repr__/__bytes__, sequence protocol via __getitem__,
# __reversed__, __call__, reflected comparisons, __new__ vs __init__.


class Celsius:
    def __init__(self, deg):
        self.deg = deg

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.deg * 9 / 5 + 32, spec[:-1] or "g") + "°F"
        return format(self.deg, spec or "g") + "°C"

    def __str__(self):
        return f"{self.deg} degrees"

    def __repr__(self):
        return f"Celsius({self.deg!r})"

    def __bytes__(self):
        return str(self.deg).encode()

    def __hash__(self):
        return hash(self.deg)

    def __eq__(self, other):
        return isinstance(other, Celsius) and self.deg == other.deg


c = Celsius(100)
print(f"{c}", f"{c:.1fF}", f"{c:>8}", str(c), repr(c), bytes(c), [c], {c: 1}[Celsius(100)])


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return "abc"[i]

    def __reversed__(self):
        return iter("CBA")


print(list(Seq()), list(reversed(Seq())), "b" in Seq(), sorted(Seq(), reverse=True))


class Callable:
    def __call__(self, *args, **kwargs):
        return f"called with {args} {kwargs}"


print(Callable()(1, k=2), callable(Callable()), callable(Callable))


class Ordered:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f"O{self.v}"


print(sorted([Ordered(3), Ordered(1), Ordered(2)]), min(Ordered(5), Ordered(4)), Ordered(1) > Ordered(0))


class InitOrder:
    def __new__(cls, *args):
        print("  __new__", args)
        return super().__new__(cls)

    def __init__(self, *args):
        print("  __init__", args)

    def __del__(self):
        pass


InitOrder(1, 2)


class NotNew:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never called")


print(NotNew())

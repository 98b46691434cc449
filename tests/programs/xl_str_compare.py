# Both sides of the guards of the str fast paths and of comparisons whose
# result is kept: s[i] on exact strs of every width, the order of latin-1
# strs compared in place, and COMPARE_OP without a jump on ints, floats
# and strs, against subclasses and objects whose comparisons run Python.


class S(str):
    def __getitem__(self, i):
        return "S[" + str(i) + "]"

    def __lt__(self, other):
        return "lt-called"


class Weird:
    def __eq__(self, other):
        return [other]

    def __lt__(self, other):
        raise ValueError("no order")


def index(s, i):
    return s[i]


def index_const(s):
    return s[1], s[-1], s[0]


def order(a, b):
    return a < b, a <= b, a > b, a >= b, a == b, a != b


def order_jumps(a, b):
    out = []
    if a < b:
        out.append("<")
    if a <= b:
        out.append("<=")
    if a > b:
        out.append(">")
    if a >= b:
        out.append(">=")
    if "W" <= a <= "Z":
        out.append("W..Z")
    return out


def indexing():
    ascii_s, latin, ucs2, ucs4 = "hello", "caf\xe9\xff", "\u0100a\xe9\u20ac", "a\U0001f600\xe9"
    for s in (ascii_s, latin, ucs2, ucs4):
        print([index(s, i) for i in range(len(s))], index_const(s))
    # the one-character strs are str's own cached ones, as natively
    e_acute = chr(0xE9)
    print(index(latin, 3) is e_acute, index(ucs2, 2) is e_acute, index(ascii_s, 0) is chr(104))
    for bad in (5, 1 << 20, -1, -6):
        try:
            print(repr(index("hello", bad)))
        except IndexError as e:
            print("IndexError:", e)
    try:
        index_const("")
    except IndexError as e:
        print("IndexError:", e)
    print(index(S("abc"), 1), index_const(S("abc")))
    print(index("abc", True), index(["x", "y"], True))
    try:
        index("abc", "1")
    except TypeError as e:
        print("TypeError:", e)


def ordering():
    pairs = [("abc", "abd"), ("abc", "ab"), ("", "a"), ("", ""), ("a\xe9", "a\xff"),
             ("\xe9", "e"), ("z", "\u0100"), ("\u0100", "\u0101"), ("\U0001f600", "\uffff"),
             ("same", "same"), ("A", "C"), ("X", "C")]
    for a, b in pairs:
        print(repr(a), repr(b), order(a, b), order_jumps(a, b))
    print(order(S("a"), "b")[0], order_jumps(S("a"), "b"))
    try:
        order("a", 1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        order_jumps(1, "a")
    except TypeError as e:
        print("TypeError:", e)


def kept_values():
    nan = float("nan")
    print(order(1, 2), order(2.5, 2), order(1 << 70, 1), order(-3, -3.0))
    print(order(nan, nan), order(nan, 1), order(True, 1))
    w = Weird()
    print(w == 1, 1 == w, w != 2)
    try:
        print(w < 1)
    except ValueError as e:
        print("ValueError:", e)
    flags = [x == "R" for x in "PRR"]
    print(flags, [x < 2 for x in (1, 2, 3)])


indexing()
ordering()
kept_values()

"""Dhrystone/pystone-style procedural benchmark.

Records with named fields, small procedures that read and mutate them through
attribute access, global state, array (list) indexing, character and string
comparisons.  Everything is integer/string work; the checksum is built from the
final state of the globals and the records.

usage: dhrystone_like.py [scale]   (scale multiplies the loop count; default 1)
"""
import sys
import time

IDENT_1, IDENT_2, IDENT_3, IDENT_4, IDENT_5 = range(5)


class Rec:
    def __init__(self, link=None, kind=IDENT_1, enum_val=IDENT_3, num=0, text=""):
        self.link = link
        self.kind = kind
        self.enum_val = enum_val
        self.num = num
        self.text = text

    def clone(self):
        return Rec(self.link, self.kind, self.enum_val, self.num, self.text)


class State:
    def __init__(self):
        self.int_glob = 0
        self.bool_glob = False
        self.ch1 = "\0"
        self.ch2 = "\0"
        self.arr1 = [0] * 51
        self.arr2 = [[0] * 51 for _ in range(51)]
        self.head = None
        self.spare = None


G = State()


def func_cmp_chars(c1, c2):
    a = c1
    b = a
    if b != c2:
        return IDENT_1
    G.ch1 = a
    return IDENT_2


def func_cmp_strings(s1, s2):
    i = 2
    ch = "A"
    while i <= 2:
        if func_cmp_chars(s1[i], s2[i + 1]) == IDENT_1:
            ch = "A"
            i += 1
    if "W" <= ch <= "Z":
        i = 7
    if ch == "R":
        return True
    if s1 > s2:
        G.int_glob = i + 7
        return True
    return False


def func_is_ident3(e):
    return e == IDENT_3


def proc_enum(e_in):
    e_out = e_in
    if not func_is_ident3(e_in):
        e_out = IDENT_4
    if e_in == IDENT_1:
        e_out = IDENT_1
    elif e_in == IDENT_2:
        e_out = IDENT_1 if G.int_glob > 100 else IDENT_4
    elif e_in == IDENT_3:
        e_out = IDENT_2
    elif e_in == IDENT_5:
        e_out = IDENT_3
    return e_out


def proc_add(a, b):
    return b + a + 2


def proc_arrays(arr1, arr2, x, y):
    loc = x + 5
    arr1[loc] = y
    arr1[loc + 1] = arr1[loc]
    arr1[loc + 30] = loc
    row = arr2[loc]
    for j in range(loc, loc + 2):
        row[j] = loc
    row[loc - 1] += 1
    arr2[loc + 20][loc] = arr1[loc]
    G.int_glob = 5


def proc_link(rec):
    if G.head is not None:
        rec = G.head.link
    else:
        G.int_glob = 100
    G.head.num = proc_add(10, G.int_glob)
    return rec


def proc_inc(x):
    y = x + 10
    while True:
        if G.ch1 == "A":
            y -= 1
            x = y - G.int_glob
            e = IDENT_1
        if e == IDENT_1:
            return x


def proc_chars_a():
    ok = G.ch1 == "A"
    G.bool_glob = ok or G.bool_glob
    G.ch2 = "B"


def proc_chars_b():
    G.ch1 = "A"
    G.bool_glob = False


def proc_record(rec):
    nxt = rec.link
    G.head.link, G.head.num = nxt, 5
    rec.num = 5
    nxt.num = rec.num
    nxt.link = rec.link
    nxt.link = proc_link(nxt.link)
    if nxt.kind == IDENT_1:
        nxt.num = 6
        nxt.enum_val = proc_enum(rec.enum_val)
        nxt.link = G.head.link
        nxt.num = proc_add(nxt.num, 10)
    else:
        rec.link = nxt.clone()
    return rec


def run(loops):
    G.__init__()
    G.spare = Rec()
    G.head = Rec(G.spare, IDENT_1, IDENT_3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    G.arr2[8][7] = 10
    acc = 0
    for i in range(loops):
        proc_chars_b()
        proc_chars_a()
        a = 2
        b = 3
        s2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        e = IDENT_2
        G.bool_glob = not func_cmp_strings(s1, s2)
        c = 0
        while a < b:
            c = 5 * a - b
            c = proc_add(a, b)
            a += 1
        proc_arrays(G.arr1, G.arr2, a, c)
        G.head = proc_record(G.head)
        ch = "A"
        while ch <= G.ch2:
            if e == func_cmp_chars(ch, "C"):
                e = proc_enum(IDENT_1)
            ch = chr(ord(ch) + 1)
        b = b * a
        a = b // c
        b = 7 * (b - c) - a
        a = proc_inc(a)
        acc = (acc * 31 + a + b + c + e + G.int_glob + G.head.num) % 1000000007
    arr_sum = sum(G.arr1) + sum(sum(r) for r in G.arr2)
    return acc, arr_sum, G.int_glob, G.bool_glob, G.ch1, G.ch2, G.head.num, G.head.enum_val


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    loops = max(1, int(500000 * scale))
    t0 = time.perf_counter()
    res = run(loops)
    t1 = time.perf_counter()
    print("loops", loops)
    print("checksum", *res)
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

# str methods, unicode handling, split/join/partition/translate/format.
s = "  Hello, World! Hello again.  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" .H")))
t = s.strip()
print(t.lower(), t.upper(), t.title(), t.swapcase(), t.capitalize(), "ǆemal".title())
print(t.find("Hello"), t.rfind("Hello"), t.find("zz"), t.index("World"), t.count("l"), t.count("Hello", 1))
try:
    t.index("zz")
except ValueError as e:
    print("ValueError:", e)
print(t.startswith("Hello"), t.endswith(("x", "again.")), t.startswith("World", 7))
print(t.replace("Hello", "Bye"), t.replace("l", "L", 2), t.split(), t.split(",", 1), t.rsplit(" ", 1))
print("a,b,,c".split(","), "a  b \t c\n".split(), "line1\nline2\r\nline3".splitlines(), "x\ny\n".splitlines(True))
print(t.partition(", "), t.rpartition(" "), "nosep".partition(":"))
print("-".join(["a", "b", "c"]), "".join(reversed("stressed")), ", ".join(map(str, range(5))))
print("42".zfill(6), "-42".zfill(6), "abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6))
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "½".isnumeric(), "²".isdigit(), "  ".isspace())
print("Title Case".istitle(), "lower".islower(), "UPPER".isupper(), "ident_1".isidentifier(), "1x".isidentifier())
print("a\tb\tc".expandtabs(4), repr("tab\there".expandtabs()))
table = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(table), "hello".translate({ord("l"): None, ord("h"): "J"}))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "x".removeprefix("y"))
print("ß".upper(), "ΣΑΣ".lower(), "İ".lower(), len("İ".lower()), "ﬁ".upper(), "straße".casefold())
u = "naïve café 日本語 😀"
print(len(u), u.encode("utf-8"), len(u.encode("utf-8")), u.encode("ascii", "replace"), u.encode("ascii", "ignore"))
print(u.encode("utf-16-le")[:10], u.encode("latin-1", "xmlcharrefreplace"), u.encode("ascii", "backslashreplace"))
print(b"caf\xc3\xa9".decode(), b"\xff\xfe".decode("utf-8", "replace"), b"abc\xff".decode("latin-1"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print([ord(c) for c in "aé😀"], chr(0x263A), "\N{GREEK SMALL LETTER ALPHA}", "\u00e9" == "é", "\x41")
print(repr("quote's"), repr('dq"'), repr("both'\""), repr("\n\t\\"), ascii("ü😀"), str(b"x"))
print("abc" * 3, "abc"[::-1], "abc" < "abd", "Z" < "a", sorted("hello"), min("hello"), "ab" in "cabd")
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{name}!".format(name="hi"), "{:>5}".format("r"))
print("{0[1]} {1.real} {d[key]}".format([5, 6], 3 + 4j, d={"key": "v"}))
print(str.format_map("{a}-{b}", {"a": 1, "b": 2}), "%s and %r" % ("str", "repr"))
print("hello world".split("o"), "a1b2c3".strip("abc"), "www.example.com".lstrip("cmowz."))
print("\u0041\u030a" == "\u00c5", len("\u0041\u030a"), "ＡＢＣ".lower(), "abc".encode("utf-32-be").hex())
raw = r"C:\new\table"
print(raw, len(raw), "multi" "ple" " parts", """triple
quoted""")
print(str(123), str(1.5), str(None), str([1, "a"]), repr([1, "a"]), str({"k": (1,)}))

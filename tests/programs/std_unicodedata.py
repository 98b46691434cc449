# unicodedata: names, categories, normalization, numeric values, east asian width.
import unicodedata as ud

print(ud.unidata_version)
for ch in ["A", "é", "ß", "Ω", "中", "٣", "½", "😀", " ", "\u200b", "\u0301", "$", "Ⅻ"]:
    print(repr(ch), ud.name(ch, "<no name>"), ud.category(ch), ud.bidirectional(ch), ud.combining(ch),
          ud.east_asian_width(ch), ud.mirrored(ch), ud.decimal(ch, None), ud.digit(ch, None), ud.numeric(ch, None))
print(ud.lookup("LATIN SMALL LETTER E WITH ACUTE"), ud.lookup("SNOWMAN"), ud.lookup("GREEK CAPITAL LETTER DELTA"))
try:
    ud.lookup("NOT A REAL CHARACTER NAME")
except KeyError as e:
    print("KeyError:", e)
s = "Ångström café ﬁ ①"
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    n = ud.normalize(form, s)
    print(form, len(n), [hex(ord(c)) for c in n[:3]], ud.is_normalized(form, s))
print(ud.decomposition("é"), ud.decomposition("ﬁ"), ud.decomposition("a"))


def strip_accents(text):
    return "".join(c for c in ud.normalize("NFD", text) if not ud.combining(c))


print(strip_accents("Crème brûlée à la façon de Zoë"))
print(sorted({ud.category(c) for c in "Hello, World 123!"}))
print(ud.name("\U0001F600"), ud.name("\u3042"), "\N{EM DASH}", len("\N{FACE WITH TEARS OF JOY}"))
print([c for c in "aA1 _-" if ud.category(c).startswith("L")], ud.normalize("NFC", "e\u0301") == "é")

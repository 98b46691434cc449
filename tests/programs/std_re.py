# re: search/match/fullmatch, groups, named groups, findall/finditer, sub with functions, flags, split.
import re

text = "Contact: alice@example.com, bob.smith@mail.org; phone 555-1234 or (555) 987-6543."
print(re.findall(r"[\w.]+@[\w.]+\.\w+", text))
for m in re.finditer(r"(?P<user>[\w.]+)@(?P<domain>[\w]+)\.(?P<tld>\w+)", text):
    print(m.group(0), m.group("user"), m.groupdict(), m.span(), m.start("domain"), m.end(2))
m = re.search(r"(\d{3})-(\d{4})", text)
print(m.group(), m.groups(), m.group(1, 2), m.lastindex, m.re.pattern, m.string[:7])
print(re.match(r"Contact", text) is not None, re.match(r"alice", text), re.fullmatch(r"\d+", "12345").group())
print(re.sub(r"\d", "#", "a1b22c333"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host"), re.subn(r"a", "A", "banana"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 plus 20 is 21"), re.sub(r"x*", "-", "abc"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(\d)", "a1b2c"), re.split(r"\s+", " lead and trail ", maxsplit=2))
print(re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"\b\w{5}\b", "hello world these are words"))
p = re.compile(r"^(\w+)\s*=\s*(.*?)\s*$", re.MULTILINE)
cfg = "name = demo\nversion= 1.2 \n# comment\nempty =\n"
print(p.findall(cfg), p.flags & re.MULTILINE != 0, p.groups)
print(re.findall(r"^\w", "ab\ncd\nef", re.M), re.findall(r"a.c", "a\nc abc", re.S), re.findall(r"HELLO", "hello Hello", re.I))
verbose = re.compile(r"""
    (?P<year>\d{4})  # year
    -(?P<month>\d{2})  # month
    -(?P<day>\d{2})  # day
""", re.VERBOSE)
print(verbose.match("2024-02-29").groupdict(), verbose.sub(r"\g<day>/\g<month>/\g<year>", "on 2023-12-25 ok"))
print(re.findall(r"(?<=\$)\d+", "cost $30 and $45"), re.findall(r"\d+(?!px)\b", "10px 20em 30"), re.findall(r"(?i)abc", "ABC abc"))
print(re.search(r"(a+)(b+)?", "aaac").groups(), re.search(r"(a+)(b+)?", "aaac").groups("none"))
print(re.findall(r"<.+?>", "<a><b></b>"), re.findall(r"<.+>", "<a><b></b>"), re.escape("1.5*[x]"))
print(re.match(r"(\d+)\.(\d+)", "3.14").expand(r"\2.\1"), bool(re.search(r"^$", "")), re.findall(r"", "ab"))
print(re.findall(r"[^\W\d_]+", "héllo wörld 123 _x"), re.findall(r"\w+", "日本語 text", re.ASCII))
print(re.sub(r"(?P<w>\w+)", lambda m: m["w"][::-1], "abc def"), re.fullmatch(r"a|ab", "ab").group())
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e.msg, e.pos)
print(re.compile(r"\d+").pattern, repr(re.compile(r"a+", re.I)), re.purge())
word_freq = {}
for w in re.findall(r"[a-z']+", "It's the end of the world as we know it, and I feel fine; it's the END.".lower()):
    word_freq[w] = word_freq.get(w, 0) + 1
print(sorted(word_freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print(re.match(r"(?P<a>x)(?P=a)", "xx").group(), re.search(r"(\w)\1", "hello").group(), re.findall(r"(?:ab)+", "ababxab"))
m = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe")
print(m["first"], m.group("last"), m.groupdict(), repr(m)[:40])
print([m.span() for m in re.finditer(r"o", "foo boo")], re.search(r"\Bo\B", "foo").start())

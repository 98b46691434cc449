# pprint formatting of nested structures, and shlex splitting/quoting.
import pprint
import shlex

data = {
    "name": "config",
    "servers": [{"host": f"srv{i}.example.com", "ports": list(range(8000, 8000 + i)), "tags": ("a", "b")} for i in range(3)],
    "limits": {"cpu": 2.5, "mem": 1024 ** 3, "nested": {"deep": {"deeper": [1, [2, [3, [4]]]]}}},
    "set": {3, 1, 2},
    "text": "a long string " * 6,
}
pprint.pprint(data)
pprint.pprint(data, width=120, compact=True)
pprint.pprint(data, depth=2)
print(pprint.pformat(list(range(40)), width=50, compact=True))
print(pprint.pformat({"b": 1, "a": 2}, sort_dicts=False), pprint.pformat({"b": 1, "a": 2}))
print(pprint.pformat(("tuple",)), pprint.pformat([]), pprint.saferepr({"x": [1, 2]}), pprint.isreadable([1]), pprint.isrecursive([1]))
rec = [1, 2]
rec.append(rec)
print(pprint.pformat(rec).startswith("[1, 2, <Recursion on list with id="), pprint.isrecursive(rec))
pp = pprint.PrettyPrinter(indent=4, width=30, underscore_numbers=True)
pp.pprint({"big": 123456789, "list": ["x" * 10, "y" * 10, "z" * 10]})
print(pprint.pformat("a very long string that will be split across lines by pprint because it is long", width=30))
print(pprint.pformat(b"bytes " * 12, width=40))

for cmd in ['ls -l "my file.txt" other', "echo 'single quoted' and\\ escaped", 'a="b c" d#comment', "  spaced   out  "]:
    print(shlex.split(cmd))
print(shlex.split("keep # this", comments=False), shlex.split("drop # this", comments=True))
print(shlex.quote("safe"), shlex.quote("has space"), shlex.quote("it's"), shlex.quote(""), shlex.join(["a b", "c", "d'e"]))
lex = shlex.shlex("x = 'y z' + 3;", posix=True)
lex.whitespace_split = False
print(list(lex))
lex2 = shlex.shlex("a,b;c", punctuation_chars=True)
print(list(lex2))
try:
    shlex.split('unterminated "quote')
except ValueError as e:
    print("ValueError:", e)

# dict operations: insertion order, views, merging, methods, dict subclasses.
d = {"one": 1, "two": 2}
d["three"] = 3
d.update(four=4)
d.update([("five", 5)])
print(d, len(d), list(d), list(d.values()), list(d.items())[:2])
print(d.get("one"), d.get("zero"), d.get("zero", 0), "two" in d, 2 in d)
print(d.pop("two"), d.pop("missing", "dflt"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
print(d.setdefault("one", 100), d.setdefault("six", 6), d)
d["one"] = "updated"
print(d)
del d["three"]
d["three"] = 3
print(list(d))
print(d | {"seven": 7}, {"a": 1} | {"a": 2})
d |= {"eight": 8}
print(d)
ks = d.keys()
d["nine"] = 9
print(ks, len(ks), "nine" in ks)
print(d.keys() & {"one", "zzz"}, sorted(d.keys() - {"one"}), d.keys() == set(d))
print(d.items() >= {("one", "updated")}, list(reversed(d)), list(reversed(d.items()))[0])
dc = d.copy()
dc.clear()
print(dc, bool(dc), len(d))
print(dict.fromkeys(["a", "b"]), dict.fromkeys("xy", []), dict(a=1, b=2), dict([(1, 2)], c=3))
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple key"}, {None: 0})
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
print({"b": 1, "a": 2} == {"a": 2, "b": 1}, list({"b": 1, "a": 2}))
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested["a"]["b"].get("c"))
print(sorted({3: "c", 1: "a", 2: "b"}.items()), max({"x": 3, "y": 9}, key={"x": 3, "y": 9}.get))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
counts = {}
for w in "the cat the dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print({k: v for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))})


class Default(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]


dd = Default()
print(dd["abc"], dd["z"], dd, dd.get("q"), "q" in dd)
m = {}
m[1] = "a"
del m[1]
m[2] = "b"
m[1] = "c"
print(m, list(m.keys()))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
print(iter(d).__class__.__name__, type(d.keys()).__name__, repr({}.keys()), repr({1: 2}.items()))
e = dict(zip(range(3), "abc"))
print(e, e.values().__class__.__name__, list(e.values()) == ["a", "b", "c"])
try:
    {}.popitem()
except KeyError as err:
    print("KeyError:", err)

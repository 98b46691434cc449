# collections: Counter, deque, defaultdict, OrderedDict, ChainMap, namedtuple, UserDict.
from collections import Counter, deque, defaultdict, OrderedDict, ChainMap, namedtuple, UserDict, UserList

c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["z"], sorted(c.elements())[:6], c.total())
c.update("aaz")
c.subtract({"a": 2, "b": 5})
print(c, +c, -c)
c1, c2 = Counter(a=3, b=1), Counter(a=1, b=2, c=1)
print(c1 + c2, c1 - c2, c1 & c2, c1 | c2, c1 == Counter({"a": 3, "b": 1}), c1 <= c1 + c2)
words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(3), Counter(len(w) for w in words))
d = deque([1, 2, 3], maxlen=5)
d.append(4)
d.appendleft(0)
d.append(5)
print(d, d.maxlen, d[0], d[-1])
d.rotate(2)
print(d)
d.rotate(-1)
print(d, d.popleft(), d.pop(), d)
d = deque(d)
d.extend([7, 8])
d.extendleft([9, 10])
print(d, d.count(7), d.index(7), list(reversed(d)))
d.remove(7)
print(d, len(d), 8 in d)
dq = deque()
try:
    dq.pop()
except IndexError as e:
    print("IndexError:", e)
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["missing"], len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print({k: {k2: dict(v2) for k2, v2 in v.items()} for k, v in t.items()})
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), list(od))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
base = {"color": "red", "size": "M"}
override = {"color": "blue"}
cm = ChainMap(override, base)
print(cm["color"], cm["size"], len(cm), sorted(cm), cm.maps)
cm["new"] = 1
child = cm.new_child({"size": "L"})
print(child["size"], child.parents["size"], override, dict(child))
Point = namedtuple("Point", "x y")
Point3 = namedtuple("Point3", ["x", "y", "z"], defaults=[0])
p = Point(3, 4)
print(p, p.x + p.y, p._asdict(), p._replace(x=10), Point._fields, Point3(1, 2), Point3._field_defaults)
print(Point._make([5, 6]), isinstance(p, tuple), p == (3, 4), tuple(p), Point(x=1, y=2))
Renamed = namedtuple("Renamed", ["a", "def", "a"], rename=True)
print(Renamed._fields)


class Ud(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(str(key).lower(), value)


u = Ud()
u["KEY"] = 1
u[5] = 2
print(u, u.data, "key" in u)
ul = UserList([3, 1, 2])
ul.sort()
print(ul, ul + [4], type(ul[0:2]).__name__)
print(deque(range(10), maxlen=3), Counter({"x": 0, "y": -1}).most_common(), Counter().most_common(1))

# pickle round trips (all protocols) and copy/deepcopy semantics.
import copy
import pickle
from collections import OrderedDict, namedtuple
from dataclasses import dataclass
import datetime
import decimal
import fractions

Pt = namedtuple("Pt", "x y")


@dataclass
class Rec:
    name: str
    items: list


class Custom:
    def __init__(self, v):
        self.v = v
        self.cache = "transient"

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = "rebuilt"

    def __eq__(self, other):
        return isinstance(other, Custom) and self.v == other.v


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))

    def __repr__(self):
        return f"Reduced({self.a}, {self.b})"


obj = {
    "int": 2 ** 100, "float": 1.5, "complex": 1 + 2j, "str": "héllo", "bytes": b"\x00\xff",
    "tuple": (1, (2, 3)), "list": [1, [2, [3]]], "set": {1, 2, 3}, "frozen": frozenset({4}),
    "none": None, "bool": True, "od": OrderedDict(a=1), "nt": Pt(1, 2), "rec": Rec("r", [1]),
    "date": datetime.date(2020, 1, 2), "dec": decimal.Decimal("1.23"), "frac": fractions.Fraction(1, 3),
    "custom": Custom(7), "reduced": Reduced(1, "b"), "range": range(3, 9, 2), "slice": slice(1, 2),
}
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps(obj, protocol=proto)
    back = pickle.loads(data)
    same = all(back[k] == obj[k] for k in obj if k != "reduced")
    print(proto, same, repr(back["reduced"]), back["custom"].cache)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.dumps([1, "a", None], protocol=2).hex())
print(pickle.dumps((1, 2.0, b"x"), protocol=4).hex())
shared = [1, 2]
both = pickle.loads(pickle.dumps([shared, shared]))
print(both, both[0] is both[1])
cyc = [1]
cyc.append(cyc)
rc = pickle.loads(pickle.dumps(cyc))
print(rc[1] is rc, repr(rc))
try:
    pickle.dumps(lambda: 1)
except (pickle.PicklingError, AttributeError) as e:
    print(type(e).__name__)
try:
    pickle.loads(b"garbage")
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)

orig = {"a": [1, 2, {"b": [3]}], "t": (4, [5])}
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig["a"][2]["b"].append(99)
orig["t"][1].append(6)
print(sh, dp, sh["a"] is orig["a"], dp["a"] is orig["a"])


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    def __copy__(self):
        n = Node(self.name + "-copy")
        n.children = self.children
        return n

    def __deepcopy__(self, memo):
        n = Node(self.name + "-deep")
        memo[id(self)] = n
        n.children = copy.deepcopy(self.children, memo)
        return n


root = Node("root")
root.children.append(Node("leaf"))
root.children.append(root)
c1 = copy.copy(root)
c2 = copy.deepcopy(root)
print(c1.name, c1.children is root.children, c2.name, c2.children[0].name, c2.children[1] is c2)
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy((1, [2])) == (1, [2]), copy.copy([1]) == [1])
print(copy.replace if hasattr(copy, "replace") else "no copy.replace in 3.11")

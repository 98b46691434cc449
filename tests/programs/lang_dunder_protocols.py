# In-place operators, NotImplemented fallbacks, reflected operators, attribute and item hooks.


class Acc:
    def __init__(self):
        self.v = []

    def __iadd__(self, x):
        self.v.append(x)
        return self

    def __repr__(self):
        return f"Acc({self.v})"


acc = Acc()
acc += 1
acc += 2
print(acc)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2)
l = [1]
l2 = l
l += [2]
print(l, l2 is l)


class Cmp:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        print(f"  eq {self.v} vs {getattr(o, 'v', o)}")
        return NotImplemented


print(Cmp(1) == Cmp(2))


class RAdd:
    def __radd__(self, other):
        return f"radd with {other!r}"


print(1 + RAdd(), "s" + RAdd(), sum([RAdd()], 0) if False else [1] + [2])


class Dyn:
    def __getattr__(self, name):
        return f"dyn:{name}"

    def __setattr__(self, name, value):
        object.__setattr__(self, name, f"set({value})")

    def __delattr__(self, name):
        print("delattr", name)


d = Dyn()
d.x = 5
print(d.x, d.y)
del d.x


class Container:
    def __init__(self):
        self.store = {}

    def __setitem__(self, k, v):
        self.store[k] = v

    def __getitem__(self, k):
        return self.store[k]

    def __delitem__(self, k):
        del self.store[k]

    def __missing__(self, k):
        return "never"


ct = Container()
ct["a"] = 1
ct[1, 2] = "tuple key"
print(ct["a"], ct[1, 2], ct.store)
del ct["a"]
print(ct.store)


class DefDict(dict):
    def __missing__(self, key):
        return f"missing {key}"


print(DefDict(a=1)["a"], DefDict()["zz"])
print(divmod(17, 5), (17).__divmod__(5), (5).__rsub__(2))

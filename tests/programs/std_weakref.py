# weakref (deterministic parts only): ref, finalize, WeakValueDictionary, WeakSet, proxy, WeakMethod.
import gc
import weakref


class Target:
    def __init__(self, name):
        self.name = name


gc.disable()
t = Target("tgt")
r = weakref.ref(t)
print(r() is t, r().name, weakref.getweakrefcount(t))
events = []
fin = weakref.finalize(t, events.append, "finalized")
print(fin.alive)
del t
print(r(), events, fin.alive)
wvd = weakref.WeakValueDictionary()
keep = Target("keep")
tmp = Target("tmp")
wvd["keep"] = keep
wvd["tmp"] = tmp
print(sorted(wvd.keys()))
del tmp
print(sorted(wvd.keys()))
wks = weakref.WeakSet()
a1, a2 = Target("a1"), Target("a2")
wks.add(a1)
wks.add(a2)
print(len(wks))
del a1
print(len(wks), [x.name for x in wks])
p = weakref.proxy(keep)
print(p.name)
del keep
del wvd
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
gc.enable()
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)


class M:
    def method(self):
        return "bound"


m = M()
wm = weakref.WeakMethod(m.method)
print(wm()())
del m
print(wm())

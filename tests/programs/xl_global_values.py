# Both sides of the guards of LOAD_GLOBAL's value cache: a global or
# builtin read again while neither dict has changed, and every way the
# value can change behind the cache (rebinding, writes through globals(),
# the module object, vars().update, deletion, builtins replaced), and the
# same compiled code run with other globals and builtins.
import builtins
import sys
import types

K = 5
ORIGINAL_LEN = len


def read_k():
    return K


def read_len(x):
    return len(x)


def loop_reads(n):
    total = 0
    for i in range(n):
        total += K
        if i == 2:
            globals()["K"] = K + 100  # written while the loop reads it
    return total


print(read_k(), read_k(), read_len("ab"))
K = 6
print(read_k())
globals()["K"] = 7
print(read_k())
setattr(sys.modules[__name__], "K", 8)
print(read_k())
vars().update(K=9)
print(read_k())
print(loop_reads(5), read_k())
del K
try:
    read_k()
except NameError as e:
    print("NameError:", e)
K = 10
print(read_k())

# the same code object with other globals, in turns
other = types.FunctionType(read_k.__code__, {"K": "other", "__builtins__": builtins})
for _ in range(3):
    print(read_k(), other())

# builtins: shadowed by a global, replaced, another builtins dict, a mapping
print(read_len("abc"))
builtins.len = lambda x: -1
print(read_len("abc"))
del builtins.len
try:
    read_len("abc")
except NameError as e:
    print("NameError:", e)
builtins.len = abs
print(read_len(-4))
builtins.len = ORIGINAL_LEN

own_builtins = {"len": lambda x: "own len"}
g = {"__builtins__": own_builtins}
f2 = types.FunctionType(read_len.__code__, g)
print(f2("abc"))
own_builtins["len"] = lambda x: "changed own len"
print(f2("abc"))
g["len"] = lambda x: "global len"
print(f2("abc"))
print(read_len("abcd"))

# __debug__, assert statements, AssertionError messages, assert with side effects.
print("__debug__ =", __debug__)
assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2
except AssertionError as e:
    print("AssertionError args:", e.args, repr(str(e)))
try:
    assert [] , "empty list is falsy"
except AssertionError as e:
    print("AssertionError:", e)
try:
    x = 5
    assert x < 3, f"x is {x}, expected < 3"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False, {"detail": [1, 2]}
except AssertionError as e:
    print("AssertionError payload:", e.args[0])
calls = []


def check(v):
    calls.append(v)
    return v


assert check(True)
try:
    assert check(0), check("message evaluated")
except AssertionError as e:
    print("AssertionError:", e)
print(calls)
if __debug__:
    print("debug block executes")
else:
    print("optimized")


def validate(age):
    assert isinstance(age, int), "age must be int"
    assert 0 <= age < 150, f"age out of range: {age}"
    return age


for v in (30, -1, "x", 200):
    try:
        print("valid", validate(v))
    except AssertionError as e:
        print("invalid:", e)


class Custom(AssertionError):
    pass


try:
    raise Custom("custom assertion")
except AssertionError as e:
    print(type(e).__name__, e)
pair = (1, 2)
assert pair
print("assert on non-empty tuple passes")
import sys
print(sys.flags.optimize, sys.flags.debug if hasattr(sys.flags, "debug") else None)
try:
    assert 0, None
except AssertionError as e:
    print(repr(e))

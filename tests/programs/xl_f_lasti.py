# Where a caller's f_lasti (and a traceback's tb_lasti) points while a call
# runs: past CALL's inline cache for a Python function, as the interpreter
# runs its frame; on the CALL for builtins and classes.
import sys
import traceback


def callee():
    return sys._getframe(1).f_lasti


def caller():
    return callee()


class Probe:
    def __init__(self):
        self.lasti = sys._getframe(2).f_lasti


def through_class():
    return Probe().lasti


def through_builtin():
    return list(map(lambda _: sys._getframe(2).f_lasti, [0]))[0]


def fails():
    raise ValueError("x")


def calls_failing():
    return fails()


print("python callee:", caller())
print("method:", type("C", (), {"m": lambda self: sys._getframe(1).f_lasti})().m())
print("class:", through_class())
print("builtin:", through_builtin())
try:
    calls_failing()
except ValueError as e:
    tb = e.__traceback__
    while tb:
        print("tb:", tb.tb_frame.f_code.co_name, tb.tb_lasti, tb.tb_lineno)
        tb = tb.tb_next
    print(traceback.format_exc().splitlines()[-1])

# An exception in a finally block replaces the original one (which becomes __context__).
def attempt(fail_in_finally):
    try:
        print("trying")
        raise ValueError("original problem")
    finally:
        print("finally block")
        if fail_in_finally:
            raise KeyError("raised in finally")


try:
    attempt(False)
except ValueError as e:
    print("caught original:", e, e.__context__)
try:
    attempt(True)
except KeyError as e:
    print("caught replacement:", repr(e), "context:", repr(e.__context__))


def work():
    attempt(True)


print("now without a handler")
work()

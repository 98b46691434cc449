# try/except/else/finally, exception hierarchy, custom exceptions, args.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg

    def __str__(self):
        return f"[{self.code}] {self.msg}"


class NotFound(AppError):
    pass


def risky(kind):
    if kind == 0:
        return "fine"
    if kind == 1:
        raise NotFound(404, "nothing here")
    if kind == 2:
        return 1 / 0
    if kind == 3:
        return [][5]
    if kind == 4:
        return {}["key"]
    if kind == 5:
        return int("xyz")
    if kind == 6:
        raise AppError(500, "server")
    return None.attr


for k in range(8):
    try:
        r = risky(k)
    except NotFound as e:
        print(k, "NotFound", e, e.args, e.code)
    except AppError as e:
        print(k, "AppError", str(e), repr(e))
    except (ZeroDivisionError, IndexError) as e:
        print(k, type(e).__name__, e)
    except LookupError as e:
        print(k, "LookupError", type(e).__name__, repr(e))
    except Exception as e:
        print(k, "Exception", type(e).__name__, e)
    else:
        print(k, "else", r)
    finally:
        print(k, "finally")

try:
    raise ValueError
except ValueError as e:
    print("bare class raise:", repr(e), e.args)

e_name_cleared = True
try:
    raise TypeError("x")
except TypeError as err:
    pass
try:
    err
except NameError:
    print("except target deleted after block")


def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        print("handling, then re-raise")
        raise


try:
    reraise()
except KeyError as e:
    print("outer got", repr(e))

print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print([c.__name__ for c in OSError.__mro__])
print(FileNotFoundError(2, "No such file").errno, str(FileNotFoundError(2, "No such file", "x.txt")))
e = ValueError("a", 1)
print(str(e), repr(e), e.args)
print(repr(Exception()), str(Exception()), repr(StopIteration(3)))

import sys
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, tb.tb_frame.f_code.co_name)
print(sys.exc_info())

e = ValueError("noted")
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)

try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally runs before outer handler")
except ValueError as e:
    print("outer handler", e)

def nested_handlers():
    try:
        try:
            raise IndexError("idx")
        except KeyError:
            print("wrong handler")
    except IndexError as e:
        return f"caught at outer level: {e}"

print(nested_handlers())

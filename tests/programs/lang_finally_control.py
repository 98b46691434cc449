# finally interacting with return / break / continue and exceptions.
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"


def ret_overrides_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def finally_sees_return():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")


print(ret_in_finally())
print(ret_overrides_exception())
print(finally_sees_return())

out = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(f"body{i}")
    finally:
        out.append(f"fin{i}")
print(out)

out = []
for i in range(4):
    try:
        try:
            if i % 2:
                raise KeyError(i)
            out.append(f"ok{i}")
        finally:
            out.append(f"inner{i}")
            if i == 3:
                break
    except KeyError as e:
        out.append(f"caught{e}")
    else:
        out.append(f"else{i}")
print(out)

out = []
i = 0
while True:
    i += 1
    try:
        if i < 3:
            continue
        break
    finally:
        out.append(i)
print(out)


def loop_with_finally_continue():
    res = []
    for i in range(3):
        try:
            raise RuntimeError(i)
        except RuntimeError:
            res.append(f"err{i}")
            continue
        finally:
            res.append(f"f{i}")
    return res


print(loop_with_finally_continue())


def count_calls():
    n = 0
    def f():
        nonlocal n
        try:
            n += 1
            return n
        finally:
            n += 10
    return f() , n


print(count_calls())


def nested():
    trail = []
    try:
        try:
            trail.append("a")
            return trail
        finally:
            trail.append("b")
    finally:
        trail.append("c")


print(nested())


def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")


for v in gen_finally():
    print("gen value", v)
    break
print("after break")


def with_exc_in_finally():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")


try:
    with_exc_in_finally()
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))

# LOAD_FAST checks its local for NULL only where some path from the entry
# may leave it unbound (definite assignment over the control-flow graph,
# handlers included); every case below reaches a load on both kinds of path.


def branch(flag):
    if flag:
        x = 1
    return x


def loop_may_not_run(n):
    for i in range(n):
        last = i
    return last, i


def deleted_on_one_path(flag):
    y = 5
    if flag:
        del y
    return y


def assigned_in_try(fail):
    try:
        if fail:
            raise ValueError("boom")
        z = 1
    except ValueError:
        return z
    return z


def except_as_cleared():
    try:
        raise KeyError("k")
    except KeyError as e:
        pass
    return e


def while_break(limit):
    i = 0
    while True:
        if i >= limit:
            break
        found = i
        i += 1
    return found


def param_deleted(a, flag):
    if flag:
        del a
    return a


def after_both_branches(flag):
    if flag:
        w = "then"
    else:
        w = "else"
    return w


def closure_cell(flag):
    if flag:
        v = 10

    def inner():
        return v
    return inner()


def generator_resumed(flag):
    if flag:
        g = 1
    yield 0
    yield g


def match_capture(value):
    match value:
        case [a, b]:
            pass
        case _:
            pass
    return a + b


def nested_loops(rows):
    for row in rows:
        for cell in row:
            best = cell
    return best


def with_finally(flag):
    try:
        if flag:
            raise RuntimeError
        r = "ok"
    finally:
        pass
    return r


for fn, args in [
        (branch, (True,)), (branch, (False,)),
        (loop_may_not_run, (3,)), (loop_may_not_run, (0,)),
        (deleted_on_one_path, (False,)), (deleted_on_one_path, (True,)),
        (assigned_in_try, (False,)), (assigned_in_try, (True,)),
        (except_as_cleared, ()),
        (while_break, (3,)), (while_break, (0,)),
        (param_deleted, (7, False)), (param_deleted, (7, True)),
        (after_both_branches, (True,)), (after_both_branches, (False,)),
        (closure_cell, (True,)), (closure_cell, (False,)),
        (lambda flag: list(generator_resumed(flag)), (True,)),
        (lambda flag: list(generator_resumed(flag)), (False,)),
        (match_capture, ([1, 2],)), (match_capture, (3,)),
        (nested_loops, ([[1, 2], [3]],)), (nested_loops, ([[], []],)),
        (with_finally, (False,)), (with_finally, (True,))]:
    try:
        print(fn.__name__, args, "->", fn(*args))
    except (UnboundLocalError, NameError, RuntimeError) as exc:
        print(fn.__name__, args, "raised", type(exc).__name__, exc)

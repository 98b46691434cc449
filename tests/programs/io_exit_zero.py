# sys.exit(0) from inside nested calls and a with-block: exit status 0, cleanup runs.
import sys


class Cleanup:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit sees", exc_type.__name__, "code", exc.code)
        return False


def inner():
    print("inner calling sys.exit(0)")
    sys.exit(0)


def outer():
    with Cleanup():
        inner()


print("start")
outer()
print("never printed")

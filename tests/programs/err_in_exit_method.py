# Exception raised in __exit__ while another exception propagates from the with body.
class Transaction:
    def __init__(self, name, fail_on_rollback):
        self.name = name
        self.fail_on_rollback = fail_on_rollback

    def __enter__(self):
        print("begin", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("commit", self.name)
            return False
        print("rollback", self.name, "because of", exc_type.__name__)
        if self.fail_on_rollback:
            raise RuntimeError("rollback failed")
        return False


with Transaction("t1", fail_on_rollback=True):
    print("working on t1")
try:
    with Transaction("t2", fail_on_rollback=False):
        raise LookupError("t2 record vanished")
except LookupError as e:
    print("caught:", e)
with Transaction("t3", fail_on_rollback=True):
    print("working on t3")
    raise LookupError("record vanished")

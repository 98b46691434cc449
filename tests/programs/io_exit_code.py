# sys.exit(3): output is flushed, finally blocks and atexit handlers run, exit status 3.
import atexit
import sys


def goodbye(name):
    print(f"atexit handler: goodbye {name}")


def unregistered():
    print("this handler was unregistered and must not run")


atexit.register(goodbye, "first registered")
atexit.register(goodbye, "second registered")
atexit.register(unregistered)
atexit.unregister(unregistered)


@atexit.register
def decorated_handler():
    print("atexit handler registered with a decorator")


print("working...")
try:
    print("about to exit with 3")
    sys.exit(3)
finally:
    print("finally runs during SystemExit")
print("never printed")

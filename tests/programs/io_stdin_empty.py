# Empty stdin (no .stdin file): read() returns '', readline() returns '', input() raises EOFError.
import sys

print("read:", repr(sys.stdin.read()))
print("readline:", repr(sys.stdin.readline()))
print("readlines:", sys.stdin.readlines())
print("iteration:", list(sys.stdin))
for attempt in range(2):
    try:
        input("prompt: ")
    except EOFError as e:
        print(f"EOFError from input() attempt {attempt}: {e}")
print("buffer read:", sys.stdin.buffer.read())
print("read(10):", repr(sys.stdin.read(10)))
print("stdin closed?", sys.stdin.closed, "readable:", sys.stdin.readable())
lines = 0
for line in sys.stdin:
    lines += 1
print("lines iterated:", lines)
data = sys.stdin.read() or "default text when stdin is empty"
print(data.upper())

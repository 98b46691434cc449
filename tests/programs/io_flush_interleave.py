# print(..., flush=True) interleaved with sys.stderr.write; per-stream content is what matters.
import sys

for i in range(10):
    print(f"out {i}", flush=True)
    sys.stderr.write(f"err {i}\n")
    if i % 3 == 0:
        sys.stderr.flush()
print("partial line without newline", end="", flush=True)
sys.stderr.write("stderr partial")
print(" ... completed")
sys.stderr.write(" ... completed\n")
n = sys.stdout.write("write() returns the length\n")
print("write returned", n)
m = sys.stderr.write("ünïcode on stderr\n")
print("stderr write returned", m)
print("a", "b", "c", sep="-", end="!\n")
print(*range(5), sep=", ")
print("to stderr via print", file=sys.stderr, end="\n\n")
print("", end="")
print()
print(None, 1.0, [1], {"k": 2}, sep="|")
sys.stdout.writelines(["line A\n", "line B\n"])
sys.stdout.flush()

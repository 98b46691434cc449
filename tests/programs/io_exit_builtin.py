# The site-provided exit() builtin with status 2.
import sys

print("using exit() from site")
print(type(exit).__name__, callable(exit), type(quit).__name__)
print("repr mentions exit:", "exit" in repr(exit))
try:
    quit(4)
except SystemExit as e:
    print("quit(4) raised SystemExit with code", e.code)
try:
    exit()
except SystemExit as e:
    print("exit() raised SystemExit with code", e.code)
counts = {}
for word in "to be or not to be".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
for i in range(3):
    print("loop", i)
    if i == 1:
        sys.stdout.flush()
        exit(2)
print("never printed")

"""A command program for the browser test: argv, stdin, stdout, stderr, exit status."""
import sys

print("hello from Python", sys.version.split()[0], "on", sys.platform)
print("argv:", sys.argv[1:])
text = sys.stdin.read()
print("stdin:", repr(text))
print("words:", len(text.split()))
print("a warning on stderr", file=sys.stderr)
total = sum(i * i for i in range(100_000))
print("sum of squares:", total)
sys.exit(3)

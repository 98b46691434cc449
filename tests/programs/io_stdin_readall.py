# Read all of stdin at once and analyse it: lines, words, characters, unicode.
import sys

data = sys.stdin.read()
print("chars:", len(data))
lines = data.splitlines()
print("lines:", len(lines))
words = data.split()
print("words:", len(words))
freq = {}
for w in words:
    key = w.strip(".,;:!?\"'()").lower()
    if key:
        freq[key] = freq.get(key, 0) + 1
for word, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"{word:>10} {n}")
print("longest line:", max(lines, key=len))
print("non-ascii chars:", sorted({c for c in data if ord(c) > 127}))
print("ends with newline:", data.endswith("\n"))
numbers = [int(tok) for tok in words if tok.lstrip("-").isdigit()]
print("numbers:", numbers, "sum:", sum(numbers))
print("second read returns empty:", repr(sys.stdin.read()))

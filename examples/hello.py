"""The demo program `make` compiles and runs."""
import sys
from collections import Counter

def main(argv):
    who = argv[1] if len(argv) > 1 else "there"
    print(f"Hello, {who}! This is Python {sys.version.split()[0]} on {sys.platform}.")
    words = "the quick brown fox jumps over the lazy dog the end".split()
    print("most common:", Counter(words).most_common(2))

if __name__ == "__main__":
    main(sys.argv)

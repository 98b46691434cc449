# difflib: unified/context diffs, ndiff, SequenceMatcher ratios and opcodes, get_close_matches.
import difflib

a = """one
two
three
four
five
six""".splitlines(keepends=True)
b = """one
2
three
four
five and a half
six
seven""".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, fromfile="before.txt", tofile="after.txt")))
print("".join(difflib.context_diff(a, b, fromfile="before.txt", tofile="after.txt", n=1)))
print("".join(difflib.ndiff(["apple\n", "banana\n"], ["apple\n", "bananas\n", "cherry\n"])))
sm = difflib.SequenceMatcher(None, "abcdefgh", "abxdefzgh")
print(round(sm.ratio(), 6), sm.quick_ratio(), sm.real_quick_ratio(), sm.get_matching_blocks())
for op in sm.get_opcodes():
    print(op)
print(list(sm.get_grouped_opcodes(1)))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy", "applet"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "steel", "shell"], n=2, cutoff=0.5))
s2 = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s2.ratio(), 6), s2.find_longest_match(0, 29, 0, 38))
d = difflib.Differ()
print(list(d.compare(["a b c\n"], ["a x c\n"])))
print(list(difflib.restore(difflib.ndiff(["x\n"], ["y\n"]), 2)))
words1 = "the quick brown fox".split()
words2 = "the quick red fox jumps".split()
print(difflib.SequenceMatcher(a=words1, b=words2).get_opcodes())
print("".join(difflib.unified_diff(["same\n"], ["same\n"])) == "")

# sys.argv handling: arguments with spaces, unicode, dashes, numbers; argv[0] is the script path.
import os
import sys

print("script:", os.path.basename(sys.argv[0]), sys.argv[0].endswith("io_argv.py"))
args = sys.argv[1:]
print("count:", len(args))
for i, a in enumerate(args, 1):
    print(f"  {i}: {a!r} len={len(a)}")
flags = [a for a in args if a.startswith("-")]
positional = [a for a in args if not a.startswith("-")]
nums = []
for a in positional:
    try:
        nums.append(int(a))
    except ValueError:
        pass
print("flags:", flags)
print("positional:", positional)
print("ints:", nums, "sum:", sum(nums))
print("joined:", " | ".join(args))
print("orig_argv tail matches:", sys.orig_argv[-len(args):] == args if args else True)

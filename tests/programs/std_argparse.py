# argparse with arguments supplied via std_argparse.args: options, subcommands, types, nargs, actions.
import argparse
import os
import sys

parser = argparse.ArgumentParser(prog="tool", description="Demo tool.")
parser.add_argument("--verbose", "-v", action="count", default=0)
parser.add_argument("--name", default="anon")
parser.add_argument("--size", type=int, choices=[1, 2, 3], default=1)
parser.add_argument("--ratio", type=float)
parser.add_argument("--tag", action="append", default=[])
parser.add_argument("--flag", action="store_true")
parser.add_argument("--no-color", dest="color", action="store_false")
parser.add_argument("--pair", nargs=2, metavar=("A", "B"))
parser.add_argument("--const", action="store_const", const="C!")
sub = parser.add_subparsers(dest="command", required=True)
run = sub.add_parser("run", help="run things")
run.add_argument("targets", nargs="+")
run.add_argument("--jobs", "-j", type=int, default=1)
run.add_argument("--", dest="rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS) if False else None
show = sub.add_parser("show")
show.add_argument("item", nargs="?", default="all")

print("argv[0] basename:", os.path.basename(sys.argv[0]))
print("argv[1:]:", sys.argv[1:])
args = parser.parse_args()
for k, v in sorted(vars(args).items()):
    print(f"  {k} = {v!r}")

ns = parser.parse_args(["--name=x", "show"])
print(ns.name, ns.command, ns.item, ns.verbose)
ns2, extra = parser.parse_known_args(["show", "thing", "--unknown", "5"])
print(ns2.item, extra)

p2 = argparse.ArgumentParser(prog="p2", add_help=False)
p2.add_argument("nums", nargs="*", type=int)
p2.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max)
for argv in (["1", "2", "3"], ["--sum", "4", "5"], []):
    a = p2.parse_args(argv)
    print(argv, "->", a.nums, a.accumulate(a.nums) if a.nums else None)

group = argparse.ArgumentParser(prog="g", formatter_class=lambda prog: argparse.HelpFormatter(prog, width=80))
mx = group.add_mutually_exclusive_group()
mx.add_argument("--fast", action="store_true")
mx.add_argument("--slow", action="store_true")
print(group.parse_args(["--fast"]))
print(group.format_usage().strip())
p3 = argparse.ArgumentParser(prog="p3", prefix_chars="+-", allow_abbrev=True)
p3.add_argument("+x", action="store_true")
p3.add_argument("--longoption", type=str.upper)
print(p3.parse_args(["+x", "--long", "abbrev"]))
p4 = argparse.ArgumentParser(prog="p4", formatter_class=lambda prog: argparse.HelpFormatter(prog, width=80))
p4.add_argument("--level", type=lambda s: int(s, 0), default="0x10")
print(p4.parse_args([]).level, p4.parse_args(["--level", "0o17"]).level)
print(p4.get_default("level"), p4.format_usage().strip())

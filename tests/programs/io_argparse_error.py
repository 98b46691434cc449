# argparse error: invalid argument produces usage + error on stderr and exit status 2.
import argparse
import sys

parser = argparse.ArgumentParser(prog="errdemo", formatter_class=lambda prog: argparse.HelpFormatter(prog, width=80))
parser.add_argument("count", type=int)
parser.add_argument("--level", choices=["low", "high"])
parser.add_argument("--name", default="x")
print("parsing", sys.argv[1:], flush=True)
for trial in (["3"], ["4", "--level", "low"], ["5", "--name", "n"]):
    print("trial", trial, "->", vars(parser.parse_args(trial)))
quiet = argparse.ArgumentParser(prog="quiet", exit_on_error=False)
quiet.add_argument("n", type=int)
try:
    quiet.parse_args(["not-a-number"])
except argparse.ArgumentError as e:
    print("ArgumentError (no exit):", e)
print("usage line:", parser.format_usage().strip())
print("now parsing the real command line", flush=True)
args = parser.parse_args()
print("not reached", args)

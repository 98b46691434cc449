# argparse --help: prints formatted help to stdout and exits 0.
import argparse

parser = argparse.ArgumentParser(
    prog="helpdemo",
    description="A program that demonstrates argparse help output formatting.",
    epilog="Epilog text goes here.",
    # fixed width so the output does not depend on the terminal / $COLUMNS
    formatter_class=lambda prog: argparse.HelpFormatter(prog, width=80),
)
parser.add_argument("input", help="input file name")
parser.add_argument("outputs", nargs="*", help="zero or more outputs")
parser.add_argument("-n", "--count", type=int, default=3, help="how many (default: %(default)s)")
parser.add_argument("--mode", choices=["fast", "slow"], default="fast", help="processing mode")
parser.add_argument("-q", "--quiet", action="store_true", help="suppress output")
parser.add_argument("--version", action="version", version="%(prog)s 1.0")
grp = parser.add_argument_group("advanced", "Advanced options for experts.")
grp.add_argument("--threshold", metavar="T", type=float, help="a threshold value with a rather long help text that must wrap onto the next line")
print("before parse")
parser.parse_args()
print("not reached")

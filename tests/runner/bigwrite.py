# Large writes to stdout (more than a pipe holds) while the reader lags.
import sys
print("x" * 100000)
sys.stdout.write("y" * 300000 + "\n")
print("done writing")

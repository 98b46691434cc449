import sys
n = int(sys.argv[1])
x = bytearray(n)
print(len(x), flush=True)
del x
print("after del", flush=True)
y = bytearray(n)
print("again", flush=True)
import os
os._exit(0)

# Large output: 20000 lines on stdout, a 100000-character line, and 3000 lines on stderr.
import sys

checksum = 0
for i in range(20000):
    value = i * i % 9973
    checksum = (checksum * 31 + value) % 1000000007
    print(f"line {i:05d} value={value} {'#' * (i % 17)}")
for i in range(0, 3000):
    sys.stderr.write(f"diag {i}\n")
print("total lines printed: 20000, checksum:", checksum)
big = "x" * 100000
print(len(big), big[:10])
sys.stdout.write(big + "\n")
chunks = ["".join(chr(65 + (i + j) % 26) for j in range(60)) for i in range(500)]
sys.stdout.write("\n".join(chunks) + "\n")
print("unicode block:", "".join(chr(0x3041 + k) for k in range(80)))
many = list(range(5000))
print(many)
print("done")

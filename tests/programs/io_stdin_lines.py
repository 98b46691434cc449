# Iterate over sys.stdin line by line, including CRLF lines and a final line without newline.
import sys

records = []
for lineno, line in enumerate(sys.stdin, 1):
    raw = line
    line = line.rstrip("\r\n")
    if line.startswith("#"):
        print(f"{lineno}: comment {line[1:].strip()!r}")
        continue
    fields = [f.strip() for f in line.split(",")]
    records.append(fields)
    print(f"{lineno}: {len(fields)} fields, raw ending {raw[len(line):]!r}")
header, *rows = records
print("header:", header)
for row in rows:
    print(dict(zip(header, row)))
scores = [int(r[2]) for r in rows if len(r) > 2 and r[2].isdigit()]
print("scores:", scores, "max:", max(scores), "min:", min(scores))
print("readline at EOF:", repr(sys.stdin.readline()))

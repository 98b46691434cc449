# input() with prompts (written to stdout), reading until EOFError.
total = 0
count = 0
name = input("What is your name? ")
print(f"Hello, {name}!")
age = int(input("Age: "))
print(f"In ten years you will be {age + 10}.")
while True:
    try:
        line = input(f"number #{count + 1}> ")
    except EOFError:
        print()
        print("EOF reached after", count, "numbers")
        break
    line = line.strip()
    if not line:
        print("(skipping blank)")
        continue
    try:
        total += float(line)
        count += 1
    except ValueError:
        print(f"not a number: {line!r}")
print(f"total={total:g} average={total / count if count else 0:.3f}")
try:
    input("one more? ")
except EOFError as e:
    print("second EOFError:", type(e).__name__, repr(str(e)))

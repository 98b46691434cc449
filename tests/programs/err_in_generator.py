# Uncaught exception raised inside a generator consumed by a comprehension.
def readings(raw):
    for i, token in enumerate(raw.split()):
        yield i, float(token)


def smoothed(pairs, window=2):
    buf = []
    for i, v in pairs:
        buf.append(v)
        if len(buf) > window:
            buf.pop(0)
        yield i, sum(buf) / len(buf)


def average(raw):
    values = [v for _, v in readings(raw)]
    return sum(values) / len(values)


print("average:", average("1.5 2.5 3.5"))
print("smoothed:", list(smoothed(readings("1 2 3 4 5"))))
gen = readings("7 x")
print("first reading:", next(gen))
try:
    next(gen)
except ValueError as e:
    print("caught from generator:", e)
print("generator finished:", next(gen, "exhausted"))
print("average:", average("4 5 six 7"))

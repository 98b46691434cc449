"""List sorting with key functions, comprehensions and tuples.

Generates employee-like records as tuples and small objects, then sorts them
many ways: natural tuple order, key lambdas, operator.itemgetter/attrgetter,
multi-pass stable sorts, reverse sorts, sorting strings by derived keys, and
a hand-written merge sort for comparison.  Also uses bisect/heapq on the sorted
data.  The checksum mixes positions of selected records after each sort.

usage: sorting.py [scale]   (scale multiplies the number of records)
"""
import bisect
import heapq
import sys
import time
from operator import attrgetter, itemgetter

DEPTS = ["eng", "ops", "sales", "legal", "hr", "research", "support"]


class Person:
    __slots__ = ("name", "dept", "age", "salary")

    def __init__(self, name, dept, age, salary):
        self.name = name
        self.dept = dept
        self.age = age
        self.salary = salary


def lcg(seed):
    x = seed
    while True:
        x = (x * 214013 + 2531011) & 0x7FFFFFFF
        yield x >> 4


def make_records(n, seed):
    g = lcg(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    for i in range(n):
        r = next(g)
        name = "".join(letters[(r >> (5 * k)) % 26] for k in range(5))
        dept = DEPTS[r % len(DEPTS)]
        age = 20 + next(g) % 45
        salary = 30000 + (next(g) % 9000) * 10
        out.append((name, dept, age, salary, i))
    return out


def merge_sort(xs):
    if len(xs) <= 16:
        # insertion sort for short runs
        ys = list(xs)
        for i in range(1, len(ys)):
            v = ys[i]
            j = i - 1
            while j >= 0 and ys[j] > v:
                ys[j + 1] = ys[j]
                j -= 1
            ys[j + 1] = v
        return ys
    mid = len(xs) // 2
    a = merge_sort(xs[:mid])
    b = merge_sort(xs[mid:])
    out = []
    i = j = 0
    la, lb = len(a), len(b)
    while i < la and j < lb:
        if b[j] < a[i]:
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def sig(seq, pick):
    s = 0
    for k in range(0, len(seq), max(1, len(seq) // 97)):
        s = (s * 1000003 + pick(seq[k])) % 2147483629
    return s


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(50, int(80000 * scale))
    t0 = time.perf_counter()
    recs = make_records(n, 99)
    people = [Person(name, dept, age, sal) for name, dept, age, sal, _ in recs]
    sigs = []
    last = itemgetter(4)

    sigs.append(sig(sorted(recs), last))
    sigs.append(sig(sorted(recs, key=lambda r: (r[1], -r[3], r[0])), last))
    sigs.append(sig(sorted(recs, key=itemgetter(2, 0)), last))
    sigs.append(sig(sorted(recs, key=lambda r: r[3] * 7 % 1009, reverse=True), last))

    # multi-pass stable sort (secondary key first)
    tmp = sorted(recs, key=itemgetter(0))
    tmp.sort(key=itemgetter(2), reverse=True)
    tmp.sort(key=itemgetter(1))
    sigs.append(sig(tmp, last))

    by_attr = sorted(people, key=attrgetter("dept", "age"))
    sigs.append(sig(by_attr, lambda p: p.salary))
    by_name_len = sorted(people, key=lambda p: (len(set(p.name)), p.name[::-1]))
    sigs.append(sig(by_name_len, lambda p: p.age))

    salaries = [p.salary for p in people]
    ms = merge_sort(salaries)
    assert ms == sorted(salaries)
    sigs.append(sig(ms, lambda v: v))

    # comprehension-built aggregates
    per_dept = {d: sorted((p.salary for p in people if p.dept == d), reverse=True) for d in DEPTS}
    medians = [(d, v[len(v) // 2]) for d, v in sorted(per_dept.items())]
    top_earners = heapq.nlargest(5, recs, key=lambda r: (r[3], r[0]))
    youngest = heapq.nsmallest(5, recs, key=lambda r: (r[2], r[0]))
    ages = sorted(r[2] for r in recs)
    within = bisect.bisect_right(ages, 40) - bisect.bisect_left(ages, 30)
    names = sorted({r[0] for r in recs})
    pos = [bisect.bisect_left(names, q) for q in ("aaaaa", "mmmmm", "zzzzz")]
    words = sorted((r[0].upper() + r[1] for r in recs[: n // 4]), key=str.casefold)
    sigs.append(sig(words, lambda w: ord(w[0]) * 31 + len(w)))

    t1 = time.perf_counter()
    print("n", n)
    print("sigs", sigs)
    print("medians", medians)
    print("top", [r[4] for r in top_earners], "youngest", [r[4] for r in youngest])
    print("within", within, "distinct-names", len(names), "pos", pos)
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

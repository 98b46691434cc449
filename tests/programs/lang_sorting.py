# Sorting with keys, stability, reverse, multi-key, cmp_to_key, sorting objects.
import functools
import operator

people = [("alice", 30, "NY"), ("bob", 25, "LA"), ("carol", 30, "SF"), ("dave", 25, "NY"), ("eve", 35, "LA")]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=operator.itemgetter(2, 0)))
print(sorted(people, key=operator.itemgetter(1), reverse=True))
by_city = sorted(people, key=lambda p: p[2])
print([p[0] for p in by_city])
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.casefold, reverse=True))


def compare(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


print(sorted(words, key=functools.cmp_to_key(compare)))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, key=lambda n: (n % 2, n)), nums)
nums.sort(reverse=True)
print(nums)


class Emp:
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary

    def __repr__(self):
        return f"{self.name}:{self.salary}"


emps = [Emp("x", 300), Emp("y", 100), Emp("z", 200), Emp("w", 100)]
print(sorted(emps, key=operator.attrgetter("salary")))
print(sorted(emps, key=operator.attrgetter("salary", "name")))
print(max(emps, key=lambda e: e.salary), min(emps, key=lambda e: (e.salary, e.name)))
try:
    sorted(emps)
except TypeError as e:
    print("TypeError:", e)
data = {"b": 3, "a": 1, "c": 2}
print(sorted(data), sorted(data.items(), key=lambda kv: kv[1]), sorted(data, key=data.get, reverse=True))
stable = sorted([(1, "b"), (0, "z"), (1, "a"), (0, "y")], key=lambda t: t[0])
print(stable)
print(sorted("Mississippi"), "".join(sorted(set("Mississippi"))), sorted([3, 1, 2], key=None))
print(sorted([[3, 1], [1, 2, 3], [2], []]), sorted([(1, 2), (1,), (0, 5)]))
lst = [9, 4, 7]
print(lst.sort(), lst, list(reversed(lst)))
mixed = [3.5, 2, True, -1.5]
print(sorted(mixed))
ranks = {"low": 0, "mid": 1, "high": 2}
print(sorted(["mid", "high", "low", "mid"], key=ranks.__getitem__))
try:
    [3, 1, 2].sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
keyed = []
print(sorted([4, 2, 3], key=lambda v: keyed.append(v) or v), keyed)

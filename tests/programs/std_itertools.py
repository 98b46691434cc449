# itertools: infinite iterators, combinatorics, grouping, accumulation, pairwise.
import itertools as it
import operator

print(list(it.islice(it.count(10, 3), 5)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.chain("ab", [1, 2])), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcdef", [1, 0, 1, 0, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(8))), list(it.starmap(pow, [(2, 3), (3, 2)])))
for key, grp in it.groupby("aaabccdddd"):
    print(key, list(grp), end="; ")
print()
people = [("ann", "NY"), ("bob", "LA"), ("cid", "NY"), ("dan", "LA")]
for city, grp in it.groupby(sorted(people, key=lambda p: p[1]), key=lambda p: p[1]):
    print(city, [n for n, _ in grp])
print(list(it.islice(range(20), 2, 12, 3)), list(it.pairwise("abcd")), list(it.zip_longest("ab", "wxyz", fillvalue="-")))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b))
print(list(it.product("ab", repeat=2)), len(list(it.product(range(3), range(4), range(2)))))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations(range(5), 3)))
print(list(it.combinations_with_replacement("ab", 3)))
print(sum(1 for _ in it.combinations(range(20), 4)), next(it.permutations(range(10)))[-1])


def batched(iterable, n):
    itr = iter(iterable)
    while chunk := tuple(it.islice(itr, n)):
        yield chunk


print(list(batched(range(10), 4)))
print(list(it.starmap(lambda a, b: a * b, zip(range(5), it.count(1)))))
print(dict(it.zip_longest("abc", [1])), list(it.islice(it.count(0.5, 0.25), 4)))
sq = (x * x for x in it.count())
print(list(it.takewhile(lambda v: v < 50, sq)))
print(["".join(p) for p in it.product("01", repeat=3)])
grid = list(it.product(range(2), range(3)))
print(grid, list(it.chain(*grid)))
c = it.count()
print(next(c), next(c), repr(c))
print(list(it.accumulate("abc")), list(it.accumulate([], initial=0)))

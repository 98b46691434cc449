# Slicing: lists, strings, tuples, slice objects, slice assignment, custom __getitem__.
seq = list(range(10))
print(seq[2:7], seq[:3], seq[7:], seq[-3:], seq[:-3], seq[::2], seq[1::3], seq[::-1], seq[-2:-8:-2])
print(seq[100:], seq[-100:2], seq[5:2], seq[::-3], seq[8:2:-1], seq[:])
s = "abcdefghij"
print(s[2:5], s[::-1], s[::3], s[-4:-1], s[5:100], s[:0])
t = tuple(seq)
print(t[3:6], type(t[1:2]).__name__, t[::-5])
sl = slice(1, 8, 2)
print(seq[sl], sl.start, sl.stop, sl.step, sl.indices(5), slice(None, None, -1).indices(4))
print(s[slice(3)], repr(slice(1, 2)), slice(5).stop)
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[1:1] = [100, 200]
print(a)
a[::3] = ["A", "B", "C", "D"]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del a[::2]
print(a)
del a[1:3]
print(a)
a[:] = "xyz"
print(a)
b = [0] * 5
b[-2:] = range(3)
print(b)


class Sliceable:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if isinstance(key, tuple):
            return ("tuple", tuple(self[k] if isinstance(k, slice) else k for k in key))
        return ("index", key)


obj = Sliceable()
print(obj[1], obj[1:2], obj[::3], obj[1:2, 3], obj[..., 1], obj[:, ::-1])
print(Ellipsis, ..., type(...).__name__)
matrix = [[r * 4 + c for c in range(4)] for r in range(4)]
print([row[1:3] for row in matrix[1:3]])
print(range(20)[3:15:4], list(range(20)[3:15:4]), range(10)[-1], range(0, 100, 7)[::-1][:3])
print(bytearray(b"abcdef")[1:4], b"abcdef"[::-2], memoryview(b"abcdef")[2:4].tobytes())
words = "the quick brown fox".split()
print([w[0].upper() + w[1:] for w in words], [w[-1] for w in words])
n = 10
print(seq[n // 2:], seq[len(seq) // 2 - 1:len(seq) // 2 + 1])
lst = [1, 2, 3]
lst[len(lst):] = [4, 5]
lst[:0] = [0]
print(lst)

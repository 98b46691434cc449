# random with fixed seeds: random(), randint, choice, shuffle, sample, uniform, Random instances.
import random

random.seed(12345)
print([round(random.random(), 12) for _ in range(5)])
print([random.randint(1, 100) for _ in range(10)])
print([random.randrange(0, 1000, 7) for _ in range(5)])
print([random.choice("abcdefghij") for _ in range(10)])
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 10), random.sample(["x", "y", "z", "w"], 2))
print(random.choices(["red", "green", "blue"], weights=[10, 1, 1], k=8))
print(round(random.uniform(1.5, 2.5), 12), random.getrandbits(64), random.getrandbits(7))
print(random.randbytes(8).hex())
print(round(random.gauss(0, 1), 10), round(random.normalvariate(10, 2), 10))
print(round(random.expovariate(1.5), 10), round(random.triangular(0, 10, 3), 10), round(random.betavariate(2, 3), 10))

r1 = random.Random(42)
r2 = random.Random(42)
print([r1.randint(0, 9) for _ in range(10)] == [r2.randint(0, 9) for _ in range(10)])
state = r1.getstate()
first = [r1.random() for _ in range(3)]
r1.setstate(state)
print(first == [r1.random() for _ in range(3)])
for seed in (0, 1, "string seed", b"bytes", 2 ** 80):
    rr = random.Random(seed)
    print(repr(seed), rr.randint(0, 10 ** 9), rr.choice(range(1000)))
random.seed(7)
words = "alpha beta gamma delta epsilon zeta eta theta".split()
random.shuffle(words)
print(words, random.choice(words), random.sample(words, k=3))
print([random.randint(-5, 5) for _ in range(12)])
print(random.randrange(10 ** 30), random.randint(2 ** 100, 2 ** 101))
bag = []
for _ in range(2000):
    bag.append(random.randint(1, 6))
print([bag.count(i) for i in range(1, 7)])

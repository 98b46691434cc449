# heapq and bisect: priority queues, nlargest/nsmallest, merge, insort, grading.
import heapq
import bisect

data = [5, 1, 8, 3, 9, 2, 7]
h = list(data)
heapq.heapify(h)
print(h, h[0])
heapq.heappush(h, 0)
print(h, heapq.heappop(h), heapq.heappop(h), h)
print(heapq.heappushpop(h, 4), heapq.heapreplace(h, 10), h)
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(3, data), heapq.nsmallest(2, data), heapq.nlargest(2, ["aa", "b", "cccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge("ace", "bd", reverse=False)))
print(list(heapq.merge([7, 4, 1], [8, 2], reverse=True)))
tasks = []
for prio, name in [(3, "low"), (1, "urgent"), (2, "mid"), (1, "also urgent")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
maxh = []
for v in data:
    heapq.heappush(maxh, -v)
print([-heapq.heappop(maxh) for _ in range(3)])


def dijkstra(graph, start):
    dist = {start: 0}
    pq = [(0, start)]
    while pq:
        d, node = heapq.heappop(pq)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(pq, (nd, nxt))
    return dict(sorted(dist.items()))


g = {"A": [("B", 4), ("C", 1)], "B": [("D", 1)], "C": [("B", 2), ("D", 5)], "D": []}
print(dijkstra(g, "A"))
a = [1, 3, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
bisect.insort_right(a, 8)
print(a)


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100, 60)])
recs = [(1, "a"), (3, "c"), (5, "e")]
keys = [r[0] for r in recs]
print(recs[bisect.bisect_left(keys, 3)], bisect.bisect_left(recs, (3,)), bisect.bisect(recs, 4, key=lambda r: r[0]))
bisect.insort(recs, (4, "d"), key=lambda r: r[0])
print(recs, bisect.bisect_left(a, 3, lo=3), bisect.bisect_right(a, 3, hi=2))
running = []
medians = []
for x in [5, 15, 1, 3, 8, 7, 9, 10]:
    bisect.insort(running, x)
    n = len(running)
    medians.append(running[n // 2] if n % 2 else (running[n // 2 - 1] + running[n // 2]) / 2)
print(medians)

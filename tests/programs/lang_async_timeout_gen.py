# asyncio.timeout, async generators, async with / async for, async comprehensions.
import asyncio
import contextlib


class AsyncResource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append(f"enter {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        self.log.append(f"exit {self.name} exc={exc_type.__name__ if exc_type else None}")
        return exc_type is KeyError


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n


async def agen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i * i
    finally:
        print("agen finally", n)


@contextlib.asynccontextmanager
async def managed(tag):
    print("acm enter", tag)
    try:
        yield tag.upper()
    finally:
        print("acm exit", tag)


async def main():
    log = []
    async with AsyncResource("r1", log) as r:
        log.append(f"inside {r.name}")
    async with AsyncResource("r2", log):
        raise KeyError("suppressed")
    print(log)

    print([x async for x in Countdown(4)])
    print([x async for x in agen(5) if x % 2 == 0])
    total = 0
    async for v in agen(4):
        total += v
    print("total", total)

    g = agen(10)
    print(await g.__anext__(), await anext(g))
    await g.aclose()

    async with managed("cm") as val:
        print("value", val)

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(5)
        print("not reached")
    except TimeoutError:
        print("timed out: TimeoutError")

    async with asyncio.timeout(5):
        await asyncio.sleep(0.001)
    print("finished within timeout")

    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out", asyncio.TimeoutError is TimeoutError)

    async def step(i):
        await asyncio.sleep(0.001 * (3 - i))
        return i

    results = await asyncio.gather(*(step(i) for i in range(3)))
    print("gather keeps order:", results)

    ag = agen(2)
    print(type(ag).__name__, hasattr(ag, "asend"))
    print(await ag.asend(None))
    try:
        await ag.athrow(RuntimeError("thrown in"))
    except RuntimeError as e:
        print("athrow:", e)


asyncio.run(main())

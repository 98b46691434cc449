import asyncio, types

class ACM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return et is KeyError

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    print("agen done")

class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i * 10

async def work(x):
    await asyncio.sleep(0.001)
    return x * 2

async def main():
    async with ACM("a") as a, ACM("b"):
        print("body", a.name)
    async with ACM("c"):
        raise KeyError("swallowed")
    try:
        async with ACM("d"):
            raise ValueError("propagates")
    except ValueError as v:
        print("got", v)
    async for v in agen(3):
        print("agen", v)
    print([v async for v in AIter()])
    print(await asyncio.gather(*(work(i) for i in range(5))))
    r = await asyncio.wait_for(work(21), timeout=5)
    print(r)
    g = agen(5)
    print(await g.__anext__(), await g.asend(None))
    await g.aclose()
    try:
        async for v in 5:
            pass
    except TypeError as t:
        print(t)
    try:
        await 3
    except TypeError as t:
        print(t)
    try:
        async with 1:
            pass
    except TypeError as t:
        print(t)
    class BadEnter:
        async def __aenter__(self): pass
    try:
        async with BadEnter():
            pass
    except AttributeError as t:
        print("AE", t)
    except TypeError as t:
        print("TE", t)
    class BadEnter2:
        def __aenter__(self): return 1
        def __aexit__(self, *a): return 1
    try:
        async with BadEnter2():
            pass
    except TypeError as t:
        print("TE2", t)

    async def agen_raises():
        yield 1
        raise ValueError("agen err")
    try:
        async for v in agen_raises():
            print(v)
    except ValueError as v:
        print("caught", v)

    @types.coroutine
    def legacy():
        yield
        return "legacy"
    print(await legacy())

    async def inner_fail():
        await asyncio.sleep(0)
        raise OSError("deep")
    try:
        await inner_fail()
    except OSError as o:
        import traceback; traceback.print_exc()
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled")
    co = work(1)
    print(type(co).__name__, co.cr_code.co_name)
    co.close()

asyncio.run(main())

async def failing():
    await asyncio.sleep(0)
    raise RuntimeError("top")
asyncio.run(failing())

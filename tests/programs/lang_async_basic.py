# asyncio basics: asyncio.run, coroutines, gather, create_task, results ordering.
import asyncio


async def square(n, log):
    log.append(f"start {n}")
    await asyncio.sleep(0)
    log.append(f"end {n}")
    return n * n


async def fails(n):
    await asyncio.sleep(0)
    raise ValueError(f"bad {n}")


async def main():
    log = []
    results = await asyncio.gather(*(square(i, log) for i in range(4)))
    print("gather:", results)
    print("log:", log)

    task = asyncio.create_task(square(7, log), name="sq7")
    print("task name:", task.get_name(), "done before await:", task.done())
    value = await task
    print("task value:", value, task.done(), task.result())

    res = await asyncio.gather(square(2, []), fails(3), return_exceptions=True)
    print("return_exceptions:", [repr(r) for r in res])

    try:
        await asyncio.gather(fails(1), square(5, []))
    except ValueError as e:
        print("gather raised:", e)

    async def sleeper():
        await asyncio.sleep(10)

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled())

    order = []

    async def worker(name, delay_steps):
        for i in range(delay_steps):
            await asyncio.sleep(0)
        order.append(name)
        return name

    tasks = [asyncio.create_task(worker(n, s)) for n, s in (("a", 3), ("b", 1), ("c", 2))]
    done = await asyncio.gather(*tasks)
    print("gather order:", done, "completion order:", order)

    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, "future result")
    print(await fut)

    r = await asyncio.wait_for(square(9, []), timeout=5)
    print("wait_for:", r)

    print("iscoroutinefunction:", asyncio.iscoroutinefunction(square))
    coro = square(1, [])
    print("coroutine type:", type(coro).__name__)
    coro.close()
    return "main done"


print(asyncio.run(main()))

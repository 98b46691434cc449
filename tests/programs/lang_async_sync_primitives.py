# asyncio synchronisation primitives and task semantics, driven by events (no timing dependence).
import asyncio


async def main():
    log = []
    ev = asyncio.Event()

    async def waiter(name):
        log.append(f"{name} waiting")
        await ev.wait()
        log.append(f"{name} woke")

    ws = [asyncio.create_task(waiter(f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    log.append("setting event")
    ev.set()
    await asyncio.gather(*ws)
    print(log)

    lock = asyncio.Lock()
    shared = []

    async def critical(name):
        async with lock:
            shared.append(f"{name}-in")
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            shared.append(f"{name}-out")

    await asyncio.gather(*(critical(n) for n in "abc"))
    print("lock:", shared, lock.locked())

    sem = asyncio.Semaphore(2)
    active = []
    peak = 0

    async def limited(i):
        nonlocal peak
        async with sem:
            active.append(i)
            peak = max(peak, len(active))
            await asyncio.sleep(0)
            active.remove(i)
        return i * i

    print("semaphore results:", await asyncio.gather(*(limited(i) for i in range(6))), "peak:", peak)

    cond = asyncio.Condition()
    items = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            return f"{name} got {items.pop(0)}"

    async def producer():
        for v in ("x", "y"):
            await asyncio.sleep(0)
            async with cond:
                items.append(v)
                cond.notify()

    res = await asyncio.gather(consumer("c1"), consumer("c2"), producer())
    print("condition:", res[:2])

    async def failing(n):
        await asyncio.sleep(0)
        raise ValueError(f"task {n} failed")

    t = asyncio.create_task(failing(1))
    try:
        await t
    except ValueError as e:
        print("awaited failure:", e, t.done(), type(t.exception()).__name__)

    cleanup = []

    async def cancellable():
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cleanup.append("cleaned up")
            raise
        finally:
            cleanup.append("finally")

    ct = asyncio.create_task(cancellable())
    await asyncio.sleep(0)
    ct.cancel("stop now")
    try:
        await ct
    except asyncio.CancelledError as e:
        print("cancelled with args:", e.args, cleanup, ct.cancelled())

    async def inner():
        await asyncio.sleep(0)
        return "shielded result"

    print(await asyncio.shield(inner()))

    async def steps(name, n):
        for _ in range(n):
            await asyncio.sleep(0)
        return name

    order = []
    for fut in asyncio.as_completed([steps("slow", 5), steps("fast", 1), steps("mid", 3)]):
        order.append(await fut)
    print("as_completed:", order)
    tasks = {asyncio.create_task(steps(n, k), name=n) for n, k in (("p", 2), ("q", 6))}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("wait first:", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    loop = asyncio.get_running_loop()
    calls = []
    loop.call_soon(calls.append, "soon-1")
    loop.call_soon(calls.append, "soon-2")
    await asyncio.sleep(0)
    print("call_soon order:", calls)
    print("current task name:", asyncio.current_task().get_name() != "", len(asyncio.all_tasks()))


asyncio.run(main())

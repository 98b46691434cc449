# asyncio.Queue producer/consumer and asyncio.TaskGroup (3.11).
import asyncio


async def producer(q, items):
    for it in items:
        await q.put(it)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(item * 10)


async def queue_demo():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, range(6)), consumer(q, out))
    print("queue out:", out, "empty:", q.empty())

    pq = asyncio.PriorityQueue()
    for p in (5, 1, 4, 2, 3):
        pq.put_nowait((p, f"job{p}"))
    print("priority:", [pq.get_nowait()[1] for _ in range(pq.qsize())])

    lq = asyncio.LifoQueue()
    for i in range(4):
        lq.put_nowait(i)
    print("lifo:", [lq.get_nowait() for _ in range(4)])
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised")

    jq = asyncio.Queue()
    processed = []

    async def joiner_worker():
        while True:
            v = await jq.get()
            processed.append(v)
            jq.task_done()

    w = asyncio.create_task(joiner_worker())
    for i in range(5):
        jq.put_nowait(i)
    await jq.join()
    w.cancel()
    print("joined:", processed)


async def job(name, steps, results):
    for _ in range(steps):
        await asyncio.sleep(0)
    results.append(name)
    return name.upper()


async def boom(msg, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    raise ValueError(msg)


async def taskgroup_demo():
    results = []
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("x", 2, results))
        t2 = tg.create_task(job("y", 0, results))
        t3 = tg.create_task(job("z", 1, results))
    print("taskgroup:", t1.result(), t2.result(), t3.result(), results)

    cancelled = []

    async def long_job():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            cancelled.append("long_job")
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(long_job())
            tg.create_task(boom("first failure", 1))
            tg.create_task(boom("second failure", 1))
    except* ValueError as eg:
        msgs = sorted(str(e) for e in eg.exceptions)
        print("except* ValueError:", type(eg).__name__, msgs)
    print("cancelled:", cancelled)


async def main():
    await queue_demo()
    await taskgroup_demo()


asyncio.run(main())
print("finished")

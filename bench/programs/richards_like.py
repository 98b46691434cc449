"""Richards-style operating-system simulation.

A priority scheduler runs six tasks (idle, worker, two handlers, two devices)
that exchange packets through message queues.  Tasks are objects of different
classes with a polymorphic `step` method; packets and task control blocks are
linked lists.  The checksum is the number of packets queued, the number of
times a task was held, and a digest of the data that passed through devices.

usage: richards_like.py [scale]   (scale multiplies the number of simulations)
"""
import sys
import time

ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEV_A, ID_DEV_B = range(6)
NUM_TASKS = 6
KIND_DEVICE, KIND_WORK = 0, 1
DATA_LEN = 4


class Packet:
    __slots__ = ("link", "dest", "kind", "count", "data")

    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_LEN

    def append_to(self, queue):
        """Append self to the end of the list starting at `queue`; return head."""
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    """Task control block.  Subclasses implement step(packet) -> next task."""

    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pkt_pending = queue is not None
        self.waiting = False
        self.held = False
        self.next = sched.task_list
        sched.task_list = self
        sched.table[ident] = self

    def take_packet(self):
        pkt = self.queue
        self.queue = pkt.link
        self.pkt_pending = self.queue is not None
        self.waiting = False
        return pkt

    def receive(self, pkt, current):
        """Packet `pkt` arrives for this task; return the task to run next."""
        if self.queue is None:
            self.queue = pkt
            self.pkt_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return current

    # helpers available to all task kinds
    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.held = True
        return self.next

    def release(self, ident):
        t = self.sched.table[ident]
        t.held = False
        if t.priority > self.priority:
            return t
        return self

    def send(self, pkt):
        t = self.sched.table[pkt.dest]
        self.sched.queue_count += 1
        pkt.link = None
        pkt.dest = self.ident
        return t.receive(pkt, self)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, queue, count):
        super().__init__(sched, ident, priority, queue)
        self.control = 1
        self.count = count

    def step(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(ID_DEV_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(ID_DEV_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.dest = ID_HANDLER_A
        self.letter = 0

    def step(self, pkt):
        if pkt is None:
            return self.wait()
        self.dest = ID_HANDLER_B if self.dest == ID_HANDLER_A else ID_HANDLER_A
        pkt.dest = self.dest
        pkt.count = 0
        data = pkt.data
        for i in range(DATA_LEN):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = 64 + self.letter
        return self.send(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.work_in = None
        self.dev_in = None

    def step(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.dev_in = pkt.append_to(self.dev_in)
        work = self.work_in
        if work is not None:
            n = work.count
            if n < DATA_LEN:
                dev = self.dev_in
                if dev is not None:
                    self.dev_in = dev.link
                    dev.count = work.data[n]
                    work.count = n + 1
                    return self.send(dev)
            else:
                self.work_in = work.link
                return self.send(work)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue)
        self.pending = None

    def step(self, pkt):
        if pkt is None:
            p = self.pending
            if p is None:
                return self.wait()
            self.pending = None
            return self.send(p)
        self.pending = pkt
        self.sched.digest = (self.sched.digest * 33 + pkt.count) & 0xFFFFFFF
        return self.hold()


class Scheduler:
    def __init__(self):
        self.table = [None] * NUM_TASKS
        self.task_list = None
        self.queue_count = 0
        self.hold_count = 0
        self.digest = 5381

    def run(self):
        t = self.task_list
        while t is not None:
            if t.held:
                t = t.next
            elif t.pkt_pending:
                t = t.step(t.take_packet())
            elif t.waiting:
                t = t.next
            else:
                t = t.step(None)


def simulate(idle_count):
    s = Scheduler()
    IdleTask(s, ID_IDLE, 0, None, idle_count)

    q = Packet(None, ID_WORKER, KIND_WORK)
    q = Packet(q, ID_WORKER, KIND_WORK)
    WorkerTask(s, ID_WORKER, 1000, q)

    q = Packet(None, ID_DEV_A, KIND_DEVICE)
    q = Packet(q, ID_DEV_A, KIND_DEVICE)
    q = Packet(q, ID_DEV_A, KIND_DEVICE)
    HandlerTask(s, ID_HANDLER_A, 2000, q)

    q = Packet(None, ID_DEV_B, KIND_DEVICE)
    q = Packet(q, ID_DEV_B, KIND_DEVICE)
    q = Packet(q, ID_DEV_B, KIND_DEVICE)
    HandlerTask(s, ID_HANDLER_B, 3000, q)

    DeviceTask(s, ID_DEV_A, 4000, None)
    DeviceTask(s, ID_DEV_B, 5000, None)
    s.run()
    return s.queue_count, s.hold_count, s.digest


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    iterations = max(1, int(320 * scale))
    t0 = time.perf_counter()
    qc = hc = 0
    dig = 0
    for i in range(iterations):
        q, h, d = simulate(1000 + 17 * (i % 7))
        qc += q
        hc += h
        dig = (dig * 131 + d) % 1000000007
    t1 = time.perf_counter()
    print("iterations", iterations)
    print("queue_count", qc, "hold_count", hc, "digest", dig)
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

# time.sleep returns, after at least the time asked (under Node's WASI an
# absolute-deadline sleep never returned), and so do the stdlib's sleepers.
import sched
import time

t0 = time.monotonic()
time.sleep(0)
time.sleep(0.02)
print("slept", time.monotonic() - t0 >= 0.02)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)

s = sched.scheduler()
order = []
t0 = time.monotonic()  # before enter(), which notes the time the delays count from
s.enter(0.02, 1, order.append, ("second",))
s.enter(0.01, 1, order.append, ("first",))
s.run()
print("sched", order, time.monotonic() - t0 >= 0.02)

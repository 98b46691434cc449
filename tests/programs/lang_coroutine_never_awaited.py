# A coroutine never awaited: its RuntimeWarning is shown through the
# warnings module, which the C warnings code imports then.
async def f():
    pass


f()
print("done")

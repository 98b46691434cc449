# Uncaught NameError with a "Did you mean" suggestion from a local variable name.
def summarize(values):
    counter_total = sum(values)
    counter_step = len(values)
    return counter_total / counter_step


print("summary:", summarize([2, 4, 6]))
try:
    print(undefined_global_thing)
except NameError as e:
    print("caught NameError:", e)
try:
    prnt("typo")
except NameError as e:
    print("caught NameError:", e)


def compute():
    counter_total = 10
    counter_step = 2
    return counter_totl + counter_step


print("computing")
compute()

import builtins

# counts executions of this module's body across reloads
LOADS = getattr(builtins, "_counter_loads", 0) + 1
builtins._counter_loads = LOADS
_state = [0]


def bump():
    _state[0] += 1


def value():
    return _state[0]

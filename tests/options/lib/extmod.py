def greet(who):
    return f"hello from extmod via {who}"

def fail():
    raise ValueError("raised inside a --path module")

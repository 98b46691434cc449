def hello():
    return f"hello from {__name__}"

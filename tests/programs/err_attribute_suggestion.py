# Uncaught AttributeError; CPython 3.11 adds a "Did you mean" suggestion to the message.
class Settings:
    def __init__(self):
        self.timeout = 30
        self.retries = 3

    def describe(self):
        return f"timeout={self.timeout} retries={self.retries}"


s = Settings()
print("timeout:", s.timeout)
print(s.describe())
try:
    s.timout
except AttributeError as e:
    print("caught:", e, "| name:", e.name, "| obj is s:", e.obj is s)
try:
    "text".uper()
except AttributeError as e:
    print("caught:", e)
try:
    None.value
except AttributeError as e:
    print("caught:", e)
print("retries:", s.retrys)

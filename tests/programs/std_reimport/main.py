# Re-imports of modules that were imported before __main__ ran (in a
# snapshotted build: while the snapshot was taken), and of one whose first
# import failed: reload, a fresh import after removal from sys.modules, and
# the state each gives.
import sys

sys.dont_write_bytecode = True

import importlib
import json
import json.decoder
import textwrap

import counter

print("counter loads:", counter.LOADS, counter.value())
counter.bump()
counter.bump()
print("after bumps:", counter.value())

old_bump = counter.bump
counter = importlib.reload(counter)
print("after reload:", counter.LOADS, counter.value())
print("reload gives new functions:", counter.bump is not old_bump)
print("same code:", counter.bump.__code__ == old_bump.__code__)
print("module identity kept:", sys.modules["counter"] is counter)

# a stdlib module, removed and imported afresh
old_decoder = json.decoder
del sys.modules["json.decoder"]
import json.decoder as fresh_decoder

print("fresh module object:", fresh_decoder is not old_decoder)
print("fresh class:", fresh_decoder.JSONDecoder is not old_decoder.JSONDecoder)
print("decodes:", fresh_decoder.JSONDecoder().decode('{"a": [1, 2.5, null]}'))
print("old class still works:", old_decoder.JSONDecoder().decode("[true]"))

json2 = importlib.reload(json)
print("json reload keeps module:", json2 is json, json.dumps({"k": (1, 2)}))

textwrap.TEST_MARK = 1
importlib.reload(textwrap)
print("reload keeps added names:", getattr(textwrap, "TEST_MARK", None))
print(textwrap.fill("reloaded textwrap still wraps this sentence", width=20))

# a module whose import fails every time
for attempt in range(2):
    try:
        import broken_at_import
    except ZeroDivisionError as e:
        print("attempt", attempt, "failed:", type(e).__name__, e)
print("broken in sys.modules:", "broken_at_import" in sys.modules)

# a module whose first import fails and whose second succeeds
for attempt in range(2):
    try:
        import flaky
    except ValueError as e:
        print("attempt", attempt, "failed:", e)
print("flaky attempts:", flaky.ATTEMPTS)

# modules the interpreter's own start-up imports (the stdio codecs): in a
# snapshotted build their marshalled code is gone and the code object of
# that first import is run again
import codecs
import encodings.aliases
import encodings.utf_8

aliases = importlib.reload(encodings.aliases)
print("aliases reloaded:", aliases.aliases["utf8"], len(aliases.aliases) > 300)
old_utf8 = encodings.utf_8
del sys.modules["encodings.utf_8"]
import encodings.utf_8 as fresh_utf8

print("fresh utf_8:", fresh_utf8 is not old_utf8, fresh_utf8.getregentry().name)
print("round trip:", codecs.decode(codecs.encode("h\u00e9", "utf-8"), "utf-8"))

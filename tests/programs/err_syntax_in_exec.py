# Uncaught SyntaxError raised by compile() of a string: caret display for generated source.
source_ok = "x = 1 + 2"
ns = {}
exec(source_ok, ns)
print("ok:", ns["x"])
snippets = ["a = [1, 2", "def f(:\n    pass", "return 5", "x = 1 +* 2", "print('fine')"]
for src in snippets:
    try:
        compile(src, "<snippet>", "exec")
        print(f"{src!r}: compiles")
    except SyntaxError as e:
        print(f"{src!r}: SyntaxError {e.msg!r} line={e.lineno} offset={e.offset}")
try:
    eval("1 2")
except SyntaxError as e:
    print("eval error:", e.msg, e.text)
try:
    compile("if x:\npass", "<indent>", "exec")
except IndentationError as e:
    print("IndentationError:", e.msg, e.lineno)
source_bad = "y = (1 +\n     2))"
print("compiling bad source now", flush=True)
exec(compile(source_bad, "<generated>", "exec"), ns)

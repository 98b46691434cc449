# textwrap and string modules.
import string
import textwrap

para = ("The Zen of Python, by Tim Peters. Beautiful is better than ugly. Explicit is better than implicit. "
        "Simple is better than complex. Complex is better than complicated.")
print(textwrap.wrap(para, 30))
print(textwrap.fill(para, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(para, width=50), "|", textwrap.shorten("short", 20), "|", textwrap.shorten(para, 30, placeholder="..."))
code = """
    def f():
        return 1
    """
print(repr(textwrap.dedent(code)))
print(textwrap.indent("a\nb\n\nc", "> "), textwrap.indent("x\ny", "+", lambda line: line.startswith("y")))
w = textwrap.TextWrapper(width=20, break_long_words=True, max_lines=3, placeholder=" [..]")
print(w.wrap("Supercalifragilisticexpialidocious is a very long word indeed, yes it is."))
print(textwrap.wrap("a\tb c", width=5, expand_tabs=True, tabsize=4), textwrap.wrap("", 10), textwrap.fill("one two", 3))
print(textwrap.wrap("hyphen-ated words-here", width=8), textwrap.wrap("hyphen-ated words-here", width=8, break_on_hyphens=False))

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(len(string.printable), string.capwords("hello   big  world"), string.capwords("a-b c-d", "-"))
t = string.Template("Hello $name, you owe ${amount}$$. $missing")
print(t.safe_substitute(name="Ann", amount=5))
try:
    t.substitute(name="Ann", amount=5)
except KeyError as e:
    print("KeyError:", e)
print(string.Template("$a$b").substitute({"a": 1}, b=2), t.get_identifiers(), t.is_valid())
fmt = string.Formatter()
print(fmt.format("{0} and {x:>4}", "first", x="kw"), list(fmt.parse("a{b!r:>3}c{}")))


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()


print(Upper().format("{} {:x} {name}", "abc", 255, name="nm"))


class Dollar(string.Template):
    delimiter = "%"


print(Dollar("cost: %price").substitute(price="9.99"))
print("".join(c for c in "Hello, World! 123" if c in string.ascii_letters + string.digits))
table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[13:] + string.ascii_lowercase[:13])
print("hello world".translate(table), "uryyb jbeyq".translate(table))

# Line-oriented calculator reading expressions from stdin with a recursive-descent parser.
import sys


class ParseError(Exception):
    pass


def tokenize(s):
    tokens, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            tokens.append(("num", float(s[i:j]) if "." in s[i:j] else int(s[i:j])))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(s) and s[j].isalnum():
                j += 1
            tokens.append(("name", s[i:j]))
            i = j
        elif ch in "+-*/%^()=":
            tokens.append(("op", ch))
            i += 1
        else:
            raise ParseError(f"unexpected character {ch!r} at {i}")
    return tokens


class Parser:
    def __init__(self, tokens, env):
        self.t = tokens
        self.i = 0
        self.env = env

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v

    def term(self):
        v = self.power()
        while self.peek()[1] in ("*", "/", "%") and self.peek()[0] == "op":
            op = self.take()[1]
            rhs = self.power()
            if op == "*":
                v *= rhs
            elif op == "/":
                v = v / rhs
            else:
                v %= rhs
        return v

    def power(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return base ** self.power()
        return base

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.atom()

    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if kind == "name":
            if val not in self.env:
                raise ParseError(f"unknown variable {val}")
            return self.env[val]
        if (kind, val) == ("op", "("):
            v = self.expr()
            if self.take() != ("op", ")"):
                raise ParseError("missing )")
            return v
        raise ParseError(f"unexpected token {val!r}")


env = {}
for lineno, line in enumerate(sys.stdin, 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    try:
        toks = tokenize(line)
        target = None
        if len(toks) > 2 and toks[0][0] == "name" and toks[1] == ("op", "="):
            target, toks = toks[0][1], toks[2:]
        p = Parser(toks, env)
        value = p.expr()
        if p.i != len(toks):
            raise ParseError("trailing input")
        if target:
            env[target] = value
            print(f"{lineno}: {target} = {value!r}")
        else:
            print(f"{lineno}: {value!r}")
    except ZeroDivisionError as e:
        print(f"{lineno}: error: {e}")
    except ParseError as e:
        print(f"{lineno}: parse error: {e}")
print("variables:", dict(sorted(env.items())))

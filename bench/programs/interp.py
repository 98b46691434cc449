"""A small language implemented in Python: tokenizer, Pratt parser, compiler
to a stack bytecode, and a virtual machine.

The toy language has integers, arrays, global and local variables, functions,
if/else, while and return.  The benchmark compiles a few programs (recursive
fib, an array sieve, a bubble sort, a Collatz search) and runs them on the VM.
Both front end (tokenize+parse+compile, repeated) and VM are timed.

usage: interp.py [scale]   (scale multiplies the sieve, sort, Collatz and
                           front-end workloads; fib size is fixed at 21, or 12
                           when scale < 0.5)
"""
import sys
import time

# ---------------------------------------------------------------- tokenizer

KEYWORDS = {"fn", "let", "if", "else", "while", "return", "print"}
TWO_CHAR = {"==", "!=", "<=", ">=", "&&", "||"}
ONE_CHAR = set("+-*/%<>=!(){}[],;")


class Token:
    __slots__ = ("kind", "value", "line")

    def __init__(self, kind, value, line):
        self.kind = kind      # "num", "name", "kw", "op", "eof"
        self.value = value
        self.line = line

    def __repr__(self):
        return f"Token({self.kind}, {self.value!r})"


def tokenize(src):
    toks = []
    i = 0
    n = len(src)
    line = 1
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif c == "#":
            while i < n and src[i] != "\n":
                i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            toks.append(Token("num", int(src[i:j]), line))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(Token("kw" if word in KEYWORDS else "name", word, line))
            i = j
        elif src[i:i + 2] in TWO_CHAR:
            toks.append(Token("op", src[i:i + 2], line))
            i += 2
        elif c in ONE_CHAR:
            toks.append(Token("op", c, line))
            i += 1
        else:
            raise SyntaxError(f"line {line}: unexpected character {c!r}")
    toks.append(Token("eof", None, line))
    return toks


# ------------------------------------------------------------------- parser
# AST nodes are tuples: ("num", v) ("var", name) ("bin", op, a, b)
# ("un", op, a) ("call", name, args) ("index", a, i) ("array", items)
# statements: ("let", name, e) ("set", name, e) ("setidx", a, i, e)
# ("if", c, body, else) ("while", c, body) ("ret", e) ("print", e)
# ("expr", e) ("fn", name, params, body)

BINARY_PREC = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, "<=": 4, ">": 4,
               ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6}


class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.pos = 0

    def peek(self):
        return self.toks[self.pos]

    def advance(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t

    def expect(self, kind, value=None):
        t = self.advance()
        if t.kind != kind or (value is not None and t.value != value):
            raise SyntaxError(f"line {t.line}: expected {value or kind}, got {t.value!r}")
        return t

    def at(self, value):
        t = self.toks[self.pos]
        return t.kind in ("op", "kw") and t.value == value

    def program(self):
        out = []
        while self.peek().kind != "eof":
            out.append(self.statement())
        return out

    def block(self):
        self.expect("op", "{")
        body = []
        while not self.at("}"):
            body.append(self.statement())
        self.expect("op", "}")
        return body

    def statement(self):
        t = self.peek()
        if t.kind == "kw":
            kw = t.value
            self.advance()
            if kw == "fn":
                name = self.expect("name").value
                self.expect("op", "(")
                params = []
                while not self.at(")"):
                    params.append(self.expect("name").value)
                    if not self.at(")"):
                        self.expect("op", ",")
                self.expect("op", ")")
                return ("fn", name, params, self.block())
            if kw == "let":
                name = self.expect("name").value
                self.expect("op", "=")
                e = self.expr(0)
                self.expect("op", ";")
                return ("let", name, e)
            if kw == "if":
                cond = self.expr(0)
                body = self.block()
                other = []
                if self.at("else"):
                    self.advance()
                    other = [self.statement()] if self.at("if") else self.block()
                return ("if", cond, body, other)
            if kw == "while":
                cond = self.expr(0)
                return ("while", cond, self.block())
            if kw == "return":
                e = self.expr(0)
                self.expect("op", ";")
                return ("ret", e)
            if kw == "print":
                e = self.expr(0)
                self.expect("op", ";")
                return ("print", e)
            raise SyntaxError(f"line {t.line}: unexpected keyword {kw}")
        e = self.expr(0)
        if self.at("="):
            self.advance()
            rhs = self.expr(0)
            self.expect("op", ";")
            if e[0] == "var":
                return ("set", e[1], rhs)
            if e[0] == "index":
                return ("setidx", e[1], e[2], rhs)
            raise SyntaxError(f"line {t.line}: bad assignment target")
        self.expect("op", ";")
        return ("expr", e)

    def expr(self, min_prec):
        left = self.unary()
        while True:
            t = self.peek()
            if t.kind != "op":
                break
            prec = BINARY_PREC.get(t.value)
            if prec is None or prec <= min_prec:
                break
            self.advance()
            right = self.expr(prec)
            left = ("bin", t.value, left, right)
        return left

    def unary(self):
        if self.at("-") or self.at("!"):
            op = self.advance().value
            return ("un", op, self.unary())
        return self.postfix(self.primary())

    def postfix(self, e):
        while True:
            if self.at("["):
                self.advance()
                idx = self.expr(0)
                self.expect("op", "]")
                e = ("index", e, idx)
            elif self.at("(") and e[0] == "var":
                self.advance()
                args = []
                while not self.at(")"):
                    args.append(self.expr(0))
                    if not self.at(")"):
                        self.expect("op", ",")
                self.expect("op", ")")
                e = ("call", e[1], args)
            else:
                return e

    def primary(self):
        t = self.advance()
        if t.kind == "num":
            return ("num", t.value)
        if t.kind == "name":
            return ("var", t.value)
        if t.kind == "op" and t.value == "(":
            e = self.expr(0)
            self.expect("op", ")")
            return e
        if t.kind == "op" and t.value == "[":
            items = []
            while not self.at("]"):
                items.append(self.expr(0))
                if not self.at("]"):
                    self.expect("op", ",")
            self.expect("op", "]")
            return ("array", items)
        raise SyntaxError(f"line {t.line}: unexpected {t.value!r}")


# ----------------------------------------------------------------- compiler

(CONST, LOAD_L, STORE_L, LOAD_G, STORE_G, BINOP, NEG, NOT, JUMP, JUMP_F,
 JUMP_T, CALL, RET, PRINT, POP, MKARR, INDEX, SETIDX, DUP, BUILTIN) = range(20)

BIN_CODES = {"+": 0, "-": 1, "*": 2, "/": 3, "%": 4, "<": 5, "<=": 6, ">": 7,
             ">=": 8, "==": 9, "!=": 10}
BUILTINS = {"len": 0, "array": 1, "push": 2}


class Function:
    __slots__ = ("name", "nparams", "nlocals", "code")

    def __init__(self, name, nparams):
        self.name = name
        self.nparams = nparams
        self.nlocals = nparams
        self.code = []


class Compiler:
    def __init__(self):
        self.functions = {}
        self.func_index = {}

    def compile_program(self, stmts):
        # Pass 1: declare functions so calls can be resolved before definition.
        for s in stmts:
            if s[0] == "fn":
                self.func_index[s[1]] = len(self.func_index)
        funcs = [None] * len(self.func_index)
        main = Function("<main>", 0)
        for s in stmts:
            if s[0] == "fn":
                f = Function(s[1], len(s[2]))
                scope = {p: i for i, p in enumerate(s[2])}
                for st in s[3]:
                    self.stmt(st, f, scope)
                f.code.append((CONST, 0))
                f.code.append((RET, 0))
                funcs[self.func_index[s[1]]] = f
            else:
                self.stmt(s, main, None)
        main.code.append((CONST, 0))
        main.code.append((RET, 0))
        return main, funcs

    def stmt(self, s, f, scope):
        k = s[0]
        code = f.code
        if k == "let":
            self.expr(s[2], f, scope)
            if scope is None:
                code.append((STORE_G, s[1]))
            else:
                if s[1] not in scope:
                    scope[s[1]] = f.nlocals
                    f.nlocals += 1
                code.append((STORE_L, scope[s[1]]))
        elif k == "set":
            self.expr(s[2], f, scope)
            if scope is not None and s[1] in scope:
                code.append((STORE_L, scope[s[1]]))
            else:
                code.append((STORE_G, s[1]))
        elif k == "setidx":
            self.expr(s[1], f, scope)
            self.expr(s[2], f, scope)
            self.expr(s[3], f, scope)
            code.append((SETIDX, 0))
        elif k == "if":
            self.expr(s[1], f, scope)
            jf = len(code)
            code.append(None)
            for st in s[2]:
                self.stmt(st, f, scope)
            if s[3]:
                j = len(code)
                code.append(None)
                code[jf] = (JUMP_F, len(code))
                for st in s[3]:
                    self.stmt(st, f, scope)
                code[j] = (JUMP, len(code))
            else:
                code[jf] = (JUMP_F, len(code))
        elif k == "while":
            top = len(code)
            self.expr(s[1], f, scope)
            jf = len(code)
            code.append(None)
            for st in s[2]:
                self.stmt(st, f, scope)
            code.append((JUMP, top))
            code[jf] = (JUMP_F, len(code))
        elif k == "ret":
            self.expr(s[1], f, scope)
            code.append((RET, 0))
        elif k == "print":
            self.expr(s[1], f, scope)
            code.append((PRINT, 0))
        elif k == "expr":
            self.expr(s[1], f, scope)
            code.append((POP, 0))
        else:
            raise SyntaxError(f"cannot compile {k} here")

    def expr(self, e, f, scope):
        k = e[0]
        code = f.code
        if k == "num":
            code.append((CONST, e[1]))
        elif k == "var":
            if scope is not None and e[1] in scope:
                code.append((LOAD_L, scope[e[1]]))
            else:
                code.append((LOAD_G, e[1]))
        elif k == "bin":
            op = e[1]
            if op in ("&&", "||"):
                self.expr(e[2], f, scope)
                code.append((DUP, 0))
                j = len(code)
                code.append(None)
                code.append((POP, 0))
                self.expr(e[3], f, scope)
                code[j] = (JUMP_F if op == "&&" else JUMP_T, len(code))
            else:
                self.expr(e[2], f, scope)
                self.expr(e[3], f, scope)
                code.append((BINOP, BIN_CODES[op]))
        elif k == "un":
            self.expr(e[2], f, scope)
            code.append((NEG if e[1] == "-" else NOT, 0))
        elif k == "call":
            for a in e[2]:
                self.expr(a, f, scope)
            if e[1] in BUILTINS:
                code.append((BUILTIN, (BUILTINS[e[1]], len(e[2]))))
            else:
                code.append((CALL, (self.func_index[e[1]], len(e[2]))))
        elif k == "index":
            self.expr(e[1], f, scope)
            self.expr(e[2], f, scope)
            code.append((INDEX, 0))
        elif k == "array":
            for a in e[1]:
                self.expr(a, f, scope)
            code.append((MKARR, len(e[1])))
        else:
            raise SyntaxError(f"cannot compile expression {k}")


# ----------------------------------------------------------------------- VM

class VMError(Exception):
    pass


def binop(op, a, b):
    if op == 0:
        return a + b
    if op == 1:
        return a - b
    if op == 2:
        return a * b
    if op == 3:
        if b == 0:
            raise VMError("division by zero")
        q = abs(a) // abs(b)
        return q if (a < 0) == (b < 0) else -q
    if op == 4:
        if b == 0:
            raise VMError("modulo by zero")
        return a - b * binop(3, a, b)
    if op == 5:
        return 1 if a < b else 0
    if op == 6:
        return 1 if a <= b else 0
    if op == 7:
        return 1 if a > b else 0
    if op == 8:
        return 1 if a >= b else 0
    if op == 9:
        return 1 if a == b else 0
    return 1 if a != b else 0


def run_vm(main, funcs, out):
    globals_ = {}
    stack = []
    frames = []  # (code, pc, locals)
    code = main.code
    pc = 0
    locs = []
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == LOAD_L:
            stack.append(locs[arg])
        elif op == CONST:
            stack.append(arg)
        elif op == STORE_L:
            locs[arg] = stack.pop()
        elif op == BINOP:
            b = stack.pop()
            a = stack.pop()
            if arg == 0:
                stack.append(a + b)
            elif arg == 1:
                stack.append(a - b)
            elif arg == 5:
                stack.append(1 if a < b else 0)
            else:
                stack.append(binop(arg, a, b))
        elif op == JUMP_F:
            if not stack.pop():
                pc = arg
        elif op == JUMP:
            pc = arg
        elif op == LOAD_G:
            try:
                stack.append(globals_[arg])
            except KeyError:
                raise VMError(f"undefined variable {arg}") from None
        elif op == STORE_G:
            globals_[arg] = stack.pop()
        elif op == INDEX:
            i = stack.pop()
            a = stack.pop()
            stack.append(a[i])
        elif op == SETIDX:
            v = stack.pop()
            i = stack.pop()
            a = stack.pop()
            a[i] = v
        elif op == CALL:
            fidx, nargs = arg
            f = funcs[fidx]
            if nargs != f.nparams:
                raise VMError(f"{f.name} expects {f.nparams} arguments")
            new_locs = stack[len(stack) - nargs:]
            del stack[len(stack) - nargs:]
            new_locs.extend([0] * (f.nlocals - nargs))
            frames.append((code, pc, locs))
            code = f.code
            pc = 0
            locs = new_locs
        elif op == RET:
            if not frames:
                return steps
            code, pc, locs = frames.pop()
        elif op == JUMP_T:
            if stack.pop():
                pc = arg
        elif op == NEG:
            stack.append(-stack.pop())
        elif op == NOT:
            stack.append(0 if stack.pop() else 1)
        elif op == DUP:
            stack.append(stack[-1])
        elif op == POP:
            stack.pop()
        elif op == MKARR:
            items = stack[len(stack) - arg:] if arg else []
            del stack[len(stack) - arg:]
            stack.append(items)
        elif op == PRINT:
            v = stack.pop()
            out.append(str(v))
        elif op == BUILTIN:
            which, nargs = arg
            if which == 0:
                stack.append(len(stack.pop()))
            elif which == 1:
                fill = stack.pop()
                size = stack.pop()
                stack.append([fill] * size)
            else:
                v = stack.pop()
                stack[-1].append(v)
                stack[-1] = len(stack[-1])
        else:
            raise VMError(f"bad opcode {op}")


# ----------------------------------------------------------------- programs

PROGRAM = """
# recursive fibonacci
fn fib(n) {
    if n < 2 { return n; }
    return fib(n - 1) + fib(n - 2);
}

# count primes below n with an array sieve
fn sieve(n) {
    let flags = array(n, 1);
    let count = 0;
    let i = 2;
    while i < n {
        if flags[i] {
            count = count + 1;
            let j = i * i;
            while j < n { flags[j] = 0; j = j + i; }
        }
        i = i + 1;
    }
    return count;
}

# bubble sort an LCG-filled array, return a checksum
fn bubble(n, seed) {
    let a = array(n, 0);
    let i = 0;
    while i < n {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        a[i] = seed % 1000;
        i = i + 1;
    }
    let swapped = 1;
    while swapped {
        swapped = 0;
        let k = 1;
        while k < n {
            if a[k - 1] > a[k] {
                let t = a[k]; a[k] = a[k - 1]; a[k - 1] = t;
                swapped = 1;
            }
            k = k + 1;
        }
    }
    let s = 0;
    i = 0;
    while i < n { s = (s * 31 + a[i]) % 1000000007; i = i + 1; }
    return s;
}

fn collatz_len(n) {
    let steps = 0;
    while n != 1 {
        if n % 2 == 0 { n = n / 2; } else { n = 3 * n + 1; }
        steps = steps + 1;
    }
    return steps;
}

fn longest(limit) {
    let best = 0; let arg = 0; let i = 1;
    while i < limit {
        let c = collatz_len(i);
        if c > best && !(i % 2 == 0 && c == best) { best = c; arg = i; }
        i = i + 1;
    }
    return [arg, best];
}

let r = longest(LIMIT);
print(fib(FIB));
print(sieve(SIEVE));
print(bubble(BUBBLE, 7));
print(r[0] * 1000 + r[1]);
print(-(7 / 2) + -7 % 3 + (5 > 3 || 1 / 0) + (0 && 1 / 0));
"""


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    s = max(0.01, scale)
    params = {"FIB": "21" if s >= 0.5 else "12",
              "SIEVE": str(max(100, int(40000 * s))),
              "BUBBLE": str(max(10, int(150 * s))),
              "LIMIT": str(max(10, int(3000 * s)))}
    src = PROGRAM
    for k, v in params.items():
        src = src.replace(k, v)
    t0 = time.perf_counter()
    front_reps = max(1, int(60 * s))
    for _ in range(front_reps):
        toks = tokenize(src)
        ast = Parser(toks).program()
        main_fn, funcs = Compiler().compile_program(ast)
    ninstr = len(main_fn.code) + sum(len(f.code) for f in funcs)
    out = []
    steps = run_vm(main_fn, funcs, out)
    t1 = time.perf_counter()
    print("params", " ".join(f"{k}={v}" for k, v in params.items()))
    print("tokens", len(toks), "instructions", ninstr, "vm-steps", steps)
    print("output", " ".join(out))
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

/* unit_tests.c - C unit tests of the compiler's internals: string and path
 * helpers, bytecode decoding (import scan, exception-table lookup) and
 * source decoding, export signatures, the translator's stack slots and
 * error labels, the runtime frozen-module tables, the snapshot heap's
 * compression.  Each test prints PASS/FAIL; the last line is
 * "N passed, M failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lz4.h>

#include "../../src/bytecode.h"
#include "../../src/exports.h"
#include "../../src/frozen.h"
#include "../../src/heapimage.h"
#include "../../src/hostpy.h"
#include "../../src/translate.h"
#include "../../src/util.h"
#include "../../src/wasmbin.h"

static int passed, failed;
static const char *current;
static bool current_ok;

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "  %s:%d: expected %s\n", __FILE__, __LINE__, #cond);                  \
            current_ok = false;                                                                    \
        }                                                                                          \
    } while (0)

static void begin(const char *name) {
    current = name;
    current_ok = true;
}

static void end(void) {
    printf("%s unit/%s\n", current_ok ? "PASS" : "FAIL", current);
    if (current_ok)
        passed++;
    else
        failed++;
}

static void test_path_abspath(void) {
    begin("path_abspath");
    char *p = path_abspath("/a/b/../c/./d//e/");
    EXPECT(strcmp(p, "/a/c/d/e") == 0);
    free(p);
    p = path_abspath("/..");
    EXPECT(strcmp(p, "/") == 0);
    free(p);
    p = path_abspath("x.py");
    EXPECT(p[0] == '/' && strcmp(path_basename(p), "x.py") == 0);
    free(p);
    end();
}

static void test_path_dirname_join(void) {
    begin("path_dirname_join");
    char *d = path_dirname("/a/b/c.py");
    EXPECT(strcmp(d, "/a/b") == 0);
    free(d);
    d = path_dirname("c.py");
    EXPECT(strcmp(d, ".") == 0);
    free(d);
    d = path_dirname("/c.py");
    EXPECT(strcmp(d, "/") == 0);
    free(d);
    char *j = path_join("/a/", "b");
    EXPECT(strcmp(j, "/a/b") == 0);
    free(j);
    j = path_join("/a", "/abs");
    EXPECT(strcmp(j, "/abs") == 0);
    free(j);
    end();
}

static void test_c_escape(void) {
    begin("sb_c_escape");
    StrBuf sb;
    sb_init(&sb);
    sb_c_escape(&sb, "a\"b\\c\n?\?=\xc3\xa9");
    EXPECT(strcmp(sb.data, "a\\\"b\\\\c\\012\\077\\077=\\303\\251") == 0);
    sb_free(&sb);
    end();
}

static PyObject *compile_str(const char *src) {
    PyObject *code = hostpy_compile(src, strlen(src), "<unit>");
    if (!code) PyErr_Print();
    return code;
}

static const BcImport *find_import(const BcImportList *l, const char *name, int level) {
    for (size_t i = 0; i < l->len; i++)
        if (strcmp(l->items[i].name, name) == 0 && l->items[i].level == level) return &l->items[i];
    return NULL;
}

static void test_scan_imports(void) {
    begin("bc_scan_imports");
    PyObject *code = compile_str("import a.b.c\n"
                                 "from .. import x, y\n"
                                 "from .sib import *\n"
                                 "try:\n"
                                 "    import guarded\n"
                                 "except ImportError:\n"
                                 "    pass\n"
                                 "def f():\n"
                                 "    import lazy_one\n"
                                 "class K:\n"
                                 "    import in_class\n"
                                 "if __name__ == '__main__':\n"
                                 "    import main_only\n"
                                 "import after_main\n"
                                 "if flag:\n"
                                 "    import in_if\n"
                                 "else:\n"
                                 "    import in_else\n"
                                 "for _ in flag:\n"
                                 "    import in_loop\n"
                                 "x = flag and y or z\n"
                                 "import after_all\n"
                                 "importlib.import_module('by_call.a')\n"
                                 "__import__('by_call_b')\n"
                                 "import_module('not a module name')\n"
                                 "print('not_an_import')\n"
                                 "if TYPE_CHECKING:\n"
                                 "    import typed_only\n"
                                 "    from typed.only import T\n"
                                 "else:\n"
                                 "    import not_typed\n"
                                 "def g():\n"
                                 "    if typing.TYPE_CHECKING:\n"
                                 "        import typed_too\n");
    EXPECT(code != NULL);
    if (!code) {
        end();
        return;
    }
    BcImportList l = {0};
    EXPECT(bc_scan_imports(code, &l));
    EXPECT(l.len == 15);
    EXPECT(!find_import(&l, "typed_only", 0) && !find_import(&l, "typed.only", 0) &&
           !find_import(&l, "typed_too", 0));
    const BcImport *i;
    EXPECT((i = find_import(&l, "not_typed", 0)) && i->conditional);
    EXPECT((i = find_import(&l, "a.b.c", 0)) && i->nfrom == 0 && i->lineno == 1 && !i->guarded);
    EXPECT((i = find_import(&l, "", 2)) && i->nfrom == 2 && strcmp(i->fromlist[1], "y") == 0);
    EXPECT((i = find_import(&l, "sib", 1)) && i->nfrom == 1 && strcmp(i->fromlist[0], "*") == 0);
    EXPECT((i = find_import(&l, "guarded", 0)) && i->guarded && i->lineno == 5);
    EXPECT((i = find_import(&l, "lazy_one", 0)) && i->lazy && !i->guarded);
    EXPECT((i = find_import(&l, "in_class", 0)) && !i->lazy);
    EXPECT((i = find_import(&l, "main_only", 0)) && i->main_only && !i->lazy);
    EXPECT((i = find_import(&l, "after_main", 0)) && !i->main_only && !i->conditional);
    EXPECT((i = find_import(&l, "a.b.c", 0)) && !i->conditional);
    EXPECT((i = find_import(&l, "main_only", 0)) && i->conditional);
    EXPECT((i = find_import(&l, "in_if", 0)) && i->conditional);
    EXPECT((i = find_import(&l, "in_else", 0)) && i->conditional);
    EXPECT((i = find_import(&l, "in_loop", 0)) && i->conditional);
    EXPECT((i = find_import(&l, "after_all", 0)) && !i->conditional && !i->guarded);
    EXPECT((i = find_import(&l, "after_all", 0)) && !i->by_call);
    EXPECT((i = find_import(&l, "by_call.a", 0)) && i->by_call && i->lineno == 23);
    EXPECT((i = find_import(&l, "by_call_b", 0)) && i->by_call && !i->lazy);
    bc_import_list_free(&l);
    Py_DECREF(code);
    end();
}

static void test_extended_arg_imports(void) {
    begin("bc_scan_imports_extended_arg");
    /* more than 256 names forces EXTENDED_ARG on IMPORT_NAME's oparg */
    StrBuf src;
    sb_init(&src);
    for (int k = 0; k < 300; k++) sb_printf(&src, "v%d = %d\n", k, k);
    sb_puts(&src, "import far_away_module\n");
    PyObject *code = compile_str(src.data);
    sb_free(&src);
    BcImportList l = {0};
    EXPECT(code && bc_scan_imports(code, &l));
    EXPECT(l.len == 1 && strcmp(l.items[0].name, "far_away_module") == 0 &&
           l.items[0].lineno == 301);
    bc_import_list_free(&l);
    Py_XDECREF(code);
    end();
}

static void test_decode_source(void) {
    begin("hostpy_decode_source");
    size_t n;
    const char latin[] = "# -*- coding: latin-1 -*-\r\ns = '\xe9'\r\n";
    char *out = hostpy_decode_source(latin, sizeof latin - 1, &n);
    EXPECT(out && strcmp(out, "# -*- coding: latin-1 -*-\ns = '\xc3\xa9'\n") == 0);
    free(out);
    const char bom[] = "\xef\xbb\xbfx = 1\ry = 2\n";
    out = hostpy_decode_source(bom, sizeof bom - 1, &n);
    EXPECT(out && strcmp(out, "x = 1\ny = 2\n") == 0 && n == 12);
    free(out);
    const char bad[] = "x = '\xff'\n"; /* invalid UTF-8, no cookie */
    out = hostpy_decode_source(bad, sizeof bad - 1, &n);
    EXPECT(out == NULL && PyErr_Occurred());
    PyErr_Clear();
    end();
}

static void test_syntax_error(void) {
    begin("hostpy_compile_syntax_error");
    PyObject *code = hostpy_compile("x = (\n", 6, "/t/bad.py");
    EXPECT(code == NULL && PyErr_ExceptionMatches(PyExc_SyntaxError));
    PyErr_Clear();
    code = hostpy_compile("a\0b", 3, "/t/nul.py");
    EXPECT(code == NULL && PyErr_ExceptionMatches(PyExc_SyntaxError));
    PyErr_Clear();
    end();
}

static void test_export_signatures(void) {
    begin("export_signatures");
    const char src[] = "from __future__ import annotations\n"
                       "def f(a: int) -> int: return a\n"
                       "def f(a: 'float', /, b: bool = True, c: str = '') -> bytes: return b''\n"
                       "def g() -> None: pass\n";
    const char *names[] = {"f", "g", "f"};
    ExList l;
    EXPECT(ex_analyze("t.py", src, names, 3, &l));
    EXPECT(l.len == 2); /* the repeated name is dropped */
    if (l.len == 2) {
        ExFunc *f = &l.funcs[0];
        /* the last def of f is the function the module ends up with */
        EXPECT(f->lineno == 3 && f->nparams == 3 && f->result == EX_BYTES);
        EXPECT(f->nparams == 3 && f->params[0].type == EX_FLOAT && f->params[1].type == EX_BOOL &&
               f->params[2].type == EX_STR && strcmp(f->params[1].name, "b") == 0);
        EXPECT(l.funcs[1].nparams == 0 && l.funcs[1].result == EX_NONE);
        StrBuf sb;
        sb_init(&sb);
        ex_json(&sb, &l);
        EXPECT(strcmp(sb.data,
                      "[\n  {\"name\": \"f\", \"params\": [[\"a\", \"float\"], "
                      "[\"b\", \"bool\"], [\"c\", \"str\"]], \"result\": \"bytes\"},\n"
                      "  {\"name\": \"g\", \"params\": [], \"result\": \"None\"}\n]") == 0);
        sb_free(&sb);
    }
    ex_list_free(&l);
    const char *bad[] = {"h"};
    EXPECT(!ex_analyze("t.py", "def h(x: 'list') -> int: pass\n", bad, 1, &l));
    EXPECT(l.len == 0 && !PyErr_Occurred());
    end();
}

static void test_json_string(void) {
    begin("sb_json_string");
    StrBuf sb;
    sb_init(&sb);
    sb_json_string(&sb, "a\"b\\c\n\x01\xc3\xa9");
    EXPECT(strcmp(sb.data, "\"a\\\"b\\\\c\\u000a\\u0001\xc3\xa9\"") == 0);
    sb_free(&sb);
    end();
}

/* The C the translator makes for SRC (a module), or NULL. */
static char *translate_str(const char *src, XlStats *st) {
    PyObject *code = compile_str(src);
    if (!code) return NULL;
    StrBuf out;
    sb_init(&out);
    xl_translate_module(&out, code, "unit", src, st);
    Py_DECREF(code);
    return out.data;
}

/* The text of the C function whose comment line names QUALNAME. */
static char *function_text(const char *c, const char *qualname) {
    char head[128];
    snprintf(head, sizeof head, "/* %s, line", qualname);
    const char *start = strstr(c, head);
    if (!start) return NULL;
    const char *end = strstr(start, "\n}\n");
    return end ? xstrndup(start, (size_t)(end - start)) : NULL;
}

static void test_translate_stack(void) {
    begin("xl_stack_slots_and_labels");
    XlStats st = {0};
    char *c = translate_str("def add(a, b):\n"
                            "    return a + b\n"
                            "def call(f, x):\n"
                            "    return f(x, 1)\n"
                            "def guarded(a):\n"
                            "    try:\n"
                            "        return [a, a][a]\n"
                            "    except IndexError:\n"
                            "        return None\n"
                            "def deleted(a):\n"
                            "    del a\n"
                            "    return a\n"
                            "def gen(xs):\n"
                            "    for x in xs:\n"
                            "        yield x\n",
                            &st);
    EXPECT(c != NULL && st.compiled == 6 && st.interpreted == 0);
    char *add = c ? function_text(c, "add") : NULL;
    /* parameters never deleted are read without a NULL check, into C locals */
    EXPECT(add && strstr(add, "s0 = Py_NewRef(localsplus[0]);") &&
           strstr(add, "s1 = Py_NewRef(localsplus[1]);") &&
           strstr(add, "p2w_binary_op_fast(s0, s1, 0)") && !strstr(add, "p2w_unbound_local") &&
           !strstr(add, "stackbase["));
    char *call = c ? function_text(c, "call") : NULL;
    /* the callable, NULL and arguments go to the frame only for the call */
    EXPECT(call && strstr(call, "stackbase[0] = s0;") && strstr(call, "stackbase[3] = s3;") &&
           strstr(call, "p2w_call(tstate, stackbase + 4, 2, kwnames)"));
    char *guarded = c ? function_text(c, "guarded") : NULL;
    /* an error with two slots live unwinds them down to the handler's depth */
    EXPECT(guarded && strstr(guarded, "goto err_0_1;") && strstr(guarded, "unwind_0_1:") &&
           strstr(guarded, "Py_XDECREF(s0);") && strstr(guarded, "p2w_fetch_exception(tstate)"));
    char *deleted = c ? function_text(c, "deleted") : NULL;
    EXPECT(deleted && strstr(deleted, "p2w_unbound_local(tstate, frame, 0)"));
    char *gen = c ? function_text(c, "gen") : NULL;
    /* a generator spills the slots below the value it yields (the
     * iterator) and reloads them with the value sent when resumed */
    EXPECT(gen && strstr(gen, "stackbase[0] = s0;") && strstr(gen, "s0 = stackbase[0];") &&
           strstr(gen, "s1 = stackbase[1];") && !strstr(gen, "stackbase[1] = s1;"));
    free(add);
    free(call);
    free(guarded);
    free(deleted);
    free(gen);
    free(c);
    xl_stats_free(&st);
    end();
}

static void test_method_pairing(void) {
    begin("xl_call_method_pairing");
    XlStats st = {0};
    char *c = translate_str("def plain(xs, v):\n"
                            "    xs.append(v)\n"
                            "def nested(xs, ys, v):\n"
                            "    xs.append(ys.append(v))\n"
                            "def branchy(xs, c):\n"
                            "    xs.append(1 if c else 2)\n"
                            "def other(xs, v):\n"
                            "    xs.extend(v)\n"
                            "    xs.append(v, v)\n"
                            "    xs.pop(0)\n"
                            "def popper(xs):\n"
                            "    return xs.pop()\n",
                            &st);
    EXPECT(c != NULL && st.compiled == 6);
    char *plain = c ? function_text(c, "plain") : NULL;
    /* the append is guarded: list.append itself, no keywords, an exact
     * list, no tracing (which wants its c_call event) */
    EXPECT(plain &&
           strstr(plain, "if (s0 == p2w_list_append && kwnames == NULL && "
                         "PyList_CheckExact(s1) &&\n        !cframe.use_tracing)") &&
           strstr(plain, "_PyList_AppendTakeRef((PyListObject *)s1, s2)") &&
           strstr(plain, "p2w_call(tstate, stackbase + 3, 1, kwnames)"));
    char *nested = c ? function_text(c, "nested") : NULL;
    /* each CALL is paired with its own LOAD_METHOD across the nesting */
    EXPECT(nested && strstr(nested, "if (s0 == p2w_list_append") &&
           strstr(nested, "if (s2 == p2w_list_append"));
    char *branchy = c ? function_text(c, "branchy") : NULL;
    /* a jump target between the two: no pairing, the general call only */
    EXPECT(branchy && !strstr(branchy, "p2w_list_append") && strstr(branchy, "p2w_call("));
    char *other = c ? function_text(c, "other") : NULL;
    /* other names, other argument counts */
    EXPECT(other && !strstr(other, "p2w_list_append") && !strstr(other, "p2w_list_pop"));
    char *popper = c ? function_text(c, "popper") : NULL;
    /* pop() without arguments, while no shrink is due */
    EXPECT(popper &&
           strstr(popper, "if (s0 == p2w_list_pop && kwnames == NULL && "
                          "PyList_CheckExact(s1) &&") &&
           strstr(popper, "p2w_list_can_pop(s1)") && strstr(popper, "p2w_list_pop_last(s1)"));
    free(popper);
    free(plain);
    free(nested);
    free(branchy);
    free(other);
    free(c);
    xl_stats_free(&st);
    end();
}

static void test_definite_assignment(void) {
    begin("xl_definite_assignment");
    XlStats st = {0};
    char *c = translate_str("def straight():\n"
                            "    y = 1\n"
                            "    return y + y\n"
                            "def loopy(n):\n"
                            "    for i in range(n):\n"
                            "        x = i\n"
                            "        x = x + i\n"
                            "    return x\n",
                            &st);
    EXPECT(c != NULL && st.compiled == 3);
    char *straight = c ? function_text(c, "straight") : NULL;
    /* bound on every path: no check */
    EXPECT(straight && !strstr(straight, "p2w_unbound_local"));
    char *loopy = c ? function_text(c, "loopy") : NULL;
    /* x is bound inside the loop body, maybe not after a loop that never
     * ran: one check, at the return (local 2) */
    const char *first = loopy ? strstr(loopy, "p2w_unbound_local") : NULL;
    EXPECT(first && strstr(first, "p2w_unbound_local(tstate, frame, 2)") == first &&
           !strstr(first + 1, "p2w_unbound_local"));
    free(straight);
    free(loopy);
    free(c);
    xl_stats_free(&st);
    end();
}

static void test_const_operands(void) {
    begin("xl_const_right_operand");
    XlStats st = {0};
    char *c = translate_str("def inc(n):\n"
                            "    return n + 1\n"
                            "def half(x):\n"
                            "    if x < 0.5:\n"
                            "        return x * 0.5\n"
                            "def big(n):\n"
                            "    return n + 2**61\n"
                            "def targeted(n, c):\n"
                            "    return n + (1 if c else 2)\n"
                            "def ends(xs):\n"
                            "    return xs[0] + xs[-1] + xs[2**40]\n",
                            &st);
    EXPECT(c != NULL && st.compiled == 6);
    char *inc = c ? function_text(c, "inc") : NULL;
    /* the constant stays borrowed; the operator knows it is the int 1 */
    EXPECT(inc && strstr(inc, "s1 = PyTuple_GET_ITEM(consts, 1); /* borrowed by the next */") &&
           strstr(inc, "s0 = p2w_binary_op_int_const(s0, s1, 1LL, 0);"));
    char *half = c ? function_text(c, "half") : NULL;
    EXPECT(half && strstr(half, "p2w_compare_truth_float_const(s0, s1, 0)") &&
           strstr(half, "p2w_binary_op_float_const(s0, s1, 5)"));
    char *big = c ? function_text(c, "big") : NULL;
    /* 2**61 is past the 64-bit paths: the general operator, a new reference */
    EXPECT(big && strstr(big, "p2w_binary_op_fast(") && !strstr(big, "borrowed by the next"));
    char *targeted = c ? function_text(c, "targeted") : NULL;
    /* a jump target between the constant and the operator */
    EXPECT(targeted && !strstr(targeted, "_const(") && strstr(targeted, "p2w_binary_op_fast("));
    char *ends = c ? function_text(c, "ends") : NULL;
    /* constant indices below 2**30, negative ones too; 2**40 is general */
    EXPECT(ends && strstr(ends, "p2w_subscr_int_const(s0, s1, 0);") &&
           strstr(ends, "p2w_subscr_int_const(s1, s2, -1);") && strstr(ends, "p2w_subscr_fast("));
    free(ends);
    free(inc);
    free(half);
    free(big);
    free(targeted);
    free(c);
    xl_stats_free(&st);
    end();
}

static size_t index_by_code(const char *code, void *ctx) {
    (void)ctx;
    return strcmp(code, "posixpath") == 0 ? 7 : strcmp(code, "os") == 0 ? 8 : 99;
}

static void test_frozen_tables(void) {
    begin("frozen_tables");
    FrozenInventory inv = {0};
    EXPECT(
        frozen_inventory_add(&inv, "_frozen_importlib _frozen_importlib 0 importlib._bootstrap"));
    EXPECT(frozen_inventory_add(&inv, "posixpath posixpath 0 posixpath"));
    EXPECT(frozen_inventory_add(&inv, "os.path posixpath 0 posixpath"));
    EXPECT(frozen_inventory_add(&inv, "os os 0 os"));
    EXPECT(frozen_inventory_add(&inv, "runpy runpy 0 runpy"));
    EXPECT(frozen_inventory_add(&inv, "__phello__ __phello__ 1 __phello__"));
    EXPECT(frozen_inventory_add(&inv, "__phello__.__init__ __phello__ 0 <__phello__"));
    EXPECT(frozen_inventory_add(&inv, "__hello_only__ __hello_only__ 0 -"));
    /* malformed lines are refused, not half-parsed */
    EXPECT(!frozen_inventory_add(&inv, "os os 0"));
    EXPECT(!frozen_inventory_add(&inv, "os os 2 os"));
    EXPECT(!frozen_inventory_add(&inv, "os os 0 os extra"));
    EXPECT(inv.len == 8);
    EXPECT(frozen_find(&inv, "os.path") &&
           strcmp(frozen_find(&inv, "os.path")->code, "posixpath") == 0);
    EXPECT(frozen_find(&inv, "__hello_only__")->origname == NULL);
    EXPECT(frozen_find(&inv, "__phello__")->ispkg);

    /* start-up's modules always, an imported one, and the alias sharing a
     * selected code object; not the others */
    const char *imported[] = {"__hello_only__"};
    frozen_select(&inv, imported, 1);
    EXPECT(frozen_find(&inv, "_frozen_importlib")->selected);
    EXPECT(frozen_find(&inv, "os")->selected && frozen_find(&inv, "posixpath")->selected);
    EXPECT(frozen_find(&inv, "os.path")->selected);
    EXPECT(frozen_find(&inv, "__hello_only__")->selected);
    EXPECT(!frozen_find(&inv, "runpy")->selected && !frozen_find(&inv, "__phello__")->selected);

    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    frozen_write_tables(f, &inv, index_by_code, NULL);
    fclose(f);
    /* the bootstrap table holds only the bootstrap modules */
    const char *boot = strstr(text, "frozen_bootstrap[] = {");
    const char *std = strstr(text, "frozen_stdlib[] = {");
    EXPECT(boot && std && boot < std);
    const char *imp = strstr(text, "{\"_frozen_importlib\", NULL, 0, 0, get_code_99}");
    EXPECT(imp && imp < std);
    EXPECT(strstr(std, "{\"os.path\", NULL, 0, 0, get_code_7}"));
    EXPECT(strstr(std, "{\"os\", NULL, 0, 0, get_code_8}"));
    EXPECT(!strstr(text, "runpy") && !strstr(text, "__phello__"));
    /* aliases: names whose original differs, and the one without any */
    EXPECT(strstr(text, "{\"_frozen_importlib\", \"importlib._bootstrap\"}"));
    EXPECT(strstr(text, "{\"os.path\", \"posixpath\"}"));
    EXPECT(strstr(text, "{\"__hello_only__\", NULL}"));
    EXPECT(!strstr(text, "{\"os\", \"os\"}"));
    EXPECT(strstr(text, "int _Py_Deepfreeze_Init(void)") &&
           strstr(text, "PyImport_FrozenModules;"));
    free(text);
    frozen_inventory_free(&inv);
    end();
}

/* ---- heap image: a hand-made module in the shape Wizer writes ---------- */

static void put_le32(StrBuf *sb, unsigned v) {
    for (int i = 0; i < 4; i++) {
        char b = (char)(v >> (8 * i));
        sb_append(sb, &b, 1);
    }
}

static void put_active(StrBuf *body, unsigned offset, const void *bytes, size_t len) {
    sb_append(body, "\0\x41", 2);
    wb_put_sleb(body, (int32_t)offset);
    sb_append(body, "\x0b", 1);
    wb_put_uleb(body, len);
    sb_append(body, bytes, len);
}

enum { T_HEAP_BASE = 0x8000, T_HIGH_AT = 0x9000, T_HIGH_LEN = 8192 };

/* A module: memory of MIN_PAGES, a passive segment, the descriptor (with
 * FILLED in its first field), a segment straddling __heap_base, 8 KB above
 * it, and with TAIL_GAP a 16-byte segment that far past those (as the
 * allocator's footer at the end of memory); PASSIVE_LAST adds a passive
 * segment after those. */
static void heap_module(StrBuf *m, unsigned min_pages, bool descriptor, unsigned filled,
                        bool passive_last, unsigned tail_gap) {
    sb_init(m);
    sb_append(m, "\0asm\1\0\0\0", 8);
    StrBuf body;
    sb_init(&body);
    wb_put_uleb(&body, 1);
    wb_put_uleb(&body, 0);
    wb_put_uleb(&body, min_pages);
    sb_append(m, "\x05", 1);
    wb_put_uleb(m, body.len);
    sb_append(m, body.data, body.len);
    body.len = 0;
    wb_put_uleb(&body, 3 + descriptor + passive_last + (tail_gap != 0));
    sb_append(&body,
              "\x01\x03"
              "abc",
              5);
    if (descriptor) {
        StrBuf d;
        sb_init(&d);
        sb_append(&d, "P2W-HEAP-IMAGE1", 16);
        put_le32(&d, T_HEAP_BASE);
        put_le32(&d, filled);
        for (int i = 0; i < 3; i++) put_le32(&d, 0xffffffffu);
        put_active(&body, 1024, d.data, d.len);
        sb_free(&d);
    }
    unsigned char straddle[32], high[T_HIGH_LEN];
    for (int i = 0; i < 32; i++) straddle[i] = (unsigned char)(i + 1);
    for (int i = 0; i < T_HIGH_LEN; i++) high[i] = (unsigned char)(i % 7 + 1);
    put_active(&body, T_HEAP_BASE - 16, straddle, sizeof straddle);
    put_active(&body, T_HIGH_AT, high, sizeof high);
    if (tail_gap) put_active(&body, T_HIGH_AT + T_HIGH_LEN + tail_gap, "FOOTER-FOOTER-16", 16);
    if (passive_last) sb_append(&body, "\x01\x01z", 3);
    sb_append(m, "\x0b", 1);
    wb_put_uleb(m, body.len);
    sb_append(m, body.data, body.len);
    sb_free(&body);
}

/* A data segment of a module read back. */
typedef struct {
    bool active;
    unsigned long at, len;
    const unsigned char *bytes;
} TSeg;

/* Reads back MOD's memory minimum into *PAGES and its first MAX data
 * segments into SEGS; returns the number of segments. */
static unsigned long read_back(const StrBuf *mod, unsigned long *pages, TSeg *segs, size_t max) {
    WbReader r = {(unsigned char *)mod->data + 8, (unsigned char *)mod->data + mod->len, false};
    unsigned long nseg = 0;
    *pages = 0;
    while (!r.bad && r.p < r.end) {
        unsigned char id = wb_read_byte(&r);
        uint64_t n = wb_read_uleb(&r);
        WbReader s = {r.p, r.p + n, false};
        r.p += n;
        if (id == 5) {
            EXPECT(wb_read_uleb(&s) == 1 && wb_read_uleb(&s) == 0);
            *pages = wb_read_uleb(&s);
        }
        if (id != 11) continue;
        nseg = wb_read_uleb(&s);
        for (unsigned long i = 0; i < nseg; i++) {
            TSeg g = {.active = wb_read_uleb(&s) == 0};
            if (g.active) {
                EXPECT(wb_read_byte(&s) == 0x41);
                g.at = (unsigned long)wb_read_sleb(&s);
                EXPECT(wb_read_byte(&s) == 0x0b);
            }
            g.len = wb_read_uleb(&s);
            g.bytes = s.p;
            s.p += g.len;
            if (i < max) segs[i] = g;
        }
        EXPECT(!s.bad);
    }
    return nseg;
}

static unsigned t_le32(const unsigned char *p) {
    return (unsigned)p[0] | (unsigned)p[1] << 8 | (unsigned)p[2] << 16 | (unsigned)p[3] << 24;
}

static void test_heap_image(void) {
    begin("heap_image");
    StrBuf in, out;
    heap_module(&in, 0, true, 0xffffffffu, false, 0);
    sb_init(&out);
    HeapImageStats st;
    char *error = NULL;
    EXPECT(hi_rewrite((unsigned char *)in.data, in.len, &out, &st, &error));
    EXPECT(error == NULL);
    const size_t image_len = T_HIGH_AT + T_HIGH_LEN - T_HEAP_BASE;
    EXPECT(st.segments == 1 && st.image_len == image_len && st.block_len > 0 &&
           st.block_len < T_HIGH_LEN / 4);

    /* read it back: memory grown to hold the in-place buffer, the segments
     * below __heap_base kept (the straddling one cut at it), then the block */
    unsigned long pages;
    TSeg seg[4] = {{0}};
    unsigned long nseg = read_back(&out, &pages, seg, 4);
    EXPECT(!seg[0].active && seg[0].len == 3 && memcmp(seg[0].bytes, "abc", 3) == 0);
    EXPECT(seg[1].at == 1024 && seg[2].at == T_HEAP_BASE - 16);
    const unsigned char *desc = seg[1].bytes, *block = seg[3].bytes;
    unsigned long block_at = seg[3].at, block_len = seg[3].len, straddle_len = seg[2].len;
    EXPECT(nseg == 4 && desc && block && straddle_len == 16);
    size_t region_len = image_len + (image_len >> 8) + 32;
    EXPECT(pages == 1);
    if (desc && block) {
        EXPECT(t_le32(desc + 16) == T_HEAP_BASE);
        EXPECT(t_le32(desc + 20) == block_at && block_at + block_len == T_HEAP_BASE + region_len);
        EXPECT(t_le32(desc + 24) == block_len && t_le32(desc + 28) == image_len);
        EXPECT(t_le32(desc + 32) == region_len);
        /* decompressed in place, as the runtime does it */
        char *region = calloc(region_len, 1);
        memcpy(region + region_len - block_len, block, block_len);
        int got = LZ4_decompress_safe(region + region_len - block_len, region, (int)block_len,
                                      (int)image_len);
        EXPECT(got == (int)image_len);
        for (int i = 0; i < 16; i++) EXPECT(region[i] == 17 + i);
        bool gap_zero = true, high_ok = true;
        for (size_t i = 16; i < T_HIGH_AT - T_HEAP_BASE; i++) gap_zero &= region[i] == 0;
        for (size_t i = 0; i < T_HIGH_LEN; i++)
            high_ok &= region[T_HIGH_AT - T_HEAP_BASE + i] == (char)(i % 7 + 1);
        EXPECT(gap_zero && high_ok);
        free(region);
    }

    /* a footer segment at the end of memory stays a segment when the gap
     * before it holds the margin: the memory keeps its size; with a gap too
     * small it goes into the image */
    for (int far = 1; far >= 0; far--) {
        StrBuf t, tout;
        heap_module(&t, 1, true, 0xffffffffu, false, far ? 0x4000 : 16);
        sb_init(&tout);
        EXPECT(hi_rewrite((unsigned char *)t.data, t.len, &tout, &st, &error));
        size_t tail_at = T_HIGH_AT + T_HIGH_LEN + (far ? 0x4000 : 16);
        EXPECT(st.image_len == (far ? image_len : tail_at + 16 - T_HEAP_BASE));
        EXPECT(st.segments == (far ? 1u : 2u));
        unsigned long tpages;
        enum { MAXSEG = 8 };
        TSeg tseg[MAXSEG] = {{0}};
        unsigned long tnseg = read_back(&tout, &tpages, tseg, MAXSEG);
        bool tail_kept = false;
        for (unsigned long i = 0; i < tnseg && i < MAXSEG; i++)
            tail_kept |= tseg[i].at == tail_at && tseg[i].len == 16 &&
                         memcmp(tseg[i].bytes, "FOOTER-FOOTER-16", 16) == 0;
        /* the last segment: the block */
        const TSeg *last = &tseg[tnseg >= 1 && tnseg <= MAXSEG ? tnseg - 1 : 0];
        unsigned long last_at = last->at, last_len = last->len;
        EXPECT(tail_kept == (bool)far && tnseg == (far ? 5u : 4u));
        EXPECT(tpages == 1);
        /* the block ends where the in-place buffer does, before the tail */
        size_t ilen = st.image_len;
        EXPECT(last_at + last_len == T_HEAP_BASE + ilen + (ilen >> 8) + 32);
        EXPECT(!far || last_at + last_len <= tail_at);
        sb_free(&tout);
        sb_free(&t);
    }

    /* refused: a module already rewritten, one without the descriptor, a
     * passive segment that would be renumbered, a truncated module */
    StrBuf again;
    sb_init(&again);
    EXPECT(!hi_rewrite((unsigned char *)out.data, out.len, &again, &st, &error));
    EXPECT(error && strstr(error, "already filled in"));
    free(error);
    const struct {
        bool descriptor, passive_last;
        size_t cut;
        const char *why;
    } bad[] = {
        {false, false, 0, "no heap-image descriptor"},
        {true, true, 0, "passive data segment after"},
        {true, false, 100, "truncated"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        StrBuf m;
        heap_module(&m, 1, bad[i].descriptor, 0xffffffffu, bad[i].passive_last, 0);
        again.len = 0;
        error = NULL;
        EXPECT(!hi_rewrite((unsigned char *)m.data, m.len - bad[i].cut, &again, &st, &error));
        EXPECT(error && strstr(error, bad[i].why));
        if (error && !strstr(error, bad[i].why)) fprintf(stderr, "  got: %s\n", error);
        free(error);
        sb_free(&m);
    }
    sb_free(&again);
    sb_free(&out);
    sb_free(&in);
    end();
}

int main(void) {
    diag_verbosity = 0;
    if (!hostpy_init()) return 1;
    test_path_abspath();
    test_path_dirname_join();
    test_c_escape();
    test_scan_imports();
    test_extended_arg_imports();
    test_decode_source();
    test_syntax_error();
    test_export_signatures();
    test_json_string();
    test_translate_stack();
    test_method_pairing();
    test_definite_assignment();
    test_const_operands();
    test_frozen_tables();
    test_heap_image();
    hostpy_fini();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}

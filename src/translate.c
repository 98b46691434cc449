/* translate.c - CPython 3.11.2 bytecode to C.
 *
 * Each code object becomes one C function with the eval-frame signature
 * (see runtime/p2w_eval.h).  The translation is instruction by instruction:
 * every instruction gets a label i_<offset> (offset in code units, the
 * unit of jump arguments and of the exception table) and a block that does
 * what ceval does for the opcode.  The value stack stays where the
 * interpreter keeps it, in the frame after the locals, addressed by a C
 * stack pointer `sp`; so a compiled frame looks exactly like an
 * interpreted one to everything that inspects frames.
 *
 * Invariants of the generated code:
 *   - frame->prev_instr points at the current instruction before its block
 *     runs: tracebacks, f_lineno and the lasti pushed for handlers read it;
 *   - at every `goto err_*`/`unwind_*`, the slots between the stack base
 *     and sp hold owned references or NULL (helpers steal their inputs, and
 *     a failed result slot is NULL), so unwinding can release them blindly;
 *   - the exception table is decoded here: an instruction covered by entry
 *     K jumps to err_K on error, which records the traceback, pops to the
 *     entry's depth, pushes lasti if asked and the exception, and jumps to
 *     the handler; an uncovered one jumps to err_x, which leaves the frame.
 *     unwind_* labels skip the traceback (RERAISE, bare `raise`).
 * Generators and coroutines run on their own frame the same way: the
 * function is entered again at each resumption and continues after
 * frame->prev_instr (emit_resume).
 * A code object with an opcode not handled here is not translated: its
 * table entry is NULL and it runs in the interpreter.  The first
 * unsupported opcode is recorded as the reason. */
#include "translate.h"

#include <opcode.h>
#include <string.h>

static const char *const opnames[256] = {
#include "opnames.inc"
};

typedef struct {
    int off;  /* offset of the opcode (after any EXTENDED_ARG), code units */
    int next; /* offset of the following instruction (caches skipped) */
    int op;
    int arg;   /* with EXTENDED_ARG folded in */
    int start; /* offset of the first EXTENDED_ARG prefix, or off */
} Instr;

typedef struct {
    int start, end, target, depth, lasti;
} ExcEntry;

typedef struct {
    PyCodeObject *co;
    Instr *ins;
    size_t nins;
    ExcEntry *exc;
    size_t nexc;
    bool *exc_used; /* err_K label needed */
    StrBuf *out;
    const char **lines; /* source lines, or NULL */
    size_t nlines;
} Fn;

void xl_stats_free(XlStats *st) {
    for (size_t i = 0; i < st->nreasons; i++) free(st->reasons[i]);
    free(st->reasons);
    free(st->counts);
    memset(st, 0, sizeof *st);
}

static void count_reason(XlStats *st, const char *reason) {
    for (size_t i = 0; i < st->nreasons; i++) {
        if (strcmp(st->reasons[i], reason) == 0) {
            st->counts[i]++;
            return;
        }
    }
    st->reasons = xrealloc(st->reasons, (st->nreasons + 1) * sizeof *st->reasons);
    st->counts = xrealloc(st->counts, (st->nreasons + 1) * sizeof *st->counts);
    st->reasons[st->nreasons] = xstrdup(reason);
    st->counts[st->nreasons++] = 1;
}

/* Decodes co_code: EXTENDED_ARG folded into the next instruction, CACHE
 * units (opcode 0; never a real instruction in unspecialised code) skipped. */
static void decode(Fn *f, PyObject *bytes) {
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(bytes);
    int n = (int)(PyBytes_GET_SIZE(bytes) / 2);
    f->ins = xcalloc((size_t)n + 1, sizeof(Instr));
    int ext = 0, start = -1;
    for (int i = 0; i < n; i++) {
        int op = p[2 * i], arg = p[2 * i + 1];
        if (op == CACHE) continue;
        if (op == EXTENDED_ARG) {
            if (start < 0) start = i;
            ext = (ext << 8) | arg;
            continue;
        }
        Instr *in = &f->ins[f->nins++];
        in->off = i;
        in->op = op;
        in->arg = (ext << 8) | arg;
        in->start = start < 0 ? i : start;
        ext = 0;
        start = -1;
    }
    for (size_t k = 0; k < f->nins; k++) f->ins[k].next = k + 1 < f->nins ? f->ins[k + 1].start : n;
}

static int read_varint(const unsigned char **pp) {
    const unsigned char *p = *pp;
    int v = *p & 0x3f;
    while (*p++ & 0x40) v = (v << 6) | (*p & 0x3f);
    *pp = p;
    return v;
}

/* Objects/exception_handling_notes.txt: entries of (start, length, target,
 * depth<<1 | lasti), varints of 6-bit groups. */
static void decode_exceptions(Fn *f) {
    PyObject *table = f->co->co_exceptiontable;
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(table);
    const unsigned char *end = p + PyBytes_GET_SIZE(table);
    size_t cap = 0;
    while (p < end) {
        grow_array((void **)&f->exc, &cap, f->nexc + 1, sizeof(ExcEntry));
        ExcEntry *e = &f->exc[f->nexc++];
        e->start = read_varint(&p);
        e->end = e->start + read_varint(&p);
        e->target = read_varint(&p);
        int dl = read_varint(&p);
        e->depth = dl >> 1;
        e->lasti = dl & 1;
    }
    f->exc_used = xcalloc(f->nexc + 1, sizeof(bool));
}

/* The exception-table entry covering OFFSET, or -1 (ceval's
 * get_exception_handler). */
static int handler_for(const Fn *f, int offset) {
    for (size_t i = 0; i < f->nexc; i++)
        if (f->exc[i].start <= offset && offset < f->exc[i].end) return (int)i;
    return -1;
}

/* Label text for errors at OFFSET: "err_K" / "err_x" (or unwind_*). */
static const char *err_label(Fn *f, int offset, bool unwind, char buf[32]) {
    int h = handler_for(f, offset);
    if (h >= 0) f->exc_used[h] = true;
    if (h < 0)
        snprintf(buf, 32, "%s_x", unwind ? "unwind" : "err");
    else
        snprintf(buf, 32, "%s_%d", unwind ? "unwind" : "err", h);
    return buf;
}

static bool supported(int op) {
    switch (op) {
    case NOP:
    case RESUME:
    case POP_TOP:
    case PUSH_NULL:
    case COPY:
    case SWAP:
    case LOAD_CONST:
    case LOAD_FAST:
    case LOAD_CLOSURE:
    case STORE_FAST:
    case DELETE_FAST:
    case LOAD_GLOBAL:
    case LOAD_NAME:
    case STORE_NAME:
    case DELETE_NAME:
    case STORE_GLOBAL:
    case DELETE_GLOBAL:
    case LOAD_ATTR:
    case STORE_ATTR:
    case DELETE_ATTR:
    case LOAD_METHOD:
    case PRECALL:
    case KW_NAMES:
    case CALL:
    case BINARY_OP:
    case UNARY_POSITIVE:
    case UNARY_NEGATIVE:
    case UNARY_INVERT:
    case UNARY_NOT:
    case COMPARE_OP:
    case IS_OP:
    case CONTAINS_OP:
    case BINARY_SUBSCR:
    case STORE_SUBSCR:
    case DELETE_SUBSCR:
    case BUILD_TUPLE:
    case BUILD_LIST:
    case BUILD_SET:
    case BUILD_MAP:
    case BUILD_CONST_KEY_MAP:
    case BUILD_SLICE:
    case BUILD_STRING:
    case LIST_APPEND:
    case SET_ADD:
    case MAP_ADD:
    case LIST_EXTEND:
    case SET_UPDATE:
    case DICT_UPDATE:
    case LIST_TO_TUPLE:
    case UNPACK_SEQUENCE:
    case UNPACK_EX:
    case GET_ITER:
    case FOR_ITER:
    case JUMP_FORWARD:
    case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT:
    case POP_JUMP_FORWARD_IF_TRUE:
    case POP_JUMP_FORWARD_IF_FALSE:
    case POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE:
    case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_FALSE:
    case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_BACKWARD_IF_NOT_NONE:
    case JUMP_IF_TRUE_OR_POP:
    case JUMP_IF_FALSE_OR_POP:
    case RETURN_VALUE:
    case MAKE_FUNCTION:
    case MAKE_CELL:
    case COPY_FREE_VARS:
    case LOAD_DEREF:
    case STORE_DEREF:
    case DELETE_DEREF:
    case LOAD_CLASSDEREF:
    case FORMAT_VALUE:
    case IMPORT_NAME:
    case IMPORT_FROM:
    case RAISE_VARARGS:
    case PUSH_EXC_INFO:
    case POP_EXCEPT:
    case CHECK_EXC_MATCH:
    case RERAISE:
    case BEFORE_WITH:
    case WITH_EXCEPT_START:
    case LOAD_BUILD_CLASS:
    case LOAD_ASSERTION_ERROR:
    case GET_LEN:
    case DICT_MERGE:
    case CALL_FUNCTION_EX:
    case SETUP_ANNOTATIONS:
    case RETURN_GENERATOR:
    case YIELD_VALUE:
    case SEND:
    case GET_AWAITABLE:
    case GET_YIELD_FROM_ITER:
    case GET_AITER:
    case GET_ANEXT:
    case END_ASYNC_FOR:
    case BEFORE_ASYNC_WITH:
    case ASYNC_GEN_WRAP:
    case MATCH_MAPPING:
    case MATCH_SEQUENCE:
    case MATCH_KEYS:
    case MATCH_CLASS:
    case CHECK_EG_MATCH:
    case PREP_RERAISE_STAR:
    case IMPORT_STAR:
    case PRINT_EXPR: return true;
    default: return false;
    }
}

/* Appends TEXT to a C comment, defusing any comment terminator. */
static void comment_text(StrBuf *out, const char *text, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '*' && i + 1 < len && text[i + 1] == '/') {
            sb_puts(out, "* /");
            i++;
        } else if (text[i] == '\t') {
            sb_puts(out, " ");
        } else if ((unsigned char)text[i] >= 0x20 || (text[i] & 0x80)) {
            sb_append(out, &text[i], 1);
        }
    }
}

static void line_comment(Fn *f, int line) {
    sb_printf(f->out, "    /* line %d", line);
    if (f->lines && line >= 1 && (size_t)line <= f->nlines) {
        const char *s = f->lines[line - 1];
        const char *e = strchr(s, '\n');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        while (len && (*s == ' ' || *s == '\t')) s++, len--;
        if (len > 120) len = 120;
        sb_puts(f->out, ": ");
        comment_text(f->out, s, len);
    }
    sb_puts(f->out, " */\n");
}

/* The eval-breaker check of backward jumps, RESUME and calls. */
static void breaker(StrBuf *o, const char *err) {
    sb_printf(o,
              "        if (p2w_unlikely(p2w_eval_breaker(tstate)) && p2w_handle_pending(tstate) < "
              "0) goto %s;\n",
              err);
}

/* A helper taking N stack slots (stolen) and pushing its result. */
static void stack_helper(StrBuf *o, const char *call_fmt, int n, const char *err) {
    sb_printf(o, "    {\n        sp -= %d;\n        PyObject *r = ", n);
    sb_printf(o, call_fmt, n);
    sb_printf(o, ";\n        if (r == NULL) goto %s;\n        *sp++ = r;\n    }\n", err);
}

static const char *unary_fn(int op) {
    switch (op) {
    case UNARY_POSITIVE: return "PyNumber_Positive";
    case UNARY_NEGATIVE: return "PyNumber_Negative";
    default: return "PyNumber_Invert";
    }
}

static bool is_truth_jump(int op) {
    return op == POP_JUMP_FORWARD_IF_TRUE || op == POP_JUMP_FORWARD_IF_FALSE ||
           op == POP_JUMP_BACKWARD_IF_TRUE || op == POP_JUMP_BACKWARD_IF_FALSE;
}

/* The jump of POP_JUMP_*_IF_TRUE/FALSE instruction J on the truth value
 * in the C variable t (its operand already popped). */
static void emit_jump_on_truth(Fn *f, const Instr *j) {
    StrBuf *o = f->out;
    bool on_true = j->op == POP_JUMP_FORWARD_IF_TRUE || j->op == POP_JUMP_BACKWARD_IF_TRUE;
    const char *test = on_true ? "t" : "!t";
    if (j->op == POP_JUMP_FORWARD_IF_TRUE || j->op == POP_JUMP_FORWARD_IF_FALSE) {
        sb_printf(o, "        if (%s) goto i_%d;\n", test, j->next + j->arg);
        return;
    }
    /* ceval jumps, then checks the breaker: an error there is looked up at
     * the instruction before the target */
    char bb[32];
    int back = j->next - j->arg;
    sb_printf(o, "        if (%s) {\n", test);
    breaker(o, err_label(f, back - 1, false, bb));
    sb_printf(o, "            goto i_%d;\n        }\n", back);
}

/* Emits the block of one instruction; NEXT is the instruction after it,
 * or NULL. */
static void emit_instr(Fn *f, const Instr *in, const Instr *next) {
    StrBuf *o = f->out;
    char eb[32], ub[32];
    const char *E = err_label(f, in->off, false, eb);
    const char *U = err_label(f, in->off, true, ub);
    int a = in->arg;
    int fwd = in->next + a, back = in->next - a;
    /* jumps and handlers target the first EXTENDED_ARG of an instruction */
    if (in->start != in->off) sb_printf(o, "i_%d:\n", in->start);
    sb_printf(o, "i_%d: /* %s %d */\n", in->off, opnames[in->op] ? opnames[in->op] : "?", a);
    sb_printf(o, "    frame->prev_instr = first_instr + %d;\n", in->off);
    switch (in->op) {
    case NOP: break;
    case RESUME:
        if (a < 2) breaker(o, E);
        break;
    case POP_TOP: sb_puts(o, "    Py_DECREF(sp[-1]);\n    sp--;\n"); break;
    case PUSH_NULL: sb_puts(o, "    *sp++ = NULL;\n"); break;
    case COPY:
        sb_printf(o, "    Py_XINCREF(sp[-%d]);\n    sp[0] = sp[-%d];\n    sp++;\n", a, a);
        break;
    case SWAP:
        sb_printf(o, "    { PyObject *t = sp[-1]; sp[-1] = sp[-%d]; sp[-%d] = t; }\n", a, a);
        break;
    case LOAD_CONST:
        sb_printf(o, "    *sp = PyTuple_GET_ITEM(consts, %d);\n    Py_INCREF(*sp);\n    sp++;\n",
                  a);
        break;
    case LOAD_FAST:
    case LOAD_CLOSURE:
        sb_printf(o,
                  "    if (p2w_unlikely(localsplus[%d] == NULL)) {\n"
                  "        p2w_unbound_local(tstate, frame, %d);\n        goto %s;\n    }\n"
                  "    Py_INCREF(localsplus[%d]);\n    *sp++ = localsplus[%d];\n",
                  a, a, E, a, a);
        break;
    case STORE_FAST:
        sb_printf(
            o, "    { PyObject *old = localsplus[%d]; localsplus[%d] = *--sp; Py_XDECREF(old); }\n",
            a, a);
        break;
    case DELETE_FAST:
        sb_printf(o,
                  "    if (p2w_unlikely(localsplus[%d] == NULL)) {\n"
                  "        p2w_unbound_local(tstate, frame, %d);\n        goto %s;\n    }\n"
                  "    Py_CLEAR(localsplus[%d]);\n",
                  a, a, E, a);
        break;
    case LOAD_GLOBAL:
        sb_printf(o,
                  "    {\n        static p2w_global_cache cache;\n"
                  "        PyObject *v = p2w_load_global_cached(tstate, frame, "
                  "PyTuple_GET_ITEM(names, %d), &cache);\n"
                  "        if (v == NULL) goto %s;\n%s        *sp++ = v;\n    }\n",
                  a >> 1, E, (a & 1) ? "        *sp++ = NULL;\n" : "");
        break;
    case LOAD_NAME:
        sb_printf(o,
                  "    {\n        PyObject *v = p2w_load_name(tstate, frame, "
                  "PyTuple_GET_ITEM(names, %d));\n"
                  "        if (v == NULL) goto %s;\n        *sp++ = v;\n    }\n",
                  a, E);
        break;
    case STORE_NAME:
        sb_printf(o,
                  "    sp--;\n    if (p2w_store_name(tstate, frame, PyTuple_GET_ITEM(names, %d), "
                  "*sp) < 0) goto %s;\n",
                  a, E);
        break;
    case DELETE_NAME:
        sb_printf(
            o,
            "    if (p2w_delete_name(tstate, frame, PyTuple_GET_ITEM(names, %d)) < 0) goto %s;\n",
            a, E);
        break;
    case STORE_GLOBAL:
        sb_printf(o,
                  "    sp--;\n    if (p2w_store_global(frame, PyTuple_GET_ITEM(names, %d), *sp) < "
                  "0) goto %s;\n",
                  a, E);
        break;
    case DELETE_GLOBAL:
        sb_printf(
            o,
            "    if (p2w_delete_global(tstate, frame, PyTuple_GET_ITEM(names, %d)) < 0) goto %s;\n",
            a, E);
        break;
    case LOAD_ATTR:
        sb_printf(o,
                  "    {\n        static p2w_attr_cache cache;\n        PyObject *owner = sp[-1];\n"
                  "        sp[-1] = p2w_load_attr_cached(owner, PyTuple_GET_ITEM(names, %d), "
                  "&cache);\n"
                  "        Py_DECREF(owner);\n        if (sp[-1] == NULL) goto %s;\n    }\n",
                  a, E);
        break;
    case STORE_ATTR:
        sb_printf(o,
                  "    {\n        static p2w_attr_cache cache;\n        sp -= 2;\n"
                  "        if (p2w_store_attr_cached(sp[1], PyTuple_GET_ITEM(names, %d), sp[0], "
                  "&cache) < 0) goto %s;\n    }\n",
                  a, E);
        break;
    case DELETE_ATTR:
        sb_printf(o,
                  "    {\n        PyObject *owner = *--sp;\n"
                  "        int err = PyObject_SetAttr(owner, PyTuple_GET_ITEM(names, %d), NULL);\n"
                  "        Py_DECREF(owner);\n        if (err) goto %s;\n    }\n",
                  a, E);
        break;
    case LOAD_METHOD:
        sb_printf(
            o,
            "    {\n        static p2w_method_cache cache;\n"
            "        PyObject *obj = sp[-1], *meth;\n"
            "        int found = p2w_load_method_cached(obj, PyTuple_GET_ITEM(names, %d), &meth, "
            "&cache);\n"
            "        if (meth == NULL) goto %s;\n"
            "        if (found) {\n            sp[-1] = meth;\n            *sp++ = obj;\n"
            "        } else {\n            sp[-1] = NULL;\n            Py_DECREF(obj);\n           "
            " *sp++ = meth;\n        }\n    }\n",
            a, E);
        break;
    case PRECALL: sb_printf(o, "    p2w_precall(sp, %d);\n", a); break;
    case KW_NAMES: sb_printf(o, "    kwnames = PyTuple_GET_ITEM(consts, %d);\n", a); break;
    case CALL:
        sb_printf(o,
                  "    {\n        PyObject *res = p2w_call(tstate, sp, %d, kwnames);\n        "
                  "kwnames = NULL;\n"
                  "        sp -= %d;\n        *sp++ = res;\n        if (res == NULL) goto %s;\n",
                  a, a + 2, E);
        breaker(o, E);
        sb_puts(o, "    }\n");
        break;
    case BINARY_OP:
        sb_printf(
            o,
            "    sp--;\n    sp[-1] = p2w_binary_op_fast(sp[-1], sp[0], %d);\n    if (sp[-1] == "
            "NULL) goto %s;\n",
            a, E);
        break;
    case UNARY_POSITIVE:
    case UNARY_NEGATIVE:
    case UNARY_INVERT:
        sb_printf(
            o,
            "    {\n        PyObject *v = sp[-1];\n        sp[-1] = %s(v);\n        Py_DECREF(v);\n"
            "        if (sp[-1] == NULL) goto %s;\n    }\n",
            unary_fn(in->op), E);
        break;
    case UNARY_NOT:
        sb_printf(o,
                  "    {\n        int t = p2w_truth_steal(sp[-1]);\n        sp[-1] = NULL;\n"
                  "        if (t < 0) goto %s;\n        sp[-1] = Py_NewRef(t ? Py_False : "
                  "Py_True);\n    }\n",
                  E);
        break;
    case COMPARE_OP:
        if (next && is_truth_jump(next->op)) {
            /* a test: its truth goes straight to the jump, no bool made
             * (the jump's own block stays for other paths into it) */
            sb_printf(
                o,
                "    {\n        sp -= 2;\n        int t = p2w_compare_truth(sp[0], sp[1], %d);\n"
                "        if (t < 0) goto %s;\n",
                a, E);
            emit_jump_on_truth(f, next);
            sb_printf(o, "        goto i_%d;\n    }\n", next->next);
            break;
        }
        sb_printf(o,
                  "    {\n        PyObject *r = *--sp, *l = sp[-1];\n        sp[-1] = "
                  "PyObject_RichCompare(l, r, %d);\n"
                  "        Py_DECREF(l);\n        Py_DECREF(r);\n        if (sp[-1] == NULL) goto "
                  "%s;\n    }\n",
                  a, E);
        break;
    case IS_OP:
        sb_printf(
            o,
            "    {\n        PyObject *r = *--sp, *l = sp[-1];\n        int res = (l == r) ^ %d;\n"
            "        Py_DECREF(l);\n        Py_DECREF(r);\n        sp[-1] = Py_NewRef(res ? "
            "Py_True : Py_False);\n    }\n",
            a);
        break;
    case CONTAINS_OP:
        sb_printf(o,
                  "    {\n        PyObject *r = *--sp, *l = *--sp;\n        int res = "
                  "PySequence_Contains(r, l);\n"
                  "        Py_DECREF(l);\n        Py_DECREF(r);\n        if (res < 0) goto %s;\n"
                  "        *sp++ = Py_NewRef((res ^ %d) ? Py_True : Py_False);\n    }\n",
                  E, a);
        break;
    case BINARY_SUBSCR:
        sb_printf(o,
                  "    {\n        PyObject *sub = *--sp, *c = sp[-1];\n        sp[-1] = "
                  "p2w_subscr_fast(c, sub);\n"
                  "        if (sp[-1] == NULL) "
                  "goto %s;\n    }\n",
                  E);
        break;
    case STORE_SUBSCR:
        sb_printf(
            o,
            "    {\n        PyObject *sub = sp[-1], *c = sp[-2], *v = sp[-3];\n        sp -= 3;\n"
            "        if (p2w_store_subscr_fast(c, sub, v) < 0) goto %s;\n    }\n",
            E);
        break;
    case DELETE_SUBSCR:
        sb_printf(o,
                  "    {\n        PyObject *sub = sp[-1], *c = sp[-2];\n        sp -= 2;\n"
                  "        int err = PyObject_DelItem(c, sub);\n        Py_DECREF(c);\n        "
                  "Py_DECREF(sub);\n"
                  "        if (err) goto %s;\n    }\n",
                  E);
        break;
    case BUILD_TUPLE: stack_helper(o, "_PyTuple_FromArraySteal(sp, %d)", a, E); break;
    case BUILD_LIST: stack_helper(o, "p2w_build_list(sp, %d)", a, E); break;
    case BUILD_SET: stack_helper(o, "p2w_build_set(sp, %d)", a, E); break;
    case BUILD_STRING: stack_helper(o, "p2w_build_string(sp, %d)", a, E); break;
    case BUILD_SLICE: stack_helper(o, "p2w_build_slice(sp, %d)", a, E); break;
    case BUILD_MAP:
        sb_printf(o,
                  "    {\n        sp -= %d;\n        PyObject *r = p2w_build_map(sp, %d);\n"
                  "        if (r == NULL) goto %s;\n        *sp++ = r;\n    }\n",
                  2 * a, a, E);
        break;
    case BUILD_CONST_KEY_MAP:
        sb_printf(
            o,
            "    {\n        sp -= %d;\n        PyObject *r = p2w_build_const_key_map(sp, %d);\n"
            "        if (r == NULL) goto %s;\n        *sp++ = r;\n    }\n",
            a + 1, a, E);
        break;
    case LIST_APPEND:
        sb_printf(o,
                  "    sp--;\n    if (_PyList_AppendTakeRef((PyListObject *)sp[-%d], *sp) < 0) "
                  "goto %s;\n",
                  a, E);
        break;
    case SET_ADD:
        sb_printf(o,
                  "    {\n        PyObject *v = *--sp;\n        int err = PySet_Add(sp[-%d], v);\n"
                  "        Py_DECREF(v);\n        if (err) goto %s;\n    }\n",
                  a, E);
        break;
    case MAP_ADD:
        sb_printf(o,
                  "    sp -= 2;\n    if (_PyDict_SetItem_Take2((PyDictObject *)sp[-%d], sp[0], "
                  "sp[1]) != 0) goto %s;\n",
                  a, E);
        break;
    case LIST_EXTEND:
        sb_printf(o, "    sp--;\n    if (p2w_list_extend(tstate, sp[-%d], *sp) < 0) goto %s;\n", a,
                  E);
        break;
    case SET_UPDATE:
        sb_printf(o, "    sp--;\n    if (p2w_set_update(sp[-%d], *sp) < 0) goto %s;\n", a, E);
        break;
    case DICT_UPDATE:
        sb_printf(o, "    sp--;\n    if (p2w_dict_update(tstate, sp[-%d], *sp) < 0) goto %s;\n", a,
                  E);
        break;
    case DICT_MERGE:
        /* the called function sits below the dict: only named in errors */
        sb_printf(
            o, "    sp--;\n    if (p2w_dict_merge(tstate, sp[-%d], *sp, sp[-%d]) < 0) goto %s;\n",
            a, a + 2, E);
        break;
    case SETUP_ANNOTATIONS:
        sb_printf(o, "    if (p2w_setup_annotations(tstate, frame->f_locals) < 0) goto %s;\n", E);
        break;
    case CALL_FUNCTION_EX:
        /* stack: NULL, func, args[, kwargs]; the result replaces the NULL */
        sb_printf(o,
                  "    {\n        PyObject *kwargs = %s;\n        PyObject *args = *--sp;\n"
                  "        PyObject *res = p2w_call_function_ex(tstate, sp[-1], args, kwargs);\n"
                  "        Py_DECREF(sp[-1]);\n        sp--;\n        Py_XDECREF(sp[-1]);\n"
                  "        sp[-1] = res;\n        if (res == NULL) goto %s;\n",
                  (a & 1) ? "*--sp" : "NULL", E);
        breaker(o, E);
        sb_puts(o, "    }\n");
        break;
    case LIST_TO_TUPLE:
        sb_printf(o,
                  "    {\n        PyObject *l = sp[-1];\n        sp[-1] = PyList_AsTuple(l);\n     "
                  "   Py_DECREF(l);\n"
                  "        if (sp[-1] == NULL) goto %s;\n    }\n",
                  E);
        break;
    case UNPACK_SEQUENCE:
        sb_printf(o,
                  "    sp--;\n    if (p2w_unpack(tstate, *sp, %d, -1, sp + %d) < 0) goto %s;\n    "
                  "sp += %d;\n",
                  a, a, E, a);
        break;
    case UNPACK_EX: {
        int total = 1 + (a & 0xff) + (a >> 8);
        sb_printf(o,
                  "    sp--;\n    if (p2w_unpack(tstate, *sp, %d, %d, sp + %d) < 0) goto %s;\n    "
                  "sp += %d;\n",
                  a & 0xff, a >> 8, total, E, total);
        break;
    }
    case GET_ITER:
        sb_printf(o,
                  "    {\n        PyObject *v = sp[-1];\n        sp[-1] = PyObject_GetIter(v);\n   "
                  "     Py_DECREF(v);\n"
                  "        if (sp[-1] == NULL) goto %s;\n    }\n",
                  E);
        break;
    case FOR_ITER:
        sb_printf(
            o,
            "    {\n        PyObject *it = sp[-1];\n        PyObject *next = p2w_iter_next(it);\n"
            "        if (next != NULL) {\n            *sp++ = next;\n        } else {\n"
            "            if (_PyErr_Occurred(tstate)) {\n"
            "                if (!_PyErr_ExceptionMatches(tstate, PyExc_StopIteration)) goto %s;\n"
            "                _PyErr_Clear(tstate);\n            }\n"
            "            sp--;\n            Py_DECREF(it);\n            goto i_%d;\n        }\n    "
            "}\n",
            E, fwd);
        break;
    case JUMP_FORWARD: sb_printf(o, "    goto i_%d;\n", fwd); break;
    case JUMP_BACKWARD_NO_INTERRUPT: sb_printf(o, "    goto i_%d;\n", back); break;
    case JUMP_BACKWARD: {
        /* ceval jumps, then checks the breaker: an error there is looked
         * up at the instruction before the target */
        char bb[32];
        sb_puts(o, "    {\n");
        breaker(o, err_label(f, back - 1, false, bb));
        sb_printf(o, "        goto i_%d;\n    }\n", back);
        break;
    }
    case POP_JUMP_FORWARD_IF_TRUE:
    case POP_JUMP_FORWARD_IF_FALSE:
    case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_FALSE:
        sb_printf(
            o, "    {\n        int t = p2w_truth_steal(*--sp);\n        if (t < 0) goto %s;\n", E);
        emit_jump_on_truth(f, in);
        sb_puts(o, "    }\n");
        break;
    case POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE:
        sb_printf(o,
                  "    {\n        PyObject *v = *--sp;\n        int is_none = Py_IsNone(v);\n      "
                  "  Py_DECREF(v);\n"
                  "        if (%sis_none) goto i_%d;\n    }\n",
                  in->op == POP_JUMP_FORWARD_IF_NOT_NONE ? "!" : "", fwd);
        break;
    case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_BACKWARD_IF_NOT_NONE: {
        char bb[32];
        sb_printf(o,
                  "    {\n        PyObject *v = *--sp;\n        int is_none = Py_IsNone(v);\n      "
                  "  Py_DECREF(v);\n"
                  "        if (%sis_none) {\n",
                  in->op == POP_JUMP_BACKWARD_IF_NOT_NONE ? "!" : "");
        breaker(o, err_label(f, back - 1, false, bb));
        sb_printf(o, "            goto i_%d;\n        }\n    }\n", back);
        break;
    }
    case JUMP_IF_TRUE_OR_POP:
    case JUMP_IF_FALSE_OR_POP: {
        bool jump_on_true = in->op == JUMP_IF_TRUE_OR_POP;
        sb_printf(o,
                  "    {\n        PyObject *c = sp[-1];\n        int t = c == Py_True ? 1 : c == "
                  "Py_False ? 0 : PyObject_IsTrue(c);\n"
                  "        if (t < 0) goto %s;\n        if (%st) goto i_%d;\n        sp--;\n       "
                  " Py_DECREF(c);\n    }\n",
                  E, jump_on_true ? "" : "!", fwd);
        break;
    }
    case RETURN_VALUE:
        sb_puts(o, "    {\n        PyObject *retval = *--sp;\n        p2w_frame_leave(tstate, "
                   "frame, &cframe, sp);\n"
                   "        return retval;\n    }\n");
        break;
    case MAKE_FUNCTION: {
        int n = 1 + !!(a & 1) + !!(a & 2) + !!(a & 4) + !!(a & 8);
        sb_printf(o,
                  "    {\n        sp -= %d;\n        PyObject *r = p2w_make_function(frame, sp, "
                  "%d, %d);\n"
                  "        if (r == NULL) goto %s;\n        *sp++ = r;\n    }\n",
                  n, n, a, E);
        break;
    }
    case MAKE_CELL:
        sb_printf(o,
                  "    {\n        PyObject *cell = PyCell_New(localsplus[%d]);\n        if (cell "
                  "== NULL) goto %s;\n"
                  "        PyObject *old = localsplus[%d];\n        localsplus[%d] = cell;\n       "
                  " Py_XDECREF(old);\n    }\n",
                  a, E, a, a);
        break;
    case COPY_FREE_VARS: {
        int base = f->co->co_nlocals + f->co->co_nplaincellvars;
        sb_printf(
            o,
            "    {\n        PyObject *closure = frame->f_func->func_closure;\n"
            "        for (int i = 0; i < %d; i++)\n"
            "            localsplus[%d + i] = Py_NewRef(PyTuple_GET_ITEM(closure, i));\n    }\n",
            a, base);
        break;
    }
    case LOAD_DEREF:
        sb_printf(o,
                  "    {\n        PyObject *v = PyCell_GET(localsplus[%d]);\n"
                  "        if (v == NULL) {\n            p2w_unbound_deref(tstate, frame, %d);\n   "
                  "         goto %s;\n        }\n"
                  "        *sp++ = Py_NewRef(v);\n    }\n",
                  a, a, E);
        break;
    case STORE_DEREF:
        sb_printf(o,
                  "    {\n        PyObject *cell = localsplus[%d];\n        PyObject *old = "
                  "PyCell_GET(cell);\n"
                  "        PyCell_SET(cell, *--sp);\n        Py_XDECREF(old);\n    }\n",
                  a);
        break;
    case DELETE_DEREF:
        sb_printf(o,
                  "    {\n        PyObject *cell = localsplus[%d];\n        PyObject *old = "
                  "PyCell_GET(cell);\n"
                  "        if (old == NULL) {\n            p2w_unbound_deref(tstate, frame, %d);\n "
                  "           goto %s;\n        }\n"
                  "        PyCell_SET(cell, NULL);\n        Py_DECREF(old);\n    }\n",
                  a, a, E);
        break;
    case LOAD_CLASSDEREF:
        sb_printf(o,
                  "    {\n        PyObject *v = p2w_load_classderef(tstate, frame, %d);\n"
                  "        if (v == NULL) goto %s;\n        *sp++ = v;\n    }\n",
                  a, E);
        break;
    case FORMAT_VALUE:
        sb_printf(o,
                  "    {\n        PyObject *spec = %s;\n        PyObject *v = *--sp;\n"
                  "        PyObject *r = p2w_format_value(tstate, v, spec, %d);\n"
                  "        if (r == NULL) goto %s;\n        *sp++ = r;\n    }\n",
                  (a & FVS_MASK) == FVS_HAVE_SPEC ? "*--sp" : "NULL", a, E);
        break;
    case IMPORT_NAME:
        sb_printf(o,
                  "    {\n        PyObject *fromlist = *--sp, *level = *--sp;\n"
                  "        PyObject *r = p2w_import_name(tstate, frame, PyTuple_GET_ITEM(names, "
                  "%d), fromlist, level);\n"
                  "        if (r == NULL) goto %s;\n        *sp++ = r;\n    }\n",
                  a, E);
        break;
    case IMPORT_FROM:
        sb_printf(o,
                  "    {\n        PyObject *r = p2w_import_from(tstate, sp[-1], "
                  "PyTuple_GET_ITEM(names, %d));\n"
                  "        if (r == NULL) goto %s;\n        *sp++ = r;\n    }\n",
                  a, E);
        break;
    case RAISE_VARARGS:
        if (a > 2) {
            sb_printf(o,
                      "    PyErr_SetString(PyExc_SystemError, \"bad RAISE_VARARGS oparg\");\n    "
                      "goto %s;\n",
                      E);
            break;
        }
        sb_puts(o, "    {\n        PyObject *cause = NULL, *exc = NULL;\n");
        if (a == 2) sb_puts(o, "        cause = *--sp;\n");
        if (a >= 1) sb_puts(o, "        exc = *--sp;\n");
        sb_printf(o,
                  "        if (p2w_raise(tstate, exc, cause)) goto %s;\n        goto %s;\n    }\n",
                  U, E);
        break;
    case PUSH_EXC_INFO:
        sb_puts(o, "    {\n        PyObject *value = sp[-1];\n        _PyErr_StackItem *ei = "
                   "tstate->exc_info;\n"
                   "        sp[-1] = ei->exc_value != NULL ? ei->exc_value : Py_NewRef(Py_None);\n"
                   "        *sp++ = Py_NewRef(value);\n        ei->exc_value = value;\n    }\n");
        break;
    case POP_EXCEPT:
        sb_puts(o, "    {\n        _PyErr_StackItem *ei = tstate->exc_info;\n        PyObject *old "
                   "= ei->exc_value;\n"
                   "        ei->exc_value = *--sp;\n        Py_XDECREF(old);\n    }\n");
        break;
    case CHECK_EXC_MATCH:
        sb_printf(o,
                  "    {\n        PyObject *right = *--sp;\n        int r = "
                  "p2w_check_exc_match(tstate, sp[-1], right);\n"
                  "        if (r < 0) goto %s;\n        *sp++ = Py_NewRef(r ? Py_True : "
                  "Py_False);\n    }\n",
                  E);
        break;
    case RERAISE:
        if (a)
            sb_printf(
                o,
                "    {\n        PyObject *lasti = sp[-%d];\n        if (!PyLong_Check(lasti)) {\n"
                "            PyErr_SetString(PyExc_SystemError, \"lasti is not an int\");\n        "
                "    goto %s;\n        }\n"
                "        frame->prev_instr = first_instr + PyLong_AsLong(lasti);\n    }\n",
                a + 1, E);
        sb_printf(o, "    sp--;\n    p2w_reraise(tstate, *sp);\n    goto %s;\n", U);
        break;
    case BEFORE_WITH:
    case BEFORE_ASYNC_WITH:
        sb_printf(o,
                  "    {\n        PyObject *exit;\n        PyObject *res = p2w_before_with(tstate, "
                  "sp[-1], &exit, %s);\n"
                  "        sp[-1] = exit;\n        if (res == NULL) goto %s;\n        *sp++ = "
                  "res;\n    }\n",
                  in->op == BEFORE_ASYNC_WITH ? "true" : "false", E);
        break;
    case RETURN_GENERATOR:
        /* the frame moves into the generator, which this call returns */
        sb_printf(o,
                  "    {\n        PyObject *gen = p2w_return_generator(tstate, frame, sp);\n"
                  "        if (gen == NULL) goto %s;\n"
                  "        p2w_frame_leave(tstate, frame, &cframe, localsplus);\n"
                  "        return gen;\n    }\n",
                  E);
        break;
    case YIELD_VALUE:
        /* resumed at the next instruction: see the dispatch at entry */
        sb_puts(o, "    {\n        PyObject *v = *--sp;\n"
                   "        _PyFrame_GetGenerator(frame)->gi_frame_state = FRAME_SUSPENDED;\n"
                   "        p2w_frame_leave(tstate, frame, &cframe, sp);\n"
                   "        return v;\n    }\n");
        break;
    case SEND:
        sb_printf(o,
                  "    {\n        PyObject *v = *--sp, *r;\n"
                  "        PySendResult st = PyIter_Send(sp[-1], v, &r);\n        Py_DECREF(v);\n"
                  "        if (st == PYGEN_ERROR) goto %s;\n"
                  "        if (st == PYGEN_RETURN) {\n            Py_DECREF(sp[-1]);\n"
                  "            sp[-1] = r;\n            goto i_%d;\n        }\n"
                  "        *sp++ = r;\n    }\n",
                  E, fwd);
        break;
    case GET_AWAITABLE:
        sb_printf(o, "    sp[-1] = p2w_get_awaitable(tstate, sp[-1], %d);\n", a);
        sb_printf(o, "    if (sp[-1] == NULL) goto %s;\n", E);
        break;
    case GET_YIELD_FROM_ITER:
        sb_printf(o,
                  "    sp[-1] = p2w_get_yield_from_iter(tstate, co, sp[-1]);\n"
                  "    if (sp[-1] == NULL) goto %s;\n",
                  E);
        break;
    case GET_AITER:
        sb_printf(o,
                  "    sp[-1] = p2w_get_aiter(tstate, sp[-1]);\n    if (sp[-1] == NULL) goto %s;\n",
                  E);
        break;
    case GET_ANEXT:
        sb_printf(o,
                  "    {\n        PyObject *aw = p2w_get_anext(tstate, sp[-1]);\n"
                  "        if (aw == NULL) goto %s;\n        *sp++ = aw;\n    }\n",
                  E);
        break;
    case END_ASYNC_FOR:
        /* a non-StopAsyncIteration is re-raised without a traceback entry */
        sb_printf(o,
                  "    sp--;\n    if (p2w_end_async_for(tstate, *sp) < 0) goto %s;\n"
                  "    Py_DECREF(sp[-1]);\n    sp--;\n",
                  U);
        break;
    case ASYNC_GEN_WRAP:
        sb_printf(o,
                  "    {\n        PyObject *w = _PyAsyncGenValueWrapperNew(sp[-1]);\n"
                  "        if (w == NULL) goto %s;\n        Py_SETREF(sp[-1], w);\n    }\n",
                  E);
        break;
    case MATCH_MAPPING:
    case MATCH_SEQUENCE:
        sb_printf(o,
                  "    *sp = Py_NewRef(Py_TYPE(sp[-1])->tp_flags & %s ? Py_True : Py_False);\n"
                  "    sp++;\n",
                  in->op == MATCH_MAPPING ? "Py_TPFLAGS_MAPPING" : "Py_TPFLAGS_SEQUENCE");
        break;
    case MATCH_KEYS:
        sb_printf(o,
                  "    {\n        PyObject *values = p2w_match_keys(tstate, sp[-2], sp[-1]);\n"
                  "        if (values == NULL) goto %s;\n        *sp++ = values;\n    }\n",
                  E);
        break;
    case MATCH_CLASS:
        /* stack: subject, type, keyword names -> attributes or None */
        sb_printf(o,
                  "    {\n        sp -= 2;\n"
                  "        PyObject *attrs = p2w_match_class(tstate, sp[-1], sp[0], sp[1], %d);\n"
                  "        if (attrs == NULL) goto %s;\n        Py_SETREF(sp[-1], attrs);\n    }\n",
                  a, E);
        break;
    case CHECK_EG_MATCH:
        /* [exc, type] -> [exc, None] or [rest, match] */
        sb_printf(o,
                  "    {\n        PyObject *rest;\n        sp--;\n"
                  "        PyObject *match = p2w_check_eg_match(tstate, sp[-1], *sp, &rest);\n"
                  "        if (match == NULL) goto %s;\n"
                  "        if (rest != NULL) Py_SETREF(sp[-1], rest);\n"
                  "        *sp++ = match;\n    }\n",
                  E);
        break;
    case PREP_RERAISE_STAR:
        sb_printf(
            o,
            "    {\n        sp -= 2;\n        PyObject *r = _PyExc_PrepReraiseStar(sp[0], sp[1]);\n"
            "        Py_DECREF(sp[0]);\n        Py_DECREF(sp[1]);\n"
            "        if (r == NULL) goto %s;\n        *sp++ = r;\n    }\n",
            E);
        break;
    case IMPORT_STAR:
        sb_printf(o, "    sp--;\n    if (p2w_import_star(tstate, frame, *sp) < 0) goto %s;\n", E);
        break;
    case PRINT_EXPR:
        sb_printf(o, "    sp--;\n    if (p2w_print_expr(tstate, *sp) < 0) goto %s;\n", E);
        break;
    case WITH_EXCEPT_START:
        sb_printf(o,
                  "    {\n        PyObject *res = p2w_with_except_start(sp[-4], sp[-1]);\n"
                  "        if (res == NULL) goto %s;\n        *sp++ = res;\n    }\n",
                  E);
        break;
    case LOAD_BUILD_CLASS:
        sb_printf(o,
                  "    {\n        PyObject *bc = p2w_load_build_class(tstate, frame);\n"
                  "        if (bc == NULL) goto %s;\n        *sp++ = bc;\n    }\n",
                  E);
        break;
    case LOAD_ASSERTION_ERROR: sb_puts(o, "    *sp++ = Py_NewRef(PyExc_AssertionError);\n"); break;
    case GET_LEN:
        sb_printf(
            o,
            "    {\n        Py_ssize_t n = PyObject_Length(sp[-1]);\n        if (n < 0) goto %s;\n"
            "        PyObject *len = PyLong_FromSsize_t(n);\n        if (len == NULL) goto %s;\n"
            "        *sp++ = len;\n    }\n",
            E, E);
        break;
    default: unreachable();
    }
}

/* Why CO cannot be translated, or NULL. */
static const char *fallback_reason(const Fn *f) {
    for (size_t i = 0; i < f->nins; i++)
        if (!supported(f->ins[i].op))
            return opnames[f->ins[i].op] ? opnames[f->ins[i].op] : "unknown opcode";
    return NULL;
}

/* One case of the resume dispatch: a frame suspended with prev_instr at
 * offset AT continues at instruction label i_NEXT, or with the error
 * thrown into it (gen.throw(), close()) handled as if raised at AT. */
static void resume_case(Fn *f, int at, int next) {
    char eb[32];
    sb_printf(f->out,
              "        case %d:\n            if (throwflag) goto %s;\n            goto i_%d;\n", at,
              err_label(f, at, false, eb), next);
}

/* A generator's frame is entered once per resumption; ceval continues
 * after frame->prev_instr.  A frame can be suspended only by
 * RETURN_GENERATOR and YIELD_VALUE, and genobject.c moves prev_instr to
 * just before a SEND's target when a subiterator it throws into finishes. */
static void emit_resume(Fn *f) {
    StrBuf *o = f->out;
    sb_puts(o, "    if (frame->prev_instr != first_instr - 1) {\n"
               "        switch (frame->prev_instr - first_instr) {\n");
    for (size_t i = 0; i < f->nins; i++) {
        const Instr *in = &f->ins[i];
        if (in->op == RETURN_GENERATOR || in->op == YIELD_VALUE) resume_case(f, in->off, in->next);
        if (in->op == SEND) resume_case(f, in->next + in->arg - 1, in->next + in->arg);
    }
    sb_puts(o, "        default: Py_UNREACHABLE();\n        }\n    }\n");
}

static void emit_function(Fn *f, const char *cname) {
    StrBuf *o = f->out;
    const char *name = PyUnicode_AsUTF8(f->co->co_qualname);
    sb_printf(o, "/* %s, line %d */\n", name ? name : "?", f->co->co_firstlineno);
    sb_printf(
        o,
        "static PyObject *%s(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag) {\n",
        cname);
    sb_puts(o, "    _PyCFrame cframe;\n"
               "    PyCodeObject *co = frame->f_code;\n"
               "    PyObject *consts = co->co_consts, *names = co->co_names;\n"
               "    _Py_CODEUNIT *first_instr = _PyCode_CODE(co);\n"
               "    PyObject **localsplus = frame->localsplus;\n"
               "    PyObject **stackbase = _PyFrame_Stackbase(frame);\n"
               "    PyObject *kwnames = NULL; /* KW_NAMES for the next CALL, borrowed */\n"
               "    PyObject **sp;\n"
               "    (void)consts, (void)names, (void)localsplus, (void)kwnames, (void)throwflag;\n"
               "    if (p2w_frame_enter(tstate, frame, &cframe) < 0) return NULL;\n"
               "    sp = _PyFrame_GetStackPointer(frame);\n");
    if (f->co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) emit_resume(f);
    int line = -1;
    for (size_t i = 0; i < f->nins; i++) {
        int l = PyCode_Addr2Line(f->co, f->ins[i].off * 2);
        if (l != line && l > 0) {
            line_comment(f, l);
            line = l;
        }
        emit_instr(f, &f->ins[i], i + 1 < f->nins ? &f->ins[i + 1] : NULL);
    }
    /* error paths */
    for (size_t k = 0; k < f->nexc; k++) {
        if (!f->exc_used[k]) continue;
        ExcEntry *e = &f->exc[k];
        sb_printf(o, "err_%zu:\n    p2w_traceback_here(frame);\nunwind_%zu:\n", k, k);
        sb_printf(o, "    sp = p2w_pop_to(sp, stackbase + %d);\n", e->depth);
        if (e->lasti)
            sb_printf(o,
                      "    {\n        PyObject *lasti = p2w_lasti(frame);\n        if (lasti == "
                      "NULL) goto unwind_%zu;\n"
                      "        *sp++ = lasti;\n    }\n",
                      k);
        sb_printf(o, "    *sp++ = p2w_fetch_exception(tstate);\n    goto i_%d;\n", e->target);
    }
    sb_puts(o, "err_x:\n    p2w_traceback_here(frame);\nunwind_x:\n"
               "    sp = p2w_pop_to(sp, stackbase);\n"
               "    p2w_frame_leave(tstate, frame, &cframe, sp);\n    return NULL;\n}\n\n");
}

typedef struct {
    StrBuf fns;    /* table entries */
    StrBuf guards; /* guard entries */
    size_t count;
} Tables;

/* The C function name of code object K: its position and its qualified
 * name's identifier characters (truncated), e.g. c12_Point___init__. */
static char *function_name(PyCodeObject *co, size_t k) {
    const char *q = PyUnicode_AsUTF8(co->co_qualname);
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "c%zu_", k);
    for (size_t i = 0; q && q[i] && i < 48; i++) {
        char c = q[i];
        bool ident = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        sb_append(&sb, ident ? &c : "_", 1);
    }
    return sb.data;
}

static void translate_tree(StrBuf *out, PyCodeObject *co, const char **lines, size_t nlines,
                           XlStats *stats, Tables *t) {
    size_t k = t->count++;
    Fn f = {.co = co, .out = out, .lines = lines, .nlines = nlines};
    PyObject *bytes = PyCode_GetCode(co);
    if (!bytes) internal_error(__FILE__, __LINE__, "PyCode_GetCode failed");
    decode(&f, bytes);
    Py_DECREF(bytes);
    decode_exceptions(&f);
    const char *why = fallback_reason(&f);
    if (why) {
        count_reason(stats, why);
        stats->interpreted++;
        sb_puts(&t->fns, "    NULL,\n");
    } else {
        char *cname = function_name(co, k);
        emit_function(&f, cname);
        sb_printf(&t->fns, "    %s,\n", cname);
        free(cname);
        stats->compiled++;
    }
    sb_printf(&t->guards, "    {%d, %d},\n", co->co_firstlineno, (int)Py_SIZE(co));
    free(f.ins);
    free(f.exc);
    free(f.exc_used);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c)) translate_tree(out, (PyCodeObject *)c, lines, nlines, stats, t);
    }
}

size_t xl_translate_module(StrBuf *out, PyObject *code, const char *sym, const char *source,
                           XlStats *stats) {
    const char **lines = NULL;
    size_t nlines = 0, cap = 0;
    for (const char *s = source; s && *s;) {
        grow_array((void **)&lines, &cap, nlines + 1, sizeof *lines);
        lines[nlines++] = s;
        const char *e = strchr(s, '\n');
        s = e ? e + 1 : s + strlen(s);
    }
    Tables t = {.count = 0};
    sb_init(&t.fns);
    sb_init(&t.guards);
    translate_tree(out, (PyCodeObject *)code, lines, nlines, stats, &t);
    sb_printf(out, "const p2w_compiled_fn p2w_fns_%s[] = {\n%s};\n", sym, t.fns.data);
    sb_printf(out, "const struct p2w_code_guard p2w_guards_%s[] = {\n%s};\n", sym, t.guards.data);
    sb_free(&t.fns);
    sb_free(&t.guards);
    free(lines);
    return t.count;
}

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
    StrBuf *out;
    const char **lines; /* source lines, or NULL */
    size_t nlines;
    /* the value stack, known statically at each instruction */
    int *depth;            /* depth before ins[k]; -1 when unreachable */
    int maxdepth;          /* deepest it gets */
    int sp;                /* depth at the point being emitted */
    bool cstack;           /* slots are C locals s0..sN (else the frame's stack) */
    unsigned char *labels; /* [(handler + 1) * (maxdepth + 1) + depth]: ERR_USED | UNWIND_USED */
    bool *maybe_unbound;   /* per local: LOAD_FAST must check it for NULL */
} Fn;

enum { ERR_USED = 1, UNWIND_USED = 2 };

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
}

/* The exception-table entry covering OFFSET, or -1 (ceval's
 * get_exception_handler). */
static int handler_for(const Fn *f, int offset) {
    for (size_t i = 0; i < f->nexc; i++)
        if (f->exc[i].start <= offset && offset < f->exc[i].end) return (int)i;
    return -1;
}

/* ---- the value stack ----
 * Its depth at each instruction is static (CPython's compiler relies on
 * it too).  A slot is named by its depth: in a plain function, C locals
 * s0, s1, ... that the C compiler keeps in registers; in a generator or
 * coroutine, the frame's own stack (stackbase[k]), which must hold the
 * values while the frame is suspended.  Helpers that take several
 * operands as an array get them spilled to the frame's stack first. */

/* How instruction IN changes the depth, on its jump (JUMP) or fall-through
 * path, as the values are really pushed and popped: the compiler's table
 * accounts PRECALL's arguments at CALL's, and leaves out the value a
 * generator's frame is resumed with after RETURN_GENERATOR. */
static int stack_effect(const Instr *in, bool jump) {
    switch (in->op) {
    case PRECALL: return 0;
    case CALL: return -(in->arg + 1);
    case RETURN_GENERATOR: return 1;
    default: return PyCompile_OpcodeStackEffectWithJump(in->op, in->arg, jump);
    }
}

/* The jump target (offset) of IN, or -1; *FALLS gets whether it can also
 * continue with the next instruction. */
static int jump_target(const Instr *in, bool *falls) {
    *falls = true;
    switch (in->op) {
    case JUMP_FORWARD: *falls = false; return in->next + in->arg;
    case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT: *falls = false; return in->next - in->arg;
    case POP_JUMP_FORWARD_IF_TRUE:
    case POP_JUMP_FORWARD_IF_FALSE:
    case POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE:
    case JUMP_IF_TRUE_OR_POP:
    case JUMP_IF_FALSE_OR_POP:
    case FOR_ITER:
    case SEND: return in->next + in->arg;
    case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_FALSE:
    case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_BACKWARD_IF_NOT_NONE: return in->next - in->arg;
    case RETURN_VALUE:
    case RAISE_VARARGS:
    case RERAISE: *falls = false; return -1;
    default: return -1;
    }
}

/* Records depth D for the instruction starting at code-unit OFFSET (via
 * INDEX_OF), queueing it when first seen.  False on a contradiction. */
static bool reach(Fn *f, const int *index_of, int offset, int d, int *queue, int *nqueue) {
    if (offset < 0 || offset > (int)(f->ins[f->nins - 1].next) || index_of[offset] < 0 || d < 0)
        return false;
    int k = index_of[offset];
    if (f->depth[k] >= 0) return f->depth[k] == d;
    f->depth[k] = d;
    queue[(*nqueue)++] = k;
    if (d > f->maxdepth) f->maxdepth = d;
    return true;
}

/* Computes f->depth and f->maxdepth by following every path from the
 * entry and into every exception handler.  Returns NULL, or why the
 * stack cannot be followed statically (the code then stays interpreted). */
static const char *analyse_stack(Fn *f) {
    int ncode = f->nins ? f->ins[f->nins - 1].next : 0;
    int *index_of = xcalloc((size_t)ncode + 1, sizeof(int));
    for (int i = 0; i <= ncode; i++) index_of[i] = -1;
    for (size_t k = 0; k < f->nins; k++) {
        index_of[f->ins[k].off] = (int)k;
        index_of[f->ins[k].start] = (int)k;
    }
    f->depth = xcalloc(f->nins + 1, sizeof(int));
    for (size_t k = 0; k < f->nins; k++) f->depth[k] = -1;
    int *queue = xcalloc(f->nins + 1, sizeof(int));
    int nqueue = 0;
    const char *why = NULL;
    f->maxdepth = 0;
    if (f->nins && !reach(f, index_of, f->ins[0].start, 0, queue, &nqueue)) why = "stack depth";
    while (!why && nqueue) {
        int k = queue[--nqueue];
        const Instr *in = &f->ins[k];
        int d = f->depth[k];
        bool falls;
        int target = jump_target(in, &falls);
        if (target >= 0 && !reach(f, index_of, target, d + stack_effect(in, true), queue, &nqueue))
            why = "stack depth";
        if (falls && (size_t)k + 1 < f->nins &&
            !reach(f, index_of, in->next, d + stack_effect(in, false), queue, &nqueue))
            why = "stack depth";
        int h = handler_for(f, in->off);
        if (h >= 0 && !reach(f, index_of, f->exc[h].target, f->exc[h].depth + f->exc[h].lasti + 1,
                             queue, &nqueue))
            why = "stack depth";
        if (h >= 0 && d < f->exc[h].depth) why = "stack depth";
    }
    if (!why && f->maxdepth > f->co->co_stacksize) why = "stack depth";
    free(queue);
    free(index_of);
    f->labels = xcalloc(((size_t)f->nexc + 1) * ((size_t)f->maxdepth + 1), 1);
    return why;
}

/* The C lvalue of the stack slot at depth K. */
static const char *slot(Fn *f, int k) {
    static char ring[64][24];
    static unsigned next;
    char *b = ring[next++ % 64];
    if (k < 0 || k >= f->maxdepth) internal_error(__FILE__, __LINE__, "stack slot out of range");
    snprintf(b, sizeof ring[0], f->cstack ? "s%d" : "stackbase[%d]", k);
    return b;
}

/* Copies the slots [FROM, TO) to the frame's stack, for a helper that
 * takes them as an array (stackbase + FROM); nothing when they live
 * there already. */
static void spill(Fn *f, int from, int to) {
    if (!f->cstack) return;
    for (int k = from; k < to; k++) sb_printf(f->out, "    stackbase[%d] = s%d;\n", k, k);
}

/* The reverse of spill, for a helper that wrote results there. */
static void reload(Fn *f, int from, int to) {
    if (!f->cstack) return;
    for (int k = from; k < to; k++) sb_printf(f->out, "    s%d = stackbase[%d];\n", k, k);
}

/* The label for an error at OFFSET with the current depth's slots live
 * (owned references or NULL): err_K_D records the traceback, unwind_K_D
 * does not (re-raise); both release the slots down to the depth of
 * handler K ("x": none, the frame is left) and enter it. */
static const char *err_at(Fn *f, int offset, bool unwind) {
    static char ring[16][40];
    static unsigned next;
    char *b = ring[next++ % 16];
    int h = handler_for(f, offset);
    if (f->sp > f->maxdepth || (h >= 0 && f->sp < f->exc[h].depth))
        internal_error(__FILE__, __LINE__, "error below the handler's stack depth");
    f->labels[(size_t)(h + 1) * ((size_t)f->maxdepth + 1) + (size_t)f->sp] |=
        unwind ? UNWIND_USED : ERR_USED;
    char name[16];
    if (h < 0)
        snprintf(name, sizeof name, "x");
    else
        snprintf(name, sizeof name, "%d", h);
    snprintf(b, sizeof ring[0], "%s_%s_%d", unwind ? "unwind" : "err", name, f->sp);
    return b;
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

/* Whether instruction OP must record itself in frame->prev_instr before
 * it runs: anything that can raise, release a reference (a finaliser may
 * look at the frame's line), call out or suspend.  The others set it only
 * on their error or eval-breaker paths. */
static bool needs_prev_instr(int op) {
    switch (op) {
    case NOP:
    case RESUME:
    case PUSH_NULL:
    case COPY:
    case SWAP:
    case LOAD_CONST:
    case LOAD_FAST:
    case LOAD_CLOSURE:
    case KW_NAMES:
    case PRECALL:
    case JUMP_FORWARD:
    case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT:
    case LOAD_ASSERTION_ERROR:
    case MATCH_MAPPING:
    case MATCH_SEQUENCE:
    case COPY_FREE_VARS:
    case PUSH_EXC_INFO: return false;
    default: return true;
    }
}

/* The eval-breaker check of backward jumps, RESUME and calls; OFFSET is
 * recorded as the current instruction first when it is not already. */
static void breaker(Fn *f, const char *err, int offset, bool record) {
    StrBuf *o = f->out;
    sb_puts(o, "        if (p2w_unlikely(p2w_eval_breaker(tstate))) {\n");
    if (record) sb_printf(o, "            frame->prev_instr = first_instr + %d;\n", offset);
    sb_printf(o, "            if (p2w_handle_pending(tstate) < 0) goto %s;\n        }\n", err);
}

/* A helper taking the N slots below the top as an array (stolen) and
 * pushing its result: CALL_FMT is its call with "%s" for the array. */
static void array_helper(Fn *f, const Instr *in, const char *call_fmt, int n) {
    StrBuf *o = f->out;
    int base = f->sp - n;
    spill(f, base, f->sp);
    f->sp = base;
    char arr[32];
    snprintf(arr, sizeof arr, "stackbase + %d", base);
    sb_puts(o, "    {\n        PyObject *r = ");
    sb_printf(o, call_fmt, arr);
    sb_printf(o, ";\n        if (r == NULL) goto %s;\n        %s = r;\n    }\n",
              err_at(f, in->off, false), slot(f, base));
    f->sp = base + 1;
}

/* BUILD_TUPLE / BUILD_LIST straight from the slots: NEW_FN makes the
 * container, SET_FN fills it. */
static void build_sequence(Fn *f, const Instr *in, const char *new_fn, const char *set_fn) {
    StrBuf *o = f->out;
    int n = in->arg, base = f->sp - n;
    sb_printf(o, "    {\n        PyObject *r = %s(%d);\n        if (r == NULL) goto %s;\n", new_fn,
              n, err_at(f, in->off, false));
    for (int i = 0; i < n; i++)
        sb_printf(o, "        %s(r, %d, %s);\n", set_fn, i, slot(f, base + i));
    sb_printf(o, "        %s = r;\n    }\n", slot(f, base));
    f->sp = base + 1;
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
 * in the C variable t (its operand already popped); AT is the offset the
 * instruction doing the jump records. */
static void emit_jump_on_truth(Fn *f, const Instr *j, int at) {
    StrBuf *o = f->out;
    bool on_true = j->op == POP_JUMP_FORWARD_IF_TRUE || j->op == POP_JUMP_BACKWARD_IF_TRUE;
    const char *test = on_true ? "t" : "!t";
    if (j->op == POP_JUMP_FORWARD_IF_TRUE || j->op == POP_JUMP_FORWARD_IF_FALSE) {
        sb_printf(o, "        if (%s) goto i_%d;\n", test, j->next + j->arg);
        return;
    }
    /* ceval jumps, then checks the breaker: an error there is looked up at
     * the instruction before the target */
    int back = j->next - j->arg;
    sb_printf(o, "        if (%s) {\n", test);
    breaker(f, err_at(f, back - 1, false), at, false);
    sb_printf(o, "            goto i_%d;\n        }\n", back);
}

/* Emits the block of one instruction, entered with f->sp at its depth;
 * NEXT is the instruction after it, or NULL. */
static void emit_instr(Fn *f, const Instr *in, const Instr *next) {
    StrBuf *o = f->out;
    int a = in->arg, d = f->sp;
    int fwd = in->next + a, back = in->next - a;
    /* jumps and handlers target the first EXTENDED_ARG of an instruction */
    if (in->start != in->off) sb_printf(o, "i_%d:\n", in->start);
    sb_printf(o, "i_%d: /* %s %d */\n", in->off, opnames[in->op] ? opnames[in->op] : "?", a);
    if (needs_prev_instr(in->op))
        sb_printf(o, "    frame->prev_instr = first_instr + %d;\n", in->off);
#define E err_at(f, in->off, false)
#define U err_at(f, in->off, true)
#define S(k) slot(f, (k))
    switch (in->op) {
    case NOP: break;
    case RESUME:
        if (a < 2) breaker(f, E, in->off, true);
        break;
    case POP_TOP:
        sb_printf(o, "    Py_DECREF(%s);\n", S(d - 1));
        f->sp = d - 1;
        break;
    case PUSH_NULL:
        sb_printf(o, "    %s = NULL;\n", S(d));
        f->sp = d + 1;
        break;
    case COPY:
        sb_printf(o, "    %s = %s;\n    Py_XINCREF(%s);\n", S(d), S(d - a), S(d));
        f->sp = d + 1;
        break;
    case SWAP:
        sb_printf(o, "    { PyObject *t = %s; %s = %s; %s = t; }\n", S(d - 1), S(d - 1), S(d - a),
                  S(d - a));
        break;
    case LOAD_CONST:
        sb_printf(o, "    %s = Py_NewRef(PyTuple_GET_ITEM(consts, %d));\n", S(d), a);
        f->sp = d + 1;
        break;
    case LOAD_FAST:
    case LOAD_CLOSURE:
        if (!f->maybe_unbound[a]) {
            sb_printf(o, "    %s = Py_NewRef(localsplus[%d]);\n", S(d), a);
            f->sp = d + 1;
            break;
        }
        sb_printf(o,
                  "    if (p2w_unlikely(localsplus[%d] == NULL)) {\n"
                  "        frame->prev_instr = first_instr + %d;\n"
                  "        p2w_unbound_local(tstate, frame, %d);\n        goto %s;\n    }\n"
                  "    %s = Py_NewRef(localsplus[%d]);\n",
                  a, in->off, a, E, S(d), a);
        f->sp = d + 1;
        break;
    case STORE_FAST:
        sb_printf(o,
                  "    { PyObject *old = localsplus[%d]; localsplus[%d] = %s; Py_XDECREF(old); }\n",
                  a, a, S(d - 1));
        f->sp = d - 1;
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
                  "        if (v == NULL) goto %s;\n",
                  a >> 1, E);
        if (a & 1) {
            sb_printf(o, "        %s = NULL;\n", S(d));
            d++;
        }
        sb_printf(o, "        %s = v;\n    }\n", S(d));
        f->sp = d + 1;
        break;
    case LOAD_NAME:
        sb_printf(o,
                  "    {\n        PyObject *v = p2w_load_name(tstate, frame, "
                  "PyTuple_GET_ITEM(names, %d));\n"
                  "        if (v == NULL) goto %s;\n        %s = v;\n    }\n",
                  a, E, S(d));
        f->sp = d + 1;
        break;
    case STORE_NAME:
        f->sp = d - 1;
        sb_printf(o,
                  "    if (p2w_store_name(tstate, frame, PyTuple_GET_ITEM(names, %d), %s) < 0) "
                  "goto %s;\n",
                  a, S(d - 1), E);
        break;
    case DELETE_NAME:
        sb_printf(
            o,
            "    if (p2w_delete_name(tstate, frame, PyTuple_GET_ITEM(names, %d)) < 0) goto %s;\n",
            a, E);
        break;
    case STORE_GLOBAL:
        f->sp = d - 1;
        sb_printf(
            o, "    if (p2w_store_global(frame, PyTuple_GET_ITEM(names, %d), %s) < 0) goto %s;\n",
            a, S(d - 1), E);
        break;
    case DELETE_GLOBAL:
        sb_printf(
            o,
            "    if (p2w_delete_global(tstate, frame, PyTuple_GET_ITEM(names, %d)) < 0) goto %s;\n",
            a, E);
        break;
    case LOAD_ATTR:
        sb_printf(o,
                  "    {\n        static p2w_attr_cache cache;\n        PyObject *owner = %s;\n"
                  "        %s = p2w_load_attr_cached(owner, PyTuple_GET_ITEM(names, %d), &cache);\n"
                  "        Py_DECREF(owner);\n        if (%s == NULL) goto %s;\n    }\n",
                  S(d - 1), S(d - 1), a, S(d - 1), E);
        break;
    case STORE_ATTR:
        f->sp = d - 2;
        sb_printf(o,
                  "    {\n        static p2w_attr_cache cache;\n"
                  "        if (p2w_store_attr_cached(%s, PyTuple_GET_ITEM(names, %d), %s, &cache) "
                  "< 0) goto %s;\n    }\n",
                  S(d - 1), a, S(d - 2), E);
        break;
    case DELETE_ATTR:
        f->sp = d - 1;
        sb_printf(o,
                  "    {\n        PyObject *owner = %s;\n"
                  "        int err = PyObject_SetAttr(owner, PyTuple_GET_ITEM(names, %d), NULL);\n"
                  "        Py_DECREF(owner);\n        if (err) goto %s;\n    }\n",
                  S(d - 1), a, E);
        break;
    case LOAD_METHOD:
        sb_printf(o,
                  "    {\n        static p2w_method_cache cache;\n"
                  "        PyObject *obj = %s, *meth;\n"
                  "        int found = p2w_load_method_cached(obj, PyTuple_GET_ITEM(names, %d), "
                  "&meth, &cache);\n"
                  "        if (meth == NULL) goto %s;\n"
                  "        if (found) {\n            %s = meth;\n            %s = obj;\n"
                  "        } else {\n            %s = NULL;\n            Py_DECREF(obj);\n"
                  "            %s = meth;\n        }\n    }\n",
                  S(d - 1), a, E, S(d - 1), S(d), S(d - 1), S(d));
        f->sp = d + 1;
        break;
    case PRECALL: {
        /* a bound method in the callable's place is split into function
         * and self, as ceval's PRECALL does */
        const char *callable = S(d - a - 2), *self = S(d - a - 1);
        sb_printf(o,
                  "    if (%s == NULL && Py_IS_TYPE(%s, &PyMethod_Type)) {\n"
                  "        PyObject *m = %s;\n"
                  "        %s = Py_NewRef(PyMethod_GET_FUNCTION(m));\n"
                  "        %s = Py_NewRef(PyMethod_GET_SELF(m));\n"
                  "        Py_DECREF(m);\n    }\n",
                  callable, self, self, callable, self);
        break;
    }
    case KW_NAMES: sb_printf(o, "    kwnames = PyTuple_GET_ITEM(consts, %d);\n", a); break;
    case CALL: {
        int base = d - a - 2;
        spill(f, base, d);
        f->sp = base + 1;
        sb_printf(o,
                  "    {\n        PyObject *res = p2w_call(tstate, stackbase + %d, %d, kwnames);\n"
                  "        kwnames = NULL;\n        %s = res;\n        if (res == NULL) goto %s;\n",
                  d, a, S(base), E);
        breaker(f, E, in->off, false);
        sb_puts(o, "    }\n");
        break;
    }
    case BINARY_OP:
        f->sp = d - 1;
        sb_printf(o, "    %s = p2w_binary_op_fast(%s, %s, %d);\n    if (%s == NULL) goto %s;\n",
                  S(d - 2), S(d - 2), S(d - 1), a, S(d - 2), E);
        break;
    case UNARY_POSITIVE:
    case UNARY_NEGATIVE:
    case UNARY_INVERT:
        sb_printf(o,
                  "    {\n        PyObject *v = %s;\n        %s = %s(v);\n        Py_DECREF(v);\n"
                  "        if (%s == NULL) goto %s;\n    }\n",
                  S(d - 1), S(d - 1), unary_fn(in->op), S(d - 1), E);
        break;
    case UNARY_NOT:
        sb_printf(o,
                  "    {\n        int t = p2w_truth_steal(%s);\n        %s = NULL;\n"
                  "        if (t < 0) goto %s;\n        %s = Py_NewRef(t ? Py_False : Py_True);\n"
                  "    }\n",
                  S(d - 1), S(d - 1), E, S(d - 1));
        break;
    case COMPARE_OP:
        if (next && is_truth_jump(next->op)) {
            /* a test: its truth goes straight to the jump, no bool made
             * (the jump's own block stays for other paths into it) */
            f->sp = d - 2;
            sb_printf(o,
                      "    {\n        int t = p2w_compare_truth(%s, %s, %d);\n"
                      "        if (t < 0) goto %s;\n",
                      S(d - 2), S(d - 1), a, E);
            emit_jump_on_truth(f, next, in->off);
            sb_printf(o, "        goto i_%d;\n    }\n", next->next);
            f->sp = d - 1; /* the jump's own block follows, entered with the bool */
            break;
        }
        f->sp = d - 1;
        sb_printf(o,
                  "    {\n        PyObject *r = %s, *l = %s;\n"
                  "        %s = PyObject_RichCompare(l, r, %d);\n"
                  "        Py_DECREF(l);\n        Py_DECREF(r);\n        if (%s == NULL) goto %s;\n"
                  "    }\n",
                  S(d - 1), S(d - 2), S(d - 2), a, S(d - 2), E);
        break;
    case IS_OP:
        sb_printf(o,
                  "    {\n        PyObject *r = %s, *l = %s;\n        int res = (l == r) ^ %d;\n"
                  "        Py_DECREF(l);\n        Py_DECREF(r);\n"
                  "        %s = Py_NewRef(res ? Py_True : Py_False);\n    }\n",
                  S(d - 1), S(d - 2), a, S(d - 2));
        f->sp = d - 1;
        break;
    case CONTAINS_OP:
        f->sp = d - 2;
        sb_printf(o,
                  "    {\n        PyObject *r = %s, *l = %s;\n"
                  "        int res = PySequence_Contains(r, l);\n"
                  "        Py_DECREF(l);\n        Py_DECREF(r);\n        if (res < 0) goto %s;\n"
                  "        %s = Py_NewRef((res ^ %d) ? Py_True : Py_False);\n    }\n",
                  S(d - 1), S(d - 2), E, S(d - 2), a);
        f->sp = d - 1;
        break;
    case BINARY_SUBSCR:
        f->sp = d - 1;
        sb_printf(o, "    %s = p2w_subscr_fast(%s, %s);\n    if (%s == NULL) goto %s;\n", S(d - 2),
                  S(d - 2), S(d - 1), S(d - 2), E);
        break;
    case STORE_SUBSCR:
        /* stack: value, container, key */
        f->sp = d - 3;
        sb_printf(o, "    if (p2w_store_subscr_fast(%s, %s, %s) < 0) goto %s;\n", S(d - 2),
                  S(d - 1), S(d - 3), E);
        break;
    case DELETE_SUBSCR:
        f->sp = d - 2;
        sb_printf(o,
                  "    {\n        PyObject *sub = %s, *c = %s;\n"
                  "        int err = PyObject_DelItem(c, sub);\n        Py_DECREF(c);\n"
                  "        Py_DECREF(sub);\n        if (err) goto %s;\n    }\n",
                  S(d - 1), S(d - 2), E);
        break;
    case BUILD_TUPLE: build_sequence(f, in, "PyTuple_New", "PyTuple_SET_ITEM"); break;
    case BUILD_LIST: build_sequence(f, in, "PyList_New", "PyList_SET_ITEM"); break;
    case BUILD_SET: {
        char call[64];
        snprintf(call, sizeof call, "p2w_build_set(%%s, %d)", a);
        array_helper(f, in, call, a);
        break;
    }
    case BUILD_STRING: {
        char call[64];
        snprintf(call, sizeof call, "p2w_build_string(%%s, %d)", a);
        array_helper(f, in, call, a);
        break;
    }
    case BUILD_SLICE: {
        char call[64];
        snprintf(call, sizeof call, "p2w_build_slice(%%s, %d)", a);
        array_helper(f, in, call, a);
        break;
    }
    case BUILD_MAP: {
        char call[64];
        snprintf(call, sizeof call, "p2w_build_map(%%s, %d)", a);
        array_helper(f, in, call, 2 * a);
        break;
    }
    case BUILD_CONST_KEY_MAP: {
        char call[64];
        snprintf(call, sizeof call, "p2w_build_const_key_map(%%s, %d)", a);
        array_helper(f, in, call, a + 1);
        break;
    }
    case MAKE_FUNCTION: {
        int n = 1 + !!(a & 1) + !!(a & 2) + !!(a & 4) + !!(a & 8);
        char call[80];
        snprintf(call, sizeof call, "p2w_make_function(frame, %%s, %d, %d)", n, a);
        array_helper(f, in, call, n);
        break;
    }
    case LIST_APPEND:
        f->sp = d - 1;
        sb_printf(o, "    if (_PyList_AppendTakeRef((PyListObject *)%s, %s) < 0) goto %s;\n",
                  S(d - 1 - a), S(d - 1), E);
        break;
    case SET_ADD:
        f->sp = d - 1;
        sb_printf(o,
                  "    {\n        PyObject *v = %s;\n        int err = PySet_Add(%s, v);\n"
                  "        Py_DECREF(v);\n        if (err) goto %s;\n    }\n",
                  S(d - 1), S(d - 1 - a), E);
        break;
    case MAP_ADD:
        f->sp = d - 2;
        sb_printf(o, "    if (_PyDict_SetItem_Take2((PyDictObject *)%s, %s, %s) != 0) goto %s;\n",
                  S(d - 2 - a), S(d - 2), S(d - 1), E);
        break;
    case LIST_EXTEND:
        f->sp = d - 1;
        sb_printf(o, "    if (p2w_list_extend(tstate, %s, %s) < 0) goto %s;\n", S(d - 1 - a),
                  S(d - 1), E);
        break;
    case SET_UPDATE:
        f->sp = d - 1;
        sb_printf(o, "    if (p2w_set_update(%s, %s) < 0) goto %s;\n", S(d - 1 - a), S(d - 1), E);
        break;
    case DICT_UPDATE:
        f->sp = d - 1;
        sb_printf(o, "    if (p2w_dict_update(tstate, %s, %s) < 0) goto %s;\n", S(d - 1 - a),
                  S(d - 1), E);
        break;
    case DICT_MERGE:
        /* the called function sits below the dict: only named in errors */
        f->sp = d - 1;
        sb_printf(o, "    if (p2w_dict_merge(tstate, %s, %s, %s) < 0) goto %s;\n", S(d - 1 - a),
                  S(d - 1), S(d - 3 - a), E);
        break;
    case SETUP_ANNOTATIONS:
        sb_printf(o, "    if (p2w_setup_annotations(tstate, frame->f_locals) < 0) goto %s;\n", E);
        break;
    case CALL_FUNCTION_EX: {
        /* stack: NULL, func, args[, kwargs]; the result replaces the NULL */
        int k = d;
        const char *kwargs = (a & 1) ? S(--k) : "NULL";
        const char *args = S(--k);
        f->sp = k - 1;
        sb_printf(o,
                  "    {\n        PyObject *res = p2w_call_function_ex(tstate, %s, %s, %s);\n"
                  "        Py_DECREF(%s);\n        Py_XDECREF(%s);\n        %s = res;\n"
                  "        if (res == NULL) goto %s;\n",
                  S(k - 1), args, kwargs, S(k - 1), S(k - 2), S(k - 2), E);
        breaker(f, E, in->off, false);
        sb_puts(o, "    }\n");
        break;
    }
    case LIST_TO_TUPLE:
        sb_printf(o,
                  "    {\n        PyObject *l = %s;\n        %s = PyList_AsTuple(l);\n"
                  "        Py_DECREF(l);\n        if (%s == NULL) goto %s;\n    }\n",
                  S(d - 1), S(d - 1), S(d - 1), E);
        break;
    case UNPACK_SEQUENCE: {
        /* exact tuples and lists of the right length in place
         * (UNPACK_SEQUENCE_TUPLE / _LIST); the first item ends on top */
        int base = d - 1;
        f->sp = base;
        sb_printf(o,
                  "    {\n        PyObject *seq = %s, **items = NULL;\n"
                  "        if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == %d)\n"
                  "            items = _PyTuple_ITEMS(seq);\n"
                  "        else if (PyList_CheckExact(seq) && PyList_GET_SIZE(seq) == %d)\n"
                  "            items = _PyList_ITEMS(seq);\n"
                  "        if (items != NULL) {\n",
                  S(base), a, a);
        for (int i = 0; i < a; i++)
            sb_printf(o, "            %s = Py_NewRef(items[%d]);\n", S(base + a - 1 - i), i);
        sb_printf(o,
                  "            Py_DECREF(seq);\n        } else {\n"
                  "            if (p2w_unpack(tstate, seq, %d, -1, stackbase + %d) < 0) goto %s;\n",
                  a, base + a, E);
        if (f->cstack)
            for (int k = base; k < base + a; k++)
                sb_printf(o, "            s%d = stackbase[%d];\n", k, k);
        sb_puts(o, "        }\n    }\n");
        f->sp = base + a;
        break;
    }
    case UNPACK_EX: {
        int total = 1 + (a & 0xff) + (a >> 8), base = d - 1;
        f->sp = base;
        sb_printf(o, "    if (p2w_unpack(tstate, %s, %d, %d, stackbase + %d) < 0) goto %s;\n",
                  S(base), a & 0xff, a >> 8, base + total, E);
        reload(f, base, base + total);
        f->sp = base + total;
        break;
    }
    case GET_ITER:
        sb_printf(o,
                  "    {\n        PyObject *v = %s;\n        %s = PyObject_GetIter(v);\n"
                  "        Py_DECREF(v);\n        if (%s == NULL) goto %s;\n    }\n",
                  S(d - 1), S(d - 1), S(d - 1), E);
        break;
    case FOR_ITER:
        sb_printf(o,
                  "    {\n        PyObject *next = p2w_iter_next(%s);\n"
                  "        if (next != NULL) {\n            %s = next;\n        } else {\n"
                  "            if (_PyErr_Occurred(tstate)) {\n"
                  "                if (!_PyErr_ExceptionMatches(tstate, PyExc_StopIteration)) goto "
                  "%s;\n"
                  "                _PyErr_Clear(tstate);\n            }\n"
                  "            Py_DECREF(%s);\n            goto i_%d;\n        }\n    }\n",
                  S(d - 1), S(d), E, S(d - 1), fwd);
        f->sp = d + 1;
        break;
    case JUMP_FORWARD: sb_printf(o, "    goto i_%d;\n", fwd); break;
    case JUMP_BACKWARD_NO_INTERRUPT: sb_printf(o, "    goto i_%d;\n", back); break;
    case JUMP_BACKWARD:
        /* ceval jumps, then checks the breaker: an error there is looked
         * up at the instruction before the target */
        sb_puts(o, "    {\n");
        breaker(f, err_at(f, back - 1, false), in->off, true);
        sb_printf(o, "        goto i_%d;\n    }\n", back);
        break;
    case POP_JUMP_FORWARD_IF_TRUE:
    case POP_JUMP_FORWARD_IF_FALSE:
    case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_FALSE:
        f->sp = d - 1;
        sb_printf(o, "    {\n        int t = p2w_truth_steal(%s);\n        if (t < 0) goto %s;\n",
                  S(d - 1), E);
        emit_jump_on_truth(f, in, in->off);
        sb_puts(o, "    }\n");
        break;
    case POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE:
        f->sp = d - 1;
        sb_printf(o,
                  "    {\n        PyObject *v = %s;\n        int is_none = Py_IsNone(v);\n"
                  "        Py_DECREF(v);\n        if (%sis_none) goto i_%d;\n    }\n",
                  S(d - 1), in->op == POP_JUMP_FORWARD_IF_NOT_NONE ? "!" : "", fwd);
        break;
    case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_BACKWARD_IF_NOT_NONE:
        f->sp = d - 1;
        sb_printf(o,
                  "    {\n        PyObject *v = %s;\n        int is_none = Py_IsNone(v);\n"
                  "        Py_DECREF(v);\n        if (%sis_none) {\n",
                  S(d - 1), in->op == POP_JUMP_BACKWARD_IF_NOT_NONE ? "!" : "");
        breaker(f, err_at(f, back - 1, false), in->off, false);
        sb_printf(o, "            goto i_%d;\n        }\n    }\n", back);
        break;
    case JUMP_IF_TRUE_OR_POP:
    case JUMP_IF_FALSE_OR_POP:
        sb_printf(o,
                  "    {\n        PyObject *c = %s;\n"
                  "        int t = c == Py_True ? 1 : c == Py_False ? 0 : PyObject_IsTrue(c);\n"
                  "        if (t < 0) goto %s;\n        if (%st) goto i_%d;\n"
                  "        Py_DECREF(c);\n    }\n",
                  S(d - 1), E, in->op == JUMP_IF_TRUE_OR_POP ? "" : "!", fwd);
        f->sp = d - 1;
        break;
    case RETURN_VALUE:
        sb_printf(o,
                  "    {\n        PyObject *retval = %s;\n"
                  "        p2w_frame_leave(tstate, frame, &cframe, stackbase + %d);\n"
                  "        return retval;\n    }\n",
                  S(d - 1), d - 1);
        break;
    case MAKE_CELL:
        sb_printf(o,
                  "    {\n        PyObject *cell = PyCell_New(localsplus[%d]);\n"
                  "        if (cell == NULL) goto %s;\n"
                  "        PyObject *old = localsplus[%d];\n        localsplus[%d] = cell;\n"
                  "        Py_XDECREF(old);\n    }\n",
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
                  "        if (v == NULL) {\n            p2w_unbound_deref(tstate, frame, %d);\n"
                  "            goto %s;\n        }\n"
                  "        %s = Py_NewRef(v);\n    }\n",
                  a, a, E, S(d));
        f->sp = d + 1;
        break;
    case STORE_DEREF:
        sb_printf(o,
                  "    {\n        PyObject *cell = localsplus[%d];\n"
                  "        PyObject *old = PyCell_GET(cell);\n"
                  "        PyCell_SET(cell, %s);\n        Py_XDECREF(old);\n    }\n",
                  a, S(d - 1));
        f->sp = d - 1;
        break;
    case DELETE_DEREF:
        sb_printf(o,
                  "    {\n        PyObject *cell = localsplus[%d];\n"
                  "        PyObject *old = PyCell_GET(cell);\n"
                  "        if (old == NULL) {\n            p2w_unbound_deref(tstate, frame, %d);\n"
                  "            goto %s;\n        }\n"
                  "        PyCell_SET(cell, NULL);\n        Py_DECREF(old);\n    }\n",
                  a, a, E);
        break;
    case LOAD_CLASSDEREF:
        sb_printf(o,
                  "    {\n        PyObject *v = p2w_load_classderef(tstate, frame, %d);\n"
                  "        if (v == NULL) goto %s;\n        %s = v;\n    }\n",
                  a, E, S(d));
        f->sp = d + 1;
        break;
    case FORMAT_VALUE: {
        int k = d;
        const char *spec = (a & FVS_MASK) == FVS_HAVE_SPEC ? S(--k) : "NULL";
        const char *v = S(--k);
        f->sp = k;
        sb_printf(o,
                  "    {\n        PyObject *r = p2w_format_value(tstate, %s, %s, %d);\n"
                  "        if (r == NULL) goto %s;\n        %s = r;\n    }\n",
                  v, spec, a, E, S(k));
        f->sp = k + 1;
        break;
    }
    case IMPORT_NAME:
        f->sp = d - 2;
        sb_printf(o,
                  "    {\n        PyObject *r = p2w_import_name(tstate, frame, "
                  "PyTuple_GET_ITEM(names, %d), %s, %s);\n"
                  "        if (r == NULL) goto %s;\n        %s = r;\n    }\n",
                  a, S(d - 1), S(d - 2), E, S(d - 2));
        f->sp = d - 1;
        break;
    case IMPORT_FROM:
        sb_printf(o,
                  "    {\n        PyObject *r = p2w_import_from(tstate, %s, "
                  "PyTuple_GET_ITEM(names, %d));\n"
                  "        if (r == NULL) goto %s;\n        %s = r;\n    }\n",
                  S(d - 1), a, E, S(d));
        f->sp = d + 1;
        break;
    case RAISE_VARARGS: {
        if (a > 2) {
            sb_printf(o,
                      "    PyErr_SetString(PyExc_SystemError, \"bad RAISE_VARARGS oparg\");\n"
                      "    goto %s;\n",
                      E);
            break;
        }
        int k = d;
        const char *cause = a == 2 ? S(--k) : "NULL";
        const char *exc = a >= 1 ? S(--k) : "NULL";
        f->sp = k;
        sb_printf(o, "    if (p2w_raise(tstate, %s, %s)) goto %s;\n    goto %s;\n", exc, cause, U,
                  E);
        break;
    }
    case PUSH_EXC_INFO:
        sb_printf(o,
                  "    {\n        PyObject *value = %s;\n"
                  "        _PyErr_StackItem *ei = tstate->exc_info;\n"
                  "        %s = ei->exc_value != NULL ? ei->exc_value : Py_NewRef(Py_None);\n"
                  "        %s = Py_NewRef(value);\n        ei->exc_value = value;\n    }\n",
                  S(d - 1), S(d - 1), S(d));
        f->sp = d + 1;
        break;
    case POP_EXCEPT:
        sb_printf(o,
                  "    {\n        _PyErr_StackItem *ei = tstate->exc_info;\n"
                  "        PyObject *old = ei->exc_value;\n"
                  "        ei->exc_value = %s;\n        Py_XDECREF(old);\n    }\n",
                  S(d - 1));
        f->sp = d - 1;
        break;
    case CHECK_EXC_MATCH:
        f->sp = d - 1;
        sb_printf(o,
                  "    {\n        int r = p2w_check_exc_match(tstate, %s, %s);\n"
                  "        if (r < 0) goto %s;\n        %s = Py_NewRef(r ? Py_True : Py_False);\n"
                  "    }\n",
                  S(d - 2), S(d - 1), E, S(d - 1));
        f->sp = d;
        break;
    case RERAISE:
        if (a)
            sb_printf(o,
                      "    {\n        PyObject *lasti = %s;\n        if (!PyLong_Check(lasti)) {\n"
                      "            PyErr_SetString(PyExc_SystemError, \"lasti is not an int\");\n"
                      "            goto %s;\n        }\n"
                      "        frame->prev_instr = first_instr + PyLong_AsLong(lasti);\n    }\n",
                      S(d - 1 - a), E);
        f->sp = d - 1;
        sb_printf(o, "    p2w_reraise(tstate, %s);\n    goto %s;\n", S(d - 1), U);
        break;
    case BEFORE_WITH:
    case BEFORE_ASYNC_WITH:
        sb_printf(o,
                  "    {\n        PyObject *exit;\n"
                  "        PyObject *res = p2w_before_with(tstate, %s, &exit, %s);\n"
                  "        %s = exit;\n        if (res == NULL) goto %s;\n        %s = res;\n"
                  "    }\n",
                  S(d - 1), in->op == BEFORE_ASYNC_WITH ? "true" : "false", S(d - 1), E, S(d));
        f->sp = d + 1;
        break;
    case RETURN_GENERATOR:
        /* the frame moves into the generator, which this call returns; it
         * is resumed with the value sent pushed */
        sb_printf(o,
                  "    {\n        PyObject *gen = p2w_return_generator(tstate, frame, stackbase + "
                  "%d);\n"
                  "        if (gen == NULL) goto %s;\n"
                  "        p2w_frame_leave(tstate, frame, &cframe, localsplus);\n"
                  "        return gen;\n    }\n",
                  d, E);
        f->sp = d + 1;
        break;
    case YIELD_VALUE:
        /* resumed at the next instruction with the value sent pushed: see
         * the dispatch at entry */
        sb_printf(o,
                  "    {\n        PyObject *v = %s;\n"
                  "        _PyFrame_GetGenerator(frame)->gi_frame_state = FRAME_SUSPENDED;\n"
                  "        p2w_frame_leave(tstate, frame, &cframe, stackbase + %d);\n"
                  "        return v;\n    }\n",
                  S(d - 1), d - 1);
        break;
    case SEND:
        f->sp = d - 1;
        sb_printf(o,
                  "    {\n        PyObject *v = %s, *r;\n"
                  "        PySendResult st = PyIter_Send(%s, v, &r);\n        Py_DECREF(v);\n"
                  "        if (st == PYGEN_ERROR) goto %s;\n"
                  "        if (st == PYGEN_RETURN) {\n            Py_DECREF(%s);\n"
                  "            %s = r;\n            goto i_%d;\n        }\n"
                  "        %s = r;\n    }\n",
                  S(d - 1), S(d - 2), E, S(d - 2), S(d - 2), fwd, S(d - 1));
        f->sp = d;
        break;
    case GET_AWAITABLE:
        sb_printf(o, "    %s = p2w_get_awaitable(tstate, %s, %d);\n    if (%s == NULL) goto %s;\n",
                  S(d - 1), S(d - 1), a, S(d - 1), E);
        break;
    case GET_YIELD_FROM_ITER:
        sb_printf(o,
                  "    %s = p2w_get_yield_from_iter(tstate, co, %s);\n"
                  "    if (%s == NULL) goto %s;\n",
                  S(d - 1), S(d - 1), S(d - 1), E);
        break;
    case GET_AITER:
        sb_printf(o, "    %s = p2w_get_aiter(tstate, %s);\n    if (%s == NULL) goto %s;\n",
                  S(d - 1), S(d - 1), S(d - 1), E);
        break;
    case GET_ANEXT:
        sb_printf(o,
                  "    {\n        PyObject *aw = p2w_get_anext(tstate, %s);\n"
                  "        if (aw == NULL) goto %s;\n        %s = aw;\n    }\n",
                  S(d - 1), E, S(d));
        f->sp = d + 1;
        break;
    case END_ASYNC_FOR:
        /* a non-StopAsyncIteration is re-raised without a traceback entry */
        f->sp = d - 1;
        sb_printf(o, "    if (p2w_end_async_for(tstate, %s) < 0) goto %s;\n    Py_DECREF(%s);\n",
                  S(d - 1), U, S(d - 2));
        f->sp = d - 2;
        break;
    case ASYNC_GEN_WRAP:
        sb_printf(o,
                  "    {\n        PyObject *w = _PyAsyncGenValueWrapperNew(%s);\n"
                  "        if (w == NULL) goto %s;\n        Py_SETREF(%s, w);\n    }\n",
                  S(d - 1), E, S(d - 1));
        break;
    case MATCH_MAPPING:
    case MATCH_SEQUENCE:
        sb_printf(o, "    %s = Py_NewRef(Py_TYPE(%s)->tp_flags & %s ? Py_True : Py_False);\n", S(d),
                  S(d - 1), in->op == MATCH_MAPPING ? "Py_TPFLAGS_MAPPING" : "Py_TPFLAGS_SEQUENCE");
        f->sp = d + 1;
        break;
    case MATCH_KEYS:
        sb_printf(o,
                  "    {\n        PyObject *values = p2w_match_keys(tstate, %s, %s);\n"
                  "        if (values == NULL) goto %s;\n        %s = values;\n    }\n",
                  S(d - 2), S(d - 1), E, S(d));
        f->sp = d + 1;
        break;
    case MATCH_CLASS:
        /* stack: subject, type, keyword names -> attributes or None */
        f->sp = d - 2;
        sb_printf(o,
                  "    {\n        PyObject *attrs = p2w_match_class(tstate, %s, %s, %s, %d);\n"
                  "        if (attrs == NULL) goto %s;\n        Py_SETREF(%s, attrs);\n    }\n",
                  S(d - 3), S(d - 2), S(d - 1), a, E, S(d - 3));
        break;
    case CHECK_EG_MATCH:
        /* [exc, type] -> [exc, None] or [rest, match] */
        f->sp = d - 1;
        sb_printf(o,
                  "    {\n        PyObject *rest;\n"
                  "        PyObject *match = p2w_check_eg_match(tstate, %s, %s, &rest);\n"
                  "        if (match == NULL) goto %s;\n"
                  "        if (rest != NULL) Py_SETREF(%s, rest);\n"
                  "        %s = match;\n    }\n",
                  S(d - 2), S(d - 1), E, S(d - 2), S(d - 1));
        f->sp = d;
        break;
    case PREP_RERAISE_STAR:
        f->sp = d - 2;
        sb_printf(o,
                  "    {\n        PyObject *r = _PyExc_PrepReraiseStar(%s, %s);\n"
                  "        Py_DECREF(%s);\n        Py_DECREF(%s);\n"
                  "        if (r == NULL) goto %s;\n        %s = r;\n    }\n",
                  S(d - 2), S(d - 1), S(d - 2), S(d - 1), E, S(d - 2));
        f->sp = d - 1;
        break;
    case IMPORT_STAR:
        f->sp = d - 1;
        sb_printf(o, "    if (p2w_import_star(tstate, frame, %s) < 0) goto %s;\n", S(d - 1), E);
        break;
    case PRINT_EXPR:
        f->sp = d - 1;
        sb_printf(o, "    if (p2w_print_expr(tstate, %s) < 0) goto %s;\n", S(d - 1), E);
        break;
    case WITH_EXCEPT_START:
        sb_printf(o,
                  "    {\n        PyObject *res = p2w_with_except_start(%s, %s);\n"
                  "        if (res == NULL) goto %s;\n        %s = res;\n    }\n",
                  S(d - 4), S(d - 1), E, S(d));
        f->sp = d + 1;
        break;
    case LOAD_BUILD_CLASS:
        sb_printf(o,
                  "    {\n        PyObject *bc = p2w_load_build_class(tstate, frame);\n"
                  "        if (bc == NULL) goto %s;\n        %s = bc;\n    }\n",
                  E, S(d));
        f->sp = d + 1;
        break;
    case LOAD_ASSERTION_ERROR:
        sb_printf(o, "    %s = Py_NewRef(PyExc_AssertionError);\n", S(d));
        f->sp = d + 1;
        break;
    case GET_LEN:
        sb_printf(
            o,
            "    {\n        Py_ssize_t n = PyObject_Length(%s);\n        if (n < 0) goto %s;\n"
            "        PyObject *len = PyLong_FromSsize_t(n);\n        if (len == NULL) goto "
            "%s;\n"
            "        %s = len;\n    }\n",
            S(d - 1), E, E, S(d));
        f->sp = d + 1;
        break;
    default: unreachable();
    }
#undef E
#undef U
#undef S
}

/* Marks the locals LOAD_FAST must check: all but the parameters, which
 * the call binds, unless the code deletes them (`del`, or the end of an
 * `except ... as name` block). */
static void find_maybe_unbound(Fn *f) {
    PyCodeObject *co = f->co;
    int nparams = co->co_argcount + co->co_kwonlyargcount + !!(co->co_flags & CO_VARARGS) +
                  !!(co->co_flags & CO_VARKEYWORDS);
    f->maybe_unbound = xcalloc((size_t)co->co_nlocalsplus + 1, sizeof(bool));
    for (int i = nparams; i < co->co_nlocalsplus; i++) f->maybe_unbound[i] = true;
    for (size_t k = 0; k < f->nins; k++)
        if (f->ins[k].op == DELETE_FAST && f->ins[k].arg < co->co_nlocalsplus)
            f->maybe_unbound[f->ins[k].arg] = true;
}

/* Why CO cannot be translated, or NULL. */
static const char *fallback_reason(const Fn *f) {
    for (size_t i = 0; i < f->nins; i++)
        if (!supported(f->ins[i].op))
            return opnames[f->ins[i].op] ? opnames[f->ins[i].op] : "unknown opcode";
    return NULL;
}

/* The depth at the instruction starting at code-unit OFFSET. */
static int depth_at(const Fn *f, int offset) {
    for (size_t k = 0; k < f->nins; k++)
        if (f->ins[k].start == offset || f->ins[k].off == offset) return f->depth[k];
    internal_error(__FILE__, __LINE__, "no instruction at a resumption offset");
}

/* One case of the resume dispatch: a frame suspended with prev_instr at
 * offset AT continues at instruction label i_NEXT, or with the error
 * thrown into it (gen.throw(), close()) handled as if raised at AT, with
 * the stack as it is resumed (the value sent on top). */
static void resume_case(Fn *f, int at, int next) {
    f->sp = depth_at(f, next);
    sb_printf(f->out,
              "        case %d:\n            if (throwflag) goto %s;\n            goto i_%d;\n", at,
              err_at(f, at, false), next);
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

/* The error paths of handler H (-1: none, the frame is left): an err_H_D
 * label per depth D some error used, each recording the traceback, then
 * the unwind_H_D chain releasing one slot per step down to the handler's
 * depth, where the handler is entered. */
static void emit_handler(Fn *f, int h) {
    StrBuf *o = f->out;
    size_t width = (size_t)f->maxdepth + 1;
    const unsigned char *used = &f->labels[(size_t)(h + 1) * width];
    int base = h < 0 ? 0 : f->exc[h].depth, top = -1;
    for (int dd = 0; dd <= f->maxdepth; dd++)
        if (used[dd]) top = dd;
    if (top < 0) return;
    char name[16];
    if (h < 0)
        snprintf(name, sizeof name, "x");
    else
        snprintf(name, sizeof name, "%d", h);
    for (int dd = base; dd <= top; dd++)
        if (used[dd] & ERR_USED)
            sb_printf(o, "err_%s_%d:\n    p2w_traceback_here(frame);\n    goto unwind_%s_%d;\n",
                      name, dd, name, dd);
    for (int dd = top; dd > base; dd--)
        sb_printf(o, "unwind_%s_%d:\n    Py_XDECREF(%s);\n", name, dd, slot(f, dd - 1));
    sb_printf(o, "unwind_%s_%d:\n", name, base);
    if (h < 0) {
        sb_puts(o, "    p2w_frame_leave(tstate, frame, &cframe, stackbase);\n    return NULL;\n");
        return;
    }
    const ExcEntry *e = &f->exc[h];
    if (e->lasti)
        sb_printf(o,
                  "    {\n        PyObject *lasti = p2w_lasti(frame);\n"
                  "        if (lasti == NULL) goto unwind_%s_%d;\n        %s = lasti;\n    }\n",
                  name, base, slot(f, base));
    sb_printf(o, "    %s = p2w_fetch_exception(tstate);\n    goto i_%d;\n",
              slot(f, base + e->lasti), e->target);
}

static void emit_function(Fn *f, const char *cname) {
    StrBuf *o = f->out;
    const char *name = PyUnicode_AsUTF8(f->co->co_qualname);
    bool generator = f->co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR);
    f->cstack = !generator;
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
               "    PyObject *kwnames = NULL; /* KW_NAMES for the next CALL, borrowed */\n");
    if (f->cstack && f->maxdepth > 0) {
        sb_puts(o, "    /* the value stack */\n    PyObject *s0 = NULL");
        for (int k = 1; k < f->maxdepth; k++)
            sb_printf(o, ",%s*s%d = NULL", k % 8 == 0 ? "\n        " : " ", k);
        sb_puts(o, ";\n");
    }
    sb_puts(o, "    (void)consts, (void)names, (void)localsplus, (void)stackbase, (void)kwnames,\n"
               "        (void)throwflag;\n"
               "    if (p2w_frame_enter(tstate, frame, &cframe) < 0) return NULL;\n");
    if (generator) emit_resume(f);
    int line = -1;
    for (size_t i = 0; i < f->nins; i++) {
        if (f->depth[i] < 0) {
            /* unreachable: no path leads here, not even from a handler */
            if (f->ins[i].start != f->ins[i].off) sb_printf(o, "i_%d:\n", f->ins[i].start);
            sb_printf(o, "i_%d: /* %s, unreachable */\n", f->ins[i].off,
                      opnames[f->ins[i].op] ? opnames[f->ins[i].op] : "?");
            continue;
        }
        int l = PyCode_Addr2Line(f->co, f->ins[i].off * 2);
        if (l != line && l > 0) {
            line_comment(f, l);
            line = l;
        }
        f->sp = f->depth[i];
        emit_instr(f, &f->ins[i], i + 1 < f->nins ? &f->ins[i + 1] : NULL);
    }
    /* error paths */
    sb_puts(o, "    Py_UNREACHABLE();\n");
    for (int h = 0; h < (int)f->nexc; h++) emit_handler(f, h);
    emit_handler(f, -1);
    sb_puts(o, "}\n\n");
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
    if (!why) why = analyse_stack(&f);
    find_maybe_unbound(&f);
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
    free(f.depth);
    free(f.labels);
    free(f.maybe_unbound);
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

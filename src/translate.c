/* translate.c - CPython 3.11.2 bytecode to C: decoding, the function
 * around the instructions' blocks (xl_instr.c), error paths, generator
 * resumption, and the tables the runtime attaches.
 *
 * Each code object becomes one C function with the eval-frame signature
 * (see runtime/p2w_eval.h).  The translation is instruction by instruction:
 * every instruction gets a label i_<offset> (offset in code units, the
 * unit of jump arguments and of the exception table) and a block that does
 * what ceval does for the opcode.  Frames are the interpreter's frames;
 * the value stack's slots are C locals named by their static depth
 * (xl_stack.c), copied to the frame's stack only where it is read there.
 *
 * Invariants of the generated code:
 *   - frame->prev_instr points at the current instruction whenever
 *     something can observe it: before anything that can raise, release a
 *     reference, call out or suspend (tracebacks, f_lineno and the lasti
 *     pushed for handlers read it);
 *   - at every `goto err_H_D`/`unwind_H_D`, the D slots from the bottom
 *     hold owned references or NULL (helpers steal their inputs, and a
 *     failed result slot is NULL), so unwinding can release them blindly;
 *   - the exception table is decoded here: an error in an instruction
 *     covered by entry H goes to err_H_D, which records the traceback,
 *     releases the slots down to the entry's depth, pushes lasti if asked
 *     and the exception, and jumps to the handler; H is "x" outside every
 *     entry, where the frame is left.  unwind_* labels skip the traceback
 *     (RERAISE, bare `raise`).
 * Generators and coroutines run on their own frame the same way: the
 * function is entered again at each resumption, reloads the slots it
 * spilled when it yielded, and continues after frame->prev_instr
 * (emit_resume).
 * A code object with an opcode not handled here, or whose stack cannot be
 * followed statically, is not translated: its table entry is NULL and it
 * runs in the interpreter; the reason is counted for --stats. */
#include "translate.h"
#include "xl_fn.h"

#include <opcode.h>
#include <string.h>

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

/* The instructions of co_code (see bc_decode), each with the offset of the
 * one after it. */
static void decode(Fn *f, PyObject *bytes) {
    size_t n;
    BcInstr *bc = bc_decode(bytes, &n);
    int ncode = (int)(PyBytes_GET_SIZE(bytes) / 2);
    f->ins = xcalloc(n + 1, sizeof(Instr));
    f->nins = n;
    for (size_t k = 0; k < n; k++)
        f->ins[k] = (Instr){.off = bc[k].off,
                            .next = k + 1 < n ? bc[k + 1].start : ncode,
                            .op = bc[k].op,
                            .arg = bc[k].arg,
                            .start = bc[k].start};
    free(bc);
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

/* Why CO cannot be translated, or NULL. */
static const char *fallback_reason(const Fn *f) {
    for (size_t i = 0; i < f->nins; i++)
        if (!supported(f->ins[i].op))
            return xl_opnames[f->ins[i].op] ? xl_opnames[f->ins[i].op] : "unknown opcode";
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
    sb_printf(f->out, "    case %d:\n", at);
    for (int k = 0; k < f->sp; k++) sb_printf(f->out, "        s%d = stackbase[%d];\n", k, k);
    sb_printf(f->out, "        if (throwflag) goto %s;\n        goto i_%d;\n", err_at(f, at, false),
              next);
}

/* A generator's frame is entered once per resumption; ceval continues
 * after frame->prev_instr.  A frame can be suspended only by
 * RETURN_GENERATOR and YIELD_VALUE, and genobject.c moves prev_instr to
 * just before a SEND's target when a subiterator it throws into finishes. */
static void emit_resume(Fn *f) {
    StrBuf *o = f->out;
    sb_puts(o, "    switch (frame->prev_instr - first_instr) {\n"
               "    case -1: /* the first entry, from the call */\n        break;\n");
    for (size_t i = 0; i < f->nins; i++) {
        const Instr *in = &f->ins[i];
        if (in->op == RETURN_GENERATOR || in->op == YIELD_VALUE) resume_case(f, in->off, in->next);
        if (in->op == SEND) resume_case(f, in->next + in->arg - 1, in->next + in->arg);
    }
    sb_puts(o, "    default: Py_UNREACHABLE();\n    }\n");
}

/* The error paths of handler H (-1: none, the frame is left): an err_H_D
 * label per depth D some error used, each recording the traceback, then
 * the unwind_H_D chain releasing one slot per step down to the handler's
 * depth, where the handler is entered. */
static void emit_handler(Fn *f, int h) {
    StrBuf *o = f->out;
    const unsigned char *used = label_row(f, h);
    int base = h < 0 ? 0 : f->exc[h].depth, top = -1;
    for (int dd = 0; dd <= f->maxdepth; dd++)
        if (used[dd]) top = dd;
    if (top < 0) return;
    char buf[16];
    const char *name = handler_name(h, buf);
    for (int dd = base; dd <= top; dd++)
        if (used[dd] & ERR_USED)
            sb_printf(o, "err_%s_%d:\n    p2w_traceback_here(frame);\n    goto unwind_%s_%d;\n",
                      name, dd, name, dd);
    for (int dd = top; dd > base; dd--)
        sb_printf(o, "unwind_%s_%d:\n    Py_XDECREF(%s);\n", name, dd, slot(f, dd - 1));
    sb_printf(o, "unwind_%s_%d:\n", name, base);
    if (h < 0) {
        sb_puts(o, "    p2w_frame_unwind(tstate, frame, &cframe, stackbase);\n    return NULL;\n");
        return;
    }
    const BcHandler *e = &f->exc[h];
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
    if (f->maxdepth > 0) {
        sb_puts(o, "    /* the value stack */\n    PyObject *s0 = NULL");
        for (int k = 1; k < f->maxdepth; k++)
            sb_printf(o, ",%s*s%d = NULL", k % 8 == 0 ? "\n        " : " ", k);
        sb_puts(o, ";\n");
    }
    for (size_t i = 0; i < f->nins; i++)
        if (f->depth[i] >= 0 && f->ins[i].op == LOAD_ATTR)
            sb_printf(o, "    static p2w_attr_cache ac_%d; /* LOAD_ATTR's */\n", f->ins[i].off);
        else if (f->depth[i] >= 0 && f->ins[i].op == LOAD_GLOBAL)
            sb_printf(o, "    static p2w_global_cache gc_%d; /* LOAD_GLOBAL's */\n", f->ins[i].off);
    sb_puts(o, "    (void)consts, (void)names, (void)localsplus, (void)stackbase, (void)kwnames,\n"
               "        (void)throwflag;\n"
               "    if (p2w_frame_enter(tstate, frame, &cframe) < 0) return NULL;\n");
    if (generator) emit_resume(f);
    int line = -1;
    size_t region_left = 0; /* instructions of the current numeric region still to emit */
    for (size_t i = 0; i < f->nins; i++) {
        if (f->depth[i] < 0) {
            /* unreachable: no path leads here, not even from a handler */
            if (f->ins[i].start != f->ins[i].off) sb_printf(o, "i_%d:\n", f->ins[i].start);
            sb_printf(o, "i_%d: /* %s, unreachable */\n", f->ins[i].off,
                      xl_opnames[f->ins[i].op] ? xl_opnames[f->ins[i].op] : "?");
            continue;
        }
        int l = PyCode_Addr2Line(f->co, f->ins[i].off * 2);
        if (l != line && l > 0) {
            line_comment(f, l);
            line = l;
        }
        f->sp = f->depth[i];
        emit_label(f, &f->ins[i]);
        if (region_left > 0) {
            region_left--;
        } else if ((region_left = emit_region(f, i)) > 0) {
            f->sp = f->depth[i];
            region_left--;
        }
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

/* A code object whose C would be larger than this is left to the
 * interpreter: clang's time grows faster than linearly with a function's
 * size (a function of 1,900 instructions assigning 400 locals made 835 KB
 * of C and took 13 s; a module body holding a 6,000-row literal table over
 * two minutes), and such code (module bodies building data, generated
 * code) is rarely hot.  The largest function of bench/ makes 173 KB. */
#define MAX_FUNCTION_C (512u * 1024u)

static void translate_tree(StrBuf *out, PyCodeObject *co, const char **lines, size_t nlines,
                           XlStats *stats, Tables *t) {
    size_t k = t->count++;
    Fn f = {.co = co, .out = out, .lines = lines, .nlines = nlines};
    PyObject *bytes = PyCode_GetCode(co);
    if (!bytes) internal_error(__FILE__, __LINE__, "PyCode_GetCode failed");
    decode(&f, bytes);
    Py_DECREF(bytes);
    f.exc = bc_decode_handlers((PyObject *)co, &f.nexc);
    const char *why = fallback_reason(&f);
    if (!why) why = analyse_stack(&f);
    if (!why) {
        find_unbound_loads(&f);
        find_local_hints(&f);
    }
    if (!why) {
        size_t before = out->len;
        char *cname = function_name(co, k);
        emit_function(&f, cname);
        if (out->len - before > MAX_FUNCTION_C) {
            /* dropped again: the interpreter runs it */
            out->len = before;
            out->data[before] = '\0';
            why = "too large to compile (over 512 KiB of C)";
        } else {
            sb_printf(&t->fns, "    %s,\n", cname);
            stats->compiled++;
        }
        free(cname);
    }
    if (why) {
        count_reason(stats, why);
        stats->interpreted++;
        sb_puts(&t->fns, "    NULL,\n");
    }
    sb_printf(&t->guards, "    {%d, %d},\n", co->co_firstlineno, (int)Py_SIZE(co));
    free(f.ins);
    free(f.exc);
    free(f.index_of);
    free(f.depth);
    free(f.entered);
    free(f.labels);
    free(f.check_load);
    free(f.local_hint);
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

/* xl_instr.c - the C block of each bytecode instruction: what ceval does
 * for the opcode, on statically named stack slots (see xl_stack.c). */
#include "xl_fn.h"

#include <opcode.h>
#include <string.h>

const char *const xl_opnames[256] = {
#include "opnames.inc"
};

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

/* BUILD_SET, _STRING, _SLICE, _MAP, _CONST_KEY_MAP: the runtime's
 * FN(items, oparg) over the N slots below the top. */
static void build_from_slots(Fn *f, const Instr *in, const char *fn, int n) {
    char call[80];
    snprintf(call, sizeof call, "%s(%%s, %d)", fn, in->arg);
    array_helper(f, in, call, n);
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

bool is_truth_jump(int op) {
    return op == POP_JUMP_FORWARD_IF_TRUE || op == POP_JUMP_FORWARD_IF_FALSE ||
           op == POP_JUMP_BACKWARD_IF_TRUE || op == POP_JUMP_BACKWARD_IF_FALSE;
}

/* The jump of POP_JUMP_*_IF_TRUE/FALSE instruction J on the truth value
 * in the C variable t (its operand already popped); AT is the offset the
 * instruction doing the jump records. */
void emit_jump_on_truth(Fn *f, const Instr *j, int at) {
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

/* The constant LOAD_CONST instruction IN pushes when the instruction right
 * after it (not a jump target) is a BINARY_OP, or a COMPARE_OP feeding a
 * jump, taking it as the right operand and the constant is an exact int
 * below 2**60 or an exact float, or a BINARY_SUBSCR and the constant an
 * int below 2**30 (an index): the operation is then specialised on the
 * constant's type and value at compile time, and the constant stays a
 * borrowed reference.  Else NULL. */
PyObject *const_right_operand(const Fn *f, const Instr *in) {
    size_t k = (size_t)(in - f->ins);
    if (in->op != LOAD_CONST || k + 1 >= f->nins || f->entered[k + 1] || f->depth[k + 1] < 0)
        return NULL;
    const Instr *use = &f->ins[k + 1];
    if (use->op != BINARY_OP && use->op != BINARY_SUBSCR &&
        !(use->op == COMPARE_OP && k + 2 < f->nins && is_truth_jump(f->ins[k + 2].op)))
        return NULL;
    PyObject *c = PyTuple_GET_ITEM(f->co->co_consts, in->arg);
    if (PyFloat_CheckExact(c)) return use->op == BINARY_SUBSCR ? NULL : c;
    if (!PyLong_CheckExact(c)) return NULL;
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(c, &overflow);
    /* subscripts: one-digit indices, negative ones counting from the end */
    long long limit = use->op == BINARY_SUBSCR ? 1LL << 30 : 1LL << 60;
    if (overflow || v >= limit || v <= -limit) {
        PyErr_Clear();
        return NULL;
    }
    return c;
}

/* The right operand of BINARY_OP / COMPARE_OP instruction IN as C: "int",
 * "float" or NULL (see const_right_operand); *VALUE gets an int's value. */
static const char *const_operand_kind(const Fn *f, const Instr *in, long long *value) {
    if (in == f->ins) return NULL;
    PyObject *c = const_right_operand(f, in - 1);
    if (c == NULL) return NULL;
    if (PyFloat_CheckExact(c)) return "float";
    *value = PyLong_AsLongLong(c);
    return "int";
}

/* Whether CALL instruction IN calls what instruction OP (LOAD_METHOD or
 * LOAD_GLOBAL) loaded by name NAME. */
static bool calls_named(const Fn *f, const Instr *in, int op, const char *name) {
    const Instr *load = callee_load_for(f, in);
    if (load == NULL || load->op != op) return false;
    int index = op == LOAD_GLOBAL ? load->arg >> 1 : load->arg;
    return _PyUnicode_EqualToASCIIString(PyTuple_GET_ITEM(f->co->co_names, index), name);
}

void emit_label(Fn *f, const Instr *in) {
    /* jumps and handlers target the first EXTENDED_ARG of an instruction */
    if (in->start != in->off) sb_printf(f->out, "i_%d:\n", in->start);
    sb_printf(f->out, "i_%d: /* %s %d */\n", in->off, xl_opnames[in->op] ? xl_opnames[in->op] : "?",
              in->arg);
}

void emit_instr(Fn *f, const Instr *in, const Instr *next) {
    StrBuf *o = f->out;
    int a = in->arg, d = f->sp;
    int fwd = in->next + a, back = in->next - a;
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
        if (const_right_operand(f, in))
            sb_printf(o, "    %s = PyTuple_GET_ITEM(consts, %d); /* borrowed by the next */\n",
                      S(d), a);
        else
            sb_printf(o, "    %s = Py_NewRef(PyTuple_GET_ITEM(consts, %d));\n", S(d), a);
        f->sp = d + 1;
        break;
    case LOAD_FAST:
    case LOAD_CLOSURE:
        if (!f->check_load[in - f->ins]) {
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
        /* its cache gc_<offset> is the function's: regions read it too */
        sb_printf(o,
                  "    {\n"
                  "        PyObject *v = p2w_load_global_cached(tstate, frame, "
                  "PyTuple_GET_ITEM(names, %d), &gc_%d);\n"
                  "        if (v == NULL) goto %s;\n",
                  a >> 1, in->off, E);
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
        /* its cache ac_<offset> is the function's: regions read it too */
        sb_printf(o,
                  "    {\n        PyObject *owner = %s;\n"
                  "        %s = p2w_load_attr_cached(owner, PyTuple_GET_ITEM(names, %d), &ac_%d);\n"
                  "        Py_DECREF(owner);\n        if (%s == NULL) goto %s;\n    }\n",
                  S(d - 1), S(d - 1), a, in->off, S(d - 1), E);
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
        /* list.append(v) and list.pop() on an exact list, as ceval's
         * PRECALL_NO_KW_LIST_APPEND and 3.11's list_pop without a resize */
        bool append = a == 1 && calls_named(f, in, LOAD_METHOD, "append");
        bool pop = a == 0 && calls_named(f, in, LOAD_METHOD, "pop");
        /* len(x) and isinstance(x, t), as ceval's PRECALL_NO_KW_LEN and
         * PRECALL_NO_KW_ISINSTANCE: the builtin's work without the call
         * (nor its recursion check) */
        bool len = a == 1 && calls_named(f, in, LOAD_GLOBAL, "len");
        bool isinst = a == 2 && calls_named(f, in, LOAD_GLOBAL, "isinstance");
        f->sp = base + 1;
        if (len)
            sb_printf(o,
                      "    if (%s == p2w_builtin_len && kwnames == NULL && !cframe.use_tracing) {\n"
                      "        Py_ssize_t n = PyObject_Length(%s);\n"
                      "        Py_DECREF(%s);\n        Py_DECREF(%s);\n"
                      "        %s = n < 0 ? NULL : p2w_long_from(n);\n"
                      "        if (%s == NULL) goto %s;\n    } else {\n",
                      S(base + 1), S(base + 2), S(base + 2), S(base + 1), S(base), S(base), E);
        if (isinst)
            sb_printf(o,
                      "    if (%s == p2w_builtin_isinstance && kwnames == NULL &&\n"
                      "        !cframe.use_tracing) {\n"
                      "        int t = PyObject_IsInstance(%s, %s);\n"
                      "        Py_DECREF(%s);\n        Py_DECREF(%s);\n        Py_DECREF(%s);\n"
                      "        if (t < 0) goto %s;\n"
                      "        %s = Py_NewRef(t ? Py_True : Py_False);\n    } else {\n",
                      S(base + 1), S(base + 2), S(base + 3), S(base + 3), S(base + 2), S(base + 1),
                      E, S(base));
        if (append)
            sb_printf(
                o,
                "    if (%s == p2w_list_append && kwnames == NULL && PyList_CheckExact(%s) &&\n"
                "        !cframe.use_tracing) {\n"
                "        int err = _PyList_AppendTakeRef((PyListObject *)%s, %s);\n"
                "        Py_DECREF(%s);\n        Py_DECREF(%s);\n"
                "        %s = err < 0 ? NULL : Py_NewRef(Py_None);\n"
                "        if (err < 0) goto %s;\n    } else {\n",
                S(base), S(base + 1), S(base + 1), S(base + 2), S(base + 1), S(base), S(base), E);
        if (pop)
            sb_printf(o,
                      "    if (%s == p2w_list_pop && kwnames == NULL && PyList_CheckExact(%s) &&\n"
                      "        p2w_list_can_pop(%s) && !cframe.use_tracing) {\n"
                      "        PyObject *item = p2w_list_pop_last(%s);\n"
                      "        Py_DECREF(%s);\n        Py_DECREF(%s);\n"
                      "        %s = item;\n    } else {\n",
                      S(base), S(base + 1), S(base + 1), S(base + 1), S(base + 1), S(base),
                      S(base));
        if (!append && !pop && !len && !isinst) sb_puts(o, "    {\n");
        spill(f, base, d);
        f->sp = base + 1;
        sb_printf(o,
                  "        PyObject *res = p2w_call(tstate, stackbase + %d, %d, kwnames);\n"
                  "        kwnames = NULL;\n        %s = res;\n        if (res == NULL) goto %s;\n",
                  d, a, S(base), E);
        breaker(f, E, in->off, false);
        sb_puts(o, "    }\n");
        break;
    }
    case BINARY_OP: {
        f->sp = d - 1;
        long long cv = 0;
        const char *ck = const_operand_kind(f, in, &cv);
        if (ck && strcmp(ck, "int") == 0)
            sb_printf(o, "    %s = p2w_binary_op_int_const(%s, %s, %lldLL, %d);\n", S(d - 2),
                      S(d - 2), S(d - 1), cv, a);
        else if (ck)
            sb_printf(o, "    %s = p2w_binary_op_float_const(%s, %s, %d);\n", S(d - 2), S(d - 2),
                      S(d - 1), a);
        else
            sb_printf(o, "    %s = p2w_binary_op_fast(%s, %s, %d);\n", S(d - 2), S(d - 2), S(d - 1),
                      a);
        sb_printf(o, "    if (%s == NULL) goto %s;\n", S(d - 2), E);
        break;
    }
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
            long long cv = 0;
            const char *ck = const_operand_kind(f, in, &cv);
            if (ck && strcmp(ck, "int") == 0)
                sb_printf(
                    o,
                    "    {\n        int t = p2w_compare_truth_int_const(%s, %s, %lldLL, %d);\n"
                    "        if (t < 0) goto %s;\n",
                    S(d - 2), S(d - 1), cv, a, E);
            else if (ck)
                sb_printf(o,
                          "    {\n        int t = p2w_compare_truth_float_const(%s, %s, %d);\n"
                          "        if (t < 0) goto %s;\n",
                          S(d - 2), S(d - 1), a, E);
            else
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
        sb_printf(o, "    %s = p2w_compare_value(%s, %s, %d);\n    if (%s == NULL) goto %s;\n",
                  S(d - 2), S(d - 2), S(d - 1), a, S(d - 2), E);
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
    case BINARY_SUBSCR: {
        f->sp = d - 1;
        long long cv = 0;
        if (const_operand_kind(f, in, &cv))
            sb_printf(o, "    %s = p2w_subscr_int_const(%s, %s, %lld);\n", S(d - 2), S(d - 2),
                      S(d - 1), cv);
        else
            sb_printf(o, "    %s = p2w_subscr_fast(%s, %s);\n", S(d - 2), S(d - 2), S(d - 1));
        sb_printf(o, "    if (%s == NULL) goto %s;\n", S(d - 2), E);
        break;
    }
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
    case BUILD_SET: build_from_slots(f, in, "p2w_build_set", a); break;
    case BUILD_STRING: build_from_slots(f, in, "p2w_build_string", a); break;
    case BUILD_SLICE: build_from_slots(f, in, "p2w_build_slice", a); break;
    case BUILD_MAP: build_from_slots(f, in, "p2w_build_map", 2 * a); break;
    case BUILD_CONST_KEY_MAP: build_from_slots(f, in, "p2w_build_const_key_map", a + 1); break;
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
        /* `for i in range(...)`: the item goes straight into the local the
         * STORE_FAST after FOR_ITER names, into its old int when nothing
         * else holds that (3.12's FOR_ITER_RANGE does the same) */
        if (next && next->op == STORE_FAST && !f->entered[next - f->ins])
            sb_printf(o,
                      "    if (Py_IS_TYPE(%s, &PyRangeIter_Type)) {\n"
                      "        int r = p2w_range_next_store(%s, &localsplus[%d]);\n"
                      "        if (r < 0) goto %s;\n"
                      "        if (r == 0) {\n            Py_DECREF(%s);\n            goto i_%d;\n"
                      "        }\n        goto i_%d;\n    }\n",
                      S(d - 1), S(d - 1), next->arg, E, S(d - 1), fwd, next->next);
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
                  "    return p2w_frame_return(tstate, frame, &cframe, stackbase + %d, %s, %d);\n",
                  d - 1, S(d - 1), in->off);
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
        spill(f, 0, d);
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
        spill(f, 0, d - 1);
        sb_printf(o,
                  "    _PyFrame_GetGenerator(frame)->gi_frame_state = FRAME_SUSPENDED;\n"
                  "    return p2w_frame_return(tstate, frame, &cframe, stackbase + %d, %s, %d);\n",
                  d - 1, S(d - 1), in->off);
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

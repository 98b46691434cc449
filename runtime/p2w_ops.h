/* p2w_ops.h - the runtime the translated code calls: one helper per
 * bytecode operation that is more than a few lines.  The generated C of a
 * program includes only this header.
 *
 * Conventions, identical for every helper unless its comment says otherwise:
 *   - stack inputs are STOLEN, on success and on failure alike, so the
 *     generated code can drop them from its stack pointer unconditionally;
 *   - a PyObject * result is a NEW reference, NULL with an exception set on
 *     error; an int result is 0 (or a truth value >= 0) on success and -1
 *     with an exception set on error;
 *   - TSTATE is the running thread, FRAME the frame being run.
 * Semantics follow Python/ceval.c of CPython 3.11.2 opcode by opcode; the
 * opcode a helper implements is named in its comment. */
#ifndef P2W_OPS_H
#define P2W_OPS_H

#include "p2w_eval.h"

#include "opcode.h"
#include "internal/pycore_atomic.h"
#include "internal/pycore_dict.h"
#include "internal/pycore_genobject.h"
#include "internal/pycore_list.h"
#include "internal/pycore_long.h"
#include "internal/pycore_object.h"
#include "internal/pycore_pyerrors.h"
#include "internal/pycore_tuple.h"

#if defined(__GNUC__) || defined(__clang__)
#define p2w_unlikely(x) __builtin_expect(!!(x), 0)
#else
#define p2w_unlikely(x) (x)
#endif

/* Truth value of V, which is stolen: 1, 0, or -1 with an exception set.
 * (the POP_JUMP_IF_* / JUMP_IF_*_OR_POP test) */
static inline int p2w_truth_steal(PyObject *v) {
    if (v == Py_True) {
        Py_DECREF(v);
        return 1;
    }
    if (v == Py_False || v == Py_None) {
        Py_DECREF(v);
        return 0;
    }
    int t = PyObject_IsTrue(v);
    Py_DECREF(v);
    return t;
}

/* Non-zero when the interpreter asks running code to stop by (signals,
 * pending calls). */
static inline int p2w_eval_breaker(PyThreadState *tstate) {
    return _Py_atomic_load_relaxed(&tstate->interp->ceval.eval_breaker);
}
/* ceval's eval-breaker path: runs signal handlers and pending calls.
 * 0, or -1 with the handler's exception (e.g. KeyboardInterrupt) set. */
int p2w_handle_pending(PyThreadState *tstate);

/* CALL: the OPARG+2 stack slots below SP are [callable-or-NULL, self-or-
 * callable, args...]; KWNAMES (borrowed, or NULL) names the last arguments.
 * Steals all OPARG+2 slots. */
PyObject *p2w_call(PyThreadState *tstate, PyObject **sp, int oparg, PyObject *kwnames);
/* A call made while tracing is on (p2w_trace.c): FUNC with NARGS positional
 * ARGS and KWNAMES, all borrowed, between the profile function's c_call and
 * c_return events when FUNC is a builtin, as the interpreter makes it. */
PyObject *p2w_call_traced(PyThreadState *tstate, PyObject *func, PyObject **args, Py_ssize_t nargs,
                          PyObject *kwnames);

/* LOAD_FAST / DELETE_FAST / LOAD_CLOSURE of an unbound local: sets
 * UnboundLocalError. */
void p2w_unbound_local(PyThreadState *tstate, _PyInterpreterFrame *frame, int index);
/* LOAD_DEREF / DELETE_DEREF / LOAD_CLASSDEREF of an empty cell: sets
 * UnboundLocalError or NameError (free variable), unless one is set. */
void p2w_unbound_deref(PyThreadState *tstate, _PyInterpreterFrame *frame, int index);

/* LOAD_GLOBAL / LOAD_NAME / LOAD_CLASSDEREF: new reference or NULL. */
PyObject *p2w_load_global(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name);
PyObject *p2w_load_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name);
PyObject *p2w_load_classderef(PyThreadState *tstate, _PyInterpreterFrame *frame, int index);
/* STORE_NAME (steals V) / DELETE_NAME / STORE_GLOBAL (steals V) /
 * DELETE_GLOBAL. */
int p2w_store_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name, PyObject *v);
int p2w_delete_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name);
int p2w_store_global(_PyInterpreterFrame *frame, PyObject *name, PyObject *v);
int p2w_delete_global(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name);

/* BINARY_OP with operator OPARG (NB_*); steals L and R. */
PyObject *p2w_binary_op(PyObject *l, PyObject *r, int oparg);

/* ---- fast paths (p2w_fast.c): what CPython 3.11 specialises at run
 * time, decided per call on the operand types, with the general helper as
 * the fallback.  OPARG is a constant at every call site, so each use
 * compiles to the one operator it names. ---- */

/* An int that fits one 30-bit digit (ceval's "medium" ints). */
static inline int p2w_is_small_int(PyObject *v) {
    return PyLong_CheckExact(v) && (size_t)(Py_SIZE(v) + 1) < 3;
}
static inline long p2w_small_int_value(PyObject *v) {
    return (long)Py_SIZE(v) * (long)((PyLongObject *)v)->ob_digit[0];
}

/* Exact ints of at most one digit that were deallocated, kept for
 * p2w_long_from to reuse (p2w_fast.c): in wasm, pymalloc's allocation and
 * release of an int cost several times what taking one from here does.
 * Each has room for one digit. */
enum { P2W_FREE_INTS_MAX = 128 };
extern PyObject *p2w_free_ints[P2W_FREE_INTS_MAX];
extern int p2w_nfree_ints;

/* An int from a C value as int() would make it: the cached small ints,
 * one-digit values in a released int or allocated directly (ceval's
 * _PyLong_FromMedium, private to longobject.c), anything larger through
 * PyLong_FromLongLong.  A new reference, or NULL when out of memory. */
static inline PyObject *p2w_long_from(long long v) {
    if (v >= -_PY_NSMALLNEGINTS && v < _PY_NSMALLPOSINTS)
        return Py_NewRef((PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + v]);
    unsigned long long magnitude = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    if (magnitude >= ((unsigned long long)1 << PyLong_SHIFT)) return PyLong_FromLongLong(v);
    PyLongObject *o;
    if (p2w_nfree_ints > 0) {
        o = (PyLongObject *)p2w_free_ints[--p2w_nfree_ints];
        Py_SET_SIZE(o, v < 0 ? -1 : 1);
        _Py_NewReference((PyObject *)o);
    } else {
        o = PyObject_Malloc(sizeof(PyLongObject));
        if (o == NULL) return PyErr_NoMemory();
        _PyObject_InitVar((PyVarObject *)o, &PyLong_Type, v < 0 ? -1 : 1);
    }
    o->ob_digit[0] = (digit)magnitude;
    return (PyObject *)o;
}

/* An int of at most two 30-bit digits, |v| < 2**60: what 32-bit hashes,
 * linear-congruential generators and 64-bit arithmetic keep their values
 * in.  Sums, differences, quotients and remainders of two of them fit in
 * 64 bits; products and left shifts are checked. */
static inline int p2w_is_int60(PyObject *v) {
    return PyLong_CheckExact(v) && (size_t)(Py_SIZE(v) + 2) < 5;
}
static inline long long p2w_int60_value(PyObject *v) {
    Py_ssize_t size = Py_SIZE(v);
    const digit *d = ((PyLongObject *)v)->ob_digit;
    if ((size_t)(size + 1) < 3) return (long long)size * (long long)d[0];
    long long m = ((long long)d[1] << PyLong_SHIFT) | (long long)d[0];
    return size < 0 ? -m : m;
}

/* An int operation on two 64-bit values done in C: false when OPARG is
 * not one of these, Python raises for these operands (negative shift
 * count, division by zero) or the result would not fit in 64 bits (the
 * general path makes the bigint); else true with *OUT the result.
 * Python's floor semantics for // and %; >> of a negative number floors as
 * C's arithmetic shift does, and & | ^ of negative numbers are two's
 * complement in both.  OPARG is a constant wherever this is used, so each
 * use compiles to the one operator. */
static inline __attribute__((always_inline)) bool p2w_i64_op(long long a, long long b, int oparg,
                                                             long long *out) {
    long long v;
    switch (oparg) {
    case NB_ADD:
    case NB_INPLACE_ADD:
        if (__builtin_add_overflow(a, b, &v)) return false;
        break;
    case NB_SUBTRACT:
    case NB_INPLACE_SUBTRACT:
        if (__builtin_sub_overflow(a, b, &v)) return false;
        break;
    case NB_MULTIPLY:
    case NB_INPLACE_MULTIPLY:
        if (__builtin_mul_overflow(a, b, &v)) return false;
        break;
    case NB_AND:
    case NB_INPLACE_AND: v = a & b; break;
    case NB_OR:
    case NB_INPLACE_OR: v = a | b; break;
    case NB_XOR:
    case NB_INPLACE_XOR: v = a ^ b; break;
    case NB_RSHIFT:
    case NB_INPLACE_RSHIFT:
        if (b < 0) return false;
        v = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
        break;
    case NB_LSHIFT:
    case NB_INPLACE_LSHIFT:
        if (b < 0 || b > 62) return false;
        /* no shift of a negative value */
        if (__builtin_mul_overflow(a, (long long)1 << b, &v)) return false;
        break;
    case NB_FLOOR_DIVIDE:
    case NB_INPLACE_FLOOR_DIVIDE:
        if (b == 0 || (b == -1 && a == LLONG_MIN)) return false;
        v = a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
        break;
    case NB_REMAINDER:
    case NB_INPLACE_REMAINDER:
        if (b == 0) return false;
        if (b == -1) { /* a % -1 is 0, and C's LLONG_MIN % -1 traps */
            v = 0;
            break;
        }
        v = a % b;
        if (v != 0 && ((v < 0) != (b < 0))) v += b;
        break;
    default: return false;
    }
    *out = v;
    return true;
}

/* Whether O is an exact int with room for V's digits, and V is not one
 * of the small ints, which int() takes from the cache: then O can be
 * given the value V in place when nothing else can see it. */
static inline bool p2w_int_fits(PyObject *o, long long v) {
    if (v >= -_PY_NSMALLNEGINTS && v < _PY_NSMALLPOSINTS) return false;
    if (o == NULL || !PyLong_CheckExact(o)) return false;
    unsigned long long magnitude = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    Py_ssize_t room = Py_SIZE(o) < 0 ? -Py_SIZE(o) : Py_SIZE(o);
    if (magnitude >> PyLong_SHIFT == 0) return room >= 1;
    return magnitude >> (2 * PyLong_SHIFT) == 0 && room >= 2;
}
/* Whether int object O (NULL: no) can be given the value V in place: it
 * fits, and nothing refers to it but its one holder and SHARED references
 * released before the value is stored (ints are immutable, but one
 * nothing else refers to cannot be told from a new one). */
static inline bool p2w_int_reusable_sharing(PyObject *o, long long v, Py_ssize_t shared) {
    return p2w_int_fits(o, v) && Py_REFCNT(o) == 1 + shared;
}
static inline bool p2w_int_reusable(PyObject *o, long long v) {
    return p2w_int_reusable_sharing(o, v, 0);
}

/* The item at INDEX of exact list or tuple C, borrowed in *ITEM, as
 * c[index] gives it (a negative index counts from the end); false when C
 * is of another type or INDEX is out of range (the general subscript then
 * runs __getitem__ or raises IndexError). */
static inline bool p2w_item_peek(PyObject *c, long long index, PyObject **item) {
    Py_ssize_t n;
    PyObject **items;
    if (PyList_CheckExact(c)) {
        n = PyList_GET_SIZE(c);
        items = ((PyListObject *)c)->ob_item;
    } else if (PyTuple_CheckExact(c)) {
        n = PyTuple_GET_SIZE(c);
        items = ((PyTupleObject *)c)->ob_item;
    } else {
        return false;
    }
    if (index < 0) index += n;
    if (index < 0 || index >= n) return false;
    *item = items[index];
    return true;
}

/* Whether ITEM, which the stack holds one reference to, is the item at
 * INDEX of exact list C and nothing else refers to it: in `c[i] op= v`
 * the result is stored there next, so ITEM may take the result in
 * place. */
static inline bool p2w_item_reusable(PyObject *c, PyObject *index, PyObject *item) {
    PyObject *current;
    return Py_REFCNT(item) == 2 && PyList_CheckExact(c) && p2w_is_small_int(index) &&
           p2w_item_peek(c, p2w_small_int_value(index), &current) && current == item;
}

/* Gives O the value V (p2w_int_fits said it can take it). */
static inline void p2w_int_set(PyObject *o, long long v) {
    unsigned long long magnitude = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    digit *d = ((PyLongObject *)o)->ob_digit;
    d[0] = (digit)(magnitude & PyLong_MASK);
    Py_ssize_t ndigits = 1;
    if (magnitude >> PyLong_SHIFT) {
        d[1] = (digit)(magnitude >> PyLong_SHIFT);
        ndigits = 2;
    }
    Py_SET_SIZE(o, v < 0 ? -ndigits : ndigits);
}

/* Whether float object O (NULL: no) can be given a new value in place:
 * an exact float nothing refers to but its one holder and SHARED
 * references released before the value is stored (as 3.13's float
 * specialisations reuse a dying operand). */
static inline bool p2w_float_reusable_sharing(PyObject *o, Py_ssize_t shared) {
    return o != NULL && PyFloat_CheckExact(o) && Py_REFCNT(o) == 1 + shared;
}
static inline bool p2w_float_reusable(PyObject *o) { return p2w_float_reusable_sharing(o, 0); }

/* The int result V of an operation on exact ints L and R (both stolen; R
 * NULL for a constant operand, which is borrowed).
 * Values outside the small-int cache go into an operand's object when this
 * was its last reference and it has room for V's digits (ints are
 * immutable, but one nothing else refers to cannot be told from a new
 * one), saving an allocation and a deallocation as p2w_float_result does;
 * the small ints still come from the cache, as int() gives them. */
static inline PyObject *p2w_int_result(PyObject *l, PyObject *r, long long v) {
    PyObject *reuse = p2w_int_reusable(l, v) ? l : r && p2w_int_reusable(r, v) ? r : NULL;
    if (reuse == NULL) {
        Py_DECREF(l);
        Py_XDECREF(r);
        return p2w_long_from(v);
    }
    Py_XDECREF(reuse == l ? r : l);
    p2w_int_set(reuse, v);
    return reuse;
}

/* V as a double when that is exact and what Python computes with: an
 * exact float, or a one-digit int (floats absorb those exactly). */
static inline bool p2w_exact_double(PyObject *v, double *out) {
    if (PyFloat_CheckExact(v)) {
        *out = PyFloat_AS_DOUBLE(v);
        return true;
    }
    if (p2w_is_small_int(v)) {
        *out = (double)p2w_small_int_value(v);
        return true;
    }
    return false;
}

/* The float result V of an operation on L and R (both stolen; R NULL for
 * a constant operand, which is borrowed): an operand float's object is
 * reused when this was its last reference (as 3.13's float
 * specialisations do), saving an allocation and a deallocation. */
static inline PyObject *p2w_float_result(PyObject *l, PyObject *r, double v) {
    if (p2w_float_reusable(l)) {
        Py_XDECREF(r);
        ((PyFloatObject *)l)->ob_fval = v;
        return l;
    }
    Py_DECREF(l);
    if (p2w_float_reusable(r)) {
        ((PyFloatObject *)r)->ob_fval = v;
        return r;
    }
    Py_XDECREF(r);
    return PyFloat_FromDouble(v);
}

/* + - * / of two exact doubles (see p2w_exact_double): false when OPARG
 * is another operator or the division is by zero (Python raises). */
static inline bool p2w_double_op(double a, double b, int oparg, double *v) {
    switch (oparg) {
    case NB_ADD:
    case NB_INPLACE_ADD: *v = a + b; return true;
    case NB_SUBTRACT:
    case NB_INPLACE_SUBTRACT: *v = a - b; return true;
    case NB_MULTIPLY:
    case NB_INPLACE_MULTIPLY: *v = a * b; return true;
    case NB_TRUE_DIVIDE:
    case NB_INPLACE_TRUE_DIVIDE:
        if (b == 0.0) return false;
        *v = a / b;
        return true;
    default: return false;
    }
}

#define P2W_EXACT_DOUBLE_INT (1LL << 53)

/* BINARY_OP without the number-protocol dispatch for two-digit ints (see
 * p2w_i64_op, and / giving a float), floats with floats or one-digit
 * ints for + - * / (the int converts exactly, as Python's float methods
 * do), and any exact ints for + - *; steals L and R. */
static inline PyObject *p2w_binary_op_fast(PyObject *l, PyObject *r, int oparg) {
    PyObject *res;
    double x, y, v;
    if (p2w_is_int60(l) && p2w_is_int60(r)) {
        long long a = p2w_int60_value(l), b = p2w_int60_value(r), v60;
        if (p2w_i64_op(a, b, oparg, &v60)) return p2w_int_result(l, r, v60);
        /* int / int: both exact as doubles (|v| <= 2**53), so one division
         * rounds it as Python's true division does */
        if ((oparg == NB_TRUE_DIVIDE || oparg == NB_INPLACE_TRUE_DIVIDE) && b != 0 &&
            a >= -P2W_EXACT_DOUBLE_INT && a <= P2W_EXACT_DOUBLE_INT && b >= -P2W_EXACT_DOUBLE_INT &&
            b <= P2W_EXACT_DOUBLE_INT) {
            Py_DECREF(l);
            Py_DECREF(r);
            return PyFloat_FromDouble((double)a / (double)b);
        }
    } else if ((PyFloat_CheckExact(l) || PyFloat_CheckExact(r)) && p2w_exact_double(l, &x) &&
               p2w_exact_double(r, &y) && p2w_double_op(x, y, oparg, &v)) {
        return p2w_float_result(l, r, v);
    } else if (PyLong_CheckExact(l) && PyLong_CheckExact(r)) {
        switch (oparg) {
        case NB_ADD:
        case NB_INPLACE_ADD: res = _PyLong_Add((PyLongObject *)l, (PyLongObject *)r); break;
        case NB_SUBTRACT:
        case NB_INPLACE_SUBTRACT:
            res = _PyLong_Subtract((PyLongObject *)l, (PyLongObject *)r);
            break;
        case NB_MULTIPLY:
        case NB_INPLACE_MULTIPLY:
            res = _PyLong_Multiply((PyLongObject *)l, (PyLongObject *)r);
            break;
        default: return p2w_binary_op(l, r, oparg);
        }
        Py_DECREF(l);
        Py_DECREF(r);
        return res;
    }
    return p2w_binary_op(l, r, oparg);
}

/* BINARY_OP with a constant right operand R (borrowed; the translator
 * knows its type): an int below 2**60 whose value is B, or a float.  L is
 * stolen.  The same fast paths as p2w_binary_op_fast without the
 * constant's reference count and type tests. */
static inline PyObject *p2w_binary_op_int_const(PyObject *l, PyObject *r, long long b, int oparg) {
    long long v;
    if (p2w_is_int60(l) && p2w_i64_op(p2w_int60_value(l), b, oparg, &v))
        return p2w_int_result(l, NULL, v);
    return p2w_binary_op_fast(l, Py_NewRef(r), oparg);
}
static inline PyObject *p2w_binary_op_float_const(PyObject *l, PyObject *r, int oparg) {
    double x, v;
    if (p2w_exact_double(l, &x) && p2w_double_op(x, ((PyFloatObject *)r)->ob_fval, oparg, &v))
        return p2w_float_result(l, NULL, v);
    return p2w_binary_op_fast(l, Py_NewRef(r), oparg);
}

/* Character I of exact str S, borrowed, when 0 <= I < len(S) and its code
 * point is below 256: str's own cached one-character string, the object
 * s[i] gives (unicode_char); NULL otherwise. */
static inline PyObject *p2w_str_item_peek(PyObject *s, Py_ssize_t i) {
    if (!PyUnicode_CheckExact(s) || !PyUnicode_IS_READY(s) ||
        (size_t)i >= (size_t)PyUnicode_GET_LENGTH(s))
        return NULL;
    Py_UCS4 ch = PyUnicode_READ(PyUnicode_KIND(s), PyUnicode_DATA(s), i);
    if (ch < 128) return (PyObject *)&_Py_SINGLETON(strings).ascii[ch];
    if (ch < 256) return (PyObject *)&_Py_SINGLETON(strings).latin1[ch - 128];
    return NULL;
}

/* BINARY_SUBSCR: list[i], tuple[i] and str[i] for a one-digit non-negative
 * int i in range, and exact dicts, without the mapping protocol (as
 * BINARY_SUBSCR_LIST_INT / _TUPLE_INT / _DICT); steals C and SUB. */
static inline PyObject *p2w_subscr_fast(PyObject *c, PyObject *sub) {
    PyObject *res = NULL;
    if (PyLong_CheckExact(sub) && (size_t)Py_SIZE(sub) <= 1) {
        Py_ssize_t i = ((PyLongObject *)sub)->ob_digit[0];
        if (PyList_CheckExact(c) && i < PyList_GET_SIZE(c))
            res = PyList_GET_ITEM(c, i);
        else if (PyTuple_CheckExact(c) && i < PyTuple_GET_SIZE(c))
            res = PyTuple_GET_ITEM(c, i);
        else
            res = p2w_str_item_peek(c, i);
    } else if (PyDict_CheckExact(c)) {
        /* a miss takes the general path, which raises the KeyError */
        res = PyDict_GetItemWithError(c, sub);
        if (res == NULL && PyErr_Occurred()) {
            Py_DECREF(c);
            Py_DECREF(sub);
            return NULL;
        }
    }
    if (res == NULL)
        res = PyObject_GetItem(c, sub);
    else
        Py_INCREF(res);
    Py_DECREF(c);
    Py_DECREF(sub);
    return res;
}

/* BINARY_SUBSCR with a constant int index I (|I| < 2**30; SUB, its object,
 * borrowed) on an exact list, tuple or str, a negative one counting from the
 * end as list[i] and tuple[i] do; C stolen.  Other containers, and indices
 * out of range (IndexError), take p2w_subscr_fast. */
static inline PyObject *p2w_subscr_int_const(PyObject *c, PyObject *sub, Py_ssize_t i) {
    PyObject *res = NULL;
    if (PyList_CheckExact(c)) {
        Py_ssize_t n = PyList_GET_SIZE(c), j = i < 0 ? i + n : i;
        if ((size_t)j < (size_t)n) res = PyList_GET_ITEM(c, j);
    } else if (PyTuple_CheckExact(c)) {
        Py_ssize_t n = PyTuple_GET_SIZE(c), j = i < 0 ? i + n : i;
        if ((size_t)j < (size_t)n) res = PyTuple_GET_ITEM(c, j);
    } else if (PyUnicode_CheckExact(c) && PyUnicode_IS_READY(c)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(c);
        res = p2w_str_item_peek(c, i < 0 ? i + n : i);
    }
    if (res == NULL) return p2w_subscr_fast(c, Py_NewRef(sub));
    Py_INCREF(res);
    Py_DECREF(c);
    return res;
}

/* STORE_SUBSCR: C[SUB] = V for a list and an in-range one-digit int, or an
 * exact dict (STORE_SUBSCR_LIST_INT / _DICT); all three stolen.  0, or -1
 * with an exception set. */
static inline int p2w_store_subscr_fast(PyObject *c, PyObject *sub, PyObject *v) {
    int err;
    if (PyList_CheckExact(c) && PyLong_CheckExact(sub) && (size_t)Py_SIZE(sub) <= 1 &&
        (Py_ssize_t)((PyLongObject *)sub)->ob_digit[0] < PyList_GET_SIZE(c)) {
        Py_ssize_t i = ((PyLongObject *)sub)->ob_digit[0];
        PyObject *old = PyList_GET_ITEM(c, i);
        PyList_SET_ITEM(c, i, v);
        Py_DECREF(old);
        Py_DECREF(sub);
        Py_DECREF(c);
        return 0;
    }
    if (PyDict_CheckExact(c))
        err = PyDict_SetItem(c, sub, v);
    else
        err = PyObject_SetItem(c, sub, v);
    Py_DECREF(v);
    Py_DECREF(c);
    Py_DECREF(sub);
    return err;
}

/* The layouts of list and range iterators, private to listobject.c and
 * rangeobject.c in 3.11.2 (checked against tp_basicsize when the eval hook
 * is installed). */
typedef struct {
    PyObject_HEAD Py_ssize_t it_index;
    PyListObject *it_seq; /* NULL when exhausted */
} p2w_listiter;
typedef struct {
    PyObject_HEAD long index;
    long start;
    long step;
    long len;
} p2w_rangeiter;

/* At start-up: checks the layouts above against the running CPython and
 * finds the builtin methods the generated code recognises; 0, or -1 with
 * an exception set. */
int p2w_fast_init(void);

/* slot_tp_init (typeobject.c): the tp_init of a class whose __init__ is
 * Python code, or NULL when p2w_fast_init found no such class. */
extern initproc p2w_slot_tp_init;

/* The method descriptor list.append (borrowed: list's type dict holds it
 * for the life of the process).  A call `x.append(v)` whose method is this
 * and whose self is an exact list appends in place, as ceval's
 * PRECALL_NO_KW_LIST_APPEND does. */
extern PyObject *p2w_list_append;
/* list.pop likewise: `x.pop()` on an exact list takes the last item in
 * place when list.pop would not shrink the list's storage (3.11's
 * list_resize keeps it while the new size is at least half of what is
 * allocated); the general call does the rest, and raises on an empty
 * list. */
extern PyObject *p2w_list_pop;
/* The builtins len and isinstance (strong references, so that no other
 * object can take their addresses): a call `len(x)` / `isinstance(x, t)`
 * of a global that is one of them does its work without the call. */
extern PyObject *p2w_builtin_len;
extern PyObject *p2w_builtin_isinstance;
static inline bool p2w_list_can_pop(PyObject *l) {
    Py_ssize_t n = Py_SIZE(l);
    return n > 0 && n - 1 >= (((PyListObject *)l)->allocated >> 1);
}
/* The last item of L (p2w_list_can_pop), whose reference moves from the
 * list to the caller. */
static inline PyObject *p2w_list_pop_last(PyObject *l) {
    Py_ssize_t n = Py_SIZE(l) - 1;
    Py_SET_SIZE(l, n);
    return ((PyListObject *)l)->ob_item[n];
}

/* Steps range iterator RI: false when it is exhausted, else true with
 * its next value in *V. */
static inline bool p2w_range_step(p2w_rangeiter *ri, long *v) {
    if (ri->index >= ri->len) return false;
    /* unsigned: no signed overflow in the intermediate product */
    *v = (long)(ri->start + (unsigned long)(ri->index++) * ri->step);
    return true;
}

/* The next item of generator GEN, whose code FN is compiled and which is
 * not running (created or suspended): a new reference, or NULL at its end
 * (no exception: a value it returned is dropped, as FOR_ITER does) or with
 * an exception set (p2w_gen.c). */
PyObject *p2w_gen_next(PyThreadState *tstate, PyGenObject *gen, const p2w_compiled_fn *fn);

/* FOR_ITER: the next item of iterator IT (borrowed) as a new reference, or
 * NULL at the end or with an exception set.  List and range iterators
 * are stepped in place (FOR_ITER_LIST / FOR_ITER_RANGE), compiled
 * generators resumed directly. */
static inline PyObject *p2w_iter_next(PyObject *it) {
    if (Py_IS_TYPE(it, &PyListIter_Type)) {
        p2w_listiter *li = (p2w_listiter *)it;
        PyListObject *seq = li->it_seq;
        if (seq == NULL) return NULL;
        if (li->it_index < PyList_GET_SIZE(seq)) return Py_NewRef(seq->ob_item[li->it_index++]);
        li->it_seq = NULL;
        Py_DECREF(seq);
        return NULL;
    }
    if (Py_IS_TYPE(it, &PyRangeIter_Type)) {
        long v;
        return p2w_range_step((p2w_rangeiter *)it, &v) ? p2w_long_from(v) : NULL;
    }
    if (Py_IS_TYPE(it, &PyGen_Type)) {
        PyGenObject *gen = (PyGenObject *)it;
        PyThreadState *tstate = _PyThreadState_GET();
        const p2w_compiled_fn *fn;
        if (gen->gi_frame_state < FRAME_EXECUTING && tstate->cframe->use_tracing == 0 &&
            (fn = p2w_compiled_for(((_PyInterpreterFrame *)gen->gi_iframe)->f_code)) != NULL)
            return p2w_gen_next(tstate, gen, fn);
    }
    return (*Py_TYPE(it)->tp_iternext)(it);
}

/* FOR_ITER on range iterator IT (borrowed) fused with the STORE_FAST of
 * its item to *LOCAL: 1 when the next item is stored, 0 when the range is
 * exhausted, -1 with an exception set.  The local's old int takes the new
 * value in place when nothing else refers to it, which spares an allocation
 * and a deallocation per iteration. */
static inline int p2w_range_next_store(PyObject *it, PyObject **local) {
    long v;
    if (!p2w_range_step((p2w_rangeiter *)it, &v)) return 0;
    PyObject *old = *local;
    if (p2w_int_reusable(old, v)) {
        p2w_int_set(old, v);
        return 1;
    }
    PyObject *item = p2w_long_from(v);
    if (item == NULL) return -1;
    *local = item;
    Py_XDECREF(old);
    return 1;
}

/* A <OP> B for a rich-comparison OP (Py_LT ... Py_GE); NaN compares as C
 * does, which is Python's float semantics. */
static inline int p2w_compare_doubles(double a, double b, int op) {
    switch (op) {
    case Py_LT: return a < b;
    case Py_LE: return a <= b;
    case Py_EQ: return a == b;
    case Py_NE: return a != b;
    case Py_GT: return a > b;
    default: return a >= b;
    }
}
static inline int p2w_compare_ints(long long a, long long b, int op) {
    switch (op) {
    case Py_LT: return a < b;
    case Py_LE: return a <= b;
    case Py_EQ: return a == b;
    case Py_NE: return a != b;
    case Py_GT: return a > b;
    default: return a >= b;
    }
}

/* The order of exact strs L and R (both borrowed) whose characters are
 * all one byte wide (latin-1), as unicode_compare orders them: by code
 * point, a prefix first.  False when either is of another kind. */
static inline bool p2w_latin1_order(PyObject *l, PyObject *r, int *order) {
    if (!PyUnicode_CheckExact(l) || !PyUnicode_CheckExact(r) || !PyUnicode_IS_READY(l) ||
        !PyUnicode_IS_READY(r) || PyUnicode_KIND(l) != PyUnicode_1BYTE_KIND ||
        PyUnicode_KIND(r) != PyUnicode_1BYTE_KIND)
        return false;
    Py_ssize_t nl = PyUnicode_GET_LENGTH(l), nr = PyUnicode_GET_LENGTH(r);
    int c = memcmp(PyUnicode_DATA(l), PyUnicode_DATA(r), (size_t)(nl < nr ? nl : nr));
    *order = c != 0 ? c : (nl > nr) - (nl < nr);
    return true;
}

/* L <OP> R in place for exact operands whose comparison runs no Python
 * code and cannot fail, as COMPARE_OP_*_JUMP do it: ints below 2**60,
 * floats and one-digit ints in any mix, str equality, and the order of
 * latin-1 strs.  False when the operands are of other kinds (L and R
 * borrowed). */
static inline bool p2w_compare_exact(PyObject *l, PyObject *r, int op, int *t) {
    double x, y;
    int order;
    if (p2w_is_int60(l) && p2w_is_int60(r)) {
        *t = p2w_compare_ints(p2w_int60_value(l), p2w_int60_value(r), op);
    } else if (p2w_exact_double(l, &x) && p2w_exact_double(r, &y)) {
        /* one-digit ints and floats, in any mix, compare exactly as doubles */
        *t = p2w_compare_doubles(x, y, op);
    } else if ((op == Py_EQ || op == Py_NE) && PyUnicode_CheckExact(l) && PyUnicode_CheckExact(r)) {
        *t = _PyUnicode_Equal(l, r) ^ (op == Py_NE);
    } else if (p2w_latin1_order(l, r, &order)) {
        *t = p2w_compare_ints(order, 0, op);
    } else {
        return false;
    }
    return true;
}

/* COMPARE_OP followed by a conditional jump: the truth of L <OP> R, with L
 * and R stolen; 1, 0, or -1 with an exception set. */
int p2w_compare_truth_slow(PyObject *l, PyObject *r, int op);
static inline int p2w_compare_truth(PyObject *l, PyObject *r, int op) {
    int t;
    if (!p2w_compare_exact(l, r, op, &t)) return p2w_compare_truth_slow(l, r, op);
    Py_DECREF(l);
    Py_DECREF(r);
    return t;
}

/* COMPARE_OP whose result is kept: L <OP> R with L and R stolen, a new
 * reference or NULL with an exception set.  The operands
 * p2w_compare_exact knows give a bool without the rich-comparison call. */
static inline PyObject *p2w_compare_value(PyObject *l, PyObject *r, int op) {
    int t;
    PyObject *res = p2w_compare_exact(l, r, op, &t) ? Py_NewRef(t ? Py_True : Py_False)
                                                    : PyObject_RichCompare(l, r, op);
    Py_DECREF(l);
    Py_DECREF(r);
    return res;
}

/* p2w_compare_truth with a constant right operand R (borrowed), an int
 * below 2**60 whose value is B, or a float; L stolen. */
static inline int p2w_compare_truth_int_const(PyObject *l, PyObject *r, long long b, int op) {
    if (p2w_is_int60(l)) {
        int t = p2w_compare_ints(p2w_int60_value(l), b, op);
        Py_DECREF(l);
        return t;
    }
    return p2w_compare_truth(l, Py_NewRef(r), op);
}
static inline int p2w_compare_truth_float_const(PyObject *l, PyObject *r, int op) {
    double x;
    if (p2w_exact_double(l, &x)) {
        int t = p2w_compare_doubles(x, ((PyFloatObject *)r)->ob_fval, op);
        Py_DECREF(l);
        return t;
    }
    return p2w_compare_truth(l, Py_NewRef(r), op);
}

/* LOAD_ATTR / STORE_ATTR through a per-site cache of up to P2W_ATTR_WAYS
 * classes (a site in a base-class method sees every subclass).  An entry
 * says where the attribute lives in instances of one class, valid while
 * the class keeps the version tag recorded (any change to the class or its
 * bases gives it a new one):
 *   P2W_ATTR_VALUES  in the object's inline values, at an index of the
 *                    class's shared keys (LOAD_ATTR_INSTANCE_VALUE);
 *   P2W_ATTR_SLOT    in a __slots__ member at a byte offset
 *                    (LOAD_ATTR_SLOT / STORE_ATTR_SLOT);
 *   P2W_ATTR_HINT    in the object's own __dict__ (a combined table: the
 *                    class's instances got one when attributes were added
 *                    that the shared keys could not take), probably at an
 *                    entry index, checked against the name on every use
 *                    (LOAD_ATTR_WITH_HINT / STORE_ATTR_WITH_HINT).
 * A site that keeps missing (more classes than ways, or attributes the
 * cache cannot describe) refills only on every P2W_ATTR_BACK_OFF-th miss,
 * as CPython's adaptive instructions back off before specialising again. */
#define P2W_ATTR_WAYS 4
#define P2W_ATTR_BACK_OFF 64 /* misses after which a site refills only every 64th time */
enum { P2W_ATTR_VALUES = 1, P2W_ATTR_SLOT = 2, P2W_ATTR_HINT = 3 };
typedef struct {
    uint32_t type_version; /* 0: empty entry */
    uint32_t kind;
    Py_ssize_t where; /* values index, slot offset, or dict entry index */
} p2w_attr_entry;
typedef struct {
    p2w_attr_entry way[P2W_ATTR_WAYS];
    uint32_t misses; /* slow-path visits */
} p2w_attr_cache;

/* Where attribute NAME of OWNER is, as ENTRY (of OWNER's class) describes:
 * a pointer to the slot holding it (which may hold NULL: not set), or NULL
 * when this object does not keep it there.  *DICT gets the __dict__ of a
 * P2W_ATTR_HINT entry. */
static inline PyObject **p2w_attr_slot(PyObject *owner, PyObject *name, const p2w_attr_entry *e,
                                       PyDictObject **dict) {
    if (e->kind == P2W_ATTR_VALUES) {
        PyDictValues *values = *_PyObject_ValuesPointer(owner);
        return values ? &values->values[e->where] : NULL;
    }
    if (e->kind == P2W_ATTR_SLOT) return (PyObject **)((char *)owner + e->where);
    PyDictObject *d = (PyDictObject *)*_PyObject_ManagedDictPointer(owner);
    if (d == NULL || d->ma_values != NULL) return NULL;
    PyDictKeysObject *keys = d->ma_keys;
    if (!DK_IS_UNICODE(keys) || e->where >= keys->dk_nentries) return NULL;
    PyDictUnicodeEntry *ep = DK_UNICODE_ENTRIES(keys) + e->where;
    if (ep->me_key != name) return NULL;
    *dict = d;
    return &ep->me_value;
}

/* The attribute NAME of OWNER where CACHE says its class keeps it,
 * borrowed, without running anything: NULL when the cache does not know
 * the class or this object lacks the attribute there (the general lookup
 * then decides).  A class may have entries of two kinds (instances with
 * inline values and instances with a __dict__). */
static inline PyObject *p2w_attr_peek(PyObject *owner, PyObject *name,
                                      const p2w_attr_cache *cache) {
    uint32_t version = Py_TYPE(owner)->tp_version_tag;
    for (int i = 0; i < P2W_ATTR_WAYS; i++) {
        if (cache->way[i].type_version != version || version == 0) continue;
        PyDictObject *dict = NULL;
        PyObject **slot = p2w_attr_slot(owner, name, &cache->way[i], &dict);
        if (slot != NULL && *slot != NULL) return *slot;
    }
    return NULL;
}

/* OWNER borrowed; a new reference, or NULL with an exception set. */
PyObject *p2w_load_attr_slow(PyObject *owner, PyObject *name, p2w_attr_cache *cache);
static inline PyObject *p2w_load_attr_cached(PyObject *owner, PyObject *name,
                                             p2w_attr_cache *cache) {
    PyObject *v = p2w_attr_peek(owner, name, cache);
    return v ? Py_NewRef(v) : p2w_load_attr_slow(owner, name, cache);
}

/* OWNER and V stolen; 0, or -1 with an exception set. */
int p2w_store_attr_slow(PyObject *owner, PyObject *name, PyObject *v, p2w_attr_cache *cache);
static inline int p2w_store_attr_cached(PyObject *owner, PyObject *name, PyObject *v,
                                        p2w_attr_cache *cache) {
    uint32_t version = Py_TYPE(owner)->tp_version_tag;
    for (int i = 0; i < P2W_ATTR_WAYS; i++) {
        const p2w_attr_entry *e = &cache->way[i];
        if (e->type_version != version || version == 0) continue;
        PyDictObject *dict = NULL;
        PyObject **slot = p2w_attr_slot(owner, name, e, &dict);
        if (slot == NULL) continue;
        PyObject *old = *slot;
        if (dict != NULL) {
            /* only a value replaced: adding a key is the dict's business */
            if (old == NULL) continue;
            *slot = v;
            if (!_PyObject_GC_IS_TRACKED(dict) && _PyObject_GC_MAY_BE_TRACKED(v))
                _PyObject_GC_TRACK(dict);
            dict->ma_version_tag = DICT_NEXT_VERSION(); /* PEP 509 */
            Py_DECREF(old);
        } else {
            *slot = v;
            if (old != NULL)
                Py_DECREF(old);
            else if (e->kind == P2W_ATTR_VALUES)
                _PyDictValues_AddToInsertionOrder(*_PyObject_ValuesPointer(owner), e->where);
        }
        Py_DECREF(owner);
        return 0;
    }
    return p2w_store_attr_slow(owner, name, v, cache);
}

/* LOAD_METHOD through a per-site cache: for instances of a class (by
 * version tag) whose instances cannot hold an attribute of that name, the
 * method found on the class (borrowed: the class keeps it while its
 * version holds).  Such instances have no __dict__ at all, or inline
 * values whose shared keys (at the version recorded) lack the name.  As
 * LOAD_METHOD_NO_DICT / LOAD_METHOD_WITH_VALUES. */
typedef struct {
    uint32_t type_version; /* 0: empty entry */
    uint32_t keys_version; /* 0: the class's instances have no __dict__ */
    PyObject *method;
} p2w_method_entry;
typedef struct {
    p2w_method_entry way[P2W_ATTR_WAYS];
    uint32_t misses;
} p2w_method_cache;

/* LOAD_METHOD's general path: sets *METH to a new reference (the unbound
 * method when it returns 1, the attribute's value when 0), or NULL with an
 * exception set; fills CACHE. */
int p2w_load_method_slow(PyObject *obj, PyObject *name, PyObject **meth, p2w_method_cache *cache);
/* As _PyObject_GetMethod (OBJ borrowed) through CACHE. */
static inline int p2w_load_method_cached(PyObject *obj, PyObject *name, PyObject **meth,
                                         p2w_method_cache *cache) {
    PyTypeObject *tp = Py_TYPE(obj);
    uint32_t version = tp->tp_version_tag;
    for (int i = 0; i < P2W_ATTR_WAYS; i++) {
        const p2w_method_entry *e = &cache->way[i];
        if (e->type_version != version || version == 0) continue;
        if (e->keys_version != 0) {
            /* instances with a materialised __dict__ may shadow the name */
            if (*_PyObject_ValuesPointer(obj) == NULL ||
                ((PyHeapTypeObject *)tp)->ht_cached_keys->dk_version != e->keys_version)
                break;
        }
        *meth = Py_NewRef(e->method);
        return 1;
    }
    return p2w_load_method_slow(obj, name, meth, cache);
}

/* LOAD_GLOBAL through a per-site cache, at two levels:
 *   - the value itself, valid while neither dict has changed at all: a
 *     dict's ma_version_tag (PEP 509) is unique to one state of one dict,
 *     taken afresh at every change, so an unchanged tag means an unchanged
 *     value (a module whose globals are never written reads them so);
 *   - the entry index of NAME in the globals (or builtins) dict, valid
 *     while the dicts' key sets keep the versions recorded; a value stored
 *     under an existing key is read live (LOAD_GLOBAL_MODULE /
 *     LOAD_GLOBAL_BUILTIN), and taken as the first level's new value. */
typedef struct {
    uint64_t globals_tag;      /* 0 (no dict's tag): no value cached */
    uint64_t builtins_tag;     /* with BUILTINS, whose tag it is */
    PyObject *builtins;        /* NULL: NAME is a global */
    PyObject *value;           /* borrowed: the dicts hold it while their tags hold */
    uint32_t globals_version;  /* 0: empty cache */
    uint32_t builtins_version; /* 0: NAME is a global */
    Py_ssize_t index;
} p2w_global_cache;

PyObject *p2w_load_global_slow(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
                               p2w_global_cache *cache);

/* The second level of p2w_global_peek, which also refills the first. */
PyObject *p2w_global_peek_entry(_PyInterpreterFrame *frame, p2w_global_cache *cache);

/* The global (or builtin) where CACHE says it is, borrowed, without
 * running anything: NULL when the cache no longer describes the frame's
 * globals and builtins, or the name is unbound (the general lookup then
 * decides). */
static inline __attribute__((always_inline)) PyObject *p2w_global_peek(_PyInterpreterFrame *frame,
                                                                       p2w_global_cache *cache) {
    /* f_globals is a dict (a subclass at worst); f_builtins, alive while
     * the frame is, may be any mapping, even one at the address of the dict
     * the cache knew */
    if (((PyDictObject *)frame->f_globals)->ma_version_tag == cache->globals_tag &&
        (cache->builtins == NULL ||
         (frame->f_builtins == cache->builtins && PyDict_CheckExact(cache->builtins) &&
          ((PyDictObject *)cache->builtins)->ma_version_tag == cache->builtins_tag)))
        return cache->value;
    return p2w_global_peek_entry(frame, cache);
}
static inline __attribute__((always_inline)) PyObject *
p2w_load_global_cached(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
                       p2w_global_cache *cache) {
    PyObject *v = p2w_global_peek(frame, cache);
    return v ? Py_NewRef(v) : p2w_load_global_slow(tstate, frame, name, cache);
}

/* BUILD_LIST / BUILD_SET / BUILD_MAP (N pairs) / BUILD_CONST_KEY_MAP (N values + keys
 * tuple) / BUILD_SLICE (N = 2 or 3) / BUILD_STRING: the items are the
 * slots ITEMS[0..count), all stolen. */
PyObject *p2w_build_list(PyObject **items, int n);
PyObject *p2w_build_set(PyObject **items, int n);
PyObject *p2w_build_map(PyObject **items, int n);
PyObject *p2w_build_const_key_map(PyObject **items, int n);
PyObject *p2w_build_slice(PyObject **items, int n);
PyObject *p2w_build_string(PyObject **items, int n);

/* LIST_EXTEND / SET_UPDATE / DICT_UPDATE: TARGET is borrowed, ITERABLE
 * stolen. */
int p2w_list_extend(PyThreadState *tstate, PyObject *list, PyObject *iterable);
int p2w_set_update(PyObject *set, PyObject *iterable);
int p2w_dict_update(PyThreadState *tstate, PyObject *dict, PyObject *update);

/* DICT_MERGE: merges UPDATE (stolen) into DICT (borrowed) for a call of
 * FUNC (borrowed; only named in error messages); a repeated keyword is an
 * error.  Returns 0, or -1 with CPython's own TypeError set. */
int p2w_dict_merge(PyThreadState *tstate, PyObject *dict, PyObject *update, PyObject *func);

/* CALL_FUNCTION_EX: calls FUNC (borrowed) with the positional arguments in
 * ARGS (stolen; any iterable) and the keywords in KWARGS (stolen; NULL or
 * any mapping).  Returns a new reference, or NULL with an exception set. */
PyObject *p2w_call_function_ex(PyThreadState *tstate, PyObject *func, PyObject *args,
                               PyObject *kwargs);

/* SETUP_ANNOTATIONS: makes sure LOCALS (borrowed; a frame's f_locals) has
 * an __annotations__ entry.  Returns 0, or -1 with an exception set. */
int p2w_setup_annotations(PyThreadState *tstate, PyObject *locals);

/* UNPACK_SEQUENCE (after = -1) / UNPACK_EX: steals SEQ and writes the
 * COUNT results downwards from OUT_TOP (exclusive), first item deepest...
 * i.e. out_top[-1] is the first item.  On error nothing is written that
 * the caller must release. */
int p2w_unpack(PyThreadState *tstate, PyObject *seq, int before, int after, PyObject **out_top);

/* MAKE_FUNCTION: ITEMS[0..n) are the flagged extras in stack order
 * (defaults, kwdefaults, annotations, closure) followed by the code object;
 * all stolen. */
PyObject *p2w_make_function(_PyInterpreterFrame *frame, PyObject **items, int n, int flags);
/* The vectorcall of functions whose code is compiled (p2w_call.c): a call
 * with positional arguments the parameters take as they are runs the C
 * function on a frame pushed here; any other call goes to
 * _PyFunction_Vectorcall.  ARGS borrowed, result new. */
PyObject *p2w_function_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames);

/* FORMAT_VALUE: steals VALUE and FMT_SPEC (may be NULL). */
PyObject *p2w_format_value(PyThreadState *tstate, PyObject *value, PyObject *fmt_spec, int oparg);

/* IMPORT_NAME: steals LEVEL and FROMLIST.  IMPORT_FROM: MODULE borrowed. */
PyObject *p2w_import_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
                          PyObject *fromlist, PyObject *level);
PyObject *p2w_import_from(PyThreadState *tstate, PyObject *module, PyObject *name);

/* RAISE_VARARGS: steals EXC and CAUSE (either may be NULL).  Always leaves
 * an exception set; returns 1 for a bare `raise` (re-raise: the traceback
 * must not get this frame again) and 0 otherwise. */
int p2w_raise(PyThreadState *tstate, PyObject *exc, PyObject *cause);
/* RERAISE: steals VAL; sets it as the current exception. */
void p2w_reraise(PyThreadState *tstate, PyObject *val);
/* CHECK_EXC_MATCH: LEFT borrowed, RIGHT stolen; 1/0/-1. */
int p2w_check_exc_match(PyThreadState *tstate, PyObject *left, PyObject *right);
/* The exception being unwound (normalised, traceback attached), taken
 * from the thread state: new reference. */
PyObject *p2w_fetch_exception(PyThreadState *tstate);

/* BEFORE_WITH / BEFORE_ASYNC_WITH (ASYNC): MGR stolen; on success *EXIT
 * gets the bound __exit__/__aexit__ (new) and the __enter__/__aenter__
 * result is returned. */
PyObject *p2w_before_with(PyThreadState *tstate, PyObject *mgr, PyObject **exit, bool async);
/* WITH_EXCEPT_START: EXIT and VAL borrowed. */
PyObject *p2w_with_except_start(PyObject *exit, PyObject *val);

/* IMPORT_STAR: steals MODULE; binds its public names in the frame's
 * locals. */
int p2w_import_star(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *module);
/* PRINT_EXPR (interactive code): steals VALUE, passes it to
 * sys.displayhook. */
int p2w_print_expr(PyThreadState *tstate, PyObject *value);

/* ---- generators, coroutines, async iteration (p2w_gen.c) ---- */
/* RETURN_GENERATOR: moves FRAME (stack top SP) into a new generator,
 * coroutine or async generator object, which is returned (new).  FRAME is
 * left empty but for its function and code; the caller leaves it as for
 * a return. */
PyObject *p2w_return_generator(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject **sp);
/* GET_AWAITABLE (WHERE = its oparg: 1 __aenter__, 2 __aexit__ result, 0
 * await) / GET_YIELD_FROM_ITER (CO: the running code) / GET_AITER: steal
 * OBJ, return the iterator (new). */
PyObject *p2w_get_awaitable(PyThreadState *tstate, PyObject *obj, int where);
PyObject *p2w_get_yield_from_iter(PyThreadState *tstate, PyCodeObject *co, PyObject *obj);
PyObject *p2w_get_aiter(PyThreadState *tstate, PyObject *obj);
/* GET_ANEXT: AITER borrowed; the awaitable of its next item (new). */
PyObject *p2w_get_anext(PyThreadState *tstate, PyObject *aiter);
/* END_ASYNC_FOR: steals EXC; 0 when it is StopAsyncIteration (the loop
 * ends), else -1 with EXC re-raised (no new traceback entry). */
int p2w_end_async_for(PyThreadState *tstate, PyObject *exc);

/* ---- pattern matching and except* (p2w_match.c) ---- */
/* MATCH_KEYS: SUBJECT and KEYS (a tuple) borrowed; the tuple of values,
 * None when a key is missing, or NULL. */
PyObject *p2w_match_keys(PyThreadState *tstate, PyObject *subject, PyObject *keys);
/* MATCH_CLASS: SUBJECT borrowed, TYPE and KW_NAMES (tuple) stolen; NARGS
 * positional sub-patterns.  The tuple of attributes, None for no match,
 * or NULL. */
PyObject *p2w_match_class(PyThreadState *tstate, PyObject *subject, PyObject *type,
                          PyObject *kw_names, int nargs);
/* CHECK_EG_MATCH: EXC borrowed, MATCH_TYPE stolen.  Returns the matching
 * part of EXC (new; None for no match) and sets *REST to the rest (new;
 * NULL when there is no match, None when nothing is left); NULL on error. */
PyObject *p2w_check_eg_match(PyThreadState *tstate, PyObject *exc, PyObject *match_type,
                             PyObject **rest);

/* LOAD_BUILD_CLASS */
PyObject *p2w_load_build_class(PyThreadState *tstate, _PyInterpreterFrame *frame);

/* Unwinding: releases stack slots above NEW_TOP (NULL slots allowed) and
 * returns NEW_TOP. */
static inline PyObject **p2w_pop_to(PyObject **sp, PyObject **new_top) {
    while (sp > new_top) {
        PyObject *v = *--sp;
        Py_XDECREF(v);
    }
    return sp;
}
/* Records FRAME in the traceback of the exception being raised, as ceval
 * does on every error (not on re-raise). */
void p2w_traceback_here(_PyInterpreterFrame *frame);
/* The frame's last instruction index as a new int (for handlers with the
 * lasti flag), or NULL. */
PyObject *p2w_lasti(_PyInterpreterFrame *frame);

#endif

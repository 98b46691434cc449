/* p2w_export.c - one call of an exported Python function from the host.
 *
 * The generated wrapper (see p2w_export.h) hands over its wasm arguments;
 * here they become Python objects, the function is looked up in the
 * program's globals at each call (so a module that rebinds the name is
 * followed, as a Python caller would be), called, and its result converted
 * back under the rules of its annotation:
 *
 *   int    i64, exact: an int outside [-2**63, 2**63) raises OverflowError
 *   float  f64; an int result is accepted, as Python's typing allows
 *   bool   i32 0/1; the result must be a bool
 *   str    argument (ptr, len) of UTF-8, decoded strictly; result a block
 *          (p2w_reactor.c) of UTF-8
 *   bytes  argument (ptr, len); result a block; bytes or bytearray
 *   None   result only: nothing is returned, the value is ignored
 *
 * A result of another type raises TypeError.  Every error, whether from the
 * Python function or from a conversion, is reported by p2w_reactor_fail(). */
#include "p2w_export.h"

#include "p2w_reactor.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[] = {"None", "int", "float", "bool", "str", "bytes"};

/* Adds a PEP 678 note ("while ...") to the pending exception, so the host
 * learns which argument a conversion error is about.  The exception stays
 * set. */
static void add_note(const char *fmt, ...) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    va_list ap;
    va_start(ap, fmt);
    PyObject *note = PyUnicode_FromFormatV(fmt, ap);
    va_end(ap);
    PyObject *res = note ? PyObject_CallMethod(value, "add_note", "O", note) : NULL;
    Py_XDECREF(note);
    Py_XDECREF(res);
    PyErr_Clear(); /* a failure to annotate must not hide the real error */
    PyErr_Restore(type, value, tb);
}

/* Checks that [PTR, PTR+LEN) lies in linear memory, so that a bad pointer
 * from the host raises ValueError instead of trapping.  Returns 0, or -1
 * with an exception set. */
static int check_span(const char *ptr, uint32_t len) {
    size_t end = (size_t)__builtin_wasm_memory_size(0) * 65536;
    size_t start = (size_t)(uintptr_t)ptr;
    if ((!ptr && len) || start > end || len > end - start) {
        PyErr_Format(PyExc_ValueError, "(pointer %zu, length %u) is outside linear memory", start,
                     (unsigned)len);
        return -1;
    }
    return 0;
}

/* Argument I of EX as a new reference, or NULL with an exception set. */
static PyObject *to_python(const struct p2w_export *ex, size_t i, const union p2w_value *v) {
    PyObject *obj = NULL;
    switch (ex->param_types[i]) {
    case P2W_T_INT: return PyLong_FromLongLong(v->i);
    case P2W_T_FLOAT: return PyFloat_FromDouble(v->f);
    case P2W_T_BOOL: return PyBool_FromLong(v->b != 0);
    case P2W_T_STR:
        if (check_span(v->s.ptr, v->s.len) == 0)
            obj = PyUnicode_DecodeUTF8(v->s.ptr, (Py_ssize_t)v->s.len, "strict");
        break;
    case P2W_T_BYTES:
        if (check_span(v->s.ptr, v->s.len) == 0)
            obj = PyBytes_FromStringAndSize(v->s.len ? v->s.ptr : "", (Py_ssize_t)v->s.len);
        break;
    default: PyErr_SetString(PyExc_SystemError, "py2wasm: bad parameter type"); return NULL;
    }
    if (!obj)
        add_note("while converting argument '%s' (%s) of exported function %s()",
                 ex->param_names[i], type_names[ex->param_types[i]], ex->name);
    return obj;
}

/* Copies BYTES[0..LEN) into a result block; -1 with MemoryError when out of
 * memory. */
static int block_result(const char *bytes, Py_ssize_t len, union p2w_value *out) {
    out->block = malloc(4 + (size_t)len + 1);
    if (!out->block) {
        PyErr_NoMemory();
        return -1;
    }
    uint32_t n = (uint32_t)len;
    memcpy(out->block, &n, 4);
    memcpy(out->block + 4, bytes, (size_t)len);
    out->block[4 + len] = '\0';
    return 0;
}

static int wrong_result(const struct p2w_export *ex, PyObject *res) {
    PyErr_Format(PyExc_TypeError, "exported function %s() returned %.200s, not %s (its annotation)",
                 ex->name, Py_TYPE(res)->tp_name, type_names[ex->result]);
    return -1;
}

/* Converts RES (borrowed) to the wasm result of EX.  Returns 0, or -1 with
 * an exception set. */
static int from_python(const struct p2w_export *ex, PyObject *res, union p2w_value *out) {
    switch (ex->result) {
    case P2W_T_NONE: return 0;
    case P2W_T_INT: {
        if (!PyLong_Check(res)) return wrong_result(ex, res);
        int overflow;
        out->i = PyLong_AsLongLongAndOverflow(res, &overflow);
        if (overflow) {
            PyErr_Format(PyExc_OverflowError,
                         "exported function %s() returned %R, which does not fit in i64 "
                         "(-2**63 <= n < 2**63)",
                         ex->name, res);
            return -1;
        }
        return out->i == -1 && PyErr_Occurred() ? -1 : 0;
    }
    case P2W_T_FLOAT:
        if (!PyFloat_Check(res) && !PyLong_Check(res)) return wrong_result(ex, res);
        out->f = PyFloat_AsDouble(res);
        return out->f == -1.0 && PyErr_Occurred() ? -1 : 0;
    case P2W_T_BOOL:
        if (!PyBool_Check(res)) return wrong_result(ex, res);
        out->b = res == Py_True;
        return 0;
    case P2W_T_STR: {
        if (!PyUnicode_Check(res)) return wrong_result(ex, res);
        Py_ssize_t len;
        const char *utf8 = PyUnicode_AsUTF8AndSize(res, &len);
        return utf8 ? block_result(utf8, len, out) : -1;
    }
    case P2W_T_BYTES:
        if (PyBytes_Check(res))
            return block_result(PyBytes_AS_STRING(res), PyBytes_GET_SIZE(res), out);
        if (PyByteArray_Check(res))
            return block_result(PyByteArray_AS_STRING(res), PyByteArray_GET_SIZE(res), out);
        return wrong_result(ex, res);
    default: PyErr_SetString(PyExc_SystemError, "py2wasm: bad result type"); return -1;
    }
}

/* The exported function itself (new reference), or NULL with an exception
 * set when the program no longer defines it. */
static PyObject *find_function(struct p2w_export *ex, PyObject *globals) {
    if (!ex->name_obj) {
        ex->name_obj = PyUnicode_InternFromString(ex->name);
        if (!ex->name_obj) return NULL;
    }
    PyObject *fn = PyDict_GetItemWithError(globals, ex->name_obj); /* borrowed */
    if (fn) {
        Py_INCREF(fn);
        return fn;
    }
    if (!PyErr_Occurred())
        PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%s' (exported function)",
                     PyDict_GetItemString(globals, "__name__"), ex->name);
    return NULL;
}

/* Exceptions raised inside the Python function carry their traceback; the
 * interpreter's state after a call is the same whether it failed or not. */
int p2w_export_call(struct p2w_export *ex, const union p2w_value *args, union p2w_value *result) {
    p2w_reactor_clear_error();
    memset(result, 0, sizeof *result);
    PyObject *globals = p2w_reactor_globals();
    if (!globals) return -1;
    enum { MAX_ARGS = 64 }; /* more is refused at build time */
    PyObject *argv[MAX_ARGS];
    size_t n = 0;
    int rc = -1;
    PyObject *fn = find_function(ex, globals);
    if (!fn) goto done;
    for (; n < ex->nparams; n++) {
        argv[n] = to_python(ex, n, &args[n]);
        if (!argv[n]) goto done;
    }
    PyObject *res = PyObject_Vectorcall(fn, argv, n, NULL);
    if (!res) goto done;
    rc = from_python(ex, res, result);
    Py_DECREF(res);
done:
    for (size_t i = 0; i < n; i++) Py_DECREF(argv[i]);
    Py_XDECREF(fn);
    if (rc < 0) {
        memset(result, 0, sizeof *result);
        p2w_reactor_fail();
        return -1;
    }
    if (p2w_reactor_flush() < 0) {
        free(ex->result == P2W_T_STR || ex->result == P2W_T_BYTES ? result->block : NULL);
        memset(result, 0, sizeof *result);
        return -1;
    }
    return 0;
}

/* p2w_ops.c - out-of-line helpers for translated bytecode (see p2w_ops.h
 * for the reference and error conventions).  Each reproduces what
 * Python/ceval.c of CPython 3.11.2 does for the opcode it names, including
 * the exact error messages, since programs and tests observe them. */
#include "p2w_ops.h"

#include <stdarg.h>

#include "internal/pycore_call.h"
#include "internal/pycore_global_objects.h"
#include "internal/pycore_object.h"
#include "internal/pycore_sysmodule.h"

#define NAME_ERROR_MSG "name '%.200s' is not defined"
#define UNBOUNDLOCAL_ERROR_MSG                                                                     \
    "cannot access local variable '%s' where it is not associated with a value"
#define UNBOUNDFREE_ERROR_MSG                                                                      \
    "cannot access free variable '%s' where it is not associated with a value in enclosing scope"

/* ceval's format_exc_check_arg: raises EXC with FMT % NAME; a NameError
 * also records the name, for the "Did you mean" suggestion. */
static void name_error(PyThreadState *tstate, PyObject *exc, const char *fmt, PyObject *name) {
    const char *s = PyUnicode_AsUTF8(name);
    if (!s) return;
    _PyErr_Format(tstate, exc, fmt, s);
    if (exc == PyExc_NameError) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        if (PyErr_GivenExceptionMatches(value, PyExc_NameError) &&
            ((PyNameErrorObject *)value)->name == NULL)
            (void)PyObject_SetAttr(value, &_Py_ID(name), name);
        PyErr_Restore(type, value, tb);
    }
}

int p2w_handle_pending(PyThreadState *tstate) {
    (void)tstate;
    return Py_MakePendingCalls();
}

void p2w_unbound_local(PyThreadState *tstate, _PyInterpreterFrame *frame, int index) {
    name_error(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
               PyTuple_GET_ITEM(frame->f_code->co_localsplusnames, index));
}

void p2w_unbound_deref(PyThreadState *tstate, _PyInterpreterFrame *frame, int index) {
    PyCodeObject *co = frame->f_code;
    if (_PyErr_Occurred(tstate)) return;
    PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, index);
    if (index < co->co_nplaincellvars + co->co_nlocals)
        name_error(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, name);
    else
        name_error(tstate, PyExc_NameError, UNBOUNDFREE_ERROR_MSG, name);
}

PyObject *p2w_load_global(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name) {
    PyObject *v;
    if (PyDict_CheckExact(frame->f_globals) && PyDict_CheckExact(frame->f_builtins)) {
        v = _PyDict_LoadGlobal((PyDictObject *)frame->f_globals, (PyDictObject *)frame->f_builtins,
                               name);
        if (v == NULL) {
            if (!_PyErr_Occurred(tstate)) name_error(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
            return NULL;
        }
        Py_INCREF(v);
        return v;
    }
    v = PyObject_GetItem(frame->f_globals, name);
    if (v) return v;
    if (!_PyErr_ExceptionMatches(tstate, PyExc_KeyError)) return NULL;
    _PyErr_Clear(tstate);
    v = PyObject_GetItem(frame->f_builtins, name);
    if (!v && _PyErr_ExceptionMatches(tstate, PyExc_KeyError))
        name_error(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
    return v;
}

/* Looks NAME up in mapping NS: new reference; NULL with no exception when
 * absent. */
static PyObject *lookup_in(PyThreadState *tstate, PyObject *ns, PyObject *name) {
    if (PyDict_CheckExact(ns)) {
        PyObject *v = PyDict_GetItemWithError(ns, name);
        Py_XINCREF(v);
        return v;
    }
    PyObject *v = PyObject_GetItem(ns, name);
    if (!v && _PyErr_ExceptionMatches(tstate, PyExc_KeyError)) _PyErr_Clear(tstate);
    return v;
}

PyObject *p2w_load_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name) {
    PyObject *locals = frame->f_locals;
    if (locals == NULL) {
        _PyErr_Format(tstate, PyExc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    PyObject *v = lookup_in(tstate, locals, name);
    if (v || _PyErr_Occurred(tstate)) return v;
    v = PyDict_GetItemWithError(frame->f_globals, name);
    if (v) {
        Py_INCREF(v);
        return v;
    }
    if (_PyErr_Occurred(tstate)) return NULL;
    if (PyDict_CheckExact(frame->f_builtins)) {
        v = PyDict_GetItemWithError(frame->f_builtins, name);
        if (!v) {
            if (!_PyErr_Occurred(tstate)) name_error(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
            return NULL;
        }
        Py_INCREF(v);
        return v;
    }
    v = PyObject_GetItem(frame->f_builtins, name);
    if (!v && _PyErr_ExceptionMatches(tstate, PyExc_KeyError))
        name_error(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
    return v;
}

PyObject *p2w_load_classderef(PyThreadState *tstate, _PyInterpreterFrame *frame, int index) {
    PyObject *name = PyTuple_GET_ITEM(frame->f_code->co_localsplusnames, index);
    PyObject *v = lookup_in(tstate, frame->f_locals, name);
    if (v || _PyErr_Occurred(tstate)) return v;
    v = PyCell_GET(frame->localsplus[index]);
    if (!v) {
        p2w_unbound_deref(tstate, frame, index);
        return NULL;
    }
    Py_INCREF(v);
    return v;
}

int p2w_store_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name, PyObject *v) {
    PyObject *ns = frame->f_locals;
    int err;
    if (ns == NULL) {
        _PyErr_Format(tstate, PyExc_SystemError, "no locals found when storing %R", name);
        Py_DECREF(v);
        return -1;
    }
    if (PyDict_CheckExact(ns))
        err = PyDict_SetItem(ns, name, v);
    else
        err = PyObject_SetItem(ns, name, v);
    Py_DECREF(v);
    return err ? -1 : 0;
}

int p2w_delete_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name) {
    PyObject *ns = frame->f_locals;
    if (ns == NULL) {
        _PyErr_Format(tstate, PyExc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    if (PyObject_DelItem(ns, name) != 0) {
        name_error(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
        return -1;
    }
    return 0;
}

int p2w_store_global(_PyInterpreterFrame *frame, PyObject *name, PyObject *v) {
    int err = PyDict_SetItem(frame->f_globals, name, v);
    Py_DECREF(v);
    return err ? -1 : 0;
}

int p2w_delete_global(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name) {
    if (PyDict_DelItem(frame->f_globals, name) != 0) {
        if (_PyErr_ExceptionMatches(tstate, PyExc_KeyError))
            name_error(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
        return -1;
    }
    return 0;
}

static PyObject *power(PyObject *a, PyObject *b) { return PyNumber_Power(a, b, Py_None); }
static PyObject *inplace_power(PyObject *a, PyObject *b) {
    return PyNumber_InPlacePower(a, b, Py_None);
}

/* Indexed by NB_* (Include/internal/pycore_opcode.h order). */
static const binaryfunc binary_ops[] = {
    [NB_ADD] = PyNumber_Add,
    [NB_AND] = PyNumber_And,
    [NB_FLOOR_DIVIDE] = PyNumber_FloorDivide,
    [NB_LSHIFT] = PyNumber_Lshift,
    [NB_MATRIX_MULTIPLY] = PyNumber_MatrixMultiply,
    [NB_MULTIPLY] = PyNumber_Multiply,
    [NB_REMAINDER] = PyNumber_Remainder,
    [NB_OR] = PyNumber_Or,
    [NB_POWER] = power,
    [NB_RSHIFT] = PyNumber_Rshift,
    [NB_SUBTRACT] = PyNumber_Subtract,
    [NB_TRUE_DIVIDE] = PyNumber_TrueDivide,
    [NB_XOR] = PyNumber_Xor,
    [NB_INPLACE_ADD] = PyNumber_InPlaceAdd,
    [NB_INPLACE_AND] = PyNumber_InPlaceAnd,
    [NB_INPLACE_FLOOR_DIVIDE] = PyNumber_InPlaceFloorDivide,
    [NB_INPLACE_LSHIFT] = PyNumber_InPlaceLshift,
    [NB_INPLACE_MATRIX_MULTIPLY] = PyNumber_InPlaceMatrixMultiply,
    [NB_INPLACE_MULTIPLY] = PyNumber_InPlaceMultiply,
    [NB_INPLACE_REMAINDER] = PyNumber_InPlaceRemainder,
    [NB_INPLACE_OR] = PyNumber_InPlaceOr,
    [NB_INPLACE_POWER] = inplace_power,
    [NB_INPLACE_RSHIFT] = PyNumber_InPlaceRshift,
    [NB_INPLACE_SUBTRACT] = PyNumber_InPlaceSubtract,
    [NB_INPLACE_TRUE_DIVIDE] = PyNumber_InPlaceTrueDivide,
    [NB_INPLACE_XOR] = PyNumber_InPlaceXor,
};

PyObject *p2w_binary_op(PyObject *l, PyObject *r, int oparg) {
    PyObject *res = binary_ops[oparg](l, r);
    Py_DECREF(l);
    Py_DECREF(r);
    return res;
}

static void release(PyObject **items, int n) {
    for (int i = 0; i < n; i++) Py_XDECREF(items[i]);
}

PyObject *p2w_build_list(PyObject **items, int n) {
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        release(items, n);
        return NULL;
    }
    for (int i = 0; i < n; i++) PyList_SET_ITEM(list, i, items[i]);
    return list;
}

PyObject *p2w_build_set(PyObject **items, int n) {
    PyObject *set = PySet_New(NULL);
    int err = set ? 0 : -1;
    for (int i = 0; i < n; i++) {
        if (err == 0) err = PySet_Add(set, items[i]);
        Py_DECREF(items[i]);
    }
    if (err != 0) {
        Py_XDECREF(set);
        return NULL;
    }
    return set;
}

PyObject *p2w_build_map(PyObject **items, int n) {
    PyObject *map = _PyDict_FromItems(items, 2, items + 1, 2, n);
    release(items, 2 * n);
    return map;
}

PyObject *p2w_build_const_key_map(PyObject **items, int n) {
    PyObject *keys = items[n];
    PyObject *map = NULL;
    if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != (Py_ssize_t)n)
        PyErr_SetString(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
    else
        map = _PyDict_FromItems(&PyTuple_GET_ITEM(keys, 0), 1, items, 1, n);
    release(items, n + 1);
    return map;
}

PyObject *p2w_build_slice(PyObject **items, int n) {
    PyObject *slice = PySlice_New(items[0], items[1], n == 3 ? items[2] : NULL);
    release(items, n);
    return slice;
}

PyObject *p2w_build_string(PyObject **items, int n) {
    PyObject *s = _PyUnicode_JoinArray(&_Py_STR(empty), items, n);
    release(items, n);
    return s;
}

int p2w_list_extend(PyThreadState *tstate, PyObject *list, PyObject *iterable) {
    PyObject *none_val = _PyList_Extend((PyListObject *)list, iterable);
    if (none_val == NULL) {
        if (_PyErr_ExceptionMatches(tstate, PyExc_TypeError) &&
            (Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable))) {
            _PyErr_Clear(tstate);
            _PyErr_Format(tstate, PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                          Py_TYPE(iterable)->tp_name);
        }
        Py_DECREF(iterable);
        return -1;
    }
    Py_DECREF(none_val);
    Py_DECREF(iterable);
    return 0;
}

int p2w_set_update(PyObject *set, PyObject *iterable) {
    int err = _PySet_Update(set, iterable);
    Py_DECREF(iterable);
    return err < 0 ? -1 : 0;
}

int p2w_dict_update(PyThreadState *tstate, PyObject *dict, PyObject *update) {
    if (PyDict_Update(dict, update) < 0) {
        if (_PyErr_ExceptionMatches(tstate, PyExc_AttributeError))
            _PyErr_Format(tstate, PyExc_TypeError, "'%.200s' object is not a mapping",
                          Py_TYPE(update)->tp_name);
        Py_DECREF(update);
        return -1;
    }
    Py_DECREF(update);
    return 0;
}

/* Raises TypeError("<description of FUNC><rest>"), REST formatted from FMT
 * as PyUnicode_FromFormat does: how CPython words errors about the
 * arguments of a call. */
static void call_type_error(PyThreadState *tstate, PyObject *func, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    PyObject *rest = PyUnicode_FromFormatV(fmt, ap);
    va_end(ap);
    PyObject *name = rest ? _PyObject_FunctionStr(func) : NULL;
    if (name) _PyErr_Format(tstate, PyExc_TypeError, "%U%U", name, rest);
    Py_XDECREF(name);
    Py_XDECREF(rest);
}

/* Rewrites the error of a failed keyword merge for FUNC the way CPython
 * reports it: a non-mapping (the merge's AttributeError on .keys) and a
 * repeated keyword (its KeyError carrying the key) become TypeErrors. */
static void kwargs_error(PyThreadState *tstate, PyObject *func, PyObject *kwargs) {
    if (_PyErr_ExceptionMatches(tstate, PyExc_AttributeError)) {
        _PyErr_Clear(tstate);
        call_type_error(tstate, func, " argument after ** must be a mapping, not %.200s",
                        Py_TYPE(kwargs)->tp_name);
        return;
    }
    if (!_PyErr_ExceptionMatches(tstate, PyExc_KeyError)) return;
    PyObject *type, *value, *tb;
    _PyErr_Fetch(tstate, &type, &value, &tb);
    if (!value || !PyTuple_Check(value) || PyTuple_GET_SIZE(value) != 1) {
        _PyErr_Restore(tstate, type, value, tb); /* some other KeyError */
        return;
    }
    PyObject *name = _PyObject_FunctionStr(func);
    if (name) {
        _PyErr_Format(tstate, PyExc_TypeError, "%U got multiple values for keyword argument '%S'",
                      name, PyTuple_GET_ITEM(value, 0));
        Py_DECREF(name);
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

int p2w_dict_merge(PyThreadState *tstate, PyObject *dict, PyObject *update, PyObject *func) {
    /* override=2: a key already present raises KeyError(key) */
    int err = _PyDict_MergeEx(dict, update, 2);
    if (err < 0) kwargs_error(tstate, func, update);
    Py_DECREF(update);
    return err < 0 ? -1 : 0;
}

PyObject *p2w_call_function_ex(PyThreadState *tstate, PyObject *func, PyObject *args,
                               PyObject *kwargs) {
    PyObject *res = NULL;
    if (kwargs && !PyDict_CheckExact(kwargs)) {
        PyObject *d = PyDict_New();
        if (!d) goto done;
        if (_PyDict_MergeEx(d, kwargs, 2) < 0) {
            Py_DECREF(d);
            kwargs_error(tstate, func, kwargs);
            goto done;
        }
        Py_SETREF(kwargs, d);
    }
    if (!PyTuple_CheckExact(args)) {
        if (Py_TYPE(args)->tp_iter == NULL && !PySequence_Check(args)) {
            _PyErr_Clear(tstate); /* the message below needs a clean state */
            call_type_error(tstate, func, " argument after * must be an iterable, not %.200s",
                            Py_TYPE(args)->tp_name);
            goto done;
        }
        Py_SETREF(args, PySequence_Tuple(args));
        if (!args) goto done;
    }
    res = PyObject_Call(func, args, kwargs);
done:
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    return res;
}

int p2w_setup_annotations(PyThreadState *tstate, PyObject *locals) {
    PyObject *key = &_Py_ID(__annotations__);
    if (locals == NULL) {
        _PyErr_Format(tstate, PyExc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    if (PyDict_CheckExact(locals)) {
        if (_PyDict_GetItemWithError(locals, key)) return 0;
        if (_PyErr_Occurred(tstate)) return -1;
    } else {
        PyObject *ann = PyObject_GetItem(locals, key);
        if (ann) {
            Py_DECREF(ann);
            return 0;
        }
        if (!_PyErr_ExceptionMatches(tstate, PyExc_KeyError)) return -1;
        _PyErr_Clear(tstate);
    }
    PyObject *ann = PyDict_New();
    if (!ann) return -1;
    int err = PyDict_CheckExact(locals) ? PyDict_SetItem(locals, key, ann)
                                        : PyObject_SetItem(locals, key, ann);
    Py_DECREF(ann);
    return err;
}

/* The general case of p2w_unpack: iterates SEQ (borrowed). */
static int unpack_iterable(PyThreadState *tstate, PyObject *v, int argcnt, int argcntafter,
                           PyObject **sp) {
    int i = 0;
    PyObject *it = PyObject_GetIter(v);
    PyObject *w;
    if (it == NULL) {
        if (_PyErr_ExceptionMatches(tstate, PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL &&
            !PySequence_Check(v))
            _PyErr_Format(tstate, PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                          Py_TYPE(v)->tp_name);
        return -1;
    }
    for (; i < argcnt; i++) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (!_PyErr_Occurred(tstate)) {
                if (argcntafter == -1)
                    _PyErr_Format(tstate, PyExc_ValueError,
                                  "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    _PyErr_Format(tstate, PyExc_ValueError,
                                  "not enough values to unpack (expected at least %d, got %d)",
                                  argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (_PyErr_Occurred(tstate)) goto error;
            Py_DECREF(it);
            return 0;
        }
        Py_DECREF(w);
        _PyErr_Format(tstate, PyExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    PyObject *l = PySequence_List(it);
    if (l == NULL) goto error;
    *--sp = l;
    i++;
    Py_ssize_t ll = PyList_GET_SIZE(l);
    if (ll < argcntafter) {
        _PyErr_Format(tstate, PyExc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    /* move the trailing items of the list into their own slots */
    for (int j = argcntafter; j > 0; j--, i++) *--sp = PyList_GET_ITEM(l, ll - j);
    Py_SET_SIZE(l, ll - argcntafter);
    Py_DECREF(it);
    return 0;
error:
    for (; i > 0; i--, sp++) Py_DECREF(*sp);
    Py_XDECREF(it);
    return -1;
}

int p2w_unpack(PyThreadState *tstate, PyObject *seq, int before, int after, PyObject **out_top) {
    /* exact tuples and lists of the right length are unpacked in the
     * generated code, before it calls this */
    int rc = unpack_iterable(tstate, seq, before, after, out_top);
    Py_DECREF(seq);
    return rc;
}

PyObject *p2w_make_function(_PyInterpreterFrame *frame, PyObject **items, int n, int flags) {
    PyObject *code = items[n - 1];
    PyFunctionObject *func = (PyFunctionObject *)PyFunction_New(code, frame->f_globals);
    Py_DECREF(code);
    if (func == NULL) {
        release(items, n - 1);
        return NULL;
    }
    int k = n - 2; /* extras are popped from the top down */
    if (flags & 0x08) func->func_closure = items[k--];
    if (flags & 0x04) func->func_annotations = items[k--];
    if (flags & 0x02) func->func_kwdefaults = items[k--];
    if (flags & 0x01) func->func_defaults = items[k--];
    if (p2w_compiled_for((PyCodeObject *)func->func_code))
        func->vectorcall = p2w_function_vectorcall;
    return (PyObject *)func;
}

PyObject *p2w_format_value(PyThreadState *tstate, PyObject *value, PyObject *fmt_spec, int oparg) {
    PyObject *(*conv_fn)(PyObject *) = NULL;
    switch (oparg & FVC_MASK) {
    case FVC_NONE: break;
    case FVC_STR: conv_fn = PyObject_Str; break;
    case FVC_REPR: conv_fn = PyObject_Repr; break;
    case FVC_ASCII: conv_fn = PyObject_ASCII; break;
    default:
        _PyErr_Format(tstate, PyExc_SystemError, "unexpected conversion flag %d", oparg & FVC_MASK);
        Py_DECREF(value);
        Py_XDECREF(fmt_spec);
        return NULL;
    }
    if (conv_fn) {
        PyObject *r = conv_fn(value);
        Py_DECREF(value);
        if (r == NULL) {
            Py_XDECREF(fmt_spec);
            return NULL;
        }
        value = r;
    }
    if (PyUnicode_CheckExact(value) && fmt_spec == NULL) return value;
    PyObject *res = PyObject_Format(value, fmt_spec);
    Py_DECREF(value);
    Py_XDECREF(fmt_spec);
    return res;
}

PyObject *p2w_import_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
                          PyObject *fromlist, PyObject *level) {
    PyObject *res = NULL;
    PyObject *import_func = _PyDict_GetItemWithError(frame->f_builtins, &_Py_ID(__import__));
    PyObject *locals = frame->f_locals ? frame->f_locals : Py_None;
    if (import_func == NULL) {
        if (!_PyErr_Occurred(tstate))
            _PyErr_SetString(tstate, PyExc_ImportError, "__import__ not found");
    } else if (import_func == tstate->interp->import_func) {
        int ilevel = _PyLong_AsInt(level);
        if (!(ilevel == -1 && _PyErr_Occurred(tstate)))
            res =
                PyImport_ImportModuleLevelObject(name, frame->f_globals, locals, fromlist, ilevel);
    } else {
        PyObject *stack[5] = {name, frame->f_globals, locals, fromlist, level};
        Py_INCREF(import_func);
        res = PyObject_Vectorcall(import_func, stack, 5, NULL);
        Py_DECREF(import_func);
    }
    Py_DECREF(fromlist);
    Py_DECREF(level);
    return res;
}

PyObject *p2w_import_from(PyThreadState *tstate, PyObject *v, PyObject *name) {
    PyObject *x, *pkgname, *pkgpath, *pkgname_or_unknown, *errmsg;
    if (_PyObject_LookupAttr(v, name, &x) != 0) return x;
    /* a circular relative import: the submodule may be in sys.modules */
    pkgname = PyObject_GetAttr(v, &_Py_ID(__name__));
    if (pkgname == NULL) goto error;
    if (!PyUnicode_Check(pkgname)) {
        Py_CLEAR(pkgname);
        goto error;
    }
    PyObject *fullmodname = PyUnicode_FromFormat("%U.%U", pkgname, name);
    if (fullmodname == NULL) {
        Py_DECREF(pkgname);
        return NULL;
    }
    x = PyImport_GetModule(fullmodname);
    Py_DECREF(fullmodname);
    if (x == NULL && !_PyErr_Occurred(tstate)) goto error;
    Py_DECREF(pkgname);
    return x;
error:
    pkgpath = PyModule_GetFilenameObject(v);
    if (pkgname == NULL) {
        pkgname_or_unknown = PyUnicode_FromString("<unknown module name>");
        if (pkgname_or_unknown == NULL) {
            Py_XDECREF(pkgpath);
            return NULL;
        }
    } else {
        pkgname_or_unknown = pkgname;
    }
    if (pkgpath == NULL || !PyUnicode_Check(pkgpath)) {
        _PyErr_Clear(tstate);
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name,
                                      pkgname_or_unknown);
        PyErr_SetImportError(errmsg, pkgname, NULL);
    } else {
        PyObject *spec = PyObject_GetAttr(v, &_Py_ID(__spec__));
        const char *fmt = _PyModuleSpec_IsInitializing(spec)
                              ? "cannot import name %R from partially initialized module %R "
                                "(most likely due to a circular import) (%S)"
                              : "cannot import name %R from %R (%S)";
        Py_XDECREF(spec);
        errmsg = PyUnicode_FromFormat(fmt, name, pkgname_or_unknown, pkgpath);
        PyErr_SetImportError(errmsg, pkgname, pkgpath);
    }
    Py_XDECREF(errmsg);
    Py_XDECREF(pkgname_or_unknown);
    Py_XDECREF(pkgpath);
    return NULL;
}

/* Binds NAME (borrowed, a str) in LOCALS to MODULE.NAME. */
static int import_one(PyObject *locals, PyObject *module, PyObject *name) {
    PyObject *v = PyObject_GetAttr(module, name);
    if (v == NULL) return -1;
    int err = PyDict_CheckExact(locals) ? PyDict_SetItem(locals, name, v)
                                        : PyObject_SetItem(locals, name, v);
    Py_DECREF(v);
    return err;
}

/* `from MODULE import *` into LOCALS: the names in MODULE.__all__, or else
 * the public names of its __dict__. */
static int import_all(PyThreadState *tstate, PyObject *locals, PyObject *module) {
    PyObject *names;
    bool public_only = false;
    if (_PyObject_LookupAttr(module, &_Py_ID(__all__), &names) < 0) return -1;
    if (names == NULL) {
        PyObject *dict;
        if (_PyObject_LookupAttr(module, &_Py_ID(__dict__), &dict) < 0) return -1;
        if (dict == NULL) {
            _PyErr_SetString(tstate, PyExc_ImportError,
                             "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        names = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (names == NULL) return -1;
        public_only = true;
    }
    int err = 0;
    for (Py_ssize_t i = 0; err == 0; i++) {
        /* __all__ may be any sequence, read by index until IndexError */
        PyObject *name = PySequence_GetItem(names, i);
        if (name == NULL) {
            if (_PyErr_ExceptionMatches(tstate, PyExc_IndexError))
                _PyErr_Clear(tstate);
            else
                err = -1;
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttr(module, &_Py_ID(__name__));
            if (modname != NULL && !PyUnicode_Check(modname))
                _PyErr_Format(tstate, PyExc_TypeError,
                              "module __name__ must be a string, not %.100s",
                              Py_TYPE(modname)->tp_name);
            else if (modname != NULL)
                _PyErr_Format(tstate, PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                              public_only ? "Key" : "Item", modname,
                              public_only ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
            Py_XDECREF(modname);
            err = -1;
        } else if (PyUnicode_READY(name) < 0) {
            err = -1;
        } else if (!(public_only && PyUnicode_READ_CHAR(name, 0) == '_')) {
            err = import_one(locals, module, name);
        }
        Py_DECREF(name);
    }
    Py_DECREF(names);
    return err;
}

int p2w_import_star(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *module) {
    int err = -1;
    if (_PyFrame_FastToLocalsWithError(frame) < 0) goto done;
    if (frame->f_locals == NULL) {
        _PyErr_SetString(tstate, PyExc_SystemError, "no locals found during 'import *'");
        goto done;
    }
    err = import_all(tstate, frame->f_locals, module);
    _PyFrame_LocalsToFast(frame, 0);
done:
    Py_DECREF(module);
    return err;
}

int p2w_print_expr(PyThreadState *tstate, PyObject *value) {
    PyObject *hook = _PySys_GetAttr(tstate, &_Py_ID(displayhook)); /* borrowed */
    PyObject *res = NULL;
    if (hook == NULL)
        _PyErr_SetString(tstate, PyExc_RuntimeError, "lost sys.displayhook");
    else
        res = PyObject_CallOneArg(hook, value);
    Py_DECREF(value);
    if (res == NULL) return -1;
    Py_DECREF(res);
    return 0;
}

int p2w_raise(PyThreadState *tstate, PyObject *exc, PyObject *cause) {
    PyObject *type = NULL, *value = NULL;
    if (exc == NULL) {
        _PyErr_StackItem *exc_info = _PyErr_GetTopmostException(tstate);
        value = exc_info->exc_value;
        if (Py_IsNone(value) || value == NULL) {
            _PyErr_SetString(tstate, PyExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        type = PyExceptionInstance_Class(value);
        Py_XINCREF(type);
        Py_XINCREF(value);
        _PyErr_Restore(tstate, type, value, PyException_GetTraceback(value));
        return 1;
    }
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = _PyObject_CallNoArgs(exc);
        if (value == NULL) goto raise_error;
        if (!PyExceptionInstance_Check(value)) {
            _PyErr_Format(tstate, PyExc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          type, Py_TYPE(value));
            goto raise_error;
        }
    } else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = PyExceptionInstance_Class(exc);
        Py_INCREF(type);
    } else {
        Py_DECREF(exc);
        _PyErr_SetString(tstate, PyExc_TypeError, "exceptions must derive from BaseException");
        goto raise_error;
    }
    if (cause) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = _PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL) goto raise_error;
            Py_DECREF(cause);
        } else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = cause;
        } else if (Py_IsNone(cause)) {
            Py_DECREF(cause);
            fixed_cause = NULL;
        } else {
            _PyErr_SetString(tstate, PyExc_TypeError,
                             "exception causes must derive from BaseException");
            goto raise_error;
        }
        PyException_SetCause(value, fixed_cause);
    }
    _PyErr_SetObject(tstate, type, value);
    Py_DECREF(value);
    Py_DECREF(type);
    return 0;
raise_error:
    Py_XDECREF(value);
    Py_XDECREF(type);
    Py_XDECREF(cause);
    return 0;
}

void p2w_reraise(PyThreadState *tstate, PyObject *val) {
    PyObject *exc = Py_NewRef(PyExceptionInstance_Class(val));
    PyObject *tb = PyException_GetTraceback(val);
    _PyErr_Restore(tstate, exc, val, tb);
}

int p2w_check_exc_match(PyThreadState *tstate, PyObject *left, PyObject *right) {
    int bad = 0;
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++)
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(right, i))) bad = 1;
    } else {
        bad = !PyExceptionClass_Check(right);
    }
    if (bad) {
        _PyErr_SetString(tstate, PyExc_TypeError,
                         "catching classes that do not inherit from BaseException is not allowed");
        Py_DECREF(right);
        return -1;
    }
    int res = PyErr_GivenExceptionMatches(left, right);
    Py_DECREF(right);
    return res;
}

PyObject *p2w_fetch_exception(PyThreadState *tstate) {
    PyObject *exc, *val, *tb;
    _PyErr_Fetch(tstate, &exc, &val, &tb);
    _PyErr_NormalizeException(tstate, &exc, &val, &tb);
    PyException_SetTraceback(val, tb ? tb : Py_None);
    Py_XDECREF(tb);
    Py_XDECREF(exc);
    return val;
}

PyObject *p2w_before_with(PyThreadState *tstate, PyObject *mgr, PyObject **exit, bool async) {
    const char *protocol = async ? "asynchronous context manager" : "context manager";
    PyObject *enter =
        _PyObject_LookupSpecial(mgr, async ? &_Py_ID(__aenter__) : &_Py_ID(__enter__));
    *exit = NULL;
    if (enter == NULL) {
        if (!_PyErr_Occurred(tstate))
            _PyErr_Format(tstate, PyExc_TypeError,
                          "'%.200s' object does not support the %s protocol", Py_TYPE(mgr)->tp_name,
                          protocol);
        Py_DECREF(mgr);
        return NULL;
    }
    PyObject *ex = _PyObject_LookupSpecial(mgr, async ? &_Py_ID(__aexit__) : &_Py_ID(__exit__));
    if (ex == NULL) {
        if (!_PyErr_Occurred(tstate))
            _PyErr_Format(tstate, PyExc_TypeError,
                          "'%.200s' object does not support the %s protocol (missed %s method)",
                          Py_TYPE(mgr)->tp_name, protocol, async ? "__aexit__" : "__exit__");
        Py_DECREF(enter);
        Py_DECREF(mgr);
        return NULL;
    }
    Py_DECREF(mgr);
    *exit = ex;
    PyObject *res = _PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    return res;
}

PyObject *p2w_with_except_start(PyObject *exit, PyObject *val) {
    PyObject *exc = PyExceptionInstance_Class(val);
    PyObject *tb = PyException_GetTraceback(val);
    Py_XDECREF(tb); /* the exception keeps it alive */
    PyObject *stack[4] = {NULL, exc, val, tb};
    return PyObject_Vectorcall(exit, stack + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *p2w_load_build_class(PyThreadState *tstate, _PyInterpreterFrame *frame) {
    PyObject *bc;
    if (PyDict_CheckExact(frame->f_builtins)) {
        bc = _PyDict_GetItemWithError(frame->f_builtins, &_Py_ID(__build_class__));
        if (bc == NULL) {
            if (!_PyErr_Occurred(tstate))
                _PyErr_SetString(tstate, PyExc_NameError, "__build_class__ not found");
            return NULL;
        }
        Py_INCREF(bc);
        return bc;
    }
    bc = PyObject_GetItem(frame->f_builtins, &_Py_ID(__build_class__));
    if (bc == NULL && _PyErr_ExceptionMatches(tstate, PyExc_KeyError))
        _PyErr_SetString(tstate, PyExc_NameError, "__build_class__ not found");
    return bc;
}

void p2w_traceback_here(_PyInterpreterFrame *frame) {
    /* The traceback entry needs the line of frame->prev_instr, which 3.11
     * finds by scanning the code's line table from its start: a hot loop
     * raising and catching in a long function spends most of its time
     * there.  The per-instruction line array that tracing builds answers in
     * one load; it is built once per code object that raises (2 or 4 bytes
     * per code unit), keeping the exception being raised. */
    PyCodeObject *co = frame->f_code;
    if (co->_co_linearray == NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        if (_PyCode_CreateLineArray(co) < 0) PyErr_Clear();
        PyErr_Restore(type, value, tb);
    }
    if (!_PyFrame_IsIncomplete(frame)) {
        PyFrameObject *f = _PyFrame_GetFrameObject(frame);
        if (f != NULL) PyTraceBack_Here(f);
    }
}

PyObject *p2w_lasti(_PyInterpreterFrame *frame) {
    return PyLong_FromLong(_PyInterpreterFrame_LASTI(frame));
}

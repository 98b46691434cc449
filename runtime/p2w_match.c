/* p2w_match.c - helpers for structural pattern matching (MATCH_KEYS,
 * MATCH_CLASS) and for `except*` (CHECK_EG_MATCH); see p2w_ops.h for the
 * conventions.  The observable behaviour (which methods are called, in
 * which order, and the error messages) is CPython 3.11.2's. */
#include "p2w_ops.h"

#include "internal/pycore_call.h"
#include "internal/pycore_global_objects.h"

PyObject *p2w_match_keys(PyThreadState *tstate, PyObject *subject, PyObject *keys) {
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (nkeys == 0) return PyTuple_New(0);
    /* subject.get(key, missing) for each key: one lookup per key, and a
     * defaultdict's __missing__ is never triggered */
    PyObject *get = NULL, *seen = NULL, *missing = NULL, *values = NULL;
    int unbound = _PyObject_GetMethod(subject, &_Py_ID(get), &get);
    if (get == NULL) goto fail;
    seen = PySet_New(NULL);
    if (seen == NULL) goto fail;
    missing = _PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (missing == NULL) goto fail;
    values = PyTuple_New(nkeys);
    if (values == NULL) goto fail;
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        int dup = PySet_Contains(seen, key);
        if (dup == 0) dup = PySet_Add(seen, key);
        if (dup != 0) {
            if (dup > 0)
                _PyErr_Format(tstate, PyExc_ValueError, "mapping pattern checks duplicate key (%R)",
                              key);
            goto fail;
        }
        PyObject *args[3] = {subject, key, missing};
        PyObject *v = unbound ? PyObject_Vectorcall(get, args, 3, NULL)
                              : PyObject_Vectorcall(get, args + 1, 2, NULL);
        if (v == NULL) goto fail;
        if (v == missing) {
            Py_DECREF(v);
            Py_SETREF(values, Py_NewRef(Py_None));
            break;
        }
        PyTuple_SET_ITEM(values, i, v);
    }
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(missing);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(missing);
    Py_XDECREF(values);
    return NULL;
}

/* Appends SUBJECT.NAME to ATTRS for a class pattern on TYPE; NAME may name
 * only one sub-pattern.  1 appended, 0 no such attribute (no match), -1
 * error. */
static int class_pattern_attr(PyThreadState *tstate, PyObject *subject, PyObject *type,
                              PyObject *name, PyObject *seen, PyObject *attrs) {
    int dup = PySet_Contains(seen, name);
    if (dup == 0) dup = PySet_Add(seen, name);
    if (dup != 0) {
        if (dup > 0)
            _PyErr_Format(tstate, PyExc_TypeError,
                          "%s() got multiple sub-patterns for attribute %R",
                          ((PyTypeObject *)type)->tp_name, name);
        return -1;
    }
    PyObject *v;
    if (_PyObject_LookupAttr(subject, name, &v) <= 0) return _PyErr_Occurred(tstate) ? -1 : 0;
    int err = PyList_Append(attrs, v);
    Py_DECREF(v);
    return err < 0 ? -1 : 1;
}

/* The attribute names the NARGS positional sub-patterns of a class
 * pattern on TYPE refer to: a new tuple, or Py_None for "the subject
 * itself" (bool, int, str... without __match_args__), or NULL. */
static PyObject *positional_names(PyThreadState *tstate, PyObject *type, Py_ssize_t nargs) {
    PyTypeObject *tp = (PyTypeObject *)type;
    PyObject *match_args = PyObject_GetAttrString(type, "__match_args__");
    if (match_args == NULL) {
        if (!_PyErr_ExceptionMatches(tstate, PyExc_AttributeError)) return NULL;
        _PyErr_Clear(tstate);
    }
    Py_ssize_t allowed;
    if (match_args == NULL) {
        int match_self = PyType_HasFeature(tp, _Py_TPFLAGS_MATCH_SELF);
        match_args = match_self ? Py_NewRef(Py_None) : PyTuple_New(0);
        if (match_args == NULL) return NULL;
        allowed = match_self ? 1 : 0;
    } else if (!PyTuple_CheckExact(match_args)) {
        _PyErr_Format(tstate, PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                      tp->tp_name, Py_TYPE(match_args)->tp_name);
        Py_DECREF(match_args);
        return NULL;
    } else {
        allowed = PyTuple_GET_SIZE(match_args);
    }
    if (allowed < nargs) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "%s() accepts %d positional sub-pattern%s (%d given)", tp->tp_name,
                      (int)allowed, allowed == 1 ? "" : "s", (int)nargs);
        Py_DECREF(match_args);
        return NULL;
    }
    return match_args;
}

PyObject *p2w_match_class(PyThreadState *tstate, PyObject *subject, PyObject *type,
                          PyObject *kw_names, int nargs) {
    PyObject *seen = NULL, *attrs = NULL, *names = NULL, *result = NULL;
    if (!PyType_Check(type)) {
        _PyErr_SetString(tstate, PyExc_TypeError, "called match pattern must be a type");
        goto done;
    }
    int is = PyObject_IsInstance(subject, type);
    if (is <= 0) {
        if (is == 0) result = Py_NewRef(Py_None);
        goto done;
    }
    seen = PySet_New(NULL);
    attrs = PyList_New(0);
    if (seen == NULL || attrs == NULL) goto done;
    if (nargs > 0) {
        names = positional_names(tstate, type, nargs);
        if (names == NULL) goto done;
        if (names == Py_None) {
            if (PyList_Append(attrs, subject) < 0) goto done;
        } else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(names, i);
                if (!PyUnicode_CheckExact(name)) {
                    _PyErr_Format(tstate, PyExc_TypeError,
                                  "__match_args__ elements must be strings (got %s)",
                                  Py_TYPE(name)->tp_name);
                    goto done;
                }
                int r = class_pattern_attr(tstate, subject, type, name, seen, attrs);
                if (r <= 0) {
                    if (r == 0) result = Py_NewRef(Py_None);
                    goto done;
                }
            }
        }
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kw_names); i++) {
        int r =
            class_pattern_attr(tstate, subject, type, PyTuple_GET_ITEM(kw_names, i), seen, attrs);
        if (r <= 0) {
            if (r == 0) result = Py_NewRef(Py_None);
            goto done;
        }
    }
    result = PyList_AsTuple(attrs);
done:
    Py_XDECREF(names);
    Py_XDECREF(seen);
    Py_XDECREF(attrs);
    Py_DECREF(type);
    Py_DECREF(kw_names);
    return result;
}

/* except* T where T (or an item of the tuple T) is not an exception class
 * or is an exception group class: CPython's TypeErrors. */
static int check_except_star_type(PyThreadState *tstate, PyObject *match_type) {
    PyObject **items = &match_type;
    Py_ssize_t n = 1;
    if (PyTuple_Check(match_type)) {
        items = &PyTuple_GET_ITEM(match_type, 0);
        n = PyTuple_GET_SIZE(match_type);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyExceptionClass_Check(items[i])) {
            _PyErr_SetString(tstate, PyExc_TypeError,
                             "catching classes that do not inherit from BaseException is not "
                             "allowed");
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        int is_group = PyObject_IsSubclass(items[i], PyExc_BaseExceptionGroup);
        if (is_group < 0) return -1;
        if (is_group) {
            _PyErr_SetString(tstate, PyExc_TypeError,
                             "catching ExceptionGroup with except* is not allowed. Use except "
                             "instead.");
            return -1;
        }
    }
    return 0;
}

/* Splits EXC by MATCH_TYPE: *MATCH and *REST get new references (None
 * where empty).  0, or -1 with an exception set. */
static int split_group(PyObject *exc, PyObject *match_type, PyObject **match, PyObject **rest) {
    *match = *rest = NULL;
    if (Py_IsNone(exc)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc, match_type)) {
        if (_PyBaseExceptionGroup_Check(exc)) {
            *match = Py_NewRef(exc);
        } else {
            /* a naked exception caught by except* is seen wrapped */
            PyObject *excs = PyTuple_Pack(1, exc);
            if (excs == NULL) return -1;
            *match = _PyExc_CreateExceptionGroup("", excs);
            Py_DECREF(excs);
            if (*match == NULL) return -1;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (!_PyBaseExceptionGroup_Check(exc)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    PyObject *pair = PyObject_CallMethod(exc, "split", "(O)", match_type);
    if (pair == NULL) return -1;
    *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
    *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
    Py_DECREF(pair);
    return 0;
}

PyObject *p2w_check_eg_match(PyThreadState *tstate, PyObject *exc, PyObject *match_type,
                             PyObject **rest) {
    PyObject *match = NULL;
    *rest = NULL;
    if (check_except_star_type(tstate, match_type) == 0 &&
        split_group(exc, match_type, &match, rest) == 0) {
        if (Py_IsNone(match)) {
            Py_CLEAR(*rest);
        } else {
            /* the handler body sees the matched group as the exception
             * being handled (sys.exc_info()) */
            PyErr_SetExcInfo(NULL, Py_NewRef(match), NULL);
        }
    }
    Py_DECREF(match_type);
    return match;
}

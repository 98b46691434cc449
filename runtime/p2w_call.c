/* p2w_call.c - the CALL opcode (see p2w_ops.h for the conventions).
 *
 * Three paths, fastest first:
 *   - a Python function whose code is compiled, called with positional
 *     arguments its parameters take as they are (missing ones from the
 *     defaults): its frame is pushed here and its C function called
 *     directly, with the arguments moved into the frame.  This is what
 *     ceval's CALL_PY_EXACT_ARGS / CALL_PY_WITH_DEFAULTS do; it skips the
 *     vectorcall dispatch, argument binding and the eval-frame hook;
 *   - builtins taking fast-call arguments, called directly as ceval's
 *     PRECALL_BUILTIN_FAST* do;
 *   - everything else through PyObject_Vectorcall.
 *
 * A function object of compiled code also gets p2w_function_vectorcall as
 * its vectorcall, so that calls from C (type_call running __init__, sort's
 * key, map, special methods through slots) take the first path too. */
#include "p2w_ops.h"

/* _PyFrame_Clear for a frame nothing made a frame object for, which is
 * how nearly every call ends, without the call into libpython. */
static inline void clear_frame(_PyInterpreterFrame *frame) {
    if (frame->frame_obj != NULL) {
        _PyFrame_Clear(frame);
        return;
    }
    for (int i = 0; i < frame->stacktop; i++) Py_XDECREF(frame->localsplus[i]);
    Py_XDECREF(frame->f_locals);
    Py_DECREF(frame->f_func);
    Py_DECREF(frame->f_code);
}

/* Runs compiled FUNC (its reference stolen: the frame owns it) on a new
 * frame holding the NARGS arguments ARGS (stolen, or borrowed when
 * ARGS_BORROWED) and the defaults of the parameters after them.  The caller
 * checked that the frame fits in the thread's current data-stack chunk, so
 * it is pushed and popped here without libpython's calls.  Filling the
 * unbound locals is a loop, not a call of memset: there are few of them. */
__attribute__((no_builtin("memset"))) static inline PyObject *
call_compiled(PyThreadState *tstate, PyFunctionObject *func, const p2w_compiled_fn *fn,
              PyObject *const *args, int nargs, size_t frame_size, bool args_borrowed) {
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)tstate->datastack_top;
    tstate->datastack_top += frame_size;
    _PyFrame_InitializeSpecials(frame, func, NULL, co->co_nlocalsplus);
    PyObject **locals = frame->localsplus;
    int i = 0;
    for (; i < nargs; i++) locals[i] = args_borrowed ? Py_NewRef(args[i]) : args[i];
    if (i < co->co_argcount) {
        PyObject *defaults = func->func_defaults;
        int first_default = co->co_argcount - (int)PyTuple_GET_SIZE(defaults);
        for (; i < co->co_argcount; i++)
            locals[i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
    }
    for (; i < co->co_nlocalsplus; i++) locals[i] = NULL;
    PyObject *res = (*fn)(tstate, frame, 0);
    /* as ceval leaves a frame it pushed (_PyEvalFrameClearAndPop) */
    tstate->recursion_remaining--;
    clear_frame(frame);
    tstate->recursion_remaining++;
    /* the first frame of a chunk takes the chunk with it: libpython's */
    if ((PyObject **)frame == &tstate->datastack_chunk->data[0])
        _PyThreadState_PopFrame(tstate, frame);
    else
        tstate->datastack_top = (PyObject **)frame;
    return res;
}

/* The compiled code of FUNC when a call with NARGS positional arguments
 * and no keywords can bind them without CPython's general argument
 * handling, else NULL.  *FRAME_SIZE gets the size of its frame. */
static inline const p2w_compiled_fn *direct_target(PyThreadState *tstate, PyFunctionObject *func,
                                                   int nargs, size_t *frame_size) {
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    const p2w_compiled_fn *fn = p2w_compiled_for(co);
    if (fn == NULL || tstate->cframe->use_tracing) return NULL;
    if ((co->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) || co->co_kwonlyargcount) return NULL;
    int ndefaults = func->func_defaults ? (int)PyTuple_GET_SIZE(func->func_defaults) : 0;
    if (nargs > co->co_argcount || nargs + ndefaults < co->co_argcount) return NULL;
    *frame_size = (size_t)co->co_nlocalsplus + (size_t)co->co_stacksize + FRAME_SPECIALS_SIZE;
    /* a new data-stack chunk is the general path's business */
    if (!_PyThreadState_HasStackSpace(tstate, *frame_size)) return NULL;
    return fn;
}

/* A method of a builtin type called on an instance of exactly that type
 * (list.append(x), str.upper(), dict.get(k)) without the bound-method and
 * vectorcall layers, as ceval's PRECALL_NO_KW_METHOD_DESCRIPTOR_* do,
 * recursion accounting included.  ARGS[0] is self; all borrowed.  Returns
 * false when the descriptor is of another kind, else true with *RES the
 * call's result (NULL with an exception set). */
static bool call_method_descriptor(PyThreadState *tstate, PyMethodDescrObject *descr,
                                   PyObject **args, int total, PyObject **res) {
    PyMethodDef *ml = descr->d_method;
    if (!Py_IS_TYPE(args[0], descr->d_common.d_type)) return false;
    switch (ml->ml_flags) {
    case METH_O:
    case METH_NOARGS:
        if (total != (ml->ml_flags == METH_O ? 2 : 1)) return false;
        if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
            *res = NULL;
            return true;
        }
        *res = ml->ml_meth(args[0], ml->ml_flags == METH_O ? args[1] : NULL);
        _Py_LeaveRecursiveCallTstate(tstate);
        return true;
    case METH_FASTCALL:
        *res = ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(args[0], args + 1, total - 1);
        return true;
    case METH_FASTCALL | METH_KEYWORDS:
        *res = ((_PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(args[0], args + 1,
                                                                           total - 1, NULL);
        return true;
    default: return false;
    }
}

/* CLS(*args) where object.__new__ makes the instance and a Python
 * __init__ initialises it, as type_call, object_new and slot_tp_init
 * would do it but without the argument tuple, the extra C calls and the
 * __init__ lookup's bound method: the instance is allocated and, when
 * __init__ is compiled code taking the arguments directly, its frame is
 * run here (3.13's CALL_ALLOC_AND_ENTER_INIT).  ARGS[-1] holds CLS and
 * ARGS[0..TOTAL) the arguments, all borrowed.  False when CLS is not such
 * a class (nothing done), else true with *RES the instance, or NULL with
 * an exception set. */
static bool construct(PyThreadState *tstate, PyObject **args, int total, PyObject **res) {
    PyTypeObject *cls = (PyTypeObject *)args[-1];
    if (cls->tp_init != p2w_slot_tp_init || p2w_slot_tp_init == NULL ||
        cls->tp_new != PyBaseObject_Type.tp_new || (cls->tp_flags & Py_TPFLAGS_IS_ABSTRACT))
        return false;
    /* type_call's recursion level (_PyObject_MakeTpCall's) */
    if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
        *res = NULL;
        return true;
    }
    /* object_new's allocation, with the inline attribute values instances
     * of the class share keys through */
    PyObject *self = cls->tp_alloc(cls, 0);
    if (self != NULL && _PyObject_InitializeDict(self) < 0) Py_CLEAR(self);
    if (self == NULL) {
        *res = NULL;
        goto done;
    }
    /* looked up after the allocation, which may run finalisers, as
     * slot_tp_init looks it up after tp_new */
    PyObject *init = _PyType_Lookup(cls, &_Py_ID(__init__));
    size_t frame_size;
    const p2w_compiled_fn *fn =
        init != NULL && Py_IS_TYPE(init, &PyFunction_Type)
            ? direct_target(tstate, (PyFunctionObject *)init, total + 1, &frame_size)
            : NULL;
    PyObject *r;
    if (fn != NULL) {
        PyObject *frame_args[total + 1];
        frame_args[0] = self;
        for (int i = 0; i < total; i++) frame_args[i + 1] = args[i];
        r = call_compiled(tstate, (PyFunctionObject *)Py_NewRef(init), fn, frame_args, total + 1,
                          frame_size, true);
    } else {
        PyObject *tuple = _PyTuple_FromArray(args, total);
        r = NULL;
        if (tuple != NULL) {
            r = cls->tp_init(self, tuple, NULL) < 0 ? NULL : Py_NewRef(Py_None);
            Py_DECREF(tuple);
        }
    }
    if (r != NULL && r != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(r)->tp_name);
        Py_CLEAR(r);
    }
    if (r == NULL) {
        Py_CLEAR(self);
    } else {
        Py_DECREF(r);
    }
    *res = self;
done:
    _Py_LeaveRecursiveCallTstate(tstate);
    return true;
}

PyObject *p2w_call(PyThreadState *tstate, PyObject **sp, int oparg, PyObject *kwnames) {
    /* the PRECALL before every CALL has split bound methods already */
    int is_meth = sp[-oparg - 2] != NULL;
    int total = oparg + is_meth;
    PyObject *func = sp[-total - 1];
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *res;
    /* The interpreter runs a Python function's frame after stepping over
     * CALL's inline cache, so that is where the caller's f_lasti (and a
     * traceback's tb_lasti) points while the callee runs; for any other
     * callable it stays on the CALL, where the generated code put it. */
    if (Py_TYPE(func) == &PyFunction_Type)
        tstate->cframe->current_frame->prev_instr += INLINE_CACHE_ENTRIES_CALL;
    if (tstate->cframe->use_tracing) {
        res = p2w_call_traced(tstate, func, sp - total, total - nkw, kwnames);
        goto done;
    }
    if (Py_TYPE(func) == &PyFunction_Type && nkw == 0) {
        size_t frame_size;
        const p2w_compiled_fn *fn =
            direct_target(tstate, (PyFunctionObject *)func, total, &frame_size);
        if (fn)
            return call_compiled(tstate, (PyFunctionObject *)func, fn, sp - total, total,
                                 frame_size, false);
    }
    /* str(x), tuple(x) and type(x) do their work directly, as ceval's
     * PRECALL_NO_KW_STR_1 / _TUPLE_1 / _TYPE_1: no recursion level of the
     * type call, so recursion through __str__ reaches the depth, and gets
     * the message, that it does natively */
    if (nkw == 0 && total == 1 && !is_meth) {
        if (func == (PyObject *)&PyUnicode_Type) {
            res = PyObject_Str(sp[-1]);
            goto done;
        }
        if (func == (PyObject *)&PyTuple_Type) {
            res = PySequence_Tuple(sp[-1]);
            goto done;
        }
        if (func == (PyObject *)&PyType_Type) {
            res = Py_NewRef(Py_TYPE(sp[-1]));
            goto done;
        }
    }
    if (nkw == 0 && Py_IS_TYPE(func, &PyType_Type)) {
        if (construct(tstate, sp - total, total, &res)) goto done;
    }
    if (nkw == 0 && total >= 1 && Py_IS_TYPE(func, &PyMethodDescr_Type)) {
        if (call_method_descriptor(tstate, (PyMethodDescrObject *)func, sp - total, total, &res))
            goto done;
    }
    int flags = Py_TYPE(func) == &PyCFunction_Type ? PyCFunction_GET_FLAGS(func) : 0;
    /* Builtins taking fast-call arguments are called directly, as ceval's
     * specialised PRECALL_BUILTIN_FAST* do: that path does not count
     * towards the recursion limit, and recursion through such builtins
     * (sorted(key=f) calling f) must reach the same depth as natively.
     * One-argument builtins do count, as PRECALL_NO_KW_BUILTIN_O. */
    if (flags == METH_O && total == 1 && nkw == 0) {
        if (_Py_EnterRecursiveCallTstate(tstate, " while calling a Python object")) {
            res = NULL;
        } else {
            res = PyCFunction_GET_FUNCTION(func)(PyCFunction_GET_SELF(func), sp[-1]);
            _Py_LeaveRecursiveCallTstate(tstate);
        }
        goto done;
    }
    flags &= METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS | METH_METHOD;
    if (flags == (METH_FASTCALL | METH_KEYWORDS)) {
        _PyCFunctionFastWithKeywords cfunc =
            (_PyCFunctionFastWithKeywords)(void (*)(void))PyCFunction_GET_FUNCTION(func);
        res = cfunc(PyCFunction_GET_SELF(func), sp - total, total - nkw, kwnames);
    } else if (flags == METH_FASTCALL && nkw == 0) {
        _PyCFunctionFast cfunc = (_PyCFunctionFast)(void (*)(void))PyCFunction_GET_FUNCTION(func);
        res = cfunc(PyCFunction_GET_SELF(func), sp - total, total);
    } else {
        res = PyObject_Vectorcall(func, sp - total,
                                  (size_t)(total - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    }
done:
    Py_DECREF(func);
    for (int i = total; i > 0; i--) Py_DECREF(sp[-i]);
    return res;
}

PyObject *p2w_function_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames) {
    PyFunctionObject *func = (PyFunctionObject *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    /* class bodies (not CO_OPTIMIZED) run with the globals as their locals:
     * _PyFunction_Vectorcall's business, as are keyword arguments */
    if ((kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) && nargs <= INT_MAX &&
        (((PyCodeObject *)func->func_code)->co_flags & CO_OPTIMIZED)) {
        PyThreadState *tstate = _PyThreadState_GET();
        size_t frame_size;
        const p2w_compiled_fn *fn = direct_target(tstate, func, (int)nargs, &frame_size);
        if (fn) {
            Py_INCREF(func); /* the frame's */
            return call_compiled(tstate, func, fn, args, (int)nargs, frame_size, true);
        }
    }
    return _PyFunction_Vectorcall(callable, args, nargsf, kwnames);
}

/* p2w_gen.c - helpers for the opcodes of generators, coroutines and
 * asynchronous iteration (see p2w_ops.h for the conventions).
 *
 * A compiled generator runs on the generator's own _PyInterpreterFrame,
 * like an interpreted one: the value stack lives in the frame, so a
 * suspended frame is complete in memory, and genobject.c (send, throw,
 * close, yield-from delegation through _PyGen_yf, gi_frame) works on it
 * unchanged.  Error messages are CPython 3.11.2's, word for word. */
#include "p2w_ops.h"

#include "internal/pycore_genobject.h"

PyObject *p2w_return_generator(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject **sp) {
    (void)tstate;
    PyGenObject *gen = (PyGenObject *)_Py_MakeCoro(frame->f_func);
    if (gen == NULL) return NULL;
    /* The frame's contents (locals, cells, stack) move into the generator;
     * the calling frame keeps no value of its own, but still owns a
     * reference to its function and code, which its caller releases. */
    _PyFrame_SetStackPointer(frame, sp);
    _PyInterpreterFrame *gen_frame = (_PyInterpreterFrame *)gen->gi_iframe;
    _PyFrame_Copy(frame, gen_frame);
    gen->gi_frame_state = FRAME_CREATED;
    gen_frame->owner = FRAME_OWNED_BY_GENERATOR;
    frame->stacktop = 0;
    frame->f_locals = NULL;
    Py_INCREF(frame->f_func);
    Py_INCREF(frame->f_code);
    return (PyObject *)gen;
}

PyObject *p2w_get_awaitable(PyThreadState *tstate, PyObject *obj, int where) {
    PyObject *iter = _PyCoro_GetAwaitableIter(obj);
    if (iter == NULL) {
        PyTypeObject *type = Py_TYPE(obj);
        /* `async with` names the method that returned the bad object; a
         * plain `await` keeps _PyCoro_GetAwaitableIter's message. */
        if ((where == 1 || where == 2) &&
            (type->tp_as_async == NULL || type->tp_as_async->am_await == NULL))
            _PyErr_Format(tstate, PyExc_TypeError,
                          "'async with' received an object from %s that does not implement "
                          "__await__: %.100s",
                          where == 1 ? "__aenter__" : "__aexit__", type->tp_name);
    } else if (PyCoro_CheckExact(iter)) {
        PyObject *yf = _PyGen_yf((PyGenObject *)iter);
        if (yf != NULL) {
            /* the coroutine is suspended in an await of its own */
            Py_DECREF(yf);
            Py_CLEAR(iter);
            _PyErr_SetString(tstate, PyExc_RuntimeError, "coroutine is being awaited already");
        }
    }
    Py_DECREF(obj);
    return iter;
}

PyObject *p2w_get_yield_from_iter(PyThreadState *tstate, PyCodeObject *co, PyObject *obj) {
    if (PyCoro_CheckExact(obj)) {
        if (co->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)) return obj;
        Py_DECREF(obj);
        _PyErr_SetString(tstate, PyExc_TypeError,
                         "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return NULL;
    }
    if (PyGen_CheckExact(obj)) return obj;
    PyObject *iter = PyObject_GetIter(obj);
    Py_DECREF(obj);
    return iter;
}

PyObject *p2w_get_aiter(PyThreadState *tstate, PyObject *obj) {
    PyTypeObject *type = Py_TYPE(obj);
    unaryfunc aiter = type->tp_as_async ? type->tp_as_async->am_aiter : NULL;
    if (aiter == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "'async for' requires an object with __aiter__ method, got %.100s",
                      type->tp_name);
        Py_DECREF(obj);
        return NULL;
    }
    PyObject *iter = aiter(obj);
    Py_DECREF(obj);
    if (iter == NULL) return NULL;
    PyAsyncMethods *am = Py_TYPE(iter)->tp_as_async;
    if (am == NULL || am->am_anext == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "'async for' received an object from __aiter__ that does not implement "
                      "__anext__: %.100s",
                      Py_TYPE(iter)->tp_name);
        Py_DECREF(iter);
        return NULL;
    }
    return iter;
}

PyObject *p2w_get_anext(PyThreadState *tstate, PyObject *aiter) {
    PyTypeObject *type = Py_TYPE(aiter);
    /* an async generator's __anext__ already returns its awaitable */
    if (PyAsyncGen_CheckExact(aiter)) return type->tp_as_async->am_anext(aiter);
    unaryfunc anext = type->tp_as_async ? type->tp_as_async->am_anext : NULL;
    if (anext == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "'async for' requires an iterator with __anext__ method, got %.100s",
                      type->tp_name);
        return NULL;
    }
    PyObject *next = anext(aiter);
    if (next == NULL) return NULL;
    PyObject *awaitable = _PyCoro_GetAwaitableIter(next);
    if (awaitable == NULL)
        _PyErr_FormatFromCause(PyExc_TypeError,
                               "'async for' received an invalid object from __anext__: %.100s",
                               Py_TYPE(next)->tp_name);
    Py_DECREF(next);
    return awaitable;
}

int p2w_end_async_for(PyThreadState *tstate, PyObject *exc) {
    if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
        Py_DECREF(exc);
        return 0;
    }
    p2w_reraise(tstate, exc);
    return -1;
}

/* What gen_send_ex2 does for next(gen), for a generator whose code is
 * compiled and not running, but calling its C function directly: no
 * gen_iternext/gen_send_ex2/_PyEval_EvalFrame/eval-hook layers per item.
 * The generator's frame is resumed with None pushed (the value `yield`
 * evaluates to), linked to the caller's frame and exception state while
 * it runs, and cleared when the generator finishes. */
PyObject *p2w_gen_next(PyThreadState *tstate, PyGenObject *gen, const p2w_compiled_fn *fn) {
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
    _PyFrame_StackPush(frame, Py_NewRef(Py_None));
    frame->previous = tstate->cframe->current_frame;
    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    gen->gi_frame_state = FRAME_EXECUTING;
    PyObject *result = (*fn)(tstate, frame, 0);
    if (gen->gi_frame_state == FRAME_EXECUTING) gen->gi_frame_state = FRAME_COMPLETED;
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
    frame->previous = NULL;
    if (result != NULL && gen->gi_frame_state == FRAME_SUSPENDED) return result;
    /* finished: a value returned ends the iteration as StopIteration(value)
     * would, which FOR_ITER discards; StopIteration raised inside becomes
     * RuntimeError (PEP 479) */
    if (result != NULL) {
        Py_DECREF(result);
        result = NULL;
    } else if (_PyErr_ExceptionMatches(tstate, PyExc_StopIteration)) {
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", "generator raised StopIteration");
    }
    _PyErr_ClearExcState(&gen->gi_exc_state);
    gen->gi_frame_state = FRAME_CLEARED;
    _PyFrame_Clear(frame);
    return NULL;
}

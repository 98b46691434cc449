/* p2w_trace.c - profile and trace events of frames that were already
 * running compiled code when sys.setprofile or sys.settrace started.
 *
 * A frame entered while tracing is on runs in the interpreter (p2w_eval.c),
 * which reports everything.  A compiled frame cannot move to the interpreter
 * halfway, but it can report what the interpreter reports for such a frame
 * apart from `line` events: `c_call` / `c_return` / `c_exception` around
 * its calls of C functions, and `return` when it returns, yields or unwinds
 * (ceval.c's C_TRACE, trace_call_function and trace_function_exit).  Its
 * cframe's use_tracing says that tracing is on: _PyEval_SetProfile and
 * _PyEval_SetTrace set it on the running cframe. */
#include "p2w_ops.h"

/* Calls the profile or trace function FUNC for event WHAT of FRAME, as
 * ceval.c's call_trace does: nothing while a trace function runs (the
 * tracing counter), f_lineno set for the call.  0, or -1 with the
 * exception the function raised. */
static int call_trace(Py_tracefunc func, PyObject *obj, PyThreadState *tstate,
                      _PyInterpreterFrame *frame, int what, PyObject *arg) {
    if (tstate->tracing) return 0;
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) return -1;
    int old_what = tstate->tracing_what;
    tstate->tracing_what = what;
    PyThreadState_EnterTracing(tstate);
    f->f_lineno = PyCode_Addr2Line(frame->f_code,
                                   _PyInterpreterFrame_LASTI(frame) * (int)sizeof(_Py_CODEUNIT));
    int result = func(obj, f, what, arg);
    f->f_lineno = 0;
    PyThreadState_LeaveTracing(tstate);
    tstate->tracing_what = old_what;
    return result;
}

/* call_trace keeping the pending exception, unless the function raised. */
static int call_trace_protected(Py_tracefunc func, PyObject *obj, PyThreadState *tstate,
                                _PyInterpreterFrame *frame, int what, PyObject *arg) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    int err = call_trace(func, obj, tstate, frame, what, arg);
    if (err == 0) {
        PyErr_Restore(type, value, tb);
        return 0;
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return -1;
}

int p2w_trace_exit(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *retval) {
    if (tstate->c_tracefunc && call_trace_protected(tstate->c_tracefunc, tstate->c_traceobj, tstate,
                                                    frame, PyTrace_RETURN, retval) < 0)
        return -1;
    if (tstate->c_profilefunc && call_trace_protected(tstate->c_profilefunc, tstate->c_profileobj,
                                                      tstate, frame, PyTrace_RETURN, retval) < 0)
        return -1;
    return 0;
}

/* FUNC(ARGS...) between c_call and c_return (or c_exception) events of the
 * profile function, as ceval.c's C_TRACE: the events name CALLABLE.  A new
 * reference, or NULL with an exception set. */
static PyObject *profiled_call(PyThreadState *tstate, PyObject *callable, PyObject *func,
                               PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    _PyInterpreterFrame *frame = tstate->cframe->current_frame;
    if (!tstate->c_profilefunc) return PyObject_Vectorcall(func, args, nargsf, kwnames);
    if (call_trace(tstate->c_profilefunc, tstate->c_profileobj, tstate, frame, PyTrace_C_CALL,
                   callable) < 0)
        return NULL;
    PyObject *res = PyObject_Vectorcall(func, args, nargsf, kwnames);
    if (tstate->c_profilefunc == NULL) return res;
    if (res == NULL) {
        call_trace_protected(tstate->c_profilefunc, tstate->c_profileobj, tstate, frame,
                             PyTrace_C_EXCEPTION, callable);
    } else if (call_trace(tstate->c_profilefunc, tstate->c_profileobj, tstate, frame,
                          PyTrace_C_RETURN, callable) < 0) {
        Py_CLEAR(res);
    }
    return res;
}

PyObject *p2w_call_traced(PyThreadState *tstate, PyObject *func, PyObject **args, Py_ssize_t nargs,
                          PyObject *kwnames) {
    if (PyCFunction_CheckExact(func) || PyCMethod_CheckExact(func))
        return profiled_call(tstate, func, func, args, (size_t)nargs, kwnames);
    if (Py_IS_TYPE(func, &PyMethodDescr_Type) && nargs > 0) {
        /* the events name the method bound to self, as the interpreter's */
        PyObject *self = args[0];
        PyObject *bound = Py_TYPE(func)->tp_descr_get(func, self, (PyObject *)Py_TYPE(self));
        if (bound == NULL) return NULL;
        PyObject *res = profiled_call(tstate, bound, bound, args + 1, (size_t)(nargs - 1), kwnames);
        Py_DECREF(bound);
        return res;
    }
    return PyObject_Vectorcall(func, args, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
}

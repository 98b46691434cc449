/* p2w_eval.h - running compiled code objects: the PEP 523 frame-evaluation
 * hook, attaching compiled functions to code objects, and the frame entry
 * and exit sequences every compiled function performs.
 *
 * A compiled function has the signature of _PyEval_EvalFrameDefault and
 * runs one frame exactly as the interpreter would for an entry frame: it
 * links a _PyCFrame, accounts recursion, keeps frame->prev_instr on the
 * current instruction, and leaves the frame as ceval does.  Compiled with
 * Py_BUILD_CORE (internal headers). */
#ifndef P2W_EVAL_H
#define P2W_EVAL_H

#ifndef Py_BUILD_CORE
#define Py_BUILD_CORE 1
#endif
#include "Python.h"
#include "internal/pycore_ceval.h"
#include "internal/pycore_code.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_pystate.h"

#include <stddef.h>

/* The eval-frame signature; NULL in a table means "interpret". */
typedef PyObject *(*p2w_compiled_fn)(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                     int throwflag);

/* What the compiler saw of each code object; attachment is skipped when the
 * unmarshalled code object differs (it would run the wrong C). */
struct p2w_code_guard {
    int firstlineno; /* co_firstlineno */
    int ncodeunits;  /* Py_SIZE(code): instructions + caches, in code units */
};

/* Our slot in co_extra (-1 before p2w_eval_install). */
extern Py_ssize_t p2w_extra_index;

/* The layout of co_extra, private to Objects/codeobject.c (3.11.2); read
 * directly because _PyCode_GetExtra costs a call on every frame. */
struct p2w_code_extra {
    Py_ssize_t ce_size;
    void *ce_extras[1];
};

/* The compiled function attached to CO, or NULL when CO is interpreted. */
static inline const p2w_compiled_fn *p2w_compiled_for(PyCodeObject *co) {
    struct p2w_code_extra *ex = (struct p2w_code_extra *)co->co_extra;
    if (ex == NULL || p2w_extra_index < 0 || p2w_extra_index >= ex->ce_size) return NULL;
    return (const p2w_compiled_fn *)ex->ce_extras[p2w_extra_index];
}

/* Installs the hook (once, after Py_Initialize). Returns -1 with an
 * exception set on failure. */
int p2w_eval_install(void);

/* Attaches FNS[k] to the k-th code object of CODE's tree in pre-order (the
 * code object, then its co_consts code objects recursively, in order).
 * N must equal the number of code objects; on a mismatch nothing is
 * attached.  Never fails: a mismatch just leaves code interpreted. */
void p2w_attach(PyObject *code, const p2w_compiled_fn *fns, const struct p2w_code_guard *guards,
                size_t n);

/* Frame entry, as _PyEval_EvalFrameDefault does for an entry frame.
 * Returns 0, or -1 with RecursionError set, in which case the frame is
 * already left (cframe restored) and the caller returns NULL. */
static inline int p2w_frame_enter(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                  _PyCFrame *cframe) {
    _PyCFrame *prev = tstate->cframe;
    cframe->use_tracing = prev->use_tracing;
    cframe->previous = prev;
    tstate->cframe = cframe;
    frame->is_entry = true;
    frame->previous = prev->current_frame;
    cframe->current_frame = frame;
    if (_Py_EnterRecursiveCallTstate(tstate, "")) {
        /* the failed check already restored recursion_remaining */
        tstate->cframe = prev;
        prev->use_tracing = cframe->use_tracing;
        return -1;
    }
    return 0;
}

/* Frame exit (return or unwinding with no handler): SP is the final stack
 * pointer (the stack must be empty of live values by then). */
static inline void p2w_frame_leave(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                   _PyCFrame *cframe, PyObject **sp) {
    _PyFrame_SetStackPointer(frame, sp);
    _Py_LeaveRecursiveCallTstate(tstate);
    tstate->cframe = cframe->previous;
    tstate->cframe->use_tracing = cframe->use_tracing;
}

/* The `return` event a frame gives the profile and trace functions when it
 * returns, yields (RETVAL, borrowed) or unwinds (RETVAL NULL) with tracing
 * on, which for a compiled frame means that tracing started while it ran
 * (p2w_trace.c).  0, or -1 with the exception the function raised. */
int p2w_trace_exit(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *retval);

/* Frame exit by RETURN_VALUE or YIELD_VALUE of RETVAL (stolen) at
 * instruction OFFSET, after the `return` event when tracing is on.  Returns
 * RETVAL, or NULL with an exception set when the event's function raised
 * (the value is then dropped, as ceval drops it). */
static inline PyObject *p2w_frame_return(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                         _PyCFrame *cframe, PyObject **sp, PyObject *retval,
                                         int offset) {
    if (cframe->use_tracing) {
        frame->prev_instr = _PyCode_CODE(frame->f_code) + offset;
        if (p2w_trace_exit(tstate, frame, retval) < 0) Py_CLEAR(retval);
    }
    p2w_frame_leave(tstate, frame, cframe, sp);
    return retval;
}

/* Frame exit by an exception no handler of the frame takes, after the
 * `return` event when tracing is on (whose errors ceval ignores too). */
static inline void p2w_frame_unwind(PyThreadState *tstate, _PyInterpreterFrame *frame,
                                    _PyCFrame *cframe, PyObject **sp) {
    if (cframe->use_tracing) (void)p2w_trace_exit(tstate, frame, NULL);
    p2w_frame_leave(tstate, frame, cframe, sp);
}

#endif

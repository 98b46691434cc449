/* p2w_eval.c - the frame-evaluation hook and code-object attachment.
 *
 * Each compiled function is attached to its code object through the code
 * "extra" slot (PEP 523) as a pointer to its entry in the generated
 * function table, so no function pointer is ever cast to void *.  The hook
 * runs the compiled function only while tracing and profiling are off:
 * sys.settrace/setprofile need the interpreter's line and call events, so
 * traced frames fall back to _PyEval_EvalFrameDefault, which runs the same
 * code object correctly (compiled and interpreted frames share the frame
 * layout and the exception table). */
#include "p2w_eval.h"
#include "p2w_ops.h"

Py_ssize_t p2w_extra_index = -1;

static PyObject *eval_frame(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag) {
    const p2w_compiled_fn *fn = p2w_compiled_for(frame->f_code);
    if (fn && tstate->cframe->use_tracing == 0) return (*fn)(tstate, frame, throwflag);
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

int p2w_eval_install(void) {
    if (p2w_fast_init() < 0) return -1;
    p2w_extra_index = _PyEval_RequestCodeExtraIndex(NULL);
    if (p2w_extra_index < 0) {
        PyErr_SetString(PyExc_SystemError, "py2wasm: no code extra index available");
        return -1;
    }
    _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), eval_frame);
    return 0;
}

/* Counts the code objects of CODE's tree. */
static size_t count_codes(PyCodeObject *co) {
    size_t n = 1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c)) n += count_codes((PyCodeObject *)c);
    }
    return n;
}

static void attach_tree(PyCodeObject *co, const p2w_compiled_fn *fns,
                        const struct p2w_code_guard *guards, size_t *k) {
    size_t me = (*k)++;
    if (fns[me] && co->co_firstlineno == guards[me].firstlineno &&
        Py_SIZE(co) == guards[me].ncodeunits) {
        if (_PyCode_SetExtra((PyObject *)co, p2w_extra_index, (void *)&fns[me]) < 0) PyErr_Clear();
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c)) attach_tree((PyCodeObject *)c, fns, guards, k);
    }
}

void p2w_attach(PyObject *code, const p2w_compiled_fn *fns, const struct p2w_code_guard *guards,
                size_t n) {
    if (p2w_extra_index < 0 || !fns || !code || !PyCode_Check(code)) return;
    if (count_codes((PyCodeObject *)code) != n) return;
    size_t k = 0;
    attach_tree((PyCodeObject *)code, fns, guards, &k);
}

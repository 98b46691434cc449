/* p2w_fast.c - the out-of-line halves of the fast paths in p2w_ops.h:
 * general fallbacks, and the lookups that fill the per-site caches. */
#include "p2w_ops.h"

int p2w_compare_truth_slow(PyObject *l, PyObject *r, int op) {
    PyObject *res = PyObject_RichCompare(l, r, op);
    Py_DECREF(l);
    Py_DECREF(r);
    if (res == NULL) return -1;
    return p2w_truth_steal(res);
}

/* Records in CACHE where NAME lives when both namespaces are plain dicts
 * with str keys only (the only kind whose entries the fast path reads). */
static void fill_global_cache(_PyInterpreterFrame *frame, PyObject *name, p2w_global_cache *cache) {
    cache->globals_version = 0;
    if (!PyDict_CheckExact(frame->f_globals) || !PyDict_CheckExact(frame->f_builtins)) return;
    PyDictKeysObject *gkeys = ((PyDictObject *)frame->f_globals)->ma_keys;
    PyDictKeysObject *bkeys = ((PyDictObject *)frame->f_builtins)->ma_keys;
    if (!DK_IS_UNICODE(gkeys) || !PyUnicode_CheckExact(name)) return;
    Py_ssize_t index = _PyDictKeys_StringLookup(gkeys, name);
    uint32_t gversion = _PyDictKeys_GetVersionForCurrentState(gkeys);
    if (index >= 0) {
        cache->builtins_version = 0;
    } else {
        if (index != DKIX_EMPTY || !DK_IS_UNICODE(bkeys)) return;
        index = _PyDictKeys_StringLookup(bkeys, name);
        cache->builtins_version = _PyDictKeys_GetVersionForCurrentState(bkeys);
        if (index < 0 || cache->builtins_version == 0) return;
    }
    /* version 0 means the versions ran out: no caching */
    if (gversion == 0) return;
    cache->index = index;
    cache->globals_version = gversion;
}

PyObject *p2w_load_global_slow(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
                               p2w_global_cache *cache) {
    PyObject *v = p2w_load_global(tstate, frame, name);
    if (v != NULL) fill_global_cache(frame, name, cache);
    return v;
}

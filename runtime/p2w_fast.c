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

/* Records in CACHE where attribute NAME of OWNER lives when it is an
 * instance value reached by the generic attribute protocol: the class has
 * a managed dict, no class attribute or descriptor of that name, and the
 * standard getattr/setattr (FOR_STORE picks which). */
static void fill_attr_cache(PyObject *owner, PyObject *name, p2w_attr_cache *cache,
                            bool for_store) {
    PyTypeObject *tp = Py_TYPE(owner);
    cache->type_version = 0;
    if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || !PyUnicode_CheckExact(name)) return;
    if (for_store ? tp->tp_setattro != PyObject_GenericSetAttr
                  : tp->tp_getattro != PyObject_GenericGetAttr)
        return;
    if (_PyType_Lookup(tp, name) != NULL) return; /* also assigns the version tag */
    PyDictKeysObject *keys = ((PyHeapTypeObject *)tp)->ht_cached_keys;
    if (!(tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) || tp->tp_version_tag == 0 || keys == NULL ||
        *_PyObject_ValuesPointer(owner) == NULL)
        return;
    Py_ssize_t index = _PyDictKeys_StringLookup(keys, name);
    if (index < 0) return;
    cache->index = index;
    cache->type_version = tp->tp_version_tag;
}

PyObject *p2w_load_attr_slow(PyObject *owner, PyObject *name, p2w_attr_cache *cache) {
    PyObject *v = PyObject_GetAttr(owner, name);
    if (v != NULL) fill_attr_cache(owner, name, cache, false);
    return v;
}

int p2w_store_attr_slow(PyObject *owner, PyObject *name, PyObject *v, p2w_attr_cache *cache) {
    int err = PyObject_SetAttr(owner, name, v);
    if (err == 0) fill_attr_cache(owner, name, cache, true);
    Py_DECREF(v);
    Py_DECREF(owner);
    return err;
}

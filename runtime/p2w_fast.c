/* p2w_fast.c - the out-of-line halves of the fast paths in p2w_ops.h:
 * general fallbacks, and the lookups that fill the per-site caches. */
#include "p2w_ops.h"

#include "structmember.h"

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
    cache->globals_tag = 0; /* the next peek reads the entry and takes its value */
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

PyObject *p2w_global_peek_entry(_PyInterpreterFrame *frame, p2w_global_cache *cache) {
    /* f_globals is a dict (a subclass at worst); the version, unique to
     * one keys object's state, only matches the exact dict the cache was
     * filled from */
    PyDictObject *globals = (PyDictObject *)frame->f_globals;
    if (cache->globals_version == 0 || globals->ma_keys->dk_version != cache->globals_version)
        return NULL;
    PyDictKeysObject *keys = globals->ma_keys;
    PyDictObject *builtins = NULL;
    if (cache->builtins_version != 0) {
        builtins = (PyDictObject *)frame->f_builtins;
        /* `__builtins__` can be any mapping */
        if (!PyDict_CheckExact(builtins) ||
            builtins->ma_keys->dk_version != cache->builtins_version)
            return NULL;
        keys = builtins->ma_keys;
    }
    PyObject *v = DK_UNICODE_ENTRIES(keys)[cache->index].me_value;
    if (v != NULL) {
        cache->globals_tag = globals->ma_version_tag;
        cache->builtins = (PyObject *)builtins;
        cache->builtins_tag = builtins ? builtins->ma_version_tag : 0;
        cache->value = v;
    }
    return v;
}

PyObject *p2w_load_global_slow(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
                               p2w_global_cache *cache) {
    PyObject *v = p2w_load_global(tstate, frame, name);
    if (v != NULL) fill_global_cache(frame, name, cache);
    return v;
}

/* The way a slow-path visit refills: round-robin over the ways, or -1 when
 * the site has missed often and this visit is not one that refills
 * (*MISSES counts the visits).  A site that missed while it saw objects
 * the cache cannot describe still adapts to what it sees later. */
static int way_to_fill(uint32_t *misses) {
    uint32_t n = (*misses)++;
    if (n >= P2W_ATTR_BACK_OFF && n % P2W_ATTR_BACK_OFF != 0) return -1;
    return (int)(n % P2W_ATTR_WAYS);
}

/* Fills ENTRY with where attribute NAME of OWNER lives when the generic
 * attribute protocol (FOR_STORE picks getattr or setattr) reaches it
 * either in the inline values (no class attribute of that name at all)
 * or in a writable __slots__ member.  Leaves ENTRY empty otherwise. */
static void fill_attr_entry(PyObject *owner, PyObject *name, p2w_attr_entry *entry,
                            bool for_store) {
    PyTypeObject *tp = Py_TYPE(owner);
    entry->type_version = 0;
    if (!PyUnicode_CheckExact(name)) return;
    if (for_store ? tp->tp_setattro != PyObject_GenericSetAttr
                  : tp->tp_getattro != PyObject_GenericGetAttr)
        return;
    PyObject *descr = _PyType_Lookup(tp, name); /* also assigns the version tag */
    if (!(tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) || tp->tp_version_tag == 0) return;
    if (descr != NULL) {
        /* a data descriptor wins over any instance dict */
        if (!Py_IS_TYPE(descr, &PyMemberDescr_Type)) return;
        PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
        if (m->type != T_OBJECT_EX || (m->flags & (PY_AUDIT_READ | (for_store ? READONLY : 0))))
            return;
        entry->kind = P2W_ATTR_SLOT;
        entry->where = m->offset;
    } else {
        if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT)) return;
        PyDictObject *dict = (PyDictObject *)*_PyObject_ManagedDictPointer(owner);
        if (*_PyObject_ValuesPointer(owner) != NULL) {
            PyDictKeysObject *keys = ((PyHeapTypeObject *)tp)->ht_cached_keys;
            if (keys == NULL) return;
            Py_ssize_t index = _PyDictKeys_StringLookup(keys, name);
            if (index < 0) return;
            entry->kind = P2W_ATTR_VALUES;
            entry->where = index;
        } else if (dict != NULL && dict->ma_values == NULL && DK_IS_UNICODE(dict->ma_keys)) {
            /* the instance's own combined dict: the entry's index there */
            Py_ssize_t index = _PyDictKeys_StringLookup(dict->ma_keys, name);
            if (index < 0) return;
            entry->kind = P2W_ATTR_HINT;
            entry->where = index;
        } else {
            return;
        }
    }
    entry->type_version = tp->tp_version_tag;
}

static void fill_attr_cache(PyObject *owner, PyObject *name, p2w_attr_cache *cache,
                            bool for_store) {
    int way = way_to_fill(&cache->misses);
    if (way >= 0) fill_attr_entry(owner, name, &cache->way[way], for_store);
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

/* Fills ENTRY for method NAME (METH, found on the class) of OBJ when no
 * instance of OBJ's class can shadow it (see p2w_method_cache). */
static void fill_method_entry(PyObject *obj, PyObject *name, PyObject *meth,
                              p2w_method_entry *entry) {
    PyTypeObject *tp = Py_TYPE(obj);
    entry->type_version = 0;
    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) return;
    /* _PyObject_GetMethod found it in the class's MRO and assigned the tag */
    if (!(tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) || tp->tp_version_tag == 0) return;
    if (_PyType_Lookup(tp, name) != meth) return;
    uint32_t keys_version = 0;
    if (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
        PyDictKeysObject *keys = ((PyHeapTypeObject *)tp)->ht_cached_keys;
        if (keys == NULL || *_PyObject_ValuesPointer(obj) == NULL) return;
        if (_PyDictKeys_StringLookup(keys, name) != DKIX_EMPTY) return;
        keys_version = _PyDictKeys_GetVersionForCurrentState(keys);
        if (keys_version == 0) return;
    } else if (tp->tp_dictoffset != 0) {
        return; /* a plain __dict__ could hold the name */
    }
    entry->keys_version = keys_version;
    entry->method = meth;
    entry->type_version = tp->tp_version_tag;
}

int p2w_load_method_slow(PyObject *obj, PyObject *name, PyObject **meth, p2w_method_cache *cache) {
    *meth = NULL;
    int found = _PyObject_GetMethod(obj, name, meth);
    if (found && *meth != NULL) {
        int way = way_to_fill(&cache->misses);
        if (way >= 0) fill_method_entry(obj, name, *meth, &cache->way[way]);
    }
    return found;
}

PyObject *p2w_list_append;
PyObject *p2w_list_pop;
PyObject *p2w_builtin_len;
PyObject *p2w_builtin_isinstance;

PyObject *p2w_free_ints[P2W_FREE_INTS_MAX];
int p2w_nfree_ints;

/* int's tp_dealloc before p2w_fast_init (object_dealloc: tp_free). */
static destructor release_int;

/* int's tp_dealloc: exact ints of one digit or none go to p2w_free_ints
 * while it has room.  Instances of int subclasses get here too, through
 * subtype_dealloc, and are released as before. */
static void dealloc_int(PyObject *o) {
    if (p2w_is_small_int(o) && p2w_nfree_ints < P2W_FREE_INTS_MAX)
        p2w_free_ints[p2w_nfree_ints++] = o;
    else if (Py_IS_TYPE(o, &PyLong_Type))
        PyObject_Free(o); /* int's tp_free */
    else
        release_int(o);
}

initproc p2w_slot_tp_init;

/* slot_tp_init, private to typeobject.c: the tp_init of any class whose
 * own __init__ is a Python function, read off one of start-up's classes
 * (importlib's ModuleSpec is one); NULL when there is none. */
static initproc find_slot_tp_init(void) {
    PyObject *classes = PyObject_CallMethod((PyObject *)&PyBaseObject_Type, "__subclasses__", NULL);
    if (classes == NULL) {
        PyErr_Clear();
        return NULL;
    }
    initproc found = NULL;
    for (Py_ssize_t i = 0; found == NULL && i < PyList_GET_SIZE(classes); i++) {
        PyTypeObject *t = (PyTypeObject *)PyList_GET_ITEM(classes, i);
        if (!(t->tp_flags & Py_TPFLAGS_HEAPTYPE)) continue;
        PyObject *init = PyDict_GetItemWithError(t->tp_dict, &_Py_ID(__init__));
        if (init != NULL && PyFunction_Check(init)) found = t->tp_init;
    }
    PyErr_Clear();
    Py_DECREF(classes);
    return found;
}

int p2w_fast_init(void) {
    if (PyListIter_Type.tp_basicsize != (Py_ssize_t)sizeof(p2w_listiter) ||
        PyRangeIter_Type.tp_basicsize != (Py_ssize_t)sizeof(p2w_rangeiter)) {
        PyErr_SetString(PyExc_SystemError,
                        "py2wasm: the runtime's iterator layouts are not CPython 3.11.2's");
        return -1;
    }
    p2w_list_append = PyDict_GetItemString(PyList_Type.tp_dict, "append");
    p2w_list_pop = PyDict_GetItemString(PyList_Type.tp_dict, "pop");
    if (p2w_list_append == NULL || p2w_list_pop == NULL) {
        PyErr_SetString(PyExc_SystemError, "py2wasm: list.append or list.pop not found");
        return -1;
    }
    PyObject *builtins = PyEval_GetBuiltins();
    if (p2w_builtin_len == NULL && builtins != NULL) {
        p2w_builtin_len = Py_XNewRef(PyDict_GetItemString(builtins, "len"));
        p2w_builtin_isinstance = Py_XNewRef(PyDict_GetItemString(builtins, "isinstance"));
    }
    p2w_slot_tp_init = find_slot_tp_init();
    if (PyLong_Type.tp_dealloc != dealloc_int) {
        release_int = PyLong_Type.tp_dealloc;
        PyLong_Type.tp_dealloc = dealloc_int;
    }
    return 0;
}

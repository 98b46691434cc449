/* p2w_module.c - the builtin module `_p2w`, through which the Python side of
 * the runtime (_p2w_boot) reads the embedded module tables, and the source
 * line hook that lets CPython's C traceback printer show lines of embedded
 * sources (there is no filesystem to read them from).
 *
 * Decompressed sources are cached in a dict keyed by filename: tracebacks ask
 * for many lines of the same few files. */
#include "p2w_embed.h"

#include <string.h>
#include <zlib.h>

static PyObject *source_cache; /* filename (str) -> source (str); owned */

static int compare_module_name(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const struct p2w_module *)elem)->name);
}

const struct p2w_module *p2w_find_module(const char *name) {
    return bsearch(name, p2w_modules, p2w_module_count, sizeof p2w_modules[0],
                   compare_module_name);
}

static const struct p2w_module *find_by_filename(const char *filename) {
    for (size_t i = 0; i < p2w_module_count; i++) {
        const char *f = p2w_modules[i].filename;
        if (f && strcmp(f, filename) == 0) return &p2w_modules[i];
    }
    return NULL;
}

/* Returns the decompressed source of M as a new reference, or NULL with an
 * exception set. */
static PyObject *module_source(const struct p2w_module *m) {
    PyObject *key = PyUnicode_FromString(m->filename);
    if (!key) return NULL;
    if (!source_cache && !(source_cache = PyDict_New())) goto fail;
    PyObject *text = PyDict_GetItemWithError(source_cache, key);
    if (text) {
        Py_DECREF(key);
        Py_INCREF(text);
        return text;
    }
    if (PyErr_Occurred()) goto fail;
    char *buf = PyMem_Malloc(m->source_size ? m->source_size : 1);
    if (!buf) {
        PyErr_NoMemory();
        goto fail;
    }
    uLongf len = (uLongf)m->source_size;
    if (uncompress((Bytef *)buf, &len, m->source_z, (uLong)m->source_z_size) != Z_OK ||
        len != m->source_size) {
        PyMem_Free(buf);
        PyErr_Format(PyExc_SystemError, "embedded source of %s is corrupt", m->name);
        goto fail;
    }
    text = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)len, "surrogateescape");
    PyMem_Free(buf);
    if (!text || PyDict_SetItem(source_cache, key, text) < 0) {
        Py_XDECREF(text);
        goto fail;
    }
    Py_DECREF(key);
    return text;
fail:
    Py_DECREF(key);
    return NULL;
}

PyObject *p2w_source_line(PyObject *filename, int lineno) {
    const char *fname = PyUnicode_AsUTF8(filename);
    if (!fname) {
        PyErr_Clear();
        return NULL;
    }
    const struct p2w_module *m = find_by_filename(fname);
    if (!m || !m->source_z || lineno < 1) return NULL;
    PyObject *text = module_source(m);
    if (!text) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *lines = PyUnicode_Splitlines(text, 1);
    Py_DECREF(text);
    if (!lines) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *line = NULL;
    if (lineno <= PyList_GET_SIZE(lines)) {
        line = PyList_GET_ITEM(lines, lineno - 1);
        Py_INCREF(line);
    }
    Py_DECREF(lines);
    return line;
}

/* _p2w.get_code(name) -> code object of an embedded module (new reference). */
static PyObject *p2w_get_code(PyObject *self, PyObject *arg) {
    (void)self;
    const char *name = PyUnicode_AsUTF8(arg);
    if (!name) return NULL;
    const struct p2w_module *m = p2w_find_module(name);
    if (!m || !m->code) {
        PyErr_Format(PyExc_ImportError, "no embedded code for module %R", arg);
        return NULL;
    }
    return PyMarshal_ReadObjectFromString((const char *)m->code, (Py_ssize_t)m->code_size);
}

/* _p2w.get_source(filename) -> source text or None. */
static PyObject *p2w_get_source(PyObject *self, PyObject *arg) {
    (void)self;
    const char *fname = PyUnicode_AsUTF8(arg);
    if (!fname) return NULL;
    const struct p2w_module *m = find_by_filename(fname);
    if (!m || !m->source_z) Py_RETURN_NONE;
    return module_source(m);
}

/* _p2w.modules() -> {name: (filename or None, kind, [path entries] or None)} */
static PyObject *p2w_modules_dict(PyObject *self, PyObject *unused) {
    (void)self, (void)unused;
    PyObject *d = PyDict_New();
    if (!d) return NULL;
    for (size_t i = 0; i < p2w_module_count; i++) {
        const struct p2w_module *m = &p2w_modules[i];
        PyObject *path = Py_None;
        Py_INCREF(path);
        if (m->search_path) {
            Py_DECREF(path);
            PyObject *joined = PyUnicode_FromString(m->search_path);
            if (!joined) goto fail;
            PyObject *sep = PyUnicode_FromString("\n");
            path = sep ? PyUnicode_Split(joined, sep, -1) : NULL;
            Py_XDECREF(sep);
            Py_DECREF(joined);
            if (!path) goto fail;
        }
        PyObject *v = Py_BuildValue("(ziN)", m->filename, m->kind, path);
        if (!v) goto fail;
        int rc = PyDict_SetItemString(d, m->name, v);
        Py_DECREF(v);
        if (rc < 0) goto fail;
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

static PyMethodDef p2w_methods[] = {
    {"get_code", p2w_get_code, METH_O, "Code object of an embedded module."},
    {"get_source", p2w_get_source, METH_O, "Embedded source text of a file, or None."},
    {"modules", p2w_modules_dict, METH_NOARGS, "Table of embedded modules."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef p2w_moduledef = {
    PyModuleDef_HEAD_INIT, "_p2w", "py2wasm runtime support.", -1, p2w_methods,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit__p2w(void) {
    PyObject *m = PyModule_Create(&p2w_moduledef);
    if (!m) return NULL;
    if (PyModule_AddStringConstant(m, "main_dir", p2w_main_dir) < 0 ||
        PyModule_AddStringConstant(m, "stdlib_dir", p2w_stdlib_dir) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

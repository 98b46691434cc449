/* p2w_module.c - the builtin module `_p2w`, through which the Python side of
 * the runtime (_p2w_boot) reads the embedded module tables, and the source
 * line hook that lets CPython's C traceback printer show lines of embedded
 * sources (there is no filesystem to read them from).
 *
 * Tracebacks ask for many lines of the same few files, so the line lists of
 * decompressed sources are cached in a dict keyed by filename.  Lines are
 * split on '\n' only, as file reading does (str.splitlines would also split
 * on form feeds, which stdlib sources contain), and carry no newline, like
 * PyFile_GetLine(f, -1) which the traceback printer otherwise uses. */
#include "p2w_embed.h"
#include "p2w_runtime.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static PyObject *line_cache; /* filename (str) -> list of lines (str); owned */

static int compare_module_name(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const struct p2w_module *)elem)->name);
}

const struct p2w_module *p2w_find_module(const char *name) {
    return bsearch(name, p2w_modules, p2w_module_count, sizeof p2w_modules[0], compare_module_name);
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
    char *buf = PyMem_Malloc(m->source_size ? m->source_size : 1);
    if (!buf) return PyErr_NoMemory();
    uLongf len = (uLongf)m->source_size;
    if (uncompress((Bytef *)buf, &len, m->source_z, (uLong)m->source_z_size) != Z_OK ||
        len != m->source_size) {
        PyMem_Free(buf);
        PyErr_Format(PyExc_SystemError, "embedded source of %s is corrupt", m->name);
        return NULL;
    }
    PyObject *text = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)len, "surrogateescape");
    PyMem_Free(buf);
    return text;
}

PyObject *p2w_module_source(const struct p2w_module *m) {
    if (!m->source_z) {
        PyErr_Format(PyExc_SystemError, "no embedded source for %s", m->name);
        return NULL;
    }
    return module_source(m);
}

/* TEXT split at '\n' only: a new list reference, or NULL with an exception. */
static PyObject *split_on_newlines(PyObject *text) {
    PyObject *sep = PyUnicode_FromString("\n");
    if (!sep) return NULL;
    PyObject *parts = PyUnicode_Split(text, sep, -1);
    Py_DECREF(sep);
    return parts;
}

/* Returns the cached line list of M (borrowed), or NULL with an exception set. */
static PyObject *module_lines(const struct p2w_module *m, PyObject *filename) {
    if (!line_cache && !(line_cache = PyDict_New())) return NULL;
    PyObject *lines = PyDict_GetItemWithError(line_cache, filename);
    if (lines || PyErr_Occurred()) return lines;
    PyObject *text = module_source(m);
    if (!text) return NULL;
    lines = split_on_newlines(text);
    Py_DECREF(text);
    if (!lines) return NULL;
    int rc = PyDict_SetItem(line_cache, filename, lines);
    Py_DECREF(lines); /* the cache holds it */
    return rc < 0 ? NULL : lines;
}

PyObject *p2w_source_line(PyObject *filename, int lineno) {
    const char *fname = PyUnicode_AsUTF8(filename);
    if (!fname) {
        PyErr_Clear();
        return NULL;
    }
    const struct p2w_module *m = find_by_filename(fname);
    if (!m || !m->source_z || lineno < 1) return NULL;
    PyObject *lines = module_lines(m, filename);
    if (!lines) {
        PyErr_Clear();
        return NULL;
    }
    if (lineno > PyList_GET_SIZE(lines)) return NULL;
    PyObject *line = PyList_GET_ITEM(lines, lineno - 1);
    Py_INCREF(line);
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
    return p2w_load_code(m);
}

/* Per module, indexed like p2w_modules, once p2w_pack_code() or
 * p2w_drop_imported_code() ran (while a snapshot is taken; NULL otherwise):
 * for a module the snapshot imported, the code object that import ran
 * (owned), which a re-import runs again; for the others, the marshalled
 * code zlib-compressed, or neither when their code stays plain. */
static struct {
    unsigned char *z;
    size_t z_size;
    PyObject *code;
} * packed_code;

/* The module code objects p2w_load_code made while the snapshot is taken,
 * indexed like p2w_modules (owned; NULL until the first one). */
static PyObject **loaded_code;

static void remember_loaded(size_t i, PyObject *code) {
    if (!loaded_code && !(loaded_code = calloc(p2w_module_count, sizeof *loaded_code)))
        return; /* the module's code is then packed like the others' */
    Py_INCREF(code);
    Py_XSETREF(loaded_code[i], code);
}

/* Takes the code object the snapshot loaded for module I if that import
 * succeeded (the module is in sys.modules): a new reference, or NULL. */
static PyObject *take_imported_code(size_t i, PyObject *sys_modules) {
    PyObject *code = loaded_code ? loaded_code[i] : NULL;
    if (!code) return NULL;
    loaded_code[i] = NULL;
    PyObject *module = PyDict_GetItemString(sys_modules, p2w_modules[i].name);
    if (module) return code;
    Py_DECREF(code);
    return NULL;
}

/* A zlib-compressed copy of the marshalled code of M, malloc'd, in *Z_OUT
 * and its size in *Z_SIZE_OUT; 0, or -1 when out of memory. */
static int compress_code(const struct p2w_module *m, unsigned char **z_out, size_t *z_size_out) {
    uLongf z_size = compressBound((uLong)m->code_size);
    unsigned char *z = malloc(z_size);
    if (!z || compress2(z, &z_size, m->code, (uLong)m->code_size, Z_BEST_COMPRESSION) != Z_OK) {
        free(z);
        return -1;
    }
    unsigned char *fit = realloc(z, z_size);
    *z_out = fit ? fit : z;
    *z_size_out = z_size;
    return 0;
}

typedef int (*compress_fn)(const struct p2w_module *m, unsigned char **z_out, size_t *z_size_out);

/* Replaces the marshalled code of every module the snapshot imported by the
 * code object that import ran, and, when COMPRESS is given, every other
 * module's by a compressed copy; the plain copies so replaced are zeroed.
 * COMPRESS is a parameter so that a link that never passes compress_code
 * leaves zlib's deflate out.  0, or -1 when out of memory. */
static int replace_code(compress_fn compress) {
    packed_code = calloc(p2w_module_count, sizeof *packed_code);
    if (!packed_code) return -1;
    PyObject *sys_modules = PyImport_GetModuleDict();
    for (size_t i = 0; i < p2w_module_count; i++) {
        const struct p2w_module *m = &p2w_modules[i];
        if (!m->code) continue;
        /* The code objects of an imported module are in the snapshot
         * anyway (its functions and classes hold them), so keeping the
         * top-level one costs less than a compressed copy of all of them
         * (bench/startup/imports.py: 33 modules, 87 KB less output).
         * A re-import (importlib.reload) then runs the same code object,
         * where natively it unmarshals an equal one. */
        packed_code[i].code = take_imported_code(i, sys_modules);
        if (!packed_code[i].code) {
            if (!compress) continue; /* read plain by p2w_load_code */
            if (compress(m, &packed_code[i].z, &packed_code[i].z_size) < 0) return -1;
        }
        /* Wizer stores only the non-zero parts of memory, so the plain copy
         * costs nothing in the output once zeroed.  It is declared const,
         * but wasm memory has no read-only part and it is read only through
         * m->code, by p2w_load_code, which from now on reads packed_code
         * instead. */
        memset((unsigned char *)m->code, 0, m->code_size);
    }
    free(loaded_code);
    loaded_code = NULL;
    return 0;
}

int p2w_pack_code(void) { return replace_code(compress_code); }

int p2w_drop_imported_code(void) { return replace_code(NULL); }

/* Inflates the packed code of module I: a new bytes-like buffer of
 * M->code_size bytes owned by the caller (PyMem_Free), or NULL with an
 * exception set. */
static char *inflate_code(const struct p2w_module *m, size_t i) {
    char *buf = PyMem_Malloc(m->code_size ? m->code_size : 1);
    if (!buf) {
        PyErr_NoMemory();
        return NULL;
    }
    uLongf len = (uLongf)m->code_size;
    if (uncompress((Bytef *)buf, &len, packed_code[i].z, (uLong)packed_code[i].z_size) != Z_OK ||
        len != m->code_size) {
        PyMem_Free(buf);
        PyErr_Format(PyExc_SystemError, "embedded code of %s is corrupt", m->name);
        return NULL;
    }
    return buf;
}

PyObject *p2w_load_code(const struct p2w_module *m) {
    size_t i = (size_t)(m - p2w_modules);
    if (packed_code && packed_code[i].code) {
        Py_INCREF(packed_code[i].code);
        return packed_code[i].code;
    }
    if (packed_code && packed_code[i].z) {
        char *buf = inflate_code(m, i);
        if (!buf) return NULL;
        PyObject *code = PyMarshal_ReadObjectFromString(buf, (Py_ssize_t)m->code_size);
        PyMem_Free(buf);
        if (code) p2w_attach(code, m->fns, m->guards, m->ncodes);
        return code;
    }
    PyObject *code =
        PyMarshal_ReadObjectFromString((const char *)m->code, (Py_ssize_t)m->code_size);
    if (!code) return NULL;
    p2w_attach(code, m->fns, m->guards, m->ncodes);
    if (p2w_snapshot_taking()) remember_loaded(i, code);
    return code;
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

/* _p2w.modules() -> {name: (filename or None, kind, [path entries] or None)}
 * for the modules EmbeddedFinder serves (not the runtime's frozen ones) */
static PyObject *p2w_modules_dict(PyObject *self, PyObject *unused) {
    (void)self, (void)unused;
    PyObject *d = PyDict_New();
    if (!d) return NULL;
    for (size_t i = 0; i < p2w_module_count; i++) {
        const struct p2w_module *m = &p2w_modules[i];
        if (m->kind == P2W_FROZEN) continue; /* the frozen importer's */
        PyObject *path = Py_None;
        Py_INCREF(path);
        if (m->search_path) {
            Py_DECREF(path);
            PyObject *joined = PyUnicode_FromString(m->search_path);
            if (!joined) goto fail;
            path = split_on_newlines(joined);
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
    PyModuleDef_HEAD_INIT,
    "_p2w",
    "py2wasm runtime support.",
    -1,
    p2w_methods,
    NULL,
    NULL,
    NULL,
    NULL,
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

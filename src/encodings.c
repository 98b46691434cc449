/* encodings.c - embedding only the codecs a program can name.
 *
 * Codecs are found at run time by name: codecs.lookup("cp1252") normalises
 * the name, maps it through encodings.aliases and imports
 * encodings.<module>.  No import statement names them, so module discovery
 * cannot see them; embedding the whole package (about 120 modules, and the
 * CJK codecs' C tables through their builtin modules) made a third of a
 * hello world.  Instead:
 *   - always: the package itself, its aliases, and base_codecs[] (the
 *     start-up codec utf-8, and the few every Python program may reach
 *     without naming them in a literal: the Unicode family, latin-1, ascii,
 *     the escape codecs);
 *   - every codec whose name (or alias) appears as a string constant in a
 *     module the program embeds or imports, the program's own and the
 *     stdlib's: open(f, encoding="cp1252"), s.encode("utf-16"), json's
 *     "utf-32-be"...; repeated until no new module appears (a codec module
 *     may import modules with more names).  Except the transform codecs
 *     (bz2, zlib, base64, hex, ...), which codecs.encode/decode alone reach:
 *     the stdlib never names one for that (outside its tests), and its
 *     constants "bz2", "zlib", "hex" are module and format names; embedding
 *     bz2_codec for them brought the bz2 module and its C library.  Only
 *     the program's own modules name those.
 * A codec named only at run time (PYTHONIOENCODING, user input, a name
 * built by string operations) raises LookupError unless it is embedded with
 * --include-module encodings.NAME or --include-package encodings. */
#include "encodings.h"

#include <ctype.h>
#include <string.h>

#include "util.h"

static const char *const base_codecs[] = {
    "encodings",
    "encodings.aliases",
    "encodings.utf_8",
    "encodings.utf_8_sig",
    "encodings.utf_16",
    "encodings.utf_16_le",
    "encodings.utf_16_be",
    "encodings.utf_32",
    "encodings.utf_32_le",
    "encodings.utf_32_be",
    "encodings.latin_1",
    "encodings.ascii",
    "encodings.unicode_escape",
    "encodings.raw_unicode_escape",
};

/* encodings.aliases.aliases, read by running aliases.py in the host
 * interpreter (it is a dict literal).  New reference or NULL. */
static PyObject *load_aliases(const char *stdlib_dir) {
    char *path = xasprintf("%s/encodings/aliases.py", stdlib_dir);
    size_t len;
    char *src = read_file(path, &len);
    PyObject *code = src ? hostpy_compile(src, len, path) : NULL;
    free(src);
    free(path);
    if (!code) return NULL;
    PyObject *ns = PyDict_New();
    PyObject *res = NULL;
    if (ns && PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins()) == 0)
        res = PyEval_EvalCode(code, ns, ns);
    Py_DECREF(code);
    Py_XDECREF(res);
    PyObject *aliases = res && ns ? PyDict_GetItemString(ns, "aliases") : NULL;
    Py_XINCREF(aliases);
    Py_XDECREF(ns);
    return aliases;
}

/* encodings.normalize_encoding of NAME lowered (codecs.lookup lowers it
 * first): runs of characters other than ASCII letters, digits and '.'
 * become one '_', leading ones vanish.  Non-ASCII characters end such a
 * run without being kept, as in the Python original. */
static void normalize(const char *name, char *out, size_t cap) {
    size_t n = 0;
    bool punct = false;
    for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < cap; p++) {
        if (*p >= 0x80) {
            punct = false;
        } else if (isalnum(*p) || *p == '.') {
            if (punct && n) out[n++] = '_';
            out[n++] = (char)tolower(*p);
            punct = false;
        } else {
            punct = true;
        }
    }
    out[n] = '\0';
}

/* The codecs that are not text encodings (_is_text_encoding=False). */
static const char *const transform_codecs[] = {
    "base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "rot_13", "uu_codec", "zlib_codec",
};

static bool is_transform_codec(const char *modname) {
    for (size_t i = 0; i < sizeof transform_codecs / sizeof *transform_codecs; i++)
        if (strcmp(modname, transform_codecs[i]) == 0) return true;
    return false;
}

typedef struct {
    Graph *g;
    PyObject *aliases;
    const char *stdlib_dir;
    bool added;       /* a module new to G was added */
    const char *from; /* the module being scanned */
    bool from_stdlib; /* ... and it is a stdlib module */
} Scan;

static void try_codec_module(Scan *s, const char *modname) {
    if (!modname[0] || (s->from_stdlib && is_transform_codec(modname))) return;
    char *file = xasprintf("%s/encodings/%s.py", s->stdlib_dir, modname);
    bool exists = path_is_file(file);
    free(file);
    if (!exists) return;
    char *full = xasprintf("encodings.%s", modname);
    if (!graph_lookup(s->g, full)) {
        graph_add(s->g, full);
        diag_verbose("embedding codec module %s (named by a string constant of %s)", full, s->from);
        s->added = true;
    }
    free(full);
}

/* The codec a string constant could name, as encodings.search_function
 * resolves it. */
static void consider(Scan *s, PyObject *str) {
    Py_ssize_t len;
    const char *u = PyUnicode_AsUTF8AndSize(str, &len);
    if (!u) {
        PyErr_Clear();
        return;
    }
    if (len == 0 || len > 40) return;
    char norm[64];
    normalize(u, norm, sizeof norm);
    PyObject *alias = PyDict_GetItemString(s->aliases, norm);
    if (!alias) {
        char dotted[64];
        snprintf(dotted, sizeof dotted, "%s", norm);
        for (char *p = dotted; *p; p++)
            if (*p == '.') *p = '_';
        alias = PyDict_GetItemString(s->aliases, dotted);
    }
    if (alias && PyUnicode_Check(alias)) try_codec_module(s, PyUnicode_AsUTF8(alias));
    if (!strchr(norm, '.')) try_codec_module(s, norm);
}

static void scan_consts(Scan *s, PyObject *obj) {
    if (PyUnicode_Check(obj)) {
        consider(s, obj);
    } else if (PyCode_Check(obj)) {
        scan_consts(s, ((PyCodeObject *)obj)->co_consts);
    } else if (PyTuple_Check(obj)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(obj); i++)
            scan_consts(s, PyTuple_GET_ITEM(obj, i));
    } else if (PyFrozenSet_Check(obj)) {
        Py_ssize_t pos = 0;
        PyObject *item;
        Py_hash_t hash;
        while (_PySet_NextEntry(obj, &pos, &item, &hash)) scan_consts(s, item);
    }
}

/* Modules whose string constants are tables of codec names, not uses of
 * codecs: encodings.aliases (every alias) and locale (the encoding of
 * every known locale, for locale.normalize). */
static bool is_name_table(const char *module) {
    return strcmp(module, "encodings.aliases") == 0 || strcmp(module, "locale") == 0;
}

bool enc_include(Graph *g, const char *stdlib_dir) {
    for (size_t i = 0; i < sizeof base_codecs / sizeof *base_codecs; i++)
        graph_add(g, base_codecs[i]);
    if (!graph_close(g)) return false;
    Scan s = {.g = g, .aliases = load_aliases(stdlib_dir), .stdlib_dir = stdlib_dir};
    if (!s.aliases) {
        hostpy_print_exception();
        diag_error("cannot read %s/encodings/aliases.py", stdlib_dir);
        return false;
    }
    size_t done = 0; /* modules of G already scanned */
    bool ok = true;
    do {
        s.added = false;
        size_t n;
        GraphModule **all = graph_all(g, &n);
        for (; done < n; done++)
            if (all[done]->code && !is_name_table(all[done]->name)) {
                s.from = all[done]->name;
                s.from_stdlib = all[done]->stdlib;
                scan_consts(&s, all[done]->code);
            }
        free(all);
        ok = graph_close(g);
    } while (ok && s.added);
    Py_DECREF(s.aliases);
    return ok;
}

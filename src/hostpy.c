/* hostpy.c - host CPython as a library.
 *
 * The interpreter is isolated (no site, PYTHON* variables ignored) and is
 * never asked to import anything on the target's behalf: the target's stdlib
 * is read as plain files by the module graph.  Only compile(), marshal and
 * the exception printer are used. */
#include "hostpy.h"

#include <ctype.h>
#include <marshal.h>
#include <string.h>

#include "util.h"

static char *stdlib_dir;

bool hostpy_init(void) {
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.site_import = 0;
    config.write_bytecode = 0;
    config.install_signal_handlers = 0;
    PyStatus st = PyConfig_SetBytesString(&config, &config.home, HOST_PYTHON_HOME);
    if (!PyStatus_Exception(st)) st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(st)) {
        diag_error("cannot start the host Python (%s): %s", st.func ? st.func : "?",
                   st.err_msg ? st.err_msg : "unknown error");
        return false;
    }
    PyObject *dir = PySys_GetObject("_stdlib_dir"); /* borrowed */
    const char *s = dir && PyUnicode_Check(dir) ? PyUnicode_AsUTF8(dir) : NULL;
    stdlib_dir = xstrdup(s ? s : "/usr/lib/python3.11");
    PyErr_Clear();
    return true;
}

void hostpy_fini(void) {
    Py_FinalizeEx();
    free(stdlib_dir);
    stdlib_dir = NULL;
}

const char *hostpy_stdlib_dir(void) { return stdlib_dir; }

PyObject *hostpy_compile(const char *source, size_t len, const char *filename) {
    if (memchr(source, '\0', len)) {
        /* the string-based compiler stops at NUL; CPython's file reader
         * reports it as a SyntaxError */
        PyErr_SetString(PyExc_SyntaxError, "source code cannot contain null bytes");
        return NULL;
    }
    PyObject *fname = PyUnicode_DecodeFSDefault(filename);
    if (!fname) return NULL;
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    /* optimize=0 is what `python3.11 app.py` uses: asserts and __debug__ kept */
    PyObject *code = Py_CompileStringObject(source, fname, Py_file_input, &flags, 0);
    Py_DECREF(fname);
    return code;
}

/* Reports the warnings.WarningMessage objects of LOG (a list). */
static void report_warnings(PyObject *log, const char *filename) {
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(log); i++) {
        PyObject *w = PyList_GET_ITEM(log, i);
        PyObject *category = PyObject_GetAttrString(w, "category");
        PyObject *message = PyObject_GetAttrString(w, "message");
        PyObject *lineno = PyObject_GetAttrString(w, "lineno");
        PyObject *text = message ? PyObject_Str(message) : NULL;
        const char *cat =
            category && PyType_Check(category) ? ((PyTypeObject *)category)->tp_name : "Warning";
        const char *msg = text ? PyUnicode_AsUTF8(text) : NULL;
        long line = lineno ? PyLong_AsLong(lineno) : -1;
        if (msg) diag_warning("%s:%ld: %s: %s", filename, line, cat, msg);
        PyErr_Clear();
        Py_XDECREF(category);
        Py_XDECREF(message);
        Py_XDECREF(lineno);
        Py_XDECREF(text);
    }
}

PyObject *hostpy_compile_noting_warnings(const char *source, size_t len, const char *filename,
                                         size_t *nwarnings) {
    *nwarnings = 0;
    /* with warnings.catch_warnings(record=True): simplefilter("always") */
    PyObject *warnings = PyImport_ImportModule("warnings");
    PyObject *catcher = NULL, *log = NULL, *args = NULL, *kwargs = NULL;
    if (warnings) {
        args = PyTuple_New(0);
        kwargs = Py_BuildValue("{s:O}", "record", Py_True);
        PyObject *cls = PyObject_GetAttrString(warnings, "catch_warnings");
        catcher = cls && args && kwargs ? PyObject_Call(cls, args, kwargs) : NULL;
        Py_XDECREF(cls);
    }
    if (catcher) log = PyObject_CallMethod(catcher, "__enter__", NULL);
    PyObject *set = log ? PyObject_CallMethod(warnings, "simplefilter", "s", "always") : NULL;
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    if (!set || !PyList_Check(log)) internal_error(__FILE__, __LINE__, "cannot catch warnings");
    Py_DECREF(set);
    PyObject *code = hostpy_compile(source, len, filename);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *done = PyObject_CallMethod(catcher, "__exit__", "OOO", Py_None, Py_None, Py_None);
    if (!done) internal_error(__FILE__, __LINE__, "cannot catch warnings");
    Py_DECREF(done);
    *nwarnings = (size_t)PyList_GET_SIZE(log);
    report_warnings(log, filename);
    PyErr_Restore(type, value, tb);
    Py_DECREF(log);
    Py_DECREF(catcher);
    Py_DECREF(warnings);
    return code;
}

/* Finds a PEP 263 coding cookie in the first two lines, as tokenize does. */
static char *find_cookie(const char *s, size_t len) {
    const char *end = s + len;
    for (int lineno = 0; lineno < 2 && s < end; lineno++) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        if (!eol) eol = end;
        const char *p = s;
        while (p < eol && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
        if (p < eol && *p == '#') {
            for (const char *q = p; q + 6 < eol; q++) {
                if (memcmp(q, "coding", 6) == 0 && (q[6] == ':' || q[6] == '=')) {
                    const char *v = q + 7;
                    while (v < eol && (*v == ' ' || *v == '\t')) v++;
                    const char *ve = v;
                    while (ve < eol &&
                           (isalnum((unsigned char)*ve) || *ve == '-' || *ve == '_' || *ve == '.'))
                        ve++;
                    if (ve > v) return xstrndup(v, (size_t)(ve - v));
                }
            }
        } else if (p < eol && *p != '\r') {
            break; /* a code line ends the search */
        }
        s = eol + 1;
    }
    return NULL;
}

char *hostpy_decode_source(const char *source, size_t len, size_t *out_len) {
    const char *encoding = "utf-8";
    char *cookie = NULL;
    if (len >= 3 && memcmp(source, "\xef\xbb\xbf", 3) == 0) {
        source += 3;
        len -= 3;
    } else if ((cookie = find_cookie(source, len)) != NULL) {
        encoding = cookie;
    }
    PyObject *text = PyUnicode_Decode(source, (Py_ssize_t)len, encoding, "strict");
    free(cookie);
    if (!text) return NULL;
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &n);
    if (!utf8) {
        Py_DECREF(text);
        return NULL;
    }
    /* universal newlines: \r\n and \r become \n */
    char *out = xmalloc((size_t)n + 1);
    size_t j = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (utf8[i] == '\r') {
            out[j++] = '\n';
            if (i + 1 < n && utf8[i + 1] == '\n') i++;
        } else {
            out[j++] = utf8[i];
        }
    }
    out[j] = '\0';
    Py_DECREF(text);
    *out_len = j;
    return out;
}

unsigned char *hostpy_marshal(PyObject *code, size_t *out_len) {
    PyObject *bytes = PyMarshal_WriteObjectToString(code, Py_MARSHAL_VERSION);
    if (!bytes) return NULL;
    *out_len = (size_t)PyBytes_GET_SIZE(bytes);
    unsigned char *out = xmalloc(*out_len);
    memcpy(out, PyBytes_AS_STRING(bytes), *out_len);
    Py_DECREF(bytes);
    return out;
}

bool hostpy_sha256_hex(const void *data, size_t len, char out[65]) {
    PyObject *mod = PyImport_ImportModule("_sha256");
    PyObject *h =
        mod ? PyObject_CallMethod(mod, "sha256", "y#", (const char *)data, (Py_ssize_t)len) : NULL;
    PyObject *hex = h ? PyObject_CallMethod(h, "hexdigest", NULL) : NULL;
    const char *s = hex ? PyUnicode_AsUTF8(hex) : NULL;
    if (s && strlen(s) == 64) memcpy(out, s, 65);
    Py_XDECREF(hex);
    Py_XDECREF(h);
    Py_XDECREF(mod);
    return s != NULL;
}

void hostpy_print_exception(void) {
    fflush(stdout);
    /* PyErr_Print would exit on SystemExit; compile errors are never that */
    PyErr_Print();
    fflush(stderr);
}

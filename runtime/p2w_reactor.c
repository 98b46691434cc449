/* p2w_reactor.c - start-up and host interface of a module with exports.
 *
 * A program built with `--export NAME` is a WASI *reactor*: it has no
 * `_start`.  The host instantiates it, calls `_initialize` once, then calls
 * the exported functions any number of times on the same instance, so
 * Python state (module globals, caches, open files) lives from one call to
 * the next.  `_initialize`:
 *   1. runs the C constructors (wasi-libc's own set-up), as crt1 would;
 *   2. starts the interpreter exactly as a command does (p2w_initialize), with
 *      the arguments the host gave through WASI as sys.argv;
 *   3. imports the program under its own name (app.py -> module `app`), so
 *      its `if __name__ == "__main__":` block does not run.
 *
 * Besides the exported Python functions the module exports, for the host:
 *   py2wasm_alloc(size) -> ptr    linear memory for str/bytes arguments
 *   py2wasm_free(ptr)             frees arguments and str/bytes results
 *   py2wasm_error() -> ptr        0 if the last call (or _initialize)
 *                                 succeeded, else a block holding the error
 *                                 as CPython would print it (traceback
 *                                 included); owned by the runtime, valid
 *                                 until the next call
 * A block is a little-endian u32 byte length, then that many bytes of
 * UTF-8, then a NUL (so a C host can use it as a string).
 *
 * No Python exception ever escapes to the host as a trap: it is printed to
 * stderr, recorded for py2wasm_error(), and the call returns zero. */
#include "p2w_reactor.h"
#include "p2w_runtime.h"

#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

/* Provided by wasm-ld: the C constructors, which crt1 normally runs. */
extern void __wasm_call_ctors(void);

static enum { UNSTARTED, READY, FAILED } state;
static PyObject *program_module; /* the imported program; owned, never released */
static char *error_block;        /* py2wasm_error()'s block; NULL when none */

/* Makes a block (see the file comment) holding TEXT[0..LEN).  Returns it,
 * malloc'ed, or NULL when out of memory. */
static char *make_block(const char *text, size_t len) {
    char *b = malloc(4 + len + 1);
    if (!b) return NULL;
    uint32_t n = (uint32_t)len;
    memcpy(b, &n, 4); /* wasm is little-endian */
    memcpy(b + 4, text, len);
    b[4 + len] = '\0';
    return b;
}

static void set_error_text(const char *text, size_t len) {
    free(error_block);
    error_block = make_block(text, len);
    /* out of memory: keep signalling an error, without the text */
    if (!error_block) error_block = make_block("", 0);
}

/* Records and prints an error raised by the runtime itself (no Python
 * exception involved, possibly no interpreter yet). */
static void fail_with(const char *message) {
    fputs(message, stderr);
    fflush(stderr);
    set_error_text(message, strlen(message));
}

void p2w_reactor_clear_error(void) {
    free(error_block);
    error_block = NULL;
}

__attribute__((export_name("py2wasm_error"))) char *py2wasm_error(void) { return error_block; }

__attribute__((export_name("py2wasm_alloc"))) void *py2wasm_alloc(uint32_t size) {
    /* never NULL for size 0: the host tells failure by the null pointer */
    return malloc(size ? size : 1);
}

__attribute__((export_name("py2wasm_free"))) void py2wasm_free(void *ptr) { free(ptr); }

/* Calls sys.NAME.flush() if sys.NAME is a stream.  Returns 0, or -1 with
 * an exception set. */
static int flush_stream(const char *name) {
    PyObject *stream = PySys_GetObject(name); /* borrowed */
    if (!stream || stream == Py_None) return 0;
    PyObject *res = PyObject_CallMethod(stream, "flush", NULL);
    if (!res) return -1;
    Py_DECREF(res);
    return 0;
}

/* The traceback of (TYPE, VALUE, TB) exactly as CPython prints it: a new
 * str reference, or NULL with an exception set.  PyErr_Display writes to
 * sys.stderr, so sys.stderr is a StringIO meanwhile. */
static PyObject *format_exception(PyObject *type, PyObject *value, PyObject *tb) {
    PyObject *io = PyImport_ImportModule("io");
    if (!io) return NULL;
    PyObject *buf = PyObject_CallMethod(io, "StringIO", NULL);
    Py_DECREF(io);
    if (!buf) return NULL;
    PyObject *saved = PySys_GetObject("stderr"); /* borrowed */
    Py_XINCREF(saved);
    PyObject *text = NULL;
    if (PySys_SetObject("stderr", buf) == 0) {
        PyErr_Display(type, value, tb);
        text = PyObject_CallMethod(buf, "getvalue", NULL);
        if (PySys_SetObject("stderr", saved ? saved : Py_None) < 0) Py_CLEAR(text);
    }
    Py_XDECREF(saved);
    Py_DECREF(buf);
    return text;
}

/* Writes TEXT (str) to sys.stderr and flushes it.  Returns 0, or -1 with
 * an exception set. */
static int write_stderr(PyObject *text) {
    PyObject *stream = PySys_GetObject("stderr"); /* borrowed */
    if (!stream || stream == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.stderr");
        return -1;
    }
    PyObject *res = PyObject_CallMethod(stream, "write", "O", text);
    if (!res) return -1;
    Py_DECREF(res);
    return flush_stream("stderr");
}

void p2w_reactor_fail(void) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    /* output printed before the error comes first, as in a program */
    if (flush_stream("stdout") < 0) PyErr_Clear();
    PyObject *text = format_exception(type, value, tb);
    const char *utf8 = NULL;
    Py_ssize_t len = 0;
    if (text) utf8 = PyUnicode_AsUTF8AndSize(text, &len);
    if (utf8) {
        if (write_stderr(text) < 0) {
            /* sys.stderr is gone or broken: the host still sees it */
            PyErr_Clear();
            fwrite(utf8, 1, (size_t)len, stderr);
            fflush(stderr);
        }
        set_error_text(utf8, (size_t)len);
    } else {
        PyErr_Clear();
        fail_with("py2wasm: an exported function raised an exception that could not be "
                  "formatted\n");
    }
    Py_XDECREF(text);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

int p2w_reactor_flush(void) {
    if (flush_stream("stdout") < 0 || flush_stream("stderr") < 0) {
        p2w_reactor_fail();
        return -1;
    }
    return 0;
}

PyObject *p2w_reactor_globals(void) {
    if (state == READY) return PyModule_GetDict(program_module);
    fail_with(state == UNSTARTED
                  ? "py2wasm: an exported function was called before _initialize\n"
                  : "py2wasm: the program failed to initialise (see the error _initialize "
                    "reported); its exports cannot be called\n");
    return NULL;
}

/* sys.argv as the host passed it through WASI (args_get), as crt1 would
 * pass it to main.  Returns 0, or -1 if the host refused. */
static int wasi_args(int *argc, char ***argv, char **buf) {
    __wasi_size_t n, size;
    if (__wasi_args_sizes_get(&n, &size) != __WASI_ERRNO_SUCCESS) return -1;
    *argv = calloc(n + 1, sizeof **argv);
    *buf = malloc(size ? size : 1);
    if (!*argv || !*buf) return -1;
    if (__wasi_args_get((uint8_t **)*argv, (uint8_t *)*buf) != __WASI_ERRNO_SUCCESS) return -1;
    *argc = (int)n;
    return 0;
}

/* Runs the program's code in a module named after the script, registered
 * in sys.modules first as an import would.  Returns 0, or -1 with an
 * exception set. */
static int import_program(void) {
    const struct p2w_module *m = p2w_find_module("__main__");
    if (!m) {
        PyErr_SetString(PyExc_SystemError, "py2wasm: no program module embedded");
        return -1;
    }
    PyObject *boot = PyImport_ImportModule("_p2w_boot");
    if (!boot) return -1;
    program_module = PyObject_CallMethod(boot, "new_program_module", NULL);
    Py_DECREF(boot);
    if (!program_module) return -1;
    PyObject *globals = PyModule_GetDict(program_module); /* borrowed */
    PyObject *code = p2w_load_code(m);
    if (!code) return -1;
    PyObject *res = PyEval_EvalCode(code, globals, globals);
    Py_DECREF(code);
    if (!res) return -1;
    Py_DECREF(res);
    return 0;
}

__attribute__((export_name("_initialize"))) void p2w_reactor_initialize(void) {
    if (state != UNSTARTED) {
        fail_with("py2wasm: _initialize was called more than once\n");
        return;
    }
    state = FAILED; /* until everything below succeeded */
    __wasm_call_ctors();
    int argc = 0;
    char **argv = NULL, *buf = NULL;
    int rc = wasi_args(&argc, &argv, &buf);
    if (rc == 0) rc = p2w_initialize(argc, argv);
    free(argv);
    free(buf);
    if (rc != 0) {
        fail_with("py2wasm: the interpreter could not start\n");
        return;
    }
    if (import_program() < 0) {
        p2w_reactor_fail();
        return;
    }
    if (p2w_reactor_flush() < 0) return;
    state = READY;
}

/* p2w_main.c - entry point of every py2wasm program.
 *
 * Mirrors what `python3.11 app.py` does, minus the filesystem:
 *   1. the embedded modules become CPython's frozen-module table before the
 *      interpreter starts, so the modules initialisation imports (encodings)
 *      come from the binary;
 *   2. the interpreter is initialised from the usual "python" configuration
 *      (PYTHON* environment variables are honoured, as natively);
 *   3. _p2w_boot installs the finder that serves embedded modules with the
 *      __file__/__spec__ native CPython would give them;
 *   4. the frame-evaluation hook is installed (p2w_eval.c), so code objects
 *      with a compiled function run as C from then on;
 *   5. the program's code runs as __main__; an uncaught exception is printed
 *      and SystemExit handled by CPython itself (PyErr_Print), so exit codes
 *      and tracebacks are the interpreter's own.
 * Steps 1-4 are p2w_start(), shared with the reactor entry point of modules
 * that export functions (p2w_reactor.c), which replaces step 5. */
#include "p2w_embed.h"

#include <stdlib.h>
#include <string.h>

/* Set in the patched Python/traceback.c (runtime/patches). */
extern PyObject *(*_Py_SourceLineHook)(PyObject *filename, int lineno);

static _Noreturn void fail_init(PyStatus status, PyConfig *config) {
    PyConfig_Clear(config);
    Py_ExitStatusException(status);
}

static void configure(PyConfig *config, int argc, char **argv) {
    PyStatus st;
    PyConfig_InitPythonConfig(config);
    config->parse_argv = 0;
    config->pathconfig_warnings = 0;
    config->write_bytecode = 0;
    config->use_frozen_modules = 1;

    /* sys.argv[0] is the script as it was named at build time, not the .wasm */
    char **args = malloc(sizeof(char *) * (size_t)(argc > 0 ? argc : 1));
    if (!args) abort();
    args[0] = (char *)p2w_argv0;
    for (int i = 1; i < argc; i++) args[i] = argv[i];
    st = PyConfig_SetBytesArgv(config, argc > 0 ? argc : 1, args);
    free(args);
    if (PyStatus_Exception(st)) fail_init(st, config);

    /* sys._stdlib_dir is where native CPython's stdlib lives: the runtime's
     * own frozen modules (os, site, ...) derive __file__ from it. */
    st = PyConfig_SetBytesString(config, &config->stdlib_dir, p2w_stdlib_dir);
    if (PyStatus_Exception(st)) fail_init(st, config);
    config->module_search_paths_set = 1;
    wchar_t *stdlib = Py_DecodeLocale(p2w_stdlib_dir, NULL);
    if (!stdlib) abort();
    st = PyWideStringList_Append(&config->module_search_paths, stdlib);
    PyMem_RawFree(stdlib);
    if (PyStatus_Exception(st)) fail_init(st, config);
}

/* Runs the embedded __main__ code in the __main__ module, as
 * PyRun_SimpleFile does for a script.  Returns 0, or 1 after printing the
 * uncaught exception (SystemExit never returns: CPython exits). */
static int run_main(void) {
    const struct p2w_module *m = p2w_find_module("__main__");
    if (!m) {
        fputs("py2wasm runtime: no __main__ module embedded\n", stderr);
        return 1;
    }
    PyObject *main_mod = PyImport_AddModule("__main__"); /* borrowed */
    if (!main_mod) goto error;
    PyObject *globals = PyModule_GetDict(main_mod); /* borrowed */
    PyObject *boot = PyImport_ImportModule("_p2w_boot");
    if (!boot) goto error;
    PyObject *res = PyObject_CallMethod(boot, "prepare_main", "O", globals);
    Py_DECREF(boot);
    if (!res) goto error;
    Py_DECREF(res);
    PyObject *code = p2w_load_code(m);
    if (!code) goto error;
    res = PyEval_EvalCode(code, globals, globals);
    Py_DECREF(code);
    if (!res) goto error;
    Py_DECREF(res);
    return 0;
error:
    PyErr_Print();
    return 1;
}

int p2w_start(int argc, char **argv) {
    PyImport_FrozenModules = p2w_frozen_modules;
    if (PyImport_AppendInittab("_p2w", PyInit__p2w) < 0) {
        fputs("py2wasm runtime: cannot register _p2w\n", stderr);
        return 1;
    }
    PyConfig config;
    configure(&config, argc, argv);
    PyStatus st = Py_InitializeFromConfig(&config);
    if (PyStatus_Exception(st)) fail_init(st, &config);
    PyConfig_Clear(&config);

    _Py_SourceLineHook = p2w_source_line;
    PyObject *boot = PyImport_ImportModule("_p2w_boot");
    PyObject *res = boot ? PyObject_CallMethod(boot, "install", NULL) : NULL;
    Py_XDECREF(boot);
    if (!res) {
        fputs("py2wasm runtime: start-up failed\n", stderr);
        PyErr_Print();
        return 1;
    }
    Py_DECREF(res);
    /* From here on EmbeddedFinder serves the embedded modules.  Leaving them
     * in the frozen table would make _imp.is_frozen() report them, which
     * native CPython never does for these modules (a fresh import of
     * importlib would then try to fix them up as frozen modules). */
    PyImport_FrozenModules = NULL;
    /* from here on, compiled code objects run compiled (the modules
     * initialisation imported are stdlib ones, never compiled) */
    if (p2w_eval_install() < 0) {
        fputs("py2wasm runtime: start-up failed\n", stderr);
        PyErr_Print();
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    int status = p2w_start(argc, argv);
    if (status != 0) return status;
    status = run_main();
    if (Py_FinalizeEx() < 0) {
        status = 120; /* as Py_RunMain: flushing stdout failed at exit */
    }
    return status;
}

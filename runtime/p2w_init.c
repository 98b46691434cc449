/* p2w_init.c - start-up and the run of __main__ (the phases of
 * p2w_runtime.h).
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
 *   5. the modules of the pre-import plan are imported (snapshots only: the
 *      compiler leaves the plan empty otherwise, so imports keep their
 *      native order relative to the program's statements);
 *   6. the program's code runs as __main__; an uncaught exception is printed
 *      and SystemExit handled by CPython itself (PyErr_Print), so exit codes
 *      and tracebacks are the interpreter's own; an uncaught
 *      KeyboardInterrupt exits with 130, as Py_RunMain does where it cannot
 *      kill the process with SIGINT. */
#include "p2w_embed.h"
#include "p2w_runtime.h"

#include <stdlib.h>
#include <string.h>

/* Set in the patched Python/traceback.c (runtime/patches). */
extern PyObject *(*_Py_SourceLineHook)(PyObject *filename, int lineno);
/* Read by the patched Py_FinalizeEx (runtime/patches/0007): the instance
 * ends with the interpreter, so the teardown after the last flush is
 * skipped.  Set before any exit path (Py_Exit for SystemExit included). */
extern int _Py_WasiSkipInterpreterTeardown;

void p2w_configure(PyConfig *config, int argc, char **argv) {
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
    if (PyStatus_Exception(st)) goto fail;

    /* sys._stdlib_dir is where native CPython's stdlib lives: the runtime's
     * own frozen modules (os, site, ...) derive __file__ from it. */
    st = PyConfig_SetBytesString(config, &config->stdlib_dir, p2w_stdlib_dir);
    if (PyStatus_Exception(st)) goto fail;
    config->module_search_paths_set = 1;
    wchar_t *stdlib = Py_DecodeLocale(p2w_stdlib_dir, NULL);
    if (!stdlib) abort();
    st = PyWideStringList_Append(&config->module_search_paths, stdlib);
    PyMem_RawFree(stdlib);
    if (PyStatus_Exception(st)) goto fail;
    return;
fail:
    PyConfig_Clear(config);
    Py_ExitStatusException(st);
}

/* Prints the pending exception under a runtime message; returns -1. */
static int startup_failed(void) {
    fputs("py2wasm runtime: start-up failed\n", stderr);
    PyErr_Print();
    return -1;
}

int p2w_start_interpreter(PyConfig *config) {
    _Py_WasiSkipInterpreterTeardown = 1;
    PyImport_FrozenModules = p2w_frozen_modules;
    if (PyImport_AppendInittab("_p2w", PyInit__p2w) < 0) {
        fputs("py2wasm runtime: cannot register _p2w\n", stderr);
        return -1;
    }
    PyStatus st = Py_InitializeFromConfig(config);
    PyConfig_Clear(config);
    if (PyStatus_Exception(st)) Py_ExitStatusException(st);

    _Py_SourceLineHook = p2w_source_line;
    PyObject *boot = PyImport_ImportModule("_p2w_boot");
    PyObject *res = boot ? PyObject_CallMethod(boot, "install", NULL) : NULL;
    Py_XDECREF(boot);
    if (!res) return startup_failed();
    Py_DECREF(res);
    /* From here on EmbeddedFinder serves the embedded modules.  Leaving them
     * in the frozen table would make _imp.is_frozen() report them, which
     * native CPython never does for these modules (a fresh import of
     * importlib would then try to fix them up as frozen modules). */
    PyImport_FrozenModules = NULL;
    /* from here on, compiled code objects run compiled (the modules
     * initialisation imported are stdlib ones, never compiled) */
    if (p2w_eval_install() < 0) return startup_failed();
    return 0;
}

int p2w_preimport(void) {
    for (const char *const *name = p2w_preimport_modules; *name; name++) {
        PyObject *m = PyImport_ImportModule(*name);
        /* A module whose import raises is left to run time: importlib has
         * removed it from sys.modules, so the program's own import runs it
         * again and raises there, as natively. */
        if (!m) PyErr_Clear();
        Py_XDECREF(m);
    }
    return 0;
}

int p2w_initialize(int argc, char **argv) {
    p2w_world_is_live();
    PyConfig config;
    p2w_configure(&config, argc, argv);
    if (p2w_start_interpreter(&config) < 0) return -1;
    return p2w_preimport();
}

/* What _p2w_boot.prepare_main puts into __main__'s globals, made while the
 * snapshot is taken (p2w_prepare_main_early); NULL without a snapshot.
 * prepare_main depends on nothing of the run, and calling it at run time
 * would be the only Python code a simple program's start runs: with it,
 * V8 compiles CPython's 50 KB eval loop, with TurboFan, for each run. */
static PyObject *main_globals_at_build;
/* __main__'s code object, unmarshalled while the snapshot is taken (the
 * run then skips marshal's reader, which V8 would compile for each run);
 * NULL without a snapshot. */
static PyObject *main_code_at_build;

int p2w_prepare_main_early(void) {
    PyObject *boot = PyImport_ImportModule("_p2w_boot");
    PyObject *d = boot ? PyDict_New() : NULL;
    PyObject *res = d ? PyObject_CallMethod(boot, "prepare_main", "O", d) : NULL;
    Py_XDECREF(boot);
    if (!res) {
        Py_XDECREF(d);
        return -1;
    }
    Py_DECREF(res);
    main_globals_at_build = d;
    const struct p2w_module *m = p2w_find_module("__main__");
    if (m && !(main_code_at_build = p2w_load_code(m))) return -1;
    return 0;
}

/* Compiles __main__'s source again, for its warnings only: natively the
 * script is compiled at every run, so its SyntaxWarnings are printed (or,
 * under an "error" filter, become the SyntaxError that stops the run)
 * according to the run's warning filters.  The code that runs is the one
 * compiled at build time.  0, or -1 with an exception set. */
static int replay_compile_warnings(const struct p2w_module *m) {
    PyObject *source = p2w_module_source(m);
    if (!source) return -1;
    const char *text = PyUnicode_AsUTF8(source);
    PyObject *filename = text ? PyUnicode_DecodeFSDefault(m->filename) : NULL;
    /* the text is decoded already: a coding cookie in it is not applied */
    PyCompilerFlags flags = {.cf_flags = PyCF_IGNORE_COOKIE | PyCF_SOURCE_IS_UTF8,
                             .cf_feature_version = PY_MINOR_VERSION};
    PyObject *code =
        filename ? Py_CompileStringObject(text, filename, Py_file_input, &flags, 0) : NULL;
    Py_XDECREF(filename);
    Py_DECREF(source);
    if (!code) return -1;
    Py_DECREF(code);
    return 0;
}

/* The program ended with an uncaught KeyboardInterrupt (Py_RunMain's
 * _Py_UnhandledKeyboardInterrupt, which only run_eval_code_obj sets). */
static bool unhandled_keyboard_interrupt;

/* Runs the embedded __main__ code in the __main__ module, as
 * PyRun_SimpleFile does for a script. */
int p2w_run_main(void) {
    const struct p2w_module *m = p2w_find_module("__main__");
    if (!m) {
        fputs("py2wasm runtime: no __main__ module embedded\n", stderr);
        return 1;
    }
    PyObject *main_mod = PyImport_AddModule("__main__"); /* borrowed */
    if (!main_mod) goto error;
    PyObject *globals = PyModule_GetDict(main_mod); /* borrowed */
    if (main_globals_at_build) {
        if (PyDict_Update(globals, main_globals_at_build) < 0) goto error;
    } else {
        PyObject *boot = PyImport_ImportModule("_p2w_boot");
        if (!boot) goto error;
        PyObject *res = PyObject_CallMethod(boot, "prepare_main", "O", globals);
        Py_DECREF(boot);
        if (!res) goto error;
        Py_DECREF(res);
    }
    if (p2w_main_compile_warned && replay_compile_warnings(m) < 0) goto error;
    PyObject *res;
    PyObject *code = main_code_at_build ? main_code_at_build : p2w_load_code(m);
    main_code_at_build = NULL; /* the reference is ours now */
    if (!code) goto error;
    res = PyEval_EvalCode(code, globals, globals);
    Py_DECREF(code);
    /* exactly KeyboardInterrupt, as pythonrun.c tests it */
    if (!res && PyErr_Occurred() == PyExc_KeyboardInterrupt) unhandled_keyboard_interrupt = true;
    if (!res) goto error;
    Py_DECREF(res);
    return 0;
error:
    PyErr_Print();
    return 1;
}

int p2w_finalize(int status) {
    if (Py_FinalizeEx() < 0) status = 120; /* as Py_RunMain: flushing stdout failed */
    /* Natively the process then kills itself with SIGINT, so that a shell
     * sees an interrupted program; WASI has no signals, and CPython's own
     * fallback, the status a shell gives a SIGINT death, is used, as
     * python.wasm does. */
    if (unhandled_keyboard_interrupt) status = 128 + 2;
    return status;
}

/* p2w_world.c - the run-time half of a pre-initialised binary: p2w_resume()
 * makes the interpreter snapshotted at build time (p2w_snapshot.c) see the
 * actual run, as if it had started now.
 *
 * wasi-libc itself is already fresh: _start runs the C constructors again,
 * which read the run's environment and preopened directories.  What the
 * snapshot holds from the build, and how each is brought up to date:
 *   1. the pre-configuration (UTF-8 mode, LC_CTYPE locale, with PEP 538
 *      coercion): read again from the environment and applied as
 *      _PyPreConfig_Write would (it refuses to run after initialisation);
 *   2. the configuration (sys.argv, sys.flags, sys.warnoptions, stdio
 *      encodings, ...): read again and installed with CPython's own
 *      _PyInterpreterState_SetConfig, except the hash seed, which cannot
 *      change under the strings hashed in the snapshot;
 *   3. posix.environ (and so os.environ, which shares its dict);
 *   4. sys.stdin/stdout/stderr, re-created as init_sys_streams would;
 *   5. faulthandler, importlib's path caches, and site: imported at build
 *      time with no file system, and run again only if this run's file
 *      system has something for it (site_sees_files);
 *   6. -W's warning filters (refresh_warnings) and module state drawn from
 *      the world at import (_p2w_boot.refresh: random's seed, logging's
 *      start time),
 *      only when there is something to do: the usual resumption runs no
 *      Python code at all.
 * Objects keep their identity where a pre-imported module may hold them
 * (`from sys import argv`, `from os import environ`, `stdout = sys.stdout`):
 * lists and dicts are refilled in place and the standard streams are
 * re-initialised in place. */
#include "p2w_embed.h"
#include "p2w_runtime.h"

#include "internal/pycore_fileutils.h"
#include "internal/pycore_initconfig.h"
#include "internal/pycore_long.h"
#include "internal/pycore_pylifecycle.h"
#include "internal/pycore_runtime.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <wchar.h>
#include <locale.h>

extern char **environ;

/* Step 1.  Exits as start-up would on an invalid environment variable. */
static void refresh_preconfig(int argc, char **argv) {
    PyPreConfig pre;
    PyPreConfig_InitPythonConfig(&pre);
    pre.parse_argv = 0; /* as p2w_configure: arguments are the program's */
    _PyArgv args = {.argc = argc, .use_bytes_argv = 1, .bytes_argv = argv};
    PyStatus st = _PyPreConfig_Read(&pre, &args);
    /* an invalid variable (PYTHONUTF8=x): the fatal error start-up gives */
    if (PyStatus_Exception(st)) Py_ExitStatusException(st);
    /* the memory allocator cannot change under live objects */
    pre.allocator = _PyRuntime.preconfig.allocator;
    if (pre.configure_locale) {
        if (pre.coerce_c_locale && !_Py_CoerceLegacyLocale(pre.coerce_c_locale_warn))
            pre.coerce_c_locale = 0;
        _Py_SetLocaleFromEnv(LC_CTYPE);
    }
    Py_UTF8Mode = pre.utf8_mode;
    _PyRuntime.preconfig = pre;
}

static bool same_wstr(const wchar_t *a, const wchar_t *b) {
    return (!a && !b) || (a && b && wcscmp(a, b) == 0);
}

/* LIST (a sys list) refilled in place with the items of the sys attribute
 * NAME, which is then set back to LIST.  Borrows LIST.  0 or -1. */
static int keep_list_identity(const char *name, PyObject *list) {
    PyObject *fresh = PySys_GetObject(name); /* borrowed */
    if (!fresh || !PyList_Check(list)) return 0;
    if (fresh != list && PyList_SetSlice(list, 0, PY_SSIZE_T_MAX, fresh) < 0) return -1;
    return PySys_SetObject(name, list);
}

/* Installs CONFIG (read, not yet path-computed) as the interpreter's
 * configuration, as _PyInterpreterState_SetConfig does.  That function
 * recomputes the path configuration by running getpath.py in the
 * interpreter, which costs more than the rest of the resumption; the paths
 * are those of the build (OLD) unless the variables getpath reads say
 * otherwise (PYTHONHOME, PYTHONPLATLIBDIR), when it is used as is.
 * 0 or -1 with an exception set. */
static int install_config(PyConfig *config, const PyConfig *old) {
    /* CONFIG is read but not path-computed: its platlibdir is NULL unless
     * PYTHONPLATLIBDIR is set, where OLD has the computed value */
    if (!same_wstr(config->home, old->home) ||
        (config->platlibdir && !same_wstr(config->platlibdir, old->platlibdir)))
        return _PyInterpreterState_SetConfig(config);
    PyStatus st = _PyStatus_OK();
#define KEEP(field)                                                                                \
    if (!PyStatus_Exception(st)) st = PyConfig_SetString(config, &config->field, old->field)
    KEEP(executable);
    KEEP(base_executable);
    KEEP(prefix);
    KEEP(base_prefix);
    KEEP(exec_prefix);
    KEEP(base_exec_prefix);
    KEEP(stdlib_dir);
    KEEP(program_name);
    KEEP(platlibdir);
#undef KEEP
    config->_is_python_build = old->_is_python_build;
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyStatus_Exception(st)) st = _PyConfig_Copy(&tstate->interp->config, config);
    if (!PyStatus_Exception(st)) st = _PyConfig_Write(&tstate->interp->config, &_PyRuntime);
    if (PyStatus_Exception(st)) {
        _PyErr_SetFromPyStatus(st);
        return -1;
    }
    return _PySys_UpdateConfig(tstate);
}

/* Step 2.  Returns 0 or -1 with an exception set. */
static int refresh_config(int argc, char **argv) {
    PyInterpreterState *interp = PyInterpreterState_Get();
    const PyConfig *old = _PyInterpreterState_GetConfig(interp);
    PyConfig config;
    p2w_configure(&config, argc, argv);
    config.use_hash_seed = old->use_hash_seed;
    config.hash_seed = old->hash_seed;
    /* _PyInterpreterState_SetConfig expects a configuration that has been
     * read (it round-trips it through the getpath code's dict) */
    PyStatus st = PyConfig_Read(&config);
    /* an invalid variable (PYTHONINTMAXSTRDIGITS=1): the fatal error
     * start-up gives */
    if (PyStatus_Exception(st)) Py_ExitStatusException(st);

    /* sys.path keeps what start-up put there (the script's directory);
     * the lists below keep their identity */
    static const char *const lists[] = {"path", "argv", "orig_argv", "warnoptions"};
    enum { NLISTS = sizeof lists / sizeof lists[0] };
    PyObject *saved[NLISTS];
    for (int i = 0; i < NLISTS; i++) saved[i] = Py_XNewRef(PySys_GetObject(lists[i]));
    PyObject *xoptions = Py_XNewRef(PySys_GetObject("_xoptions"));
    /* set by _p2w_boot.install(): getpath has none on WASI */
    PyObject *stdlib_dir = Py_XNewRef(PySys_GetObject("_stdlib_dir"));

    int rc = install_config(&config, old);
    PyConfig_Clear(&config);
    if (rc == 0 && saved[0]) rc = PySys_SetObject("path", saved[0]);
    if (rc == 0 && stdlib_dir) rc = PySys_SetObject("_stdlib_dir", stdlib_dir);
    Py_XDECREF(stdlib_dir);
    for (int i = 1; i < NLISTS && rc == 0; i++)
        if (saved[i]) rc = keep_list_identity(lists[i], saved[i]);
    if (rc == 0 && xoptions && PyDict_Check(xoptions)) {
        PyObject *fresh = PySys_GetObject("_xoptions"); /* borrowed */
        if (fresh && fresh != xoptions) {
            PyDict_Clear(xoptions);
            rc = PyDict_Update(xoptions, fresh);
            if (rc == 0) rc = PySys_SetObject("_xoptions", xoptions);
        }
    }
    for (int i = 0; i < NLISTS; i++) Py_XDECREF(saved[i]);
    Py_XDECREF(xoptions);
    if (rc < 0) return -1;

    /* -X int_max_str_digits / PYTHONINTMAXSTRDIGITS, as _PyLong_InitTypes */
    int digits = _Py_global_config_int_max_str_digits;
    interp->int_max_str_digits = digits == -1 ? _PY_LONG_DEFAULT_MAX_STR_DIGITS : digits;

    /* file system and stdio codec names for the new locale */
    st = _PyUnicode_InitEncodings(_PyThreadState_GET());
    if (PyStatus_Exception(st)) {
        _PyErr_SetFromPyStatus(st);
        return -1;
    }
    return 0;
}

/* Module NAME, imported while the snapshot was taken: from sys.modules,
 * else imported (new reference, or NULL with an exception).  The lookup
 * is what PyImport_ImportModule finds too, without the import machinery's
 * C code, which V8 would otherwise compile for every run. */
static PyObject *imported_module(const char *name) {
    PyObject *key = PyUnicode_FromString(name);
    if (!key) return NULL;
    PyObject *m = PyImport_GetModule(key);
    Py_DECREF(key);
    if (m || PyErr_Occurred()) return m;
    return PyImport_ImportModule(name);
}

/* Step 3: posix.environ as posixmodule.c's convertenviron builds it
 * (bytes to bytes, first occurrence of a name wins), refilled in place:
 * os.environ and os.environb wrap that same dict.  0 or -1. */
static int refresh_environ(void) {
    PyObject *posix = imported_module("posix");
    if (!posix) return -1;
    PyObject *d = PyObject_GetAttrString(posix, "environ");
    Py_DECREF(posix);
    if (!d) return -1;
    int rc = PyDict_Check(d) ? 0 : -1;
    if (rc < 0) PyErr_SetString(PyExc_SystemError, "posix.environ is not a dict");
    if (rc == 0) PyDict_Clear(d);
    for (char **e = environ; rc == 0 && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        PyObject *k = PyBytes_FromStringAndSize(*e, eq - *e);
        PyObject *v = k ? PyBytes_FromString(eq + 1) : NULL;
        if (!v || !PyDict_SetDefault(d, k, v)) rc = -1;
        Py_XDECREF(k);
        Py_XDECREF(v);
    }
    Py_DECREF(d);
    return rc;
}

/* OBJ.NAME = VALUE (a str); 0 or -1. */
static int set_str_attr(PyObject *obj, const char *name, const char *value) {
    PyObject *v = PyUnicode_FromString(value);
    int rc = v ? PyObject_SetAttrString(obj, name, v) : -1;
    Py_XDECREF(v);
    return rc;
}

/* Step 4 for one stream, as pylifecycle.c's create_stdio: a new buffer on
 * FD, and the TextIOWrapper STREAM (borrowed; may be None or absent when
 * the fd was invalid at build time) re-initialised on it in place.  Sets
 * sys.NAME and sys.__NAME__.  0 or -1. */
static int refresh_stream(PyObject *io, const PyConfig *config, int fd, bool write_mode,
                          const char *sysname, const char *dundername, const char *label) {
    PyObject *stream = PySys_GetObject(dundername); /* borrowed */
    if (fcntl(fd, F_GETFD) < 0) {
        /* no such descriptor in this run: None, as natively */
        if (PySys_SetObject(dundername, Py_None) < 0) return -1;
        return PySys_SetObject(sysname, Py_None);
    }
    int buffering = !config->buffered_stdio && write_mode ? 0 : -1;
    PyObject *buf = PyObject_CallMethod(io, "open", "isiOOOO", fd, write_mode ? "wb" : "rb",
                                        buffering, Py_None, Py_None, Py_None, Py_False);
    if (!buf) return -1;
    PyObject *raw = buffering ? PyObject_GetAttrString(buf, "raw") : Py_NewRef(buf);
    int isatty = raw ? set_str_attr(raw, "name", label) : -1;
    if (isatty == 0) {
        PyObject *r = PyObject_CallMethod(raw, "isatty", NULL);
        isatty = r ? PyObject_IsTrue(r) : -1;
        Py_XDECREF(r);
    }
    Py_XDECREF(raw);
    if (isatty < 0) {
        Py_DECREF(buf);
        return -1;
    }
    PyObject *line_buffering =
        config->buffered_stdio && (isatty || fd == fileno(stderr)) ? Py_True : Py_False;
    PyObject *write_through = config->buffered_stdio ? Py_False : Py_True;
    PyObject *enc = PyUnicode_FromWideChar(config->stdio_encoding, -1);
    PyObject *errors = PyUnicode_FromWideChar(
        fd == fileno(stderr) ? L"backslashreplace" : config->stdio_errors, -1);
    PyObject *res = NULL;
    PyObject *textio_type = PyObject_GetAttrString(io, "TextIOWrapper");
    if (enc && errors && textio_type) {
        if (stream && PyObject_TypeCheck(stream, (PyTypeObject *)textio_type)) {
            res = PyObject_CallMethod(stream, "__init__", "OOOsOO", buf, enc, errors, "\n",
                                      line_buffering, write_through);
            Py_XSETREF(res, res ? Py_NewRef(stream) : NULL);
        } else {
            res = PyObject_CallFunction(textio_type, "OOOsOO", buf, enc, errors, "\n",
                                        line_buffering, write_through);
        }
    }
    Py_XDECREF(textio_type);
    Py_XDECREF(enc);
    Py_XDECREF(errors);
    Py_DECREF(buf);
    if (!res) return -1;
    int rc = set_str_attr(res, "mode", write_mode ? "w" : "r");
    if (rc == 0) rc = PySys_SetObject(dundername, res);
    if (rc == 0) rc = PySys_SetObject(sysname, res);
    Py_DECREF(res);
    return rc;
}

/* Set in the patched Modules/_io/textio.c (runtime/patches/0005). */
extern int _PyIO_TextIOWrapper_keep_codecs;

/* Step 4.  The streams keep their incremental encoders and decoders when
 * the encoding and errors handler are the build's: creating new ones runs
 * Python code (see the patch).  0 or -1. */
static int refresh_stdio(void) {
    const PyConfig *config = _PyInterpreterState_GetConfig(PyInterpreterState_Get());
    PyObject *io = imported_module("io");
    if (!io) return -1;
    _PyIO_TextIOWrapper_keep_codecs = 1;
    int rc = refresh_stream(io, config, fileno(stdin), false, "stdin", "__stdin__", "<stdin>");
    if (rc == 0)
        rc = refresh_stream(io, config, fileno(stdout), true, "stdout", "__stdout__", "<stdout>");
    if (rc == 0)
        rc = refresh_stream(io, config, fileno(stderr), true, "stderr", "__stderr__", "<stderr>");
    _PyIO_TextIOWrapper_keep_codecs = 0;
    Py_DECREF(io);
    return rc;
}

/* MODULE.FUNC() for its side effect; 0 or -1. */
static int call_in(const char *module, const char *func) {
    PyObject *m = imported_module(module);
    PyObject *r = m ? PyObject_CallMethod(m, func, NULL) : NULL;
    Py_XDECREF(m);
    Py_XDECREF(r);
    return r ? 0 : -1;
}

/* DIR/NAME exists (as a file when FILE_ONLY).  DIR is a str object;
 * an empty DIR means the current directory, as for sys.path entries. */
static bool exists_in(PyObject *dir, const char *name, bool file_only) {
    const char *d = dir && PyUnicode_Check(dir) ? PyUnicode_AsUTF8(dir) : NULL;
    if (!d) {
        PyErr_Clear();
        return false;
    }
    /* joined by hand: snprintf would be the only printf-family call of a
     * simple program's run, and V8 compiles vfprintf (with the float
     * formatting) on its first call, about 1 ms */
    char path[PATH_MAX];
    size_t n = strlen(d), m = strlen(name);
    const char *base = n ? d : ".";
    size_t dn = n ? n : 1;
    bool slash = base[dn - 1] != '/';
    if (dn + slash + m + 1 > sizeof path) return false;
    memcpy(path, base, dn);
    if (slash) path[dn] = '/';
    memcpy(path + dn + slash, name, m + 1);
    struct stat st;
    return stat(path, &st) == 0 && (!file_only || S_ISREG(st.st_mode));
}

/* posixpath.dirname of a str object: new reference or NULL.  In C, as
 * abspath_of: site_sees_files runs at every start, and Python code there
 * would have V8 compile CPython's eval loop for each run. */
static PyObject *dirname_of(PyObject *path) {
    Py_ssize_t n = PyUnicode_GetLength(path);
    if (n < 0) return NULL;
    Py_ssize_t i = PyUnicode_FindChar(path, '/', 0, n, -1);
    if (i == -2) return NULL;
    Py_ssize_t end = i + 1; /* head = p[:i+1], i = -1 when there is no '/' */
    Py_ssize_t strip = end;
    while (strip > 0 && PyUnicode_READ_CHAR(path, strip - 1) == '/') strip--;
    /* a head of slashes only is kept whole */
    return PyUnicode_Substring(path, 0, strip > 0 ? strip : end);
}

/* posixpath.abspath of a str object (join with os.getcwd(), then
 * normpath, which is _Py_normpath in 3.11): new reference, or NULL with
 * an exception set. */
static PyObject *abspath_of(PyObject *path) {
    Py_ssize_t n;
    wchar_t *w = PyUnicode_AsWideCharString(path, &n);
    if (!w) return NULL;
    wchar_t cwd[PATH_MAX + 1];
    wchar_t *joined = w;
    if (n == 0 || w[0] != L'/') {
        if (!_Py_wgetcwd(cwd, PATH_MAX + 1)) {
            PyMem_Free(w);
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        size_t c = wcslen(cwd);
        bool sep = c > 0 && cwd[c - 1] == L'/';
        joined = PyMem_New(wchar_t, c + 1 + (size_t)n + 1);
        if (!joined) {
            PyMem_Free(w);
            return PyErr_NoMemory();
        }
        swprintf(joined, c + 1 + (size_t)n + 1, L"%ls%ls%ls", cwd, sep ? L"" : L"/", w);
    }
    const wchar_t *norm = _Py_normpath(joined, -1);
    PyObject *r = PyUnicode_FromWideChar(norm && *norm ? norm : L".", -1);
    if (joined != w) PyMem_Free(joined);
    PyMem_Free(w);
    return r;
}

/* site.getsitepackages() as it was when the snapshot was taken, and what
 * it depends on: site.PREFIXES and sys.platlibdir (p2w_note_site). */
static PyObject *sitepackages_at_build, *prefixes_at_build, *platlibdir_at_build;

int p2w_note_site(void) {
    PyObject *site = PyDict_GetItemString(PyImport_GetModuleDict(), "site"); /* borrowed */
    if (!site) return 0;
    PyObject *prefixes = PyObject_GetAttrString(site, "PREFIXES");
    PyObject *copy = prefixes ? PySequence_List(prefixes) : NULL;
    Py_XDECREF(prefixes);
    PyObject *dirs = copy ? PyObject_CallMethod(site, "getsitepackages", NULL) : NULL;
    PyObject *platlibdir = PySys_GetObject("platlibdir"); /* borrowed */
    if (!dirs || !platlibdir) {
        Py_XDECREF(copy);
        Py_XDECREF(dirs);
        return dirs ? 0 : -1;
    }
    prefixes_at_build = copy;
    sitepackages_at_build = dirs;
    platlibdir_at_build = Py_NewRef(platlibdir);
    return 0;
}

/* site.getsitepackages() for this run: the build's list when its inputs
 * are unchanged (always, unless PYTHONPLATLIBDIR is set), else site's own.
 * New reference, or NULL with an exception set. */
static PyObject *site_packages(PyObject *site) {
    if (sitepackages_at_build) {
        PyObject *prefixes = PyObject_GetAttrString(site, "PREFIXES");
        PyObject *platlibdir = PySys_GetObject("platlibdir"); /* borrowed */
        int same = prefixes && platlibdir
                       ? PyObject_RichCompareBool(prefixes, prefixes_at_build, Py_EQ)
                       : -1;
        if (same == 1) same = PyObject_RichCompareBool(platlibdir, platlibdir_at_build, Py_EQ);
        Py_XDECREF(prefixes);
        if (same == 1) return Py_NewRef(sitepackages_at_build);
        if (same < 0) PyErr_Clear();
    }
    return PyObject_CallMethod(site, "getsitepackages", NULL);
}

/* Whether site, which ran at build time with no file system, would find
 * anything in this run: a pyvenv.cfg beside the executable or above it,
 * a site-packages directory, sitecustomize, or a user site.  All of these
 * are absent in the usual case, and then the build's site state is exactly
 * what importing site now would give (see site.main()).  -1 on error. */
static int site_sees_files(PyObject *site) {
    PyObject *user = PyObject_GetAttrString(site, "ENABLE_USER_SITE");
    int found = user ? PyObject_IsTrue(user) : -1;
    Py_XDECREF(user);
    /* venv(): dirname(abspath(sys.executable)) and its parent */
    PyObject *executable = PySys_GetObject("executable"); /* borrowed */
    PyObject *exe = NULL;
    if (found == 0 && executable && PyUnicode_Check(executable)) {
        exe = abspath_of(executable);
    } else if (found == 0) {
        /* not a str: site's own code, for its exception */
        PyObject *posixpath = imported_module("posixpath");
        exe = posixpath ? PyObject_CallMethod(posixpath, "abspath", "O",
                                              executable ? executable : Py_None)
                        : NULL;
        Py_XDECREF(posixpath);
        if (exe && !PyUnicode_Check(exe)) Py_CLEAR(exe);
    }
    PyObject *exe_dir = exe ? dirname_of(exe) : NULL;
    PyObject *parent = exe_dir ? dirname_of(exe_dir) : NULL;
    Py_XDECREF(exe);
    if (found == 0 && !parent) found = -1;
    if (found == 0)
        found = exists_in(exe_dir, "pyvenv.cfg", true) || exists_in(parent, "pyvenv.cfg", true);
    Py_XDECREF(exe_dir);
    Py_XDECREF(parent);
    /* addsitepackages(): getsitepackages() directories */
    PyObject *dirs = found == 0 ? site_packages(site) : NULL;
    if (found == 0 && !dirs) found = -1;
    for (Py_ssize_t i = 0; found == 0 && i < PyList_GET_SIZE(dirs); i++)
        found = exists_in(PyList_GET_ITEM(dirs, i), "", false);
    Py_XDECREF(dirs);
    /* execsitecustomize(): a sitecustomize module or package on sys.path
     * as site sees it, before start-up put the script's directory first
     * (natively too, site runs before sys.path[0] is set) */
    PyObject *path = PySys_GetObject("path"); /* borrowed */
    for (Py_ssize_t i = 1; found == 0 && path && i < PyList_GET_SIZE(path); i++) {
        PyObject *entry = PyList_GET_ITEM(path, i);
        found = exists_in(entry, "sitecustomize.py", false) ||
                exists_in(entry, "sitecustomize.pyc", false) ||
                exists_in(entry, "sitecustomize", false);
    }
    return found;
}

/* -W / PYTHONWARNINGS / dev mode: what init_interp_main does (import
 * warnings, which processes sys.warnoptions), or, when warnings is already
 * imported (in the snapshot, with no options then), its option processing.
 * 0 or -1. */
static int refresh_warnings(void) {
    PyObject *options = PySys_GetObject("warnoptions"); /* borrowed */
    if (!options || !PyList_Check(options) || PyList_GET_SIZE(options) == 0) return 0;
    PyObject *warnings = PyDict_GetItemString(PyImport_GetModuleDict(), "warnings");
    if (!warnings) {
        warnings = PyImport_ImportModule("warnings");
        if (!warnings) {
            fputs("'import warnings' failed; traceback:\n", stderr);
            PyErr_Print();
            return 0;
        }
        Py_DECREF(warnings);
        return 0;
    }
    PyObject *r = PyObject_CallMethod(warnings, "_processoptions", "O", options);
    Py_XDECREF(r);
    return r ? 0 : -1;
}

/* Whether _p2w_boot.refresh() has work to do: a module it refreshes, or
 * site to run again.  Checked here so that the usual resumption runs no
 * Python code at all.  -1 on error. */
static int needs_python_refresh(bool rerun_site) {
    if (rerun_site) return 1;
    PyObject *modules = PyImport_GetModuleDict(); /* borrowed */
    PyObject *boot = PyDict_GetItemString(modules, "_p2w_boot");
    PyObject *table = boot ? PyObject_GetAttrString(boot, "_REFRESH") : NULL;
    if (!table) return -1;
    int needed = 0;
    PyObject *name, *value;
    Py_ssize_t pos = 0;
    while (!needed && PyDict_Next(table, &pos, &name, &value))
        needed = PyDict_Contains(modules, name);
    Py_DECREF(table);
    return needed;
}

/* Steps 5 and 6, in init_interp_main's order. 0 or -1. */
static int refresh_modules(void) {
    const PyConfig *config = _PyInterpreterState_GetConfig(PyInterpreterState_Get());
    if (config->faulthandler && call_in("faulthandler", "enable") < 0) return -1;
    /* path hooks and finders cached at build time saw no file system */
    PyObject *cache = PySys_GetObject("path_importer_cache"); /* borrowed */
    if (cache && PyDict_Check(cache)) PyDict_Clear(cache);
    if (refresh_warnings() < 0) return -1;
    PyObject *site = PyDict_GetItemString(PyImport_GetModuleDict(), "site"); /* borrowed */
    int rerun_site = 0;
    if (site) {
        rerun_site = config->site_import ? site_sees_files(site) : 0;
    } else if (config->site_import) {
        /* left to run time by the compiler (the program has its own
         * sitecustomize) */
        site = PyImport_ImportModule("site");
        if (!site) {
            fputs("py2wasm runtime: failed to import the site module\n", stderr);
            return -1;
        }
        Py_DECREF(site);
    }
    int needed = rerun_site < 0 ? -1 : needs_python_refresh(rerun_site);
    if (needed <= 0) return needed;
    PyObject *boot = PyImport_ImportModule("_p2w_boot");
    PyObject *r =
        boot ? PyObject_CallMethod(boot, "refresh", "O", rerun_site ? Py_True : Py_False) : NULL;
    Py_XDECREF(boot);
    Py_XDECREF(r);
    return r ? 0 : -1;
}

int p2w_resume(int argc, char **argv) {
    p2w_world_is_live();
    refresh_preconfig(argc, argv);
    if (refresh_config(argc, argv) < 0 || refresh_environ() < 0 || refresh_stdio() < 0 ||
        refresh_modules() < 0) {
        fputs("py2wasm runtime: start-up failed\n", stderr);
        PyErr_Print();
        return -1;
    }
    return 0;
}

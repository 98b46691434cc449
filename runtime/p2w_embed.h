/* p2w_embed.h - the contract between the C that py2wasm generates for a
 * program (the module tables) and the runtime compiled into every .wasm.
 *
 * The generated file defines every symbol declared extern here.  Module code
 * objects are marshalled by the host CPython 3.11.2 and unmarshalled by the
 * wasm one (same version, and marshal is architecture independent).  Module
 * sources are stored zlib-compressed as UTF-8 text with universal newlines,
 * already decoded from their coding cookie at build time. */
#ifndef P2W_EMBED_H
#define P2W_EMBED_H

#include "p2w_eval.h"
#include "marshal.h"
#include "internal/pycore_import.h"

#include <stddef.h>

enum p2w_module_kind {
    P2W_MODULE = 0,    /* plain module: a .py file */
    P2W_PACKAGE = 1,   /* regular package: __init__.py */
    P2W_NAMESPACE = 2, /* namespace package: directories only, no code */
    P2W_FROZEN = 3,    /* code object of frozen modules of the runtime (os,
                          site, importlib's bootstrap, ...), which the frozen
                          importer serves through the frozen tables the
                          generated C defines (src/frozen.c); named after the
                          first frozen module using it, no filename */
};

struct p2w_module {
    const char *name;          /* dotted module name; "__main__" for the program */
    const char *filename;      /* __file__ and co_filename, as native CPython has them;
                                  NULL for namespace packages */
    const char *search_path;   /* __path__ entries separated by '\n' (packages), or NULL */
    int kind;                  /* enum p2w_module_kind */
    const unsigned char *code; /* marshalled code object (NULL for namespaces) */
    size_t code_size;
    const unsigned char *source_z; /* zlib-compressed source text, or NULL */
    size_t source_z_size;
    size_t source_size; /* uncompressed size */
    /* compiled functions of the module's code objects in p2w_attach order
     * (NULL entries and a NULL table mean "interpret") and their guards */
    const p2w_compiled_fn *fns;
    const struct p2w_code_guard *guards;
    size_t ncodes;
};

/* ---- defined by the generated C ---- */
extern const struct p2w_module p2w_modules[]; /* sorted by name */
extern const size_t p2w_module_count;
/* Every embedded module with code (not P2W_FROZEN), in the form CPython's
 * frozen importer reads (terminated by a zeroed entry); used while the
 * interpreter initialises.  The generated C also defines libpython's own
 * frozen tables (_PyImport_FrozenBootstrap, ...; see src/frozen.c). */
extern const struct _frozen p2w_frozen_modules[];
extern const char p2w_argv0[];      /* sys.argv[0]: the script as named at build time */
extern const char p2w_main_dir[];   /* sys.path[0]: the script's directory */
extern const char p2w_stdlib_dir[]; /* where native CPython keeps its stdlib */
/* Nonzero: compiling __main__'s source gives warnings (SyntaxWarning...). */
extern const int p2w_main_compile_warned;
/* Modules imported during start-up, before __main__ runs, NULL-terminated;
 * empty unless the binary is pre-initialised (see p2w_runtime.h). */
extern const char *const p2w_preimport_modules[];
/* The hash seed a snapshot is taken with (see p2w_snapshot.c). */
extern const unsigned long p2w_snapshot_hash_seed;
/* Nonzero: site is imported at run time, not in the snapshot. */
extern const int p2w_snapshot_defer_site;

/* ---- defined by the runtime ---- */
/* Unmarshals the code of M and attaches its compiled functions: new
 * reference, or NULL with an exception set. */
PyObject *p2w_load_code(const struct p2w_module *m);
/* For a snapshot, replaces the marshalled code of every module (and zeroes
 * the plain copy): a module the snapshot imported keeps the code object
 * that import ran, for a re-import (importlib.reload); the others' code is
 * zlib-compressed, and p2w_load_code inflates it.  0, or -1 when out of
 * memory. */
int p2w_pack_code(void);
/* p2w_pack_code without the compression: the modules the snapshot did not
 * import keep their plain marshalled code (and no deflate is linked). */
int p2w_drop_imported_code(void);
/* The source of M (decompressed) as a new str reference, or NULL with an
 * exception set. */
PyObject *p2w_module_source(const struct p2w_module *m);
/* Finds an embedded module by name; NULL when absent. */
const struct p2w_module *p2w_find_module(const char *name);
/* Initialiser of the builtin module _p2w (see p2w_module.c). */
PyObject *PyInit__p2w(void);
/* Line LINENO of embedded source FILENAME as a new str reference, or NULL
 * without an exception set; installed as CPython's traceback source hook. */
PyObject *p2w_source_line(PyObject *filename, int lineno);

#endif

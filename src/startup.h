/* startup.h - writes the C file of a program's start-up tables: the pre-
 * import plan, the hash seed and Wizer entry point of a snapshotted build,
 * and the table of builtin C modules (the inittab) linked into it.
 * Prefix: startup_. */
#ifndef P2W_STARTUP_H
#define P2W_STARTUP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool snapshot;                /* pre-initialised with Wizer */
    const char *const *preimport; /* modules imported before __main__ runs */
    size_t npreimport;
    unsigned long hash_seed;     /* the snapshot's PYTHONHASHSEED equivalent */
    bool defer_site;             /* site imported at run time (own sitecustomize) */
    bool pack_code;              /* the snapshot keeps the embedded code compressed */
    const char *const *builtins; /* builtin C modules the program can import */
    size_t nbuiltins;
} StartupTables;

/* Writes the tables to OUT_PATH; false after a diagnostic.  The inittab
 * holds T->builtins plus the modules the interpreter itself needs. */
bool startup_write_c(const char *out_path, const StartupTables *t);

#endif

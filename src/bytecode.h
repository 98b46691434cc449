/* bytecode.h - decoding CPython 3.11.2 bytecode: instructions (with
 * EXTENDED_ARG folded in and inline CACHE entries skipped), the exception
 * table, and the imports a code object performs.  Prefix: bc_. */
#ifndef P2W_BYTECODE_H
#define P2W_BYTECODE_H

#include "hostpy.h"

/* One instruction. */
typedef struct {
    int off;   /* offset of the opcode (after any EXTENDED_ARG), code units */
    int start; /* offset of its first EXTENDED_ARG prefix, or off */
    int op;
    int arg; /* with EXTENDED_ARG folded in */
} BcInstr;

/* The instructions of co_code BYTES (borrowed), CACHE units skipped: a
 * malloc'ed array of *N entries (never NULL). */
BcInstr *bc_decode(PyObject *bytes, size_t *n);

/* One entry of an exception table: instructions at offsets [start, end)
 * (code units) jump to TARGET with the value stack cut to DEPTH, and push
 * the offending instruction's offset first when LASTI. */
typedef struct {
    int start, end, target, depth;
    bool lasti;
} BcHandler;

/* The entries of CODE's exception table: a malloc'ed array of *N entries
 * (NULL when there are none). */
BcHandler *bc_decode_handlers(PyObject *code, size_t *n);

/* One import found in a code object (IMPORT_NAME and its operands). */
typedef struct {
    char *name;      /* module name as written ("" for `from . import x`) */
    int level;       /* 0 absolute, N relative */
    char **fromlist; /* names after `import` in a from-import, or NULL */
    size_t nfrom;
    int lineno;       /* source line of the import */
    bool guarded;     /* inside a try block (e.g. try/except ImportError) */
    bool lazy;        /* inside a function: runs only if that function is called */
    bool main_only;   /* inside `if __name__ == "__main__":` at module level */
    bool conditional; /* a forward jump before it can skip it (an if, a loop, a
                         conditional expression): it may not run */
    bool by_call;     /* importlib.import_module("name") or __import__("name"),
                         not an import statement */
} BcImport;

typedef struct {
    BcImport *items;
    size_t len, cap;
} BcImportList;

/* Appends every import performed by CODE and its nested code objects to
 * OUT.  Returns false with a Python exception set on malformed input. */
bool bc_scan_imports(PyObject *code, BcImportList *out);
void bc_import_list_free(BcImportList *list);

/* Which way a relative jump of 3.11 with opcode OP goes: 1 forward, -1
 * backward, 0 when OP is not one.  The target is the instruction's next
 * code unit (after its inline caches) plus or minus the oparg. */
int bc_jump_direction(int op);

/* True when CODE or a code object nested in it reads NAME: as an attribute
 * or method (x.NAME), a global or module-level name, a from-import
 * (from m import NAME), or a string constant equal to it (getattr(x, "NAME")).
 * Assignments and definitions of NAME do not count. */
bool bc_reads_name(PyObject *code, const char *name);

#endif

/* p2w_export.h - the contract between the wrappers py2wasm generates for
 * exported Python functions (src/exports.c) and the reactor runtime
 * (p2w_reactor.c).
 *
 * Each `--export NAME` becomes a C function with the wasm signature derived
 * from NAME's annotations, exported under NAME.  It packs its arguments into
 * an array of p2w_value and calls p2w_export_call(), which converts them to
 * Python objects, calls the function found in the main module's globals and
 * converts the result back.  On failure the wrapper returns zero (0, 0.0 or
 * a null pointer) and py2wasm_error() tells the host what happened. */
#ifndef P2W_EXPORT_H
#define P2W_EXPORT_H

#include <stddef.h>
#include <stdint.h>

/* The annotation of one parameter or of the result. */
enum p2w_type {
    P2W_T_NONE = 0,  /* result only: -> None, no wasm result */
    P2W_T_INT = 1,   /* int: i64, exact */
    P2W_T_FLOAT = 2, /* float: f64 */
    P2W_T_BOOL = 3,  /* bool: i32, 0 or 1 (any non-zero argument is True) */
    P2W_T_STR = 4,   /* str: (ptr, len) of UTF-8 argument; result block */
    P2W_T_BYTES = 5, /* bytes: (ptr, len) argument; result block */
};

/* One argument or result in transit between the wrapper and the runtime. */
union p2w_value {
    int64_t i; /* P2W_T_INT */
    double f;  /* P2W_T_FLOAT */
    int32_t b; /* P2W_T_BOOL */
    struct {
        const char *ptr; /* argument bytes in linear memory (host-owned) */
        uint32_t len;
    } s;         /* P2W_T_STR, P2W_T_BYTES arguments */
    char *block; /* P2W_T_STR, P2W_T_BYTES result: see py2wasm_alloc */
};

/* One exported function, as the generated C describes it. */
struct p2w_export {
    const char *name;                 /* the function's name in the main module */
    const char *const *param_names;   /* for error messages */
    const unsigned char *param_types; /* enum p2w_type, one per parameter */
    size_t nparams;
    unsigned char result; /* enum p2w_type */
    void *name_obj;       /* the name as an interned str, filled by the runtime */
};

/* Calls EX with ARGS (EX->nparams of them) and stores the result in
 * *RESULT.  Returns 0, or -1 after the error was printed to stderr and
 * recorded for py2wasm_error(). */
int p2w_export_call(struct p2w_export *ex, const union p2w_value *args, union p2w_value *result);

#endif

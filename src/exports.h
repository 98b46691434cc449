/* exports.h - exported Python functions (`--export NAME`): their wasm
 * signatures read from the annotations of the program's module-level
 * functions, and the C wrappers that make them wasm exports (the contract
 * is runtime/p2w_export.h).  Prefix: ex_. */
#ifndef P2W_EXPORTS_H
#define P2W_EXPORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* The annotation of a parameter or result; the values are those of
 * enum p2w_type in runtime/p2w_export.h. */
typedef enum { EX_NONE = 0, EX_INT, EX_FLOAT, EX_BOOL, EX_STR, EX_BYTES } ExType;

typedef struct {
    char *name;  /* the parameter's name */
    ExType type; /* never EX_NONE */
} ExParam;

typedef struct {
    char *name;      /* the Python function, and the wasm export's name */
    ExParam *params; /* in order: positional-only, then ordinary */
    size_t nparams;
    ExType result; /* EX_NONE for -> None */
    int lineno;    /* of its `def` in the program */
} ExFunc;

typedef struct {
    ExFunc *funcs; /* in the order the names were given, duplicates dropped */
    size_t len;
} ExList;

/* Most parameters an exported function may have (the runtime's limit). */
#define EX_MAX_PARAMS 64

/* Reads the signatures of the functions NAMES from the program's SOURCE
 * (UTF-8, already known to compile).  DISPLAY names the script in messages.
 * Returns false after a diagnostic (file:line:col, source line, caret,
 * naming the function and parameter) when a name is not a module-level
 * function or its signature cannot cross the wasm boundary. */
bool ex_analyze(const char *display, const char *source, const char *const *names, size_t n,
                ExList *out);
void ex_list_free(ExList *l);

/* Writes the C wrappers of L to PATH; false after a diagnostic. */
bool ex_emit_c(const char *path, const ExList *l, const char *display);

/* Appends L as a JSON array to SB, for the web loader:
 * [{"name": "add", "params": [["a", "int"], ...], "result": "int"}, ...] */
void ex_json(StrBuf *sb, const ExList *l);

/* The annotation's spelling: "int", ..., "None". */
const char *ex_type_name(ExType t);

#endif

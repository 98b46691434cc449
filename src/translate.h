/* translate.h - the bytecode-to-C translator: one C function per code
 * object, with the signature of CPython's frame evaluator, run through the
 * frame-evaluation hook of runtime/p2w_eval.c.  Prefix: xl_. */
#ifndef P2W_TRANSLATE_H
#define P2W_TRANSLATE_H

#include "hostpy.h"
#include "util.h"

/* Counts over every translated module, for --stats. */
typedef struct {
    size_t compiled;    /* code objects translated to C */
    size_t interpreted; /* code objects left to the interpreter */
    char **reasons;     /* distinct fallback reasons (owned) ... */
    size_t *counts;     /* ... and how many code objects each */
    size_t nreasons;
} XlStats;

void xl_stats_free(XlStats *st);

/* Appends to OUT the C functions for CODE (a module's code object) and all
 * its nested code objects, then the tables
 *     const p2w_compiled_fn p2w_fns_<SYM>[];
 *     const struct p2w_code_guard p2w_guards_<SYM>[];
 * in the pre-order p2w_attach walks.  SOURCE (may be NULL) is the module's
 * text, quoted in comments.  The output depends only on CODE, SYM and
 * SOURCE.  Returns the number of code objects. */
size_t xl_translate_module(StrBuf *out, PyObject *code, const char *sym, const char *source,
                           XlStats *stats);

#endif

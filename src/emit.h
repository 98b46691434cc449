/* emit.h - writes the C file that carries a program's modules into the
 * .wasm: marshalled code objects, compressed sources and the tables declared
 * in runtime/p2w_embed.h.  Prefix: emit_. */
#ifndef P2W_EMIT_H
#define P2W_EMIT_H

#include "graph.h"
#include "translate.h"

typedef struct {
    size_t code_bytes;   /* marshalled code, all modules */
    size_t source_bytes; /* compressed sources, all modules */
    size_t modules;
} EmitStats;

/* Which modules' code objects are translated to C. */
typedef enum {
    EMIT_INTERPRET_ALL,   /* --no-compile */
    EMIT_COMPILE_PROGRAM, /* the program's own modules (default) */
    EMIT_COMPILE_ALL,     /* --compile-stdlib=yes: the embedded stdlib too */
} EmitCompile;

/* Writes the module tables for MODS (sorted by name) to OUT_PATH.
 * ARGV0 is the script as the user named it.  Modules selected by COMPILE
 * are translated to C as well, counted in XL.  Returns false after a
 * diagnostic on failure. */
bool emit_modules_c(const char *out_path, GraphModule **mods, size_t n, const char *argv0,
                    EmitCompile compile, XlStats *xl, EmitStats *stats);

#endif

/* emit.h - writes the C files that carry a program's modules into the
 * .wasm: marshalled code objects, compressed sources and the tables declared
 * in runtime/p2w_embed.h.  Prefix: emit_. */
#ifndef P2W_EMIT_H
#define P2W_EMIT_H

#include "graph.h"
#include "translate.h"

typedef struct {
    size_t code_bytes;   /* marshalled code, all modules */
    size_t source_bytes; /* compressed sources, all modules */
    size_t frozen_bytes; /* marshalled code of the runtime's frozen modules */
    size_t modules;
} EmitStats;

/* Writes the C of a program into WORK_DIR: modules.c with the module
 * tables for MODS (sorted by name) and the selected runtime frozen modules
 * of FROZEN (their code read from FROZEN_DIR; see frozen.h), and one xl_<module>.c per module whose
 * TRANSLATE entry is true, its code objects translated to C (counted in
 * XL).  ARGV0 is the script as the user named it.  *C_FILES gets the paths
 * of the files written (malloc'ed, modules.c first), also on failure.
 * Returns false after a diagnostic on failure. */
bool emit_program(const char *work_dir, GraphModule **mods, const bool *translate, size_t n,
                  const FrozenInventory *frozen, const char *frozen_dir, const char *argv0,
                  XlStats *xl, EmitStats *stats, char ***c_files, size_t *nc_files);

#endif

/* heapimage.h - stores a snapshot's heap as one LZ4 block.
 *
 * Wizer writes the pre-initialised memory as data segments; above
 * __heap_base they hold the interpreter's objects, which LZ4 shrinks to
 * about a third.  heapimage replaces those segments with one segment
 * holding the compressed block, placed where runtime/p2w_heapimage.c
 * decompresses it in place when a run starts, and records the block's place
 * in that file's descriptor.  The rest of the module is copied unchanged.
 * Prefix: hi_. */
#ifndef P2W_HEAPIMAGE_H
#define P2W_HEAPIMAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

typedef struct {
    size_t segments;   /* data segments replaced by the block */
    size_t image_len;  /* bytes from __heap_base to the end of the last one */
    size_t block_len;  /* the compressed block */
    size_t data_saved; /* bytes the output is smaller by */
} HeapImageStats;

/* Rewrites the module MOD (LEN bytes) into OUT.  Returns false with a
 * message in *ERROR (malloc'ed) if the module is not one it can rewrite: no
 * descriptor, one already filled in, a layout it does not handle.  A module
 * with nothing above __heap_base, or whose heap does not compress, is
 * copied unchanged with STATS->segments == 0. */
bool hi_rewrite(const unsigned char *mod, size_t len, StrBuf *out, HeapImageStats *stats,
                char **error);

/* hi_rewrite from IN_PATH to OUT_PATH; false after a diagnostic naming
 * IN_PATH. */
bool hi_compress_file(const char *in_path, const char *out_path, HeapImageStats *stats);

#endif

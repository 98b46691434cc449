/* wasmbin.h - reading and writing the numbers of the wasm binary format
 * (LEB128), for the passes that look into a linked module: the code
 * section's size for --stats (toolchain.c) and the snapshot heap's
 * rewrite (heapimage.c).  Prefix: wb_. */
#ifndef P2W_WASMBIN_H
#define P2W_WASMBIN_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

/* Bytes [p, end) being read; BAD is set, and reads return 0, once a read
 * runs past the end or a number is malformed. */
typedef struct {
    const unsigned char *p, *end;
    bool bad;
} WbReader;

unsigned char wb_read_byte(WbReader *r);
uint64_t wb_read_uleb(WbReader *r);
int64_t wb_read_sleb(WbReader *r);

void wb_put_uleb(StrBuf *sb, uint64_t v);
void wb_put_sleb(StrBuf *sb, int64_t v);

#endif

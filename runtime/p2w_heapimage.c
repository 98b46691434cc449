/* p2w_heapimage.c - unpacks a snapshot's compressed heap when a run starts.
 *
 * A snapshot's memory above __heap_base holds what the interpreter made
 * while the snapshot was taken: its objects, the imported modules, the
 * allocators' bookkeeping.  py2wasm stores that range as one LZ4 block
 * instead of Wizer's data segments (src/heapimage.c), placed so that it
 * decompresses in place: the block ends where the range plus lz4's
 * in-place margin ends, and the range is written from its start.
 *
 * The unpacking runs as the first constructor: before wasi-libc's own
 * (environ, preopens), which allocate, and so read the allocator's state
 * from the heap.  A module that was not snapshotted, or the build-time
 * instance Wizer runs, finds the descriptor as compiled (no block) and
 * does nothing. */
#include <stdint.h>
#include <string.h>
#include <wasi/api.h>

#include "lz4.h"

extern unsigned char __heap_base;

#define NO_BLOCK UINT32_MAX

/* The compiler finds this in the snapshot's data by its magic and fills in
 * the block's place; the layout is part of the contract with
 * src/heapimage.c (little-endian u32 fields after the 16-byte magic).
 * Every field is non-zero as compiled, so Wizer keeps all of it in one
 * data segment. */
struct heap_image {
    char magic[16];
    unsigned char *heap_base; /* where the image starts */
    uint32_t block_at;        /* address of the LZ4 block, or NO_BLOCK */
    uint32_t block_len;       /* its compressed length */
    uint32_t image_len;       /* bytes it decompresses to, from heap_base */
    uint32_t region_len;      /* image plus margin: the block's end is heap_base + this */
};

/* Not static: the link names it (-Wl,--undefined) to pull this file out of
 * libp2w.a when the snapshot's heap is compressed. */
__attribute__((used)) volatile struct heap_image p2w_heap_image = {
    .magic = "P2W-HEAP-IMAGE1",
    .heap_base = &__heap_base,
    .block_at = NO_BLOCK,
    .block_len = NO_BLOCK,
    .image_len = NO_BLOCK,
    .region_len = NO_BLOCK,
};

/* Nothing is set up yet (no stdio, no allocator): the message goes straight
 * to the WASI descriptor. */
static _Noreturn void corrupt(void) {
    static const char msg[] = "py2wasm runtime: the snapshot's compressed heap does not decompress "
                              "to its recorded size; the module is damaged\n";
    __wasi_ciovec_t iov = {(const uint8_t *)msg, sizeof msg - 1};
    __wasi_size_t written;
    (void)__wasi_fd_write(2, &iov, 1, &written);
    __builtin_trap();
}

__attribute__((constructor(1))) static void unpack_heap_image(void) {
    uint32_t block_at = p2w_heap_image.block_at;
    if (block_at == NO_BLOCK) return;
    unsigned char *base = p2w_heap_image.heap_base;
    uint32_t block_len = p2w_heap_image.block_len, image_len = p2w_heap_image.image_len,
             region_len = p2w_heap_image.region_len;
    int got = LZ4_decompress_safe((const char *)(uintptr_t)block_at, (char *)base, (int)block_len,
                                  (int)image_len);
    if (got < 0 || (uint32_t)got != image_len) corrupt();
    /* the block's tail beyond the image is free heap, which the snapshot
     * had zeroed */
    memset(base + image_len, 0, region_len - image_len);
}

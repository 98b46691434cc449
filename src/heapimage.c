/* heapimage.c - a snapshot's heap as one LZ4 block (see heapimage.h).
 *
 * The memory layout it relies on is the link's (src/toolchain.c): the
 * stack first, then static data, then the heap from __heap_base.  The
 * segments below __heap_base stay as Wizer wrote them: the stack the
 * decompressor runs on, and the static data it reads (its descriptor,
 * lz4's tables).  The ones above are laid into one image, compressed with
 * LZ4 HC, and the block placed at the end of the image's in-place buffer
 * (lz4.h, "In-place compression and decompression"): decompression writes
 * from __heap_base upwards and never overtakes the block's unread input.
 * The last segments, the allocator's bookkeeping at the end of memory, may
 * stay plain (tail_start), so that the buffer fits in the memory the
 * snapshot has.
 *
 * Only what Wizer and wasm-ld produce is handled: one defined memory,
 * active segments on it with constant offsets, passive segments that keep
 * their indices. */
#include "heapimage.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LZ4_STATIC_LINKING_ONLY /* the in-place buffer size */
#include <lz4.h>
#include <lz4hc.h>

#include "wasmbin.h"

enum { SEC_MEMORY = 5, SEC_DATA = 11, SEC_DATACOUNT = 12 };
enum { WASM_PAGE = 65536 };

/* LZ4 HC's level: on imports.py's 4.4 MB image, level 6 takes 0.2 s for
 * 1,524,409 bytes, level 12 2.5 s for 1,508,292; decoding is as fast. */
enum { HC_LEVEL = 6 };

/* runtime/p2w_heapimage.c's struct heap_image */
static const char magic[16] = "P2W-HEAP-IMAGE1";
enum {
    DESC_HEAP_BASE = 16,
    DESC_BLOCK_AT = 20,
    DESC_BLOCK_LEN = 24,
    DESC_IMAGE_LEN = 28,
    DESC_REGION_LEN = 32,
    DESC_SIZE = 36
};
#define NO_BLOCK UINT32_MAX

typedef struct {
    bool active;
    uint32_t offset; /* active: where in memory */
    const unsigned char *bytes;
    size_t len;
} Segment;

typedef struct {
    const unsigned char *start; /* the section's id byte */
    const unsigned char *body;
    size_t body_len;
    unsigned char id;
} Section;

typedef struct {
    Section *sections;
    size_t nsections;
    Segment *segments;
    size_t nsegments;
    int memory, data, datacount; /* indices into sections, or -1 */
    uint64_t mem_min, mem_max;
    bool has_max;
} Module;

static void module_free(Module *m) {
    free(m->sections);
    free(m->segments);
}

static bool fail(char **error, const char *what) {
    *error = xstrdup(what);
    return false;
}

static bool parse_sections(const unsigned char *mod, size_t len, Module *m, char **error) {
    static const unsigned char header[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};
    if (len < 8 || memcmp(mod, header, 8) != 0) return fail(error, "not a wasm module");
    WbReader r = {mod + 8, mod + len, false};
    size_t cap = 0;
    while (r.p < r.end) {
        Section s = {.start = r.p};
        s.id = wb_read_byte(&r);
        uint64_t n = wb_read_uleb(&r);
        if (r.bad || n > (uint64_t)(r.end - r.p)) return fail(error, "truncated section");
        s.body = r.p;
        s.body_len = (size_t)n;
        r.p += n;
        if (s.id == SEC_MEMORY) m->memory = (int)m->nsections;
        if (s.id == SEC_DATA) m->data = (int)m->nsections;
        if (s.id == SEC_DATACOUNT) m->datacount = (int)m->nsections;
        grow_array((void **)&m->sections, &cap, m->nsections + 1, sizeof *m->sections);
        m->sections[m->nsections++] = s;
    }
    return true;
}

static bool parse_memory(Module *m, char **error) {
    if (m->memory < 0) return fail(error, "no memory section (an imported memory)");
    const Section *s = &m->sections[m->memory];
    WbReader r = {s->body, s->body + s->body_len, false};
    if (wb_read_uleb(&r) != 1) return fail(error, "not exactly one memory");
    uint64_t flags = wb_read_uleb(&r);
    if (flags > 1) return fail(error, "a shared or 64-bit memory");
    m->mem_min = wb_read_uleb(&r);
    m->has_max = flags == 1;
    if (m->has_max) m->mem_max = wb_read_uleb(&r);
    return r.bad ? fail(error, "malformed memory section") : true;
}

static bool parse_data(Module *m, char **error) {
    if (m->data < 0) return true;
    const Section *s = &m->sections[m->data];
    WbReader r = {s->body, s->body + s->body_len, false};
    uint64_t n = wb_read_uleb(&r);
    if (r.bad || n > s->body_len) return fail(error, "malformed data section");
    m->segments = xcalloc(n ? n : 1, sizeof *m->segments);
    for (uint64_t i = 0; i < n; i++) {
        Segment *g = &m->segments[m->nsegments++];
        uint64_t flags = wb_read_uleb(&r);
        if (flags == 2 && wb_read_uleb(&r) != 0) return fail(error, "a segment on a second memory");
        if (flags == 0 || flags == 2) {
            g->active = true;
            if (wb_read_byte(&r) != 0x41)
                return fail(error, "a segment offset that is not i32.const");
            g->offset = (uint32_t)wb_read_sleb(&r);
            if (wb_read_byte(&r) != 0x0b)
                return fail(error, "a segment offset that is not i32.const");
        } else if (flags != 1) {
            return fail(error, "a data segment of unknown kind");
        }
        uint64_t len = wb_read_uleb(&r);
        if (r.bad || len > (uint64_t)(r.end - r.p)) return fail(error, "truncated data segment");
        g->bytes = r.p;
        g->len = (size_t)len;
        r.p += len;
    }
    return r.bad ? fail(error, "malformed data section") : true;
}

static uint32_t get_u32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void set_u32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* The descriptor: the active segment holding it whole, and its offset in
 * that segment's bytes.  Every field is non-zero as compiled, so Wizer
 * does not split it. */
static bool find_descriptor(const Module *m, size_t *seg, size_t *at, char **error) {
    bool found = false;
    for (size_t i = 0; i < m->nsegments; i++) {
        const Segment *g = &m->segments[i];
        if (!g->active || g->len < sizeof magic) continue;
        for (const unsigned char *p = g->bytes; p + sizeof magic <= g->bytes + g->len; p++) {
            p = memchr(p, 'P', (size_t)(g->bytes + g->len - p));
            if (!p || p + sizeof magic > g->bytes + g->len) break;
            if (memcmp(p, magic, sizeof magic) != 0) continue;
            if (found) return fail(error, "two heap-image descriptors");
            if (p + DESC_SIZE > g->bytes + g->len)
                return fail(error, "the heap-image descriptor is not whole in one data segment");
            found = true;
            *seg = i;
            *at = (size_t)(p - g->bytes);
        }
    }
    return found ? true
                 : fail(error, "no heap-image descriptor (a runtime without "
                               "runtime/p2w_heapimage.c linked in)");
}

/* Appends a section: ID, the size of BODY, BODY. */
static void put_section(StrBuf *out, unsigned char id, const StrBuf *body) {
    char c = (char)id;
    sb_append(out, &c, 1);
    wb_put_uleb(out, body->len);
    sb_append(out, body->data, body->len);
}

static void put_segment(StrBuf *body, const Segment *g) {
    if (g->active) {
        wb_put_uleb(body, 0);
        sb_append(body, "\x41", 1);
        wb_put_sleb(body, (int32_t)g->offset);
        sb_append(body, "\x0b", 1);
    } else {
        wb_put_uleb(body, 1);
    }
    wb_put_uleb(body, g->len);
    sb_append(body, (const char *)g->bytes, g->len);
}

/* The module with KEEP's segments in order, then BLOCK, and the memory's
 * minimum MEM_MIN. */
static void write_module(const Module *m, const bool *keep, const Segment *block, uint64_t mem_min,
                         StrBuf *out) {
    size_t nkept = 1;
    for (size_t i = 0; i < m->nsegments; i++) nkept += keep[i];
    sb_append(out, "\0asm\1\0\0\0", 8);
    for (size_t i = 0; i < m->nsections; i++) {
        const Section *s = &m->sections[i];
        StrBuf body;
        sb_init(&body);
        if ((int)i == m->memory) {
            wb_put_uleb(&body, 1);
            wb_put_uleb(&body, m->has_max ? 1 : 0);
            wb_put_uleb(&body, mem_min);
            if (m->has_max) wb_put_uleb(&body, m->mem_max);
        } else if ((int)i == m->datacount) {
            wb_put_uleb(&body, nkept);
        } else if ((int)i == m->data) {
            wb_put_uleb(&body, nkept);
            for (size_t k = 0; k < m->nsegments; k++)
                if (keep[k]) put_segment(&body, &m->segments[k]);
            put_segment(&body, block);
        } else {
            size_t whole = (size_t)(s->body + s->body_len - s->start);
            sb_append(out, (const char *)s->start, whole);
            sb_free(&body);
            continue;
        }
        put_section(out, s->id, &body);
        sb_free(&body);
    }
}

/* Whether segment G goes into the image: above HEAP_BASE, before TAIL. */
static bool in_image(const Segment *g, uint32_t heap_base, uint64_t tail) {
    return g->active && (uint64_t)g->offset + g->len > heap_base && g->offset < tail;
}

/* Where the segments kept out of the image start (UINT64_MAX: none).  The
 * allocator keeps its bookkeeping at the end of the memory it has (dlmalloc's
 * segment footer), so the last segment ends at the memory's end and the
 * in-place buffer's margin would need one more page, which the allocator
 * does not know of.  The last few segments stay as they are when the zero
 * gap before them holds the margin of the image that ends there; this needs
 * the high segments in ascending order without overlaps, as Wizer writes
 * them. */
static uint64_t tail_start(const Module *m, uint32_t heap_base) {
    enum { MAX_TAIL = 8 };
    const Segment *prev = NULL, *last[MAX_TAIL + 1];
    size_t nlast = 0;
    for (size_t i = 0; i < m->nsegments; i++) {
        const Segment *g = &m->segments[i];
        if (!g->active || g->offset < heap_base) continue;
        if (prev && g->offset < (uint64_t)prev->offset + prev->len) return UINT64_MAX;
        prev = g;
        if (nlast == MAX_TAIL + 1) {
            memmove(last, last + 1, MAX_TAIL * sizeof *last);
            nlast--;
        }
        last[nlast++] = g;
    }
    for (size_t k = nlast; k-- > 1;) {
        uint64_t before_end = (uint64_t)last[k - 1]->offset + last[k - 1]->len;
        size_t image_len = (size_t)(before_end - heap_base);
        if (last[k]->offset - before_end >= LZ4_DECOMPRESS_INPLACE_MARGIN(image_len))
            return last[k]->offset;
    }
    return UINT64_MAX;
}

static bool rewrite(const unsigned char *mod, size_t len, Module *m, StrBuf *out,
                    HeapImageStats *stats, char **error) {
    memset(stats, 0, sizeof *stats);
    size_t out_start = out->len;
    if (!parse_sections(mod, len, m, error) || !parse_memory(m, error) || !parse_data(m, error))
        return false;
    size_t dseg = 0, dat = 0;
    if (!find_descriptor(m, &dseg, &dat, error)) return false;
    const unsigned char *desc = m->segments[dseg].bytes + dat;
    uint32_t heap_base = get_u32(desc + DESC_HEAP_BASE);
    for (int f = DESC_BLOCK_AT; f < DESC_SIZE; f += 4)
        if (get_u32(desc + f) != NO_BLOCK)
            return fail(error, "the heap-image descriptor is already filled in");
    if (m->segments[dseg].offset + dat + DESC_SIZE > heap_base)
        return fail(error, "the heap-image descriptor lies above __heap_base");

    /* The image: [heap_base, image_end), the segments above heap_base
     * before the tail laid out in order (a later one wins where they
     * overlap, as at instantiation).  A segment that starts below and ends
     * above is split: its low part stays a segment. */
    uint64_t tail = tail_start(m, heap_base);
    uint64_t image_end = heap_base;
    size_t nhigh = 0;
    for (size_t i = 0; i < m->nsegments; i++) {
        const Segment *g = &m->segments[i];
        if (!in_image(g, heap_base, tail)) continue;
        nhigh++;
        if ((uint64_t)g->offset + g->len > image_end) image_end = (uint64_t)g->offset + g->len;
    }
    if (nhigh == 0 || image_end - heap_base > (uint64_t)LZ4_MAX_INPUT_SIZE) {
        sb_append(out, (const char *)mod, len);
        return true;
    }
    /* passive segments are numbered by their place: none may move */
    bool removed = false;
    for (size_t i = 0; i < m->nsegments; i++) {
        const Segment *g = &m->segments[i];
        if (in_image(g, heap_base, tail)) removed = true;
        if (!g->active && removed)
            return fail(error, "a passive data segment after the heap's segments");
    }
    size_t image_len = (size_t)(image_end - heap_base);
    unsigned char *image = xcalloc(image_len, 1);
    /* the segments written out: the low ones, the low parts of those that
     * straddle heap_base, and the tail */
    Segment *segs = xmalloc(m->nsegments * sizeof *segs);
    memcpy(segs, m->segments, m->nsegments * sizeof *segs);
    bool *keep = xcalloc(m->nsegments, sizeof *keep);
    for (size_t i = 0; i < m->nsegments; i++) {
        Segment *g = &segs[i];
        keep[i] = !in_image(g, heap_base, tail);
        if (keep[i]) continue;
        size_t skip = g->offset < heap_base ? heap_base - g->offset : 0;
        memcpy(image + (g->offset + skip - heap_base), g->bytes + skip, g->len - skip);
        if (skip) {
            g->len = skip;
            keep[i] = true;
        } else {
            stats->segments++;
        }
    }

    int bound = LZ4_compressBound((int)image_len);
    char *block = xmalloc((size_t)bound);
    int block_len = LZ4_compress_HC((const char *)image, block, (int)image_len, bound, HC_LEVEL);
    size_t region_len = LZ4_DECOMPRESS_INPLACE_BUFFER_SIZE(image_len);
    bool ok = true;
    if (block_len <= 0 || (size_t)block_len >= image_len) {
        stats->segments = 0;
        /* nothing to gain (lz4 returns 0 only on a failure to fit the
         * bound, which cannot happen) */
        sb_append(out, (const char *)mod, len);
        goto done;
    }
    uint64_t region_end = (uint64_t)heap_base + region_len;
    uint64_t pages = (region_end + WASM_PAGE - 1) / WASM_PAGE;
    uint64_t mem_min = m->mem_min > pages ? m->mem_min : pages;
    if (region_end > UINT32_MAX || (m->has_max && mem_min > m->mem_max)) {
        ok = fail(error, "the memory's maximum leaves no room for the heap image's block");
        goto done;
    }

    if (mem_min > m->mem_min)
        diag_verbose("heap image: the in-place buffer raises the memory from %llu to %llu pages",
                     (unsigned long long)m->mem_min, (unsigned long long)mem_min);
    /* the descriptor filled in, in a copy of its segment's bytes */
    unsigned char *dcopy = xmalloc(segs[dseg].len);
    memcpy(dcopy, segs[dseg].bytes, segs[dseg].len);
    uint32_t block_at = (uint32_t)(region_end - (uint64_t)block_len);
    set_u32(dcopy + dat + DESC_BLOCK_AT, block_at);
    set_u32(dcopy + dat + DESC_BLOCK_LEN, (uint32_t)block_len);
    set_u32(dcopy + dat + DESC_IMAGE_LEN, (uint32_t)image_len);
    set_u32(dcopy + dat + DESC_REGION_LEN, (uint32_t)region_len);
    segs[dseg].bytes = dcopy;
    Module patched = *m;
    patched.segments = segs;
    Segment block_seg = {true, block_at, (const unsigned char *)block, (size_t)block_len};
    write_module(&patched, keep, &block_seg, mem_min, out);
    stats->image_len = image_len;
    stats->block_len = (size_t)block_len;
    stats->data_saved = len > out->len - out_start ? len - (out->len - out_start) : 0;
    free(dcopy);
done:
    free(block);
    free(segs);
    free(keep);
    free(image);
    return ok;
}

bool hi_rewrite(const unsigned char *mod, size_t len, StrBuf *out, HeapImageStats *stats,
                char **error) {
    Module m = {.memory = -1, .data = -1, .datacount = -1};
    *error = NULL;
    bool ok = rewrite(mod, len, &m, out, stats, error);
    module_free(&m);
    return ok;
}

bool hi_compress_file(const char *in_path, const char *out_path, HeapImageStats *stats) {
    size_t len;
    unsigned char *mod = (unsigned char *)read_file(in_path, &len);
    if (!mod) {
        diag_error("cannot read %s: %s", in_path, strerror(errno));
        return false;
    }
    StrBuf out;
    sb_init(&out);
    char *error = NULL;
    bool ok = hi_rewrite(mod, len, &out, stats, &error);
    free(mod);
    if (!ok) {
        diag_error("compressing the snapshot's heap in %s: %s", in_path, error);
        free(error);
        sb_free(&out);
        return false;
    }
    FILE *f = fopen(out_path, "wb");
    bool written = f && fwrite(out.data, 1, out.len, f) == out.len;
    if (f && fclose(f) != 0) written = false;
    if (!written) {
        diag_error("cannot write %s: %s", out_path, strerror(errno));
        sb_free(&out);
        return false;
    }
    sb_free(&out);
    return true;
}

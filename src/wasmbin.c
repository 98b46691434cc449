/* wasmbin.c - LEB128 numbers of the wasm binary format (see wasmbin.h). */
#include "wasmbin.h"

unsigned char wb_read_byte(WbReader *r) {
    if (r->p >= r->end) {
        r->bad = true;
        return 0;
    }
    return *r->p++;
}

uint64_t wb_read_uleb(WbReader *r) {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) break;
        unsigned char b = *r->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) return v;
    }
    r->bad = true;
    return 0;
}

int64_t wb_read_sleb(WbReader *r) {
    int64_t v = 0;
    int shift = 0;
    while (shift < 64) {
        if (r->p >= r->end) break;
        unsigned char b = *r->p++;
        v |= (int64_t)((uint64_t)(b & 0x7f) << shift);
        shift += 7;
        if (!(b & 0x80)) {
            if (shift < 64 && (b & 0x40)) v = (int64_t)((uint64_t)v | (~UINT64_C(0) << shift));
            return v;
        }
    }
    r->bad = true;
    return 0;
}

void wb_put_uleb(StrBuf *sb, uint64_t v) {
    do {
        char b = (char)(v & 0x7f);
        v >>= 7;
        if (v) b = (char)(b | 0x80);
        sb_append(sb, &b, 1);
    } while (v);
}

void wb_put_sleb(StrBuf *sb, int64_t v) {
    for (;;) {
        char b = (char)(v & 0x7f);
        v >>= 7; /* arithmetic on every compiler py2wasm is built with */
        bool done = (v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40));
        if (!done) b = (char)(b | 0x80);
        sb_append(sb, &b, 1);
        if (done) return;
    }
}

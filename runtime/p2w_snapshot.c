/* p2w_snapshot.c - the build-time half of a pre-initialised binary.
 *
 * py2wasm runs Wizer on the linked module; Wizer instantiates it, calls the
 * generated `wizer-initialize` export (emit.c), which calls
 * p2w_snapshot_initialize(), and writes the instance's memory out as the
 * new module's data.  Every run then starts from an interpreter that is
 * already up with the pre-import plan imported; main() sees
 * p2w_snapshot_resumed() and calls p2w_resume() (p2w_world.c) instead of
 * p2w_initialize().
 *
 * What is fixed at build time, by design:
 *   - the hash secret: strings hashed during start-up keep their hash in
 *     the snapshot, so the secret cannot change afterwards.  It comes from
 *     p2w_snapshot_hash_seed (derived by the compiler from the program, so
 *     builds are reproducible), as if PYTHONHASHSEED were set to it;
 *   - site runs here with no file system and no environment; p2w_resume()
 *     runs it again when the actual run's file system has something for it
 *     (unless the program embeds its own sitecustomize, whose import is
 *     left to run time with the rest of site).
 * Randomness drawn while the snapshot is taken (random's default seed, for
 * one) is deterministic here and drawn afresh by p2w_resume(): getentropy
 * is wrapped (the link passes --wrap=getentropy) so that the snapshot, and
 * so the output file, does not depend on the build machine's entropy; the
 * clocks are wrapped likewise (--wrap=__wasi_clock_time_get), and the
 * process clock's origin is taken when the run starts (__clock). */
#include "p2w_embed.h"
#include "p2w_runtime.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wasi/api.h>

/* Set as the last step of the build-time initialisation; the snapshot keeps
 * it, a fresh instance of an unsnapshotted binary has it false. */
static bool resumed;
/* True only while the snapshot is being taken. */
static bool snapshotting;

bool p2w_snapshot_resumed(void) { return resumed; }

bool p2w_snapshot_taking(void) { return snapshotting; }

int __real_getentropy(void *buffer, size_t length);
__wasi_errno_t __real___wasi_clock_time_get(__wasi_clockid_t id, __wasi_timestamp_t precision,
                                            __wasi_timestamp_t *time);

/* Every clock reads 0 while the snapshot is taken: what a module notes of
 * the clock at import (logging's start time) is redrawn at run time
 * (_p2w_boot.refresh), and the snapshot does not depend on the build's
 * clock. */
__wasi_errno_t __wrap___wasi_clock_time_get(__wasi_clockid_t id, __wasi_timestamp_t precision,
                                            __wasi_timestamp_t *time) {
    if (!snapshotting) return __real___wasi_clock_time_get(id, precision, time);
    *time = 0;
    return __WASI_ERRNO_SUCCESS;
}

/* The process clock of wasi-libc's emulation (clock(), times(),
 * getrusage()), replacing its clock.o: that one notes the monotonic clock
 * in a constructor, which would write the build's clock into every
 * snapshot.  Here the run starts when the program's run does. */
static __wasi_timestamp_t run_start;

clock_t __clock(void) {
    __wasi_timestamp_t now = 0;
    (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 0, &now);
    return (clock_t)(now - run_start);
}

clock_t clock(void) { return __clock(); }

void p2w_world_is_live(void) {
    (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 0, &run_start);
}

/* getentropy(), deterministic while the snapshot is taken: a counter
 * pattern (never all zeros, which some seeding code treats specially). */
int __wrap_getentropy(void *buffer, size_t length) {
    if (!snapshotting) return __real_getentropy(buffer, length);
    static unsigned char next = 1;
    unsigned char *p = buffer;
    for (size_t i = 0; i < length; i++) p[i] = next++;
    return 0;
}

void __real_free(void *ptr);
void *__real_realloc(void *ptr, size_t size);
/* Added to Objects/obmalloc.c by runtime/patches/0006. */
void _PyObject_ZeroFreeBlocks(void);

/* While the snapshot is taken, freed memory is zeroed: Wizer stores only
 * the non-zero parts of memory, and what start-up allocates and frees again
 * would otherwise be carried, as garbage, in every output. */
void __wrap_free(void *ptr) {
    if (snapshotting && ptr) memset(ptr, 0, malloc_usable_size(ptr));
    __real_free(ptr);
}

/* realloc frees the old block itself when it moves it: done here by hand
 * while the snapshot is taken, so the old block is zeroed too. */
void *__wrap_realloc(void *ptr, size_t size) {
    if (!snapshotting || !ptr || size == 0) return __real_realloc(ptr, size);
    size_t old = malloc_usable_size(ptr);
    if (size <= old) return __real_realloc(ptr, size);
    void *q = malloc(size);
    if (!q) return NULL;
    memcpy(q, ptr, old);
    __wrap_free(ptr);
    return q;
}

/* Defined by wasm-ld: where the data starts, which is where the stack ends
 * when the link puts the stack first (src/toolchain.c). */
extern unsigned char __global_base;

/* Zeroes the stack below the caller's frame.  The deep calls of start-up
 * (imports, the unmarshaller, the compiler of code strings) leave their
 * dead frames there, which the snapshot would store as data: 24 KB of
 * output for bench/startup/imports.py, 5 KB for hello.  memset, a leaf,
 * needs no stack of its own; the margin is for this function's frame. */
static __attribute__((noinline)) void zero_dead_stack(void) {
    unsigned char here;
    uintptr_t top = (uintptr_t)&here, data = (uintptr_t)&__global_base;
    const uintptr_t margin = 1024, bottom = 64;
    if (top > data || top < bottom + margin) return; /* the stack is not first */
    memset((void *)bottom, 0, top - margin - bottom);
}

/* Gives __main__ and its namespace back to the collector after gc.freeze.
 * They are the program's: its functions and classes make the namespace part
 * of a cycle, which natively is collected at exit once sys.modules lets go
 * of __main__ (finalize_modules), and that runs the __del__ of whatever the
 * program left in its globals.  Frozen, the cycle would outlive the run.
 * 0, or -1 with an exception. */
static int unfreeze_main(void) {
    PyObject *main_mod = PyImport_AddModule("__main__");              /* borrowed */
    PyObject *globals = main_mod ? PyModule_GetDict(main_mod) : NULL; /* borrowed */
    if (!globals) return -1;
    /* re-tracking links an object into the youngest generation */
    PyObject *const objs[] = {main_mod, globals};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        if (!PyObject_GC_IsTracked(objs[i])) continue;
        PyObject_GC_UnTrack(objs[i]);
        PyObject_GC_Track(objs[i]);
    }
    return 0;
}

void p2w_snapshot_initialize(int (*pack_code)(void)) {
    snapshotting = true;
    PyConfig config;
    p2w_configure(&config, 0, NULL);
    config.site_import = !p2w_snapshot_defer_site;
    config.use_hash_seed = 1;
    config.hash_seed = p2w_snapshot_hash_seed;
    if (p2w_start_interpreter(&config) < 0 || p2w_preimport() < 0) {
        /* Wizer reports the trap; the error is already on stderr */
        __builtin_trap();
    }
    /* work each run would otherwise do in Python (see the functions) */
    if (p2w_prepare_main_early() < 0 || p2w_note_site() < 0) {
        PyErr_Print();
        __builtin_trap();
    }
    /* garbage from start-up would otherwise be carried in the snapshot */
    PyGC_Collect();
    /* What start-up made is moved to the collector's permanent generation,
     * as gc.freeze() does before a fork: every run's collections, the ones
     * at exit included, then skip these tens of thousands of objects
     * (about 10 ms of a hello world's start under Node).  The patched
     * gc.get_objects() and gc.get_referrers() still see them
     * (runtime/patches/0004); a cycle among them that becomes garbage
     * during the run is not collected. */
    PyObject *gc = PyImport_ImportModule("gc");
    PyObject *frozen = gc ? PyObject_CallMethod(gc, "freeze", NULL) : NULL;
    Py_XDECREF(gc);
    if (!frozen) {
        PyErr_Print();
        __builtin_trap();
    }
    Py_DECREF(frozen);
    if (unfreeze_main() < 0) {
        PyErr_Print();
        __builtin_trap();
    }
    /* A module imported from here on has its code inflated first (about
     * 1 ms per 100 KB of marshalled code), against storing all of it plain
     * (for a program importing json, re, dataclasses, ...: 1.4 MB less) */
    if (pack_code && pack_code() < 0) {
        fputs("py2wasm runtime: out of memory while packing the embedded code\n", stderr);
        __builtin_trap();
    }
    /* free pymalloc blocks still hold start-up's temporaries (freed
     * malloc blocks were zeroed by __wrap_free); zeroed, they leave the
     * snapshot's data segments (runtime/patches/0006) */
    _PyObject_ZeroFreeBlocks();
    zero_dead_stack();
    snapshotting = false;
    resumed = true;
}

/* toolchain.h - running Debian's clang-14 / wasm-ld for the wasm32-wasi
 * target: compiling generated C and linking the final module.  A failing
 * tool is reported with its name, the file, and its own messages.
 * Prefix: tc_. */
#ifndef P2W_TOOLCHAIN_H
#define P2W_TOOLCHAIN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *runtime_dir;   /* build/runtime: sysroot/, include/, lib/ */
    const char *work_dir;      /* where tool logs go */
    int opt_level;             /* 0..3, the C optimisation level */
    bool debug;                /* keep DWARF and names */
    bool reactor;              /* a WASI reactor (_initialize, exports), not a command */
    bool no_bytecode_compiler; /* link runtime/p2w_nocompiler.c's stand-ins instead */
    bool heap_image;           /* link runtime/p2w_heapimage.c (and lz4's decoder) */
} Toolchain;

typedef struct {
    const char *c_path, *o_path;
} TcUnit;

/* clang -c for wasm32-wasi against the runtime headers, for each of UNITS,
 * with at most JOBS compilers running at once.  On a failure, no further
 * unit is started and the failing tool's messages are shown.  COMPILED (may
 * be NULL) is called with CTX and the unit's index as each one succeeds. */
bool tc_compile_all(const Toolchain *tc, const TcUnit *units, size_t n, int jobs,
                    void (*compiled)(size_t index, void *ctx), void *ctx);
/* Everything besides a C file's text that decides the object compiled from
 * it: the compiler command line and the runtime headers (malloc'ed). */
char *tc_compile_signature(const Toolchain *tc);
/* Links OBJS with the runtime into OUT_PATH. */
bool tc_link(const Toolchain *tc, const char *const *objs, size_t nobjs, const char *out_path);

/* Runs Wizer on IN_PATH (a linked module exporting wizer-initialize):
 * OUT_PATH is the module with its initialised memory snapshotted.  The
 * Wizer binary is $P2W_WIZER or <runtime>/bin/wizer. */
bool tc_snapshot(const Toolchain *tc, const char *in_path, const char *out_path);

/* Runs binaryen's wasm-opt -LEVEL (O1..O4, Os, Oz) on IN_PATH into
 * OUT_PATH; the binary is $P2W_WASM_OPT or wasm-opt. */
bool tc_wasm_opt(const Toolchain *tc, const char *level, const char *in_path, const char *out_path);

/* Size in bytes of the code section of the wasm module or object file at
 * PATH, or -1 if it cannot be read. */
long tc_code_section_size(const char *path);

#endif

/* toolchain.h - running Debian's clang-14 / wasm-ld for the wasm32-wasi
 * target: compiling generated C and linking the final module.  A failing
 * tool is reported with its name, the file, and its own messages.
 * Prefix: tc_. */
#ifndef P2W_TOOLCHAIN_H
#define P2W_TOOLCHAIN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *runtime_dir; /* build/runtime: sysroot/, include/, lib/ */
    const char *work_dir;    /* where tool logs go */
    int opt_level;           /* 0..3, the C optimisation level */
    bool debug;              /* keep DWARF and names */
} Toolchain;

/* clang -c C_PATH -o O_PATH for wasm32-wasi against the runtime headers. */
bool tc_compile(const Toolchain *tc, const char *c_path, const char *o_path);
/* Links OBJS with the runtime into OUT_PATH. */
bool tc_link(const Toolchain *tc, const char *const *objs, size_t nobjs, const char *out_path);

#endif

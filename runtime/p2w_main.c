/* p2w_main.c - entry point of a py2wasm program built as a WASI command.
 * The phases themselves live in p2w_init.c (see p2w_runtime.h). */
#include "p2w_runtime.h"

int main(int argc, char **argv) {
    if (p2w_initialize(argc, argv) < 0) return 1;
    return p2w_finalize(p2w_run_main());
}

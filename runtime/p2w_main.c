/* p2w_main.c - entry point of a py2wasm program built as a WASI command.
 *
 * The phases themselves live in p2w_init.c (see p2w_runtime.h); a binary
 * pre-initialised by Wizer skips interpreter start-up and only brings the
 * snapshotted interpreter up to date with this run (p2w_world.c). */
#include "p2w_runtime.h"

int main(int argc, char **argv) {
    int rc = p2w_snapshot_resumed() ? p2w_resume(argc, argv) : p2w_initialize(argc, argv);
    if (rc < 0) return 1;
    return p2w_finalize(p2w_run_main());
}

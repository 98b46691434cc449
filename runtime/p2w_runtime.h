/* p2w_runtime.h - the phases of a py2wasm program's life, shared by its
 * entry points: the WASI command's main() (p2w_main.c), the Wizer
 * pre-initializer (p2w_snapshot.c) and a WASI reactor's _initialize.
 *
 *   p2w_initialize   interpreter up (embedded modules served, eval hook
 *                    installed) and the program's pre-import plan imported
 *   p2w_run_main     the program's code runs as __main__
 *   p2w_finalize     Py_FinalizeEx, exit status
 *
 * A binary pre-initialised by Wizer has already run p2w_initialize at build
 * time; at run time it calls p2w_resume instead, which makes the snapshotted
 * interpreter see the actual run (argv, environment, stdio, ...).
 *
 * Errors are printed here (CPython's own traceback or a "py2wasm runtime:"
 * line), so callers only pass the status on. */
#ifndef P2W_RUNTIME_H
#define P2W_RUNTIME_H

#include "Python.h"

#include <stdbool.h>

/* Starts the interpreter with ARGC/ARGV (ARGV[0] is replaced by the script
 * name the program was built from), installs the embedded-module finder
 * and the eval hook, then imports the modules of the pre-import plan
 * (p2w_preimport_modules, empty unless the binary is snapshotted).
 * Returns 0, or -1 after printing the error. */
int p2w_initialize(int argc, char **argv);

/* Runs the embedded __main__ module as `python3.11 app.py` runs a script.
 * Returns 0, or 1 after printing the uncaught exception; SystemExit exits
 * the process from inside (CPython's own handling). */
int p2w_run_main(void);
/* For a snapshot: makes what p2w_run_main adds to __main__'s globals now,
 * so that the run does not (p2w_init.c).  0, or -1 with an exception set. */
int p2w_prepare_main_early(void);

/* Finalizes the interpreter; returns STATUS, or 120 when flushing the
 * standard streams failed (as Py_RunMain does). */
int p2w_finalize(int status);

/* ---- between the runtime's files ---- */

/* The configuration `python3.11 app.py` would get, with ARGV[0] replaced by
 * the script name (exits through Py_ExitStatusException on failure). */
void p2w_configure(PyConfig *config, int argc, char **argv);
/* Py_InitializeFromConfig(CONFIG) (CONFIG is cleared), then the embedded
 * module finder and the eval hook.  0, or -1 after printing the error. */
int p2w_start_interpreter(PyConfig *config);
/* Imports p2w_preimport_modules in order; one whose import raises is
 * skipped (the program's own import raises it again).  Returns 0. */
int p2w_preimport(void);

/* ---- snapshots: build time (p2w_snapshot.c), run time (p2w_world.c) ---- */

/* Called by the generated `wizer-initialize` export: p2w_initialize as a
 * snapshot needs it (fixed hash seed, site left to run time), then
 * PACK_CODE (p2w_pack_code or p2w_drop_imported_code, or NULL to keep the
 * embedded code as it is);
 * traps on failure so that Wizer fails the build. */
void p2w_snapshot_initialize(int (*pack_code)(void));
/* For a snapshot: notes site.getsitepackages() and its inputs, which
 * p2w_resume checks without running site's Python code (p2w_world.c).
 * 0, or -1 with an exception set. */
int p2w_note_site(void);

/* Marks the start of the program's run: the origin of clock() and of the
 * process times (p2w_snapshot.c).  Called by p2w_initialize, p2w_resume. */
void p2w_world_is_live(void);

/* True when this instance runs from a Wizer snapshot (p2w_initialize ran at
 * build time). */
bool p2w_snapshot_resumed(void);

/* True while the snapshot is taken (inside Wizer's initialisation call). */
bool p2w_snapshot_taking(void);

/* Makes a snapshotted interpreter see the actual run: configuration from
 * ARGV and the environment, os.environ, standard streams, site, random's
 * seed.  Returns 0, or -1 after printing the error. */
int p2w_resume(int argc, char **argv);

#endif

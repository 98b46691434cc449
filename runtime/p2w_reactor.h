/* p2w_reactor.h - the reactor runtime's internal interface: the state the
 * start-up entry point (p2w_reactor.c) keeps for the calls into exported
 * functions (p2w_export.c).  Prefix: p2w_reactor_. */
#ifndef P2W_REACTOR_H
#define P2W_REACTOR_H

#include "p2w_embed.h"

/* Globals of the program's module (borrowed), or NULL with py2wasm_error()
 * set when _initialize has not run or failed. */
PyObject *p2w_reactor_globals(void);

/* Forgets the previous call's error (py2wasm_error() returns 0 again). */
void p2w_reactor_clear_error(void);

/* Reports the pending Python exception: stdout is flushed, the traceback
 * printed to sys.stderr as CPython prints it, and the same text kept for
 * py2wasm_error().  Clears the exception. */
void p2w_reactor_fail(void);

/* Flushes sys.stdout and sys.stderr, as the end of a program would: a
 * reactor never exits, so without this output would wait in the buffers.
 * Errors while flushing are reported as p2w_reactor_fail() does; returns -1
 * then. */
int p2w_reactor_flush(void);

#endif

/* hostpy.h - the host CPython 3.11.2 (Debian's static libpython3.11.a) used
 * as a library: compiling source to code objects, marshalling them, and
 * printing CPython's own messages for errors in the user's program.
 * Prefix: hostpy_. */
#ifndef P2W_HOSTPY_H
#define P2W_HOSTPY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdbool.h>
#include <stddef.h>

/* Starts an isolated interpreter (no site, no user environment). */
bool hostpy_init(void);
void hostpy_fini(void);

/* Where the host (and so native CPython) keeps its stdlib, e.g.
 * "/usr/lib/python3.11"; owned by hostpy. */
const char *hostpy_stdlib_dir(void);

/* Compiles SOURCE (raw file bytes, LEN long; coding cookies honoured) as a
 * module whose code objects carry FILENAME.  Returns a new reference, or NULL
 * with the Python exception (usually SyntaxError) set. */
PyObject *hostpy_compile(const char *source, size_t len, const char *filename);

/* hostpy_compile, with the warnings the compiler gives (SyntaxWarning:
 * "is" with a literal, DeprecationWarning: invalid escape sequence) caught
 * instead of printed: *NWARNINGS gets their number and each is reported
 * through diag_warning. */
PyObject *hostpy_compile_noting_warnings(const char *source, size_t len, const char *filename,
                                         size_t *nwarnings);

/* Decodes raw source bytes as CPython does for get_source(): BOM or coding
 * cookie, then universal newlines.  Returns malloc'ed UTF-8, or NULL with
 * an exception set. */
char *hostpy_decode_source(const char *source, size_t len, size_t *out_len);

/* Marshals a code object; returns malloc'ed bytes, or NULL with an exception
 * set. */
unsigned char *hostpy_marshal(PyObject *code, size_t *out_len);

/* Prints the pending exception the way `python3.11 file.py` would (for a
 * SyntaxError: file, line, source text, caret, message) and clears it. */
void hostpy_print_exception(void);

/* SHA-256 of DATA as 64 hex digits and a NUL in OUT; false (exception
 * set) on failure. */
bool hostpy_sha256_hex(const void *data, size_t len, char out[65]);

#endif

/* util.h - small shared helpers of the host compiler: checked allocation,
 * growable strings and arrays, path manipulation and diagnostics.
 * Prefix: none for allocation (x*), sb_ for string buffers, path_ for paths,
 * diag_ for messages to the user. */
#ifndef P2W_UTIL_H
#define P2W_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* ---- allocation: abort with a message instead of returning NULL ---- */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows *items (each of size elem) so that it can hold at least need
 * elements; *cap is updated. */
void grow_array(void **items, size_t *cap, size_t need, size_t elem);

/* ---- string buffer ---- */
typedef struct {
    char *data; /* NUL-terminated contents, owned */
    size_t len; /* bytes used, excluding the NUL */
    size_t cap; /* bytes allocated */
} StrBuf;

void sb_init(StrBuf *sb);
void sb_free(StrBuf *sb);
void sb_append(StrBuf *sb, const char *s, size_t n);
void sb_puts(StrBuf *sb, const char *s);
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends S as the body of a C string literal (escaped, no quotes). */
void sb_c_escape(StrBuf *sb, const char *s);
/* Appends S (UTF-8) as a JSON string, quotes included. */
void sb_json_string(StrBuf *sb, const char *s);

/* ---- paths ---- */
char *path_join(const char *dir, const char *name);
char *path_dirname(const char *path);
const char *path_basename(const char *path);
/* Absolute, normalised path (no symlink resolution, like os.path.abspath). */
char *path_abspath(const char *path);
bool path_is_file(const char *path);
bool path_is_dir(const char *path);
/* Reads a whole file; returns NULL with errno set on failure. */
char *read_file(const char *path, size_t *len_out);
/* Creates DIR and its parents; returns false with errno set on failure. */
bool make_dirs(const char *dir);
/* Removes a directory tree (best effort). */
void remove_tree(const char *dir);

/* ---- diagnostics ---- */
extern int diag_verbosity; /* 0 = -q, 1 = normal, 2 = -v */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Internal compiler bug: reports the location and aborts. */
#define unreachable() internal_error(__FILE__, __LINE__, "unreachable")
_Noreturn void internal_error(const char *file, int line, const char *what);

#endif

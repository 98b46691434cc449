/* util.c - allocation, string buffers, paths and diagnostics shared by every
 * phase.  Allocation failures are fatal: the compiler is a short-lived
 * command and has nothing sensible to do without memory. */
#define _GNU_SOURCE
#include "util.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int diag_verbosity = 1;

_Noreturn void internal_error(const char *file, int line, const char *what) {
    fprintf(stderr, "py2wasm: internal error at %s:%d: %s\n", file, line, what);
    abort();
}

static _Noreturn void out_of_memory(void) {
    fputs("py2wasm: out of memory\n", stderr);
    exit(1);
}

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory();
    return p;
}

void *xcalloc(size_t count, size_t n) {
    void *p = calloc(count ? count : 1, n ? n : 1);
    if (!p) out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) out_of_memory();
    return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n) {
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xasprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s;
    if (vasprintf(&s, fmt, ap) < 0) out_of_memory();
    va_end(ap);
    return s;
}

void grow_array(void **items, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return;
    size_t ncap = *cap ? *cap * 2 : 8;
    while (ncap < need) ncap *= 2;
    *items = xrealloc(*items, ncap * elem);
    *cap = ncap;
}

void sb_init(StrBuf *sb) {
    sb->cap = 256;
    sb->len = 0;
    sb->data = xmalloc(sb->cap);
    sb->data[0] = '\0';
}

void sb_free(StrBuf *sb) {
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

void sb_append(StrBuf *sb, const char *s, size_t n) {
    if (sb->len + n + 1 > sb->cap) {
        while (sb->len + n + 1 > sb->cap) sb->cap *= 2;
        sb->data = xrealloc(sb->data, sb->cap);
    }
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void sb_puts(StrBuf *sb, const char *s) { sb_append(sb, s, strlen(s)); }

void sb_printf(StrBuf *sb, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s;
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0) out_of_memory();
    sb_append(sb, s, (size_t)n);
    free(s);
}

void sb_c_escape(StrBuf *sb, const char *s) {
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            char esc[2] = {'\\', (char)*p};
            sb_append(sb, esc, 2);
        } else if (*p < 0x20 || *p >= 0x7f || *p == '?') {
            /* octal escapes never swallow following digits past 3, and '?'
             * is escaped to avoid trigraphs */
            sb_printf(sb, "\\%03o", *p);
        } else {
            sb_append(sb, (const char *)p, 1);
        }
    }
}

void sb_json_string(StrBuf *sb, const char *s) {
    sb_puts(sb, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            sb_printf(sb, "\\%c", *p);
        else if (*p < 0x20)
            sb_printf(sb, "\\u%04x", *p);
        else
            sb_append(sb, (const char *)p, 1);
    }
    sb_puts(sb, "\"");
}

char *path_join(const char *dir, const char *name) {
    if (name[0] == '/' || dir[0] == '\0') return xstrdup(name);
    size_t n = strlen(dir);
    return xasprintf("%s%s%s", dir, (n && dir[n - 1] == '/') ? "" : "/", name);
}

char *path_dirname(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return xstrdup(".");
    if (slash == path) return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

const char *path_basename(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

char *path_abspath(const char *path) {
    StrBuf in;
    sb_init(&in);
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        if (!cwd) out_of_memory();
        sb_puts(&in, cwd);
        sb_puts(&in, "/");
        free(cwd);
    }
    sb_puts(&in, path);
    /* normalise: split on '/', drop "" and ".", pop on ".." */
    char **parts = xmalloc(sizeof(char *) * (in.len / 2 + 2));
    size_t np = 0;
    for (char *tok = strtok(in.data, "/"); tok; tok = strtok(NULL, "/")) {
        if (strcmp(tok, ".") == 0) continue;
        if (strcmp(tok, "..") == 0) {
            if (np) np--;
            continue;
        }
        parts[np++] = tok;
    }
    StrBuf out;
    sb_init(&out);
    for (size_t i = 0; i < np; i++) {
        sb_puts(&out, "/");
        sb_puts(&out, parts[i]);
    }
    if (np == 0) sb_puts(&out, "/");
    free(parts);
    sb_free(&in);
    return out.data;
}

bool path_is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool path_is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *read_file(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    StrBuf sb;
    sb_init(&sb);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_append(&sb, buf, n);
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        sb_free(&sb);
        errno = saved ? saved : EIO;
        return NULL;
    }
    if (len_out) *len_out = sb.len;
    return sb.data;
}

bool make_dirs(const char *dir) {
    char *p = xstrdup(dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            free(p);
            return false;
        }
        *s = '/';
    }
    bool ok = mkdir(p, 0777) == 0 || errno == EEXIST;
    free(p);
    return ok;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

void remove_tree(const char *dir) { nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS); }

static void vdiag(const char *kind, const char *fmt, va_list ap) {
    fputs("py2wasm: ", stderr);
    if (kind) fprintf(stderr, "%s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void diag_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vdiag("error", fmt, ap);
    va_end(ap);
}

void diag_warning(const char *fmt, ...) {
    if (diag_verbosity < 1) return;
    va_list ap;
    va_start(ap, fmt);
    vdiag("warning", fmt, ap);
    va_end(ap);
}

void diag_progress(const char *fmt, ...) {
    if (diag_verbosity < 1) return;
    va_list ap;
    va_start(ap, fmt);
    vdiag(NULL, fmt, ap);
    va_end(ap);
}

void diag_verbose(const char *fmt, ...) {
    if (diag_verbosity < 2) return;
    va_list ap;
    va_start(ap, fmt);
    vdiag(NULL, fmt, ap);
    va_end(ap);
}

/* objcache.c - the cache of compiled objects.
 *
 * An object is filed under the SHA-256 of everything that decides it: the
 * text of the generated C file and the compile signature (compiler command
 * line, runtime headers).  Translated stdlib modules come out the same for
 * every program, so after the first build they are never compiled again.
 * Entries are written to a temporary name and renamed, so concurrent
 * builds sharing a cache never see half an object. */
#include "objcache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hostpy.h"

char *objcache_default_dir(void) {
    const char *dir = getenv("P2W_CACHE_DIR");
    if (dir && *dir) return path_abspath(dir);
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && *xdg) return path_join(xdg, "py2wasm");
    const char *home = getenv("HOME");
    if (home && *home) {
        char *cache = path_join(home, ".cache");
        char *dir2 = path_join(cache, "py2wasm");
        free(cache);
        return dir2;
    }
    return NULL;
}

bool objcache_key(const char *c_path, const char *signature, char key[65]) {
    size_t n;
    char *text = read_file(c_path, &n);
    if (!text) return false;
    StrBuf buf;
    sb_init(&buf);
    sb_puts(&buf, signature);
    sb_append(&buf, "\n", 1);
    sb_append(&buf, text, n);
    free(text);
    bool ok = hostpy_sha256_hex(buf.data, buf.len, key);
    sb_free(&buf);
    return ok;
}

static char *entry_path(const ObjCache *c, const char *key) {
    char *name = xasprintf("%.2s/%s.o", key, key + 2);
    char *path = path_join(c->dir, name);
    free(name);
    return path;
}

/* Copies SRC to DEST (created or truncated); false on any failure. */
static bool copy_file(const char *src, const char *dest) {
    size_t n;
    char *data = read_file(src, &n);
    if (!data) return false;
    FILE *f = fopen(dest, "wb");
    bool ok = f && fwrite(data, 1, n, f) == n;
    if (f && fclose(f) != 0) ok = false;
    free(data);
    return ok;
}

bool objcache_fetch(const ObjCache *c, const char *key, const char *dest) {
    if (!c->dir) return false;
    char *path = entry_path(c, key);
    bool ok = path_is_file(path) && (link(path, dest) == 0 || copy_file(path, dest));
    free(path);
    return ok;
}

void objcache_store(const ObjCache *c, const char *key, const char *obj) {
    if (!c->dir) return;
    char *path = entry_path(c, key);
    char *dir = path_dirname(path);
    char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
    /* best effort: a cache that cannot be written only costs time */
    if (make_dirs(dir) && copy_file(obj, tmp)) {
        if (rename(tmp, path) != 0) unlink(tmp);
    } else {
        unlink(tmp);
        diag_verbose("cannot write to the object cache %s: %s", c->dir, strerror(errno));
    }
    free(tmp);
    free(dir);
    free(path);
}

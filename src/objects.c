/* objects.c - generated C to objects, through the object cache. */
#include "objects.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const ObjCache *cache;
    const TcUnit *todo;
    const size_t *todo_index;
    char (*keys)[65];
} StoreCtx;

static void store_compiled(size_t k, void *arg) {
    StoreCtx *ctx = arg;
    const char *key = ctx->keys[ctx->todo_index[k]];
    if (key[0]) objcache_store(ctx->cache, key, ctx->todo[k].o_path);
}

bool objects_build(const Toolchain *tc, const ObjCache *cache, char *const *c_files, size_t n,
                   int jobs, char ***o_files, ObjectStats *stats) {
    memset(stats, 0, sizeof *stats);
    char **objs = xcalloc(n ? n : 1, sizeof *objs);
    *o_files = objs;
    char(*keys)[65] = xcalloc(n ? n : 1, sizeof *keys);
    TcUnit *todo = xcalloc(n ? n : 1, sizeof *todo);
    size_t *todo_index = xcalloc(n ? n : 1, sizeof *todo_index);
    size_t ntodo = 0;
    char *signature = cache->dir ? tc_compile_signature(tc) : NULL;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(c_files[i]);
        objs[i] = xasprintf("%.*s.o", (int)(len > 2 ? len - 2 : len), c_files[i]);
        keys[i][0] = '\0';
        if (signature && !objcache_key(c_files[i], signature, keys[i])) keys[i][0] = '\0';
        if (keys[i][0] && objcache_fetch(cache, keys[i], objs[i])) {
            stats->cached++;
            continue;
        }
        todo[ntodo].c_path = c_files[i];
        todo[ntodo].o_path = objs[i];
        todo_index[ntodo++] = i;
    }
    if (ntodo)
        diag_progress("compiling %zu C file%s (%zu cached)", ntodo, ntodo == 1 ? "" : "s",
                      stats->cached);
    /* each object is filed as soon as it exists: an interrupted build
     * keeps what it compiled */
    StoreCtx ctx = {cache, todo, todo_index, keys};
    bool ok = tc_compile_all(tc, todo, ntodo, jobs, store_compiled, &ctx);
    if (ok) stats->compiled = ntodo;
    free(signature);
    free(todo_index);
    free(todo);
    free(keys);
    return ok;
}

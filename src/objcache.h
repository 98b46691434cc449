/* objcache.h - a directory of compiled objects keyed by the content that
 * determines them, shared by all builds (default ~/.cache/py2wasm, or
 * $P2W_CACHE_DIR / $XDG_CACHE_HOME/py2wasm).  Prefix: objcache_. */
#ifndef P2W_OBJCACHE_H
#define P2W_OBJCACHE_H

#include <stdbool.h>

#include "util.h"

typedef struct {
    const char *dir; /* NULL: caching is off */
} ObjCache;

/* Where the cache lives unless told otherwise (malloc'ed), or NULL when no
 * location can be derived from the environment. */
char *objcache_default_dir(void);

/* The key of the object compiled from C_PATH with SIGNATURE (see
 * tc_compile_signature) as 64 hex digits; false if the file is unreadable. */
bool objcache_key(const char *c_path, const char *signature, char key[65]);

/* Puts the cached object for KEY at DEST; false on a miss. */
bool objcache_fetch(const ObjCache *c, const char *key, const char *dest);

/* Files OBJ under KEY (best effort: failures are only reported with -v). */
void objcache_store(const ObjCache *c, const char *key, const char *obj);

#endif

/* objects.h - turns a program's generated C files into wasm objects:
 * cached objects are reused, the others compiled in parallel and added to
 * the cache.  Prefix: objects_. */
#ifndef P2W_OBJECTS_H
#define P2W_OBJECTS_H

#include "objcache.h"
#include "toolchain.h"

typedef struct {
    size_t cached;   /* objects taken from the cache */
    size_t compiled; /* objects compiled by this build */
} ObjectStats;

/* Produces <file>.o beside each of the N C_FILES; *O_FILES gets their paths
 * (malloc'ed array of malloc'ed strings, also on failure).  At most JOBS
 * compilers run at once.  Returns false after a diagnostic. */
bool objects_build(const Toolchain *tc, const ObjCache *cache, char *const *c_files, size_t n,
                   int jobs, char ***o_files, ObjectStats *stats);

#endif

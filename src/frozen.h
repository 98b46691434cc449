/* frozen.h - the runtime's frozen modules (importlib's bootstrap, zipimport,
 * os, site, codecs, ...) in a program's output: which of them it carries,
 * and the frozen tables that replace libpython's.  Prefix: frozen_. */
#ifndef P2W_FROZEN_H
#define P2W_FROZEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One entry of the runtime's frozen tables, as build/runtime/modules.txt
 * lists it ("frozen NAME CODE ISPKG ORIGNAME"). */
typedef struct {
    char *name;     /* the name it is imported by: "os.path" */
    char *code;     /* the first entry with the same code object: "posixpath";
                       its marshalled code is in build/runtime/frozen/CODE.marshal */
    char *origname; /* the module it is an alias of, as the alias table has it
                       ("<__phello__": a package's __init__), or NULL ("-") */
    bool ispkg;
    bool selected; /* carried by the output (frozen_select) */
} FrozenEntry;

typedef struct {
    FrozenEntry *items; /* in the runtime's table order */
    size_t len, cap;
} FrozenInventory;

/* Adds the entry described by FIELDS ("NAME CODE ISPKG ORIGNAME", the text
 * after "frozen " on an inventory line).  False if the line is malformed. */
bool frozen_inventory_add(FrozenInventory *inv, const char *fields);
void frozen_inventory_free(FrozenInventory *inv);
/* The entry named NAME, or NULL. */
FrozenEntry *frozen_find(FrozenInventory *inv, const char *name);

/* Marks what the output carries: the entries IMPORTED names (the frozen
 * modules the program can import), those CPython's start-up imports, and
 * every entry sharing the code object of one of these (os.path with
 * posixpath). */
void frozen_select(FrozenInventory *inv, const char *const *imported, size_t nimported);

/* Writes, into the generated modules.c F, the tables libpython's import
 * machinery reads (_PyImport_FrozenBootstrap, _PyImport_FrozenStdlib,
 * _PyImport_FrozenTest, _PyImport_FrozenAliases, PyImport_FrozenModules)
 * and the deep-freeze hooks of its start-up and finalisation, so that the
 * link takes none of libpython's frozen.o and deepfreeze.o.  The selected
 * entries read their code through get_code_<K>, K being
 * CODE_INDEX(entry->code, ctx), a function the caller has written. */
void frozen_write_tables(FILE *f, const FrozenInventory *inv,
                         size_t (*code_index)(const char *code, void *ctx), void *ctx);

#endif

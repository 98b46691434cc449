/* frozen.c - the runtime's frozen modules in a program's output.
 *
 * CPython 3.11 serves importlib's bootstrap, zipimport and the stdlib
 * modules its start-up imports (abc, codecs, io, os, site, ...) from frozen
 * tables (Python/frozen.c) whose code objects are deep-frozen into libpython
 * as static objects (Python/deepfreeze/deepfreeze.c): 600 KB of data in
 * every binary, whatever the program imports.  An output carries instead
 * only the frozen modules the program can import and those start-up
 * imports, their code marshalled (written by the runtime build from the
 * deep-frozen objects themselves: scripts/build-runtime.sh), in tables the
 * generated modules.c defines under libpython's own names; the link then
 * never pulls frozen.o or deepfreeze.o.  They stay frozen modules for the
 * program: the frozen importer loads them, under the names, aliases and
 * package flags of the runtime's tables, with the same code objects.  With
 * a snapshot, those imported at build time are in the snapshot's heap, and
 * their marshalled copy is zeroed out of it (runtime/p2w_module.c). */
#include "frozen.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* What CPython's start-up imports from the frozen tables on WASI:
 * importlib's bootstrap and zipimport (Py_Initialize), abc, codecs and io
 * (the standard streams), and site with what it imports.  Python/frozen.c
 * groups these as "bootstrap", "startup, without site" and "startup, with
 * site", less ntpath, which os imports only on Windows. */
static const char *const startup_modules[] = {
    "_frozen_importlib",
    "_frozen_importlib_external",
    "zipimport",
    "abc",
    "codecs",
    "io",
    "site",
    "os",
    "stat",
    "posixpath",
    "genericpath",
    "_collections_abc",
    "_sitebuiltins",
};

/* The table the frozen importer always searches, even with frozen stdlib
 * modules disabled (import.c, look_up_frozen). */
static const char *const bootstrap_modules[] = {
    "_frozen_importlib",
    "_frozen_importlib_external",
    "zipimport",
};

static bool in_list(const char *name, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], name) == 0) return true;
    return false;
}

static bool is_bootstrap(const char *name) {
    return in_list(name, bootstrap_modules, sizeof bootstrap_modules / sizeof *bootstrap_modules);
}

bool frozen_inventory_add(FrozenInventory *inv, const char *fields) {
    char name[256], code[256], orig[256];
    int ispkg;
    char extra;
    if (sscanf(fields, "%255s %255s %d %255s %c", name, code, &ispkg, orig, &extra) != 4 ||
        (ispkg != 0 && ispkg != 1))
        return false;
    grow_array((void **)&inv->items, &inv->cap, inv->len + 1, sizeof *inv->items);
    inv->items[inv->len++] = (FrozenEntry){
        .name = xstrdup(name),
        .code = xstrdup(code),
        .origname = strcmp(orig, "-") == 0 ? NULL : xstrdup(orig),
        .ispkg = ispkg == 1,
    };
    return true;
}

void frozen_inventory_free(FrozenInventory *inv) {
    for (size_t i = 0; i < inv->len; i++) {
        free(inv->items[i].name);
        free(inv->items[i].code);
        free(inv->items[i].origname);
    }
    free(inv->items);
    memset(inv, 0, sizeof *inv);
}

FrozenEntry *frozen_find(FrozenInventory *inv, const char *name) {
    for (size_t i = 0; i < inv->len; i++)
        if (strcmp(inv->items[i].name, name) == 0) return &inv->items[i];
    return NULL;
}

static bool code_selected(const FrozenInventory *inv, const char *code) {
    for (size_t i = 0; i < inv->len; i++)
        if (inv->items[i].selected && strcmp(inv->items[i].code, code) == 0) return true;
    return false;
}

void frozen_select(FrozenInventory *inv, const char *const *imported, size_t nimported) {
    for (size_t i = 0; i < inv->len; i++) {
        FrozenEntry *e = &inv->items[i];
        e->selected =
            in_list(e->name, imported, nimported) ||
            in_list(e->name, startup_modules, sizeof startup_modules / sizeof *startup_modules);
    }
    /* an alias costs a table row: its code object is carried anyway */
    for (size_t i = 0; i < inv->len; i++)
        if (!inv->items[i].selected && code_selected(inv, inv->items[i].code))
            inv->items[i].selected = true;
}

static void write_table(FILE *f, const char *cname, const FrozenInventory *inv, bool bootstrap,
                        size_t (*code_index)(const char *, void *), void *ctx) {
    fprintf(f, "static const struct _frozen %s[] = {\n", cname);
    for (size_t i = 0; i < inv->len; i++) {
        const FrozenEntry *e = &inv->items[i];
        if (!e->selected || is_bootstrap(e->name) != bootstrap) continue;
        /* no code bytes and a get_code: what import.c takes for a
         * deep-frozen module, so the marshalled copy may be zeroed once
         * the snapshot holds the code object */
        fprintf(f, "    {\"%s\", NULL, 0, %d, get_code_%zu},\n", e->name, e->ispkg,
                code_index(e->code, ctx));
    }
    fputs("    {NULL, NULL, 0, 0, NULL},\n};\n", f);
}

void frozen_write_tables(FILE *f, const FrozenInventory *inv,
                         size_t (*code_index)(const char *code, void *ctx), void *ctx) {
    fputs("\n/* The runtime's frozen modules this program can import, in place of\n"
          " * libpython's frozen tables and deep-frozen code (src/frozen.c). */\n",
          f);
    write_table(f, "frozen_bootstrap", inv, true, code_index, ctx);
    write_table(f, "frozen_stdlib", inv, false, code_index, ctx);
    fputs("static const struct _frozen frozen_none[] = {{NULL, NULL, 0, 0, NULL}};\n"
          "const struct _frozen *_PyImport_FrozenBootstrap = frozen_bootstrap;\n"
          "const struct _frozen *_PyImport_FrozenStdlib = frozen_stdlib;\n"
          "const struct _frozen *_PyImport_FrozenTest = frozen_none;\n"
          "const struct _frozen *PyImport_FrozenModules;\n"
          "static const struct _module_alias frozen_aliases[] = {\n",
          f);
    for (size_t i = 0; i < inv->len; i++) {
        const FrozenEntry *e = &inv->items[i];
        if (!e->selected || (e->origname && strcmp(e->origname, e->name) == 0)) continue;
        if (e->origname)
            fprintf(f, "    {\"%s\", \"%s\"},\n", e->name, e->origname);
        else
            fprintf(f, "    {\"%s\", NULL},\n", e->name);
    }
    fputs("    {NULL, NULL},\n};\n"
          "const struct _module_alias *_PyImport_FrozenAliases = frozen_aliases;\n"
          "/* nothing is deep-frozen: no static code objects to set up or tear down */\n"
          "int _Py_Deepfreeze_Init(void) { return 0; }\n"
          "void _Py_Deepfreeze_Fini(void) {}\n",
          f);
}

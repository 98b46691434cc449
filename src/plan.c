/* plan.c - which modules a snapshotted build imports at build time.
 *
 * A module is pre-imported only if importing it now, at build time, leaves
 * exactly the state importing it in the actual run would: its import must
 * not read the world (environment, argv, standard streams, clock, entropy,
 * file system), print, or warn.  The rule:
 *
 *   - candidates are the modules whose import the program's start runs:
 *     the module-level imports of __main__ (outside `if __name__ ==
 *     "__main__":`), and recursively theirs, in discovery order;
 *   - a stdlib module is pre-importable unless it, or a package above it,
 *     is in unsafe_stdlib[] below (found by auditing the module-level code
 *     of the 3.11 stdlib for reads of the world, output and import-time
 *     warnings), or one of the modules its own import runs is not
 *     pre-importable.  Modules whose import-time state the runtime redraws
 *     at each start (random's seed, logging's start time: _REFRESH in
 *     runtime/p2w_boot.py; os.environ, sys.*, the standard streams, site:
 *     runtime/p2w_world.c) count as pre-importable;
 *   - the program's own modules are never pre-imported: their module-level
 *     code is arbitrary (it may print, read sys.argv or the environment),
 *     and no static check proves otherwise yet.  Their stdlib imports still
 *     are, being candidates themselves;
 *   - the runtime's frozen modules (os, runpy, ...) are judged like stdlib
 *     modules; builtin C modules and modules that are not found are
 *     pre-importable (no module-level state from the world; a missing one
 *     raises ImportError in both cases).
 *
 * A candidate whose import raises at build time is left to run time by the
 * runtime (p2w_preimport), so it raises there, as natively. */
#include "plan.h"

#include <string.h>

#include "util.h"

/* Stdlib modules (and packages, with their submodules) whose import is not
 * the same at build time as at run time. */
static const char *const unsafe_stdlib[] = {
    /* DeprecationWarning at import (PEP 594 and others): natively shown,
     * attributed to the importing line of __main__ */
    "aifc",
    "asynchat",
    "asyncore",
    "audioop",
    "cgi",
    "cgitb",
    "chunk",
    "crypt",
    "distutils",
    "imghdr",
    "imp",
    "lib2to3",
    "mailcap",
    "msilib",
    "nis",
    "nntplib",
    "ossaudiodev",
    "pipes",
    "smtpd",
    "sndhdr",
    "spwd",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "sunau",
    "telnetlib",
    "uu",
    "xdrlib",
    /* output or a browser at import */
    "antigravity",
    "this",
    "__hello__",
    "__phello__",
    /* read the world at import */
    "sysconfig",     /* _PYTHON_PROJECT_BASE, realpath(sys.executable) */
    "xml.sax",       /* PY_SAX_PARSER */
    "uuid",          /* platform.system(), host name */
    "zoneinfo",      /* PYTHONTZPATH, sysconfig's TZPATH */
    "site",          /* imported by start-up itself (runtime/p2w_world.c) */
    "sitecustomize", /* user code site runs */
    "usercustomize",
};

static bool in_package(const char *name, const char *pkg) {
    size_t n = strlen(pkg);
    return strncmp(name, pkg, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

static bool stdlib_unsafe(const char *name) {
    for (size_t i = 0; i < sizeof unsafe_stdlib / sizeof *unsafe_stdlib; i++)
        if (in_package(name, unsafe_stdlib[i])) return true;
    return false;
}

typedef enum { UNSEEN, VISITING, SAFE, UNSAFE } Verdict;

typedef struct {
    Graph *g;
    char **names; /* modules judged so far */
    Verdict *verdicts;
    size_t len, cap, vcap;
} Judge;

static Verdict *verdict_of(Judge *j, const char *name) {
    for (size_t i = 0; i < j->len; i++)
        if (strcmp(j->names[i], name) == 0) return &j->verdicts[i];
    grow_array((void **)&j->names, &j->cap, j->len + 1, sizeof(char *));
    grow_array((void **)&j->verdicts, &j->vcap, j->len + 1, sizeof(Verdict));
    j->names[j->len] = xstrdup(name);
    j->verdicts[j->len] = UNSEEN;
    return &j->verdicts[j->len++];
}

/* Applies the rule above to NAME.  A module being judged further up (an
 * import cycle) counts as safe: its own verdict covers it. */
static bool safe(Judge *j, const char *name) {
    Verdict *v = verdict_of(j, name);
    if (*v != UNSEEN) return *v != UNSAFE;
    *v = VISITING;
    GraphModule *m = graph_lookup(j->g, name);
    bool ok = true;
    if (m && (m->kind == GM_MODULE || m->kind == GM_PACKAGE || m->kind == GM_NAMESPACE ||
              m->kind == GM_FROZEN)) {
        ok = (m->stdlib || m->kind == GM_FROZEN) && !stdlib_unsafe(name);
        const char *dot = strrchr(name, '.');
        if (ok && dot) {
            char *parent = xstrndup(name, (size_t)(dot - name));
            ok = safe(j, parent);
            free(parent);
        }
        for (size_t i = 0; ok && i < m->ndeps; i++) ok = safe(j, m->deps[i]);
    }
    /* verdict_of may have moved the array */
    *verdict_of(j, name) = ok ? SAFE : UNSAFE;
    return ok;
}

/* Appends NAME to LIST unless present. */
static void add_name(PlanList *list, const char *name) {
    for (size_t i = 0; i < list->len; i++)
        if (strcmp(list->names[i], name) == 0) return;
    grow_array((void **)&list->names, &list->cap, list->len + 1, sizeof(char *));
    list->names[list->len++] = xstrdup(name);
}

void plan_preimports(Graph *g, PlanList *out) {
    memset(out, 0, sizeof *out);
    Judge j = {.g = g};
    /* breadth-first over what importing __main__'s imports runs */
    PlanList queue = {0};
    GraphModule *main_mod = graph_lookup(g, "__main__");
    for (size_t i = 0; main_mod && i < main_mod->ndeps; i++) add_name(&queue, main_mod->deps[i]);
    for (size_t q = 0; q < queue.len; q++) {
        GraphModule *m = graph_lookup(g, queue.names[q]);
        if (!m) continue;
        /* the runtime's frozen modules are carried marshalled like the
         * embedded ones (src/frozen.c), so they are pre-imported alike */
        bool carried = m->kind == GM_MODULE || m->kind == GM_PACKAGE || m->kind == GM_NAMESPACE ||
                       m->kind == GM_FROZEN;
        if (carried && safe(&j, m->name))
            add_name(out, m->name);
        else
            for (size_t i = 0; i < m->ndeps; i++) add_name(&queue, m->deps[i]);
    }
    plan_list_free(&queue);
    for (size_t i = 0; i < j.len; i++) free(j.names[i]);
    free(j.names);
    free(j.verdicts);
}

void plan_list_free(PlanList *list) {
    for (size_t i = 0; i < list->len; i++) free(list->names[i]);
    free(list->names);
    memset(list, 0, sizeof *list);
}

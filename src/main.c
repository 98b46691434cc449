/* main.c - the py2wasm driver: options, then the phases in order
 *
 *   graph   find and compile every module the program imports (graph.c)
 *   emit    write the C that embeds them (emit.c), translating the
 *           program's code objects to C (translate.c)
 *   build   clang + wasm-ld against the wasm runtime (toolchain.c)
 *
 * The output is written to a temporary file beside the target and renamed
 * into place only when everything succeeded, so a failed or interrupted
 * build never leaves a half-written .wasm behind. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "emit.h"
#include "exports.h"
#include "graph.h"
#include "heapimage.h"
#include "encodings.h"
#include "hostpy.h"
#include "objects.h"
#include "plan.h"
#include "startup.h"
#include "toolchain.h"
#include "util.h"
#include "web.h"

#ifndef P2W_VERSION
#define P2W_VERSION "0.1.0"
#endif

typedef struct {
    const char *input;  /* the program's main script */
    char *output;       /* -o, or input with .wasm (a directory for --target web) */
    char *wasm_output;  /* the .wasm: output, or output/STEM.wasm for --target web */
    char *stem;         /* the script's name without directory and .py */
    const char **paths; /* --path */
    size_t npaths;
    const char **includes; /* --include-module */
    size_t nincludes;
    const char **packages; /* --include-package */
    size_t npackages;
    const char **excludes; /* --exclude-module */
    size_t nexcludes;
    const char **compiled; /* --compile-module */
    size_t ncompiled;
    const char **exports; /* --export */
    size_t nexports;
    bool web;                /* --target web */
    const char *keep_build;  /* --keep-build DIR */
    const char *runtime_dir; /* --runtime or default beside the executable */
    int opt_level;           /* -O0..-O3 */
    bool debug;              /* --debug */
    bool stats;              /* --stats */
    bool no_compile;         /* --no-compile: interpret everything */
    bool compile_stdlib;     /* --compile-stdlib=yes: translate the stdlib too */
    bool no_cache;           /* --no-cache */
    bool snapshot;           /* --snapshot=yes: pre-initialise with Wizer */
    bool snapshot_given;     /* --snapshot was on the command line */
    bool compress_heap;      /* --compress-snapshot=yes: the heap as one LZ4 block */
    bool compress_given;     /* --compress-snapshot was on the command line */
    const char *wasm_opt;    /* --wasm-opt=LEVEL, NULL for none */
    int bytecode_compiler;   /* --bytecode-compiler: index into auto_yes_no */
    int jobs;                /* -j: compilers run at once */
} Options;

static const char usage_text[] =
    "usage: py2wasm [options] SCRIPT.py\n"
    "\n"
    "Compiles a Python 3.11 program and every module it imports into one\n"
    "standalone WebAssembly (WASI) module.\n"
    "\n"
    "options:\n"
    "  -o FILE                 output file (default: SCRIPT.wasm beside SCRIPT.py);\n"
    "                          with --target web, the output directory\n"
    "                          (default: SCRIPT-web/ beside SCRIPT.py)\n"
    "  --export NAME           make the program's module-level function NAME a\n"
    "                          wasm export (repeatable); the module becomes a WASI\n"
    "                          reactor: the host calls _initialize, then NAME\n"
    "  --target wasi|web       wasi (default): one .wasm for any WASI runtime;\n"
    "                          web: APP.wasm, the ES-module loader APP.js and a\n"
    "                          demo index.html that runs it in a browser\n"
    "  --path DIR              also search DIR for imported modules (repeatable),\n"
    "                          e.g. a virtualenv's site-packages\n"
    "  --include-module NAME   embed NAME even if no import of it is visible\n"
    "                          (for __import__/importlib.import_module)\n"
    "  --include-package NAME  embed package NAME and all its submodules\n"
    "  --exclude-module NAME   leave NAME out (importing it raises ImportError)\n"
    "  -O0 .. -O3              C optimisation level (default -O2)\n"
    "  --keep-build DIR        keep the generated C and objects in DIR\n"
    "  --runtime DIR           use the wasm runtime in DIR (default: ../runtime\n"
    "                          next to this executable, or $P2W_RUNTIME)\n"
    "  --debug                 keep debug information and symbol names\n"
    "  --stats                 print what was embedded and the output size, and\n"
    "                          which code objects were compiled to C\n"
    "  --no-compile            embed bytecode only; the interpreter runs it all\n"
    "  --compile-stdlib=yes|no translate the embedded stdlib modules to C as well\n"
    "                          (default: no)\n"
    "  --compile-module NAME   translate stdlib module or package NAME to C even\n"
    "                          without --compile-stdlib=yes (repeatable)\n"
    "  -j N                    run N C compilers at once (default: one per CPU)\n"
    "  --no-cache              compile everything, without the object cache\n"
    "                          ($P2W_CACHE_DIR, default ~/.cache/py2wasm)\n"
    "  --snapshot=yes|no       pre-initialise the interpreter and the program's\n"
    "                          imports at build time with Wizer (default: yes;\n"
    "                          no with --export)\n"
    "  --compress-snapshot=yes|no\n"
    "                          store the snapshot's heap LZ4-compressed, unpacked\n"
    "                          when a run starts: a smaller output for 1-3 ms of\n"
    "                          start-up (default: yes)\n"
    "  --wasm-opt=LEVEL        run binaryen's wasm-opt -LEVEL (O1..O4, Os, Oz) on\n"
    "                          the output, or none (default: none)\n"
    "  --bytecode-compiler=auto|yes|no\n"
    "                          link CPython's bytecode compiler, which compile(),\n"
    "                          exec() and eval() of strings need at run time;\n"
    "                          auto (default): only if some module reads one of\n"
    "                          those names, an import was not found, or the\n"
    "                          script's compilation warns\n"
    "  -v, --verbose           explain each step, show tool command lines\n"
    "  -q, --quiet             print errors only\n"
    "  --version               print the version and exit\n"
    "  -h, --help              print this help and exit\n"
    "\n"
    "Run the output with any WASI runtime, e.g.\n"
    "  wasmtime run app.wasm ARGS       node tools/run-wasi.mjs app.wasm ARGS\n";

static char *temp_output; /* removed on failure or interruption */
static char *created_dir; /* --target web output directory we made; removed likewise */

static void remove_temp_output(void) {
    if (temp_output) unlink(temp_output);
    if (created_dir) rmdir(created_dir); /* only if still empty */
}

static void on_signal(int sig) {
    remove_temp_output();
    signal(sig, SIG_DFL);
    raise(sig);
}

static _Noreturn void usage_error(const char *fmt, const char *what) {
    fputs("py2wasm: error: ", stderr);
    fprintf(stderr, fmt, what);
    fputs(" (see py2wasm --help)\n", stderr);
    exit(2);
}

static const char *const yes_no[] = {"yes", "no", NULL};
static const char *const wasi_web[] = {"wasi", "web", NULL};
enum { BC_AUTO, BC_YES, BC_NO };
static const char *const auto_yes_no[] = {"auto", "yes", "no", NULL};

/* The index of VALUE in CHOICES (NULL-terminated); a usage error naming
 * OPTION and the accepted values otherwise. */
static int choice(const char *option, const char *value, const char *const *choices) {
    for (int i = 0; choices[i]; i++)
        if (strcmp(value, choices[i]) == 0) return i;
    fprintf(stderr, "py2wasm: error: %s wants ", option);
    for (int i = 0; choices[i]; i++)
        fprintf(stderr, "%s%s", i == 0 ? "" : choices[i + 1] ? ", " : " or ", choices[i]);
    fprintf(stderr, ", not '%s' (see py2wasm --help)\n", value);
    exit(2);
}

static void push(const char ***list, size_t *n, const char *v) {
    *list = xrealloc(*list, (*n + 1) * sizeof(char *));
    (*list)[(*n)++] = v;
}

/* The runtime lives beside the executable: build/bin/../runtime in the build
 * tree, <prefix>/lib/py2wasm/runtime when installed. */
static char *default_runtime_dir(void) {
    const char *env = getenv("P2W_RUNTIME");
    if (env && *env) return xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return xstrdup("runtime");
    exe[n] = '\0';
    char *bindir = path_dirname(exe);
    static const char *const candidates[] = {"runtime", "../runtime"};
    char *found = NULL;
    for (size_t i = 0; i < 2 && !found; i++) {
        char *rt = path_join(bindir, candidates[i]);
        char *abs = path_abspath(rt);
        free(rt);
        char *inv = path_join(abs, "modules.txt");
        if (path_is_file(inv))
            found = abs;
        else
            free(abs);
        free(inv);
    }
    if (!found) found = path_abspath(bindir); /* reported as incomplete later */
    free(bindir);
    return found;
}

static void parse_options(int argc, char **argv, Options *o) {
    enum {
        OPT_PATH = 256,
        OPT_INCLUDE,
        OPT_PACKAGE,
        OPT_EXCLUDE,
        OPT_KEEP,
        OPT_RUNTIME,
        OPT_DEBUG,
        OPT_STATS,
        OPT_VERSION,
        OPT_NO_COMPILE,
        OPT_COMPILE_STDLIB,
        OPT_NO_CACHE,
        OPT_COMPILE_MODULE,
        OPT_EXPORT,
        OPT_TARGET,
        OPT_SNAPSHOT,
        OPT_COMPRESS_SNAPSHOT,
        OPT_WASM_OPT,
        OPT_BYTECODE_COMPILER
    };
    static const struct option longopts[] = {
        {"path", required_argument, NULL, OPT_PATH},
        {"include-module", required_argument, NULL, OPT_INCLUDE},
        {"include-package", required_argument, NULL, OPT_PACKAGE},
        {"exclude-module", required_argument, NULL, OPT_EXCLUDE},
        {"keep-build", required_argument, NULL, OPT_KEEP},
        {"runtime", required_argument, NULL, OPT_RUNTIME},
        {"debug", no_argument, NULL, OPT_DEBUG},
        {"stats", no_argument, NULL, OPT_STATS},
        {"no-compile", no_argument, NULL, OPT_NO_COMPILE},
        {"compile-stdlib", required_argument, NULL, OPT_COMPILE_STDLIB},
        {"no-cache", no_argument, NULL, OPT_NO_CACHE},
        {"compile-module", required_argument, NULL, OPT_COMPILE_MODULE},
        {"export", required_argument, NULL, OPT_EXPORT},
        {"target", required_argument, NULL, OPT_TARGET},
        {"snapshot", required_argument, NULL, OPT_SNAPSHOT},
        {"compress-snapshot", required_argument, NULL, OPT_COMPRESS_SNAPSHOT},
        {"wasm-opt", required_argument, NULL, OPT_WASM_OPT},
        {"bytecode-compiler", required_argument, NULL, OPT_BYTECODE_COMPILER},
        {"verbose", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},
        {"version", no_argument, NULL, OPT_VERSION},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->opt_level = 2;
    o->snapshot = true;
    o->compress_heap = true;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = ncpu > 0 ? (int)ncpu : 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:O:j:vqh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = xstrdup(optarg); break;
        case 'O':
            if (strlen(optarg) != 1 || optarg[0] < '0' || optarg[0] > '3')
                usage_error("invalid optimisation level -O%s (use -O0 to -O3)", optarg);
            o->opt_level = optarg[0] - '0';
            break;
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || j < 1 || j > 256)
                usage_error("invalid job count -j %s (use 1 to 256)", optarg);
            o->jobs = (int)j;
            break;
        }
        case OPT_NO_CACHE: o->no_cache = true; break;
        case OPT_COMPILE_MODULE: push(&o->compiled, &o->ncompiled, optarg); break;
        case 'v': diag_verbosity = 2; break;
        case 'q': diag_verbosity = 0; break;
        case 'h': fputs(usage_text, stdout); exit(0);
        case OPT_VERSION: printf("py2wasm %s (Python 3.11.2, wasm32-wasi)\n", P2W_VERSION); exit(0);
        case OPT_PATH: push(&o->paths, &o->npaths, optarg); break;
        case OPT_INCLUDE: push(&o->includes, &o->nincludes, optarg); break;
        case OPT_PACKAGE: push(&o->packages, &o->npackages, optarg); break;
        case OPT_EXCLUDE: push(&o->excludes, &o->nexcludes, optarg); break;
        case OPT_KEEP: o->keep_build = optarg; break;
        case OPT_RUNTIME: o->runtime_dir = optarg; break;
        case OPT_DEBUG: o->debug = true; break;
        case OPT_STATS: o->stats = true; break;
        case OPT_NO_COMPILE: o->no_compile = true; break;
        case OPT_COMPILE_STDLIB:
            o->compile_stdlib = choice("--compile-stdlib", optarg, yes_no) == 0;
            break;
        case OPT_EXPORT: push(&o->exports, &o->nexports, optarg); break;
        case OPT_TARGET: o->web = choice("--target", optarg, wasi_web) == 1; break;
        case OPT_SNAPSHOT:
            o->snapshot = choice("--snapshot", optarg, yes_no) == 0;
            o->snapshot_given = true;
            break;
        case OPT_COMPRESS_SNAPSHOT:
            o->compress_heap = choice("--compress-snapshot", optarg, yes_no) == 0;
            o->compress_given = true;
            break;
        case OPT_WASM_OPT: {
            static const char *const levels[] = {"O1", "O2", "O3", "O4", "Os", "Oz"};
            o->wasm_opt = NULL;
            bool known = strcmp(optarg, "none") == 0;
            for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
                if (strcmp(optarg, levels[i]) == 0) o->wasm_opt = levels[i], known = true;
            if (!known)
                usage_error("--wasm-opt wants O1, O2, O3, O4, Os, Oz or none, not '%s'", optarg);
            break;
        }
        case OPT_BYTECODE_COMPILER:
            o->bytecode_compiler = choice("--bytecode-compiler", optarg, auto_yes_no);
            break;
        case ':': usage_error("option '%s' needs a value", argv[optind - 1]);
        default: usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    /* A reactor's _initialize starts the interpreter when the host asks;
     * resuming a snapshot from it is not supported yet. */
    if (o->nexports && o->snapshot) {
        if (o->snapshot_given) usage_error("%s", "--snapshot=yes cannot be combined with --export");
        o->snapshot = false;
    }
    if (!o->snapshot && o->compress_heap && o->compress_given)
        usage_error("%s", "--compress-snapshot=yes needs a snapshot (it compresses the snapshot's "
                          "heap)");
    o->compress_heap = o->compress_heap && o->snapshot;
    if (optind >= argc) usage_error("%s", "no input script given");
    if (optind + 1 < argc) usage_error("more than one input given ('%s')", argv[optind + 1]);
    o->input = argv[optind];
    for (size_t i = 0; i < o->npaths; i++)
        if (!path_is_dir(o->paths[i])) usage_error("--path %s: not a directory", o->paths[i]);
    size_t n = strlen(o->input);
    int base = n > 3 && strcmp(o->input + n - 3, ".py") == 0 ? (int)(n - 3) : (int)n;
    if (!o->output) o->output = xasprintf("%.*s%s", base, o->input, o->web ? "-web" : ".wasm");
    const char *name = path_basename(o->input);
    size_t nn = strlen(name);
    o->stem = nn > 3 && strcmp(name + nn - 3, ".py") == 0 ? xstrndup(name, nn - 3) : xstrdup(name);
    if (o->web) {
        char *file = xasprintf("%s.wasm", o->stem);
        o->wasm_output = path_join(o->output, file);
        free(file);
    } else {
        o->wasm_output = xstrdup(o->output);
    }
}

/* --target web: the output directory must be one, or be creatable. */
static bool make_output_dir(const char *dir) {
    if (path_is_dir(dir)) return true;
    if (path_is_file(dir)) {
        diag_error("cannot write %s: not a directory (--target web writes a directory)", dir);
        return false;
    }
    if (!make_dirs(dir)) {
        diag_error("cannot create %s: %s", dir, strerror(errno));
        return false;
    }
    created_dir = xstrdup(dir);
    return true;
}

/* The signatures of the --export functions, read from the program's own
 * module; false after a diagnostic. */
static bool analyze_exports(const Options *o, GraphModule **mods, size_t nmods, ExList *out) {
    memset(out, 0, sizeof *out);
    if (!o->nexports) return true;
    for (size_t i = 0; i < nmods; i++)
        if (strcmp(mods[i]->name, "__main__") == 0) {
            if (!ex_analyze(o->input, mods[i]->source, o->exports, o->nexports, out)) return false;
            return !o->web || web_check_exports(out);
        }
    unreachable();
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Creates the temporary output beside OUTPUT, proving the location writable
 * before any work is done. */
static bool open_temp_output(const char *output) {
    if (path_is_dir(output)) {
        diag_error("cannot write %s: is a directory", output);
        return false;
    }
    char *dir = path_dirname(output);
    temp_output = xasprintf("%s/.%s.XXXXXX", dir, path_basename(output));
    free(dir);
    int fd = mkstemp(temp_output);
    if (fd < 0) {
        diag_error("cannot write %s: %s", output, strerror(errno));
        free(temp_output);
        temp_output = NULL;
        return false;
    }
    close(fd);
    return true;
}

/* The program's own modules are translated to C; stdlib modules only with
 * --compile-stdlib=yes or when named by --compile-module (a package
 * brings its submodules); --no-compile translates nothing. */
static bool should_translate(const Options *o, const GraphModule *m) {
    if (o->no_compile) return false;
    if (!m->stdlib || o->compile_stdlib) return true;
    for (size_t i = 0; i < o->ncompiled; i++) {
        size_t len = strlen(o->compiled[i]);
        if (strncmp(m->name, o->compiled[i], len) == 0 &&
            (m->name[len] == '\0' || m->name[len] == '.'))
            return true;
    }
    return false;
}

/* The hash seed a snapshot is taken with: FNV-1a over the embedded module
 * names and sources, so that a build is reproducible and different
 * programs get different seeds.  Never 0 (which would mean "no
 * randomisation"). */
static unsigned long snapshot_seed(GraphModule **mods, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        for (const char *p = mods[i]->name; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
        for (size_t k = 0; mods[i]->source && k < mods[i]->source_len; k++)
            h = (h ^ (unsigned char)mods[i]->source[k]) * 16777619u;
    }
    return h ? h : 1;
}

/* Writes the start-up tables (startup.c) into WORK and appends the file to
 * C_FILES: the inittab, and for a snapshot the pre-import plan.  Returns
 * false after a diagnostic. */
static bool write_startup(const Options *o, Graph *g, GraphModule **mods, size_t nmods,
                          size_t code_bytes, const char *work, char ***c_files, size_t *nfiles) {
    /* Compressing the marshalled code in the snapshot pays from a few
     * hundred KB on: below that, the deflate code it links (~26 KB) and the
     * compressed copy, which gzip cannot shrink further, cost more than
     * the plain copy saves (measured on hello world: 83 KB of code, +20 KB
     * gzipped output when packed). */
    enum { PACK_CODE_FROM = 256 * 1024 };
    StartupTables st = {.snapshot = o->snapshot,
                        .hash_seed = snapshot_seed(mods, nmods),
                        .pack_code = code_bytes >= PACK_CODE_FROM};
    const char **builtins = graph_builtins(g, &st.nbuiltins);
    st.builtins = builtins;
    PlanList plan = {0};
    if (o->snapshot) {
        plan_preimports(g, &plan);
        st.preimport = (const char *const *)plan.names;
        st.npreimport = plan.len;
        GraphModule *sc = graph_lookup(g, "sitecustomize");
        GraphModule *uc = graph_lookup(g, "usercustomize");
        st.defer_site = (sc && sc->kind != GM_MISSING) || (uc && uc->kind != GM_MISSING);
        diag_verbose("pre-importing %zu modules at build time", plan.len);
        for (size_t i = 0; i < plan.len; i++) diag_verbose("  pre-import %s", plan.names[i]);
    }
    char *path = path_join(work, "startup.c");
    bool ok = startup_write_c(path, &st);
    if (ok) {
        *c_files = xrealloc(*c_files, (*nfiles + 1) * sizeof(char *));
        (*c_files)[(*nfiles)++] = path;
    } else {
        free(path);
    }
    plan_list_free(&plan);
    free(builtins);
    return ok;
}

/* Sizes of the build's intermediate files, for --stats. */
typedef struct {
    long compiled;  /* code sections of the translated modules' objects */
    long linked;    /* the module wasm-ld wrote */
    long optimised; /* after wasm-opt (or = linked) */
    long snapshot;  /* after Wizer */
    HeapImageStats heap;
} BuildSizes;

static long file_size(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void print_stats(const Options *o, Graph *g, GraphModule **mods, size_t nmods,
                        const EmitStats *es, const XlStats *xl, const ObjectStats *os,
                        const BuildSizes *sz, size_t nexports, long size) {
    size_t counts[GM_EXCLUDED + 1];
    graph_counts(g, counts);
    size_t user = 0;
    for (size_t i = 0; i < nmods; i++) user += !mods[i]->stdlib;
    printf("modules embedded:   %zu (%zu program, %zu stdlib)\n", nmods, user, nmods - user);
    printf("builtin C modules:  %zu used\n", counts[GM_BUILTIN]);
    size_t nfrozen = 0;
    const FrozenInventory *fi = graph_frozen(g);
    for (size_t i = 0; i < fi->len; i++) nfrozen += fi->items[i].selected;
    printf("runtime frozen:     %zu carried (start-up's, and %zu the program imports)\n", nfrozen,
           counts[GM_FROZEN]);
    printf("not found:          %zu\n", counts[GM_MISSING]);
    printf("marshalled code:    %zu bytes\n", es->code_bytes);
    printf("sources (zlib):     %zu bytes\n", es->source_bytes);
    printf("frozen code:        %zu bytes\n", es->frozen_bytes);
    printf("code objects:       %zu compiled to C, %zu interpreted\n", xl->compiled,
           xl->interpreted);
    printf("C files:            %zu compiled, %zu from the object cache\n", os->compiled,
           os->cached);
    for (size_t i = 0; i < xl->nreasons; i++)
        printf("  interpreted (%s): %zu\n", xl->reasons[i], xl->counts[i]);
    /* the linked module is runtime + compiled code + embedded modules */
    long embedded = (long)(es->code_bytes + es->source_bytes + es->frozen_bytes);
    printf("size breakdown (bytes):\n");
    printf("  runtime:          %ld (CPython, py2wasm runtime, wasi-libc)\n",
           sz->linked - sz->compiled - embedded);
    printf("  compiled code:    %ld (the program's code objects as C)\n", sz->compiled);
    printf("  embedded modules: %ld (marshalled code, frozen modules' included, and sources)\n",
           embedded);
    if (o->wasm_opt) printf("  wasm-opt -%s:     %+ld\n", o->wasm_opt, sz->optimised - sz->linked);
    if (o->snapshot) printf("  snapshot data:    %+ld (Wizer)\n", sz->snapshot - sz->optimised);
    if (o->compress_heap)
        printf("  heap compressed:  %+ld (%zu bytes above __heap_base, %zu segments, to a "
               "%zu-byte LZ4 block)\n",
               size - sz->snapshot, sz->heap.image_len, sz->heap.segments, sz->heap.block_len);
    printf("exported functions: %zu\n", nexports);
    printf("output:             %s, %ld bytes\n", o->wasm_output, size);
}

static bool build(const Options *o) {
    double t0 = now();
    diag_progress("discovering modules of %s", o->input);
    GraphConfig gc = {.runtime_dir = o->runtime_dir,
                      .paths = o->paths,
                      .npaths = o->npaths,
                      .excludes = o->excludes,
                      .nexcludes = o->nexcludes};
    Graph *g = graph_new(&gc);
    if (!g) return false;
    bool ok = graph_add_main(g, o->input);
    for (size_t i = 0; ok && i < o->nincludes; i++) ok = graph_include_module(g, o->includes[i]);
    for (size_t i = 0; ok && i < o->npackages; i++) ok = graph_include_package(g, o->packages[i]);
    ok = ok && graph_close(g);
    char *stdlib_dir = path_join(o->runtime_dir, "Lib");
    ok = ok && enc_include(g, stdlib_dir);
    free(stdlib_dir);
    if (!ok) {
        graph_free(g);
        return false;
    }
    size_t nmods;
    GraphModule **mods = graph_embedded(g, &nmods);
    ExList exports;
    if (!analyze_exports(o, mods, nmods, &exports)) {
        free(mods);
        graph_free(g);
        return false;
    }

    char *work = NULL;
    bool temp_work = !o->keep_build;
    if (o->keep_build) {
        work = path_abspath(o->keep_build);
        if (!make_dirs(work)) {
            diag_error("cannot create %s: %s", work, strerror(errno));
            ok = false;
        }
    } else {
        work = xstrdup("/tmp/py2wasm-XXXXXX");
        if (!mkdtemp(work)) {
            diag_error("cannot create a temporary directory: %s", strerror(errno));
            ok = false;
        }
    }
    char **c_files = NULL, **o_files = NULL;
    size_t nfiles = 0;
    char *xc_path = path_join(work, "exports.c");
    WebFiles web = {0};
    EmitStats es;
    ObjectStats os = {0};
    char *cache_dir = o->no_cache ? NULL : objcache_default_dir();
    ObjCache cache = {.dir = cache_dir};
    XlStats xl = {0};
    Toolchain tc = {.runtime_dir = o->runtime_dir,
                    .work_dir = work,
                    .opt_level = o->opt_level,
                    .debug = o->debug,
                    .reactor = exports.len > 0,
                    .heap_image = o->compress_heap};
    /* why CPython's bytecode compiler is linked (NULL: it is left out) */
    char *compiler_why = NULL;
    if (o->bytecode_compiler == BC_YES)
        compiler_why = xstrdup("--bytecode-compiler=yes");
    else if (o->bytecode_compiler == BC_AUTO)
        compiler_why = graph_compiler_use(g);
    tc.no_bytecode_compiler = compiler_why == NULL;
    if (compiler_why)
        diag_verbose("linking the bytecode compiler: %s", compiler_why);
    else
        diag_verbose("leaving the bytecode compiler out: %s",
                     o->bytecode_compiler == BC_NO ? "--bytecode-compiler=no"
                                                   : "no module reads compile, exec or eval");
    if (ok) {
        diag_progress("embedding %zu modules", nmods);
        bool *translate = xcalloc(nmods ? nmods : 1, sizeof *translate);
        for (size_t i = 0; i < nmods; i++) translate[i] = should_translate(o, mods[i]);
        char *frozen_dir = path_join(o->runtime_dir, "frozen");
        ok = emit_program(work, mods, translate, nmods, graph_frozen(g), frozen_dir, o->input, &xl,
                          &es, &c_files, &nfiles);
        free(frozen_dir);
        free(translate);
    }
    if (ok && exports.len) {
        diag_progress("exporting %zu function%s", exports.len, exports.len == 1 ? "" : "s");
        ok = ex_emit_c(xc_path, &exports, o->input);
        /* compiled (and cached) with the program's other C files */
        c_files = xrealloc(c_files, (nfiles + 1) * sizeof *c_files);
        c_files[nfiles++] = xstrdup(xc_path);
    }
    if (ok) ok = write_startup(o, g, mods, nmods, es.code_bytes, work, &c_files, &nfiles);
    if (ok) ok = objects_build(&tc, &cache, c_files, nfiles, o->jobs, &o_files, &os);
    BuildSizes sizes = {0};
    for (size_t i = 0; ok && i + 1 < nfiles; i++)
        sizes.compiled += tc_code_section_size(o_files[i]);
    /* link -> [wasm-opt] -> [Wizer] -> [heap compression]: each step writes
     * the next one's input, the last one the output; wasm-opt runs before
     * the snapshot's large data segments exist */
    char *linked = path_join(work, "linked.wasm");
    char *optimised = path_join(work, "optimised.wasm");
    char *snapshot = path_join(work, "snapshot.wasm");
    const char *last = o->snapshot ? optimised : temp_output;
    if (ok) {
        diag_progress("linking %s", o->wasm_output);
        ok = tc_link(&tc, (const char *const *)o_files, nfiles, o->wasm_opt ? linked : last);
    }
    if (ok) sizes.linked = sizes.optimised = file_size(o->wasm_opt ? linked : last);
    if (ok && o->wasm_opt) {
        diag_progress("wasm-opt -%s", o->wasm_opt);
        ok = tc_wasm_opt(&tc, o->wasm_opt, linked, last);
        sizes.optimised = file_size(last);
    }
    if (ok && o->snapshot) {
        diag_progress("pre-initialising (Wizer snapshot)");
        ok = tc_snapshot(&tc, optimised, o->compress_heap ? snapshot : temp_output);
        sizes.snapshot = file_size(o->compress_heap ? snapshot : temp_output);
    }
    if (ok && o->compress_heap) {
        diag_progress("compressing the snapshot's heap (LZ4)");
        ok = hi_compress_file(snapshot, temp_output, &sizes.heap);
    }
    if (ok && o->snapshot) {
        /* Wizer or heapimage wrote into the mkstemp file (mode 0600); give
         * it the mode the linker gives its output */
        mode_t mask = umask(0);
        umask(mask);
        chmod(temp_output, 0777 & ~mask);
    }
    if (ok && o->web)
        ok = web_prepare(&web, o->runtime_dir, o->output, o->stem, o->input, &exports);
    if (ok && rename(temp_output, o->wasm_output) != 0) {
        diag_error("cannot write %s: %s", o->wasm_output, strerror(errno));
        ok = false;
    }
    if (ok && o->web) ok = web_commit(&web);
    web_discard(&web);
    if (ok) {
        free(temp_output);
        temp_output = NULL;
        free(created_dir); /* it is the output now */
        created_dir = NULL;
        long size = file_size(o->wasm_output);
        if (o->stats) {
            print_stats(o, g, mods, nmods, &es, &xl, &os, &sizes, exports.len, size);
            printf("bytecode compiler:  %s%s\n", compiler_why ? "linked: " : "left out",
                   compiler_why ? compiler_why : "");
        }
        diag_progress("wrote %s (%.1f MiB) in %.1f s", o->web ? o->output : o->wasm_output,
                      (double)size / (1024.0 * 1024.0), now() - t0);
    }
    xl_stats_free(&xl);
    free(compiler_why);
    free(linked);
    free(optimised);
    free(snapshot);
    if (temp_work && work) remove_tree(work);
    free(work);
    for (size_t i = 0; i < nfiles; i++) {
        free(c_files[i]);
        if (o_files) free(o_files[i]);
    }
    free(c_files);
    free(o_files);
    free(cache_dir);
    free(xc_path);
    ex_list_free(&exports);
    free(mods);
    graph_free(g);
    return ok;
}

int main(int argc, char **argv) {
    Options o;
    parse_options(argc, argv, &o);
    char *rt = o.runtime_dir ? path_abspath(o.runtime_dir) : default_runtime_dir();
    o.runtime_dir = rt;
    if (!path_is_file(o.input)) {
        diag_error("%s: %s", o.input,
                   path_is_dir(o.input) ? "is a directory, not a Python script" : "no such file");
        return 1;
    }
    if (access(o.input, R_OK) != 0) {
        diag_error("%s: %s", o.input, strerror(errno));
        return 1;
    }
    if (o.web && !make_output_dir(o.output)) return 1;
    if (!open_temp_output(o.wasm_output)) return 1;
    atexit(remove_temp_output);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    if (!hostpy_init()) return 1;
    bool ok = build(&o);
    hostpy_fini();
    free(rt);
    free(o.output);
    free(o.wasm_output);
    free(o.stem);
    free(o.exports);
    free(o.paths);
    free(o.includes);
    free(o.packages);
    free(o.excludes);
    free(o.compiled);
    return ok ? 0 : 1;
}

/* toolchain.c - external tools.
 *
 * Tools run with fork/execvp, their stderr captured in WORK_DIR/<tool>.log;
 * on failure that log is shown under a line naming the tool and its input.
 * The clang binary can be overridden with $P2W_CLANG (a clang >= 14 that has
 * the wasm32 target). */
#include "toolchain.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"
#include "wasmbin.h"

/* Stack of the wasm program (linear-memory shadow stack).  CPython's
 * recursion limit of 1000 must be reachable through C-level recursion
 * (property getters, sorted(key=...)) before it overflows. */
#define P2W_STACK_SIZE (8 * 1024 * 1024)

/* The Wizer binary: $P2W_WIZER or the runtime's (malloc'ed). */
static char *wizer(const Toolchain *tc) {
    const char *w = getenv("P2W_WIZER");
    return w && *w ? xstrdup(w) : xasprintf("%s/bin/wizer", tc->runtime_dir);
}

static const char *clang(void) {
    const char *c = getenv("P2W_CLANG");
    return c && *c ? c : "clang-14";
}

typedef struct {
    const char **argv;
    size_t len, cap;
    char **owned; /* the arguments allocated for this command line */
    size_t nowned, owned_cap;
} Argv;

static void arg(Argv *a, const char *s) {
    grow_array((void **)&a->argv, &a->cap, a->len + 2, sizeof(char *));
    a->argv[a->len++] = s;
    a->argv[a->len] = NULL;
}

/* An argument the command line owns (freed by argv_free). */
static void arg_owned(Argv *a, char *s) {
    grow_array((void **)&a->owned, &a->owned_cap, a->nowned + 1, sizeof(char *));
    a->owned[a->nowned++] = s;
    arg(a, s);
}

static void argv_free(Argv *a) {
    for (size_t i = 0; i < a->nowned; i++) free(a->owned[i]);
    free(a->owned);
    free(a->argv);
    memset(a, 0, sizeof *a);
}

/* Starts ARGV with stdout and stderr going to LOG; the child's pid, or -1
 * after a diagnostic. */
static pid_t spawn(Argv *a, const char *log) {
    if (diag_verbosity >= 2) {
        StrBuf cmd;
        sb_init(&cmd);
        for (size_t i = 0; i < a->len; i++) {
            if (i) sb_puts(&cmd, " ");
            sb_puts(&cmd, a->argv[i]);
        }
        diag_verbose("run: %s", cmd.data);
        sb_free(&cmd);
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        diag_error("cannot start %s: %s", a->argv[0], strerror(errno));
        return -1;
    }
    if (pid == 0) {
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, 2);
            dup2(fd, 1);
        }
        execvp(a->argv[0], (char *const *)a->argv);
        fprintf(stderr, "%s: %s\n", a->argv[0], strerror(errno));
        _exit(127);
    }
    return pid;
}

/* Reports a tool that ended with STATUS; WHAT describes the step, LOG
 * holds the tool's own messages.  Returns whether it succeeded. */
static bool check_status(int status, const char *tool, const char *what, const char *log) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        diag_error("%s: cannot run %s (%s)", what, tool,
                   strstr(tool, "wizer") ? "`make` installs Wizer into the runtime; "
                                           "or --snapshot=no"
                   : strstr(tool, "wasm-opt")
                       ? "Debian's binaryen package has it; or --wasm-opt=none"
                       : "is Debian's clang-14/lld-14 installed? `make deps` "
                         "installs it");
    else if (WIFEXITED(status))
        diag_error("%s failed (%s exited with %d):", what, tool, WEXITSTATUS(status));
    else
        diag_error("%s failed (%s killed by signal %d):", what, tool, WTERMSIG(status));
    size_t n;
    char *text = read_file(log, &n);
    if (text) {
        fwrite(text, 1, n, stderr);
        free(text);
    }
    return false;
}

/* Runs ARGV to completion; WHAT describes the step for error messages. */
static bool run(const Toolchain *tc, Argv *a, const char *what) {
    char *log = path_join(tc->work_dir, "tool.log");
    pid_t pid = spawn(a, log);
    int status = 0;
    bool ok = pid > 0;
    if (ok) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        ok = check_status(status, a->argv[0], what, log);
    }
    free(log);
    return ok;
}

static void target_args(const Toolchain *tc, Argv *a) {
    arg(a, clang());
    arg(a, "--target=wasm32-wasi");
    arg_owned(a, xasprintf("--sysroot=%s/sysroot", tc->runtime_dir));
}

/* The clang command line compiling C_PATH to O_PATH. */
static void compile_args(const Toolchain *tc, Argv *a, const char *c_path, const char *o_path) {
    target_args(tc, a);
    arg_owned(a, xasprintf("-O%d", tc->opt_level));
    /* as libpython itself is built; it also keeps the build directory out
     * of the output (assert() would embed __FILE__), so builds are
     * reproducible */
    arg(a, "-DNDEBUG");
    if (tc->debug) arg(a, "-g");
    arg_owned(a, xasprintf("-I%s/include", tc->runtime_dir));
    arg(a, "-c");
    arg(a, c_path);
    arg(a, "-o");
    arg(a, o_path);
}

char *tc_compile_signature(const Toolchain *tc) {
    StrBuf sig;
    sb_init(&sig);
    Argv a = {0};
    compile_args(tc, &a, "-", "-");
    for (size_t i = 0; i < a.len; i++) sb_printf(&sig, "%s\n", a.argv[i]);
    argv_free(&a);
    /* the runtime's headers decide what the generated C compiles to */
    static const char *const headers[] = {"p2w_ops.h", "p2w_eval.h", "p2w_embed.h", "p2w_export.h",
                                          "pyconfig.h"};
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        char *dir = path_join(tc->runtime_dir, "include");
        char *path = path_join(dir, headers[i]);
        size_t n;
        char *text = read_file(path, &n);
        sb_printf(&sig, "%s %zu\n", headers[i], text ? n : 0);
        if (text) sb_append(&sig, text, n);
        free(text);
        free(path);
        free(dir);
    }
    return sig.data;
}

bool tc_compile_all(const Toolchain *tc, const TcUnit *units, size_t n, int jobs,
                    void (*compiled)(size_t index, void *ctx), void *ctx) {
    if (jobs < 1) jobs = 1;
    pid_t *pids = xcalloc(n ? n : 1, sizeof *pids);
    size_t next = 0, running = 0;
    bool ok = true;
    while (running > 0 || (ok && next < n)) {
        while (ok && next < n && running < (size_t)jobs) {
            Argv a = {0};
            compile_args(tc, &a, units[next].c_path, units[next].o_path);
            char *log = xasprintf("%s.log", units[next].o_path);
            pids[next] = spawn(&a, log);
            free(log);
            argv_free(&a);
            if (pids[next] < 0) {
                ok = false;
                break;
            }
            next++;
            running++;
        }
        if (running == 0) break;
        int status;
        pid_t pid = wait(&status);
        if (pid < 0) {
            if (errno == EINTR) continue;
            internal_error(__FILE__, __LINE__, "wait() failed with children running");
        }
        for (size_t i = 0; i < next; i++) {
            if (pids[i] != pid) continue;
            pids[i] = 0;
            running--;
            /* after the first failure, the others still running are only
             * waited for */
            if (ok) {
                char *log = xasprintf("%s.log", units[i].o_path);
                char *what = xasprintf("compiling %s", units[i].c_path);
                ok = check_status(status, clang(), what, log);
                if (ok && compiled) compiled(i, ctx);
                free(what);
                free(log);
            }
        }
    }
    free(pids);
    return ok;
}

bool tc_link(const Toolchain *tc, const char *const *objs, size_t nobjs, const char *out_path) {
    /* archives: only what the program's code and inittab reach is linked */
    static const char *const runtime_libs[] = {"libp2w.a",   "libpython3.11.a", "libmpdec.a",
                                               "libexpat.a", "libz.a",          "liblz4.a",
                                               "libbz2.a",   "liblzma.a",       "libsqlite3.a"};
    Argv a = {0};
    target_args(tc, &a);
    for (size_t i = 0; i < nobjs; i++) arg(&a, objs[i]);
    for (size_t i = 0; i < sizeof runtime_libs / sizeof runtime_libs[0]; i++)
        arg_owned(&a, xasprintf("%s/lib/%s", tc->runtime_dir, runtime_libs[i]));
    arg(&a, "-lwasi-emulated-signal");
    arg(&a, "-lwasi-emulated-getpid");
    arg(&a, "-lwasi-emulated-process-clocks");
    arg(&a, "-lm");
    arg_owned(&a, xasprintf("-Wl,-z,stack-size=%d", P2W_STACK_SIZE));
    arg(&a, "-Wl,--stack-first");
    if (tc->reactor) {
        /* no crt1: the runtime's _initialize (p2w_reactor.c) runs the
         * constructors itself, then starts Python */
        arg(&a, "-nostartfiles");
        arg(&a, "-Wl,--no-entry");
    }
    /* deterministic entropy and clocks while a snapshot is taken
     * (runtime/p2w_snapshot.c) */
    arg(&a, "-Wl,--wrap=getentropy");
    arg(&a, "-Wl,--wrap=__wasi_clock_time_get");
    arg(&a, "-Wl,--wrap=free");
    arg(&a, "-Wl,--wrap=realloc");
    /* its descriptor is what pulls the unpacker, with lz4's decoder, out
     * of the archives (heapimage.h) */
    if (tc->heap_image) arg(&a, "-Wl,--undefined=p2w_heap_image");
    if (tc->no_bytecode_compiler) {
        /* calls land in runtime/p2w_nocompiler.c, and what only they
         * reached is left out of the link */
        static const char *const compiler_entries[] = {"_PyAST_Compile", "PyAST_mod2obj",
                                                       "PyAST_obj2mod", "PyAST_Check"};
        for (size_t i = 0; i < sizeof compiler_entries / sizeof *compiler_entries; i++)
            arg_owned(&a, xasprintf("-Wl,--wrap=%s", compiler_entries[i]));
    }
    if (!tc->debug) {
        arg(&a, "-Wl,--strip-all");
        /* wasm-ld leaves each relocated call index and address as a padded
         * 5-byte LEB; compressing them takes ~9% off the code section
         * (hello: 2.03 -> 1.85 MB).  It needs the DWARF gone. */
        arg(&a, "-Wl,--compress-relocations");
    }
    arg(&a, "-o");
    arg(&a, out_path);
    bool ok = run(tc, &a, "linking the wasm module");
    argv_free(&a);
    return ok;
}

bool tc_snapshot(const Toolchain *tc, const char *in_path, const char *out_path) {
    Argv a = {0};
    arg_owned(&a, wizer(tc));
    /* start-up calls WASI (clock, entropy, fd_fdstat_get); no directory and
     * no environment variable is given to it, so nothing of the build
     * machine leaks into the snapshot */
    arg(&a, "--allow-wasi");
    arg(&a, "--inherit-env=false");
    arg(&a, "-o");
    arg(&a, out_path);
    arg(&a, in_path);
    bool ok = run(tc, &a, "pre-initialising the wasm module (Wizer)");
    argv_free(&a);
    return ok;
}

bool tc_wasm_opt(const Toolchain *tc, const char *level, const char *in_path,
                 const char *out_path) {
    Argv a = {0};
    const char *w = getenv("P2W_WASM_OPT");
    arg(&a, w && *w ? w : "wasm-opt");
    arg_owned(&a, xasprintf("-%s", level));
    if (tc->debug) arg(&a, "-g"); /* keep the name and DWARF sections */
    arg(&a, in_path);
    arg(&a, "-o");
    arg(&a, out_path);
    bool ok = run(tc, &a, "optimising the wasm module (wasm-opt)");
    argv_free(&a);
    return ok;
}

long tc_code_section_size(const char *path) {
    size_t n;
    unsigned char *bytes = (unsigned char *)read_file(path, &n);
    if (!bytes) return -1;
    long size = -1;
    WbReader r = {bytes + 8, bytes + n, n < 8}; /* after the magic and version */
    while (!r.bad && r.p < r.end) {
        unsigned char id = wb_read_byte(&r);
        uint64_t len = wb_read_uleb(&r);
        if (r.bad || len > (uint64_t)(r.end - r.p)) break;
        if (id == 10) { /* the code section */
            size = (long)len;
            break;
        }
        r.p += len;
    }
    free(bytes);
    return size;
}

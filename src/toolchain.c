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
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

/* Stack of the wasm program (linear-memory shadow stack).  CPython's
 * recursion limit of 1000 must be reachable through C-level recursion
 * (property getters, sorted(key=...)) before it overflows. */
#define P2W_STACK_SIZE (8 * 1024 * 1024)

static const char *clang(void) {
    const char *c = getenv("P2W_CLANG");
    return c && *c ? c : "clang-14";
}

typedef struct {
    const char **argv;
    size_t len, cap;
} Argv;

static void arg(Argv *a, const char *s) {
    grow_array((void **)&a->argv, &a->cap, a->len + 2, sizeof(char *));
    a->argv[a->len++] = s;
    a->argv[a->len] = NULL;
}

/* Runs ARGV; WHAT describes the step for error messages. */
static bool run(const Toolchain *tc, Argv *a, const char *what) {
    char *log = path_join(tc->work_dir, "tool.log");
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
        free(log);
        return false;
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
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!ok) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            diag_error("%s: cannot run %s (is Debian's clang-14/lld-14 installed? "
                       "`make deps` installs it)",
                       what, a->argv[0]);
        else if (WIFEXITED(status))
            diag_error("%s failed (%s exited with %d):", what, a->argv[0], WEXITSTATUS(status));
        else
            diag_error("%s failed (%s killed by signal %d):", what, a->argv[0], WTERMSIG(status));
        size_t n;
        char *text = read_file(log, &n);
        if (text) {
            fwrite(text, 1, n, stderr);
            free(text);
        }
    }
    free(log);
    return ok;
}

static void target_args(const Toolchain *tc, Argv *a, char **sysroot_flag) {
    arg(a, clang());
    arg(a, "--target=wasm32-wasi");
    *sysroot_flag = xasprintf("--sysroot=%s/sysroot", tc->runtime_dir);
    arg(a, *sysroot_flag);
}

bool tc_compile(const Toolchain *tc, const char *c_path, const char *o_path) {
    Argv a = {0};
    char *sysroot, *inc = xasprintf("-I%s/include", tc->runtime_dir);
    char *opt = xasprintf("-O%d", tc->opt_level);
    target_args(tc, &a, &sysroot);
    arg(&a, opt);
    /* as libpython itself is built; it also keeps the build directory out
     * of the output (assert() would embed __FILE__), so builds are
     * reproducible */
    arg(&a, "-DNDEBUG");
    if (tc->debug) arg(&a, "-g");
    arg(&a, inc);
    arg(&a, "-c");
    arg(&a, c_path);
    arg(&a, "-o");
    arg(&a, o_path);
    char *what = xasprintf("compiling %s", c_path);
    bool ok = run(tc, &a, what);
    free(what);
    free(sysroot);
    free(inc);
    free(opt);
    free(a.argv);
    return ok;
}

bool tc_link(const Toolchain *tc, const char *const *objs, size_t nobjs, const char *out_path) {
    static const char *const runtime_libs[] = {"libp2w.a", "libpython3.11.a", "libmpdec.a",
                                               "libexpat.a", "libz.a"};
    enum { NLIBS = sizeof runtime_libs / sizeof runtime_libs[0] };
    Argv a = {0};
    char *sysroot;
    char *libs[NLIBS];
    char *stack = xasprintf("-Wl,-z,stack-size=%d", P2W_STACK_SIZE);
    target_args(tc, &a, &sysroot);
    for (size_t i = 0; i < nobjs; i++) arg(&a, objs[i]);
    for (size_t i = 0; i < NLIBS; i++) {
        libs[i] = xasprintf("%s/lib/%s", tc->runtime_dir, runtime_libs[i]);
        arg(&a, libs[i]);
    }
    arg(&a, "-lwasi-emulated-signal");
    arg(&a, "-lwasi-emulated-getpid");
    arg(&a, "-lwasi-emulated-process-clocks");
    arg(&a, "-lm");
    arg(&a, stack);
    arg(&a, "-Wl,--stack-first");
    if (!tc->debug) arg(&a, "-Wl,--strip-all");
    arg(&a, "-o");
    arg(&a, out_path);
    bool ok = run(tc, &a, "linking the wasm module");
    for (size_t i = 0; i < NLIBS; i++) free(libs[i]);
    free(stack);
    free(sysroot);
    free(a.argv);
    return ok;
}

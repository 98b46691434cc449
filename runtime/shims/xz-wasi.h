/* xz-wasi.h - force-included into liblzma's build for wasm32-wasi.
 *
 * xz's src/common/mythread.h defines mythread_sigmask() over sigprocmask()
 * whenever threads are off; wasi-libc has neither signal masks nor
 * sigset_t.  Single-threaded liblzma never calls it, so a do-nothing
 * stand-in only has to compile. */
typedef unsigned char sigset_t;

static inline int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
    (void)how, (void)set, (void)old;
    return 0;
}

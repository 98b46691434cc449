/* sqlite-wasi.h - force-included into SQLite's amalgamation for wasm32-wasi.
 *
 * SQLite's unix VFS locks database files with fcntl(F_SETLK) and sets
 * their mode and owner with fchmod/fchown; WASI (preview 1) has no
 * advisory locks, modes or owners, and wasi-libc leaves those out.  Here
 * a lock is always granted and a lock test always finds the file
 * unlocked, as SQLite's own "unix-none" VFS behaves: correct for one
 * process, which is all a WASI module is, but two modules writing one
 * database file at once are not kept apart.  Mode and owner changes do
 * nothing. */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* wasi-libc declares struct flock, but neither the lock types nor a
 * command that takes one; these command numbers are none it knows */
#ifndef F_RDLCK
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#endif
#define F_GETLK 1000
#define F_SETLK 1001
#define F_SETLKW 1002

static int p2w_sqlite_fcntl(int fd, int cmd, ...) {
    va_list ap;
    va_start(ap, cmd);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    if (cmd == F_GETLK) {
        ((struct flock *)arg)->l_type = F_UNLCK;
        return 0;
    }
    if (cmd == F_SETLK || cmd == F_SETLKW) return 0;
    return fcntl(fd, cmd, (int)(long)arg);
}
#define fcntl p2w_sqlite_fcntl

static inline int fchmod(int fd, mode_t mode) {
    (void)fd, (void)mode;
    return 0;
}

static inline int fchown(int fd, uid_t uid, gid_t gid) {
    (void)fd, (void)uid, (void)gid;
    return 0;
}

/* not root: SQLite then never tries to give files an owner */
static inline uid_t geteuid(void) { return 1000; }

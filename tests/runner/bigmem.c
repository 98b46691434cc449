/* Grows linear memory to ~64 MiB, touches it, and exits normally.  Node 20
 * crashed (SIGSEGV) at exit for such modules in its fast API call path for
 * WASI imports; the runner must disable that path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    size_t n = 64u << 20;
    char *p = malloc(n);
    if (!p) return 1;
    memset(p, 1, n);
    long sum = 0;
    for (size_t i = 0; i < n; i += 4096) sum += p[i];
    printf("%ld\n", sum);
    return 0;
}

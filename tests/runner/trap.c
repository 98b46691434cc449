/* Executes `unreachable`: the runner must report a trap and exit non-zero. */
#include <stdio.h>
int main(void) {
    puts("before trap");
    fflush(stdout);
    __builtin_trap();
}

/* Prints its arguments, then copies stdin to stdout in upper case. */
#include <ctype.h>
#include <stdio.h>
int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) printf("arg[%d]=%s\n", i, argv[i]);
    int c;
    while ((c = getchar()) != EOF) putchar(toupper(c));
    return 0;
}

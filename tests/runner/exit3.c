/* Exits with status 3 through proc_exit. */
#include <stdlib.h>
int main(void) { exit(3); }

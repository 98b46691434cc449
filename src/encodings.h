/* encodings.h - which modules of the `encodings` package a program embeds.
 * Prefix: enc_. */
#ifndef P2W_ENCODINGS_H
#define P2W_ENCODINGS_H

#include "graph.h"

/* Adds to G the encodings package, the codecs every program needs and
 * every codec named by a string constant of a module of G, then closes G
 * again.  STDLIB_DIR is the target stdlib.  Returns false after a
 * diagnostic (as graph_close). */
bool enc_include(Graph *g, const char *stdlib_dir);

#endif

/* plan.h - the pre-import plan of a snapshotted build: the modules imported
 * at build time, chosen by the rule explained at the top of plan.c.
 * Prefix: plan_. */
#ifndef P2W_PLAN_H
#define P2W_PLAN_H

#include "graph.h"

typedef struct {
    char **names; /* module names, in import order; owned */
    size_t len, cap;
} PlanList;

/* Fills OUT with the modules of G (closed) to import before __main__. */
void plan_preimports(Graph *g, PlanList *out);
void plan_list_free(PlanList *list);

#endif

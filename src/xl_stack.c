/* xl_stack.c - the translator's view of the exception table and the value
 * stack: handler lookup, the static depth at each instruction, slot names
 * and error labels. */
#include "xl_fn.h"

#include <opcode.h>
#include <string.h>

/* The exception-table entry covering OFFSET, or -1 (ceval's
 * get_exception_handler). */
int handler_for(const Fn *f, int offset) {
    for (size_t i = 0; i < f->nexc; i++)
        if (f->exc[i].start <= offset && offset < f->exc[i].end) return (int)i;
    return -1;
}

/* ---- the value stack ----
 * Its depth at each instruction is static (CPython's compiler relies on
 * it too).  A slot is named by its depth: C locals s0, s1, ... that the C
 * compiler keeps in registers.  The frame's own stack gets copies only
 * where something reads it there: helpers taking several operands as an
 * array, and a generator's frame while it is suspended (the slots below
 * the value yielded are spilled at each yield and reloaded on resumption;
 * genobject.c pushes the value sent, and _PyGen_yf reads the subiterator
 * of `yield from` there). */

/* How instruction IN changes the depth, on its jump (JUMP) or fall-through
 * path, as the values are really pushed and popped: the compiler's table
 * accounts PRECALL's arguments at CALL's, and leaves out the value a
 * generator's frame is resumed with after RETURN_GENERATOR. */
static int stack_effect(const Instr *in, bool jump) {
    switch (in->op) {
    case PRECALL: return 0;
    case CALL: return -(in->arg + 1);
    case RETURN_GENERATOR: return 1;
    default: return PyCompile_OpcodeStackEffectWithJump(in->op, in->arg, jump);
    }
}

/* The jump target (offset) of IN, or -1; *FALLS gets whether it can also
 * continue with the next instruction. */
static int jump_target(const Instr *in, bool *falls) {
    switch (in->op) {
    case JUMP_FORWARD:
    case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT:
    case RETURN_VALUE:
    case RAISE_VARARGS:
    case RERAISE: *falls = false; break;
    default: *falls = true;
    }
    int direction = bc_jump_direction(in->op);
    return direction != 0 ? in->next + direction * in->arg : -1;
}

/* The index in f->ins of the instruction starting at code-unit OFFSET (its
 * first EXTENDED_ARG, or the opcode), or -1. */
static int instr_at(const Fn *f, int offset) {
    return offset < 0 || offset > f->ncode ? -1 : f->index_of[offset];
}

/* Records depth D for the instruction starting at code-unit OFFSET,
 * queueing it when first seen.  False on a contradiction. */
static bool reach(Fn *f, int offset, int d, int *queue, int *nqueue) {
    int k = instr_at(f, offset);
    if (k < 0 || d < 0) return false;
    if (f->depth[k] >= 0) return f->depth[k] == d;
    f->depth[k] = d;
    queue[(*nqueue)++] = k;
    if (d > f->maxdepth) f->maxdepth = d;
    return true;
}

/* Computes f->depth and f->maxdepth by following every path from the
 * entry and into every exception handler.  Returns NULL, or why the
 * stack cannot be followed statically (the code then stays interpreted). */
const char *analyse_stack(Fn *f) {
    f->ncode = f->nins ? f->ins[f->nins - 1].next : 0;
    f->index_of = xcalloc((size_t)f->ncode + 1, sizeof(int));
    for (int i = 0; i <= f->ncode; i++) f->index_of[i] = -1;
    for (size_t k = 0; k < f->nins; k++) {
        f->index_of[f->ins[k].off] = (int)k;
        f->index_of[f->ins[k].start] = (int)k;
    }
    f->depth = xcalloc(f->nins + 1, sizeof(int));
    for (size_t k = 0; k < f->nins; k++) f->depth[k] = -1;
    int *queue = xcalloc(f->nins + 1, sizeof(int));
    int nqueue = 0;
    const char *why = NULL;
    f->maxdepth = 0;
    if (f->nins && !reach(f, f->ins[0].start, 0, queue, &nqueue)) why = "stack depth";
    while (!why && nqueue) {
        int k = queue[--nqueue];
        const Instr *in = &f->ins[k];
        int d = f->depth[k];
        bool falls;
        int target = jump_target(in, &falls);
        if (target >= 0 && !reach(f, target, d + stack_effect(in, true), queue, &nqueue))
            why = "stack depth";
        if (falls && (size_t)k + 1 < f->nins &&
            !reach(f, in->next, d + stack_effect(in, false), queue, &nqueue))
            why = "stack depth";
        int h = handler_for(f, in->off);
        if (h >= 0 &&
            !reach(f, f->exc[h].target, f->exc[h].depth + f->exc[h].lasti + 1, queue, &nqueue))
            why = "stack depth";
        if (h >= 0 && d < f->exc[h].depth) why = "stack depth";
    }
    if (!why && f->maxdepth > f->co->co_stacksize) why = "stack depth";
    f->entered = xcalloc(f->nins + 1, sizeof(bool));
    for (size_t k = 0; k < f->nins; k++) {
        bool falls;
        int target = instr_at(f, jump_target(&f->ins[k], &falls));
        if (target >= 0) f->entered[target] = true;
    }
    for (size_t h = 0; h < f->nexc; h++) {
        int target = instr_at(f, f->exc[h].target);
        if (target >= 0) f->entered[target] = true;
    }
    free(queue);
    f->labels = xcalloc(((size_t)f->nexc + 1) * ((size_t)f->maxdepth + 1), 1);
    return why;
}

const Instr *callee_load_for(const Fn *f, const Instr *use) {
    size_t u = (size_t)(use - f->ins);
    if (use->op != CALL || f->depth[u] < 0) return NULL;
    /* the callee is in slot M+1 (with self or NULL in slot M): LOAD_METHOD
     * replaced the object in slot M by the method and self, LOAD_GLOBAL
     * with its low bit set pushed NULL and the global from depth M; the
     * arguments are evaluated above them and never reach below */
    int m = f->depth[u] - use->arg - 2;
    for (size_t k = u; k-- > 0;) {
        if (f->entered[k + 1] || f->depth[k] < 0) return NULL;
        const Instr *in = &f->ins[k];
        if (f->depth[k] <= m + 1) {
            if (f->depth[k] == m + 1 && in->op == LOAD_METHOD) return in;
            if (f->depth[k] == m && in->op == LOAD_GLOBAL && (in->arg & 1)) return in;
            return NULL;
        }
        if (f->depth[k] + stack_effect(in, false) < m + 2) return NULL;
    }
    return NULL;
}

/* The C lvalue of the stack slot at depth K. */
const char *slot(Fn *f, int k) {
    static char ring[64][24];
    static unsigned next;
    char *b = ring[next++ % 64];
    if (k < 0 || k >= f->maxdepth) internal_error(__FILE__, __LINE__, "stack slot out of range");
    snprintf(b, sizeof ring[0], "s%d", k);
    return b;
}

/* Copies the slots [FROM, TO) to the frame's stack, for a helper that
 * takes them as an array (stackbase + FROM) or a suspension. */
void spill(Fn *f, int from, int to) {
    for (int k = from; k < to; k++) sb_printf(f->out, "    stackbase[%d] = s%d;\n", k, k);
}

/* The reverse of spill, after a helper wrote results there or on
 * resumption. */
void reload(Fn *f, int from, int to) {
    for (int k = from; k < to; k++) sb_printf(f->out, "    s%d = stackbase[%d];\n", k, k);
}

unsigned char *label_row(Fn *f, int h) {
    return &f->labels[(size_t)(h + 1) * ((size_t)f->maxdepth + 1)];
}

const char *handler_name(int h, char buf[16]) {
    if (h < 0)
        snprintf(buf, 16, "x");
    else
        snprintf(buf, 16, "%d", h);
    return buf;
}

/* The label for an error at OFFSET with the current depth's slots live
 * (owned references or NULL): err_K_D records the traceback, unwind_K_D
 * does not (re-raise); both release the slots down to the depth of
 * handler K ("x": none, the frame is left) and enter it. */
const char *err_at(Fn *f, int offset, bool unwind) {
    static char ring[16][40];
    static unsigned next;
    char *b = ring[next++ % 16];
    int h = handler_for(f, offset);
    if (f->sp > f->maxdepth || (h >= 0 && f->sp < f->exc[h].depth))
        internal_error(__FILE__, __LINE__, "error below the handler's stack depth");
    label_row(f, h)[f->sp] |= unwind ? UNWIND_USED : ERR_USED;
    char name[16];
    snprintf(b, sizeof ring[0], "%s_%s_%d", unwind ? "unwind" : "err", handler_name(h, name),
             f->sp);
    return b;
}

/* The local a STORE_FAST, DELETE_FAST, MAKE_CELL binds or unbinds, with
 * *FROM..*TO the range COPY_FREE_VARS binds; false for other opcodes. */
static bool binds_locals(const Fn *f, const Instr *in, int *from, int *to) {
    switch (in->op) {
    case STORE_FAST:
    case DELETE_FAST:
    case MAKE_CELL: *from = in->arg, *to = in->arg + 1; return true;
    case COPY_FREE_VARS: *to = f->co->co_nlocalsplus, *from = *to - in->arg; return true;
    default: return false;
    }
}

/* Definite assignment, as 3.12's compiler decides LOAD_FAST against
 * LOAD_FAST_CHECK: a local is bound before instruction K when every path
 * from the entry (into handlers too) binds it (the call binds the
 * parameters; STORE_FAST, MAKE_CELL, COPY_FREE_VARS bind; DELETE_FAST
 * unbinds) and a LOAD_FAST or LOAD_CLOSURE of it needs no NULL check.
 * Bit sets per instruction, intersected where paths meet, iterated to a
 * fixed point. */
void find_unbound_loads(Fn *f) {
    PyCodeObject *co = f->co;
    int nlocals = co->co_nlocalsplus;
    int nparams = co->co_argcount + co->co_kwonlyargcount + !!(co->co_flags & CO_VARARGS) +
                  !!(co->co_flags & CO_VARKEYWORDS);
    size_t words = (size_t)nlocals / 64 + 1;
    f->check_load = xcalloc(f->nins + 1, sizeof(bool));
    if (f->nins == 0) return;
    uint64_t *in_set = xcalloc(f->nins * words, sizeof(uint64_t));
    uint64_t *cur = xcalloc(words, sizeof(uint64_t));
    bool *seen = xcalloc(f->nins, sizeof(bool));
    int *queue = xcalloc(f->nins + 1, sizeof(int));
    bool *queued = xcalloc(f->nins, sizeof(bool));
    int nqueue = 0;
    for (int i = 0; i < nparams && i < nlocals; i++) in_set[i / 64] |= (uint64_t)1 << (i % 64);
    seen[0] = queued[0] = true;
    queue[nqueue++] = 0;
    while (nqueue) {
        int k = queue[--nqueue];
        queued[k] = false;
        const Instr *in = &f->ins[k];
        uint64_t *before = &in_set[(size_t)k * words];
        memcpy(cur, before, words * sizeof(uint64_t));
        int from, to;
        if (binds_locals(f, in, &from, &to))
            for (int i = from; i < to && i < nlocals; i++) {
                uint64_t bit = (uint64_t)1 << (i % 64);
                if (in->op == DELETE_FAST)
                    cur[i / 64] &= ~bit;
                else
                    cur[i / 64] |= bit;
            }
        /* successors: the next instruction, the jump target (both with
         * the instruction's effect), the handler (with the state before
         * it: an instruction that raises has not bound anything) */
        int succ[3], nsucc = 0;
        const uint64_t *state[3];
        bool falls;
        int target = instr_at(f, jump_target(in, &falls));
        if (falls && (size_t)k + 1 < f->nins) succ[nsucc] = k + 1, state[nsucc++] = cur;
        if (target >= 0) succ[nsucc] = target, state[nsucc++] = cur;
        int h = handler_for(f, in->off);
        int handler = h >= 0 ? instr_at(f, f->exc[h].target) : -1;
        if (handler >= 0) succ[nsucc] = handler, state[nsucc++] = before;
        for (int n = 0; n < nsucc; n++) {
            int s = succ[n];
            uint64_t *into = &in_set[(size_t)s * words];
            bool changed = false;
            if (!seen[s]) {
                memcpy(into, state[n], words * sizeof(uint64_t));
                seen[s] = changed = true;
            } else {
                for (size_t w = 0; w < words; w++) {
                    uint64_t meet = into[w] & state[n][w];
                    if (meet != into[w]) into[w] = meet, changed = true;
                }
            }
            if (changed && !queued[s]) {
                queued[s] = true;
                queue[nqueue++] = s;
            }
        }
    }
    for (size_t k = 0; k < f->nins; k++) {
        const Instr *in = &f->ins[k];
        if (in->op != LOAD_FAST && in->op != LOAD_CLOSURE) continue;
        int i = in->arg;
        f->check_load[k] = !seen[k] || i >= nlocals ||
                           !(in_set[k * words + (size_t)i / 64] & ((uint64_t)1 << (i % 64)));
    }
    free(queued);
    free(queue);
    free(seen);
    free(cur);
    free(in_set);
}

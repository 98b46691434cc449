/* xl_fn.h - what the parts of the translator share about the code object
 * being translated (internal to translate.c, xl_stack.c, xl_instr.c). */
#ifndef XL_FN_H
#define XL_FN_H

#include "bytecode.h"
#include "util.h"

#include <Python.h>
#include <stdbool.h>

/* Opcode names of 3.11.2, NULL where unused. */
extern const char *const xl_opnames[256];

typedef struct {
    int off;  /* offset of the opcode (after any EXTENDED_ARG), code units */
    int next; /* offset of the following instruction (caches skipped) */
    int op;
    int arg;   /* with EXTENDED_ARG folded in */
    int start; /* offset of the first EXTENDED_ARG prefix, or off */
} Instr;

typedef struct {
    PyCodeObject *co;
    Instr *ins;
    size_t nins;
    BcHandler *exc; /* the exception table */
    size_t nexc;
    StrBuf *out;
    const char **lines; /* source lines, or NULL */
    size_t nlines;
    int ncode;     /* length of the bytecode, code units */
    int *index_of; /* [offset]: index in ins of the instruction starting there, or -1 */
    /* the value stack, known statically at each instruction */
    int *depth;            /* depth before ins[k]; -1 when unreachable */
    bool *entered;         /* ins[k] is a jump or handler target */
    int maxdepth;          /* deepest it gets */
    int sp;                /* depth at the point being emitted */
    unsigned char *labels; /* [(handler + 1) * (maxdepth + 1) + depth]: ERR_USED | UNWIND_USED */
    bool *check_load;      /* per instruction: a LOAD_FAST/LOAD_CLOSURE that must check
                            * its local for NULL (it may be unbound there) */
    unsigned char *local_hint; /* per local: the number type its stores suggest
                                * (xl_region.c), to choose what to try first */
} Fn;

enum { ERR_USED = 1, UNWIND_USED = 2 };

/* ---- xl_stack.c: the exception table and the value stack ---- */

/* The exception-table entry covering OFFSET, or -1 (ceval's
 * get_exception_handler). */
int handler_for(const Fn *f, int offset);
/* Computes f->depth and f->maxdepth (and allocates f->labels); NULL, or why
 * the stack cannot be followed statically. */
const char *analyse_stack(Fn *f);
/* The instruction that loaded what CALL instruction USE calls, when
 * straight-line code leads from one to the other: a LOAD_METHOD, or a
 * LOAD_GLOBAL of a callee (its low bit set); else NULL.  A hint for
 * choosing fast paths, which still guard what they assume. */
const Instr *callee_load_for(const Fn *f, const Instr *use);
/* Sets f->check_load by definite-assignment analysis (after
 * analyse_stack succeeded). */
void find_unbound_loads(Fn *f);
/* The C lvalue of the stack slot at depth K (a rotating buffer: valid for
 * the next 63 calls). */
const char *slot(Fn *f, int k);
/* Frame-stack copies of slots [FROM, TO) for helpers taking arrays and
 * suspensions, and back. */
void spill(Fn *f, int from, int to);
void reload(Fn *f, int from, int to);
/* The ERR_USED / UNWIND_USED marks of handler H's labels, by depth. */
unsigned char *label_row(Fn *f, int h);
/* Handler H's name in labels: its index, or "x" (none: the frame is left)
 * for -1; written to BUF. */
const char *handler_name(int h, char buf[16]);
/* The label for an error at OFFSET with f->sp slots live: err_H_D, or
 * unwind_H_D (no traceback entry) when UNWIND; marks it used. */
const char *err_at(Fn *f, int offset, bool unwind);

/* ---- xl_instr.c ---- */

/* Emits the label(s) of instruction IN, with its name as a comment. */
void emit_label(Fn *f, const Instr *in);
/* Emits the block of instruction IN (after its label), entered with f->sp
 * at its depth; NEXT is the instruction after it, or NULL. */
void emit_instr(Fn *f, const Instr *in, const Instr *next);
/* Whether OP is POP_JUMP_{FORWARD,BACKWARD}_IF_{TRUE,FALSE}. */
bool is_truth_jump(int op);
/* The jump of truth-jump instruction J on the C int `t` (its operand
 * already popped, f->sp the depth after it); AT is the offset the
 * instruction doing the jump records. */
void emit_jump_on_truth(Fn *f, const Instr *j, int at);
/* The constant (borrowed) LOAD_CONST instruction IN leaves unreferenced in
 * its slot for the operation right after it to take as its right operand,
 * or NULL when it pushes a reference as usual. */
PyObject *const_right_operand(const Fn *f, const Instr *in);

/* ---- xl_region.c: numeric regions run on unboxed values ---- */

/* Sets f->local_hint (after find_unbound_loads). */
void find_local_hints(Fn *f);
/* When a numeric region starts at index K, emits its unboxed fast path
 * (after K's label) and returns its number of instructions, else returns
 * 0.  The fast path leaves to the instructions' own blocks, which the
 * caller emits next, at the label r_OFF (OFF the offset of instruction
 * K); on success it jumps past them. */
size_t emit_region(Fn *f, size_t k);

#endif

/* xl_region.c - numeric regions: straight-line arithmetic run on unboxed
 * C values.
 *
 * A region is a run of instructions inside one basic block made only of
 * LOAD_FAST, LOAD_CONST (an int below 2**60 or a float), LOAD_GLOBAL
 * (not of a callee), LOAD_ATTR of a
 * local's object, BINARY_SUBSCR of a local list or tuple (or of an item
 * of one), BINARY_OP (the operators of supported_operator),
 * UNARY_NEGATIVE, and at its end a COMPARE_OP or a STORE_FAST of the last
 * result.  Besides the locals it reads, it may consume values already on
 * the stack ("inputs": the result of a call, say).  Until its final store
 * nothing in it has an effect anyone can see, so it can be tried on
 * unboxed values first: the generated code checks the operand types,
 * computes in C doubles or 64-bit ints, and boxes only what leaves the
 * region, often into an object nobody else refers to any more (the
 * local's old value, a dying input, the list item being replaced).
 * Globals and attributes are read only where their instruction's cache
 * knows them (for attributes: as instance values), items only of exact
 * lists and tuples in range: reading them runs nothing.  Up to three variants are tried, each
 * giving every local, input, attribute and item a type: the one the locals' hints suggest, all
 * float, all int (constants keep their own type).  Anything else, and every case Python treats
 * specially (division by zero, an int result beyond 64 bits, an int beyond 2**53 meeting a float,
 * allocation failure) leaves the fast path before it has changed anything, for the instructions'
 * ordinary blocks, which start again from the same state and do what CPython does, raising
 * included. */
#include "xl_fn.h"

#include <math.h>
#include <opcode.h>
#include <string.h>

enum { MAX_NODES = 40 };

/* N_ATTR: an attribute of a local's object (left: that N_LOCAL, an
 * owner), read in the fast path only where the LOAD_ATTR's cache says it
 * is a plain instance value.  N_ITEM: an item of an exact list or tuple
 * (left: the container, an N_LOCAL or N_ITEM owner; right: the int
 * index, any node), c[i] with i in range.  N_GLOBAL: a module global
 * (or builtin) read where the LOAD_GLOBAL's cache says it is. */
typedef enum {
    N_LOCAL,
    N_CONST,
    N_INPUT,
    N_GLOBAL,
    N_ATTR,
    N_ITEM,
    N_BINARY,
    N_NEGATE,
    N_COMPARE
} NodeKind;
/* T_UNKNOWN only in hints: a variant gives every leaf a type. */
typedef enum { T_INT, T_FLOAT, T_BOOL, T_INVALID, T_UNKNOWN } NodeType;

typedef struct {
    NodeKind kind;
    int arg;         /* local index, constant index, input's slot depth, operator */
    int left, right; /* operand nodes */
    size_t ins;      /* the instruction that makes it */
    bool consumed;   /* an operand of another node, or stored */
    bool owner;      /* an N_LOCAL or N_ITEM whose attribute or item is read: an
                      * object, not itself a number */
} Node;

typedef struct {
    size_t first, end; /* instructions [first, end) */
    int base;          /* depth of the lowest slot the region touches */
    Node node[MAX_NODES];
    int nnodes;
    int out[MAX_NODES]; /* nodes left on the stack, in slots base, base+1, ... */
    int nout;
    int store;         /* the local STORE_FAST writes, or -1 */
    int stored;        /* the node it stores */
    const Instr *jump; /* the truth jump after a final COMPARE_OP, taken by the fast path */
    int item;          /* in `c[i] op= ...`, the depth of c's slot (i's is next, the item's the
                        * region's lowest input), else -1 */
} Region;

/* The binary operators a region computes (in place or not). */
static bool supported_operator(int oparg) {
    switch (oparg) {
    case NB_ADD:
    case NB_SUBTRACT:
    case NB_MULTIPLY:
    case NB_TRUE_DIVIDE:
    case NB_FLOOR_DIVIDE:
    case NB_REMAINDER:
    case NB_AND:
    case NB_OR:
    case NB_XOR:
    case NB_LSHIFT:
    case NB_RSHIFT:
    case NB_INPLACE_ADD:
    case NB_INPLACE_SUBTRACT:
    case NB_INPLACE_MULTIPLY:
    case NB_INPLACE_TRUE_DIVIDE:
    case NB_INPLACE_FLOOR_DIVIDE:
    case NB_INPLACE_REMAINDER:
    case NB_INPLACE_AND:
    case NB_INPLACE_OR:
    case NB_INPLACE_XOR:
    case NB_INPLACE_LSHIFT:
    case NB_INPLACE_RSHIFT: return true;
    default: return false;
    }
}

/* The operator without its in-place flavour (the same for exact ints and
 * floats, which have no in-place methods). */
static int plain_operator(int oparg) {
    return oparg >= NB_INPLACE_ADD ? oparg - (NB_INPLACE_ADD - NB_ADD) : oparg;
}

/* Whether constant C can be a leaf: an exact float, or an exact int below
 * 2**60; *IVAL gets an int's value. */
static bool leaf_constant(PyObject *c, long long *ival) {
    if (PyFloat_CheckExact(c)) return true;
    if (!PyLong_CheckExact(c)) return false;
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(c, &overflow);
    if (overflow || v >= (1LL << 60) || v <= -(1LL << 60)) {
        PyErr_Clear();
        return false;
    }
    *ival = v;
    return true;
}

static bool is_operation(NodeKind k) { return k == N_BINARY || k == N_NEGATE || k == N_COMPARE; }

/* Whether node N takes its type from the variant: a local, input,
 * attribute or item that is not an owner. */
static bool is_leaf(const Node *n) {
    return !n->owner && (n->kind == N_LOCAL || n->kind == N_INPUT || n->kind == N_GLOBAL ||
                         n->kind == N_ATTR || n->kind == N_ITEM);
}

/* Follows the instructions from index K, at most up to index LIMIT, as a
 * region: R gets its nodes; returns the index after the last instruction
 * that computes something (so that loads left over at the end are not
 * part of it), or K when there is none. */
static size_t scan(const Fn *f, size_t k, size_t limit, Region *r) {
    int stack[MAX_NODES], sp = 0;
    size_t last = k;
    memset(r, 0, sizeof *r);
    r->first = k;
    r->base = f->depth[k];
    r->store = -1;
    r->item = -1;
    for (size_t j = k; j < limit && j < f->nins && r->nnodes < MAX_NODES - 2; j++) {
        const Instr *in = &f->ins[j];
        if (f->depth[j] < 0 || (j > k && f->entered[j])) break;
        Node n = {.ins = j, .left = -1, .right = -1, .arg = in->arg};
        int arity = 0;
        long long ival;
        switch (in->op) {
        case LOAD_FAST: n.kind = N_LOCAL; break;
        case LOAD_GLOBAL:
            /* a global pushed with a NULL is a callee */
            if (in->arg & 1) goto done;
            n.kind = N_GLOBAL;
            break;
        case LOAD_ATTR:
            /* obj.name, obj a local: a leaf */
            if (sp == 0 || r->node[stack[sp - 1]].kind != N_LOCAL) goto done;
            n.kind = N_ATTR;
            n.left = stack[--sp];
            r->node[n.left].consumed = r->node[n.left].owner = true;
            break;
        case BINARY_SUBSCR: {
            /* c[i], c a local or an item itself */
            if (sp < 2) goto done;
            Node *c = &r->node[stack[sp - 2]];
            if ((c->kind != N_LOCAL && c->kind != N_ITEM) || c->consumed) goto done;
            n.kind = N_ITEM;
            n.right = stack[--sp];
            n.left = stack[--sp];
            r->node[n.right].consumed = true;
            c->consumed = c->owner = true;
            break;
        }
        case LOAD_CONST:
            if (!leaf_constant(PyTuple_GET_ITEM(f->co->co_consts, in->arg), &ival)) goto done;
            n.kind = N_CONST;
            break;
        case BINARY_OP:
            if (!supported_operator(in->arg)) goto done;
            n.kind = N_BINARY;
            arity = 2;
            break;
        case UNARY_NEGATIVE:
            n.kind = N_NEGATE;
            arity = 1;
            break;
        case COMPARE_OP:
            n.kind = N_COMPARE;
            arity = 2;
            break;
        case STORE_FAST:
            if (sp == 0 || !is_operation(r->node[stack[sp - 1]].kind) ||
                r->node[stack[sp - 1]].kind == N_COMPARE)
                goto done;
            r->stored = stack[--sp];
            r->node[r->stored].consumed = true;
            r->store = in->arg;
            last = j + 1;
            goto done;
        default: goto done;
        }
        /* operands come off the symbolic stack, or below it off the real one */
        int operand[2];
        for (int a = arity - 1; a >= 0; a--) {
            if (sp > 0) {
                operand[a] = stack[--sp];
            } else {
                Node input = {.kind = N_INPUT, .arg = --r->base, .left = -1, .right = -1, .ins = j};
                operand[a] = r->nnodes;
                r->node[r->nnodes++] = input;
            }
            r->node[operand[a]].consumed = true;
        }
        if (arity > 0) n.left = operand[0];
        if (arity > 1) n.right = operand[1];
        stack[sp++] = r->nnodes;
        r->node[r->nnodes++] = n;
        if (arity > 0) last = j + 1;
        if (n.kind == N_COMPARE) break; /* a bool ends the arithmetic */
    }
done:
    memcpy(r->out, stack, (size_t)sp * sizeof stack[0]);
    r->nout = sp;
    r->end = last;
    return last;
}

/* The type of an operation of KIND (N_NEGATE, N_COMPARE or N_BINARY with
 * operator OPARG) on values of types L and R: T_INVALID when it is not
 * computed for them, T_UNKNOWN when that depends on operands of unknown
 * type (only in hints). */
static NodeType op_type(NodeKind kind, int oparg, NodeType l, NodeType r) {
    if (l == T_BOOL || r == T_BOOL) return T_INVALID;
    if (kind == N_NEGATE) return l;
    if (kind == N_COMPARE) return oparg > Py_GE ? T_INVALID : T_BOOL;
    switch (plain_operator(oparg)) {
    case NB_ADD:
    case NB_SUBTRACT:
    case NB_MULTIPLY:
        if (l == T_FLOAT || r == T_FLOAT) return T_FLOAT;
        return l == T_INT && r == T_INT ? T_INT : T_UNKNOWN;
    case NB_TRUE_DIVIDE: return T_FLOAT;
    default:
        /* // % & | ^ << >>: ints only */
        if (l == T_FLOAT || r == T_FLOAT) return T_INVALID;
        return l == T_INT && r == T_INT ? T_INT : T_UNKNOWN;
    }
}

/* The type of each node when the leaves (see is_leaf) have the types LEAF
 * gives them (by node), written to TYPE; false when some operation is not
 * computed for those types or an index is not an int. */
static bool assign_types(const Fn *f, const Region *r, const NodeType *leaf, NodeType *type) {
    for (int i = 0; i < r->nnodes; i++) {
        const Node *n = &r->node[i];
        switch (n->kind) {
        case N_LOCAL:
        case N_INPUT:
        case N_GLOBAL:
        case N_ATTR: type[i] = n->owner ? T_UNKNOWN : leaf[i]; break;
        case N_ITEM:
            /* ints index */
            if (type[n->right] != T_INT && type[n->right] != T_UNKNOWN) return false;
            type[i] = n->owner ? T_UNKNOWN : leaf[i];
            break;
        case N_CONST:
            type[i] =
                PyFloat_CheckExact(PyTuple_GET_ITEM(f->co->co_consts, n->arg)) ? T_FLOAT : T_INT;
            break;
        default:
            type[i] =
                op_type(n->kind, n->arg, type[n->left], n->right >= 0 ? type[n->right] : T_INVALID);
            break;
        }
        if (type[i] == T_INVALID) return false;
    }
    return true;
}

/* The input node in R's lowest slot, or -1 when it has no inputs. */
static int lowest_input(const Region *r) {
    for (int i = 0; i < r->nnodes; i++)
        if (r->node[i].kind == N_INPUT && r->node[i].arg == r->base) return i;
    return -1;
}

/* Whether R's one result is stored next by SWAP 3, SWAP 2, STORE_SUBSCR
 * into c[i], c and i being the two slots below it: the code of
 * `c[i] op= ...`, whose item c[i] is then usually the region's lowest
 * input (p2w_item_reusable checks that it is, when the code runs). */
static bool item_update(const Fn *f, const Region *r) {
    if (r->nout != 1 || r->store >= 0 || r->jump || r->end + 3 > f->nins || r->base < 2)
        return false;
    const Instr *after = &f->ins[r->end];
    return after[0].op == SWAP && after[0].arg == 3 && after[1].op == SWAP && after[1].arg == 2 &&
           after[2].op == STORE_SUBSCR && lowest_input(r) >= 0;
}

/* The shape of a region starting at index K, in R, whatever the types
 * of its values; false when none starts there. */
static bool region_shape(const Fn *f, size_t k, Region *r) {
    const Instr *in = &f->ins[k];
    if (in->op != LOAD_FAST && in->op != LOAD_CONST && in->op != LOAD_GLOBAL &&
        in->op != BINARY_OP && in->op != UNARY_NEGATIVE && in->op != COMPARE_OP)
        return false;
    /* an operation whose constant operand is in its slot unreferenced
     * (const_right_operand) belongs to the region of that LOAD_CONST */
    if (k > 0 && const_right_operand(f, &f->ins[k - 1])) return false;
    size_t end = scan(f, k, f->nins, r);
    if (end == k) return false;
    /* again without the loads at the end */
    scan(f, k, end, r);
    /* a first load nothing in the region uses belongs before it */
    if (!r->node[0].consumed) return false;
    size_t last = r->end - 1;
    if (f->ins[last].op == COMPARE_OP && r->store < 0 && last + 1 < f->nins &&
        is_truth_jump(f->ins[last + 1].op))
        r->jump = &f->ins[last + 1];
    if (item_update(f, r)) r->item = r->base - 2;
    return true;
}

enum { MAX_VARIANTS = 3 };

/* What the hints say node N holds: its local's hint, else T_UNKNOWN. */
static NodeType hint_of(const Fn *f, const Node *n) {
    return n->kind == N_LOCAL ? (NodeType)f->local_hint[n->arg] : T_UNKNOWN;
}

/* The variants of R worth trying, most likely first: the leaf types of
 * each (by node) in LEAF; returns how many.  First the types the local
 * hints suggest (leaves without one taking float when the region computes
 * with floats, else int), then all float, then all int. */
static int variants(const Fn *f, const Region *r, NodeType leaf[MAX_VARIANTS][MAX_NODES]) {
    NodeType type[MAX_NODES];
    bool floats = false, leaves = false;
    for (int i = 0; i < r->nnodes; i++) {
        const Node *n = &r->node[i];
        if (!n->owner && n->consumed && hint_of(f, n) == T_FLOAT) floats = true;
        if (n->kind == N_CONST && PyFloat_CheckExact(PyTuple_GET_ITEM(f->co->co_consts, n->arg)))
            floats = true;
        if (n->kind == N_BINARY && plain_operator(n->arg) == NB_TRUE_DIVIDE) floats = true;
        if (is_leaf(n)) leaves |= n->consumed;
    }
    NodeType cand[MAX_VARIANTS][MAX_NODES];
    for (int i = 0; i < r->nnodes; i++) {
        NodeType hint = hint_of(f, &r->node[i]);
        cand[0][i] = hint != T_UNKNOWN ? hint : floats ? T_FLOAT : T_INT;
        cand[1][i] = T_FLOAT;
        cand[2][i] = T_INT;
    }
    int count = 0;
    for (int c = 0; c < MAX_VARIANTS; c++) {
        bool seen = false;
        for (int d = 0; d < count && !seen; d++)
            seen = memcmp(leaf[d], cand[c], (size_t)r->nnodes * sizeof cand[c][0]) == 0;
        if (seen || !assign_types(f, r, cand[c], type)) continue;
        memcpy(leaf[count++], cand[c], sizeof cand[c]);
        /* with nothing to check, the first always applies */
        if (!leaves) break;
    }
    return count;
}

/* ---- hints: which locals hold ints or floats ----
 * Only for choosing variants: each is checked when the code runs. */

/* The name of the global the call CALL instruction K makes, when it
 * calls one (LOAD_GLOBAL with its NULL), else NULL. */
static const char *called_global(const Fn *f, size_t k) {
    if (f->ins[k].op != CALL || f->depth[k] < 0) return NULL;
    int target = f->depth[k] - f->ins[k].arg - 2;
    size_t j = k;
    while (j > 0 && f->depth[j] > target) j--;
    const Instr *in = &f->ins[j];
    if (f->depth[j] != target || in->op != LOAD_GLOBAL || !(in->arg & 1)) return NULL;
    return PyUnicode_AsUTF8(PyTuple_GET_ITEM(f->co->co_names, in->arg >> 1));
}

/* What STORE_FAST instruction K stores, as far as the instructions just
 * before it tell: an int or float constant, the int of a `for` over
 * range(), or the index of one over enumerate(). */
static NodeType stored_type(const Fn *f, size_t k) {
    if (k == 0) return T_UNKNOWN;
    const Instr *prev = &f->ins[k - 1];
    if (prev->op == LOAD_CONST) {
        PyObject *c = PyTuple_GET_ITEM(f->co->co_consts, prev->arg);
        long long v;
        if (PyFloat_CheckExact(c)) return T_FLOAT;
        return leaf_constant(c, &v) ? T_INT : T_UNKNOWN;
    }
    /* FOR_ITER after GET_ITER after CALL: `for x in range(...)`, and
     * `for i, x in enumerate(...)` with its UNPACK_SEQUENCE 2 */
    size_t loop =
        prev->op == FOR_ITER ? k - 1
        : prev->op == UNPACK_SEQUENCE && prev->arg == 2 && k >= 2 && f->ins[k - 2].op == FOR_ITER
            ? k - 2
            : 0;
    if (loop < 2 || f->ins[loop - 1].op != GET_ITER) return T_UNKNOWN;
    const char *callee = called_global(f, loop - 2);
    if (callee == NULL) return T_UNKNOWN;
    if (loop == k - 1) return strcmp(callee, "range") == 0 ? T_INT : T_UNKNOWN;
    return strcmp(callee, "enumerate") == 0 ? T_INT : T_UNKNOWN;
}

/* Adds that local X is stored a value of type T to the hints being
 * made (SEEN: a type stored so far, T_INVALID when two disagreed). */
static void note_store(unsigned char *seen, int x, NodeType t) {
    if (t != T_INT && t != T_FLOAT) return;
    if (seen[x] == T_UNKNOWN)
        seen[x] = (unsigned char)t;
    else if (seen[x] != t)
        seen[x] = T_INVALID;
}

void find_local_hints(Fn *f) {
    int n = f->co->co_nlocalsplus;
    size_t size = n > 0 ? (size_t)n : 1;
    f->local_hint = xmalloc(size);
    memset(f->local_hint, T_UNKNOWN, size);
    unsigned char *seen = xmalloc(size);
    NodeType leaf[MAX_NODES], type[MAX_NODES];
    Region r;
    /* the type a region stores depends on the hints of the locals it reads:
     * a few rounds reach what a loop's accumulators hold */
    for (int round = 0; round < 3; round++) {
        memset(seen, T_UNKNOWN, size);
        for (size_t k = 0; k < f->nins; k++) {
            if (f->depth[k] < 0) continue;
            if (region_shape(f, k, &r)) {
                if (r.store >= 0) {
                    for (int i = 0; i < r.nnodes; i++) leaf[i] = hint_of(f, &r.node[i]);
                    if (assign_types(f, &r, leaf, type)) note_store(seen, r.store, type[r.stored]);
                }
                k = r.end - 1;
                continue;
            }
            if (f->ins[k].op == STORE_FAST) note_store(seen, f->ins[k].arg, stored_type(f, k));
        }
        bool changed = false;
        for (int x = 0; x < n; x++) {
            unsigned char h = seen[x] == T_INVALID ? T_UNKNOWN : seen[x];
            changed |= h != f->local_hint[x];
            f->local_hint[x] = h;
        }
        if (!changed) break;
    }
    free(seen);
}

/* ---- emitting ---- */

static const char *c_type(NodeType t) {
    return t == T_FLOAT ? "double" : t == T_INT ? "long long" : "int";
}

/* The C expression of a value of node N (of type T) as a double; emits
 * the range check an int needs first (beyond 2**53 Python converts with
 * rounding rules of its own, so those take the ordinary path). */
static const char *as_double(Fn *f, const Region *r, int n, const NodeType *type, char buf[32]) {
    if (type[n] == T_FLOAT) {
        snprintf(buf, 32, "u%d", n);
        return buf;
    }
    sb_printf(f->out,
              "        if (u%d < -P2W_EXACT_DOUBLE_INT || u%d > P2W_EXACT_DOUBLE_INT) goto r_%d;\n",
              n, n, f->ins[r->first].off);
    snprintf(buf, 32, "(double)u%d", n);
    return buf;
}

static const char *compare_c(int op) {
    static const char *const c[] = {"<", "<=", "==", "!=", ">", ">="};
    return c[op];
}

static const char *double_c(int op) {
    switch (op) {
    case NB_ADD: return "+";
    case NB_SUBTRACT: return "-";
    case NB_MULTIPLY: return "*";
    default: return "/";
    }
}

/* The C function that checks an object holds a value of type T. */
static const char *type_check(NodeType t) {
    return t == T_FLOAT ? "PyFloat_CheckExact" : "p2w_is_int60";
}

/* Emits u<N>, node N's value of type T, unboxed from object SRC (which
 * type_check accepted). */
static void emit_unbox(Fn *f, int n, NodeType t, const char *src) {
    if (t == T_FLOAT)
        sb_printf(f->out, "        double u%d = PyFloat_AS_DOUBLE(%s);\n", n, src);
    else
        sb_printf(f->out, "        long long u%d = p2w_int60_value(%s);\n", n, src);
}

/* The C expression of node N's object (a leaf's, or a container's). */
static void leaf_source(Fn *f, const Region *r, int n, char src[32]) {
    const Node *nd = &r->node[n];
    if (nd->kind == N_LOCAL)
        snprintf(src, 32, "localsplus[%d]", nd->arg);
    else if (nd->kind == N_INPUT)
        snprintf(src, 32, "%s", slot(f, nd->arg));
    else
        snprintf(src, 32, "a%d", n);
}

/* Emits node N's computation into u<N>; OTHER is the label of what to try
 * when an item turns out to be of another type. */
static void emit_node(Fn *f, const Region *r, int n, const NodeType *type, const char *other) {
    StrBuf *o = f->out;
    const Node *nd = &r->node[n];
    int off = f->ins[r->first].off;
    const char *ct = c_type(type[n]);
    char lb[32], rb[32];
    switch (nd->kind) {
    case N_LOCAL:
    case N_INPUT:
    case N_GLOBAL:
    case N_ATTR: {
        if (nd->owner) break;
        char src[32];
        leaf_source(f, r, n, src);
        emit_unbox(f, n, type[n], src);
        break;
    }
    case N_ITEM: {
        /* out of range, or not a list or tuple: the general subscript
         * raises or runs __getitem__ */
        char container[32], item[32];
        leaf_source(f, r, nd->left, container);
        leaf_source(f, r, n, item);
        bool number = !nd->owner && nd->consumed;
        sb_printf(o, "        if (!p2w_item_peek(%s, u%d, &%s)", container, nd->right, item);
        if (number) sb_printf(o, " || !%s(%s)", type_check(type[n]), item);
        sb_printf(o, ") goto %s;\n", other);
        if (number) emit_unbox(f, n, type[n], item);
        break;
    }
    case N_CONST: {
        PyObject *c = PyTuple_GET_ITEM(f->co->co_consts, nd->arg);
        if (type[n] == T_INT) {
            sb_printf(o, "        long long u%d = %lldLL;\n", n, PyLong_AsLongLong(c));
        } else if (isfinite(PyFloat_AS_DOUBLE(c))) {
            sb_printf(o, "        double u%d = %a; /* %.17g */\n", n, PyFloat_AS_DOUBLE(c),
                      PyFloat_AS_DOUBLE(c));
        } else {
            sb_printf(o, "        double u%d = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(consts, %d));\n",
                      n, nd->arg);
        }
        break;
    }
    case N_NEGATE:
        if (type[n] == T_INT)
            sb_printf(o, "        if (u%d == LLONG_MIN) goto r_%d;\n", nd->left, off);
        sb_printf(o, "        %s u%d = -u%d;\n", ct, n, nd->left);
        break;
    case N_COMPARE: {
        const char *a, *b;
        if (type[nd->left] == T_INT && type[nd->right] == T_INT) {
            snprintf(lb, sizeof lb, "u%d", nd->left);
            snprintf(rb, sizeof rb, "u%d", nd->right);
            a = lb;
            b = rb;
        } else {
            a = as_double(f, r, nd->left, type, lb);
            b = as_double(f, r, nd->right, type, rb);
        }
        sb_printf(o, "        int u%d = %s %s %s;\n", n, a, compare_c(nd->arg), b);
        break;
    }
    case N_BINARY: {
        int op = plain_operator(nd->arg);
        if (type[n] == T_INT) {
            sb_printf(o,
                      "        long long u%d;\n"
                      "        if (!p2w_i64_op(u%d, u%d, %d, &u%d)) goto r_%d;\n",
                      n, nd->left, nd->right, op, n, off);
            break;
        }
        const char *a = as_double(f, r, nd->left, type, lb);
        const char *b = as_double(f, r, nd->right, type, rb);
        /* division by zero raises */
        if (op == NB_TRUE_DIVIDE) sb_printf(o, "        if (%s == 0.0) goto r_%d;\n", b, off);
        sb_printf(o, "        double u%d = %s %s %s;\n", n, a, double_c(op), b);
        break;
    }
    }
}

/* The guard of the variant with leaf types LEAF: the C condition under
 * which every local and input the region computes with has its type, and
 * every local it pushes as it is is bound. */
static void emit_guard(Fn *f, const Region *r, const NodeType *leaf) {
    StrBuf *o = f->out;
    bool any = false;
    sb_puts(o, "    if (");
    for (int i = 0; i < r->nnodes; i++) {
        const Node *n = &r->node[i];
        if (n->kind != N_LOCAL && n->kind != N_INPUT && n->kind != N_GLOBAL && n->kind != N_ATTR)
            continue;
        /* a local read twice is checked once, for its type if any read
         * computes with it; each attribute read is a site of its own */
        bool typed = n->consumed && !n->owner, earlier = false;
        for (int j = 0; j < r->nnodes && n->kind == N_LOCAL; j++) {
            const Node *m = &r->node[j];
            if (m->kind != N_LOCAL || m->arg != n->arg) continue;
            typed |= m->consumed && !m->owner;
            earlier |= j < i;
        }
        if (earlier) continue;
        bool may_be_unbound = n->kind == N_LOCAL && f->check_load[n->ins];
        const char *sep = any ? " &&\n        " : "";
        char src[32];
        leaf_source(f, r, i, src);
        if (n->kind == N_GLOBAL) {
            sb_printf(o, "%s(%s = p2w_global_peek(frame, &gc_%d)) != NULL", sep, src,
                      f->ins[n->ins].off);
            sep = " && ";
        } else if (n->kind == N_ATTR) {
            /* the cache must know where the attribute is: nothing runs */
            sb_printf(o,
                      "%s(%s = p2w_attr_peek(localsplus[%d], PyTuple_GET_ITEM(names, %d), "
                      "&ac_%d)) != NULL",
                      sep, src, r->node[n->left].arg, f->ins[n->ins].arg, f->ins[n->ins].off);
            sep = " && ";
        } else if (may_be_unbound) {
            sb_printf(o, "%s%s != NULL", sep, src);
            sep = " && ";
        } else if (!typed) {
            continue;
        }
        if (typed) sb_printf(o, "%s%s(%s)", sep, type_check(leaf[i]), src);
        any = true;
    }
    sb_puts(o, any ? ") {\n" : "1) {\n");
}

/* The input whose object output number K may take over when it is
 * dying (each input serves one output), or -1.  In `c[i] op= ...` the
 * result takes over the item's when the list holds it, too. */
static int reusable_input(const Region *r, int k) {
    if (r->item >= 0) return k == 0 ? lowest_input(r) : -1;
    int seen = 0;
    for (int i = 0; i < r->nnodes; i++) {
        if (r->node[i].kind != N_INPUT) continue;
        if (seen++ == k) return i;
    }
    return -1;
}

/* Whether R consumes values already on the stack. */
static bool has_input(const Region *r) {
    for (int i = 0; i < r->nnodes; i++)
        if (r->node[i].kind == N_INPUT) return true;
    return false;
}

/* Whether none of the NBOXED outputs takes over an input (TAKEN): then
 * the stored local alone may reuse an object the inputs refer to. */
static bool no_input_taken(const int *taken, int nboxed) {
    for (int b = 0; b < nboxed; b++)
        if (taken[b] >= 0) return false;
    return true;
}

/* Emits the variant of the fast path with leaf types LEAF (TYPE: all the
 * node types, which assign_types accepted); OTHER: see emit_node. */
static void emit_variant(Fn *f, const Region *r, const NodeType *leaf, const NodeType *type,
                         const char *other) {
    StrBuf *o = f->out;
    int off = f->ins[r->first].off;
    emit_guard(f, r, leaf);
    for (int i = 0; i < r->nnodes; i++)
        if (r->node[i].consumed || is_operation(r->node[i].kind) || r->node[i].kind == N_ITEM)
            emit_node(f, r, i, type, other);

    /* Boxing, in two steps so that failing leaves nothing changed: first
     * whatever must be allocated, then the objects taken over. */
    int boxed[MAX_NODES + 1]; /* the outputs computed here, then the stored node */
    int taken[MAX_NODES + 1]; /* the input each may take over, or -1 */
    int nboxed = 0;
    int nout = r->jump ? r->nout - 1 : r->nout; /* the jump takes the last as a C int */
    for (int k = 0; k < nout; k++)
        if (is_operation(r->node[r->out[k]].kind)) {
            taken[nboxed] = type[r->out[k]] == T_BOOL ? -1 : reusable_input(r, nboxed);
            boxed[nboxed++] = k;
        }
    bool store_reuse = r->store >= 0;
    /* a local pushed as it is must not see its object rewritten */
    for (int k = 0; k < nout; k++)
        if (r->node[r->out[k]].kind == N_LOCAL && r->node[r->out[k]].arg == r->store)
            store_reuse = false;
    for (int b = 0; b <= nboxed; b++) {
        int n;
        char target[32] = "";
        if (b < nboxed) {
            n = r->out[boxed[b]];
            if (taken[b] >= 0)
                snprintf(target, sizeof target, "%s", slot(f, r->node[taken[b]].arg));
        } else if (r->store >= 0) {
            n = r->stored;
            if (store_reuse) snprintf(target, sizeof target, "localsplus[%d]", r->store);
        } else {
            break;
        }
        if (type[n] == T_BOOL) {
            sb_printf(o, "        PyObject *b%d = Py_NewRef(u%d ? Py_True : Py_False);\n", b, n);
            continue;
        }
        sb_printf(o, "        PyObject *b%d = NULL;\n", b);
        if (target[0]) {
            /* the stored local's object may also be one of the inputs
             * (`s += f(x)` pushes s before the call), whose references
             * are released before the store, when no output takes an
             * input over */
            bool shared = b == nboxed && no_input_taken(taken, nboxed) && has_input(r);
            sb_printf(o, "        bool keep%d = p2w_%s_reusable%s(%s", b,
                      type[n] == T_FLOAT ? "float" : "int", shared ? "_sharing" : "", target);
            if (type[n] != T_FLOAT) sb_printf(o, ", u%d", n);
            const char *sep = ",\n            ";
            for (int i = 0; shared && i < r->nnodes; i++)
                if (r->node[i].kind == N_INPUT) {
                    sb_printf(o, "%s(%s == %s)", sep, slot(f, r->node[i].arg), target);
                    sep = " + ";
                }
            sb_puts(o, ")");
            if (b < nboxed && r->item >= 0) {
                /* the list's reference goes when the result is stored there */
                const char *c = slot(f, r->item), *i = slot(f, r->item + 1);
                if (type[n] == T_FLOAT)
                    sb_printf(o, " ||\n            p2w_item_reusable(%s, %s, %s)", c, i, target);
                else
                    sb_printf(
                        o,
                        " ||\n            (p2w_int_fits(%s, u%d) && p2w_item_reusable(%s, %s, %s))",
                        target, n, c, i, target);
            }
            sb_printf(o, ";\n        if (!keep%d) {\n", b);
        } else {
            sb_puts(o, "        {\n");
        }
        sb_printf(o, "            b%d = %s(u%d);\n            if (b%d == NULL) {\n", b,
                  type[n] == T_FLOAT ? "PyFloat_FromDouble" : "p2w_long_from", n, b);
        for (int p = 0; p < b; p++) sb_printf(o, "                Py_XDECREF(b%d);\n", p);
        sb_printf(o, "                goto r_%d;\n            }\n        }\n", off);
    }
    /* taking over dying inputs */
    for (int b = 0; b < nboxed; b++) {
        int n = r->out[boxed[b]];
        if (taken[b] < 0) continue;
        const char *s = slot(f, r->node[taken[b]].arg);
        sb_printf(o, "        if (keep%d) {\n", b);
        if (type[n] == T_FLOAT)
            sb_printf(o, "            ((PyFloatObject *)%s)->ob_fval = u%d;\n", s, n);
        else
            sb_printf(o, "            p2w_int_set(%s, u%d);\n", s, n);
        sb_printf(o, "            b%d = %s;\n            %s = NULL;\n        }\n", b, s, s);
    }
    /* the inputs are exact ints or floats: releasing them runs no code */
    for (int i = 0; i < r->nnodes; i++)
        if (r->node[i].kind == N_INPUT)
            sb_printf(o, "        Py_XDECREF(%s);\n", slot(f, r->node[i].arg));
    /* what stays on the stack */
    for (int k = 0, b = 0; k < nout; k++) {
        const Node *n = &r->node[r->out[k]];
        const char *s = slot(f, r->base + k);
        if (is_operation(n->kind))
            sb_printf(o, "        %s = b%d;\n", s, b++);
        else if (n->kind == N_LOCAL)
            sb_printf(o, "        %s = Py_NewRef(localsplus[%d]);\n", s, n->arg);
        else if (n->kind == N_GLOBAL || n->kind == N_ATTR || n->kind == N_ITEM)
            sb_printf(o, "        %s = Py_NewRef(a%d);\n", s, r->out[k]);
        else
            sb_printf(o, "        %s = Py_NewRef(PyTuple_GET_ITEM(consts, %d));\n", s, n->arg);
    }
    if (r->store >= 0) {
        int n = r->stored;
        int b = nboxed;
        /* releasing the old value may run a finaliser, which may look at
         * the frame */
        sb_printf(o, "        frame->prev_instr = first_instr + %d;\n", f->ins[r->end - 1].off);
        if (store_reuse) {
            sb_printf(o, "        if (keep%d) {\n", b);
            if (type[n] == T_FLOAT)
                sb_printf(o, "            ((PyFloatObject *)localsplus[%d])->ob_fval = u%d;\n",
                          r->store, n);
            else
                sb_printf(o, "            p2w_int_set(localsplus[%d], u%d);\n", r->store, n);
            sb_puts(o, "        } else {\n");
        } else {
            sb_puts(o, "        {\n");
        }
        sb_printf(o,
                  "            PyObject *old = localsplus[%d];\n"
                  "            localsplus[%d] = b%d;\n            Py_XDECREF(old);\n        }\n",
                  r->store, r->store, b);
    }
    if (r->jump) {
        const Instr *j = r->jump;
        int n = r->out[r->nout - 1];
        f->sp = r->base + r->nout - 1;
        sb_printf(o, "        int t = u%d;\n", n);
        emit_jump_on_truth(f, j, j->off);
        sb_printf(o, "        goto i_%d;\n", j->next);
    } else {
        sb_printf(o, "        goto i_%d;\n", f->ins[r->end].off);
    }
    sb_puts(o, "    }\n");
}

size_t emit_region(Fn *f, size_t k) {
    Region r;
    NodeType leaf[MAX_VARIANTS][MAX_NODES], type[MAX_NODES];
    int count = region_shape(f, k, &r) ? variants(f, &r, leaf) : 0;
    if (count == 0) return 0;
    StrBuf *o = f->out;
    int off = f->ins[k].off;
    sb_printf(o, "    /* numeric region up to i_%d, tried on unboxed values */\n",
              f->ins[r.end - 1].off);
    sb_puts(o, "    {\n");
    for (int i = 0; i < r.nnodes; i++)
        if (r.node[i].kind == N_GLOBAL || r.node[i].kind == N_ATTR || r.node[i].kind == N_ITEM)
            sb_printf(o, "    PyObject *a%d; /* borrowed */\n", i);
    for (int v = 0; v < count; v++) {
        /* an item of another type sends a variant to the next one */
        char other[32];
        if (v + 1 < count)
            snprintf(other, sizeof other, "r_%d_%d", off, v + 1);
        else
            snprintf(other, sizeof other, "r_%d", off);
        if (v > 0) sb_printf(o, "    r_%d_%d:\n", off, v);
        assign_types(f, &r, leaf[v], type);
        emit_variant(f, &r, leaf[v], type, other);
    }
    sb_puts(o, "    }\n");
    sb_printf(o, "r_%d:\n", off);
    return r.end - k;
}

/* bytecode.c - reading 3.11.2 bytecode.
 *
 * co_code (PyCode_GetCode) is the unspecialised instruction stream: 2-byte
 * code units, opcode then oparg, with EXTENDED_ARG prefixes and CACHE units
 * (opcode 0) after instructions that have inline caches; bc_decode folds
 * the prefixes into the instruction they extend and drops the CACHE units.
 *
 * Imports compile to
 *     LOAD_CONST level; LOAD_CONST fromlist; IMPORT_NAME name
 * so the two constants loaded just before IMPORT_NAME are its operands.
 *
 * `if __name__ == "__main__":` at module level compiles to
 *     LOAD_NAME __name__; LOAD_CONST '__main__'; COMPARE_OP ==;
 *     POP_JUMP_FORWARD_IF_FALSE else
 * and imports up to `else` run only when the module is the main program.
 *
 * The exception table (co_exceptiontable, Objects/exception_handling_notes.txt)
 * is a sequence of entries (start, length, target, depth_lasti), each number a
 * varint of 6-bit groups, most significant first, 0x40 meaning "more"; the
 * first byte of an entry has 0x80 set. */
#include "bytecode.h"

#include <opcode.h>
#include <string.h>

#include "util.h"

BcInstr *bc_decode(PyObject *bytes, size_t *n) {
    const unsigned char *c = (const unsigned char *)PyBytes_AS_STRING(bytes);
    int nunits = (int)(PyBytes_GET_SIZE(bytes) / 2);
    BcInstr *ins = xcalloc((size_t)nunits + 1, sizeof *ins);
    size_t len = 0;
    int ext = 0, start = -1;
    for (int i = 0; i < nunits; i++) {
        int op = c[2 * i], arg = c[2 * i + 1];
        if (op == CACHE) continue;
        if (op == EXTENDED_ARG) {
            if (start < 0) start = i;
            ext = (ext << 8) | arg;
            continue;
        }
        ins[len++] =
            (BcInstr){.off = i, .start = start < 0 ? i : start, .op = op, .arg = (ext << 8) | arg};
        ext = 0;
        start = -1;
    }
    *n = len;
    return ins;
}

static int read_varint(const unsigned char **pp) {
    const unsigned char *p = *pp;
    int v = *p & 0x3f;
    while (*p++ & 0x40) v = (v << 6) | (*p & 0x3f);
    *pp = p;
    return v;
}

BcHandler *bc_decode_handlers(PyObject *code, size_t *n) {
    PyObject *table = ((PyCodeObject *)code)->co_exceptiontable;
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(table);
    const unsigned char *end = p + PyBytes_GET_SIZE(table);
    BcHandler *h = NULL;
    size_t len = 0, cap = 0;
    while (p < end) {
        grow_array((void **)&h, &cap, len + 1, sizeof *h);
        BcHandler *e = &h[len++];
        e->start = read_varint(&p);
        e->end = e->start + read_varint(&p);
        e->target = read_varint(&p);
        int depth_lasti = read_varint(&p);
        e->depth = depth_lasti >> 1;
        e->lasti = depth_lasti & 1;
    }
    *n = len;
    return h;
}

/* Whether instruction offset OFFSET (code units) is covered by one of the
 * N entries H of an exception table. */
static bool in_try(const BcHandler *h, size_t n, int offset) {
    for (size_t i = 0; i < n; i++)
        if (offset >= h[i].start && offset < h[i].end) return true;
    return false;
}

static char **tuple_of_str(PyObject *t, size_t *n) {
    *n = 0;
    if (!PyTuple_Check(t)) return NULL;
    size_t len = (size_t)PyTuple_GET_SIZE(t);
    char **out = xcalloc(len + 1, sizeof(char *));
    for (size_t i = 0; i < len; i++) {
        PyObject *s = PyTuple_GET_ITEM(t, (Py_ssize_t)i);
        const char *u = PyUnicode_Check(s) ? PyUnicode_AsUTF8(s) : NULL;
        if (!u) {
            PyErr_Clear();
            continue;
        }
        out[(*n)++] = xstrdup(u);
    }
    return out;
}

int bc_jump_direction(int op) {
    switch (op) {
    case JUMP_FORWARD:
    case POP_JUMP_FORWARD_IF_TRUE:
    case POP_JUMP_FORWARD_IF_FALSE:
    case POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE:
    case JUMP_IF_TRUE_OR_POP:
    case JUMP_IF_FALSE_OR_POP:
    case FOR_ITER:
    case SEND: return 1;
    case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT:
    case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_FALSE:
    case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_BACKWARD_IF_NOT_NONE: return -1;
    default: return 0;
    }
}

/* The offset a forward jump goes to (none of them has inline caches, so
 * its next code unit is OFF + 1), or -1 for any other instruction. */
static int forward_jump_target(const BcInstr *in) {
    return bc_jump_direction(in->op) > 0 ? in->off + 1 + in->arg : -1;
}

/* Whether IN loads a name, global, attribute or method called NAME. */
static bool loads_name(PyCodeObject *co, const BcInstr *in, const char *name) {
    int namei;
    switch (in->op) {
    case LOAD_NAME:
    case LOAD_ATTR:
    case LOAD_METHOD: namei = in->arg; break;
    case LOAD_GLOBAL: namei = in->arg >> 1; break;
    default: return false;
    }
    return PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(co->co_names, namei), name) == 0;
}

/* Whether IN loads a name, global, attribute or method called
 * import_module or __import__: the callable of import_module("json"),
 * importlib.import_module("json") or __import__("json"). */
static bool loads_importer(PyCodeObject *co, const BcInstr *in) {
    return loads_name(co, in, "import_module") || loads_name(co, in, "__import__");
}

/* Whether S looks like a dotted module name (json, os.path, pkg._mod). */
static bool is_module_name(const char *s) {
    bool start = true;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '.') {
            if (start) return false;
            start = true;
        } else if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
                   (!start && c >= '0' && c <= '9')) {
            start = false;
        } else {
            return false;
        }
    }
    return !start;
}

/* Appends a new, zeroed entry to OUT for an import at offset OFF of CO. */
static BcImport *add_import(BcImportList *out, PyCodeObject *co, const BcHandler *handlers,
                            size_t nhandlers, int off, int main_end, int skippable_end) {
    grow_array((void **)&out->items, &out->cap, out->len + 1, sizeof(BcImport));
    BcImport *imp = &out->items[out->len++];
    memset(imp, 0, sizeof *imp);
    imp->lineno = PyCode_Addr2Line(co, 2 * off);
    imp->guarded = in_try(handlers, nhandlers, off);
    imp->lazy = (co->co_flags & CO_OPTIMIZED) != 0;
    imp->main_only = off < main_end;
    imp->conditional = off < skippable_end;
    return imp;
}

static bool scan_one(PyCodeObject *co, BcImportList *out) {
    PyObject *bytes = PyCode_GetCode(co);
    if (!bytes) return false;
    size_t n, nhandlers;
    BcInstr *ins = bc_decode(bytes, &n);
    Py_DECREF(bytes);
    BcHandler *handlers = bc_decode_handlers((PyObject *)co, &nhandlers);
    PyObject *prev_const[2] = {NULL, NULL}; /* borrowed; last two LOAD_CONSTs */
    int guard_state = 0; /* how much of the __main__ guard pattern was just seen */
    int main_end = -1;   /* imports before this offset are __main__-only */
    bool module_level = (co->co_flags & CO_OPTIMIZED) == 0;
    int skippable_end = -1; /* the farthest forward jump seen so far goes here */
    int typing_end = -1;    /* imports before this offset are under `if TYPE_CHECKING:` */
    for (size_t k = 0; k < n; k++) {
        int op = ins[k].op, arg = ins[k].arg, i = ins[k].off;
        int target = forward_jump_target(&ins[k]);
        if (target > skippable_end) skippable_end = target;
        /* `if TYPE_CHECKING:` / `if typing.TYPE_CHECKING:` guards imports
         * that only type checkers follow: they never run */
        if (k + 1 < n && ins[k + 1].op == POP_JUMP_FORWARD_IF_FALSE &&
            loads_name(co, &ins[k], "TYPE_CHECKING")) {
            int end = forward_jump_target(&ins[k + 1]);
            if (end > typing_end) typing_end = end;
        }
        if ((op == IMPORT_NAME || op == LOAD_CONST) && i < typing_end) {
            prev_const[0] = prev_const[1] = NULL;
            continue;
        }
        if (module_level) {
            PyObject *v = NULL;
            if (op == LOAD_NAME)
                v = PyTuple_GET_ITEM(co->co_names, arg);
            else if (op == LOAD_CONST)
                v = PyTuple_GET_ITEM(co->co_consts, arg);
            if (op == LOAD_NAME && PyUnicode_Check(v) &&
                PyUnicode_CompareWithASCIIString(v, "__name__") == 0)
                guard_state = 1;
            else if (guard_state == 1 && op == LOAD_CONST && PyUnicode_Check(v) &&
                     PyUnicode_CompareWithASCIIString(v, "__main__") == 0)
                guard_state = 2;
            else if (guard_state == 2 && op == COMPARE_OP && arg == Py_EQ)
                guard_state = 3;
            else if (guard_state == 3 && op == POP_JUMP_FORWARD_IF_FALSE) {
                main_end = i + 1 + arg;
                guard_state = 0;
            } else
                guard_state = 0;
        }
        if (op == LOAD_CONST) {
            prev_const[0] = prev_const[1];
            prev_const[1] = PyTuple_GET_ITEM(co->co_consts, arg);
            /* an absolute name given literally as the first argument */
            PyObject *c = prev_const[1];
            if (k > 0 && loads_importer(co, &ins[k - 1]) && PyUnicode_Check(c)) {
                const char *utf8 = PyUnicode_AsUTF8(c);
                if (!utf8) {
                    PyErr_Clear();
                    continue;
                }
                if (!is_module_name(utf8)) continue;
                BcImport *imp =
                    add_import(out, co, handlers, nhandlers, i, main_end, skippable_end);
                imp->name = xstrdup(utf8);
                imp->by_call = true;
            }
            continue;
        }
        if (op == IMPORT_NAME) {
            PyObject *name = PyTuple_GET_ITEM(co->co_names, arg);
            BcImport *imp = add_import(out, co, handlers, nhandlers, i, main_end, skippable_end);
            imp->name = xstrdup(PyUnicode_AsUTF8(name));
            imp->level = prev_const[0] && PyLong_Check(prev_const[0])
                             ? (int)PyLong_AsLong(prev_const[0])
                             : 0;
            if (prev_const[1] && prev_const[1] != Py_None)
                imp->fromlist = tuple_of_str(prev_const[1], &imp->nfrom);
        }
        prev_const[0] = prev_const[1] = NULL;
    }
    free(ins);
    free(handlers);
    /* nested functions, classes, comprehensions */
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(co->co_consts); k++) {
        PyObject *c2 = PyTuple_GET_ITEM(co->co_consts, k);
        if (PyCode_Check(c2) && !scan_one((PyCodeObject *)c2, out)) return false;
    }
    return true;
}

bool bc_scan_imports(PyObject *code, BcImportList *out) {
    if (!PyCode_Check(code)) {
        PyErr_SetString(PyExc_TypeError, "not a code object");
        return false;
    }
    return scan_one((PyCodeObject *)code, out);
}

static bool is_name(PyObject *obj, const char *name) {
    return PyUnicode_Check(obj) && PyUnicode_CompareWithASCIIString(obj, name) == 0;
}

bool bc_reads_name(PyObject *code, const char *name) {
    PyCodeObject *co = (PyCodeObject *)code;
    PyObject *bytes = PyCode_GetCode(co);
    if (!bytes) {
        PyErr_Clear();
        return true; /* cannot tell: assume it does */
    }
    size_t n;
    BcInstr *ins = bc_decode(bytes, &n);
    Py_DECREF(bytes);
    bool found = false;
    for (size_t k = 0; k < n && !found; k++) {
        int arg = ins[k].arg;
        switch (ins[k].op) {
        case LOAD_GLOBAL: /* 3.11: the low bit says whether NULL is pushed */
            found = is_name(PyTuple_GET_ITEM(co->co_names, arg >> 1), name);
            break;
        case LOAD_ATTR:
        case LOAD_METHOD:
        case LOAD_NAME:
        case IMPORT_FROM: found = is_name(PyTuple_GET_ITEM(co->co_names, arg), name); break;
        default: break;
        }
    }
    free(ins);
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(co->co_consts) && !found; k++) {
        PyObject *c2 = PyTuple_GET_ITEM(co->co_consts, k);
        found = PyCode_Check(c2) ? bc_reads_name(c2, name) : is_name(c2, name);
    }
    return found;
}

void bc_import_list_free(BcImportList *list) {
    for (size_t i = 0; i < list->len; i++) {
        free(list->items[i].name);
        for (size_t j = 0; j < list->items[i].nfrom; j++) free(list->items[i].fromlist[j]);
        free(list->items[i].fromlist);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

/* bytecode.c - reading 3.11.2 bytecode.
 *
 * co_code (PyCode_GetCode) is the unspecialised instruction stream: 2-byte
 * code units, opcode then oparg, with EXTENDED_ARG prefixes and CACHE units
 * (opcode 0) after instructions that have inline caches.  A CACHE unit
 * decodes harmlessly as an instruction that does nothing here.
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

bool bc_offset_in_try(PyObject *code, int offset) {
    PyObject *table = ((PyCodeObject *)code)->co_exceptiontable;
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(table);
    const unsigned char *end = p + PyBytes_GET_SIZE(table);
    while (p < end) {
        int fields[4];
        for (int f = 0; f < 4; f++) {
            int v = *p & 0x3f;
            while (*p++ & 0x40) v = (v << 6) | (*p & 0x3f);
            fields[f] = v;
        }
        if (offset >= fields[0] && offset < fields[0] + fields[1]) return true;
    }
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

static bool scan_one(PyCodeObject *co, BcImportList *out) {
    PyObject *bytes = PyCode_GetCode(co);
    if (!bytes) return false;
    const unsigned char *c = (const unsigned char *)PyBytes_AS_STRING(bytes);
    Py_ssize_t nunits = PyBytes_GET_SIZE(bytes) / 2;
    PyObject *prev_const[2] = {NULL, NULL}; /* borrowed; last two LOAD_CONSTs */
    int ext = 0;
    int guard_state = 0;      /* how much of the __main__ guard pattern was just seen */
    Py_ssize_t main_end = -1; /* imports before this unit are __main__-only */
    bool module_level = (co->co_flags & CO_OPTIMIZED) == 0;
    for (Py_ssize_t i = 0; i < nunits; i++) {
        int op = c[2 * i], arg = c[2 * i + 1] | ext;
        ext = 0;
        if (op == EXTENDED_ARG) {
            ext = arg << 8;
            continue;
        }
        if (op == CACHE) continue;
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
            continue;
        }
        if (op == IMPORT_NAME) {
            PyObject *name = PyTuple_GET_ITEM(co->co_names, arg);
            grow_array((void **)&out->items, &out->cap, out->len + 1, sizeof(BcImport));
            BcImport *imp = &out->items[out->len++];
            memset(imp, 0, sizeof *imp);
            imp->name = xstrdup(PyUnicode_AsUTF8(name));
            imp->level = prev_const[0] && PyLong_Check(prev_const[0])
                             ? (int)PyLong_AsLong(prev_const[0])
                             : 0;
            if (prev_const[1] && prev_const[1] != Py_None)
                imp->fromlist = tuple_of_str(prev_const[1], &imp->nfrom);
            imp->lineno = PyCode_Addr2Line(co, (int)(2 * i));
            imp->guarded = bc_offset_in_try((PyObject *)co, (int)i);
            imp->lazy = (co->co_flags & CO_OPTIMIZED) != 0;
            imp->main_only = i < main_end;
        }
        prev_const[0] = prev_const[1] = NULL;
    }
    Py_DECREF(bytes);
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
    const unsigned char *c = (const unsigned char *)PyBytes_AS_STRING(bytes);
    Py_ssize_t nunits = PyBytes_GET_SIZE(bytes) / 2;
    bool found = false;
    int ext = 0;
    for (Py_ssize_t i = 0; i < nunits && !found; i++) {
        int op = c[2 * i], arg = c[2 * i + 1] | ext;
        ext = op == EXTENDED_ARG ? arg << 8 : 0;
        switch (op) {
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
    Py_DECREF(bytes);
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

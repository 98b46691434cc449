/* exports.c - `--export NAME`: a module-level function of the program
 * becomes a wasm export the host calls.
 *
 * Signatures come from the annotations, read from the program's syntax tree
 * (the host CPython's own parser, as C structures): each parameter and the
 * result must be annotated with one of the names int, float, bool, str,
 * bytes (the result may also be None), written plainly or as a string
 * (`from __future__ import annotations`).  Those map to wasm types as
 * runtime/p2w_export.h describes.  Anything else - a missing annotation,
 * list[int], *args, keyword-only parameters, async def - is refused here,
 * at build time, with the function, the parameter and the place in the
 * source, because at run time the host could only be told "trap".
 *
 * When a module defines NAME with several top-level `def`s, the last one is
 * the function the program ends up with, so its signature is used. */
#define Py_BUILD_CORE 1
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <internal/pycore_ast.h>
#include <internal/pycore_parser.h>
#include <internal/pycore_pyarena.h>

#include "exports.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "hostpy.h"

/* Exports the runtime itself defines; a Python function may not take them. */
static const char *const reserved_exports[] = {
    "memory", "_initialize", "_start", "py2wasm_alloc", "py2wasm_free", "py2wasm_error",
};

static const char *const type_names[] = {"None", "int", "float", "bool", "str", "bytes"};

const char *ex_type_name(ExType t) { return type_names[t]; }

/* Where a diagnostic points: the script and its source, for the line. */
typedef struct {
    const char *display; /* the script as the user named it */
    const char *source;  /* its UTF-8 text */
} Where;

/* Prints "py2wasm: error: FILE:LINE:COL: MESSAGE", the source line and a
 * caret under column COL (a UTF-8 byte offset, as the parser gives it). */
static void error_at(const Where *w, int lineno, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void error_at(const Where *w, int lineno, int col, const char *fmt, ...) {
    const char *line = w->source;
    for (int i = 1; i < lineno && line; i++) {
        line = strchr(line, '\n');
        if (line) line++;
    }
    if (!line) line = "";
    size_t len = strcspn(line, "\n");
    /* the caret goes under the character, not the byte */
    int width = 0;
    for (int i = 0; i < col && (size_t)i < len; i++)
        if (((unsigned char)line[i] & 0xC0) != 0x80) width++;
    va_list ap;
    va_start(ap, fmt);
    char *msg;
    if (vasprintf(&msg, fmt, ap) < 0) msg = NULL;
    va_end(ap);
    diag_error("%s:%d:%d: %s", w->display, lineno, width + 1, msg ? msg : fmt);
    free(msg);
    fprintf(stderr, "    %.*s\n    %*s^\n", (int)len, line, width, "");
}

/* The type an annotation names, or -1 if it names none we support. */
static int annotation_type(expr_ty e, bool result) {
    const char *name = NULL;
    if (e->kind == Name_kind)
        name = PyUnicode_AsUTF8(e->v.Name.id);
    else if (e->kind == Constant_kind && PyUnicode_Check(e->v.Constant.value))
        name = PyUnicode_AsUTF8(e->v.Constant.value); /* "int" under PEP 563 */
    else if (e->kind == Constant_kind && e->v.Constant.value == Py_None)
        return result ? EX_NONE : -1;
    if (!name) {
        PyErr_Clear();
        return -1;
    }
    for (int t = EX_INT; t <= EX_BYTES; t++)
        if (strcmp(name, type_names[t]) == 0) return t;
    if (result && strcmp(name, "None") == 0) return EX_NONE;
    return -1;
}

static const char supported[] = "int, float, bool, str or bytes";

/* Fills F's parameters from A; false after a diagnostic. */
static bool read_params(const Where *w, const char *fname, arguments_ty a, ExFunc *f) {
    if (a->vararg) {
        error_at(w, a->vararg->lineno, a->vararg->col_offset,
                 "cannot export %s(): it takes *%s; an exported function takes a fixed number "
                 "of positional parameters",
                 fname, PyUnicode_AsUTF8(a->vararg->arg));
        return false;
    }
    if (asdl_seq_LEN(a->kwonlyargs) > 0) {
        arg_ty k = asdl_seq_GET(a->kwonlyargs, 0);
        error_at(w, k->lineno, k->col_offset,
                 "cannot export %s(): parameter '%s' is keyword-only; the host passes "
                 "arguments by position",
                 fname, PyUnicode_AsUTF8(k->arg));
        return false;
    }
    if (a->kwarg) {
        error_at(w, a->kwarg->lineno, a->kwarg->col_offset,
                 "cannot export %s(): it takes **%s; an exported function takes a fixed number "
                 "of positional parameters",
                 fname, PyUnicode_AsUTF8(a->kwarg->arg));
        return false;
    }
    Py_ssize_t npos = asdl_seq_LEN(a->posonlyargs), n = npos + asdl_seq_LEN(a->args);
    f->params = xcalloc((size_t)n, sizeof *f->params);
    for (Py_ssize_t i = 0; i < n; i++) {
        arg_ty p = i < npos ? asdl_seq_GET(a->posonlyargs, i) : asdl_seq_GET(a->args, i - npos);
        const char *pname = PyUnicode_AsUTF8(p->arg);
        if (!p->annotation) {
            error_at(w, p->lineno, p->col_offset,
                     "cannot export %s(): parameter '%s' has no annotation (an exported "
                     "function's parameters must be annotated %s)",
                     fname, pname, supported);
            return false;
        }
        int t = annotation_type(p->annotation, false);
        if (t < 0) {
            error_at(w, p->annotation->lineno, p->annotation->col_offset,
                     "cannot export %s(): parameter '%s' has an unsupported annotation "
                     "(supported: %s)",
                     fname, pname, supported);
            return false;
        }
        f->params[f->nparams].name = xstrdup(pname);
        f->params[f->nparams++].type = (ExType)t;
    }
    if (f->nparams > EX_MAX_PARAMS) {
        error_at(w, f->lineno, 0, "cannot export %s(): it has %zu parameters (at most %d)", fname,
                 f->nparams, EX_MAX_PARAMS);
        return false;
    }
    return true;
}

/* Reads the signature of the function NAME defined by S; false after a
 * diagnostic. */
static bool read_function(const Where *w, stmt_ty s, const char *name, ExFunc *f) {
    f->name = xstrdup(name);
    f->lineno = s->lineno;
    if (!read_params(w, name, s->v.FunctionDef.args, f)) return false;
    expr_ty ret = s->v.FunctionDef.returns;
    if (!ret) {
        error_at(w, s->lineno, s->col_offset,
                 "cannot export %s(): it has no return annotation (use -> None when it returns "
                 "nothing; results may be %s)",
                 name, supported);
        return false;
    }
    int t = annotation_type(ret, true);
    if (t < 0) {
        error_at(w, ret->lineno, ret->col_offset,
                 "cannot export %s(): its return annotation is unsupported (supported: int, "
                 "float, bool, str, bytes or None)",
                 name);
        return false;
    }
    f->result = (ExType)t;
    return true;
}

/* The last module-level statement that defines NAME as a function or class,
 * or NULL. */
static stmt_ty find_definition(mod_ty mod, const char *name) {
    stmt_ty found = NULL;
    asdl_stmt_seq *body = mod->v.Module.body;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        PyObject *id = s->kind == FunctionDef_kind        ? s->v.FunctionDef.name
                       : s->kind == AsyncFunctionDef_kind ? s->v.AsyncFunctionDef.name
                       : s->kind == ClassDef_kind         ? s->v.ClassDef.name
                                                          : NULL;
        if (id && PyUnicode_CompareWithASCIIString(id, name) == 0) found = s;
    }
    return found;
}

static bool check_name(const char *name) {
    for (size_t i = 0; i < sizeof reserved_exports / sizeof *reserved_exports; i++)
        if (strcmp(name, reserved_exports[i]) == 0) {
            diag_error("--export %s: the module already exports '%s' itself; rename the "
                       "function",
                       name, name);
            return false;
        }
    return true;
}

bool ex_analyze(const char *display, const char *source, const char *const *names, size_t n,
                ExList *out) {
    memset(out, 0, sizeof *out);
    Where w = {display, source};
    PyArena *arena = _PyArena_New();
    PyObject *fname = PyUnicode_DecodeFSDefault(display);
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    mod_ty mod = arena && fname
                     ? _PyParser_ASTFromString(source, fname, Py_file_input, &flags, arena)
                     : NULL;
    Py_XDECREF(fname);
    bool ok = mod != NULL;
    if (!ok) hostpy_print_exception(); /* cannot happen: the program compiled */
    out->funcs = xcalloc(n, sizeof *out->funcs);
    for (size_t i = 0; ok && i < n; i++) {
        bool seen = false;
        for (size_t k = 0; k < out->len; k++) seen |= strcmp(out->funcs[k].name, names[i]) == 0;
        if (seen) continue;
        if (!check_name(names[i])) {
            ok = false;
            break;
        }
        stmt_ty s = find_definition(mod, names[i]);
        if (!s) {
            diag_error("--export %s: %s defines no module-level function '%s' (a def at the "
                       "top level of the module, outside any block)",
                       names[i], display, names[i]);
            ok = false;
        } else if (s->kind == AsyncFunctionDef_kind) {
            error_at(&w, s->lineno, s->col_offset,
                     "cannot export %s(): it is a coroutine function (async def); the host "
                     "calls plain functions",
                     names[i]);
            ok = false;
        } else if (s->kind == ClassDef_kind) {
            error_at(&w, s->lineno, s->col_offset,
                     "cannot export %s: it is a class; only functions can be exported", names[i]);
            ok = false;
        } else {
            ok = read_function(&w, s, names[i], &out->funcs[out->len++]);
        }
    }
    if (arena) _PyArena_Free(arena);
    if (!ok) ex_list_free(out);
    return ok;
}

void ex_list_free(ExList *l) {
    for (size_t i = 0; i < l->len; i++) {
        for (size_t k = 0; k < l->funcs[i].nparams; k++) free(l->funcs[i].params[k].name);
        free(l->funcs[i].params);
        free(l->funcs[i].name);
    }
    free(l->funcs);
    memset(l, 0, sizeof *l);
}

/* The C type of a wasm value of type T. */
static const char *c_type(ExType t) {
    switch (t) {
    case EX_NONE: return "void";
    case EX_INT: return "int64_t";
    case EX_FLOAT: return "double";
    case EX_BOOL: return "int32_t";
    case EX_STR:
    case EX_BYTES: return "char *"; /* an i32 pointer in wasm32 */
    }
    unreachable();
}

/* The p2w_value member that carries a result of type T. */
static const char *value_member(ExType t) {
    switch (t) {
    case EX_INT: return "i";
    case EX_FLOAT: return "f";
    case EX_BOOL: return "b";
    case EX_STR:
    case EX_BYTES: return "block";
    case EX_NONE: break;
    }
    unreachable();
}

static void emit_signature_comment(StrBuf *sb, const ExFunc *f, const char *display) {
    sb_printf(sb, "/* %s(", f->name);
    for (size_t k = 0; k < f->nparams; k++)
        sb_printf(sb, "%s%s: %s", k ? ", " : "", f->params[k].name, type_names[f->params[k].type]);
    sb_printf(sb, ") -> %s, %s:%d */\n", type_names[f->result], display, f->lineno);
}

static void emit_wrapper(StrBuf *sb, const ExFunc *f, size_t i, const char *display) {
    emit_signature_comment(sb, f, display);
    sb_printf(sb, "static const char *const p2w_xnames_%zu[] = {", i);
    for (size_t k = 0; k < f->nparams; k++) {
        sb_puts(sb, k ? ", \"" : "\"");
        sb_c_escape(sb, f->params[k].name);
        sb_puts(sb, "\"");
    }
    sb_printf(sb, "%s};\nstatic const unsigned char p2w_xtypes_%zu[] = {", f->nparams ? "" : "0",
              i);
    for (size_t k = 0; k < f->nparams; k++) sb_printf(sb, "%s%d", k ? ", " : "", f->params[k].type);
    sb_printf(sb, "%s};\nstatic struct p2w_export p2w_x_%zu = {\"", f->nparams ? "" : "0", i);
    sb_c_escape(sb, f->name);
    sb_printf(sb, "\", p2w_xnames_%zu, p2w_xtypes_%zu, %zu, %d, 0};\n", i, i, f->nparams,
              f->result);
    sb_puts(sb, "__attribute__((export_name(\"");
    sb_c_escape(sb, f->name);
    sb_printf(sb, "\"))) %s p2w_xfn_%zu(", c_type(f->result), i);
    for (size_t k = 0; k < f->nparams; k++) {
        if (k) sb_puts(sb, ", ");
        if (f->params[k].type == EX_STR || f->params[k].type == EX_BYTES)
            sb_printf(sb, "const char *p%zu, uint32_t n%zu", k, k);
        else
            sb_printf(sb, "%s p%zu", c_type(f->params[k].type), k);
    }
    sb_printf(sb, "%s) {\n    union p2w_value a[%zu], r;\n", f->nparams ? "" : "void",
              f->nparams ? f->nparams : 1);
    for (size_t k = 0; k < f->nparams; k++) {
        switch (f->params[k].type) {
        case EX_STR:
        case EX_BYTES:
            sb_printf(sb, "    a[%zu].s.ptr = p%zu;\n    a[%zu].s.len = n%zu;\n", k, k, k, k);
            break;
        default: sb_printf(sb, "    a[%zu].%s = p%zu;\n", k, value_member(f->params[k].type), k);
        }
    }
    /* on failure the runtime zeroed r: the host sees 0, 0.0 or NULL and
     * asks py2wasm_error() */
    sb_printf(sb, "    p2w_export_call(&p2w_x_%zu, a, &r);\n", i);
    if (f->result == EX_NONE)
        sb_puts(sb, "    (void)r;\n}\n\n");
    else
        sb_printf(sb, "    return r.%s;\n}\n\n", value_member(f->result));
}

bool ex_emit_c(const char *path, const ExList *l, const char *display) {
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "/* Generated by py2wasm: wasm exports of the program's functions. Do not "
                 "edit. */\n#include \"p2w_export.h\"\n\n");
    for (size_t i = 0; i < l->len; i++) emit_wrapper(&sb, &l->funcs[i], i, display);
    FILE *f = fopen(path, "w");
    bool ok = f && fwrite(sb.data, 1, sb.len, f) == sb.len;
    if (f && fclose(f) != 0) ok = false;
    if (!ok) diag_error("cannot write %s: %s", path, strerror(errno));
    sb_free(&sb);
    return ok;
}

void ex_json(StrBuf *sb, const ExList *l) {
    sb_puts(sb, "[");
    for (size_t i = 0; i < l->len; i++) {
        const ExFunc *f = &l->funcs[i];
        sb_puts(sb, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
        sb_json_string(sb, f->name);
        sb_puts(sb, ", \"params\": [");
        for (size_t k = 0; k < f->nparams; k++) {
            sb_puts(sb, k ? ", [" : "[");
            sb_json_string(sb, f->params[k].name);
            sb_printf(sb, ", \"%s\"]", type_names[f->params[k].type]);
        }
        sb_printf(sb, "], \"result\": \"%s\"}", type_names[f->result]);
    }
    sb_puts(sb, l->len ? "\n]" : "]");
}

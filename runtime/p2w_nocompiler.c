/* p2w_nocompiler.c - stand-ins for CPython's bytecode compiler and the
 * conversions between its AST and the `ast` module's objects, in outputs
 * whose program cannot reach them (src/graph.c, graph_compiler_use: no
 * module reads compile, exec or eval, and every import of the program was
 * found at build time).  The link passes --wrap for each (src/toolchain.c),
 * so calls land here and wasm-ld leaves compile.c, symtable.c, ast_opt.c,
 * ast.c and the object conversions of Python-ast.c out: about 215 KB of
 * code of a hello world.  The parser stays: the traceback printer parses a
 * failing line to place its carets.
 *
 * What can still get here is code the build could not see: a name built at
 * run time (getattr(builtins, "".join(["ex", "ec"])), a .py file imported from the
 * run's file system, an import line of a .pth file that site finds there.
 * It gets a RuntimeError that says how to rebuild. */
#include "p2w_runtime.h"

static void not_linked(void) {
    PyErr_SetString(PyExc_RuntimeError,
                    "py2wasm: this program was built without CPython's bytecode compiler, "
                    "which compile(), exec() and eval() of source need; rebuild it with "
                    "--bytecode-compiler=yes");
}

struct _mod;
struct _arena;

PyCodeObject *__wrap__PyAST_Compile(struct _mod *mod, PyObject *filename, PyCompilerFlags *flags,
                                    int optimize, struct _arena *arena) {
    (void)mod, (void)filename, (void)flags, (void)optimize, (void)arena;
    not_linked();
    return NULL;
}

PyObject *__wrap_PyAST_mod2obj(struct _mod *mod) {
    (void)mod;
    not_linked();
    return NULL;
}

struct _mod *__wrap_PyAST_obj2mod(PyObject *ast, struct _arena *arena, int mode) {
    (void)ast, (void)arena, (void)mode;
    not_linked();
    return NULL;
}

int __wrap_PyAST_Check(PyObject *obj) {
    (void)obj;
    not_linked();
    return -1;
}

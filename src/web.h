/* web.h - `--target web`: beside APP.wasm, the ES-module loader APP.js
 * (runtime/web/loader.js with the browser WASI shim bundled in, plus this
 * program's configuration) and a demo index.html.  Prefix: web_. */
#ifndef P2W_WEB_H
#define P2W_WEB_H

#include <stdbool.h>

#include "exports.h"

/* The two files, written first under temporary names in the output
 * directory and renamed into place by web_commit() once the .wasm is ready
 * too, so a failed build leaves none of them behind. */
typedef struct {
    char *temp[2];  /* temporary paths, NULL once renamed or removed */
    char *final[2]; /* APP.js, index.html */
} WebFiles;

/* Writes the loader and page for OUT_DIR/STEM.wasm.  SCRIPT is the program
 * as the user named it (the page title, sys.argv[0]).  Returns false after
 * a diagnostic. */
bool web_prepare(WebFiles *w, const char *runtime_dir, const char *out_dir, const char *stem,
                 const char *script, const ExList *exports);
/* Renames the files into place; false after a diagnostic. */
bool web_commit(WebFiles *w);
/* Removes whatever web_prepare left and frees W. */
void web_discard(WebFiles *w);

/* Loader members a Python export may not shadow (terminate, exitCode);
 * false after a diagnostic naming the export. */
bool web_check_exports(const ExList *exports);

#endif

#!/usr/bin/env bash
# Cross-builds the py2wasm runtime: CPython 3.11.2 for wasm32-wasi with
# Debian's clang-14 and wasi-libc, plus zlib, lz4, bzip2, liblzma and SQLite,
# into BUILD/runtime:
#
#   BUILD/runtime/lib/libpython3.11.a   CPython core + builtin C modules
#   BUILD/runtime/lib/libz.a            zlib for wasm32
#   BUILD/runtime/lib/libbz2.a, liblzma.a, libsqlite3.a
#                                       for the _bz2, _lzma and _sqlite3
#                                       modules (linked only into programs
#                                       that can import them)
#   BUILD/runtime/lib/liblz4.a          lz4's block decoder, which unpacks a
#                                       snapshot's compressed heap at start-up
#   BUILD/runtime/lib/*.o               Modules/config.o (inittab) etc.
#   BUILD/runtime/include/              Python headers + pyconfig.h (wasm32)
#   BUILD/runtime/Lib/                  the matching 3.11.2 stdlib
#   BUILD/runtime/python.wasm           the baseline interpreter
#   BUILD/runtime/sysroot/              wasi-libc as an explicit sysroot
#
# $P2W_CONFIGURE_EXTRA adds configure flags, for experiments in a separate
# build directory (e.g. P2W_CONFIGURE_EXTRA=--without-pymalloc
# scripts/build-runtime.sh /tmp/b).  The configure stamp records the flags:
# when they change, CPython is configured and built afresh.
#
# Every step leaves a stamp; a step re-runs only when its stamp is missing,
# so a second run with nothing changed takes well under a second.
# Host libraries must not leak in: pkg-config is pointed at an empty
# directory and clang is given an explicit sysroot (without one, Debian's
# clang searches the host's /usr/include after wasi-libc's headers).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
B=$(realpath -m "${1:-$root/build}")
R=$B/runtime
SRC=$B/src/Python-3.11.2
JOBS=${JOBS:-$(nproc)}
mkdir -p "$B/stamps" "$R/lib" "$R/include"
log() { echo "runtime: $*" >&2; }
step_done() { [[ -f "$B/stamps/$1" ]]; }
mark() { touch "$B/stamps/$1"; }

# --- sysroot ---------------------------------------------------------------
SYSROOT=$R/sysroot
if ! step_done sysroot; then
  [[ -d /usr/include/wasm32-wasi && -d /usr/lib/wasm32-wasi ]] ||
    { log "wasi-libc is not installed (Debian package wasi-libc)"; exit 1; }
  rm -rf "$SYSROOT"; mkdir -p "$SYSROOT/include" "$SYSROOT/lib"
  ln -s /usr/include/wasm32-wasi "$SYSROOT/include/wasm32-wasi"
  ln -s /usr/lib/wasm32-wasi "$SYSROOT/lib/wasm32-wasi"
  mark sysroot
fi
CC_WASM="clang-14 --target=wasm32-wasi --sysroot=$SYSROOT"
export PKG_CONFIG_LIBDIR=$B/empty-pkgconfig PKG_CONFIG_PATH=
mkdir -p "$PKG_CONFIG_LIBDIR"

# --- sources ---------------------------------------------------------------
# The patch set's hash is kept in the stamp: when patches change, the source
# tree is unpacked and patched afresh and CPython rebuilt incrementally (only
# the patched files are newer than their objects).
patch_hash=$(cat "$root"/runtime/patches/*.patch | sha256sum | cut -d' ' -f1)
if step_done sources && [[ "$(cat "$B/stamps/sources")" != "$patch_hash" ]]; then
  log "runtime patches changed; re-applying"
  rm -f "$B/stamps/sources" "$B/stamps/cpython" "$B/stamps/install" "$B/stamps/modules"
fi
if ! step_done sources; then
  "$here/fetch-sources.sh" "$B/cache"
  rm -rf "$B/src"; mkdir -p "$B/src"
  tar -xzf "$B/cache/Python-3.11.2.tgz" -C "$B/src"
  for p in "$root"/runtime/patches/*.patch; do
    patch -s -d "$SRC" -p1 < "$p" || { log "patch $(basename "$p") failed"; exit 1; }
  done
  mkdir -p "$B/src/zlib"
  tar -xjf "$B/cache/"zlib-*.tar.bz2 -C "$B/src/zlib" --strip-components=1
  echo "$patch_hash" > "$B/stamps/sources"
fi

# --- zlib ------------------------------------------------------------------
ZLIB=$B/zlib-wasm
if ! step_done zlib; then
  log "building zlib for wasm32-wasi"
  rm -rf "$ZLIB"; mkdir -p "$ZLIB/obj" "$ZLIB/include" "$ZLIB/lib"
  for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback \
           inffast inflate inftrees trees uncompr zutil; do
    $CC_WASM -O2 -D_LARGEFILE64_SOURCE=1 -DHAVE_HIDDEN -c "$B/src/zlib/$f.c" -o "$ZLIB/obj/$f.o"
  done
  llvm-ar-14 rcs "$ZLIB/lib/libz.a" "$ZLIB"/obj/*.o
  cp "$B/src/zlib/zlib.h" "$B/src/zlib/zconf.h" "$ZLIB/include/"
  mark zlib
fi

# --- lz4 -------------------------------------------------------------------
# Only lib/lz4.c (the block format); py2wasm itself compresses with Debian's
# liblz4 on the host.
LZ4=$B/lz4-wasm
if ! step_done lz4; then
  log "building lz4 for wasm32-wasi"
  "$here/fetch-sources.sh" "$B/cache"
  rm -rf "$B/src/lz4" "$LZ4"; mkdir -p "$B/src/lz4" "$LZ4/include" "$LZ4/lib"
  tar -xzf "$B/cache/"lz4-*.tar.gz -C "$B/src/lz4" --strip-components=1
  $CC_WASM -O2 -c "$B/src/lz4/lib/lz4.c" -o "$LZ4/lz4.o"
  llvm-ar-14 rcs "$LZ4/lib/liblz4.a" "$LZ4/lz4.o"
  cp "$B/src/lz4/lib/lz4.h" "$LZ4/include/"
  mark lz4
fi

# --- bzip2 -----------------------------------------------------------------
BZ2=$B/bzip2-wasm
if ! step_done bzip2; then
  log "building bzip2 for wasm32-wasi"
  "$here/fetch-sources.sh" "$B/cache"
  rm -rf "$B/src/bzip2" "$BZ2"; mkdir -p "$B/src/bzip2" "$BZ2/obj" "$BZ2/include" "$BZ2/lib"
  tar -xzf "$B/cache/"bzip2_*.tar.gz -C "$B/src/bzip2" --strip-components=1
  for f in blocksort huffman crctable randtable compress decompress bzlib; do
    $CC_WASM -O2 -D_FILE_OFFSET_BITS=64 -c "$B/src/bzip2/$f.c" -o "$BZ2/obj/$f.o"
  done
  llvm-ar-14 rcs "$BZ2/lib/libbz2.a" "$BZ2"/obj/*.o
  cp "$B/src/bzip2/bzlib.h" "$BZ2/include/"
  mark bzip2
fi

# --- liblzma (xz) ------------------------------------------------------------
XZ=$B/xz-wasm
if ! step_done xz; then
  log "building liblzma for wasm32-wasi"
  "$here/fetch-sources.sh" "$B/cache"
  rm -rf "$B/src/xz" "$XZ"; mkdir -p "$B/src/xz" "$XZ"
  tar -xJf "$B/cache/"xz-utils_*.tar.xz -C "$B/src/xz" --strip-components=1
  (cd "$B/src/xz" &&
   ./configure --host=wasm32-unknown-wasi CC="$CC_WASM" AR=llvm-ar-14 RANLIB=llvm-ranlib-14 \
     CFLAGS="-O2 -D_WASI_EMULATED_SIGNAL -include $root/runtime/shims/xz-wasi.h" \
     --prefix="$XZ" --disable-threads --disable-shared --enable-static \
     --disable-xz --disable-xzdec --disable-lzmadec --disable-lzmainfo --disable-lzma-links \
     --disable-scripts --disable-doc --disable-nls >"$B/src/xz/p2w-build.log" 2>&1 &&
   make -j"$JOBS" -C src/liblzma install >>"$B/src/xz/p2w-build.log" 2>&1) ||
    { log "liblzma build failed; see $B/src/xz/p2w-build.log"; tail -20 "$B/src/xz/p2w-build.log" >&2; exit 1; }
  mark xz
fi

# --- SQLite ------------------------------------------------------------------
# Debian ships SQLite's source tree; its amalgamation (sqlite3.c) is
# generated with the host's compiler and tclsh, then built for wasm with
# the unix VFS less what WASI lacks (runtime/shims/sqlite-wasi.h): no
# threads, extensions, WAL (shared memory) or mmap.
SQLITE=$B/sqlite-wasm
if ! step_done sqlite; then
  log "building SQLite for wasm32-wasi"
  "$here/fetch-sources.sh" "$B/cache"
  rm -rf "$B/src/sqlite" "$SQLITE"; mkdir -p "$B/src/sqlite/host" "$SQLITE/include" "$SQLITE/lib"
  tar -xJf "$B/cache/"sqlite3_*.orig.tar.xz -C "$B/src/sqlite" --strip-components=1
  (cd "$B/src/sqlite/host" &&
   PKG_CONFIG_LIBDIR= ../configure --disable-tcl --disable-readline >p2w-build.log 2>&1 &&
   make sqlite3.c >>p2w-build.log 2>&1) ||
    { log "generating SQLite's amalgamation failed; see $B/src/sqlite/host/p2w-build.log"; exit 1; }
  $CC_WASM -O2 -include "$root/runtime/shims/sqlite-wasi.h" -D_WASI_EMULATED_GETPID \
    -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL -DSQLITE_MAX_MMAP_SIZE=0 \
    -c "$B/src/sqlite/host/sqlite3.c" -o "$SQLITE/sqlite3.o"
  llvm-ar-14 rcs "$SQLITE/lib/libsqlite3.a" "$SQLITE/sqlite3.o"
  cp "$B/src/sqlite/host/sqlite3.h" "$SQLITE/include/"
  mark sqlite
fi

# --- CPython ---------------------------------------------------------------
OBJ=$B/cpython-wasm
# pymalloc, which configure turns off for WASI by default, is turned back
# on: CPython's small-object allocator is 3-15% faster than wasi-libc's
# dlmalloc on allocation-heavy programs (measured on bench/, compiled and
# interpreted alike); it only needs malloc() for its arenas.
configure_flags="--with-pymalloc ${P2W_CONFIGURE_EXTRA-}"
# the stamp also names the libraries configure is given, so that adding one
# reconfigures
configure_stamp="$configure_flags; libs: z bz2 lzma sqlite3; relative sleep (2)"
if step_done configure && [[ "$(cat "$B/stamps/configure")" != "$configure_stamp" ]]; then
  log "configure flags changed; configuring afresh"
  rm -f "$B/stamps/configure" "$B/stamps/cpython" "$B/stamps/install" "$B/stamps/modules"
fi
if ! step_done configure; then
  log "configuring CPython 3.11.2 for wasm32-wasi"
  rm -rf "$OBJ"; mkdir -p "$OBJ"
  # Recursion limit as on Linux (the stock WASI build lowers it to 600):
  # py2wasm's runner and link flags give the wasm a stack large enough for it.
  # time.sleep() sleeps with nanosleep (a relative timeout), not
  # clock_nanosleep(TIMER_ABSTIME): Node's WASI takes the absolute deadline
  # of that poll_oneoff subscription for a relative one, so time.sleep(0)
  # slept for the machine's uptime.
  (cd "$OBJ" &&
   ac_cv_func_clock_nanosleep=no ac_cv_lib_rt_clock_nanosleep=no \
   CONFIG_SITE="$SRC/Tools/wasm/config.site-wasm32-wasi" \
   CC="$CC_WASM" CPP="$CC_WASM -E" AR=llvm-ar-14 RANLIB=llvm-ranlib-14 READELF=true \
   OPT="-DNDEBUG -fwrapv -O3 -Wall" \
   CFLAGS="-DPy_DEFAULT_RECURSION_LIMIT=1000" \
   ZLIB_CFLAGS="-I$ZLIB/include" ZLIB_LIBS="-L$ZLIB/lib -lz" \
   BZIP2_CFLAGS="-I$BZ2/include" BZIP2_LIBS="-L$BZ2/lib -lbz2" \
   LIBLZMA_CFLAGS="-I$XZ/include" LIBLZMA_LIBS="-L$XZ/lib -llzma" \
   LIBSQLITE3_CFLAGS="-I$SQLITE/include" LIBSQLITE3_LIBS="-L$SQLITE/lib -lsqlite3" \
   "$SRC/configure" --host=wasm32-unknown-wasi --build="$("$SRC/config.guess")" \
     --with-build-python=/usr/bin/python3.11 --without-ensurepip \
     --disable-test-modules $configure_flags >"$OBJ/configure.log" 2>&1) ||
    { log "configure failed; see $OBJ/configure.log"; tail -20 "$OBJ/configure.log" >&2; exit 1; }
  echo "$configure_stamp" > "$B/stamps/configure"
fi

STACK=8388608
if ! step_done cpython; then
  log "building CPython for wasm32-wasi (a few minutes)"
  if ! make -C "$OBJ" -j"$JOBS" all \
        LDFLAGS_NODIST="-z stack-size=$STACK -Wl,--stack-first -Wl,--initial-memory=20971520 -Wl,--strip-debug" \
        >"$OBJ/make.log" 2>&1; then
    log "make failed; see $OBJ/make.log"; grep -E 'error|Error' "$OBJ/make.log" | head -20 >&2; exit 1
  fi
  # Code that is cold in a compiled program is rebuilt for size (it is linked
  # into every output, and V8 compiles all of it at start with --no-liftoff):
  # the parser and bytecode compiler, which only compile(), exec() and eval()
  # and imports of .py files at run time reach, at -Os; start-up,
  # finalisation and OS wrappers, which run once or wait on a system call,
  # at -Oz.  The rest of libpython (objects, eval loop, ...) keeps -O3.
  cold_os="Parser/parser.o Parser/pegen.o Parser/pegen_errors.o Parser/action_helpers.o
    Parser/string_parser.o Parser/tokenizer.o Parser/token.o Parser/peg_api.o
    Python/Python-ast.o Python/Python-tokenize.o Python/ast.o Python/ast_opt.o
    Python/ast_unparse.o Python/compile.o Python/symtable.o Python/future.o Python/asdl.o
    Python/pyarena.o Modules/symtablemodule.o Python/sysmodule.o Python/traceback.o
    Python/suggestions.o"
  cold_oz="Python/initconfig.o Python/preconfig.o Python/pathconfig.o Python/pylifecycle.o
    Python/frozen.o Python/deepfreeze/deepfreeze.o Python/getopt.o Python/getversion.o
    Python/getcompiler.o Python/getcopyright.o Python/getplatform.o Python/frozenmain.o
    Python/bootstrap_hash.o Python/pythonrun.o Python/dynload_stub.o Python/importdl.o
    Modules/getpath.o Modules/main.o Modules/getbuildinfo.o Modules/posixmodule.o
    Modules/signalmodule.o Modules/faulthandler.o Modules/errnomodule.o
    Modules/_tracemalloc.o Modules/atexitmodule.o Parser/myreadline.o"
  for level in Os Oz; do
    if [[ $level == Os ]]; then objs=$cold_os; else objs=$cold_oz; fi
    (cd "$OBJ" && rm -f $objs)
    # shellcheck disable=SC2086 # word splitting of the object lists is wanted
    make -C "$OBJ" -j"$JOBS" OPT="-DNDEBUG -fwrapv -$level -Wall" $objs >>"$OBJ/make.log" 2>&1 ||
      { log "make (-$level objects) failed; see $OBJ/make.log"; exit 1; }
  done
  make -C "$OBJ" -j"$JOBS" all \
        LDFLAGS_NODIST="-z stack-size=$STACK -Wl,--stack-first -Wl,--initial-memory=20971520 -Wl,--strip-debug" \
        >>"$OBJ/make.log" 2>&1 || { log "make failed; see $OBJ/make.log"; exit 1; }
  mark cpython
fi

# --- install into BUILD/runtime ----------------------------------------------
# The install and inventory steps re-run whenever this script changes.
script_hash=$(sha256sum "$0" | cut -d' ' -f1)
if step_done install && [[ "$(cat "$B/stamps/install")" != "$script_hash" ]]; then
  rm -f "$B/stamps/install" "$B/stamps/modules"
fi
if ! step_done install; then
  rm -rf "$R/include" "$R/Lib" "$R/lib"; mkdir -p "$R/include" "$R/lib"
  cp -r "$SRC/Include/." "$R/include/"
  cp "$OBJ/pyconfig.h" "$ZLIB/include/zlib.h" "$ZLIB/include/zconf.h" "$LZ4/include/lz4.h" \
     "$R/include/"
  cp "$OBJ/libpython3.11.a" "$ZLIB/lib/libz.a" "$LZ4/lib/liblz4.a" "$BZ2/lib/libbz2.a" \
     "$XZ/lib/liblzma.a" "$SQLITE/lib/libsqlite3.a" "$R/lib/"
  cp "$OBJ/Modules/config.o" "$R/lib/"
  # The bundled libmpdec/expat/hacl objects of static builtin modules are
  # linked into python.wasm from separate archives in 3.11; keep them all.
  find "$OBJ/Modules" -name '*.a' -exec cp {} "$R/lib/" \;
  cp -r "$SRC/Lib" "$R/Lib"
  find "$R/Lib" -name __pycache__ -prune -exec rm -rf {} +
  # generated at build time; sysconfig imports it by a computed name
  cp "$OBJ/$(cat "$OBJ/pybuilddir.txt")"/_sysconfigdata_*.py "$R/Lib/"
  cp "$OBJ/python.wasm" "$R/python.wasm"
  echo "$script_hash" > "$B/stamps/install"
fi

# --- module inventory for the compiler's resolver -----------------------------
# Builtin C modules and the runtime's own frozen modules, as the wasm
# interpreter itself reports them: the compiler never embeds those as
# ordinary modules.  The frozen modules' code objects (deep-frozen into
# python.wasm) are written out marshalled, one file per distinct code object,
# into frozen/: a compiled program carries only the frozen modules it can
# import, in the frozen tables py2wasm generates (src/frozen.c), instead of
# libpython's deep-frozen set.  Each line: frozen NAME CODE ISPKG ORIGNAME,
# CODE being the first name with that code object (os.path -> posixpath),
# ORIGNAME "-" when the table has none.
if ! step_done modules; then
  cat > "$B/list-modules.py" <<'PY'
import sys, _imp, marshal
for n in sorted(sys.builtin_module_names): print("builtin", n)
first = {}  # id(code object) -> first frozen name serving it
for n in _imp._frozen_module_names():
    code = _imp.get_frozen_object(n)
    canon = first.setdefault(id(code), n)
    if canon == n:
        with open("/frozen/" + n + ".marshal", "wb") as f:
            f.write(marshal.dumps(code))
    _, ispkg, origname = _imp.find_frozen(n)
    print("frozen", n, canon, int(ispkg), origname or "-")
PY
  rm -rf "$R/frozen" && mkdir -p "$R/frozen"
  (cd "$B" && node "$root/tools/run-wasi.mjs" --dir "$R/Lib::/usr/local/lib/python3.11" \
     --dir "$R/frozen::/frozen" \
     --env PYTHONHOME=/usr/local "$R/python.wasm" list-modules.py > "$R/modules.txt.tmp")
  mv "$R/modules.txt.tmp" "$R/modules.txt"
  mark modules
fi

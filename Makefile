# py2wasm - top-level build.
#
#   make            install missing Debian packages, build the wasm runtime
#                   (CPython 3.11.2 for wasm32-wasi) and the compiler, then
#                   compile and run the demo program
#   make test       the whole test suite
#   make bench      the benchmark harness (bench/run.py)
#   make conformance  CPython's own Lib/test modules, compiled vs. interpreted
#                   (writes tests/conformance/results.md)
#   make install PREFIX=/usr/local
#   make clean      remove build/ except the downloaded sources
#   make distclean  remove build/ entirely
#
# The runtime build is driven by scripts/build-runtime.sh, which keeps its
# own stamps under build/stamps; the rules here only make sure it ran.

B        := build
RT       := $(B)/runtime
HOSTPY   := /usr/bin/python3.11
HOST_PY_CONFIG := /usr/lib/python3.11/config-3.11-x86_64-linux-gnu
CC       ?= gcc
CFLAGS   ?= -O2 -g
P2W_CFLAGS := -std=c11 -Wall -Wextra -I/usr/include/python3.11 \
              -DHOST_PYTHON_HOME='"/usr"' -D_POSIX_C_SOURCE=200809L
HOST_LIBS := -no-pie $(HOST_PY_CONFIG)/libpython3.11.a -lexpat -lz -llz4 -lm -ldl -lpthread -lutil
WASM_CC  := clang-14 --target=wasm32-wasi --sysroot=$(RT)/sysroot
PREFIX   ?= /usr/local

SRCS := $(wildcard src/*.c)
HDRS := $(wildcard src/*.h) $(wildcard src/*.inc)
RUNTIME_SRCS := $(wildcard runtime/*.c)
RUNTIME_OBJS := $(patsubst runtime/%.c,$(B)/runtime-obj/%.o,$(RUNTIME_SRCS))

.PHONY: all deps runtime compiler demo test bench conformance install clean distclean format

all: compiler demo

deps:
	@scripts/deps.sh

$(B)/stamps/modules: scripts/build-runtime.sh scripts/fetch-sources.sh scripts/sources.sha256 \
                     $(wildcard runtime/patches/*.patch) | deps
	@scripts/build-runtime.sh $(B)

runtime: $(B)/stamps/modules $(RT)/bin/wizer $(RT)/lib/libp2w.a $(RT)/py/_p2w_boot.py \
         $(RT)/include/p2w_embed.h $(RT)/include/p2w_eval.h $(RT)/include/p2w_ops.h \
         $(RT)/include/p2w_runtime.h $(RT)/include/p2w_export.h \
         $(RT)/web/loader.js $(RT)/web/index.html

# Wizer, for --snapshot=yes (from npm; see the script)
$(RT)/bin/wizer: scripts/wizer.sh | deps
	@scripts/wizer.sh $(B)

$(B)/runtime-obj/%.o: runtime/%.c $(wildcard runtime/*.h) $(B)/stamps/modules
	@mkdir -p $(@D)
	$(WASM_CC) -O2 -DNDEBUG -Wall -Wextra -Werror=implicit-function-declaration -DPy_BUILD_CORE -I$(RT)/include -I$(RT)/include/internal -c $< -o $@

$(RT)/lib/libp2w.a: $(RUNTIME_OBJS)
	@rm -f $@
	llvm-ar-14 rcs $@ $^

$(RT)/include/%.h: runtime/%.h $(B)/stamps/modules
	cp $< $@

$(RT)/py/_p2w_boot.py: runtime/p2w_boot.py $(B)/stamps/modules
	@mkdir -p $(@D)
	cp $< $@

# The --target web loader: runtime/web/loader.js with the browser WASI shim
# bundled in (one self-contained ES module; py2wasm prepends the program's
# configuration).
$(RT)/web/loader.js: runtime/web/loader.js package-lock.json scripts/web-banner.sh $(B)/stamps/modules | deps
	@mkdir -p $(@D)
	node_modules/.bin/esbuild $< --bundle --format=esm --log-level=warning \
	  --banner:js="$$(scripts/web-banner.sh)" --outfile=$@

$(RT)/web/index.html: runtime/web/index.html $(B)/stamps/modules
	@mkdir -p $(@D)
	cp $< $@

$(B)/bin/py2wasm: $(SRCS) $(HDRS) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(P2W_CFLAGS) $(SRCS) -o $@ $(HOST_LIBS)

# The same compiler built with AddressSanitizer and UndefinedBehaviorSanitizer;
# `make test` runs part of the suite with it.
$(B)/bin/py2wasm-asan: $(SRCS) $(HDRS) | deps
	@mkdir -p $(@D)
	$(CC) -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
	  $(P2W_CFLAGS) $(SRCS) -o $@ $(HOST_LIBS)

UNIT_SRCS := $(filter-out src/main.c,$(SRCS))
$(B)/tests/unit_tests: tests/unit/unit_tests.c $(UNIT_SRCS) $(HDRS) | deps
	@mkdir -p $(@D)
	$(CC) -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
	  $(P2W_CFLAGS) tests/unit/unit_tests.c $(UNIT_SRCS) -o $@ $(HOST_LIBS)

compiler: runtime $(B)/bin/py2wasm

demo: compiler
	@echo "== demo: py2wasm examples/hello.py"
	@$(B)/bin/py2wasm -q examples/hello.py -o $(B)/hello.wasm
	@node tools/run-wasi.mjs $(B)/hello.wasm world

test: compiler $(B)/bin/py2wasm-asan $(B)/tests/unit_tests
	@$(HOSTPY) tests/run_tests.py

bench: compiler
	@$(HOSTPY) bench/run.py

conformance: compiler
	@$(HOSTPY) tests/conformance/run.py

install: compiler
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/py2wasm
	cp -r $(RT)/. $(DESTDIR)$(PREFIX)/lib/py2wasm/runtime
	install -m 755 $(B)/bin/py2wasm $(DESTDIR)$(PREFIX)/lib/py2wasm/py2wasm
	ln -sf ../lib/py2wasm/py2wasm $(DESTDIR)$(PREFIX)/bin/py2wasm
	install -m 644 tools/run-wasi.mjs $(DESTDIR)$(PREFIX)/lib/py2wasm/run-wasi.mjs

format:
	clang-format -i src/*.c src/*.h runtime/*.c runtime/*.h

clean:
	rm -rf $(B)/bin $(B)/runtime-obj $(B)/hello.wasm $(B)/tests

distclean:
	rm -rf $(B)

"""py2wasm runtime boot: serves the modules embedded in the binary.

Every module of the program is embedded as a marshalled code object.  While
the interpreter initialises, CPython's frozen importer serves them (that is
how `encodings` is found without a filesystem); once it is up, install()
puts EmbeddedFinder ahead of the frozen importer so that modules get the
__spec__, __file__, __cached__, __path__ and __loader__ native CPython gives
them when it runs the program from its source directory, and re-labels the
modules initialisation already imported.  The loader's get_source() serves
the embedded sources to linecache, traceback and inspect.

Some stdlib modules need a small fix-up on WASI; those are applied right after
the module executes (see _FIXUPS), leaving the stdlib source and its line
numbers untouched.
"""

import sys
import _p2w

_bootstrap = sys.modules["_frozen_importlib"]
_external = sys.modules["_frozen_importlib_external"]

_MODULE, _PACKAGE, _NAMESPACE = 0, 1, 2
_MODULES = _p2w.modules()  # name -> (filename, kind, search path list)


class EmbeddedLoader(_external.SourceFileLoader):
    """Loads an embedded module: its code comes from the binary, not a file."""

    def get_code(self, fullname):
        return _p2w.get_code(fullname)

    def get_source(self, fullname):
        return _p2w.get_source(self.path)

    def is_package(self, fullname):
        entry = _MODULES.get(fullname)
        return entry is not None and entry[1] == _PACKAGE


class FixupLoader(EmbeddedLoader):
    """EmbeddedLoader for the few modules that need a WASI fix-up.

    Only these get an exec_module of ours: a frame of this file between
    importlib's frames would stop CPython from hiding importlib's frames in
    tracebacks of errors raised while a module executes (import.c removes a
    run of importlib frames only if it ends in _call_with_frames_removed).
    """

    def exec_module(self, module):
        super().exec_module(module)
        _FIXUPS[module.__name__](module)


class EmbeddedFinder:
    """Meta-path finder for the modules embedded in the binary."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        entry = _MODULES.get(fullname)
        if entry is None or fullname == "__main__":
            return None
        filename, kind, search = entry
        if kind == _NAMESPACE:
            spec = _bootstrap.ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = _external._NamespacePath(
                fullname, list(search), _external.PathFinder._get_spec)
            return spec
        loader = (FixupLoader if fullname in _FIXUPS else EmbeddedLoader)(fullname, filename)
        return _external.spec_from_file_location(
            fullname, filename, loader=loader,
            submodule_search_locations=list(search) if kind == _PACKAGE else None)

    @classmethod
    def invalidate_caches(cls):
        pass


def install():
    """Called once by the runtime's main() after the interpreter is up."""
    meta = sys.meta_path
    pos = meta.index(_bootstrap.FrozenImporter) if _bootstrap.FrozenImporter in meta else 0
    meta.insert(pos, EmbeddedFinder)
    sys.path.insert(0, _p2w.main_dir)
    # getpath finds no stdlib on the WASI file system and leaves
    # sys._stdlib_dir empty, so the runtime's own frozen modules (os, codecs,
    # io, ...) got no __file__ when start-up imported them; natively they
    # have their source's path in the stdlib, and so do the ones imported
    # from now on.
    sys._stdlib_dir = _p2w.stdlib_dir
    for name, module in list(sys.modules.items()):
        if name in _MODULES and name != "__main__":
            _relabel(module, EmbeddedFinder.find_spec(name))
            fixup = _FIXUPS.get(name)
            if fixup is not None:
                fixup(module)
        elif getattr(module, "__loader__", None) is _bootstrap.FrozenImporter:
            _locate_frozen(module)


def _locate_frozen(module):
    """Gives a frozen stdlib module the file name FrozenImporter gives it
    when sys._stdlib_dir is known at its import."""
    spec = module.__spec__
    state = spec.loader_state
    if state is None or state.filename or not state.origname:
        return
    ispkg = spec.submodule_search_locations is not None
    filename, pkgdir = _bootstrap.FrozenImporter._resolve_filename(
        state.origname, spec.name, ispkg)
    state.filename = filename
    if filename:
        module.__file__ = filename
    if ispkg and pkgdir:
        spec.submodule_search_locations.insert(0, pkgdir)


def _relabel(module, spec):
    module.__spec__ = spec
    module.__loader__ = spec.loader
    if spec.has_location:
        module.__file__ = spec.origin
        module.__cached__ = spec.cached
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations


def prepare_main(globals):
    """Sets up __main__'s globals as CPython does when it runs a script file."""
    filename = _MODULES["__main__"][0]
    globals["__file__"] = filename
    globals["__cached__"] = None
    globals["__loader__"] = EmbeddedLoader("__main__", filename)


def new_program_module():
    """The module a program with exports runs in (the reactor's _initialize).

    It is named after the script (app.py -> app) and set up as `import app`
    would set it up, so `if __name__ == "__main__":` blocks do not run.  It
    is registered in sys.modules before its code runs, as in an import.
    """
    filename = _MODULES["__main__"][0]
    name = filename.rpartition("/")[2]
    if name.endswith(".py"):
        name = name[:-3]
    module = type(sys)(name)
    loader = EmbeddedLoader("__main__", filename)
    spec = _external.spec_from_file_location(name, filename, loader=loader)
    module.__spec__ = spec
    module.__loader__ = loader
    module.__file__ = filename
    module.__cached__ = spec.cached
    module.__builtins__ = sys.modules["builtins"]
    sys.modules[name] = module
    return module


# ---- WASI fix-ups of stdlib modules ----------------------------------------

def _fix_asyncio_selector_events(mod):
    # The selector event loop wakes itself through a socketpair, which WASI
    # does not have (OSError: [Errno 58] Not supported).  Without threads
    # nothing can need waking from outside the loop, so run without one.
    cls = mod.BaseSelectorEventLoop
    make_self_pipe = cls._make_self_pipe
    close_self_pipe = cls._close_self_pipe

    def _make_self_pipe(self):
        try:
            make_self_pipe(self)
        except OSError:
            self._ssock = self._csock = None

    def _close_self_pipe(self):
        if self._ssock is None:
            return
        close_self_pipe(self)

    cls._make_self_pipe = _make_self_pipe
    cls._close_self_pipe = _close_self_pipe


def _fix_linecache(mod):
    # linecache reads source files from disk (warnings, traceback and inspect
    # use it); embedded sources have no file, so fall back to the copy in the
    # binary.  Entries get mtime None, which checkcache() leaves alone.
    updatecache = mod.updatecache

    def _updatecache(filename, module_globals=None):
        lines = updatecache(filename, module_globals)
        if lines or not filename:
            return lines
        source = _p2w.get_source(filename)
        if source is None:
            return lines
        lines = source.splitlines(True)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        mod.cache[filename] = (len(source), None, lines, filename)
        return lines

    mod.updatecache = _updatecache


_FIXUPS = {
    "asyncio.selector_events": _fix_asyncio_selector_events,
    "linecache": _fix_linecache,
}


# ---- resuming from a snapshot ------------------------------------------------

def refresh(rerun_site):
    """Called when a pre-initialised binary starts, if needed (p2w_world.c).

    Module state the build's world went into is drawn again from this run
    (the warning options are applied by the runtime itself: importing
    warnings here would make every program embed it).
    Only the modules listed in _REFRESH, and modules without such state, are
    pre-imported by the compiler (src/plan.c keeps the matching list)."""
    if rerun_site:
        # this run's file system has a venv, site-packages or sitecustomize
        # without the script's directory, which install() put first: site
        # runs before it is there, natively too
        first = sys.path.pop(0)
        try:
            sys.modules["site"].main()
        finally:
            sys.path.insert(0, first)
    for name, fix in _REFRESH.items():
        module = sys.modules.get(name)
        if module is not None:
            fix(module)


def _refresh_random(mod):
    # the module-level Random() seeded itself (from os.urandom) at import
    mod._inst.seed()


def _refresh_logging(mod):
    # relativeCreated counts from the module's import (logging imported time;
    # an import statement here would make every program embed time's
    # dependencies)
    mod._startTime = sys.modules["time"].time()


_REFRESH = {
    "random": _refresh_random,
    "logging": _refresh_logging,
}

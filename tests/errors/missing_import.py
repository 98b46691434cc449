try:
    import no_such_module_guarded
except ImportError:
    print("guarded import failed as expected")
import no_such_module_unguarded

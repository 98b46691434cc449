# Compiled with --path tests/options/lib; run natively with PYTHONPATH=tests/options/lib.
import os
import extmod
from extpkg import helper

here = os.path.dirname(os.path.abspath(__file__))
print(extmod.greet("path"), helper.double(21))
print(os.path.relpath(extmod.__file__, here), extmod.__name__)
print(helper.__package__, helper.__spec__.name, os.path.relpath(helper.__file__, here))
extmod.fail()

# inspect: signature, Parameter kinds, bind, getsource-free introspection helpers.
import inspect
import functools


def f(a, b: int, /, c=3, *args, d, e: str = "e", **kw) -> bool:
    """Example function."""
    return True


sig = inspect.signature(f)
print(sig)
print(sig.return_annotation, list(sig.parameters))
for p in sig.parameters.values():
    ann = p.annotation if p.annotation is not p.empty else None
    print(p.name, p.kind, p.kind.description, ann, p.default if p.default is not p.empty else "-")
ba = sig.bind(1, 2, d=4)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(sig.bind_partial(1).arguments)


class K:
    def __init__(self, x, y=0):
        pass

    def method(self, z, *, w=1):
        pass

    @classmethod
    def cm(cls, q):
        pass

    @staticmethod
    def sm(r, s=2):
        pass


print(inspect.signature(K), inspect.signature(K.method), inspect.signature(K(1).method))
print(inspect.signature(K.cm), inspect.signature(K.sm), inspect.signature(lambda *a, k=1: 0))


@functools.wraps(f)
def wrapper(*a, **k):
    return f(*a, **k)


print(inspect.signature(wrapper), inspect.signature(wrapper, follow_wrapped=False))
part = functools.partial(f, 1, 2, d=9)
print(inspect.signature(part))
print(inspect.signature(len), inspect.signature(divmod), inspect.signature(sorted))
new = sig.replace(parameters=[inspect.Parameter("only", inspect.Parameter.KEYWORD_ONLY, default=5)],
                  return_annotation=inspect.Signature.empty)
print(new)
print(inspect.isfunction(f), inspect.ismethod(K(0).method), inspect.isclass(K), inspect.isbuiltin(len),
      inspect.isgeneratorfunction(lambda: (yield)), inspect.iscoroutinefunction(f), inspect.ismodule(inspect))
print(inspect.getdoc(f), inspect.getmro(bool), inspect.isabstract(K))
members = inspect.getmembers(K, inspect.isfunction)
print([name for name, _ in members])
print(inspect.getfullargspec(f))
print(inspect.getcallargs(f, 1, 2, 3, 4, 5, d=6, z=7))


def gen():
    yield 1


g = gen()
print(inspect.getgeneratorstate(g), inspect.isgenerator(g), inspect.unwrap(wrapper) is f)
print(inspect.cleandoc("""
    First line.
        indented
    last
"""))
print(str(inspect.Parameter("p", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=[1], annotation=list)))
print(inspect.signature(f) == inspect.signature(f), inspect.formatannotation(list[int]))

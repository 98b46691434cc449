# Zero-argument super(), __class__ cell, super in classmethods/properties, explicit super.
class Base:
    def __init__(self):
        self.trail = ["Base"]

    def greet(self):
        return "base"

    @classmethod
    def create(cls):
        return f"Base.create for {cls.__name__}"

    @property
    def label(self):
        return "base-label"


class Mid(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Mid")

    def greet(self):
        return "mid+" + super().greet()

    @classmethod
    def create(cls):
        return "Mid/" + super().create()

    @property
    def label(self):
        return "mid(" + super().label + ")"

    def which_class(self):
        return __class__.__name__, type(self).__name__


class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.trail.append("Leaf")

    def greet(self):
        return "leaf+" + super().greet()

    def explicit(self):
        return super(Mid, self).greet()


leaf = Leaf()
print(leaf.trail, leaf.greet(), Leaf.create(), leaf.label, leaf.which_class(), leaf.explicit())


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Cell:
    def get_class(self):
        return __class__

    def uses_super_later(self):
        f = lambda: super(Cell, self).__repr__
        return callable(f())


print(Cell().get_class() is Cell, Cell().uses_super_later())


def outside(self):
    return super().greet()


try:
    outside(leaf)
except RuntimeError as e:
    print("RuntimeError:", e)


class NoArgs:
    def method():
        return super().foo()


try:
    NoArgs.method()
except RuntimeError as e:
    print("RuntimeError:", e)


class WithNew:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst


class SubNew(WithNew):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.sub = True
        return inst


s = SubNew(1, 2)
print(s.args, s.sub, type(s).__name__)


sup = super(Leaf, leaf)
print(type(sup).__name__, sup.greet(), super(Leaf, Leaf).create())

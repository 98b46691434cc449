# Properties: getters, setters, deleters, computed and inherited properties.
class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
        self.log = []

    @property
    def celsius(self):
        self.log.append("get c")
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"too cold: {value}")
        self.log.append(f"set c={value}")
        self._c = value

    @celsius.deleter
    def celsius(self):
        self.log.append("del c")
        self._c = 0.0

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, round(t.fahrenheit, 6))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
print(t.log)


class ReadOnly:
    @property
    def value(self):
        """The answer."""
        return 42


r = ReadOnly()
print(r.value, ReadOnly.value.__doc__)
try:
    r.value = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.value
except AttributeError as e:
    print("AttributeError:", e)


class Shape:
    @property
    def area(self):
        return 0

    def show(self):
        return f"{type(self).__name__} area={self.area}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    @property
    def area(self):
        return self.s ** 2


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    area = property(lambda self: self.w * self.h, doc="rect area")


for s in (Shape(), Square(4), Rect(2, 7)):
    print(s.show())
print(Rect.area.__doc__, isinstance(Rect.area, property))

p = property(lambda self: 1)
print(p.fget is not None, p.fset, p.fdel)


class Lazy:
    def __init__(self):
        self.calls = 0

    @property
    def data(self):
        try:
            return self._data
        except AttributeError:
            self.calls += 1
            self._data = [i * i for i in range(5)]
            return self._data


lz = Lazy()
print(lz.data, lz.data, lz.calls)


class BadProp:
    @property
    def broken(self):
        raise AttributeError("inner missing")

    def __getattr__(self, name):
        return f"__getattr__({name})"


print(BadProp().broken)
print(BadProp().other)

# __class_getitem__, generic aliases, typing.Generic subscription at runtime.
import typing
from typing import Generic, TypeVar


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__} of {item!r}"


print(Box[int], Box["x"], Box[1, 2])


class Tree:
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return type(f"Tree_{'_'.join(p.__name__ for p in params)}", (cls,), {"params": params})


IntTree = Tree[int]
print(IntTree.__name__, IntTree.params, issubclass(IntTree, Tree))
print(Tree[str, float].__name__)

print(list[int], dict[str, list[int]], tuple[int, ...], type[str])
alias = list[int]
print(type(alias).__name__, alias.__origin__, alias.__args__, alias([1, 2]))
print(isinstance([1], list), dict[str, int]() == {})

T = TypeVar("T")
K = TypeVar("K")


class Stack(Generic[T]):
    def __init__(self):
        self.items: list[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, Stack[int], Stack.__parameters__)
print(typing.get_origin(Stack[int]) is Stack, typing.get_args(Stack[int]))
print(typing.get_args(dict[str, int]), typing.get_origin(list[int]))


class Pair(Generic[K, T]):
    pass


print(Pair[str, int], Pair[str, int].__args__)
try:
    Pair[int]
except TypeError as e:
    print("TypeError:", e)

print(int | str, (int | None).__args__, isinstance(3, int | str), typing.Optional[int])
print(typing.Union[int, str] == (int | str), typing.List[int], typing.Dict[str, int])
print(typing.Callable[[int, str], bool], typing.Tuple[int, str])

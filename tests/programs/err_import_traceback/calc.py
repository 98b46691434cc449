from lib.parser import parse


def mean_of(text):
    numbers = parse(text)
    return sum(numbers) / len(numbers)

VALUE = 1
def broken(:
    pass

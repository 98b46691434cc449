print("gamma is not in __all__")

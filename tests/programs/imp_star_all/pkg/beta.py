print("beta loaded")
NAME = "beta"

print("alpha loaded")

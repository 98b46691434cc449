KIND = "regular package"

VALUE = "package"

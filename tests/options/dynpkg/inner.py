VALUE = "inner module"

VALUE = "plugin loaded"

print("broken_at_import runs")
1 / 0

# Compile-time warnings of the main script with nothing else in the program
# that needs CPython's bytecode compiler: the run still gives them (they are
# replayed by compiling the script again), and the program runs.
print(len("\d+"))
x = 5
print(x is 5)

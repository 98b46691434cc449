# Uncaught custom exception class with __str__, attributes and notes.
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(balance, amount)
        self.balance = balance
        self.amount = amount

    def __str__(self):
        return f"cannot withdraw {self.amount}; balance is only {self.balance}"


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            err = InsufficientFunds(self.balance, amount)
            err.add_note("hint: deposit more money first")
            err.add_note(f"account balance checked at {self.balance}")
            raise err
        self.balance -= amount
        return self.balance


acct = Account(100)
print("after first withdrawal:", acct.withdraw(30))
acct.withdraw(500)

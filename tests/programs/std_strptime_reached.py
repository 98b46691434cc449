# Every way of reaching strptime that the compiler sees makes it embed the
# _strptime module the call imports: a from-import in a function, a method
# of datetime, getattr with a literal name, and a name in a mapping.
import datetime
import time


def parse_day(text):
    from time import strptime
    return strptime(text, "%d/%m/%Y")[:3]


print(parse_day("29/02/2024"))
print(datetime.datetime.strptime("2023-07-14 12:30", "%Y-%m-%d %H:%M"))
print(getattr(datetime.datetime, "strptime")("2001-01-01", "%Y-%m-%d").date())
parsers = {"time": time.strptime}
print(parsers["time"]("12:00", "%H:%M").tm_hour)
try:
    time.strptime("not a date", "%Y")
except ValueError as e:
    print("ValueError:", e)

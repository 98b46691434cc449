# datetime with fixed dates: arithmetic, formatting, parsing, timezones (fixed offsets), isocalendar.
from datetime import date, time, datetime, timedelta, timezone

d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d.replace(year=2023) + timedelta(days=1))
print(d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), date.fromordinal(700000), d.ctime())
print(d.strftime("%Y/%m/%d %a %A %b %B %j %U %W %y"), d.isoformat(), str(d), repr(d))
print(date.fromisoformat("2000-01-01"), date(2024, 12, 31) - date(2024, 1, 1), (date(2025, 1, 1) - d).days)
print(date.min, date.max, date(2000, 1, 1) < date(2000, 1, 2), max(date(1999, 5, 5), date(1999, 4, 30)))
t = time(13, 45, 30, 123456)
print(t, t.isoformat(timespec="milliseconds"), t.strftime("%I:%M %p"), t.replace(hour=1), time.fromisoformat("08:15:00"))
dt = datetime(2023, 12, 31, 23, 59, 59, 500000)
print(dt, dt + timedelta(seconds=1), dt + timedelta(microseconds=500000), dt.date(), dt.time())
print(dt.isoformat(), dt.isoformat(" ", "seconds"), dt.strftime("%d.%m.%Y %H:%M:%S.%f"), repr(dt))
p = datetime.strptime("2021-07-04 09:08:07", "%Y-%m-%d %H:%M:%S")
print(p, p.year, p.month, p.day, p.hour, p.minute, p.second, p.timetuple()[:6])
print(datetime.fromisoformat("2022-03-04T05:06:07.080000"), datetime.combine(d, t))
td = timedelta(days=3, hours=25, minutes=-30, seconds=3661.5)
print(td, td.days, td.seconds, td.microseconds, td.total_seconds(), repr(td))
print(-td, abs(-td), td * 2, td / 2, td // 3, td / timedelta(hours=1), td % timedelta(days=1), timedelta(weeks=1))
print(timedelta(microseconds=-1), timedelta(0), timedelta(days=-1, seconds=86399), str(timedelta(days=400, seconds=5)))
utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), "IST")
minus = timezone(timedelta(hours=-8))
a = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(a, a.astimezone(ist), a.astimezone(minus), a.astimezone(ist).tzname(), minus.tzname(None), a.utcoffset())
print(a.timestamp(), datetime.fromtimestamp(0, utc), datetime.fromtimestamp(1700000000, tz=ist))
print(a == a.astimezone(ist), a.astimezone(ist) - a, a.isoformat(), datetime(2024, 1, 1, tzinfo=minus).isoformat())
try:
    datetime(2024, 1, 1) < a
except TypeError as e:
    print("TypeError:", e)
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
try:
    datetime.strptime("2023-13-01", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
days = [date(2024, 1, 1) + timedelta(days=i * 45) for i in range(8)]
print([x.strftime("%b %d") for x in days])
print(sorted([datetime(2020, 5, 17), datetime(2019, 1, 1), datetime(2020, 5, 16, 23)])[0])


def add_months(dd, n):
    m = dd.month - 1 + n
    y = dd.year + m // 12
    m = m % 12 + 1
    import calendar
    return dd.replace(year=y, month=m, day=min(dd.day, calendar.monthrange(y, m)[1]))


print([str(add_months(date(2024, 1, 31), k)) for k in range(0, 14, 3)])
print(date(2024, 3, 10).isocalendar().week, datetime(2024, 1, 1).strftime("%G-W%V-%u"), dt.replace(tzinfo=utc).tzinfo)
print(date(1970, 1, 1) + timedelta(days=19000), datetime(2000, 2, 29) + timedelta(days=365))

# uuid3/uuid5 (deterministic), UUID parsing; time.strftime on fixed struct_time; calendar for fixed years.
import calendar
import time
import uuid

for name in ("example.com", "python.org", ""):
    print(uuid.uuid3(uuid.NAMESPACE_DNS, name), uuid.uuid5(uuid.NAMESPACE_DNS, name))
u = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/page")
print(u, u.version, u.variant, u.hex, u.int, u.urn, u.bytes.hex(), str(u.fields))
p = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print(p, repr(p), p == uuid.UUID(int=0x12345678123456781234567812345678), uuid.UUID(bytes=p.bytes) == p, p.time_low)
print(uuid.UUID("urn:uuid:" + str(p)), uuid.NAMESPACE_OID, uuid.UUID(bytes_le=p.bytes_le) == p)
try:
    uuid.UUID("not-a-uuid")
except ValueError as e:
    print("ValueError:", e)
print(sorted([uuid.uuid5(uuid.NAMESPACE_X500, str(i)) for i in range(3)]))

st = time.struct_time((2021, 3, 14, 15, 9, 26, 6, 73, 0))
print(time.strftime("%Y-%m-%d %H:%M:%S", st), time.strftime("%a %A %b %B %j %p %y %%", st))
print(time.strftime("%d/%m/%Y %I:%M", st), time.strftime("%U %W %w", st), st.tm_year, st.tm_yday, st.tm_wday)
print(time.asctime(st), tuple(st), st[0:3])
parsed = time.strptime("2020-02-29 23:59:58", "%Y-%m-%d %H:%M:%S")
print(tuple(parsed), time.strftime("%c", parsed) != "")
print(time.strptime("15 Mar 2019", "%d %b %Y")[:3], calendar.timegm(st), time.gmtime(0)[:6], time.gmtime(86400 * 365.25 * 30)[:3])

print(calendar.month(2024, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2024), calendar.weekday(2024, 7, 4))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.monthcalendar(2024, 9))
print(list(calendar.day_name), list(calendar.month_abbr)[1:4], calendar.firstweekday())
c = calendar.Calendar(firstweekday=0)
print([d for d in c.itermonthdays(2024, 3)][:10], sum(1 for _ in c.itermonthdates(2024, 3)))
print(calendar.HTMLCalendar().formatmonth(2022, 1).splitlines()[:3])
print(calendar.calendar(2021, w=2, l=1, c=6, m=3).splitlines()[:9])

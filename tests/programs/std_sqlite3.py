# sqlite3 over the runtime's SQLite (_sqlite3): an in-memory and an on-disk
# database, transactions, Python functions and aggregates, adapters and
# converters, row factories, the iterdump, and the errors SQLite reports.
import os
import sqlite3

print("sqlite", sqlite3.sqlite_version_info >= (3, 7, 15), sqlite3.paramstyle, sqlite3.apilevel)

con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("create table emp(id integer primary key, name text not null unique, dept text,"
            " salary real, hired date)")
rows = [(i, f"name{i:03d}", ("eng", "ops", "sales")[i % 3], 1000.0 + i * 37.5,
         f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(200)]
cur.executemany("insert into emp values (?, ?, ?, ?, ?)", rows)
con.commit()
print("count", cur.execute("select count(*) from emp").fetchone())
print("groups", cur.execute("select dept, count(*), round(avg(salary), 2), max(name) from emp"
                            " group by dept order by dept").fetchall())
print("named", cur.execute("select name from emp where id = :id", {"id": 42}).fetchone())
print("like", cur.execute("select count(*) from emp where name like 'name1%'").fetchone())
print("window", cur.execute("select id, sum(salary) over (order by id rows 2 preceding)"
                            " from emp where id < 5").fetchall())
print("json", cur.execute("select json_extract('{\"a\": [1, 2, {\"b\": 3}]}', '$.a[2].b')")
      .fetchone())
print("cte", cur.execute("with recursive c(x) as (select 1 union all select x * 2 from c"
                         " where x < 1000) select group_concat(x) from c").fetchone())

# a Python function, an aggregate and a collation
con.create_function("rev", 1, lambda s: s[::-1], deterministic=True)


class Spread:
    def __init__(self):
        self.lo, self.hi = None, None

    def step(self, v):
        self.lo = v if self.lo is None else min(self.lo, v)
        self.hi = v if self.hi is None else max(self.hi, v)

    def finalize(self):
        return self.hi - self.lo


con.create_aggregate("spread", 1, Spread)
con.create_collation("bylen", lambda a, b: (len(a) > len(b)) - (len(a) < len(b)))
print("udf", cur.execute("select rev(name) from emp where id = 7").fetchone())
print("agg", cur.execute("select dept, spread(salary) from emp group by dept").fetchall())
print("coll", [r[0] for r in cur.execute("select x from (select 'ccc' x union select 'a'"
                                         " union select 'bb') order by x collate bylen")])

# transactions: rollback, and the context manager
try:
    with con:
        con.execute("update emp set salary = salary * 2 where dept = 'eng'")
        con.execute("insert into emp(id, name) values (1, 'dup')")
except sqlite3.IntegrityError as e:
    print("integrity", e)
print("rolled back", con.execute("select salary from emp where id = 0").fetchone())

# errors
for sql in ("select * from nosuch", "selec 1", "insert into emp(id) values (999)"):
    try:
        con.execute(sql)
    except sqlite3.Error as e:
        print(type(e).__name__, e)
try:
    con.execute("select ?", (1, 2))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)

# row factories, adapters and converters
con.row_factory = sqlite3.Row
r = con.execute("select id, name from emp where id = 3").fetchone()
print("row", r.keys(), r["name"], tuple(r))
con.row_factory = None


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
pcon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
pcon.execute("create table p(pt point)")
pcon.execute("insert into p values (?)", (Point(1.5, -2),))
pt = pcon.execute("select pt from p").fetchone()[0]
print("converter", type(pt).__name__, pt.x, pt.y)
print("blob", pcon.execute("select ?", (b"\x00\xffdata",)).fetchone())
print("dump", list(pcon.iterdump()))
pcon.close()

# on disk: write, close, reopen, and a second connection to the same file
path = "std_sqlite3.tmp.db"
if os.path.exists(path):
    os.remove(path)
d = sqlite3.connect(path)
d.execute("create table kv(k text primary key, v integer)")
d.executemany("insert into kv values (?, ?)", [(f"k{i}", i * i) for i in range(500)])
d.commit()
d.close()
d = sqlite3.connect(path)
print("disk", d.execute("select count(*), sum(v) from kv").fetchone())
d2 = sqlite3.connect(path)
d2.execute("insert into kv values ('extra', 1)")
d2.commit()
print("second connection", d.execute("select count(*) from kv").fetchone())
d.execute("vacuum")
d.close()
d2.close()
print("file", os.path.getsize(path) > 0)
os.remove(path)
con.close()
try:
    con.execute("select 1")
except sqlite3.ProgrammingError as e:
    print("closed", e)

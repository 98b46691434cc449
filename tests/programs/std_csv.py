# csv on io.StringIO: reader, writer, DictReader/DictWriter, dialects, quoting.
import csv
import io

text = 'name,age,city\nAlice,30,"New York, NY"\nBob,25,"He said ""hi"""\n"Multi\nLine",40,Paris\n'
rows = list(csv.reader(io.StringIO(text)))
print(rows)
for rec in csv.DictReader(io.StringIO(text)):
    print(dict(rec))
out = io.StringIO()
w = csv.writer(out)
w.writerow(["id", "value", "note"])
w.writerows([[1, 2.5, "plain"], [2, None, "has,comma"], [3, "", 'quote"inside'], [4, True, "new\nline"]])
print(repr(out.getvalue()))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["b", "a"], extrasaction="ignore", lineterminator="\n")
dw.writeheader()
dw.writerow({"a": 1, "b": 2, "c": 3})
dw.writerows([{"a": "x"}, {"b": "y"}])
print(out.getvalue())
out = io.StringIO()
w = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="|")
w.writerow(["a", 1, 2.0])
print(out.getvalue())
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
w.writerow(["s", 1, 2.5])
print(out.getvalue(), list(csv.reader(io.StringIO(out.getvalue()), quoting=csv.QUOTE_NONNUMERIC)))
tsv = "a\tb\n1\t2\n"
print(list(csv.reader(io.StringIO(tsv), delimiter="\t")), list(csv.reader(io.StringIO(tsv), dialect="excel-tab")))
csv.register_dialect("pipes", delimiter="|", quotechar="'", skipinitialspace=True)
print(list(csv.reader(io.StringIO("x| 'y|z'| w\n"), dialect="pipes")), sorted(csv.list_dialects()))
sniffed = csv.Sniffer().sniff("a;b;c\n1;2;3\n")
print(sniffed.delimiter, csv.Sniffer().has_header("name,age\nann,3\nbob,4\n"))
try:
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_NONE).writerow(["needs,escape"])
except csv.Error as e:
    print("csv.Error:", e)
print(list(csv.reader(["a,b", "c,d"])), list(csv.reader(io.StringIO("")), ))
print(list(csv.reader(io.StringIO('"unterminated\n'))))
try:
    list(csv.reader(io.StringIO('a,"b\n'), strict=True))
except csv.Error as e:
    print("csv.Error:", e)
data = [{"n": i, "sq": i * i} for i in range(5)]
buf = io.StringIO()
wr = csv.DictWriter(buf, fieldnames=["n", "sq"])
wr.writeheader()
wr.writerows(data)
buf.seek(0)
total = sum(int(r["sq"]) for r in csv.DictReader(buf))
print(total, csv.field_size_limit() > 0)

# Modules that stdlib functions import only when called: shelve's dbm,
# urllib.request's mimetypes for file: URLs, urllib.parse's unicodedata for
# a non-ASCII host name.
import os
import shelve
import urllib.request
from urllib.parse import urljoin, urlparse, urlsplit

name = "std_shelve_urls.tmp"
with shelve.open(name) as db:
    db["k"] = [1, 2, {"three": 3}]
    db["other"] = "x" * 100
with shelve.open(name) as db:
    print("shelve", sorted(db), db["k"])
# (natively dbm picks Berkeley DB or gdbm, here dbm.dumb: the files and a
# read-only database's errors differ)
for f in os.listdir("."):
    if f.startswith(name):
        os.remove(f)

with open(name + ".txt", "w") as f:
    f.write("hello\n")
with urllib.request.urlopen("file://" + os.path.abspath(name + ".txt")) as r:
    print("urlopen", r.read(), r.headers["Content-type"], r.headers["Content-length"])
os.remove(name + ".txt")

print("netloc", urlsplit("http://exämple.com/päth?q=ü").netloc)
print("urlparse", urlparse("https://bücher.example/x").hostname)
print("urljoin", urljoin("http://exämple.com/a/b", "../c"))
try:
    urlsplit("http://ex\uff03ample.com/")
except ValueError as e:
    print("ValueError", e)

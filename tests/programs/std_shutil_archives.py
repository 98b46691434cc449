# shutil's archives: make_archive/unpack_archive in every format, which
# import tarfile, zipfile, bz2 and lzma only inside functions.
import os
import shutil
import tempfile

print("formats", sorted(name for name, _ in shutil.get_archive_formats()))
print("unpack formats", sorted(name for name, _, _ in shutil.get_unpack_formats()))
work = tempfile.mkdtemp(dir=".")
src = os.path.join(work, "src")
os.makedirs(os.path.join(src, "sub"))
with open(os.path.join(src, "a.txt"), "w") as f:
    f.write("alpha\n" * 50)
with open(os.path.join(src, "sub", "b.bin"), "wb") as f:
    f.write(bytes(range(256)) * 4)
for fmt in ("zip", "tar", "gztar", "bztar", "xztar"):
    archive = shutil.make_archive(os.path.join(work, "out-" + fmt), fmt, src)
    dest = os.path.join(work, "x-" + fmt)
    shutil.unpack_archive(archive, dest)
    files = sorted(os.path.relpath(os.path.join(d, n), dest)
                   for d, _, names in os.walk(dest) for n in names)
    with open(os.path.join(dest, "sub", "b.bin"), "rb") as f:
        same = f.read() == bytes(range(256)) * 4
    print(fmt, os.path.basename(archive), files, same)
try:
    shutil.unpack_archive(os.path.join(src, "a.txt"), work)
except shutil.ReadError as e:
    print("ReadError", str(e).replace(work, "WORK"))
shutil.rmtree(work)
print("cleaned", not os.path.exists(work))

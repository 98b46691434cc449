#!/usr/bin/env bash
# Obtains the pinned upstream tarballs of CPython 3.11.2, zlib, lz4, bzip2,
# xz (liblzma) and SQLite from Debian's source packages and verifies them against the checksums in
# scripts/sources.sha256.
#
# Debian's "deb-src" entries are derived from the machine's own apt sources
# (same hosts, suites and keys), written to a private apt configuration under
# the cache directory, so the system's apt state is never modified and no
# mirror host is named here.  The newest listed source version is sometimes
# missing from the mirror (seen: 404 on the security suite), so every listed
# version is tried in turn.
#
# Usage: fetch-sources.sh CACHE_DIR
#   -> CACHE_DIR/Python-3.11.2.tgz, CACHE_DIR/zlib-*.tar.*, CACHE_DIR/lz4-*.tar.*,
#      CACHE_DIR/bzip2_*.tar.*, CACHE_DIR/xz-utils_*.tar.*, CACHE_DIR/sqlite3_*.tar.*
set -euo pipefail
cache=$(realpath -m "$1")
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$cache"

want() { awk -v f="$1" '$2 == f { print $1 }' "$here/sources.sha256"; }
have_ok() { [[ -f "$cache/$1" ]] && echo "$(want "$1")  $cache/$1" | sha256sum -c --status; }

py_tar=Python-3.11.2.tgz
zlib_tar=$(awk '$2 ~ /^zlib/ { print $2 }' "$here/sources.sha256")
lz4_tar=$(awk '$2 ~ /^lz4/ { print $2 }' "$here/sources.sha256")
bzip2_tar=$(awk '$2 ~ /^bzip2/ { print $2 }' "$here/sources.sha256")
xz_tar=$(awk '$2 ~ /^xz-utils/ { print $2 }' "$here/sources.sha256")
sqlite_tar=$(awk '$2 ~ /^sqlite3/ { print $2 }' "$here/sources.sha256")
if have_ok "$py_tar" && have_ok "$zlib_tar" && have_ok "$lz4_tar" && have_ok "$bzip2_tar" &&
   have_ok "$xz_tar" && have_ok "$sqlite_tar"; then exit 0; fi

apt_dir="$cache/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/sources.list.d" "$apt_dir/archives/partial"
: > "$apt_dir/sources.list"
# deb822 files: same stanzas with Types: deb-src.
for f in /etc/apt/sources.list.d/*.sources; do
  [[ -f "$f" ]] || continue
  sed -E 's/^Types:.*/Types: deb-src/' "$f" > "$apt_dir/sources.list.d/$(basename "$f")"
done
# one-line format: every "deb" line becomes "deb-src".
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [[ -f "$f" ]] || continue
  sed -nE 's/^[[:space:]]*deb[[:space:]]+/deb-src /p' "$f" >> "$apt_dir/sources.list"
done
APT=(apt-get -qq -o Dir::Etc::SourceList="$apt_dir/sources.list"
     -o Dir::Etc::SourceParts="$apt_dir/sources.list.d"
     -o Dir::State::Lists="$apt_dir/lists"
     -o Dir::Cache::Archives="$apt_dir/archives"
     -o APT::Get::List-Cleanup=0)
echo "fetch-sources: reading Debian source indexes" >&2
"${APT[@]}" update >/dev/null 2>"$apt_dir/update.log" || {
  echo "fetch-sources: apt-get update of the deb-src indexes failed:" >&2; cat "$apt_dir/update.log" >&2; exit 1; }

# fetch PKG DEST: download PKG's upstream (orig) tarball as CACHE/DEST, trying each listed version.
fetch() {
  local pkg=$1 dest=$2 v orig
  have_ok "$dest" && return 0
  local work; work=$(mktemp -d "$cache/dl.XXXXXX")
  for v in $("${APT[@]/apt-get/apt-cache}" showsrc "$pkg" 2>/dev/null |
             awk '/^Version:/ { print $2 }' | sort -urV); do
    echo "fetch-sources: downloading Debian source package $pkg=$v" >&2
    if (cd "$work" && "${APT[@]}" source --download-only "$pkg=$v" >/dev/null 2>&1); then
      orig=$(ls "$work" | grep -E '\.orig\.tar\.[a-z0-9]+$' | head -1)
      if [[ -n "$orig" ]]; then
        mv "$work/$orig" "$cache/$dest"
        rm -rf "$work"
        if have_ok "$dest"; then return 0; fi
        echo "fetch-sources: checksum mismatch for $dest from $pkg=$v" \
             "(got $(sha256sum "$cache/$dest" | cut -d' ' -f1), pinned $(want "$dest"))" >&2
        rm -f "$cache/$dest"; return 1
      fi
    fi
    rm -rf "${work:?}"/*
  done
  rm -rf "$work"
  echo "fetch-sources: could not download Debian source package '$pkg' (tried every listed version)" >&2
  return 1
}
fetch python3.11 "$py_tar"
fetch zlib "$zlib_tar"
fetch lz4 "$lz4_tar"
fetch bzip2 "$bzip2_tar"
fetch xz-utils "$xz_tar"
fetch sqlite3 "$sqlite_tar"

"""`re` and `json` heavy standard-library work.

Generates synthetic web-server log lines (LCG-driven), parses them with a
verbose compiled regex, aggregates the matches into nested dicts/lists,
serialises the aggregate with json.dumps (compact, indented and sort_keys
variants), parses it back with json.loads (including an object_hook), and does
regex substitution/findall/split over the JSON text.  json output uses
sort_keys or insertion-ordered dicts only, so it is hash-independent.

usage: re_json.py [scale]   (scale multiplies the number of log lines)
"""
import json
import re
import sys
import time

LINE_RE = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})\s+
    -\s+(?P<user>[a-z_][a-z0-9_]*|-)\s+
    \[(?P<day>\d{2})/(?P<mon>[A-Z][a-z]{2})/(?P<year>\d{4}):(?P<time>\d{2}:\d{2}:\d{2})\]\s+
    "(?P<method>GET|POST|PUT|DELETE)\s+(?P<path>/[^\s?"]*)(?:\?(?P<query>[^\s"]*))?\s+HTTP/1\.[01]"\s+
    (?P<status>\d{3})\s+(?P<size>\d+|-)
    """, re.VERBOSE)
QUERY_RE = re.compile(r"([a-z]+)=([^&]*)")
NUM_RE = re.compile(r"-?\d+(?:\.\d+)?")
WORD_RE = re.compile(r"\b[a-z]{4,}\b")

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
USERS = ["-", "alice", "bob", "carol", "dave_99", "eve", "mallory", "trent"]
PATHS = ["/", "/index.html", "/api/v1/items", "/api/v1/users", "/static/app.js",
         "/static/style.css", "/search", "/login", "/api/v2/orders", "/img/logo.png"]
METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE"]
STATUS = [200, 200, 200, 200, 304, 404, 500, 201, 302]


class Rng:
    def __init__(self, seed):
        self.x = seed

    def __call__(self, n):
        self.x = (self.x * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.x >> 7) % n


def gen_lines(n, rng):
    out = []
    for i in range(n):
        ip = f"{10 + rng(200)}.{rng(256)}.{rng(256)}.{1 + rng(254)}"
        path = PATHS[rng(len(PATHS))]
        q = ""
        if path in ("/search", "/api/v1/items") and rng(2):
            q = f"?q=item{rng(500)}&page={rng(20)}&sort={'asc' if rng(2) else 'desc'}"
        size = "-" if rng(17) == 0 else str(rng(50000))
        out.append('%s - %s [%02d/%s/%d:%02d:%02d:%02d] "%s %s%s HTTP/1.%d" %d %s' % (
            ip, USERS[rng(len(USERS))], 1 + rng(28), MONTHS[rng(12)], 2020 + rng(5),
            rng(24), rng(60), rng(60), METHODS[rng(len(METHODS))], path, q, rng(2),
            STATUS[rng(len(STATUS))], size))
    if n > 10:
        out[n // 3] = "garbage line that should not match"
    return out


def aggregate(lines):
    by_path = {}
    by_status = {}
    queries = {}
    bad = 0
    total_bytes = 0
    for line in lines:
        m = LINE_RE.match(line)
        if m is None:
            bad += 1
            continue
        d = m.groupdict()
        size = 0 if d["size"] == "-" else int(d["size"])
        total_bytes += size
        entry = by_path.get(d["path"])
        if entry is None:
            entry = by_path[d["path"]] = {"hits": 0, "bytes": 0, "methods": {}, "users": []}
        entry["hits"] += 1
        entry["bytes"] += size
        entry["methods"][d["method"]] = entry["methods"].get(d["method"], 0) + 1
        if d["user"] != "-" and d["user"] not in entry["users"]:
            entry["users"].append(d["user"])
        by_status[d["status"]] = by_status.get(d["status"], 0) + 1
        if d["query"]:
            for k, v in QUERY_RE.findall(d["query"]):
                queries.setdefault(k, {}).setdefault(v, 0)
                queries[k][v] += 1
    return {"bad": bad, "bytes": total_bytes, "paths": by_path,
            "status": by_status, "queries": queries,
            "ratio": total_bytes / max(1, len(lines) - bad)}


class Hook:
    def __init__(self):
        self.objects = 0
        self.keys = 0

    def __call__(self, d):
        self.objects += 1
        self.keys += len(d)
        return d


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(20, int(55000 * scale))
    t0 = time.perf_counter()
    lines = gen_lines(n, Rng(4242))
    agg = aggregate(lines)
    compact = json.dumps(agg, sort_keys=True, separators=(",", ":"))
    pretty = json.dumps(agg, sort_keys=True, indent=2)
    records = [{"line": i, "text": lines[i], "len": len(lines[i]), "ok": i % 7 != 0,
                "tags": lines[i].split()[:3], "score": (i * 37 % 1000) / 8.0}
               for i in range(0, n, 2)]
    rec_json = json.dumps(records, ensure_ascii=True)
    hook = Hook()
    back = json.loads(compact, object_hook=hook)
    back_pretty = json.loads(pretty)
    back_recs = json.loads(rec_json)
    assert back == back_pretty
    assert len(back_recs) == len(records)
    nums = NUM_RE.findall(rec_json)
    num_total = sum(float(x) for x in nums[: 20000])
    words = WORD_RE.findall(pretty)
    word_counts = {}
    for w in words:
        word_counts[w] = word_counts.get(w, 0) + 1
    top_words = sorted(word_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    redacted = re.sub(r"\d+\.\d+\.\d+\.(\d+)", r"x.x.x.\1", "\n".join(lines[:5000]))
    pieces = re.split(r"[\[\]\"]", redacted)
    roundtrip = json.dumps(json.loads(json.dumps(back_recs[:2000])), sort_keys=True)
    t1 = time.perf_counter()
    print("lines", n, "bad", agg["bad"], "bytes", agg["bytes"], "ratio %.6f" % agg["ratio"])
    print("status", sorted(agg["status"].items()))
    print("json sizes", len(compact), len(pretty), len(rec_json), len(roundtrip))
    print("hook", hook.objects, hook.keys, "nums", len(nums), "numtotal %.3f" % num_total)
    print("top-words", top_words)
    print("split", len(pieces), len(redacted))
    print("sample", compact[:120])
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

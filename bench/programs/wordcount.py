"""Dictionary- and set-heavy word counting over generated text.

Text is generated deterministically from syllables with a linear congruential
generator.  The program counts words, bigrams and word lengths with dicts,
builds per-letter vocabularies with sets, computes set intersections and
differences, and reports the most frequent entries.  Every output is sorted or
aggregated so that it does not depend on string hash values or set order.

usage: wordcount.py [scale]   (scale multiplies the number of words)
"""
import sys
import time

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "an", "el",
             "or", "qu", "ix", "zu", "be", "do", "ge", "ha", "ju", "ly", "wa"]


def gen_words(n, seed):
    state = seed
    words = []
    nsyl = len(SYLLABLES)
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        r = state >> 33
        # Zipf-ish: short words are much more common than long ones.
        k = 1 + (r & 3 == 0) + (r & 15 == 0) + (r & 63 == 0)
        r >>= 6
        parts = []
        for _ in range(k):
            parts.append(SYLLABLES[r % nsyl])
            r //= nsyl
        w = "".join(parts)
        if r % 11 == 0:
            w = w.capitalize()
        words.append(w)
    return words


def count_words(words):
    counts = {}
    for w in words:
        w = w.lower()
        counts[w] = counts.get(w, 0) + 1
    return counts


def count_bigrams(words):
    counts = {}
    prev = None
    for w in words:
        key = (prev, w)
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
        prev = w
    return counts


def letter_vocab(words):
    vocab = {}
    for w in words:
        first = w[0].lower()
        s = vocab.get(first)
        if s is None:
            s = vocab[first] = set()
        s.add(w.lower())
    return vocab


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(100, int(550000 * scale))
    t0 = time.perf_counter()
    words = gen_words(n, 12345)
    counts = count_words(words)
    bigrams = count_bigrams(words)
    vocab = letter_vocab(words)
    lengths = {}
    for w, c in counts.items():
        lengths[len(w)] = lengths.get(len(w), 0) + c
    half = len(words) // 2
    first_half = set(words[:half])
    second_half = set(words[half:])
    common = first_half & second_half
    only_first = first_half - second_half
    sym = first_half ^ second_half
    frozen = {frozenset(w) for w in counts}
    capitalised = sum(1 for w in words if w[:1].isupper())
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    top_bi = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1]))[:5]
    vocab_sizes = sorted((k, len(v)) for k, v in vocab.items())
    singletons = sorted(w for w, c in counts.items() if c == 1)
    t1 = time.perf_counter()
    print("words", n, "distinct", len(counts), "bigrams", len(bigrams))
    print("lengths", sorted(lengths.items()))
    print("sets", len(common), len(only_first), len(sym), len(frozen), capitalised)
    print("top", top)
    print("top-bigrams", top_bi)
    print("vocab", vocab_sizes)
    print("singletons", len(singletons), singletons[:5], singletons[-5:])
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

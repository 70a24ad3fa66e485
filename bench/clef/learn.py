#!/usr/bin/env python3
"""learn.py - which words make a transcript sentence check-worthy, learned
from the public CheckThat! TRAINING files (never from dev or test).

    learn.py [--bin BIN] [--min-count 5] [--min-files 3] [--l2 2.0]
             [--top 60] [--exclude FILE] FILE...

Each FILE is a CLEF transcript: "N<TAB>SPEAKER<TAB>sentence<TAB>label".
The script fits an L2-regularised logistic regression on word presence
(lower-cased words, as the lexicon folds them), kept only for words seen in
at least --min-count sentences over at least --min-files files.  With --bin,
the fit starts from pressmark's own score (its logit is an offset), so the
weights are what the words add to the features pressmark already has, not
what it knows (figures, comparisons, questions...).

It prints the words with the largest positive and negative weights, beside
how many positive and negative sentences hold them (read them before
believing them: names and one-offs come first on a few hundred positives).
Word lists made from this output did not help files left out of the
learning (loo.py; see README.md here), so pressmark ships none.

--emit PLUS MINUS prints two YAML lists of the words whose weight is at
least PLUS / at most -MINUS.
No data is stored anywhere: the files are read from where you fetched them.
"""
import json, math, os, re, subprocess, sys, tempfile

# the checkout's lexicon unless PRESSMARK_LANG_DIR names another
ENV = dict(os.environ)
ENV.setdefault("PRESSMARK_LANG_DIR",
               os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lang"))
WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")


def rows_of(path):
    """[number, speaker, sentence, label] per line (a line of one public
    file lacks its speaker field: it gets an empty one)."""
    rows = [l.rstrip("\r\n").split("\t") for l in open(path, encoding="utf-8") if l.strip()]
    return [r if len(r) >= 4 else [r[0], ""] + r[1:] for r in rows]


def read(path):
    """(sentence, label, line index) of the spoken lines: SYSTEM lines
    ("[Applause]") are stage directions, which some public files label 1
    along with the claim they follow: no word is learned from them."""
    return [(r[2], int(r[3]), i) for i, r in enumerate(rows_of(path))
            if r[1] != "SYSTEM"]


def words(sentence):
    return {w.lower().replace("\u2019", "'") for w in WORD.findall(sentence)}


def offsets(exe, path, n):
    """pressmark's logit per line (--min-score 0 lists every sentence)."""
    rows = rows_of(path)
    text = "\n".join("\t".join(r[:3]) for r in rows) + "\n"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        tmp = f.name
    out = subprocess.run([exe, "analyze", "--lang", "en", "--min-score", "0", "--format",
                          "json", tmp], capture_output=True, check=True, env=ENV).stdout
    os.unlink(tmp)
    sc = [0.0005] * n
    for c in json.loads(out)["claims"]:
        i = c["line"] - 1
        sc[i] = max(sc[i], c["score"], 0.0005)
    return [math.log(min(s, 0.9995) / (1 - min(s, 0.9995))) for s in sc]


def fit(data, vocab, l2, rounds=60):
    """Damped diagonal Newton steps on the log-loss plus l2 * |w|^2 (pure
    Python: a few thousand sentences, a few hundred words).  A word's step is
    its gradient over its own curvature, so rare and frequent words converge
    alike."""
    w = {v: 0.0 for v in vocab}
    b = 0.0
    for _ in range(rounds):
        g = {v: 0.0 for v in vocab}
        h = {v: 0.0 for v in vocab}
        gb = hb = 0.0
        for feats, y, off in data:
            z = off + b + sum(w[v] for v in feats)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            d, c = p - y, p * (1 - p)
            gb += d
            hb += c
            for v in feats:
                g[v] += d
                h[v] += c
        # (each step at most 1 in size: with pressmark's offset most
        # sentences are sure negatives, whose curvature is next to nothing)
        b -= max(-1.0, min(1.0, 0.5 * gb / (hb + 1.0)))
        for v in vocab:
            w[v] -= max(-1.0, min(1.0, 0.5 * (g[v] + 2 * l2 * w[v]) / (h[v] + 2 * l2)))
    return w, b


def log_odds(data, vocab):
    """Log of a word's rate among positive sentences over its rate among
    negative ones, each smoothed by half a sentence."""
    npos = sum(y for _, y, _ in data) or 1
    nneg = len(data) - npos or 1
    p = {v: 0 for v in vocab}
    n = {v: 0 for v in vocab}
    for feats, y, _ in data:
        for v in feats:
            if y:
                p[v] += 1
            else:
                n[v] += 1
    return {v: math.log((p[v] + 0.5) / npos) - math.log((n[v] + 0.5) / nneg) for v in vocab}


def main(argv):
    opts = {"--bin": None, "--min-count": "5", "--min-files": "3", "--l2": "2.0",
            "--top": "60", "--exclude": None}
    emit = None
    files = []
    while argv:
        a = argv.pop(0)
        if a == "--emit":
            emit = (float(argv.pop(0)), float(argv.pop(0)))
        elif a in opts:
            opts[a] = argv.pop(0)
        else:
            files.append(a)
    if not files:
        sys.exit(__doc__)
    if opts["--exclude"]:
        files = [f for f in files if os.path.basename(f) != os.path.basename(opts["--exclude"])]
    count, pos, infiles = {}, {}, {}
    data = []
    for path in files:
        rows = read(path)
        offs = offsets(opts["--bin"], path, len(rows_of(path))) if opts["--bin"] else None
        seen = set()
        for s, y, i in rows:
            off = offs[i] if offs else 0.0
            ws = words(s)
            data.append((ws, y, off))
            for v in ws:
                count[v] = count.get(v, 0) + 1
                pos[v] = pos.get(v, 0) + y
            seen |= ws
        for v in seen:
            infiles[v] = infiles.get(v, 0) + 1
    vocab = {v for v in count if count[v] >= int(opts["--min-count"]) and
             infiles[v] >= int(opts["--min-files"])}
    data = [(feats & vocab, y, off) for feats, y, off in data]
    w, b = fit(data, vocab, float(opts["--l2"]))
    ranked = sorted(vocab, key=lambda v: -w[v])
    if emit:
        plus = sorted(v for v in vocab if w[v] >= emit[0])
        minus = sorted(v for v in vocab if w[v] <= -emit[1])
        print("raise: [%s]" % ", ".join('"%s"' % v for v in plus))
        print("lower: [%s]" % ", ".join('"%s"' % v for v in minus))
        return
    top = int(opts["--top"])
    npos = sum(y for _, y, _ in data)
    print("# %d files, %d sentences, %d positive, %d words kept, bias %.2f" %
          (len(files), len(data), npos, len(vocab), b))
    for title, part in (("raise", ranked[:top]), ("lower", ranked[::-1][:top])):
        print("## words that %s the odds (weight, positive/all sentences, files)" % title)
        for v in part:
            print("%+.2f %4d/%-5d %2d %s" % (w[v], pos[v], count[v], infiles[v], v))


if __name__ == "__main__":
    main(sys.argv[1:])

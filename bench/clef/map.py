#!/usr/bin/env python3
"""map.py BIN [--show N] FILE... - CLEF CheckThat! mean average precision of
pressmark's claim score on labelled transcripts ("N<TAB>SPEAKER<TAB>
sentence<TAB>label"): average precision per file, then the mean over files,
as the CLEF task computes it, beside two baselines measured in the same run:
a digit-and-capital rule (2 for a digit, 1 for a capitalised word after the
first) and random order (mean of 20 seeds).

Each file is fed to `BIN analyze --lang en --min-score 0` as its CLEF lines
without the label column; a line's score is the best of its sentences'.
--show N prints the N best-ranked lines of each file (training and
development files only: never look at the test files' rankings).
"""
import json, os, random, re, subprocess, sys, tempfile

ENV = dict(os.environ)
ENV.setdefault("PRESSMARK_LANG_DIR",
               os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lang"))


def rows_of(path):
    rows = [l.rstrip("\r\n").split("\t") for l in open(path, encoding="utf-8") if l.strip()]
    return [r if len(r) >= 4 else [r[0], ""] + r[1:] for r in rows]


def average_precision(scores, labels):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def digit_cap(sentence):
    words = sentence.split()
    caps = sum(1 for w in words[1:] if w[:1].isupper())
    return 2 * bool(re.search(r"[0-9]", sentence)) + min(caps, 1)


def scores_for(exe, path):
    rows = rows_of(path)
    text = "\n".join("\t".join(r[:3]) for r in rows) + "\n"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        tmp = f.name
    out = subprocess.run([exe, "analyze", "--lang", "en", "--min-score", "0", "--format", "json",
                          tmp], capture_output=True, check=True, env=ENV).stdout
    os.unlink(tmp)
    sc = [0.0] * len(rows)
    for c in json.loads(out)["claims"]:
        i = c["line"] - 1
        sc[i] = max(sc[i], c["score"])
    return rows, sc


def main(args):
    if len(args) < 2:
        sys.exit(__doc__)
    exe = args.pop(0)
    show = 0
    if args and args[0] == "--show":
        show = int(args[1])
        args = args[2:]
    tot = [0.0, 0.0, 0.0]
    for p in args:
        rows, sc = scores_for(exe, p)
        labels = [int(r[3]) for r in rows]
        sents = [r[2] for r in rows]
        ap = average_precision(sc, labels)
        base = average_precision([digit_cap(t) for t in sents], labels)
        rnd = 0.0
        for seed in range(20):
            r = random.Random(seed)
            rnd += average_precision([r.random() for _ in sents], labels) / 20
        tot[0] += ap
        tot[1] += base
        tot[2] += rnd
        print("%-36s n=%5d pos=%3d  AP=%.4f  digitcap=%.4f  random=%.4f" %
              (os.path.basename(p), len(sents), sum(labels), ap, base, rnd))
        for i in sorted(range(len(sents)), key=lambda i: -sc[i])[:show]:
            print("  %s %.3f %-8s %s" % ("+" if labels[i] else "-", sc[i], rows[i][1][:8],
                                         sents[i][:110]))
    n = len(args)
    print("MAP over %d files: ours=%.4f digitcap=%.4f random=%.4f" %
          (n, tot[0] / n, tot[1] / n, tot[2] / n))


if __name__ == "__main__":
    main(sys.argv[1:])

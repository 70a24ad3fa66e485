#!/usr/bin/env python3
"""loo.py - does learning word classes generalise?  Leave-one-file-out over
the given transcripts, simulated in Python on top of pressmark's own score.

    loo.py BIN [--plus 0.25] [--minus 0.25] [--wplus 0.4] [--wminus 0.4]
           [--l2 5] [--train-only] FILE...

BIN's logit is the offset.  For each file, the word weights are learned on
the others (learn.py's fit), the words at or above --plus make a "checkable"
list, those at or below -minus a "chatter" list (function words excluded;
a word must also be likelier, or less likely, among positives on its own),
and the held-out file is ranked by the offset plus --wplus per checkable
word and minus --wminus per chatter word (two at most of each).  Prints each
file's AP before and after.
With --train-only, files whose path holds "/dev/" are never learned from,
only measured (so dev is measured with weights learned on training files).
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import learn  # noqa: E402
from map import average_precision  # noqa: E402

# Words no curated list would hold: they carry grammar, not topics.
STOP = set("""the a an and or but of in at on by for from with to into about over is are
was were be been being am has have had do does did will would can could should may might
must shall i me my we us our you your he him his she her it its they them their this that
these those there here what which who whom whose when where why how not no so as if then
than too very just also only all any some one such more most other""".split())


def load(exe, path):
    rows = learn.rows_of(path)
    offs = learn.offsets(exe, path, len(rows))
    return [(learn.words(r[2]), int(r[3]), off, r[1] != "SYSTEM") for r, off in zip(rows, offs)]


def select(files, data, l2, plus, minus, min_count=5, min_files=3):
    count, infiles, rows = {}, {}, []
    for f in files:
        seen = set()
        for ws, y, off, spoken in data[f]:
            if not spoken:
                continue
            rows.append((ws, y, off))
            for v in ws:
                count[v] = count.get(v, 0) + 1
            seen |= ws
        for v in seen:
            infiles[v] = infiles.get(v, 0) + 1
    vocab = {v for v in count if count[v] >= min_count and infiles[v] >= min_files and
             v not in STOP}
    rows = [(ws & vocab, y, off) for ws, y, off in rows]
    w, _ = learn.fit(rows, vocab, l2)
    # a word kept must also be likelier (less likely) in positive sentences
    # by itself, so that a reader sees why: smoothed log-odds of its rate
    # among positives over its rate among negatives
    lo = learn.log_odds(rows, vocab)
    return ({v for v in vocab if w[v] >= plus and lo[v] > 0},
            {v for v in vocab if w[v] <= -minus and lo[v] < 0})


def rank(rows, up, down, wplus, wminus):
    return [off + wplus * min(len(ws & up), 2) - wminus * min(len(ws & down), 2)
            for ws, y, off, _ in rows]


def main(argv):
    o = {"--plus": 0.25, "--minus": 0.25, "--wplus": 0.4, "--wminus": 0.4, "--l2": 5.0}
    train_only = False
    if len(argv) < 3:
        sys.exit(__doc__)
    exe = argv.pop(0)
    files = []
    while argv:
        a = argv.pop(0)
        if a in o:
            o[a] = float(argv.pop(0))
        elif a == "--train-only":
            train_only = True
        else:
            files.append(a)
    data = {f: load(exe, f) for f in files}
    better = 0
    tot = [0.0, 0.0]
    for f in files:
        learn_from = [g for g in files if g != f and not (train_only and "/dev/" in g)]
        up, down = select(learn_from, data, o["--l2"], o["--plus"], o["--minus"])
        labels = [y for _, y, _, _ in data[f]]
        before = average_precision([off for _, _, off, _ in data[f]], labels)
        after = average_precision(rank(data[f], up, down, o["--wplus"], o["--wminus"]), labels)
        better += after > before
        tot[0] += before
        tot[1] += after
        print("%-36s AP %.4f -> %.4f  (%d up, %d down words)" %
              (os.path.basename(f), before, after, len(up), len(down)))
    n = len(files)
    print("mean AP %.4f -> %.4f; better on %d of %d files" % (tot[0] / n, tot[1] / n, better, n))


if __name__ == "__main__":
    main(sys.argv[1:])

#!/bin/sh
# bench/20-analyze.sh - analyser speed and memory on ~100 MB of articles.
#
# Two files of about 100 MB, each built in a temporary folder by repeating
# a set of articles, with reader-comment headings and post furniture removed
# so that the whole file is analysed as article text (inside a comment
# section claims are skipped, which would flatter the figure):
#  - "fixtures": the analyser's test articles (tests/fixtures/analysis/*.txt,
#    and ../shared/seeds when present): short, dense with quotations and
#    traps (about 10 quotations a KB);
#  - "press": the French held-out articles (tests/fixtures/analysis/
#    heldout*/fr-*.txt, and the seeds), written in the style of real press:
#    bylines, long paragraphs, 4-6 quotations a KB, more indirect speech.
# For each, prints MB/s of `pressmark analyze --format summary` and of the
# baseline `grep -c -o '«[^»]*»'` on the same file in the same run, their
# ratio (target <= 1.0), the analyser's CPU time (user + system: on a big
# file the tokenizer runs in a second thread, so CPU time can exceed wall
# time), each thread's CPU time (PRESSMARK_STATS: the analysing thread's
# sets the wall time when it is the busier, as it is on both corpora) and
# its peak resident memory (target < 64 MB).  grep writes its
# count to a file: with its output on /dev/null GNU grep stops at the first
# match.  Each figure is the best and the median of BENCH_ROUNDS (default
# 5) interleaved rounds.  Never fails the build.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BIN=$ROOT/build/pressmark
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pressmark-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

now() { date +%s.%N; }
ROUNDS=${BENCH_ROUNDS:-5}
[ "$ROUNDS" -ge 1 ] 2>/dev/null || ROUNDS=1

# corpus NAME FILE...: builds $TMP/big.txt from the files and measures it
corpus() {
  name=$1
  shift
  [ -d "$ROOT/../shared/seeds" ] && set -- "$@" "$ROOT"/../shared/seeds/*.txt
  echo "   -- $name"
  cat "$@" | grep -a -v -i -E '^(commentaires|comments|réponse|répondre|reply|signaler)( |\(|$)' >"$TMP/unit.txt"
  unit=$(wc -c <"$TMP/unit.txt")
  [ "$unit" -gt 0 ] || { echo "   no input"; return 0; }
  n=$(( (100 * 1000 * 1000 + unit - 1) / unit ))
  i=0
  : >"$TMP/chunk.txt"
  while [ $i -lt 64 ]; do cat "$TMP/unit.txt" >>"$TMP/chunk.txt"; i=$((i + 1)); done
  i=0
  while [ $i -lt $(( (n + 63) / 64 )) ]; do cat "$TMP/chunk.txt"; i=$((i + 1)); done >"$TMP/big.txt"
  size=$(wc -c <"$TMP/big.txt")

  # Interleaved rounds (grep, then pressmark, again and again): on a
  # shared machine one run of each can differ by half; the best of each
  # is the figure least disturbed by others, the median the typical one.
  r=0
  : >"$TMP/times"
  while [ $r -lt "$ROUNDS" ]; do
    t0=$(now)
    LC_ALL=C.UTF-8 grep -c -o '«[^»]*»' "$TMP/big.txt" >"$TMP/grep.out"
    t1=$(now)
    PRESSMARK_STATS=1 /usr/bin/time -f '%M %U %S' -o "$TMP/rss" "$BIN" analyze --format summary "$TMP/big.txt" >"$TMP/pm.out" 2>"$TMP/stats"
    t2=$(now)
    set -- $(tail -n 1 "$TMP/rss")
    # each thread's CPU time (PRESSMARK_STATS): 0 0 from a binary without it
    th=$(sed -n 's/.*analysing thread \([0-9.]*\) s CPU.*tokenizer thread \([0-9.]*\) s CPU.*/\1 \2/p' "$TMP/stats")
    echo "$t0 $t1 $t2 $1 $2 $3 ${th:-0 0}" >>"$TMP/times"
    r=$((r + 1))
  done
  awk -v name="$name" -v s="$size" '
function sort(a, n,   i, j, t) {
  for (i = 2; i <= n; i++)
    for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
}
{ n++; g[n] = $2 - $1; p[n] = $3 - $2; c[n] = $5 + $6; a[n] = $7; w[n] = $8; if ($4 > rss) rss = $4 }
END {
  sort(g, n); sort(p, n); sort(c, n); sort(a, n); sort(w, n); m = int((n + 1) / 2)
  mb = s / 1e6
  printf "   input             %.1f MB (%s, repeated; %d interleaved rounds)\n", mb, name, n
  printf "   grep baseline     best %.3f s  %7.1f MB/s   median %.3f s\n", g[1], mb / g[1], g[m]
  printf "   pressmark summary best %.3f s  %7.1f MB/s   median %.3f s\n", p[1], mb / p[1], p[m]
  printf "   ratio             best %.2f  median %.2f (pressmark time / grep time; target <= 1.0)\n", p[1] / g[1], p[m] / g[m]
  printf "   pressmark CPU     best %.3f s  %7.1f MB/s of CPU time (both threads)\n", c[1], (c[1] > 0 ? mb / c[1] : 0)
  if (a[n] > 0)
    printf "   CPU per thread    analysing best %.3f s median %.3f s; tokenizer best %.3f s median %.3f s\n", a[1], a[m], w[1], w[m]
  printf "   peak RSS          %.1f MB (target < 64 MB)\n", rss / 1024
}' "$TMP/times"
  sed 's/^/   /; s|'"$TMP"'/||' "$TMP/pm.out"
}

corpus "fixtures" "$ROOT"/tests/fixtures/analysis/*.txt
corpus "press" "$ROOT"/tests/fixtures/analysis/heldout*/fr-*.txt

#!/bin/sh
# 50-nvim.sh - live highlights in headless Neovim for articles of 10 KB,
# 1 MB and 10 MB: :edit to every highlight set, a one-character edit in the
# middle to its highlights updated, each beside the floor measured in the
# same run (plain Neovim opening the file and setting as many extmarks from
# Lua), and the process's peak memory.  Prints; never asserts.
#   SIZES="10000 1000000" OPEN_RUNS=5 EDITS=41 sh bench/50-nvim.sh
set -eu
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SIZES=${SIZES:-"10000 1000000 10000000"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
echo "nvim $(nvim --version | head -n 1 | cut -d' ' -f2), $(nproc) CPUs"
echo "targets: open 1 MB <= 50 ms, 10 MB <= 400 ms; edit <= 2 ms at every size" \
  "(10 MB / 10 KB <= 2); rss 10 MB <= 3x the article"
for size in $SIZES; do
  file=$tmp/article-$size.txt
  python3 "$ROOT/bench/gen_article.py" "$size" "$file"
  echo "-- $size bytes"
  BENCH_FILE=$file OPEN_RUNS=${OPEN_RUNS:-5} EDITS=${EDITS:-41} \
    nvim --headless --clean -i NONE -n --cmd "set rtp^=$ROOT" \
    --cmd 'runtime! plugin/pressmark.lua' -c "luafile $ROOT/bench/nvim_hl.lua" \
    2>&1 | grep -v '^RESULT' | tee -a "$tmp/out"
  echo
done
# Peak memory of a fresh process after one :edit of the largest article,
# with and without the notes module (whose sidecar load reads the buffer).
for notes in on off; do
  extra=
  [ "$notes" = off ] && extra=BENCH_NO_NOTES=1
  env BENCH_FILE="$file" BENCH_RSS_ONLY=1 $extra \
    nvim --headless --clean -i NONE -n --cmd "set rtp^=$ROOT" \
    --cmd 'runtime! plugin/pressmark.lua' -c "luafile $ROOT/bench/nvim_hl.lua" 2>&1
  echo
done
# The edit's cost must not grow with the buffer.
awk '/^edit/ { e[n++] = $2 } END { if (n > 1) printf "edit ratio largest/smallest article: %.2f (target <= 2)\n", e[n-1] / e[0] }' "$tmp/out"

#!/bin/sh
# bench/30-sidecar.sh - 10,000 notes on a 10 MB article: load, re-anchor
# (unchanged, 1 % and 10 % damaged) and save, beside libyaml's bare event
# parse and a naive per-note search measured in the same run.  Target:
# load + re-anchor <= 200 ms when the article did not change.  Builds
# bench/sidecar_bench.c against build/libpressmark.a.  Never fails the
# build.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$ROOT" || exit 0
OUT=build/bench/sidecar_bench
mkdir -p build/bench
PC=$(pkg-config --exists msgpack-c 2>/dev/null && echo msgpack-c || echo msgpack)
make -s build/libpressmark.a || exit 0
cc -std=c11 -O2 -g -Wall -Wextra -Wpedantic -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Iinclude -Isrc $(pkg-config --cflags yaml-0.1 nettle) \
	-o "$OUT" bench/sidecar_bench.c build/libpressmark.a \
	$(pkg-config --libs $PC yaml-0.1 libutf8proc nettle) -lm || exit 0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pressmark-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
echo "$(nproc) CPUs"
"$OUT" "$TMP"

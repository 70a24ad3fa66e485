#!/bin/sh
# 10-rpc.sh - process start to first answer, and RPC round-trip latency,
# each beside Neovim's own floor measured in the same run: Neovim talking to
# an embedded `nvim --embed --headless --clean` child.  Prints; never
# asserts.  PINGS and START_RUNS change the sample sizes.
set -eu
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
PRESSMARK_BENCH_BIN=${PRESSMARK_BENCH_BIN:-$ROOT/build/pressmark}
export PRESSMARK_BENCH_BIN
echo "nvim $(nvim --version | head -n 1 | cut -d' ' -f2), $(nproc) CPUs, binary $PRESSMARK_BENCH_BIN"
nvim --headless --clean -i NONE -n -c "luafile $ROOT/bench/rpc.lua"

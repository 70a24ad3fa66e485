#!/bin/sh
test_description='fault: wrong RPC messages get an error and serving goes on; undecodable bytes end the process'
. "$(dirname "$0")/lib.sh"

# pack LITERAL...: msgpack bytes (tests/shell/msgpack.py); unpack: one JSON
# line per message written by the process.
pack() { python3 "$ROOT/tests/shell/msgpack.py" pack "$@"; }
# unpack leaves out the announcement every output starts with
# (nvim_set_client_info, checked in t0100).
unpack() {
	python3 "$ROOT/tests/shell/msgpack.py" unpack | sed "/^\[2, \"nvim_set_client_info\"/d"
}

test_expect_success 'every wrong request gets its own error reply, then a ping is answered' '
	pack "[0, 3, \"pressmark_ping\"]" "[0, 4, 5, []]" \
		"[0, 5, \"pressmark_ping\", {}]" "[0, 6, \"nope\", []]" \
		"[0, 7, \"pressmark_buf_stats_get\", [\"x\"]]" \
		"[0, 8, \"pressmark_buf_stats_get\", []]" \
		"[0, 9, \"pressmark_buf_stats_get\", [-4]]" \
		"[0, 10, \"pressmark_ping\", []]" >in &&
	"$PRESSMARK" serve <in >out 2>err &&
	unpack <out >actual &&
	cat >expected <<-\EOF &&
	[1, 3, [1, "Request must be an array of size 4"], null]
	[1, 4, [1, "Method must be a string"], null]
	[1, 5, [1, "Params must be an array"], null]
	[1, 6, [1, "Invalid method: nope"], null]
	[1, 7, [1, "buffer: expected a buffer number or handle"], null]
	[1, 8, [1, "pressmark_buf_stats_get: expected 1 argument, got 0"], null]
	[1, 9, [1, "buffer: expected a buffer number or handle"], null]
	[1, 10, null, "pong"]
	EOF
	test_cmp expected actual
'

test_expect_success 'messages without an id are logged and skipped, serving goes on' '
	pack 1 "[]" "[0, -1, \"pressmark_ping\", []]" "[7, 1, \"m\", []]" \
		"[2, \"nope\", []]" "[1, 99, None, 1]" "[2, \"pressmark_ping\", {}]" \
		"[0, 11, \"pressmark_ping\", []]" >in &&
	PRESSMARK_LOG="$TRASH/log" "$PRESSMARK" serve <in >out 2>err &&
	unpack <out >actual &&
	echo "[1, 11, null, \"pong\"]" >expected &&
	test_cmp expected actual &&
	sed "s/^pressmark [0-9:.]* //" log >actual &&
	cat >expected <<-\EOF &&
	skipping a bad message: Message is not an array
	skipping a bad message: Message is empty
	skipping a bad message: Id must be a positive integer
	skipping a bad message: Message type must be 0, 1 or 2
	skipping a notification: Invalid method: nope
	skipping a response nobody waits for
	skipping a bad message: Params must be an array
	EOF
	test_cmp expected actual
'

test_expect_success 'a wrong reply from Neovim fails the request, not the process' '
	pack "[0, 1, \"pressmark_buf_stats_get\", [3]]" "[1, 1, None, 5]" \
		"[0, 2, \"pressmark_buf_stats_get\", [3]]" "[1, 2, None, [1, None, \"x\"]]" \
		"[0, 3, \"pressmark_buf_stats_get\", [3]]" "[1, 3, [0, \"Invalid buffer id: 3\"], None]" \
		"[0, 4, \"pressmark_ping\", []]" >in &&
	"$PRESSMARK" serve <in >out 2>err &&
	unpack <out | grep "^\[1," >actual &&
	cat >expected <<-\EOF &&
	[1, 1, [1, "nvim_buf_get_lines: not an array"], null]
	[1, 2, [1, "nvim_buf_get_lines: line 1 is not a string"], null]
	[1, 3, [0, "nvim_buf_get_lines: Invalid buffer id: 3"], null]
	[1, 4, null, "pong"]
	EOF
	test_cmp expected actual
'

test_expect_success 'undecodable bytes: answered so far, then an id-0 error, a log line and exit 1' '
	{ pack "[0, 1, \"pressmark_ping\", []]" && printf "\301" &&
	  pack "[0, 2, \"pressmark_ping\", []]"; } >in &&
	test_expect_code 1 env PRESSMARK_LOG="$TRASH/log" "$PRESSMARK" serve <in >out &&
	unpack <out >actual &&
	cat >expected <<-\EOF &&
	[1, 1, null, "pong"]
	[1, 0, [1, "Invalid msgpack at byte 31: byte 0xc1 is not msgpack"], null]
	EOF
	test_cmp expected actual &&
	grep -q "Invalid msgpack at byte 31: byte 0xc1 is not msgpack; exiting" log
'

test_expect_success 'a 40 MB request is skipped unbuffered with an error reply, serving goes on' '
	python3 -c "import sys; sys.stdout.buffer.write(b\"\\x94\\x00\\x05\\xaepressmark_ping\\x91\\xdb\\x02\\x80\\x00\\x00\" + b\"a\" * (40 << 20))" >in &&
	pack "[0, 6, \"pressmark_ping\", []]" >>in &&
	(ulimit -v 300000 && "$PRESSMARK" serve <in >out 2>err) &&
	unpack <out >actual &&
	cat >expected <<-\EOF &&
	[1, 5, [1, "Message too large: string of 41943040 bytes over the message limit"], null]
	[1, 6, null, "pong"]
	EOF
	test_cmp expected actual
'

# The announced elements swallow what follows (the message never ends), so
# nothing is answered; what matters is that the process stays within a
# 200 MB address space and exits cleanly at EOF.
test_expect_success 'announced counts of 4 billion allocate nothing (array, map, str, bin)' '
	for h in dd df db c6; do
		{ printf "\224\000\005\241m\221" && pack "raw(\"${h}ffffffff\")" &&
		  pack "[0, 6, \"pressmark_ping\", []]"; } >in &&
		(ulimit -v 200000 && "$PRESSMARK" serve <in >out 2>err) &&
		unpack <out >actual &&
		test ! -s actual || return 1
	done
'

test_expect_success 'nesting: 32 levels are served, 33 get an error (even an empty innermost [])' '
	python3 -c "import sys; sys.stdout.buffer.write(b\"\\x94\\x00\\x01\\xaepressmark_ping\" + b\"\\x91\" * 30 + b\"\\x90\")" >in32 &&
	python3 -c "import sys; sys.stdout.buffer.write(b\"\\x94\\x00\\x02\\xaepressmark_ping\" + b\"\\x91\" * 31 + b\"\\x90\")" >in33 &&
	pack "[0, 3, \"pressmark_ping\", []]" >ping &&
	cat in32 in33 ping | "$PRESSMARK" serve >out 2>err &&
	unpack <out >actual &&
	cat >expected <<-\EOF &&
	[1, 1, null, "pong"]
	[1, 2, [1, "Message too large: nesting deeper than 32"], null]
	[1, 3, null, "pong"]
	EOF
	test_cmp expected actual
'

test_expect_success 'a message cut off by EOF is dropped and the exit is clean' '
	pack "[0, 1, \"pressmark_ping\", []]" >whole &&
	{ cat whole && head -c 10 whole; } >in &&
	"$PRESSMARK" serve <in >out 2>err &&
	unpack <out >actual &&
	echo "[1, 1, null, \"pong\"]" >expected &&
	test_cmp expected actual
'

test_done

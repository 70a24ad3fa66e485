#!/bin/sh
test_description='pressmark serve: raw msgpack-RPC bytes in, reply bytes and exit status out'
. "$(dirname "$0")/lib.sh"

# Bytes are written as octal escapes for printf; od -An -tx1 shows replies.
PING='\224\000\001\256pressmark_ping\220'

hex() {
	od -An -tx1 -v | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'
	echo
}

# The process first announces itself (nvim_set_client_info, a
# notification); ANN is those bytes, which every output starts with.
ANN=$(printf "" | "$PRESSMARK" serve | hex)
ANN_LEN=$(printf "" | "$PRESSMARK" serve | wc -c)

test_expect_success 'the first message is nvim_set_client_info naming pressmark and its version' '
	test -n "$ANN" &&
	printf "" | "$PRESSMARK" serve | python3 "$ROOT/tests/shell/msgpack.py" unpack >actual &&
	version=$("$PRESSMARK" --version | sed "s/^pressmark //") &&
	major=${version%%.*} && rest=${version#*.} && minor=${rest%%.*} && patch=${rest#*.} &&
	echo "[2, \"nvim_set_client_info\", [\"pressmark\", {\"major\": $major, \"minor\": $minor, \"patch\": $patch}, \"msgpack-rpc\", {}, {}]]" >expected &&
	test_cmp expected actual
'

test_expect_success 'a ping request gets [1, 1, nil, "pong"] and EOF exits 0' '
	printf "$PING" | "$PRESSMARK" serve >out 2>err &&
	hex <out >actual &&
	echo "$ANN 94 01 01 c0 a4 70 6f 6e 67" >expected &&
	test_cmp expected actual
'

test_expect_success 'two requests in one write get two replies in order' '
	printf "$PING\224\000\002\256pressmark_ping\220" |
		"$PRESSMARK" serve >out 2>err &&
	hex <out >actual &&
	echo "$ANN 94 01 01 c0 a4 70 6f 6e 67 94 01 02 c0 a4 70 6f 6e 67" >expected &&
	test_cmp expected actual
'

test_expect_success 'byte 0xc1 gets an id-0 error, a log line and exit 1' '
	printf "\301" >in &&
	test_expect_code 1 "$PRESSMARK" serve <in >out 2>err &&
	hex <out >actual &&
	tail -c +$((ANN_LEN + 1)) out | head -c 4 | hex >head &&
	echo "94 01 00 92" >expected &&
	test_cmp expected head &&
	grep -q "Invalid msgpack at byte 0: byte 0xc1 is not msgpack" out &&
	grep -q "Invalid msgpack at byte 0" err
'

test_expect_success 'an unknown method is an error reply and serving goes on' '
	printf "\224\000\007\243foo\220$PING" | "$PRESSMARK" serve >out 2>err &&
	grep -q "Invalid method: foo" out &&
	tail -c 9 out | hex >actual &&
	echo "94 01 01 c0 a4 70 6f 6e 67" >expected &&
	test_cmp expected actual
'

test_expect_success 'an announced 4 GiB array allocates nothing and EOF exits 0' '
	(ulimit -v 200000 && printf "\224\000\005\241m\335\377\377\377\377\300" |
		"$PRESSMARK" serve >out 2>err) &&
	hex <out >actual &&
	echo "$ANN" >expected &&
	test_cmp expected actual
'

test_expect_success 'logs go to $PRESSMARK_LOG when set, stdout stays RPC' '
	printf "\223\002\243bar\220$PING" |
		PRESSMARK_LOG="$TRASH/log" "$PRESSMARK" serve >out 2>err &&
	grep -q "Invalid method: bar" "$TRASH/log" &&
	test ! -s err &&
	hex <out >actual &&
	echo "$ANN 94 01 01 c0 a4 70 6f 6e 67" >expected &&
	test_cmp expected actual
'

test_expect_success 'serve rejects arguments' '
	test_expect_code 2 "$PRESSMARK" serve extra </dev/null 2>err &&
	grep -q "unexpected argument" err
'

test_done

#!/bin/sh
test_description='hostile or broken sidecars are refused with a message naming the place, and never overwritten'
. "$(dirname "$0")/lib.sh"

# expect_refused NAME MESSAGE: check --write exits 2, says MESSAGE, and
# leaves the file byte for byte as it was.
expect_refused() {
	echo "Un texte." >"$1.txt" &&
	cp "$1.txt.factcheck.yaml" "$1.before" &&
	test_expect_code 2 "$PRESSMARK" check --write "$1.txt" 2>"$1.err" &&
	cat "$1.err" &&
	grep -q -- "$2" "$1.err" &&
	cmp "$1.before" "$1.txt.factcheck.yaml"
}

test_expect_success 'an alias bomb is refused at its first anchor' '
	cat >bomb.txt.factcheck.yaml <<-\EOF &&
	pressmark: 1
	a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
	b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
	c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
	d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
	EOF
	expect_refused bomb "bomb.txt.factcheck.yaml:2:4: anchors (&name) are not allowed"
'

test_expect_success 'deep nesting is refused' '
	{ printf "pressmark: 1\nx: "; head -c 100000 /dev/zero | tr "\0" "["; echo; } >deep.txt.factcheck.yaml &&
	expect_refused deep "deep.txt.factcheck.yaml:2:.*: nesting deeper than 64 levels"
'

test_expect_success 'a 100 MB sidecar is refused before parsing' '
	{ echo "pressmark: 1"; head -c 100000000 /dev/zero | tr "\0" "#"; } >big.txt.factcheck.yaml &&
	expect_refused big "big.txt.factcheck.yaml: larger than the limit of 16777216 bytes"
'

test_expect_success 'wrong types name the field' '
	cat >types.txt.factcheck.yaml <<-\EOF &&
	pressmark: 1
	notes:
	  - id: x1
	    target: quote
	    anchor:
	      exact: Un texte
	      line: first
	EOF
	expect_refused types "types.txt.factcheck.yaml:7:13: notes\[0\] (id x1): anchor: line: expected a whole number"
'

test_expect_success 'duplicate ids are refused' '
	cat >dup.txt.factcheck.yaml <<-\EOF &&
	pressmark: 1
	notes:
	  - id: x1
	    target: quote
	    anchor: {exact: Un}
	  - id: x1
	    target: claim
	    anchor: {exact: texte}
	EOF
	expect_refused dup "dup.txt.factcheck.yaml:6:9: duplicate note id .x1."
'

test_expect_success 'duplicate keys are refused' '
	printf "pressmark: 1\nnotes: []\nnotes: []\n" >dkey.txt.factcheck.yaml &&
	expect_refused dkey "dkey.txt.factcheck.yaml:3:8: duplicate key .notes."
'

test_expect_success 'an unknown schema version is refused' '
	printf "pressmark: 2\nnotes: []\n" >ver.txt.factcheck.yaml &&
	expect_refused ver "ver.txt.factcheck.yaml:1:12: pressmark: unknown schema version 2"
'

test_expect_success 'a truncated file is refused' '
	head -c 300 "$FIXTURES/sidecar/harbour.txt.factcheck.yaml" >cut.txt.factcheck.yaml &&
	expect_refused cut "cut.txt.factcheck.yaml:12:1: .*(the file does not end with a line break: truncated?)"
'

test_expect_success 'an empty file is refused' '
	: >empty.txt.factcheck.yaml &&
	expect_refused empty "empty.txt.factcheck.yaml:1:1: empty file"
'

test_expect_success 'a YAML syntax error gives line and column' '
	printf "pressmark: 1\nnotes:\n  - id: a\n   target: quote\n" >syn.txt.factcheck.yaml &&
	expect_refused syn "syn.txt.factcheck.yaml:4:"
'

test_expect_success 'binary bytes are refused' '
	printf "pressmark: 1\nx: \"\377\376\"\n" >bin.txt.factcheck.yaml &&
	expect_refused bin "bin.txt.factcheck.yaml:.*invalid"
'

test_done

#!/bin/sh
test_description='fault: the editor (pressmark serve) on bad sidecars and on sidecars changed by another program'
. "$(dirname "$0")/lib.sh"

# The same hostile files as t0307 (which checks `pressmark check`), loaded
# here through the server as the plugin does: the load answers with an
# `error` naming the file and the place, every save is refused, and the
# file is left byte for byte.
nvim() { python3 "$ROOT/tests/shell/fake_nvim.py" "$PRESSMARK" "$@"; }

# load_refused NAME MESSAGE
load_refused() {
	echo "Le port rouvre en mars." >"$1.txt" &&
	cp "$1.txt.factcheck.yaml" "$1.before" &&
	nvim "$1.txt" \
		"[\"pressmark_sidecar_load\", [1, \"$TRASH/$1.txt\"]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"claim\", \"start\": 0, \"end\": 7}]]" \
		"[\"pressmark_note_del\", [1, \"x1\"]]" >replies &&
	cat replies &&
	sed -n 1p replies | grep -q "\"error\": \"$TRASH/$2" &&
	sed -n 2p replies | grep -q "^\[\[0, \"$TRASH/$1.txt.factcheck.yaml: not saved, it failed to load: " &&
	sed -n 3p replies | grep -q "^\[\[0, \"$TRASH/$1.txt.factcheck.yaml: not saved, it failed to load: " &&
	sed -n 4p replies | grep -q "^\[\"exit\", 0\]" &&
	cmp "$1.before" "$1.txt.factcheck.yaml"
}

test_expect_success 'alias bomb' '
	printf "pressmark: 1\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n" >bomb.txt.factcheck.yaml &&
	load_refused bomb "bomb.txt.factcheck.yaml:2:4: anchors (&name) are not allowed"
'

test_expect_success 'deep nesting' '
	{ printf "pressmark: 1\nx: "; head -c 5000 /dev/zero | tr "\0" "["; echo; } >deep.txt.factcheck.yaml &&
	load_refused deep "deep.txt.factcheck.yaml:2:[0-9]*: nesting deeper than 64 levels"
'

test_expect_success '100 MB' '
	{ echo "pressmark: 1"; head -c 100000000 /dev/zero | tr "\0" "#"; } >big.txt.factcheck.yaml &&
	load_refused big "big.txt.factcheck.yaml: larger than the limit of 16777216 bytes"
'

test_expect_success 'wrong types' '
	printf "pressmark: 1\nnotes:\n  - id: x1\n    target: quote\n    anchor: {exact: Le port, line: first}\n" >types.txt.factcheck.yaml &&
	load_refused types "types.txt.factcheck.yaml:5:36: notes.0. (id x1): anchor: line: expected a whole number"
'

test_expect_success 'duplicate ids' '
	printf "pressmark: 1\nnotes:\n  - {id: x1, target: quote, anchor: {exact: Le}}\n  - {id: x1, target: claim, anchor: {exact: port}}\n" >dup.txt.factcheck.yaml &&
	load_refused dup "dup.txt.factcheck.yaml:4:[0-9]*: duplicate note id .x1."
'

test_expect_success 'unknown version' '
	printf "pressmark: 7\nnotes: []\n" >ver.txt.factcheck.yaml &&
	load_refused ver "ver.txt.factcheck.yaml:1:12: pressmark: unknown schema version 7"
'

test_expect_success 'truncated' '
	printf "pressmark: 1\nnotes:\n  - id: x1\n    target: quote\n    anchor:\n      exact: \"Le po" >cut.txt.factcheck.yaml &&
	load_refused cut "cut.txt.factcheck.yaml:6:"
'

test_expect_success 'conflict markers left by a merge' '
	printf "pressmark: 1\nnotes:\n<<<<<<< ours\n  - {id: x1, target: quote, anchor: {exact: Le}}\n=======\n>>>>>>> theirs\n" >conf.txt.factcheck.yaml &&
	load_refused conf "conf.txt.factcheck.yaml:3:1: unresolved merge conflict"
'

test_expect_success 'binary bytes' '
	printf "pressmark: 1\nnotes: \"\377\376\000\"\n" >bin.txt.factcheck.yaml &&
	load_refused bin "bin.txt.factcheck.yaml:"
'

test_expect_success 'changed by another program while open: merged, both sides kept' '
	echo "Le port rouvre en mars. La digue a coûté cher." >m.txt &&
	printf "pressmark: 1\nnotes:\n  - id: aa000001\n    target: claim\n    anchor: {exact: Le port, line: 1, col: 0}\n    verdict: mixed\n" >m.txt.factcheck.yaml &&
	nvim m.txt \
		"[\"pressmark_sidecar_load\", [1, \"$TRASH/m.txt\"]]" \
		"sh:sed -i \"s/verdict: mixed/verdict: opinion/\" $TRASH/m.txt.factcheck.yaml" \
		"[\"pressmark_note_set\", [1, {\"target\": \"claim\", \"start\": 24, \"end\": 32, \"note\": \"ours\"}]]" \
		>replies &&
	sed -n 2p replies | grep -q "^\[null, " &&
	grep -q "verdict: opinion" m.txt.factcheck.yaml &&
	grep -q "note: ours" m.txt.factcheck.yaml &&
	grep -q "exact: La digue" m.txt.factcheck.yaml
'

test_expect_success 'changed on both sides the same field: a conflict is reported, theirs stays on disk' '
	cp m.txt.factcheck.yaml theirs.before &&
	nvim m.txt \
		"[\"pressmark_sidecar_load\", [1, \"$TRASH/m.txt\"]]" \
		"sh:sed -i \"s/verdict: opinion/verdict: unverifiable/\" $TRASH/m.txt.factcheck.yaml" \
		"[\"pressmark_note_set\", [1, {\"id\": \"aa000001\", \"verdict\": \"mixed\"}]]" \
		>replies &&
	sed -n 2p replies >actual &&
	grep -q "m.txt.factcheck.yaml: changed on disk meanwhile and 1 conflict with these notes; not saved: note aa000001: verdict changed on both sides" actual &&
	grep -q "verdict: unverifiable" m.txt.factcheck.yaml &&
	grep -q "note: ours" m.txt.factcheck.yaml
'

test_done

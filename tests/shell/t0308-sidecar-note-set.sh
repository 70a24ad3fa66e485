#!/bin/sh
test_description='pressmark serve notes: a refused note changes nothing, a note on a quote keeps its speaker, large buffers come in chunks'
. "$(dirname "$0")/lib.sh"

# `pressmark serve` driven by tests/shell/fake_nvim.py (buffer 1 = a.txt).
nvim() { python3 "$ROOT/tests/shell/fake_nvim.py" "$PRESSMARK" "$@"; }

test_expect_success 'setup: an article with two attributed statements' '
	cat >a.txt <<-\EOF &&
	« Nous rouvrirons la piscine avant l’été », a déclaré Jeanne Roux, la maire de Brest.

	La piscine a coûté 3 millions d’euros depuis 2019, a affirmé Paul Morel.
	EOF
	"$PRESSMARK" analyze a.txt >an.json &&
	python3 - >actual <<-\EOF &&
	import json
	d = json.load(open("an.json"))
	for q in d["quotes"]:
	    print(q["start"], q["end"], q["speaker"]["name"])
	EOF
	cat >expected <<-\EOF &&
	3 45 Jeanne Roux
	95 148 Paul Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'a note_set refused for its verdict writes no half note' '
	test_when_finished "rm -f a.txt.factcheck.yaml" &&
	nvim a.txt "[\"pressmark_sidecar_load\", [1, \"$TRASH/a.txt\"]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"quote\", \"start\": 3, \"end\": 45, \"verdict\": \"maybe\"}]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"sideways\", \"start\": 3, \"end\": 45}]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"range\", \"start\": 3, \"end\": 45, \"sources\": [\"x\", 3]}]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"claim\", \"start\": 95, \"end\": 148, \"verdict\": \"false\"}]]" \
		>replies &&
	sed -n "2,4p" replies | sed "s/^\[\[1, //" | cut -d, -f1 >actual &&
	cat >expected <<-\EOF &&
	"note.verdict: '"'"'maybe'"'"' is not one of true
	"note.target: '"'"'sideways'"'"' is not one of quote
	"note.sources[2]: expected a string"]
	EOF
	test_cmp expected actual &&
	grep "^  - id:\|exact:" a.txt.factcheck.yaml | sed "s/id: .*/id/" >actual &&
	cat >expected <<-\EOF &&
	  - id
	      exact: La piscine a coûté 3 millions d’euros depuis 2019
	EOF
	test_cmp expected actual
'

test_expect_success 'a new note on an attributed quote records its speaker; export and show name it' '
	test_when_finished "rm -f a.txt.factcheck.yaml" &&
	nvim a.txt "[\"pressmark_sidecar_load\", [1, \"$TRASH/a.txt\"]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"quote\", \"start\": 3, \"end\": 45, \"verdict\": \"misleading\"}]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"claim\", \"start\": 95, \"end\": 148, \"verdict\": \"false\", \"speaker\": \"Paula Morel\"}]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"range\", \"start\": 0, \"end\": 2, \"verdict\": \"true\"}]]" \
		>replies &&
	grep "speaker:" a.txt.factcheck.yaml >actual &&
	cat >expected <<-\EOF &&
	    speaker: Jeanne Roux
	    speaker: Paula Morel
	EOF
	test_cmp expected actual &&
	"$PRESSMARK" export --format claimreview --url https://example.org/a a.txt >cr.json &&
	python3 - >actual <<-\EOF &&
	import json
	for r in json.load(open("cr.json")):
	    print(r["claimReviewed"][:20], r["itemReviewed"].get("author", {}).get("name"), sep="|")
	EOF
	cat >expected <<-\EOF &&
	«|None
	Nous rouvrirons la p|Jeanne Roux
	La piscine a coûté 3|Paula Morel
	EOF
	test_cmp expected actual &&
	"$PRESSMARK" show a.txt.factcheck.yaml >shown &&
	grep -c "Jeanne Roux" shown >actual &&
	echo 1 >expected &&
	test_cmp expected actual
'

test_expect_success 'a large buffer is fetched 50,000 lines at a time, and not again while unchanged' '
	seq 0 119999 | sed "s/.*/Ligne & du rapport./" >big.txt &&
	size=$(wc -c <big.txt) &&
	FAKE_NVIM_LOG=$TRASH/calls nvim big.txt "[\"pressmark_sidecar_load\", [1, \"$TRASH/big.txt\"]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"range\", \"start\": $((size - 25)), \"end\": $((size - 2)), \"note\": \"la fin\"}]]" \
		"[\"pressmark_sidecar_check\", [1]]" \
		>replies &&
	grep "exact: Ligne 119999 du rapport" big.txt.factcheck.yaml &&
	grep "nvim_buf_get_lines" calls >actual &&
	cat >expected <<-\EOF &&
	nvim_buf_get_lines [0, 50000, false]
	nvim_buf_get_lines [50000, 100000, false]
	nvim_buf_get_lines [100000, 150000, false]
	EOF
	test_cmp expected actual
'

test_done

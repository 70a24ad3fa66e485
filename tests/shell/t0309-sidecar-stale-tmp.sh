#!/bin/sh
test_description='a successful sidecar save removes the temporary files a killed save left, and nothing else'
. "$(dirname "$0")/lib.sh"

# `pressmark serve` driven by tests/shell/fake_nvim.py (buffer 1 = a.txt).
nvim() { python3 "$ROOT/tests/shell/fake_nvim.py" "$PRESSMARK" "$@"; }

test_expect_success 'setup: an article and leftovers beside its sidecar' '
	echo "Le port a coûté 40 millions d’euros en 2024, selon la région." >a.txt &&
	for f in a.txt.factcheck.yaml.tmp.Ab3dE9 a.txt.factcheck.yaml.tmp.zzzzzz \
		a.txt.factcheck.yaml.tmp.Ab3dE9x a.txt.factcheck.yaml.tmp.old \
		b.txt.factcheck.yaml.tmp.Ab3dE9 a.txt.factcheck.yaml.bak
	do
		echo "half written" >"$f" || return 1
	done &&
	touch -d "2020-01-02 03:04:05" a.txt.factcheck.yaml.tmp.Ab3dE9 \
		a.txt.factcheck.yaml.tmp.Ab3dE9x a.txt.factcheck.yaml.tmp.old \
		b.txt.factcheck.yaml.tmp.Ab3dE9 a.txt.factcheck.yaml.bak &&
	mkdir a.txt.factcheck.yaml.tmp.dir123 &&
	touch -d "2020-01-02 03:04:05" a.txt.factcheck.yaml.tmp.dir123
'

test_expect_success 'a save removes only its own stale temporary files' '
	nvim a.txt "[\"pressmark_sidecar_load\", [1, \"$TRASH/a.txt\"]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"claim\", \"start\": 0, \"end\": 8, \"verdict\": \"true\"}]]" \
		>replies &&
	sed -n 2p replies | grep "^\[null, " &&
	ls a.txt* b.txt* >actual &&
	cat >expected <<-\EOF &&
	a.txt
	a.txt.factcheck.yaml
	a.txt.factcheck.yaml.bak
	a.txt.factcheck.yaml.tmp.Ab3dE9x
	a.txt.factcheck.yaml.tmp.old
	a.txt.factcheck.yaml.tmp.zzzzzz
	b.txt.factcheck.yaml.tmp.Ab3dE9

	a.txt.factcheck.yaml.tmp.dir123:
	EOF
	test_cmp expected actual
'

test_done

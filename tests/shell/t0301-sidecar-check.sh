#!/bin/sh
test_description='pressmark check: re-anchoring outcomes, exit codes, --write'
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: an article and its sidecar' '
	cp "$FIXTURES/sidecar/harbour.txt" "$FIXTURES/sidecar/harbour.txt.factcheck.yaml" . &&
	cp harbour.txt.factcheck.yaml pristine.yaml
'

test_expect_success 'unchanged article: every note anchored, exit 0' '
	"$PRESSMARK" check harbour.txt >actual &&
	cat >expected <<-\EOF &&
	anchored  5e1f0a21  3:3  "Les travaux sont terminés à 90 % et le budget est tenu"
	anchored  9c3b77d0  7:21  "40 commerces ont fermé pendant les travaux"
	anchored  b0a4c6e2  9:3  "Personne n'"'"'a perdu son emploi"
	anchored  d7e8f901  12:19  "Yann Le Goff"
	4 notes: 4 anchored, 0 moved, 0 fuzzy, 0 ambiguous, 0 orphan
	EOF
	test_cmp expected actual
'

test_expect_success 'check --write on an unchanged article rewrites the same bytes' '
	"$PRESSMARK" check --write harbour.txt >/dev/null &&
	test_cmp pristine.yaml harbour.txt.factcheck.yaml
'

test_expect_success 'a paragraph inserted above: notes moved, exit 0' '
	{ printf "Un chapeau ajout\303\251 en t\303\252te.\n\n"; cat "$FIXTURES/sidecar/harbour.txt"; } >harbour.txt &&
	"$PRESSMARK" check harbour.txt >actual &&
	grep -q "^moved     5e1f0a21  5:3 (was 3:3)" actual &&
	tail -n 1 actual >last &&
	echo "4 notes: 0 anchored, 4 moved, 0 fuzzy, 0 ambiguous, 0 orphan" >expected &&
	test_cmp expected last
'

test_expect_success 'check is read-only without --write' '
	test_cmp pristine.yaml harbour.txt.factcheck.yaml
'

test_expect_success 'a typo fixed in a quote is fuzzy and exits 1' '
	sed "s/le budget est tenu/le budjet est tenu/" "$FIXTURES/sidecar/harbour.txt" >harbour.txt &&
	test_expect_code 1 "$PRESSMARK" check harbour.txt >actual &&
	grep -q "^fuzzy     5e1f0a21  3:3 (1 edit)" actual
'

test_expect_success 'a deleted quote is an orphan, exits 1, and --write keeps it' '
	grep -v "Personne" "$FIXTURES/sidecar/harbour.txt" >harbour.txt &&
	test_expect_code 1 "$PRESSMARK" check --write harbour.txt >actual &&
	grep -q "^orphan    b0a4c6e2  - (was 9:3)" actual &&
	grep -q "id: b0a4c6e2" harbour.txt.factcheck.yaml &&
	test_expect_code 1 "$PRESSMARK" check harbour.txt >again &&
	grep -q "^orphan    b0a4c6e2" again &&
	grep -c "^  - id:" harbour.txt.factcheck.yaml >count &&
	echo 4 >expected &&
	test_cmp expected count
'

test_expect_success 'check --write stores the new places: the next check is all anchored' '
	cp pristine.yaml harbour.txt.factcheck.yaml &&
	{ printf "Intro.\n\n"; cat "$FIXTURES/sidecar/harbour.txt"; } >harbour.txt &&
	"$PRESSMARK" check --write harbour.txt >/dev/null &&
	"$PRESSMARK" check harbour.txt >actual &&
	tail -n 1 actual >last &&
	echo "4 notes: 4 anchored, 0 moved, 0 fuzzy, 0 ambiguous, 0 orphan" >expected &&
	test_cmp expected last &&
	grep -q "sha256: $(sha256sum harbour.txt | cut -c1-64)" harbour.txt.factcheck.yaml
'

test_expect_success 'an article without a sidecar has no notes and exits 0' '
	echo "Rien." >bare.txt &&
	"$PRESSMARK" check bare.txt >actual &&
	echo "0 notes: 0 anchored, 0 moved, 0 fuzzy, 0 ambiguous, 0 orphan" >expected &&
	test_cmp expected actual &&
	test_must_fail test -e bare.txt.factcheck.yaml
'

test_expect_success 'a sidecar that does not load exits 2 with file:line:col' '
	cp pristine.yaml broken.txt.factcheck.yaml &&
	echo "Texte." >broken.txt &&
	sed -i "s/verdict: misleading/verdict: wrong/" broken.txt.factcheck.yaml &&
	cp broken.txt.factcheck.yaml before.yaml &&
	test_expect_code 2 "$PRESSMARK" check --write broken.txt 2>err &&
	grep -q "broken.txt.factcheck.yaml:14:14: notes\[0\] (id 5e1f0a21): verdict: .wrong. is not one of" err &&
	test_cmp before.yaml broken.txt.factcheck.yaml
'

test_expect_success 'a missing article exits 2' '
	test_expect_code 2 "$PRESSMARK" check nowhere.txt 2>err &&
	grep -q "nowhere.txt: No such file" err
'

test_done

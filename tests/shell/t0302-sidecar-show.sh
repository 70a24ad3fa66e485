#!/bin/sh
test_description='pressmark show: a human listing, usable as a git textconv'
. "$(dirname "$0")/lib.sh"

test_expect_success 'show lists notes in article order with speaker, verdict, text and note' '
	"$PRESSMARK" show "$FIXTURES/sidecar/harbour.txt.factcheck.yaml" >actual &&
	cat >expected <<-\EOF &&
	pressmark notes on harbour.txt: 4 notes

	quote, line 3, Hélène Marchand, verdict: misleading  [5e1f0a21]
	  "Les travaux sont terminés à 90 % et le budget est tenu"
	    The 90 % figure is the share of the budget spent, not of the work done.
	    The town'"'"'s own report of 3 February says 70 %.
	    source: https://example.org/saint-aubin/conseil-municipal-fevrier.pdf
	    source: Interview with the site engineer, 12 February
	    -- Ana Leroy, 2025-02-14T10:05:00Z

	claim, line 7, no speaker given, verdict: mostly-true  [9c3b77d0]
	  "40 commerces ont fermé pendant les travaux"
	    The chamber of commerce counts 38 closures and 2 moves.
	    -- Bruno Keller, 2025-02-15T08:00:00Z

	quote, line 9, Hélène Marchand  [b0a4c6e2]
	  "Personne n'"'"'a perdu son emploi"
	    Not checked yet.
	    -- Ana Leroy, 2025-02-14T09:40:00Z

	speaker, line 12, Yann Le Goff, dismissed  [d7e8f901]
	  "Yann Le Goff"
	    -- Bruno Keller, 2025-02-15T08:10:00Z
	EOF
	test_cmp expected actual
'

test_expect_success 'show sorts by place, not by file order' '
	cat >two.yaml <<-\EOF &&
	pressmark: 1
	notes:
	  - id: late
	    target: range
	    anchor: {exact: second, line: 9, col: 0}
	  - id: early
	    target: range
	    anchor: {exact: first, line: 2, col: 0}
	EOF
	"$PRESSMARK" show two.yaml >actual &&
	grep "^range" actual >order &&
	printf "range, line 2, no speaker given  [early]\nrange, line 9, no speaker given  [late]\n" >expected &&
	test_cmp expected order
'

test_expect_success 'a file that does not parse is shown as is, exit 0, message on stderr' '
	printf "pressmark: 1\nnotes: [\n" >bad.yaml &&
	"$PRESSMARK" show bad.yaml >actual 2>err &&
	test_cmp bad.yaml actual &&
	grep -q "bad.yaml:3:1: did not find expected node content" err
'

test_expect_success 'as a git textconv, git diff shows the change in words' '
	git init -q repo &&
	cd repo &&
	cp "$FIXTURES/sidecar/harbour.txt" "$FIXTURES/sidecar/harbour.txt.factcheck.yaml" . &&
	git config diff.pressmark.textconv "$PRESSMARK show" &&
	echo "*.factcheck.yaml diff=pressmark" >.gitattributes &&
	git add . && git commit -q -m base &&
	sed -i "s/verdict: misleading/verdict: \"false\"/" harbour.txt.factcheck.yaml &&
	git diff >../diff &&
	cd .. &&
	grep "^[-+]quote" diff >actual &&
	cat >expected <<-\EOF &&
	-quote, line 3, Hélène Marchand, verdict: misleading  [5e1f0a21]
	+quote, line 3, Hélène Marchand, verdict: false  [5e1f0a21]
	EOF
	test_cmp expected actual
'

test_expect_success 'show without an argument is a usage error' '
	test_expect_code 2 "$PRESSMARK" show 2>err &&
	grep -q "usage: pressmark show SIDECAR" err
'

test_done

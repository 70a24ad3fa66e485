#!/bin/sh
test_description='pressmark merge as a git merge driver, through real git merge'
. "$(dirname "$0")/lib.sh"

SC=harbour.txt.factcheck.yaml

# A note in the canonical form pressmark writes, for appending.
new_note() { # id line exact author
	cat <<-EOF
	  - id: $1
	    target: claim
	    anchor:
	      exact: $3
	      line: $2
	      col: 0
	    author: $4
	    created: "2025-03-01T10:00:00Z"
	    updated: "2025-03-01T10:00:00Z"
	EOF
}

test_expect_success 'setup: a repository with the drivers installed by git-setup' '
	git init -q repo &&
	cd repo &&
	cp "$FIXTURES/sidecar/harbour.txt" "$FIXTURES/sidecar/$SC" . &&
	"$PRESSMARK" git-setup >/dev/null &&
	git add . && git commit -q -m "article and notes" &&
	git tag base
'

test_expect_success 'notes added and fields edited on both branches merge cleanly' '
	cd repo &&
	git checkout -q -b ana base &&
	sed -i "s/verdict: misleading/verdict: \"false\"/" $SC &&
	new_note a0000001 1 "Le port de Saint-Aubin rouvrira en mars" Ana >>$SC &&
	git commit -q -am "ana: verdict and a note" &&
	git checkout -q -b bruno base &&
	sed -i "s/note: Not checked yet./note: Checked with the union./" $SC &&
	new_note b0000002 4 "lors du conseil de lundi" Bruno >>$SC &&
	git commit -q -am "bruno: note text and a note" &&
	git checkout -q ana &&
	git merge -q --no-edit bruno &&
	"$PRESSMARK" check harbour.txt >../check-out &&
	grep -q "^6 notes:" ../check-out &&
	grep -q "verdict: \"false\"" $SC &&
	grep -q "note: Checked with the union." $SC &&
	grep -q "id: a0000001" $SC &&
	grep -q "id: b0000002" $SC &&
	test_must_fail grep -q "<<<<<<<" $SC
'

test_expect_success 'the merged file is in article order, as pressmark writes it' '
	cd repo &&
	grep "^  - id:" $SC >../ids &&
	cat >../expected <<-\EOF &&
	  - id: a0000001
	  - id: 5e1f0a21
	  - id: b0000002
	  - id: 9c3b77d0
	  - id: b0a4c6e2
	  - id: d7e8f901
	EOF
	test_cmp ../expected ../ids
'

test_expect_success 'the same field changed differently is a conflict labelled ours/base/theirs' '
	cd repo &&
	git checkout -q -b c1 base &&
	sed -i "s/verdict: mostly-true/verdict: mixed/" $SC &&
	git commit -q -am "c1: mixed" &&
	git checkout -q -b c2 base &&
	sed -i "s/verdict: mostly-true/verdict: \"true\"/" $SC &&
	git commit -q -am "c2: true" &&
	test_must_fail git merge -q --no-edit c1 >../out 2>&1 &&
	grep -q "CONFLICT (content): Merge conflict in $SC" ../out &&
	sed -n "/^<<<<<<< /,/^>>>>>>> /p" $SC >../actual &&
	cat >../expected <<-\EOF &&
	<<<<<<< ours (note 9c3b77d0: verdict changed on both sides)
	    verdict: "true"
	||||||| base
	    verdict: mostly-true
	=======
	    verdict: mixed
	>>>>>>> theirs
	EOF
	test_cmp ../expected ../actual &&
	test_expect_code 2 "$PRESSMARK" check harbour.txt 2>../err &&
	grep -q "unresolved merge conflict" ../err &&
	git merge --abort
'

test_expect_success 'a note deleted on one side and edited on the other keeps both versions' '
	cd repo &&
	git checkout -q -b d1 base &&
	sed -i "/^  - id: b0a4c6e2/,/^  - id: d7e8f901/{/^  - id: d7e8f901/!d}" $SC &&
	test_must_fail grep -q b0a4c6e2 $SC &&
	git commit -q -am "d1: delete" &&
	git checkout -q -b d2 base &&
	sed -i "s/note: Not checked yet./note: Now checked./" $SC &&
	git commit -q -am "d2: edit" &&
	test_must_fail git merge -q --no-edit d1 >../out 2>&1 &&
	grep -q "<<<<<<< ours (note b0a4c6e2: edited in ours, deleted in theirs)" $SC &&
	grep -q "note: Now checked." $SC &&
	git merge --abort
'

test_expect_success 'a side that does not parse falls back to a line merge with markers' '
	cd repo &&
	git checkout -q -b p1 base &&
	sed -i "s/^    target: claim$/    target: [claim/" $SC &&
	git commit -q -am "p1: breaks the YAML" &&
	git checkout -q -b p2 base &&
	sed -i "s/Not checked yet./Checked./" $SC &&
	git commit -q -am "p2: edit" &&
	test_must_fail git merge -q --no-edit p1 >../out 2>&1 &&
	grep -q "falling back to a line merge" ../out &&
	grep -q "target: \[claim" $SC &&
	grep -q "note: Checked." $SC &&
	git merge --abort
'

test_expect_success 'an edit on both sides of one line, unparsable side: markers, both kept' '
	cd repo &&
	git checkout -q -b q1 base &&
	sed -i "s/^    verdict: misleading$/    verdict: [misleading/" $SC &&
	git commit -q -am "q1" &&
	git checkout -q -b q2 base &&
	sed -i "s/^    verdict: misleading$/    verdict: mixed/" $SC &&
	git commit -q -am "q2" &&
	test_must_fail git merge -q --no-edit q1 >../out 2>&1 &&
	grep -q "^<<<<<<< ours" $SC &&
	grep -q "^    verdict: mixed" $SC &&
	grep -q "^    verdict: \[misleading" $SC &&
	git merge --abort
'

test_expect_success 'the merge driver recomputes the article digest instead of conflicting' '
	cd repo &&
	git checkout -q -b h1 base &&
	echo "Un ajout." >>harbour.txt &&
	"$PRESSMARK" check --write harbour.txt >/dev/null &&
	git commit -q -am "h1: article edited, digest saved" &&
	git checkout -q -b h2 base &&
	printf "Autre ajout.\n" >>harbour.txt &&
	"$PRESSMARK" check --write harbour.txt >/dev/null &&
	git commit -q -am "h2: article edited, digest saved" &&
	git checkout -q h1 &&
	test_must_fail git merge -q --no-edit h2 >../out 2>&1 &&
	grep -q "Merge conflict in harbour.txt$" ../out &&
	test_must_fail grep -q "Merge conflict in $SC" ../out &&
	test_must_fail grep -q "<<<<<<<" $SC &&
	git merge --abort
'

test_expect_success 'merge by hand: usage errors exit 2' '
	test_expect_code 2 "$PRESSMARK" merge a b 2>err &&
	grep -q "usage: pressmark merge BASE OURS THEIRS" err
'

test_done

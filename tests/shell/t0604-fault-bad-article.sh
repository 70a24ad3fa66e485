#!/bin/sh
test_description='fault: bad articles (invalid UTF-8, NUL, binary, 50 MB line, CRLF, BOM, empty) get a clear message and keep every note'
. "$(dirname "$0")/lib.sh"

# with_note NAME: gives NAME.txt a sidecar with one note on "le port" at
# line 1, column 0 (as the editor would write it), and keeps a copy.
with_note() {
	cat >"$1.txt.factcheck.yaml" <<-\EOF &&
	pressmark: 1
	notes:
	  - id: a0000001
	    target: claim
	    anchor:
	      exact: le port
	      line: 1
	      col: 0
	    note: keep me
	EOF
	cp "$1.txt.factcheck.yaml" "$1.before"
}

# refused NAME WHY: check and check --write exit 2 with one line naming the
# file and WHY, and the sidecar is left byte for byte.
refused() {
	with_note "$1" &&
	test_expect_code 2 "$PRESSMARK" check "$1.txt" >out 2>err &&
	echo "pressmark check: $1.txt: binary file ($2), notes not re-anchored" >expected &&
	test_cmp expected err &&
	test_expect_code 2 "$PRESSMARK" check --write "$1.txt" >out 2>err &&
	test_cmp expected err &&
	cmp "$1.before" "$1.txt.factcheck.yaml" &&
	test_expect_code 1 "$PRESSMARK" analyze "$1.txt" >out 2>err &&
	grep -q "^pressmark: $1.txt: binary file ($2), not analysed" err
}

test_expect_success 'invalid UTF-8 throughout is refused as binary, the note kept' '
	python3 -c "import sys; sys.stdout.buffer.write(b\"le port \" + b\"\\xff\\xfe\\xc3\" * 40 + b\"\\n\")" >inv.txt &&
	refused inv "92 % NUL or invalid bytes"
'

test_expect_success 'NUL bytes throughout are refused as binary, the note kept' '
	python3 -c "import sys; sys.stdout.buffer.write(b\"le port\" + b\"\\0ab\" * 50)" >nul.txt &&
	refused nul "31 % NUL or invalid bytes"
'

test_expect_success 'a binary file (PDF signature) is refused, the note kept' '
	printf "%%PDF-1.4\nle port\n" >pdf.txt &&
	refused pdf "PDF signature"
'

test_expect_success 'a few stray bad bytes and NULs: anchored, exact offsets kept' '
	printf "le port\000 de \377Brest rouvrira en mars, selon la mairie et la préfecture.\n" >stray.txt &&
	with_note stray &&
	"$PRESSMARK" check stray.txt >out &&
	echo "anchored  a0000001  1:0  \"le port\"" >expected &&
	head -n 1 out >actual &&
	test_cmp expected actual
'

test_expect_success 'a BOM: the note made in the editor (no BOM there) stays anchored at 1:0' '
	printf "\357\273\277le port rouvre\n" >bom.txt &&
	with_note bom &&
	"$PRESSMARK" check --write bom.txt >out &&
	echo "anchored  a0000001  1:0  \"le port\"" >expected &&
	head -n 1 out >actual &&
	test_cmp expected actual &&
	grep -q "^      col: 0$" bom.txt.factcheck.yaml
'

test_expect_success 'CRLF: a note spanning lines (LF in the editor) is anchored, not fuzzy' '
	printf "Le port\r\nrouvrira en mars.\r\n" >crlf.txt &&
	cat >crlf.txt.factcheck.yaml <<-\EOF &&
	pressmark: 1
	notes:
	  - id: c0000001
	    target: claim
	    anchor:
	      exact: "port\nrouvrira"
	      line: 1
	      col: 3
	EOF
	"$PRESSMARK" check --write crlf.txt >out &&
	tail -n 1 out >actual &&
	echo "1 note: 1 anchored, 0 moved, 0 fuzzy, 0 ambiguous, 0 orphan" >expected &&
	test_cmp expected actual &&
	! grep -q "\\\\r" crlf.txt.factcheck.yaml &&
	"$PRESSMARK" check crlf.txt >out &&
	tail -n 1 out >actual &&
	test_cmp expected actual
'

test_expect_success 'an empty article: the note is an orphan, and --write keeps it' '
	: >empty.txt &&
	with_note empty &&
	test_expect_code 1 "$PRESSMARK" check --write empty.txt >out &&
	echo "orphan    a0000001  - (was 1:0)  \"le port\"" >expected &&
	head -n 1 out >actual &&
	test_cmp expected actual &&
	grep -q "note: keep me" empty.txt.factcheck.yaml &&
	grep -q "exact: le port" empty.txt.factcheck.yaml
'

test_expect_success 'a 50 MB single line: the note is found, the file analysed in pieces' '
	python3 -c "import sys; sys.stdout.write(\"mot \" * 12500000 + \"le port.\")" >big.txt &&
	with_note big &&
	"$PRESSMARK" check --write big.txt >out &&
	echo "moved     a0000001  1:50000000 (was 1:0)  \"le port\"" >expected &&
	head -n 1 out >actual &&
	test_cmp expected actual &&
	grep -q "col: 50000000" big.txt.factcheck.yaml
'

test_expect_success 'a missing article and an unreadable one name the file' '
	with_note gone &&
	test_expect_code 2 "$PRESSMARK" check gone.txt 2>err &&
	grep -q "^pressmark check: gone.txt: No such file or directory" err &&
	mkdir dir.txt &&
	test_expect_code 2 "$PRESSMARK" check dir.txt 2>err &&
	grep -q "^pressmark check: dir.txt: " err &&
	cmp gone.before gone.txt.factcheck.yaml
'

test_done

#!/bin/sh
test_description='security: paths come from the command line only, no shell runs, nothing is written outside the article folder'
. "$(dirname "$0")/lib.sh"

# The hostile sidecar names a FIFO outside the article's folder as its
# article.path and in its sources: opening it would block, so every
# command runs under `timeout`.  Its text is full of shell syntax that
# would create pwned-* files if it ever reached a shell.  Where strace
# exists, every exec and every file opened for writing is checked too.
if command -v strace >/dev/null 2>&1 && strace -f -qq -o /dev/null true 2>/dev/null; then
	STRACE=yes
else
	STRACE=
fi
echo "# strace: ${STRACE:-not available}"

# run NAME CMD...: runs CMD in cwd/ with a time limit, output in logs/NAME.*;
# under strace the trace goes to logs/NAME.trace.
run() {
	name=$1
	shift
	if [ -n "$STRACE" ]; then
		(cd "$TRASH/cwd" && timeout 20 strace -f -qq -e trace=execve,open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,symlink,link \
			-o "$TRASH/logs/$name.trace" "$@" >"$TRASH/logs/$name.out" 2>"$TRASH/logs/$name.err")
	else
		(cd "$TRASH/cwd" && timeout 20 "$@" >"$TRASH/logs/$name.out" 2>"$TRASH/logs/$name.err")
	fi
	status=$?
	test $status -ne 124 || { echo "$name: timed out (blocked on the FIFO?)"; return 1; }
	return 0
}

# The server is driven by tests/shell/fake_nvim.py, which is not traced:
# it starts this wrapper, which traces only pressmark.
cat >traced-pressmark <<EOF
#!/bin/sh
if [ -n "$STRACE" ]; then
	exec strace -f -qq -e trace=execve,open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,symlink,link \\
		-o "$TRASH/logs/serve.trace" "$PRESSMARK" "\$@"
fi
exec "$PRESSMARK" "\$@"
EOF
chmod +x traced-pressmark

test_expect_success 'setup: an article, a hostile sidecar, a FIFO outside' '
	mkdir art secret cwd logs &&
	mkfifo secret/honey.txt &&
	printf "%s\n" "Le port a coûté 3 millions, selon le maire." "« Tout va bien », dit-il." >art/a.txt &&
	cat >art/a.txt.factcheck.yaml <<-\EOF &&
	pressmark: 1
	article:
	  path: ../secret/honey.txt
	  url: "https://example.org/$(touch ../pwned-url)"
	notes:
	  - id: h0000001
	    target: claim
	    anchor:
	      exact: Le port a coûté 3 millions
	      line: 1
	      col: 0
	    verdict: "false"
	    speaker: "$(touch pwned-speaker)"
	    note: "`touch pwned-backtick` $(touch pwned-dollar); touch pwned-semi | touch pwned-pipe"
	    sources:
	      - ../secret/honey.txt
	      - /etc/shadow
	      - "|touch pwned-source"
	    author: "; touch pwned-author"
	    created: "2025-01-01T00:00:00Z"
	    updated: "2025-01-01T00:00:00Z"
	EOF
	cp art/a.txt.factcheck.yaml hostile.yaml &&
	cp hostile.yaml base.yaml &&
	sed "s/verdict: \"false\"/verdict: mixed/" hostile.yaml >theirs.yaml &&
	printf "pressmark: 1\nnotes: [\n" >broken.yaml &&
	touch stamp
'

test_expect_success 'check, check --write, show and both exports finish and never open the FIFO' '
	run check "$PRESSMARK" check "$TRASH/art/a.txt" &&
	grep -q "anchored  h0000001" logs/check.out &&
	run check-write "$PRESSMARK" check --write "$TRASH/art/a.txt" &&
	run show "$PRESSMARK" show "$TRASH/art/a.txt.factcheck.yaml" &&
	grep -q "pwned-dollar" logs/show.out &&
	run claimreview "$PRESSMARK" export --format claimreview "$TRASH/art/a.txt" &&
	run w3c "$PRESSMARK" export --format w3c "$TRASH/art/a.txt" &&
	grep -q "touch pwned-backtick" logs/w3c.out
'

test_expect_success 'merge, as a tool and as the git driver, with a side that does not parse' '
	cp hostile.yaml "art/ours;touch pwned-name.yaml" &&
	run merge "$PRESSMARK" merge "$TRASH/base.yaml" "$TRASH/art/ours;touch pwned-name.yaml" "$TRASH/theirs.yaml" &&
	grep -q "verdict: mixed" "art/ours;touch pwned-name.yaml" &&
	cp hostile.yaml "art/\$(touch pwned-driver).yaml" &&
	run merge-broken "$PRESSMARK" merge "$TRASH/base.yaml" "$TRASH/art/\$(touch pwned-driver).yaml" "$TRASH/broken.yaml" "$TRASH/art/a.txt.factcheck.yaml" &&
	grep -q "falling back to a line merge" logs/merge-broken.err
'

test_expect_success 'the server loads, edits and deletes notes without opening article.path' '
	cp hostile.yaml art/a.txt.factcheck.yaml &&
	(cd cwd && timeout 60 python3 "$ROOT/tests/shell/fake_nvim.py" "$TRASH/traced-pressmark" "$TRASH/art/a.txt" \
		"[\"pressmark_sidecar_load\", [1, \"$TRASH/art/a.txt\"]]" \
		"[\"pressmark_note_set\", [1, {\"id\": \"h0000001\", \"note\": \"\$(touch pwned-rpc)\"}]]" \
		"[\"pressmark_note_set\", [1, {\"target\": \"quote\", \"start\": 46, \"end\": 60}]]" \
		"[\"pressmark_note_del\", [1, \"h0000001\"]]" \
		"[\"pressmark_article_hash\", [1]]") >logs/serve.out &&
	test $(grep -c "^\[null, " logs/serve.out) -eq 5 &&
	grep -q "^\[\"exit\", 0\]" logs/serve.out
'

test_expect_success 'no shell syntax from the files ran' '
	find "$TRASH" -name "pwned*" >logs/found &&
	test_cmp /dev/null logs/found
'

test_expect_success 'nothing was written outside the article folder' '
	find "$TRASH" -newer stamp -type f ! -path "$TRASH/art/*" ! -path "$TRASH/logs/*" \
		! -name ".*" >logs/found &&
	test_cmp /dev/null logs/found &&
	find secret cwd -newer stamp >logs/found &&
	test_cmp /dev/null logs/found
'

test_expect_success 'strace: only pressmark and git (no shell) were executed' '
	if [ -z "$STRACE" ]; then test_skip "no strace"; return 77; fi
	cat logs/*.trace | sed -n "s/^[0-9]*  *execve(\"\([^\"]*\)\".*= 0$/\1/p" |
		sed "s|.*/||" | sort -u >actual &&
	printf "%s\n" git pressmark >expected &&
	test_cmp expected actual
'

test_expect_success 'strace: the FIFO and /etc/shadow were never opened, writes stayed in art/' '
	if [ -z "$STRACE" ]; then test_skip "no strace"; return 77; fi
	test_must_fail grep -h "honey\|/etc/shadow" logs/*.trace &&
	grep -q "rename.*\"$TRASH/art/a.txt.factcheck.yaml\"" logs/check-write.trace &&
	grep -q "rename.*\"$TRASH/art/a.txt.factcheck.yaml\"" logs/serve.trace &&
	# grep -v exits 1 when nothing is left, which is the good case: the
	# comparison with an empty file decides.
	{ grep -h "open.*O_WRONLY\|open.*O_RDWR\|open.*O_CREAT\|creat(\|rename\|unlink\|mkdir\|link(" logs/*.trace |
		grep -v "\"$TRASH/art/[^\"]*\"\|\"/dev/null\"" >actual; true; } &&
	test_cmp /dev/null actual
'

test_done

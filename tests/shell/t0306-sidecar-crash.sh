#!/bin/sh
test_description='atomic save: a writer killed (SIGKILL) mid-save 200 times, the sidecar always loads whole'
. "$(dirname "$0")/lib.sh"

ROUNDS=${PM_CRASH_ROUNDS:-200}
NOTES=3000

test_expect_success 'setup: 3000 notes (about 1.3 MB of YAML) and two article versions' '
	python3 - <<-EOF &&
	import random
	random.seed(7)
	words = "port travaux budget mairie conseil pecheurs chantier commerce emploi elue bateau quai digue".split()
	lines = ["Phrase %d : %s." % (i, " ".join(random.choice(words) for _ in range(12))) for i in range($NOTES)]
	open("a.txt", "w").write("\n".join(lines) + "\n")
	open("b.txt", "w").write("Une ligne de plus.\n" + "\n".join(lines) + "\n")
	out = ["pressmark: 1", "notes:"]
	for i, l in enumerate(lines):
	    out += ["  - id: n%05d" % i, "    target: claim", "    anchor:",
	            "      exact: \"%s\"" % l[l.index(":") + 2:-1],
	            "      line: %d" % (i + 1), "      col: %d" % len("Phrase %d : " % i),
	            "    note: |", "      Note %d, line one.\n      Line two." % i]
	open("art.txt.factcheck.yaml", "w").write("\n".join(out) + "\n")
	EOF
	cp a.txt art.txt &&
	"$PRESSMARK" check --write art.txt >out &&
	tail -n 1 out >last &&
	echo "$NOTES notes: $NOTES anchored, 0 moved, 0 fuzzy, 0 ambiguous, 0 orphan" >expected &&
	test_cmp expected last
'

test_expect_success 'calibrate: how long one load, re-anchor and save takes' '
	t0=$(date +%s%N) &&
	for k in 1 2 3; do "$PRESSMARK" check --write art.txt >/dev/null; done &&
	t1=$(date +%s%N) &&
	echo $(( (t1 - t0) / 3000000 )) >ms &&
	test "$(cat ms)" -gt 0
'

# Half the kills land while the temporary file exists (mid-save), the
# others at random times around the end of the run.
test_expect_success "killed at random points $ROUNDS times, the file always parses with every note" '
	i=0 && torn=0 && ms=$(cat ms) &&
	while [ $i -lt $ROUNDS ]; do
		# Alternate the article so that every save changes every note.
		if [ $((i % 2)) -eq 0 ]; then cp b.txt art.txt; else cp a.txt art.txt; fi &&
		"$PRESSMARK" check --write art.txt >/dev/null 2>&1 &
		pid=$! &&
		if [ $((i % 2)) -eq 0 ]; then
			# Even rounds: kill as soon as the temporary file appears,
			# that is while the new version is being written.
			n=0
			while [ $n -lt 100000 ]; do
				set -- art.txt.factcheck.yaml.tmp.*
				[ -e "$1" ] && break
				kill -0 $pid 2>/dev/null || break
				n=$((n + 1))
			done
		else
			# Odd rounds: at a random time around the end of the run.
			d=$(od -An -N1 -tu1 /dev/urandom | tr -d " ") &&
			wait_ms=$((ms * 7 / 10 + d * (ms * 4 / 10) / 255)) &&
			sleep "$(printf "%d.%03d" $((wait_ms / 1000)) $((wait_ms % 1000)))"
		fi
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		# Whatever happened, the sidecar is the old or the new one, whole.
		"$PRESSMARK" check art.txt >out 2>err
		status=$?
		if [ $status -eq 2 ]; then cat err; echo "round $i: the sidecar does not load"; return 1; fi
		grep -q "^$NOTES notes: " out || { tail -n 1 out; echo "round $i: notes lost"; return 1; }
		for t in art.txt.factcheck.yaml.tmp.*; do
			[ -e "$t" ] && torn=$((torn + 1)) && rm -f "$t"
		done
		i=$((i + 1))
	done &&
	echo "$ROUNDS kills, $torn of them mid-save (temporary file left behind)" >"$TRASH/summary" &&
	test $torn -gt 0
'

# The figure for the log (tests/run keeps it).
[ -f "$TRASH/summary" ] && sed "s/^/# /" "$TRASH/summary"

test_done

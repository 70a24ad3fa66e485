#!/bin/sh
test_description='fault: a full disk or a read-only folder fails the save with a clear message, the old sidecar intact'
. "$(dirname "$0")/lib.sh"

# The disk is a 128 KiB tmpfs when this machine lets us mount one (root);
# otherwise the write failure is injected with a file-size limit (ulimit
# -f, SIGXFSZ ignored), which fails write() with EFBIG just the same
# (PM_TEST_NO_MOUNT=1 forces that way).
D=$TRASH/disk
mkdir "$D"
if [ -z "${PM_TEST_NO_MOUNT:-}" ] && mount -t tmpfs -o size=128k tmpfs "$D" 2>/dev/null; then
	MODE=tmpfs
	FULL="No space left on device"
	trap 'cd /; umount "$D" 2>/dev/null' EXIT
else
	MODE=ulimit
	FULL="File too large"
fi
echo "# disk full by: $MODE"

# fill: use up the disk (tmpfs) or arm the size limit for the command run
# by `full CMD...`.
fill() {
	if [ $MODE = tmpfs ]; then
		dd if=/dev/zero of="$D/filler" bs=1k count=200 2>/dev/null
		test -s "$D/filler"
	fi
}
unfill() { rm -f "$D/filler"; }
full() {
	if [ $MODE = tmpfs ]; then "$@"; else (trap "" XFSZ; ulimit -f 8; "$@"); fi
}

test_expect_success 'setup: an article and a 30 KB sidecar on the small disk' '
	python3 - <<-EOF &&
	lines = ["Phrase %d : le port et la digue ont coûté %d euros." % (i, i * 1000) for i in range(120)]
	open("a.txt", "w").write("\n".join(lines) + "\n")
	open("b.txt", "w").write("Une ligne de plus.\n" + "\n".join(lines) + "\n")
	out = ["pressmark: 1", "notes:"]
	for i, l in enumerate(lines):
	    out += ["  - id: n%04d" % i, "    target: claim", "    anchor:",
	            "      exact: \"%s\"" % l[l.index(":") + 2:-1],
	            "      line: %d" % (i + 1), "      col: %d" % len("Phrase %d : " % i)]
	open("sc.yaml", "w").write("\n".join(out) + "\n")
	EOF
	cp a.txt "$D/art.txt" &&
	cp sc.yaml "$D/art.txt.factcheck.yaml" &&
	"$PRESSMARK" check --write "$D/art.txt" >out &&
	tail -n 1 out >actual &&
	echo "120 notes: 120 anchored, 0 moved, 0 fuzzy, 0 ambiguous, 0 orphan" >expected &&
	test_cmp expected actual &&
	cp "$D/art.txt.factcheck.yaml" before.yaml &&
	test $(wc -c <before.yaml) -gt 12000
'

test_expect_success 'a save on a full disk fails naming the file, the old sidecar intact, no temporary file' '
	cp b.txt "$D/art.txt" &&
	fill &&
	test_when_finished unfill &&
	test_expect_code 2 full "$PRESSMARK" check --write "$D/art.txt" >out 2>err &&
	cat err &&
	grep -q "art.txt.factcheck.yaml: cannot save: $FULL" err &&
	cmp before.yaml "$D/art.txt.factcheck.yaml" &&
	ls "$D" >actual &&
	printf "%s\n" art.txt art.txt.factcheck.yaml filler >expected &&
	{ test $MODE = tmpfs || printf "%s\n" art.txt art.txt.factcheck.yaml >expected; } &&
	test_cmp expected actual
'

test_expect_success 'once there is room the same command saves the moved notes' '
	"$PRESSMARK" check --write "$D/art.txt" >out &&
	tail -n 1 out >actual &&
	echo "120 notes: 0 anchored, 120 moved, 0 fuzzy, 0 ambiguous, 0 orphan" >expected &&
	test_cmp expected actual &&
	grep -q "line: 121" "$D/art.txt.factcheck.yaml"
'

# Only the tmpfs can be filled while the process runs; the size limit
# would apply to every write of the process alike.
test_expect_success 'editor: a note set on a full disk is refused, kept, and saved with the next one' '
	if [ $MODE != tmpfs ]; then test_skip "needs the tmpfs"; return 77; fi
	cp "$D/art.txt.factcheck.yaml" before.yaml &&
	python3 "$ROOT/tests/shell/fake_nvim.py" "$PRESSMARK" "$D/art.txt" \
		"[\"pressmark_sidecar_load\", [1, \"$D/art.txt\", {\"author\": \"T\"}]]" \
		"sh:dd if=/dev/zero of=$D/filler bs=1k count=200 2>/dev/null; true" \
		"[\"pressmark_note_set\", [1, {\"target\": \"claim\", \"start\": 0, \"end\": 18, \"note\": \"written while full\"}]]" \
		"sh:rm -f $D/filler" \
		"[\"pressmark_note_set\", [1, {\"target\": \"claim\", \"start\": 19, \"end\": 28, \"note\": \"written after\"}]]" \
		>replies &&
	sed -n 2p replies >second &&
	grep -q "art.txt.factcheck.yaml: cannot save: No space left on device" second &&
	sed -n 3p replies | grep -q "^\[null, " &&
	grep -q "note: written while full" "$D/art.txt.factcheck.yaml" &&
	grep -q "note: written after" "$D/art.txt.factcheck.yaml" &&
	grep -q "exact: Une ligne de plus." "$D/art.txt.factcheck.yaml" &&
	test $(grep -c "^  - id:" "$D/art.txt.factcheck.yaml") -eq 122
'

test_expect_success 'a read-only folder: the message names the file, the old sidecar intact' '
	cp "$D/art.txt.factcheck.yaml" before.yaml &&
	cp a.txt "$D/art.txt" &&
	if [ $MODE = tmpfs ]; then
		mount -o remount,ro "$D" && test_when_finished "mount -o remount,rw \"$D\"" &&
		why="Read-only file system"
	elif [ "$(id -u)" = 0 ]; then
		test_skip "root writes through chmod a-w"; return 77
	else
		chmod a-w "$D" && test_when_finished "chmod u+w \"$D\"" &&
		why="Permission denied"
	fi &&
	test_expect_code 2 "$PRESSMARK" check --write "$D/art.txt" >out 2>err &&
	cat err &&
	grep -q "art.txt.factcheck.yaml: cannot create a temporary file: $why" err &&
	cmp before.yaml "$D/art.txt.factcheck.yaml"
'

test_expect_success 'unmount the small disk' '
	if [ $MODE = tmpfs ]; then umount "$D" && test ! -e "$D/art.txt"; fi
'

test_done

#!/bin/sh
test_description='fault: pressmark serve SIGKILLed while saving notes, 200 times: the sidecar is always whole, no note lost'
. "$(dirname "$0")/lib.sh"

ROUNDS=${PM_CRASH_ROUNDS:-200}
# A private copy: the loop runs the binary 400 times over half a minute,
# and a rebuild meanwhile would make it briefly unexecutable.
cp "$PRESSMARK" "$TRASH/pressmark-copy" && PRESSMARK=$TRASH/pressmark-copy

test_expect_success 'setup: an article and a 300-note sidecar (about 100 KB)' '
	python3 - <<-\EOF &&
	lines = ["Phrase %d : le port, la digue et le quai ont coûté %d euros." % (i, i * 7) for i in range(300)]
	open("art.txt", "w").write("\n".join(lines) + "\n")
	out = ["pressmark: 1", "notes:"]
	for i, l in enumerate(lines):
	    out += ["  - id: n%05d" % i, "    target: claim", "    anchor:",
	            "      exact: \"%s\"" % l[l.index(":") + 2:-1],
	            "      line: %d" % (i + 1), "      col: %d" % len("Phrase %d : " % i),
	            "    note: |", "      Note %d." % i, "      Second line." ]
	open("art.txt.factcheck.yaml", "w").write("\n".join(out) + "\n")
	EOF
	"$PRESSMARK" check art.txt >out &&
	tail -n 1 out >actual &&
	echo "300 notes: 300 anchored, 0 moved, 0 fuzzy, 0 ambiguous, 0 orphan" >expected &&
	test_cmp expected actual
'

# Each round starts the server, loads the sidecar, and sends a stream of
# note edits (each one a full save); it is killed after a random delay
# within the time the load and a few saves take.  After each kill the file
# must load with `pressmark check` and hold every note saved so far.
test_expect_success "killed during saves $ROUNDS times, the sidecar always whole" '
	python3 - "$PRESSMARK" "$ROUNDS" >summary <<-\EOF &&
	import os, random, signal, subprocess, sys, time
	sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests", "shell"))
	import msgpack
	exe, rounds = sys.argv[1], int(sys.argv[2])
	random.seed(6)
	art = os.path.abspath("art.txt")
	lines = open(art).read().rstrip("\n").split("\n")
	offsets, o = [], 0
	for l in lines:
	    offsets.append(o); o += len(l.encode()) + 1

	def answer(p, buf):
	    """Serves the server calls (buffer lines) until the next reply."""
	    while True:
	        try:
	            m, n = msgpack.unpack(buf, 0)
	        except msgpack.Partial:
	            chunk = p.stdout.read1(65536)
	            if not chunk:
	                return None, buf
	            buf += chunk
	            continue
	        buf = buf[n:]
	        if m[0] == 0:
	            p.stdin.write(msgpack.pack([1, m[1], None, lines])); p.stdin.flush()
	        elif m[0] == 1:
	            return m, buf

	def notes_in_file():
	    r = subprocess.run([exe, "check", art], capture_output=True, text=True)
	    if r.returncode == 2:
	        sys.exit("the sidecar does not load: " + r.stderr)
	    return int(r.stdout.strip().split("\n")[-1].split()[0])

	# Calibrate: how long a load and five saves take.
	t0 = time.time()
	p = subprocess.Popen([exe, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
	buf = b""
	p.stdin.write(msgpack.pack([0, 1, "pressmark_sidecar_load", [1, art]])); p.stdin.flush()
	m, buf = answer(p, buf)
	loaded = time.time() - t0
	for k in range(5):
	    p.stdin.write(msgpack.pack([0, 2 + k, "pressmark_note_set", [1, {"id": "n00000", "note": "calibrate %d" % k}]])); p.stdin.flush()
	    m, buf = answer(p, buf)
	    assert m[2] is None, m
	p.stdin.close(); p.wait()
	span = time.time() - t0
	print("calibration: %.3f s, %.3f s to the load reply" % (span, loaded), file=sys.stderr)
	expected = notes_in_file()
	saved = torn = 0
	# A kill leaves a temporary file only when it lands while the file is
	# written, a small part of a save on a fast disk (1 to 5 kills in 200
	# here): the loop goes on, up to five times as long, until one has.
	i = 0
	while i < rounds or (torn == 0 and rounds >= 50 and i < 5 * rounds):
	    i += 1
	    p = subprocess.Popen([exe, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
	    msgs = [msgpack.pack([0, 1, "pressmark_sidecar_load", [1, art]])]
	    for k in range(8):
	        r = random.randrange(len(lines))
	        if k % 2:
	            msgs.append(msgpack.pack([0, 2 + k, "pressmark_note_set", [1, {"id": "n%05d" % r, "note": "round %d edit %d" % (i, k)}]]))
	        else:
	            start = offsets[r] + len(("Phrase %d : " % r).encode())
	            msgs.append(msgpack.pack([0, 2 + k, "pressmark_note_set", [1, {"target": "claim", "start": start, "end": start + 7, "note": "new in round %d" % i}]]))
	    try:
	        p.stdin.write(b"".join(msgs)); p.stdin.flush()
	    except BrokenPipeError:
	        pass
	    # Serve the calls back (the lines of the buffer) for a random time, then
	    # kill: the edits keep saving until the signal lands.  Most kills fall
	    # after the load (start-up and loading take most of the span, and a
	    # kill there tests nothing), some before it.
	    lo = 0 if i % 4 == 0 else loaded * 0.9
	    deadline = time.time() + random.uniform(lo, span)
	    buf = b""
	    os.set_blocking(p.stdout.fileno(), False)
	    while time.time() < deadline and p.poll() is None:
	        try:
	            chunk = p.stdout.read1(65536)
	        except BlockingIOError:
	            chunk = None
	        if chunk:
	            buf += chunk
	            while True:
	                try:
	                    m, n = msgpack.unpack(buf, 0)
	                except msgpack.Partial:
	                    break
	                buf = buf[n:]
	                if m[0] == 0:
	                    try:
	                        p.stdin.write(msgpack.pack([1, m[1], None, lines])); p.stdin.flush()
	                    except BrokenPipeError:
	                        pass
	                elif m[0] == 1 and m[2] is None and m[1] >= 2 and m[1] % 2 == 0:
	                    expected += 1  # a new note was saved
	                    saved += 1
	        else:
	            time.sleep(0.0005)
	    p.send_signal(signal.SIGKILL); p.wait()
	    p.stdout.close()
	    try:
	        p.stdin.close()
	    except BrokenPipeError:
	        pass
	    have = notes_in_file()
	    if have < expected:
	        sys.exit("round %d: %d notes, expected at least %d" % (i, have, expected))
	    expected = have  # a save may land after its reply was lost to the kill
	    for f in os.listdir("."):
	        if ".tmp." in f:
	            torn += 1
	            os.unlink(f)
	if rounds >= 50 and torn == 0:
	    sys.exit("no kill landed during a save in %d kills: the loop tests nothing" % i)
	print("%d kills, %d of them mid-save (temporary file left), %d new notes confirmed saved, %d notes at the end (calibration %.3f s, %.3f s to the load reply)"
	      % (i, torn, saved, expected, span, loaded))
	EOF
	cat summary &&
	kills=$(sed -n "s/^\([0-9]*\) kills.*/\1/p" summary) &&
	test "$kills" -ge "$ROUNDS"
'

[ -f "$TRASH/summary" ] && sed "s/^/# /" "$TRASH/summary"

test_done

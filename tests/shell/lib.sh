# lib.sh - git-style shell test library (after git's t/test-lib.sh).
#
#   test_description='what this script checks'
#   . "$(dirname "$0")/lib.sh"
#   test_expect_success 'title' '
#       pressmark analyze x.txt >actual &&
#       test_cmp expected actual
#   '
#   test_done
#
# Each script runs in its own trash folder (removed on success, kept on
# failure), with fixed dates and a git identity so results never depend on
# the machine.  $PRESSMARK is the binary under test; $FIXTURES the fixtures.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PRESSMARK=${PRESSMARK:-$ROOT/build/pressmark}
FIXTURES=$ROOT/tests/fixtures
export ROOT PRESSMARK FIXTURES
PATH=$(dirname "$PRESSMARK"):$PATH
export PATH

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/pressmark-test.XXXXXX")
export HOME="$TRASH" GIT_CONFIG_NOSYSTEM=1 \
  GIT_AUTHOR_NAME='A U Thor' GIT_AUTHOR_EMAIL=author@example.com \
  GIT_COMMITTER_NAME='C O Mitter' GIT_COMMITTER_EMAIL=committer@example.com \
  GIT_AUTHOR_DATE='2025-01-01T00:00:00Z' GIT_COMMITTER_DATE='2025-01-01T00:00:00Z' \
  LC_ALL=C.UTF-8 TZ=UTC
cd "$TRASH" || exit 1
git config --global init.defaultBranch main

test_count=0
test_failures=0
test_skipped=0

test_expect_success() {
  test_count=$((test_count + 1))
  : >"$TRASH/.cleanup"
  (eval "$2") >"$TRASH/.out" 2>&1
  status=$?
  if [ "$status" -eq 0 ]; then
    echo "ok $test_count - $1"
  elif [ "$status" -eq 77 ]; then
    test_skipped=$((test_skipped + 1))
    echo "ok $test_count - $1 # SKIP $(sed -n 's/^# skipped: //p' "$TRASH/.out" | head -n 1)"
  else
    test_failures=$((test_failures + 1))
    echo "not ok $test_count - $1"
    sed 's/^/#   /' "$TRASH/.out" | tail -n 30
  fi
  (cd "$TRASH" && . "$TRASH/.cleanup") >/dev/null 2>&1
}

# Ends the current test as skipped (not passed) with a reason:
#   test_have_prereq_or_skip() ... || { test_skip "no strace"; return 77; }
test_skip() {
  echo "# skipped: $*"
}

# Runs the command after the current test, whatever its result.  The body
# runs in a subshell, so the cleanup goes through a file.
test_when_finished() {
  printf '%s\n' "$*" >>"$TRASH/.cleanup"
}

# Succeeds when the command fails normally (exit 1..125); a crash or a
# signal is still a failure.
test_must_fail() {
  "$@"
  status=$?
  if [ "$status" -eq 0 ]; then
    echo "test_must_fail: command succeeded: $*"
    return 1
  elif [ "$status" -gt 125 ]; then
    echo "test_must_fail: command died (status $status): $*"
    return 1
  fi
  return 0
}

# Runs the command and checks that it exits with exactly the given status.
test_expect_code() {
  want=$1
  shift
  "$@"
  status=$?
  if [ "$status" -ne "$want" ]; then
    echo "test_expect_code: expected $want, got $status: $*"
    return 1
  fi
}

test_cmp() {
  diff -u "$1" "$2"
}

test_done() {
  echo "$((test_count - test_failures - test_skipped)) passed, $test_failures failed, $test_skipped skipped"
  if [ "$test_failures" -eq 0 ]; then
    cd / && rm -rf "$TRASH"
    exit 0
  fi
  echo "# trash folder kept: $TRASH"
  exit 1
}

#!/bin/sh
test_description='the pressmark command line: version, help, unknown commands'
. "$(dirname "$0")/lib.sh"

test_expect_success 'version prints the version' '
	"$PRESSMARK" --version >actual &&
	grep -q "^pressmark [0-9][0-9.]*$" actual
'

test_expect_success 'help lists every subcommand' '
	"$PRESSMARK" --help >actual &&
	for c in analyze check show merge export git-setup serve; do
		grep -q "^  $c " actual || return 1
	done
'

test_expect_success 'an unknown command fails with a message' '
	test_expect_code 2 "$PRESSMARK" frobnicate 2>err &&
	grep -q "unknown command .frobnicate." err
'

test_done

#!/bin/sh
test_description='pressmark git-setup: idempotent, absolute binary path'
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a repository with an existing .gitattributes' '
	git init -q repo &&
	printf "*.png binary" >repo/.gitattributes
'

test_expect_success 'git-setup registers both drivers with the absolute binary path' '
	cd repo &&
	"$PRESSMARK" git-setup >../out &&
	abs=$(readlink -f "$PRESSMARK") &&
	git config merge.pressmark.driver >../actual &&
	git config diff.pressmark.textconv >>../actual &&
	git config merge.pressmark.name >>../actual &&
	printf "%s\n" "'"'"'$abs'"'"' merge %O %A %B %P" "'"'"'$abs'"'"' show" \
		"pressmark sidecar merge" >../expected &&
	test_cmp ../expected ../actual
'

test_expect_success 'git-setup appends the attributes line after existing ones' '
	printf "*.png binary\n*.factcheck.yaml merge=pressmark diff=pressmark\n" >expected &&
	test_cmp expected repo/.gitattributes
'

test_expect_success 'running it again changes nothing' '
	cp repo/.gitattributes before-attr &&
	cp repo/.git/config before-config &&
	(cd repo && "$PRESSMARK" git-setup >../out2) &&
	test_cmp before-attr repo/.gitattributes &&
	test_cmp before-config repo/.git/config &&
	grep -q "already has" out2
'

test_expect_success 'it works from a subfolder, writing at the top of the work tree' '
	git init -q repo2 &&
	mkdir -p repo2/articles/2025 &&
	(cd repo2/articles/2025 && "$PRESSMARK" git-setup >/dev/null) &&
	echo "*.factcheck.yaml merge=pressmark diff=pressmark" >expected &&
	test_cmp expected repo2/.gitattributes &&
	test_must_fail test -e repo2/articles/2025/.gitattributes
'

test_expect_success 'the driver runs from a PATH without pressmark' '
	git init -q repo3 && cd repo3 &&
	"$PRESSMARK" git-setup >/dev/null &&
	git check-attr merge -- a.txt.factcheck.yaml >../attr &&
	echo "a.txt.factcheck.yaml: merge: pressmark" >../expected &&
	test_cmp ../expected ../attr &&
	driver=$(git config merge.pressmark.driver) &&
	case "$driver" in "'"'"'/"*) : ;; *) echo "not absolute: $driver"; false ;; esac
'

test_expect_success 'outside a repository it fails with a message' '
	mkdir plain && cd plain &&
	GIT_CEILING_DIRECTORIES=$(pwd)/.. test_expect_code 2 "$PRESSMARK" git-setup 2>../err &&
	grep -q "not inside a git work tree" ../err
'

test_done

#!/bin/sh
test_description='Neovim in a real terminal (tmux): the plugin starts, a note shows its sign and badge, :Pressmark show opens a float'
. "$(dirname "$0")/lib.sh"

# One tmux server of our own (its socket in the trash folder), so a
# user's sessions are never touched; killed when the script ends.
SOCK=$TRASH/tmux.sock
tm() { tmux -S "$SOCK" "$@"; }

# Polls the screen until it holds every fixed string given, for up to
# 15 s; leaves the last capture in `screen`.
wait_screen() {
	i=0
	while [ $i -lt 150 ]; do
		tm capture-pane -p -t pm >screen 2>/dev/null || true
		ok=1
		for want in "$@"; do
			grep -qF -- "$want" screen || { ok=0; break; }
		done
		[ $ok -eq 1 ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "screen never showed: $*" >&2
	cat screen >&2
	return 1
}

if ! command -v tmux >/dev/null 2>&1 || ! command -v nvim >/dev/null 2>&1; then
	echo "# skipped: tmux or nvim not installed"
	test_done
fi

test_expect_success 'setup: an article with a note' '
	printf "%s\n" \
		"Le préfet a annoncé : « Le pont sera rouvert à la circulation le 3 mars », selon Marc Leroy." \
		"" \
		"Les travaux ont coûté 8 millions d’euros depuis 2022." >article.txt &&
	cat >article.txt.factcheck.yaml <<-\EOF &&
	pressmark: 1
	article:
	  path: article.txt
	notes:
	  - id: 0badcafe
	    target: quote
	    anchor:
	      exact: Le pont sera rouvert à la circulation le 3 mars
	      line: 1
	      col: 27
	    verdict: misleading
	    note: The works run until May.
	    author: A U Thor
	    created: "2025-01-01T00:00:00Z"
	    updated: "2025-01-01T00:00:00Z"
	EOF
	cp article.txt.factcheck.yaml pristine.yaml
'

test_expect_success 'Neovim starts in tmux with the plugin and draws the note' '
	test_when_finished "tm kill-server 2>/dev/null || true" &&
	tm new-session -d -s pm -x 120 -y 40 \
		"env PRESSMARK_BIN=$PRESSMARK XDG_CONFIG_HOME=$TRASH/c XDG_DATA_HOME=$TRASH/d XDG_STATE_HOME=$TRASH/s \
		nvim --clean -i NONE -n --cmd \"set rtp^=$ROOT\" --cmd \"set signcolumn=yes\" article.txt" &&
	wait_screen "[misleading]" "Le préfet a annoncé" &&
	grep -q "^V Le préfet" screen &&
	tm send-keys -t pm ":call cursor(1, 40)" Enter &&
	tm send-keys -t pm ":Pressmark show" Enter &&
	wait_screen "Quote (note 0badcafe, anchored)" "Verdict: misleading" "The works run until May." &&
	grep -q "Speaker: Marc Leroy" screen &&
	grep -q "╭" screen &&
	tm send-keys -t pm Escape ":qa!" Enter &&
	test_cmp pristine.yaml article.txt.factcheck.yaml
'

test_done

#!/bin/sh
# Writes the seed inputs of the sidecar, merge, anchor and analyze fuzz
# targets (texts written for these tests), using build/pressmark for the
# merge results with conflict markers.
#
#   sh tests/fuzz/mkseeds-text.sh
set -eu
cd "$(dirname "$0")/../.."
F=tests/fuzz
mkdir -p $F/sidecar $F/merge $F/anchor $F/analyze
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- sidecars -------------------------------------------------------------
cat >$F/sidecar/minimal <<'Y'
pressmark: 1
notes: []
Y
cat >$F/sidecar/one-note <<'Y'
pressmark: 1
article:
  path: quay.txt
  sha256: 0000000000000000000000000000000000000000000000000000000000000000
  url: https://example.org/quay
notes:
  - id: 0a1b2c3d
    target: claim
    anchor:
      exact: "la digue a coûté 3 millions"
      prefix: "Selon le maire, "
      suffix: " d'euros.\n"
      line: 2
      col: 16
    verdict: mostly-true
    speaker: Jeanne Morvan
    dismissed: false
    note: |
      Two lines
      of note.
    sources:
      - https://example.org/a
      - "rapport, p. 3"
    author: Tester
    created: "2024-01-02T03:04:05Z"
    updated: "2024-01-02T03:04:05Z"
Y
cat >$F/sidecar/unknown-keys <<'Y'
pressmark: 1
extra: {a: [1, 2, {b: c}], d: ~}
article: {path: a.txt, tag: x}
notes:
  - {id: n1, target: quote, anchor: {exact: "Oui", line: 1, col: 0, why: hint}, colour: red}
  - id: n2
    target: speaker
    anchor:
      exact: Paul
    rating: 3
    dismissed: true
Y
cat >$F/sidecar/scalars <<'Y'
pressmark: 1
notes:
  - id: s1
    target: range
    anchor:
      exact: 'it''s "quoted" \ and # not a comment'
      prefix: "tab\there\u00e9 \x41"
      suffix: >-
        folded
        text
      line: 0
      col: 4294967295
    note: |+
      keep trailing

    sources: []
Y
printf 'pressmark: 1\r\nnotes:\r\n  - id: c1\r\n    target: quote\r\n    anchor: {exact: "x"}\r\n' >$F/sidecar/crlf
printf '\357\273\277pressmark: 1\nnotes: []\n' >$F/sidecar/bom
printf 'pressmark: 1\na: &a [1]\nb: *a\n' >$F/sidecar/alias
printf 'pressmark: 1\nnotes:\n  - id: x\n    target: quote\n    anchor: {exact: a}\n  - id: x\n    target: quote\n    anchor: {exact: b}\n' >$F/sidecar/dup-id
printf 'pressmark: 2\n' >$F/sidecar/version-2
printf 'pressmark: 1\nnotes:\n  - id: t\n    target: quote\n    anchor:\n      exact: a\n      line: first\n' >$F/sidecar/wrong-type
printf 'pressmark: 1\nnotes:\n  - id: t\n    tar' >$F/sidecar/truncated
printf 'pressmark: 1\nx: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n' >$F/sidecar/deep
printf '%%YAML 1.1\n--- !!map\npressmark: !!int 1\nnotes: !!seq []\n...\n---\nsecond: doc\n' >$F/sidecar/tags-docs

# Conflicted merge results, written by pressmark merge.
cat >"$tmp/base" <<'Y'
pressmark: 1
notes:
  - id: aa000001
    target: claim
    anchor: {exact: "le port rouvre en mars", line: 1, col: 0}
    verdict: mixed
    note: base
    sources: [s1, s2]
    updated: "2024-01-01T00:00:00Z"
  - id: aa000002
    target: quote
    anchor: {exact: "tout va bien"}
    note: will be deleted
Y
sed 's/verdict: mixed/verdict: "false"/; s/note: base/note: ours/; s/\[s1, s2\]/[s1, s2, s3]/' "$tmp/base" >"$tmp/ours"
sed 's/verdict: mixed/verdict: "true"/; s/note: base/note: theirs/; s/\[s1, s2\]/[s2]/' "$tmp/base" |
	sed 's/note: will be deleted/note: edited/' >"$tmp/theirs"
head -n 9 "$tmp/ours" >"$tmp/ours-del"
cp "$tmp/ours-del" "$tmp/merged"
build/pressmark merge "$tmp/base" "$tmp/merged" "$tmp/theirs" >/dev/null 2>&1 || true
cp "$tmp/merged" $F/sidecar/conflicted
cp "$tmp/base" $F/sidecar/merge-base

# --- merge: base 0xfe ours 0xfe theirs -----------------------------------
sep() { printf '\376'; }
{ cat "$tmp/base"; sep; cat "$tmp/ours"; sep; cat "$tmp/theirs"; } >$F/merge/edits
{ cat "$tmp/base"; sep; cat "$tmp/ours-del"; sep; cat "$tmp/theirs"; } >$F/merge/delete-vs-edit
{ sep; cat "$tmp/ours"; sep; cat "$tmp/theirs"; } >$F/merge/no-base
{ cat "$tmp/base"; sep; cat "$tmp/base"; sep; cat "$tmp/base"; } >$F/merge/same
{ cat "$tmp/base"; sep; cat $F/sidecar/one-note; sep; cat $F/sidecar/unknown-keys; } >$F/merge/disjoint
{ cat $F/sidecar/unknown-keys; sep; sed 's/red/blue/' $F/sidecar/unknown-keys; sep; sed 's/rating: 3/rating: 4/; s/tag: x/tag: y/' $F/sidecar/unknown-keys; } >$F/merge/unknown-keys
{ cat "$tmp/base"; sep; cat $F/sidecar/conflicted; sep; cat "$tmp/theirs"; } >$F/merge/conflicted-input

# --- articles (analyze) and anchors ---------------------------------------
cat >$F/analyze/fr <<'T'
Le conseil municipal a voté lundi un budget de 12,5 millions d'euros, en hausse de 8 % par rapport à 2023.

« Nous n'augmenterons pas les impôts », a déclaré le maire, Jeanne Morvan. Elle a ajouté que la piscine rouvrirait en juin.

Selon l'opposition, la dette a doublé depuis 2019. « C'est faux », répond l'adjointe aux finances, Claire Le Bihan. Le maire dément : « Nos comptes sont sains. »

— Et les travaux du port ? — Ils seront terminés avant l'été, assure-t-elle.
T
cat >$F/analyze/en <<'T'
The city council approved a $4.2 billion budget on Tuesday, up 3% from last year.

"We will not raise taxes," Mayor Linda Park said. She added that the new library would open in March.

According to the comptroller, the deficit doubled since 2019. Councilman Roy Evans disputed that: "Those numbers are wrong." He claimed the city had "the best credit rating in a decade".

Comments (2)
Great article! Thanks.
T
printf 'Titre\r\n\r\n"Nous partons", dit-il.\r\n« Pas encore », répond Marie Dupont.\r\n' >$F/analyze/crlf
printf '\357\273\277\302\253 Oui \302\273, dit Paul Dax.\n' >$F/analyze/bom
printf 'a\000b \377\376 \302\253 mot \302\273 et \342\200\234 quote \342\200\235, said John Smith.\n' >$F/analyze/bad-bytes
printf '« ouvert sans fin\n\n« encore », dit-il. » Puis « ' >$F/analyze/strict-unbalanced
printf '"a" "b" \342\200\234c\342\200\235 \302\253d\302\273 \342\200\271e\342\200\272 '"'f'"' \302\253\302\240g\302\240\302\273 ""\n' >$F/analyze/marks

# anchor: line col delta sel, then text 0xfe exact 0xfe prefix 0xfe suffix
art=$F/analyze/fr
{ printf '\003\003\000\007'; cat $art; sep; printf 'Nous n'"'"'augmenterons pas les impôts'; sep; printf '« '; sep; printf ' »'; } >$F/anchor/anchored
{ printf '\001\000\005\052'; printf 'Ligne ajoutée.\n'; cat $art; sep; printf 'Nous n'"'"'augmenterons pas les impôts'; sep; printf '« '; sep; printf ' »'; } >$F/anchor/moved
{ printf '\003\003\000\021'; sed 's/augmenterons/augmenteront/' $art; sep; printf 'Nous n'"'"'augmenterons pas les impôts'; sep; printf '« '; sep; printf ' »'; } >$F/anchor/fuzzy
{ printf '\000\000\000\001'; printf 'oui oui oui\noui\n'; sep; printf 'oui'; } >$F/anchor/ambiguous
{ printf '\011\011\200\377'; cat $art; sep; printf 'absent de ce texte entièrement'; } >$F/anchor/orphan
{ printf '\002\000\000\000'; printf 'é\r\nà\000ç\377\n'; sep; printf 'à'; sep; sep; } >$F/anchor/bytes
printf '\001\001\001\001' >$F/anchor/empty

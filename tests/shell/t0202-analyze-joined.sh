#!/bin/sh
test_description='analyze: an article whose paragraphs come joined on one line reads as its paragraphs'
. "$(dirname "$0")/lib.sh"

A=$FIXTURES/analysis

# quote_speakers FILE: each quote's speaker part of `analyze --format text`.
quote_speakers() {
	"$PRESSMARK" analyze --format text "$1" >out &&
	grep ": quote " out | sed "s/.* -- //"
}

# flat_floors MARKS ALL SPEAKER ARTICLE...: flatten.py (score.py on the
# articles with every newline made a space) with those thresholds.
flat_floors() {
	python3 "$A/flatten.py" "$PRESSMARK" --min "$@" >out &&
	cat out
}

test_expect_success 'setup: an article with a headline quote, a byline and follow-ons' '
	cat >art.txt <<-\EOF &&
	« Nous tiendrons les délais » : la maire de Villebrune défend le chantier du tramway

	Les travaux de la ligne B ont pris trois mois de retard. L'"'"'opposition municipale réclame un audit.

	Par Hélène Marchetti
	Publié le 14/03/2027 à 08:15

	La maire de Villebrune, Sophie Delaunay, a présenté mardi le nouveau calendrier du tramway devant le conseil municipal. « Nous tiendrons les délais, la mise en service reste prévue pour septembre 2028 », a-t-elle assuré.

	« Les entreprises ont renforcé leurs équipes. Le plus dur est derrière nous. »

	Le chef de file de l'"'"'opposition, Marc Veyrier, n'"'"'y croit pas. « On nous a déjà promis la même chose il y a un an », a-t-il rappelé.

	« Il faut un audit indépendant avant de dépenser un euro de plus. »

	Les commerçants de l'"'"'avenue Jaurès, privés de clients depuis l'"'"'automne, attendent surtout des indemnités. « Nos chiffres ont baissé de moitié, et personne ne nous répond », regrette Karim Benali, qui tient une boulangerie près du futur arrêt.
	EOF
	tr "\n" " " <art.txt >flat.txt &&
	quote_speakers art.txt >expected &&
	grep -q "^Sophie Delaunay \[headline" expected
'

test_expect_success 'the article joined on one line gives the speakers its paragraphs give' '
	quote_speakers flat.txt >actual &&
	test_cmp expected actual
'

test_expect_success 'the byline of a joined article names no speaker' '
	quote_speakers flat.txt >actual &&
	! grep -q Marchetti actual
'

test_expect_success 'one joined article a line, in a block big enough for the pipeline' '
	for i in $(seq 300); do cat flat.txt && echo || return 1; done >big.txt &&
	test $(wc -c <big.txt) -gt 262144 &&
	quote_speakers big.txt | sort | uniq -c >actual &&
	sort expected | uniq -c | awk "{ \$1 = \$1 * 300; print }" >want &&
	sed "s/^ *//" actual >actual.n &&
	test_cmp want actual.n
'

# Real press has long paragraphs too (the seeds have one of 883 bytes):
# one after ordinary paragraphs, shorter than a whole article, is read
# whole, so a pronoun after its quotation keeps the sentence subject even
# when an earlier quotation went to the wrong speaker.
test_expect_success 'a long paragraph after ordinary ones is one paragraph' '
	cat >long.txt <<-\EOF &&
	Le député Louis Garnier a réagi dès lundi. « C'"'"'est une dérive dangereuse », a déclaré Louis Garnier.

	Ces annonces ne sont pourtant pas une surprise pour les observateurs du dossier. Au printemps dernier, lors d'"'"'un colloque consacré à la sécurité des réseaux organisé à Rennes, Paul Martin avait du reste déjà jugé que « la multiplication des attaques informatiques nous impose de revoir entièrement nos outils juridiques ». Il évoquait alors, sans entrer dans les détails, l'"'"'élargissement des écoutes administratives, la conservation prolongée des données de connexion ou encore le renforcement « du cadre légal de la surveillance en ligne ». Le ministre plaidait plus largement pour un rééquilibrage entre les libertés publiques et les impératifs de sécurité : « Il nous faut un État qui protège la vie privée et la liberté de parole, tout en fixant les conditions dans lesquelles on peut les restreindre lorsque la sécurité des Français est menacée ».
	EOF
	test $(sed -n 3p long.txt | wc -c) -gt 800 &&
	quote_speakers long.txt | sed -n "3,4p" | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Paul Martin" "Paul Martin" >expected &&
	test_cmp expected actual
'

# Flattened figures of these batches at the start of the session (every
# newline a space): 0.714 (21), 0.784 (17), 0.800 (25), 0.873 (15),
# 0.854 and 0.950 (English 13, 26) speaker accuracy.  Floors sit just
# below the figures reached by reading long lines as paragraphs.
test_expect_success 'flattened French batches stay above their floor' '
	flat_floors 0.98 0.98 0.96 "$A"/heldout15/fr-*.txt &&
	grep -q "^speaker accuracy" out &&
	flat_floors 0.99 0.97 0.87 "$A"/heldout17/fr-*.txt &&
	flat_floors 0.99 0.99 0.80 "$A"/heldout21/fr-*.txt &&
	flat_floors 0.99 0.92 0.95 "$A"/heldout25/fr-*.txt
'

test_expect_success 'flattened English batches stay above their floor' '
	flat_floors 0.99 0.98 0.94 "$A"/heldout13/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	flat_floors 0.98 0.97 0.95 "$A"/heldout26/en-*.txt
'

# Paragraphs joined with nothing between them ("…a-t-il dit.Le lendemain…",
# "…on Tuesday."Our officers…"), as a scraper that drops the paragraph
# tags without a separator gives them.
test_expect_success 'glued paragraphs: a period between a lowercase and a capitalised word ends a sentence' '
	printf "%s\n" "Le ministre a défendu le projet lundi.Il a ajouté que les coûts seraient maîtrisés.Les États-Unis, dit M.Dupont, suivent." >in.txt &&
	"$PRESSMARK" analyze --format json --min-score 0 in.txt >out.json &&
	python3 -c "import json; [print(c[\"text\"]) for c in json.load(open(\"out.json\"))[\"claims\"]]" >actual &&
	cat >expected <<-\EOT &&
	Le ministre a défendu le projet lundi.
	Il a ajouté que les coûts seraient maîtrisés.
	Les États-Unis, dit M.Dupont, suivent.
	EOT
	test_cmp expected actual
'

# A year, a closing mark or a capitalised word of four letters or more
# before the period ends a sentence too ("depuis 2019.Le", "« … ».D'après",
# "by Friday.She"); a short capitalised word does not ("Dr.Martin").  Over
# the glued batches: speakers 4343 -> 4609 of about 5100, no group worse.
test_expect_success 'glued paragraphs: a year, a closing mark or a long capitalised word before the period ends a sentence' '
	printf "%s\n" "Le maire affirme que les impôts ont doublé depuis 2019.Le préfet estime que « ces critiques sont sans fondement ».Selon Jean Moreau, les comptes sont justes. Elle a vu le Dr.Martin vendredi." >in.txt &&
	printf "%s\n" "The mayor said the road would reopen by Friday.She said the cost was unknown." >>in.txt &&
	"$PRESSMARK" analyze --format json --min-score 0 in.txt >out.json &&
	python3 -c "import json; [print(c[\"text\"]) for c in json.load(open(\"out.json\"))[\"claims\"]]" >actual &&
	cat >expected <<-\EOT &&
	Le maire affirme que les impôts ont doublé depuis 2019.
	Le préfet estime que « ces critiques sont sans fondement ».
	Selon Jean Moreau, les comptes sont justes.
	Elle a vu le Dr.Martin vendredi.
	The mayor said the road would reopen by Friday.
	She said the cost was unknown.
	EOT
	test_cmp expected actual
'

test_expect_success 'glued paragraphs: a straight quote glued between a period and a capital opens when the quotes before it are paired' '
	{
		i=0 && while [ $i -lt 9 ]; do printf "%s" "The storm moved east on Monday and the roads were closed for hours in the region. "; i=$((i + 1)); done &&
		printf "%s\n" "The agency said it had screened 2.9 million passengers on Tuesday.\"Our officers are ready. What we ask is simple,\" TSA Administrator Kevin Ashby said.\"We are ready.\"He left."
	} >in.txt &&
	test $(wc -c <in.txt) -gt 800 &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote " out | sed "s/^[^ ]* //; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	quote "Our officers are ready. What we ask is simple," -- Kevin Ashby
	quote "We are ready." -- Kevin Ashby
	EOT
	test_cmp expected actual
'

# Figures with nothing between the paragraphs, before the two rules above
# (and the false openers of quotes.c): speaker accuracy 0.908 (4/fr), 0.848
# (15), 0.722 (26), 0.619 (38b); marks F1 1.000, 0.972, 0.677, 0.526.
# Session 10: the fixtures now annotate a reported clause around a partial
# quotation too (t0200); glued, heldout15/fr misses two of the added clauses
# (quote+indirect 0.98 to 0.96) and heldout38b/en, heldout17/fr (flattened)
# count speakers the analyser already got wrong twice, on the clause and
# on its quotation (0.92 to 0.85, 0.88 to 0.87).
test_expect_success 'batches glued without a separator stay above their floor' '
	python3 "$A/flatten.py" "$PRESSMARK" --glued --min 0.99 0.97 0.92 "$A"/heldout4/fr-*.txt >out &&
	grep -q "^speaker accuracy" out &&
	python3 "$A/flatten.py" "$PRESSMARK" --glued --min 0.97 0.96 0.95 "$A"/heldout15/fr-*.txt &&
	python3 "$A/flatten.py" "$PRESSMARK" --glued --min 0.94 0.94 0.91 "$A"/heldout26/en-*.txt &&
	python3 "$A/flatten.py" "$PRESSMARK" --glued --min 0.99 0.93 0.85 "$A"/heldout38b/en-*.txt
'

test_done

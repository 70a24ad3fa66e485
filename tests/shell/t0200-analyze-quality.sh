#!/bin/sh
test_description='analyze: quotes, speakers and claims scored against the annotated fixtures'
. "$(dirname "$0")/lib.sh"

A=$FIXTURES/analysis

# floors MARKS ALL SPEAKER ARTICLE...: score.py with those thresholds (it
# exits 1 below any of them); its report is shown and left in `out`.
floors() {
	python3 "$A/score.py" "$PRESSMARK" --min "$@" >out &&
	cat out
}

# quote_speakers FILE: each quote's speaker part of `analyze --format text`
# ("Name [how, stance, mention: …]" or "(unresolved) […]"), one per line.
quote_speakers() {
	"$PRESSMARK" analyze --format text "$1" >out &&
	grep ": quote " out | sed "s/.* -- //"
}

test_expect_success 'French fixtures reach the quote and speaker thresholds' '
	floors 0.95 0.90 0.90 "$A"/fr-*.txt &&
	grep -q "^marks " out
'

test_expect_success 'English fixtures reach the quote and speaker thresholds' '
	floors 0.90 0.85 0.90 "$A"/en-*.txt &&
	grep -q "^speaker accuracy" out
'

test_expect_success 'an incise is cut out of the quotation and gives its speaker' '
	printf "%s\n" "« C’est faux, a-t-elle répondu, la dette a augmenté. »" >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >actual &&
	cat >expected <<-\EOT &&
	in.txt:1:3: quote "C’est faux" -- (unresolved) [incise+pronoun, neutral, mention: elle]
	in.txt:1:36: quote "la dette a augmenté." -- (unresolved) [incise+pronoun, neutral, mention: elle]
	EOT
	test_cmp expected actual
'

test_expect_success 'a role noun resolves through an earlier apposition' '
	printf "%s\n" "Le ministre de l’Intérieur, Manuel Valls, était à Lille." \
		"Le ministre a déclaré que « rien ne change »." >in.txt &&
	"$PRESSMARK" analyze in.txt >out.json &&
	python3 -c "import json,sys; q=json.load(open(\"out.json\"))[\"quotes\"][0]; print(q[\"speaker\"][\"name\"], q[\"speaker\"][\"how\"], q[\"speaker\"][\"mention\"])" >actual &&
	echo "Manuel Valls verb-before+role Le ministre" >expected &&
	test_cmp expected actual
'

test_expect_success 'a French quotation over two paragraphs gets the closing speaker' '
	printf "%s\n" "« Nous partirons tôt. Le voyage sera long." "« Mais nous arriverons », a promis Anne Roux." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >actual &&
	cat >expected <<-\EOT &&
	in.txt:1:3: quote "Nous partirons tôt. Le voyage sera long." -- Anne Roux [verb-after, assert, mention: Anne Roux]
	in.txt:2:3: quote "Mais nous arriverons" -- Anne Roux [verb-after, assert, mention: Anne Roux]
	in.txt: speaker Anne Roux (2 quotes)
	EOT
	test_cmp expected actual
'

test_expect_success 'an English quote reopened with a straight mark spans paragraphs' '
	printf "%s\n" "\"We have cut crime by a third. The streets are safer." "" \
		"\"But we are not done,\" said Linda Park." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >actual &&
	cat >expected <<-\EOT &&
	in.txt:1:1: quote "We have cut crime by a third. The streets are safer." -- Linda Park [verb-after, neutral, mention: Linda Park]
	in.txt:3:1: quote "But we are not done," -- Linda Park [verb-after, neutral, mention: Linda Park]
	in.txt: speaker Linda Park (2 quotes)
	EOT
	test_cmp expected actual
'

test_expect_success 'a lone straight quote never swallows the next lines' '
	printf "%s\n" "Texte \" />" "Il a dit \"oui\" hier." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >actual &&
	grep -c "quote\|term" actual >count &&
	echo 1 >expected &&
	test_cmp expected count &&
	grep -q "\"oui\"" actual
'

test_expect_success 'comment sections give no speaker and no claims' '
	printf "%s\n" "Manuel Valls a déclaré : « Nous avons recruté 500 policiers en 2013. »" \
		"Commentaires (3)" "« Il a recruté 500 policiers en 2013 et 20 % de plus » dit Paul." >in.txt &&
	"$PRESSMARK" analyze --format json in.txt >out.json &&
	python3 -c "import json; d=json.load(open(\"out.json\")); print([q[\"speaker\"] and q[\"speaker\"][\"name\"] for q in d[\"quotes\"]], [c[\"start\"] for c in d[\"claims\"]])" >actual &&
	echo "[\x27Manuel Valls\x27, None] [0]" | sed "s/\\\\x27/'"'"'/g" >expected &&
	test_cmp expected actual
'

test_expect_success 'claims rank figures above opinions, thanks and questions' '
	printf "%s\n" "Thank you all for coming tonight." \
		"I think we can do better." \
		"Unemployment fell from 10 percent to 4.7 percent between 2010 and 2016." \
		"What is your plan?" \
		"She voted for the 2002 war in Iraq and cut taxes by \$300 billion." >in.txt &&
	"$PRESSMARK" analyze --min-score 0 in.txt >out.json &&
	python3 -c "import json; d=json.load(open(\"out.json\")); print(*[c[\"text\"][:12] for c in sorted(d[\"claims\"], key=lambda c: -c[\"score\"])], sep=\"|\")" >actual &&
	cut -d"|" -f1-2 actual | tr "|" "\n" | sort >top &&
	printf "%s\n" "She voted fo" "Unemployment" >expected &&
	test_cmp expected top
'

test_expect_success 'a trailing attribution reports the clause before it' '
	echo "Les négociations reprendront vendredi, a précisé l’adjoint aux travaux, Karim Benali." >fr.txt &&
	echo "Engineers began releasing water on Wednesday, state officials said." >en.txt &&
	"$PRESSMARK" analyze --format text fr.txt en.txt | grep -v " claim " >actual &&
	cat >expected <<-\EOT &&
	fr.txt:1:0: indirect "Les négociations reprendront vendredi" -- Karim Benali [indirect-after, neutral, mention: Karim Benali]
	fr.txt: speaker Karim Benali (1 quotes)
	en.txt:1:0: indirect "Engineers began releasing water on Wednesday" -- (unresolved) [indirect-after, neutral, mention: state officials]
	EOT
	test_cmp expected actual
'

test_expect_success 'a pronoun goes to the person the paragraph just named, not an older speaker' '
	printf "%s\n" "« Rien ne bouge », a déclaré Marine Dupuis." "" \
		"Élisabeth Borne répond aux oppositions. « Je ne crains pas le débat », a-t-elle déclaré." >in.txt &&
	"$PRESSMARK" analyze in.txt >out.json &&
	python3 -c "import json; print([q[\"speaker\"][\"name\"] for q in json.load(open(\"out.json\"))[\"quotes\"]])" >actual &&
	echo "[\x27Marine Dupuis\x27, \x27Élisabeth Borne\x27]" | sed "s/\\\\x27/\x27/g" >expected &&
	test_cmp expected actual
'

test_expect_success 'claim scores rank a labelled debate well above the baselines' '
	python3 "$A/score.py" "$PRESSMARK" --claims "$FIXTURES/claims/debate-en.tsv" --min-map 0.94 >out &&
	cat out &&
	grep -q "^claims debate-en.tsv: 212 sentences, 45 check-worthy, MAP=" out
'

# Transcripts written to be sparse in claims (7-11 % check-worthy) and full
# of traps: crosstalk, moderator rules, anecdotes, promises, counts in words.
# Thresholds sit just below the MAP reached (baselines 0.56, 0.17, 0.52,
# 0.27, 0.30); mayor-en was labelled after the tuning and never tuned on.
# crosstalk, rally and vp are rougher still (4-6 % check-worthy, speaker
# labels, (APPLAUSE), retorts, rally refrains, moderators quoting figures;
# baselines 0.40, 0.57, 0.24), labelled before the analyser saw them;
# primary (baseline 0.60) was written after the tuning and never tuned on.
# general, rally2 and primary2 are labelled as fact-checkers pick (3-5 %:
# most figures, anecdotes, crowd counts and all moderators' numbers stay
# negative; records without digits count), labelled before the analyser saw
# them (first contact 0.44, 0.72, 0.65; baselines 0.23, 0.17, 0.43); vp2
# was written after that tuning and never tuned on (first contact 0.81),
# townhall2 after all of it (first contact 0.745, baseline 0.32).
# debate4, rally3 and primary3 (3-4 %, digits as transcripts print them,
# co-moderators and a rally's introducer) were labelled before the analyser
# saw them: first contact 0.593, 0.898, 0.507 (baselines 0.11, 0.22, 0.09).
# vp3 (7.6 %, baseline 0.49) was written after that tuning and kept out of
# it: 0.778 with the session-start rules, 0.830 at first contact.
# speech2 (a campaign speech, no labels, 7 %, baseline 0.41), written after
# all of it: 0.707 with the session-start rules, 0.765 with the final ones.
for set in debate2:275:25:0.92 debate3:194:22:0.70 speech:163:15:0.96 townhall:198:14:0.81 mayor:115:13:0.89 \
	crosstalk:400:24:0.82 rally:346:14:0.95 vp:254:15:0.82 primary:220:11:0.84 \
	general:265:13:0.64 rally2:272:9:0.78 primary2:263:11:0.74 vp2:204:9:0.79 \
	townhall2:209:10:0.73 debate4:380:16:0.68 rally3:294:10:0.90 primary3:319:10:0.69 \
	vp3:184:14:0.82 speech2:137:10:0.75
do
	name=${set%%:*} rest=${set#*:}
	n=${rest%%:*} rest=${rest#*:}
	pos=${rest%%:*} min=${rest#*:}
	test_expect_success "claim scores rank the $name transcript above the baseline (MAP >= $min)" "
		python3 \"\$A/score.py\" \"\$PRESSMARK\" --claims \"\$FIXTURES/claims/$name-en.tsv\" --min-map $min >out &&
		cat out &&
		grep -q \"^claims $name-en.tsv: $n sentences, $pos check-worthy, MAP=\" out
	"
done

test_expect_success 'a transcript in CLEF lines scores as well as with speaker labels' '
	cat >clef.py <<-\EOT &&
	import re, sys
	lab = re.compile(r"^([A-Z][A-Z.\x27-]+(?: [A-Z][A-Z.\x27-]+){0,2}): ")
	who = "SPEAKER"
	for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
	    label, text = line.rstrip("\n").split("\t", 1)
	    m = lab.match(text)
	    if m:
	        who, text = m.group(1), text[m.end():]
	    print("%d\t%s\t%s\t%s" % (n, who, text, label))
	EOT
	python3 clef.py "$FIXTURES/claims/debate4-en.tsv" >debate4.tsv &&
	python3 "$A/score.py" "$PRESSMARK" --claims debate4.tsv --min-map 0.68 >out &&
	cat out &&
	grep -q "^claims debate4.tsv: 380 sentences, 16 check-worthy, MAP=" out
'

test_expect_success 'claims rank records and sources above procedure, anecdotes and hypotheticals' '
	printf "%s\n\n" "Governor, you have 90 seconds on the 4,000 teaching jobs lost in 2019." \
		"My neighbor told me the state lost 4,000 teaching jobs in 2019." \
		"If the state lost 4,000 teaching jobs in 2019, imagine the damage." \
		"My opponent voted to cut 4,000 teaching jobs in 2019." \
		"The state lost 4,000 teaching jobs in 2019, a census report shows." >in.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	python3 -c "import json; d=json.load(open(\"out.json\")); [print(c[\"text\"][:8], *[r for r in c[\"reasons\"] if r in (\"record\", \"statistic\", \"source\", \"procedure\", \"anecdote\", \"hypothetical\")]) for c in sorted(d[\"claims\"], key=lambda c: -c[\"score\"])]" >actual &&
	head -n 2 actual | sort >top &&
	printf "%s\n" "My oppon record" "The stat source" >expected &&
	test_cmp expected top &&
	tail -n 3 actual | sort >rest &&
	printf "%s\n" "Governor procedure" "If the s hypothetical" "My neigh anecdote" >expected &&
	test_cmp expected rest
'

test_expect_success 'a speaker label is no part of a claim; opening on an address marks the moderator' '
	printf "%s\n\n" "HARMON: She voted for the Iraq war." "She voted for the Iraq war." \
		"Governor, more than 600,000 people in this state have no health insurance." \
		"More than 600,000 people in this state have no health insurance." >in.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	python3 -c "import json; c=[x[\"score\"] for x in json.load(open(\"out.json\"))[\"claims\"]]; print(c[0] == c[1], c[2] < c[3] - 0.1)" >actual &&
	echo "True True" >expected &&
	test_cmp expected actual
'

# The claim scores of in.txt's sentences (c) against that of plain.txt's
# one sentence (p), both with --min-score 0: prints the python expression $1.
compare_scores () {
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	"$PRESSMARK" analyze --lang en --min-score 0 plain.txt >plain.json &&
	python3 -c "import json; c=[x[\"score\"] for x in json.load(open(\"out.json\"))[\"claims\"]]; p=json.load(open(\"plain.json\"))[\"claims\"][0][\"score\"]; print($1)"
}

test_expect_success 'a moderator found in the opening ranks low all transcript long; a thanking candidate stays a candidate' '
	printf "%s\n\n" "MORALES: Good evening and welcome to the debate." "Each candidate has two minutes." \
		"HARMON: Thank you for hosting this debate." \
		"More than 600,000 people in this state have no health insurance." \
		"MORALES: Governor Harmon, a question on health care." \
		"More than 600,000 people in this state have no health insurance." >in.txt &&
	printf "%s\n" "More than 600,000 people in this state have no health insurance." >plain.txt &&
	compare_scores "c[5] < p - 0.3, c[3] == p" >actual &&
	echo "True True" >expected &&
	test_cmp expected actual
'

test_expect_success 'a "we" opening a superlative about the country is the country' '
	printf "%s\n\n" "We are the highest-taxed nation in the developed world." \
		"We are the highest-taxed family on our street." >in.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	python3 -c "import json, math; c=[x[\"score\"] for x in json.load(open(\"out.json\"))[\"claims\"]]; l=[math.log(p/(1-p)) for p in c]; print(l[0] - l[1] > 1.0)" >actual &&
	echo True >expected &&
	test_cmp expected actual
'

test_expect_success 'a negated statement ranks below the same statement asserted' '
	printf "%s\n\n" "The governor did raise the sales tax in 2019." \
		"The governor did not raise the sales tax in 2019." \
		"It is true that the governor raised the sales tax in 2019." >in.txt &&
	printf "It isn\047t true that the governor raised the sales tax in 2019.\n\n" >>in.txt &&
	printf "%s\n" "It isn’t true that the governor raised the sales tax in 2019." >>in.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	python3 -c "import json, math; c=[x[\"score\"] for x in json.load(open(\"out.json\"))[\"claims\"]]; l=[math.log(p/(1-p)) for p in c]; print(len(l), l[0] - l[1] > 0.5, l[2] - l[3] > 0.5, l[2] - l[4] > 0.5)" >actual &&
	echo "5 True True True" >expected &&
	test_cmp expected actual
'

test_expect_success 'a sentence opening on a place it names ranks above one opening on a pronoun' '
	printf "%s\n\n" "Iowa has more than 700 polluted rivers and lakes." \
		"It has more than 700 polluted rivers and lakes." >in.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	python3 -c "import json; c=[x[\"score\"] for x in json.load(open(\"out.json\"))[\"claims\"]]; print(c[0] > c[1])" >actual &&
	echo True >expected &&
	test_cmp expected actual
'

test_expect_success 'CLEF lines: a thanks lasts the turn; who gives the clock or mostly asks moderates, met however late' '
	cat >mk.py <<-\EOT &&
	fact = "More than 600,000 people in this state have no health insurance."
	rows = [("MORALES", "Good evening and welcome to the debate."),
	        ("MORALES", "Each candidate has two minutes."),
	        ("HARMON", "Thank you, Maria."), ("HARMON", "This debate is about one question."),
	        ("HARMON", fact)]
	for k in range(20):
	    rows += [("ADAMS", "We built %d new schools in the capital." % (k + 2)),
	             ("HARMON", "Our roads carry %d trucks a day." % (k + 2))]
	rows += [("NOVAK", "Senator Harmon, you have two minutes."), ("NOVAK", fact),
	         ("HARMON", "Thank you, Sam."), ("HARMON", "Let me answer that."), ("HARMON", fact)]
	for k in range(4):
	    rows += [("LEE", "Why did the plan fail?"), ("LEE", "What would you cut first?")]
	rows += [("LEE", fact)]
	for n, (who, text) in enumerate(rows, 1):
	    print("%d\t%s\t%s" % (n, who, text))
	EOT
	python3 mk.py >in.txt &&
	printf "%s\n" "More than 600,000 people in this state have no health insurance." >plain.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	"$PRESSMARK" analyze --lang en --min-score 0 plain.txt >plain.json &&
	python3 -c "import json; c={x[\"line\"]: x[\"score\"] for x in json.load(open(\"out.json\"))[\"claims\"]}; p=json.load(open(\"plain.json\"))[\"claims\"][0][\"score\"]; e=lambda q: abs(q - p) < 0.01; print(e(c[5]), c[47] < p - 0.3, e(c[50]), c[59] < p - 0.3)" >actual &&
	echo "True True True True" >expected &&
	test_cmp expected actual
'

# Measured on the CheckThat! transcripts (bench/clef/README.md): a speaker
# who has said under a twentieth of a moderated transcript is checked less
# (a talk show's other guests, a reporter, a voice from the audience), and
# so is the first sentence of an answer to a moderator.
test_expect_success 'CLEF lines: a minor speaker and the opening of an answer to a moderator rank lower' '
	cat >mk.py <<-\EOT &&
	fact = "More than 600,000 people in this state have no health insurance."
	rows = [("MORALES", "Good evening and welcome to the debate."),
	        ("MORALES", "Each candidate has two minutes.")]
	for k in range(20):
	    rows += [("ADAMS", "We built %d new schools in the capital." % (k + 2)),
	             ("HARMON", "Our roads carry %d trucks a day." % (k + 2))]
	rows += [("HARMON", fact),
	         ("MORALES", "Senator Adams, you have two minutes."),
	         ("ADAMS", fact), ("ADAMS", "Our ports ship 40 tons a day."), ("ADAMS", fact),
	         ("BYRNE", fact)]
	for n, (who, text) in enumerate(rows, 1):
	    print("%d\t%s\t%s" % (n, who, text))
	EOT
	python3 mk.py >in.txt &&
	printf "%s\n" "More than 600,000 people in this state have no health insurance." >plain.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	"$PRESSMARK" analyze --lang en --min-score 0 plain.txt >plain.json &&
	python3 -c "import json, math; c={x[\"line\"]: x[\"score\"] for x in json.load(open(\"out.json\"))[\"claims\"]}; p=json.load(open(\"plain.json\"))[\"claims\"][0][\"score\"]; l=lambda q: math.log(q / (1 - q)); e=lambda q: abs(l(q) - l(p)) < 0.05; print(e(c[43]), 0.3 < l(p) - l(c[45]) < 0.5, e(c[47]), 0.5 < l(p) - l(c[48]) < 0.7)" >actual &&
	echo "True True True True" >expected &&
	test_cmp expected actual
'

test_expect_success 'speaker labels in a page nobody moderates leave claims alone' '
	fact="More than 600,000 people in this state have no health insurance." &&
	printf "WATCH: %s\n\n" "$fact" >in.txt &&
	for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22; do
		printf "The clinic opened in %s.\n\n" "$((1990 + k))" >>in.txt || return 1
	done &&
	printf "ANALYSIS: %s\n" "$fact" >>in.txt &&
	printf "ANALYSIS: %s\n" "$fact" >plain.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	"$PRESSMARK" analyze --lang en --min-score 0 plain.txt >plain.json &&
	python3 -c "import json; c=json.load(open(\"out.json\"))[\"claims\"]; p=json.load(open(\"plain.json\"))[\"claims\"][0][\"score\"]; print(c[-1][\"line\"], c[-1][\"score\"] == p)" >actual &&
	echo "47 True" >expected &&
	test_cmp expected actual
'

test_expect_success 'an "if" inside a claim qualifies it; an opening one makes a hypothesis' '
	printf "%s\n\n" "If taxes rise, 600,000 people in this state will lose their health insurance." \
		"600,000 people in this state will lose their health insurance if taxes rise." >in.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	python3 -c "import json, math; c=[x[\"score\"] for x in json.load(open(\"out.json\"))[\"claims\"]]; l=[math.log(p/(1-p)) for p in c]; print(l[1] - l[0] > 0.2)" >actual &&
	echo True >expected &&
	test_cmp expected actual
'

test_expect_success 'a colleague the moderator names in the opening moderates too' '
	printf "%s\n\n" "DELANEY: Good evening and welcome to the debate." \
		"I am Sam Delaney, and with me is my colleague Anita Ruiz." \
		"CASTELLANO: Thank you, Sam." \
		"More than 600,000 people in this state have no health insurance." \
		"RUIZ: More than 600,000 people in this state have no health insurance." >in.txt &&
	printf "%s\n" "More than 600,000 people in this state have no health insurance." >plain.txt &&
	compare_scores "c[4] < p - 0.3, c[3] == p" >actual &&
	echo "True True" >expected &&
	test_cmp expected actual
'

test_expect_success 'a speech with stage directions and a rhetorical question has no moderator' '
	fact="More than 600,000 people in this state have no health insurance." &&
	printf "1\tMARSH\tAnd do you know what my answer was?\t0\n" >in.txt &&
	printf "2\tMARSH\tI will fight for you.\t0\n" >>in.txt &&
	printf "3\tSYSTEM\t[Applause]\t0\n" >>in.txt &&
	printf "4\tMARSH\t%s\t1\n" "$fact" >>in.txt &&
	printf "%s\n" "$fact" >plain.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	"$PRESSMARK" analyze --lang en --min-score 0 plain.txt >plain.json &&
	python3 -c "import json; c={x[\"line\"]: x for x in json.load(open(\"out.json\"))[\"claims\"]}; p=json.load(open(\"plain.json\"))[\"claims\"][0][\"score\"]; print(c[4][\"score\"] == p, \"procedure\" in c[4][\"reasons\"])" >actual &&
	echo "True False" >expected &&
	test_cmp expected actual
'

test_expect_success 'what someone announced they will do is a report, not a promise' '
	printf "%s\n\n" "The carmaker said it will build a 300 million dollar plant in Toledo." \
		"The carmaker will build a 300 million dollar plant in Toledo." \
		"The carmaker announced a deal that will build a 300 million dollar plant in Toledo." >in.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	python3 -c "import json; c=[x[\"reasons\"] for x in json.load(open(\"out.json\"))[\"claims\"]]; print([\"future\" in r for r in c])" >actual &&
	echo "[False, True, True]" >expected &&
	test_cmp expected actual
'

test_expect_success '"You pushed the bill" charges the one addressed with a record; "We pushed" does not' '
	printf "%s\n\n" "You pushed the pipeline bill through the Senate in 2009." \
		"We pushed the pipeline bill through the Senate in 2009." >in.txt &&
	"$PRESSMARK" analyze --lang en --min-score 0 in.txt >out.json &&
	python3 -c "import json; print([\"record\" in x[\"reasons\"] for x in json.load(open(\"out.json\"))[\"claims\"]])" >actual &&
	echo "[True, False]" >expected &&
	test_cmp expected actual
'

test_expect_success 'a sentence that addresses someone mid-way ranks below the same statement' '
	printf "%s\n\n" "The state lost 4,000 teaching jobs in 2019, Senator." \
		"And, Paul, the state lost 4,000 teaching jobs in 2019." \
		"The state lost 4,000 teaching jobs in 2019, and Ohio lost more." >in.txt &&
	printf "%s\n" "The state lost 4,000 teaching jobs in 2019." >plain.txt &&
	compare_scores "c[0] < p, c[1] < p, c[2] >= p" >actual &&
	echo "True True True" >expected &&
	test_cmp expected actual
'

test_expect_success 'a dateline in capitals is no moderator, even over a story about a debate' '
	printf "%s\n\n" "WASHINGTON: The Senate debate on the budget ran for two minutes past midnight." \
		"More than 600,000 people in this state have no health insurance." >in.txt &&
	printf "%s\n" "More than 600,000 people in this state have no health insurance." >plain.txt &&
	compare_scores "c[1] == p" >actual &&
	echo "True" >expected &&
	test_cmp expected actual
'

# The CLEF CheckThat! transcripts come as "N<TAB>SPEAKER<TAB>sentence", maybe
# with a label column; others as "SPEAKER: sentence" or bare lines.
test_expect_success 'CLEF, labelled and bare lines give one scored sentence each; moderators rank low' '
	printf "%s\n" "HOLT: Good evening and welcome to the first presidential debate." \
		"HOLT: Each candidate has two minutes to answer" \
		"HOLT: The deficit is 600 billion dollars this year" \
		"CLINTON: Thank you, Lester" \
		"CLINTON: He voted for the trade deal in 2005, and we lost 70,000 factories since then." \
		"TRUMP: wrong." "MODERATOR: The deficit is 600 billion dollars this year" \
		"QUESTION: My premiums went up 40 percent since 2014, what will you do" >labels.txt &&
	sed "s/: /\t/" labels.txt | awk "{print NR \"\t\" \$0 \"\t0\"}" >clef.txt &&
	sed "s/^[A-Z]*: //" labels.txt >bare.txt &&
	for f in labels clef bare
	do
		"$PRESSMARK" analyze --lang en --min-score 0 $f.txt >$f.json || return 1
	done &&
	cat >check.py <<-\EOT &&
	import json
	d = {f: json.load(open(f + ".json"))["claims"] for f in ("labels", "clef", "bare")}
	for f in ("labels", "clef", "bare"):
	    print(f, [c["line"] for c in d[f]])
	s = {f: [c["score"] for c in d[f]] for f in d}
	print(s["clef"] == s["labels"], [s["labels"][i] < s["bare"][i] - 0.3 for i in (2, 6, 7)])
	EOT
	python3 check.py >actual &&
	cat >expected <<-\EOT &&
	labels [1, 2, 3, 4, 5, 6, 7, 8]
	clef [1, 2, 3, 4, 5, 6, 7, 8]
	bare [1, 2, 3, 4, 5, 6, 7, 8]
	True [True, True, True]
	EOT
	test_cmp expected actual
'

test_expect_success 'French claims rank figures and records above thanks, opinions and promises' '
	printf "%s\n\n" "Merci à tous d’être venus ce soir." \
		"Je pense que nous pouvons faire mieux." \
		"Le chômage a baissé de 7,1 % à 5,3 % entre 2015 et 2023." \
		"Que proposez-vous aux agriculteurs ?" \
		"Nous allons gagner cette élection !" \
		"Elle a voté contre la réforme des retraites." >in.txt &&
	"$PRESSMARK" analyze --lang fr --min-score 0 in.txt >out.json &&
	python3 -c "import json; d=json.load(open(\"out.json\")); print(*[c[\"text\"][:12] for c in sorted(d[\"claims\"], key=lambda c: -c[\"score\"])], sep=\"|\")" >actual &&
	cut -d"|" -f1-2 actual | tr "|" "\n" | sort >top &&
	printf "%s\n" "Elle a voté " "Le chômage a" >expected &&
	test_cmp expected top
'

test_expect_success 'a feminine role noun never takes the man bound to its masculine form' '
	printf "%s\n\n" "Le ministre des Transports, Hugo Merlane, et la porte-parole du parti, Solveig Tarrin, visitaient le chantier." \
		"« Le pont ouvrira en mai », a assuré la ministre." \
		"Selon elle, « les travaux avancent »." >in.txt &&
	quote_speakers in.txt >actual &&
	cat >expected <<-\EOT &&
	(unresolved) [verb-after+role-recent, assert, mention: la ministre]
	Solveig Tarrin [source+pronoun, none, mention: elle]
	EOT
	test_cmp expected actual
'

test_expect_success 'an apposition determiner gives an unknown first name its gender' '
	printf "%s\n\n" "La porte-parole du gouvernement, Dvora Kessel, était à Lyon. Le préfet du Rhône, Orin Valcke, l’accueillait." \
		"Selon elle, « les crédits sont déjà là »." >in.txt &&
	quote_speakers in.txt >actual &&
	echo "Dvora Kessel [source+pronoun, none, mention: elle]" >expected &&
	test_cmp expected actual
'

test_expect_success 'a role noun does not go to a person the text gave another role' '
	printf "%s\n\n" "Jane Porter, the mayor, opened the new bridge on Monday." \
		"\"It is a scandal,\" the senator claimed." >in.txt &&
	quote_speakers in.txt >actual &&
	echo "(unresolved) [verb-after+role-recent, contest, mention: the senator]" >expected &&
	test_cmp expected actual
'

test_expect_success 'a French role noun does not fall on the minister who spoke before' '
	printf "%s\n\n" "Le ministre de l’Économie, Paul Servan, a présenté le budget." \
		"« Nous tiendrons le déficit », a-t-il assuré." \
		"Pour le député écologiste, « ce budget est injuste »." >in.txt &&
	quote_speakers in.txt >actual &&
	cat >expected <<-\EOT &&
	Paul Servan [verb-after+pronoun, assert, mention: il]
	(unresolved) [source+role-recent, none, mention: le député écologiste]
	EOT
	test_cmp expected actual
'

test_expect_success 'a possessor after said is no inverted subject' '
	printf "%s\n" "The mayor, Ruth Calder, called the delay \"a shame\" and said the council’s plan was \"working well\"." >in.txt &&
	quote_speakers in.txt >actual &&
	cat >expected <<-\EOT &&
	Ruth Calder [verb-before, neutral, mention: Ruth Calder]
	Ruth Calder [coordinated, neutral, mention: Ruth Calder]
	EOT
	test_cmp expected actual
'

test_expect_success 'chairing a commission does not stop a role noun for the seat' '
	printf "%s\n" "Selon Lina Varo, présidente de la commission des finances, ce plan « ne tient pas la route ». La députée affirme que « rien n’est financé »." >in.txt &&
	quote_speakers in.txt >actual &&
	cat >expected <<-\EOT &&
	Lina Varo [source, none, mention: Lina Varo]
	Lina Varo [verb-before+role, assert, mention: La députée]
	EOT
	test_cmp expected actual
'

test_expect_success 'one short English line is read as English' '
	printf "%s\n" "\"We need more nurses,\" said Dr. Ann Lee." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >actual &&
	cat >expected <<-\EOT &&
	in.txt:1:1: quote "We need more nurses," -- Ann Lee [verb-after, neutral, mention: Dr. Ann Lee]
	in.txt: speaker Ann Lee (1 quotes)
	EOT
	test_cmp expected actual &&
	"$PRESSMARK" analyze in.txt >out.json &&
	python3 -c "import json; print(json.load(open(\"out.json\"))[\"lang\"])" >actual &&
	echo en >expected &&
	test_cmp expected actual
'

test_expect_success 'an organisation named after a generic noun is taken whole' '
	printf "%s\n" "Le collectif Vélo en ville dément : « Aucune piste n’a été tracée. »" >fr.txt &&
	printf "%s\n" "The group Friends of the river said: \"Nothing was cleaned.\"" >en.txt &&
	"$PRESSMARK" analyze --format text fr.txt en.txt >out &&
	grep ": quote " out | sed "s/.* -- //" >actual &&
	cat >expected <<-\EOT &&
	Vélo en ville [verb-before, deny, mention: Le collectif Vélo en ville]
	Friends of the river [verb-before, neutral, mention: The group Friends of the river]
	EOT
	test_cmp expected actual
'

test_expect_success 'held-out articles stay above their measured floor' '
	H=$A/heldout &&
	floors 0.95 0.93 0.90 "$H"/fr-*.txt "$H"/fr-*.md &&
	floors 0.95 0.93 0.90 "$H"/en-*.txt "$H"/en-*.md &&
	floors 0.95 0.95 0.95 "$H"/fr-markdown-*.md &&
	floors 0.95 0.93 0.85 "$A"/heldout2/*.txt "$A"/heldout3/*.txt
'

test_expect_success 'Quebec wire cues: point de presse, aux yeux de, selon qui, dialogue dashes' '
	printf "%s\n\n" "« Point final », a indiqué en point de presse le ministre de l’Économie et de l’Énergie, Marc Roy, mardi." \
		"Aux yeux de la porte-parole libérale, Lise Dion, le ministre « navigue à vue »." \
		"Son porte-parole, Rémi Paré, selon qui « tout se tient », était présent." \
		"« On est rendus là », a laissé tomber la ministre de la Santé, Sonia Roy." \
		"« Ce n’est pas vrai, a rétorqué M. Roy. On a ajouté des lits. »" \
		"— On a trop passé la rondelle, a-t-il tranché." \
		"— Une liste, sans plus." \
		"« On entend ça trop souvent. »" \
		"C’est en ces mots que Nadia Cloutier, qui dirige un organisme du quartier, a réagi." >in.txt &&
	"$PRESSMARK" analyze --lang fr --format text in.txt >out &&
	grep ": quote " out | sed "s/^in.txt:[0-9:]* quote //; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	"Point final" -- Marc Roy
	"navigue à vue" -- Lise Dion
	"tout se tient" -- Rémi Paré
	"On est rendus là" -- Sonia Roy
	"Ce n’est pas vrai" -- Marc Roy
	"On a ajouté des lits." -- Marc Roy
	"On a trop passé la rondelle" -- Marc Roy
	"On entend ça trop souvent." -- Nadia Cloutier
	EOT
	test_cmp expected actual
'

test_expect_success 'Quebec cues: d’entrée de jeu, an à complement, the one name of the pronoun’s gender, Me X' '
	printf "%s\n\n" "« Les Canadiens n’y croient plus », a lancé d’entrée de jeu le député bloquiste Yves Roy." \
		"« On absorbe une partie des hausses », a soutenu la vice-présidente aux affaires publiques de Provisions Nord, Carole Vézina." \
		"Une explication qui n’a pas convaincu la députée Jenny Kwan. « Ce n’est pas la météo », a-t-elle répliqué." \
		"En défense, Me Patrick Ouellet avait plaidé la clémence. L’avocat n’a rien dit de plus." \
		"« Ma cliente regrette ses gestes », a-t-il fait valoir." \
		"Du côté du ministère des Forêts, on assure que les renforts sont en route." >in.txt &&
	"$PRESSMARK" analyze --lang fr --format text in.txt >out &&
	grep ": quote \|: indirect " out | sed "s/^in.txt:[0-9:]* [a-z]* //; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	"Les Canadiens n’y croient plus" -- Yves Roy
	"On absorbe une partie des hausses" -- Carole Vézina
	"Ce n’est pas la météo" -- Jenny Kwan
	"Ma cliente regrette ses gestes" -- Patrick Ouellet
	"les renforts sont en route" -- ministère des Forêts
	EOT
	test_cmp expected actual
'

test_expect_success 'press synonyms of a role meet on the name an apposition gave' '
	printf "%s\n\n" "La garde des Sceaux, Hélène Carrel, était à Lyon. Le ministre de l’Intérieur, Paul Roux, l’accompagnait." \
		"« La loi sera votée avant l’été », a assuré la ministre de la Justice." \
		"« Rien n’est décidé », a répondu le locataire de la place Beauvau." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote " out | sed "s/.* -- //; s/,.*//" >actual &&
	cat >expected <<-\EOT &&
	Hélène Carrel [verb-after+role
	Paul Roux [verb-after+role
	EOT
	test_cmp expected actual
'

test_expect_success 'a bracketed acronym names the organisation, then stands for it' '
	printf "%s\n\n" "L’Association des maires de France (AMF) estime que les économies demandées sont « insoutenables »." \
		"L’AMF rappelle que les dotations ont baissé de 11 % en dix ans." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote \|: indirect " out | sed "s/.* -- //; s/ \[.*//" >actual &&
	printf "%s\n" "Association des maires de France" "Association des maires de France" \
		"Association des maires de France" >expected &&
	test_cmp expected actual
'

test_expect_success 'a headline quotation takes the speaker the body gives its words' '
	printf "%s\n\n" "Incendie dans les Maures : « Le feu n’est pas fixé », 2 300 hectares brûlés" \
		"Par Julien Martel" \
		"« Le feu n’est pas fixé. Nous restons prudents », a déclaré le colonel Thierry Vasseur." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote " out | sed "s/.* -- //; s/,.*//" >actual &&
	printf "%s\n" "Thierry Vasseur [headline" "Thierry Vasseur [verb-after" >expected &&
	test_cmp expected actual
'

test_expect_success 'unnamed sources stay unresolved and keep the pronoun after them' '
	printf "%s\n\n" "Northvale Bank will cut 1,800 jobs, the lender said on Tuesday." \
		"One person familiar with the plans said the cuts would fall on branches. \"Nobody was told,\" she said." >en.txt &&
	printf "%s\n\n" "Le ministre, Paul Roux, était à Lille." \
		"Selon un conseiller de Matignon, le texte passera. « Personne n’a de majorité », résume-t-il." >fr.txt &&
	"$PRESSMARK" analyze --format text en.txt fr.txt >out &&
	grep ": quote \|: indirect " out | sed "s/.* -- //; s/ \[.*mention: / [/" >actual &&
	cat >expected <<-\EOT &&
	Northvale Bank [Northvale Bank]
	(unresolved) [One person familiar with the plans]
	(unresolved) [she]
	(unresolved) [un conseiller de Matignon]
	(unresolved) [il]
	EOT
	test_cmp expected actual
'

test_expect_success 'English press: a possessor apposition, a plural possessive, "the Italian", "and said"' '
	q=$(printf "\047") &&
	printf "%s\n\n" "Kingsbridge manager Paolo Rinaldi was furious." "\"It is a penalty,\" Rinaldi said." \
		"He then criticised the referee, and said he would ask the league for an explanation." \
		"\"My players deserve better,\" the Italian said." \
		"${q}We are sorry,${q} said the company${q}s chief executive, Alastair Prentice. ${q}Fines come out of customers${q} bills in the end.${q}" >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote \|: indirect " out | sed "s/^[^ ]* //; s/ \[.*mention: / [/" >actual &&
	cat >expected <<-EOT &&
	quote "It is a penalty," -- Paolo Rinaldi [Rinaldi]
	indirect "he would ask the league for an explanation" -- Paolo Rinaldi [He]
	quote "My players deserve better," -- Paolo Rinaldi [the Italian]
	quote "We are sorry," -- Alastair Prentice [Alastair Prentice]
	quote "Fines come out of customers${q} bills in the end." -- Alastair Prentice [Alastair Prentice]
	EOT
	test_cmp expected actual
'

# A speaker carried over from an earlier quotation (a follow-on) points to
# that speaker's nearest earlier mention by name, not to a pronoun between.
test_expect_success 'a follow-on quotation points to its speaker'\''s earlier name' '
	printf "%s\n" "« Le budget est prêt », a déclaré Jean Roux, maire de Lévis, lundi. « Nous tiendrons nos engagements », a-t-il assuré. « Personne ne sera oublié dans ce budget. »" >in.txt &&
	"$PRESSMARK" analyze --format json in.txt >out.json &&
	python3 -c "
import json
t = open(\"in.txt\", \"rb\").read()
for q in json.load(open(\"out.json\"))[\"quotes\"]:
    s = q[\"speaker\"]
    print(s[\"how\"], s[\"mention\"], t[s[\"start\"]:s[\"end\"]].decode())
" >actual &&
	cat >expected <<-\EOT &&
	verb-after Jean Roux Jean Roux
	verb-after+pronoun il il
	follow-on Jean Roux Jean Roux
	EOT
	test_cmp expected actual
'

# When no quotation names that speaker (a quotation given to the subject
# of the sentence before), the name itself in the text is the mention.
test_expect_success 'a quotation given to the sentence before'\''s subject points to the name there' '
	printf "%s\n" "Le syndicaliste Marc Perret a pris la parole devant les grévistes. « On ne lâchera rien, nous serons là demain encore. »" >in.txt &&
	"$PRESSMARK" analyze --format json in.txt >out.json &&
	python3 -c "
import json
t = open(\"in.txt\", \"rb\").read()
for q in json.load(open(\"out.json\"))[\"quotes\"]:
    s = q[\"speaker\"]
    print(s[\"how\"], s[\"mention\"], s[\"start\"], t[s[\"start\"]:s[\"end\"]].decode())
" >actual &&
	echo "preceding-subject Marc Perret 16 Marc Perret" >expected &&
	test_cmp expected actual
'

# A single or straight mark that opens and is never closed ("the '90s",
# a close glued to the next word) used to hold every quotation after it
# in the paragraph one level down, where none was reported.  "Rock 'n'
# roll" quotes nothing.
test_expect_success 'an unclosed single quote does not hide the quotations after it' '
	q=$(printf "\047") &&
	printf "%s\n" "Back in the ${q}90s, the mill employed 400 people. \"We were young and we worked hard,\" said Ruth Akers. \"Nobody left early.\"" \
		"" "Linh Nguyen at the hotel: ${q}This is your win${q}The crowd cheered. \"We did it,\" Nguyen told them." \
		"" "Rock ${q}n${q} roll fans lined up early." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote \|: term " out | sed "s/^[^ ]* //; s/ \[.*//" >actual &&
	cat >expected <<-EOT &&
	quote "We were young and we worked hard," -- Ruth Akers
	quote "Nobody left early." -- Ruth Akers
	quote "We did it," -- Linh Nguyen
	EOT
	test_cmp expected actual
'

# heldout26/28/36/39/39b/42b/47b: a quotation inside a quotation is
# reported on its own (nested.c), the outer one unchanged; its speaker is
# the one the outer quotation names before it, the outer speaker only for
# "I"/« je », a mention alone when the words name nobody.
test_expect_success 'French: a quotation nested in another is its own span, with the speaker the outer one names' '
	printf "%s\n\n" "La réalisatrice Claire Simonet-Ravel a tourné le film à Roubaix." \
		"« Au début, je doutais. Puis Claire m’a dit : “Tu n’as rien à jouer, tu as juste à te souvenir.” Alors je me suis souvenue », raconte Anne Morel." \
		"« Ma mère m’a dit : « Ne reviens pas avant d’avoir fini tes études. » Je l’ai écoutée », ajoute-t-elle." \
		"« Il m’a lancé : \"Tu n’as rien à faire ici, va-t’en.\" Et il est parti », dit Anne Morel." \
		"« J’ai dit au ministre : “Nous ne signerons rien sans garanties.” Il a ri », raconte Anne Morel." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote \|: term " out | sed "s/^in.txt://" >actual &&
	cat >expected <<-\EOT &&
	3:3: quote "Au début, je doutais. Puis Claire m’a dit : “Tu n’as rien à jouer, tu as juste à te souvenir.” Alors je me suis souvenue" -- Anne Morel [verb-after, neutral, mention: Anne Morel]
	3:53: quote "Tu n’as rien à jouer, tu as juste à te souvenir." -- Claire Simonet-Ravel [nested, neutral, mention: Claire]
	5:3: quote "Ma mère m’a dit : « Ne reviens pas avant d’avoir fini tes études. » Je l’ai écoutée" -- Anne Morel [verb-after+pronoun, neutral, mention: elle]
	5:27: quote "Ne reviens pas avant d’avoir fini tes études." -- (unresolved) [nested, neutral, mention: Ma mère]
	7:3: quote "Il m’a lancé : "Tu n’as rien à faire ici, va-t’en." Et il est parti" -- Anne Morel [verb-after, neutral, mention: Anne Morel]
	7:22: quote "Tu n’as rien à faire ici, va-t’en." -- (unresolved) [nested, neutral, mention: Il]
	9:3: quote "J’ai dit au ministre : “Nous ne signerons rien sans garanties.” Il a ri" -- Anne Morel [verb-after, neutral, mention: Anne Morel]
	9:31: quote "Nous ne signerons rien sans garanties." -- Anne Morel [nested-self, neutral, mention: J’]
	EOT
	test_cmp expected actual
'

test_expect_success 'English: a nested quotation, a single one closed against the outer mark, words told as a term' '
	q=$(printf "\047") &&
	printf "%s\n\n" "Ruth Okafor moved her father out of the home last year." \
		"\"I went to the desk and the nurse said, ${q}I know. I am sorry. There is nobody,${q}\" Okafor says." \
		"\"I have been told ${q}soon${q} for three years,\" said Vincent Ferraro." \
		"\"I told the mayor: ${q}We will never sign this deal,${q} and he laughed,\" Ferraro said." \
		"She recalled: “He told me ‘never again, not once in my life’ and left.” Okafor said it twice." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote \|: term " out | sed "s/^in.txt://" >actual &&
	cat >expected <<-EOT &&
	3:1: quote "I went to the desk and the nurse said, ${q}I know. I am sorry. There is nobody,${q}" -- Ruth Okafor [verb-after+surname, neutral, mention: Okafor]
	3:41: quote "I know. I am sorry. There is nobody," -- (unresolved) [nested, neutral, mention: the nurse]
	5:1: quote "I have been told ${q}soon${q} for three years," -- Vincent Ferraro [verb-after, neutral, mention: Vincent Ferraro]
	5:19: term "soon"
	7:1: quote "I told the mayor: ${q}We will never sign this deal,${q} and he laughed," -- Vincent Ferraro [verb-after+surname, neutral, mention: Ferraro]
	7:20: quote "We will never sign this deal," -- Vincent Ferraro [nested-self, neutral, mention: I]
	9:17: quote "He told me ‘never again, not once in my life’ and left." -- Ruth Okafor [verb-before+pronoun, neutral, mention: She]
	9:31: quote "never again, not once in my life" -- (unresolved) [nested, neutral, mention: He]
	EOT
	test_cmp expected actual
'

test_expect_success 'no nested quotation from an apostrophe, an unclosed single mark or a scare quote inside a quotation' '
	printf "%s\n\n" "“I don’t think the 90’s were better for the players’ union,” said Paul Henrion." \
		"“She never said ‘yes to it, and I waited all week,” said Paul Henrion." \
		"“Back in the ’90s, the ‘old guard’ ran the mill,” said Paul Henrion." >en.txt &&
	printf "%s\n\n" "« On voyait des frais de \"dossier\" et de \"sécurité\" partout », affirme Anne Morel." \
		"« Chez nous, on disait “char”, jamais devant l’institutrice », se souvient Anne Morel." \
		"« L’État m’a dit ‘non sans jamais répondre », ajoute-t-elle." >fr.txt &&
	"$PRESSMARK" analyze --format text en.txt fr.txt >out &&
	grep -c ": quote \|: term \|: title " out >actual &&
	echo 6 >expected &&
	test_cmp expected actual &&
	"$PRESSMARK" analyze --format json en.txt >out &&
	grep -o "\"how\":\"[^\"]*\"" out >actual &&
	printf "\"how\":\"verb-after\"\n%.0s" 1 2 3 >expected &&
	test_cmp expected actual
'

# Scraped pages leave soft hyphens, zero-width characters and BOMs inside
# and between the words of a name: the speaker's name and mention read
# clean (their offsets stay the text's), and one person is one speaker.
test_expect_success 'invisible characters inside a speaker name are left out of name and mention' '
	printf "The mayor spoke first. \"We will win,\" said Ma\342\200\213rie Du\342\201\240pont.\n\n\"The bridge will open in May,\" Ma\302\255rie Dupont an\302\255nounced.\n\n\"It is done,\" said Paul\342\200\214 \357\273\277Henrion.\n" >in.txt &&
	"$PRESSMARK" analyze --format json in.txt >out &&
	grep -o "\"speaker\":{\"name\":\"[^\"]*\",\"mention\":\"[^\"]*\",\"start\":[0-9]*,\"end\":[0-9]*" out >actual &&
	cat >expected <<-\EOT &&
	"speaker":{"name":"Marie Dupont","mention":"Marie Dupont","start":43,"end":61
	"speaker":{"name":"Marie Dupont","mention":"Marie Dupont","start":95,"end":109
	"speaker":{"name":"Paul Henrion","mention":"Paul Henrion","start":143,"end":161
	EOT
	test_cmp expected actual &&
	grep -c "{\"name\":\"Marie Dupont\",\"aliases\":\[\],\"quotes\":2}" out >count &&
	echo 1 >expected &&
	test_cmp expected count
'

# A photo caption ("Mayor Jane Doe, left, speaks with residents in
# Greenville on Monday") read as a trailing attribution: the clause before
# the comma reported, "Greenville" its speaker.  An English inverted
# subject stands right after the verb, not after a preposition.
test_expect_success 'English: a caption is no trailing attribution; a name after a preposition is no inverted subject' '
	printf "%s\n\n" "The city council voted 7-2 on Monday to build a new bridge." \
		"Mayor Jane Doe, left, speaks with residents in Greenville on Monday" \
		"The bridge will open in May, said Jane Doe." \
		"The vote was close, the mayor said." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/^in.txt://; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	5:0: indirect "The bridge will open in May" -- Jane Doe
	7:0: indirect "The vote was close" -- Jane Doe
	EOT
	test_cmp expected actual
'

test_expect_success 'a headline surname takes the full name; "the aide" stays the unnamed aide; a pronoun takes the subject before' '
	q=$(printf "\047") &&
	printf "%s\n\n" "Dawson concedes: ${q}The voters have spoken${q}" \
		"Republican Grant Dawson conceded in a short speech." "\"The voters have spoken,\" Dawson said." \
		"But a senior Democratic aide said an override was unlikely. \"Nobody wants a war,\" the aide said. \"They will fold.\"" \
		"The company${q}s chairman, Sir Nigel Fairbrother, wrote to customers." \
		"${q}We will earn back your trust,${q} he wrote." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote \|: indirect " out | sed "s/^[^ ]* [a-z]* \"\([^\"]*\)\" *-* */\1 | /; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	The voters have spoken | Grant Dawson
	The voters have spoken, | Grant Dawson
	an override was unlikely | (unresolved)
	Nobody wants a war, | (unresolved)
	They will fold. | 
	We will earn back your trust, | Nigel Fairbrother
	EOT
	test_cmp expected actual
'

# heldout10 (seven French articles: faits divers, sport, Q/R interview,
# economy, regional, AFP wire, tribune with comments) scored 0.697 speaker
# accuracy at first contact, heldout11 (two, written after the heldout10
# rules) 0.692, heldout12 (two, after the heldout11 rules) 0.750; their
# floors sit just below the figures reached after the rules they prompted.
# heldout13 (two, after all of them) was never tuned on: 0.842.
# heldout15 (six Quebec-style articles: Presse Canadienne wire, question
# period, municipal budget with comments, Le Devoir analysis, SPVM/SQ faits
# divers, hockey with dialogue dashes) scored marks 0.972, quote+indirect
# 0.959 and speaker 0.812 at first contact; heldout16 (four more, written
# after the heldout15 rules: court, regional fires, Ottawa committee, author
# interview) 1.000, 0.918 and 0.769; heldout16b (three, after the heldout16
# rules: metro breakdown, Ottawa-Quebec dispute, strike vote with comments)
# 1.000, 0.972 and 0.912.
test_expect_success 'held-out batches 4 to 16 and 16b stay above their measured floor' '
	floors 0.95 0.97 0.94 "$A"/heldout4/fr-*.txt \
		"$A"/heldout5/fr-*.txt "$A"/heldout6/fr-*.txt "$A"/heldout7/fr-*.txt \
		"$A"/heldout8/fr-*.txt "$A"/heldout9/fr-*.txt "$A"/heldout10/fr-*.txt \
		"$A"/heldout11/fr-*.txt "$A"/heldout12/fr-*.txt "$A"/heldout13/fr-*.txt \
		"$A"/heldout15/fr-*.txt "$A"/heldout16/fr-*.txt "$A"/heldout16b/fr-*.txt &&
	floors 0.99 0.97 0.95 "$A"/heldout10/fr-*.txt &&
	floors 0.99 0.97 0.88 "$A"/heldout11/fr-*.txt &&
	floors 0.99 0.97 0.90 "$A"/heldout12/fr-*.txt &&
	floors 0.99 0.94 0.84 "$A"/heldout13/fr-*.txt &&
	floors 0.99 0.99 0.97 "$A"/heldout15/fr-*.txt &&
	floors 0.99 0.94 0.86 "$A"/heldout16/fr-*.txt &&
	floors 0.99 0.98 0.96 "$A"/heldout16b/fr-*.txt &&
	floors 0.95 0.97 0.95 "$A"/heldout4/en-*.txt \
		"$A"/heldout5/en-*.txt "$A"/heldout6/en-*.txt "$A"/heldout7/en-*.txt \
		"$A"/heldout8/en-*.txt "$A"/heldout9/en-*.txt
'

# heldout17 to heldout24: French web press as the seeds look (bylines and
# update lines, photo credits, "Lire aussi", quoted intertitles, comment
# sections, a live blog), each batch written after the rules the batch
# before prompted and annotated before any run.  Speaker accuracy at first
# contact: 17 0.760 as first annotated (0.769 once two indirect sentences
# the annotation missed were added), 18 0.660, 19 0.833, 21 0.714, 22 0.750,
# 23 0.700, 24 0.875; quote+indirect 0.94-1.00, marks 0.97-1.00.  heldout20
# (English web: local TV, UK broadsheet, Reuters, AP sport): 0.929 and
# 0.903 at first contact.  Floors just below the figures after the fixes.
test_expect_success 'web batches 17 to 24 stay above their measured floor' '
	floors 0.98 0.97 0.92 "$A"/heldout17/fr-*.txt \
		"$A"/heldout18/fr-*.txt "$A"/heldout19/fr-*.txt "$A"/heldout21/fr-*.txt \
		"$A"/heldout22/fr-*.txt "$A"/heldout23/fr-*.txt "$A"/heldout24/fr-*.txt &&
	floors 0.99 0.97 0.90 "$A"/heldout17/fr-*.txt &&
	floors 0.99 0.96 0.92 "$A"/heldout18/fr-*.txt &&
	floors 0.98 0.98 0.90 "$A"/heldout19/fr-*.txt &&
	floors 0.99 0.99 0.88 "$A"/heldout21/fr-*.txt &&
	floors 0.99 0.99 0.90 "$A"/heldout22/fr-*.txt &&
	floors 0.97 0.99 0.97 "$A"/heldout23/fr-*.txt &&
	floors 0.99 0.93 0.97 "$A"/heldout24/fr-*.txt &&
	floors 0.99 0.96 0.93 "$A"/heldout20/en-*.txt
'

# heldout25 (six Quebec articles: Journal de Montréal fire, Radio-Canada
# Saguenay sawmill, Le Devoir education, HuffPost Québec health, TVA court,
# Presse Canadienne Ottawa) scored marks 1.000, quote+indirect 0.888 and
# speaker 0.813 at first contact (0.894 and 0.816 once an indirect sentence
# the annotation missed was added); heldout28 (four, written after the
# heldout25 rules: La Presse interview with dialogue answers, Radio-Canada
# Abitibi, a port strike, Journal de Montréal hockey) 0.921, 0.913 and
# 0.854; heldout28b (two, after all of those rules: National Assembly,
# an SQ collision) 1.000, 0.870 and 0.850.  Floors just below the figures
# after the fixes.
test_expect_success 'Quebec batches 25, 28 and 28b stay above their measured floor' '
	floors 0.99 0.92 0.97 "$A"/heldout25/fr-*.txt &&
	floors 0.98 0.97 0.95 "$A"/heldout28/fr-*.txt &&
	floors 0.99 0.88 0.95 "$A"/heldout28b/fr-*.txt
'

# heldout35 (six: Le Droit, Le Soleil, La Tribune, Noovo, Radio-Canada
# Acadie, La Presse Canadienne court) scored marks 1.000, quote+indirect
# 0.957 and speaker 0.939 at first contact; heldout35b (four, written at
# mid-session after the heldout35 rules: Le Nouvelliste, Métro, Radio-Canada
# Ontario, Journal de Québec sport) 1.000, 0.971 and 0.939 (31/33);
# heldout35c (three, after the 35b rules: Le Devoir Ottawa, TVA Laval, La
# Voix de l'Est) 1.000, 0.980 and 0.875 (21/24); heldout35d (three, after
# the 35c rules: Les Affaires, Radio-Canada Côte-Nord, Cogeco Nouvelles)
# 1.000, 0.980 and 0.750 (18/24); heldout35e (three, after the 35d rules:
# Acadie Nouvelle, Journal de Québec, Radio-Canada Estrie) 1.000, 0.980 and
# 0.833 (20/24); heldout35f (three, after the 35e rules: La Presse
# Canadienne hockey, La Presse court, a Radio-Canada live page) 1.000, 0.977
# and 0.762 (16/21).  Floors just below the figures after the fixes.
test_expect_success 'Quebec batches 35 to 35f stay above their measured floor' '
	floors 0.99 0.96 0.98 "$A"/heldout35/fr-*.txt &&
	floors 0.99 0.99 0.99 "$A"/heldout35b/fr-*.txt &&
	floors 0.99 0.97 0.99 "$A"/heldout35c/fr-*.txt &&
	floors 0.99 0.97 0.99 "$A"/heldout35d/fr-*.txt &&
	floors 0.99 0.99 0.99 "$A"/heldout35e/fr-*.txt &&
	floors 0.99 0.97 0.90 "$A"/heldout35f/fr-*.txt
'

# heldout40 (six: Le Quotidien CPE strike, ONFR committee at Queen's Park,
# 98.5 Sports AHL post-game, an L'actualité Q/R interview, Radio-Canada
# Manitoba city council, Radio-Canada Gaspésie bail hearing) scored marks
# 1.000, quote+indirect 0.897 and speaker 0.905 (67/74) at first contact;
# heldout40b (five, written after the heldout40 rules: Francopresse, a
# La Presse+ dossier, Le Courrier de Saint-Hyacinthe, Radio-Canada
# Saskatchewan court, Journal de Montréal culture) 1.000, 0.963 and 0.859
# (55/64; the session-start binary 0.844); heldout40c (four, after the
# heldout40b rules: Radio-Canada Alberta, L'Express de Drummondville, TVA
# Sports junior hockey, La Presse Canadienne economy) 1.000, 0.944 and
# 0.833 (35/42; the session-start binary 0.825); heldout40d (four, after
# the heldout40c rules: Le Devoir at a National Assembly committee, Le
# Soleil arson, Radio-Canada Nouvelle-Écosse strike, La Presse Affaires)
# 1.000, 0.916 and 0.865 (32/37; the session-start binary 0.838).  Its
# errors left are conventions (« La direction », « Le ministère »), a name
# longer than the context keeps and « selon le chef …, X. ».  They annotate a partial
# quotation inside a reported clause twice (the clause and the quotation),
# as the France batches do; the analyser gives the quotation only, so
# quote+indirect recall stays lower.  Floors just below the figures after
# the fixes (heldout40 0.904 and 0.933, heldout40b 0.963 and 0.906,
# heldout40c 0.956 and 0.930).
test_expect_success 'Quebec and Canadian French batches 40 to 40d stay above their measured floor' '
	floors 0.99 0.96 0.92 "$A"/heldout40/fr-*.txt &&
	floors 0.99 0.98 0.89 "$A"/heldout40b/fr-*.txt &&
	floors 0.99 0.97 0.92 "$A"/heldout40c/fr-*.txt &&
	floors 0.99 0.96 0.86 "$A"/heldout40d/fr-*.txt
'

# heldout42 (five, session 8: Le Journal de Québec question period and the
# SAAQ, La Voix de l'Est council with two Vincents, Le Progrès emergency
# room with the CIUSSS and two Bouchards, La Presse Canadienne fraud trial,
# ICI Acadie Q/R interview) scored marks 1.000, quote+indirect 0.907 and
# speaker 0.764 (55/72) at first contact, 0.792 (57/72) after its fixes;
# heldout42b (four, written after them: Le Droit Gatineau council and the
# STO, Cogeco Nouvelles FAE strike with a Q/R, Narcity Québec comedian,
# L'Écho de Laval police and a victim's Q/R) 0.943, 0.879 and 0.638
# (30/47), the same as the session-start binary; 0.681 (32/47) once
# « R : « … » » answers went to the person interviewed.  Left:
# organisations' anaphors with no acronym to go by (« l'organisation »,
# « l'organisme », « l'établissement », « le corps policier »), Q/R turns
# without a label, decks and crossheads, names with an en dash or « Est »
# inside.  Floors just below.
test_expect_success 'Quebec French batches 42 and 42b stay above their measured floor' '
	floors 0.99 0.96 0.78 "$A"/heldout42/fr-*.txt &&
	floors 0.94 0.92 0.67 "$A"/heldout42b/fr-*.txt
'

# heldout44 (France press, five: Le Journal du Dimanche on a 49.3, Le Bien
# public at the tribunal correctionnel with dash dialogue, Courrier picard
# farmers and the préfet, France Bleu hospital strike, Var-Matin transfer
# with a short Q&A) scored marks 0.963, quote+indirect 0.836 and speaker
# 0.714 (55/77) at first contact, 0.779 after its two rules; heldout44b
# (five, written after them: La Dépêche, L'Alsace, Le Populaire du Centre,
# the JSL, a Libération CheckNews) 1.000, 0.862 and 0.768 (43/56), the
# same as the session-start binary.  Floors just below.
test_expect_success 'France French batches 44 and 44b stay above their measured floor' '
	floors 0.95 0.91 0.76 "$A"/heldout44/fr-*.txt &&
	floors 0.99 0.93 0.75 "$A"/heldout44b/fr-*.txt
'

test_expect_success 'French: the name apposed to « le cabinet du ministre » is the minister, not the speaker' '
	printf "%s\n\n" "Le cabinet du ministre des Collèges, Nolan Quinn-Ashworth, a fait savoir par courriel que le gouvernement « continue de travailler » sur une solution." \
		"« Les moyens ont progressé », fait valoir le cabinet du ministre, Olivier Dassault-Brémond, qui rappelle que les établissements disposent d’une trésorerie confortable." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "quote \"continue de travailler\" -- (unresolved) \[verb-before, neutral, mention: Le cabinet du ministre des Collèges\]" out &&
	grep -q "indirect \"les établissements disposent d’une trésorerie confortable\" -- (unresolved)" out
'

test_expect_success 'French: « …, a-t-il précisé. » closing a sentence reports the clause before it' '
	printf "%s\n" "Questionné sur l’absence de Logan Mailloux, l’entraîneur Pascal Vincent s’est montré rassurant. Le défenseur devrait reprendre l’entraînement d’ici la fin de semaine, a-t-il précisé." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"Le défenseur devrait reprendre l’entraînement d’ici la fin de semaine\" -- Pascal Vincent \[indirect-after+pronoun" out
'

test_expect_success 'French: a name alone under the headline is a byline, no antecedent for « Elle »' '
	printf "%s\n\n" "Une préposée pour 32 résidants" "ARIANE LACOURSIÈRE-DUVAL" "LA PRESSE" \
		"« La nuit, on est toutes seules », résume la préposée de 46 ans." \
		"Elle affirme que l’équipe de nuit compte une préposée de moins." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"l’équipe de nuit compte une préposée de moins\" -- (unresolved)" out &&
	! grep -q "speaker ARIANE" out
'

test_expect_success 'French: « a indiqué par courriel sa porte-parole, X » names X' '
	printf "%s\n" "« Les équipes sont appuyées », a indiqué par courriel sa porte-parole, Marie-Hélène Ouellet-Dubé." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "quote \"Les équipes sont appuyées\" -- Marie-Hélène Ouellet-Dubé \[verb-after" out
'

test_expect_success 'French: « Le ministre, X, » is a man whatever list holds the epicene noun; a quotation'"'"'s own sentences keep an unknown first name near' '
	printf "%s\n\n" "« La Banque va rester sur les lignes de côté », explique Matthieu Arseneau-Roy." \
		"Le ministre des Finances, Jasraj Hallan-Dubois, s’est réjoui de la décision. Il a affirmé que le budget visait à aider les entreprises." \
		"Le juge en chef Robert Leurer-Dufour l’a interrompu. « Le droit existe-t-il encore? » a-t-il demandé." \
		"L’épidémiologiste Craig Jenne-Morin, de l’Université de l’Alberta, n’est pas surpris. « On voyait venir ça. Il suffit d’un cas importé », estime-t-il." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"le budget visait à aider les entreprises\" -- Jasraj Hallan-Dubois" out &&
	grep -q "quote \"Le droit existe-t-il encore?\" -- Robert Leurer-Dufour" out &&
	grep -q "quote \"On voyait venir ça. Il suffit d’un cas importé\" -- Craig Jenne-Morin" out
'

test_expect_success 'French: « Un autre parent » is unnamed; « Elle … » closing a paragraph keeps its first sentence'"'"'s subject' '
	printf "%s\n\n" "« Notre priorité, c’est la sécurité », a déclaré Réal Lavoie-Sandhu." \
		"Un autre parent, qui n’a pas voulu donner son nom, a dit qu’il ne ferait pas vacciner ses enfants. « Je ne crois pas à ce vaccin-là », a-t-il soutenu avant de repartir." \
		"« On demande aux citoyens de se serrer la ceinture », a dénoncé la conseillère Catherine Lassonde." \
		"Une résidente du secteur Saint-Nicéphore, Sophie Grondin, a demandé pourquoi le projet de bibliothèque n’avait pas été reporté. Elle n’a aucun lien de parenté avec le conseiller." \
		"« Une bibliothèque, c’est beau », a-t-elle fait valoir." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"il ne ferait pas vacciner ses enfants\" -- (unresolved) \[indirect, neutral, mention: Un autre parent\]" out &&
	grep -q "quote \"Je ne crois pas à ce vaccin-là\" -- (unresolved)" out &&
	grep -q "quote \"Une bibliothèque, c’est beau\" -- Sophie Grondin" out
'

test_expect_success 'French: « …, a indiqué le directeur du Service de sécurité incendie de X, Y. » reports the clause' '
	printf "%s\n" "Les pompiers ont été appelés vers 2 h 30. À leur arrivée, le bâtiment était déjà complètement embrasé, a indiqué le directeur du Service de sécurité incendie de Coaticook, Jonathan Garneau-Bouffard." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"À leur arrivée, le bâtiment était déjà complètement embrasé\" -- Jonathan Garneau-Bouffard" out
'

test_expect_success 'French: a deck role waits for the apposition that names its holder' '
	printf "%s\n\n" "Écoles : le commissaire sonne l’alarme" \
		"Dans son rapport annuel, le commissaire aux langues officielles estime que la pénurie menace le droit à l’instruction." \
		"Julien Cayouette-Brault – Francopresse" \
		"OTTAWA – Le portrait que dresse le commissaire aux langues officielles, Raymond Théberge-Caron, dans son rapport annuel est sombre." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"la pénurie menace le droit à l’instruction\" -- Raymond Théberge-Caron \[role-named-after" out
'

test_expect_success 'French: « l’accusé » is no judge, « de l’Université Laval, », « Un électeur »' '
	printf "%s\n\n" "Joint par Radio-Canada, le politologue Thierry Giasson-Boivin, de l’Université Laval, estime que la CAQ paie le prix de son bilan." \
		"Un électeur rencontré à la sortie d’un bureau de scrutin dit avoir voté pour la première fois. « Je voulais que ça change », a-t-il résumé." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"la CAQ paie le prix de son bilan\" -- Thierry Giasson-Boivin" out &&
	grep -q "quote \"Je voulais que ça change\" -- (unresolved)" out &&
	printf "%s\n\n" "L’entrepreneur en construction Guy Lachapelle-Morin a été reconnu coupable de fraude." \
		"« L’accusé a profité de la confiance de personnes vulnérables », écrit la juge Annie-Claude Bergeron-Roy." \
		"Pendant le procès, l’accusé avait soutenu que ses difficultés financières l’avaient empêché de terminer les travaux." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"ses difficultés financières l’avaient empêché de terminer les travaux\" -- Guy Lachapelle-Morin" out
'

test_expect_success 'French: « s’est-elle contentée de dire », « à condition que », « le grand argentier », « Un médecin de l’Hôpital régional X, qui … »' '
	printf "%s\n\n" "La présidente du Conseil du trésor, Sonia LeBel-Gagné, doit déposer un plan. Le ministre des Finances, Eric Girard, a parlé." \
		"Questionnée à ce sujet, la présidente du Conseil du trésor n’a pas voulu confirmer ce chiffre. « Tout est sur la table, mais rien n’est décidé », s’est-elle contentée de dire." \
		"« Il va arriver un drame », a prévenu Kim Chamberlain-Roy." \
		"Un médecin de l’Hôpital régional Chaleur, qui a parlé au journal à condition que son nom ne soit pas publié, estime que la crise était prévisible." \
		"« Personne n’a écouté », déplore-t-il." \
		"Le déficit atteindra 11 milliards, a annoncé le ministre des Finances, Eric Girard." \
		"« La situation est sérieuse », a assuré le grand argentier du gouvernement." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "quote \"Tout est sur la table, mais rien n’est décidé\" -- Sonia LeBel-Gagné" out &&
	grep -q "indirect \"la crise était prévisible\" -- (unresolved)" out &&
	grep -q "quote \"Personne n’a écouté\" -- (unresolved)" out &&
	grep -q "quote \"La situation est sérieuse\" -- Eric Girard" out
'

test_expect_success 'French: « son président et chef de la direction, X », « la jeune pousse X », an unnamed « Une locataire » goes on' '
	printf "%s\n\n" "La jeune pousse montréalaise Nuvolta supprime 85 postes." \
		"« On a grandi trop vite », admet son président et chef de la direction, Olivier Lachance-Duval, en entrevue." \
		"L’entrepreneur assure que l’entreprise dispose de 18 mois de liquidités." \
		"Les employés recevront une indemnité de départ, a précisé l’entreprise par voie de communiqué." \
		"« Les propriétaires ne sont pas des banques », fait valoir Marc-André Plante." \
		"Une locataire de Rosemont, jointe par téléphone, affirme que son propriétaire lui réclame 9 %." \
		"« Je paie 1350 $ pour un 4 et demie. »" >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "quote \"On a grandi trop vite\" -- Olivier Lachance-Duval" out &&
	grep -q "indirect \"l’entreprise dispose de 18 mois de liquidités\" -- Olivier Lachance-Duval" out &&
	grep -q "indirect \"Les employés recevront une indemnité de départ\" -- Nuvolta" out &&
	grep "quote \"Je paie" out >line &&
	! grep -q " -- [^(]" line
'

test_expect_success 'French: a dateline before the subject, a name cut before its acronym, « qu’on taise son nom »' '
	printf "%s\n\n" "OTTAWA — Le commissaire au lobbying, Nelson Brière-Taylor, a refusé de désigner des coupables dans l’affaire des contrats accordés à la firme GC Stratégies-Nord." \
		"« Mon mandat n’est pas de trouver des coupables », a-t-il fait valoir." \
		"Deux hommes ont été arrêtés mardi à Laval, a annoncé le Service de police de Laval (SPL)." \
		"« Ils demandent de l’argent comptant », explique l’agente Stéphanie Beaulieu-Caron." \
		"« Elle a tellement honte », a confié la femme, qui a demandé qu’on taise son nom." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "quote \"Mon mandat n’est pas de trouver des coupables\" -- Nelson Brière-Taylor" out &&
	grep -q "indirect \"Deux hommes ont été arrêtés mardi à Laval\" -- Service de police de Laval \[" out &&
	grep -q "quote \"Elle a tellement honte\" -- (unresolved)" out
'

test_expect_success 'French « un météorologue » then, far below, « Le météorologue » stays unnamed, and so does its follow-on' '
	printf "%s\n\n" "« Le pire reste à venir », prévient un météorologue d’Environnement Canada." \
		"« Nos équipes sont prêtes », a dit Maxence Huard." \
		"Gérard Ouimet, 84 ans, attendait sur un lit de camp. « J’ai connu la crise de 98 », dit-il." \
		"Le météorologue prévient enfin que des vents forts pourraient compliquer les travaux. « Le vent, c’est une autre affaire. »" >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"des vents forts pourraient compliquer les travaux\" -- (unresolved)" out &&
	grep "quote \"Le vent, c’est une autre affaire.\"" out >line &&
	! grep -q " -- [^(]" line
'

test_expect_success 'French participle after a comma: « …, estimant que … », « », a-t-il lancé, ajoutant que … »' '
	printf "%s\n\n" "La Cour supérieure avait refusé le recours, estimant que les frais variaient trop." \
		"« C’est un échec », a dit Mike Duggan-Roy." \
		"« Un échec total », a-t-il lancé, ajoutant que le projet devait être soumis à un référendum." \
		"Une coalition de commerçants de la rue Saint-Denis réclame un moratoire, estimant que le chantier leur a coûté cher." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"les frais variaient trop\" -- Cour supérieure" out &&
	grep -q "indirect \"le projet devait être soumis à un référendum\" -- Mike Duggan-Roy" out &&
	grep -q "indirect \"le chantier leur a coûté cher\" -- (unresolved)" out
'

test_expect_success 'French « La direction de X » makes « l’entreprise » X; « s’est engagé à « … » » is speech' '
	printf "%s\n\n" "La direction de Papiers Saint-François a convoqué les travailleurs jeudi." \
		"Dans un communiqué, l’entreprise explique que l’usine n’était « plus rentable depuis 2023 »." \
		"Le ministre de l’Économie, Christopher Skeete-Morin, s’est engagé à « examiner toutes les options » avec l’entreprise." >in.txt &&
	quote_speakers in.txt >actual &&
	grep -q "^Papiers Saint-François \[" actual &&
	grep -q "^Christopher Skeete-Morin \[verb-before" actual
'

test_expect_success 'French « de la rue Rachel, Mathieu, » : a name after a place noun is no speaker' '
	printf "%s\n\n" "« On ne reculera pas », a dit Pierre-Luc Gosselin." \
		"Un cycliste rencontré à l’intersection de la rue Rachel, Mathieu, qui n’a pas voulu donner son nom, ne comprend pas la grogne. « Avant, je me faisais frôler tous les matins. »" >in.txt &&
	quote_speakers in.txt >actual &&
	! grep -q "^Rachel" actual &&
	grep -q "^Mathieu \[" actual
'

test_expect_success 'French interview: a dialogue answer after a question is the interviewee’s' '
	printf "%s\n\n" "Entrevue avec Mélanie Gagnon-Bélair : écrire la Côte-Nord" \
		"Pourquoi revenir à Baie-Comeau ?" \
		"— Parce que je n’avais jamais osé. On grandit en pensant que tout se passe ailleurs." >in.txt &&
	quote_speakers in.txt >actual &&
	grep -q "^Mélanie Gagnon-Bélair \[interview" actual &&
	printf "%s\n\n" "Reste à savoir qui paiera la facture ?" \
		"— Avec les informations de Radio-Canada et de La Presse Canadienne" >>in.txt &&
	quote_speakers in.txt >actual &&
	test $(grep -c "interview" actual) = 1
'

test_expect_success 'French « sous le couvert de l’anonymat » leaves the pronoun unnamed' '
	printf "%s\n\n" "« Le plan tient », a dit Paul Roy." \
		"Le leader parlementaire a minimisé la menace. « Ce n’est pas nouveau », a-t-il dit, sous le couvert de l’anonymat." >in.txt &&
	quote_speakers in.txt >actual &&
	grep -q "^(unresolved) \[verb-after+anonymous" actual &&
	test $(grep -c "^Paul Roy" actual) = 1
'

test_expect_success 'French « C’est ce qu’a affirmé X » names the cue-less quotation before it' '
	printf "%s\n\n" "Le ministre de la Santé a rencontré les syndicats mardi." \
		"« Il faut mettre fin au temps supplémentaire obligatoire. »" \
		"C’est ce qu’a affirmé la présidente de la FIQ, Julie Bouchard, à sa sortie de la rencontre." >in.txt &&
	quote_speakers in.txt >actual &&
	grep -q "^Julie Bouchard \[continued-after" actual
'

test_expect_success 'French: after « Un pêcheur …, qui …, affirme que … » a cue-less quotation is not the last named speaker’s' '
	printf "%s\n\n" "« C’est un dossier qui traîne », a souligné Allen Cormier-Roy." \
		"Un pêcheur de Rivière-au-Renard, qui a demandé à ne pas être identifié, affirme que la saison est perdue. « On a sorti les casiers deux semaines trop tard. »" >in.txt &&
	quote_speakers in.txt >actual &&
	test $(grep -c "^Allen Cormier-Roy" actual) = 1
'

test_expect_success 'French court: « La magistrate souligne », « Pour la procureure de la Couronne, Me X, … »' '
	printf "%s\n\n" "« L’accusé a fait preuve d’un mépris total pour la vie humaine », écrit la juge Sophie Bouchard-Lemay dans sa décision." \
		"La magistrate souligne que l’accusé n’a exprimé aucun remords." \
		"Pour la procureure de la Couronne, Me Annie Lapointe, la peine est juste." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"l’accusé n’a exprimé aucun remords\" -- Sophie Bouchard-Lemay" out &&
	grep -q "indirect \"la peine est juste\" -- Annie Lapointe" out
'

test_expect_success 'French « la Dre Drouin » is the Dre Mylène Drouin named before' '
	printf "%s\n\n" "La Dre Mylène Drouin, directrice régionale de santé publique, recommande de porter le masque." \
		"« Le virus circule beaucoup », a indiqué la Dre Drouin." >in.txt &&
	quote_speakers in.txt >actual &&
	grep -q "^Mylène Drouin \[" actual
'

test_expect_success 'French « …, peut-on lire dans le rapport de X » is X’s, « dans un document » nobody’s' '
	printf "%s\n\n" "« Il faut agir », a dit Paul Roy." \
		"« Le réseau manque de ressources », peut-on lire dans le rapport de la vérificatrice générale, Guylaine Leclerc-Roy." \
		"« Rien ne va plus », peut-on lire dans un document interne." >in.txt &&
	quote_speakers in.txt >actual &&
	grep -q "^Guylaine Leclerc-Roy \[verb-after" actual &&
	test $(grep -c "^Paul Roy" actual) = 1
'

test_expect_success 'French « Ce sont les mots de X », « Voilà comment Y a défendu … » name the quotations before them' '
	printf "%s\n\n" "Le conseil municipal a adopté le budget mardi soir." \
		"« On ne peut plus taxer les familles davantage. »" \
		"Ce sont les mots du conseiller de l’opposition Marc Bergeron-Roy, qui a voté contre." \
		"« Ce budget est équilibré et responsable. »" \
		"Voilà comment le maire Bruno Tremblay-Côté a défendu son budget." >in.txt &&
	quote_speakers in.txt >actual &&
	grep -q "^Marc Bergeron-Roy \[continued-after" actual &&
	grep -q "^Bruno Tremblay-Côté \[continued-after" actual
'

test_expect_success 'French « selon le Service de sécurité incendie de Montréal (SIM) », « selon l’Institut … (INSPQ) » name the body whole' '
	printf "%s\n\n" "Les flammes se sont déclarées vers 2 h 40, selon le Service de sécurité incendie de Montréal (SIM)." \
		"Selon l’Institut national de santé publique du Québec (INSPQ), près de 2000 cas ont été recensés." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "indirect \"Les flammes se sont déclarées vers 2 h 40\" -- Service de sécurité incendie de Montréal \[" out &&
	grep -q "indirect \"près de 2000 cas ont été recensés\" -- Institut national de santé publique du Québec \[" out
'

test_expect_success 'French « X, qui répondait aux questions de La Tribune, estime », « a lancé l’un d’eux »' '
	printf "%s\n\n" "« Il n’y aura pas de hausse de taxes », a précisé la mairesse, Évelyne Beaudin-Roy." \
		"Le directeur général de la Ville, qui répondait aux questions de La Tribune, estime que les finances sont saines." \
		"Plusieurs citoyens ont dénoncé le projet. « On ne nous a jamais consultés », a lancé l’un d’eux." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	! grep -q " -- Tribune" out &&
	test $(grep -v ": claim " out | grep -c " -- Évelyne Beaudin-Roy") = 1
'

# heldout27 (five France press articles: an AFP wire, Le Monde long-form with
# indirect speech, Le Figaro politics, Ouest-France with comments, a 20
# Minutes Q/R interview) scored 0.754 speaker accuracy at first contact
# (0.746 as first annotated, before two « Pour X, … » sentences the
# annotation missed were added); heldout30 (three more, written after the
# heldout27 rules: a franceinfo live blog, an industrial closure, a
# national-team press conference) 0.822 with those rules (0.844 with the
# rules before them); heldout31 (four more after the heldout30 rules: Le
# Parisien, Sud Ouest, Libération, La Voix du Nord) 0.755 (0.735);
# heldout32 (three after the heldout31 rules: AFP international, Ouest-France
# health, Le Monde culture) 0.909 (0.879); heldout33 (three after the
# heldout32 rules: Le Figaro économie, franceinfo rugby, 20 Minutes) 0.935
# (0.903); heldout34 (three after the heldout33 rules: Les Échos, La
# Dépêche, L'Équipe) 0.667 (0.697).  Floors just below the figures after
# the fixes.  (heldout27's 20 Minutes interview leaves its dialogue answers
# unannotated, which the Quebec interview rule of heldout28 counts as
# quotations: marks 0.982, quote+indirect 0.929.)
test_expect_success 'France press batches 27 and 30 to 34 stay above their measured floor' '
	floors 0.98 0.97 0.96 "$A"/heldout27/fr-*.txt &&
	floors 0.99 0.97 0.96 "$A"/heldout30/fr-*.txt &&
	floors 0.99 0.98 0.94 "$A"/heldout31/fr-*.txt &&
	floors 0.99 0.94 0.96 "$A"/heldout32/fr-*.txt &&
	floors 0.99 0.99 0.95 "$A"/heldout33/fr-*.txt &&
	floors 0.99 0.96 0.89 "$A"/heldout34/fr-*.txt
'

# heldout37 (five France press articles: La Croix on a diocese selling
# churches, with a vicar named only by his role; a Mediapart investigation
# with anonymous sources and a correction note; Le Télégramme on fishing,
# a father and son of one surname; Le Dauphiné on wolves, with a
# multi-paragraph quote and an embedded post; an AFP science wire) scored
# 0.684 speaker accuracy at first contact; heldout37b (three after the
# heldout37 rules: Le Monde universities, DNA cross-border workers, RMC
# handball) 0.821 (0.744 with the rules before them); heldout37c (three
# after the heldout37b rules: La Provence court report, BFMTV heatwave,
# actu.fr bakery) 0.825 (0.825); heldout37d (three after the heldout37c
# rules: Nice-Matin fire, L'Express party congress, France Inter
# interview) 0.758 (0.758); heldout37e (three after the heldout37d rules:
# Ouest-France school, L'Équipe tennis, Libération protest) 0.870
# (0.826).  The 49 errors by cause: roles and pronouns of an unnamed or
# newly named person (8), demonyms (2), an opening participle and its
# agent (5), name boundaries (an initial's period, « Costume gris, … », a
# party's initials) (5), anonymous sources named (5), quotations after a
# sentence about someone new (4), missing cue or role words (5), photo
# credits taken for people (3), kin nouns (3), headline names (2), an
# inverted subject after « lors d'un point presse » (2), a follow-on after
# an unnamed group member (1), « dit regretter » (1), institution naming
# (3); 39 fixed.  Floors just below the figures after the fixes.
test_expect_success 'France press batches 37 to 37e stay above their measured floor' '
	floors 0.99 0.97 0.95 "$A"/heldout37/fr-*.txt &&
	floors 0.99 0.95 0.95 "$A"/heldout37b/fr-*.txt &&
	floors 0.99 0.98 0.95 "$A"/heldout37c/fr-*.txt &&
	floors 0.99 0.96 0.88 "$A"/heldout37d/fr-*.txt &&
	floors 0.99 0.97 0.89 "$A"/heldout37e/fr-*.txt
'

# heldout43 and 43b (France press, session 8): rules each with a sentence
# of our own; the batches' floors and first-contact figures are further on.
test_expect_success 'France press: « Entretien avec X » in the deck makes X the one the dash answers are from' '
	printf "%s\n\n" "Grève : « Nous ne lâcherons pas », prévient la CGT" \
		"Le mouvement entre dans son troisième jour. Entretien avec Karima Benali-Ortiz, secrétaire fédérale." \
		"Le ministre, Philippe Tabarly-Roux, a jugé la grève « injustifiée ». « Le dialogue existe », a-t-il déclaré." \
		"Que lui répondez-vous ?" \
		"— Qu’il vienne passer une nuit dans un poste d’aiguillage. Les collègues travaillent en trois-huit." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "CGT" "Philippe Tabarly-Roux" "Philippe Tabarly-Roux" "Karima Benali-Ortiz" >expected &&
	test_cmp expected actual
'

# « Rencontre avec sa directrice, X »: the interviewee past a short
# apposition; a prompt left hanging (« … ») is a question its dash line
# answers.
test_expect_success 'France press: « Rencontre avec sa directrice, X », and a dash answer after a prompt ending in « … »' '
	printf "%s\n\n" "Festival de Ronquières : l’appel à l’aide" \
		"Le festival brabançon a perdu 1,2 million d’euros. Rencontre avec sa directrice, Nathalie Dewaele-Lambot." \
		"Comment en êtes-vous arrivés là ?" \
		"– La météo, bien sûr. Mais pas seulement, les cachets ont doublé." \
		"Certains disent qu’un festival sans subsides doit disparaître…" \
		"– Je l’entends. Mais personne ne dit ça des clubs de foot." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Nathalie Dewaele-Lambot" "Nathalie Dewaele-Lambot" >expected &&
	test_cmp expected actual
'

# A quotation inside a sentence about someone it names is that person's,
# not a follow-on of the last speaker.
test_expect_success 'France press: « Contacté, l’avocat …, Me X, n’a pas souhaité s’exprimer « … » » is X, not the last speaker' '
	printf "%s\n\n" "Titre de l’article" \
		"« Cela fait deux ans que nous demandons des caméras », a réagi le conseiller municipal Laurent Hénart-Morel." \
		"Contacté, l’avocat de l’un d’eux, Me Grégory Thuan, n’a pas souhaité s’exprimer « tant que le dossier n’est pas accessible »." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Laurent Hénart-Morel" "Grégory Thuan" >expected &&
	test_cmp expected actual
'

# « Yanis M. »: after a first name, « M. » is an initial, not Monsieur; a
# defendant noun is the last person named by an initial (not the victim
# named in full just before), and « Le prévenu a haussé les épaules. » hands
# the next quotation to him rather than to the judge who spoke before.
test_expect_success 'France press: « a déclaré l’accusé » and « Le prévenu a haussé les épaules. « … » » are the defendant' '
	printf "%s\n\n" "Titre de l’article" \
		"Devant la cour d’assises, Yanis M., 29 ans, a maintenu sa version. Le feu avait tué une voisine de 41 ans, Samia Ferhat." \
		"« Je voulais seulement lui faire peur », a déclaré l’accusé." \
		"La présidente, Catherine Aubrac-Vidal, l’a interrogé sur le bidon d’essence. « Vous nous dites que vous vouliez seulement faire peur ? » Le prévenu a haussé les épaules. « Je ne sais plus. »" >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Yanis M." "Catherine Aubrac-Vidal" "Yanis M." >expected &&
	test_cmp expected actual
'

# An initialism before words that open no person's name is the body's own
# (« l’ARS Occitanie », « le RC Lens »); a party's before a first name is not.
test_expect_success 'France press: « l’ARS Occitanie » and « le RC Lens » keep their initialism, « le député LR X » does not' '
	printf "%s\n\n" "Titre de l’article" \
		"Selon l’ARS Occitanie, l’eau distribuée ne présente aucun risque." \
		"Le RC Lens a annoncé que 37 000 spectateurs avaient assisté à la rencontre." \
		"« Le texte est mal ficelé », a estimé le député LR Aurélien Pradié." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -e ": indirect " -e ": quote " out | sed "s/.* -- //; s/ \[.*//" >actual &&
	printf "%s\n" "ARS Occitanie" "RC Lens" "Aurélien Pradié" >expected &&
	test_cmp expected actual
'

# « L’ARS Occitanie a annoncé … « … », précise l’agence »: an agency noun
# with nothing bound to it is the body last named by its initialism.
test_expect_success 'France press: « précise l’agence » is the body named before by its initialism' '
	printf "%s\n\n" "Titre de l’article" \
		"L’ARS Occitanie a annoncé que les urgences de Lodève fermeraient la nuit. « Il s’agit d’une mesure temporaire », précise l’agence." \
		"Le maire, Paul Vidal, dénonce « une fermeture déguisée »." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "ARS Occitanie" "Paul Vidal" >expected &&
	test_cmp expected actual
'

# A deck's role waits for the body to name its holder; a byline and a
# furniture line between them do not use up the paragraphs it waits.
test_expect_success 'France press: a deck'"'"'s « Le procureur de la République évoque « … » » is named three paragraphs past a byline' '
	printf "%s\n\n" "Nancy : un adolescent poignardé, deux suspects en garde à vue" \
		"Faits divers. Le procureur de la République évoque « une rixe d’une rare violence »." \
		"Par Thomas Gerbaud - 14 avr. 2031 à 18:22 - Temps de lecture : 3 min" \
		"Publié le 14 avril 2031" \
		"Il était un peu plus de 2 heures du matin quand les policiers ont été appelés." \
		"Deux jeunes hommes ont été interpellés dans la matinée, à Vandœuvre." \
		"Lors d’une conférence de presse, le procureur de la République de Nancy, François Pérain-Duval, a décrit « une rixe d’une rare violence, partie d’un simple regard »." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "François Pérain-Duval" "François Pérain-Duval" >expected &&
	test_cmp expected actual
'

# « la ministre a refusé toute suppression, mais promis que … »: the joined
# participle shares the first predicate's subject; « mais » is no speaker.
test_expect_success 'France press: « X a refusé …, mais promis que … » reports the clause for X, not for « mais »' '
	printf "%s\n\n" "Titre de l’article" \
		"« Je ne suis pas venue ici pour me faire applaudir », a déclaré la ministre de l’Agriculture, Annie Genevard-Roux." \
		"Sur l’OFB, la ministre a refusé toute suppression, mais promis que les agents ne seraient plus armés lors des contrôles." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.* -- //; s/ \[.*//" >actual &&
	echo "Annie Genevard-Roux" >expected &&
	test_cmp expected actual
'

# heldout43 (France press: Le Progrès assizes, Public Sénat commission of
# inquiry, La Montagne and the ARS, L'Humanité strike with a dash Q/R,
# Midi Libre town council) scored 0.747 speaker accuracy at first contact;
# heldout43b (after heldout43's rules: L'Est Républicain, Le Point and the
# FNSEA, Le Soir with an en-dash Q/R, RFI on Mayotte) 0.792, the same as
# the session-start rules.  Floors just below the figures after the fixes.
test_expect_success 'France press batches 43 and 43b stay above their measured floor' '
	floors 0.99 0.96 0.83 "$A"/heldout43/fr-*.txt &&
	floors 0.99 0.98 0.87 "$A"/heldout43b/fr-*.txt
'

test_expect_success 'France press: « a souri l’Argentin » is the person named before' '
	printf "%s\n\n" "Titre de l’article" \
		"Tomás Echeverría a gagné en cinq sets. « Le public était contre moi », a souri l’Argentin, qui affrontera lundi le Norvégien Casper Ruud-Nilsen." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*mention: / [/" >actual &&
	echo "Tomás Echeverría [l’Argentin]" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: « lors d’un point presse » before the subject, « un de ses soutiens », « le député LR X »' '
	printf "%s\n\n" "Titre de l’article" \
		"« Le feu est fixé », a indiqué lors d’un point presse le commandant des opérations de secours, le colonel Frédéric Bellanger-Tosi." \
		"Son rival, Thomas Verlaine, dénonce « un congrès verrouillé »." \
		"« On ne peut pas changer les règles », estime un de ses soutiens, qui requiert l’anonymat. Selon lui, « plusieurs centaines d’adhérents » n’ont pas pu voter." \
		"Du côté de l’opposition, le député LR Vincent Jeanbrun-Morel a ironisé sur « une ministre qui découvre le problème ». « Elle commente la crise », a-t-il ajouté." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Frédéric Bellanger-Tosi" "Thomas Verlaine" "(unresolved)" "(unresolved)" \
		"Vincent Jeanbrun-Morel" "Vincent Jeanbrun-Morel" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: a sentence opening on a noun, « Alain T. », « L’une d’elles », « dit regretter … « … » »' '
	printf "%s\n\n" "Titre de l’article" \
		"Costume gris, voix basse, Karim Bensaïd, 47 ans, s’est présenté à la barre en assurant n’avoir « jamais rien vendu »." \
		"L’inspecteur, Alain T., 58 ans, a adopté une autre ligne. « J’avais des dettes, je me suis laissé entraîner », a-t-il déclaré." \
		"L’une d’elles, une aide-soignante de 24 ans, a raconté avoir payé « parce que tout le monde le faisait ». « On me disait : sans ça, tu attends un an. »" \
		"Le maire de Pont-Audemer, Alexis Darmois-Lefort, dit regretter cette fermeture « qui n’est pas un cas isolé »." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Karim Bensaïd" "Alain T." "(unresolved)" "(unresolved)" "Alexis Darmois-Lefort" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: « les frères Bastien et Corentin Lavergne » then « Son frère » is Bastien' '
	printf "%s\n\n" "Titre de l’article" \
		"La grotte a été découverte par les frères Bastien et Corentin Lavergne. « On est passés par une chatière », se souvient Corentin Lavergne. Son frère se rappelle avoir « pensé tout de suite à Lascaux »." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*mention: / [/" >actual &&
	printf "%s\n" "Corentin Lavergne [Corentin Lavergne]" "Bastien Lavergne [Son frère]" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: photo credits, an unnamed vicar, opening participles, « Il raconte », « Un argument que balaie X »' '
	printf "%s\n\n" "Montpellier arrache le nul à Kiel, Guigou-Martin « fier de ses gars »" \
		"L’église, désacralisée en novembre, pourrait devenir un gîte. (Photo : Jean-Pierre Astruc / Ciric)" \
		"« Nous avons cherché pendant des années », assure le vicaire général du diocèse, qui a suivi le dossier." \
		"À Lavastrie, le maire, Bernard Cayrol, ne cache pas sa colère. « On nous a mis devant le fait accompli », lâche l’élu." \
		"« Nous ne vendons pas au plus offrant », assure le vicaire général." \
		"Joint par téléphone, Loïc Guénolé, chercheur à l’Ifremer, évoque des fonds plus chauds. « La langoustine ne peut pas fuir. »" \
		"Interrogé par l’AFP, un autre spécialiste, qui préfère ne pas être cité, se montre plus sévère : « Onze échantillons, c’est peu. »" \
		"Ce que dément un responsable de la préfecture, qui a souhaité rester anonyme. Il affirme que « 112 contrôles ont été réalisés »." \
		"Le troupeau appartient à Thierry Jourdan. Il raconte avoir découvert le carnage au lever du jour. « Des bêtes égorgées partout. »" \
		"Son entraîneur, Patrice Guigou-Martin, ne cachait pas sa satisfaction. Un argument que balaie Jérôme Castagnier, président du club. « La trésorerie, ce n’est pas un bas de laine. »" >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Patrice Guigou-Martin" "(unresolved)" "Bernard Cayrol" "(unresolved)" \
		"Loïc Guénolé" "(unresolved)" "(unresolved)" "Thierry Jourdan" "Jérôme Castagnier" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: « Son père », « l’entourage du président, X », an unbound role subject, a role two people hold' '
	printf "%s\n\n" "Titre de l’article" \
		"Yannick Le Floc’h pêche depuis trente ans. Kévin Le Floc’h, 24 ans, a rejoint son père il y a trois ans. « Je ne me vois pas faire autre chose », dit le jeune homme." \
		"Son père l’écoute en rangeant les filets. « Il a raison », glisse-t-il." \
		"« Tout est validé », fait savoir l’entourage du président du département, Patrick Gendrot, dans une réponse écrite." \
		"Le maire, Bernard Cayrol, espère un compromis. « On attend », lâche l’élu. Une proposition que l’évêché n’a pas rejetée, indique-t-on dans l’entourage de Mgr Didier Fabre-Lamothe." \
		"L’évêque de Saint-Flour, arrivé en 2025, a choisi de s’exprimer dans une lettre lue dimanche dans toutes les paroisses. « Une église n’est pas un musée », y écrit-il." \
		"« Nous avons épuisé nos réserves », prévient Anne Girardin-Mallet, présidente de l’université de Rouen. Sa présidente, Inès Belkacem-Roux, juge que « les jeunes seront sacrifiés »." \
		"Le ministre a promis une concertation. Sans convaincre Anne Girardin-Mallet. « Ce qu’il nous faut, c’est un budget », tranche la présidente rouennaise." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Kévin Le Floc’h" "Yannick Le Floc’h" "(unresolved)" "Bernard Cayrol" "Didier Fabre-Lamothe" \
		"Anne Girardin-Mallet" "Inès Belkacem-Roux" "Anne Girardin-Mallet" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: a headline role, a farmer, a nationality, a medium after à, a cyclist' '
	printf "%s\n\n" "Les agriculteurs bloquent la rocade, le préfet promet une réponse « sous quinze jours »" \
		"Le préfet de la Haute-Garonne, Pierre-André Durand-Vial, a reçu une délégation. Il a promis une réponse « sous quinze jours »." \
		"« On bloque parce qu’on n’a plus le choix », lance Mathieu Castagnac, président de la FDSEA. Le céréalier de Lanta affirme que le revenu a baissé de 30 %. « Le gasoil, les engrais, tout augmente. »" \
		"Romain Grévoz compte huit secondes d’avance sur le Danois Jonas Holm-Berg. Ce dernier a reconnu avoir « manqué de jambes » dans le final." \
		"« C’est une opération logique », explique au « Figaro » son directeur général, Bruno Faivre-Delcourt." \
		"Romain Grévoz s’empare du maillot jaune. « J’ai eu des frissons dans les derniers hectomètres », a savouré le Doubiste." >in.txt &&
	"$PRESSMARK" analyze in.txt >out.json &&
	python3 -c "import json; print(*[q[\"speaker\"][\"name\"] for q in json.load(open(\"out.json\"))[\"quotes\"] if q[\"kind\"] in (\"quote\", \"indirect\")], sep=\"|\")" >actual &&
	echo "Pierre-André Durand-Vial|Pierre-André Durand-Vial|Mathieu Castagnac|Mathieu Castagnac|Mathieu Castagnac|Jonas Holm-Berg|Bruno Faivre-Delcourt|Romain Grévoz" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: a regional demonym, a union after its noun, a described name, an unnamed fund manager, « a exprimé sa « … » », a « qui » clause' '
	printf "%s\n\n" "Dans la salle d’attente, Josiane, 74 ans, patiente depuis trois heures. « Je ne me plains pas », souffle la Briochine." \
		"L’infirmière Gaëlle Le Goff, déléguée du syndicat SUD Santé, parle d’un service « à bout de souffle »." \
		"Son chef, l’homme d’affaires en exil Ilan Shor-Vlad, a affirmé que le référendum était « truqué d’avance »." \
		"« Les résultats sont conformes », estime Karim Djebbar. Un gérant de fonds parisien, qui préfère rester anonyme, juge pour sa part que le dividende est « un message aux actionnaires »." \
		"La maire, Claire Dumontet, a exprimé sa « profonde tristesse »." \
		"« Je l’aimais », a répété Jordan V. La psychiatre qui a examiné l’accusé a estimé qu’il ne souffrait d’aucune pathologie." >in.txt &&
	"$PRESSMARK" analyze in.txt >out.json &&
	python3 -c "import json; print(*[q[\"speaker\"][\"name\"] for q in json.load(open(\"out.json\"))[\"quotes\"] if q[\"kind\"] in (\"quote\", \"indirect\")], sep=\"|\")" >actual &&
	echo "Josiane|Gaëlle Le Goff|Ilan Shor-Vlad|Ilan Shor-Vlad|Karim Djebbar|None|None|Claire Dumontet|Jordan V.|None" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: Me in an apposition, a party in parentheses, unnamed sources, an apposed noun' '
	cat >in.txt <<-\EOT &&
	« Il n’y a pas de préméditation », a indiqué à l’AFP son avocat, Me Karim Belkacem. « Il faut laisser l’enquête se faire. »

	Le rapporteur du budget, Charles Lenoir (Horizons), juge le calendrier « le seul raisonnable ».

	« Si ça continue, les marchés trancheront à notre place », s’alarme un député Renaissance. Un autre veut croire que « tout cela se réglera autour d’une table, comme toujours ».

	Erwan Guégan, le trésorier, tient les comptes depuis dix ans.

	« Quelques entreprises nous ont déjà contactés », glisse le trésorier.

	Selon un participant, Nicolas Dufresne a exclu toute hausse d’impôt. « Il écoute beaucoup, il ne promet rien », résume ce dirigeant.

	La présidente du groupe Les Républicains au Sénat, elle, juge la grève « disproportionnée ».

	À Bercy, on indique suivre le dossier « avec la plus grande attention ».
	EOT
	quote_speakers in.txt | sed "s/,.*mention: / [/" >actual &&
	cat >expected <<-\EOT &&
	Karim Belkacem [verb-after [Me Karim Belkacem]
	Karim Belkacem [follow-on [Me Karim Belkacem]
	Charles Lenoir [verb-before [Charles Lenoir]
	(unresolved) [verb-after [un député]
	(unresolved) [follow-on [un député]
	Erwan Guégan [verb-after+role [le trésorier]
	(unresolved) [verb-after [ce dirigeant]
	(unresolved) [verb-before+role-recent [La présidente du groupe Les Républicains]
	Bercy [verb-before+organisation [on]
	EOT
	test_cmp expected actual
'

test_expect_success 'France press: a headline role, apposed nouns, institutions, epithets, a role after an adverbial' '
	cat >in.txt <<-\EOT &&
	« Les ados ne manquent pas de volonté, ils manquent de sommeil » : une pédiatre alerte sur les écrans

	La pédiatre Noémie Castagnet, spécialiste du sommeil, décrypte la situation.

	Bertrand Chaumette, céréalier à Vouneuil, a pris la parole. Le céréalier reconnaît que les pratiques doivent évoluer.

	L’Office français de la biodiversité, de son côté, observe que les débits ont baissé de 30 % en vingt ans.

	Une initiative saluée par la Fédération des conseils de parents d’élèves (FCPE), qui réclame « des moyens concrets, pas seulement des affiches ».

	Même son de cloche chez Aurélien Tchouaméni. Le milieu du Real Madrid estime que les Bleus ont trop reculé.

	Le ministre de l’Économie, Nicolas Dufresne, reçoit les patrons. Emmanuel Macron doit réunir les ministres jeudi. D’ici là, le ministre de l’Économie entend garder son calendrier. « On me reproche d’être lent. Je préfère être juste », confiait-il.
	EOT
	"$PRESSMARK" analyze in.txt >out.json &&
	python3 -c "import json; print(*[q[\"speaker\"][\"name\"] for q in json.load(open(\"out.json\"))[\"quotes\"] if q[\"kind\"] in (\"quote\", \"indirect\")], sep=\"|\")" >actual &&
	echo "Noémie Castagnet|Bertrand Chaumette|Office français de la biodiversité|Fédération des conseils de parents d’élèves|Aurélien Tchouaméni|Nicolas Dufresne" >expected &&
	test_cmp expected actual
'

test_expect_success 'France press: epithets, a landlord, lawyers, initials, first names, infinitives' '
	cat >in.txt <<-\EOT &&
	Il était 2 heures quand Mamadou Keita a été réveillé par la fumée. « J’ai entendu les petits crier », raconte ce chauffeur de bus de 41 ans.

	Dans l’immeuble, géré par le bailleur Plaine Commune Habitat, les habitants se plaignent. Contacté, le bailleur assure avoir « programmé des travaux ». Il rappelle que les détecteurs relèvent des locataires.

	L’avocate générale, Sandrine Mauriac, a requis vingt ans. « Laura ne vivait plus », a-t-elle martelé.

	L’avocat des parties civiles, Me Julien Castagné, a insisté sur les signaux manqués. Pour Me Hélène Garrigues, son client « n’est pas un monstre ». « Ce n’est pas une excuse, c’est une explication », a souligné l’avocate.

	Le procès de Jordan V., 29 ans, s’ouvre. Dans le box, Jordan V. est resté impassible. « Je l’aimais », avait-il répété.

	« On revit tout. Chaque détail », a confié son frère, Anthony, à la sortie de l’audience.

	Au Rassemblement national, Jordan Bardella a de nouveau réclamé une dissolution : « Qu’on leur rende la parole. »

	Emmanuel Macron s’est gardé de tout commentaire, se contentant d’appeler le gouvernement à « l’efficacité ».
	EOT
	"$PRESSMARK" analyze in.txt >out.json &&
	python3 -c "import json; print(*[q[\"speaker\"][\"name\"] for q in json.load(open(\"out.json\"))[\"quotes\"] if q[\"kind\"] in (\"quote\", \"indirect\")], sep=\"|\")" >actual &&
	echo "Mamadou Keita|Plaine Commune Habitat|Plaine Commune Habitat|Sandrine Mauriac|Hélène Garrigues|Hélène Garrigues|Hélène Garrigues|Jordan V.|Anthony|Jordan Bardella|Emmanuel Macron" >expected &&
	test_cmp expected actual
'

test_expect_success 'French « lui a répondu le maire » gives the quote to the mayor' '
	printf "%s\n" "« Vous avez laissé la ville », a lancé Thomas Roy. « C’est indigne », lui a répondu le maire, Pierre Hurmic." >in.txt &&
	quote_speakers in.txt >actual &&
	grep -q "^Pierre Hurmic \[verb-after" actual &&
	! grep -q "mention: lui" actual
'

test_expect_success 'French press cues: a named medium, an organisation side, a colon lead-in' '
	printf "%s\n\n" "« Le choix est fait », a lancé mardi sur France Inter le ministre délégué chargé de l’Europe, Benoît Laffargue." \
		"Du côté de la CGT, on dénonce un « budget d’austérité qui ne dit pas son nom »." \
		"Même son de cloche chez Hélène Dufresne, présidente de la commission : « Le budget est en pièces détachées. »" \
		"Son voisin se montre plus enthousiaste : « Le bâtiment est magnifique. »" \
		"« Ça va coincer dans nos circonscriptions », glisse un député Renaissance." \
		"« C’est un effort sans précédent », s’est félicité le Premier ministre, Michel Barnier." \
		"« Nous serons attentifs », a réagi auprès de l’AFP une source au sein de la majorité." \
		"Le patron des Républicains, Laurent Wauquiez, s’est montré plus nuancé : « Il y a du bon. »" \
		"Selon Matignon, « rien n’est tranché »." >in.txt &&
	quote_speakers in.txt | sed "s/,.*mention: / [/" >actual &&
	cat >expected <<-\EOT &&
	Benoît Laffargue [verb-after [Benoît Laffargue]
	CGT [verb-before+organisation [on]
	Hélène Dufresne [colon [Hélène Dufresne]
	(unresolved) [colon [Son voisin]
	(unresolved) [verb-after [un député]
	Michel Barnier [verb-after [Michel Barnier]
	(unresolved) [verb-after [une source]
	Laurent Wauquiez [colon [Laurent Wauquiez]
	Matignon [source [Matignon]
	EOT
	test_cmp expected actual
'

test_expect_success 'a masculine role skips the woman who spoke last; a role after a subject is that person' '
	printf "%s\n\n" "Isabelle Le Goff a visité le chantier avec l’adjoint au commerce, Yves Moal. La maire de Quimperlé était soulagée." \
		"« On a tenu les délais », a-t-elle glissé. L’élue a rappelé que le chantier avait été arrêté dix semaines." \
		"« Les commerçants ont été patients », confie l’élu." \
		"Anne Kerhervé assure que le budget est tenu. La maire a invité les commerçants. « La porte reste ouverte », a-t-elle souri." >in.txt &&
	"$PRESSMARK" analyze in.txt >out.json &&
	python3 -c "import json; print(*[q[\"speaker\"][\"name\"] for q in json.load(open(\"out.json\"))[\"quotes\"] if q[\"kind\"] == \"quote\"], sep=\"|\")" >actual &&
	echo "Isabelle Le Goff|Yves Moal|Isabelle Le Goff" >expected &&
	test_cmp expected actual
'

test_expect_success 'a quotation paragraph without a cue goes to the speaker who then « poursuit »' '
	printf "%s\n\n" "« Rien ne bouge », a déclaré Marine Dupuis." \
		"La directrice de l’hôpital, Agnès Ferrand, a reçu les syndicats mercredi." \
		"« Ce plan répond à l’urgence. Nous ne pouvions plus attendre. »" \
		"« Les recrutements commenceront dès janvier », a poursuivi la directrice." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*//" >actual &&
	printf "%s\n" "Marine Dupuis" "Agnès Ferrand" "Agnès Ferrand" >expected &&
	test_cmp expected actual
'

test_expect_success 'a demonym after « le » stands for a person, like a role noun' '
	printf "%s\n\n" "Jonas Vingegaard a reconnu sa défaite. « Il était plus fort », a-t-il dit." \
		"« On ne lâche rien », a prévenu le Danois." \
		"Romain Bardet a abandonné. « Mon corps a dit stop », a confié le Drômois." >in.txt &&
	quote_speakers in.txt | sed "s/ \[.*mention: / [/" >actual &&
	printf "%s\n" "Jonas Vingegaard [il]" "Jonas Vingegaard [le Danois]" "Romain Bardet [le Drômois]" >expected &&
	test_cmp expected actual
'

test_expect_success 'an -ment adverb after the auxiliary keeps the speech verb a verb' '
	echo "Son avocat, Rodolphe Bosselut, a immédiatement annoncé qu’elle ferait appel." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt | grep ": indirect " | sed "s/.* -- //; s/ \[.*//" >actual &&
	echo "Rodolphe Bosselut" >expected &&
	test_cmp expected actual
'

# speaker_names FILE: the Name part of each quote and indirect line of
# `analyze --format text`, "(unresolved)" when there is none
speaker_names() {
	"$PRESSMARK" analyze --format text "$1" >out &&
	grep -E ": (quote|indirect) " out | sed "s/.* -- //; s/ \[.*//"
}

# A name apposed after an inverted subject names the speaker, whatever
# the noun before it: a described person (« un résident »), an indefinite
# "one resident", a role with an English "for" complement.
test_expect_success 'a name apposed after an inverted subject is the speaker' '
	printf "%s\n\n" "« Ce serait fini en juin », déplore un résident, Amir Khan." >fr.txt &&
	printf "%s\n\n" "\"We were told June,\" said one resident, Amir Khan." \
		"\"It is too late,\" said a spokesperson for the ministry, Julie Roy." >en.txt &&
	speaker_names fr.txt >actual &&
	speaker_names en.txt >>actual &&
	printf "%s\n" "Amir Khan" "Amir Khan" "Julie Roy" >expected &&
	test_cmp expected actual
'

test_expect_success 'a pronoun after a quoted sentence is its speaker, not the party before' '
	echo "The NDP said the plan did not go far enough. \"It is a start,\" said Niki Ashworth, the NDP critic. She said her party would push for more." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" NDP "Niki Ashworth" "Niki Ashworth" >expected &&
	test_cmp expected actual
'

test_expect_success 'a one-word organisation never takes he or she' '
	printf "%s\n\n" "At trial, the Crown argued that the officers had reasonable grounds to act." \
		"She wrote that the officers had no information at all." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" Crown "(unresolved)" >expected &&
	test_cmp expected actual
'

test_expect_success '"the minister" is not the prime minister; "the judge" is Justice X' '
	printf "%s\n\n" "Finance Minister Claire Dubois announced the cap on Tuesday." \
		"Prime Minister Mark Halvorsen told reporters that the change was fair." \
		"The minister said she expected pushback from the industry." \
		"Justice Harriet Lindqvist released her ruling on Monday. The judge rejected that argument. She wrote that the search was unlawful." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Mark Halvorsen" "Claire Dubois" "Harriet Lindqvist" >expected &&
	test_cmp expected actual
'

test_expect_success 'singular they goes to the person given they/them pronouns' '
	printf "%s\n\n" "Emergency nurse Sam Lefebvre, who uses they/them pronouns, says the waiting room is full." \
		"\"Some nights we have people in the hallway for 20 hours,\" they said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Sam Lefebvre" "Sam Lefebvre" >expected &&
	test_cmp expected actual
'

test_expect_success 'Canadian press names: X of Place, plural possessives, firms with commas, titles' '
	printf "%s\n\n" "Jessica Moreau of Ottawa says her children have had two colds." \
		"The Ontario Nurses'"'"' Association says nurses are leaving for private agencies." \
		"Irene Castonguay, an analyst at Hartley, Moss & Ruel Securities Inc., said the pressure would last." \
		"\"We need more housing,\" Coun. Amira Haddad said." \
		"\"It was bad,\" said season-ticket holder Raj Sandhu, 52, of Brampton." \
		"Two retirees from Scarborough, who asked that their names not be used, said they had given up." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Jessica Moreau" "Ontario Nurses'"'"' Association" "Irene Castonguay" \
		"Amira Haddad" "Raj Sandhu" "(unresolved)" >expected &&
	test_cmp expected actual
'

test_expect_success '"charge" reports only before "that"; "what X called" and "reported a drop" report no clause; "Corp." ends a name' '
	printf "%s\n\n" "OTTAWA — The government will cap the fees that card companies charge small businesses, Finance Minister Claire Dubois announced Tuesday." \
		"Critics charged that the plan was rushed." \
		"He missed the game with what the team called an upper-body injury." \
		"Northland Foods Ltd. reported a 14-per-cent drop in profit as shoppers switched to discount stores." \
		"Canada Mortgage and Housing Corp. said in its outlook that starts would fall." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt | grep -E ": (quote|indirect) " | sed "s/^in.txt:[0-9:]* //; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	indirect "The government will cap the fees that card companies charge small businesses" -- Claire Dubois
	indirect "the plan was rushed" -- (unresolved)
	indirect "starts would fall" -- Canada Mortgage and Housing Corp.
	EOT
	test_cmp expected actual
'

test_expect_success '"the 24-year-old" is the person named before' '
	printf "%s\n\n" "Nikita Kovalenko scored twice." \
		"\"I was thinking too much,\" said the 24-year-old, who signed an extension." \
		"Sarah Chen has waited 14 months for a doctor." \
		"The 34-year-old Vancouver resident says she has called every clinic." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Nikita Kovalenko" "Sarah Chen" >expected &&
	test_cmp expected actual
'

test_expect_success 'an English straight quotation opened after a colon runs on into the next paragraph' '
	printf "%s\n\n" "In her speech, Joly said: \"Canada will not be intimidated. We have friends." \
		"\"We will keep standing up for the rules, because that keeps Canadians safe.\"" \
		"Critics were unmoved." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt | grep ": quote " | sed "s/^in.txt:[0-9:]* //; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	quote "Canada will not be intimidated. We have friends." -- Joly
	quote "We will keep standing up for the rules, because that keeps Canadians safe." -- Joly
	EOT
	test_cmp expected actual
'

# Batch 11: English press in styles the earlier batches lacked (AP wire,
# UK broadsheet single quotes, court, sport, health, a politics scoop, a
# live blog, an op-ed with comments), annotated before the first run; the
# first contact scored speaker accuracy 0.725, quote+indirect F1 0.926.
# Floors sit just below the figures reached after the rules it prompted
# (1.000, 0.976, 0.975).  Batch 12 was written after those rules and
# scored 1.000, 0.948, 0.857 at first contact; now 1.000, 0.971, 0.985.
# Batch 13, written after batch 12's: 1.000, 0.963, 0.795; now 1.000,
# 0.988, 0.902.  Batch 14, after batch 13's: 1.000, 0.971, 0.853; now
# 1.000, 0.971, 0.971.  Batch 16 (seven articles in Canadian styles:
# Canadian Press, CBC, Globe and Mail business, Toronto Star city hall, a
# B.C. court ruling, a National Post column with comments, a Maple Leafs
# game): first contact 1.000, 0.953, 0.842; now 1.000, 0.982, 0.982.
# The rules it prompted also lifted batch 13 to 0.988, 0.951 and batch 14
# to 0.986, 0.971.
test_expect_success 'held-out batches 11 to 16 (English press styles) stay above their floor' '
	floors 0.98 0.96 0.96 "$A"/heldout11/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.98 0.96 0.97 "$A"/heldout12/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.98 0.97 0.94 "$A"/heldout13/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.98 0.96 0.96 "$A"/heldout14/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.98 0.97 0.97 "$A"/heldout16/en-*.txt &&
	grep -q "^speaker accuracy" out
'

test_expect_success 'a one-word second reference is a surname, even one that is a first name' '
	printf "%s\n\n" "Chief Lena Paul of Stony Brook First Nation says her community is tired of waiting." \
		"Minister Paul Ferland did not respond." \
		"\"We were told six months,\" Paul said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Lena Paul" "Lena Paul" >expected &&
	test_cmp expected actual
'

test_expect_success 'Elder is a title; an unnamed administrator or "One engineer" keeps the pronoun after it' '
	printf "%s\n\n" "Lena Paul says her community is tired of waiting." \
		"Elder Margaret Francis, 81, remembers the brook." \
		"\"The water was clean,\" she said." \
		"A former band administrator, who asked not to be named, said the community lost a year." \
		"\"There is enough blame to go around,\" she said." \
		"One engineer, who asked not to be named, said the process had been \"cold and confusing.\"" \
		"\"Nobody called me,\" the engineer said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Lena Paul" "Margaret Francis" "(unresolved)" "(unresolved)" "(unresolved)" "(unresolved)" \
		"(unresolved)" >expected &&
	test_cmp expected actual
'

test_expect_success 'an indefinite role is someone new; "Asked …, X laughed." gives X the next pronoun' '
	printf "%s\n\n" "\"We need help,\" said Const. Marc Tessier, a spokesperson for the service." \
		"A city spokesperson said the review was \"well under way\" and would go to committee." \
		"A senior U.S. administration official said the President was \"open to a conversation\" with Canada." \
		"Nick Ashdown scored twice. \"It is a cool number,\" he said." \
		"Asked whether the streak was sustainable, Rick Bouchard laughed." \
		"\"Ask me in April,\" he said." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote " out | sed "s/.* -- //; s/ \[.*//" >actual &&
	printf "%s\n" "Marc Tessier" "(unresolved)" "(unresolved)" "Nick Ashdown" "Rick Bouchard" >expected &&
	test_cmp expected actual
'

test_expect_success '"X Y of Place" with an unlisted first name is X Y; "and" inside a Corporation name' '
	printf "%s\n\n" "Mortgage broker Sandeep Gill of Brampton says many of his clients are choosing shorter terms." \
		"About 1.2 million mortgages come up for renewal in 2027, according to the Canada Mortgage and Housing Corporation." \
		"Royal Bank of Canada said the economy was slowing down this year." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Sandeep Gill" "Canada Mortgage and Housing Corporation" "Royal Bank of Canada" >expected &&
	test_cmp expected actual
'

test_expect_success '"the central bank" is the Bank of Canada named before; a body opening the sentence says "…, saying"' '
	printf "%s\n\n" "The Bank of Canada held its key rate on Wednesday, saying the economy was slowing." \
		"In its announcement, the central bank said inflation remained \"sticky\" over the fall." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Bank of Canada" "Bank of Canada" "Bank of Canada" >expected &&
	test_cmp expected actual
'

test_expect_success '"X of the collision unit told …" speaks; "said advisories tend to drag on" reports a clause' '
	printf "%s\n\n" "Staff Sgt. Heather Quinlan of the collision investigation unit told reporters at the scene that the road would stay closed." \
		"Keisha Marshall said advisories tend to drag on when a community relies on a single operator." \
		"Mayor Linda Park urged the governor to sign the bill." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/^in.txt:[0-9:]* //; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	indirect "the road would stay closed" -- Heather Quinlan
	indirect "advisories tend to drag on when a community relies on a single operator" -- Keisha Marshall
	EOT
	test_cmp expected actual
'

test_expect_success '"…, but economists say" reports the clause after it' '
	printf "%s\n" "The bank held its rate, but economists say a spring cut is still on the table." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q ": indirect \"a spring cut is still on the table\" -- (unresolved)" out
'

test_expect_success 'MLA, MPP, MNA, MHA are roles: "Nunavut MLA Kiah Ipeelie" is Kiah Ipeelie' '
	printf "%s\n\n" "Nunavut MLA Kiah Ipeelie, whose riding includes Kimmirut, said the territory has relied on one sailing." \
		"\"We should not be surprised,\" she said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Kiah Ipeelie" "Kiah Ipeelie" >expected &&
	test_cmp expected actual
'

test_expect_success '"the Department of Community and Government Services" is read whole, then is "the department"' '
	printf "%s\n\n" "The territory'"'"'s Department of Community and Government Services confirmed on Tuesday that the vessel would not complete its final run." \
		"That is unlikely, according to the department." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Department of Community and Government Services" "Department of Community and Government Services" >expected &&
	test_cmp expected actual
'

test_expect_success '"the Celtics star" is the person the paragraph before opened with' '
	printf "%s\n\n" "Jaylen Brooks led Boston with 29 points." \
		"\"That is on all of us,\" Celtics coach Joe Mazzulla-Grant said." \
		"Brooks, asked about Okafor, did not hold back." \
		"\"He is a problem,\" the Celtics star said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Joe Mazzulla-Grant" "Jaylen Brooks" >expected &&
	test_cmp expected actual
'

test_expect_success '"The coach credited Delahaye …" leaves the next pronoun to the coach' '
	printf "%s\n\n" "Marcus Delahaye added 21 points." \
		"\"We had a real conversation,\" Raptors coach Darko Novak said." \
		"The coach credited Delahaye for organizing the defence." \
		"\"Marcus is our voice out there,\" he said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Darko Novak" "Darko Novak" >expected &&
	test_cmp expected actual
'

test_expect_success '"the official" far below an unnamed official stays that unnamed official' '
	printf "%s\n\n" "A White House official, who briefed reporters on condition of anonymity, said the first crossings would be in Michigan." \
		"Mayor Drew Dilkens-Barr said local businesses were nervous." \
		"\"Nobody wants to go through that again,\" Dilkens-Barr said." \
		"Asked whether the measures were permanent, the official said only that they would be \"reviewed regularly.\"" >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "(unresolved)" "Drew Dilkens-Barr" "Drew Dilkens-Barr" "(unresolved)" "(unresolved)" >expected &&
	test_cmp expected actual
'

test_expect_success '", the White House said Wednesday, a move …" attributes the clause; a body'"'"'s figures speak for no one' '
	printf "%s\n\n" "The United States will begin screening at a dozen crossings early next year, the White House said Wednesday, a move Canadian officials warn could snarl trade." \
		"According to U.S. Customs and Border Protection figures, less than one per cent of the fentanyl was caught at the northern border." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/^in.txt:[0-9:]* //; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	indirect "The United States will begin screening at a dozen crossings early next year" -- White House
	EOT
	test_cmp expected actual
'

test_expect_success '"Cpl. X" makes "the corporal" X; "told The Canadian Press the deal …" reports the deal' '
	printf "%s\n\n" "RCMP Cpl. Janelle Shoihet said officers found the vehicle near Surrey." \
		"\"We are asking anyone with video to call us,\" the corporal said." \
		"A source familiar with the matter told The Canadian Press the deal could close by March." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -E ": (quote|indirect) " out | sed "s/^in.txt:[0-9:]* //; s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	indirect "officers found the vehicle near Surrey" -- Janelle Shoihet
	quote "We are asking anyone with video to call us," -- Janelle Shoihet
	indirect "the deal could close by March" -- (unresolved)
	EOT
	test_cmp expected actual
'

test_expect_success '"who asked that her last name not be used" reports nothing' '
	printf "%s\n" "\"I had no choice,\" said Maria, who asked that her last name not be used because she fears losing her job." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q ": quote .* -- Maria" out &&
	! grep -q ": indirect " out
'

test_expect_success '"The Globe and Mail reported" is one name' '
	printf "%s\n" "The Globe and Mail reported last week that the deal was close." >in.txt &&
	speaker_names in.txt >actual &&
	echo "Globe and Mail" >expected &&
	test_cmp expected actual
'

test_expect_success '"a spokesperson for Health Minister X said" stays unnamed' '
	printf "%s\n" "Asked about the report, a spokesperson for Health Minister Mark Holland said the government was reviewing it." >in.txt &&
	speaker_names in.txt >actual &&
	echo "(unresolved)" >expected &&
	test_cmp expected actual
'

test_expect_success 'a short quotation inside a clause closed by an attribution leaves the clause reported' '
	printf "%s\n" "Critics called the plan \"dead on arrival\" in a letter to the editor, the senator said Tuesday." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q ": indirect .Critics called the plan .dead on arrival. in a letter to the editor. -- (unresolved)" out &&
	printf "%s\n" "The plan is \"dead on arrival,\" Smith said." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	! grep -q ": indirect " out
'

test_expect_success '"Chief Wilfred King of Gull Bay First Nation" is Wilfred King' '
	printf "%s\n" "Chief Wilfred King of Gull Bay First Nation told APTN News the community had been ignored." >in.txt &&
	speaker_names in.txt >actual &&
	echo "Wilfred King" >expected &&
	test_cmp expected actual
'

# Batch 26 (six articles in Canadian styles the earlier batches lacked:
# CTV local police, CBC Atlantic with a First Nation chief, Globe Ottawa
# politics with US news, a Star investigation with quotes across
# paragraphs, a CP hockey game, Global business with analysts and reader
# comments), annotated before the first run: first contact 0.988, 0.967,
# 0.832 (99/119).  Batch 29 (four articles: CBC North, a National Post
# column, a CP basketball game, CTV's Washington bureau), written and
# committed after batch 26's rules and before any run: first contact
# 1.000, 0.968, 0.867 (65/75; the session-start binary 0.853).  Floors
# sit just below the figures reached after the rules they prompted
# (batch 26: 0.988, 0.984, 1.000; batch 29: 1.000, 0.987, 1.000).
test_expect_success 'held-out batches 26 and 29 (Canadian English press) stay above their floor' '
	floors 0.98 0.98 0.99 "$A"/heldout26/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.98 0.99 "$A"/heldout29/en-*.txt &&
	grep -q "^speaker accuracy" out
'

test_expect_success 'US/UK press: told X:, a spokesman for a body, unnamed roles, an opening phrase, adding that, initialisms, an age, an unheld office, a plural group, told a named hearer, the utility, a body across of and and' '
	printf "%s\n\n" "\"We are sorry,\" Ferry firm director Neil Ferguson said." \
		"The director of operations, Neil Ferguson, told BBC Scotland: \"We expect the vessel back next week.\"" \
		"A spokesman for the health board said medicines could be flown in if needed." \
		"The district'\''s lawyer told the board that a delay would cost a grant." \
		"\"The state does not give extensions,\" the lawyer said." \
		"An executive at the chip unit of a German carmaker said the merged company would control the market." \
		"On a recent afternoon, Hadley'\''s wife, Judy Hadley, brought coffee out to the pickup." \
		"\"He won'\''t say it,\" she said." \
		"The regulator is also reviewing the deal, a second person familiar with the matter said, adding that a decision was not expected soon." \
		"NHS Western Isles said no patient had missed urgent treatment." \
		"The eruption began late on Wednesday, the Icelandic Meteorological Office said in a statement." \
		"A record 3 million people will fly on Sunday, according to the Transportation Security Administration." \
		"The busiest day is expected to be Sunday, the TSA said." \
		"\"Local issues dominated the campaign,\" said Margaret Ellis, 71, a retired nurse." \
		"The chancellor said: \"By-elections are always difficult.\"" \
		"She added that the government would keep delivering." \
		"The Blue Lagoon was closed as a precaution, its operator said." \
		"Airlines said they were adding flights. United Airlines said it had waived change fees." \
		"The town was emptied within an hour, civil protection chief Gunnar Olafsson told public broadcaster RUV." \
		"Southern California Edison said it had cut power. The utility said the cause was under investigation." \
		"The fire had burned 4,200 acres, according to the California Department of Forestry and Fire Protection." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Neil Ferguson" "Neil Ferguson" "(unresolved)" "(unresolved)" "(unresolved)" "(unresolved)" \
		"Judy Hadley" "(unresolved)" "(unresolved)" "NHS Western Isles" "Icelandic Meteorological Office" \
		"Transportation Security Administration" "Transportation Security Administration" "Margaret Ellis" \
		"(unresolved)" "(unresolved)" "(unresolved)" "(unresolved)" "United Airlines" "Gunnar Olafsson" \
		"Southern California Edison" "Southern California Edison" \
		"California Department of Forestry and Fire Protection" >expected &&
	test_cmp expected actual
'

# "The utility said" takes the organisation that spoke last; a surname
# alone (the full name not given, or not caught) may be a person's.
test_expect_success 'US/UK press: "the company said" after a bare surname is no company' '
	printf "%s\n\n" "Prices rose in March, Smith said." \
		"\"Demand was strong,\" the company said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" Smith "(unresolved)" >expected &&
	test_cmp expected actual
'

# "Airlines said" is a group even beside "United Airlines"; a person's
# surname that reads as a plural noun ("Banks") stays that person's.
test_expect_success 'US/UK press: a surname that reads as a plural noun is the person named before' '
	printf "%s\n\n" "Tony Banks, a local resident, spoke on Monday." \
		"\"It is a mistake,\" Banks said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Tony Banks" >expected &&
	test_cmp expected actual
'

# An interview's chapeau (« X … Entretien. ») names the speaker of the
# headline quotation before it, even when the quotation got a follow-on
# guess from the paragraph before (a live blog's last entry, say); only a
# name the headline itself gives stays.
test_expect_success 'an interview chapeau names its headline quotation over a follow-on guess' '
	printf "%s\n" "16 h 40 - Paul Ravel, président du groupe centriste, a assuré que ses députés ne voteraient « pas le texte »." \
		"« Les écoles tiennent grâce à l'"'"'engagement des enseignants »" "" \
		"Directrice d'"'"'école à Lyon depuis douze ans, Anne Roux a été élue présidente du syndicat des chefs d'"'"'établissement en mars. Entretien." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Paul Ravel" "Paul Ravel" "Anne Roux" >expected &&
	test_cmp expected actual
'

# Batch 38 (five US/UK articles: a Reuters antitrust story with anonymous
# sources, a BBC island story with READ MORE lines and an embedded post, an
# NPR feature with two Hadleys, a US local school board with an unnamed
# lawyer, a Guardian restitution story with long appositions), annotated
# before the first run: first contact 0.992, 0.966, 0.838 (83/99).  Batch
# 38b (three more: AFP Iceland with two Olafssons, Sky News by-election
# with an unnamed chancellor, USA TODAY travel with a husband and wife),
# written and committed after batch 38's rules and before any run: first
# contact 1.000, 0.990, 0.880 (44/50; main's binary the same).  Floors sit
# just below the figures after the rules they prompted (batch 38: 0.992,
# 0.976, 1.000; batch 38b: 1.000, 1.000, 1.000).  Batch 38c (three more:
# AP wildfire, BBC Sport manager sacked, Reuters oil), written after batch
# 38b's rules and committed before any run: first contact 1.000, 0.963,
# 0.923 (36/39; the session-start binary the same); after its rules 0.974.
test_expect_success 'held-out batches 38, 38b and 38c (US/UK English press) stay above their floor' '
	floors 0.99 0.97 0.99 "$A"/heldout38/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.99 0.99 "$A"/heldout38b/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.95 0.94 "$A"/heldout38c/en-*.txt &&
	grep -q "^speaker accuracy" out
'

test_expect_success 'English: "who spoke on condition that he not be named" leaves the speaker unnamed' '
	printf "%s\n\n%s\n" "Its director, Simon Pryce, said the bid was \"fair and generous\" to shareholders." \
		"A senior executive at a rival company, who spoke on condition that he not be named, said the offer was \"a lowball with a long fuse.\"" >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Simon Pryce" "Simon Pryce" "(unresolved)" "(unresolved)" >expected &&
	test_cmp expected actual
'

test_expect_success 'English: a lede role is the person the next paragraph names with that title' '
	printf "%s\n\n%s\n" "Every patrol officer will wear a body camera by 2028, the city'"'"'s police chief announced Tuesday." \
		"\"The pilot told us what we hoped it would tell us,\" said Chief Darlene Sinclair-Ross at a news conference." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Darlene Sinclair-Ross" "Darlene Sinclair-Ross" >expected &&
	test_cmp expected actual
'

test_expect_success 'English: the place closing a whose-clause is not the subject' '
	printf "%s\n" "Marc Lavallee, whose two children attend a school in Prince Albert, said he supports the teachers." >in.txt &&
	speaker_names in.txt >actual &&
	echo "Marc Lavallee" >expected &&
	test_cmp expected actual
'

# Batch 36 (six articles: HuffPost Canada child care, a CP Prairie wire,
# a Globe and Mail takeover with Mr./Ms. second references, CBC
# Saskatchewan with an embedded post, a National Post committee hearing,
# a Star transit story), annotated before the first run: first contact
# 0.989, 0.945, 0.814 (96/118).  Batch 36b (four articles: CTV Montreal,
# Global News B.C., a CP curling final, CBC Winnipeg), written and
# committed after batch 36's rules and before any run: first contact
# 1.000, 0.959, 0.786 (55/70, the same as the session-start binary).
# Floors sit just below the figures reached after the rules they
# prompted (batch 36: 0.989, 0.949, 0.992; batch 36b: 1.000, 0.966, 0.873,
# then 0.915 with session 7's shared-surname rule).
test_expect_success 'held-out batches 36 and 36b (Canadian English press) stay above their floor' '
	floors 0.98 0.94 0.99 "$A"/heldout36/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.96 0.91 "$A"/heldout36b/en-*.txt &&
	grep -q "^speaker accuracy" out
'

# Session 7 (QE7, Canadian English).  An embedded post as scrapers deliver
# it: the post's text quoted in a paragraph of its own, then its signature
# line "— Display Name (@handle) date".
test_expect_success 'English: an embedded post'"'"'s signature line names its quotation' '
	printf "%s\n\n" "Bill Hart, the band'"'"'s lawyer, said the claim was sound." \
		"\"We have waited 119 years. Canada must sign now. #LandBack\"" \
		"— Assembly of Manitoba Chiefs (@AMC_Manitoba) November 26, 2026" >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Bill Hart" "Assembly of Manitoba Chiefs" >expected &&
	test_cmp expected actual
'

# "'…': Jail guard tells inquest": one capital word before a lowercase role
# or institution noun is the headline's first word, not a person named Jail
# whom "the officer" below would then stand for.
test_expect_success 'English: "'"'"'…'"'"': Jail guard tells inquest" names no one called Jail' '
	printf "%s\n\n%s\n" "'"'"'I should have gone in'"'"': Jail guard tells inquest he did not open cell door" \
		"Correctional officer testified that staffing shortages left one guard watching two ranges" >in.txt &&
	"$PRESSMARK" analyze --format json in.txt >out &&
	! grep -q "\"Jail\"" out
'

# Two people of one surname: the press names the second in full each time,
# so a surname alone stays with the one it already stood for, unless the
# newcomer spoke last.
test_expect_success 'English: a surname alone stays with the person it stood for, not a newcomer of that surname' '
	printf "%s\n\n" "Coun. Devon Arulanandam moved a motion to delay the sites." \
		"\"Nobody knocked on a single door,\" Arulanandam said." \
		"Coun. Priya Arulanandam, who is not related to him, voted for the plan." \
		"\"The sky did not fall,\" Priya Arulanandam said." \
		"Mayor Olivia Chow said she would write to Ottawa." \
		"Arulanandam said he would bring the motion back in December." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Devon Arulanandam" "Priya Arulanandam" "Olivia Chow" "Devon Arulanandam" >expected &&
	test_cmp expected actual &&
	printf "%s\n\n" "Civil protection chief Gunnar Olafsson said the town was emptied." \
		"\"Most residents have already left,\" Olafsson said." \
		"Bjarni Olafsson, a fisherman, said he had moved his boat." \
		"\"It starts again,\" Olafsson said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Gunnar Olafsson" "Gunnar Olafsson" "Bjarni Olafsson" "Bjarni Olafsson" >expected &&
	test_cmp expected actual
'

# "'We're stuck': Gabriola residents fume": no one called Gabriola, and
# the words the headline opens with, however few, are the speaker's who
# says them in the body; "The Ontario Chamber of Commerce says" is one name.
test_expect_success 'English: a short opening headline quotation takes the body'"'"'s speaker; a Chamber of Commerce is one name' '
	printf "%s\n\n" "'"'"'We'"'"'re stuck'"'"': Gabriola residents fume as ferries cancel sailings" \
		"Kate Doyle, who commutes to a nursing job, said she has missed three shifts." \
		"\"We'"'"'re stuck. If I miss the 6:10, I don'"'"'t get to work,\" Doyle said." \
		"The Ontario Chamber of Commerce says the fund is \"a good start\" for manufacturers." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Kate Doyle" "Kate Doyle" "Kate Doyle" "Ontario Chamber of Commerce" \
		"Ontario Chamber of Commerce" >expected &&
	test_cmp expected actual
'

# Batch 39 (six articles: CityNews council with two councillors of one
# surname, an Ottawa Citizen inquest with a question-and-answer exchange, an
# APTN land claim with an embedded post, a Montreal Gazette sentencing, a
# Winnipeg Free Press game story, a Chronicle Herald health story with an
# interview), annotated before the first run: first contact 0.994, 0.980,
# 0.870 (107/123).  Batch 39b (five articles: Vancouver Sun utility rates,
# a CP labour wire, a CBC live blog, a Global News study, CTV Vancouver
# Island ferries), written after batch 39's rules and committed before any
# run: first contact 0.981, 0.944, 0.917 (77/84; the session-start binary
# the same).  Batch 39c (four articles: a Toronto Star Q&A, a CP sports
# wire, a Financial Post central-bank story, CBC Yukon), written after 39b's
# rules: first contact 1.000, 0.964, 0.870 (47/54; the session-start binary
# the same).  Batch 39d (four articles: a Calgary Herald first-person
# column, a Globe committee hearing with a French quotation, CBC Manitoba
# RCMP, CTV Kitchener layoffs), written after 39c's rules: first contact
# 1.000, 0.934, 0.930 (53/57; the session-start binary the same).  Floors
# sit just below the figures reached (batch 39: 0.994, 0.984, 0.895; batch
# 39b: 0.981, 0.944, 0.940; batch 39c: 1.000, 0.964, 0.889; batch 39d:
# 1.000, 0.943, 0.948).
test_expect_success 'held-out batches 39 to 39d (Canadian English press) stay above their floor' '
	floors 0.99 0.98 0.89 "$A"/heldout39/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.98 0.94 0.93 "$A"/heldout39b/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.96 0.83 "$A"/heldout39c/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.93 0.94 "$A"/heldout39d/en-*.txt &&
	grep -q "^speaker accuracy" out
'

# "'…': TTC's new CEO on …": a possessor after a headline's colon is no
# speaker (the CEO is).
test_expect_success 'English: a headline possessor after the colon is no speaker' '
	printf "%s\n\n%s\n" "'"'"'The subway is not going to fix itself'"'"': TTC'"'"'s new CEO on delays and fares" \
		"She sat down with the Star on Tuesday." >in.txt &&
	"$PRESSMARK" analyze --format json in.txt >out &&
	grep -q "fix itself" out &&
	! grep -q "\"TTC\"" out
'

# A deck opening on a capitalised role and its verb ("Judge calls scheme
# 'calculated and cruel'") is that role's, whom the body names; a live
# blog heading without a quotation ("Governor says 1,100 troops deployed")
# still reports nothing.
test_expect_success 'English: a deck'"'"'s capitalised role before its verb is the person the body names' '
	printf "%s\n\n" "Laval contractor sentenced to 30 months for fraud" \
		"Judge calls scheme '"'"'calculated and cruel,'"'"' orders restitution" \
		"Quebec Court Judge Hélène Marchildon-Roy handed down the sentence Wednesday, calling the scheme \"calculated and cruel.\"" \
		"Governor says 1,100 National Guard troops deployed" >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Hélène Marchildon-Roy" "Hélène Marchildon-Roy" >expected &&
	test_cmp expected actual
'

# "One software developer, who asked not to be named, said …" then "'…,'
# she said": the pronoun is that unnamed person whatever the noun (a
# "developer" is also a company noun), not the CEO named before.
test_expect_success 'English: an unnamed "One developer" keeps the next pronoun, whatever the noun' '
	printf "%s\n\n" "In a memo, CEO Priya Venkataraman-Holt wrote that the decision was hard." \
		"One software developer, who asked not to be named because she is still negotiating her severance, said the call lasted 11 minutes." \
		"\"They told us our laptops would be locked by noon,\" she said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Priya Venkataraman-Holt" "(unresolved)" "(unresolved)" >expected &&
	test_cmp expected actual
'

# "said about half of the settlement would go …": "about" before a number
# opens the reported clause; "said about the plan" still reports nothing.
test_expect_success 'English: "said about half of …" reports the clause; "said about the plan" does not' '
	printf "%s\n" "Chief Stan Houle said about half of the settlement would go into a trust." \
		"Its chief executive, Chris Greer, said about 60 local companies were hiring." \
		"Mayor Jane Moore said little about the plan on Tuesday." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -c ": indirect " out >count &&
	echo 2 >expected &&
	test_cmp expected count &&
	grep -q "half of the settlement would go into a trust\" -- Stan Houle" out &&
	grep -q "60 local companies were hiring\" -- Chris Greer" out
'

# « Le ministère a indiqué … » after « le ministère des Transports » (even
# named inside someone else's clause) is that ministry; « le ministère
# russe des Situations d'urgence » is another one.  A long body's name
# (over 63 bytes) is kept whole, not cut.
test_expect_success 'French: « le ministère » is the ministry last named; a long body keeps its whole name' '
	printf "%s\n\n" "Sa porte-parole, Élise Côté, estime que le ministère des Transports « a été averti »." \
		"Le ministère a indiqué qu’une analyse était en cours." \
		"Des secours sont arrivés, selon le ministère russe des Situations d’urgence." \
		"Le Regroupement des comités logement et associations de locataires du Québec (RCLALQ) estime que 9000 ménages ont reçu un avis." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Élise Côté" "Élise Côté" "ministère des Transports" "(unresolved)" \
		"Regroupement des comités logement et associations de locataires du Québec" >expected &&
	test_cmp expected actual
'

# « Du côté de la CGT, … Le syndicat rappelle que … »: a bare member body's
# noun is the acronym its paragraph used as a noun; « La direction », « le
# gouvernement » are not, nor is an acronym in brackets.
test_expect_success 'French: « le syndicat » is the acronym the paragraph named as a noun, « la direction » is not' '
	printf "%s\n\n" "Les délégués de la CGT ont quitté la salle. Le syndicat rappelle que 40 postes ont été supprimés." \
		"La CFE-CGC a signé l’accord. La direction assure que les départs seront volontaires." \
		"La présidente de la Fédération des infirmières (FIQ), Julie Caron, est inquiète. Le syndicat juge que les heures (TSO) explosent." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "CGT" "(unresolved)" "(unresolved)" >expected &&
	test_cmp expected actual
'

# « R : « … » », "A: "…"": an interview's answer label is no speaker name;
# the answer is the person the article named last before the questions,
# an honorific and a surname naming them again ("We asked Dr. X").
test_expect_success 'Q/R: an answer label is no name; the answer is the person named before the questions' '
	printf "%s\n\n" "La ministre, Sonia Roy, refuse de commenter." \
		"Nous avons posé la question au professeur de l’Université Laval, Jean-Paul Tremblay-Ross." \
		"Q : La grève peut-elle durer?" \
		"R : « Tout est possible. Le point de rupture arrive vers la quatrième semaine. »" >fr.txt &&
	speaker_names fr.txt >actual &&
	printf "%s\n" "Jean-Paul Tremblay-Ross" >expected &&
	test_cmp expected actual &&
	printf "%s\n\n" "Dr. Colin Wendt-Achebe, the authority'"'"'s vice-president, announced 40 new locums." \
		"Gail Fougere runs a store in Sheet Harbour. She has stopped driving at night." \
		"We asked Dr. Wendt-Achebe two questions after the news conference." \
		"Q: Will there be closures over Christmas?" \
		"A: \"Almost certainly, yes, in some sites. We will publish the schedule.\"" >en.txt &&
	speaker_names en.txt >actual &&
	printf "%s\n" "Colin Wendt-Achebe" >expected &&
	test_cmp expected actual
'

# "Captain Auston Marchetti, who set it up, said …" (heldout16), "Captain
# Auston Matthews-Okoye scored twice" (heldout41): Captain is a title
# before a name, so "the captain" later is that player, not the last
# person named.
test_expect_success 'English: "Captain X" makes "the captain" X later on' '
	printf "%s\n" "Captain Ann Lester scored twice for Toronto, and Joe Woll made 31 saves. The captain said afterward that the team had talked about it." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q "talked about it\" -- Ann Lester \[indirect+role," out
'


# "The Saskatchewan Union of Nurses (SUN) announced …" then "The union
# says …" two paragraphs on, "The association said" after "The
# Saskatchewan Association of Health Organizations" (heldout41, two
# articles), "the centre said" after "the B.C. River Forecast Centre":
# an institution noun before "of" inside a name, or closing it after an
# initialism, is that body later on.
test_expect_success 'English: "the federation", "the centre" after a name holding the noun' '
	printf "%s\n\n" "The Manitoba Federation of Bus Drivers announced a strike vote on Monday." \
		"Premier Ann Moss said talks would go on." \
		"The federation said its members would vote next week. In its bulletin, the B.C. River Forecast Centre warned of floods. Later, the centre said the river would peak overnight." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Ann Moss" "Manitoba Federation of Bus Drivers" "B.C. River Forecast Centre" >expected &&
	test_cmp expected actual
'


# A deck's "health minister calls the move 'premature'" after "Saskatchewan
# Union of Nurses says …" (heldout41; heldout16's "CEO warns of
# 'choppy'" is the same shape): a person's role never resolves to a body
# through the recent speakers; the body's minister, named later, is meant.
test_expect_success 'English: a role noun in a deck is no organisation that spoke before' '
	printf "%s\n" "Nurses'"'"' union sets strike vote" \
		"Saskatchewan Union of Nurses says members will vote in December; health minister calls the move \"premature\"" "" \
		"The Saskatchewan Union of Nurses said talks had broken down." "" \
		"Inside the legislature, Health Minister Jeremy Cockrill called the strike vote \"premature.\"" >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Jeremy Cockrill" "Saskatchewan Union of Nurses" "Jeremy Cockrill" >expected &&
	test_cmp expected actual
'


# "sued the maker of a popular AI companion app" (heldout41; heldout13 has
# "the maker of the popular Tasker project-management app"): a name past
# another article is the product's, so "the company" is not "AI"; the
# company that spoke last is, its name ending as companies' do (Labs,
# Hydro: organisation_ends in lang/en.yaml).
test_expect_success 'English: "the company" is no product named after "the maker of a"' '
	printf "%s\n\n" "A coalition of states sued the maker of a popular AI companion app on Wednesday." \
		"Lumora Labs, which is based in Palo Alto and says the app has 40 million monthly users, denied the allegations. In a statement, the company said it had invested in safety." \
		"BC Hydro said 4,500 customers were without power. The utility said crews would work through the night." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Lumora Labs" "Lumora Labs" "BC Hydro" "BC Hydro" >expected &&
	test_cmp expected actual
'


# "The Nunavut Housing Corp. says …" then "The corporation said …"
# (heldout41): corporation is a company noun, as "the company said"
# after "Quillwater Software" (heldout39d) or "Halvorsen Motors"
# (heldout11) already was.
test_expect_success 'English: "the corporation" is the Corp. that spoke last' '
	printf "%s\n\n" "The Nunavut Housing Corp. says about 40 units in the city are vacant." \
		"The corporation said most of the vacant units need major work." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Nunavut Housing Corp." "Nunavut Housing Corp." >expected &&
	test_cmp expected actual
'


# "Trustee Saadiq Sumar-Holt, one of the two votes against, said …" and
# "The BC Energy Regulator said …" then "the regulator said …" (heldout41b,
# two articles; "Captain X" in heldout41 was the same gap): a title word
# the lexicon lacked stayed in the name, and a body noun it lacked bound
# nothing.
test_expect_success 'English: "Trustee X" is X; "the regulator" after "the BC Energy Regulator"' '
	printf "%s\n\n" "The BC Energy Regulator said in a decision that the company cleared 14 hectares of forest." \
		"Trustee Saadiq Sumar said the division was spending its savings. Later, the regulator said it had no evidence of other work." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "BC Energy Regulator" "Saadiq Sumar" "BC Energy Regulator" >expected &&
	test_cmp expected actual
'


# "Josh Golin-Frey, executive director of the advocacy group Fairplay,
# said" (heldout41), "Tanya Rowe-Kestrel, a biologist with the
# conservation group Wildsight, said" (heldout41b): the body closing the
# apposition after a preposition is no subject.
test_expect_success 'English: "X, a biologist with the conservation group Y, said" is X'"'"'s' '
	printf "%s\n" "Josh Golin-Frey, executive director of the advocacy group Fairplay, said the case could become a model." \
		"Tanya Rowe, a biologist with the conservation group Wildsight, said calves are most vulnerable in their first weeks." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Josh Golin-Frey" "Tanya Rowe" >expected &&
	test_cmp expected actual
'


# "the Office of the Privacy Commissioner of Canada said" (heldout41),
# "The Office of the Procurement Ombud said" (heldout41b): "of the" after
# a body's capitalised noun goes on with its name; the speaker was "Office".
test_expect_success 'English: "the Office of the X" is one name' '
	printf "%s\n" "In Canada, the Office of the Privacy Commissioner of Canada said in an email that it was reviewing the case." \
		"The Office of the Procurement Ombud said that it could not comment." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Office of the Privacy Commissioner of Canada" "Office of the Procurement Ombud" >expected &&
	test_cmp expected actual
'


# "The Ministry of Water, Land and Resource Stewardship said" (heldout41b),
# "the Ministry of Emergency Management and Climate Readiness said"
# (heldout41), "the Department for Environment, Food and Rural Affairs
# said" (heldout11): a list of items of a few words after the body's "of"
# or "for" is its name, not "Resource Stewardship" or "Ministry".
test_expect_success 'English: a body'"'"'s name runs on across a list after its "of"' '
	printf "%s\n" "The Ministry of Water, Land and Resource Stewardship said the program would review the permits." \
		"The Ministry of Emergency Management and Climate Readiness said it was in contact \"hourly.\"" \
		"The Ministry of Transportation and Transit said crews were watching two culverts." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Ministry of Water, Land and Resource Stewardship" \
		"Ministry of Emergency Management and Climate Readiness" \
		"Ministry of Emergency Management and Climate Readiness" "Ministry of Transportation and Transit" >expected &&
	test_cmp expected actual
'

# The same list binds "the ministry" later on (heldout41: "The ministry
# said it was in contact 'hourly'" went to "Ministry of Emergency
# Management").
test_expect_success 'English: "the ministry" after a ministry whose name holds a list' '
	printf "%s\n\n" "In an email, the Ministry of Emergency Management and Climate Readiness said 22 million dollars had been committed." \
		"Premier Ann Moss said help was coming. The ministry said it was in contact \"hourly.\"" >in.txt &&
	speaker_names in.txt >actual &&
	tail -n 1 actual >last &&
	echo "Ministry of Emergency Management and Climate Readiness" >expected &&
	test_cmp expected last
'

# "awarded to Ottawa-based Kestrel Analytics Inc." then "Kestrel Analytics
# said" (heldout41b, Hill Times), "that Northern Crest Pipeline Ltd.
# cleared" then "Northern Crest said" (heldout41b, Narwhal): a company's
# short name is its full name, which is an organisation, so "the company"
# is it too.
test_expect_success 'English: "Kestrel Analytics said" after "Ottawa-based Kestrel Analytics Inc."' '
	printf "%s\n\n" "The contract was awarded to Ottawa-based Kestrel Analytics Inc. in June." \
		"Kestrel Analytics said in a statement that it followed every rule. The company said it had hired an independent monitor." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Kestrel Analytics Inc." "Kestrel Analytics Inc." >expected &&
	test_cmp expected actual
'

# heldout41 (six articles) and heldout41b (five, written after
# heldout41's rules): Canadian English press with organisations as
# speakers; first contact 0.820 and 0.679.
test_expect_success 'held-out batches 41 and 41b (Canadian English press) stay above their floor' '
	floors 0.99 0.96 0.95 "$A"/heldout41/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.98 0.82 "$A"/heldout41b/en-*.txt &&
	grep -q "^speaker accuracy" out
'

# « Un député Renaissance, qui …, confie : « … » », « Une militante CGT
# raconte »: one capitalised word after an indefinite role noun is a party
# or a union, not the person's name; the person stays unnamed, and a later
# « le député » after a sentence naming someone is that someone, not the
# unnamed source.
test_expect_success 'French: « un député Renaissance » is someone unnamed, not « Renaissance »' '
	printf "%s\n\n" "Un député Renaissance, qui préfère garder l'"'"'anonymat, confie : « On nous demande de voter un texte que personne n'"'"'a lu. »" \
		"Une militante CGT raconte : « On est épuisés. »" \
		"Le rapporteur de la commission, Paul Vernier, tempère. « Il faut relativiser », rappelle le député de la Drôme." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "(unresolved)" "(unresolved)" "Paul Vernier" >expected &&
	test_cmp expected actual
'

# « OL : Lucas Merle signe trois ans, « un rêve d'ado » … »: an elision
# ends a word, so the headline quotation has four, as « un rêve de gamin »
# has, and is the person's whose named quotation the body repeats it in.
test_expect_success 'French: a headline quotation counts « d'"'"'ado » as two words' '
	printf "%s\n\n" "OL : Lucas Merle signe trois ans, « un rêve d'"'"'ado » pour le milieu lyonnais" \
		"Le milieu de terrain s'"'"'est engagé jusqu'"'"'en 2031." \
		"« C'"'"'est un rêve d'"'"'ado. J'"'"'ai grandi à Vénissieux », a souri le joueur, lors de sa présentation." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Lucas Merle" "Lucas Merle" >expected &&
	test_cmp expected actual
'

# « « … », l'interroge la présidente, X »: an elided object pronoun before
# an incise verb (heldout37c has « l'a interrogé la présidente »; the
# present tense read « l'interroge » as a noun after its determiner, while
# « », l'annonce du ministre a surpris X » stays a noun); « a de nouveau
# plaidé pour un « … » », « a une nouvelle fois réclamé »: an adverbial
# between the auxiliary and the participle (heldout31: « a de nouveau
# réclamé »).
test_expect_success 'French: « », l'"'"'interroge la présidente, X »; « a de nouveau plaidé pour »' '
	printf "%s\n\n" "« Vous mesurez ce que vous avez fait ? », l'"'"'interroge la présidente, Anne-Laure Fabre." \
		"« C'"'"'est fini », l'"'"'annonce du ministre a surpris Paul Durand." \
		"Le Rassemblement national, lui, a de nouveau plaidé pour un « service minimum garanti »." \
		"Marine Dupont a une nouvelle fois réclamé « un vrai débat »." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Anne-Laure Fabre" "Rassemblement national" "Marine Dupont" >expected &&
	test_cmp expected actual
'

# « X a jugé que l'essai « … », tout en rappelant que … »: a gerund after
# the quotation's comma and its « en », « tout en » reports for the
# quotation's speaker (heldout40: « tout en rappelant que »).  Without a
# quotation it stays unreported: « Le ministre de l'Intérieur réaffirme
# …, tout en affirmant que » would be given to « Intérieur ».
test_expect_success 'French: « « … », tout en rappelant que … » reports for the quotation'"'"'s speaker' '
	printf "%s\n\n" "Marie Caron a jugé que l'"'"'essai « pose les bonnes questions », tout en rappelant que la rémunération relève d'"'"'une entente." \
		"Le ministre de l'"'"'Intérieur réaffirme sa position, tout en affirmant que la priorité est ailleurs." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Marie Caron" "Marie Caron" >expected &&
	test_cmp expected actual
'

# « la direction régionale des affaires culturelles », « la direction
# académique d'Ille-et-Vilaine », « d'après le conseil départemental »: a
# lowercase « direction » or « conseil » and a relational adjective name a
# public body by those words (heldout10, 34, 37e, 47 annotate it so); « la
# direction sortante » and a bare « la direction » stay unnamed.
test_expect_success 'French: « la direction régionale des …», « le conseil départemental » are bodies' '
	printf "%s\n\n" "Selon la direction régionale des affaires culturelles, la restauration est « exemplaire »." \
		"Quatre routes étaient coupées lundi soir, d'"'"'après le conseil départemental." \
		"La direction sortante juge que le congrès sera « difficile »." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "direction régionale des affaires culturelles" "direction régionale des affaires culturelles" \
		"conseil départemental" "(unresolved)" "(unresolved)" >expected &&
	test_cmp expected actual
'

# heldout47 (France press, six ordinary stories of the day: Le Dauphiné
# libéré municipal council, Midi Libre tribunal correctionnel, L'Équipe
# match report, France 3 storm, La Nouvelle République festival, L'Express
# SNCF strike) scored marks 1.000, quote+indirect 0.943 and speaker 0.878
# (65/74) at first contact, the same as the session-start binary; 0.932
# (69/74) after the three rules above.  Its missed spans are partial
# quotations inside reported clauses, which our batches annotate both
# ways.  heldout47b (five, written after those rules: Le Républicain lorrain
# factory closure, RFI Kenya protests, Nice-Matin tram works, Télérama film
# with a nested quotation, ici Limousin emergency closures) scored 0.991,
# 0.930 and 0.857 (48/56) at first contact, the same as the session-start
# binary; 0.897 (52/58) after the rules below.  Floors just below.
test_expect_success 'France French batches 47 and 47b stay above their measured floor' '
	floors 0.99 0.97 0.92 "$A"/heldout47/fr-*.txt &&
	floors 0.98 0.96 0.88 "$A"/heldout47b/fr-*.txt
'

# heldout47b's rules, each seen in another batch too.  « X, 74 ans, …,
# résume l'inquiétude de beaucoup : « … » »: a noun phrase naming no one
# between the verb and the colon is its object, the clause's subject
# speaks (heldout43: « Sandrine, 43 ans, …, confiait son agacement : »).
# « L'agence régionale de santé parle d'une « … » » in a deck is that body,
# as the body's « l'agence régionale de santé (ARS) » is (heldout5, 32,
# 44).  « a qualifié … de « … » et demandé que … »: a participle after
# « et » and before its complementizer reports for the quotation's
# speaker, or with none (« a fait part de sa « … » et annoncé que », as
# in heldout27) for the subject of the auxiliary before the marks; an
# unnamed speaker (« Le cabinet du ministre indique « … » et affirme que
# ») is the clause's too.
test_expect_success 'French: « résume l'"'"'inquiétude de beaucoup : »; a deck'"'"'s agency; « « … » et demandé que »' '
	printf "%s\n\n" "Dans la salle d'"'"'attente, Monique, 74 ans, venue pour une chute, résume l'"'"'inquiétude de beaucoup : « Les urgences, c'"'"'est tout ce qui nous reste. »" \
		"Un étudiant qui attendait la navette, et qui n'"'"'a pas voulu donner son nom, résume le sentiment général : « On est pris en otages. »" \
		"L'"'"'agence régionale de santé parle d'"'"'une mesure « temporaire »." \
		"Le député Paul Girard a qualifié la fermeture de « scandale industriel » et demandé que le groupe rembourse les aides publiques." \
		"La maire, Claire Dumont, a fait part de sa « profonde tristesse » et annoncé qu'"'"'une cellule d'"'"'écoute serait ouverte." \
		"Le cabinet du ministre indique « suivre le dossier » et affirme qu'"'"'un commissaire sera dépêché sur place." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Monique" "(unresolved)" "agence régionale de santé" "Paul Girard" "Paul Girard" \
		"Claire Dumont" "Claire Dumont" "(unresolved)" "(unresolved)" >expected &&
	test_cmp expected actual
'

# « la Fédération nationale de l'immobilier (Fnaim) a regretté « … » »
# (heldout46, Le Monde), « la Caisse nationale des allocations familiales
# (Cnaf) indique que … » (heldout44b, Libération), « Le Service électoral
# (Servel) a assuré » (heldout11): French press writes a pronounceable
# acronym in capitalised lowercase after the body's name; the body before
# it is the subject, not nobody.
test_expect_success 'French: a body named before its acronym in parentheses, « (Fnaim) », speaks' '
	printf "%s\n\n" "Dans un communiqué, la Fédération nationale de l'"'"'immobilier (Fnaim) a regretté « un signal désastreux envoyé aux bailleurs »." \
		"La Caisse nationale des allocations familiales (Cnaf) indique que « 10 400 places » ont été financées." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Fédération nationale de l'"'"'immobilier" "Caisse nationale des allocations familiales" \
		"Caisse nationale des allocations familiales" >expected &&
	test_cmp expected actual
'

# « La Fondation pour le logement des défavorisés salue « … » » (heldout46,
# Le Monde) and « … rappelle de son côté que … » (heldout37d, France
# Inter): after a body noun, « pour » and an article open its name's
# complement as « de » does; the mention was « des défavorisés », unnamed.
test_expect_success 'French: « la Fondation pour le logement des défavorisés » is one name' '
	printf "%s\n\n" "La Fondation pour le logement des défavorisés salue « une avancée majeure » pour les locataires." \
		"L'"'"'Association pour la protection des automobilistes rappelle que 40 % des garages ont augmenté leurs tarifs." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Fondation pour le logement des défavorisés" "Association pour la protection des automobilistes" >expected &&
	test_cmp expected actual
'

# « Pour l'avocat de la famille, Me X, le comportement du prévenu relève
# de « l'inconscience pure » » (heldout46, Ouest-France) gave the quotation
# to « du prévenu » and so to the last speaker: relever de is to fall
# under (« le logement relève de la compétence des provinces », heldout16b),
# no speech verb; « relève de son côté que » still reports.
test_expect_success 'French: « relève de » is no speech verb, « relève de son côté que » is' '
	printf "%s\n\n" "Martine Hamon a parlé de son mari. « Il a fait tout ce qu'"'"'il fallait. »" \
		"Pour l'"'"'avocat de la famille, Me Yann Le Goff, le comportement du prévenu relève de « l'"'"'inconscience pure »." \
		"Le juge Paul Morel relève de son côté que « le dossier est vide »." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Martine Hamon" "Yann Le Goff" "Yann Le Goff" "Paul Morel" >expected &&
	test_cmp expected actual &&
	grep "inconscience" out | grep -q "\[source, .*mention: Me Yann Le Goff\]"
'

# « En face, l'entraîneur nantais X savourait. « … », s'est réjoui le
# coach. Il a salué son gardien, Noah Guérin » (heldout46, 20 Minutes),
# « la nouvelle patronne du parti » (heldout37d, L'Express): the person a
# paragraph names only after the quotation is no newcomer for a role
# noun; the one it named before is, not the last speaker.
test_expect_success 'French: a role noun takes the newcomer named before, over one named after' '
	printf "%s\n\n" "Le capitaine, Erwan Le Calvez, a fait son mea culpa. « On doit s'"'"'excuser auprès des supporters. »" \
		"En face, l'"'"'entraîneur nantais Grégory Lemaître savourait. « Les garçons ont respecté le plan », s'"'"'est réjoui le coach. Il a salué son gardien, Noah Guérin, 19 ans." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Erwan Le Calvez" "Grégory Lemaître" >expected &&
	test_cmp expected actual
'

# « Selon les chiffres de la criée, les débarquements … ont chuté »
# (heldout37, Le Télégramme), « Selon les derniers chiffres du ministère, »
# (heldout37d), « Selon les premiers éléments de l'enquête, » (heldout33):
# figures nobody is named for report their clause, unnamed, as « selon
# un rapport » does; « selon ses chiffres » and « d'après les données de
# l'Observatoire … » (a body the batches name or not) are left alone.
test_expect_success 'French: « selon les chiffres de la criée, » reports its clause, unnamed' '
	printf "%s\n\n" "Titre" "Selon les chiffres de la criée, les débarquements de langoustines ont chuté de 38 % en un an." \
		"Selon les premiers éléments de l'"'"'enquête, la trottinette circulait à plus de 40 km/h." \
		"La coopérative a vendu moins de vin. Les ventes ont reculé de 6 % sur un an, selon ses chiffres." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -E ": indirect " out | sed "s/^[^\"]*\"//; s/\" -- .*//" >actual &&
	printf "%s\n" "les débarquements de langoustines ont chuté de 38 % en un an" "la trottinette circulait à plus de 40 km/h" >expected &&
	test_cmp expected actual
'

# « Chez Carrelis, on indique que l'offre préserverait … » (heldout34, Les
# Échos) reported nothing: « Chez X, » with a one-word name was taken for
# too short; then « a insisté le dirigeant » is the person who spoke
# before the body, not the body.  « Dans l'entourage du président, on
# assure que … » (heldout27, heldout46) reports for someone unnamed.
test_expect_success 'French: « Chez X, on indique que » is X; « Dans l'"'"'entourage de Y, on assure que » is unnamed' '
	printf "%s\n\n" "Titre" "Son PDG, Bruno Faivre-Delcourt, s'"'"'en félicite. « C'"'"'est une opération logique », a-t-il déclaré." \
		"Chez Carrelis, on indique que l'"'"'offre préserverait environ 3 400 emplois. « Nous ne reprendrons pas des magasins déficitaires », a insisté le dirigeant." \
		"Dans l'"'"'entourage du ministre, on indique qu'"'"'un amendement pourrait être déposé." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Bruno Faivre-Delcourt" "Carrelis" "Bruno Faivre-Delcourt" "(unresolved)" >expected &&
	test_cmp expected actual
'

# « Selon l'organisation, toutes les places sont déjà vendues »
# (heldout12), « L'organisation affirme pour sa part que … » (heldout42):
# an organisation is a body noun (lang/fr.yaml institutions), a source.
test_expect_success 'French: « selon l'"'"'organisation, » reports its clause' '
	printf "%s\n\n" "Titre" "Selon l'"'"'organisation, toutes les places sont déjà vendues." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -q ": indirect \"toutes les places sont déjà vendues\" -- (unresolved) .*mention: l'"'"'organisation" out
'

# heldout46 (France press, five ordinary stories: Ouest-France court,
# Le Monde Assembly vote, Les Échos plant closure, franceinfo flu, 20
# Minutes derby) scored marks 1.000, quote+indirect 0.857, speaker 0.768
# (63/82) at first contact, the same as the session-start binary; 0.863
# and 0.843 (70/83) after its rules.  heldout46b (four more, written
# after them: Sud Ouest storm, AFP Berlin coalition, Le Parisien fire,
# Libération theatre) scored 1.000, 0.874, 0.864 (38/44) at first
# contact, again the same as the session-start binary: the rules did not
# carry over.  Most missed spans are partial quotations inside reported
# clauses, which our batches annotate both ways.  Floors just below.
test_expect_success 'France French batches 46 and 46b stay above their measured floor' '
	floors 0.99 0.95 0.83 "$A"/heldout46/fr-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.92 0.85 "$A"/heldout46b/fr-*.txt &&
	grep -q "^speaker accuracy" out
'

# "Eoin Keating-Moore BL, said", "Sinéad Walsh-Ruane BL said" (heldout45,
# Irish Times court report), as "Helen Arkwright KC told the court"
# (heldout13): a barrister's post-nominal (BL, SC in Ireland; KC, QC in
# Britain) is no part of the name.
test_expect_success 'English: a barrister'"'"'s post-nominal BL or SC is no part of the name' '
	printf "%s\n\n" "Counsel for the council, Eoin Keating-Moore BL, said the man had been served with two notices." \
		"For the defence, Sinead Walsh-Ruane BL said her client had been \"foolish and naive\"." \
		"Prosecuting, Ruth Dolan-Brady SC said the accused had been warned." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Eoin Keating-Moore" "Sinead Walsh-Ruane" "Sinead Walsh-Ruane" "Ruth Dolan-Brady" >expected &&
	test_cmp expected actual
'

# "Rachel Power-Lynch … said people had described getting an appointment
# as a "lottery"", "Judge … said he accepted that …, but that the
# conditions described were "not fit for an animal"" (heldout45, BBC and
# Irish Times): a speech verb inside the reported clause whose subject is
# no one named leaves the quotation to the named speaker of the clause
# (the unnamed "people" took it, and "she said" after it went to an older
# speaker).
test_expect_success 'English: "X said people had described it as "…"" is X'"'"'s' '
	printf "%s\n\n" "Katie Moran, a doctor, said the rule was new." \
		"Rachel Power-Lynch, chief executive of a patients group, said people had described getting an appointment as a \"lottery\" that depended on luck." \
		"\"We hear from people every day,\" she said." \
		"Judge Ann Byrne said he had co-operated after the inspection, but that the conditions described were \"not fit for an animal\"." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Katie Moran" "Rachel Power-Lynch" "Rachel Power-Lynch" "Rachel Power-Lynch" \
		"Ann Byrne" "Ann Byrne" >expected &&
	test_cmp expected actual
'

# "acknowledged that tariffs … but said the effect should fade" (heldout45
# AP), "said the plan was unworkable … and warned that practices could be
# overwhelmed" (heldout45 BBC), "said he was not worried … and pointed out
# that they had played four" (heldout45 Guardian), as ", adding that"
# already was: a speech verb right after "and"/"but" opens a second
# report by the same speaker; a verb with an object ("and added three
# players") does not.
test_expect_success 'English: "X said A and warned that B" gives two reported clauses' '
	printf "%s\n\n" "Marian Ostrowski acknowledged that tariffs had added to inflation but said the effect should fade by next year." \
		"Eddie Howe said he was not worried about the form and pointed out that they had played four of the top six away." \
		"Paul Grant said the team had struggled and added three players in January." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	printf "%s\n" "tariffs had added to inflation" "the effect should fade by next year" \
		"he was not worried about the form" "they had played four of the top six away" \
		"the team had struggled and added three players in January" >expected &&
	test_cmp expected actual
'

# "Consumer prices rose 2.9% in October …, the Labor Department said this
# month, down only slightly from 3.1%" (heldout45 AP), like "…, the
# carrier said on Wednesday, as …" (heldout12) and "…, the White House
# said Wednesday, a move …" (heldout29): time words closed by a comma end
# the attribution, which reports the clause before it, not the words after.
test_expect_success 'English: "…, X said this month, down from …" reports the clause before' '
	printf "%s\n" "Consumer prices rose 2.9% in October from a year earlier, the Labor Department said this month, down only slightly from 3.1% in the spring." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	echo "Consumer prices rose 2.9% in October from a year earlier" >expected &&
	test_cmp expected actual
'

# "…, according to the mortgage buyer Freddie Mac, down from …"
# (heldout45 AP), as "according to the data firm PitchBook" (heldout41)
# and "according to the tracking site PowerWatch" (heldout4) with nouns
# the lists know: the name closing the phrase is the source, whatever
# noun describes it; and a hyphen inside "30-year" is no dateline's dash.
test_expect_success 'English: "according to the mortgage buyer Freddie Mac," names the source' '
	printf "%s\n" "The average rate on a 30-year mortgage was 6.4% last week, according to the mortgage buyer Freddie Mac, down from about 7% a year ago." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/ \[.*//" >actual &&
	echo "The average rate on a 30-year mortgage was 6.4% last week\" -- Freddie Mac" >expected &&
	test_cmp expected actual
'

# heldout45 (six articles: AP, BBC, Irish Times, ABC Australia, Guardian,
# Reuters), ordinary US, UK, Irish and Australian news of the day; first
# contact 0.811 speakers, 0.930 quote+indirect F1, 1.000 marks.
# heldout45b (five: NPR, Star Tribune, WFAA, AFP, The Independent),
# written after heldout45's first rules: 0.913, 0.933, 1.000.
test_expect_success 'held-out batches 45 and 45b (US, UK, Irish, Australian English press) stay above their floor' '
	floors 0.99 0.95 0.90 "$A"/heldout45/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.94 0.94 "$A"/heldout45b/en-*.txt &&
	grep -q "^speaker accuracy" out
'

# "Jara-Soto, a member of the Communist Party who served in the
# government of President Gabriel Boric, accused …" (heldout45b AFP) and
# "Mick Whelan-Grant, general secretary of the train drivers' union Aslef,
# said" (heldout45b Independent): a name inside the apposition completes
# a phrase after its preposition, across a title or a plural possessive;
# the speaker is the name the apposition follows.
test_expect_success 'English: a name after "of President" or "of the drivers'"'"' union" inside an apposition is no speaker' '
	printf "%s\n\n" "Jeannette Jara-Soto, a member of the Communist Party who served in the government of President Gabriel Boric, accused her rival of \"selling fear\"." \
		"Mick Whelan-Grant, general secretary of the train drivers'"'"' union Aslef, said the increase was unfair." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Jeannette Jara-Soto" "Mick Whelan-Grant" >expected &&
	test_cmp expected actual
'

# "urged walkers to check the forecast and to tell someone" (heldout20),
# "urged both sides to return to the table, but stopped short" (heldout36b),
# "urged the Fed to cut rates faster" (heldout45), "asking residents to
# move their cars" (heldout45b): a verb of asking, a short object and "to"
# give an order, no reported clause; and "cite the home four times for
# failing" (heldout26), "cited the complex's owner … for broken smoke
# detectors" (heldout45b): cite reports only a clause opened by "that".
test_expect_success 'English: "urged X to …" and "cited X for …" report no clause' '
	printf "%s\n\n" "North Wales Police urged walkers to check the forecast and to tell someone their route before setting out." \
		"The city plowed in two phases, asking residents to move their cars from one side and then the other." \
		"Records show the city cited the owner last year for broken smoke detectors in several units." \
		"The minister told reporters the plan to cut jobs was unfair." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	echo "the plan to cut jobs was unfair" >expected &&
	test_cmp expected actual
'

# "Fire officials say at least 16 units were destroyed" (heldout45b WFAA),
# as "said about 60 companies were hiring": "at least" before a figure is
# no preposition opening a complement.
test_expect_success 'English: "say at least 16 units were destroyed" reports a clause' '
	printf "%s\n" "Fire officials say at least 16 units were destroyed and another 20 were damaged." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	echo "at least 16 units were destroyed and another 20 were damaged" >expected &&
	test_cmp expected actual
'

# "a mask that the Hopi Tribe says was taken from a village" (heldout45b
# NPR), "which the government says will pay for about 1,500 more GPs"
# (heldout45 BBC): a speech verb whose subject follows "that"/"which" and
# whose object is the relative's gap reports the verb phrase after it.
test_expect_success 'English: "which the government says will pay for …" is reported speech' '
	printf "%s\n" "The changes form part of a new contract, worth an extra 889m, which the government says will pay for about 1,500 more GPs." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/ \[.*//" >actual &&
	echo "will pay for about 1,500 more GPs\" -- (unresolved)" >expected &&
	test_cmp expected actual
'

# "Junior doctors will walk out, the British Medical Association (BMA) has
# announced. … But the government has left us …" (heldout2, flattened),
# "The BMA said … which the government says will pay …" (heldout45,
# flattened): in English an acronym the paragraph gave stands for "the
# association", the body's own noun, not for "the government".
test_expect_success 'English: "the government" is not the body a paragraph named by an acronym' '
	printf "%s\n" "The British Medical Association (BMA) said the plan was unworkable. The government said the plan would pay for 1,500 more GPs. The association said it would consult members." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "British Medical Association" "(unresolved)" "British Medical Association" >expected &&
	test_cmp expected actual
'

# A partial quotation inside a reported clause is reported twice (the
# lead's convention, session 10): the clause as indirect speech, quotation
# marks included, and the quoted words as a quotation, with one speaker
# and stance.  A quotation filling the que/that clause stays one span; so
# does one whose close is followed by the sentence's own verb (« et
# plaide »); a term outside reported speech stays a term.  The fixtures
# up to heldout25 and every English batch annotated only the quoted words
# and were brought to the convention (289 clauses added by reading);
# floors then moved: up where the clauses are now found, and down, said
# here, where the added gold exposes misses (heldout11/fr quote+indirect
# 0.99 to 0.97, heldout39d/en 0.94 to 0.93) or counts a speaker the
# analyser already got wrong twice, once on the clause and once on its
# quotation (heldout38c/en 0.97 to 0.94, heldout39c/en 0.88 to 0.83; no
# quotation's speaker got worse).
test_expect_success 'French: a partial quotation in a que clause is the clause and the quotation' '
	printf "%s\n\n" "Le prévenu, Kévin Rouxel, a reconnu qu'"'"'il ne l'"'"'avait « pas vu »." \
		"Selon Anne Roux, le texte est « bâclé » et sera retiré." \
		"Le ministre, Paul Morel, a dit que « la réforme est nécessaire »." \
		"Léa Martin estime que « la coupe est pleine » et plaide pour un moratoire." \
		"Le « wokisme » fait débat dans les universités." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -v ": claim \|: speaker " out | sed "s/ \[\([a-z+-]*\), \([a-z]*\),.*/ \2/" >actual &&
	cat >expected <<-\EOT &&
	in.txt:1:41: indirect "il ne l'"'"'avait « pas vu »" -- Kévin Rouxel concede
	in.txt:1:58: quote "pas vu" -- Kévin Rouxel concede
	in.txt:3:17: indirect "le texte est « bâclé » et sera retiré" -- Anne Roux none
	in.txt:3:33: quote "bâclé" -- Anne Roux none
	in.txt:5:38: quote "la réforme est nécessaire" -- Paul Morel neutral
	in.txt:7:26: quote "la coupe est pleine" -- Léa Martin neutral
	in.txt:9:6: term "wokisme"
	EOT
	test_cmp expected actual
'

# « Selon elle, l'accusé savait que le feu se propagerait dans la cage
# d'escalier, « la seule issue de cet immeuble ». » (heldout43 Le Progrès,
# heldout52b 20 Minutes and Le Monde): a pronoun source takes no
# apposition, so the words between its comma and the comma before a
# quotation ending the sentence are a clause, reported with the quotation
# inside it; « Pour Sandrine Pelletier, venue de Vierzon, « … » » stays
# one span.  3 quotations found over the French batches, none lost.
test_expect_success 'French: after « Selon elle, » a clause closed by a quotation is reported' '
	printf "%s\n\n" "Claire Dumontel dirige l'"'"'école." \
		"Selon elle, certains élèves ont dû être installés dans le couloir, « le seul endroit où il faisait moins de 30 degrés »." \
		"Pour Sandrine Pelletier, venue de Vierzon avec ses deux adolescents, « le festival devient un luxe »." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect \|: quote " out | sed "s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	in.txt:3:12: indirect "certains élèves ont dû être installés dans le couloir, « le seul endroit où il faisait moins de 30 degrés »" -- Claire Dumontel
	in.txt:3:75: quote "le seul endroit où il faisait moins de 30 degrés" -- Claire Dumontel
	in.txt:5:72: quote "le festival devient un luxe" -- Sandrine Pelletier
	EOT
	test_cmp expected actual
'

# « Selon l'ordre régional des pharmaciens, », « D'après
# l'intersyndicale, », « Selon un décompte de France Universités, »: a
# body or record the lexicon lacks, opening the sentence after selon or
# d'après, reports the clause after its comma, unnamed.  Missed before in
# heldout13, 17, 37b, 44, 46, 46b (twice), 52 (three times) and 52b: 11
# clauses found, 6 more speakers right (the other five are bodies our
# batches name); « Selon un sondage Ifop, » (data) and « Pour l'instant, »
# report nothing.
test_expect_success 'French: « Selon l'"'"'ordre régional des pharmaciens, » reports its clause' '
	printf "%s\n\n" "Selon l'"'"'ordre régional des pharmaciens, près de 400 références étaient en tension la semaine dernière." \
		"Selon un sondage Ifop publié lundi, Pierre Hurmic est crédité de 34 % des intentions de vote." \
		"Pour l'"'"'instant, la piste criminelle n'"'"'est pas privilégiée par les enquêteurs." \
		"D'"'"'après l'"'"'intersyndicale, il manque sept postes d'"'"'infirmiers." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect \|: quote " out | sed "s/ \[\([a-z+-]*\), .*/ \1/" >actual &&
	cat >expected <<-\EOT &&
	in.txt:1:41: indirect "près de 400 références étaient en tension la semaine dernière" -- (unresolved) indirect-source
	in.txt:7:27: indirect "il manque sept postes d'"'"'infirmiers" -- (unresolved) indirect-source
	EOT
	test_cmp expected actual
'

test_expect_success 'French: after a quotation that opens the sentence, a clause holding another is reported' '
	printf "%s\n\n" "« Nous verrons bien. » Le ministre, Marc Fesneau, a assuré que les agriculteurs ne seraient « pas les boucs émissaires » de la crise." \
		"« Il s'"'"'agit d'"'"'une mesure temporaire », précise l'"'"'agence régionale de santé, qui assure que le Samu sera « renforcé » dès lundi." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/ \[.*//" >actual &&
	cat >expected <<-\EOT &&
	in.txt:1:66: indirect "les agriculteurs ne seraient « pas les boucs émissaires » de la crise" -- Marc Fesneau
	in.txt:3:96: indirect "le Samu sera « renforcé » dès lundi" -- agence régionale de santé
	EOT
	test_cmp expected actual
'

test_expect_success 'English: a partial quotation in a reported clause is the clause and the quotation' '
	printf "%s\n\n" "Mayor John Smith said the plan was \"insane\" and would fail." \
		"The senator, Ann Lee, said that \"we will win this fight.\"" \
		"The union called the offer \"an insult\" and urged members to vote no." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -v ": claim \|: speaker " out | sed "s/ \[\([a-z+-]*\), \([a-z]*\),.*/ \2/" >actual &&
	cat >expected <<-\EOT &&
	in.txt:1:22: indirect "the plan was "insane" and would fail" -- John Smith neutral
	in.txt:1:36: quote "insane" -- John Smith neutral
	in.txt:3:33: quote "we will win this fight." -- Ann Lee neutral
	in.txt:5:28: quote "an insult" -- (unresolved) neutral
	EOT
	test_cmp expected actual &&
	grep ": claim .*would fail\. -- John Smith$" out
# « Le Premier ministre, lui, s'est tenu à l'écart. …, il avait estimé que
# « … » » (heldout49, Le Soir), « La maire de la ville … a-t-elle lancé »
# (heldout12), « Le ministre de la Transition écologique … a-t-il assuré »
# (heldout18), « Le porte-parole libéral … Selon lui, » (heldout28b): an
# office the article bound to no one, opening the sentence before the
# pronoun, is the pronoun's unnamed referent when the last speaker of its
# gender holds another seat.  6 cases over all batches, 2 after.
test_expect_success 'French: a pronoun after an unbound office is not the last speaker of another seat' '
	printf "%s
" "Le ministre des Pensions, Jan Peeters, a répété qu'"'"'il ne céderait pas. « Nous irons au bout », a-t-il expliqué. Le Premier ministre, lui, s'"'"'est tenu à l'"'"'écart du débat. Interrogé jeudi, il avait estimé que « le pays ne peut pas être bloqué »." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Jan Peeters" "Jan Peeters" "(unresolved)" >expected &&
	test_cmp expected actual
'

# « Le maire, François X, a ouvert la discussion en défendant un projet
# « … » » (heldout43), « Arnaud Delattre n'exclut pas de « monter à Paris »
# » (heldout44), « Claire Dumontet, a fait part de sa « profonde tristesse »
# » (heldout27), « Elle n'a « jamais vu ça » » after the sentence naming her
# (heldout44): a quotation with no cue inside a sentence whose subject is a
# person this paragraph names is that person's (not a headline's, not
# « jugé « … » par les irrigants », whose agent spoke, not an older
# speaker's for « Elle » after an unnamed « bergère » as in heldout37).
# 9 of the 49 French quotations given no speaker at all over every batch.
test_expect_success 'French: a quotation without a cue inside a sentence is its named subject'"'"'s' '
	printf "%s\n\n" "Le maire, Paul Girard, a ouvert la séance en défendant un projet « indispensable à la ville »." \
		"Claire Morin est infirmière et déléguée CGT. Elle n'"'"'a « jamais vu ça »." \
		"« Qu'"'"'ils viennent passer une nuit avec nous », lance une jeune bergère. Elle préfère ne pas donner son nom, « pour éviter les ennuis »." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep -E ": (quote|term) " out | sed "s/.* -- //; s/ \[.*//; s/.*: term .*/term/" >actual &&
	printf "%s\n" "Paul Girard" "Claire Morin" "(unresolved)" "term" >expected &&
	test_cmp expected actual
'

# « », a réagi le conseiller d'Etat genevois chargé de la santé, Laurent
# X » (heldout49, Le Temps), « selon le chef aux opérations du Service de
# protection contre l'incendie de Québec, Bruno Y » (heldout40d), « a
# expliqué le directeur des services professionnels, le Dr Martin Z »
# (heldout42): past a role's complement of plain words, however long, the
# name apposed after the comma is the speaker, not an older holder of the
# role.  8 speakers over all batches.
test_expect_success 'French: the name apposed after a long role complement is the speaker' '
	printf "%s\n\n" "« Cette hausse est douloureuse », a déclaré le conseiller fédéral Marco Keller." \
		"« C'"'"'est insupportable pour la classe moyenne », a réagi le conseiller d'"'"'Etat genevois chargé de la santé, Laurent Rochat." \
		"« On a 61 usagers en attente », a expliqué le directeur des services professionnels, le Dr Martin Bouchard, lundi." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Marco Keller" "Laurent Rochat" "Martin Bouchard" >expected &&
	test_cmp expected actual
'

# « je leur ai dit qu'on n'avait rien montré » (heldout50 DNA), « Il
# disait que c'était son moment à lui » (heldout40), « les gars m'ont dit
# que c'était un coup salaud » (heldout40c), heldout37d, heldout42: what a
# quoted speaker reports inside the quotation is part of it, never a
# reported clause of its own (no batch annotates one; 5 spurious → 0).
test_expect_success 'French: a que clause inside a quotation is no indirect speech' '
	printf "%s\n\n" "« Il prenait son vélo tous les jours. Il disait que c'"'"'était son moment à lui. On lui a enlevé ça », a-t-elle confié." \
		"« À la mi-temps, je leur ai dit qu'"'"'on n'"'"'avait rien montré, qu'"'"'on jouait avec la peur. Ils l'"'"'ont fait », a raconté l'"'"'entraîneur, Julien Rausch." \
		"Le maire a assuré que la piscine rouvrira en juin." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	echo "la piscine rouvrira en juin" >expected &&
	test_cmp expected actual
'

# « « Je paie une facture pour rien » » as a sub-heading over « « Je paie
# une facture tous les deux mois pour de l'eau qui ne coule pas … »,
# s'emporte X » (heldout50 La 1ère), « On ne sait pas si c'est
# passager » over « On ne sait pas encore si … » (heldout37): a
# sub-heading of five words or more sums up the body quotation that opens
# with its first four (over all batches 2 -> 0), and the follow-on guess
# from the paragraph before it goes.
test_expect_success 'French: a sub-heading quotation takes the speaker of the body quotation it opens' '
	printf "%s\n\n" "Titre : les coupures d'"'"'eau reprennent" \
		"« Nous avons lancé douze chantiers depuis janvier », reconnaît le directeur, Fred-Olivier Jalton." \
		"« Je paie une facture pour rien »" \
		"À Petit-Canal, l'"'"'annonce a été accueillie avec colère. « Je paie une facture tous les deux mois pour de l'"'"'eau qui ne coule pas », s'"'"'emporte Marie-Josée Bernos, 68 ans." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Fred-Olivier Jalton" "Marie-Josée Bernos" "Marie-Josée Bernos" >expected &&
	test_cmp expected actual
'

# « », a expliqué aux « Echos » le PDG du groupe, X » (heldout50 Les
# Echos), as « explique au « Figaro » son directeur général, X »
# (heldout34): the plural form of au before a medium in marks (1 -> 0).
test_expect_success 'French: « aux « Echos » » before an inverted subject is skipped' '
	printf "%s\n\n" "Titre sur les résultats du groupe" \
		"« Nous récoltons les fruits des investissements », a expliqué aux « Echos » le PDG du groupe, Bertrand Mauduit-Lacaze." >in.txt &&
	speaker_names in.txt >actual &&
	echo "Bertrand Mauduit-Lacaze" >expected &&
	test_cmp expected actual
'

# « Le feu a été déclaré maîtrisé dimanche, mais les opérations de
# noyage devaient se poursuivre jusqu'à lundi » (heldout50 VDN), « …, doit
# témoigner jeudi » (heldout42), « …, mais aussi dire au revoir »: a
# speech verb in the infinitive after the last comma closes no reported
# clause (over all batches 3 spurious spans -> 0), while « a fait savoir la
# STM », « se félicite le maire » and « …, Marc X se désole » (a
# reflexive after a name: finite) still do.
test_expect_success 'French: an infinitive after the last comma is no attribution' '
	printf "%s\n\n" "Titre sur un incendie à Loon-Plage" \
		"Le feu a été déclaré maîtrisé dimanche vers 11 heures, mais les opérations de noyage devaient se poursuivre jusqu'"'"'à lundi." \
		"Les trains n'"'"'ont recommencé à circuler qu'"'"'à 9 h 30, a fait savoir la Société de transport de Montréal." \
		"Le chantier sera terminé en juin, se félicite le maire." \
		"Les vendanges seront courtes cette année, Marc Zind-Hurst se désole." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	printf "%s\n" "Les trains n'"'"'ont recommencé à circuler qu'"'"'à 9 h 30" "Le chantier sera terminé en juin" "Les vendanges seront courtes cette année" >expected &&
	test_cmp expected actual
'

# « Le docteur X, chef du service des urgences, soutient le mouvement »,
# « Le demi d'ouverture des Jaguares, 26 ans, s'est engagé avec … »
# (heldout44), « Le public, venu nombreux …, a salué le vainqueur »
# (heldout34): a short noun phrase and its apposition before the verb
# are the verb's subject, not a reported clause (over all batches 4
# spurious spans -> 0); « Sa présidente, X, devrait présenter …,
# a-t-on appris » still reports its clause.
test_expect_success 'French: a subject and its apposition before a verb are no reported clause' '
	printf "%s\n\n" "Titre sur les urgences de Châteauroux" \
		"Le docteur Mathieu Garnier-Sauvage, chef du service des urgences, soutient le mouvement sans y participer." \
		"Le demi d'"'"'ouverture des Jaguares, 26 ans, s'"'"'est engagé avec le club jusqu'"'"'en 2034." \
		"Sa présidente, Me Anne Morin-Lacasse, devrait présenter les données du tribunal sur les causes d'"'"'éviction, a-t-on appris." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	echo "Sa présidente, Me Anne Morin-Lacasse, devrait présenter les données du tribunal sur les causes d'"'"'éviction" >expected &&
	test_cmp expected actual
'

# « « … », souriait le buteur en zone mixte » (heldout50 DNA; the
# sub-heading over it and « Il a assuré que … » after it follow), « se
# réjouissait X »: the imperfect of a verb the language file gives with
# its own forms (sourire, se réjouir, convenir) (over all batches 3 -> 0
# in heldout50; no other group moves).
test_expect_success 'French: the imperfect of irregular speech verbs attributes' '
	printf "%s\n\n" "Titre sur le match" \
		"« Je ne sais même pas comment elle rentre », souriait Malik Diarra-Sow." \
		"« C'"'"'est formidable », se réjouissait Anne Martin." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Malik Diarra-Sow" "Anne Martin" >expected &&
	test_cmp expected actual
'

# « Selon l'officier, 600 hectares … ont brûlé » after « le colonel X »
# (heldout37d), « « … », a insisté l'officier » after « Le commandant X, du
# SDMIS, a rappelé que … » (heldout50b Le Progrès): officier is a role
# noun (over all batches 2 -> 0).
test_expect_success 'French: « l'"'"'officier » is a role noun' '
	printf "%s\n\n" "Titre sur un incendie" \
		"Le commandant Frédéric Valette-Bonnard a rappelé que ces appareils sont dangereux. « Il faut aérer », a insisté l'"'"'officier." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Frédéric Valette-Bonnard" "Frédéric Valette-Bonnard" >expected &&
	test_cmp expected actual
'

# heldout50 (France press, five ordinary stories of the day: La Voix du
# Nord warehouse fire, Le Télégramme festival, Guadeloupe La 1ère water
# cuts, Les Echos half-year results, DNA football) scored marks 1.000,
# quote+indirect 0.887 and speaker 0.740 (37/50) at first contact, the
# same as the session-start binary; 0.903 and 0.840 (42/50) after the
# rules above.  heldout50b (four, written after them: Sud Ouest oysters,
# La Dépêche a chef closing her restaurant, Le Progrès fatal fire, La
# Tribune aerospace supplier) scored 1.000, 0.965 and 0.805 (33/41) at
# first contact, the same as the session-start binary; 0.829 (34/41)
# after « officier ».  What is left is mostly bodies as speakers (« la
# préfecture », « le rectorat », « la direction »), which our batches
# annotate both ways.  Floors just below.
test_expect_success 'France French batches 50 and 50b stay above their measured floor' '
	floors 0.99 0.90 0.83 "$A"/heldout50/fr-*.txt &&
	floors 0.99 0.96 0.80 "$A"/heldout50b/fr-*.txt
'

# heldout52 (mainstream national press: Le Monde politics, Le Figaro
# trial, franceinfo air-traffic strike, Le Parisien stabbing, AFP
# glacier) scored marks 1.000, quote+indirect 0.966 and speakers 0.788
# (67/85) at first contact, as the session-start binary did; three
# annotations then brought to the other batches' conventions (a group's
# headline quotation is the body speaker's, « a-t-on appris » and « Selon
# nos informations » report their clause) give 0.983 and 0.795 (70/88).
# heldout52b (Le Monde, Libération, 20 Minutes, Le Parisien, AFP, written
# after) scored 1.000, 0.938 and 0.827 (62/75) at first contact, the
# session-start binary alike; 0.951 and 0.818 (63/77) after « Selon elle,
# …, « … » ».  What is left is mostly bodies as speakers (« le parquet »,
# « la préfecture », « le ministère », « la DGAC « recommande … » »),
# which our batches annotate both ways.  « Selon l'organisme paritaire, »
# then found three more clauses of heldout52 (quote+indirect 1.000), two
# of them a body's the analyser leaves unnamed (speakers 71/91 = 0.780),
# and one of heldout52b (0.958, 64/78).  Floors just below.
test_expect_success 'French national-press batches 52 and 52b stay above their measured floor' '
	floors 0.99 0.97 0.77 "$A"/heldout52/fr-*.txt &&
	floors 0.99 0.94 0.80 "$A"/heldout52b/fr-*.txt
'

# « Le gardien titulaire, Charles X, a pris la parole … pour défendre son
# coach » (heldout37b), « Le public, venu nombreux …, a salué le vainqueur
# » (heldout34), « Le docteur X, chef du service des urgences, soutient le
# mouvement » (heldout44): a short noun phrase opening the sentence and
# its apposition are the subject of the verb after the comma, not a
# reported clause; nor is the text before « , dont … » (heldout49).  11
# spurious indirect spans of this shape over the French batches, 7 after.
test_expect_success 'French: a subject and its apposition before the verb report nothing' '
	printf "%s\n\n" "« Il faut rester calmes », a dit l'"'"'entraîneur Paul Henry. Le gardien titulaire, Charles Bolzinger, a pris la parole après la rencontre pour défendre son coach." \
		"Tout se jouera au Rassemblement national, dont les voix sont indispensables pour faire tomber le gouvernement." \
		"Les négociations reprendront vendredi, a précisé l'"'"'adjoint, Karim Benali." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt | grep ": indirect " | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	echo "Les négociations reprendront vendredi" >expected &&
	test_cmp expected actual
'

# heldout49 (French-language press of the day: Le Figaro budget, Libération
# prisons, Le Parisien maternity closure, Le Soir national strike, Le Temps
# health premiums) scored marks 1.000, quote+indirect 0.916 and speaker
# 0.831 (49/59) at first contact, the same as the session-start binary;
# 0.881 (52/59) and 0.923 after the rules above.  heldout49b (La Croix child
# protection, La Libre rents, RTS rockfall, AFP via L'Express Amazon
# deforestation), written after those rules: 1.000, 0.943 and 0.970 (32/33)
# at first contact, 0.909 (30/33) with the session-start binary.  Their
# missed spans are partial quotations inside reported clauses.
test_expect_success 'French-language batches 49 and 49b stay above their measured floor' '
	floors 0.99 0.91 0.86 "$A"/heldout49/fr-*.txt &&
	floors 0.99 0.93 0.94 "$A"/heldout49b/fr-*.txt
'


# "I want to assure our teachers that government is aware of their
# concerns," (heldout48 Nation), « « … il m'a dit que c'était un jeu … » »
# (heldout37d, 40, 40c, 42): a report inside a quotation is the quoted
# person's own wording; no batch annotates one (5 spurious spans, 0 gold).
test_expect_success 'a clause reported inside a quotation in marks is no indirect speech' '
	printf "%s\n" "\"I want to assure our teachers that government is aware of their concerns. We will not allow learning to be disrupted,\" she said. She said the union should talk." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	echo "the union should talk" >expected &&
	test_cmp expected actual
'

# "Commissioner J. Kumaraguruparan said", "said R. Lakshmi Narayanan",
# "Mr. Balachandran said" after "S. Balachandran" (heldout48 The Hindu,
# 10 speakers of 16 wrong): Indian English press gives a name with its
# initials; the initial and its period are part of the name.
test_expect_success 'English: a name opened by initials ("S. Balachandran") keeps them' '
	printf "%s\n\n" "Commissioner J. Kumaraguruparan said motor pumps had been deployed at 65 subways." \
		"\"Every year we move our car to the flyover,\" said R. Lakshmi Narayanan, a resident." \
		"RMC Deputy Director General S. Balachandran said the system was likely to cross the coast." \
		"\"Fishermen are advised not to venture into the sea,\" Mr. Balachandran said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "J. Kumaraguruparan" "R. Lakshmi Narayanan" "S. Balachandran" "S. Balachandran" >expected &&
	test_cmp expected actual
'

# "Quillwater Software … told employees …. CEO Priya Venkataraman-Holt
# wrote that …. The company said …" (heldout39d): a company or agency noun
# after "the" with nothing bound is the organisation among the last
# speakers or names, past a person who spoke since (14 such body nouns
# unresolved over all batches); not "His office" nor "the governor's
# office".
test_expect_success 'English: "The company said" past a person who spoke since is the company' '
	printf "%s\n\n" "Quillwater Software, which makes payroll software, is cutting 400 jobs." \
		"CEO Priya Venkataraman-Holt wrote that the decision was the hardest she had made." \
		"The company said laid-off employees would receive 12 weeks of severance." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Priya Venkataraman-Holt" "Quillwater Software" >expected &&
	test_cmp expected actual
'

# "Environment Canterbury (ECan) said …. ECan said …", "(Kuppet)",
# "(Knut)", "(DfT)" (heldout48, heldout45b): English press writes some
# acronyms in mixed case; in brackets after a body's name whose initials
# (or an initial and the letters after it) spell them, they are its
# alias, and a body given an acronym is no "he" or "she" (3 speakers of
# a she-quotation went to Environment Canterbury).
test_expect_success 'English: a mixed-case acronym in brackets ("ECan") names its body; "she" is not that body' '
	printf "%s\n\n" "Environment Canterbury (ECan) said river flows had dropped below the minimum." \
		"Fish and Game chief executive Sonya Pettit-Gray said the cuts should have come sooner." \
		"\"We have been warning for a month,\" she said." \
		"ECan said an online map would be updated daily." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Environment Canterbury" "Sonya Pettit-Gray" "Sonya Pettit-Gray" "Environment Canterbury" >expected &&
	test_cmp expected actual
'

# "Madam Lim Soo Peng, 71, a retiree who lives in Tampines Street 81,
# said she had …" (heldout48 Straits Times): Madam and Mdm are honorifics
# (no part of the name), and an age between the name and its apposition
# is the name's; the age had hidden the subject and lost the clause.
test_expect_success 'English: "Madam X, 71, a retiree who …, said" is X'"'"'s reported clause' '
	printf "%s\n\n" "Madam Lim Soo Peng, 71, a retiree who lives in Tampines Street 81, said she had been knocked down by a rider." \
		"Jane Smith, 64, who runs a bakery nearby, said the footpath was too narrow." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Lim Soo Peng" "Jane Smith" >expected &&
	test_cmp expected actual
'

# "Fish & Game North Canterbury chief executive Sonya Pettit-Gray welcomed
# the cuts but said …" (heldout48 RNZ): a verb after "but" shares the
# sentence's subject, and a body's name (across "&") with lowercase role
# words before a person's full name is that person's title, not the
# subject (as "Alberta Premier Danielle Smith called … and said").
test_expect_success 'English: "Body role Person welcomed … but said …" is the person'"'"'s' '
	printf "%s\n\n" "Fish & Game North Canterbury chief executive Sonya Pettit-Gray welcomed the cuts but said they should have come sooner." \
		"Federated Farmers president Chris Alleyne-Ward welcomed the cuts but said they were late." \
		"The Home Builders Federation welcomed the decisions but warned that bricklayers were short." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Sonya Pettit-Gray" "Chris Alleyne-Ward" "Home Builders Federation" >expected &&
	test_cmp expected actual
'

# "Active Mobility Advisory Panel member Sng Wei Ming said …", then "said
# Dr Sng" (heldout48 Straits Times): a Chinese name puts the surname
# first; right after a lowercase title the capitalised word before a
# known first name opens the name (not a place, as in "the député de la
# Gironde Thomas Peyrac"), and "Dr Sng" is then that person.
test_expect_success 'English: "panel member Sng Wei Ming" keeps its surname; "Dr Sng" is Sng Wei Ming' '
	printf "%s\n\n" "Active Mobility Advisory Panel member Sng Wei Ming said the figures showed that enforcement alone would not work." \
		"\"Where there are gaps, people will take shortcuts,\" said Dr Sng." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Sng Wei Ming" "Sng Wei Ming" >expected &&
	test_cmp expected actual
'

# "Senior Minister of State for Sustainability and the Environment Chua
# Wei Siong said" (heldout48b CNA), "Minister of State for Transport Tan
# Kiat Hong said …", then "said Mr Tan" (heldout48 Straits Times):
# three short capitalised words written surname first make one name, even
# after a capitalised title; it was cut to "Wei Siong" or swallowed into
# the title.
test_expect_success 'English: a Chinese name after a capitalised title ("… Environment Chua Wei Siong") is whole' '
	printf "%s\n\n" "Senior Minister of State for Sustainability and the Environment Chua Wei Siong said the agency had worked with the hawkers." \
		"Minister of State for Transport Tan Kiat Hong said the rise was partly due to more enforcement officers." \
		"\"Over time, some riders think nobody is watching,\" said Mr Tan." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Chua Wei Siong" "Tan Kiat Hong" "Tan Kiat Hong" >expected &&
	test_cmp expected actual
'

# Not after a lowercase word: "councillor for Leeds John Hart" is a place
# and a name (the rule above made it "Leeds John Hart", resolved to no
# one, and "for Perth Tom Lee said" lost its report).
test_expect_success 'English: a short place before a name after a lowercase word stays out of the name' '
	printf "%s\n\n" "Labour councillor for Leeds John Hart said the plan would cost the city far too much." \
		"Speaking for Perth Tom Lee said the levy was fair." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "John Hart" "Tom Lee" >expected &&
	test_cmp expected actual
'

# "Residents of Melville and Brixton say they have been …" (heldout48
# News24), as "Residents of Barra say" (heldout38): in English a name
# joined by "and" to one after a preposition is the preposition's
# complement too, and the subject is the unnamed group, not Brixton.
test_expect_success 'English: "Residents of A and B say …" is unnamed' '
	printf "%s\n" "Residents of Melville and Brixton say they have been without running water for nine days." >in.txt &&
	speaker_names in.txt >actual &&
	echo "(unresolved)" >expected &&
	test_cmp expected actual
'

# "\"…,\" he said, adding that he now uses a bicycle" (heldout48 Straits
# Times), "\"…,\" she said, adding that Delhi needed …" (heldout48b HT):
# an English gerund after the comma of "he said" reports a clause for
# that pronoun; it was lost, the pronoun being resolved only later.
test_expect_success 'English: "“…,” he said, adding that …" reports the clause for him' '
	printf "%s\n\n" "Muhammad Faizal Osman said many riders used footpaths." \
		"\"We are paid by the order,\" he said, adding that he now uses a bicycle." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Muhammad Faizal Osman" "Muhammad Faizal Osman" "Muhammad Faizal Osman" >expected &&
	test_cmp expected actual
'

# A reported clause running to its sentence's end stops before what is
# not said: a closing incise (the issue's « …, annonce-t-il dans un
# entretien au Monde », "…, she said in an interview"), a French gerund
# (heldout30, 40, 49: « …, tout en rappelant que … »), "…, according to"
# (heldout11, 38c), a speech verb after et/and with no subject (heldout17,
# 27, 39, 39c, 41, 45b, 49, 5 …: « … et réclame », "… and called for");
# not a French future after mais (heldout34: « … mais exposera … »).  Over
# all batches the clauses running past their gold end 63 -> 46.
test_expect_success 'a reported clause stops before an incise, a gerund, a source or the speaker'"'"'s next act' '
	printf "%s\n\n" "Valls veut frapper fort" \
		"Le Premier ministre, Manuel Valls, estime que la traque des réseaux est une priorité pour lutter contre le terrorisme, annonce-t-il dans un entretien au Monde." \
		"La ministre de la Santé, Agnès Roux, a jugé que l'"'"'essai pose les bonnes questions, tout en rappelant que la rémunération relève d'"'"'une entente négociée." \
		"Le syndicat Sud-Rail estime que la concertation a été bâclée et réclame une nouvelle réunion publique avant tout chantier." \
		"Le député Paul Martin affirme que l'"'"'opération a du sens mais exposera la ville à une dette lourde." >fr.txt &&
	printf "%s\n\n" "Budget talks resume" \
		"Mayor Jane Doe said the budget was balanced for the first time in a decade, she said in an interview." \
		"Rachel Kim, the union'"'"'s president, said emergency physicians were exhausted and called for higher pay for overnight shifts." \
		"The treasurer said Kazakhstan had pumped above its quota in seven of the past ten months, according to her bank'"'"'s estimates." >en.txt &&
	"$PRESSMARK" analyze --format text fr.txt en.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	cat >expected <<-\EOT &&
	la traque des réseaux est une priorité pour lutter contre le terrorisme
	l'"'"'essai pose les bonnes questions
	la concertation a été bâclée
	l'"'"'opération a du sens mais exposera la ville à une dette lourde
	the budget was balanced for the first time in a decade
	emergency physicians were exhausted
	Kazakhstan had pumped above its quota in seven of the past ten months
	EOT
	test_cmp expected actual
'

# subject_apposition now holds both apposition checks of
# trailing_attribution (QF10's and FW10's): one gate, the clause words of
# both, figures and commas allowed in the apposition.  « Le maire de
# Châteauroux, Gil X, président du conseil de surveillance de l'hôpital,
# a lui aussi réagi » (heldout44) was FW10's alone; a merge without its
# commas reported it.
test_expect_success 'French: a subject'"'"'s apposition over several commas closes no reported clause' '
	printf "%s\n\n" "Titre sur les urgences de Châteauroux" \
		"Le maire de Châteauroux, Gil Avérous-Bonnet, président du conseil de surveillance de l'"'"'hôpital, a lui aussi réagi sur X." \
		"Les urgences resteront fermées la nuit jusqu'"'"'en mars, a indiqué la direction." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": indirect " out | sed "s/.*indirect \"//; s/\" --.*//" >actual &&
	echo "Les urgences resteront fermées la nuit jusqu'"'"'en mars" >expected &&
	test_cmp expected actual
'

# heldout48 (five articles: RNZ, News24, The Hindu, The Straits Times,
# Daily Nation), ordinary New Zealand, South African, Indian, Singaporean
# and Kenyan news of the day; first contact 0.671 speakers (initials,
# names written surname first), 0.960 quote+indirect F1, 1.000 marks.
# heldout48b (five: Tampa Bay Times, Manchester Evening News, Hindustan
# Times, NZ Herald, CNA), written after heldout48's first rules: 0.887,
# 0.941, 1.000 (the session-start binary 0.847, 0.917, 1.000).
test_expect_success 'held-out batches 48 and 48b (NZ, South African, Indian, Singaporean, Kenyan, US local, UK regional press) stay above their floor' '
	floors 0.99 0.97 0.95 "$A"/heldout48/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.94 0.91 "$A"/heldout48b/en-*.txt &&
	grep -q "^speaker accuracy" out
'

# "serviced by Keystone Loan Solutions, one of the five companies" then
# "Keystone said … the company said" (heldout51, Washington Post),
# "Shares in Corvantis Therapeutics" then "Corvantis said" (heldout51,
# FT), "Electric-vehicle maker Rivian Automotive said … The company said"
# (heldout20): Solutions, Therapeutics, Automotive end companies' names
# (organisation_ends), and a company's full name is noted after a
# preposition whatever the length of that ending.
test_expect_success 'English: "Keystone said" and "the company said" after "serviced by Keystone Loan Solutions"' '
	printf "%s\n\n" "The borrowers are serviced by Keystone Loan Solutions, one of five contractors." \
		"Keystone said in a statement that the problem had been fixed. \"We are sorry,\" the company said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Keystone Loan Solutions" "Keystone Loan Solutions" >expected &&
	test_cmp expected actual
'

# "Newfoundland and Labrador Health Services confirmed the figures. …
# the health authority said" (heldout41b, Telegram), "Mid and West Wales
# Fire and Rescue Service said" (heldout51, BBC): a body's name of five
# to eight words, held together by "and" and ending in an institution
# noun, is noted and whole (it was cut to "West Wales …", or not noted).
test_expect_success 'English: a body named with "and" in it is whole and is "the authority" later' '
	printf "%s\n\n" "Newfoundland and Labrador Health Services confirmed the figures. In a statement, the health authority said the hospital was full." \
		"Mid and West Wales Fire and Rescue Service said it had rescued 23 people." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Newfoundland and Labrador Health Services" "Mid and West Wales Fire and Rescue Service" >expected &&
	test_cmp expected actual
'

# "Lithara Energy AB will suspend … The Swedish company said" (heldout51b,
# Bloomberg: it was "Swedish"), "Shares in Corvantis Therapeutics …
# after the Cambridge-based biotech said" (heldout51, FT: unresolved): a
# capitalised word that says where a company is from leaves "the
# company" the organisation named before.
test_expect_success 'English: "The Swedish company said", "the Cambridge-based biotech said" are the company named before' '
	echo "Lithara Energy AB will suspend work. The Swedish company said work would stop." >in.txt &&
	speaker_names in.txt >actual &&
	echo "Shares in Corvantis Therapeutics doubled after the Cambridge-based biotech said its drug had worked." >in2.txt &&
	speaker_names in2.txt >>actual &&
	printf "%s\n" "Lithara Energy AB" "Corvantis Therapeutics" >expected &&
	test_cmp expected actual
'

# A surname or first name ending like a demonym is no demonym: "The Logan
# firm said", "The Duncan company said" are those firms, not the company
# named before (a bare "-an" ending, Logan, Duncan, Brennan, Jordan, made
# them nationalities; the "-an" demonyms are listed now).
test_expect_success 'English: "The Logan firm said" is Logan, not the company named before' '
	printf "%s\n\n" "Acme Corp opened a plant in Ohio on Monday." \
		"The Logan firm said that it would close two stores." \
		"Acme Motors Inc opened a plant. The American company said it would hire 200 people." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Logan" "Acme Motors Inc" >expected &&
	test_cmp expected actual
'

# "The Royal College of Emergency Medicine said" (heldout51b, BBC: "Royal
# College"), "The Port of Rotterdam Authority said" (heldout51, Reuters:
# "Port"): a college is an institution, and "of" goes on inside a body's
# name when one or two capitalised words and its noun close it.
test_expect_success 'English: "the Port of Rotterdam Authority", "the Royal College of Emergency Medicine" are whole' '
	printf "%s\n\n" "The Royal College of Emergency Medicine said the figures were shocking." \
		"The Port of Rotterdam Authority said other terminals were operating normally." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Royal College of Emergency Medicine" "Port of Rotterdam Authority" >expected &&
	test_cmp expected actual
'

# "Cyberattack halts container traffic …, operator says" (heldout51,
# Reuters), "Regulator says firms ‘failed the public’" (heldout51b,
# Guardian deck), "The agency says the deal would …" (heldout51b, NYT
# deck): a headline's company or agency noun that nothing answers to yet
# is the body the next paragraphs name with a noun of its class, as a
# lede's role waits for its holder.
test_expect_success 'English: a headline'"'"'s "operator says", "The agency says" wait for the body the article names' '
	printf "%s\n\n" "Cyberattack halts container traffic at Rotterdam terminals, operator says" \
		"A cyberattack forced terminal operator Maasvlakte Container Group to halt loading on Friday, the company said." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n\n" "The agency says the deal would raise prices." \
		"The Federal Trade Commission sued on Tuesday to block the merger, saying it would raise prices." >in2.txt &&
	speaker_names in2.txt >>actual &&
	printf "%s\n" "Maasvlakte Container Group" "Maasvlakte Container Group" "Federal Trade Commission" "Federal Trade Commission" >expected &&
	test_cmp expected actual
'

# heldout51 (five: Guardian, BBC with a live page, Reuters, Washington
# Post, FT), mainstream British and American news; first contact 0.827
# speakers, 0.944 quote+indirect F1, 1.000 marks.  heldout51b (five:
# Guardian, BBC NI, AP, NYT, Bloomberg), written after heldout51's first
# rules: 0.817, 0.972, 1.000 (the session-start binary the same).
test_expect_success 'held-out batches 51 and 51b (Guardian, BBC, Reuters, AP, NYT, Washington Post, FT, Bloomberg) stay above their floor' '
	floors 0.99 0.94 0.90 "$A"/heldout51/en-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.96 0.87 "$A"/heldout51b/en-*.txt &&
	grep -q "^speaker accuracy" out
'

# « Pierre-André Jeanneret, lui, refuse de licencier. « … », assure-t-il »
# (heldout53 Le Temps), « Louis-José Houle-Martin, qui animait le gala, a
# quant à lui parlé d'un « … » » (heldout42b Narcity): a compound first
# name the lexicon lacks that ends in é read as a participle opening the
# sentence (« Interrogé, … »), and its subject was lost (over all batches
# 2 -> 0).
test_expect_success 'French: a compound first name ending in é is no opening participle' '
	printf "%s\n\n" "Titre sur l'"'"'horlogerie" \
		"Le conseiller d'"'"'Etat, Laurent Favre-Bulle, réclame une prolongation. «Le Conseil doit agir», a-t-il plaidé." \
		"Pierre-André Jeanneret, lui, refuse de licencier. «On tiendra», assure-t-il." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "Laurent Favre-Bulle" "Pierre-André Jeanneret" >expected &&
	test_cmp expected actual
'

# « La paix, “condition de tout” » (heldout53 Le Soleil), « Le franc, une
# «double peine» » (heldout53 Le Temps), "Une situation exceptionnelle"
# (heldout47 France 3): a sub-heading's two or three words in marks are
# cut from a body quotation that holds them and take its speaker, as a
# longer sub-heading's do; a headline's few words stay the editor's echo
# (« un trafic « très perturbé » attendu », heldout) (over all batches
# 4 -> 0).
test_expect_success 'French: a sub-heading of two or three quoted words takes the speaker of the body quotation holding them' '
	printf "%s\n\n" "Le chef de l'"'"'État annonce un plan « historique »" \
		"Le président, Mamadou Lamine Diop, a présidé le Conseil jeudi." \
		"La paix, “condition de tout”" \
		"“Nous avons tendu la main. La paix est la condition de tout”, a martelé Mamadou Lamine Diop." >in.txt &&
	"$PRESSMARK" analyze --format text in.txt >out &&
	grep ": quote " out | sed "s/.* -- //; s/ \[.*//" >actual &&
	printf "%s\n" "(unresolved)" "Mamadou Lamine Diop" "Mamadou Lamine Diop" >expected &&
	test_cmp expected actual
'

# « Le ministère de la Santé a indiqué qu'une campagne … » (heldout53),
# « Le ministère de la Famille a pour sa part indiqué que » (heldout16),
# « Interrogé par l'AFP, le ministère de la Transition écologique a
# indiqué qu'un « … » » (heldout17), heldout27, 37, 40d: a ministry
# named by its capitalised department is the speaker (6 -> 0; heldout4,
# 7, 18 and 28b, which left it unnamed, annotate it now too).
test_expect_success 'French: « Le ministère de la Santé a indiqué que » is the ministry'"'"'s' '
	printf "%s\n\n" "Titre sur la prévention" \
		"Le ministère de la Santé a indiqué qu'"'"'une campagne de prévention serait lancée au printemps." \
		"Le ministère a par ailleurs assuré que les crédits seraient maintenus." >in.txt &&
	speaker_names in.txt >actual &&
	printf "%s\n" "ministère de la Santé" "ministère de la Santé" >expected &&
	test_cmp expected actual
'

# heldout53 (Ouest-France derby, Télérama portrait, Inserm sleep study,
# Le Soleil (Dakar) in “ ”, Le Temps with «…» unspaced): first contact
# 0.875 speakers (70/80), 0.971 quote+indirect F1, 1.000 in marks, as
# the session-start rules; 0.9125 after its two rules.
# heldout53b (L'Équipe rugby, Les Inrocks filmmaker, Le Figaro study,
# RFI Abidjan, Le Devoir smelter), written after heldout53's first rules:
# 0.780 speakers (46/59), 0.961, 1.000 at first contact, the same for the
# session-start binary and for the rules of the day (no carry-over).
test_expect_success 'francophone genre batches 53 and 53b stay above their measured floor' '
	floors 0.99 0.96 0.90 "$A"/heldout53/fr-*.txt &&
	grep -q "^speaker accuracy" out &&
	floors 0.99 0.95 0.77 "$A"/heldout53b/fr-*.txt &&
	grep -q "^speaker accuracy" out
'

test_done

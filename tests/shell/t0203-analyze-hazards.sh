#!/bin/sh
test_description='analyze: odd but real marks of scraped press (spaced straight quotes, typewriter doubles, HTML entities)'
. "$(dirname "$0")/lib.sh"

# quotes FILE: each quotation of `analyze --format text`, as "kind text -- speaker".
quotes() {
	"$PRESSMARK" analyze --format text "$1" >out &&
	grep -E ": (quote|term|title|indirect) " out | sed "s/^[^ ]* //; s/ \[.*//"
}

test_expect_success 'straight quotes spaced the French way pair' '
	printf "%s\n" "\" Nous sommes prêts \", a déclaré Anne Morel. \" Le calendrier sera tenu \", a-t-elle ajouté." >fr-spaced.txt &&
	quotes fr-spaced.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Nous sommes prêts" -- Anne Morel
	quote "Le calendrier sera tenu" -- Anne Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'a lone spaced straight quote still swallows nothing' '
	printf "%s\n" "Le score final est de 3 \" 2. « Nous avons gagné », a déclaré Anne Morel." >fr-lone.txt &&
	quotes fr-lone.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Nous avons gagné" -- Anne Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'a spaced straight quote opening a line of debris opens nothing' '
	printf "%s\n" "\" />. Si si, il y en a et c’est être aveugle que de le nier." "" "« Nous avons gagné », a déclaré Anne Morel." >fr-debris.txt &&
	quotes fr-debris.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Nous avons gagné" -- Anne Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'typewriter doubles and TeX quotes pair as straight quotes' '
	printf "%s\n" "'"''"'We are ready,'"''"' said coach Dan Reilly. \`\`The team has worked hard.'"''"'" >en-doubles.txt &&
	quotes en-doubles.txt >actual &&
	cat >expected <<-\EOF &&
	quote "We are ready," -- Dan Reilly
	quote "The team has worked hard." -- Dan Reilly
	EOF
	test_cmp expected actual
'

test_expect_success 'quotation marks written as HTML entities are found, with byte offsets' '
	printf "%s\n" "Le ministre Paul Henrion a déclaré : &laquo;&nbsp;Nous tiendrons nos engagements&nbsp;&raquo;. Il a ajouté : &#171; Rien n&rsquo;est perdu &#187;." >fr-ent.txt &&
	quotes fr-ent.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Nous tiendrons nos engagements" -- Paul Henrion
	quote "Rien n&rsquo;est perdu" -- Paul Henrion
	EOF
	test_cmp expected actual &&
	"$PRESSMARK" analyze fr-ent.txt >out.json &&
	python3 -c "import json; d=open(\"fr-ent.txt\",\"rb\").read(); print(all(d[q[\"start\"]:q[\"end\"]].decode()==q[\"text\"] for q in json.load(open(\"out.json\"))[\"quotes\"]))" >actual &&
	echo True >expected &&
	test_cmp expected actual
'

test_expect_success 'English entities: &quot; and numeric curly quotes' '
	printf "%s\n" "The mayor, Ann Boyd, said: &quot;We will rebuild the bridge.&quot; She added, &#8220;It will take two years.&#8221;" >en-ent.txt &&
	quotes en-ent.txt >actual &&
	cat >expected <<-\EOF &&
	quote "We will rebuild the bridge." -- Ann Boyd
	quote "It will take two years." -- Ann Boyd
	EOF
	test_cmp expected actual
'

test_expect_success 'an ampersand that starts no entity is punctuation' '
	printf "%s\n" "AT&T and Procter & Gamble &c. &quot ; &bogus; \"We agree,\" said Ann Boyd." >en-amp.txt &&
	quotes en-amp.txt >actual &&
	cat >expected <<-\EOF &&
	quote "We agree," -- Ann Boyd
	EOF
	test_cmp expected actual
'

test_expect_success 'guillemets typed as << and >> pair, with or without spaces' '
	printf "%s\n" "<<Nous sommes prêts>>, a déclaré Anne Morel. << Le calendrier sera tenu >>, a-t-elle ajouté." >fr-ascii.txt &&
	quotes fr-ascii.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Nous sommes prêts" -- Anne Morel
	quote "Le calendrier sera tenu" -- Anne Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'a << left open (a shift in code) quotes nothing; >> opening a line is a blockquote' '
	printf "%s\n" "The fix was one line of code: std::cout << total. \"It took a week,\" said the engineer, Bo Lin." "" ">> \"We ship on Monday,\" said Ann Reed." >en-shift.txt &&
	quotes en-shift.txt >actual &&
	cat >expected <<-\EOF &&
	quote "It took a week," -- Bo Lin
	quote "We ship on Monday," -- Ann Reed
	EOF
	test_cmp expected actual
'

test_expect_success 'an opening mark typed for the closing one closes before punctuation' '
	printf "%s\n\n" "”We will win“, said Sam Ortiz." "‘The polls are tight‘, said Sam Ortiz." "Ann Reed said: “We are ready“." >en-backwards.txt &&
	printf "%s\n" "« Nous sommes prêts «, a déclaré Anne Morel." >fr-backwards.txt &&
	quotes en-backwards.txt >actual &&
	quotes fr-backwards.txt >>actual &&
	cat >expected <<-\EOF &&
	quote "We will win" -- Sam Ortiz
	quote "The polls are tight" -- Sam Ortiz
	quote "We are ready" -- Ann Reed
	quote "Nous sommes prêts" -- Anne Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'a ’ typed for ‘ opens a quotation; ’90s and ’n’ stay apostrophes' '
	printf "%s\n\n" "’It will be close’, said Sam Ortiz." "Back in the ’90s, rock ’n’ roll was king. ‘It was loud,’ said Ann Reed." >en-apos.txt &&
	quotes en-apos.txt >actual &&
	cat >expected <<-\EOF &&
	quote "It will be close" -- Sam Ortiz
	quote "It was loud," -- Ann Reed
	EOF
	test_cmp expected actual
'

test_expect_success 'a dash and an ellipsis written as entities sign and end as — and … do' '
	printf "%s\n" "&ldquo;We will rebuild the bridge before winter&hellip;&rdquo; &#8212; Ann Boyd, mayor" >en-dash-ent.txt &&
	quotes en-dash-ent.txt >actual &&
	cat >expected <<-\EOF &&
	quote "We will rebuild the bridge before winter&hellip;" -- Ann Boyd
	EOF
	test_cmp expected actual
'

test_expect_success 'an opener left unclosed mid-paragraph swallows no later quotation' '
	printf "%s\n" "Le maire, Paul Henrion, a parlé de « trahison. Plus tard, il a ajouté : « Nous tiendrons nos engagements », a-t-il déclaré." >fr-unclosed.txt &&
	printf "%s\n" "Ann Reed spoke of “betrayal. Later she said: “We will keep our promises,” said Ann Reed." >en-unclosed.txt &&
	quotes fr-unclosed.txt >actual &&
	quotes en-unclosed.txt >>actual &&
	cat >expected <<-\EOF &&
	quote "trahison." -- Paul Henrion
	quote "Nous tiendrons nos engagements" -- Paul Henrion
	quote "betrayal." -- Ann Reed
	quote "We will keep our promises," -- Ann Reed
	EOF
	test_cmp expected actual
'

test_expect_success 'nested guillemets still nest (the inner one reported too); a quotation carried over paragraphs keeps its nesting' '
	printf "%s\n\n%s\n" "« Il m’a répondu « jamais » puis il est parti, a déclaré Anne Morel. Nous avons attendu." "« Personne n’est revenu », a-t-elle conclu." >fr-nest.txt &&
	quotes fr-nest.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Il m’a répondu « jamais » puis il est parti" -- Anne Morel
	term "jamais"
	quote "Nous avons attendu." -- Anne Morel
	quote "Personne n’est revenu" -- Anne Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'soft hyphens and zero-width characters inside words hide no cue and split no name' '
	printf "Anne Morel a d\303\251\302\255clar\303\251 : \302\253 Nous sommes pr\303\252ts. \302\273\n\n\302\253 Le calendrier sera tenu \302\273, a-t-elle pr\303\251\302\255cis\303\251.\n\nLe maire, Paul Henrion, est arriv\303\251. \302\253 Rien n\342\200\231est perdu \302\273, a as\342\200\213sur\303\251 le maire.\n" >fr-hidden.txt &&
	printf "The mayor spoke first. \"We will win,\" said Ma\342\200\213rie Du\342\201\240pont.\n\n\"The bridge will open in May,\" Ma\302\255rie Dupont an\302\255nounced.\n" >en-hidden.txt &&
	quotes fr-hidden.txt >actual &&
	quotes en-hidden.txt | LC_ALL=C sed "s/\xe2\x80\x8b//g; s/\xe2\x81\xa0//g; s/\xc2\xad//g" >>actual &&
	cat >expected <<-\EOF &&
	quote "Nous sommes prêts." -- Anne Morel
	quote "Le calendrier sera tenu" -- Anne Morel
	quote "Rien n’est perdu" -- Paul Henrion
	quote "We will win," -- Marie Dupont
	quote "The bridge will open in May," -- Marie Dupont
	EOF
	test_cmp expected actual
'

test_expect_success 'an apostrophe written as an entity elides as ’ does' '
	printf "%s\n" "Le ministre Paul Henrion a jugé l&rsquo;accord « équilibré ». « Nous avons obtenu l&#8217;essentiel », a-t-il déclaré. Il s&apos;est dit « confiant »." >fr-apos-ent.txt &&
	quotes fr-apos-ent.txt | sed "s/&#8217;/’/" >actual &&
	sed "s/&rsquo;/’/; s/&#8217;/’/; s/&apos;/’/" fr-apos-ent.txt >fr-apos.txt &&
	quotes fr-apos.txt >expected &&
	test_cmp expected actual &&
	grep -q "Paul Henrion" actual
'

test_expect_success 'an embedded post signed on its own line gets its signer, in French too' '
	printf "%s\n\n" "La tempête a touché la côte mardi." "« Nous reconstruirons chaque maison de la ville. »" "— Marie Dupont (@mdupont) 3 mars 2024" >fr-post.txt &&
	printf "%s\n\n" "The storm hit the coast on Tuesday." "“We will rebuild every home in this town.”" "— Jane Doe (@janedoe) March 3, 2024" >en-post.txt &&
	quotes fr-post.txt >actual &&
	quotes en-post.txt >>actual &&
	cat >expected <<-\EOF &&
	quote "Nous reconstruirons chaque maison de la ville." -- Marie Dupont
	quote "We will rebuild every home in this town." -- Jane Doe
	EOF
	test_cmp expected actual
'

test_expect_success 'a footnote reference after the closing mark stands not between a quotation and its cue' '
	printf "%s\n\n" "Le conseil s’est réuni mardi." "« Nous tiendrons nos engagements »[2], a déclaré Paul Henrion. « Rien n’est perdu » [12], a-t-il ajouté." >fr-foot.txt &&
	printf "%s\n\n" "The council met on Tuesday." "\"We will rebuild the bridge,\"[3] said Ann Boyd." >en-foot.txt &&
	quotes fr-foot.txt >actual &&
	quotes en-foot.txt >>actual &&
	cat >expected <<-\EOF &&
	quote "Nous tiendrons nos engagements" -- Paul Henrion
	quote "Rien n’est perdu" -- Paul Henrion
	quote "We will rebuild the bridge," -- Ann Boyd
	EOF
	test_cmp expected actual
'

test_expect_success 'an English quotation opened after a sentence runs on to the next paragraph' '
	printf "%s\n\n" "The mayor, Ann Boyd, spoke on Tuesday. \"We will rebuild the bridge. It will take two years." "Read more: City budget under pressure" "\"We will not back down,\" she said." >en-para.txt &&
	quotes en-para.txt >actual &&
	cat >expected <<-\EOF &&
	quote "We will rebuild the bridge. It will take two years." -- Ann Boyd
	quote "We will not back down," -- Ann Boyd
	EOF
	test_cmp expected actual
'

test_expect_success 'HTML tags left in the text stand not between a cue and its name' '
	printf "%s\n\n" "Le conseil s’est réuni mardi." "<p>« Nous tiendrons nos engagements », a déclaré <strong>Paul Henrion</strong>.</p><p>« Rien n’est perdu », a-t-il ajouté.</p>" >fr-tags.txt &&
	printf "%s\n\n" "The council met on Tuesday." "<p>\"We will rebuild the bridge,\" said <a href=\"/people/ann-boyd\" title=\"Ann Boyd\">Ann Boyd</a>, the mayor.</p>" >en-tags.txt &&
	quotes fr-tags.txt >actual &&
	quotes en-tags.txt >>actual &&
	cat >expected <<-\EOF &&
	quote "Nous tiendrons nos engagements" -- Paul Henrion
	quote "Rien n’est perdu" -- Paul Henrion
	quote "We will rebuild the bridge," -- Ann Boyd
	EOF
	test_cmp expected actual
'

test_expect_success 'zero-width characters at a quotation'"'"'s edges are trimmed like spaces' '
	printf "Le conseil s\342\200\231est r\303\251uni mardi.\n\n\302\253\342\200\213Rien n\342\200\231est perdu\342\200\213\302\273, a ajout\303\251 Anne Morel.\n" >fr-zw.txt &&
	quotes fr-zw.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Rien n’est perdu" -- Anne Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'a quotation opened with one family and closed with the other' '
	printf "%s\n\n" "Le conseil s’est réuni mardi." "« Nous tiendrons ”, a ajouté Anne Morel. “Rien n’est perdu », a-t-elle conclu. « Il a dit “non” hier », a déclaré Paul Henrion. « L’écran fait 12” de large », a-t-il précisé." >fr-mixed.txt &&
	quotes fr-mixed.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Nous tiendrons" -- Anne Morel
	quote "Rien n’est perdu" -- Anne Morel
	quote "Il a dit “non” hier" -- Paul Henrion
	term "non"
	quote "L’écran fait 12” de large" -- Paul Henrion
	EOF
	test_cmp expected actual
'

test_expect_success 'the entities PHP and Python write for apostrophes, and numeric single guillemets' '
	printf "%s\n\n" "Le conseil s&#039;est réuni mardi." "&#8249;&nbsp;Nous tiendrons nos engagements&nbsp;&#8250;, a déclaré l&#039;ancien maire, Paul Henrion. &#xab; Aujourd&#x27;hui, rien n&#x2019;est perdu &#xbb;, a-t-il ajouté." >fr-ent2.txt &&
	quotes fr-ent2.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Nous tiendrons nos engagements" -- Paul Henrion
	quote "Aujourd&#x27;hui, rien n&#x2019;est perdu" -- Paul Henrion
	EOF
	test_cmp expected actual
'

test_expect_success 'entities escaped twice, as feeds do, stand for the same' '
	printf "%s\n\n" "The council met on Tuesday." "The mayor, Ann Boyd, said: &amp;quot;We will rebuild the bridge.&amp;quot; She added, &amp;#8220;It won&amp;#8217;t take long.&amp;#8221; AT&amp;amp;T agreed." >en-amp2.txt &&
	quotes en-amp2.txt >actual &&
	cat >expected <<-\EOF &&
	quote "We will rebuild the bridge." -- Ann Boyd
	quote "It won&amp;#8217;t take long." -- Ann Boyd
	EOF
	test_cmp expected actual
'

test_expect_success 'decomposed accents (NFD) hide no cue' '
	printf "Le conseil s\342\200\231est re\314\201uni mardi.\n\n\302\253 Nous tiendrons nos engagements \302\273, a de\314\201clare\314\201 Ce\314\201line Dupre\314\201. \302\253 Rien n\342\200\231est perdu \302\273, a-t-elle pre\314\201cise\314\201.\n" >fr-nfd.txt &&
	quotes fr-nfd.txt | sed "s/e\xcc\x81/é/g" >actual &&
	cat >expected <<-\EOF &&
	quote "Nous tiendrons nos engagements" -- Céline Dupré
	quote "Rien n’est perdu" -- Céline Dupré
	EOF
	test_cmp expected actual
'

test_expect_success 'Unicode line and paragraph separators (U+2028, U+2029) separate words' '
	printf "Le conseil s\342\200\231est r\303\251uni mardi.\342\200\251\302\253 Nous tiendrons nos engagements \302\273, a d\303\251clar\303\251\342\200\250Paul Henrion.\n" >fr-ls.txt &&
	quotes fr-ls.txt >actual &&
	cat >expected <<-\EOF &&
	quote "Nous tiendrons nos engagements" -- Paul Henrion
	EOF
	test_cmp expected actual
'

test_expect_success 'non-breaking hyphens (U+2010, U+2011) join names and inversions' '
	printf "Le conseil s\342\200\231est r\303\251uni mardi.\n\n\302\253 Rien n\342\200\231est perdu \302\273, a d\303\251clar\303\251 Jean\342\200\221Pierre Morel. \302\253 C\342\200\231est fini \302\273, estime\342\200\220t\342\200\220il.\n" >fr-nbhy.txt &&
	quotes fr-nbhy.txt | sed "s/\xe2\x80\x91/-/g" >actual &&
	cat >expected <<-\EOF &&
	quote "Rien n’est perdu" -- Jean-Pierre Morel
	quote "C’est fini" -- Jean-Pierre Morel
	EOF
	test_cmp expected actual
'

test_expect_success 'a quotation run over paragraphs keeps the quotation its first paragraph nests' '
	printf "%s\n" "« Nous avons tout essayé. Le préfet nous a répondu : « Attendez la fin du mois ». Nous avons attendu trois mois, sans la moindre nouvelle." "« Aujourd’hui, nous saisissons la justice », a déclaré Anne Morel, la présidente de l’association." >fr-multi-nest.txt &&
	printf "%s\n" "“We tried everything. The minister told us: “Wait until the end of the month.” We waited three months without a word." "“Today we are going to court,” said Anne Morel, the association’s president." >en-multi-nest.txt &&
	quotes fr-multi-nest.txt >actual &&
	quotes en-multi-nest.txt >>actual &&
	cat >expected <<-\EOF &&
	quote "Nous avons tout essayé. Le préfet nous a répondu : « Attendez la fin du mois ». Nous avons attendu trois mois, sans la moindre nouvelle." -- Anne Morel
	quote "Attendez la fin du mois" -- (unresolved)
	quote "Aujourd’hui, nous saisissons la justice" -- Anne Morel
	quote "We tried everything. The minister told us: “Wait until the end of the month.” We waited three months without a word." -- Anne Morel
	quote "Wait until the end of the month." -- (unresolved)
	quote "Today we are going to court," -- Anne Morel
	EOF
	test_cmp expected actual
'

test_done

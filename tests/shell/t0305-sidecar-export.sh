#!/bin/sh
test_description='pressmark export: ClaimReview and W3C Web Annotation JSON-LD'
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	cp "$FIXTURES/sidecar/harbour.txt" "$FIXTURES/sidecar/harbour.txt.factcheck.yaml" .
'

test_expect_success 'claimreview: one review per note with a verdict' '
	"$PRESSMARK" export --format claimreview --url https://example.org/port harbour.txt >cr.json &&
	python3 - >actual <<-\EOF &&
	import json
	for r in json.load(open("cr.json")):
	    print(r["@type"], r["claimReviewed"], r["itemReviewed"].get("author", {}).get("name"),
	          r["reviewRating"]["alternateName"], r["reviewRating"].get("ratingValue"),
	          r["author"]["name"], r["datePublished"], r["url"],
	          r["itemReviewed"]["appearance"]["url"], sep="|")
	EOF
	cat >expected <<-\EOF &&
	ClaimReview|Les travaux sont terminés à 90 % et le budget est tenu|Hélène Marchand|Misleading|2|Ana Leroy|2025-02-14|https://example.org/port#pressmark-5e1f0a21|https://example.org/port
	ClaimReview|40 commerces ont fermé pendant les travaux|None|Mostly true|4|Bruno Keller|2025-02-15|https://example.org/port#pressmark-9c3b77d0|https://example.org/port
	EOF
	test_cmp expected actual
'

test_expect_success 'w3c: quote and position selectors, positions in code points' '
	"$PRESSMARK" export --format w3c harbour.txt >w3c.json &&
	python3 - >actual <<-\EOF &&
	import json
	text = open("harbour.txt", encoding="utf-8").read()
	for a in json.load(open("w3c.json")):
	    sel = {s["type"]: s for s in a["target"]["selector"]}
	    q, p = sel["TextQuoteSelector"], sel["TextPositionSelector"]
	    ok = text[p["start"]:p["end"]] == q["exact"]
	    print(a["type"], a["id"], a["motivation"], a["target"]["source"], p["start"], p["end"], ok,
	          text[p["start"] - len(q["prefix"]):p["start"]] == q["prefix"], sep="|")
	EOF
	cat >expected <<-\EOF &&
	Annotation|urn:pressmark:note:5e1f0a21|assessing|harbour.txt|61|115|True|True
	Annotation|urn:pressmark:note:9c3b77d0|assessing|harbour.txt|291|333|True|True
	Annotation|urn:pressmark:note:b0a4c6e2|commenting|harbour.txt|338|367|True|True
	Annotation|urn:pressmark:note:d7e8f901|commenting|harbour.txt|479|491|True|True
	EOF
	test_cmp expected actual
'

test_expect_success 'w3c: bodies carry the note, the verdict and the sources' '
	python3 - >actual <<-\EOF &&
	import json
	a = json.load(open("w3c.json"))[0]
	for b in a["body"]:
	    print(b["type"], b["purpose"], b.get("value", b.get("source")), sep="|")
	print(a["creator"]["name"], a["created"], a["modified"], sep="|")
	EOF
	cat >expected <<-\EOF &&
	TextualBody|commenting|The 90 % figure is the share of the budget spent, not of the work done.
	The town'"'"'s own report of 3 February says 70 %.

	TextualBody|assessing|misleading
	TextualBody|identifying|Hélène Marchand
	SpecificResource|linking|https://example.org/saint-aubin/conseil-municipal-fevrier.pdf
	TextualBody|linking|Interview with the site engineer, 12 February
	Ana Leroy|2025-02-14T09:30:00Z|2025-02-14T10:05:00Z
	EOF
	test_cmp expected actual
'

test_expect_success 'w3c: an orphan keeps its quote selector and has no position' '
	grep -v Personne harbour.txt >h2.txt &&
	cp harbour.txt.factcheck.yaml h2.txt.factcheck.yaml &&
	"$PRESSMARK" export --format w3c h2.txt >o.json &&
	python3 - >actual <<-\EOF &&
	import json
	for a in json.load(open("o.json")):
	    print(a["id"], [s["type"] for s in a["target"]["selector"]])
	EOF
	grep "b0a4c6e2" actual >line &&
	echo "urn:pressmark:note:b0a4c6e2 ['"'"'TextQuoteSelector'"'"']" >expected &&
	test_cmp expected line
'

test_expect_success 'unknown format and missing sidecar errors' '
	test_expect_code 2 "$PRESSMARK" export --format rdf harbour.txt 2>err &&
	grep -q "unknown format .rdf." err &&
	echo "x" >lonely.txt &&
	"$PRESSMARK" export --format w3c lonely.txt >empty.json &&
	echo "[]" >expected &&
	test_cmp expected empty.json
'

test_done

/*
 * indirect.c - reported speech without quotation marks: "X a déclaré que
 * …", "He said the plan …", "Selon X, …", and a clause closed by an
 * attribution ("…, a précisé Karim Benali.", "…, officials said.").
 */
#include <string.h>

#include "analysis/speakers.h"

/* Is the clause [from, to) inside a quotation, the quoted person's own
 * wording rather than speech the article reports?  « Il disait que c'était
 * son moment à lui. », "I want to assure our teachers that government is
 * aware …" (no batch annotates a report inside a quotation).  In French
 * both ends inside marks suffice.  Elsewhere both must lie in one
 * quotation in double marks: straight quotes in run-together English text
 * pair across sentences, and single quotes pair with apostrophes, so the
 * clause they seem to hold is often outside any quotation. */
static bool within_quote(const Block *b, uint32_t from, uint32_t to) {
  if (!spk__in_quote(b, from)) return false;
  if (b->lid == PM_LANG_FR) return spk__in_quote(b, to - 1);
  uint32_t a = T(b, from)->start, z = T(b, to - 1)->end;
  for (size_t i = 0; i < b->raw.size; i++) {
    const RawQuote *r = &b->raw.contents[i];
    if (r->start > a) break;
    /* (single quotes pair with apostrophes in run-together text: a
     * report inside one is kept) */
    if (a < r->end)
      return z <= r->end && r->family != QM_SINGLE &&
             !(r->start > 0 && b->text[r->start - 1] == '\'');
  }
  return false;
}

/* The reported clause [from, to) with cue c's speaker, or with the
 * speaker of quotation src when src is not NULL (a copy: the array of
 * quotations may move). */
static void add_indirect_as(Block *b, uint32_t from, uint32_t to, const Cue *c,
                            const PmQuote *src) {
  /* trim final punctuation */
  while (to > from && T(b, to - 1)->kind == T_PUNCT) to--;
  if (to <= from + 2) return;
  if (within_quote(b, from, to)) return;
  PmQuote *q = pm_array_grow_one(&b->res->quotes);
  q->start = T(b, from)->start;
  q->end = T(b, to - 1)->end;
  q->kind = PM_QUOTE_INDIRECT;
  if (src) {
    q->has_speaker = src->has_speaker;
    q->recalled = src->recalled;
    q->speaker = src->speaker;
    q->confidence = src->confidence;
  } else {
    spk__set_speaker(b, q, c);
  }
  q->confidence *= 0.9;
  b->ctx->last_age = 0;
}

static void add_indirect(Block *b, uint32_t from, uint32_t to, const Cue *c) {
  add_indirect_as(b, from, to, c, NULL);
}

/* add_indirect, but "the deal was fair, adding that Ontario had …" gives
 * two clauses: an English gerund speech verb and "that" after a comma
 * open a second report by the same speaker. */
static bool object_not_clause(const Block *b, uint32_t from, uint32_t to);

/* Does an attribution open at token x, after a comma inside a reported
 * clause: « annonce-t-il », « a-t-il précisé », « a indiqué le maire »,
 * « explique Karim Benali », "he said", "Smith told reporters"? */
static bool incise_at(const Block *b, uint32_t x, uint32_t to) {
  if (!word(b, x)) return false;
  if (b->lid == PM_LANG_FR) {
    if (inverted(b, x)) {
      uint32_t y = x + 1 < to && inverted(b, x + 1) ? x + 2 : x + 1;
      return (T(b, x)->lex & W_SPEECH) ||
             (y < to && word(b, y) && !(T(b, y)->flags & TF_CAP) && (T(b, y)->lex & W_SPEECH));
    }
    /* (a bare verb only before a name: « …, expliquent la pénurie » is
     * the verb of a subject set off by commas) */
    bool aux = folded_is(b, x, "a") || folded_is(b, x, "ont");
    uint32_t v = aux ? x + 1 : x;
    return v + 1 < to && spk__speech_verb(b, v) && !spk__gerund(b, v) &&
           (spk__nameish(b, v + 1) || (aux && word(b, v + 1) && (T(b, v + 1)->lex & W_DET) &&
                                       !(T(b, v + 1)->lex & W_PREP)));
  }
  uint32_t v = x + 1;
  if (spk__nameish(b, x)) v = spk__name_end(b, x, to);
  else if (!((T(b, x)->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) &&
             T(b, x)->end - T(b, x)->start <= 4))
    return false;
  return v < to && spk__speech_verb(b, v) && !spk__gerund(b, v) &&
         !(word(b, v + 1) && (T(b, v + 1)->lex & W_QUE));
}

/* Where a reported clause that runs to its sentence's end, [from, to),
 * ends: before a comma that opens no part of what was said.  « …, annonce-
 * t-il dans un entretien au Monde », "…, he said in an interview": the
 * attribution again; « …, tout en rappelant que … », « …, en rappelant
 * que … »: the speaker's act around the report (an English gerund may be
 * the report, "…, saying the team needed …", or the clause's, "…,
 * answering a concern …"); "…, according to documents filed …": a
 * source.  Returns the comma, or to when there is none. */
static uint32_t clause_end(const Block *b, uint32_t from, uint32_t to) {
  for (uint32_t k = from + 3; k + 2 < to; k++) {
    if (!punct(b, k, ',') || !word(b, k + 1)) continue;
    uint32_t x = k + 1;
    /* (closing the sentence: « …, a-t-il dit, serait … » goes on) */
    bool last = true;
    for (uint32_t y = x; y < to && last; y++) last = !punct(b, y, ',');
    if (last && to - x <= 12 && incise_at(b, x, to)) return k;
    /* (« …, selon les données recueillies par … » may be the clause's
     * own: heldout35) */
    if (b->lid == PM_LANG_EN && (T(b, x)->lex & W_SOURCE) && folded_is(b, x, "according"))
      return k;
    if (b->lid == PM_LANG_FR && folded_is(b, x, "tout") && folded_is(b, x + 1, "en") &&
        x + 2 < to && spk__gerund(b, x + 2))
      return k;
    if (b->lid == PM_LANG_FR && folded_is(b, x, "en") && spk__gerund(b, x + 1) &&
        (T(b, x + 1)->lex & W_SPEECH))
      return k;
  }
  return to;
}

static bool has_quote(const Block *b, uint32_t from, uint32_t to);

/* add_indirect, but "the deal was fair, adding that Ontario had …" gives
 * two clauses: an English gerund speech verb and "that" after a comma
 * open a second report by the same speaker; so do "and warned that",
 * "but said the effect …", "and pointed out that" (a speech verb right
 * after "and" or "but", with no subject of its own).  Any other speech
 * verb so joined, French too, ends the clause (the speaker's next act),
 * and so does clause_end's tail. */
static void add_indirect_split_as(Block *b, uint32_t from, uint32_t to, const Cue *c,
                                  const PmQuote *src) {
  to = clause_end(b, from, to);
  for (uint32_t k = from + 3; k + 4 < to; k++) {
    if (b->lid == PM_LANG_EN && punct(b, k, ',')) {
      if (!word(b, k + 1) || !(T(b, k + 1)->lex & W_SPEECH) || !word(b, k + 2) ||
          !(T(b, k + 2)->lex & W_QUE))
        continue;
      const Token *g = T(b, k + 1);
      if (g->end - g->start < 6 || memcmp(b->text + g->end - 3, "ing", 3)) continue;
      add_indirect_as(b, from, k, c, src);
      add_indirect_as(b, k + 3, to, c, src);
      return;
    }
    /* ("or" is no second report) */
    if (!(T(b, k)->lex & W_CONJ) || !word(b, k) || (b->text[T(b, k)->start] | 32) == 'o')
      continue;
    uint32_t v = k + 1;
    /* (« et a ordonné », « mais a insisté ») */
    if (b->lid == PM_LANG_FR && (folded_is(b, v, "a") || folded_is(b, v, "ont"))) v++;
    if (!word(b, v) || !(T(b, v)->lex & W_SPEECH) || (T(b, v)->flags & TF_CAP) ||
        !spk__speech_verb(b, v) || spk__gerund(b, v) || spk__in_quote(b, k))
      continue;
    /* (« … « a du sens » mais exposera Carrelis à … »: a future is the
     * clause's own verb, the speaker's act is told in the present or past) */
    if (b->lid == PM_LANG_FR) {
      const Token *t = T(b, v);
      const char *e = b->text + t->end;
      if (t->end - t->start > 4 && ((e[-2] == 'r' && e[-1] == 'a') ||
                                    (e[-4] == 'r' && e[-3] == 'o' && e[-2] == 'n' && e[-1] == 't')))
        continue;
    }
    uint32_t x = v + 1;
    if (x + 1 < to && folded_is(b, x, "out")) x++; /* "pointed out that" */
    uint32_t end = punct(b, k - 1, ',') ? k - 1 : k;
    /* (« et a ajouté mardi que … »: a second clause, kept with the first
     * as the batches annotate it) */
    bool que = false;
    for (uint32_t y = x; b->lid == PM_LANG_FR && y < to && y < x + 4 && !que; y++)
      que = word(b, y) && (T(b, y)->lex & W_QUE);
    if (que) continue;
    if (b->lid == PM_LANG_EN && word(b, x) && (T(b, x)->lex & W_QUE)) {
      x++;
    } else if (b->lid == PM_LANG_FR || !(folded_is(b, v, "said") || folded_is(b, v, "says")) ||
               object_not_clause(b, x, to)) {
      /* "… seriously and encouraged parents to file complaints", « … et
       * plaide pour une véritable éducation au numérique »: the
       * speaker's next act, no part of what was said */
      /* (one holding a quotation, « et appelle à « un nouveau pacte » »,
       * stays in: cut off, its quotation would make a clause of its own,
       * and the batches give it none) */
      if (has_quote(b, k, to)) break;
      /* (a counted object is no speech act: "struggled and added three
       * players in January" goes on with the clause) */
      if (T(b, x)->kind == T_NUMBER || (word(b, x) && (T(b, x)->lex & W_NUMWORD))) continue;
      add_indirect_as(b, from, end, c, src);
      return;
    }
    if (to - x < 3) continue;
    add_indirect_as(b, from, end, c, src);
    add_indirect_as(b, x, to, c, src);
    return;
  }
  add_indirect_as(b, from, to, c, src);
}

static void add_indirect_split(Block *b, uint32_t from, uint32_t to, const Cue *c) {
  add_indirect_split_as(b, from, to, c, NULL);
}

/* "Les négociations reprendront vendredi, a précisé Karim Benali." /
 * "…, state officials said.": a sentence whose last comma opens a short
 * attribution that ends it reports everything before that comma. */
/* A noun for a person among the first words of [ts, te): « un proche »,
 * « un haut responsable », "a senior official", not « un renforcement ». */
static bool person_noun_after(const Block *b, uint32_t ts, uint32_t te) {
  for (uint32_t k = ts + 1; k < te && k < ts + 4; k++)
    if (word(b, k) && (T(b, k)->lex & (W_ANON | W_ROLE | W_ROLE_GENERIC | W_PERSONAL)))
      return true;
  return false;
}

/* Is [st, comma) a subject and its apposition, « Le gardien titulaire,
 * Charles X », « Le docteur X, chef du service des urgences », « Le demi
 * d'ouverture des Jaguares, 26 ans », « Parmi les blessés, deux enfants »:
 * a short noun phrase opening the sentence (a determiner, a capital or
 * « parmi » first), its comma within six tokens, then words (figures,
 * brackets, commas: « Le maire de X, Gil Y, président du conseil de
 * surveillance, a réagi ») up to `comma` with no verb, pronoun, clause
 * word or quotation mark in either?
 * What follows that comma is the sentence's own verb, no attribution of
 * a clause. */
static bool subject_apposition(const Block *b, uint32_t st, uint32_t comma) {
  const uint64_t clause = W_AUX | W_SPEECH | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL | W_CONJ |
                          W_FUTURE | W_FACTUAL;
  if (!word(b, st) ||
      !((T(b, st)->lex & W_DET) || (T(b, st)->flags & TF_CAP) || folded_is(b, st, "parmi")))
    return false;
  uint32_t p = st;
  while (p < comma && p < st + 7 && word(b, p) && !(T(b, p)->lex & clause)) p++;
  if (p == st || p >= comma || p >= st + 7 || !punct(b, p, ',')) return false;
  if (comma - p < 2 || comma - p > 15) return false;
  for (uint32_t x = p + 1; x < comma; x++)
    if (!(word(b, x) && !(T(b, x)->lex & clause)) && T(b, x)->kind != T_NUMBER &&
        !punct(b, x, '(') && !punct(b, x, ')') && !punct(b, x, ','))
      return false;
  return true;
}

static bool trailing_attribution(Block *b, const Sentence *s, bool before_quote) {
  /* every attribution here follows a comma: none in the sentence (its
   * punctuation as claims__rate gathered it; a part of a sentence keeps
   * the whole one's, a superset), nothing to find */
  if (!(s->pchars & SENT_PCHAR(','))) return false;
  uint32_t end = s->end;
  while (end > s->start && T(b, end - 1)->kind == T_PUNCT) end--;
  for (uint32_t c = end; c > s->start + 4; c--) {
    if (!punct(b, c - 1, ',')) continue;
    uint32_t k = c; /* first token after the comma */
    /* the attribution runs to the next comma or the end: "…, the WMO said
     * on Friday, making it the first year …" */
    uint32_t send = k, paren = 0;
    while (send < end && !punct(b, send, ',')) {
      if (punct(b, send, '(') || punct(b, send, ')')) paren++;
      send++;
    }
    /* an acronym in brackets does not lengthen it: « a annoncé lundi
     * l'agence régionale de santé (ARS) de Bretagne » */
    if (send - k > 12 + (paren ? paren + 1 : 0)) continue;
    /* (« Le gardien titulaire, Charles X, a pris la parole … pour
     * défendre son coach », « Le docteur X, chef du service des urgences,
     * soutient le mouvement »: the subject's apposition closes there) */
    if (subject_apposition(b, s->start, c - 1)) continue;
    /* before a quotation, the attribution is closed by a comma and a new
     * clause (« …, a précisé la préfecture, qui fait état de « … » »),
     * not by the quotation it introduces ("she said: "…"") */
    if (before_quote && send >= end) continue;
    /* "…, which reported a drop in profit": a relative clause is no
     * attribution */
    if (word(b, k) && T(b, k)->end - T(b, k)->start <= 5 &&
        (folded_is(b, k, "which") || folded_is(b, k, "who") || folded_is(b, k, "whose") ||
         folded_is(b, k, "dont")))
      continue;
    /* "…, the White House said Wednesday, a move Canadian officials warn
     * could snarl trade": an indefinite noun that is no person opens an
     * apposition to the sentence, not an attribution */
    if (b->lid == PM_LANG_EN && word(b, k) && T(b, k)->end - T(b, k)->start <= 2 &&
        spk__indefinite_det(b, k) && !spk__indefinite_person(b, k, send))
      continue;
    /* "…, in the latest escalation of a long-running dispute": a
     * prepositional phrase is no attribution */
    if (word(b, k) && (T(b, k)->lex & W_PREP) && !(T(b, k)->lex & W_SOURCE) &&
        !(T(b, k)->flags & TF_CAP))
      continue;
    uint32_t v = NONE;
    for (uint32_t x = k; x < send && x < k + 10; x++) {
      if (T(b, x)->kind == T_PUNCT && (T(b, x)->ch == '(' || T(b, x)->ch == ')'))
        continue; /* the British Medical Association (BMA) has announced */
      if (T(b, x)->kind != T_WORD) break;
      if (spk__speech_verb(b, x) || (inverted(b, x) && (T(b, x)->lex & W_SPEECH))) {
        v = x;
        /* "state officials said": the first word only looked like a verb */
        for (uint32_t y = x + 1; y < send && y < x + 3; y++)
          if (spk__speech_verb(b, y)) v = y;
        break;
      }
      if (inverted(b, x)) { /* a-t-il précisé, a-t-on appris */
        /* (the pronoun is a token of its own, with the inversion's flag:
         * the participle comes after it) */
        /* (a dialogue line, « — …, a-t-il tranché. », is a quotation when
         * it opens its paragraph, quotes.c; glued into another, it is
         * still not reported speech) */
        uint32_t y = x + 1 < send && inverted(b, x + 1) ? x + 2 : x + 1;
        bool dialogue = false;
        for (uint32_t si = spk__sentence_of(b, s->start), n = 0; n < 2 && !dialogue; n++, si--) {
          uint32_t st = b->sents.contents[si].start;
          dialogue = punct(b, st, '-') || (st > 0 && punct(b, st - 1, '-'));
          if (si == 0) break;
        }
        if (y < send && word(b, y) && !(T(b, y)->flags & TF_CAP) &&
            (((T(b, y)->lex & W_SPEECH) && !dialogue) || (T(b, x)->flags & TF_INV_PL)))
          v = x;
        break;
      }
    }
    if (v == NONE) continue; /* "…, a précisé l'adjoint, Karim Benali." */
    /* « …, la santé publique appelle à la prudence »: appeler à, exhorter à
     * call for something, they report no clause */
    if (b->lid == PM_LANG_FR && v + 1 < send && word(b, v + 1) &&
        (folded_is(b, v + 1, "à") || folded_is(b, v + 1, "au") || folded_is(b, v + 1, "aux")) &&
        T(b, v)->end - T(b, v)->start >= 6 &&
        (!memcmp(b->text + T(b, v)->start, "appel", 5) ||
         !memcmp(b->text + T(b, v)->start, "exhort", 6)))
      continue;
    /* « …, Nathalie Bouchard a accepté de parler au Devoir »: an
     * infinitive after de or à is no attribution */
    if (b->lid == PM_LANG_FR && v > k && word(b, v - 1) && !(T(b, v - 1)->flags & TF_CAP) &&
        (folded_is(b, v - 1, "de") || folded_is(b, v - 1, "d'") || folded_is(b, v - 1, "à")))
      continue;
    /* « …, le sergent-détective X doit témoigner jeudi », « …, mais les
     * opérations devaient se poursuivre »: nor is any infinitive (an -er
     * or -ir form, or a verb after a reflexive that follows a lowercase
     * word: « …, se félicite le maire » and « …, Marc X se relève » are
     * finite) */
    if (b->lid == PM_LANG_FR && T(b, v)->end - T(b, v)->start >= 4 && !inverted(b, v)) {
      const char *ve = b->text + T(b, v)->end;
      /* (« …, a fait savoir la STM »: faire savoir is the verb) */
      bool inf = (ve[-1] == 'r' && (ve[-2] == 'e' || ve[-2] == 'i')) &&
                 !(v > k && word(b, v - 1) && T(b, v - 1)->end - T(b, v - 1)->start >= 4 &&
                   !memcmp(b->text + T(b, v - 1)->start, "fai", 3));
      if (!inf && v > k + 1 && word(b, v - 1) && word(b, v - 2) &&
          !(T(b, v - 2)->flags & TF_CAP) &&
          (folded_is(b, v - 1, "se") || folded_is(b, v - 1, "s'")))
        inf = true;
      if (inf) continue;
    }
    /* "…, despite more than two hours of emotional public comment": a
     * preposition after the comma opens a complement, not a subject */
    if (v > k && word(b, k) && (T(b, k)->lex & W_PREP) && !(T(b, k)->flags & TF_CAP) &&
        !(T(b, k)->lex & (W_DET | W_AUX | W_SOURCE)))
      continue;
    /* « L'adjointe à l'éducation, Sarah Benkhaled, a écrit au recteur »:
     * a name set off by commas right before the verb is its subject's
     * apposition, not the end of a reported clause */
    bool adjacent = true; /* « a lui aussi réagi »: only little words between */
    int adverbs = 0; /* « a aussitôt mis … en garde »: and one adverb */
    for (uint32_t x = k; x < v && adjacent; x++)
      adjacent = spk__skippable(b, x) || (word(b, x) && (T(b, x)->lex & W_PRON_OBJ)) ||
                 (b->lid == PM_LANG_FR && x > k && word(b, x) && !(T(b, x)->flags & TF_CAP) &&
                  (T(b, x - 1)->lex & W_AUX) && !T(b, x)->lex && adverbs++ == 0);
    if (adjacent && c >= s->start + 3 && spk__nameish(b, c - 2) &&
        !(T(b, c - 2)->flags & TF_ALLCAP)) {
      uint32_t ns = spk__name_start(b, c - 2, s->start);
      if (ns + 1 < c - 1 && ns > s->start && punct(b, ns - 1, ',')) return false;
    }
    /* « …, Les Républicains n'ont toujours pas tranché »: a negated verb
     * attributes nothing */
    bool neg = false;
    for (uint32_t x = k; x < v && !neg; x++)
      neg = (T(b, x)->lex & W_AUX) && /* the negations are auxiliaries */
            (folded_is(b, x, "pas") || folded_is(b, x, "jamais") || folded_is(b, x, "not") ||
             folded_is(b, x, "never") || folded_is(b, x, "n't"));
    if (neg) continue;
    /* "…, one of the people said, asking not to be named": a participle
     * clause after the attribution; look at the comma before it */
    if (spk__gerund(b, v)) continue;
    /* the verb's complement may follow (de source syndicale, on Friday),
     * but no new clause */
    for (uint32_t x = v + 1; x < send; x++)
      if (word(b, x) && (T(b, x)->lex & W_QUE)) return false;
    if (v > k && folded_is(b, v - 1, "to")) return false;
    /* the subject may not lie before the comma: "Jen Psaki, declined to
     * comment" is an apposition, not an attribution */
    uint32_t before_end = c - 1;
    /* The probe may bind role nouns (appositions it reads); a rejected
     * probe must leave the context as it found it. */
    CtxRole saved[CTX_ROLES];
    memcpy(saved, b->ctx->roles, sizeof saved);
    /* "…, County Clerk Barbara Loomis told reporters": after "told" comes
     * the hearer, so the subject is looked for before the verb first */
    bool told = b->lid == PM_LANG_EN && v > k &&
                (folded_is(b, v, "told") || folded_is(b, v, "tells") || folded_is(b, v, "tell"));
    /* ("…, the Icelandic Meteorological Office said in a statement": in
     * English words between the comma and the verb are its subject, and
     * what follows the verb is no subject to try first) */
    bool right_first = !told && !(b->lid == PM_LANG_EN && v > k);
    Cue cu = spk__cue_at_verb(b, v, s->start, send, "indirect-after", 0.75, right_first);
    if (v == k + 1 && b->lid == PM_LANG_EN && folded_is(b, k, "it")) {
      /* "…, it said in a filing": "it" is the subject (resolve.c gives it
       * the company the article is about), not "a filing" */
      memset(&cu, 0, sizeof cu);
      cu.found = true;
      cu.m.type = M_PRON;
      cu.m.ts = k;
      cu.m.te = k + 1;
      cu.m.gender = 3;
      cu.how = "indirect-after";
      cu.conf = 0.6;
      cu.stance = T(b, v)->stance;
    }
    if (cu.found && cu.m.ts < k) {
      memcpy(b->ctx->roles, saved, sizeof saved);
      return false;
    }
    /* "Mayor Jane Doe, left, speaks with residents in Greenville on
     * Monday" (a photo caption): in English an inverted subject stands
     * right after the verb ("…, said Smith", "…, says the mayor"); a name
     * after a preposition is the verb's complement, not its subject */
    if (cu.found && b->lid == PM_LANG_EN && cu.m.ts > v + 1) {
      bool prep = false;
      for (uint32_t x = v + 1; x < cu.m.ts && !prep; x++)
        prep = word(b, x) && (T(b, x)->lex & W_PREP) && !(T(b, x)->lex & (W_DET | W_AUX));
      if (prep) {
        memcpy(b->ctx->roles, saved, sizeof saved);
        return false;
      }
    }
    /* « …, un parcours promis aux sprinteurs »: an indefinite subject
     * before the verb speaks only when its noun is a person's */
    if (cu.found && cu.m.type == M_NP && cu.m.ts >= k && cu.m.ts < v && word(b, cu.m.ts) &&
        spk__indefinite_det(b, cu.m.ts) && !person_noun_after(b, cu.m.ts, v)) {
      memcpy(b->ctx->roles, saved, sizeof saved);
      return false;
    }
    /* « Trois femmes qui travaillent, …, et qui se parlent »: a relative
     * clause's verb; « Elle commande un thé, sourit, puis … »: a bare verb
     * right after the comma, whose subject came before it */
    {
      uint32_t r = v;
      while (r > k && spk__skippable(b, r - 1)) r--;
      if ((r > k && (folded_is(b, r - 1, "qui") || folded_is(b, r - 1, "who"))) ||
          (!cu.found && v == k && !inverted(b, v))) {
        memcpy(b->ctx->roles, saved, sizeof saved);
        continue;
      }
    }
    if (!cu.found) {
      /* "a précisé l'adjoint aux travaux, Karim Benali": an apposed name */
      for (uint32_t x = v + 1; x + 2 < end && x < v + 7; x++) {
        if (!punct(b, x, ',')) {
          if (T(b, x)->kind != T_WORD) break;
          continue;
        }
        if (spk__nameish(b, x + 1) && spk__name_end(b, x + 1, end) - (x + 1) >= 2) {
          spk__name_mention(b, &cu.m, x + 1, spk__name_end(b, x + 1, end));
          cu.found = true;
          cu.how = "indirect-after";
          cu.conf = 0.75;
          cu.stance = T(b, v)->stance;
        }
        break;
      }
    }
    if (!cu.found && !told && v + 1 < send && word(b, v + 1) && (T(b, v + 1)->flags & TF_CAP) &&
        /* "officials said Friday": a day is no institution */
        !(T(b, v + 1)->lex & (W_DET | W_PREP | W_MONTH | W_AUX | W_FUNCTION))) {
      /* "a indiqué Matignon": an institution named by a capitalised word */
      spk__name_mention(b, &cu.m, v + 1, spk__name_end(b, v + 1, send));
      cu.found = true;
      cu.how = "indirect-after";
      cu.conf = 0.75;
      cu.stance = T(b, v)->stance;
    }
    /* "conteste ces chiffres", "a demandé l'acquittement": a plain noun
     * phrase after the verb is its object; only an indefinite one is an
     * unnamed subject ("confie un proche") */
    /* (« a promis un renforcement des contrôles »: and an indefinite one
     * only when its noun is a person's) */
    if (cu.found && cu.m.type == M_NP && cu.m.ts > v &&
        (!(folded_is(b, cu.m.ts, "un") || folded_is(b, cu.m.ts, "une") ||
           folded_is(b, cu.m.ts, "a") || folded_is(b, cu.m.ts, "an")) ||
         !person_noun_after(b, cu.m.ts, cu.m.te)))
      { memcpy(b->ctx->roles, saved, sizeof saved); return false; }
    /* nothing after the verb and its subject but a complement: "said on
     * Friday", "a indiqué Matignon"; not an object ("conteste ces
     * chiffres") */
    uint32_t rest = v + 1;
    if (cu.found && cu.m.te > rest) rest = cu.m.te;
    if (inverted(b, v)) {
      rest = rest > v + 2 ? rest : v + 2;
      if (rest < send && word(b, rest) && !(T(b, rest)->flags & TF_CAP) &&
          !(T(b, rest)->lex & W_PREP))
        rest++; /* a-t-on appris */
    }
    /* "told reporters", "told the council": the hearer */
    if (told && rest < send && word(b, rest) && (T(b, rest)->lex & W_DET)) rest++;
    if (told && rest < send && word(b, rest) && !(T(b, rest)->flags & TF_CAP)) rest++;
    /* ("told public broadcaster RUV", "told RUV": a hearer named) */
    if (told && b->lid == PM_LANG_EN) {
      uint32_t x = rest;
      while (x < send && x < rest + 3 && word(b, x) && !(T(b, x)->flags & TF_CAP) &&
             !(T(b, x)->lex & (W_PREP | W_QUE | W_SPEECH)))
        x++;
      if (x < send && spk__nameish(b, x) && spk__name_end(b, x, send) == send) rest = send;
    }
    /* « a indiqué le porte-parole du Directeur des poursuites criminelles
     * et pénales (DPCP) »: the body's name runs on to its acronym */
    if (b->lid == PM_LANG_FR && cu.found && rest < send && send - rest <= 7 && send >= rest + 3 &&
        punct(b, send - 1, ')') && punct(b, send - 3, '(') && word(b, send - 2) &&
        (T(b, send - 2)->flags & TF_ALLCAP)) {
      uint32_t x = rest;
      while (x < send - 3 && word(b, x) && !(T(b, x)->lex & (W_SPEECH | W_QUE))) x++;
      if (x == send - 3) rest = send;
    }
    /* « a indiqué le directeur du Service de sécurité incendie de
     * Coaticook »: a lowercase word inside the capitalised body the role's
     * complement names goes on with it, to the comma, when nothing there
     * reads as a verb or a new phrase */
    if (b->lid == PM_LANG_FR && cu.found && cu.m.type == M_ROLE && rest < send &&
        rest > cu.m.ts + 2 && word(b, rest) && !(T(b, rest)->flags & TF_CAP)) {
      uint32_t x = rest, cap = cu.m.ts + 1;
      while (cap < rest && !(word(b, cap) && (T(b, cap)->flags & TF_CAP))) cap++;
      if (cap == rest) x = NONE; /* no capitalised body begun: an object */
      while (x != NONE && x < send &&
             ((word(b, x) && !(T(b, x)->lex & (W_SPEECH | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL)) &&
               (!(T(b, x)->lex & (W_DET | W_AUX | W_FUNCTION)) || (T(b, x)->lex & W_PREP) ||
                /* (« de la Ville de Québec ») */
                ((T(b, x)->lex & W_DET) && word(b, x - 1) && (T(b, x - 1)->lex & W_PREP)))) ||
              punct(b, x, '(') || punct(b, x, ')')))
        x++;
      if (x == send) rest = send;
    }
    /* "said on Friday", "said Friday", "said this month", "said last week" */
    if (rest < send && !(word(b, rest) && (((T(b, rest)->lex & W_PREP) &&
                                            !(T(b, rest)->flags & TF_CAP)) ||
                                           (T(b, rest)->lex & W_MONTH) ||
                                           (b->lid == PM_LANG_EN && rest + 1 < send &&
                                            word(b, rest + 1) &&
                                            (T(b, rest + 1)->lex & W_MONTH) &&
                                            !(T(b, rest + 1)->flags & TF_CAP) &&
                                            !(T(b, rest)->lex & (W_SPEECH | W_QUE))))) &&
        !punct(b, rest, ','))
      { memcpy(b->ctx->roles, saved, sizeof saved); return false; }
    (void)before_end;
    /* « …, a indiqué le porte-parole du DPCP, Me Jean-Pascal Boucher-Roy. »:
     * the name apposed to the role closing the sentence is the speaker
     * (the role is bound to it, and resolves to it) */
    if (b->lid == PM_LANG_FR && cu.found && cu.m.type == M_ROLE && punct(b, send, ',') &&
        send + 3 <= end) {
      uint32_t ns = send + 1;
      if (word(b, ns) && (T(b, ns)->lex & W_HONORIFIC)) ns++;
      if (punct(b, ns, '.')) ns++;
      uint32_t ne = spk__nameish(b, ns) ? spk__name_end(b, ns, end) : ns;
      if (ne >= ns + 2 && ne == end) spk__bind_role(b, cu.m.head, ns, ne);
    }
    if (!cu.found || cu.m.te <= k) {
      /* "…, state officials said": an unnamed group */
      memset(&cu, 0, sizeof cu);
      cu.found = true;
      cu.m.type = v > k ? M_NP : M_PRON;
      cu.m.ts = k;
      cu.m.te = v > k ? v : v + 1;
      cu.m.gender = 3;
      cu.how = "indirect-after";
      cu.conf = 0.6;
      cu.stance = T(b, v)->stance;
    }
    /* a dateline ("PARIS (AFP) -", "RIVERTON, Ore. (AP) —") is not said */
    uint32_t from = s->start;
    for (uint32_t x = s->start; x < c - 1 && x < s->start + 12; x++)
      /* (a dash between spaces: "6-3" is a score) */
      if (punct(b, x, '-') && x + 1 < c - 1 && x > 0 && T(b, x)->start > T(b, x - 1)->end)
        from = x + 1;
    /* « Dans l'entourage du président, on se veut serein »: a short
     * prepositional phrase is no reported clause */
    if (c - 1 - from <= 6 && word(b, from) && (T(b, from)->lex & W_PREP)) return false;
    /* "Northvale Bank will cut 1,800 jobs, the lender said": a company
     * noun stands for the company the clause opens with */
    if (cu.m.type != M_NAME && cu.m.type != M_PRON && cu.m.te > cu.m.ts &&
        (T(b, cu.m.te - 1)->lex & W_COMPANY) && spk__nameish(b, from) &&
        !(T(b, from)->lex & (W_FIRST_M | W_FIRST_F))) {
      uint32_t ne = spk__name_end(b, from, c - 1);
      if (ne - from >= 2 || (T(b, from)->flags & TF_ALLCAP)) {
        uint8_t st = cu.stance;
        /* and "the company" stands for it later on (resolve.c) */
        spk__bind_role(b, cu.m.te - 1, from, ne);
        spk__name_mention(b, &cu.m, from, ne);
        cu.stance = st;
      }
    }
    add_indirect(b, from, c - 1, &cu);
    return true;
  }
  return false;
}

/* After the last quotation of a sentence: "… "full" given its losses,
 * but added that Harbor Freight could cut …", « « … », a dit X, qui a
 * ajouté que … »: a que/that clause with no quotation in it. */
static bool object_not_clause(const Block *b, uint32_t from, uint32_t to);

/* "…, who asked that her last name not be used": "asked that" makes a
 * request, not a report. */
/* « à condition que », « de sorte que », « parce que », « alors que »:
 * the folded word f (n bytes) before « que » makes a conjunction, not a
 * speech verb's complementizer. */
static bool conjunction_que(const char *f, size_t n) {
  static const struct { const char *w; size_t n; } c[] = {
      {"condition", 9}, {"sorte", 5}, {"mesure", 6}, {"parce", 5}, {"afin", 4}, {"pendant", 7},
      {"tandis", 6}, {"alors", 5}, {"bien", 4}, {"sans", 4}, {"avant", 5}};
  for (size_t i = 0; i < sizeof c / sizeof *c; i++)
    if (c[i].n == n && !memcmp(c[i].w, f, n)) return true;
  return false;
}

static bool request_that(const Block *b, uint32_t v) {
  return b->lid == PM_LANG_EN && T(b, v)->end - T(b, v)->start <= 5 &&
         (folded_is(b, v, "asked") || folded_is(b, v, "asks") || folded_is(b, v, "ask"));
}

/* « « … », en rappelant que », « « … », tout en reconnaissant que »: a
 * French gerund after a comma (and its « en », « tout en »), the comma not
 * before token lo. */
static bool gerund_after_comma(const Block *b, uint32_t v, uint32_t lo) {
  if (b->lid != PM_LANG_FR || v < lo + 2) return false;
  const Token *t = T(b, v);
  if (t->end - t->start <= 4 || memcmp(b->text + t->end - 3, "ant", 3)) return false;
  uint32_t k = v - 1;
  if (folded_is(b, k, "en")) {
    k--;
    if (k > lo && folded_is(b, k, "tout")) k--;
  }
  return k >= lo && punct(b, k, ',');
}

static void after_quotes(Block *b, const Sentence *s, uint32_t lq) {
  /* « affirme que « le site restera ouvert » et qu'une partie … sera
   * réorientée »: a second que clause after the quotation reports the
   * same speaker's words */
  if (lq + 6 < s->end && word(b, lq + 1) && (T(b, lq + 1)->lex & W_CONJ) &&
      word(b, lq + 2) && (T(b, lq + 2)->lex & W_QUE) && b->res->quotes.size) {
    const PmQuote *pq = pm_array_back(&b->res->quotes);
    bool que_before = false; /* the quotation itself followed a que */
    for (uint32_t k = lq; k > s->start && k + 12 > lq && !que_before; k--)
      if (T(b, k - 1)->kind == T_QMARK) {
        que_before = k >= s->start + 2 && word(b, k - 2) && (T(b, k - 2)->lex & W_QUE);
        /* "told CTV News that constituents were "hurting" and that …": a
         * that clause the quotation ends */
        for (uint32_t x = k - 1; b->lid == PM_LANG_EN && !que_before && x > s->start &&
                                 x + 8 > k - 1;
             x--) {
          if (T(b, x - 1)->kind == T_QMARK || punct(b, x - 1, '.')) break;
          if (word(b, x - 1) && (T(b, x - 1)->lex & W_QUE) && x >= s->start + 2 &&
              word(b, x - 2) && ((T(b, x - 2)->lex & W_SPEECH) || spk__nameish(b, x - 2) ||
                                 (T(b, x - 2)->lex & W_INSTITUTION)))
            que_before = true;
        }
        break;
      }
    if (que_before && pq->has_speaker && pq->end <= T(b, lq)->start + 3 &&
        pq->kind != PM_QUOTE_INDIRECT) {
      uint32_t to = s->end;
      while (to > lq + 3 && T(b, to - 1)->kind == T_PUNCT) to--;
      PmQuote *x = pm_array_grow_one(&b->res->quotes);
      pq = &b->res->quotes.contents[b->res->quotes.size - 2];
      x->start = T(b, lq + 3)->start;
      x->end = T(b, to - 1)->end;
      x->kind = PM_QUOTE_INDIRECT;
      x->has_speaker = true;
      x->speaker = pq->speaker;
      x->speaker.how = "coordinated";
      x->confidence = 0.6;
      return;
    }
  }
  for (uint32_t v = lq + 1; v < s->end; v++) {
    if (!(T(b, v)->lex & W_SPEECH) || !spk__speech_verb(b, v)) continue;
    uint32_t q = NONE;
    for (uint32_t k = v + 1; k < s->end && k < v + 4; k++) {
      if (word(b, k) && (T(b, k)->lex & W_QUE)) {
        q = k;
        break;
      }
      if (T(b, k)->kind != T_WORD) break;
    }
    /* "called the plan "an attack" and said her government would
     * challenge it": in English "and said" takes a clause without "that" */
    if (q == NONE && b->lid == PM_LANG_EN && v > lq + 1 && word(b, v - 1) &&
        (T(b, v - 1)->lex & W_CONJ) && word(b, v + 1) &&
        !(T(b, v + 1)->lex & (W_PREP | W_QUE)) && s->end - v > 4 &&
        !object_not_clause(b, v + 1, s->end)) {
      q = v;
      /* ("and urged state lawmakers to fund …": an object, then "to") */
      for (uint32_t k = v + 2; k < s->end && k < v + 6; k++)
        if (folded_is(b, k, "to")) q = NONE;
    }
    if (q == NONE || s->end - q < 4 || (q == v + 1 && request_that(b, v))) continue;
    Cue c = spk__cue_at_verb(b, v, lq + 1, q, "indirect", 0.8, false);
    if (c.found && c.m.type == M_PRON && c.m.gender == 3) continue;
    if (c.found) {
      add_indirect(b, q + 1, s->end, &c);
      return;
    }
    /* a verb joined to the sentence's first predicate shares its speaker,
     * and so does a gerund after the quotation's comma (« a jugé que
     * l'essai « … », tout en rappelant que … ») */
    uint32_t j = v;
    while (j > lq + 1 && spk__skippable(b, j - 1)) j--;
    if (!(j > lq + 1 && word(b, j - 1) && (T(b, j - 1)->lex & W_CONJ)) &&
        !gerund_after_comma(b, v, lq + 1)) {
      /* "“…,” he said, adding that he now uses a bicycle": an English
       * gerund after the comma of "he said" reports for that pronoun
       * (resolved as the quotation's) */
      if (b->lid == PM_LANG_EN && spk__gerund(b, v) && punct(b, v - 1, ',') && v > lq + 3) {
        uint32_t p = v - 2;
        if (word(b, p) && (T(b, p)->lex & W_SPEECH) && spk__speech_verb(b, p) && word(b, p - 1) &&
            (T(b, p - 1)->lex & (W_PRON_M | W_PRON_F)) && !(T(b, p - 1)->lex & W_DET)) {
          Cue c2 = spk__cue_at_verb(b, p, lq + 1, p + 1, "indirect", 0.7, false);
          if (c2.found && c2.m.type == M_PRON) {
            add_indirect(b, q + 1, s->end, &c2);
            return;
          }
        }
      }
      continue;
    }
    if (!b->res->quotes.size) return;
    PmSpeakerRef sp = pm_array_back(&b->res->quotes)->speaker;
    const PmQuote *last = pm_array_back(&b->res->quotes);
    /* (an unnamed speaker the quotation has is the clause's too: « Le
     * cabinet du ministre indique « … » et affirme que … ») */
    bool unnamed = b->lid == PM_LANG_FR && last->has_speaker && !sp.name && sp.mention;
    if (b->lid == PM_LANG_FR && !last->has_speaker) {
      /* « La maire, X, a fait part de sa « … » et annoncé que … »: with
       * no speaker for the quotation (« faire part » is no speech verb),
       * a participle after « et » shares the auxiliary before the first
       * mark and its subject, as in spk__indirect_cues */
      uint32_t aux = NONE;
      for (uint32_t k = lq; k-- > s->start + 1;)
        if (word(b, k) && (T(b, k)->lex & W_AUX) && !spk__in_quote(b, k)) {
          aux = k;
          break;
        }
      if (aux == NONE) return;
      Cue c = spk__cue_at_verb(b, aux, s->start, aux + 1, "indirect", 0.7, false);
      if (!c.found || c.m.type == M_PRON || (T(b, c.m.ts)->lex & W_CONJ)) return;
      add_indirect(b, q + 1, s->end, &c);
      return;
    }
    if (!last->has_speaker || (!sp.name && !unnamed)) return;
    uint32_t to = s->end;
    while (to > q + 1 && T(b, to - 1)->kind == T_PUNCT) to--;
    PmQuote *x = pm_array_grow_one(&b->res->quotes);
    x->start = T(b, q + 1)->start;
    x->end = T(b, to - 1)->end;
    x->kind = PM_QUOTE_INDIRECT;
    x->has_speaker = true;
    x->speaker = sp;
    x->speaker.how = "coordinated";
    x->speaker.stance = (PmStance)T(b, v)->stance;
    x->confidence = 0.6;
    return;
  }
}

/* Tokens [from, to) after a speech verb without "that" read as an object,
 * not a reported clause: they hold no auxiliary, known verb or -ed form,
 * and either "to" and a verb come early ("urged the governor to sign
 * it") or there is no -s form nor figure either ("conceded the race for
 * Nguyen").  "Jones stole $2 million", "pollution kills 7 million" are
 * clauses. */
/* Token i is a lowercase word without -s or -ed after a lowercase plural
 * ("advisories tend"): a plural subject's verb. */
static bool bare_after_plural(const Block *b, uint32_t i) {
  const Token *t = T(b, i), *p = T(b, i - 1);
  if (!word(b, i) || !word(b, i - 1) || ((t->flags | p->flags) & TF_CAP) ||
      (t->lex & (W_PREP | W_DET | W_FUNCTION | W_AUX)) || (p->lex & (W_PREP | W_DET | W_FUNCTION)))
    return false;
  const char *w = b->text + t->start, *q = b->text + p->start;
  uint32_t n = t->end - t->start, pn = p->end - p->start;
  return n > 2 && pn > 3 && w[n - 1] != 's' && !(w[n - 2] == 'e' && w[n - 1] == 'd') &&
         q[pn - 1] == 's' && q[pn - 2] != 's';
}

static bool object_not_clause(const Block *b, uint32_t from, uint32_t to) {
  bool verb = false, s_form = false, figure = false, to_verb = false;
  /* "Hale added nine rebounds and six assists", "added 16 points and
   * four blocks for Seattle, which improved to 9-4": a figure opening
   * the words after the verb, with no verb before the next punctuation
   * or preposition, is a counted object */
  if (from < to && (T(b, from)->kind == T_NUMBER ||
                    (word(b, from) && (T(b, from)->lex & W_NUMWORD)))) {
    uint32_t k = from + 1;
    while (k < to && word(b, k) && !(T(b, k)->lex & (W_PREP | W_AUX | W_FUTURE)) &&
           !(b->text[T(b, k)->end - 1] == 'd' && b->text[T(b, k)->end - 2] == 'e'))
      k++;
    if (k == to || !word(b, k) || (T(b, k)->lex & W_PREP)) return true;
  }
  /* "say you spend too much": a subject pronoun opens a clause */
  if (word(b, from) && T(b, from)->end - T(b, from)->start <= 4 &&
      (T(b, from)->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_FIRST_PERSON | W_SECOND)) &&
      (folded_is(b, from, "he") || folded_is(b, from, "she") || folded_is(b, from, "they") ||
       folded_is(b, from, "we") || folded_is(b, from, "i") || folded_is(b, from, "you")))
    return false;
  for (uint32_t k = from; k < to; k++) {
    const Token *t = T(b, k);
    if (t->kind == T_NUMBER) figure = true;
    /* "added a goal for Toronto, which has won four straight": a
     * relative clause's verb is not the reported clause's */
    if (t->kind == T_PUNCT && t->ch == ',' && k + 1 < to && word(b, k + 1) &&
        T(b, k + 1)->end - T(b, k + 1)->start <= 5 &&
        (folded_is(b, k + 1, "which") || folded_is(b, k + 1, "who") ||
         folded_is(b, k + 1, "whose"))) {
      k++;
      while (k + 1 < to && !punct(b, k + 1, ',')) k++;
      continue;
    }
    if (t->kind != T_WORD) continue;
    uint32_t n = t->end - t->start;
    const char *w = b->text + t->start;
    /* "promised a tougher line on deals involving what she calls critical
     * technologies": a free relative's verb is not the clause's either */
    if (k > from && n == 4 && (w[0] == 'w') && folded_is(b, k, "what")) break;
    /* ("better-than-expected earnings": inside a compound, no verb) */
    bool lower = !(t->flags & TF_CAP) &&
                 !(k > from && punct(b, k - 1, '-') && !(t->flags & TF_SPACE_BEFORE));
    /* (an auxiliary proper: the auxiliaries list also holds the words
     * that may stand between a subject and its verb, "on", "Tuesday") */
    if ((t->lex & (W_FUTURE | W_FACTUAL | W_SPEECH | W_OPINION | W_PAST)) ||
        ((t->lex & W_AUX) && (t->lex & W_FUNCTION) && !(t->lex & (W_PREP | W_DET | W_MONTH))) ||
        (n > 3 && lower && w[n - 2] == 'e' && w[n - 1] == 'd'))
      verb = true;
    /* (a plural after a preposition, an article or a figure is a noun:
     * "its own round of layoffs") */
    if (n > 3 && lower && w[n - 1] == 's' && w[n - 2] != 's' &&
        !(k > from && (T(b, k - 1)->kind == T_NUMBER ||
                       (word(b, k - 1) && (T(b, k - 1)->lex & (W_PREP | W_DET | W_NUMWORD))))))
      s_form = true;
    /* "the governor to sign": "to" and a verb before any verb */
    /* (not after a plural and a bare word, its verb: "advisories tend
     * to drag on", "prices need to fall") */
    if (!verb && k > from && k < from + 5 && n == 2 && w[0] == 't' && w[1] == 'o' &&
        word(b, k + 1) && !(T(b, k + 1)->flags & TF_CAP) &&
        !(T(b, k + 1)->lex & (W_DET | W_PREP | W_FUNCTION)) &&
        !(k >= from + 2 && bare_after_plural(b, k - 1)))
      to_verb = true;
  }
  /* ("the secret to teaching reading was patience" has a verb) */
  return !verb && (to_verb || (!s_form && !figure));
}

/* "urged walkers to check the forecast", "asking residents to move their
 * cars", "told them to leave": a verb of asking, a short object and "to"
 * before a verb give an order, no reported clause, whatever verbs follow
 * ("the plan to cut jobs was unfair" after "said" stays a clause). */
static bool directive_object(const Block *b, uint32_t v, uint32_t to) {
  const Token *t = T(b, v);
  uint32_t n = t->end - t->start;
  char c = (char)(b->text[t->start] | 32);
  if (n < 3 || !(c == 'u' || c == 'a' || c == 't' || c == 'w' || c == 'r' || c == 'e')) return false;
  if (!(folded_is(b, v, "urged") || folded_is(b, v, "urge") || folded_is(b, v, "urges") ||
        folded_is(b, v, "urging") || folded_is(b, v, "asked") || folded_is(b, v, "ask") ||
        folded_is(b, v, "asks") || folded_is(b, v, "asking") || folded_is(b, v, "told") ||
        folded_is(b, v, "tell") || folded_is(b, v, "tells") || folded_is(b, v, "warned") ||
        folded_is(b, v, "warn") || folded_is(b, v, "warns") || folded_is(b, v, "reminded") ||
        folded_is(b, v, "encouraged") || folded_is(b, v, "encouraging")))
    return false;
  /* (the object right after the verb: an article only first, "told
   * reporters the plan to cut jobs was unfair" reports a clause) */
  for (uint32_t k = v + 2; k < to && k < v + 5; k++) {
    if (!word(b, k)) return false;
    if (T(b, k)->lex & (W_AUX | W_FUTURE | W_SPEECH | W_QUE | W_DET)) return false;
    if (T(b, k)->end - T(b, k)->start == 2 && folded_is(b, k, "to"))
      return k + 1 < to && word(b, k + 1) && !(T(b, k + 1)->flags & TF_CAP) &&
             !(T(b, k + 1)->lex & (W_DET | W_PREP | W_FUNCTION));
  }
  return false;
}

/* "a mask that the Hopi Tribe says was taken from a village", "which the
 * government says will pay for 1,500 more GPs", "which economists say
 * tend to fall slowly": a speech verb whose subject follows a relative
 * pronoun, and whose object is the relative's gap, reports the verb
 * phrase after it, to the clause's end.  Adds that span and returns its
 * last token, or NONE when v stands in no such clause. */
static uint32_t relative_report(Block *b, const Sentence *s, uint32_t v) {
  if (v + 3 >= s->end || !word(b, v + 1) || (T(b, v + 1)->flags & TF_CAP)) return NONE;
  /* the gap's verb: an auxiliary ("was", "will") or a verb before "to" */
  if (!((T(b, v + 1)->lex & (W_AUX | W_FUTURE)) && !(T(b, v + 1)->lex & (W_DET | W_PREP))) &&
      !(folded_is(b, v + 2, "to") &&
        !(T(b, v + 1)->lex & (W_DET | W_PREP | W_FUNCTION | W_PRON_M | W_PRON_F | W_PRON_PL))))
    return NONE;
  /* the subject: one to four words after "that" or "which" */
  uint32_t r = v;
  while (r > s->start && r + 5 > v && word(b, r - 1) &&
         !(T(b, r - 1)->lex & (W_SPEECH | W_AUX | W_FUTURE | W_PREP)) &&
         !(T(b, r - 1)->lex & W_QUE) && !folded_is(b, r - 1, "which"))
    r--;
  if (r == v || r <= s->start + 1 || !word(b, r - 1) ||
      !(folded_is(b, r - 1, "that") || folded_is(b, r - 1, "which")))
    return NONE;
  /* (after a noun or its comma: "a mask that", "a contract, which") */
  const Token *p = T(b, r - 2);
  if (!(punct(b, r - 2, ',') ||
        (p->kind == T_WORD && !(p->lex & (W_SPEECH | W_AUX | W_QUE | W_PREP | W_FUNCTION)))))
    return NONE;
  uint32_t e = v + 1;
  while (e < s->end && !punct(b, e, ',') && T(b, e)->kind != T_QMARK) e++;
  if (e - v < 4) return NONE;
  Cue c = spk__cue_at_verb(b, v, r, v + 1, "indirect", 0.8, false);
  if (!c.found) return NONE;
  add_indirect(b, v + 1, e, &c);
  return e;
}

/* Does a quotation of the paragraph overlap tokens [from, to)? */
static bool has_quote(const Block *b, uint32_t from, uint32_t to) {
  uint32_t a = T(b, from)->start, z = T(b, to - 1)->end;
  uint32_t lo = 0, hi = b->raw.size;
  while (lo < hi) { /* the first quotation ending after a */
    uint32_t mid = (lo + hi) / 2;
    if (b->raw.contents[mid].end <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < b->raw.size && b->raw.contents[lo].start < z;
}

static bool quoted_clause(Block *b, const Sentence *s, uint32_t fq, uint64_t head_lex);
static bool clause_from_quote(Block *b, const Sentence *s, uint32_t v, uint32_t from, uint32_t to);

void spk__indirect_quoted(Block *b, const Sentence *s, uint32_t fq, uint64_t head_lex) {
  /* "customers' data": a mark that opens or closes no quotation */
  if (!has_quote(b, s->start, s->end)) {
    /* the sentence's classes and flags as claims__rate or-ed them (only
     * words carry them) */
    bool inv = (s->wflags & (TF_INV_M | TF_INV_F | TF_INV_PL)) != 0;
    if ((s->lex & (W_SPEECH | W_SOURCE)) || inv) spk__indirect_cues(b, s, s->lex, inv);
    return;
  }
  /* below, a speech word before the first mark or after the last, or a
   * source word (« Selon lui, le texte est « bâclé » ») */
  if (!(s->lex & W_SPEECH)) {
    if (s->lex & W_SOURCE) quoted_clause(b, s, fq, head_lex);
    return;
  }
  /* A clause with a quotation reports nothing more: the quotation carries
   * the speech.  Before the first mark an attribution may close a clause
   * (« Quatre pompiers ont été blessés, a précisé la préfecture, qui fait
   * état de « … » »), and after the last one a que/that clause may
   * follow. */
  bool speech_head = (head_lex & W_SPEECH) != 0, speech_tail = false;
  uint32_t lq = s->end;
  while (lq > fq && T(b, lq - 1)->kind != T_QMARK) {
    if (T(b, lq - 1)->lex & W_SPEECH) speech_tail = true;
    lq--;
  }
  lq--; /* the last mark */
  if (!speech_head && !speech_tail) {
    /* (a sentence opening with a quotation's closing mark: the words
     * after it may still report) */
    if (fq == s->start) quoted_clause(b, s, fq, head_lex);
    return;
  }
  Sentence head = *s;
  head.end = fq;
  if (speech_head && fq > s->start + 6 && !spk__in_quote(b, s->start) &&
      trailing_attribution(b, &head, true))
    return;
  /* "The United States will begin what it calls "enhanced screening" of
   * travellers …, the White House said Wednesday, a move …": one short
   * quotation inside the clause leaves the clause to the attribution */
  if (speech_tail && b->lid == PM_LANG_EN && fq > s->start + 3 && lq < fq + 7 &&
      lq + 3 < s->end && !punct(b, lq + 1, ',') && trailing_attribution(b, s, false))
    return;
  /* « Il a reconnu qu'il ne l'avait « pas vu » »: a reported clause
   * holding a quotation is reported twice, the clause as indirect speech
   * and the quoted words as a quotation, with one speaker */
  if (quoted_clause(b, s, fq, head_lex)) return;
  if (speech_tail || (lq + 2 < s->end && word(b, lq + 1) && (T(b, lq + 1)->lex & W_CONJ) &&
                      word(b, lq + 2) && (T(b, lq + 2)->lex & W_QUE)))
    after_quotes(b, s, lq);
}

/* « Au ministère de l'Éducation, on assure que … », « Au cabinet du
 * ministre, on affirme que … »: the sentence opens at an institution, for
 * which « on » speaks (unnamed) */
/* (« Dans l'entourage du ministre, on indique qu'un amendement … »: so
 * does a source noun after « dans ») */
static bool on_at_institution(const Block *b, const Sentence *s) {
  uint32_t k = s->start;
  if (b->lid != PM_LANG_FR || !word(b, k) ||
      !(folded_is(b, k, "au") || folded_is(b, k, "à") || folded_is(b, k, "dans")))
    return false;
  k++;
  if (word(b, k) && (T(b, k)->lex & W_DET)) k++;
  return word(b, k) && (T(b, k)->lex & (W_INSTITUTION | W_ANON)) &&
         !(T(b, k)->flags & TF_CAP);
}

/* Does the mark at token fq open a quotation (a sentence that ends one,
 * "… It will be safe," said Jasmine Carter, opens inside it)?  Then *close
 * is its closing mark, its last piece's past an incise (NONE when left
 * open). */
static bool opens_quote(const Block *b, uint32_t fq, uint32_t *close) {
  uint32_t a = T(b, fq)->start, lo = 0, hi = b->raw.size;
  while (lo < hi) { /* the first quotation ending after the mark */
    uint32_t mid = (lo + hi) / 2;
    if (b->raw.contents[mid].end <= a) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= b->raw.size || b->raw.contents[lo].open_tok != fq) return false;
  uint32_t g = b->raw.contents[lo].group;
  while (lo + 1 < b->raw.size && b->raw.contents[lo + 1].group == g) lo++;
  *close = b->raw.contents[lo].close_tok;
  return true;
}

/* Does the reported clause [from, to) hold the sentence's first mark fq
 * without that quotation filling it?  « a reconnu qu'il ne l'avait « pas
 * vu » », "said the plan was "insane" and would fail", « a reconnu que
 * « des erreurs » avaient été commises » do; « a dit que « … » » (the
 * annotated sets give it one span, the quotation), a clause opening after
 * the mark, do not. */
static bool clause_holds_quote(const Block *b, uint32_t from, uint32_t to, uint32_t fq) {
  uint32_t c = NONE;
  if (from > fq || from >= to || !opens_quote(b, fq, &c)) return false;
  /* words of the clause before the mark, up to no semicolon ("says
   * members will vote in December; health minister calls the move
   * "premature"": the quotation is another report) */
  if (from < fq) {
    for (uint32_t x = from; x < fq; x++)
      if (punct(b, x, ';')) return false;
    return true;
  }
  /* the mark opens the clause: a word must follow the quotation's close */
  /* (« affirme que « … » et plaide pour … », "and called for …": a
   * conjunction after the quotation goes on with the sentence's own verb,
   * or with a second que clause of its own, after_quotes) */
  return c != NONE && c + 1 < to &&
         ((T(b, c + 1)->kind == T_WORD && !(T(b, c + 1)->lex & W_CONJ)) ||
          T(b, c + 1)->kind == T_NUMBER);
}

/* The verb cues of spk__indirect_cues: a speech verb and its que/that
 * clause (or an English clause without "that"), the verb before token
 * fq.  fq is s->end for a sentence without quotation marks; otherwise
 * it is the first mark, and a clause is added only when it holds a
 * quotation that does not fill it (clause_holds_quote).  Returns
 * whether a clause was added. */
/* The quotations inside the reported clauses added from index n0 on and
 * those clauses get one speaker and stance: one report, one speaker.  The
 * named one of the two wins (the clause's cue may only reach a mention
 * the quotation's resolved, or the other way round), the clause's when
 * both are named and differ; a quotation with the clause's name keeps its
 * own cue (`how`) and takes the clause's stance. */
static void share_speaker(Block *b, uint32_t n0) {
  PmQuote *q = b->res->quotes.contents;
  for (uint32_t i = n0; i < b->res->quotes.size; i++) {
    PmQuote *x = &q[i];
    if (x->kind != PM_QUOTE_INDIRECT) continue;
    for (uint32_t k = b->para_first_quote; k < n0; k++) {
      PmQuote *p = &q[k];
      if (p->kind != PM_QUOTE_QUOTE || p->start < x->start || p->end > x->end) continue;
      const char *xn = x->has_speaker ? x->speaker.name : NULL;
      const char *pn = p->has_speaker ? p->speaker.name : NULL;
      if (xn && pn && !strcmp(xn, pn)) {
        p->speaker.stance = x->speaker.stance;
      } else if (xn || (x->has_speaker && !p->has_speaker)) {
        p->has_speaker = true;
        p->speaker = x->speaker;
        p->recalled = x->recalled;
      } else if (p->has_speaker && (pn || !x->has_speaker)) {
        x->has_speaker = true;
        x->speaker = p->speaker;
      }
    }
  }
}

static bool verb_clause(Block *b, const Sentence *s, uint64_t lex, uint32_t fq) {
  for (uint32_t v = s->start; (lex & W_SPEECH) && v < fq; v++) {
    while (v < fq && !(T(b, v)->lex & W_SPEECH)) v++; /* to a speech word */
    if (v >= fq) break;
    if (!spk__speech_verb(b, v)) continue;
    /* (with quotation marks, only a clause holding one is added) */
    bool quoted = fq < s->end;
    /* ("called the allocation "devastating" and urged …": a verb of
     * naming, its object no clause; "rejected a … offer …, calling the
     * bid "opportunistic"": a verb of denial takes an object) */
    if (quoted && b->lid == PM_LANG_EN &&
        (T(b, v)->stance == PM_STANCE_DENY ||
         ((b->text[T(b, v)->start] | 32) == 'c' &&
          (folded_is(b, v, "called") || folded_is(b, v, "calls") || folded_is(b, v, "call") ||
           folded_is(b, v, "calling")))))
      continue;
    if (b->lid == PM_LANG_EN && !quoted) {
      uint32_t z = relative_report(b, s, v);
      if (z != NONE) {
        v = z;
        continue;
      }
    }
    /* "Une affirmation que conteste Laurent Berger": whoever a speech verb
     * names speaks next, for pronouns and roles. */
    if (b->lid == PM_LANG_FR && !quoted && v + 1 < s->end && spk__nameish(b, v + 1) &&
        !(T(b, v)->flags & TF_CAP)) {
      Mention nm;
      memset(&nm, 0, sizeof nm);
      spk__name_mention(b, &nm, v + 1, spk__name_end(b, v + 1, s->end));
      Resolved r = spk__resolve(b, &nm);
      if (r.has_name) ctx__note_speaker(b->ctx, r.name, r.gender == 3 ? 0 : r.gender);
    }
    {
      /* a gerund (en affirmant que) has no subject of its own, but one
       * after a comma reports for the sentence's subject (cues.c): « a
       * refusé le recours, estimant que … », « », a-t-il lancé, ajoutant
       * que … » */
      const Token *t = T(b, v);
      /* (not after « en », « tout en »: « Le ministre de l'Intérieur
       * réaffirme …, tout en affirmant que » has no name for its subject
       * to be found by, cues.c would take « Intérieur ») */
      if (b->lid == PM_LANG_FR && t->end - t->start > 4 &&
          !memcmp(b->text + t->end - 3, "ant", 3) && !(v > s->start + 2 && punct(b, v - 1, ',')))
        continue;
    }
    /* the complementizer within three tokens: "a indiqué qu'", "said that",
     * "a estimé mardi que" */
    uint32_t q = NONE;
    /* "said in a statement that", "told reporters at the Capitol that",
     * "a déclaré à la presse que": a complement may stand between. */
    uint32_t reach = v + 4;
    /* « rappelle quant à lui que », « souligne pour sa part que » */
    if (b->lid == PM_LANG_FR && v + 4 < s->end && spk__adverbial3(b, v + 4))
      reach = v + 5;
    /* ("told CBC's Power & Politics that": any hearer, named or not) */
    if (word(b, v + 1) &&
        ((!(T(b, v + 1)->flags & TF_CAP) && (T(b, v + 1)->lex & W_PREP)) ||
         folded_is(b, v, "told") || folded_is(b, v, "tell") || folded_is(b, v, "tells")))
      reach = v + 8;
    /* « a fait valoir, dans un document déposé à la Régie, qu'un … »: a
     * complement between commas, then the complementizer */
    uint32_t qc = NONE;
    if (punct(b, v + 1, ',') && b->lid == PM_LANG_FR)
      for (uint32_t k = v + 2; k + 1 < s->end && k < v + 18; k++) {
        if (T(b, k)->kind == T_QMARK || (T(b, k)->lex & (W_SPEECH | W_QUE))) break;
        if (punct(b, k, ',')) {
          if (word(b, k + 1) && (T(b, k + 1)->lex & W_QUE)) qc = k + 1;
          break;
        }
      }
    for (uint32_t k = v + 1; k < s->end && k < reach; k++) {
      /* "told reporters in Mississauga, Ont., that": a place's commas */
      if (punct(b, k, ',') && reach > v + 4 && reach < v + 11 && word(b, k + 1) &&
          ((T(b, k + 1)->flags & TF_CAP) || (T(b, k + 1)->lex & W_QUE))) {
        reach++;
        continue;
      }
      if (word(b, k) && (T(b, k)->lex & W_QUE)) {
        char f[64];
        size_t fn = lex__fold(b->text + T(b, k - 1)->start,
                              T(b, k - 1)->end - T(b, k - 1)->start, f);
        if (fn && (!strcmp(f, "ce") || !strcmp(f, "de"))) break; /* ce que */
        /* « a parlé au journal à condition que … », « de sorte que »: a
         * conjunction, no reported clause */
        if (fn >= 4 && fn <= 9 && b->lid == PM_LANG_FR && conjunction_que(f, fn)) break;
        q = k;
        break;
      }
      /* "said in its 8 a.m. advisory that" */
      /* "told CBC's Power & Politics that": a possessive, an ampersand */
      if (T(b, k)->kind != T_WORD && T(b, k)->kind != T_NUMBER && !punct(b, k, '.') &&
          !punct(b, k, '&') &&
          !(T(b, k)->kind == T_QMARK && !(T(b, k)->flags & TF_SPACE_BEFORE) &&
            folded_is(b, k + 1, "s")))
        break;
    }
    if (q == NONE) q = qc;
    if (q == v + 1 && request_that(b, v)) continue;
    Cue c;
    if (q != NONE) {
      /* (a que/that after the first mark is no clause around it; a
       * quotation filling the clause is one span, the quotation's) */
      if (quoted && !clause_holds_quote(b, q + 1, s->end, fq)) return false;
      if (quoted && clause_from_quote(b, s, v, q + 1, s->end)) return true;
      c = spk__cue_at_verb(b, v, s->start, q, "indirect", 0.8, false);
      if (!c.found) continue;
      /* « la ministre a refusé toute suppression, mais promis que … »: a
       * participle joined by a conjunction shares the first predicate's
       * auxiliary and subject, not « mais » */
      if (b->lid == PM_LANG_FR && c.m.te == c.m.ts + 1 && word(b, c.m.ts) &&
          (T(b, c.m.ts)->lex & W_CONJ) && c.m.ts + 1 == v) {
        uint32_t aux = NONE;
        for (uint32_t k = c.m.ts; k-- > s->start + 1;)
          if (word(b, k) && (T(b, k)->lex & W_AUX)) {
            aux = k;
            break;
          }
        if (aux == NONE) continue;
        c = spk__cue_at_verb(b, aux, s->start, aux + 1, "indirect", 0.7, false);
        if (!c.found || (c.m.te == c.m.ts + 1 && (T(b, c.m.ts)->lex & W_CONJ))) continue;
      }
      /* « on » reports only for the organisation a « Du côté de X, » or
       * « Chez X, » opening names (resolve.c) */
      if (c.m.type == M_PRON && c.m.gender == 3 && !inverted(b, v) &&
          !(b->lid == PM_LANG_FR && T(b, s->start)->kind == T_WORD &&
            (folded_is(b, s->start, "du") || folded_is(b, s->start, "chez")) &&
            spk__resolve(b, &c.m).has_name) &&
          !on_at_institution(b, s))
        continue;
      /* "The regulator is reviewing it, a person familiar with the matter
       * said, adding that …": the clause the attribution before the
       * gerund closes is reported too */
      if (b->lid == PM_LANG_EN && v > s->start + 6 && punct(b, v - 1, ',') &&
          spk__speech_verb(b, v - 2) && spk__gerund(b, v)) {
        Sentence head = *s;
        head.end = v - 1;
        trailing_attribution(b, &head, false);
      }
      add_indirect_split(b, q + 1, s->end, &c);
      return true;
    }
    /* English without "that": "He said the plan would fail." (not "have
     * not said when …") */
    bool negated = false;
    for (uint32_t k = v > s->start + 2 ? v - 2 : s->start;
         b->lid == PM_LANG_EN && k < v; k++)
      if (folded_is(b, k, "not") || folded_is(b, k, "never") || folded_is(b, k, "n't"))
        negated = true;
    /* "told reporters she would appeal": the hearer may be any noun */
    bool told = b->lid == PM_LANG_EN && (folded_is(b, v, "told") || folded_is(b, v, "tell") ||
                                         folded_is(b, v, "tells"));
    /* "said last week it had set aside …", "said Tuesday the …": a time
     * word or two after the verb (v1: the first word after them) */
    uint32_t v1 = v + 1;
    if (b->lid == PM_LANG_EN && !told)
      while (v1 < s->end && v1 < v + 3 && word(b, v1) && word(b, v1 + 1) &&
             !(T(b, v1 + 1)->lex & W_PREP) &&
             ((T(b, v1)->lex & W_MONTH) ||
              ((folded_is(b, v1, "last") || folded_is(b, v1, "this") ||
                folded_is(b, v1, "on")) &&
               (T(b, v1 + 1)->lex & W_MONTH))))
        v1++;
    /* "…, the Labor Department said this month, down only slightly from
     * …": time words closed by a comma end the attribution; what follows
     * is no reported clause (trailing_attribution reports the one before) */
    if (v1 > v + 1 && v1 + 1 < s->end && word(b, v1) && (T(b, v1)->lex & W_MONTH) &&
        punct(b, v1 + 1, ','))
      continue;
    if (v1 > v + 1 && v1 < s->end && word(b, v1) && (T(b, v1)->lex & W_MONTH)) v1 = v + 1;
    if (b->lid == PM_LANG_EN && !negated && v1 < s->end &&
        (word(b, v1) || T(b, v1)->kind == T_NUMBER) && /* "said 11 patients" */
        !((b->text[T(b, v1)->start] | 32) == 'w' &&
          (T(b, v1)->lex & W_FUNCTION)) &&
        /* "said an override was unlikely": "an" is also an auxiliary
         * ("said in an interview"), but a determiner opens a clause */
        (!(T(b, v1)->lex & (W_PREP | W_AUX)) ||
         ((told || (T(b, v1)->lex & W_DET)) && !(T(b, v1)->lex & W_PREP)) ||
         /* "said about half of the settlement would go …", "said about
          * 60 companies were hiring": "about" before a number is no
          * preposition */
         (folded_is(b, v1, "about") && v1 + 1 < s->end &&
          (T(b, v1 + 1)->kind == T_NUMBER || (T(b, v1 + 1)->lex & W_NUMWORD) ||
           folded_is(b, v1 + 1, "half"))) ||
         /* "say at least 16 units were destroyed" */
         (v1 + 2 < s->end && T(b, v1)->end - T(b, v1)->start == 2 && folded_is(b, v1, "at") &&
          (folded_is(b, v1 + 1, "least") || folded_is(b, v1 + 1, "most")) &&
          (T(b, v1 + 2)->kind == T_NUMBER || (T(b, v1 + 2)->lex & W_NUMWORD)))) &&
        s->end - v > 4) {
      const char *w = b->text + T(b, v)->start;
      uint32_t wn = T(b, v)->end - T(b, v)->start;
      /* any finite form: said, says, alleged, allege (not saying), or a
       * participle clause after a comma: "asked for five years, saying
       * Vinton suffered from …" */
      if (wn > 4 && !memcmp(w + wn - 3, "ing", 3) &&
          !(v > s->start + 2 && punct(b, v - 1, ',') && word(b, v + 1)))
        continue; /* "…, promising 1,200 new homes": an object */
      /* "described the family as quiet" names, it reports no clause */
      if (wn > 7 && !memcmp(w, "describ", 7)) continue;
      /* "reported a 14-per-cent drop in profit": a figure it reports */
      if (wn >= 7 && !memcmp(w, "report", 6) && word(b, v1) && spk__indefinite_det(b, v1))
        continue;
      (void)w;
      if (quoted && !clause_holds_quote(b, v1, s->end, fq)) return false;
      /* (with quotation marks, the cue is read last: the clause may take
       * its quotation's speaker instead, clause_from_quote) */
      if (!quoted) {
        c = spk__cue_at_verb(b, v, s->start, v, "indirect", 0.7, false);
        if (!c.found) continue;
      }
      uint32_t from = v1;
      /* "told Reuters the company would…": skip the hearer */
      const char *tw = b->text + T(b, v)->start;
      if ((wn == 4 && !memcmp(tw, "told", 4)) || (wn == 4 && !memcmp(tw, "tell", 4)) ||
          (wn == 5 && !memcmp(tw, "tells", 5))) {
        if (spk__nameish(b, from)) from = spk__name_end(b, from, s->end);
        /* "told The Canadian Press the deal …": an outlet after its article */
        else if (word(b, from) && (T(b, from)->lex & W_DET) && from + 1 < s->end &&
                 (T(b, from + 1)->flags & TF_CAP) && spk__nameish(b, from + 1))
          from = spk__name_end(b, from + 1, s->end);
        else if (word(b, from) && (T(b, from)->lex & W_DET)) from += 2;
        else from++;
        if (from < s->end && word(b, from) && (T(b, from)->lex & W_QUE)) from++;
        if (from >= s->end || !word(b, from) || (T(b, from)->lex & W_PREP)) continue;
      }
      /* "conceded the race in a short speech", "urged the governor to
       * sign it", "recalls 410,000 SUVs": without "that", a reported
       * clause has a verb of its own (an auxiliary, a known verb or a
       * past form); an object does not */
      if (b->lid == PM_LANG_EN && object_not_clause(b, from, s->end)) continue;
      if (b->lid == PM_LANG_EN && directive_object(b, v, s->end)) continue;
      if (quoted) {
        if (!clause_holds_quote(b, from, s->end, fq)) return false;
        if (clause_from_quote(b, s, v, from, s->end)) return true;
        c = spk__cue_at_verb(b, v, s->start, v, "indirect", 0.7, false);
        if (!c.found) continue;
      }
      add_indirect_split(b, from, s->end, &c);
      return true;
    }
  }
  return false;
}

/* The reported clause [from, to) of sentence s, which has quotation
 * marks, added with the speaker of the first quotation inside it when
 * that one is named by a mention in s before token v (the cue before the
 * clause gave it): no cue to read again, the clause's costliest part.
 * Returns false, adding nothing, otherwise. */
static bool clause_from_quote(Block *b, const Sentence *s, uint32_t v, uint32_t from, uint32_t to) {
  uint32_t e = to;
  while (e > from && T(b, e - 1)->kind == T_PUNCT) e--;
  if (e <= from + 2) return false;
  uint32_t a = T(b, from)->start, z = T(b, e - 1)->end;
  for (uint32_t k = b->para_first_quote; k < b->res->quotes.size; k++) {
    const PmQuote *p = &b->res->quotes.contents[k];
    if (p->kind != PM_QUOTE_QUOTE || p->start < a || p->end > z) continue;
    if (!p->has_speaker || !p->speaker.name) return false;
    /* (its speaker named in the sentence before token v, the cue's verb
     * or source: "When asked whether …, Biden replied, "…"" is no
     * report of a subject of "asked") */
    if (p->speaker.end > T(b, v)->start || p->speaker.start < T(b, s->start)->start) return false;
    PmQuote src = *p;
    add_indirect_split_as(b, from, to, NULL, &src);
    return true;
  }
  return false;
}

/* Does the quotation opening at mark fq close the sentence ending before
 * token to (nothing but punctuation after its closing mark)? */
static bool ends_sentence(const Block *b, uint32_t fq, uint32_t to) {
  uint32_t c = NONE;
  if (!opens_quote(b, fq, &c)) return false;
  if (c == NONE) return true;
  for (uint32_t k = c + 1; k < to; k++)
    if (T(b, k)->kind != T_PUNCT) return false;
  return true;
}

/* The source cue of spk__indirect_cues: « Selon X, … », « Pour X, … »,
 * "…, according to X".  fq as for verb_clause: with quotation marks, only
 * the clause after an opening source, holding a quotation that does not
 * fill it (« Selon lui, le texte est « bâclé » »).  Returns whether a
 * clause was added. */
static bool source_clause(Block *b, const Sentence *s, uint32_t fq) {
  bool quoted = fq < s->end;
  uint32_t after = 0;
  Cue c = spk__cue_source(b, s->start, s->end, &after);
  if (c.found && s->end - s->start > 5) {
    /* « Pour la procureure de la Couronne, Me Annie Lapointe, la peine
     * est juste »: a name apposed to the source's role is the source */
    if (b->lid == PM_LANG_FR && c.m.type == M_ROLE && punct(b, after, ',')) {
      uint32_t ns = after + 1;
      if (word(b, ns) && (T(b, ns)->lex & W_HONORIFIC) && (T(b, ns)->flags & TF_CAP)) ns++;
      if (punct(b, ns, '.')) ns++;
      uint32_t ne = spk__nameish(b, ns) ? spk__name_end(b, ns, s->end) : ns;
      if (ne >= ns + 2 && punct(b, ne, ',') && ne + 3 < s->end) {
        spk__bind_role(b, c.m.head, ns, ne);
        after = ne;
      }
    }
    uint32_t k = after;
    if (punct(b, k, ',')) k++;
    /* « Pour l'économiste Gilles Perrotin, ancien magistrat à la Cour des
     * comptes, le compte n'y est pas »: an apposition after a named
     * source is no part of the reported clause */
    if (c.m.type == M_NAME && k > after && k < s->end && word(b, k) &&
        !(T(b, k)->flags & TF_CAP)) {
      uint32_t x = k, role = NONE;
      while (x < s->end && x < k + 12 && !punct(b, x, ',')) {
        if (role == NONE && x < k + 3 && word(b, x) && (T(b, x)->lex & W_ROLE)) role = x;
        if (T(b, x)->kind == T_QMARK || (word(b, x) && (T(b, x)->lex & (W_SPEECH | W_QUE))))
          break;
        x++;
      }
      /* « de l'avis de X, de l'Université Laval, … »: an affiliation */
      bool affil = (T(b, k)->lex & W_PREP) && (b->text[T(b, k)->start] | 32) == 'd' &&
                   ((word(b, k + 1) && (T(b, k + 1)->flags & TF_CAP)) ||
                    (word(b, k + 2) && (T(b, k + 1)->lex & W_DET) && (T(b, k + 2)->flags & TF_CAP)));
      if ((role != NONE || affil) && punct(b, x, ',') && s->end - x > 4) k = x + 1;
    }
    /* "… talks to buy Coastway, according to two people familiar with
     * the matter, in a deal that …": a source after a comma reports the
     * clause before it, whatever follows */
    uint32_t src = c.m.ts;
    while (src > s->start && word(b, src - 1) && src + 3 > c.m.ts &&
           !(T(b, src - 1)->lex & W_SOURCE))
      src--;
    if (src > s->start && word(b, src - 1) && (T(b, src - 1)->lex & W_SOURCE)) {
      src--;
      /* « …, d'après le rapport »: d' is part of the source word */
      if (src > s->start && word(b, src - 1) && T(b, src - 1)->end == T(b, src)->start &&
          (b->text[T(b, src - 1)->start] | 32) == 'd' &&
          T(b, src - 1)->end - T(b, src - 1)->start <= 4)
        src--;
    }
    /* « Pour le capitaine rennais, Loïc Tanguy, ce point … »: the comma
     * before a name apposed to the source's role is not before the
     * source word, which opens the sentence */
    else if (src == c.m.ts && punct(b, src - 1, ','))
      for (uint32_t x = src - 1; x > s->start && x + 10 > src; x--)
        if (word(b, x - 1) && (T(b, x - 1)->lex & W_SOURCE)) {
          src = x - 1;
          break;
        }
    if (src > s->start + 3 && punct(b, src - 1, ',') && c.m.ts > s->start + 3) {
      uint32_t from = s->start;
      /* (a dateline's dash has a space before it: "30-year" is a word) */
      for (uint32_t x = s->start; x + 1 < src && x < s->start + 12; x++)
        if ((punct(b, x, '-') && x > 0 && T(b, x)->start > T(b, x - 1)->end) ||
            punct(b, x, ':'))
          from = x + 1;
      c.how = "indirect-source";
      if (quoted) return false;
      add_indirect(b, from, src, &c);
      return true;
    } else if (k < s->end && s->end - k > 3 && (k > after || src <= s->start + 2)) {
      /* (« responsable selon eux de plus de la moitié des émissions »: a
       * source inside a clause, with no comma after it, qualifies a
       * phrase; what follows it is no reported clause) */
      if (quoted && !clause_holds_quote(b, k, s->end, fq)) return false;
      /* (« Pour le ministère public, la vice-procureure a rappelé que
       * « … » »: the clause's own speech verb and que report, verb_clause;
       * « interrogé mardi, » does not) */
      for (uint32_t x = k, v = NONE; quoted && x < fq; x++) {
        if ((T(b, x)->lex & W_SPEECH) && spk__speech_verb(b, x)) v = x;
        if (v != NONE && word(b, x) && (T(b, x)->lex & W_QUE)) return false;
      }
      /* (« Pour Sandrine Pelletier, venue de Vierzon avec ses deux
       * adolescents, « … » »: an apposition and its comma before a
       * quotation that ends the sentence leave it one span; a pronoun
       * takes no apposition, so after « Selon elle, » the words up to
       * that comma are a clause the quotation closes: « Selon elle,
       * l'accusé savait que …, « la seule issue de cet immeuble » ») */
      if (quoted && punct(b, fq - 1, ',') && ends_sentence(b, fq, s->end) &&
          !(c.m.type == M_PRON && fq > k + 5))
        return false;
      if (quoted && clause_from_quote(b, s, k, k, s->end)) return true;
      c.how = "indirect-source";
      add_indirect(b, k, s->end, &c);
      return true;
    } else if (c.m.ts > s->start + 3 && !(k < s->end && s->end - k > 3)) {
      uint32_t src = c.m.ts;
      while (src > s->start && word(b, src - 1) &&
             (T(b, src - 1)->lex & W_SOURCE || T(b, src - 1)->kind == T_WORD) &&
             src + 3 > c.m.ts)
        src--;
      c.how = "indirect-source";
      if (quoted) return false;
      add_indirect(b, s->start, src, &c);
      return true;
    }
  }
  return false;
}

/* The first mark of sentence s from token fq on that opens a quotation,
 * or-ing the classes of the words before it into *lex: a sentence after
 * a quotation's end opens with its closing mark (« » Le ministre a
 * assuré que … « … » », "… two metres", says the councillor, who …"):
 * *st is the token after the last closing mark before it (s->start when
 * none).  NONE when no mark of s opens one. */
static uint32_t first_open(const Block *b, const Sentence *s, uint32_t fq, uint64_t *lex,
                           uint32_t *st) {
  *st = s->start;
  for (;;) {
    while (fq < s->end && T(b, fq)->kind != T_QMARK) *lex |= T(b, fq++)->lex;
    if (fq >= s->end) return NONE;
    uint32_t a = T(b, fq)->start, lo = 0, hi = b->raw.size;
    while (lo < hi) { /* the first quotation ending at or after the mark */
      uint32_t mid = (lo + hi) / 2;
      if (b->raw.contents[mid].end < a) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= b->raw.size) return NONE;
    const RawQuote *r = &b->raw.contents[lo];
    if (r->close_tok == fq) {
      /* (what stands before a closing mark is quoted: the sentence's own
       * words start after it) */
      *lex = 0;
      *st = ++fq;
      continue;
    }
    if (r->open_tok != fq) return NONE;
    /* a quotation opening the sentence is no part of a clause: « « … »,
     * précise l'agence, qui assure que le Samu sera « renforcé » » */
    if (fq != *st) return fq;
    uint32_t g = r->group;
    while (lo + 1 < b->raw.size && b->raw.contents[lo + 1].group == g) lo++;
    uint32_t c = b->raw.contents[lo].close_tok;
    if (c == NONE || c + 1 >= s->end) return NONE;
    *lex = 0;
    *st = fq = c + 1;
  }
}

/* « Il a reconnu qu'il ne l'avait « pas vu » », « Selon lui, le texte est
 * « bâclé » »: in a sentence with quotation marks (the first at token fq,
 * the words before it of classes head_lex), a reported clause holding a
 * quotation is reported twice, the clause as indirect speech and the
 * quoted words as a quotation, with one speaker.  Returns whether a
 * clause was added. */
static bool quoted_clause(Block *b, const Sentence *s, uint32_t fq, uint64_t head_lex) {
  uint32_t st;
  uint32_t fo = first_open(b, s, fq, &head_lex, &st);
  if (fo == NONE || !(head_lex & (W_SPEECH | W_SOURCE))) return false;
  Sentence t = *s;
  t.start = st;
  uint32_t n0 = b->res->quotes.size;
  /* (cheap rejects first: a French clause needs its que before the mark,
   * a source clause its source word among the sentence's first words) */
  bool verb = (head_lex & W_SPEECH) && (b->lid == PM_LANG_EN || (head_lex & W_QUE));
  bool source = false;
  for (uint32_t k = st; (head_lex & W_SOURCE) && k < fo && k < st + 3 && !source; k++)
    source = word(b, k) && (T(b, k)->lex & W_SOURCE);
  /* (and the comma that closes the source: « Selon lui, ») */
  if (source) {
    source = false;
    for (uint32_t k = st + 1; k < fo && !source; k++) source = punct(b, k, ',');
  }
  if (!((verb && verb_clause(b, &t, head_lex, fo)) || (source && source_clause(b, &t, fo))))
    return false;
  share_speaker(b, n0);
  return true;
}

void spk__indirect_cues(Block *b, const Sentence *s, uint64_t lex, bool inv) {
  /* "Investigators believe the two men knew each other, he said.": a
   * short attribution closing the sentence reports all of it, whatever
   * speech verb stands inside */
  if (b->lid == PM_LANG_EN && (lex & W_SPEECH) && s->end > s->start + 8) {
    uint32_t e = s->end;
    while (e > s->start && T(b, e - 1)->kind == T_PUNCT) e--;
    uint32_t c = e;
    while (c > s->start && c + 4 > e && T(b, c - 1)->kind == T_WORD) c--;
    if (c < e && punct(b, c - 1, ',') && e - c <= 3 && spk__speech_verb(b, e - 1) &&
        c > s->start + 4 && trailing_attribution(b, s, false))
      return;
  }
  if (verb_clause(b, s, lex, s->end)) return;
  if (((lex & W_SPEECH) || inv) && trailing_attribution(b, s, false)) return;
  /* Selon X, … / …, according to X. */
  if (lex & W_SOURCE) source_clause(b, s, s->end);
}

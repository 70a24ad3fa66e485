/*
 * cues.c - the attribution cue searches around a quotation: a speech verb
 * and its subject (spk__cue_at_verb), a speech verb or signature right after
 * the closing mark, a lead-in before the opening mark (X a déclaré que
 * « … », Réponse de X :), a source phrase (selon X, according to X).  Each
 * returns a Cue and sets nothing; speakers.c picks among them and makes the
 * speaker, so the searches can be read and tested apart from attribution.
 */
#include <string.h>

#include "analysis/speakers.h"

bool spk__gerund(const Block *b, uint32_t v) {
  const Token *t = T(b, v);
  uint32_t n = t->end - t->start;
  const char *w = b->text + t->start;
  if (n < 5) return false;
  if (b->lid == PM_LANG_EN) {
    if (memcmp(w + n - 3, "ing", 3)) return false;
    /* "shippers are warning that …": a progressive has its own subject */
    if (v > 0 && word(b, v - 1) && (T(b, v - 1)->lex & W_AUX) &&
        (folded_is(b, v - 1, "are") || folded_is(b, v - 1, "is") || folded_is(b, v - 1, "was") ||
         folded_is(b, v - 1, "were") || folded_is(b, v - 1, "been")))
      return false;
    return true;
  }
  return !memcmp(w + n - 3, "ant", 3);
}

/* « se contentant d'appeler le gouvernement à « … » », « a tenu à
 * rappeler que »: a French infinitive after de or à has the subject of
 * the clause it completes, read like a gerund's. */
static bool control_infinitive(const Block *b, uint32_t v, uint32_t lo) {
  if (b->lid != PM_LANG_FR || v < lo + 2) return false;
  const Token *t = T(b, v);
  uint32_t n = t->end - t->start;
  const char *w = b->text + t->start;
  if (n < 5 || !(!memcmp(w + n - 2, "er", 2) || !memcmp(w + n - 2, "ir", 2) ||
                 !memcmp(w + n - 2, "re", 2)))
    return false;
  const Token *p = T(b, v - 1);
  uint32_t pn = p->end - p->start;
  const char *pw = b->text + p->start;
  return p->kind == T_WORD && !(p->flags & TF_CAP) &&
         ((pn == 2 && pw[0] == 'd' && (pw[1] == '\'' || pw[1] == 'e')) ||
          (pn == 4 && pw[0] == 'd' && !memcmp(pw + 1, "\xE2\x80\x99", 3)) ||
          (pn == 2 && !memcmp(pw, "\xC3\xA0", 2)) ||
          /* « X dit regretter cette fermeture « … » »: or right after a
           * speech verb, whose subject it shares */
          ((p->lex & W_SPEECH) && spk__speech_verb(b, v - 1)));
}

/* The relative pronoun (qui, who) just before verb v, skipping auxiliaries
 * and adverbs, or NONE. */
static uint32_t relative_before(const Block *b, uint32_t v, uint32_t lo) {
  uint32_t j = v;
  while (j > lo && spk__skippable(b, j - 1)) j--;
  if (j > lo && (folded_is(b, j - 1, "qui") || folded_is(b, j - 1, "who")))
    return j - 1;
  return NONE;
}

Cue spk__cue_at_verb(Block *b, uint32_t v, uint32_t lo, uint32_t hi,
                       const char *how, double conf, bool right_first) {
  Cue c;
  memset(&c, 0, sizeof c);
  uint32_t verb = v;
  /* a-t-il déclaré: the stance is the participle's (« s'est-elle
   * contentée de dire »: one word further) */
  for (uint32_t k = v; k < hi && k < v + 5; k++)
    if (word(b, k) && (T(b, k)->lex & W_SPEECH)) {
      verb = k;
      break;
    }
  c.stance = T(b, verb)->stance;
  if (inverted(b, v) && v + 1 < b->toks.size) {
    c.m.type = M_PRON;
    c.m.ts = v + 1;
    c.m.te = v + 2;
    c.m.gender = (T(b, v)->flags & TF_INV_F) ? 2 : (T(b, v)->flags & TF_INV_M) ? 1 : 3;
    c.found = true;
  } else if (spk__gerund(b, v) ||
             /* (only with the quotation or clause after the verb: « « … »,
              * s'est borné à indiquer un porte-parole » has its subject
              * after it) */
             (control_infinitive(b, v, lo) &&
              (!strcmp(how, "verb-before") || !strcmp(how, "indirect")))) {
    /* "…, saying …", "en affirmant que": the subject of the sentence */
    /* ("The regulator is reviewing it, a person familiar with the matter
     * said, adding that …": the subject of the speech verb the gerund's
     * comma closes, between that verb and the comma before it) */
    uint32_t sv = v >= 2 && punct(b, v - 1, ',') && word(b, v - 2) && spk__speech_verb(b, v - 2)
                  ? v - 2 : NONE;
    uint32_t sc = sv;
    while (sc != NONE && sc > lo && !punct(b, sc - 1, ',')) sc--;
    if (sc != NONE && sc > lo && sc < sv && b->lid == PM_LANG_EN) {
      Cue s = spk__cue_at_verb(b, sv, sc, hi, how, conf, false);
      if (s.found) return s;
    }
    /* (« Une coalition de commerçants de la rue Saint-Denis réclame …,
     * estimant que »: in French, any noun after an indefinite article
     * opening the sentence is someone unnamed) */
    if (lo + 2 < v && (spk__indefinite_person(b, lo, v) ||
                       (b->lid == PM_LANG_FR && word(b, lo) && spk__indefinite_det(b, lo) &&
                        word(b, lo + 1) && !(T(b, lo + 1)->flags & TF_CAP)))) {
      /* "A Halvorsen spokesperson declined to comment, saying …" */
      c.m.type = M_NP;
      c.m.ts = lo;
      c.m.te = lo + 2;
      c.found = true;
    }
    for (uint32_t k = lo; k < v && !c.found; k++) {
      if (!spk__nameish(b, k) || (T(b, k)->flags & TF_ALLCAP) || spk__in_quote(b, k)) continue;
      if (k > lo && word(b, k - 1) && (T(b, k - 1)->lex & (W_PREP | W_PLACE))) continue;
      uint32_t ne = spk__name_end(b, k, v);
      /* "Liberal MP Meera Castellano …, noting": a party or place before
       * a title qualifies it; the person is the name after the title */
      if (b->lid == PM_LANG_EN && ne + 1 < v && word(b, ne) &&
          (T(b, ne)->lex & (W_ROLE | W_HONORIFIC)) && !(T(b, ne)->lex & (W_FIRST_M | W_FIRST_F)) &&
          spk__nameish(b, ne + 1)) {
        k = ne;
        continue;
      }
      /* « La Cour supérieure a refusé …, estimant que »: a French body's
       * adjectives after its capitalised noun are part of its name */
      if (b->lid == PM_LANG_FR && ne == k + 1 && (T(b, k)->lex & W_INSTITUTION))
        while (ne + 1 < v && ne < k + 3 && word(b, ne) && !(T(b, ne)->flags & TF_CAP) &&
               !(T(b, ne)->lex & (W_AUX | W_SPEECH | W_PREP | W_FUNCTION | W_DET | W_QUE)))
          ne++;
      const Token *f = T(b, k);
      /* « Costume gris, voix basse, Karim B., … en assurant »: one
       * capitalised word opening the sentence is a common noun unless it
       * is a first name or the article named it */
      if (k == lo && ne == k + 1 && b->lid == PM_LANG_FR && !(f->lex & (W_FIRST_M | W_FIRST_F)) &&
          !ctx__entity_by_part(b->ctx, b->text + f->start, f->end - f->start))
        continue;
      if (k == lo && ne == k + 1 && b->lid == PM_LANG_EN && b->text[f->end - 1] == 's' &&
          !(f->lex & (W_FIRST_M | W_FIRST_F)) &&
          !ctx__entity_by_part(b->ctx, b->text + f->start, f->end - f->start)) {
        /* "Prosecutors had asked for 11 years, arguing …": a group */
        c.m.type = M_NP;
        c.m.ts = k;
        c.m.te = k + 1;
        c.found = true;
        break;
      }
      spk__name_mention(b, &c.m, k, ne);
      c.found = true;
    }
    /* « « … », a-t-il lancé, ajoutant que … »: the incise's pronoun */
    for (uint32_t k = v; b->lid == PM_LANG_FR && !c.found && k-- > lo + 1;)
      if (word(b, k) && inverted(b, k) && k + 1 < v) {
        if (inverted(b, k - 1)) k--; /* « a » of « a-t-il », then « il » */
        c.m.type = M_PRON;
        c.m.ts = k + 1;
        c.m.te = k + 2;
        c.m.gender = (T(b, k)->flags & TF_INV_F) ? 2 : (T(b, k)->flags & TF_INV_M) ? 1 : 3;
        c.found = true;
      }
    /* "The Bank of Canada held its rate, saying …", "The central bank
     * held …, saying": a body opening the sentence after its article
     * (capitalised words joined by "of", or up to a body noun) */
    if (!c.found && lo + 2 < v && word(b, lo) &&
        (T(b, lo)->lex & W_DET) && !spk__indefinite_det(b, lo)) {
      uint32_t e = lo + 1, end = NONE;
      for (; e < v && e < lo + 7 && word(b, e); e++) {
        const Token *t = T(b, e);
        if (t->flags & TF_CAP) {
          if (t->lex & W_INSTITUTION) end = e + 1;
          else if (end != NONE) end = e + 1;
          continue;
        }
        if (folded_is(b, e, "of") && end != NONE && (T(b, e + 1)->flags & TF_CAP)) continue;
        if (t->lex & (W_INSTITUTION | W_COMPANY)) end = e + 1;
        else if (t->lex & (W_AUX | W_SPEECH | W_PREP | W_FUNCTION | W_DET)) break;
        /* « La Cour supérieure », « la Banque centrale européenne »: a
         * French body's adjectives after its capitalised noun */
        else if (b->lid == PM_LANG_FR && end == e && e + 1 < v) {
          end = e + 1;
          continue;
        }
        if (end != NONE) break;
      }
      if (end != NONE && end < v && word(b, end) && !(T(b, end)->lex & (W_PREP | W_DET)))
        c.found = spk__subject_left(b, end, lo, &c.m);
    }
  } else if (relative_before(b, v, lo) != NONE) {
    /* "Arnaud Rousseau, son président, qui juge le plan « … »": the
     * subject is what "qui" stands for, never the object after the verb. */
    uint32_t r = relative_before(b, v, lo);
    /* « saluée par la Fédération des conseils de parents d'élèves
     * (FCPE), qui réclame « … » »: the acronym before the comma names
     * the body (resolve.c gives the full name written beside it) */
    uint32_t ns = r > lo + 3 && punct(b, r - 1, ',') && spk__nameish(b, r - 2)
                  ? spk__name_start(b, r - 2, lo) : NONE;
    uint32_t agent = ns == NONE ? NONE
                     : ns > lo + 1 && word(b, ns - 1) && (T(b, ns - 1)->lex & W_DET) &&
                       !(T(b, ns - 1)->flags & TF_CAP) ? ns - 2 : ns - 1;
    if (r > lo + 4 && punct(b, r - 1, ',') && punct(b, r - 2, ')') && word(b, r - 3) &&
        (T(b, r - 3)->flags & TF_ALLCAP) && punct(b, r - 4, '(')) {
      spk__name_mention(b, &c.m, r - 3, r - 2);
      c.found = true;
    } else if (agent != NONE && agent >= lo && b->lid == PM_LANG_FR && folded_is(b, agent, "par")) {
      /* « Un chiffre contesté par la CGT-Cheminots, qui parle d'une
       * mobilisation « intacte » »: a passive's agent before the comma is
       * what "qui" stands for (after another preposition the name
       * completes a noun, « un médecin de Sallanches, qui ») */
      spk__name_mention(b, &c.m, ns, r - 1);
      c.found = true;
    } else {
      c.found = spk__subject_left(b, r, lo, &c.m);
    }
    /* « « … », insiste la ministre, qui dit avoir été « frappée » »: the
     * noun phrase right before the comma, back to the verb or the
     * punctuation before it, is what "qui" stands for */
    if (!c.found && r > lo + 1 && punct(b, r - 1, ',') && word(b, r - 2)) {
      uint32_t from = r - 2;
      while (from > lo && word(b, from - 1) && !spk__speech_verb(b, from - 1)) from--;
      memset(&c.m, 0, sizeof c.m);
      c.found = spk__subject_left(b, r - 1, from, &c.m);
    }
  } else if (right_first) {
    c.found = spk__subject_right(b, verb, hi, &c.m) || spk__subject_left(b, v, lo, &c.m);
  } else {
    c.found = spk__subject_left(b, v, lo, &c.m);
    /* "One constable who wore a camera for two years, and who was not
     * authorized to speak publicly, told …": an unnamed person before a
     * relative clause, however long, is the subject */
    for (uint32_t k = v; !c.found && b->lid == PM_LANG_EN && k-- > lo + 1 && k + 40 > v;) {
      if (T(b, k)->kind == T_QMARK || punct_in(T(b, k), ".;:!?")) break;
      /* (a byte test before the fold: most words are no "who") */
      if (T(b, k)->end - T(b, k)->start != 3 || (b->text[T(b, k)->start] | 32) != 'w' ||
          !folded_is(b, k, "who"))
        continue;
      for (uint32_t ns = k - 1; ns + 5 > k && word(b, ns); ns--) {
        if (spk__indefinite_person(b, ns, k)) {
          memset(&c.m, 0, sizeof c.m);
          c.m.type = M_NP;
          c.m.ts = ns;
          c.m.te = k;
          c.found = true;
          break;
        }
        if (ns == lo) break;
      }
    }
    /* « a confié à TVA Nouvelles que … »: a name right after à and
     * before the complementizer is the hearer, not an inverted subject */
    if (!c.found && spk__subject_right(b, verb, hi, &c.m))
      c.found = !(b->lid == PM_LANG_FR && c.m.ts > verb + 1 && c.m.te < b->toks.size &&
                  word(b, c.m.te) && (T(b, c.m.te)->lex & W_QUE) &&
                  (folded_is(b, c.m.ts - 1, "à") || folded_is(b, c.m.ts - 1, "au") ||
                   folded_is(b, c.m.ts - 1, "aux"))) &&
                /* "…," the Dartmouth mother told HuffPost Canada: what
                 * follows "told" is the hearer, never an inverted subject */
                !(b->lid == PM_LANG_EN &&
                  (folded_is(b, verb, "told") || folded_is(b, verb, "tells") ||
                   folded_is(b, verb, "tell")));
    /* « « … », lui a répondu le maire »: « lui », « leur » before the verb
     * are its indirect object when a subject follows it */
    Mention after;
    memset(&after, 0, sizeof after);
    if (c.found && c.m.type == M_PRON && b->lid == PM_LANG_FR &&
        (folded_is(b, c.m.ts, "lui") || folded_is(b, c.m.ts, "leur")) &&
        spk__subject_right(b, verb, hi, &after) && after.type != M_PRON)
      c.m = after;
  }
  c.how = how;
  c.conf = conf;
  return c;
}

/* Does word i end in a possessive 's ("TTC's")? */
static bool possessor(const Block *b, uint32_t i) {
  uint32_t e = T(b, i)->end;
  const char *z = b->text + e;
  return (e + 2 <= b->len && z[0] == '\'' && z[1] == 's') ||
         (e + 4 <= b->len && !memcmp(z, "\xE2\x80\x99s", 4));
}

/* A speech verb right after the closing mark. */
/* slex: the classes of the sentence holding c, which holds [c + 1, hi)
 * (~0 when not known). */
Cue spk__cue_after_full(Block *b, uint32_t c, uint32_t hi, uint64_t slex) {
  Cue none;
  memset(&none, 0, sizeof none);
  /* "…" — Hugh Hill (a signature, after the sentence's end) */
  if (punct(b, c + 1, '-') && c + 2 < b->toks.size && spk__nameish(b, c + 2)) {
    Cue d;
    memset(&d, 0, sizeof d);
    spk__name_mention(b, &d.m, c + 2, spk__name_end(b, c + 2, b->toks.size));
    d.found = true;
    d.how = "dash";
    d.conf = 0.8;
    return d;
  }
  /* "'I'm not running to be liked': Senator Julia Okonkwo on …": a
   * headline's quotation signed after a colon */
  if (T(b, 0)->kind == T_QMARK && punct(b, c + 1, ':') && c + 2 < b->toks.size) {
    Cue d;
    memset(&d, 0, sizeof d);
    /* ("'…': Jail guard tells inquest", "'…': Passport agency boss
     * admits", "'…': Gabriola residents fume", "'…': TTC's new CEO on
     * …": one capital word before a lowercase role, institution or people
     * noun, or a possessor, is that noun's modifier, no name) */
    if (spk__subject_right(b, c + 1, b->toks.size, &d.m) && d.m.type == M_NAME &&
        d.m.ts <= c + 3 &&
        !(d.m.ts == d.m.ns && d.m.ne == d.m.ns + 1 && word(b, d.m.ne) &&
          ((!(T(b, d.m.ne)->flags & TF_CAP) &&
            (T(b, d.m.ne)->lex & (W_ROLE | W_INSTITUTION | W_ANON))) ||
           possessor(b, d.m.ns)))) {
      d.found = true;
      d.how = "colon";
      d.conf = 0.8;
      return d;
    }
    /* "'…': an interview with Nadia Ferrer" */
    uint32_t p = spk__interviewee(b, c + 2, c + 8);
    if (p != NONE) {
      memset(&d, 0, sizeof d);
      spk__name_mention(b, &d.m, p, spk__name_end(b, p, b->toks.size));
      d.found = true;
      d.how = "interview";
      d.conf = 0.75;
      return d;
    }
  }
  uint32_t i = c + 1;
  if (punct(b, i, ',')) i++;
  if (i >= hi) return none;
  /* every cue below is found at a speech verb */
  if (!(slex & W_SPEECH)) return none;
  /* « … », peut-on lire dans le rapport de la vérificatrice générale, X »:
   * the author the document is by, else an unnamed source */
  if (b->lid == PM_LANG_FR && inverted(b, i) && i + 3 < hi && folded_is(b, i + 2, "lire") &&
      folded_is(b, i + 3, "dans")) {
    Cue d;
    memset(&d, 0, sizeof d);
    d.found = true;
    d.how = "verb-after";
    d.conf = 0.7;
    d.stance = T(b, i + 2)->stance;
    d.m.type = M_NP;
    d.m.ts = i + 4 < hi ? i + 4 : i + 3; /* « le rapport » */
    d.m.te = d.m.ts + 2 <= hi ? d.m.ts + 2 : d.m.ts + 1;
    for (uint32_t k = i + 4; k < hi && k < i + 16; k++) {
      if (T(b, k)->kind == T_QMARK || punct_in(T(b, k), ".;:!?")) break;
      if (!spk__nameish(b, k)) continue;
      uint32_t e = spk__name_end(b, k, hi);
      if (e - k >= 2 || (T(b, k)->flags & TF_ALLCAP)) {
        spk__name_mention(b, &d.m, k, e);
        break;
      }
      k = e - 1;
    }
    return d;
  }
  /* « … », s'est-elle contentée de dire: past the reflexive pronoun */
  uint32_t reach = 4;
  if ((b->text[T(b, i)->start] | 32) == 's' && T(b, i)->end - T(b, i)->start <= 4 && i + 2 < hi &&
      inverted(b, i + 1) && word(b, i) && b->lid == PM_LANG_FR && folded_is(b, i, "s'")) {
    i++;
    reach = 5;
  }
  /* « … », estime-t-il / a-t-il déclaré / juge Manuel Valls / said Smith */
  if (inverted(b, i) || spk__speech_verb(b, i)) {
    bool speech = spk__speech_verb(b, i);
    for (uint32_t k = i; !speech && k < hi && k < i + reach; k++)
      if (word(b, k) && (T(b, k)->lex & W_SPEECH)) speech = true;
    if (speech) return spk__cue_at_verb(b, i, c + 1, hi, "verb-after", 0.9, true);
  }
  /* « « … », l'interroge la présidente, X »: an elided object pronoun
   * before the verb (which spk__speech_verb reads as a noun after its
   * determiner, « l'annonce »); the subject follows it right away (« »,
   * l'annonce du ministre a surpris X » is a noun and its complement) */
  if (b->lid == PM_LANG_FR && i + 2 < hi && (b->text[T(b, i)->start] | 32) == 'l' &&
      folded_is(b, i, "l'") && word(b, i + 1) && (T(b, i + 1)->lex & W_SPEECH) &&
      !(T(b, i + 1)->flags & TF_CAP) && word(b, i + 2) &&
      (((T(b, i + 2)->lex & W_DET) && !(T(b, i + 2)->lex & W_PREP)) || spk__nameish(b, i + 2))) {
    Cue cu = spk__cue_at_verb(b, i + 1, c + 1, hi, "verb-after", 0.85, true);
    if (cu.found && cu.m.ts > i + 1) return cu;
  }
  /* "…," Smith said / he said / the senator said; », Manuel Valls a dit;
   * "…," Dr. Amir Patel, an emergency physician at X, told Y */
  for (uint32_t k = i; k < hi && k < i + 20; k++) {
    if (T(b, k)->kind == T_QMARK) break;
    /* "called the action "…" and said …": a second predicate of the
     * subject before the quotation */
    if (word(b, k) && (T(b, k)->lex & W_CONJ)) break;
    if (punct_in(T(b, k), ";:!?()[]")) break;
    if (spk__speech_verb(b, k)) {
      Cue cu = spk__cue_at_verb(b, k, c + 1, hi, "verb-after", 0.85, false);
      if (cu.found) return cu;
      break;
    }
  }
  return none;
}

/* The speaker of a clause without a speech verb that a colon closes
 * right before a quotation, when it is not a plain name: « Même son de
 * cloche chez X, présidente de la commission : », « Elle m'a envoyé un
 * message : », « Son voisin poissonnier se montre plus enthousiaste : »
 * (an unnamed person, left unresolved rather than given to the last
 * speaker). */
static Cue colon_subject(Block *b, uint32_t lo, uint32_t colon);

/* "Le patron du Medef, Patrick Martin, s'agace : « … »": the subject of
 * the clause a colon closes right before the quotation, a name not after
 * a preposition, or colon_subject's. */
static Cue colon_clause(Block *b, uint32_t lo, uint32_t colon) {
  for (uint32_t k = lo; k < colon; k++) {
    if (!spk__nameish(b, k) || (T(b, k)->flags & TF_ALLCAP) || spk__in_quote(b, k)) continue;
    uint32_t p = k;
    /* « du », « des » complete a noun too (« Le patron des Républicains ») */
    if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_DET) &&
        !(T(b, p - 1)->lex & W_PREP) && !(T(b, p - 1)->flags & TF_CAP))
      p--;
    /* (« Au Rassemblement national, Jordan Bardella a réclamé … : »: a
     * preposition opening the sentence has its capital) */
    if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_PREP) &&
        (!(T(b, p - 1)->flags & TF_CAP) || p - 1 == lo)) {
      k = spk__name_end(b, k, colon) - 1;
      continue;
    }
    /* « Inondations dans le Pas-de-Calais : « … » »: one capitalised
     * word opening the sentence is a common noun unless the article
     * named it before or it is a first name */
    uint32_t ke = spk__name_end(b, k, colon);
    if (k == lo && ke == k + 1 && !(T(b, k)->lex & (W_FIRST_M | W_FIRST_F)) &&
        !ctx__entity_by_part(b->ctx, b->text + T(b, k)->start, T(b, k)->end - T(b, k)->start))
      continue;
    Cue c;
    memset(&c, 0, sizeof c);
    spk__name_mention(b, &c.m, k, ke);
    c.found = true;
    c.how = "colon";
    c.conf = 0.75;
    return c;
  }
  return colon_subject(b, lo, colon);
}

/* Does a word of [ts, te) name or describe someone or a body (a capital,
 * a role, a person or group noun)? */
static bool names_someone(const Block *b, uint32_t ts, uint32_t te) {
  for (uint32_t k = ts; k < te; k++)
    if (word(b, k) && ((T(b, k)->flags & TF_CAP) ||
                       (T(b, k)->lex & (W_ROLE | W_ROLE_GENERIC | W_ANON | W_PERSONAL | W_FIRST_M |
                                        W_FIRST_F | W_INSTITUTION | W_COMPANY | W_OUTLET |
                                        W_MEMBERS))))
      return true;
  return false;
}

static Cue colon_subject(Block *b, uint32_t lo, uint32_t colon) {
  Cue c;
  memset(&c, 0, sizeof c);
  c.how = "colon";
  c.conf = 0.7;
  /* a name with a role apposed, even after a preposition */
  for (uint32_t k = lo; k < colon; k++) {
    if (!spk__nameish(b, k) || (T(b, k)->flags & TF_ALLCAP) || spk__in_quote(b, k)) continue;
    uint32_t e = spk__name_end(b, k, colon);
    if (e - k >= 2 && punct(b, e, ',') && e + 1 < colon && word(b, e + 1) &&
        (T(b, e + 1)->lex & W_ROLE) && !(T(b, e + 1)->flags & TF_CAP)) {
      spk__name_mention(b, &c.m, k, e);
      c.found = true;
      return c;
    }
    k = e - 1;
  }
  /* « Interrogé sur ce point, le porte-parole a botté en touche : »: the
   * subject may follow a short opening phrase and its comma */
  for (uint32_t k = lo + 1; k < colon && k < lo + 8; k++)
    if (punct(b, k, ',')) {
      if (T(b, lo)->kind == T_WORD && !(T(b, lo)->lex & (W_DET | W_PRON_M | W_PRON_F)))
        lo = k + 1;
      break;
    }
  if (colon < lo + 2 || !word(b, lo) || !word(b, lo + 1)) return c;
  const Token *t = T(b, lo), *n = T(b, lo + 1);
  /* « Dans l'entourage du ministre, on minimise : »: « on » too */
  if (((t->lex & (W_PRON_M | W_PRON_F)) ||
       ((t->lex & W_PRON_PL) && !(t->lex & W_PRON_OBJ))) && !(t->lex & W_DET)) {
    c.m.type = M_PRON;
    c.m.ts = lo;
    c.m.te = lo + 1;
    c.m.gender = pron_gender(t);
    c.found = true;
  } else if ((t->lex & W_DET) && !(n->flags & TF_CAP) &&
             (n->lex & (W_ROLE | W_ANON | W_PERSONAL)) && !(n->lex & W_INSTITUTION)) {
    c.m.type = (n->lex & W_ROLE) ? M_ROLE : M_NP;
    c.m.head = lo + 1;
    c.m.ts = lo;
    c.m.te = lo + 2;
    c.m.gender = (n->lex & W_ROLE_F) ? 2 : 0;
    if (folded_is(b, lo, "la") || folded_is(b, lo, "une")) c.m.gender = 2;
    else if (folded_is(b, lo, "le") || folded_is(b, lo, "un")) c.m.gender = 1;
    c.found = true;
  } else if (spk__indefinite_person(b, lo, colon)) {
    /* « un autre spécialiste, qui …, se montre plus sévère : » */
    c.m.type = M_NP;
    c.m.ts = lo;
    c.m.te = lo + 2;
    while (c.m.te < lo + 4 && !(T(b, c.m.te - 1)->lex & (W_ROLE | W_ANON))) c.m.te++;
    c.found = true;
  }
  return c;
}

/* "Il a ajouté que l'autopsie avait mis en évidence « … »": a speech word
 * inside the clause that an earlier speech verb of the sentence reports
 * ("mis", "lancé", "pointé" read as speech out of context) is part of
 * what is reported; the quotation belongs to that earlier verb's subject,
 * which the caller's search reaches next. */
static bool in_reported_clause(Block *b, uint32_t lo, uint32_t v) {
  for (uint32_t q = v; q-- > lo;) {
    if (T(b, q)->kind == T_PUNCT && strchr(".!?;:", T(b, q)->ch)) return false;
    if (!word(b, q) || !(T(b, q)->lex & W_QUE)) continue;
    /* "a ajouté que", "a-t-il ajouté, hier, que" */
    for (uint32_t s = q; s-- > lo && s + 4 >= q;)
      if (word(b, s) && spk__speech_verb(b, s)) {
        /* "An executive, who spoke on condition that he not be named,
         * said": a clause inside a relative clause that the comma right
         * before the verb closes */
        if (v > lo && punct(b, v - 1, ',')) {
          uint32_t r = s;
          while (r > lo && !punct(b, r - 1, ',')) r--;
          if (r > lo && r + 3 >= s &&
              (folded_is(b, r, "who") || folded_is(b, r, "which") || folded_is(b, r, "qui")))
            return false;
        }
        return true;
      }
    return false;
  }
  return false;
}

/* The cue of a speech verb before `to` in [lo, to), in the same sentence
 * and clause (no ".!?;:" and no "and"/"but" after a comma that opens a new
 * clause rather than "that"), when its subject is a name. */
static Cue outer_named(Block *b, uint32_t lo, uint32_t to, uint32_t o) {
  Cue none;
  memset(&none, 0, sizeof none);
  for (uint32_t x = to; x-- > lo;) {
    const Token *t = T(b, x);
    if (t->kind == T_PUNCT && strchr(".!?;:", t->ch)) break;
    if (t->kind == T_QMARK) break;
    if (t->kind != T_WORD) continue;
    if ((t->lex & W_CONJ) && x > lo && punct(b, x - 1, ',') &&
        !(x + 1 < to && word(b, x + 1) && (T(b, x + 1)->lex & W_QUE)))
      break;
    if (!(t->lex & W_SPEECH) || !spk__speech_verb(b, x)) continue;
    Cue c = spk__cue_at_verb(b, x, lo, o, "verb-before", 0.8, false);
    return c.found && c.m.type == M_NAME ? c : none;
  }
  return none;
}

/* Cues before the opening mark, within [lo, o); slex and spc: the classes
 * and punctuation (Sentence.pchars) of the sentence holding [lo, o) (~0
 * when not known). */
Cue spk__cue_before_full(Block *b, uint32_t o, uint32_t lo, uint32_t hi, uint64_t slex,
                         uint64_t spc) {
  Cue none;
  memset(&none, 0, sizeof none);
  if (o > lo + WINDOW) lo = o - WINDOW;
  /* « Interrogé par l'AFP, un autre spécialiste, qui …, se montre plus
   * sévère : « … » »: a participle opening the sentence with its comma
   * is no cue, and its agent is the one who asked, never the speaker */
  if (b->lid == PM_LANG_FR) lo = spk__past_participle_opener(b, lo, o);
  uint32_t colon_after_verb = NONE;
  /* X : « … » / Réponse de X : si … « … » / X a déclaré : « … » */
  for (uint32_t k = (spc & SENT_PCHAR(':')) ? o : lo; k > lo; k--) {
    /* a tight loop back to the nearest colon */
    while (k > lo && (T(b, k - 1)->kind != T_PUNCT || T(b, k - 1)->ch != ':')) k--;
    if (k == lo) break;
    uint32_t colon = k - 1;
    /* "Sécheresse : le gouvernement promet un « plan eau »": a heading
     * before a colon does not speak a short expression further on. */
    if (colon + 1 != o) {
      uint32_t words = 0;
      bool stop = false;
      for (uint32_t q = o + 1; q < b->toks.size && T(b, q)->kind != T_QMARK; q++) {
        if (T(b, q)->kind == T_WORD || T(b, q)->kind == T_NUMBER) words++;
        if (punct_in(T(b, q), ".!?")) stop = true;
      }
      if (words <= 4 && !stop) break;
      /* « Tramway de Québec : la ministre accusée de « … » »: a role
       * after the colon is the heading's new subject, not its speaker */
      bool subject = false;
      for (uint32_t q = colon + 2; q < o && q < colon + 6 && !subject; q++)
        subject = word(b, q) && (T(b, q)->lex & W_ROLE) &&
                  !(T(b, q)->flags & TF_CAP) && word(b, q - 1) && (T(b, q - 1)->lex & W_DET);
      if (subject) break;
    }
    /* "un collègue de Brest : « … »": a name after a preposition
     * completes a noun; the verb search below finds the speaker. */
    /* (« Inondations dans le Pas-de-Calais : « … » »: or after a
     * preposition and its article) */
    uint32_t cns = colon > lo + 1 && spk__nameish(b, colon - 1) ? spk__name_start(b, colon - 1, lo) : NONE;
    bool complement = cns != NONE && cns > lo && word(b, cns - 1) &&
                      (T(b, cns - 1)->lex & W_PREP) && !(T(b, cns - 1)->flags & TF_CAP) &&
                      cns - 1 > lo && !(T(b, cns - 2)->flags & TF_CAP);
    if (cns != NONE && cns > lo + 1 && word(b, cns - 1) && (T(b, cns - 1)->lex & W_DET) &&
        !(T(b, cns - 1)->lex & W_PREP) && !(T(b, cns - 1)->flags & TF_CAP) && word(b, cns - 2) &&
        (T(b, cns - 2)->lex & W_PREP) && !(T(b, cns - 2)->flags & TF_CAP) &&
        !(T(b, cns - 2)->lex & W_SOURCE))
      complement = true;
    /* "Neil Ferguson told BBC Scotland: « … »": a name right after a speech
     * verb that has a subject before it is the verb's listener; the verb
     * cue below finds its subject ("told the BBC:" too) */
    if (cns != NONE && cns > lo && b->lid == PM_LANG_EN) {
      uint32_t v = cns - 1;
      if (v > lo && word(b, v) && (T(b, v)->lex & W_DET) && !(T(b, v)->flags & TF_CAP)) v--;
      if (v > 0 && word(b, v) && spk__speech_verb(b, v) &&
          (T(b, v - 1)->kind == T_WORD || punct(b, v - 1, ',')))
        complement = true;
    }
    /* « R : « … » », "A: "…"": an interview's turn label, one capital
     * opening the paragraph, is no name (speakers.c gives the answer the
     * person interviewed) */
    bool label = colon == 1 && T(b, 0)->end - T(b, 0)->start == 1;
    if (colon > lo && spk__nameish(b, colon - 1) && !spk__in_quote(b, colon - 1) && !complement &&
        !label) {
      Cue c;
      memset(&c, 0, sizeof c);
      spk__name_mention(b, &c.m, spk__name_start(b, colon - 1, lo), colon);
      c.found = true;
      c.how = "colon";
      c.conf = 0.85;
      return c;
    }
    /* "Le patron du Medef, Patrick Martin, s'agace : « … »": the clause's
     * subject, when the colon opens the quotation. */
    if (colon + 1 == o) {
      bool verb = false;
      for (uint32_t k = lo; k < colon; k++)
        if (spk__speech_verb(b, k)) verb = true;
      if (!verb) {
        Cue c = colon_clause(b, lo, colon);
        if (c.found) return c;
      } else {
        /* « s'est montré plus nuancé : »: the speech word may be an
         * adjective; if its cue finds no speaker, the clause's does */
        colon_after_verb = colon;
      }
    }
    break;
  }
  /* the verb cues need a speech word */
  for (uint32_t k = (slex & W_SPEECH) ? o : lo; k > lo; k--) {
    while (k > lo && !(T(b, k - 1)->lex & W_SPEECH)) k--; /* to a speech word */
    if (k == lo) break;
    uint32_t v = k - 1;
    if (T(b, v)->kind != T_WORD) continue;
    if (spk__in_quote(b, v)) continue;
    if (spk__speech_verb(b, v)) {
      /* "X said she would not comment on … but that the guidelines
       * "speak for themselves"": a negated verb reports nothing; the
       * speech verb before it, if any, does (not so "the governor did
       * not mention the bill but warned that "…"", its subject's) */
      if (b->lid == PM_LANG_EN && v >= lo + 2 && word(b, v - 1) && (T(b, v - 1)->lex & W_AUX) &&
          (folded_is(b, v - 1, "not") || folded_is(b, v - 1, "never") ||
           folded_is(b, v - 1, "n't"))) {
        bool earlier = false;
        for (uint32_t x = v - 1; x-- > lo && !earlier;)
          earlier = (T(b, x)->lex & W_SPEECH) && spk__speech_verb(b, x) && !spk__in_quote(b, x);
        if (earlier) continue;
      }
      Cue c = spk__cue_at_verb(b, v, lo, o, "verb-before", 0.8, false);
      /* a named speaker in the reported clause speaks ("said the group
       * was struck by a message in which Pruitt told his wife …") */
      if (!(c.found && c.m.type == M_NAME) && in_reported_clause(b, lo, v)) continue;
      /* "X said people had described it as a "lottery"", "X said …, but
       * that the conditions described were "…"": a speech verb whose
       * subject is no one named, inside a reported clause without "that",
       * leaves the quotation to the named speaker of that clause */
      if (b->lid == PM_LANG_EN && c.found && c.m.type == M_NP && c.m.ts < v) {
        Cue outer = outer_named(b, lo, c.m.ts, o);
        if (outer.found) return outer;
      }
      /* "said the senator "has the ideas …"": a noun phrase after the verb
       * that runs on into the quotation or a clause is the reported
       * clause's subject; an inverted subject ends at a comma or colon */
      if (c.found && c.m.ts > v && c.m.te < o && !inverted(b, v) &&
          !(T(b, c.m.te)->kind == T_PUNCT && strchr(",:-", T(b, c.m.te)->ch)))
        return none;
      if (c.found && c.m.ts > v && c.m.te == o && !inverted(b, v)) return none;
      /* « Monique, 74 ans, …, résume l'inquiétude de beaucoup : « … » »:
       * a noun phrase between the verb and the colon that names no one
       * is the verb's object; the clause's subject speaks */
      if (c.found && c.m.type == M_NP && b->lid == PM_LANG_FR && c.m.ts > v &&
          c.m.te == colon_after_verb && !inverted(b, v) && !names_someone(b, c.m.ts, c.m.te))
        return colon_clause(b, lo, colon_after_verb);
      if (c.found) return c;
    }
  }
  (void)hi;
  if (colon_after_verb != NONE) return colon_clause(b, lo, colon_after_verb);
  return none;
}

/* Is token k a French noun of figures (lang/fr.yaml lists them among the
 * anonymous sources: chiffres, données, étude …)?  Asked only after a
 * source word, so the compares are rare. */
static bool data_noun(const Block *b, uint32_t k) {
  static const char *const w[] = {"chiffres", "données", "étude", "calculs",
                                  "estimations", "statistiques", "éléments"};
  if (b->lid != PM_LANG_FR || !word(b, k) || T(b, k)->end - T(b, k)->start < 6) return false;
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (folded_is(b, k, w[i])) return true;
  return false;
}

/* Is token k a French possessive determiner (ses, son, sa, leurs, leur)? */
static bool possessive(const Block *b, uint32_t k) {
  return word(b, k) && T(b, k)->end - T(b, k)->start <= 5 &&
         (folded_is(b, k, "ses") || folded_is(b, k, "son") || folded_is(b, k, "sa") ||
          folded_is(b, k, "leurs") || folded_is(b, k, "leur"));
}

/* For spk__cue_source: the noun phrase at x (an article, a lowercase
 * noun of no class that names a speaker or data, then any words up to a
 * near comma with a clause after it) put in c as an unnamed mention. */
static void unknown_body(const Block *b, uint32_t x, uint32_t hi, Cue *c, uint32_t *after) {
  uint32_t h = x + 1;
  if (h + 4 >= hi || !word(b, x) || !(T(b, x)->lex & W_DET) || (T(b, x)->flags & TF_CAP) ||
      possessive(b, x) || !word(b, h) || (T(b, h)->flags & TF_CAP))
    return;
  uint64_t lx = T(b, h)->lex;
  if ((lx & (W_FUNCTION | W_PREP | W_DET | W_SPEECH | W_QUE | W_AUX | W_PRON_M | W_PRON_F |
             W_PRON_PL)) ||
      ((lx & W_CITE) && !(lx & W_ANON)))
    return;
  uint32_t e = h + 1;
  while (e < hi && e < x + 12 && !punct(b, e, ',') && T(b, e)->kind != T_QMARK &&
         !punct(b, e, '.') && !punct(b, e, ':') && !punct(b, e, ';'))
    e++;
  if (!punct(b, e, ',') || e + 3 >= hi) return;
  c->m.type = M_NP;
  c->m.ts = x;
  c->m.head = h;
  c->m.te = e;
  c->found = true;
  if (after) *after = e;
}

/* Selon X / d'après X / pour X, / according to X anywhere in [lo, hi). */
Cue spk__cue_source(Block *b, uint32_t lo, uint32_t hi, uint32_t *after) {
  Cue none;
  memset(&none, 0, sizeof none);
  if (hi > b->toks.size) hi = b->toks.size;
  for (uint32_t k = lo; k < hi; k++) {
    /* source words are rare: their flag first, in a tight loop */
    while (k < hi && !(T(b, k)->lex & W_SOURCE)) k++;
    if (k == hi) break;
    if (T(b, k)->kind != T_WORD) continue;
    /* "Pour X, …" only opens a sentence: most "pour" are not sources */
    if ((b->text[T(b, k)->start] | 32) == 'p' && k != lo) continue;
    if (spk__in_quote(b, k)) continue;
    char f[64];
    size_t fn = lex__fold(b->text + T(b, k)->start, T(b, k)->end - T(b, k)->start, f);
    if (!fn) continue;
    uint32_t x = k + 1;
    if (!strcmp(f, "après") && !(k > lo && word(b, k - 1) &&
                                 T(b, k - 1)->end - T(b, k - 1)->start <= 4 &&
                                 (b->text[T(b, k - 1)->start] | 32) == 'd'))
      continue;
    if (!strcmp(f, "according")) {
      if (!word(b, x)) continue;
      x++;
    }
    /* « aux yeux de X », « de l'avis de X »: the noun is a source only in
     * the phrase, its de before the source as selon's place */
    bool yeux = !strcmp(f, "yeux"), avis = !strcmp(f, "avis");
    if (yeux || avis) {
      if (!(yeux ? folded_is(b, k - 1, "aux")
                 : k >= lo + 2 && folded_is(b, k - 1, "l'") && folded_is(b, k - 2, "de")) ||
          !word(b, x) || !(T(b, x)->lex & W_PREP) || (b->text[T(b, x)->start] | 32) != 'd')
        continue;
      /* « de l'avis du professeur de science politique X, »: du holds the
       * article, so the role phrase has none; its name is the source */
      if (T(b, x)->lex & W_DET) {
        uint32_t y = x + 1;
        while (y < hi && y < x + 8 && word(b, y) && !spk__nameish(b, y)) y++;
        if (y < hi && spk__nameish(b, y) && !(T(b, y)->flags & TF_ALLCAP)) {
          Cue c;
          memset(&c, 0, sizeof c);
          spk__name_mention(b, &c.m, y, spk__name_end(b, y, hi));
          c.m.ts = x + 1 < c.m.ts ? x + 1 : c.m.ts;
          c.found = true;
          if (after) *after = c.m.te;
          c.how = "source";
          c.conf = 0.85;
          return c;
        }
        continue;
      }
      x++;
    }
    Cue c;
    memset(&c, 0, sizeof c);
    /* « Son porte-parole, Rémi Roy, selon qui « … », »: the relative
     * stands for the name the comma closes */
    if (folded_is(b, x, "qui") && k >= lo + 2 && punct(b, k - 1, ',') &&
        spk__nameish(b, k - 2)) {
      spk__name_mention(b, &c.m, spk__name_start(b, k - 2, lo), k - 1);
      c.found = true;
      if (after) *after = x + 1;
      c.how = "source";
      c.conf = 0.85;
      return c;
    }
    /* « selon son entourage », « selon un communiqué », "according to two
     * people familiar with …": an unnamed source, left unresolved */
    uint32_t anon = NONE;
    for (uint32_t y = x; y < hi && y < x + 4 && word(b, y); y++)
      if (T(b, y)->lex & W_ANON) {
        anon = y;
        break;
      }
    uint32_t org = anon != NONE && folded_is(b, anon + 1, "from") ? anon + 2 : NONE;
    if (org != NONE && word(b, org) && (T(b, org)->lex & W_DET) && !(T(b, org)->flags & TF_CAP))
      org = spk__indefinite_det(b, org) ? NONE : org + 1;
    uint32_t oe = org != NONE && org < hi && spk__nameish(b, org) ? spk__name_end(b, org, hi) : NONE;
    /* "a statement from the Ministry of Health": a capitalised
     * institution noun and its capitalised complement */
    if (oe == NONE && org != NONE && org < hi && word(b, org) && (T(b, org)->flags & TF_CAP) &&
        (T(b, org)->lex & W_INSTITUTION)) {
      oe = org + 1;
      if (oe + 1 < hi && (folded_is(b, oe, "of") || folded_is(b, oe, "for")) &&
          spk__nameish(b, oe + 1))
        oe = spk__name_end(b, oe + 1, hi);
    }
    if (oe != NONE && oe < hi && word(b, oe) && (T(b, oe)->flags & TF_CAP) &&
        (T(b, oe)->lex & W_INSTITUTION))
      oe++;
    /* "testimony from an FBI forensic accountant" is a person's */
    if (oe != NONE && oe < hi && word(b, oe) && !(T(b, oe)->flags & TF_CAP)) oe = NONE;
    if (oe != NONE) {
      /* "according to a statement from the National Highway Traffic
       * Safety Administration": the body it comes from (a person "for"
       * a body stays unnamed) */
      spk__name_mention(b, &c.m, org, oe);
      c.m.ts = x;
      c.found = true;
      if (after) *after = oe;
    } else if (anon != NONE && !(word(b, x) && (T(b, x)->lex & W_PRON_OBJ))) {
      /* « selon les chiffres de la criée, », « selon les premiers éléments
       * de l'enquête, »: figures nobody is named for report a clause,
       * unnamed; « selon ses chiffres » (someone's) and « d'après les
       * données de l'Observatoire … » (a body our batches name or not)
       * are left alone */
      bool data = data_noun(b, anon);
      if (data && (possessive(b, anon - 1) ||
                   (word(b, anon + 1) && (T(b, anon + 1)->lex & W_PREP) &&
                    (b->text[T(b, anon + 1)->start] | 32) == 'd' &&
                    ((word(b, anon + 2) && (T(b, anon + 2)->flags & TF_CAP)) ||
                     (word(b, anon + 2) && (T(b, anon + 2)->lex & W_DET) && word(b, anon + 3) &&
                      (T(b, anon + 3)->flags & TF_CAP))))))
        continue;
      c.m.type = M_NP;
      c.m.ts = x;
      c.m.te = anon + 1;
      c.found = true;
      /* « selon une source policière, », « selon l'entourage du club
       * breton, »: its adjective or complement, up to a near comma */
      uint32_t e = anon + 1;
      while (e < hi && e < anon + 6 && word(b, e) && !(T(b, e)->flags & TF_CAP) &&
             !(T(b, e)->lex & (W_SPEECH | W_QUE | W_AUX | W_PRON_M | W_PRON_F | W_PRON_PL)))
        e++;
      /* (« les chiffres de la criée de Lorient, »: a figure's complement
       * is words of any kind up to the comma) */
      while (data && e < hi && e < anon + 12 && word(b, e) && !(T(b, e)->lex & W_QUE)) e++;
      if (punct(b, e, ',')) c.m.te = e;
      if (after) *after = c.m.te;
    } else if (word(b, x) && (T(b, x)->lex & W_PRON_OBJ)) {
      c.m.type = M_PRON;
      c.m.ts = x;
      c.m.te = x + 1;
      c.m.gender = pron_gender(T(b, x));
      if (c.m.gender == 3 && (T(b, x)->lex & W_PRON_M)) c.m.gender = 1;
      c.found = true;
      if (after) *after = x + 1;
    } else if (spk__subject_right(b, x - 1, hi, &c.m) && c.m.type != M_PRON &&
               c.m.type != M_NP) {
      /* a name, a role or an institution; not "un sondage", "nos
       * informations" */
      c.found = true;
      if (after) *after = c.m.te;
      /* "according to U.S. Customs and Border Protection figures": the
       * body's data, which speak for no one (source words are rare, so
       * the few compares cost nothing) */
      uint32_t d = c.m.te;
      while (d < hi && d < c.m.te + 8 &&
             ((word(b, d) && ((T(b, d)->flags & TF_CAP) || (T(b, d)->lex & W_CONJ) ||
                              folded_is(b, d, "of"))) ||
              punct(b, d, '.')))
        d++;
      if (b->lid == PM_LANG_EN && d < hi && word(b, d) && !(T(b, d)->flags & TF_CAP) &&
          (folded_is(b, d, "figures") || folded_is(b, d, "data") || folded_is(b, d, "numbers") ||
           folded_is(b, d, "statistics") || folded_is(b, d, "estimates") ||
           folded_is(b, d, "records")))
        c.found = false;
    }
    /* "according to the mortgage buyer Freddie Mac, down from …": a name
     * closing the phrase after its article and a describing noun or two */
    if (!c.found && b->lid == PM_LANG_EN && word(b, x) && (T(b, x)->lex & W_DET) &&
        !(T(b, x)->flags & TF_CAP) && !spk__indefinite_det(b, x)) {
      uint32_t y = x + 1;
      while (y < hi && y < x + 4 && word(b, y) && !(T(b, y)->flags & TF_CAP) &&
             !(T(b, y)->lex & (W_FUNCTION | W_PREP | W_DET | W_AUX | W_SPEECH | W_QUE | W_CONJ |
                               W_ANON | W_PRON_M | W_PRON_F | W_PRON_PL)))
        y++;
      uint32_t ne = y > x + 1 && y < hi && spk__nameish(b, y) ? spk__name_end(b, y, hi) : NONE;
      if (ne != NONE && (ne == hi || punct(b, ne, ',') || punct(b, ne, '.'))) {
        memset(&c.m, 0, sizeof c.m);
        spk__name_mention(b, &c.m, y, ne);
        c.m.ts = x;
        c.found = true;
        if (after) *after = ne;
      }
    }
    /* « Selon l'ordre régional des pharmaciens, », « D'après
     * l'intersyndicale, », « Selon un décompte de France Universités, »:
     * opening the sentence, an article and a lowercase noun the lexicon
     * does not know, up to a near comma, are a body or a record the text
     * names no one for; the clause after it is reported, unnamed.  (Not
     * after « Pour », which opens « Pour l'instant, »; and « selon un
     * sondage » stays out: data are no source of speech, `citations`.) */
    if (!c.found && b->lid == PM_LANG_FR && strcmp(f, "pour")) {
      uint32_t k0 = strcmp(f, "après") ? k : k - 1;
      if (b->sents.contents[spk__sentence_of(b, k0)].start == k0)
        unknown_body(b, x, hi, &c, after);
    }
    if (!c.found) continue;
    if (!strcmp(f, "pour")) {
      /* Pour X, … only at the start of a sentence and before a comma. */
      if (k != lo || !punct(b, c.m.te, ',')) continue;
      /* « Pour la Fédération des médecins, le texte reste « trop vague » »:
       * a body's view as the writer sums it up, not its words; its name
       * (subject_right.c) is kept for selon and for speech verbs */
      if (c.m.type == M_NAME && c.m.ts < c.m.ns && (T(b, c.m.ns)->lex & W_INSTITUTION)) {
        c.m.type = M_INST;
        c.m.head = c.m.ns;
      }
    }
    c.how = "source";
    c.conf = 0.85;
    return c;
  }
  return none;
}

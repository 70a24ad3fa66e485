/*
 * names.c - what a name looks like and how far it reaches: name-like
 * capitalised tokens, a name's first and last token (particles, honorifics,
 * institutions), its gender, the name mention it makes; plus the word tests
 * the subject searches share (speech verb used as a verb, skippable
 * auxiliaries and adverbs, "pour sa part" adverbials) and where a token sits
 * (its sentence, inside a quotation or not).  Split from the subject
 * searches (subject_left.c, subject_right.c) so that each reads alone.
 */
#include <string.h>

#include "analysis/speakers.h"

void spk__name_candidates(const Token *t, uint32_t n, uint32_t base, IndexArray *out) {
  /* spk__nameish is false for any other token: no capital, no word, or
   * a word of the NAMEISH_NOT classes but a first name or an honorific;
   * note_entities also looks at an institution noun that is not
   * name-like ("the Bank of Canada") */
  uint32_t *o = out->contents + out->size;
  for (uint32_t i = 0; i < n; i++) {
    i = tok__next_flag(t, i, n, TF_CAP);
    if (i == n) break;
    if (t[i].kind == T_WORD &&
        (!(t[i].lex & NAMEISH_NOT) ||
         (t[i].lex & (W_FIRST_M | W_FIRST_F | W_HONORIFIC | W_INSTITUTION))))
      *o++ = base + i;
  }
  out->size = (uint32_t)(o - out->contents);
}

void spk__name_extents(const Block *b, const uint32_t *cands, uint32_t n, uint32_t *out) {
  for (uint32_t k = 0; k < n; k++)
    out[k] = spk__nameish(b, cands[k]) ? spk__name_end(b, cands[k], b->toks.size) : 0;
}

/* spk__nameish for a capitalised word i (speakers.h tests that). */
bool spk__nameish_cap(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  /* (speakers.h settled the words of class NAMEISH_NOT) */
  if ((t->lex & (W_ROLE | W_INSTITUTION)) && !(t->lex & (W_FIRST_M | W_FIRST_F))) {
    /* "Bruno Le Maire": a role word after a name's capitalised article */
    return i >= 2 && word(b, i - 1) && (T(b, i - 1)->flags & TF_CAP) &&
           (T(b, i - 1)->lex & W_DET) && T(b, i - 1)->end - T(b, i - 1)->start <= 3 &&
           word(b, i - 2) && (T(b, i - 2)->flags & TF_CAP) &&
           (T(b, i - 2)->lex & (W_FIRST_M | W_FIRST_F));
  }
  /* « le député LR Vincent Jeanbrun-Morel »: a party's initials after a
   * lowercase word and before a first name open no name */
  if ((t->flags & TF_ALLCAP) && t->end - t->start <= 4 && i > 0 && word(b, i - 1) &&
      !(T(b, i - 1)->flags & TF_CAP) && word(b, i + 1) &&
      (T(b, i + 1)->lex & (W_FIRST_M | W_FIRST_F)) && !(T(b, i + 1)->flags & TF_ALLCAP))
    return false;
  return true;
}

/* « les économies demandées aux communes », « le plan annoncé »: a French
 * participle right after a noun qualifies it; only after an auxiliary or
 * a pronoun does it report. */
static bool adverb(const Block *b, uint32_t i);

static bool participle_after_noun(const Block *b, uint32_t i) {
  const Token *p = T(b, i - 1);
  /* « a immédiatement annoncé »: an adverb after the auxiliary */
  if (i >= 2 && word(b, i - 2) && (T(b, i - 2)->lex & W_AUX) && adverb(b, i - 1)) return false;
  if (p->kind != T_WORD || (p->flags & (TF_CAP | TF_INV_M | TF_INV_F | TF_INV_PL | TF_ELISION)) ||
      (p->lex & (W_AUX | W_PRON_M | W_PRON_F | W_PRON_PL | W_FIRST_PERSON | W_QUE)))
    return false;
  /* « a salué « … » et annoncé que »: after a conjunction, a participle
   * before its complementizer shares the auxiliary before it (not « a
   * indiqué « … » et appelé « … » », whose speaker the first verb gives) */
  if ((p->lex & W_CONJ) && word(b, i + 1) && (T(b, i + 1)->lex & W_QUE)) return false;
  const Token *t = T(b, i);
  const char *w = b->text + t->start;
  uint32_t n = t->end - t->start;
  bool part = (n > 3 && !memcmp(w + n - 2, "\xC3\xA9", 2)) ||
              (n > 4 && (!memcmp(w + n - 3, "\xC3\xA9" "e", 3) ||
                         !memcmp(w + n - 3, "\xC3\xA9" "s", 3))) ||
              (n > 5 && !memcmp(w + n - 4, "\xC3\xA9" "es", 4));
  /* « a pour sa part assuré », « a de nouveau plaidé » */
  return part && !spk__adverbial3(b, i) && !spk__adverbial2(b, i);
}

/* spk__speech_verb for a lowercase speech-verb word i (speakers.h tests
 * that): not after a determiner. */
bool spk__speech_verb_word(const Block *b, uint32_t i) {
  /* "companies charge small businesses", "drug trafficking charges": a
   * verb of that_verbs reports only a clause opened by "that" */
  /* (a past form closing a clause still reports it: "…, critics charged.",
   * "…, the Globe reported Tuesday.") */
  if ((T(b, i)->lex & W_THAT_ONLY) && !(word(b, i + 1) && (T(b, i + 1)->lex & W_QUE))) {
    const Token *t = T(b, i);
    bool ed = t->end - t->start > 3 && b->text[t->end - 1] == 'd' && b->text[t->end - 2] == 'e';
    if (!ed || !(i + 1 >= b->toks.size || T(b, i + 1)->kind == T_PUNCT ||
                 (word(b, i + 1) && (T(b, i + 1)->lex & (W_MONTH | W_AUX)) &&
                  !(T(b, i + 1)->lex & W_DET))))
      return false;
  }
  /* "what the team called an upper-body injury" names, it reports
   * nothing */
  if (i > 2 && b->lid == PM_LANG_EN && T(b, i)->end - T(b, i)->start == 6 &&
      folded_is(b, i, "called") && (folded_is(b, i - 2, "what") || folded_is(b, i - 3, "what")))
    return false;
  /* "blocks state law", "state officials": bare "state" before a word is
   * an adjective far more often than a verb */
  if (folded_is(b, i, "state") && word(b, i + 1) && !folded_is(b, i + 1, "that"))
    return false;
  /* "a health think tank" */
  if (T(b, i)->end - T(b, i)->start == 5 && (b->text[T(b, i)->start] | 32) == 't' &&
      folded_is(b, i, "think") && word(b, i + 1) &&
      (folded_is(b, i + 1, "tank") || folded_is(b, i + 1, "tanks")))
    return false;
  /* (French « a » is a determiner and an auxiliary: « il a dit »; English
   * "an" only reads as one in "in an interview": "an estimated 57 million"
   * is no verb) */
  if (i > 0 && word(b, i - 1) && (T(b, i - 1)->lex & W_DET) &&
      !(T(b, i - 1)->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) &&
      (!(T(b, i - 1)->lex & W_AUX) || b->lid == PM_LANG_EN))
    return false;
  if (b->lid == PM_LANG_FR && i > 0 && participle_after_noun(b, i)) return false;
  /* « le comportement du prévenu relève de « l'inconscience pure » », « le
   * logement relève de la compétence des provinces »: relever de is to
   * fall under; « relève que », « relève de son côté que » report */
  /* (bytes first: « rel » and a length of 7 to 9) */
  if (b->lid == PM_LANG_FR && T(b, i)->end - T(b, i)->start >= 7 &&
      T(b, i)->end - T(b, i)->start <= 9 && (b->text[T(b, i)->start] | 32) == 'r' &&
      b->text[T(b, i)->start + 1] == 'e' && b->text[T(b, i)->start + 2] == 'l' &&
      word(b, i + 1) && (T(b, i + 1)->lex & W_PREP) &&
      (b->text[T(b, i + 1)->start] | 32) == 'd' &&
      (folded_is(b, i, "relève") || folded_is(b, i, "relèvent") || folded_is(b, i, "relevait")) &&
      !(i + 4 <= b->toks.size && spk__adverbial3(b, i + 4)))
    return false;
  /* "veut dire que" means, it does not report. */
  if (i > 0 && word(b, i - 1) && (b->text[T(b, i - 1)->start] | 32) == 'v' &&
      T(b, i - 1)->end - T(b, i - 1)->start <= 7 &&
      (folded_is(b, i - 1, "veut") || folded_is(b, i - 1, "veux") ||
       folded_is(b, i - 1, "voulait")))
    return false;
  return true;
}



static bool adverb(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  uint32_t n = t->end - t->start;
  const char *s = b->text + t->start;
  /* le gouvernement, du parlement: a noun after a determiner */
  if (t->lex & (W_ROLE | W_INSTITUTION | W_POLICY)) return false;
  /* (« a immédiatement annoncé »: « a » is an auxiliary, not « à ») */
  if (i > 0 && T(b, i - 1)->kind == T_WORD && (T(b, i - 1)->lex & (W_DET | W_PREP)) &&
      !(T(b, i - 1)->lex & W_AUX))
    return false;
  return t->kind == T_WORD && !(t->flags & TF_CAP) &&
         ((n > 5 && !memcmp(s + n - 4, "ment", 4)) ||
          (n > 4 && !memcmp(s + n - 2, "ly", 2)));
}

/* The rest of spk__skippable (speakers.h), for a lowercase word that is
 * no pronoun and no auxiliary. */
bool spk__skippable_word(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  return adverb(b, i) || ((t->flags & TF_ELISION) && !(t->lex & W_QUE));
}

/* "Avon and Somerset Police", "Avon Fire and Rescue Service": a lowercase
 * conjunction at token e joins an organisation's name when capitalised
 * words after it end in an institution word. */
bool spk__and_in_org(const Block *b, uint32_t e, uint32_t hi) {
  if (!word(b, e) || (T(b, e)->flags & TF_CAP) || !(T(b, e)->lex & W_CONJ)) return false;
  /* ("Mid and West Wales Fire and Rescue Service": across a second
   * conjunction between capitalised words, to the noun six words on) */
  uint32_t lim = b->lid == PM_LANG_EN ? e + 7 : e + 4;
  for (uint32_t k = e + 1; k < hi && k < lim; k++) {
    const Token *t = T(b, k);
    if (k > e + 1 && k + 1 < hi && b->lid == PM_LANG_EN && word(b, k) && (t->lex & W_CONJ) && !(t->flags & TF_CAP) &&
        (T(b, k - 1)->flags & TF_CAP) && word(b, k + 1) && (T(b, k + 1)->flags & TF_CAP))
      continue;
    if (t->kind != T_WORD || !(t->flags & TF_CAP)) return false;
    if (t->lex & W_INSTITUTION) return true;
  }
  return false;
}

bool spk__place_adjective(const Block *b, uint32_t k) {
  if (b->lid != PM_LANG_EN || !word(b, k)) return false;
  const Token *t = T(b, k);
  if (!(t->flags & TF_CAP) || (t->flags & TF_ALLCAP)) return false;
  const char *s = b->text + t->start;
  size_t n = t->end - t->start;
  if (n > 7 && !memcmp(s + n - 6, "-based", 6)) return true;
  /* A first name is no demonym: "the Brian Moore firm", "the Julian
   * company". */
  if (t->lex & (W_FIRST_M | W_FIRST_F)) return false;
  /* (the demonyms' endings: Swedish, Chinese, Canadian, Korean; the
   * lexicon's epithets are nouns, "a Swede", and its 64 bits are all
   * taken, so the few other forms are listed here.  A bare "-an" is a
   * surname as often as a demonym, "The Logan firm", "the Duncan
   * company", "the Brennan company": those demonyms are listed.) */
  static const char *const ends[] = {"ish", "ese", "ian", "ean"};
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
    size_t en = strlen(ends[i]);
    if (n >= en + 3 && !memcmp(s + n - en, ends[i], en)) return true;
  }
  static const char *const other[] = {
      "Dutch",    "French",   "Swiss",    "Greek",    "Thai",      "Israeli",   "Saudi",
      "Pakistani", "Iraqi",   "Kuwaiti",  "Qatari",   "American",  "Mexican",   "African",
      "German",   "Cuban",    "Kenyan",   "Ugandan",  "Rwandan",   "Moroccan",  "Dominican",
      "Jamaican", "Tibetan",  "Afghan",   "Angolan",  "Venezuelan", "Guatemalan", "Nicaraguan",
      "Paraguayan", "Uruguayan", "Lankan", "Sudanese", "Welsh"};
  for (size_t i = 0; i < sizeof other / sizeof *other; i++)
    if (strlen(other[i]) == n && !memcmp(s, other[i], n)) return true;
  return false;
}

/* "… for Sustainability and the Environment Chua Wei Siong": in English
 * three short capitalised words (five letters or fewer each, as Chinese
 * names are written) and no fourth make one name, its surname first;
 * "the Gironde Thomas Peyrac" is a place and a name. */
static bool surname_first(const Block *b, uint32_t p) {
  if (b->lid != PM_LANG_EN || p + 3 > b->toks.size) return false;
  /* (only after a title, an honorific or punctuation: after a lowercase
   * word the first is a place or a body, "councillor for Leeds John Hart") */
  if (p > 0 && word(b, p - 1) && !(T(b, p - 1)->flags & TF_CAP)) return false;
  for (uint32_t k = p; k < p + 3; k++)
    if (!word(b, k) || !(T(b, k)->flags & TF_CAP) || (T(b, k)->flags & TF_ALLCAP) ||
        T(b, k)->end - T(b, k)->start > 5)
      return false;
  return !(p + 3 < b->toks.size && word(b, p + 3) && (T(b, p + 3)->flags & TF_CAP));
}

/* "le député de la Gironde Thomas Peyrac": a known first name after a
 * capitalised word that is none opens a new name (a place, a party). */
static bool first_name_after(const Block *b, uint32_t p) {
  /* ("Andre Lucas said": a first name that ends the name is a surname;
   * only one that opens a name of its own, "Chief Executive Tom Hadley",
   * starts a new name) */
  /* ("panel member Sng Wei Ming": right after a lowercase title, the
   * capitalised word opens the name, a surname written first) */
  return word(b, p + 1) && (T(b, p + 1)->lex & (W_FIRST_M | W_FIRST_F)) &&
         !(T(b, p)->lex & (W_FIRST_M | W_FIRST_F | W_DET | W_NAME_PARTICLE)) &&
         !(T(b, p)->flags & TF_ALLCAP) && word(b, p + 2) && (T(b, p + 2)->flags & TF_CAP) &&
         !(b->lid == PM_LANG_EN && p > 0 && word(b, p - 1) && !(T(b, p - 1)->flags & TF_CAP) &&
           (T(b, p - 1)->lex & W_ROLE)) &&
         !surname_first(b, p);
}

/* "the B.C. Prosecution Service", "the U.S. Bureau of Reclamation": an
 * initialism with inner periods (its own last period a token after it)
 * right before token s opens the name; returns its token, or s. */
uint32_t spk__initialism_before(const Block *b, uint32_t s, uint32_t lo) {
  if (s < lo + 2 || !punct(b, s - 1, '.') || !word(b, s - 2)) return s;
  const Token *a = T(b, s - 2);
  if (!(a->flags & TF_CAP) || a->end != T(b, s - 1)->start || a->end - a->start < 3 ||
      a->end - a->start > 6 || !memchr(b->text + a->start, '.', a->end - a->start))
    return s;
  return s - 2;
}

/* The capitalised name ending at token j: returns its first token. */
uint32_t spk__name_start(const Block *b, uint32_t j, uint32_t lo) {
  uint32_t s = j;
  while (s > lo) {
    uint32_t p = s - 1;
    /* ("the Environment Chua Wei Siong": a surname written first opens
     * the name) */
    if (s + 2 == j && surname_first(b, s)) break;
    /* "Commissioner J. Kumaraguruparan": an initial opens the name */
    if (p > lo && T(b, p)->kind == T_PUNCT && spk__initial_at(b, p - 1)) {
      s = p - 1;
      continue;
    }
    if (spk__nameish(b, p)) {
      if (first_name_after(b, p)) break;
      s = p;
      continue;
    }
    /* Marine Le Pen, Charles de Gaulle */
    if (word(b, p) && p > lo && spk__nameish(b, p - 1) &&
        ((T(b, p)->lex & W_NAME_PARTICLE) ||
         ((T(b, p)->flags & TF_CAP) && (T(b, p)->lex & W_DET)))) {
      s = p - 1;
      continue;
    }
    /* "The Globe and Mail reported": after an article, two single
     * capitalised words joined by "and" are one name (not "Smith and
     * Jones said", which has no article) */
    if (s == j && p > lo + 1 && b->lid == PM_LANG_EN && word(b, p) &&
        !(T(b, p)->flags & TF_CAP) && (T(b, p)->lex & W_CONJ) && spk__nameish(b, p - 1) &&
        (T(b, p - 1)->flags & TF_CAP) && !(T(b, p - 1)->lex & (W_FIRST_M | W_FIRST_F)) &&
        word(b, p - 2) && (T(b, p - 2)->lex & W_DET) && !spk__nameish(b, p - 2) &&
        b->text[T(b, j)->end - 1] != 's' && b->text[T(b, p - 1)->end - 1] != 's')
      s = p - 1;
    break;
  }
  return s;
}

/* A capitalised institution word inside a name: White House, Moody's
 * Analytics Group. */
static bool cap_inst(const Block *b, uint32_t i) {
  return word(b, i) && (T(b, i)->flags & TF_CAP) &&
         (T(b, i)->lex & W_INSTITUTION) &&
         !(T(b, i)->lex & (W_FUNCTION | W_DET | W_PREP | W_HONORIFIC | W_ROLE));
}

/* "the Port of Rotterdam Authority": "of" at token e inside a body's
 * name whose noun closes it, one or two capitalised words after it (not
 * "Mayor of London Sadiq Khan": the noun must close the run). */
static bool inst_after_of(const Block *b, uint32_t e, uint32_t hi) {
  if (!folded_is(b, e, "of")) return false;
  for (uint32_t k = e + 1; k < hi && k < e + 4; k++) {
    if (!word(b, k) || !(T(b, k)->flags & TF_CAP)) return false;
    if (cap_inst(b, k) && k > e + 1)
      return !(k + 1 < hi && word(b, k + 1) && (T(b, k + 1)->flags & TF_CAP));
  }
  return false;
}

uint32_t spk__name_end_from(const Block *b, uint32_t s, uint32_t hi) {
  uint32_t e = s + 1;
  bool of_tail = false;
  while (e < hi) {
    /* Most names end at a lowercase word or a mark: every rule below
     * needs a capital, a name particle or a conjunction at e (and a token
     * at all). */
    if (e >= b->toks.size) break;
    const Token *t = T(b, e);
    /* "the California Department of Forestry and Fire Protection": in
     * English a body's name goes on across of or for after its noun,
     * and across "and" in that complement */
    if (b->lid == PM_LANG_EN && t->kind == T_WORD && !(t->flags & TF_CAP) &&
        (of_tail || cap_inst(b, e - 1) || inst_after_of(b, e, hi)) && e + 1 < hi &&
        spk__nameish(b, e + 1) &&
        !(T(b, e + 1)->lex & (W_FIRST_M | W_FIRST_F))) {
      if (!of_tail && (folded_is(b, e, "of") || folded_is(b, e, "for"))) {
        of_tail = true;
        e++;
        continue;
      }
      if (of_tail && (t->lex & W_CONJ) && folded_is(b, e, "and")) {
        e++;
        continue;
      }
    }
    /* ("R. Lakshmi Narayanan": past an initial's period) */
    if (t->kind == T_PUNCT && e + 1 < hi && spk__initial_at(b, e - 1) && spk__nameish(b, e + 1)) {
      e += 2;
      continue;
    }
    if (!(t->flags & TF_CAP) && (t->kind != T_WORD || !(t->lex & (W_NAME_PARTICLE | W_CONJ))))
      break;
    if (spk__nameish(b, e) && first_name_after(b, e - 1)) break;
    if (spk__nameish(b, e) || cap_inst(b, e)) {
      e++;
      continue;
    }
    if (word(b, e) && e + 1 < hi && spk__nameish(b, e + 1) &&
        ((T(b, e)->lex & W_NAME_PARTICLE) ||
         ((T(b, e)->flags & TF_CAP) && (T(b, e)->lex & W_DET)))) {
      e += 2;
      continue;
    }
    if (spk__and_in_org(b, e, hi)) {
      e++;
      continue;
    }
    break;
  }
  return e;
}

int spk__honorific_gender(const Block *b, uint32_t i) {
  char f[64];
  const Token *t = T(b, i);
  size_t n = lex__fold(b->text + t->start, t->end - t->start, f);
  if (!n) return 0;
  static const char *const fem[] = {"mme", "mlle", "madame", "mademoiselle",
                                    "mrs", "ms", "miss", "dame", "lady", "madam", "mdm"};
  for (size_t k = 0; k < sizeof fem / sizeof *fem; k++)
    if (!strcmp(f, fem[k])) return 2;
  if (!strcmp(f, "m") || !strcmp(f, "mr") || !strcmp(f, "monsieur") ||
      !strcmp(f, "sir") || !strcmp(f, "lord"))
    return 1;
  return 0;
}

int spk__name_gender(const Block *b, uint32_t ns) {
  const Token *t = T(b, ns);
  if (t->lex & W_FIRST_F && !(t->lex & W_FIRST_M)) return 2;
  if (t->lex & W_FIRST_M && !(t->lex & W_FIRST_F)) return 1;
  return 0;
}

/* "pour sa part", "de son côté", "quant à lui": adverbials between a
 * subject and its verb. */
bool spk__adverbial3(const Block *b, uint32_t j) {
  static const char *const phr[] = {"pour sa part", "pour son part",
                                    "de son côté", "de sa part",
                                    "de leur côté", "pour leur part",
                                    "quant à lui", "quant à elle",
                                    "for his part", "for her part",
                                    "for their part", "in a statement",
                                    "une nouvelle fois"};
  if (j < 3) return false;
  {
    /* quick reject on the last word: part, côté, lui, elle, statement */
    const Token *l = T(b, j - 1);
    uint32_t n = l->end - l->start;
    char c = (char)(b->text[l->start] | 32);
    if (l->kind != T_WORD || !strchr("pclsef", c) || n < 3 || n > 9) return false;
    /* the phrases are three words: the last must be one of theirs */
    if (!folded_is(b, j - 1, "part") && !folded_is(b, j - 1, "côté") &&
        !folded_is(b, j - 1, "lui") && !folded_is(b, j - 1, "elle") &&
        !folded_is(b, j - 1, "statement") && !folded_is(b, j - 1, "fois"))
      return false;
  }
  char buf[96];
  size_t o = 0;
  for (uint32_t k = j - 3; k < j; k++) {
    const Token *t = T(b, k);
    if (t->kind != T_WORD) return false;
    char f[64];
    size_t n = lex__fold(b->text + t->start, t->end - t->start, f);
    if (!n || o + n + 1 >= sizeof buf) return false;
    memcpy(buf + o, f, n);
    o += n;
    buf[o++] = ' ';
  }
  buf[o - 1] = '\0';
  for (size_t i = 0; i < sizeof phr / sizeof *phr; i++)
    if (!strcmp(buf, phr[i])) return true;
  return false;
}

bool spk__relational_adj(const Block *b, uint32_t i) {
  if (!word(b, i)) return false;
  const Token *a = T(b, i);
  if ((a->flags & TF_CAP) || (a->lex & (W_FUNCTION | W_PREP | W_DET | W_SPEECH | W_AUX | W_QUE)))
    return false;
  const char *w = b->text + a->start;
  uint32_t n = a->end - a->start;
  return (n > 4 && !memcmp(w + n - 2, "al", 2)) || (n > 5 && !memcmp(w + n - 3, "ale", 3)) ||
         (n > 5 && !memcmp(w + n - 3, "aux", 3)) || (n > 6 && !memcmp(w + n - 4, "ique", 4));
}

bool spk__adverbial2(const Block *b, uint32_t j) {
  /* (a byte test first: most words before a verb are no « nouveau ») */
  if (j < 2 || !word(b, j - 1) || T(b, j - 1)->end - T(b, j - 1)->start != 7 ||
      (b->text[T(b, j - 1)->start] | 32) != 'n' || !folded_is(b, j - 1, "nouveau"))
    return false;
  return folded_is(b, j - 2, "de") || folded_is(b, j - 2, "à");
}

/* "RCMP Cpl. Janelle Shoihet" then "the corporal said": a rank's
 * abbreviation binds the role noun it stands for to the name (English;
 * only after an honorific, so the table is seldom read). */
static void rank_role(Block *b, uint32_t h, uint32_t ns, uint32_t ne) {
  static const char *const ranks[][2] = {
      {"cpl", "corporal"},  {"sgt", "sergeant"},      {"const", "constable"},
      {"cst", "constable"}, {"insp", "inspector"},    {"supt", "superintendent"},
      {"det", "detective"}, {"coun", "councillor"},   {"lt", "lieutenant"},
      {"capt", "captain"},  {"col", "colonel"},       {"gen", "general"},
      {"sen", "senator"},   {"gov", "governor"},      {"rep", "representative"},
      {"dr", "doctor"}};
  if (b->lid != PM_LANG_EN) return;
  const Token *t = T(b, h);
  char f[64];
  if (t->end - t->start > 5) return;
  size_t n = lex__fold(b->text + t->start, t->end - t->start, f);
  if (!n || n >= sizeof f) return;
  f[n] = '\0';
  for (size_t k = 0; k < sizeof ranks / sizeof *ranks; k++)
    if (!strcmp(f, ranks[k][0])) {
      char nm[CTX_NAME];
      str__put(nm, sizeof nm, 0, b->text + T(b, ns)->start, T(b, ne - 1)->end - T(b, ns)->start);
      ctx__bind_role(b->ctx, ranks[k][1], strlen(ranks[k][1]), "", nm);
      return;
    }
}

uint32_t spk__past_nationality(const Block *b, uint32_t ns, uint32_t ne) {
  if (b->lid != PM_LANG_FR || ne < ns + 3 || ns == 0 || !word(b, ns - 1) ||
      !(T(b, ns - 1)->lex & W_DET) || (T(b, ns - 1)->flags & TF_CAP) ||
      (T(b, ns)->lex & (W_FIRST_M | W_FIRST_F)))
    return ns;
  const Token *t = T(b, ns);
  const char *x = b->text + t->start;
  size_t xn = t->end - t->start;
  static const char *const suf[] = {"ois", "oise", "ais", "aise", "ien", "ienne", "éen", "éenne",
                                    "ain", "aine", "ène", "ine", "and", "ande", "ique"};
  for (size_t i = 0; i < sizeof suf / sizeof *suf; i++) {
    size_t sn = strlen(suf[i]);
    if (xn > sn + 2 && !memcmp(x + xn - sn, suf[i], sn)) return ns + 1;
  }
  return ns;
}

void spk__name_mention(Block *b, Mention *m, uint32_t ns, uint32_t ne) {
  /* "le député LR Aurélien Pradié": the party is not part of the name */
  /* ("NHS Western Isles", « l'ARS Auvergne-Rhône-Alpes », « le RC Lens »,
   * « l'association SOS Usagers du Nord »: an initialism before words
   * that open no person's name is the body's own) */
  while (ns + 1 < ne && (T(b, ns)->flags & TF_ALLCAP) && !(T(b, ns + 1)->flags & TF_ALLCAP) &&
         T(b, ns + 1)->kind == T_WORD &&
         ((T(b, ns + 1)->lex & (W_FIRST_M | W_FIRST_F)) ||
          /* (a capitalised byline glued to the next word, « RAPHAËL
           * GENDRON-ST-PIERREVendredi », is no body's initialism) */
          (T(b, ns)->lex & (W_FIRST_M | W_FIRST_F)) || T(b, ns)->end - T(b, ns)->start > 5))
    ns++;
  ns = spk__past_nationality(b, ns, ne);
  /* « Un député Renaissance, qui …, confie », « un élu LR a estimé »: one
   * capitalised word after an indefinite role noun is the person's party
   * or union, not a name; the person is someone unnamed (the role is
   * bound to no one) */
  if (b->lid == PM_LANG_FR && ne == ns + 1 && ns >= 2 && word(b, ns - 1) &&
      (T(b, ns - 1)->lex & W_ROLE) && !(T(b, ns - 1)->flags & TF_CAP) && word(b, ns - 2) &&
      spk__indefinite_det(b, ns - 2) && !(T(b, ns)->lex & (W_FIRST_M | W_FIRST_F))) {
    m->type = M_ROLE;
    m->head = ns - 1;
    m->ts = ns - 2;
    m->te = ne;
    m->gender = spk__role_gender(b, ns - 1);
    return;
  }
  /* "Tenant Rhonda Klassen says": a capitalised noun of an unnamed
   * source before a name of two words is no part of it */
  if (ns + 2 < ne && (T(b, ns)->lex & W_ANON) && !(T(b, ns)->lex & (W_FIRST_M | W_FIRST_F)) &&
      b->lid == PM_LANG_EN)
    ns++;
  m->type = M_NAME;
  m->ns = ns;
  m->ne = ne;
  m->ts = ns;
  m->te = ne;
  m->gender = spk__name_gender(b, ns);
  uint32_t h = ns;
  if (h > 0 && punct(b, h - 1, '.') && h > 1 && (T(b, h - 2)->lex & W_HONORIFIC))
    h--;
  if (h > 0 && word(b, h - 1) && (T(b, h - 1)->lex & W_HONORIFIC)) {
    m->ts = h - 1;
    int g = spk__honorific_gender(b, h - 1);
    if (g) m->gender = g;
    if (T(b, h - 1)->lex & W_ROLE) spk__bind_role(b, h - 1, ns, ne);
    else rank_role(b, h - 1, ns, ne);
  } else if (h > 0 && word(b, h - 1) && (T(b, h - 1)->lex & W_ROLE) &&
             !(T(b, h - 1)->flags & TF_CAP)) {
    spk__bind_role(b, h - 1, ns, ne);
  }
}

uint32_t spk__name_text_end(const Block *b, uint32_t ne) {
  const Token *l = T(b, ne - 1);
  if (l->end - l->start == 1 && b->text[l->start] >= 'A' && b->text[l->start] <= 'Z' &&
      ne < b->toks.size && punct(b, ne, '.') && T(b, ne)->start == l->end)
    return l->end + 1;
  /* "Northcliff Minerals Corp.": a company's abbreviated ending keeps
   * its period */
  if ((l->lex & W_ORG_LAST) && (l->lex & W_ABBREV) && ne < b->toks.size && punct(b, ne, '.') &&
      T(b, ne)->start == l->end)
    return l->end + 1;
  return l->end;
}

uint32_t spk__sentence_of(const Block *b, uint32_t tok) {
  uint32_t lo = 0, hi = b->sents.size;
  if (!hi) return 0;
  while (lo < hi) { /* first sentence whose end > tok */
    uint32_t mid = (lo + hi) / 2;
    if (b->sents.contents[mid].end <= tok) lo = mid + 1;
    else hi = mid;
  }
  return lo < b->sents.size ? lo : b->sents.size - 1;
}

/* Is token i inside a quotation of this paragraph? */
bool spk__in_quote_search(const Block *b, uint32_t i) {
  uint32_t pos = T(b, i)->start;
  /* raw quotes are in text order: binary search the last start <= pos */
  uint32_t lo = 0, hi = b->raw.size;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (b->raw.contents[mid].start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && pos < b->raw.contents[lo - 1].end;
}

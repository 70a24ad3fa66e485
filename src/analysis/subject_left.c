/*
 * subject_left.c - reads the subject written before a verb: an organisation
 * with a lowercase name, a capitalised name, a pronoun, a role noun phrase
 * with its complements and appositions, an unnamed group ("state
 * officials").  The longest of the subject searches, kept apart from the
 * name tests it uses (names.c) and the inverted subject (subject_right.c).
 */
#include <string.h>

#include "analysis/speakers.h"

/* "One" or "one" (a byte test, no folding). */
static bool is_one(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  const char *w = b->text + t->start;
  return t->end - t->start == 3 && (w[0] | 32) == 'o' && w[1] == 'n' && w[2] == 'e';
}

/* Token i is the s of a possessive glued to the word before ("King's",
 * "King’s"), however the apostrophe was tokenized. */
static bool possessive_s(const Block *b, uint32_t i) {
  const Token *t = T(b, i), *w = T(b, i - 1);
  const char *z = b->text + w->end;
  uint32_t gap = t->start - w->end;
  const char *s = b->text + t->start;
  uint32_t n = t->end - t->start;
  if (gap == 0) /* the token holds the apostrophe */
    return (n == 2 && s[0] == '\'' && (s[1] | 32) == 's') ||
           (n == 4 && !memcmp(s, "\xE2\x80\x99", 3) && (s[3] | 32) == 's');
  return n == 1 && (s[0] | 32) == 's' &&
         ((gap == 1 && z[0] == '\'') || (gap == 3 && !memcmp(z, "\xE2\x80\x99", 3)));
}

/* « de », « d' », « d’ » at token i (not du, des: those are articles too). */
static bool de_word(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  const unsigned char *w = (const unsigned char *)b->text + t->start;
  uint32_t n = t->end - t->start;
  return (w[0] | 32) == 'd' && ((n == 2 && ((w[1] | 32) == 'e' || w[1] == '\'')) ||
                                (n == 4 && w[1] == 0xE2));
}

/* Is the English word at j the plural of a body, company or person noun
 * ("Airlines", "Hospitals"), and no first name's ("Williams")? */
static bool plural_of_noun(const Block *b, uint32_t j) {
  const Token *t = T(b, j);
  if (b->lid != PM_LANG_EN || t->end - t->start < 5 || b->text[t->end - 1] != 's') return false;
  char f[64];
  size_t n = lex__fold(b->text + t->start, t->end - t->start, f);
  if (n < 5) return false;
  const LexEntry *e = lex__get(b->lx, f, n - 1);
  return e && (e->flags & (W_COMPANY | W_INSTITUTION | W_ROLE | W_ANON)) &&
         !(e->flags & (W_FIRST_M | W_FIRST_F));
}

/* Is the capitalised word at j no part of a name the article gave, or
 * the plural of a noun that ends a body's name ("Airlines" beside "United
 * Airlines") rather than a person's surname ("Banks" after "Tony Banks":
 * a gender known, or a first name first)? */
static bool no_named_part(const Block *b, uint32_t j) {
  const Token *t = T(b, j);
  const CtxPerson *e = ctx__entity_by_part(b->ctx, b->text + t->start, t->end - t->start);
  if (!e) return true;
  if (e->gender || !plural_of_noun(b, j)) return false;
  const char *sp = strchr(e->name, ' ');
  char f[64];
  size_t n = sp && sp - e->name < 64 ? lex__fold(e->name, (size_t)(sp - e->name), f) : 0;
  const LexEntry *fe = n ? lex__get(b->lx, f, n) : NULL;
  return !(fe && (fe->flags & (W_FIRST_M | W_FIRST_F)));
}

/* Walks a role noun phrase left from its head: determiner and adjectives. */
static uint32_t np_start(const Block *b, uint32_t head, uint32_t lo) {
  uint32_t s = head;
  for (int k = 0; k < 3 && s > lo; k++) {
    const Token *p = T(b, s - 1);
    /* "A senior U.S. administration official": an initialism with inner
     * periods is one adjective, and no step of the three */
    if (p->kind != T_WORD && b->lid == PM_LANG_EN) {
      uint32_t q = spk__initialism_before(b, s, lo);
      if (q < s) {
        s = q;
        k--;
        continue;
      }
    }
    /* "A Grade 4 teacher", "a Local 113 member": a capitalised word and
     * its number are one adjective */
    if (p->kind == T_NUMBER && b->lid == PM_LANG_EN && s >= lo + 2 && word(b, s - 2) &&
        (T(b, s - 2)->flags & TF_CAP) && !(T(b, s - 2)->lex & W_DET)) {
      s -= 2;
      continue;
    }
    if (p->kind != T_WORD) break;
    if (p->lex & W_DET) return s - 1;
    /* "One engineer, who asked not to be named, said": a capitalised
     * "One" or "Another" opens the phrase like an article */
    if ((p->flags & TF_CAP) && spk__indefinite_det(b, s - 1)) return s - 1;
    /* "A Castlegate spokesman", "the White House press secretary" */
    /* "a senior Democratic aide": a capitalised adjective after a
     * lowercase one and a determiner */
    if ((p->flags & TF_CAP) && !(p->lex & W_DET) &&
        !(b->lid == PM_LANG_EN && s >= lo + 2 && k < 2 && word(b, s - 2) &&
          ((T(b, s - 2)->lex & W_DET) || (T(b, s - 2)->flags & TF_CAP) ||
           (s >= lo + 3 && !(T(b, s - 2)->lex & (W_PREP | W_SPEECH | W_AUX | W_FUNCTION)) &&
            word(b, s - 3) && (T(b, s - 3)->lex & W_DET)))))
      break;
    if (p->lex & (W_PREP | W_SPEECH | W_AUX)) break;
    s--;
  }
  return s;
}

/* "L'association Droit au toit", "le syndicat Force ouvrière", "the group
 * Friends of the Earth": a generic noun, then a name that opens with a
 * capital but goes on in lowercase words, up to the verb at `end`.  The
 * whole phrase is the mention and the name after the noun is the speaker's
 * name, not its last lowercase words. */
static bool org_name(const Block *b, uint32_t end, uint32_t lo, Mention *m) {
  for (uint32_t h = end - 1; h > lo && h + 6 > end; h--) {
    const Token *t = T(b, h - 1);
    if (t->kind != T_WORD || (t->flags & TF_CAP) || !(t->lex & W_INSTITUTION))
      continue;
    if (!word(b, h) || !(T(b, h)->flags & TF_CAP)) return false;
    bool lower = false;
    for (uint32_t k = h; k < end; k++) {
      const Token *w = T(b, k);
      /* "en" is an auxiliary clitic and a preposition: the latter here */
      if (w->kind != T_WORD ||
          (w->lex & (W_SPEECH | W_PRON_M | W_PRON_F | W_PRON_PL | W_QUE |
                     W_FIRST_PERSON)) ||
          ((w->lex & W_AUX) && !(w->lex & W_PREP)))
        return false;
      if (!(w->flags & TF_CAP) && !(w->lex & (W_PREP | W_DET))) lower = true;
    }
    if (!lower) return false;
    uint32_t ts = h - 1;
    if (ts > lo && word(b, ts - 1) && (T(b, ts - 1)->lex & W_DET)) ts--;
    else if (ts != lo) return false;
    m->type = M_NAME;
    m->ns = h;
    m->ne = end;
    m->ts = ts;
    m->te = end;
    return true;
  }
  return false;
}

/* « La Cour des comptes juge », « l'Autorité de la concurrence estime »:
 * a French institution's name is one capitalised word and a lowercase
 * complement, after a determiner, up to the verb at `end`. */
static bool lower_org(const Block *b, uint32_t end, uint32_t lo, Mention *m) {
  if (b->lid != PM_LANG_FR) return false;
  for (uint32_t h = end - 1; h > lo && h + 7 > end; h--) {
    const Token *t = T(b, h);
    if (t->kind != T_WORD) return false;
    if (!(t->flags & TF_CAP)) {
      if (t->lex & (W_SPEECH | W_AUX | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL)) return false;
      continue;
    }
    /* (« l'Office français de la biodiversité », « l'Institut national
     * de la statistique »: one lowercase adjective before the de) */
    uint32_t d = h + 1;
    if (d + 2 < end && word(b, d) && !(T(b, d)->flags & TF_CAP) &&
        !(T(b, d)->lex & (W_PREP | W_DET | W_FUNCTION | W_AUX | W_SPEECH | W_QUE | W_ROLE)) &&
        word(b, d + 1) && (T(b, d + 1)->lex & W_PREP) &&
        (b->text[T(b, d + 1)->start] | 32) == 'd')
      d++;
    /* (« la Fondation pour le logement des défavorisés », « l'Association
     * pour la protection des automobilistes »: after a body noun, pour
     * and an article open the complement too) */
    bool pour = d == h + 1 && d + 2 < end && (t->lex & W_INSTITUTION) &&
                T(b, d)->end - T(b, d)->start == 4 && folded_is(b, d, "pour") &&
                word(b, d + 1) && (T(b, d + 1)->lex & W_DET);
    if ((t->flags & TF_ALLCAP) || (t->lex & (W_FIRST_M | W_FIRST_F | W_DET | W_FUNCTION)) ||
        d + 1 >= end || !word(b, h - 1) || !(T(b, h - 1)->lex & W_DET) ||
        !(T(b, d)->lex & W_PREP) || ((b->text[T(b, d)->start] | 32) != 'd' && !pour))
      return false;
    bool content = false;
    for (uint32_t k = d; k < end; k++)
      if (!(T(b, k)->lex & (W_PREP | W_DET))) content = true;
    if (!content) return false;
    m->type = M_NAME;
    m->ns = h;
    m->ne = end;
    m->ts = h - 1;
    m->te = end;
    return true;
  }
  return false;
}


/* The first of the capitalised words ending at token `from` (leftwards,
 * not past lo, stopping at an article or a function word). */
static uint32_t cap_words_start(const Block *b, uint32_t from, uint32_t lo) {
  while (from > lo && word(b, from - 1) && (T(b, from - 1)->flags & TF_CAP) &&
         !(T(b, from - 1)->lex & (W_DET | W_FUNCTION)))
    from--;
  return from;
}

/* The same, with an initialism before them ("the U.S. Bureau of
 * Reclamation", "the B.C. Prosecution Service"). */
static uint32_t cap_run_start(const Block *b, uint32_t from, uint32_t lo) {
  return spk__initialism_before(b, cap_words_start(b, from, lo), lo);
}

/* The name before ", a/an …" when the words from there to the comma at
 * token j hold no verb, mark or sentence end; fills m and binds the
 * apposition's role noun. */
static bool appositive_name(Block *b, uint32_t j, uint32_t lo, Mention *m) {
  uint32_t x = j;
  bool inner = false; /* a comma between: the simpler search went wrong */
  for (; x > lo + 1 && x + 30 > j; x--) {
    const Token *u = T(b, x - 1);
    if (u->kind == T_QMARK || (u->kind == T_PUNCT && u->ch != ',' && u->ch != '&' &&
                                 u->ch != '.' && u->ch != '-'))
      return false;
    if (u->kind == T_WORD && (u->lex & (W_SPEECH | W_PRON_M | W_PRON_F | W_PRON_PL)) &&
        !(u->flags & TF_CAP))
      return false;
    if (u->kind == T_PUNCT && u->ch == ',' && x - 1 < j) {
      if (word(b, x) && spk__indefinite_det(b, x) && spk__nameish(b, x - 2)) break;
      inner = true;
    }
  }
  if (!inner || x <= lo + 1 || x + 30 <= j || !punct(b, x - 1, ',')) return false;
  uint32_t ne = x - 1, ns = spk__name_start(b, ne - 1, lo);
  /* a person: two words or more, not after a preposition */
  if (ne - ns < 2 || (ns > lo && word(b, ns - 1) && (T(b, ns - 1)->lex & W_PREP))) return false;
  for (uint32_t k = ns; k < ne; k++)
    if (T(b, k)->lex & W_INSTITUTION) return false;
  spk__name_mention(b, m, ns, ne);
  for (uint32_t r = x; r < j && r < x + 4; r++)
    if (word(b, r) && (T(b, r)->lex & W_ROLE) && !(T(b, r)->flags & TF_CAP)) {
      spk__bind_role(b, r, m->ns, m->ne);
      break;
    }
  return true;
}

static bool subject_left(Block *b, uint32_t v, uint32_t lo, Mention *m);

/* "Residents of Melville and Brixton say", "Residents of Velachery and
 * Pallikaranai, which …, said": in English a name joined by "and" to one
 * after a preposition is that preposition's complement too; returns the
 * first name's first token, or ns. */
static uint32_t coordinated_complement(const Block *b, uint32_t ns, uint32_t lo) {
  if (b->lid != PM_LANG_EN || ns < lo + 4 || !word(b, ns - 1) || !folded_is(b, ns - 1, "and") ||
      !spk__nameish(b, ns - 2))
    return ns;
  uint32_t n2 = spk__name_start(b, ns - 2, lo);
  if (n2 > lo + 1 && word(b, n2 - 1) && (T(b, n2 - 1)->lex & W_PREP) &&
      !(T(b, n2 - 1)->lex & W_SOURCE) && !(T(b, n2 - 1)->flags & TF_CAP))
    return n2;
  return ns;
}

/* Whether tokens [s, e) are capitalised words joined by commas, "and",
 * "the" or "of", ending on a capitalised word: the rest of a body's name
 * after its "of" ("Water, Land and Resource Stewardship"). */
static bool of_list(const Block *b, uint32_t s, uint32_t e) {
  for (uint32_t k = s; k < e; k++) {
    const Token *t = T(b, k);
    if (t->kind == T_WORD && (t->flags & TF_CAP) && !(t->lex & W_FUNCTION)) continue;
    if (k + 1 < e && (punct(b, k, ',') || folded_is(b, k, "and") || folded_is(b, k, "the") ||
                      folded_is(b, k, "of")))
      continue;
    return false;
  }
  return true;
}

/* Whether the body noun at token g opens, with the lowercase words and
 * the article before it, after a preposition ("with the conservation
 * group", "of the advocacy group"): a name after it completes a phrase. */
static bool group_after_prep(const Block *b, uint32_t g, uint32_t lo) {
  for (uint32_t k = g; k > lo + 1 && k + 5 > g; k--) {
    const Token *t = T(b, k - 1);
    /* "of the train drivers' union Aslef": a plural possessive's mark,
     * glued to its word */
    if (k - 1 < g && t->kind != T_WORD && k > lo + 2 && t->start == T(b, k - 2)->end &&
        b->text[T(b, k - 2)->end - 1] == 's' && word(b, k - 2) &&
        (b->text[t->start] == '\'' || (unsigned char)b->text[t->start] == 0xE2))
      continue;
    if (t->kind != T_WORD || (t->flags & TF_CAP)) return false;
    if (t->lex & W_DET)
      return word(b, k - 2) && (T(b, k - 2)->lex & W_PREP) && !(T(b, k - 2)->flags & TF_CAP);
    if (t->lex & (W_SPEECH | W_AUX | W_QUE | W_PREP | W_FUNCTION)) return false;
  }
  return false;
}

/* « le cabinet du ministre de la Santé » ending at the comma at token c:
 * a determiner, an unnamed office noun that is also an institution's
 * (lang/fr.yaml: cabinet), then its de complement naming a role.  Fills m
 * with the office phrase, unresolved. */
static bool office_before(const Block *b, uint32_t c, uint32_t lo, Mention *m) {
  bool role = false;
  for (uint32_t h = c; h > lo + 1 && h + 10 > c; h--) {
    const Token *t = T(b, h - 1);
    if (t->kind != T_WORD || (t->lex & (W_SPEECH | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL)))
      return false;
    if ((t->lex & W_ROLE) && !(t->flags & TF_CAP)) role = true;
    if ((t->lex & W_ANON) && (t->lex & W_INSTITUTION) && !(t->flags & TF_CAP) &&
        !(t->lex & W_ROLE)) {
      if (!role || !word(b, h - 2) || !(T(b, h - 2)->lex & W_DET) || !word(b, h) ||
          !(T(b, h)->lex & W_PREP))
        return false;
      memset(m, 0, sizeof *m);
      m->type = M_NP;
      m->ts = h - 2;
      m->te = c;
      return true;
    }
  }
  return false;
}

/* « La présidente du groupe Les Républicains au Sénat juge »: a name
 * that is no person's (no first name, no known person), inside the de
 * complement of a definite role noun before it, completes that role; the
 * role phrase is the subject.  False when m is no such name. */
static bool role_complement(Block *b, uint32_t lo, Mention *m) {
  if (b->lid != PM_LANG_FR || m->type != M_NAME || m->ns >= b->toks.size ||
      (T(b, m->ns)->lex & (W_FIRST_M | W_FIRST_F)) || m->ts > m->ns)
    return false;
  bool prep = false;
  for (uint32_t k = m->ts; k > lo && k + 8 > m->ts; k--) {
    const Token *t = T(b, k - 1);
    if (t->kind != T_WORD || (t->lex & (W_SPEECH | W_QUE | W_AUX | W_PRON_M | W_PRON_F |
                                        W_PRON_PL | W_HONORIFIC)))
      return false;
    if ((t->lex & W_PREP) && (b->text[t->start] | 32) == 'd') prep = true;
    if ((t->lex & W_ROLE) && !(t->flags & TF_CAP)) {
      if (!prep || k < lo + 2 || !word(b, k - 2) || !(T(b, k - 2)->lex & W_DET) ||
          spk__indefinite_det(b, k - 2))
        return false;
      /* (a person the article named is no complement) */
      uint32_t a = T(b, m->ns)->start, z = T(b, m->ne - 1)->end;
      if (ctx__entity_by_part(b->ctx, b->text + a, z - a)) return false;
      uint32_t te = m->te;
      memset(m, 0, sizeof *m);
      m->type = M_ROLE;
      m->head = k - 1;
      m->ts = k - 2;
      m->te = te;
      m->gender = spk__role_gender(b, k - 1);
      return true;
    }
  }
  return false;
}

/* « La psychiatre qui a examiné l'accusé a estimé »: a noun phrase right
 * after the verb of a « qui » clause is that verb's object; the subject
 * is the antecedent of « qui ».  Replaces m when it finds one. */
static void past_relative(Block *b, uint32_t lo, Mention *m) {
  uint32_t r = m->ts;
  if (b->lid != PM_LANG_FR || r < lo + 3 || !word(b, r - 1) || (T(b, r - 1)->flags & TF_CAP) ||
      (T(b, r - 1)->lex & (W_DET | W_PREP | W_FUNCTION | W_QUE)))
    return;
  uint32_t q = r - 1;
  while (q > lo && spk__skippable(b, q - 1)) q--;
  if (q < lo + 2 || !folded_is(b, q - 1, "qui") || punct(b, q - 2, ',')) return;
  Mention a;
  if (subject_left(b, q - 1, lo, &a) && a.te <= q - 1) *m = a;
}

bool spk__subject_left(Block *b, uint32_t v, uint32_t lo, Mention *m) {
  if (!subject_left(b, v, lo, m)) return false;
  past_relative(b, lo, m);
  role_complement(b, lo, m);
  return true;
}

static bool subject_left(Block *b, uint32_t v, uint32_t lo, Mention *m) {
  memset(m, 0, sizeof *m);
  /* "Judge calls scheme 'calculated and cruel'", "Governor says
   * inflation is 'close to target'": a heading's capitalised role noun
   * right before its verb is that role, not a title waiting for its name
   * (speakers.c lets the body name it); only for its quotation (a live
   * blog's "Governor says 1,100 troops deployed" reports nothing) */
  if (v == 1 && lo == 0 && b->raw.size && b->lid == PM_LANG_EN && word(b, 0) &&
      (T(b, 0)->flags & TF_CAP) &&
      (T(b, 0)->lex & W_ROLE) && !(T(b, 0)->flags & TF_ALLCAP) && spk__heading_line(b)) {
    m->type = M_ROLE;
    m->ts = m->head = 0;
    m->te = 1;
    return true;
  }
  /* Before adverbs are skipped: "Vélo en ville" would lose "en ville". */
  uint32_t e0 = v;
  while (e0 > lo + 1 && spk__skippable(b, e0 - 1) && (T(b, e0 - 1)->lex & W_AUX))
    e0--;
  if (e0 > lo && org_name(b, e0, lo, m)) return true;
  if (e0 > lo + 3 && !(T(b, e0 - 1)->flags & TF_CAP) && lower_org(b, e0, lo, m)) return true;
  /* « L'Office français de la biodiversité, de son côté, observe »: an
   * adverbial opened by a preposition between commas, then the verb */
  if (b->lid == PM_LANG_FR && e0 > lo + 6 && punct(b, e0 - 1, ',')) {
    uint32_t c = e0 - 2;
    while (c > lo && c + 5 > e0 && word(b, c) && !(T(b, c)->flags & TF_CAP) &&
           !(T(b, c)->lex & (W_SPEECH | W_QUE | W_ROLE)))
      c--;
    if (punct(b, c, ',') && c + 3 <= e0 - 1 && word(b, c + 1) && (T(b, c + 1)->lex & W_PREP) &&
        c > lo + 3 && !(T(b, c - 1)->flags & TF_CAP) &&
        (org_name(b, c, lo, m) || lower_org(b, c, lo, m)))
      return true;
  }
  if (e0 > lo + 3 && punct(b, e0 - 1, ')') && spk__org_subject(b, e0, lo, m)) return true;
  /* « la Fédération nationale de l'immobilier (Fnaim) a regretté », « la
   * Caisse nationale des allocations familiales (Cnaf) indique »: an
   * acronym in parentheses after a body's lowercase last word is read
   * past, and the body's name before it is the subject */
  if (b->lid == PM_LANG_FR && e0 > lo + 7 && punct(b, e0 - 1, ')') && word(b, e0 - 2) &&
      (T(b, e0 - 2)->flags & TF_CAP) && T(b, e0 - 2)->end - T(b, e0 - 2)->start <= 10 &&
      punct(b, e0 - 3, '(') && word(b, e0 - 4) && !(T(b, e0 - 4)->flags & TF_CAP) &&
      lower_org(b, e0 - 3, lo, m))
    return true;
  if (e0 > lo + 5 && spk__nameish(b, e0 - 1) && spk__org_subject(b, e0, lo, m)) return true;
  /* "Canada Mortgage and Housing Corp. said": a firm's name ending in an
   * abbreviation and its period (and, &, between capitalised words) */
  if (b->lid == PM_LANG_EN && e0 > lo + 2 && punct(b, e0 - 1, '.') && word(b, e0 - 2) &&
      (T(b, e0 - 2)->lex & W_ORG_LAST) && (T(b, e0 - 2)->flags & TF_CAP) &&
      T(b, e0 - 2)->end == T(b, e0 - 1)->start) {
    uint32_t ns = e0 - 2;
    while (ns > lo && ((word(b, ns - 1) && (T(b, ns - 1)->flags & TF_CAP) &&
                        !(T(b, ns - 1)->lex & (W_DET | W_FUNCTION))) ||
                       (ns - 1 > lo && (punct(b, ns - 1, '&') ||
                                        (word(b, ns - 1) && (T(b, ns - 1)->lex & W_CONJ) &&
                                         !(T(b, ns - 1)->flags & TF_CAP))) &&
                        word(b, ns - 2) && (T(b, ns - 2)->flags & TF_CAP))))
      ns--;
    if (ns < e0 - 2) {
      spk__name_mention(b, m, spk__initialism_before(b, ns, lo), e0);
      return true;
    }
  }
  uint32_t j = v;
  int steps = 0;
  while (j > lo && steps++ < 8) {
    if (spk__skippable(b, j - 1)) j--;
    else if (j >= lo + 3 && spk__adverbial3(b, j)) j -= 3;
    else if (j >= lo + 2 && spk__adverbial2(b, j)) j -= 2;
    else break;
  }
  if (j <= lo) return false;
  /* "He then spent several minutes criticising the decision, and said
   * …": a verb after "and" shares the subject opening the sentence, when
   * that is a pronoun or a name */
  if (j - 1 > lo && word(b, j - 1) && (T(b, j - 1)->lex & W_CONJ) &&
      !(T(b, j - 1)->flags & TF_CAP) && b->sents.size) {
    uint32_t ss = b->sents.contents[spk__sentence_of(b, v)].start;
    /* "The Home Builders Federation welcomed …, but warned that …" */
    if (ss + 1 < j && word(b, ss) && (T(b, ss)->lex & W_DET) && spk__nameish(b, ss + 1) &&
        !spk__in_quote(b, ss))
      ss++;
    if (ss >= lo && ss + 2 < j && !spk__in_quote(b, ss)) {
      const Token *f = T(b, ss);
      if (f->kind == T_WORD && (f->lex & (W_PRON_M | W_PRON_F)) && !(f->lex & W_DET)) {
        m->type = M_PRON;
        m->ts = ss;
        m->te = ss + 1;
        m->gender = pron_gender(f);
        return true;
      }
      if (spk__nameish(b, ss)) {
        uint32_t ne = spk__name_end(b, ss, j);
        /* "Alberta Premier Danielle Smith called … and said": a place
         * before capitalised titles, then the name */
        if (ne < j && word(b, ne) && (T(b, ne)->flags & TF_CAP) &&
            (T(b, ne)->lex & (W_HONORIFIC | W_ROLE)) && b->lid == PM_LANG_EN) {
          uint32_t r = ne;
          while (r < j && r < ne + 3 && ((word(b, r) && (T(b, r)->flags & TF_CAP) &&
                                          (T(b, r)->lex & (W_HONORIFIC | W_ROLE))) ||
                                         punct(b, r, '.')))
            r++;
          if (r < j && spk__nameish(b, r) && spk__name_end(b, r, j) - r >= 2) {
            ss = r;
            f = T(b, ss);
            ne = spk__name_end(b, r, j);
          }
        }
        /* "Federated Farmers president Chris Alleyne-Ward welcomed …
         * but said", "Fish & Game chief executive Sonya Pettit-Gray …":
         * a body's name (across "&"), lowercase role words, then a
         * person's full name: that person */
        if (ne < j && b->lid == PM_LANG_EN &&
            (punct(b, ne, '&') ||
             (word(b, ne) && !(T(b, ne)->flags & TF_CAP) &&
              (T(b, ne)->lex & (W_ROLE | W_ROLE_GENERIC | W_HONORIFIC))))) {
          uint32_t r = ne;
          while (r < j && r < ne + 8) {
            if (punct(b, r, '&') ||
                (word(b, r) && !(T(b, r)->flags & TF_CAP) &&
                 (T(b, r)->lex & (W_ROLE | W_ROLE_GENERIC | W_HONORIFIC)))) {
              r++;
            } else if (spk__nameish(b, r) && !(T(b, r - 1)->lex & (W_ROLE | W_ROLE_GENERIC |
                                                                   W_HONORIFIC))) {
              r = spk__name_end(b, r, j); /* the rest of the body's name */
            } else {
              break;
            }
          }
          if (r < j && r > ne && spk__nameish(b, r) && word(b, r - 1) &&
              (T(b, r - 1)->lex & (W_ROLE | W_ROLE_GENERIC | W_HONORIFIC))) {
            uint32_t e2 = spk__name_end(b, r, j);
            if (e2 - r >= 2 && e2 < j && word(b, e2) && !(T(b, e2)->flags & TF_CAP)) {
              ss = r;
              f = T(b, ss);
              ne = e2;
            }
          }
        }
        /* a person or organisation: two words, a known name or first
         * name; "Campaigners who had packed the gallery … but said" is
         * an unnamed group */
        bool named = ne - ss >= 2 || (f->lex & (W_FIRST_M | W_FIRST_F)) ||
                     ctx__entity_by_part(b->ctx, b->text + f->start, f->end - f->start);
        if (ne < j && !(T(b, ne)->kind == T_WORD && (T(b, ne)->flags & TF_CAP))) {
          if (named) {
            spk__name_mention(b, m, ss, ne);
          } else {
            m->type = M_NP;
            m->ts = ss;
            m->te = ne;
          }
          return true;
        }
      }
    }
  }
  uint32_t end = j; /* mention ends here (exclusive) */
  /* « L'homme de 63 ans a confié », « le retraité de 72 ans dit »: an age
   * after the noun is no part of the subject's head */
  if (b->lid == PM_LANG_FR && j >= lo + 5 && T(b, j - 2)->kind == T_NUMBER &&
      folded_is(b, j - 1, "ans") && folded_is(b, j - 3, "de") && word(b, j - 4) &&
      !(T(b, j - 4)->flags & TF_CAP))
    j -= 3;
  /* "The 34-year-old Vancouver resident says", "the 24-year-old said": an
   * age for the person named before (a noun or two may follow it) */
  if (b->lid == PM_LANG_EN && j >= lo + 2)
    for (uint32_t a = j; a >= lo + 2 && a + 3 > j; a--) {
      if (T(b, a - 1)->kind != T_WORD && T(b, a - 1)->kind != T_NUMBER) break;
      const Token *u = T(b, a - 1);
      uint32_t un = u->end - u->start;
      if (un >= 3 && !memcmp(b->text + u->end - 3, "old", 3)) {
        /* "34-year-old", "34" "-" "year-old" or "34" "-" "year" "-" "old" */
        for (uint32_t back = 2; back <= 6 && a >= lo + back; back += 2)
          if (spk__age_epithet(b, a - back, m) && m->te == a) {
            m->te = end;
            return true;
          }
        break;
      }
    }
  /* "One person familiar with the plans said", « une source proche du
   * dossier a indiqué »: an unnamed source with its complement */
  for (uint32_t a = j; a > lo && a + 7 > j; a--) {
    const Token *u = T(b, a - 1);
    if (u->kind != T_WORD || (u->lex & (W_SPEECH | W_QUE)) ||
        ((u->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) && !(u->lex & W_DET)))
      break;
    /* "Liam's parents said": after a possessive */
    bool possessive = a - 1 > lo && word(b, a - 2) &&
                      (b->text[T(b, a - 2)->start] == '\'' ||
                       (T(b, a - 2)->end - T(b, a - 2)->start >= 4 &&
                        !memcmp(b->text + T(b, a - 2)->start, "\xE2\x80\x99", 3)));
    if ((u->lex & W_ANON) && !(u->flags & TF_CAP) && a - 1 > lo &&
        (T(b, a - 2)->kind == T_NUMBER || possessive ||
         (word(b, a - 2) && !(T(b, a - 2)->flags & TF_CAP) &&
          (T(b, a - 2)->lex & (W_DET | W_FUNCTION)) && !(T(b, a - 2)->lex & W_PREP)) ||
         (word(b, a - 2) && (T(b, a - 2)->lex & W_DET)) || is_one(b, a - 2) ||
         /* ("a second person familiar with the matter") */
         (b->lid == PM_LANG_EN && a - 2 > lo && word(b, a - 3) && (T(b, a - 3)->lex & W_DET) &&
          (folded_is(b, a - 2, "second") || folded_is(b, a - 2, "third") ||
           folded_is(b, a - 2, "fourth"))))) {
      m->type = M_NP;
      m->ts = np_start(b, a - 1, lo);
      if (m->ts == a - 1 && !(T(b, a - 2)->lex & W_DET)) /* "two sources", "One person" */
        m->ts = a - 2;
      m->te = end;
      return true;
    }
  }
  j--;
  uint32_t adj = NONE; /* a lowercase adjective closing the name */
  for (int guard = 0; guard < 4; guard++) {
    const Token *t = T(b, j);
    /* "Staff Sgt. Heather Quinlan of the collision investigation unit
     * told": a name, then "of the" and a lowercase noun phrase */
    if (b->lid == PM_LANG_EN && t->kind == T_WORD && !(t->flags & TF_CAP) && j > lo + 3 &&
        !(t->lex & (W_PREP | W_DET | W_AUX | W_SPEECH | W_FUNCTION | W_QUE))) {
      uint32_t k = j;
      while (k > lo && k + 4 > j && word(b, k - 1) && !(T(b, k - 1)->flags & TF_CAP) &&
             !(T(b, k - 1)->lex & (W_PREP | W_DET | W_AUX | W_SPEECH | W_FUNCTION | W_QUE)))
        k--;
      if (k > lo + 2 && word(b, k - 1) && (T(b, k - 1)->lex & W_DET) &&
          !spk__indefinite_det(b, k - 1) && folded_is(b, k - 2, "of") &&
          (T(b, k - 3)->flags & TF_CAP) && spk__nameish(b, k - 3)) {
        uint32_t ns = spk__name_start(b, k - 3, lo);
        if (k - 2 - ns >= 2 || ctx__entity_by_part(b->ctx, b->text + T(b, ns)->start,
                                                   T(b, k - 3)->end - T(b, ns)->start)) {
          spk__name_mention(b, m, ns, k - 2);
          return true;
        }
      }
    }
    /* « Ce dernier, qui …, se dit », "the latter said" */
    if (j > lo && t->kind == T_WORD && !(t->flags & TF_CAP) && word(b, j - 1) &&
        (T(b, j - 1)->lex & W_DET) && t->end - t->start >= 6 && t->end - t->start <= 9 &&
        (folded_is(b, j, "dernier") || folded_is(b, j, "dernière") ||
         folded_is(b, j, "latter"))) {
      memset(m, 0, sizeof *m);
      m->type = M_LATTER;
      m->ts = j - 1;
      m->te = j + 1;
      return true;
    }
    /* « le ministère de l'Éducation nationale », « La France insoumise »:
     * a lowercase adjective closes a capitalised name */
    /* « la Commission européenne »: so does one after a capitalised
     * institution noun; the adjective stays in the name */
    if (t->kind == T_WORD && !(t->flags & TF_CAP) && j > lo + 1 &&
        !(t->lex & (W_ROLE | W_INSTITUTION | W_COMPANY | W_FUNCTION | W_PREP | W_DET | W_AUX | W_SPEECH |
                    W_PRON_M | W_PRON_F | W_PRON_PL | W_QUE | W_ANON | W_MONTH)) &&
        ((spk__nameish(b, j - 1) && word(b, spk__name_start(b, j - 1, lo) - 1) &&
          (T(b, spk__name_start(b, j - 1, lo) - 1)->lex & (W_PREP | W_DET))) ||
         (b->lid == PM_LANG_FR && word(b, j - 1) && (T(b, j - 1)->flags & TF_CAP) &&
          !(T(b, j - 1)->flags & TF_ALLCAP) && (T(b, j - 1)->lex & W_INSTITUTION) &&
          word(b, j - 2) && (T(b, j - 2)->lex & W_DET)))) {
      if (b->lid == PM_LANG_FR && j + 1 == end) adj = j;
      j--;
      continue;
    }
    /* « Le groupe socialiste », « l'armée israélienne », « la police
     * municipale »: a lowercase adjective after an institution noun and
     * its article */
    if (b->lid == PM_LANG_FR && t->kind == T_WORD && !(t->flags & TF_CAP) && j > lo + 1 &&
        !(t->lex & (W_ROLE | W_INSTITUTION | W_COMPANY | W_FUNCTION | W_PREP | W_DET | W_AUX |
                    W_SPEECH | W_PRON_M | W_PRON_F | W_PRON_PL | W_QUE | W_ANON)) &&
        word(b, j - 1) && !(T(b, j - 1)->flags & TF_CAP) &&
        (T(b, j - 1)->lex & (W_INSTITUTION | W_COMPANY)) && !(T(b, j - 1)->lex & W_ROLE) &&
        word(b, j - 2) && (T(b, j - 2)->lex & W_DET) && !(T(b, j - 2)->lex & W_PREP)) {
      j--;
      continue;
    }
    /* "Helen Arkwright KC told the court": a post-nominal title (an
     * honorific in capitals) is not part of the name */
    if (t->kind == T_WORD && (t->flags & TF_ALLCAP) && (t->lex & W_HONORIFIC) && j > lo &&
        spk__nameish(b, j - 1)) {
      j--;
      continue;
    }
    /* "It said it was not aware of any deaths": the company (resolve.c);
     * only with said or added ("it recalled 120,000 pickups", "it could
     * ask voters to …" take an object, not a clause) */
    if (b->lid == PM_LANG_EN && t->kind == T_WORD && t->end - t->start == 2 &&
        end == j + 1 && v == j + 1 && folded_is(b, j, "it") &&
        (folded_is(b, v, "said") || folded_is(b, v, "says") || folded_is(b, v, "added"))) {
      m->type = M_PRON;
      m->ts = j;
      m->te = j + 1;
      m->gender = 3;
      return true;
    }
    if (t->kind == T_WORD && (t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) &&
        !(t->lex & W_DET)) {
      m->type = M_PRON;
      m->ts = j;
      m->te = j + 1;
      m->gender = pron_gender(t);
      return true;
    }
    /* "Jagmeet Singh — who has led the NDP since 2017 — said": an
     * apposition between dashes, like one between commas */
    if (t->kind == T_PUNCT && t->ch == '-' && t->start > 0 && b->text[t->start - 1] == ' ' &&
        j > lo + 2 && b->lid == PM_LANG_EN) {
      uint32_t k = j;
      while (k > lo + 1 && k + 24 > j &&
             !(punct(b, k - 1, '-') && b->text[T(b, k - 1)->start - 1] == ' '))
        k--;
      if (k > lo + 1 && k + 24 > j && punct(b, k - 1, '-') && spk__nameish(b, k - 2)) {
        uint32_t ns = spk__name_start(b, k - 2, lo);
        if (k - 1 - ns >= 2 || ctx__entity_by_part(b->ctx, b->text + T(b, ns)->start,
                                                   T(b, k - 2)->end - T(b, ns)->start)) {
          spk__name_mention(b, m, ns, k - 1);
          return true;
        }
      }
    }
    /* "Tremblay, who lives in Gatineau, Que., says": a province after a
     * place is part of the apposition */
    if (t->kind == T_PUNCT && t->ch == ',' && j > lo + 4 && b->lid == PM_LANG_EN &&
        punct(b, j - 1, '.') && word(b, j - 2) && (T(b, j - 2)->flags & TF_CAP) &&
        (T(b, j - 2)->lex & W_ABBREV) && punct(b, j - 3, ',') && spk__nameish(b, j - 4)) {
      j -= 3;
      t = T(b, j);
    }
    /* « Le rapporteur …, Charles Lenoir (Horizons), juge », « Anne
     * Martin (LR) estime »: a party or place in parentheses after a name
     * is no part of the subject; the name before it is */
    if (t->kind == T_PUNCT && (t->ch == ')' || (t->ch == ',' && punct(b, j - 1, ')'))) &&
        j > lo + 3) {
      uint32_t p = t->ch == ')' ? j - 1 : j - 2;
      while (p > lo && p + 5 > j && word(b, p) && (T(b, p)->flags & TF_CAP)) p--;
      if (punct(b, p, '(') && p + 1 < j && !punct(b, p + 1, ')') && p > lo &&
          spk__nameish(b, p - 1)) {
        uint32_t ns = spk__name_start(b, p - 1, lo);
        if (p - ns >= 2 || (T(b, ns)->lex & (W_FIRST_M | W_FIRST_F))) {
          spk__name_mention(b, m, ns, p);
          if (ns > lo + 1 && punct(b, ns - 1, ','))
            for (uint32_t k = ns - 1; k > lo && k + 8 > ns; k--)
              if (word(b, k - 1) && (T(b, k - 1)->lex & W_ROLE) && !(T(b, k - 1)->flags & TF_CAP)) {
                spk__bind_role(b, k - 1, ns, p);
                break;
              }
          return true;
        }
      }
    }
    if (t->kind == T_PUNCT && t->ch == ',' && j > lo) {
      /* Apposition: "Manuel Valls, ministre de l'Intérieur, a estimé" or
       * "Le ministre de l'Intérieur, Manuel Valls, estime". */
      /* "Irene Castonguay, an analyst at Hartley, Moss & Ruel Securities
       * Inc., said": an apposition opened by a/an after a person's name
       * runs to the verb's comma, across the commas of a firm's name */
      if (b->lid == PM_LANG_EN && j > lo + 4 && appositive_name(b, j, lo, m)) return true;
      /* "Counsel for the council, Eoin Keating-Moore BL, said": a
       * barrister's post-nominal ends the apposed name before its comma */
      uint32_t jn = j;
      if (j > lo + 2 && word(b, j - 1) && (T(b, j - 1)->flags & TF_ALLCAP) &&
          (T(b, j - 1)->lex & W_HONORIFIC) && spk__nameish(b, j - 2))
        jn = j - 1;
      uint32_t ns0 = spk__nameish(b, jn - 1) ? spk__name_start(b, jn - 1, lo) : jn;
      /* "Sen. Dale Harper, R-Ohio, said": a party and state, not a name */
      const char *pt = b->text + T(b, ns0 < j ? ns0 : j - 1)->start;
      bool party = ns0 < j && T(b, j - 1)->end - T(b, ns0)->start >= 3 &&
                   (pt[0] == 'R' || pt[0] == 'D' || pt[0] == 'I') && pt[1] == '-' &&
                   pt[2] >= 'A' && pt[2] <= 'Z';
      /* "who served in the government of President Gabriel Boric,": a
       * title between the preposition and the name */
      uint32_t pc = ns0;
      while (pc > lo + 1 && pc + 2 > ns0 && word(b, pc - 1) && (T(b, pc - 1)->flags & TF_CAP) &&
             (T(b, pc - 1)->lex & W_HONORIFIC))
        pc--;
      bool complement = ns0 < j && ns0 > lo && (party ||
                        ((word(b, ns0 - 1) && (T(b, ns0 - 1)->lex & W_PREP) &&
                          !(T(b, ns0 - 1)->flags & TF_CAP)) ||
                         (pc < ns0 && word(b, pc - 1) && (T(b, pc - 1)->lex & W_PREP) &&
                          !(T(b, pc - 1)->flags & TF_CAP)) ||
                         /* "Hannah Fairweather, a neurologist at the
                          * Cleveland Clinic,": a name after a preposition
                          * and its determiner completes the apposition */
                         (ns0 > lo + 1 && word(b, ns0 - 1) && (T(b, ns0 - 1)->lex & W_DET) &&
                          !(T(b, ns0 - 1)->flags & TF_CAP) && word(b, ns0 - 2) &&
                          (T(b, ns0 - 2)->lex & W_PREP) && !(T(b, ns0 - 2)->flags & TF_CAP)) ||
                         (T(b, ns0 - 1)->kind == T_WORD &&
                          T(b, ns0 - 1)->end - T(b, ns0 - 1)->start == 1 &&
                          (b->text[T(b, ns0 - 1)->start] | 32) == 's') ||
                         /* « X, de l'Université Laval, estime »: a name after
                          * a capitalised body noun is part of that body */
                         (b->lid == PM_LANG_FR && word(b, ns0 - 1) &&
                          (T(b, ns0 - 1)->flags & TF_CAP) && (T(b, ns0 - 1)->lex & W_INSTITUTION)) ||
                         /* « Aurélie Brunel, déléguée Sud Santé, dénonce »:
                          * a name right after a role noun that follows a
                          * comma is the role's organisation, inside the
                          * apposition */
                         (ns0 > lo + 2 && word(b, ns0 - 1) && (T(b, ns0 - 1)->lex & W_ROLE) &&
                          !(T(b, ns0 - 1)->flags & TF_CAP) && punct(b, ns0 - 2, ',')) ||
                         /* « Gaëlle Le Goff, déléguée du syndicat SUD
                          * Santé, parle »: a name after an institution
                          * noun and its preposition completes it too */
                         (ns0 > lo + 2 && word(b, ns0 - 1) && (T(b, ns0 - 1)->lex & W_INSTITUTION) &&
                          !(T(b, ns0 - 1)->flags & TF_CAP) && word(b, ns0 - 2) &&
                          (T(b, ns0 - 2)->lex & W_PREP) && !(T(b, ns0 - 2)->flags & TF_CAP)) ||
                         /* "Tanya Rowe, a biologist with the conservation
                          * group Wildsight, said": or after the noun, its
                          * words and its article after a preposition */
                         (b->lid == PM_LANG_EN && ns0 > lo + 3 && word(b, ns0 - 1) &&
                          (T(b, ns0 - 1)->lex & (W_INSTITUTION | W_COMPANY)) &&
                          !(T(b, ns0 - 1)->flags & TF_CAP) && group_after_prep(b, ns0 - 1, lo)) ||
                         /* "président des députés LR,": a party acronym
                          * after a noun completes it */
                         (ns0 + 1 == j && (T(b, ns0)->flags & TF_ALLCAP) &&
                          word(b, ns0 - 1) && !(T(b, ns0 - 1)->flags & TF_CAP)) ||
                         /* "a Republican whose district includes Newport,":
                          * a name after a verb or noun is an object */
                         (word(b, ns0 - 1) && !(T(b, ns0 - 1)->flags & TF_CAP) &&
                          !(T(b, ns0 - 1)->lex & (W_ROLE | W_ROLE_F | W_DET |
                                                  W_HONORIFIC | W_INSTITUTION |
                                                  /* « a ajouté Gérard Larcher, qui » */
                                                  W_SPEECH)))));
      /* « Le directeur général, qui répondait aux questions de La Tribune,
       * estime »: a name closing a relative clause is its object */
      if (!complement && ns0 > lo + 1) {
        uint32_t rk = ns0;
        while (rk > lo && rk + 24 > j && !punct(b, rk - 1, ',')) rk--;
        complement = rk > lo + 1 && rk < ns0 && T(b, rk)->end - T(b, rk)->start <= 5 &&
                     (folded_is(b, rk, "qui") || folded_is(b, rk, "dont") ||
                      folded_is(b, rk, "who") || folded_is(b, rk, "which") ||
                      /* "Marc Lavallee, whose children attend a school in
                       * Prince Albert, said" */
                      folded_is(b, rk, "whose"));
      }
      /* « Son chef, l'homme d'affaires en exil Ilan Shor, a affirmé »: a
       * noun phrase opening the apposition after its comma describes the
       * name closing it, which is no object */
      if (complement && b->lid == PM_LANG_FR && ns0 > lo + 2 &&
          spk__name_end(b, ns0, j) == j && j - ns0 >= 2) {
        uint32_t c = ns0 - 1;
        while (c > lo && c + 8 > ns0 && word(b, c) && !(T(b, c)->flags & TF_CAP) &&
               !(T(b, c)->lex & (W_SPEECH | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL)) &&
               /* (« en » is a clitic and a preposition: the latter here) */
               (!(T(b, c)->lex & W_AUX) || (T(b, c)->lex & W_PREP)))
          c--;
        if (punct(b, c, ',') && word(b, c + 1) && (T(b, c + 1)->lex & W_DET) &&
            !(T(b, c + 1)->lex & W_PREP) && c + 2 < ns0)
          complement = false;
      }
      if (spk__nameish(b, jn - 1) && !complement) {
        uint32_t ns = ns0;
        /* « Le cabinet du ministre des Collèges, Nolan Quinn, a fait
         * savoir », « le cabinet du ministre, Olivier X, qui rappelle »:
         * the name apposed to an office's holder is the holder's; the
         * office speaks, unnamed */
        if (b->lid == PM_LANG_FR && ns > lo + 3 && punct(b, ns - 1, ',') &&
            office_before(b, ns - 1, lo, m))
          return true;
        spk__name_mention(b, m, ns, jn);
        /* "Le ministre de l'Intérieur, Manuel Valls," binds the role. */
        if (ns > lo + 1 && punct(b, ns - 1, ',')) {
          for (uint32_t k = ns - 1; k > lo && k + 8 > ns; k--) {
            if (word(b, k - 1) && (T(b, k - 1)->lex & W_ROLE) &&
                !(T(b, k - 1)->flags & TF_CAP)) {
              spk__bind_role(b, k - 1, ns, jn);
              break;
            }
          }
        }
        return true;
      }
      /* The comma closes an apposition: find the comma that opens it. */
      uint32_t k = j;
      while (k > lo && k + 24 > j && !punct(b, k - 1, ',')) k--;
      /* past a dozen words, only a relative clause is an apposition
       * ("officials, who asked not to be named because …, said") */
      /* (or a noun phrase opened by a/an: "Michael Adeyemi, an ice-sheet
       * modeler at the University of Washington who was not involved in
       * the research, said") */
      if (k + 12 <= j && !(folded_is(b, k, "who") || folded_is(b, k, "which") ||
                           folded_is(b, k, "qui") || folded_is(b, k, "dont") ||
                           folded_is(b, k, "whose") ||
                           /* ("officials, speaking on condition of
                            * anonymity because …, told"): a participle */
                           (b->lid == PM_LANG_EN && word(b, k) && !(T(b, k)->flags & TF_CAP) &&
                            T(b, k)->end - T(b, k)->start > 5 &&
                            !memcmp(b->text + T(b, k)->end - 3, "ing", 3)) ||
                           (b->lid == PM_LANG_EN && word(b, k) && spk__indefinite_det(b, k) &&
                            k > lo + 1 && spk__nameish(b, k - 2))))
        k = lo;
      /* "Madam Lim Soo Peng, 71, a retiree who lives in …, said": an age
       * between the name and the apposition is the name's too */
      if (b->lid == PM_LANG_EN && k > lo + 3 && punct(b, k - 1, ',') &&
          T(b, k - 2)->kind == T_NUMBER && T(b, k - 2)->end - T(b, k - 2)->start <= 3 &&
          punct(b, k - 3, ',') && spk__nameish(b, k - 4))
        k -= 2;
      /* « Le ministre de l'Intérieur, lui, juge »: a stressed pronoun
       * between commas repeats the subject before it */
      if (b->lid == PM_LANG_FR && k > lo + 2 && j == k + 1 && punct(b, k - 1, ',') &&
          word(b, k) && (T(b, k)->lex & W_PRON_OBJ) && !(T(b, k)->flags & TF_CAP) &&
          !punct(b, k - 2, ','))
        return spk__subject_left(b, k - 1, lo, m);
      /* « Le président Volodymyr Zelensky a, lui, appelé »: an auxiliary
       * before the apposition belongs to the verb */
      if (k > lo + 2 && punct(b, k - 1, ',') && word(b, k - 2) && (T(b, k - 2)->lex & W_AUX) &&
          !(T(b, k - 2)->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_DET)) &&
          !(T(b, k - 2)->flags & TF_CAP) && word(b, k - 3) && j - k <= 2) {
        j = k - 3;
        end = k - 2;
        continue;
      }
      if (k > lo + 1 && punct(b, k - 1, ',') && !spk__nameish(b, k - 2) &&
          word(b, k - 2) && !(T(b, k - 2)->flags & TF_CAP)) {
        /* "The company, which employs 4,000 people, said": the subject is
         * before the apposition. */
        j = k - 2;
        end = k - 1;
        continue;
      }
      /* « La Commission nationale de l'informatique et des libertés
       * (CNIL), qui …, rappelle »: the acronym names it (resolve.c gives
       * the full name it was written beside) */
      if (k > lo + 4 && punct(b, k - 1, ',') && punct(b, k - 2, ')') && word(b, k - 3) &&
          (T(b, k - 3)->flags & TF_ALLCAP) && punct(b, k - 4, '(')) {
        spk__name_mention(b, m, k - 3, k - 2);
        return true;
      }
      if (k > lo + 1 && punct(b, k - 1, ',') && spk__nameish(b, k - 2)) {
        uint32_t ns = coordinated_complement(b, spk__name_start(b, k - 2, lo), lo);
        /* « Un médecin de Sallanches, qui …, affirme », "The mayor of
         * Springfield, who …, said": a name right after a preposition
         * completes the noun before it, which is the subject */
        if (ns > lo + 1 && word(b, ns - 1) && (T(b, ns - 1)->lex & W_PREP) &&
            !(T(b, ns - 1)->flags & TF_CAP) && !(T(b, ns - 1)->lex & W_SOURCE) &&
            word(b, ns - 2) && !(T(b, ns - 2)->flags & TF_CAP) &&
            !(T(b, ns - 2)->lex & (W_PREP | W_DET | W_SPEECH | W_AUX | W_FUNCTION))) {
          j = ns - 2;
          end = k - 1;
          continue;
        }
        /* "A member of the RCMP's E Division, who …, said", "Two retirees
         * from Scarborough, who …, said": a name after a preposition (and
         * a determiner or a possessor) completes the noun before it;
         * « Une infirmière de l'Hôpital Maisonneuve-Rosemont, qui … » */
        {
          uint32_t p = ns;
          while (p > lo + 1 && p + 5 > ns &&
                 (T(b, p - 1)->kind == T_QMARK ||
                  (word(b, p - 1) && ((T(b, p - 1)->flags & TF_CAP) ||
                                      ((T(b, p - 1)->lex & W_DET) && !(T(b, p - 1)->lex & W_PREP)) ||
                                      (T(b, p - 1)->end - T(b, p - 1)->start == 1 &&
                                       (b->text[T(b, p - 1)->start] | 32) == 's') ||
                                      /* (« de l'Hôpital régional Chaleur »: an
                                       * adjective between capitals) */
                                      (b->lid == PM_LANG_FR && word(b, p - 2) &&
                                       (T(b, p - 2)->flags & TF_CAP) &&
                                       !(T(b, p - 1)->lex & (W_PREP | W_DET | W_FUNCTION | W_AUX |
                                                             W_SPEECH | W_QUE | W_ROLE)))))))
            p--;
          if (p > lo + 1 && word(b, p - 1) && (T(b, p - 1)->lex & W_PREP) &&
              !(T(b, p - 1)->flags & TF_CAP) && !(T(b, p - 1)->lex & W_SOURCE) &&
              word(b, p - 2) && !(T(b, p - 2)->flags & TF_CAP) &&
              !(T(b, p - 2)->lex & (W_SPEECH | W_AUX | W_FUNCTION | W_INSTITUTION))) {
            j = p - 2;
            end = k - 1;
            continue;
          }
        }
        /* "The Association of Flight Attendants, which …, said": across
         * of/for after a capitalised word */
        if (b->lid == PM_LANG_EN && ns > lo + 1 &&
            (folded_is(b, ns - 1, "of") || folded_is(b, ns - 1, "for")) && word(b, ns - 2) &&
            (T(b, ns - 2)->flags & TF_CAP) && !(T(b, ns - 2)->lex & (W_DET | W_FUNCTION))) {
          ns -= 2;
          while (ns > lo && word(b, ns - 1) && (T(b, ns - 1)->flags & TF_CAP) &&
                 !(T(b, ns - 1)->lex & (W_DET | W_FUNCTION)))
            ns--;
        }
        spk__name_mention(b, m, ns, k - 1);
        for (uint32_t r = k; r < j; r++) {
          if (word(b, r) && (T(b, r)->lex & W_ROLE)) {
            spk__bind_role(b, r, m->ns, m->ne);
            if (T(b, r)->lex & W_ROLE_F) m->gender = 2;
            break;
          }
        }
        return true;
      }
      /* "A longtime ally in the state Senate, who …, said": the subject's
       * head noun lies before a capitalised complement */
      bool head = false;
      for (uint32_t h = k - 1; k > lo + 1 && punct(b, k - 1, ',') && h > lo && h + 8 > k; h--) {
        const Token *u = T(b, h - 1);
        if (u->kind != T_WORD) break;
        if (!(u->flags & TF_CAP) && (u->lex & (W_ROLE | W_ANON))) {
          j = h - 1;
          end = k - 1;
          head = true;
          break;
        }
      }
      if (head) continue;
      /* "The Westlands Water District, which …, called": a capitalised
       * institution before the apposition */
      if (k > lo + 1 && punct(b, k - 1, ',') && word(b, k - 2) && (T(b, k - 2)->flags & TF_CAP) &&
          (T(b, k - 2)->lex & W_INSTITUTION) && !spk__nameish(b, k - 2)) {
        j = k - 2;
        end = k - 1;
        continue;
      }
      return false;
    }
    /* "Police said", "Others warned": a capitalised common noun opening
     * the sentence names a group, not a person. */
    /* « Matignon indique que », « Bercy assure »: in French an
     * institution word opening the sentence without an article, right
     * before the verb, is a proper name */
    /* (« Enedis annonce que »: so is an unknown word ending in s before a
     * verb in the singular, which no plural noun takes) */
    if (b->lid == PM_LANG_FR && j == lo && j + 1 == end && t->kind == T_WORD &&
        (t->flags & TF_CAP) && !(t->flags & TF_ALLCAP) &&
        ((t->lex & W_INSTITUTION) ||
         (!t->lex && b->text[t->end - 1] == 's' && word(b, end) &&
          !(T(b, end)->end - T(b, end)->start > 2 && b->text[T(b, end)->end - 1] == 't' &&
            b->text[T(b, end)->end - 2] == 'n'))) &&
        !(t->lex & (W_DET | W_ROLE | W_PREP | W_PRON_M | W_PRON_F | W_PRON_PL))) {
      spk__name_mention(b, m, j, j + 1);
      return true;
    }
    /* ("Airlines said …" before "United Airlines, which …": the plural of
     * a body or person noun is a group, whatever name ends in it) */
    if (j == lo && t->kind == T_WORD && (t->flags & TF_CAP) &&
        (!spk__nameish(b, j) || (no_named_part(b, j) && !(t->lex & (W_FIRST_M | W_FIRST_F)))) &&
        !(t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_DET | W_PREP | W_AUX |
                    W_QUE | W_FIRST_PERSON | W_SOURCE | W_INTERJ)) &&
        ((t->lex & W_INSTITUTION) ||
         (t->end - t->start > 3 && b->text[t->end - 1] == 's'))) {
      m->type = M_NP;
      m->ts = j;
      m->te = end;
      return true;
    }
    /* "The Ontario Nurses' Association says": a plural possessive before
     * an institution noun, inside its name */
    if (b->lid == PM_LANG_EN && t->kind == T_WORD && (t->flags & TF_CAP) &&
        (t->lex & W_INSTITUTION) && j > lo + 1 && T(b, j - 1)->kind == T_QMARK &&
        !(T(b, j - 1)->flags & TF_SPACE_BEFORE) && word(b, j - 2) &&
        (T(b, j - 2)->flags & TF_CAP) && b->text[T(b, j - 2)->end - 1] == 's' &&
        !spk__in_quote(b, j)) {
      spk__name_mention(b, m, cap_run_start(b, j - 2, lo), j + 1);
      return true;
    }
    if (b->lid == PM_LANG_EN && !spk__nameish(b, j) && t->kind == T_WORD &&
        (t->flags & TF_CAP) && (t->lex & W_INSTITUTION) && j > lo + 1 &&
        (folded_is(b, j - 1, "of") || folded_is(b, j - 1, "for")) &&
        word(b, j - 2) && (T(b, j - 2)->flags & TF_CAP) &&
        !(T(b, j - 2)->lex & (W_DET | W_FUNCTION))) {
      /* "The Institute for Government said": an institution's name */
      spk__name_mention(b, m, cap_run_start(b, j - 2, lo), j + 1);
      return true;
    }
    if (spk__nameish(b, j) && j > lo && spk__demonym_role(b, j - 1, m)) {
      m->te = end;
      return true;
    }
    /* "the Italian said": a nationality noun for the person named
     * before */
    if (t->kind == T_WORD && (t->lex & W_ROLE_GENERIC) && !(t->lex & W_ROLE) && j > lo &&
        word(b, j - 1) && (T(b, j - 1)->lex & W_DET)) {
      /* (« Un ancien collègue de l'accusé a, lui, décrit »: after a
       * preposition it completes the noun before) */
      if (j > lo + 2 && word(b, j - 2) && (T(b, j - 2)->lex & W_PREP) &&
          !(T(b, j - 2)->flags & TF_CAP) && !(T(b, j - 1)->lex & W_PREP)) {
        j -= 3;
        continue;
      }
      m->type = M_ROLE;
      m->head = j;
      m->ts = j - 1;
      m->te = end;
      return true;
    }
    if (spk__nameish(b, j)) {
      uint32_t ns = spk__name_start(b, j, lo);
      /* "A spokesperson for the Department for Culture, Media and Sport
       * said": the last word of a list closing a body's name is no name */
      /* ("the Ministry of Water, Land and Resource Stewardship", "the
       * Department for Environment, Food and Rural Affairs": items of a
       * few words each) */
      if (b->lid == PM_LANG_EN && j - ns <= 2 && ns > lo + 4 && word(b, ns - 1) &&
          (T(b, ns - 1)->lex & W_CONJ) && !(T(b, ns - 1)->flags & TF_CAP) && word(b, ns - 2) &&
          (T(b, ns - 2)->flags & TF_CAP)) {
        uint32_t q = ns - 2;
        for (;;) {
          while (q > lo + 1 && q + 3 > ns - 2 && word(b, q - 1) && (T(b, q - 1)->flags & TF_CAP) &&
                 !(T(b, q - 1)->lex & (W_DET | W_INSTITUTION | W_FUNCTION)))
            q--;
          if (q > lo + 2 && punct(b, q - 1, ',') && word(b, q - 2) &&
              (T(b, q - 2)->flags & TF_CAP) && !(T(b, q - 2)->lex & W_DET)) {
            q -= 2;
            continue;
          }
          break;
        }
        if (q > lo + 1 && (folded_is(b, q - 1, "for") || folded_is(b, q - 1, "of")) &&
            word(b, q - 2) && (T(b, q - 2)->flags & TF_CAP) &&
            (T(b, q - 2)->lex & W_INSTITUTION)) {
          j = q - 2;
          continue;
        }
      }
      /* « sur le cours Émile-Zola », "at the Hotel Ritz": one capitalised
       * word after a common noun after a determiner names a place */
      if (ns == j && ns > lo + 1 && word(b, ns - 1) && !(T(b, ns - 1)->flags & TF_CAP) &&
          !(T(b, ns - 1)->lex & (W_ROLE | W_HONORIFIC | W_INSTITUTION | W_OUTLET | W_SPEECH |
                                 W_AUX | W_ANON | W_FUNCTION | W_PREP | W_DET | W_QUE |
                                 W_PRON_M | W_PRON_F | W_PRON_PL)) &&
          word(b, ns - 2) && (T(b, ns - 2)->lex & W_DET) &&
          !ctx__entity_by_part(b->ctx, b->text + T(b, ns)->start,
                               T(b, ns)->end - T(b, ns)->start))
        return false;
      /* A name after a preposition is a complement ("le ministre de
       * l'Intérieur", "le locataire de la Place Beauvau"): the subject is
       * the noun phrase it completes. */
      uint32_t p = coordinated_complement(b, ns, lo);
      if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_DET) &&
          !(T(b, p - 1)->lex & W_PREP) && !(T(b, p - 1)->flags & TF_CAP))
        p--;
      /* "The Institute for Government", "the Bank of England": an
       * English name goes on across of/for after a capitalised word */
      /* ("the Office of the Procurement Ombud": of the, after a body's
       * capitalised noun) */
      bool of_the = p + 1 == ns && p > lo + 2 && (T(b, p - 2)->lex & W_INSTITUTION) &&
                    folded_is(b, p, "the");
      if (b->lid == PM_LANG_EN && (p == ns || of_the) && p > lo + 1 &&
          (folded_is(b, p - 1, "of") || folded_is(b, p - 1, "for")) &&
          word(b, p - 2) && (T(b, p - 2)->flags & TF_CAP) &&
          !(T(b, p - 2)->lex & (W_DET | W_FUNCTION))) {
        uint32_t s2 = cap_words_start(b, p - 2, lo);
        /* "Jessica Moreau of Ottawa says": a person's name (a known first
         * name, then a surname) ends before "of" and a place */
        /* ("Chief Harold Wabasse of …": titles before the first name) */
        uint32_t s3 = s2;
        while (s3 + 2 < p - 1 && (T(b, s3)->lex & (W_HONORIFIC | W_ROLE)) &&
               !(T(b, s3)->lex & (W_FIRST_M | W_FIRST_F)))
          s3++;
        /* ("Sandeep Gill of Brampton": or two words of which neither is a
         * noun of a body, with a first name the lists lack) */
        const uint64_t body = W_INSTITUTION | W_ROLE | W_COMPANY | W_ORG_LAST;
        bool person = p - 1 - s3 >= 2 &&
                      ((T(b, s3)->lex & (W_FIRST_M | W_FIRST_F)) || s3 > s2 ||
                       (p - 1 - s3 == 2 && !(T(b, s3)->flags & TF_ALLCAP) &&
                        !(T(b, s3)->lex & body))) &&
                      (!(T(b, p - 2)->lex & body) ||
                       /* ("Chief Wilfred King of …": a role word as the
                        * surname after a known first name) */
                       (p - 1 - s3 == 2 && (T(b, s3)->lex & (W_FIRST_M | W_FIRST_F)) &&
                        !(T(b, p - 2)->lex & (W_INSTITUTION | W_COMPANY | W_ORG_LAST))));
        if (person) s2 = s3;
        else s2 = spk__initialism_before(b, s2, lo);
        /* ("the Office of the Privacy Commissioner of Canada": a body's
         * capitalised noun, of and the before the words open the name) */
        if (b->lid == PM_LANG_EN && !person && s2 > lo + 3 && word(b, s2 - 1) &&
            folded_is(b, s2 - 1, "the") && folded_is(b, s2 - 2, "of") && word(b, s2 - 3) &&
            (T(b, s2 - 3)->flags & TF_CAP) && (T(b, s2 - 3)->lex & W_INSTITUTION) &&
            !(T(b, s2 - 3)->lex & (W_DET | W_FUNCTION)))
          s2 = cap_words_start(b, s2 - 3, lo);
        /* "A spokesperson for the Ministry of Education said": the name
         * completes the noun before the preposition */
        {
          uint32_t q = s2;
          /* ("A spokesperson for Ontario's Ministry of Education": or
           * after a possessor) */
          if (b->lid == PM_LANG_EN && q > lo + 2 && possessive_s(b, q - 1) && word(b, q - 2) &&
              (T(b, q - 2)->flags & TF_CAP))
            q -= 2;
          if (q > lo && word(b, q - 1) && (T(b, q - 1)->lex & W_DET) &&
              !(T(b, q - 1)->lex & W_PREP) && !(T(b, q - 1)->flags & TF_CAP))
            q--;
          if (!person && q > lo + 1 && word(b, q - 1) && (T(b, q - 1)->lex & W_PREP) &&
              !(T(b, q - 1)->flags & TF_CAP) && !(T(b, q - 1)->lex & W_SOURCE)) {
            j = q - 2;
            continue;
          }
        }
        spk__name_mention(b, m, s2, person ? p - 1 : j + 1);
        if (person) m->te = j + 1;
        return true;
      }
      /* "The Taxpayers' Alliance": a plural possessive inside a name */
      if (ns > lo + 1 && T(b, ns - 1)->kind == T_QMARK &&
          !(T(b, ns - 1)->flags & TF_SPACE_BEFORE) && word(b, ns - 2) &&
          (T(b, ns - 2)->flags & TF_CAP) && b->text[T(b, ns - 2)->end - 1] == 's') {
        spk__name_mention(b, m, ns - 2, j + 1);
        return true;
      }
      /* ("came after the Local Government Association warned that …":
       * after, before, since, until open a clause here, the name right
       * before the verb is its subject) */
      bool opens_clause = j + 1 == end &&
                          (folded_is(b, p - 1, "after") || folded_is(b, p - 1, "before") ||
                           folded_is(b, p - 1, "since") || folded_is(b, p - 1, "until"));
      if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_PREP) &&
          !(T(b, p - 1)->lex & W_SOURCE) && !(T(b, p - 1)->flags & TF_CAP) && !opens_clause) {
        if (p - 1 <= lo) return false;
        j = p - 2;
        continue;
      }
      /* « Le député Renaissance reconnaît »: one capitalised word after
       * a role noun that the article never named is the role's party or
       * town, and the role is the subject */
      if (ns == j && ns > lo + 1 && word(b, ns - 1) && (T(b, ns - 1)->lex & W_ROLE) &&
          !(T(b, ns - 1)->flags & TF_CAP) && word(b, ns - 2) && (T(b, ns - 2)->lex & W_DET) &&
          !spk__indefinite_det(b, ns - 2) && !(T(b, ns)->lex & (W_FIRST_M | W_FIRST_F)) &&
          !ctx__entity_by_part(b->ctx, b->text + T(b, ns)->start,
                               T(b, ns)->end - T(b, ns)->start)) {
        j = ns - 1;
        continue;
      }
      /* "a spokesperson for Health Minister Mark Holland said": past the
       * titles before the name, "for" after a role or an unnamed noun
       * makes the name its complement */
      if (b->lid == PM_LANG_EN) {
        uint32_t k = ns;
        while (k > lo && k + 4 > ns && word(b, k - 1) && (T(b, k - 1)->flags & TF_CAP) &&
               !(T(b, k - 1)->lex & W_DET))
          k--;
        if (k < ns && k > lo + 1 && folded_is(b, k - 1, "for") && word(b, k - 2) &&
            !(T(b, k - 2)->flags & TF_CAP) && (T(b, k - 2)->lex & (W_ROLE | W_ANON))) {
          j = k - 2;
          continue;
        }
      }
      spk__name_mention(b, m, spk__initialism_before(b, ns, lo), adj == j + 1 ? adj + 1 : j + 1);
      return true;
    }
    /* "The Teamsters union said": in English a name before an
     * institution noun is the organisation's (not a person's: "the
     * Garrity administration") */
    /* (not "The Swedish company said": a demonym before a company noun
     * says where it is from, the company named before is meant) */
    if (b->lid == PM_LANG_EN && t->kind == T_WORD && !(t->flags & TF_CAP) &&
        (t->lex & W_INSTITUTION) && !(t->lex & W_ROLE) && j > lo + 1 && spk__nameish(b, j - 1) &&
        !((t->lex & W_COMPANY) && spk__place_adjective(b, j - 1) && j >= lo + 2 &&
          word(b, j - 2) && (T(b, j - 2)->lex & W_DET))) {
      uint32_t ns = spk__name_start(b, j - 1, lo);
      const Token *f = T(b, ns);
      /* "A senior adviser to the Nguyen campaign said": after a
       * preposition it completes the noun before */
      if (ns > lo + 2 && word(b, ns - 1) && (T(b, ns - 1)->lex & W_DET) && word(b, ns - 2) &&
          (T(b, ns - 2)->lex & W_PREP) && !(T(b, ns - 2)->flags & TF_CAP) &&
          !(T(b, ns - 2)->lex & W_SOURCE)) {
        j = ns - 3;
        continue;
      }
      if (ns > lo && word(b, ns - 1) && (T(b, ns - 1)->lex & W_DET) &&
          !ctx__entity_by_part(b->ctx, b->text + f->start, T(b, j - 1)->end - f->start) &&
          !ctx__entity_by_part(b->ctx, b->text + T(b, j - 1)->start,
                               T(b, j - 1)->end - T(b, j - 1)->start)) {
        spk__name_mention(b, m, ns, j);
        m->ts = ns - 1;
        m->te = end;
        return true;
      }
    }
    /* "the Conservative MP said": an acronym role counts as lowercase */
    /* ("The Chicago-based airline, the fourth-largest …, said": a
     * company noun is an institution's) */
    if (t->kind == T_WORD && (!(t->flags & TF_CAP) || ((t->flags & TF_ALLCAP) && (t->lex & W_ROLE))) &&
        (t->lex & (W_ROLE | W_INSTITUTION | W_OUTLET | W_COMPANY))) {
      /* "la porte-parole du gouvernement": the complement is not the
       * subject; the noun it completes is. */
      uint32_t p = j;
      if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_DET) &&
          !(T(b, p - 1)->lex & W_PREP))
        p--;
      if (p > lo + 1 && word(b, p - 1) && (T(b, p - 1)->lex & W_PREP) &&
          !(T(b, p - 1)->flags & TF_CAP) && !(T(b, p - 1)->lex & W_SOURCE)) {
        j = p - 2;
        continue;
      }
      /* ("A spokesman for the health board said": after an adjective or
       * a noun before the head too, and across a chain of such phrases:
       * "An executive at the chip unit of a German carmaker") */
      if (b->lid == PM_LANG_EN && p == j) {
        uint32_t h = j, to = NONE;
        for (int lvl = 0; lvl < 3 && to == NONE; lvl++) {
          uint32_t q = np_start(b, h, lo);
          if (!(q < h && q > lo + 1 && (T(b, q)->lex & W_DET) && word(b, q - 1) &&
                (T(b, q - 1)->lex & W_PREP) && !(T(b, q - 1)->flags & TF_CAP) &&
                !(T(b, q - 1)->lex & W_SOURCE) && word(b, q - 2) &&
                !(T(b, q - 2)->flags & TF_CAP)))
            break;
          if (T(b, q - 2)->lex & (W_ROLE | W_ANON)) to = q - 2;
          else if (T(b, q - 2)->lex & (W_FUNCTION | W_DET | W_PREP | W_AUX | W_SPEECH | W_QUE))
            break;
          h = q - 2;
        }
        if (to != NONE) {
          j = to;
          continue;
        }
      }
      m->type = (t->lex & W_OUTLET) ? M_OUTLET
                : (t->lex & W_ROLE) ? M_ROLE : M_INST;
      m->head = j;
      m->ts = np_start(b, j, lo);
      m->te = end;
      m->gender = (t->lex & W_ROLE_F) ? 2 : 0;
      if (m->ts < j && (T(b, m->ts)->lex & W_DET)) {
        char f[64];
        size_t fn = lex__fold(b->text + T(b, m->ts)->start,
                              T(b, m->ts)->end - T(b, m->ts)->start, f);
        if (fn && (!strcmp(f, "la") || !strcmp(f, "une"))) m->gender = 2;
        if (fn && (!strcmp(f, "le") || !strcmp(f, "un"))) m->gender = 1;
      }
      /* « L'élu socialiste »: the elided article hides it, the form not */
      if (!m->gender && (t->lex & W_ROLE) && b->lid == PM_LANG_FR)
        m->gender = spk__role_gender(b, j);
      return true;
    }
    /* "A spokesperson for the Ministry of the Attorney General said": a
     * capitalised title closing a body's name after a preposition
     * completes the noun before it */
    if (b->lid == PM_LANG_EN && t->kind == T_WORD && (t->flags & TF_CAP) &&
        (t->lex & (W_ROLE | W_HONORIFIC)) && !spk__nameish(b, j)) {
      uint32_t p = j;
      while (p > lo && p + 8 > j && word(b, p - 1) &&
             (((T(b, p - 1)->flags & TF_CAP) && !(T(b, p - 1)->lex & W_FUNCTION)) ||
              folded_is(b, p - 1, "of") || folded_is(b, p - 1, "the")))
        p--;
      if (p < j && p > lo + 1 && word(b, p - 1) && (T(b, p - 1)->lex & W_PREP) &&
          !(T(b, p - 1)->flags & TF_CAP) && !(T(b, p - 1)->lex & W_SOURCE) && word(b, p - 2) &&
          !(T(b, p - 2)->flags & TF_CAP) &&
          (T(b, p - 2)->lex & (W_ROLE | W_ANON | W_INSTITUTION))) {
        j = p - 2;
        continue;
      }
    }
    /* "A spokesperson for the American Petroleum Institute said": a
     * capitalised institution after a preposition completes a noun */
    if (t->kind == T_WORD && (t->flags & TF_CAP) && (t->lex & W_INSTITUTION) &&
        !spk__nameish(b, j)) {
      uint32_t p = j;
      for (;;) {
        if (p > lo && ((word(b, p - 1) && (T(b, p - 1)->flags & TF_CAP) &&
                        !(T(b, p - 1)->lex & (W_DET | W_FUNCTION | W_PREP))) ||
                       (p - 1 > lo && spk__and_in_org(b, p - 1, j + 1) && word(b, p - 2) &&
                        (T(b, p - 2)->flags & TF_CAP)))) {
          p--;
        } else if (p > lo + 1 && word(b, p - 1) && word(b, p - 2) &&
                   (T(b, p - 2)->flags & TF_CAP) && possessive_s(b, p - 1)) {
          p -= 2; /* "The King's Fund": a possessive inside the name */
        } else if (spk__initialism_before(b, p, lo) < p) {
          p -= 2; /* "the B.C. Prosecution Service" */
        } else if (b->lid == PM_LANG_EN && p > lo + 1 && folded_is(b, p - 1, "of") &&
                   word(b, p - 2) && (T(b, p - 2)->flags & TF_CAP) &&
                   ((T(b, p - 2)->lex & W_INSTITUTION) ||
                    /* ("the Port of Rotterdam Authority": one or two
                     * words between "of" and the noun) */
                    (j - p <= 1 && !(T(b, p - 2)->lex & (W_ROLE | W_HONORIFIC)))) &&
                   !(T(b, p - 2)->lex & (W_DET | W_FUNCTION | W_PREP))) {
          p -= 2; /* "the Department of Community and Government Services" */
        } else {
          break;
        }
      }
      if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_DET) &&
          !(T(b, p - 1)->flags & TF_CAP))
        p--;
      bool opens_clause = p > lo && j + 1 == end &&
                          (folded_is(b, p - 1, "after") || folded_is(b, p - 1, "before") ||
                           folded_is(b, p - 1, "since") || folded_is(b, p - 1, "until"));
      if (p > lo + 1 && word(b, p - 1) && (T(b, p - 1)->lex & W_PREP) &&
          !(T(b, p - 1)->flags & TF_CAP) && !(T(b, p - 1)->lex & W_SOURCE) && !opens_clause) {
        j = p - 2;
        continue;
      }
      /* "the White House said", "the Pentagon said": a capitalised
       * institution names itself */
      if (p < j || (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_DET))) {
        uint32_t ns = p;
        while (ns < j && word(b, ns) && (T(b, ns)->lex & W_DET)) ns++;
        spk__name_mention(b, m, ns, adj == j + 1 ? adj + 1 : j + 1);
        /* ("The Ministry of Water, Land and Resource Stewardship said":
         * the list after of that a complement took goes with the name) */
        if (b->lid == PM_LANG_EN && adj != j + 1 && end > j + 2 && end - j <= 12 &&
            (folded_is(b, j + 1, "of") || folded_is(b, j + 1, "for")) && of_list(b, j + 2, end))
          m->ne = end;
        m->ts = p;
        m->te = end;
        return true;
      }
    }
    /* « une source policière », "a person familiar with the matter": an
     * unnamed source */
    if (t->kind == T_WORD && !(t->flags & TF_CAP) && (t->lex & W_ANON)) {
      m->type = M_NP;
      m->ts = np_start(b, j, lo);
      m->te = end;
      return true;
    }
    /* « le metteur en scène portugais », « l'économiste américain »: the
     * role noun before its adjective */
    if (t->kind == T_WORD && !(t->flags & TF_CAP) && j > lo &&
        !(t->lex & (W_ROLE | W_INSTITUTION | W_PREP | W_DET | W_AUX | W_SPEECH | W_FUNCTION |
                    W_PRON_M | W_PRON_F | W_PRON_PL | W_QUE))) {
      uint32_t r = NONE;
      for (uint32_t k = j; k > lo && k + 4 > j; k--) {
        const Token *u = T(b, k - 1);
        if (u->kind != T_WORD || (u->flags & TF_CAP)) break;
        if (u->lex & W_ROLE) {
          r = k - 1;
          break;
        }
        if (u->lex & (W_AUX | W_SPEECH | W_FUNCTION | W_QUE) && !(u->lex & W_PREP)) break;
      }
      if (r != NONE && r > lo && word(b, r - 1) && (T(b, r - 1)->lex & W_DET)) {
        m->type = M_ROLE;
        m->head = r;
        m->ts = np_start(b, r, lo);
        m->te = end;
        m->gender = (T(b, r)->lex & W_ROLE_F) ? 2 : 0;
        if (!m->gender && b->lid == PM_LANG_FR) m->gender = spk__role_gender(b, r);
        return true;
      }
    }
    /* "Two administration officials, who …, said": a plural noun after a
     * number or a determiner names an unnamed group */
    if (t->kind == T_WORD && !(t->flags & TF_CAP) && j > lo &&
        t->end - t->start > 3 &&
        !(t->lex & (W_PREP | W_AUX | W_SPEECH | W_DET | W_PRON_M | W_PRON_F |
                    W_PRON_PL | W_FIRST_PERSON | W_QUE))) {
      bool plural = b->text[t->end - 1] == 's';
      uint32_t k = j;
      while (k > lo && k + 3 > j && word(b, k - 1) && !(T(b, k - 1)->flags & TF_CAP) &&
             !(T(b, k - 1)->lex & (W_DET | W_PREP | W_FUNCTION | W_AUX)))
        k--;
      /* « Un gérant de fonds parisien, qui …, juge »: across the de of a
       * noun's complement, to the noun */
      if (b->lid == PM_LANG_FR && !plural && k > lo + 2 && k + 3 > j && word(b, k - 1) &&
          (T(b, k - 1)->lex & W_PREP) && de_word(b, k - 1) && !(T(b, k - 1)->lex & W_DET) &&
          word(b, k - 2) && !(T(b, k - 2)->flags & TF_CAP) &&
          !(T(b, k - 2)->lex & (W_DET | W_PREP | W_FUNCTION | W_AUX | W_SPEECH)))
        k -= 2;
      /* "Two administration officials": a number word opens the sentence;
       * "A school administrator, who …, said": so does an indefinite
       * article before a singular noun */
      /* "…, county health officials said Friday": or a comma */
      /* ("…, but economists say": or a conjunction after a comma) */
      if (k > lo && ((plural && (T(b, k - 1)->kind == T_NUMBER || k - 1 == lo ||
                                 punct(b, k - 1, ',') ||
                                 (k - 1 > lo && word(b, k - 1) && (T(b, k - 1)->lex & W_CONJ) &&
                                  punct(b, k - 2, ',')) ||
                                 (word(b, k - 1) && (T(b, k - 1)->lex & W_DET)))) ||
                     (!plural && k - 1 == lo && word(b, k - 1) && (T(b, k - 1)->lex & W_DET) &&
                      spk__indefinite_det(b, k - 1)))) {
        m->type = M_NP;
        m->ts = punct(b, k - 1, ',') || (T(b, k - 1)->lex & W_CONJ) ? k : k - 1;
        m->te = end;
        return true;
      }
    }
    /* "le porte-parole du gouvernement": skip the complement. */
    if (t->kind == T_WORD && !(t->flags & TF_CAP) && j > lo &&
        (T(b, j - 1)->lex & (W_PREP | W_DET))) {
      uint32_t k = j - 1;
      while (k > lo && (T(b, k)->lex & (W_DET | W_PREP)) && !(T(b, k)->flags & TF_CAP) &&
             T(b, k)->kind == T_WORD && j - k < 3)
        k--;
      if (k < j - 1 && word(b, k) && (T(b, k)->lex & (W_ROLE | W_INSTITUTION))) {
        j = k;
        continue;
      }
      /* a generic noun phrase: "un habitant", "the official" */
      if (T(b, j - 1)->lex & W_DET) {
        m->type = M_NP;
        m->ts = j - 1;
        m->te = end;
        return true;
      }
    }
    return false;
  }
  return false;
}

/*
 * subject_right.c - reads an inverted subject written after a verb
 * (« … », estime Manuel Valls / "…," said the mayor): a name, a pronoun,
 * a role noun phrase.  Apart from subject_left.c because inversion has its
 * own rules and the two share only the name tests of names.c.
 */
#include <string.h>

#include "analysis/speakers.h"

/* « selon l'Autorité de régulation des transports, »: one capitalised
 * word after a determiner, then a lowercase complement up to a comma,
 * names a French institution; the name mention m grows over it. */
/* de, du, des, d' (not « devant », « dans », « depuis ») or of at token
 * e: a preposition that opens a noun's complement. */
static bool de_prep(const Block *b, uint32_t e) {
  const char *w = b->text + T(b, e)->start;
  uint32_t n = T(b, e)->end - T(b, e)->start;
  unsigned char c0 = (unsigned char)(w[0] | 32), c1 = n > 1 ? (unsigned char)w[1] : 0;
  if (c0 == 'o') return n == 2;
  return c0 == 'd' && n <= 4 &&
         ((c1 | 32) == 'e' || (c1 | 32) == 'u' || c1 == '\'' || c1 == 0xE2);
}

static void lower_complement(const Block *b, Mention *m, uint32_t hi) {
  uint32_t ne = m->ne, n = m->ns;
  if (b->lid != PM_LANG_FR || ne != n + 1 || n == 0 || ne + 1 >= hi || !word(b, n - 1) ||
      !(T(b, n - 1)->lex & W_DET) || (T(b, n)->lex & (W_FIRST_M | W_FIRST_F)) ||
      (T(b, n)->flags & TF_ALLCAP) || !word(b, ne) || !(T(b, ne)->lex & W_PREP) ||
      (b->text[T(b, ne)->start] | 32) != 'd')
    return;
  uint32_t x = ne;
  bool content = false;
  /* « le Comité de parents de la Commission scolaire de Laval »: a
   * capitalised word after a de and an article names a second body inside
   * the complement */
  while (x < hi && x < ne + 10 && word(b, x) &&
         (!(T(b, x)->flags & TF_CAP) ||
          (content && b->lid == PM_LANG_FR && !(T(b, x)->flags & TF_ALLCAP) &&
           (T(b, x - 1)->lex & (W_PREP | W_DET)) && !(T(b, x - 1)->flags & TF_CAP))) &&
         !(T(b, x)->lex & (W_SPEECH | W_AUX | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL))) {
    if (!(T(b, x)->lex & (W_PREP | W_DET))) content = true;
    x++;
  }
  if (content && punct(b, x, ',')) m->ne = m->te = x;
}

/* « selon l'Organisation mondiale de la santé (OMS) »: lowercase words
 * after a capitalised one belong to the name when the acronym in
 * parentheses after them spells the initials of its content words; the
 * mention then covers the acronym too. */
/* « selon le Service de sécurité incendie de Montréal (SIM) »: the name
 * may go on past a capitalised word, and its acronym skip some words
 * (spk__org_named: its letters in order among the initials) */
static void acronym_complement(Block *b, Mention *m, uint32_t hi) {
  char ini[16];
  size_t ni = 0;
  for (uint32_t k = m->ns; k < m->ne && ni < sizeof ini; k++)
    if (word(b, k) && !(T(b, k)->lex & (W_PREP | W_DET))) ini[ni++] = b->text[T(b, k)->start];
  uint32_t x = m->ne;
  bool cap = false; /* a capitalised word after the lowercase ones */
  while (x < hi && x < m->ne + 8 && word(b, x) && ni < sizeof ini) {
    if (T(b, x)->flags & TF_CAP) cap = true;
    if (!(T(b, x)->lex & (W_PREP | W_DET))) ini[ni++] = b->text[T(b, x)->start];
    x++;
  }
  if (x == m->ne || x + 2 >= hi || !punct(b, x, '(') || !word(b, x + 1) ||
      !(T(b, x + 1)->flags & TF_ALLCAP) || !punct(b, x + 2, ')'))
    return;
  const Token *a = T(b, x + 1);
  bool spelt = a->end - a->start == ni;
  for (size_t i = 0; spelt && i < ni; i++)
    if ((ini[i] & ~32) != b->text[a->start + i]) spelt = false;
  if (!spelt && !(cap && b->lid == PM_LANG_FR && spk__org_named(b, m->ns, x))) return;
  m->ne = x;
  m->te = x + 3;
}

/* Does token i read "24-year-old" (one token, or a number and four)?
 * Returns the token after it, or 0. */
static uint32_t age_end(const Block *b, uint32_t i) {
  if (i >= b->toks.size) return 0;
  const Token *t = T(b, i);
  uint32_t n = t->end - t->start;
  const char *w = b->text + t->start;
  if (n > 9 && w[0] >= '0' && w[0] <= '9' && !memcmp(w + n - 9, "-year-old", 9)) return i + 1;
  if (t->kind == T_NUMBER && i + 2 < b->toks.size && punct(b, i + 1, '-') &&
      folded_is(b, i + 2, "year-old"))
    return i + 3;
  if (t->kind == T_NUMBER && i + 4 < b->toks.size && punct(b, i + 1, '-') &&
      folded_is(b, i + 2, "year") && punct(b, i + 3, '-') && folded_is(b, i + 4, "old"))
    return i + 5;
  return 0;
}

bool spk__age_epithet(const Block *b, uint32_t d, Mention *m) {
  if (b->lid != PM_LANG_EN || !word(b, d) || T(b, d)->end - T(b, d)->start != 3 ||
      !folded_is(b, d, "the"))
    return false;
  uint32_t e = age_end(b, d + 1);
  if (!e) return false;
  memset(m, 0, sizeof *m);
  m->type = M_ROLE;
  m->head = e - 1;
  m->ts = d;
  m->te = e;
  return true;
}

bool spk__demonym_role(Block *b, uint32_t d, Mention *m) {
  /* only « le », « la », « l' » (no fold: a byte test) */
  const Token *t = T(b, d);
  uint32_t dn = t->end - t->start;
  const char *w = b->text + t->start;
  if (b->lid != PM_LANG_FR || !(t->lex & W_DET) ||
      (w[0] | 32) != 'l' || dn > 4 || (dn == 3 && (w[1] | 32) == 'e' && (w[2] | 32) == 's'))
    return false;
  uint32_t h = d + 1;
  if (!spk__nameish(b, h) || spk__name_end(b, h, b->toks.size) != h + 1 ||
      (T(b, h)->lex & (W_FIRST_M | W_FIRST_F)) || (T(b, h)->flags & TF_ALLCAP))
    return false;
  const Token *n = T(b, h);
  const char *x = b->text + n->start;
  uint32_t xn = n->end - n->start;
  static const char *const suf[] = {"ois", "oise", "ais", "aise", "ien", "ienne", "éen",
                                    "éenne", "ain", "aine", "ol", "ole", "ène", "ate",
                                    /* « la Briochine », « le Poitevin », « le
                                     * Tourangeau », « la Tourangelle » */
                                    "ine", "eau", "elle", "iste",
                                    /* « l'Argentin » (« le Kremlin » is an
                                     * institution of the lexicon) */
                                    "in"};
  bool dem = false;
  for (size_t i = 0; i < sizeof suf / sizeof *suf && !dem; i++) {
    size_t sn = strlen(suf[i]);
    dem = xn > sn + 2 && !memcmp(x + xn - sn, suf[i], sn);
  }
  if (!dem || (n->lex & W_INSTITUTION) || ctx__entity_by_part(b->ctx, x, xn)) return false;
  memset(m, 0, sizeof *m);
  m->type = M_ROLE;
  m->head = h;
  m->ts = d;
  m->te = h + 1;
  m->gender = dn == 2 && (w[1] | 32) == 'a' ? 2 : dn == 2 && (w[1] | 32) == 'e' ? 1 : 0;
  return true;
}

/* The first token of a name apposed after the comma at token e, past an
 * honorific (« son avocat, Me Karim Belkacem », « le maire, M. Dupont »):
 * the honorific's own capital would stop the name there.  e + 1 when
 * there is none. */
static uint32_t apposed_name(const Block *b, uint32_t e) {
  uint32_t n = e + 1;
  /* (« le directeur des services professionnels, le Dr Martin Bouchard »:
   * an article before the honorific) */
  if (n + 2 < b->toks.size && word(b, n) && (T(b, n)->lex & W_DET) &&
      !(T(b, n)->flags & TF_CAP) && word(b, n + 1) && (T(b, n + 1)->lex & W_HONORIFIC) &&
      (T(b, n + 1)->flags & TF_CAP))
    n++;
  if (n + 1 < b->toks.size && word(b, n) && (T(b, n)->lex & W_HONORIFIC) &&
      (T(b, n)->flags & TF_CAP)) {
    uint32_t x = n + 1 + (punct(b, n + 1, '.') ? 1 : 0);
    if (x < b->toks.size && spk__nameish(b, x) && spk__name_end(b, x, b->toks.size) - x >= 2)
      return x;
  }
  return n;
}

/* Does the name apposed to a role end at token ne, before punctuation or
 * a relative?  « Selon un participant, Nicolas Dufresne a exclu … »: a
 * name going on with a verb opens the next clause, and the role stays
 * the source. */
static bool apposition_closes(const Block *b, uint32_t ne) {
  return ne >= b->toks.size || !word(b, ne) || folded_is(b, ne, "qui") ||
         folded_is(b, ne, "who") || folded_is(b, ne, "dont");
}

/* The end of a person's name apposed after the comma at token e (« un
 * résident, Amir Khan. », « l'adjoint aux travaux, Karim Benali, … »): a
 * name of two words or more, or a first name alone (« son frère, Anthony,
 * »), that closes before punctuation or a relative; *an gets its first
 * token.  NONE when no such name follows. */
static uint32_t apposed_person(const Block *b, uint32_t e, uint32_t *an) {
  if (!punct(b, e, ',')) return NONE;
  uint32_t a = apposed_name(b, e);
  if (a >= b->toks.size || !spk__nameish(b, a) || (T(b, a)->flags & TF_ALLCAP)) return NONE;
  uint32_t ne = spk__name_end(b, a, b->toks.size);
  if ((ne - a < 2 && !(T(b, a)->lex & (W_FIRST_M | W_FIRST_F))) || !apposition_closes(b, ne))
    return NONE;
  *an = a;
  return ne;
}

/* "said the company's chief executive, Alastair Prentice": after the
 * possessor at token k, a role noun phrase and then, past a comma, the
 * name of the person who holds it.  Binds the role to that name.  False
 * when no such name follows ("said the government's offer was …"). */
static bool possessor_apposition(Block *b, uint32_t k, uint32_t hi, Mention *m) {
  uint32_t after = T(b, k)->end + 1, r = k + 1, role = NONE;
  while (r < hi && T(b, r)->start <= after) r++; /* the 's */
  for (; r < hi && r < k + 8 && !punct(b, r, ','); r++) {
    const Token *u = T(b, r);
    if (u->kind != T_WORD || (u->flags & TF_CAP) || (u->lex & (W_SPEECH | W_QUE | W_AUX)))
      return false;
    if (u->lex & W_ROLE) role = r;
  }
  if (role == NONE || !punct(b, r, ',') || !spk__nameish(b, r + 1)) return false;
  uint32_t ne = spk__name_end(b, r + 1, b->toks.size);
  if (ne - (r + 1) < 2 && !(T(b, r + 1)->lex & (W_FIRST_M | W_FIRST_F))) return false;
  spk__bind_role(b, role, r + 1, ne);
  spk__name_mention(b, m, r + 1, ne);
  return true;
}

bool spk__subject_right(Block *b, uint32_t v, uint32_t hi, Mention *m) {
  memset(m, 0, sizeof *m);
  uint32_t j = v + 1;
  int skipped_pp = 0;
  /* "a 'bargain,' says chief, but …": a headline's bare role noun, without
   * its article, closing the clause */
  if (b->lid == PM_LANG_EN && j < hi && word(b, j) && (T(b, j)->lex & W_ROLE) &&
      !(T(b, j)->flags & TF_CAP) &&
      (j + 1 >= hi || punct_in(T(b, j + 1), ",;:.") ||
       (word(b, j + 1) && (T(b, j + 1)->lex & W_CONJ)))) {
    m->type = M_ROLE;
    m->head = j;
    m->ts = j;
    m->te = j + 1;
    m->gender = (T(b, j)->lex & W_ROLE_F) ? 2 : 0;
    return true;
  }
  while (j < hi) {
    /* « a indiqué en point de presse le ministre », « en mêlée de presse »,
     * « en entrevue », « en anglais »: en and a bare noun (its de
     * complement too) say where or how, before the subject; so do par
     * and one (« a indiqué par courriel sa porte-parole ») */
    if (skipped_pp < 3 && j + 2 < hi && b->lid == PM_LANG_FR && word(b, j) &&
        ((T(b, j)->end - T(b, j)->start == 2 && b->text[T(b, j)->start] == 'e' &&
          b->text[T(b, j)->start + 1] == 'n') ||
         (T(b, j)->end - T(b, j)->start == 3 && !memcmp(b->text + T(b, j)->start, "par", 3))) &&
        word(b, j + 1) && !(T(b, j + 1)->flags & TF_CAP) &&
        !(T(b, j + 1)->lex & (W_DET | W_PREP | W_SPEECH | W_QUE | W_AUX | W_ROLE | W_PRON_M |
                              W_PRON_F | W_PRON_PL))) {
      skipped_pp++;
      j += 2;
      if (j + 2 < hi && word(b, j) && (T(b, j)->lex & W_PREP) && de_prep(b, j) &&
          word(b, j + 1) && !(T(b, j + 1)->flags & TF_CAP) &&
          !(T(b, j + 1)->lex & (W_DET | W_ROLE)))
        j += 2;
      continue;
    }
    /* « a indiqué lors d'un point presse le commandant des opérations »:
     * lors de and its noun phrase say when, before the subject */
    if (skipped_pp < 3 && j + 3 < hi && b->lid == PM_LANG_FR && word(b, j) &&
        T(b, j)->end - T(b, j)->start == 4 && folded_is(b, j, "lors") && word(b, j + 1) &&
        (T(b, j + 1)->lex & W_PREP) && de_prep(b, j + 1)) {
      uint32_t k = j + 2;
      if (k < hi && word(b, k) && (T(b, k)->lex & W_DET) && !(T(b, k)->flags & TF_CAP)) k++;
      uint32_t n0 = k;
      while (k < hi && k < n0 + 3 && word(b, k) && !(T(b, k)->flags & TF_CAP) &&
             !(T(b, k)->lex & (W_DET | W_PREP | W_ROLE | W_SPEECH | W_QUE | W_PRON_M | W_PRON_F |
                               W_PRON_PL)))
        k++;
      if (k > n0 && k < hi) {
        skipped_pp++;
        j = k;
        continue;
      }
    }
    /* « a lancé d'entrée de jeu », « d'emblée », « d'abord »: an elided
     * de and its noun are an adverbial phrase (the elided word alone
     * would pass as skippable, and the noun stop the search) */
    if (skipped_pp < 3 && j + 2 < hi && b->lid == PM_LANG_FR && word(b, j) &&
        !(T(b, j)->flags & TF_CAP) && b->text[T(b, j)->start] == 'd' &&
        (T(b, j)->end - T(b, j)->start == 2 || T(b, j)->end - T(b, j)->start == 4) &&
        T(b, j)->end == T(b, j + 1)->start && word(b, j + 1) &&
        !(T(b, j + 1)->flags & TF_CAP) &&
        !(T(b, j + 1)->lex & (W_DET | W_ROLE | W_SPEECH | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL))) {
      skipped_pp++;
      j += 2;
      continue;
    }
    /* « explique au « Figaro » son directeur général », « a expliqué aux
     * « Echos » le PDG »: a medium in marks after à says where, before
     * the subject */
    if (skipped_pp < 3 && j + 3 < hi && b->lid == PM_LANG_FR && T(b, j + 1)->kind == T_QMARK &&
        (folded_is(b, j, "au") || folded_is(b, j, "à") || folded_is(b, j, "aux"))) {
      uint32_t c = j + 2;
      while (c < hi && c < j + 8 && T(b, c)->kind != T_QMARK) c++;
      if (c < hi && T(b, c)->kind == T_QMARK && c > j + 2) {
        skipped_pp++;
        j = c + 1;
        continue;
      }
    }
    /* l' is an elided determiner here, kept for the noun phrase after it */
    if ((spk__skippable(b, j) && !((T(b, j)->lex & W_DET) && word(b, j + 1) &&
                              !(T(b, j + 1)->flags & TF_CAP))) ||
        (word(b, j) && spk__speech_verb(b, j))) {
      j++;
      continue;
    }
    /* « lâche, amer, un ancien ministre »: an adjective between commas */
    if (punct(b, j, ',') && j == v + 1 && j + 2 < hi) {
      uint32_t x = j + 1;
      while (x < hi && x < j + 4 && word(b, x) && !(T(b, x)->flags & TF_CAP) &&
             !(T(b, x)->lex & (W_FUNCTION | W_PREP | W_DET | W_SPEECH | W_QUE | W_AUX |
                               W_PRON_M | W_PRON_F | W_PRON_PL | W_ROLE)))
        x++;
      if (x > j + 1 && punct(b, x, ',') && x + 1 < hi && word(b, x + 1)) {
        j = x + 1;
        continue;
      }
    }
    /* "explique à l'AFP Manuel Valls", "told reporters", "a confié à la
     * sortie de l'audience Karim Haddad" */
    if (skipped_pp < 3 && word(b, j) && (T(b, j)->lex & W_PREP) &&
        !(T(b, j)->flags & TF_CAP)) {
      skipped_pp++;
      j++;
      /* « auprès de l'AFP », « au sein de la majorité »: a compound
       * preposition ends with de */
      if (j + 1 < hi && word(b, j) && (T(b, j)->lex & W_PREP) && !(T(b, j)->flags & TF_CAP) &&
          (b->text[T(b, j)->start] | 32) == 'd')
        j++;
      else if (j + 2 < hi && word(b, j) && !(T(b, j)->flags & TF_CAP) &&
               !(T(b, j)->lex & (W_DET | W_PREP)) && word(b, j + 1) &&
               (T(b, j + 1)->lex & W_PREP) && (b->text[T(b, j + 1)->start] | 32) == 'd' &&
               T(b, j)->end - T(b, j)->start <= 5 && (folded_is(b, j, "sein") ||
                                                      folded_is(b, j, "nom")))
        j += 2;
      if (j < hi && word(b, j) && (T(b, j)->lex & W_DET)) j++;
      if (j < hi && word(b, j)) j++;
      /* « au micro de Canal+ » */
      if (j < hi && punct(b, j, '+') && !(T(b, j)->flags & TF_SPACE_BEFORE)) j++;
      continue;
    }
    break;
  }
  /* « a lancé mardi sur France Inter le ministre délégué … »: a name
   * the preposition skip landed in, followed by a noun phrase, is the
   * rest of the preposition's object; the subject is that noun phrase */
  if (skipped_pp && j < hi && spk__nameish(b, j)) {
    uint32_t e = spk__name_end(b, j, hi);
    if (e + 1 < hi && word(b, e) && (T(b, e)->lex & W_DET) && !(T(b, e)->flags & TF_CAP) &&
        word(b, e + 1) && !(T(b, e + 1)->flags & TF_CAP) && (T(b, e + 1)->lex & W_ROLE))
      j = e;
  }
  if (j >= hi || !word(b, j)) return false;
  const Token *t = T(b, j);
  if ((t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) && !(t->lex & W_DET)) {
    m->type = M_PRON;
    m->ts = j;
    m->te = j + 1;
    m->gender = pron_gender(t);
    return true;
  }
  /* « selon Matignon », « selon l'Élysée »: a capitalised institution
   * noun names the institution (« a indiqué Matignon », indirect.c) */
  if ((t->flags & TF_CAP) && !(t->flags & TF_ALLCAP) && (t->lex & W_INSTITUTION) &&
      !(t->lex & (W_ROLE | W_DET | W_PREP | W_FUNCTION)) && !spk__nameish(b, j) &&
      (j + 1 >= hi || !word(b, j + 1) || !(T(b, j + 1)->flags & TF_CAP))) {
    m->type = M_NAME;
    m->ns = m->ts = j;
    m->ne = m->te = j + 1;
    /* « selon l'Institut national de santé publique du Québec (INSPQ) »:
     * its words run on to the acronym that abbreviates them */
    if (b->lid == PM_LANG_FR) {
      uint32_t x = j + 1;
      while (x < hi && x < j + 9 && word(b, x)) x++;
      if (x > j + 1 && x + 2 < hi && punct(b, x, '(') && spk__org_named(b, j, x)) {
        m->ne = x;
        m->te = x + 3;
      }
    }
    return true;
  }
  /* « raconte le Dr Hugo Mercadier »: an article before a capitalised
   * honorific */
  uint32_t det = NONE;
  if ((t->lex & W_DET) && !spk__indefinite_det(b, j) && j + 2 < hi && word(b, j + 1) &&
      (T(b, j + 1)->flags & TF_CAP) && (T(b, j + 1)->lex & W_HONORIFIC)) {
    det = j;
    j++;
  }
  /* "said Detective Inspector Claire Booth", "said Councillor Peter
   * Lowther": capitalised titles (one is enough) before the name */
  uint32_t tn = j;
  while (tn < hi && tn < j + 5 && ((word(b, tn) && (T(b, tn)->flags & TF_CAP) &&
                                    (T(b, tn)->lex & (W_HONORIFIC | W_ROLE))) ||
                                   (tn > j && punct(b, tn, '.'))))
    tn++;
  if (tn > j && tn < hi && spk__nameish(b, tn) && (T(b, j)->lex & (W_HONORIFIC | W_ROLE))) {
    spk__name_mention(b, m, tn, spk__name_end(b, tn, hi));
    m->ts = det != NONE ? det : j;
    return true;
  }
  if (det != NONE) j = det;
  /* « a souri l'Argentin »: the elided article the search passed over
   * opens a demonym */
  if (j > v + 1 && b->lid == PM_LANG_FR && word(b, j - 1) && (T(b, j - 1)->lex & W_DET) &&
      T(b, j - 1)->end == t->start && spk__demonym_role(b, j - 1, m))
    return true;
  if (spk__nameish(b, j) || ((t->lex & W_HONORIFIC) && (t->flags & TF_CAP) &&
                         j + 1 < hi && spk__nameish(b, j + (punct(b, j + 1, '.') ? 2 : 1)))) {
    uint32_t s = j;
    while (s < hi && !spk__nameish(b, s)) s++;
    uint32_t e = spk__name_end(b, s, hi);
    /* "said Assembly Speaker Robert Chen", "said Senate Minority Leader Dana
     * Whitfield": a name before capitalised role words qualifies them */
    /* "said Assembly Republican leader Craig Dunmore": the role words may
     * go on in lowercase */
    for (uint32_t r = e; r < hi && r < e + 3 && word(b, r) &&
                         (T(b, r)->lex & (W_ROLE | W_HONORIFIC));
         r++)
      if (spk__nameish(b, r + 1)) {
        s = r + 1;
        e = spk__name_end(b, s, hi);
        break;
      }
    spk__name_mention(b, m, s, e);
    lower_complement(b, m, hi);
    acronym_complement(b, m, hi);
    e = m->ne;
    /* "said John Smith, the mayor of X": bind the role. */
    if (punct(b, e, ',')) {
      for (uint32_t r = e + 1; r < hi && r < e + 5; r++) {
        if (word(b, r) && (T(b, r)->lex & W_ROLE) && !(T(b, r)->flags & TF_CAP)) {
          spk__bind_role(b, r, s, e);
          break;
        }
        if (!word(b, r)) break;
      }
    }
    return true;
  }
  if (!(t->flags & TF_CAP) && !(t->lex & (W_FUNCTION | W_PREP | W_DET | W_QUE)) &&
      j + 1 < hi && spk__nameish(b, j + 1)) {
    /* said resident Tom Baker / juge l'économiste Thomas Piketty */
    spk__name_mention(b, m, j + 1, spk__name_end(b, j + 1, hi));
    return true;
  }
  /* "said season-ticket holder Raj Sandhu": a few lowercase nouns, maybe
   * hyphenated, before the name */
  if (!(t->flags & TF_CAP) && !(t->lex & (W_FUNCTION | W_PREP | W_DET | W_QUE | W_AUX |
                                          W_SPEECH | W_PRON_M | W_PRON_F | W_PRON_PL))) {
    uint32_t x = j + 1;
    while (x < hi && x < j + 5 &&
           ((punct(b, x, '-') && !(T(b, x)->flags & TF_SPACE_BEFORE) && word(b, x + 1) &&
             !(T(b, x + 1)->flags & TF_SPACE_BEFORE)) ||
            (word(b, x) && !(T(b, x)->flags & TF_CAP) &&
             !(T(b, x)->lex & (W_FUNCTION | W_PREP | W_DET | W_QUE | W_AUX | W_SPEECH |
                               W_PRON_M | W_PRON_F | W_PRON_PL)))))
      x++;
    if (x > j + 1 && x < hi && spk__nameish(b, x)) {
      spk__name_mention(b, m, x, spk__name_end(b, x, hi));
      return true;
    }
  }
  /* « un député Renaissance », "a Labour MP": after an indefinite
   * determiner the capitalised word is the unnamed person's party or
   * employer, not a name */
  bool indef = (t->lex & W_DET) && spk__indefinite_det(b, j);
  /* « le député LFI de Seine-Saint-Denis Karim Benali »: past a party
   * and a place, the person's name is the one that opens with a first
   * name */
  if ((t->lex & W_DET) && !indef && j + 3 < hi && (T(b, j + 1)->lex & W_ROLE) &&
      !(T(b, j + 1)->flags & TF_CAP)) {
    for (uint32_t r = j + 2; r < hi && r < j + 8 && word(b, r) &&
                             !(T(b, r)->lex & (W_SPEECH | W_AUX | W_QUE | W_PRON_M | W_PRON_F));
         r++) {
      const Token *u = T(b, r);
      if (r > j + 2 && (u->flags & TF_CAP) && !(u->flags & TF_ALLCAP) &&
          (u->lex & (W_FIRST_M | W_FIRST_F)) && spk__nameish(b, r) &&
          spk__name_end(b, r, hi) >= r + 2 && !(T(b, r - 1)->lex & (W_FIRST_M | W_FIRST_F))) {
        uint32_t ne = spk__name_end(b, r, hi);
        spk__bind_role(b, j + 1, r, ne);
        spk__name_mention(b, m, r, ne);
        m->ts = j;
        return true;
      }
    }
  }
  if ((t->lex & W_DET) && !indef && j + 2 < hi && (T(b, j + 1)->lex & (W_ROLE | W_INSTITUTION)) &&
      !(T(b, j + 1)->flags & TF_CAP) && spk__nameish(b, j + 2)) {
    uint32_t ne = spk__name_end(b, j + 2, hi);
    /* « a lancé le candidat Renaissance »: one capitalised word after a
     * role noun that the article never named is its party or town; the
     * role speaks */
    if (ne == j + 3 && b->lid == PM_LANG_FR && (T(b, j + 1)->lex & W_ROLE) &&
        !(T(b, j + 2)->lex & (W_FIRST_M | W_FIRST_F)) && !(T(b, j + 2)->flags & TF_ALLCAP) &&
        !ctx__entity_by_part(b->ctx, b->text + T(b, j + 2)->start,
                             T(b, j + 2)->end - T(b, j + 2)->start)) {
      m->type = M_ROLE;
      m->head = j + 1;
      m->ts = j;
      m->te = j + 3;
      m->gender = (T(b, j + 1)->lex & W_ROLE_F) ? 2 : 0;
      if (folded_is(b, j, "la")) m->gender = 2;
      else if (folded_is(b, j, "le")) m->gender = 1;
      return true;
    }
    spk__name_mention(b, m, j + 2, ne);
    return true;
  }
  /* « le gardien lensois Hugo Mensah », « le conseiller municipal Laurent
   * Bouvier »: one adjective between the role and a person's name */
  if ((t->lex & W_DET) && !indef && j + 3 < hi && (T(b, j + 1)->lex & W_ROLE) &&
      !(T(b, j + 1)->flags & TF_CAP) && word(b, j + 2) && !(T(b, j + 2)->flags & TF_CAP) &&
      !(T(b, j + 2)->lex & (W_FUNCTION | W_PREP | W_DET | W_AUX | W_SPEECH | W_QUE | W_ROLE)) &&
      spk__nameish(b, j + 3) && !(T(b, j + 3)->flags & TF_ALLCAP) &&
      (spk__name_end(b, j + 3, hi) - (j + 3) >= 2 ||
       (T(b, j + 3)->lex & (W_FIRST_M | W_FIRST_F)))) {
    uint32_t ne = spk__name_end(b, j + 3, hi);
    spk__bind_role(b, j + 1, j + 3, ne);
    spk__name_mention(b, m, j + 3, ne);
    m->ts = j;
    return true;
  }
  /* "said the 24-year-old": an age for the person named before */
  if ((t->lex & W_DET) && spk__age_epithet(b, j, m)) return true;
  /* "said the Italian": a nationality noun for the person named before */
  /* (« explique le jeune homme »: an age adjective may come first) */
  uint32_t eh = j + 1;
  if (b->lid == PM_LANG_FR && (t->lex & W_DET) && j + 2 < hi && word(b, eh) &&
      (folded_is(b, eh, "jeune") || folded_is(b, eh, "vieil") || folded_is(b, eh, "vieux") ||
       folded_is(b, eh, "vieille")))
    eh++;
  if ((t->lex & W_DET) && eh < hi && word(b, eh) &&
      (T(b, eh)->lex & W_ROLE_GENERIC) && !(T(b, eh)->lex & W_ROLE) &&
      !(eh + 1 < hi && word(b, eh + 1) && (T(b, eh + 1)->flags & TF_CAP))) {
    /* « déplore un résident, Amir Khan »: the apposed name wins */
    uint32_t an, ne = apposed_person(b, eh + 1, &an);
    if (ne != NONE) {
      spk__name_mention(b, m, an, ne);
      return true;
    }
    m->type = M_ROLE;
    m->head = eh;
    m->ts = j;
    m->te = eh + 1;
    if (b->lid == PM_LANG_FR)
      m->gender = folded_is(b, j, "la") ? 2 : folded_is(b, j, "le") ? 1 : 0;
    return true;
  }
  /* « a prévenu le Danois », « a confié le Drômois »: a demonym */
  if ((t->lex & W_DET) && j + 1 < hi && spk__demonym_role(b, j, m)) return true;
  /* « le Premier ministre, X »: a capital opening a role phrase is no
   * name (the role branch below reads the phrase) */
  bool cap_role = (t->lex & W_DET) && j + 2 < hi && word(b, j + 2) &&
                  (T(b, j + 2)->lex & W_ROLE) && !(T(b, j + 2)->flags & TF_CAP) &&
                  spk__nameish(b, j + 1) && spk__name_end(b, j + 1, hi) == j + 2;
  if ((t->lex & W_DET) && j + 1 < hi && spk__nameish(b, j + 1) && !cap_role) {
    uint32_t ne = spk__name_end(b, j + 1, hi);
    /* "the B.C. College of Family Physicians", "the U.S. Surgeon
     * General": an initialism opens the name */
    if (ne == j + 2 && ne + 1 < hi && spk__initialism_before(b, ne + 1, j + 1) == j + 1 &&
        word(b, ne + 1) && (T(b, ne + 1)->flags & TF_CAP)) {
      uint32_t x = ne + 1;
      while (x < hi && word(b, x) && (T(b, x)->flags & TF_CAP)) x++;
      if (x + 1 < hi && (folded_is(b, x, "of") || folded_is(b, x, "for")) && word(b, x + 1) &&
          (T(b, x + 1)->flags & TF_CAP))
        for (x++; x < hi && word(b, x) && (T(b, x)->flags & TF_CAP);) x++;
      ne = x;
    }
    spk__name_mention(b, m, j + 1, ne);
    m->ts = j;
    lower_complement(b, m, hi);
    if (b->lid == PM_LANG_FR && m->ne == j + 2) acronym_complement(b, m, hi);
    return true;
  }
  if ((t->lex & W_DET) && j + 1 < hi && word(b, j + 1) &&
      !(T(b, j + 1)->flags & TF_CAP) &&
      (!(T(b, j + 1)->lex & (W_ROLE | W_INSTITUTION | W_OUTLET | W_FUNCTION | W_PREP)) ||
       (T(b, j + 1)->lex & W_ANON))) {
    /* an unnamed source: "confie un proche de X", "says a witness" */
    bool later_role = false;
    for (uint32_t k = j + 2; k < hi && k < j + 4; k++)
      if (word(b, k) && (T(b, k)->lex & (W_ROLE | W_INSTITUTION | W_OUTLET))) later_role = true;
    if (!later_role && spk__nameish(b, j + 2) && !(T(b, j + 2)->flags & TF_ALLCAP) &&
        (spk__name_end(b, j + 2, hi) - (j + 2) >= 2 ||
         (T(b, j + 2)->lex & (W_FIRST_M | W_FIRST_F)))) {
      /* "prévient la climatologue Valérie Masson-Delmotte" */
      spk__name_mention(b, m, j + 2, spk__name_end(b, j + 2, hi));
      m->ts = j;
      return true;
    }
    /* (« fait savoir l'entourage du président du département, Patrick
     * Gendrot »: the name an unnamed source's complement is given names
     * the one the source is close to, not the speaker) */
    bool anon_head = later_role && b->lid == PM_LANG_FR && (T(b, j + 1)->lex & W_ANON) &&
                     !(T(b, j + 1)->lex & (W_ROLE | W_INSTITUTION));
    if (anon_head) {
      m->type = M_NP;
      m->ts = j;
      m->te = j + 2;
      return true;
    }
    if (!later_role) {
      m->type = M_NP;
      m->ts = j;
      uint32_t e = j + 2;
      if (e + 1 < hi && word(b, e) && (T(b, e)->lex & W_PREP) && de_prep(b, e)) {
        e++;
        if (e < hi && word(b, e) && (T(b, e)->lex & W_DET)) e++;
        if (e < hi && spk__nameish(b, e)) e = spk__name_end(b, e, hi);
        else if (e < hi && word(b, e)) e++;
      }
      m->te = e;
      /* "l'adjoint aux travaux, Karim Benali": the apposed name wins */
      uint32_t an, ne = apposed_person(b, e, &an);
      if (ne != NONE) spk__name_mention(b, m, an, ne);
      return true;
    }
  }
  /* « a lancé l'un d'eux », « raconte l'une des résidentes », « estime un
   * de ses soutiens »: one of a group, an unnamed person */
  uint32_t u = b->lid == PM_LANG_FR && j + 2 < hi && folded_is(b, j, "l'") ? j + 1 : j;
  if (b->lid == PM_LANG_FR && u + 1 < hi && (folded_is(b, u, "un") || folded_is(b, u, "une")) &&
      (folded_is(b, u + 1, "d'") || folded_is(b, u + 1, "des") || folded_is(b, u + 1, "de"))) {
    m->type = M_NP;
    m->ts = j;
    m->te = u + 3 <= hi ? u + 3 : hi;
    return true;
  }
  if (t->lex & W_DET) {
    for (uint32_t k = j + 1; k < hi && k < j + 4; k++) {
      const Token *h = T(b, k);
      if (h->kind != T_WORD) break;
      if (h->lex & (W_ROLE | W_INSTITUTION | W_OUTLET)) {
        /* "the tracking site PowerWatch", « la société Plastival »: the
         * name after the noun */
        if (!(h->lex & W_ROLE) && spk__nameish(b, k + 1) && k + 1 < hi) {
          spk__name_mention(b, m, k + 1, spk__name_end(b, k + 1, hi));
          m->ts = j;
          return true;
        }
        /* "said the government's offer was …": a possessor opens the
         * object clause, it is no inverted subject */
        const char *z = b->text + h->end;
        if ((h->end + 2 <= b->len && z[0] == '\'' && z[1] == 's') ||
            (h->end + 4 <= b->len && !memcmp(z, "\xE2\x80\x99s", 4)))
          return possessor_apposition(b, k, hi, m);
        m->type = (h->lex & W_OUTLET) ? M_OUTLET
                  : (h->lex & W_ROLE) ? M_ROLE : M_INST;
        m->head = k;
        m->ts = j;
        m->te = k + 1;
        /* the complement: "le ministre de l'Intérieur", after one
         * adjective (« l'agence régionale de santé ») */
        uint32_t e = k + 1;
        /* « la vice-présidente aux affaires publiques de X », « l'adjoint
         * au maire »: a role's à complement, a bare noun */
        if ((h->lex & W_ROLE) && b->lid == PM_LANG_FR && e + 2 < hi && word(b, e) &&
            (T(b, e)->lex & W_PREP) && T(b, e)->end - T(b, e)->start <= 3 &&
            (b->text[T(b, e)->start] == 'a' || (unsigned char)b->text[T(b, e)->start] == 0xC3) &&
            word(b, e + 1) && !(T(b, e + 1)->flags & TF_CAP) &&
            !(T(b, e + 1)->lex & (W_FUNCTION | W_PREP | W_DET | W_SPEECH | W_QUE | W_AUX)))
          e += 2;
        /* « le ministre délégué chargé de l'Europe »: two at most */
        for (uint32_t a = 1; a <= 2; a++)
          if (e + a < hi && word(b, e + a) && (T(b, e + a)->lex & W_PREP)) {
            bool adj = true;
            for (uint32_t x = e; x < e + a; x++)
              if (!word(b, x) || (T(b, x)->flags & TF_CAP) ||
                  (T(b, x)->lex & (W_FUNCTION | W_PREP | W_SPEECH | W_AUX | W_DET | W_QUE)))
                adj = false;
            if (adj) {
              e += a;
              break;
            }
          }
        /* « d'après le conseil départemental. »: a body's one
         * relational adjective closing the clause */
        if (e == k + 1 && b->lid == PM_LANG_FR && !(h->lex & W_ROLE) && e + 1 < b->toks.size &&
            T(b, e + 1)->kind == T_PUNCT && spk__relational_adj(b, e))
          e++;
        /* ("a spokesperson for the ministry, Julie Roy": an English
         * role's complement may open with "for") */
        while (e + 1 < hi && word(b, e) && (T(b, e)->lex & W_PREP) && e < k + 9 &&
               (de_prep(b, e) || (b->lid == PM_LANG_EN && (h->lex & W_ROLE) &&
                                  folded_is(b, e, "for")))) {
          uint32_t x = e + 1;
          if (word(b, x) && (T(b, x)->lex & W_DET) && !(T(b, x)->flags & TF_CAP)) x++;
          if (x < hi && word(b, x)) {
            e = x + 1;
            /* du Premier ministre, of the Interior Ministry */
            while (e < hi && word(b, e) && (T(b, x)->flags & TF_CAP) &&
                   ((T(b, e)->flags & TF_CAP) || (T(b, e)->lex & W_ROLE)) && e < x + 3)
              e++;
            /* « le directeur de campagne de M. Olmedo, Rodrigo Peña » */
            if ((T(b, x)->lex & W_HONORIFIC) && (T(b, x)->flags & TF_CAP)) {
              if (punct(b, e, '.')) e++;
              if (e < hi && spk__nameish(b, e)) e = spk__name_end(b, e, hi);
            }
            /* « la ministre de la Santé et des Services sociaux », « de
             * l'Économie et de l'Énergie »: a second complement */
            if (e + 2 < hi && (T(b, x)->flags & TF_CAP) && word(b, e) &&
                (T(b, e)->lex & W_CONJ) && T(b, e)->end - T(b, e)->start == 2 &&
                b->text[T(b, e)->start] == 'e' && word(b, e + 1) &&
                (T(b, e + 1)->lex & W_PREP) && de_prep(b, e + 1) && e < k + 6)
              e++;
          } else {
            break;
          }
        }
        /* « son président et chef de la direction, X »: a second role
         * joined by « et », with its complement */
        if (b->lid == PM_LANG_FR && (h->lex & W_ROLE) && e + 3 < hi && word(b, e) &&
            folded_is(b, e, "et") && word(b, e + 1) && (T(b, e + 1)->lex & W_ROLE) &&
            !(T(b, e + 1)->flags & TF_CAP)) {
          e += 2;
          while (e + 1 < hi && word(b, e) && (T(b, e)->lex & W_PREP) && e < k + 14 &&
                 de_prep(b, e)) {
            uint32_t x = e + 1;
            if (word(b, x) && (T(b, x)->lex & W_DET) && !(T(b, x)->flags & TF_CAP)) x++;
            if (x >= hi || !word(b, x)) break;
            e = x + 1;
          }
        }
        /* "l'avocate générale, Claire Fontaine": one adjective after it */
        if (e + 1 < hi && word(b, e) && !(T(b, e)->flags & TF_CAP) &&
            !(T(b, e)->lex & (W_FUNCTION | W_PREP | W_SPEECH)) && punct(b, e + 1, ','))
          e++;
        m->te = e;
        /* « a annoncé l'agence régionale de santé (ARS) de Bretagne » */
        if (!(h->lex & W_ROLE) && spk__org_named(b, k, e)) {
          uint32_t te = e + 3;
          if (te + 1 < hi && (T(b, te)->lex & W_PREP) && word(b, te + 1)) {
            te++;
            if (word(b, te) && (T(b, te)->lex & W_DET) && te + 1 < hi) te++;
            if (spk__nameish(b, te)) te = spk__name_end(b, te, hi);
          }
          m->type = M_NAME;
          m->ns = k;
          m->ne = e;
          m->ts = j;
          m->te = te;
          return true;
        }
        /* « selon la Société canadienne d'hypothèques et de logement », « a
         * indiqué l'Office national de l'énergie »: a capitalised
         * institution noun with its complement is the body's name */
        if (!(h->lex & W_ROLE) && b->lid == PM_LANG_FR && (h->flags & TF_CAP) &&
            !(h->flags & TF_ALLCAP) && k == j + 1 && e > k + 1 && de_prep(b, k + 1 + !(T(b, k + 1)->lex & W_PREP))) {
          while (e + 2 < hi && word(b, e) && (T(b, e)->lex & W_CONJ) &&
                 T(b, e)->end - T(b, e)->start == 2 && b->text[T(b, e)->start] == 'e' &&
                 word(b, e + 1) && (T(b, e + 1)->lex & W_PREP) && de_prep(b, e + 1)) {
            uint32_t x = e + 2;
            if (word(b, x) && (T(b, x)->lex & W_DET) && !(T(b, x)->flags & TF_CAP)) x++;
            if (x >= hi || !word(b, x) || (T(b, x)->lex & (W_SPEECH | W_QUE | W_FUNCTION)))
              break;
            e = x + 1;
          }
          m->type = M_NAME;
          m->ns = k;
          m->ne = m->te = e;
          m->ts = j;
          return true;
        }
        /* « a réagi le conseiller d'Etat genevois chargé de la santé,
         * Laurent X », « selon le chef aux opérations du Service de
         * protection contre l'incendie de Québec, Bruno Y »: a longer
         * complement of plain words (no verb, pronoun or clause) up to
         * the comma before the name */
        if ((h->lex & W_ROLE) && b->lid == PM_LANG_FR && !punct(b, e, ',')) {
          uint32_t x = e;
          while (x < hi && x < e + 10 && word(b, x) &&
                 !(T(b, x)->lex & (W_SPEECH | W_QUE | W_AUX | W_PRON_M | W_PRON_F |
                                   W_PRON_PL | W_CONJ)))
            x++;
          if (x > e && punct(b, x, ',')) {
            uint32_t an2 = apposed_name(b, x);
            if (an2 < b->toks.size && spk__nameish(b, an2) &&
                !(T(b, an2)->flags & TF_ALLCAP) &&
                spk__name_end(b, an2, b->toks.size) - an2 >= 2 &&
                apposition_closes(b, spk__name_end(b, an2, b->toks.size)))
              e = x;
          }
        }
        /* "a tranché le rapporteur, Stéphane Travert": the name wins */
        uint32_t an = punct(b, e, ',') ? apposed_name(b, e) : e + 1;
        if (punct(b, e, ',') && an < b->toks.size && spk__nameish(b, an) &&
            (h->lex & W_ROLE) && apposition_closes(b, spk__name_end(b, an, b->toks.size))) {
          uint32_t ne = spk__name_end(b, an, b->toks.size);
          spk__bind_role(b, k, an, ne);
          spk__name_mention(b, m, an, ne);
          return true;
        }
        char f[64];
        size_t fn = lex__fold(b->text + t->start, t->end - t->start, f);
        if (fn && (!strcmp(f, "la") || !strcmp(f, "une"))) m->gender = 2;
        else if (fn && (!strcmp(f, "le") || !strcmp(f, "un"))) m->gender = 1;
        else if (h->lex & W_ROLE_F) m->gender = 2;
        else if (b->lid == PM_LANG_FR && h->end - h->start < 60) {
          /* « l'élu », « l'adjoint »: a role whose form with an -e is the
           * feminine one is masculine, whatever the elided article hides */
          char g[64];
          size_t gn = lex__fold(b->text + h->start, h->end - h->start, g);
          if (gn && gn < 62) {
            g[gn] = 'e';
            const LexEntry *fe = lex__get(b->lx, g, gn + 1);
            if (fe && (fe->flags & W_ROLE_F)) m->gender = 1;
          }
        }
        return true;
      }
    }
  }
  return false;
}

/*
 * speakers.c - who said it: attribution cues around each quotation,
 * indirect speech, and resolution of pronouns, surnames and role nouns to
 * the names the article gave earlier.
 *
 * Cues are tried from the most to the least specific, and the first that
 * fires gives the speaker and its `how`: an incise inside the quotation,
 * a speech verb right after it (« … », estime Manuel Valls / "…," he said),
 * a dash signature, a colon lead-in in the same sentence (Réponse de X :),
 * a speech verb earlier in the sentence (X a déclaré que « … »), a source
 * phrase (selon X, according to X), a colon lead-in paragraph, then a
 * follow-on from the previous quotation's speaker.  Mentions resolve as
 * follows: a name to the full name it is part of, a pronoun to the most
 * recent compatible speaker, a role noun to the name it was put beside in
 * an apposition (or, for people, to the most recent speaker).
 */
#include <stdio.h>
#include <string.h>

#include "analysis/internal.h"

#define NONE UINT32_MAX

enum { M_NONE, M_NAME, M_PRON, M_ROLE, M_INST, M_OUTLET, M_NP };

typedef struct {
  int type;
  uint32_t ts, te;      /* mention tokens [ts, te) */
  uint32_t ns, ne;      /* name tokens (M_NAME), without honorifics */
  uint32_t head;        /* role head token (M_ROLE) */
  int gender;
} Mention;

typedef struct {
  bool found;
  Mention m;
  const char *how;
  uint8_t stance;
  double conf;
} Cue;

static const Token *T(const Block *b, uint32_t i) { return &b->toks.contents[i]; }

static bool punct(const Block *b, uint32_t i, char c) {
  return i < b->toks.size && T(b, i)->kind == T_PUNCT && T(b, i)->ch == c;
}

static bool word(const Block *b, uint32_t i) {
  return i < b->toks.size && T(b, i)->kind == T_WORD;
}

static bool folded_is(const Block *b, uint32_t i, const char *w) {
  if (!word(b, i)) return false;
  char f[64];
  size_t n = lex__fold(b->text + T(b, i)->start, T(b, i)->end - T(b, i)->start, f);
  return n && !strcmp(f, w);
}

static bool nameish(const Block *b, uint32_t i) {
  if (!word(b, i)) return false;
  const Token *t = T(b, i);
  if (!(t->flags & TF_CAP)) return false;
  if (t->lex & (W_FUNCTION | W_DET | W_PREP | W_PRON_M | W_PRON_F | W_PRON_PL |
                W_MONTH | W_INTERJ | W_HONORIFIC | W_SOURCE | W_COMMENT |
                W_FIRST_PERSON | W_AUX | W_QUE))
    return (t->lex & (W_FIRST_M | W_FIRST_F)) != 0;
  if ((t->lex & (W_ROLE | W_INSTITUTION)) && !(t->lex & (W_FIRST_M | W_FIRST_F)))
    return false;
  return true;
}

/* A speech verb used as a verb: lowercase, not after a determiner. */
static bool speech_verb(const Block *b, uint32_t i) {
  if (!word(b, i)) return false;
  const Token *t = T(b, i);
  if (!(t->lex & W_SPEECH) || (t->flags & TF_CAP)) return false;
  if (i > 0 && word(b, i - 1) && (T(b, i - 1)->lex & W_DET) &&
      !(T(b, i - 1)->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_AUX)))
    return false;
  /* "veut dire que" means, it does not report. */
  if (i > 0 && word(b, i - 1) && (b->text[T(b, i - 1)->start] | 32) == 'v' &&
      T(b, i - 1)->end - T(b, i - 1)->start <= 7) {
    char f[64];
    size_t n = lex__fold(b->text + T(b, i - 1)->start,
                         T(b, i - 1)->end - T(b, i - 1)->start, f);
    if (n && (!strcmp(f, "veut") || !strcmp(f, "veux") || !strcmp(f, "voulait")))
      return false;
  }
  return true;
}

static bool inverted(const Block *b, uint32_t i) {
  return word(b, i) && (T(b, i)->flags & (TF_INV_M | TF_INV_F | TF_INV_PL));
}

static int pron_gender(const Token *t) {
  if (t->lex & W_PRON_F) return 2;
  if (t->lex & W_PRON_M) return 1;
  return 3; /* plural or impersonal */
}

static bool adverb(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  uint32_t n = t->end - t->start;
  const char *s = b->text + t->start;
  /* le gouvernement, du parlement: a noun after a determiner */
  if (t->lex & (W_ROLE | W_INSTITUTION | W_POLICY)) return false;
  if (i > 0 && T(b, i - 1)->kind == T_WORD && (T(b, i - 1)->lex & (W_DET | W_PREP)))
    return false;
  return t->kind == T_WORD && !(t->flags & TF_CAP) &&
         ((n > 5 && !memcmp(s + n - 4, "ment", 4)) ||
          (n > 4 && !memcmp(s + n - 2, "ly", 2)));
}

static bool skippable(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  if (t->kind != T_WORD || (t->flags & TF_CAP)) return false;
  if (t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) return false;
  return (t->lex & W_AUX) || adverb(b, i) ||
         ((t->flags & TF_ELISION) && !(t->lex & W_QUE));
}

/* The capitalised name ending at token j: returns its first token. */
static uint32_t name_start(const Block *b, uint32_t j, uint32_t lo) {
  uint32_t s = j;
  while (s > lo) {
    uint32_t p = s - 1;
    if (nameish(b, p)) {
      s = p;
      continue;
    }
    /* Marine Le Pen, Charles de Gaulle */
    if (word(b, p) && p > lo && nameish(b, p - 1) &&
        ((T(b, p)->lex & W_NAME_PARTICLE) ||
         ((T(b, p)->flags & TF_CAP) && (T(b, p)->lex & W_DET)))) {
      s = p - 1;
      continue;
    }
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

static uint32_t name_end(const Block *b, uint32_t s, uint32_t hi) {
  uint32_t e = s + 1;
  while (e < hi) {
    if (nameish(b, e) || cap_inst(b, e)) {
      e++;
      continue;
    }
    if (word(b, e) && e + 1 < hi && nameish(b, e + 1) &&
        ((T(b, e)->lex & W_NAME_PARTICLE) ||
         ((T(b, e)->flags & TF_CAP) && (T(b, e)->lex & W_DET)))) {
      e += 2;
      continue;
    }
    break;
  }
  return e;
}

static int honorific_gender(const Block *b, uint32_t i) {
  char f[64];
  const Token *t = T(b, i);
  size_t n = lex__fold(b->text + t->start, t->end - t->start, f);
  if (!n) return 0;
  static const char *const fem[] = {"mme", "mlle", "madame", "mademoiselle",
                                    "mrs", "ms", "miss", "dame", "lady"};
  for (size_t k = 0; k < sizeof fem / sizeof *fem; k++)
    if (!strcmp(f, fem[k])) return 2;
  if (!strcmp(f, "m") || !strcmp(f, "mr") || !strcmp(f, "monsieur") ||
      !strcmp(f, "sir") || !strcmp(f, "lord"))
    return 1;
  return 0;
}

static int name_gender(const Block *b, uint32_t ns) {
  const Token *t = T(b, ns);
  if (t->lex & W_FIRST_F && !(t->lex & W_FIRST_M)) return 2;
  if (t->lex & W_FIRST_M && !(t->lex & W_FIRST_F)) return 1;
  return 0;
}

/* Fills a name mention for tokens [ns, ne), taking in an honorific or a
 * role noun just before it ("M. Valls", "Mayor John Smith", "le ministre
 * Manuel Valls") and binding that role to the name. */
static void name_mention(Block *b, Mention *m, uint32_t ns, uint32_t ne);

/* Walks a role noun phrase left from its head: determiner and adjectives. */
static uint32_t np_start(const Block *b, uint32_t head, uint32_t lo) {
  uint32_t s = head;
  for (int k = 0; k < 3 && s > lo; k++) {
    const Token *p = T(b, s - 1);
    if (p->kind != T_WORD) break;
    if (p->lex & W_DET) return s - 1;
    if ((p->flags & TF_CAP) && !(p->lex & W_DET)) break;
    if (p->lex & (W_PREP | W_SPEECH | W_AUX)) break;
    s--;
  }
  return s;
}

/* "pour sa part", "de son côté", "quant à lui": adverbials between a
 * subject and its verb. */
static bool adverbial3(const Block *b, uint32_t j) {
  static const char *const phr[] = {"pour sa part", "pour son part",
                                    "de son côté", "de sa part",
                                    "de leur côté", "pour leur part",
                                    "quant à lui", "quant à elle",
                                    "for his part", "for her part",
                                    "for their part", "in a statement"};
  if (j < 3) return false;
  {
    /* quick reject on the last word: part, côté, lui, elle, statement */
    const Token *l = T(b, j - 1);
    uint32_t n = l->end - l->start;
    char c = (char)(b->text[l->start] | 32);
    if (l->kind != T_WORD || !strchr("pclse", c) || n < 3 || n > 9) return false;
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

static bool subject_left(Block *b, uint32_t v, uint32_t lo, Mention *m) {
  memset(m, 0, sizeof *m);
  uint32_t j = v;
  int steps = 0;
  while (j > lo && steps++ < 8) {
    if (skippable(b, j - 1)) j--;
    else if (j >= lo + 3 && adverbial3(b, j)) j -= 3;
    else break;
  }
  if (j <= lo) return false;
  uint32_t end = j; /* mention ends here (exclusive) */
  j--;
  for (int guard = 0; guard < 4; guard++) {
    const Token *t = T(b, j);
    if (t->kind == T_WORD && (t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) &&
        !(t->lex & W_DET)) {
      m->type = M_PRON;
      m->ts = j;
      m->te = j + 1;
      m->gender = pron_gender(t);
      return true;
    }
    if (t->kind == T_PUNCT && t->ch == ',' && j > lo) {
      /* Apposition: "Manuel Valls, ministre de l'Intérieur, a estimé" or
       * "Le ministre de l'Intérieur, Manuel Valls, estime". */
      uint32_t ns0 = nameish(b, j - 1) ? name_start(b, j - 1, lo) : j;
      bool complement = ns0 < j && ns0 > lo &&
                        ((word(b, ns0 - 1) && (T(b, ns0 - 1)->lex & W_PREP) &&
                          !(T(b, ns0 - 1)->flags & TF_CAP)) ||
                         (T(b, ns0 - 1)->kind == T_WORD &&
                          T(b, ns0 - 1)->end - T(b, ns0 - 1)->start == 1 &&
                          (b->text[T(b, ns0 - 1)->start] | 32) == 's') ||
                         /* "président des députés LR,": a party acronym
                          * after a noun completes it */
                         (ns0 + 1 == j && (T(b, ns0)->flags & TF_ALLCAP) &&
                          word(b, ns0 - 1) && !(T(b, ns0 - 1)->flags & TF_CAP)) ||
                         /* "a Republican whose district includes Newport,":
                          * a name after a verb or noun is an object */
                         (word(b, ns0 - 1) && !(T(b, ns0 - 1)->flags & TF_CAP) &&
                          !(T(b, ns0 - 1)->lex & (W_ROLE | W_ROLE_F | W_DET |
                                                  W_HONORIFIC | W_INSTITUTION))));
      if (nameish(b, j - 1) && !complement) {
        uint32_t ns = ns0;
        name_mention(b, m, ns, j);
        /* "Le ministre de l'Intérieur, Manuel Valls," binds the role. */
        if (ns > lo + 1 && punct(b, ns - 1, ',')) {
          for (uint32_t k = ns - 1; k > lo && k + 8 > ns; k--) {
            if (word(b, k - 1) && (T(b, k - 1)->lex & W_ROLE) &&
                !(T(b, k - 1)->flags & TF_CAP)) {
              const Token *r = T(b, k - 1);
              char f[64];
              size_t fn = lex__fold(b->text + r->start, r->end - r->start, f);
              char nm[CTX_NAME];
              uint32_t a = T(b, ns)->start, z = T(b, j - 1)->end;
              snprintf(nm, sizeof nm, "%.*s", (int)(z - a), b->text + a);
              if (fn) ctx__bind_role(b->ctx, f, fn, nm);
              break;
            }
          }
        }
        return true;
      }
      /* The comma closes an apposition: find the comma that opens it. */
      uint32_t k = j;
      while (k > lo && k + 12 > j && !punct(b, k - 1, ',')) k--;
      if (k > lo + 1 && punct(b, k - 1, ',') && !nameish(b, k - 2) &&
          word(b, k - 2) && !(T(b, k - 2)->flags & TF_CAP)) {
        /* "The company, which employs 4,000 people, said": the subject is
         * before the apposition. */
        j = k - 2;
        end = k - 1;
        continue;
      }
      if (k > lo + 1 && punct(b, k - 1, ',') && nameish(b, k - 2)) {
        uint32_t ns = name_start(b, k - 2, lo);
        name_mention(b, m, ns, k - 1);
        for (uint32_t r = k; r < j; r++) {
          if (word(b, r) && (T(b, r)->lex & W_ROLE)) {
            char f[64];
            size_t fn = lex__fold(b->text + T(b, r)->start,
                                  T(b, r)->end - T(b, r)->start, f);
            char nm[CTX_NAME];
            uint32_t a = T(b, m->ns)->start, z = T(b, m->ne - 1)->end;
            snprintf(nm, sizeof nm, "%.*s", (int)(z - a), b->text + a);
            if (fn) ctx__bind_role(b->ctx, f, fn, nm);
            if (T(b, r)->lex & W_ROLE_F) m->gender = 2;
            break;
          }
        }
        return true;
      }
      return false;
    }
    /* "Police said", "Others warned": a capitalised common noun opening
     * the sentence names a group, not a person. */
    if (j == lo && t->kind == T_WORD && (t->flags & TF_CAP) &&
        (!nameish(b, j) || (!ctx__entity_by_part(b->ctx, b->text + t->start,
                                                 t->end - t->start) &&
                            !(t->lex & (W_FIRST_M | W_FIRST_F)))) &&
        !(t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_DET | W_PREP | W_AUX |
                    W_QUE | W_FIRST_PERSON | W_SOURCE | W_INTERJ)) &&
        ((t->lex & W_INSTITUTION) ||
         (t->end - t->start > 3 && b->text[t->end - 1] == 's'))) {
      m->type = M_NP;
      m->ts = j;
      m->te = end;
      return true;
    }
    if (b->lid == PM_LANG_EN && !nameish(b, j) && t->kind == T_WORD &&
        (t->flags & TF_CAP) && (t->lex & W_INSTITUTION) && j > lo + 1 &&
        (folded_is(b, j - 1, "of") || folded_is(b, j - 1, "for")) &&
        word(b, j - 2) && (T(b, j - 2)->flags & TF_CAP) &&
        !(T(b, j - 2)->lex & (W_DET | W_FUNCTION))) {
      /* "The Institute for Government said": an institution's name */
      uint32_t s2 = j - 2;
      while (s2 > lo && word(b, s2 - 1) && (T(b, s2 - 1)->flags & TF_CAP) &&
             !(T(b, s2 - 1)->lex & (W_DET | W_FUNCTION)))
        s2--;
      name_mention(b, m, s2, j + 1);
      return true;
    }
    if (nameish(b, j)) {
      uint32_t ns = name_start(b, j, lo);
      /* A name after a preposition is a complement ("le ministre de
       * l'Intérieur", "le locataire de la Place Beauvau"): the subject is
       * the noun phrase it completes. */
      uint32_t p = ns;
      if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_DET) &&
          !(T(b, p - 1)->lex & W_PREP) && !(T(b, p - 1)->flags & TF_CAP))
        p--;
      /* "The Institute for Government", "the Bank of England": an
       * English name goes on across of/for after a capitalised word */
      if (b->lid == PM_LANG_EN && p == ns && p > lo + 1 &&
          (folded_is(b, p - 1, "of") || folded_is(b, p - 1, "for")) &&
          word(b, p - 2) && (T(b, p - 2)->flags & TF_CAP) &&
          !(T(b, p - 2)->lex & (W_DET | W_FUNCTION))) {
        uint32_t s2 = p - 2;
        while (s2 > lo && word(b, s2 - 1) && (T(b, s2 - 1)->flags & TF_CAP) &&
               !(T(b, s2 - 1)->lex & (W_DET | W_FUNCTION)))
          s2--;
        name_mention(b, m, s2, j + 1);
        return true;
      }
      /* "The Taxpayers' Alliance": a plural possessive inside a name */
      if (ns > lo + 1 && T(b, ns - 1)->kind == T_QMARK &&
          !(T(b, ns - 1)->flags & TF_SPACE_BEFORE) && word(b, ns - 2) &&
          (T(b, ns - 2)->flags & TF_CAP) && b->text[T(b, ns - 2)->end - 1] == 's') {
        name_mention(b, m, ns - 2, j + 1);
        return true;
      }
      if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_PREP) &&
          !(T(b, p - 1)->lex & W_SOURCE) && !(T(b, p - 1)->flags & TF_CAP)) {
        if (p - 1 <= lo) return false;
        j = p - 2;
        continue;
      }
      name_mention(b, m, ns, j + 1);
      return true;
    }
    if (t->kind == T_WORD && !(t->flags & TF_CAP) &&
        (t->lex & (W_ROLE | W_INSTITUTION | W_OUTLET))) {
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
      return true;
    }
    /* "Two administration officials, who …, said": a plural noun after a
     * number or a determiner names an unnamed group */
    if (t->kind == T_WORD && !(t->flags & TF_CAP) && j > lo &&
        t->end - t->start > 3 && b->text[t->end - 1] == 's' &&
        !(t->lex & (W_FUNCTION | W_PREP | W_AUX | W_SPEECH))) {
      uint32_t k = j;
      while (k > lo && k + 3 > j && word(b, k - 1) && !(T(b, k - 1)->flags & TF_CAP) &&
             !(T(b, k - 1)->lex & (W_DET | W_PREP | W_FUNCTION | W_AUX)))
        k--;
      if (k > lo && (T(b, k - 1)->kind == T_NUMBER ||
                     (word(b, k - 1) && (T(b, k - 1)->lex & W_DET)))) {
        m->type = M_NP;
        m->ts = k - 1;
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

static bool subject_right(Block *b, uint32_t v, uint32_t hi, Mention *m) {
  memset(m, 0, sizeof *m);
  uint32_t j = v + 1;
  int skipped_pp = 0;
  while (j < hi) {
    /* l' is an elided determiner here, kept for the noun phrase after it */
    if ((skippable(b, j) && !((T(b, j)->lex & W_DET) && word(b, j + 1) &&
                              !(T(b, j + 1)->flags & TF_CAP))) ||
        (word(b, j) && speech_verb(b, j))) {
      j++;
      continue;
    }
    /* "explique à l'AFP Manuel Valls", "told reporters", "a confié à la
     * sortie de l'audience Karim Haddad" */
    if (skipped_pp < 2 && word(b, j) && (T(b, j)->lex & W_PREP) &&
        !(T(b, j)->flags & TF_CAP)) {
      skipped_pp++;
      j++;
      if (j < hi && word(b, j) && (T(b, j)->lex & W_DET)) j++;
      if (j < hi && word(b, j)) j++;
      continue;
    }
    break;
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
  if (nameish(b, j) || ((t->lex & W_HONORIFIC) && (t->flags & TF_CAP) &&
                         j + 1 < hi && nameish(b, j + (punct(b, j + 1, '.') ? 2 : 1)))) {
    uint32_t s = j;
    while (s < hi && !nameish(b, s)) s++;
    uint32_t e = name_end(b, s, hi);
    name_mention(b, m, s, e);
    /* "said John Smith, the mayor of X": bind the role. */
    if (punct(b, e, ',')) {
      for (uint32_t r = e + 1; r < hi && r < e + 5; r++) {
        if (word(b, r) && (T(b, r)->lex & W_ROLE) && !(T(b, r)->flags & TF_CAP)) {
          char f[64], nm[CTX_NAME];
          size_t fn = lex__fold(b->text + T(b, r)->start,
                                T(b, r)->end - T(b, r)->start, f);
          uint32_t a = T(b, s)->start, z = T(b, e - 1)->end;
          snprintf(nm, sizeof nm, "%.*s", (int)(z - a), b->text + a);
          if (fn) ctx__bind_role(b->ctx, f, fn, nm);
          break;
        }
        if (!word(b, r)) break;
      }
    }
    return true;
  }
  if (!(t->flags & TF_CAP) && !(t->lex & (W_FUNCTION | W_PREP | W_DET | W_QUE)) &&
      j + 1 < hi && nameish(b, j + 1)) {
    /* said resident Tom Baker / juge l'économiste Thomas Piketty */
    name_mention(b, m, j + 1, name_end(b, j + 1, hi));
    return true;
  }
  if ((t->lex & W_DET) && j + 2 < hi && (T(b, j + 1)->lex & (W_ROLE | W_INSTITUTION)) &&
      !(T(b, j + 1)->flags & TF_CAP) && nameish(b, j + 2)) {
    name_mention(b, m, j + 2, name_end(b, j + 2, hi));
    return true;
  }
  if ((t->lex & W_DET) && j + 1 < hi && nameish(b, j + 1)) {
    name_mention(b, m, j + 1, name_end(b, j + 1, hi));
    m->ts = j;
    return true;
  }
  if ((t->lex & W_DET) && j + 1 < hi && word(b, j + 1) &&
      !(T(b, j + 1)->flags & TF_CAP) &&
      !(T(b, j + 1)->lex & (W_ROLE | W_INSTITUTION | W_OUTLET | W_FUNCTION | W_PREP))) {
    /* an unnamed source: "confie un proche de X", "says a witness" */
    bool later_role = false;
    for (uint32_t k = j + 2; k < hi && k < j + 4; k++)
      if (word(b, k) && (T(b, k)->lex & (W_ROLE | W_INSTITUTION | W_OUTLET))) later_role = true;
    if (!later_role && nameish(b, j + 2) && !(T(b, j + 2)->flags & TF_ALLCAP) &&
        (name_end(b, j + 2, hi) - (j + 2) >= 2 ||
         (T(b, j + 2)->lex & (W_FIRST_M | W_FIRST_F)))) {
      /* "prévient la climatologue Valérie Masson-Delmotte" */
      name_mention(b, m, j + 2, name_end(b, j + 2, hi));
      m->ts = j;
      return true;
    }
    if (!later_role) {
      m->type = M_NP;
      m->ts = j;
      uint32_t e = j + 2;
      if (e + 1 < hi && word(b, e) && (T(b, e)->lex & W_PREP) &&
          ((b->text[T(b, e)->start] | 32) == 'd' || (b->text[T(b, e)->start] | 32) == 'o')) {
        e++;
        if (e < hi && word(b, e) && (T(b, e)->lex & W_DET)) e++;
        if (e < hi && nameish(b, e)) e = name_end(b, e, hi);
        else if (e < hi && word(b, e)) e++;
      }
      m->te = e;
      /* "l'adjoint aux travaux, Karim Benali": the apposed name wins */
      if (punct(b, e, ',') && e + 1 < b->toks.size && nameish(b, e + 1) &&
          !(T(b, e + 1)->flags & TF_ALLCAP) &&
          name_end(b, e + 1, b->toks.size) - (e + 1) >= 2) {
        name_mention(b, m, e + 1, name_end(b, e + 1, b->toks.size));
        return true;
      }
      return true;
    }
  }
  if (t->lex & W_DET) {
    for (uint32_t k = j + 1; k < hi && k < j + 4; k++) {
      const Token *h = T(b, k);
      if (h->kind != T_WORD) break;
      if (h->lex & (W_ROLE | W_INSTITUTION | W_OUTLET)) {
        m->type = (h->lex & W_OUTLET) ? M_OUTLET
                  : (h->lex & W_ROLE) ? M_ROLE : M_INST;
        m->head = k;
        m->ts = j;
        m->te = k + 1;
        /* the complement: "le ministre de l'Intérieur" */
        uint32_t e = k + 1;
        while (e + 1 < hi && word(b, e) && (T(b, e)->lex & W_PREP) && e < k + 5 &&
               ((b->text[T(b, e)->start] | 32) == 'd' ||
                (b->text[T(b, e)->start] | 32) == 'o')) {
          uint32_t x = e + 1;
          if (word(b, x) && (T(b, x)->lex & W_DET) && !(T(b, x)->flags & TF_CAP)) x++;
          if (x < hi && word(b, x)) {
            e = x + 1;
            /* du Premier ministre, of the Interior Ministry */
            while (e < hi && word(b, e) && (T(b, x)->flags & TF_CAP) &&
                   ((T(b, e)->flags & TF_CAP) || (T(b, e)->lex & W_ROLE)) && e < x + 3)
              e++;
          } else {
            break;
          }
        }
        /* "l'avocate générale, Claire Fontaine": one adjective after it */
        if (e + 1 < hi && word(b, e) && !(T(b, e)->flags & TF_CAP) &&
            !(T(b, e)->lex & (W_FUNCTION | W_PREP | W_SPEECH)) && punct(b, e + 1, ','))
          e++;
        m->te = e;
        /* "a tranché le rapporteur, Stéphane Travert": the name wins */
        if (punct(b, e, ',') && e + 1 < b->toks.size && nameish(b, e + 1) &&
            (h->lex & W_ROLE)) {
          uint32_t ne = name_end(b, e + 1, b->toks.size);
          char rf[64], nm[CTX_NAME];
          size_t rn = lex__fold(b->text + h->start, h->end - h->start, rf);
          snprintf(nm, sizeof nm, "%.*s", (int)(T(b, ne - 1)->end - T(b, e + 1)->start),
                   b->text + T(b, e + 1)->start);
          if (rn) ctx__bind_role(b->ctx, rf, rn, nm);
          name_mention(b, m, e + 1, ne);
          return true;
        }
        char f[64];
        size_t fn = lex__fold(b->text + t->start, t->end - t->start, f);
        if (fn && (!strcmp(f, "la") || !strcmp(f, "une"))) m->gender = 2;
        else if (fn && (!strcmp(f, "le") || !strcmp(f, "un"))) m->gender = 1;
        else if (h->lex & W_ROLE_F) m->gender = 2;
        return true;
      }
    }
  }
  return false;
}

static void name_mention(Block *b, Mention *m, uint32_t ns, uint32_t ne) {
  /* "le député LR Aurélien Pradié": the party is not part of the name */
  while (ns + 1 < ne && (T(b, ns)->flags & TF_ALLCAP) && !(T(b, ns + 1)->flags & TF_ALLCAP))
    ns++;
  m->type = M_NAME;
  m->ns = ns;
  m->ne = ne;
  m->ts = ns;
  m->te = ne;
  m->gender = name_gender(b, ns);
  uint32_t h = ns;
  if (h > 0 && punct(b, h - 1, '.') && h > 1 && (T(b, h - 2)->lex & W_HONORIFIC))
    h--;
  if (h > 0 && word(b, h - 1) && (T(b, h - 1)->lex & W_HONORIFIC)) {
    m->ts = h - 1;
    int g = honorific_gender(b, h - 1);
    if (g) m->gender = g;
    if (T(b, h - 1)->lex & W_ROLE) {
      char f[64], nm[CTX_NAME];
      size_t fn = lex__fold(b->text + T(b, h - 1)->start,
                            T(b, h - 1)->end - T(b, h - 1)->start, f);
      snprintf(nm, sizeof nm, "%.*s", (int)(T(b, ne - 1)->end - T(b, ns)->start),
               b->text + T(b, ns)->start);
      if (fn) ctx__bind_role(b->ctx, f, fn, nm);
    }
  } else if (h > 0 && word(b, h - 1) && (T(b, h - 1)->lex & W_ROLE) &&
             !(T(b, h - 1)->flags & TF_CAP)) {
    char f[64], nm[CTX_NAME];
    size_t fn = lex__fold(b->text + T(b, h - 1)->start,
                          T(b, h - 1)->end - T(b, h - 1)->start, f);
    snprintf(nm, sizeof nm, "%.*s", (int)(T(b, ne - 1)->end - T(b, ns)->start),
             b->text + T(b, ns)->start);
    if (fn) ctx__bind_role(b->ctx, f, fn, nm);
  }
}

/* ---- resolution ---------------------------------------------------------- */

typedef struct {
  char name[CTX_NAME];
  bool has_name;
  const char *suffix; /* appended to `how` */
  int gender;
  double conf;
} Resolved;

static bool compatible(int want, int have) {
  return want == 0 || have == 0 || want == have;
}

static const CtxPerson *recent_compatible(const PmContext *ctx, int gender) {
  /* A recent speaker of the pronoun's gender beats a more recent one of
   * unknown gender ("Sarah Jones … Dr. Amir Patel … she said"). */
  if (gender == 1 || gender == 2)
    for (size_t i = 0; i < 4 && ctx->recent[i].name[0]; i++)
      if (ctx->recent[i].gender == gender) return &ctx->recent[i];
  for (size_t i = 0; i < CTX_RECENT && ctx->recent[i].name[0]; i++)
    if (compatible(gender, ctx->recent[i].gender)) return &ctx->recent[i];
  for (size_t i = 0; i < CTX_ENTITIES && ctx->entities[i].name[0]; i++)
    if (compatible(gender, ctx->entities[i].gender) &&
        strchr(ctx->entities[i].name, ' '))
      return &ctx->entities[i];
  return NULL;
}

static uint32_t sentence_of(const Block *b, uint32_t tok);
static bool in_quote(const Block *b, uint32_t i);

/* The person a paragraph last put in subject position before token `upto`:
 * per sentence, latest first, a name that opens it (only determiners, role
 * nouns, complements and commas before it; no pronoun, verb or quotation)
 * and is a person: two words, a known first name or part of a known name.
 * "Élisabeth Borne répond. « … », a-t-elle déclaré" means her, even when
 * an older speaker of the same gender is on record. */
static bool local_subject(Block *b, uint32_t upto, int gender, Resolved *out) {
  if (!b->sents.size || upto == 0) return false;
  for (uint32_t si = sentence_of(b, upto - 1) + 1; si-- > 0;) {
    const Sentence *s = &b->sents.contents[si];
    uint32_t lim = s->end < upto ? s->end : upto;
    for (uint32_t k = s->start; k < lim && k < s->start + 24; k++) {
      const Token *t = T(b, k);
      if (t->kind == T_QMARK || in_quote(b, k)) break;
      if (t->kind == T_PUNCT && t->ch != ',' && t->ch != '-') break;
      if (t->kind != T_WORD) continue;
      if (!nameish(b, k)) {
        if ((t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_AUX | W_SPEECH |
                       W_FIRST_PERSON | W_QUE)) && !(t->lex & W_DET))
          break;
        continue;
      }
      uint32_t e = name_end(b, k, lim);
      {
        /* "Ortega's daughter, Elena,": the possessor is not the subject */
        const char *z0 = b->text + T(b, e - 1)->end;
        if ((T(b, e - 1)->end + 2 <= b->len && (z0[0] == '\'' && z0[1] == 's')) ||
            (T(b, e - 1)->end + 4 <= b->len && !memcmp(z0, "\xE2\x80\x99s", 4))) {
          k = e - 1;
          continue;
        }
      }
      if (k > s->start && word(b, k - 1) && (T(b, k - 1)->lex & (W_PREP | W_SOURCE)) &&
          !(T(b, k - 1)->flags & TF_CAP)) {
        k = e - 1;
        continue;
      }
      if (k > s->start + 1 && word(b, k - 1) && (T(b, k - 1)->lex & W_DET) &&
          word(b, k - 2) && (T(b, k - 2)->lex & W_PREP)) {
        k = e - 1;
        continue;
      }
      uint32_t a = T(b, k)->start, z = T(b, e - 1)->end;
      const CtxPerson *p = e - k == 1 ? ctx__entity_by_part(b->ctx, b->text + a, z - a) : NULL;
      int g = p ? p->gender : name_gender(b, k);
      bool person = p || (e - k >= 2 && !(T(b, k)->flags & TF_ALLCAP)) ||
                    (T(b, k)->lex & (W_FIRST_M | W_FIRST_F));
      if (!person) {
        k = e - 1;
        continue;
      }
      if (!compatible(gender, g)) break;
      /* A name of unknown gender stands for il/she only close by. */
      if (g == 0 && (gender == 1 || gender == 2) && si + 1 < sentence_of(b, upto - 1))
        return false;
      memset(out, 0, sizeof *out);
      if (p) snprintf(out->name, sizeof out->name, "%s", p->name);
      else snprintf(out->name, sizeof out->name, "%.*s", (int)(z - a), b->text + a);
      out->has_name = true;
      out->gender = g;
      out->suffix = "+pronoun";
      out->conf = 0.85;
      return true;
    }
  }
  return false;
}

static Resolved resolve(Block *b, const Mention *m) {
  Resolved r;
  memset(&r, 0, sizeof r);
  r.conf = 1.0;
  r.gender = m->gender;
  if (m->type == M_NAME) {
    uint32_t a = T(b, m->ns)->start, z = T(b, m->ne - 1)->end;
    /* A trailing possessive ('s) is not part of the name. */
    const CtxPerson *p = NULL;
    if (m->ne - m->ns == 1) p = ctx__entity_by_part(b->ctx, b->text + a, z - a);
    if (p) {
      snprintf(r.name, sizeof r.name, "%s", p->name);
      if (!r.gender) r.gender = p->gender;
      r.suffix = strlen(p->name) != z - a ? "+surname" : "";
    } else {
      snprintf(r.name, sizeof r.name, "%.*s", (int)(z - a), b->text + a);
      r.suffix = "";
    }
    r.has_name = true;
    return r;
  }
  if (m->type == M_PRON) {
    if (m->gender == 3) {
      r.conf = 0.6;
      r.suffix = "+pronoun";
      return r;
    }
    if (local_subject(b, m->ts, m->gender, &r)) return r;
    const CtxPerson *p = recent_compatible(b->ctx, m->gender);
    r.suffix = "+pronoun";
    r.conf = 0.9;
    if (p) {
      snprintf(r.name, sizeof r.name, "%s", p->name);
      r.has_name = true;
    }
    return r;
  }
  if (m->type == M_ROLE) {
    const Token *h = T(b, m->head);
    char f[64];
    size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
    const char *nm = fn ? ctx__role(b->ctx, f, fn) : NULL;
    if (nm) {
      snprintf(r.name, sizeof r.name, "%s", nm);
      r.has_name = true;
      r.suffix = "+role";
      r.conf = 0.9;
      return r;
    }
    /* Unbound: the most recent speaker, only when compatible (skipping to
     * an older one would guess) and never for an indefinite "un conseiller",
     * who is someone new. */
    const CtxPerson *p = NULL;
    bool indefinite = false;
    if (m->ts < m->head) {
      char df[64];
      size_t dn = lex__fold(b->text + T(b, m->ts)->start,
                            T(b, m->ts)->end - T(b, m->ts)->start, df);
      indefinite = dn && (!strcmp(df, "un") || !strcmp(df, "une") ||
                          !strcmp(df, "a") || !strcmp(df, "an") ||
                          !strcmp(df, "des"));
    }
    if (indefinite) {
      r.suffix = "";
      r.conf = 0.7;
      return r;
    }
    if (b->ctx->recent[0].name[0]) {
      if (compatible(m->gender, b->ctx->recent[0].gender)) p = &b->ctx->recent[0];
    } else {
      /* no speaker yet: the last person named with a known first name */
      for (size_t i = 0; i < CTX_ENTITIES && b->ctx->entities[i].name[0]; i++)
        if (b->ctx->entities[i].gender) {
          if (compatible(m->gender, b->ctx->entities[i].gender)) p = &b->ctx->entities[i];
          break;
        }
    }
    r.suffix = "+role-recent";
    r.conf = 0.7;
    if (p) {
      snprintf(r.name, sizeof r.name, "%s", p->name);
      r.has_name = true;
    }
    return r;
  }
  if (m->type == M_OUTLET && b->ctx->last_title[0]) {
    snprintf(r.name, sizeof r.name, "%s", b->ctx->last_title);
    r.has_name = true;
    r.suffix = "+title";
    r.conf = 0.8;
    return r;
  }
  r.suffix = "";
  r.conf = 0.7;
  return r;
}

/* ---- cues ------------------------------------------------------------------ */

typedef struct {
  uint32_t so, eo; /* token bounds of the sentence holding the open mark */
  uint32_t sc, ec; /* ... and the close mark */
} Bounds;

static uint32_t sentence_of(const Block *b, uint32_t tok) {
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
static bool in_quote(const Block *b, uint32_t i) {
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

/* Cue searches look at most this many tokens away from the quotation, so a
 * paragraph with thousands of quotations stays linear. */
#define WINDOW 48

static bool gerund(const Block *b, uint32_t v) {
  const Token *t = T(b, v);
  uint32_t n = t->end - t->start;
  const char *w = b->text + t->start;
  if (n < 5) return false;
  if (b->lid == PM_LANG_EN) return !memcmp(w + n - 3, "ing", 3);
  return !memcmp(w + n - 3, "ant", 3);
}

/* The relative pronoun (qui, who) just before verb v, skipping auxiliaries
 * and adverbs, or NONE. */
static uint32_t relative_before(const Block *b, uint32_t v, uint32_t lo) {
  uint32_t j = v;
  while (j > lo && skippable(b, j - 1)) j--;
  if (j > lo && (folded_is(b, j - 1, "qui") || folded_is(b, j - 1, "who")))
    return j - 1;
  return NONE;
}

static Cue cue_at_verb(Block *b, uint32_t v, uint32_t lo, uint32_t hi,
                       const char *how, double conf, bool right_first) {
  Cue c;
  memset(&c, 0, sizeof c);
  uint32_t verb = v;
  /* a-t-il déclaré: the stance is the participle's */
  for (uint32_t k = v; k < hi && k < v + 4; k++)
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
  } else if (gerund(b, v)) {
    /* "…, saying …", "en affirmant que": the subject of the sentence */
    for (uint32_t k = lo; k < v && !c.found; k++) {
      if (!nameish(b, k) || (T(b, k)->flags & TF_ALLCAP) || in_quote(b, k)) continue;
      if (k > lo && word(b, k - 1) && (T(b, k - 1)->lex & W_PREP)) continue;
      name_mention(b, &c.m, k, name_end(b, k, v));
      c.found = true;
    }
  } else if (relative_before(b, v, lo) != NONE) {
    /* "Arnaud Rousseau, son président, qui juge le plan « … »": the
     * subject is what "qui" stands for, never the object after the verb. */
    c.found = subject_left(b, relative_before(b, v, lo), lo, &c.m);
  } else if (right_first) {
    c.found = subject_right(b, verb, hi, &c.m) || subject_left(b, v, lo, &c.m);
  } else {
    c.found = subject_left(b, v, lo, &c.m) || subject_right(b, verb, hi, &c.m);
  }
  c.how = how;
  c.conf = conf;
  return c;
}

/* A speech verb right after the closing mark. */
static Cue cue_after(Block *b, uint32_t c, uint32_t hi) {
  Cue none;
  memset(&none, 0, sizeof none);
  /* "…" — Hugh Hill (a signature, after the sentence's end) */
  if (punct(b, c + 1, '-') && c + 2 < b->toks.size && nameish(b, c + 2)) {
    Cue d;
    memset(&d, 0, sizeof d);
    name_mention(b, &d.m, c + 2, name_end(b, c + 2, b->toks.size));
    d.found = true;
    d.how = "dash";
    d.conf = 0.8;
    return d;
  }
  uint32_t i = c + 1;
  if (punct(b, i, ',')) i++;
  if (i >= hi) return none;
  /* « … », estime-t-il / a-t-il déclaré / juge Manuel Valls / said Smith */
  if (inverted(b, i) || speech_verb(b, i)) {
    bool speech = speech_verb(b, i);
    for (uint32_t k = i; !speech && k < hi && k < i + 4; k++)
      if (word(b, k) && (T(b, k)->lex & W_SPEECH)) speech = true;
    if (speech) return cue_at_verb(b, i, c + 1, hi, "verb-after", 0.9, true);
  }
  /* "…," Smith said / he said / the senator said; », Manuel Valls a dit;
   * "…," Dr. Amir Patel, an emergency physician at X, told Y */
  for (uint32_t k = i; k < hi && k < i + 20; k++) {
    if (T(b, k)->kind == T_QMARK) break;
    /* "called the action "…" and said …": a second predicate of the
     * subject before the quotation */
    if (folded_is(b, k, "and") || folded_is(b, k, "et")) break;
    if (T(b, k)->kind == T_PUNCT && strchr(";:!?()[]", T(b, k)->ch)) break;
    if (speech_verb(b, k)) {
      Cue cu = cue_at_verb(b, k, c + 1, hi, "verb-after", 0.85, false);
      if (cu.found) return cu;
      break;
    }
  }
  return none;
}

/* Cues before the opening mark, within [lo, o). */
static Cue cue_before(Block *b, uint32_t o, uint32_t lo, uint32_t hi) {
  Cue none;
  memset(&none, 0, sizeof none);
  if (o > lo + WINDOW) lo = o - WINDOW;
  /* X : « … » / Réponse de X : si … « … » / X a déclaré : « … » */
  for (uint32_t k = o; k > lo; k--) {
    if (!punct(b, k - 1, ':')) continue;
    uint32_t colon = k - 1;
    /* "Sécheresse : le gouvernement promet un « plan eau »": a heading
     * before a colon does not speak a short expression further on. */
    if (colon + 1 != o) {
      uint32_t words = 0;
      bool stop = false;
      for (uint32_t q = o + 1; q < b->toks.size && T(b, q)->kind != T_QMARK; q++) {
        if (T(b, q)->kind == T_WORD || T(b, q)->kind == T_NUMBER) words++;
        if (T(b, q)->kind == T_PUNCT && strchr(".!?", T(b, q)->ch)) stop = true;
      }
      if (words <= 4 && !stop) break;
    }
    /* "un collègue de Brest : « … »": a name after a preposition
     * completes a noun; the verb search below finds the speaker. */
    bool complement = colon > lo + 1 && nameish(b, colon - 1) &&
                      name_start(b, colon - 1, lo) > lo &&
                      word(b, name_start(b, colon - 1, lo) - 1) &&
                      (T(b, name_start(b, colon - 1, lo) - 1)->lex & W_PREP) &&
                      !(T(b, name_start(b, colon - 1, lo) - 1)->flags & TF_CAP) &&
                      name_start(b, colon - 1, lo) - 1 > lo &&
                      !(T(b, name_start(b, colon - 1, lo) - 2)->flags & TF_CAP);
    if (colon > lo && nameish(b, colon - 1) && !in_quote(b, colon - 1) && !complement) {
      Cue c;
      memset(&c, 0, sizeof c);
      name_mention(b, &c.m, name_start(b, colon - 1, lo), colon);
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
        if (speech_verb(b, k)) verb = true;
      for (uint32_t k = lo; k < colon && !verb; k++) {
        if (!nameish(b, k) || (T(b, k)->flags & TF_ALLCAP) || in_quote(b, k)) continue;
        uint32_t p = k;
        if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_DET) &&
            !(T(b, p - 1)->flags & TF_CAP))
          p--;
        if (p > lo && word(b, p - 1) && (T(b, p - 1)->lex & W_PREP)) {
          k = name_end(b, k, colon) - 1;
          continue;
        }
        Cue c;
        memset(&c, 0, sizeof c);
        name_mention(b, &c.m, k, name_end(b, k, colon));
        c.found = true;
        c.how = "colon";
        c.conf = 0.75;
        return c;
      }
    }
    break;
  }
  for (uint32_t k = o; k > lo; k--) {
    uint32_t v = k - 1;
    if (T(b, v)->kind != T_WORD || !(T(b, v)->lex & W_SPEECH)) continue;
    if (in_quote(b, v)) continue;
    if (speech_verb(b, v)) {
      Cue c = cue_at_verb(b, v, lo, o, "verb-before", 0.8, false);
      if (c.found) return c;
    }
  }
  (void)hi;
  return none;
}

/* Selon X / d'après X / pour X, / according to X anywhere in [lo, hi). */
static Cue cue_source(Block *b, uint32_t lo, uint32_t hi, uint32_t *after) {
  Cue none;
  memset(&none, 0, sizeof none);
  for (uint32_t k = lo; k < hi; k++) {
    if (!word(b, k) || !(T(b, k)->lex & W_SOURCE)) continue;
    /* "Pour X, …" only opens a sentence: most "pour" are not sources */
    if ((b->text[T(b, k)->start] | 32) == 'p' && k != lo) continue;
    if (in_quote(b, k)) continue;
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
    Cue c;
    memset(&c, 0, sizeof c);
    if (word(b, x) && (T(b, x)->lex & W_PRON_OBJ)) {
      c.m.type = M_PRON;
      c.m.ts = x;
      c.m.te = x + 1;
      c.m.gender = pron_gender(T(b, x));
      if (c.m.gender == 3 && (T(b, x)->lex & W_PRON_M)) c.m.gender = 1;
      c.found = true;
      if (after) *after = x + 1;
    } else if (subject_right(b, x - 1, hi, &c.m) && c.m.type != M_PRON &&
               c.m.type != M_NP) {
      /* a name, a role or an institution; not "un sondage", "nos
       * informations" */
      c.found = true;
      if (after) *after = c.m.te;
    }
    if (!c.found) continue;
    if (!strcmp(f, "pour")) {
      /* Pour X, … only at the start of a sentence and before a comma. */
      if (k != lo || !punct(b, c.m.te, ',')) continue;
    }
    c.how = "source";
    c.conf = 0.85;
    return c;
  }
  return none;
}

/* Title: a short capitalised quotation after a title cue or a preposition
 * ("Interrogé par "Libération"", "the New York Times"). */
static bool is_title(Block *b, const RawQuote *r) {
  if (r->open_tok == NONE || r->close_tok == NONE) return false;
  uint32_t o = r->open_tok, c = r->close_tok;
  if (c - o - 1 == 0 || c - o - 1 > 6) return false;
  if (!(T(b, o + 1)->flags & TF_CAP) && T(b, o + 1)->kind != T_NUMBER) return false;
  uint32_t caps = 0, words = 0;
  for (uint32_t k = o + 1; k < c; k++) {
    if (T(b, k)->kind == T_PUNCT && strchr(".!?,;", T(b, k)->ch)) return false;
    if (T(b, k)->kind == T_WORD) {
      words++;
      if (T(b, k)->flags & TF_CAP) caps++;
    }
  }
  if (o == 0 || !word(b, o - 1)) return false;
  const Token *p = T(b, o - 1);
  if (p->lex & W_TITLE_CUE) return true;
  if ((p->lex & W_PREP) && (caps * 2 >= words || words <= 2)) {
    if (cue_after(b, c, b->toks.size).found) return false;
    return true;
  }
  if ((p->lex & W_DET) && caps == words && words <= 4 && o >= 2 &&
      word(b, o - 2) && (T(b, o - 2)->lex & W_TITLE_CUE))
    return true;
  return false;
}

static const char *how_str(Block *b, const char *how, const char *suffix) {
  char buf[64];
  snprintf(buf, sizeof buf, "%s%s", how, suffix ? suffix : "");
  return res__str(b->res, buf, strlen(buf));
}

/* Makes a PmQuote speaker from a cue, noting the speaker in the context. */
static void set_speaker(Block *b, PmQuote *q, const Cue *c) {
  Resolved r = resolve(b, &c->m);
  q->has_speaker = true;
  q->speaker.name = r.has_name ? res__str(b->res, r.name, strlen(r.name)) : NULL;
  uint32_t a = T(b, c->m.ts)->start, z = T(b, c->m.te - 1)->end;
  q->speaker.mention = res__str(b->res, b->text + a, z - a);
  q->speaker.start = a;
  q->speaker.end = z;
  q->speaker.how = how_str(b, c->how, r.suffix);
  q->speaker.stance = (PmStance)c->stance;
  q->confidence = c->conf * r.conf;
  if (r.has_name && c->m.type != M_OUTLET) {
    ctx__note_speaker(b->ctx, r.name, r.gender == 3 ? 0 : r.gender);
    ctx__set_person(&b->ctx->last_speaker, r.name, strlen(r.name),
                    r.gender == 3 ? 0 : r.gender);
  }
}

static void copy_person_speaker(Block *b, PmQuote *q, const CtxPerson *p,
                                const char *how, double conf) {
  q->has_speaker = true;
  q->speaker.name = res__str(b->res, p->name, strlen(p->name));
  q->speaker.mention = NULL;
  q->speaker.start = q->speaker.end = 0;
  q->speaker.how = how;
  q->speaker.stance = PM_STANCE_NONE;
  q->confidence = conf;
}

static uint32_t count_words(const Block *b, const RawQuote *r) {
  uint32_t n = 0;
  uint32_t lim = r->close_tok == NONE ? b->toks.size : r->close_tok;
  for (uint32_t i = r->open_tok + 1; i < lim; i++) {
    const Token *t = T(b, i);
    if (t->start >= r->start && t->end <= r->end &&
        (t->kind == T_WORD || t->kind == T_NUMBER))
      n++;
  }
  return n;
}

static bool ends_sentence_inside(const Block *b, const RawQuote *r) {
  uint32_t lim = r->close_tok == NONE ? b->toks.size : r->close_tok;
  for (uint32_t i = r->open_tok + 1; i < lim; i++)
    if (T(b, i)->kind == T_PUNCT && strchr(".!?", T(b, i)->ch)) return true;
  return false;
}

/* The whole group of raw quotes starting at index g (same group). */
static void attribute_group(Block *b, uint32_t g, uint32_t gend) {
  RawQuote *r = &b->raw.contents[g];
  PmContext *ctx = b->ctx;
  Cue cue;
  memset(&cue, 0, sizeof cue);
  bool title = false;
  uint32_t o = r->open_tok, c = r->close_tok;
  uint32_t so = sentence_of(b, o);
  uint32_t lo = b->sents.size ? b->sents.contents[so].start : 0;
  uint32_t sc = c == NONE ? so : sentence_of(b, c);
  uint32_t hi = b->sents.size ? b->sents.contents[sc].end : b->toks.size;
  /* The sentence with the closing mark may end inside the quote (« Il part. »
   * a-t-il dit): the splitter glues a lowercase continuation, so hi holds. */
  if (!ctx->in_comments) {
    if (r->incise != NONE) {
      uint32_t v = r->incise;
      cue = cue_at_verb(b, v, o + 1, c == NONE ? b->toks.size : c, "incise", 0.95,
                        true);
    }
    if (!cue.found && c != NONE) {
      cue = cue_after(b, c, hi);
      /* A named subject earlier in the sentence beats a pronoun after it
       * ("X estime que « … » pour …, annonce-t-il"). */
      if (cue.found && cue.m.type == M_PRON) {
        Cue before = cue_before(b, o, lo, hi);
        if (before.found && before.m.type == M_NAME) cue = before;
      }
    }
    if (!cue.found && c != NONE && is_title(b, r)) title = true;
    if (!cue.found && !title) cue = cue_before(b, o, lo, hi);
    if (!cue.found && !title)
      cue = cue_source(b, o > lo + WINDOW ? o - WINDOW : lo,
                       hi > o + WINDOW ? o + WINDOW : hi, NULL);
    if (!cue.found && !title && o == 0 && ctx->lead_in && ctx->lead_speaker.name[0]) {
      /* handled below as a person */
    }
  }
  double conf = 0.5;
  for (uint32_t k = g; k < gend; k++) {
    RawQuote *x = &b->raw.contents[k];
    PmQuote *q = pm_array_grow_one(&b->res->quotes);
    q->start = x->start;
    q->end = x->end;
    q->kind = PM_QUOTE_QUOTE;
    if (title) {
      q->kind = PM_QUOTE_TITLE;
      q->confidence = 0.7;
      uint32_t n = x->end - x->start;
      if (n < CTX_NAME) snprintf(ctx->last_title, sizeof ctx->last_title, "%.*s",
                                 (int)n, b->text + x->start);
      continue;
    }
    if (cue.found) {
      set_speaker(b, q, &cue);
      conf = q->confidence;
      ctx->last_age = 0;
      continue;
    }
    uint32_t words = count_words(b, x);
    bool sentence_like = words >= 5 || ends_sentence_inside(b, x);
    if (ctx->in_comments) {
      q->kind = sentence_like || words > 4 ? PM_QUOTE_QUOTE : PM_QUOTE_TERM;
      q->confidence = 0.5;
      continue;
    }
    if (x->continued && ctx->open_speaker.name[0]) {
      copy_person_speaker(b, q, &ctx->open_speaker, "continued", 0.8);
    } else if (o == 0 && ctx->lead_in && ctx->lead_speaker.name[0]) {
      copy_person_speaker(b, q, &ctx->lead_speaker, "lead-in", 0.75);
      ctx->last_age = 0;
    } else if (sentence_like && ctx->last_speaker.name[0] && ctx->last_age <= 3) {
      copy_person_speaker(b, q, &ctx->last_speaker, "follow-on", 0.6);
    } else if (!sentence_like && words <= 4) {
      q->kind = PM_QUOTE_TERM;
      q->confidence = 0.6;
    } else {
      q->confidence = 0.5;
    }
    conf = q->confidence;
  }
  (void)conf;
  /* A quote still open at the paragraph end: remember its speaker for the
   * next paragraph, and give a speaker found now to earlier pieces. */
  PmQuote *last = pm_array_back(&b->res->quotes);
  if (r->continued && last->has_speaker && b->open_first != NONE) {
    for (uint32_t k = b->open_first; k + 1 < b->res->quotes.size; k++) {
      PmQuote *q = &b->res->quotes.contents[k];
      if (!q->has_speaker || !strcmp(q->speaker.how, "continued")) {
        q->has_speaker = true;
        q->speaker = last->speaker;
        q->confidence = last->confidence;
        if (q->kind == PM_QUOTE_TERM) q->kind = PM_QUOTE_QUOTE;
      }
    }
  }
  if (b->raw.contents[gend - 1].left_open) {
    if (!r->continued) {
      b->open_first = b->res->quotes.size - 1;
      memset(&ctx->open_speaker, 0, sizeof ctx->open_speaker);
    }
    if (last->has_speaker && last->speaker.name)
      ctx__set_person(&ctx->open_speaker, last->speaker.name,
                      strlen(last->speaker.name), 0);
  } else if (r->continued) {
    b->open_first = NONE;
    memset(&ctx->open_speaker, 0, sizeof ctx->open_speaker);
  }
}

/* ---- indirect speech ------------------------------------------------------ */

static void add_indirect(Block *b, uint32_t from, uint32_t to, const Cue *c) {
  /* trim final punctuation */
  while (to > from && T(b, to - 1)->kind == T_PUNCT) to--;
  if (to <= from + 2) return;
  PmQuote *q = pm_array_grow_one(&b->res->quotes);
  q->start = T(b, from)->start;
  q->end = T(b, to - 1)->end;
  q->kind = PM_QUOTE_INDIRECT;
  set_speaker(b, q, c);
  q->confidence *= 0.9;
  b->ctx->last_age = 0;
}

/* "Les négociations reprendront vendredi, a précisé Karim Benali." /
 * "…, state officials said.": a sentence whose last comma opens a short
 * attribution that ends it reports everything before that comma. */
static bool trailing_attribution(Block *b, const Sentence *s) {
  uint32_t end = s->end;
  while (end > s->start && T(b, end - 1)->kind == T_PUNCT) end--;
  for (uint32_t c = end; c > s->start + 4 && c + 14 > end; c--) {
    if (!punct(b, c - 1, ',')) continue;
    uint32_t k = c; /* first token after the comma */
    uint32_t v = NONE;
    for (uint32_t x = k; x < end && x < k + 5; x++) {
      if (T(b, x)->kind != T_WORD) break;
      if (speech_verb(b, x) || (inverted(b, x) && (T(b, x)->lex & W_SPEECH))) {
        v = x;
        /* "state officials said": the first word only looked like a verb */
        for (uint32_t y = x + 1; y < end && y < x + 3; y++)
          if (speech_verb(b, y)) v = y;
        break;
      }
      if (inverted(b, x)) { /* a-t-il précisé, a-t-on appris */
        if (x + 1 < end && word(b, x + 1) && !(T(b, x + 1)->flags & TF_CAP) &&
            ((T(b, x + 1)->lex & W_SPEECH) || (T(b, x)->flags & TF_INV_PL)))
          v = x;
        break;
      }
    }
    if (v == NONE) continue; /* "…, a précisé l'adjoint, Karim Benali." */
    if (gerund(b, v)) return false;
    /* the verb's complement may follow (de source syndicale, on Friday),
     * but no new clause */
    for (uint32_t x = v + 1; x < end; x++)
      if (word(b, x) && (T(b, x)->lex & W_QUE)) return false;
    if (v > k && folded_is(b, v - 1, "to")) return false;
    /* the subject may not lie before the comma: "Jen Psaki, declined to
     * comment" is an apposition, not an attribution */
    uint32_t before_end = c - 1;
    Cue cu = cue_at_verb(b, v, s->start, end, "indirect-after", 0.75, true);
    if (cu.found && cu.m.ts < k) return false;
    if (!cu.found) {
      /* "a précisé l'adjoint aux travaux, Karim Benali": an apposed name */
      for (uint32_t x = v + 1; x + 2 < end && x < v + 7; x++) {
        if (!punct(b, x, ',')) {
          if (T(b, x)->kind != T_WORD) break;
          continue;
        }
        if (nameish(b, x + 1) && name_end(b, x + 1, end) - (x + 1) >= 2) {
          name_mention(b, &cu.m, x + 1, name_end(b, x + 1, end));
          cu.found = true;
          cu.how = "indirect-after";
          cu.conf = 0.75;
          cu.stance = T(b, v)->stance;
        }
        break;
      }
    }
    if (!cu.found && v + 1 < end && word(b, v + 1) && (T(b, v + 1)->flags & TF_CAP) &&
        !(T(b, v + 1)->lex & (W_DET | W_PREP))) {
      /* "a indiqué Matignon": an institution named by a capitalised word */
      name_mention(b, &cu.m, v + 1, name_end(b, v + 1, end));
      cu.found = true;
      cu.how = "indirect-after";
      cu.conf = 0.75;
      cu.stance = T(b, v)->stance;
    }
    /* "conteste ces chiffres", "a demandé l'acquittement": a plain noun
     * phrase after the verb is its object; only an indefinite one is an
     * unnamed subject ("confie un proche") */
    if (cu.found && cu.m.type == M_NP && cu.m.ts > v &&
        !(folded_is(b, cu.m.ts, "un") || folded_is(b, cu.m.ts, "une") ||
          folded_is(b, cu.m.ts, "a") || folded_is(b, cu.m.ts, "an")))
      return false;
    /* nothing after the verb and its subject but a complement: "said on
     * Friday", "a indiqué Matignon"; not an object ("conteste ces
     * chiffres") */
    uint32_t rest = v + 1;
    if (cu.found && cu.m.te > rest) rest = cu.m.te;
    if (inverted(b, v)) {
      rest = rest > v + 2 ? rest : v + 2;
      if (rest < end && word(b, rest) && !(T(b, rest)->flags & TF_CAP) &&
          !(T(b, rest)->lex & W_PREP))
        rest++; /* a-t-on appris */
    }
    if (rest < end && !(word(b, rest) && (T(b, rest)->lex & (W_PREP | W_MONTH)) &&
                        !(T(b, rest)->flags & TF_CAP)) &&
        !punct(b, rest, ','))
      return false;
    (void)before_end;
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
      if (punct(b, x, '-') && x + 1 < c - 1) from = x + 1;
    add_indirect(b, from, c - 1, &cu);
    return true;
  }
  return false;
}

static void indirect(Block *b, const Sentence *s) {
  /* A sentence with a quotation reports nothing more: the quotation
   * carries the speech (the annotated convention marks only the quoted
   * words of "a assuré que les agriculteurs ne seraient « pas … »"). */
  for (uint32_t i = s->start; i < s->end; i++)
    if (T(b, i)->kind == T_QMARK) return;
  for (uint32_t v = s->start; v < s->end; v++) {
    if (!(speech_verb(b, v) || (inverted(b, v) && v + 1 < s->end))) continue;
    if (!speech_verb(b, v)) continue;
    /* "Une affirmation que conteste Laurent Berger": whoever a speech verb
     * names speaks next, for pronouns and roles. */
    if (b->lid == PM_LANG_FR && v + 1 < s->end && nameish(b, v + 1) &&
        !(T(b, v)->flags & TF_CAP)) {
      Mention nm;
      memset(&nm, 0, sizeof nm);
      name_mention(b, &nm, v + 1, name_end(b, v + 1, s->end));
      Resolved r = resolve(b, &nm);
      if (r.has_name) ctx__note_speaker(b->ctx, r.name, r.gender == 3 ? 0 : r.gender);
    }
    {
      /* a gerund (en affirmant que) has no subject of its own */
      const Token *t = T(b, v);
      if (b->lid == PM_LANG_FR && t->end - t->start > 4 &&
          !memcmp(b->text + t->end - 3, "ant", 3))
        continue;
    }
    /* the complementizer within three tokens: "a indiqué qu'", "said that",
     * "a estimé mardi que" */
    uint32_t q = NONE;
    /* "said in a statement that", "told reporters at the Capitol that",
     * "a déclaré à la presse que": a complement may stand between. */
    uint32_t reach = v + 4;
    if (word(b, v + 1) && !(T(b, v + 1)->flags & TF_CAP) &&
        ((T(b, v + 1)->lex & W_PREP) || folded_is(b, v, "told") ||
         folded_is(b, v, "tell") || folded_is(b, v, "tells")))
      reach = v + 8;
    for (uint32_t k = v + 1; k < s->end && k < reach; k++) {
      if (word(b, k) && (T(b, k)->lex & W_QUE)) {
        char f[64];
        size_t fn = lex__fold(b->text + T(b, k - 1)->start,
                              T(b, k - 1)->end - T(b, k - 1)->start, f);
        if (fn && (!strcmp(f, "ce") || !strcmp(f, "de"))) break; /* ce que */
        q = k;
        break;
      }
      if (T(b, k)->kind != T_WORD) break;
    }
    Cue c;
    if (q != NONE) {
      c = cue_at_verb(b, v, s->start, q, "indirect", 0.8, false);
      if (!c.found) continue;
      if (c.m.type == M_PRON && c.m.gender == 3 && !inverted(b, v)) continue;
      add_indirect(b, q + 1, s->end, &c);
      return;
    }
    /* English without "that": "He said the plan would fail." (not "have
     * not said when …") */
    bool negated = false;
    for (uint32_t k = v > s->start + 2 ? v - 2 : s->start;
         b->lid == PM_LANG_EN && k < v; k++) {
      char f[64];
      size_t fn = lex__fold(b->text + T(b, k)->start, T(b, k)->end - T(b, k)->start, f);
      if (fn && (!strcmp(f, "not") || !strcmp(f, "never") || !strcmp(f, "n't")))
        negated = true;
    }
    if (b->lid == PM_LANG_EN && !negated && v + 1 < s->end && word(b, v + 1) &&
        !((b->text[T(b, v + 1)->start] | 32) == 'w' &&
          (T(b, v + 1)->lex & W_FUNCTION)) &&
        !(T(b, v + 1)->lex & (W_PREP | W_AUX)) && s->end - v > 5) {
      const char *w = b->text + T(b, v)->start;
      uint32_t wn = T(b, v)->end - T(b, v)->start;
      /* any finite form: said, says, alleged, allege (not saying) */
      if (wn > 4 && !memcmp(w + wn - 3, "ing", 3)) continue;
      /* "described the family as quiet" names, it reports no clause */
      if (wn > 7 && !memcmp(w, "describ", 7)) continue;
      (void)w;
      c = cue_at_verb(b, v, s->start, v, "indirect", 0.7, false);
      if (!c.found) continue;
      uint32_t from = v + 1;
      /* "told Reuters the company would…": skip the hearer */
      const char *tw = b->text + T(b, v)->start;
      if ((wn == 4 && !memcmp(tw, "told", 4)) || (wn == 4 && !memcmp(tw, "tell", 4)) ||
          (wn == 5 && !memcmp(tw, "tells", 5))) {
        if (nameish(b, from)) from = name_end(b, from, s->end);
        else if (word(b, from) && (T(b, from)->lex & W_DET)) from += 2;
        else from++;
        if (from < s->end && word(b, from) && (T(b, from)->lex & W_QUE)) from++;
        if (from >= s->end || !word(b, from) || (T(b, from)->lex & W_PREP)) continue;
      }
      add_indirect(b, from, s->end, &c);
      return;
    }
  }
  if (trailing_attribution(b, s)) return;
  /* Selon X, … / …, according to X. */
  uint32_t after = 0;
  Cue c = cue_source(b, s->start, s->end, &after);
  if (c.found && s->end - s->start > 5) {
    uint32_t k = after;
    if (punct(b, k, ',')) k++;
    if (k < s->end && s->end - k > 3) {
      c.how = "indirect-source";
      add_indirect(b, k, s->end, &c);
    } else if (c.m.ts > s->start + 3) {
      uint32_t src = c.m.ts;
      while (src > s->start && word(b, src - 1) &&
             (T(b, src - 1)->lex & W_SOURCE || T(b, src - 1)->kind == T_WORD) &&
             src + 3 > c.m.ts)
        src--;
      c.how = "indirect-source";
      add_indirect(b, s->start, src, &c);
    }
  }
}

/* Registers named people of the paragraph (two or more capitalised words,
 * or a name after an honorific) and role appositions. */
static void note_entities(Block *b) {
  uint32_t n = b->toks.size;
  for (uint32_t i = 0; i < n; i++) {
    if (!nameish(b, i)) continue;
    uint32_t e = name_end(b, i, n);
    uint32_t s = i;
    i = e - 1;
    bool after_prep = s > 0 && word(b, s - 1) && (T(b, s - 1)->lex & (W_PREP | W_DET)) &&
                      !(T(b, s - 1)->lex & W_HONORIFIC);
    bool hon = s > 0 && word(b, s - 1 - (punct(b, s - 1, '.') ? 1 : 0)) &&
               (T(b, s - 1 - (punct(b, s - 1, '.') ? 1 : 0))->lex & W_HONORIFIC);
    bool first = (T(b, s)->lex & (W_FIRST_M | W_FIRST_F)) != 0;
    if (e - s > 4) continue;
    if (!(hon || (e - s >= 2 && (first || !after_prep)))) continue;
    if (e - s == 1 && !hon) continue;
    Mention m;
    memset(&m, 0, sizeof m);
    name_mention(b, &m, s, e);
    uint32_t a = T(b, s)->start, z = T(b, e - 1)->end;
    if (z - a >= CTX_NAME) continue;
    if (e - s == 1 && ctx__entity_by_part(b->ctx, b->text + a, z - a)) continue;
    ctx__note_entity(b->ctx, b->text + a, z - a, m.gender);
    /* Apposition around the name: "Le ministre de l'Intérieur, Manuel
     * Valls," / "Paul Henrion, président de la commission," */
    char nm[CTX_NAME];
    snprintf(nm, sizeof nm, "%.*s", (int)(z - a), b->text + a);
    if (s >= 2 && punct(b, s - 1, ',')) {
      for (uint32_t k = s - 1; k > 0 && k + 7 > s; k--) {
        const Token *t = T(b, k - 1);
        if (t->kind != T_WORD) break;
        if ((t->lex & W_ROLE) && !(t->flags & TF_CAP)) {
          char f[64];
          size_t fn = lex__fold(b->text + t->start, t->end - t->start, f);
          if (fn) ctx__bind_role(b->ctx, f, fn, nm);
          break;
        }
      }
    }
    if (punct(b, e, ',')) {
      for (uint32_t k = e + 1; k < n && k < e + 5; k++) {
        const Token *t = T(b, k);
        if (t->kind != T_WORD) break;
        if ((t->lex & W_ROLE) && !(t->flags & TF_CAP)) {
          char f[64];
          size_t fn = lex__fold(b->text + t->start, t->end - t->start, f);
          if (fn) ctx__bind_role(b->ctx, f, fn, nm);
          break;
        }
      }
    }
  }
}

/* A paragraph ending with a colon that names someone introduces the quote
 * in the next paragraph ("And from Chairwoman Waters:"). */
static void lead_in(Block *b) {
  PmContext *ctx = b->ctx;
  ctx->lead_in = 0;
  memset(&ctx->lead_speaker, 0, sizeof ctx->lead_speaker);
  uint32_t n = b->toks.size;
  if (!n || !punct(b, n - 1, ':') || ctx->in_comments) return;
  uint32_t lo = b->sents.size ? b->sents.contents[b->sents.size - 1].start : 0;
  Cue c;
  memset(&c, 0, sizeof c);
  if (nameish(b, n - 2)) {
    name_mention(b, &c.m, name_start(b, n - 2, lo), n - 1);
    c.found = true;
  } else {
    for (uint32_t v = n - 1; v > lo; v--)
      if (speech_verb(b, v - 1)) {
        c = cue_at_verb(b, v - 1, lo, n - 1, "lead-in", 0.75, false);
        break;
      }
    if (!c.found) {
      for (uint32_t k = n - 1; k > lo; k--)
        if (nameish(b, k - 1)) {
          name_mention(b, &c.m, name_start(b, k - 1, lo), k);
          c.found = true;
          break;
        }
    }
  }
  if (!c.found || c.m.type == M_NP) return;
  Resolved r = resolve(b, &c.m);
  if (!r.has_name) return;
  ctx->lead_in = 1;
  ctx__set_person(&ctx->lead_speaker, r.name, strlen(r.name), 0);
}

void speakers__attribute(Block *b) {
  note_entities(b);
  uint32_t first_quote = b->res->quotes.size;
  /* In text order: a sentence's indirect speech (and the speakers it
   * names) is seen before the quotations of the sentences after it. */
  uint32_t next_sent = 0;
  bool comments = b->ctx->in_comments;
  for (uint32_t g = 0; g < b->raw.size;) {
    uint32_t e = g + 1;
    while (e < b->raw.size && b->raw.contents[e].group == b->raw.contents[g].group) e++;
    uint32_t so = sentence_of(b, b->raw.contents[g].open_tok);
    for (; next_sent < so && next_sent < b->sents.size; next_sent++)
      if (!comments) indirect(b, &b->sents.contents[next_sent]);
    attribute_group(b, g, e);
    g = e;
  }
  b->ctx->lead_in = 0;
  for (; next_sent < b->sents.size; next_sent++)
    if (!comments) indirect(b, &b->sents.contents[next_sent]);
  /* keep the quotes of this paragraph in text order */
  PmQuote *q = b->res->quotes.contents;
  for (uint32_t i = first_quote + 1; i < b->res->quotes.size; i++) {
    PmQuote x = q[i];
    uint32_t j = i;
    while (j > first_quote && q[j - 1].start > x.start) {
      q[j] = q[j - 1];
      j--;
    }
    q[j] = x;
  }
  uint32_t age = b->ctx->last_age + b->sents.size;
  /* capped just past the follow-on limit, so that contexts after an edit
   * converge again within a paragraph or two */
  b->ctx->last_age = (uint8_t)(age > 4 ? 4 : age);
  lead_in(b);
}

/*
 * lang.c - the cue-word data: lang/<code>.yaml read with libyaml into one hash
 * table per language.
 *
 * Words are stored as the 64-bit hash of their case-folded bytes, with a
 * set of class bits (W_* in internal.h) and a stance for speech verbs.  The
 * analyser looks every word of an article up once, so the table is open
 * addressed and never stores the words themselves: a lookup is one hash and
 * usually one probe.  A 64-bit hash makes a collision between two of the
 * few thousand cue words vanishingly unlikely.
 *
 * Verb lists hold lemmas; regular French -er verbs and English verbs are
 * conjugated here, so the data files stay short and a user adds a verb by
 * its infinitive.  Irregular forms are written "dire: dit disent disait".
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "analysis/bytes.h"
#include "analysis/internal.h"
#include "util/alloc.h"
#include "util/file.h"

#ifndef PM_LANG_PREFIX
#define PM_LANG_PREFIX "/usr/local"
#endif

/* ---- folding and hashing --------------------------------------------- */

size_t lex__fold(const char *s, size_t n, char *out) {
  /* The ASCII prefix (usually the whole word, often a whole line start)
   * eight bytes at a time, then byte by byte. */
  size_t lim = n < 63 ? n : 63, i = 0;
  for (; i + 8 <= lim; i += 8) {
    uint64_t w = lex__load8(s + i);
    if (w & LEX_HIGHS) break;
    w = lex__lower8(w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    memcpy(out + i, &w, 8);
  }
  for (; i < lim; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) break;
    out[i] = (char)(c + (unsigned)((unsigned char)(c - 'A') < 26) * 32);
  }
  if (i == n) {
    out[i] = '\0';
    return i;
  }
  size_t o = i;
  for (; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (o >= 63) return 0;
    if (c < 0x80) {
      /* a branch-free ASCII lowercase */
      out[o++] = (char)(c + (unsigned)((unsigned char)(c - 'A') < 26) * 32);
    } else if (c == 0xC3 && i + 1 < n) {
      unsigned char d = (unsigned char)s[i + 1];
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;
      out[o++] = (char)c;
      out[o++] = (char)d;
      i++;
    } else if (c == 0xC5 && i + 1 < n && (unsigned char)s[i + 1] == 0x92) {
      out[o++] = (char)0xC5; /* Œ -> œ */
      out[o++] = (char)0x93;
      i++;
    } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
               ((unsigned char)s[i + 2] == 0x99 ||
                (unsigned char)s[i + 2] == 0x98)) {
      out[o++] = '\''; /* ’ -> ' */
      i += 2;
    } else {
      out[o++] = (char)c;
    }
  }
  if (o > 63) return 0;
  out[o] = '\0';
  return o;
}

uint64_t lex__hash(const char *s, size_t n) {
  uint64_t h = LEX_SEED;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) h = lex__step(h, lex__load_part(s + i, 8));
  if (i < n) h = lex__step(h, lex__load_part(s + i, n - i));
  return lex__done(h);
}

static void lex_grow(Lexicon *lx);

/* The loaded lexicon's table has at least LEX_SPREAD slots per word. */
#define LEX_SPREAD 4

static LexEntry *lex_slot(Lexicon *lx, uint64_t h) {
  uint32_t i = (uint32_t)(h >> lx->shift);
  while (lx->slots[i].hash && lx->slots[i].hash != h) i = (i + 1) & lx->mask;
  return &lx->slots[i];
}

static void lex_add(Lexicon *lx, const char *word, size_t n, uint64_t flags,
                    int stance) {
  char f[64];
  size_t fn = lex__fold(word, n, f);
  if (!fn) return;
  if (!lx->slots || (lx->count + 1) * 2 > lx->mask + 1) lex_grow(lx);
  uint64_t h = lex__hash(f, fn);
  LexEntry *e = lex_slot(lx, h);
  if (!e->hash) {
    e->hash = h;
    lx->count++;
  }
  e->flags |= flags;
  if (stance && !e->stance) e->stance = (uint8_t)stance;
}

static void lex_grow(Lexicon *lx) {
  uint32_t old = lx->slots ? lx->mask + 1 : 0;
  LexEntry *prev = lx->slots;
  uint32_t size = old ? old * 2 : 1024;
  lx->slots = pm_calloc(size, sizeof *lx->slots);
  lx->mask = size - 1;
  lx->shift = 64;
  for (uint32_t k = size; k > 1; k >>= 1) lx->shift--;
  for (uint32_t i = 0; i < old; i++)
    if (prev[i].hash) *lex_slot(lx, prev[i].hash) = prev[i];
  pm_free(prev);
}

/* Stores w (as lex__load8 reads it) at p. */
static inline void store8(unsigned char *p, uint64_t w) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  w = __builtin_bswap64(w);
#endif
  memcpy(p, &w, 8);
}

/* Folds and hashes in one pass: runs of ASCII bytes are lowercased eight
 * at a time, and only the UTF-8 sequences between them go through the
 * byte rules of lex__fold (which, for n <= 63, this matches byte for
 * byte: folding never lengthens a word, so it never runs out of room). */
/* Lowercases the ASCII capitals of w, leaving its other bytes. */
static inline uint64_t lower_ascii(uint64_t w) {
  uint64_t l = w & ~LEX_HIGHS;
  uint64_t ge_a = l + LEX_ONES * (0x80 - 'A');
  uint64_t gt_z = l + LEX_ONES * (0x80 - 'Z' - 1);
  return w | ((ge_a & ~gt_z & ~w & LEX_HIGHS) >> 2);
}

const LexEntry *lex__lookup_any(const Lexicon *lx, const char *s, size_t n,
                                size_t avail) {
  if (n > 63 || n == 0 || !lx->slots) return NULL;
  /* Most words with UTF-8 letters (sécurité, déjà) fold in their ASCII
   * bytes only: no capital after a 0xC3 lead, no Œ, no typographic
   * apostrophe.  Such a word hashes chunk by chunk from its own bytes; a
   * lead byte that might fold sends it to the byte rules below (0xC3
   * bytes are all checked, so one that lex__fold takes as the second byte
   * of a pair can only send a word there for nothing). */
  {
    uint64_t h = LEX_SEED;
    bool plain = true;
    for (size_t i = 0; i < n && plain; i += 8) {
      size_t rem = n - i;
      uint64_t w = avail - i >= 8 ? lex__load8(s + i)
                                  : lex__load_part(s + i, rem < 8 ? rem : 8);
      if (rem < 8) w &= ~0ULL >> (64 - 8 * rem);
      for (uint64_t leads = w & (w << 1) & LEX_HIGHS; leads; leads &= leads - 1) {
        size_t p = i + (byte__ctz64(leads) >> 3);
        unsigned char b = (unsigned char)s[p];
        unsigned char d = p + 1 < n ? (unsigned char)s[p + 1] : 0xFF;
        if (b == 0xE2 || (b == 0xC5 && d == 0x92) ||
            (b == 0xC3 && (d < 0x80 || (d <= 0x9E && d != 0x97)))) {
          plain = false;
          break;
        }
      }
      h = lex__step(h, lower_ascii(w));
    }
    if (plain) return lex__probe(lx, lex__done(h));
  }
  unsigned char f[64 + 16];
  size_t i = 0, o = 0;
  for (;;) {
    size_t rem = n - i;
    uint64_t w = avail - i >= 8 ? lex__load8(s + i)
                                : lex__load_part(s + i, rem < 8 ? rem : 8);
    uint64_t hi = w & LEX_HIGHS;
    size_t k = hi ? byte__ctz64(hi) >> 3 : 8;
    if (k > rem) k = rem;
    store8(f + o, lex__lower8(w & ~LEX_HIGHS));
    o += k;
    i += k;
    if (i >= n) break;
    if (k == 8) continue;
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC3 && i + 1 < n) {
      unsigned char d = (unsigned char)s[i + 1];
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;
      f[o++] = c;
      f[o++] = d;
      i += 2;
    } else if (c == 0xC5 && i + 1 < n && (unsigned char)s[i + 1] == 0x92) {
      f[o++] = 0xC5; /* Œ -> œ */
      f[o++] = 0x93;
      i += 2;
    } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
               ((unsigned char)s[i + 2] == 0x99 ||
                (unsigned char)s[i + 2] == 0x98)) {
      f[o++] = '\''; /* ’ -> ' */
      i += 3;
    } else {
      f[o++] = c;
      i++;
    }
    if (i >= n) break;
  }
  uint64_t h = LEX_SEED;
  size_t p = 0;
  for (; p + 8 <= o; p += 8) h = lex__step(h, lex__load8((const char *)f + p));
  if (p < o)
    h = lex__step(h, lex__load8((const char *)f + p) & (~0ULL >> (64 - 8 * (o - p))));
  return lex__probe(lx, lex__done(h));
}

const LexEntry *lex__get(const Lexicon *lx, const char *s, size_t n) {
  return lex__lookup_any(lx, s, n, n);
}

static void lexicon_free(Lexicon *lx) {
  pm_free(lx->slots);
  pm_free(lx->keys);
  for (uint32_t i = 0; i < lx->boilerplate.size; i++)
    pm_free(lx->boilerplate.contents[i]);
  for (uint32_t i = 0; i < lx->comment_heads.size; i++)
    pm_free(lx->comment_heads.contents[i]);
  pm_array_delete(&lx->boilerplate);
  pm_array_delete(&lx->comment_heads);
  for (uint32_t i = 0; i < lx->role_syn.size; i++) pm_free(lx->role_syn.contents[i]);
  pm_array_delete(&lx->role_syn);
  for (uint32_t i = 0; i < lx->bylines.size; i++) pm_free(lx->bylines.contents[i]);
  pm_array_delete(&lx->bylines);
}

/* ---- verb forms ----------------------------------------------------------- */

static bool ends_with(const char *w, size_t n, const char *suf) {
  size_t m = strlen(suf);
  return n >= m && memcmp(w + n - m, suf, m) == 0;
}

static void add_form(Lexicon *lx, const char *stem, size_t sn,
                     const char *suffix, uint64_t flags, int stance) {
  char buf[96];
  size_t m = strlen(suffix);
  if (sn + m >= sizeof buf) return;
  memcpy(buf, stem, sn);
  memcpy(buf + sn, suffix, m);
  lex_add(lx, buf, sn + m, flags, stance);
}

/* Conjugates a regular French -er verb: present, past participle, imperfect,
 * simple past, future, present participle (the tenses press uses). */
static void conjugate_fr(Lexicon *lx, const char *w, size_t n, uint64_t flags,
                         int stance) {
  if (!ends_with(w, n, "er") || n < 4) return;
  size_t sn = n - 2;
  static const char *const plain[] = {"e", "es", "ent", "é", "ée", "és",
                                      "ées", "era", "eront", "erait",
                                      "eraient", "ez", "èrent"};
  for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
    add_form(lx, w, sn, plain[i], flags, stance);
  /* annoncer -> annonçait, juger -> jugeait before a and o. */
  char stem[96];
  if (sn + 3 >= sizeof stem) return;
  memcpy(stem, w, sn);
  size_t s2 = sn;
  if (w[sn - 1] == 'c') {
    s2 = sn - 1;
    memcpy(stem + s2, "\xc3\xa7", 2);
    s2 += 2;
  } else if (w[sn - 1] == 'g') {
    stem[s2++] = 'e';
  }
  static const char *const soft[] = {"ait", "aient", "a", "ant", "ons",
                                     "ai"};
  for (size_t i = 0; i < sizeof soft / sizeof *soft; i++)
    add_form(lx, stem, s2, soft[i], flags, stance);
}

static bool is_vowel(char c) { return c && strchr("aeiou", c) != NULL; }

static void conjugate_en(Lexicon *lx, const char *w, size_t n, uint64_t flags,
                         int stance) {
  if (n < 2) return;
  char last = w[n - 1], prev = w[n - 2];
  if (last == 'e') {
    add_form(lx, w, n, "s", flags, stance);
    add_form(lx, w, n, "d", flags, stance);
    add_form(lx, w, n - 1, "ing", flags, stance);
  } else if (last == 'y' && !is_vowel(prev)) {
    add_form(lx, w, n - 1, "ies", flags, stance);
    add_form(lx, w, n - 1, "ied", flags, stance);
    add_form(lx, w, n, "ing", flags, stance);
  } else {
    bool sib = last == 's' || last == 'x' || last == 'z' ||
               ends_with(w, n, "sh") || ends_with(w, n, "ch");
    add_form(lx, w, n, sib ? "es" : "s", flags, stance);
    add_form(lx, w, n, "ed", flags, stance);
    add_form(lx, w, n, "ing", flags, stance);
  }
}

/* ---- the YAML schema --------------------------------------------------------- */

typedef struct {
  const char *key;
  uint64_t flags;
  int stance;
  bool verb;   /* conjugate lemmas */
  int phrase;  /* 1 boilerplate, 2 comment heading, 3 role synonyms,
                  4 byline */
} ListKey;

static const ListKey list_keys[] = {
    {"detect", W_DETECT, 0, false, 0},
    {"verbs_neutral", W_SPEECH, PM_STANCE_NEUTRAL, true, 0},
    {"verbs_assert", W_SPEECH, PM_STANCE_ASSERT, true, 0},
    {"verbs_contest", W_SPEECH, PM_STANCE_CONTEST, true, 0},
    {"verbs_deny", W_SPEECH, PM_STANCE_DENY, true, 0},
    {"verbs_concede", W_SPEECH, PM_STANCE_CONCEDE, true, 0},
    {"pronouns_masculine", W_PRON_M, 0, false, 0},
    {"pronouns_feminine", W_PRON_F, 0, false, 0},
    {"pronouns_plural", W_PRON_PL, 0, false, 0},
    {"pronouns_object", W_PRON_OBJ, 0, false, 0},
    {"roles", W_ROLE, 0, false, 0},
    {"roles_feminine", W_ROLE | W_ROLE_F, 0, false, 0},
    {"institutions", W_INSTITUTION, 0, false, 0},
    {"name_particles", W_NAME_PARTICLE, 0, false, 0},
    {"determiners", W_DET, 0, false, 0},
    {"prepositions", W_PREP, 0, false, 0},
    {"source_words", W_SOURCE, 0, false, 0},
    {"title_cues", W_TITLE_CUE, 0, false, 0},
    {"outlets", W_OUTLET | W_TITLE_CUE, 0, false, 0},
    {"honorifics", W_HONORIFIC, 0, false, 0},
    {"first_names_masculine", W_FIRST_M, 0, false, 0},
    {"first_names_feminine", W_FIRST_F, 0, false, 0},
    {"complementizers", W_QUE, 0, false, 0},
    {"first_person", W_FIRST_PERSON, 0, false, 0},
    {"opinion", W_OPINION, 0, false, 0},
    {"interjections", W_INTERJ, 0, false, 0},
    {"comparatives", W_COMPAR, 0, false, 0},
    {"factual_verbs", W_FACTUAL, 0, false, 0},
    {"causal", W_CAUSAL, 0, false, 0},
    {"policy", W_POLICY, 0, false, 0},
    {"amounts", W_AMOUNT, 0, false, 0},
    {"dates", W_MONTH, 0, false, 0},
    {"future", W_FUTURE, 0, false, 0},
    {"clock", W_CLOCK, 0, false, 0},
    {"number_words", W_NUMWORD, 0, false, 0},
    {"procedure", W_PROCEDURE, 0, false, 0},
    {"anecdote", W_PERSONAL, 0, false, 0},
    {"hypothetical", W_HYPO, 0, false, 0},
    {"statistics", W_STAT, 0, false, 0},
    {"citations", W_CITE, 0, false, 0},
    {"record_verbs", W_RECORD, 0, true, 0},
    {"opponents", W_OPPONENT, 0, false, 0},
    {"boasts", W_VAGUE, 0, false, 0},
    {"retorts", W_DEICTIC, 0, false, 0},
    {"scope", W_SCOPE, 0, false, 0},
    {"auxiliaries", W_AUX, 0, false, 0},
    {"abbreviations", W_ABBREV, 0, false, 0},
    {"function_words", W_FUNCTION, 0, false, 0},
    {"comment_words", W_COMMENT, 0, false, 0},
    {"post_words", W_POST, 0, false, 0},
    {"anonymous_sources", W_ANON, 0, false, 0},
    {"anonymity_words", W_ANONYMITY, 0, false, 0},
    {"place_nouns", W_PLACE, 0, false, 0},
    {"conjunctions", W_CONJ, 0, false, 0},
    {"generic_roles", W_ROLE | W_ROLE_GENERIC, 0, false, 0},
    {"epithets", W_ROLE_GENERIC, 0, false, 0},
    {"agency_nouns", W_AGENCY, 0, false, 0},
    {"member_bodies", W_MEMBERS, 0, false, 0},
    {"defendant_nouns", W_DEFENDANT, 0, false, 0},
    {"interview_words", W_INTERVIEW, 0, false, 0},
    {"offices", W_ROLE | W_OFFICE, 0, false, 0},
    {"company_nouns", W_COMPANY, 0, false, 0},
    {"continuation_verbs", W_CONTINUE, 0, true, 0},
    {"that_verbs", W_THAT_ONLY, 0, true, 0},
    {"organisation_ends", W_ORG_LAST, 0, false, 0},
    {"past_forms", W_PAST, 0, false, 0},
    {"role_synonyms", 0, 0, false, 3},
    {"bylines", 0, 0, false, 4},
    {"boilerplate", 0, 0, false, 1},
    {"comment_headings", 0, 0, false, 2},
};

/* "président de la république: chef de l'état, locataire de l'élysée":
 * each variant after the colon, and the canonical phrase itself, maps to
 * the canonical phrase (see roles.c). */
static void role_synonyms(Lexicon *lx, const char *v, size_t n) {
  const char *colon = memchr(v, ':', n);
  size_t cn = colon ? (size_t)(colon - v) : n;
  char canon[64];
  size_t fc = lex__fold(v, cn, canon);
  while (fc && canon[fc - 1] == ' ') fc--;
  if (!fc) return;
  const char *p = v, *end = v + n;
  while (p < end) {
    const char *q = p == v ? v + cn : memchr(p, ',', (size_t)(end - p));
    if (!q) q = end;
    while (p < q && (*p == ' ' || *p == ':' || *p == ',')) p++;
    size_t len = (size_t)(q - p);
    while (len && p[len - 1] == ' ') len--;
    char f[64];
    size_t fn = len ? lex__fold(p, len, f) : 0;
    if (fn) {
      /* the variant's first word is flagged, so that only role phrases
       * starting with one are compared with the list (roles.c) */
      lex_add(lx, f, strcspn(f, " '"), W_SYN_HEAD, 0);
      if (strchr(f, '\'') && strchr(f, '\'') < f + strcspn(f, " "))
        lex_add(lx, f, (size_t)(strchr(f, '\'') - f) + 1, W_SYN_HEAD, 0);
      /* kept in order of first byte: roles.c searches by it */
      uint32_t at = 0;
      while (at < lx->role_syn.size &&
             (unsigned char)lx->role_syn.contents[at][0] <= (unsigned char)f[0])
        at += 2;
      pm_array_push(&lx->role_syn, NULL);
      pm_array_push(&lx->role_syn, NULL);
      memmove(&lx->role_syn.contents[at + 2], &lx->role_syn.contents[at],
              (lx->role_syn.size - 2 - at) * sizeof *lx->role_syn.contents);
      lx->role_syn.contents[at] = pm_strndup(f, fn);
      lx->role_syn.contents[at + 1] = pm_strndup(canon, fc);
    }
    p = q + 1;
  }
}

/* Marks the first two bytes of a folded phrase in `starts` (see
 * lex__may_start): a one-letter phrase may go on with any byte, and an
 * apostrophe may stand as the typographic one (E2 80 99), whose first byte
 * a line's second byte then is. */
static void phrase_start(uint64_t *starts, const char *f) {
  unsigned c0 = (unsigned char)f[0], c1 = (unsigned char)f[1];
  if (!c1) {
    for (unsigned c = 0; c < 256; c++)
      starts[(c0 << 8 | c) >> 6] |= 1ull << (c & 63);
    return;
  }
  starts[(c0 << 8 | c1) >> 6] |= 1ull << (c1 & 63);
  if (c1 == '\'')
    starts[(c0 << 8 | 0xE2) >> 6] |= 1ull << (0xE2 & 63);
}

static void add_entry(Lexicon *lx, PmLangId id, const ListKey *k,
                      const char *v, size_t n) {
  if (k->phrase == 3) {
    role_synonyms(lx, v, n);
    return;
  }
  if (k->phrase) {
    char f[64];
    size_t fn = lex__fold(v, n, f);
    if (!fn) return;
    /* the phrase's first word (and its elided article) marks the
     * paragraphs worth testing, so that the test costs one flag per
     * paragraph (layout.c) */
    if (k->phrase == 1 || k->phrase == 4) {
      size_t w = strcspn(f, " :-");
      lex_add(lx, f, w, W_LINE_HEAD, 0);
      const char *ap = memchr(f, '\'', w);
      if (ap) lex_add(lx, f, (size_t)(ap - f) + 1, W_LINE_HEAD, 0);
    }
    if (k->phrase == 1) {
      pm_array_push(&lx->boilerplate, pm_strndup(f, fn));
      phrase_start(lx->boiler_starts, f);
    } else if (k->phrase == 4) {
      pm_array_push(&lx->bylines, pm_strndup(f, fn));
    } else {
      pm_array_push(&lx->comment_heads, pm_strndup(f, fn));
      phrase_start(lx->comment_starts, f);
    }
    return;
  }
  /* "lemma: form form form" */
  const char *colon = memchr(v, ':', n);
  size_t ln = colon ? (size_t)(colon - v) : n;
  while (ln && v[ln - 1] == ' ') ln--;
  lex_add(lx, v, ln, k->flags, k->stance);
  if (k->verb) {
    char f[64];
    size_t fn = lex__fold(v, ln, f);
    if (fn) {
      if (id == PM_LANG_FR) conjugate_fr(lx, f, fn, k->flags, k->stance);
      else conjugate_en(lx, f, fn, k->flags, k->stance);
    }
  }
  if (!colon) return;
  const char *p = colon + 1, *end = v + n;
  while (p < end) {
    while (p < end && (*p == ' ' || *p == ',')) p++;
    const char *q = p;
    while (q < end && *q != ' ' && *q != ',') q++;
    if (q > p) lex_add(lx, p, (size_t)(q - p), k->flags, k->stance);
    p = q;
  }
}

static bool yaml_fail(PmError *err, const char *file, yaml_mark_t m,
                      const char *what) {
  pm_error_set_at(err, PM_ERR_PARSE, (uint32_t)m.line + 1, (uint32_t)m.column,
                  (uint32_t)m.index, "%s:%zu:%zu: %s", file, m.line + 1,
                  m.column, what);
  return false;
}

/* Parses one language file into `lang`.  The whole document is a mapping
 * of `lang: fr|en` and list keys, each a sequence of strings. */
static bool load_file(PmLang *lang, const char *file, PmError *err) {
  PmError rerr;
  size_t len;
  char *data = pm_file_read(file, 4u << 20, &len, &rerr);
  if (!data) {
    if (err) *err = rerr;
    return false;
  }
  yaml_parser_t p;
  yaml_document_t doc;
  yaml_parser_initialize(&p);
  yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
  bool ok = false;
  if (!yaml_parser_load(&p, &doc)) {
    char msg[256];
    snprintf(msg, sizeof msg, "%s", p.problem ? p.problem : "invalid YAML");
    yaml_fail(err, file, p.problem_mark, msg);
    yaml_parser_delete(&p);
    pm_free(data);
    return false;
  }
  yaml_node_t *root = yaml_document_get_root_node(&doc);
  if (!root || root->type != YAML_MAPPING_NODE) {
    yaml_mark_t m = root ? root->start_mark : p.mark;
    yaml_fail(err, file, m, "language file: top level is not a mapping");
    goto done;
  }
  /* Find `lang:` first. */
  PmLangId id = PM_LANG_AUTO;
  for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
       pr < root->data.mapping.pairs.top; pr++) {
    yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
    yaml_node_t *v = yaml_document_get_node(&doc, pr->value);
    if (k->type == YAML_SCALAR_NODE &&
        !strcmp((char *)k->data.scalar.value, "lang")) {
      if (v->type != YAML_SCALAR_NODE ||
          !pm_lang_parse((char *)v->data.scalar.value, &id) ||
          id == PM_LANG_AUTO) {
        yaml_fail(err, file, v->start_mark, "lang: expected fr or en");
        goto done;
      }
    }
  }
  if (id == PM_LANG_AUTO) {
    yaml_fail(err, file, root->start_mark, "language file: no lang key");
    goto done;
  }
  Lexicon *lx = &lang->lex[id];
  lang->loaded[id] = true;
  for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
       pr < root->data.mapping.pairs.top; pr++) {
    yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
    yaml_node_t *v = yaml_document_get_node(&doc, pr->value);
    if (k->type != YAML_SCALAR_NODE) {
      yaml_fail(err, file, k->start_mark, "language file: key is not a string");
      goto done;
    }
    const char *key = (const char *)k->data.scalar.value;
    if (!strcmp(key, "lang")) continue;
    const ListKey *lk = NULL;
    for (size_t i = 0; i < sizeof list_keys / sizeof *list_keys; i++)
      if (!strcmp(list_keys[i].key, key)) lk = &list_keys[i];
    if (!lk) {
      char msg[160];
      snprintf(msg, sizeof msg, "unknown key '%.100s'", key);
      yaml_fail(err, file, k->start_mark, msg);
      goto done;
    }
    if (v->type != YAML_SEQUENCE_NODE) {
      char msg[160];
      snprintf(msg, sizeof msg, "%.100s: expected a list of words", key);
      yaml_fail(err, file, v->start_mark, msg);
      goto done;
    }
    for (yaml_node_item_t *it = v->data.sequence.items.start;
         it < v->data.sequence.items.top; it++) {
      yaml_node_t *w = yaml_document_get_node(&doc, *it);
      /* `- répondre: répond répondu` parses as a one-pair mapping. */
      if (w->type == YAML_MAPPING_NODE &&
          w->data.mapping.pairs.top - w->data.mapping.pairs.start == 1) {
        yaml_node_t *mk = yaml_document_get_node(&doc, w->data.mapping.pairs.start->key);
        yaml_node_t *mv = yaml_document_get_node(&doc, w->data.mapping.pairs.start->value);
        if (mk->type == YAML_SCALAR_NODE && mv->type == YAML_SCALAR_NODE) {
          PmBuf e = PM_BUF_INIT;
          pm_buf_append(&e, mk->data.scalar.value, mk->data.scalar.length);
          pm_buf_puts(&e, ": ");
          pm_buf_append(&e, mv->data.scalar.value, mv->data.scalar.length);
          add_entry(lx, id, lk, e.data, e.len);
          pm_buf_free(&e);
          continue;
        }
      }
      if (w->type != YAML_SCALAR_NODE) {
        char msg[160];
        snprintf(msg, sizeof msg, "%.100s: expected a word", key);
        yaml_fail(err, file, w->start_mark, msg);
        goto done;
      }
      add_entry(lx, id, lk, (const char *)w->data.scalar.value,
                w->data.scalar.length);
    }
  }
  ok = true;
done:
  yaml_document_delete(&doc);
  yaml_parser_delete(&p);
  pm_free(data);
  return ok;
}

PmLang *pm_lang_load(const char *const *files, size_t n, PmError *err) {
  PmLang *lang = pm_calloc(1, sizeof *lang);
  for (size_t i = 0; i < n; i++) {
    if (!load_file(lang, files[i], err)) {
      pm_lang_free(lang);
      return NULL;
    }
  }
  if (!lang->loaded[PM_LANG_FR] && !lang->loaded[PM_LANG_EN]) {
    pm_error_set(err, PM_ERR_NOTFOUND, "language data: no language file given");
    pm_lang_free(lang);
    return NULL;
  }
  /* Both words in both lexicons: claims.c looks for either whatever the
   * language (see W_SECOND). */
  for (int id = PM_LANG_FR; id <= PM_LANG_EN; id++) {
    if (!lang->loaded[id]) continue;
    lex_add(&lang->lex[id], "you", 3, W_SECOND, 0);
    lex_add(&lang->lex[id], "vous", 4, W_SECOND, 0);
  }
  /* the tokenizer's copy of the hashes, now that no word is added, in a
   * table at most a quarter full: most words the tokenizer looks up are
   * not in the lexicon, and at the half a miss probed two slots on
   * average, at a quarter one and a third */
  for (int id = PM_LANG_FR; id <= PM_LANG_EN; id++) {
    Lexicon *lx = &lang->lex[id];
    if (!lx->slots) continue;
    while ((size_t)lx->count * LEX_SPREAD > (size_t)lx->mask + 1) lex_grow(lx);
    lx->keys = pm_malloc(((size_t)lx->mask + 1) * sizeof *lx->keys);
    for (uint32_t k = 0; k <= lx->mask; k++) lx->keys[k] = lx->slots[k].hash;
  }
  return lang;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

PmLang *pm_lang_load_dir(const char *dir, const char *const *extra,
                         size_t n_extra, PmError *err) {
  DIR *d = opendir(dir);
  if (!d) {
    pm_error_set(err, PM_ERR_IO, "%s: %s", dir, strerror(errno));
    return NULL;
  }
  PmArray(char *) names = pm_array_new();
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (n > 5 && !strcmp(e->d_name + n - 5, ".yaml") && e->d_name[0] != '.') {
      PmBuf b = PM_BUF_INIT;
      pm_buf_printf(&b, "%s/%s", dir, e->d_name);
      pm_array_push(&names, pm_buf_take(&b));
    }
  }
  closedir(d);
  PmLang *lang = NULL;
  if (!names.size && !n_extra) {
    pm_error_set(err, PM_ERR_NOTFOUND, "%s: no language file (*.yaml)", dir);
  } else {
    qsort(names.contents, names.size, sizeof *names.contents, cmp_str);
    for (size_t i = 0; i < n_extra; i++)
      pm_array_push(&names, pm_strdup(extra[i]));
    lang = pm_lang_load((const char *const *)names.contents, names.size, err);
  }
  for (uint32_t i = 0; i < names.size; i++) pm_free(names.contents[i]);
  pm_array_delete(&names);
  return lang;
}

void pm_lang_free(PmLang *lang) {
  if (!lang) return;
  for (int i = 0; i < 3; i++) lexicon_free(&lang->lex[i]);
  pm_free(lang);
}

static bool has_fr(const char *dir) {
  PmBuf b = PM_BUF_INIT;
  pm_buf_printf(&b, "%s/fr.yaml", dir);
  bool ok = access(b.data, R_OK) == 0;
  pm_buf_free(&b);
  return ok;
}

char *pm_lang_find_dir(PmError *err) {
  const char *env = getenv("PRESSMARK_LANG_DIR");
  if (env && *env) {
    if (has_fr(env)) return pm_strdup(env);
    pm_error_set(err, PM_ERR_NOTFOUND,
                 "PRESSMARK_LANG_DIR=%s: no fr.yaml in that folder", env);
    return NULL;
  }
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    static const char *const rel[] = {"/../lang", "/../../lang",
                                      "/../share/pressmark"};
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
      PmBuf b = PM_BUF_INIT;
      pm_buf_printf(&b, "%s%s", exe, rel[i]);
      if (has_fr(b.data)) {
        char real[PATH_MAX];
        char *out = realpath(b.data, real) ? pm_strdup(real) : pm_buf_take(&b);
        pm_buf_free(&b);
        return out;
      }
      pm_buf_free(&b);
    }
  }
  if (has_fr(PM_LANG_PREFIX "/share/pressmark"))
    return pm_strdup(PM_LANG_PREFIX "/share/pressmark");
  pm_error_set(err, PM_ERR_NOTFOUND,
               "language data: no lang/fr.yaml next to the binary nor in "
               PM_LANG_PREFIX "/share/pressmark (set PRESSMARK_LANG_DIR)");
  return NULL;
}

const char *pm_lang_name(PmLangId id) {
  return id == PM_LANG_FR ? "fr" : id == PM_LANG_EN ? "en" : "auto";
}

bool pm_lang_parse(const char *name, PmLangId *out) {
  if (!strcmp(name, "fr")) *out = PM_LANG_FR;
  else if (!strcmp(name, "en")) *out = PM_LANG_EN;
  else if (!strcmp(name, "auto")) *out = PM_LANG_AUTO;
  else return false;
  return true;
}

/* Counts detection words and speech verb forms of each language in the
 * first 8 KiB.  Only ASCII
 * letters and UTF-8 bytes make words, so the scan is a plain byte loop. */
PmLangId pm_lang_detect(const PmLang *lang, const char *text, size_t len) {
  int score[3] = {0, 0, 0};
  lang__detect_scores(lang, text, len, score);
  /* One line of text may hold a single cue word ("said"): the language
   * with more hits wins; French is only the tie-break default. */
  if (score[2] > score[1]) return PM_LANG_EN;
  if (score[1] > score[2] || score[1] + score[2] >= 2) return PM_LANG_FR;
  return PM_LANG_AUTO;
}

void lang__detect_scores(const PmLang *lang, const char *text, size_t len,
                         int score[3]) {
  if (len > 8192) len = 8192;
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)text[i];
    bool letter = (c | 32) >= 'a' && (c | 32) <= 'z';
    if (!letter && c < 0x80) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < len) {
      unsigned char d = (unsigned char)text[j];
      if (!(((d | 32) >= 'a' && (d | 32) <= 'z') || d >= 0x80)) break;
      j++;
    }
    for (int l = 1; l <= 2; l++) {
      if (!lang->loaded[l]) continue;
      const LexEntry *e = lex__get(&lang->lex[l], text + i, j - i);
      if (e && (e->flags & (W_DETECT | W_SPEECH))) score[l]++;
    }
    i = j;
  }
}

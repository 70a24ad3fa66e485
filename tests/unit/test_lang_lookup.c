/*
 * test_lang_lookup.c - the lexicon's lookup paths agree with its
 * definition: a word is found when lex__fold makes it one of the
 * lexicon's words, whichever path hashes it (the inline ASCII chunks, the
 * one-pass fold of lex__lookup_any, the tokenizer's own chunks), whatever
 * bytes follow it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/internal.h"
#include "pressmark/analysis.h"
#include "test.h"

/* The reference: fold with lex__fold, hash the folded bytes, probe. */
static const LexEntry *reference(const Lexicon *lx, const char *s, size_t n) {
  char f[64];
  if (n == 0 || n > 63 || !lx->slots) return NULL;
  size_t fn = lex__fold(s, n, f);
  if (!fn) return NULL;
  return lex__probe(lx, lex__hash(f, fn));
}

/* Pieces the words are made of: ASCII of both cases, é/É, œ/Œ, the
 * multiplication sign (a 0xC3 pair that does not fold), both apostrophes. */
static const char *const folded_piece[] = {"a", "b", "\xc3\xa9", "\xc5\x93", "'"};
static const char *const query_piece[] = {
    "a", "A", "b", "B", "\xc3\xa9", "\xc3\x89", "\xc5\x93", "\xc5\x92",
    "'", "\xe2\x80\x99", "\xc3\x97"};

static PmLang *load(const char *yaml) {
  char path[] = "/tmp/pm-lookup-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return NULL;
  FILE *f = fdopen(fd, "w");
  fputs(yaml, f);
  fclose(f);
  const char *p = path;
  PmError err;
  PmLang *l = pm_lang_load(&p, 1, &err);
  unlink(path);
  return l;
}

/* Appends every word of 1..3 pieces of folded_piece, after `prefix`. */
static void words(char *out, size_t size, const char *prefix) {
  size_t np = sizeof folded_piece / sizeof *folded_piece;
  for (size_t len = 1; len <= 3; len++) {
    size_t total = 1;
    for (size_t k = 0; k < len; k++) total *= np;
    for (size_t c = 0; c < total; c++) {
      size_t at = strlen(out);
      snprintf(out + at, size - at, "  - \"%s", prefix);
      for (size_t k = 0, x = c; k < len; k++, x /= np) {
        at = strlen(out);
        snprintf(out + at, size - at, "%s", folded_piece[x % np]);
      }
      at = strlen(out);
      snprintf(out + at, size - at, "\"\n");
    }
  }
}

static PmLang *pieces_lang(void) {
  static char yaml[64 * 1024];
  strcpy(yaml, "lang: fr\npolicy:\n");
  words(yaml, sizeof yaml, "");
  words(yaml, sizeof yaml, "abababab");  /* two chunks */
  words(yaml, sizeof yaml, "abababababababab"); /* three */
  return load(yaml);
}

/* Builds a random query of 1..3 pieces after a random prefix. */
static size_t query(char *out, unsigned *seed) {
  static const char *const prefix[] = {"", "abababab", "ABABabab",
                                       "abababababababab", "a\xc3\x89"};
  size_t n = 0;
  const char *p = prefix[rand_r(seed) % 5];
  memcpy(out, p, strlen(p));
  n = strlen(p);
  size_t len = 1 + (size_t)rand_r(seed) % 3;
  for (size_t k = 0; k < len; k++) {
    const char *q = query_piece[(size_t)rand_r(seed) %
                                (sizeof query_piece / sizeof *query_piece)];
    memcpy(out + n, q, strlen(q));
    n += strlen(q);
  }
  return n;
}

static void every_path_finds_what_the_fold_finds(void) {
  PmLang *l = pieces_lang();
  CHECK(l != NULL);
  if (!l) return;
  const Lexicon *lx = &l->lex[PM_LANG_FR];
  unsigned seed = 7;
  int hits = 0, misses = 0;
  for (int r = 0; r < 20000; r++) {
    char buf[96];
    size_t n = query(buf, &seed);
    /* what follows the word: bytes the paths may read but must ignore */
    memset(buf + n, r & 1 ? 'Z' : 0xC3, sizeof buf - n);
    const LexEntry *want = reference(lx, buf, n);
    want ? hits++ : misses++;
    CHECK(lex__lookup_any(lx, buf, n, n) == want);
    CHECK(lex__lookup_any(lx, buf, n, sizeof buf) == want);
    CHECK(lex__lookup(lx, buf, n, n) == want);
    CHECK(lex__lookup(lx, buf, n, sizeof buf) == want);
    CHECK(lex__get(lx, buf, n) == want);
    if (test_current_failed) {
      printf("#   query of %zu bytes, round %d\n", n, r);
      break;
    }
  }
  /* the queries without the multiplication sign all fold to a word */
  CHECK(hits > 10000);
  CHECK(misses > 1000);
  pm_lang_free(l);
}

static void folded_capitals_and_apostrophes_are_found(void) {
  PmLang *l = pieces_lang();
  CHECK(l != NULL);
  if (!l) return;
  const Lexicon *lx = &l->lex[PM_LANG_FR];
  CHECK(lex__get(lx, "\xc3\x89\xc5\x92", 4) != NULL);        /* ÉŒ */
  CHECK(lex__get(lx, "A\xe2\x80\x99" "B", 5) != NULL);       /* A’B */
  CHECK(lex__get(lx, "ABABABAB\xc3\x89", 10) != NULL);       /* two chunks */
  CHECK(lex__get(lx, "\xc3\x97", 2) == NULL);                /* × */
  CHECK(lex__get(lx, "abababababababababab", 20) == NULL);   /* no such word */
  pm_lang_free(l);
}

/* The tokenizer's word flags, by their definition. */
static uint16_t cap_flags(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  bool cap = (c >= 'A' && c <= 'Z') ||
             (c == 0xC3 && n > 1 && (unsigned char)s[1] >= 0x80 &&
              (unsigned char)s[1] <= 0x9E);
  if (!cap) return 0;
  int caps = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z') return TF_CAP;
    if (s[i] >= 'A' && s[i] <= 'Z') caps++;
  }
  return caps > 1 ? TF_CAP | TF_ALLCAP : TF_CAP;
}

static void tokens_carry_the_lexicon_classes_of_their_bytes(void) {
  PmLang *l = pieces_lang();
  CHECK(l != NULL);
  if (!l) return;
  const Lexicon *lx = &l->lex[PM_LANG_FR];
  unsigned seed = 11;
  static const char *const sep[] = {" ", ", ", ". ", "\n", "  ", "-", "("};
  char text[8192];
  for (int round = 0; round < 200; round++) {
    size_t n = 0;
    while (n < sizeof text - 128) {
      n += query(text + n, &seed);
      const char *s = sep[(size_t)rand_r(&seed) % (sizeof sep / sizeof *sep)];
      memcpy(text + n, s, strlen(s));
      n += strlen(s);
    }
    /* end on a word, so the last one is read short */
    n += query(text + n, &seed);
    TokenArray toks = pm_array_new();
    IndexArray ends = pm_array_new();
    tok__scan(lx, text, 0, (uint32_t)n, &toks, &ends);
    int words = 0;
    for (uint32_t i = 0; i < toks.size; i++) {
      const Token *t = &toks.contents[i];
      if (t->kind != T_WORD || t->end - t->start >= 40) continue;
      words++;
      const LexEntry *e = reference(lx, text + t->start, t->end - t->start);
      CHECK_EQ_INT(t->lex, e ? e->flags : 0);
      CHECK_EQ_INT(t->flags & (TF_CAP | TF_ALLCAP),
                   cap_flags(text + t->start, t->end - t->start));
      if (test_current_failed) {
        printf("#   token %u: \"%.*s\"\n", i, (int)(t->end - t->start),
               text + t->start);
        break;
      }
    }
    CHECK(words > 300);
    /* the sentence-end candidates are exactly the . ! ? tokens */
    uint32_t c = 0;
    for (uint32_t i = 0; i < toks.size; i++) {
      const Token *t = &toks.contents[i];
      if (t->kind != T_PUNCT || (t->ch != '.' && t->ch != '!' && t->ch != '?'))
        continue;
      CHECK(c < ends.size && ends.contents[c] == i);
      c++;
    }
    CHECK_EQ_INT(c, ends.size);
    pm_array_delete(&toks);
    pm_array_delete(&ends);
    if (test_current_failed) break;
  }
  pm_lang_free(l);
}

int main(void) {
  RUN(every_path_finds_what_the_fold_finds);
  RUN(folded_capitals_and_apostrophes_are_found);
  RUN(tokens_carry_the_lexicon_classes_of_their_bytes);
  return test_done();
}

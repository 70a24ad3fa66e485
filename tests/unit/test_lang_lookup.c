/*
 * test_lang_lookup.c - the lexicon's lookup paths agree with its
 * definition: a word is found when lex__fold makes it one of the
 * lexicon's words, whichever path hashes it (the inline ASCII chunks, the
 * one-pass fold of lex__lookup_any, the tokenizer's own chunks), whatever
 * bytes follow it.  And tok__scan, whatever shortcuts it takes, gives
 * exactly the tokens of the plain scanner it replaced (tokens_ref.h).
 * Markdown's structure makes no token (markdown.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/internal.h"
#include "pressmark/analysis.h"
#include "test.h"
#include "tokens_ref.h"

/* The reference: fold with lex__fold, hash the folded bytes, probe. */
static const LexEntry *reference(const Lexicon *lx, const char *s, size_t n) {
  char f[64];
  if (n == 0 || n > 63 || !lx->slots) return NULL;
  size_t fn = lex__fold(s, n, f);
  if (!fn) return NULL;
  return lex__probe(lx, lex__hash(f, fn));
}

/* Pieces the words are made of: ASCII of both cases, é/É, œ/Œ, the
 * multiplication sign (a 0xC3 pair that does not fold), both apostrophes.
 * The lexicon also holds the division sign, which is what the
 * multiplication sign would become if a path folded it like a capital. */
static const char *const folded_piece[] = {"a", "b", "\xc3\xa9", "\xc5\x93", "'",
                                           "\xc3\xb7"};
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
    IndexArray ends = pm_array_new(), marks = pm_array_new();
    tok__scan(lx, text, 0, (uint32_t)n, &toks, &ends, &marks);
    pm_array_delete(&marks);
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

/* Pieces of text for the comparison with the reference scanner: words of
 * every path (plain, accented, capitalised, elided, hyphenated, inverted,
 * abbreviated), the multi-byte marks and spaces, and bytes that are no
 * UTF-8 (a stray continuation, a lead cut short). */
static const char *const text_piece[] = {
    "the", "The", "THE", "said", "Said", "government", "Government",
    "administration", "internationalisation", "a", "I", "de", "le", "La",
    "dit", "selon", "M", "Mme", "Dr", "U", "S", "e", "g", "Washington",
    "\xc3\xa9t\xc3\xa9", "\xc3\x89tat", "\xc3\xa9tat", "d\xc3\xa9j\xc3\xa0",
    "\xc3\xa0", "\xc3\x80", "s\xc3\xa9""curit\xc3\xa9", "\xc3\x89T\xc3\x89",
    "OR\xc3\x89", "c\xc5\x93ur", "C\xc5\x92UR", "\xc5\x92uvre", "\xc3\x97",
    "Ko\xc5\x82o", "\xc4\x87", "fran\xc3\xa7""ais", "Fran\xc3\xa7ois",
    "na\xc3\xafve", "\xc3\xa9lys\xc3\xa9""e", "pr\xc3\xa9sident",
    "pr\xc3\xa9sidente", "d\xc3\xa9""clar\xc3\xa9", "soci\xc3\xa9t\xc3\xa9s",
    "l'", "L'", "d'", "qu'", "Qu'", "jusqu'", "lorsqu'", "puisqu'", "s'",
    "l\xe2\x80\x99", "L\xe2\x80\x99", "d\xe2\x80\x99", "qu\xe2\x80\x99",
    "QU\xe2\x80\x99", "jusqu\xe2\x80\x99", "quoiqu\xe2\x80\x99",
    "aujourd\xe2\x80\x99hui", "it's", "Clinton's", "Clinton\xe2\x80\x99s",
    "dit-il", "a-t-elle", "disent-ils", "peut-\xc3\xaatre", "-", "--",
    "e.g.", "U.S.", "i.e", "12", "1,5", "2024", "3.5", "1 000", "12e",
    "1\xc2\xa0""000", "40%", "7 %", "$", "\xe2\x82\xac", "\xc2\xa3",
    " ", " ", " ", " ", "  ", "\n", "\t", "\r", "\xc2\xa0", "\xe2\x80\xaf",
    "\xe2\x80\x89", "\xef\xbb\xbf", ",", ".", ";", ":", "!", "?", "(", ")",
    "\"", "'", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9c", "\xe2\x80\x9d",
    "\xe2\x80\x9e", "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\xb9",
    "\xe2\x80\xba", "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\xa6", "...",
    ":)", ";-(", ":D", "\xf0\x9f\x98\x80", "<b>", "</a>", "<", ">", "&",
    "/", "*", "#", "@", "_", "\x80", "\xc3", "\xe2\x80", "\xc2", "\xbf",
    "\xff", "\x01", "0", "z", "Z", "x2", "A1", "\xc3\xa9""2", "\xc3\xa9-",
    "\xc3\xa9'", "\xc3\xa9.", "ab.", "abcd.", "\xc3\xa9\xc2\xa0",
    /* Markdown */
    "**", "__", "[", "]", "](", "](https://x.org/a_(b))", "![", "> ", "## ",
    "#",
    /* marks in ASCII and HTML (marks.h) */
    "``", "''", "&quot;", "&QUOT;", "&laquo;", "&raquo;", "&#8220;",
    "&#x201D;", "&nbsp;", "&#160;", "&rsquo;", "&#39;", "&lsquo;", "&amp;",
    "&nbsp", "&bogus;", "<<", ">>", "<< ", " >>", ">> ", "&mdash;", "&#8211;",
    "&hellip;", "&#8230;",
    /* invisible characters inside words, apostrophes as entities */
    "\xc2\xad", "\xe2\x80\x8b", "\xe2\x80\x8c", "\xe2\x80\x8d", "\xe2\x81\xa0",
    "d\xc3\xa9\xc2\xad""clar\xc3\xa9", "Ma\xe2\x80\x8brie", "&#8217;", "&apos;",
    "aujourd&#8217;hui", "l&rsquo;", "qu&#39;", "&#039;", "&#x27;", "&#8249;", "&#x2026;",
    "&amp;quot;", "&amp;laquo;&amp;nbsp;", "&amp;#8217;", "&amp;", "&amp;amp;",
    /* decomposed accents */
    "de\xcc\x81""clare\xcc\x81", "\xcc\x81", "\xcc\x88", "\xcd\x85", "C\xcc\xa7""a",
    "\xe2\x80\xa8", "\xe2\x80\xa9",
    /* non-breaking hyphens */
    "a\xe2\x80\x91t\xe2\x80\x91il", "Jean\xe2\x80\x91Pierre", "dit\xe2\x80\x90""elle", "\xe2\x80\x91",
    "internationalisation\xe2\x80\x91"};

/* Prose: words of the shortcut paths between single spaces, commas and
 * periods, so that the scanner's run of words goes on for a whole
 * window, over the end of a paragraph read in place and into the
 * zero-padded copy of its last bytes. */
static const char *const prose_word[] = {
    "the", "said", "government", "administration", "a", "I", "de", "La",
    "selon", "Washington", "internationalisation", "\xc3\xa9t\xc3\xa9",
    "\xc3\x89tat", "d\xc3\xa9j\xc3\xa0", "\xc3\xa0", "l'", "qu\xe2\x80\x99",
    "aujourd\xe2\x80\x99hui", "dit-il", "U.S", "e.g", "M", "abcdefghijklmno",
    "abcdefghijklmnop", "ABCDEFGH", "Abcdefghi", "fran\303\247ais", "x2"};
static const char *const prose_sep[] = {
    " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ",
    ", ", ". ", ",", ".", "  "};

static void scan_both(const Lexicon *lx, const char *text, uint32_t start,
                      uint32_t end, int *diffs) {
  TokenArray a = pm_array_new(), b = pm_array_new();
  IndexArray ea = pm_array_new(), eb = pm_array_new(), mb = pm_array_new();
  ref__scan(lx, text, start, end, &a, &ea);
  tok__scan(lx, text, start, end, &b, &eb, &mb);
  CHECK_EQ_INT(b.size, a.size);
  CHECK_EQ_INT(eb.size, ea.size);
  for (uint32_t i = 0; i < a.size && i < b.size && !test_current_failed; i++) {
    const Token *x = &a.contents[i], *y = &b.contents[i];
    CHECK_EQ_INT(y->start, x->start);
    CHECK_EQ_INT(y->end, x->end);
    CHECK_EQ_INT(y->kind, x->kind);
    CHECK_EQ_INT(y->flags, x->flags);
    CHECK_EQ_INT(y->lex, x->lex);
    CHECK_EQ_INT(y->stance, x->stance);
    if (x->kind == T_QMARK) {
      CHECK_EQ_INT(y->qfam, x->qfam);
      CHECK_EQ_INT(y->qrole, x->qrole);
    }
    if (x->kind == T_PUNCT) CHECK_EQ_INT(y->ch, x->ch);
    if (test_current_failed)
      printf("#   token %u: \"%.*s\" at %u\n", i, (int)(x->end - x->start),
             text + x->start, x->start);
  }
  for (uint32_t i = 0; i < ea.size && i < eb.size; i++)
    CHECK_EQ_INT(eb.contents[i], ea.contents[i]);
  /* the marks listed are the quotation marks not in markup, in order */
  uint32_t m = 0;
  for (uint32_t i = 0; i < a.size && !test_current_failed; i++) {
    if (a.contents[i].kind != T_QMARK || (a.contents[i].flags & TF_MARKUP)) continue;
    CHECK(m < mb.size && mb.contents[m] == i);
    m++;
  }
  CHECK_EQ_INT(mb.size, m);
  if (test_current_failed) (*diffs)++;
  pm_array_delete(&mb);
  pm_array_delete(&a);
  pm_array_delete(&b);
  pm_array_delete(&ea);
  pm_array_delete(&eb);
}

static void the_scanner_gives_the_reference_tokens(void) {
  const char *files[] = {"lang/fr.yaml", "lang/en.yaml"};
  PmError err;
  PmLang *l = pm_lang_load(files, 2, &err);
  CHECK(l != NULL);
  if (!l) return;
  unsigned seed = 5;
  size_t np = sizeof text_piece / sizeof *text_piece;
  static char text[4096 + 64];
  int diffs = 0;
  for (int round = 0; round < 3000 && !diffs; round++) {
    size_t n = 0, want = 1 + (size_t)rand_r(&seed) % 4096;
    /* runs of words and spaces, like text, then mixed at random; every
     * third round prose (see prose_word) */
    bool prose = round % 3 == 1;
    size_t nw = sizeof prose_word / sizeof *prose_word;
    size_t ns = sizeof prose_sep / sizeof *prose_sep;
    for (size_t w = 0; n < want; w++) {
      const char *p = text_piece[(size_t)rand_r(&seed) % np];
      if (rand_r(&seed) % 3 == 0) p = " ";
      if (prose)
        p = w % 2 ? prose_sep[(size_t)rand_r(&seed) % ns]
                  : prose_word[(size_t)rand_r(&seed) % nw];
      size_t m = strlen(p);
      if (n + m > sizeof text - 1) break;
      memcpy(text + n, p, m);
      n += m;
    }
    /* a window of the text, so a token may be cut by either end (prose
     * within its last words, where the run reads the copy) */
    uint32_t s = round % 4 ? 0 : (uint32_t)rand_r(&seed) % (uint32_t)(n + 1);
    uint32_t e = round % 5 ? (uint32_t)n
                           : s + (uint32_t)rand_r(&seed) % (uint32_t)(n - s + 1);
    if (prose && n - s > 24) e = (uint32_t)n - (uint32_t)rand_r(&seed) % 24;
    for (int id = PM_LANG_FR; id <= PM_LANG_EN && !diffs; id++)
      scan_both(&l->lex[id], text, s, e, &diffs);
  }
  CHECK_EQ_INT(diffs, 0);
  pm_lang_free(l);
}

/* The tokens of a one-paragraph text, joined by '|'. */
static void token_texts(const Lexicon *lx, const char *text, char *out, size_t size) {
  TokenArray a = pm_array_new();
  IndexArray e = pm_array_new(), m = pm_array_new();
  tok__scan(lx, text, 0, (uint32_t)strlen(text), &a, &e, &m);
  pm_array_delete(&m);
  size_t n = 0;
  out[0] = '\0';
  for (uint32_t i = 0; i < a.size; i++)
    n += (size_t)snprintf(out + n, size - n, "%s%.*s", i ? "|" : "",
                          (int)(a.contents[i].end - a.contents[i].start),
                          text + a.contents[i].start);
  pm_array_delete(&a);
  pm_array_delete(&e);
}

static void markdown_makes_no_token(void) {
  const char *files[] = {"lang/fr.yaml"};
  PmError err;
  PmLang *l = pm_lang_load(files, 1, &err);
  CHECK(l != NULL);
  if (!l) return;
  static const char *const cases[][2] = {
      {"## Réaction", "Réaction"},
      {"> « Non », dit-il.", "«|Non|»|,|dit|il|."},
      {"a dénoncé *Sophie Binet*, hier", "a|dénoncé|Sophie|Binet|,|hier"},
      {"Selon **Luc Roy** et _Ana_", "Selon|Luc|Roy|et|Ana"},
      {"[Luc Roy](https://x.org/a_(b)), a dit", "Luc|Roy|,|a|dit"},
      {"![Une photo](p.jpg) Le texte", "Une|photo|Le|texte"},
      /* plain press text keeps its marks */
      {"#MeToo 2 > 1", "#|MeToo|2|>|1"},
      {"« Il […] part »", "«|Il|[|…|]|part|»"},
      {"le compte @Le_Figaro", "le|compte|@|Le|_|Figaro"},
      {"Prix* [lien](url", "Prix|lien|(|url"}, /* an unclosed link: its ( stays */
  };
  char got[256];
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    token_texts(&l->lex[PM_LANG_FR], cases[k][0], got, sizeof got);
    CHECK_EQ_STR(got, cases[k][1]);
  }
  pm_lang_free(l);
}

int main(void) {
  RUN(every_path_finds_what_the_fold_finds);
  RUN(folded_capitals_and_apostrophes_are_found);
  RUN(tokens_carry_the_lexicon_classes_of_their_bytes);
  RUN(the_scanner_gives_the_reference_tokens);
  RUN(markdown_makes_no_token);
  return test_done();
}

/*
 * test_speed_paths.c - the analyser's shortcuts give exactly what the
 * plain code they replaced gave: each test runs the fast path and a copy
 * of the slow one on many generated inputs and compares the answers.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "pressmark/analysis.h"
#include "test.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

/* A small deterministic generator (the same inputs on every run). */
static uint32_t rnd_state = 12345u;
static uint32_t rnd(uint32_t n) {
  rnd_state = rnd_state * 1103515245u + 12345u;
  return (rnd_state >> 8) % n;
}

/* ---- recall.c: a name as whole words in a window ----------------------- */

static bool ref_alnum(unsigned char c) {
  return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}
static bool ref_word_before(unsigned char b) {
  if (b < 0x80) return ref_alnum(b);
  return !(b == 0xA0 || b == 0xAB || b == 0xBB || b == 0x93 || b == 0x94 || b == 0x98 ||
           b == 0x99 || b == 0x9C || b == 0x9D || b == 0xAF);
}
static bool ref_word_after(unsigned char a) {
  if (a < 0x80) return ref_alnum(a);
  return a != 0xC2 && a != 0xE2;
}

/* The byte-by-byte scan an__whole_word_in replaced. */
static bool ref_whole_word_in(const char *text, uint32_t len, uint32_t lo, uint32_t hi,
                              const char *w, uint32_t n, bool back, uint32_t *at) {
  if (hi - lo < n) return false;
  for (uint32_t k = 0; k <= hi - lo - n; k++) {
    uint32_t a = back ? hi - n - k : lo + k;
    if (text[a] != w[0] || memcmp(text + a, w, n)) continue;
    unsigned char before = a > 0 ? (unsigned char)text[a - 1] : ' ';
    unsigned char after = a + n < len ? (unsigned char)text[a + n] : ' ';
    if (ref_word_before(before) || ref_word_after(after)) continue;
    *at = a;
    return true;
  }
  return false;
}

static void whole_word_search_finds_what_the_scan_found(void) {
  static const char *const piece[] = {"Roux", "Rouxel", "Le Roux", " ", " ", ", ",
                                      "\xc2\xa0", "\xc2\xab", "\xc2\xbb", "a", "R",
                                      "\xc3\xa9", "\xe2\x80\x99", "x", "9", "."};
  static const char *const word[] = {"Roux", "Le Roux", "R", "x", "Ro", "\xc3\xa9"};
  char text[256];
  int found = 0, differ = 0;
  for (int round = 0; round < 20000; round++) {
    uint32_t len = 0;
    while (len < 200) {
      const char *p = piece[rnd(sizeof piece / sizeof *piece)];
      size_t pn = strlen(p);
      if (len + pn >= sizeof text) break;
      memcpy(text + len, p, pn);
      len += (uint32_t)pn;
    }
    text[len] = '\0';
    const char *w = word[rnd(sizeof word / sizeof *word)];
    uint32_t n = (uint32_t)strlen(w);
    uint32_t lo = rnd(len + 1), hi = lo + rnd(len - lo + 1);
    bool back = rnd(2);
    uint32_t a = UINT32_MAX, b = UINT32_MAX;
    bool fa = an__whole_word_in(text, len, lo, hi, w, n, back, &a);
    bool fb = ref_whole_word_in(text, len, lo, hi, w, n, back, &b);
    if (fa != fb || a != b) differ++;
    found += fb;
  }
  CHECK_EQ_INT(differ, 0);
  CHECK(found > 2000); /* the inputs do hold matches */
}

/* ---- tok__next_flag: the next token with a flag ------------------------ */

static void next_flag_finds_what_the_plain_loop_found(void) {
  Token tk[64];
  int differ = 0;
  for (int round = 0; round < 20000; round++) {
    uint32_t n = rnd(64);
    memset(tk, 0, sizeof tk);
    for (uint32_t k = 0; k < n; k++)
      tk[k].flags = (uint16_t)(rnd(6) == 0 ? TF_CAP : rnd(3) == 0 ? TF_SPACE_AFTER : 0);
    uint32_t i = rnd(n + 1), want = i;
    while (want < n && !(tk[want].flags & TF_CAP)) want++;
    if (tok__next_flag(tk, i, n, TF_CAP) != want) differ++;
  }
  CHECK_EQ_INT(differ, 0);
  /* a flag past n is not seen, nor one before i */
  memset(tk, 0, sizeof tk);
  tk[2].flags = TF_CAP;
  tk[9].flags = TF_CAP;
  CHECK_EQ_INT(tok__next_flag(tk, 3, 9, TF_CAP), 9);
  CHECK_EQ_INT(tok__next_flag(tk, 3, 10, TF_CAP), 9);
  CHECK_EQ_INT(tok__next_flag(tk, 0, 10, TF_CAP), 2);
  CHECK_EQ_INT(tok__next_flag(tk, 0, 10, TF_ALLCAP), 10);
}

/* ---- whole analyses: a kept result against its computation again ------ */

static PmLang *load(void) {
  const char *files[] = {"lang/fr.yaml", "lang/en.yaml"};
  PmError err;
  PmLang *l = pm_lang_load(files, 2, &err);
  if (!l) printf("#   %s\n", err.message);
  return l;
}

static bool same_str(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

/* Whether text[0..len) gives the same claims (every sentence: threshold
 * 0) and quotes with an__slow_paths as without.  One paragraph per block
 * and a fresh context each time: both analyses start alike. */
static bool slow_same_as_fast(PmLang *l, const char *text, size_t len, PmLangId lang) {
  PmAnalyzeOptions o;
  pm_analyze_options_init(&o);
  o.min_score = 0;
  o.lang = lang;
  PmAnalysis *a[2];
  for (int slow = 0; slow < 2; slow++) {
    an__slow_paths = slow;
    PmContext *ctx = pm_context_new();
    PmError err;
    a[slow] = pm_analyze_block(l, &o, text, len, ctx, &err);
    pm_context_free(ctx);
  }
  an__slow_paths = false;
  bool same = a[0] && a[1];
  size_t n0 = 0, n1 = 0;
  const PmClaim *c0 = same ? pm_analysis_claims(a[0], &n0) : NULL;
  const PmClaim *c1 = same ? pm_analysis_claims(a[1], &n1) : NULL;
  same = same && n0 == n1;
  for (size_t i = 0; same && i < n0; i++)
    same = c0[i].start == c1[i].start && c0[i].end == c1[i].end && c0[i].score == c1[i].score &&
           c0[i].reasons == c1[i].reasons && same_str(c0[i].speaker, c1[i].speaker);
  const PmSpeaker *s0 = same ? pm_analysis_speakers(a[0], &n0) : NULL;
  const PmSpeaker *s1 = same ? pm_analysis_speakers(a[1], &n1) : NULL;
  same = same && n0 == n1;
  for (size_t i = 0; same && i < n0; i++) same = same_str(s0[i].name, s1[i].name);
  const PmQuote *q0 = same ? pm_analysis_quotes(a[0], &n0) : NULL;
  const PmQuote *q1 = same ? pm_analysis_quotes(a[1], &n1) : NULL;
  same = same && n0 == n1;
  for (size_t i = 0; same && i < n0; i++)
    same = q0[i].start == q1[i].start && q0[i].end == q1[i].end &&
           q0[i].has_speaker == q1[i].has_speaker &&
           same_str(q0[i].speaker.name, q1[i].speaker.name);
  pm_analysis_free(a[0]);
  pm_analysis_free(a[1]);
  return same;
}

/* Sentences to build texts from: page furniture of both languages (the
 * lexicons' boilerplate), short and long claims, quotations, bylines. */
static const char *const bits[] = {
    "Sign up for our newsletter.", "Related:", "Read more", "Advertisement",
    "Share this article.", "Copyright 2031 The Herald.", "Follow us on social media.",
    "Publicité", "Lire aussi", "Abonnez-vous à notre infolettre.", "Partager",
    "The council voted 7 to 2 in 2019 to raise the levy by 4.5 %.",
    "Unemployment fell by 2 % in January, the minister said.",
    "\"We cut 1,200 jobs because the grant ended,\" said Mayor Ellen Park.",
    "« Nous avons supprimé 300 postes », a déclaré la ministre Anne Morel.",
    "Le chômage a baissé de 2 % en janvier, selon l'Insee.", "Is that fair?",
    "I think it is wrong.", "By Tom Hadley", "Par Julie Marchand",
    "Related to that, we lost 10,000 jobs last year in the province.",
    "Read more about the plan, which costs $4 billion, on page 3.", "Yes.",
    "The mayor said the bridge would reopen in March after repairs costing 2 million.",
    /* names, honorifics, institutions (speakers.c note_entities) */
    "Yanis M., 29 ans, a raconté la nuit.", "« On a eu peur », dit-il.",
    "The Bank of Canada raised its rate, the central bank said.", "Dr. Wendt said no.",
    "Me Hélène Garrigues, l'avocate de la famille, a plaidé.", "L'avocate a refusé.",
    "Erwan Guégan, le trésorier, a parlé.", "Le groupe Renault a annoncé 300 emplois.",
    "the Ministry of Emergency Management and Climate Readiness said it would act.",
    "Ms. Ortega told CBC News the devices failed.", "She said it again.",
    "« Nous irons », a déclaré Marie Dupont.", "Le ministère des Transports a réagi.",
};

static void append(PmBuf *b, const char *s) { pm_buf_append(b, s, strlen(s)); }

static void furniture_test_kept_gives_what_it_gave(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  size_t nbits = sizeof bits / sizeof *bits;
  int differ = 0, rounds = 0;
  for (int round = 0; round < 600; round++, rounds++) {
    PmBuf b = PM_BUF_INIT;
    uint32_t paras = 1 + rnd(6);
    for (uint32_t p = 0; p < paras; p++) {
      /* some lines long enough to be read as joined paragraphs
       * (AN_LONG_LINE), whose later pieces may open on furniture */
      uint32_t n = rnd(4) == 0 ? 20 + rnd(40) : 1 + rnd(5);
      for (uint32_t k = 0; k < n; k++) {
        if (k) append(&b, rnd(8) == 0 ? "  " : " ");
        append(&b, bits[rnd((uint32_t)nbits)]);
      }
      append(&b, rnd(3) ? "\n\n" : "\n");
    }
    PmLangId lang = round % 3 == 0 ? PM_LANG_FR : round % 3 == 1 ? PM_LANG_EN : PM_LANG_AUTO;
    if (!slow_same_as_fast(l, b.data, b.len, lang)) differ++;
    /* (and with note_entities' list of name candidates) */
    an__test_cands = true;
    if (!slow_same_as_fast(l, b.data, b.len, lang)) differ++;
    an__test_cands = false;
    pm_buf_free(&b);
  }
  CHECK_EQ_INT(differ, 0);
  CHECK_EQ_INT(rounds, 600);
  pm_lang_free(l);
}

/* The first 300 KiB of the fixture articles as one block (read with the
 * tokenizer in a second thread, which lists the name candidates), as
 * they are and with most of their line ends joined (longline.c cuts the
 * lines into pieces): the named people, and so the speakers and claims,
 * are the same when note_entities visits only the candidates as when it
 * visits every capital.  (And each article alone, and joined into one
 * line: the path without the list, both times.) */
static void name_candidates_give_what_every_capital_gave(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  glob_t g;
  int files = 0, differ = 0;
  PmBuf all = PM_BUF_INIT;
  if (glob("tests/fixtures/analysis/*.txt", 0, NULL, &g) == 0 &&
      glob("tests/fixtures/analysis/heldout*/*.txt", GLOB_APPEND, NULL, &g) == 0) {
    for (size_t f = 0; f < g.gl_pathc; f++) {
      PmError err;
      size_t n = 0;
      char *t = pm_file_read(g.gl_pathv[f], 1u << 20, &n, &err);
      if (!t) continue;
      files++;
      if (!slow_same_as_fast(l, t, n, PM_LANG_AUTO)) differ++;
      an__test_cands = true;
      if (!slow_same_as_fast(l, t, n, PM_LANG_AUTO)) differ++;
      an__test_cands = false;
      if (all.len < 300 * 1024) pm_buf_append(&all, t, n);
      for (size_t i = 0; i < n; i++)
        if (t[i] == '\n') t[i] = ' ';
      if (!slow_same_as_fast(l, t, n, PM_LANG_AUTO)) differ++;
      an__test_cands = true;
      if (!slow_same_as_fast(l, t, n, PM_LANG_AUTO)) differ++;
      an__test_cands = false;
      pm_free(t);
    }
  }
  globfree(&g);
  CHECK(files >= 100);
  CHECK(all.len >= AN_PIPELINE_MIN);
  /* (the worker lists the candidates of the paragraphs it rates: all of
   * them here, whatever the threads' timing) */
  an__test_cands = true;
  if (!slow_same_as_fast(l, all.data, all.len, PM_LANG_AUTO)) differ++;
  /* (joined into lines of a few paragraphs each: longline.c's pieces) */
  for (size_t i = 0; i < all.len; i++)
    if (all.data[i] == '\n' && i % 7) all.data[i] = ' ';
  if (!slow_same_as_fast(l, all.data, all.len, PM_LANG_AUTO)) differ++;
  an__test_cands = false;
  CHECK_EQ_INT(differ, 0);
  pm_buf_free(&all);
  pm_lang_free(l);
}

int main(void) {
  RUN(whole_word_search_finds_what_the_scan_found);
  RUN(next_flag_finds_what_the_plain_loop_found);
  RUN(furniture_test_kept_gives_what_it_gave);
  RUN(name_candidates_give_what_every_capital_gave);
  return test_done();
}

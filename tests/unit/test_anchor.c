/*
 * test_anchor.c - re-anchoring after inserts, deletions, typo fixes, moved
 * paragraphs and repeated phrases; the minimum fuzzy score; the batch.
 */
#include <stdio.h>
#include <string.h>

#include "pressmark/anchor.h"
#include "pressmark/sidecar.h"
#include "test.h"
#include "util/buf.h"
#include "util/utf8.h"

static const char article[] =
    "Le ministre de l'Int\xc3\xa9rieur, Manuel Valls, est arriv\xc3\xa9 hier.\n"
    "\xc2\xab La traque sera longue et difficile \xc2\xbb, a-t-il d\xc3\xa9" "clar\xc3\xa9.\n"
    "Selon lui, le dispositif restera en place.\n"
    "Les habitants restent inquiets.\n";

/* A spec anchored on `exact` where it is in `text`, with context. */
static PmAnchorSpec spec_at(const char *text, const char *exact) {
  const char *p = strstr(text, exact);
  PmAnchorSpec s;
  memset(&s, 0, sizeof s);
  if (!p) return s;
  uint32_t start = (uint32_t)(p - text);
  pm_anchor_context(text, strlen(text), start, start + (uint32_t)strlen(exact), &s);
  uint32_t line = 1, ls = 0;
  for (uint32_t i = 0; i < start; i++)
    if (text[i] == '\n') line++, ls = i + 1;
  s.line = line;
  s.col = start - ls;
  return s;
}

static PmAnchorResult resolve(const char *text, const PmAnchorSpec *s) {
  PmAnchorResult r;
  pm_anchor_resolve(text, strlen(text), s, &r);
  return r;
}

static const char *found_text(const char *text, const PmAnchorResult *r,
                              char *buf, size_t cap) {
  size_t n = r->end - r->start < cap - 1 ? r->end - r->start : cap - 1;
  memcpy(buf, text + r->start, n);
  buf[n] = '\0';
  return buf;
}

static void unchanged_text_is_anchored_at_the_hint(void) {
  PmAnchorSpec s = spec_at(article, "La traque sera longue");
  PmAnchorResult r = resolve(article, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_ANCHORED);
  CHECK_EQ_INT(r.line, 2);
  CHECK_EQ_INT(r.col, 3); /* after the two bytes of « and a space */
}

static void insertion_above_moves_it(void) {
  PmAnchorSpec s = spec_at(article, "le dispositif restera en place");
  PmBuf b = PM_BUF_INIT;
  pm_buf_puts(&b, "Un paragraphe ajout\xc3\xa9 en t\xc3\xaate.\n\n");
  pm_buf_puts(&b, article);
  PmAnchorResult r = resolve(b.data, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_MOVED);
  CHECK_EQ_INT(r.line, 5);
  CHECK_EQ_INT(r.col, 11);
  char buf[64];
  CHECK_EQ_STR(found_text(b.data, &r, buf, sizeof buf),
               "le dispositif restera en place");
  pm_buf_free(&b);
}

static void deletion_above_moves_it(void) {
  PmAnchorSpec s = spec_at(article, "Les habitants restent inquiets");
  const char *shorter = strstr(article, "Selon lui");
  PmAnchorResult r = resolve(shorter, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_MOVED);
  CHECK_EQ_INT(r.line, 2);
  CHECK_EQ_INT(r.col, 0);
}

static void typo_fix_is_a_fuzzy_match(void) {
  PmAnchorSpec s = spec_at(article, "La traque sera longue et difficile");
  PmBuf b = PM_BUF_INIT;
  pm_buf_puts(&b, article);
  char *p = strstr(b.data, "longue et");
  memcpy(p, "lonque", 6); /* one substitution */
  PmAnchorResult r = resolve(b.data, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_FUZZY);
  CHECK_EQ_INT(r.errors, 1);
  char buf[64];
  CHECK_EQ_STR(found_text(b.data, &r, buf, sizeof buf),
               "La traque sera lonque et difficile");
  pm_buf_free(&b);
}

static void accents_count_as_one_error_each(void) {
  /* 24 code points: 2 errors allowed; "é" -> "e" twice is 2 in code
   * points (it would be 4 in bytes). */
  const char *before = "Il a d\xc3\xa9" "clar\xc3\xa9 la guerre au crime, hier.\n";
  const char *after = "Il a declare la guerre au crime, hier.\n";
  PmAnchorSpec s = spec_at(before, "d\xc3\xa9" "clar\xc3\xa9 la guerre au crime");
  PmAnchorResult r = resolve(after, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_FUZZY);
  CHECK_EQ_INT(r.errors, 2);
  char buf[64];
  CHECK_EQ_STR(found_text(after, &r, buf, sizeof buf), "declare la guerre au crime");
}

static void too_many_errors_is_an_orphan(void) {
  /* 20 code points allow 2 errors; 3 substitutions are too many. */
  const char *before = "xxx abcdefghijklmnopqrst yyy\n";
  const char *after = "xxx abcXefgXijkXmnopqrst yyy\n";
  PmAnchorSpec s = spec_at(before, "abcdefghijklmnopqrst");
  PmAnchorResult r = resolve(after, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_ORPHAN);
  const char *two = "xxx abcXefgXijklmnopqrst yyy\n";
  r = resolve(two, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_FUZZY);
  CHECK_EQ_INT(r.errors, 2);
}

static void short_quotes_are_never_fuzzy(void) {
  const char *before = "Il a dit oui hier.\n";
  const char *after = "Il a dit non hier.\n";
  PmAnchorSpec s = spec_at(before, "dit oui");
  PmAnchorResult r = resolve(after, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_ORPHAN);
}

static void deleted_quote_is_an_orphan(void) {
  PmAnchorSpec s = spec_at(article, "Les habitants restent inquiets");
  char *cut = pm_strndup(article, (size_t)(strstr(article, "Les habitants") - article));
  PmAnchorResult r = resolve(cut, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_ORPHAN);
  pm_free(cut);
}

static void repeated_phrase_is_told_apart_by_context(void) {
  const char *text =
      "Alpha said: we will win. Then a pause.\n"
      "Beta said: we will win. And left.\n";
  PmAnchorSpec s = spec_at(text, "Beta said: we will win");
  /* Point at the second occurrence of "we will win" only. */
  const char *second = strstr(strstr(text, "Beta"), "we will win");
  uint32_t start = (uint32_t)(second - text);
  pm_anchor_context(text, strlen(text), start, start + 11, &s);
  s.line = 2;
  s.col = 11;
  /* Move things around: a line added at the top shifts both. */
  PmBuf b = PM_BUF_INIT;
  pm_buf_puts(&b, "Header line.\n");
  pm_buf_puts(&b, text);
  PmAnchorResult r = resolve(b.data, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_MOVED);
  CHECK_EQ_INT(r.line, 3);
  CHECK_EQ_INT(r.col, 11);
  pm_buf_free(&b);
}

static void identical_context_without_hint_is_ambiguous(void) {
  const char *text = "a b. we will win. c d.\na b. we will win. c d.\n";
  PmAnchorSpec s;
  memset(&s, 0, sizeof s);
  s.exact = "we will win";
  s.exact_len = 11;
  s.prefix = "a b. ";
  s.prefix_len = 5;
  PmAnchorResult r = resolve(text, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_AMBIGUOUS);
  CHECK_EQ_INT(r.candidates, 2);
  /* With a hint, the nearer one wins. */
  s.line = 2;
  s.col = 3;
  r = resolve(text, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_MOVED);
  CHECK_EQ_INT(r.line, 2);
}

static void equal_fuzzy_candidates_are_ambiguous(void) {
  const char *before = "The budget grew by forty percent last year.\n";
  const char *after =
      "The budget grew by forty percnt last year.\n"
      "The budget grew by forty percnt last year.\n";
  PmAnchorSpec s = spec_at(before, "budget grew by forty percent");
  PmAnchorResult r = resolve(after, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_AMBIGUOUS);
}

static void moved_paragraph_is_found(void) {
  const char *p1 = "First paragraph talks about the weather today.\n\n";
  const char *p2 = "Second paragraph: \xc2\xab We have secured the border \xc2\xbb, he said.\n\n";
  const char *p3 = "Third paragraph closes the article.\n";
  PmBuf a = PM_BUF_INIT, b = PM_BUF_INIT;
  pm_buf_puts(&a, p1), pm_buf_puts(&a, p2), pm_buf_puts(&a, p3);
  pm_buf_puts(&b, p3), pm_buf_puts(&b, "\n"), pm_buf_puts(&b, p1), pm_buf_puts(&b, p2);
  PmAnchorSpec s = spec_at(a.data, "We have secured the border");
  PmAnchorResult r = resolve(b.data, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_MOVED);
  CHECK_EQ_INT(r.line, 5);
  pm_buf_free(&a);
  pm_buf_free(&b);
}

static void context_is_cut_on_character_boundaries(void) {
  const char *text = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                     "\xc3\xa9\xc3\xa9X";
  PmAnchorSpec s;
  pm_anchor_context(text, strlen(text), 68, 69, &s);
  CHECK_EQ_INT(s.prefix_len, 64); /* 32 code points of two bytes */
  CHECK(((unsigned char)s.prefix[0] & 0xC0) != 0x80);
  CHECK_EQ_INT(s.suffix_len, 0);
}

/* A distinct made-up word per line, so that lines differ by more than
 * the fuzzy bound. */
static const char *word(int i) {
  static char w[9];
  unsigned x = (unsigned)i * 2654435761u + 12345u;
  for (int k = 0; k < 8; k++) w[k] = (char)('a' + (x >> (k * 3)) % 26);
  w[8] = '\0';
  return w;
}

static void batch_carries_the_shift_and_counts_outcomes(void) {
  /* 200 notes on 200 lines, then two lines inserted at the top, one quote
   * with a typo, one deleted. */
  PmBuf a = PM_BUF_INIT, b = PM_BUF_INIT;
  for (int i = 0; i < 200; i++)
    pm_buf_printf(&a, "Line %03d says: the figure %s is right.\n", i, word(i));
  pm_buf_puts(&b, "A new first line.\nAnd a second one.\n");
  for (int i = 0; i < 200; i++) {
    if (i == 50) continue;
    if (i == 100) pm_buf_printf(&b, "Line %03d says: the figur %s is right.\n", i, word(i));
    else pm_buf_printf(&b, "Line %03d says: the figure %s is right.\n", i, word(i));
  }
  PmSidecar *sc = pm_sidecar_new();
  for (int i = 0; i < 200; i++) {
    char exact[64];
    snprintf(exact, sizeof exact, "the figure %s is right", word(i));
    PmNote *n = pm_sidecar_note_add(sc, "claim", exact, NULL);
    const char *p = strstr(a.data, exact);
    pm_note_anchor_at(n, a.data, a.len, (uint32_t)(p - a.data),
                      (uint32_t)(p - a.data + strlen(exact)));
  }
  PmAnchorStats st;
  pm_sidecar_reanchor(sc, b.data, b.len, &st);
  CHECK_EQ_INT(st.anchored, 0);
  CHECK_EQ_INT(st.moved, 198);
  CHECK_EQ_INT(st.fuzzy, 1);
  CHECK_EQ_INT(st.orphan, 1);
  CHECK_EQ_INT(st.ambiguous, 0);
  PmNote *n = pm_sidecar_note_at(sc, 120);
  CHECK_EQ_INT(pm_note_anchor_result(n)->outcome, PM_ANCHOR_MOVED);
  CHECK_EQ_INT(pm_note_anchor_result(n)->line, 122); /* +2 inserted, -1 deleted */
  /* Write the new places; a second pass is all anchored but the orphan. */
  size_t changed = pm_sidecar_apply_anchors(sc, b.data, b.len);
  CHECK_EQ_INT(changed, 199);
  char want[64];
  snprintf(want, sizeof want, "the figur %s is right", word(100));
  CHECK_EQ_STR(pm_note_exact(pm_sidecar_note_at(sc, 100)), want);
  snprintf(want, sizeof want, "the figure %s is right", word(50));
  CHECK_EQ_STR(pm_note_exact(pm_sidecar_note_at(sc, 50)), want);
  pm_sidecar_reanchor(sc, b.data, b.len, &st);
  CHECK_EQ_INT(st.anchored, 199);
  CHECK_EQ_INT(st.orphan, 1);
  pm_sidecar_free(sc);
  pm_buf_free(&a);
  pm_buf_free(&b);
}

static void many_notes_far_away_are_found_in_one_pass(void) {
  /* 20 KB inserted at the top: beyond the nearby window, so every note
   * goes to the one-pass search over the whole text (one note's text is
   * under 16 bytes and gets its own search). */
  PmBuf a = PM_BUF_INIT, b = PM_BUF_INIT;
  for (int i = 0; i < 40; i++)
    pm_buf_printf(&a, "Sentence %02d tells of %s and more.\n", i, word(i));
  for (int i = 0; i < 500; i++) pm_buf_puts(&b, "Filler line of forty bytes, no notes.\n");
  pm_buf_puts(&b, a.data);
  PmSidecar *sc = pm_sidecar_new();
  for (int i = 0; i < 40; i++) {
    char exact[64];
    if (i == 7) snprintf(exact, sizeof exact, "%s", word(i));
    else snprintf(exact, sizeof exact, "tells of %s and more", word(i));
    PmNote *n = pm_sidecar_note_add(sc, "claim", exact, NULL);
    const char *p = strstr(a.data, exact);
    pm_note_anchor_at(n, a.data, a.len, (uint32_t)(p - a.data),
                      (uint32_t)(p - a.data + strlen(exact)));
  }
  PmAnchorStats st;
  pm_sidecar_reanchor(sc, b.data, b.len, &st);
  CHECK_EQ_INT(st.moved, 40);
  const PmAnchorResult *r = pm_note_anchor_result(pm_sidecar_note_at(sc, 39));
  CHECK_EQ_INT(r->line, 540);
  CHECK_EQ_INT(r->col, 12);
  r = pm_note_anchor_result(pm_sidecar_note_at(sc, 7));
  CHECK_EQ_INT(r->line, 508);
  CHECK_EQ_INT(r->col, 21);
  pm_sidecar_free(sc);
  pm_buf_free(&a);
  pm_buf_free(&b);
}

/* Random small texts and quotes: never a crash, and every placed result
 * is a real span (exact for anchored and moved, within the error bound
 * for fuzzy). */
static void random_texts_give_consistent_results(void) {
  uint64_t x = 12345;
  char text[300], exact[40];
  int placed = 0;
  for (int round = 0; round < 4000; round++) {
    size_t n = 0, m;
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    size_t len = 20 + x % 250;
    for (n = 0; n < len; n++) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      text[n] = "ab \n\xc3\xa9" "c"[x % 7];
    }
    text[n] = '\0';
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    m = 1 + x % 30;
    size_t from = (x >> 20) % (len - 1);
    if (from + m > len) m = len - from;
    memcpy(exact, text + from, m);
    exact[m] = '\0';
    if (round % 3 == 0 && m > 2) exact[m / 2] = 'z';
    PmAnchorSpec s;
    memset(&s, 0, sizeof s);
    s.exact = exact;
    s.exact_len = m;
    s.line = (uint32_t)(x >> 40) % 4;
    s.col = (uint32_t)(x >> 48) % 40;
    PmAnchorResult r;
    pm_anchor_resolve(text, len, &s, &r);
    if (r.outcome == PM_ANCHOR_ANCHORED || r.outcome == PM_ANCHOR_MOVED) {
      CHECK(r.end - r.start == m && !memcmp(text + r.start, exact, m));
      placed++;
    } else if (r.outcome == PM_ANCHOR_FUZZY) {
      CHECK(r.end <= len && r.start < r.end);
      CHECK(r.errors <= pm_utf8_count(exact, m) / 10);
      CHECK(pm_utf8_count(exact, m) >= 10);
    } else {
      CHECK(r.outcome == PM_ANCHOR_AMBIGUOUS || r.outcome == PM_ANCHOR_ORPHAN);
    }
  }
  CHECK(placed > 1000);
}

static void outcome_names(void) {
  CHECK_EQ_STR(pm_anchor_outcome_name(PM_ANCHOR_ANCHORED), "anchored");
  CHECK_EQ_STR(pm_anchor_outcome_name(PM_ANCHOR_MOVED), "moved");
  CHECK_EQ_STR(pm_anchor_outcome_name(PM_ANCHOR_FUZZY), "fuzzy");
  CHECK_EQ_STR(pm_anchor_outcome_name(PM_ANCHOR_AMBIGUOUS), "ambiguous");
  CHECK_EQ_STR(pm_anchor_outcome_name(PM_ANCHOR_ORPHAN), "orphan");
}

static void long_quote_uses_several_bit_vector_words(void) {
  /* 300 code points (5 words of 64): 30 errors allowed; make 25. */
  PmBuf q = PM_BUF_INIT, t = PM_BUF_INIT;
  for (int i = 0; i < 300; i++) pm_buf_putc(&q, (char)('a' + (i * 7 % 26)));
  pm_buf_puts(&t, "start ");
  for (size_t i = 0; i < q.len; i++)
    pm_buf_putc(&t, i % 12 == 5 ? '#' : q.data[i]);
  pm_buf_puts(&t, " end\n");
  PmAnchorSpec s;
  memset(&s, 0, sizeof s);
  s.exact = q.data;
  s.exact_len = q.len;
  s.line = 1;
  s.col = 6;
  PmAnchorResult r = resolve(t.data, &s);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_FUZZY);
  CHECK_EQ_INT(r.errors, 25);
  CHECK_EQ_INT(r.start, 6);
  CHECK_EQ_INT(r.end, 306);
  pm_buf_free(&q);
  pm_buf_free(&t);
}

/* 300,000 lines "NNNNNN Le Maire, a dit." under 1,000 inserted lines: a
 * 10-byte text repeated 300,000 times, the note's own one 21 KB from its
 * hint (beyond the nearby window).  Scored nearest first, the search stops
 * at the first occurrence whose whole context matches: a few thousand
 * comparisons, not 300,000. */
static void repeat_text(PmBuf *b, int inserted) {
  for (int i = 0; i < inserted; i++) pm_buf_printf(b, "inserted %04d\n", i);
  for (int i = 0; i < 300000; i++) pm_buf_printf(b, "%06d Le Maire, a dit.\n", i);
}

static void text_repeated_300000_times_is_found_nearest_first(void) {
  PmBuf b = PM_BUF_INIT;
  repeat_text(&b, 1000);
  char want[32];
  snprintf(want, sizeof want, "\n%06d Le Maire, ", 200000);
  const char *p = strstr(b.data, want);
  CHECK(p != NULL);
  uint32_t start = (uint32_t)(p - b.data) + 8;
  PmAnchorSpec s;
  memset(&s, 0, sizeof s);
  pm_anchor_context(b.data, b.len, start, start + 10, &s);
  s.line = 200001; /* 1,000 lines came in above, and the column */
  s.col = 3;       /* moved too: not at the hint, nor close to it */
  PmAnchorResult r;
  pm_anchor_resolve(b.data, b.len, &s, &r);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_MOVED);
  CHECK_EQ_INT(r.start, start);
  CHECK_EQ_INT(r.line, 201001);
  CHECK_EQ_INT(r.col, 7);
  CHECK(r.scored > 0);
  /* 1,000 lines each way (2,001), plus the nearby window's 8 KB (~342);
   * the whole text holds 300,000. */
  CHECK(r.scored <= 2400);
  pm_buf_free(&b);
}

static void text_repeated_300000_times_without_hint_hits_the_cap(void) {
  /* Same context everywhere and no hint: ambiguous, after at most the cap
   * of comparisons. */
  PmBuf b = PM_BUF_INIT;
  for (int i = 0; i < 300000; i++) pm_buf_puts(&b, "Le Maire, ");
  PmAnchorSpec s;
  memset(&s, 0, sizeof s);
  pm_anchor_context(b.data, b.len, 1500000, 1500010, &s);
  s.line = 0;
  PmAnchorResult r;
  pm_anchor_resolve(b.data, b.len, &s, &r);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_AMBIGUOUS);
  CHECK(r.candidates >= 2);
  CHECK_EQ_INT(r.scored, PM_ANCHOR_MAX_CANDIDATES);
  /* With a hint 3 bytes off, the nearest full match wins at once. */
  s.line = 1;
  s.col = 1500003;
  pm_anchor_resolve(b.data, b.len, &s, &r);
  CHECK_EQ_INT(r.outcome, PM_ANCHOR_MOVED);
  CHECK_EQ_INT(r.start, 1500000);
  CHECK(r.scored <= 16);
  pm_buf_free(&b);
}

static void batch_of_notes_on_a_text_repeated_300000_times(void) {
  /* 12 notes on the 16-byte "Le Maire, a dit." (the one-pass search over
   * the text, which meets occurrences in text order): each goes over the
   * cap there and is searched again nearest first. */
  PmBuf b = PM_BUF_INIT;
  repeat_text(&b, 1000);
  PmSidecar *sc = pm_sidecar_new();
  for (int k = 0; k < 12; k++) {
    PmNote *n = pm_sidecar_note_add(sc, "claim", "Le Maire, a dit.", NULL);
    char want[32];
    snprintf(want, sizeof want, "\n%06d Le Maire, ", 20000 * k + 7);
    const char *p = strstr(b.data, want);
    CHECK(p != NULL);
    uint32_t start = (uint32_t)(p - b.data) + 8;
    pm_note_anchor_at(n, b.data, b.len, start, start + 16);
    char ex[32], pre[64], suf[64]; /* copied: set_anchor replaces them */
    snprintf(ex, sizeof ex, "%s", pm_note_exact(n));
    snprintf(pre, sizeof pre, "%s", pm_note_prefix(n));
    snprintf(suf, sizeof suf, "%s", pm_note_suffix(n));
    pm_note_set_anchor(n, ex, pre, suf, pm_note_line(n) - 1000, 3);
  }
  PmAnchorStats st;
  pm_sidecar_reanchor(sc, b.data, b.len, &st);
  CHECK_EQ_INT(st.moved, 12);
  for (int k = 0; k < 12; k++) {
    const PmAnchorResult *r = pm_note_anchor_result(pm_sidecar_note_at(sc, (uint32_t)k));
    CHECK_EQ_INT(r->line, (uint32_t)(1000 + 20000 * k + 7 + 1));
    CHECK(r->scored <= PM_ANCHOR_MAX_CANDIDATES + 2400);
  }
  CHECK(st.scored <= 12 * (uint64_t)(PM_ANCHOR_MAX_CANDIDATES + 2400));
  pm_sidecar_free(sc);
  pm_buf_free(&b);
}

int main(void) {
  RUN(unchanged_text_is_anchored_at_the_hint);
  RUN(insertion_above_moves_it);
  RUN(deletion_above_moves_it);
  RUN(typo_fix_is_a_fuzzy_match);
  RUN(accents_count_as_one_error_each);
  RUN(too_many_errors_is_an_orphan);
  RUN(short_quotes_are_never_fuzzy);
  RUN(deleted_quote_is_an_orphan);
  RUN(repeated_phrase_is_told_apart_by_context);
  RUN(identical_context_without_hint_is_ambiguous);
  RUN(equal_fuzzy_candidates_are_ambiguous);
  RUN(moved_paragraph_is_found);
  RUN(context_is_cut_on_character_boundaries);
  RUN(batch_carries_the_shift_and_counts_outcomes);
  RUN(many_notes_far_away_are_found_in_one_pass);
  RUN(random_texts_give_consistent_results);
  RUN(outcome_names);
  RUN(long_quote_uses_several_bit_vector_words);
  RUN(text_repeated_300000_times_is_found_nearest_first);
  RUN(text_repeated_300000_times_without_hint_hits_the_cap);
  RUN(batch_of_notes_on_a_text_repeated_300000_times);
  return test_done();
}

/*
 * test_speed_paths.c - the analyser's shortcuts give exactly what the
 * plain code they replaced gave: each test runs the fast path and a copy
 * of the slow one on many generated inputs and compares the answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "test.h"

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

int main(void) {
  RUN(whole_word_search_finds_what_the_scan_found);
  RUN(next_flag_finds_what_the_plain_loop_found);
  return test_done();
}

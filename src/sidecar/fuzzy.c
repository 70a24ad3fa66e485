/*
 * fuzzy.c - approximate search of a note's text in a window of the
 * article: Myers' bit-parallel edit distance (G. Myers, "A fast bit-vector
 * algorithm for approximate string matching", 1999), in the multi-word
 * form of Hyyrö, over code points.
 *
 * This is the approach of the Hypothesis client's text-quote anchoring
 * (approx-string-match), bounded here to a window around the hint so that
 * the cost of a damaged note does not depend on the article's size.  For
 * each end position the bit vectors give the fewest edits of any
 * alignment of the whole pattern ending there; the start of the best
 * alignment is then found by a small dynamic programme run backwards.
 * Code points, not bytes, so that "é" -> "e" is one error, as a reader
 * counts it.
 */
#include <stdlib.h>
#include <string.h>

#include "sidecar/internal.h"
#include "util/alloc.h"
#include "util/utf8.h"

/* Longer quotes are not searched approximately (cost bound). */
#define FUZZY_MAX_PATTERN 4000

typedef struct {
  int32_t cp;
  uint32_t slot;
} CpSlot;

static int cmp_cp(const void *a, const void *b) {
  int32_t x = ((const CpSlot *)a)->cp, y = ((const CpSlot *)b)->cp;
  return (x > y) - (x < y);
}

/* Decodes s[0..n) into code points (an invalid byte counts as one, as
 * -1 - byte so different bad bytes stay different). */
static uint32_t decode(const char *s, size_t n, int32_t *cps, uint32_t *offs,
                       uint32_t base) {
  uint32_t k = 0;
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    size_t l = pm_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (cp < 0) cp = -1 - (int32_t)(unsigned char)s[i];
    if (offs) offs[k] = base + (uint32_t)i;
    cps[k++] = cp;
    i += l;
  }
  if (offs) offs[k] = base + (uint32_t)n;
  return k;
}

/* Edits between the pattern and text cps ending at `e` (inclusive) with
 * `d` errors: returns how many text code points the best alignment with d
 * errors uses (closest to m). */
static uint32_t start_of(const int32_t *p, uint32_t m, const int32_t *t,
                         uint32_t e, uint32_t d) {
  uint32_t w = m + d; /* an alignment uses at most m + d text cps */
  if (w > e + 1) w = e + 1;
  uint32_t *prev = pm_malloc((w + 1) * sizeof *prev);
  uint32_t *cur = pm_malloc((w + 1) * sizeof *cur);
  for (uint32_t j = 0; j <= w; j++) prev[j] = j;
  for (uint32_t i = 1; i <= m; i++) {
    cur[0] = i;
    int32_t pc = p[m - i];
    for (uint32_t j = 1; j <= w; j++) {
      uint32_t sub = prev[j - 1] + (t[e + 1 - j] != pc);
      uint32_t del = prev[j] + 1, ins = cur[j - 1] + 1;
      uint32_t v = sub < del ? sub : del;
      cur[j] = v < ins ? v : ins;
    }
    uint32_t *tmp = prev;
    prev = cur;
    cur = tmp;
  }
  uint32_t best = m < w ? m : w, bestdiff = UINT32_MAX;
  for (uint32_t j = 0; j <= w; j++)
    if (prev[j] == d) {
      uint32_t diff = j > m ? j - m : m - j;
      if (diff < bestdiff) bestdiff = diff, best = j;
    }
  pm_free(prev);
  pm_free(cur);
  return best;
}

uint32_t pm_anchor__fuzzy(const char *text, size_t len, uint32_t ws,
                          uint32_t we, const PmAnchorSpec *spec,
                          uint32_t max_errors, PmFuzzyMatch *best) {
  if (we <= ws || spec->exact_len == 0) return 0;
  int32_t *p = pm_malloc((spec->exact_len + 1) * sizeof *p);
  uint32_t m = decode(spec->exact, spec->exact_len, p, NULL, 0);
  if (m == 0 || m > FUZZY_MAX_PATTERN) {
    pm_free(p);
    return 0;
  }
  uint32_t nb = (m + 63) / 64, lastbit = (m - 1) % 64;
  /* Peq: one bit mask per pattern position block, per code point.  ASCII
   * in a table, the rest in a sorted list. */
  uint64_t *ascii = pm_calloc(128 * nb, sizeof *ascii);
  CpSlot *other = pm_malloc(m * sizeof *other);
  uint32_t nother = 0;
  for (uint32_t i = 0; i < m; i++)
    if (p[i] < 0 || p[i] >= 128) other[nother++] = (CpSlot){p[i], 0};
  qsort(other, nother, sizeof *other, cmp_cp);
  uint32_t uniq = 0;
  for (uint32_t i = 0; i < nother; i++)
    if (!uniq || other[uniq - 1].cp != other[i].cp) other[uniq++] = other[i];
  uint64_t *omask = pm_calloc((size_t)(uniq ? uniq : 1) * nb, sizeof *omask);
  for (uint32_t i = 0; i < uniq; i++) other[i].slot = i;
  for (uint32_t i = 0; i < m; i++) {
    uint64_t bit = (uint64_t)1 << (i % 64);
    if (p[i] >= 0 && p[i] < 128) {
      ascii[(size_t)p[i] * nb + i / 64] |= bit;
    } else {
      CpSlot key = {p[i], 0};
      CpSlot *s = bsearch(&key, other, uniq, sizeof *other, cmp_cp);
      omask[(size_t)s->slot * nb + i / 64] |= bit;
    }
  }

  uint32_t wn = we - ws;
  int32_t *t = pm_malloc((wn + 1) * sizeof *t);
  uint32_t *offs = pm_malloc((wn + 1) * sizeof *offs);
  uint32_t n = decode(text + ws, wn, t, offs, ws);
  uint64_t *pv = pm_malloc(nb * sizeof *pv), *mv = pm_calloc(nb, sizeof *mv);
  for (uint32_t b = 0; b < nb; b++) pv[b] = ~(uint64_t)0;
  static const uint64_t zero[1] = {0};
  uint32_t score = m, ties = 0;
  bool in_run = false;
  uint32_t run_best = 0, run_end = 0;
  PmFuzzyMatch top = {0, 0, UINT32_MAX, 0};

  for (uint32_t j = 0; j <= n; j++) {
    if (j < n) {
      const uint64_t *eq;
      int32_t c = t[j];
      if (c >= 0 && c < 128) {
        eq = &ascii[(size_t)c * nb];
      } else {
        CpSlot key = {c, 0};
        CpSlot *s = uniq ? bsearch(&key, other, uniq, sizeof *other, cmp_cp) : NULL;
        eq = s ? &omask[(size_t)s->slot * nb] : NULL;
      }
      int hin = 0; /* the text may start anywhere: row 0 costs nothing */
      for (uint32_t b = 0; b < nb; b++) {
        uint64_t e = eq ? eq[b] : zero[0];
        uint64_t Pv = pv[b], Mv = mv[b];
        uint64_t Xv = e | Mv;
        if (hin < 0) e |= 1;
        uint64_t Xh = (((e & Pv) + Pv) ^ Pv) | e;
        uint64_t Ph = Mv | ~(Xh | Pv);
        uint64_t Mh = Pv & Xh;
        int hout;
        if (b == nb - 1) {
          hout = (int)((Ph >> lastbit) & 1) - (int)((Mh >> lastbit) & 1);
          score = (uint32_t)((int)score + hout);
        } else {
          hout = (int)(Ph >> 63) - (int)(Mh >> 63);
        }
        Ph <<= 1;
        Mh <<= 1;
        if (hin < 0) Mh |= 1;
        else if (hin > 0) Ph |= 1;
        pv[b] = Mh | ~(Xv | Ph);
        mv[b] = Ph & Xv;
        hin = hout;
      }
    }
    /* Runs of end positions within the bound are one candidate each,
     * taken where it has the fewest errors. */
    bool ok = j < n && score <= max_errors;
    if (ok && (!in_run || score < run_best)) run_best = score, run_end = j;
    if (ok) in_run = true;
    if (!ok && in_run) {
      in_run = false;
      uint32_t used = start_of(p, m, t, run_end, run_best);
      PmFuzzyMatch c = {offs[run_end + 1 - used], offs[run_end + 1], run_best, 0};
      c.ctx = pm_anchor__context_score(text, len, c.start, c.end, spec, NULL);
      if (c.errors < top.errors || (c.errors == top.errors && c.ctx > top.ctx)) {
        top = c;
        ties = 1;
      } else if (c.errors == top.errors && c.ctx == top.ctx) {
        ties++;
      }
    }
  }
  pm_free(p);
  pm_free(ascii);
  pm_free(other);
  pm_free(omask);
  pm_free(t);
  pm_free(offs);
  pm_free(pv);
  pm_free(mv);
  if (ties) *best = top;
  return ties;
}

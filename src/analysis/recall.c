/*
 * recall.c - where a carried-over speaker is named.  A quotation whose
 * speaker no words beside it name (a follow-on, the rest of a quotation
 * continued from the paragraph before, a lead-in's, a headline's the body
 * attributes) still has a place in the text that names that person: the
 * nearest mention of the same speaker.  Pointing there lets a reader (and
 * the editor's "go to speaker") find who is meant, and keeps the speaker a
 * span of the text, as quote-attribution evaluations compare speakers.
 *
 * Runs once a block, after the speaker pass, over the block's quotations
 * (the only ones whose offsets share its origin).
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"

/* How far to look, in quotations each way: a follow-on comes within a
 * few sentences of its speaker's quotation, a headline's a few
 * paragraphs before the body names its speaker.  (48 found no more in
 * our batches than 8, at 1.3 instructions a byte against 0.3.) */
#define RECALL_REACH 8
/* and in bytes of text, when no quotation names the speaker */
#define RECALL_BYTES 2000u

static bool named_by(const PmQuote *p, const char *name) {
  return p->has_speaker && p->speaker.mention && p->speaker.name &&
         p->speaker.end > p->speaker.start &&
         (p->speaker.name == name ||
          (p->speaker.name[0] == name[0] && !strcmp(p->speaker.name, name)));
}

/* A pronoun ("il", "she", "selon lui") names nobody by itself: a reader
 * sent to the speaker wants the name it stands for when there is one. */
static bool by_pronoun(const PmQuote *p) {
  return strstr(p->speaker.how, "pronoun") != NULL;
}

/* Whether a name may not end before byte b / start after byte a: ASCII
 * letters and digits, and the bytes of letters beyond ASCII, go on a
 * word; spaces, punctuation, NBSP, guillemets, curly quotes, dashes
 * (their last bytes A0 AB BB 93 94 98 99 9C 9D AF, first bytes C2 E2) do
 * not. */
static bool ascii_alnum(unsigned char c) {
  return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

static bool word_before(unsigned char b) {
  if (b < 0x80) return ascii_alnum(b);
  switch (b) {
  case 0xA0: case 0xAB: case 0xBB: case 0x93: case 0x94:
  case 0x98: case 0x99: case 0x9C: case 0x9D: case 0xAF:
    return false;
  default:
    return true;
  }
}

static bool word_after(unsigned char a) {
  if (a < 0x80) return ascii_alnum(a);
  return a != 0xC2 && a != 0xE2;
}

/* Where the word w[0..n) stands whole in text[lo, hi), the nearest to
 * `hi` when `back`, else to `lo`: the first byte found by memchr, the rest
 * compared.  Going forward and keeping the last match finds the one a
 * backward scan would (the matches are in text order), and memchr jumps
 * over the bytes between two candidates where a byte-by-byte scan cost
 * eight instructions a byte (3.5 instructions a byte of press text). */
bool an__whole_word_in(const char *text, uint32_t len, uint32_t lo, uint32_t hi,
                       const char *w, uint32_t n, bool back, uint32_t *at) {
  if (n == 0 || hi < lo || hi - lo < n) return false;
  bool found = false;
  const char *p = text + lo, *last = text + hi - n; /* last start */
  while (p <= last && (p = memchr(p, w[0], (size_t)(last - p) + 1)) != NULL) {
    uint32_t k = (uint32_t)(p - text);
    p++;
    if (memcmp(text + k, w, n)) continue;
    /* (the text's bytes, not the window's edges: "Roux" is no word
     * of "Rouxel" cut by the window) */
    unsigned char before = k > 0 ? (unsigned char)text[k - 1] : ' ';
    unsigned char after = k + n < len ? (unsigned char)text[k + n] : ' ';
    if (word_before(before) || word_after(after)) continue;
    *at = k;
    found = true;
    if (!back) break;
  }
  return found;
}

/* Where `name` (else its last word, a surname) stands as whole words
 * in text[lo, hi), the nearest to `hi` when `back`, else to `lo`.  For the
 * few quotations no other quotation's mention names the speaker of: a
 * sentence about the person before them, a headline. */
static bool in_text(const char *text, uint32_t len, uint32_t lo, uint32_t hi, const char *name,
                    bool back, uint32_t *s, uint32_t *e) {
  const char *sp = strrchr(name, ' ');
  for (int pass = 0; pass < 2; pass++) {
    const char *w = pass ? (sp ? sp + 1 : NULL) : name;
    if (!w) break;
    uint32_t n = (uint32_t)strlen(w), at;
    if (n < 3) continue;
    if (an__whole_word_in(text, len, lo, hi, w, n, back, &at)) {
      *s = at;
      *e = at + n;
      return true;
    }
  }
  return false;
}

void an__recall_mentions(PmAnalysis *a, const char *text, uint32_t len) {
  PmQuote *q = a->quotes.contents;
  uint32_t n = (uint32_t)a->quotes.size;
  for (uint32_t i = 0; i < n; i++) {
    if (!q[i].has_speaker || !q[i].speaker.name || q[i].speaker.mention)
      continue;
    const char *name = q[i].speaker.name;
    const PmQuote *best = NULL, *pron = NULL;
    /* the nearest earlier mention that is a name, else a pronoun */
    uint32_t lo = i > RECALL_REACH ? i - RECALL_REACH : 0;
    for (uint32_t j = i; j-- > lo && !best;) {
      if (!named_by(&q[j], name) || q[j].speaker.end > q[i].start) continue;
      if (!by_pronoun(&q[j])) best = &q[j];
      else if (!pron) pron = &q[j];
    }
    if (!best) best = pron;
    /* else the nearest after (a headline, a chapeau's quotation) */
    for (uint32_t j = i + 1; !best && j < n && j <= i + RECALL_REACH; j++)
      if (named_by(&q[j], name) && !by_pronoun(&q[j])) best = &q[j];
    if (!best) {
      uint32_t s, e;
      uint32_t from = q[i].start > RECALL_BYTES ? q[i].start - RECALL_BYTES : 0;
      uint32_t hi = q[i].end + RECALL_BYTES < len ? q[i].end + RECALL_BYTES : len;
      if (in_text(text, len, from, q[i].start, name, true, &s, &e) ||
          in_text(text, len, q[i].end, hi, name, false, &s, &e)) {
        q[i].speaker.mention = res__str(a, text + s, e - s);
        q[i].speaker.start = s;
        q[i].speaker.end = e;
        q[i].recalled = true;
      }
      continue;
    }
    q[i].speaker.mention = best->speaker.mention;
    q[i].speaker.start = best->speaker.start;
    q[i].speaker.end = best->speaker.end;
    q[i].recalled = true;
  }
}

/* Mentions sort by span, then the quotation whose own words they are
 * before those that borrow them, then by text order. */
typedef struct {
  uint32_t start, end, index;
  bool recalled;
} MentionRef;

static int mention_cmp(const void *x, const void *y) {
  const MentionRef *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end < b->end ? -1 : 1;
  if (a->recalled != b->recalled) return a->recalled ? 1 : -1;
  return a->index < b->index ? -1 : a->index > b->index;
}

void pm_analysis_mention_owners(const PmAnalysis *a, bool *listed) {
  const PmQuote *q = a->quotes.contents;
  uint32_t n = (uint32_t)a->quotes.size, m = 0;
  if (!n) return;
  MentionRef *r = pm_malloc(n * sizeof *r);
  for (uint32_t i = 0; i < n; i++) {
    const PmSpeakerRef *sp = &q[i].speaker;
    listed[i] = false;
    if (q[i].has_speaker && sp->mention && sp->end > sp->start)
      r[m++] = (MentionRef){sp->start, sp->end, i, q[i].recalled};
  }
  if (m > 1) qsort(r, m, sizeof *r, mention_cmp);
  for (uint32_t k = 0; k < m; k++)
    if (!k || r[k].start != r[k - 1].start || r[k].end != r[k - 1].end)
      listed[r[k].index] = true;
  pm_free(r);
}

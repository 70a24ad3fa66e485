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
#include <string.h>

#include "analysis/internal.h"

/* How far to look, in quotations each way: a follow-on comes within a
 * few sentences of its speaker's quotation, a headline's a few
 * paragraphs before the body names its speaker.  (48 found no more in
 * our batches than 8, at 1.3 instructions a byte against 0.3.) */
#define RECALL_REACH 8

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

void an__recall_mentions(PmAnalysis *a) {
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
    if (!best) continue;
    q[i].speaker.mention = best->speaker.mention;
    q[i].speaker.start = best->speaker.start;
    q[i].speaker.end = best->speaker.end;
  }
}

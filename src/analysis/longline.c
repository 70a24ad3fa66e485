/*
 * longline.c - a line far longer than any paragraph, analysed as the
 * paragraphs it holds.
 *
 * A scraper or a database export may join an article's paragraphs with
 * spaces: the headline, the byline, every quotation then stand on one
 * line.  Many rules work per paragraph (the headline is the first one, a
 * byline opens one, a follow-on quotation continues the previous
 * paragraph's speaker, a French quotation left open reopens the next
 * paragraph with «), so on such a line they fail together.  Press
 * paragraphs are short (the longest of our fixtures is 530 bytes), so a
 * line past AN_LONG_LINE is taken for joined paragraphs, and each of its
 * sentence ends outside a quotation is read as a paragraph end: the
 * passes then run on each piece as on a paragraph, through a window on the
 * line's tokens and sentences (as the pipeline gives a paragraph a window
 * on its job's tokens).
 *
 * A sentence end inside an open quotation cuts too when the next sentence
 * reopens it with the same mark (« … fin. « Suite … »: the French way of
 * running a quotation over paragraphs, which the quote pass follows), or
 * when the quotation has run so far that its closing mark is surely lost.
 *
 * The sentences are rated on the whole line first, in both the pipelined
 * and the plain path, so that both give the same result.
 */
#include <string.h>

#include "analysis/internal.h"

/* A quotation open this many bytes is taken as one whose close is lost. */
#define QUOTE_MAX 2000u
/* Sentences without a quotation stay together up to this many bytes */
#define PIECE_MAX 600u

/* A paragraph ages the last speaker by all its sentences (speakers.c), as
 * a paragraph mostly ends on its quotation; but a piece may hold several
 * paragraphs' narrative sentences before the quotation that names its
 * speaker, and a follow-on after it would be refused.  So the age after a
 * piece counts its sentences from the last quotation a cue named. */
static void cue_age(Block *b, const Sentence *sents, uint32_t s0,
                    uint32_t s1, uint32_t q0) {
  for (uint32_t i = b->res->quotes.size; i-- > q0;) {
    const PmQuote *q = &b->res->quotes.contents[i];
    const char *how = q->has_speaker ? q->speaker.how : NULL;
    if (!how || !strcmp(how, "follow-on") || !strncmp(how, "continued", 9) ||
        !strcmp(how, "headline"))
      continue;
    uint32_t k = s1 - 1;
    while (k > s0 && sents[k].bstart > q->start) k--;
    uint32_t age = s1 - k;
    if (age < b->ctx->last_age) b->ctx->last_age = (uint8_t)age;
    return;
  }
}

/* Runs the passes on sentences [s0, s1) of the line as one paragraph. */
static void piece(Block *b, Token *toks, Sentence *sents, uint32_t s0,
                  uint32_t s1) {
  uint32_t k0 = sents[s0].start, k1 = sents[s1 - 1].end;
  b->toks.contents = toks + k0;
  b->toks.size = b->toks.capacity = k1 - k0;
  for (uint32_t k = s0; k < s1; k++) {
    sents[k].start -= k0;
    sents[k].end -= k0;
  }
  b->sents.contents = sents + s0;
  b->sents.size = b->sents.capacity = s1 - s0;
  uint32_t q0 = b->res->quotes.size;
  an__analyse_piece(b, sents[s0].bstart, sents[s1 - 1].bend);
  cue_age(b, sents, s0, s1, q0);
  for (uint32_t k = s0; k < s1; k++) {
    sents[k].start += k0;
    sents[k].end += k0;
  }
}

void an__long_line(Block *b) {
  TokenArray own = b->toks;
  Sentence *sents = b->sents.contents;
  uint32_t n = b->sents.size, cap = b->sents.capacity;
  Token *t = own.contents;
  uint8_t fam = 0;      /* family of the open quotation, 0 none */
  uint32_t depth = 0;   /* its marks open so far (nested alike) */
  uint32_t opened = 0;  /* byte where it opened */
  uint32_t first = 0;
  for (uint32_t k = 0; k < n; k++) {
    /* Only sentences with a mark need their tokens read. */
    if (sents[k].qmark) {
      for (uint32_t i = sents[k].start; i < sents[k].end; i++) {
        const Token *q = &t[i];
        if (q->kind != T_QMARK || (q->flags & TF_MARKUP)) continue;
        if (!fam) {
          if (q->qrole == QR_OPEN) fam = q->qfam, depth = 1, opened = q->start;
        } else if (q->qfam == fam) {
          /* (a straight or single mark closes whatever it may: one
           * opening again is likelier a close that was lost) */
          if (q->qfam == QM_STRAIGHT || q->qfam == QM_SINGLE) {
            if (q->qrole & QR_CLOSE) depth = 0;
          } else if (q->qrole == QR_OPEN) {
            depth++;
          } else if (q->qrole & QR_CLOSE) {
            depth--;
          }
          if (!depth) fam = 0;
        }
      }
    }
    if (k + 1 < n && fam) {
      const Token *nx = &t[sents[k + 1].start];
      bool reopen = nx->kind == T_QMARK && nx->qfam == fam &&
                    (nx->qrole & QR_OPEN);
      if (!reopen && sents[k].bend - opened < QUOTE_MAX) continue;
      fam = 0;
      depth = 0;
    } else if (k + 1 < n && !sents[k].qmark &&
               sents[k].bend - sents[first].bstart < PIECE_MAX) {
      continue;
    }
    piece(b, t, sents, first, k + 1);
    first = k + 1;
  }
  b->toks = own;
  b->sents.contents = sents;
  b->sents.size = n;
  b->sents.capacity = cap;
}

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
 * line past AN_LONG_LINE (800 bytes) is taken for joined paragraphs and
 * cut into pieces at sentence ends outside a quotation: narrative
 * sentences stay together up to PIECE_MAX bytes (a pronoun's antecedent is
 * often the sentence before), and a sentence with a quotation ends its
 * piece.  The passes then run on each piece as on a paragraph, through a
 * window on the line's tokens and sentences (as the pipeline gives a
 * paragraph a window on its job's tokens).  Cutting every paragraph of
 * 300 bytes or more of our normal batches this way costs 9 speakers of
 * 2130: pieces read nearly as well as the paragraphs they stand for.
 *
 * A sentence end inside an open quotation cuts too when the next sentence
 * reopens it with the same mark (« … fin. « Suite … »: the French way of
 * running a quotation over paragraphs, which the quote pass follows), or
 * when the quotation has run so far that its closing mark is surely lost.
 * The head of a whole article (headline, deck, byline, date line) has no
 * periods; head_cut finds where its parts meet.
 *
 * The sentences are rated on the whole line first, in both the pipelined
 * and the plain path, so that both give the same result.
 */
#include <string.h>

#include "analysis/internal.h"
#include "util/alloc.h"

/* A quotation open this many bytes is taken as one whose close is lost. */
#define QUOTE_MAX 2000u
/* Sentences without a quotation stay together up to this many bytes */
#define PIECE_MAX 600u
/* The head of the line, where the page parts before the article's first
 * sentence stand, and how many cuts it may take at most */
#define HEAD_ZONE 700u
#define HEAD_CUTS 8u

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

/* The line's tokens, sentences and quotation marks (tok__scan's list,
 * token indices in order), and the first mark not yet given to a piece. */
typedef struct {
  Token *toks;
  Sentence *sents;
  uint32_t *marks;
  uint32_t n_marks, next_mark;
  uint32_t *cands; /* spk__name_candidates' list, likewise */
  uint32_t n_cands, next_cand;
} Line;

/* Runs the passes on sentences [s0, s1) of the line as one paragraph:
 * b's tokens, sentences and marks become windows on the line's, with
 * token indices counted from the piece's first token (and put back). */
static void piece(Block *b, Line *l, uint32_t s0, uint32_t s1) {
  Sentence *sents = l->sents;
  uint32_t k0 = sents[s0].start, k1 = sents[s1 - 1].end;
  b->toks.contents = l->toks + k0;
  b->toks.size = b->toks.capacity = k1 - k0;
  for (uint32_t k = s0; k < s1; k++) {
    sents[k].start -= k0;
    sents[k].end -= k0;
  }
  b->sents.contents = sents + s0;
  b->sents.size = b->sents.capacity = s1 - s0;
  uint32_t m0 = l->next_mark, m1 = m0;
  while (m1 < l->n_marks && l->marks[m1] < k1) l->marks[m1++] -= k0;
  b->marks.contents = l->marks + m0;
  b->marks.size = b->marks.capacity = m1 - m0;
  uint32_t c0 = l->next_cand, c1 = c0;
  while (c1 < l->n_cands && l->cands[c1] < k1) l->cands[c1++] -= k0;
  if (b->has_cands) {
    b->cands.contents = l->cands + c0;
    b->cands.size = b->cands.capacity = c1 - c0;
  }
  uint32_t q0 = b->res->quotes.size;
  an__analyse_piece(b, sents[s0].bstart, sents[s1 - 1].bend);
  cue_age(b, sents, s0, s1, q0);
  for (uint32_t k = s0; k < s1; k++) {
    sents[k].start += k0;
    sents[k].end += k0;
  }
  for (uint32_t m = m0; m < m1; m++) l->marks[m] += k0;
  l->next_mark = m1;
  for (uint32_t c = c0; c < c1; c++) l->cands[c] += k0;
  l->next_cand = c1;
}

/* Is token i a one-word byline opener of the lexicon ("By", "Par")? */
static bool byline_word(const Block *b, const Token *t, uint32_t i) {
  if (t[i].kind != T_WORD || !(t[i].lex & W_LINE_HEAD)) return false;
  uint32_t n = t[i].end - t[i].start;
  for (uint32_t k = 0; k < b->lx->bylines.size; k++) {
    const char *p = b->lx->bylines.contents[k];
    if (strlen(p) != n) continue;
    uint32_t j = 0;
    while (j < n && (b->text[t[i].start + j] | 32) == p[j]) j++;
    if (j == n) return true;
  }
  return false;
}

static bool cap_word(const Token *t) {
  return t->kind == T_WORD && (t->flags & TF_CAP) && !(t->flags & TF_ALLCAP);
}

/* May a page part (headline, deck, byline, date line) end before token i
 * (of n) in the head of the line, where no period ends them?  A capital
 * word right after a word, a number or a closing mark, with no
 * punctuation between, that a sentence or a page part opens with: a
 * determiner, a pronoun, a preposition, a byline or furniture word ("…
 * prend le maillot jaune Le Bisontin a attaqué …", "… à 19:10 Dès 6 heures
 * …", "… apprentice By Fiona Marsh"); any capital word after a closing
 * mark that ends a word ("… « sous quinze jours » Près de 300 tracteurs
 * …"); a date line in capitals ("… Priyanka Rao CHICAGO, Nov 26"); the
 * word after a byline's two-word name ("By Samuel Ortega Eleanor Vance,
 * a first-grade teacher").  Not after a determiner or a preposition
 * ("selon Le Monde", "à La Rochelle"), nor inside a name ("Isabelle Le
 * Goff": after a capital word, a determiner or a preposition only before
 * a word in lower case). */
static bool head_cut(const Block *b, const Token *t, uint32_t i, uint32_t n) {
  const Token *w = &t[i], *p = &t[i - 1];
  if (w->kind != T_WORD || !(w->flags & TF_CAP) || w->start == p->end)
    return false;
  /* (a mark closing on a word: "…," Okoro said is one sentence) */
  if (p->kind == T_QMARK)
    return !(w->flags & TF_ALLCAP) && (p->qrole & QR_CLOSE) &&
           !(p->qrole & QR_OPEN) && i > 1 && t[i - 2].kind == T_WORD;
  if (p->kind == T_PUNCT) return false;
  if (p->lex & (W_DET | W_PREP | W_SOURCE | W_HONORIFIC | W_FUNCTION)) return false;
  if (w->flags & TF_ALLCAP)
    return w->end - w->start >= 3 && i + 1 < n && t[i + 1].kind == T_PUNCT &&
           (t[i + 1].ch == ',' || t[i + 1].ch == '-' || t[i + 1].ch == '(');
  if (i > 2 && cap_word(p) && cap_word(&t[i - 2]) && byline_word(b, t, i - 3))
    return true;
  if (w->lex & (W_LINE_HEAD | W_PRON_M | W_PRON_F | W_PRON_PL | W_COMMENT))
    return true;
  /* (not every function word: the lexicon's take in "Friday", "officials") */
  if (!(w->lex & (W_DET | W_PREP)) || (w->lex & W_MONTH)) return false;
  return !(p->flags & TF_CAP) || i + 1 >= n || !cap_word(&t[i + 1]);
}

/* Does sentence s open an English paragraph: one that opens with a
 * quotation?  English news gives a quotation a paragraph of its own
 * ("… in the back row." then "\"I have been sitting in the front row
 * ever since,\" she said."), so the "she" is not the sentence before's
 * subject; French press often opens a paragraph on a sentence or two
 * about the speaker before the quotation, and there cutting cost far more
 * than it saved (flattened batches: English +6 speakers, French -37). */
static bool quote_opens(const Block *b, const Token *t, const Sentence *s) {
  const Token *w = &t[s->start];
  return b->lid == PM_LANG_EN && w->kind == T_QMARK && (w->qrole & QR_OPEN);
}

/* Does sentence s open a page part of its own: a comment heading, a
 * byline, a furniture line ("Lire aussi")? */
static bool opens_part(const Token *t, const Sentence *s) {
  const Token *w = &t[s->start];
  return w->kind == T_WORD && (w->flags & TF_CAP) &&
         (w->lex & (W_LINE_HEAD | W_COMMENT));
}

/* Is the long line [ps, pe) a whole article, headline first, rather than
 * a long paragraph inside one?  It is when it opens the text, follows
 * another long line (an export of one article a line), or is longer than
 * any paragraph by far.  (Told by the context, not by the bytes before:
 * the editor analyses a buffer in blocks.)  Real press has paragraphs of
 * 800-900 bytes after ordinary ones (a seed has one): cut in pieces, a
 * pronoun after a quotation there lost the sentence subject its paragraph
 * gave it (on c4 and ho4 every change the cutting made was of that kind). */
static bool whole_article(const Block *b, uint32_t ps, uint32_t pe) {
  return pe - ps >= 2 * AN_LONG_LINE || b->ctx->prev_para != 1;
}

bool an__long_line(Block *b) {
  Sentence *orig = b->sents.contents;
  uint32_t n0 = b->sents.size, cap = b->sents.capacity;
  uint32_t ps = orig[0].bstart, pe = orig[n0 - 1].bend;
  if (!whole_article(b, ps, pe)) return false;
  TokenArray own = b->toks;
  IndexArray own_marks = b->marks, own_cands = b->cands, own_ends = b->cand_ends;
  /* (the names' extents were measured to the line's end, not a piece's:
   * note_entities measures them again) */
  b->cand_ends.size = 0;
  Token *t = own.contents;
  /* The line's sentences, those of its head cut where page parts end;
   * `part` marks the ones a cut ended. */
  Sentence *sents = pm_malloc((n0 + HEAD_CUTS) * sizeof *sents);
  bool *part = pm_calloc(n0 + HEAD_CUTS, sizeof *part);
  uint32_t head_end = ps + HEAD_ZONE;
  uint32_t n = 0, cuts = 0, rerate = 0;
  for (uint32_t k = 0; k < n0; k++) {
    Sentence cur = orig[k];
    uint32_t cuts0 = cuts;
    for (uint32_t i = cur.start + 1; i < cur.end && cuts < HEAD_CUTS &&
                                     t[i].start < head_end; i++) {
      if (!head_cut(b, t, i, cur.end)) continue;
      sents[n] = cur;
      sents[n].end = i;
      sents[n].bend = t[i - 1].end;
      part[n++] = true;
      cur.start = i;
      cur.bstart = t[i].start;
      cuts++;
    }
    sents[n++] = cur;
    if (cuts > cuts0) rerate = n;
  }
  /* The parts are rated as sentences of their own (a headline's rating,
   * its word count, decide whether it reports speech), here in the
   * analysing thread whichever thread rated the line: both paths agree. */
  if (rerate) {
    b->sents.contents = sents;
    b->sents.size = rerate;
    b->sents.capacity = n0 + HEAD_CUTS;
    claims__rate(b);
  }
  Line line = {t, sents, own_marks.contents, own_marks.size, 0,
               own_cands.contents, b->has_cands ? own_cands.size : 0, 0};
  uint8_t fam = 0;      /* family of the open quotation, 0 none */
  uint32_t depth = 0;   /* its marks open so far (nested alike) */
  uint32_t opened = 0;  /* byte where it opened */
  uint32_t first = 0, mi = 0;
  for (uint32_t k = 0; k < n; k++) {
    /* the sentence's marks, from tok__scan's list (none in markup) */
    for (; mi < own_marks.size && own_marks.contents[mi] < sents[k].end; mi++) {
      const Token *q = &t[own_marks.contents[mi]];
      if (!fam) {
        /* (a mark glued on both sides opens when it opens the sentence:
         * holiday."Our officers…, sent__split) */
        if (q->qrole == QR_OPEN ||
            (q->qrole == QR_BOTH && own_marks.contents[mi] == sents[k].start))
          fam = q->qfam, depth = 1, opened = q->start;
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
    if (k + 1 < n && fam) {
      const Token *nx = &t[sents[k + 1].start];
      bool reopen = nx->kind == T_QMARK && nx->qfam == fam &&
                    (nx->qrole & QR_OPEN);
      if (!reopen && sents[k].bend - opened < QUOTE_MAX) continue;
      fam = 0;
      depth = 0;
    } else if (k + 1 < n && !sents[k].qmark && !part[k] &&
               sents[k].bend - sents[first].bstart < PIECE_MAX &&
               !opens_part(t, &sents[k + 1]) && !quote_opens(b, t, &sents[k + 1])) {
      continue;
    }
    piece(b, &line, first, k + 1);
    first = k + 1;
  }
  pm_free(sents);
  pm_free(part);
  b->toks = own;
  b->marks = own_marks;
  b->cands = own_cands;
  b->cand_ends = own_ends;
  b->sents.contents = orig;
  b->sents.size = n0;
  b->sents.capacity = cap;
  return true;
}

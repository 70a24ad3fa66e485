/*
 * buffer.c - an attached buffer's text in blocks, its incremental analysis
 * and the bookkeeping of the extmarks Neovim holds for it.
 *
 * Why blocks of a few KiB rather than one entry per line: the analyser's
 * PmContext is a flat struct of several KiB (cheap to copy and compare,
 * see src/analysis/context.c), so caching one per line would cost hundreds
 * of MiB on a 10 MB article.  One per block of ~8 KiB keeps the cache near
 * 6 MiB there, and an edit re-analyses one block (tens of microseconds),
 * so its cost grows with the edit, not with the buffer.
 *
 * Why a wrapped text's blocks end only at a hard break: in a hard-wrapped
 * or Markdown text (softbreak.c) a paragraph runs over several lines, and
 * a block cut inside it would read as two paragraphs, losing a quotation
 * or its speaker that the command line finds.  The reading is decided
 * from the buffer's first PM_READING_HEAD bytes, as the command line
 * decides it from the file's, and kept in `fresh_ctx`; a block of such a
 * text closes past its target only where pm_analysis_hard_break says, or
 * at BLOCK_CAP when a text has no hard break for that long.  Text read a
 * paragraph a line is cut at any line, as before.
 *
 * Why marks are compared line by line: after an edit Neovim has already
 * moved the old extmarks with the text, so for the lines the edit replaced
 * the positions we hold are no longer what Neovim holds; those marks are
 * always deleted and set again.  The other lines of a rebuilt block keep
 * their marks (carried into the new block with their ids, rows shifted as
 * Neovim shifted them), and after analysis a line whose marks came out the
 * same keeps them: a one-character edit sends the marks of one line, not
 * of its whole block, and a ripple that changes nothing sends nothing.
 */
#include "server/buffer.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/alloc.h"
#include "util/array.h"

#define BLOCK_TARGET (8u * 1024u) /* close a block once it reaches this */
#define BLOCK_LINES 256u          /* or holds this many lines */
#define SMALL_BLOCK (BLOCK_TARGET / 4u)
/* A wrapped text's block closes at its first hard break past the target,
 * else here, at any line (a text with no blank line must not make one
 * giant block: each edit re-analyses its block). */
#define BLOCK_CAP (4u * BLOCK_TARGET)
#define BLOCK_CAP_LINES (4u * BLOCK_LINES)
/* Mark ids stay below 2^30: ids from 0x40000000 up are left for the
 * note marks lua/pressmark/notes.lua sets in the same namespace, so the
 * two never collide. */
#define ID_MAX 0x3fffffffu

typedef PmArray(PmMark) MarkArray;

/* A mark as a block keeps it: rows relative to the block (< BLOCK_CAP_LINES). */
typedef struct {
  uint32_t id;
  uint32_t col, end_col;
  uint16_t row, end_row;
  uint8_t group;
  uint8_t state; /* MARK_NEW, MARK_FLYING (in a batch not yet answered),
                    MARK_SENT (Neovim holds it) */
} BMark;
enum { MARK_NEW = 0, MARK_FLYING, MARK_SENT };
typedef PmArray(BMark) BMarkArray;

typedef struct {
  char *text;       /* the lines, each followed by '\n' */
  uint32_t len;
  PmArray(uint32_t) line_off; /* start offset of each line */
  uint32_t row0;    /* first row, relative to the document */
  PmContext *out;   /* context leaving the block; NULL before analysis */
  BMarkArray marks; /* sorted by row, then col, end, group */
  bool needs;       /* must be analysed */
  bool unsent;      /* some mark may be MARK_NEW */
  bool flying;      /* some mark may be MARK_FLYING */
} Block;

struct PmBufDoc {
  const PmLang *lang;
  PmAnalyzeOptions opts;
  PmArray(Block) blocks;
  uint32_t nlines;
  uint64_t nbytes;
  uint32_t base_row;
  uint32_t next_id;
  uint32_t resume; /* no block below this index needs analysis */
  PmContext *fresh_ctx; /* the context before the first block: fresh, but
                          for the reading of the text's line breaks */
  bool wrapped;         /* that reading is wrapped: blocks end at hard
                           breaks (see the top of the file) */
  PmArray(uint32_t) to_delete; /* ids Neovim holds that must go */
  PmArray(uint32_t) batch_del;
  MarkArray batch_set;
  size_t batch_del_sent;
  PmAnalysis *item_an; /* the analysis pm_bufdoc_item_at pointed into */
  bool clear; /* the next batch clears what an earlier attachment left */
};

static const char *const group_names[PM_HL_COUNT] = {
    "PressmarkQuote",  "PressmarkIndirect", "PressmarkTerm",
    "PressmarkTitle",  "PressmarkSpeaker",  "PressmarkClaim",
};

const char *pm_bufdoc_group_name(unsigned group) {
  return group < PM_HL_COUNT ? group_names[group] : NULL;
}

PmBufDoc *pm_bufdoc_new(const PmLang *lang, const PmAnalyzeOptions *opts) {
  PmBufDoc *doc = pm_calloc(1, sizeof *doc);
  doc->lang = lang;
  if (opts) doc->opts = *opts;
  else pm_analyze_options_init(&doc->opts);
  doc->next_id = 1;
  doc->clear = true;
  doc->fresh_ctx = pm_context_new();
  return doc;
}

static void block_free(Block *k) {
  pm_free(k->text);
  pm_array_delete(&k->line_off);
  pm_context_free(k->out);
  pm_array_delete(&k->marks);
}

void pm_bufdoc_free(PmBufDoc *doc) {
  if (!doc) return;
  for (uint32_t i = 0; i < doc->blocks.size; i++)
    block_free(&doc->blocks.contents[i]);
  pm_array_delete(&doc->blocks);
  pm_context_free(doc->fresh_ctx);
  pm_array_delete(&doc->to_delete);
  pm_array_delete(&doc->batch_del);
  pm_array_delete(&doc->batch_set);
  pm_analysis_free(doc->item_an);
  pm_free(doc);
}

uint32_t pm_bufdoc_line_count(const PmBufDoc *doc) { return doc->nlines; }
uint64_t pm_bufdoc_byte_count(const PmBufDoc *doc) { return doc->nbytes; }
void pm_bufdoc_text(const PmBufDoc *doc, PmBuf *out) {
  size_t need = out->len + (size_t)doc->nbytes + 1;
  if (need > out->cap) {
    out->data = pm_realloc(out->data, need);
    out->cap = need;
  }
  for (uint32_t i = 0; i < doc->blocks.size; i++) {
    const Block *k = &doc->blocks.contents[i];
    if (k->len) memcpy(out->data + out->len, k->text, k->len);
    out->len += k->len;
  }
  out->data[out->len] = '\0';
}

void pm_bufdoc_set_base_row(PmBufDoc *doc, uint32_t row0) {
  doc->base_row = row0;
}

/* ---- editing ------------------------------------------------------------ */

/* Cuts a stream of lines into new blocks. */
typedef struct {
  PmArray(Block) out;
  Block cur;
  uint32_t cap;
  const PmContext *reading; /* the document's fresh_ctx */
  bool wrapped;
} Builder;

static void builder_init(Builder *b, const PmBufDoc *doc) {
  memset(b, 0, sizeof *b);
  b->reading = doc->fresh_ctx;
  b->wrapped = doc->wrapped;
}

/* The last line of the block being built: its bytes, without the '\n'. */
static const char *builder_last(const Builder *b, uint32_t *len) {
  const Block *k = &b->cur;
  uint32_t s = k->line_off.contents[k->line_off.size - 1];
  *len = k->len - s - 1;
  return k->text + s;
}

/* Is the block being built past its cap (a wrapped text's)? */
static bool builder_capped(const Builder *b) {
  return b->cur.len >= BLOCK_CAP || b->cur.line_off.size >= BLOCK_CAP_LINES;
}

/* Must the block being built close before the line next[0..len)?  At
 * its target, or in a wrapped text at a hard break past it, or at the cap. */
static bool builder_full(const Builder *b, const char *next, uint32_t len) {
  const Block *k = &b->cur;
  if (!k->line_off.size) return false;
  bool over = k->len >= BLOCK_TARGET || k->line_off.size >= BLOCK_LINES;
  if (!b->wrapped || !over) return over;
  if (builder_capped(b)) return true;
  uint32_t n;
  const char *last = builder_last(b, &n);
  return pm_analysis_hard_break(b->reading, last, n, next, len);
}

static void builder_close(Builder *b) {
  if (!b->cur.line_off.size) return;
  b->cur.text = pm_realloc(b->cur.text, b->cur.len ? b->cur.len : 1);
  b->cur.needs = true;
  pm_array_push(&b->out, b->cur);
  memset(&b->cur, 0, sizeof b->cur);
  b->cap = 0;
}

/* Appends one line (its newline added here), closing the block before it
 * when it is full.  A '\n' inside a line (no Neovim line holds one; the API
 * sends NUL for it) becomes NUL, so the line count the analyser sees always
 * matches the buffer's. */
static void builder_line(Builder *b, const char *s, uint32_t len) {
  if (builder_full(b, s, len)) builder_close(b);
  Block *k = &b->cur;
  size_t need = (size_t)k->len + len + 1;
  if (need > b->cap) {
    size_t cap = b->cap ? b->cap : BLOCK_TARGET + 1024;
    while (cap < need) cap *= 2;
    k->text = pm_realloc(k->text, cap);
    b->cap = (uint32_t)cap;
  }
  pm_array_push(&k->line_off, k->len);
  char *dst = k->text + k->len;
  if (len) memcpy(dst, s, len);
  for (char *p = memchr(dst, '\n', len); p; p = memchr(p, '\n', len - (size_t)(p - dst)))
    *p = '\0';
  dst[len] = '\n';
  k->len += len + 1;
}

/* The new block numbered `j`: b->out's, or the one being built (j ==
 * b->out.size). */
static Block *builder_block(Builder *b, uint32_t j) {
  return j < b->out.size ? &b->out.contents[j] : &b->cur;
}

/* The new block (numbered as for builder_block) and row where the line
 * appended `back` lines before the last one went (the builder holds that
 * many lines). */
static uint32_t builder_where(Builder *b, uint32_t back, uint16_t *row) {
  uint32_t j = b->out.size;
  while (back >= builder_block(b, j)->line_off.size) {
    back -= builder_block(b, j)->line_off.size;
    j--;
  }
  *row = (uint16_t)(builder_block(b, j)->line_off.size - 1 - back);
  return j;
}

static int mark_cmp(const void *pa, const void *pb);

/* Carries the marks over several lines among marks[m0, m1) of block `k`,
 * whose lines [from, to) were just appended, when all their lines went
 * into one new block. */
static void builder_carry_multi(Builder *b, Block *k, uint32_t m0, uint32_t m1,
                                uint32_t from, uint32_t to) {
  uint32_t lowest = UINT32_MAX;
  for (uint32_t m = m0; m < m1; m++) {
    BMark *o = &k->marks.contents[m];
    if (!o->id || o->end_row == o->row || o->row < from || o->end_row >= to) continue;
    uint16_t r1, r2;
    uint32_t j = builder_where(b, to - 1 - o->row, &r1);
    if (builder_where(b, to - 1 - o->end_row, &r2) != j) continue;
    Block *nk = builder_block(b, j);
    BMark c = *o;
    c.row = r1;
    c.end_row = r2;
    if (c.state == MARK_NEW) nk->unsent = true;
    if (c.state == MARK_FLYING) nk->flying = true;
    pm_array_push(&nk->marks, c);
    o->id = 0;
    if (j < lowest) lowest = j;
  }
  /* back in order: a block's marks are sorted (merge_marks reads them a
   * row at a time) */
  for (uint32_t j = lowest; j <= b->out.size; j++) {
    Block *nk = builder_block(b, j);
    if (nk->marks.size > 1)
      qsort(nk->marks.contents, nk->marks.size, sizeof *nk->marks.contents, mark_cmp);
  }
}

/* Appends lines [from, to) of block `k`, carrying their marks along (their
 * ids are zeroed in `k`, so what is left there is retired).  A mark over
 * several lines goes along when all of them are appended here into one new
 * block: a wrapped text's quotations and claims run over lines, and an
 * edit would otherwise send every one of its block's again. */
static void builder_block_lines(Builder *b, Block *k, uint32_t from,
                                uint32_t to) {
  uint32_t m = 0;
  BMark *marks = k->marks.contents;
  while (m < k->marks.size && marks[m].row < from) m++;
  uint32_t m0 = m;
  bool multi = false;
  for (uint32_t i = from; i < to; i++) {
    uint32_t s = k->line_off.contents[i];
    uint32_t e = i + 1 < k->line_off.size ? k->line_off.contents[i + 1] : k->len;
    builder_line(b, k->text + s, e - s - 1);
    uint16_t row = (uint16_t)(b->cur.line_off.size - 1);
    for (; m < k->marks.size && marks[m].row == i; m++) {
      if (!marks[m].id) continue;
      if (marks[m].end_row != marks[m].row) {
        multi = multi || marks[m].end_row < to;
        continue;
      }
      BMark c = marks[m];
      c.row = c.end_row = row;
      if (c.state == MARK_NEW) b->cur.unsent = true;
      if (c.state == MARK_FLYING) b->cur.flying = true;
      pm_array_push(&b->cur.marks, c);
      marks[m].id = 0;
    }
  }
  if (multi) builder_carry_multi(b, k, m0, m, from, to);
}

/* The block holding `row` (row < nlines). */
static uint32_t block_of_row(const PmBufDoc *doc, uint32_t row) {
  uint32_t lo = 0, hi = doc->blocks.size - 1;
  while (lo < hi) {
    uint32_t mid = (lo + hi + 1) / 2;
    if (doc->blocks.contents[mid].row0 <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/* Marks Neovim holds, or may hold once a batch in flight is applied, that
 * go: their ids are deleted by the next batch (deleting an id Neovim never
 * got is harmless). */
static void retire(PmBufDoc *doc, const BMark *m, uint32_t n) {
  for (uint32_t i = 0; i < n; i++)
    if (m[i].state != MARK_NEW && m[i].id) pm_array_push(&doc->to_delete, m[i].id);
}

/* Line `i` of block `k`: its bytes, without the '\n'. */
static const char *block_line(const Block *k, uint32_t i, uint32_t *len) {
  uint32_t s = k->line_off.contents[i];
  uint32_t e = i + 1 < k->line_off.size ? k->line_off.contents[i + 1] : k->len;
  *len = e - s - 1;
  return k->text + s;
}

/* Does the line break before line l2[0..n2) after l1[0..n1) end a
 * paragraph in the document's reading? */
static bool hard_break(const PmBufDoc *doc, const char *l1, uint32_t n1,
                       const char *l2, uint32_t n2) {
  return pm_analysis_hard_break(doc->fresh_ctx, l1, n1, l2, n2);
}

/* Is the break between block `a` and the block `b` after it hard? */
static bool blocks_hard(const PmBufDoc *doc, const Block *a, const Block *b) {
  uint32_t n1, n2;
  const char *l1 = block_line(a, a->line_off.size - 1, &n1);
  const char *l2 = block_line(b, 0, &n2);
  return hard_break(doc, l1, n1, l2, n2);
}

/* Does row `row` (<= nlines) start inside the text's first
 * PM_READING_HEAD bytes, which decide its reading? */
static bool row_in_head(const PmBufDoc *doc, uint32_t row) {
  uint64_t off = 0;
  for (uint32_t j = 0; j < doc->blocks.size && off < PM_READING_HEAD; j++) {
    const Block *k = &doc->blocks.contents[j];
    if (row < k->row0 + k->line_off.size)
      return off + k->line_off.contents[row - k->row0] < PM_READING_HEAD;
    off += k->len;
  }
  return off < PM_READING_HEAD;
}

/* Copies the first PM_READING_HEAD bytes of the text into `out` (that
 * large); returns how many.  From `lines` when given (a first text, not
 * cut into blocks yet: a '\n' inside a line made NUL, as builder_line
 * does), else from the document. */
static size_t text_head(const PmBufDoc *doc, const PmBufLine *lines, size_t n,
                        char *out) {
  size_t len = 0;
  if (lines) {
    for (size_t i = 0; i < n && len < PM_READING_HEAD; i++) {
      size_t c = lines[i].len < PM_READING_HEAD - len ? lines[i].len : PM_READING_HEAD - len;
      if (c) memcpy(out + len, lines[i].s, c);
      for (size_t k = len; k < len + c; k++)
        if (out[k] == '\n') out[k] = '\0';
      len += c;
      if (len < PM_READING_HEAD) out[len++] = '\n';
    }
    return len;
  }
  for (uint32_t j = 0; j < doc->blocks.size && len < PM_READING_HEAD; j++) {
    const Block *k = &doc->blocks.contents[j];
    size_t c = k->len < PM_READING_HEAD - len ? k->len : PM_READING_HEAD - len;
    memcpy(out + len, k->text, c);
    len += c;
  }
  return len;
}

/* Decides the reading of the line breaks again from the text's head
 * (`lines` as for text_head); returns true when it changed the rule that
 * cuts the blocks, which must then be cut again (recut). */
static bool update_reading(PmBufDoc *doc, const PmBufLine *lines, size_t n) {
  char *head = pm_malloc(PM_READING_HEAD);
  size_t len = text_head(doc, lines, n, head);
  PmContext *c = pm_context_new();
  bool wrapped = pm_context_set_reading(c, head, len);
  pm_free(head);
  if (pm_context_equal(c, doc->fresh_ctx)) {
    pm_context_free(c);
    return false;
  }
  pm_context_free(doc->fresh_ctx);
  doc->fresh_ctx = c;
  bool recut = wrapped || doc->wrapped; /* (a width is a rule too) */
  doc->wrapped = wrapped;
  if (doc->blocks.size) doc->blocks.contents[0].needs = true;
  doc->resume = 0;
  return recut;
}

/* Puts the blocks `b` built in place of blocks [bi, bi + old_count),
 * whose marks not carried into `b` are retired, and numbers the rows. */
static void replace_blocks(PmBufDoc *doc, uint32_t bi, uint32_t old_count,
                           Builder *b) {
  uint32_t nb = doc->blocks.size;
  for (uint32_t j = bi; j < bi + old_count; j++) {
    Block *k = &doc->blocks.contents[j];
    retire(doc, k->marks.contents, k->marks.size); /* what was not carried */
    block_free(k);
  }
  uint32_t m = b->out.size;
  uint32_t new_size = nb - old_count + m;
  pm_array_reserve(&doc->blocks, new_size);
  Block *arr = doc->blocks.contents;
  /* Guarded: with no blocks `arr` is NULL, and NULL + 0 is undefined (the
   * sanitized build stops on it). */
  if (nb - bi - old_count)
    memmove(&arr[bi + m], &arr[bi + old_count],
            (nb - bi - old_count) * sizeof *arr);
  if (m) memcpy(&arr[bi], b->out.contents, m * sizeof *arr);
  doc->blocks.size = new_size;
  pm_array_delete(&b->out);
  uint32_t row = bi ? arr[bi - 1].row0 + arr[bi - 1].line_off.size : 0;
  for (uint32_t j = bi; j < new_size; j++) {
    arr[j].row0 = row;
    row += arr[j].line_off.size;
  }
  if (doc->resume > bi) doc->resume = bi;
  if (bi + m < new_size && m == 0) arr[bi].needs = true; /* new neighbours */
}

/* Cuts every block again, by the reading's rule, carrying the marks. */
static void recut(PmBufDoc *doc) {
  Builder b;
  builder_init(&b, doc);
  for (uint32_t j = 0; j < doc->blocks.size; j++) {
    Block *k = &doc->blocks.contents[j];
    builder_block_lines(&b, k, 0, k->line_off.size);
  }
  builder_close(&b);
  replace_blocks(doc, 0, doc->blocks.size, &b);
}

bool pm_bufdoc_set_lines(PmBufDoc *doc, int64_t first, int64_t last,
                         const PmBufLine *lines, size_t n, PmError *err) {
  uint32_t total = doc->nlines;
  if (!doc->blocks.size) first = last = 0;
  if (last < 0) last = total;
  if (first < 0 || first > last || last > total)
    return pm_error_set(err, PM_ERR_INVALID,
                        "lines event: range %lld..%lld outside 0..%u",
                        (long long)first, (long long)last, total);
  uint64_t bytes = doc->nbytes;
  for (size_t i = 0; i < n; i++) bytes += lines[i].len + 1u;
  if (bytes > UINT32_MAX || n > UINT32_MAX - total)
    return pm_error_set(err, PM_ERR_NOMEM, "buffer: over 4 GiB of text");

  /* A first text decides the reading before it is cut; an edit inside the
   * head decides it again after (and may have the blocks cut again). */
  uint32_t nb = doc->blocks.size, bi = 0, bj = 0;
  bool in_head = false;
  if (!nb) update_reading(doc, lines, n);
  else in_head = row_in_head(doc, (uint32_t)first) && (n || last > first);

  /* Blocks bi..bj (inclusive) are rebuilt; nb == 0 when there are none. */
  Builder b;
  builder_init(&b, doc);
  if (nb) {
    Block *arr = doc->blocks.contents;
    bi = (uint32_t)first < total ? block_of_row(doc, (uint32_t)first) : nb - 1;
    bj = last > first ? block_of_row(doc, (uint32_t)last - 1) : bi;
    /* Keep blocks from shrinking to crumbs under many deletions. */
    if (bj + 1 < nb && arr[bj].len < SMALL_BLOCK) bj++;
    /* A wrapped text: an edit that changes a block's first line may join
     * it to the paragraph before (a capital made lowercase, a blank line
     * or a heading gone): the block before is cut again with it, unless
     * the break there was soft already (a cut at the cap). */
    if (doc->wrapped && bi && (uint32_t)first == arr[bi].row0 &&
        (n || (uint32_t)last < total)) {
      uint32_t n1, n2;
      const Block *kp = &arr[bi - 1];
      const char *l1 = block_line(kp, kp->line_off.size - 1, &n1);
      const char *l2;
      if (n) {
        l2 = lines[0].s;
        n2 = lines[0].len;
      } else {
        const Block *kl = &arr[block_of_row(doc, (uint32_t)last)];
        l2 = block_line(kl, (uint32_t)last - kl->row0, &n2);
      }
      if (blocks_hard(doc, kp, &arr[bi]) && !hard_break(doc, l1, n1, l2, n2)) bi--;
    }
    Block *ki = &arr[bi];
    uint32_t cut = (uint32_t)first - ki->row0;
    if (cut > ki->line_off.size) cut = ki->line_off.size;
    builder_block_lines(&b, ki, 0, cut);
  }
  for (size_t i = 0; i < n; i++) builder_line(&b, lines[i].s, lines[i].len);
  if (nb) {
    /* The rest of the lines from `last` on, up to the end of block bj. */
    for (uint32_t j = bi; j <= bj; j++) {
      Block *k = &doc->blocks.contents[j];
      uint32_t end_row = k->row0 + k->line_off.size;
      if (end_row <= (uint32_t)last) continue;
      uint32_t from = (uint32_t)last > k->row0 ? (uint32_t)last - k->row0 : 0;
      builder_block_lines(&b, k, from, k->line_off.size);
    }
    /* A wrapped text: the last line may now run on into the next block
     * (its end changed, the blank line after it went): that block is cut
     * again with it, unless the break there was soft already. */
    while (doc->wrapped && bj + 1 < nb && b.cur.line_off.size) {
      const Block *nx = &doc->blocks.contents[bj + 1];
      uint32_t n1, n2;
      const char *l1 = builder_last(&b, &n1);
      const char *l2 = block_line(nx, 0, &n2);
      if (hard_break(doc, l1, n1, l2, n2) || !blocks_hard(doc, &doc->blocks.contents[bj], nx))
        break;
      bj++;
      builder_block_lines(&b, &doc->blocks.contents[bj], 0, nx->line_off.size);
    }
  }
  builder_close(&b);
  replace_blocks(doc, bi, nb ? bj - bi + 1 : 0, &b);

  doc->nlines = doc->nlines - (uint32_t)(last - first) + (uint32_t)n;
  doc->nbytes = 0;
  for (uint32_t j = 0; j < doc->blocks.size; j++) doc->nbytes += doc->blocks.contents[j].len;
  if (in_head && update_reading(doc, NULL, 0)) recut(doc);
  return true;
}

/* ---- analysis ------------------------------------------------------------ */

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Offset -> (row, col) inside block `k`.  An end offset (`is_end`) at the
 * start of a line maps to the end of the line before, so a span never ends
 * on a row past the text. */
static void block_pos(const Block *k, uint32_t off, bool is_end, uint32_t *row,
                      uint32_t *col) {
  const uint32_t *lo_ = k->line_off.contents;
  uint32_t lo = 0, hi = k->line_off.size - 1;
  while (lo < hi) {
    uint32_t mid = (lo + hi + 1) / 2;
    if (lo_[mid] < off || (!is_end && lo_[mid] == off)) lo = mid;
    else hi = mid - 1;
  }
  uint32_t line_end =
      (lo + 1 < k->line_off.size ? lo_[lo + 1] : k->len) - 1; /* its '\n' */
  if (off > line_end) off = line_end;
  *row = lo;
  *col = off - lo_[lo];
}

static void add_mark(BMarkArray *marks, const Block *k, uint32_t s,
                     uint32_t e, unsigned group) {
  if (e <= s || e > k->len) return;
  uint32_t row, end_row;
  BMark m;
  memset(&m, 0, sizeof m);
  m.group = (uint8_t)group;
  block_pos(k, s, false, &row, &m.col);
  block_pos(k, e, true, &end_row, &m.end_col);
  if (end_row == row && m.end_col <= m.col) return;
  m.row = (uint16_t)row;
  m.end_row = (uint16_t)end_row;
  pm_array_push(marks, m);
}

static int mark_cmp(const void *pa, const void *pb) {
  const BMark *a = pa, *b = pb;
  if (a->row != b->row) return a->row < b->row ? -1 : 1;
  if (a->col != b->col) return a->col < b->col ? -1 : 1;
  if (a->end_row != b->end_row) return a->end_row < b->end_row ? -1 : 1;
  if (a->end_col != b->end_col) return a->end_col < b->end_col ? -1 : 1;
  return (int)a->group - (int)b->group;
}

static void block_marks(const Block *k, const PmAnalysis *an, BMarkArray *marks) {
  size_t nq, nc;
  const PmQuote *q = pm_analysis_quotes(an, &nq);
  const PmClaim *c = pm_analysis_claims(an, &nc);
  static const unsigned kind_group[] = {PM_HL_QUOTE, PM_HL_INDIRECT,
                                        PM_HL_TERM, PM_HL_TITLE};
  for (size_t i = 0; i < nc; i++) add_mark(marks, k, c[i].start, c[i].end, PM_HL_CLAIM);
  for (size_t i = 0; i < nq; i++) {
    unsigned g = q[i].kind <= PM_QUOTE_TITLE ? kind_group[q[i].kind] : PM_HL_QUOTE;
    add_mark(marks, k, q[i].start, q[i].end, g);
  }
  /* One speaker mark per mention, however many quotes it speaks. */
  bool *listed = nq ? pm_malloc(nq * sizeof *listed) : NULL;
  pm_analysis_mention_owners(an, listed);
  for (size_t i = 0; i < nq; i++)
    if (listed[i]) add_mark(marks, k, q[i].speaker.start, q[i].speaker.end, PM_HL_SPEAKER);
  pm_free(listed);
  if (marks->size > 1)
    qsort(marks->contents, marks->size, sizeof *marks->contents, mark_cmp);
}

static bool same_marks(const BMark *a, const BMark *b, uint32_t n) {
  for (uint32_t i = 0; i < n; i++)
    if (mark_cmp(&a[i], &b[i])) return false;
  return true;
}

/* The new marks of block `k`, line by line: a line whose marks are as
 * before keeps them (ids, state); any other line's old marks are retired
 * and its new ones get ids. */
static void merge_marks(PmBufDoc *doc, Block *k, const BMarkArray *fresh) {
  BMarkArray out = pm_array_new();
  const BMark *o = k->marks.contents, *f = fresh->contents;
  uint32_t no = k->marks.size, nf = fresh->size, i = 0, j = 0;
  while (i < no || j < nf) {
    uint32_t row = i < no && (j >= nf || o[i].row <= f[j].row) ? o[i].row : f[j].row;
    uint32_t i2 = i, j2 = j;
    while (i2 < no && o[i2].row == row) i2++;
    while (j2 < nf && f[j2].row == row) j2++;
    /* (no pointer arithmetic on an empty array: NULL + 0 is undefined) */
    if (i2 - i == j2 - j && (i2 == i || same_marks(o + i, f + j, i2 - i))) {
      for (; i < i2; i++) pm_array_push(&out, o[i]);
    } else {
      if (i2 > i) retire(doc, o + i, i2 - i);
      for (; j < j2; j++) {
        BMark m = f[j];
        m.id = doc->next_id;
        m.state = MARK_NEW;
        doc->next_id = doc->next_id >= ID_MAX ? 1 : doc->next_id + 1;
        pm_array_push(&out, m);
        k->unsent = true;
      }
    }
    i = i2;
    j = j2;
  }
  pm_array_delete(&k->marks);
  k->marks = out;
}

/* Analyses block `b` from the context leaving the block before it (which
 * must be analysed); `*ctx` receives the context leaving `b`.  The result
 * is never NULL: a block is far below 4 GiB. */
static PmAnalysis *block_analysis(const PmBufDoc *doc, uint32_t b,
                                  PmContext **ctx) {
  const Block *k = &doc->blocks.contents[b];
  *ctx = pm_context_copy(b ? doc->blocks.contents[b - 1].out : doc->fresh_ctx);
  return pm_analyze_block(doc->lang, &doc->opts, k->text, k->len, *ctx, NULL);
}

/* Analyses block `b`; returns true when the context leaving it changed.
 * Only the marks and that context are kept: the analysis itself (a few
 * times the text's size) is made again when an item is asked for, which
 * keeps the process near twice the article's size. */
static bool analyse_block(PmBufDoc *doc, uint32_t b) {
  Block *k = &doc->blocks.contents[b];
  PmContext *ctx;
  PmAnalysis *an = block_analysis(doc, b, &ctx);
  bool changed = !k->out || !pm_context_equal(ctx, k->out);
  pm_context_free(k->out);
  k->out = ctx;

  BMarkArray marks = pm_array_new();
  block_marks(k, an, &marks);
  pm_analysis_free(an);
  merge_marks(doc, k, &marks);
  pm_array_delete(&marks);
  k->needs = false;
  return changed;
}

bool pm_bufdoc_update(PmBufDoc *doc, uint64_t budget_ns) {
  uint64_t t0 = budget_ns ? now_ns() : 0;
  bool carry = false;
  uint32_t b = doc->resume;
  for (; b < doc->blocks.size; b++) {
    if (!doc->blocks.contents[b].needs && !carry) continue;
    carry = analyse_block(doc, b);
    if (budget_ns && now_ns() - t0 > budget_ns && b + 1 < doc->blocks.size) {
      if (carry) doc->blocks.contents[b + 1].needs = true;
      doc->resume = b + 1;
      return false;
    }
  }
  doc->resume = doc->blocks.size;
  return true;
}

/* ---- batches ------------------------------------------------------------- */

bool pm_bufdoc_has_batch(const PmBufDoc *doc) {
  if (doc->to_delete.size || doc->clear) return true;
  for (uint32_t j = 0; j < doc->blocks.size; j++) {
    const Block *k = &doc->blocks.contents[j];
    if (k->needs || !k->unsent) continue;
    for (uint32_t i = 0; i < k->marks.size; i++)
      if (k->marks.contents[i].state == MARK_NEW) return true;
  }
  return false;
}

size_t pm_bufdoc_batch_begin(PmBufDoc *doc, bool *clear, const uint32_t **del,
                             size_t *n_del) {
  *clear = doc->clear;
  *del = doc->to_delete.contents;
  *n_del = doc->to_delete.size;
  doc->batch_del_sent = doc->to_delete.size;
  size_t n = 0;
  for (uint32_t j = 0; j < doc->blocks.size; j++) {
    Block *k = &doc->blocks.contents[j];
    if (k->needs || !k->unsent) continue;
    for (uint32_t i = 0; i < k->marks.size; i++) {
      BMark *m = &k->marks.contents[i];
      if (m->state != MARK_NEW) continue;
      m->state = MARK_FLYING;
      n++;
    }
    k->unsent = false;
    k->flying = true;
  }
  return n;
}

void pm_bufdoc_batch_each(const PmBufDoc *doc,
                          void (*fn)(const PmMark *m, void *data), void *data) {
  for (uint32_t j = 0; j < doc->blocks.size; j++) {
    const Block *k = &doc->blocks.contents[j];
    if (!k->flying) continue;
    uint32_t row0 = doc->base_row + k->row0;
    for (uint32_t i = 0; i < k->marks.size; i++) {
      const BMark *b = &k->marks.contents[i];
      if (b->state != MARK_FLYING) continue;
      PmMark m = {b->id, row0 + b->row, b->col, row0 + b->end_row, b->end_col,
                  b->group};
      fn(&m, data);
    }
  }
}

static void collect_mark(const PmMark *m, void *data) {
  PmBufDoc *doc = data;
  pm_array_push(&doc->batch_set, *m);
}

void pm_bufdoc_batch(PmBufDoc *doc, bool *clear, const uint32_t **del,
                     size_t *n_del, const PmMark **set, size_t *n_set) {
  pm_array_clear(&doc->batch_set);
  pm_bufdoc_batch_begin(doc, clear, del, n_del);
  pm_bufdoc_batch_each(doc, collect_mark, doc);
  *set = doc->batch_set.contents;
  *n_set = doc->batch_set.size;
}

void pm_bufdoc_batch_done(PmBufDoc *doc, bool applied) {
  pm_array_delete(&doc->batch_set); /* all marks on a first batch: let go */
  for (uint32_t j = 0; j < doc->blocks.size; j++) {
    Block *k = &doc->blocks.contents[j];
    if (!k->flying) continue;
    for (uint32_t i = 0; i < k->marks.size; i++)
      if (k->marks.contents[i].state == MARK_FLYING)
        k->marks.contents[i].state = applied ? MARK_SENT : MARK_NEW;
    k->flying = false;
    if (!applied) k->unsent = true;
  }
  if (!applied) return;
  doc->clear = false;
  size_t n = doc->batch_del_sent;
  if (n) /* contents may be NULL, and NULL + 0 is undefined */
    memmove(doc->to_delete.contents, doc->to_delete.contents + n,
            (doc->to_delete.size - n) * sizeof(uint32_t));
  doc->to_delete.size -= (uint32_t)n;
}

void pm_bufdoc_set_options(PmBufDoc *doc, const PmAnalyzeOptions *opts) {
  doc->opts = *opts;
  for (uint32_t j = 0; j < doc->blocks.size; j++)
    doc->blocks.contents[j].needs = true;
  doc->resume = 0;
}

/* ---- items --------------------------------------------------------------- */

static void span_of(const PmBufDoc *doc, const Block *k, uint32_t s,
                    uint32_t e, PmBufSpan *out) {
  block_pos(k, s, false, &out->row, &out->col);
  block_pos(k, e > s ? e : s, e > s, &out->end_row, &out->end_col);
  out->row += doc->base_row + k->row0;
  out->end_row += doc->base_row + k->row0;
}

static void quote_item(const PmBufDoc *doc, const Block *k, const PmQuote *q,
                       PmItemKind kind, PmBufItem *it) {
  memset(it, 0, sizeof *it);
  it->kind = kind;
  it->quote = q;
  const PmSpeakerRef *sp = &q->speaker;
  it->has_speaker_span = q->has_speaker && sp->mention && sp->end > sp->start &&
                         sp->end <= k->len;
  if (it->has_speaker_span) span_of(doc, k, sp->start, sp->end, &it->speaker_span);
  uint32_t s = kind == PM_ITEM_SPEAKER ? sp->start : q->start;
  uint32_t e = kind == PM_ITEM_SPEAKER ? sp->end : q->end;
  span_of(doc, k, s, e, &it->span);
  it->text = k->text + s;
  it->text_len = e - s;
}

static void claim_item(const PmBufDoc *doc, const Block *k, const PmClaim *c,
                       PmBufItem *it) {
  memset(it, 0, sizeof *it);
  it->kind = PM_ITEM_CLAIM;
  it->claim = c;
  span_of(doc, k, c->start, c->end, &it->span);
  it->text = k->text + c->start;
  it->text_len = c->end - c->start;
}

bool pm_bufdoc_item_at(PmBufDoc *doc, uint32_t row, uint32_t col,
                       PmBufItem *out) {
  pm_bufdoc_update(doc, 0);
  if (row < doc->base_row) return false;
  row -= doc->base_row;
  if (row >= doc->nlines) return false;
  const Block *k = &doc->blocks.contents[block_of_row(doc, row)];
  uint32_t r = row - k->row0;
  uint32_t ls = k->line_off.contents[r];
  uint32_t le = (r + 1 < k->line_off.size ? k->line_off.contents[r + 1] : k->len) - 1;
  if (col > le - ls) return false;
  uint32_t off = ls + col;
  PmContext *ctx;
  pm_analysis_free(doc->item_an);
  doc->item_an = block_analysis(doc, (uint32_t)(k - doc->blocks.contents), &ctx);
  pm_context_free(ctx);
  size_t nq, nc;
  const PmQuote *q = pm_analysis_quotes(doc->item_an, &nq);
  const PmClaim *c = pm_analysis_claims(doc->item_an, &nc);
  const PmQuote *best = NULL, *spoken = NULL;
  for (size_t i = 0; i < nq; i++) {
    const PmSpeakerRef *sp = &q[i].speaker;
    /* a mention answers for the quote it introduces, not for the first
     * of those that borrow it (a headline's, a follow-on's) */
    if (q[i].has_speaker && sp->mention && sp->start <= off && off < sp->end &&
        (!spoken || (spoken->recalled && !q[i].recalled)))
      spoken = &q[i];
    if (q[i].start <= off && off < q[i].end &&
        (!best || q[i].end - q[i].start < best->end - best->start))
      best = &q[i];
  }
  if (spoken) {
    quote_item(doc, k, spoken, PM_ITEM_SPEAKER, out);
    return true;
  }
  if (best) {
    quote_item(doc, k, best, PM_ITEM_QUOTE, out);
    return true;
  }
  for (size_t i = 0; i < nc; i++) {
    if (c[i].start <= off && off < c[i].end) {
      claim_item(doc, k, &c[i], out);
      return true;
    }
  }
  return false;
}

void pm_bufdoc_items(PmBufDoc *doc, PmItemKind kind,
                     bool (*fn)(const PmBufItem *item, void *data),
                     void *data) {
  pm_bufdoc_update(doc, 0);
  PmBufItem it;
  bool go = true;
  for (uint32_t j = 0; j < doc->blocks.size && go; j++) {
    const Block *k = &doc->blocks.contents[j];
    PmContext *ctx;
    PmAnalysis *an = block_analysis(doc, j, &ctx);
    pm_context_free(ctx);
    size_t nq, nc;
    const PmQuote *q = pm_analysis_quotes(an, &nq);
    const PmClaim *c = pm_analysis_claims(an, &nc);
    if (kind == PM_ITEM_CLAIM) {
      for (size_t i = 0; i < nc && go; i++) {
        claim_item(doc, k, &c[i], &it);
        go = fn(&it, data);
      }
      pm_analysis_free(an);
      continue;
    }
    /* one item per speaker mention, the quote it introduces */
    bool *listed = kind == PM_ITEM_SPEAKER && nq ? pm_malloc(nq * sizeof *listed) : NULL;
    if (listed) pm_analysis_mention_owners(an, listed);
    for (size_t i = 0; i < nq && go; i++) {
      if (kind == PM_ITEM_SPEAKER && !listed[i]) continue;
      quote_item(doc, k, &q[i], kind, &it);
      go = fn(&it, data);
    }
    pm_free(listed);
    pm_analysis_free(an);
  }
}

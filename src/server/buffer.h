/*
 * buffer.h - the process's copy of an attached Neovim buffer, analysed
 * incrementally, and the extmarks that draw its results.
 *
 * A PmBufDoc holds the buffer's lines cut into blocks of whole lines (a
 * few KiB each).  Each block caches its analysis, the PmContext that leaves
 * it, and the marks drawn for it.  An edit (pm_bufdoc_set_lines, the shape
 * of nvim_buf_lines_event) rebuilds only the blocks it touches and marks
 * them for analysis; pm_bufdoc_update analyses marked blocks and ripples
 * forward while the context leaving a block differs from the cached one.
 *
 * Marks are kept as Neovim must hold them: every mark has an id, and the
 * document knows which ids Neovim has (marks "sent") and which it must
 * delete.  pm_bufdoc_batch collects one update (ids to delete, marks to
 * set); pm_bufdoc_batch_done(applied) commits it, or forgets it when the
 * editor dropped it because the text had changed meanwhile, so the next
 * batch sends it again.
 *
 * Positions handed out are buffer coordinates: 0-based row, 0-based byte
 * column, end exclusive.  Neovim has already stripped CR and the BOM from
 * the lines, so the analysis sees exactly the buffer's text, each line
 * followed by "\n".  Nothing here speaks msgpack: handlers_buf.c,
 * marks.c and handlers_items.c do.
 */
#ifndef PM_SERVER_BUFFER_H
#define PM_SERVER_BUFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pressmark/analysis.h"
#include "util/buf.h"

typedef struct PmBufDoc PmBufDoc;

/* Highlight groups, in the order of pm_bufdoc_group_name. */
typedef enum {
  PM_HL_QUOTE = 0,
  PM_HL_INDIRECT,
  PM_HL_TERM,
  PM_HL_TITLE,
  PM_HL_SPEAKER,
  PM_HL_CLAIM,
  PM_HL_COUNT
} PmHlGroup;

/* "PressmarkQuote", ...; NULL out of range. */
const char *pm_bufdoc_group_name(unsigned group);

typedef struct {
  uint32_t id;
  uint32_t row, col, end_row, end_col;
  uint8_t group; /* PmHlGroup */
} PmMark;

/* One line as Neovim sends it: bytes without the newline (may hold NUL). */
typedef struct {
  const char *s;
  uint32_t len;
} PmBufLine;

/* Returns an empty document (no lines yet) analysing with `lang` (borrowed:
 * it must outlive the document) and `opts` (copied; NULL for defaults).
 * Never NULL. */
PmBufDoc *pm_bufdoc_new(const PmLang *lang, const PmAnalyzeOptions *opts);
void pm_bufdoc_free(PmBufDoc *doc);

/* Replaces lines [first, last) with `lines` (copied), as
 * nvim_buf_lines_event says: `last` -1 means "to the end"; on an empty
 * document any range means "all".  Marks the touched blocks for analysis.
 * Fails (and changes nothing) when the range is outside the document or
 * the text would exceed UINT32_MAX bytes. */
bool pm_bufdoc_set_lines(PmBufDoc *doc, int64_t first, int64_t last,
                         const PmBufLine *lines, size_t n, PmError *err);

/* Lines and bytes (a newline counted after every line). */
uint32_t pm_bufdoc_line_count(const PmBufDoc *doc);
uint64_t pm_bufdoc_byte_count(const PmBufDoc *doc);

/* Appends the whole text (every line followed by "\n") to `out`, which
 * grows once to the exact size: a reader that needs the buffer's text
 * (the notes module) copies it from here instead of asking Neovim and
 * keeping a second copy.  Never fails. */
void pm_bufdoc_text(const PmBufDoc *doc, PmBuf *out);

/* Shifts every row handed out by `row0` (a document holding only part of a
 * buffer, e.g. the visible lines of a huge one).  Default 0. */
void pm_bufdoc_set_base_row(PmBufDoc *doc, uint32_t row0);

/* Analyses the blocks that need it, for at most about `budget_ns`
 * nanoseconds (0: no limit).  Returns true when nothing is left to do. */
bool pm_bufdoc_update(PmBufDoc *doc, uint64_t budget_ns);

/* True when an update is waiting to be sent (marks to set or delete). */
bool pm_bufdoc_has_batch(const PmBufDoc *doc);

/* Collects the next batch: whether Neovim must first clear every mark of
 * ours it holds (true until the first batch of a new document is applied:
 * marks left by an earlier attachment are unknown to it), ids it must
 * delete and marks it must set, with absolute rows.  The arrays belong to
 * the document and stay valid until pm_bufdoc_batch_done.  One batch is in
 * flight at a time; meanwhile the document may be analysed further or
 * edited (marks of the batch that go are deleted by a later one). */
void pm_bufdoc_batch(PmBufDoc *doc, bool *clear, const uint32_t **del,
                     size_t *n_del, const PmMark **set, size_t *n_set);

/* The same without copying the marks (a first batch holds them all):
 * returns how many marks the batch sets, which pm_bufdoc_batch_each then
 * hands to `fn` one by one, rows absolute.  Either way the batch ends with
 * pm_bufdoc_batch_done. */
size_t pm_bufdoc_batch_begin(PmBufDoc *doc, bool *clear, const uint32_t **del,
                             size_t *n_del);
void pm_bufdoc_batch_each(const PmBufDoc *doc,
                          void (*fn)(const PmMark *m, void *data), void *data);

/* Commits the batch last collected (applied) or forgets it (dropped: the
 * same marks go into the next batch). */
void pm_bufdoc_batch_done(PmBufDoc *doc, bool applied);

/* New analysis options (copied): every block is analysed again and its
 * marks replaced. */
void pm_bufdoc_set_options(PmBufDoc *doc, const PmAnalyzeOptions *opts);

/* ---- items: what lies under a position, and lists -------------------- */

typedef enum { PM_ITEM_QUOTE = 0, PM_ITEM_CLAIM, PM_ITEM_SPEAKER } PmItemKind;

typedef struct {
  uint32_t row, col, end_row, end_col;
} PmBufSpan;

typedef struct {
  PmItemKind kind;
  PmBufSpan span;
  const char *text; /* the item's bytes (not NUL-terminated) */
  uint32_t text_len;
  /* PM_ITEM_QUOTE and PM_ITEM_SPEAKER: the quote (a mention's first one) */
  const PmQuote *quote;
  bool has_speaker_span; /* the quote's speaker mention lies in the doc */
  PmBufSpan speaker_span;
  const PmClaim *claim; /* PM_ITEM_CLAIM */
} PmBufItem;

/* Finds the item under (row, col): a speaker mention, else a quote, else
 * a claim containing the position (the innermost wins).  Brings the
 * analysis up to date first, then analyses that block again (results are
 * not kept per block, to save memory).  Pointers stay valid until the
 * next call or change.  False when nothing is there. */
bool pm_bufdoc_item_at(PmBufDoc *doc, uint32_t row, uint32_t col,
                       PmBufItem *out);

/* Calls `fn` for every item of `kind` in buffer order (speaker mentions
 * once each); stops early when `fn` returns false.  Brings the analysis
 * up to date first and analyses each block again on the way; an item's
 * pointers are valid only during its call. */
void pm_bufdoc_items(PmBufDoc *doc, PmItemKind kind,
                     bool (*fn)(const PmBufItem *item, void *data),
                     void *data);

#endif

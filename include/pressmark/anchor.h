/*
 * anchor.h - finding a note's text again after the article changed.
 *
 * A note stores the annotated text (`exact`), up to ~32 code points before
 * and after it (`prefix`, `suffix`) and a line/column hint.  The text is
 * the truth; the hint only says where to look first.  Resolution tries, in
 * order:
 *   1. anchored: `exact` at the hinted place;
 *   2. moved: `exact` elsewhere; repeated occurrences are told apart by how
 *      much of prefix and suffix match, then by nearness to the hint; equal
 *      on both counts -> ambiguous (at most PM_ANCHOR_MAX_CANDIDATES
 *      occurrences are compared, nearest first);
 *   3. fuzzy: the best approximate match (edit distance in code points,
 *      Myers' bit-parallel algorithm) within FUZZY_WINDOW bytes of the
 *      hint, accepted only with at most one error per ten code points of
 *      `exact` and never for an `exact` shorter than 10 code points (a
 *      wrong anchor is worse than an orphan).  Two best candidates with the
 *      same errors and the same context match -> ambiguous;
 *   4. orphan.
 * Positions are 0-based byte offsets, spans half-open, lines 1-based,
 * columns 0-based in bytes.
 */
#ifndef PRESSMARK_ANCHOR_H
#define PRESSMARK_ANCHOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct PmSidecar PmSidecar;

typedef enum {
  PM_ANCHOR_NONE = 0, /* not resolved yet */
  PM_ANCHOR_ANCHORED,
  PM_ANCHOR_MOVED,
  PM_ANCHOR_FUZZY,
  PM_ANCHOR_AMBIGUOUS,
  PM_ANCHOR_ORPHAN
} PmAnchorOutcome;

/* What a note says about its place; all strings borrowed, lengths in
 * bytes, NULL/0 for absent. */
typedef struct {
  const char *exact;
  size_t exact_len;
  const char *prefix;
  size_t prefix_len;
  const char *suffix;
  size_t suffix_len;
  uint32_t line; /* 1-based; 0 = no hint */
  uint32_t col;  /* 0-based byte column */
} PmAnchorSpec;

typedef struct {
  PmAnchorOutcome outcome;
  uint32_t start, end; /* the span found (anchored, moved, fuzzy) */
  uint32_t line, col;  /* of start */
  uint32_t errors;     /* edit distance of a fuzzy match, else 0 */
  uint32_t candidates; /* how many places scored best (ambiguous: >= 2) */
  uint32_t scored;     /* occurrences of `exact` whose context was compared */
} PmAnchorResult;

typedef struct {
  uint32_t anchored, moved, fuzzy, ambiguous, orphan;
  uint64_t scored; /* sum of the notes' PmAnchorResult.scored */
} PmAnchorStats;

/* Bytes searched on each side of the hint by the fuzzy step. */
#define PM_ANCHOR_FUZZY_WINDOW (16u * 1024u)
/* Occurrences of `exact` whose context is compared, at most, per note in
 * step 2.  They are taken nearest to where the note is expected first, and
 * the search stops as soon as one matches prefix and suffix in full (no
 * farther one can beat it), so the cap only bites on a text repeated
 * thousands of times with partial context: then the best of the nearest
 * PM_ANCHOR_MAX_CANDIDATES wins if unique, else the note is ambiguous. */
#define PM_ANCHOR_MAX_CANDIDATES 4096u
/* Code points of context kept in prefix and suffix. */
#define PM_ANCHOR_CONTEXT 32

/* An article text with its line-start index, built once (O(len)) so that
 * many notes can be resolved against it.  The text is borrowed and must
 * outlive the index.  Texts of 4 GiB or more are refused (NULL). */
typedef struct PmAnchorText PmAnchorText;
PmAnchorText *pm_anchor_text_new(const char *text, size_t len);
void pm_anchor_text_free(PmAnchorText *t); /* NULL: no-op */

/* Resolves one anchor.  `line_delta` is a guess of how many lines the
 * text moved (e.g. what the previous note moved by; 0 if unknown): the
 * hinted line shifted by it, same column, is tried right after the hint
 * and centres the fuzzy window.  Never fails: the outcome says what was
 * found. */
void pm_anchor_text_resolve(const PmAnchorText *t, const PmAnchorSpec *spec,
                            int32_t line_delta, PmAnchorResult *out);

/* One-shot form of the above (builds and frees the index). */
void pm_anchor_resolve(const char *text, size_t len, const PmAnchorSpec *spec,
                       PmAnchorResult *out);

/* 1-based line and 0-based byte column of `offset`. */
void pm_anchor_text_position(const PmAnchorText *t, uint32_t offset,
                             uint32_t *line, uint32_t *col);

/* Fills prefix/suffix of `spec` (pointers into text) with up to
 * PM_ANCHOR_CONTEXT code points around [start, end), cut on UTF-8
 * boundaries, and exact with the span itself.  line/col left as is. */
void pm_anchor_context(const char *text, size_t len, uint32_t start,
                       uint32_t end, PmAnchorSpec *spec);

/* "anchored", "moved", "fuzzy", "ambiguous", "orphan" or "unresolved". */
const char *pm_anchor_outcome_name(PmAnchorOutcome o);

/* Re-anchors every note of `sc` against the article text; each note's
 * result is read back with pm_note_anchor_result().  Notes are visited in
 * hint order and each carries the line shift found for the previous one,
 * so lines inserted above many notes cost one verification per note, not
 * a search.  `stats` may be NULL.  Does not modify the notes' fields. */
void pm_sidecar_reanchor(PmSidecar *sc, const char *text, size_t len,
                         PmAnchorStats *stats);

/* After pm_sidecar_reanchor: writes the new place into every anchored,
 * moved or fuzzy note (line/col; for moved and fuzzy also exact, prefix
 * and suffix from the text), leaving ambiguous and orphan notes as they
 * are.  Does not change `updated`.  Returns how many notes changed. */
size_t pm_sidecar_apply_anchors(PmSidecar *sc, const char *text, size_t len);

typedef struct PmNote PmNote;
/* The last re-anchoring result (outcome PM_ANCHOR_NONE before any). */
const PmAnchorResult *pm_note_anchor_result(const PmNote *n);

#endif

/*
 * internal.h - the sidecar's struct bodies, shared by the files of
 * src/sidecar/ only (load/save, re-anchoring, merge, export).
 */
#ifndef PM_SIDECAR_INTERNAL_H
#define PM_SIDECAR_INTERNAL_H

#include "pressmark/anchor.h"
#include "pressmark/sidecar.h"
#include "sidecar/ynode.h"

struct PmNote {
  YNode *map;         /* owned: the note's mapping, known keys in order */
  PmSidecar *sc;      /* owner, for the clock */
  PmAnchorResult res; /* last re-anchoring */
};

struct PmSidecar {
  /* Top-level mapping without `notes` (the notes live in `notes`, so that
   * order and lookup need no tree walk): pressmark, article, unknown keys. */
  YNode *top;
  PmArray(PmNote *) notes;
  /* Merge results only: whole notes in conflict (deleted on one side and
   * edited on the other, or added twice differently), as YN_CONFLICT. */
  PmArray(YNode *) conflict_items;
  uint32_t conflicts; /* every conflict, field-level ones included */
  char *loaded;       /* bytes read or last written; NULL when none */
  size_t loaded_len;
  int64_t clock;
  char *author;
};

extern const char *const pm_sidecar__top_order[];
extern const char *const pm_sidecar__article_order[];
extern const char *const pm_sidecar__note_order[];
extern const char *const pm_sidecar__anchor_order[];

/* Builds a sidecar from a parsed tree (takes ownership of root, even on
 * failure), checking the schema.  `name` is used in messages. */
PmSidecar *pm_sidecar__from_tree(YNode *root, const char *name, PmError *err);
/* Wraps a note mapping (taken) into a PmNote of sc, appended. */
PmNote *pm_sidecar__adopt(PmSidecar *sc, YNode *map);
/* Replaces everything in `dst` but its loaded bytes, clock and author
 * with the content of `src`, which is freed. */
void pm_sidecar__take(PmSidecar *dst, PmSidecar *src);

/* Anchoring helpers shared by anchor.c and fuzzy.c. */
/* Bytes of prefix matching right before `start` plus bytes of suffix
 * matching right after `end`; *full says whether all that the text has
 * room for matched on both sides. */
uint32_t pm_anchor__context_score(const char *text, size_t len, uint32_t start,
                                  uint32_t end, const PmAnchorSpec *spec,
                                  bool *full);

typedef struct {
  uint32_t start, end, errors, ctx;
} PmFuzzyMatch;

/* The best approximate occurrences of spec->exact in text[ws, we): at most
 * `max_errors` edits in code points.  Fills *best and returns how many
 * candidates tie with it on (errors, context); 0 when none qualifies. */
uint32_t pm_anchor__fuzzy(const char *text, size_t len, uint32_t ws,
                          uint32_t we, const PmAnchorSpec *spec,
                          uint32_t max_errors, PmFuzzyMatch *best);

#endif

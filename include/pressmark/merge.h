/*
 * merge.h - three-way merge of sidecars, by note id and field by field.
 *
 * Rules (doc/pressmark.txt |pressmark-merge|):
 *   - notes are matched by id; notes added on either side are kept, in
 *     whatever order; a note deleted on one side and untouched on the other
 *     is deleted;
 *   - each field (known or not, nested mappings field by field) takes the
 *     side that changed it; changed the same way on both sides is no
 *     conflict;
 *   - `sources` merge as sets: additions from both sides are kept and a
 *     removal on one side is applied;
 *   - derived fields never conflict: `updated` takes the later time,
 *     the anchor's `line`/`col` hints and `prefix`/`suffix` context take
 *     ours (they are derived from the article text, and the next
 *     re-anchoring recomputes them), `article.sha256` takes the side that
 *     changed it (ours if both did) and is meant to be recomputed by the
 *     caller from the article file (pressmark merge does);
 *   - anything else changed differently on both sides, and a note deleted
 *     on one side but edited on the other, is a conflict: the result keeps
 *     all three versions and is written with markers labelled ours, base
 *     and theirs, so nothing either side wrote is lost.
 */
#ifndef PRESSMARK_MERGE_H
#define PRESSMARK_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "pressmark/error.h"
#include "pressmark/sidecar.h"

typedef struct PmMergeConflicts PmMergeConflicts;

/* Merges.  `base` may be NULL (no common ancestor: an empty sidecar).  The
 * inputs are only read.  On success *result (caller frees) holds the
 * merge, with conflicts if any, and *conflicts (caller frees; pass NULL to
 * ignore) describes each one.  Fails (false, nothing allocated) only when
 * an input is itself a conflicted merge result. */
bool pm_merge_sidecars(const PmSidecar *base, const PmSidecar *ours,
                       const PmSidecar *theirs, PmSidecar **result,
                       PmMergeConflicts **conflicts, PmError *err);

size_t pm_merge_conflicts_count(const PmMergeConflicts *c);
/* "note 1a2b3c4d: verdict changed on both sides", owned by c; NULL out of
 * range. */
const char *pm_merge_conflicts_at(const PmMergeConflicts *c, size_t i);
void pm_merge_conflicts_free(PmMergeConflicts *c); /* NULL: no-op */

#endif

/*
 * fuzz_merge.c - the three-way merge on arbitrary sidecars.
 *
 * Input: base 0xfe ours 0xfe theirs, each a sidecar (0xfe never occurs in
 * UTF-8 YAML text).  Sides that do not load are skipped, as a caller
 * would.  Checked:
 *   - the merge of loadable sides succeeds, and its result is written;
 *     a clean one loads again, one with conflicts is refused by the
 *     loader with a message about the conflict markers;
 *   - merging a side with itself over any base that equals it gives it
 *     back byte for byte;
 *   - ours == theirs merges without conflicts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pressmark/merge.h"
#include "util/alloc.h"

static PmSidecar *side(const uint8_t **p, const uint8_t *end) {
  const uint8_t *start = *p;
  const uint8_t *sep = memchr(start, 0xfe, (size_t)(end - start));
  size_t len = (size_t)((sep ? sep : end) - start);
  *p = sep ? sep + 1 : end;
  return pm_sidecar_parse((const char *)start, len, "fuzz", NULL);
}

/* A clean result loads again; one with conflicts is written with markers,
 * which the loader refuses with a message pointing at the first one. */
static void check_result(const PmSidecar *r) {
  size_t len;
  char *text = pm_sidecar_emit(r, &len, NULL);
  PmError err;
  PmSidecar *again = pm_sidecar_parse(text, len, "fuzz-merged", &err);
  if (pm_sidecar_has_conflicts(r)) {
    FUZZ_FAIL_IF(again || !strstr(err.message, "merge conflict"));
  } else {
    if (!again) fprintf(stderr, "%s\n---\n%s\n", err.message, text);
    FUZZ_FAIL_IF(!again);
  }
  pm_sidecar_free(again);
  pm_free(text);
}

static bool emits_same(const PmSidecar *a, const PmSidecar *b) {
  size_t la, lb;
  char *ta = pm_sidecar_emit(a, &la, NULL), *tb = pm_sidecar_emit(b, &lb, NULL);
  bool same = la == lb && memcmp(ta, tb, la) == 0;
  pm_free(ta);
  pm_free(tb);
  return same;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *p = data, *end = data + size;
  PmSidecar *base = side(&p, end);
  PmSidecar *ours = side(&p, end);
  PmSidecar *theirs = side(&p, end);
  if (!ours || !theirs) goto done;
  bool conflicted_in = pm_sidecar_has_conflicts(ours) ||
                       pm_sidecar_has_conflicts(theirs) ||
                       (base && pm_sidecar_has_conflicts(base));
  PmSidecar *r = NULL;
  PmMergeConflicts *c = NULL;
  PmError err;
  if (!pm_merge_sidecars(base, ours, theirs, &r, &c, &err)) {
    FUZZ_FAIL_IF(!conflicted_in);
    goto done;
  }
  check_result(r);
  for (size_t i = 0; i < pm_merge_conflicts_count(c); i++)
    FUZZ_FAIL_IF(!pm_merge_conflicts_at(c, i));
  FUZZ_FAIL_IF(pm_merge_conflicts_count(c) > 0 && !pm_sidecar_has_conflicts(r));
  pm_sidecar_free(r);
  pm_merge_conflicts_free(c);

  if (!conflicted_in) {
    /* ours merged with itself, over itself and over the given base. */
    r = NULL;
    FUZZ_FAIL_IF(!pm_merge_sidecars(ours, ours, ours, &r, NULL, &err));
    FUZZ_FAIL_IF(pm_sidecar_has_conflicts(r) || !emits_same(r, ours));
    pm_sidecar_free(r);
    r = NULL;
    FUZZ_FAIL_IF(!pm_merge_sidecars(base, ours, ours, &r, &c, &err));
    FUZZ_FAIL_IF(pm_sidecar_has_conflicts(r) || pm_merge_conflicts_count(c));
    check_result(r);
    pm_sidecar_free(r);
    pm_merge_conflicts_free(c);
  }
done:
  pm_sidecar_free(base);
  pm_sidecar_free(ours);
  pm_sidecar_free(theirs);
  return 0;
}

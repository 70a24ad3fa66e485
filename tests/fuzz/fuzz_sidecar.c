/*
 * fuzz_sidecar.c - the sidecar loader (YAML parse and schema checks) and
 * the writer, on arbitrary bytes.
 *
 * A refused input must come with a message naming the file ("fuzz").  An
 * accepted one is read through every getter, written out, and the text
 * written must load again and write out the same bytes (emission is
 * deterministic and what it writes is what it reads).  Then it is edited
 * through the setters and written once more, which must still load.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pressmark/sidecar.h"
#include "util/alloc.h"

static void touch_getters(const PmSidecar *sc) {
  size_t sum = 0;
  const char *s;
  if ((s = pm_sidecar_article_path(sc))) sum += strlen(s);
  if ((s = pm_sidecar_article_sha256(sc))) sum += strlen(s);
  if ((s = pm_sidecar_article_url(sc))) sum += strlen(s);
  for (size_t i = 0; i < pm_sidecar_note_count(sc); i++) {
    const PmNote *n = pm_sidecar_note_at(sc, i);
    const char *fields[] = {pm_note_id(n),      pm_note_target(n),
                            pm_note_exact(n),   pm_note_prefix(n),
                            pm_note_suffix(n),  pm_note_verdict(n),
                            pm_note_speaker(n), pm_note_text(n),
                            pm_note_author(n),  pm_note_created(n),
                            pm_note_updated(n)};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
      if (fields[k]) sum += strlen(fields[k]);
    FUZZ_FAIL_IF(!pm_note_id(n)); /* the schema requires an id */
    FUZZ_FAIL_IF(pm_sidecar_note_find(sc, pm_note_id(n)) != n);
    for (size_t k = 0; k < pm_note_source_count(n); k++)
      FUZZ_FAIL_IF(!pm_note_source_at(n, k));
    sum += pm_note_line(n) + pm_note_col(n) + pm_note_dismissed(n);
  }
  (void)sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  PmError err;
  pm_error_clear(&err);
  PmSidecar *sc = pm_sidecar_parse((const char *)data, size, "fuzz", &err);
  if (!sc) {
    FUZZ_FAIL_IF(err.code == PM_OK || strncmp(err.message, "fuzz", 4) != 0);
    return 0;
  }
  touch_getters(sc);
  bool conflicted = pm_sidecar_has_conflicts(sc);
  size_t len1 = 0, len2 = 0;
  char *out1 = pm_sidecar_emit(sc, &len1, &err);
  FUZZ_FAIL_IF(!out1 || strlen(out1) != len1);
  PmSidecar *again = pm_sidecar_parse(out1, len1, "fuzz-out", &err);
  FUZZ_FAIL_IF(!again); /* what we write, we must read */
  FUZZ_FAIL_IF(pm_sidecar_note_count(again) != pm_sidecar_note_count(sc));
  FUZZ_FAIL_IF(pm_sidecar_has_conflicts(again) != conflicted);
  char *out2 = pm_sidecar_emit(again, &len2, &err);
  FUZZ_FAIL_IF(len1 != len2 || memcmp(out1, out2, len1) != 0);
  pm_free(out2);
  pm_sidecar_free(again);

  /* Edit every note through the setters, then write and read again. */
  if (!conflicted) {
    pm_sidecar_set_clock(sc, 1700000000);
    pm_sidecar_set_author(sc, "fuzz");
    for (size_t i = 0; i < pm_sidecar_note_count(sc); i++) {
      PmNote *n = pm_sidecar_note_at(sc, i);
      FUZZ_FAIL_IF(!pm_note_set_verdict(n, i % 2 ? "false" : NULL, &err));
      pm_note_set_text(n, "edited\nnote: [not yaml] &a *b # c");
      pm_note_set_dismissed(n, i % 3 == 0);
      const char *src[] = {"- a", "b: c", ""};
      pm_note_set_sources(n, src, 3);
    }
    FUZZ_FAIL_IF(!pm_sidecar_note_add(sc, "range", "x\ty\r\n\"z\"", &err));
    pm_sidecar_sort(sc);
    char *out3 = pm_sidecar_emit(sc, &len2, &err);
    PmSidecar *third = pm_sidecar_parse(out3, len2, "fuzz-edited", &err);
    FUZZ_FAIL_IF(!third);
    pm_sidecar_free(third);
    pm_free(out3);
  }
  pm_free(out1);
  pm_sidecar_free(sc);
  return 0;
}

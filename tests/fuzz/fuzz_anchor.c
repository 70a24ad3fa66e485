/*
 * fuzz_anchor.c - re-anchoring on arbitrary texts and anchors.
 *
 * Input: four header bytes (line hint, column hint, signed delta, a span
 * selector), then text 0xfe exact 0xfe prefix 0xfe suffix (0xfe never
 * occurs in UTF-8, so a real article and its anchor split cleanly).
 * Checked:
 *   - whatever the anchor, a found span lies inside the text; anchored and
 *     moved spans hold exactly `exact`; a fuzzy one is within the allowed
 *     errors (one per ten code points);
 *   - an anchor taken from the text itself (pm_anchor_context at the span
 *     the selector picks, with its true line and column) resolves to that
 *     very span, and still finds the same text after 0-3 bytes are
 *     inserted before it;
 *   - line/column from the index agree with counting newlines.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pressmark/anchor.h"
#include "util/alloc.h"
#include "util/utf8.h"

static const uint8_t *cut(const uint8_t **p, const uint8_t *end, size_t *len) {
  const uint8_t *start = *p;
  const uint8_t *sep = memchr(start, 0xfe, (size_t)(end - start));
  *len = (size_t)((sep ? sep : end) - start);
  *p = sep ? sep + 1 : end;
  return start;
}

static size_t code_points(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; n++) {
    int32_t cp;
    i += pm_utf8_decode((const unsigned char *)s + i, len - i, &cp);
  }
  return n;
}

static void check_found(const char *text, size_t len, const PmAnchorSpec *s,
                        const PmAnchorResult *r) {
  FUZZ_FAIL_IF(r->outcome == PM_ANCHOR_NONE);
  FUZZ_FAIL_IF(r->outcome == PM_ANCHOR_AMBIGUOUS && r->candidates < 2);
  if (r->outcome != PM_ANCHOR_ANCHORED && r->outcome != PM_ANCHOR_MOVED &&
      r->outcome != PM_ANCHOR_FUZZY)
    return;
  FUZZ_FAIL_IF(r->start > r->end || r->end > len);
  if (r->outcome != PM_ANCHOR_FUZZY) {
    FUZZ_FAIL_IF(r->end - r->start != s->exact_len);
    FUZZ_FAIL_IF(memcmp(text + r->start, s->exact, s->exact_len) != 0);
  } else {
    FUZZ_FAIL_IF(r->errors * 10 > code_points(s->exact, s->exact_len));
  }
}

static void line_col(const char *text, uint32_t off, uint32_t *line,
                     uint32_t *col) {
  uint32_t l = 1, c = 0;
  for (uint32_t i = 0; i < off; i++) {
    if (text[i] == '\n') l++, c = 0;
    else c++;
  }
  *line = l;
  *col = c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 4) return 0;
  uint8_t hl = data[0], hc = data[1], sel = data[3];
  int8_t delta = (int8_t)data[2];
  const uint8_t *p = data + 4, *end = data + size;
  PmAnchorSpec spec;
  memset(&spec, 0, sizeof spec);
  size_t len;
  const char *text = (const char *)cut(&p, end, &len);
  spec.exact = (const char *)cut(&p, end, &spec.exact_len);
  spec.prefix = (const char *)cut(&p, end, &spec.prefix_len);
  spec.suffix = (const char *)cut(&p, end, &spec.suffix_len);
  spec.line = hl;
  spec.col = hc;

  PmAnchorText *t = pm_anchor_text_new(text, len);
  FUZZ_FAIL_IF(!t);
  PmAnchorResult r;
  pm_anchor_text_resolve(t, &spec, delta, &r);
  check_found(text, len, &spec, &r);

  if (len > 0) {
    /* An anchor made from the text itself. */
    uint32_t a = (uint32_t)((sel * 7919u) % len);
    uint32_t b = a + 1 + (uint32_t)(sel % 23u);
    if (b > len) b = (uint32_t)len;
    PmAnchorSpec own;
    memset(&own, 0, sizeof own);
    pm_anchor_context(text, len, a, b, &own);
    FUZZ_FAIL_IF(own.exact != text + a || own.exact_len != b - a);
    FUZZ_FAIL_IF(own.prefix_len > a || own.suffix_len > len - b);
    FUZZ_FAIL_IF(own.prefix + own.prefix_len != text + a);
    FUZZ_FAIL_IF(own.suffix != text + b);
    uint32_t line, col, l2, c2;
    line_col(text, a, &line, &col);
    pm_anchor_text_position(t, a, &l2, &c2);
    FUZZ_FAIL_IF(line != l2 || col != c2);
    own.line = line;
    own.col = col;
    PmAnchorResult ro;
    pm_anchor_text_resolve(t, &own, delta, &ro);
    FUZZ_FAIL_IF(ro.outcome != PM_ANCHOR_ANCHORED || ro.start != a || ro.end != b);

    /* The same anchor after 1-3 bytes are inserted before it. */
    size_t ins = 1 + sel % 3;
    char *moved = pm_malloc(len + ins);
    memcpy(moved, text, a);
    memset(moved + a, sel & 1 ? '\n' : 'x', ins);
    memcpy(moved + a + ins, text + a, len - a);
    PmAnchorResult rm;
    pm_anchor_resolve(moved, len + ins, &own, &rm);
    check_found(moved, len + ins, &own, &rm);
    FUZZ_FAIL_IF(rm.outcome == PM_ANCHOR_ORPHAN); /* exact is still there */
    pm_free(moved);
  }
  pm_anchor_text_free(t);
  return 0;
}

/*
 * anchor.c - re-anchoring notes on a changed article (the order of the
 * steps and the minimum fuzzy score are in include/pressmark/anchor.h).
 *
 * The batch form is what keeps 10,000 notes on a 10 MB article cheap: the
 * line-start index is built once, each note is first verified at its
 * hinted offset (one memcmp), then at the hint shifted by what the
 * previous note moved (an insertion above shifts everything below by the
 * same amount), and only the notes that fail both are searched for.  The
 * search is a memmem over the text; the fuzzy step only looks at a window
 * around the hint.  So the cost follows the damage, not notes x size.
 */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "sidecar/internal.h"
#include "util/alloc.h"
#include "util/utf8.h"

struct PmAnchorText {
  const char *text;
  uint32_t len;
  PmArray(uint32_t) lines; /* byte offset where each line starts */
};

PmAnchorText *pm_anchor_text_new(const char *text, size_t len) {
  if (len >= UINT32_MAX) return NULL;
  PmAnchorText *t = pm_calloc(1, sizeof *t);
  t->text = text;
  t->len = (uint32_t)len;
  pm_array_reserve(&t->lines, 1024);
  pm_array_push(&t->lines, 0);
  const char *p = text, *end = text + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) break;
    pm_array_push(&t->lines, (uint32_t)(nl + 1 - text));
    p = nl + 1;
  }
  return t;
}

void pm_anchor_text_free(PmAnchorText *t) {
  if (!t) return;
  pm_array_delete(&t->lines);
  pm_free(t);
}

void pm_anchor_text_position(const PmAnchorText *t, uint32_t offset,
                             uint32_t *line, uint32_t *col) {
  uint32_t lo = 0, hi = t->lines.size; /* last line start <= offset */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (t->lines.contents[mid] <= offset) lo = mid;
    else hi = mid;
  }
  *line = lo + 1;
  *col = offset - t->lines.contents[lo];
}

const char *pm_anchor_outcome_name(PmAnchorOutcome o) {
  switch (o) {
    case PM_ANCHOR_ANCHORED: return "anchored";
    case PM_ANCHOR_MOVED: return "moved";
    case PM_ANCHOR_FUZZY: return "fuzzy";
    case PM_ANCHOR_AMBIGUOUS: return "ambiguous";
    case PM_ANCHOR_ORPHAN: return "orphan";
    case PM_ANCHOR_NONE: break;
  }
  return "unresolved";
}

uint32_t pm_anchor__context_score(const char *text, size_t len, uint32_t start,
                                  uint32_t end, const PmAnchorSpec *spec,
                                  bool *full) {
  uint32_t pm = 0, sm = 0;
  while (pm < spec->prefix_len && pm < start &&
         text[start - 1 - pm] == spec->prefix[spec->prefix_len - 1 - pm])
    pm++;
  while (sm < spec->suffix_len && end + sm < len &&
         text[end + sm] == spec->suffix[sm])
    sm++;
  if (full) {
    size_t proom = spec->prefix_len < start ? spec->prefix_len : start;
    size_t sroom = spec->suffix_len < len - end ? spec->suffix_len : len - end;
    *full = pm == proom && sm == sroom;
  }
  return pm + sm;
}

/* The byte offset a 1-based line and byte column point at, if any. */
static bool hint_offset(const PmAnchorText *t, uint32_t line, uint32_t col,
                        uint32_t *off) {
  if (line == 0 || line > t->lines.size) return false;
  uint64_t o = (uint64_t)t->lines.contents[line - 1] + col;
  if (o > t->len) return false;
  *off = (uint32_t)o;
  return true;
}

static bool exact_at(const PmAnchorText *t, const PmAnchorSpec *s, int64_t off) {
  return off >= 0 && (uint64_t)off + s->exact_len <= t->len &&
         memcmp(t->text + off, s->exact, s->exact_len) == 0;
}

static void found(const PmAnchorText *t, PmAnchorOutcome o, uint32_t start,
                  uint32_t end, uint32_t errors, PmAnchorResult *out) {
  out->outcome = o;
  out->start = start;
  out->end = end;
  out->errors = errors;
  out->candidates = 1;
  pm_anchor_text_position(t, start, &out->line, &out->col);
}

static size_t cp_count(const char *s, size_t n) { return pm_utf8_count(s, n); }

void pm_anchor_text_resolve(const PmAnchorText *t, const PmAnchorSpec *s,
                            int64_t delta, PmAnchorResult *out) {
  memset(out, 0, sizeof *out);
  out->outcome = PM_ANCHOR_ORPHAN;
  if (!s->exact || s->exact_len == 0 || s->exact_len > t->len) goto fuzzy;
  uint32_t h = 0;
  bool has_hint = hint_offset(t, s->line, s->col, &h);
  /* 1. At the hinted place. */
  if (has_hint && exact_at(t, s, h)) {
    found(t, PM_ANCHOR_ANCHORED, h, h + (uint32_t)s->exact_len, 0, out);
    return;
  }
  int64_t expect = has_hint ? (int64_t)h + delta : -1;
  /* 2a. Where the previous note's shift puts it, context and all. */
  if (has_hint && delta && exact_at(t, s, expect)) {
    bool full;
    pm_anchor__context_score(t->text, t->len, (uint32_t)expect,
                             (uint32_t)(expect + (int64_t)s->exact_len), s, &full);
    if (full) {
      found(t, PM_ANCHOR_MOVED, (uint32_t)expect,
            (uint32_t)expect + (uint32_t)s->exact_len, 0, out);
      return;
    }
  }
  /* 2b. Every occurrence: most context, then nearest to where it was. */
  {
    const char *p = t->text, *end = t->text + t->len;
    uint32_t best_ctx = 0, ties = 0, best_at = 0;
    uint64_t best_dist = UINT64_MAX;
    while (p < end) {
      const char *q = memmem(p, (size_t)(end - p), s->exact, s->exact_len);
      if (!q) break;
      uint32_t at = (uint32_t)(q - t->text);
      uint32_t ctx = pm_anchor__context_score(t->text, t->len, at,
                                              at + (uint32_t)s->exact_len, s, NULL);
      uint64_t dist = expect < 0 ? 0
                      : (uint64_t)(at > expect ? at - expect : expect - at);
      if (!ties || ctx > best_ctx || (ctx == best_ctx && dist < best_dist)) {
        best_ctx = ctx, best_dist = dist, best_at = at, ties = 1;
      } else if (ctx == best_ctx && dist == best_dist) {
        ties++;
      }
      p = q + 1;
    }
    if (ties == 1) {
      found(t, PM_ANCHOR_MOVED, best_at, best_at + (uint32_t)s->exact_len, 0, out);
      return;
    }
    if (ties > 1) {
      out->outcome = PM_ANCHOR_AMBIGUOUS;
      out->candidates = ties;
      return;
    }
  }
fuzzy:
  /* 3. Approximate, near the hint, within the minimum score. */
  {
    if (!s->exact || s->exact_len == 0) return;
    size_t cps = cp_count(s->exact, s->exact_len);
    if (cps < 10) return;
    uint32_t max_err = (uint32_t)(cps / 10);
    uint32_t h = 0;
    uint32_t ws = 0, we = t->len;
    if (hint_offset(t, s->line, s->col, &h)) {
      int64_t c = (int64_t)h + delta;
      if (c < 0) c = 0;
      if (c > (int64_t)t->len) c = t->len;
      int64_t lo = c - PM_ANCHOR_FUZZY_WINDOW;
      int64_t hi = c + (int64_t)s->exact_len + PM_ANCHOR_FUZZY_WINDOW;
      ws = lo < 0 ? 0 : (uint32_t)lo;
      we = hi > (int64_t)t->len ? t->len : (uint32_t)hi;
      /* Do not cut a character in two. */
      while (ws > 0 && ((unsigned char)t->text[ws] & 0xC0) == 0x80) ws--;
      while (we < t->len && ((unsigned char)t->text[we] & 0xC0) == 0x80) we++;
    }
    PmFuzzyMatch m;
    uint32_t ties = pm_anchor__fuzzy(t->text, t->len, ws, we, s, max_err, &m);
    if (ties == 1) {
      found(t, PM_ANCHOR_FUZZY, m.start, m.end, m.errors, out);
    } else if (ties > 1) {
      out->outcome = PM_ANCHOR_AMBIGUOUS;
      out->candidates = ties;
    }
  }
}

void pm_anchor_resolve(const char *text, size_t len, const PmAnchorSpec *spec,
                       PmAnchorResult *out) {
  PmAnchorText *t = pm_anchor_text_new(text, len);
  if (!t) {
    memset(out, 0, sizeof *out);
    out->outcome = PM_ANCHOR_ORPHAN;
    return;
  }
  pm_anchor_text_resolve(t, spec, 0, out);
  pm_anchor_text_free(t);
}

void pm_anchor_context(const char *text, size_t len, uint32_t start,
                       uint32_t end, PmAnchorSpec *spec) {
  if (end > len) end = (uint32_t)len;
  if (start > end) start = end;
  spec->exact = text + start;
  spec->exact_len = end - start;
  uint32_t ps = start;
  for (int k = 0; k < PM_ANCHOR_CONTEXT && ps > 0; k++) {
    ps--;
    while (ps > 0 && ((unsigned char)text[ps] & 0xC0) == 0x80) ps--;
  }
  spec->prefix = text + ps;
  spec->prefix_len = start - ps;
  size_t se = end;
  for (int k = 0; k < PM_ANCHOR_CONTEXT && se < len; k++) {
    se++;
    while (se < len && ((unsigned char)text[se] & 0xC0) == 0x80) se++;
  }
  spec->suffix = text + end;
  spec->suffix_len = se - end;
}

/* --- the batch over a sidecar ------------------------------------------ */

typedef struct {
  PmNote *note;
  uint64_t key; /* hinted offset, or past the end for no hint */
} Item;

static int cmp_item(const void *a, const void *b) {
  uint64_t x = ((const Item *)a)->key, y = ((const Item *)b)->key;
  return (x > y) - (x < y);
}

static void spec_of(const PmNote *n, PmAnchorSpec *s) {
  s->exact = pm_note_exact(n);
  s->exact_len = s->exact ? strlen(s->exact) : 0;
  s->prefix = pm_note_prefix(n);
  s->prefix_len = s->prefix ? strlen(s->prefix) : 0;
  s->suffix = pm_note_suffix(n);
  s->suffix_len = s->suffix ? strlen(s->suffix) : 0;
  s->line = pm_note_line(n);
  s->col = pm_note_col(n);
}

void pm_sidecar_reanchor(PmSidecar *sc, const char *text, size_t len,
                         PmAnchorStats *stats) {
  PmAnchorStats st = {0, 0, 0, 0, 0};
  PmAnchorText *t = pm_anchor_text_new(text, len);
  uint32_t n = sc->notes.size;
  Item *items = pm_malloc((n ? n : 1) * sizeof *items);
  for (uint32_t i = 0; i < n; i++) {
    PmNote *note = sc->notes.contents[i];
    uint32_t off;
    items[i].note = note;
    items[i].key = t && hint_offset(t, pm_note_line(note), pm_note_col(note), &off)
                       ? off
                       : UINT64_MAX;
  }
  qsort(items, n, sizeof *items, cmp_item);
  int64_t delta = 0;
  for (uint32_t i = 0; i < n; i++) {
    PmNote *note = items[i].note;
    PmAnchorSpec s;
    spec_of(note, &s);
    if (!t) {
      memset(&note->res, 0, sizeof note->res);
      note->res.outcome = PM_ANCHOR_ORPHAN;
    } else {
      pm_anchor_text_resolve(t, &s, delta, &note->res);
    }
    switch (note->res.outcome) {
      case PM_ANCHOR_ANCHORED: st.anchored++; delta = 0; break;
      case PM_ANCHOR_MOVED: st.moved++; break;
      case PM_ANCHOR_FUZZY: st.fuzzy++; break;
      case PM_ANCHOR_AMBIGUOUS: st.ambiguous++; break;
      default: st.orphan++; break;
    }
    if ((note->res.outcome == PM_ANCHOR_MOVED ||
         note->res.outcome == PM_ANCHOR_FUZZY) && items[i].key != UINT64_MAX)
      delta = (int64_t)note->res.start - (int64_t)items[i].key;
  }
  pm_free(items);
  pm_anchor_text_free(t);
  if (stats) *stats = st;
}

size_t pm_sidecar_apply_anchors(PmSidecar *sc, const char *text, size_t len) {
  size_t changed = 0;
  for (uint32_t i = 0; i < sc->notes.size; i++) {
    PmNote *n = sc->notes.contents[i];
    PmAnchorOutcome o = n->res.outcome;
    if (o != PM_ANCHOR_ANCHORED && o != PM_ANCHOR_MOVED && o != PM_ANCHOR_FUZZY)
      continue;
    if (n->res.end > len) continue;
    YNode *before = ynode__copy(ynode__get(n->map, "anchor"));
    PmAnchorSpec s;
    pm_anchor_context(text, len, n->res.start, n->res.end, &s);
    char *exact = pm_strndup(s.exact, s.exact_len);
    char *prefix = pm_strndup(s.prefix, s.prefix_len);
    char *suffix = pm_strndup(s.suffix, s.suffix_len);
    pm_note_set_anchor(n, exact, prefix, suffix, n->res.line, n->res.col);
    if (!ynode__equal(before, ynode__get(n->map, "anchor"))) changed++;
    ynode__free(before);
    pm_free(exact);
    pm_free(prefix);
    pm_free(suffix);
  }
  return changed;
}

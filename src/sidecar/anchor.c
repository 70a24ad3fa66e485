/*
 * anchor.c - re-anchoring notes on a changed article (the order of the
 * steps and the minimum fuzzy score are in include/pressmark/anchor.h).
 *
 * The batch form is what keeps 10,000 notes on a 10 MB article cheap: the
 * line-start index is built once, each note is first verified at its
 * hinted offset (one memcmp), then at the hint shifted by as many lines
 * as the previous note moved (an insertion above shifts every line below
 * by the same count and keeps columns), and only the notes that fail both
 * are searched for, all together in one pass over the text (a hash of
 * each text's first 8 bytes, looked up at every position).  The fuzzy
 * step only looks at a window around where the note is expected.  So the
 * cost follows the damage, not notes x size.
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

/* Bytes on each side of where a note is expected that are searched before
 * the whole text. */
#define NEAR_WINDOW 4096

/* The occurrences of `exact` seen so far: the best by context, then by
 * distance to where the note was expected, and how many tie with it;
 * `scored` counts the contexts compared, `capped` says the search stopped
 * at PM_ANCHOR_MAX_CANDIDATES. */
typedef struct {
  uint32_t ctx, ties, at, scored;
  uint64_t dist;
  bool capped;
} Occ;

static void occ_add(Occ *o, const PmAnchorText *t, const PmAnchorSpec *s,
                    uint32_t at, int64_t expect) {
  uint32_t ctx = pm_anchor__context_score(t->text, t->len, at,
                                          at + (uint32_t)s->exact_len, s, NULL);
  uint64_t dist = expect < 0 ? 0
                  : (uint64_t)(at > expect ? at - expect : expect - at);
  o->scored++;
  if (!o->ties || ctx > o->ctx || (ctx == o->ctx && dist < o->dist)) {
    o->ctx = ctx, o->dist = dist, o->at = at, o->ties = 1;
  } else if (ctx == o->ctx && dist == o->dist) {
    o->ties++;
  }
}

/* Bytes of text handed to one memmem call.  Searching the rest of a 14 MB
 * text once per occurrence costs one call per occurrence, and some memmem
 * (sanitizer interceptors check the whole haystack each call) are linear
 * in the haystack: bounded chunks keep the enumeration linear anywhere. */
#define SCAN_CHUNK 4096u

typedef PmArray(uint32_t) Offsets;

/* Occurrences of `exact` with a start in [from, to), in increasing order,
 * appended to `at`. */
static void occ_in(const PmAnchorText *t, const PmAnchorSpec *s, uint32_t from,
                   uint32_t to, Offsets *at) {
  uint32_t m = (uint32_t)s->exact_len;
  if (to > t->len - m + 1) to = t->len - m + 1;
  const char *p = t->text + from, *end = t->text + to + m - 1;
  while (p < t->text + to) {
    const char *q = memmem(p, (size_t)(end - p), s->exact, m);
    if (!q) break;
    pm_array_push(at, (uint32_t)(q - t->text));
    p = q + 1;
  }
}

/* Step 2b for one note: the occurrences of `exact`, nearest to `expect`
 * first (from the start when there is no hint), merged from a stream going
 * up from `expect` and one going down.  Context agreement is bounded by
 * prefix_len + suffix_len, so once the best reaches that bound nothing
 * farther can beat or tie it and the search stops; in any case it stops
 * after PM_ANCHOR_MAX_CANDIDATES.  Cost: the bytes scanned up to there
 * plus at most the cap in context comparisons. */
static void search_exact(const PmAnchorText *t, const PmAnchorSpec *s,
                         int64_t expect, Occ *o) {
  uint32_t m = (uint32_t)s->exact_len;
  if (!m || m > t->len) return;
  uint32_t last = t->len - m + 1; /* starts are < last */
  uint64_t bound = (uint64_t)s->prefix_len + s->suffix_len;
  uint32_t mid = expect < 0 ? 0 : expect > last ? last : (uint32_t)expect;
  /* A chunk at least as long as `exact`, so that the m - 1 bytes each
   * memmem reads past its chunk never add up to more than the text. */
  uint32_t chunk = m > SCAN_CHUNK ? m : SCAN_CHUNK;
  Offsets up = pm_array_new(), down = pm_array_new();
  uint32_t ui = 0, unext = mid; /* up: up.contents[ui..], then from unext */
  uint32_t dnext = mid;         /* down: down.contents[..size), then below dnext */
  for (;;) {
    while (ui == up.size && unext < last) {
      up.size = 0, ui = 0;
      uint32_t to = last - unext > chunk ? unext + chunk : last;
      occ_in(t, s, unext, to, &up);
      unext = to;
    }
    while (down.size == 0 && dnext > 0) {
      uint32_t from = dnext > chunk ? dnext - chunk : 0;
      occ_in(t, s, from, dnext, &down);
      dnext = from;
    }
    bool has_up = ui < up.size, has_down = down.size > 0;
    if (!has_up && !has_down) break;
    uint32_t at;
    if (has_up && (!has_down || up.contents[ui] - mid <= mid - down.contents[down.size - 1]))
      at = up.contents[ui++];
    else
      at = down.contents[--down.size];
    uint64_t dist = expect < 0 ? 0
                    : (uint64_t)(at > expect ? at - expect : expect - at);
    if (o->ties && o->ctx >= bound && o->dist < dist) break; /* can't beat it */
    if (o->scored >= PM_ANCHOR_MAX_CANDIDATES) {
      o->capped = true;
      break;
    }
    occ_add(o, t, s, at, expect);
  }
  pm_array_delete(&up);
  pm_array_delete(&down);
}

/* Steps 1 and 2a: true when resolved.  Sets *expect to the byte offset
 * where the note is expected (-1 when there is no usable hint). */
static bool quick(const PmAnchorText *t, const PmAnchorSpec *s,
                  int32_t line_delta, PmAnchorResult *out, int64_t *expect) {
  memset(out, 0, sizeof *out);
  out->outcome = PM_ANCHOR_ORPHAN;
  uint32_t h = 0, hs = 0;
  bool has_hint = hint_offset(t, s->line, s->col, &h);
  *expect = has_hint ? (int64_t)h : -1;
  if (!s->exact || s->exact_len == 0 || s->exact_len > t->len) return false;
  /* 1. At the hinted place. */
  if (has_hint && exact_at(t, s, h)) {
    found(t, PM_ANCHOR_ANCHORED, h, h + (uint32_t)s->exact_len, 0, out);
    return true;
  }
  /* Where the text probably is now: lines inserted or deleted above shift
   * the line and keep the column. */
  int64_t shifted = (int64_t)s->line + line_delta;
  if (line_delta && shifted > 0 && hint_offset(t, (uint32_t)shifted, s->col, &hs)) {
    *expect = hs;
    /* 2a. There, context and all. */
    if (exact_at(t, s, hs)) {
      bool full;
      pm_anchor__context_score(t->text, t->len, hs, hs + (uint32_t)s->exact_len,
                               s, &full);
      if (full) {
        found(t, PM_ANCHOR_MOVED, hs, hs + (uint32_t)s->exact_len, 0, out);
        return true;
      }
    }
  }
  /* 2a'. Close by, context and all: the nearest place with the whole
   * context is what the full search would pick too (it ranks context
   * first, then distance), unless the text is repeated with its context. */
  if (*expect < 0) return false;
  int64_t lo = *expect - NEAR_WINDOW, hi = *expect + NEAR_WINDOW + (int64_t)s->exact_len;
  uint32_t ws = lo < 0 ? 0 : (uint32_t)lo;
  uint32_t we = hi > (int64_t)t->len ? t->len : (uint32_t)hi;
  const char *p = t->text + ws, *end = t->text + we;
  uint32_t hits = 0, at = 0;
  while (p < end) {
    const char *q = memmem(p, (size_t)(end - p), s->exact, s->exact_len);
    if (!q) break;
    bool full;
    uint32_t o = (uint32_t)(q - t->text);
    pm_anchor__context_score(t->text, t->len, o, o + (uint32_t)s->exact_len, s,
                             &full);
    out->scored++;
    if (full && ++hits > 1) break; /* two: the full search decides */
    if (full) at = o;
    p = q + 1;
  }
  if (hits == 1) {
    found(t, PM_ANCHOR_MOVED, at, at + (uint32_t)s->exact_len, 0, out);
    return true;
  }
  return false;
}

/* Step 2b from the occurrences found: true when resolved. */
static bool from_occ(const PmAnchorText *t, const PmAnchorSpec *s,
                     const Occ *o, PmAnchorResult *out) {
  if (o->ties == 1) {
    found(t, PM_ANCHOR_MOVED, o->at, o->at + (uint32_t)s->exact_len, 0, out);
    return true;
  }
  if (o->ties > 1) {
    out->outcome = PM_ANCHOR_AMBIGUOUS;
    out->candidates = o->ties;
    return true;
  }
  return false;
}

/* Step 3: approximate, near where it was expected, within the minimum
 * score; else step 4, orphan (already in out). */
static void fuzzy_step(const PmAnchorText *t, const PmAnchorSpec *s,
                       int64_t expect, PmAnchorResult *out) {
  if (!s->exact || s->exact_len == 0) return;
  size_t cps = cp_count(s->exact, s->exact_len);
  if (cps < 10) return;
  uint32_t max_err = (uint32_t)(cps / 10);
  uint32_t ws = 0, we = t->len;
  if (expect >= 0) {
    int64_t lo = expect - PM_ANCHOR_FUZZY_WINDOW;
    int64_t hi = expect + (int64_t)s->exact_len + PM_ANCHOR_FUZZY_WINDOW;
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

void pm_anchor_text_resolve(const PmAnchorText *t, const PmAnchorSpec *s,
                            int32_t line_delta, PmAnchorResult *out) {
  int64_t expect;
  if (quick(t, s, line_delta, out, &expect)) return;
  if (s->exact && s->exact_len && s->exact_len <= t->len) {
    Occ o;
    memset(&o, 0, sizeof o);
    search_exact(t, s, expect, &o);
    uint32_t scored = out->scored + o.scored;
    if (!from_occ(t, s, &o, out)) fuzzy_step(t, s, expect, out);
    out->scored = scored;
    return;
  }
  fuzzy_step(t, s, expect, out);
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
  PmAnchorSpec spec;
  int64_t expect;
  Occ occ;
  uint32_t next; /* multi-pattern chain: index + 1, 0 ends */
  bool pending;
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

/* The first 16 bytes of a text folded into one key: 8 would often be
 * the same few words at the start of many sentences. */
static uint64_t key16(const char *p) {
  uint64_t a, b;
  memcpy(&a, p, 8);
  memcpy(&b, p + 8, 8);
  return a ^ ((b << 29) | (b >> 35)) ^ (b >> 7);
}

/* Step 2b for many notes at once: one pass over the text looking up the
 * first 16 bytes at each position in a hash table of the pending notes'
 * texts, instead of one memmem over the whole text per note.  Texts under
 * 16 bytes get their own memmem. */
static void search_many(const PmAnchorText *t, Item *items, uint32_t n) {
  uint32_t want = 0;
  for (uint32_t i = 0; i < n; i++) {
    Item *it = &items[i];
    if (!it->pending || !it->spec.exact_len || it->spec.exact_len > t->len) continue;
    if (it->spec.exact_len < 16) search_exact(t, &it->spec, it->expect, &it->occ);
    else want++;
  }
  if (!want || t->len < 16) return;
  uint32_t bits = 4;
  while ((1u << bits) < want * 2) bits++;
  uint32_t size = 1u << bits, mask = size - 1;
  typedef struct {
    uint64_t key;
    uint32_t head; /* index + 1 of the first item, 0 = empty */
  } Slot;
  Slot *table = pm_calloc(size, sizeof *table);
  for (uint32_t i = 0; i < n; i++) {
    Item *it = &items[i];
    if (!it->pending || it->spec.exact_len < 16 || it->spec.exact_len > t->len) continue;
    uint64_t k = key16(it->spec.exact);
    uint32_t h = (uint32_t)((k * 0x9E3779B97F4A7C15ull) >> (64 - bits));
    while (table[h].head && table[h].key != k) h = (h + 1) & mask;
    table[h].key = k;
    it->next = table[h].head;
    table[h].head = i + 1;
  }
  const char *text = t->text;
  for (uint32_t pos = 0; pos + 16 <= t->len; pos++) {
    uint64_t k = key16(text + pos);
    uint32_t h = (uint32_t)((k * 0x9E3779B97F4A7C15ull) >> (64 - bits));
    while (table[h].head && table[h].key != k) h = (h + 1) & mask;
    for (uint32_t j = table[h].head; j; j = items[j - 1].next) {
      Item *it = &items[j - 1];
      if (it->occ.capped) continue;
      if (it->spec.exact_len <= t->len - pos &&
          !memcmp(text + pos + 16, it->spec.exact + 16, it->spec.exact_len - 16)) {
        if (it->occ.scored >= PM_ANCHOR_MAX_CANDIDATES) it->occ.capped = true;
        else occ_add(&it->occ, t, &it->spec, pos, it->expect);
      }
    }
  }
  pm_free(table);
  /* This pass meets occurrences in text order, not nearest first: a note
   * over the cap is searched again on its own, the way a single note is. */
  for (uint32_t i = 0; i < n; i++) {
    Item *it = &items[i];
    if (!it->pending || !it->occ.capped) continue;
    uint32_t scored = it->occ.scored;
    memset(&it->occ, 0, sizeof it->occ);
    search_exact(t, &it->spec, it->expect, &it->occ);
    it->occ.scored += scored;
  }
}

void pm_sidecar_reanchor(PmSidecar *sc, const char *text, size_t len,
                         PmAnchorStats *stats) {
  PmAnchorStats st;
  memset(&st, 0, sizeof st);
  PmAnchorText *t = pm_anchor_text_new(text, len);
  uint32_t n = sc->notes.size;
  Item *items = pm_calloc(n ? n : 1, sizeof *items);
  for (uint32_t i = 0; i < n; i++) {
    PmNote *note = sc->notes.contents[i];
    uint32_t off;
    items[i].note = note;
    spec_of(note, &items[i].spec);
    items[i].key = t && hint_offset(t, items[i].spec.line, items[i].spec.col, &off)
                       ? off
                       : UINT64_MAX;
  }
  qsort(items, n, sizeof *items, cmp_item);
  /* 1. and 2a. at the hint, or shifted by the lines the previous note
   * moved by. */
  int32_t delta = 0;
  uint32_t pending = 0;
  for (uint32_t i = 0; i < n; i++) {
    Item *it = &items[i];
    PmNote *note = it->note;
    if (!t) {
      memset(&note->res, 0, sizeof note->res);
      note->res.outcome = PM_ANCHOR_ORPHAN;
      continue;
    }
    if (quick(t, &it->spec, delta, &note->res, &it->expect)) {
      delta = (int32_t)((int64_t)note->res.line - (int64_t)it->spec.line);
    } else {
      it->pending = true;
      pending++;
    }
  }
  /* 2b. for all the others in one pass (or one memmem each when few). */
  if (pending > 8) {
    search_many(t, items, n);
  } else {
    for (uint32_t i = 0; i < n; i++)
      if (items[i].pending && items[i].spec.exact_len &&
          items[i].spec.exact_len <= t->len)
        search_exact(t, &items[i].spec, items[i].expect, &items[i].occ);
  }
  /* 3. fuzzy, centred with the line shift of the nearest note above. */
  delta = 0;
  for (uint32_t i = 0; i < n; i++) {
    Item *it = &items[i];
    PmNote *note = it->note;
    uint32_t scored = note->res.scored + it->occ.scored;
    if (t && it->pending && !from_occ(t, &it->spec, &it->occ, &note->res)) {
      int64_t expect = it->expect;
      uint32_t hs;
      int64_t shifted = (int64_t)it->spec.line + delta;
      if (delta && shifted > 0 && hint_offset(t, (uint32_t)shifted, it->spec.col, &hs))
        expect = hs;
      fuzzy_step(t, &it->spec, expect, &note->res);
    }
    note->res.scored = scored;
    st.scored += scored;
    switch (note->res.outcome) {
      case PM_ANCHOR_ANCHORED: st.anchored++; break;
      case PM_ANCHOR_MOVED: st.moved++; break;
      case PM_ANCHOR_FUZZY: st.fuzzy++; break;
      case PM_ANCHOR_AMBIGUOUS: st.ambiguous++; break;
      default: st.orphan++; break;
    }
    if (note->res.outcome == PM_ANCHOR_ANCHORED ||
        ((note->res.outcome == PM_ANCHOR_MOVED ||
          note->res.outcome == PM_ANCHOR_FUZZY) && it->spec.line))
      delta = (int32_t)((int64_t)note->res.line - (int64_t)it->spec.line);
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

/*
 * merge.c - three-way merge of sidecars by note id, field by field (the
 * rules are in include/pressmark/merge.h).
 *
 * The merge works on the YAML trees, so a key that this version does not
 * know merges like a known one.  A conflict becomes a YN_CONFLICT node in
 * the result, holding all three versions: the emitter writes it between
 * markers, which makes the file refuse to load until a person picks,
 * rather than letting a merge be silently wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressmark/merge.h"
#include "sidecar/internal.h"
#include "util/alloc.h"

struct PmMergeConflicts {
  PmArray(char *) list;
};

typedef struct {
  PmMergeConflicts *c;
  char id[80]; /* the note being merged, for labels */
} Merge;

static void record(Merge *m, const char *what) {
  PmBuf b = PM_BUF_INIT;
  if (m->id[0]) pm_buf_printf(&b, "note %s: %s", m->id, what);
  else pm_buf_puts(&b, what);
  pm_array_push(&m->c->list, pm_buf_take(&b));
}

static YNode *conflict(Merge *m, const YNode *b, const YNode *o,
                       const YNode *t, const char *field) {
  char what[200];
  if (!field) {
    snprintf(what, sizeof what, "%s", !o ? "deleted in ours, edited in theirs"
                                   : !t ? "edited in ours, deleted in theirs"
                                        : "added on both sides differently");
  } else {
    snprintf(what, sizeof what, "%s changed on both sides", field);
  }
  record(m, what);
  PmBuf label = PM_BUF_INIT;
  if (m->id[0]) pm_buf_printf(&label, "(note %s: %s)", m->id, what);
  else pm_buf_printf(&label, "(%s)", what);
  YNode *n = ynode__conflict(ynode__copy(o), ynode__copy(b), ynode__copy(t),
                             label.data);
  pm_buf_free(&label);
  return n;
}

static bool has_item(const YNode *seq, const YNode *x) {
  if (!seq || seq->kind != YN_SEQ) return false;
  for (uint32_t i = 0; i < seq->items.size; i++)
    if (ynode__equal(seq->items.contents[i], x)) return true;
  return false;
}

/* Sources as a set: both sides' additions, both sides' removals. */
static YNode *merge_set(const YNode *b, const YNode *o, const YNode *t) {
  YNode *r = ynode__seq();
  if (o && o->kind == YN_SEQ)
    for (uint32_t i = 0; i < o->items.size; i++) {
      const YNode *x = o->items.contents[i];
      if (has_item(t, x) || !has_item(b, x))
        pm_array_push(&r->items, ynode__copy(x));
    }
  if (t && t->kind == YN_SEQ)
    for (uint32_t i = 0; i < t->items.size; i++) {
      const YNode *x = t->items.contents[i];
      if (!has_item(o, x) && !has_item(b, x) && !has_item(r, x))
        pm_array_push(&r->items, ynode__copy(x));
    }
  if (!r->items.size) {
    ynode__free(r);
    return NULL;
  }
  return r;
}

static bool is_seq_or_absent(const YNode *n) {
  return !n || n->kind == YN_SEQ || ynode__is_null(n);
}

static YNode *merge_map(Merge *m, const YNode *b, const YNode *o,
                        const YNode *t, const char *path,
                        const char *const *order);

static const char *const *order_for(const char *path) {
  if (!strcmp(path, "anchor")) return pm_sidecar__anchor_order;
  if (!strcmp(path, "article")) return pm_sidecar__article_order;
  return NULL;
}

/* Returns the merged value (owned) or NULL when the key is absent. */
static YNode *merge_value(Merge *m, const YNode *b, const YNode *o,
                          const YNode *t, const char *path) {
  if (ynode__equal(o, t)) return ynode__copy(o);
  if (ynode__equal(b, o)) return ynode__copy(t);
  if (ynode__equal(b, t)) return ynode__copy(o);
  /* Both sides changed it, differently. */
  if (m->id[0]) {
    if (!strcmp(path, "updated") && o && t && o->kind == YN_SCALAR &&
        t->kind == YN_SCALAR)
      return ynode__copy(strcmp(o->str, t->str) >= 0 ? o : t);
    /* Hints derived from the article text: the next re-anchoring
     * recomputes them, so a difference is not worth a conflict. */
    if (!strcmp(path, "anchor.line") || !strcmp(path, "anchor.col") ||
        !strcmp(path, "anchor.prefix") || !strcmp(path, "anchor.suffix"))
      return ynode__copy(o);
    if (!strcmp(path, "sources") && is_seq_or_absent(b) &&
        is_seq_or_absent(o) && is_seq_or_absent(t))
      return merge_set(b, o, t);
  } else if (!strcmp(path, "article.sha256")) {
    return ynode__copy(o ? o : t);
  }
  if (o && t && o->kind == YN_MAP && t->kind == YN_MAP &&
      (!b || b->kind == YN_MAP))
    return merge_map(m, b, o, t, path, order_for(path));
  return conflict(m, b, o, t, path);
}

static void merge_key(Merge *m, YNode *r, const char *key, const YNode *b,
                      const YNode *o, const YNode *t, const char *path,
                      const char *const *order) {
  char sub[160];
  snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", key);
  YNode *v = merge_value(m, ynode__get(b, key), ynode__get(o, key),
                         ynode__get(t, key), sub);
  if (v) ynode__set(r, key, v, order);
}

static YNode *merge_map(Merge *m, const YNode *b, const YNode *o,
                        const YNode *t, const char *path,
                        const char *const *order) {
  YNode *r = ynode__map();
  /* Ours' keys in their order, then keys only theirs has. */
  for (uint32_t i = 0; i < o->entries.size; i++)
    merge_key(m, r, o->entries.contents[i].key, b, o, t, path, order);
  for (uint32_t i = 0; i < t->entries.size; i++) {
    const char *k = t->entries.contents[i].key;
    if (!ynode__get(o, k)) merge_key(m, r, k, b, o, t, path, order);
  }
  /* A key only the base has was deleted on both sides: dropped. */
  if (order) ynode__canonical_order(r, order);
  return r;
}

/* --- notes by id --------------------------------------------------------- */

typedef struct {
  const char *id;
  const YNode *node;
  int side; /* 0 base, 1 ours, 2 theirs */
} Ref;

typedef PmArray(Ref) RefArray;

static int cmp_ref(const void *a, const void *b) {
  const Ref *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  return c ? c : x->side - y->side;
}

static void collect(RefArray *refs, const PmSidecar *sc, int side) {
  if (!sc) return;
  for (uint32_t i = 0; i < sc->notes.size; i++) {
    Ref r = {pm_note_id(sc->notes.contents[i]), sc->notes.contents[i]->map, side};
    pm_array_push(refs, r);
  }
}

bool pm_merge_sidecars(const PmSidecar *base, const PmSidecar *ours,
                       const PmSidecar *theirs, PmSidecar **result,
                       PmMergeConflicts **conflicts, PmError *err) {
  if ((base && base->conflicts) || ours->conflicts || theirs->conflicts)
    return pm_error_set(err, PM_ERR_STATE,
                        "merge: an input still holds merge conflicts");
  PmMergeConflicts *c = pm_calloc(1, sizeof *c);
  Merge m = {.c = c};
  static const YNode empty_map = {.kind = YN_MAP};
  const YNode *btop = base ? base->top : &empty_map;
  PmSidecar *r = pm_calloc(1, sizeof *r);
  r->top = merge_map(&m, btop, ours->top, theirs->top, "",
                     pm_sidecar__top_order);

  RefArray refs = pm_array_new();
  collect(&refs, base, 0);
  collect(&refs, ours, 1);
  collect(&refs, theirs, 2);
  if (refs.size > 1) qsort(refs.contents, refs.size, sizeof(Ref), cmp_ref);
  for (uint32_t i = 0; i < refs.size;) {
    const YNode *side[3] = {NULL, NULL, NULL};
    const char *id = refs.contents[i].id;
    uint32_t j = i;
    for (; j < refs.size && !strcmp(refs.contents[j].id, id); j++)
      side[refs.contents[j].side] = refs.contents[j].node;
    i = j;
    snprintf(m.id, sizeof m.id, "%s", id);
    const YNode *b = side[0], *o = side[1], *t = side[2];
    YNode *res;
    if (!o && !t) continue; /* deleted on both sides */
    if (b && (!o || !t)) {
      const YNode *kept = o ? o : t;
      if (ynode__equal(b, kept)) continue; /* deleted, untouched elsewhere */
      pm_array_push(&r->conflict_items, conflict(&m, b, o, t, NULL));
      continue;
    }
    if (!b && (!o || !t)) {
      res = ynode__copy(o ? o : t);
    } else {
      res = merge_value(&m, b, o, t, "");
      if (res->kind == YN_CONFLICT) { /* not maps: cannot happen after load */
        pm_array_push(&r->conflict_items, res);
        continue;
      }
      ynode__canonical_order(res, pm_sidecar__note_order);
    }
    pm_sidecar__adopt(r, res);
  }
  pm_array_delete(&refs);
  r->conflicts = c->list.size;
  *result = r;
  if (conflicts) *conflicts = c;
  else pm_merge_conflicts_free(c);
  return true;
}

size_t pm_merge_conflicts_count(const PmMergeConflicts *c) {
  return c ? c->list.size : 0;
}

const char *pm_merge_conflicts_at(const PmMergeConflicts *c, size_t i) {
  return c && i < c->list.size ? c->list.contents[i] : NULL;
}

void pm_merge_conflicts_free(PmMergeConflicts *c) {
  if (!c) return;
  for (uint32_t i = 0; i < c->list.size; i++) pm_free(c->list.contents[i]);
  pm_array_delete(&c->list);
  pm_free(c);
}

/*
 * sidecar.c - the sidecar's notes: schema checks on load, getters and
 * setters, ids and timestamps, and deterministic emission.
 *
 * Every field lives in the note's YAML mapping (see ynode.h); the getters
 * read it there, which keeps unknown keys and known ones on one path for
 * emission and merging.  Types are checked once, when the file is read,
 * so the getters can trust them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sidecar/internal.h"
#include "util/alloc.h"
#include "util/utf8.h"

const char *const pm_sidecar__top_order[] = {"pressmark", "article", "notes",
                                             NULL};
const char *const pm_sidecar__article_order[] = {"path", "sha256", "url", NULL};
const char *const pm_sidecar__note_order[] = {
    "id",   "target",  "anchor", "verdict", "speaker", "dismissed",
    "note", "sources", "author", "created", "updated", NULL};
const char *const pm_sidecar__anchor_order[] = {"exact", "prefix", "suffix",
                                                "line",  "col",    NULL};

static const char *const verdicts[] = {"true",      "mostly-true",  "mixed",
                                       "misleading", "false",       "unverifiable",
                                       "opinion",    NULL};
static const char *const targets[] = {"quote", "claim", "speaker", "range",
                                      NULL};

static bool in_list(const char *s, const char *const *list) {
  if (!s) return false;
  for (int i = 0; list[i]; i++)
    if (!strcmp(s, list[i])) return true;
  return false;
}

bool pm_sidecar_verdict_valid(const char *s) { return in_list(s, verdicts); }
bool pm_sidecar_target_valid(const char *s) { return in_list(s, targets); }

PmSidecar *pm_sidecar_new(void) {
  PmSidecar *sc = pm_calloc(1, sizeof *sc);
  sc->top = ynode__map();
  ynode__set(sc->top, "pressmark", ynode__int(PM_SIDECAR_SCHEMA),
             pm_sidecar__top_order);
  return sc;
}

static void free_contents(PmSidecar *sc) {
  for (uint32_t i = 0; i < sc->notes.size; i++) {
    ynode__free(sc->notes.contents[i]->map);
    pm_free(sc->notes.contents[i]);
  }
  pm_array_delete(&sc->notes);
  for (uint32_t i = 0; i < sc->conflict_items.size; i++)
    ynode__free(sc->conflict_items.contents[i]);
  pm_array_delete(&sc->conflict_items);
  ynode__free(sc->top);
  sc->top = NULL;
  sc->conflicts = 0;
}

void pm_sidecar_free(PmSidecar *sc) {
  if (!sc) return;
  free_contents(sc);
  pm_free(sc->loaded);
  pm_free(sc->author);
  pm_free(sc);
}

void pm_sidecar__take(PmSidecar *dst, PmSidecar *src) {
  free_contents(dst);
  dst->top = src->top;
  dst->notes = src->notes;
  dst->conflict_items = src->conflict_items;
  dst->conflicts = src->conflicts;
  for (uint32_t i = 0; i < dst->notes.size; i++) dst->notes.contents[i]->sc = dst;
  src->top = NULL;
  pm_array_init(&src->notes);
  pm_array_init(&src->conflict_items);
  pm_sidecar_free(src);
}

PmNote *pm_sidecar__adopt(PmSidecar *sc, YNode *map) {
  PmNote *n = pm_calloc(1, sizeof *n);
  n->map = map;
  n->sc = sc;
  pm_array_push(&sc->notes, n);
  return n;
}

/* --- schema checks ------------------------------------------------------ */

typedef struct {
  const char *name;
  PmError *err;
  char where[128]; /* "notes[3] (id x)" */
} Check;

static bool bad(Check *c, const YNode *at, const char *field, const char *fmt,
                ...) __attribute__((format(printf, 4, 5)));

static bool bad(Check *c, const YNode *at, const char *field, const char *fmt,
                ...) {
  char what[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  uint32_t line = at ? at->line : 1, col = at ? at->col : 0;
  return pm_error_set_at(c->err, PM_ERR_INVALID, line, col, 0,
                         "%s:%u:%u: %s%s%s%s", c->name, line, col + 1, c->where,
                         c->where[0] ? ": " : "", field ? field : "", what);
}

static const char *type_name(const YNode *n) {
  if (n->kind == YN_MAP) return "a mapping";
  if (n->kind == YN_SEQ) return "a list";
  if (ynode__is_null(n)) return "null";
  if (ynode__is_bool(n, NULL)) return "a boolean";
  return "a string";
}

static bool want_string(Check *c, const YNode *map, const char *key,
                        bool required) {
  const YNode *v = ynode__get(map, key);
  char field[64];
  snprintf(field, sizeof field, "%s: ", key);
  if (!v) return required ? bad(c, map, NULL, "missing key '%s'", key) : true;
  if (!ynode__is_string(v)) {
    if (v->kind == YN_SCALAR && ynode__is_bool(v, NULL))
      return bad(c, v, field, "expected a string, got a boolean (write \"%s\" "
                 "in quotes)", v->str);
    return bad(c, v, field, "expected a string, got %s", type_name(v));
  }
  return true;
}

static bool want_uint(Check *c, const YNode *map, const char *key) {
  const YNode *v = ynode__get(map, key);
  uint64_t x;
  char field[64];
  snprintf(field, sizeof field, "%s: ", key);
  if (!v) return true;
  if (!ynode__is_uint(v, &x) || x > UINT32_MAX)
    return bad(c, v, field, "expected a whole number from 0 to %u",
               UINT32_MAX);
  return true;
}

static bool want_one_of(Check *c, const YNode *map, const char *key,
                        const char *const *list, bool required) {
  if (!want_string(c, map, key, required)) return false;
  const YNode *v = ynode__get(map, key);
  if (!v || in_list(v->str, list)) return true;
  char all[200] = "";
  for (int i = 0; list[i]; i++) {
    strcat(all, i ? ", " : "");
    strcat(all, list[i]);
  }
  char field[64];
  snprintf(field, sizeof field, "%s: ", key);
  return bad(c, v, field, "'%.60s' is not one of %s", v->str, all);
}

static bool id_ok(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n > 64) return false;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
          (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.'))
      return false;
  }
  return true;
}

static bool check_note(Check *c, YNode *note, uint32_t index) {
  snprintf(c->where, sizeof c->where, "notes[%u]", index);
  if (note->kind != YN_MAP)
    return bad(c, note, NULL, "expected a mapping (a note), got %s",
               type_name(note));
  if (!want_string(c, note, "id", true)) return false;
  const YNode *id = ynode__get(note, "id");
  if (!id_ok(id->str))
    return bad(c, id, "id: ", "expected 1 to 64 letters, digits, '-', '_' "
               "or '.'");
  snprintf(c->where, sizeof c->where, "notes[%u] (id %s)", index, id->str);
  if (!want_one_of(c, note, "target", targets, true)) return false;
  YNode *anchor = ynode__get(note, "anchor");
  if (!anchor) return bad(c, note, NULL, "missing key 'anchor'");
  if (anchor->kind != YN_MAP)
    return bad(c, anchor, "anchor: ", "expected a mapping, got %s",
               type_name(anchor));
  /* Name anchor fields "anchor: line:" in messages. */
  size_t wl = strlen(c->where);
  snprintf(c->where + wl, sizeof c->where - wl, ": anchor");
  if (!want_string(c, anchor, "exact", true)) return false;
  if (ynode__get(anchor, "exact")->len == 0)
    return bad(c, ynode__get(anchor, "exact"), "exact: ", "must not be empty");
  if (!want_string(c, anchor, "prefix", false) ||
      !want_string(c, anchor, "suffix", false) || !want_uint(c, anchor, "line") ||
      !want_uint(c, anchor, "col"))
    return false;
  c->where[wl] = '\0';
  ynode__canonical_order(anchor, pm_sidecar__anchor_order);
  if (!want_one_of(c, note, "verdict", verdicts, false) ||
      !want_string(c, note, "speaker", false) ||
      !want_string(c, note, "note", false) ||
      !want_string(c, note, "author", false) ||
      !want_string(c, note, "created", false) ||
      !want_string(c, note, "updated", false))
    return false;
  const YNode *d = ynode__get(note, "dismissed");
  if (d && !ynode__is_bool(d, NULL))
    return bad(c, d, "dismissed: ", "expected true or false, got %s",
               d->kind == YN_SCALAR ? "a string" : type_name(d));
  const YNode *src = ynode__get(note, "sources");
  if (src && !ynode__is_null(src)) {
    if (src->kind != YN_SEQ)
      return bad(c, src, "sources: ", "expected a list of strings, got %s",
                 type_name(src));
    for (uint32_t i = 0; i < src->items.size; i++)
      if (!ynode__is_string(src->items.contents[i]))
        return bad(c, src->items.contents[i], "sources: ",
                   "item %u: expected a string, got %s", i + 1,
                   type_name(src->items.contents[i]));
  }
  ynode__canonical_order(note, pm_sidecar__note_order);
  return true;
}

static int cmp_id(const void *a, const void *b) {
  const PmNote *x = *(PmNote *const *)a, *y = *(PmNote *const *)b;
  return strcmp(pm_note_id(x), pm_note_id(y));
}

PmSidecar *pm_sidecar__from_tree(YNode *root, const char *name, PmError *err) {
  Check c = {.name = name ? name : "sidecar", .err = err};
  PmSidecar *sc = pm_calloc(1, sizeof *sc);
  sc->top = root;
  if (root->kind != YN_MAP) {
    bad(&c, root, NULL, "top level: expected a mapping with 'pressmark: 1', "
        "got %s", type_name(root));
    goto fail;
  }
  const YNode *ver = ynode__get(root, "pressmark");
  uint64_t v;
  if (!ver) {
    bad(&c, root, NULL, "missing key 'pressmark' (the schema version, 1)");
    goto fail;
  }
  if (!ynode__is_uint(ver, &v)) {
    bad(&c, ver, "pressmark: ", "expected the schema version number 1");
    goto fail;
  }
  if (v != PM_SIDECAR_SCHEMA) {
    bad(&c, ver, "pressmark: ", "unknown schema version %llu (this pressmark "
        "reads version %d; upgrade pressmark)", (unsigned long long)v,
        PM_SIDECAR_SCHEMA);
    goto fail;
  }
  YNode *art = ynode__get(root, "article");
  if (art) {
    if (art->kind != YN_MAP) {
      bad(&c, art, "article: ", "expected a mapping, got %s", type_name(art));
      goto fail;
    }
    strcpy(c.where, "article");
    if (!want_string(&c, art, "path", false) ||
        !want_string(&c, art, "sha256", false) ||
        !want_string(&c, art, "url", false))
      goto fail;
    c.where[0] = '\0';
    ynode__canonical_order(art, pm_sidecar__article_order);
  }
  /* Take the notes out of the tree. */
  YNode *notes = NULL;
  for (uint32_t i = 0; i < root->entries.size; i++)
    if (!strcmp(root->entries.contents[i].key, "notes")) {
      notes = root->entries.contents[i].val;
      pm_free(root->entries.contents[i].key);
      pm_array_erase(&root->entries, i);
      break;
    }
  ynode__canonical_order(root, pm_sidecar__top_order);
  if (notes && !ynode__is_null(notes) && notes->kind != YN_SEQ) {
    bad(&c, notes, "notes: ", "expected a list of notes, got %s",
        type_name(notes));
    ynode__free(notes);
    goto fail;
  }
  if (notes && notes->kind == YN_SEQ) {
    pm_array_reserve(&sc->notes, notes->items.size);
    for (uint32_t i = 0; i < notes->items.size; i++) {
      YNode *item = notes->items.contents[i];
      if (!check_note(&c, item, i)) {
        ynode__free(notes);
        goto fail;
      }
      notes->items.contents[i] = NULL;
      pm_sidecar__adopt(sc, item);
    }
  }
  ynode__free(notes);
  /* Duplicate ids would make edits and merges hit the wrong note. */
  if (sc->notes.size > 1) {
    PmNote **v = pm_malloc(sc->notes.size * sizeof *v);
    memcpy(v, sc->notes.contents, sc->notes.size * sizeof *v);
    qsort(v, sc->notes.size, sizeof *v, cmp_id);
    for (uint32_t i = 1; i < sc->notes.size; i++)
      if (!strcmp(pm_note_id(v[i - 1]), pm_note_id(v[i]))) {
        const YNode *id = ynode__get(v[i]->map, "id");
        c.where[0] = '\0';
        bad(&c, id, NULL, "duplicate note id '%s' (ids must be unique)",
            id->str);
        pm_free(v);
        goto fail;
      }
    pm_free(v);
  }
  return sc;
fail:
  pm_sidecar_free(sc);
  return NULL;
}

/* Marker lines a merge leaves: reported as such rather than as whatever
 * YAML error they happen to cause. */
static bool conflict_marker(const char *b, size_t len, const char *name,
                            PmError *err) {
  uint32_t line = 1;
  for (size_t i = 0; i < len; line++) {
    if (len - i >= 7 && (b[i] == '<' || b[i] == '>' || b[i] == '|' || b[i] == '=') &&
        (!memcmp(b + i, "<<<<<<<", 7) || !memcmp(b + i, ">>>>>>>", 7) ||
         !memcmp(b + i, "|||||||", 7) ||
         (!memcmp(b + i, "=======", 7) && (len - i == 7 || b[i + 7] == '\n'))))
      return pm_error_set_at(err, PM_ERR_PARSE, line, 0, (uint32_t)i,
                             "%s:%u:1: unresolved merge conflict (a '%.7s' "
                             "line); edit the file to keep the right version",
                             name, line, b + i);
    const char *nl = memchr(b + i, '\n', len - i);
    if (!nl) break;
    i = (size_t)(nl - b) + 1;
  }
  return true;
}

PmSidecar *pm_sidecar_parse(const char *bytes, size_t len, const char *name,
                            PmError *err) {
  if (!name) name = "sidecar";
  if (len > PM_SIDECAR_MAX_BYTES) {
    pm_error_set(err, PM_ERR_NOMEM, "%s: larger than the limit of %u bytes",
                 name, PM_SIDECAR_MAX_BYTES);
    return NULL;
  }
  if (!conflict_marker(bytes, len, name, err)) return NULL;
  YNode *root = ynode__parse(bytes, len, name, err);
  if (!root) {
    /* A cut-off file mostly fails as some YAML error at its end; say what
     * the likely cause is. */
    if (err && len && bytes[len - 1] != '\n') {
      static const char more[] = " (the file does not end with a line "
                                 "break: truncated?)";
      size_t have = strlen(err->message);
      if (have + sizeof more <= sizeof err->message)
        memcpy(err->message + have, more, sizeof more);
    }
    return NULL;
  }
  if (bytes[len - 1] != '\n') {
    uint32_t line = 1, col = 0;
    for (size_t i = 0; i < len; i++)
      if (bytes[i] == '\n') line++, col = 0;
      else col++;
    ynode__free(root);
    pm_error_set_at(err, PM_ERR_PARSE, line, col, (uint32_t)len,
                    "%s:%u:%u: the file does not end with a line break "
                    "(truncated?)", name, line, col + 1);
    return NULL;
  }
  PmSidecar *sc = pm_sidecar__from_tree(root, name, err);
  if (!sc) return NULL;
  sc->loaded = pm_malloc(len + 1);
  memcpy(sc->loaded, bytes, len);
  sc->loaded[len] = '\0';
  sc->loaded_len = len;
  return sc;
}

/* --- article order -------------------------------------------------------- */

static uint32_t hint(const YNode *note, const char *key) {
  uint64_t v = 0;
  ynode__is_uint(ynode__get(ynode__get(note, "anchor"), key), &v);
  return (uint32_t)v;
}

/* Sorting with keys taken out once: the comparator would otherwise walk
 * two mappings per comparison. */
typedef struct {
  uint32_t line, col;
  const char *id;
  void *ptr;
} SortKey;

static int cmp_key(const void *a, const void *b) {
  const SortKey *x = a, *y = b;
  if (x->line != y->line)
    return x->line == 0 ? 1 : y->line == 0 ? -1 : x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return strcmp(x->id, y->id);
}

static SortKey key_of(const YNode *note, void *ptr) {
  const YNode *id = ynode__get(note, "id");
  SortKey k = {hint(note, "line"), hint(note, "col"),
               id && id->kind == YN_SCALAR ? id->str : "", ptr};
  return k;
}

static void sort_by_key(void **items, uint32_t n, const YNode *(*node)(void *)) {
  if (n < 2) return;
  SortKey *k = pm_malloc(n * sizeof *k);
  for (uint32_t i = 0; i < n; i++) k[i] = key_of(node(items[i]), items[i]);
  qsort(k, n, sizeof *k, cmp_key);
  for (uint32_t i = 0; i < n; i++) items[i] = k[i].ptr;
  pm_free(k);
}

static const YNode *note_node(void *p) { return ((PmNote *)p)->map; }

void pm_sidecar_sort(PmSidecar *sc) {
  sort_by_key((void **)sc->notes.contents, sc->notes.size, note_node);
}

/* A conflict item sorts by whichever version it has. */
static const YNode *item_key(const YNode *n) {
  if (n->kind != YN_CONFLICT) return n;
  for (int i = 0; i < 3; i++)
    if (n->items.contents[i]) return n->items.contents[i];
  return n;
}

static const YNode *item_node(void *p) { return item_key(p); }

char *pm_sidecar_emit(const PmSidecar *sc, size_t *len, PmError *err) {
  (void)err;
  /* A temporary top mapping borrowing every node: no copies, and the one
   * emitter writes the whole file. */
  YNode seq = {.kind = YN_SEQ};
  pm_array_reserve(&seq.items, sc->notes.size + sc->conflict_items.size);
  for (uint32_t i = 0; i < sc->notes.size; i++)
    pm_array_push(&seq.items, sc->notes.contents[i]->map);
  for (uint32_t i = 0; i < sc->conflict_items.size; i++)
    pm_array_push(&seq.items, sc->conflict_items.contents[i]);
  sort_by_key((void **)seq.items.contents, seq.items.size, item_node);
  YNode top = {.kind = YN_MAP};
  pm_array_reserve(&top.entries, sc->top->entries.size + 1);
  bool placed = false;
  for (uint32_t i = 0; i <= sc->top->entries.size; i++) {
    const char *k = i < sc->top->entries.size ? sc->top->entries.contents[i].key
                                              : NULL;
    bool known = k && (!strcmp(k, "pressmark") || !strcmp(k, "article"));
    if (!placed && !known) {
      YEntry e = {(char *)"notes", &seq};
      pm_array_push(&top.entries, e);
      placed = true;
    }
    if (k) pm_array_push(&top.entries, sc->top->entries.contents[i]);
  }
  PmBuf out = PM_BUF_INIT;
  ynode__emit(&out, &top);
  pm_array_delete(&top.entries);
  pm_array_delete(&seq.items);
  if (len) *len = out.len;
  return pm_buf_take(&out);
}

/* --- the article ---------------------------------------------------------- */

char *pm_sidecar_path_for(const char *article_path) {
  size_t n = strlen(article_path), s = strlen(PM_SIDECAR_SUFFIX);
  char *p = pm_malloc(n + s + 1);
  memcpy(p, article_path, n);
  memcpy(p + n, PM_SIDECAR_SUFFIX, s + 1);
  return p;
}

static YNode *article(PmSidecar *sc) {
  YNode *a = ynode__get(sc->top, "article");
  if (!a || a->kind != YN_MAP) {
    a = ynode__map();
    ynode__set(sc->top, "article", a, pm_sidecar__top_order);
  }
  return a;
}

void pm_sidecar_set_article(PmSidecar *sc, const char *path,
                            const char *sha256hex) {
  if (path) ynode__set(article(sc), "path", ynode__str(path),
                       pm_sidecar__article_order);
  if (sha256hex) ynode__set(article(sc), "sha256", ynode__str(sha256hex),
                            pm_sidecar__article_order);
}

static const char *str_of(const YNode *n) {
  return n && n->kind == YN_SCALAR && ynode__is_string(n) ? n->str : NULL;
}

const char *pm_sidecar_article_path(const PmSidecar *sc) {
  return str_of(ynode__get(ynode__get(sc->top, "article"), "path"));
}
const char *pm_sidecar_article_sha256(const PmSidecar *sc) {
  return str_of(ynode__get(ynode__get(sc->top, "article"), "sha256"));
}
const char *pm_sidecar_article_url(const PmSidecar *sc) {
  return str_of(ynode__get(ynode__get(sc->top, "article"), "url"));
}

void pm_sidecar_set_clock(PmSidecar *sc, int64_t unix_seconds) {
  sc->clock = unix_seconds;
}

void pm_sidecar_set_author(PmSidecar *sc, const char *author) {
  pm_free(sc->author);
  sc->author = author ? pm_strdup(author) : NULL;
}

bool pm_sidecar_has_conflicts(const PmSidecar *sc) { return sc->conflicts > 0; }

/* --- notes -------------------------------------------------------------- */

size_t pm_sidecar_note_count(const PmSidecar *sc) { return sc->notes.size; }

PmNote *pm_sidecar_note_at(const PmSidecar *sc, size_t i) {
  return i < sc->notes.size ? sc->notes.contents[i] : NULL;
}

PmNote *pm_sidecar_note_find(const PmSidecar *sc, const char *id) {
  for (uint32_t i = 0; i < sc->notes.size; i++)
    if (!strcmp(pm_note_id(sc->notes.contents[i]), id))
      return sc->notes.contents[i];
  return NULL;
}

bool pm_sidecar_note_del(PmSidecar *sc, const char *id) {
  for (uint32_t i = 0; i < sc->notes.size; i++)
    if (!strcmp(pm_note_id(sc->notes.contents[i]), id)) {
      ynode__free(sc->notes.contents[i]->map);
      pm_free(sc->notes.contents[i]);
      pm_array_erase(&sc->notes, i);
      return true;
    }
  return false;
}

static void now_text(const PmSidecar *sc, char out[32]) {
  time_t t = sc->clock ? (time_t)sc->clock : time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void new_id(const PmSidecar *sc, char out[9]) {
  for (;;) {
    unsigned char r[4];
    if (getentropy(r, sizeof r) != 0) {
      /* No entropy source: time and address still make a usable id; the
       * uniqueness check below is what matters. */
      unsigned long x = (unsigned long)time(NULL) ^ (unsigned long)(size_t)out ^
                        (unsigned long)rand();
      memcpy(r, &x, sizeof r);
    }
    snprintf(out, 9, "%02x%02x%02x%02x", r[0], r[1], r[2], r[3]);
    if (!pm_sidecar_note_find(sc, out)) return;
  }
}

PmNote *pm_sidecar_note_add(PmSidecar *sc, const char *target,
                            const char *exact, PmError *err) {
  if (!pm_sidecar_target_valid(target)) {
    pm_error_set(err, PM_ERR_INVALID, "note: target '%s' is not one of quote, "
                 "claim, speaker, range", target ? target : "(null)");
    return NULL;
  }
  if (!exact || !*exact) {
    pm_error_set(err, PM_ERR_INVALID, "note: the annotated text is empty");
    return NULL;
  }
  char id[9], now[32];
  new_id(sc, id);
  now_text(sc, now);
  YNode *m = ynode__map();
  const char *const *o = pm_sidecar__note_order;
  ynode__set(m, "id", ynode__str(id), o);
  ynode__set(m, "target", ynode__str(target), o);
  YNode *a = ynode__map();
  ynode__set(a, "exact", ynode__str(exact), pm_sidecar__anchor_order);
  ynode__set(m, "anchor", a, o);
  if (sc->author) ynode__set(m, "author", ynode__str(sc->author), o);
  ynode__set(m, "created", ynode__str(now), o);
  ynode__set(m, "updated", ynode__str(now), o);
  return pm_sidecar__adopt(sc, m);
}

/* --- note fields -------------------------------------------------------- */

static void touch(PmNote *n) {
  char now[32];
  now_text(n->sc, now);
  ynode__set(n->map, "updated", ynode__str(now), pm_sidecar__note_order);
}

/* Sets or removes a string field; touches `updated` when it changed. */
static void set_str(PmNote *n, YNode *map, const char *key, const char *val,
                    const char *const *order, bool do_touch) {
  const YNode *old = ynode__get(map, key);
  const char *cur = str_of(old);
  if (!val) {
    if (old && ynode__del(map, key) && do_touch) touch(n);
    return;
  }
  if (cur && !strcmp(cur, val)) return;
  ynode__set(map, key, ynode__str(val), order);
  if (do_touch) touch(n);
}

const char *pm_note_id(const PmNote *n) { return str_of(ynode__get(n->map, "id")); }
const char *pm_note_target(const PmNote *n) {
  return str_of(ynode__get(n->map, "target"));
}

bool pm_note_set_target(PmNote *n, const char *target, PmError *err) {
  if (!pm_sidecar_target_valid(target))
    return pm_error_set(err, PM_ERR_INVALID, "note %s: target '%s' is not one "
                        "of quote, claim, speaker, range", pm_note_id(n),
                        target ? target : "(null)");
  set_str(n, n->map, "target", target, pm_sidecar__note_order, true);
  return true;
}

static YNode *anchor_map(const PmNote *n) { return ynode__get(n->map, "anchor"); }

const char *pm_note_exact(const PmNote *n) {
  return str_of(ynode__get(anchor_map(n), "exact"));
}
const char *pm_note_prefix(const PmNote *n) {
  return str_of(ynode__get(anchor_map(n), "prefix"));
}
const char *pm_note_suffix(const PmNote *n) {
  return str_of(ynode__get(anchor_map(n), "suffix"));
}
uint32_t pm_note_line(const PmNote *n) { return hint(n->map, "line"); }
uint32_t pm_note_col(const PmNote *n) { return hint(n->map, "col"); }

void pm_note_set_anchor(PmNote *n, const char *exact, const char *prefix,
                        const char *suffix, uint32_t line, uint32_t col) {
  YNode *a = anchor_map(n);
  if (!a || a->kind != YN_MAP) {
    a = ynode__map();
    ynode__set(n->map, "anchor", a, pm_sidecar__note_order);
  }
  const char *const *o = pm_sidecar__anchor_order;
  if (exact) set_str(n, a, "exact", exact, o, false);
  set_str(n, a, "prefix", prefix && *prefix ? prefix : NULL, o, false);
  set_str(n, a, "suffix", suffix && *suffix ? suffix : NULL, o, false);
  if (line) {
    if (pm_note_line(n) != line || !ynode__get(a, "line"))
      ynode__set(a, "line", ynode__int(line), o);
    if (pm_note_col(n) != col || !ynode__get(a, "col"))
      ynode__set(a, "col", ynode__int(col), o);
  } else {
    ynode__del(a, "line");
    ynode__del(a, "col");
  }
}

const char *pm_note_verdict(const PmNote *n) {
  return str_of(ynode__get(n->map, "verdict"));
}

bool pm_note_set_verdict(PmNote *n, const char *verdict, PmError *err) {
  if (verdict && !pm_sidecar_verdict_valid(verdict))
    return pm_error_set(err, PM_ERR_INVALID, "note %s: verdict '%s' is not one "
                        "of true, mostly-true, mixed, misleading, false, "
                        "unverifiable, opinion", pm_note_id(n), verdict);
  set_str(n, n->map, "verdict", verdict, pm_sidecar__note_order, true);
  return true;
}

const char *pm_note_speaker(const PmNote *n) {
  return str_of(ynode__get(n->map, "speaker"));
}
void pm_note_set_speaker(PmNote *n, const char *speaker) {
  set_str(n, n->map, "speaker", speaker, pm_sidecar__note_order, true);
}

bool pm_note_dismissed(const PmNote *n) {
  bool v = false;
  ynode__is_bool(ynode__get(n->map, "dismissed"), &v);
  return v;
}

void pm_note_set_dismissed(PmNote *n, bool dismissed) {
  if (pm_note_dismissed(n) == dismissed) return;
  if (dismissed)
    ynode__set(n->map, "dismissed", ynode__scalar("true", 4, true),
               pm_sidecar__note_order);
  else
    ynode__del(n->map, "dismissed");
  touch(n);
}

const char *pm_note_text(const PmNote *n) { return str_of(ynode__get(n->map, "note")); }
void pm_note_set_text(PmNote *n, const char *text) {
  set_str(n, n->map, "note", text, pm_sidecar__note_order, true);
}

static const YNode *sources(const PmNote *n) {
  const YNode *s = ynode__get(n->map, "sources");
  return s && s->kind == YN_SEQ ? s : NULL;
}

size_t pm_note_source_count(const PmNote *n) {
  const YNode *s = sources(n);
  return s ? s->items.size : 0;
}

const char *pm_note_source_at(const PmNote *n, size_t i) {
  const YNode *s = sources(n);
  return s && i < s->items.size ? s->items.contents[i]->str : NULL;
}

void pm_note_set_sources(PmNote *n, const char *const *list, size_t count) {
  YNode *seq = ynode__seq();
  for (size_t i = 0; i < count; i++) pm_array_push(&seq->items, ynode__str(list[i]));
  const YNode *old = ynode__get(n->map, "sources");
  if ((!old && count == 0) || ynode__equal(old, seq)) {
    ynode__free(seq);
    return;
  }
  if (count == 0) {
    ynode__free(seq);
    ynode__del(n->map, "sources");
  } else {
    ynode__set(n->map, "sources", seq, pm_sidecar__note_order);
  }
  touch(n);
}

const char *pm_note_author(const PmNote *n) {
  return str_of(ynode__get(n->map, "author"));
}
void pm_note_set_author(PmNote *n, const char *author) {
  set_str(n, n->map, "author", author, pm_sidecar__note_order, true);
}

const char *pm_note_created(const PmNote *n) {
  return str_of(ynode__get(n->map, "created"));
}
const char *pm_note_updated(const PmNote *n) {
  return str_of(ynode__get(n->map, "updated"));
}

void pm_note_set_times(PmNote *n, const char *created, const char *updated) {
  set_str(n, n->map, "created", created, pm_sidecar__note_order, false);
  set_str(n, n->map, "updated", updated, pm_sidecar__note_order, false);
}

const PmAnchorResult *pm_note_anchor_result(const PmNote *n) { return &n->res; }

bool pm_note_anchor_at(PmNote *n, const char *text, size_t len, uint32_t start,
                       uint32_t end) {
  if (start >= end || end > len) return false;
  PmAnchorSpec s;
  pm_anchor_context(text, len, start, end, &s);
  uint32_t line = 1, ls = 0;
  for (const char *p = text, *e = text + start;
       (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
    line++, ls = (uint32_t)(p - text) + 1;
  char *exact = pm_strndup(s.exact, s.exact_len);
  char *prefix = pm_strndup(s.prefix, s.prefix_len);
  char *suffix = pm_strndup(s.suffix, s.suffix_len);
  pm_note_set_anchor(n, exact, prefix, suffix, line, start - ls);
  pm_free(exact);
  pm_free(prefix);
  pm_free(suffix);
  return true;
}

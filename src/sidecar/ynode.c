/*
 * ynode.c - building, comparing and parsing the YAML tree behind a sidecar.
 *
 * Parsing goes through libyaml's event API, not its document loader: the
 * loader would build anchors and aliases into a graph (an "alias bomb"
 * costs nothing to write and a lot to walk), and would accept duplicate
 * keys silently.  Here every event is checked as it arrives, so a hostile
 * file is refused before it costs more memory than its own size.
 */
#include "sidecar/ynode.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util/alloc.h"

YNode *ynode__scalar(const char *s, size_t len, bool plain) {
  YNode *n = pm_calloc(1, sizeof *n);
  n->kind = YN_SCALAR;
  n->plain = plain;
  n->str = pm_strndup(s, len);
  n->len = (uint32_t)len;
  return n;
}

YNode *ynode__str(const char *s) { return ynode__scalar(s, strlen(s), false); }

YNode *ynode__int(uint64_t v) {
  char tmp[32];
  int k = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
  return ynode__scalar(tmp, (size_t)k, true);
}

YNode *ynode__map(void) {
  YNode *n = pm_calloc(1, sizeof *n);
  n->kind = YN_MAP;
  return n;
}

YNode *ynode__seq(void) {
  YNode *n = pm_calloc(1, sizeof *n);
  n->kind = YN_SEQ;
  return n;
}

YNode *ynode__conflict(YNode *ours, YNode *base, YNode *theirs,
                       const char *label) {
  YNode *n = pm_calloc(1, sizeof *n);
  n->kind = YN_CONFLICT;
  n->str = pm_strdup(label ? label : "");
  n->len = (uint32_t)strlen(n->str);
  pm_array_push(&n->items, ours);
  pm_array_push(&n->items, base);
  pm_array_push(&n->items, theirs);
  return n;
}

void ynode__free(YNode *n) {
  if (!n) return;
  for (uint32_t i = 0; i < n->items.size; i++) ynode__free(n->items.contents[i]);
  for (uint32_t i = 0; i < n->entries.size; i++) {
    pm_free(n->entries.contents[i].key);
    ynode__free(n->entries.contents[i].val);
  }
  pm_array_delete(&n->items);
  pm_array_delete(&n->entries);
  pm_free(n->str);
  pm_free(n);
}

YNode *ynode__copy(const YNode *n) {
  if (!n) return NULL;
  YNode *c = pm_calloc(1, sizeof *c);
  c->kind = n->kind;
  c->plain = n->plain;
  c->line = n->line;
  c->col = n->col;
  if (n->str) c->str = pm_strndup(n->str, n->len);
  c->len = n->len;
  pm_array_reserve(&c->items, n->items.size);
  for (uint32_t i = 0; i < n->items.size; i++)
    pm_array_push(&c->items, ynode__copy(n->items.contents[i]));
  pm_array_reserve(&c->entries, n->entries.size);
  for (uint32_t i = 0; i < n->entries.size; i++) {
    YEntry e = {pm_strdup(n->entries.contents[i].key),
                ynode__copy(n->entries.contents[i].val)};
    pm_array_push(&c->entries, e);
  }
  return c;
}

/* Equal means "the same data": plainness counts only where it changes the
 * type (a quoted "true" is not the boolean true). */
bool ynode__equal(const YNode *a, const YNode *b) {
  if (a == b) return true;
  if (!a || !b || a->kind != b->kind) return false;
  switch (a->kind) {
    case YN_SCALAR:
      if (a->len != b->len || memcmp(a->str, b->str, a->len) != 0) return false;
      return ynode__is_string(a) == ynode__is_string(b);
    case YN_SEQ:
    case YN_CONFLICT:
      if (a->items.size != b->items.size) return false;
      for (uint32_t i = 0; i < a->items.size; i++)
        if (!ynode__equal(a->items.contents[i], b->items.contents[i]))
          return false;
      return true;
    case YN_MAP:
      if (a->entries.size != b->entries.size) return false;
      for (uint32_t i = 0; i < a->entries.size; i++) {
        const YEntry *e = &a->entries.contents[i];
        if (!ynode__equal(e->val, ynode__get(b, e->key))) return false;
      }
      return true;
  }
  return false;
}

YNode *ynode__get(const YNode *map, const char *key) {
  if (!map || map->kind != YN_MAP) return NULL;
  /* Comparing the first byte first skips most strcmp calls: lookups are
   * the hot path of loading and re-anchoring. */
  for (uint32_t i = 0; i < map->entries.size; i++) {
    const char *k = map->entries.contents[i].key;
    if (k[0] == key[0] && strcmp(k, key) == 0) return map->entries.contents[i].val;
  }
  return NULL;
}

static uint32_t rank_of(const char *key, const char *const *order) {
  if (order)
    for (uint32_t r = 0; order[r]; r++)
      if (order[r][0] == key[0] && strcmp(order[r], key) == 0) return r;
  return UINT32_MAX;
}

void ynode__set(YNode *map, const char *key, YNode *val,
                const char *const *order) {
  for (uint32_t i = 0; i < map->entries.size; i++) {
    YEntry *e = &map->entries.contents[i];
    if (strcmp(e->key, key) == 0) {
      if (e->val != val) ynode__free(e->val);
      e->val = val;
      return;
    }
  }
  uint32_t r = rank_of(key, order), at = map->entries.size;
  if (r != UINT32_MAX)
    for (uint32_t i = 0; i < map->entries.size; i++)
      if (rank_of(map->entries.contents[i].key, order) > r) {
        at = i;
        break;
      }
  YEntry e = {pm_strdup(key), val};
  pm_array_push(&map->entries, e);
  memmove(&map->entries.contents[at + 1], &map->entries.contents[at],
          (map->entries.size - 1 - at) * sizeof(YEntry));
  map->entries.contents[at] = e;
}

bool ynode__del(YNode *map, const char *key) {
  for (uint32_t i = 0; i < map->entries.size; i++) {
    YEntry *e = &map->entries.contents[i];
    if (strcmp(e->key, key) == 0) {
      pm_free(e->key);
      ynode__free(e->val);
      pm_array_erase(&map->entries, i);
      return true;
    }
  }
  return false;
}

void ynode__canonical_order(YNode *map, const char *const *order) {
  /* Insertion sort on ranks computed once per entry: maps are small, the
   * input is mostly in order already, and it is stable. */
  uint32_t n = map->entries.size;
  if (n < 2) return;
  uint32_t small[32], *rank = n <= 32 ? small : pm_malloc(n * sizeof *rank);
  YEntry *e = map->entries.contents;
  for (uint32_t i = 0; i < n; i++) rank[i] = rank_of(e[i].key, order);
  for (uint32_t i = 1; i < n; i++) {
    YEntry cur = e[i];
    uint32_t r = rank[i], j = i;
    while (j > 0 && rank[j - 1] > r) {
      e[j] = e[j - 1];
      rank[j] = rank[j - 1];
      j--;
    }
    e[j] = cur;
    rank[j] = r;
  }
  if (rank != small) pm_free(rank);
}

/* --- scalar typing (YAML 1.2 core schema, plus the 1.1 booleans) ------- */

bool ynode__is_null(const YNode *n) {
  if (!n || n->kind != YN_SCALAR || !n->plain) return false;
  return n->len == 0 || !strcmp(n->str, "~") || !strcmp(n->str, "null") ||
         !strcmp(n->str, "Null") || !strcmp(n->str, "NULL");
}

bool ynode__is_bool(const YNode *n, bool *value) {
  static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes",
                                    "YES", "on", "On", "ON", NULL};
  static const char *const no[] = {"false", "False", "FALSE", "no", "No",
                                   "NO", "off", "Off", "OFF", NULL};
  if (!n || n->kind != YN_SCALAR || !n->plain) return false;
  for (int i = 0; yes[i]; i++)
    if (!strcmp(n->str, yes[i])) return value ? (*value = true, true) : true;
  for (int i = 0; no[i]; i++)
    if (!strcmp(n->str, no[i])) return value ? (*value = false, true) : true;
  return false;
}

bool ynode__is_uint(const YNode *n, uint64_t *value) {
  if (!n || n->kind != YN_SCALAR || !n->plain || n->len == 0 || n->len > 19)
    return false;
  uint64_t v = 0;
  for (uint32_t i = 0; i < n->len; i++) {
    if (n->str[i] < '0' || n->str[i] > '9') return false;
    v = v * 10 + (uint64_t)(n->str[i] - '0');
  }
  if (value) *value = v;
  return true;
}

bool ynode__is_string(const YNode *n) {
  if (!n || n->kind != YN_SCALAR) return false;
  if (!n->plain) return true;
  return !ynode__is_null(n) && !ynode__is_bool(n, NULL);
}

/* --- parsing ------------------------------------------------------------ */

typedef struct {
  yaml_parser_t parser;
  const char *name;
  PmError *err;
  int depth;
} Parse;

static bool fail_at(Parse *p, yaml_mark_t m, const char *what) {
  return pm_error_set_at(p->err, PM_ERR_PARSE, (uint32_t)m.line + 1,
                         (uint32_t)m.column, (uint32_t)m.index,
                         "%s:%lu:%lu: %s", p->name,
                         (unsigned long)m.line + 1,
                         (unsigned long)m.column + 1, what);
}

static bool next_event(Parse *p, yaml_event_t *ev) {
  if (yaml_parser_parse(&p->parser, ev)) return true;
  char what[400];
  if (p->parser.context)
    snprintf(what, sizeof what, "%s %s", p->parser.problem, p->parser.context);
  else
    snprintf(what, sizeof what, "%s",
             p->parser.problem ? p->parser.problem : "invalid YAML");
  return fail_at(p, p->parser.problem_mark, what);
}

static int cmp_entry_key(const void *a, const void *b) {
  const YEntry *x = *(const YEntry *const *)a, *y = *(const YEntry *const *)b;
  return strcmp(x->key, y->key);
}

/* Duplicate keys: libyaml accepts them and the last would silently win,
 * dropping data.  Sorting pointers keeps a 100,000-key map O(n log n). */
static bool check_duplicates(Parse *p, YNode *map, yaml_mark_t where) {
  uint32_t n = map->entries.size;
  if (n < 2) return true;
  if (n <= 16) {
    for (uint32_t i = 0; i < n; i++)
      for (uint32_t j = i + 1; j < n; j++)
        if (!strcmp(map->entries.contents[i].key, map->entries.contents[j].key)) {
          char what[300];
          snprintf(what, sizeof what, "duplicate key '%.200s' in a mapping",
                   map->entries.contents[j].key);
          YNode *v = map->entries.contents[j].val;
          where.line = v->line ? v->line - 1 : where.line;
          where.column = v->line ? v->col : where.column;
          return fail_at(p, where, what);
        }
    return true;
  }
  YEntry **v = pm_malloc(n * sizeof *v);
  for (uint32_t i = 0; i < n; i++) v[i] = &map->entries.contents[i];
  qsort(v, n, sizeof *v, cmp_entry_key);
  bool ok = true;
  for (uint32_t i = 1; i < n && ok; i++)
    if (!strcmp(v[i - 1]->key, v[i]->key)) {
      char what[300];
      snprintf(what, sizeof what, "duplicate key '%.200s' in a mapping",
               v[i]->key);
      ok = fail_at(p, where, what);
    }
  pm_free(v);
  return ok;
}

static YNode *parse_node(Parse *p, yaml_event_t *ev);

static bool no_anchor_or_tag(Parse *p, yaml_event_t *ev,
                             const yaml_char_t *anchor,
                             const yaml_char_t *tag, bool implicit) {
  if (anchor)
    return fail_at(p, ev->start_mark,
                   "anchors (&name) are not allowed in a sidecar");
  if (tag && !implicit)
    return fail_at(p, ev->start_mark, "tags (!name) are not allowed in a sidecar");
  return true;
}

/* Takes the start event `ev` (consumed: deleted here) of a node. */
static YNode *parse_node(Parse *p, yaml_event_t *ev) {
  YNode *n = NULL;
  yaml_mark_t start = ev->start_mark;
  switch (ev->type) {
    case YAML_ALIAS_EVENT:
      fail_at(p, start, "aliases (*name) are not allowed in a sidecar");
      yaml_event_delete(ev);
      return NULL;
    case YAML_SCALAR_EVENT: {
      bool implicit = ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit;
      if (!no_anchor_or_tag(p, ev, ev->data.scalar.anchor, ev->data.scalar.tag,
                            implicit)) {
        yaml_event_delete(ev);
        return NULL;
      }
      const char *s = (const char *)ev->data.scalar.value;
      size_t len = ev->data.scalar.length;
      if (memchr(s, '\0', len)) {
        fail_at(p, start, "a NUL character is not allowed in a sidecar string");
        yaml_event_delete(ev);
        return NULL;
      }
      n = ynode__scalar(s, len, ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE);
      n->line = (uint32_t)start.line + 1;
      n->col = (uint32_t)start.column;
      yaml_event_delete(ev);
      return n;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
      bool is_map = ev->type == YAML_MAPPING_START_EVENT;
      const yaml_char_t *anchor = is_map ? ev->data.mapping_start.anchor
                                         : ev->data.sequence_start.anchor;
      const yaml_char_t *tag =
          is_map ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
      int implicit = is_map ? ev->data.mapping_start.implicit
                            : ev->data.sequence_start.implicit;
      bool ok = no_anchor_or_tag(p, ev, anchor, tag, implicit);
      yaml_event_delete(ev);
      if (!ok) return NULL;
      if (++p->depth > YNODE_MAX_DEPTH) {
        char what[80];
        snprintf(what, sizeof what, "nesting deeper than %d levels",
                 YNODE_MAX_DEPTH);
        fail_at(p, start, what);
        return NULL;
      }
      n = is_map ? ynode__map() : ynode__seq();
      n->line = (uint32_t)start.line + 1;
      n->col = (uint32_t)start.column;
      for (;;) {
        yaml_event_t e;
        if (!next_event(p, &e)) goto fail;
        if (e.type == YAML_SEQUENCE_END_EVENT || e.type == YAML_MAPPING_END_EVENT) {
          yaml_event_delete(&e);
          break;
        }
        if (!is_map) {
          YNode *item = parse_node(p, &e);
          if (!item) goto fail;
          pm_array_push(&n->items, item);
          continue;
        }
        yaml_mark_t kmark = e.start_mark;
        YNode *key = parse_node(p, &e);
        if (!key) goto fail;
        if (key->kind != YN_SCALAR) {
          ynode__free(key);
          fail_at(p, kmark, "a mapping key must be a plain string");
          goto fail;
        }
        if (!next_event(p, &e)) {
          ynode__free(key);
          goto fail;
        }
        YNode *val = parse_node(p, &e);
        if (!val) {
          ynode__free(key);
          goto fail;
        }
        YEntry entry = {key->str, val};
        key->str = NULL;
        ynode__free(key);
        pm_array_push(&n->entries, entry);
      }
      p->depth--;
      if (is_map && !check_duplicates(p, n, start)) goto fail;
      return n;
    fail:
      ynode__free(n);
      return NULL;
    }
    default:
      fail_at(p, start, "unexpected YAML event");
      yaml_event_delete(ev);
      return NULL;
  }
}

YNode *ynode__parse(const char *bytes, size_t len, const char *name,
                    PmError *err) {
  Parse p = {.name = name ? name : "sidecar", .err = err};
  if (len > YNODE_MAX_BYTES) {
    pm_error_set(err, PM_ERR_NOMEM, "%s: larger than the limit of %u bytes",
                 p.name, YNODE_MAX_BYTES);
    return NULL;
  }
  if (!yaml_parser_initialize(&p.parser)) {
    pm_error_set(err, PM_ERR_NOMEM, "%s: cannot start the YAML parser", p.name);
    return NULL;
  }
  yaml_parser_set_input_string(&p.parser, (const unsigned char *)bytes, len);
  YNode *root = NULL;
  yaml_event_t ev;
  if (!next_event(&p, &ev)) goto done; /* stream start */
  yaml_event_delete(&ev);
  if (!next_event(&p, &ev)) goto done;
  if (ev.type == YAML_STREAM_END_EVENT) {
    yaml_event_delete(&ev);
    yaml_mark_t m = {0, 0, 0};
    fail_at(&p, m, "empty file (truncated?), expected 'pressmark: 1'");
    goto done;
  }
  yaml_event_delete(&ev); /* document start */
  if (!next_event(&p, &ev)) goto done;
  root = parse_node(&p, &ev);
  if (!root) goto done;
  if (!next_event(&p, &ev)) goto bad;
  yaml_event_delete(&ev); /* document end */
  if (!next_event(&p, &ev)) goto bad;
  if (ev.type != YAML_STREAM_END_EVENT) {
    fail_at(&p, ev.start_mark, "more than one YAML document in a sidecar");
    yaml_event_delete(&ev);
    goto bad;
  }
  yaml_event_delete(&ev);
  goto done;
bad:
  ynode__free(root);
  root = NULL;
done:
  yaml_parser_delete(&p.parser);
  return root;
}

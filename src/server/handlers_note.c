/*
 * handlers_note.c - RPC methods for notes: load a buffer's sidecar, create,
 * edit and delete notes, notice outside changes, follow the article's
 * digest after a write.
 *
 * Every method that changes or reloads notes answers with the buffer's
 * whole note state (see note_state), so the plugin redraws from one reply
 * and never keeps a second copy in step by hand.  The text notes are
 * anchored against is the buffer's as Neovim shows it (notes_text.c), so
 * marks land on the buffer's words whatever the file's bytes.  The request
 * fields of a note are checked here; the generic parameter decoding is in
 * params.c.
 */
#include <string.h>

#include "pressmark/anchor.h"
#include "server/handlers.h"
#include "server/notes.h"
#include "server/notes_rpc.h"
#include "server/params.h"
#include "util/alloc.h"
#include "util/buf.h"

static void book_free(void *p) { pm_notes_book_free(p); }

PmNotesBook *pm_notes__book(PmServer *srv) {
  PmNotesBook *book = pm_server_slot(srv, PM_SERVER_SLOT_NOTES);
  if (!book) {
    book = pm_notes_book_new();
    pm_server_slot_set(srv, PM_SERVER_SLOT_NOTES, book, book_free);
  }
  return book;
}

/* ---- the fields of a note request ----------------------------------------- */

/* A string field: *out = NULL when absent or nil, "" kept as "". */
static bool field_str(PmServer *srv, const msgpack_object *m, const char *key,
                      char **out, PmError *err) {
  const msgpack_object *v = pm_params__map_get(m, key);
  *out = NULL;
  if (!v || v->type == MSGPACK_OBJECT_NIL) return true;
  if (!pm_params__is_str(v))
    return pm_error_set(err, PM_ERR_INVALID, "note.%s: expected a string", key);
  *out = pm_params__zstr(srv, v);
  return true;
}

static bool field_u32(const msgpack_object *m, const char *key, bool *has,
                      uint32_t *out, PmError *err) {
  const msgpack_object *v = pm_params__map_get(m, key);
  *has = false;
  if (!v || v->type == MSGPACK_OBJECT_NIL) return true;
  if (v->type != MSGPACK_OBJECT_POSITIVE_INTEGER || v->via.u64 > UINT32_MAX)
    return pm_error_set(err, PM_ERR_INVALID,
                        "note.%s: expected a byte offset", key);
  *has = true;
  *out = (uint32_t)v->via.u64;
  return true;
}

/* ---- results -------------------------------------------------------------- */

typedef struct {
  const char *key;
  PmObj val;
} Field;

#define MAX_FIELDS 28

static PmObj make_map(PmServer *srv, const Field *f, uint32_t n) {
  PmObj m = pm_obj_map(pm_server_zone(srv), n);
  for (uint32_t i = 0; i < n; i++) pm_obj_map_set(&m, i, f[i].key, f[i].val);
  return m;
}

#define ADD(k, v) (f[n].key = (k), f[n].val = (v), n++)
#define ADD_STR(k, s) \
  do { if (s) ADD(k, pm_params__str(srv, s)); } while (0)

/* One note with where it was found: start/end byte offsets into the
 * buffer's text and the same as 0-based row/byte column for extmarks. */
static PmObj note_obj(PmServer *srv, const PmNote *note,
                      const PmAnchorText *at) {
  Field f[MAX_FIELDS];
  uint32_t n = 0;
  ADD_STR("id", pm_note_id(note));
  ADD_STR("target", pm_note_target(note));
  ADD_STR("exact", pm_note_exact(note));
  ADD_STR("verdict", pm_note_verdict(note));
  ADD_STR("speaker", pm_note_speaker(note));
  ADD("dismissed", pm_obj_bool(pm_note_dismissed(note)));
  ADD_STR("note", pm_note_text(note));
  ADD_STR("author", pm_note_author(note));
  ADD_STR("created", pm_note_created(note));
  ADD_STR("updated", pm_note_updated(note));
  size_t ns = pm_note_source_count(note);
  PmObj src = pm_obj_array(pm_server_zone(srv), (uint32_t)ns);
  for (size_t i = 0; i < ns; i++)
    src.via.array.ptr[i] = pm_params__str(srv, pm_note_source_at(note, i));
  ADD("sources", src);
  ADD("line", pm_obj_int(pm_note_line(note)));
  const PmAnchorResult *r = pm_note_anchor_result(note);
  ADD_STR("outcome", pm_anchor_outcome_name(r->outcome));
  if (r->outcome == PM_ANCHOR_ANCHORED || r->outcome == PM_ANCHOR_MOVED ||
      r->outcome == PM_ANCHOR_FUZZY) {
    uint32_t line, col, eline, ecol;
    pm_anchor_text_position(at, r->start, &line, &col);
    pm_anchor_text_position(at, r->end, &eline, &ecol);
    ADD("start", pm_obj_int(r->start));
    ADD("end", pm_obj_int(r->end));
    ADD("row", pm_obj_int((int64_t)line - 1));
    ADD("col", pm_obj_int(col));
    ADD("end_row", pm_obj_int((int64_t)eline - 1));
    ADD("end_col", pm_obj_int(ecol));
    if (r->outcome == PM_ANCHOR_FUZZY) ADD("errors", pm_obj_int(r->errors));
  } else if (r->outcome == PM_ANCHOR_AMBIGUOUS) {
    ADD("candidates", pm_obj_int(r->candidates));
  }
  return make_map(srv, f, n);
}

/* {path, article, notes, unsaved, stats} or, for a broken sidecar, {path,
 * article, notes = [], error = "file:line:col: ..."}.  `unsaved` is true
 * while the notes hold changes the last save could not write. */
static PmObj note_state(PmServer *srv, PmNotesBuf *nb, const PmBuf *text) {
  Field f[MAX_FIELDS];
  uint32_t n = 0;
  ADD_STR("path", pm_notes_buf_path(nb));
  ADD_STR("article", pm_notes_buf_article(nb));
  PmSidecar *sc = pm_notes_buf_sidecar(nb);
  const PmError *e = pm_notes_buf_error(nb);
  if (e) ADD_STR("error", e->message);
  size_t count = sc ? pm_sidecar_note_count(sc) : 0;
  PmObj notes = pm_obj_array(pm_server_zone(srv), (uint32_t)count);
  if (count) {
    PmAnchorText *at = pm_anchor_text_new(text->data, text->len);
    for (size_t i = 0; i < count; i++)
      notes.via.array.ptr[i] = note_obj(srv, pm_sidecar_note_at(sc, i), at);
    pm_anchor_text_free(at);
  }
  ADD("notes", notes);
  ADD("unsaved", pm_obj_bool(pm_notes_buf_dirty(nb)));
  const PmAnchorStats *st = pm_notes_buf_stats(nb);
  Field s[5] = {{"anchored", pm_obj_int(st->anchored)},
                {"moved", pm_obj_int(st->moved)},
                {"fuzzy", pm_obj_int(st->fuzzy)},
                {"ambiguous", pm_obj_int(st->ambiguous)},
                {"orphan", pm_obj_int(st->orphan)}};
  ADD("stats", make_map(srv, s, 5));
  return make_map(srv, f, n);
}

/* The state map `st` with one more entry `key` = `val` in front (the
 * entry says what the call did: the id it made, that a reload happened). */
static PmObj state_with(PmServer *srv, PmObj st, const char *key, PmObj val) {
  PmObj out = pm_obj_map(pm_server_zone(srv), st.via.map.size + 1);
  out.via.map.ptr[0].key = pm_params__str(srv, key);
  out.via.map.ptr[0].val = val;
  memcpy(out.via.map.ptr + 1, st.via.map.ptr,
         st.via.map.size * sizeof *st.via.map.ptr);
  return out;
}

/* The loaded entry of a buffer, or an error telling to load it first. */
static PmNotesBuf *loaded(PmServer *srv, int64_t buf, const char *method,
                          PmError *err) {
  PmNotesBuf *nb = pm_notes_book_get(pm_notes__book(srv), buf);
  if (!nb)
    pm_error_set(err, PM_ERR_STATE,
                 "%s: buffer %lld has no sidecar loaded (pressmark_sidecar_load)",
                 method, (long long)buf);
  return nb;
}

/* The loaded entry of `buf` and its sidecar, for methods that change notes:
 * fails when nothing is loaded or when the sidecar failed to load, since a
 * broken sidecar is never saved over. */
static PmSidecar *writable(PmServer *srv, int64_t buf, const char *method,
                           PmNotesBuf **nb, PmError *err) {
  *nb = loaded(srv, buf, method, err);
  if (!*nb) return NULL;
  PmSidecar *sc = pm_notes_buf_sidecar(*nb);
  if (!sc)
    pm_error_set(err, PM_ERR_STATE, "%s: not saved, it failed to load: %s",
                 pm_notes_buf_path(*nb), pm_notes_buf_error(*nb)->message);
  return sc;
}

/* ---- methods ---------------------------------------------------------------- */

/* pressmark_sidecar_load(buf, article_path [, opts {author}]) -> state.  A
 * broken sidecar is not an RPC error: the state carries `error`, and
 * every later save is refused until a reload succeeds. */
static PmObj sidecar_load(PmServer *srv, const msgpack_object *params,
                          PmError *err) {
  static const char M[] = "pressmark_sidecar_load";
  if (!pm_params__count(params, M, 2, 3, err)) return pm_obj_nil();
  const msgpack_object *a = params->via.array.ptr;
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &a[0], &buf, err)) return pm_obj_nil();
  if (!pm_params__is_str(&a[1]) || a[1].via.str.size == 0) {
    pm_error_set(err, PM_ERR_INVALID, "%s: article_path: expected a path", M);
    return pm_obj_nil();
  }
  char *author = NULL;
  if (params->via.array.size == 3 && a[2].type == MSGPACK_OBJECT_MAP &&
      !field_str(srv, &a[2], "author", &author, err))
    return pm_obj_nil();
  /* Most articles have no sidecar yet: a first load reads the file
   * before the buffer's text, which only notes to re-anchor need (a copy
   * of a large article would raise the process's peak memory by its
   * size).  An entry already there may hold unsaved notes that the load
   * saves, so it gets the text first, as before. */
  static const PmBuf none = {"", 0, 0};
  const PmBuf *text = NULL;
  if (pm_notes_book_get(pm_notes__book(srv), buf)) {
    text = pm_notes__text(srv, buf, err);
    if (!text) return pm_obj_nil();
  }
  bool ok;
  PmNotesBuf *nb = pm_notes_book_load(pm_notes__book(srv), buf, pm_params__zstr(srv, &a[1]),
                                      author, text ? text->data : none.data,
                                      text ? text->len : 0, &ok, NULL);
  PmSidecar *sc = pm_notes_buf_sidecar(nb);
  if (!text && sc && pm_sidecar_note_count(sc) > 0) {
    text = pm_notes__text(srv, buf, err);
    if (!text) return pm_obj_nil();
    pm_notes_buf_reanchor(nb, text->data, text->len);
  }
  return note_state(srv, nb, text ? text : &none);
}

/* The text of the buffer is a transient copy: freed once the answer is
 * built (its strings are copied into the reply's zone). */
PmObj pm_handle_sidecar_load(PmServer *srv, const msgpack_object *params,
                             PmError *err) {
  PmObj r = sidecar_load(srv, params, err);
  pm_notes__text_done(srv);
  return r;
}

/* pressmark_sidecar_check(buf) -> state with `changed`: reloads when the
 * sidecar file's stat changed since we last read or wrote it.  When our
 * last save failed (a conflict), our changes are merged into the file
 * instead of being dropped by a reload; if that still conflicts, the
 * answer is {changed = false, conflict = message} and nothing changes. */
static PmObj sidecar_check(PmServer *srv, const msgpack_object *params,
                           PmError *err) {
  static const char M[] = "pressmark_sidecar_check";
  if (!pm_params__count(params, M, 1, 1, err)) return pm_obj_nil();
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, err))
    return pm_obj_nil();
  PmNotesBuf *nb = loaded(srv, buf, M, err);
  if (!nb) return pm_obj_nil();
  bool disk = pm_notes_buf_changed_on_disk(nb);
  bool dirty = pm_notes_buf_dirty(nb);
  if (!disk && !dirty) {
    PmObj m = pm_obj_map(pm_server_zone(srv), 2);
    pm_obj_map_set(&m, 0, "changed", pm_obj_bool(false));
    pm_obj_map_set(&m, 1, "unsaved", pm_obj_bool(false));
    return m;
  }
  /* Unsaved changes (a failed save: disk full, a conflict) are tried
   * again, merged with the file if it changed, rather than dropped. */
  if (dirty) {
    PmError e;
    if (!pm_notes_buf_save(nb, &e)) {
      PmObj m = pm_obj_map(pm_server_zone(srv), 3);
      pm_obj_map_set(&m, 0, "changed", pm_obj_bool(false));
      pm_obj_map_set(&m, 1, "unsaved", pm_obj_bool(true));
      pm_obj_map_set(&m, 2, e.code == PM_ERR_CONFLICT ? "conflict" : "save_error",
                     pm_params__str(srv, e.message));
      return m;
    }
  }
  const PmBuf *text = pm_notes__text(srv, buf, err);
  if (!text) return pm_obj_nil();
  if (pm_notes_buf_changed_on_disk(nb))
    pm_notes_buf_reload(nb, text->data, text->len, NULL);
  else /* just saved, merged with the file */
    pm_notes_buf_reanchor(nb, text->data, text->len);
  return state_with(srv, note_state(srv, nb, text), "changed", pm_obj_bool(true));
}

/* The text of the buffer is a transient copy: freed once the answer is
 * built (its strings are copied into the reply's zone). */
PmObj pm_handle_sidecar_check(PmServer *srv, const msgpack_object *params,
                              PmError *err) {
  PmObj r = sidecar_check(srv, params, err);
  pm_notes__text_done(srv);
  return r;
}

static bool set_sources(PmNote *note, const msgpack_object *v, PmError *err) {
  if (v->type == MSGPACK_OBJECT_NIL) {
    pm_note_set_sources(note, NULL, 0);
    return true;
  }
  if (v->type != MSGPACK_OBJECT_ARRAY)
    return pm_error_set(err, PM_ERR_INVALID, "note.sources: expected a list");
  uint32_t n = v->via.array.size;
  const char **list = pm_calloc(n ? n : 1, sizeof *list);
  char **owned = pm_calloc(n ? n : 1, sizeof *owned);
  uint32_t k = 0;
  bool ok = true;
  for (uint32_t i = 0; i < n && ok; i++) {
    const msgpack_object *s = &v->via.array.ptr[i];
    if (!pm_params__is_str(s)) {
      ok = pm_error_set(err, PM_ERR_INVALID,
                        "note.sources[%u]: expected a string", i + 1);
      break;
    }
    if (s->via.str.size == 0) continue;
    owned[k] = pm_malloc(s->via.str.size + 1);
    memcpy(owned[k], s->via.str.ptr, s->via.str.size);
    owned[k][s->via.str.size] = '\0';
    list[k] = owned[k];
    k++;
  }
  if (ok) pm_note_set_sources(note, list, k);
  for (uint32_t i = 0; i < k; i++) pm_free(owned[i]);
  pm_free(owned);
  pm_free(list);
  return ok;
}

/* Checks every optional field of request map `m` before anything is
 * changed: a request refused halfway must not leave a half-made note (an
 * anchor without its verdict) that the next save would write. */
static bool check_fields(PmServer *srv, const msgpack_object *m, PmError *err) {
  char *s;
  if (!field_str(srv, m, "target", &s, err)) return false;
  if (s && !pm_sidecar_target_valid(s))
    return pm_error_set(err, PM_ERR_INVALID, "note.target: '%s' is not one of "
                        "quote, claim, speaker, range", s);
  if (!field_str(srv, m, "verdict", &s, err)) return false;
  if (s && *s && !pm_sidecar_verdict_valid(s))
    return pm_error_set(err, PM_ERR_INVALID, "note.verdict: '%s' is not one of "
                        "true, mostly-true, mixed, misleading, false, "
                        "unverifiable, opinion", s);
  if (!field_str(srv, m, "speaker", &s, err) ||
      !field_str(srv, m, "note", &s, err))
    return false;
  const msgpack_object *v = pm_params__map_get(m, "dismissed");
  if (v && v->type != MSGPACK_OBJECT_BOOLEAN && v->type != MSGPACK_OBJECT_NIL)
    return pm_error_set(err, PM_ERR_INVALID, "note.dismissed: expected a boolean");
  v = pm_params__map_get(m, "sources");
  if (v && v->type != MSGPACK_OBJECT_NIL) {
    if (v->type != MSGPACK_OBJECT_ARRAY)
      return pm_error_set(err, PM_ERR_INVALID, "note.sources: expected a list");
    for (uint32_t i = 0; i < v->via.array.size; i++)
      if (!pm_params__is_str(&v->via.array.ptr[i]))
        return pm_error_set(err, PM_ERR_INVALID,
                            "note.sources[%u]: expected a string", i + 1);
  }
  return true;
}

/* Applies the optional fields of request map `m` to `note`; "" removes a
 * string field.  Run check_fields first: then this does not fail. */
static bool apply_fields(PmServer *srv, PmNote *note, const msgpack_object *m,
                         PmError *err) {
  char *s;
  if (!field_str(srv, m, "target", &s, err)) return false;
  if (s && !pm_note_set_target(note, s, err)) return false;
  if (!field_str(srv, m, "verdict", &s, err)) return false;
  if (s && !pm_note_set_verdict(note, *s ? s : NULL, err)) return false;
  if (!field_str(srv, m, "speaker", &s, err)) return false;
  if (s) pm_note_set_speaker(note, *s ? s : NULL);
  if (!field_str(srv, m, "note", &s, err)) return false;
  if (s) pm_note_set_text(note, *s ? s : NULL);
  const msgpack_object *v = pm_params__map_get(m, "dismissed");
  if (v && v->type == MSGPACK_OBJECT_BOOLEAN)
    pm_note_set_dismissed(note, v->via.boolean);
  else if (v && v->type != MSGPACK_OBJECT_NIL)
    return pm_error_set(err, PM_ERR_INVALID, "note.dismissed: expected a boolean");
  v = pm_params__map_get(m, "sources");
  if (v && !set_sources(note, v, err)) return false;
  return true;
}

/* The speaker the analyser resolved for the quote or claim spanning
 * text[start, end) (exactly, else the first one covering it), copied into
 * the request's zone; NULL when there is none or the language data cannot
 * be read (the note is made all the same, without a speaker). */
static char *detected_speaker(PmServer *srv, const char *target,
                              const PmBuf *text, uint32_t start, uint32_t end) {
  bool quote = !strcmp(target, "quote");
  if (!quote && strcmp(target, "claim")) return NULL;
  const PmLang *lang = pm_notes_book_lang(pm_notes__book(srv), NULL);
  if (!lang) return NULL;
  PmContext *ctx = pm_context_new();
  PmAnalysis *a = pm_analyze_block(lang, NULL, text->data, text->len, ctx, NULL);
  pm_context_free(ctx);
  if (!a) return NULL;
  const char *name = NULL, *cover = NULL;
  size_t n;
  if (quote) {
    const PmQuote *q = pm_analysis_quotes(a, &n);
    for (size_t i = 0; i < n && !name; i++) {
      const char *who = q[i].has_speaker ? q[i].speaker.name : NULL;
      if (q[i].start == start && q[i].end == end) name = who;
      else if (!cover && q[i].start <= start && end <= q[i].end) cover = who;
    }
  } else {
    const PmClaim *c = pm_analysis_claims(a, &n);
    for (size_t i = 0; i < n && !name; i++) {
      if (c[i].start == start && c[i].end == end) name = c[i].speaker;
      else if (!cover && c[i].start <= start && end <= c[i].end) cover = c[i].speaker;
    }
  }
  if (!name) name = cover;
  char *out = NULL;
  if (name && *name) {
    size_t len = strlen(name);
    out = msgpack_zone_malloc(pm_server_zone(srv), len + 1);
    memcpy(out, name, len + 1);
  }
  pm_analysis_free(a);
  return out;
}

/* pressmark_note_set(buf, note) -> state with `id`.  `note` is a map: with
 * an `id` found in the sidecar it edits that note; otherwise it creates
 * one, which needs `target` and the span `start`/`end` (byte offsets into
 * the buffer's text).  A span given for an existing note moves it there.
 * Fields: verdict, speaker, note, sources, dismissed ("" or nil... see
 * apply_fields).  Every field is checked before anything changes, so a
 * refused request changes nothing.  A new note on a quote or claim whose
 * speaker the analyser resolved records that speaker unless the request
 * gives one (making the note confirms the detection), so exports name it.
 * Saves at once; a broken sidecar is never saved. */
static PmObj note_set(PmServer *srv, const msgpack_object *params,
                      PmError *err) {
  static const char M[] = "pressmark_note_set";
  if (!pm_params__count(params, M, 2, 2, err)) return pm_obj_nil();
  const msgpack_object *a = params->via.array.ptr;
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &a[0], &buf, err)) return pm_obj_nil();
  if (a[1].type != MSGPACK_OBJECT_MAP) {
    pm_error_set(err, PM_ERR_INVALID, "%s: note: expected a map", M);
    return pm_obj_nil();
  }
  const msgpack_object *m = &a[1];
  PmNotesBuf *nb;
  PmSidecar *sc = writable(srv, buf, M, &nb, err);
  if (!sc) return pm_obj_nil();
  char *id, *target;
  uint32_t start = 0, end = 0;
  bool has_start, has_end;
  if (!field_str(srv, m, "id", &id, err) ||
      !field_str(srv, m, "target", &target, err) ||
      !field_u32(m, "start", &has_start, &start, err) ||
      !field_u32(m, "end", &has_end, &end, err) || !check_fields(srv, m, err))
    return pm_obj_nil();
  const PmBuf *text = pm_notes__text(srv, buf, err);
  if (!text) return pm_obj_nil();
  bool span = has_start && has_end;
  if (span && (start >= end || end > text->len)) {
    pm_error_set(err, PM_ERR_INVALID, "note: span [%u, %u) is outside the text",
                 start, end);
    return pm_obj_nil();
  }
  PmNote *note = id && *id ? pm_sidecar_note_find(sc, id) : NULL;
  if (!note) {
    /* A note being edited that was deleted on disk meanwhile is made
     * again from the editor's copy rather than lost. */
    if (!span) {
      pm_error_set(err, PM_ERR_INVALID,
                   id && *id ? "note %s: no such note and no span to make it"
                             : "note: a new note needs start and end",
                   id);
      return pm_obj_nil();
    }
    const char *tg = target && *target ? target : "range";
    const msgpack_object *sp = pm_params__map_get(m, "speaker");
    char *who = !sp || sp->type == MSGPACK_OBJECT_NIL
                    ? detected_speaker(srv, tg, text, start, end)
                    : NULL;
    char *exact = pm_malloc(end - start + 1);
    memcpy(exact, text->data + start, end - start);
    exact[end - start] = '\0';
    note = pm_sidecar_note_add(sc, tg, exact, err);
    pm_free(exact);
    if (!note) return pm_obj_nil();
    pm_note_anchor_at(note, text->data, text->len, start, end);
    if (who) pm_note_set_speaker(note, who);
  } else if (span) {
    pm_note_anchor_at(note, text->data, text->len, start, end);
  }
  /* Copied now: a save that merges a change from disk frees the note. */
  PmObj new_id = pm_params__str(srv, pm_note_id(note));
  if (!apply_fields(srv, note, m, err)) return pm_obj_nil();
  if (!pm_notes_buf_save(nb, err)) return pm_obj_nil();
  pm_notes_buf_reanchor(nb, text->data, text->len);
  return state_with(srv, note_state(srv, nb, text), "id", new_id);
}

/* The text of the buffer is a transient copy: freed once the answer is
 * built (its strings are copied into the reply's zone). */
PmObj pm_handle_note_set(PmServer *srv, const msgpack_object *params,
                         PmError *err) {
  PmObj r = note_set(srv, params, err);
  pm_notes__text_done(srv);
  return r;
}

/* pressmark_note_del(buf, id) -> state.  Saves at once. */
static PmObj note_del(PmServer *srv, const msgpack_object *params,
                      PmError *err) {
  static const char M[] = "pressmark_note_del";
  if (!pm_params__count(params, M, 2, 2, err)) return pm_obj_nil();
  const msgpack_object *a = params->via.array.ptr;
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &a[0], &buf, err)) return pm_obj_nil();
  if (!pm_params__is_str(&a[1])) {
    pm_error_set(err, PM_ERR_INVALID, "%s: id: expected a string", M);
    return pm_obj_nil();
  }
  PmNotesBuf *nb;
  PmSidecar *sc = writable(srv, buf, M, &nb, err);
  if (!sc) return pm_obj_nil();
  char *id = pm_params__zstr(srv, &a[1]);
  if (!pm_sidecar_note_del(sc, id)) {
    pm_error_set(err, PM_ERR_NOTFOUND, "note %s: no such note", id);
    return pm_obj_nil();
  }
  if (!pm_notes_buf_save(nb, err)) return pm_obj_nil();
  const PmBuf *text = pm_notes__text(srv, buf, err);
  if (!text) return pm_obj_nil();
  pm_notes_buf_reanchor(nb, text->data, text->len);
  return note_state(srv, nb, text);
}

/* The text of the buffer is a transient copy: freed once the answer is
 * built (its strings are copied into the reply's zone). */
PmObj pm_handle_note_del(PmServer *srv, const msgpack_object *params,
                         PmError *err) {
  PmObj r = note_del(srv, params, err);
  pm_notes__text_done(srv);
  return r;
}

/* pressmark_article_hash(buf) -> {sha256}: after BufWritePost, re-reads
 * the article file (its bytes on disk, CRLF and BOM included) and, when
 * the sidecar file exists, saves article.sha256. */
PmObj pm_handle_article_hash(PmServer *srv, const msgpack_object *params,
                             PmError *err) {
  static const char M[] = "pressmark_article_hash";
  if (!pm_params__count(params, M, 1, 1, err)) return pm_obj_nil();
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, err))
    return pm_obj_nil();
  PmNotesBuf *nb = loaded(srv, buf, M, err);
  if (!nb || !pm_notes_buf_hash_article(nb, err)) return pm_obj_nil();
  PmSidecar *sc = pm_notes_buf_sidecar(nb);
  const char *sha = sc ? pm_sidecar_article_sha256(sc) : NULL;
  PmObj m = pm_obj_map(pm_server_zone(srv), 1);
  pm_obj_map_set(&m, 0, "sha256", pm_params__str(srv, sha));
  return m;
}

/* pressmark_sidecar_detach(buf) -> true when the buffer had a sidecar
 * loaded: forgets it (BufWipeout).  The file is not touched. */
PmObj pm_handle_sidecar_detach(PmServer *srv, const msgpack_object *params,
                               PmError *err) {
  if (!pm_params__count(params, "pressmark_sidecar_detach", 1, 1, err)) return pm_obj_nil();
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, err))
    return pm_obj_nil();
  return pm_obj_bool(pm_notes_book_drop(pm_notes__book(srv), buf));
}

/*
 * handlers_items.c - pressmark_item_get and pressmark_items_get: the
 * quotes, claims and speaker mentions of an attached buffer, as its
 * document keeps them analysed edit by edit (src/server/buffer.c).
 *
 * These answer at once (the analysis is already there), which is why the
 * plugin's cursor and list commands use them on attached buffers; on any
 * other buffer it falls back to pressmark_analysis_get (notes_items.c),
 * which analyses the whole text per call.
 */
#include <string.h>

#include "server/buffer.h"
#include "server/handlers.h"
#include "server/params.h"
#include "util/alloc.h"
#include "util/array.h"

static void set_span(PmObj *m, uint32_t *i, const PmBufSpan *s) {
  pm_obj_map_set(m, (*i)++, "row", pm_obj_int(s->row));
  pm_obj_map_set(m, (*i)++, "col", pm_obj_int(s->col));
  pm_obj_map_set(m, (*i)++, "end_row", pm_obj_int(s->end_row));
  pm_obj_map_set(m, (*i)++, "end_col", pm_obj_int(s->end_col));
}

/* An item as the Lua side sees it (rows and byte columns 0-based, ends
 * exclusive):
 *   {kind = "quote"|"claim"|"speaker", row, col, end_row, end_col, text,
 *    quote_kind?, confidence?, speaker? = {name, mention, how, stance,
 *    row?, col?, end_row?, end_col?}, score?, reasons?} */
static PmObj item_obj(PmServer *srv, const PmBufItem *it) {
  msgpack_zone *z = pm_server_zone(srv);
  static const char *const kinds[] = {"quote", "claim", "speaker"};
  PmObj m = pm_obj_map(z, 10);
  uint32_t i = 0;
  pm_obj_map_set(&m, i++, "kind", pm_params__str(srv, kinds[it->kind]));
  set_span(&m, &i, &it->span);
  pm_obj_map_set(&m, i++, "text", pm_obj_str(z, it->text, it->text_len));
  if (it->quote) {
    const PmQuote *q = it->quote;
    pm_obj_map_set(&m, i++, "quote_kind", pm_params__str(srv, pm_quote_kind_name(q->kind)));
    pm_obj_map_set(&m, i++, "confidence", pm_params__float(q->confidence));
    PmObj sp = pm_obj_nil();
    if (q->has_speaker) {
      sp = pm_obj_map(z, it->has_speaker_span ? 8 : 4);
      uint32_t j = 0;
      pm_obj_map_set(&sp, j++, "name", pm_params__str(srv, q->speaker.name));
      pm_obj_map_set(&sp, j++, "mention", pm_params__str(srv, q->speaker.mention));
      pm_obj_map_set(&sp, j++, "how", pm_params__str(srv, q->speaker.how));
      pm_obj_map_set(&sp, j++, "stance", pm_params__str(srv, pm_stance_name(q->speaker.stance)));
      if (it->has_speaker_span) set_span(&sp, &j, &it->speaker_span);
    }
    pm_obj_map_set(&m, i++, "speaker", sp);
  } else if (it->claim) {
    const PmClaim *c = it->claim;
    pm_obj_map_set(&m, i++, "score", pm_params__float(c->score));
    uint32_t nr = 0;
    for (uint32_t b = 0; b < PM_REASON_COUNT; b++) nr += (c->reasons >> b) & 1u;
    PmObj r = pm_obj_array(z, nr);
    for (uint32_t b = 0, k = 0; b < PM_REASON_COUNT; b++)
      if ((c->reasons >> b) & 1u)
        r.via.array.ptr[k++] = pm_params__str(srv, pm_claim_reason_name(1u << b));
    pm_obj_map_set(&m, i++, "reasons", r);
    PmObj sp = pm_obj_nil();
    if (c->speaker) {
      sp = pm_obj_map(z, 1);
      pm_obj_map_set(&sp, 0, "name", pm_params__str(srv, c->speaker));
    }
    pm_obj_map_set(&m, i++, "speaker", sp);
  }
  m.via.map.size = i;
  return m;
}

/* The document of the attached buffer named by `o`, or NULL with `err`. */
static PmBufDoc *attached_arg(PmServer *srv, const msgpack_object *o,
                              PmError *err) {
  int64_t buf;
  if (!pm_server_buffer_arg(srv, o, &buf, err)) return NULL;
  PmBufDoc *doc = pm_server_buf_doc(srv, buf);
  if (!doc)
    pm_error_set(err, PM_ERR_STATE, "buffer %lld: not attached (:Pressmark enable)",
                 (long long)buf);
  return doc;
}

/* pressmark_item_get(buf, row, col) -> item or nil: the speaker mention,
 * quote (innermost) or claim under a position (0-based row, byte col). */
PmObj pm_handle_item_get(PmServer *srv, const msgpack_object *params,
                         PmError *err) {
  if (!pm_params__count(params, "pressmark_item_get", 3, 3, err)) return pm_obj_nil();
  const msgpack_object *p = params->via.array.ptr;
  int64_t row, col;
  if (!pm_params__int(&p[1], &row) || !pm_params__int(&p[2], &col) || row < 0 || col < 0 ||
      row > UINT32_MAX || col > UINT32_MAX) {
    pm_error_set(err, PM_ERR_INVALID, "pressmark_item_get: row and col must be integers >= 0");
    return pm_obj_nil();
  }
  PmBufDoc *doc = attached_arg(srv, &p[0], err);
  if (!doc) return pm_obj_nil();
  PmBufItem it;
  if (!pm_bufdoc_item_at(doc, (uint32_t)row, (uint32_t)col, &it))
    return pm_obj_nil();
  return item_obj(srv, &it);
}

typedef struct {
  PmServer *srv;
  PmArray(PmObj) items;
} ItemList;

static bool collect(const PmBufItem *it, void *data) {
  ItemList *l = data;
  pm_array_push(&l->items, item_obj(l->srv, it));
  return true;
}

/* pressmark_items_get(buf, kind) -> [item]: every quote, claim or speaker
 * mention ("quotes", "claims", "speakers") in buffer order. */
PmObj pm_handle_items_get(PmServer *srv, const msgpack_object *params,
                          PmError *err) {
  if (!pm_params__count(params, "pressmark_items_get", 2, 2, err)) return pm_obj_nil();
  const msgpack_object *k = &params->via.array.ptr[1];
  PmItemKind kind;
  if (pm_params__str_is(k, "quotes")) kind = PM_ITEM_QUOTE;
  else if (pm_params__str_is(k, "claims")) kind = PM_ITEM_CLAIM;
  else if (pm_params__str_is(k, "speakers")) kind = PM_ITEM_SPEAKER;
  else {
    pm_error_set(err, PM_ERR_INVALID,
                 "pressmark_items_get: kind must be quotes, claims or speakers");
    return pm_obj_nil();
  }
  PmBufDoc *doc = attached_arg(srv, &params->via.array.ptr[0], err);
  if (!doc) return pm_obj_nil();
  ItemList l = {srv, pm_array_new()};
  pm_bufdoc_items(doc, kind, collect, &l);
  PmObj arr = pm_obj_array(pm_server_zone(srv), l.items.size);
  if (l.items.size)
    memcpy(arr.via.array.ptr, l.items.contents, l.items.size * sizeof(PmObj));
  pm_array_delete(&l.items);
  return arr;
}

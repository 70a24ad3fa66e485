/*
 * notes_items.c - pressmark_analysis_get(buf): the quotes, claims and
 * speaker mentions of a whole buffer, analysed on request.
 *
 * The notes commands need "the quote or claim under the cursor", the lists
 * and next/prev on any buffer, attached for live highlights or not.  An
 * attached buffer has these cached (pressmark_item_get/items_get, kept up
 * to date edit by edit); this method is the stateless path the plugin
 * falls back to when the buffer is not attached: it analyses the buffer's
 * current text in one pass (about 10 ms per MB) and keeps nothing.
 */
#include <string.h>

#include "pressmark/anchor.h"
#include "server/notes_rpc.h"
#include "server/params.h"
#include "util/alloc.h"

typedef struct {
  PmServer *srv;
  const PmAnchorText *at;
} Ctx;

/* Sets start/end/row/col/end_row/end_col in map `m` from pair `i` on. */
static uint32_t put_span(const Ctx *c, PmObj *m, uint32_t i, uint32_t start,
                         uint32_t end) {
  uint32_t line, col, eline, ecol;
  pm_anchor_text_position(c->at, start, &line, &col);
  pm_anchor_text_position(c->at, end, &eline, &ecol);
  pm_obj_map_set(m, i++, "start", pm_obj_int(start));
  pm_obj_map_set(m, i++, "end", pm_obj_int(end));
  pm_obj_map_set(m, i++, "row", pm_obj_int((int64_t)line - 1));
  pm_obj_map_set(m, i++, "col", pm_obj_int(col));
  pm_obj_map_set(m, i++, "end_row", pm_obj_int((int64_t)eline - 1));
  pm_obj_map_set(m, i++, "end_col", pm_obj_int(ecol));
  return i;
}

static PmObj quote_obj(const Ctx *c, const PmQuote *q) {
  PmObj m = pm_obj_map(pm_server_zone(c->srv), 13);
  uint32_t i = put_span(c, &m, 0, q->start, q->end);
  const PmSpeakerRef *sp = &q->speaker;
  pm_obj_map_set(&m, i++, "kind", pm_params__str(c->srv, pm_quote_kind_name(q->kind)));
  pm_obj_map_set(&m, i++, "speaker",
                 pm_params__str(c->srv, q->has_speaker ? sp->name : NULL));
  pm_obj_map_set(&m, i++, "mention",
                 pm_params__str(c->srv, q->has_speaker ? sp->mention : NULL));
  pm_obj_map_set(&m, i++, "how", pm_params__str(c->srv, q->has_speaker ? sp->how : NULL));
  pm_obj_map_set(&m, i++, "stance",
                 pm_params__str(c->srv, pm_stance_name(q->has_speaker ? sp->stance
                                                               : PM_STANCE_NONE)));
  pm_obj_map_set(&m, i++, "confidence", pm_obj_int((int64_t)(q->confidence * 100)));
  pm_obj_map_set(&m, i++, "item", pm_params__str(c->srv, "quote"));
  return m;
}

static PmObj claim_obj(const Ctx *c, const PmClaim *cl) {
  PmObj m = pm_obj_map(pm_server_zone(c->srv), 10);
  uint32_t i = put_span(c, &m, 0, cl->start, cl->end);
  uint32_t nr = 0;
  for (uint32_t b = 0; b < PM_REASON_COUNT; b++)
    if (cl->reasons & (1u << b)) nr++;
  PmObj reasons = pm_obj_array(pm_server_zone(c->srv), nr);
  nr = 0;
  for (uint32_t b = 0; b < PM_REASON_COUNT; b++)
    if (cl->reasons & (1u << b))
      reasons.via.array.ptr[nr++] = pm_params__str(c->srv, pm_claim_reason_name(1u << b));
  pm_obj_map_set(&m, i++, "reasons", reasons);
  pm_obj_map_set(&m, i++, "score", pm_obj_int((int64_t)(cl->score * 100)));
  pm_obj_map_set(&m, i++, "speaker", pm_params__str(c->srv, cl->speaker));
  pm_obj_map_set(&m, i++, "item", pm_params__str(c->srv, "claim"));
  return m;
}

static PmObj mention_obj(const Ctx *c, const PmQuote *q) {
  PmObj m = pm_obj_map(pm_server_zone(c->srv), 10);
  uint32_t i = put_span(c, &m, 0, q->speaker.start, q->speaker.end);
  pm_obj_map_set(&m, i++, "speaker", pm_params__str(c->srv, q->speaker.name));
  pm_obj_map_set(&m, i++, "mention", pm_params__str(c->srv, q->speaker.mention));
  pm_obj_map_set(&m, i++, "how", pm_params__str(c->srv, q->speaker.how));
  pm_obj_map_set(&m, i++, "item", pm_params__str(c->srv, "speaker"));
  return m;
}

/* Byte offset of 0-based (row, col) in text, or UINT32_MAX past its end. */
static uint32_t offset_of(const char *text, size_t len, uint64_t row,
                          uint64_t col) {
  size_t pos = 0;
  for (uint64_t r = 0; r < row; r++) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    if (!nl) return UINT32_MAX;
    pos = (size_t)(nl - text) + 1;
  }
  return col > len - pos ? UINT32_MAX : (uint32_t)(pos + col);
}

static bool covers(uint32_t start, uint32_t end, uint32_t at) {
  return at == UINT32_MAX || (start <= at && at < end);
}

/* pressmark_analysis_get(buf [, row, col]) -> {quotes, claims, speakers}:
 * each a list in text order of maps with start/end (byte offsets into the
 * buffer's lines joined with "\n") and row/col/end_row/end_col (0-based,
 * columns in bytes).  quotes: kind, speaker, mention, how, stance,
 * confidence (%); claims: reasons, score (%), speaker; speakers: the
 * mentions that name a quote's speaker, with the resolved name and how.
 * With a position, only the items covering it are returned (the whole
 * buffer is still analysed: speakers depend on what came before). */
static PmObj analysis_get(PmServer *srv, const msgpack_object *params,
                          PmError *err) {
  uint32_t np = params->via.array.size;
  const msgpack_object *p = params->via.array.ptr;
  if (np != 1 && np != 3) {
    pm_error_set(err, PM_ERR_INVALID,
                 "pressmark_analysis_get: expected 1 or 3 arguments, got %u", np);
    return pm_obj_nil();
  }
  if (np == 3 && (p[1].type != MSGPACK_OBJECT_POSITIVE_INTEGER ||
                  p[2].type != MSGPACK_OBJECT_POSITIVE_INTEGER)) {
    pm_error_set(err, PM_ERR_INVALID,
                 "pressmark_analysis_get: row and col must be integers >= 0");
    return pm_obj_nil();
  }
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, err))
    return pm_obj_nil();
  const PmLang *lang = pm_notes_book_lang(pm_notes__book(srv), err);
  if (!lang) {
    pm_error_prefix(err, "language data");
    return pm_obj_nil();
  }
  PmObj out = pm_obj_nil();
  const PmBuf *text = pm_notes__text(srv, buf, err);
  if (!text) goto done;
  PmContext *ctx = pm_context_new();
  PmAnalysis *a = pm_analyze_block(lang, NULL, text->data, text->len, ctx, err);
  pm_context_free(ctx);
  if (!a) goto done;
  uint32_t at_off = np == 3 ? offset_of(text->data, text->len, p[1].via.u64,
                                         p[2].via.u64)
                            : UINT32_MAX;
  if (np == 3 && at_off == UINT32_MAX) at_off = UINT32_MAX - 1; /* none */
  PmAnchorText *at = pm_anchor_text_new(text->data, text->len);
  Ctx c = {srv, at};
  size_t nq, nc;
  const PmQuote *q = pm_analysis_quotes(a, &nq);
  const PmClaim *cl = pm_analysis_claims(a, &nc);
  uint32_t kq = 0, kc = 0, km = 0;
  /* one entry per mention, however many quotes share it */
  bool *listed = nq ? pm_malloc(nq * sizeof *listed) : NULL;
  pm_analysis_mention_owners(a, listed);
  for (size_t i = 0; i < nq; i++) {
    if (covers(q[i].start, q[i].end, at_off)) kq++;
    if (listed[i] && covers(q[i].speaker.start, q[i].speaker.end, at_off)) km++;
  }
  for (size_t i = 0; i < nc; i++)
    if (covers(cl[i].start, cl[i].end, at_off)) kc++;
  PmObj quotes = pm_obj_array(pm_server_zone(srv), kq);
  PmObj claims = pm_obj_array(pm_server_zone(srv), kc);
  PmObj mentions = pm_obj_array(pm_server_zone(srv), km);
  kq = kc = km = 0;
  for (size_t i = 0; i < nq; i++) {
    if (covers(q[i].start, q[i].end, at_off))
      quotes.via.array.ptr[kq++] = quote_obj(&c, &q[i]);
    if (listed[i] && covers(q[i].speaker.start, q[i].speaker.end, at_off))
      mentions.via.array.ptr[km++] = mention_obj(&c, &q[i]);
  }
  pm_free(listed);
  for (size_t i = 0; i < nc; i++)
    if (covers(cl[i].start, cl[i].end, at_off))
      claims.via.array.ptr[kc++] = claim_obj(&c, &cl[i]);
  out = pm_obj_map(pm_server_zone(srv), 3);
  pm_obj_map_set(&out, 0, "quotes", quotes);
  pm_obj_map_set(&out, 1, "claims", claims);
  pm_obj_map_set(&out, 2, "speakers", mentions);
  pm_anchor_text_free(at);
  pm_analysis_free(a);
done:
  return out;
}

/* The text of the buffer is a transient copy: freed once the answer is
 * built (its strings are copied into the reply's zone). */
PmObj pm_handle_analysis_get(PmServer *srv, const msgpack_object *params,
                             PmError *err) {
  PmObj r = analysis_get(srv, params, err);
  pm_notes__text_done(srv);
  return r;
}

/*
 * handlers_buf.c - attached buffers over RPC: pressmark_buf_attach/detach
 * and the nvim_buf_*_event notifications that keep the copy in step.
 *
 * Flow: pressmark_buf_attach calls nvim_buf_attach(buf, false, {}) and
 * fetches the lines in chunks (see attach_live); Neovim then sends every
 * change as an nvim_buf_lines_event.  Events only edit the document
 * (src/server/buffer.c); the analysis and the batches of marks it yields
 * wait for the serving loop to be idle (marks.c).  A buffer too large for
 * all of its text is attached in view mode: only the lines on screen, sent
 * again as the view moves.  When the channel had to skip a line event
 * (over the message limits), the buffer is marked stale and the editor
 * asked to attach it again (pm_server_check_drops).
 *
 * Neovim detaches remote attachments when it reloads a buffer (:e!): the
 * detach event is answered by attaching again, and the full resend
 * replaces every block (and so every mark).
 */
#include <string.h>

#include "server/attached.h"
#include "server/notes_rpc.h"
#include "server/nvim_calls.h"
#include "server/params.h"
#include "util/alloc.h"
#include "util/array.h"

static void table_free(void *p) {
  PmBufTable *t = p;
  if (!t) return;
  for (uint32_t i = 0; i < t->bufs.size; i++)
    pm_bufdoc_free(t->bufs.contents[i].doc);
  pm_array_delete(&t->bufs);
  pm_array_delete(&t->expect_detach);
  pm_lang_free(t->lang);
  pm_free(t);
}

static PmBufTable *table(PmServer *srv) {
  PmBufTable *t = pm_server_slot(srv, PM_SERVER_SLOT_BUFFERS);
  if (!t) {
    t = pm_calloc(1, sizeof *t);
    pm_server_slot_set(srv, PM_SERVER_SLOT_BUFFERS, t, table_free);
  }
  return t;
}

static PmAttached *find(PmBufTable *t, int64_t buf) {
  for (uint32_t i = 0; i < t->bufs.size; i++)
    if (t->bufs.contents[i].buf == buf) return &t->bufs.contents[i];
  return NULL;
}

static void drop(PmBufTable *t, PmAttached *a) {
  pm_bufdoc_free(a->doc);
  pm_array_erase(&t->bufs, (uint32_t)(a - t->bufs.contents));
}

static const PmLang *lang(PmBufTable *t, PmError *err) {
  if (t->lang) return t->lang;
  char *dir = pm_lang_find_dir(err);
  if (dir) t->lang = pm_lang_load_dir(dir, NULL, 0, err);
  pm_free(dir);
  if (!t->lang) pm_error_prefix(err, "language data");
  return t->lang;
}

/* ---- calling Neovim -------------------------------------------------------- */

static bool nvim_attach(PmServer *srv, int64_t buf, bool send_buffer,
                        bool *attached, PmError *err) {
  PmChannel *ch = pm_server_channel(srv);
  msgpack_packer *pk = pm_channel_packer(ch);
  uint32_t id = pm_channel_request(ch, "nvim_buf_attach", 3);
  msgpack_pack_int64(pk, buf);
  if (send_buffer) msgpack_pack_true(pk);
  else msgpack_pack_false(pk);
  msgpack_pack_map(pk, 0);
  msgpack_unpacked reply;
  const msgpack_object *r;
  bool ok = pm_nvim__wait(srv, id, "nvim_buf_attach", &reply, &r, err);
  if (ok) *attached = r->type == MSGPACK_OBJECT_BOOLEAN && r->via.boolean;
  msgpack_unpacked_destroy(&reply);
  return ok;
}

static void nvim_detach(PmServer *srv, int64_t buf) {
  pm_array_push(&table(srv)->expect_detach, buf);
  PmChannel *ch = pm_server_channel(srv);
  uint32_t id = pm_channel_request(ch, "nvim_buf_detach", 1);
  msgpack_pack_int64(pm_channel_packer(ch), buf);
  msgpack_unpacked reply;
  const msgpack_object *r;
  PmError err;
  if (!pm_nvim__wait(srv, id, "nvim_buf_detach", &reply, &r, &err))
    pm_rpc_log(pm_server_log(srv), "%s", err.message);
  msgpack_unpacked_destroy(&reply);
}

/* b:changedtick of `buf`; an answer that is not an integer is an error
 * here, since the attachment cannot tell its events apart without one. */
static bool nvim_tick(PmServer *srv, int64_t buf, int64_t *tick, PmError *err) {
  if (!pm_nvim__changedtick(srv, buf, tick, err)) return false;
  if (*tick == -1)
    return pm_error_set(err, PM_ERR_INVALID, "nvim_buf_get_changedtick: not an integer");
  return true;
}

/* Replaces lines [first, last) of `doc` with the strings of array `arr`
 * (anything else counts as no lines; a line that is no string as an empty
 * one).  The lines are borrowed from `arr` while the document copies them. */
static bool set_lines(PmBufDoc *doc, int64_t first, int64_t last,
                      const msgpack_object *arr, PmError *err) {
  uint32_t k = arr->type == MSGPACK_OBJECT_ARRAY ? arr->via.array.size : 0;
  PmBufLine *lines = pm_malloc((k ? k : 1) * sizeof *lines);
  for (uint32_t i = 0; i < k; i++) {
    const msgpack_object *l = &arr->via.array.ptr[i];
    bool str = pm_params__is_str(l);
    lines[i].s = str ? l->via.str.ptr : "";
    lines[i].len = str ? l->via.str.size : 0;
  }
  bool ok = pm_bufdoc_set_lines(doc, first, last, lines, k, err);
  pm_free(lines);
  return ok;
}

/* Appends lines [first, first + n) of the buffer to `doc` (from `first`
 * on); *got receives how many came (fewer at the end of the buffer). */
static bool fetch_lines(PmServer *srv, int64_t buf, PmBufDoc *doc,
                        int64_t first, int64_t n, uint32_t *got, PmError *err) {
  msgpack_unpacked reply;
  const msgpack_object *r;
  bool ok = pm_nvim__lines(srv, buf, first, n < 0 ? -1 : first + n, &reply, &r, err);
  if (ok) {
    uint32_t at = pm_bufdoc_line_count(doc);
    ok = set_lines(doc, at, at, r, err);
    *got = r->type == MSGPACK_OBJECT_ARRAY ? r->via.array.size : 0;
  } else {
    pm_error_prefix(err, "nvim_buf_get_lines");
  }
  msgpack_unpacked_destroy(&reply);
  return ok;
}

/* Lines fetched per request when attaching: a 10 MB buffer then never
 * travels as one 10 MB message, which the process would hold (with its
 * decoded objects) beside its own copy. */
#define FETCH_LINES 16384

/* Attaches `buf` live: nvim_buf_attach without the buffer, then the lines
 * in chunks, checked against b:changedtick before and after.  Inside an
 * rpcrequest nothing can change meanwhile; when something did (a re-attach
 * after :e! while the user types), the buffer is attached again with
 * send_buffer, ignoring line events until that whole copy arrives. */
static bool attach_live(PmServer *srv, PmBufTable *t, int64_t buf,
                        PmError *err) {
  bool ok = false;
  if (!nvim_attach(srv, buf, false, &ok, err)) return false;
  if (!ok)
    return pm_error_set(err, PM_ERR_STATE, "buffer %lld: cannot attach (not loaded)",
                        (long long)buf);
  PmAttached *a = find(t, buf); /* events wait in the queue: the table stays */
  a->live = true;
  a->dropped = -1;
  int64_t t0, t1;
  if (!nvim_tick(srv, buf, &t0, err)) return false;
  pm_bufdoc_set_lines(a->doc, 0, -1, NULL, 0, NULL);
  /* The notes' fetched copy goes first, so the two copies never coexist:
   * from now on the document is the copy they read. */
  pm_notes__text_forget(srv, buf);
  for (uint32_t got = FETCH_LINES; got == FETCH_LINES;)
    if (!fetch_lines(srv, buf, a->doc, pm_bufdoc_line_count(a->doc), FETCH_LINES,
                     &got, err))
      return false;
  if (!nvim_tick(srv, buf, &t1, err)) return false;
  a->tick = t1;
  if (t0 == t1) return true;
  pm_rpc_log(pm_server_log(srv), "buffer %lld changed while attaching; again",
             (long long)buf);
  nvim_detach(srv, buf);
  a->resync = true;
  return nvim_attach(srv, buf, true, &ok, err);
}

/* Declared in notes_rpc.h.  Only a live attachment holding the whole
 * buffer qualifies (not a view, not one waiting for a resend), and only at
 * the tick Neovim reports: line events still waiting in the queue would
 * make the copy older than the buffer. */
bool pm_server_buf_text(PmServer *srv, int64_t buf, int64_t tick, PmBuf *out) {
  PmBufTable *t = pm_server_slot(srv, PM_SERVER_SLOT_BUFFERS);
  PmAttached *a = t ? find(t, buf) : NULL;
  if (!a || !a->live || a->view || a->resync || a->stale || tick < 0 ||
      a->tick != tick)
    return false;
  pm_bufdoc_text(a->doc, out);
  return true;
}

/* Declared in handlers.h.  Makes the table on first need, as attaching
 * does. */
PmBufDoc *pm_server_buf_doc(PmServer *srv, int64_t buf) {
  PmAttached *a = find(table(srv), buf);
  return a ? a->doc : NULL;
}

/* Asks the editor to attach `buf` again (highlight.lua's _resync, which
 * detaches it, dropping this entry, and attaches it from scratch: in view
 * mode when it is now over max_bytes or max_lines). */
static void ask_resync(PmServer *srv, int64_t buf, const char *why) {
  static const char code[] =
      "return require('pressmark.highlight')._resync(...)";
  uint32_t id = pm_nvim__exec_lua(srv, code, 2);
  msgpack_packer *pk = pm_channel_packer(pm_server_channel(srv));
  msgpack_pack_int64(pk, buf);
  msgpack_pack_str(pk, strlen(why));
  msgpack_pack_str_body(pk, why, strlen(why));
  msgpack_unpacked reply;
  const msgpack_object *r;
  PmError err;
  if (!pm_nvim__wait(srv, id, "nvim_exec_lua", &reply, &r, &err))
    pm_rpc_log(pm_server_log(srv), "buffer %lld: %s", (long long)buf, err.message);
  msgpack_unpacked_destroy(&reply);
}

/* Declared in handlers.h.  A line event the channel skipped for being over
 * the message limits (a paste of millions of lines) leaves that buffer's
 * copy out of step, and later events cannot repair it: the buffer is
 * marked stale (its events ignored, nothing analysed) and the editor asked
 * to attach it again.  When the skipped notifications cannot be told apart
 * (several since the last look, or no buffer in the envelope), every live
 * buffer is; one that named another method concerns no buffer. */
void pm_server_check_drops(PmServer *srv) {
  PmBufTable *t = pm_server_slot(srv, PM_SERVER_SLOT_BUFFERS);
  if (!t) return;
  PmRpcFault last;
  uint64_t n = pm_channel_dropped(pm_server_channel(srv), &last);
  if (n == t->drops_seen) return;
  bool one = n - t->drops_seen == 1;
  t->drops_seen = n;
  bool lines = !strcmp(last.method, "nvim_buf_lines_event");
  if (one && last.method[0] && !lines) return;
  bool which = one && lines && last.has_arg0;
  PmArray(int64_t) bufs = pm_array_new();
  for (uint32_t i = 0; i < t->bufs.size; i++) {
    PmAttached *a = &t->bufs.contents[i];
    if (!a->live || a->view || a->stale || (which && a->buf != last.arg0)) continue;
    a->stale = true;
    pm_array_push(&bufs, a->buf);
  }
  /* Asked after the loop: waiting for the answers may serve events that
   * change the table. */
  for (uint32_t i = 0; i < bufs.size; i++)
    ask_resync(srv, bufs.contents[i], last.what);
  pm_array_delete(&bufs);
}

/* ---- parameters ---------------------------------------------------------- */

/* Reads {min_score = number, lang = "auto"|"fr"|"en", view = {top, bot}}. */
static bool parse_opts(const msgpack_object *o, PmAnalyzeOptions *opts,
                       bool *view, int64_t *top, int64_t *bot, PmError *err) {
  pm_analyze_options_init(opts);
  *view = false;
  if (o->type == MSGPACK_OBJECT_NIL) return true;
  if (o->type != MSGPACK_OBJECT_MAP) {
    /* An empty Lua table arrives as an array. */
    if (o->type == MSGPACK_OBJECT_ARRAY && o->via.array.size == 0) return true;
    return pm_error_set(err, PM_ERR_INVALID, "opts: expected a table");
  }
  for (uint32_t i = 0; i < o->via.map.size; i++) {
    const msgpack_object *k = &o->via.map.ptr[i].key;
    const msgpack_object *v = &o->via.map.ptr[i].val;
    int64_t n;
    if (pm_params__str_is(k, "min_score")) {
      if (v->type == MSGPACK_OBJECT_FLOAT64 || v->type == MSGPACK_OBJECT_FLOAT32)
        opts->min_score = v->via.f64;
      else if (pm_params__int(v, &n)) opts->min_score = (double)n;
      else return pm_error_set(err, PM_ERR_INVALID, "opts.min_score: expected a number");
    } else if (pm_params__str_is(k, "lang")) {
      char name[8] = "";
      if (v->type == MSGPACK_OBJECT_STR && v->via.str.size < sizeof name)
        memcpy(name, v->via.str.ptr, v->via.str.size);
      if (!pm_lang_parse(name, &opts->lang))
        return pm_error_set(err, PM_ERR_INVALID, "opts.lang: expected auto, fr or en");
    } else if (pm_params__str_is(k, "view")) {
      if (v->type != MSGPACK_OBJECT_ARRAY || v->via.array.size != 2 ||
          !pm_params__int(&v->via.array.ptr[0], top) ||
          !pm_params__int(&v->via.array.ptr[1], bot) || *top < 0 || *bot < *top)
        return pm_error_set(err, PM_ERR_INVALID,
                            "opts.view: expected {first, last} rows, 0-based, end exclusive");
      *view = true;
    }
  }
  return true;
}

/* ---- a huge buffer: only the lines in view ------------------------------- */

static bool load_view(PmServer *srv, PmAttached *a, int64_t top, int64_t bot,
                      PmError *err) {
  int64_t tick;
  if (!pm_nvim__changedtick(srv, a->buf, &tick, err)) return false;
  if (tick != -1) a->tick = tick;
  /* Everything held so far goes (its marks deleted by id), then the view. */
  pm_bufdoc_set_lines(a->doc, 0, -1, NULL, 0, NULL);
  uint32_t got;
  if (!fetch_lines(srv, a->buf, a->doc, top, bot - top, &got, err)) return false;
  pm_bufdoc_set_base_row(a->doc, (uint32_t)top);
  a->dropped = -1;
  return true;
}

/* ---- methods --------------------------------------------------------------- */

static PmObj attach_result(PmServer *srv, const PmAttached *a) {
  msgpack_zone *z = pm_server_zone(srv);
  PmObj m = pm_obj_map(z, 2);
  pm_obj_map_set(&m, 0, "buf", pm_obj_int(a->buf));
  pm_obj_map_set(&m, 1, "mode", a->view ? pm_obj_str(z, "view", 4)
                                        : pm_obj_str(z, "live", 4));
  return m;
}

/* pressmark_buf_attach(buf, opts) -> {buf, mode}: starts following `buf`.
 * Attaching an attached buffer again only applies changed options. */
PmObj pm_handle_buf_attach(PmServer *srv, const msgpack_object *params,
                           PmError *err) {
  if (!pm_params__count(params, "pressmark_buf_attach", 1, 2, err)) return pm_obj_nil();
  int64_t buf, top = 0, bot = 0;
  PmAnalyzeOptions opts;
  bool view;
  if (!pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, err) ||
      !parse_opts(params->via.array.size > 1 ? &params->via.array.ptr[1]
                                             : &(msgpack_object){.type = MSGPACK_OBJECT_NIL},
                  &opts, &view, &top, &bot, err))
    return pm_obj_nil();
  PmBufTable *t = table(srv);
  const PmLang *l = lang(t, err);
  if (!l) return pm_obj_nil();
  PmAttached *a = find(t, buf);
  if (a && a->view != view) {
    /* Live to view or back: the same document (and mark ids) holds the
     * new text, so the old marks are deleted by the next batch. */
    if (a->live) nvim_detach(srv, buf);
    a = find(t, buf); /* events wait in the queue: the table is as it was */
    a->live = false;
    a->view = view;
    pm_bufdoc_set_lines(a->doc, 0, -1, NULL, 0, NULL);
    pm_bufdoc_set_base_row(a->doc, 0);
  }
  if (a && (a->opts.lang != opts.lang || a->opts.min_score != opts.min_score)) {
    a->opts = opts;
    pm_bufdoc_set_options(a->doc, &opts);
  }
  if (!a) {
    PmAttached fresh = {.buf = buf, .opts = opts, .view = view, .dropped = -1};
    fresh.doc = pm_bufdoc_new(l, &opts);
    pm_array_push(&t->bufs, fresh);
    a = pm_array_back(&t->bufs);
  }
  if (view) {
    if (!load_view(srv, a, top, bot, err)) {
      drop(t, find(t, buf));
      return pm_obj_nil();
    }
    return attach_result(srv, a);
  }
  if (a->live) return attach_result(srv, a);
  if (!attach_live(srv, t, buf, err)) {
    a = find(t, buf);
    if (a) {
      if (a->live) nvim_detach(srv, buf);
      drop(t, a);
    }
    return pm_obj_nil();
  }
  return attach_result(srv, find(t, buf));
}

/* pressmark_buf_detach(buf) -> bool: stops following `buf` (true when it
 * was followed).  The Lua side clears the namespace itself. */
PmObj pm_handle_buf_detach(PmServer *srv, const msgpack_object *params,
                           PmError *err) {
  if (!pm_params__count(params, "pressmark_buf_detach", 1, 1, err)) return pm_obj_nil();
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, err))
    return pm_obj_nil();
  PmBufTable *t = table(srv);
  PmAttached *a = find(t, buf);
  if (!a) return pm_obj_bool(false);
  bool live = a->live;
  drop(t, a); /* before the detach event arrives, so it is ignored */
  if (live) nvim_detach(srv, buf);
  return pm_obj_bool(true);
}

/* The buffer handle of an event's first parameter. */
static PmAttached *event_buf(PmServer *srv, const msgpack_object *params,
                           uint32_t n) {
  if (params->via.array.size < n) return NULL;
  PmBufTable *t = pm_server_slot(srv, PM_SERVER_SLOT_BUFFERS);
  if (!t) return NULL;
  int64_t buf;
  PmError err;
  if (!pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, &err))
    return NULL;
  PmAttached *a = find(t, buf);
  return a && a->live ? a : NULL;
}

/* nvim_buf_lines_event(buf, changedtick, firstline, lastline, linedata,
 * more) */
PmObj pm_handle_nvim_buf_lines_event(PmServer *srv,
                                     const msgpack_object *params,
                                     PmError *err) {
  PmAttached *a = event_buf(srv, params, 6);
  if (!a || a->stale) return pm_obj_nil();
  const msgpack_object *p = params->via.array.ptr;
  int64_t first, last;
  if (!pm_params__int(&p[2], &first) || !pm_params__int(&p[3], &last) ||
      p[4].type != MSGPACK_OBJECT_ARRAY) {
    pm_error_set(err, PM_ERR_INVALID, "nvim_buf_lines_event: bad parameters");
    return pm_obj_nil();
  }
  if (a->resync) {
    if (first != 0 || last != -1) return pm_obj_nil(); /* already fetched */
    a->resync = false;
  }
  pm_params__int(&p[1], &a->tick); /* nil after some detaches: keep the last */
  if (!set_lines(a->doc, first, last, &p[4], err)) {
    /* Out of step (should not happen): ask for the whole buffer again. */
    pm_rpc_log(pm_server_log(srv), "buffer %lld: %s; attaching again",
               (long long)a->buf, err->message);
    pm_error_clear(err);
    int64_t buf = a->buf;
    a->live = false;
    nvim_detach(srv, buf);
    bool ok = false;
    PmError e2;
    a = find(pm_server_slot(srv, PM_SERVER_SLOT_BUFFERS), buf);
    if (a && nvim_attach(srv, buf, true, &ok, &e2) && ok) {
      a->live = true;
      a->resync = true;
    }
  }
  return pm_obj_nil();
}

/* nvim_buf_changedtick_event(buf, changedtick): the tick moved without a
 * text change (:w).  Batches are checked against the new tick from now. */
PmObj pm_handle_nvim_buf_changedtick_event(PmServer *srv,
                                           const msgpack_object *params,
                                           PmError *err) {
  (void)err;
  PmAttached *a = event_buf(srv, params, 2);
  if (a) pm_params__int(&params->via.array.ptr[1], &a->tick);
  return pm_obj_nil();
}

/* nvim_buf_detach_event(buf): Neovim let go of the buffer (reloaded by
 * :e!, unloaded, wiped).  Attach again; if that fails it is gone. */
PmObj pm_handle_nvim_buf_detach_event(PmServer *srv,
                                      const msgpack_object *params,
                                      PmError *err) {
  (void)err;
  PmBufTable *t = pm_server_slot(srv, PM_SERVER_SLOT_BUFFERS);
  int64_t buf;
  PmError e2;
  if (!t || params->via.array.size < 1 ||
      !pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, &e2))
    return pm_obj_nil();
  for (uint32_t i = 0; i < t->expect_detach.size; i++) {
    if (t->expect_detach.contents[i] == buf) {
      pm_array_erase(&t->expect_detach, i);
      return pm_obj_nil();
    }
  }
  PmAttached *a = find(t, buf);
  if (!a || !a->live) return pm_obj_nil();
  a->live = false;
  pm_error_clear(&e2);
  if (!attach_live(srv, t, buf, &e2)) {
    pm_rpc_log(pm_server_log(srv), "buffer %lld: detached and gone: %s",
               (long long)buf, e2.message);
    a = find(t, buf);
    if (a) {
      if (a->live) nvim_detach(srv, buf);
      drop(t, a);
    }
  }
  return pm_obj_nil();
}

/*
 * marks.c - the work attached buffers leave for when no input waits
 * (pm_server_idle, called by the serving loop): analysing what the events
 * changed and sending the marks that follow, in batches.
 *
 * Events only edit the document (handlers_buf.c); the work happens here,
 * so a burst of events (a macro, :%s, a paste) costs one analysis and one
 * batch.  A batch is one nvim_exec_lua request running
 * require('pressmark.highlight')._apply, which deletes and sets marks in
 * one go unless b:changedtick moved on meanwhile; it answers whether it
 * applied the batch, and a dropped batch is sent again after the event
 * that made it stale.  nvim_buf_changedtick_event (:w bumps the tick
 * without changing text) only updates the tick, so it never makes a batch
 * stale for good.
 */
#include <string.h>
#include <time.h>

#include "server/attached.h"
#include "server/nvim_calls.h"
#include "server/params.h"

/* Work per idle call at most: the initial analysis of a large buffer
 * arrives in slices, and input that comes meanwhile (typing) is served as
 * soon as the slice in hand is sent.  Without input the slices follow one
 * another, each one's marks applied by Neovim while the next is analysed;
 * stopping on a timer instead left Neovim idle while the process waited
 * for the last answer (about a quarter of a 10 MB open). */
#define IDLE_BUDGET_NS (1000u * 1000u * 1000u)
/* Analysis per batch within that: small enough that Neovim applying one
 * slice's marks overlaps the analysis of the next. */
#define SLICE_NS (6u * 1000u * 1000u)

static void pack_mark(const PmMark *m, void *data) {
  msgpack_packer *pk = data;
  msgpack_pack_uint32(pk, m->id);
  msgpack_pack_uint32(pk, m->row);
  msgpack_pack_uint32(pk, m->col);
  msgpack_pack_uint32(pk, m->end_row);
  msgpack_pack_uint32(pk, m->end_col);
  msgpack_pack_uint32(pk, m->group);
}

/* Sends the next batch for `a` without waiting: Neovim applies it while
 * the process analyses the next slice (two cores, two jobs).  Returns the
 * request id for finish_batch. */
static uint32_t start_batch(PmServer *srv, PmAttached *a) {
  static const char code[] =
      "return require('pressmark.highlight')._apply(...)";
  const uint32_t *del;
  size_t n_del;
  bool clear;
  size_t n_set = pm_bufdoc_batch_begin(a->doc, &clear, &del, &n_del);
  PmChannel *ch = pm_server_channel(srv);
  msgpack_packer *pk = pm_channel_packer(ch);
  uint32_t id = pm_nvim__exec_lua(srv, code, 6);
  msgpack_pack_int64(pk, a->buf);
  msgpack_pack_int64(pk, a->tick);
  if (clear) msgpack_pack_true(pk);
  else msgpack_pack_false(pk);
  msgpack_pack_array(pk, PM_HL_COUNT);
  for (unsigned g = 0; g < PM_HL_COUNT; g++) {
    const char *name = pm_bufdoc_group_name(g);
    msgpack_pack_str(pk, strlen(name));
    msgpack_pack_str_body(pk, name, strlen(name));
  }
  msgpack_pack_array(pk, (uint32_t)n_del);
  for (size_t i = 0; i < n_del; i++) msgpack_pack_uint32(pk, del[i]);
  /* Flat [id, row, col, end_row, end_col, group, ...]: six integers per
   * mark cost far less to pack and unpack than a map each. */
  msgpack_pack_array(pk, (uint32_t)(n_set * 6));
  pm_bufdoc_batch_each(a->doc, pack_mark, pk);
  PmError err;
  if (!pm_channel_flush(ch, &err)) pm_rpc_log(pm_server_log(srv), "%s", err.message);
  return id;
}

/* Waits for the answer to batch `id`; false when Neovim dropped it (the
 * text changed meanwhile) or failed, and then its marks go in a later
 * batch. */
static bool finish_batch(PmServer *srv, PmAttached *a, uint32_t id) {
  msgpack_unpacked reply;
  const msgpack_object *r;
  PmError err;
  bool applied = false;
  if (pm_nvim__wait(srv, id, "nvim_exec_lua", &reply, &r, &err)) {
    applied = r->type == MSGPACK_OBJECT_BOOLEAN && r->via.boolean;
    if (!applied && !pm_params__int(r, &a->nvim_tick)) a->nvim_tick = -1;
  } else {
    /* An error (a Lua error, a wiped buffer): retried after the next
     * event only, never in a loop. */
    pm_rpc_log(pm_server_log(srv), "buffer %lld: %s", (long long)a->buf,
               err.message);
    a->nvim_tick = -1;
  }
  msgpack_unpacked_destroy(&reply);
  pm_bufdoc_batch_done(a->doc, applied);
  if (!applied) a->dropped = a->tick;
  return applied;
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

bool pm_server_idle(PmServer *srv) {
  PmBufTable *t = pm_server_slot(srv, PM_SERVER_SLOT_BUFFERS);
  if (!t) return false;
  bool more = false;
  for (uint32_t i = 0; i < t->bufs.size; i++) {
    PmAttached *a = &t->bufs.contents[i];
    if (a->stale) continue;
    if (a->dropped == a->tick) {
      /* The editor's tick had moved on.  Every event sent before its
       * answer has been served by now (this runs only with no input
       * waiting), so a tick still ahead of ours moved without changing
       * text (reading a file, :w): take it and send again.  Otherwise
       * wait for the event that is coming. */
      if (a->nvim_tick <= a->tick) continue;
      a->tick = a->nvim_tick;
    }
    /* Slices of analysis, each one's marks flying while the next is
     * analysed; input is looked at again after IDLE_BUDGET_NS. */
    uint64_t t0 = now_ns();
    uint32_t flying = 0;
    bool done;
    for (;;) {
      done = pm_bufdoc_update(a->doc, SLICE_NS);
      if (flying && !finish_batch(srv, a, flying)) {
        flying = 0;
        break;
      }
      flying = pm_bufdoc_has_batch(a->doc) ? start_batch(srv, a) : 0;
      if (done || pm_channel_pending(pm_server_channel(srv)) ||
          now_ns() - t0 > IDLE_BUDGET_NS)
        break;
    }
    if (flying) finish_batch(srv, a, flying);
    /* Come back once the events sent before a refusal are served. */
    if (a->dropped == a->tick && a->nvim_tick > a->tick) more = true;
    if (!done) more = true;
    /* Waiting for answers may have queued events: serve them first. */
    if (pm_channel_pending(pm_server_channel(srv))) return false;
  }
  return more;
}

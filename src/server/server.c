/*
 * server.c - the serving loop of `pressmark serve`, and the state handlers
 * reach through PmServer.
 *
 * The loop takes one event at a time from the channel: messages are served
 * through the dispatch table; an oversized message gets an error reply when
 * it was a request; undecodable bytes cannot be resynchronised, so they get
 * an id-0 error, a log line and exit status 1 (Neovim does the same, see
 * its channel.c parse_msgpack); EOF ends the loop with status 0.
 */
#include "pressmark/server.h"

#include <stdio.h>

#include "pressmark/version.h"
#include "server/handlers.h"
#include "util/alloc.h"

struct PmServer {
  PmChannel *ch;
  PmRpcLog log;
  msgpack_zone zone; /* results of the request being served */
  PmRpcTypes types;
  /* State of server modules (attached buffers, notes), owned here and
   * freed with the server; see pm_server_slot. */
  void *slots[PM_SERVER_SLOT_COUNT];
  void (*slot_free[PM_SERVER_SLOT_COUNT])(void *);
};

PmServer *pm_server_new(int in_fd, int out_fd) {
  PmServer *srv = pm_calloc(1, sizeof *srv);
  pm_rpc_log_open(&srv->log);
  srv->ch = pm_channel_new(in_fd, out_fd, NULL, &srv->log);
  if (!srv->ch || !msgpack_zone_init(&srv->zone, 4096)) {
    pm_channel_free(srv->ch);
    pm_rpc_log_close(&srv->log);
    pm_free(srv);
    return NULL;
  }
  return srv;
}

void pm_server_free(PmServer *srv) {
  if (!srv) return;
  for (int i = 0; i < PM_SERVER_SLOT_COUNT; i++)
    if (srv->slots[i] && srv->slot_free[i]) srv->slot_free[i](srv->slots[i]);
  pm_channel_free(srv->ch);
  msgpack_zone_destroy(&srv->zone);
  pm_rpc_log_close(&srv->log);
  pm_free(srv);
}

msgpack_zone *pm_server_zone(PmServer *srv) { return &srv->zone; }
PmChannel *pm_server_channel(PmServer *srv) { return srv->ch; }
PmRpcLog *pm_server_log(PmServer *srv) { return &srv->log; }

void *pm_server_slot(PmServer *srv, PmServerSlot slot) {
  return srv->slots[slot];
}

void pm_server_slot_set(PmServer *srv, PmServerSlot slot, void *state,
                        void (*free_fn)(void *)) {
  srv->slots[slot] = state;
  srv->slot_free[slot] = free_fn;
}

const PmRpcTypes *pm_server_types(PmServer *srv, PmError *err) {
  if (srv->types.known) return &srv->types;
  /* Asked on first need rather than at start-up: a process that never
   * meets a handle never waits for Neovim, and start-up stays one read. */
  uint32_t id = pm_channel_request(srv->ch, "nvim_get_api_info", 0);
  msgpack_unpacked reply;
  msgpack_unpacked_init(&reply);
  const msgpack_object *result;
  bool ok = pm_channel_wait(srv->ch, id, &reply, &result, err) &&
            pm_rpc_types_parse(result, &srv->types, err);
  msgpack_unpacked_destroy(&reply);
  if (!ok) pm_error_prefix(err, "nvim_get_api_info");
  return ok ? &srv->types : NULL;
}

/* Announces the process to Neovim (nvim_set_client_info, a notification:
 * nothing to wait for).  Besides naming the channel in nvim_list_chans,
 * it matters on Neovim 0.10: for a channel whose client type it knows, a
 * response that matches no pending request (the id-0 error sent below on
 * undecodable bytes) closes the channel, where an unknown client's makes
 * Neovim 0.10.4 read an empty call stack and crash. */
static void announce(PmServer *srv) {
  msgpack_packer *pk = pm_channel_packer(srv->ch);
  static const char method[] = "nvim_set_client_info";
  msgpack_pack_array(pk, 3);
  msgpack_pack_int(pk, 2);
  msgpack_pack_str(pk, sizeof method - 1);
  msgpack_pack_str_body(pk, method, sizeof method - 1);
  msgpack_pack_array(pk, 5);
  msgpack_pack_str(pk, 9);
  msgpack_pack_str_body(pk, "pressmark", 9);
  unsigned v[3] = {0, 0, 0};
  sscanf(PM_VERSION, "%u.%u.%u", &v[0], &v[1], &v[2]);
  static const char *const part[] = {"major", "minor", "patch"};
  msgpack_pack_map(pk, 3);
  for (int i = 0; i < 3; i++) {
    msgpack_pack_str(pk, 5);
    msgpack_pack_str_body(pk, part[i], 5);
    msgpack_pack_unsigned_int(pk, v[i]);
  }
  msgpack_pack_str(pk, 11);
  msgpack_pack_str_body(pk, "msgpack-rpc", 11);
  msgpack_pack_map(pk, 0); /* methods: none announced */
  msgpack_pack_map(pk, 0); /* attributes */
  PmError err;
  if (!pm_channel_flush(srv->ch, &err)) pm_rpc_log(&srv->log, "%s", err.message);
}

int pm_server_run(PmServer *srv) {
  msgpack_unpacked msg;
  msgpack_unpacked_init(&msg);
  msgpack_packer *pk = pm_channel_packer(srv->ch);
  int status = 0;
  announce(srv);
  for (;;) {
    PmRpcFault fault;
    PmChannelEvent ev = pm_channel_next(srv->ch, &msg, &fault);
    if (ev == PM_CHANNEL_MESSAGE) {
      pm_rpc_serve(srv, srv->ch, &msg.data, &srv->log);
      msgpack_zone_clear(&srv->zone);
      /* Work that events left (analysis, marks to send) waits until the
       * input is drained, so a burst of edits costs one batch.  The
       * message goes first: a full buffer's event need not stay alive. */
      msgpack_unpacked_destroy(&msg);
      msgpack_unpacked_init(&msg);
      pm_server_check_drops(srv); /* skipped while a call waited */
      while (!pm_channel_pending(srv->ch) && pm_server_idle(srv)) {
      }
      continue;
    }
    if (ev == PM_CHANNEL_TOO_BIG) {
      char text[300];
      snprintf(text, sizeof text, "Message too large: %s", fault.what);
      pm_rpc_log(&srv->log, "skipped a message at byte %llu: %s",
                 (unsigned long long)fault.offset, fault.what);
      if (fault.has_id) pm_rpc_pack_error(pk, fault.id, 1, text);
      else pm_server_check_drops(srv);
      continue;
    }
    if (ev == PM_CHANNEL_FATAL) {
      char text[300];
      snprintf(text, sizeof text, "Invalid msgpack at byte %llu: %s",
               (unsigned long long)fault.offset, fault.what);
      pm_rpc_log(&srv->log, "%s; exiting", text);
      pm_rpc_pack_error(pk, 0, 1, text);
      status = 1;
    }
    break; /* EOF or fatal */
  }
  PmError err;
  if (!pm_channel_flush(srv->ch, &err) && status == 0)
    pm_rpc_log(&srv->log, "%s", err.message);
  msgpack_unpacked_destroy(&msg);
  return status;
}

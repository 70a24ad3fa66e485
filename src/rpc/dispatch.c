/*
 * dispatch.c - serves one decoded message: envelope checks, the method
 * table, the response.
 *
 * The envelope is validated first with one message per fault, after
 * Neovim's msgpack_rpc_validate: a request gets an error reply naming the
 * fault, a notification is logged and skipped, and either way the process
 * keeps serving.  Wire error codes follow Neovim's error types: 0 for a
 * failure while doing the work (exception), 1 for a message or parameters
 * that are wrong (validation).
 */
#include <stdio.h>
#include <string.h>

#include "pressmark/rpc.h"
#include "server/handlers.h"

typedef struct {
  const char *name;
  PmRpcHandler handler;
} Method;

/*
 * The method table, sorted by name (bsearch; a unit test checks the order).
 * To add methods: write them in a new file src/server/handlers_<noun>.c
 * (e.g. handlers_buf.c), declare them in src/server/handlers.h, and add one
 * row each here, keeping the order.  Names follow pressmark_{noun}_{verb}
 * with Neovim's verbs (get, set, del, ...).  Document each in README.md
 * ("RPC protocol") and doc/pressmark.txt (|pressmark-rpc|).
 */
static const Method methods[] = {
    {"nvim_buf_changedtick_event", pm_handle_nvim_buf_changedtick_event},
    {"nvim_buf_detach_event", pm_handle_nvim_buf_detach_event},
    {"nvim_buf_lines_event", pm_handle_nvim_buf_lines_event},
    {"pressmark_analysis_get", pm_handle_analysis_get},
    {"pressmark_article_hash", pm_handle_article_hash},
    {"pressmark_buf_attach", pm_handle_buf_attach},
    {"pressmark_buf_detach", pm_handle_buf_detach},
    {"pressmark_buf_stats_get", pm_handle_buf_stats_get},
    {"pressmark_item_get", pm_handle_item_get},
    {"pressmark_items_get", pm_handle_items_get},
    {"pressmark_note_del", pm_handle_note_del},
    {"pressmark_note_set", pm_handle_note_set},
    {"pressmark_ping", pm_handle_ping},
    {"pressmark_sidecar_check", pm_handle_sidecar_check},
    {"pressmark_sidecar_detach", pm_handle_sidecar_detach},
    {"pressmark_sidecar_load", pm_handle_sidecar_load},
    {"pressmark_version_get", pm_handle_version_get},
};

#define N_METHODS (sizeof methods / sizeof *methods)

size_t pm_rpc_method_count(void) { return N_METHODS; }

const char *pm_rpc_method_name(size_t i) {
  return i < N_METHODS ? methods[i].name : NULL;
}

PmRpcHandler pm_rpc_handler_find(const char *name, size_t len) {
  size_t lo = 0, hi = N_METHODS;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *m = methods[mid].name;
    size_t mlen = strlen(m);
    int c = memcmp(m, name, mlen < len ? mlen : len);
    if (c == 0) c = mlen < len ? -1 : mlen > len ? 1 : 0;
    if (c == 0) return methods[mid].handler;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

void pm_rpc_pack_error(msgpack_packer *pk, uint32_t id, int code,
                       const char *message) {
  size_t len = strlen(message);
  msgpack_pack_array(pk, 4);
  msgpack_pack_uint32(pk, 1);
  msgpack_pack_uint32(pk, id);
  msgpack_pack_array(pk, 2);
  msgpack_pack_int(pk, code);
  msgpack_pack_str(pk, len);
  msgpack_pack_str_body(pk, message, len);
  msgpack_pack_nil(pk);
}

/* Checks the envelope; fills `why` and returns false on the first fault. */
static bool validate(const msgpack_object *msg, char *why, size_t size) {
  if (msg->type != MSGPACK_OBJECT_ARRAY) {
    snprintf(why, size, "Message is not an array");
    return false;
  }
  uint32_t n = msg->via.array.size;
  const msgpack_object *o = msg->via.array.ptr;
  if (n == 0) {
    snprintf(why, size, "Message is empty");
    return false;
  }
  if (o[0].type != MSGPACK_OBJECT_POSITIVE_INTEGER || o[0].via.u64 > 2) {
    snprintf(why, size, "Message type must be 0, 1 or 2");
    return false;
  }
  uint64_t type = o[0].via.u64;
  if (type == 1) return true; /* responses are checked by the waiter */
  if ((type == 0 && n != 4) || (type == 2 && n != 3)) {
    snprintf(why, size, "%s must be an array of size %d",
             type == 0 ? "Request" : "Notification", type == 0 ? 4 : 3);
    return false;
  }
  if (type == 0 && (o[1].type != MSGPACK_OBJECT_POSITIVE_INTEGER ||
                    o[1].via.u64 > UINT32_MAX)) {
    snprintf(why, size, "Id must be a positive integer");
    return false;
  }
  const msgpack_object *method = &o[type == 0 ? 2 : 1];
  if (method->type != MSGPACK_OBJECT_STR && method->type != MSGPACK_OBJECT_BIN) {
    snprintf(why, size, "Method must be a string");
    return false;
  }
  if (o[type == 0 ? 3 : 2].type != MSGPACK_OBJECT_ARRAY) {
    snprintf(why, size, "Params must be an array");
    return false;
  }
  return true;
}

/* The request id if the message looks like a request with a usable id. */
static bool request_id(const msgpack_object *msg, uint32_t *id) {
  if (msg->type != MSGPACK_OBJECT_ARRAY || msg->via.array.size < 2) return false;
  const msgpack_object *o = msg->via.array.ptr;
  if (o[0].type != MSGPACK_OBJECT_POSITIVE_INTEGER || o[0].via.u64 != 0)
    return false;
  if (o[1].type != MSGPACK_OBJECT_POSITIVE_INTEGER || o[1].via.u64 > UINT32_MAX)
    return false;
  *id = (uint32_t)o[1].via.u64;
  return true;
}

void pm_rpc_serve(PmServer *srv, PmChannel *ch, const msgpack_object *msg,
                  PmRpcLog *log) {
  msgpack_packer *pk = pm_channel_packer(ch);
  char why[600];
  uint32_t id = 0;
  bool is_request = request_id(msg, &id);
  if (!validate(msg, why, sizeof why)) {
    if (is_request) pm_rpc_pack_error(pk, id, 1, why);
    else pm_rpc_log(log, "skipping a bad message: %s", why);
    return;
  }
  const msgpack_object *o = msg->via.array.ptr;
  if (o[0].via.u64 == 1) {
    pm_rpc_log(log, "skipping a response nobody waits for");
    return;
  }
  const msgpack_object *m = &o[is_request ? 2 : 1];
  const msgpack_object *params = &o[is_request ? 3 : 2];
  const char *name = m->via.str.ptr; /* str and bin share the layout */
  size_t len = m->via.str.size;
  PmRpcHandler h = pm_rpc_handler_find(name, len);
  if (!h) {
    snprintf(why, sizeof why, "Invalid method: %.*s", (int)(len > 200 ? 200 : len),
             name);
    if (is_request) pm_rpc_pack_error(pk, id, 1, why);
    else pm_rpc_log(log, "skipping a notification: %s", why);
    return;
  }
  PmError err;
  pm_error_clear(&err);
  PmObj result = h(srv, params, &err);
  if (err.code != PM_OK) {
    int code = err.code == PM_ERR_INVALID || err.code == PM_ERR_PARSE ? 1 : 0;
    if (is_request) pm_rpc_pack_error(pk, id, code, err.message);
    else pm_rpc_log(log, "notification %.*s failed: %s", (int)len, name,
                    err.message);
    return;
  }
  if (!is_request) return;
  msgpack_pack_array(pk, 4);
  msgpack_pack_uint32(pk, 1);
  msgpack_pack_uint32(pk, id);
  msgpack_pack_nil(pk);
  msgpack_pack_object(pk, result);
}

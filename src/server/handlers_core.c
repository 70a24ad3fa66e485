/*
 * handlers_core.c - the process's own methods: liveness, version, and
 * buffer statistics, the last of which calls back into Neovim while it
 * serves a request (the no-deadlock path, see src/rpc/channel.c).
 */
#include <string.h>

#include "pressmark/version.h"
#include "server/handlers.h"
#include "server/nvim_calls.h"
#include "server/params.h"

bool pm_server_buffer_arg(PmServer *srv, const msgpack_object *o,
                          int64_t *handle, PmError *err) {
  if (o->type == MSGPACK_OBJECT_POSITIVE_INTEGER && o->via.u64 > 0 &&
      o->via.u64 <= INT32_MAX) {
    *handle = (int64_t)o->via.u64;
    return true;
  }
  bool current = o->type == MSGPACK_OBJECT_POSITIVE_INTEGER && o->via.u64 == 0;
  if (!current && o->type != MSGPACK_OBJECT_EXT)
    return pm_error_set(err, PM_ERR_INVALID,
                        "buffer: expected a buffer number or handle");
  const PmRpcTypes *t = pm_server_types(srv, err);
  if (!t) return false;
  if (!current) {
    if (!pm_rpc_handle_get(o, t->buffer, handle))
      return pm_error_set(err, PM_ERR_INVALID, "buffer: not a Buffer handle");
    return true;
  }
  PmChannel *ch = pm_server_channel(srv);
  uint32_t id = pm_channel_request(ch, "nvim_get_current_buf", 0);
  msgpack_unpacked reply;
  msgpack_unpacked_init(&reply);
  const msgpack_object *r;
  bool ok = pm_channel_wait(ch, id, &reply, &r, err);
  if (ok && !pm_rpc_handle_get(r, t->buffer, handle))
    ok = pm_error_set(err, PM_ERR_INVALID,
                      "nvim_get_current_buf: reply is not a Buffer");
  msgpack_unpacked_destroy(&reply);
  return ok;
}

PmObj pm_handle_ping(PmServer *srv, const msgpack_object *params,
                     PmError *err) {
  (void)params;
  (void)err;
  return pm_obj_str(pm_server_zone(srv), "pong", 4);
}

PmObj pm_handle_version_get(PmServer *srv, const msgpack_object *params,
                            PmError *err) {
  (void)params;
  (void)err;
  PmObj m = pm_obj_map(pm_server_zone(srv), 2);
  pm_obj_map_set(&m, 0, "version",
                 pm_obj_str(pm_server_zone(srv), PM_VERSION, strlen(PM_VERSION)));
  pm_obj_map_set(&m, 1, "api_level", pm_obj_int(PM_API_LEVEL));
  return m;
}

/* pressmark_buf_stats_get(buf) -> {buf, lines, bytes}: asks Neovim for the
 * buffer's lines; bytes counts a newline after every line. */
PmObj pm_handle_buf_stats_get(PmServer *srv, const msgpack_object *params,
                              PmError *err) {
  if (!pm_params__count(params, "pressmark_buf_stats_get", 1, 1, err))
    return pm_obj_nil();
  int64_t buf;
  if (!pm_server_buffer_arg(srv, &params->via.array.ptr[0], &buf, err))
    return pm_obj_nil();
  /* All lines in one call, unlike the chunked fetches elsewhere: this is a
   * diagnostic, and a buffer too large for one reply fails with the
   * channel's message naming the limit. */
  msgpack_unpacked reply;
  const msgpack_object *lines;
  PmObj out = pm_obj_nil();
  if (pm_nvim__lines(srv, buf, 0, -1, &reply, &lines, err)) {
    if (lines->type != MSGPACK_OBJECT_ARRAY) {
      pm_error_set(err, PM_ERR_INVALID, "nvim_buf_get_lines: not an array");
    } else {
      uint64_t bytes = 0;
      uint32_t bad = UINT32_MAX;
      for (uint32_t i = 0; i < lines->via.array.size && bad == UINT32_MAX; i++) {
        const msgpack_object *l = &lines->via.array.ptr[i];
        /* Anything but a string would be counted from the wrong union
         * member: refuse it rather than report a made-up size. */
        if (!pm_params__is_str(l)) bad = i;
        else bytes += l->via.str.size + 1u;
      }
      if (bad != UINT32_MAX) {
        pm_error_set(err, PM_ERR_INVALID,
                     "nvim_buf_get_lines: line %u is not a string", bad + 1);
        msgpack_unpacked_destroy(&reply);
        return out;
      }
      out = pm_obj_map(pm_server_zone(srv), 3);
      pm_obj_map_set(&out, 0, "buf", pm_obj_int(buf));
      pm_obj_map_set(&out, 1, "lines", pm_obj_int(lines->via.array.size));
      pm_obj_map_set(&out, 2, "bytes", pm_obj_int((int64_t)bytes));
    }
  } else {
    pm_error_prefix(err, "nvim_buf_get_lines");
  }
  msgpack_unpacked_destroy(&reply);
  return out;
}

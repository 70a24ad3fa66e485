/*
 * nvim_calls.c - requests to Neovim shared by the server's files (see
 * nvim_calls.h): one place packs each request, so the attached buffers,
 * the notes and the statistics ask for lines and ticks the same way.
 */
#include "server/nvim_calls.h"

#include <string.h>

#include "server/params.h"

bool pm_nvim__wait(PmServer *srv, uint32_t id, const char *method,
                   msgpack_unpacked *reply, const msgpack_object **result,
                   PmError *err) {
  msgpack_unpacked_init(reply);
  if (pm_channel_wait(pm_server_channel(srv), id, reply, result, err)) return true;
  pm_error_prefix(err, method);
  return false;
}

bool pm_nvim__changedtick(PmServer *srv, int64_t buf, int64_t *tick,
                          PmError *err) {
  PmChannel *ch = pm_server_channel(srv);
  uint32_t id = pm_channel_request(ch, "nvim_buf_get_changedtick", 1);
  msgpack_pack_int64(pm_channel_packer(ch), buf);
  msgpack_unpacked reply;
  const msgpack_object *r;
  bool ok = pm_nvim__wait(srv, id, "nvim_buf_get_changedtick", &reply, &r, err);
  if (ok && !pm_params__int(r, tick)) *tick = -1;
  msgpack_unpacked_destroy(&reply);
  return ok;
}

bool pm_nvim__lines(PmServer *srv, int64_t buf, int64_t first, int64_t end,
                    msgpack_unpacked *reply, const msgpack_object **lines,
                    PmError *err) {
  PmChannel *ch = pm_server_channel(srv);
  msgpack_packer *pk = pm_channel_packer(ch);
  uint32_t id = pm_channel_request(ch, "nvim_buf_get_lines", 4);
  msgpack_pack_int64(pk, buf);
  msgpack_pack_int64(pk, first);
  msgpack_pack_int64(pk, end);
  msgpack_pack_false(pk);
  msgpack_unpacked_init(reply);
  return pm_channel_wait(ch, id, reply, lines, err);
}

uint32_t pm_nvim__exec_lua(PmServer *srv, const char *code, uint32_t nargs) {
  PmChannel *ch = pm_server_channel(srv);
  msgpack_packer *pk = pm_channel_packer(ch);
  uint32_t id = pm_channel_request(ch, "nvim_exec_lua", 2);
  size_t n = strlen(code);
  msgpack_pack_str(pk, n);
  msgpack_pack_str_body(pk, code, n);
  msgpack_pack_array(pk, nargs);
  return id;
}

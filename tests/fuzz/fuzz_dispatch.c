/*
 * fuzz_dispatch.c - the whole serving loop (`pressmark serve`) on arbitrary
 * input: channel, decoder, envelope checks, method table and handlers.
 *
 * The input is the byte stream Neovim would send, in a temporary file read
 * as the server's stdin, so a handler that calls back into Neovim
 * (pressmark_buf_stats_get, pressmark_buf_attach, the batches of marks)
 * reads its reply from the same bytes, or meets EOF.  The server's output goes to a second temporary file, which is then
 * decoded and checked: every message written is a whole msgpack-RPC
 * message, a response [1, id, error, result] with error nil or
 * [code, message] or a request to Neovim [0, id, method, params].
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "pressmark/rpc.h"
#include "pressmark/server.h"
#include "server/handlers.h"

static void check_output(FILE *f) {
  long size = ftell(f);
  FUZZ_FAIL_IF(size < 0);
  rewind(f);
  msgpack_unpacker up;
  FUZZ_FAIL_IF(!msgpack_unpacker_init(&up, (size_t)size + 16));
  FUZZ_FAIL_IF(fread(msgpack_unpacker_buffer(&up), 1, (size_t)size, f) != (size_t)size);
  msgpack_unpacker_buffer_consumed(&up, (size_t)size);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  msgpack_unpack_return r;
  while ((r = msgpack_unpacker_next(&up, &m)) == MSGPACK_UNPACK_SUCCESS) {
    const msgpack_object *o = &m.data;
    FUZZ_FAIL_IF(o->type != MSGPACK_OBJECT_ARRAY || o->via.array.size != 4);
    const msgpack_object *a = o->via.array.ptr;
    FUZZ_FAIL_IF(a[0].type != MSGPACK_OBJECT_POSITIVE_INTEGER);
    FUZZ_FAIL_IF(a[1].type != MSGPACK_OBJECT_POSITIVE_INTEGER);
    if (a[0].via.u64 == 0) { /* a call to Neovim */
      FUZZ_FAIL_IF(a[2].type != MSGPACK_OBJECT_STR);
      FUZZ_FAIL_IF(a[3].type != MSGPACK_OBJECT_ARRAY);
    } else if (a[0].via.u64 == 1) {
      if (a[2].type == MSGPACK_OBJECT_ARRAY) {
        const msgpack_object *e = a[2].via.array.ptr;
        FUZZ_FAIL_IF(a[2].via.array.size != 2);
        FUZZ_FAIL_IF(e[0].type != MSGPACK_OBJECT_POSITIVE_INTEGER || e[0].via.u64 > 1);
        FUZZ_FAIL_IF(e[1].type != MSGPACK_OBJECT_STR || e[1].via.str.size == 0);
      } else {
        FUZZ_FAIL_IF(a[2].type != MSGPACK_OBJECT_NIL);
      }
    } else {
      FUZZ_FAIL_IF(a[0].via.u64 > 1);
    }
  }
  FUZZ_FAIL_IF(r != MSGPACK_UNPACK_CONTINUE); /* output ends on a message */
  FUZZ_FAIL_IF(up.used != up.off);            /* and holds no partial one */
  msgpack_unpacked_destroy(&m);
  msgpack_unpacker_destroy(&up);
}

/* The serving loop of pm_server_run, except that the idle work (analysis,
 * batches of marks) runs after every message, as if no input were waiting
 * each time: pm_server_run polls the descriptor, which a file always
 * satisfies, so it would never idle here.  Idle calls to Neovim read their
 * replies from the same input. */
static int serve(PmServer *srv) {
  PmChannel *ch = pm_server_channel(srv);
  msgpack_unpacked msg;
  msgpack_unpacked_init(&msg);
  int status = 0;
  for (;;) {
    PmRpcFault fault;
    PmChannelEvent ev = pm_channel_next(ch, &msg, &fault);
    if (ev == PM_CHANNEL_TOO_BIG) {
      if (fault.has_id) pm_rpc_pack_error(pm_channel_packer(ch), fault.id, 1, "too big");
      continue;
    }
    if (ev != PM_CHANNEL_MESSAGE) {
      status = ev == PM_CHANNEL_FATAL;
      break;
    }
    pm_rpc_serve(srv, ch, &msg.data, pm_server_log(srv));
    msgpack_zone_clear(pm_server_zone(srv));
    msgpack_unpacked_destroy(&msg);
    msgpack_unpacked_init(&msg);
    /* Idle work is bounded per call and must end: a livelock here would
     * spin the real process whenever its input is quiet. */
    int rounds = 0;
    while (pm_server_idle(srv)) FUZZ_FAIL_IF(++rounds > 100000);
  }
  pm_channel_flush(ch, NULL);
  msgpack_unpacked_destroy(&msg);
  return status;
}

static bool mentions(const uint8_t *data, size_t size, const char *what) {
  size_t n = strlen(what);
  for (size_t i = 0; i + n <= size; i++)
    if (!memcmp(data + i, what, n)) return true;
  return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* Loading a sidecar takes an article path from the input, and saving a
   * note then writes beside it: anywhere on this machine.  Such inputs are
   * left out (a method name cannot be split, so this catches every call);
   * the note methods are tested in tests/shell and tests/e2e. */
  if (mentions(data, size, "pressmark_sidecar_load") ||
      mentions(data, size, "pressmark_article_hash"))
    return 0;
  /* Log lines would flood the fuzzer's output; language files come from
   * the checkout (make fuzz and the replay run from its root). */
  setenv("PRESSMARK_LOG", "/dev/null", 1);
  setenv("PRESSMARK_LANG_DIR", "lang", 0);
  FILE *in = tmpfile(), *out = tmpfile();
  FUZZ_FAIL_IF(!in || !out);
  FUZZ_FAIL_IF(size && fwrite(data, 1, size, in) != size);
  fflush(in);
  rewind(in);
  PmServer *srv = pm_server_new(fileno(in), fileno(out));
  FUZZ_FAIL_IF(!srv);
  serve(srv);
  pm_server_free(srv);
  FUZZ_FAIL_IF(fseek(out, 0, SEEK_END) != 0);
  check_output(out);
  fclose(in);
  fclose(out);
  return 0;
}

/*
 * fuzz_dispatch.c - the whole serving loop (`pressmark serve`) on arbitrary
 * input: channel, decoder, envelope checks, method table and handlers.
 *
 * The input is the byte stream Neovim would send, in a temporary file read
 * as the server's stdin, so a handler that calls back into Neovim
 * (pressmark_buf_stats_get) reads its reply from the same bytes, or meets
 * EOF.  The server's output goes to a second temporary file, which is then
 * decoded and checked: every message written is a whole msgpack-RPC
 * message, a response [1, id, error, result] with error nil or
 * [code, message] or a request to Neovim [0, id, method, params], and the
 * exit status is 0 or 1.
 */
#include <stdint.h>

#include "fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pressmark/rpc.h"
#include "pressmark/server.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* Log lines would flood the fuzzer's output. */
  setenv("PRESSMARK_LOG", "/dev/null", 1);
  FILE *in = tmpfile(), *out = tmpfile();
  FUZZ_FAIL_IF(!in || !out);
  FUZZ_FAIL_IF(size && fwrite(data, 1, size, in) != size);
  fflush(in);
  rewind(in);
  PmServer *srv = pm_server_new(fileno(in), fileno(out));
  FUZZ_FAIL_IF(!srv);
  int status = pm_server_run(srv);
  pm_server_free(srv);
  FUZZ_FAIL_IF(status != 0 && status != 1);
  FUZZ_FAIL_IF(fseek(out, 0, SEEK_END) != 0);
  check_output(out);
  fclose(in);
  fclose(out);
  return 0;
}

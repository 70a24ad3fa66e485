/* test_rpc_dispatch.c - the serving loop end to end over pipes: envelope
 * checks, unknown methods, size limits, undecodable input, exit status, and
 * the channel queueing requests while it waits for the peer's reply. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pressmark/rpc.h"
#include "pressmark/server.h"
#include "pressmark/version.h"
#include "test.h"

/* Runs a server on `in` (n bytes, then EOF) and returns its status; the
 * output is decoded into `out` (up to max messages), count in *count. */
typedef struct {
  msgpack_unpacked msg[16];
  int count;
  char raw[65536];
  size_t raw_len;
  bool announced; /* the first message was the announcement */
} Output;

static bool is_announcement(const msgpack_object *o) {
  static const char m[] = "nvim_set_client_info";
  return o->type == MSGPACK_OBJECT_ARRAY && o->via.array.size == 3 &&
         o->via.array.ptr[0].type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
         o->via.array.ptr[0].via.u64 == 2 &&
         o->via.array.ptr[1].type == MSGPACK_OBJECT_STR &&
         o->via.array.ptr[1].via.str.size == sizeof m - 1 &&
         !memcmp(o->via.array.ptr[1].via.str.ptr, m, sizeof m - 1);
}

static int serve(const char *in, size_t n, Output *out) {
  int pin[2], pout[2];
  if (pipe(pin) || pipe(pout)) abort();
  if (write(pin[1], in, n) != (ssize_t)n) abort();
  close(pin[1]);
  PmServer *srv = pm_server_new(pin[0], pout[1]);
  int status = pm_server_run(srv);
  pm_server_free(srv);
  close(pin[0]);
  close(pout[1]);
  out->raw_len = 0;
  ssize_t r;
  while ((r = read(pout[0], out->raw + out->raw_len,
                   sizeof out->raw - out->raw_len)) > 0)
    out->raw_len += (size_t)r;
  close(pout[0]);
  size_t off = 0;
  out->count = 0;
  while (out->count < 16) {
    msgpack_unpacked_init(&out->msg[out->count]);
    if (msgpack_unpack_next(&out->msg[out->count], out->raw, out->raw_len,
                            &off) != MSGPACK_UNPACK_SUCCESS) {
      msgpack_unpacked_destroy(&out->msg[out->count]);
      break;
    }
    out->count++;
  }
  /* Every output starts with the announcement (nvim_set_client_info,
   * checked in serve_announces_itself_first): the checks below count the
   * messages after it. */
  out->announced = out->count > 0 && is_announcement(&out->msg[0].data);
  if (out->announced) {
    msgpack_unpacked_destroy(&out->msg[0]);
    memmove(&out->msg[0], &out->msg[1], (size_t)(out->count - 1) * sizeof out->msg[0]);
    out->count--;
  }
  return status;
}

static void output_free(Output *out) {
  for (int i = 0; i < out->count; i++) msgpack_unpacked_destroy(&out->msg[i]);
}

/* Checks that message i is [1, id, [code, text...], nil] with `text` in the
 * message. */
static void check_error(Output *out, int i, uint32_t id, int code,
                        const char *text) {
  CHECK(i < out->count);
  if (i >= out->count) return;
  const msgpack_object *o = &out->msg[i].data;
  CHECK_EQ_INT(o->via.array.size, 4);
  CHECK_EQ_INT(o->via.array.ptr[0].via.u64, 1);
  CHECK_EQ_INT(o->via.array.ptr[1].via.u64, id);
  const msgpack_object *e = &o->via.array.ptr[2];
  CHECK_EQ_INT(e->type, MSGPACK_OBJECT_ARRAY);
  if (e->type != MSGPACK_OBJECT_ARRAY) return;
  CHECK_EQ_INT(e->via.array.ptr[0].via.i64, code);
  char msg[300];
  snprintf(msg, sizeof msg, "%.*s", (int)e->via.array.ptr[1].via.str.size,
           e->via.array.ptr[1].via.str.ptr);
  if (!strstr(msg, text)) printf("#   got error \"%s\"\n", msg);
  CHECK(strstr(msg, text) != NULL);
  CHECK_EQ_INT(o->via.array.ptr[3].type, MSGPACK_OBJECT_NIL);
}

static void check_result_str(Output *out, int i, uint32_t id, const char *s) {
  CHECK(i < out->count);
  if (i >= out->count) return;
  const msgpack_object *o = &out->msg[i].data;
  CHECK_EQ_INT(o->via.array.ptr[1].via.u64, id);
  CHECK_EQ_INT(o->via.array.ptr[2].type, MSGPACK_OBJECT_NIL);
  const msgpack_object *r = &o->via.array.ptr[3];
  CHECK_EQ_INT(r->type, MSGPACK_OBJECT_STR);
  CHECK(r->via.str.size == strlen(s) && !memcmp(r->via.str.ptr, s, strlen(s)));
}

#define S(lit) lit, sizeof lit - 1

static void method_table_is_sorted_and_found(void) {
  size_t n = pm_rpc_method_count();
  CHECK(n >= 3);
  for (size_t i = 1; i < n; i++)
    CHECK(strcmp(pm_rpc_method_name(i - 1), pm_rpc_method_name(i)) < 0);
  for (size_t i = 0; i < n; i++)
    CHECK(pm_rpc_handler_find(pm_rpc_method_name(i),
                              strlen(pm_rpc_method_name(i))) != NULL);
  CHECK(pm_rpc_handler_find("pressmark_pin", 13) == NULL);
  CHECK(pm_rpc_handler_find("pressmark_pingx", 15) == NULL);
}

static void ping_answers_pong_and_eof_exits_zero(void) {
  Output out;
  CHECK_EQ_INT(serve(S("\x94\x00\x05\xaepressmark_ping\x90"), &out), 0);
  CHECK_EQ_INT(out.count, 1);
  check_result_str(&out, 0, 5, "pong");
  output_free(&out);
}

static bool str_is(const msgpack_object *o, const char *s) {
  return o->type == MSGPACK_OBJECT_STR && o->via.str.size == strlen(s) &&
         !memcmp(o->via.str.ptr, s, strlen(s));
}

/* Neovim learns the client's name and type before anything else (0.10
 * needs the type to survive a stray response, see server.c). */
static void serve_announces_itself_first(void) {
  Output out;
  CHECK_EQ_INT(serve(S("\x94\x00\x05\xaepressmark_ping\x90"), &out), 0);
  CHECK(out.announced);
  CHECK_EQ_INT(out.count, 1);
  output_free(&out);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  size_t off = 0;
  CHECK(msgpack_unpack_next(&m, out.raw, out.raw_len, &off) == MSGPACK_UNPACK_SUCCESS);
  const msgpack_object *p = &m.data.via.array.ptr[2];
  CHECK_EQ_INT(p->type, MSGPACK_OBJECT_ARRAY);
  if (p->type == MSGPACK_OBJECT_ARRAY && p->via.array.size == 5) {
    CHECK(str_is(&p->via.array.ptr[0], "pressmark"));
    const msgpack_object *v = &p->via.array.ptr[1];
    CHECK_EQ_INT(v->type, MSGPACK_OBJECT_MAP);
    if (v->type == MSGPACK_OBJECT_MAP && v->via.map.size == 3) {
      char got[32];
      snprintf(got, sizeof got, "%llu.%llu.%llu",
               (unsigned long long)v->via.map.ptr[0].val.via.u64,
               (unsigned long long)v->via.map.ptr[1].val.via.u64,
               (unsigned long long)v->via.map.ptr[2].val.via.u64);
      CHECK_EQ_STR(got, PM_VERSION);
      CHECK(str_is(&v->via.map.ptr[0].key, "major"));
    } else {
      CHECK(false);
    }
    CHECK(str_is(&p->via.array.ptr[2], "msgpack-rpc"));
  } else {
    CHECK(false);
  }
  msgpack_unpacked_destroy(&m);
}

static void version_get_returns_version_and_api_level(void) {
  Output out;
  CHECK_EQ_INT(serve(S("\x94\x00\x01\xb5pressmark_version_get\x90"), &out), 0);
  CHECK_EQ_INT(out.count, 1);
  const msgpack_object *r = &out.msg[0].data.via.array.ptr[3];
  CHECK_EQ_INT(r->type, MSGPACK_OBJECT_MAP);
  CHECK_EQ_INT(r->via.map.size, 2);
  CHECK(!memcmp(r->via.map.ptr[0].key.via.str.ptr, "version", 7));
  CHECK(!memcmp(r->via.map.ptr[1].key.via.str.ptr, "api_level", 9));
  CHECK_EQ_INT(r->via.map.ptr[1].val.via.u64, 1);
  output_free(&out);
}

static void every_envelope_fault_gets_its_own_message(void) {
  Output out;
  /* Requests (with an id) get replies; the faults that hide the id are
   * logged; the process keeps serving to the final ping. */
  static const char in[] =
      "\x94\x00\x01\xa3" "foo\x90"          /* unknown method */
      "\x93\x00\x02\xa1m"                   /* request of size 3 */
      "\x94\x00\x03\x05\x90"                /* method not a string */
      "\x94\x00\x04\xa1m\x05"               /* params not an array */
      "\x94\x00\xa1x\xa1m\x90"              /* id not an integer: logged */
      "\x94\x00\xff\xa1m\x90"               /* negative id: logged */
      "\xa5hello"                           /* not an array: logged */
      "\x90"                                /* empty: logged */
      "\x94\x07\x01\xa1m\x90"               /* type 7: logged */
      "\x93\x02\xa3" "bar\x90"              /* notification, unknown: logged */
      "\x94\x01\x09\xc0\xc0"                /* response nobody waits for */
      "\x94\x00\x06\xaepressmark_ping\x90";
  CHECK_EQ_INT(serve(in, sizeof in - 1, &out), 0);
  CHECK_EQ_INT(out.count, 5);
  check_error(&out, 0, 1, 1, "Invalid method: foo");
  check_error(&out, 1, 2, 1, "Request must be an array of size 4");
  check_error(&out, 2, 3, 1, "Method must be a string");
  check_error(&out, 3, 4, 1, "Params must be an array");
  check_result_str(&out, 4, 6, "pong");
  output_free(&out);
}

static void wrong_params_get_a_validation_error(void) {
  Output out;
  static const char in[] = "\x94\x00\x02\xb7pressmark_buf_stats_get\x92\x01\x02"
                           "\x94\x00\x03\xb7pressmark_buf_stats_get\x91\xa1x";
  CHECK_EQ_INT(serve(in, sizeof in - 1, &out), 0);
  CHECK_EQ_INT(out.count, 2);
  check_error(&out, 0, 2, 1, "expected 1 argument, got 2");
  check_error(&out, 1, 3, 1, "buffer: expected a buffer number");
  output_free(&out);
}

static void undecodable_bytes_get_id0_error_and_exit_1(void) {
  Output out;
  static const char in[] = "\x94\x00\x05\xaepressmark_ping\x90"
                           "\xc1"
                           "\x94\x00\x06\xaepressmark_ping\x90";
  CHECK_EQ_INT(serve(in, sizeof in - 1, &out), 1);
  CHECK_EQ_INT(out.count, 2);
  check_result_str(&out, 0, 5, "pong");
  check_error(&out, 1, 0, 1, "Invalid msgpack at byte 19");
  output_free(&out);
}

static void oversized_request_gets_error_and_serving_continues(void) {
  /* 40 MiB string param: over the 32 MiB default limit. */
  size_t big = 40u << 20;
  size_t n = 12 + big + 19;
  char *in = malloc(n);
  memcpy(in, "\x94\x00\x09\xa1m\x91\xdb", 7);
  in[7] = (char)(big >> 24), in[8] = (char)(big >> 16);
  in[9] = (char)(big >> 8), in[10] = (char)big;
  memset(in + 11, 'z', big);
  memcpy(in + 11 + big, "\x94\x00\x0a\xaepressmark_ping\x90", 19);
  n = 11 + big + 19;
  /* Too big for a pipe buffer: write it from a child process. */
  int pin[2], pout[2];
  if (pipe(pin) || pipe(pout)) abort();
  pid_t pid = fork();
  if (pid == 0) {
    close(pin[0]);
    size_t off = 0;
    while (off < n) {
      ssize_t w = write(pin[1], in + off, n - off);
      if (w <= 0) _exit(1);
      off += (size_t)w;
    }
    _exit(0);
  }
  free(in);
  close(pin[1]);
  PmServer *srv = pm_server_new(pin[0], pout[1]);
  CHECK_EQ_INT(pm_server_run(srv), 0);
  pm_server_free(srv);
  waitpid(pid, NULL, 0);
  close(pin[0]);
  close(pout[1]);
  Output out;
  out.raw_len = (size_t)read(pout[0], out.raw, sizeof out.raw);
  close(pout[0]);
  size_t off = 0;
  out.count = 0;
  for (int i = 0; i < 3; i++) {
    msgpack_unpacked_init(&out.msg[i]);
    if (msgpack_unpack_next(&out.msg[i], out.raw, out.raw_len, &off) ==
        MSGPACK_UNPACK_SUCCESS)
      out.count++;
  }
  CHECK_EQ_INT(out.count, 3);
  CHECK(is_announcement(&out.msg[0].data));
  check_error(&out, 1, 9, 1, "Message too large");
  check_result_str(&out, 2, 10, "pong");
  for (int i = 0; i < 3; i++) msgpack_unpacked_destroy(&out.msg[i]);
}

/* The peer's side of a call-back: while pressmark waits for the reply to
 * nvim_buf_get_lines, a notification and a ping arrive before the reply.
 * They are served after the first request, in order. */
static void requests_arriving_while_waiting_are_queued_in_order(void) {
  Output out;
  static const char in[] =
      "\x94\x00\x0b\xb7pressmark_buf_stats_get\x91\x05" /* A: buf 5 */
      "\x93\x02\xa3" "bar\x90"                          /* notification */
      "\x94\x00\x0c\xaepressmark_ping\x90"             /* B */
      "\x94\x01\x63\xc0\xc0"                            /* stray reply 99 */
      "\x94\x01\x01\xc0\x92\xa2" "ab\xa1" "c";          /* reply to call 1 */
  CHECK_EQ_INT(serve(in, sizeof in - 1, &out), 0);
  CHECK_EQ_INT(out.count, 3);
  if (out.count == 3) {
    /* 1: our call [0, 1, "nvim_buf_get_lines", [5, 0, -1, false]] */
    const msgpack_object *c = out.msg[0].data.via.array.ptr;
    CHECK_EQ_INT(c[0].via.u64, 0);
    CHECK_EQ_INT(c[1].via.u64, 1);
    CHECK(c[2].via.str.size == 18 &&
          !memcmp(c[2].via.str.ptr, "nvim_buf_get_lines", 18));
    CHECK_EQ_INT(c[3].via.array.ptr[0].via.u64, 5);
    CHECK_EQ_INT(c[3].via.array.ptr[2].via.i64, -1);
    /* 2: the answer to A; 3: then B */
    const msgpack_object *a = out.msg[1].data.via.array.ptr;
    CHECK_EQ_INT(a[1].via.u64, 11);
    CHECK_EQ_INT(a[3].via.map.ptr[1].val.via.u64, 2); /* lines */
    CHECK_EQ_INT(a[3].via.map.ptr[2].val.via.u64, 5); /* "ab\nc\n" */
    check_result_str(&out, 2, 12, "pong");
  }
  output_free(&out);
}

/* buf 0 asks Neovim for the current buffer; its EXT code comes from
 * nvim_get_api_info (here 7, not Neovim's usual 0). */
static void current_buffer_ext_code_comes_from_api_info(void) {
  Output out;
  static const char in[] =
      "\x94\x00\x0b\xb7pressmark_buf_stats_get\x91\x00"
      /* reply 1: [42, {types: {Buffer: {id: 7}, Window: {id: 8},
       * Tabpage: {id: 9}}}] */
      "\x94\x01\x01\xc0\x92\x2a\x81\xa5types\x83"
      "\xa6" "Buffer\x81\xa2id\x07"
      "\xa6Window\x81\xa2id\x08"
      "\xa7Tabpage\x81\xa2id\x09"
      "\x94\x01\x02\xc0\xd4\x07\x03"         /* reply 2: Buffer 3 as EXT 7 */
      "\x94\x01\x03\xc0\x91\xa3xyz";        /* reply 3: ["xyz"] */
  CHECK_EQ_INT(serve(in, sizeof in - 1, &out), 0);
  CHECK_EQ_INT(out.count, 4);
  if (out.count == 4) {
    CHECK(!memcmp(out.msg[0].data.via.array.ptr[2].via.str.ptr,
                  "nvim_get_api_info", 17));
    CHECK(!memcmp(out.msg[1].data.via.array.ptr[2].via.str.ptr,
                  "nvim_get_current_buf", 20));
    CHECK_EQ_INT(out.msg[2].data.via.array.ptr[3].via.array.ptr[0].via.u64, 3);
    const msgpack_object *r = &out.msg[3].data.via.array.ptr[3];
    CHECK_EQ_INT(r->via.map.ptr[0].val.via.u64, 3); /* buf */
    CHECK_EQ_INT(r->via.map.ptr[2].val.via.u64, 4); /* bytes */
  }
  output_free(&out);
}

static void peer_error_reply_becomes_an_exception(void) {
  Output out;
  static const char in[] =
      "\x94\x00\x0b\xb7pressmark_buf_stats_get\x91\x05"
      "\x94\x01\x01\x92\x00\xaeInvalid buffer\xc0";
  CHECK_EQ_INT(serve(in, sizeof in - 1, &out), 0);
  CHECK_EQ_INT(out.count, 2);
  check_error(&out, 1, 11, 0, "nvim_buf_get_lines: Invalid buffer");
  output_free(&out);
}

static void eof_while_waiting_exits_zero(void) {
  Output out;
  static const char in[] = "\x94\x00\x0b\xb7pressmark_buf_stats_get\x91\x05";
  CHECK_EQ_INT(serve(in, sizeof in - 1, &out), 0);
  CHECK_EQ_INT(out.count, 2); /* the call, then the failed answer */
  check_error(&out, 1, 11, 0, "peer closed");
  output_free(&out);
}

int main(void) {
  setenv("PRESSMARK_LOG", "/dev/null", 1);
  RUN(method_table_is_sorted_and_found);
  RUN(ping_answers_pong_and_eof_exits_zero);
  RUN(serve_announces_itself_first);
  RUN(version_get_returns_version_and_api_level);
  RUN(every_envelope_fault_gets_its_own_message);
  RUN(wrong_params_get_a_validation_error);
  RUN(undecodable_bytes_get_id0_error_and_exit_1);
  RUN(oversized_request_gets_error_and_serving_continues);
  RUN(requests_arriving_while_waiting_are_queued_in_order);
  RUN(current_buffer_ext_code_comes_from_api_info);
  RUN(peer_error_reply_becomes_an_exception);
  RUN(eof_while_waiting_exits_zero);
  return test_done();
}

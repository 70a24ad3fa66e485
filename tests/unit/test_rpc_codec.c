/* test_rpc_codec.c - the bounded msgpack-RPC stream decoder. */
#include "pressmark/rpc.h"
#include "test.h"

/* [0, 7, "pressmark_ping", []] */
static const char PING[] = "\x94\x00\x07\xaepressmark_ping\x90";
#define PING_LEN (sizeof PING - 1)

static PmRpcLimits small(uint32_t bytes, uint32_t objects) {
  PmRpcLimits l = {bytes, objects};
  return l;
}

static void decodes_a_request_fed_byte_by_byte(void) {
  PmRpcDecoder *dec = pm_rpc_decoder_new(NULL);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  for (size_t i = 0; i < PING_LEN; i++) {
    CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_NEED_MORE);
    CHECK_EQ_INT(pm_rpc_decoder_feed(dec, PING + i, 1), 1);
  }
  CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_MESSAGE);
  CHECK_EQ_INT(m.data.type, MSGPACK_OBJECT_ARRAY);
  CHECK_EQ_INT(m.data.via.array.size, 4);
  CHECK_EQ_INT(m.data.via.array.ptr[1].via.u64, 7);
  CHECK_EQ_INT(m.data.via.array.ptr[2].via.str.size, 14);
  CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_NEED_MORE);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void splits_multibyte_headers_across_reads(void) {
  /* [2, "m", [256, "xyz", 1.5]] with uint16 and float64 split mid-header */
  static const char msg[] = "\x93\x02\xa1m\x93\xcd\x01\x00\xa3xyz"
                            "\xcb\x3f\xf8\x00\x00\x00\x00\x00\x00";
  size_t n = sizeof msg - 1;
  for (size_t cut = 1; cut < n; cut++) {
    PmRpcDecoder *dec = pm_rpc_decoder_new(NULL);
    msgpack_unpacked m;
    msgpack_unpacked_init(&m);
    CHECK_EQ_INT(pm_rpc_decoder_feed(dec, msg, cut), cut);
    CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_NEED_MORE);
    CHECK_EQ_INT(pm_rpc_decoder_feed(dec, msg + cut, n - cut), n - cut);
    CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_MESSAGE);
    const msgpack_object *p = &m.data.via.array.ptr[2];
    CHECK_EQ_INT(p->via.array.ptr[0].via.u64, 256);
    CHECK(p->via.array.ptr[2].via.f64 == 1.5);
    msgpack_unpacked_destroy(&m);
    pm_rpc_decoder_free(dec);
  }
}

static void stops_after_each_of_several_messages_in_one_read(void) {
  char three[3 * PING_LEN];
  for (int i = 0; i < 3; i++) memcpy(three + i * PING_LEN, PING, PING_LEN);
  three[PING_LEN + 2] = 8; /* ids 7, 8, 9 */
  three[2 * PING_LEN + 2] = 9;
  PmRpcDecoder *dec = pm_rpc_decoder_new(NULL);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  size_t off = 0;
  for (int i = 0; i < 3; i++) {
    size_t used = pm_rpc_decoder_feed(dec, three + off, sizeof three - off);
    CHECK_EQ_INT(used, PING_LEN);
    CHECK_EQ_INT(pm_rpc_decoder_feed(dec, three + off + used, 1), 0);
    off += used;
    CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_MESSAGE);
    CHECK_EQ_INT(m.data.via.array.ptr[1].via.u64, 7 + i);
  }
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void byte_c1_is_invalid_and_stays_invalid(void) {
  PmRpcDecoder *dec = pm_rpc_decoder_new(NULL);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  PmRpcFault f;
  pm_rpc_decoder_feed(dec, PING, PING_LEN);
  CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_MESSAGE);
  /* inside a message: [0, 1, 0xc1 */
  CHECK_EQ_INT(pm_rpc_decoder_feed(dec, "\x94\x00\x01\xc1\x90", 5), 4);
  CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, &f), PM_RPC_INVALID);
  CHECK_EQ_INT(f.offset, PING_LEN + 3);
  CHECK(strstr(f.what, "0xc1") != NULL);
  CHECK_EQ_INT(pm_rpc_decoder_feed(dec, PING, PING_LEN), 0);
  CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, &f), PM_RPC_INVALID);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void huge_announced_array_is_never_buffered(void) {
  PmRpcDecoder *dec = pm_rpc_decoder_new(NULL);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  /* [0, 5, "m", dd ffffffff: 2^32-1 params, ~128 GiB of slots in msgpack-c */
  static const char h[] = "\x94\x00\x05\xa1m\xdd\xff\xff\xff\xff\xc0\xc0";
  CHECK_EQ_INT(pm_rpc_decoder_feed(dec, h, sizeof h - 1), sizeof h - 1);
  CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_NEED_MORE);
  CHECK_EQ_INT(pm_rpc_decoder_buffered(dec), 0);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void huge_announced_string_is_never_buffered(void) {
  PmRpcDecoder *dec = pm_rpc_decoder_new(NULL);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  static const char h[] = "\x94\x00\x05\xa1m\x91\xdb\xff\xff\xff\xff" "abc";
  CHECK_EQ_INT(pm_rpc_decoder_feed(dec, h, sizeof h - 1), sizeof h - 1);
  CHECK_EQ_INT(pm_rpc_decoder_next(dec, &m, NULL), PM_RPC_NEED_MORE);
  CHECK_EQ_INT(pm_rpc_decoder_buffered(dec), 0);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

/* Feeds `bytes` and returns the first event. */
static PmRpcEvent feed_all(PmRpcDecoder *dec, const char *bytes, size_t n,
                           size_t *used, msgpack_unpacked *m, PmRpcFault *f) {
  *used = pm_rpc_decoder_feed(dec, bytes, n);
  return pm_rpc_decoder_next(dec, m, f);
}

static void oversized_request_is_skipped_with_its_id_then_stream_resyncs(void) {
  PmRpcLimits l = small(64, 1000);
  PmRpcDecoder *dec = pm_rpc_decoder_new(&l);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  PmRpcFault f;
  char big[200];
  size_t n = 0;
  memcpy(big, "\x94\x00\xcc\xc8\xa1m\x91\xd9\x64", 9); /* id 200, str8 100 */
  n = 9;
  memset(big + n, 'x', 100);
  n += 100;
  memcpy(big + n, PING, PING_LEN);
  n += PING_LEN;
  size_t used;
  CHECK_EQ_INT(feed_all(dec, big, n, &used, &m, &f), PM_RPC_TOO_BIG);
  CHECK_EQ_INT(used, 109);
  CHECK(f.has_id);
  CHECK_EQ_INT(f.id, 200);
  CHECK_EQ_INT(f.kind, PM_RPC_KIND_REQUEST);
  CHECK_EQ_STR(f.method, "m");
  CHECK_EQ_INT(f.offset, 0);
  CHECK(strstr(f.what, "100 bytes") != NULL);
  CHECK_EQ_INT(feed_all(dec, big + used, n - used, &used, &m, &f),
               PM_RPC_MESSAGE);
  CHECK_EQ_INT(m.data.via.array.ptr[1].via.u64, 7);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void oversized_notification_has_no_id(void) {
  PmRpcLimits l = small(64, 1000);
  PmRpcDecoder *dec = pm_rpc_decoder_new(&l);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  PmRpcFault f;
  char big[120] = "\x93\x02\xa1m\x91\xd9\x64";
  memset(big + 7, 'y', 100);
  size_t used;
  CHECK_EQ_INT(feed_all(dec, big, 107, &used, &m, &f), PM_RPC_TOO_BIG);
  CHECK(!f.has_id);
  CHECK_EQ_INT(f.kind, PM_RPC_KIND_NOTIFICATION);
  CHECK_EQ_STR(f.method, "m");
  CHECK(!f.has_arg0); /* a string */
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void oversized_response_names_the_call_it_answers(void) {
  PmRpcLimits l = small(64, 1000);
  PmRpcDecoder *dec = pm_rpc_decoder_new(&l);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  PmRpcFault f;
  /* [1, 300, nil, "zzz..."] with a uint16 id */
  char big[120] = "\x94\x01\xcd\x01\x2c\xc0\xd9\x64";
  memset(big + 8, 'z', 100);
  size_t used;
  CHECK_EQ_INT(feed_all(dec, big, 108, &used, &m, &f), PM_RPC_TOO_BIG);
  CHECK_EQ_INT(used, 108);
  CHECK_EQ_INT(f.kind, PM_RPC_KIND_RESPONSE);
  CHECK(!f.has_id); /* nothing to reply to */
  CHECK_EQ_INT(f.id, 300);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void oversized_event_names_its_method_and_buffer(void) {
  PmRpcLimits l = small(64, 1000);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  PmRpcFault f;
  /* [2, "nvim_buf_lines_event", [buffer, 9, [100 nils]]], the buffer as
   * fixext1, as ext8 holding a uint16, then a plain negative integer */
  static const struct {
    const char *arg0;
    size_t len;
    int8_t ext;
    int64_t handle;
  } cases[] = {
      {"\xd4\x00\x05", 3, 0, 5},
      {"\xc7\x03\x02\xcd\x01\x00", 6, 2, 256},
      {"\xd0\x80", 2, -1, -128},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    PmRpcDecoder *dec = pm_rpc_decoder_new(&l);
    char msg[200];
    size_t n = 0;
    memcpy(msg, "\x93\x02\xb4nvim_buf_lines_event\x93", 24);
    n = 24;
    memcpy(msg + n, cases[k].arg0, cases[k].len);
    n += cases[k].len;
    memcpy(msg + n, "\x09\xdc\x00\x64", 4);
    n += 4;
    memset(msg + n, 0xc0, 100);
    n += 100;
    size_t used;
    CHECK_EQ_INT(feed_all(dec, msg, n, &used, &m, &f), PM_RPC_TOO_BIG);
    CHECK_EQ_INT(used, n);
    CHECK_EQ_INT(f.kind, PM_RPC_KIND_NOTIFICATION);
    CHECK_EQ_STR(f.method, "nvim_buf_lines_event");
    CHECK(f.has_arg0);
    CHECK_EQ_INT(f.arg0_ext, cases[k].ext);
    CHECK_EQ_INT(f.arg0, cases[k].handle);
    pm_rpc_decoder_free(dec);
  }
  msgpack_unpacked_destroy(&m);
}

static void container_longer_than_the_room_left_is_too_big(void) {
  PmRpcLimits l = small(100, 1000);
  PmRpcDecoder *dec = pm_rpc_decoder_new(&l);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  PmRpcFault f;
  /* [0, 3, "m", [200 nils]]: 200 elements cannot fit in 100 bytes */
  char msg[220] = "\x94\x00\x03\xa1m\xdc\x00\xc8";
  memset(msg + 8, 0xc0, 200);
  size_t used;
  CHECK_EQ_INT(feed_all(dec, msg, 208, &used, &m, &f), PM_RPC_TOO_BIG);
  CHECK_EQ_INT(used, 208);
  CHECK(f.has_id && f.id == 3);
  CHECK(strstr(f.what, "200 elements") != NULL);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void too_many_objects_is_too_big(void) {
  PmRpcLimits l = small(1000, 20);
  PmRpcDecoder *dec = pm_rpc_decoder_new(&l);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  PmRpcFault f;
  char msg[64] = "\x94\x00\x03\xa1m\xdc\x00\x1e";
  memset(msg + 8, 0xc0, 30);
  size_t used;
  CHECK_EQ_INT(feed_all(dec, msg, 38, &used, &m, &f), PM_RPC_TOO_BIG);
  CHECK_EQ_INT(used, 38);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

static void nesting_to_msgpack_depth_decodes_and_deeper_is_too_big(void) {
  for (int depth = PM_RPC_MAX_DEPTH; depth <= PM_RPC_MAX_DEPTH + 1; depth++) {
    PmRpcDecoder *dec = pm_rpc_decoder_new(NULL);
    msgpack_unpacked m;
    msgpack_unpacked_init(&m);
    char msg[64];
    memset(msg, 0x91, (size_t)depth);
    msg[depth] = 0x01;
    size_t used;
    PmRpcEvent ev = feed_all(dec, msg, (size_t)depth + 1, &used, &m, NULL);
    CHECK_EQ_INT(ev, depth == PM_RPC_MAX_DEPTH ? PM_RPC_MESSAGE : PM_RPC_TOO_BIG);
    msgpack_unpacked_destroy(&m);
    pm_rpc_decoder_free(dec);
  }
}

static void ext_and_bin_pass_through(void) {
  /* [fixext1 type 5 payload 0x02, ext8 len 2 type 6, bin8 len 3] */
  static const char msg[] = "\x93\xd4\x05\x02\xc7\x02\x06\xcd\x01\xc4\x03" "abc";
  PmRpcDecoder *dec = pm_rpc_decoder_new(NULL);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  size_t used;
  CHECK_EQ_INT(feed_all(dec, msg, sizeof msg - 1, &used, &m, NULL),
               PM_RPC_MESSAGE);
  CHECK_EQ_INT(used, sizeof msg - 1);
  const msgpack_object *o = m.data.via.array.ptr;
  CHECK_EQ_INT(o[0].type, MSGPACK_OBJECT_EXT);
  CHECK_EQ_INT(o[0].via.ext.type, 5);
  int64_t h = 0;
  CHECK(pm_rpc_handle_get(&o[0], 5, &h));
  CHECK_EQ_INT(h, 2);
  CHECK(!pm_rpc_handle_get(&o[0], 6, &h));
  CHECK_EQ_INT(o[1].via.ext.size, 2);
  CHECK_EQ_INT(o[2].type, MSGPACK_OBJECT_BIN);
  msgpack_unpacked_destroy(&m);
  pm_rpc_decoder_free(dec);
}

int main(void) {
  RUN(decodes_a_request_fed_byte_by_byte);
  RUN(splits_multibyte_headers_across_reads);
  RUN(stops_after_each_of_several_messages_in_one_read);
  RUN(byte_c1_is_invalid_and_stays_invalid);
  RUN(huge_announced_array_is_never_buffered);
  RUN(huge_announced_string_is_never_buffered);
  RUN(oversized_request_is_skipped_with_its_id_then_stream_resyncs);
  RUN(oversized_notification_has_no_id);
  RUN(oversized_response_names_the_call_it_answers);
  RUN(oversized_event_names_its_method_and_buffer);
  RUN(container_longer_than_the_room_left_is_too_big);
  RUN(too_many_objects_is_too_big);
  RUN(nesting_to_msgpack_depth_decodes_and_deeper_is_too_big);
  RUN(ext_and_bin_pass_through);
  return test_done();
}

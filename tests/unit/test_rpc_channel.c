/* test_rpc_channel.c - calling the peer while it calls us, with a live
 * scripted peer in a child process over a socketpair: the peer answers the
 * process's call only after sending its own requests, as Neovim does when
 * Lua code runs while the process waits. */
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pressmark/rpc.h"
#include "pressmark/server.h"
#include "test.h"

/* Reads from fd until a whole message is decoded; false on EOF. */
static bool peer_read(int fd, msgpack_unpacker *up, msgpack_unpacked *m) {
  for (;;) {
    if (msgpack_unpacker_next(up, m) == MSGPACK_UNPACK_SUCCESS) return true;
    msgpack_unpacker_reserve_buffer(up, 4096);
    ssize_t r = read(fd, msgpack_unpacker_buffer(up), 4096);
    if (r <= 0) return false;
    msgpack_unpacker_buffer_consumed(up, (size_t)r);
  }
}

static void peer_send(int fd, const char *bytes, size_t n) {
  if (write(fd, bytes, n) != (ssize_t)n) _exit(10);
}

#define SEND(fd, lit) peer_send(fd, lit, sizeof lit - 1)

/* The peer: exits 0 when every expectation holds, else the failing step. */
static int peer(int fd) {
  msgpack_unpacker up;
  msgpack_unpacker_init(&up, 4096);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  /* The server announces itself first: [2, "nvim_set_client_info", ...] */
  if (!peer_read(fd, &up, &m)) return 20;
  const msgpack_object *ann = &m.data;
  if (ann->type != MSGPACK_OBJECT_ARRAY || ann->via.array.size != 3 ||
      ann->via.array.ptr[0].via.u64 != 2 ||
      ann->via.array.ptr[1].via.str.size != 20 ||
      memcmp(ann->via.array.ptr[1].via.str.ptr, "nvim_set_client_info", 20))
    return 21;
  /* A: pressmark_buf_stats_get(5), id 11 */
  SEND(fd, "\x94\x00\x0b\xb7pressmark_buf_stats_get\x91\x05");
  if (!peer_read(fd, &up, &m)) return 1;
  const msgpack_object *o = m.data.via.array.ptr;
  if (o[0].via.u64 != 0 || o[2].via.str.size != 18 ||
      memcmp(o[2].via.str.ptr, "nvim_buf_get_lines", 18))
    return 2;
  uint64_t call_id = o[1].via.u64;
  /* Before answering, call the process ourselves (B, id 12), and notify. */
  SEND(fd, "\x94\x00\x0c\xaepressmark_ping\x90");
  SEND(fd, "\x93\x02\xa3" "bar\x90");
  struct timespec pause = {0, 50 * 1000 * 1000};
  nanosleep(&pause, NULL); /* let the process read them while it waits */
  char reply[32] = "\x94\x01";
  reply[2] = (char)call_id; /* < 128: a positive fixint */
  memcpy(reply + 3, "\xc0\x92\xa2" "ab\xa1" "c", 8);
  peer_send(fd, reply, 11);
  /* The answer to A comes first, then B's. */
  if (!peer_read(fd, &up, &m)) return 3;
  o = m.data.via.array.ptr;
  if (o[1].via.u64 != 11 || o[3].type != MSGPACK_OBJECT_MAP ||
      o[3].via.map.ptr[2].val.via.u64 != 5)
    return 4;
  if (!peer_read(fd, &up, &m)) return 5;
  o = m.data.via.array.ptr;
  if (o[1].via.u64 != 12 || o[3].type != MSGPACK_OBJECT_STR) return 6;
  msgpack_unpacked_destroy(&m);
  msgpack_unpacker_destroy(&up);
  return 0;
}

static void peer_calling_back_before_answering_gets_both_answers_in_order(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) abort();
  /* A lost answer must fail the test, not hang it: reads time out. */
  struct timeval tv = {5, 0};
  setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  pid_t pid = fork();
  if (pid == 0) {
    close(sv[0]);
    int code = peer(sv[1]);
    close(sv[1]);
    _exit(code);
  }
  close(sv[1]);
  PmServer *srv = pm_server_new(sv[0], sv[0]);
  CHECK_EQ_INT(pm_server_run(srv), 0); /* ends on the peer's EOF */
  pm_server_free(srv);
  close(sv[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK_EQ_INT(WEXITSTATUS(status), 0);
}

/* ---- replies and notifications over the limits ------------------------- */

/* A pair of connected sockets whose reads time out, so a lost answer fails
 * the test instead of hanging it. */
static void timed_pair(int sv[2]) {
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) abort();
  struct timeval tv = {5, 0};
  setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

/* Limits small enough for a scripted peer: 64 bytes, 1000 objects. */
static const PmRpcLimits SMALL = {64, 1000};

/* Packs [1, id, nil, [n strings "line"]]: over SMALL once n > 12. */
static void pack_lines_reply(msgpack_sbuffer *sb, uint64_t id, uint32_t n) {
  msgpack_packer pk;
  msgpack_packer_init(&pk, sb, msgpack_sbuffer_write);
  msgpack_pack_array(&pk, 4);
  msgpack_pack_uint32(&pk, 1);
  msgpack_pack_uint64(&pk, id);
  msgpack_pack_nil(&pk);
  msgpack_pack_array(&pk, n);
  for (uint32_t i = 0; i < n; i++) {
    msgpack_pack_str(&pk, 4);
    msgpack_pack_str_body(&pk, "line", 4);
  }
}

/* The peer of the next test: answers the call with 100 lines, then sends
 * a small reply to nothing and stays open until the process is done. */
static int big_reply_peer(int fd) {
  msgpack_unpacker up;
  msgpack_unpacker_init(&up, 4096);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  if (!peer_read(fd, &up, &m)) return 1;
  msgpack_sbuffer sb;
  msgpack_sbuffer_init(&sb);
  pack_lines_reply(&sb, m.data.via.array.ptr[1].via.u64, 100);
  peer_send(fd, sb.data, sb.size);
  msgpack_sbuffer_destroy(&sb);
  SEND(fd, "\x94\x00\x07\xaepressmark_ping\x90");
  char c;
  ssize_t r = read(fd, &c, 1); /* EOF when the process closes its end */
  msgpack_unpacked_destroy(&m);
  msgpack_unpacker_destroy(&up);
  return r == 0 ? 0 : 2;
}

static void reply_over_the_limits_fails_the_call_instead_of_waiting(void) {
  int sv[2];
  timed_pair(sv);
  pid_t pid = fork();
  if (pid == 0) {
    close(sv[0]);
    _exit(big_reply_peer(sv[1]));
  }
  close(sv[1]);
  PmChannel *ch = pm_channel_new(sv[0], sv[0], &SMALL, NULL);
  uint32_t id = pm_channel_request(ch, "nvim_buf_get_lines", 0);
  msgpack_unpacked reply;
  msgpack_unpacked_init(&reply);
  const msgpack_object *result = NULL;
  PmError err;
  pm_error_clear(&err);
  CHECK(!pm_channel_wait(ch, id, &reply, &result, &err));
  CHECK_EQ_STR(err.message,
               "reply to nvim_buf_get_lines exceeds the message limit of 64 "
               "bytes and 1000 objects (container of 100 elements over the "
               "message limit)");
  msgpack_unpacked_destroy(&reply);
  /* The stream is still in step: the request after it is served. */
  msgpack_unpacked msg;
  msgpack_unpacked_init(&msg);
  PmChannelEvent ev = pm_channel_next(ch, &msg, NULL);
  CHECK_EQ_INT(ev, PM_CHANNEL_MESSAGE);
  if (ev == PM_CHANNEL_MESSAGE) CHECK_EQ_INT(msg.data.via.array.ptr[1].via.u64, 7);
  msgpack_unpacked_destroy(&msg);
  pm_channel_free(ch);
  close(sv[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Packs [2, "nvim_buf_lines_event", [EXT(0, 3), 7, 0, -1, [n lines], false]]. */
static void pack_lines_event(msgpack_sbuffer *sb, uint32_t n) {
  msgpack_packer pk;
  msgpack_packer_init(&pk, sb, msgpack_sbuffer_write);
  msgpack_pack_array(&pk, 3);
  msgpack_pack_uint32(&pk, 2);
  msgpack_pack_str(&pk, 20);
  msgpack_pack_str_body(&pk, "nvim_buf_lines_event", 20);
  msgpack_pack_array(&pk, 6);
  msgpack_pack_ext(&pk, 1, 0);
  msgpack_pack_ext_body(&pk, "\x03", 1);
  msgpack_pack_uint32(&pk, 7);
  msgpack_pack_uint32(&pk, 0);
  msgpack_pack_int32(&pk, -1);
  msgpack_pack_array(&pk, n);
  for (uint32_t i = 0; i < n; i++) {
    msgpack_pack_str(&pk, 1);
    msgpack_pack_str_body(&pk, "a", 1);
  }
  msgpack_pack_false(&pk);
}

/* The peer of the next test: a huge event arrives while the process waits
 * for three calls, then their answers, the first too big, the others in
 * reverse order. */
static int crossed_replies_peer(int fd) {
  msgpack_unpacker up;
  msgpack_unpacker_init(&up, 4096);
  msgpack_unpacked m;
  msgpack_unpacked_init(&m);
  if (!peer_read(fd, &up, &m)) return 1;
  uint64_t first = m.data.via.array.ptr[1].via.u64;
  if (!peer_read(fd, &up, &m)) return 2;
  uint64_t second = m.data.via.array.ptr[1].via.u64;
  if (!peer_read(fd, &up, &m)) return 4;
  uint64_t third = m.data.via.array.ptr[1].via.u64;
  msgpack_sbuffer sb;
  msgpack_sbuffer_init(&sb);
  pack_lines_event(&sb, 200);
  pack_lines_reply(&sb, first, 100);
  pack_lines_reply(&sb, third, 2);
  pack_lines_reply(&sb, second, 1);
  peer_send(fd, sb.data, sb.size);
  msgpack_sbuffer_destroy(&sb);
  char c;
  ssize_t r = read(fd, &c, 1);
  msgpack_unpacked_destroy(&m);
  msgpack_unpacker_destroy(&up);
  return r == 0 ? 0 : 3;
}

static void answers_out_of_order_and_a_dropped_event_are_all_accounted(void) {
  int sv[2];
  timed_pair(sv);
  pid_t pid = fork();
  if (pid == 0) {
    close(sv[0]);
    _exit(crossed_replies_peer(sv[1]));
  }
  close(sv[1]);
  PmChannel *ch = pm_channel_new(sv[0], sv[0], &SMALL, NULL);
  CHECK_EQ_INT(pm_channel_dropped(ch, NULL), 0);
  uint32_t a = pm_channel_request(ch, "nvim_buf_get_lines", 0);
  PmError err;
  pm_channel_flush(ch, &err);
  uint32_t b = pm_channel_request(ch, "nvim_buf_line_count", 0);
  pm_channel_flush(ch, &err);
  uint32_t c = pm_channel_request(ch, "nvim_buf_get_name", 0);
  msgpack_unpacked reply;
  msgpack_unpacked_init(&reply);
  const msgpack_object *result = NULL;
  /* The second call's answer is taken first... */
  CHECK(pm_channel_wait(ch, b, &reply, &result, &err));
  CHECK(result && result->type == MSGPACK_OBJECT_ARRAY && result->via.array.size == 1);
  /* ...the third one's arrived before it and was kept... */
  result = NULL;
  CHECK(pm_channel_wait(ch, c, &reply, &result, &err));
  CHECK(result && result->type == MSGPACK_OBJECT_ARRAY && result->via.array.size == 2);
  /* ...and the first one's, too big, was skipped but not forgotten. */
  CHECK(!pm_channel_wait(ch, a, &reply, &result, &err));
  CHECK(strstr(err.message, "reply to nvim_buf_get_lines exceeds") == err.message);
  msgpack_unpacked_destroy(&reply);
  /* The event is counted, named, and its buffer known. */
  PmRpcFault last;
  memset(&last, 0, sizeof last);
  CHECK_EQ_INT(pm_channel_dropped(ch, &last), 1);
  CHECK_EQ_INT(last.kind, PM_RPC_KIND_NOTIFICATION);
  CHECK_EQ_STR(last.method, "nvim_buf_lines_event");
  CHECK(last.has_arg0 && last.arg0_ext == 0 && last.arg0 == 3);
  CHECK(!last.has_id);
  /* And served in its turn as a skipped message. */
  msgpack_unpacked msg;
  msgpack_unpacked_init(&msg);
  PmRpcFault f;
  CHECK_EQ_INT(pm_channel_next(ch, &msg, &f), PM_CHANNEL_TOO_BIG);
  CHECK_EQ_STR(f.method, "nvim_buf_lines_event");
  CHECK_EQ_INT(pm_channel_dropped(ch, NULL), 1); /* counted once */
  msgpack_unpacked_destroy(&msg);
  pm_channel_free(ch);
  close(sv[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void) {
  setenv("PRESSMARK_LOG", "/dev/null", 1);
  RUN(peer_calling_back_before_answering_gets_both_answers_in_order);
  RUN(reply_over_the_limits_fails_the_call_instead_of_waiting);
  RUN(answers_out_of_order_and_a_dropped_event_are_all_accounted);
  return test_done();
}

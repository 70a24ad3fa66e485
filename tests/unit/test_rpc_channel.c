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

int main(void) {
  setenv("PRESSMARK_LOG", "/dev/null", 1);
  RUN(peer_calling_back_before_answering_gets_both_answers_in_order);
  return test_done();
}

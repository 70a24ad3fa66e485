/*
 * channel.c - one msgpack-RPC connection over a pair of file descriptors.
 *
 * The process both serves the peer (Neovim) and calls it.  A call writes a
 * request and reads until the matching response arrives; whatever else
 * arrives meanwhile (Neovim's own requests and notifications, including the
 * ones the call provoked) is queued and handed out later by
 * pm_channel_next in arrival order.  So a handler serving `rpcrequest` may
 * call nvim_buf_get_lines: Neovim answers it while its Lua side waits, and
 * nothing waits on anything that waits on it.
 *
 * Output is buffered and written once per batch: before blocking on a read
 * and before waiting for a reply, so several replies to several requests in
 * one read leave in one write.
 *
 * Every call is remembered until its answer is taken, with its method: a
 * reply over the decoder's limits is skipped unread, and the call it
 * answered must then fail with a message naming it, or the caller (and
 * Neovim, blocked in the rpcrequest that led to it) would wait for ever.
 * An answer to another call still in flight is kept for that call.  A
 * notification over the limits is counted (pm_channel_dropped), since its
 * loss leaves whatever it would have updated out of step.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "pressmark/rpc.h"
#include "util/alloc.h"
#include "util/array.h"
#include "util/buf.h"

typedef struct {
  PmChannelEvent kind;
  msgpack_unpacked msg;
  PmRpcFault fault;
} Queued;

typedef enum { CALL_WAITING, CALL_ANSWERED, CALL_TOO_BIG } CallState;

/* A call whose answer pm_channel_wait has not taken yet. */
typedef struct {
  uint32_t id;
  CallState state;
  char method[64];
  msgpack_unpacked reply; /* CALL_ANSWERED: the response, zone and all */
  PmRpcFault fault;       /* CALL_TOO_BIG: what the decoder said */
} Call;

struct PmChannel {
  int in_fd, out_fd;
  PmRpcDecoder *dec;
  PmRpcLog *log;
  char rbuf[64 * 1024];
  size_t rpos, rlen;
  PmBuf out;
  msgpack_packer pk;
  PmArray(Queued) queue;
  uint32_t qhead;
  PmArray(Call) calls;
  uint32_t next_id;
  PmRpcLimits limits;
  uint64_t dropped;     /* notifications skipped for being too big */
  PmRpcFault last_drop; /* the latest of them */
  PmChannelEvent closed; /* 0 while open, else EOF or FATAL */
  PmRpcFault close_fault;
};

static int write_out(void *data, const char *buf, size_t len) {
  pm_buf_append(data, buf, len);
  return 0;
}

PmChannel *pm_channel_new(int in_fd, int out_fd, const PmRpcLimits *limits,
                          PmRpcLog *log) {
  PmChannel *ch = pm_calloc(1, sizeof *ch);
  ch->in_fd = in_fd;
  ch->out_fd = out_fd;
  ch->log = log;
  static const PmRpcLimits defaults = PM_RPC_DEFAULT_LIMITS;
  ch->limits = limits ? *limits : defaults;
  ch->dec = pm_rpc_decoder_new(limits);
  if (!ch->dec) {
    pm_free(ch);
    return NULL;
  }
  msgpack_packer_init(&ch->pk, &ch->out, write_out);
  ch->next_id = 1;
  return ch;
}

void pm_channel_free(PmChannel *ch) {
  if (!ch) return;
  for (uint32_t i = ch->qhead; i < ch->queue.size; i++)
    msgpack_unpacked_destroy(&ch->queue.contents[i].msg);
  pm_array_delete(&ch->queue);
  for (uint32_t i = 0; i < ch->calls.size; i++)
    if (ch->calls.contents[i].state == CALL_ANSWERED)
      msgpack_unpacked_destroy(&ch->calls.contents[i].reply);
  pm_array_delete(&ch->calls);
  pm_buf_free(&ch->out);
  pm_rpc_decoder_free(ch->dec);
  pm_free(ch);
}

msgpack_packer *pm_channel_packer(PmChannel *ch) { return &ch->pk; }

bool pm_channel_flush(PmChannel *ch, PmError *err) {
  size_t off = 0;
  while (off < ch->out.len) {
    ssize_t w = write(ch->out_fd, ch->out.data + off, ch->out.len - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      pm_buf_reset(&ch->out);
      return pm_error_set(err, PM_ERR_IO, "rpc: write: %s", strerror(errno));
    }
    off += (size_t)w;
  }
  pm_buf_reset(&ch->out);
  return true;
}

/* Reads the next event from the stream (not the queue); `fault` is
 * always filled. */
static PmChannelEvent read_event(PmChannel *ch, msgpack_unpacked *msg,
                                 PmRpcFault *fault) {
  if (ch->closed) {
    *fault = ch->close_fault;
    return ch->closed;
  }
  for (;;) {
    PmRpcEvent ev = pm_rpc_decoder_next(ch->dec, msg, fault);
    if (ev == PM_RPC_MESSAGE) return PM_CHANNEL_MESSAGE;
    if (ev == PM_RPC_TOO_BIG) {
      if (fault->kind == PM_RPC_KIND_NOTIFICATION) {
        ch->dropped++;
        ch->last_drop = *fault;
        char arg[40] = "";
        if (fault->has_arg0)
          snprintf(arg, sizeof arg, " for %lld", (long long)fault->arg0);
        pm_rpc_log(ch->log, "notification %s%s skipped: %s",
                   fault->method[0] ? fault->method : "(unnamed)", arg,
                   fault->what);
      }
      return PM_CHANNEL_TOO_BIG;
    }
    if (ev == PM_RPC_INVALID) {
      ch->closed = PM_CHANNEL_FATAL;
      ch->close_fault = *fault;
      return PM_CHANNEL_FATAL;
    }
    if (ch->rpos < ch->rlen) {
      ch->rpos += pm_rpc_decoder_feed(ch->dec, ch->rbuf + ch->rpos,
                                      ch->rlen - ch->rpos);
      continue;
    }
    /* About to block: the batch of replies so far goes out now. */
    PmError err;
    if (ch->out.len && !pm_channel_flush(ch, &err))
      pm_rpc_log(ch->log, "%s", err.message);
    ssize_t r = read(ch->in_fd, ch->rbuf, sizeof ch->rbuf);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      memset(&ch->close_fault, 0, sizeof ch->close_fault);
      if (r < 0) {
        snprintf(ch->close_fault.what, sizeof ch->close_fault.what,
                 "read: %s", strerror(errno));
        ch->closed = PM_CHANNEL_FATAL;
      } else {
        ch->closed = PM_CHANNEL_EOF;
      }
      *fault = ch->close_fault;
      return ch->closed;
    }
    ch->rpos = 0;
    ch->rlen = (size_t)r;
  }
}

PmChannelEvent pm_channel_next(PmChannel *ch, msgpack_unpacked *msg,
                               PmRpcFault *fault) {
  if (ch->qhead < ch->queue.size) {
    Queued *q = &ch->queue.contents[ch->qhead++];
    PmChannelEvent kind = q->kind;
    msgpack_unpacked_destroy(msg);
    *msg = q->msg; /* the zone moves to the caller */
    if (fault) *fault = q->fault;
    if (ch->qhead == ch->queue.size) ch->qhead = 0, pm_array_clear(&ch->queue);
    return kind;
  }
  PmRpcFault f;
  memset(&f, 0, sizeof f);
  PmChannelEvent ev = read_event(ch, msg, &f);
  if (fault) *fault = f;
  return ev;
}

uint64_t pm_channel_dropped(const PmChannel *ch, PmRpcFault *last) {
  if (last && ch->dropped) *last = ch->last_drop;
  return ch->dropped;
}

bool pm_channel_pending(PmChannel *ch) {
  if (ch->qhead < ch->queue.size || ch->closed) return true;
  if (ch->rpos < ch->rlen) return true;
  if (pm_rpc_decoder_buffered(ch->dec)) return true; /* a message half read */
  struct pollfd p = {.fd = ch->in_fd, .events = POLLIN};
  return poll(&p, 1, 0) > 0;
}

uint32_t pm_channel_request(PmChannel *ch, const char *method,
                            uint32_t nparams) {
  uint32_t id = ch->next_id++;
  if (ch->next_id == 0) ch->next_id = 1;
  size_t len = strlen(method);
  msgpack_pack_array(&ch->pk, 4);
  msgpack_pack_uint32(&ch->pk, 0);
  msgpack_pack_uint32(&ch->pk, id);
  msgpack_pack_str(&ch->pk, len);
  msgpack_pack_str_body(&ch->pk, method, len);
  msgpack_pack_array(&ch->pk, nparams);
  Call *c = pm_array_grow_one(&ch->calls);
  memset(c, 0, sizeof *c);
  c->id = id;
  c->state = CALL_WAITING;
  snprintf(c->method, sizeof c->method, "%s", method);
  return id;
}

static uint32_t find_call(const PmChannel *ch, uint32_t id) {
  for (uint32_t i = 0; i < ch->calls.size; i++)
    if (ch->calls.contents[i].id == id) return i;
  return UINT32_MAX;
}

/* The peer's error object as text: Neovim sends [type, message]. */
static void error_text(const msgpack_object *e, char *out, size_t size) {
  const msgpack_object *m = e;
  if (e->type == MSGPACK_OBJECT_ARRAY && e->via.array.size >= 2)
    m = &e->via.array.ptr[1];
  if (m->type == MSGPACK_OBJECT_STR)
    snprintf(out, size, "%.*s", (int)m->via.str.size, m->via.str.ptr);
  else
    snprintf(out, size, "error of msgpack type %d", (int)m->type);
}

/* The limits as a reader would state them: "32 MiB and 2097152 objects". */
static void limits_text(const PmRpcLimits *l, char *out, size_t size) {
  if (l->max_message_bytes % (1u << 20) == 0)
    snprintf(out, size, "%u MiB and %u objects", l->max_message_bytes >> 20,
             l->max_objects);
  else
    snprintf(out, size, "%u bytes and %u objects", l->max_message_bytes,
             l->max_objects);
}

/* Fills the caller's result from a response [1, id, error, result]. */
static bool take_answer(msgpack_unpacked *reply, const msgpack_object **result,
                        PmError *err) {
  const msgpack_object *o = reply->data.via.array.ptr;
  if (o[2].type != MSGPACK_OBJECT_NIL) {
    char text[400];
    error_text(&o[2], text, sizeof text);
    return pm_error_set(err, PM_ERR_STATE, "%s", text);
  }
  *result = &o[3];
  return true;
}

/* Ends call `i` with what its answer was, and forgets it. */
static bool end_call(PmChannel *ch, uint32_t i, msgpack_unpacked *reply,
                     const msgpack_object **result, PmError *err) {
  Call c = ch->calls.contents[i];
  pm_array_erase(&ch->calls, i);
  if (c.state == CALL_ANSWERED) {
    msgpack_unpacked_destroy(reply);
    *reply = c.reply; /* the zone moves to the caller */
    return take_answer(reply, result, err);
  }
  char limits[80];
  limits_text(&ch->limits, limits, sizeof limits);
  pm_rpc_log(ch->log, "reply to %s (id %u) skipped: %s", c.method, c.id,
             c.fault.what);
  return pm_error_set(err, PM_ERR_NOMEM,
                      "reply to %s exceeds the message limit of %s (%s)",
                      c.method, limits, c.fault.what);
}

bool pm_channel_wait(PmChannel *ch, uint32_t id, msgpack_unpacked *reply,
                     const msgpack_object **result, PmError *err) {
  uint32_t at = find_call(ch, id);
  if (at == UINT32_MAX) {
    /* Not made by pm_channel_request: wait for it all the same. */
    Call *c = pm_array_grow_one(&ch->calls);
    memset(c, 0, sizeof *c);
    c->id = id;
    snprintf(c->method, sizeof c->method, "call %u", id);
    at = ch->calls.size - 1;
  }
  if (ch->calls.contents[at].state != CALL_WAITING)
    return end_call(ch, at, reply, result, err);
  if (ch->out.len && !pm_channel_flush(ch, err)) {
    pm_array_erase(&ch->calls, at);
    return false;
  }
  for (;;) {
    PmRpcFault fault;
    memset(&fault, 0, sizeof fault);
    PmChannelEvent ev = read_event(ch, reply, &fault);
    if (ev == PM_CHANNEL_EOF || ev == PM_CHANNEL_FATAL) {
      at = find_call(ch, id);
      if (at != UINT32_MAX) pm_array_erase(&ch->calls, at);
      if (ev == PM_CHANNEL_EOF)
        return pm_error_set(err, PM_ERR_IO, "rpc: peer closed the channel");
      return pm_error_set(err, PM_ERR_PARSE, "rpc: %s", fault.what);
    }
    const msgpack_object *m = &reply->data;
    bool response = false;
    uint32_t rid = 0;
    if (ev == PM_CHANNEL_MESSAGE && m->type == MSGPACK_OBJECT_ARRAY &&
        m->via.array.size == 4 &&
        m->via.array.ptr[0].type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
        m->via.array.ptr[0].via.u64 == 1) {
      const msgpack_object *o = &m->via.array.ptr[1];
      response = true;
      rid = o->type == MSGPACK_OBJECT_POSITIVE_INTEGER && o->via.u64 <= UINT32_MAX
                ? (uint32_t)o->via.u64
                : 0; /* 0 is never an id of ours */
    } else if (ev == PM_CHANNEL_TOO_BIG && fault.kind == PM_RPC_KIND_RESPONSE) {
      response = true;
      rid = fault.id;
    }
    if (!response) {
      /* Not an answer: keep it, zone and all, for pm_channel_next. */
      Queued *q = pm_array_grow_one(&ch->queue);
      q->kind = ev;
      q->msg = *reply;
      q->fault = fault;
      msgpack_unpacked_init(reply);
      continue;
    }
    uint32_t i = rid ? find_call(ch, rid) : UINT32_MAX;
    if (i == UINT32_MAX || ch->calls.contents[i].state != CALL_WAITING) {
      pm_rpc_log(ch->log, "dropping a response to unknown id %u", rid);
      continue;
    }
    Call *c = &ch->calls.contents[i];
    if (ev == PM_CHANNEL_TOO_BIG) {
      c->state = CALL_TOO_BIG;
      c->fault = fault;
    } else {
      c->state = CALL_ANSWERED;
      c->reply = *reply;
      msgpack_unpacked_init(reply);
    }
    if (rid == id) return end_call(ch, i, reply, result, err);
    /* An answer to another call in flight: it waits there for its own
     * pm_channel_wait. */
  }
}

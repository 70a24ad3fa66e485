/*
 * fuzz_rpc.c - the msgpack-RPC stream decoder on arbitrary bytes.
 *
 * The first input byte picks the limits (defaults, or small ones so that
 * the too-big path is reached with short inputs) and how the rest is cut
 * into reads.  The rest is decoded twice: in one feed, and in reads of the
 * chosen sizes.  Checked:
 *   - both give the same events at the same offsets (a message never
 *     depends on where a read ended);
 *   - feed never consumes more than it was given, and consumes nothing
 *     while an event is pending;
 *   - the bytes held for msgpack-c never exceed max_message_bytes;
 *   - msgpack-c never rejects a message the scanner passed (the scanner
 *     and msgpack-c agree on the grammar);
 *   - a message handed out has at most max_objects objects.
 * Memory is bounded by the sanitizers' allocation limit: an eager
 * allocation of an announced count fails the run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pressmark/rpc.h"

#define MAX_EVENTS 4096

typedef struct {
  PmRpcEvent ev;
  uint64_t offset; /* fault offset, or stream offset after a message */
  uint32_t id;
  bool has_id;
  uint32_t size; /* array size of a message's top object, or its type */
} Event;

static uint64_t count_objects(const msgpack_object *o) {
  uint64_t n = 1;
  if (o->type == MSGPACK_OBJECT_ARRAY)
    for (uint32_t i = 0; i < o->via.array.size; i++)
      n += count_objects(&o->via.array.ptr[i]);
  else if (o->type == MSGPACK_OBJECT_MAP)
    for (uint32_t i = 0; i < o->via.map.size; i++)
      n += count_objects(&o->via.map.ptr[i].key) +
           count_objects(&o->via.map.ptr[i].val);
  return n;
}

/* Decodes `data` in reads of `chunk` bytes (0: one read); returns the
 * number of events written to `out`. */
static size_t decode(const PmRpcLimits *lim, const uint8_t *data, size_t size,
                     size_t chunk, Event *out) {
  PmRpcDecoder *dec = pm_rpc_decoder_new(lim);
  size_t nev = 0, pos = 0;
  uint64_t consumed = 0;
  msgpack_unpacked msg;
  msgpack_unpacked_init(&msg);
  while (pos < size && nev < MAX_EVENTS) {
    size_t n = chunk ? chunk : size - pos;
    if (n > size - pos) n = size - pos;
    size_t used = pm_rpc_decoder_feed(dec, (const char *)data + pos, n);
    FUZZ_FAIL_IF(used > n);
    FUZZ_FAIL_IF(pm_rpc_decoder_buffered(dec) > lim->max_message_bytes);
    pos += used;
    consumed += used;
    PmRpcFault fault;
    memset(&fault, 0, sizeof fault);
    PmRpcEvent ev = pm_rpc_decoder_next(dec, &msg, &fault);
    if (ev == PM_RPC_NEED_MORE) {
      FUZZ_FAIL_IF(used != n); /* stopped early without an event */
      continue;
    }
    /* An event is taken: a second feed must now make progress again. */
    Event *e = &out[nev++];
    memset(e, 0, sizeof *e);
    e->ev = ev;
    if (ev == PM_RPC_MESSAGE) {
      e->offset = consumed;
      e->size = msg.data.type == MSGPACK_OBJECT_ARRAY ? msg.data.via.array.size
                                                      : 1000u + msg.data.type;
      FUZZ_FAIL_IF(count_objects(&msg.data) > lim->max_objects);
    } else {
      FUZZ_FAIL_IF(strncmp(fault.what, "msgpack-c rejected", 18) == 0);
      FUZZ_FAIL_IF(fault.what[0] == '\0');
      e->offset = fault.offset;
      e->has_id = fault.has_id;
      e->id = fault.id;
    }
    if (ev == PM_RPC_INVALID) {
      /* Broken for good: it keeps saying so and consumes nothing. */
      FUZZ_FAIL_IF(pm_rpc_decoder_next(dec, &msg, NULL) != PM_RPC_INVALID);
      break;
    }
  }
  msgpack_unpacked_destroy(&msg);
  pm_rpc_decoder_free(dec);
  return nev;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  uint8_t mode = data[0];
  data++, size--;
  PmRpcLimits lim = PM_RPC_DEFAULT_LIMITS;
  if (mode & 0x80) {
    lim.max_message_bytes = 16u + (mode & 0x3f) * 8u;
    lim.max_objects = 4u + (mode & 0x0f);
  }
  static Event a[MAX_EVENTS], b[MAX_EVENTS];
  size_t na = decode(&lim, data, size, 0, a);
  size_t chunk = 1u + (mode & 0x07) * 3u; /* 1, 4, 7 ... 22 bytes per read */
  size_t nb = decode(&lim, data, size, chunk, b);
  FUZZ_FAIL_IF(na != nb);
  for (size_t i = 0; i < na; i++)
    FUZZ_FAIL_IF(a[i].ev != b[i].ev || a[i].offset != b[i].offset ||
        a[i].has_id != b[i].has_id || a[i].id != b[i].id ||
        a[i].size != b[i].size);
  return 0;
}

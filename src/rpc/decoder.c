/*
 * decoder.c - turns a byte stream into msgpack-RPC messages with bounded
 * allocation.
 *
 * msgpack-c's unpacker trusts what a header announces: reading `dd ff ff ff
 * ff` (an array of 2^32-1 elements) it allocates the slots at once.  So a
 * small scanner walks every byte first, knowing only the msgpack type
 * grammar: it tracks how many elements each open container still expects,
 * checks each count and length against the limits and against the bytes the
 * message may still hold, and copies accepted bytes into the unpacker.  Only
 * when a whole message has arrived is msgpack_unpacker_next called, so it
 * never sees a header whose elements are not already buffered, and it is
 * never left in the middle of a message across reads.
 *
 * A message over a limit is skipped without being buffered (the scanner
 * still walks it to find where it ends) and reported as PM_RPC_TOO_BIG with
 * what its first bytes say: a request's id, so the peer gets an error reply;
 * a response's id, so the call waiting for it fails instead of waiting for
 * ever; a notification's method, so the owner can resynchronise what it
 * would have updated.  The stream stays in sync.  The byte 0xc1, which
 * msgpack never uses, cannot be skipped meaningfully: it is PM_RPC_INVALID,
 * and the decoder stays broken.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pressmark/rpc.h"
#include "util/alloc.h"

/* The scanner can follow deeper nesting than msgpack-c accepts, so that a
 * too-deep message can still be skipped; past this it gives up. */
#define SCAN_STACK 64
/* Enough for an envelope, a 63-byte method and an EXT first parameter. */
#define PREFIX_MAX 96

struct PmRpcDecoder {
  PmRpcLimits limits;
  msgpack_unpacker up;

  unsigned char hdr[9];
  unsigned hdr_have, hdr_need; /* hdr_need 0: at the start of an object */
  uint64_t skip;               /* payload bytes of a str/bin/ext to pass */
  uint64_t stack[SCAN_STACK];  /* elements each open container still expects */
  unsigned depth;

  uint64_t msg_bytes, msg_objects, msg_start;
  bool discarding;
  unsigned char prefix[PREFIX_MAX];
  unsigned prefix_len;

  uint64_t offset; /* stream bytes consumed so far */
  PmRpcEvent pending;
  PmRpcFault fault;
};

PmRpcDecoder *pm_rpc_decoder_new(const PmRpcLimits *limits) {
  PmRpcDecoder *dec = pm_calloc(1, sizeof *dec);
  static const PmRpcLimits defaults = PM_RPC_DEFAULT_LIMITS;
  dec->limits = limits ? *limits : defaults;
  if (!msgpack_unpacker_init(&dec->up, MSGPACK_UNPACKER_INIT_BUFFER_SIZE)) {
    pm_free(dec);
    return NULL;
  }
  return dec;
}

void pm_rpc_decoder_free(PmRpcDecoder *dec) {
  if (!dec) return;
  msgpack_unpacker_destroy(&dec->up);
  pm_free(dec);
}

static void set_fault(PmRpcDecoder *dec, PmRpcEvent ev, const char *what) {
  if (dec->pending == PM_RPC_INVALID) return;
  if (ev == PM_RPC_TOO_BIG && dec->discarding) return; /* first reason wins */
  memset(&dec->fault, 0, sizeof dec->fault);
  snprintf(dec->fault.what, sizeof dec->fault.what, "%s", what);
  dec->fault.offset = dec->offset;
  if (ev == PM_RPC_INVALID) {
    dec->pending = PM_RPC_INVALID;
    return;
  }
  /* Drop what was buffered of this message: it will never be parsed.  The
   * unpacker holds nothing else, since earlier messages were all taken. */
  dec->discarding = true;
  msgpack_unpacker_destroy(&dec->up);
  msgpack_unpacker_init(&dec->up, MSGPACK_UNPACKER_INIT_BUFFER_SIZE);
}

static void take_bytes(PmRpcDecoder *dec, const char *p, size_t n) {
  for (size_t i = 0; i < n && dec->prefix_len < PREFIX_MAX; i++)
    dec->prefix[dec->prefix_len++] = (unsigned char)p[i];
  dec->msg_bytes += n;
  dec->offset += n;
  if (dec->msg_bytes > dec->limits.max_message_bytes) {
    char what[160];
    snprintf(what, sizeof what, "message larger than %u bytes",
             dec->limits.max_message_bytes);
    set_fault(dec, PM_RPC_TOO_BIG, what);
  }
  if (dec->discarding || dec->pending == PM_RPC_INVALID) return;
  msgpack_unpacker_reserve_buffer(&dec->up, n);
  memcpy(msgpack_unpacker_buffer(&dec->up), p, n);
  msgpack_unpacker_buffer_consumed(&dec->up, n);
}

static uint64_t be(const unsigned char *p, unsigned n) {
  uint64_t v = 0;
  for (unsigned i = 0; i < n; i++) v = v << 8 | p[i];
  return v;
}

/* A cursor over the first bytes of a skipped message. */
typedef struct {
  const unsigned char *p;
  unsigned n, i;
} Prefix;

/* Reads an integer object; false when it is something else or cut off. */
static bool prefix_int(Prefix *c, int64_t *out) {
  if (c->i >= c->n) return false;
  unsigned char b = c->p[c->i];
  if (b <= 0x7f || b >= 0xe0) {
    *out = (int8_t)b;
    c->i++;
    return true;
  }
  unsigned len;
  bool sign;
  if (b >= 0xcc && b <= 0xcf) len = 1u << (b - 0xcc), sign = false;
  else if (b >= 0xd0 && b <= 0xd3) len = 1u << (b - 0xd0), sign = true;
  else return false;
  if (c->i + 1 + len > c->n) return false;
  uint64_t v = be(c->p + c->i + 1, len);
  if (sign) {
    /* Sign-extend from the encoded width. */
    if (len < 8 && (v >> (8 * len - 1)) & 1u) v |= ~(uint64_t)0 << (8 * len);
    *out = (int64_t)v;
  } else {
    if (v > INT64_MAX) return false;
    *out = (int64_t)v;
  }
  c->i += 1 + len;
  return true;
}

/* Reads a string into `out` (size 64); false when it is not a string,
 * cut off or too long to keep. */
static bool prefix_str(Prefix *c, char *out, size_t size) {
  if (c->i >= c->n) return false;
  unsigned char b = c->p[c->i];
  unsigned hdr;
  uint64_t len;
  if (b >= 0xa0 && b <= 0xbf) hdr = 1, len = b & 0x1f;
  else if (b == 0xd9 && c->i + 1 < c->n) hdr = 2, len = c->p[c->i + 1];
  else return false;
  if (len >= size || c->i + hdr + len > c->n) return false;
  memcpy(out, c->p + c->i + hdr, (size_t)len);
  out[len] = '\0';
  c->i += hdr + (unsigned)len;
  return true;
}

/* Reads an array header; false for anything else. */
static bool prefix_array(Prefix *c) {
  if (c->i >= c->n) return false;
  unsigned char b = c->p[c->i];
  if (b >= 0x90 && b <= 0x9f) return c->i++, true;
  if (b == 0xdc && c->i + 3 <= c->n) return c->i += 3, true;
  if (b == 0xdd && c->i + 5 <= c->n) return c->i += 5, true;
  return false;
}

/* Reads the first parameter when it is an integer or an EXT whose payload
 * is one (Neovim's handles). */
static void prefix_arg0(PmRpcDecoder *dec, Prefix *c) {
  if (!prefix_array(c) || c->i >= c->n) return;
  unsigned char b = c->p[c->i];
  PmRpcFault *f = &dec->fault;
  unsigned hdr;
  if (b >= 0xd4 && b <= 0xd8) hdr = 2;      /* fixext: type */
  else if (b == 0xc7) hdr = 3;              /* ext8: len, type */
  else {
    if (prefix_int(c, &f->arg0)) f->has_arg0 = true, f->arg0_ext = -1;
    return;
  }
  if (c->i + hdr > c->n) return;
  int8_t type = (int8_t)c->p[c->i + hdr - 1];
  Prefix payload = {c->p, c->n, c->i + hdr};
  if (prefix_int(&payload, &f->arg0)) {
    f->has_arg0 = true;
    f->arg0_ext = type;
  }
}

/* Reads the envelope of a skipped message from its first bytes: its kind,
 * id (a request's, so the peer gets an error reply; a response's, so the
 * call waiting for it fails) and method. */
static void parse_prefix(PmRpcDecoder *dec) {
  Prefix c = {dec->prefix, dec->prefix_len, 0};
  PmRpcFault *f = &dec->fault;
  if (c.n < 3) return;
  unsigned char b = c.p[0];
  unsigned size;
  if (b >= 0x93 && b <= 0x94) size = b & 0x0f, c.i = 1;
  else if (b == 0xdc && c.p[1] == 0 && (c.p[2] == 3 || c.p[2] == 4))
    size = c.p[2], c.i = 3;
  else return;
  int64_t type, id;
  if (!prefix_int(&c, &type)) return;
  if (type == 2 && size == 3) {
    f->kind = PM_RPC_KIND_NOTIFICATION;
    if (prefix_str(&c, f->method, sizeof f->method)) prefix_arg0(dec, &c);
    return;
  }
  if ((type != 0 && type != 1) || size != 4) return;
  if (!prefix_int(&c, &id) || id < 0 || id > UINT32_MAX) return;
  f->id = (uint32_t)id;
  if (type == 1) {
    f->kind = PM_RPC_KIND_RESPONSE;
    return;
  }
  f->kind = PM_RPC_KIND_REQUEST;
  f->has_id = true;
  if (prefix_str(&c, f->method, sizeof f->method)) prefix_arg0(dec, &c);
}

static void end_message(PmRpcDecoder *dec) {
  if (dec->discarding) {
    dec->pending = PM_RPC_TOO_BIG;
    dec->fault.offset = dec->msg_start;
    parse_prefix(dec);
  } else {
    dec->pending = PM_RPC_MESSAGE;
  }
  dec->discarding = false;
  dec->msg_bytes = dec->msg_objects = 0;
  dec->prefix_len = 0;
  dec->msg_start = dec->offset;
}

/* One value finished: close every container it completes.  Returns true
 * when the top-level value (the message) is done. */
static bool value_done(PmRpcDecoder *dec) {
  while (dec->depth > 0) {
    if (--dec->stack[dec->depth - 1] > 0) return false;
    dec->depth--;
  }
  end_message(dec);
  return true;
}

/* Header length (type byte included) of the object starting with `b`; 0
 * for 0xc1. */
static unsigned header_len(unsigned char b) {
  if (b <= 0xbf || b >= 0xe0) return 1; /* fixint, fixmap/array/str */
  switch (b) {
  case 0xc0: case 0xc2: case 0xc3: return 1;
  case 0xc4: case 0xcc: case 0xd0: case 0xd9: return 2;
  case 0xc5: case 0xcd: case 0xd1: case 0xda: case 0xdc: case 0xde: return 3;
  case 0xc6: case 0xca: case 0xce: case 0xd2: case 0xdb: case 0xdd: case 0xdf:
    return 5;
  case 0xcb: case 0xcf: case 0xd3: return 9;
  case 0xc7: return 3;                                     /* ext8: len, type */
  case 0xc8: return 4;
  case 0xc9: return 6;
  case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8: return 2; /* fixext */
  default: return 0; /* 0xc1 */
  }
}

/* A complete header is in dec->hdr: start the object.  Returns true when
 * this ends the message. */
static bool header_done(PmRpcDecoder *dec) {
  const unsigned char *h = dec->hdr;
  unsigned char b = h[0];
  uint64_t items = 0, payload = 0;
  bool container = false;
  if (b >= 0x80 && b <= 0x8f) container = true, items = 2u * (b & 0x0f);
  else if (b >= 0x90 && b <= 0x9f) container = true, items = b & 0x0f;
  else if (b >= 0xa0 && b <= 0xbf) payload = b & 0x1f;
  else switch (b) {
  case 0xc4: case 0xd9: payload = h[1]; break;
  case 0xc5: case 0xda: payload = be(h + 1, 2); break;
  case 0xc6: case 0xdb: payload = be(h + 1, 4); break;
  case 0xc7: payload = h[1]; break;
  case 0xc8: payload = be(h + 1, 2); break;
  case 0xc9: payload = be(h + 1, 4); break;
  case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8:
    payload = 1u << (b - 0xd4); break;
  case 0xdc: container = true, items = be(h + 1, 2); break;
  case 0xdd: container = true, items = be(h + 1, 4); break;
  case 0xde: container = true, items = 2 * be(h + 1, 2); break;
  case 0xdf: container = true, items = 2 * be(h + 1, 4); break;
  default: break; /* scalars: the header is the whole object */
  }
  uint64_t room = dec->limits.max_message_bytes > dec->msg_bytes
                      ? dec->limits.max_message_bytes - dec->msg_bytes
                      : 0;
  char what[160];
  if (container) {
    /* Each element takes at least one byte. */
    if (items > room || dec->msg_objects + items > dec->limits.max_objects) {
      snprintf(what, sizeof what,
               "container of %llu elements over the message limit",
               (unsigned long long)items);
      set_fault(dec, PM_RPC_TOO_BIG, what);
    }
    /* Checked before the empty case: msgpack-c takes a stack slot even for
     * an empty container, so [] at depth 32 is already too deep for it. */
    if (dec->depth >= PM_RPC_MAX_DEPTH) {
      snprintf(what, sizeof what, "nesting deeper than %d", PM_RPC_MAX_DEPTH);
      set_fault(dec, PM_RPC_TOO_BIG, what);
    }
    if (items == 0) return value_done(dec);
    if (dec->depth >= SCAN_STACK) {
      set_fault(dec, PM_RPC_INVALID, "nesting too deep to skip");
      return true;
    }
    dec->stack[dec->depth++] = items;
    return false;
  }
  if (payload > room) {
    snprintf(what, sizeof what, "string of %llu bytes over the message limit",
             (unsigned long long)payload);
    set_fault(dec, PM_RPC_TOO_BIG, what);
  }
  dec->skip = payload;
  return payload == 0 ? value_done(dec) : false;
}

size_t pm_rpc_decoder_feed(PmRpcDecoder *dec, const char *p, size_t n) {
  size_t i = 0;
  while (i < n && dec->pending == PM_RPC_NEED_MORE) {
    if (dec->skip > 0) {
      size_t take = n - i < dec->skip ? n - i : (size_t)dec->skip;
      take_bytes(dec, p + i, take);
      i += take;
      dec->skip -= take;
      if (dec->skip == 0) value_done(dec);
      continue;
    }
    unsigned char b = (unsigned char)p[i];
    if (dec->hdr_need == 0) {
      unsigned len = header_len(b);
      if (len == 0) {
        set_fault(dec, PM_RPC_INVALID, "byte 0xc1 is not msgpack");
        return i + 1;
      }
      if (++dec->msg_objects > dec->limits.max_objects)
        set_fault(dec, PM_RPC_TOO_BIG, "too many objects in one message");
      dec->hdr_need = len;
      dec->hdr_have = 0;
    }
    dec->hdr[dec->hdr_have++] = b;
    take_bytes(dec, p + i, 1);
    i++;
    if (dec->hdr_have == dec->hdr_need) {
      dec->hdr_need = 0;
      header_done(dec);
    }
  }
  return i;
}

PmRpcEvent pm_rpc_decoder_next(PmRpcDecoder *dec, msgpack_unpacked *out,
                               PmRpcFault *fault) {
  PmRpcEvent ev = dec->pending;
  if (ev == PM_RPC_INVALID) {
    if (fault) *fault = dec->fault;
    return ev; /* stays broken */
  }
  dec->pending = PM_RPC_NEED_MORE;
  if (ev == PM_RPC_TOO_BIG && fault) *fault = dec->fault;
  if (ev == PM_RPC_MESSAGE) {
    msgpack_unpack_return r = msgpack_unpacker_next(&dec->up, out);
    if (r != MSGPACK_UNPACK_SUCCESS) {
      /* The scanner and msgpack-c disagree: never expected, but treat it
       * as undecodable rather than trusting either. */
      set_fault(dec, PM_RPC_INVALID, "msgpack-c rejected a complete message");
      if (fault) *fault = dec->fault;
      return PM_RPC_INVALID;
    }
  }
  return ev;
}

size_t pm_rpc_decoder_buffered(const PmRpcDecoder *dec) {
  return dec->up.used - dec->up.off;
}

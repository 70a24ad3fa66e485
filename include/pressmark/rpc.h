/*
 * rpc.h - msgpack-RPC as Neovim speaks it: a bounded stream decoder, a
 * channel that can call the peer and wait while queueing what arrives
 * meanwhile, and the dispatcher that serves requests from a table.
 *
 * Messages (https://github.com/msgpack-rpc/msgpack-rpc/blob/master/spec.md):
 *   request      [0, id, method, params]
 *   response     [1, id, error, result]     error = [code, message] or nil
 *   notification [2, method, params]
 *
 * This is the transport layer: it is the only module whose header exposes
 * msgpack-c types, and the only one that turns a PmError into a wire error.
 * Core modules (analysis, sidecar) never see msgpack.
 */
#ifndef PRESSMARK_RPC_H
#define PRESSMARK_RPC_H

#include <msgpack.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "pressmark/error.h"

/* ---- limits ------------------------------------------------------------ */

/* Bounds checked by the decoder before msgpack-c sees a byte.  msgpack-c 4
 * allocates an array's or map's slots as soon as it reads the header, so
 * `dd ff ff ff ff` would ask for ~128 GiB: every count and length is checked
 * against these limits first, and a message is handed to msgpack-c only
 * once all its bytes have arrived, so no container can announce more
 * elements than there are bytes behind it. */
typedef struct {
  uint32_t max_message_bytes; /* whole message, default 32 MiB */
  uint32_t max_objects;       /* msgpack objects in one message, default 2M */
} PmRpcLimits;

#define PM_RPC_DEFAULT_LIMITS \
  { 32u << 20, 2u << 20 }

/* msgpack-c's fixed parse stack: deeper nesting is rejected as too big. */
#define PM_RPC_MAX_DEPTH 32

/* ---- decoder ----------------------------------------------------------- */

typedef struct PmRpcDecoder PmRpcDecoder;

typedef enum {
  PM_RPC_NEED_MORE = 0, /* no complete message yet: feed more bytes */
  PM_RPC_MESSAGE,       /* *out holds one message (caller destroys it) */
  PM_RPC_TOO_BIG,       /* a message over a limit was skipped, unbuffered */
  PM_RPC_INVALID        /* bytes that are not msgpack: cannot resynchronise */
} PmRpcEvent;

/* The envelope a skipped message started with, read from its first bytes
 * (the message itself is never buffered). */
typedef enum {
  PM_RPC_KIND_UNKNOWN = 0,   /* not an RPC envelope, or cut too short */
  PM_RPC_KIND_REQUEST,       /* [0, id, method, ... */
  PM_RPC_KIND_RESPONSE,      /* [1, id, ...: a reply to one of our calls */
  PM_RPC_KIND_NOTIFICATION   /* [2, method, ... */
} PmRpcKind;

/* What PM_RPC_TOO_BIG and PM_RPC_INVALID report. */
typedef struct {
  bool has_id;   /* a request [0, id, ...: the peer waits for an error reply */
  uint32_t id;   /* the request's id, or the response's for kind RESPONSE */
  PmRpcKind kind;
  /* Method of a request or notification; "" when unknown or too long. */
  char method[64];
  /* The first parameter of a request or notification, when it is an
   * integer or an EXT handle (Neovim's buffer of nvim_buf_lines_event):
   * arg0_ext is -1 for a plain integer, else the EXT type code, to compare
   * with PmRpcTypes. */
  bool has_arg0;
  int8_t arg0_ext;
  int64_t arg0;
  uint64_t offset; /* stream byte offset of the fault */
  char what[160];  /* lowercase description */
} PmRpcFault;

/* Returns a new decoder; `limits` is copied (NULL = defaults).  Never
 * returns NULL (allocation failure aborts, see util/alloc.h). */
PmRpcDecoder *pm_rpc_decoder_new(const PmRpcLimits *limits);
void pm_rpc_decoder_free(PmRpcDecoder *dec);

/* Scans up to `n` bytes and returns how many it consumed.  It stops right
 * after a message (or a fault) ends, so the caller collects that event with
 * pm_rpc_decoder_next before feeding the rest; while an event is pending it
 * consumes nothing.  Bytes are copied; `bytes` is borrowed. */
size_t pm_rpc_decoder_feed(PmRpcDecoder *dec, const char *bytes, size_t n);

/* Takes the pending event.  For PM_RPC_MESSAGE, `out` (initialised with
 * msgpack_unpacked_init by the caller) receives the message and its zone;
 * the caller calls msgpack_unpacked_destroy.  `fault` may be NULL.  After
 * PM_RPC_INVALID the decoder stays broken and keeps returning it. */
PmRpcEvent pm_rpc_decoder_next(PmRpcDecoder *dec, msgpack_unpacked *out,
                               PmRpcFault *fault);

/* Bytes of the current, incomplete message held for msgpack-c: 0 while a
 * message over a limit is being skipped.  For tests and logs. */
size_t pm_rpc_decoder_buffered(const PmRpcDecoder *dec);

/* ---- log --------------------------------------------------------------- */

/* Log lines go to `$PRESSMARK_LOG` when set, else stderr, never stdout
 * (stdout is the RPC channel).  A NULL file means "drop". */
typedef struct {
  FILE *file;
  bool owned; /* opened from $PRESSMARK_LOG, closed by pm_rpc_log_close */
} PmRpcLog;

/* Opens the log named by $PRESSMARK_LOG, or uses stderr.  Cannot fail: an
 * unopenable log file falls back to stderr with a line saying so. */
void pm_rpc_log_open(PmRpcLog *log);
void pm_rpc_log_close(PmRpcLog *log);
void pm_rpc_log(PmRpcLog *log, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ---- channel ----------------------------------------------------------- */

typedef struct PmChannel PmChannel;

typedef enum {
  PM_CHANNEL_MESSAGE = 1, /* a message to serve */
  PM_CHANNEL_TOO_BIG,     /* a skipped oversized message: reply if has_id */
  PM_CHANNEL_EOF,         /* peer closed its end: exit 0 */
  PM_CHANNEL_FATAL        /* undecodable bytes or an I/O error: exit 1 */
} PmChannelEvent;

/* Returns a channel reading `in_fd` and writing `out_fd` (borrowed, not
 * closed by pm_channel_free).  `log` is borrowed and may be NULL. */
PmChannel *pm_channel_new(int in_fd, int out_fd, const PmRpcLimits *limits,
                          PmRpcLog *log);
void pm_channel_free(PmChannel *ch);

/* The packer that appends to the channel's output buffer.  Output is
 * written when the channel is about to block reading (once per batch of
 * input), when waiting for a reply, or by pm_channel_flush. */
msgpack_packer *pm_channel_packer(PmChannel *ch);
bool pm_channel_flush(PmChannel *ch, PmError *err);

/* Returns how many notifications were skipped for being over the limits
 * since the channel opened, and copies the latest one's fault to `last`
 * (when non-NULL and there was one): fault.method names it ("nvim_buf_
 * lines_event") and fault.arg0/arg0_ext give its first parameter (the
 * buffer handle).  Each is also handed out once by pm_channel_next as
 * PM_CHANNEL_TOO_BIG; this count lets a module that keeps state in step
 * with notifications (attached buffers following nvim_buf_lines_event)
 * notice a loss from wherever it runs: it remembers the count it has seen
 * and resynchronises when the count grows (everything it follows when it
 * grew by more than one).  Cannot fail. */
uint64_t pm_channel_dropped(const PmChannel *ch, PmRpcFault *last);

/* Returns the next message to serve: first those queued while waiting for
 * a reply, in arrival order, then new input.  For PM_CHANNEL_MESSAGE `msg`
 * receives it (caller destroys); for PM_CHANNEL_TOO_BIG and _FATAL `fault`
 * says what went wrong. */
PmChannelEvent pm_channel_next(PmChannel *ch, msgpack_unpacked *msg,
                               PmRpcFault *fault);

/* True when a message is ready to serve without blocking: queued, already
 * read, or readable on the descriptor now (poll with no timeout).  The
 * server uses it to batch work until the input is drained. */
bool pm_channel_pending(PmChannel *ch);

/* Starts a call to the peer: packs [0, id, method, [ and returns the id;
 * the caller then packs exactly `nparams` objects with pm_channel_packer
 * and calls pm_channel_wait(id). */
uint32_t pm_channel_request(PmChannel *ch, const char *method,
                            uint32_t nparams);

/* Flushes and reads until the response to `id` arrives.  Requests and
 * notifications that arrive meanwhile are queued and served afterwards by
 * pm_channel_next, so a peer that calls back before answering never
 * deadlocks; an answer to another call still in flight is kept for that
 * call's own wait.  `reply` (initialised by the caller, who destroys it in
 * every case) receives the response; on success *result points into it.
 * Returns false with `err` set on an error response (the peer's message),
 * on a response over the limits (PM_ERR_NOMEM, "reply to <method> exceeds
 * the message limit of 32 MiB and 2097152 objects (<why>)": it was skipped
 * unread and the stream stays usable), on EOF or on undecodable input; in
 * the last two cases pm_channel_next then reports EOF/FATAL.  Every id
 * from pm_channel_request must be waited for once: the channel remembers
 * the call until then. */
bool pm_channel_wait(PmChannel *ch, uint32_t id, msgpack_unpacked *reply,
                     const msgpack_object **result, PmError *err);

/* ---- objects and dispatch ------------------------------------------------ */

/* A handler's result: a msgpack object whose strings and containers live in
 * the request's zone (pm_server_zone), released after the reply is sent. */
typedef msgpack_object PmObj;

typedef struct PmServer PmServer;

/* A handler decodes `params` (always an array), does its work and returns
 * the result.  On failure it fills `err` (code != PM_OK) and its return
 * value is ignored; the dispatcher turns `err` into [code, message]. */
typedef PmObj (*PmRpcHandler)(PmServer *srv, const msgpack_object *params,
                              PmError *err);

/* Looks up a method by name in the dispatch table; NULL when unknown. */
PmRpcHandler pm_rpc_handler_find(const char *name, size_t len);

/* Number of methods and the i-th name, in table order (for tests and
 * `pressmark_api_get`-style listings). */
size_t pm_rpc_method_count(void);
const char *pm_rpc_method_name(size_t i);

/* Serves one decoded message: validates the envelope (one message per
 * fault), calls the handler, packs the response.  Notifications with
 * errors are logged and skipped; stray responses are logged. */
void pm_rpc_serve(PmServer *srv, PmChannel *ch, const msgpack_object *msg,
                  PmRpcLog *log);

/* Packs [1, id, [code, message], nil]. */
void pm_rpc_pack_error(msgpack_packer *pk, uint32_t id, int code,
                       const char *message);

/* ---- building results in a zone ----------------------------------------- */

PmObj pm_obj_nil(void);
PmObj pm_obj_bool(bool b);
PmObj pm_obj_int(int64_t i);
/* Copies `n` bytes of `s` into `z`. */
PmObj pm_obj_str(msgpack_zone *z, const char *s, size_t n);
/* A map with room for `n` pairs, filled with pm_obj_map_set in order. */
PmObj pm_obj_map(msgpack_zone *z, uint32_t n);
void pm_obj_map_set(PmObj *map, uint32_t i, const char *key, PmObj value);
/* An array of `n` nils to fill through obj.via.array.ptr[i]. */
PmObj pm_obj_array(msgpack_zone *z, uint32_t n);

/* ---- Neovim EXT types -------------------------------------------------- */

/* EXT type codes of Neovim's Buffer, Window and Tabpage, as announced in
 * nvim_get_api_info()[1].types; never hard-coded. */
typedef struct {
  int8_t buffer, window, tabpage;
  bool known;
} PmRpcTypes;

/* Reads the codes from an nvim_get_api_info result.  False with `err` when
 * the shape is not as documented. */
bool pm_rpc_types_parse(const msgpack_object *api_info, PmRpcTypes *types,
                        PmError *err);

/* Reads a handle: a non-negative integer, or an EXT object of type
 * `ext_code` whose payload is a msgpack integer. */
bool pm_rpc_handle_get(const msgpack_object *o, int8_t ext_code,
                       int64_t *handle);

#endif

/*
 * error.h - the one error type every fallible pressmark function fills.
 *
 * Functions that can fail return bool (or NULL) and take a trailing
 * `PmError *err` that may be NULL.  Core modules never print: the caller
 * decides whether a message goes to stderr, the log, or an RPC reply.
 * Messages are lowercase, name the thing, and have no final period.
 */
#ifndef PRESSMARK_ERROR_H
#define PRESSMARK_ERROR_H

#include <stdbool.h>
#include <stdint.h>

typedef enum {
  PM_OK = 0,
  PM_ERR_IO,        /* open/read/write/rename failed (errno text in message) */
  PM_ERR_NOMEM,     /* allocation failed or a size limit was exceeded */
  PM_ERR_PARSE,     /* input does not parse (YAML, msgpack, arguments) */
  PM_ERR_INVALID,   /* input parses but is not what was expected */
  PM_ERR_BINARY,    /* a file that is not text */
  PM_ERR_CONFLICT,  /* a merge left conflicts */
  PM_ERR_NOTFOUND,  /* a named thing does not exist */
  PM_ERR_STATE      /* the operation does not fit the current state */
} PmErrorCode;

/* Where the problem is, when known.  `offset` is a 0-based byte offset,
 * `line` 1-based and `col` 0-based in bytes; 0 line means "no position". */
typedef struct {
  PmErrorCode code;
  uint32_t offset;
  uint32_t line;
  uint32_t col;
  char message[512];
} PmError;

/* Clears `err` to PM_OK with an empty message.  NULL is a no-op. */
void pm_error_clear(PmError *err);

/* Formats `fmt` into err->message and sets the code; position fields are
 * reset to 0.  NULL `err` is a no-op.  Always returns false so callers can
 * write `return pm_error_set(err, ...);` in bool functions. */
bool pm_error_set(PmError *err, PmErrorCode code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Like pm_error_set, with a position. */
bool pm_error_set_at(PmError *err, PmErrorCode code, uint32_t line,
                     uint32_t col, uint32_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Prefixes the message with `prefix: ` (e.g. a file name).  NULL err or an
 * already-long message is handled by truncation, never overflow. */
void pm_error_prefix(PmError *err, const char *prefix);

#endif

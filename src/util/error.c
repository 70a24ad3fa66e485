/*
 * error.c - filling PmError.  Kept apart so every module can report errors
 * without pulling in anything else.
 */
#include "pressmark/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pm_error_clear(PmError *err) {
  if (!err) return;
  memset(err, 0, sizeof *err);
}

static void verror(PmError *err, PmErrorCode code, const char *fmt,
                   va_list ap) {
  err->code = code;
  vsnprintf(err->message, sizeof err->message, fmt, ap);
}

bool pm_error_set(PmError *err, PmErrorCode code, const char *fmt, ...) {
  if (!err) return false;
  va_list ap;
  va_start(ap, fmt);
  err->offset = err->line = err->col = 0;
  verror(err, code, fmt, ap);
  va_end(ap);
  return false;
}

bool pm_error_set_at(PmError *err, PmErrorCode code, uint32_t line,
                     uint32_t col, uint32_t offset, const char *fmt, ...) {
  if (!err) return false;
  va_list ap;
  va_start(ap, fmt);
  verror(err, code, fmt, ap);
  va_end(ap);
  err->line = line;
  err->col = col;
  err->offset = offset;
  return false;
}

void pm_error_prefix(PmError *err, const char *prefix) {
  if (!err || !prefix) return;
  char tmp[sizeof err->message];
  size_t plen = strlen(prefix);
  if (plen > sizeof tmp - 3) plen = sizeof tmp - 3;
  memcpy(tmp, prefix, plen);
  memcpy(tmp + plen, ": ", 2);
  size_t room = sizeof tmp - plen - 3;
  size_t mlen = strnlen(err->message, room);
  memcpy(tmp + plen + 2, err->message, mlen);
  tmp[plen + 2 + mlen] = '\0';
  memcpy(err->message, tmp, sizeof tmp);
}

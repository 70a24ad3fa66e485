/*
 * buf.h - a growable byte string (always NUL-terminated) for building
 * output: JSON, YAML text, messages.  The struct is public because it is a
 * plain value that callers embed; its memory belongs to whoever owns the
 * PmBuf and is released with pm_buf_free.
 */
#ifndef PM_UTIL_BUF_H
#define PM_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
  char *data; /* NUL-terminated; NULL until the first append */
  size_t len;
  size_t cap;
} PmBuf;

#define PM_BUF_INIT \
  { NULL, 0, 0 }

void pm_buf_append(PmBuf *b, const void *bytes, size_t n);
void pm_buf_puts(PmBuf *b, const char *s);
void pm_buf_putc(PmBuf *b, char c);
void pm_buf_printf(PmBuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends `s` (n bytes) as a JSON string literal with quotes; invalid UTF-8
 * bytes become U+FFFD so the output is always valid JSON. */
void pm_buf_json_string(PmBuf *b, const char *s, size_t n);
void pm_buf_reset(PmBuf *b);
/* Hands the bytes to the caller (who frees them with pm_free) and empties
 * the buffer.  Never returns NULL. */
char *pm_buf_take(PmBuf *b);
void pm_buf_free(PmBuf *b);

#endif

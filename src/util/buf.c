/*
 * buf.c - growable byte strings for output building.
 */
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/utf8.h"

static void reserve(PmBuf *b, size_t extra) {
  if (b->data && b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  b->data = pm_realloc(b->data, cap);
  b->cap = cap;
}

void pm_buf_append(PmBuf *b, const void *bytes, size_t n) {
  reserve(b, n);
  if (n) memcpy(b->data + b->len, bytes, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void pm_buf_puts(PmBuf *b, const char *s) { pm_buf_append(b, s, strlen(s)); }

void pm_buf_putc(PmBuf *b, char c) { pm_buf_append(b, &c, 1); }

void pm_buf_printf(PmBuf *b, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n > 0) {
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    b->len += (size_t)n;
  }
  va_end(ap2);
}

void pm_buf_json_string(PmBuf *b, const char *s, size_t n) {
  pm_buf_putc(b, '"');
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      switch (c) {
        case '"': pm_buf_puts(b, "\\\""); break;
        case '\\': pm_buf_puts(b, "\\\\"); break;
        case '\n': pm_buf_puts(b, "\\n"); break;
        case '\r': pm_buf_puts(b, "\\r"); break;
        case '\t': pm_buf_puts(b, "\\t"); break;
        default:
          if (c < 0x20) pm_buf_printf(b, "\\u%04x", c);
          else pm_buf_putc(b, (char)c);
      }
      i++;
      continue;
    }
    int32_t cp;
    size_t len = pm_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (cp < 0) {
      pm_buf_puts(b, "\xEF\xBF\xBD");
      i += len;
    } else {
      pm_buf_append(b, s + i, len);
      i += len;
    }
  }
  pm_buf_putc(b, '"');
}

void pm_buf_reset(PmBuf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

char *pm_buf_take(PmBuf *b) {
  if (!b->data) reserve(b, 0), b->data[0] = '\0';
  char *p = b->data;
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}

void pm_buf_free(PmBuf *b) {
  pm_free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

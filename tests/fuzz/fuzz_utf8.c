/*
 * fuzz_utf8.c - the UTF-8 decoder and the JSON string writer on arbitrary
 * bytes: the decoder must always advance, and the JSON output must itself
 * be valid UTF-8 whatever the input.
 */
#include <stdint.h>
#include <stdlib.h>

#include "util/buf.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t i = 0;
  while (i < size) {
    int32_t cp;
    size_t n = pm_utf8_decode(data + i, size - i, &cp);
    if (n == 0 || n > 4 || i + n > size) abort();
    if (cp >= 0) {
      char out[4];
      if (pm_utf8_encode(cp, out) != n) abort();
    }
    i += n;
  }
  PmBuf b = PM_BUF_INIT;
  pm_buf_json_string(&b, (const char *)data, size);
  for (size_t j = 0; j < b.len;) {
    int32_t cp;
    j += pm_utf8_decode((const unsigned char *)b.data + j, b.len - j, &cp);
    if (cp < 0) abort();
  }
  pm_buf_free(&b);
  return 0;
}

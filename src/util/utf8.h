/*
 * utf8.h - strict UTF-8 decoding of one code point at a time.
 *
 * pressmark keeps byte offsets into the original bytes everywhere, so it
 * never converts whole texts: it walks them and decodes where it must.
 * Unicode properties and case folding come from libutf8proc (see README).
 */
#ifndef PM_UTIL_UTF8_H
#define PM_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at `s` (n > 0 bytes available).  Returns the
 * number of bytes consumed (1..4) and stores the code point in *cp, or -1
 * in *cp for an invalid, overlong, surrogate or truncated sequence, in which
 * case 1 is returned so the caller passes over exactly one bad byte. */
size_t pm_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encodes `cp` into out (4 bytes room); returns the length (0 if invalid). */
size_t pm_utf8_encode(int32_t cp, char out[4]);

/* Number of code points in s[0..n), counting each invalid byte as one. */
size_t pm_utf8_count(const char *s, size_t n);

#endif

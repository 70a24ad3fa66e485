/*
 * words.c - the tokenizer's shortcut word readers: elided words (l'homme,
 * qu’il) and words with two-byte Latin letters (déjà, État, Kołodziej),
 * each read in a few chunk operations instead of the general scanner's
 * byte loop, folded and hashed for the lexicon as it is read.
 *
 * tok__scan (tokens.c) calls them from its loop only for the words its
 * inline reader word_fast leaves, so they live here, apart from the loop;
 * see words.h for what they promise.  They classify bytes with the same
 * tables as the scanner (bytes.h), so that a word ends at the same byte
 * whichever path reads it.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "analysis/bytes.h"
#include "analysis/internal.h"
#include "analysis/words.h"

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* Elided words that take an apostrophe and glue to the next word, as the
 * folded letters of one chunk (np of them): l' d' qu' jusqu' lorsqu'... */
static inline bool elision_chunk(uint64_t f, uint32_t np) {
  switch (np) {
  case 1:
    return f == 'l' || f == 'd' || f == 'j' || f == 'm' || f == 'n' ||
           f == 's' || f == 't' || f == 'c';
  case 2: return f == ('q' | 'u' << 8);
  case 5: return f == lex__load_part("jusqu", 5);
  case 6:
    return f == lex__load_part("lorsqu", 6) ||
           f == lex__load_part("puisqu", 6) ||
           f == lex__load_part("quoiqu", 6);
  default: return false;
  }
}

/* tok__scan calls this when word_fast (tokens.c) has found np letters
 * and an apostrophe: the letters and "'" are the folded word, one chunk,
 * so the hash is one step. */
uint32_t word__elided(const Lexicon *lx, const char *text, const char *src,
                      uint32_t i, uint32_t end, uint32_t np, bool markup,
                      Token *t) {
  const unsigned char *s = (const unsigned char *)src;
  uint64_t keep = ~0ULL >> (64 - 8 * np);
  uint64_t w0 = lex__load8(src) & keep, l0 = w0 | (keep & LEX_ONES * 0x20);
  /* past the end src reads zeros (WORD_VIEW), which match no
   * apostrophe */
  uint32_t al = s[np] == '\'' ? 1
                : (s[np] == 0xE2 && s[np + 1] == 0x80 && s[np + 2] == 0x99) ? 3
                : 0;
  if (!al || !elision_chunk(l0, np) ||
      !byte__letter_at(text, i + np + al, end))
    return 0;
  uint16_t f = TF_ELISION | (markup ? TF_MARKUP : 0);
  if (!(w0 & 0x20)) { /* letters only: bit 0x20 tells the case */
    f |= TF_CAP;
    if (np > 1 && !(w0 & (LEX_ONES * 0x20))) f |= TF_ALLCAP;
  }
  word__put_word(lx, lex__step(LEX_SEED, l0 | (uint64_t)'\'' << (8 * np)), i,
           np + al, f, t);
  return np + al;
}

/* Appends the r (1..8) folded bytes of v to the word's pending chunk
 * (acc, k bytes of it), hashing the chunk once it holds eight. */
static inline void chunk_add(uint64_t *h, uint64_t *acc, unsigned *k,
                             uint64_t v, unsigned r) {
  *acc |= v << (8 * *k);
  if (*k + r >= 8) {
    *h = lex__step(*h, *acc);
    *acc = *k ? v >> (8 * (8 - *k)) : 0;
    *k = *k + r - 8;
  } else {
    *k += r;
  }
}

/* word__latin for any length, byte pair by byte pair: runs of ASCII
 * letters are read eight bytes at a time, and the word is folded as
 * lex__fold would (C3 80-9E but the multiplication sign gain 0x20 on
 * their second byte, Œ becomes œ, ASCII is lowercased) and hashed chunk
 * by chunk while it is read.  Never inlined: with SSE2 it is the rare
 * long word's path, which would double the size of word__latin and give
 * it a stack frame. */
static NOINLINE uint32_t latin_bytes(const Lexicon *lx, const char *text,
                                     const char *src, uint32_t i,
                                     uint32_t end, bool markup, Token *t) {
  const unsigned char *s = (const unsigned char *)src;
  uint32_t j = 0;
  uint64_t h = LEX_SEED, acc = 0, lower = 0;
  unsigned k = 0;
  for (;;) {
    uint64_t w = lex__load8((const char *)s + j);
    uint64_t m = byte__non_letters(w);
    unsigned r = m ? byte__ctz64(m) >> 3 : 8;
    if (r) {
      uint64_t keep = ~0ULL >> (64 - 8 * r);
      lower |= w & keep;
      chunk_add(&h, &acc, &k, (w | LEX_ONES * 0x20) & keep, r);
      j += r;
      if (j >= 40) return 0;
      if (r == 8) continue;
    }
    unsigned c = s[j], d = s[j + 1];
    if (c - 0xC3 > 2 || (d & 0xC0) != 0x80) break;
    if (c == 0xC3 && d <= 0x9E && d != 0x97) d += 0x20;
    else if (c == 0xC5 && d == 0x92) d = 0x93;
    chunk_add(&h, &acc, &k, c | d << 8, 2);
    j += 2;
    if (j >= 40) return 0;
  }
  uint32_t n = j;
  if (!n || n > 39 || n > end - i) return 0;
  uint16_t f = markup ? TF_MARKUP : 0;
  if ((unsigned)(s[0] - 'A') < 26 || (s[0] == 0xC3 && s[1] <= 0x9E)) {
    f |= TF_CAP;
    /* every letter a capital: no ASCII lowercase, two ASCII capitals */
    if (!(lower & LEX_ONES * 0x20)) {
      unsigned caps = 0;
      for (uint32_t q = 0; q < n; q++) caps += (unsigned)(s[q] - 'A') < 26;
      if (caps > 1) f |= TF_ALLCAP;
    }
  }
  bool dot = false;
  if (!word__ends(text, i + j, n, end, &dot)) return 0;
  if (dot) f |= TF_DOT;
  if (k) h = lex__step(h, acc); /* the last chunk, not yet full */
  word__put_word(lx, h, i, n, f, t);
  return n + (i + n < end && text[i + n] == ' ');
}

uint32_t word__latin(const Lexicon *lx, const char *text, const char *src,
                     uint32_t i, uint32_t end, bool markup, Token *t) {
  uint32_t n = word__latin_short(lx, text, src, i, end, markup, t);
  return n == WORD_LONG ? latin_bytes(lx, text, src, i, end, markup, t) : n;
}

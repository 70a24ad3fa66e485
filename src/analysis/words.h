/*
 * words.h - the shortcut word readers (words.c) that tok__scan tries
 * before its general word scanner, for the words its inline reader
 * (word_fast, in tokens.c) leaves: elided words and words with two-byte
 * Latin letters.
 *
 * Each reader gives exactly the token the general scanner would give, or
 * declines (returns 0, writing nothing) and leaves the word to it.  Most
 * are kept out of tokens.c, and so out of the scanner's loop, whose
 * registers they would otherwise take; the short Latin word, frequent in
 * French, is here inline for the loop's run of words (word__latin_short),
 * with the helpers it shares with words.c.  tests/unit/test_lang_lookup.c
 * compares the whole tokenizer with the scanner as it was before the
 * shortcuts.
 */
#ifndef PM_ANALYSIS_WORDS_H
#define PM_ANALYSIS_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "analysis/bytes.h"
#include "analysis/internal.h"

/* Writes a token of the readers' kinds (no quotation mark, no character):
 * in three stores on a little-endian machine, where the compound literal
 * gave seven, one per field (a token per word, so it showed). */
static inline void word__put(Token *t, uint32_t s, uint32_t e, uint64_t lex,
                             uint16_t flags, uint8_t kind, uint8_t stance) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  _Static_assert(offsetof(Token, flags) == 16 && offsetof(Token, kind) == 18 &&
                     offsetof(Token, stance) == 19 && offsetof(Token, qfam) == 20 &&
                     offsetof(Token, qrole) == 21 && offsetof(Token, ch) == 22 &&
                     sizeof(Token) == 24,
                 "word__put writes the Token's last eight bytes at once");
  /* flags, kind, stance, then qfam, qrole, ch and the padding, zero */
  uint64_t rest = flags | (uint64_t)kind << 16 | (uint64_t)stance << 24;
  t->start = s;
  t->end = e;
  t->lex = lex;
  memcpy((char *)t + offsetof(Token, flags), &rest, 8);
#else
  *t = (Token){.start = s, .end = e, .lex = lex, .flags = flags, .kind = kind,
               .stance = stance};
#endif
}

/* The readers read whole chunks past a word, up to WORD_VIEW bytes from
 * its start, without bounds tests: their `src` is the word's bytes
 * (text + i), or near the paragraph's end a copy of them padded with
 * zeros to that length (tok__scan's view()).  A zero byte is no letter
 * and ends a word as the end does. */
#define WORD_VIEW 64u

/* An elided word at text[i]: np (1..6) ASCII letters, then an apostrophe
 * of either kind and a letter (l'homme, qu’il, lorsqu'on).  The token takes
 * the apostrophe, and its folded form is the letters and "'".  Writes the
 * token at *t (TF_MARKUP when markup) and returns the bytes taken, or
 * writes nothing and returns 0 when the letters are no elision.  `end` is
 * the paragraph's end; the lexicon is borrowed. */
uint32_t word__elided(const Lexicon *lx, const char *text, const char *src,
                      uint32_t i, uint32_t end, uint32_t np, bool markup,
                      Token *t);

/* A word of up to 39 bytes at text[i] made of ASCII letters and two-byte
 * Latin letters (lead C3, C4 or C5: déjà, État, cœur, Kołodziej), folded
 * and hashed as lex__fold and the lexicon would.  Writes the token at *t
 * and returns the bytes taken, with one space after the word (which the
 * scanner would pass over anyway), or writes nothing and returns 0 when
 * the general scanner must decide (it then starts over at i, so the
 * tokens are the same). */
uint32_t word__latin(const Lexicon *lx, const char *text, const char *src,
                     uint32_t i, uint32_t end, bool markup, Token *t);

/* word__latin_short's answer for a word it leaves to word__latin. */
#define WORD_LONG UINT32_MAX

/* Writes the word text[i, i + n) at *t with flags f and the lexicon's
 * entry for the folded word's hash h (before lex__done), if any. */
static inline void word__put_word(const Lexicon *lx, uint64_t h, uint32_t i,
                                  uint32_t n, uint16_t f, Token *t) {
  uint64_t lex = 0;
  uint8_t stance = 0;
  if (lx->slots) {
    const LexEntry *e = lex__probe(lx, lex__done(h));
    if (e) {
      lex = e->flags;
      stance = e->stance;
    }
  }
  word__put(t, i, i + n, lex, f, T_WORD, stance);
}

/* Ends a word at text[j] the way the general scanner would, for the
 * readers, which read only letters: 1 yes (with TF_DOT in *dot when it
 * is a period), 0 when the scanner could go on (digits, hyphens,
 * apostrophes, a short word's period, UTF-8 that is no space or mark) and
 * the word must go to it. */
static inline bool word__ends(const char *text, uint32_t j, uint32_t n,
                              uint32_t end, bool *dot) {
  if (j >= end) return true;
  unsigned char d = (unsigned char)text[j];
  if (d < 0x80) {
    unsigned we = byte__word_end[d];
    *dot = we > 1;
    return we == 1 || (we > 1 && n > 3);
  }
  if (byte__word[d] != 2) return false;
  int what = byte__special((const unsigned char *)text + j, end - j).what;
  /* (U+2010 and U+2011 may join a word: the general scanner decides) */
  return what != S_NONE && what != S_APOS && what != S_INVISIBLE &&
         !(d == 0xE2 && (unsigned char)text[j + 2] - 0x90u <= 1);
}

#ifdef __SSE2__
/* word__latin for a word of at most fourteen bytes, inline for the
 * scanner's word run (a call cost a fifth of the word): with SSE2 the
 * bytes are told apart (ASCII letter, lead C3-C5, continuation), the
 * word's end found and the word folded sixteen bytes at once.  Returns
 * what word__latin would, or WORD_LONG (writing nothing) for a longer
 * word, which word__latin reads byte pair by byte pair. */
static inline uint32_t word__latin_short(const Lexicon *lx, const char *text,
                                         const char *src, uint32_t i,
                                         uint32_t end, bool markup, Token *t) {
  const unsigned char *s = (const unsigned char *)src;
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)src);
  /* letters: see word_fast in tokens.c */
  __m128i letter = _mm_cmplt_epi8(
      _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
                   _mm_set1_epi8(0x80 - 'a')),
      _mm_set1_epi8(-128 + 26));
  /* 80-BF are the signed bytes below -64; C3-C5, less 0x43, the three
   * lowest */
  __m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
  __m128i lead = _mm_cmplt_epi8(_mm_sub_epi8(v, _mm_set1_epi8(0x43)),
                                _mm_set1_epi8(-128 + 3));
  unsigned lm = (unsigned)_mm_movemask_epi8(letter);
  unsigned cm = (unsigned)_mm_movemask_epi8(cont);
  unsigned dm = (unsigned)_mm_movemask_epi8(lead);
  /* a lead counts before a continuation, a continuation after a lead (a
   * lead in the last byte never: its pair may go on) */
  unsigned good = lm | (dm & (cm >> 1)) | (cm & (dm << 1));
  uint32_t n = (uint32_t)byte__ctz64(~(uint64_t)good);
  if (n >= 15) return WORD_LONG;
  if (!n || n > end - i) return 0;
  bool dot = false;
  if (!word__ends(text, i + n, n, end, &dot)) return 0;
  /* the fold: 0x20 into ASCII letters and into the byte after C3 when it
   * is 80-9E but the multiplication sign; Œ (C5 92) becomes œ (C5 93) */
  __m128i after_c3 =
      _mm_slli_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC3)), 1);
  __m128i after_c5 =
      _mm_slli_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC5)), 1);
  __m128i up = _mm_andnot_si128(
      _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x97)),
      _mm_and_si128(after_c3, _mm_cmplt_epi8(v, _mm_set1_epi8(-128 + 0x1F))));
  __m128i oe =
      _mm_and_si128(after_c5, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x92)));
  __m128i up20 = _mm_and_si128(_mm_or_si128(letter, up), _mm_set1_epi8(0x20));
  __m128i folded = _mm_or_si128(_mm_or_si128(v, up20),
                                _mm_and_si128(oe, _mm_set1_epi8(1)));
  unsigned char f16[16];
  _mm_storeu_si128((__m128i *)(void *)f16, folded);
  uint64_t h = LEX_SEED;
  if (n <= 8) {
    h = lex__step(h, lex__load8((const char *)f16) & (~0ULL >> (64 - 8 * n)));
  } else {
    h = lex__step(h, lex__load8((const char *)f16));
    uint64_t keep = ~0ULL >> (128 - 8 * n);
    h = lex__step(h, lex__load8((const char *)f16 + 8) & keep);
  }
  uint16_t f = markup ? TF_MARKUP : 0;
  if ((unsigned)(s[0] - 'A') < 26 || (s[0] == 0xC3 && s[1] <= 0x9E)) {
    f |= TF_CAP;
    /* every letter a capital: no ASCII lowercase, two ASCII capitals */
    unsigned in = (1u << n) - 1;
    unsigned case_bit = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(v, 2));
    unsigned caps = lm & ~case_bit & in;
    if (!(lm & case_bit & in) && (caps & (caps - 1))) f |= TF_ALLCAP;
  }
  if (dot) f |= TF_DOT;
  word__put_word(lx, h, i, n, f, t);
  return n + (i + n < end && text[i + n] == ' ');
}
#else
static inline uint32_t word__latin_short(const Lexicon *lx, const char *text,
                                         const char *src, uint32_t i,
                                         uint32_t end, bool markup, Token *t) {
  (void)lx, (void)text, (void)src, (void)i, (void)end, (void)markup, (void)t;
  return WORD_LONG;
}
#endif

#endif

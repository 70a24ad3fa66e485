/*
 * words.h - the shortcut word readers (words.c) that tok__scan tries
 * before its general word scanner, for the words its inline reader
 * (word_fast, in tokens.c) leaves: elided words and words with two-byte
 * Latin letters.
 *
 * Each reader gives exactly the token the general scanner would give, or
 * declines (returns 0, writing nothing) and leaves the word to it; they are
 * kept out of tokens.c, and so out of the scanner's loop, whose registers
 * they would otherwise take.  tests/unit/test_lang_lookup.c compares the
 * whole tokenizer with the scanner as it was before the shortcuts.
 */
#ifndef PM_ANALYSIS_WORDS_H
#define PM_ANALYSIS_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

#endif

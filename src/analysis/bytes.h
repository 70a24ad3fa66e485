/*
 * bytes.h - what a byte is to the tokenizer, shared by the general scanner
 * (tokens.c) and the shortcut word readers (words.c): the class tables,
 * the recogniser of the few multi-byte sequences that matter, and the tiny
 * tests built on them.
 *
 * The tokenizer never decodes UTF-8: ASCII is classified by a table, the
 * multi-byte spaces, quotation marks, dashes, the ellipsis, currency signs
 * and emoji are recognised by their bytes (byte__special), and every other
 * byte of 0x80 and above is part of a word.  Both files must answer alike
 * on every byte, or a shortcut would give another token than the scanner,
 * hence one header.  Everything here is static (the tables) or static
 * inline, so that each test costs a load or two where it is used.
 */
#ifndef PM_ANALYSIS_BYTES_H
#define PM_ANALYSIS_BYTES_H

#include <stdbool.h>
#include <stdint.h>

#include "analysis/internal.h"

/* What an ASCII byte is to the scanner; C_HIGH is any byte 0x80 and
 * above.  C_OTHER bytes (controls, and Markdown's emphasis mark *) make
 * no token and read as a space: « a dénoncé *Sophie Binet* » is « a dénoncé
 * Sophie Binet » to the rules (an emphasis _ is markdown.h's). */
enum { C_OTHER = 0, C_SPACE, C_LETTER, C_DIGIT, C_PUNCT, C_HIGH, C_NL,
       C_BACKSLASH };

static const unsigned char byte__class[256] = {
    ['\t'] = C_SPACE, ['\n'] = C_NL, ['\r'] = C_SPACE, ['\v'] = C_SPACE,
    ['\f'] = C_SPACE, [' '] = C_SPACE,
#define L(c) [c] = C_LETTER
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'),
    L('j'), L('k'), L('l'), L('m'), L('n'), L('o'), L('p'), L('q'), L('r'),
    L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'), L('A'),
    L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'),
    L('K'), L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'),
    L('T'), L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'),
#undef L
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT,
    ['4'] = C_DIGIT, ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT,
    ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['.'] = C_PUNCT, [','] = C_PUNCT, [';'] = C_PUNCT, [':'] = C_PUNCT,
    ['!'] = C_PUNCT, ['?'] = C_PUNCT, ['('] = C_PUNCT, [')'] = C_PUNCT,
    ['['] = C_PUNCT, [']'] = C_PUNCT, ['-'] = C_PUNCT, ['"'] = C_PUNCT,
    ['\''] = C_PUNCT, ['<'] = C_PUNCT, ['%'] = C_PUNCT, ['$'] = C_PUNCT,
    ['/'] = C_PUNCT, ['&'] = C_BACKSLASH, ['>'] = C_PUNCT,
    ['{'] = C_PUNCT, ['}'] = C_PUNCT, ['#'] = C_PUNCT, ['@'] = C_PUNCT,
    ['+'] = C_PUNCT, ['='] = C_PUNCT, ['_'] = C_PUNCT, ['|'] = C_PUNCT,
    ['~'] = C_PUNCT, ['^'] = C_PUNCT, ['`'] = C_BACKSLASH,
    /* rare punctuation, tested after the common kinds: a backslash (or an
     * escaped break), an & (or an HTML entity), a ` (or ``TeX quotes'') */
    ['\\'] = C_BACKSLASH,
#define H8(b) [b] = C_HIGH, [b + 1] = C_HIGH, [b + 2] = C_HIGH, [b + 3] = C_HIGH, \
    [b + 4] = C_HIGH, [b + 5] = C_HIGH, [b + 6] = C_HIGH, [b + 7] = C_HIGH
    H8(0x80), H8(0x88), H8(0x90), H8(0x98), H8(0xA0), H8(0xA8), H8(0xB0),
    H8(0xB8), H8(0xC0), H8(0xC8), H8(0xD0), H8(0xD8), H8(0xE0), H8(0xE8),
    H8(0xF0), H8(0xF8),
#undef H8
};

/* Multi-byte sequences the scanner treats specially: byte__special says
 * which one starts at s (n bytes readable), and its length, or S_NONE
 * (length 0) for a byte that is part of a word. */
enum { S_NONE, S_SPACE, S_QMARK, S_DASH, S_ELLIPSIS, S_CURRENCY, S_EMOJI,
       S_APOS, S_INVISIBLE };

typedef struct {
  int what;
  int len;
  uint8_t fam, role;
} Special;

static inline Special byte__special(const unsigned char *s, uint32_t n) {
  Special r = {S_NONE, 0, 0, 0};
  if (s[0] == 0xC2 && n >= 2) {
    switch (s[1]) {
    case 0xA0: r.what = S_SPACE; r.len = 2; break;
    case 0xAB: r.what = S_QMARK; r.len = 2; r.fam = QM_GUILL; r.role = QR_OPEN; break;
    case 0xBB: r.what = S_QMARK; r.len = 2; r.fam = QM_GUILL; r.role = QR_CLOSE; break;
    case 0xA3: r.what = S_CURRENCY; r.len = 2; break;
    case 0xAD: r.what = S_INVISIBLE; r.len = 2; break; /* soft hyphen */
    }
  } else if (s[0] == 0xE2 && n >= 3 && s[1] == 0x80) {
    r.len = 3;
    switch (s[2]) {
    case 0x80: case 0x81: case 0x82: case 0x83: case 0x84: case 0x85:
    case 0x86: case 0x87: case 0x88: case 0x89: case 0x8A:
    case 0xAF:
    case 0xA8: case 0xA9: /* line and paragraph separators (from JSON) */
      r.what = S_SPACE; break;
    case 0x8B: case 0x8C: case 0x8D: /* zero-width space, (non-)joiner */
      r.what = S_INVISIBLE; break;
    case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95:
      r.what = S_DASH; break;
    case 0xA6: r.what = S_ELLIPSIS; break;
    case 0x9C: r.what = S_QMARK; r.fam = QM_CURLY; r.role = QR_OPEN; break;
    case 0x9D: r.what = S_QMARK; r.fam = QM_CURLY; r.role = QR_CLOSE; break;
    case 0x9E: r.what = S_QMARK; r.fam = QM_CURLY; r.role = QR_OPEN | 4; break;
    case 0x98: r.what = S_QMARK; r.fam = QM_SINGLE; r.role = QR_OPEN; break;
    case 0x99: r.what = S_APOS; break;
    case 0xB9: r.what = S_QMARK; r.fam = QM_GUILL; r.role = QR_OPEN; break;
    case 0xBA: r.what = S_QMARK; r.fam = QM_GUILL; r.role = QR_CLOSE; break;
    default: r.len = 0; break;
    }
  } else if (s[0] == 0xE2 && n >= 3 && s[1] == 0x81 && s[2] == 0xA0) {
    r.what = S_INVISIBLE; r.len = 3; /* word joiner */
  } else if (s[0] == 0xE2 && n >= 3 && s[1] == 0x82 && s[2] == 0xAC) {
    r.what = S_CURRENCY; r.len = 3;
  } else if (s[0] == 0xF0 && n >= 4 && s[1] == 0x9F) {
    r.what = S_EMOJI; r.len = 4;
  } else if (s[0] == 0xEF && n >= 3 && s[1] == 0xBB && s[2] == 0xBF) {
    r.what = S_SPACE; r.len = 3; /* a BOM or zero-width no-break space */
  }
  return r;
}

/* Whether a space (ASCII, a line end or a Unicode space) starts at t[i],
 * or i is the end. */
static inline bool byte__space_at(const char *t, uint32_t i, uint32_t end) {
  if (i >= end) return true;
  unsigned char c = (unsigned char)t[i];
  if (byte__class[c] <= C_SPACE || byte__class[c] == C_NL) return true;
  if (c >= 0x80)
    return byte__special((const unsigned char *)t + i, end - i).what == S_SPACE;
  return false;
}

/* Whether a space ends just before t[i], or i is the start. */
static inline bool byte__space_before(const char *t, uint32_t i,
                                      uint32_t start) {
  if (i <= start) return true;
  unsigned char c = (unsigned char)t[i - 1];
  if (byte__class[c] <= C_SPACE || byte__class[c] == C_NL) return true;
  if (c == 0xA0 && i >= start + 2 && (unsigned char)t[i - 2] == 0xC2) return true;
  if ((c == 0xAF || c == 0xA8 || c == 0xA9 || (c >= 0x80 && c <= 0x8A)) && i >= start + 3 &&
      (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80)
    return true;
  return false;
}

/* The trailing zero bits of x, which is not 0: the byte of a chunk where
 * a mask's first set bit is, times eight. */
static inline unsigned byte__ctz64(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return (unsigned)__builtin_ctzll(x);
#else
  unsigned n = 0;
  while (!(x & 1)) {
    x >>= 1;
    n++;
  }
  return n;
#endif
}

/* What a byte is inside a word: 1 always part of it (ASCII letters and
 * digits, UTF-8 bytes), 2 the lead byte of a sequence the scanner may treat
 * apart (C2 E2 EF F0: spaces, marks, dashes, emoji) or the lexicon should
 * see otherwise (CC CD: a combining accent, which mk__clean_word
 * composes), 0 never.  A table, so
 * the word loop costs a load and a compare per byte. */
static const unsigned char byte__word[256] = {
    /* 00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 20 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 30 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    /* 40 */ 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 50 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    /* 60 */ 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 70 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    /* 80 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 90 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* A0 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* B0 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* C0 */ 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1,
    /* D0 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* E0 */ 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2,
    /* F0 */ 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Whether t[i] may go on a word: byte__word, and for a lead byte of 2
 * whether it starts no special sequence or an invisible one (a soft
 * hyphen, a zero-width space or joiner, which scraped pages leave inside
 * words and names: « dé\u00ADclaré », "Ma\u200Brie"). */
static inline bool byte__in_word(const char *t, uint32_t i, uint32_t end) {
  unsigned char w = byte__word[(unsigned char)t[i]];
  if (w == 1) return true;
  if (!w) return false;
  int what = byte__special((const unsigned char *)t + i, end - i).what;
  return what == S_NONE || what == S_INVISIBLE;
}

/* Whether a letter starts at t[i]: an ASCII letter, or a UTF-8 lead byte
 * that starts no special sequence. */
static inline bool byte__letter_at(const char *t, uint32_t i, uint32_t end) {
  if (i >= end) return false;
  unsigned char c = (unsigned char)t[i];
  if (byte__class[c] == C_LETTER) return true;
  return c >= 0xC0 &&
         byte__special((const unsigned char *)t + i, end - i).what == S_NONE;
}

/* How a byte that follows a run of ASCII letters ends the word, for the
 * readers that read only letters (word_fast in tokens.c, words.c): 1 it ends it (spaces, most punctuation, controls),
 * TF_DOT | 1 it is a period (ends it too, unless the word is short enough
 * for "e.g" or "U.S"; the value is the flag the word then takes), 0 the
 * general scanner must decide (digits, hyphens, apostrophes, an & that
 * may write one, UTF-8 bytes: the word may go on). */
static const unsigned char byte__word_end[256] = {
    /* 00 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 10 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 20 */ 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, TF_DOT | 1, 1,
    /* 30 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
    /* 40 */ 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 50 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
    /* 60 */ 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 70 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
};

/* The top bit of each byte of w that is not an ASCII letter: or-ing 0x20
 * maps exactly A-Z and a-z into 'a'..'z'. */
static inline uint64_t byte__non_letters(uint64_t w) {
  uint64_t l = (w | LEX_ONES * 0x20) & ~LEX_HIGHS;
  uint64_t ge_a = l + LEX_ONES * (0x80 - 'a');
  uint64_t gt_z = l + LEX_ONES * (0x80 - 'z' - 1);
  return ((~ge_a | gt_z) | w) & LEX_HIGHS;
}

#endif

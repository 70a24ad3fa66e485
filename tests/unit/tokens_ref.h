/*
 * tokens_ref.h - the tokenizer as it stood before the speed work of
 * commit 9b7698d (src/analysis/tokens.c, frozen), kept as the oracle the
 * unit tests compare tok__scan with, token by token, on random and real
 * text: a faster scanner must give exactly these tokens.  Its entry point
 * is ref__scan; do not change it to follow tokens.c's speed work.  What the
 * tokens are changed once since, in both: Markdown's emphasis mark * is a
 * C_OTHER byte that reads as a space, and its headings, blockquotes, links,
 * images and emphasis _ make no token (md__skip, shared: markdown.h); and
 * quotation marks spaced the French way, typewriter and TeX doubles,
 * <<guillemets>> and HTML entities are read alike (marks.h, shared).
 */
#include <string.h>

#include "analysis/internal.h"
#include "analysis/markdown.h"
#include "analysis/marks.h"

enum { C_OTHER = 0, C_SPACE, C_LETTER, C_DIGIT, C_PUNCT, C_HIGH, C_NL };

static const unsigned char cls[256] = {
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
    ['/'] = C_PUNCT, ['&'] = C_PUNCT, ['>'] = C_PUNCT,
    ['{'] = C_PUNCT, ['}'] = C_PUNCT, ['#'] = C_PUNCT, ['@'] = C_PUNCT,
    ['+'] = C_PUNCT, ['='] = C_PUNCT, ['_'] = C_PUNCT, ['|'] = C_PUNCT,
    ['~'] = C_PUNCT, ['^'] = C_PUNCT, ['`'] = C_PUNCT, ['\\'] = C_PUNCT,
#define H8(b) [b] = C_HIGH, [b + 1] = C_HIGH, [b + 2] = C_HIGH, [b + 3] = C_HIGH, \
    [b + 4] = C_HIGH, [b + 5] = C_HIGH, [b + 6] = C_HIGH, [b + 7] = C_HIGH
    H8(0x80), H8(0x88), H8(0x90), H8(0x98), H8(0xA0), H8(0xA8), H8(0xB0),
    H8(0xB8), H8(0xC0), H8(0xC8), H8(0xD0), H8(0xD8), H8(0xE0), H8(0xE8),
    H8(0xF0), H8(0xF8),
#undef H8
};

/* Multi-byte sequences the scanner treats specially. */
enum { S_NONE, S_SPACE, S_QMARK, S_DASH, S_ELLIPSIS, S_CURRENCY, S_EMOJI,
       S_APOS, S_INVISIBLE };

typedef struct {
  int what;
  int len;
  uint8_t fam, role;
} Special;

static Special special(const unsigned char *s, uint32_t n) {
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

static bool is_space_at(const char *t, uint32_t i, uint32_t end) {
  if (i >= end) return true;
  unsigned char c = (unsigned char)t[i];
  if (cls[c] <= C_SPACE || cls[c] == C_NL) return true;
  if (c >= 0x80) return special((const unsigned char *)t + i, end - i).what == S_SPACE;
  return false;
}

static bool is_space_before(const char *t, uint32_t i, uint32_t start) {
  if (i <= start) return true;
  unsigned char c = (unsigned char)t[i - 1];
  if (cls[c] <= C_SPACE || cls[c] == C_NL) return true;
  if (c == 0xA0 && i >= start + 2 && (unsigned char)t[i - 2] == 0xC2) return true;
  if ((c == 0xAF || c == 0xA8 || c == 0xA9 || (c >= 0x80 && c <= 0x8A)) && i >= start + 3 &&
      (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80)
    return true;
  return false;
}

static inline unsigned ctz64(uint64_t x) {
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
 * apart (C2 E2 EF F0: spaces, marks, dashes, emoji), 0 never.  A table, so
 * the word loop costs a load and a compare per byte. */
static const unsigned char wbyte[256] = {
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

static inline bool word_byte(const char *t, uint32_t i, uint32_t end) {
  unsigned char w = wbyte[(unsigned char)t[i]];
  if (w == 1) return true;
  if (!w) return false;
  int what = special((const unsigned char *)t + i, end - i).what;
  return what == S_NONE || what == S_INVISIBLE;
}

static bool is_letter_at(const char *t, uint32_t i, uint32_t end) {
  if (i >= end) return false;
  unsigned char c = (unsigned char)t[i];
  if (cls[c] == C_LETTER) return true;
  return c >= 0xC0 && special((const unsigned char *)t + i, end - i).what == S_NONE;
}

/* tok__scan reserves room for every token first (at most one per byte), so
 * a push is a store. */
static inline Token *push(Token **next, uint32_t s, uint32_t e, uint8_t kind) {
  Token *t = (*next)++;
  *t = (Token){.start = s, .end = e, .kind = kind};
  return t;
}

static inline void classify_word(const Lexicon *lx, const char *text,
                                 uint32_t end, Token *t) {
  unsigned char c = (unsigned char)text[t->start];
  if ((c >= 'A' && c <= 'Z') ||
      (c == 0xC3 && t->end - t->start > 1 &&
       (unsigned char)text[t->start + 1] >= 0x80 &&
       (unsigned char)text[t->start + 1] <= 0x9E))
    t->flags |= TF_CAP;
  if (t->flags & TF_CAP) {
    bool all = true;
    int letters = 0;
    for (uint32_t i = t->start; i < t->end; i++) {
      unsigned char d = (unsigned char)text[i];
      if (d >= 'a' && d <= 'z') { all = false; break; }
      if (d >= 'A' && d <= 'Z') letters++;
    }
    if (all && letters > 1) t->flags |= TF_ALLCAP;
  }
  if (t->end - t->start < 40) {
    const LexEntry *e = lex__lookup(lx, text + t->start, t->end - t->start,
                                    end - t->start);
    if (e) {
      t->lex = e->flags;
      t->stance = e->stance;
    }
  }
}

/* How a byte that follows a run of ASCII letters ends the word, for the
 * fast path below: 1 it ends it (spaces, most punctuation, controls), 2 it
 * is a period (ends it too, unless the word is short enough for "e.g" or
 * "U.S"), 0 the general scanner must decide (digits, hyphens, apostrophes,
 * UTF-8 bytes: the word may go on). */
static const unsigned char wend[256] = {
    /* 00 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 10 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 20 */ 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 2, 1,
    /* 30 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
    /* 40 */ 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 50 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
    /* 60 */ 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 70 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
};

/* The top bit of each byte of w that is not an ASCII letter: or-ing 0x20
 * maps exactly A-Z and a-z into 'a'..'z'. */
static inline uint64_t non_letters(uint64_t w) {
  uint64_t l = (w | LEX_ONES * 0x20) & ~LEX_HIGHS;
  uint64_t ge_a = l + LEX_ONES * (0x80 - 'a');
  uint64_t gt_z = l + LEX_ONES * (0x80 - 'z' - 1);
  return ((~ge_a | gt_z) | w) & LEX_HIGHS;
}

/* The common word: one to fifteen ASCII letters read as one or two
 * chunks, ended by a byte that wend[] says ends it.  The chunks already
 * loaded give the word's end, its capitals and its lexicon hash, so such
 * a word costs no byte loop and no call.  Returns the bytes taken (with
 * one space after the word, which the caller would skip anyway), 0 when
 * the word is not that simple (the general scanner then starts over at
 * i, so the tokens are the same either way).  `slots` and `mask` are the
 * lexicon's, copied into locals by the caller: read through the pointer
 * they would be reloaded after every token stored. */
static inline uint32_t word_fast(const LexEntry *slots, uint32_t mask,
                                 unsigned shift,
                                 const char *text, uint32_t i, uint32_t end,
                                 bool markup, Token **next) {
  /* Within 16 bytes of the end the word is read from a zero-padded copy:
   * a zero byte is no letter and ends a word like the end does, so the
   * chunks and the byte after the word need no bounds tests. */
  const char *src = text + i;
  char tail[24];
  if (end - i < 16) {
    memset(tail, 0, sizeof tail);
    memcpy(tail, src, end - i);
    src = tail;
  }
  uint64_t w0 = lex__load8(src), w1 = 0;
  uint64_t m = non_letters(w0);
  /* The word's lowercase chunks: every byte is a letter, so or-ing 0x20
   * into its bytes (and only its bytes) is lex__lower8. */
  uint64_t l0, l1 = 0;
  uint32_t n;
  if (m) {
    n = ctz64(m) >> 3;
    uint64_t keep = ~0ULL >> (64 - 8 * n);
    w0 &= keep;
    l0 = w0 | (keep & LEX_ONES * 0x20);
  } else {
    w1 = lex__load8(src + 8);
    m = non_letters(w1);
    if (!m) return 0;
    n = 8 + (ctz64(m) >> 3);
    uint64_t keep = n > 8 ? ~0ULL >> (64 - 8 * (n - 8)) : 0;
    w1 &= keep;
    l0 = w0 | LEX_ONES * 0x20;
    l1 = w1 | (keep & LEX_ONES * 0x20);
  }
  unsigned char d = (unsigned char)src[n];
  unsigned we = wend[d];
  if (!we || (we == 2 && n <= 3)) return 0;
  uint16_t f = 0;
  /* letters only: bit 0x20 tells the case of each */
  if (!(w0 & 0x20)) {
    f |= TF_CAP;
    if (n > 1 && !((w0 | w1) & (LEX_ONES * 0x20))) f |= TF_ALLCAP;
  }
  if (markup) f |= TF_MARKUP;
  if (we == 2) f |= TF_DOT;
  uint64_t lex = 0;
  uint8_t stance = 0;
  if (slots) {
    uint64_t h = lex__step(LEX_SEED, l0);
    if (n > 8) h = lex__step(h, l1);
    h = lex__done(h);
    for (uint32_t k = (uint32_t)(h >> shift); slots[k].hash; k = (k + 1) & mask) {
      if (slots[k].hash == h) {
        lex = slots[k].flags;
        stance = slots[k].stance;
        break;
      }
    }
  }
  *(*next)++ = (Token){.start = i, .end = i + n, .lex = lex, .flags = f,
                       .kind = T_WORD, .stance = stance};
  return n + (d == ' ');
}

/* classify_word for an elided word: np (1..6) ASCII letters, then an
 * apostrophe of either kind, which folds to "'": the folded word is one
 * chunk built from the letters, without lex__lookup_any's byte rules for
 * the typographic apostrophe. */
static void classify_elided(const Lexicon *lx, const char *text, uint32_t np,
                            Token *t) {
  uint64_t w = lex__load_part(text + t->start, np);
  if (!(w & 0x20)) { /* letters only: bit 0x20 tells the case */
    t->flags |= TF_CAP;
    if (np > 1 && !(w & (LEX_ONES * 0x20))) t->flags |= TF_ALLCAP;
  }
  if (!lx->slots) return;
  uint64_t keep = ~0ULL >> (64 - 8 * np);
  uint64_t chunk = (w | (keep & LEX_ONES * 0x20)) | ((uint64_t)'\'' << (8 * np));
  const LexEntry *e = lex__probe(lx, lex__done(lex__step(LEX_SEED, chunk)));
  if (e) {
    t->lex = e->flags;
    t->stance = e->stance;
  }
}

/* Elided words that take an apostrophe and glue to the next word. */
static bool elision_prefix(const char *s, uint32_t n) {
  char f[8];
  if (n > 6) return false;
  for (uint32_t i = 0; i < n; i++) f[i] = (char)(s[i] | 32);
  switch (n) {
  case 1: return memchr("ldjmnstc", f[0], 8) != NULL;
  case 2: return f[0] == 'q' && f[1] == 'u';
  case 5: return !memcmp(f, "jusqu", 5);
  case 6:
    return !memcmp(f, "lorsqu", 6) || !memcmp(f, "puisqu", 6) ||
           !memcmp(f, "quoiqu", 6);
  default: return false;
  }
}

/* The hyphen at t[i]: 1 for '-', 3 for U+2010 or the non-breaking U+2011
 * (« a\u2011t\u2011il », « Jean\u2011Pierre », as careful typesetting
 * writes them), 0 for none. */
static inline uint32_t hyphen_len(const char *t, uint32_t i, uint32_t end) {
  if (i >= end) return 0;
  if (t[i] == '-') return 1;
  return (unsigned char)t[i] == 0xE2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80 &&
                 (unsigned char)t[i + 2] - 0x90u <= 1
             ? 3
             : 0;
}

/* At text[i] == '-': an inverted subject "-t-il", "-elle", "-on"...?
 * Returns its length (up to the end of the pronoun) and the pronoun span. */
static uint32_t inversion(const char *t, uint32_t i, uint32_t end,
                          uint32_t *ps, uint16_t *flag) {
  uint32_t j = i + hyphen_len(t, i, end), h;
  if (j + 2 < end && t[j] == 't' && (h = hyphen_len(t, j + 1, end)) != 0) j += 1 + h;
  static const struct { const char *w; uint16_t f; } pr[] = {
      {"il", TF_INV_M}, {"elle", TF_INV_F}, {"ils", TF_INV_PL},
      {"elles", TF_INV_PL}, {"on", TF_INV_PL}, {"ils", TF_INV_PL}};
  for (size_t k = 0; k < sizeof pr / sizeof *pr; k++) {
    size_t n = strlen(pr[k].w);
    if (j + n <= end && !memcmp(t + j, pr[k].w, n) &&
        !is_letter_at(t, j + (uint32_t)n, end)) {
      *ps = j;
      *flag = pr[k].f;
      return j + (uint32_t)n - i;
    }
  }
  return 0;
}

/* A quotation mark (marks.h): `role` as given, or a straight mark's from
 * its neighbours when 0. */
static Token *ref_mark(Token **next, const char *text, uint32_t i, uint32_t len,
                       uint32_t start, uint32_t end, bool markup, uint8_t fam,
                       uint8_t role) {
  Token *t = push(next, i, i + len, T_QMARK);
  t->qfam = fam;
  bool sb = is_space_before(text, i, start);
  bool sa = is_space_at(text, i + len, end);
  if (sb) t->flags |= TF_SPACE_BEFORE;
  if (sa) t->flags |= TF_SPACE_AFTER;
  if (!role) {
    unsigned char pc = i > start ? (unsigned char)text[i - 1] : ' ';
    unsigned char nc = i + len < end ? (unsigned char)text[i + len] : ' ';
    role = mk__straight_role(sb, sa, pc, nc);
  }
  t->qrole = role;
  if (markup) t->flags |= TF_MARKUP;
  return t;
}

static void ref__scan(const Lexicon *lx, const char *text, uint32_t start,
               uint32_t end, TokenArray *out, IndexArray *ends) {
  uint32_t i = start;
  uint32_t markup_end = 0, link_close = UINT32_MAX;
  /* Each token takes at least one byte, plus one pronoun token per
   * inversion (which takes at least three). */
  pm_array_reserve(out, out->size + (end - start) + 2);
  pm_array_reserve(ends, ends->size + (end - start) + 1);
  /* the next free token, kept in a local so that a push is one store */
  Token *free_tok = out->contents + out->size;
  Token **next = &free_tok;
  const LexEntry *slots = lx->slots;
  const uint32_t mask = lx->mask;
  const unsigned shift = lx->shift;
  while (i < end) {
    unsigned char c = (unsigned char)text[i];
    if (c == ' ') {
      i++;
      continue;
    }
    int k = cls[c];
    if (k == C_LETTER) {
      uint32_t n = word_fast(slots, mask, shift, text, i, end, i < markup_end,
                             next);
      if (n) {
        i += n;
        continue;
      }
    }
    if (k == C_SPACE || k == C_NL || k == C_OTHER) {
      i++;
      continue;
    }
    if (k == C_HIGH) {
      Special sp = special((const unsigned char *)text + i, end - i);
      if (sp.what == S_SPACE || sp.what == S_INVISIBLE) {
        /* (an invisible character or a BOM after a word: the word's
         * flag, that the result's strings are cleaned, res__str) */
        if ((sp.what == S_INVISIBLE || (unsigned char)text[i] == 0xEF) &&
            free_tok > out->contents + out->size)
          free_tok[-1].flags |= TF_HIDDEN;
        i += (uint32_t)sp.len;
        continue;
      }
      if (sp.what == S_QMARK) {
        Token *t = push(next, i, i + (uint32_t)sp.len, T_QMARK);
        t->qfam = sp.fam;
        t->qrole = sp.role;
        if (i < markup_end) t->flags |= TF_MARKUP;
        bool sb = is_space_before(text, i, start);
        bool sa = is_space_at(text, i + (uint32_t)sp.len, end);
        if (sb) t->flags |= TF_SPACE_BEFORE;
        if (sa) t->flags |= TF_SPACE_AFTER;
        t->qrole = mk__typed_role(sp.role, sp.fam, sb, sa,
                                  i + sp.len < end ? (unsigned char)text[i + sp.len] : 0);
        i += (uint32_t)sp.len;
        continue;
      }
      if (sp.what == S_APOS) {
        /* A closing single quote when not between letters. */
        bool before = !is_space_before(text, i, start);
        if (!is_letter_at(text, i + 3, end) && before) {
          Token *t = push(next, i, i + 3, T_QMARK);
          t->qfam = QM_SINGLE;
          t->qrole = QR_CLOSE;
          if (is_space_at(text, i + 3, end)) t->flags |= TF_SPACE_AFTER;
        } else if (!before && is_letter_at(text, i + 3, end)) {
          /* ’It was loud,’: a ’ after a space and before a letter is a ‘
           * typed with the wrong mark (’90s, before a digit, is not) */
          Token *t = push(next, i, i + 3, T_QMARK);
          t->qfam = QM_SINGLE;
          t->qrole = QR_OPEN;
          t->flags |= TF_SPACE_BEFORE;
        } else {
          Token *t = push(next, i, i + 3, T_PUNCT);
          t->ch = '\'';
        }
        i += 3;
        continue;
      }
      if (sp.what == S_DASH || sp.what == S_ELLIPSIS) {
        Token *t = push(next, i, i + (uint32_t)sp.len, T_PUNCT);
        t->ch = sp.what == S_DASH ? '-' : '.';
        if (sp.what == S_ELLIPSIS)
          ends->contents[ends->size++] = (uint32_t)(t - out->contents);
        i += (uint32_t)sp.len;
        continue;
      }
      if (sp.what == S_CURRENCY || sp.what == S_EMOJI) {
        Token *t = push(next, i, i + (uint32_t)sp.len, T_PUNCT);
        t->ch = '$';
        t->flags |= sp.what == S_EMOJI ? TF_EMOTICON : TF_CURRENCY;
        i += (uint32_t)sp.len;
        continue;
      }
      if (c < 0xC0) { /* a stray continuation byte: pass over it */
        i++;
        continue;
      }
      /* otherwise a letter: fall through to the word scanner */
    }
    if (k == C_DIGIT) {
      uint32_t j = i;
      for (;;) {
        while (j < end && cls[(unsigned char)text[j]] == C_DIGIT) j++;
        /* 3,5 / 3.5 / 1,000 */
        if (j + 1 < end && (text[j] == '.' || text[j] == ',') &&
            cls[(unsigned char)text[j + 1]] == C_DIGIT) {
          j++;
          continue;
        }
        /* 1 000 or 1 000 (NBSP, NNBSP): a group of exactly three digits */
        uint32_t sl = 0;
        if (j < end && text[j] == ' ') sl = 1;
        else if (j + 1 < end && (unsigned char)text[j] == 0xC2 &&
                 (unsigned char)text[j + 1] == 0xA0) sl = 2;
        else if (j + 2 < end && (unsigned char)text[j] == 0xE2 &&
                 (unsigned char)text[j + 1] == 0x80 &&
                 (unsigned char)text[j + 2] == 0xAF) sl = 3;
        if (sl && j + sl + 3 <= end && j - i <= 3 &&
            cls[(unsigned char)text[j + sl]] == C_DIGIT &&
            cls[(unsigned char)text[j + sl + 1]] == C_DIGIT &&
            cls[(unsigned char)text[j + sl + 2]] == C_DIGIT &&
            (j + sl + 3 == end || cls[(unsigned char)text[j + sl + 3]] != C_DIGIT)) {
          j += sl + 3;
          continue;
        }
        break;
      }
      /* 12e, 2nd, 1990s: letters glued to digits stay in the token. */
      while (j < end && cls[(unsigned char)text[j]] == C_LETTER) j++;
      Token *t = push(next, i, j, T_NUMBER);
      if (j - i == 4 && (text[i] == '1' || text[i] == '2') &&
          ((text[i] == '1' && text[i + 1] >= '8') ||
           (text[i] == '2' && text[i + 1] == '0')))
        t->flags |= TF_YEAR;
      uint32_t p = j;
      if (p < end && text[p] == ' ') p++;
      else if (p + 1 < end && (unsigned char)text[p] == 0xC2 &&
               (unsigned char)text[p + 1] == 0xA0) p += 2;
      else if (p + 2 < end && (unsigned char)text[p] == 0xE2 &&
               (unsigned char)text[p + 1] == 0x80 &&
               (unsigned char)text[p + 2] == 0xAF) p += 3;
      if (p < end && text[p] == '%') t->flags |= TF_PERCENT;
      if (j < end && text[j] == '%') t->flags |= TF_PERCENT;
      i = j;
      continue;
    }
    if (k == C_PUNCT) {
      bool lead = free_tok == out->contents + out->size; /* no token yet */
      uint32_t md = md__skip(text, end, i, lead, &link_close);
      if (md) {
        i += md;
        continue;
      }
      if ((c == '<' || c == '>') && i + 1 < end && text[i + 1] == (char)c) {
        ref_mark(next, text, i, 2, start, end, i < markup_end, QM_GUILL,
                 c == '<' ? QR_OPEN : QR_CLOSE);
        i += 2;
        continue;
      }
      if (c == '<' && i + 1 < end &&
          (cls[(unsigned char)text[i + 1]] == C_LETTER || text[i + 1] == '/')) {
        /* Scraping debris: quotes inside <...> open nothing. */
        const char *gt = memchr(text + i, '>', end - i < 400 ? end - i : 400);
        if (gt) {
          markup_end = (uint32_t)(gt - text) + 1;
          i = markup_end; /* a tag makes no token */
          continue;
        }
      }
      if (c == '"') {
        ref_mark(next, text, i, 1, start, end, i < markup_end, QM_STRAIGHT, 0);
        i++;
        continue;
      }
      if (c == '\'' && i + 1 < end && text[i + 1] == '\'') {
        ref_mark(next, text, i, 2, start, end, i < markup_end, QM_STRAIGHT, 0);
        i += 2;
        continue;
      }
      if (c == '`' && i + 1 < end && text[i + 1] == '`') {
        ref_mark(next, text, i, 2, start, end, i < markup_end, QM_STRAIGHT, 0);
        i += 2;
        continue;
      }
      if (c == '&') {
        MarkEntity m = mk__mark_at(text + i, end - i);
        if (m.what == MK_QMARK) {
          ref_mark(next, text, i, m.len, start, end, i < markup_end, m.fam, m.role);
        } else if (m.what == MK_APOS) {
          if (!is_letter_at(text, i + m.len, end) && !is_space_before(text, i, start))
            ref_mark(next, text, i, m.len, start, end, i < markup_end, QM_SINGLE, QR_CLOSE);
          else
            push(next, i, i + m.len, T_PUNCT)->ch = '\'';
        } else if (m.what == MK_DASH || m.what == MK_ELLIPSIS) {
          Token *t = push(next, i, i + m.len, T_PUNCT);
          t->ch = m.what == MK_DASH ? '-' : '.';
          if (m.what == MK_ELLIPSIS)
            ends->contents[ends->size++] = (uint32_t)(t - out->contents);
        }
        if (m.what) {
          i += m.len;
          continue;
        }
      }
      if (c == '\'') {
        /* A straight single quote outside a word: 'like this'. */
        bool sb = is_space_before(text, i, start);
        bool sa = is_space_at(text, i + 1, end);
        unsigned char nc = i + 1 < end ? (unsigned char)text[i + 1] : ' ';
        uint8_t role = 0;
        if (sb && !sa && (is_letter_at(text, i + 1, end) || cls[nc] == C_DIGIT))
          role = QR_OPEN;
        else if (!sb && (sa || (nc < 0x80 && strchr(".,;:!?)", nc))))
          role = QR_CLOSE;
        if (role) {
          Token *t = push(next, i, i + 1, T_QMARK);
          t->qfam = QM_SINGLE;
          t->qrole = role;
          if (sb) t->flags |= TF_SPACE_BEFORE;
          if (sa) t->flags |= TF_SPACE_AFTER;
          if (i < markup_end) t->flags |= TF_MARKUP;
        }
        i++;
        continue;
      }
      if ((c == ':' || c == ';') && i + 1 < end &&
          (text[i + 1] == ')' || text[i + 1] == '(' || text[i + 1] == 'D' ||
           text[i + 1] == 'P' || (text[i + 1] == '-' && i + 2 < end &&
                                  (text[i + 2] == ')' || text[i + 2] == '(')))) {
        uint32_t j = i + (text[i + 1] == '-' ? 3 : 2);
        if (j >= end || !is_letter_at(text, j, end)) {
          Token *t = push(next, i, j, T_PUNCT);
          t->ch = ':';
          t->flags |= TF_EMOTICON;
          i = j;
          continue;
        }
      }
      Token *t = push(next, i, i + 1, T_PUNCT);
      t->ch = (char)c;
      if (c == '$') t->flags |= TF_CURRENCY;
      if (c == '.' || c == '!' || c == '?')
        ends->contents[ends->size++] = (uint32_t)(t - out->contents);
      i++;
      if (i < end && text[i] == ' ') i++; /* the loop would skip it */
      continue;
    }
    /* A word: letters, digits, non-ASCII letters, inner hyphens, inner
     * apostrophes and inner dots (U.S, e.g). */
    uint32_t j = i;
    uint16_t inv = 0;
    uint32_t inv_s = 0, inv_e = 0;
    bool elided = false;
    bool hidden = false; /* a byte the lexicon should not see (clean_word) */
    uint32_t elided_n = 0; /* letters before the apostrophe */
    for (;;) {
      /* ASCII letters eight at a time (most of a word), then byte by
       * byte: or-ing 0x20 maps exactly A-Z and a-z into 'a'..'z'. */
      while (j + 8 <= end) {
        uint64_t w;
        memcpy(&w, text + j, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        uint64_t l = (w | LEX_ONES * 0x20) & ~LEX_HIGHS;
        uint64_t ge_a = l + LEX_ONES * (0x80 - 'a');
        uint64_t gt_z = l + LEX_ONES * (0x80 - 'z' - 1);
        /* top bit of each byte set when it is not an ASCII letter */
        uint64_t other = ((~ge_a | gt_z) | w) & LEX_HIGHS;
        if (!other) {
          j += 8;
          continue;
        }
        j += (uint32_t)(ctz64(other) >> 3);
        break;
      }
      while (j < end && wbyte[(unsigned char)text[j]] == 1) j++;
      if (j < end && word_byte(text, j, end)) {
        hidden |= wbyte[(unsigned char)text[j]] == 2;
        j++;
        continue;
      }
      if (j >= end) break;
      unsigned char d = (unsigned char)text[j];
      uint32_t hl = d == '-' ? 1 : d == 0xE2 ? hyphen_len(text, j, end) : 0;
      if (hl && is_letter_at(text, j + hl, end)) {
        uint32_t ps;
        uint16_t f;
        uint32_t n = inversion(text, j, end, &ps, &f);
        if (n) {
          inv = f;
          inv_s = ps;
          inv_e = j + n;
          break;
        }
        j += hl;
        continue;
      }
      bool apos = d == '\'';
      uint32_t al = 1;
      if (d == 0xE2 && j + 2 < end && (unsigned char)text[j + 1] == 0x80 &&
          (unsigned char)text[j + 2] == 0x99) {
        apos = true;
        al = 3;
      } else if (d == '&') { /* l&rsquo;État, aujourd&#8217;hui */
        MarkEntity m = mk__entity(text + j, end - j);
        if (m.what == MK_APOS) {
          apos = true;
          al = m.len;
        }
      }
      if (apos && is_letter_at(text, j + al, end)) {
        if (elision_prefix(text + i, j - i)) {
          elided_n = j - i;
          j += al;
          elided = true;
          break;
        }
        if ((text[j + al] | 32) == 's' && !is_letter_at(text, j + al + 1, end))
          break; /* Clinton's: the possessive is its own token */
        hidden |= d == '&';
        j += al;
        continue;
      }
      if (d == '.' && j + 1 < end && cls[(unsigned char)text[j + 1]] == C_LETTER &&
          (unsigned char)text[j + 1] >= 'a' && j - i <= 3 &&
          j + 2 <= end && (j + 2 == end || !word_byte(text, j + 2, end) ||
                           text[j + 2] == '.')) {
        j++; /* e.g, u.s (single letters) */
        continue;
      }
      if (d == '.' && j - i == 1 && j + 1 < end &&
          cls[(unsigned char)text[j + 1]] == C_LETTER &&
          text[j + 1] >= 'A' && text[j + 1] <= 'Z' &&
          (j + 2 >= end || text[j + 2] == '.')) {
        j++; /* U.S */
        continue;
      }
      break;
    }
    if (j == i) { /* a lone apostrophe-like byte */
      i++;
      continue;
    }
    Token *t = push(next, i, j, T_WORD);
    if (elided) t->flags |= TF_ELISION;
    if (i < markup_end) t->flags |= TF_MARKUP;
    if (elided) {
      classify_elided(lx, text, elided_n, t);
    } else if (hidden && t->end - t->start <= 64) {
      char buf[64];
      Token c = {.start = 0, .kind = T_WORD};
      c.end = mk__clean_word(text + t->start, t->end - t->start, buf);
      if (c.end != t->end - t->start) t->flags |= TF_HIDDEN;
      if (c.end) classify_word(lx, buf, c.end, &c);
      t->flags |= c.flags & (TF_CAP | TF_ALLCAP);
      t->lex = c.lex;
      t->stance = c.stance;
    } else {
      classify_word(lx, text, end, t);
    }
    if (j < end && text[j] == '.') t->flags |= TF_DOT;
    if (inv) {
      t->flags |= inv;
      Token *p = push(next, inv_s, inv_e, T_WORD);
      p->flags |= inv;
      classify_word(lx, text, end, p);
      i = inv_e;
      continue;
    }
    i = j;
  }
  out->size = (uint32_t)(free_tok - out->contents);
}

/*
 * tokens.c - the analyser's one pass over the bytes: words, numbers,
 * punctuation and quotation marks, each looked up once in the lexicon.
 *
 * The scanner works on raw UTF-8 and never decodes a whole text: ASCII is
 * classified by a table, and only the few multi-byte sequences that matter
 * (quotation marks, dashes, spaces, the ellipsis, currency signs) are
 * recognised by their bytes; every other non-ASCII byte is part of a word.
 * Invalid bytes therefore cost nothing and are passed over inside words.
 *
 * French elision (l’, qu’) and inverted subjects (a-t-il, dit-elle) are
 * split here, so the rules above see "a" + pronoun "il".
 *
 * Most tokens take a shortcut before the general scanner: word_fast,
 * here and inlined in the loop (a word of ASCII letters), then the readers
 * of words.c, called out of the loop: word__elided (l’, qu') and
 * word__latin (letters with two-byte Latin letters).  Each gives exactly
 * the token the general scanner would, or declines and leaves the word to
 * it; tests/unit/test_lang_lookup.c compares the whole with the scanner as
 * it was before the shortcuts (tests/unit/tokens_ref.h).  What a byte is
 * (the class tables, the multi-byte sequences) is in bytes.h, shared with
 * words.c so that both paths end a word at the same byte.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "analysis/bytes.h"
#include "analysis/internal.h"
#include "analysis/markdown.h"
#include "analysis/marks.h"
#include "analysis/words.h"

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

/* The word paths read whole chunks past a word, up to VIEW bytes from
 * its start (words.h).  Within VIEW bytes of the paragraph's end they read
 * a zero-padded copy of its last bytes instead (made once per paragraph):
 * a zero byte is no letter and ends a word like the end does, so the
 * chunks and the byte after a word need no bounds tests. */
#define VIEW WORD_VIEW
typedef struct {
  char bytes[2 * VIEW];
  uint32_t at;  /* the copy holds text[at, end), then zeros */
  uint32_t lim; /* a word starting before lim is read in place */
} Tail;

static void tail_init(Tail *t, const char *text, uint32_t start,
                      uint32_t end) {
  /* a fixed size, so that the copies are a few moves, not calls */
  memset(t->bytes + VIEW, 0, VIEW);
  if (end - start >= VIEW) {
    t->at = end - VIEW;
    t->lim = end - VIEW + 1;
    memcpy(t->bytes, text + t->at, VIEW);
  } else {
    t->at = t->lim = start;
    memset(t->bytes, 0, VIEW);
    memcpy(t->bytes, text + start, end - start);
  }
}

/* text + i, readable for VIEW bytes (start <= i < end). */
static inline const char *view(const Tail *t, const char *text, uint32_t i) {
  return i < t->lim ? text + i : t->bytes + (i - t->at);
}

/* word_fast's answer for a word of letters ended by an apostrophe, which
 * may be an elision: ELIDED | the letters. */
#define ELIDED 0x80000000u

/* keep[n]: the low n bytes of a chunk (n <= 8). */
static const uint64_t keep_bytes[9] = {
    0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL,
    0xFFFFFFFFFFFFFFULL, ~0ULL};

/* The common word: one to fifteen ASCII letters read as one or two
 * chunks, ended by a byte that byte__word_end[] says ends it.  The chunks
 * already loaded give the word's end, its capitals and its lexicon hash,
 * so such a word costs no byte loop and no call (hence here, static
 * inline, and not in words.c).  Writes its token at *t and returns its
 * letters, or writes nothing and returns ELIDED | n for n letters and an
 * apostrophe (see word__elided), 0 when the word is not that simple
 * (the general scanner then starts over at i, so the tokens are the same
 * either way).  *letters is bit k set when src[k] is an ASCII letter, for
 * k < 16 (0 without SSE2): the caller need not classify the first byte of
 * the next word again; *end_byte is src[n], read before the token is
 * written (which may alias it).  src is the word's bytes as view() gives them.  `slots`,
 * `keys` and `mask` are the lexicon's, copied into locals by the caller:
 * read through the pointer they would be reloaded after every token
 * stored; `keys` is never NULL (an empty lexicon has a table of zeros).
 * Not for words inside markup (no TF_MARKUP). */
static inline uint32_t word_fast(const LexEntry *slots, const uint64_t *keys,
                                 uint32_t mask, unsigned shift,
                                 const char *src, uint32_t i, Token *t,
                                 unsigned *letters_out, unsigned *end_byte) {
  uint32_t n; /* the letters: the first byte is one */
#ifdef __SSE2__
  /* the sixteen bytes at once: or-ing 0x20 maps exactly A-Z and a-z into
   * 'a'..'z', which adding 0x1F maps into 0x80..0x99, the signed bytes
   * below -102 */
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)src);
  __m128i x = _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
                           _mm_set1_epi8(0x80 - 'a'));
  unsigned letters = (unsigned)_mm_movemask_epi8(
      _mm_cmplt_epi8(x, _mm_set1_epi8(-128 + 26)));
  unsigned other = letters ^ 0xFFFF;
  *letters_out = letters;
  if (!other) return 0;
  n = (uint32_t)byte__ctz64(other);
#if defined(__GNUC__) || defined(__clang__)
  if (n == 0) __builtin_unreachable(); /* src[0] is a letter */
#endif
#else
  *letters_out = 0; /* unknown */
  uint64_t m = byte__non_letters(lex__load8(src));
  if (m) {
    n = byte__ctz64(m) >> 3;
  } else {
    m = byte__non_letters(lex__load8(src + 8));
    if (!m) return 0;
    n = 8 + (byte__ctz64(m) >> 3);
  }
#endif
  unsigned char d = (unsigned char)src[n];
  *end_byte = d;
  uint64_t w0 = lex__load8(src), h;
  unsigned f = 0;
  if (d != ' ') { /* a space ends any word, and is the common end */
    unsigned we = byte__word_end[d];
    if (!we || (we > 1 && n <= 3))
      return (d == '\'' || d == 0xE2) && n <= 6 ? ELIDED | n : 0;
    f = we & TF_DOT;
  }
  /* The word's lowercase chunks: every byte is a letter, so or-ing 0x20
   * into its bytes (and only its bytes) is lex__lower8; bit 0x20 tells
   * the case of each. */
  if (n <= 8) {
    uint64_t keep = keep_bytes[n];
    if (!(w0 & 0x20)) {
      f |= TF_CAP;
      if (n > 1 && !(w0 & keep & (LEX_ONES * 0x20))) f |= TF_ALLCAP;
    }
    /* one chunk of letters never hashes to 0 (see lex__done) */
    h = lex__step(LEX_SEED, (w0 | LEX_ONES * 0x20) & keep);
  } else {
    uint64_t keep = keep_bytes[n - 8], w1 = lex__load8(src + 8);
    if (!(w0 & 0x20)) {
      f |= TF_CAP;
      if (!((w0 | (w1 & keep)) & (LEX_ONES * 0x20))) f |= TF_ALLCAP;
    }
    h = lex__done(lex__step(lex__step(LEX_SEED, w0 | LEX_ONES * 0x20),
                            (w1 | LEX_ONES * 0x20) & keep));
  }
  /* The first two slots are read without a branch on what they hold
   * (found, absent, or another word's: which one is no pattern a branch
   * predictor learns); the table is at most a quarter full, so a third
   * slot is rarely needed.  A word absent from the table finds an empty
   * slot at or before its own, so the second slot cannot hold it when the
   * first is empty. */
  static const LexEntry absent = {0, 0, 0};
  uint32_t k = (uint32_t)(h >> shift), k1 = (k + 1) & mask;
  uint64_t h0 = keys[k], h1 = keys[k1];
  const LexEntry *e = h1 == h ? &slots[k1] : &absent;
  e = h0 == h ? &slots[k] : e;
  if (e == &absent && h0 && h1)
    for (k = (k1 + 1) & mask; keys[k]; k = (k + 1) & mask)
      if (keys[k] == h) {
        e = &slots[k];
        break;
      }
  word__put(t, i, i + n, e->flags, (uint16_t)f, T_WORD, e->stance);
  return n;
}

/* The lexicon's table, as word_fast reads it (keys never NULL). */
typedef struct {
  const LexEntry *slots;
  const uint64_t *keys;
  uint32_t mask;
  unsigned shift;
} Probe;

/* What word_run leaves: the next free token, the byte where it stopped,
 * and whether the word there is the general scanner's (no shortcut reads
 * it); else the scanner goes on at `at`. */
typedef struct {
  Token *next;
  uint32_t at;
  bool general;
} Run;

/* A run of simple words from text[i] (an ASCII letter, outside markup),
 * each after the previous one and a space, a comma or a period, or a
 * comma or period and a space: word_fast in a loop, which need not
 * classify the first byte of the next word (word_fast's mask tells it is
 * a letter), and writes the comma or period token as the scanner would (a
 * T_PUNCT token, a period also in `ends`; neither takes a flag).
 * The words word_fast leaves go to word__elided and word__latin, here
 * rather than after a return to tok__scan's loop, and the run goes on
 * after them.  markup_end cannot grow before a '<', so the run stays out
 * of markup.  `toks` is the token array's start, for the indices in
 * `ends`.  Inline: out of line, with its own registers, it cost 1.5
 * instructions a byte more (the call and the result in memory). */
static inline Run word_run(const Lexicon *lx, const Probe *pb,
                           const char *text, uint32_t end, const Tail *tail,
                           uint32_t i, Token *t, const Token *toks,
                           IndexArray *ends) {
  const LexEntry *slots = pb->slots;
  const uint64_t *keys = pb->keys;
  const uint32_t mask = pb->mask;
  const unsigned shift = pb->shift;
  /* src is view(tail, text, i), moved on with i while both stay on the
   * same side of tail->lim; `cross` is that limit, or UINT32_MAX once src
   * is in the copy */
  const char *src = view(tail, text, i);
  uint32_t cross = i < tail->lim ? tail->lim : UINT32_MAX;
  for (;;) {
    unsigned letters, d;
    uint32_t n = word_fast(slots, keys, mask, shift, src, i, t, &letters, &d);
    if (n - 1 >= ELIDED - 1) { /* 0 or ELIDED | letters */
      uint32_t m = n ? word__elided(lx, text, src, i, end, n & ~ELIDED,
                                    false, t)
                     : word__latin_short(lx, text, src, i, end, false, t);
      if (m == WORD_LONG) m = word__latin(lx, text, src, i, end, false, t);
      if (!m) return (Run){t, i, true};
      t++;
      i += m;
      /* src[m]: m < 41 (words.h), and the view holds 64 bytes */
      if (byte__class[(unsigned char)src[m]] != C_LETTER)
        return (Run){t, i, false};
      src += m;
    } else {
      t++;
      /* src[n + 1]: the view holds it (n < 16), zeros past the end */
      if (d == ' ') {
        i += n + 1;
        if (!((letters >> (n + 1)) & 1)) return (Run){t, i, false};
        src += n + 1;
      } else {
        if (d != ',' && d != '.') return (Run){t, i + n, false};
        word__put(t, i + n, i + n + 1, 0, 0, T_PUNCT, 0);
        t->ch = (char)d;
        if (d == '.') ends->contents[ends->size++] = (uint32_t)(t - toks);
        t++;
        if (src[n + 1] != ' ') return (Run){t, i + n + 1, false};
        i += n + 2;
        if (!((letters >> (n + 2)) & 1)) return (Run){t, i, false};
        src += n + 2;
      }
    }
    if (i >= cross) {
      src = view(tail, text, i);
      cross = UINT32_MAX;
    }
  }
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

/* classify_word for a word the lexicon must see without some of its
 * bytes (mk__clean_word: « dé\u00ADclaré », "Ma\u200Brie", aujourd&#8217;hui);
 * the token keeps them.  Rare: out of line. */
MK_NOINLINE static void classify_hidden(const Lexicon *lx, const char *text,
                                        uint32_t end, Token *t) {
  char buf[64];
  if (t->end - t->start > sizeof buf) {
    classify_word(lx, text, end, t);
    return;
  }
  Token c = {.start = 0, .kind = T_WORD};
  c.end = mk__clean_word(text + t->start, t->end - t->start, buf);
  /* (bytes the clean word lacks: maybe an invisible character) */
  if (c.end != t->end - t->start) t->flags |= TF_HIDDEN;
  if (!c.end) return;
  classify_word(lx, buf, c.end, &c);
  t->flags |= c.flags & (TF_CAP | TF_ALLCAP);
  t->lex = c.lex;
  t->stance = c.stance;
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

/* At a hyphen at text[i]: an inverted subject "-t-il", "-elle", "-on"...?
 * Returns its length (up to the end of the pronoun) and the pronoun span. */
static uint32_t inversion(const char *t, uint32_t i, uint32_t end,
                          uint32_t *ps, uint16_t *flag) {
  uint32_t j = i + hyphen_len(t, i, end), h;
  if (j + 2 < end && t[j] == 't' && (h = hyphen_len(t, j + 1, end)) != 0) j += 1 + h;
  /* (every hyphen of a French text comes here, « Jean-Pierre » as much
   * as « a-t-il »: the pronouns' first bytes reject most words before
   * any comparison) */
  if (j >= end || (t[j] != 'i' && t[j] != 'e' && t[j] != 'o')) return 0;
  static const struct { const char *w; uint8_t n; uint16_t f; } pr[] = {
      {"il", 2, TF_INV_M}, {"elle", 4, TF_INV_F}, {"ils", 3, TF_INV_PL},
      {"elles", 5, TF_INV_PL}, {"on", 2, TF_INV_PL}, {"ils", 3, TF_INV_PL}};
  for (size_t k = 0; k < sizeof pr / sizeof *pr; k++) {
    size_t n = pr[k].n;
    if (t[j] == pr[k].w[0] && j + n <= end && !memcmp(t + j, pr[k].w, n) &&
        !byte__letter_at(t, j + (uint32_t)n, end)) {
      *ps = j;
      *flag = pr[k].f;
      return j + (uint32_t)n - i;
    }
  }
  return 0;
}

/* Writes at t the quotation mark text[i, i + len) of family `fam`: `role`
 * as given, or a straight mark's from its neighbours when 0.  (The free
 * token goes in and out by value: tok__scan keeps it in a register.) */
MK_NOINLINE static void quote_mark(Token *t, const char *text, uint32_t i,
                       uint32_t len, uint32_t start, uint32_t end,
                       bool markup, IndexArray *marks, const Token *toks,
                       uint8_t fam, uint8_t role) {
  *t = (Token){.start = i, .end = i + len, .kind = T_QMARK, .qfam = fam};
  bool sb = byte__space_before(text, i, start);
  bool sa = byte__space_at(text, i + len, end);
  if (sb) t->flags |= TF_SPACE_BEFORE;
  if (sa) t->flags |= TF_SPACE_AFTER;
  if (!role) {
    unsigned char pc = i > start ? (unsigned char)text[i - 1] : ' ';
    unsigned char nc = i + len < end ? (unsigned char)text[i + len] : ' ';
    role = mk__straight_role(sb, sa, pc, nc);
  }
  t->qrole = role;
  if (markup) t->flags |= TF_MARKUP;
  else marks->contents[marks->size++] = (uint32_t)(t - toks);
}

/* At a &, a `, a < or a > (not a blockquote's, which md__skip passed
 * over): a & may start an HTML entity for a quotation mark, a space or an
 * apostrophe; a `` is a TeX quote; << and >> are guillemets typed in
 * ASCII; a < before a letter or a / starts markup, whose end it returns
 * (`markup_end` else).  Returns in n the bytes taken, plus MADE when it
 * wrote a token at t (an entity for a space makes none), or 0 when the
 * byte is punctuation.  Out of line, and the free token and markup_end by
 * value, so that tok__scan keeps them in registers. */
#define MADE 0x80000000u
typedef struct {
  uint32_t n, markup_end;
} Rare;

MK_NOINLINE static Rare rare_mark(Token *t, const char *text, uint32_t i,
                                  uint32_t start, uint32_t end,
                                  uint32_t markup_end, IndexArray *marks,
                                  IndexArray *ends, const Token *toks) {
  char c = text[i];
  bool markup = i < markup_end;
  Rare r = {0, markup_end};
  if (c == '<' || c == '>') {
    if (i + 1 < end && text[i + 1] == c) {
      quote_mark(t, text, i, 2, start, end, markup, marks, toks, QM_GUILL,
                 c == '<' ? QR_OPEN : QR_CLOSE);
      r.n = 2 | MADE;
    } else if (c == '<' && i + 1 < end &&
               (byte__class[(unsigned char)text[i + 1]] == C_LETTER || text[i + 1] == '/')) {
      /* Scraping debris: a tag makes no token, so that « a déclaré
       * <strong>Paul Henrion</strong> » reads as its text and quotes
       * inside <...> open nothing. */
      const char *gt = memchr(text + i, '>', end - i < 400 ? end - i : 400);
      if (gt) {
        r.markup_end = (uint32_t)(gt - text) + 1;
        r.n = r.markup_end - i;
      }
    }
    return r;
  }
  if (c == '`') {
    if (i + 1 < end && text[i + 1] == '`') {
      quote_mark(t, text, i, 2, start, end, markup, marks, toks, QM_STRAIGHT, 0);
      r.n = 2 | MADE;
    }
    return r;
  }
  MarkEntity m = mk__mark_at(text + i, end - i);
  if (m.what == MK_QMARK) {
    quote_mark(t, text, i, m.len, start, end, markup, marks, toks, m.fam, m.role);
  } else if (m.what == MK_APOS) {
    /* as ’ is: a closing single quote when not between letters */
    if (!byte__letter_at(text, i + m.len, end) && !byte__space_before(text, i, start)) {
      quote_mark(t, text, i, m.len, start, end, markup, marks, toks, QM_SINGLE, QR_CLOSE);
    } else {
      *t = (Token){.start = i, .end = i + m.len, .kind = T_PUNCT, .ch = '\''};
    }
  } else if (m.what == MK_DASH || m.what == MK_ELLIPSIS) { /* as — and … are */
    *t = (Token){.start = i, .end = i + m.len, .kind = T_PUNCT,
                 .ch = m.what == MK_DASH ? '-' : '.'};
    if (m.what == MK_ELLIPSIS) ends->contents[ends->size++] = (uint32_t)(t - toks);
  }
  r.n = m.what == MK_SPACE ? m.len : m.what ? m.len | MADE : 0;
  return r;
}

uint32_t tok__scan(const Lexicon *lx, const char *text, uint32_t start,
                   uint32_t end, TokenArray *out, IndexArray *ends,
                   IndexArray *marks) {
  uint32_t stop = end;       /* an escaped break's offset, once found */
  uint32_t ends0 = ends->size, marks0 = marks->size;
restart:;
  uint32_t i = start;
  uint32_t markup_end = 0;
  /* Each token takes at least one byte, plus one pronoun token per
   * inversion (which takes at least three). */
  pm_array_reserve(out, out->size + (end - start) + 2);
  pm_array_reserve(ends, ends->size + (end - start) + 1);
  pm_array_reserve(marks, marks->size + (end - start) + 1);
  /* the next free token, kept in a local (whose address no call takes, so
   * that it stays in a register) */
  Token *free_tok = out->contents + out->size;
  Token **next = &free_tok;
  /* an empty lexicon: a table of two empty slots, which every hash's
   * top bit indexes */
  static const uint64_t no_keys[2] = {0, 0};
  const Probe probe = {lx->slots, lx->keys ? lx->keys : no_keys,
                       lx->keys ? lx->mask : 1, lx->keys ? lx->shift : 63};
  Tail tail;
  tail_init(&tail, text, start, end);
  uint32_t link_close = UINT32_MAX; /* the ] of a Markdown link's text */
  while (i < end) {
    /* a space mostly goes with the token before it (word_fast and
     * punctuation take one), so it is no test of its own here */
    unsigned char c = (unsigned char)text[i];
    int k = byte__class[c];
    if (k == C_LETTER || c - 0xC3u <= 2) {
      bool markup = i < markup_end;
      if (k == C_LETTER && !markup) {
        Run r = word_run(lx, &probe, text, end, &tail, i, free_tok,
                         out->contents, ends);
        free_tok = r.next;
        i = r.at;
        if (!r.general) continue;
        /* an ASCII letter starts the word at i: the general scanner's */
      } else {
        uint32_t n = word__latin(lx, text, view(&tail, text, i), i, end,
                                 markup, free_tok);
        if (n) {
          free_tok++;
          i += n;
          continue;
        }
      }
    }
    if (k == C_SPACE || k == C_NL || k == C_OTHER) {
      i++;
      continue;
    }
    if (k == C_HIGH) {
      Special sp = byte__special((const unsigned char *)text + i, end - i);
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
        else marks->contents[marks->size++] = (uint32_t)(t - out->contents);
        bool sb = byte__space_before(text, i, start);
        bool sa = byte__space_at(text, i + (uint32_t)sp.len, end);
        if (sb) t->flags |= TF_SPACE_BEFORE;
        if (sa) t->flags |= TF_SPACE_AFTER;
        /* “ … “, said (an opening mark glued to the word before, or a
         * guillemet to what follows: rare) */
        if (sp.role == QR_OPEN &&
            (!sb || (sp.fam == QM_GUILL && (!sa || i + sp.len >= end))))
          t->qrole = mk__typed_role(sp.role, sp.fam, sb, sa,
                                    i + sp.len < end ? (unsigned char)text[i + sp.len] : 0);
        i += (uint32_t)sp.len;
        continue;
      }
      if (sp.what == S_APOS) {
        /* A closing single quote when not between letters. */
        bool before = !byte__space_before(text, i, start);
        if (!byte__letter_at(text, i + 3, end) && before) {
          Token *t = push(next, i, i + 3, T_QMARK);
          t->qfam = QM_SINGLE;
          t->qrole = QR_CLOSE;
          if (byte__space_at(text, i + 3, end)) t->flags |= TF_SPACE_AFTER;
          marks->contents[marks->size++] = (uint32_t)(t - out->contents);
        } else if (!before && byte__letter_at(text, i + 3, end)) {
          /* ’It was loud,’: a ’ after a space and before a letter is a ‘
           * typed with the wrong mark (’90s, before a digit, is not) */
          Token *t = push(next, i, i + 3, T_QMARK);
          t->qfam = QM_SINGLE;
          t->qrole = QR_OPEN;
          t->flags |= TF_SPACE_BEFORE;
          marks->contents[marks->size++] = (uint32_t)(t - out->contents);
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
        while (j < end && byte__class[(unsigned char)text[j]] == C_DIGIT) j++;
        /* 3,5 / 3.5 / 1,000 */
        if (j + 1 < end && (text[j] == '.' || text[j] == ',') &&
            byte__class[(unsigned char)text[j + 1]] == C_DIGIT) {
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
            byte__class[(unsigned char)text[j + sl]] == C_DIGIT &&
            byte__class[(unsigned char)text[j + sl + 1]] == C_DIGIT &&
            byte__class[(unsigned char)text[j + sl + 2]] == C_DIGIT &&
            (j + sl + 3 == end ||
             byte__class[(unsigned char)text[j + sl + 3]] != C_DIGIT)) {
          j += sl + 3;
          continue;
        }
        break;
      }
      /* 12e, 2nd, 1990s: letters glued to digits stay in the token. */
      while (j < end && byte__class[(unsigned char)text[j]] == C_LETTER) j++;
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
      if (c == '<' || c == '>') { /* markup or <<guillemets>> (rare) */
        Rare r = rare_mark(free_tok, text, i, start, end, markup_end, marks,
                           ends, out->contents);
        markup_end = r.markup_end;
        if (r.n) {
          if (r.n & MADE) free_tok++;
          i += r.n & ~MADE;
          continue;
        }
      }
      if (c == '"') { /* (inline: the common mark) */
        Token *t = push(next, i, i + 1, T_QMARK);
        t->qfam = QM_STRAIGHT;
        bool sb = byte__space_before(text, i, start);
        bool sa = byte__space_at(text, i + 1, end);
        if (sb) t->flags |= TF_SPACE_BEFORE;
        if (sa) t->flags |= TF_SPACE_AFTER;
        unsigned char pc = i > start ? (unsigned char)text[i - 1] : ' ';
        unsigned char nc = i + 1 < end ? (unsigned char)text[i + 1] : ' ';
        t->qrole = mk__straight_role(sb, sa, pc, nc);
        if (i < markup_end) t->flags |= TF_MARKUP;
        else marks->contents[marks->size++] = (uint32_t)(t - out->contents);
        i++;
        continue;
      }
      if (c == '\'') {
        /* A straight single quote outside a word: 'like this'. */
        bool sb = byte__space_before(text, i, start);
        bool sa = byte__space_at(text, i + 1, end);
        unsigned char nc = i + 1 < end ? (unsigned char)text[i + 1] : ' ';
        uint8_t role = 0;
        if (sb && !sa &&
            (byte__letter_at(text, i + 1, end) || byte__class[nc] == C_DIGIT))
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
          else marks->contents[marks->size++] = (uint32_t)(t - out->contents);
        } else if (i + 1 < end && text[i + 1] == '\'') {
          /* ''typewriter quotes'', the close of ``TeX quotes'' (the
           * first ' has no role: another ' follows it) */
          quote_mark(free_tok++, text, i, 2, start, end, i < markup_end,
                     marks, out->contents, QM_STRAIGHT, 0);
          i++;
        }
        i++;
        continue;
      }
      if ((c == ':' || c == ';') && i + 1 < end &&
          (text[i + 1] == ')' || text[i + 1] == '(' || text[i + 1] == 'D' ||
           text[i + 1] == 'P' || (text[i + 1] == '-' && i + 2 < end &&
                                  (text[i + 2] == ')' || text[i + 2] == '(')))) {
        uint32_t j = i + (text[i + 1] == '-' ? 3 : 2);
        if (j >= end || !byte__letter_at(text, j, end)) {
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
    if (k == C_BACKSLASH) { /* kept apart: the punctuation path is hot */
      if (c != '\\') { /* & or `: a mark in ASCII or HTML, or punctuation */
        Rare r = rare_mark(free_tok, text, i, start, end, markup_end, marks,
                           ends, out->contents);
        markup_end = r.markup_end;
        if (r.n) {
          if (r.n & MADE) free_tok++;
          i += r.n & ~MADE;
          continue;
        }
      } else if (an__escaped_break(text, i, end)) {
        /* Rare: scan again up to the break (and a \r before it), so that
         * the tokens before it see the paragraph's end: a closing " there
         * has a space after it.  (out->size is still the first token's
         * index: it is set after the loop.) */
        stop = end = i;
        an__trim_before_break(text, &start, &end);
        ends->size = ends0;
        marks->size = marks0;
        goto restart;
      }
      Token *t = push(next, i, i + 1, T_PUNCT);
      t->ch = (char)c;
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
        j += (uint32_t)(byte__ctz64(other) >> 3);
        break;
      }
      while (j < end && byte__word[(unsigned char)text[j]] == 1) j++;
      if (j < end && byte__in_word(text, j, end)) {
        hidden = true; /* a lead byte of 2 (rare): maybe an invisible */
        j++;
        continue;
      }
      if (j >= end) break;
      unsigned char d = (unsigned char)text[j];
      uint32_t hl = d == '-' ? 1 : d == 0xE2 ? hyphen_len(text, j, end) : 0;
      if (hl && byte__letter_at(text, j + hl, end)) {
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
      if (apos && byte__letter_at(text, j + al, end)) {
        if (elision_prefix(text + i, j - i)) {
          elided_n = j - i;
          j += al;
          elided = true;
          break;
        }
        if ((text[j + al] | 32) == 's' &&
            !byte__letter_at(text, j + al + 1, end))
          break; /* Clinton's: the possessive is its own token */
        hidden |= d == '&';
        j += al;
        continue;
      }
      if (d == '.' && j + 1 < end &&
          byte__class[(unsigned char)text[j + 1]] == C_LETTER &&
          (unsigned char)text[j + 1] >= 'a' && j - i <= 3 &&
          j + 2 <= end && (j + 2 == end || !byte__in_word(text, j + 2, end) ||
                           text[j + 2] == '.')) {
        j++; /* e.g, u.s (single letters) */
        continue;
      }
      if (d == '.' && j - i == 1 && j + 1 < end &&
          byte__class[(unsigned char)text[j + 1]] == C_LETTER &&
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
    if (elided) classify_elided(lx, text, elided_n, t);
    else if (hidden) classify_hidden(lx, text, end, t);
    else classify_word(lx, text, end, t);
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
  return stop;
}

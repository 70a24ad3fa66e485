/*
 * marks.h - quotation marks written in ASCII or as HTML entities, shared
 * by tok__scan (tokens.c) and the reference scanner the unit tests compare
 * it with (tests/unit/tokens_ref.h), which must read them alike.
 *
 * Scraped press keeps what its source typed: a straight " spaced the
 * French way (" Nous sommes prêts "), typewriter doubles (''Yes'') and
 * TeX quotes (``Yes''), and, from a page's source rather than its
 * rendering, entities (&laquo;&nbsp;Oui&nbsp;&raquo;, &quot;Yes&quot;,
 * &#8220;Yes&#8221;).  Each is one T_QMARK token over its bytes, so
 * offsets stay byte offsets into the file; a doubled ' and a `` are of
 * the straight family (they pair only inside a paragraph, with " too),
 * entities of the family of the mark they name.  The tokenizer tests for
 * them only at a ' (for a second '), a ` or a &: rare bytes, after the
 * common punctuation.
 */
#ifndef PM_ANALYSIS_MARKS_H
#define PM_ANALYSIS_MARKS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "analysis/internal.h"

#if defined(__GNUC__) || defined(__clang__)
#define MK_NOINLINE __attribute__((noinline))
#else
#define MK_NOINLINE
#endif

/* The role of a straight mark from its neighbours: sb, sa a space (or the
 * paragraph's edge) before or after it, pc and nc the bytes around it.
 * A mark before a comma or a period opens nothing (`prêts ",` closes a
 * quotation spaced the French way; spaced on both sides it has no role,
 * and the quote pass pairs it as the stack says). */
static inline uint8_t mk__straight_role(bool sb, bool sa, unsigned char pc,
                                        unsigned char nc) {
  bool open_ok = !sa && (sb || strchr("([{-/'", pc) != NULL) &&
                 !(nc == ',' || nc == '.' || nc == ';' || nc == ':' || nc == '!' ||
                   nc == '?' || nc == ')' || nc == ']' || nc == '}');
  bool close_ok = !sb && (sa || (nc < 0x80 && strchr(".,;:!?)]}-/'", nc)));
  uint8_t role = (uint8_t)((open_ok ? QR_OPEN : 0) | (close_ok ? QR_CLOSE : 0));
  if (!role && !sa && !sb) role = QR_BOTH; /* x"y: unknown */
  return role;
}

/* The role of a guillemet, curly or single mark of role `role` (from its
 * bytes): an opening mark typed where its closing one stands closes too
 * (QR_BOTH, and the quote pass closes with it when its family is open):
 * “ … “ or ‘ … ‘ glued to the word before and followed by a space, closing
 * punctuation or the paragraph's end, « … « followed by the punctuation or
 * the end (« … «, a dit X).  sb, sa: a space before or after it; nc the
 * byte after it, 0 at the end.  Not „, which “ closes. */
static inline uint8_t mk__typed_role(uint8_t role, uint8_t fam, bool sb, bool sa,
                                     unsigned char nc) {
  if (role != QR_OPEN) return role;
  bool punct = !nc || nc == ',' || nc == '.' || nc == ';' || nc == ':' || nc == '!' ||
               nc == '?' || nc == ')';
  if (fam == QM_GUILL ? punct : !sb && (sa || punct)) return QR_BOTH;
  return role;
}

/* What an HTML entity at s (n bytes readable, s[0] == '&') stands for. */
enum { MK_NONE, MK_QMARK, MK_SPACE, MK_APOS, MK_DASH, MK_ELLIPSIS };

typedef struct {
  uint8_t what, len, fam, role;
} MarkEntity;

static inline MarkEntity mk__entity_once(const char *s, uint32_t n) {
  static const struct {
    const char *name;
    uint8_t what, fam, role;
  } ents[] = {
      {"quot;", MK_QMARK, QM_STRAIGHT, 0}, {"#34;", MK_QMARK, QM_STRAIGHT, 0},
      {"#x22;", MK_QMARK, QM_STRAIGHT, 0},
      {"laquo;", MK_QMARK, QM_GUILL, QR_OPEN}, {"#171;", MK_QMARK, QM_GUILL, QR_OPEN},
      {"#xab;", MK_QMARK, QM_GUILL, QR_OPEN},
      {"raquo;", MK_QMARK, QM_GUILL, QR_CLOSE}, {"#187;", MK_QMARK, QM_GUILL, QR_CLOSE},
      {"#xbb;", MK_QMARK, QM_GUILL, QR_CLOSE},
      {"lsaquo;", MK_QMARK, QM_GUILL, QR_OPEN}, {"rsaquo;", MK_QMARK, QM_GUILL, QR_CLOSE},
      {"#8249;", MK_QMARK, QM_GUILL, QR_OPEN}, {"#8250;", MK_QMARK, QM_GUILL, QR_CLOSE},
      {"#x2039;", MK_QMARK, QM_GUILL, QR_OPEN}, {"#x203a;", MK_QMARK, QM_GUILL, QR_CLOSE},
      {"ldquo;", MK_QMARK, QM_CURLY, QR_OPEN}, {"#8220;", MK_QMARK, QM_CURLY, QR_OPEN},
      {"#x201c;", MK_QMARK, QM_CURLY, QR_OPEN},
      {"rdquo;", MK_QMARK, QM_CURLY, QR_CLOSE}, {"#8221;", MK_QMARK, QM_CURLY, QR_CLOSE},
      {"#x201d;", MK_QMARK, QM_CURLY, QR_CLOSE},
      {"bdquo;", MK_QMARK, QM_CURLY, QR_OPEN | 4}, {"#8222;", MK_QMARK, QM_CURLY, QR_OPEN | 4},
      {"#x201e;", MK_QMARK, QM_CURLY, QR_OPEN | 4},
      {"lsquo;", MK_QMARK, QM_SINGLE, QR_OPEN}, {"#8216;", MK_QMARK, QM_SINGLE, QR_OPEN},
      {"#x2018;", MK_QMARK, QM_SINGLE, QR_OPEN},
      {"rsquo;", MK_APOS, 0, 0}, {"#8217;", MK_APOS, 0, 0}, {"#39;", MK_APOS, 0, 0},
      {"apos;", MK_APOS, 0, 0},
      /* (PHP's htmlspecialchars writes &#039;, Python's html.escape &#x27;) */
      {"#039;", MK_APOS, 0, 0}, {"#x27;", MK_APOS, 0, 0}, {"#x2019;", MK_APOS, 0, 0},
      {"nbsp;", MK_SPACE, 0, 0}, {"#160;", MK_SPACE, 0, 0}, {"#xa0;", MK_SPACE, 0, 0},
      {"#8239;", MK_SPACE, 0, 0}, {"#x202f;", MK_SPACE, 0, 0}, {"thinsp;", MK_SPACE, 0, 0},
      {"#8201;", MK_SPACE, 0, 0}, {"#x2009;", MK_SPACE, 0, 0},
      /* a dash signs a quotation ("…" &mdash; X), an ellipsis may end a
       * sentence */
      {"mdash;", MK_DASH, 0, 0}, {"ndash;", MK_DASH, 0, 0}, {"#8212;", MK_DASH, 0, 0},
      {"#8211;", MK_DASH, 0, 0}, {"#x2014;", MK_DASH, 0, 0}, {"#x2013;", MK_DASH, 0, 0},
      {"hellip;", MK_ELLIPSIS, 0, 0}, {"#8230;", MK_ELLIPSIS, 0, 0},
      {"#x2026;", MK_ELLIPSIS, 0, 0},
  };
  MarkEntity r = {MK_NONE, 0, 0, 0};
  if (n < 4) return r;
  char c = s[1];
  if (c != '#' && c != 'q' && c != 'l' && c != 'r' && c != 'b' && c != 'n' &&
      c != 'a' && c != 't' && c != 'm' && c != 'h')
    return r;
  char f[9];
  uint32_t k = 0;
  for (; k < 8 && k + 1 < n && s[k + 1] != ';'; k++)
    f[k] = (char)(s[k + 1] | (s[k + 1] >= 'A' && s[k + 1] <= 'Z' ? 0x20 : 0));
  if (k + 1 >= n || k == 8 || s[k + 1] != ';') return r;
  f[k++] = ';';
  for (size_t e = 0; e < sizeof ents / sizeof *ents; e++)
    if (strlen(ents[e].name) == k && !memcmp(ents[e].name, f, k)) {
      r.what = ents[e].what;
      r.len = (uint8_t)(k + 1);
      r.fam = ents[e].fam;
      r.role = ents[e].role;
      break;
    }
  return r;
}

/* mk__entity_once, and an entity escaped twice as feeds do (&amp;quot;,
 * &amp;#8217;), which stands for the same. */
static inline MarkEntity mk__entity(const char *s, uint32_t n) {
  if (n > 6 && (s[1] | 0x20) == 'a' && (s[2] | 0x20) == 'm' && (s[3] | 0x20) == 'p' &&
      s[4] == ';') {
    MarkEntity r = mk__entity_once(s + 4, n - 4); /* its & is the ; */
    if (r.what && r.len < 200) r.len = (uint8_t)(r.len + 4);
    else r.what = MK_NONE, r.len = 0;
    return r;
  }
  return mk__entity_once(s, n);
}

/* mk__entity, with the entities for spaces inside a guillemet or curly
 * mark (&laquo;&nbsp;Oui&nbsp;&raquo;) taken into its token: an opening
 * mark's reaches over those after it, a closing mark's starts at those
 * before it, so that the quotation between the tokens has no &nbsp; at
 * its ends (the quote pass trims only real spaces). */
static inline MarkEntity mk__mark_at(const char *s, uint32_t n) {
  MarkEntity m = mk__entity(s, n);
  if (m.what == MK_QMARK && m.fam != QM_STRAIGHT && m.role != QR_CLOSE) {
    for (MarkEntity sp; m.len < 200 && m.len < n && s[m.len] == '&' &&
                        (sp = mk__entity(s + m.len, n - m.len)).what == MK_SPACE;)
      m.len = (uint8_t)(m.len + sp.len);
  } else if (m.what == MK_SPACE) {
    uint32_t at = m.len;
    for (MarkEntity sp; at < 200 && at < n && s[at] == '&';) {
      sp = mk__entity(s + at, n - at);
      if (sp.what == MK_SPACE) {
        at += sp.len;
      } else {
        if (sp.what == MK_QMARK && sp.fam != QM_STRAIGHT && sp.role == QR_CLOSE) {
          sp.len = (uint8_t)(at + sp.len);
          return sp;
        }
        break;
      }
    }
  }
  return m;
}

/* The Latin-1 letter (its second byte after C3) that ASCII letter b and
 * the combining accent U+0300 + m (m: the byte after CC) make, or 0:
 * décomposed text (NFD, from some sites and PDF copies) writes « é » as
 * « e » and U+0301. */
static inline unsigned char mk__compose(unsigned char b, unsigned char m) {
  static const char *const base[] = {
      /* grave, acute, circumflex (CC 80-82) */
      "AEIOUaeiou", "AEIOUYaeiouy", "AEIOUaeiou"};
  static const unsigned char to[][12] = {
      {0x80, 0x88, 0x8C, 0x92, 0x99, 0xA0, 0xA8, 0xAC, 0xB2, 0xB9},
      {0x81, 0x89, 0x8D, 0x93, 0x9A, 0x9D, 0xA1, 0xA9, 0xAD, 0xB3, 0xBA, 0xBD},
      {0x82, 0x8A, 0x8E, 0x94, 0x9B, 0xA2, 0xAA, 0xAE, 0xB4, 0xBB}};
  const char *from;
  const unsigned char *out;
  if (m >= 0x80 && m <= 0x82) {
    from = base[m - 0x80];
    out = to[m - 0x80];
  } else if (m == 0x88) { /* diaeresis */
    from = "AEIOUaeiouy";
    static const unsigned char d[] = {0x84, 0x8B, 0x8F, 0x96, 0x9C, 0xA4, 0xAB, 0xAF, 0xB6, 0xBC, 0xBF};
    out = d;
  } else if (m == 0xA7) { /* cedilla */
    from = "Cc";
    static const unsigned char c[] = {0x87, 0xA7};
    out = c;
  } else if (m == 0x83) { /* tilde */
    from = "NnAaOo";
    static const unsigned char t[] = {0x91, 0xB1, 0x83, 0xA3, 0x95, 0xB5};
    out = t;
  } else {
    return 0;
  }
  const char *p = b ? strchr(from, b) : NULL;
  return p ? out[p - from] : 0;
}

/* A word's bytes as the lexicon should see them, into buf (room for n
 * bytes): without the invisible characters scraped pages leave inside
 * words (soft hyphen U+00AD, zero-width space, non-joiner and joiner
 * U+200B-U+200D, word joiner U+2060), with an apostrophe written as an
 * entity (aujourd&#8217;hui) as ', and an ASCII letter and a combining
 * accent composed (mk__compose).  Returns the bytes written. */
static inline uint32_t mk__clean_word(const char *s, uint32_t n, char *buf) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xCC && i + 1 < n && k && (unsigned char)buf[k - 1] < 0x80) {
      unsigned char l = mk__compose((unsigned char)buf[k - 1], (unsigned char)s[i + 1]);
      if (l) {
        buf[k - 1] = (char)0xC3;
        buf[k++] = (char)l;
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
      i += 2;
      continue;
    }
    if (c == 0xE2 && i + 2 < n &&
        (((unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] - 0x8Bu <= 2) ||
         ((unsigned char)s[i + 1] == 0x81 && (unsigned char)s[i + 2] == 0xA0))) {
      i += 3;
      continue;
    }
    if (c == '&') {
      MarkEntity m = mk__entity(s + i, n - i);
      if (m.what == MK_APOS) {
        buf[k++] = '\'';
        i += m.len;
        continue;
      }
    }
    buf[k++] = (char)c;
    i++;
  }
  return k;
}

#endif

/*
 * softbreak.c - which line ends inside a text are not paragraph ends.
 *
 * The analyser reads one paragraph per line (analyze.c): scraped press text
 * keeps one paragraph per line, often with no blank line between them, and
 * headlines, bylines and captions that end without a period.  But Markdown,
 * e-mail newsletters, wire exports and plain-text archives are hard-wrapped:
 * a paragraph is lines up to a blank line, and a quotation, its speaker and
 * its sentence run over several of them.  A '\n' that only wraps a line is a
 * soft break and reads as a space.
 *
 * Which reading a text wants is decided once per context, from the first
 * 16 KiB of its first block (an__wrap_detect), like its language:
 *   WRAP_LINES     one paragraph per line, every break hard (the default:
 *                  no evidence of wrapping);
 *   WRAP_WIDTH     blank lines separate paragraphs and the lines inside them
 *                  are near one width (at most 120 characters) and mostly end
 *                  mid-sentence: a break is soft when the line is full
 *                  (the next line's first word would not have fitted), or
 *                  the next line opens with a lowercase letter, or the line
 *                  ends with a comma or a hyphen;
 *   WRAP_MARKDOWN  the text has a Markdown heading, fence or link, and is
 *                  wrapped as above: CommonMark's rule, every break between
 *                  two non-blank lines is soft (a scraped page with a link,
 *                  a paragraph a line, is not read so, nor one with blank
 *                  lines between paragraphs and a comment section).
 * In both wrapped readings a break is hard before a blank line and before
 * or after a block: a heading (#), a list item, a block quote (>), a fence,
 * a table row (|), a thematic break or a setext underline; in WRAP_WIDTH
 * also before an indented line (an indented paragraph); and after a line
 * longer than any wrapping width that ends a sentence (a scraped paragraph
 * after a wrapped head: the reading is decided once).
 *
 * Each decision reads only the line before the break and the first bytes of
 * the line after it, so it is the same wherever a block starts (after a hard
 * break): the block's soft breaks become spaces in a private copy of the
 * block (an__soften), and every pass, in either thread, then cuts, tokenizes
 * and reads that copy as it reads an unwrapped text.  The copy keeps every
 * byte offset.  A text read one paragraph per line costs one test a block.
 */
#include <string.h>

#include "analysis/internal.h"
#include "util/alloc.h"

/* How much of the first block the reading is decided from. */
#define HEAD_BYTES (16u * 1024u)
/* A wrapped text's lines are at most this long (characters). */
#define WIDTH_MAX 120u
/* ... and at least this long: a byline or credit block of short lines
 * between blank lines (a scraped page's head) is no wrapping, and real
 * wrappers use 60 to 80 columns. */
#define WIDTH_MIN 45u
/* A line this close to the width (characters) counts as full when the
 * detector measures the lines; the break rule allows a wrapper this much
 * less than the widest line it saw. */
#define NEAR 20u
#define WORD_SLACK 2u

static inline bool hspace(char c) { return c == ' ' || c == '\t'; }

/* The length of line text[s, e) without the spaces and CR at its end. */
static size_t trimmed_len(const char *t, size_t s, size_t e) {
  while (e > s && (hspace(t[e - 1]) || t[e - 1] == '\r')) e--;
  return e - s;
}

/* The characters of text[s, e): its bytes but UTF-8 continuation bytes
 * (a line is wrapped at a width in characters, and French spends two or
 * three bytes on many of them). */
static size_t chars(const char *t, size_t s, size_t e) {
  size_t n = 0;
  for (size_t i = s; i < e; i++) n += ((unsigned char)t[i] & 0xC0) != 0x80;
  return n;
}

/* Does the line at text[p] (its indentation already passed over, up to
 * `end`) open a Markdown block that ends the paragraph before it?  Lines
 * that can never continue a paragraph: an ATX heading, a block quote, a
 * list item, a fence, a table row, a thematic break or setext underline. */
static bool block_start(const char *t, size_t p, size_t end) {
  char c = t[p];
  size_t n = end - p;
  switch (c) {
  case '#': {
    size_t k = 0;
    while (k < n && k < 7 && t[p + k] == '#') k++;
    return k <= 6 && (k == n || hspace(t[p + k]) || t[p + k] == '\r' || t[p + k] == '\n');
  }
  case '>':
  case '|':
    return true;
  case '-':
  case '*':
  case '+':
  case '=':
  case '_':
    /* "- item", "* item", "---", "***", "===" (a setext underline) */
    if (n > 1 && hspace(t[p + 1]) && c != '=' && c != '_') return true;
    return n > 2 && t[p + 1] == c && t[p + 2] == c;
  case '`':
  case '~':
    return n > 2 && t[p + 1] == c && t[p + 2] == c;
  default:
    break;
  }
  return false;
}

/* Does the line at text[p] open an ordered list item ("1. ", "12) ")? */
static bool numbered(const char *t, size_t p, size_t end) {
  size_t k = p;
  while (k < end && k - p < 3 && t[k] >= '0' && t[k] <= '9') k++;
  return k > p && k + 1 < end && (t[k] == '.' || t[k] == ')') && hspace(t[k + 1]);
}

/* Is the line text[ls, ls + cur) (its trailing spaces cut) a whole
 * paragraph, though the text is read as wrapped: longer than `limit`
 * characters, which no wrapper writes, and ending a sentence?  Scraped
 * text keeps one paragraph a line, also after a wrapped head (the reading
 * is decided once, from the head); joining its lines would glue a whole
 * article into one paragraph. */
static bool whole_paragraph(const char *t, size_t ls, size_t cur, size_t limit) {
  if (cur <= limit) return false; /* (bytes: never fewer than characters) */
  const unsigned char *u = (const unsigned char *)t + ls + cur;
  bool ends = u[-1] == '.' || u[-1] == '!' || u[-1] == '?' || u[-1] == '"' ||
              (cur >= 2 && u[-2] == 0xC2 && u[-1] == 0xBB) ||            /* » */
              (cur >= 3 && u[-3] == 0xE2 && u[-2] == 0x80 &&
               (u[-1] == 0x9D || u[-1] == 0xA6)); /* ” … */
  return ends && chars(t, ls, ls + cur) > limit;
}

/* soft_at's answers: a hard break, a soft one, a soft one inside a block
 * quote, whose next line's > marks go too ("> …\n> …"). */
enum { HARD = 0, SOFT, SOFT_QUOTED };

/* Is the break at text[nl] == '\n' soft, the line before it starting at
 * ls?  Reads the line before and at most the first 48 bytes after. */
static int soft_at(const char *t, size_t len, size_t ls, size_t nl,
                   uint8_t mode, uint8_t width) {
  size_t cur = trimmed_len(t, ls, nl);
  if (!cur) return HARD;
  /* the line before: a heading, a fence, a table row ends where it ends */
  size_t q = ls;
  while (q < nl && q - ls < 4 && hspace(t[q])) q++;
  if (q - ls < 4 && q < nl && (t[q] == '#' || t[q] == '|' || t[q] == '`' || t[q] == '~') &&
      block_start(t, q, nl))
    return HARD;
  /* the line after: blank, indented, or a block */
  size_t p = nl + 1, lim = len - p > 48 ? p + 48 : len;
  while (p < lim && hspace(t[p])) p++;
  if (p >= lim || t[p] == '\n' || t[p] == '\r') return HARD;
  size_t indent = p - (nl + 1);
  /* a block quote's lines: one paragraph while both are quoted and the
   * next has more than its marks */
  if (indent < 4 && t[p] == '>' && q - ls < 4 && q < nl && t[q] == '>') {
    size_t r = p;
    while (r < lim && (t[r] == '>' || hspace(t[r]))) r++;
    return r < lim && t[r] != '\n' && t[r] != '\r' ? SOFT_QUOTED : HARD;
  }
  if (indent < 4 && block_start(t, p, lim)) return HARD;
  /* an ordered item: "1." opens a list (CommonMark), any number goes on
   * one; "à 8 h\n30. Avant" wraps a sentence */
  if (indent < 4 && numbered(t, p, lim) &&
      ((t[p] == '1' && !(t[p + 1] >= '0' && t[p + 1] <= '9')) || numbered(t, q, nl) ||
       (q + 1 < nl && (t[q] == '-' || t[q] == '*' || t[q] == '+') && hspace(t[q + 1]))))
    return HARD;
  unsigned char c0 = (unsigned char)t[p];
  /* "…the finance\nminister, on Tuesday": a lowercase letter goes on */
  bool lower = (c0 >= 'a' && c0 <= 'z') ||
               (c0 == 0xC3 && p + 1 < lim && (unsigned char)t[p + 1] >= 0x9F);
  if (mode == PM_WRAP_MARKDOWN)
    return lower || !whole_paragraph(t, ls, cur, WIDTH_MAX) ? SOFT : HARD;
  if (indent >= 2 || (indent && t[nl + 1] == '\t')) return HARD;
  if (lower) return SOFT;
  /* a line ending with a comma or a word's hyphen goes on */
  char last = t[ls + cur - 1];
  if (last == ',' || (last == '-' && cur > 1 && t[ls + cur - 2] != '-' && !hspace(t[ls + cur - 2])))
    return SOFT;
  if (whole_paragraph(t, ls, cur, width + NEAR)) return HARD;
  /* a full line: the next line's first word would not have fitted */
  size_t w = p;
  while (w < lim && !hspace(t[w]) && t[w] != '\n' && t[w] != '\r') w++;
  return chars(t, ls, ls + cur) + 1 + chars(t, p, w) + WORD_SLACK > width ? SOFT : HARD;
}

void an__wrap_detect(const char *text, size_t len, uint8_t *mode, uint8_t *width) {
  *mode = PM_WRAP_LINES;
  *width = 0;
  size_t head = len < HEAD_BYTES ? len : HEAD_BYTES;
  /* inner lines: the non-blank lines followed by another one */
  uint32_t blank = 0, inner = 0, near = 0, mid = 0, md = 0;
  uint16_t lens[256];
  char lasts[256];
  size_t prev_len = 0;
  char prev_last = 0;
  size_t s = 0;
  while (s < head && inner < 256) {
    const char *nl = memchr(text + s, '\n', head - s);
    size_t e = nl ? (size_t)(nl - text) : head;
    size_t q = s;
    while (q < e && hspace(text[q])) q++;
    size_t n = q < e ? trimmed_len(text, q, e) : 0;
    /* a heading, a list item, a quote or a table row says nothing of the
     * width the text is wrapped at, nor does the line before it */
    bool block = n && q - s < 4 && (block_start(text, q, e) || numbered(text, q, e));
    if (!n) {
      blank++;
    } else {
      if (prev_len && !block) {
        lens[inner] = (uint16_t)(prev_len < 60000 ? prev_len : 60000);
        lasts[inner++] = prev_last;
      }
      /* Markdown: "# Heading", a fence, a [link](url) */
      if (!md && ((text[q] == '#' || text[q] == '`' || text[q] == '~') && block_start(text, q, e)))
        md = 1;
      for (size_t k = q; !md && k + 1 < e; k++)
        if (text[k] == ']' && text[k + 1] == '(') md = 1;
    }
    prev_len = n && !block ? chars(text, s, q + n) : 0;
    prev_last = n ? text[q + n - 1] : 0;
    if (!nl) break;
    s = e + 1;
  }
  if (!blank || !inner) return;
  size_t w = 0;
  for (uint32_t i = 0; i < inner; i++)
    if (lens[i] <= WIDTH_MAX && lens[i] > w) w = lens[i];
  for (uint32_t i = 0; i < inner && w >= WIDTH_MIN; i++) {
    if (lens[i] + NEAR >= w && lens[i] <= WIDTH_MAX) near++;
    /* a wrap falls mid-sentence more often than not: after a word, a
     * figure, a comma or a hyphen */
    unsigned char c = (unsigned char)lasts[i];
    if ((unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u || c == ',' ||
        c == ';' || c == '-')
      mid++;
    else if (c >= 0x80 && c != 0xBB && c != 0x9D && c != 0x99 && c != 0xA6)
      mid++; /* a letter's last byte, not that of » ” ’ … */
  }
  bool wrapped = inner >= 2 && w >= WIDTH_MIN && near * 3 >= inner * 2 && mid * 2 >= inner;
  /* Markdown joins its lines whatever their width, but a scraped page
   * with a link is no Markdown: a paragraph a line, or blank lines between
   * its paragraphs and none inside a comment section or a byline block
   * (« Commentaires (12) », a post a line, « Répondre »), which joined
   * would give the posts an article speaker.  Only wrapped lines tell.
   * (Unwrapped Markdown, a paragraph a line between blank lines, reads
   * the same either way but for its few consecutive lines.) */
  if (md && wrapped) {
    *mode = PM_WRAP_MARKDOWN;
  } else if (wrapped) {
    *mode = PM_WRAP_WIDTH;
    *width = (uint8_t)w;
  }
}

char *an__soften(const char *text, size_t len, uint8_t mode, uint8_t width,
                 bool *crlf) {
  *crlf = false;
  if (mode != PM_WRAP_WIDTH && mode != PM_WRAP_MARKDOWN) return NULL;
  char *copy = NULL;
  size_t ls = 0;
  for (const char *nl = memchr(text, '\n', len); nl;
       nl = memchr(nl + 1, '\n', len - (size_t)(nl + 1 - text))) {
    size_t n = (size_t)(nl - text);
    int soft = soft_at(text, len, ls, n, mode, width);
    if (soft) {
      if (!copy) {
        copy = pm_malloc(len);
        memcpy(copy, text, len);
      }
      copy[n] = ' ';
      if (n > ls && text[n - 1] == '\r') {
        copy[n - 1] = ' ';
        *crlf = true;
      }
      /* "> …\n> …": the next line's marks are no words of the quote */
      for (size_t k = n + 1; soft == SOFT_QUOTED && k < len && (text[k] == '>' || hspace(text[k])); k++)
        copy[k] = ' ';
    }
    ls = n + 1;
    if (ls >= len) break;
  }
  return copy;
}

size_t pm_analysis_block_end(const char *text, size_t len) {
  /* after the last blank line, a hard break in every reading, looked for
   * in the last 64 KiB; else after the last '\n' */
  size_t last_nl = 0, lim = len > 65536 ? len - 65536 : 0;
  for (size_t i = len; i > lim; i--) {
    if (text[i - 1] != '\n') continue;
    if (!last_nl) last_nl = i;
    size_t k = i - 1;
    while (k > 0 && (hspace(text[k - 1]) || text[k - 1] == '\r')) k--;
    if (k == 0 || text[k - 1] == '\n') return i;
  }
  if (last_nl) return last_nl;
  for (size_t i = lim; i > 0; i--)
    if (text[i - 1] == '\n') return i;
  return 0;
}

bool pm_context_set_reading(PmContext *ctx, const char *head, size_t len) {
  an__wrap_detect(head, len, &ctx->wrap, &ctx->wrap_width);
  return ctx->wrap == PM_WRAP_WIDTH || ctx->wrap == PM_WRAP_MARKDOWN;
}

bool pm_analysis_hard_break(const PmContext *ctx, const char *line,
                            size_t line_len, const char *next,
                            size_t next_len) {
  if (ctx->wrap != PM_WRAP_WIDTH && ctx->wrap != PM_WRAP_MARKDOWN) return true;
  /* soft_at reads the line before and at most 48 bytes after the break:
   * the two side by side, as in the text, the next line's end marked
   * when it comes within those 48 */
  size_t nn = next_len < 48 ? next_len : 48;
  size_t total = line_len + 1 + nn + (nn < 48);
  char stack[512];
  char *t = total <= sizeof stack ? stack : pm_malloc(total);
  if (line_len) memcpy(t, line, line_len);
  t[line_len] = '\n';
  if (nn) memcpy(t + line_len + 1, next, nn);
  if (nn < 48) t[total - 1] = '\n';
  bool hard = soft_at(t, total, 0, line_len, ctx->wrap, ctx->wrap_width) == HARD;
  if (t != stack) pm_free(t);
  return hard;
}

/*
 * markdown.h - the Markdown structure the tokenizer passes over, shared by
 * tok__scan (tokens.c) and the reference scanner the unit tests compare it
 * with (tests/unit/tokens_ref.h), which must read Markdown alike.
 */
#ifndef PM_ANALYSIS_MARKDOWN_H
#define PM_ANALYSIS_MARKDOWN_H

#include <stdbool.h>
#include <stdint.h>

/* A letter, a digit or a byte of a UTF-8 sequence. */
static inline bool md__word_byte(char c) {
  unsigned char u = (unsigned char)c;
  return u >= 0x80 || (u >= '0' && u <= '9') ||
         ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

/* Markdown's structure around words makes no token, so that the rules
 * read an article written in Markdown as its text: a heading's #s and a
 * blockquote's > opening the paragraph, a link's [ and its ](url), an
 * image's ![, and an emphasis _ (an emphasis * is C_OTHER in byte__class);
 * so does a footnote reference [2].
 * At the punctuation byte text[i] (end: the paragraph's end): how many bytes to
 * pass over, 0 for none.  `lead`: the paragraph has no token yet (only
 * spaces and such marks before i; told by the caller, so that a line of
 * #s costs no scan back per mark).  *link_close is the ] of a link whose
 * [ was passed over. */
static inline uint32_t md__skip(const char *text, uint32_t end, uint32_t i,
                                bool lead, uint32_t *link_close) {
  char c = text[i];
  if (c == '#' || c == '>') /* "## Reaction", "> « … »", not "#MeToo" */
    return lead && i + 1 < end && (text[i + 1] == ' ' || text[i + 1] == c);
  if (c == '_') { /* _emphasis_, but not Le_Figaro or jean_dupont */
    bool before = i > 0 && md__word_byte(text[i - 1]);
    bool after = i + 1 < end && md__word_byte(text[i + 1]);
    return before && after ? 0 : 1;
  }
  if (c == ']' && i == *link_close) {
    /* ](url) or ](url "title"): up to the ) that closes it, on the line */
    uint32_t lim = end - i > 2048 ? i + 2048 : end, depth = 0;
    for (uint32_t k = i + 2; k < lim && text[k] != '\n'; k++) {
      if (text[k] == '(') depth++;
      if (text[k] == ')' && depth-- == 0) return k + 1 - i;
    }
    return 1;
  }
  if (c == '[' || (c == '!' && i + 1 < end && text[i + 1] == '[')) {
    /* a footnote reference, [2] or [12], as pages keep it after a
     * quotation (« … »[2], a déclaré X): nothing between the mark and
     * its cue */
    if (c == '[' && i + 2 < end && text[i + 1] >= '0' && text[i + 1] <= '9') {
      uint32_t k = i + 2;
      while (k < end && k < i + 4 && text[k] >= '0' && text[k] <= '9') k++;
      if (k < end && text[k] == ']') return k + 1 - i;
    }
    /* a link's text: a ] followed by ( ahead on the line, no [ between */
    uint32_t o = c == '!' ? i + 1 : i;
    uint32_t lim = end - o > 300 ? o + 300 : end;
    for (uint32_t k = o + 1; k + 1 < lim; k++) {
      if (text[k] == '\n' || text[k] == '[') return 0;
      if (text[k] == ']') {
        if (text[k + 1] != '(') return 0;
        *link_close = k;
        return o + 1 - i;
      }
    }
  }
  return 0;
}

#endif

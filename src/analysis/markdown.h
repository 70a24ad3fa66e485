/*
 * markdown.h - the Markdown structure the tokenizer passes over, shared by
 * tok__scan (tokens.c) and the reference scanner the unit tests compare it
 * with (tests/unit/tokens_ref.h), which must read Markdown alike.
 */
#ifndef PM_ANALYSIS_MARKDOWN_H
#define PM_ANALYSIS_MARKDOWN_H

#include <stdint.h>

/* Markdown's structure around words makes no token, so that the rules
 * read an article written in Markdown as its text: a heading's #s and a
 * blockquote's > opening the paragraph, a link's [ and its ](url), an
 * image's ![ (emphasis, * and _, is C_OTHER in byte__class).  At the
 * punctuation byte text[i]: how many bytes to pass over, 0 for none.
 * *link_close is the ] of a link whose [ was passed over. */
static inline uint32_t md__skip(const char *text, uint32_t start,
                                uint32_t end, uint32_t i,
                                uint32_t *link_close) {
  char c = text[i];
  if (c == '#' || c == '>') {
    /* only #s, >s and spaces before it in the paragraph, a space or
     * another mark after it: "## Reaction", "> « … »", not "#MeToo" */
    for (uint32_t k = start; k < i; k++)
      if (text[k] != '#' && text[k] != '>' && text[k] != ' ') return 0;
    return i + 1 < end && (text[i + 1] == ' ' || text[i + 1] == c) ? 1 : 0;
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

/*
 * yemit.c - writing the YAML tree as deterministic block-style text.
 *
 * libyaml's emitter is not used: it cannot write the git-style conflict
 * markers a merge leaves between field versions, and its scalar style
 * choice would write a string "true" plain (read back as a boolean) unless
 * told otherwise per scalar anyway.  The rules here are few and fixed:
 *   - a string that reads back as itself is written plain;
 *   - a string with line breaks is a literal block (`|`, `|-`, `|+`) when
 *     YAML can represent it that way, else double-quoted;
 *   - anything that would resolve to another type (true, 12, null, a date)
 *     or needs escapes is double-quoted, UTF-8 kept as is.
 * Output is always valid UTF-8: an invalid byte (possible only through the
 * C setters) is written as U+FFFD.
 */
#include <string.h>

#include "sidecar/ynode.h"
#include "util/utf8.h"

static void indent(PmBuf *b, int n) {
  for (int i = 0; i < n; i++) pm_buf_putc(b, ' ');
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Would this plain text resolve to a number or a timestamp (YAML 1.1 or
 * 1.2)?  Errs on the side of "yes": a needless pair of quotes costs
 * nothing, a string read back as a number loses data. */
static bool looks_numeric(const char *s, size_t n) {
  size_t i = 0;
  if (n == 0) return false;
  if (s[0] == '+' || s[0] == '-') i++;
  if (i < n && s[i] == '.') {
    const char *r = s + i + 1;
    size_t m = n - i - 1;
    if ((m == 3 && (!memcmp(r, "inf", 3) || !memcmp(r, "Inf", 3) ||
                    !memcmp(r, "INF", 3) || !memcmp(r, "nan", 3) ||
                    !memcmp(r, "NaN", 3) || !memcmp(r, "NAN", 3))))
      return true;
    return m > 0 && is_digit(r[0]);
  }
  if (i >= n || !is_digit(s[i])) return false;
  /* Hex, octal and binary integers need their prefix. */
  if (n - i > 2 && s[i] == '0' && strchr("xob", s[i + 1])) return true;
  /* Otherwise a number, a date, a time or a sexagesimal unless it holds a
   * character none of those can (so a hex digest stays plain). */
  for (size_t k = i; k < n; k++) {
    char c = s[k];
    if (!(is_digit(c) || c == '.' || c == '_' || c == ':' || c == '-' ||
          c == '+' || c == 'e' || c == 'E' || c == 'T' || c == 't' ||
          c == 'Z' || c == 'z' || c == ' '))
      return false;
  }
  return true;
}

static bool special_word(const char *s, size_t n) {
  static const char *const words[] = {
      "null", "Null", "NULL", "~",   "true", "True", "TRUE", "false",
      "False", "FALSE", "yes", "Yes", "YES", "no",   "No",   "NO",
      "on",   "On",   "ON",  "off", "Off", "OFF", "y",    "Y",
      "n",    "N",    "<<",  "=",   NULL};
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == n && !memcmp(words[i], s, n)) return true;
  return false;
}

/* Code points YAML wants escaped or treats as line breaks. */
static bool needs_escape(int32_t cp) {
  return cp < 0 || (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7f ||
         (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0xfeff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe ||
         cp == 0xffff;
}

static bool clean_text(const char *s, size_t n, bool allow_nl, bool allow_tab) {
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    size_t k = pm_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (needs_escape(cp) || (cp == '\n' && !allow_nl) ||
        (cp == '\t' && !allow_tab))
      return false;
    i += k;
  }
  return true;
}

/* Can `s` stand as a plain scalar in block context?  Shape only: whether it
 * would then read as a string is plain_ok's business. */
static bool plain_shape_ok(const char *s, size_t n) {
  if (n == 0 || s[0] == ' ' || s[n - 1] == ' ' || s[n - 1] == ':') return false;
  if (strchr("?:,[]{}#&*!|>'\"%@`", s[0])) return false;
  if (s[0] == '-' && (n == 1 || s[1] == ' ' || !memcmp(s, "---", n < 3 ? n : 3)))
    return false;
  if (n >= 3 && !memcmp(s, "...", 3)) return false;
  /* A top-level key starts its line: written plain, "<<<<<<< x" would be
   * taken for a conflict marker by the loader (found by fuzz_sidecar). */
  if (n >= 7 && (!memcmp(s, "<<<<<<<", 7) || !memcmp(s, "=======", 7))) return false;
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] == ':' && s[i + 1] == ' ') return false;
    if (s[i] == ' ' && s[i + 1] == '#') return false;
  }
  return clean_text(s, n, false, false);
}

static bool plain_ok(const char *s, size_t n) {
  return plain_shape_ok(s, n) && !special_word(s, n) && !looks_numeric(s, n);
}

/* Literal block: needs a line break, no leading blank or space (the
 * indentation would be guessed wrong), no carriage return, nothing that
 * needs an escape, and no line ending in a space or tab: editors strip
 * trailing blanks, which would change the text without anyone seeing it. */
static bool literal_ok(const char *s, size_t n) {
  if (!memchr(s, '\n', n) || s[0] == ' ' || s[0] == '\n' || s[0] == '\t')
    return false;
  if (memchr(s, '\r', n)) return false;
  /* A line of only spaces before content would still parse, but one with
   * more spaces than the indentation at the end would not; keep it simple:
   * no line may consist of spaces only. */
  size_t ls = 0;
  for (size_t i = 0; i <= n; i++)
    if (i == n || s[i] == '\n') {
      bool only_sp = i > ls;
      for (size_t k = ls; k < i; k++)
        if (s[k] != ' ' && s[k] != '\t') only_sp = false;
      if (only_sp) return false;
      if (i > ls && (s[i - 1] == ' ' || s[i - 1] == '\t')) return false;
      ls = i + 1;
    }
  return clean_text(s, n, true, true);
}

static void double_quoted(PmBuf *b, const char *s, size_t n) {
  pm_buf_putc(b, '"');
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    size_t k = pm_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    switch (cp) {
      case '"': pm_buf_puts(b, "\\\""); break;
      case '\\': pm_buf_puts(b, "\\\\"); break;
      case '\n': pm_buf_puts(b, "\\n"); break;
      case '\t': pm_buf_puts(b, "\\t"); break;
      case '\r': pm_buf_puts(b, "\\r"); break;
      case 0x85: pm_buf_puts(b, "\\N"); break;
      case 0x2028: pm_buf_puts(b, "\\L"); break;
      case 0x2029: pm_buf_puts(b, "\\P"); break;
      default:
        if (cp < 0) pm_buf_puts(b, "\xEF\xBF\xBD");
        else if (needs_escape(cp) && cp <= 0xff) pm_buf_printf(b, "\\x%02x", (unsigned)cp);
        else if (needs_escape(cp)) pm_buf_printf(b, "\\u%04x", (unsigned)cp);
        else pm_buf_append(b, s + i, k);
    }
    i += k;
  }
  pm_buf_putc(b, '"');
}

/* Writes a scalar that follows "key:" or "- " (the separating space is
 * written here).  `ind` is the indentation of block scalar content. */
static void scalar(PmBuf *b, const YNode *n, int ind, bool after_colon) {
  const char *s = n->str;
  size_t len = n->len;
  if (n->plain && len == 0) { /* null written as nothing: "key:" */
    pm_buf_putc(b, '\n');
    return;
  }
  if (after_colon) pm_buf_putc(b, ' ');
  /* Read plain, so its type survives being written plain; but plain in a
   * flow collection ({line: -}) is not always plain in a block (found by
   * fuzz_merge), so the shape is checked too. */
  if (n->plain && !memchr(s, '\n', len) && plain_shape_ok(s, len)) {
    pm_buf_append(b, s, len);
  } else if (!n->plain && plain_ok(s, len)) {
    pm_buf_append(b, s, len);
  } else if (literal_ok(s, len)) {
    size_t end = len, trailing = 0;
    while (end > 0 && s[end - 1] == '\n') end--, trailing++;
    pm_buf_puts(b, trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+");
    size_t ls = 0;
    for (size_t i = 0; i <= len; i++) {
      if (i < len && s[i] != '\n') continue;
      if (i == len && ls == len) break;
      pm_buf_putc(b, '\n');
      if (i > ls) {
        indent(b, ind);
        pm_buf_append(b, s + ls, i - ls);
      }
      ls = i + 1;
    }
  } else {
    double_quoted(b, s, len);
  }
  pm_buf_putc(b, '\n');
}

static void key_text(PmBuf *b, const char *k) {
  size_t n = strlen(k);
  if (plain_ok(k, n)) pm_buf_append(b, k, n);
  else double_quoted(b, k, n);
}

static void emit_map(PmBuf *b, const YNode *m, int ind, bool inline_first);
static void emit_seq(PmBuf *b, const YNode *s, int ind);

/* The value after "key:" of a map at indentation `ind`. */
static void value(PmBuf *b, const YNode *v, int ind) {
  switch (v->kind) {
    case YN_SCALAR: scalar(b, v, ind + 2, true); break;
    case YN_MAP:
      if (!v->entries.size) pm_buf_puts(b, " {}\n");
      else pm_buf_putc(b, '\n'), emit_map(b, v, ind + 2, false);
      break;
    case YN_SEQ:
      /* Sequences are indented under their key, as the sidecar format
       * shows them. */
      if (!v->items.size) pm_buf_puts(b, " []\n");
      else pm_buf_putc(b, '\n'), emit_seq(b, v, ind + 2);
      break;
    case YN_CONFLICT: pm_buf_puts(b, " \"<conflict>\"\n"); break; /* not reached */
  }
}

static void marker(PmBuf *b, const char *mark, const char *label) {
  pm_buf_puts(b, mark);
  if (label && *label) pm_buf_printf(b, " %s", label);
  pm_buf_putc(b, '\n');
}

static void entry(PmBuf *b, const char *key, const YNode *v, int ind,
                  bool skip_indent) {
  if (!skip_indent) indent(b, ind);
  key_text(b, key);
  pm_buf_putc(b, ':');
  value(b, v, ind);
}

static void emit_map(PmBuf *b, const YNode *m, int ind, bool inline_first) {
  for (uint32_t i = 0; i < m->entries.size; i++) {
    const YEntry *e = &m->entries.contents[i];
    if (e->val->kind == YN_CONFLICT) {
      const YNode *c = e->val;
      if (i == 0 && inline_first) pm_buf_putc(b, '\n');
      marker(b, "<<<<<<< ours", c->str);
      if (c->items.contents[0]) entry(b, e->key, c->items.contents[0], ind, false);
      marker(b, "||||||| base", NULL);
      if (c->items.contents[1]) entry(b, e->key, c->items.contents[1], ind, false);
      marker(b, "=======", NULL);
      if (c->items.contents[2]) entry(b, e->key, c->items.contents[2], ind, false);
      marker(b, ">>>>>>> theirs", NULL);
      continue;
    }
    entry(b, e->key, e->val, ind, i == 0 && inline_first);
  }
}

static void item(PmBuf *b, const YNode *v, int ind) {
  indent(b, ind);
  pm_buf_putc(b, '-');
  switch (v->kind) {
    case YN_SCALAR: scalar(b, v, ind + 2, true); break;
    case YN_MAP:
      if (!v->entries.size) pm_buf_puts(b, " {}\n");
      else if (v->entries.contents[0].val->kind == YN_CONFLICT)
        emit_map(b, v, ind + 2, true);
      else pm_buf_putc(b, ' '), emit_map(b, v, ind + 2, true);
      break;
    case YN_SEQ:
      if (!v->items.size) pm_buf_puts(b, " []\n");
      else pm_buf_putc(b, '\n'), emit_seq(b, v, ind + 2);
      break;
    case YN_CONFLICT: pm_buf_puts(b, " \"<conflict>\"\n"); break;
  }
}

static void emit_seq(PmBuf *b, const YNode *s, int ind) {
  for (uint32_t i = 0; i < s->items.size; i++) {
    const YNode *v = s->items.contents[i];
    if (v->kind == YN_CONFLICT) {
      marker(b, "<<<<<<< ours", v->str);
      if (v->items.contents[0]) item(b, v->items.contents[0], ind);
      marker(b, "||||||| base", NULL);
      if (v->items.contents[1]) item(b, v->items.contents[1], ind);
      marker(b, "=======", NULL);
      if (v->items.contents[2]) item(b, v->items.contents[2], ind);
      marker(b, ">>>>>>> theirs", NULL);
      continue;
    }
    item(b, v, ind);
  }
}

void ynode__emit(PmBuf *out, const YNode *doc) {
  if (doc->kind == YN_MAP) emit_map(out, doc, 0, false);
  else if (doc->kind == YN_SEQ) emit_seq(out, doc, 0);
}

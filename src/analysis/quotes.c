/*
 * quotes.c - pairs quotation marks inside a paragraph and cuts incises out.
 *
 * Marks are paired with a stack, so « … “ … ” … » nests: the outermost
 * quotation is reported whole, marks and words of the inner one included,
 * and each inner pair closed inside it is noted in b->nested (nested.c
 * reports it as its own span); an inner mark never closed inside it opens
 * nothing.  Each family closes only its own kind;
 * „ is closed by “ (German and Polish usage), a ” that stands where an
 * opening mark would is taken as one, and straight quotes pair only inside
 * the paragraph: an unmatched " (scraping debris such as `" />`) opens
 * nothing.  A guillemet or curly quote left open at the end of a paragraph
 * is reported up to the paragraph end and carried in the context; when the
 * next paragraph opens with the same mark the quotation continues there
 * (French multi-paragraph quotes), otherwise it ends.  One left open
 * before a complete quotation of its family, after a sentence end or
 * before a colon (« … trahison. Il a ajouté : « Nous … » »), lacks its
 * closing mark: it ends there instead of swallowing that quotation.
 *
 * An incise « …, a-t-il déclaré, … » is a comma-delimited stretch inside a
 * quotation that starts with an inverted speech verb (or a speech verb and
 * its subject); it is left out of the quotation, which becomes two pieces
 * sharing one speaker.
 */
#include <string.h>

#include "analysis/internal.h"

#define NONE UINT32_MAX

static bool is_punct(const Token *t, char c) {
  return t->kind == T_PUNCT && t->ch == c;
}

/* Is the stretch starting at token i (after a comma) an incise?  Returns
 * the index of the token ending it (a comma or a period), or NONE.  line:
 * the stretch may end the dialogue line it is in. */
static uint32_t incise_at(const Block *b, uint32_t i, uint32_t close, bool line) {
  const Token *t = b->toks.contents;
  if (i >= close || t[i].kind != T_WORD) return NONE;
  bool cue = false, aux = false;
  if (t[i].flags & (TF_INV_M | TF_INV_F | TF_INV_PL)) {
    /* estime-t-il / a-t-il déclaré / a-t-il fait valoir */
    if (t[i].lex & W_SPEECH) cue = true;
    for (uint32_t k = i + 2; k < i + 5 && k < close; k++)
      if (t[k].kind == T_WORD && (t[k].lex & W_SPEECH)) cue = true;
  } else if ((t[i].lex & W_SPEECH) && !(t[i].flags & TF_CAP) &&
             i + 1 < close && t[i + 1].kind == T_WORD &&
             ((t[i + 1].flags & TF_CAP) || (t[i + 1].lex & (W_DET | W_PRON_M | W_PRON_F)))) {
    cue = true; /* explique Manuel Valls / poursuit le ministre / said Smith */
  } else if (b->lid == PM_LANG_FR && (t[i].lex & W_AUX) && !(t[i].flags & TF_CAP) &&
             i + 2 < close && t[i + 1].kind == T_WORD && (t[i + 1].lex & W_SPEECH) &&
             !(t[i + 1].flags & TF_CAP) && t[i + 2].kind == T_WORD &&
             ((t[i + 2].flags & TF_CAP) || (t[i + 2].lex & W_DET))) {
    cue = aux = true; /* « …, a rétorqué M. Gagnon. … », « …, a ajouté le ministre, … » */
  } else if (t[i].kind == T_WORD && i + 1 < close && t[i + 1].kind == T_WORD &&
             (t[i + 1].lex & W_SPEECH) &&
             (t[i].lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) &&
             b->lid == PM_LANG_EN) {
    cue = true; /* "…, he said, …" */
  } else if ((t[i].flags & TF_CAP) && b->lid == PM_LANG_EN) {
    /* "…, Smith said, …" */
    for (uint32_t k = i + 1; k < i + 4 && k < close; k++) {
      if (t[k].kind != T_WORD) break;
      if (t[k].lex & W_SPEECH) {
        cue = !(t[k].flags & TF_CAP);
        break;
      }
      if (!(t[k].flags & TF_CAP)) break;
    }
  }
  if (!cue) return NONE;
  for (uint32_t k = i + 1; k < close && k < i + 14; k++) {
    if (t[k].kind == T_QMARK) return NONE;
    /* the period of « M. », « Mme. » ends no incise */
    if (is_punct(&t[k], '.') && t[k - 1].kind == T_WORD && (t[k - 1].lex & W_HONORIFIC) &&
        t[k - 1].end == t[k].start && (t[k - 1].flags & TF_CAP))
      continue;
    /* (this form only inside the quotation: a mark left out before
     * « , a déclaré X. » at the paragraph end is no incise) */
    if (is_punct(&t[k], ',') || is_punct(&t[k], '.') || is_punct(&t[k], ';'))
      return aux && !line && k + 1 >= close ? NONE : k;
  }
  return NONE;
}

#if defined(__GNUC__) || defined(__clang__)
#define Q_INLINE inline __attribute__((always_inline))
#define Q_NOINLINE __attribute__((noinline))
#else
#define Q_INLINE inline
#define Q_NOINLINE
#endif

/* Trims the spaces inside the marks from [*ps, *pe): the span is the
 * quoted words.  (Inline: add_raw runs for every quotation.) */
static Q_INLINE void trim_inside(const char *x, uint32_t *ps, uint32_t *pe) {
  uint32_t s = *ps, e = *pe;
  /* Most quotations touch their marks: one test of the first and last
   * bytes passes over the trimming (which starts and ends only at a
   * space, a tab, a CR or the last byte of NBSP, U+202F or U+2009). */
  unsigned char f0 = s < e ? (unsigned char)x[s] : 0;
  unsigned char l0 = s < e ? (unsigned char)x[e - 1] : 0;
  bool touching = s < e && f0 != ' ' && f0 != '\t' && f0 != 0xC2 && f0 != 0xE2 &&
                  l0 != ' ' && l0 != '\t' && l0 != '\r' && l0 != 0xA0 && l0 != 0xAF &&
                  l0 != 0x89 && l0 != 0xAD && (l0 < 0x8B || l0 > 0x8D);
  if (!touching) {
    /* (and the invisible characters of scraped pages: a soft hyphen,
     * U+200B-U+200D, U+2060) */
    for (;;) {
      const unsigned char *u = (const unsigned char *)x + s;
      if (s < e && (u[0] == ' ' || u[0] == '\t')) s++;
      else if (s + 1 < e && u[0] == 0xC2 && (u[1] == 0xA0 || u[1] == 0xAD)) s += 2;
      else if (s + 2 < e && u[0] == 0xE2 &&
               ((u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89 || (u[2] >= 0x8B && u[2] <= 0x8D))) ||
                (u[1] == 0x81 && u[2] == 0xA0)))
        s += 3;
      else break;
    }
    for (;;) {
      const unsigned char *u = (const unsigned char *)x + e;
      if (e > s && (u[-1] == ' ' || u[-1] == '\t' || u[-1] == '\r')) e--;
      else if (e >= s + 2 && u[-2] == 0xC2 && (u[-1] == 0xA0 || u[-1] == 0xAD)) e -= 2;
      else if (e >= s + 3 && u[-3] == 0xE2 &&
               ((u[-2] == 0x80 && (u[-1] == 0xAF || u[-1] == 0x89 || (u[-1] >= 0x8B && u[-1] <= 0x8D))) ||
                (u[-2] == 0x81 && u[-1] == 0xA0)))
        e -= 3;
      else break;
    }
  }
  *ps = s;
  *pe = e;
}

static void add_raw(Block *b, uint32_t s, uint32_t e, uint32_t open_tok,
                    uint32_t close_tok, uint8_t fam, uint32_t group,
                    bool continued, bool left_open, uint32_t incise) {
  trim_inside(b->text, &s, &e);
  if (e <= s) return;
  /* "rock 'n' roll", "'n'": one byte between single marks is an elision */
  if (fam == QM_SINGLE && e - s == 1) return;
  RawQuote *r = pm_array_grow_one(&b->raw);
  r->start = s;
  r->end = e;
  r->open_tok = open_tok;
  r->close_tok = close_tok;
  r->family = fam;
  r->group = group;
  r->continued = continued;
  r->left_open = left_open;
  r->incise = incise;
}

/* Emits the quotation between token `o` and token `c` (NONE: paragraph
 * end), split around incises. */
static void emit(Block *b, uint32_t o, uint32_t c, uint8_t fam, bool continued) {
  const Token *t = b->toks.contents;
  uint32_t s = t[o].end;
  uint32_t e = c == NONE ? b->para_end : t[c].start;
  uint32_t lim = c == NONE ? b->toks.size : c;
  uint32_t group = b->next_group++;
  uint32_t piece = s;
  uint32_t incise = NONE;
  for (uint32_t i = o + 1; i < lim; i++) {
    while (i < lim && !is_punct(&t[i], ',')) i++; /* to the next comma */
    if (i == lim) break;
    uint32_t end = incise_at(b, i + 1, lim, false);
    if (end == NONE) continue;
    add_raw(b, piece, t[i].start, o, c, fam, group, continued, c == NONE, i + 1);
    incise = i + 1;
    piece = t[end].end;
    i = end;
  }
  add_raw(b, piece, e, o, c, fam, group, continued, c == NONE, incise);
  if (incise != NONE) /* every piece knows the incise */
    for (uint32_t k = 0; k < b->raw.size; k++)
      if (b->raw.contents[k].group == group) b->raw.contents[k].incise = incise;
}

/* « — On a trop passé la rondelle, a-t-il tranché. »: a French dialogue
 * line opens with an em or en dash and has no marks; with an incise it is
 * a quotation, cut around the incise like one in marks.  Without an
 * incise nothing says it is speech (a list, a heading), so nothing is
 * reported. */
static bool dialogue_line(Block *b, bool answer) {
  const Token *t = b->toks.contents;
  uint32_t n = b->toks.size;
  const unsigned char *x = (const unsigned char *)b->text + t[0].start;
  if (n < 6 || t[0].end - t[0].start != 3 || x[0] != 0xE2 || x[1] != 0x80 ||
      (x[2] != 0x94 && x[2] != 0x93) || t[1].kind != T_WORD)
    return false;
  for (uint32_t i = 2; i < n; i++) {
    if (t[i].kind == T_QMARK) return false; /* marks say it themselves */
    if (!is_punct(&t[i], ',')) continue;
    uint32_t end = incise_at(b, i + 1, n, true);
    if (end == NONE) continue;
    uint32_t group = b->next_group++;
    add_raw(b, t[0].end, t[i].start, 0, NONE, QM_GUILL, group, false, false, i + 1);
    /* the line may go on after the incise: « …, a-t-il dit, mais … »,
     * « …, répond-elle en riant. Mais je voulais … » */
    if ((is_punct(&t[end], ',') || is_punct(&t[end], '.')) && end + 2 < n)
      add_raw(b, t[end].end, b->para_end, 0, NONE, QM_GUILL, group, false, false, i + 1);
    return true;
  }
  /* « Pourquoi revenir à Baie-Comeau ? » then « — Parce que je n'avais
   * jamais osé. »: right after a question, a dialogue line is its answer,
   * speech without an incise */
  /* (not a credit line: « — Avec les informations de Radio-Canada ») */
  if (answer && !(t[1].end - t[1].start == 4 &&
                  (b->text[t[1].start] | 32) == 'a' && !memcmp(b->text + t[1].start + 1, "vec", 3))) {
    add_raw(b, t[0].end, b->para_end, 0, NONE, QM_GUILL, b->next_group++, false, false, NONE);
    return true;
  }
  return false;
}

#define FALSE_OPENERS 4

/* Does a mark of family fam at token i, left open at the paragraph's end,
 * open nothing?  Straight and single quotes (a '90s, debris), and a <<
 * typed for « (std::cout << x is no quotation): such a left-open mark
 * never runs to the paragraph's end. */
static bool weak_opener(const Block *b, uint8_t fam, uint32_t i) {
  return fam == QM_STRAIGHT || fam == QM_SINGLE ||
         (fam == QM_GUILL && b->text[b->toks.contents[i].start] == '<');
}

/* The marks are paired again (rarely) without a false opener, or with a
 * forgotten closing mark: `mark` is the false opener (open NONE), or the
 * opener of the complete quotation that the quotation opened at `open`
 * ends before. */
typedef struct {
  uint32_t mark, open;
} Redo;

enum { REDO_NONE, REDO_SKIP, REDO_CUT };

/* What the pairing does at mark i, with the quotation opened at token o
 * (NONE: none) open alone on the stack. */
static int redo_at(const Redo *r, uint32_t n, uint32_t i, uint32_t o) {
  for (uint32_t k = 0; k < n; k++)
    if (r[k].mark == i) {
      if (r[k].open == NONE) return REDO_SKIP;
      if (r[k].open == o) return REDO_CUT;
    }
  return REDO_NONE;
}

/* Ends the quotation opened at token o, whose closing mark the writer
 * forgot, before the opener i of the next complete one: at the last
 * sentence end between them (« … trahison. Il a ajouté : « Nous … »), or
 * at i. */
static void emit_cut(Block *b, uint32_t o, uint32_t i, uint8_t fam) {
  const Token *t = b->toks.contents;
  uint32_t p = i;
  while (p > o + 1 && !(t[p - 1].kind == T_PUNCT && strchr(".!?", t[p - 1].ch))) p--;
  emit(b, o, p > o + 1 ? p : i, fam, false);
}

/* A paragraph's nested pairs are kept up to this many (a quotation quoting
 * more is rare, and the rest stay inside it unreported, as before). */
#define NESTED_MAX 64

/* Notes the inner pair of marks at tokens o and c (its quoted words end
 * at byte e) in b->nested.  nested.c keeps it only when an outermost
 * quotation emitted holds it. */
static void nested_add(Block *b, uint32_t o, uint32_t c, uint32_t e, uint8_t fam) {
  uint32_t s = b->toks.contents[o].end;
  trim_inside(b->text, &s, &e);
  /* (one byte between single marks is an elision: 'n') */
  if (e <= s || (fam == QM_SINGLE && e - s == 1) || b->nested.size >= NESTED_MAX) return;
  RawQuote *r = pm_array_grow_one(&b->nested);
  r->start = s;
  r->end = e;
  r->open_tok = o;
  r->close_tok = c;
  r->family = fam;
  r->group = UINT32_MAX;
  r->incise = UINT32_MAX;
}

/* The mark at token i closes the quotation opened at stack[match]
 * (depth > 1): notes it when it is an inner one (match > 0), and notes
 * a single one opened above it whose closing ' is glued before it:
 * "…, 'I know,'" she said (tok__scan makes no mark of a ' with no space
 * nor punctuation after it). */
static Q_NOINLINE void nested_note(Block *b, const uint32_t *stack, const uint8_t *fams,
                                   uint32_t depth, uint32_t match, uint32_t i) {
  const Token *t = b->toks.contents;
  uint32_t top = stack[depth - 1];
  if (t[i].qfam == QM_STRAIGHT && depth > match + 1 && fams[depth - 1] == QM_SINGLE &&
      t[i].start > t[top].end + 1 && b->text[t[i].start - 1] == '\'')
    nested_add(b, top, i, t[i].start - 1, QM_SINGLE);
  if (match > 0) nested_add(b, stack[match], i, t[i].start, fams[match]);
}

/* The outermost opener stack[0] (family fam) is left open at the
 * paragraph's end: is there a complete quotation of its family inside it
 * that it should have ended before?  Returns that quotation's opening
 * mark, or NONE.  Its first same-family opener is taken when it was closed
 * (it is no longer on the stack) and a sentence ends between the two or
 * a colon introduces it: « Il m'a répondu « jamais » … » nests, « …
 * trahison. Il a ajouté : « Nous … » » opens a new quotation.  (Rare: run
 * only for a paragraph that ends inside a quotation.) */
static uint32_t forgot_close(const Block *b, const uint32_t *stack, uint32_t depth,
                             uint8_t fam) {
  const Token *t = b->toks.contents;
  uint32_t o = stack[0], i = NONE;
  for (uint32_t mi = 0; mi < b->marks.size; mi++) {
    uint32_t m = b->marks.contents[mi];
    if (m > o && t[m].qfam == fam && (t[m].qrole & QR_OPEN) && !(t[m].qrole & QR_CLOSE)) {
      i = m;
      break;
    }
  }
  if (i == NONE) return NONE;
  for (uint32_t k = 1; k < depth; k++)
    if (stack[k] == i) return NONE;
  if (t[i - 1].kind == T_PUNCT && t[i - 1].ch == ':') return i;
  for (uint32_t k = o + 1; k < i; k++)
    if (t[k].kind == T_PUNCT && (t[k].ch == '.' || t[k].ch == '!' || t[k].ch == '?')) return i;
  return NONE;
}

/* Does the next paragraph open with an opener of family fam?  That is
 * how a quotation runs over paragraphs (its opener left open at each
 * paragraph's end, the next paragraph opening again), so its first
 * paragraph lacks no closing mark, whatever it nests: « … Le préfet nous
 * a répondu : « Attendez » … then « …, a déclaré X.  Reads at most 64
 * bytes past the paragraph's line end, in the block. */
static bool reopened_next(const Block *b, uint8_t fam) {
  const unsigned char *x = (const unsigned char *)b->text;
  uint32_t i = b->para_end, lim = b->len - i > 64 ? i + 64 : b->len;
  bool nl = false;
  while (i < lim) {
    if (x[i] == '\n') nl = true, i++;
    else if (x[i] == ' ' || x[i] == '\t' || x[i] == '\r') i++;
    else if (i + 1 < lim && x[i] == 0xC2 && x[i + 1] == 0xA0) i += 2;
    else break;
  }
  if (!nl) return false;
  if (fam == QM_GUILL) return i + 1 < lim && x[i] == 0xC2 && x[i + 1] == 0xAB;
  if (fam == QM_CURLY)
    return i + 2 < lim && x[i] == 0xE2 && x[i + 1] == 0x80 && (x[i + 2] == 0x9C || x[i + 2] == 0x9E);
  return false;
}

static Q_NOINLINE void find(Block *b);

/* Does the paragraph end in a question, or in a prompt left hanging (« La
 * direction promet qu'il n'y aura aucun licenciement… » then « — Aucun
 * licenciement, peut-être. »)?  A dialogue line after it is its answer. */
static bool ends_question(const Block *b) {
  const Token *t = b->toks.contents;
  uint32_t n = b->toks.size;
  return n && t[n - 1].kind == T_PUNCT &&
         (t[n - 1].ch == '?' || (t[n - 1].ch == '.' && t[n - 1].end - t[n - 1].start == 3 &&
                                 (unsigned char)b->text[t[n - 1].start] == 0xE2));
}

void quotes__find(Block *b) {
  /* Most paragraphs hold no mark, carry no quotation and open with no
   * dash: they need none of find's frame. */
  const Token *t = b->toks.contents;
  uint32_t n = b->toks.size;
  if (!b->marks.size && !b->ctx->open_family && !(n && t[0].kind == T_PUNCT && t[0].ch == '-')) {
    b->ctx->after_question = ends_question(b);
    b->ctx->open_paras = 0;
    return;
  }
  find(b);
}

static void find(Block *b) {
  Token *t = b->toks.contents;
  uint32_t n = b->toks.size;
  uint32_t stack[16];
  uint8_t fams[16];
  bool low[16];
  uint32_t depth = 0;
  bool continued = false;
  uint8_t carried = b->ctx->open_family;
  b->ctx->open_family = 0;
  bool answer = b->ctx->after_question;
  b->ctx->after_question = ends_question(b);
  if (!carried && n && t[0].kind == T_PUNCT && t[0].ch == '-' && b->lid == PM_LANG_FR) {
    if (dialogue_line(b, answer)) {
      b->ctx->open_paras = 0;
      return;
    }
  }
  if (carried) {
    if (n && t[0].kind == T_QMARK && t[0].qfam == carried &&
        (t[0].qrole & QR_OPEN)) {
      continued = true;
      b->ctx->open_paras++;
    } else {
      /* The quotation ended with the previous paragraph. */
      b->ctx->open_paras = 0;
      b->open_first = NONE;
    }
  }
  /* A straight or single mark that opens and is never closed ("back in
   * the '90s, …", "Nguyen: 'This is your win'Linh …" with the close glued
   * to a word) would hold every quotation after it one level down, where
   * none is emitted: the marks are paired again without it (at most
   * FALSE_OPENERS times, and only when marks follow it: rare). */
  /* (So is a guillemet or curly opener left open before a complete
   * quotation of its family, « … trahison. Il a ajouté : « Nous … », a-t-il
   * dit.: a closing mark the writer forgot, which would swallow that
   * quotation and all after it.  The opener's quotation ends before it.) */
  uint32_t raw0 = b->raw.size, nredo = 0;
  Redo redo[FALSE_OPENERS];
pair:
  depth = 0;
  /* the quotation marks (not in markup), listed with the tokens
   * (tok__index): most paragraphs hold none */
  for (uint32_t mi = 0; mi < b->marks.size; mi++) {
    uint32_t i = b->marks.contents[mi];
    if (nredo) {
      int what = redo_at(redo, nredo, i, depth == 1 ? stack[0] : NONE);
      if (what == REDO_SKIP) continue;
      if (what == REDO_CUT) {
        emit_cut(b, stack[0], i, fams[0]);
        depth = 0;
      }
    }
    uint8_t fam = t[i].qfam, role = t[i].qrole;
    /* " Nous sommes prêts ": French typists space straight quotes as
     * they space guillemets, so a " with a space on both sides (no role
     * from its neighbours) opens or closes as the stack says; a lone one
     * is passed over as a false opener below */
    if (!role) role = QR_BOTH;
    int match = -1; /* stack slot this mark closes */
    for (int k = (int)depth - 1; k >= 0; k--) {
      if (fams[k] != fam) continue;
      if (fam == QM_CURLY && low[k] && (role & QR_OPEN) && !(role & 4)) {
        match = k; /* „ … “ */
        break;
      }
      if (role & QR_CLOSE) {
        match = k;
        break;
      }
      break;
    }
    /* « … ”, a ajouté X / “ … », a conclu X: a closing guillemet or curly
     * mark, none of its family open, before a space or punctuation, closes
     * a quotation of the other family (a mix that pasted text and hurried
     * typing make) */
    if (match < 0 && role == QR_CLOSE && (fam == QM_GUILL || fam == QM_CURLY) && depth &&
        (fams[depth - 1] == QM_GUILL || fams[depth - 1] == QM_CURLY) && fams[depth - 1] != fam &&
        ((t[i].flags & TF_SPACE_AFTER) || (i + 1 < n && t[i + 1].kind == T_PUNCT)) &&
        !(t[i - 1].kind == T_NUMBER && !(t[i].flags & TF_SPACE_BEFORE))) /* (not 12”) */
      match = (int)depth - 1;
    /* A ” or " that stands where an opening mark would (space before, a
     * word after) opens. */
    if (match < 0 && fam == QM_CURLY && role == QR_CLOSE &&
        (t[i].flags & TF_SPACE_BEFORE) && !(t[i].flags & TF_SPACE_AFTER))
      role = QR_OPEN;
    if (match < 0 && fam == QM_CURLY && (role & QR_OPEN) && !(role & 4) &&
        depth && fams[depth - 1] == QM_CURLY && !(t[i].flags & TF_SPACE_BEFORE) &&
        (t[i].flags & TF_SPACE_AFTER))
      match = (int)depth - 1; /* “ … “ typed for “ … ” */
    /* "'Fines come out of customers' bills in the end,' said …": a '
     * after a plural's s and before a lowercase word is its possessive
     * when the next single mark of the paragraph closes too */
    if (match >= 0 && fam == QM_SINGLE && role == QR_CLOSE && i > 0 && i + 1 < n &&
        t[i - 1].kind == T_WORD && b->text[t[i - 1].end - 1] == 's' &&
        t[i + 1].kind == T_WORD && !(t[i + 1].flags & TF_CAP)) {
      uint32_t k = i + 1;
      while (k < n && !(t[k].kind == T_QMARK && t[k].qfam == QM_SINGLE)) k++;
      if (k < n && t[k].qrole == QR_CLOSE) continue;
    }
    if (match >= 0) {
      /* (a mark closing inside the outermost quotation, or with one
       * left open above it: rare) */
      if (depth > 1) nested_note(b, stack, fams, depth, (uint32_t)match, i);
      if (match == 0) emit(b, stack[0], i, fams[0], continued && stack[0] == 0);
      depth = (uint32_t)match;
      continue;
    }
    if ((role & QR_OPEN) && depth < 16) {
      if (fam == QM_SINGLE && !(t[i].flags & TF_SPACE_BEFORE) && i > 0 &&
          t[i - 1].kind == T_WORD)
        continue; /* a ‘ glued to a word is not an opening quote */
      if (fam == QM_STRAIGHT && !(role & QR_CLOSE) && depth &&
          fams[depth - 1] == QM_STRAIGHT)
        continue;
      stack[depth] = i;
      fams[depth] = fam;
      low[depth] = (role & 4) != 0;
      depth++;
    }
  }
  /* Left open: straight and single quotes open nothing; the outermost
   * guillemet or curly quotation runs to the paragraph end and may continue
   * in the next paragraph. */
  uint32_t k = 0;
  /* English multi-paragraph quotes reopen each paragraph with a straight
   * quote and close only the last: a straight quote that opens the
   * paragraph and is left open runs to its end when the paragraph ends a
   * sentence (so debris like `" />` or a stray mark mid-line never does). */
  /* (so does one after a colon or a sentence's end that opens a sentence:
   * `Joly said: "Canada will not …` or `Joly spoke. "Canada will not …`
   * then `"We will …," she said.`) */
  /* (not one spaced on both sides: `" />. Si si …` is debris) */
  if (depth && fams[0] == QM_STRAIGHT && n > 3 && t[stack[0]].qrole &&
      (stack[0] == 0 ||
       (stack[0] + 2 < n && t[stack[0] - 1].kind == T_PUNCT &&
        (t[stack[0] - 1].ch == ':' || t[stack[0] - 1].ch == '.' || t[stack[0] - 1].ch == '!' ||
         t[stack[0] - 1].ch == '?') &&
        t[stack[0] + 1].kind == T_WORD && (t[stack[0] + 1].flags & TF_CAP)))) {
    const Token *last = &t[n - 1];
    if (last->kind == T_PUNCT && strchr(".!?", last->ch)) {
      emit(b, stack[0], NONE, QM_STRAIGHT, continued);
      if (b->ctx->open_paras < 8) b->ctx->open_family = QM_STRAIGHT;
      else b->ctx->open_paras = 0;
      return;
    }
  }
  /* (not inside a quotation carried from the paragraph before, where
   * « … « … » … is nesting) */
  uint32_t inner;
  if (depth && !weak_opener(b, fams[0], stack[0]) && !(continued && stack[0] == 0) &&
      nredo < FALSE_OPENERS && (inner = forgot_close(b, stack, depth, fams[0])) != NONE &&
      !reopened_next(b, fams[0]) &&
      !(nredo && redo[nredo - 1].mark == inner)) {
    redo[nredo++] = (Redo){inner, stack[0]};
    b->raw.size = raw0;
    b->nested.size = 0; /* (empty when find starts: nested.c empties it) */
    goto pair;
  }
  if (depth && weak_opener(b, fams[0], stack[0]) && nredo < FALSE_OPENERS &&
      b->marks.contents[b->marks.size - 1] != stack[0]) {
    redo[nredo++] = (Redo){stack[0], NONE};
    b->raw.size = raw0;
    b->nested.size = 0; /* (empty when find starts: nested.c empties it) */
    goto pair;
  }
  while (k < depth && weak_opener(b, fams[k], stack[k])) k++;
  if (k < depth) {
    /* Unclosed straight quotes before it never swallow the line. */
    emit(b, stack[k], NONE, fams[k], continued && stack[k] == 0);
    if (b->ctx->open_paras < 8) {
      b->ctx->open_family = fams[k];
    } else {
      b->ctx->open_paras = 0; /* runaway: stop carrying */
    }
  } else {
    b->ctx->open_paras = 0;
  }
}

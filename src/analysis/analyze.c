/*
 * analyze.c - the block driver: cuts a text into paragraphs, runs the
 * per-paragraph passes (tokens, quotes, sentences, speakers, claims) with
 * the context carried between them, and owns the result object.
 *
 * A paragraph is one line.  Press text scraped from the web keeps one
 * paragraph per line; a French quotation that runs over several
 * paragraphs reopens each with «, which the quote pass follows through the
 * context.  Cutting at every '\n' keeps the cut cheap (memchr) and the same
 * for the command line and the editor.  A big block's tokenizer runs in
 * a second thread (pipeline.c).
 */
#include <stdio.h>
#include <string.h>

#include "analysis/internal.h"
#include "util/alloc.h"
#include "util/utf8.h"

bool an__slow_paths = false;
bool an__test_cands = false;

void pm_analyze_options_init(PmAnalyzeOptions *opts) {
  opts->lang = PM_LANG_AUTO;
  opts->min_score = PM_ANALYZE_DEFAULT_MIN_SCORE;
}

size_t pm_analysis_next_paragraph(const char *text, size_t len, size_t pos) {
  if (pos >= len) return len;
  size_t limit = len - pos > PM_PARAGRAPH_MAX ? pos + PM_PARAGRAPH_MAX : len;
  const char *nl = memchr(text + pos, '\n', limit - pos);
  if (nl) return (size_t)(nl - text) + 1;
  if (limit == len) return len;
  /* Too long: a line exported with its breaks escaped (a JSON field, a
   * database dump) is cut after the last escaped break (tok__scan) in its
   * last 64 KiB, so that no paragraph of it is split; any other line
   * after a space in the last 4 KiB, else at a character boundary, so a
   * 50 MB line becomes pieces and no character is split. */
  for (size_t i = limit - 2; i > pos && i > limit - 65536; i--)
    if (text[i] == '\\' && an__escaped_break(text, i, len)) return i + 2;
  for (size_t i = limit; i > limit - 4096; i--)
    if (text[i - 1] == ' ') return i;
  size_t i = limit;
  while (i > pos + 1 && ((unsigned char)text[i] & 0xC0) == 0x80) i--;
  return i;
}

/* Strings go into 16 KiB chunks (a longer one gets its own), so that a
 * quote's speaker name costs a copy, not a malloc and a free. */
#define STR_CHUNK 16384u

/* s[0..n) with each run of spaces made one, at c (n + 1 bytes). */
static void squeezed(char *c, const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' || !k || c[k - 1] != ' ') c[k++] = s[i];
  c[k] = '\0';
}

static char *str_copy(PmAnalysis *a, const char *s, size_t n);

/* The invisible character (soft hyphen U+00AD, U+200B-U+200D, the word
 * joiner U+2060, a BOM U+FEFF) at u[0..n), n >= 1: its length, or 0. */
static size_t invisible_at(const unsigned char *u, size_t n) {
  if (u[0] == 0xC2) return n > 1 && u[1] == 0xAD ? 2 : 0;
  if (n < 3) return 0;
  if (u[0] == 0xE2)
    return (u[1] == 0x80 && u[2] - 0x8Bu <= 2) || (u[1] == 0x81 && u[2] == 0xA0) ? 3 : 0;
  return u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
}

/* Drops the invisible characters scraped pages leave inside and between
 * words from the string c[0..n) (NUL-terminated, in place): a name or a
 * mention reads "Marie Dupont" whatever "Ma\u200Brie" the text wrote (its
 * offsets stay the text's), and equal names meet in the speaker list.
 * Runs only in a block where a word had such a character (TF_HIDDEN, noted
 * by speakers__attribute).  Most strings are ASCII, which a few eight-byte
 * tests show (an invisible character's bytes are all 0x80 or more); the
 * rest are read byte by byte only until one is found. */
static void unhidden(char *c, size_t n) {
  uint64_t h = 0;
  if (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8) h |= lex__load8(c + i);
    h |= lex__load8(c + n - 8);
  } else {
    for (size_t i = 0; i < n; i++) h |= (unsigned char)c[i];
  }
  if (!(h & LEX_HIGHS)) return;
  const unsigned char *u = (const unsigned char *)c;
  size_t i = 0;
  while (i < n && (u[i] < 0xC2 || !invisible_at(u + i, n - i))) i++;
  if (i == n) return;
  size_t k = i;
  while (i < n) {
    size_t skip = u[i] >= 0xC2 ? invisible_at(u + i, n - i) : 0;
    if (skip) i += skip;
    else c[k++] = c[i++];
  }
  c[k] = '\0';
}

const char *res__str(PmAnalysis *a, const char *s, size_t n) {
  char *c = str_copy(a, s, n);
  /* a name read across a soft CRLF break: "Marie  Dupont" */
  if (a->squeeze && n > 1) squeezed(c, c, n);
  if (a->hidden) unhidden(c, a->squeeze ? strlen(c) : n);
  return c;
}

static char *str_copy(PmAnalysis *a, const char *s, size_t n) {
  if (n + 1 > a->str_left) {
    size_t size = n + 1 > STR_CHUNK / 4 ? n + 1 : STR_CHUNK;
    char *c = pm_malloc(size);
    pm_array_push(&a->strings, c);
    if (size != STR_CHUNK) {
      memcpy(c, s, n);
      c[n] = '\0';
      return c;
    }
    a->str_next = c;
    a->str_left = STR_CHUNK;
  }
  char *c = a->str_next;
  memcpy(c, s, n);
  c[n] = '\0';
  a->str_next += n + 1;
  a->str_left -= n + 1;
  return c;
}

void pm_analysis_free(PmAnalysis *a) {
  if (!a) return;
  for (uint32_t i = 0; i < a->strings.size; i++) pm_free(a->strings.contents[i]);
  pm_array_delete(&a->strings);
  for (uint32_t i = 0; i < a->speakers.size; i++)
    pm_free((void *)a->speakers.contents[i].aliases);
  pm_array_delete(&a->quotes);
  pm_array_delete(&a->claims);
  pm_array_delete(&a->speakers);
  pm_array_delete(&a->alias_ptrs);
  pm_free(a);
}

const PmQuote *pm_analysis_quotes(const PmAnalysis *a, size_t *n) {
  *n = a->quotes.size;
  return a->quotes.contents ? a->quotes.contents : (const PmQuote *)"";
}
const PmClaim *pm_analysis_claims(const PmAnalysis *a, size_t *n) {
  *n = a->claims.size;
  return a->claims.contents ? a->claims.contents : (const PmClaim *)"";
}
const PmSpeaker *pm_analysis_speakers(const PmAnalysis *a, size_t *n) {
  *n = a->speakers.size;
  return a->speakers.contents ? a->speakers.contents : (const PmSpeaker *)"";
}
size_t pm_analysis_sentence_count(const PmAnalysis *a) { return a->sentences; }

const char *pm_quote_kind_name(PmQuoteKind k) {
  static const char *const n[] = {"quote", "indirect", "term", "title"};
  return (unsigned)k < 4 ? n[k] : "quote";
}

const char *pm_stance_name(PmStance s) {
  static const char *const n[] = {"none", "neutral", "assert", "contest",
                                  "deny", "concede"};
  return (unsigned)s < 6 ? n[s] : "none";
}

const char *pm_claim_reason_name(uint32_t bit) {
  static const char *const n[PM_REASON_COUNT] = {
      "number", "percent", "amount", "date", "entity", "comparative",
      "factual-verb", "causal", "attribution", "policy", "question",
      "opinion", "interjection", "short", "boilerplate", "future",
      "record", "statistic", "source", "procedure", "anecdote",
      "hypothetical"};
  for (int i = 0; i < PM_REASON_COUNT; i++)
    if (bit == (1u << i)) return n[i];
  return NULL;
}

/* A short line that starts with a comment heading ("Commentaires (86)",
 * "Comments") or holds reader-post furniture ("Répondre", "Signaler"). */
static void comment_heading(Block *b) {
  TokenArray *t = &b->toks;
  if (!t->size || t->size > 6) return;
  uint32_t words = 0;
  bool cue = false, post = false;
  for (uint32_t i = 0; i < t->size; i++) {
    if (t->contents[i].kind == T_WORD) {
      words++;
      if (t->contents[i].lex & W_COMMENT) cue = true;
      if (t->contents[i].lex & W_POST) post = true;
    }
  }
  if (words > 4) return;
  uint32_t n = b->para_end - b->para_start;
  if (!cue && !post &&
      !lex__may_start(b->lx->comment_starts, b->text + b->para_start, n))
    return;
  char f[64];
  size_t fn = lex__fold(b->text + b->para_start, n < 60 ? n : 60, f);
  bool head = false;
  for (uint32_t i = 0; fn && i < b->lx->comment_heads.size; i++) {
    const char *h = b->lx->comment_heads.contents[i];
    size_t hn = strlen(h);
    if (fn >= hn && !memcmp(f, h, hn) &&
        (fn == hn || !((f[hn] | 32) >= 'a' && (f[hn] | 32) <= 'z')))
      head = true;
  }
  if (head || (cue && words <= 2) || (post && words == 1))
    b->ctx->in_comments = 1;
}


void an__analyse_piece(Block *b, uint32_t ps, uint32_t pe) {
  b->para_start = ps;
  b->para_end = pe;
  pm_array_clear(&b->raw);
  b->para_first_quote = b->res->quotes.size;
  if (!b->ctx->in_comments) comment_heading(b);
  quotes__find(b); /* visits only the marks tok__scan listed */
  speakers__attribute(b);
  claims__score(b);
}

void an__analyse_tokens(Block *b, uint32_t ps, uint32_t pe, bool split,
                        bool rate) {
  if (split) {
    pm_array_clear(&b->sents);
    sent__split(b);
  }
  if (rate) claims__rate(b);
  /* joined paragraphs: one comparison a line on ordinary text */
  if (pe - ps >= AN_LONG_LINE && b->sents.size > 1 && an__long_line(b)) {
    b->ctx->prev_para = 2;
    return;
  }
  an__analyse_piece(b, ps, pe);
  b->ctx->prev_para = 1;
}

/* Analyses the line text[ps, pe): one paragraph, or several when escaped
 * breaks (tok__scan) cut it. */
static void analyse_paragraph(Block *b, uint32_t ps, uint32_t pe) {
  for (;;) {
    an__trim(b->text, &ps, &pe);
    if (ps >= pe) return; /* blank lines change nothing */
    pm_array_clear(&b->toks);
    pm_array_clear(&b->ends);
    pm_array_clear(&b->marks);
    uint32_t stop =
        tok__scan(b->lx, b->text, ps, pe, &b->toks, &b->ends, &b->marks);
    if (an__test_cands) { /* the list a pipeline's worker makes */
      pm_array_clear(&b->cands);
      pm_array_reserve(&b->cands, b->toks.size + 1);
      spk__name_candidates(b->toks.contents, b->toks.size, 0, &b->cands);
      pm_array_clear(&b->cand_ends);
      pm_array_reserve(&b->cand_ends, b->cands.size + 1);
      spk__name_extents(b, b->cands.contents, b->cands.size, b->cand_ends.contents);
      b->cand_ends.size = b->cands.size;
      b->has_cands = true;
    }
    if (stop == pe) {
      an__analyse_tokens(b, ps, pe, true, true);
      return;
    }
    uint32_t e = stop;
    an__trim_before_break(b->text, &ps, &e);
    if (ps < e) an__analyse_tokens(b, ps, e, true, true);
    ps = stop + 2;
  }
}

/* A hash of a NUL-terminated name, eight bytes a step (a byte-by-byte
 * FNV-1a cost a quarter of the block's speaker bookkeeping); only the
 * table below uses it. */
static uint64_t name_hash(const char *s) {
  size_t n = strlen(s), i = 0;
  uint64_t h = LEX_SEED ^ n;
  for (; i + 8 <= n; i += 8) h = lex__mix(h, lex__load8(s + i));
  if (i < n) h = lex__mix(h, lex__load_part(s + i, n - i));
  return lex__mix(h, 0);
}

/* The speakers' names by hash: speaker index + 1 in slot[], 0 empty. */
typedef struct {
  uint32_t cap, *slot;
  uint64_t *hash;
} NameTable;

/* The index in a->speakers of the speaker called `name`, added if new. */
static uint32_t speaker_index(PmAnalysis *a, NameTable *t, const char *name) {
  if ((a->speakers.size + 1) * 2 > t->cap) {
    uint32_t ncap = t->cap ? t->cap * 2 : 64;
    uint32_t *ns = pm_calloc(ncap, sizeof *ns);
    uint64_t *nh = pm_calloc(ncap, sizeof *nh);
    for (uint32_t k = 0; k < t->cap; k++) {
      if (!t->slot[k]) continue;
      uint32_t j = (uint32_t)t->hash[k] & (ncap - 1);
      while (ns[j]) j = (j + 1) & (ncap - 1);
      ns[j] = t->slot[k];
      nh[j] = t->hash[k];
    }
    pm_free(t->slot);
    pm_free(t->hash);
    t->slot = ns;
    t->hash = nh;
    t->cap = ncap;
  }
  uint64_t h = name_hash(name);
  uint32_t j = (uint32_t)h & (t->cap - 1);
  for (; t->slot[j]; j = (j + 1) & (t->cap - 1))
    if (t->hash[j] == h &&
        !strcmp(a->speakers.contents[t->slot[j] - 1].name, name))
      return t->slot[j] - 1;
  PmSpeaker *s = pm_array_grow_one(&a->speakers);
  s->name = name;
  t->slot[j] = a->speakers.size;
  t->hash[j] = h;
  return a->speakers.size - 1;
}

/* Builds the speaker list: one entry per resolved name, with the distinct
 * mentions that named it, in the order of first quotation.  The names
 * are found through a small hash table of speaker indices: a long text
 * has thousands of quotations, and comparing each name with every
 * speaker so far cost as much as the rest of the block's bookkeeping. */
static void collect_speakers(PmAnalysis *a) {
  NameTable t = {0, NULL, NULL};
  /* Quotations in a row mostly share their speaker, and then the very
   * same strings (speakers.c gives them the previous quotation's copies):
   * equal pointers are equal strings, and the lookups are skipped. */
  const char *last_name = NULL, *last_mention = NULL;
  uint32_t last = 0;
  for (uint32_t i = 0; i < a->quotes.size; i++) {
    const PmQuote *q = &a->quotes.contents[i];
    if (!q->has_speaker || !q->speaker.name) continue;
    const char *m = q->speaker.mention;
    bool same = q->speaker.name == last_name;
    uint32_t k = same ? last : speaker_index(a, &t, q->speaker.name);
    PmSpeaker *s = &a->speakers.contents[k];
    s->quotes++;
    if (same && m == last_mention) continue; /* its alias is known */
    last_name = q->speaker.name;
    last_mention = m;
    last = k;
    if (!m || !strcmp(m, s->name)) continue;
    bool seen = false;
    for (uint32_t j = 0; j < s->n_aliases && !seen; j++)
      seen = !strcmp(s->aliases[j], m);
    if (seen) continue;
    /* room for 1, 2, 4, 8… aliases: grown when the count reaches a power
     * of two (a realloc per alias showed in the profile) */
    uint32_t na = s->n_aliases;
    const char **al = (const char **)s->aliases;
    if (!(na & (na - 1))) al = pm_realloc((void *)s->aliases, (na ? 2 * na : 1) * sizeof *al);
    al[na] = m;
    s->n_aliases = na + 1;
    s->aliases = al;
  }
  pm_free(t.slot);
  pm_free(t.hash);
}

PmAnalysis *an__begin(Block *b, const PmLang *lang,
                      const PmAnalyzeOptions *opts, const char *text,
                      size_t len, PmContext *ctx, PmError *err) {
  if (len > UINT32_MAX - 1) {
    pm_error_set(err, PM_ERR_INVALID, "text: longer than 4 GiB");
    return NULL;
  }
  memset(b, 0, sizeof *b);
  if (!opts) {
    pm_analyze_options_init(&b->own_opts);
    opts = &b->own_opts;
  }
  if (!ctx->lang) {
    /* Short paragraphs (a title) may not tell: the evidence adds up in
     * the context until it does, then the counts are cleared so that two
     * contexts that settled on the same language compare equal. */
    PmLangId id = opts->lang;
    if (id == PM_LANG_AUTO) {
      int score[3] = {0, ctx->votes_fr, ctx->votes_en};
      lang__detect_scores(lang, text, len, score);
      if (score[1] + score[2] >= 2)
        id = score[2] > score[1] ? PM_LANG_EN : PM_LANG_FR;
      ctx->votes_fr = (uint8_t)(score[1] > 255 ? 255 : score[1]);
      ctx->votes_en = (uint8_t)(score[2] > 255 ? 255 : score[2]);
    }
    if (id != PM_LANG_AUTO) {
      ctx->lang = (uint8_t)id;
      ctx->votes_fr = ctx->votes_en = 0;
    }
  }
  /* Not settled yet: the language with more cue words so far, French on
   * a tie ("\"We need nurses,\" said Dr. Lee." is English). */
  PmLangId lid = ctx->lang ? (PmLangId)ctx->lang
                 : ctx->votes_en > ctx->votes_fr ? PM_LANG_EN : PM_LANG_FR;
  if (!lang->loaded[lid]) lid = lang->loaded[PM_LANG_FR] ? PM_LANG_FR : PM_LANG_EN;
  b->lang = lang;
  b->lx = &lang->lex[lid];
  b->lid = lid;
  b->opts = opts;
  /* hard-wrapped text: its soft breaks read as spaces, in a copy */
  bool squeeze = false;
  if (!ctx->wrap) an__wrap_detect(text, len, &ctx->wrap, &ctx->wrap_width);
  b->soft = ctx->wrap == PM_WRAP_LINES ? NULL
            : an__soften(text, len, ctx->wrap, ctx->wrap_width, &squeeze);
  b->text = b->soft ? b->soft : text;
  b->len = (uint32_t)len;
  b->ctx = ctx;
  b->res = pm_calloc(1, sizeof *b->res);
  b->res->squeeze = squeeze;
  b->open_first = UINT32_MAX;
  return b->res;
}

void an__paragraphs(Block *b) {
  for (size_t pos = 0; pos < b->len;) {
    size_t pe = pm_analysis_next_paragraph(b->text, b->len, pos);
    analyse_paragraph(b, (uint32_t)pos, (uint32_t)pe);
    pos = pe;
  }
}

PmAnalysis *an__end(Block *b) {
  pm_array_delete(&b->toks);
  pm_array_delete(&b->ends);
  pm_array_delete(&b->marks);
  pm_array_delete(&b->cands);
  pm_array_delete(&b->cand_ends);
  pm_array_delete(&b->sents);
  pm_array_delete(&b->raw);
  pm_array_delete(&b->nested);
  an__recall_mentions(b->res, b->text, b->len);
  /* (after the recall, which looks for a speaker's mention among the
   * quotations around each: the nested ones have their own) */
  nested__merge(b);
  pm_array_delete(&b->nested_quotes);
  pm_array_delete(&b->nested_outer);
  collect_speakers(b->res);
  pm_free(b->soft);
  b->soft = NULL;
  return b->res;
}

PmAnalysis *pm_analyze_block(const PmLang *lang, const PmAnalyzeOptions *opts,
                             const char *text, size_t len, PmContext *ctx,
                             PmError *err) {
  if (len >= AN_PIPELINE_MIN) {
    /* a stream of one block: its tokenizer thread lives for this call */
    PmStream *s = pm_stream_new(lang, opts);
    PmAnalysis *a = pm_stream_analyze(s, text, len, NULL, 0, ctx, err);
    pm_stream_free(s);
    return a;
  }
  Block b;
  if (!an__begin(&b, lang, opts, text, len, ctx, err)) return NULL;
  an__paragraphs(&b);
  return an__end(&b);
}

/* ---- binary files ------------------------------------------------------ */

bool pm_analysis_is_binary(const char *head, size_t len, char *what,
                           size_t what_size) {
  static const struct {
    const char *magic;
    size_t n;
    const char *name;
  } sig[] = {
      {"\x7f" "ELF", 4, "ELF"}, {"PK\x03\x04", 4, "ZIP"},
      {"PK\x05\x06", 4, "ZIP"}, {"%PDF", 4, "PDF"},
      {"\x89PNG", 4, "PNG"}, {"\x1f\x8b", 2, "GZIP"},
      {"GIF87a", 6, "GIF"}, {"GIF89a", 6, "GIF"}, {"\xff\xd8\xff", 3, "JPEG"},
      {"BZh", 3, "BZIP2"}, {"\xfd" "7zXZ", 5, "XZ"},
      {"7z\xbc\xaf\x27\x1c", 6, "7Z"}, {"\x28\xb5\x2f\xfd", 4, "ZSTD"},
      {"\0asm", 4, "WASM"}, {"\xca\xfe\xba\xbe", 4, "Mach-O"},
      {"\xcf\xfa\xed\xfe", 4, "Mach-O"}, {"MZ", 2, "PE"},
      {"OggS", 4, "OGG"}, {"fLaC", 4, "FLAC"}, {"ID3", 3, "MP3"},
      {"\xd0\xcf\x11\xe0", 4, "OLE2"}, {"SQLite format 3", 15, "SQLite"},
      {"wOFF", 4, "WOFF"}, {"\x00\x00\x01\x00", 4, "ICO"},
  };
  for (size_t i = 0; i < sizeof sig / sizeof *sig; i++) {
    if (len >= sig[i].n && !memcmp(head, sig[i].magic, sig[i].n)) {
      /* "MZ" and "ID3" also begin words; demand a NUL soon after. */
      if ((!strcmp(sig[i].name, "PE") || !strcmp(sig[i].name, "MP3")) &&
          !memchr(head, 0, len < 64 ? len : 64))
        continue;
      snprintf(what, what_size, "%s signature", sig[i].name);
      return true;
    }
  }
  if (len > 65536) len = 65536;
  size_t bad = 0, i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)head[i];
    if (c == 0) {
      bad++;
      i++;
      continue;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    int32_t cp;
    size_t n = pm_utf8_decode((const unsigned char *)head + i, len - i, &cp);
    /* A sequence cut by the 64 KiB limit is not counted as bad. */
    if (cp < 0 && !(len - i < 4 && c >= 0xC2 && c <= 0xF4)) bad++;
    i += n;
  }
  if (len && bad * 10 > len) {
    snprintf(what, what_size, "%zu %% NUL or invalid bytes", bad * 100 / len);
    return true;
  }
  return false;
}

/*
 * analyze.c - the block driver: cuts a text into paragraphs, runs the
 * per-paragraph passes (tokens, quotes, sentences, speakers, claims) with
 * the context carried between them, and owns the result object.
 *
 * A paragraph is one line.  Press text scraped from the web keeps one
 * paragraph per line; a French quotation that runs over several
 * paragraphs reopens each with «, which the quote pass follows through the
 * context.  Cutting at every '\n' keeps the cut cheap (memchr) and the same
 * for the command line and the editor.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "analysis/internal.h"
#include "util/alloc.h"
#include "util/utf8.h"

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
  /* Too long: cut after a space in the last 4 KiB, else at a character
   * boundary, so a 50 MB line becomes pieces and no character is split. */
  for (size_t i = limit; i > limit - 4096; i--)
    if (text[i - 1] == ' ') return i;
  size_t i = limit;
  while (i > pos + 1 && ((unsigned char)text[i] & 0xC0) == 0x80) i--;
  return i;
}

/* Strings go into 16 KiB chunks (a longer one gets its own), so that a
 * quote's speaker name costs a copy, not a malloc and a free. */
#define STR_CHUNK 16384u

const char *res__str(PmAnalysis *a, const char *s, size_t n) {
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

/* Trims spaces (ASCII, NBSP, CR) at both ends of [*s, *e). */
static void trim(const char *t, uint32_t *s, uint32_t *e) {
  while (*s < *e) {
    unsigned char c = (unsigned char)t[*s];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') (*s)++;
    else if (c == 0xC2 && *s + 1 < *e && (unsigned char)t[*s + 1] == 0xA0) *s += 2;
    else if (c == 0xEF && *s + 2 < *e && (unsigned char)t[*s + 1] == 0xBB &&
             (unsigned char)t[*s + 2] == 0xBF) *s += 3;
    else break;
  }
  while (*e > *s) {
    unsigned char c = (unsigned char)t[*e - 1];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0) (*e)--;
    else if (c == 0xA0 && *e - 1 > *s && (unsigned char)t[*e - 2] == 0xC2) *e -= 2;
    else break;
  }
}

/* Runs the passes after the tokenizer on the paragraph [ps, pe) (trimmed,
 * not blank), whose tokens are already in b->toks (and its sentences in
 * b->sents when `split` is false, rated too when `rate` is false). */
static void analyse_tokens(Block *b, uint32_t ps, uint32_t pe, bool split,
                           bool rate) {
  b->para_start = ps;
  b->para_end = pe;
  if (split) pm_array_clear(&b->sents);
  pm_array_clear(&b->raw);
  b->para_first_quote = b->res->quotes.size;
  if (!b->ctx->in_comments) comment_heading(b);
  if (split) sent__split(b);
  if (rate) claims__rate(b);
  quotes__find(b); /* visits only the sentences the rating saw marks in */
  speakers__attribute(b);
  claims__score(b);
}

static void analyse_paragraph(Block *b, uint32_t ps, uint32_t pe) {
  trim(b->text, &ps, &pe);
  if (ps >= pe) return; /* blank lines change nothing */
  pm_array_clear(&b->toks);
  pm_array_clear(&b->ends);
  tok__scan(b->lx, b->text, ps, pe, &b->toks, &b->ends);
  analyse_tokens(b, ps, pe, true, true);
}

/* ---- the tokenizer in a second thread -------------------------------------
 *
 * On a big block (the command line reads 1 MiB at a time) the tokenizer
 * and the sentence splitter, functions of the paragraph's bytes alone, run
 * ahead in a second thread while this one runs the quote and speaker
 * passes, which carry the context from paragraph to paragraph.  The
 * sentence rating, a function of the paragraph alone too, goes to
 * whichever thread has time for it: the tokenizer rates a paragraph when it
 * is at least RATE_LEAD bytes ahead of the analysing thread, which
 * rates the others.  A fixed split left one thread idle for a quarter of
 * the time whichever side the rating was on (and which side is the
 * slower one depends on the text and on the machine).  Still one pass
 * over the bytes, with the same tokens and sentences in the same order, so
 * the results are exactly those of analyse_paragraph.  The token and
 * sentence arrays are reserved in full before the thread starts (neither
 * pass grows them), so the thread allocates nothing and shares nothing but
 * the published count.
 */
#ifndef PIPELINE_MIN
#define PIPELINE_MIN (256u * 1024u)
#endif
/* Paragraphs the analysing thread waits for when it catches up (at the
 * start of a block, only the first few). */
#ifndef WAKE_BATCH
#define WAKE_BATCH 256u
#endif
#define WAKE_FIRST 8u
/* How far ahead (in bytes) the tokenizer must be to take a paragraph's
 * rating: far enough that a long paragraph or two cannot let the
 * analysing thread catch up and wait. */
#ifndef RATE_LEAD
#define RATE_LEAD (16u * 1024u)
#endif

typedef struct {
  uint32_t ps, pe; /* trimmed paragraph, never blank */
  uint32_t t0, t1; /* its tokens in Pipeline.toks */
  uint32_t s0, s1; /* its sentences in Pipeline.sents */
  bool rated;      /* claims__rate ran in the tokenizer thread */
} ParaSpan;

typedef struct {
  Block proto;             /* read-only fields for sent__split */
  ParaSpan *paras;         /* written by the thread, up to `done` */
  TokenArray toks;         /* written by the thread only */
  IndexArray ends;         /* the thread's, one paragraph's at a time */
  PmArray(Sentence) sents; /* written by the thread only */
  atomic_uint done;        /* paragraphs whose tokens are complete */
  atomic_bool finished;    /* the thread cut its last paragraph */
  /* where the analysing thread is (byte offset): only a hint for the
   * tokenizer's share of the rating, so read and written relaxed */
  atomic_uint at;
  /* The analysing thread sleeps on `wake` when it catches up, rather than
   * spinning on a machine that may have no CPU to spare; `waiting` tells
   * the tokenizer to signal once `done` reaches `want` (or it finishes).
   * All are sequentially consistent and `want` is stored before `waiting`,
   * so either the tokenizer sees both or the sleeper sees `done`.  The
   * sleeper asks for a batch of paragraphs, not the next one: whenever the
   * tokenizer thread is the slower one, waking per paragraph cost a futex
   * round trip each time (about 140 000 context switches and a seventh of
   * the CPU time on 100 MB). */
  atomic_bool waiting;
  atomic_uint want;
  pthread_mutex_t lock;
  pthread_cond_t wake;
} Pipeline;

/* Wakes the analysing thread if it sleeps and what it waits for is there.
 * One signal per wait: the sleeper takes a while to wake, and until then
 * every paragraph would find `waiting` still set and signal again (a
 * mutex and a futex call each). */
static void wake_analyser(Pipeline *p, uint32_t done, bool finished) {
  if (atomic_load(&p->waiting) && (finished || done >= atomic_load(&p->want)) &&
      atomic_exchange(&p->waiting, false)) {
    pthread_mutex_lock(&p->lock);
    pthread_cond_signal(&p->wake);
    pthread_mutex_unlock(&p->lock);
  }
}

/* The tokenizer thread: cuts the block into paragraphs (here, so that the
 * analysing thread can start on the first ones at once), then tokenizes,
 * splits and maybe rates each non-blank one.  Blank lines change nothing
 * and get no entry. */
static void *tokenize_all(void *arg) {
  Pipeline *p = arg;
  /* sent__split and claims__rate work on windows of the arrays, set per
   * paragraph in this one copy of the read-only fields (a Block is a few
   * hundred bytes: copying it per paragraph showed in the profile) */
  Block w = p->proto;
  const char *text = p->proto.text;
  size_t len = p->proto.len;
  uint32_t i = 0;
  for (size_t pos = 0; pos < len;) {
    size_t next = pm_analysis_next_paragraph(text, len, pos);
    uint32_t s = (uint32_t)pos, e = (uint32_t)next;
    pos = next;
    trim(text, &s, &e);
    if (s >= e) continue;
    ParaSpan *ps = &p->paras[i];
    ps->ps = s;
    ps->pe = e;
    ps->rated = false;
    ps->t0 = p->toks.size;
    ps->s0 = p->sents.size;
    p->ends.size = 0;
    tok__scan(p->proto.lx, text, s, e, &p->toks, &p->ends);
    for (uint32_t k = 0; k < p->ends.size; k++) p->ends.contents[k] -= ps->t0;
    /* windows big enough that sent__split never grows them */
    w.toks.contents = p->toks.contents + ps->t0;
    w.toks.size = w.toks.capacity = p->toks.size - ps->t0;
    w.ends = p->ends;
    w.sents.contents = p->sents.contents + ps->s0;
    w.sents.size = 0;
    w.sents.capacity = p->sents.capacity - ps->s0;
    sent__split(&w);
    if (s >= atomic_load_explicit(&p->at, memory_order_relaxed) + RATE_LEAD) {
      claims__rate(&w);
      ps->rated = true; /* published with `done` below */
    }
    p->sents.size += w.sents.size;
    ps->t1 = p->toks.size;
    ps->s1 = p->sents.size;
    atomic_store(&p->done, ++i);
    wake_analyser(p, i, false);
  }
  atomic_store(&p->finished, true);
  wake_analyser(p, i, true);
  return NULL;
}

/* Analyses text[0..len) with the tokenizer in a thread; returns false
 * (having done nothing) when the thread cannot be started. */
static bool analyse_pipelined(Block *b, size_t len) {
  /* The arrays are reserved in full before the thread starts, so that
   * they never move while this thread reads them, from bounds that need
   * no pass over the text: a non-blank paragraph takes at least two
   * bytes (one and its '\n') but the last, and tok__scan reserves its
   * trimmed length + 2 tokens, at most 1.5 tokens a byte in all.  Only
   * what is written is ever resident. */
  size_t cap = len + len / 2 + 3;
  if (cap > UINT32_MAX / 2) return false;
  Pipeline p;
  memset(&p, 0, sizeof p);
  p.proto = *b;
  memset(&p.proto.toks, 0, sizeof p.proto.toks);
  memset(&p.proto.sents, 0, sizeof p.proto.sents);
  memset(&p.proto.raw, 0, sizeof p.proto.raw);
  p.proto.ctx = NULL; /* the thread must not touch the context */
  p.proto.res = NULL;
  p.paras = pm_malloc((len / 2 + 2) * sizeof *p.paras);
  pm_array_reserve(&p.toks, (uint32_t)cap);
  /* a sentence holds at least one token */
  pm_array_reserve(&p.sents, (uint32_t)cap);
  atomic_init(&p.done, 0);
  atomic_init(&p.finished, false);
  atomic_init(&p.at, 0);
  atomic_init(&p.waiting, false);
  atomic_init(&p.want, 0);
  pthread_t th;
  bool sync_ok = pthread_mutex_init(&p.lock, NULL) == 0;
  if (sync_ok && pthread_cond_init(&p.wake, NULL) != 0) {
    pthread_mutex_destroy(&p.lock);
    sync_ok = false;
  }
  if (!sync_ok || pthread_create(&th, NULL, tokenize_all, &p) != 0) {
    if (sync_ok) {
      pthread_cond_destroy(&p.wake);
      pthread_mutex_destroy(&p.lock);
    }
    pm_array_delete(&p.toks);
    pm_array_delete(&p.sents);
    pm_free(p.paras);
    return false;
  }
  /* b->toks becomes a window on the thread's array, paragraph by
   * paragraph; its own buffer is kept aside and restored after. */
  TokenArray own = b->toks;
  PmArray(Sentence) own_sents;
  memcpy(&own_sents, &b->sents, sizeof own_sents);
  for (uint32_t i = 0;; i++) {
    if (atomic_load(&p.done) <= i && !atomic_load(&p.finished)) {
      pthread_mutex_lock(&p.lock);
      atomic_store(&p.want, i + (i ? WAKE_BATCH : WAKE_FIRST));
      atomic_store(&p.waiting, true);
      while (atomic_load(&p.done) < atomic_load(&p.want) &&
             !atomic_load(&p.finished))
        pthread_cond_wait(&p.wake, &p.lock);
      atomic_store(&p.waiting, false);
      pthread_mutex_unlock(&p.lock);
    }
    if (atomic_load(&p.done) <= i) break; /* finished, and all analysed */
    const ParaSpan *ps = &p.paras[i];
    atomic_store_explicit(&p.at, ps->ps, memory_order_relaxed);
    b->toks.contents = p.toks.contents + ps->t0;
    b->toks.size = b->toks.capacity = ps->t1 - ps->t0;
    b->sents.contents = p.sents.contents + ps->s0;
    b->sents.size = b->sents.capacity = ps->s1 - ps->s0;
    analyse_tokens(b, ps->ps, ps->pe, false, !ps->rated);
  }
  pthread_join(th, NULL);
  pthread_cond_destroy(&p.wake);
  pthread_mutex_destroy(&p.lock);
  b->toks = own;
  memcpy(&b->sents, &own_sents, sizeof own_sents);
  pm_array_delete(&p.toks);
  pm_array_delete(&p.ends);
  pm_array_delete(&p.sents);
  pm_free(p.paras);
  return true;
}

/* FNV-1a of a NUL-terminated name. */
static uint64_t name_hash(const char *s) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 0x100000001B3ULL;
  }
  return h;
}

/* Builds the speaker list: one entry per resolved name, with the distinct
 * mentions that named it, in the order of first quotation.  The names
 * are found through a small hash table of speaker indices: a long text
 * has thousands of quotations, and comparing each name with every
 * speaker so far cost as much as the rest of the block's bookkeeping. */
static void collect_speakers(PmAnalysis *a) {
  uint32_t cap = 0, *slot = NULL; /* speaker index + 1, 0 empty */
  uint64_t *hash = NULL;
  for (uint32_t i = 0; i < a->quotes.size; i++) {
    PmQuote *q = &a->quotes.contents[i];
    if (!q->has_speaker || !q->speaker.name) continue;
    if ((a->speakers.size + 1) * 2 > cap) {
      uint32_t ncap = cap ? cap * 2 : 64;
      uint32_t *ns = pm_calloc(ncap, sizeof *ns);
      uint64_t *nh = pm_calloc(ncap, sizeof *nh);
      for (uint32_t k = 0; k < cap; k++) {
        if (!slot[k]) continue;
        uint32_t j = (uint32_t)hash[k] & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = slot[k];
        nh[j] = hash[k];
      }
      pm_free(slot);
      pm_free(hash);
      slot = ns;
      hash = nh;
      cap = ncap;
    }
    uint64_t h = name_hash(q->speaker.name);
    uint32_t j = (uint32_t)h & (cap - 1);
    PmSpeaker *s = NULL;
    for (; slot[j]; j = (j + 1) & (cap - 1)) {
      PmSpeaker *c = &a->speakers.contents[slot[j] - 1];
      if (hash[j] == h && !strcmp(c->name, q->speaker.name)) {
        s = c;
        break;
      }
    }
    if (!s) {
      s = pm_array_grow_one(&a->speakers);
      s->name = q->speaker.name;
      slot[j] = a->speakers.size;
      hash[j] = h;
    }
    s->quotes++;
    const char *m = q->speaker.mention;
    if (!m || !strcmp(m, s->name)) continue;
    bool seen = false;
    for (uint32_t k = 0; k < s->n_aliases; k++)
      if (!strcmp(s->aliases[k], m)) seen = true;
    if (seen) continue;
    const char **al = pm_realloc((void *)s->aliases,
                                 (s->n_aliases + 1) * sizeof *al);
    al[s->n_aliases++] = m;
    s->aliases = al;
  }
  pm_free(slot);
  pm_free(hash);
}

PmAnalysis *pm_analyze_block(const PmLang *lang, const PmAnalyzeOptions *opts,
                             const char *text, size_t len, PmContext *ctx,
                             PmError *err) {
  if (len > UINT32_MAX - 1) {
    pm_error_set(err, PM_ERR_INVALID, "text: longer than 4 GiB");
    return NULL;
  }
  PmAnalyzeOptions defaults;
  if (!opts) {
    pm_analyze_options_init(&defaults);
    opts = &defaults;
  }
  PmAnalysis *a = pm_calloc(1, sizeof *a);
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
  Block b;
  memset(&b, 0, sizeof b);
  b.lang = lang;
  b.lx = &lang->lex[lid];
  b.lid = lid;
  b.opts = opts;
  b.text = text;
  b.len = (uint32_t)len;
  b.ctx = ctx;
  b.res = a;
  b.open_first = UINT32_MAX;
  if (len < PIPELINE_MIN || !analyse_pipelined(&b, len)) {
    size_t pos = 0;
    while (pos < len) {
      size_t pe = pm_analysis_next_paragraph(text, len, pos);
      analyse_paragraph(&b, (uint32_t)pos, (uint32_t)pe);
      pos = pe;
    }
  }
  pm_array_delete(&b.toks);
  pm_array_delete(&b.ends);
  pm_array_delete(&b.sents);
  pm_array_delete(&b.raw);
  collect_speakers(a);
  return a;
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

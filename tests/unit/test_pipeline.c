/*
 * test_pipeline.c - a block of 256 KiB or more is analysed with the
 * tokenizer, the sentence splitter and part of the claim rating (which
 * part depends on the threads' timing) in a second thread; its claims
 * must be those of the same text analysed one paragraph per block (which
 * stays in one thread).  A stream (pm_stream_analyze) gives what
 * pm_analyze_block gives, block after block, whatever it was told of the
 * next block.  When the analysing thread would wait for the tokenizer, it
 * tokenizes chunks at the back of the block itself: forced here with a
 * test hook, the results are the same again.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "pressmark/analysis.h"
#include "test.h"
#include "util/alloc.h"

static PmLang *load(void) {
  const char *files[] = {"lang/fr.yaml", "lang/en.yaml"};
  PmError err;
  PmLang *l = pm_lang_load(files, 2, &err);
  if (!l) printf("#   %s\n", err.message);
  return l;
}

/* A first line of page furniture, figures, a question, an opinion and a
 * quotation: every kind of scoring step fires somewhere. */
static const char para[] =
    "Sign up for our newsletter\n\n"
    "The council voted 7 to 2 in 2019 to raise the levy by 4.5 %, "
    "the largest increase in a decade, according to the treasurer.\n\n"
    "\"We cut 1,200 jobs because the grant ended,\" said Mayor Ellen Park. "
    "Is that fair? I think it is wrong.\n\n"
    "The minister, Ana Ruiz, said that unemployment fell by 2 % in January.\n\n";

static void big_block_claims_match_paragraph_blocks(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  size_t pn = strlen(para), reps = 300 * 1024 / pn + 1, len = pn * reps;
  char *t = pm_malloc(len + 1);
  for (size_t i = 0; i < reps; i++) memcpy(t + i * pn, para, pn);
  t[len] = '\0';
  PmAnalyzeOptions o;
  pm_analyze_options_init(&o);
  o.min_score = 0;
  o.lang = PM_LANG_EN; /* detection sees more text in the big block */
  PmError err;
  PmContext *whole = pm_context_new();
  PmAnalysis *a = pm_analyze_block(l, &o, t, len, whole, &err);
  CHECK(a != NULL);
  size_t na = 0;
  const PmClaim *ca = a ? pm_analysis_claims(a, &na) : NULL;
  /* every sentence is a claim at threshold 0; at least the four a
   * repetition holds, the furniture among them */
  CHECK(na >= 4 * reps);
  PmContext *ctx = pm_context_new();
  size_t pos = 0, k = 0, furniture = 0;
  bool same = true;
  while (pos < len && a) {
    size_t end = pm_analysis_next_paragraph(t, len, pos);
    PmAnalysis *p = pm_analyze_block(l, &o, t + pos, end - pos, ctx, &err);
    size_t np = 0;
    const PmClaim *cp = p ? pm_analysis_claims(p, &np) : NULL;
    for (size_t i = 0; i < np; i++, k++) {
      if (k >= na || cp[i].start + pos != ca[k].start ||
          cp[i].end + pos != ca[k].end || cp[i].score != ca[k].score ||
          cp[i].reasons != ca[k].reasons)
        same = false;
      if (cp[i].reasons & PM_REASON_BOILERPLATE) furniture++;
    }
    pm_analysis_free(p);
    pos = end;
  }
  CHECK(same);
  CHECK_EQ_INT((int)k, (int)na);
  CHECK_EQ_INT((int)furniture, (int)reps);
  pm_analysis_free(a);
  pm_context_free(ctx);
  pm_context_free(whole);
  pm_free(t);
  pm_lang_free(l);
}

/* A text of para[] repeated to `kib` KiB or a little more, in a fresh
 * buffer. */
static char *repeat(size_t kib, size_t *len) {
  size_t pn = strlen(para), reps = kib * 1024 / pn + 1;
  char *t = pm_malloc(pn * reps + 1);
  for (size_t i = 0; i < reps; i++) memcpy(t + i * pn, para, pn);
  t[pn * reps] = '\0';
  *len = pn * reps;
  return t;
}

/* t (n bytes, from repeat) with CRLF line ends, in a fresh buffer. */
static char *crlf(char *t, size_t *n) {
  size_t lines = 0;
  for (size_t i = 0; i < *n; i++) lines += t[i] == '\n';
  char *r = pm_malloc(*n + lines + 1), *w = r;
  for (size_t i = 0; i < *n; i++) {
    if (t[i] == '\n') *w++ = '\r';
    *w++ = t[i];
  }
  *w = '\0';
  *n = (size_t)(w - r);
  pm_free(t);
  return r;
}

/* t (n bytes) followed by a line of `extra` bytes of words, without a
 * newline, in a fresh buffer. */
static char *long_tail(char *t, size_t *n, size_t extra) {
  char *r = pm_malloc(*n + extra + 1);
  memcpy(r, t, *n);
  for (size_t i = 0; i < extra; i++) r[*n + i] = "word "[i % 5];
  *n += extra;
  r[*n] = '\0';
  pm_free(t);
  return r;
}

/* Same quotes (spans, speakers) and claims (spans, scores, reasons). */
static bool same_results(const PmAnalysis *x, const PmAnalysis *y) {
  size_t nx, ny, cx, cy;
  const PmQuote *qx = pm_analysis_quotes(x, &nx), *qy = pm_analysis_quotes(y, &ny);
  const PmClaim *kx = pm_analysis_claims(x, &cx), *ky = pm_analysis_claims(y, &cy);
  if (nx != ny || cx != cy || !nx || !cx) return false;
  for (size_t i = 0; i < nx; i++) {
    if (qx[i].start != qy[i].start || qx[i].end != qy[i].end ||
        qx[i].has_speaker != qy[i].has_speaker)
      return false;
    if (qx[i].has_speaker &&
        strcmp(qx[i].speaker.name ? qx[i].speaker.name : "",
               qy[i].speaker.name ? qy[i].speaker.name : ""))
      return false;
  }
  for (size_t i = 0; i < cx; i++)
    if (kx[i].start != ky[i].start || kx[i].end != ky[i].end ||
        kx[i].score != ky[i].score || kx[i].reasons != ky[i].reasons)
      return false;
  return true;
}

/* Three big blocks through a stream, each announced before it is passed
 * (the worker goes on to it while the block before is analysed): the
 * results of each are those of pm_analyze_block with the same context. */
static void stream_blocks_match_analyze_block(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  size_t len[3];
  char *t[3] = {repeat(300, &len[0]), repeat(400, &len[1]), repeat(260, &len[2])};
  CHECK(len[2] >= 256 * 1024); /* every block big enough for the pipeline */
  PmAnalyzeOptions o;
  pm_analyze_options_init(&o);
  o.min_score = 0;
  PmStream *s = pm_stream_new(l, &o);
  PmContext *cs = pm_context_new(), *cb = pm_context_new();
  PmError err;
  for (int k = 0; k < 3; k++) {
    PmAnalysis *a = pm_stream_analyze(s, t[k], len[k], k < 2 ? t[k + 1] : NULL,
                                      k < 2 ? len[k + 1] : 0, cs, &err);
    PmAnalysis *b = pm_analyze_block(l, &o, t[k], len[k], cb, &err);
    CHECK(a && b && same_results(a, b));
    CHECK(pm_context_equal(cs, cb));
    pm_analysis_free(a);
    pm_analysis_free(b);
  }
  pm_stream_free(s);
  pm_context_free(cs);
  pm_context_free(cb);
  for (int k = 0; k < 3; k++) pm_free(t[k]);
  pm_lang_free(l);
}

/* A block announced and then not passed (another is) is dropped, wherever
 * the worker is in it; one announced and never passed is dropped when the
 * stream is freed. */
static void stream_drops_the_block_announced_in_vain(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  size_t n1, n2;
  char *t1 = repeat(300, &n1), *t2 = repeat(330, &n2);
  PmStream *s = pm_stream_new(l, NULL);
  PmContext *cs = pm_context_new(), *cb = pm_context_new();
  PmError err;
  PmAnalysis *a = pm_stream_analyze(s, t1, n1, t1 + 1, n1 - 1, cs, &err);
  PmAnalysis *b = pm_analyze_block(l, NULL, t1, n1, cb, &err);
  CHECK(a && b && same_results(a, b));
  pm_analysis_free(a);
  pm_analysis_free(b);
  a = pm_stream_analyze(s, t2, n2, t1, n1, cs, &err); /* not t1 + 1 */
  b = pm_analyze_block(l, NULL, t2, n2, cb, &err);
  CHECK(a && b && same_results(a, b));
  pm_analysis_free(a);
  pm_analysis_free(b);
  pm_stream_free(s); /* t1 announced, never passed */
  pm_context_free(cs);
  pm_context_free(cb);
  pm_free(t1);
  pm_free(t2);
  pm_lang_free(l);
}

/* The analysing thread takes chunks at the back of every block before the
 * worker gets there: quotes, speakers and claims are still those of the
 * text analysed one paragraph per block. */
static void shared_tokenizing_matches_paragraph_blocks(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  /* plain lines; CRLF line ends; a block ending in a line of 100 KiB
   * (the chunks then start before that line) */
  size_t len[3];
  char *t[3] = {repeat(600, &len[0]), crlf(repeat(300, &len[1]), &len[1]),
                long_tail(repeat(300, &len[2]), &len[2], 100 * 1024)};
  PmAnalyzeOptions o;
  pm_analyze_options_init(&o);
  o.min_score = 0;
  o.lang = PM_LANG_EN;
  PmStream *s = pm_stream_new(l, &o);
  PmContext *cs = pm_context_new(), *cp = pm_context_new();
  PmError err;
  unsigned long chunks = pm__stream_test_help(s, true);
  for (int k = 0; k < 3; k++) {
    PmAnalysis *a = pm_stream_analyze(s, t[k], len[k], k < 2 ? t[k + 1] : NULL,
                                      k < 2 ? len[k + 1] : 0, cs, &err);
    /* the same text a paragraph at a time, in one thread: its quotes and
     * claims, shifted to the block's offsets, in a result to compare */
    size_t pos = 0, nq = 0, nc = 0, qi = 0, ci = 0;
    const PmQuote *qa = a ? pm_analysis_quotes(a, &nq) : NULL;
    const PmClaim *ca = a ? pm_analysis_claims(a, &nc) : NULL;
    bool same = a != NULL && nq > 0 && nc > 0;
    while (a && pos < len[k]) {
      size_t end = pm_analysis_next_paragraph(t[k], len[k], pos);
      PmAnalysis *p = pm_analyze_block(l, &o, t[k] + pos, end - pos, cp, &err);
      size_t pq = 0, pc = 0;
      const PmQuote *qp = p ? pm_analysis_quotes(p, &pq) : NULL;
      const PmClaim *cl = p ? pm_analysis_claims(p, &pc) : NULL;
      for (size_t i = 0; i < pq; i++, qi++)
        if (qi >= nq || qp[i].start + pos != qa[qi].start ||
            qp[i].end + pos != qa[qi].end ||
            qp[i].has_speaker != qa[qi].has_speaker ||
            (qp[i].has_speaker &&
             strcmp(qp[i].speaker.name ? qp[i].speaker.name : "",
                    qa[qi].speaker.name ? qa[qi].speaker.name : "")))
          same = false;
      for (size_t i = 0; i < pc; i++, ci++)
        if (ci >= nc || cl[i].start + pos != ca[ci].start ||
            cl[i].score != ca[ci].score || cl[i].reasons != ca[ci].reasons)
          same = false;
      pm_analysis_free(p);
      pos = end;
    }
    CHECK(same);
    CHECK_EQ_INT((int)qi, (int)nq);
    CHECK_EQ_INT((int)ci, (int)nc);
    pm_analysis_free(a);
  }
  /* of each block, every 32 KiB chunk but the first two or three went to
   * the analysing thread (a block's when it was announced), the long
   * line's in one */
  chunks = pm__stream_test_help(s, false) - chunks;
  CHECK(chunks >= len[0] / (32 * 1024) - 3 + len[1] / (32 * 1024) - 3 +
                      (len[2] - 100 * 1024) / (32 * 1024) - 3);
  pm_stream_free(s);
  pm_context_free(cs);
  pm_context_free(cp);
  for (int k = 0; k < 3; k++) pm_free(t[k]);
  pm_lang_free(l);
}

/* t (n bytes, from repeat) with every paragraph break but, unless `all`,
 * the first of each repetition ("newsletter\n\n") written as `with` (two
 * bytes), in place. */
static void rewrite_breaks(char *t, size_t n, const char *with, bool all) {
  for (size_t i = 0; i + 1 < n; i++)
    if (t[i] == '\n' && t[i + 1] == '\n' &&
        (all || i < 10 || memcmp(t + i - 10, "newsletter", 10))) {
      memcpy(t + i, with, 2);
      i++;
    }
}

/* Does the text e (n bytes) give what nl gives through pm_analyze_block,
 * when analysed by pm_analyze_block or, with `stream`, by a stream whose
 * analysing thread tokenizes chunks too? */
static bool reads_as(PmLang *l, const PmAnalyzeOptions *o, const char *e,
                     const char *nl, size_t n, bool stream) {
  PmError err;
  PmContext *ce = pm_context_new(), *cn = pm_context_new();
  PmStream *s = pm_stream_new(l, o);
  pm__stream_test_help(s, true);
  PmAnalysis *a = stream ? pm_stream_analyze(s, e, n, NULL, 0, ce, &err)
                         : pm_analyze_block(l, o, e, n, ce, &err);
  PmAnalysis *b = pm_analyze_block(l, o, nl, n, cn, &err);
  bool same = a && b && same_results(a, b);
  pm_analysis_free(a);
  pm_analysis_free(b);
  pm_stream_free(s);
  pm_context_free(ce);
  pm_context_free(cn);
  return same;
}

/* A text exported with its paragraph breaks escaped (a literal \n, on one
 * line) reads as the same text with newlines there, through the
 * single-thread path and through a stream whose analysing thread
 * tokenizes chunks too; "C:\nouveau" is no break. */
static void escaped_breaks_read_as_newlines(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  PmAnalyzeOptions o;
  pm_analyze_options_init(&o);
  o.min_score = 0;
  o.lang = PM_LANG_EN;
  PmError err;
  size_t n;
  for (int big = 0; big < 2; big++) {
    char *e = repeat(big ? 600 : 2, &n), *nl = repeat(big ? 600 : 2, &n);
    rewrite_breaks(e, n, "\\n", false);
    rewrite_breaks(nl, n, " \n", false);
    CHECK(memchr(e, '\\', n) != NULL);
    CHECK(reads_as(l, &o, e, nl, n, big));
    pm_free(e);
    pm_free(nl);
  }
  /* a backslash-n before a lowercase letter is text: one paragraph, whose
   * first sentence goes on past it */
  const char path[] = "The files moved to C:\\nouveau in 2019, the clerk said.";
  PmContext *c = pm_context_new();
  PmAnalysis *a = pm_analyze_block(l, &o, path, sizeof path - 1, c, &err);
  size_t nc = 0;
  const PmClaim *k = a ? pm_analysis_claims(a, &nc) : NULL;
  CHECK_EQ_INT((int)nc, 1);
  if (nc) CHECK_EQ_INT((int)k[0].end, (int)sizeof path - 1);
  pm_analysis_free(a);
  pm_context_free(c);
  pm_lang_free(l);
}

/* A one-line export longer than PM_PARAGRAPH_MAX (every break escaped)
 * is cut after an escaped break, never inside a paragraph at a space: it
 * reads as the same text with newlines, through pm_analyze_block and a
 * stream whose analysing thread tokenizes chunks too. */
static void long_escaped_line_is_cut_at_a_break(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  PmAnalyzeOptions o;
  pm_analyze_options_init(&o);
  o.min_score = 0;
  o.lang = PM_LANG_EN;
  size_t n;
  char *e = repeat(700, &n), *nl = repeat(700, &n);
  rewrite_breaks(e, n, "\\n", true);
  rewrite_breaks(nl, n, " \n", true);
  CHECK(memchr(e, '\n', n) == NULL); /* one line */
  size_t cut = pm_analysis_next_paragraph(e, n, 0);
  CHECK(cut > 2 && cut < n && e[cut - 2] == '\\' && e[cut - 1] == 'n');
  CHECK(reads_as(l, &o, e, nl, n, false));
  CHECK(reads_as(l, &o, e, nl, n, true));
  pm_free(e);
  pm_free(nl);
  pm_lang_free(l);
}

/* para[] hard-wrapped at 61 columns, paragraphs between blank lines. */
static const char wrapped[] =
    "Sign up for our newsletter\n\n"
    "The council voted 7 to 2 in 2019 to raise the levy by 4.5 %,\n"
    "the largest increase in a decade, according to the\n"
    "treasurer.\n\n"
    "\"We cut 1,200 jobs because the grant ended,\" said Mayor\n"
    "Ellen Park. Is that fair? I think it is wrong.\n\n"
    "The minister, Ana Ruiz, said that unemployment fell by 2 %\n"
    "in January.\n\n";

/* wrapped[] repeated to `kib` KiB or a little more, and (in *flat) the
 * same with every '\n' inside a paragraph a space, in fresh buffers. */
static char *repeat_wrapped(size_t kib, size_t *len, char **flat) {
  size_t pn = strlen(wrapped), reps = kib * 1024 / pn + 1;
  char *t = pm_malloc(pn * reps + 1);
  for (size_t i = 0; i < reps; i++) memcpy(t + i * pn, wrapped, pn);
  *len = pn * reps;
  t[*len] = '\0';
  *flat = pm_malloc(*len + 1);
  memcpy(*flat, t, *len + 1);
  for (size_t i = 0; i + 1 < *len; i++)
    if (t[i] == '\n' && t[i + 1] != '\n' && (!i || t[i - 1] != '\n')) (*flat)[i] = ' ';
  return t;
}

/* A hard-wrapped text reads as its paragraphs: exactly what the same text
 * with its soft breaks made spaces gives, through pm_analyze_block in one
 * thread, through a stream whose analysing thread tokenizes chunks too,
 * and block after block through a stream told of the next block; CRLF
 * line ends give the same spans.  Every quotation is attributed. */
static void wrapped_text_reads_as_its_paragraphs(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  if (!l) return;
  PmAnalyzeOptions o;
  pm_analyze_options_init(&o);
  o.min_score = 0;
  o.lang = PM_LANG_EN;
  size_t n;
  for (int big = 0; big < 2; big++) {
    char *flat, *t = repeat_wrapped(big ? 600 : 2, &n, &flat);
    CHECK(reads_as(l, &o, t, flat, n, big));
    pm_free(t);
    pm_free(flat);
  }
  /* the speakers across the line ends: "said Mayor\nEllen Park", and
   * Ana Ruiz's "that unemployment fell by 2 %\nin January" */
  char *flat, *t = repeat_wrapped(2, &n, &flat);
  PmContext *c = pm_context_new();
  PmError err;
  PmAnalysis *a = pm_analyze_block(l, &o, t, n, c, &err);
  size_t nq = 0;
  const PmQuote *q = a ? pm_analysis_quotes(a, &nq) : NULL;
  CHECK(nq > 0);
  for (size_t i = 0; i < nq; i++)
    CHECK(q[i].has_speaker && q[i].speaker.name &&
          !strcmp(q[i].speaker.name,
                  q[i].kind == PM_QUOTE_QUOTE ? "Ellen Park" : "Ana Ruiz"));
  pm_analysis_free(a);
  pm_context_free(c);
  pm_free(t);
  pm_free(flat);
  /* three blocks cut after a blank line, each announced before it is
   * passed, with CRLF line ends: pm_analyze_block's results */
  size_t len;
  char *all = crlf(repeat_wrapped(900, &len, &flat), &len);
  pm_free(flat);
  size_t cut1 = pm_analysis_block_end(all, 300 * 1024);
  size_t cut2 = cut1 + pm_analysis_block_end(all + cut1, 300 * 1024);
  CHECK(cut1 > 256 * 1024 && all[cut1 - 1] == '\n' && all[cut1 - 3] == '\n');
  const char *b[3] = {all, all + cut1, all + cut2};
  size_t bl[3] = {cut1, cut2 - cut1, len - cut2};
  PmStream *s = pm_stream_new(l, &o);
  PmContext *cs = pm_context_new(), *cb = pm_context_new();
  for (int k = 0; k < 3; k++) {
    PmAnalysis *x = pm_stream_analyze(s, b[k], bl[k], k < 2 ? b[k + 1] : NULL,
                                      k < 2 ? bl[k + 1] : 0, cs, &err);
    PmAnalysis *y = pm_analyze_block(l, &o, b[k], bl[k], cb, &err);
    CHECK(x && y && same_results(x, y));
    CHECK(pm_context_equal(cs, cb));
    pm_analysis_free(x);
    pm_analysis_free(y);
  }
  pm_stream_free(s);
  pm_context_free(cs);
  pm_context_free(cb);
  pm_free(all);
  pm_lang_free(l);
}

int main(void) {
  RUN(big_block_claims_match_paragraph_blocks);
  RUN(stream_blocks_match_analyze_block);
  RUN(stream_drops_the_block_announced_in_vain);
  RUN(shared_tokenizing_matches_paragraph_blocks);
  RUN(escaped_breaks_read_as_newlines);
  RUN(long_escaped_line_is_cut_at_a_break);
  RUN(wrapped_text_reads_as_its_paragraphs);
  return test_done();
}

/*
 * fuzz_analyze.c - the analyser on arbitrary text.
 *
 * The input is the article.  It is analysed in one block, then paragraph
 * by paragraph (cut where pm_analysis_next_paragraph cuts) carrying the
 * context along.  Always checked: no crash, leak or undefined behaviour,
 * every span inside the text with start <= end, scores and confidences in
 * 0..1.  With PM_FUZZ_STRICT=1 the two analyses must also agree, as
 * analysis.h promises: same quote and claim spans, kinds, speakers, and the
 * same context at the end.  They do not yet (found by this target, inputs
 * kept as tests/fuzz/analyze/strict-*): within a block the analyser looks
 * across paragraph ends, e.g. gives a speaker found later back to earlier
 * pieces of a multi-paragraph quotation, or finds a quote in "…”,said J."
 * only when a next paragraph follows.
 *
 * The language files come from $PRESSMARK_LANG_DIR, else lang/ in the
 * working folder (make fuzz and the replay run from the checkout).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pressmark/analysis.h"

static const PmLang *lang(void) {
  static PmLang *l;
  if (!l) {
    const char *dir = getenv("PRESSMARK_LANG_DIR");
    l = pm_lang_load_dir(dir ? dir : "lang", NULL, 0, NULL);
    FUZZ_FAIL_IF(!l);
  }
  return l;
}

static void check_spans(const PmAnalysis *a, size_t len) {
  size_t n;
  const PmQuote *q = pm_analysis_quotes(a, &n);
  for (size_t i = 0; i < n; i++) {
    FUZZ_FAIL_IF(q[i].start > q[i].end || q[i].end > len);
    FUZZ_FAIL_IF(q[i].confidence < 0 || q[i].confidence > 1);
    const PmSpeakerRef *s = &q[i].speaker;
    FUZZ_FAIL_IF(s->mention && (s->start > s->end || s->end > len));
  }
  const PmClaim *c = pm_analysis_claims(a, &n);
  for (size_t i = 0; i < n; i++) {
    FUZZ_FAIL_IF(c[i].start > c[i].end || c[i].end > len);
    FUZZ_FAIL_IF(!(c[i].score >= 0 && c[i].score <= 1));
  }
  const PmSpeaker *sp = pm_analysis_speakers(a, &n);
  for (size_t i = 0; i < n; i++)
    FUZZ_FAIL_IF(!sp[i].name);
}

static int same_str(const char *a, const char *b) {
  return (!a && !b) || (a && b && !strcmp(a, b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  PmAnalyzeOptions opts;
  pm_analyze_options_init(&opts);
  opts.min_score = 0; /* every sentence: the most code and the most spans */

  PmContext *whole_ctx = pm_context_new();
  PmAnalysis *whole = pm_analyze_block(lang(), &opts, text, size, whole_ctx, NULL);
  FUZZ_FAIL_IF(!whole);
  check_spans(whole, size);
  size_t nq, nc;
  const PmQuote *wq = pm_analysis_quotes(whole, &nq);
  const PmClaim *wc = pm_analysis_claims(whole, &nc);

  static int strict = -1;
  if (strict < 0) strict = getenv("PM_FUZZ_STRICT") != NULL;
  PmContext *ctx = pm_context_new();
  size_t pos = 0, iq = 0, ic = 0;
  while (pos < size) {
    size_t next = pm_analysis_next_paragraph(text, size, pos);
    FUZZ_FAIL_IF(next <= pos || next > size);
    PmAnalysis *part = pm_analyze_block(lang(), &opts, text + pos, next - pos, ctx, NULL);
    FUZZ_FAIL_IF(!part);
    check_spans(part, next - pos);
    size_t n;
    const PmQuote *q = pm_analysis_quotes(part, &n);
    for (size_t i = 0; strict && i < n; i++, iq++) {
      FUZZ_FAIL_IF(iq >= nq);
      const PmQuote *w = &wq[iq];
      bool differ = q[i].start + pos != w->start || q[i].end + pos != w->end ||
                    q[i].kind != w->kind ||
                    !same_str(q[i].speaker.name, w->speaker.name);
      if (differ)
        fprintf(stderr, "quote %zu: whole %u-%u kind %d %s, by paragraph "
                "%zu-%zu kind %d %s\n", iq, w->start, w->end, (int)w->kind,
                w->speaker.name ? w->speaker.name : "-", q[i].start + pos,
                q[i].end + pos, (int)q[i].kind,
                q[i].speaker.name ? q[i].speaker.name : "-");
      FUZZ_FAIL_IF(differ);
    }
    const PmClaim *c = pm_analysis_claims(part, &n);
    for (size_t i = 0; strict && i < n; i++, ic++) {
      FUZZ_FAIL_IF(ic >= nc);
      FUZZ_FAIL_IF(c[i].start + pos != wc[ic].start || c[i].end + pos != wc[ic].end);
    }
    pm_analysis_free(part);
    pos = next;
  }
  FUZZ_FAIL_IF(strict && (iq != nq || ic != nc));
  FUZZ_FAIL_IF(strict && !pm_context_equal(ctx, whole_ctx));
  pm_context_free(ctx);
  pm_context_free(whole_ctx);
  pm_analysis_free(whole);
  return 0;
}

/*
 * test_pipeline.c - a block of 256 KiB or more is analysed with the
 * tokenizer, the sentence splitter and part of the claim rating (which
 * part depends on the threads' timing) in a second thread; its claims
 * must be those of the same text analysed one paragraph per block (which
 * stays in one thread).
 */
#include <stdlib.h>
#include <string.h>

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

int main(void) {
  RUN(big_block_claims_match_paragraph_blocks);
  return test_done();
}

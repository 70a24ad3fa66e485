/*
 * fuzz_fastpaths.c - the analyser's kept results against their
 * computation again, on arbitrary text.
 *
 * The input is analysed three times in one block, every sentence a claim:
 * with an__slow_paths (every pass computes again what an earlier pass
 * kept: the page-furniture test of the rating, note_entities' visit of
 * every capital), as a program does, and with an__test_cands (the list of
 * name candidates made on every path).  The quotes, their speakers, the
 * claims and the speakers must be the same each time.  The kept inputs
 * (tests/fuzz/fastpaths/) are replayed by make test.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
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

static bool same_str(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

static PmAnalysis *analyse(const char *text, size_t size, bool slow, bool cands) {
  PmAnalyzeOptions opts;
  pm_analyze_options_init(&opts);
  opts.min_score = 0;
  an__slow_paths = slow;
  an__test_cands = cands;
  PmContext *ctx = pm_context_new();
  PmAnalysis *a = pm_analyze_block(lang(), &opts, text, size, ctx, NULL);
  pm_context_free(ctx);
  an__slow_paths = false;
  an__test_cands = false;
  FUZZ_FAIL_IF(!a);
  return a;
}

static void check_same(const PmAnalysis *x, const PmAnalysis *y) {
  size_t n, m;
  const PmQuote *q = pm_analysis_quotes(x, &n), *r = pm_analysis_quotes(y, &m);
  FUZZ_FAIL_IF(n != m);
  for (size_t i = 0; i < n; i++) {
    FUZZ_FAIL_IF(q[i].start != r[i].start || q[i].end != r[i].end || q[i].kind != r[i].kind);
    FUZZ_FAIL_IF(q[i].has_speaker != r[i].has_speaker ||
                 !same_str(q[i].speaker.name, r[i].speaker.name) ||
                 !same_str(q[i].speaker.mention, r[i].speaker.mention));
  }
  const PmClaim *c = pm_analysis_claims(x, &n), *d = pm_analysis_claims(y, &m);
  FUZZ_FAIL_IF(n != m);
  for (size_t i = 0; i < n; i++) {
    FUZZ_FAIL_IF(c[i].start != d[i].start || c[i].end != d[i].end || c[i].score != d[i].score ||
                 c[i].reasons != d[i].reasons || !same_str(c[i].speaker, d[i].speaker));
  }
  const PmSpeaker *s = pm_analysis_speakers(x, &n), *t = pm_analysis_speakers(y, &m);
  FUZZ_FAIL_IF(n != m);
  for (size_t i = 0; i < n; i++) FUZZ_FAIL_IF(!same_str(s[i].name, t[i].name));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  PmAnalysis *slow = analyse(text, size, true, false);
  PmAnalysis *fast = analyse(text, size, false, false);
  PmAnalysis *listed = analyse(text, size, false, true);
  check_same(slow, fast);
  check_same(slow, listed);
  pm_analysis_free(slow);
  pm_analysis_free(fast);
  pm_analysis_free(listed);
  return 0;
}

/*
 * test_analysis.c - the analyser's library API: language data, paragraph
 * cuts, the incremental context, results and their ownership.
 */
#include <stdlib.h>
#include <string.h>

#include "pressmark/analysis.h"
#include "test.h"

static PmLang *load(void) {
  const char *files[] = {"lang/fr.yaml", "lang/en.yaml"};
  PmError err;
  PmLang *l = pm_lang_load(files, 2, &err);
  if (!l) printf("#   %s\n", err.message);
  return l;
}

static PmAnalysis *run(const PmLang *l, const char *text, PmContext *ctx) {
  PmError err;
  return pm_analyze_block(l, NULL, text, strlen(text), ctx, &err);
}

static void loads_the_shipped_language_files(void) {
  PmLang *l = load();
  CHECK(l != NULL);
  pm_lang_free(l);
  pm_lang_free(NULL);
}

static void reports_a_bad_language_file_with_its_position(void) {
  const char *path = "build/test/bad-lang.yaml";
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs("lang: fr\nroles: [a, b\n", f);
  fclose(f);
  PmError err;
  PmLang *l = pm_lang_load(&path, 1, &err);
  CHECK(l == NULL);
  CHECK(strstr(err.message, "bad-lang.yaml:") != NULL);
  CHECK_EQ_INT(err.code, PM_ERR_PARSE);
  remove(path);
}

static void detects_french_and_english(void) {
  PmLang *l = load();
  if (!l) return;
  const char *fr = "Le ministre a déclaré que la situation est grave et que les services sont mobilisés.";
  const char *en = "The minister said that the situation was serious and that the services were ready.";
  CHECK_EQ_INT(pm_lang_detect(l, fr, strlen(fr)), PM_LANG_FR);
  CHECK_EQ_INT(pm_lang_detect(l, en, strlen(en)), PM_LANG_EN);
  CHECK_EQ_INT(pm_lang_detect(l, "", 0), PM_LANG_AUTO);
  pm_lang_free(l);
}

static void cuts_paragraphs_at_newlines_and_long_lines(void) {
  const char *t = "un\ndeux\n\ntrois";
  size_t n = strlen(t);
  CHECK_EQ_INT(pm_analysis_next_paragraph(t, n, 0), 3);
  CHECK_EQ_INT(pm_analysis_next_paragraph(t, n, 3), 8);
  CHECK_EQ_INT(pm_analysis_next_paragraph(t, n, 8), 9);
  CHECK_EQ_INT(pm_analysis_next_paragraph(t, n, 9), n);
  size_t big = PM_PARAGRAPH_MAX * 2 + 10;
  char *s = pm_malloc(big);
  memset(s, 'a', big);
  size_t cut = pm_analysis_next_paragraph(s, big, 0);
  CHECK(cut > 0 && cut <= PM_PARAGRAPH_MAX);
  pm_free(s);
}

static void finds_a_quote_with_its_speaker_and_spans(void) {
  PmLang *l = load();
  if (!l) return;
  PmContext *ctx = pm_context_new();
  const char *t = "« Nous partons », a déclaré Manuel Valls.";
  PmAnalysis *a = run(l, t, ctx);
  size_t n;
  const PmQuote *q = pm_analysis_quotes(a, &n);
  CHECK_EQ_INT(n, 1);
  if (n == 1) {
    CHECK_EQ_INT(q[0].start, 3);
    CHECK_EQ_INT(q[0].end, 15);
    CHECK_EQ_INT(q[0].kind, PM_QUOTE_QUOTE);
    CHECK(q[0].has_speaker);
    CHECK_EQ_STR(q[0].speaker.name, "Manuel Valls");
    CHECK_EQ_STR(q[0].speaker.mention, "Manuel Valls");
    CHECK_EQ_INT(q[0].speaker.start, strstr(t, "Manuel") - t);
    CHECK_EQ_INT(q[0].speaker.stance, PM_STANCE_NEUTRAL);
  }
  const PmSpeaker *sp = pm_analysis_speakers(a, &n);
  CHECK_EQ_INT(n, 1);
  if (n == 1) CHECK_EQ_INT(sp[0].quotes, 1);
  CHECK_EQ_INT(pm_context_lang(ctx), PM_LANG_FR);
  pm_analysis_free(a);
  pm_analysis_free(NULL);
  pm_context_free(ctx);
  pm_lang_free(l);
}

/* Paragraph by paragraph with the context carried gives what the whole
 * text gives, and a pronoun resolves across the cut. */
static void paragraph_blocks_match_the_whole_text(void) {
  PmLang *l = load();
  if (!l) return;
  const char *t =
      "Le ministre de l'Intérieur, Manuel Valls, était à Lille.\n"
      "« Nous renforcerons les moyens », a-t-il affirmé.\n"
      "« Rien n'est décidé », dément la maire, Anne Roux.\n";
  PmContext *whole = pm_context_new();
  PmAnalysis *a = run(l, t, whole);
  size_t na;
  const PmQuote *qa = pm_analysis_quotes(a, &na);
  PmContext *ctx = pm_context_new();
  size_t pos = 0, len = strlen(t), k = 0;
  bool same = true;
  while (pos < len) {
    size_t end = pm_analysis_next_paragraph(t, len, pos);
    PmError err;
    PmAnalysis *p = pm_analyze_block(l, NULL, t + pos, end - pos, ctx, &err);
    size_t np;
    const PmQuote *qp = pm_analysis_quotes(p, &np);
    for (size_t i = 0; i < np; i++, k++) {
      if (k >= na || qp[i].start + pos != qa[k].start ||
          (qp[i].speaker.name == NULL) != (qa[k].speaker.name == NULL) ||
          (qp[i].speaker.name && strcmp(qp[i].speaker.name, qa[k].speaker.name)))
        same = false;
    }
    pm_analysis_free(p);
    pos = end;
  }
  CHECK(same);
  CHECK_EQ_INT(k, na);
  CHECK_EQ_INT(na, 2);
  if (na == 2) {
    CHECK_EQ_STR(qa[0].speaker.name, "Manuel Valls");
    CHECK_EQ_STR(qa[0].speaker.how, "verb-after+pronoun");
    CHECK_EQ_INT(qa[0].speaker.stance, PM_STANCE_ASSERT);
    CHECK_EQ_STR(qa[1].speaker.name, "Anne Roux");
    CHECK_EQ_INT(qa[1].speaker.stance, PM_STANCE_DENY);
  }
  CHECK(pm_context_equal(whole, ctx));
  pm_analysis_free(a);
  pm_context_free(whole);
  pm_context_free(ctx);
  pm_lang_free(l);
}

static void context_copy_equal_and_change(void) {
  PmLang *l = load();
  if (!l) return;
  PmContext *a = pm_context_new();
  PmContext *b = pm_context_copy(a);
  CHECK(pm_context_equal(a, b));
  PmAnalysis *r = run(l, "« Oui », a dit Paul Dax.\n", a);
  CHECK(!pm_context_equal(a, b));
  PmContext *c = pm_context_copy(a);
  CHECK(pm_context_equal(a, c));
  /* a paragraph without people leaves a context that still compares equal
   * once the same paragraph is analysed from the same start */
  PmAnalysis *r2 = run(l, "Il pleut.\n", a);
  PmAnalysis *r3 = run(l, "Il pleut.\n", c);
  CHECK(pm_context_equal(a, c));
  pm_analysis_free(r);
  pm_analysis_free(r2);
  pm_analysis_free(r3);
  pm_context_free(a);
  pm_context_free(b);
  pm_context_free(c);
  pm_lang_free(l);
}

static void open_quote_flows_into_the_next_block(void) {
  PmLang *l = load();
  if (!l) return;
  PmContext *ctx = pm_context_new();
  PmAnalysis *a = run(l, "« Nous partirons tôt. Le voyage sera long.\n", ctx);
  PmContext *after_open = pm_context_copy(ctx);
  PmAnalysis *b = run(l, "« Mais nous arriverons », a promis Anne Roux.\n", ctx);
  size_t n;
  const PmQuote *q = pm_analysis_quotes(b, &n);
  CHECK_EQ_INT(n, 1);
  if (n) CHECK_EQ_STR(q[0].speaker.name, "Anne Roux");
  CHECK(!pm_context_equal(after_open, ctx));
  pm_analysis_free(a);
  pm_analysis_free(b);
  pm_context_free(after_open);
  pm_context_free(ctx);
  pm_lang_free(l);
}

/* The server stops re-analysing forward once the context leaving a
 * paragraph equals the cached one: an edit that adds a sentence must not
 * make every later context differ. */
static void contexts_converge_after_an_edit(void) {
  PmLang *l = load();
  if (!l) return;
  const char *before[] = {"« Oui », a dit Paul Dax.\n", "Il pleut.\n",
                          "Le vent souffle.\n", "La mer monte.\n",
                          "Le soir tombe.\n"};
  const char *after[] = {"« Oui », a dit Paul Dax. Il sort.\n", "Il pleut.\n",
                         "Le vent souffle.\n", "La mer monte.\n",
                         "Le soir tombe.\n"};
  PmContext *a = pm_context_new(), *b = pm_context_new();
  bool converged = false;
  for (int i = 0; i < 5; i++) {
    PmAnalysis *ra = run(l, before[i], a);
    PmAnalysis *rb = run(l, after[i], b);
    if (i >= 1 && pm_context_equal(a, b)) converged = true;
    pm_analysis_free(ra);
    pm_analysis_free(rb);
  }
  CHECK(converged);
  CHECK(pm_context_equal(a, b));
  pm_context_free(a);
  pm_context_free(b);
  pm_lang_free(l);
}

static void scores_claims_and_names_reasons(void) {
  PmLang *l = load();
  if (!l) return;
  PmAnalyzeOptions o;
  pm_analyze_options_init(&o);
  o.min_score = 0;
  PmContext *ctx = pm_context_new();
  const char *t = "Merci à tous. Le chômage a baissé de 3 % en 2024. Qui le croit ?\n";
  PmError err;
  PmAnalysis *a = pm_analyze_block(l, &o, t, strlen(t), ctx, &err);
  size_t n;
  const PmClaim *c = pm_analysis_claims(a, &n);
  CHECK_EQ_INT(n, 3);
  CHECK_EQ_INT(pm_analysis_sentence_count(a), 3);
  if (n == 3) {
    CHECK(c[1].score > c[0].score);
    CHECK(c[1].score > c[2].score);
    CHECK(c[1].reasons & PM_REASON_PERCENT);
    CHECK(c[2].reasons & PM_REASON_QUESTION);
  }
  CHECK_EQ_STR(pm_claim_reason_name(PM_REASON_NUMBER), "number");
  CHECK(pm_claim_reason_name(3) == NULL);
  pm_analysis_free(a);
  pm_context_free(ctx);
  pm_lang_free(l);
}

static void recognises_binary_heads(void) {
  char what[64];
  CHECK(pm_analysis_is_binary("%PDF-1.7\n", 9, what, sizeof what));
  CHECK_EQ_STR(what, "PDF signature");
  CHECK(!pm_analysis_is_binary("plain text\n", 11, what, sizeof what));
  CHECK(pm_analysis_is_binary("a\0b\0c\0", 6, what, sizeof what));
  CHECK(!pm_analysis_is_binary("MZ is a word here", 17, what, sizeof what));
}

int main(void) {
  RUN(loads_the_shipped_language_files);
  RUN(reports_a_bad_language_file_with_its_position);
  RUN(detects_french_and_english);
  RUN(cuts_paragraphs_at_newlines_and_long_lines);
  RUN(finds_a_quote_with_its_speaker_and_spans);
  RUN(paragraph_blocks_match_the_whole_text);
  RUN(context_copy_equal_and_change);
  RUN(open_quote_flows_into_the_next_block);
  RUN(contexts_converge_after_an_edit);
  RUN(scores_claims_and_names_reasons);
  RUN(recognises_binary_heads);
  return test_done();
}

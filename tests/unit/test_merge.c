/*
 * test_merge.c - the three-way merge by note id, field by field.
 */
#include <stdio.h>
#include <string.h>

#include "pressmark/merge.h"
#include "pressmark/sidecar.h"
#include "test.h"

static const char base_text[] =
    "pressmark: 1\n"
    "article:\n"
    "  path: a.txt\n"
    "  sha256: aaaa\n"
    "notes:\n"
    "  - id: n1\n"
    "    target: quote\n"
    "    anchor:\n"
    "      exact: the first quote\n"
    "      line: 1\n"
    "      col: 0\n"
    "    verdict: mixed\n"
    "    note: base note\n"
    "    sources:\n"
    "      - s1\n"
    "      - s2\n"
    "    author: Ana\n"
    "    created: \"2025-01-01T00:00:00Z\"\n"
    "    updated: \"2025-01-01T00:00:00Z\"\n"
    "  - id: n2\n"
    "    target: claim\n"
    "    anchor:\n"
    "      exact: a second claim\n"
    "      line: 5\n"
    "      col: 3\n"
    "    author: Ana\n"
    "    created: \"2025-01-01T00:00:00Z\"\n"
    "    updated: \"2025-01-01T00:00:00Z\"\n";

static PmSidecar *load(const char *s) {
  PmError err;
  PmSidecar *sc = pm_sidecar_parse(s, strlen(s), "m", &err);
  if (!sc) printf("#   %s\n", err.message);
  return sc;
}

typedef struct {
  PmSidecar *base, *ours, *theirs, *result;
  PmMergeConflicts *conf;
} M;

static M start(void) {
  M m = {load(base_text), load(base_text), load(base_text), NULL, NULL};
  pm_sidecar_set_clock(m.ours, 1735800000);   /* 2025-01-02T06:40:00Z */
  pm_sidecar_set_clock(m.theirs, 1735900000); /* 2025-01-03T10:26:40Z */
  return m;
}

static void run(M *m) {
  PmError err;
  CHECK(pm_merge_sidecars(m->base, m->ours, m->theirs, &m->result, &m->conf, &err));
}

static void finish(M *m) {
  pm_sidecar_free(m->base);
  pm_sidecar_free(m->ours);
  pm_sidecar_free(m->theirs);
  pm_sidecar_free(m->result);
  pm_merge_conflicts_free(m->conf);
}

static void notes_added_on_both_sides_are_kept(void) {
  M m = start();
  PmNote *a = pm_sidecar_note_add(m.ours, "claim", "ours added", NULL);
  pm_note_set_anchor(a, "ours added", NULL, NULL, 9, 0);
  PmNote *b = pm_sidecar_note_add(m.theirs, "quote", "theirs added", NULL);
  pm_note_set_anchor(b, "theirs added", NULL, NULL, 2, 0);
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 0);
  CHECK_EQ_INT(pm_sidecar_note_count(m.result), 4);
  CHECK(pm_sidecar_note_find(m.result, pm_note_id(a)) != NULL);
  CHECK(pm_sidecar_note_find(m.result, pm_note_id(b)) != NULL);
  /* Written in article order whatever side they came from. */
  char *out = pm_sidecar_emit(m.result, NULL, NULL);
  const char *p1 = strstr(out, "the first quote"), *p2 = strstr(out, "theirs added"),
             *p3 = strstr(out, "a second claim"), *p4 = strstr(out, "ours added");
  CHECK(p1 && p2 && p3 && p4 && p1 < p2 && p2 < p3 && p3 < p4);
  pm_free(out);
  finish(&m);
}

static void different_fields_merge_cleanly(void) {
  M m = start();
  pm_note_set_verdict(pm_sidecar_note_find(m.ours, "n1"), "false", NULL);
  pm_note_set_speaker(pm_sidecar_note_find(m.theirs, "n1"), "Manuel Valls");
  pm_note_set_text(pm_sidecar_note_find(m.theirs, "n2"), "theirs wrote this");
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 0);
  PmNote *n1 = pm_sidecar_note_find(m.result, "n1");
  CHECK_EQ_STR(pm_note_verdict(n1), "false");
  CHECK_EQ_STR(pm_note_speaker(n1), "Manuel Valls");
  /* Both edited n1: the later time wins, no conflict. */
  CHECK_EQ_STR(pm_note_updated(n1), "2025-01-03T10:26:40Z");
  CHECK_EQ_STR(pm_note_text(pm_sidecar_note_find(m.result, "n2")), "theirs wrote this");
  CHECK(!pm_sidecar_has_conflicts(m.result));
  finish(&m);
}

static void same_change_on_both_sides_is_no_conflict(void) {
  M m = start();
  pm_note_set_verdict(pm_sidecar_note_find(m.ours, "n1"), "false", NULL);
  pm_note_set_verdict(pm_sidecar_note_find(m.theirs, "n1"), "false", NULL);
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 0);
  CHECK_EQ_STR(pm_note_verdict(pm_sidecar_note_find(m.result, "n1")), "false");
  finish(&m);
}

static void same_field_changed_differently_is_a_labelled_conflict(void) {
  M m = start();
  pm_note_set_verdict(pm_sidecar_note_find(m.ours, "n1"), "false", NULL);
  pm_note_set_verdict(pm_sidecar_note_find(m.theirs, "n1"), "misleading", NULL);
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 1);
  CHECK_EQ_STR(pm_merge_conflicts_at(m.conf, 0), "note n1: verdict changed on both sides");
  CHECK(pm_sidecar_has_conflicts(m.result));
  char *out = pm_sidecar_emit(m.result, NULL, NULL);
  CHECK(strstr(out,
               "<<<<<<< ours (note n1: verdict changed on both sides)\n"
               "    verdict: \"false\"\n"
               "||||||| base\n"
               "    verdict: mixed\n"
               "=======\n"
               "    verdict: misleading\n"
               ">>>>>>> theirs\n") != NULL);
  /* Such a file does not load until someone resolves it. */
  PmError err;
  PmSidecar *again = pm_sidecar_parse(out, strlen(out), "x", &err);
  CHECK(again == NULL);
  CHECK(strstr(err.message, "unresolved merge conflict") != NULL);
  CHECK(!pm_sidecar_save(m.result, "/nonexistent/x", &err));
  CHECK_EQ_INT(err.code, PM_ERR_CONFLICT);
  pm_free(out);
  finish(&m);
}

static void deletion_merges_unless_the_other_side_edited(void) {
  M m = start();
  CHECK(pm_sidecar_note_del(m.ours, "n2"));
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 0);
  CHECK(pm_sidecar_note_find(m.result, "n2") == NULL);
  finish(&m);

  m = start();
  CHECK(pm_sidecar_note_del(m.ours, "n2"));
  pm_note_set_text(pm_sidecar_note_find(m.theirs, "n2"), "edited meanwhile");
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 1);
  CHECK_EQ_STR(pm_merge_conflicts_at(m.conf, 0),
               "note n2: deleted in ours, edited in theirs");
  char *out = pm_sidecar_emit(m.result, NULL, NULL);
  /* Theirs' version is kept whole between the markers. */
  CHECK(strstr(out, "=======\n  - id: n2\n") != NULL);
  const char *sep = strstr(out, "=======\n"), *end = strstr(out, ">>>>>>> theirs\n");
  const char *edit = strstr(out, "    note: edited meanwhile\n");
  CHECK(sep && end && edit && sep < edit && edit < end);
  pm_free(out);
  finish(&m);
}

static void sources_merge_as_sets(void) {
  M m = start();
  const char *o[] = {"s1", "s2", "ours-new"};
  const char *t[] = {"s2", "theirs-new"}; /* theirs removed s1 */
  pm_note_set_sources(pm_sidecar_note_find(m.ours, "n1"), o, 3);
  pm_note_set_sources(pm_sidecar_note_find(m.theirs, "n1"), t, 2);
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 0);
  PmNote *n = pm_sidecar_note_find(m.result, "n1");
  CHECK_EQ_INT(pm_note_source_count(n), 3);
  CHECK_EQ_STR(pm_note_source_at(n, 0), "s2");
  CHECK_EQ_STR(pm_note_source_at(n, 1), "ours-new");
  CHECK_EQ_STR(pm_note_source_at(n, 2), "theirs-new");
  finish(&m);
}

static void hints_and_digest_never_conflict(void) {
  M m = start();
  pm_note_set_anchor(pm_sidecar_note_find(m.ours, "n2"), "a second claim", "po",
                     "so", 7, 3);
  pm_note_set_anchor(pm_sidecar_note_find(m.theirs, "n2"), "a second claim", "pt",
                     "st", 6, 3);
  pm_sidecar_set_article(m.ours, NULL, "bbbb");
  pm_sidecar_set_article(m.theirs, NULL, "cccc");
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 0);
  CHECK_EQ_INT(pm_note_line(pm_sidecar_note_find(m.result, "n2")), 7);
  CHECK_EQ_STR(pm_note_prefix(pm_sidecar_note_find(m.result, "n2")), "po");
  CHECK_EQ_STR(pm_sidecar_article_sha256(m.result), "bbbb");
  finish(&m);
}

static void unknown_keys_merge_field_by_field(void) {
  const char *extra_o =
      "pressmark: 1\nnotes:\n  - id: n1\n    target: quote\n    anchor:\n"
      "      exact: x\n    review:\n      status: done\n      by: Ana\n";
  const char *extra_b =
      "pressmark: 1\nnotes:\n  - id: n1\n    target: quote\n    anchor:\n"
      "      exact: x\n    review:\n      status: pending\n      by: Ana\n";
  const char *extra_t =
      "pressmark: 1\nnotes:\n  - id: n1\n    target: quote\n    anchor:\n"
      "      exact: x\n    review:\n      status: pending\n      by: Bo\n"
      "tool: other\n";
  M m = {load(extra_b), load(extra_o), load(extra_t), NULL, NULL};
  run(&m);
  CHECK_EQ_INT(pm_merge_conflicts_count(m.conf), 0);
  char *out = pm_sidecar_emit(m.result, NULL, NULL);
  CHECK(strstr(out, "    review:\n      status: done\n      by: Bo\n") != NULL);
  CHECK(strstr(out, "tool: other\n") != NULL);
  pm_free(out);
  finish(&m);
}

static void no_common_ancestor_merges_against_empty(void) {
  PmSidecar *o = load(base_text), *t = pm_sidecar_new();
  PmNote *n = pm_sidecar_note_add(t, "range", "something", NULL);
  PmSidecar *r = NULL;
  PmMergeConflicts *c = NULL;
  CHECK(pm_merge_sidecars(NULL, o, t, &r, &c, NULL));
  CHECK_EQ_INT(pm_merge_conflicts_count(c), 0);
  CHECK_EQ_INT(pm_sidecar_note_count(r), 3);
  CHECK(pm_sidecar_note_find(r, pm_note_id(n)) != NULL);
  pm_sidecar_free(o);
  pm_sidecar_free(t);
  pm_sidecar_free(r);
  pm_merge_conflicts_free(c);
}

/* Random edits on both sides: the merge never fails, keeps every id
 * either side has, and a result without conflicts loads again. */
static void random_edits_merge_without_losing_notes(void) {
  static const char *const verdicts[] = {"true", "false", "mixed", NULL};
  uint64_t x = 777;
  for (int round = 0; round < 300; round++) {
    M m = start();
    PmSidecar *side[2] = {m.ours, m.theirs};
    for (int k = 0; k < 2; k++) {
      for (int e = 0; e < 3; e++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        PmNote *n = pm_sidecar_note_at(side[k], x % 2);
        switch ((x >> 8) % 6) {
          case 0: if (n) pm_note_set_verdict(n, verdicts[(x >> 16) % 4], NULL); break;
          case 1: if (n) pm_note_set_text(n, (x >> 20) % 2 ? "edited" : NULL); break;
          case 2: if (n) pm_sidecar_note_del(side[k], pm_note_id(n)); break;
          case 3: pm_sidecar_note_add(side[k], "range", "added", NULL); break;
          case 4: {
            const char *src[] = {"a", "b", (x >> 24) % 2 ? "c" : "d"};
            if (n) pm_note_set_sources(n, src, 1 + (x >> 28) % 3);
            break;
          }
          default: if (n) pm_note_set_speaker(n, (x >> 20) % 2 ? "X" : "Y");
        }
      }
    }
    run(&m);
    for (int k = 0; k < 2; k++)
      for (size_t i = 0; i < pm_sidecar_note_count(side[k]); i++) {
        const PmNote *n = pm_sidecar_note_at(side[k], i);
        const char *id = pm_note_id(n);
        if (pm_sidecar_note_find(m.result, id)) continue;
        /* Gone from the result: only allowed when the other side deleted
         * it and this side left it as in the base (every edit changes
         * `updated`: the sides' clocks are later than the base's), or
         * when it is in a conflict, written between markers. */
        const PmNote *b = pm_sidecar_note_find(m.base, id);
        bool deleted_untouched = b && !pm_sidecar_note_find(side[1 - k], id) &&
                                 !strcmp(pm_note_updated(b), pm_note_updated(n));
        CHECK(deleted_untouched || pm_sidecar_has_conflicts(m.result));
      }
    char *out = pm_sidecar_emit(m.result, NULL, NULL);
    if (!pm_sidecar_has_conflicts(m.result)) {
      PmError err;
      PmSidecar *back = pm_sidecar_parse(out, strlen(out), "r", &err);
      CHECK(back != NULL);
      pm_sidecar_free(back);
    } else {
      CHECK(strstr(out, "<<<<<<< ours") != NULL);
    }
    pm_free(out);
    finish(&m);
  }
}

int main(void) {
  RUN(notes_added_on_both_sides_are_kept);
  RUN(different_fields_merge_cleanly);
  RUN(same_change_on_both_sides_is_no_conflict);
  RUN(same_field_changed_differently_is_a_labelled_conflict);
  RUN(deletion_merges_unless_the_other_side_edited);
  RUN(sources_merge_as_sets);
  RUN(hints_and_digest_never_conflict);
  RUN(unknown_keys_merge_field_by_field);
  RUN(no_common_ancestor_merges_against_empty);
  RUN(random_edits_merge_without_losing_notes);
  return test_done();
}

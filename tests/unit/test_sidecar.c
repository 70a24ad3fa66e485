/*
 * test_sidecar.c - the sidecar file: round trips, byte-identical rewrites,
 * unknown keys, every load error, setters and timestamps, atomic save and
 * the no-lost-update merge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pressmark/sidecar.h"
#include "test.h"
#include "util/buf.h"
#include "util/file.h"

/* 2025-01-02T03:04:05Z */
#define T0 1735787045
#define T1 1735873445 /* a day later */

static const char canonical[] =
    "pressmark: 1\n"
    "article:\n"
    "  path: valls.txt\n"
    "  sha256: 3f2a\n"
    "notes:\n"
    "  - id: a1b2c3d4\n"
    "    target: quote\n"
    "    anchor:\n"
    "      exact: la traque sera longue\n"
    "      prefix: \"Manuel Valls : \xc2\xab\"\n"
    "      suffix: \" \xc2\xbb, a-t-il\"\n"
    "      line: 3\n"
    "      col: 12\n"
    "    verdict: \"true\"\n"
    "    speaker: Manuel Valls\n"
    "    note: |\n"
    "      Confirmed by the ministry.\n"
    "      Two sources.\n"
    "    sources:\n"
    "      - https://example.org/a\n"
    "    author: Ana\n"
    "    created: \"2025-01-02T03:04:05Z\"\n"
    "    updated: \"2025-01-02T03:04:05Z\"\n"
    "  - id: ff00ff00\n"
    "    target: claim\n"
    "    anchor:\n"
    "      exact: 40 % des d\xc3\xa9put\xc3\xa9s\n"
    "      line: 9\n"
    "      col: 0\n"
    "    verdict: misleading\n"
    "    dismissed: true\n"
    "    note: |-\n"
    "      no final newline here\n"
    "      second line\n"
    "    author: Bo\n"
    "    created: \"2025-01-02T03:04:05Z\"\n"
    "    updated: \"2025-01-02T03:04:05Z\"\n";

static char *emit(const PmSidecar *sc) { return pm_sidecar_emit(sc, NULL, NULL); }

static void reads_every_field(void) {
  PmError err;
  PmSidecar *sc = pm_sidecar_parse(canonical, strlen(canonical), "t.yaml", &err);
  CHECK(sc != NULL);
  if (!sc) return;
  CHECK_EQ_INT(pm_sidecar_note_count(sc), 2);
  CHECK_EQ_STR(pm_sidecar_article_path(sc), "valls.txt");
  CHECK_EQ_STR(pm_sidecar_article_sha256(sc), "3f2a");
  PmNote *n = pm_sidecar_note_find(sc, "a1b2c3d4");
  CHECK(n != NULL);
  CHECK_EQ_STR(pm_note_target(n), "quote");
  CHECK_EQ_STR(pm_note_exact(n), "la traque sera longue");
  CHECK_EQ_STR(pm_note_prefix(n), "Manuel Valls : \xc2\xab");
  CHECK_EQ_INT(pm_note_line(n), 3);
  CHECK_EQ_INT(pm_note_col(n), 12);
  CHECK_EQ_STR(pm_note_verdict(n), "true");
  CHECK_EQ_STR(pm_note_speaker(n), "Manuel Valls");
  CHECK_EQ_STR(pm_note_text(n), "Confirmed by the ministry.\nTwo sources.\n");
  CHECK_EQ_INT(pm_note_source_count(n), 1);
  CHECK_EQ_STR(pm_note_source_at(n, 0), "https://example.org/a");
  CHECK(!pm_note_dismissed(n));
  PmNote *m = pm_sidecar_note_find(sc, "ff00ff00");
  CHECK(pm_note_dismissed(m));
  CHECK_EQ_STR(pm_note_text(m), "no final newline here\nsecond line");
  CHECK(pm_note_speaker(m) == NULL);
  pm_sidecar_free(sc);
}

static void rewrite_is_byte_identical(void) {
  PmSidecar *sc = pm_sidecar_parse(canonical, strlen(canonical), "t", NULL);
  CHECK(sc != NULL);
  if (!sc) return;
  size_t len;
  char *out = pm_sidecar_emit(sc, &len, NULL);
  CHECK_EQ_STR(out, canonical);
  CHECK_EQ_INT(len, strlen(canonical));
  pm_free(out);
  pm_sidecar_free(sc);
}

static void notes_are_written_in_article_order(void) {
  PmSidecar *sc = pm_sidecar_new();
  pm_sidecar_set_clock(sc, T0);
  PmNote *a = pm_sidecar_note_add(sc, "quote", "second", NULL);
  pm_note_set_anchor(a, "second", NULL, NULL, 20, 5);
  PmNote *b = pm_sidecar_note_add(sc, "claim", "first", NULL);
  pm_note_set_anchor(b, "first", NULL, NULL, 2, 0);
  char *out = emit(sc);
  char *p1 = strstr(out, "exact: first"), *p2 = strstr(out, "exact: second");
  CHECK(p1 && p2 && p1 < p2);
  pm_free(out);
  pm_sidecar_free(sc);
}

static void strings_that_need_quotes_round_trip(void) {
  static const char *const values[] = {
      "true", "false", "null", "~", "12", "-3.5", "0x1F", "1:20", "", " lead",
      "trail ", "a: b", "a #b", "#x", "- x", "-", "[x]", "{x}", "'q'", "\"q\"",
      "line\nnext\n", "two\n\n", "  indented\nblock", "tab\there", "cr\r\nlf",
      "\xc3\xa9t\xc3\xa9 \xc2\xab ok \xc2\xbb", "bell\x07", "no", "yes", "on",
      "2025-01-02", "..." , "---", "%x", "@x", "`x", "x:", "\n", "a\n \nb",
      "\xe2\x80\xa8sep", NULL};
  for (int i = 0; values[i]; i++) {
    PmSidecar *sc = pm_sidecar_new();
    pm_sidecar_set_clock(sc, T0);
    PmNote *n = pm_sidecar_note_add(sc, "range", "x", NULL);
    pm_note_set_text(n, values[i]);
    pm_note_set_speaker(n, values[i]);
    char *out = emit(sc);
    PmError err;
    PmSidecar *back = pm_sidecar_parse(out, strlen(out), "rt", &err);
    if (!back) printf("#   value %d: %s\n%s", i, err.message, out);
    CHECK(back != NULL);
    if (back) {
      PmNote *m = pm_sidecar_note_at(back, 0);
      CHECK_EQ_STR(pm_note_text(m), values[i]);
      CHECK_EQ_STR(pm_note_speaker(m), values[i]);
      char *again = emit(back);
      CHECK_EQ_STR(again, out);
      pm_free(again);
      pm_sidecar_free(back);
    }
    pm_free(out);
    pm_sidecar_free(sc);
  }
}

static void multi_line_text_is_a_block_scalar(void) {
  PmSidecar *sc = pm_sidecar_new();
  pm_sidecar_set_clock(sc, T0);
  PmNote *n = pm_sidecar_note_add(sc, "claim", "x", NULL);
  pm_note_set_text(n, "first line\nsecond line\n");
  char *out = emit(sc);
  CHECK(strstr(out, "    note: |\n      first line\n      second line\n") != NULL);
  pm_free(out);
  pm_sidecar_free(sc);
}

static const char with_unknown[] =
    "pressmark: 1\n"
    "article:\n"
    "  path: a.txt\n"
    "  publisher: Le Monde\n"
    "notes:\n"
    "  - id: n1\n"
    "    target: range\n"
    "    anchor:\n"
    "      exact: some text\n"
    "      line: 1\n"
    "      col: 0\n"
    "      selector: xpath\n"
    "    note: hi\n"
    "    review:\n"
    "      status: pending\n"
    "      by:\n"
    "        - Ana\n"
    "        - 7\n"
    "    flag: true\n"
    "generator: pressmark 9.0\n"
    "extra:\n"
    "  nested: [1, two, \"3\"]\n";

static void unknown_keys_are_kept(void) {
  PmError err;
  PmSidecar *sc = pm_sidecar_parse(with_unknown, strlen(with_unknown), "u", &err);
  CHECK(sc != NULL);
  if (!sc) {
    printf("#   %s\n", err.message);
    return;
  }
  PmNote *n = pm_sidecar_note_at(sc, 0);
  pm_sidecar_set_clock(sc, T0);
  pm_note_set_verdict(n, "mixed", NULL);
  char *out = emit(sc);
  CHECK(strstr(out, "  publisher: Le Monde\n") != NULL);
  CHECK(strstr(out, "      selector: xpath\n") != NULL);
  CHECK(strstr(out, "    review:\n      status: pending\n      by:\n"
                    "        - Ana\n        - 7\n") != NULL);
  CHECK(strstr(out, "    flag: true\n") != NULL);
  CHECK(strstr(out, "generator: pressmark 9.0\n") != NULL);
  CHECK(strstr(out, "  nested:\n    - 1\n    - two\n    - \"3\"\n") != NULL);
  /* Known keys first, in the fixed order; unknown after them. */
  CHECK(strstr(out, "    verdict: mixed\n    note: hi\n") != NULL);
  PmSidecar *back = pm_sidecar_parse(out, strlen(out), "u2", &err);
  CHECK(back != NULL);
  char *again = back ? emit(back) : NULL;
  CHECK_EQ_STR(again, out);
  pm_free(again);
  pm_sidecar_free(back);
  pm_free(out);
  pm_sidecar_free(sc);
}

/* Each bad file, the position and a piece of the message. */
typedef struct {
  const char *text;
  unsigned line;
  const char *says;
} Bad;

static void every_load_error_names_the_place(void) {
  static const Bad bad[] = {
      {"pressmark: 1\nnotes: &a []\n", 2, "anchors (&name) are not allowed"},
      {"pressmark: 1\nx: &a 1\ny: *a\n", 2, "anchors"},
      {"pressmark: 1\ny: *a\n", 2, "aliases (*name) are not allowed"},
      {"pressmark: 1\nx: !!binary aGk=\n", 2, "tags"},
      {"pressmark: 2\n", 1, "unknown schema version 2"},
      {"pressmark: one\n", 1, "expected the schema version number 1"},
      {"notes: []\n", 1, "missing key 'pressmark'"},
      {"- a\n", 1, "expected a mapping"},
      {"pressmark: 1\npressmark: 1\n", 2, "duplicate key 'pressmark'"},
      {"pressmark: 1\nnotes: 3\n", 2, "notes: expected a list of notes"},
      {"pressmark: 1\nnotes:\n  - 3\n", 3, "notes[0]: expected a mapping"},
      {"pressmark: 1\nnotes:\n  - target: quote\n", 3, "missing key 'id'"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n", 3,
       "missing key 'anchor'"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: poem\n    anchor: {exact: x}\n",
       4, "'poem' is not one of quote"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n    anchor: {exact: x}\n"
       "    verdict: true\n", 6, "got a boolean"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n    anchor: {exact: x}\n"
       "    verdict: wrong\n", 6, "(id a): verdict: 'wrong' is not one of"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n"
       "    anchor: {exact: x, line: two}\n", 5, "line: expected a whole number"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n    anchor: {exact: x}\n"
       "    dismissed: maybe\n", 6, "dismissed: expected true or false"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n    anchor: {exact: x}\n"
       "    sources: [a, [b]]\n", 6, "item 2: expected a string"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n    anchor: {exact: x}\n"
       "  - id: a\n    target: claim\n    anchor: {exact: y}\n", 6,
       "duplicate note id 'a'"},
      {"pressmark: 1\nnotes:\n  - id: a b\n    target: quote\n    anchor: {exact: x}\n",
       3, "id: expected 1 to 64 letters"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n    anchor:\n      ex",
       6, "does not end with a line break"},
      {"pressmark: 1\nnotes:\n  - id: a\n    target: quote\n    anchor: {exact: x}\n"
       "    note: \"unterminated\n", 7, "found unexpected end of stream"},
      {"pressmark: 1\nnotes: [\n", 3, "did not find expected node content"},
      {"pressmark: 1\n---\npressmark: 1\n", 2, "more than one YAML document"},
      {"", 1, "empty file"},
      {"pressmark: 1\n<<<<<<< ours\nx: 1\n=======\nx: 2\n>>>>>>> theirs\n", 2,
       "unresolved merge conflict"},
      {"pressmark: 1\nnotes: []", 2, "does not end with a line break"},
      {"pressmark: 1\nx: \"a\\0b\"\n", 2, "NUL character"},
      {NULL, 0, NULL}};
  for (int i = 0; bad[i].text; i++) {
    PmError err;
    pm_error_clear(&err);
    PmSidecar *sc = pm_sidecar_parse(bad[i].text, strlen(bad[i].text), "f.yaml",
                                     &err);
    if (sc || !strstr(err.message, bad[i].says) || err.line != bad[i].line ||
        strncmp(err.message, "f.yaml:", 7) != 0)
      printf("#   case %d: line %u, \"%s\"\n", i, err.line, err.message);
    CHECK(sc == NULL);
    CHECK(strstr(err.message, bad[i].says) != NULL);
    CHECK_EQ_INT(err.line, bad[i].line);
    CHECK(strncmp(err.message, "f.yaml:", 7) == 0);
    pm_sidecar_free(sc);
  }
}

static void deep_nesting_is_refused(void) {
  PmBuf b = PM_BUF_INIT;
  pm_buf_puts(&b, "pressmark: 1\nx: ");
  for (int i = 0; i < 10000; i++) pm_buf_putc(&b, '[');
  for (int i = 0; i < 10000; i++) pm_buf_putc(&b, ']');
  pm_buf_putc(&b, '\n');
  PmError err;
  PmSidecar *sc = pm_sidecar_parse(b.data, b.len, "deep", &err);
  CHECK(sc == NULL);
  CHECK(strstr(err.message, "nesting deeper than 64 levels") != NULL);
  pm_buf_free(&b);
}

static void oversized_file_is_refused_before_parsing(void) {
  size_t n = PM_SIDECAR_MAX_BYTES + 1;
  char *big = pm_malloc(n);
  memset(big, ' ', n);
  PmError err;
  PmSidecar *sc = pm_sidecar_parse(big, n, "big", &err);
  CHECK(sc == NULL);
  CHECK(strstr(err.message, "larger than the limit") != NULL);
  pm_free(big);
}

static void many_duplicate_keys_are_found(void) {
  PmBuf b = PM_BUF_INIT;
  pm_buf_puts(&b, "pressmark: 1\nx:\n");
  for (int i = 0; i < 5000; i++) pm_buf_printf(&b, "  k%d: 1\n", i);
  pm_buf_puts(&b, "  k17: 2\n");
  PmError err;
  PmSidecar *sc = pm_sidecar_parse(b.data, b.len, "dup", &err);
  CHECK(sc == NULL);
  CHECK(strstr(err.message, "duplicate key 'k17'") != NULL);
  pm_buf_free(&b);
}

static void setters_touch_updated_only_on_change(void) {
  PmSidecar *sc = pm_sidecar_new();
  pm_sidecar_set_clock(sc, T0);
  pm_sidecar_set_author(sc, "Ana");
  PmNote *n = pm_sidecar_note_add(sc, "quote", "abc", NULL);
  CHECK_EQ_STR(pm_note_created(n), "2025-01-02T03:04:05Z");
  CHECK_EQ_STR(pm_note_updated(n), "2025-01-02T03:04:05Z");
  CHECK_EQ_STR(pm_note_author(n), "Ana");
  CHECK_EQ_INT(strlen(pm_note_id(n)), 8);
  pm_sidecar_set_clock(sc, T1);
  pm_note_set_anchor(n, "abc", "x", "y", 4, 2);
  CHECK_EQ_STR(pm_note_updated(n), "2025-01-02T03:04:05Z");
  pm_note_set_verdict(n, NULL, NULL);
  CHECK_EQ_STR(pm_note_updated(n), "2025-01-02T03:04:05Z");
  PmError err;
  CHECK(!pm_note_set_verdict(n, "sorta", &err));
  CHECK(strstr(err.message, "verdict 'sorta' is not one of") != NULL);
  CHECK(pm_note_set_verdict(n, "false", NULL));
  CHECK_EQ_STR(pm_note_updated(n), "2025-01-03T03:04:05Z");
  CHECK_EQ_STR(pm_note_created(n), "2025-01-02T03:04:05Z");
  const char *src[] = {"a", "b"};
  pm_note_set_sources(n, src, 2);
  CHECK_EQ_INT(pm_note_source_count(n), 2);
  CHECK_EQ_STR(pm_note_source_at(n, 1), "b");
  pm_note_set_dismissed(n, true);
  CHECK(pm_note_dismissed(n));
  CHECK(pm_sidecar_note_add(sc, "poem", "x", &err) == NULL);
  CHECK(pm_sidecar_note_add(sc, "quote", "", &err) == NULL);
  pm_sidecar_free(sc);
}

static void editing_one_note_changes_only_its_lines(void) {
  PmSidecar *sc = pm_sidecar_parse(canonical, strlen(canonical), "t", NULL);
  pm_sidecar_set_clock(sc, T1);
  PmNote *n = pm_sidecar_note_find(sc, "ff00ff00");
  pm_note_set_verdict(n, "mixed", NULL);
  char *out = emit(sc);
  /* Same text up to the edited note. */
  const char *second = strstr(canonical, "  - id: ff00ff00");
  CHECK(strncmp(out, canonical, (size_t)(second - canonical)) == 0);
  CHECK(strstr(out, "    verdict: mixed\n") != NULL);
  CHECK(strstr(out, "    updated: \"2025-01-03T03:04:05Z\"\n") != NULL);
  pm_free(out);
  pm_sidecar_free(sc);
}

static void find_and_delete_notes(void) {
  PmSidecar *sc = pm_sidecar_parse(canonical, strlen(canonical), "t", NULL);
  CHECK(pm_sidecar_note_del(sc, "a1b2c3d4"));
  CHECK(!pm_sidecar_note_del(sc, "a1b2c3d4"));
  CHECK(pm_sidecar_note_find(sc, "a1b2c3d4") == NULL);
  CHECK_EQ_INT(pm_sidecar_note_count(sc), 1);
  pm_sidecar_free(sc);
}

static void sha256_matches_the_standard_vector(void) {
  char hex[65];
  pm_sha256_hex("abc", 3, hex);
  CHECK_EQ_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* A small mutation loop (the libFuzzer targets go further): whatever the
 * bytes, parsing returns a sidecar or an error, and a sidecar that loads
 * is written back to text that loads to the same text. */
static void mutated_files_fail_cleanly_or_round_trip(void) {
  uint64_t x = 0x9E3779B97F4A7C15ull;
  size_t n = strlen(canonical);
  char *buf = pm_malloc(n + 64);
  int loaded = 0;
  for (int round = 0; round < 3000; round++) {
    memcpy(buf, canonical, n);
    size_t len = n;
    int edits = 1 + round % 4;
    for (int e = 0; e < edits; e++) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      size_t at = (size_t)(x % len);
      static const char pool[] = "-:#&*!|>'\"\n []{},?x\t\xc3\xa9";
      switch ((x >> 32) % 3) {
        case 0: buf[at] = pool[(x >> 40) % (sizeof pool - 1)]; break;
        case 1: memmove(buf + at, buf + at + 1, len - at - 1), len--; break;
        default:
          memmove(buf + at + 1, buf + at, len - at);
          buf[at] = pool[(x >> 40) % (sizeof pool - 1)];
          len++;
      }
    }
    PmError err;
    pm_error_clear(&err);
    PmSidecar *sc = pm_sidecar_parse(buf, len, "fz", &err);
    if (!sc) {
      CHECK(err.message[0] != '\0');
      continue;
    }
    loaded++;
    size_t l1, l2;
    char *t1 = pm_sidecar_emit(sc, &l1, NULL);
    PmSidecar *again = pm_sidecar_parse(t1, l1, "fz2", &err);
    if (!again) printf("#   round %d: %s\n%s\n", round, err.message, t1);
    CHECK(again != NULL);
    if (again) {
      char *t2 = pm_sidecar_emit(again, &l2, NULL);
      CHECK_EQ_STR(t2, t1);
      pm_free(t2);
    }
    pm_sidecar_free(again);
    pm_free(t1);
    pm_sidecar_free(sc);
  }
  /* Some mutations must have loaded, or this tested nothing. */
  CHECK(loaded > 100);
  pm_free(buf);
}

static char tmpdir[64];

static char *tmp_path(const char *name) {
  if (!tmpdir[0]) {
    strcpy(tmpdir, "/tmp/pm-sidecar-XXXXXX");
    CHECK(mkdtemp(tmpdir) != NULL);
  }
  PmBuf b = PM_BUF_INIT;
  pm_buf_printf(&b, "%s/%s", tmpdir, name);
  return pm_buf_take(&b);
}

static void write_file(const char *path, const char *s) {
  FILE *f = fopen(path, "w");
  fputs(s, f);
  fclose(f);
}

static void missing_file_loads_empty(void) {
  char *p = tmp_path("none.factcheck.yaml");
  PmError err;
  PmSidecar *sc = pm_sidecar_load(p, &err);
  CHECK(sc != NULL);
  CHECK_EQ_INT(pm_sidecar_note_count(sc), 0);
  pm_sidecar_free(sc);
  pm_free(p);
}

static void save_writes_and_reloads(void) {
  char *p = tmp_path("a.factcheck.yaml");
  unlink(p);
  PmSidecar *sc = pm_sidecar_load(p, NULL);
  pm_sidecar_set_clock(sc, T0);
  pm_sidecar_set_article(sc, "a.txt", "00ff");
  PmNote *n = pm_sidecar_note_add(sc, "quote", "hello world", NULL);
  pm_note_set_text(n, "checked");
  PmError err;
  CHECK(pm_sidecar_save(sc, p, &err));
  PmSidecar *back = pm_sidecar_load(p, &err);
  CHECK(back != NULL);
  CHECK_EQ_INT(pm_sidecar_note_count(back), 1);
  CHECK_EQ_STR(pm_note_text(pm_sidecar_note_at(back, 0)), "checked");
  /* A second save of the same sidecar is not a conflict with itself. */
  pm_note_set_text(n, "checked twice");
  CHECK(pm_sidecar_save(sc, p, &err));
  pm_sidecar_free(back);
  pm_sidecar_free(sc);
  unlink(p);
  pm_free(p);
}

static void save_merges_a_change_made_on_disk(void) {
  char *p = tmp_path("b.factcheck.yaml");
  write_file(p, canonical);
  PmSidecar *mine = pm_sidecar_load(p, NULL);
  PmSidecar *other = pm_sidecar_load(p, NULL);
  pm_sidecar_set_clock(mine, T1);
  pm_sidecar_set_clock(other, T1);
  /* Another editor changes a different field and saves first. */
  pm_note_set_speaker(pm_sidecar_note_find(other, "ff00ff00"), "Someone");
  PmError err;
  CHECK(pm_sidecar_save(other, p, &err));
  pm_note_set_verdict(pm_sidecar_note_find(mine, "a1b2c3d4"), "mixed", NULL);
  CHECK(pm_sidecar_save(mine, p, &err));
  PmSidecar *back = pm_sidecar_load(p, &err);
  CHECK(back != NULL);
  if (back) {
    CHECK_EQ_STR(pm_note_speaker(pm_sidecar_note_find(back, "ff00ff00")), "Someone");
    CHECK_EQ_STR(pm_note_verdict(pm_sidecar_note_find(back, "a1b2c3d4")), "mixed");
  }
  /* The in-memory sidecar now has both changes too. */
  CHECK_EQ_STR(pm_note_speaker(pm_sidecar_note_find(mine, "ff00ff00")), "Someone");
  pm_sidecar_free(back);
  pm_sidecar_free(mine);
  pm_sidecar_free(other);
  unlink(p);
  pm_free(p);
}

static void save_refuses_a_conflict_and_keeps_the_disk(void) {
  char *p = tmp_path("c.factcheck.yaml");
  write_file(p, canonical);
  PmSidecar *mine = pm_sidecar_load(p, NULL);
  PmSidecar *other = pm_sidecar_load(p, NULL);
  pm_note_set_verdict(pm_sidecar_note_find(other, "a1b2c3d4"), "false", NULL);
  CHECK(pm_sidecar_save(other, p, NULL));
  pm_note_set_verdict(pm_sidecar_note_find(mine, "a1b2c3d4"), "opinion", NULL);
  PmError err;
  CHECK(!pm_sidecar_save(mine, p, &err));
  CHECK_EQ_INT(err.code, PM_ERR_CONFLICT);
  CHECK(strstr(err.message, "note a1b2c3d4: verdict changed on both sides") != NULL);
  PmSidecar *back = pm_sidecar_load(p, NULL);
  CHECK_EQ_STR(pm_note_verdict(pm_sidecar_note_find(back, "a1b2c3d4")), "false");
  /* Ours is still in memory. */
  CHECK_EQ_STR(pm_note_verdict(pm_sidecar_note_find(mine, "a1b2c3d4")), "opinion");
  pm_sidecar_free(back);
  pm_sidecar_free(mine);
  pm_sidecar_free(other);
  unlink(p);
  pm_free(p);
}

static void save_rewrites_a_file_removed_meanwhile(void) {
  char *p = tmp_path("e.factcheck.yaml");
  write_file(p, canonical);
  PmSidecar *mine = pm_sidecar_load(p, NULL);
  unlink(p);
  pm_note_set_text(pm_sidecar_note_at(mine, 0), "still here");
  PmError err;
  CHECK(pm_sidecar_save(mine, p, &err));
  PmSidecar *back = pm_sidecar_load(p, NULL);
  CHECK_EQ_INT(pm_sidecar_note_count(back), 2);
  pm_sidecar_free(back);
  pm_sidecar_free(mine);
  unlink(p);
  pm_free(p);
}

static void save_never_overwrites_a_file_that_does_not_parse(void) {
  char *p = tmp_path("d.factcheck.yaml");
  write_file(p, canonical);
  PmSidecar *mine = pm_sidecar_load(p, NULL);
  write_file(p, "pressmark: 1\nnotes: [\n");
  pm_note_set_text(pm_sidecar_note_at(mine, 0), "x");
  PmError err;
  CHECK(!pm_sidecar_save(mine, p, &err));
  CHECK(strstr(err.message, "not overwritten") != NULL);
  size_t len;
  char *disk = pm_file_read(p, 1000, &len, NULL);
  CHECK_EQ_STR(disk, "pressmark: 1\nnotes: [\n");
  pm_free(disk);
  pm_sidecar_free(mine);
  unlink(p);
  pm_free(p);
}

int main(void) {
  RUN(reads_every_field);
  RUN(rewrite_is_byte_identical);
  RUN(notes_are_written_in_article_order);
  RUN(strings_that_need_quotes_round_trip);
  RUN(multi_line_text_is_a_block_scalar);
  RUN(unknown_keys_are_kept);
  RUN(every_load_error_names_the_place);
  RUN(deep_nesting_is_refused);
  RUN(oversized_file_is_refused_before_parsing);
  RUN(many_duplicate_keys_are_found);
  RUN(mutated_files_fail_cleanly_or_round_trip);
  RUN(setters_touch_updated_only_on_change);
  RUN(editing_one_note_changes_only_its_lines);
  RUN(find_and_delete_notes);
  RUN(sha256_matches_the_standard_vector);
  RUN(missing_file_loads_empty);
  RUN(save_writes_and_reloads);
  RUN(save_merges_a_change_made_on_disk);
  RUN(save_refuses_a_conflict_and_keeps_the_disk);
  RUN(save_rewrites_a_file_removed_meanwhile);
  RUN(save_never_overwrites_a_file_that_does_not_parse);
  if (tmpdir[0]) rmdir(tmpdir);
  return test_done();
}

/*
 * test_server_notes.c - the server's per-buffer sidecars (src/server/
 * notes.c): load and re-anchor, stat-based change detection, saving with
 * the article digest, a broken sidecar never overwritten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/notes.h"
#include "test.h"
#include "util/file.h"

static const char ARTICLE[] =
    "Le maire a dit : « Nous ouvrirons la piscine en juin », selon Luc Petit.\n";

static char dir[256];
static char article[300];
static char sidecar[320];

static void setup_dir(void) {
  snprintf(dir, sizeof dir, "%s/pm-notes-XXXXXX",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (!mkdtemp(dir)) abort();
  snprintf(article, sizeof article, "%s/a.txt", dir);
  snprintf(sidecar, sizeof sidecar, "%s/a.txt.factcheck.yaml", dir);
  FILE *f = fopen(article, "wb");
  fputs(ARTICLE, f);
  fclose(f);
  unlink(sidecar);
}

static void cleanup_dir(void) {
  unlink(sidecar);
  unlink(article);
  rmdir(dir);
}

static void write_file(const char *path, const char *text) {
  char tmp[400];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  fputs(text, f);
  fclose(f);
  rename(tmp, path); /* by rename, as git does: a new inode */
}

static char *read_all(const char *path) {
  size_t len;
  return pm_file_read(path, 1 << 20, &len, NULL);
}

static void missing_sidecar_loads_empty_and_is_not_created(void) {
  setup_dir();
  PmNotesBook *book = pm_notes_book_new();
  bool ok;
  PmError err;
  PmNotesBuf *nb = pm_notes_book_load(book, 3, article, "Ann", ARTICLE,
                                      sizeof ARTICLE - 1, &ok, &err);
  CHECK(ok);
  CHECK(pm_notes_book_get(book, 3) == nb);
  CHECK(pm_notes_book_get(book, 4) == NULL);
  CHECK_EQ_STR(pm_notes_buf_path(nb), sidecar);
  CHECK_EQ_INT(pm_sidecar_note_count(pm_notes_buf_sidecar(nb)), 0);
  CHECK(pm_notes_buf_save(nb, &err));
  CHECK(access(sidecar, F_OK) != 0);
  CHECK(!pm_notes_buf_changed_on_disk(nb));
  pm_notes_book_free(book);
  cleanup_dir();
}

static void save_writes_notes_with_digest_and_author(void) {
  setup_dir();
  PmNotesBook *book = pm_notes_book_new();
  bool ok;
  PmError err;
  PmNotesBuf *nb = pm_notes_book_load(book, 1, article, "Ann", ARTICLE,
                                      sizeof ARTICLE - 1, &ok, &err);
  PmNote *n = pm_sidecar_note_add(pm_notes_buf_sidecar(nb), "quote",
                                  "Nous ouvrirons la piscine en juin", &err);
  CHECK(n != NULL);
  CHECK(pm_notes_buf_save(nb, &err));
  CHECK(!pm_notes_buf_changed_on_disk(nb));
  char *y = read_all(sidecar);
  char sha[65];
  pm_sha256_hex(ARTICLE, sizeof ARTICLE - 1, sha);
  CHECK(y && strstr(y, sha));
  CHECK(y && strstr(y, "author: Ann"));
  CHECK(y && strstr(y, "path: a.txt\n"));
  pm_free(y);
  pm_notes_book_free(book);
  cleanup_dir();
}

static void outside_change_is_seen_and_reloaded(void) {
  setup_dir();
  PmNotesBook *book = pm_notes_book_new();
  bool ok;
  PmError err;
  PmNotesBuf *nb = pm_notes_book_load(book, 1, article, NULL, ARTICLE,
                                      sizeof ARTICLE - 1, &ok, &err);
  CHECK(!pm_notes_buf_changed_on_disk(nb));
  write_file(sidecar, "pressmark: 1\nnotes:\n  - id: 0000abcd\n    target: quote\n"
                      "    anchor:\n      exact: la piscine en juin\n      line: 1\n"
                      "      col: 0\n    verdict: mixed\n");
  CHECK(pm_notes_buf_changed_on_disk(nb));
  CHECK(pm_notes_buf_reload(nb, ARTICLE, sizeof ARTICLE - 1, &err));
  CHECK(!pm_notes_buf_changed_on_disk(nb));
  PmSidecar *sc = pm_notes_buf_sidecar(nb);
  CHECK_EQ_INT(pm_sidecar_note_count(sc), 1);
  CHECK_EQ_INT(pm_notes_buf_stats(nb)->moved, 1);
  const PmAnchorResult *r = pm_note_anchor_result(pm_sidecar_note_at(sc, 0));
  CHECK_EQ_INT(r->start, (uint32_t)(strstr(ARTICLE, "la piscine") - ARTICLE));
  /* deleted: a change too */
  unlink(sidecar);
  CHECK(pm_notes_buf_changed_on_disk(nb));
  pm_notes_book_free(book);
  cleanup_dir();
}

static void broken_sidecar_is_never_saved(void) {
  setup_dir();
  const char *bad = "pressmark: 1\nnotes: [\n";
  write_file(sidecar, bad);
  PmNotesBook *book = pm_notes_book_new();
  bool ok = true;
  PmError err;
  PmNotesBuf *nb = pm_notes_book_load(book, 1, article, NULL, ARTICLE,
                                      sizeof ARTICLE - 1, &ok, &err);
  CHECK(!ok);
  CHECK(pm_notes_buf_sidecar(nb) == NULL);
  CHECK(pm_notes_buf_error(nb) != NULL);
  CHECK(strstr(pm_notes_buf_error(nb)->message, sidecar) != NULL);
  CHECK(strstr(err.message, ".factcheck.yaml:") != NULL);
  CHECK(!pm_notes_buf_save(nb, &err));
  CHECK_EQ_INT(err.code, PM_ERR_STATE);
  CHECK(pm_notes_buf_hash_article(nb, &err)); /* digest kept, nothing saved */
  char *y = read_all(sidecar);
  CHECK_EQ_STR(y, bad);
  pm_free(y);
  /* fixed on disk: the reload clears the error */
  write_file(sidecar, "pressmark: 1\nnotes: []\n");
  CHECK(pm_notes_buf_reload(nb, ARTICLE, sizeof ARTICLE - 1, &err));
  CHECK(pm_notes_buf_error(nb) == NULL);
  CHECK(pm_notes_book_drop(book, 1));
  CHECK(!pm_notes_book_drop(book, 1));
  pm_notes_book_free(book);
  cleanup_dir();
}

static void article_write_updates_the_digest(void) {
  setup_dir();
  PmNotesBook *book = pm_notes_book_new();
  bool ok;
  PmError err;
  PmNotesBuf *nb = pm_notes_book_load(book, 1, article, NULL, ARTICLE,
                                      sizeof ARTICLE - 1, &ok, &err);
  pm_sidecar_note_add(pm_notes_buf_sidecar(nb), "range", "piscine", &err);
  CHECK(pm_notes_buf_save(nb, &err));
  const char *crlf = "Une ligne.\r\nEt une autre.\r\n";
  write_file(article, crlf);
  CHECK(pm_notes_buf_hash_article(nb, &err));
  char sha[65];
  pm_sha256_hex(crlf, strlen(crlf), sha);
  char *y = read_all(sidecar);
  CHECK(y && strstr(y, sha));
  pm_free(y);
  CHECK(!pm_notes_buf_changed_on_disk(nb));
  pm_notes_book_free(book);
  pm_notes_book_free(NULL);
  cleanup_dir();
}

/* A save fails as on a full disk, even for root (who writes through
 * chmod): the folder is moved away and a plain file takes its name, so
 * every path inside it fails with ENOTDIR.  unblock() puts it back. */
static char moved[300];
static void block_folder(void) {
  snprintf(moved, sizeof moved, "%s.away", dir);
  if (rename(dir, moved) != 0) abort();
  FILE *f = fopen(dir, "wb");
  fclose(f);
}
static void unblock_folder(void) {
  unlink(dir);
  if (rename(moved, dir) != 0) abort();
}

static void reload_after_failed_save_keeps_unsaved_note(void) {
  setup_dir();
  PmNotesBook *book = pm_notes_book_new();
  bool ok;
  PmError err;
  PmNotesBuf *nb = pm_notes_book_load(book, 1, article, "Ann", ARTICLE,
                                      sizeof ARTICLE - 1, &ok, &err);
  PmSidecar *sc = pm_notes_buf_sidecar(nb);
  pm_note_set_text(pm_sidecar_note_add(sc, "quote", "Nous ouvrirons", &err),
                   "first, saved");
  CHECK(pm_notes_buf_save(nb, &err));
  block_folder();
  pm_note_set_text(pm_sidecar_note_add(sc, "claim", "en juin", &err),
                   "second, unsaved");
  CHECK(!pm_notes_buf_save(nb, &err));
  CHECK(pm_notes_buf_dirty(nb));
  /* still failing: :e keeps the note in memory, still dirty */
  CHECK(pm_notes_book_load(book, 1, article, "Ann", ARTICLE,
                           sizeof ARTICLE - 1, &ok, &err) == nb);
  CHECK(ok);
  CHECK(pm_notes_buf_dirty(nb));
  sc = pm_notes_buf_sidecar(nb);
  CHECK_EQ_INT(sc ? pm_sidecar_note_count(sc) : 0, 2);
  unblock_folder();
  /* the disk is back: the next :e saves both notes instead of dropping one */
  CHECK(pm_notes_book_load(book, 1, article, "Ann", ARTICLE,
                           sizeof ARTICLE - 1, &ok, &err) == nb);
  CHECK(ok);
  CHECK(!pm_notes_buf_dirty(nb));
  sc = pm_notes_buf_sidecar(nb);
  CHECK_EQ_INT(sc ? pm_sidecar_note_count(sc) : 0, 2);
  CHECK_EQ_INT(pm_notes_buf_stats(nb)->anchored + pm_notes_buf_stats(nb)->moved, 2);
  char *y = read_all(sidecar);
  CHECK(y && strstr(y, "note: first, saved"));
  CHECK(y && strstr(y, "note: second, unsaved"));
  pm_free(y);
  pm_notes_book_free(book);
  cleanup_dir();
}

int main(void) {
  RUN(missing_sidecar_loads_empty_and_is_not_created);
  RUN(save_writes_notes_with_digest_and_author);
  RUN(outside_change_is_seen_and_reloaded);
  RUN(broken_sidecar_is_never_saved);
  RUN(article_write_updates_the_digest);
  RUN(reload_after_failed_save_keeps_unsaved_note);
  return test_done();
}

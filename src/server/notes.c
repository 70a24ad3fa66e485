/*
 * notes.c - the server's loaded sidecars, one per buffer: load and
 * re-anchor, notice outside changes by stat, save atomically, follow the
 * article file's digest.
 *
 * The stat is taken before each read, so a file replaced while we read it
 * looks changed at the next check and is read again; git and atomic
 * savers replace the file by rename, so the inode is compared as well as
 * size and mtime (two writes within one mtime tick can keep the size).
 */
#include "server/notes.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "util/alloc.h"
#include "util/array.h"
#include "util/file.h"

/* Articles are hashed whole; larger files keep their previous digest. */
#define ARTICLE_MAX_BYTES ((size_t)1u << 30)

typedef struct {
  bool exists;
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
} FileStamp;

struct PmNotesBuf {
  int64_t buf;
  char *article;   /* the article's path, as given */
  char *path;      /* its sidecar's path */
  char *author;    /* or NULL */
  PmSidecar *sc;   /* NULL while broken */
  PmError error;   /* the load error while broken */
  FileStamp stamp; /* of the sidecar file when last read or written */
  char sha[65];    /* the article file's digest, "" when unknown */
  bool dirty;      /* the last save failed: changes the file lacks */
  PmAnchorStats stats;
};

struct PmNotesBook {
  PmArray(PmNotesBuf *) bufs;
  PmLang *lang;
  PmNotesText text; /* the last buffer text fetched, see notes.h */
};

static FileStamp stamp_of(const char *path) {
  FileStamp s;
  memset(&s, 0, sizeof s);
  struct stat st;
  if (stat(path, &st) != 0) return s;
  s.exists = true;
  s.dev = st.st_dev;
  s.ino = st.st_ino;
  s.size = st.st_size;
  s.mtime = st.st_mtim;
  return s;
}

static bool stamp_equal(const FileStamp *a, const FileStamp *b) {
  if (a->exists != b->exists) return false;
  if (!a->exists) return true;
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime.tv_sec == b->mtime.tv_sec &&
         a->mtime.tv_nsec == b->mtime.tv_nsec;
}

PmNotesBook *pm_notes_book_new(void) {
  PmNotesBook *book = pm_calloc(1, sizeof *book);
  book->text.buf = -1;
  book->text.tick = -1;
  return book;
}

PmNotesText *pm_notes_book_text(PmNotesBook *book) { return &book->text; }

static void buf_free(PmNotesBuf *nb) {
  if (!nb) return;
  pm_sidecar_free(nb->sc);
  pm_free(nb->article);
  pm_free(nb->path);
  pm_free(nb->author);
  pm_free(nb);
}

void pm_notes_book_free(PmNotesBook *book) {
  if (!book) return;
  for (size_t i = 0; i < book->bufs.size; i++) buf_free(book->bufs.contents[i]);
  pm_array_delete(&book->bufs);
  pm_buf_free(&book->text.text);
  pm_lang_free(book->lang);
  pm_free(book);
}

const PmLang *pm_notes_book_lang(PmNotesBook *book, PmError *err) {
  if (book->lang) return book->lang;
  char *dir = pm_lang_find_dir(err);
  if (!dir) return NULL;
  book->lang = pm_lang_load_dir(dir, NULL, 0, err);
  pm_free(dir);
  return book->lang;
}

PmNotesBuf *pm_notes_book_get(PmNotesBook *book, int64_t buf) {
  for (size_t i = 0; i < book->bufs.size; i++)
    if (book->bufs.contents[i]->buf == buf) return book->bufs.contents[i];
  return NULL;
}

bool pm_notes_book_drop(PmNotesBook *book, int64_t buf) {
  if (book->text.buf == buf) { /* its text is not needed any more */
    book->text.buf = book->text.tick = -1;
    pm_buf_free(&book->text.text);
  }
  for (size_t i = 0; i < book->bufs.size; i++) {
    if (book->bufs.contents[i]->buf != buf) continue;
    buf_free(book->bufs.contents[i]);
    pm_array_erase(&book->bufs, i);
    return true;
  }
  return false;
}

static void hash_article(PmNotesBuf *nb) {
  size_t len;
  char *bytes = pm_file_read(nb->article, ARTICLE_MAX_BYTES, &len, NULL);
  if (!bytes) return; /* a new, unsaved article: no digest yet */
  pm_sha256_hex(bytes, len, nb->sha);
  pm_free(bytes);
}

/* Reads the sidecar file into nb (stat first, see the file comment). */
static bool read_sidecar(PmNotesBuf *nb, const char *text, size_t len,
                         PmError *err) {
  nb->stamp = stamp_of(nb->path);
  pm_sidecar_free(nb->sc);
  nb->dirty = false;
  memset(&nb->stats, 0, sizeof nb->stats);
  pm_error_clear(&nb->error);
  nb->sc = pm_sidecar_load(nb->path, &nb->error);
  if (!nb->sc) {
    if (nb->error.code == PM_OK)
      pm_error_set(&nb->error, PM_ERR_IO, "%s: cannot load", nb->path);
    if (err) *err = nb->error;
    return false;
  }
  if (nb->author) pm_sidecar_set_author(nb->sc, nb->author);
  pm_sidecar_reanchor(nb->sc, text, len, &nb->stats);
  return true;
}

PmNotesBuf *pm_notes_book_load(PmNotesBook *book, int64_t buf,
                               const char *article_path, const char *author,
                               const char *text, size_t len, bool *ok,
                               PmError *err) {
  PmNotesBuf *nb = pm_notes_book_get(book, buf);
  if (!nb) {
    nb = pm_calloc(1, sizeof *nb);
    nb->buf = buf;
    pm_array_push(&book->bufs, nb);
  }
  bool same_path = nb->article && !strcmp(nb->article, article_path);
  pm_free(nb->article);
  pm_free(nb->path);
  pm_free(nb->author);
  nb->article = pm_strdup(article_path);
  nb->path = pm_sidecar_path_for(article_path);
  nb->author = author && *author ? pm_strdup(author) : NULL;
  nb->sha[0] = '\0';
  hash_article(nb);
  /* Notes the file lacks (the last save failed: disk full, read-only
   * folder) would be dropped by reading the file again, as :e asks.  Save
   * them first, merged with the file as pm_sidecar_save does; while that
   * still fails they stay here, unsaved, for the next try. */
  if (nb->dirty && nb->sc && same_path) {
    if (nb->author) pm_sidecar_set_author(nb->sc, nb->author);
    PmError serr;
    if (!pm_notes_buf_save(nb, &serr) && err) *err = serr;
    pm_notes_buf_reanchor(nb, text, len);
    *ok = true;
    return nb;
  }
  *ok = read_sidecar(nb, text, len, err);
  return nb;
}

bool pm_notes_buf_changed_on_disk(const PmNotesBuf *nb) {
  FileStamp now = stamp_of(nb->path);
  return !stamp_equal(&now, &nb->stamp);
}

bool pm_notes_buf_reload(PmNotesBuf *nb, const char *text, size_t len,
                         PmError *err) {
  return read_sidecar(nb, text, len, err);
}

void pm_notes_buf_reanchor(PmNotesBuf *nb, const char *text, size_t len) {
  if (!nb->sc) return;
  memset(&nb->stats, 0, sizeof nb->stats);
  pm_sidecar_reanchor(nb->sc, text, len, &nb->stats);
}

PmSidecar *pm_notes_buf_sidecar(PmNotesBuf *nb) { return nb->sc; }
const char *pm_notes_buf_article(const PmNotesBuf *nb) { return nb->article; }
const char *pm_notes_buf_path(const PmNotesBuf *nb) { return nb->path; }
const PmError *pm_notes_buf_error(const PmNotesBuf *nb) {
  return nb->sc ? NULL : &nb->error;
}
const PmAnchorStats *pm_notes_buf_stats(const PmNotesBuf *nb) {
  return &nb->stats;
}

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

bool pm_notes_buf_save(PmNotesBuf *nb, PmError *err) {
  if (!nb->sc)
    return pm_error_set(err, PM_ERR_STATE,
                        "%s: not saved, it failed to load (%s); fix it and "
                        "reload",
                        nb->path, nb->error.message);
  if (pm_sidecar_note_count(nb->sc) == 0 && !stamp_of(nb->path).exists) {
    nb->dirty = false;
    return true;
  }
  pm_sidecar_set_article(nb->sc, base_name(nb->article),
                         nb->sha[0] ? nb->sha : NULL);
  nb->dirty = !pm_sidecar_save(nb->sc, nb->path, err);
  if (nb->dirty) return false;
  nb->stamp = stamp_of(nb->path);
  return true;
}

bool pm_notes_buf_dirty(const PmNotesBuf *nb) { return nb->dirty; }

bool pm_notes_buf_hash_article(PmNotesBuf *nb, PmError *err) {
  size_t len;
  char *bytes = pm_file_read(nb->article, ARTICLE_MAX_BYTES, &len, err);
  if (!bytes) return false;
  char sha[65];
  pm_sha256_hex(bytes, len, sha);
  pm_free(bytes);
  memcpy(nb->sha, sha, sizeof sha);
  if (!nb->sc || !stamp_of(nb->path).exists) return true;
  const char *old = pm_sidecar_article_sha256(nb->sc);
  if (old && !strcmp(old, sha)) return true;
  return pm_notes_buf_save(nb, err);
}

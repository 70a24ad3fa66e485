/*
 * notes.h - the sidecars of the buffers Neovim edits, as the server keeps
 * them between requests.
 *
 * A PmNotesBook maps a buffer handle to a PmNotesBuf: the article's path,
 * its sidecar (loaded, re-anchored against the buffer's text), the stat of
 * the sidecar file when it was last read or written (to notice outside
 * changes such as `git pull`), and the digest of the article file on disk.
 * A sidecar that failed to load is kept as "broken": its error is kept,
 * and nothing is ever saved over it until a reload succeeds.
 *
 * No msgpack here: handlers_note.c decodes requests and encodes results.
 * Texts are the buffer's lines, each followed by "\n"; positions are
 * 0-based byte offsets into that text.
 */
#ifndef PM_SERVER_NOTES_H
#define PM_SERVER_NOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pressmark/analysis.h"
#include "pressmark/anchor.h"
#include "pressmark/error.h"
#include "pressmark/sidecar.h"
#include "util/buf.h"

typedef struct PmNotesBook PmNotesBook;
typedef struct PmNotesBuf PmNotesBuf;

/* Never fails.  Frees every buffer's sidecar; NULL is a no-op. */
PmNotesBook *pm_notes_book_new(void);
void pm_notes_book_free(PmNotesBook *book);

/* The buffer text the notes requests count positions in.  Copied from
 * the live attachment when there is one (`transient`: freed once the
 * request is answered, since kept it would be a second copy of the
 * article beside the attached document), else asked from Neovim and kept
 * for requests on the same buffer at the same b:changedtick (`buf`,
 * `tick`; -1 when it holds nothing reusable) - then it is the process's
 * only copy, and it is dropped when that buffer gets attached.  One text
 * for the whole book.  Owned by the book; handlers_note.c fills it. */
typedef struct {
  int64_t buf;
  int64_t tick;
  bool transient;
  PmBuf text;
} PmNotesText;
PmNotesText *pm_notes_book_text(PmNotesBook *book);

/* The language data, loaded on first need from the shipped lang/ folder
 * (pm_lang_find_dir) and kept.  NULL with `err` when it cannot be read. */
const PmLang *pm_notes_book_lang(PmNotesBook *book, PmError *err);

/* The buffer's entry, or NULL when its sidecar was never loaded. */
PmNotesBuf *pm_notes_book_get(PmNotesBook *book, int64_t buf);
/* Forgets the buffer (e.g. on BufDelete).  False when unknown. */
bool pm_notes_book_drop(PmNotesBook *book, int64_t buf);

/* (Re)loads the sidecar of `article_path` (copied) for `buf`, re-anchors
 * it against text[0, len) (borrowed) and hashes the article file on disk.
 * `author` (may be NULL) is written into notes created later.  Returns the
 * entry, also when the sidecar is broken: then false is returned through
 * *ok and `err` says file:line:col.  A missing sidecar is an empty one.
 * An entry for the same article whose last save failed (dirty) is not
 * read again, which would drop the notes the file lacks: it is saved,
 * merged with the file, and re-anchored; when that save fails too, the
 * notes stay in memory, still dirty, *ok is true and `err` says why. */
PmNotesBuf *pm_notes_book_load(PmNotesBook *book, int64_t buf,
                               const char *article_path, const char *author,
                               const char *text, size_t len, bool *ok,
                               PmError *err);

/* Whether the sidecar file's stat differs from when it was last read or
 * written by us (created, deleted, replaced or modified). */
bool pm_notes_buf_changed_on_disk(const PmNotesBuf *nb);

/* Reloads from disk into the same entry (author kept), re-anchoring
 * against `text`.  False with `err` when the new file is broken: the entry
 * is then broken too. */
bool pm_notes_buf_reload(PmNotesBuf *nb, const char *text, size_t len,
                         PmError *err);

/* Re-anchors the loaded notes against a new text (no disk access). */
void pm_notes_buf_reanchor(PmNotesBuf *nb, const char *text, size_t len);

/* The sidecar, or NULL when broken.  Owned by the entry. */
PmSidecar *pm_notes_buf_sidecar(PmNotesBuf *nb);
const char *pm_notes_buf_article(const PmNotesBuf *nb);
const char *pm_notes_buf_path(const PmNotesBuf *nb); /* the sidecar's */
/* NULL when loaded fine, else the load error (owned by the entry). */
const PmError *pm_notes_buf_error(const PmNotesBuf *nb);
const PmAnchorStats *pm_notes_buf_stats(const PmNotesBuf *nb);

/* Saves atomically (merging a change made on disk meanwhile, see
 * pm_sidecar_save) with the article's digest, then remembers the new
 * stat.  Refused for a broken entry.  A sidecar without notes whose file
 * does not exist is not created.  A failed save leaves the entry dirty:
 * it holds changes the file does not have. */
bool pm_notes_buf_save(PmNotesBuf *nb, PmError *err);
/* Whether the last save failed (e.g. a merge conflict with the file). */
bool pm_notes_buf_dirty(const PmNotesBuf *nb);

/* Re-reads the article file and keeps its digest for the next save; when
 * the sidecar file exists, saves it so article.sha256 follows the file.
 * False with `err` when the article cannot be read or the save fails. */
bool pm_notes_buf_hash_article(PmNotesBuf *nb, PmError *err);

#endif

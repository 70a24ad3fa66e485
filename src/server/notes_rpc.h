/*
 * notes_rpc.h - what the notes handlers (handlers_note.c, notes_items.c)
 * share: the notes state and the buffer's text (notes_text.c); private to
 * src/server.
 */
#ifndef PM_SERVER_NOTES_RPC_H
#define PM_SERVER_NOTES_RPC_H

#include "server/handlers.h"
#include "server/notes.h"
#include "util/buf.h"

/* The server's notes state, made on first need (PM_SERVER_SLOT_NOTES). */
PmNotesBook *pm_notes__book(PmServer *srv);

/* The buffer's lines, each followed by "\n" - the text every note
 * position counts in.  Copied from the live attachment's document when it
 * holds the buffer at Neovim's b:changedtick (pm_server_buf_text; freed by
 * pm_notes__text_done, which each handler calls before it returns, so no
 * second copy of a large article stays in the process); else asked from
 * Neovim (nvim_buf_get_lines, 50,000 lines per call) unless the book's
 * fetched copy is of the same buffer at the same b:changedtick.  Owned by
 * the book (PmNotesText) and valid until pm_notes__text_done or the next
 * call; never NULL-data on success.  NULL with `err` when Neovim refuses
 * (e.g. an invalid buffer). */
const PmBuf *pm_notes__text(PmServer *srv, int64_t buf, PmError *err);
/* Frees the text pm_notes__text handed out when it was a transient copy
 * of an attached document; a no-op otherwise. */
void pm_notes__text_done(PmServer *srv);
/* Drops the fetched copy of `buf`, if the book keeps one: called when the
 * buffer gets attached and its document becomes the copy to read. */
void pm_notes__text_forget(PmServer *srv, int64_t buf);

/* Appends the text of `buf` to `out` when a live attachment holds all of
 * it at b:changedtick `tick`, else returns false and leaves `out` as it
 * was.  Defined in handlers_buf.c. */
bool pm_server_buf_text(PmServer *srv, int64_t buf, int64_t tick, PmBuf *out);

#endif

/*
 * notes_rpc.h - helpers shared by the notes handlers (handlers_note.c,
 * notes_items.c); private to src/server.
 */
#ifndef PM_SERVER_NOTES_RPC_H
#define PM_SERVER_NOTES_RPC_H

#include "server/handlers.h"
#include "server/notes.h"
#include "util/buf.h"

/* The server's notes state, made on first need (PM_SERVER_SLOT_NOTES). */
PmNotesBook *pm_notes__book(PmServer *srv);

/* The buffer's lines, each followed by "\n" - the text every note
 * position counts in.  Asked from Neovim (nvim_buf_get_lines, 50,000
 * lines per call) unless the book's copy is of the same buffer at the
 * same b:changedtick.  Owned by the book (PmNotesText) and valid until the
 * next call; never NULL-data on success.  NULL with `err` when Neovim
 * refuses (e.g. an invalid buffer). */
const PmBuf *pm_notes__text(PmServer *srv, int64_t buf, PmError *err);

#endif

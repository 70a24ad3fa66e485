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

/* Asks Neovim for the buffer's lines (nvim_buf_get_lines); `out` gets
 * them, each followed by "\n" - the text every note position counts in.
 * False with `err` when Neovim refuses (e.g. an invalid buffer). */
bool pm_notes__fetch_text(PmServer *srv, int64_t buf, PmBuf *out,
                          PmError *err);

#endif

/*
 * notes_text.c - the buffer's text that notes are anchored in, for the
 * notes methods (handlers_note.c, notes_items.c): see pm_notes__text in
 * notes_rpc.h.
 *
 * It is the buffer's lines each followed by "\n", which is what Neovim
 * shows (CR of CRLF files and a BOM already stripped), so marks land on the
 * buffer's words whatever the file's bytes.  An attached buffer's document
 * already holds it; any other buffer's text is asked from Neovim in chunks
 * and kept while b:changedtick stays the same, since the notes commands
 * ask for it several times per edit.
 */
#include <string.h>

#include "server/notes_rpc.h"
#include "server/nvim_calls.h"
#include "server/params.h"

/* Lines asked per nvim_buf_get_lines call: one reply for a whole large
 * buffer could exceed what the RPC decoder accepts, and would sit in the
 * process as one message beside its copy (handlers_buf.c fetches attached
 * buffers the same way, into its own line store, 16,384 lines a call). */
#define FETCH_LINES 50000

/* Appends lines [first, first + FETCH_LINES) to `out`, each followed by
 * "\n"; *got gets how many came (fewer at the end of the buffer). */
static bool fetch_chunk(PmServer *srv, int64_t buf, int64_t first, PmBuf *out,
                        uint32_t *got, PmError *err) {
  msgpack_unpacked reply;
  const msgpack_object *lines;
  bool ok = pm_nvim__lines(srv, buf, first, first + FETCH_LINES, &reply, &lines, err);
  if (ok && lines->type != MSGPACK_OBJECT_ARRAY)
    ok = pm_error_set(err, PM_ERR_INVALID, "nvim_buf_get_lines: not an array");
  if (ok) {
    *got = lines->via.array.size;
    for (uint32_t i = 0; i < lines->via.array.size; i++) {
      const msgpack_object *l = &lines->via.array.ptr[i];
      if (pm_params__is_str(l)) pm_buf_append(out, l->via.str.ptr, l->via.str.size);
      pm_buf_putc(out, '\n');
    }
  } else if (err && err->code != PM_OK && !strstr(err->message, "nvim_buf")) {
    /* Named once: an over-limit answer already says "reply to
     * nvim_buf_get_lines exceeds ...". */
    pm_error_prefix(err, "nvim_buf_get_lines");
  }
  msgpack_unpacked_destroy(&reply);
  return ok;
}

const PmBuf *pm_notes__text(PmServer *srv, int64_t buf, PmError *err) {
  PmNotesText *c = pm_notes_book_text(pm_notes__book(srv));
  int64_t t0, t1;
  if (!pm_nvim__changedtick(srv, buf, &t0, err)) return NULL;
  if (t0 >= 0 && c->buf == buf && c->tick == t0) return &c->text;
  pm_notes__text_done(srv);
  c->buf = c->tick = -1;
  pm_buf_free(&c->text);
  pm_buf_append(&c->text, "", 0); /* a non-NULL data even for no lines */
  if (pm_server_buf_text(srv, buf, t0, &c->text)) {
    c->transient = true;
    return &c->text;
  }
  /* Inside the plugin's rpcrequest Neovim runs nothing else, so the lines
   * cannot change between chunks; the tick is checked again all the same
   * and a text that may mix two versions is not kept for reuse. */
  uint32_t got = FETCH_LINES;
  for (int64_t first = 0; got == FETCH_LINES; first += FETCH_LINES)
    if (!fetch_chunk(srv, buf, first, &c->text, &got, err)) {
      pm_buf_free(&c->text);
      return NULL;
    }
  if (t0 >= 0 && pm_nvim__changedtick(srv, buf, &t1, NULL) && t1 == t0) {
    c->buf = buf;
    c->tick = t0;
  }
  return &c->text;
}

void pm_notes__text_done(PmServer *srv) {
  PmNotesBook *book = pm_server_slot(srv, PM_SERVER_SLOT_NOTES);
  PmNotesText *c = book ? pm_notes_book_text(book) : NULL;
  if (!c || !c->transient) return;
  pm_buf_free(&c->text);
  c->transient = false;
}

void pm_notes__text_forget(PmServer *srv, int64_t buf) {
  PmNotesBook *book = pm_server_slot(srv, PM_SERVER_SLOT_NOTES);
  PmNotesText *c = book ? pm_notes_book_text(book) : NULL;
  if (!c || c->buf != buf) return;
  pm_buf_free(&c->text);
  c->buf = c->tick = -1;
}

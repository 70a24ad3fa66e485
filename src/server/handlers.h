/*
 * handlers.h - what RPC handlers may use of the server, and the handlers
 * themselves (listed in the dispatch table, src/rpc/dispatch.c).
 *
 * A handler has the PmRpcHandler signature (include/pressmark/rpc.h): it
 * decodes `params`, calls a core module, and builds its result with the
 * pm_obj_* functions in pm_server_zone(srv), which is cleared after the
 * reply is sent.  It may call Neovim through pm_server_call; requests that
 * Neovim sends meanwhile are queued and served after this one.
 */
#ifndef PM_SERVER_HANDLERS_H
#define PM_SERVER_HANDLERS_H

#include "pressmark/rpc.h"

msgpack_zone *pm_server_zone(PmServer *srv);
PmChannel *pm_server_channel(PmServer *srv);
PmRpcLog *pm_server_log(PmServer *srv);

/* Per-module state kept by the server (no globals): one slot per module,
 * set once on first need and freed by pm_server_free with `free_fn`.  Add a
 * name here for a new module. */
typedef enum {
  PM_SERVER_SLOT_BUFFERS = 0, /* attached buffers (attached.h) */
  PM_SERVER_SLOT_NOTES,       /* loaded sidecars (notes*.c) */
  PM_SERVER_SLOT_COUNT
} PmServerSlot;
void *pm_server_slot(PmServer *srv, PmServerSlot slot); /* NULL until set */
void pm_server_slot_set(PmServer *srv, PmServerSlot slot, void *state,
                        void (*free_fn)(void *));

/* Neovim's EXT type codes, asked with nvim_get_api_info on first need and
 * kept.  NULL with `err` set when Neovim cannot be asked. */
const PmRpcTypes *pm_server_types(PmServer *srv, PmError *err);

/* Resolves a buffer parameter to a handle: an integer or a Buffer EXT; 0
 * means the current buffer (asked with nvim_get_current_buf). */
bool pm_server_buffer_arg(PmServer *srv, const msgpack_object *o,
                          int64_t *handle, PmError *err);

/* handlers_core.c */
PmObj pm_handle_ping(PmServer *srv, const msgpack_object *params,
                     PmError *err);
PmObj pm_handle_version_get(PmServer *srv, const msgpack_object *params,
                            PmError *err);
PmObj pm_handle_buf_stats_get(PmServer *srv, const msgpack_object *params,
                              PmError *err);

/* handlers_buf.c: attached buffers and the events that keep them in step */
PmObj pm_handle_buf_attach(PmServer *srv, const msgpack_object *params,
                           PmError *err);
PmObj pm_handle_buf_detach(PmServer *srv, const msgpack_object *params,
                           PmError *err);
PmObj pm_handle_nvim_buf_changedtick_event(PmServer *srv,
                                           const msgpack_object *params,
                                           PmError *err);
PmObj pm_handle_nvim_buf_detach_event(PmServer *srv,
                                      const msgpack_object *params,
                                      PmError *err);
PmObj pm_handle_nvim_buf_lines_event(PmServer *srv,
                                     const msgpack_object *params,
                                     PmError *err);
/* After a notification was skipped for being over the message limits:
 * buffers whose line events may be lost are marked stale and the editor
 * is asked to attach them again. */
void pm_server_check_drops(PmServer *srv);
/* The document of attached buffer `buf` (owned by the attachment, valid
 * until the next request is served), or NULL when it is not attached. */
struct PmBufDoc *pm_server_buf_doc(PmServer *srv, int64_t buf);

/* marks.c: work left over from events (analysis, batches of marks), done
 * when no input waits.  Returns true while more remains. */
bool pm_server_idle(PmServer *srv);

/* handlers_items.c: the analysed items of an attached buffer */
PmObj pm_handle_item_get(PmServer *srv, const msgpack_object *params,
                         PmError *err);
PmObj pm_handle_items_get(PmServer *srv, const msgpack_object *params,
                          PmError *err);

/* handlers_note.c (sidecars and notes), notes_items.c (analysis_get);
 * both read the buffer's text through notes_text.c */
PmObj pm_handle_analysis_get(PmServer *srv, const msgpack_object *params,
                             PmError *err);
PmObj pm_handle_article_hash(PmServer *srv, const msgpack_object *params,
                             PmError *err);
PmObj pm_handle_note_del(PmServer *srv, const msgpack_object *params,
                         PmError *err);
PmObj pm_handle_note_set(PmServer *srv, const msgpack_object *params,
                         PmError *err);
PmObj pm_handle_sidecar_check(PmServer *srv, const msgpack_object *params,
                              PmError *err);
PmObj pm_handle_sidecar_detach(PmServer *srv, const msgpack_object *params,
                               PmError *err);
PmObj pm_handle_sidecar_load(PmServer *srv, const msgpack_object *params,
                             PmError *err);

#endif

/*
 * attached.h - an attached buffer as the server keeps it, shared by the two
 * files that follow attached buffers: handlers_buf.c (attaching, the
 * events that keep the copy in step) and marks.c (the analysis and the
 * batches of marks done when no input waits); private to src/server.
 */
#ifndef PM_SERVER_ATTACHED_H
#define PM_SERVER_ATTACHED_H

#include "server/buffer.h"
#include "server/handlers.h"
#include "util/array.h"

/* One followed buffer.  `doc` is owned by the entry. */
typedef struct {
  int64_t buf;
  PmBufDoc *doc;
  PmAnalyzeOptions opts;
  bool live;        /* nvim_buf_attach is in effect */
  bool view;        /* holds only a range of lines (a huge buffer) */
  int64_t tick;     /* b:changedtick of the text the doc holds */
  int64_t dropped;  /* tick at which a batch was dropped; -1 none */
  int64_t nvim_tick; /* the editor's tick when it dropped that batch */
  bool resync;      /* ignore line events until the whole buffer comes */
  bool stale;       /* an edit was skipped: wait for the editor to re-attach */
} PmAttached;

/* Every followed buffer: the server's PM_SERVER_SLOT_BUFFERS state, made
 * by handlers_buf.c on first need. */
struct PmBufTable {
  PmLang *lang;
  PmArray(PmAttached) bufs;
  /* Buffers we detached ourselves: their detach event is expected and
   * must not be taken for a reload. */
  PmArray(int64_t) expect_detach;
  uint64_t drops_seen; /* pm_channel_dropped() when last looked at */
};
typedef struct PmBufTable PmBufTable;

#endif

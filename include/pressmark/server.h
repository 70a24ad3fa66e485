/*
 * server.h - the Neovim-facing process behind `pressmark serve`.
 *
 * A PmServer holds all the process's state (channel, log, the per-request
 * zone, Neovim's EXT type codes); there is no global mutable state.  It
 * serves msgpack-RPC on a pair of file descriptors until EOF.
 */
#ifndef PRESSMARK_SERVER_H
#define PRESSMARK_SERVER_H

typedef struct PmServer PmServer;

/* Returns a server reading `in_fd` and writing `out_fd` (borrowed, not
 * closed).  Logs go to $PRESSMARK_LOG or stderr.  NULL on failure. */
PmServer *pm_server_new(int in_fd, int out_fd);
void pm_server_free(PmServer *srv);

/* Serves until the peer closes its end (returns 0) or sends bytes that are
 * not msgpack (replies with an id-0 error, logs, returns 1). */
int pm_server_run(PmServer *srv);

#endif

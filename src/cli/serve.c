/*
 * serve.c - `pressmark serve`: speaks msgpack-RPC on stdin/stdout until
 * stdin closes.  Neovim starts it with jobstart(..., {rpc = true}); stdout
 * carries nothing but RPC, logs go to $PRESSMARK_LOG or stderr.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "pressmark/server.h"

int pm_cmd_serve(int argc, char **argv) {
  if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    printf("usage: pressmark serve\n\n"
           "Speaks msgpack-RPC on stdin/stdout (started by the Neovim plugin).\n"
           "Logs go to $PRESSMARK_LOG, else stderr.\n");
    return 0;
  }
  if (argc > 1) {
    fprintf(stderr, "pressmark serve: unexpected argument '%s'\n", argv[1]);
    return 2;
  }
  /* A peer that closes its read end must not kill us silently: write()
   * then fails with EPIPE and the loop ends through its error path. */
  signal(SIGPIPE, SIG_IGN);
  PmServer *srv = pm_server_new(STDIN_FILENO, STDOUT_FILENO);
  if (!srv) {
    fprintf(stderr, "pressmark serve: cannot start\n");
    return 1;
  }
  int status = pm_server_run(srv);
  pm_server_free(srv);
  return status;
}

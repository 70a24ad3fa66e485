/* show.c - placeholder until the subcommand lands (work in progress). */
#include <stdio.h>

#include "cli/commands.h"

int pm_cmd_show(int argc, char **argv) {
  (void)argc;
  fprintf(stderr, "pressmark: %s: not implemented yet\n", argv[0]);
  return 2;
}

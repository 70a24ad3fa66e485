/*
 * main.c - `pressmark SUBCOMMAND ...`: finds the subcommand in a table and
 * hands it the rest of the arguments.  `pressmark serve` (what the Neovim
 * plugin starts) speaks msgpack-RPC on stdin/stdout.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "pressmark/version.h"

typedef struct {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
    {"analyze", pm_cmd_analyze, "find quotes, speakers and claims in articles"},
    {"check", pm_cmd_check, "re-anchor an article's notes and report each"},
    {"export", pm_cmd_export, "export notes as ClaimReview or W3C annotations"},
    {"git-setup", pm_cmd_git_setup, "register the git merge and diff drivers"},
    {"merge", pm_cmd_merge, "three-way merge of sidecars (git merge driver)"},
    {"serve", pm_cmd_serve, "speak msgpack-RPC on stdio (used by Neovim)"},
    {"show", pm_cmd_show, "list a sidecar's notes for humans (git textconv)"},
};

static void usage(FILE *out) {
  fprintf(out, "usage: pressmark <command> [options] [args]\n\ncommands:\n");
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\nRun 'pressmark <command> --help' for a command's options.\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *name = argv[1];
  if (!strcmp(name, "--version") || !strcmp(name, "version")) {
    printf("pressmark %s\n", PM_VERSION);
    return 0;
  }
  if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
    usage(stdout);
    return 0;
  }
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    if (!strcmp(name, commands[i].name))
      return commands[i].run(argc - 1, argv + 1);
  fprintf(stderr, "pressmark: unknown command '%s'\n\n", name);
  usage(stderr);
  return 2;
}

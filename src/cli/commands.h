/*
 * commands.h - one entry point per `pressmark` subcommand.
 *
 * Each takes the arguments after the subcommand name (argv[0] is the
 * subcommand) and returns the process exit status.  Commands print their
 * own output and errors; the library underneath never does.
 */
#ifndef PM_CLI_COMMANDS_H
#define PM_CLI_COMMANDS_H

int pm_cmd_analyze(int argc, char **argv);
int pm_cmd_check(int argc, char **argv);
int pm_cmd_show(int argc, char **argv);
int pm_cmd_merge(int argc, char **argv);
int pm_cmd_export(int argc, char **argv);
int pm_cmd_git_setup(int argc, char **argv);
int pm_cmd_serve(int argc, char **argv);

#endif

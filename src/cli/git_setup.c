/*
 * git_setup.c - `pressmark git-setup`: registers the sidecar merge and diff
 * drivers in the current repository, idempotently.
 *
 * Writes, in the repository's own config (.git/config):
 *   merge.pressmark.name     = pressmark sidecar merge
 *   merge.pressmark.driver   = '/abs/path/pressmark' merge %O %A %B %P
 *   diff.pressmark.textconv  = '/abs/path/pressmark' show
 * and adds to .gitattributes at the top of the work tree, once:
 *   *.factcheck.yaml merge=pressmark diff=pressmark
 * The binary's absolute path comes from /proc/self/exe: a plugin manager's
 * build folder is not on $PATH, and a driver that cannot start turns every
 * merge of a sidecar into a conflict.  git runs drivers through the shell,
 * so the path is single-quoted.  git is run directly, never via a shell.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/commands.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#define ATTR_LINE "*.factcheck.yaml merge=pressmark diff=pressmark"

/* Runs git with argv; its stdout goes to `out` when not NULL.  Returns the
 * exit status, or -1 when git could not run. */
static int git(char *const argv[], PmBuf *out) {
  int fd[2];
  if (out && pipe(fd) != 0) return -1;
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    if (out) {
      dup2(fd[1], 1);
      close(fd[0]);
      close(fd[1]);
    }
    execvp("git", argv);
    _exit(127);
  }
  if (out) {
    close(fd[1]);
    char buf[4096];
    ssize_t n;
    while ((n = read(fd[0], buf, sizeof buf)) != 0) {
      if (n < 0) {
        if (errno == EINTR) continue;
        break;
      }
      pm_buf_append(out, buf, (size_t)n);
    }
    close(fd[0]);
  }
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static bool set_config(const char *key, const char *value) {
  char *argv[] = {"git", "config", "--local", (char *)key, (char *)value, NULL};
  if (git(argv, NULL) == 0) return true;
  fprintf(stderr, "pressmark git-setup: git config %s failed\n", key);
  return false;
}

/* 'path' for sh, with ' written as '\'' */
static void shell_quote(PmBuf *b, const char *s) {
  pm_buf_putc(b, '\'');
  for (; *s; s++)
    if (*s == '\'') pm_buf_puts(b, "'\\''");
    else pm_buf_putc(b, *s);
  pm_buf_putc(b, '\'');
}

static bool has_line(const char *text, size_t len, const char *line) {
  size_t n = strlen(line);
  for (size_t i = 0; i + n <= len; i++)
    if ((i == 0 || text[i - 1] == '\n') && !memcmp(text + i, line, n) &&
        (i + n == len || text[i + n] == '\n' || text[i + n] == '\r'))
      return true;
  return false;
}

int pm_cmd_git_setup(int argc, char **argv) {
  if (argc > 1) {
    bool help = !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h");
    fprintf(help ? stdout : stderr, "usage: pressmark git-setup\n"
            "  Registers the sidecar merge and diff drivers in this repository\n"
            "  and adds the .gitattributes line (safe to run again).\n");
    return help ? 0 : 2;
  }
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) {
    fprintf(stderr, "pressmark git-setup: cannot find my own path "
            "(/proc/self/exe): %s\n", strerror(errno));
    return 2;
  }
  exe[n] = '\0';
  PmBuf top = PM_BUF_INIT;
  char *rev[] = {"git", "rev-parse", "--show-toplevel", NULL};
  int r = git(rev, &top);
  if (r != 0 || top.len == 0) {
    fprintf(stderr, "pressmark git-setup: not inside a git work tree%s\n",
            r < 0 ? " (git did not run)" : "");
    pm_buf_free(&top);
    return 2;
  }
  while (top.len && (top.data[top.len - 1] == '\n' || top.data[top.len - 1] == '\r'))
    top.data[--top.len] = '\0';

  PmBuf driver = PM_BUF_INIT, textconv = PM_BUF_INIT;
  shell_quote(&driver, exe);
  pm_buf_puts(&driver, " merge %O %A %B %P");
  shell_quote(&textconv, exe);
  pm_buf_puts(&textconv, " show");
  bool ok = set_config("merge.pressmark.name", "pressmark sidecar merge") &&
            set_config("merge.pressmark.driver", driver.data) &&
            set_config("diff.pressmark.textconv", textconv.data);
  int status = ok ? 0 : 2;
  if (ok) {
    printf("git config merge.pressmark.name 'pressmark sidecar merge'\n");
    printf("git config merge.pressmark.driver \"%s\"\n", driver.data);
    printf("git config diff.pressmark.textconv \"%s\"\n", textconv.data);
    PmBuf attr = PM_BUF_INIT;
    pm_buf_printf(&attr, "%s/.gitattributes", top.data);
    PmError err;
    pm_error_clear(&err);
    size_t len = 0;
    char *cur = access(attr.data, F_OK) == 0
                    ? pm_file_read(attr.data, 1 << 20, &len, &err)
                    : pm_strdup("");
    if (!cur) {
      fprintf(stderr, "pressmark git-setup: %s\n", err.message);
      status = 2;
    } else if (has_line(cur, len, ATTR_LINE)) {
      printf(".gitattributes already has: %s\n", ATTR_LINE);
    } else {
      PmBuf next = PM_BUF_INIT;
      pm_buf_append(&next, cur, len);
      if (len && cur[len - 1] != '\n') pm_buf_putc(&next, '\n');
      pm_buf_puts(&next, ATTR_LINE "\n");
      if (pm_file_write_atomic(attr.data, next.data, next.len, &err)) {
        printf(".gitattributes: added %s\n", ATTR_LINE);
      } else {
        fprintf(stderr, "pressmark git-setup: %s\n", err.message);
        status = 2;
      }
      pm_buf_free(&next);
    }
    pm_free(cur);
    pm_buf_free(&attr);
  }
  pm_buf_free(&driver);
  pm_buf_free(&textconv);
  pm_buf_free(&top);
  return status;
}

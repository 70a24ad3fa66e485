/*
 * merge.c - `pressmark merge BASE OURS THEIRS [PATH]`, the git merge
 * driver (`pressmark merge %O %A %B %P`).
 *
 * Writes the result to OURS, as git expects, and exits 0 when clean, 1
 * when conflicts remain (git then marks the file conflicted), 2 on a usage
 * or I/O error.  PATH is the sidecar's real path (the three files git
 * passes are temporary); the article beside it, when present, gives the
 * merged article.sha256, which is recomputed rather than merged.
 *
 * When a side does not parse as a sidecar, the note-by-note merge cannot
 * be trusted, so this falls back to a plain line merge with conflict
 * markers by `git merge-file` (run without a shell), and exits 1 so the
 * result is always looked at.  Should git itself be unavailable, the three
 * versions are written whole between markers: nothing is lost either way.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/commands.h"
#include "pressmark/merge.h"
#include "pressmark/sidecar.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

static int usage(FILE *f, int status) {
  fprintf(f, "usage: pressmark merge BASE OURS THEIRS [PATH]\n"
             "  Three-way merge of sidecars by note id; the result goes to OURS.\n"
             "  As a git merge driver: pressmark merge %%O %%A %%B %%P\n"
             "  Exit 0: merged; 1: conflicts left (marked in OURS); 2: error.\n");
  return status;
}

static int git_merge_file(const char *base, const char *ours, const char *theirs) {
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    /* git merge-file prints nothing useful on stdout, keep it quiet. */
    execlp("git", "git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
           ours, base, theirs, (char *)NULL);
    _exit(127);
  }
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) return -1;
  if (!WIFEXITED(st) || WEXITSTATUS(st) == 127 || WEXITSTATUS(st) > 127) return -1;
  return WEXITSTATUS(st);
}

/* Last resort: the three versions whole, between markers. */
static bool whole_file_markers(const char *ours_path, const char *o, size_t ol,
                               const char *b, size_t bl, const char *t, size_t tl,
                               PmError *err) {
  PmBuf out = PM_BUF_INIT;
  pm_buf_puts(&out, "<<<<<<< ours\n");
  pm_buf_append(&out, o, ol);
  if (ol && o[ol - 1] != '\n') pm_buf_putc(&out, '\n');
  pm_buf_puts(&out, "||||||| base\n");
  pm_buf_append(&out, b, bl);
  if (bl && b[bl - 1] != '\n') pm_buf_putc(&out, '\n');
  pm_buf_puts(&out, "=======\n");
  pm_buf_append(&out, t, tl);
  if (tl && t[tl - 1] != '\n') pm_buf_putc(&out, '\n');
  pm_buf_puts(&out, ">>>>>>> theirs\n");
  bool ok = pm_file_write_atomic(ours_path, out.data, out.len, err);
  pm_buf_free(&out);
  return ok;
}

int pm_cmd_merge(int argc, char **argv) {
  if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
    return usage(stdout, 0);
  if (argc != 4 && argc != 5) return usage(stderr, 2);
  const char *bp = argv[1], *op = argv[2], *tp = argv[3];
  const char *real = argc == 5 ? argv[4] : op;
  PmError err;
  pm_error_clear(&err);
  size_t bl = 0, ol = 0, tl = 0;
  char *b = pm_file_read(bp, PM_SIDECAR_MAX_BYTES, &bl, &err);
  char *o = b ? pm_file_read(op, PM_SIDECAR_MAX_BYTES, &ol, &err) : NULL;
  char *t = o ? pm_file_read(tp, PM_SIDECAR_MAX_BYTES, &tl, &err) : NULL;
  int status = 2;
  PmSidecar *sb = NULL, *so = NULL, *st = NULL, *res = NULL;
  PmMergeConflicts *conf = NULL;
  if (!t) {
    fprintf(stderr, "pressmark merge: %s\n", err.message);
    goto done;
  }
  char name[3][600];
  snprintf(name[0], sizeof name[0], "%s (base)", real);
  snprintf(name[1], sizeof name[1], "%s (ours)", real);
  snprintf(name[2], sizeof name[2], "%s (theirs)", real);
  /* git passes an empty base when the file was added on both sides; an
   * empty ours/theirs is a deleted file's stand-in: both mean no notes. */
  sb = bl ? pm_sidecar_parse(b, bl, name[0], &err) : pm_sidecar_new();
  if (sb) so = ol ? pm_sidecar_parse(o, ol, name[1], &err) : pm_sidecar_new();
  if (so) st = tl ? pm_sidecar_parse(t, tl, name[2], &err) : pm_sidecar_new();
  if (!st) {
    fprintf(stderr, "pressmark merge: %s\n", err.message);
    fprintf(stderr, "pressmark merge: %s: falling back to a line merge with "
            "conflict markers\n", real);
    int r = git_merge_file(bp, op, tp);
    if (r < 0 && !whole_file_markers(op, o, ol, b, bl, t, tl, &err))
      fprintf(stderr, "pressmark merge: %s\n", err.message);
    else status = 1;
    goto done;
  }
  if (!pm_merge_sidecars(sb, so, st, &res, &conf, &err)) {
    fprintf(stderr, "pressmark merge: %s\n", err.message);
    goto done;
  }
  /* The digest is derived: recompute it from the article beside PATH. */
  size_t rl = strlen(real), sl = strlen(PM_SIDECAR_SUFFIX);
  if (argc == 5 && rl > sl && !strcmp(real + rl - sl, PM_SIDECAR_SUFFIX)) {
    char *article = pm_strndup(real, rl - sl);
    struct stat sst;
    size_t al;
    char *text = stat(article, &sst) == 0 && S_ISREG(sst.st_mode)
                     ? pm_file_read(article, (size_t)1 << 31, &al, NULL)
                     : NULL;
    if (text) {
      char hex[65];
      pm_sha256_hex(text, al, hex);
      pm_sidecar_set_article(res, NULL, hex);
    }
    pm_free(text);
    pm_free(article);
  }
  size_t n = pm_merge_conflicts_count(conf);
  for (size_t i = 0; i < n; i++)
    fprintf(stderr, "pressmark merge: %s: conflict: %s\n", real,
            pm_merge_conflicts_at(conf, i));
  size_t len;
  char *text = pm_sidecar_emit(res, &len, &err);
  if (!pm_file_write_atomic(op, text, len, &err)) {
    fprintf(stderr, "pressmark merge: %s\n", err.message);
  } else {
    status = n ? 1 : 0;
  }
  pm_free(text);
done:
  pm_merge_conflicts_free(conf);
  pm_sidecar_free(res);
  pm_sidecar_free(sb);
  pm_sidecar_free(so);
  pm_sidecar_free(st);
  pm_free(b);
  pm_free(o);
  pm_free(t);
  return status;
}

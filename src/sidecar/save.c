/*
 * save.c - reading a sidecar file, and writing it back without losing
 * anybody's update.
 *
 * The sidecar remembers the bytes it was loaded from.  Saving first reads
 * the file again: if it is still those bytes, the new text replaces it
 * atomically; if another program (a second editor, `git pull`) wrote it
 * meanwhile, the loaded bytes are the base of a three-way merge between
 * what we have and what is on disk, exactly as `pressmark merge` does.  A
 * clean merge is written; a conflict is reported and nothing is written,
 * since writing markers would make the file unreadable for the editor that
 * is still running.  A file on disk that does not parse is never
 * overwritten: somebody is editing it by hand.  A save killed between its
 * temporary file and the rename leaves that file behind: the next
 * successful save removes such leftovers once they are a minute old.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pressmark/merge.h"
#include "sidecar/internal.h"
#include "util/alloc.h"
#include "util/file.h"

void pm_sha256_hex(const void *bytes, size_t len, char out[65]) {
  struct sha256_ctx ctx;
  uint8_t d[SHA256_DIGEST_SIZE];
  sha256_init(&ctx);
  sha256_update(&ctx, len, bytes);
  sha256_digest(&ctx, sizeof d, d);
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
    out[2 * i] = hex[d[i] >> 4];
    out[2 * i + 1] = hex[d[i] & 15];
  }
  out[64] = '\0';
}

/* Reads path; *exists is false (and NULL returned, no error) when there is
 * no such file. */
static char *read_if_any(const char *path, size_t *len, bool *exists,
                         PmError *err) {
  struct stat st;
  if (stat(path, &st) != 0 && errno == ENOENT) {
    *exists = false;
    *len = 0;
    return NULL;
  }
  *exists = true;
  return pm_file_read(path, PM_SIDECAR_MAX_BYTES, len, err);
}

PmSidecar *pm_sidecar_load(const char *path, PmError *err) {
  size_t len;
  bool exists;
  char *bytes = read_if_any(path, &len, &exists, err);
  if (!exists) return pm_sidecar_new();
  if (!bytes) return NULL;
  PmSidecar *sc = pm_sidecar_parse(bytes, len, path, err);
  pm_free(bytes);
  return sc;
}

static bool same_as_loaded(const PmSidecar *sc, const char *disk, size_t len,
                           bool exists) {
  if (!sc->loaded) return !exists;
  return exists && len == sc->loaded_len && !memcmp(disk, sc->loaded, len);
}

/* A temporary file older than this is no save in progress: its writer
 * was killed between mkstemp and rename. */
#define STALE_TMP_SECONDS 60

/* Removes `path`.tmp.XXXXXX siblings (pm_file_write_atomic's names: six
 * characters after ".tmp.") last modified over a minute ago.  Nothing
 * else in the folder is touched; failures are ignored, as the next save
 * tries again. */
static void remove_stale_tmps(const char *path) {
  const char *slash = strrchr(path, '/');
  PmBuf dir = PM_BUF_INIT, full = PM_BUF_INIT;
  if (slash) pm_buf_append(&dir, path, (size_t)(slash - path) + (slash == path));
  else pm_buf_append(&dir, ".", 1);
  const char *base = slash ? slash + 1 : path;
  size_t blen = strlen(base);
  DIR *d = opendir(dir.data);
  time_t now = time(NULL);
  for (struct dirent *e; d && (e = readdir(d));) {
    const char *n = e->d_name;
    if (strncmp(n, base, blen) || strncmp(n + blen, ".tmp.", 5) ||
        strlen(n + blen + 5) != 6)
      continue;
    pm_buf_reset(&full);
    pm_buf_printf(&full, "%s/%s", dir.data, n);
    struct stat st;
    if (lstat(full.data, &st) == 0 && S_ISREG(st.st_mode) &&
        now - st.st_mtime > STALE_TMP_SECONDS)
      unlink(full.data);
  }
  if (d) closedir(d);
  pm_buf_free(&dir);
  pm_buf_free(&full);
}

static bool write_out(PmSidecar *sc, const char *path, PmError *err) {
  size_t len;
  char *text = pm_sidecar_emit(sc, &len, err);
  if (!pm_file_write_atomic(path, text, len, err)) {
    pm_free(text);
    return false;
  }
  remove_stale_tmps(path);
  pm_free(sc->loaded);
  sc->loaded = text;
  sc->loaded_len = len;
  return true;
}

bool pm_sidecar_save(PmSidecar *sc, const char *path, PmError *err) {
  if (sc->conflicts)
    return pm_error_set(err, PM_ERR_CONFLICT, "%s: the notes hold unresolved "
                        "merge conflicts; not saved", path);
  size_t len;
  bool exists;
  PmError rerr;
  pm_error_clear(&rerr);
  char *disk = read_if_any(path, &len, &exists, &rerr);
  if (exists && !disk) {
    if (err) *err = rerr;
    return false;
  }
  /* Unchanged, or removed meanwhile: a vanished file is not read as
   * "every note deleted", which would drop ours without a word. */
  if (!exists || same_as_loaded(sc, disk, len, exists)) {
    pm_free(disk);
    return write_out(sc, path, err);
  }
  /* Changed on disk since we read it. */
  PmSidecar *theirs = pm_sidecar_parse(disk, len, path, err);
  pm_free(disk);
  if (!theirs) {
    if (err) {
      static const char more[] = " (changed on disk since it was loaded; "
                                 "not overwritten)";
      size_t have = strlen(err->message);
      if (have + sizeof more <= sizeof err->message)
        memcpy(err->message + have, more, sizeof more);
    }
    return false;
  }
  PmSidecar *base = sc->loaded
                        ? pm_sidecar_parse(sc->loaded, sc->loaded_len, path, NULL)
                        : pm_sidecar_new();
  PmSidecar *merged = NULL;
  PmMergeConflicts *conf = NULL;
  bool ok = pm_merge_sidecars(base, sc, theirs, &merged, &conf, err);
  pm_sidecar_free(base);
  pm_sidecar_free(theirs);
  if (!ok) return false;
  size_t n = pm_merge_conflicts_count(conf);
  if (n) {
    PmBuf msg = PM_BUF_INIT;
    pm_buf_printf(&msg, "%s: changed on disk meanwhile and %zu conflict%s with "
                  "these notes; not saved: ", path, n, n > 1 ? "s" : "");
    for (size_t i = 0; i < n && i < 5; i++)
      pm_buf_printf(&msg, "%s%s", i ? "; " : "", pm_merge_conflicts_at(conf, i));
    pm_error_set(err, PM_ERR_CONFLICT, "%s", msg.data);
    pm_buf_free(&msg);
    pm_merge_conflicts_free(conf);
    pm_sidecar_free(merged);
    return false;
  }
  pm_merge_conflicts_free(conf);
  /* The merged notes become ours.  Should the write fail, a retry merges
   * with the disk again, which is harmless: its changes are in ours. */
  pm_sidecar__take(sc, merged);
  return write_out(sc, path, err);
}

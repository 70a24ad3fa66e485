/*
 * file.c - reading files whole and replacing them atomically.
 *
 * The atomic write is the sidecar's guarantee that nothing is lost: the
 * temporary file lives in the same folder (rename(2) is atomic only within
 * one file system) and is fsynced before the rename, and the folder after
 * it, so that a power cut cannot leave a renamed but empty file.
 */
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/buf.h"

char *pm_file_read(const char *path, size_t max, size_t *len, PmError *err) {
  bool is_stdin = strcmp(path, "-") == 0;
  int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    pm_error_set(err, PM_ERR_IO, "%s: %s", path, strerror(errno));
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!is_stdin) close(fd);
    pm_error_set(err, PM_ERR_IO, "%s: is a directory", path);
    return NULL;
  }
  size_t cap = (S_ISREG(st.st_mode) && st.st_size > 0)
                   ? (size_t)st.st_size + 1
                   : 65536;
  if (cap > max + 1) cap = max + 1;
  char *data = pm_malloc(cap + 1);
  size_t n = 0;
  for (;;) {
    if (n == cap) {
      if (cap > max) break;
      cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
      data = pm_realloc(data, cap + 1);
    }
    ssize_t r = read(fd, data + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      pm_error_set(err, PM_ERR_IO, "%s: %s", path, strerror(errno));
      pm_free(data);
      if (!is_stdin) close(fd);
      return NULL;
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  if (!is_stdin) close(fd);
  if (n > max) {
    pm_free(data);
    pm_error_set(err, PM_ERR_NOMEM, "%s: larger than the limit of %zu bytes",
                 path, max);
    return NULL;
  }
  data[n] = '\0';
  if (len) *len = n;
  return data;
}

static bool write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += w;
    n -= (size_t)w;
  }
  return true;
}

bool pm_file_write_atomic(const char *path, const void *data, size_t len,
                          PmError *err) {
  PmBuf tmp = PM_BUF_INIT;
  pm_buf_printf(&tmp, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(tmp.data);
  if (fd < 0) {
    pm_error_set(err, PM_ERR_IO, "%s: cannot create a temporary file: %s",
                 path, strerror(errno));
    pm_buf_free(&tmp);
    return false;
  }
  struct stat st;
  mode_t mode = stat(path, &st) == 0 ? (st.st_mode & 07777) : 0644;
  int saved;
  if (fchmod(fd, mode) != 0 || !write_all(fd, data, len) || fsync(fd) != 0) {
    saved = errno;
    close(fd);
    goto fail;
  }
  if (close(fd) != 0) {
    saved = errno;
    goto fail;
  }
  if (rename(tmp.data, path) != 0) {
    saved = errno;
    goto fail;
  }
  /* Make the rename itself durable. */
  char *slash = strrchr(path, '/');
  char *dir = slash ? pm_strndup(path, (size_t)(slash - path) + 1)
                    : pm_strdup(".");
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  pm_free(dir);
  pm_buf_free(&tmp);
  return true;
fail:
  unlink(tmp.data);
  pm_error_set(err, PM_ERR_IO, "%s: cannot save: %s", path, strerror(saved));
  pm_buf_free(&tmp);
  return false;
}

/*
 * file.h - whole-file reads with a size limit, and atomic replacement.
 */
#ifndef PM_UTIL_FILE_H
#define PM_UTIL_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "pressmark/error.h"

/* Reads all of `path` (or stdin when path is "-") into a NUL-terminated
 * buffer that the caller frees with pm_free; *len excludes the NUL.  Fails
 * with PM_ERR_NOMEM, naming the limit, when the file is larger than `max`
 * bytes, and with PM_ERR_IO (errno text) when it cannot be read. */
char *pm_file_read(const char *path, size_t max, size_t *len, PmError *err);

/* Replaces `path` with `data` atomically: writes a temporary file in the
 * same folder, fsyncs it, renames it over `path` and fsyncs the folder.  A
 * crash at any point leaves either the old or the new file whole.  On
 * failure the temporary file is removed and `path` is untouched.  The new
 * file gets the old file's permission bits, or 0644 when it is new. */
bool pm_file_write_atomic(const char *path, const void *data, size_t len,
                          PmError *err);

#endif

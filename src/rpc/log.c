/*
 * log.c - where the process writes about itself.  stdout carries RPC, so
 * log lines go to the file named by $PRESSMARK_LOG (appended, so several
 * runs can share one) or to stderr, which the plugin collects and shows
 * when the process dies.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <time.h>

#include "pressmark/rpc.h"

void pm_rpc_log_open(PmRpcLog *log) {
  const char *path = getenv("PRESSMARK_LOG");
  log->file = stderr;
  log->owned = false;
  if (path && *path) {
    FILE *f = fopen(path, "a");
    if (f) {
      log->file = f;
      log->owned = true;
    } else {
      pm_rpc_log(log, "cannot open log %s, logging to stderr", path);
    }
  }
}

void pm_rpc_log_close(PmRpcLog *log) {
  if (log && log->owned && log->file) fclose(log->file);
  if (log) log->file = NULL, log->owned = false;
}

void pm_rpc_log(PmRpcLog *log, const char *fmt, ...) {
  if (!log || !log->file) return;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  struct tm tm;
  gmtime_r(&ts.tv_sec, &tm);
  fprintf(log->file, "pressmark %02d:%02d:%02d.%03ld ", tm.tm_hour, tm.tm_min,
          tm.tm_sec, ts.tv_nsec / 1000000);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(log->file, fmt, ap);
  va_end(ap);
  fputc('\n', log->file);
  fflush(log->file);
}

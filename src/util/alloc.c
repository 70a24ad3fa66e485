/*
 * alloc.c - checked allocation with an optional live-block counter.
 *
 * The counter is the one piece of file-level mutable state in pressmark;
 * it exists only in test builds (PM_COUNT_ALLOC), where the unit tests read
 * it to prove that every constructor's result was freed (after the
 * threads that used them were joined).
 */
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef PM_COUNT_ALLOC
#include <stdatomic.h>
/* atomic: the analyser's worker thread allocates and frees too, and a
 * plain += from two threads loses counts (a test then saw "-1 block(s)
 * leaked" now and then under load) */
static atomic_long live_blocks;
#define COUNT(n) atomic_fetch_add_explicit(&live_blocks, (n), memory_order_relaxed)
#else
#define COUNT(n) ((void)0)
#endif

static void *check(void *p, size_t size) {
  if (!p && size) {
    fprintf(stderr, "pressmark: out of memory allocating %zu bytes\n", size);
    abort();
  }
  return p;
}

void *pm_malloc(size_t size) {
  void *p = check(malloc(size ? size : 1), size);
  COUNT(1);
  return p;
}

void *pm_calloc(size_t count, size_t size) {
  void *p = check(calloc(count ? count : 1, size ? size : 1), count * size);
  COUNT(1);
  return p;
}

void *pm_realloc(void *ptr, size_t size) {
  if (!ptr) return pm_malloc(size);
  return check(realloc(ptr, size ? size : 1), size);
}

void pm_free(void *ptr) {
  if (!ptr) return;
  COUNT(-1);
  free(ptr);
}

char *pm_strndup(const char *s, size_t n) {
  char *p = pm_malloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *pm_strdup(const char *s) { return pm_strndup(s, strlen(s)); }

long pm_alloc_live(void) {
#ifdef PM_COUNT_ALLOC
  return atomic_load(&live_blocks);
#else
  return 0;
#endif
}

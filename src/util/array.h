/*
 * array.h - one growable array for every module.
 *
 * An array is a struct with `contents`, `size` and `capacity`, declared with
 * PmArray(T).  The macros grow it geometrically through pm_realloc, so a
 * push is amortised O(1).  Modelled on tree-sitter's lib/src/array.h.
 *
 *   PmArray(uint32_t) xs = pm_array_new();
 *   pm_array_push(&xs, 7);
 *   pm_array_delete(&xs);
 */
#ifndef PM_UTIL_ARRAY_H
#define PM_UTIL_ARRAY_H

#include <stdint.h>
#include <string.h>

#include "util/alloc.h"

#define PmArray(T)       \
  struct {               \
    T *contents;         \
    uint32_t size;       \
    uint32_t capacity;   \
  }

#define pm_array_new() \
  { NULL, 0, 0 }

#define pm_array_init(a) ((a)->contents = NULL, (a)->size = 0, (a)->capacity = 0)

/* Makes room for at least `n` elements in total. */
#define pm_array_reserve(a, n)                                                \
  pm_array__reserve((void **)&(a)->contents, &(a)->capacity,                  \
                    sizeof(*(a)->contents), (n))

#define pm_array_push(a, ...)                                                 \
  (pm_array__grow((void **)&(a)->contents, (a)->size, &(a)->capacity,         \
                  sizeof(*(a)->contents)),                                    \
   (a)->contents[(a)->size++] = (__VA_ARGS__))

/* Pushes a zeroed element and returns a pointer to it. */
#define pm_array_grow_one(a)                                                  \
  (pm_array__grow((void **)&(a)->contents, (a)->size, &(a)->capacity,         \
                  sizeof(*(a)->contents)),                                    \
   memset(&(a)->contents[(a)->size], 0, sizeof(*(a)->contents)),              \
   &(a)->contents[(a)->size++])

#define pm_array_pop(a) ((a)->contents[--(a)->size])
#define pm_array_back(a) (&(a)->contents[(a)->size - 1])
#define pm_array_clear(a) ((a)->size = 0)

/* Removes element `i`, keeping order. */
#define pm_array_erase(a, i)                                                  \
  (memmove(&(a)->contents[(i)], &(a)->contents[(i) + 1],                      \
           ((a)->size - (i) - 1) * sizeof(*(a)->contents)),                   \
   (a)->size--)

#define pm_array_delete(a)                                                    \
  (pm_free((a)->contents), (a)->contents = NULL, (a)->size = 0,               \
   (a)->capacity = 0)

static inline void pm_array__reserve(void **contents, uint32_t *capacity,
                                     size_t elem, uint32_t n) {
  if (n <= *capacity) return;
  *contents = pm_realloc(*contents, (size_t)n * elem);
  *capacity = n;
}

static inline void pm_array__grow(void **contents, uint32_t size,
                                  uint32_t *capacity, size_t elem) {
  if (size < *capacity) return;
  uint32_t n = *capacity ? *capacity * 2 : 8;
  pm_array__reserve(contents, capacity, elem, n);
}

#endif

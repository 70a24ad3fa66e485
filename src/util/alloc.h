/*
 * alloc.h - the only way pressmark allocates.
 *
 * Every module calls pm_malloc/pm_calloc/pm_realloc/pm_free instead of the
 * libc functions so that test builds (compiled with -DPM_COUNT_ALLOC) can
 * count live blocks and unit tests can assert that nothing leaked, as
 * tree-sitter does under TREE_SITTER_TEST.  Allocation failure aborts with
 * a message on stderr: pressmark bounds every size it takes from input
 * before allocating, so running out of memory is not a recoverable state.
 */
#ifndef PM_UTIL_ALLOC_H
#define PM_UTIL_ALLOC_H

#include <stddef.h>

void *pm_malloc(size_t size);
void *pm_calloc(size_t count, size_t size);
void *pm_realloc(void *ptr, size_t size);
void pm_free(void *ptr);
char *pm_strdup(const char *s);
char *pm_strndup(const char *s, size_t n);

/* Number of blocks allocated and not yet freed.  Always 0 unless the build
 * defines PM_COUNT_ALLOC. */
long pm_alloc_live(void);

#endif

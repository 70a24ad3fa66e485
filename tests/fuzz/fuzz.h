/*
 * fuzz.h - the check used by the fuzz targets: a failed property names
 * itself on stderr and aborts, so libFuzzer keeps the input and the replay
 * (driver.c) says which property broke.
 */
#ifndef PM_FUZZ_H
#define PM_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_FAIL_IF(cond)                                                   \
  do {                                                                       \
    if (cond) {                                                              \
      fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__,    \
              #cond);                                                        \
      abort();                                                               \
    }                                                                        \
  } while (0)

#endif

/*
 * test.h - the unit-test harness: TAP-like lines, a closing count, and a
 * leak check.  Each tests/unit/test_<module>.c defines its tests as
 * functions and lists them in main with RUN(name).
 *
 *   static void parses_empty_input(void) { CHECK(...); CHECK_EQ_INT(a, b); }
 *   int main(void) { RUN(parses_empty_input); return test_done(); }
 *
 * A test fails if any CHECK fails or if it leaves blocks allocated through
 * pm_malloc (the test build counts them; see src/util/alloc.h).
 */
#ifndef PM_TEST_H
#define PM_TEST_H

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"

static int test_passed, test_failed, test_current_failed, test_number;

#define CHECK(cond)                                                      \
  do {                                                                   \
    if (!(cond)) {                                                       \
      printf("#   %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      test_current_failed = 1;                                           \
    }                                                                    \
  } while (0)

#define CHECK_EQ_INT(a, b)                                                   \
  do {                                                                       \
    long long a_ = (long long)(a), b_ = (long long)(b);                      \
    if (a_ != b_) {                                                          \
      printf("#   %s:%d: %s == %lld, expected %s == %lld\n", __FILE__,       \
             __LINE__, #a, a_, #b, b_);                                      \
      test_current_failed = 1;                                               \
    }                                                                        \
  } while (0)

#define CHECK_EQ_STR(a, b)                                                   \
  do {                                                                       \
    const char *a_ = (a), *b_ = (b);                                         \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                 \
      printf("#   %s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__,         \
             __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");          \
      test_current_failed = 1;                                               \
    }                                                                        \
  } while (0)

static inline void test_run(void (*fn)(void), const char *name) {
  long live_before = pm_alloc_live();
  test_current_failed = 0;
  fn();
  long leaked = pm_alloc_live() - live_before;
  if (leaked) {
    printf("#   %ld block(s) leaked\n", leaked);
    test_current_failed = 1;
  }
  test_number++;
  if (test_current_failed) {
    test_failed++;
    printf("not ok %d - %s\n", test_number, name);
  } else {
    test_passed++;
    printf("ok %d - %s\n", test_number, name);
  }
  fflush(stdout);
}

#define RUN(fn) test_run(fn, #fn)

static inline int test_done(void) {
  printf("%d passed, %d failed\n", test_passed, test_failed);
  return test_failed ? 1 : 0;
}

#endif

/*
 * driver.c - runs a fuzz target's LLVMFuzzerTestOneInput on files, without
 * libFuzzer.  `make test` links each target with this driver against the
 * sanitized library and replays every kept input (tests/fuzz/<target>/),
 * so a crash found once by `make fuzz` stays fixed.
 *
 *   build/asan/fuzz/fuzz_rpc tests/fuzz/rpc/<files>
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/alloc.h"
#include "util/file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
  int ran = 0, failed = 0;
  for (int i = 1; i < argc; i++) {
    PmError err;
    size_t len = 0;
    char *data = pm_file_read(argv[i], (size_t)64 << 20, &len, &err);
    ran++;
    if (!data) {
      printf("not ok %d - %s: %s\n", ran, argv[i], err.message);
      failed++;
      continue;
    }
    /* A sanitizer report aborts the process, so reaching the next line
     * means this input passed. */
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    pm_free(data);
    printf("ok %d - %s\n", ran, argv[i]);
    fflush(stdout);
  }
  printf("%d passed, %d failed\n", ran - failed, failed);
  return failed ? 1 : 0;
}

/* test_util.c - UTF-8 decoding, buffers, JSON strings, arrays, files. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "util/array.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/utf8.h"

static void utf8_decodes_valid_sequences(void) {
  int32_t cp;
  CHECK_EQ_INT(pm_utf8_decode((const unsigned char *)"\xC2\xAB", 2, &cp), 2);
  CHECK_EQ_INT(cp, 0xAB);
  CHECK_EQ_INT(pm_utf8_decode((const unsigned char *)"\xE2\x80\xAF", 3, &cp), 3);
  CHECK_EQ_INT(cp, 0x202F);
  CHECK_EQ_INT(pm_utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
  CHECK_EQ_INT(cp, 0x1F600);
}

static void utf8_rejects_overlong_surrogate_and_truncated(void) {
  int32_t cp;
  CHECK_EQ_INT(pm_utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 1);
  CHECK_EQ_INT(cp, -1);
  CHECK_EQ_INT(pm_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 1);
  CHECK_EQ_INT(cp, -1);
  CHECK_EQ_INT(pm_utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 1);
  CHECK_EQ_INT(cp, -1);
  CHECK_EQ_INT(pm_utf8_count("a\xFF\xC2\xAB", 4), 3);
}

static void json_string_escapes_and_replaces_bad_bytes(void) {
  PmBuf b = PM_BUF_INIT;
  pm_buf_json_string(&b, "a\"b\\\n\x01\xFF\xC2\xAB", 9);
  CHECK_EQ_STR(b.data, "\"a\\\"b\\\\\\n\\u0001\xEF\xBF\xBD\xC2\xAB\"");
  pm_buf_free(&b);
}

static void array_grows_and_erases(void) {
  PmArray(int) xs = pm_array_new();
  for (int i = 0; i < 100; i++) pm_array_push(&xs, i);
  CHECK_EQ_INT(xs.size, 100);
  pm_array_erase(&xs, 0);
  CHECK_EQ_INT(xs.contents[0], 1);
  CHECK_EQ_INT(pm_array_pop(&xs), 99);
  pm_array_delete(&xs);
}

static void atomic_write_replaces_and_keeps_mode(void) {
  char dir[] = "/tmp/pm-test-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char path[64];
  snprintf(path, sizeof path, "%s/f", dir);
  PmError err;
  CHECK(pm_file_write_atomic(path, "one", 3, &err));
  chmod(path, 0600);
  CHECK(pm_file_write_atomic(path, "two!", 4, &err));
  size_t len = 0;
  char *data = pm_file_read(path, 100, &len, &err);
  CHECK(data && len == 4 && !memcmp(data, "two!", 4));
  struct stat st;
  CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
  pm_free(data);
  CHECK(pm_file_read(path, 2, &len, &err) == NULL);
  CHECK(strstr(err.message, "limit") != NULL);
  unlink(path);
  rmdir(dir);
}

static void atomic_write_into_missing_folder_fails_cleanly(void) {
  PmError err;
  CHECK(!pm_file_write_atomic("/nonexistent-dir/x", "a", 1, &err));
  CHECK_EQ_INT(err.code, PM_ERR_IO);
  CHECK(strstr(err.message, "/nonexistent-dir/x") != NULL);
}

int main(void) {
  RUN(utf8_decodes_valid_sequences);
  RUN(utf8_rejects_overlong_surrogate_and_truncated);
  RUN(json_string_escapes_and_replaces_bad_bytes);
  RUN(array_grows_and_erases);
  RUN(atomic_write_replaces_and_keeps_mode);
  RUN(atomic_write_into_missing_folder_fails_cleanly);
  return test_done();
}

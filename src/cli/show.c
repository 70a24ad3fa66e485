/*
 * show.c - `pressmark show SIDECAR`: the notes for humans, in article
 * order, from the sidecar alone.
 *
 * Made to be a git textconv (`diff.pressmark.textconv`): git hands it a
 * temporary copy, so it never looks for the article.  A file that does not
 * parse (say, one with conflict markers) is printed as it is, after a
 * message on stderr, with exit status 0: a failing textconv would make
 * `git diff` itself fail, which helps nobody resolve the file.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "pressmark/sidecar.h"
#include "util/alloc.h"
#include "util/file.h"

static void indented(const char *s) {
  if (!*s) return;
  fputs("    ", stdout);
  for (; *s; s++) {
    putchar(*s);
    if (*s == '\n' && s[1]) fputs("    ", stdout);
  }
  if (s[-1] != '\n') putchar('\n');
}

int pm_cmd_show(int argc, char **argv) {
  if (argc != 2 || argv[1][0] == '-') {
    bool help = argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
    fprintf(help ? stdout : stderr, "usage: pressmark show SIDECAR\n"
            "  Lists the notes in article order (usable as a git textconv).\n");
    return help ? 0 : 2;
  }
  PmError err;
  pm_error_clear(&err);
  size_t len;
  char *bytes = pm_file_read(argv[1], PM_SIDECAR_MAX_BYTES, &len, &err);
  if (!bytes) {
    fprintf(stderr, "pressmark show: %s\n", err.message);
    return 2;
  }
  PmSidecar *sc = len ? pm_sidecar_parse(bytes, len, argv[1], &err) : pm_sidecar_new();
  if (!sc) {
    fprintf(stderr, "pressmark show: %s (shown as is)\n", err.message);
    fwrite(bytes, 1, len, stdout);
    pm_free(bytes);
    return 0;
  }
  pm_free(bytes);
  pm_sidecar_sort(sc);
  size_t n = pm_sidecar_note_count(sc);
  const char *art = pm_sidecar_article_path(sc);
  printf("pressmark notes%s%s: %zu note%s\n", art ? " on " : "", art ? art : "",
         n, n == 1 ? "" : "s");
  for (size_t i = 0; i < n; i++) {
    const PmNote *note = pm_sidecar_note_at(sc, i);
    putchar('\n');
    printf("%s", pm_note_target(note));
    if (pm_note_line(note)) printf(", line %u", pm_note_line(note));
    printf(", %s", pm_note_speaker(note) ? pm_note_speaker(note) : "no speaker given");
    if (pm_note_verdict(note)) printf(", verdict: %s", pm_note_verdict(note));
    if (pm_note_dismissed(note)) printf(", dismissed");
    printf("  [%s]\n", pm_note_id(note));
    printf("  \"");
    for (const char *p = pm_note_exact(note); p && *p; p++)
      putchar(*p == '\n' ? ' ' : *p);
    printf("\"\n");
    if (pm_note_text(note)) indented(pm_note_text(note));
    for (size_t k = 0; k < pm_note_source_count(note); k++)
      printf("    source: %s\n", pm_note_source_at(note, k));
    if (pm_note_author(note) || pm_note_updated(note))
      printf("    -- %s%s%s\n", pm_note_author(note) ? pm_note_author(note) : "",
             pm_note_author(note) && pm_note_updated(note) ? ", " : "",
             pm_note_updated(note) ? pm_note_updated(note) : "");
  }
  pm_sidecar_free(sc);
  return 0;
}

/*
 * export.c - `pressmark export --format claimreview|w3c [--url URL]
 * ARTICLE`: the notes of ARTICLE's sidecar as JSON-LD on stdout.
 *
 * The article is read so that notes are re-anchored first: the W3C
 * TextPositionSelector must describe the article as it is, in code points.
 * Exit 0, or 2 when the sidecar or the article cannot be read.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "pressmark/export.h"
#include "pressmark/sidecar.h"
#include "util/alloc.h"
#include "util/file.h"

static int usage(FILE *f, int status) {
  fprintf(f, "usage: pressmark export --format claimreview|w3c [--url URL] ARTICLE\n"
             "  claimreview: schema.org ClaimReview JSON-LD, notes with a verdict\n"
             "  w3c: W3C Web Annotation JSON-LD, every note\n"
             "  --url: the article's public URL (default: article.url in the sidecar)\n");
  return status;
}

static const char *basename_of(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

int pm_cmd_export(int argc, char **argv) {
  const char *format = NULL, *url = NULL, *article = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return usage(stdout, 0);
    if ((!strcmp(argv[i], "--format") || !strcmp(argv[i], "--url")) && i + 1 < argc) {
      if (argv[i][2] == 'f') format = argv[++i];
      else url = argv[++i];
    } else if (!strncmp(argv[i], "--format=", 9)) {
      format = argv[i] + 9;
    } else if (!strncmp(argv[i], "--url=", 6)) {
      url = argv[i] + 6;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "pressmark export: unknown option '%s'\n", argv[i]);
      return usage(stderr, 2);
    } else if (article) {
      fprintf(stderr, "pressmark export: one article at a time\n");
      return usage(stderr, 2);
    } else {
      article = argv[i];
    }
  }
  PmExportFormat fmt;
  if (!format || !article) return usage(stderr, 2);
  if (!pm_export_format_parse(format, &fmt)) {
    fprintf(stderr, "pressmark export: unknown format '%s' (claimreview or w3c)\n",
            format);
    return 2;
  }
  PmError err;
  pm_error_clear(&err);
  size_t len;
  char *text = pm_file_read(article, (size_t)1 << 31, &len, &err);
  if (!text) {
    fprintf(stderr, "pressmark export: %s\n", err.message);
    return 2;
  }
  char *path = pm_sidecar_path_for(article);
  PmSidecar *sc = pm_sidecar_load(path, &err);
  pm_free(path);
  if (!sc) {
    fprintf(stderr, "pressmark export: %s\n", err.message);
    pm_free(text);
    return 2;
  }
  PmExportOptions opt = {url, basename_of(article)};
  size_t out_len;
  char *json = pm_export(sc, text, len, fmt, &opt, &out_len, &err);
  fwrite(json, 1, out_len, stdout);
  pm_free(json);
  pm_sidecar_free(sc);
  pm_free(text);
  return fflush(stdout) == 0 ? 0 : 2;
}

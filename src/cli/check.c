/*
 * check.c - `pressmark check [--write] ARTICLE`: loads ARTICLE's sidecar,
 * re-anchors every note on the article as it is now, and prints one line
 * per note with its outcome.
 *
 * Exit status, for CI: 0 when every note is anchored or moved, 1 when any
 * is fuzzy, ambiguous or orphaned, 2 when the sidecar or the article
 * cannot be read (or on a usage error).  Read-only unless --write, which
 * saves the re-anchored places (and the article's digest) through the
 * same atomic, no-lost-update save as the editor, never dropping a note.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "pressmark/analysis.h"
#include "pressmark/anchor.h"
#include "pressmark/sidecar.h"
#include "util/alloc.h"
#include "util/file.h"

#define ARTICLE_MAX ((size_t)1 << 31)

static void usage(FILE *f) {
  fprintf(f, "usage: pressmark check [--write] ARTICLE\n"
             "  Re-anchors the notes of ARTICLE.factcheck.yaml on ARTICLE.\n"
             "  Exit 0: all anchored or moved; 1: some fuzzy, ambiguous or\n"
             "  orphan; 2: the sidecar or the article cannot be read.\n");
}

/* The annotated text on one line, cut to about 60 bytes on a character
 * boundary. */
static void excerpt(const char *s) {
  size_t n = strlen(s), cut = n > 60 ? 60 : n;
  while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80) cut++;
  putchar('"');
  for (size_t i = 0; i < cut; i++) putchar(s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
  fputs(cut < n ? "...\"" : "\"", stdout);
}

/* Makes `text` what the editor shows, which is what notes made there were
 * anchored on: without a leading UTF-8 byte-order mark, and without the CR
 * of CRLF line ends when every line has one (Neovim's 'fileformat' dos).
 * Otherwise a note would come out moved by 3 bytes on a BOM file, and one
 * spanning lines fuzzy on a CRLF file, every time.  Returns the start of
 * the text, edited in place; *len is updated. */
static char *editor_view(char *text, size_t *len) {
  size_t n = *len;
  if (n >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) text += 3, n -= 3;
  size_t lf = 0, crlf = 0;
  for (size_t i = 0; i < n; i++)
    if (text[i] == '\n') lf++, crlf += i > 0 && text[i - 1] == '\r';
  if (lf > 0 && crlf == lf) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
      if (!(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) text[o++] = text[i];
    n = o;
  }
  *len = n;
  return text;
}

static const char *basename_of(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

int pm_cmd_check(int argc, char **argv) {
  bool write = false;
  const char *article = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--write")) write = true;
    else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return usage(stdout), 0;
    else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "pressmark check: unknown option '%s'\n", argv[i]);
      return usage(stderr), 2;
    } else if (article) {
      fprintf(stderr, "pressmark check: one article at a time\n");
      return usage(stderr), 2;
    } else article = argv[i];
  }
  if (!article) return usage(stderr), 2;
  PmError err;
  pm_error_clear(&err);
  size_t len;
  char *text = pm_file_read(article, ARTICLE_MAX, &len, &err);
  if (!text) {
    fprintf(stderr, "pressmark check: %s\n", err.message);
    return 2;
  }
  /* A binary file in the article's place (a PDF saved over it, a wrong
   * name) would orphan every note, and --write would save that. */
  char what[64];
  if (pm_analysis_is_binary(text, len < 65536 ? len : 65536, what, sizeof what)) {
    fprintf(stderr, "pressmark check: %s: binary file (%s), notes not re-anchored\n",
            article, what);
    pm_free(text);
    return 2;
  }
  char *path = pm_sidecar_path_for(article);
  PmSidecar *sc = pm_sidecar_load(path, &err);
  if (!sc) {
    fprintf(stderr, "pressmark check: %s\n", err.message);
    pm_free(path);
    pm_free(text);
    return 2;
  }
  /* The digest is of the file as it is; anchors are on the editor's view. */
  char hex[65];
  pm_sha256_hex(text, len, hex);
  size_t vlen = len;
  const char *view = editor_view(text, &vlen);
  PmAnchorStats st;
  pm_sidecar_reanchor(sc, view, vlen, &st);
  pm_sidecar_sort(sc);
  for (size_t i = 0; i < pm_sidecar_note_count(sc); i++) {
    const PmNote *n = pm_sidecar_note_at(sc, i);
    const PmAnchorResult *r = pm_note_anchor_result(n);
    printf("%-9s %s  ", pm_anchor_outcome_name(r->outcome), pm_note_id(n));
    switch (r->outcome) {
      case PM_ANCHOR_ANCHORED: printf("%u:%u  ", r->line, r->col); break;
      case PM_ANCHOR_MOVED:
        printf("%u:%u (was %u:%u)  ", r->line, r->col, pm_note_line(n), pm_note_col(n));
        break;
      case PM_ANCHOR_FUZZY:
        printf("%u:%u (%u edit%s)  ", r->line, r->col, r->errors, r->errors == 1 ? "" : "s");
        break;
      case PM_ANCHOR_AMBIGUOUS: printf("- (%u places)  ", r->candidates); break;
      default: printf("- (was %u:%u)  ", pm_note_line(n), pm_note_col(n)); break;
    }
    excerpt(pm_note_exact(n) ? pm_note_exact(n) : "");
    putchar('\n');
  }
  size_t total = pm_sidecar_note_count(sc);
  printf("%zu note%s: %u anchored, %u moved, %u fuzzy, %u ambiguous, %u orphan\n",
         total, total == 1 ? "" : "s", st.anchored, st.moved, st.fuzzy,
         st.ambiguous, st.orphan);
  int status = st.fuzzy || st.ambiguous || st.orphan ? 1 : 0;
  if (write && total) {
    pm_sidecar_apply_anchors(sc, view, vlen);
    pm_sidecar_set_article(sc, basename_of(article), hex);
    if (!pm_sidecar_save(sc, path, &err)) {
      fprintf(stderr, "pressmark check: %s\n", err.message);
      status = 2;
    }
  }
  pm_sidecar_free(sc);
  pm_free(path);
  pm_free(text);
  fflush(stdout);
  return status;
}

/*
 * sidecar_bench.c - the figures of bench/30-sidecar.sh: 10,000 notes on a
 * 10 MB article, loaded, re-anchored and saved, against baselines timed in
 * the same run.  Built by that script against build/libpressmark.a.
 *
 * Baselines:
 *   - floor for loading: libyaml's event parser run over the same file,
 *     with nothing built (what any YAML sidecar reader must pay);
 *   - naive re-anchoring: one memmem from the start of the article per
 *     note, the notes x size approach the batch avoids (timed on 200
 *     notes and scaled to all of them).
 * Prints; never fails on a slow figure.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "pressmark/anchor.h"
#include "pressmark/sidecar.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/file.h"

#define NOTES 10000
#define TARGET_BYTES (10u * 1000u * 1000u)

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint64_t rng = 88172645463325252ull;
static uint32_t rnd(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return (uint32_t)rng;
}

static const char *const words[] = {
    "le", "port", "travaux", "budget", "mairie", "conseil", "pêcheurs",
    "chantier", "commerce", "emploi", "élue", "bateau", "quai", "digue",
    "marée", "hiver", "selon", "déclaré", "ministre", "réforme", "hausse",
    "baisse", "millions", "euros", "habitants", "région", "école", "santé"};

/* One sentence of `n` words, plus a serial number to make it unique. */
static void sentence(PmBuf *b, unsigned serial) {
  unsigned n = 8 + rnd() % 10;
  for (unsigned i = 0; i < n; i++) {
    pm_buf_puts(b, words[rnd() % (sizeof words / sizeof *words)]);
    pm_buf_putc(b, ' ');
  }
  pm_buf_printf(b, "n%u.", serial);
}

static double best_of(int runs, double (*fn)(void *), void *arg) {
  double best = 1e18;
  for (int i = 0; i < runs; i++) {
    double t = fn(arg);
    if (t < best) best = t;
  }
  return best;
}

typedef struct {
  const char *path;
  const char *text;
  size_t len;
  const char *yaml;
  size_t yaml_len;
  PmAnchorStats st;
} Ctx;

static double t_load_anchor(void *p) {
  Ctx *c = p;
  double t0 = now_ms();
  PmSidecar *sc = pm_sidecar_load(c->path, NULL);
  pm_sidecar_reanchor(sc, c->text, c->len, &c->st);
  double t = now_ms() - t0;
  pm_sidecar_free(sc);
  return t;
}

static double t_load(void *p) {
  Ctx *c = p;
  double t0 = now_ms();
  PmSidecar *sc = pm_sidecar_load(c->path, NULL);
  double t = now_ms() - t0;
  pm_sidecar_free(sc);
  return t;
}

static double t_libyaml_floor(void *p) {
  Ctx *c = p;
  double t0 = now_ms();
  size_t len;
  char *bytes = pm_file_read(c->path, 1u << 30, &len, NULL);
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)bytes, len);
  yaml_event_t ev;
  for (;;) {
    if (!yaml_parser_parse(&parser, &ev)) break;
    int end = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
    if (end) break;
  }
  yaml_parser_delete(&parser);
  pm_free(bytes);
  return now_ms() - t0;
}

static double t_sha(void *p) {
  Ctx *c = p;
  char hex[65];
  double t0 = now_ms();
  pm_sha256_hex(c->text, c->len, hex);
  return now_ms() - t0;
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "/tmp";
  PmBuf art = PM_BUF_INIT;
  /* ~10 MB: paragraphs of a few sentences. */
  unsigned serial = 0;
  while (art.len < TARGET_BYTES) {
    for (int s = 0; s < 4; s++) {
      sentence(&art, serial++);
      pm_buf_putc(&art, ' ');
    }
    pm_buf_puts(&art, "\n\n");
  }
  /* Notes on sentences spread evenly through the text. */
  PmSidecar *sc = pm_sidecar_new();
  pm_sidecar_set_clock(sc, 1735787045);
  pm_sidecar_set_author(sc, "Bench");
  size_t step = art.len / NOTES, line_at = 0, line_start = 0;
  uint32_t line = 1;
  for (unsigned i = 0; i < NOTES; i++) {
    /* The sentence starting after offset i * step. */
    const char *p = art.data + i * step;
    const char *dot = strstr(p, ". ");
    const char *start = dot ? dot + 2 : p;
    while (*start == '\n') start++;
    const char *end = strchr(start, '.');
    if (!end || end <= start) continue;
    char *exact = pm_strndup(start, (size_t)(end - start));
    PmNote *n = pm_sidecar_note_add(sc, i % 2 ? "claim" : "quote", exact, NULL);
    /* Line and column by walking forward from the previous note (the
     * one-shot pm_note_anchor_at counts from the start of the text). */
    while (line_at < (size_t)(start - art.data)) {
      if (art.data[line_at] == '\n') line++, line_start = line_at + 1;
      line_at++;
    }
    PmAnchorSpec ctx;
    pm_anchor_context(art.data, art.len, (uint32_t)(start - art.data),
                      (uint32_t)(end - art.data), &ctx);
    char *pre = pm_strndup(ctx.prefix, ctx.prefix_len);
    char *suf = pm_strndup(ctx.suffix, ctx.suffix_len);
    pm_note_set_anchor(n, exact, pre, suf, line,
                       (uint32_t)(start - art.data - line_start));
    pm_free(pre);
    pm_free(suf);
    pm_note_set_text(n, "Checked against the council minutes.\nSecond line.");
    if (i % 3 == 0) pm_note_set_verdict(n, "misleading", NULL);
    pm_free(exact);
  }
  PmBuf path = PM_BUF_INIT;
  pm_buf_printf(&path, "%s/bench.txt.factcheck.yaml", dir);
  PmError err;
  double t0 = now_ms();
  if (!pm_sidecar_save(sc, path.data, &err)) {
    fprintf(stderr, "save: %s\n", err.message);
    return 1;
  }
  double t_first_save = now_ms() - t0;
  size_t ylen;
  char *y = pm_file_read(path.data, 1u << 30, &ylen, NULL);
  printf("article %.1f MB, %zu notes, sidecar %.1f MB\n", art.len / 1e6,
         pm_sidecar_note_count(sc), ylen / 1e6);
  pm_free(y);

  Ctx c = {path.data, art.data, art.len, NULL, 0, {0}};
  double floor_ms = best_of(3, t_libyaml_floor, &c);
  double load_ms = best_of(3, t_load, &c);
  double la_ms = best_of(3, t_load_anchor, &c);
  double sha_ms = best_of(3, t_sha, &c);
  printf("load                      %8.1f ms   (libyaml events only: %.1f ms, "
         "ratio %.2f)\n", load_ms, floor_ms, load_ms / floor_ms);
  printf("load + re-anchor, same    %8.1f ms   target <= 200 ms   "
         "[%u anchored]\n", la_ms, c.st.anchored);
  printf("sha256 of the article     %8.1f ms   (checked on save/--write only)\n",
         sha_ms);

  /* Damage: a paragraph at the top, 1 %% of the notes' sentences get a
   * typo, 0.5 %% are deleted. */
  PmSidecar *loaded = pm_sidecar_load(path.data, NULL);
  for (int pct = 1; pct <= 10; pct *= 10) {
    PmBuf dmg = PM_BUF_INIT;
    pm_buf_puts(&dmg, "Un paragraphe ajouté en tête de l'article.\n\n");
    size_t at = 0;
    unsigned typos = 0, cut = 0;
    for (size_t i = 0; i < pm_sidecar_note_count(loaded); i++) {
      PmNote *n = pm_sidecar_note_at(loaded, i);
      const char *ex = pm_note_exact(n);
      const char *p = memmem(art.data + at, art.len - at, ex, strlen(ex));
      if (!p) continue;
      size_t off = (size_t)(p - art.data);
      unsigned r = rnd() % 1000;
      if (r < (unsigned)pct * 10) {
        pm_buf_append(&dmg, art.data + at, off - at);
        pm_buf_append(&dmg, ex, strlen(ex) / 2);
        pm_buf_putc(&dmg, 'X'); /* one substitution in the middle */
        pm_buf_append(&dmg, ex + strlen(ex) / 2 + 1, strlen(ex) - strlen(ex) / 2 - 1);
        at = off + strlen(ex);
        typos++;
      } else if (r < (unsigned)pct * 10 + (unsigned)pct * 5) {
        pm_buf_append(&dmg, art.data + at, off - at);
        at = off + strlen(ex);
        cut++;
      }
    }
    pm_buf_append(&dmg, art.data + at, art.len - at);
    Ctx d = {path.data, dmg.data, dmg.len, NULL, 0, {0}};
    double dm = best_of(3, t_load_anchor, &d);
    printf("load + re-anchor, %2d %% damaged %6.1f ms   [%u moved, %u fuzzy, "
           "%u ambiguous, %u orphan; %u typos, %u deleted]\n", pct, dm,
           d.st.moved, d.st.fuzzy, d.st.ambiguous, d.st.orphan, typos, cut);
    pm_buf_free(&dmg);
  }

  /* Naive: memmem from the start for each note, 200 notes, scaled. */
  t0 = now_ms();
  size_t found = 0;
  for (size_t i = 0; i < 200; i++) {
    PmNote *n = pm_sidecar_note_at(loaded, i * (pm_sidecar_note_count(loaded) / 200));
    const char *ex = pm_note_exact(n);
    if (memmem(art.data, art.len, ex, strlen(ex))) found++;
  }
  double naive = (now_ms() - t0) * pm_sidecar_note_count(loaded) / 200.0;
  printf("naive search per note     %8.1f ms   (memmem from the start, "
         "scaled from 200 notes; batch/naive %.3f)\n", naive, la_ms / naive);

  /* Save: emit and atomic write of the loaded sidecar, one note edited. */
  pm_note_set_text(pm_sidecar_note_at(loaded, 17), "edited");
  t0 = now_ms();
  if (!pm_sidecar_save(loaded, path.data, &err)) fprintf(stderr, "save: %s\n", err.message);
  double save_ms = now_ms() - t0;
  printf("save (emit, compare, fsync, rename) %5.1f ms   (first save %.1f ms)\n",
         save_ms, t_first_save);
  pm_sidecar_free(loaded);
  pm_sidecar_free(sc);
  remove(path.data);
  pm_buf_free(&path);
  pm_buf_free(&art);
  return found ? 0 : 1;
}

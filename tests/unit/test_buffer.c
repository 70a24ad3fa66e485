/*
 * test_buffer.c - the attached-buffer document (src/server/buffer.c):
 * blocks, incremental analysis, mark batches and items.
 *
 * The central check: after any sequence of edits, the document holds the
 * same analysis as a document built from scratch on the same lines, and
 * the marks Neovim would hold (replaying every batch) are exactly one per
 * mark of the document, with no id lost or duplicated.
 */
#include <stdlib.h>
#include <string.h>

#include "server/buffer.h"
#include "test.h"
#include "util/array.h"

typedef PmArray(uint32_t) IdArray;

static PmLang *load(void) {
  const char *files[] = {"lang/fr.yaml", "lang/en.yaml"};
  PmError err;
  PmLang *l = pm_lang_load(files, 2, &err);
  if (!l) printf("#   %s\n", err.message);
  return l;
}

static void set(PmBufDoc *doc, int64_t first, int64_t last,
                const char *const *lines, size_t n) {
  PmBufLine *ls = pm_malloc((n ? n : 1) * sizeof *ls);
  for (size_t i = 0; i < n; i++) {
    ls[i].s = lines[i];
    ls[i].len = (uint32_t)strlen(lines[i]);
  }
  PmError err;
  bool ok = pm_bufdoc_set_lines(doc, first, last, ls, n, &err);
  if (!ok) printf("#   %s\n", err.message);
  CHECK(ok);
  pm_free(ls);
}

static const char *const FR[] = {
    "Le ministre de l'Intérieur, Manuel Valls, a présenté mardi son plan.",
    "« Nous ne céderons rien », a déclaré Manuel Valls devant les députés.",
    "",
    "Selon l'Insee, le chômage a baissé de 3 % en 2015.",
};

static void first_batch_clears_and_sets_every_mark(void) {
  PmLang *l = load();
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, FR, 4);
  CHECK_EQ_INT(pm_bufdoc_line_count(doc), 4);
  CHECK(pm_bufdoc_update(doc, 0));
  CHECK(pm_bufdoc_has_batch(doc));
  bool clear;
  const uint32_t *del;
  const PmMark *m;
  size_t nd, nm;
  pm_bufdoc_batch(doc, &clear, &del, &nd, &m, &nm);
  CHECK(clear);
  CHECK_EQ_INT(nd, 0);
  bool quote = false;
  for (size_t i = 0; i < nm; i++) {
    if (m[i].group == PM_HL_QUOTE) {
      quote = true;
      CHECK_EQ_INT(m[i].row, 1);
      CHECK_EQ_INT(m[i].col, 3); /* after "« " (2 + 1 bytes) */
      CHECK_EQ_INT(m[i].end_row, 1);
      CHECK_EQ_INT(m[i].end_col, 25);
    }
    CHECK(m[i].id > 0 && m[i].id < 0x40000000u);
  }
  CHECK(quote);
  pm_bufdoc_batch_done(doc, true);
  CHECK(!pm_bufdoc_has_batch(doc));
  pm_bufdoc_free(doc);
  pm_bufdoc_free(NULL);
  pm_lang_free(l);
}

static void a_dropped_batch_is_sent_again(void) {
  PmLang *l = load();
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, FR, 4);
  pm_bufdoc_update(doc, 0);
  bool clear;
  const uint32_t *del;
  const PmMark *m;
  size_t nd, nm, nm2;
  pm_bufdoc_batch(doc, &clear, &del, &nd, &m, &nm);
  pm_bufdoc_batch_done(doc, true);
  const char *line[] = {"« Rien », a dit Paul Martin."};
  set(doc, 1, 2, line, 1);
  pm_bufdoc_update(doc, 0);
  pm_bufdoc_batch(doc, &clear, &del, &nd, &m, &nm);
  CHECK(!clear);
  CHECK(nd > 0); /* the old line's marks */
  size_t nd_first = nd;
  pm_bufdoc_batch_done(doc, false);
  CHECK(pm_bufdoc_has_batch(doc));
  pm_bufdoc_batch(doc, &clear, &del, &nd, &m, &nm2);
  CHECK_EQ_INT(nd, nd_first);
  CHECK_EQ_INT(nm2, nm);
  pm_bufdoc_batch_done(doc, true);
  CHECK(!pm_bufdoc_has_batch(doc));
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

/* An edit inside one line resends that line's marks, not its block's. */
static void an_edit_resends_only_its_line(void) {
  PmLang *l = load();
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  const char *lines[40];
  for (int i = 0; i < 40; i++) lines[i] = FR[i % 4];
  set(doc, 0, -1, lines, 40);
  pm_bufdoc_update(doc, 0);
  bool clear;
  const uint32_t *del;
  const PmMark *m;
  size_t nd, nm, all;
  pm_bufdoc_batch(doc, &clear, &del, &nd, &m, &all);
  pm_bufdoc_batch_done(doc, true);
  const char *edited[] = {"« Nous ne céderons jamais », a déclaré Manuel Valls devant les députés."};
  set(doc, 21, 22, edited, 1); /* row 21 is a copy of FR[1] */
  pm_bufdoc_update(doc, 0);
  pm_bufdoc_batch(doc, &clear, &del, &nd, &m, &nm);
  CHECK(all > 30);
  CHECK(nm >= 2 && nm <= 4); /* the claim? the quote and its speaker */
  CHECK_EQ_INT(nd, nm);
  for (size_t i = 0; i < nm; i++) CHECK_EQ_INT(m[i].row, 21);
  pm_bufdoc_batch_done(doc, true);
  CHECK(!pm_bufdoc_has_batch(doc));
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

/* ---- random edits against a document built from scratch ---------------- */

static const char *const POOL[] = {
    "Le ministre de l'Intérieur, Manuel Valls, a présenté mardi son plan.",
    "« Nous ne céderons rien », a déclaré le ministre.",
    "« Le texte sera voté », a-t-il ajouté.",
    "Selon l'Insee, le chômage a baissé de 3 % en 2015.",
    "",
    "La séance a repris dans le calme après une courte pause.",
    "« Une réforme juste, a estimé Paul Martin, et attendue.",
    "« Elle continue ici », conclut-il.",
    "The mayor, Jane Porter, spoke on Monday.",
    "\"We will rebuild the harbour by 2027,\" she said.",
    "Commentaires (12)",
    "« Bravo », écrit un lecteur.",
    "Le ministre de l'Économie, Emmanuel Macron, a répondu jeudi.",
    "« Nous ne céderons rien », a déclaré le ministre.",
};
#define NPOOL (sizeof POOL / sizeof *POOL)

/* Mostly neutral filler, so that what a line changes in the context (a
 * role bound, an open quote, a comment section) reaches into later blocks
 * (~8 KiB, ~130 filler lines each) before anything overrides it. */
static const char *pick(void) {
  return rand() % 10 ? POOL[5] : POOL[(size_t)rand() % NPOOL];
}

typedef struct {
  const char **lines;
  size_t n, cap;
} Lines;

static void lines_splice(Lines *L, size_t first, size_t last,
                         const char **add, size_t n) {
  size_t size = L->n - (last - first) + n;
  if (size > L->cap) {
    L->cap = size * 2;
    L->lines = pm_realloc(L->lines, L->cap * sizeof *L->lines);
  }
  memmove(L->lines + first + n, L->lines + last, (L->n - last) * sizeof *L->lines);
  memcpy(L->lines + first, add, n * sizeof *add);
  L->n = size;
}

typedef struct {
  PmArray(char) s;
} Dump;

static bool dump_item(const PmBufItem *it, void *data) {
  Dump *d = data;
  char line[512];
  int n = snprintf(line, sizeof line, "%d %u:%u-%u:%u %s %s|", (int)it->kind,
                   it->span.row, it->span.col, it->span.end_row, it->span.end_col,
                   it->quote && it->quote->has_speaker && it->quote->speaker.name
                       ? it->quote->speaker.name
                       : "-",
                   it->claim && it->claim->speaker ? it->claim->speaker : "-");
  for (int i = 0; i < n; i++) pm_array_push(&d->s, line[i]);
  return true;
}

/* Items of every kind up to `last`. */
static char *dump_upto(PmBufDoc *doc, PmItemKind last) {
  Dump d = {pm_array_new()};
  for (int k = PM_ITEM_QUOTE; k <= (int)last; k++)
    pm_bufdoc_items(doc, (PmItemKind)k, dump_item, &d);
  pm_array_push(&d.s, '\0');
  return d.s.contents;
}

static char *dump(PmBufDoc *doc) { return dump_upto(doc, PM_ITEM_SPEAKER); }

/* A batch as Neovim receives it: copied when it is sent. */
typedef struct {
  bool clear, open;
  IdArray del, set;
} Flight;

static void flight_send(PmBufDoc *doc, Flight *f) {
  const uint32_t *del;
  const PmMark *m;
  size_t nd, nm;
  pm_bufdoc_batch(doc, &f->clear, &del, &nd, &m, &nm);
  pm_array_clear(&f->del);
  pm_array_clear(&f->set);
  for (size_t i = 0; i < nd; i++) pm_array_push(&f->del, del[i]);
  for (size_t i = 0; i < nm; i++) pm_array_push(&f->set, m[i].id);
  f->open = true;
}

/* Neovim applies (or drops) the batch in flight; returns the live ids. */
static size_t flight_land(PmBufDoc *doc, Flight *f, IdArray *live, bool applied) {
  if (!f->open) return live->size;
  f->open = false;
  if (applied) {
    if (f->clear) pm_array_clear(live);
    for (uint32_t i = 0; i < f->del.size; i++)
      for (uint32_t j = 0; j < live->size; j++)
        if (live->contents[j] == f->del.contents[i]) {
          pm_array_erase(live, j);
          break;
        }
    for (uint32_t i = 0; i < f->set.size; i++) {
      for (uint32_t j = 0; j < live->size; j++) CHECK(live->contents[j] != f->set.contents[i]);
      pm_array_push(live, f->set.contents[i]);
    }
  }
  pm_bufdoc_batch_done(doc, applied);
  return live->size;
}

/* Sends and applies batches until none is left; returns the live ids. */
static size_t replay(PmBufDoc *doc, IdArray *live) {
  Flight f = {0};
  while (pm_bufdoc_has_batch(doc)) {
    flight_send(doc, &f);
    flight_land(doc, &f, live, true);
  }
  pm_array_delete(&f.del);
  pm_array_delete(&f.set);
  return live->size;
}

static size_t count_marks(const PmLang *l, const Lines *L) {
  PmBufDoc *fresh = pm_bufdoc_new(l, NULL);
  set(fresh, 0, -1, L->lines, L->n);
  pm_bufdoc_update(fresh, 0);
  bool clear;
  const uint32_t *del;
  const PmMark *m;
  size_t nd, nm;
  pm_bufdoc_batch(fresh, &clear, &del, &nd, &m, &nm);
  pm_bufdoc_batch_done(fresh, true);
  pm_bufdoc_free(fresh);
  return nm;
}

static void random_edits_match_a_fresh_analysis(void) {
  PmLang *l = load();
  srand(7);
  Lines L = {0};
  const char *init[800];
  for (size_t i = 0; i < 800; i++) init[i] = pick();
  lines_splice(&L, 0, 0, init, 800);
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, L.lines, L.n);
  IdArray live = pm_array_new();
  Flight flight = {0};
  size_t prev_first = 0;
  pm_bufdoc_update(doc, 0);
  replay(doc, &live);
  int mismatches = 0;
  for (int step = 0; step < 150 && mismatches < 3; step++) {
    size_t first = (size_t)rand() % (L.n + 1);
    /* After a step that left a batch flying, edit where it was made, so
     * marks in flight are replaced before Neovim has them. */
    if (step % 5 == 1 && prev_first <= L.n) first = prev_first;
    prev_first = first;
    size_t last = first + (size_t)rand() % 4;
    if (last > L.n) last = L.n;
    if (step % 25 == 0) last = first + (L.n - first) / 3; /* big deletes */
    size_t n = (size_t)rand() % (step % 40 == 0 ? 300 : 4);
    const char **add = pm_malloc((n ? n : 1) * sizeof *add);
    for (size_t i = 0; i < n; i++) add[i] = pick();
    lines_splice(&L, first, last, add, n);
    set(doc, (int64_t)first, (int64_t)last, add, n);
    pm_free(add);
    /* Sometimes a batch is in flight while the edit comes, and Neovim
     * applies or drops it afterwards. */
    flight_land(doc, &flight, &live, rand() % 4 != 0);
    /* Sometimes let several edits pile up before analysing, as a burst. */
    if (step % 3 == 2) continue;
    pm_bufdoc_update(doc, step % 2 ? 0 : 1); /* 1 ns: a slice at a time */
    if (pm_bufdoc_has_batch(doc)) flight_send(doc, &flight);
    while (!pm_bufdoc_update(doc, 1)) { /* analysis goes on while it flies */
    }
    if (step % 5 == 0) continue; /* still flying into the next edit */
    flight_land(doc, &flight, &live, true);
    size_t nlive = replay(doc, &live);
    PmBufDoc *fresh = pm_bufdoc_new(l, NULL);
    set(fresh, 0, -1, L.lines, L.n);
    char *a = dump(doc), *b = dump(fresh);
    if (strcmp(a, b) != 0) {
      printf("#   step %d: incremental and fresh analyses differ\n", step);
      mismatches++;
    }
    CHECK_EQ_INT(nlive, count_marks(l, &L));
    CHECK_EQ_INT(pm_bufdoc_line_count(doc), L.n);
    pm_free(a);
    pm_free(b);
    pm_bufdoc_free(fresh);
  }
  CHECK_EQ_INT(mismatches, 0);
  flight_land(doc, &flight, &live, true);
  pm_array_delete(&flight.del);
  pm_array_delete(&flight.set);
  pm_array_delete(&live);
  pm_free(L.lines);
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

/* Deleting whole blocks and adding nothing leaves no new block to carry
 * the change: the block after them must be analysed again by itself. */
static void deleting_whole_blocks_reanalyses_the_next(void) {
  PmLang *l = load();
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  const char *lines[800];
  for (int i = 0; i < 800; i++) lines[i] = "Rien ici."; /* 256 a block */
  lines[0] = POOL[0];     /* le ministre = Manuel Valls */
  lines[256] = POOL[12];  /* le ministre = Emmanuel Macron */
  lines[600] = POOL[13];  /* a déclaré le ministre */
  set(doc, 0, -1, lines, 800);
  PmBufItem it;
  CHECK(pm_bufdoc_item_at(doc, 600, 5, &it));
  CHECK_EQ_STR(it.quote->speaker.name, "Emmanuel Macron");
  set(doc, 256, 512, NULL, 0);
  CHECK(pm_bufdoc_item_at(doc, 344, 5, &it));
  CHECK_EQ_STR(it.quote->speaker.name, "Manuel Valls");
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

static void items_under_a_position(void) {
  PmLang *l = load();
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, FR, 4);
  PmBufItem it;
  CHECK(pm_bufdoc_item_at(doc, 1, 5, &it));
  CHECK_EQ_INT(it.kind, PM_ITEM_QUOTE);
  CHECK_EQ_INT(it.text_len, strlen("Nous ne céderons rien"));
  CHECK(!memcmp(it.text, "Nous ne céderons rien", it.text_len));
  CHECK_EQ_STR(it.quote->speaker.name, "Manuel Valls");
  CHECK(it.has_speaker_span);
  CHECK(pm_bufdoc_item_at(doc, 1, it.speaker_span.col, &it));
  CHECK_EQ_INT(it.kind, PM_ITEM_SPEAKER);
  CHECK(!pm_bufdoc_item_at(doc, 2, 0, &it));  /* the blank line */
  CHECK(!pm_bufdoc_item_at(doc, 9, 0, &it));  /* past the end */
  CHECK(!pm_bufdoc_item_at(doc, 1, 999, &it)); /* past the line */
  pm_bufdoc_set_base_row(doc, 100);
  CHECK(pm_bufdoc_item_at(doc, 101, 5, &it));
  CHECK_EQ_INT(it.span.row, 101);
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

static void rejects_a_range_outside_the_document(void) {
  PmLang *l = load();
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, FR, 4);
  PmError err;
  PmBufLine one = {"x", 1};
  CHECK(!pm_bufdoc_set_lines(doc, 3, 9, &one, 1, &err));
  CHECK_EQ_STR(err.message, "lines event: range 3..9 outside 0..4");
  CHECK_EQ_INT(pm_bufdoc_line_count(doc), 4);
  /* A newline inside a line never adds a line. */
  PmBufLine nl = {"a\nb", 3};
  CHECK(pm_bufdoc_set_lines(doc, 0, 1, &nl, 1, &err));
  CHECK_EQ_INT(pm_bufdoc_line_count(doc), 4);
  CHECK_EQ_INT(pm_bufdoc_byte_count(doc), 4 + strlen(FR[1]) + 1 + 1 + strlen(FR[3]) + 1);
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

/* ---- hard-wrapped text ----------------------------------------------- */

/* Lines of a text hard-wrapped near 70 columns: quotations and their
 * speakers run over line ends, paragraphs end at blank lines. */
static const char *const WRAP[] = {
    "The harbour commission met on Tuesday evening to weigh the plan for",
    "the old docks, which the mayor, Dana Okafor, has defended for a year.",
    "\"We will not sell a single pier to a private developer, whatever the",
    "province decides about the budget,\" said Okafor, who chairs the board",
    "since the election and plans to run again in the spring of next year.",
    "",
    "Le ministre de l'Intérieur, Manuel Valls, a présenté mardi devant les",
    "députés un plan de sécurité pour les ports de la façade atlantique.",
    "« Nous ne céderons rien sur la sécurité des quais et des entrepôts, ni",
    "cette année ni la suivante », a déclaré Manuel Valls devant la presse",
    "réunie à la préfecture, avant de repartir pour Paris en fin de soirée.",
    "",
    "The opposition leader, Marcus Hale, answered that the plan came late:",
    "\"The docks have waited for ten years and the council has nothing to",
    "show for it but reports and promises,\" Hale told reporters on Monday",
    "in a short statement outside the town hall, before the evening vote.",
    "",
};
#define NWRAP (sizeof WRAP / sizeof *WRAP)

/* The quotations of the editor's document as "start-end speaker" lines,
 * in whole-text bytes (`L` holds the same lines). */
typedef struct {
  PmArray(char) s;
  const uint32_t *starts;
} Quotes;

static void quotes_add(Quotes *q, uint32_t s, uint32_t e, const PmQuote *x) {
  char line[256];
  int n = snprintf(line, sizeof line, "%u-%u %s|", s, e,
                   x->has_speaker && x->speaker.name ? x->speaker.name : "-");
  for (int i = 0; i < n; i++) pm_array_push(&q->s, line[i]);
}

static bool quote_item_add(const PmBufItem *it, void *data) {
  Quotes *q = data;
  quotes_add(q, q->starts[it->span.row] + it->span.col,
             q->starts[it->span.end_row] + it->span.end_col, it->quote);
  return true;
}

static char *doc_quotes(PmBufDoc *doc, const Lines *L) {
  uint32_t *starts = pm_malloc((L->n + 1) * sizeof *starts);
  uint32_t off = 0;
  for (size_t i = 0; i < L->n; i++) {
    starts[i] = off;
    off += (uint32_t)strlen(L->lines[i]) + 1;
  }
  Quotes q = {pm_array_new(), starts};
  pm_bufdoc_items(doc, PM_ITEM_QUOTE, quote_item_add, &q);
  pm_array_push(&q.s, '\0');
  pm_free(starts);
  return q.s.contents;
}

/* The same for the whole text analysed as one block, as `pressmark
 * analyze` reads a file of less than 1 MiB. */
static char *whole_quotes(const PmLang *l, const Lines *L) {
  PmBuf text = {0};
  for (size_t i = 0; i < L->n; i++) {
    pm_buf_append(&text, L->lines[i], strlen(L->lines[i]));
    pm_buf_append(&text, "\n", 1);
  }
  PmContext *ctx = pm_context_new();
  PmAnalysis *an = pm_analyze_block(l, NULL, text.data, text.len, ctx, NULL);
  size_t nq;
  const PmQuote *x = pm_analysis_quotes(an, &nq);
  Quotes q = {pm_array_new(), NULL};
  for (size_t i = 0; i < nq; i++) {
    /* a mark never covers a line's '\n' (block_pos): nor does this */
    uint32_t e = x[i].end;
    while (e > x[i].start && text.data[e - 1] == '\n') e--;
    quotes_add(&q, x[i].start, e, &x[i]);
  }
  pm_array_push(&q.s, '\0');
  pm_analysis_free(an);
  pm_context_free(ctx);
  pm_buf_free(&text);
  return q.s.contents;
}

/* A wrapped article of several blocks: every quotation and speaker is
 * the whole text's, also for a paragraph that crosses the block target
 * (cut at any line, it read as two: its quotation lost or cut). */
static void wrapped_paragraphs_across_blocks_read_as_the_whole_text(void) {
  PmLang *l = load();
  Lines L = {0};
  for (size_t r = 0; r < 60; r++) lines_splice(&L, L.n, L.n, (const char **)WRAP, NWRAP);
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, L.lines, L.n);
  pm_bufdoc_update(doc, 0);
  CHECK(pm_bufdoc_byte_count(doc) > 5 * 8192);
  char *a = doc_quotes(doc, &L), *b = whole_quotes(l, &L);
  size_t same = 0;
  while (a[same] && a[same] == b[same]) same++;
  if (a[same] != b[same]) printf("#   from byte %zu: %.60s  vs  %.60s\n", same, a + same, b + same);
  CHECK(!strcmp(a, b));
  CHECK(strstr(a, " Manuel Valls|") && strstr(a, " Dana Okafor|") && strstr(a, " Marcus Hale|"));
  pm_free(a);
  pm_free(b);
  pm_free(L.lines);
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

/* Random edits to a wrapped article (blank lines added and removed move
 * the blocks' ends): after each, the document holds the quotations and
 * claims a document built from scratch holds, and its quotations and
 * their speakers are the whole text's.  (Speaker mentions are left out of
 * the first comparison: a quotation whose speaker is carried over from a
 * mention in the block before has no mention in its block, and the two
 * documents' blocks may end at different blank lines.) */
static void random_edits_to_a_wrapped_text_match_the_whole_text(void) {
  PmLang *l = load();
  srand(11);
  Lines L = {0};
  for (size_t r = 0; r < 30; r++) lines_splice(&L, L.n, L.n, (const char **)WRAP, NWRAP);
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, L.lines, L.n);
  IdArray live = pm_array_new();
  Flight flight = {0};
  pm_bufdoc_update(doc, 0);
  replay(doc, &live);
  int mismatches = 0;
  for (int step = 0; step < 100 && mismatches < 3; step++) {
    size_t first = (size_t)rand() % (L.n + 1);
    size_t last = first + (size_t)rand() % 3;
    if (last > L.n) last = L.n;
    size_t n = (size_t)rand() % 3;
    const char *add[2];
    for (size_t i = 0; i < n; i++) add[i] = WRAP[(size_t)rand() % NWRAP];
    lines_splice(&L, first, last, add, n);
    set(doc, (int64_t)first, (int64_t)last, add, n);
    /* a batch in flight when the edit comes, applied or dropped after */
    flight_land(doc, &flight, &live, rand() % 4 != 0);
    if (step % 2) continue; /* two edits before an update, sometimes */
    pm_bufdoc_update(doc, step % 4 ? 0 : 1);
    if (pm_bufdoc_has_batch(doc)) flight_send(doc, &flight);
    while (!pm_bufdoc_update(doc, 1)) {
    }
    if (step % 6 == 0) continue; /* still flying into the next edit */
    flight_land(doc, &flight, &live, true);
    size_t nlive = replay(doc, &live);
    PmBufDoc *fresh = pm_bufdoc_new(l, NULL);
    set(fresh, 0, -1, L.lines, L.n);
    char *a = dump_upto(doc, PM_ITEM_CLAIM), *b = dump_upto(fresh, PM_ITEM_CLAIM);
    char *qa = doc_quotes(doc, &L), *qb = whole_quotes(l, &L);
    if (strcmp(a, b) != 0 || strcmp(qa, qb) != 0) {
      printf("#   step %d: incremental %s fresh, %s the whole text\n", step,
             strcmp(a, b) ? "differs from" : "equals", strcmp(qa, qb) ? "differs from" : "equals");
      mismatches++;
    }
    /* Neovim holds one mark per item of the document (a fresh one may
     * tell a speaker mention more, see above) */
    char *all = dump(doc);
    size_t items = 0;
    for (const char *p = all; *p; p++) items += *p == '|';
    CHECK_EQ_INT(nlive, items);
    pm_free(all);
    pm_free(a);
    pm_free(b);
    pm_free(qa);
    pm_free(qb);
    pm_bufdoc_free(fresh);
  }
  CHECK_EQ_INT(mismatches, 0);
  flight_land(doc, &flight, &live, true);
  pm_array_delete(&flight.del);
  pm_array_delete(&flight.set);
  pm_array_delete(&live);
  pm_free(L.lines);
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

/* An edit inside a wrapped paragraph resends the marks of that paragraph
 * only: the block's other quotations and claims run over several lines
 * too, and are carried along unchanged, not deleted and set again. */
static void an_edit_in_a_wrapped_text_resends_only_its_paragraph(void) {
  PmLang *l = load();
  Lines L = {0};
  for (size_t r = 0; r < 20; r++) lines_splice(&L, L.n, L.n, (const char **)WRAP, NWRAP);
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, L.lines, L.n);
  pm_bufdoc_update(doc, 0);
  bool clear;
  const uint32_t *del;
  const PmMark *m;
  size_t nd, nm, all, multi = 0;
  pm_bufdoc_batch(doc, &clear, &del, &nd, &m, &all);
  for (size_t i = 0; i < all; i++) multi += m[i].end_row > m[i].row;
  pm_bufdoc_batch_done(doc, true);
  /* a word inside the first quotation of the 10th copy (rows 2-3) */
  size_t row = 9 * NWRAP + 2;
  const char *edited[] = {"\"We will not sell a lone pier to a private developer, whatever the"};
  set(doc, (int64_t)row, (int64_t)row + 1, edited, 1);
  pm_bufdoc_update(doc, 0);
  pm_bufdoc_batch(doc, &clear, &del, &nd, &m, &nm);
  CHECK(multi > 40);
  CHECK(nm >= 1 && nm <= 4);
  CHECK_EQ_INT(nd, nm);
  bool quote = false;
  for (size_t i = 0; i < nm; i++) {
    CHECK(m[i].row >= row - 2 && m[i].row <= row && m[i].end_row >= row);
    quote = quote || (m[i].group == PM_HL_QUOTE && m[i].row == row && m[i].end_row == row + 1);
  }
  CHECK(quote);
  pm_bufdoc_batch_done(doc, true);
  CHECK(!pm_bufdoc_has_batch(doc));
  pm_free(L.lines);
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

/* ---- edits that switch the reading -------------------------------------- */

/* Lines of one paragraph a line (long sentences, no wrapping): edits that
 * bring them into the text's head switch its reading from wrapped to
 * one-paragraph-a-line and back, and the blocks are cut again.  (English
 * only: the language is decided on the first block, which is not the
 * command line's whole text, so a text mixing French and English paragraphs
 * may read otherwise in the editor.) */
static const char *const FLAT[] = {
    "The mayor of Brest, Paul Le Guen, defended on Thursday evening before the city "
    "council a tram project that should link the port to the new hospital by 2030, "
    "despite the reservations of the opposition.",
    "\"We will not back down on the tram, because the city needs it and the residents "
    "have been waiting for fifteen years,\" said Paul Le Guen before the councillors "
    "gathered in session.",
    "\"The council will vote on the budget before the summer, and I expect the tram "
    "line to be in it,\" said the deputy mayor, Ana Ruiz, who has led the project since "
    "the last election.",
    "",
    "Short line.",
    "According to the statistics office, unemployment fell by 3 % in 2015.",
};
#define NFLAT (sizeof FLAT / sizeof *FLAT)

/* WRAP's English lines (its second paragraph is French). */
static const char *wrap_en(void) {
  size_t k;
  do k = (size_t)rand() % NWRAP;
  while (k >= 6 && k < 12);
  return WRAP[k];
}

/* Drops the speakers from doc_quotes' "start-end speaker|" list, in place. */
static void drop_speakers(char *q) {
  char *w = q;
  for (const char *r = q; *r;) {
    while (*r && *r != ' ') *w++ = *r++;
    while (*r && *r != '|') r++;
    if (*r) *w++ = *r++;
  }
  *w = '\0';
}

static void edits_that_switch_the_reading_match_the_whole_text(void) {
  PmLang *l = load();
  srand(23);
  Lines L = {0};
  for (size_t r = 0; r < 30; r++) {
    lines_splice(&L, L.n, L.n, (const char **)WRAP, 6);
    lines_splice(&L, L.n, L.n, (const char **)WRAP + 12, NWRAP - 12);
  }
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, L.lines, L.n);
  int mismatches = 0, quotes = 0;
  for (int step = 0; step < 300 && mismatches < 3; step++) {
    /* every other edit in the first 40 lines, which decide the reading;
     * now and then a run of long lines there */
    size_t span = step % 2 && L.n > 40 ? 40 : L.n + 1;
    size_t first = (size_t)rand() % span;
    size_t last = first + (size_t)rand() % 8;
    if (last > L.n) last = L.n;
    size_t n = (size_t)rand() % 4;
    const char *add[12];
    for (size_t i = 0; i < n; i++) add[i] = rand() % 2 ? wrap_en() : FLAT[(size_t)rand() % NFLAT];
    if (step % 7 == 3) {
      n = 4;
      for (size_t i = 0; i < n; i++) add[i] = FLAT[i % 3];
    } else if (step % 7 == 6) { /* a wrapped paragraph over ten lines */
      last = first + 10 < L.n ? first + 10 : L.n;
      n = 0;
      for (size_t i = 0; i < 6; i++) add[n++] = WRAP[i];
      for (size_t i = 12; i < NWRAP; i++) add[n++] = WRAP[i];
    }
    lines_splice(&L, first, last, add, n);
    set(doc, (int64_t)first, (int64_t)last, add, n);
    while (!pm_bufdoc_update(doc, 1)) {
    }
    /* the quotations' spans: a speaker named only further on may stay a
     * surname when the editor's block ends before the full name (recall.c
     * looks 2000 bytes ahead, past the block's end) */
    char *qa = doc_quotes(doc, &L), *qb = whole_quotes(l, &L);
    drop_speakers(qa);
    drop_speakers(qb);
    if (strcmp(qa, qb)) {
      size_t same = 0;
      while (qa[same] && qa[same] == qb[same]) same++;
      printf("#   step %d (lines %zu..%zu, %zu new): from byte %zu: %.40s vs %.40s\n", step, first,
             last, n, same, qa + same, qb + same);
      mismatches++;
    }
    quotes += strlen(qa) > 0;
    pm_free(qa);
    pm_free(qb);
  }
  CHECK_EQ_INT(mismatches, 0);
  CHECK(quotes > 250); /* the text kept quotations to compare */
  pm_free(L.lines);
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

/* A text read a paragraph a line, cut into blocks at any line, whose head
 * becomes wrapped: every block is cut again at hard breaks, and back. */
static void a_head_made_wrapped_cuts_the_blocks_again(void) {
  PmLang *l = load();
  Lines L = {0};
  for (size_t r = 0; r < 40; r++) lines_splice(&L, L.n, L.n, (const char **)FLAT, 3);
  for (size_t r = 0; r < 60; r++) {
    lines_splice(&L, L.n, L.n, (const char **)WRAP, 6);
    lines_splice(&L, L.n, L.n, (const char **)WRAP + 12, NWRAP - 12);
  }
  PmBufDoc *doc = pm_bufdoc_new(l, NULL);
  set(doc, 0, -1, L.lines, L.n);
  const char *head[11];
  size_t nh = 0;
  for (size_t i = 0; i < 6; i++) head[nh++] = WRAP[i];
  for (size_t i = 12; i < NWRAP; i++) head[nh++] = WRAP[i];
  for (int round = 0; round < 2; round++) {
    /* wrapped paragraphs in place of the 120 long lines, then back */
    if (round == 0)
      for (size_t r = 0; r < 20; r++) {
        size_t at = r * nh, to = at + (r < 19 ? 6 : 120 - 19 * 6);
        lines_splice(&L, at, to, head, nh);
        set(doc, (int64_t)at, (int64_t)to, head, nh);
      }
    else
      for (size_t r = 0; r < 20; r++) {
        size_t at = r * 6, to = at + nh;
        lines_splice(&L, at, to, (const char **)FLAT, 3);
        lines_splice(&L, at + 3, at + 3, (const char **)FLAT, 3);
        set(doc, (int64_t)at, (int64_t)to, FLAT, 3);
        set(doc, (int64_t)at + 3, (int64_t)at + 3, FLAT, 3);
      }
    char *qa = doc_quotes(doc, &L), *qb = whole_quotes(l, &L);
    drop_speakers(qa);
    drop_speakers(qb);
    CHECK(!strcmp(qa, qb));
    CHECK(strlen(qa) > 1000);
    pm_free(qa);
    pm_free(qb);
  }
  pm_free(L.lines);
  pm_bufdoc_free(doc);
  pm_lang_free(l);
}

int main(void) {
  RUN(first_batch_clears_and_sets_every_mark);
  RUN(a_dropped_batch_is_sent_again);
  RUN(an_edit_resends_only_its_line);
  RUN(random_edits_match_a_fresh_analysis);
  RUN(deleting_whole_blocks_reanalyses_the_next);
  RUN(items_under_a_position);
  RUN(rejects_a_range_outside_the_document);
  RUN(wrapped_paragraphs_across_blocks_read_as_the_whole_text);
  RUN(random_edits_to_a_wrapped_text_match_the_whole_text);
  RUN(an_edit_in_a_wrapped_text_resends_only_its_paragraph);
  RUN(edits_that_switch_the_reading_match_the_whole_text);
  RUN(a_head_made_wrapped_cuts_the_blocks_again);
  return test_done();
}

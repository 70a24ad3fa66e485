/*
 * analyze.c - `pressmark analyze [--lang auto|fr|en] [--format
 * json|text|summary] [--min-score X] [--lang-file FILE]... FILE...`
 *
 * Streams each file in 1 MiB blocks cut at paragraph ends, analyses each
 * block with the context carried over, prints (or counts) its results and
 * frees them, so memory follows the output, not the input.  Claims and
 * speakers come after all quotes in the JSON object, so their JSON text is
 * kept until the file ends (output-sized).  Offsets are file byte offsets;
 * `line` is 1-based, `col` 0-based in bytes, not counting a BOM.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/commands.h"
#include "pressmark/analysis.h"
#include "util/alloc.h"
#include "util/array.h"
#include "util/buf.h"

#define BLOCK (1u << 20)

typedef enum { FMT_JSON, FMT_TEXT, FMT_SUMMARY } Format;

typedef struct {
  char *name;
  PmArray(char *) aliases;
  uint32_t quotes;
} SpeakerAgg;

typedef struct {
  const char *path;
  Format fmt;
  FILE *out;
  /* line index of the current block: offsets (file) of line starts */
  PmArray(uint64_t) lines;
  uint64_t first_line; /* 1-based number of lines.contents[0] */
  uint64_t bom;        /* 3 when the file starts with a BOM */
  PmBuf claims;        /* JSON or text of claims so far */
  PmArray(SpeakerAgg) speakers;
  /* index into speakers by name: 1 + position, 0 for an empty slot; a
   * file of many blocks and hundreds of speakers made the linear search
   * a few per cent of the whole analysis */
  uint32_t *by_name;
  uint32_t by_name_cap; /* a power of two, or 0 */
  size_t nquotes, nclaims, nsentences, kinds[4];
  bool first_quote, first_claim;
} FileOut;

static void usage(FILE *f) {
  fprintf(f,
          "usage: pressmark analyze [--lang auto|fr|en] "
          "[--format json|text|summary]\n"
          "                         [--min-score X] [--lang-file FILE]... "
          "FILE...\n"
          "  FILE '-' reads stdin.  --min-score 0 lists every sentence.\n");
}

/* ---- positions ------------------------------------------------------------ */

static void index_lines(FileOut *o, const char *text, size_t len, uint64_t base,
                        uint64_t line_no, uint64_t line_start) {
  pm_array_clear(&o->lines);
  o->first_line = line_no;
  pm_array_push(&o->lines, line_start);
  const char *p = text, *end = text + len;
  while ((p = memchr(p, '\n', (size_t)(end - p)))) {
    p++;
    pm_array_push(&o->lines, base + (uint64_t)(p - text));
  }
}

static void pos_of(const FileOut *o, uint64_t off, uint64_t *line, uint64_t *col) {
  uint32_t lo = 0, hi = o->lines.size;
  while (hi - lo > 1) {
    uint32_t mid = (lo + hi) / 2;
    if (o->lines.contents[mid] <= off) lo = mid;
    else hi = mid;
  }
  uint64_t start = o->lines.contents[lo];
  *line = o->first_line + lo;
  if (*line == 1 && o->bom && start == 0) start = o->bom;
  *col = off >= start ? off - start : 0;
}

static void span_json(PmBuf *b, const FileOut *o, const char *text,
                      uint64_t base, uint32_t s, uint32_t e) {
  uint64_t l1, c1, l2, c2;
  pos_of(o, base + s, &l1, &c1);
  pos_of(o, base + e, &l2, &c2);
  pm_buf_puts(b, "\"text\":");
  pm_buf_json_string(b, text + s, e - s);
  pm_buf_printf(b,
                ",\"start\":%llu,\"end\":%llu,\"line\":%llu,\"col\":%llu,"
                "\"end_line\":%llu,\"end_col\":%llu",
                (unsigned long long)(base + s), (unsigned long long)(base + e),
                (unsigned long long)l1, (unsigned long long)c1,
                (unsigned long long)l2, (unsigned long long)c2);
}

static void json_str_or_null(PmBuf *b, const char *s) {
  if (s) pm_buf_json_string(b, s, strlen(s));
  else pm_buf_puts(b, "null");
}

/* ---- speakers --------------------------------------------------------------- */

static uint32_t name_hash(const char *s) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* The slot of `name` in o->by_name: its entry, or the empty slot where it
 * goes.  The table is kept at most half full. */
static uint32_t *name_slot(FileOut *o, const char *name) {
  uint32_t m = o->by_name_cap - 1;
  for (uint32_t j = name_hash(name) & m;; j = (j + 1) & m) {
    uint32_t v = o->by_name[j];
    if (!v || !strcmp(o->speakers.contents[v - 1].name, name))
      return &o->by_name[j];
  }
}

static void grow_names(FileOut *o) {
  pm_free(o->by_name);
  o->by_name_cap = o->by_name_cap ? o->by_name_cap * 2 : 256;
  o->by_name = pm_calloc(o->by_name_cap, sizeof *o->by_name);
  for (uint32_t k = 0; k < o->speakers.size; k++)
    *name_slot(o, o->speakers.contents[k].name) = k + 1;
}

static void agg_speakers(FileOut *o, const PmAnalysis *a) {
  size_t n;
  const PmSpeaker *sp = pm_analysis_speakers(a, &n);
  for (size_t i = 0; i < n; i++) {
    if ((o->speakers.size + 1) * 2 > o->by_name_cap) grow_names(o);
    uint32_t *slot = name_slot(o, sp[i].name);
    SpeakerAgg *g = *slot ? &o->speakers.contents[*slot - 1] : NULL;
    if (!g) {
      if (o->speakers.size >= 100000) continue; /* bounded */
      g = pm_array_grow_one(&o->speakers);
      g->name = pm_strdup(sp[i].name);
      *slot = o->speakers.size;
    }
    g->quotes += sp[i].quotes;
    for (uint32_t k = 0; k < sp[i].n_aliases; k++) {
      bool seen = false;
      for (uint32_t j = 0; j < g->aliases.size && !seen; j++)
        seen = !strcmp(g->aliases.contents[j], sp[i].aliases[k]);
      if (!seen && g->aliases.size < 64)
        pm_array_push(&g->aliases, pm_strdup(sp[i].aliases[k]));
    }
  }
}

static void free_speakers(FileOut *o) {
  for (uint32_t k = 0; k < o->speakers.size; k++) {
    SpeakerAgg *g = &o->speakers.contents[k];
    for (uint32_t j = 0; j < g->aliases.size; j++) pm_free(g->aliases.contents[j]);
    pm_array_delete(&g->aliases);
    pm_free(g->name);
  }
  pm_array_delete(&o->speakers);
  pm_free(o->by_name);
  o->by_name = NULL;
  o->by_name_cap = 0;
}

/* ---- one block's output --------------------------------------------------- */

static void emit_block(FileOut *o, const PmAnalysis *a, const char *text,
                       uint64_t base) {
  size_t nq, nc;
  const PmQuote *q = pm_analysis_quotes(a, &nq);
  const PmClaim *c = pm_analysis_claims(a, &nc);
  o->nquotes += nq;
  o->nclaims += nc;
  o->nsentences += pm_analysis_sentence_count(a);
  for (size_t i = 0; i < nq; i++) o->kinds[q[i].kind & 3]++;
  agg_speakers(o, a);
  if (o->fmt == FMT_SUMMARY) return;
  PmBuf b = PM_BUF_INIT;
  for (size_t i = 0; i < nq; i++) {
    if (o->fmt == FMT_JSON) {
      pm_buf_puts(&b, o->first_quote ? "{" : ",\n{");
      o->first_quote = false;
      span_json(&b, o, text, base, q[i].start, q[i].end);
      pm_buf_printf(&b, ",\"kind\":\"%s\",\"speaker\":", pm_quote_kind_name(q[i].kind));
      if (!q[i].has_speaker) {
        pm_buf_puts(&b, "null");
      } else {
        const PmSpeakerRef *s = &q[i].speaker;
        pm_buf_puts(&b, "{\"name\":");
        json_str_or_null(&b, s->name);
        pm_buf_puts(&b, ",\"mention\":");
        json_str_or_null(&b, s->mention);
        if (s->mention)
          pm_buf_printf(&b, ",\"start\":%llu,\"end\":%llu",
                        (unsigned long long)(base + s->start),
                        (unsigned long long)(base + s->end));
        else
          pm_buf_puts(&b, ",\"start\":null,\"end\":null");
        pm_buf_puts(&b, ",\"how\":");
        json_str_or_null(&b, s->how);
        pm_buf_printf(&b, ",\"stance\":\"%s\"}", pm_stance_name(s->stance));
      }
      pm_buf_printf(&b, ",\"confidence\":%.2f}", q[i].confidence);
    } else {
      uint64_t l, col;
      pos_of(o, base + q[i].start, &l, &col);
      pm_buf_printf(&b, "%s:%llu:%llu: %s \"", o->path, (unsigned long long)l,
                    (unsigned long long)col, pm_quote_kind_name(q[i].kind));
      pm_buf_append(&b, text + q[i].start, q[i].end - q[i].start);
      pm_buf_puts(&b, "\"");
      if (q[i].has_speaker)
        pm_buf_printf(&b, " -- %s [%s, %s%s%s]",
                      q[i].speaker.name ? q[i].speaker.name : "(unresolved)",
                      q[i].speaker.how, pm_stance_name(q[i].speaker.stance),
                      q[i].speaker.mention ? ", mention: " : "",
                      q[i].speaker.mention ? q[i].speaker.mention : "");
      pm_buf_putc(&b, '\n');
    }
  }
  if (b.len) fwrite(b.data, 1, b.len, o->out);
  pm_buf_free(&b);
  for (size_t i = 0; i < nc; i++) {
    PmBuf *cb = &o->claims;
    if (o->fmt == FMT_JSON) {
      pm_buf_puts(cb, o->first_claim ? "{" : ",\n{");
      o->first_claim = false;
      span_json(cb, o, text, base, c[i].start, c[i].end);
      pm_buf_printf(cb, ",\"score\":%.3f,\"reasons\":[", c[i].score);
      bool first = true;
      for (int r = 0; r < PM_REASON_COUNT; r++) {
        if (!(c[i].reasons & (1u << r))) continue;
        pm_buf_printf(cb, "%s\"%s\"", first ? "" : ",", pm_claim_reason_name(1u << r));
        first = false;
      }
      pm_buf_puts(cb, "],\"speaker\":");
      json_str_or_null(cb, c[i].speaker);
      pm_buf_putc(cb, '}');
    } else {
      uint64_t l, col;
      pos_of(o, base + c[i].start, &l, &col);
      pm_buf_printf(cb, "%s:%llu:%llu: claim %.3f [", o->path,
                    (unsigned long long)l, (unsigned long long)col, c[i].score);
      bool first = true;
      for (int r = 0; r < PM_REASON_COUNT; r++) {
        if (!(c[i].reasons & (1u << r))) continue;
        pm_buf_printf(cb, "%s%s", first ? "" : ",", pm_claim_reason_name(1u << r));
        first = false;
      }
      pm_buf_puts(cb, "] ");
      pm_buf_append(cb, text + c[i].start, c[i].end - c[i].start);
      if (c[i].speaker) pm_buf_printf(cb, " -- %s", c[i].speaker);
      pm_buf_putc(cb, '\n');
    }
  }
}

/* ---- one file -------------------------------------------------------------- */

static ssize_t read_full(int fd, char *buf, size_t want) {
  size_t got = 0;
  while (got < want) {
    ssize_t r = read(fd, buf + got, want - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) break;
    got += (size_t)r;
  }
  return (ssize_t)got;
}

/* A block of the file as read: buf[0..have), analysed up to `cut` (after
 * its last whole paragraph, or all of it at the end of the file). */
typedef struct {
  char *buf;
  size_t have, cut;
  bool eof;
} Chunk;

static void cut_chunk(Chunk *c, size_t skip) {
  c->cut = c->have;
  if (c->eof) return;
  /* after a blank line when there is one: in a hard-wrapped text a single
   * '\n' may be inside a paragraph */
  size_t e = pm_analysis_block_end(c->buf + skip, c->have - skip);
  if (e) {
    c->cut = skip + e;
    return;
  }
  /* one long line: after its last piece that ends before the block does */
  size_t p = skip, cut = skip;
  while (p < c->have) {
    size_t q = pm_analysis_next_paragraph(c->buf, c->have, p);
    if (q >= c->have) break;
    cut = q;
    p = q;
  }
  if (cut > skip) c->cut = cut;
}

/* Starts `next` with what `cur` leaves after its cut, then reads up to a
 * block.  Returns false on a read error (errno set). */
static bool read_next(int fd, const Chunk *cur, Chunk *next) {
  next->have = cur->have - cur->cut;
  memcpy(next->buf, cur->buf + cur->cut, next->have);
  next->eof = cur->eof;
  if (!next->eof) {
    ssize_t r = read_full(fd, next->buf + next->have, BLOCK - next->have);
    if (r < 0) return false;
    next->have += (size_t)r;
    if (next->have < BLOCK) next->eof = true;
  }
  cut_chunk(next, 0);
  return true;
}

/* CPU seconds of the calling thread (0 when the clock cannot be read). */
static double thread_cpu(void) {
  struct timespec t;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0) return 0;
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* PRESSMARK_STATS set: where a file's time went, on stderr (stdout may be
 * the JSON).  The slower thread sets the wall time; bench/20-analyze.sh
 * reads this line. */
static void print_stats(const char *path, const PmStream *stream, double cpu) {
  PmStreamStats st;
  pm_stream_stats(stream, &st);
  fprintf(stderr,
          "%s: stats: analysing thread %.3f s CPU, waited %.3f s, tokenized "
          "%llu bytes itself; tokenizer thread %.3f s CPU, rated %llu of %llu "
          "paragraphs\n",
          path, cpu, st.waited, (unsigned long long)st.helped_bytes,
          st.worker_cpu, (unsigned long long)st.rated_by_worker,
          (unsigned long long)st.paragraphs);
}

static int analyze_file(const PmLang *lang, const PmAnalyzeOptions *opts,
                        const char *path, Format fmt, bool *first_file) {
  bool is_stdin = !strcmp(path, "-");
  int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fprintf(stderr, "pressmark: %s: %s\n", path, strerror(errno));
    return 1;
  }
  /* Two blocks: the one analysed and the next one, read before, so that
   * the analyser's second thread goes on to it (pm_stream_analyze). */
  Chunk cur = {pm_malloc(BLOCK + 1), 0, 0, false};
  Chunk next = {pm_malloc(BLOCK + 1), 0, 0, false};
  ssize_t r = read_full(fd, cur.buf, BLOCK);
  if (r < 0) {
    fprintf(stderr, "pressmark: %s: %s\n", path, strerror(errno));
    pm_free(cur.buf);
    pm_free(next.buf);
    if (!is_stdin) close(fd);
    return 1;
  }
  cur.have = (size_t)r;
  cur.eof = cur.have < BLOCK;
  char what[64];
  if (pm_analysis_is_binary(cur.buf, cur.have < 65536 ? cur.have : 65536, what,
                            sizeof what)) {
    fprintf(stderr, "pressmark: %s: binary file (%s), not analysed\n", path, what);
    pm_free(cur.buf);
    pm_free(next.buf);
    if (!is_stdin) close(fd);
    return 1;
  }
  FileOut o;
  memset(&o, 0, sizeof o);
  o.path = path;
  o.fmt = fmt;
  o.out = stdout;
  o.first_quote = o.first_claim = true;
  size_t skip = 0;
  if (cur.have >= 3 && !memcmp(cur.buf, "\xEF\xBB\xBF", 3)) skip = o.bom = 3;
  cut_chunk(&cur, skip);
  PmContext *ctx = pm_context_new();
  PmStream *stream = pm_stream_new(lang, opts);
  double cpu0 = thread_cpu();
  uint64_t base = 0, line_no = 1, line_start = 0;
  bool header = false;
  int status = 0;
  for (;;) {
    /* the text after this block, if any, read ahead */
    bool more = !(cur.eof && cur.cut == cur.have);
    int read_errno = 0;
    if (more && !read_next(fd, &cur, &next)) {
      read_errno = errno;
      more = false;
    }
    if (more && next.eof && !next.have) more = false;
    PmError err;
    PmAnalysis *a = pm_stream_analyze(stream, cur.buf + skip, cur.cut - skip,
                                      more ? next.buf : NULL,
                                      more ? next.cut : 0, ctx, &err);
    if (!a) {
      fprintf(stderr, "pressmark: %s: %s\n", path, err.message);
      status = 1;
      break;
    }
    if (!header) {
      header = true;
      if (fmt == FMT_JSON) {
        PmBuf h = PM_BUF_INIT;
        if (!*first_file) pm_buf_putc(&h, '\n');
        pm_buf_puts(&h, "{\"file\":");
        pm_buf_json_string(&h, path, strlen(path));
        PmLangId id = pm_context_lang(ctx);
        pm_buf_printf(&h, ",\"lang\":\"%s\",\"quotes\":[",
                      id == PM_LANG_AUTO ? (opts->lang ? pm_lang_name(opts->lang) : "fr")
                                         : pm_lang_name(id));
        fwrite(h.data, 1, h.len, stdout);
        pm_buf_free(&h);
      }
      *first_file = false;
    }
    if (fmt != FMT_SUMMARY)
      index_lines(&o, cur.buf + skip, cur.cut - skip, base + skip, line_no,
                  line_start);
    emit_block(&o, a, cur.buf + skip, base + skip);
    pm_analysis_free(a);
    /* advance the line count past this block */
    if (fmt != FMT_SUMMARY) {
      line_no = o.first_line + o.lines.size - 1;
      line_start = o.lines.contents[o.lines.size - 1];
    }
    base += cur.cut;
    skip = 0;
    if (read_errno) {
      fprintf(stderr, "pressmark: %s: %s\n", path, strerror(read_errno));
      status = 1;
      break;
    }
    if (!more) break;
    Chunk t = cur;
    cur = next;
    next = t;
  }
  if (getenv("PRESSMARK_STATS")) print_stats(path, stream, thread_cpu() - cpu0);
  pm_stream_free(stream);
  if (!header && status == 0) {
    /* empty file */
    if (fmt == FMT_JSON) {
      printf("%s{\"file\":", *first_file ? "" : "\n");
      PmBuf h = PM_BUF_INIT;
      pm_buf_json_string(&h, path, strlen(path));
      fwrite(h.data, 1, h.len, stdout);
      pm_buf_free(&h);
      printf(",\"lang\":\"%s\",\"quotes\":[",
             opts->lang ? pm_lang_name(opts->lang) : "fr");
    }
    *first_file = false;
    header = true;
  }
  if (status == 0) {
    if (fmt == FMT_JSON) {
      fputs("],\n\"claims\":[", stdout);
      if (o.claims.len) fwrite(o.claims.data, 1, o.claims.len, stdout);
      fputs("],\n\"speakers\":[", stdout);
      PmBuf s = PM_BUF_INIT;
      for (uint32_t k = 0; k < o.speakers.size; k++) {
        SpeakerAgg *g = &o.speakers.contents[k];
        pm_buf_puts(&s, k ? ",\n{\"name\":" : "{\"name\":");
        pm_buf_json_string(&s, g->name, strlen(g->name));
        pm_buf_puts(&s, ",\"aliases\":[");
        for (uint32_t j = 0; j < g->aliases.size; j++) {
          if (j) pm_buf_putc(&s, ',');
          pm_buf_json_string(&s, g->aliases.contents[j], strlen(g->aliases.contents[j]));
        }
        pm_buf_printf(&s, "],\"quotes\":%u}", g->quotes);
      }
      if (s.len) fwrite(s.data, 1, s.len, stdout);
      pm_buf_free(&s);
      fputs("]}\n", stdout);
    } else if (fmt == FMT_TEXT) {
      if (o.claims.len) fwrite(o.claims.data, 1, o.claims.len, stdout);
      for (uint32_t k = 0; k < o.speakers.size; k++)
        printf("%s: speaker %s (%u quotes)\n", path, o.speakers.contents[k].name,
               o.speakers.contents[k].quotes);
    } else {
      PmLangId id = pm_context_lang(ctx);
      printf("%s: lang=%s bytes=%llu quotes=%zu (quote=%zu indirect=%zu "
             "term=%zu title=%zu) speakers=%u claims=%zu sentences=%zu\n",
             path, id == PM_LANG_AUTO ? "fr" : pm_lang_name(id),
             (unsigned long long)base, o.nquotes, o.kinds[0], o.kinds[1],
             o.kinds[2], o.kinds[3], o.speakers.size, o.nclaims, o.nsentences);
    }
  }
  pm_context_free(ctx);
  pm_buf_free(&o.claims);
  pm_array_delete(&o.lines);
  free_speakers(&o);
  pm_free(cur.buf);
  pm_free(next.buf);
  if (!is_stdin) close(fd);
  return status;
}

/* Each block of a big file needs arrays of tens of MB (tokens, sentences:
 * reserved in full for the tokenizer thread, mostly untouched).  glibc
 * serves such sizes with a fresh mmap, so every block faulted its pages in
 * again (19,600 faults and a twentieth of the CPU time on 100 MB); kept in
 * the heap, the next block reuses the pages the last one touched (2,200
 * faults, peak RSS unchanged: untouched pages are never resident). */
static void keep_big_blocks_in_heap(void) {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

int pm_cmd_analyze(int argc, char **argv) {
  keep_big_blocks_in_heap();
  PmAnalyzeOptions opts;
  pm_analyze_options_init(&opts);
  Format fmt = FMT_JSON;
  PmArray(const char *) files = pm_array_new();
  PmArray(const char *) extra = pm_array_new();
  int status = 0;
  bool only_files = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *val = NULL;
    if (!only_files && !strcmp(a, "--")) {
      only_files = true;
      continue;
    }
    if (!only_files && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
      usage(stdout);
      goto out;
    }
    if (!only_files && a[0] == '-' && a[1] == '-') {
      const char *eq = strchr(a, '=');
      size_t kn = eq ? (size_t)(eq - a) : strlen(a);
      if (eq) val = eq + 1;
      else if (i + 1 < argc) val = argv[++i];
      if (!val) {
        fprintf(stderr, "pressmark analyze: %s needs a value\n", a);
        status = 2;
        goto out;
      }
      if (kn == 6 && !strncmp(a, "--lang", kn)) {
        if (!pm_lang_parse(val, &opts.lang)) {
          fprintf(stderr, "pressmark analyze: --lang: expected auto, fr or en, not '%s'\n", val);
          status = 2;
          goto out;
        }
      } else if (kn == 8 && !strncmp(a, "--format", kn)) {
        if (!strcmp(val, "json")) fmt = FMT_JSON;
        else if (!strcmp(val, "text")) fmt = FMT_TEXT;
        else if (!strcmp(val, "summary")) fmt = FMT_SUMMARY;
        else {
          fprintf(stderr, "pressmark analyze: --format: expected json, text or summary, not '%s'\n", val);
          status = 2;
          goto out;
        }
      } else if (kn == 11 && !strncmp(a, "--min-score", kn)) {
        char *end;
        double x = strtod(val, &end);
        if (end == val || *end || x < 0 || x > 1) {
          fprintf(stderr, "pressmark analyze: --min-score: expected a number from 0 to 1, not '%s'\n", val);
          status = 2;
          goto out;
        }
        opts.min_score = x;
      } else if (kn == 11 && !strncmp(a, "--lang-file", kn)) {
        pm_array_push(&extra, val);
      } else {
        fprintf(stderr, "pressmark analyze: unknown option '%.*s'\n", (int)kn, a);
        usage(stderr);
        status = 2;
        goto out;
      }
      continue;
    }
    pm_array_push(&files, a);
  }
  if (!files.size) {
    usage(stderr);
    status = 2;
    goto out;
  }
  PmError err;
  char *dir = pm_lang_find_dir(&err);
  if (!dir) {
    fprintf(stderr, "pressmark analyze: %s\n", err.message);
    status = 2;
    goto out;
  }
  PmLang *lang = pm_lang_load_dir(dir, extra.contents, extra.size, &err);
  pm_free(dir);
  if (!lang) {
    fprintf(stderr, "pressmark analyze: %s\n", err.message);
    status = 2;
    goto out;
  }
  bool first = true;
  for (uint32_t i = 0; i < files.size; i++)
    if (analyze_file(lang, &opts, files.contents[i], fmt, &first)) status = 1;
  pm_lang_free(lang);
  if (fflush(stdout) != 0) {
    fprintf(stderr, "pressmark analyze: cannot write output: %s\n", strerror(errno));
    status = 2;
  }
out:
  pm_array_delete(&files);
  pm_array_delete(&extra);
  return status;
}

/*
 * pipeline.c - a big block's tokenizer in a second thread, and the stream
 * that keeps that thread from one block to the next.
 *
 * On a big block (the command line reads 1 MiB at a time) the tokenizer
 * and the sentence splitter, functions of the paragraph's bytes alone, run
 * ahead in a worker thread while the caller's thread runs the quote and
 * speaker passes, which carry the context from paragraph to paragraph.
 * The sentence rating, a function of the paragraph alone too, goes to
 * whichever thread has time for it: the worker rates a paragraph when it
 * is at least RATE_LEAD bytes ahead of the analysing thread and that
 * thread is not waiting for it, and the analysing thread rates the
 * others.  A fixed split left one thread idle for a quarter of the time
 * whichever side the rating was on (and which side is the slower one
 * depends on the text and on the machine).  Still one pass over the
 * bytes, with the same tokens and sentences in the same order, so the
 * results are exactly those of an__paragraphs.
 *
 * When the tokenizer is the slower side (articles with few quotations),
 * the analysing thread would wait for it: instead it tokenizes the block
 * from the back, a chunk at a time (help_tokenize), and the worker stops
 * where the analysing thread's part begins (Job.span, moved by each side
 * with a compare-and-swap).  Every byte after a '\n' starts a paragraph
 * whichever position the cutting starts from (a long line is cut before
 * its '\n', never across it), so the paragraphs, and therefore the tokens
 * and sentences, are the same as the worker's alone.
 *
 * Each block is a Job: the worker cuts it into paragraphs as it goes, and
 * publishes how many are done.  A stream has two jobs, so that the worker
 * can go on to the block the caller announced as next while this one is
 * still analysed: without that, the worker waited at the end of every
 * block while the caller finished its last paragraphs, read the next
 * block and started a new thread.  A job's arrays are reserved in full
 * before the worker starts it (they never move while the other thread
 * reads them) and kept for the next job in the same slot.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "analysis/internal.h"
#include "util/alloc.h"

/* Paragraphs the analysing thread waits for when it catches up (at the
 * start of a block, only the first few). */
#ifndef WAKE_BATCH
#define WAKE_BATCH 256u
#endif
#define WAKE_FIRST 8u
/* How often the analysing thread tells the worker where it is. */
#define AT_EVERY 8u
/* How far ahead (in bytes) the worker must be to take a paragraph's
 * rating: far enough that a long paragraph or two cannot let the
 * analysing thread catch up and wait. */
#ifndef RATE_LEAD
#define RATE_LEAD (16u * 1024u)
#endif

typedef struct {
  uint32_t ps, pe; /* trimmed paragraph, never blank */
  uint32_t t0, t1; /* its tokens in Job.toks */
  uint32_t m0, m1; /* its quotation marks' indices in Job.marks */
  uint32_t c0, c1; /* its name candidates' indices in Job.cands, when rated */
  uint32_t s0, s1; /* its sentences in Job.sents */
  bool rated;      /* claims__rate and spk__name_candidates ran in the
                      worker */
} ParaSpan;

/* A part of a block cut into paragraphs and tokenized, by one thread:
 * the worker's front, or the back the analysing thread took. */
typedef struct {
  ParaSpan *paras;
  size_t paras_cap;
  uint32_t n;              /* paragraphs in paras (the back's only: the
                              front publishes its count in Job.done) */
  TokenArray toks;
  IndexArray ends;         /* one paragraph's at a time */
  IndexArray marks;        /* paragraph after paragraph (tok__scan) */
  IndexArray cands;        /* likewise (spk__name_candidates) */
  IndexArray cand_ends;    /* beside cands (spk__name_extents) */
  PmArray(Sentence) sents;
} Part;

typedef struct {
  Block proto;             /* the block's read-only fields (text, lexicon) */
  Part front;              /* written by the worker only, read up to `done` */
  /* The back of the block, tokenized by the analysing thread (only it
   * reads and writes it): chunks claimed from the end towards the front,
   * so chunk k+1 precedes chunk k in the text. */
  Part back;
  PmArray(uint32_t) chunks; /* first paragraph in `back` of each chunk */
  /* What one thread writes and the other reads is kept a cache line away
   * from the rest (the padding; no alignment is asked of the allocator):
   * `done` (written by the worker at every paragraph) and `at` (by the
   * analysing thread) on one line made it travel between the cores twice
   * a paragraph. */
  char pad0[64];
  atomic_uint done;        /* paragraphs whose tokens are complete */
  atomic_bool finished;    /* the worker is through with the job */
  atomic_bool cancel;      /* drop the rest (a block announced, not passed) */
  /* front << 32 | back: the worker has cut the block up to `front`, and
   * the paragraphs from `back` on are the analysing thread's.  Each side
   * moves its own half with a compare-and-swap on the whole, so a
   * paragraph is never taken by both. */
  _Atomic uint64_t span;
  char pad1[64];
  /* where the analysing thread is (byte offset, updated every AT_EVERY
   * paragraphs): only a hint for the worker's share of the rating, so
   * read and written relaxed */
  atomic_uint at;
  char pad2[64];
} Job;

struct PmStream {
  const PmLang *lang;
  const PmAnalyzeOptions *opts; /* the caller's, or own_opts */
  PmAnalyzeOptions own_opts;
  /* the last block's counts, reserved in the next block's result (blocks
   * of a file are alike; growing by doubling copied each array twice) */
  uint32_t quotes_hint, claims_hint;
  Job jobs[2];
  Job *ahead;   /* the job started for the announced next block, or NULL
                   (only the analysing thread reads and writes it) */
  bool sync_ok; /* lock and conditions initialised */
  bool running; /* the worker thread exists */
  pthread_t th;
  pthread_mutex_t lock;
  pthread_cond_t work; /* the worker waits for a job */
  pthread_cond_t wake; /* the analysing thread waits for paragraphs */
  /* under `lock`: jobs the worker has yet to start, oldest first */
  Job *todo[2];
  uint32_t n_todo;
  bool quit;
  /* The analysing thread sleeps on `wake` when it catches up, rather than
   * spinning on a machine that may have no CPU to spare; `waiting` tells
   * the worker to signal once `done` reaches `want` (or the job is
   * finished).  All are sequentially consistent and `want` is stored
   * before `waiting`, so either the worker sees both or the sleeper sees
   * `done`.  The sleeper waits only on the oldest job it has not
   * consumed, which is the worker's current one (or the worker finished
   * it, and the sleeper sees that).  It asks for a batch of paragraphs,
   * not the next one: whenever the worker is the slower thread, waking
   * per paragraph cost a futex round trip each time (about 140 000
   * context switches and a seventh of the CPU time on 100 MB). */
  atomic_bool waiting;
  atomic_uint want;
  /* pm__stream_test_help: take every chunk before the worker starts */
  bool help_always;
  unsigned long help_chunks; /* chunks the analysing thread took */
  /* pm_stream_stats: the worker's CPU time in ns as of its last job (its
   * own clock is readable only from itself: stored once a job, relaxed),
   * and the analysing thread's counts (only it writes them) */
  atomic_ullong worker_cpu_ns;
  uint64_t waited_ns, helped_bytes, paragraphs, rated_by_worker;
};

/* A clock in nanoseconds, 0 when it cannot be read. */
static uint64_t clock_ns(clockid_t id) {
  struct timespec t;
  if (clock_gettime(id, &t) != 0) return 0;
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* Wakes the analysing thread if it sleeps and what it waits for is there.
 * One signal per wait: the sleeper takes a while to wake, and until then
 * every paragraph would find `waiting` still set and signal again (a
 * mutex and a futex call each). */
static void wake_analyser(PmStream *s, uint32_t done, bool finished) {
  if (atomic_load(&s->waiting) && (finished || done >= atomic_load(&s->want)) &&
      atomic_exchange(&s->waiting, false)) {
    pthread_mutex_lock(&s->lock);
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->lock);
  }
}

/* The end of the paragraph at pos: pm_analysis_next_paragraph, whose
 * common case is a line shorter than the limit, in one memchr without the
 * call around it. */
static size_t para_end(const char *text, size_t len, size_t pos) {
  size_t lim = len - pos < PM_PARAGRAPH_MAX ? len - pos : PM_PARAGRAPH_MAX;
  const char *nl = memchr(text + pos, '\n', lim);
  return nl ? (size_t)(nl - text) + 1
            : pm_analysis_next_paragraph(text, len, pos);
}

/* Room in `part` for a block of len bytes.  The arrays are reserved from
 * bounds that need no pass over the text: a non-blank paragraph takes at
 * least two bytes (one and its '\n') but the last, and tok__scan reserves
 * its trimmed length + 2 tokens, so 1.5 tokens a byte at most; only what
 * is written is ever resident.  Grown afresh with room to spare, not
 * reallocated: a realloc would copy (and make resident) the whole reserve
 * for nothing, at every block a little longer than the last. */
static void part_reserve(Part *part, size_t len) {
  size_t cap = len + len / 2 + 3; /* < UINT32_MAX / 2: analyse_pipelined */
  if (part->paras_cap < len / 2 + 2) {
    pm_free(part->paras);
    part->paras_cap = len / 2 + 2 + len / 16;
    part->paras = pm_malloc(part->paras_cap * sizeof *part->paras);
  }
  if (part->toks.capacity < cap) {
    pm_array_delete(&part->toks);
    pm_array_reserve(&part->toks, (uint32_t)(cap + cap / 16));
  }
  if (part->marks.capacity < cap) { /* at most one per token */
    pm_array_delete(&part->marks);
    pm_array_reserve(&part->marks, (uint32_t)(cap + cap / 16));
  }
  if (part->cands.capacity < cap) { /* at most one per token */
    pm_array_delete(&part->cands);
    pm_array_reserve(&part->cands, (uint32_t)(cap + cap / 16));
  }
  if (part->cand_ends.capacity < cap) { /* one per candidate */
    pm_array_delete(&part->cand_ends);
    pm_array_reserve(&part->cand_ends, (uint32_t)(cap + cap / 16));
  }
  if (part->sents.capacity < cap) { /* a sentence has a token */
    pm_array_delete(&part->sents);
    pm_array_reserve(&part->sents, (uint32_t)(cap + cap / 16));
  }
  part->n = 0;
  part->toks.size = 0;
  part->marks.size = 0;
  part->cands.size = 0;
  part->cand_ends.size = 0;
  part->sents.size = 0;
}

static void part_free(Part *part) {
  pm_free(part->paras);
  pm_array_delete(&part->toks);
  pm_array_delete(&part->ends);
  pm_array_delete(&part->marks);
  pm_array_delete(&part->cands);
  pm_array_delete(&part->cand_ends);
  pm_array_delete(&part->sents);
}

/* Tokenizes and splits the trimmed line text[ps, pe) into part->paras[i]
 * up to its first escaped break (tok__scan), whose offset goes to *stop
 * (pe when it has none); returns NULL when the paragraph before the break
 * is blank.  w, a copy of the block's read-only fields, is left a window
 * on the paragraph's tokens and sentences (for claims__rate): the windows
 * are big enough that sent__split never grows them. */
static ParaSpan *part_tokenize(Part *part, uint32_t i, Block *w, uint32_t ps,
                               uint32_t pe, uint32_t *stop) {
  ParaSpan *sp = &part->paras[i];
  sp->t0 = part->toks.size;
  sp->m0 = part->marks.size;
  part->ends.size = 0;
  *stop = tok__scan(w->lx, w->text, ps, pe, &part->toks, &part->ends,
                    &part->marks);
  if (*stop != pe) {
    pe = *stop;
    an__trim_before_break(w->text, &ps, &pe);
    if (ps >= pe) return NULL;
  }
  sp->ps = ps;
  sp->pe = pe;
  sp->rated = false;
  sp->s0 = part->sents.size;
  sp->m1 = part->marks.size;
  for (uint32_t k = 0; k < part->ends.size; k++)
    part->ends.contents[k] -= sp->t0;
  for (uint32_t k = sp->m0; k < part->marks.size; k++)
    part->marks.contents[k] -= sp->t0;
  w->toks.contents = part->toks.contents + sp->t0;
  w->toks.size = w->toks.capacity = part->toks.size - sp->t0;
  w->ends = part->ends;
  w->sents.contents = part->sents.contents + sp->s0;
  w->sents.size = 0;
  w->sents.capacity = part->sents.capacity - sp->s0;
  sent__split(w);
  part->sents.size += w->sents.size;
  sp->t1 = part->toks.size;
  sp->s1 = part->sents.size;
  return sp;
}

/* After a piece of the line [*ps, pe) that ended at `stop` (part_tokenize),
 * moves *ps to the next piece: false when there is none. */
static bool next_piece(const char *text, uint32_t stop, uint32_t *ps,
                       uint32_t pe) {
  if (stop == pe) return false;
  *ps = stop + 2;
  an__trim(text, ps, &pe);
  return *ps < pe;
}

/* The worker takes the paragraph that ends at `next`: false when it
 * belongs to the analysing thread's back part. */
static bool claim_front(Job *j, size_t next) {
  uint64_t s = atomic_load_explicit(&j->span, memory_order_relaxed);
  for (;;) {
    if (next > (uint32_t)s) return false;
    uint64_t n = (uint64_t)next << 32 | (uint32_t)s;
    if (atomic_compare_exchange_weak_explicit(&j->span, &s, n,
                                              memory_order_relaxed,
                                              memory_order_relaxed))
      return true;
  }
}

/* The worker's part of a job: cuts the block into paragraphs, then
 * tokenizes, splits and maybe rates each non-blank one.  Blank lines
 * change nothing and get no entry. */
static void job_run(PmStream *s, Job *j) {
  /* sent__split and claims__rate work on windows of the arrays, set per
   * paragraph in this one copy of the read-only fields (a Block is a few
   * hundred bytes: copying it per paragraph showed in the profile) */
  Block w = j->proto;
  const char *text = j->proto.text;
  size_t len = j->proto.len;
  uint32_t i = 0;
  for (size_t pos = 0; pos < len;) {
    if (atomic_load_explicit(&j->cancel, memory_order_relaxed)) break;
    size_t next = para_end(text, len, pos);
    if (!claim_front(j, next)) break;
    uint32_t ps = (uint32_t)pos, pe = (uint32_t)next;
    pos = next;
    an__trim(text, &ps, &pe);
    if (ps >= pe) continue;
    uint32_t stop;
    do {
      ParaSpan *sp = part_tokenize(&j->front, i, &w, ps, pe, &stop);
      if (!sp) continue;
      /* (never while the analysing thread sleeps: it has time then) */
      if ((sp->ps >= atomic_load_explicit(&j->at, memory_order_relaxed) + RATE_LEAD &&
           !atomic_load_explicit(&s->waiting, memory_order_relaxed)) ||
          an__test_cands) {
        claims__rate(&w);
        /* (and the list of name candidates note_entities would
         * otherwise find, by every capital, in the analysing thread:
         * with the rating, work for whichever thread has time) */
        sp->c0 = j->front.cands.size;
        spk__name_candidates(w.toks.contents, w.toks.size, 0, &j->front.cands);
        sp->c1 = j->front.cands.size;
        spk__name_extents(&w, j->front.cands.contents + sp->c0, sp->c1 - sp->c0,
                          j->front.cand_ends.contents + sp->c0);
        j->front.cand_ends.size = sp->c1;
        sp->rated = true; /* published with `done` below */
      }
      atomic_store(&j->done, ++i);
      wake_analyser(s, i, false);
    } while (next_piece(text, stop, &ps, pe));
  }
  atomic_store_explicit(&s->worker_cpu_ns, clock_ns(CLOCK_THREAD_CPUTIME_ID),
                        memory_order_relaxed);
  atomic_store(&j->finished, true);
  wake_analyser(s, i, true);
}

static void *worker(void *arg) {
  PmStream *s = arg;
  for (;;) {
    pthread_mutex_lock(&s->lock);
    while (!s->n_todo && !s->quit) pthread_cond_wait(&s->work, &s->lock);
    if (s->quit) {
      pthread_mutex_unlock(&s->lock);
      return NULL;
    }
    Job *j = s->todo[0];
    s->todo[0] = s->todo[1];
    s->n_todo--;
    pthread_mutex_unlock(&s->lock);
    job_run(s, j);
  }
}

PmStream *pm_stream_new(const PmLang *lang, const PmAnalyzeOptions *opts) {
  PmStream *s = pm_calloc(1, sizeof *s);
  s->lang = lang;
  /* never NULL, so that no Block points into another's defaults */
  if (!opts) pm_analyze_options_init(&s->own_opts);
  s->opts = opts ? opts : &s->own_opts;
  for (int k = 0; k < 2; k++) {
    atomic_init(&s->jobs[k].done, 0);
    atomic_init(&s->jobs[k].finished, true);
    atomic_init(&s->jobs[k].cancel, false);
    atomic_init(&s->jobs[k].at, 0);
    atomic_init(&s->jobs[k].span, 0);
  }
  atomic_init(&s->waiting, false);
  atomic_init(&s->want, 0);
  atomic_init(&s->worker_cpu_ns, 0);
  return s;
}

/* Starts the worker on first use; false when a thread cannot be had (the
 * blocks are then analysed in the caller's thread). */
static bool start_worker(PmStream *s) {
  if (s->running) return true;
  if (!s->sync_ok) {
    if (pthread_mutex_init(&s->lock, NULL) != 0) return false;
    if (pthread_cond_init(&s->work, NULL) != 0) {
      pthread_mutex_destroy(&s->lock);
      return false;
    }
    if (pthread_cond_init(&s->wake, NULL) != 0) {
      pthread_cond_destroy(&s->work);
      pthread_mutex_destroy(&s->lock);
      return false;
    }
    s->sync_ok = true;
  }
  s->running = pthread_create(&s->th, NULL, worker, s) == 0;
  return s->running;
}

/* Returns when job j has more than `i` paragraphs done or is finished;
 * sleeps if need be until it has i + batch (or is finished). */
static void wait_for(PmStream *s, Job *j, uint32_t i, uint32_t batch) {
  if (atomic_load(&j->done) > i || atomic_load(&j->finished)) return;
  uint64_t t0 = clock_ns(CLOCK_MONOTONIC);
  pthread_mutex_lock(&s->lock);
  atomic_store(&s->want, i + batch);
  atomic_store(&s->waiting, true);
  while (atomic_load(&j->done) < atomic_load(&s->want) &&
         !atomic_load(&j->finished))
    pthread_cond_wait(&s->wake, &s->lock);
  atomic_store(&s->waiting, false);
  pthread_mutex_unlock(&s->lock);
  s->waited_ns += clock_ns(CLOCK_MONOTONIC) - t0;
}

/* Chunks the analysing thread tokenizes at a time, and the least the
 * worker must have left for one to be worth taking. */
#ifndef HELP_CHUNK
#define HELP_CHUNK (32u * 1024u)
#endif

/* Instead of waiting for the worker, tokenizes a chunk at the back of job
 * j's unclaimed part into j->back; false when there is none to take (the
 * worker is near the back, or a single line fills what is left).  A chunk
 * starts after the first newline at or after HELP_CHUNK bytes from the
 * back or, when a long line ends the part, after the last one before. */
static bool help_tokenize(PmStream *st, Job *j) {
  const char *text = j->proto.text;
  uint64_t s = atomic_load_explicit(&j->span, memory_order_relaxed);
  uint32_t c0, c1;
  for (;;) {
    uint32_t front = (uint32_t)(s >> 32), back = (uint32_t)s;
    if (back - front < 2 * HELP_CHUNK) return false;
    const char *nl = memchr(text + back - HELP_CHUNK, '\n', HELP_CHUNK - 1);
    for (uint32_t k = back - HELP_CHUNK; !nl && k-- > front + HELP_CHUNK;)
      if (text[k] == '\n') nl = text + k;
    if (!nl) return false;
    c0 = (uint32_t)(nl - text) + 1;
    c1 = back;
    uint64_t n = (s >> 32) << 32 | c0;
    if (atomic_compare_exchange_weak_explicit(&j->span, &s, n,
                                              memory_order_relaxed,
                                              memory_order_relaxed))
      break;
  }
  if (!j->chunks.size) part_reserve(&j->back, j->proto.len);
  pm_array_push(&j->chunks, j->back.n);
  st->help_chunks++;
  st->helped_bytes += c1 - c0;
  Block w = j->proto;
  for (uint32_t pos = c0; pos < c1;) {
    uint32_t ps = pos, pe = (uint32_t)para_end(text, c1, pos);
    pos = pe;
    an__trim(text, &ps, &pe);
    if (ps >= pe) continue;
    uint32_t stop;
    do {
      if (part_tokenize(&j->back, j->back.n, &w, ps, pe, &stop)) j->back.n++;
    } while (next_piece(text, stop, &ps, pe));
  }
  return true;
}

/* Returns when job j has more than `i` paragraphs done or is finished,
 * tokenizing the back of the block meanwhile if there is one to take;
 * sleeps if need be until it has i + batch (or is finished). */
static void wait_or_help(PmStream *s, Job *j, uint32_t i, uint32_t batch) {
  while (atomic_load(&j->done) <= i && !atomic_load(&j->finished))
    if (!help_tokenize(s, j)) {
      wait_for(s, j, i, batch);
      return;
    }
}

/* Gives the idle job j the block text[0..len) of b's language, and queues
 * it for the worker. */
static void job_queue(PmStream *s, Job *j, const Block *b, const char *text,
                      size_t len) {
  j->proto = *b;
  j->proto.text = text;
  j->proto.len = (uint32_t)len;
  memset(&j->proto.toks, 0, sizeof j->proto.toks);
  memset(&j->proto.ends, 0, sizeof j->proto.ends);
  memset(&j->proto.sents, 0, sizeof j->proto.sents);
  memset(&j->proto.raw, 0, sizeof j->proto.raw);
  j->proto.ctx = NULL; /* the worker must not touch the context */
  j->proto.res = NULL;
  part_reserve(&j->front, len);
  j->back.n = 0; /* reserved when the first chunk is taken */
  j->chunks.size = 0;
  atomic_store(&j->span, (uint64_t)len);
  atomic_store(&j->done, 0);
  atomic_store(&j->at, 0);
  atomic_store(&j->cancel, false);
  atomic_store(&j->finished, false);
  if (s->help_always) /* before the worker can start: deterministic */
    while (help_tokenize(s, j)) {
    }
  pthread_mutex_lock(&s->lock);
  s->todo[s->n_todo++] = j;
  pthread_cond_signal(&s->work);
  pthread_mutex_unlock(&s->lock);
}

/* Drops the job started ahead: unqueued if the worker has not taken it,
 * else stopped at its next paragraph (and waited for). */
static void drop_ahead(PmStream *s) {
  Job *j = s->ahead;
  s->ahead = NULL;
  bool queued = false;
  pthread_mutex_lock(&s->lock);
  for (uint32_t k = 0; k < s->n_todo; k++) {
    if (s->todo[k] != j) continue;
    s->todo[k] = s->todo[--s->n_todo];
    queued = true;
  }
  pthread_mutex_unlock(&s->lock);
  if (queued) {
    atomic_store(&j->finished, true);
    return;
  }
  atomic_store(&j->cancel, true);
  wait_for(s, j, UINT32_MAX - 1, 1); /* no job has that many: to its end */
}

/* Runs the analysing passes on one tokenized paragraph: b's token and
 * sentence arrays become windows on the job's. */
static void analyse_span(Block *b, const ParaSpan *sp, const Part *part) {
  b->toks.contents = part->toks.contents + sp->t0;
  b->toks.size = b->toks.capacity = sp->t1 - sp->t0;
  b->sents.contents = part->sents.contents + sp->s0;
  b->sents.size = b->sents.capacity = sp->s1 - sp->s0;
  b->marks.contents = part->marks.contents + sp->m0;
  b->marks.size = b->marks.capacity = sp->m1 - sp->m0;
  b->has_cands = sp->rated;
  if (sp->rated) {
    b->cands.contents = part->cands.contents + sp->c0;
    b->cands.size = b->cands.capacity = sp->c1 - sp->c0;
    b->cand_ends.contents = part->cand_ends.contents + sp->c0;
    b->cand_ends.size = b->cand_ends.capacity = sp->c1 - sp->c0;
  }
  an__analyse_tokens(b, sp->ps, sp->pe, false, !sp->rated);
}

/* Analyses b (whose text is big) with the worker; false, having done
 * nothing, when the worker cannot be started. */
static bool analyse_pipelined(PmStream *s, Block *b, const char *next,
                              size_t next_len) {
  if ((size_t)b->len + b->len / 2 + 3 > UINT32_MAX / 2 || !start_worker(s))
    return false;
  Job *j = s->ahead;
  if (j && (j->proto.text != b->text || j->proto.len != b->len ||
            j->proto.lx != b->lx))
    drop_ahead(s);
  j = s->ahead;
  s->ahead = NULL;
  if (!j) { /* both slots are idle */
    j = &s->jobs[0];
    job_queue(s, j, b, b->text, b->len);
  }
  /* The next block goes to the other slot (its last job is consumed),
   * when its language is already settled (a block still detecting it may
   * choose another lexicon for the next), and when its line breaks all
   * end paragraphs: a wrapped text's next block is read through its own
   * softened copy (softbreak.c), made when the block is passed. */
  if (next && next_len >= AN_PIPELINE_MIN &&
      next_len + next_len / 2 + 3 <= UINT32_MAX / 2 && b->ctx->lang &&
      b->ctx->wrap == PM_WRAP_LINES) {
    s->ahead = j == &s->jobs[0] ? &s->jobs[1] : &s->jobs[0];
    job_queue(s, s->ahead, b, next, next_len);
  }
  /* b->toks becomes a window on the job's array, paragraph by paragraph;
   * its own buffer is kept aside and restored after. */
  TokenArray own = b->toks;
  IndexArray own_marks = b->marks, own_cands = b->cands, own_ends = b->cand_ends;
  PmArray(Sentence) own_sents;
  memcpy(&own_sents, &b->sents, sizeof own_sents);
  /* `done` is read again only when the paragraphs it said were done are
   * analysed: each read may fetch the line from the other core */
  uint32_t avail = 0;
  for (uint32_t i = 0;; i++) {
    if (i >= avail) {
      wait_or_help(s, j, i, i ? WAKE_BATCH : WAKE_FIRST);
      avail = atomic_load(&j->done);
      if (avail <= i) break; /* finished, and all analysed */
    }
    const ParaSpan *sp = &j->front.paras[i];
    if (i % AT_EVERY == 0)
      atomic_store_explicit(&j->at, sp->ps, memory_order_relaxed);
    s->rated_by_worker += sp->rated;
    analyse_span(b, sp, &j->front);
  }
  s->paragraphs += avail + j->back.n;
  /* then the back, in the text's order: the last chunk claimed first */
  for (uint32_t c = j->chunks.size; c-- > 0;) {
    uint32_t p1 =
        c + 1 < j->chunks.size ? j->chunks.contents[c + 1] : j->back.n;
    for (uint32_t p = j->chunks.contents[c]; p < p1; p++)
      analyse_span(b, &j->back.paras[p], &j->back);
  }
  b->toks = own;
  b->marks = own_marks;
  b->cands = own_cands;
  b->cand_ends = own_ends;
  b->has_cands = false;
  memcpy(&b->sents, &own_sents, sizeof own_sents);
  return true;
}

PmAnalysis *pm_stream_analyze(PmStream *s, const char *text, size_t len,
                              const char *next, size_t next_len,
                              PmContext *ctx, PmError *err) {
  Block b;
  PmAnalysis *a = an__begin(&b, s->lang, s->opts, text, len, ctx, err);
  if (!a) return NULL;
  pm_array_reserve(&a->quotes, s->quotes_hint);
  pm_array_reserve(&a->claims, s->claims_hint);
  if (len < AN_PIPELINE_MIN || !analyse_pipelined(s, &b, next, next_len)) {
    if (s->ahead) drop_ahead(s);
    an__paragraphs(&b);
  }
  s->quotes_hint = a->quotes.size + a->quotes.size / 8;
  s->claims_hint = a->claims.size + a->claims.size / 8;
  return an__end(&b);
}

void pm_stream_stats(const PmStream *s, PmStreamStats *out) {
  memset(out, 0, sizeof *out);
  out->worker_cpu =
      (double)atomic_load_explicit(&((PmStream *)s)->worker_cpu_ns,
                                   memory_order_relaxed) / 1e9;
  out->waited = (double)s->waited_ns / 1e9;
  out->helped_bytes = s->helped_bytes;
  out->paragraphs = s->paragraphs;
  out->rated_by_worker = s->rated_by_worker;
}

unsigned long pm__stream_test_help(PmStream *s, bool always) {
  s->help_always = always;
  return s->help_chunks;
}

void pm_stream_free(PmStream *s) {
  if (!s) return;
  if (s->running) {
    pthread_mutex_lock(&s->lock);
    s->quit = true;
    s->n_todo = 0;
    pthread_cond_signal(&s->work);
    pthread_mutex_unlock(&s->lock);
    for (int k = 0; k < 2; k++) atomic_store(&s->jobs[k].cancel, true);
    pthread_join(s->th, NULL);
  }
  if (s->sync_ok) {
    pthread_cond_destroy(&s->wake);
    pthread_cond_destroy(&s->work);
    pthread_mutex_destroy(&s->lock);
  }
  for (int k = 0; k < 2; k++) {
    part_free(&s->jobs[k].front);
    part_free(&s->jobs[k].back);
    pm_array_delete(&s->jobs[k].chunks);
  }
  pm_free(s);
}

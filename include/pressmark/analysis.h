/*
 * analysis.h - quotations, speakers and check-worthy claims in French and
 * English press text.
 *
 * Three objects:
 *   PmLang      cue words per language, loaded from lang/<code>.yaml plus any
 *               user files (read-only once loaded; share it freely).
 *   PmContext   what flows from one paragraph to the next: the detected
 *               language, recent speakers (for pronouns and follow-on
 *               quotes), role -> name bindings ("le ministre" -> Manuel
 *               Valls), being inside a reader-comment section, a quote left
 *               open at the end of a paragraph.  A plain value: copy it,
 *               compare it, keep one per paragraph.
 *   PmAnalysis  the result for one block of whole paragraphs: quotes,
 *               claims and speakers as plain structs.  Every string and span
 *               belongs to the PmAnalysis and lives until pm_analysis_free.
 *
 * Positions are 0-based byte offsets into the `text` given to
 * pm_analyze_block, spans are half-open [start, end).  The whole-file
 * analysis is pm_analyze_block over consecutive paragraph blocks with one
 * context that starts fresh (pm_context_new).  Cutting a text where
 * pm_analysis_next_paragraph cuts it gives the same results, with known
 * exceptions where the analyser looks across a paragraph end inside one
 * block: a speaker named after a multi-paragraph quotation is given back to
 * its earlier pieces, and a quotation closed by an attribution at the very
 * end of a block is only recognised when another paragraph follows.  The
 * fuzz target checks the agreement under PM_FUZZ_STRICT=1 and keeps the
 * inputs that show these exceptions (tests/fuzz/analyze/strict-*).
 */
#ifndef PRESSMARK_ANALYSIS_H
#define PRESSMARK_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pressmark/error.h"

typedef struct PmLang PmLang;
typedef struct PmContext PmContext;
typedef struct PmAnalysis PmAnalysis;

/* ---- language data ----------------------------------------------------- */

typedef enum { PM_LANG_AUTO = 0, PM_LANG_FR = 1, PM_LANG_EN = 2 } PmLangId;

/* Loads cue words from `n` YAML files (see lang/fr.yaml for the schema).
 * Files with the same `lang:` add to each other's lists, so a user file
 * extends the shipped one.  Returns NULL and fills `err` (file:line:col)
 * when a file cannot be read or is not a valid language file.  The caller
 * frees the result with pm_lang_free; `files` is borrowed. */
PmLang *pm_lang_load(const char *const *files, size_t n, PmError *err);

/* Loads every *.yaml file of `dir` in name order (fr.yaml, en.yaml, ...),
 * then the user's `extra` files (n_extra of them, borrowed; may be NULL),
 * which extend the lists without recompiling.  Fails when the folder cannot
 * be read, or when it holds no language file and no extra file is given. */
PmLang *pm_lang_load_dir(const char *dir, const char *const *extra,
                         size_t n_extra, PmError *err);

void pm_lang_free(PmLang *lang);

/* Finds the shipped lang/ folder: $PRESSMARK_LANG_DIR when set, else
 * <exe dir>/../lang or <exe dir>/../../lang (a checkout's build/ or
 * build/asan/), else <exe dir>/../share/pressmark (an installed binary),
 * else PM_LANG_PREFIX "/share/pressmark".  Returns a string the caller
 * frees with pm_free, or NULL (with `err` set) when none holds fr.yaml. */
char *pm_lang_find_dir(PmError *err);

/* Language-name helpers: "fr", "en" or "auto"; parse returns false for
 * other names. */
const char *pm_lang_name(PmLangId id);
bool pm_lang_parse(const char *name, PmLangId *out);

/* Guesses French or English from function words in text[0..len).  Returns
 * PM_LANG_AUTO when the text gives no evidence (too short). */
PmLangId pm_lang_detect(const PmLang *lang, const char *text, size_t len);

/* ---- analysis ---------------------------------------------------------- */

typedef struct {
  PmLangId lang;     /* PM_LANG_AUTO detects it once per context */
  double min_score;  /* claims are sentences scoring >= this (0..1) */
} PmAnalyzeOptions;

#define PM_ANALYZE_DEFAULT_MIN_SCORE 0.5

/* Fills `opts` with the defaults: auto language, default threshold. */
void pm_analyze_options_init(PmAnalyzeOptions *opts);

typedef enum {
  PM_QUOTE_QUOTE = 0, /* reported speech in quotation marks */
  PM_QUOTE_INDIRECT,  /* reported speech without marks ("X said that ...") */
  PM_QUOTE_TERM,      /* a scare quote or quoted expression, no speech */
  PM_QUOTE_TITLE      /* a quoted name of an outlet, book, law, ... */
} PmQuoteKind;

/* What the cue verb says of the speaker's commitment. */
typedef enum {
  PM_STANCE_NONE = 0, /* no verb (a colon, "selon", a dash, a follow-on) */
  PM_STANCE_NEUTRAL,  /* dit, said */
  PM_STANCE_ASSERT,   /* affirme, assure, insisted */
  PM_STANCE_CONTEST,  /* prétend, claims, alleged */
  PM_STANCE_DENY,     /* dément, denied */
  PM_STANCE_CONCEDE   /* reconnaît, concède, admitted */
} PmStance;

typedef struct {
  const char *name;    /* resolved full name, NULL when unresolved */
  const char *mention; /* the words in the text; for a speaker carried over
                          (follow-on, continued) its nearest mention; NULL
                          when the text near it never names the speaker */
  uint32_t start, end; /* span of the mention; both 0 when mention is NULL */
  const char *how;     /* the rule that fired, e.g. "incise", "pronoun" */
  PmStance stance;
} PmSpeakerRef;

typedef struct {
  uint32_t start, end; /* between the marks, without them */
  PmQuoteKind kind;
  bool has_speaker;    /* false: the text names no speaker */
  bool recalled;       /* the speaker's mention is borrowed, not this
                          quotation's own cue: a headline's from the body,
                          a carried-over speaker's nearest mention */
  PmSpeakerRef speaker;
  double confidence;   /* 0..1 */
} PmQuote;

/* Claim reasons, a bit set; pm_claim_reason_name names each bit. */
enum {
  PM_REASON_NUMBER = 1u << 0,
  PM_REASON_PERCENT = 1u << 1,
  PM_REASON_AMOUNT = 1u << 2,
  PM_REASON_DATE = 1u << 3,
  PM_REASON_ENTITY = 1u << 4,
  PM_REASON_COMPARATIVE = 1u << 5,
  PM_REASON_FACTUAL_VERB = 1u << 6,
  PM_REASON_CAUSAL = 1u << 7,
  PM_REASON_ATTRIBUTION = 1u << 8,
  PM_REASON_POLICY = 1u << 9,
  PM_REASON_QUESTION = 1u << 10,
  PM_REASON_OPINION = 1u << 11,
  PM_REASON_INTERJECTION = 1u << 12,
  PM_REASON_SHORT = 1u << 13,
  PM_REASON_BOILERPLATE = 1u << 14,
  PM_REASON_FUTURE = 1u << 15,
  PM_REASON_RECORD = 1u << 16,       /* someone else's vote, act or words */
  PM_REASON_STATISTIC = 1u << 17,    /* a rate, average, "nearly a third" */
  PM_REASON_SOURCE = 1u << 18,       /* a cited study, report, census */
  PM_REASON_PROCEDURE = 1u << 19,    /* a moderator's rule, question, clock */
  PM_REASON_ANECDOTE = 1u << 20,     /* the voter in the diner, family */
  PM_REASON_HYPOTHETICAL = 1u << 21, /* if, imagine */
  PM_REASON_COUNT = 22
};

/* Name of the reason bit `bit` (e.g. "number"), NULL for an unknown bit. */
const char *pm_claim_reason_name(uint32_t bit);

typedef struct {
  uint32_t start, end;  /* the sentence, trimmed */
  double score;         /* 0..1; ranks sentences by check-worthiness */
  uint32_t reasons;     /* PM_REASON_* bits that fired */
  const char *speaker;  /* who made it (quote/indirect speaker) or NULL */
} PmClaim;

typedef struct {
  const char *name;
  const char *const *aliases; /* other mentions resolved to `name` */
  uint32_t n_aliases;
  uint32_t quotes;            /* quotes attributed in this block */
} PmSpeaker;

/* A fresh context: nothing seen yet.  Never NULL; free with
 * pm_context_free. */
PmContext *pm_context_new(void);
/* A deep copy that the caller frees. */
PmContext *pm_context_copy(const PmContext *ctx);
/* True when `a` and `b` would analyse every following text the same way.
 * The server stops re-analysing forward when the context leaving an edited
 * paragraph equals the cached one. */
bool pm_context_equal(const PmContext *a, const PmContext *b);
/* The language the context settled on, else the one its cue words lean to
 * so far (PM_LANG_AUTO before any text or on a tie). */
PmLangId pm_context_lang(const PmContext *ctx);
void pm_context_free(PmContext *ctx);

/* Returns the offset just past the paragraph that starts at `pos`: after
 * its '\n', or at len, or - for a paragraph longer than
 * PM_PARAGRAPH_MAX bytes - after an escaped break (a literal \n), else at a
 * space or character boundary, before that limit (a 50 MB single line is
 * cut in pieces).  Always > pos when
 * pos < len.  Cheap (memchr). */
#define PM_PARAGRAPH_MAX (256u * 1024u)
size_t pm_analysis_next_paragraph(const char *text, size_t len, size_t pos);

/* Where a reader of a big file may cut text[0..len) into blocks: the offset
 * just past its last blank line (found in the last 64 KiB), else just past
 * its last '\n', 0 when it has none.  A blank line ends a paragraph in every
 * reading of the line breaks, also in a hard-wrapped text, where a single
 * '\n' may only wrap a line (see pm_analyze_block); a reader that cuts at
 * every '\n' would split its paragraphs.  Cannot fail. */
size_t pm_analysis_block_end(const char *text, size_t len);

/* How many of a text's first bytes decide the reading of its line breaks
 * (pm_context_set_reading). */
#define PM_READING_HEAD (16u * 1024u)

/* Decides how `ctx` reads the line breaks of the text it goes on to read,
 * from that text's first bytes head[0..len) (up to PM_READING_HEAD are
 * read): one paragraph a line, or hard-wrapped or Markdown, where a '\n'
 * inside a paragraph only wraps a line.  pm_analyze_block decides it so
 * from its first block when the context has not decided yet; a reader that
 * gives a text in small blocks (the editor's) decides it from the whole
 * text's head instead, so that it reads as `pressmark analyze` reads the
 * file.  Returns true for a wrapped reading: the reader must then cut its
 * blocks only where pm_analysis_hard_break says.  `head` is borrowed.
 * Cannot fail. */
bool pm_context_set_reading(PmContext *ctx, const char *head, size_t len);

/* True when the line break between `line` (line_len bytes, without its
 * '\n') and the next line, of which next[0..next_len) are the first bytes
 * (48 are enough; next_len 0 for none or an empty line), ends a paragraph
 * in the reading `ctx` has decided: a blank line, a Markdown block, a
 * full sentence on a long line, ... (softbreak.c).  Always true in the
 * one-paragraph-a-line reading or an undecided one.  A text cut into
 * blocks at such breaks reads block after block as it reads whole.  Both
 * texts are borrowed.  Cannot fail. */
bool pm_analysis_hard_break(const PmContext *ctx, const char *line,
                            size_t line_len, const char *next,
                            size_t next_len);

/* Analyses text[0..len), one or more whole paragraphs (as cut by
 * pm_analysis_next_paragraph), reading and updating `ctx` (in: the state
 * before the text, out: the state after it).  `text` is borrowed and need
 * not be NUL-terminated; invalid UTF-8 and NUL bytes are passed over.
 * `opts` may be NULL for the defaults.  Returns a result the caller frees
 * with pm_analysis_free; returns NULL with `err` set only for a text
 * longer than UINT32_MAX bytes. */
PmAnalysis *pm_analyze_block(const PmLang *lang, const PmAnalyzeOptions *opts,
                             const char *text, size_t len, PmContext *ctx,
                             PmError *err);

/* A long text analysed block after block, as the command line reads a
 * file: pm_stream_analyze gives exactly what pm_analyze_block gives for
 * the same block and context, but the second thread that tokenizes a big
 * block, and its arrays, live from one block to the next, and that thread
 * goes on to the block announced as `next` (may be NULL) while this one is
 * analysed.  The caller keeps `next`'s bytes unchanged until it passes
 * them as `text` or frees the stream; announcing a block and then passing
 * another is allowed (the work ahead is dropped).  `lang` and `opts` are
 * borrowed for the stream's life; opts may be NULL for the defaults. */
typedef struct PmStream PmStream;
PmStream *pm_stream_new(const PmLang *lang, const PmAnalyzeOptions *opts);
PmAnalysis *pm_stream_analyze(PmStream *s, const char *text, size_t len,
                              const char *next, size_t next_len,
                              PmContext *ctx, PmError *err);
void pm_stream_free(PmStream *s);

/* Where a stream's time went, for the speed figures (bench/20-analyze.sh):
 * the caller's thread analyses, the stream's second thread tokenizes (and
 * rates sentences when it is ahead); the slower of the two sets the wall
 * time.  Totals since pm_stream_new. */
typedef struct {
  double worker_cpu;          /* seconds of CPU time of the second thread */
  double waited;              /* seconds the caller's thread slept waiting
                                 for tokens */
  uint64_t helped_bytes;      /* bytes the caller's thread tokenized itself
                                 instead of waiting */
  uint64_t paragraphs;        /* paragraphs analysed in blocks big enough
                                 for the second thread */
  uint64_t rated_by_worker;   /* of which the second thread rated */
} PmStreamStats;
/* Fills *out; call between pm_stream_analyze calls (not during one).
 * Cannot fail. */
void pm_stream_stats(const PmStream *s, PmStreamStats *out);

void pm_analysis_free(PmAnalysis *a);

/* Results in text order.  Pointers stay valid until pm_analysis_free;
 * `*n` receives the count.  Never NULL for a non-NULL `a` (may be empty). */
const PmQuote *pm_analysis_quotes(const PmAnalysis *a, size_t *n);
const PmClaim *pm_analysis_claims(const PmAnalysis *a, size_t *n);
const PmSpeaker *pm_analysis_speakers(const PmAnalysis *a, size_t *n);
/* One quotation per speaker mention, however many share it (a carried-over
 * speaker's quotations borrow their nearest mention): sets listed[i] for
 * the quotation that answers for its mention (the first whose own words
 * the mention is, else the first that borrows it) and clears it for the
 * others and for quotations without a mention.  `listed` has a slot per
 * quotation (pm_analysis_quotes' count).  O(n log n) for n quotations. */
void pm_analysis_mention_owners(const PmAnalysis *a, bool *listed);
/* Number of sentences scored (claims or not). */
size_t pm_analysis_sentence_count(const PmAnalysis *a);

const char *pm_quote_kind_name(PmQuoteKind kind);
const char *pm_stance_name(PmStance stance);

/* ---- files --------------------------------------------------------------- */

/* True when the first bytes of a file (`head`, up to 64 KiB) say it is not
 * text: a known binary signature (ELF, ZIP, PDF, PNG, GZIP, ...), or more
 * than 10 % NUL bytes or invalid UTF-8.  `what` receives a short reason
 * ("PDF signature", "37 % NUL or invalid bytes"). */
bool pm_analysis_is_binary(const char *head, size_t len, char *what,
                           size_t what_size);

#endif

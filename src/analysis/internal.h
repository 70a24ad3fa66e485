/*
 * internal.h - what the analyser's files share and nobody else sees: the
 * word lexicon (lang.c), the tokenizer (tokens.c, words.c, bytes.h), the
 * context layout (context.c) and the per-block working state (analyze.c,
 * quotes.c, speakers.c, claims.c).
 */
#ifndef PM_ANALYSIS_INTERNAL_H
#define PM_ANALYSIS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pressmark/analysis.h"
#include "util/array.h"
#include "util/buf.h"

/* ---- lexicon ----------------------------------------------------------- */

/* Word classes, one bit each; a word may have several. */
#define W_SPEECH         (1ull << 0) /* a form of a speech verb (stance in Lex.stance) */
#define W_PRON_M         (1ull << 1) /* il, he */
#define W_PRON_F         (1ull << 2) /* elle, she */
#define W_PRON_PL        (1ull << 3) /* ils, elles, they */
#define W_PRON_OBJ       (1ull << 4) /* lui, him, her, eux (after selon / according to) */
#define W_ROLE           (1ull << 5) /* ministre, senator: a role noun */
#define W_ROLE_F         (1ull << 6) /* présidente: a feminine role noun */
#define W_DET            (1ull << 7) /* le, la, the, a */
#define W_PREP           (1ull << 8) /* de, du, of, in: what precedes a complement */
#define W_SOURCE         (1ull << 9) /* selon, according: introduces a source */
#define W_TITLE_CUE      (1ull << 10) /* quotidien, journal, newspaper, loi, book */
#define W_HONORIFIC      (1ull << 11) /* M., Mme, Mr, Dr */
#define W_FIRST_M        (1ull << 12) /* masculine first names */
#define W_FIRST_F        (1ull << 13) /* feminine first names */
#define W_QUE            (1ull << 14) /* que, qu', that */
#define W_FIRST_PERSON   (1ull << 15) /* je, nous, I, we, my */
#define W_OPINION        (1ull << 16) /* think, believe, pense */
#define W_INTERJ         (1ull << 17) /* thank, merci, hello, applause */
#define W_COMPAR         (1ull << 18) /* more, less, plus, moins, biggest */
#define W_FACTUAL        (1ull << 19) /* voted, increased, a augmenté */
#define W_CAUSAL         (1ull << 20) /* because, caused, parce */
#define W_POLICY         (1ull << 21) /* tax, jobs, chômage */
#define W_AMOUNT         (1ull << 22) /* million, euros, percent */
#define W_MONTH          (1ull << 23) /* janvier, January, lundi */
#define W_FUTURE         (1ull << 24) /* will, would, should, va */
#define W_AUX            (1ull << 25) /* a, avait, has, was: between subject and verb */
#define W_ABBREV         (1ull << 26) /* takes a period that does not end a sentence */
#define W_FUNCTION       (1ull << 27) /* other frequent function words (never names) */
#define W_OUTLET         (1ull << 28) /* quotidien, newspaper: resolves to a title */
#define W_COMMENT        (1ull << 29) /* commentaires, comments: a comment heading */
#define W_POST           (1ull << 30) /* répondre, reply: reader-post furniture */
#define W_DETECT         (1ull << 31) /* language-detection function word */
#define W_INSTITUTION (1ull << 32) /* gouvernement, ministry: never a person */
#define W_NAME_PARTICLE (1ull << 33) /* de, van, von inside a name */
/* Set by lang.c itself, not by the data files: "you" and "vous" in every
 * lexicon, so that claims__rate tests its exact spellings only on them. */
#define W_SECOND (1ull << 40)
#define W_ANON (1ull << 34) /* source, entourage, person: an unnamed source's noun */
#define W_CONJ (1ull << 35) /* et, mais, and, but: a new predicate begins */
#define W_ROLE_GENERIC (1ull << 36) /* magistrat, official: fits any other role */
#define W_INTERVIEW (1ull << 37) /* entretien, interview: the article is an interview */
#define W_OFFICE (1ull << 38) /* ministre, senator: a seat one person holds at a time */
#define W_COMPANY (1ull << 39) /* the lender, le groupe: a company named before */
#define W_LINE_HEAD (1ull << 41) /* first word of a boilerplate or byline phrase */
#define W_SYN_HEAD (1ull << 42) /* first word of a role synonym */
#define W_CONTINUE (1ull << 43) /* poursuivre, continue: a speaker goes on */
#define W_AGENCY (1ull << 44) /* agency, department: a public body named before */
#define W_THAT_ONLY (1ull << 45) /* charge: reports only before "that" */
#define W_ORG_LAST (1ull << 46) /* Canada, Inc: ends an organisation's name */
#define W_PAST (1ull << 47) /* stung, knew: an irregular past, a clause's verb */
/* Claim ranking classes (claims.c), from bit 48 up to leave room below */
#define W_CLOCK     (1ull << 48) /* seconds, minutes: a debate's clock after a number */
#define W_NUMWORD   (1ull << 49) /* two, forty: a small count, weaker than a figure */
#define W_PROCEDURE (1ull << 50) /* question, segment, rebuttal: running a debate */
#define W_PERSONAL  (1ull << 51) /* met, mother, neighbor: an anecdote */
#define W_HYPO      (1ull << 52) /* if, imagine: a hypothetical */
#define W_STAT      (1ull << 53) /* rate, average, nearly: a statistic without digits */
#define W_CITE      (1ull << 54) /* study, report, census: a cited source */
#define W_RECORD    (1ull << 55) /* voted, signed, wants: what someone did or stands for */
#define W_OPPONENT  (1ull << 56) /* opponent, adversaire: the other side as subject */
#define W_VAGUE     (1ull << 57) /* greatest, best: a boast, not a measure */
#define W_DEICTIC   (1ull << 58) /* that, it: "That's wrong" opens a retort */
#define W_SCOPE     (1ull << 63) /* world, history, ever: what a superlative spans */
/* anonymat: « a-t-il dit sous le couvert de l'anonymat », the speaker goes unnamed */
#define W_ANONYMITY (1ull << 59)
#define W_PLACE (1ull << 60) /* rue, pont, école: the capitalised name after it is a place */
#define W_MEMBERS (1ull << 61) /* syndicat, fédération: a body its members form, named by an acronym */
#define W_DEFENDANT (1ull << 62) /* accusé, prévenu: a court report's defendant */

typedef struct {
  uint64_t hash; /* 0 marks an empty slot */
  uint64_t flags;
  uint8_t stance; /* PmStance, for W_SPEECH */
} LexEntry;

typedef struct {
  LexEntry *slots;
  /* keys[k] == slots[k].hash, filled once the lexicon is loaded: the
   * tokenizer probes this compact copy (8 bytes a slot, not 24) */
  uint64_t *keys;
  uint32_t mask; /* size - 1, size a power of two */
  uint32_t count;
  uint8_t shift; /* 64 - log2(size): a hash's top bits are its slot */
  /* Phrases matched at the start of a line (folded, '\0'-separated). */
  PmArray(char *) boilerplate;
  /* Bit (c0 << 8 | c1) set when a boilerplate phrase, a comment heading
   * may start with the folded bytes c0 c1 (lex__may_start). */
  uint64_t boiler_starts[1024];
  uint64_t comment_starts[1024];
  PmArray(char *) comment_heads;
  /* Role synonyms, folded, in pairs: a variant ("chef de l'état") then its
   * canonical phrase ("président de la république"). */
  PmArray(char *) role_syn;
  /* Byline openings, folded ("par", "by", "propos recueillis par"). */
  PmArray(char *) bylines;
} Lexicon;

struct PmLang {
  Lexicon lex[3]; /* indexed by PmLangId; [0] unused */
  bool loaded[3];
};

/* Case-folds one word into out (at most 63 bytes; returns the length, 0 if
 * the word does not fit): ASCII and Latin-1 capitals, the typographic
 * apostrophe as "'". */
size_t lex__fold(const char *s, size_t n, char *out);
/* The hash of a folded word (never 0). */
uint64_t lex__hash(const char *folded, size_t n);
const LexEntry *lex__get(const Lexicon *lx, const char *s, size_t n);

/* The hash reads the folded word eight bytes at a time (the last chunk
 * zero-padded), so that a plain ASCII word is folded and hashed a whole
 * chunk at a time, without touching its bytes one by one.  These helpers
 * are inline because the tokenizer looks up every word of an article.
 *
 * A word's hash is h = (h ^ chunk) * LEX_MUL over its chunks from
 * LEX_SEED: one multiply per chunk.  Its length needs no mixing in, as no
 * folded word holds a zero byte, and its slot is the hash's top bits
 * (Fibonacci hashing), which depend on every byte.  For a word of at most
 * eight bytes the hash is a bijection of the chunk, so two such words never
 * share one.  lex__mix and lex__end are an older, slower mix kept for
 * other files' own tags. */
#define LEX_SEED 0x243F6A8885A308D3ULL
#define LEX_MUL 0x9E3779B97F4A7C15ULL
#define LEX_ONES 0x0101010101010101ULL
#define LEX_HIGHS 0x8080808080808080ULL

static inline uint64_t lex__step(uint64_t h, uint64_t w) { return (h ^ w) * LEX_MUL; }
/* 0 marks an empty slot: a hash of 0 (which no word of eight bytes or
 * fewer has, as LEX_SEED holds a 0x08 byte) becomes 1. */
static inline uint64_t lex__done(uint64_t h) { return h ? h : 1; }

static inline uint64_t lex__mix(uint64_t h, uint64_t w) {
  h ^= w;
  h *= 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

static inline uint64_t lex__end(uint64_t h, size_t n) {
  h ^= (uint64_t)n * 0xFF51AFD7ED558CCDULL;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 32;
  return h ? h : 1;
}

/* Bytes s[0..n) (n <= 8) as a little-endian number, zero-padded. */
static inline uint64_t lex__load_part(const char *s, size_t n) {
  uint64_t w = 0;
  for (size_t i = 0; i < n; i++) w |= (uint64_t)(unsigned char)s[i] << (8 * i);
  return w;
}

static inline uint64_t lex__load8(const char *s) {
  uint64_t w;
  memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  w = __builtin_bswap64(w);
#endif
  return w;
}

/* Lowercases the ASCII capitals of eight ASCII bytes at once: a byte gets
 * 0x20 added when it lies in 'A'..'Z' (the usual SWAR range test; valid
 * because no byte has its top bit set). */
static inline uint64_t lex__lower8(uint64_t w) {
  uint64_t ge_a = w + LEX_ONES * (0x80 - 'A');
  uint64_t gt_z = w + LEX_ONES * (0x80 - 'Z' - 1);
  return w | ((ge_a & ~gt_z & LEX_HIGHS) >> 2);
}

static inline const LexEntry *lex__probe(const Lexicon *lx, uint64_t h) {
  uint32_t k = (uint32_t)(h >> lx->shift);
  while (lx->slots[k].hash) {
    if (lx->slots[k].hash == h) return &lx->slots[k];
    k = (k + 1) & lx->mask;
  }
  return NULL;
}

/* Looks a word up, reading up to `avail` >= n bytes from s: any word, the
 * general path (lang.c).  A word with non-ASCII bytes is folded by
 * lex__fold first, so every path hashes the same folded bytes as the
 * lexicon's words were. */
const LexEntry *lex__lookup_any(const Lexicon *lx, const char *s, size_t n,
                                size_t avail);

/* The same, with the common cases inline: an ASCII word of at most eight
 * bytes that may be read as one chunk, or of nine to sixteen bytes that
 * may be read as two (a third of the words lex__lookup_any saw were
 * such long ASCII words: "government", "according"). */
static inline const LexEntry *lex__lookup(const Lexicon *lx, const char *s,
                                          size_t n, size_t avail) {
  if (n - 1 < 8 && avail >= 8 && lx->slots) {
    uint64_t w = lex__load8(s) & (~0ULL >> (8 * (8 - n)));
    if (!(w & LEX_HIGHS))
      return lex__probe(lx, lex__done(lex__step(LEX_SEED, lex__lower8(w))));
  } else if (n - 9 < 8 && avail >= 16 && lx->slots) {
    uint64_t w0 = lex__load8(s);
    uint64_t w1 = lex__load8(s + 8) & (~0ULL >> (8 * (16 - n)));
    if (!((w0 | w1) & LEX_HIGHS))
      return lex__probe(lx, lex__done(lex__step(lex__step(LEX_SEED, lex__lower8(w0)),
                                                lex__lower8(w1))));
  }
  return lex__lookup_any(lx, s, n, avail);
}

/* May a phrase marked in `starts` (Lexicon.boiler_starts,
 * comment_starts) begin the line s[0..n)?  False only when it cannot:
 * its first two bytes, folded, begin no such phrase.  A line opening with
 * a non-ASCII byte is always let through.  Exact, as lex__fold keeps the
 * first byte of every two-byte letter and makes ’ an apostrophe. */
static inline bool lex__may_start(const uint64_t *starts, const char *s,
                                  uint32_t n) {
  unsigned c0 = (unsigned char)s[0], c1 = n > 1 ? (unsigned char)s[1] : 0;
  if (c0 >= 0x80) return true;
  c0 += (c0 - 'A' < 26u) * 32u;
  c1 += (c1 - 'A' < 26u) * 32u;
  unsigned k = c0 << 8 | c1;
  return starts[k >> 6] >> (k & 63) & 1;
}

/* Adds the detection-word counts of text[0..len) (first 8 KiB) per
 * language to score[PM_LANG_FR] and score[PM_LANG_EN]. */
void lang__detect_scores(const PmLang *lang, const char *text, size_t len,
                         int score[3]);

/* ---- tokens ------------------------------------------------------------ */

typedef enum {
  T_WORD,
  T_NUMBER,
  T_PUNCT,  /* . , ; : ! ? ( ) dashes ... one token each */
  T_QMARK   /* a quotation mark; see QM_* */
} TokKind;

/* Quotation-mark families and roles. */
enum {
  QM_GUILL = 1,   /* « » (also ‹ ›) */
  QM_CURLY = 2,   /* “ ” and „ */
  QM_SINGLE = 3,  /* ‘ ’ */
  QM_STRAIGHT = 4 /* " */
};
enum { QR_OPEN = 1, QR_CLOSE = 2, QR_BOTH = 3 };

enum {
  TF_CAP = 1u << 0,       /* starts with a capital letter */
  TF_ALLCAP = 1u << 1,    /* every letter a capital (and > 1 letter) */
  TF_INV_M = 1u << 2,     /* inverted subject: dit-il, a-t-il */
  TF_INV_F = 1u << 3,     /* dit-elle */
  TF_INV_PL = 1u << 4,    /* disent-ils, a-t-on */
  TF_PERCENT = 1u << 5,   /* number followed by % */
  TF_ELISION = 1u << 6,   /* l' d' qu' */
  TF_DOT = 1u << 7,       /* a word directly followed by '.' (M. Dr.) */
  TF_SPACE_BEFORE = 1u << 8,
  TF_SPACE_AFTER = 1u << 9,
  TF_YEAR = 1u << 10,     /* 4-digit number 1800..2099 */
  TF_CURRENCY = 1u << 11, /* $ € £ */
  TF_EMOTICON = 1u << 12,
  TF_MARKUP = 1u << 13,   /* inside <...> scraping debris */
  /* holds an invisible character (U+00AD, U+200B-U+200D, U+2060) or is
   * followed by one or a BOM (and an entity apostrophe, an NFD accent) */
  TF_HIDDEN = 1u << 14
};

typedef struct {
  uint32_t start, end;
  uint64_t lex;   /* W_* flags of the folded word (0 if unknown) */
  uint16_t flags; /* TF_* */
  uint8_t kind;   /* TokKind */
  uint8_t stance; /* for W_SPEECH words */
  uint8_t qfam, qrole; /* for T_QMARK */
  char ch;        /* for T_PUNCT: the ASCII char, or '-' for dashes, '.' for … */
} Token;

typedef PmArray(Token) TokenArray;
typedef PmArray(uint32_t) IndexArray;

/* The first token from i on (i <= n) with one of the TF_* `flags`, or n.
 * Four tokens a step: most runs between two capitals are several words
 * long, and one test of the four flags or'ed together costs about half
 * the four tests of a plain loop (note_entities runs it over every token
 * of every paragraph). */
static inline uint32_t tok__next_flag(const Token *tk, uint32_t i, uint32_t n,
                                      uint16_t flags) {
  /* (pointers, not indices: a uint32_t index is multiplied anew for each
   * of the four loads) */
  const Token *p = tk + i, *end = tk + n;
  while (end - p >= 4 && !((p[0].flags | p[1].flags | p[2].flags | p[3].flags) & flags))
    p += 4;
  while (p < end && !(p->flags & flags)) p++;
  return (uint32_t)(p - tk);
}

/* Appends the tokens of text[start..end) to `out` (byte offsets relative to
 * `text`), and to `ends` the index in `out` of each token that may end a
 * sentence (T_PUNCT . ! ? and the ellipsis), in order, so that sent__split
 * need not read every token, and to `marks` that of each quotation mark
 * (T_QMARK) not in markup, for quotes__find.  Reserves room in all three
 * first (one token per byte at most), so arrays reserved that far by the
 * caller never move.
 *
 * Returns `end`, or the offset of the first escaped paragraph break: a
 * literal backslash-n (the two bytes \ n, not followed by a lowercase ASCII
 * letter, as in "C:\nouveau") that text exported from a database or a JSON
 * field keeps on one line in place of its newlines.  The tokens are then
 * those of the paragraph before it (an__trim_before_break), exactly as if the
 * text had a newline there; the caller goes on two bytes after the offset
 * returned.  Press text has almost no backslash: the rescan is rare. */
uint32_t tok__scan(const Lexicon *lx, const char *text, uint32_t start,
                   uint32_t end, TokenArray *out, IndexArray *ends,
                   IndexArray *marks);
/* At t[i] == '\\': whether an escaped paragraph break (tok__scan) starts
 * there, in a paragraph that ends at `end`. */
static inline bool an__escaped_break(const char *t, size_t i, size_t end) {
  return i + 1 < end && t[i + 1] == 'n' &&
         (i + 2 == end || (unsigned char)(t[i + 2] - 'a') > 'z' - 'a');
}

/* ---- context ----------------------------------------------------------- */

#define CTX_NAME 80
#define CTX_RECENT 8
#define CTX_ENTITIES 48
#define CTX_ROLES 16
#define CTX_PHRASE 48
#define CTX_ALIASES 8

typedef struct {
  char name[CTX_NAME];
  uint8_t gender; /* 0 unknown, 1 masculine, 2 feminine */
  uint8_t bare;   /* in people[]: a surname alone has stood for them */
} CtxPerson;

typedef struct {
  char role[24];  /* folded role head noun: "ministre" */
  char phrase[CTX_PHRASE]; /* its folded phrase or canonical synonym
                              ("ministre de l'intérieur"), "" for the head
                              alone (roles.c) */
  char name[CTX_NAME];
} CtxRole;

typedef struct {
  char acr[16];   /* "AMF", as written */
  char name[CTX_NAME]; /* "Association des maires de France" */
} CtxAlias;

struct PmContext {
  uint8_t lang;          /* PmLangId */
  uint8_t in_comments;
  uint8_t open_family;   /* QM_* of a quote left open, 0 when none */
  uint8_t open_paras;    /* paragraphs the open quote spans so far */
  uint8_t lead_in;       /* previous paragraph ended with a colon cue */
  uint8_t after_question; /* previous paragraph ended with '?' (quotes.c) */
  uint8_t prev_para;     /* the last paragraph: 0 none yet, 1 one of
                            ordinary length, 2 a long line (longline.c) */
  uint8_t last_age;      /* sentences since the last attributed quote */
  uint8_t votes_fr;      /* language evidence so far, while undecided */
  uint8_t votes_en;
  uint8_t wrap;          /* how its line breaks read, PM_WRAP_* (0: not
                            decided yet; softbreak.c) */
  uint8_t wrap_width;    /* PM_WRAP_WIDTH: the lines' width in bytes */
  CtxPerson open_speaker;   /* speaker of the open quote ("" unknown) */
  CtxPerson lead_speaker;   /* speaker named by a colon lead-in */
  CtxPerson last_speaker;   /* the last quote's speaker, for follow-ons */
  char last_title[CTX_NAME];/* the last quoted title ("Libération") */
  CtxPerson recent[CTX_RECENT];    /* speakers, most recent first */
  CtxRole roles[CTX_ROLES];        /* bindings, most recent first */
  CtxAlias aliases[CTX_ALIASES];   /* acronyms, most recent first */
  uint8_t anon_last;     /* paragraphs for which the last speaker, an
                            unnamed person, takes the pronouns */
  CtxPerson interviewee;   /* the first person the article names in full:
                              an interview's answers are theirs */
  CtxPerson prev_subject;  /* the person the previous paragraph, which
                              quoted nobody, opened a sentence with: "Sir
                              Nigel Fairbrother wrote to customers." then
                              "'…,' he wrote" (resolve.c) */
  char anon_head[24];    /* that person's folded head noun ("aide"), zero
                            padded, "" when none: "the aide" is that
                            person again (resolve.c) */
  char anon_role[24];    /* the last such head noun of the article, kept
                            after anon_last runs out: "the official" far
                            below "a White House official, who …" */
  /* A transcript's turns (claims.c): the hash of the speaker label
   * ("OKAFOR:") whose turn goes on, 0 before any; the labels found to be
   * the moderators'; whether the turn is one of theirs (1 found by its
   * rules, 2 named so); whether a second speaker has had a turn; whether
   * the turn opened on thanks (a candidate's first words); and the
   * sentences since the first label, counted up to the end of the opening
   * only (so that two equal states compare equal after it). */
  uint64_t turn_label;
  uint64_t mod_labels[4];
  uint8_t turn_mod;
  uint8_t turn_multi;
  uint8_t turn_thanks;
  uint8_t turn_sents;
  /* The first speakers of a transcript and, over each one's first
   * sentences (counted up to ASK_WINDOW, so that states meet again), how
   * many it spoke and how many were questions: who mostly asks moderates
   * or interviews (claims.c). */
  uint64_t ask_labels[4];
  uint8_t ask_sents[4];
  uint8_t ask_qs[4];
  /* Who speaks little, and where a turn stands (claims.c): the first
   * SPEAK_SLOTS speakers' labels and sentences, each count saturating at
   * SPEAK_ENOUGH and the transcript's at twenty times that (so that
   * states meet again); whether the turn's speaker has spoken under a
   * twentieth of the sentences so far; the turn's sentences (up to 3);
   * whether the turn before it was a moderator's; whether anyone has
   * moderated.  (No padding: the fields before n_people are compared
   * with memcmp.) */
  uint64_t speak_labels[8];
  uint8_t speak_sents[8];
  uint16_t speak_total;
  uint8_t turn_minor;
  uint8_t turn_pos;
  uint8_t turn_after_mod;
  uint8_t moderated;
  /* Named people, most recent first: the k-th is people[people_order[k]]
   * for k < n_people (read them with ctx__entity).  Every paragraph notes
   * its names here, and moving 48 whole entries to put one in front cost
   * more than the speaker pass's rules; so an entry stays in its slot,
   * only its one-byte place in the order moves, and a memchr over the
   * one-byte people_tag (a hash of each slot's name) finds it.
   * The slots a history filled differ between equal lists, so
   * pm_context_equal compares the lists in order, not the slots, and
   * these fields stay last. */
  uint8_t n_people;
  uint8_t people_order[CTX_ENTITIES];
  uint8_t people_tag[CTX_ENTITIES]; /* a hash of each slot's name */
  /* per slot, bit (c & 63) set for the first byte c of each word of the
   * name: ctx__entity_by_part skips most names with one test */
  uint64_t people_initials[CTX_ENTITIES];
  CtxPerson people[CTX_ENTITIES];
};

/* The k-th most recent named person, NULL past the last. */
static inline const CtxPerson *ctx__entity(const PmContext *ctx, size_t k) {
  return k < ctx->n_people ? &ctx->people[ctx->people_order[k]] : NULL;
}

void ctx__set_person(CtxPerson *p, const char *name, size_t n, int gender);
void ctx__note_speaker(PmContext *ctx, const char *name, int gender);
void ctx__note_entity(PmContext *ctx, const char *name, size_t n, int gender);
/* The named person called exactly `name`, or NULL. */
const CtxPerson *ctx__person(const PmContext *ctx, const char *name);
void ctx__bind_role(PmContext *ctx, const char *role, size_t rn,
                    const char *phrase, const char *name);
const char *ctx__role(const PmContext *ctx, const char *role, size_t rn);
/* The full name a single surname (or first name) stands for, or NULL. */
const CtxPerson *ctx__entity_by_part(const PmContext *ctx, const char *s,
                                     size_t n);
/* The most recent full name whose last word is s[0..n), or NULL. */
const CtxPerson *ctx__entity_by_surname(const PmContext *ctx, const char *s,
                                        size_t n);
/* Which of the people of surname s[0..n) a surname alone stands for, p
 * being the most recent (context.c); marks the one returned. */
const CtxPerson *ctx__surname_holder(PmContext *ctx, const CtxPerson *p, const char *s,
                                     size_t n);

/* Writes s[0..n), up to its first NUL byte, at out + at (at < size),
 * truncated so that a final NUL fits in out[0..size), and returns the new
 * length: snprintf's "%.*s" without parsing a format, which cost a tenth
 * of the speaker passes when they built every name with it. */
static inline size_t str__put(char *out, size_t size, size_t at,
                              const char *s, size_t n) {
  const char *z = n ? memchr(s, 0, n) : NULL;
  if (z) n = (size_t)(z - s);
  if (n > size - 1 - at) n = size - 1 - at;
  if (n) memcpy(out + at, s, n);
  out[at + n] = '\0';
  return at + n;
}

/* ---- soft line breaks (softbreak.c) ----------------------------------- */

/* How a text's line breaks read: every '\n' ends a paragraph, or a text
 * hard-wrapped near one width, or Markdown (CommonMark's paragraphs). */
enum { PM_WRAP_LINES = 1, PM_WRAP_WIDTH, PM_WRAP_MARKDOWN };

/* Decides the reading of a text from its first 16 KiB (text[0..len) is its
 * first block): *mode a PM_WRAP_* value, *width the wrapped lines' width in
 * bytes (PM_WRAP_WIDTH only, else 0). */
void an__wrap_detect(const char *text, size_t len, uint8_t *mode,
                     uint8_t *width);
/* A copy of the block text[0..len) (a block starts after a hard break) with
 * each soft break's '\n', and the '\r' before it, made a space: the bytes
 * and offsets are otherwise the text's.  NULL when the mode reads every
 * break as hard or the block has no soft break.  *crlf tells whether a
 * soft break had a '\r' (two spaces then stand for it).  The caller frees
 * it with pm_free. */
char *an__soften(const char *text, size_t len, uint8_t mode, uint8_t width,
                 bool *crlf);

/* ---- results ----------------------------------------------------------- */

struct PmAnalysis {
  PmArray(PmQuote) quotes;
  PmArray(PmClaim) claims;
  PmArray(PmSpeaker) speakers;
  PmArray(char *) strings; /* the chunks holding every string the structs
                              point to (see res__str) */
  char *str_next;          /* free room in the last chunk */
  size_t str_left;
  PmArray(const char *) alias_ptrs;
  size_t sentences;
  bool hidden;             /* a paragraph had a TF_HIDDEN word: res__str
                              drops invisible characters from its copies */
  bool squeeze;            /* the block was softened across CRLF line ends
                              ("Marie\r\nDupont" read "Marie  Dupont"):
                              res__str makes two spaces one */
};

/* Copies s[0..n) into the result's string pool. */
const char *res__str(PmAnalysis *a, const char *s, size_t n);

/* ---- the analysis of one block ------------------------------------------ */

typedef struct {
  uint32_t start, end; /* token indices [start, end) */
  uint32_t bstart, bend; /* byte span, trimmed */
  double logit;          /* claims__rate's score before the boilerplate
                            test and the logistic function */
  uint32_t reasons;      /* PM_REASON_* bits that fired so far */
  uint32_t words;        /* words and numbers counted by claims__rate */
  /* What claims__rate's pass over the tokens also gathers, for the
   * speaker passes' quick rejects (only words carry W_* classes and the
   * TF_INV_* flags): */
  uint64_t lex;          /* its words' W_* classes, or-ed */
  uint16_t wflags;       /* its words' TF_* flags, or-ed */
  bool qmark;            /* it holds a quotation mark token */
  bool clef;             /* it opens a CLEF line, "N<TAB>SPEAKER<TAB>…" */
  /* The first sentence's page-furniture test (claims.c boilerplate), run
   * by claims__rate in whichever thread rates it: 0 not run (any other
   * sentence), 1 no, 2 furniture.  claims__score runs the test itself
   * on a first sentence that has 0 (a long line's later pieces). */
  uint8_t boiler;
  uint64_t pchars;       /* SENT_PCHAR(ch) of each punctuation token */
} Sentence;
/* A punctuation character's bit in Sentence.pchars (a few share one: a
 * clear bit proves the character absent). */
#define SENT_PCHAR(c) (1ull << ((unsigned char)(c) & 63))

/* A quote found while scanning, before it becomes a PmQuote. */
typedef struct {
  uint32_t start, end;    /* bytes between the marks */
  uint32_t open_tok, close_tok; /* token indices of the marks (UINT32_MAX none) */
  uint8_t family;
  bool continued;         /* continues a quote from an earlier paragraph */
  bool left_open;         /* not closed in its paragraph */
  uint32_t group;         /* pieces of one quotation share a group */
  uint32_t incise;        /* token index of an incise's first word, or
                             UINT32_MAX */
} RawQuote;

typedef struct {
  const PmLang *lang;
  const Lexicon *lx;
  PmLangId lid;
  const PmAnalyzeOptions *opts;
  const char *text;
  uint32_t len;
  PmContext *ctx;
  PmAnalysis *res;
  TokenArray toks;        /* tokens of the current paragraph */
  IndexArray ends;        /* indices in toks of its . ! ? tokens (tok__scan) */
  /* indices in toks of its quotation marks not in markup (tok__scan):
   * all that quotes__find visits */
  IndexArray marks;
  /* with has_cands, the indices in toks of the tokens that may start a
   * name or name an institution (spk__name_candidates): all that
   * note_entities visits.  Made where the rating was, by the pipeline's
   * worker when it had time for both; without, note_entities visits
   * every capital. */
  IndexArray cands;
  bool has_cands;
  /* with has_cands, when as long as cands (never in a long line's
   * pieces): for each of cands the token after the name it starts
   * (spk__name_end to the paragraph's end) when it is name-like, else 0
   * (spk__name_extents).  Made with cands, so that the analysing thread,
   * the busier one, need not measure the names again. */
  IndexArray cand_ends;
  PmArray(Sentence) sents;
  PmArray(RawQuote) raw;
  uint32_t para_start, para_end;
  uint32_t open_first;    /* res index of the first piece of a quote still
                             open, UINT32_MAX none */
  /* res indices [bare_first, bare_first + bare_n) of the quotations of
   * the paragraphs just before that held nothing but cue-less
   * quotations: « … », a poursuivi X opening the next one gives them X */
  uint32_t bare_first, bare_n;
  uint32_t next_group;
  /* The quotations nested in the paragraph's outermost ones (« … “ … ” …
   * », quotes.c), in the order their marks closed, and what nested.c makes
   * of them: kept apart from raw and res->quotes, which every pass over
   * the paragraph and those after it reads, and merged into res->quotes in
   * text order by an__end */
  PmArray(RawQuote) nested;
  PmArray(PmQuote) nested_quotes;
  PmArray(uint32_t) nested_outer; /* res index of each one's outer quotation */
  uint32_t para_first_quote; /* res index of the paragraph's first quote */
  uint32_t heading_quotes[4]; /* res indices of headline quotations still
                                 waiting for a speaker (layout.c) */
  uint32_t n_heading_quotes;
  uint32_t heading_age;       /* paragraphs since the last one was noted */
  /* The folded role noun a headline gave the speaker of its quotation
   * (« « … » : une pédiatre alerte »), "" when none: the first name the
   * body binds to that noun is the speaker (layout.c) */
  char heading_role[24];
  /* The folded role noun of an English lede's quotation that no one
   * could be given ("the city's police chief announced …"), "" when
   * none, and the start offsets of its quotations (a paragraph's
   * quotations are sorted after attribution, so no index): the person
   * the next four paragraphs bind to that noun ("said Chief Darlene
   * Sinclair-Ross") is their speaker (roles.c); four, so that a
   * headline's "…, chief says" waits across deck, byline and caption */
  char lede_role[24];
  /* Or the class (W_COMPANY or W_AGENCY) of a headline's or deck's body
   * noun no one answers to yet ("…, operator says", "Regulator says …"),
   * 0 when none: the first name the next paragraphs bind to a noun of
   * that class ("Maasvlakte Container Group", "The Environment Agency
   * said") is its quotations' speaker (roles.c); they wait apart from
   * the role's, which a garbled headline may set too */
  uint64_t lede_body;
  uint32_t lede_body_quotes[4];
  uint32_t n_lede_body;
  uint32_t lede_quotes[4];
  uint32_t n_lede_quotes;
  uint32_t lede_age;          /* paragraphs since it was noted */
  PmAnalyzeOptions own_opts;  /* the defaults, when the caller gave none */
  char *soft;                 /* the softened copy `text` points to, or NULL
                                 (an__soften; freed by an__end) */
  /* The lookup keys of this paragraph's role nouns (roles.c), by head
   * token: a role noun is often bound and looked up several times in a
   * paragraph, and its key costs a fold of its whole phrase.  Emptied by
   * speakers__attribute, the only caller, for each paragraph. */
  struct {
    uint32_t head;
    bool canon;
    char key[CTX_PHRASE];
  } role_keys[8];
  uint32_t n_role_keys;
  /* The `how` strings with a suffix ("verb-after+role") made so far in
   * res, by the two literals they join (speakers.c): a few pairs serve
   * every quotation of the block. */
  struct {
    const char *how, *suffix, *str;
  } hows[8];
  uint32_t n_hows;
} Block;

/* Raw quotes of the paragraph, from its marks (Block.marks). */
void quotes__find(Block *b);
/* Sentences of the paragraph.  On big blocks this runs in the tokenizer
 * thread (analyze.c), ahead of the other passes: it may read only b->toks,
 * b->text, b->len, b->lx, b->lid, b->lang and b->opts, and write only
 * b->sents (never b->ctx or b->res, which are NULL there). */
void sent__split(Block *b);
void speakers__attribute(Block *b);       /* raw -> PmQuote with speakers */
/* The paragraph's nested quotations (b->nested, emptied) ->
 * b->nested_quotes: each inside an outer quotation of kind quote, with the
 * speaker the outer one names right before it (nested.c). */
void nested__attribute(Block *b);
/* Merges b->nested_quotes into b->res->quotes in text order (an__end). */
void nested__merge(Block *b);
/* Scores each sentence of b->sents (logit, reasons, words), a function of
 * the paragraph's tokens and bytes alone; like sent__split it runs in the
 * tokenizer thread on big blocks, under the same rules. */
void claims__rate(Block *b);
/* Rated sentences -> PmClaim: skips comment sections, tests the first
 * sentence for page furniture, applies the threshold and attaches the
 * speaker of an overlapping quote. */
void claims__score(Block *b);

/* ---- the block driver (analyze.c) and its pipeline (pipeline.c) ------- */

/* A test hook of pipeline.c: with `always`, the analysing thread of
 * stream s tokenizes every chunk it can take at the back of a big block
 * before it gives the block to the worker.  Returns how many chunks it has
 * taken so far (whether forced or taken instead of waiting). */
unsigned long pm__stream_test_help(PmStream *s, bool always);

/* Appends to `out` (reserved for n more) the index, plus `base`, of each
 * token of t[0..n) that note_entities (speakers.c) may act on: a
 * capitalised word that is name-like or an institution noun (names.c,
 * beside spk__nameish, whose word classes it follows).  Made with the
 * tokens, in the tokenizer's thread, so that the
 * analysing thread visits those few tokens instead of every capital
 * (pipeline.c: when the worker rated the paragraph). */
void spk__name_candidates(const Token *t, uint32_t n, uint32_t base, IndexArray *out);
/* For each of the n candidate tokens of b's paragraph: the token after
 * the name it starts when it is name-like, else 0, into out (room for n):
 * Block.cand_ends, a function of the paragraph alone (names.c). */
void spk__name_extents(const Block *b, const uint32_t *cands, uint32_t n, uint32_t *out);

/* Tests only (tests/unit/test_speed_paths.c): true makes the passes
 * compute again what a faster path kept from an earlier pass (claims.c:
 * the page-furniture test of claims__rate; speakers.c: note_entities
 * visits every capital, not Block.cands), so that the two can be
 * compared on many texts.  False, the default, in every program. */
extern bool an__slow_paths;
/* Tests only: true makes a pipeline's worker rate every paragraph and
 * list its name candidates, however near the analysing thread is, and
 * the one-thread path (an__paragraphs) list them too. */
extern bool an__test_cands;

/* Blocks this long or longer are tokenized in a second thread. */
#ifndef AN_PIPELINE_MIN
#define AN_PIPELINE_MIN (256u * 1024u)
#endif

/* Sets up b to analyse text[0..len) with ctx (opts NULL: the defaults),
 * choosing the language; returns the empty result it will fill, or NULL
 * with err set for a text longer than 4 GiB. */
PmAnalysis *an__begin(Block *b, const PmLang *lang,
                      const PmAnalyzeOptions *opts, const char *text,
                      size_t len, PmContext *ctx, PmError *err);
/* Analyses the whole block in this thread, paragraph by paragraph. */
void an__paragraphs(Block *b);
/* Frees b's scratch arrays, lists the speakers; returns the result. */
PmAnalysis *an__end(Block *b);
/* Gives each quotation whose speaker no words beside it name (follow-on,
 * continued, lead-in, headline) the span and words of that speaker's
 * nearest mention among the block's quotations: an earlier name, else an
 * earlier pronoun, else a later name; else the name (or surname) itself
 * in the text around it (recall.c).  `text` is the block's. */
void an__recall_mentions(PmAnalysis *a, const char *text, uint32_t len);
/* Whether the word w[0..n) stands whole (no letter or digit of the text
 * right before or after it) in text[lo, hi) of a text of len bytes; its
 * offset nearest to hi (back) or to lo goes to *at (recall.c). */
bool an__whole_word_in(const char *text, uint32_t len, uint32_t lo, uint32_t hi,
                       const char *w, uint32_t n, bool back, uint32_t *at);
/* Trims spaces (ASCII, NBSP, CR, a BOM) at both ends of [*s, *e).  Inline:
 * it runs once a paragraph in the tokenizer's thread, where a call (and
 * the two bounds kept in memory) cost as much as the trimming. */
static inline void an__trim(const char *t, uint32_t *ps, uint32_t *pe) {
  uint32_t s = *ps, e = *pe;
  while (s < e) {
    unsigned char c = (unsigned char)t[s];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') s++;
    else if (c == 0xC2 && s + 1 < e && (unsigned char)t[s + 1] == 0xA0) s += 2;
    else if (c == 0xEF && s + 2 < e && (unsigned char)t[s + 1] == 0xBB &&
             (unsigned char)t[s + 2] == 0xBF) s += 3;
    else break;
  }
  while (e > s) {
    unsigned char c = (unsigned char)t[e - 1];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0) e--;
    else if (c == 0xA0 && e - 1 > s && (unsigned char)t[e - 2] == 0xC2) e -= 2;
    else break;
  }
  *ps = s;
  *pe = e;
}
/* The paragraph [*ps, *pe) before an escaped break at *pe (tok__scan),
 * trimmed: without the spaces around it, nor the \r of a literal \r\n. */
static inline void an__trim_before_break(const char *t, uint32_t *ps,
                                         uint32_t *pe) {
  if (*pe >= *ps + 2 && t[*pe - 2] == '\\' && t[*pe - 1] == 'r') *pe -= 2;
  an__trim(t, ps, pe);
}
/* Runs the passes after the tokenizer on the paragraph [ps, pe) (trimmed,
 * not blank), whose tokens are already in b->toks (and its sentences in
 * b->sents when `split` is false, rated too when `rate` is false). */
void an__analyse_tokens(Block *b, uint32_t ps, uint32_t pe, bool split,
                        bool rate);
/* The passes after the sentences are split and rated, on the paragraph
 * [ps, pe) whose tokens and sentences b->toks and b->sents hold. */
void an__analyse_piece(Block *b, uint32_t ps, uint32_t pe);
/* A line at least this long is taken for paragraphs joined by spaces. */
#ifndef AN_LONG_LINE
#define AN_LONG_LINE 800u
#endif
/* Analyses the line whose tokens and rated sentences b->toks and b->sents
 * hold as the paragraphs it joins: each sentence end outside a quotation
 * ends one (longline.c); b->toks and b->sents are as they were after.
 * Returns false, having done nothing, for a long paragraph inside an
 * article, which the caller analyses whole. */
bool an__long_line(Block *b);

#endif

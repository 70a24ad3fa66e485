/*
 * claims.c - sentences, and how check-worthy each one is.
 *
 * Sentences end at . ! ? … unless the period follows an abbreviation
 * (M., Dr., etc.) or an initial, and unless the next word starts in lower
 * case (« Nous partons. » a-t-il dit); closing quotation marks and
 * brackets stay with the sentence they close.  Decimals never reach here:
 * the tokenizer keeps 3.5 and 1 000 as one number.
 *
 * The score is a logistic function of weighted features, so that it ranks
 * sentences smoothly rather than just passing a threshold: what fact-checkers
 * pick in political debates are statements of fact with figures, amounts,
 * dates, comparisons, records of votes and policy, often attributed; what
 * they skip are questions, opinions in the first person, thanks, greetings,
 * interjections and page furniture.  The weights were set by hand on the
 * fixtures' debate lines and articles; reasons list every feature that
 * fired.
 */
#include <math.h>
#include <string.h>

#include "analysis/internal.h"

static bool ends(const Token *t) {
  return t->kind == T_PUNCT && (t->ch == '.' || t->ch == '!' || t->ch == '?');
}

/* "1<TAB>HOLT<TAB>Good evening…<TAB>0": a line of the CLEF CheckThat!
 * transcripts (line number, speaker, sentence, maybe a label) has tabs
 * around its fields.  A paragraph never starts or ends on a tab (it is
 * trimmed), so the byte after a token that is not the last, or before one
 * that is not the first, is in the text. */
static inline bool tab_after(const Block *b, const Token *w) {
  return b->text[w->end] == '\t';
}
static inline bool tab_before(const Block *b, const Token *w) {
  return b->text[w->start - 1] == '\t';
}

/* "dit.Le", "said.The": a sentence end with the next sentence glued to
 * it.  Abbreviations and initials have a capital before the period
 * ("U.S.", "M.Dupont"), domain names a lowercase word after it.  So do
 * a year, a closing mark and a longer capitalised word ("depuis
 * 2019.Le", "« … ».D'après", "by Friday.She"): abbreviations are short
 * and the lexicon lists them (sent__split passes over those first). */
static bool glued_sentences(const Token *t, uint32_t i) {
  if (i == 0) return false; /* (before forming &t[-1]) */
  const Token *w = &t[i - 1], *x = &t[i + 1];
  if (w->end != t[i].start || !(x->flags & TF_CAP) || (x->flags & TF_ALLCAP) ||
      x->end - x->start < 2)
    return false;
  if (w->kind == T_WORD)
    return w->end - w->start >= ((w->flags & TF_CAP) ? 4 : 2) && !(w->flags & TF_ALLCAP);
  return w->kind == T_NUMBER || (w->kind == T_QMARK && (w->qrole & QR_CLOSE));
}

/* holiday."Our officers…: in paragraphs joined with nothing between
 * them, a straight quote between a period and a capital may close the
 * sentence's quotation or open the next one's.  It opens one when the
 * straight quotes before it in the paragraph are paired (rare: only such
 * a glued mark is counted for).  The count is kept in a cursor that moves
 * to each mark asked about: sent__split asks in the order it scans, so
 * counting costs no more than its own scans (counting from the paragraph
 * start each time took seconds on a long line full of `."X`). */
typedef struct {
  uint32_t at;    /* the cursor's token */
  uint32_t marks; /* straight marks not in markup before it */
} MarkCount;

static inline uint32_t straight(const Token *t) {
  return t->kind == T_QMARK && t->qfam == QM_STRAIGHT && !(t->flags & TF_MARKUP);
}

static bool opens_glued(const Token *t, uint32_t j, MarkCount *c) {
  if (t[j].qrole != QR_BOTH || t[j].qfam != QM_STRAIGHT) return false;
  for (; c->at < j; c->at++) c->marks += straight(&t[c->at]);
  for (; c->at > j; c->at--) c->marks -= straight(&t[c->at - 1]);
  return c->marks % 2 == 0;
}

void sent__split(Block *b) {
  Token *t = b->toks.contents;
  uint32_t n = b->toks.size;
  uint32_t s = 0;
  /* Only the tokens tok__scan listed may end a sentence (ends() is true
   * of exactly those); the ones a cut already passed are skipped. */
  uint32_t from = 0;
  MarkCount glued = {0, 0};
  for (uint32_t c = 0; c < b->ends.size; c++) {
    uint32_t i = b->ends.contents[c];
    if (i < from) continue;
    if (t[i].ch == '.' && t[i].end - t[i].start == 1 && i > 0 &&
        t[i - 1].kind == T_WORD && t[i - 1].end == t[i].start) {
      const Token *w = &t[i - 1];
      uint32_t wn = w->end - w->start;
      if ((w->lex & W_ABBREV) && !(wn > 3 && !(w->flags & TF_CAP))) continue;
      if (wn == 1 && (w->flags & TF_CAP)) continue; /* an initial: J. Smith */
    }
    uint32_t j = i + 1;
    while (j < n && (ends(&t[j]) ||
                     (t[j].kind == T_QMARK && (t[j].qrole & QR_CLOSE) &&
                      !(t[j].flags & TF_SPACE_BEFORE) && !opens_glued(t, j, &glued)) ||
                     (t[j].kind == T_PUNCT && (t[j].ch == ')' || t[j].ch == ']'))))
      j++;
    if (j < n && t[j].kind == T_QMARK && (t[j].qrole & QR_CLOSE) &&
        t[j].qfam == QM_GUILL)
      j++; /* « … partons. » with a space before the mark */
    if (j < n && t[j].kind == T_WORD && !(t[j].flags & TF_CAP)) continue;
    /* "…is not true.<TAB>0": a label column stays with its line */
    if (j + 1 == n && t[j].kind == T_NUMBER && tab_before(b, &t[j])) j = n;
    /* N.Y. / D-N.Y.: a period with a letter glued after it (but not
     * "a-t-il dit.Le lendemain": paragraphs a scraper joined with nothing
     * between them, a lowercase word, the period, a capitalised one) */
    if (t[i].ch == '.' && i + 1 < n && t[i + 1].start == t[i].end &&
        t[i + 1].kind == T_WORD && !glued_sentences(t, i))
      continue;
    if (j < n && t[j].kind == T_PUNCT && (t[j].ch == ',' || t[j].ch == ';')) continue;
    Sentence *se = pm_array_grow_one(&b->sents);
    se->start = s;
    se->end = j;
    s = j;
    from = j;
  }
  if (s < n) {
    Sentence *se = pm_array_grow_one(&b->sents);
    se->start = s;
    se->end = n;
  }
  for (uint32_t k = 0; k < b->sents.size; k++) {
    Sentence *se = &b->sents.contents[k];
    se->bstart = t[se->start].start;
    se->bend = t[se->end - 1].end;
  }
}

static bool boilerplate(const Block *b, uint32_t s, uint32_t e,
                        uint32_t words) {
  if (!lex__may_start(b->lx->boiler_starts, b->text + s, e - s)) return false;
  char f[64];
  uint32_t n = e - s < 48 ? e - s : 48;
  /* Most lines that pass the two-byte test differ from every phrase in
   * their first words: those are folded first.  The fold of a cut line
   * is the whole line's fold but maybe for its last two bytes (a ’ cut
   * in the middle), so only the bytes before them are compared. */
  uint32_t n1 = n < 20 ? n : 20;
  size_t f1 = lex__fold(b->text + s, n1, f);
  size_t sure = n1 < n ? (f1 > 2 ? f1 - 2 : 0) : f1;
  bool maybe = false;
  for (uint32_t i = 0; i < b->lx->boilerplate.size && !maybe; i++) {
    const char *p = b->lx->boilerplate.contents[i];
    if (p[0] != f[0]) continue;
    size_t pn = strlen(p);
    maybe = !memcmp(f, p, pn < sure ? pn : sure);
  }
  if (!maybe) return false;
  size_t fn = n1 < n ? lex__fold(b->text + s, n, f) : f1;
  if (!fn) return false;
  for (uint32_t i = 0; i < b->lx->boilerplate.size; i++) {
    const char *p = b->lx->boilerplate.contents[i];
    if (p[0] != f[0]) continue; /* phrases are never empty */
    size_t pn = strlen(p);
    /* A one-word phrase ("related", "publié") must be most of a short
     * line, so "Related to that, we lost 10,000 jobs" is not furniture. */
    bool multi = strchr(p, ' ') || strchr(p, '-');
    if (fn >= pn && !memcmp(f, p, pn) && (multi || words <= 6)) return true;
  }
  return false;
}

/* The speaker of a quotation overlapping [s, e), if any. */
static const char *speaker_of(const Block *b, uint32_t s, uint32_t e,
                              uint32_t *cursor) {
  const PmAnalysis *a = b->res;
  /* sentences come in order: skip quotes that end before this one */
  while (*cursor < a->quotes.size && a->quotes.contents[*cursor].end <= s)
    (*cursor)++;
  for (uint32_t i = *cursor; i < a->quotes.size; i++) {
    const PmQuote *q = &a->quotes.contents[i];
    if (q->start >= e) break;
    if (q->has_speaker && q->speaker.name) return q->speaker.name;
  }
  return NULL;
}

/* First words that name no subject of their own. */
#define SUBJECT_NOT (W_FUNCTION | W_DET | W_PRON_M | W_PRON_F | W_PRON_PL | \
                     W_FIRST_PERSON | W_SECOND | W_INTERJ | W_QUE | W_PREP | \
                     W_CONJ | W_AUX | W_DEICTIC | W_HYPO | W_FUTURE | W_CAUSAL | \
                     W_OPINION | W_SPEECH | W_PERSONAL | W_VAGUE | W_PROCEDURE | \
                     W_CLOCK | W_NUMWORD)

/* Capitalised words that are no named entity. */
#define ENTITY_NOT (W_FUNCTION | W_DET | W_PRON_M | W_PRON_F | W_FIRST_PERSON)

static bool word_is(const Block *b, const Token *w, const char *lit) {
  size_t n = strlen(lit);
  return w->end - w->start == n && !memcmp(b->text + w->start, lit, n);
}

/* "didn't", "isn’t", "cannot", "not", "never": a negated statement.  (A
 * test on spellings rather than a lexicon class: all 64 classes are taken,
 * and the contractions are open-ended, "shouldn't", "wasn’t".  English
 * only, where it was measured.) */
static bool negation(const Block *b, const Token *w) {
  const char *p = b->text + w->start;
  uint32_t n = w->end - w->start;
  if (n >= 3 && p[n - 1] == 't')
    return (p[n - 2] == '\'' && p[n - 3] == 'n') ||
           (n >= 5 && !memcmp(p + n - 5, "n\xE2\x80\x99", 4)) ||
           ((n == 6) && (p[0] | 0x20) == 'c' && !memcmp(p + 1, "annot", 5)) ||
           ((n == 3) && (p[0] | 0x20) == 'n' && p[1] == 'o');
  return n == 5 && (p[0] | 0x20) == 'n' && !memcmp(p + 1, "ever", 4);
}

/* "you have 90 seconds", "two minutes": a debate's clock is no figure */
static inline bool clock_after(const Token *w, const Token *e) {
  return w + 1 < e && w[1].kind == T_WORD && (w[1].lex & W_CLOCK);
}

/* "called", "pushed": a past form by its ending */
static inline bool ends_ed(const Block *b, const Token *w) {
  return w->end - w->start > 3 && b->text[w->end - 2] == 'e' && b->text[w->end - 1] == 'd';
}

/* Who the sentence is about, from its first words: "He voted", "My
 * opponent said", "The senator signed", "President Marsh pulled out".  A
 * record is checkable when it is someone else's; the speaker's own record
 * is half the time an anecdote. */
static bool other_subject(const Block *b, const Token *t, uint32_t s,
                          uint32_t e) {
  uint32_t stop = s + 3 < e ? s + 3 : e;
  for (uint32_t i = s; i < stop; i++) {
    const Token *w = &t[i];
    if (w->kind != T_WORD) return false;
    uint64_t l = w->lex;
    if (l & W_FIRST_PERSON) /* "my opponent", not "my record" */
      return i + 1 < e && t[i + 1].kind == T_WORD && (t[i + 1].lex & W_OPPONENT);
    /* "You voted for it", "You signed the lawsuit", "You called the
     * treaty a model": the record of the one addressed, a debate's direct
     * charge (a record verb in a past form) */
    if (i == s && (l & W_SECOND))
      return i + 1 < e && t[i + 1].kind == T_WORD &&
             (t[i + 1].lex & W_RECORD) &&
             ((t[i + 1].lex & W_FACTUAL) || ends_ed(b, &t[i + 1]));
    /* "Senator, you have...": a role addressed, not a subject */
    if (i + 1 < e && t[i + 1].kind == T_PUNCT && t[i + 1].ch == ',') return false;
    if (l & (W_PRON_M | W_PRON_F | W_OPPONENT | W_ROLE | W_INSTITUTION)) return true;
    /* "Donald thinks climate change is a hoax": a person named */
    if (i == s && (l & (W_FIRST_M | W_FIRST_F)) && (w->flags & TF_CAP)) return true;
    if (!(l & (W_DET | W_HONORIFIC | W_FUNCTION | W_AUX))) return false;
  }
  return false;
}

/* "Governor Lane, you have…", "Karen, he's making that up": a sentence
 * that opens by addressing someone is a turn of the exchange. */
static bool addressed(const Token *t, uint32_t s, uint32_t e) {
  for (uint32_t i = s; i < e && i < s + 3; i++) {
    const Token *w = &t[i];
    if (w->kind == T_PUNCT) return i > s && w->ch == ',';
    /* all capitals: a dateline ("PARIS, 14 mars"), not a name */
    if (w->kind != T_WORD || (w->flags & (TF_CAP | TF_ALLCAP)) != TF_CAP)
      return false;
    /* (a seat such as "Governor" also carries the office and synonym
     * marks the speaker rules use) */
    if (w->lex & ~(W_ROLE | W_ROLE_F | W_HONORIFIC | W_FIRST_M | W_FIRST_F |
                   W_DETECT | W_TITLE_CUE | W_OFFICE | W_SYN_HEAD |
                   W_ROLE_GENERIC | W_LINE_HEAD | W_ORG_LAST | W_PAST | W_THAT_ONLY))
      return false;
  }
  return false;
}

/* Does the sentence open on someone else as its subject (not "You", not
 * an interjection, a preposition or a word addressed with a comma)? */
static bool third_person_subject(const Block *b, const Token *t, uint32_t s,
                                 uint32_t e) {
  const Token *w0 = &t[s];
  return w0->kind == T_WORD && !(w0->lex & (W_INTERJ | W_QUE | W_PREP)) &&
         !word_is(b, w0, "You") && !word_is(b, w0, "Vous") &&
         !(s + 1 < e && t[s + 1].kind == T_PUNCT && t[s + 1].ch == ',');
}

/* "That's not true", "It's a disaster", "C'est faux": a sentence opening
 * on a pointer to what was just said, then 's / is / est. */
static bool retort(const Block *b, const Token *t, uint32_t s, uint32_t e) {
  if (!(t[s].lex & W_DEICTIC)) return false;
  uint32_t n = t[s].end - t[s].start;
  const char *p = b->text + t[s].start;
  if (n > 2 && p[n - 1] == 's' && p[n - 2] == '\'')
    return true; /* one token: "that's" */
  if (s + 1 >= e || t[s + 1].kind != T_WORD) return false;
  n = t[s + 1].end - t[s + 1].start;
  p = b->text + t[s + 1].start;
  return (n == 2 && (p[0] == '\'' || p[0] == 'i') && p[1] == 's') ||
         (n == 4 && !memcmp(p, "\xE2\x80\x99s", 4)) ||
         (n == 3 && !memcmp(p, "est", 3));
}

/* "Your" / "Votre" (a determiner), tested on the first word only: length
 * and first letter before any compare. */
static inline bool your(const Block *b, const Token *w) {
  uint32_t n = w->end - w->start;
  char c = b->text[w->start] | 0x20;
  if (n == 4 && c == 'y') return !memcmp(b->text + w->start + 1, "our", 3);
  if (n == 5 && c == 'v') return !memcmp(b->text + w->start + 1, "otre", 4);
  return false;
}

/* "HARMON: She voted for the war.": a transcript's speaker label (one to
 * three words in capitals, then a colon) is not part of what is said, nor
 * is the CLEF line's "12<TAB>HARMON<TAB>" (a number, then the speaker's
 * words up to a tab).  Returns the first token after it, or s when there
 * is none; [*ls, *le) are the speaker's tokens (empty for a number
 * alone).  Only tokens before the sentence's last are asked for a tab. */
static bool clef_line(const Block *b, const Token *t, uint32_t s, uint32_t e) {
  return t[s].kind == T_NUMBER && s + 1 < e && tab_after(b, &t[s]);
}

static uint32_t after_label(const Block *b, const Token *t, uint32_t s,
                            uint32_t e, uint32_t *ls, uint32_t *le) {
  uint32_t i = s;
  *ls = *le = s;
  if (clef_line(b, t, s, e)) {
    for (i = s + 1; i + 1 < e && i < s + 5; i++)
      if (tab_after(b, &t[i])) {
        *ls = s + 1;
        *le = i + 1;
        return i + 1;
      }
    return s + 1; /* a numbered line without a speaker */
  }
  while (i < e && i < s + 3 && t[i].kind == T_WORD && (t[i].flags & TF_ALLCAP))
    i++;
  if (i == s || i + 1 >= e || t[i].kind != T_PUNCT || t[i].ch != ':') return s;
  *le = i;
  return i + 1;
}

/* ", Paul," / ", Senator." / ", Governor Lane,": after a comma, someone
 * addressed by first name or seat, then a comma or the sentence's end.
 * A sentence that talks to someone mid-way is a turn of the exchange
 * ("It means, Kenji, that…", "That's not true, Senator."). */
static inline bool vocative(const Token *w, const Token *e) {
  const Token *n = w + 1;
  if (n >= e || n->kind != T_WORD || (n->flags & (TF_CAP | TF_ALLCAP)) != TF_CAP ||
      !(n->lex & (W_FIRST_M | W_FIRST_F | W_ROLE | W_HONORIFIC)))
    return false;
  n++;
  if (n < e && n->kind == T_WORD && (n->flags & TF_CAP)) n++; /* Governor Lane */
  return n == e || (n->kind == T_PUNCT && (n->ch == ',' || ends(n)));
}

/* "announced it will", "said that they would": the sentence's first
 * future word stands in a clause a speech verb before it reports, the
 * verb followed by that, it or a pronoun ("Reports will be available",
 * "the written approval will be required" report nothing).  Asked only of
 * sentences with both kinds of word; reads up to the first future one. */
static bool reported_future(const Token *t, uint32_t s, uint32_t e) {
  for (uint32_t i = s; i + 1 < e && !(t[i].lex & W_FUTURE); i++)
    if ((t[i].lex & W_SPEECH) && t[i].kind == T_WORD && t[i + 1].kind == T_WORD &&
        (t[i + 1].lex & (W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL | W_DEICTIC)))
      return true;
  return false;
}

/* claims__rate's body, made twice (always inlined with a constant `en`):
 * the English endings test is then no test at all in French text. */
static inline __attribute__((always_inline)) void rate(Block *b,
                                                       const bool en) {
  const Token *t = b->toks.contents;
  for (uint32_t k = 0; k < b->sents.size; k++) {
    Sentence *se = &b->sents.contents[k];
    uint32_t reasons = 0;
    double x = -1.6;
    uint32_t words = 0, numbers = 0, entities = 0, first_person = 0;
    uint32_t opinion = 0, interj = 0, compar = 0, factual = 0, policy = 0;
    uint32_t amounts = 0, dates = 0, future = 0, causal = 0, speech = 0;
    bool question = false, emoticon = false, percent = false, year = false;
    bool currency = false, first_early = false;
    uint32_t past = 0, third = 0, second = 0, futures = 0, perfect = 0;
    uint32_t unreal = 0, vocatives = 0, negs = 0;
    uint32_t numwords = 0, procedure = 0, clock = 0, labels = 0;
    bool exclaim = false;
    /* Classes that count only as present or absent are or-ed together;
     * the four that count several times are summed. */
    uint64_t any = 0;
    uint16_t pflags = 0, wflags = 0;
    uint64_t pchars = 0;
    bool qmark = false;
    /* A CLEF line's number and speaker are no words of the sentence, nor
     * its label column ("…<TAB>0") a figure. */
    uint32_t s0 = se->start, ls, le;
    se->clef = clef_line(b, t, s0, se->end);
    if (se->clef) s0 = after_label(b, t, s0, se->end, &ls, &le);
    const Token *w = t + s0, *e = t + se->end;
    if (e - 1 > w && e[-1].kind == T_NUMBER && tab_before(b, e - 1)) e--;
    for (; w < e; w++) {
      if (w->kind == T_WORD) {
        words++;
        uint64_t l = w->lex;
        any |= l;
        wflags |= w->flags;
        /* the first word is taken off after the loop */
        entities += (w->flags & TF_CAP) && !(l & ENTITY_NOT);
        if (l & (W_OPINION | W_COMPAR | W_FACTUAL | W_POLICY | W_SECOND |
                 W_NUMWORD | W_PROCEDURE | W_FUTURE)) {
          opinion += !!(l & W_OPINION);
          /* "the bill that would have raised the retirement age": a
           * record told in the conditional past, not a promise (but "they
           * would have lost their coverage" is a hypothetical) */
          if (l & W_FUTURE) {
            futures++;
            if (en && w + 1 < e && w[1].kind == T_WORD && word_is(b, w + 1, "have")) {
              if (w > t + s0 && (w[-1].lex & W_QUE)) perfect++;
              else unreal++;
            }
          }
          compar += !!(l & W_COMPAR);
          factual += !!(l & W_FACTUAL);
          policy += !!(l & W_POLICY);
          /* the lexicon folds case; the test is on exact spellings */
          if ((l & W_SECOND) &&
              (word_is(b, w, "you") || word_is(b, w, "You") ||
               word_is(b, w, "vous") || word_is(b, w, "Vous")))
            second++;
          /* the claim-ranking classes that look at the next token */
          if (l & (W_NUMWORD | W_PROCEDURE)) {
            if ((l & W_NUMWORD) && clock_after(w, e)) clock++;
            else if (l & W_NUMWORD) numwords++;
            /* "Question :" / "Réponse :" label an interview, not a debate */
            if ((l & W_PROCEDURE) &&
                !(w + 1 < e && w[1].kind == T_PUNCT && w[1].ch == ':'))
              procedure++;
          }
        }
        if (en && negation(b, w)) negs++;
        if (en && w->end - w->start > 4) {
          uint32_t wn = w->end - w->start;
          const char *s = b->text + w->end - 3;
          /* superlatives and comparatives by ending: biggest, larger */
          if (wn > 5 && !(l & (W_COMPAR | W_VAGUE)) && s[0] == 'e' && s[1] == 's' &&
              s[2] == 't')
            compar++;
          /* past tense: what was done can be checked (voted, created) */
          if (s[1] == 'e' && s[2] == 'd' && !(w->flags & TF_CAP) &&
              !(l & (W_OPINION | W_SPEECH)))
            past++;
        }
        continue;
      }
      if (w->kind == T_NUMBER) {
        if (clock_after(w, e)) {
          clock++;
          continue;
        }
        /* "Route 9", "Channel 9": a number naming a thing, not a figure */
        if (w > t + s0 + 1 && w[-1].kind == T_WORD &&
            (w[-1].flags & TF_CAP) && w[-1].end + 1 == w->start &&
            !(w[-1].lex & (W_MONTH | W_FUNCTION | W_PREP | W_DET)) &&
            !(w->flags & (TF_YEAR | TF_PERCENT))) {
          labels++;
          words++;
          continue;
        }
        numbers++;
        words++;
        if (w->flags & TF_PERCENT) percent = true;
        if (w->flags & TF_YEAR) year = true;
        continue;
      }
      if (w->kind == T_PUNCT) {
        pflags |= w->flags;
        pchars |= SENT_PCHAR(w->ch);
        if (w->ch == '?') question = true;
        if (w->ch == '!') exclaim = true;
        if (w->ch == '%') percent = true;
        if (en && w->ch == ',' && vocative(w, e)) vocatives++;
      } else {
        qmark = true; /* T_QMARK, the only kind left */
      }
    }
    se->lex = any;
    se->wflags = wflags;
    se->qmark = qmark;
    se->pchars = pchars;
    emoticon = pflags & TF_EMOTICON;
    currency = pflags & TF_CURRENCY;
    first_person = !!(any & W_FIRST_PERSON);
    interj = !!(any & W_INTERJ);
    amounts = !!(any & W_AMOUNT);
    dates = !!(any & W_MONTH);
    future = futures > perfect;
    causal = !!(any & W_CAUSAL);
    speech = !!(any & W_SPEECH);
    bool personal = any & W_PERSONAL, hypo = any & W_HYPO, stat = any & W_STAT;
    bool cite = any & W_CITE, record = any & W_RECORD, boast = any & W_VAGUE;
    /* What only the first words count for, after a speaker label (which
     * is neither a word of the sentence nor a name in it). */
    if (s0 == se->start && (wflags & TF_ALLCAP) && (pchars & SENT_PCHAR(':'))) {
      s0 = after_label(b, t, se->start, se->end, &ls, &le);
      for (uint32_t i = se->start; i + 1 < s0; i++) {
        words--;
        entities -= (t[i].flags & TF_CAP) && !(t[i].lex & ENTITY_NOT);
      }
    }
    {
      const Token *w = &t[s0];
      if (w->kind == T_WORD) {
        if ((w->flags & TF_CAP) && !(w->lex & ENTITY_NOT)) entities--;
        if (w->lex & (W_PRON_M | W_PRON_F)) third = 1;
      }
      /* "Our Navy is smaller than...", "Our tax rate is the highest": an
       * opening "our" is the country's, not the speaker's own story */
      if (any & W_FIRST_PERSON) /* else no word of the sentence is one */
        for (uint32_t i = s0; i < se->end && i < s0 + 3; i++)
          if (t[i].kind == T_WORD && (t[i].lex & W_FIRST_PERSON) &&
              !(i == s0 && en && word_is(b, &t[i], "Our")))
            first_early = true;
      /* "We are the highest-taxed country in the developed world": a "we"
       * or "our" opening a superlative about the country or a comparison
       * with the others is the country, not the speaker */
      if (en && compar && (any & (W_SCOPE | W_VAGUE)) == W_SCOPE &&
          w->kind == T_WORD && (w->lex & W_FIRST_PERSON) &&
          ((b->text[w->start] | 0x20) == 'w' || word_is(b, w, "Our"))) {
        first_early = false;
        first_person = 0;
      }
    }
    /* "If you like your plan, you keep it": a sentence that opens on a
     * hypothesis is one; an "if" inside a claim ("the debt would grow by
     * $5 trillion if his plan passed") only qualifies it */
    bool hypo_open = false;
    if (hypo)
      for (uint32_t i = s0, n = 0; i < se->end && n < 3; i++) {
        if (t[i].kind != T_WORD) continue;
        if (t[i].lex & W_HYPO) {
          hypo_open = true;
          break;
        }
        if (!(t[i].lex & (W_CONJ | W_INTERJ))) break;
        n++;
      }
    /* "China makes more steel…", "Wages in this state are lower…": a
     * sentence opening on a place, a group or a topic it names, not on a
     * pronoun, a function word or an interjection (measured on English
     * transcripts only) */
    if (en && words > 5 && !personal && t[s0].kind == T_WORD &&
        (t[s0].flags & TF_CAP) && !(t[s0].lex & SUBJECT_NOT) &&
        !(s0 + 1 < se->end && t[s0 + 1].kind == T_PUNCT && t[s0 + 1].ch == ','))
      x += 0.15;
    if (numbers) {
      /* (1.3 in English, measured on sparse transcript labels) */
      x += (en ? 1.3 : 1.5) + 0.25 * (numbers > 3 ? 3 : numbers - 1);
      reasons |= PM_REASON_NUMBER;
    }
    if (percent) {
      x += 0.9;
      reasons |= PM_REASON_PERCENT;
    }
    if (amounts || currency) {
      x += 0.8 + (currency ? 0.3 : 0);
      reasons |= PM_REASON_AMOUNT;
    } else if (numwords) {
      /* "three times", "forty times" count; "a mother of three" barely */
      x += 0.3;
      reasons |= PM_REASON_AMOUNT;
    }
    if (year || dates) {
      x += year ? 0.6 : 0.3;
      reasons |= PM_REASON_DATE;
    }
    if (entities + labels) {
      uint32_t named = entities + labels;
      x += 0.25 * (named > 3 ? 3 : named);
      reasons |= PM_REASON_ENTITY;
    }
    if (compar) {
      x += 0.45 + 0.15 * (compar > 2 ? 2 : compar - 1);
      /* "the highest-taxed nation in the developed world", "the worst
       * deficit in history": a measured superlative about the country,
       * what fact-checkers check first (a boast, "the greatest economy in
       * history", they leave) */
      if ((any & (W_SCOPE | W_VAGUE)) == W_SCOPE) x += 0.7;
      reasons |= PM_REASON_COMPARATIVE;
    }
    if (factual) {
      x += 0.35 + 0.1 * (factual > 3 ? 3 : factual - 1);
      reasons |= PM_REASON_FACTUAL_VERB;
    }
    if (past) {
      x += 0.35;
      reasons |= PM_REASON_FACTUAL_VERB;
    }
    if (third && !first_person) x += 0.15;
    /* Who the sentence is about: a record is checkable when it is someone
     * else's ("She voted for the war", "The governor signed a law"), an
     * anecdote when it is the speaker's own ("I met a nurse").  (Asked
     * only of records and facts: most sentences have neither.)  "She wants
     * to defund the police" is such a record too. */
    if ((past || factual || record) && !question && !first_early &&
        third_person_subject(b, t, s0, se->end))
      x += 0.55;
    if ((past || factual) && first_early && !numbers && !policy) x -= 0.3;
    /* "Senator Walsh, you have…", "Maria, go ahead": addressing someone */
    if (second && !past && !factual) x -= 0.4;
    /* "Your opponent says…", "Your state has seen…": a moderator setting
     * up a question (but "Your husband signed the deal" is a charge) */
    if (!past && (t[s0].lex & W_DET) && your(b, &t[s0])) x -= 0.6;
    if (causal) {
      x += 0.3;
      reasons |= PM_REASON_CAUSAL;
    }
    if (policy) {
      x += 0.45 + 0.15 * (policy > 3 ? 3 : policy - 1);
      reasons |= PM_REASON_POLICY;
    }
    /* what someone said or told is itself checked (0.3: measured on the
     * CheckThat! dev debates, 0.2 before) */
    if (speech) {
      x += 0.3;
      reasons |= PM_REASON_ATTRIBUTION;
    }
    /* what the other side voted, signed, said or wants */
    bool charge = (record || past) && !question && other_subject(b, t, s0, se->end);
    if (charge) {
      x += 0.7;
      reasons |= PM_REASON_RECORD;
    }
    if (stat) {
      x += 0.4;
      reasons |= PM_REASON_STATISTIC;
    }
    if (cite) {
      x += 0.4;
      reasons |= PM_REASON_SOURCE;
    }
    /* "She said in a debate that she'd end fracking": a debate named in
     * someone's record is where it was said, not this one's running */
    if (clock || (procedure && !charge)) {
      x -= 0.9;
      reasons |= PM_REASON_PROCEDURE;
    }
    if (personal) {
      x -= 1.2;
      reasons |= PM_REASON_ANECDOTE;
    }
    if (hypo) {
      x -= hypo_open ? 0.8 : 0.5;
      reasons |= PM_REASON_HYPOTHETICAL;
    }
    if (boast) x -= 0.3;
    /* both need a word to open the sentence: a comma after it for one, a
     * pointer word ("that", "c'") for the other.  A sentence that opens by
     * addressing someone ("Governor, more than 600,000 people ...") is the
     * moderator's or the crosstalk's: fact-checkers check the candidates. */
    if ((pchars & SENT_PCHAR(',')) && addressed(t, s0, se->end)) x -= 1.0;
    if ((t[s0].lex & W_DEICTIC) && retort(b, t, s0, se->end) &&
        !numbers)
      x -= 0.4;
    /* (kept mild: a candidate may yet put a claim to the moderator, "And,
     * Paul, the state lost 4,000 teaching jobs") */
    if (vocatives) x -= 0.5;
    /* "I did not say that", "It's not going to take years", "We don't
     * know": denials, retorts and negated promises are checked less than
     * what is asserted (-0.7: on the CheckThat! debates and training
     * transcripts, every file ranked better) */
    if (negs) x -= 0.7;
    /* "Cut in half!", "Twice as much!": the rally's echo of a claim */
    if (exclaim) x -= 0.6;
    if (question) {
      x -= 1.6;
      reasons |= PM_REASON_QUESTION;
    }
    if (opinion || (first_person && opinion)) {
      x -= 0.5 + 0.3 * (opinion > 2 ? 2 : opinion);
      reasons |= PM_REASON_OPINION;
    }
    if (first_person && !numbers) x -= 0.25;
    if (interj && words < 8) {
      x -= 1.2;
      reasons |= PM_REASON_INTERJECTION;
    } else if (interj) {
      x -= 0.3;
    }
    if (emoticon) {
      x -= 1.0;
      reasons |= PM_REASON_INTERJECTION;
    }
    /* a promise ("We will create 2 million jobs") cannot be checked yet;
     * but "She said we're going to put coal miners out of business"
     * reports what someone else said, and that can ("My opponent says
     * she would have voted against it" cannot) */
    /* "The carmaker said it will build a plant in Toledo": what someone
     * else announced or said they will do is reported, and the report can
     * be checked */
    bool reported = future && speech && !first_person && !question &&
                    reported_future(t, s0, se->end) &&
                    third_person_subject(b, t, s0, se->end);
    if (future && !(charge && speech && !unreal) && !reported) {
      x -= first_person ? 1.3 : 0.5;
      reasons |= PM_REASON_FUTURE;
    }
    if (words < 6) {
      x -= words < 4 ? 2.0 : 1.0;
      reasons |= PM_REASON_SHORT;
    } else if (words < 8) {
      x -= 0.3;
    } else if (words > 12) {
      /* claims that get checked are long; the bonus grows up to 24 words */
      x += 0.2 + 0.03 * ((words > 24 ? 24 : words) - 12);
    }
    se->logit = x;
    se->reasons = reasons;
    se->words = words;
    se->boiler = 0;
  }
}

void claims__rate(Block *b) {
  if (b->lid == PM_LANG_EN) rate(b, true);
  else rate(b, false);
  /* (out of rate's loop, whose registers a call there would take) */
  Sentence *se = b->sents.contents;
  if (b->sents.size && se->words <= 12)
    se->boiler = (uint8_t)(1 + boilerplate(b, se->bstart, se->bend, se->words));
}

/* "Thank you for hosting this debate": a candidate's first words.  (Asked
 * only of the few sentences that name the debate in its opening.) */
static bool thanks(const Block *b, const Sentence *se) {
  const Token *t = b->toks.contents;
  if (!(se->lex & W_INTERJ)) return false;
  for (uint32_t i = se->start; i < se->end; i++)
    if ((t[i].lex & W_INTERJ) && t[i].end - t[i].start >= 5 &&
        (b->text[t[i].start] | 0x20) == 't' &&
        !memcmp(b->text + t[i].start + 1, "hank", 4))
      return true;
  return false;
}

/* Sentences into a transcript in which its moderators show themselves. */
#define TURN_OPENING 40
/* Sentences of each speaker over which its questions are counted. */
#define ASK_WINDOW 80
/* Sentences after which a speaker is no minor one (and twenty times as
 * many, the transcript's count): measured on the CheckThat! transcripts. */
#define SPEAK_ENOUGH 20
#define SPEAK_SLOTS 8

static bool emphasis(char c) { return c == '*' || c == '_'; }

/* FNV-1a of a name's bytes, ASCII letters folded to lower case, then a
 * space: a label ("RUIZ:") and a name in the text ("Anita Ruiz") meet. */
static uint64_t name_hash(const char *p, uint32_t n, uint64_t h) {
  for (uint32_t k = 0; k < n; k++) {
    unsigned char ch = (unsigned char)p[k];
    if (ch >= 'A' && ch <= 'Z') ch |= 0x20;
    h = (h ^ ch) * 0x100000001B3ULL;
  }
  return (h ^ ' ') * 0x100000001B3ULL;
}

static void add_moderator(PmContext *c, uint64_t h) {
  for (int k = 0; k < 4; k++) {
    if (c->mod_labels[k] == h) return;
    if (!c->mod_labels[k]) {
      c->mod_labels[k] = h;
      return;
    }
  }
}

/* "…, and with me are my colleagues Derek Yu and Lisa Montoya": the
 * people a moderator names after "colleague(s)" or "moderator(s)" in the
 * opening moderate too, whose labels are their surnames (the last word of
 * each run of two or more capitalised words).  Read only in a moderator's
 * sentences of the opening, a few per transcript. */
static void colleagues(Block *b, const Sentence *se) {
  const Token *t = b->toks.contents;
  uint32_t i = se->start;
  for (; i < se->end; i++) {
    const Token *w = &t[i];
    uint32_t n = w->end - w->start;
    const char *p = b->text + w->start;
    if (w->kind != T_WORD) continue;
    if ((n == 9 || n == 10) && !memcmp(p, "colleague", 9)) break;
    if ((w->lex & W_PROCEDURE) && (n == 9 || n == 10) && !memcmp(p, "moderator", 9))
      break;
  }
  uint32_t run = 0;
  for (i++; i <= se->end; i++) {
    if (i < se->end && t[i].kind == T_WORD && (t[i].flags & TF_CAP)) {
      run++;
      continue;
    }
    if (run >= 2)
      add_moderator(b->ctx, name_hash(b->text + t[i - 1].start,
                                      t[i - 1].end - t[i - 1].start,
                                      0xCBF29CE484222325ULL));
    run = 0;
  }
}

/* Counts a sentence of the turn's speaker: where it stands in its turn,
 * and whether the speaker is a minor one, who has spoken fewer than
 * SPEAK_ENOUGH sentences and under a twentieth of the transcript's so
 * far (a guest on a talk show, a reporter at a press conference, an
 * audience member; a ninth speaker has no slot and is one).  Fact-checkers check
 * the candidates and the main guest, who speak most. */
static void speaking(PmContext *c) {
  if (c->turn_pos < 3) c->turn_pos++;
  if (c->speak_total < 20 * SPEAK_ENOUGH) c->speak_total++;
  uint32_t n = 0;
  for (int k = 0; k < SPEAK_SLOTS; k++) {
    if (c->speak_labels[k] && c->speak_labels[k] != c->turn_label) continue;
    c->speak_labels[k] = c->turn_label;
    if (c->speak_sents[k] < SPEAK_ENOUGH) c->speak_sents[k]++;
    n = c->speak_sents[k];
    break;
  }
  c->turn_minor = n < SPEAK_ENOUGH && n * 20 < c->speak_total;
}

/* Follows a transcript's turns from one sentence to the next and tells
 * whether the sentence is a moderator's.  A label ("OKAFOR:") opens a
 * turn that lasts until the next label.  Its speaker is a moderator when
 * the label says so ("MODERATOR:") or when, in the opening, the turn lays
 * down the rules (a debate, its segments, two minutes each) without
 * thanking anyone, as candidates do when they first speak, and someone
 * else speaks in the transcript.  Fact-checkers
 * check the candidates: a moderator's figures set up a question.  Only
 * labelled text has turns; the cost is a flag test a sentence. */
static bool moderating(Block *b, const Sentence *se) {
  PmContext *c = b->ctx;
  const Token *t = b->toks.contents;
  if (se->clef || ((se->wflags & TF_ALLCAP) && (se->pchars & SENT_PCHAR(':')))) {
    uint32_t ls, le;
    after_label(b, t, se->start, se->end, &ls, &le);
    if (le > ls) {
      uint64_t h = 0xCBF29CE484222325ULL, lex = 0;
      for (uint32_t i = ls; i < le; i++) {
        lex |= t[i].lex;
        h = name_hash(b->text + t[i].start, t[i].end - t[i].start, h);
      }
      /* "SYSTEM<TAB>[Applause]": a CLEF transcript's stage direction is
       * nobody's turn; a speech it interrupts still has one speaker */
      if (h == name_hash("system", 6, 0xCBF29CE484222325ULL)) return false;
      if (c->turn_label && h != c->turn_label) c->turn_multi = 1;
      /* A CLEF transcript labels every line, not every turn: the thanks
       * that opened a candidate's turn ("Well, thank you, Lester.") last
       * while the same speaker goes on ("…the central question in this
       * election…" is no rule of the debate). */
      if (h != c->turn_label) {
        c->turn_thanks = thanks(b, se);
        c->turn_after_mod = c->turn_mod == 2 || (c->turn_mod && c->turn_multi);
        c->turn_pos = 0;
      } else {
        c->turn_thanks |= thanks(b, se);
      }
      c->turn_label = h;
      c->turn_mod = (lex & W_PROCEDURE) ? 2
                    : h == c->mod_labels[0] || h == c->mod_labels[1] ||
                          h == c->mod_labels[2] || h == c->mod_labels[3];
    }
  }
  if (!c->turn_label) return false;
  speaking(c);
  if (c->turn_sents < TURN_OPENING) {
    c->turn_sents++;
    /* (a turn that opened on thanks is a candidate's: "Thank you, Sam.
     * … a seat for every worker, no questions asked"; but a host who
     * thanks the audience then gives the clock, "Each of you will have
     * two minutes", moderates) */
    /* (nor does a rhetorical question: "And do you know what my answer
     * was?") */
    if (!c->turn_mod && (se->lex & (W_PROCEDURE | W_CLOCK)) &&
        (!c->turn_thanks || (se->lex & W_CLOCK)) && !thanks(b, se) &&
        !(se->reasons & PM_REASON_QUESTION)) {
      c->turn_mod = 1;
      /* "Good evening, and welcome to the debate": greeting the audience
       * with the rules is a host's, sure before anyone else speaks (as a
       * dateline's story is not) */
      if (se->lex & W_INTERJ) c->turn_multi = 1;
      add_moderator(c, c->turn_label);
    }
    if (c->turn_mod && (se->lex & W_FIRST_PERSON)) colleagues(b, se);
  } else if (!c->turn_mod &&
             (se->lex & (W_CLOCK | W_SECOND | W_FIRST_PERSON | W_PRON_M |
                         W_PRON_F | W_PRON_PL)) == (W_CLOCK | W_SECOND) &&
             (se->reasons & PM_REASON_PROCEDURE)) {
    /* "Senator Ruiz, you have two minutes": who gives the others the
     * clock moderates, however late it first speaks (a co-moderator, a
     * second host; but "He ran a minute over and nobody stopped him" is
     * a candidate's complaint, "wait a minute" no clock) */
    c->turn_mod = 1;
    add_moderator(c, c->turn_label);
  }
  /* A speaker a fifth of whose first sentences are questions (six at
   * least) asks rather than answers: a moderator or an interviewer, met
   * however late (a co-moderator's first turn comes after the opening).
   * Candidates ask too, rhetorically, in one sentence out of twenty. */
  if (!c->turn_mod) {
    for (int k = 0; k < 4; k++) {
      if (c->ask_labels[k] && c->ask_labels[k] != c->turn_label) continue;
      c->ask_labels[k] = c->turn_label;
      if (c->ask_sents[k] < ASK_WINDOW) {
        c->ask_sents[k]++;
        c->ask_qs[k] += !!(se->reasons & PM_REASON_QUESTION);
        if (c->ask_qs[k] >= 6 && c->ask_qs[k] * 5 >= c->ask_sents[k]) {
          c->turn_mod = 1;
          add_moderator(c, c->turn_label);
        }
      }
      break;
    }
  }
  /* Rules in the opening make a moderator only once a second speaker
   * has spoken: "WASHINGTON: The Senate debate…" opens a news story with a
   * dateline, whose one "turn" is the whole article. */
  bool mod = c->turn_mod == 2 || (c->turn_mod && c->turn_multi);
  c->moderated |= mod;
  return mod;
}

void claims__score(Block *b) {
  b->res->sentences += b->sents.size;
  if (b->ctx->in_comments) return;
  uint32_t cursor = b->para_first_quote;
  /* Most sentences fall below the threshold m, which needs no exponential:
   * e^-x >= 1 - x, so x < 1 - (1 - m) / m makes 1 + e^-x > 1 / m, the
   * score below m (with a margin far above the rounding of either side). */
  double min = b->opts->min_score;
  double below = min > 0.0 ? 1.0 - (1.0 - min) / min - 1e-9 : -HUGE_VAL;
  for (uint32_t k = 0; k < b->sents.size; k++) {
    const Sentence *se = &b->sents.contents[k];
    double x = se->logit;
    uint32_t reasons = se->reasons;
    /* Page furniture is a short first sentence of its line.  Tested in
     * claims__rate, which goes to whichever thread has time (when the
     * rating was the worker's alone, the test was here, to even out the
     * two threads' work); here only for a long line's later pieces, whose
     * first sentence was not its line's. */
    if (k == 0 && se->words <= 12 &&
        (se->boiler && !an__slow_paths ? se->boiler == 2
                                          : boilerplate(b, se->bstart, se->bend, se->words))) {
      x -= 3.0;
      reasons |= PM_REASON_BOILERPLATE;
    }
    if (moderating(b, se)) {
      x -= 4.0;
      reasons |= PM_REASON_PROCEDURE;
    }
    if (b->ctx->moderated) {
      /* Measured on the 13 CheckThat! training and development
       * transcripts, leave-one-file-out (bench/clef/README.md): a minor
       * speaker's sentences (-0.6) and the first of an answer to a
       * moderator (-0.4, "Well, thank you, Tom.", "Let me say this") are
       * checked less.  Only where someone moderates: "READ MORE:" after
       * "WATCH:" in a news page is no speaker.  (A prior on a sentence's
       * place in the transcript, what is said late ranked lower, also
       * measured better there, but it ranks a new claim made late below
       * the same claim made early, which no user expects: not kept.) */
      if (b->ctx->turn_minor) x -= 0.6;
      if (b->ctx->turn_after_mod && b->ctx->turn_pos == 1) x -= 0.4;
    }
    if (x < below) continue;
    double score = 1.0 / (1.0 + exp(-x));
    if (score < b->opts->min_score) continue;
    PmClaim *c = pm_array_grow_one(&b->res->claims);
    c->start = se->bstart;
    c->end = se->bend;
    /* with the Markdown emphasis around it (no token: bytes.h) */
    while (c->start > b->para_start && emphasis(b->text[c->start - 1])) c->start--;
    while (c->end < b->para_end && emphasis(b->text[c->end])) c->end++;
    c->score = floor(score * 1000.0 + 0.5) / 1000.0;
    c->reasons = reasons;
    c->speaker = speaker_of(b, se->bstart, se->bend, &cursor);
  }
}

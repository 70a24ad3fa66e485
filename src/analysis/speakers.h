/*
 * speakers.h - what the speaker files share and nobody else sees: mentions
 * (names.c reads names and word classes, subject_left.c and
 * subject_right.c a verb's subject before and after it),
 * resolution (resolve.c turns a mention into a full name), cues (cues.c),
 * attribution (speakers.c) and indirect speech (indirect.c).
 */
#ifndef PM_ANALYSIS_SPEAKERS_H
#define PM_ANALYSIS_SPEAKERS_H

#include <string.h>

#include "analysis/internal.h"

#define NONE UINT32_MAX
/* Cue searches look at most this many tokens away from the quotation, so a
 * paragraph with thousands of quotations stays linear. */
#define WINDOW 48

enum { M_NONE, M_NAME, M_PRON, M_ROLE, M_INST, M_OUTLET, M_NP,
       M_LATTER /* « ce dernier », "the latter": the person named last */ };

typedef struct {
  int type;
  uint32_t ts, te;      /* mention tokens [ts, te) */
  uint32_t ns, ne;      /* name tokens (M_NAME), without honorifics */
  uint32_t head;        /* role head token (M_ROLE) */
  int gender;
} Mention;

typedef struct {
  bool found;
  Mention m;
  const char *how;
  uint8_t stance;
  double conf;
} Cue;

typedef struct {
  char name[CTX_NAME];
  bool has_name;
  const char *suffix; /* appended to `how` */
  int gender;
  double conf;
} Resolved;

static inline const Token *T(const Block *b, uint32_t i) { return &b->toks.contents[i]; }

static inline bool punct(const Block *b, uint32_t i, char c) {
  return i < b->toks.size && T(b, i)->kind == T_PUNCT && T(b, i)->ch == c;
}

/* strchr(set, t->ch) for a punctuation token, without the call: the cue
 * searches test it on every token they pass.  Like strchr, a NUL ch is in
 * every set. */
static inline bool punct_in(const Token *t, const char *set) {
  if (t->kind != T_PUNCT) return false;
  for (;; set++) {
    if (*set == t->ch) return true;
    if (!*set) return false;
  }
}

static inline bool word(const Block *b, uint32_t i) {
  return i < b->toks.size && T(b, i)->kind == T_WORD;
}

/* Does word i fold (lex__fold) to w?  Folding never lengthens a word and
 * shortens it only at a typographic apostrophe (three bytes become "'"),
 * and it maps an ASCII byte to one byte in place; so a longer word cannot
 * match a w without "'", and an ASCII word of the same length compares
 * byte by byte.  Only the rest (accents,
 * apostrophes) is folded in full: the cue searches ask this of many words
 * ("and", "qui", "state"), and folding each cost more than the search. */
static inline bool folded_is(const Block *b, uint32_t i, const char *w) {
  if (!word(b, i)) return false;
  const Token *t = T(b, i);
  size_t tn = t->end - t->start, wn = strlen(w);
  const char *s = b->text + t->start;
  if (tn < wn) return false;
  if (tn == wn && tn < 64) {
    size_t k = 0;
    for (; k < tn; k++) {
      unsigned char c = (unsigned char)s[k];
      if (c >= 0x80) break;
      if ((char)(c + (unsigned)((unsigned char)(c - 'A') < 26) * 32) != w[k]) return false;
    }
    if (k == tn) return true;
  } else if (tn > wn && !strchr(w, '\'')) {
    return false; /* shortened, it would hold an apostrophe w lacks */
  }
  char f[64];
  size_t n = lex__fold(s, tn, f);
  return n && !strcmp(f, w);
}

static inline bool inverted(const Block *b, uint32_t i) {
  return word(b, i) && (T(b, i)->flags & (TF_INV_M | TF_INV_F | TF_INV_PL));
}

static inline int pron_gender(const Token *t) {
  if (t->lex & W_PRON_F) return 2;
  if (t->lex & W_PRON_M) return 1;
  return 3; /* plural or impersonal */
}

/* ---- speakers.c --------------------------------------------------------- */

/* Is the quotation r a title: a short capitalised one after a title cue
 * or a preposition ("Interrogé par "Libération"")? */
bool spk__is_title(Block *b, const RawQuote *r);

/* ---- names.c: name-like tokens, a name's extent, shared word tests ------ */

/* A capitalised word that can be part of a person's name.  The cue
 * searches ask this and the next of most tokens they pass, and most
 * tokens fail the first flag test: that test is inline, the rest of the
 * rule in names.c. */
bool spk__nameish_cap(const Block *b, uint32_t i);
/* The classes of a capitalised word that opens no name unless it is also a
 * first name ("Le", "The", "Selon", "Mais"): most capitals the searches
 * pass are such a sentence's first word, settled here without the call. */
#define NAMEISH_NOT                                                                        \
  (W_FUNCTION | W_DET | W_PREP | W_PRON_M | W_PRON_F | W_PRON_PL | W_MONTH | W_INTERJ |   \
   W_HONORIFIC | W_SOURCE | W_COMMENT | W_FIRST_PERSON | W_AUX | W_QUE)
static inline bool spk__nameish(const Block *b, uint32_t i) {
  if (i >= b->toks.size) return false;
  const Token *t = T(b, i);
  if (t->kind != T_WORD || !(t->flags & TF_CAP)) return false;
  /* (« Yanis M., 29 ans »: after a first name, a one-letter honorific
   * with its period is the surname's initial) */
  if (t->lex & NAMEISH_NOT)
    return (t->lex & (W_FIRST_M | W_FIRST_F)) != 0 ||
           (t->end - t->start == 1 && (t->lex & W_HONORIFIC) && i > 0 && i + 1 < b->toks.size &&
            (T(b, i - 1)->lex & (W_FIRST_M | W_FIRST_F)) && T(b, i - 1)->kind == T_WORD &&
            T(b, i + 1)->kind == T_PUNCT && T(b, i + 1)->ch == '.' &&
            T(b, i + 1)->start == t->end);
  return spk__nameish_cap(b, i);
}
/* A speech verb used as a verb: lowercase, not after a determiner. */
bool spk__speech_verb_word(const Block *b, uint32_t i);
static inline bool spk__speech_verb(const Block *b, uint32_t i) {
  return i < b->toks.size && T(b, i)->kind == T_WORD && (T(b, i)->lex & W_SPEECH) &&
         !(T(b, i)->flags & TF_CAP) && spk__speech_verb_word(b, i);
}
/* An auxiliary, adverb or elided word between a subject and its verb.
 * The subject searches ask it of most words they pass: the flag tests
 * are inline, the adverb's spelling in names.c. */
bool spk__skippable_word(const Block *b, uint32_t i);
static inline bool spk__skippable(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  if (t->kind != T_WORD || (t->flags & TF_CAP)) return false;
  if (t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) return false;
  return (t->lex & W_AUX) || spk__skippable_word(b, i);
}
/* "pour sa part", "for his part": the three words before token j are an
 * adverbial between a subject and its verb. */
bool spk__adverbial3(const Block *b, uint32_t j);
/* « de nouveau », « à nouveau »: the two words before token j are such an
 * adverbial (« Le RN a de nouveau plaidé pour … »). */
bool spk__adverbial2(const Block *b, uint32_t j);
/* A lowercase relational adjective at token i (-al, -ale, -aux, -ique:
 * « départemental », « régionale », « académique »), as public bodies
 * take after their noun. */
bool spk__relational_adj(const Block *b, uint32_t i);
/* A lowercase conjunction at token e inside an organisation's name
 * ("Avon and Somerset Police"), capitalised words up to hi after it. */
bool spk__and_in_org(const Block *b, uint32_t e, uint32_t hi);
/* An English capitalised word at token k that says where a company is
 * from, not what it is called: "the Swedish company", "the
 * Cambridge-based biotech". */
bool spk__place_adjective(const Block *b, uint32_t k);
/* First token of the name ending at token j (not before lo). */
uint32_t spk__name_start(const Block *b, uint32_t j, uint32_t lo);
/* Token after the name starting at token s (not past hi). */
uint32_t spk__name_end_from(const Block *b, uint32_t s, uint32_t hi);
/* "S. Balachandran", "R. Lakshmi Narayanan": in English a one-letter
 * capital at token i with its period glued is a name's initial when a
 * capitalised word follows. */
static inline bool spk__initial_at(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  return t->end - t->start == 1 && b->lid == PM_LANG_EN && t->kind == T_WORD &&
         b->text[t->start] >= 'A' && b->text[t->start] <= 'Z' && i + 2 < b->toks.size &&
         T(b, i + 1)->kind == T_PUNCT && T(b, i + 1)->ch == '.' &&
         T(b, i + 1)->start == t->end && T(b, i + 2)->kind == T_WORD &&
         (T(b, i + 2)->flags & TF_CAP);
}
static inline uint32_t spk__name_end(const Block *b, uint32_t s, uint32_t hi) {
  /* Most names are one word before a lowercase word or a mark: then
   * names.c would stop at once (its only rules at a lowercase word are an
   * English body's "of", after an institution noun or before one, "the
   * Port of Rotterdam Authority"), so no call. */
  uint32_t e = s + 1;
  if (e >= hi || e >= b->toks.size) return e;
  const Token *t = T(b, e);
  if (!(t->flags & TF_CAP) && (t->kind != T_WORD || !(t->lex & (W_NAME_PARTICLE | W_CONJ))) &&
      !(b->lid == PM_LANG_EN && (T(b, s)->lex & W_INSTITUTION)) &&
      !(b->lid == PM_LANG_EN && t->end - t->start == 2 && !memcmp(b->text + t->start, "of", 2)) &&
      !(t->kind == T_PUNCT && spk__initial_at(b, s)))
    return e;
  return spk__name_end_from(b, s, hi);
}
/* An initialism ("B.C.", "U.S.") right before token s: its token, or s. */
uint32_t spk__initialism_before(const Block *b, uint32_t s, uint32_t lo);
/* 1 masculine, 2 feminine, 0 unknown, from the first name at ns. */
int spk__name_gender(const Block *b, uint32_t ns);
/* The gender an honorific at token i gives (Mme, Mrs: 2; M., Mr: 1), 0 when none. */
int spk__honorific_gender(const Block *b, uint32_t i);
/* « le Danois Jonas Holm-Berg », « la Française Marie Dupont »: past a
 * capitalised nationality after an article and before a name of two words
 * or more, the name's first token; else ns. */
uint32_t spk__past_nationality(const Block *b, uint32_t ns, uint32_t ne);
/* Fills a name mention for tokens [ns, ne), taking in an honorific or a
 * role noun just before it ("M. Valls", "Mayor John Smith", "le ministre
 * Manuel Valls") and binding that role to the name. */
void spk__name_mention(Block *b, Mention *m, uint32_t ns, uint32_t ne);
/* The byte where the name of tokens [.., ne) ends: after the period of a
 * final initial (« Samuel G. »), else at its last token's end. */
uint32_t spk__name_text_end(const Block *b, uint32_t ne);
/* Index of the paragraph sentence holding token tok. */
uint32_t spk__sentence_of(const Block *b, uint32_t tok);
/* Is token i inside a quotation of this paragraph?  A token before the
 * paragraph's first quotation is not: that test inline, the search in
 * names.c. */
bool spk__in_quote_search(const Block *b, uint32_t i);
static inline bool spk__in_quote(const Block *b, uint32_t i) {
  if (!b->raw.size || T(b, i)->start < b->raw.contents[0].start) return false;
  return spk__in_quote_search(b, i);
}

/* ---- subject_left.c, subject_right.c: a verb's subject ------------------ */

/* The subject of verb v read leftwards (not before lo) or rightwards (an
 * inverted subject, not past hi); false when there is none.  May bind role
 * nouns to names in the context. */
bool spk__subject_left(Block *b, uint32_t v, uint32_t lo, Mention *m);
/* « le Danois », « la Britannique » at determiner d: a demonym standing
 * for a person, made a role mention (resolved like « le ministre »). */
bool spk__demonym_role(Block *b, uint32_t d, Mention *m);
/* "the 24-year-old" at determiner d (English): the person named before,
 * made a role mention headed by "old"; false when d opens no such age. */
bool spk__age_epithet(const Block *b, uint32_t d, Mention *m);
bool spk__subject_right(Block *b, uint32_t v, uint32_t hi, Mention *m);

/* ---- resolve.c ----------------------------------------------------------- */

/* The full name a mention stands for, and the `how` suffix of the rule. */
Resolved spk__resolve(Block *b, const Mention *m);

/* The person the paragraph last put in subject position before token
 * upto (a name opening a sentence), if any. */
bool spk__paragraph_subject(Block *b, uint32_t upto, Resolved *out);
/* The person named as subject of sentence si before token upto. */
bool spk__sentence_subject(Block *b, uint32_t si, uint32_t upto, Resolved *out);
/* The same for the paragraph's last sentence alone. */
bool spk__last_sentence_subject(Block *b, Resolved *out);
/* The same for the paragraph's first sentence. */
bool spk__first_sentence_subject(Block *b, Resolved *out);

/* ---- roles.c ------------------------------------------------------------- */

/* Binds the role noun at token `head` (and its phrase or canonical
 * synonym) to the name in tokens [ns, ne). */
void spk__bind_role(Block *b, uint32_t head, uint32_t ns, uint32_t ne);
/* Binds the role noun at `head` to a name already resolved. */
void spk__bind_role_to(Block *b, uint32_t head, const char *name);
/* The name bound to the role noun at `head`, or NULL; *keyed tells whether
 * the mention's phrase said more than the head ("le ministre de la
 * Justice"). */
const char *spk__role_name(Block *b, uint32_t head, bool *keyed);
/* Whether the article bound `name` to a role, and to none the role phrase
 * at `head` would resolve to (« le Premier ministre » is not the man named
 * « le ministre des Pensions »). */
bool spk__role_other_seat(Block *b, uint32_t head, const char *name);
/* "(AMF)" at token e. */
bool spk__acronym_after(const Block *b, uint32_t e);
/* Makes the acronym at token acr stand for the name in tokens [ns, ne). */
void spk__note_acronym(Block *b, uint32_t acr, uint32_t ns, uint32_t ne);
/* "La Fédération nationale des sapeurs-pompiers de France (FNSPF) estime":
 * the organisation before an acronym ending at token `end`, noting the
 * acronym as its alias. */
bool spk__org_subject(Block *b, uint32_t end, uint32_t lo, Mention *m);
/* Notes every "Name (ACR)" of the paragraph. */
void spk__note_acronyms(Block *b);
/* Tokens [ns, ne) followed by an acronym that abbreviates them: notes the
 * acronym and returns true. */
bool spk__org_named(Block *b, uint32_t ns, uint32_t ne);
/* « l'agence », « la fédération »: the organisation with an acronym whose
 * name opens with the noun at token head, or NULL. */
const char *spk__org_by_noun(const Block *b, uint32_t head);
/* « le ministère de la Transition écologique »: a public body a lowercase
 * noun (agency_nouns) names with its capitalised complement.  The token
 * after the name that opens at noun `head`, ending by `lim`, or NONE when
 * no capitalised complement follows the noun. */
uint32_t spk__body_end(const Block *b, uint32_t head, uint32_t lim);
/* Binds each agency noun of the paragraph that names a body (« le
 * ministère des Transports ») to it, so that « le ministère » is that
 * body later on (resolve.c). */
void spk__note_bodies(Block *b);
/* Does the token at i follow a possessive ("the warehouse's owner")? */
bool spk__after_possessive(const Block *b, uint32_t i);
/* The full name an acronym stands for, or NULL. */
const char *spk__acronym_name(const Block *b, const char *s, size_t n);

/* ---- layout.c ------------------------------------------------------------ */

/* The paragraph is a byline ("Par X", "By X"): its names are no speakers. */
bool spk__byline(const Block *b);
/* A byline of middle dots ("Name · CBC News · Posted: …"): its names are
 * reporters, not speakers. */
bool spk__dot_byline(const Block *b);
/* The paragraph is page furniture ("Publié le …", "Related: …"). */
bool spk__furniture(const Block *b);
/* In a headline paragraph, notes its quotations of four words or more
 * that have no speaker (or only a colon's) from res index first_quote on. */
void spk__note_heading_quotes(Block *b, uint32_t first_quote);
/* Gives q's speaker to the noted headline quotations whose words q
 * quotes. */
void spk__heading_speaker(Block *b, const PmQuote *q);
/* Paragraph b reads as a headline or sub-heading: short, and not ended as
 * a sentence is. */
bool spk__heading_line(const Block *b);
/* The body names text[a, z) in full: a headline quotation whose speaker
 * is its last word (« Guigou-Martin « fier de ses gars » ») is that
 * person. */
void spk__heading_surname(Block *b, uint32_t a, uint32_t z);
/* The body binds the role noun folded as f[0..fn) to the name in tokens
 * [ns, ne): the headline quotations still without a speaker whose
 * headline gave that role get that name. */
void spk__heading_role_bound(Block *b, const char *f, size_t fn, uint32_t ns, uint32_t ne);

/* The first token of the person a paragraph's interview word introduces
 * in tokens [from, to) ("an interview with Nadia Ferrer"), or NONE. */
uint32_t spk__interviewee(const Block *b, uint32_t from, uint32_t to);
/* An interview's standfirst (« … Claire Le Goff a été élue … Entretien. »)
 * gives its person to the headline quotations still unattributed. */
void spk__interview_chapeau(Block *b);

/* ---- cues.c: cue searches around a quotation, setting nothing ----------- */

bool spk__gerund(const Block *b, uint32_t v);
/* The speaker cue of speech verb v, its subject searched in [lo, hi). */
Cue spk__cue_at_verb(Block *b, uint32_t v, uint32_t lo, uint32_t hi,
                     const char *how, double conf, bool right_first);
/* A speech verb or a dash signature right after closing mark c, within
 * (c, hi); slex: the classes of the sentence holding c (~0 when not
 * known). */
Cue spk__cue_after_full(Block *b, uint32_t c, uint32_t hi, uint64_t slex);
static inline Cue spk__cue_after(Block *b, uint32_t c, uint32_t hi, uint64_t slex) {
  /* Asked of every quotation: without a speech word in the sentence only
   * a dash signature or a headline's colon right after the mark gives a
   * cue (every other one is found at a speech verb), so most calls end
   * here, without the call. */
  if (!(slex & W_SPEECH) && !punct(b, c + 1, '-') && !punct(b, c + 1, ':')) {
    Cue none;
    memset(&none, 0, sizeof none);
    return none;
  }
  return spk__cue_after_full(b, c, hi, slex);
}
/* Cues before opening mark o, within [lo, o); slex and spc: the classes
 * and punctuation of the sentence holding [lo, o) (~0 when not known). */
Cue spk__cue_before_full(Block *b, uint32_t o, uint32_t lo, uint32_t hi, uint64_t slex,
                         uint64_t spc);
static inline Cue spk__cue_before(Block *b, uint32_t o, uint32_t lo, uint32_t hi,
                                  uint64_t slex, uint64_t spc) {
  /* every cue before a quotation is found at a colon or a speech word:
   * a sentence with neither has none (the searches would not start) */
  if (!(spc & SENT_PCHAR(':')) && !(slex & W_SPEECH)) {
    Cue none;
    memset(&none, 0, sizeof none);
    return none;
  }
  return spk__cue_before_full(b, o, lo, hi, slex, spc);
}
/* Selon X / d'après X / pour X, / according to X anywhere in [lo, hi);
 * *after (when not NULL) gets the token after the source. */
Cue spk__cue_source(Block *b, uint32_t lo, uint32_t hi, uint32_t *after);

/* ---- speakers.c: picking the cue, making and noting the speaker --------- */

/* Tokens [ts, te) open with an unnamed person: « un conseiller », « un
 * haut fonctionnaire », "a person familiar with …", "One juror". */
bool spk__indefinite_person(const Block *b, uint32_t ts, uint32_t te);
/* Token i is un, une, a, an or one. */
bool spk__indefinite_det(const Block *b, uint32_t i);
/* « Joint par téléphone, X … », « Interrogé par l'AFP, un spécialiste … »:
 * when token k opens a sentence with a capitalised past participle (-é,
 * -ée, -és, -ées) and a comma follows within 14 tokens (before lim),
 * the token after that comma; k otherwise. */
uint32_t spk__participle_opener_at(const Block *b, uint32_t k, uint32_t lim);
static inline uint32_t spk__past_participle_opener(const Block *b, uint32_t k, uint32_t lim) {
  /* (most sentences open with no capitalised word ending so: no call) */
  if (k >= b->toks.size || !(T(b, k)->flags & TF_CAP) || T(b, k)->kind != T_WORD) return k;
  unsigned char z = (unsigned char)b->text[T(b, k)->end - 1];
  if (z != 0xA9 && z != 'e' && z != 's' && z != 't' && z != 'u') return k;
  return spk__participle_opener_at(b, k, lim);
}
/* The gender a role noun's form or determiner gives (0 unknown): « la
 * porte-parole », « le ministre », « l'élu » (its -e form is feminine). */
int spk__role_gender(const Block *b, uint32_t k);
/* Makes q's speaker from a cue, noting the speaker in the context. */
void spk__set_speaker(Block *b, PmQuote *q, const Cue *c);

/* ---- indirect.c ---------------------------------------------------------- */

/* The cue search of spk__indirect, for a sentence without quotation marks
 * whose words' classes OR to `lex` (inv: it has an inverted subject). */
void spk__indirect_cues(Block *b, const Sentence *s, uint64_t lex, bool inv);
/* The indirect speech of a sentence with quotation marks, the first at
 * token fq, the words before it of classes head_lex: a clause closed by an
 * attribution before the first mark, a que/that clause after the last
 * one. */
void spk__indirect_quoted(Block *b, const Sentence *s, uint32_t fq, uint64_t head_lex);
/* Adds the indirect quotation of sentence s, if it reports speech.  Every
 * sentence passes here and few go further: the gathering loop is inline. */
static inline void spk__indirect(Block *b, const Sentence *s) {
  /* A sentence with a quotation reports nothing more: the quotation
   * carries the speech (the annotated convention marks only the quoted
   * words of "a assuré que les agriculteurs ne seraient « pas … »"). */
  /* The same pass gathers what the sentence holds: most sentences have
   * no speech verb, inverted subject or source word, and every cue below
   * needs one of them (a speech verb for the verb cues, a speech verb or
   * an inverted subject for a trailing attribution, a source word for
   * selon X), so such a sentence is done after this one loop. */
  /* claims__rate gathered the same classes and flags for the sentence
   * (only words carry them): without any of those nothing below fires,
   * with or without quotation marks (spk__indirect_quoted needs a speech
   * word or the same cues), and a sentence without quotation marks needs
   * no loop here */
  bool sinv = (s->wflags & (TF_INV_M | TF_INV_F | TF_INV_PL)) != 0;
  if (!(s->lex & (W_SPEECH | W_SOURCE)) && !sinv) return;
  if (!s->qmark) {
    /* a dialogue line (quotes.c) or a quotation left open from the
     * paragraph's first mark holds it: quoted speech, not indirect */
    if (b->raw.size && b->raw.contents[0].open_tok == 0 &&
        b->raw.contents[0].close_tok == UINT32_MAX)
      return;
    spk__indirect_cues(b, s, s->lex, sinv);
    return;
  }
  /* Without a speech word, spk__indirect_quoted reads neither the first
   * mark nor the classes before it (it only tests has_quote, then the
   * sentence's own classes): no loop to find them. */
  if (!(s->lex & W_SPEECH)) {
    spk__indirect_quoted(b, s, s->start, 0);
    return;
  }
  uint64_t lex = 0;
  unsigned flags = 0;
  uint32_t i = s->start;
  for (; i + 1 < s->end; i += 2) { /* two tokens a step */
    const Token *t = T(b, i);
    if (t[0].kind == T_QMARK || t[1].kind == T_QMARK) {
      /* with quotation marks, only clauses around them (indirect.c) */
      if (t[0].kind == T_QMARK) spk__indirect_quoted(b, s, i, lex);
      else spk__indirect_quoted(b, s, i + 1, lex | t[0].lex);
      return;
    }
    lex |= t[0].lex | t[1].lex;
    flags |= (unsigned)(t[0].flags | t[1].flags);
  }
  if (i < s->end) {
    const Token *t = T(b, i);
    if (t->kind == T_QMARK) {
      /* with quotation marks, only clauses around them (indirect.c) */
      spk__indirect_quoted(b, s, i, lex);
      return;
    }
    lex |= t->lex;
    flags |= t->flags;
  }
  bool inv = (flags & (TF_INV_M | TF_INV_F | TF_INV_PL)) != 0;
  if (!(lex & (W_SPEECH | W_SOURCE)) && !inv) return;
  spk__indirect_cues(b, s, lex, inv);
}

#endif

/*
 * nested.c - the quotations nested inside another: « Il m'a lancé : “Tu
 * n'as rien à faire ici” et il est parti », "She recalled: 'He told me
 * "never again"'".
 *
 * quotes.c pairs the inner marks while it scans the outer quotation and
 * notes each inner pair closed inside it (b->nested); the outer quotation
 * is reported as before, its text keeping the inner marks and words.
 * Here each inner pair inside an outer quotation of kind quote becomes its
 * own span: kind quote, or term for a short expression and title for a
 * work's name, by the rules of speakers.c.  Its speaker is the one the
 * outer quotation names right before it with a speech verb (« Claire m'a
 * dit : “…” » is Claire, resolved to the full name the article gave; « une
 * dame m'a dit », "the nurse said" keep their words, no name unless the
 * role is bound; a pronoun keeps its word and no name), the outer speaker
 * only when that subject is the first person ("I told him '…'": the outer
 * speaker quotes their past self), else none: the outer speaker is
 * quoting someone else, never by default the speaker of the inner words.
 *
 * Nothing here changes the context, and the quotations made wait in
 * b->nested_quotes until an__end merges them into the result: every pass
 * over this paragraph and the ones after it sees the quotations it saw
 * before.  Runs only for a paragraph with a nested pair (rare).
 */
#include <string.h>

#include "analysis/speakers.h"

/* How a quotation nested in the outer speaker's own words is attributed:
 * its name is the outer quotation's, known only once the block is done
 * (a quotation run over paragraphs gets its speaker in the last one). */
static const char HOW_SELF[] = "nested-self";

/* The paragraph quotation of kind quote holding the span [s, e), or
 * NULL (a title or a term with marks inside is no speech). */
static const PmQuote *outer_of(const Block *b, uint32_t s, uint32_t e) {
  const PmQuote *best = NULL;
  for (uint32_t k = b->para_first_quote; k < b->res->quotes.size; k++) {
    const PmQuote *q = &b->res->quotes.contents[k];
    if (q->start < s && e <= q->end && q->kind == PM_QUOTE_QUOTE &&
        (!best || q->start > best->start))
      best = q;
  }
  return best;
}

/* Is token i a word that folds to one of the '\0'-separated words of
 * `set` (ending with an empty one)? */
static bool folded_in(const Block *b, uint32_t i, const char *set) {
  for (; *set; set += strlen(set) + 1)
    if (folded_is(b, i, set)) return true;
  return false;
}

/* A first-person subject: the outer speaker speaks of themselves.  « nous »
 * only before a verb of its person (« nous avons dit », not « le préfet
 * nous a répondu »). */
static bool first_person_subject(const Block *b, uint32_t i) {
  if (folded_in(b, i, "je\0j'\0i\0we\0i've\0i'd\0we've\0we'd\0")) return true;
  /* « J’ai » as one token */
  const char *w = b->text + T(b, i)->start;
  uint32_t wn = T(b, i)->end - T(b, i)->start;
  if (word(b, i) && wn > 2 && (w[0] | 32) == 'j' &&
      (w[1] == '\'' || (wn > 4 && !memcmp(w + 1, "\xE2\x80\x99", 3))))
    return true;
  if (!folded_is(b, i, "nous") || !word(b, i + 1)) return false;
  const Token *v = T(b, i + 1);
  return v->end - v->start > 3 && !memcmp(b->text + v->end - 3, "ons", 3);
}

static void set_mention(Block *b, PmQuote *q, uint32_t ts, uint32_t te,
                        const char *name, const char *how, uint8_t stance) {
  uint32_t a = T(b, ts)->start, z = T(b, te - 1)->end;
  q->has_speaker = true;
  q->speaker.name = name ? res__str(b->res, name, strlen(name)) : NULL;
  q->speaker.mention = res__str(b->res, b->text + a, z - a);
  q->speaker.start = a;
  q->speaker.end = z;
  q->speaker.how = how;
  q->speaker.stance = (PmStance)stance;
  q->confidence = name ? 0.6 : 0.5;
}

/* The speech verb right before the inner quotation opened at token o
 * (after a colon or a comma, with an object pronoun between: "told me,
 * '…'"), no earlier than token lo (the outer quotation's first word), or
 * NONE. */
static uint32_t verb_before(const Block *b, uint32_t o, uint32_t lo) {
  if (o <= lo) return NONE;
  uint32_t j = o - 1;
  if (j > lo && (punct(b, j, ':') || punct(b, j, ','))) j--;
  /* "told me", "asked us" */
  if (j > lo && b->lid == PM_LANG_EN && word(b, j) && !(T(b, j)->flags & TF_CAP) &&
      folded_in(b, j, "me\0us\0him\0her\0them\0"))
    j--;
  if (spk__speech_verb(b, j)) return j;
  /* « j'ai dit au ministre : », "I told the mayor:": the verb and the
   * person spoken to, with a preposition or a determiner after the verb */
  for (uint32_t k = j; k > lo && k + 4 > j; k--) {
    if (!word(b, k) || (T(b, k)->flags & TF_CAP)) return NONE;
    if (spk__speech_verb(b, k - 1) && (T(b, k)->lex & (W_PREP | W_DET)))
      return k - 1;
  }
  return NONE;
}

/* The speaker the outer quotation gives the inner one whose speech verb
 * is token v: that verb's subject, read back over auxiliaries and object
 * pronouns (« Claire m'a dit : »), no earlier than token lo. */
static void nested_speaker(Block *b, PmQuote *q, uint32_t v, uint32_t lo) {
  uint32_t k = v;
  bool be = false;
  /* « m'a dit », « lui avait dit », "has told", "would always say" */
  for (uint32_t n = 0; k > lo && n < 4; n++) {
    uint32_t p = k - 1;
    if (!word(b, p) || (T(b, p)->flags & TF_CAP)) break;
    if (first_person_subject(b, p)) break;
    bool skip = (T(b, p)->flags & TF_ELISION) ||
                folded_in(b, p, "lui\0leur\0me\0te\0nous\0vous\0ai\0avais\0avons\0") ||
                spk__skippable(b, p);
    if (!skip) break;
    be |= folded_in(b, p, "been\0was\0were\0is\0are\0being\0été\0");
    k = p;
  }
  /* "I have been told 'soon'", « il a été dit »: passive, the subject
   * heard the words (a gerund after "is" is no passive: "is asking") */
  const Token *vt = T(b, v);
  if (be && !(vt->end - vt->start > 3 && !memcmp(b->text + vt->end - 3, "ing", 3))) return;
  if (k <= lo) return;
  uint32_t s = k - 1;
  uint8_t stance = vt->stance;
  if (first_person_subject(b, s)) {
    set_mention(b, q, s, s + 1, NULL, HOW_SELF, stance);
    return;
  }
  if (spk__nameish(b, s)) {
    uint32_t ns = spk__name_start(b, s, lo);
    const Token *f = T(b, ns);
    const char *w = b->text + f->start;
    uint32_t wn = T(b, s)->end - f->start;
    /* a capitalised word opening a sentence ("Everybody is asking") is
     * no name: a first name, a name of two words or more, or one the
     * article gave before */
    const CtxPerson *p = ns == s ? ctx__entity_by_part(b->ctx, w, wn) : NULL;
    if (ns == s && !p && !(f->lex & (W_FIRST_M | W_FIRST_F))) {
      set_mention(b, q, s, s + 1, NULL, "nested", stance);
      return;
    }
    char name[CTX_NAME];
    str__put(name, sizeof name, 0, p ? p->name : w, p ? strlen(p->name) : wn);
    set_mention(b, q, ns, s + 1, name, "nested", stance);
    return;
  }
  if (T(b, s)->lex & (W_PRON_M | W_PRON_F | W_PRON_PL)) {
    set_mention(b, q, s, s + 1, NULL, "nested", stance);
    return;
  }
  /* « une dame », « ma mère », "the nurse", « le ministre »: the noun and
   * its determiner; a role bound in the article gives the name */
  if (word(b, s) && !(T(b, s)->flags & TF_CAP) && s > lo) {
    uint32_t d = s - 1;
    if (d > lo && !word(b, d)) return;
    if (!(T(b, d)->lex & (W_DET | W_FIRST_PERSON)) && d > lo && word(b, d - 1) &&
        (T(b, d - 1)->lex & W_DET))
      d--; /* "the night nurse" */
    if (!(T(b, d)->lex & (W_DET | W_FIRST_PERSON)) || first_person_subject(b, d)) return;
    bool keyed;
    const char *name = (T(b, s)->lex & W_ROLE) ? spk__role_name(b, s, &keyed) : NULL;
    set_mention(b, q, d, s + 1, name, "nested", stance);
  }
}

void nested__attribute(Block *b) {
  uint32_t first = b->nested_quotes.size;
  for (uint32_t i = 0; i < b->nested.size; i++) {
    RawQuote *r = &b->nested.contents[i];
    const PmQuote *outer = outer_of(b, r->start, r->end);
    if (!outer) continue;
    uint32_t words = 0;
    bool sentence = false;
    for (uint32_t k = r->open_tok + 1; k < r->close_tok; k++) {
      const Token *t = T(b, k);
      words += t->kind == T_WORD || t->kind == T_NUMBER;
      sentence |= punct_in(t, ".!?");
    }
    PmQuote q;
    memset(&q, 0, sizeof q);
    q.start = r->start;
    q.end = r->end;
    uint32_t lo = r->open_tok;
    while (lo > 0 && T(b, lo - 1)->start >= outer->start) lo--;
    uint32_t v = verb_before(b, r->open_tok, lo);
    if (spk__is_title(b, r)) {
      q.kind = PM_QUOTE_TITLE;
      q.confidence = 0.7;
    } else if (words >= 5 || sentence) {
      q.kind = PM_QUOTE_QUOTE;
      q.confidence = 0.5;
      if (v != NONE) nested_speaker(b, &q, v, lo);
    } else if (v != NONE && !(v > lo && folded_is(b, v - 1, "on"))) {
      /* a short one only as words someone said ("I have been told
       * 'soon'"), not a scare quote inside a quotation (« des frais de
       * "dossier" ») nor a word's usage (« on disait "char" ») */
      q.kind = PM_QUOTE_TERM;
      q.confidence = 0.6;
    } else {
      continue;
    }
    pm_array_push(&b->nested_quotes, q);
    pm_array_push(&b->nested_outer, (uint32_t)(outer - b->res->quotes.contents));
  }
  b->nested.size = 0; /* the next paragraph's pairs come after */
  /* in text order: the inner pairs came in the order they closed */
  PmQuote *n = b->nested_quotes.contents;
  for (uint32_t i = first + 1; i < b->nested_quotes.size; i++) {
    PmQuote x = n[i];
    uint32_t j = i;
    uint32_t xo = b->nested_outer.contents[i];
    for (; j > first && n[j - 1].start > x.start; j--) {
      n[j] = n[j - 1];
      b->nested_outer.contents[j] = b->nested_outer.contents[j - 1];
    }
    n[j] = x;
    b->nested_outer.contents[j] = xo;
  }
}

void nested__merge(Block *b) {
  uint32_t m = b->nested_quotes.size;
  if (!m) return;
  PmAnalysis *a = b->res;
  uint32_t n = a->quotes.size, k = n + m, i = n, j = m;
  pm_array_reserve(&a->quotes, k);
  PmQuote *q = a->quotes.contents, *x = b->nested_quotes.contents;
  /* "I told him '…'": the outer speaker's name, now final */
  for (uint32_t t = 0; t < m; t++) {
    const PmQuote *o = &q[b->nested_outer.contents[t]];
    if (x[t].has_speaker && x[t].speaker.how == HOW_SELF && o->has_speaker && o->speaker.name) {
      x[t].speaker.name = o->speaker.name;
      x[t].confidence = 0.6;
    }
  }
  /* from the back: an inner quotation goes after its outer one */
  while (j > 0) {
    if (i > 0 && q[i - 1].start > x[j - 1].start) q[--k] = q[--i];
    else q[--k] = x[--j];
  }
  a->quotes.size = n + m;
}

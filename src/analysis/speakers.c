/*
 * speakers.c - who said it: picks the attribution cue of each quotation
 * (the cue searches themselves are in cues.c), makes the speaker from it,
 * and notes the article's people, roles and lead-ins in the context.
 * Indirect speech is in indirect.c, resolution of pronouns, surnames and
 * role nouns to the names the article gave earlier in resolve.c.
 *
 * Cues are tried from the most to the least specific, and the first that
 * fires gives the speaker and its `how`: an incise inside the quotation,
 * a speech verb right after it (« … », estime Manuel Valls / "…," he said),
 * a dash signature, a colon lead-in in the same sentence (Réponse de X :),
 * a speech verb earlier in the sentence (X a déclaré que « … »), a source
 * phrase (selon X, according to X), a colon lead-in paragraph, then a
 * follow-on from the previous quotation's speaker.  Mentions resolve as
 * follows: a name to the full name it is part of, a pronoun to the most
 * recent compatible speaker, a role noun to the name it was put beside in
 * an apposition (or, for people, to the most recent speaker).
 */
#include <stdio.h>
#include <string.h>

#include "analysis/speakers.h"

#define NOINLINE __attribute__((noinline))

/* Title: a short capitalised quotation after a title cue or a preposition
 * ("Interrogé par "Libération"", "the New York Times"). */
static bool is_title(Block *b, const RawQuote *r) {
  if (r->open_tok == NONE || r->close_tok == NONE) return false;
  uint32_t o = r->open_tok, c = r->close_tok;
  if (c - o - 1 == 0 || c - o - 1 > 6) return false;
  if (!(T(b, o + 1)->flags & TF_CAP) && T(b, o + 1)->kind != T_NUMBER) return false;
  uint32_t caps = 0, words = 0;
  for (uint32_t k = o + 1; k < c; k++) {
    if (punct_in(T(b, k), ".!?,;")) return false;
    if (T(b, k)->kind == T_WORD) {
      words++;
      if (T(b, k)->flags & TF_CAP) caps++;
    }
  }
  if (o == 0 || !word(b, o - 1)) return false;
  const Token *p = T(b, o - 1);
  if (p->lex & W_TITLE_CUE) return true;
  if ((p->lex & W_PREP) && (caps * 2 >= words || words <= 2)) {
    if (spk__cue_after(b, c, b->toks.size, ~0ull).found) return false;
    return true;
  }
  if ((p->lex & W_DET) && caps == words && words <= 4 && o >= 2 &&
      word(b, o - 2) && (T(b, o - 2)->lex & W_TITLE_CUE))
    return true;
  return false;
}

bool spk__is_title(Block *b, const RawQuote *r) { return is_title(b, r); }

static const char *how_str(Block *b, const char *how, const char *suffix) {
  /* `how` is a string literal, which outlives the result: without a
   * suffix it needs no copy */
  if (!suffix || !suffix[0]) return how;
  /* how and suffix are literals, so equal pointers are equal strings:
   * the copy made in res for the same pair serves again */
  uint32_t n_hows = b->n_hows < 8 ? b->n_hows : 8;
  for (uint32_t k = 0; k < n_hows; k++)
    if (b->hows[k].how == how && b->hows[k].suffix == suffix) return b->hows[k].str;
  char buf[64];
  size_t n = str__put(buf, sizeof buf, 0, how, strlen(how));
  n = str__put(buf, sizeof buf, n, suffix, strlen(suffix));
  const char *str = res__str(b->res, buf, n);
  uint32_t slot = b->n_hows++ % 8;
  b->hows[slot].how = how;
  b->hows[slot].suffix = suffix;
  b->hows[slot].str = str;
  return str;
}

/* The result's copy of a speaker's name for quotation q (just grown in
 * res): the quotation before it often has the same speaker, and its copy
 * serves (nothing writes to a result's strings). */
static const char *name_str(Block *b, const PmQuote *q, const char *name, size_t n) {
  if (q > b->res->quotes.contents && q < b->res->quotes.contents + b->res->quotes.size) {
    const char *p = q[-1].has_speaker ? q[-1].speaker.name : NULL;
    if (p && !strcmp(p, name)) return p;
  }
  return res__str(b->res, name, n);
}

/* An unnamed person in tokens [ts, te): « un conseiller », "a person
 * familiar with …", « une source policière », "One juror". */
bool spk__indefinite_person(const Block *b, uint32_t ts, uint32_t te) {
  if (ts + 1 >= te || !word(b, ts) || !word(b, ts + 1)) return false;
  const Token *h = T(b, ts + 1);
  /* « Un haut fonctionnaire », "A senior official", "a senior Democratic
   * aide": up to two adjectives */
  /* (« Une autre victime »: « autre » is a function word that may stand
   * there too) */
  /* ("A Grade 4 teacher": a number may stand among them) */
  for (uint32_t k = ts + 2; k < te && k < ts + 4 && !(h->lex & (W_ROLE | W_ANON)) &&
                            (word(b, k) || T(b, k)->kind == T_NUMBER) &&
                            (!(h->lex & (W_FUNCTION | W_PREP | W_AUX | W_SPEECH)) ||
                             (k == ts + 2 && folded_is(b, ts + 1, "autre")));
       k++)
    h = T(b, k);
  if ((h->flags & TF_CAP) || !(h->lex & (W_ROLE | W_ANON)) || (h->lex & W_INSTITUTION))
    return false;
  return spk__indefinite_det(b, ts);
}

bool spk__indefinite_det(const Block *b, uint32_t i) {
  const char *w = b->text + T(b, i)->start;
  uint32_t n = T(b, i)->end - T(b, i)->start;
  char c = (char)(w[0] | 32);
  /* "Another resident, who asked not to be named, said" */
  if (n == 7 && c == 'a' && !memcmp(w + 1, "nother", 6)) return true;
  return (n == 1 && c == 'a') || (n == 2 && c == 'a' && (w[1] | 32) == 'n') ||
         (n == 2 && c == 'u' && (w[1] | 32) == 'n') ||
         (n == 3 && (!memcmp(w + 1, "ne", 2) || !memcmp(w + 1, "NE", 2)) && (c == 'u' || c == 'o'));
}

NOINLINE uint32_t spk__participle_opener_at(const Block *b, uint32_t k, uint32_t lim) {
  if (!word(b, k) || !(T(b, k)->flags & TF_CAP) ||
      (T(b, k)->lex & (W_FIRST_M | W_FIRST_F | W_PREP | W_DET | W_AUX)))
    return k;
  const char *w = b->text + T(b, k)->start;
  uint32_t n = T(b, k)->end - T(b, k)->start;
  /* the word ends in é, int or u (joint, reçu), then e, s or es */
  uint32_t x = n;
  if (x > 3 && w[x - 1] == 's') x--;
  if (x > 3 && w[x - 1] == 'e') x--;
  if (x < 4 || !(((unsigned char)w[x - 2] == 0xC3 && (unsigned char)w[x - 1] == 0xA9) ||
                 !memcmp(w + x - 3, "int", 3) || w[x - 1] == 'u'))
    return k;
  /* « Pierre-André Jeanneret, lui, … », « Louis-José X, qui … »: a capital
   * after a hyphen makes a compound first name the lexicon lacks, never
   * a participle (heldout53, heldout42b) */
  for (uint32_t i = 1; i + 1 < n; i++)
    if (w[i] == '-' && ((w[i + 1] >= 'A' && w[i + 1] <= 'Z') ||
                        ((unsigned char)w[i + 1] == 0xC3 && i + 2 < n &&
                         (unsigned char)w[i + 2] >= 0x80 && (unsigned char)w[i + 2] <= 0x9E)))
      return k;
  for (uint32_t i = k + 1; i < lim && i < k + 15; i++) {
    if (punct(b, i, ',')) return i + 1 < lim ? i + 1 : k;
    /* (an apostrophe, « l'AFP », goes on) */
    if ((T(b, i)->kind == T_QMARK && (T(b, i)->flags & TF_SPACE_BEFORE)) ||
        (T(b, i)->kind == T_PUNCT && T(b, i)->ch != '\''))
      return k;
  }
  return k;
}

/* « Il raconte avoir découvert le carnage au lever du jour. »: the
 * sentence before sentence `so` opens with il or elle and a speech verb;
 * *out gets the person the pronoun resolves to (false when none). */
static NOINLINE bool pronoun_speech_before(Block *b, uint32_t so, Resolved *out) {
  const Sentence *p = &b->sents.contents[so - 1];
  uint32_t k = p->start;
  if (p->end <= k + 2 || !word(b, k) || !(T(b, k)->lex & (W_PRON_M | W_PRON_F)) ||
      folded_is(b, k, "lui") || !spk__speech_verb(b, k + 1) || spk__in_quote(b, k))
    return false;
  Mention m;
  memset(&m, 0, sizeof m);
  m.type = M_PRON;
  m.ts = k;
  m.te = k + 1;
  m.gender = pron_gender(T(b, k));
  *out = spk__resolve(b, &m);
  return out->has_name;
}

/* « Un argument que balaie Jérôme Castagnier, président de l'université.
 * « … » », « Un argument qui fait sourire Christophe Muller. »: the
 * sentence before sentence `so` opens with un/une, a noun (and an
 * adjective) and que/qui, and names one person in full, not after a
 * preposition, who answers with the quotation.  *out gets that name. */
static NOINLINE bool reaction_object_before(Block *b, uint32_t so, Resolved *out) {
  const Sentence *p = &b->sents.contents[so - 1];
  uint32_t k = p->start;
  if (p->end < k + 5 || !word(b, k) || !spk__indefinite_det(b, k) || !word(b, k + 1) ||
      (T(b, k + 1)->flags & TF_CAP) || spk__in_quote(b, k))
    return false;
  uint32_t r = k + 2;
  if (!(T(b, r)->lex & W_QUE) && !folded_is(b, r, "qui")) r++;
  if (!word(b, r) || (!(T(b, r)->lex & W_QUE) && !folded_is(b, r, "qui"))) return false;
  uint32_t found = NONE, fe = 0;
  for (uint32_t x = r + 1; x < p->end; x++) {
    if (!(T(b, x)->flags & TF_CAP) || !spk__nameish(b, x) || spk__in_quote(b, x)) continue;
    uint32_t e = spk__name_end(b, x, p->end);
    if (e - x >= 2 && !(word(b, x - 1) && (T(b, x - 1)->lex & (W_PREP | W_DET)))) {
      if (found != NONE) return false;
      found = x;
      fe = e;
    }
    x = e - 1;
  }
  if (found == NONE) return false;
  uint32_t a = T(b, found)->start, z = spk__name_text_end(b, fe);
  if (z - a >= sizeof out->name) return false;
  memset(out, 0, sizeof *out);
  memcpy(out->name, b->text + a, z - a);
  out->has_name = true;
  out->gender = spk__name_gender(b, found);
  return true;
}

/* The sentence before sentence `so` opens with an unnamed person. */
/* Its first token, or NONE. */
static uint32_t anonymous_before(const Block *b, uint32_t so) {
  const Sentence *p = &b->sents.contents[so - 1];
  if (p->end <= p->start + 2 || spk__in_quote(b, p->start)) return NONE;
  if (spk__indefinite_person(b, p->start, p->end)) return p->start;
  /* « Au café qui fait face à l'usine, un ancien ouvrier … » */
  for (uint32_t k = p->start + 1; k + 3 < p->end && k < p->start + 10; k++)
    if (punct(b, k, ','))
      return spk__indefinite_person(b, k + 1, p->end) ? k + 1 : NONE;
  return NONE;
}

/* Keeps the head noun of an unnamed speaker ("a senior Democratic aide
 * in the Assembly" -> "aide") while anon_last lasts, clears it otherwise;
 * zero padded, for pm_context_equal's memcmp. */
static void note_anon_head(Block *b, const Cue *c) {
  PmContext *ctx = b->ctx;
  memset(ctx->anon_head, 0, sizeof ctx->anon_head);
  if (!ctx->anon_last) return;
  for (uint32_t k = c->m.ts; k < c->m.te; k++) {
    const Token *t = T(b, k);
    if (t->kind != T_WORD || (t->flags & TF_CAP) || !(t->lex & (W_ROLE | W_ANON))) continue;
    char f[64];
    size_t n = lex__fold(b->text + t->start, t->end - t->start, f);
    if (n && n < sizeof ctx->anon_head) {
      memcpy(ctx->anon_head, f, n);
      memcpy(ctx->anon_role, ctx->anon_head, sizeof ctx->anon_role);
    }
    return;
  }
}

bool spk__after_possessive(const Block *b, uint32_t i) {
  uint32_t hs = T(b, i)->start;
  const char *z = b->text + hs;
  return (hs >= 3 && z[-1] == ' ' && z[-2] == 's' && z[-3] == '\'') ||
         (hs >= 5 && z[-1] == ' ' && z[-2] == 's' && !memcmp(z - 5, "\xE2\x80\x99", 3));
}

/* Sentence p speaks of an unnamed person: « un responsable », « une
 * source ». */
static NOINLINE bool unnamed_in(const Block *b, const Sentence *p) {
  for (uint32_t k = p->start; k + 1 < p->end; k++)
    if (word(b, k) && (T(b, k)->lex & W_DET) && spk__indefinite_person(b, k, p->end)) return true;
  return false;
}

/* « un de ses soutiens », « l'une des résidentes »: mention m is one of a
 * group, an unnamed person (French). */
static bool one_of(const Block *b, const Mention *m) {
  uint32_t u = m->ts + (folded_is(b, m->ts, "l'") ? 1 : 0);
  return b->lid == PM_LANG_FR && m->type == M_NP && u + 1 < m->te &&
         (folded_is(b, u, "un") || folded_is(b, u, "une")) &&
         (folded_is(b, u + 1, "d'") || folded_is(b, u + 1, "de") || folded_is(b, u + 1, "des"));
}

/* Makes a PmQuote speaker from a cue, noting the speaker in the context. */
void spk__set_speaker(Block *b, PmQuote *q, const Cue *c) {
  Resolved r = spk__resolve(b, &c->m);
  /* « « … », a-t-il dit, sous le couvert de l'anonymat »: a pronoun or a
   * role in a sentence that says its speaker asked not to be named is no
   * one the article named before */
  /* (« Ce que dément un responsable …, qui a souhaité rester anonyme. Il
   * affirme que « … » »: or the sentence before, when the pronoun opens
   * its own and that sentence speaks of an unnamed person; not « Le
   * maire a reçu une lettre anonyme. Il assure que … ») */
  uint32_t si = r.has_name && (c->m.type == M_PRON || c->m.type == M_ROLE) && b->sents.size
                ? spk__sentence_of(b, c->m.ts) : 0;
  if (r.has_name && (c->m.type == M_PRON || c->m.type == M_ROLE) && b->sents.size &&
      ((b->sents.contents[si].lex & W_ANONYMITY) ||
       (c->m.type == M_PRON && si > 0 && b->sents.contents[si].start == c->m.ts &&
        (b->sents.contents[si - 1].lex & W_ANONYMITY) &&
        unnamed_in(b, &b->sents.contents[si - 1])))) {
    r.has_name = false;
    r.name[0] = 0;
    r.suffix = "+anonymous";
  }
  /* "The city's police chief announced …" then ""…," said Chief
   * Darlene Sinclair-Ross": a lede's role that no one fits yet waits for
   * the paragraphs after it to name its holder (roles.c); so does a
   * French deck's (« le commissaire aux langues officielles estime que
   * … » before « le commissaire …, Raymond Théberge-Caron, ») */
  if (!r.has_name && c->m.type == M_ROLE && r.suffix &&
      !strcmp(r.suffix, "+role-recent") && c->m.head < b->toks.size &&
      (T(b, c->m.head)->lex & W_ROLE) && (!(T(b, c->m.head)->flags & TF_CAP) || c->m.head == 0) &&
      b->n_lede_quotes < 4) {
    const Token *h = T(b, c->m.head);
    char f[64];
    size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
    if (fn && fn < sizeof b->lede_role &&
        (!b->lede_role[0] || (!b->lede_role[fn] && !memcmp(b->lede_role, f, fn)))) {
      memset(b->lede_role, 0, sizeof b->lede_role);
      memcpy(b->lede_role, f, fn);
      b->lede_quotes[b->n_lede_quotes++] = q->start;
      b->lede_age = 0;
    }
  }
  /* "Cyberattack halts …, operator says", "Regulator says firms '…'", a
   * deck's "The agency says …": a company or agency noun in a headline,
   * or before anyone has been named, that nothing answers to yet waits
   * the same way for the body the paragraphs after it name */
  /* (a bare capitalised "Regulator" opening a headline is a plain noun
   * phrase of one word, "The agency" an outlet's noun too) */
  uint32_t bh = c->m.type == M_NP ? (c->m.te == c->m.ts + 1 ? c->m.ts : NONE)
                : c->m.type == M_INST || c->m.type == M_ROLE || c->m.type == M_OUTLET ? c->m.head
                                                                                     : NONE;
  if (!r.has_name && b->lid == PM_LANG_EN && bh < b->toks.size && !(T(b, bh)->lex & W_ROLE) &&
      (T(b, bh)->lex & (W_COMPANY | W_AGENCY)) &&
      (spk__heading_line(b) || !b->ctx->recent[0].name[0]) && b->n_lede_body < 4) {
    b->lede_body = T(b, bh)->lex & (W_COMPANY | W_AGENCY);
    b->lede_body_quotes[b->n_lede_body++] = q->start;
    b->lede_age = 0;
  }
  size_t rn = r.has_name ? strlen(r.name) : 0;
  q->has_speaker = true;
  q->speaker.name = r.has_name ? name_str(b, q, r.name, rn) : NULL;
  uint32_t a = T(b, c->m.ts)->start, z = T(b, c->m.te - 1)->end;
  q->speaker.mention = res__str(b->res, b->text + a, z - a);
  q->speaker.start = a;
  q->speaker.end = z;
  q->speaker.how = how_str(b, c->how, r.suffix);
  q->speaker.stance = (PmStance)c->stance;
  q->confidence = c->conf * r.conf;
  if (r.has_name) spk__heading_speaker(b, q);
  /* « Selon un conseiller de Matignon, … « … », résume-t-il »: after an
   * unnamed person, a pronoun is that person (resolve.c).  In English an
   * unresolved role is one too: "the lawyer", "the district's lawyer" */
  if (r.has_name) b->ctx->anon_last = 0;
  else if (c->m.type != M_PRON)
    b->ctx->anon_last = ((c->m.type == M_ROLE && b->lid == PM_LANG_EN) ||
                         spk__indefinite_person(b, c->m.ts, c->m.te) || one_of(b, &c->m) ||
                         /* "One software developer, who asked not to be
                          * named, said": whatever the noun, someone
                          * unnamed */
                         (b->lid == PM_LANG_EN && spk__indefinite_det(b, c->m.ts)) ||
                         /* ""…," the executive said. He predicted …": the
                          * unnamed person taken back stays the last one */
                         (r.suffix && !strcmp(r.suffix, "+anonymous")))
                            ? 2
                            : 0;
  /* (and a pronoun that takes the unnamed person back carries it on to
   * the next paragraph: "She said she voted …") */
  else if (b->ctx->anon_last && b->lid == PM_LANG_EN)
    b->ctx->anon_last = 2;
  if (!b->ctx->anon_last || c->m.type != M_PRON) note_anon_head(b, c);
  /* « assure le vicaire général du diocèse, qui … » and no name for it:
   * « le vicaire général » further down is that unnamed person again, not
   * the last speaker (resolve.c); only a role introduced with its
   * complement (a bare « le prêtre », « l'accusé » of a headline may be
   * anyone) */
  if (!r.has_name && c->m.type == M_ROLE && b->lid == PM_LANG_FR && c->m.ts < c->m.head &&
      c->m.te > c->m.head + 2 && (T(b, c->m.ts)->lex & W_DET) &&
      !spk__indefinite_det(b, c->m.ts)) {
    const Token *h = T(b, c->m.head);
    char f[64];
    size_t n = lex__fold(b->text + h->start, h->end - h->start, f);
    if (n && n < sizeof b->ctx->anon_role) {
      memset(b->ctx->anon_role, 0, sizeof b->ctx->anon_role);
      memcpy(b->ctx->anon_role, f, n);
    }
  }
  if (r.has_name && c->m.type != M_OUTLET) {
    ctx__note_speaker(b->ctx, r.name, r.gender == 3 ? 0 : r.gender);
    ctx__set_person(&b->ctx->last_speaker, r.name, rn, r.gender == 3 ? 0 : r.gender);
  } else if (!r.has_name && b->lid == PM_LANG_FR && (c->m.type == M_NP || c->m.type == M_ROLE) &&
             c->m.te > c->m.ts + 1 && spk__indefinite_det(b, c->m.ts) &&
             T(b, c->m.te - 1)->end <= q->start && q->kind == PM_QUOTE_INDIRECT &&
             b->sents.size && b->sents.contents[spk__sentence_of(b, c->m.ts)].start == c->m.ts) {
    /* « Un pêcheur de Rivière-au-Renard, qui …, affirme que … » then
     * « « … » »: a follow-on goes on with the unnamed person, not with
     * the named one before */
    memset(&b->ctx->last_speaker, 0, sizeof b->ctx->last_speaker);
  } else if (!r.has_name && b->lid == PM_LANG_FR && r.suffix && !strcmp(r.suffix, "+anonymous")) {
    /* « prévient un météorologue », far below « Le météorologue prévient
     * que … » then « « … » »: the follow-on is that unnamed person's
     * again, not the last one named */
    memset(&b->ctx->last_speaker, 0, sizeof b->ctx->last_speaker);
  } else if (!r.has_name && b->lid == PM_LANG_EN &&
             (b->ctx->anon_last || c->m.type == M_NP || c->m.type == M_PRON)) {
    /* "…," the aide said. "They'll fold.": a follow-on quotation goes on
     * with the unnamed person or group, not with the named one before */
    memset(&b->ctx->last_speaker, 0, sizeof b->ctx->last_speaker);
  }
}

static void copy_person_speaker(Block *b, PmQuote *q, const CtxPerson *p,
                                const char *how, double conf) {
  q->has_speaker = true;
  q->speaker.name = res__str(b->res, p->name, strlen(p->name));
  q->speaker.mention = NULL;
  q->speaker.start = q->speaker.end = 0;
  q->speaker.how = how;
  q->speaker.stance = PM_STANCE_NONE;
  q->confidence = conf;
  /* a follow-on may be the body's repeat of a headline quotation */
  spk__heading_speaker(b, q);
}

/* A quotation that opens the sentence after one about a person (the
 * subject `r` resolved) is that person's, who becomes the last speaker. */
static void give_preceding_subject(Block *b, PmQuote *q, const Resolved *r) {
  CtxPerson p;
  ctx__set_person(&p, r->name, strlen(r->name), r->gender);
  copy_person_speaker(b, q, &p, "preceding-subject", 0.6);
  ctx__note_speaker(b->ctx, p.name, p.gender);
  ctx__set_person(&b->ctx->last_speaker, p.name, strlen(p.name), p.gender);
  b->ctx->last_age = 0;
}

/* « Le prévenu a haussé les épaules. « … » », « Invité à prendre la
 * parole en dernier, l'accusé s'est levé. « … » »: the defendant the
 * sentence before opens with (past a short phrase and its comma), as the
 * defendant noun resolves (resolve.c); false when it names no one. */
static bool defendant_before(Block *b, uint32_t so, Resolved *out) {
  const Sentence *s = &b->sents.contents[so - 1];
  if (!(s->lex & W_DEFENDANT)) return false;
  uint32_t k = s->start;
  for (uint32_t j = k; j < s->end && j < k + 10; j++)
    if (punct(b, j, ',')) {
      if (!(word(b, k) && (T(b, k)->lex & W_DET))) k = j + 1;
      break;
    }
  if (k + 2 >= s->end || !word(b, k) || !(T(b, k)->lex & W_DET) || spk__indefinite_det(b, k) ||
      !word(b, k + 1) || !(T(b, k + 1)->lex & W_DEFENDANT) || spk__in_quote(b, k) ||
      (word(b, k + 2) && (T(b, k + 2)->lex & W_PREP)))
    return false;
  Mention rm;
  memset(&rm, 0, sizeof rm);
  rm.type = M_ROLE;
  rm.ts = rm.ns = k;
  rm.head = k + 1;
  rm.te = rm.ne = k + 2;
  rm.gender = folded_is(b, k, "la") ? 2 : folded_is(b, k, "le") ? 1 : 0;
  *out = spk__resolve(b, &rm);
  return out->has_name;
}

/* Is `name` written between tokens lo and hi?  (A name the sentence
 * itself holds, not one an older sentence gave.) */
static bool occurs_in(const Block *b, uint32_t lo, uint32_t hi, const char *name) {
  size_t n = strlen(name);
  uint32_t a = T(b, lo)->start, z = T(b, hi)->start;
  for (uint32_t i = a; i + n <= z; i++)
    if (b->text[i] == name[0] && !memcmp(b->text + i, name, n)) return true;
  return false;
}

/* Does a quotation of this paragraph before q, ending after byte `from`
 * (the start of the sentence before q's), have a named speaker?  ("Mr
 * Pryce was spotted … 'It was a real needle-in-a-haystack job,' said
 * winchman Gareth Howells. 'He'd done everything right'": the second goes
 * on with Howells, not with the subject of the paragraph's first
 * sentence; but « X a salué « … ». Thierry Omeyer-Lacroix, consultant, a
 * été impressionné. « … » »: a sentence between them about someone new
 * hands the quotation to that person.) */
static bool named_quote_before(const Block *b, const PmQuote *q, uint32_t from) {
  for (const PmQuote *p = q; p-- > b->res->quotes.contents;) {
    if (p->start < b->para_start) return false;
    if (p->start < q->start && p->end > from && p->has_speaker && p->speaker.name) return true;
  }
  return false;
}

/* The quotation or reported clause of this paragraph just before q, when
 * a cue gave it a speaker the article does not name (« …, s'alarme un
 * député Renaissance. Un autre veut croire que « … » », « a indiqué le
 * ministère de l'Éducation qu'une campagne … Une initiative saluée par
 * la FCPE, qui réclame « … » »): a follow-on goes on with that unnamed
 * speaker, not with the named one before it.  NULL otherwise. */
static const PmQuote *unnamed_cue_before(const Block *b, const PmQuote *q) {
  const PmQuote *best = NULL;
  for (const PmQuote *p = q; p-- > b->res->quotes.contents + b->para_first_quote;)
    if (p->start < q->start && (p->kind == PM_QUOTE_QUOTE || p->kind == PM_QUOTE_INDIRECT) &&
        (!best || p->start > best->start))
      best = p;
  if (!best || !best->has_speaker || best->speaker.name || !best->speaker.mention) return NULL;
  /* (an indefinite one: « un député », « une source », « des proches »; a
   * definite description left unresolved, « Le céréalier de Lanta », is
   * likelier someone the article named) */
  const char *mn = best->speaker.mention;
  /* (or a plural pronoun: « L'une d'elles, une aide-soignante, a raconté
   * avoir payé « … ». « … » » stays with the group's unnamed member) */
  if (!((mn[0] | 32) == 'u' && mn[1] == 'n' && (mn[2] == ' ' || (mn[2] == 'e' && mn[3] == ' '))) &&
      !((mn[0] | 32) == 'd' && mn[1] == 'e' && mn[2] == 's' && mn[3] == ' ') &&
      strcmp(mn, "elles") && strcmp(mn, "ils") && strcmp(mn, "eux"))
    return NULL;
  return best;
}

static uint32_t count_words(const Block *b, const RawQuote *r) {
  uint32_t n = 0;
  uint32_t lim = r->close_tok == NONE ? b->toks.size : r->close_tok;
  for (uint32_t i = r->open_tok + 1; i < lim; i++) {
    const Token *t = T(b, i);
    if (t->start >= r->start && t->end <= r->end &&
        (t->kind == T_WORD || t->kind == T_NUMBER))
      n++;
  }
  return n;
}

static bool ends_sentence_inside(const Block *b, const RawQuote *r) {
  uint32_t lim = r->close_tok == NONE ? b->toks.size : r->close_tok;
  for (uint32_t i = r->open_tok + 1; i < lim; i++)
    if (punct_in(T(b, i), ".!?")) return true;
  return false;
}

/* spk__sentence_of(b, tok) for a token no earlier than the start of
 * sentence `from` (whose sentence is known to come no earlier): a walk
 * from there instead of a search, as the callers go through a paragraph in
 * order. */
static uint32_t sentence_from(const Block *b, uint32_t tok, uint32_t from) {
  uint32_t n = b->sents.size;
  if (!n) return 0;
  while (from + 1 < n && b->sents.contents[from].end <= tok) from++;
  return from;
}

/* « … » et dénonce une « … », "called it "…" and said "…"": a speech verb
 * joined by a conjunction to the predicate of an earlier quotation of the
 * same sentence shares its subject.  Returns that quotation's result
 * index, or NONE. */
static uint32_t coordinated(Block *b, uint32_t o, uint32_t lo) {
  if (!b->res->quotes.size || o <= lo) return NONE;
  uint32_t pi = b->res->quotes.size - 1;
  const PmQuote *prev = &b->res->quotes.contents[pi];
  if (!prev->has_speaker || !prev->speaker.name || prev->start < T(b, lo)->start ||
      prev->end > T(b, o)->start)
    return NONE;
  for (uint32_t v = o; v > lo && v + WINDOW > o; v--) {
    const Token *t = T(b, v - 1);
    if (t->kind == T_QMARK || t->start < prev->end) return NONE;
    if (!(t->lex & W_SPEECH) || !spk__speech_verb(b, v - 1)) continue;
    uint32_t j = v - 1;
    while (j > lo && spk__skippable(b, j - 1)) j--;
    return j > lo && word(b, j - 1) && (T(b, j - 1)->lex & W_CONJ) ? pi : NONE;
  }
  return NONE;
}

/* Sentences so..sc hold a source word (selon, according): their classes
 * as claims__rate or-ed them; true without sentences, to search anyway. */
static bool source_word(const Block *b, uint32_t so, uint32_t sc) {
  if (!b->sents.size) return true;
  uint64_t lex = 0;
  for (uint32_t k = so; k <= sc && k < b->sents.size; k++) lex |= b->sents.contents[k].lex;
  return (lex & W_SOURCE) != 0;
}

/* « « … », a poursuivi la directrice » opening a paragraph after ones
 * that held nothing but cue-less quotations: those are hers too.  c is
 * the closing mark, q the quotation just attributed. */
static void continuation(Block *b, uint32_t c, const PmQuote *q) {
  bool cont = false;
  for (uint32_t k = c + 1; k < b->toks.size && k < c + 5 && !cont; k++)
    cont = word(b, k) && (T(b, k)->lex & W_CONTINUE);
  if (!cont) return;
  for (uint32_t k = b->bare_first; k < b->bare_first + b->bare_n &&
                                   k + 1 < b->res->quotes.size; k++) {
    PmQuote *p = &b->res->quotes.contents[k];
    if (p->kind != PM_QUOTE_QUOTE) continue;
    p->has_speaker = true;
    p->speaker = q->speaker;
    p->speaker.how = "continued-after";
    p->speaker.stance = PM_STANCE_NONE;
    p->confidence = 0.7;
  }
  b->bare_n = 0;
}

/* « Elle n'a « jamais vu ça » »: the named person a subject pronoun
 * opening the sentence [lo, o) stands for. */
static bool pronoun_subject(Block *b, uint32_t lo, uint32_t o, Resolved *out) {
  const Token *t = T(b, lo);
  if (o < lo + 2 || t->kind != T_WORD || !(t->flags & TF_CAP) ||
      !(t->lex & (W_PRON_M | W_PRON_F)) || (t->lex & W_DET) || spk__in_quote(b, lo))
    return false;
  /* (not the impersonal « Il faut », « Il y a », « Il s'agit ») */
  if (word(b, lo + 1) && (folded_is(b, lo + 1, "faut") || folded_is(b, lo + 1, "y") ||
                          folded_is(b, lo + 1, "s'agit") || folded_is(b, lo + 1, "semble") ||
                          folded_is(b, lo + 1, "reste")))
    return false;
  Mention m;
  memset(&m, 0, sizeof m);
  m.type = M_PRON;
  m.ts = m.head = lo;
  m.te = lo + 1;
  m.gender = pron_gender(t);
  *out = spk__resolve(b, &m);
  /* (only a person this paragraph names: « Une bergère … lance « … ».
   * Elle préfère ne pas donner son nom, « … » » is no older speaker's) */
  return out->has_name && occurs_in(b, 0, o, out->name);
}

/* Is the paragraph nothing but quotations without a cue (follow-ons or
 * none), from res index first on? */
static bool bare_paragraph(const Block *b, uint32_t first) {
  if (!b->raw.size || b->res->quotes.size == first || b->toks.size < 3) return false;
  const RawQuote *r0 = &b->raw.contents[0], *rn = pm_array_back(&b->raw);
  if (r0->open_tok != 0 || rn->close_tok == NONE || rn->close_tok + 2 < b->toks.size)
    return false;
  for (uint32_t k = first; k < b->res->quotes.size; k++) {
    const PmQuote *q = &b->res->quotes.contents[k];
    if (q->kind != PM_QUOTE_QUOTE) return false;
    /* (a guess from the paragraph before may give way too) */
    if (q->has_speaker && (q->speaker.how[0] != 'f' || strcmp(q->speaker.how, "follow-on")) &&
        (q->speaker.how[0] != 'p' || strcmp(q->speaker.how, "preceding-paragraph")))
      return false;
  }
  return true;
}

/* The whole group of raw quotes starting at index g (same group). */
static void attribute_group(Block *b, uint32_t g, uint32_t gend, uint32_t so) {
  RawQuote *r = &b->raw.contents[g];
  PmContext *ctx = b->ctx;
  Cue cue;
  memset(&cue, 0, sizeof cue);
  bool title = false, has_coord = false;
  PmSpeakerRef coord;
  memset(&coord, 0, sizeof coord);
  uint32_t o = r->open_tok, c = r->close_tok;
  uint32_t lo = b->sents.size ? b->sents.contents[so].start : 0;
  uint32_t sc = c == NONE ? so : sentence_from(b, c, so);
  uint32_t hi = b->sents.size ? b->sents.contents[sc].end : b->toks.size;
  uint64_t so_lex = b->sents.size ? b->sents.contents[so].lex : ~0ull;
  uint64_t sc_lex = b->sents.size ? b->sents.contents[sc].lex : ~0ull;
  uint64_t so_pc = b->sents.size ? b->sents.contents[so].pchars : ~0ull;
  /* The sentence with the closing mark may end inside the quote (« Il part. »
   * a-t-il dit): the splitter glues a lowercase continuation, so hi holds. */
  if (!ctx->in_comments) {
    if (r->incise != NONE) {
      uint32_t v = r->incise;
      cue = spk__cue_at_verb(b, v, o + 1, c == NONE ? b->toks.size : c, "incise", 0.95,
                        true);
    }
    if (!cue.found && c != NONE) {
      cue = spk__cue_after(b, c, hi, sc_lex);
      /* A named subject earlier in the sentence beats a pronoun after it
       * ("X estime que « … » pour …, annonce-t-il"). */
      if (cue.found && cue.m.type == M_PRON) {
        Cue before = spk__cue_before(b, o, lo, hi, so_lex, so_pc);
        if (before.found && before.m.type == M_NAME) cue = before;
      }
    }
    if (!cue.found && c != NONE && is_title(b, r)) title = true;
    if (!cue.found && !title) {
      uint32_t pi = coordinated(b, o, lo);
      if (pi != NONE) {
        coord = b->res->quotes.contents[pi].speaker;
        has_coord = true;
      } else {
        cue = spk__cue_before(b, o, lo, hi, so_lex, so_pc);
      }
    }
    /* "évoqué une piste qui doit selon lui « … »": a bare noun phrase
     * after the verb is likelier its object than its speaker, so a source
     * phrase in the sentence wins over it */
    if ((!cue.found || cue.m.type == M_NP) && !title && source_word(b, so, sc)) {
      Cue src = spk__cue_source(b, o > lo + WINDOW ? o - WINDOW : lo,
                                hi > o + WINDOW ? o + WINDOW : hi, NULL);
      if (src.found) cue = src;
    }
    if (!cue.found && !title && o == 0 && ctx->lead_in && ctx->lead_speaker.name[0]) {
      /* handled below as a person */
    }
    /* « Montpellier arrache le nul, Guigou-Martin « fier de ses gars » »:
     * in a headline, a name right before the quotation, after a comma, a
     * colon or nothing, says it (the body names the person in full) */
    if (!cue.found && !title && o > lo && b->lid == PM_LANG_FR && (T(b, o - 1)->flags & TF_CAP) &&
        b->toks.size <= 40 && spk__nameish(b, o - 1) && spk__heading_line(b)) {
      uint32_t ns = spk__name_start(b, o - 1, lo);
      if ((ns == lo || punct(b, ns - 1, ',') || punct(b, ns - 1, ':')) &&
          !(T(b, ns)->lex & (W_INSTITUTION | W_DET | W_PREP))) {
        spk__name_mention(b, &cue.m, ns, o);
        cue.found = true;
        cue.how = "headline";
        cue.conf = 0.6;
      }
    }
  }
  double conf = 0.5;
  Resolved prev_subj;
  for (uint32_t k = g; k < gend; k++) {
    RawQuote *x = &b->raw.contents[k];
    PmQuote *q = pm_array_grow_one(&b->res->quotes);
    q->start = x->start;
    q->end = x->end;
    q->kind = PM_QUOTE_QUOTE;
    if (title) {
      q->kind = PM_QUOTE_TITLE;
      q->confidence = 0.7;
      uint32_t n = x->end - x->start;
      if (n < CTX_NAME)
        str__put(ctx->last_title, sizeof ctx->last_title, 0, b->text + x->start, n);
      continue;
    }
    if (cue.found) {
      spk__set_speaker(b, q, &cue);
      conf = q->confidence;
      ctx->last_age = 0;
      if (k == g && o == 0 && b->bare_n && q->speaker.name && c != NONE &&
          !strcmp(cue.how, "verb-after"))
        continuation(b, c, q);
      continue;
    }
    if (has_coord) {
      q->has_speaker = true;
      q->speaker = coord;
      q->speaker.how = "coordinated";
      q->confidence = 0.75;
      ctx->last_age = 0;
      continue;
    }
    uint32_t words = count_words(b, x);
    bool sentence_like = words >= 5 || ends_sentence_inside(b, x);
    if (ctx->in_comments) {
      q->kind = sentence_like || words > 4 ? PM_QUOTE_QUOTE : PM_QUOTE_TERM;
      q->confidence = 0.5;
      continue;
    }
    if (x->continued && ctx->open_speaker.name[0]) {
      copy_person_speaker(b, q, &ctx->open_speaker, "continued", 0.8);
    } else if (k == g && o == 2 && punct(b, 1, ':') && T(b, 0)->end - T(b, 0)->start == 1 &&
               (b->text[T(b, 0)->start] == 'R' || b->text[T(b, 0)->start] == 'A') &&
               ctx__entity(ctx, 0) && strchr(ctx__entity(ctx, 0)->name, ' ')) {
      /* « R : « … » », "A: "…"": an answer is the person interviewed,
       * the last the article named before the questions */
      copy_person_speaker(b, q, ctx__entity(ctx, 0), "answer", 0.6);
      ctx->last_age = 0;
    } else if (o == 0 && ctx->lead_in && ctx->lead_speaker.name[0]) {
      copy_person_speaker(b, q, &ctx->lead_speaker, "lead-in", 0.75);
      ctx->last_age = 0;
    } else if (sentence_like && k == g && so > 0 && b->sents.contents[so].start == o &&
               b->lid == PM_LANG_FR && reaction_object_before(b, so, &prev_subj)) {
      /* « Un argument que balaie X. « … » » */
      give_preceding_subject(b, q, &prev_subj);
    } else if (sentence_like && k == g && so > 0 && b->sents.contents[so].start == o &&
               b->lid == PM_LANG_FR && defendant_before(b, so, &prev_subj)) {
      give_preceding_subject(b, q, &prev_subj);
    } else if (sentence_like && k == g && so > 0 && b->sents.contents[so].start == o &&
               !named_quote_before(b, q, T(b, b->sents.contents[so - 1].start)->start) &&
               spk__paragraph_subject(b, b->sents.contents[so - 1].end, &prev_subj) &&
               strcmp(prev_subj.name, ctx->last_speaker.name)) {
      /* "Perret a pris la parole. « On ne lâchera rien. »": a quotation
       * opening the sentence after one whose subject is a person is that
       * person's, rather than the last speaker's */
      give_preceding_subject(b, q, &prev_subj);
    } else if (sentence_like && k == g && so > 0 && b->sents.contents[so].start == o &&
               anonymous_before(b, so) != NONE) {
      /* "Un médecin de Lorient, qui …, redoute un effet domino. « … »":
       * the unnamed person the sentence before is about */
      uint32_t as = anonymous_before(b, so);
      uint32_t a = T(b, as)->start, z = T(b, as + 1)->end;
      q->has_speaker = true;
      q->speaker.name = NULL;
      q->speaker.mention = res__str(b->res, b->text + a, z - a);
      q->speaker.start = a;
      q->speaker.end = z;
      q->speaker.how = "preceding-subject";
      q->speaker.stance = PM_STANCE_NONE;
      q->confidence = 0.5;
      ctx->anon_last = 2;
    } else if (sentence_like && k == g && so > 0 && b->sents.contents[so].start == o &&
               b->lid == PM_LANG_FR && pronoun_speech_before(b, so, &prev_subj)) {
      /* « Il raconte avoir découvert le carnage. « … » »: the person a
       * pronoun opening a speech verb in the sentence before stands for */
      CtxPerson p;
      ctx__set_person(&p, prev_subj.name, strlen(prev_subj.name), prev_subj.gender);
      copy_person_speaker(b, q, &p, "preceding-subject", 0.6);
      ctx__set_person(&ctx->last_speaker, p.name, strlen(p.name), p.gender);
      ctx->last_age = 0;
    } else if (o == 0 && c == NONE && r->incise == NONE && b->lid == PM_LANG_FR &&
               punct(b, 0, '-') && ctx->interviewee.name[0]) {
      /* an interview's answer (quotes.c: a dialogue line right after a
       * question) is the person the article is about */
      CtxPerson p = ctx->interviewee;
      copy_person_speaker(b, q, &p, "interview", 0.6);
      ctx__set_person(&ctx->last_speaker, p.name, strlen(p.name), p.gender);
      ctx->last_age = 0;
    } else if (sentence_like && k == g && o == 0 && ctx->prev_subject.name[0] &&
               strchr(ctx->prev_subject.name, ' ') &&
               strcmp(ctx->prev_subject.name, ctx->last_speaker.name)) {
      /* « Parmi eux, Réjean Lacasse, dont la mère … » then a paragraph
       * opening with a quotation and no cue: the person the paragraph
       * before, which quoted nobody, was about */
      CtxPerson p = ctx->prev_subject;
      copy_person_speaker(b, q, &p, "preceding-paragraph", 0.55);
      ctx__note_speaker(ctx, p.name, p.gender);
      ctx__set_person(&ctx->last_speaker, p.name, strlen(p.name), p.gender);
      ctx->last_age = 0;
    } else if (sentence_like && ctx->last_speaker.name[0] && ctx->last_age <= 3 &&
               b->lid == PM_LANG_FR && unnamed_cue_before(b, q)) {
      const PmQuote *u = unnamed_cue_before(b, q);
      q->has_speaker = true;
      q->speaker = u->speaker;
      q->speaker.how = "follow-on";
      q->speaker.stance = PM_STANCE_NONE;
      q->confidence = 0.5;
    } else if (sentence_like && k == g && b->lid == PM_LANG_FR && b->sents.size &&
               o > lo + 3 && ctx->last_speaker.name[0] && ctx->last_age <= 3 &&
               (so_lex & (W_FIRST_M | W_FIRST_F)) &&
               spk__paragraph_subject(b, o, &prev_subj) &&
               strcmp(prev_subj.name, ctx->last_speaker.name) &&
               occurs_in(b, lo, o, prev_subj.name)) {
      /* « Contacté, l'avocat de l'un d'eux, Me Grégory Thuan, n'a pas
       * souhaité s'exprimer « tant que … » »: a quotation inside a
       * sentence about someone named in it, not the last speaker */
      give_preceding_subject(b, q, &prev_subj);
    } else if (sentence_like && ctx->last_speaker.name[0] && ctx->last_age <= 3) {
      copy_person_speaker(b, q, &ctx->last_speaker, "follow-on", 0.6);
      /* a sub-heading that repeats a follow-on quotation is its speaker's */
      spk__heading_speaker(b, q);
    } else if (b->lid == PM_LANG_FR && k == g && o > lo + 1 &&
               (so_lex & (W_FIRST_M | W_FIRST_F | W_PRON_M | W_PRON_F)) && b->sents.size &&
               !(c != NONE && word(b, c + 1) && folded_is(b, c + 1, "par")) &&
               !spk__heading_line(b) &&
               (((so_lex & (W_FIRST_M | W_FIRST_F)) && spk__sentence_subject(b, so, o, &prev_subj)) ||
                pronoun_subject(b, lo, o, &prev_subj))) {
      /* « Arnaud Delattre n'exclut pas de « monter à Paris » », « Le
       * maire, X, a ouvert la discussion en défendant un projet « … » »:
       * a quotation inside a sentence whose subject is a person named in
       * it, with no cue, is that person's (not « jugé « … » par les
       * irrigants », whose agent spoke, nor a headline's) */
      give_preceding_subject(b, q, &prev_subj);
      q->speaker.how = "sentence-subject";
    } else if (!sentence_like && words <= 4) {
      q->kind = PM_QUOTE_TERM;
      q->confidence = 0.6;
    } else {
      q->confidence = 0.5;
    }
    conf = q->confidence;
  }
  (void)conf;
  /* A quote still open at the paragraph end: remember its speaker for the
   * next paragraph, and give a speaker found now to earlier pieces. */
  PmQuote *last = pm_array_back(&b->res->quotes);
  if (r->continued && last->has_speaker && b->open_first != NONE) {
    for (uint32_t k = b->open_first; k + 1 < b->res->quotes.size; k++) {
      PmQuote *q = &b->res->quotes.contents[k];
      if (!q->has_speaker || !strcmp(q->speaker.how, "continued")) {
        q->has_speaker = true;
        q->speaker = last->speaker;
        q->confidence = last->confidence;
        if (q->kind == PM_QUOTE_TERM) q->kind = PM_QUOTE_QUOTE;
      }
    }
  }
  if (b->raw.contents[gend - 1].left_open) {
    if (!r->continued) {
      b->open_first = b->res->quotes.size - 1;
      memset(&ctx->open_speaker, 0, sizeof ctx->open_speaker);
    }
    if (last->has_speaker && last->speaker.name)
      ctx__set_person(&ctx->open_speaker, last->speaker.name,
                      strlen(last->speaker.name), 0);
  } else if (r->continued) {
    b->open_first = NONE;
    memset(&ctx->open_speaker, 0, sizeof ctx->open_speaker);
  }
}

/* The gender a role noun's own form or its determiner gives (0 unknown):
 * "la porte-parole", "le ministre", "the congresswoman"; "ministre" alone
 * is epicene. */
int spk__role_gender(const Block *b, uint32_t k) {
  /* the determiner first: « le ministre », « le juge » are men, though
   * their epicene forms stand in the feminine list (for « la ministre ») */
  if (k > 0 && word(b, k - 1) && (T(b, k - 1)->lex & W_DET)) {
    if (folded_is(b, k - 1, "la") || folded_is(b, k - 1, "une")) return 2;
    if (folded_is(b, k - 1, "le") || folded_is(b, k - 1, "un")) return 1;
  }
  if (T(b, k)->lex & W_ROLE_F) return 2;
  /* « Leur président, Grégoire Ensel »: a French role whose form with
   * an -e is the feminine one is masculine */
  if (b->lid == PM_LANG_FR) {
    char f[64];
    size_t n = lex__fold(b->text + T(b, k)->start, T(b, k)->end - T(b, k)->start, f);
    if (n && n < 62) {
      f[n] = 'e';
      const LexEntry *e = lex__get(b->lx, f, n + 1);
      if (e && (e->flags & W_ROLE_F)) return 1;
    }
  }
  return 0;
}

/* "Dawson concedes: '…'" in a live blog's headline, "Republican Grant
 * Dawson conceded" below it: a speaker known only by the surname so far is
 * the person the full name in tokens [s, e) gives.  Renames that speaker
 * in the context and in the quotations already attributed.  Runs only when
 * a recent speaker's name is one word, which few articles have. */
static void complete_surname(Block *b, uint32_t s, uint32_t e) {
  PmContext *ctx = b->ctx;
  const Token *l = T(b, e - 1);
  size_t ln = l->end - l->start;
  const char *last = b->text + l->start;
  if (ln >= CTX_NAME) return;
  /* names are zero padded: the first ln bytes and a NUL after them (no
   * strlen; this runs for every full name of every paragraph) */
  bool any = false;
  for (size_t i = 0; i < CTX_RECENT && ctx->recent[i].name[0]; i++)
    if (ctx->recent[i].name[0] == last[0] && !ctx->recent[i].name[ln] &&
        !memcmp(ctx->recent[i].name, last, ln))
      any = true;
  if (!any) return;
  const char *full = b->text + T(b, s)->start;
  size_t fn = l->end - T(b, s)->start;
  for (size_t i = 0; i < CTX_RECENT && ctx->recent[i].name[0]; i++)
    if (strlen(ctx->recent[i].name) == ln && !memcmp(ctx->recent[i].name, last, ln))
      ctx__set_person(&ctx->recent[i], full, fn, ctx->recent[i].gender);
  if (strlen(ctx->last_speaker.name) == ln && !memcmp(ctx->last_speaker.name, last, ln))
    ctx__set_person(&ctx->last_speaker, full, fn, ctx->last_speaker.gender);
  const char *nm = NULL;
  for (size_t i = 0; i < b->res->quotes.size; i++) {
    PmQuote *q = &b->res->quotes.contents[i];
    if (!q->has_speaker || !q->speaker.name || strlen(q->speaker.name) != ln ||
        memcmp(q->speaker.name, last, ln))
      continue;
    if (!nm) nm = res__str(b->res, full, fn);
    q->speaker.name = nm;
  }
}

/* A paragraph that quotes nobody leaves the name opening its first
 * sentence to the pronouns of the next paragraph ("The company's
 * chairman, Sir Nigel Fairbrother, wrote to customers." then "'…,' he
 * wrote"): noted as written, without looking it up, which resolve.c does
 * only for a pronoun that needs it (most paragraphs quote nobody, and a
 * look-up in the list of people for each cost more than the rule gains).
 * Reads the first ten tokens: determiners, role nouns, possessives and
 * commas may stand before the name; a pronoun, verb or quotation mark
 * ends the search. */
static void note_prev_subject(Block *b) {
  if (!b->sents.size) return;
  const Sentence *s0 = &b->sents.contents[0];
  uint32_t k0 = s0->start;
  /* "Asked whether the streak could last, Bouchard laughed": after an
   * opening participle clause, the subject follows its comma */
  /* (and so after an opening phrase of time or place: "On a recent
   * afternoon, Hadley's wife, Judy Hadley, brought coffee", "In Ottawa,
   * Leclerc said", "Back in Dartmouth, Moreau has …"; not "For Langford,
   * the decision came down to …", a person the article named) */
  if (b->lid == PM_LANG_EN && word(b, k0) && !(T(b, k0)->lex & (W_FIRST_M | W_FIRST_F)) &&
      ((T(b, k0)->lex & W_PREP) || (word(b, k0 + 1) && (T(b, k0 + 1)->lex & W_PREP) &&
                                     !(T(b, k0 + 1)->flags & TF_CAP)))) {
    for (uint32_t k = k0 + 1; k < s0->end && k < k0 + 7; k++) {
      if (T(b, k)->kind == T_QMARK ||
          (word(b, k) && (T(b, k)->lex & (W_SPEECH | W_AUX)) && !(T(b, k)->lex & W_PREP)))
        break;
      if (word(b, k) && (T(b, k)->flags & TF_CAP) &&
          ctx__entity_by_part(b->ctx, b->text + T(b, k)->start, T(b, k)->end - T(b, k)->start))
        break;
      if (punct(b, k, ',')) {
        k0 = k + 1;
        break;
      }
    }
  } else if (b->lid == PM_LANG_EN && word(b, k0) &&
             (T(b, k0)->end - T(b, k0)->start > 4 || (T(b, k0)->lex & W_PREP))) {
    const char *w = b->text + T(b, k0)->end;
    if ((T(b, k0)->lex & W_PREP) || !memcmp(w - 2, "ed", 2) || !memcmp(w - 3, "ing", 3))
      for (uint32_t k = k0 + 1; k < s0->end && k < k0 + 20; k++) {
        if (T(b, k)->kind == T_QMARK) return;
        if (punct(b, k, ',')) {
          k0 = k + 1;
          break;
        }
      }
  }
  /* « OTTAWA — Le commissaire …, X, a refusé », « QUÉBEC | »: a dateline
   * opens the paragraph; the subject follows its dash */
  if (T(b, k0)->flags & TF_ALLCAP) {
    uint32_t k = k0;
    while (k < s0->end && k < k0 + 4 && word(b, k) && (T(b, k)->flags & TF_ALLCAP)) k++;
    if (k > k0 && k + 1 < s0->end && T(b, k)->kind == T_PUNCT &&
        (T(b, k)->ch == '-' || T(b, k)->ch == '|'))
      k0 = k + 1;
  }
  uint32_t lim = s0->end < k0 + 10 ? s0->end : k0 + 10;
  for (uint32_t k = k0; k < lim; k++) {
    const Token *t = T(b, k);
    if (t->kind == T_QMARK) return;
    if (t->kind == T_PUNCT && t->ch != ',' && t->ch != '.' && t->ch != '-') return;
    if (t->kind != T_WORD) continue;
    if (!spk__nameish(b, k)) {
      if ((t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_AUX | W_SPEECH | W_FIRST_PERSON |
                     W_QUE)) && !(t->lex & (W_DET | W_MONTH)))
        return;
      /* "The coach credited Delahaye for …": a role after its article and
       * before its verb is the subject, the person bound to it or no one
       * (not the object named after it) */
      if ((t->lex & W_ROLE) && !(t->flags & TF_CAP) && b->lid == PM_LANG_EN && k > k0 &&
          word(b, k - 1) && (T(b, k - 1)->lex & W_DET) && word(b, k + 1) &&
          !(T(b, k + 1)->flags & TF_CAP)) {
        bool keyed;
        const char *nm = spk__role_name(b, k, &keyed);
        if (nm) ctx__set_person(&b->ctx->prev_subject, nm, strlen(nm), 0);
        return;
      }
      continue;
    }
    uint32_t e = spk__name_end(b, k, s0->end);
    const char *z = b->text + T(b, e - 1)->end;
    uint32_t zn = b->len - T(b, e - 1)->end;
    if ((zn >= 2 && z[0] == '\'' && z[1] == 's') || (zn >= 4 && !memcmp(z, "\xE2\x80\x99s", 4)) ||
        (word(b, e) && (T(b, e)->lex & W_ROLE) && !(T(b, e)->lex & (W_FIRST_M | W_FIRST_F))) ||
        (k > k0 && word(b, k - 1) && (T(b, k - 1)->lex & (W_PREP | W_SOURCE)) &&
         !(T(b, k - 1)->flags & TF_CAP))) {
      /* "Ortega's daughter", "Lumora Chief Executive Tom Hadley", "at
       * the Riverside Hotel": not the subject */
      k = e - 1;
      continue;
    }
    if (e - k == 1 && (T(b, k)->flags & TF_ALLCAP)) return;
    /* "Born Eleanor Marsh in Toledo": a capitalised word before a known
     * first name opens the sentence, not the name */
    if (e - k >= 3 && !(T(b, k)->lex & (W_FIRST_M | W_FIRST_F)) &&
        (T(b, k + 1)->lex & (W_FIRST_M | W_FIRST_F)))
      k++;
    uint32_t a = T(b, k)->start, n = spk__name_text_end(b, e) - a;
    if (n < CTX_NAME) ctx__set_person(&b->ctx->prev_subject, b->text + a, n, spk__name_gender(b, k));
    return;
  }
}

/* « Me Hélène Garrigues » (the name at token s, bytes [a, z)): Me is a
 * lawyer's title, so « l'avocate » later on is that person (the latest
 * such, as a binding is).  Out of note_entities' loop, which every name
 * of every paragraph passes. */
static NOINLINE void bind_lawyer(Block *b, uint32_t s, uint32_t a, uint32_t z, int gender) {
  uint32_t hk = s - 1 - (punct(b, s - 1, '.') ? 1 : 0);
  if (!(T(b, hk)->flags & TF_CAP) || !(folded_is(b, hk, "me") || folded_is(b, hk, "maître")))
    return;
  char nm[CTX_NAME];
  str__put(nm, sizeof nm, 0, b->text + a, z - a);
  if (gender == 2) ctx__bind_role(b->ctx, "avocate", 7, "", nm);
  else ctx__bind_role(b->ctx, "avocat", 6, "", nm);
}

/* « Erwan Guégan, le trésorier, », « Bertrand Chaumette, céréalier à
 * Vouneuil, »: a noun apposed to the person of tokens [s, e), with no
 * article or a definite one, describes that person; « le trésorier »,
 * « le céréalier » is that person later on (resolve.c), whatever the
 * noun, known role or not. */
static NOINLINE void bind_apposed_noun(Block *b, uint32_t s, uint32_t e) {
  uint32_t n = b->toks.size, k = e + 1;
  const Token *tk = b->toks.contents;
  if (k + 1 < n && word(b, k) && (tk[k].lex & W_DET) && !(tk[k].flags & TF_CAP) &&
      tk[k].end - tk[k].start <= 2 && (b->text[tk[k].start] | 32) == 'l' &&
      !spk__indefinite_det(b, k))
    k++;
  if (k + 1 < n && word(b, k) && !(tk[k].flags & TF_CAP) && tk[k].end - tk[k].start >= 5 &&
      !(tk[k].lex & (W_FUNCTION | W_PREP | W_DET | W_AUX | W_SPEECH | W_QUE | W_PRON_M |
                     W_PRON_F | W_PRON_PL | W_INSTITUTION | W_NUMWORD)) &&
      (tk[k + 1].kind == T_PUNCT || (tk[k + 1].lex & (W_PREP | W_CONJ))))
    spk__bind_role(b, k, s, e);
}

/* « les frères Bastien et Corentin Lavergne », « Gérard et Monique
 * Moreau »: a lone first name before « et » and the full name at token s
 * (its text ending at byte z) is a person of the same surname too. */
static NOINLINE void note_first_name_before(Block *b, uint32_t s, uint32_t z) {
  const Token *f = T(b, s - 2), *g = T(b, s);
  if (f->kind != T_WORD || !(f->flags & TF_CAP) || !(f->lex & (W_FIRST_M | W_FIRST_F)) ||
      (s >= 3 && T(b, s - 3)->kind == T_WORD && (T(b, s - 3)->flags & TF_CAP)))
    return;
  uint32_t sur = g->end; /* the surname: the words after the first name */
  uint32_t fn = f->end - f->start;
  if (sur >= z || z - sur + fn >= CTX_NAME) return;
  char nm[CTX_NAME];
  memcpy(nm, b->text + f->start, fn);
  memcpy(nm + fn, b->text + sur, z - sur);
  int gd = (f->lex & (W_FIRST_M | W_FIRST_F)) == W_FIRST_F ? 2
           : (f->lex & (W_FIRST_M | W_FIRST_F)) == W_FIRST_M ? 1 : 0;
  ctx__note_entity(b->ctx, nm, fn + (z - sur), gd);
}

/* Registers named people of the paragraph (two or more capitalised words,
 * or a name after an honorific) and role appositions.  Only the tokens
 * of Block.cands (spk__name_candidates) can start either: a test below
 * on any other token must make the list longer too. */
static void note_entities(Block *b) {
  uint32_t n = b->toks.size;
  const Token *tk = b->toks.contents;
  const uint32_t *cand = b->cands.contents;
  uint32_t nc = b->cands.size, ci = 0;
  bool scan = !b->has_cands || an__slow_paths;
  const uint32_t *ends = !scan && b->cand_ends.size == nc ? b->cand_ends.contents : NULL;
  for (uint32_t i = 0; i < n; i++) {
    /* the next candidate at or after i; or, without the list (and for
     * the tests), the next capital, to a tight loop */
    if (scan) {
      i = tok__next_flag(tk, i, n, TF_CAP);
    } else {
      while (ci < nc && cand[ci] < i) ci++;
      i = ci < nc ? cand[ci] : n;
    }
    if (i == n) continue;
    /* (the name's extent, measured with the list when it was made) */
    uint32_t e = ends ? ends[ci] : spk__nameish(b, i) ? spk__name_end(b, i, n) : 0;
    if (!e) {
      /* "the Bank of Canada", "the Ministry of Long-Term Care": "the
       * central bank", "the ministry" later on are that body */
      if ((tk[i].lex & W_INSTITUTION) && tk[i].kind == T_WORD && i + 2 < n &&
          b->lid == PM_LANG_EN && (tk[i + 2].flags & TF_CAP) && folded_is(b, i + 1, "of") &&
          spk__nameish(b, i + 2)) {
        uint32_t e2 = spk__name_end(b, i + 2, n);
        /* ("the Ministry of Emergency Management and Climate Readiness",
         * "of Water, Land and Resource Stewardship": a list after of) */
        for (int r = 0; r < 3 && e2 + 1 < n && (punct(b, e2, ',') || folded_is(b, e2, "and")) &&
                        spk__nameish(b, e2 + 1) && !(tk[e2 + 1].lex & (W_FIRST_M | W_FIRST_F));
             r++)
          e2 = spk__name_end(b, e2 + 1, n);
        if (tk[e2 - 1].end - tk[i].start < CTX_NAME) spk__bind_role(b, i, i, e2);
      }
      continue;
    }
    uint32_t s = i;
    i = e - 1;
    /* "(Trevor Brine-Osei/CBC)", "(Photo: Darren Pike/HuffPost Canada)":
     * a photo credit names no one the article is about */
    if (e < n && punct(b, e, '/') && b->lid == PM_LANG_EN) continue;
    bool after_prep = s > 0 && word(b, s - 1) && (T(b, s - 1)->lex & (W_PREP | W_DET)) &&
                      !(T(b, s - 1)->lex & W_HONORIFIC);
    bool hon = s > 0 && word(b, s - 1 - (punct(b, s - 1, '.') ? 1 : 0)) &&
               (T(b, s - 1 - (punct(b, s - 1, '.') ? 1 : 0))->lex & W_HONORIFIC);
    bool first = (T(b, s)->lex & (W_FIRST_M | W_FIRST_F)) != 0;
    /* "told CBC News the devices …": the outlet that heard it is no
     * person a role may stand for later */
    if (!first && s > 0 && b->lid == PM_LANG_EN && word(b, s - 1) &&
        (T(b, s - 1)->lex & W_SPEECH) &&
        (folded_is(b, s - 1, "told") || folded_is(b, s - 1, "tells")))
      continue;
    /* "the Dunmore Town Council voted": "the council" is it later on
     * (resolve.c) */
    {
      /* (an institution noun ends the name it closes: "Traffic Safety
       * Administration") */
      uint64_t after = e < n ? tk[e].lex : 0;
      /* ("the Ontario Nurses' Association": across a plural possessive) */
      uint32_t pe = e;
      if (e + 1 < n && tk[e].kind == T_QMARK && !(tk[e].flags & TF_SPACE_BEFORE) &&
          b->text[tk[e - 1].end - 1] == 's' && tk[e + 1].kind == T_WORD &&
          (tk[e + 1].flags & TF_CAP) && (tk[e + 1].lex & W_INSTITUTION) && b->lid == PM_LANG_EN) {
        pe = e + 1;
        after = tk[pe].lex;
      }
      if ((after | tk[e - 1].lex) & W_INSTITUTION) {
        uint32_t oe = pe < n && (tk[pe].flags & TF_CAP) && tk[pe].kind == T_WORD &&
                      (after & W_INSTITUTION) ? pe + 1 : e;
        /* ("the B.C. River Forecast Centre": the initialism opens it) */
        uint32_t os = b->lid == PM_LANG_EN ? spk__initialism_before(b, s, 0) : s;
        if (oe - s >= 2 && oe - s <= 6 && (T(b, oe - 1)->lex & W_INSTITUTION) &&
            !(T(b, s)->lex & W_INSTITUTION) && T(b, oe - 1)->end - T(b, os)->start < CTX_NAME)
          spk__bind_role(b, oe - 1, os, oe);
      } else if (e - s >= 3 && e - s <= 8 && b->lid == PM_LANG_EN &&
                 T(b, e - 1)->end - T(b, s)->start < CTX_NAME) {
        /* "the Saskatchewan Union of Nurses": an institution noun
         * before "of" inside the name is "the union" later on too */
        for (uint32_t k = s + 1; k + 2 < e; k++)
          if ((tk[k].lex & W_INSTITUTION) && !(tk[k].lex & W_ROLE) &&
              tk[k + 1].end - tk[k + 1].start == 2 && folded_is(b, k + 1, "of")) {
            spk__bind_role(b, k, s, e);
            break;
          }
      }
    }
    /* « Le constructeur d'équipements automobiles Valdor », « le groupe
     * Renault », "the carmaker Stellantis": a company noun before a name
     * (across a short complement) makes « l'entreprise », "the company"
     * that company later on (resolve.c) */
    if (!first && e - s <= 4 && s >= 2 && T(b, e - 1)->end - T(b, s)->start < CTX_NAME) {
      for (uint32_t k = s; k > 1 && k + 5 > s; k--) {
        const Token *t = T(b, k - 1);
        if (t->kind != T_WORD || (t->flags & TF_CAP)) break;
        if (t->lex & W_COMPANY) {
          /* (« La jeune pousse montréalaise Nuvolta »: past an adjective) */
          uint32_t d = k - 2;
          if (d > 0 && word(b, d) && !(T(b, d)->flags & TF_CAP) &&
              !(T(b, d)->lex & (W_DET | W_PREP | W_FUNCTION | W_AUX | W_SPEECH | W_QUE | W_ROLE)))
            d--;
          if (word(b, d) && (T(b, d)->lex & W_DET) && !spk__indefinite_det(b, d))
            spk__bind_role(b, k - 1, s, e);
          break;
        }
        if (t->lex & (W_SPEECH | W_AUX | W_QUE | W_ROLE)) break;
        /* "the maker of a popular AI companion app", "the maker of the
         * popular Tasker app": a name past another article is the
         * product's, not the company's */
        if (t->lex & W_DET) break;
      }
      /* « La direction de Papiers Saint-François a convoqué … » then
       * « l'entreprise explique »: the company the management runs is
       * the one a company noun stands for later on (resolve.c; lengths
       * and first letters before any folding) */
      if (T(b, s - 2)->end - T(b, s - 2)->start == 9 && e - s >= 2 &&
          (b->text[T(b, s - 2)->start] | 32) == 'd' && T(b, s - 1)->end - T(b, s - 1)->start <= 4 &&
          b->lid == PM_LANG_FR && word(b, s - 2) &&
          (folded_is(b, s - 1, "de") || folded_is(b, s - 1, "d'")) &&
          folded_is(b, s - 2, "direction")) {
        char nm[CTX_NAME];
        str__put(nm, sizeof nm, 0, b->text + T(b, s)->start, T(b, e - 1)->end - T(b, s)->start);
        ctx__bind_role(b->ctx, "entreprise", 10, "", nm);
      }
    }
    /* "awarded to Ottawa-based Kestrel Analytics Inc.", "that Northern
     * Crest Pipeline Ltd. cleared": a company's full name, wherever it
     * stands, is what its short name stands for later (resolve.c) */
    bool firm = b->lid == PM_LANG_EN && e - s >= 2 && e - s <= 5 &&
                (tk[e - 1].lex & W_ORG_LAST);
    /* "Newfoundland and Labrador Health Services confirmed …", "Mid and
     * West Wales Fire and Rescue Service": a longer name is a body's when
     * an institution noun ends it (then "the health authority said") */
    bool body = b->lid == PM_LANG_EN && e - s <= 8 && (tk[e - 1].lex & W_INSTITUTION) &&
                (tk[e - 1].flags & TF_CAP);
    if (e - s > 4 && !firm && !body) continue;
    if (!(hon || firm || (e - s >= 2 && (first || !after_prep)))) continue;
    if (e - s == 1 && !hon) continue;
    /* « (Photo : Jean-Pierre Astruc / Ciric) », « Photo Le DL /Stéphane
     * Marchetti », « (Le Télégramme/Hervé Quéméner) »: a photo credit
     * names no one of the article, who could take a role or a pronoun */
    /* (most names follow a word or a comma: the tests run after any
     * other token only, and « photo » is folded only when it is there) */
    if (s > 0 && T(b, s - 1)->kind == T_PUNCT && T(b, s - 1)->ch != ',') {
      uint32_t pw = s - 1 - (s > 1 && T(b, s - 1)->ch == ':');
      if (T(b, s - 1)->ch == '/' ||
          (pw < s - 1 && T(b, pw)->end - T(b, pw)->start == 5 && folded_is(b, pw, "photo")))
        continue;
    } else if (s > 0 && T(b, s - 1)->end - T(b, s - 1)->start == 5 &&
               (b->text[T(b, s - 1)->start] | 32) == 'p' && folded_is(b, s - 1, "photo")) {
      continue;
    }
    if (e < n && tk[e].kind == T_PUNCT && tk[e].ch == '/') continue;
    /* « l'église Saint-Martin de Lavastrie », « Sainte-Foy »: a saint's
     * name opening the words is a place or a building, not a person */
    if (b->text[T(b, s)->start] == 'S' && T(b, s)->end - T(b, s)->start > 6 &&
        !memcmp(b->text + T(b, s)->start, "Saint", 5) &&
        (b->text[T(b, s)->start + 5] == '-' || !memcmp(b->text + T(b, s)->start + 5, "e-", 2)))
      continue;
    Mention m;
    memset(&m, 0, sizeof m);
    spk__name_mention(b, &m, s, e);
    /* ("Tenant Rhonda Klassen", « le Danois Jonas Holm-Berg »: names.c
     * leaves the noun out) */
    if (m.ns == s + 1 && ((T(b, s)->lex & W_ANON) || spk__past_nationality(b, s, e) == s + 1)) s++;

    uint32_t a = T(b, s)->start, z = spk__name_text_end(b, e);
    if (z - a >= CTX_NAME) continue;
    if (e - s == 1) {
      const CtxPerson *p = ctx__entity_by_part(b->ctx, b->text + a, z - a);
      /* "We asked Dr. Wendt-Achebe three questions": an honorific and a
       * surname mention that person again, the last named (the answers
       * that follow are theirs) */
      if (p && hon && p != ctx__entity(b->ctx, 0)) {
        CtxPerson c = *p;
        ctx__note_entity(b->ctx, c.name, strlen(c.name), c.gender);
      }
      if (p) continue;
    }
    /* "WINNIPEG — Jolene Kowalchuk made a draw … with her last rock": a
     * paragraph (or its dateline) that opens on a first name the lists
     * lack gives it the gender of the first pronoun after it, before any
     * other name or role (not after a possessive: "X's company … her") */
    if (!m.gender && !first && (s == 0 || (s <= 4 && punct(b, s - 1, '-'))) && e - s >= 2 &&
        b->lid == PM_LANG_EN && z < b->len && b->text[z] != '\'' &&
        (unsigned char)b->text[z] != 0xE2)
      for (uint32_t k = e; k < n && k < e + 16; k++) {
        const Token *t = &tk[k];
        if (t->kind == T_QMARK || (t->kind == T_PUNCT && t->ch == '.')) break;
        if (t->kind != T_WORD) continue;
        if ((t->flags & TF_CAP) || (t->lex & W_ROLE)) break;
        if (t->lex & (W_PRON_M | W_PRON_F)) {
          m.gender = (t->lex & W_PRON_F) ? 2 : 1;
          break;
        }
      }
    /* (noted first: the full name after it stays the most recent) */
    if (s >= 2 && e - s >= 2 && b->lid == PM_LANG_FR && tk[s - 1].kind == T_WORD &&
        tk[s - 1].end - tk[s - 1].start == 2 && folded_is(b, s - 1, "et"))
      note_first_name_before(b, s, z);
    ctx__note_entity(b->ctx, b->text + a, z - a, m.gender);
    if (b->n_heading_quotes && e - s >= 2) spk__heading_surname(b, a, z);
    /* "Sam Lefebvre, who uses they/them pronouns,": singular "they"
     * stands for that person (gender 3, resolve.c) */
    if (e + 5 < n && tk[e].kind == T_PUNCT && (tk[e].ch == ',' || tk[e].ch == '(') &&
        b->lid == PM_LANG_EN)
      for (uint32_t k = e + 1; k + 2 < n && k < e + 6; k++)
        if (folded_is(b, k, "they") && punct(b, k + 1, '/') && folded_is(b, k + 2, "them")) {
          ctx__note_entity(b->ctx, b->text + a, z - a, 3);
          break;
        }
    if (m.ne - m.ns >= 2) complete_surname(b, m.ns, m.ne);
    if (hon && b->lid == PM_LANG_FR) bind_lawyer(b, s, a, z, m.gender);
    /* "At the mart, auctioneer Darcy Wolfe kept …": a bare noun before a
     * full name is that person's title, known role or not; "the
     * auctioneer" is that person later on (resolve.c) */
    if (b->lid == PM_LANG_EN && m.ne - m.ns >= 2 && m.ns == s && s >= 2 && word(b, s - 1) &&
        !(tk[s - 1].flags & TF_CAP) && tk[s - 1].end - tk[s - 1].start >= 5 &&
        !(tk[s - 1].lex & (W_FUNCTION | W_PREP | W_DET | W_AUX | W_SPEECH | W_QUE | W_PRON_M |
                           W_PRON_F | W_PRON_PL | W_INSTITUTION | W_NUMWORD | W_ROLE |
                           W_CONJ | W_COMPANY | W_ANON)) &&
        (punct(b, s - 2, ',') || (word(b, s - 2) && (tk[s - 2].lex & W_DET) &&
                                  !spk__indefinite_det(b, s - 2))))
      spk__bind_role(b, s - 1, s, e);
    /* Apposition around the name: "Le ministre de l'Intérieur, Manuel
     * Valls," / "Paul Henrion, président de la commission," */
    /* (« Selon un participant, Nicolas Dufresne a exclu … »: a name going
     * on with a verb opens a clause, it is no apposition) */
    if (s >= 2 && punct(b, s - 1, ',') &&
        (e >= n || !word(b, e) || (tk[e].flags & TF_CAP) || folded_is(b, e, "qui") ||
         folded_is(b, e, "who"))) {
      for (uint32_t k = s - 1; k > 0 && k + 7 > s; k--) {
        const Token *t = T(b, k - 1);
        if (t->kind != T_WORD) break;
        if ((t->lex & W_ROLE) && (!(t->flags & TF_CAP) || (t->flags & TF_ALLCAP))) {
          spk__bind_role(b, k - 1, s, e);
          if (!m.gender && spk__role_gender(b, k - 1))
            ctx__note_entity(b->ctx, b->text + a, z - a, spk__role_gender(b, k - 1));
          break;
        }
      }
    }
    if (punct(b, e, ',')) {
      bool bound = false;
      /* "Margaret Ellis, 71, a retired nurse": past an age */
      uint32_t k0 = e + 1;
      if (k0 + 2 < n && tk[k0].kind == T_NUMBER && punct(b, k0 + 1, ',')) k0 += 2;
      for (uint32_t k = k0; k < n && k < k0 + 4; k++) {
        const Token *t = T(b, k);
        if (t->kind != T_WORD) break;
        if ((t->lex & W_ROLE) && (!(t->flags & TF_CAP) || (t->flags & TF_ALLCAP))) {
          spk__bind_role(b, k, s, e);
          if (!m.gender && spk__role_gender(b, k))
            ctx__note_entity(b->ctx, b->text + a, z - a, spk__role_gender(b, k));
          bound = true;
          break;
        }
      }
      if (!bound && b->lid == PM_LANG_FR) bind_apposed_noun(b, s, e);
    }
  }
}

/* « Isabelle Le Goff a fait le tour du chantier. La maire de Quimperlé ne
 * cachait pas son soulagement »: a definite role noun opening the sentence
 * after one whose subject is a person of its gender, and not bound yet,
 * is that person (unless the sentence before names the role itself, as
 * an object: « X a reçu le ministre. Le ministre … »). */
static void role_after_subject(Block *b) {
  for (uint32_t si = 1; si < b->sents.size; si++) {
    const Sentence *s = &b->sents.contents[si];
    if (s->end < s->start + 3 || !(s->lex & W_ROLE)) continue;
    uint32_t d = s->start, h = d + 1;
    if (!word(b, d) || !(T(b, d)->lex & W_DET) || spk__indefinite_det(b, d) || !word(b, h) ||
        !(T(b, h)->lex & W_ROLE) || (T(b, h)->flags & TF_CAP) || spk__in_quote(b, d))
      continue;
    int g = (T(b, h)->lex & W_ROLE_F) ? 2 : 0;
    if (folded_is(b, d, "la")) g = 2;
    else if (folded_is(b, d, "le")) g = 1;
    else if (!g) g = spk__role_gender(b, h);
    if (!g) continue;
    const Sentence *p = &b->sents.contents[si - 1];
    /* cheap tests first: the sentence before has a capital after its
     * first word, and does not hold the role noun itself */
    const Token *ht = T(b, h);
    bool named = false, cap = false;
    /* the subject opens the sentence: a capital among its first words */
    for (uint32_t k = p->start + 1; k < p->end && k < p->start + 24 && !cap; k++)
      cap = (T(b, k)->flags & TF_CAP) != 0;
    if (!cap) continue;
    for (uint32_t k = p->start; k < p->end && !named; k++)
      named = T(b, k)->end - T(b, k)->start == ht->end - ht->start && word(b, k) &&
              !memcmp(b->text + T(b, k)->start, b->text + ht->start, ht->end - ht->start);
    Resolved r;
    if (named || !spk__paragraph_subject(b, p->end, &r) || r.gender != g) continue;
    /* a head bound already, under any phrase, keeps its binding (a cheap
     * test: the phrase key costs a fold of the whole phrase) */
    char f[64];
    size_t fn = lex__fold(b->text + ht->start, ht->end - ht->start, f);
    bool bound = !fn;
    for (size_t i = 0; i < CTX_ROLES && b->ctx->roles[i].role[0] && !bound; i++)
      bound = !strcmp(b->ctx->roles[i].role, f);
    if (!bound) spk__bind_role_to(b, h, r.name);
  }
}

/* A paragraph ending with a colon that names someone introduces the quote
 * in the next paragraph ("And from Chairwoman Waters:"). */
static void lead_in(Block *b) {
  PmContext *ctx = b->ctx;
  ctx->lead_in = 0;
  /* lead_speaker is set only by ctx__set_person with gender 0, which
   * zeroes it first: with an empty name it is all zeros already (most
   * paragraphs) */
  if (ctx->lead_speaker.name[0] || ctx->lead_speaker.gender)
    memset(&ctx->lead_speaker, 0, sizeof ctx->lead_speaker);
  uint32_t n = b->toks.size;
  if (!n || !punct(b, n - 1, ':') || ctx->in_comments) return;
  uint32_t lo = b->sents.size ? b->sents.contents[b->sents.size - 1].start : 0;
  Cue c;
  memset(&c, 0, sizeof c);
  if (spk__nameish(b, n - 2)) {
    spk__name_mention(b, &c.m, spk__name_start(b, n - 2, lo), n - 1);
    c.found = true;
  } else {
    for (uint32_t v = n - 1; v > lo; v--)
      if (spk__speech_verb(b, v - 1)) {
        c = spk__cue_at_verb(b, v - 1, lo, n - 1, "lead-in", 0.75, false);
        break;
      }
    if (!c.found) {
      for (uint32_t k = n - 1; k > lo; k--)
        if (spk__nameish(b, k - 1)) {
          spk__name_mention(b, &c.m, spk__name_start(b, k - 1, lo), k);
          c.found = true;
          break;
        }
    }
  }
  if (!c.found || c.m.type == M_NP) return;
  Resolved r = spk__resolve(b, &c.m);
  if (!r.has_name) return;
  ctx->lead_in = 1;
  ctx__set_person(&ctx->lead_speaker, r.name, strlen(r.name), 0);
}

/* The cue-less quotations of the paragraphs just before take c's speaker
 * (reaction_after). */
static void give_bare_quotes(Block *b, Cue *c) {
  c->how = "continued-after";
  c->conf = 0.7;
  c->stance = PM_STANCE_NONE;
  for (uint32_t k = b->bare_first; k < b->bare_first + b->bare_n && k < b->res->quotes.size; k++)
    if (b->res->quotes.contents[k].kind == PM_QUOTE_QUOTE)
      spk__set_speaker(b, &b->res->quotes.contents[k], c);
  b->bare_n = 0;
}

/* « « On entend ça trop souvent. » » then « C'est en ces mots que Fabiola
 * Roy, qui dirige un organisme du quartier, a réagi. »: a paragraph
 * without quotations that opens by naming who said the cue-less
 * quotation paragraphs just before gives them that speaker. */
/* (« C'est ce qu'a affirmé la leader syndicale », « Voilà ce qu'a
 * déclaré X »: after « ce que » the subject follows the verb) */
static void reaction_after(Block *b) {
  uint32_t j;
  bool what = false;
  if (folded_is(b, 0, "c'est")) j = 1;
  else if (folded_is(b, 0, "c'") && folded_is(b, 1, "est")) j = 2;
  else if (folded_is(b, 0, "voilà")) j = 1;
  else if (folded_is(b, 0, "ce") && folded_is(b, 1, "sont")) j = 0;
  else return;
  if (folded_is(b, j, "du") && folded_is(b, j + 1, "moins")) j += 2;
  /* « Ce sont les mots du conseiller de l'opposition X, qui … »: the
   * name after « de » */
  if (j == 0 && folded_is(b, 0, "ce") && folded_is(b, 1, "sont")) {
    uint32_t k = folded_is(b, 2, "là") ? 3 : 2;
    if (!folded_is(b, k, "les") ||
        !(folded_is(b, k + 1, "mots") || folded_is(b, k + 1, "propos") ||
          folded_is(b, k + 1, "paroles") || folded_is(b, k + 1, "termes")))
      return;
    uint32_t hi = b->sents.size ? b->sents.contents[0].end : b->toks.size;
    Cue c;
    memset(&c, 0, sizeof c);
    for (uint32_t x = k + 3; x < hi && x < k + 14 && !c.found; x++) {
      if (T(b, x)->kind != T_WORD) break;
      if (!spk__nameish(b, x)) continue;
      uint32_t e = spk__name_end(b, x, hi);
      if (e - x < 2) return;
      spk__name_mention(b, &c.m, x, e);
      c.found = true;
    }
    if (c.found) give_bare_quotes(b, &c);
    return;
  }
  if (j == 1 && folded_is(b, 0, "voilà") && folded_is(b, 1, "comment")) {
    j = 2; /* « Voilà comment le maire X a défendu son budget » */
  } else if (folded_is(b, j, "ainsi")) j++;
  else if ((folded_is(b, j, "en") || folded_is(b, j, "par")) && folded_is(b, j + 1, "ces") &&
           (folded_is(b, j + 2, "termes") || folded_is(b, j + 2, "mots")))
    j += 3;
  else if (folded_is(b, j, "ce")) {
    what = true;
    j++;
  } else {
    return;
  }
  if (!(j == 2 && folded_is(b, 1, "comment")) && (!word(b, j) || !(T(b, j)->lex & W_QUE))) return;
  if (!(T(b, j)->lex & W_QUE)) j--; /* (after « comment », no que) */
  uint32_t lo = j + 1, hi = b->sents.size ? b->sents.contents[0].end : b->toks.size, v = lo;
  while (v < hi && v < lo + 20 && !spk__speech_verb(b, v)) v++;
  if (v >= hi || v >= lo + 20) return;
  Cue c;
  memset(&c, 0, sizeof c);
  if (what ? !spk__subject_right(b, v, hi, &c.m) : !spk__subject_left(b, v, lo, &c.m)) return;
  if (c.m.type == M_PRON || (what && c.m.type == M_NP)) return;
  c.found = true;
  give_bare_quotes(b, &c);
}

/* An embedded post as scrapers deliver it: its text in quotation marks, a
 * paragraph of its own, then "— Assembly of Manitoba Chiefs (@AMC_Manitoba)
 * November 26, 2026": the signature line names who posted the cue-less
 * quotation paragraphs just before. */
static void post_signature(Block *b) {
  if (b->toks.size < 4 || !punct(b, 0, '-') || !spk__nameish(b, 1)) return;
  /* the display name is all that stands before "(@" */
  uint32_t e = 2;
  while (e < b->toks.size && e < 12 && !punct(b, e, '(')) e++;
  if (e + 1 >= b->toks.size || !punct(b, e, '(') || b->text[T(b, e)->end] != '@') return;
  Cue c;
  memset(&c, 0, sizeof c);
  spk__name_mention(b, &c.m, 1, e);
  c.found = true;
  give_bare_quotes(b, &c);
}

/* « ARIANE LACOURSIÈRE-DUVAL » then « LA PRESSE », "Louis Perron" then
 * "La Presse": a paragraph that is a person's name and nothing else,
 * before anyone has spoken, is the reporter's byline without its « Par »;
 * the name is no one the article is about (not the pronouns' antecedent,
 * not the interviewee). */
static bool name_line(const Block *b) {
  uint32_t n = b->toks.size;
  if (n < 2 || n > 6 || b->ctx->recent[0].name[0] || !spk__nameish(b, 0)) return false;
  for (uint32_t i = 0; i < n; i++)
    if (!word(b, i) || (T(b, i)->lex & (W_DET | W_PREP | W_INSTITUTION | W_ROLE))) return false;
  return spk__name_end(b, 0, n) == n && (T(b, 0)->lex & (W_FIRST_M | W_FIRST_F));
}

void speakers__attribute(Block *b) {
  b->n_role_keys = 0; /* new tokens: the role keys of roles.c start again */
  /* bylines and furniture open with a flagged word (lang.c) */
  bool furniture_head = b->toks.size && (T(b, 0)->lex & W_LINE_HEAD);
  bool byline = (furniture_head && spk__byline(b)) ||
                (b->toks.size <= 30 && b->lid == PM_LANG_EN && spk__dot_byline(b)) ||
                name_line(b);
  if (!byline) {
    note_entities(b);
    if (b->lid == PM_LANG_FR) role_after_subject(b);
  }
  /* an acronym note needs a '(' (spk__note_acronyms): most paragraphs
   * have none, as their sentences' punctuation bits tell, and skip the
   * call */
  uint64_t pchars = 0, lex = 0;
  uint16_t wflags = 0;
  for (uint32_t k = 0; k < b->sents.size; k++) {
    pchars |= b->sents.contents[k].pchars;
    lex |= b->sents.contents[k].lex;
    wflags |= b->sents.contents[k].wflags;
  }
  /* a word with an invisible character: the result's names drop it */
  if (wflags & TF_HIDDEN) b->res->hidden = true;
  if (!b->sents.size || (pchars & SENT_PCHAR('('))) spk__note_acronyms(b);
  /* « le ministère des Transports »: likewise an agency noun */
  if ((lex & W_AGENCY) && !byline && b->lid == PM_LANG_FR) spk__note_bodies(b);
  if (b->n_heading_quotes) spk__interview_chapeau(b);
  uint32_t first_quote = b->res->quotes.size;
  /* In text order: a sentence's indirect speech (and the speakers it
   * names) is seen before the quotations of the sentences after it. */
  uint32_t next_sent = 0, prev_so = 0;
  bool comments = b->ctx->in_comments || (furniture_head && spk__furniture(b));
  for (uint32_t g = 0; g < b->raw.size;) {
    uint32_t e = g + 1;
    while (e < b->raw.size && b->raw.contents[e].group == b->raw.contents[g].group) e++;
    /* groups come in text order: their sentences are found walking on */
    uint32_t so = sentence_from(b, b->raw.contents[g].open_tok, prev_so);
    prev_so = so;
    for (; next_sent < so && next_sent < b->sents.size; next_sent++)
      if (!comments) spk__indirect(b, &b->sents.contents[next_sent]);
    attribute_group(b, g, e, so); /* so: the sentence of its opening mark */
    g = e;
  }
  b->ctx->lead_in = 0;
  for (; next_sent < b->sents.size; next_sent++)
    if (!comments) spk__indirect(b, &b->sents.contents[next_sent]);
  /* keep the quotes of this paragraph in text order */
  PmQuote *q = b->res->quotes.contents;
  for (uint32_t i = first_quote + 1; i < b->res->quotes.size; i++) {
    PmQuote x = q[i];
    uint32_t j = i;
    while (j > first_quote && q[j - 1].start > x.start) {
      q[j] = q[j - 1];
      j--;
    }
    q[j] = x;
  }
  if (b->n_heading_quotes || b->res->quotes.size > first_quote)
    spk__note_heading_quotes(b, first_quote);
  /* « … “ … ” … »: the quotations nested in this paragraph's (rare) */
  if (b->nested.size) nested__attribute(b);
  /* « L'adjointe …, Sarah Benkhaled, a écrit au recteur. » then « « … »,
   * a-t-elle déclaré »: a paragraph without quotations whose last
   * sentence opens with a named person makes that person the most recent
   * one for pronouns and roles */
  Resolved last_subject;
  last_subject.name[0] = 0;
  if (b->res->quotes.size == first_quote && b->sents.size && b->lid == PM_LANG_FR &&
      !comments && !byline) {
    /* (the last sentence only: a scan of every sentence of every such
     * paragraph cost more than the rule is worth) */
    Resolved ps;
    const Sentence *ls = pm_array_back(&b->sents);
    if ((ls->lex & (W_FIRST_M | W_FIRST_F)) && spk__last_sentence_subject(b, &ps) && ps.gender) {
      ctx__note_speaker(b->ctx, ps.name, ps.gender);
      last_subject = ps;
    }
    /* « Me X avait plaidé … L'avocat n'a pas voulu dire … »: a last
     * sentence about a definite role noun goes on with the person the
     * first one opened with */
    else if (b->sents.size > 1 && (b->sents.contents[0].lex & (W_FIRST_M | W_FIRST_F)) &&
             word(b, ls->start) && (T(b, ls->start)->lex & W_DET) &&
             !spk__indefinite_det(b, ls->start) && word(b, ls->start + 1) &&
             (T(b, ls->start + 1)->lex & W_ROLE) && spk__first_sentence_subject(b, &ps) &&
             ps.gender)
      ctx__note_speaker(b->ctx, ps.name, ps.gender);
    /* « Une résidente …, Sophie Grondin, a demandé … Elle n'a aucun lien
     * avec le conseiller. »: so does a last sentence opening with a
     * subject pronoun of the first one's gender */
    else if (b->sents.size > 1 && (b->sents.contents[0].lex & (W_FIRST_M | W_FIRST_F)) &&
             word(b, ls->start) && (T(b, ls->start)->lex & (W_PRON_M | W_PRON_F)) &&
             !(T(b, ls->start)->lex & (W_PRON_PL | W_DET)) && spk__first_sentence_subject(b, &ps) &&
             ps.gender == ((T(b, ls->start)->lex & W_PRON_F) ? 2 : 1))
      ctx__note_speaker(b->ctx, ps.name, ps.gender);
  }
  if (b->bare_n && b->res->quotes.size == first_quote && b->lid == PM_LANG_FR && !comments &&
      !byline)
    reaction_after(b);
  /* (a French post is signed too: « — Marie Dupont (@mdupont) 3 mars ») */
  if (b->bare_n && b->res->quotes.size == first_quote && !comments)
    post_signature(b);
  /* the cue-less quotation paragraphs a continuation cue may claim */
  if (b->raw.size && !b->ctx->in_comments && bare_paragraph(b, first_quote)) {
    if (!b->bare_n) b->bare_first = first_quote;
    b->bare_n = b->res->quotes.size - b->bare_first;
  } else {
    b->bare_n = 0;
  }
  /* the unnamed person stays the pronouns' referent for this paragraph
   * and the next */
  if (b->ctx->prev_subject.name[0] || b->ctx->prev_subject.gender)
    memset(&b->ctx->prev_subject, 0, sizeof b->ctx->prev_subject);
  if (!comments && b->res->quotes.size == first_quote) note_prev_subject(b);
  /* « Entretien avec Karima Benali-Ortiz, secrétaire fédérale. » in the
   * article's head: the person the interview word names is the one the
   * answers are from, whoever the headline or the lede named first (an
   * organisation, a minister the questions quote) */
  if (b->para_start < 2000 && !byline && !comments) {
    for (uint32_t k = 0; k < b->sents.size; k++) {
      const Sentence *s = &b->sents.contents[k];
      if (!(s->lex & W_INTERVIEW) || !(s->lex & (W_FIRST_M | W_FIRST_F))) continue;
      uint32_t p = spk__interviewee(b, s->start, s->end);
      if (p == NONE) continue;
      uint32_t e = spk__name_end(b, p, s->end);
      ctx__set_person(&b->ctx->interviewee, b->text + T(b, p)->start,
                      T(b, e - 1)->end - T(b, p)->start, spk__name_gender(b, p));
      break;
    }
  }
  if (!b->ctx->interviewee.name[0] && b->ctx->n_people) {
    const CtxPerson *first = ctx__entity(b->ctx, b->ctx->n_people - 1u);
    if (first && strchr(first->name, ' '))
      ctx__set_person(&b->ctx->interviewee, first->name, strlen(first->name), first->gender);
  }
  /* (or, when its first sentence names no one, the person its last one
   * opens with) */
  if (last_subject.name[0] && (!b->ctx->prev_subject.name[0] || !b->ctx->prev_subject.gender))
    ctx__set_person(&b->ctx->prev_subject, last_subject.name, strlen(last_subject.name),
                    last_subject.gender);
  if (b->ctx->anon_last && !--b->ctx->anon_last)
    memset(b->ctx->anon_head, 0, sizeof b->ctx->anon_head);
  /* (a byline or a furniture line between the deck and the body, « Par X -
   * 14 avr. 2031 », « Publié le … », does not age the deck's role) */
  if ((b->n_lede_quotes || b->n_lede_body) && !byline && !furniture_head && ++b->lede_age > 4) {
    b->n_lede_quotes = 0;
    memset(b->lede_role, 0, sizeof b->lede_role);
    b->n_lede_body = 0;
    b->lede_body = 0;
  }
  uint32_t age = b->ctx->last_age + b->sents.size;
  /* capped just past the follow-on limit, so that contexts after an edit
   * converge again within a paragraph or two */
  b->ctx->last_age = (uint8_t)(age > 4 ? 4 : age);
  lead_in(b);
}

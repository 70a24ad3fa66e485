/*
 * layout.c - the parts of a press page around the article's sentences, as
 * the speaker passes need them: a byline ("Par Julien Martel", "By Sam
 * Whitaker") names reporters, never speakers; page furniture ("Publié le
 * …", "Lire aussi : …", "Related: …") reports nothing; a headline quotes
 * words the body attributes ("« Le feu n'est pas fixé » : …" is what the
 * colonel says three paragraphs down).
 *
 * Each test runs once per paragraph, on its first words.
 */
#include <string.h>

#include "analysis/speakers.h"

/* Does the folded start of the paragraph begin with one of `phrases`,
 * followed by a word boundary?  Returns the phrase's length, or 0. */
static size_t starts_with(const Block *b, char *const *phrases, uint32_t np) {
  if (!np || !b->toks.size || !(T(b, 0)->lex & W_LINE_HEAD)) return 0;
  uint32_t s = T(b, 0)->start;
  uint32_t e = b->para_end < s + 48 ? b->para_end : s + 48;
  char f[64];
  /* Most lines that get here differ from every phrase in their first
   * word, or match a short one ("par"): the first bytes are folded
   * first, and the whole 48 only when a longer phrase may match.  The
   * fold of a cut line is the whole line's but maybe for its last two
   * bytes (a ’ or an accented capital cut in the middle): the bytes
   * before them, `sure`, settle any phrase shorter than them. */
  uint32_t n1 = e - s < 16 ? e - s : 16;
  size_t fn = lex__fold(b->text + s, n1, f);
  bool whole = n1 == e - s;
  size_t sure = whole ? fn : fn > 2 ? fn - 2 : 0;
  for (uint32_t i = 0; i < np; i++) {
    const char *p = phrases[i];
    if (p[0] != f[0]) continue;
    size_t pn = strlen(p);
    if (!whole && pn >= sure) {
      if (memcmp(f, p, sure)) continue; /* differs already */
      fn = lex__fold(b->text + s, e - s, f);
      whole = true;
      if (!fn) return 0;
    }
    if (fn > pn && !memcmp(f, p, pn) && !((unsigned char)f[pn] >= 'a' && (unsigned char)f[pn] <= 'z'))
      return pn;
  }
  return 0;
}

bool spk__byline(const Block *b) {
  uint32_t n = b->toks.size;
  if (n < 2 || n > 24 || !(T(b, 0)->flags & TF_CAP)) return false;
  return starts_with(b, b->lx->bylines.contents, b->lx->bylines.size) != 0;
}

bool spk__dot_byline(const Block *b) {
  uint32_t n = b->toks.size;
  if (n < 4 || n > 30 || !(T(b, 0)->flags & TF_CAP)) return false;
  /* "Ana Villeneuve-Hart · CBC News · Posted: Nov 26, 2026": a name, then
   * middle dots between the outlet and the date */
  const char *p = b->text + b->para_start, *z = b->text + b->para_end;
  const char *d = memchr(p, 0xC2, (size_t)(z - p));
  if (!d || d + 1 >= z || (unsigned char)d[1] != 0xB7) return false;
  for (const char *q = d; q + 6 <= z; q++)
    if (q[0] == 'P' && !memcmp(q, "Posted", 6)) return true;
  return false;
}

bool spk__furniture(const Block *b) {
  uint32_t n = b->toks.size;
  if (!n || n > 40) return false;
  size_t pn = starts_with(b, b->lx->boilerplate.contents, b->lx->boilerplate.size);
  if (!pn) return false;
  /* a one-word phrase ("Related", "Publié") only before a colon or a
   * date: "Related to that, we lost 10,000 jobs" is a sentence */
  const char *p = b->text + T(b, 0)->start;
  if (memchr(p, ' ', pn) || memchr(p, '-', pn)) return true;
  for (uint32_t i = 1; i < n && i < 4; i++) {
    if (punct(b, i, ':')) return true;
    if (T(b, i)->kind == T_NUMBER || (word(b, i) && (T(b, i)->lex & W_MONTH))) return true;
  }
  return false;
}

/* A headline or sub-heading: a short paragraph that does not end as a
 * sentence does. */
static bool heading(const Block *b) {
  uint32_t n = b->toks.size;
  if (!n || n > 40) return false;
  uint32_t last = n;
  while (last > 0 && T(b, last - 1)->kind == T_QMARK) last--;
  if (!last) return false;
  const Token *t = T(b, last - 1);
  return !punct_in(t, ".!?:;"); /* strchr's answer, without the call */
}

bool spk__heading_line(const Block *b) { return heading(b); }

/* (an elision ends a word: « un rêve d'enfant » has four, as « un rêve
 * de gamin » has) */
static uint32_t words_in(const Block *b, uint32_t s, uint32_t e) {
  uint32_t n = 0, in = 0;
  for (uint32_t i = s; i < e; i++) {
    bool sp = b->text[i] == ' ' || b->text[i] == '\'' ||
              (i + 2 < e && !memcmp(b->text + i, "\xE2\x80\x99", 3));
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

/* Does the heading open with quotation q, a colon after it ("'We're
 * stuck': Gabriola residents fume")? */
static bool opening_quote(const Block *b, const PmQuote *q) {
  if (!b->toks.size || T(b, 0)->kind != T_QMARK || T(b, 0)->end != q->start) return false;
  uint32_t k = 1;
  while (k < b->toks.size && T(b, k)->start < q->end) k++;
  return k < b->toks.size && T(b, k)->kind == T_QMARK && punct(b, k + 1, ':');
}

void spk__note_heading_quotes(Block *b, uint32_t first_quote) {
  /* the body repeats a headline's words within a screen or two */
  if (b->n_heading_quotes && ++b->heading_age > 24) b->n_heading_quotes = 0;
  if (!heading(b)) return;
  for (uint32_t i = first_quote; i < b->res->quotes.size; i++) {
    const PmQuote *q = &b->res->quotes.contents[i];
    if ((q->kind != PM_QUOTE_QUOTE && q->kind != PM_QUOTE_TERM) || b->n_heading_quotes >= 4)
      continue;
    /* (a follow-on guess from the paragraph before is no cue: « C'est un
     * problème structurel » as a sub-heading is the body's quote) */
    bool cued = q->has_speaker && q->speaker.name && strcmp(q->speaker.how, "colon") &&
                strcmp(q->speaker.how, "follow-on");
    /* « le préfet promet une réponse « sous quinze jours » »: a role the
     * headline leaves unresolved waits for the body's repeat too */
    /* (a deck's "a 'bargain,' says chief" too) */
    bool role = q->has_speaker && !q->speaker.name && q->speaker.mention &&
                strcmp(q->speaker.how, "follow-on");
    if (cued) {
      /* « Kiev dénonce « un mépris total » »: a headline's speaker of one
       * word (a capital, a body, a surname) stands for the person the
       * body names; a full name stays */
      if (strchr(q->speaker.name, ' ')) continue;
    } else if (!role && words_in(b, q->start, q->end) < (b->ctx->prev_para ? 2 : 4) &&
               !opening_quote(b, q)) {
      /* a few words are an echo of the editor's ("très perturbé"); a
       * clause is somebody's, and so are the words a headline opens
       * with before a colon ("'We're stuck': Gabriola residents fume") */
      /* (but a sub-heading's two or three words, « La paix, “condition
       * de tout” », « Le franc, une «double peine» », are cut from a
       * quotation of the body that holds them: heldout47, heldout53) */
      continue;
    } else if (!q->has_speaker && b->lid == PM_LANG_FR) {
      /* « « … » : une pédiatre alerte sur … »: the role noun after the
       * colon waits for the body to name the person */
      uint32_t k = 0;
      while (k < b->toks.size && T(b, k)->start < q->end) k++;
      while (k < b->toks.size && T(b, k)->kind == T_QMARK) k++;
      if (punct(b, k, ':') && spk__indefinite_det(b, k + 1) && word(b, k + 2) &&
          (T(b, k + 2)->lex & W_ROLE) && !(T(b, k + 2)->flags & TF_CAP)) {
        const Token *h = T(b, k + 2);
        char f[64];
        size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
        if (fn && fn < sizeof b->heading_role) {
          memset(b->heading_role, 0, sizeof b->heading_role);
          memcpy(b->heading_role, f, fn);
        }
      }
    }
    b->heading_quotes[b->n_heading_quotes++] = i;
    b->heading_age = 0;
  }
}

void spk__heading_speaker(Block *b, const PmQuote *q) {
  if (!b->n_heading_quotes || !q->speaker.name) return;
  for (uint32_t k = 0; k < b->n_heading_quotes;) {
    PmQuote *h = &b->res->quotes.contents[b->heading_quotes[k]];
    uint32_t hn = h->end - h->start;
    /* ("'bargain,'" for the body's "a bargain.": the comma the heading's
     * syntax put inside the marks is no part of the words) */
    while (hn > 1 && (b->text[h->start + hn - 1] == ',' || b->text[h->start + hn - 1] == '.'))
      hn--;
    bool found = false;
    /* (the heading may capitalise what the body has mid-sentence: « C'est
     * un problème structurel » for « …, alors que c'est un problème
     * structurel », or the other way round: « on trie les patients » in a
     * headline) */
    unsigned char h0 = (unsigned char)b->text[h->start];
    /* (a letter in either case: the byte with the case bit set, one test
     * a byte) */
    unsigned char fold = (h0 | 32) >= 'a' && (h0 | 32) <= 'z' ? 32 : 0, want = h0 | fold;
    if (h != q && hn && hn <= q->end - q->start) {
      if (hn == 1) {
        for (uint32_t i = q->start; i + hn <= q->end && !found; i++)
          found = ((unsigned char)b->text[i] | fold) == want;
      } else {
        /* memchr to each place the heading's second byte (compared as it
         * is) stands, then the first byte before it in either case and the
         * rest: a byte-by-byte scan cost half an instruction a byte of
         * press text */
        const char *hs = b->text + h->start;
        const char *p = b->text + q->start + 1, *last = b->text + q->end - hn + 1;
        while (!found && p <= last && (p = memchr(p, hs[1], (size_t)(last - p) + 1)) != NULL) {
          found = ((unsigned char)p[-1] | fold) == want && !memcmp(p + 1, hs + 2, hn - 2);
          p++;
        }
      }
    }
    /* « Je paie une facture pour rien » over « Je paie une facture tous
     * les deux mois pour de l'eau qui ne coule pas », « On ne sait pas si
     * c'est passager » over « On ne sait pas encore si … »: a sub-heading
     * of five words or more sums up the body quotation that opens with
     * its first four */
    if (!found && h != q) {
      uint32_t w = 0, p4 = 0;
      for (uint32_t i = 0; i < hn && w < 5; i++) {
        bool sp = b->text[h->start + i] == ' ';
        if (sp && i > 0 && b->text[h->start + i - 1] != ' ' && ++w == 4) p4 = i;
      }
      if (w >= 4 && p4 >= 12 && p4 < hn && p4 < q->end - q->start &&
          ((unsigned char)b->text[q->start] | fold) == want &&
          !memcmp(b->text + q->start + 1, b->text + h->start + 1, p4 - 1) &&
          b->text[q->start + p4] == ' ')
        found = true;
    }
    if (!found) {
      k++;
      continue;
    }
    h->has_speaker = true;
    h->kind = PM_QUOTE_QUOTE;
    h->speaker = q->speaker;
    h->speaker.how = "headline";
    h->recalled = true; /* the mention is the body quotation's */
    h->confidence = q->confidence * 0.9;
    b->heading_quotes[k] = b->heading_quotes[--b->n_heading_quotes];
  }
}

void spk__heading_surname(Block *b, uint32_t a, uint32_t z) {
  for (uint32_t k = 0; k < b->n_heading_quotes;) {
    PmQuote *h = &b->res->quotes.contents[b->heading_quotes[k]];
    const char *nm = h->has_speaker ? h->speaker.name : NULL;
    size_t sn = nm && !strchr(nm, ' ') ? strlen(nm) : 0;
    if (sn && z - a > sn + 1 && b->text[z - sn - 1] == ' ' && !memcmp(b->text + z - sn, nm, sn)) {
      h->speaker.name = res__str(b->res, b->text + a, z - a);
      b->heading_quotes[k] = b->heading_quotes[--b->n_heading_quotes];
      continue;
    }
    k++;
  }
}

/* Headline quotation h gets the person the body names at text[a, z), by
 * rule `how` (no verb: no stance). */
static void named_by_body(PmQuote *h, const char *name, uint32_t a, uint32_t z,
                          const char *how, double conf) {
  h->has_speaker = true;
  h->speaker.name = name;
  h->speaker.mention = name;
  h->speaker.start = a;
  h->speaker.end = z;
  h->speaker.how = how;
  h->speaker.stance = PM_STANCE_NONE;
  h->recalled = true; /* the body's words, not the headline's */
  h->confidence = conf;
}

void spk__heading_role_bound(Block *b, const char *f, size_t fn, uint32_t ns, uint32_t ne) {
  if (fn >= sizeof b->heading_role || b->heading_role[fn] || memcmp(b->heading_role, f, fn))
    return;
  memset(b->heading_role, 0, sizeof b->heading_role);
  if (!b->n_heading_quotes || ne - ns < 2) return;
  uint32_t a = T(b, ns)->start, z = T(b, ne - 1)->end;
  const char *name = res__str(b->res, b->text + a, z - a);
  for (uint32_t j = 0; j < b->n_heading_quotes;) {
    PmQuote *h = &b->res->quotes.contents[b->heading_quotes[j]];
    if (h->has_speaker) {
      j++;
      continue;
    }
    h->kind = PM_QUOTE_QUOTE;
    named_by_body(h, name, a, z, "headline-role", 0.6);
    b->heading_quotes[j] = b->heading_quotes[--b->n_heading_quotes];
  }
}

/* A person's name at token k: two capitalised words or more, the first a
 * known first name. */
static bool person_at(const Block *b, uint32_t k, uint32_t hi) {
  return spk__nameish(b, k) && (T(b, k)->lex & (W_FIRST_M | W_FIRST_F)) &&
         spk__name_end(b, k, hi) - k >= 2;
}

uint32_t spk__interviewee(const Block *b, uint32_t from, uint32_t to) {
  if (to > b->toks.size) to = b->toks.size;
  for (uint32_t i = from; i < to; i++) {
    if (!word(b, i) || !(T(b, i)->lex & W_INTERVIEW)) continue;
    /* (« Entretien avec Karima X », « Rencontre avec sa directrice,
     * Nathalie X »: past a short apposition) */
    for (uint32_t k = i + 1; k < to && k < i + 8; k++)
      if (person_at(b, k, b->toks.size)) return k;
    return NONE;
  }
  return NONE;
}

void spk__interview_chapeau(Block *b) {
  if (!b->n_heading_quotes || b->toks.size > 120) return;
  bool interview = false;
  /* (four tokens' classes or-ed a step: most paragraphs have no such
   * word, and this ran over every token of the paragraphs after a
   * headline quotation) */
  const Token *tk = b->toks.contents;
  uint32_t i = 0, n = b->toks.size;
  for (; i + 4 <= n && !((tk[i].lex | tk[i + 1].lex | tk[i + 2].lex | tk[i + 3].lex) & W_INTERVIEW);
       i += 4) {
  }
  for (; i < n && !interview; i++)
    interview = word(b, i) && (T(b, i)->lex & W_INTERVIEW);
  if (!interview) return;
  for (uint32_t k = 0; k < b->toks.size; k++) {
    if (!person_at(b, k, b->toks.size)) continue;
    uint32_t e = spk__name_end(b, k, b->toks.size);
    uint32_t a = T(b, k)->start, z = T(b, e - 1)->end;
    const char *name = res__str(b->res, b->text + a, z - a);
    for (uint32_t j = 0; j < b->n_heading_quotes; j++) {
      /* (not one a name in the headline says: « X « … » »; a follow-on
       * guess from the paragraph before is no cue) */
      PmQuote *h = &b->res->quotes.contents[b->heading_quotes[j]];
      if (!(h->has_speaker && h->speaker.name && strcmp(h->speaker.how, "follow-on")))
        named_by_body(h, name, a, z, "interview", 0.7);
    }
    b->n_heading_quotes = 0;
    return;
  }
}

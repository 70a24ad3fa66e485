/*
 * resolve.c - turns a mention into the full name it stands for: a surname
 * into the name the article gave earlier, a pronoun into the person the
 * paragraph just named or the most recent speaker of its gender, a role
 * noun into the name an apposition bound to it.
 */
#include <string.h>

#include "analysis/speakers.h"

/* Gives r the name s[0..n) (cut to fit). */
static void put_name(Resolved *r, const char *s, size_t n) {
  str__put(r->name, sizeof r->name, 0, s, n);
  r->has_name = true;
}

static bool compatible(int want, int have) {
  return want == 0 || have == 0 || want == have;
}

/* Whether the last word of `name` is token h's word, case folded. */
static bool ends_with_noun(const Block *b, const char *name, uint32_t h) {
  const char *last = strrchr(name, ' ');
  last = last ? last + 1 : name;
  const Token *t = T(b, h);
  size_t n = strlen(last);
  if (n != t->end - t->start) return false;
  for (size_t i = 0; i < n; i++)
    if ((last[i] | 32) != (b->text[t->start + i] | 32)) return false;
  return true;
}

/* The gender the article gave `name` (0 when unknown). */
static int person_gender(const PmContext *ctx, const char *name) {
  const CtxPerson *e = ctx__person(ctx, name);
  return e ? e->gender : 0;
}

/* Chairing something goes with any seat: "Paul Henrion, président de la
 * commission des finances" is still "le député".  Only two offices
 * exclude each other: « le metteur en scène portugais » may well be the
 * festival's director named before. */
static const char *const chairs[] = {"président", "présidente", "chair",
                                     "chairman", "chairwoman", "rapporteur",
                                     "rapporteure", "chef", "head", "leader"};

/* The lexicon entry of the article's role binding i, or NULL for a chair
 * (or a role the lexicon lacks). */
static const LexEntry *seat(const Block *b, size_t i) {
  const char *role = b->ctx->roles[i].role;
  for (size_t k = 0; k < sizeof chairs / sizeof *chairs; k++)
    if (!strcmp(role, chairs[k])) return NULL;
  return lex__get(b->lx, role, strlen(role));
}

/* Does the article bind an office other than a chair (juge, ministre,
 * maire …) to name? */
static bool holds_office(const Block *b, const char *name) {
  const PmContext *ctx = b->ctx;
  for (size_t i = 0; i < CTX_ROLES && ctx->roles[i].role[0]; i++) {
    if (strcmp(ctx->roles[i].name, name)) continue;
    const LexEntry *e = seat(b, i);
    if (e && (e->flags & W_OFFICE)) return true;
  }
  return false;
}

/* Whether `name` holds a role other than `role` and not `role` itself:
 * "Jane Porter, the mayor" is not "the senator", and guessing across that
 * is worse than leaving the speaker unresolved. */
static bool other_role(const Block *b, const char *name, const char *role) {
  const LexEntry *me = lex__get(b->lx, role, strlen(role));
  if (!me || !(me->flags & W_OFFICE)) return false;
  const PmContext *ctx = b->ctx;
  bool other = false;
  for (size_t i = 0; i < CTX_ROLES && ctx->roles[i].role[0]; i++) {
    if (strcmp(ctx->roles[i].name, name)) continue;
    if (!strcmp(ctx->roles[i].role, role)) return false;
    const LexEntry *e = seat(b, i);
    if (e && (e->flags & W_OFFICE)) other = true;
    /* ("Margaret Ellis, a retired nurse" is not "the chancellor": in
     * English an occupation the article gave is another seat too) */
    if (e && b->lid == PM_LANG_EN && (e->flags & W_ROLE) && !(e->flags & W_ROLE_GENERIC))
      other = true;
  }
  return other;
}

/* "National Oceanic and Atmospheric Administration", "British Antarctic
 * Survey": a name with a lowercase word, ending in an institution noun, or
 * of three words or more that open with no known first name is an
 * organisation, never "he" or "she".  Asked only while a pronoun is
 * resolved. */
static bool organisation(const Block *b, const char *name) {
  /* "Environment Canterbury (ECan)": a name given an acronym in brackets */
  for (size_t i = 0; i < CTX_ALIASES && b->ctx->aliases[i].acr[0]; i++)
    if (!strcmp(b->ctx->aliases[i].name, name)) return true;
  const char *last = name;
  int words = 1;
  for (const char *p = name; *p; p++)
    if (*p == ' ') {
      if (p[1] >= 'a' && p[1] <= 'z') return true;
      last = p + 1;
      words++;
    }
  char f[64];
  size_t n = strlen(last), fn;
  if (!n || n >= 64) return false;
  /* "the Crown argued …": a one-word name that is no known first name
   * was never given as a person's full name */
  if (last == name) {
    fn = lex__fold(name, n, f);
    const LexEntry *e = fn ? lex__get(b->lx, f, fn) : NULL;
    return !(e && (e->flags & (W_FIRST_M | W_FIRST_F)));
  }
  fn = lex__fold(last, n, f);
  const LexEntry *e = fn ? lex__get(b->lx, f, fn) : NULL;
  if (e && (e->flags & (W_INSTITUTION | W_ORG_LAST))) return true;
  if (words < 3) return false;
  const char *sp = strchr(name, ' ');
  fn = (size_t)(sp - name) < 64 ? lex__fold(name, (size_t)(sp - name), f) : 0;
  e = fn ? lex__get(b->lx, f, fn) : NULL;
  return !(e && (e->flags & (W_FIRST_M | W_FIRST_F)));
}

/* The speaker of the last quotation in marks inside sentence s, when the
 * article gave it a name that may take a pronoun of `gender`. */
static bool quote_subject(const Block *b, const Sentence *s, int gender, Resolved *out) {
  uint32_t a = T(b, s->start)->start, z = T(b, s->end - 1)->end;
  for (size_t i = b->res->quotes.size, n = 0; i-- > 0 && n < 4; n++) {
    const PmQuote *q = &b->res->quotes.contents[i];
    if (q->start >= z) continue;
    if (q->start < a) break;
    if (q->kind == PM_QUOTE_INDIRECT || !q->has_speaker || !q->speaker.name) continue;
    const char *nm = q->speaker.name;
    if (!compatible(gender, person_gender(b->ctx, nm)) || organisation(b, nm) ||
        strlen(nm) >= sizeof out->name)
      return false;
    memset(out, 0, sizeof *out);
    put_name(out, nm, strlen(nm));
    out->gender = person_gender(b->ctx, nm);
    out->suffix = "+pronoun";
    out->conf = 0.85;
    return true;
  }
  return false;
}

static const CtxPerson *recent_compatible(const Block *b, int gender) {
  const PmContext *ctx = b->ctx;
  bool person = gender == 1 || gender == 2;
  /* A recent speaker of the pronoun's gender beats a more recent one of
   * unknown gender ("Sarah Jones … Dr. Amir Patel … she said"). */
  /* …unless that more recent one spoke just before: "'…,' Rinaldi said."
   * then "He said he would ask the league" is still Paolo Rinaldi */
  if (person && ctx->recent[0].name[0] && !ctx->recent[0].gender &&
      ctx->last_age < 4 && !strcmp(ctx->recent[0].name, ctx->last_speaker.name) &&
      !organisation(b, ctx->recent[0].name))
    return &ctx->recent[0];
  if (person)
    for (size_t i = 0; i < 4 && ctx->recent[i].name[0]; i++)
      if (ctx->recent[i].gender == gender) return &ctx->recent[i];
  for (size_t i = 0; i < CTX_RECENT && ctx->recent[i].name[0]; i++)
    if (compatible(gender, ctx->recent[i].gender) &&
        !(person && !ctx->recent[i].gender && organisation(b, ctx->recent[i].name)))
      return &ctx->recent[i];
  const CtxPerson *e;
  for (size_t i = 0; (e = ctx__entity(ctx, i)) != NULL && e->name[0]; i++)
    if (compatible(gender, e->gender) && strchr(e->name, ' ')) return e;
  return NULL;
}

/* The person a paragraph last put in subject position before token `upto`:
 * per sentence, latest first, a name that opens it (only determiners, role
 * nouns, complements and commas before it; no pronoun, verb or quotation)
 * and is a person: two words, a known first name or part of a known name.
 * "Élisabeth Borne répond. « … », a-t-elle déclaré" means her, even when
 * an older speaker of the same gender is on record. */
static bool local_subject_from(Block *b, uint32_t upto, int gender, Resolved *out,
                               uint32_t first_si);

/* « Une promesse qui laisse Martine Vasseur sceptique. « … », soupire-t-
 * elle »: the one person the sentence before (in this paragraph) names in
 * full, outside quotations, with a first name of the pronoun's gender,
 * is the pronoun's referent, wherever the name stands in that sentence
 * (before the last speaker of that gender). */
/* « Le juge en chef Robert Leurer-Dufour l'a interrompu »: a name right
 * after the role phrase opening a sentence (its complement between, no
 * verb) is the role's holder, the subject, not a name in the object. */
static bool role_then_name(const Block *b, uint32_t k, uint32_t end) {
  for (uint32_t j = k; j < end && j < k + 4; j++) {
    if (!word(b, j)) return false;
    if (spk__nameish(b, j)) return true;
    /* (« en chef »: en is a preposition here, not the clitic) */
    if ((T(b, j)->lex & (W_AUX | W_SPEECH | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL)) &&
        !(T(b, j)->lex & W_PREP))
      return false;
  }
  return false;
}

static bool named_before(Block *b, uint32_t at, int gender, bool loose, bool past_quote,
                         Resolved *out) {
  if (((gender != 1 && gender != 2) && !loose) || !b->sents.size || at >= b->toks.size) return false;
  uint32_t si = spk__sentence_of(b, at);
  /* « « On en a vu d'autres. En 2012, il avait plu », sourit le
   * retraité »: for a role noun, the sentence before is the one before
   * the quotation, not a sentence of the quotation */
  while (past_quote && si > 0 && spk__in_quote(b, b->sents.contents[si].start)) si--;
  if (si == 0) return false;
  /* « « Josée, c'est la première. Là, c'est à notre tour », a-t-elle
   * écrit »: the sentences of the quotation being attributed name no one
   * the pronoun stands for; the sentence before them does */
  for (int steps = 0; steps < 3 && si > 1; steps++) {
    const Sentence *q = &b->sents.contents[si - 1];
    if (T(b, q->start)->kind != T_QMARK && !spk__in_quote(b, q->start)) break;
    si--;
  }
  const Sentence *s = &b->sents.contents[si - 1];
  /* « Le technicien a tenu à protéger son capitaine, Kylian Mbassi. « … . …
   * », a-t-il justifié »: when that sentence's subject is a definite role
   * noun, the name in its object is not the pronoun's referent */
  if (!past_quote && s->end > s->start + 2 && word(b, s->start) &&
      (T(b, s->start)->lex & W_DET) && !spk__indefinite_det(b, s->start) &&
      word(b, s->start + 1) && (T(b, s->start + 1)->lex & W_ROLE) &&
      !(T(b, s->start + 1)->flags & TF_CAP) &&
      compatible(gender, spk__role_gender(b, s->start + 1)) &&
      !role_then_name(b, s->start + 2, s->end))
    return false;
  uint32_t found = NONE, fe = 0;
  bool found_comp = false;
  for (uint32_t k = s->start; k < s->end; k++) {
    const Token *t = T(b, k);
    if (t->kind != T_WORD || !(t->flags & TF_CAP) || !spk__nameish(b, k) || spk__in_quote(b, k))
      continue;
    uint32_t e = spk__name_end(b, k, s->end);
    /* a first name and a surname, or an honorific and a name ("Doctors
     * say Mr Pryce is expected to …") */
    uint32_t h = k > s->start && punct(b, k - 1, '.') ? k - 1 : k;
    int g = 0;
    if (h > s->start && word(b, h - 1) && (T(b, h - 1)->lex & W_HONORIFIC))
      g = spk__honorific_gender(b, h - 1);
    else if (e >= k + 2 || (k > s->start && !(T(b, k - 1)->flags & TF_CAP)))
      g = spk__name_gender(b, k); /* (or a first name alone: « son fils Baptiste ») */
    /* « la députée néo-démocrate Jenny Roy »: an unknown first name takes
     * the gender of the article of the role noun before it (a full name:
     * one word after a role is its party, « le candidat Renaissance ») */
    bool role = false;
    for (uint32_t j = k; b->lid == PM_LANG_FR && !g && e >= k + 2 && j > s->start && j + 4 > k; j--) {
      const Token *u = T(b, j - 1);
      if (u->kind != T_WORD || (u->flags & TF_CAP)) break;
      if (u->lex & W_ROLE) role = true;
      if ((u->lex & W_DET) && role) {
        g = folded_is(b, j - 1, "la") ? 2 : folded_is(b, j - 1, "le") ? 1 : 0;
        break;
      }
    }
    /* (loose, for « le Danois »: a full name of unknown gender too) */
    if (g == gender || (loose && !g && e >= k + 2)) {
      /* « par une amie de Mme Bérubé, Karine Lussier »: a name after a
       * preposition completes a noun; the one name that does not is
       * the person meant */
      uint32_t hb = h > s->start && word(b, h - 1) && (T(b, h - 1)->lex & W_HONORIFIC) ? h - 1 : h;
      bool comp = hb > s->start && word(b, hb - 1) && (T(b, hb - 1)->lex & W_PREP) &&
                  !(T(b, hb - 1)->flags & TF_CAP);
      if (found != NONE) {
        if (comp && !found_comp) {
          k = e - 1;
          continue;
        }
        if (comp == found_comp) return false; /* two of them: no guess */
      }
      found = k;
      fe = e;
      found_comp = comp;
    }
    k = e - 1;
  }
  if (found == NONE) return false;
  const char *name = b->text + T(b, found)->start;
  size_t n = spk__name_text_end(b, fe) - T(b, found)->start;
  /* "Mr Pryce": the full name the article gave */
  const CtxPerson *full = fe == found + 1 ? ctx__entity_by_part(b->ctx, name, n) : NULL;
  if (full) {
    name = full->name;
    n = strlen(full->name);
  }
  if (n >= sizeof out->name) return false;
  put_name(out, name, n);
  out->gender = gender;
  return true;
}

static bool occurs(const char *text, uint32_t from, uint32_t to, const char *name);

/* Token k is a noun of kin: père, mère, frère, sœur, fils, fille, mari,
 * épouse, femme. */
static bool kin_noun(const Block *b, uint32_t k) {
  static const char *const kin[] = {"père", "mère", "frère", "sœur", "fils", "fille",
                                    "mari", "épouse", "femme"};
  if (!word(b, k) || (T(b, k)->flags & TF_CAP)) return false;
  for (size_t i = 0; i < sizeof kin / sizeof *kin; i++)
    if (folded_is(b, k, kin[i])) return true;
  return false;
}

/* The one person among those the article named, other than `name`,
 * whose name ends with the same surname (the words after the first) and
 * whose gender is not other than g; NULL when none or several. */
static const CtxPerson *relative_of(const Block *b, const char *name, int g) {
  const char *sur = strchr(name, ' ');
  if (!sur || !sur[1]) return NULL;
  size_t sn = strlen(sur);
  const CtxPerson *e, *found = NULL;
  for (size_t i = 0; i < CTX_ENTITIES && (e = ctx__entity(b->ctx, i)) != NULL && e->name[0]; i++) {
    size_t n = strlen(e->name);
    if (n <= sn || strcmp(e->name + n - sn, sur) || !strcmp(e->name, name) ||
        (e->gender && e->gender != g))
      continue;
    if (found) return NULL;
    found = e;
  }
  return found;
}

/* The person last named in full who has not spoken yet, among the last
 * four the article named (speakers named later move up the list). */
static const CtxPerson *unspoken(const Block *b) {
  const CtxPerson *e;
  for (size_t i = 0; i < 4 && (e = ctx__entity(b->ctx, i)) != NULL && e->name[0]; i++) {
    bool spoke = false;
    for (size_t k = 0; k < CTX_RECENT && b->ctx->recent[k].name[0] && !spoke; k++)
      spoke = !strcmp(b->ctx->recent[k].name, e->name);
    if (!spoke) return strchr(e->name, ' ') ? e : NULL;
  }
  return NULL;
}

/* Whether the unbound role noun rm, opening the sentence [from, lim),
 * stands between a pronoun of `gender` and the last speaker of that
 * gender: the role is an office, that speaker holds a seat the role is
 * not, and the sentence names no one by a first name. */
static bool role_blocks(Block *b, const Mention *rm, uint32_t from, uint32_t lim, int gender) {
  /* (an office, one holder at a time: « l'écrivaine », « le syndicaliste »
   * describe the last speaker as often as not) */
  if (!(T(b, rm->head)->lex & W_OFFICE)) return false;
  for (uint32_t k = from; k < lim; k++)
    if (word(b, k) && (T(b, k)->flags & TF_CAP) && (T(b, k)->lex & (W_FIRST_M | W_FIRST_F)))
      return false;
  for (size_t i = 0; i < CTX_RECENT && b->ctx->recent[i].name[0]; i++) {
    const CtxPerson *p = &b->ctx->recent[i];
    if (!compatible(gender, p->gender)) continue;
    return spk__role_other_seat(b, rm->head, p->name);
  }
  return false;
}

static bool local_subject(Block *b, uint32_t upto, int gender, Resolved *out) {
  return local_subject_from(b, upto, gender, out, 0);
}

/* local_subject over the sentences from index first_si on only. */
static bool local_subject_from(Block *b, uint32_t upto, int gender, Resolved *out,
                               uint32_t first_si) {
  if (!b->sents.size || upto == 0) return false;
  for (uint32_t si = spk__sentence_of(b, upto - 1) + 1; si-- > first_si;) {
    const Sentence *s = &b->sents.contents[si];
    uint32_t lim = s->end < upto ? s->end : upto;
    /* "Une habitante de Wizernes … dit avoir tout perdu. « … »,
     * souffle-t-elle": an unnamed person opening a sentence takes the
     * pronoun, and leaves it unresolved */
    /* "The senator brushed off questions. "…," she said": a definite role
     * noun opening a sentence is the pronoun's referent, resolved as a
     * role */
    /* (« D'ici là, le ministre de l'Économie entend … »: past a short
     * opening adverbial and its comma) */
    uint32_t rs = s->start;
    if (gender && b->lid == PM_LANG_FR && lim > rs + 4 && !(T(b, rs)->lex & W_DET))
      for (uint32_t k = rs + 1; k < rs + 4 && k + 2 < lim; k++) {
        if (punct(b, k, ',')) {
          rs = k + 1;
          break;
        }
        if (!word(b, k) || (T(b, k)->flags & TF_CAP) || (T(b, k)->lex & (W_ROLE | W_SPEECH)))
          break;
      }
    /* (« Le Premier ministre, lui, … »: a capitalised first word of a
     * synonym before the head) */
    uint32_t rh = rs + 1;
    if (gender && b->lid == PM_LANG_FR && lim > rs + 2 && word(b, rh) && (T(b, rh)->flags & TF_CAP) &&
        (T(b, rh)->lex & W_SYN_HEAD) && !(T(b, rh)->lex & W_ROLE) && word(b, rh + 1) &&
        (T(b, rh + 1)->lex & W_ROLE))
      rh++;
    if (gender && lim > rh && word(b, rs) && (T(b, rs)->lex & W_DET) &&
        !spk__indefinite_det(b, rs) && word(b, rh) &&
        (T(b, rh)->lex & W_ROLE) && !(T(b, rh)->flags & TF_CAP) &&
        !spk__in_quote(b, rs)) {
      Mention rm;
      memset(&rm, 0, sizeof rm);
      rm.type = M_ROLE;
      rm.head = rh;
      rm.ts = rs;
      rm.te = rh + 1;
      rm.gender = (T(b, rm.head)->lex & W_ROLE_F) ? 2 : 0;
      if (folded_is(b, rs, "la")) rm.gender = 2;
      else if (folded_is(b, rs, "le")) rm.gender = 1;
      if (compatible(gender, rm.gender)) {
        bool keyed = false;
        const char *nm = spk__role_name(b, rm.head, &keyed);
        if (nm && compatible(gender, person_gender(b->ctx, nm))) {
          memset(out, 0, sizeof *out);
          put_name(out, nm, strlen(nm));
          out->gender = gender;
          out->suffix = "+pronoun";
          out->conf = 0.8;
          return true;
        }
        /* « L'évêque de Saint-Flour, arrivé en 2025, a choisi de
         * s'exprimer … « … », y écrit-il »: an unbound role is the person
         * named just before who has not spoken yet, as the role alone
         * would resolve, rather than an older speaker of the pronoun's
         * gender */
        /* (not a generic « le magistrat », and not someone this
         * paragraph names from the role on: « Le technicien a tenu à
         * protéger son capitaine, Kylian Mbassi ») */
        const CtxPerson *fresh = !nm && b->lid == PM_LANG_FR &&
                                 !(T(b, rm.head)->lex & W_ROLE_GENERIC) ? unspoken(b) : NULL;
        if (fresh && (!fresh->gender || !compatible(gender, fresh->gender) ||
                      !compatible(rm.gender, fresh->gender)))
          fresh = NULL;
        char hf[64];
        size_t hn = fresh ? lex__fold(b->text + T(b, rm.head)->start,
                                      T(b, rm.head)->end - T(b, rm.head)->start, hf)
                          : 0;
        /* (only when the last speaker cannot hold the role: « L'entraîneur
         * lensois … s'est-il contenté de répondre » after the coach spoke) */
        const CtxPerson *last = &b->ctx->recent[0];
        if (hn && last->name[0] && compatible(gender, last->gender) &&
            !other_role(b, last->name, hf))
          hn = 0;
        if (hn && !other_role(b, fresh->name, hf) &&
            !occurs(b->text, T(b, rs)->start, b->para_end, fresh->name)) {
          memset(out, 0, sizeof *out);
          put_name(out, fresh->name, strlen(fresh->name));
          out->gender = fresh->gender;
          out->suffix = "+pronoun";
          out->conf = 0.7;
          return true;
        }
        /* « Le Premier ministre, lui, s'est tenu à l'écart. …, il avait
         * estimé que … »: a specific role noun the article named no one
         * for opens the sentence: the pronoun is that unnamed person,
         * not an older speaker of its gender */
        /* (only when the speaker the pronoun would otherwise take holds
         * another seat, and no first name stands in the sentence) */
        if (!nm && b->lid == PM_LANG_FR && !(T(b, rm.head)->lex & W_ROLE_GENERIC) &&
            role_blocks(b, &rm, s->start, lim, gender)) {
          memset(out, 0, sizeof *out);
          out->gender = gender;
          out->suffix = "+pronoun";
          out->conf = 0.6;
          return true;
        }
      }
    }
    /* « Le Danois, lui, a concédé … « … », a-t-il assuré »: a demonym
     * opening the sentence, resolved as a role noun */
    if (gender && b->lid == PM_LANG_FR && lim > s->start + 2 && !spk__in_quote(b, s->start)) {
      Mention dm;
      memset(&dm, 0, sizeof dm);
      if (spk__demonym_role(b, s->start, &dm)) {
        Resolved dr = spk__resolve(b, &dm);
        if (dr.has_name && compatible(gender, person_gender(b->ctx, dr.name))) {
          *out = dr;
          out->gender = gender;
          out->suffix = "+pronoun";
          out->conf = 0.7;
          return true;
        }
      }
    }
    if (gender && lim > s->start + 1 && spk__indefinite_person(b, s->start, lim) &&
        !spk__in_quote(b, s->start)) {
      const Token *d = T(b, s->start);
      uint32_t dn = d->end - d->start;
      int g = dn == 3 && (b->text[d->start] | 32) == 'u' ? 2
              : dn == 2 && (b->text[d->start] | 32) == 'u' ? 1 : 0;
      if (compatible(gender, g)) {
        memset(out, 0, sizeof *out);
        out->suffix = "+pronoun";
        out->conf = 0.6;
        /* « Un politologue de l'Université Laval, Éric Montigny-Bédard,
         * doute … »: the apposition names the person after all */
        for (uint32_t k = s->start + 2; k + 2 < lim && k < s->start + 12; k++) {
          if (!punct(b, k, ',')) {
            if (T(b, k)->kind != T_WORD) break;
            continue;
          }
          uint32_t e = spk__nameish(b, k + 1) ? spk__name_end(b, k + 1, lim) : k + 1;
          if (e - (k + 1) >= 2 && punct(b, e, ',') && !spk__in_quote(b, k + 1)) {
            uint32_t a = T(b, k + 1)->start, z = T(b, e - 1)->end;
            int ng = spk__name_gender(b, k + 1);
            if (z - a < sizeof out->name && compatible(gender, ng)) {
              put_name(out, b->text + a, z - a);
              out->gender = ng;
              out->conf = 0.8;
            }
          }
          break;
        }
        return true;
      }
    }
    /* « Ma mère l'a lu en une nuit. … elle m'a dit : »: a possessive and
     * a kin or neighbour noun opening a sentence is an unnamed person,
     * who takes the pronoun and leaves it unresolved */
    if (gender && lim > s->start + 2 && word(b, s->start) && word(b, s->start + 1) &&
        (T(b, s->start)->lex & W_DET) && (T(b, s->start + 1)->lex & W_PERSONAL) &&
        !(T(b, s->start + 1)->flags & TF_CAP) && !punct(b, s->start + 2, ',') &&
        !spk__in_quote(b, s->start)) {
      int g = folded_is(b, s->start, "ma") || folded_is(b, s->start, "sa") ||
              folded_is(b, s->start, "ta") || folded_is(b, s->start, "la") ? 2
              : folded_is(b, s->start, "mon") || folded_is(b, s->start, "son") ||
                folded_is(b, s->start, "ton") || folded_is(b, s->start, "le") ? 1 : 0;
      if (g && g == gender) {
        memset(out, 0, sizeof *out);
        out->suffix = "+pronoun";
        out->conf = 0.6;
        /* « Kévin Le Floc'h … « … », dit le jeune homme. » then « Son
         * père l'écoute. « … », glisse-t-il »: the one other person of
         * the last speaker's surname the article named is that relative */
        if (folded_is(b, s->start, "son") || folded_is(b, s->start, "sa")) {
          const CtxPerson *kin = relative_of(b, b->ctx->recent[0].name, g);
          if (kin) put_name(out, kin->name, strlen(kin->name));
        }
        return true;
      }
    }
    uint32_t k0 = s->start;
    /* « C'est mon éditrice, Claire Aubert, qui m'a relancée »: a cleft */
    if (lim > k0 + 3 && (b->text[T(b, k0)->start] | 32) == 'c' &&
        T(b, k0)->end - T(b, k0)->start <= 4 &&
        (folded_is(b, k0, "c'") || folded_is(b, k0, "ce")) &&
        (folded_is(b, k0 + 1, "est") || folded_is(b, k0 + 1, "était") ||
         folded_is(b, k0 + 1, "sont") || folded_is(b, k0 + 1, "étaient")))
      k0 += 2;
    /* « Joint par téléphone, Loïc Guénolé, chercheur …, évoque … »: the
     * subject stands after an opening participle and its comma */
    else if (b->lid == PM_LANG_FR) k0 = spk__past_participle_opener(b, k0, lim);
    for (uint32_t k = k0; k < lim && k < s->start + 24; k++) {
      const Token *t = T(b, k);
      if (t->kind == T_QMARK || spk__in_quote(b, k)) {
        /* ""It's a start," said Niki Ashworth, the NDP's critic. She
         * said …": a sentence that opens with a quotation has its
         * speaker as subject, once that quotation is attributed */
        if (k == s->start && (gender == 1 || gender == 2) &&
            quote_subject(b, s, gender, out))
          return true;
        break;
      }
      /* ("Mrs. Vance said": the period of an abbreviation goes on) */
      if (t->kind == T_PUNCT && t->ch != ',' && t->ch != '-' &&
          !(t->ch == '.' && k > s->start && word(b, k - 1) &&
            (T(b, k - 1)->lex & (W_HONORIFIC | W_ABBREV))))
        break;
      if (t->kind != T_WORD) continue;
      /* « Me Patrick Ouellet »: the lawyer's title is no pronoun me */
      if ((t->flags & TF_CAP) && (t->lex & W_HONORIFIC) && k + 1 < lim && spk__nameish(b, k + 1))
        continue;
      if (!spk__nameish(b, k)) {
        /* "Jeudi midi, Vasseur s'est montré …": a date opens it */
        /* « Même son de cloche chez l'entraîneur, X. »: an adverb may
         * open the sentence */
        /* « Parmi elles, Samia, 52 ans, … »: nor does a pronoun after a
         * preposition */
        if ((t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_AUX | W_SPEECH |
                       W_FIRST_PERSON | W_QUE)) && !(t->lex & (W_DET | W_MONTH)) &&
            !(k == s->start && (t->lex & W_AUX) &&
              !(t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_SPEECH | W_FIRST_PERSON | W_QUE))) &&
            !(k > s->start && (t->lex & W_PRON_OBJ) && word(b, k - 1) &&
              (T(b, k - 1)->lex & W_PREP)) &&
            /* « À Sainte-Anne-des-Monts, en Gaspésie, la coordonnatrice
             * …, Nancy Pelletier, »: « en » before a place is a
             * preposition, not the pronoun of « il en a parlé » */
            !((t->lex & W_PREP) && k + 1 < lim && spk__nameish(b, k + 1)) &&
            /* « Interrogé sur …, St-Louis-Fortin a laissé planer le
             * doute »: a participle opening the sentence */
            !(k == s->start && b->lid == PM_LANG_FR && (t->lex & W_SPEECH) && (t->flags & TF_CAP) &&
              !(t->lex & (W_PRON_M | W_PRON_F | W_PRON_PL | W_FIRST_PERSON))))
          break;
        continue;
      }
      uint32_t e = spk__name_end(b, k, lim);
      /* ("Tenant Rhonda Klassen": the noun is no part of the name) */
      if (e - k >= 3 && (t->lex & W_ANON) && !(t->lex & (W_FIRST_M | W_FIRST_F)) &&
          b->lid == PM_LANG_EN)
        k++;
      /* "Lumora Chief Executive Tom Hadley": a name before a role noun
       * qualifies it; the person is the name after */
      if (word(b, e) && (T(b, e)->lex & W_ROLE) && !(T(b, e)->lex & (W_FIRST_M | W_FIRST_F))) {
        k = e;
        continue;
      }
      {
        /* "Ortega's daughter, Elena,": the possessor is not the subject */
        const char *z0 = b->text + T(b, e - 1)->end;
        if ((T(b, e - 1)->end + 2 <= b->len && (z0[0] == '\'' && z0[1] == 's')) ||
            (T(b, e - 1)->end + 4 <= b->len && !memcmp(z0, "\xE2\x80\x99s", 4))) {
          k = e - 1;
          continue;
        }
      }
      /* (« de la rue Rachel »: nor is a place's name; nor « À Moscou, »
       * opening the sentence) */
      if (k > s->start && word(b, k - 1) && (T(b, k - 1)->lex & (W_PREP | W_SOURCE | W_PLACE)) &&
          (!(T(b, k - 1)->flags & TF_CAP) ||
           (k - 1 == s->start && !(T(b, k - 1)->lex & W_SOURCE) && punct(b, e, ',')))) {
        k = e - 1;
        continue;
      }
      if (k > s->start + 1 && word(b, k - 1) && (T(b, k - 1)->lex & W_DET) &&
          word(b, k - 2) && (T(b, k - 2)->lex & W_PREP)) {
        k = e - 1;
        continue;
      }
      uint32_t a = T(b, k)->start, z = spk__name_text_end(b, e);
      const CtxPerson *p = e - k == 1 ? ctx__entity_by_part(b->ctx, b->text + a, z - a) : NULL;
      int g = p ? p->gender : spk__name_gender(b, k);
      if (!p && !g && z - a < CTX_NAME) {
        /* "Le préfet du Rhône, Orin Valcke,": the gender an apposition
         * gave the full name */
        char key[CTX_NAME];
        memcpy(key, b->text + a, z - a);
        key[z - a] = 0;
        const CtxPerson *full = ctx__person(b->ctx, key);
        if (full) g = full->gender;
      }
      bool person = p || (e - k >= 2 && !(T(b, k)->flags & TF_ALLCAP)) ||
                    (T(b, k)->lex & (W_FIRST_M | W_FIRST_F));
      if (!person) {
        k = e - 1;
        continue;
      }
      if (!compatible(gender, g)) break;
      /* A name of unknown gender stands for il/she only close by (the
       * sentences of the quotation being attributed do not part them:
       * « L'épidémiologiste Craig X … « … . … », estime-t-il ») */
      if (g == 0 && (gender == 1 || gender == 2)) {
        uint32_t cur = spk__sentence_of(b, upto - 1), x = si + 1;
        while (x < cur && x < si + 5 &&
               (T(b, b->sents.contents[x].start)->kind == T_QMARK ||
                spk__in_quote(b, b->sents.contents[x].start)))
          x++;
        if (x < cur) return false;
      }
      memset(out, 0, sizeof *out);
      if (p) put_name(out, p->name, strlen(p->name));
      else put_name(out, b->text + a, z - a);
      out->gender = g;
      out->suffix = "+pronoun";
      out->conf = 0.85;
      return true;
    }
  }
  return false;
}

bool spk__paragraph_subject(Block *b, uint32_t upto, Resolved *out) {
  return local_subject(b, upto, 0, out) && out->has_name;
}

bool spk__sentence_subject(Block *b, uint32_t si, uint32_t upto, Resolved *out) {
  return si < b->sents.size && upto > b->sents.contents[si].start &&
         local_subject_from(b, upto, 0, out, si) && out->has_name;
}

bool spk__last_sentence_subject(Block *b, Resolved *out) {
  return b->sents.size &&
         local_subject_from(b, pm_array_back(&b->sents)->end, 0, out, b->sents.size - 1) &&
         out->has_name;
}

bool spk__first_sentence_subject(Block *b, Resolved *out) {
  return b->sents.size && local_subject_from(b, b->sents.contents[0].end, 0, out, 0) &&
         out->has_name;
}

static bool occurs(const char *text, uint32_t from, uint32_t to, const char *name) {
  size_t n = strlen(name);
  for (uint32_t i = from; i + n <= to; i++)
    if (text[i] == name[0] && !memcmp(text + i, name, n)) return true;
  return false;
}

/* The person named last before byte `pos` who has not spoken yet: "Une
 * promesse qui laisse sceptique Julien Bayou. Pour le député écologiste,
 * « … »" means him, not the minister quoted before.  NULL when the last
 * named person already spoke, or is named only after pos in this
 * paragraph (entities are noted for the whole paragraph up front). */
static const CtxPerson *newcomer(const Block *b, uint32_t pos) {
  /* « En face, l'entraîneur nantais Grégory Lemaître savourait. « … »,
   * s'est réjoui le coach. Il a salué son gardien, Noah Guérin »: a
   * person the paragraph names only after pos is passed over for the
   * one named before it (up to two of them) */
  for (size_t k = 0; k < 3; k++) {
    const CtxPerson *e = ctx__entity(b->ctx, k);
    if (!e || !e->name[0] || !strchr(e->name, ' ')) return NULL;
    for (size_t i = 0; i < CTX_RECENT && b->ctx->recent[i].name[0]; i++)
      if (!strcmp(b->ctx->recent[i].name, e->name)) return NULL;
    if (!occurs(b->text, pos, b->para_end, e->name) ||
        occurs(b->text, b->para_start, pos, e->name))
      return e;
  }
  return NULL;
}

/* « Du côté de la CGT, on dénonce … », « Chez Renault, on assure … »:
 * an impersonal or plural pronoun speaks for the organisation the
 * sentence opens with (a capitalised name, then a comma). */
/* The institution named at token k (« Bercy », « Matignon »: a capital
 * the lexicon knows as an institution) put in r; false when k is none. */
static bool place_org(Block *b, uint32_t k, Resolved *r) {
  if (!word(b, k) || !(T(b, k)->flags & TF_CAP) || !(T(b, k)->lex & W_INSTITUTION)) return false;
  Mention pm;
  memset(&pm, 0, sizeof pm);
  pm.type = M_NAME;
  pm.ns = pm.ts = k;
  pm.ne = pm.te = k + 1;
  Resolved o = spk__resolve(b, &pm);
  if (!o.has_name) return false;
  memcpy(r->name, o.name, sizeof r->name);
  r->has_name = true;
  r->suffix = "+organisation";
  r->conf = 0.7;
  return true;
}

static void side_org(Block *b, const Mention *m, Resolved *r) {
  /* (« …, indique-t-on à Bercy, où l'on précise que … » stays unnamed:
   * heldout10's annotation gives it no speaker) */
  const Sentence *s = &b->sents.contents[spk__sentence_of(b, m->ts)];
  uint32_t k = s->start;
  if (k + 2 >= m->ts || !word(b, k)) return;
  /* « À Bercy, on indique … », « À Matignon, on assure … »: a place that
   * names an institution (the lexicon's) stands for it */
  if (folded_is(b, k, "à") && punct(b, k + 2, ',')) {
    place_org(b, k + 1, r);
    return;
  } else if (k + 3 < m->ts && folded_is(b, k, "du") && folded_is(b, k + 1, "côté") &&
             word(b, k + 2) && (T(b, k + 2)->lex & W_PREP))
    k += 3;
  /* (« Chez Carrelis, on indique que … »: one word may name it) */
  else if (folded_is(b, k, "chez") || folded_is(b, k, "côté"))
    k += 1;
  else
    return;
  if (word(b, k) && (T(b, k)->lex & W_DET) && !(T(b, k)->flags & TF_CAP)) k++;
  if (k >= m->ts) return;
  uint32_t e;
  if (!spk__nameish(b, k)) {
    /* « Du côté du ministère des Ressources naturelles et des Forêts, »:
     * an institution noun whose complement holds a capitalised word,
     * up to the comma */
    if (!word(b, k) || (T(b, k)->flags & TF_CAP) || !(T(b, k)->lex & W_INSTITUTION)) return;
    bool cap = false;
    for (e = k + 1; e < m->ts && e < k + 10 && word(b, e); e++)
      if (T(b, e)->flags & TF_CAP) cap = true;
    if (!cap || !punct(b, e, ',')) return;
  } else {
    e = spk__name_end(b, k, m->ts);
  }
  /* « la Confédération paysanne »: a lowercase adjective closes it */
  if (e + 1 < m->ts && word(b, e) && !(T(b, e)->flags & TF_CAP) &&
      !(T(b, e)->lex & (W_FUNCTION | W_PREP | W_DET | W_AUX | W_SPEECH)) && punct(b, e + 1, ','))
    e++;
  if (!punct(b, e, ',')) return;
  Mention nm;
  memset(&nm, 0, sizeof nm);
  nm.type = M_NAME;
  nm.ns = nm.ts = k;
  nm.ne = nm.te = e;
  Resolved o = spk__resolve(b, &nm);
  if (!o.has_name) return;
  memcpy(r->name, o.name, sizeof r->name);
  r->has_name = true;
  r->suffix = "+organisation";
  r->conf = 0.7;
}

/* The most recent person with a name word s[0..n) and gender `gender`
 * (or an unknown one), or NULL.  Asked only when the most recent such
 * name has the other gender. */
static const CtxPerson *part_of_gender(const PmContext *ctx, const char *s, size_t n,
                                       int gender) {
  const CtxPerson *e;
  for (size_t i = 0; (e = ctx__entity(ctx, i)) != NULL && e->name[0]; i++) {
    if (e->gender && e->gender != gender) continue;
    size_t len = strlen(e->name);
    for (size_t p = 0; p + n <= len; p++)
      if ((p == 0 || e->name[p - 1] == ' ') && !memcmp(e->name + p, s, n) &&
          (p + n == len || e->name[p + n] == ' '))
        return e;
  }
  return NULL;
}

/* The name last bound to a noun of class `flag`: a company noun
 * ("Halvorsen Motors is recalling …, the company said") or an agency noun
 * ("the National Highway Traffic Safety Administration"), or NULL. */
static const char *bound_with(const Block *b, uint64_t flag) {
  const PmContext *ctx = b->ctx;
  for (size_t i = 0; i < CTX_ROLES && ctx->roles[i].role[0]; i++) {
    const LexEntry *e = lex__get(b->lx, ctx->roles[i].role, strlen(ctx->roles[i].role));
    if (e && (e->flags & flag)) return ctx->roles[i].name;
  }
  return NULL;
}

static const char *company_bound(const Block *b) { return bound_with(b, W_COMPANY); }

/* The name of an entity from s[0..n) on, as whole words, then more words,
 * the last a company's ending ("Kestrel Analytics Inc." in "Ottawa-based
 * Kestrel Analytics Inc.", "Northern Crest Pipeline Ltd.":
 * organisation_ends); NULL when none. */
static const char *company_in_full(const Block *b, const char *s, size_t n) {
  const CtxPerson *e;
  if (n + 1 >= CTX_NAME) return NULL;
  for (size_t i = 0; i < 24 && (e = ctx__entity(b->ctx, i)) != NULL && e->name[0]; i++) {
    if (e->gender) continue;
    const char *at = strstr(e->name, s);
    if (!at || (at > e->name && at[-1] != ' ') || at[n] != ' ') continue;
    const char *last = strrchr(e->name, ' ') + 1;
    char f[64];
    size_t ln = strlen(last);
    if (ln && last[ln - 1] == '.') ln--; /* ("Inc.": its period is no part of the word) */
    size_t fn = ln && ln < 64 ? lex__fold(last, ln, f) : 0;
    const LexEntry *x = fn ? lex__get(b->lx, f, fn) : NULL;
    if (x && (x->flags & W_ORG_LAST)) return at;
  }
  return NULL;
}

/* « la direction régionale des affaires culturelles », « la direction
 * académique d'Ille-et-Vilaine », « le conseil départemental »: a
 * lowercase « direction », « conseil » or « agence » after a definite
 * article, then a relational adjective (-al, -ale, -aux, -ique), names a
 * public body by the words of the mention, as our batches annotate it
 * (« L'agence régionale de santé parle d'une mesure « … » » in a deck,
 * before the body gives its initialism; not « la direction sortante », a
 * party's leadership; not ministries, which the batches annotate both
 * ways). */
static bool public_body(Block *b, const Mention *m, Resolved *r) {
  /* (« agence » is an outlet's noun too: « l'agence Reuters ») */
  if (b->lid != PM_LANG_FR || (m->type != M_INST && m->type != M_OUTLET) || m->ts + 1 != m->head ||
      m->te < m->head + 2 || !(T(b, m->ts)->lex & W_DET) || spk__indefinite_det(b, m->ts))
    return false;
  const Token *h = T(b, m->head);
  if (h->flags & TF_CAP) return false;
  /* « Le ministère de la Santé a indiqué que … »: a ministry named by its
   * capitalised department is that body, as every batch now annotates it
   * (« ministère » alone is the one last named, above) */
  bool ministry = (h->lex & W_AGENCY) && !(h->lex & W_OUTLET) && word(b, m->head + 1) &&
                  (T(b, m->head + 1)->lex & W_PREP) && !(T(b, m->head + 1)->flags & TF_CAP);
  if (ministry) {
    uint32_t c = m->head + 2;
    if (c < m->te && word(b, c) && (T(b, c)->lex & W_DET) && !(T(b, c)->flags & TF_CAP)) c++;
    ministry = c < m->te && word(b, c) && (T(b, c)->flags & TF_CAP);
  }
  if (!ministry && (!spk__relational_adj(b, m->head + 1) ||
                    !(folded_is(b, m->head, "direction") || folded_is(b, m->head, "conseil") ||
                      folded_is(b, m->head, "agence"))))
    return false;
  uint32_t e = m->te;
  while (e > m->head + 2 && T(b, e - 1)->kind != T_WORD) e--;
  put_name(r, b->text + h->start, T(b, e - 1)->end - h->start);
  r->suffix = "+body";
  r->conf = 0.7;
  return true;
}

Resolved spk__resolve(Block *b, const Mention *m) {
  Resolved r;
  memset(&r, 0, sizeof r);
  r.conf = 1.0;
  r.gender = m->gender;
  if (m->type == M_NAME) {
    uint32_t a = T(b, m->ns)->start, z = spk__name_text_end(b, m->ne);
    /* A trailing possessive ('s) is not part of the name. */
    const CtxPerson *p = NULL;
    /* ("ECan said" after "Environment Canterbury (ECan)") */
    const char *full = m->ne - m->ns == 1 && ((T(b, m->ns)->flags & TF_ALLCAP) ||
                                              (b->ctx->aliases[0].acr[0] && b->lid == PM_LANG_EN))
                       ? spk__acronym_name(b, b->text + a, z - a) : NULL;
    /* « a annoncé le Service de police de Laval (SPL) »: a name cut at a
     * lowercase word just before the acronym of the whole is the whole */
    for (uint32_t k = m->ne; !full && b->ctx->aliases[0].acr[0] && b->lid == PM_LANG_FR &&
                             k < m->ne + 8 && k + 2 < b->toks.size; k++) {
      if (punct(b, k, '(')) {
        const Token *x = T(b, k + 1);
        const char *al = word(b, k + 1) && (x->flags & TF_ALLCAP) && punct(b, k + 2, ')')
                         ? spk__acronym_name(b, b->text + x->start, x->end - x->start) : NULL;
        if (al && strlen(al) > z - a && !memcmp(al, b->text + a, z - a) && al[z - a] == ' ')
          full = al;
        break;
      }
      if (!word(b, k) || (T(b, k)->lex & (W_SPEECH | W_AUX | W_QUE))) break;
    }
    if (full) {
      /* « l'AMF » after "Association des maires de France (AMF)" */
      str__put(r.name, sizeof r.name, 0, full, strlen(full));
      r.suffix = "+acronym";
      r.has_name = true;
      return r;
    }
    /* "Paul said" after "Chief Lena Paul": a surname first, whatever
     * gender the word has as a first name; an honorific's gender holds */
    bool titled = m->ts < m->ns, by_surname = false;
    if (m->ne - m->ns == 1) {
      p = ctx__entity_by_surname(b->ctx, b->text + a, z - a);
      if (p && titled && m->gender && p->gender && p->gender != m->gender) p = NULL;
      by_surname = p != NULL;
      if (p && !titled) p = ctx__surname_holder(b->ctx, p, b->text + a, z - a);
      if (!p) p = ctx__entity_by_part(b->ctx, b->text + a, z - a);
    }
    /* "Kestrel Analytics said" after "Kestrel Analytics Inc." */
    if (!p && m->ne - m->ns >= 2 && b->lid == PM_LANG_EN && z - a < CTX_NAME) {
      char sn[CTX_NAME];
      memcpy(sn, b->text + a, z - a);
      sn[z - a] = '\0';
      const char *full = company_in_full(b, sn, z - a);
      if (full) {
        str__put(r.name, sizeof r.name, 0, full, strlen(full));
        r.suffix = "+surname";
        r.has_name = true;
        return r;
      }
    }
    /* "Mrs. Vance" after Michael, Robert and Eleanor Vance: the latest
     * of the honorific's gender */
    if (by_surname && !titled) r.gender = p->gender;
    else if (p && m->gender && p->gender && p->gender != m->gender)
      p = part_of_gender(b->ctx, b->text + a, z - a, m->gender);
    if (p) {
      str__put(r.name, sizeof r.name, 0, p->name, strlen(p->name));
      if (!r.gender) r.gender = p->gender;
      r.suffix = strlen(p->name) != z - a ? "+surname" : "";
    } else {
      str__put(r.name, sizeof r.name, 0, b->text + a, z - a);
      r.suffix = "";
    }
    r.has_name = true;
    return r;
  }
  if (m->type == M_LATTER) {
    /* the nearest person named before it in the paragraph */
    r.suffix = "+latter";
    r.conf = 0.8;
    for (uint32_t k = m->ts; k > 0; k--) {
      if (!spk__nameish(b, k - 1) || spk__in_quote(b, k - 1)) continue;
      uint32_t ns = spk__past_nationality(b, spk__name_start(b, k - 1, 0), k);
      uint32_t a = T(b, ns)->start, z = T(b, k - 1)->end;
      const CtxPerson *p = ctx__entity_by_part(b->ctx, b->text + a, z - a);
      if (k - 1 > ns || p) {
        const char *nm = p ? p->name : b->text + a;
        size_t n = p ? strlen(p->name) : z - a;
        put_name(&r, nm, n);
        if (p) r.gender = p->gender;
        return r;
      }
      k = ns + 1;
    }
    return r;
  }
  if (m->type == M_PRON) {
    if (m->gender == 3) {
      r.conf = 0.6;
      r.suffix = "+pronoun";
      if (b->lid == PM_LANG_FR && b->sents.size) side_org(b, m, &r);
      /* "Pilots would not be affected, it added": "it" is the company the
       * article is about, when that company spoke of late */
      const Token *t = T(b, m->ts);
      const char *nm;
      /* "they said" after a person the article gave they/them pronouns
       * (speakers.c notes them with gender 3), when that person spoke
       * last */
      if (b->ctx->recent[0].name[0] && t->end - t->start == 4 &&
          (b->text[t->start] | 32) == 't' && folded_is(b, m->ts, "they") &&
          person_gender(b->ctx, b->ctx->recent[0].name) == 3) {
        put_name(&r, b->ctx->recent[0].name, strlen(b->ctx->recent[0].name));
        r.gender = 3;
        r.conf = 0.8;
        return r;
      }
      if (t->end - t->start == 2 && (b->text[t->start] | 32) == 'i' &&
          (b->text[t->start + 1] | 32) == 't' && (nm = company_bound(b)) != NULL)
        for (size_t i = 0; i < CTX_RECENT && b->ctx->recent[i].name[0]; i++)
          if (!strcmp(b->ctx->recent[i].name, nm)) {
            put_name(&r, nm, strlen(nm));
            r.gender = 0;
            break;
          }
      return r;
    }
    if (local_subject(b, m->ts, m->gender, &r)) return r;
    r.suffix = "+pronoun";
    r.conf = 0.9;
    if (b->ctx->anon_last) return r; /* the unnamed person just quoted */
    /* « « … », analyse Marta Rojas. Elle juge que … »: the person quoted
     * earlier in this paragraph, even of unknown gender, before an older
     * speaker of the pronoun's */
    /* (the quotation being attributed may be in the list already) */
    for (size_t i = b->res->quotes.size, n = 0; i-- > 0 && n < 3; n++) {
      const PmQuote *lq = &b->res->quotes.contents[i];
      if (lq->start < b->para_start) break;
      if (lq->end > T(b, m->ts)->start) continue;
      if (lq->has_speaker && lq->speaker.name && lq->kind != PM_QUOTE_INDIRECT &&
          compatible(m->gender, person_gender(b->ctx, lq->speaker.name)) &&
          strlen(lq->speaker.name) < sizeof r.name) {
        put_name(&r, lq->speaker.name, strlen(lq->speaker.name));
        return r;
      }
      break;
    }
    if (named_before(b, m->ts, m->gender, false, false, &r)) return r;
    /* the person the paragraph before opened with, when it quoted
     * nobody, over an older speaker: a name of two words, or one word of
     * a name the article gave (speakers.c notes it unread) */
    const CtxPerson *p = NULL, *prev = NULL;
    const CtxPerson *ps = &b->ctx->prev_subject;
    if (ps->name[0]) {
      if (strchr(ps->name, ' ')) {
        const CtxPerson *known = ctx__person(b->ctx, ps->name);
        prev = known && known->gender ? known : ps;
      } else {
        prev = ctx__entity_by_part(b->ctx, ps->name, strlen(ps->name));
      }
    }
    if (prev && compatible(m->gender, prev->gender))
      p = prev;
    else
      p = recent_compatible(b, m->gender);
    if (p) {
      put_name(&r, p->name, strlen(p->name));
    }
    return r;
  }
  if (m->type == M_ROLE) {
    const Token *h = T(b, m->head);
    char f[64];
    size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
    bool keyed = false;
    const char *nm = fn ? spk__role_name(b, m->head, &keyed) : NULL;
    /* "la ministre" is not the man the apposition made "le ministre" */
    int pg = nm ? person_gender(b->ctx, nm) : 0;
    /* "A city spokesperson said" after "Marc Tessier, a spokesperson for
     * the service": an article that introduces someone new */
    if (nm && m->ts < m->head && spk__indefinite_det(b, m->ts)) nm = NULL;
    /* « Sa présidente, Inès Belkacem-Roux, … » after « Anne
     * Girardin-Mallet, présidente de l'université … », then « Sans
     * convaincre Anne Girardin-Mallet. « … », tranche la présidente
     * rouennaise »: of two people the role was bound to, the one the
     * sentence before names */
    /* (only for a role after a quotation, « « … », tranche la présidente »,
     * where the sentence before is the one before the quotation) */
    Resolved nb;
    bool twice = false;
    bool after_quote = m->ts >= 3 && (T(b, m->ts - 1)->kind == T_QMARK ||
                                      T(b, m->ts - 2)->kind == T_QMARK ||
                                      T(b, m->ts - 3)->kind == T_QMARK);
    bool ask = nm && fn && after_quote && b->lid == PM_LANG_FR && m->gender;
    for (size_t i = 0; ask && i < CTX_ROLES && b->ctx->roles[i].role[0] && !twice; i++)
      twice = b->ctx->roles[i].role[0] == f[0] && !strcmp(b->ctx->roles[i].role, f) &&
              strcmp(b->ctx->roles[i].name, nm);
    if (twice && named_before(b, m->ts, m->gender, false, true, &nb) && strcmp(nb.name, nm)) {
      for (size_t i = 0; i < CTX_ROLES && b->ctx->roles[i].role[0]; i++)
        if (!strcmp(b->ctx->roles[i].name, nb.name) && !strcmp(b->ctx->roles[i].role, f)) {
          nm = b->ctx->roles[i].name;
          pg = person_gender(b->ctx, nm);
          break;
        }
    }
    if (nm && compatible(m->gender == 3 ? 0 : m->gender, pg)) {
      put_name(&r, nm, strlen(nm));
      r.suffix = "+role";
      r.conf = 0.9;
      if (pg) r.gender = pg;
      return r;
    }
    if (!fn) f[0] = 0;
    /* "But a senior Democratic aide said … "…," the aide said": the
     * unnamed person just quoted, under the same noun */
    bool anon_same = fn && b->ctx->anon_last && !strcmp(b->ctx->anon_head, f);
    bool anon_role = fn && !nm && b->ctx->anon_role[0] && m->ts < m->head &&
                     (T(b, m->ts)->lex & W_DET) && !spk__indefinite_det(b, m->ts) &&
                     ((b->ctx->anon_role[0] == f[0] && !strcmp(b->ctx->anon_role, f)) ||
                      (m->head > m->ts + 1 && b->lid == PM_LANG_FR &&
                       (T(b, m->head - 1)->lex & W_ROLE) &&
                       folded_is(b, m->head - 1, b->ctx->anon_role)));
    /* (neither when the sentence before the quotation names a person the
     * role may be: « Un député Renaissance … confie : « … » » then « Le
     * rapporteur, Olivier Taïeb, tempère. « … », rappelle le député ») */
    if ((anon_same || anon_role) && after_quote && b->lid == PM_LANG_FR && m->gender &&
        named_before(b, m->ts, m->gender, false, true, &nb))
      anon_same = anon_role = false;
    if (anon_same) {
      r.suffix = "+anonymous";
      r.conf = 0.7;
      return r;
    }
    /* "A White House official, who briefed reporters on condition of
     * anonymity, said …" paragraphs before, then "the official said
     * only …": the same unnamed person, as no one holds the role */
    /* (« le vicaire général » after « le vicaire général du diocèse »:
     * the role word before the head may be the one noted) */
    if (anon_role) {
      r.suffix = "+anonymous";
      r.conf = 0.6;
      return r;
    }
    /* Unbound: the most recent speaker, only when compatible (skipping to
     * an older one would guess) and never for an indefinite "un conseiller",
     * who is someone new. */
    const CtxPerson *p = NULL;
    bool indefinite = false;
    if (m->ts < m->head) {
      char df[64];
      size_t dn = lex__fold(b->text + T(b, m->ts)->start,
                            T(b, m->ts)->end - T(b, m->ts)->start, df);
      indefinite = (dn && (!strcmp(df, "un") || !strcmp(df, "une") ||
                          !strcmp(df, "a") || !strcmp(df, "an") ||
                          !strcmp(df, "des") ||
                          /* « Son président », "its chairman": the role of
                           * someone just named, not the last speaker */
                          !strcmp(df, "son") || !strcmp(df, "sa") ||
                          !strcmp(df, "leur") || !strcmp(df, "its") ||
                          !strcmp(df, "their"))) ||
                   spk__indefinite_det(b, m->ts); /* "One engineer", "Another" */
    }
    /* « Selon un diplomate européen, … », estime ce diplomate »: a
     * demonstrative takes back an unnamed person of the paragraph */
    /* (« Une retraitée a pris la parole … », a lancé la retraitée »: so
     * does the article before a noun that describes a person) */
    if (!indefinite && m->ts + 1 == m->head &&
        (((b->text[T(b, m->ts)->start] | 32) == 'c' && T(b, m->ts)->end - T(b, m->ts)->start <= 5 &&
          (folded_is(b, m->ts, "ce") || folded_is(b, m->ts, "cet") ||
           folded_is(b, m->ts, "cette"))) ||
         ((h->lex & W_ROLE_GENERIC) && !(h->lex & W_ROLE)))) {
      uint32_t hn = h->end - h->start;
      bool same = false;
      for (uint32_t k = m->ts; k-- > 1;)
        if (T(b, k)->end - T(b, k)->start == hn && word(b, k) &&
            !memcmp(b->text + T(b, k)->start, b->text + h->start, hn)) {
          indefinite = spk__indefinite_det(b, k - 1);
          same = true;
          break;
        }
      /* « Selon un participant, … « … », résume ce dirigeant »: under
       * another noun, a demonstrative takes back the unnamed source the
       * paragraph quoted just before */
      if (!same && b->lid == PM_LANG_FR && (b->text[T(b, m->ts)->start] | 32) == 'c') {
        const PmQuote *last = NULL;
        for (size_t i = b->res->quotes.size; i-- > b->para_first_quote;) {
          const PmQuote *lq = &b->res->quotes.contents[i];
          if (lq->end > T(b, m->ts)->start || !lq->has_speaker) continue;
          if (!last || lq->start > last->start) last = lq;
        }
        if (last && !last->speaker.name && last->speaker.mention) indefinite = true;
      }
    }
    /* "The warehouse's owner": a role of something named, not the last
     * speaker */
    if (spk__after_possessive(b, m->head)) indefinite = true;
    /* « La psychiatre qui a examiné l'accusé »: a role restricted by a
     * « qui » clause, without a comma, is someone new */
    if (!indefinite && b->lid == PM_LANG_FR && m->head + 1 < b->toks.size &&
        folded_is(b, m->head + 1, "qui"))
      indefinite = true;
    if (indefinite) {
      r.suffix = "";
      r.conf = 0.7;
      return r;
    }
    /* « …, a déclaré l'accusé » after « Yanis M., 29 ans, a maintenu sa
     * version » and « une mère de famille, Samia Ferhat »: a court report
     * names its defendant by a first name and an initial, so a defendant
     * noun is the last person so named (not the victim named in full) */
    if (h->lex & W_DEFENDANT) {
      const CtxPerson *e;
      for (size_t i = 0; (e = ctx__entity(b->ctx, i)) != NULL && e->name[0] && i < 8; i++) {
        size_t n = strlen(e->name);
        if (n < 4 || e->name[n - 1] != '.' || e->name[n - 3] != ' ' ||
            e->name[n - 2] < 'A' || e->name[n - 2] > 'Z' || !compatible(m->gender, e->gender))
          continue;
        put_name(&r, e->name, n);
        if (e->gender) r.gender = e->gender;
        r.suffix = "+defendant";
        r.conf = 0.7;
        return r;
      }
    }
    /* « Le maire, Christian Leroy, ne cache pas son exaspération. « … »,
     * s'emporte l'élu »: a generic role, like a pronoun, takes the one
     * person of its gender the sentence before names */
    /* (and so does a demonym, « a déclaré le Slovène », whose head is
     * the only capitalised role noun, or a former office, « l'ancien
     * Premier ministre estime », which the person named before may hold
     * beside a current one) */
    bool demonym = (h->flags & TF_CAP) && !(h->lex & W_ROLE);
    int former = 0;
    for (uint32_t k = m->head; k-- > 0 && k + 3 >= m->head && word(b, k);)
      if (folded_is(b, k, "ancien") || folded_is(b, k, "former")) former = 1;
      else if (folded_is(b, k, "ancienne")) former = 2;
    if (former && named_before(b, m->ts, b->lid == PM_LANG_FR ? former : 0, true, true, &r)) {
      r.suffix = "+role-recent";
      r.conf = 0.7;
      return r;
    }
    if (((h->lex & W_ROLE_GENERIC) || demonym) && b->lid == PM_LANG_FR &&
        named_before(b, m->ts, m->gender ? m->gender : spk__role_gender(b, m->head), demonym, true,
                     &r)) {
      r.suffix = "+role-recent";
      r.conf = 0.7;
      return r;
    }
    /* "A member of the RCMP's E Division, who asked not to be named,
     * said …" then ""…," the officer said": an unbound role just after
     * an unnamed speaker is that person, not a name from the article */
    if (b->ctx->anon_last && b->lid == PM_LANG_EN && b->ctx->last_age <= 2) {
      r.suffix = "+anonymous";
      r.conf = 0.6;
      return r;
    }
    /* "Brooks, asked about Okafor, did not hold back." then ""…," the
     * Celtics star said": the person the paragraph before, which quoted
     * nobody, opened with, when named in full earlier */
    if (b->lid == PM_LANG_EN && b->ctx->prev_subject.name[0] &&
        T(b, m->ts)->start < b->para_start + 400) {
      const CtxPerson *ps = &b->ctx->prev_subject;
      const CtxPerson *pp = strchr(ps->name, ' ') ? ctx__person(b->ctx, ps->name)
                                                  : ctx__entity_by_surname(b->ctx, ps->name,
                                                                           strlen(ps->name));
      if (pp && strchr(pp->name, ' ') && compatible(m->gender, pp->gender) &&
          !other_role(b, pp->name, f) &&
          ((h->lex & (W_INSTITUTION | W_COMPANY)) || !organisation(b, pp->name))) {
        put_name(&r, pp->name, strlen(pp->name));
        if (pp->gender) r.gender = pp->gender;
        r.suffix = "+role-recent";
        r.conf = 0.7;
        return r;
      }
    }
    /* « l'accusé avait soutenu que … » after « la juge X » spoke: a noun
     * that describes a person (an epithet) is no one the article gave an
     * office, but the last person named in full who has not spoken */
    if (b->lid == PM_LANG_FR && (h->lex & W_ROLE_GENERIC) && !(h->lex & W_ROLE) &&
        b->ctx->recent[0].name[0] && holds_office(b, b->ctx->recent[0].name)) {
      const CtxPerson *e;
      for (size_t i = 0; (e = ctx__entity(b->ctx, i)) != NULL && e->name[0] && i < 6; i++) {
        if (!strchr(e->name, ' ') || !compatible(m->gender, e->gender) || holds_office(b, e->name))
          continue;
        bool spoke = false;
        for (size_t k = 0; k < CTX_RECENT && b->ctx->recent[k].name[0]; k++)
          if (!strcmp(b->ctx->recent[k].name, e->name)) spoke = true;
        if (spoke) continue;
        put_name(&r, e->name, strlen(e->name));
        if (e->gender) r.gender = e->gender;
        r.suffix = "+role-recent";
        r.conf = 0.6;
        return r;
      }
      r.suffix = "";
      r.conf = 0.6;
      return r;
    }
    const CtxPerson *fresh = newcomer(b, T(b, m->ts)->start);
    if (fresh && compatible(m->gender, fresh->gender) && (fresh->gender || !keyed)) {
      p = fresh;
    } else if (b->ctx->recent[0].name[0]) {
      /* « le président du Sénat »: an office named in full goes to the
       * last speaker only when that speaker's gender is known to fit */
      if (compatible(m->gender, b->ctx->recent[0].gender) &&
          (!keyed || b->ctx->recent[0].gender)) {
        p = &b->ctx->recent[0];
        /* « Chez Carrelis, on indique que … » after the chief executive
         * spoke, then « a insisté le dirigeant »: a person's role skips
         * the body that spoke last for the person who spoke before it */
        const CtxPerson *q = &b->ctx->recent[1];
        if (b->lid == PM_LANG_FR && !(h->lex & (W_INSTITUTION | W_COMPANY)) &&
            !strchr(p->name, ' ') && organisation(b, p->name) && q->name[0] &&
            strchr(q->name, ' ') && compatible(m->gender, q->gender) && !organisation(b, q->name))
          p = q;
      } else if (!keyed && (m->gender == 1 || m->gender == 2) && b->ctx->recent[0].gender) {
        /* « L'élue … » then « confie l'élu »: the last speaker's gender
         * rules her out; the person last named with the role's gender
         * is meant */
        const CtxPerson *e;
        for (size_t i = 0; (e = ctx__entity(b->ctx, i)) != NULL && e->name[0] && i < 4; i++)
          if (e->gender == m->gender && strchr(e->name, ' ')) {
            p = e;
            break;
          }
      }
    } else {
      /* no speaker yet: the last person named with a known first name;
       * for « le ministre de la Santé », an office named in full, only
       * one this paragraph names (« a plaidé le président de la
       * République. Emmanuel Varenne a jugé … ») */
      const CtxPerson *e;
      for (size_t i = 0; (e = ctx__entity(b->ctx, i)) != NULL && e->name[0]; i++)
        if (e->gender) {
          if (compatible(m->gender, e->gender) &&
              (!keyed || occurs(b->text, b->para_start, b->para_end, e->name)))
            p = e;
          break;
        }
    }
    r.suffix = "+role-recent";
    r.conf = 0.7;
    /* « le magistrat », "the official": a generic role fits any other */
    if (p && ((!(h->lex & W_ROLE_GENERIC) && other_role(b, p->name, f)) ||
              (nm && !strcmp(nm, p->name))))
      p = NULL;
    /* "…, health minister calls the move 'premature'" after "The
     * Saskatchewan Union of Nurses said …": a person's role is no body */
    /* (« Chez Carrelis, on indique que … » then « « … », a insisté le
     * dirigeant »: in French, a one-word name that is no first name) */
    if (p && !(h->lex & (W_INSTITUTION | W_COMPANY)) &&
        (b->lid == PM_LANG_EN ? organisation(b, p->name)
                              : !strchr(p->name, ' ') && organisation(b, p->name)))
      p = NULL;
    if (p && p->gender) r.gender = p->gender;
    if (p) {
      put_name(&r, p->name, strlen(p->name));
    }
    return r;
  }
  if ((m->type == M_INST || m->type == M_OUTLET) && m->head < b->toks.size) {
    /* "The Blue Lagoon … was closed, its operator said": the body of
     * something just named, no one the article named */
    if (b->lid == PM_LANG_EN && m->ts + 1 == m->head &&
        T(b, m->ts)->end - T(b, m->ts)->start >= 3 &&
        (folded_is(b, m->ts, "its") || folded_is(b, m->ts, "their")))
      return r;
    /* « l'agence » after « l'agence régionale de santé (ARS) » */
    const char *org = spk__org_by_noun(b, m->head);
    /* « Les Jeunes agriculteurs (JA) se disent solidaires. Le syndicat
     * juge que … »: the organisation the paragraph just named */
    /* (in English only the body's own noun: "the association" after "The
     * British Medical Association (BMA)", not "the government") */
    if (!org && b->ctx->aliases[0].acr[0] && T(b, m->ts)->start > b->para_start &&
        (T(b, m->ts)->lex & W_DET) && !spk__indefinite_person(b, m->ts, m->te) &&
        (b->lid != PM_LANG_EN || ends_with_noun(b, b->ctx->aliases[0].name, m->head))) {
      const char *acr = b->ctx->aliases[0].acr;
      size_t an = strlen(acr);
      uint32_t end = T(b, m->ts)->start;
      for (uint32_t i = b->para_start; i + an + 2 <= end && !org; i++)
        if (b->text[i] == '(' && !memcmp(b->text + i + 1, acr, an) && b->text[i + 1 + an] == ')')
          org = b->ctx->aliases[0].name;
    }
    if (org) {
      put_name(&r, org, strlen(org));
      r.suffix = "+acronym";
      r.conf = 0.8;
      return r;
    }
    /* "the company", "the council": the organisation a clause or a name
     * bound to the noun ("Halvorsen Motors is recalling …, the company
     * said"; "the Dunmore Town Council"), after a definite determiner */
    /* (the bare noun's binding, without the phrase key a person's role
     * needs: every institution mention passes here) */
    const char *bound = NULL;
    /* « le ministère » is the ministry last named (speakers.c), « le
     * ministère russe des Situations d'urgence » another one (named in
     * full, « Le ministère de la Famille a indiqué … » is that body:
     * public_body) */
    bool other_body = b->lid == PM_LANG_FR && (T(b, m->head)->lex & W_AGENCY) &&
                      m->te > m->head + 1;
    if (!other_body &&
        (m->type == M_INST || (m->type == M_OUTLET && (T(b, m->head)->lex & W_AGENCY))) &&
        m->ts < m->head && (T(b, m->ts)->lex & W_DET) &&
        !spk__indefinite_det(b, m->ts) && !(T(b, m->head)->lex & W_ROLE) &&
        b->ctx->roles[0].role[0]) {
      char f[64];
      const Token *h = T(b, m->head);
      size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
      if (fn) bound = ctx__role(b->ctx, f, fn);
      /* "the airline" after "…, the carrier said": the company the
       * article is about answers to any company noun */
      if (!bound && (h->lex & W_COMPANY)) bound = company_bound(b);
      /* "The agency said" after "the National Highway Traffic Safety
       * Administration": a public body answers to any agency noun */
      if (!bound && (h->lex & W_AGENCY)) bound = bound_with(b, W_AGENCY);
    }
    /* "Southern California Edison said …. The utility said …": with no
     * company noun bound, the organisation that spoke last (of two words
     * or more: "Smith said" may be a person's surname alone) */
    if (!bound && m->type == M_INST && b->lid == PM_LANG_EN && m->ts < m->head &&
        (T(b, m->ts)->lex & W_DET) && !spk__indefinite_det(b, m->ts) &&
        (T(b, m->head)->lex & W_COMPANY) && !(T(b, m->head)->lex & W_ROLE) &&
        strchr(b->ctx->recent[0].name, ' ') && organisation(b, b->ctx->recent[0].name))
      bound = b->ctx->recent[0].name;
    /* "Quillwater Software … told employees …. CEO Priya Venkataraman-Holt
     * wrote … The company said", "Newfoundland and Labrador Health
     * Services confirmed … the health authority said": a company or
     * agency noun with nothing bound is the organisation among the last
     * speakers, past persons who spoke since (of two words or more, and
     * no person's name: "organisation"); only after "the" and lowercase
     * words ("His office", "the governor's office" are someone's) */
    if (!bound && m->type == M_INST && b->lid == PM_LANG_EN && m->ts < m->head &&
        m->head < m->ts + 3 && folded_is(b, m->ts, "the") &&
        (T(b, m->head)->lex & (W_COMPANY | W_AGENCY)) && !(T(b, m->head)->lex & W_ROLE)) {
      bool plain = true;
      /* ("The Swedish company said", "the Cambridge-based biotech said":
       * a capital that says where it is from leaves it plain) */
      for (uint32_t k = m->ts + 1; k < m->head; k++)
        plain = plain && word(b, k) && (!(T(b, k)->flags & TF_CAP) || spk__place_adjective(b, k));
      for (size_t i = 0; plain && i < 4 && b->ctx->recent[i].name[0]; i++) {
        const CtxPerson *c = &b->ctx->recent[i];
        if (!c->gender && strchr(c->name, ' ') && organisation(b, c->name)) {
          bound = c->name;
          break;
        }
      }
      /* (or, none having spoken, among the last names the article gave:
       * "Quillwater Software, which makes …, told employees") */
      const CtxPerson *e;
      for (size_t i = 0; plain && !bound && i < 4 && (e = ctx__entity(b->ctx, i)) != NULL &&
                         e->name[0]; i++)
        if (!e->gender && strchr(e->name, ' ') && organisation(b, e->name)) bound = e->name;
    }
    /* « Du côté de la CGT, on parle de « trahison ». Le syndicat rappelle
     * que … », « les parents d'élèves de la FCPE … La fédération estime
     * … »: a bare definite member body's noun (« le syndicat », not « le
     * gouvernement » nor « la direction ») nothing bound is the acronym
     * the paragraph last used as a noun (« la CGT », « de la FCPE »; not
     * one in brackets, which may abbreviate anything) */
    if (!bound && m->type == M_INST && b->lid == PM_LANG_FR && m->ts + 1 == m->head &&
        m->te == m->head + 1 && (T(b, m->ts)->lex & W_DET) && !spk__indefinite_det(b, m->ts) &&
        (T(b, m->head)->lex & W_MEMBERS) && !(T(b, m->head)->flags & TF_CAP))
      for (uint32_t k = m->ts; k-- > 1;) {
        const Token *t = T(b, k);
        if (t->kind != T_WORD || !(t->flags & TF_ALLCAP) || t->end - t->start < 3 ||
            t->end - t->start > 8 || !word(b, k - 1) || (T(b, k - 1)->flags & TF_CAP) ||
            !(T(b, k - 1)->lex & (W_DET | W_PREP)))
          continue;
        put_name(&r, b->text + t->start, t->end - t->start);
        r.suffix = "+acronym-noun";
        r.conf = 0.7;
        return r;
      }
    /* « L'ARS Auvergne-Rhône-Alpes a annoncé … « … », précise l'agence »:
     * with nothing bound to it, a French agency noun is the body last
     * named by its initialism (an agency goes by its initials: ARS,
     * ADEME, ANSM, AFP), among the few names noted last; only « agence »,
     * the agency noun that is also an outlet's, not « le ministère » */
    if (!bound && (m->type == M_INST || m->type == M_OUTLET) && b->lid == PM_LANG_FR &&
        m->ts < m->head &&
        (T(b, m->head)->lex & W_AGENCY) && (T(b, m->head)->lex & W_OUTLET) &&
        (T(b, m->ts)->lex & W_DET) &&
        !spk__indefinite_det(b, m->ts)) {
      const CtxPerson *e;
      for (size_t i = 0; (e = ctx__entity(b->ctx, i)) != NULL && e->name[0] && i < 4; i++) {
        size_t w = strcspn(e->name, " ");
        bool caps = w >= 2 && w <= 5;
        for (size_t j = 0; caps && j < w; j++) caps = e->name[j] >= 'A' && e->name[j] <= 'Z';
        if (caps) {
          bound = e->name;
          break;
        }
      }
    }
    if (bound) {
      put_name(&r, bound, strlen(bound));
      r.suffix = "+institution";
      r.conf = 0.8;
      return r;
    }
    if (public_body(b, m, &r)) return r;
  }
  /* « Son frère se rappelle avoir « … » » after a quotation of Corentin
   * Lavergne's: the one other person of that surname the article named
   * (« les frères Bastien et Corentin Lavergne ») */
  if (m->type == M_NP && b->lid == PM_LANG_FR && m->te == m->ts + 2 && b->ctx->recent[0].name[0] &&
      (folded_is(b, m->ts, "son") || folded_is(b, m->ts, "sa")) && kin_noun(b, m->ts + 1)) {
    const CtxPerson *kin =
        relative_of(b, b->ctx->recent[0].name, folded_is(b, m->ts, "sa") ? 2 : 1);
    if (kin) {
      put_name(&r, kin->name, strlen(kin->name));
      r.gender = kin->gender;
      r.suffix = "+kin";
      r.conf = 0.6;
      return r;
    }
  }
  /* « glisse le trésorier » after « Erwan Guégan, le trésorier, »: a
   * definite noun an apposition gave a person (speakers.c) */
  /* ("the auctioneer said" after "auctioneer Darcy Wolfe") */
  if (m->type == M_NP && m->te == m->ts + 2 &&
      (T(b, m->ts)->lex & W_DET) && !spk__indefinite_det(b, m->ts) && word(b, m->ts + 1) &&
      !(T(b, m->ts + 1)->flags & TF_CAP) && b->ctx->roles[0].role[0]) {
    char f[64];
    const Token *h = T(b, m->ts + 1);
    size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
    const char *bound = fn ? ctx__role(b->ctx, f, fn) : NULL;
    if (bound) {
      put_name(&r, bound, strlen(bound));
      r.suffix = "+role";
      r.conf = 0.8;
      return r;
    }
  }
  if (m->type == M_OUTLET && b->ctx->last_title[0]) {
    put_name(&r, b->ctx->last_title, strlen(b->ctx->last_title));
    r.suffix = "+title";
    r.conf = 0.8;
    return r;
  }
  r.suffix = "";
  r.conf = 0.7;
  return r;
}

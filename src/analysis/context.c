/*
 * context.c - the state that flows from one paragraph to the next.
 *
 * The context is a flat struct of fixed-size, zero-padded fields, so that
 * copying it is one memcpy and comparing two is one memcmp: the Neovim
 * server compares the context leaving an edited paragraph with the cached
 * one to decide whether re-analysis may stop, and that must be cheap and
 * exact.  Lists are ordered most recent first (no counters or clocks, which
 * would make equal states compare unequal).
 */
#include <stddef.h>
#include <string.h>

#include "analysis/internal.h"
#include "util/alloc.h"

PmContext *pm_context_new(void) { return pm_calloc(1, sizeof(PmContext)); }

PmContext *pm_context_copy(const PmContext *ctx) {
  PmContext *c = pm_malloc(sizeof *c);
  memcpy(c, ctx, sizeof *c);
  return c;
}

bool pm_context_equal(const PmContext *a, const PmContext *b) {
  /* everything before the people is flat; the people in their order */
  if (memcmp(a, b, offsetof(PmContext, n_people)) || a->n_people != b->n_people)
    return false;
  for (size_t k = 0; k < a->n_people; k++)
    if (memcmp(ctx__entity(a, k), ctx__entity(b, k), sizeof(CtxPerson))) return false;
  return true;
}

PmLangId pm_context_lang(const PmContext *ctx) {
  /* Not settled: the language the cue words seen so far lean to. */
  if (!ctx->lang && ctx->votes_en != ctx->votes_fr)
    return ctx->votes_en > ctx->votes_fr ? PM_LANG_EN : PM_LANG_FR;
  return (PmLangId)ctx->lang;
}

void pm_context_free(PmContext *ctx) { pm_free(ctx); }

void ctx__set_person(CtxPerson *p, const char *name, size_t n, int gender) {
  memset(p, 0, sizeof *p);
  if (n >= CTX_NAME) n = CTX_NAME - 1;
  memcpy(p->name, name, n);
  p->gender = (uint8_t)gender;
}

/* The first eight bytes of a zero-padded name as a number. */
static inline uint64_t name_word(const char *name) {
  uint64_t w;
  memcpy(&w, name, sizeof w);
  return w;
}

/* Moves `name` to the front of `list` (inserting it), keeping order.
 * Every name is noted here, several per paragraph, so the search compares
 * the names' first eight bytes as one number (the entries are zero-padded,
 * and so is the key built here) and the whole 64 bytes only when those
 * agree; a name already in front moves nothing.  A name too long for an
 * entry never equals one (the entry holds it truncated), as strcmp had it. */
static void to_front(CtxPerson *list, size_t cap, const char *name, size_t n,
                     int gender) {
  /* the speaker of the last quotation often speaks again; name[0..n) (n
   * > 0, no NUL inside) equals the entry's string exactly when the entry
   * holds those bytes and ends there (a name of CTX_NAME bytes or more
   * never does, as with strcmp) */
  if (n < CTX_NAME && list[0].name[n] == '\0' && !memcmp(list[0].name, name, n)) {
    if (gender) list[0].gender = (uint8_t)gender;
    return;
  }
  char key[CTX_NAME];
  memset(key, 0, sizeof key);
  bool fits = n < CTX_NAME;
  if (fits) memcpy(key, name, n);
  uint64_t k0 = name_word(key);
  size_t i = 0;
  for (; i < cap; i++) {
    uint64_t w = name_word(list[i].name);
    if (!w) break; /* an empty entry: a name is never "" */
    if (w == k0 && fits && !memcmp(list[i].name, key, CTX_NAME)) break;
  }
  if (i == cap) i = cap - 1;
  CtxPerson p;
  if (fits && list[i].name[0] && !memcmp(list[i].name, key, CTX_NAME)) {
    if (i == 0) {
      if (gender) list[0].gender = (uint8_t)gender;
      return;
    }
    p = list[i];
    if (gender) p.gender = (uint8_t)gender;
  } else {
    ctx__set_person(&p, name, n, gender);
  }
  memmove(&list[1], &list[0], i * sizeof *list);
  list[0] = p;
}

/* A zero-padded name's one-byte tag, from its eight words. */
static uint8_t name_tag(const char *padded) {
  /* A name holds no NUL byte, so its first all-zero word starts the
   * padding, and every word after it is zero too: mixing stops there (a
   * function of the name all the same, and most names fill two or three
   * words of the eight). */
  uint64_t h = LEX_SEED, w;
  for (size_t k = 0; k < CTX_NAME && (w = name_word(padded + k)) != 0; k += 8)
    h = lex__mix(h, w);
  return (uint8_t)(h >> 56);
}

/* Bit (c & 63) of the first byte c of each word of name[0..n) (no NUL
 * inside): the spaces found by memchr rather than a test of every byte. */
static uint64_t name_initials(const char *name, size_t n) {
  if (!n) return 0;
  uint64_t m = 1ull << ((unsigned char)name[0] & 63);
  const char *p = name, *end = name + n;
  while ((p = memchr(p, ' ', (size_t)(end - p))) != NULL && ++p < end)
    m |= 1ull << ((unsigned char)*p & 63);
  return m;
}

/* The slot holding `name` (zero-padded in key, with its tag), or
 * CTX_ENTITIES. */
static size_t person_slot(const PmContext *ctx, const char *key, uint8_t tag) {
  const uint8_t *tags = ctx->people_tag, *end = tags + ctx->n_people, *t = tags;
  while (t < end && (t = memchr(t, tag, (size_t)(end - t))) != NULL) {
    if (!memcmp(ctx->people[t - tags].name, key, CTX_NAME)) return (size_t)(t - tags);
    t++;
  }
  return CTX_ENTITIES;
}

const CtxPerson *ctx__person(const PmContext *ctx, const char *name) {
  size_t n = strlen(name);
  if (n >= CTX_NAME) return NULL; /* stored truncated: never equal */
  char key[CTX_NAME];
  memset(key, 0, sizeof key);
  memcpy(key, name, n);
  size_t slot = person_slot(ctx, key, name_tag(key));
  return slot < CTX_ENTITIES ? &ctx->people[slot] : NULL;
}

/* to_front for the people (see PmContext): the same list, with the order
 * moved instead of the entries. */
static void person_to_front(PmContext *ctx, const char *name, size_t n, int gender) {
  /* name[0..n) holds no NUL (callers see to it) */
  bool fits = n < CTX_NAME;
  if (fits && ctx->n_people) { /* already in front: a name noted twice in a row */
    /* the zero-padded entry equals the padded key exactly when it holds
     * name[0..n) and ends there: no key to build for that test */
    CtxPerson *f = &ctx->people[ctx->people_order[0]];
    if (f->name[n] == '\0' && !memcmp(f->name, name, n)) {
      /* (a first name's gender never undoes "they/them", gender 3) */
      if (gender && f->gender != 3) f->gender = (uint8_t)gender;
      return;
    }
  }
  char key[CTX_NAME];
  memset(key, 0, sizeof key);
  if (fits) memcpy(key, name, n);
  uint8_t tag = name_tag(key);
  size_t slot = fits ? person_slot(ctx, key, tag) : CTX_ENTITIES, pos;
  if (slot < CTX_ENTITIES) {
    if (gender && ctx->people[slot].gender != 3) ctx->people[slot].gender = (uint8_t)gender;
    pos = (size_t)((const uint8_t *)memchr(ctx->people_order, (int)slot, ctx->n_people) -
                   ctx->people_order);
  } else {
    if (ctx->n_people < CTX_ENTITIES) {
      slot = pos = ctx->n_people++;
    } else { /* full: the least recent gives its slot */
      pos = CTX_ENTITIES - 1;
      slot = ctx->people_order[pos];
    }
    CtxPerson *p = &ctx->people[slot];
    if (fits) { /* the key is the entry's zero-padded name */
      memcpy(p->name, key, CTX_NAME);
      p->gender = (uint8_t)gender;
      p->bare = 0;
    } else {
      ctx__set_person(p, name, n, gender);
      tag = name_tag(p->name);
      n = CTX_NAME - 1; /* as cut there */
    }
    ctx->people_tag[slot] = tag;
    ctx->people_initials[slot] = name_initials(p->name, n);
  }
  memmove(&ctx->people_order[1], &ctx->people_order[0], pos);
  ctx->people_order[0] = (uint8_t)slot;
}

void ctx__note_speaker(PmContext *ctx, const char *name, int gender) {
  if (!name || !*name) return;
  size_t n = strlen(name);
  to_front(ctx->recent, CTX_RECENT, name, n, gender);
  person_to_front(ctx, name, n, gender);
}

void ctx__note_entity(PmContext *ctx, const char *name, size_t n, int gender) {
  /* as a C string cut to an entry: up to a NUL, at most CTX_NAME - 1 */
  if (n >= CTX_NAME) n = CTX_NAME - 1;
  const char *z = n ? memchr(name, 0, n) : NULL;
  if (z) n = (size_t)(z - name);
  person_to_front(ctx, name, n, gender);
}

void ctx__bind_role(PmContext *ctx, const char *role, size_t rn,
                    const char *phrase, const char *name) {
  CtxRole r;
  memset(&r, 0, sizeof r);
  if (rn >= sizeof r.role) rn = sizeof r.role - 1;
  memcpy(r.role, role, rn);
  /* (C strings cut to their fields: str__put's search for a NUL inside
   * the strlen would find none) */
  size_t pn = strlen(phrase), nn = strlen(name);
  memcpy(r.phrase, phrase, pn < sizeof r.phrase ? pn : sizeof r.phrase - 1);
  memcpy(r.name, name, nn < sizeof r.name ? nn : sizeof r.name - 1);
  /* one binding per role and phrase: « le ministre de l'Intérieur » and
   * « le ministre de la Justice » are two people */
  /* Every entry is such a zero-padded copy of an r (or all zeros), so
   * equal strings are equal arrays: the first eight bytes of the role as
   * one number reject most entries, memcmp settles the rest, instead of
   * two strcmp calls per entry. */
  uint64_t r0 = name_word(r.role);
  size_t i = 0;
  while (i < CTX_ROLES && ctx->roles[i].role[0] &&
         (name_word(ctx->roles[i].role) != r0 ||
          memcmp(ctx->roles[i].role, r.role, sizeof r.role) ||
          memcmp(ctx->roles[i].phrase, r.phrase, sizeof r.phrase)))
    i++;
  /* the same binding again in front (half the calls on the fixtures):
   * nothing moves */
  if (i == 0 && !memcmp(&ctx->roles[0], &r, sizeof r)) return;
  if (i == CTX_ROLES) i = CTX_ROLES - 1;
  memmove(&ctx->roles[1], &ctx->roles[0], i * sizeof *ctx->roles);
  ctx->roles[0] = r;
}

const char *ctx__role(const PmContext *ctx, const char *role, size_t rn) {
  for (size_t i = 0; i < CTX_ROLES && ctx->roles[i].role[0]; i++)
    if (strlen(ctx->roles[i].role) == rn && !memcmp(ctx->roles[i].role, role, rn))
      return ctx->roles[i].name;
  return NULL;
}

/* "Valls" finds "Manuel Valls": a whole word of a known full name. */
const CtxPerson *ctx__entity_by_part(const PmContext *ctx, const char *s,
                                     size_t n) {
  uint64_t bit = 1ull << ((unsigned char)s[0] & 63);
  for (size_t i = 0; i < ctx->n_people; i++) {
    size_t slot = ctx->people_order[i];
    if (!(ctx->people_initials[slot] & bit)) continue; /* no word starts so */
    const CtxPerson *e = &ctx->people[slot];
    const char *nm = e->name;
    if (!nm[0]) break;
    size_t len = strlen(nm);
    /* the words of the name, from one space to the next (memchr), rather
     * than every position: a word starts at 0 or after a space */
    for (size_t p = 0; p + n <= len;) {
      if (nm[p] == s[0] && !memcmp(nm + p, s, n) && (p + n == len || nm[p + n] == ' '))
        return e;
      const char *sp = memchr(nm + p, ' ', len - p);
      if (!sp) break;
      p = (size_t)(sp - nm) + 1;
    }
  }
  return NULL;
}

/* p, the most recent person of surname s[0..n) (one of people[]): or,
 * when a surname alone has not stood for p yet and p did not speak last,
 * an earlier person of that surname one has stood for.  The press names
 * the second of two people of one surname in full each time: "Abergel
 * said" after "His son, Noah Abergel" is still the "Abergel" of before
 * (not so "Bjarni Olafsson … said he had moved his boat" then "'…,'
 * Olafsson said").  Marks the one returned. */
const CtxPerson *ctx__surname_holder(PmContext *ctx, const CtxPerson *p, const char *s,
                                     size_t n) {
  if (!p->bare && strcmp(p->name, ctx->last_speaker.name)) {
    uint64_t bit = 1ull << ((unsigned char)s[0] & 63);
    for (size_t i = 0; i < ctx->n_people; i++) {
      size_t slot = ctx->people_order[i];
      const CtxPerson *e = &ctx->people[slot];
      if (e == p || !e->bare || !(ctx->people_initials[slot] & bit)) continue;
      size_t len = strlen(e->name);
      if (len > n && e->name[len - n - 1] == ' ' && !memcmp(e->name + len - n, s, n)) {
        p = e;
        break;
      }
    }
  }
  ctx->people[p - ctx->people].bare = 1;
  return p;
}

/* "Paul" finds "Lena Paul" before "Paul Ferland": a one-word second
 * reference in the press is a surname, so the last word of a full name
 * of two words or more. */
const CtxPerson *ctx__entity_by_surname(const PmContext *ctx, const char *s,
                                        size_t n) {
  uint64_t bit = 1ull << ((unsigned char)s[0] & 63);
  for (size_t i = 0; i < ctx->n_people; i++) {
    size_t slot = ctx->people_order[i];
    if (!(ctx->people_initials[slot] & bit)) continue;
    const CtxPerson *e = &ctx->people[slot];
    if (!e->name[0]) break;
    size_t len = strlen(e->name);
    if (len > n && e->name[len - n - 1] == ' ' && !memcmp(e->name + len - n, s, n))
      return e;
  }
  return NULL;
}

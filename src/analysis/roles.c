/*
 * roles.c - role nouns as the article binds them to names: "Le ministre de
 * l'Intérieur, Manuel Valls" makes « le ministre » and « le ministre de
 * l'Intérieur » Manuel Valls, but not « le ministre de la Justice »; press
 * synonyms (« le chef de l'Etat », « le locataire de l'Elysée », « la
 * garde des Sceaux », « l'édile ») meet on one canonical phrase read from
 * the language file (role_synonyms); and "Association des maires de
 * France (AMF)" makes « l'AMF » stand for the full name.
 *
 * All of this runs per mention, never per token: a phrase is folded only
 * when a role noun is bound or resolved.
 */
#include <string.h>

#include "analysis/speakers.h"

/* A complement preposition: de, du, des, d', of, for. */
static bool compl_prep(const Block *b, uint32_t i) {
  if (!word(b, i) || !(T(b, i)->lex & W_PREP) || (T(b, i)->flags & TF_CAP)) return false;
  char c = (char)(b->text[T(b, i)->start] | 32);
  /* de, du, des, d' (not « devant », « dans », « depuis »), of, for */
  if (c == 'd') {
    unsigned char c1 = (unsigned char)b->text[T(b, i)->start + 1];
    return T(b, i)->end - T(b, i)->start <= 4 &&
           ((c1 | 32) == 'e' || (c1 | 32) == 'u' || c1 == '\'' || c1 == 0xE2);
  }
  return c == 'o' || c == 'f';
}

/* Appends the folded word i to out (a space first unless out is empty or
 * ends with an elision); false when the phrase would outgrow `size` bytes
 * with its NUL.  out[0..len] holds the phrase and its NUL, and has room for
 * size + 64 bytes: lex__fold writes the word in place (at most 64 bytes
 * with its NUL) instead of into a copy, and a word that does not fit is
 * taken back by the NUL at len (nothing reads a phrase past its NUL). */
static bool put_word(const Block *b, uint32_t i, char *out, size_t size, size_t *len) {
  bool space = *len && out[*len - 1] != '\'';
  size_t at = *len + space;
  size_t fn = lex__fold(b->text + T(b, i)->start, T(b, i)->end - T(b, i)->start, out + at);
  if (!fn || at + fn + 1 > size) {
    out[*len] = '\0';
    return false;
  }
  if (space) out[*len] = ' ';
  *len = at + fn; /* lex__fold wrote the NUL */
  return true;
}

/* The first word of the role phrase ending at `head`: the words between
 * its determiner and the head ("première ministre", "health secretary"). */
static uint32_t phrase_start(const Block *b, uint32_t head) {
  uint32_t s = head;
  for (int k = 0; k < 2 && s > 0; k++) {
    const Token *p = T(b, s - 1);
    /* ("Prime Minister X": an honorific that opens a synonym goes in) */
    if (p->kind != T_WORD || (p->lex & (W_DET | W_PREP | W_SPEECH | W_AUX | W_FUNCTION |
                                         W_FIRST_M | W_FIRST_F)) ||
        (p->lex & (W_HONORIFIC | W_SYN_HEAD)) == W_HONORIFIC)
      break;
    /* a capitalised word before the head only right after a determiner
     * ("La Première ministre"), or in English ("the Health Secretary") */
    if ((p->flags & TF_CAP) && b->lid == PM_LANG_FR &&
        !(s >= 2 && word(b, s - 2) && (T(b, s - 2)->lex & W_DET)))
      break;
    s--;
  }
  return s;
}

/* The folded role phrase around head noun `head`: with `pre`, the words
 * phrase_start finds before it; the head, one role word after it
 * ("avocat général"), and up to two complements ("de l'Etat", "des
 * députés LR").  Returns its length. */
static size_t role_phrase(const Block *b, uint32_t head, bool pre, char *out, size_t size) {
  uint32_t s = pre ? phrase_start(b, head) : head;
  size_t len = 0;
  out[0] = '\0';
  for (uint32_t i = s; i <= head; i++)
    if (!put_word(b, i, out, size, &len)) return 0;
  uint32_t e = head + 1;
  if (word(b, e) && (T(b, e)->lex & W_ROLE) && !(T(b, e)->flags & TF_CAP)) {
    if (!put_word(b, e, out, size, &len)) return len;
    e++;
  }
  for (int g = 0; g < 2 && compl_prep(b, e); g++) {
    uint32_t x = e + 1;
    if (word(b, x) && (T(b, x)->lex & W_DET) && !(T(b, x)->flags & TF_CAP)) x++;
    if (!word(b, x) || (T(b, x)->lex & (W_SPEECH | W_AUX | W_PRON_M | W_PRON_F | W_PRON_PL)))
      break;
    size_t keep = len;
    bool ok = true;
    for (uint32_t i = e; i <= x && ok; i++) ok = put_word(b, i, out, size, &len);
    if (!ok) {
      out[keep] = '\0';
      return keep;
    }
    e = x + 1;
    /* "des députés LR", "de la Place Beauvau", « du ministère public »:
     * one more word of the name, or an adjective */
    if (word(b, e) && (((T(b, e)->flags & TF_CAP) && !(T(b, e)->lex & (W_DET | W_PREP))) ||
                       (!(T(b, e)->flags & TF_CAP) &&
                        !(T(b, e)->lex & (W_FUNCTION | W_AUX | W_SPEECH | W_PREP | W_DET |
                                          W_QUE | W_MONTH | W_CONJ | W_PRON_M | W_PRON_F |
                                          W_PRON_PL))))) {
      if (!put_word(b, e, out, size, &len)) return len;
      e++;
    }
  }
  return len;
}

/* The canonical phrase of a role phrase: the longest synonym that starts
 * it (at a word boundary), NULL when none does. */
static const char *canonical(const Block *b, const char *phrase, size_t n) {
  const Lexicon *lx = b->lx;
  const char *best = NULL;
  size_t best_n = 0;
  /* the pairs are in order of first byte (lang.c): a binary search */
  unsigned char c0 = (unsigned char)phrase[0];
  uint32_t lo = 0, hi = lx->role_syn.size / 2;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if ((unsigned char)lx->role_syn.contents[2 * mid][0] < c0) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t i = 2 * lo; i + 1 < lx->role_syn.size; i += 2) {
    const char *v = lx->role_syn.contents[i];
    if ((unsigned char)v[0] != c0) break;
    /* most synonyms that share the first byte differ within the next
     * three: a mismatch there (before v ends) settles it without strlen
     * and memcmp, and v ending there is a prefix of at most that much */
    size_t k = 1;
    while (k < 4 && v[k] && v[k] == phrase[k]) k++;
    if (k < 4 && v[k]) continue;
    size_t vn = k < 4 ? k : 4 + strlen(v + 4);
    if (vn > n || vn <= best_n || memcmp(phrase, v, vn)) continue;
    if (vn < n && phrase[vn] != ' ') continue;
    best = lx->role_syn.contents[i + 1];
    best_n = vn;
  }
  return best;
}

/* The key a role phrase is bound and looked up under: the canonical
 * phrase when it has one, else the phrase itself when it says more than
 * the head, else "" (the head alone). */
static void role_key_fold(const Block *b, uint32_t head, const char *f, size_t fn, char *key,
                          size_t size, bool *canon) {
  char ph[96 + 64]; /* a phrase of at most 95 bytes, and put_word's room */
  /* the words before the head count only for a synonym (« La Première
   * ministre »): "the local MP" and "the Conservative MP" are one seat */
  uint32_t first = phrase_start(b, head);
  bool syn = (first < head && (T(b, first)->lex & W_SYN_HEAD)) || (T(b, head)->lex & W_SYN_HEAD);
  *canon = false;
  key[0] = '\0';
  /* most roles are a bare head ("the mayor, X"): no phrase to fold */
  if (!syn && !compl_prep(b, head + 1) &&
      !(word(b, head + 1) && (T(b, head + 1)->lex & W_ROLE) && !(T(b, head + 1)->flags & TF_CAP)))
    return;
  size_t n = 0;
  const char *c = NULL;
  if (first < head && (T(b, first)->lex & W_SYN_HEAD)) {
    n = role_phrase(b, head, true, ph, 96);
    c = n ? canonical(b, ph, n) : NULL;
  }
  if (!c) {
    n = role_phrase(b, head, false, ph, 96);
    c = n && (T(b, head)->lex & W_SYN_HEAD) ? canonical(b, ph, n) : NULL;
  }
  *canon = c != NULL;
  key[0] = '\0';
  if (c) {
    str__put(key, size, 0, c, strlen(c));
    return;
  }
  /* f[0..fn): the head folded, as the callers already have it */
  if (n && (n != fn || memcmp(ph, f, fn))) str__put(key, size, 0, ph, n);
}

/* role_key_fold with a per-paragraph memo in the Block (the key is a
 * function of the paragraph's tokens and the lexicon alone, which do not
 * change while speakers__attribute runs).  key has CTX_PHRASE bytes and
 * comes back zero-padded. */
static void role_key(Block *b, uint32_t head, const char *f, size_t fn, char *key,
                     bool *canon) {
  uint32_t n = b->n_role_keys < 8 ? b->n_role_keys : 8;
  for (uint32_t k = 0; k < n; k++)
    if (b->role_keys[k].head == head) {
      memcpy(key, b->role_keys[k].key, CTX_PHRASE);
      *canon = b->role_keys[k].canon;
      return;
    }
  memset(key, 0, CTX_PHRASE);
  role_key_fold(b, head, f, fn, key, CTX_PHRASE, canon);
  uint32_t slot = b->n_role_keys++ % 8;
  b->role_keys[slot].head = head;
  b->role_keys[slot].canon = *canon;
  memcpy(b->role_keys[slot].key, key, CTX_PHRASE);
}

/* A string of at most size - 1 bytes, zero-padded to size bytes (a role
 * or phrase as a CtxRole holds it); false when it would be cut. */
static bool padded(char *out, size_t size, const char *s, size_t n) {
  if (n >= size) return false;
  memset(out, 0, size);
  memcpy(out, s, n);
  return true;
}

/* The quotations starting at offsets at[0..n) that still have no name
 * get nm (copied into the result), by rule how. */
static void name_lede(Block *b, const uint32_t *at, uint32_t n, const char *nm,
                      const char *how) {
  const char *name = res__str(b->res, nm, strlen(nm));
  /* (the lede is a few paragraphs back: a short walk back) */
  for (size_t k = b->res->quotes.size, seen = 0; k-- > 0 && seen < 64; seen++) {
    PmQuote *q = &b->res->quotes.contents[k];
    if (!q->has_speaker || q->speaker.name) continue;
    for (uint32_t i = 0; i < n; i++)
      if (at[i] == q->start) {
        q->speaker.name = name;
        q->speaker.how = how;
      }
  }
}

void spk__bind_role(Block *b, uint32_t head, uint32_t ns, uint32_t ne) {
  const Token *h = T(b, head);
  char f[64], key[CTX_PHRASE], nm[CTX_NAME];
  size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
  if (!fn || ne <= ns) return;
  bool canon;
  role_key(b, head, f, fn, key, &canon);
  /* (« L'inspecteur, Alain T., 58 ans, »: an initial keeps its period) */
  str__put(nm, sizeof nm, 0, b->text + T(b, ns)->start,
           spk__name_text_end(b, ne) - T(b, ns)->start);
  ctx__bind_role(b->ctx, f, fn, key, nm);
  if (b->heading_role[0]) spk__heading_role_bound(b, f, fn, ns, ne);
  if (b->n_lede_body && (h->lex & b->lede_body) && !(h->lex & W_ROLE) && ne - ns >= 2) {
    name_lede(b, b->lede_body_quotes, b->n_lede_body, nm, "body-named-after");
    b->n_lede_body = 0;
    b->lede_body = 0;
  }
  if (b->n_lede_quotes && fn < sizeof b->lede_role && !b->lede_role[fn] &&
      !memcmp(b->lede_role, f, fn) && ne - ns >= 2) {
    name_lede(b, b->lede_quotes, b->n_lede_quotes, nm, "role-named-after");
    b->n_lede_quotes = 0;
    memset(b->lede_role, 0, sizeof b->lede_role);
  }
}

void spk__bind_role_to(Block *b, uint32_t head, const char *name) {
  const Token *h = T(b, head);
  char f[64], key[CTX_PHRASE];
  size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
  if (!fn || !name[0]) return;
  bool canon;
  role_key(b, head, f, fn, key, &canon);
  ctx__bind_role(b->ctx, f, fn, key, name);
}

const char *spk__role_name(Block *b, uint32_t head, bool *keyed) {
  const Token *h = T(b, head);
  char f[64], key[CTX_PHRASE];
  size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
  if (!fn) return NULL;
  bool canon;
  role_key(b, head, f, fn, key, &canon); /* zero-padded, like the bound phrases */
  *keyed = key[0] != '\0';
  const PmContext *ctx = b->ctx;
  /* The bindings hold zero-padded strings (ctx__bind_role), so with the
   * key and the head zero-padded too, equal strings are equal arrays: a
   * memcmp of fixed size instead of strcmp.  A head too long for a
   * binding's role field was stored cut there, and strcmp never found
   * it: nor does a failed padded(). */
  char role[sizeof ctx->roles[0].role];
  bool role_fits = padded(role, sizeof role, f, fn);
  if (key[0]) {
    /* "le ministre de l'Intérieur": the binding of that phrase; failing
     * it, a binding of the bare head ("Le maire, X" for « le maire du
     * Cannet »), never one of another phrase or of a canonical title */
    for (size_t i = 0; i < CTX_ROLES && ctx->roles[i].role[0]; i++)
      if (!memcmp(ctx->roles[i].phrase, key, sizeof key)) return ctx->roles[i].name;
    if (canon || !role_fits) return NULL;
    for (size_t i = 0; i < CTX_ROLES && ctx->roles[i].role[0]; i++)
      if (!ctx->roles[i].phrase[0] && !memcmp(ctx->roles[i].role, role, sizeof role))
        return ctx->roles[i].name;
    return NULL;
  }
  if (!role_fits) return NULL;
  /* "the minister" is not the prime minister: a bare head skips a phrase
   * that puts a word before it */
  for (size_t i = 0; i < CTX_ROLES && ctx->roles[i].role[0]; i++)
    if (!memcmp(ctx->roles[i].role, role, sizeof role) &&
        (!ctx->roles[i].phrase[0] || (!memcmp(ctx->roles[i].phrase, f, fn) &&
                                      (ctx->roles[i].phrase[fn] == ' ' ||
                                       ctx->roles[i].phrase[fn] == '\0'))))
      return ctx->roles[i].name;
  return NULL;
}

/* Whether the article bound `name` to a role, and to none that the role
 * phrase at `head` would resolve to (spk__role_name's rules, for that
 * one person): « le Premier ministre » is not the man named « le
 * ministre des Pensions », nor « la directrice de l'école » the woman
 * named « sa présidente ». */
bool spk__role_other_seat(Block *b, uint32_t head, const char *name) {
  const Token *h = T(b, head);
  char f[64], key[CTX_PHRASE];
  size_t fn = lex__fold(b->text + h->start, h->end - h->start, f);
  const PmContext *ctx = b->ctx;
  char role[sizeof ctx->roles[0].role];
  if (!fn || !padded(role, sizeof role, f, fn)) return false;
  bool canon, any = false;
  role_key(b, head, f, fn, key, &canon);
  for (size_t i = 0; i < CTX_ROLES && ctx->roles[i].role[0]; i++) {
    if (strcmp(ctx->roles[i].name, name)) continue;
    any = true;
    const char *ph = ctx->roles[i].phrase;
    bool same_role = !memcmp(ctx->roles[i].role, role, sizeof role);
    if (key[0] ? !memcmp(ph, key, sizeof key) || (!canon && !ph[0] && same_role)
               : same_role && (!ph[0] || (!memcmp(ph, f, fn) && (ph[fn] == ' ' || !ph[fn]))))
      return false;
  }
  return any;
}

/* ---- acronyms ------------------------------------------------------------ */

/* "(AMF)" right after a name: the acronym is the name's alias. */
/* "(ECan)", "(Kuppet)": in English a capitalised word of 3 to 8 letters
 * may be one too (abbreviates() then reads it letter by letter). */
static bool mixed_acronym(const Block *b, uint32_t i) {
  const Token *t = T(b, i);
  return b->lid == PM_LANG_EN && (t->flags & TF_CAP) && !(t->flags & TF_ALLCAP) &&
         t->end - t->start >= 3 && t->end - t->start <= 8 &&
         !(t->lex & (W_FIRST_M | W_FIRST_F | W_FUNCTION | W_DET));
}

bool spk__acronym_after(const Block *b, uint32_t e) {
  return punct(b, e, '(') && word(b, e + 1) &&
         ((T(b, e + 1)->flags & TF_ALLCAP) || mixed_acronym(b, e + 1)) && punct(b, e + 2, ')');
}

void spk__note_acronym(Block *b, uint32_t acr, uint32_t ns, uint32_t ne) {
  PmContext *ctx = b->ctx;
  const Token *a = T(b, acr);
  uint32_t an = a->end - a->start;
  if (an >= sizeof ctx->aliases[0].acr || ne <= ns) return;
  CtxAlias al;
  memset(&al, 0, sizeof al);
  memcpy(al.acr, b->text + a->start, an);
  str__put(al.name, sizeof al.name, 0, b->text + T(b, ns)->start,
           T(b, ne - 1)->end - T(b, ns)->start);
  size_t i = 0;
  while (i < CTX_ALIASES && ctx->aliases[i].acr[0] && strcmp(ctx->aliases[i].acr, al.acr)) i++;
  if (i == CTX_ALIASES) i = CTX_ALIASES - 1;
  memmove(&ctx->aliases[1], &ctx->aliases[0], i * sizeof *ctx->aliases);
  ctx->aliases[0] = al;
}

/* Are the initials of the capitalised words of `name` (three or more
 * words) exactly the n capitals at s?  "Transportation Security
 * Administration" for "TSA". */
static bool initials_are(const char *name, const char *s, size_t n) {
  size_t k = 0, words = 0;
  for (const char *c = name; *c; c++) {
    if (c != name && c[-1] != ' ') continue;
    words++;
    if (*c < 'A' || *c > 'Z') continue;
    if (k == n || *c != s[k]) return false;
    k++;
  }
  return k == n && words >= 3;
}

const char *spk__acronym_name(const Block *b, const char *s, size_t n) {
  const PmContext *ctx = b->ctx;
  for (size_t i = 0; i < CTX_ALIASES && ctx->aliases[i].acr[0]; i++)
    if (strlen(ctx->aliases[i].acr) == n && !memcmp(ctx->aliases[i].acr, s, n))
      return ctx->aliases[i].name;
  /* "the TSA said" after "the Transportation Security Administration",
   * which gave no acronym in brackets: a body named before whose
   * initials it is (in English, where such acronyms go unintroduced) */
  if (b->lid == PM_LANG_EN && n >= 3 && n <= 6) {
    const CtxPerson *e;
    for (size_t i = 0; (e = ctx__entity(ctx, i)) != NULL; i++)
      if (initials_are(e->name, s, n)) return e->name;
  }
  return NULL;
}

/* The lowercase base letter of the two-byte UTF-8 Latin-1 letter at c (é, È,
 * à, Ç …), or 0xFF. */
static char latin_base(const char *c) {
  static const char base[65] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
                               "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
  unsigned char c0 = (unsigned char)c[0], c1 = (unsigned char)c[1];
  if (c0 != 0xC3 || c1 < 0x80 || c1 > 0xBF) return (char)0xFF;
  char x = base[c1 - 0x80];
  return x == '-' ? (char)0xFF : x;
}

/* Does the acronym at token acr abbreviate the words [ns, ne)?  Its
 * letters, in order, among the words' initials (each part of a hyphenated
 * word counts), the first letters equal: "FNSPF" for "Fédération nationale
 * des sapeurs-pompiers de France", not "LR" for "Jean Dupont". */
static bool abbreviates(const Block *b, uint32_t acr, uint32_t ns, uint32_t ne) {
  const Token *a = T(b, acr);
  const char *p = b->text + a->start, *pe = b->text + a->end;
  bool first = true;
  /* "ECan" for "Environment Canterbury": a mixed-case acronym may go on
   * with the letters after a word's initial ("Can" of Canterbury) */
  bool mixed = !(a->flags & TF_ALLCAP);
  for (uint32_t i = ns; i < ne && p < pe; i++) {
    if (!word(b, i)) continue;
    const char *w = b->text + T(b, i)->start, *we = b->text + T(b, i)->end;
    for (const char *c = w; c < we && p < pe; c++) {
      if (c != w && c[-1] != '-') continue;
      char x = (char)(*c | 32), y = (char)(*p | 32);
      /* an accented letter counts as its base letter (« d'élèves » in
       * FCPE), other bytes above ASCII as none */
      if ((unsigned char)*c >= 0x80) x = c + 1 < we ? latin_base(c) : (char)0xFF;
      if (x == y) {
        p++;
        for (const char *d = c + 1; mixed && d < we && p < pe && *p >= 'a' && *p <= 'z' &&
                                    (char)(*d | 32) == *p;
             d++)
          p++;
      } else if (first) {
        return false;
      }
      first = false;
    }
  }
  return p == pe;
}

/* The organisation name before "(ACR)" at token `open` (the parenthesis):
 * back over its words to a determiner, a comma or the sentence start.
 * Returns its first token, or NONE when it does not open with a capital. */
static uint32_t org_start(const Block *b, uint32_t open, uint32_t lo) {
  uint32_t s = open;
  while (s > lo && s + 12 > open) {
    const Token *t = T(b, s - 1);
    if (t->kind != T_WORD) break;
    /* "Syndicat de la magistrature": a determiner after a preposition */
    if ((t->lex & W_DET) && !(t->lex & W_PREP) &&
        !(s >= lo + 2 && compl_prep(b, s - 2) && !(t->flags & TF_CAP)))
      break;
    if (t->lex & (W_SPEECH | W_AUX | W_QUE | W_PRON_M | W_PRON_F | W_PRON_PL) &&
        !(t->flags & TF_CAP))
      break;
    s--;
  }
  /* « l'offre de l'Association des employeurs maritimes (AEM) »: the
   * walk back went past the name into the noun it completes; the name
   * opens at its first capitalised word */
  if (s < open && !((T(b, s)->flags & TF_CAP) || (T(b, s)->lex & W_INSTITUTION))) {
    uint32_t x = s;
    while (x < open && !(word(b, x) && (T(b, x)->flags & TF_CAP))) x++;
    if (x + 1 < open && word(b, x - 1) && (T(b, x - 1)->lex & (W_DET | W_PREP))) s = x;
  }
  /* « l'agence régionale de santé (ARS) »: an institution noun may open
   * the name in lowercase */
  if (s == open || !((T(b, s)->flags & TF_CAP) || (T(b, s)->lex & W_INSTITUTION))) return NONE;
  return s;
}

bool spk__org_subject(Block *b, uint32_t end, uint32_t lo, Mention *m) {
  uint32_t j = end;
  /* "(UIMM) de l'Ain estime": a place after the acronym */
  if (j > lo + 2 && spk__nameish(b, j - 1)) {
    uint32_t k = j - 1;
    if (k > lo && word(b, k - 1) && (T(b, k - 1)->lex & W_DET) && !(T(b, k - 1)->flags & TF_CAP)) k--;
    if (k > lo && compl_prep(b, k - 1)) j = k - 1;
  }
  if (j < lo + 4 || !punct(b, j - 1, ')') || !spk__acronym_after(b, j - 3)) return false;
  uint32_t open = j - 3, ns = org_start(b, open, lo);
  if (ns == NONE || !abbreviates(b, open + 1, ns, open)) return false;
  memset(m, 0, sizeof *m);
  m->type = M_NAME;
  m->ns = ns;
  m->ne = open;
  m->ts = ns > lo && word(b, ns - 1) && (T(b, ns - 1)->lex & W_DET) ? ns - 1 : ns;
  m->te = end;
  spk__note_acronym(b, open + 1, ns, open);
  return true;
}

void spk__note_acronyms(Block *b) {
  /* an acronym note needs a '(' token (spk__acronym_after): most
   * paragraphs have none, as claims__rate's sentences tell */
  uint64_t pchars = 0;
  for (uint32_t k = 0; k < b->sents.size; k++) pchars |= b->sents.contents[k].pchars;
  if (b->sents.size && !(pchars & SENT_PCHAR('('))) return;
  /* memchr finds the parentheses, a binary search their tokens */
  const char *p = b->text + b->para_start, *end = b->text + b->para_end;
  uint32_t lo = 0;
  while (p < end && (p = memchr(p, '(', (size_t)(end - p))) != NULL) {
    uint32_t pos = (uint32_t)(p - b->text), hi = b->toks.size;
    while (lo < hi) {
      uint32_t mid = (lo + hi) / 2;
      if (T(b, mid)->start < pos) lo = mid + 1;
      else hi = mid;
    }
    uint32_t i = lo;
    p++;
    if (i == 0 || i + 2 >= b->toks.size || T(b, i)->start != pos) continue;
    if (!spk__acronym_after(b, i) || !word(b, i - 1)) continue;
    uint32_t ns = org_start(b, i, 0);
    if (ns != NONE && abbreviates(b, i + 1, ns, i)) spk__note_acronym(b, i + 1, ns, i);
  }
}

bool spk__org_named(Block *b, uint32_t ns, uint32_t ne) {
  if (!spk__acronym_after(b, ne) || !abbreviates(b, ne + 1, ns, ne)) return false;
  spk__note_acronym(b, ne + 1, ns, ne);
  return true;
}

const char *spk__org_by_noun(const Block *b, uint32_t head) {
  const Token *h = T(b, head);
  uint32_t hn = h->end - h->start;
  const PmContext *ctx = b->ctx;
  for (size_t i = 0; i < CTX_ALIASES && ctx->aliases[i].acr[0]; i++) {
    const char *nm = ctx->aliases[i].name;
    size_t w = strcspn(nm, " ");
    if (w != hn) continue;
    char f1[64], f2[64];
    size_t n1 = lex__fold(nm, w, f1), n2 = lex__fold(b->text + h->start, hn, f2);
    if (n1 && n1 == n2 && !memcmp(f1, f2, n1)) return nm;
  }
  return NULL;
}

/* ---- public bodies named by a lowercase noun ---------------------------- */

/* A lowercase word that reads as an adjective after a body's name
 * (« écologique », « nationale », « supérieur », « naturelles »,
 * « étrangères »): by its ending, as no adjective list is kept. */
static bool adjective_ending(const Block *b, uint32_t i) {
  static const char *const ends[] = {"ique", "iques", "ale", "ales", "al", "aux", "elle",
                                     "elles", "el", "els", "ieur", "ieure", "ieurs", "aire",
                                     "aires", "ien", "ienne", "iens", "ais", "aise", "ère",
                                     "ères", "if", "ive", "ifs", "ives"};
  const Token *t = T(b, i);
  size_t n = t->end - t->start;
  const char *w = b->text + t->start;
  for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
    size_t en = strlen(ends[k]);
    if (n > en + 2 && !memcmp(w + n - en, ends[k], en)) return true;
  }
  return false;
}

uint32_t spk__body_end(const Block *b, uint32_t head, uint32_t lim) {
  const uint64_t closed = W_FUNCTION | W_PREP | W_DET | W_AUX | W_SPEECH | W_QUE | W_ROLE |
                          W_CONJ | W_PRON_M | W_PRON_F | W_PRON_PL;
  uint32_t k = head + 1, n = 0;
  while (k < lim && n < 2 && word(b, k) && !(T(b, k)->flags & TF_CAP) &&
         (T(b, k)->lex & (W_DET | W_PREP)))
    k++, n++;
  if (!n || k >= lim || !word(b, k) || !(T(b, k)->flags & TF_CAP)) return NONE;
  while (k < lim && word(b, k) && (T(b, k)->flags & TF_CAP)) k++;
  uint32_t e = k;
  while (k < lim && k < head + 16) {
    /* « de la Transition écologique » (not « … espère que »: a verb) */
    if (word(b, k) && !(T(b, k)->flags & TF_CAP) && !(T(b, k)->lex & closed) &&
        adjective_ending(b, k) &&
        !(k + 1 < lim && word(b, k + 1) && (T(b, k + 1)->lex & (W_QUE | W_DET)))) {
      e = ++k;
      continue;
    }
    /* « et du Développement », « de la Nouvelle-Écosse » */
    uint32_t j = k;
    if (word(b, j) && folded_is(b, j, "et")) j++;
    uint32_t p = j;
    while (j < lim && j < p + 2 && word(b, j) && !(T(b, j)->flags & TF_CAP) &&
           (T(b, j)->lex & (W_DET | W_PREP)))
      j++;
    if (j == p || j >= lim || !word(b, j)) break;
    if (T(b, j)->flags & TF_CAP) {
      while (j < lim && word(b, j) && (T(b, j)->flags & TF_CAP)) j++;
      e = k = j;
      continue;
    }
    /* « … de l'énergie (MRNDE) »: the name runs on to its acronym */
    if (j + 1 < b->toks.size && punct(b, j + 1, '(') && !(T(b, j)->lex & closed)) e = j + 1;
    break;
  }
  return e;
}

static void note_body(Block *b, uint32_t head, uint32_t lim) {
  uint32_t e = spk__body_end(b, head, lim);
  if (e == NONE) return;
  const Token *h = T(b, head);
  uint32_t a = h->start, z = T(b, e - 1)->end;
  if (z - a >= CTX_NAME) return;
  char f[64], nm[CTX_NAME];
  size_t fn = lex__fold(b->text + a, h->end - a, f);
  if (!fn) return;
  memcpy(nm, b->text + a, z - a);
  nm[z - a] = 0;
  ctx__bind_role(b->ctx, f, fn, "", nm);
}

void spk__note_bodies(Block *b) {
  /* only sentences holding an agency noun, as claims__rate's or-ed
   * classes tell: most paragraphs have none */
  for (uint32_t k = 0; k < b->sents.size; k++) {
    const Sentence *st = &b->sents.contents[k];
    if (!(st->lex & W_AGENCY)) continue;
    for (uint32_t i = st->start; i + 2 < st->end; i++)
      if (word(b, i) && (T(b, i)->lex & W_AGENCY) && !(T(b, i)->flags & TF_CAP))
        note_body(b, i, st->end);
  }
}

/*
 * test_speaker_paths.c - the speaker pass's inline shortcuts (speakers.h)
 * agree with the rules they stand before: spk__name_end, which stops at a
 * one-word name without calling names.c, gives exactly what the full walk
 * spk__name_end_from gives, on random token sequences made of the words
 * and classes its rules read; spk__nameish settles a capitalised function
 * word inline as the rule has it (no name unless a first name too).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "analysis/speakers.h"
#include "test.h"

/* The words the name rules read (of, for, and, de) and others, as text. */
static const char *const vocab[] = {"of", "for", "and", "de", "Smith", "Bank", "Le",
                                    "van", "The", "said", "X", "Anne", "Police"};

static const uint64_t classes[] = {W_NAME_PARTICLE, W_CONJ,     W_INSTITUTION, W_FIRST_M,
                                   W_FIRST_F,       W_DET,      W_FUNCTION,    W_ROLE,
                                   W_HONORIFIC,     W_PREP,     W_AUX,         W_QUE};

static uint32_t rnd_state = 12345u;
static uint32_t rnd(void) {
  rnd_state = rnd_state * 1103515245u + 12345u;
  return rnd_state >> 8;
}

typedef struct {
  Block b;
  char text[4096];
  Token toks[64];
} Fixture;

/* n random tokens over the vocabulary, classes and flags. */
static void fill(Fixture *f, uint32_t n, PmLangId lid) {
  memset(f, 0, sizeof *f);
  size_t at = 0;
  for (uint32_t i = 0; i < n; i++) {
    Token *t = &f->toks[i];
    const char *w = vocab[rnd() % (sizeof vocab / sizeof *vocab)];
    size_t wn = strlen(w);
    memcpy(f->text + at, w, wn);
    t->start = (uint32_t)at;
    t->end = (uint32_t)(at + wn);
    at += wn + 1;
    f->text[at - 1] = ' ';
    uint32_t k = rnd() % 8;
    t->kind = k < 5 ? T_WORD : k == 5 ? T_PUNCT : k == 6 ? T_QMARK : T_NUMBER;
    t->ch = t->kind == T_PUNCT ? ",.-(/"[rnd() % 5] : 0;
    uint32_t fl = rnd() % 4;
    t->flags = (uint16_t)((fl & 1 ? TF_CAP : 0) | (fl == 3 ? TF_ALLCAP : 0));
    for (int c = 0; c < 3; c++)
      if (rnd() % 3 == 0) t->lex |= classes[rnd() % (sizeof classes / sizeof *classes)];
  }
  f->b.lid = lid;
  f->b.text = f->text;
  f->b.len = (uint32_t)at;
  f->b.toks.contents = f->toks;
  f->b.toks.size = n;
  f->b.toks.capacity = n;
}

static void name_end_shortcut_agrees_with_the_full_walk(void) {
  Fixture *f = pm_malloc(sizeof *f);
  unsigned compared = 0, differ = 0, short_names = 0;
  for (int round = 0; round < 4000; round++) {
    uint32_t n = 2 + rnd() % 40;
    fill(f, n, round % 2 ? PM_LANG_EN : PM_LANG_FR);
    for (uint32_t s = 0; s < n; s++)
      for (uint32_t hi = s + 1; hi <= n + 1; hi++) {
        uint32_t fast = spk__name_end(&f->b, s, hi), full = spk__name_end_from(&f->b, s, hi);
        compared++;
        if (fast != full) {
          if (!differ)
            printf("#   round %d s %u hi %u: inline %u, names.c %u\n", round, s, hi, fast, full);
          differ++;
        }
        if (full == s + 1) short_names++;
      }
  }
  CHECK_EQ_INT(differ, 0);
  CHECK(compared > 100000);
  CHECK(short_names > 1000 && short_names < compared); /* both paths taken */
  pm_free(f);
}

static void a_capitalised_function_word_is_a_name_only_as_a_first_name(void) {
  Fixture *f = pm_malloc(sizeof *f);
  fill(f, 3, PM_LANG_FR);
  for (uint32_t i = 0; i < 3; i++) {
    f->toks[i].kind = T_WORD;
    f->toks[i].flags = TF_CAP;
    f->toks[i].lex = 0;
  }
  CHECK(spk__nameish(&f->b, 1));
  f->toks[1].lex = W_DET; /* « Le » */
  CHECK(!spk__nameish(&f->b, 1));
  f->toks[1].lex = W_DET | W_FIRST_M; /* a first name that is also a word */
  CHECK(spk__nameish(&f->b, 1));
  f->toks[1].lex = W_FUNCTION | W_FIRST_F;
  CHECK(spk__nameish(&f->b, 1));
  f->toks[1].lex = W_MONTH;
  CHECK(!spk__nameish(&f->b, 1));
  f->toks[1].flags = 0; /* lowercase: never */
  f->toks[1].lex = 0;
  CHECK(!spk__nameish(&f->b, 1));
  CHECK(!spk__nameish(&f->b, 3)); /* past the tokens */
  pm_free(f);
}

int main(void) {
  RUN(name_end_shortcut_agrees_with_the_full_walk);
  RUN(a_capitalised_function_word_is_a_name_only_as_a_first_name);
  return test_done();
}

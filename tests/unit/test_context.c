/*
 * test_context.c - the context's list of named people: most recent first,
 * at most CTX_ENTITIES names, looked up by whole name and by one word, and
 * compared in order whatever slots a history left the names in.
 */
#include <stdio.h>
#include <string.h>

#include "analysis/internal.h"
#include "test.h"

static void note(PmContext *ctx, const char *name, int gender) {
  ctx__note_entity(ctx, name, strlen(name), gender);
}

static const char *nth(const PmContext *ctx, size_t k) {
  const CtxPerson *p = ctx__entity(ctx, k);
  return p ? p->name : "(none)";
}

static void people_are_listed_most_recent_first(void) {
  PmContext *ctx = pm_context_new();
  note(ctx, "Manuel Valls", 1);
  note(ctx, "Anne Roux", 2);
  note(ctx, "Paul Dax", 0);
  CHECK_EQ_STR(nth(ctx, 0), "Paul Dax");
  CHECK_EQ_STR(nth(ctx, 1), "Anne Roux");
  CHECK_EQ_STR(nth(ctx, 2), "Manuel Valls");
  CHECK(ctx__entity(ctx, 3) == NULL);
  /* noting a known name moves it to the front and keeps its gender */
  note(ctx, "Manuel Valls", 0);
  CHECK_EQ_STR(nth(ctx, 0), "Manuel Valls");
  CHECK_EQ_STR(nth(ctx, 1), "Paul Dax");
  CHECK_EQ_STR(nth(ctx, 2), "Anne Roux");
  CHECK_EQ_INT(ctx__entity(ctx, 0)->gender, 1);
  /* a speaker is noted among the people too, with a gender it brings */
  ctx__note_speaker(ctx, "Anne Roux", 0);
  ctx__note_speaker(ctx, "Paul Dax", 1);
  CHECK_EQ_STR(nth(ctx, 0), "Paul Dax");
  CHECK_EQ_STR(nth(ctx, 1), "Anne Roux");
  CHECK_EQ_INT(ctx__entity(ctx, 0)->gender, 1);
  CHECK_EQ_INT(ctx->n_people, 3);
  pm_context_free(ctx);
}

static void a_word_finds_the_full_name(void) {
  PmContext *ctx = pm_context_new();
  note(ctx, "Manuel Valls", 1);
  note(ctx, "Jean-Luc Mélenchon", 1);
  const CtxPerson *p = ctx__entity_by_part(ctx, "Valls", 5);
  CHECK(p != NULL);
  if (p) CHECK_EQ_STR(p->name, "Manuel Valls");
  p = ctx__entity_by_part(ctx, "Mélenchon", strlen("Mélenchon"));
  CHECK(p != NULL);
  if (p) CHECK_EQ_STR(p->name, "Jean-Luc Mélenchon");
  CHECK(ctx__entity_by_part(ctx, "Val", 3) == NULL);   /* not a whole word */
  CHECK(ctx__entity_by_part(ctx, "Luc", 3) == NULL);   /* inside a word */
  CHECK(ctx__entity_by_part(ctx, "Roux", 4) == NULL);
  CHECK(ctx__person(ctx, "Manuel Valls") != NULL);
  CHECK(ctx__person(ctx, "Valls") == NULL);
  pm_context_free(ctx);
}

static void the_least_recent_name_drops_out(void) {
  PmContext *ctx = pm_context_new();
  char name[32];
  for (int i = 0; i <= CTX_ENTITIES; i++) {
    snprintf(name, sizeof name, "Person Number%d", i);
    note(ctx, name, 0);
  }
  CHECK_EQ_INT(ctx->n_people, CTX_ENTITIES);
  CHECK_EQ_STR(nth(ctx, 0), "Person Number48");
  CHECK_EQ_STR(nth(ctx, CTX_ENTITIES - 1), "Person Number1");
  CHECK(ctx__person(ctx, "Person Number0") == NULL);
  CHECK(ctx__entity_by_part(ctx, "Number0", 7) == NULL);
  CHECK(ctx__entity_by_part(ctx, "Number1", 7) != NULL);
  pm_context_free(ctx);
}

/* The same names in the same order compare equal even when the two
 * histories left them in different slots; another order does not. */
static void equal_lists_compare_equal_whatever_their_slots(void) {
  PmContext *a = pm_context_new(), *b = pm_context_new();
  char name[32];
  /* a: sixty names, so that slots are reused; b: only the last 48 */
  for (int i = 0; i < 60; i++) {
    snprintf(name, sizeof name, "Person Number%d", i);
    note(a, name, 0);
    if (i >= 60 - CTX_ENTITIES) note(b, name, 0);
  }
  CHECK(memcmp(a->people, b->people, sizeof a->people) != 0);
  CHECK(pm_context_equal(a, b));
  PmContext *c = pm_context_copy(a);
  CHECK(pm_context_equal(a, c));
  note(a, "Person Number30", 0);
  CHECK(!pm_context_equal(a, b));
  note(b, "Person Number30", 0);
  CHECK(pm_context_equal(a, b));
  note(a, "Person Number31", 2); /* a gender makes a difference too */
  note(b, "Person Number31", 0);
  CHECK(!pm_context_equal(a, b));
  pm_context_free(a);
  pm_context_free(b);
  pm_context_free(c);
}

static size_t n_roles(const PmContext *ctx) {
  size_t n = 0;
  while (n < CTX_ROLES && ctx->roles[n].role[0]) n++;
  return n;
}

/* One binding per role and phrase, the latest in front; binding the one
 * in front again changes nothing; fields hold their strings cut. */
static void roles_are_bound_most_recent_first(void) {
  PmContext *ctx = pm_context_new();
  ctx__bind_role(ctx, "ministre", 8, "", "Manuel Valls");
  ctx__bind_role(ctx, "maire", 5, "", "Anne Roux");
  ctx__bind_role(ctx, "ministre", 8, "ministre de l'intérieur", "Paul Dax");
  CHECK_EQ_INT(n_roles(ctx), 3);
  CHECK_EQ_STR(ctx->roles[0].phrase, "ministre de l'intérieur");
  CHECK_EQ_STR(ctx->roles[1].name, "Anne Roux");
  CHECK_EQ_STR(ctx->roles[2].name, "Manuel Valls");
  ctx__bind_role(ctx, "maire", 5, "", "Anne Roux"); /* to the front */
  CHECK_EQ_INT(n_roles(ctx), 3);
  CHECK_EQ_STR(ctx->roles[0].role, "maire");
  CHECK_EQ_STR(ctx->roles[1].name, "Paul Dax");
  PmContext *before = pm_context_copy(ctx);
  ctx__bind_role(ctx, "maire", 5, "", "Anne Roux"); /* again: no change */
  CHECK(!memcmp(ctx->roles, before->roles, sizeof ctx->roles));
  ctx__bind_role(ctx, "maire", 5, "", "Léa Morel"); /* a new holder */
  CHECK_EQ_INT(n_roles(ctx), 3);
  CHECK_EQ_STR(ctx->roles[0].name, "Léa Morel");
  CHECK_EQ_STR(ctx->roles[1].name, "Paul Dax");
  CHECK_EQ_STR(ctx__role(ctx, "maire", 5), "Léa Morel");
  char longer[200];
  memset(longer, 'x', sizeof longer - 1);
  longer[sizeof longer - 1] = '\0';
  ctx__bind_role(ctx, "juge", 4, longer, longer);
  CHECK_EQ_INT(strlen(ctx->roles[0].phrase), CTX_PHRASE - 1);
  CHECK_EQ_INT(strlen(ctx->roles[0].name), CTX_NAME - 1);
  CHECK(ctx->roles[0].name[CTX_NAME - 1] == '\0');
  /* full: the least recent drops out */
  char role[16];
  for (int i = 0; i < CTX_ROLES; i++) {
    snprintf(role, sizeof role, "role%d", i);
    ctx__bind_role(ctx, role, strlen(role), "", "Someone Else");
  }
  CHECK_EQ_INT(n_roles(ctx), CTX_ROLES);
  CHECK_EQ_STR(ctx->roles[0].role, "role15");
  CHECK(ctx__role(ctx, "maire", 5) == NULL);
  pm_context_free(before);
  pm_context_free(ctx);
}

int main(void) {
  RUN(people_are_listed_most_recent_first);
  RUN(roles_are_bound_most_recent_first);
  RUN(a_word_finds_the_full_name);
  RUN(the_least_recent_name_drops_out);
  RUN(equal_lists_compare_equal_whatever_their_slots);
  return test_done();
}

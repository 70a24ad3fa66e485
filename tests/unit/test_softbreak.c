/*
 * test_softbreak.c - how a text's line breaks are read (softbreak.c): a
 * scraped article keeps one paragraph a line whatever Markdown it holds,
 * and a wrapped head does not glue the scraped text after it; a text that
 * is hard-wrapped still reads as wrapped.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/internal.h"
#include "test.h"
#include "util/alloc.h"

/* A scraped French article: one paragraph a line, a blank line after its
 * headline, a byline and a short line without a final period. */
static const char scraped[] =
    "Transports : la région promet des trains plus fréquents dès l'automne\n"
    "\n"
    "Par Hélène Marchetti\n"
    "Publié le 4 mars à 18 h 02\n"
    "La présidente de la région, Agnès Morel, a présenté lundi un plan de "
    "douze millions d'euros pour renforcer les lignes régionales entre les "
    "trois principales villes du département.\n"
    "« Nous voulons un train toutes les demi-heures aux heures de pointe », "
    "a déclaré l'élue devant la commission des transports, réunie en séance "
    "extraordinaire.\n"
    "Les associations d'usagers restent prudentes\n"
    "Leur porte-parole, Yannick Prigent, juge que « les promesses ne "
    "suffisent plus » et réclame un calendrier précis avant la fin de "
    "l'année.\n";

/* A paragraph hard-wrapped at 66 columns. */
static const char wrapped[] =
    "The mayor of Harlow Bay, Dana Okafor, defended the new bus network\n"
    "on Monday in front of a packed council chamber. \"We will not cut a\n"
    "single route this year, whatever the province decides,\" said Okafor,\n"
    "who has led the city since 2022 and plans to run again next year.\n"
    "\n";

/* Whether every '\n' of text[from, to) that ends a sentence (after a
 * period) is still one in the softened copy. */
static bool keeps_paragraphs(const char *soft, const char *text, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (text[i] == '\n' && text[i - 1] == '.' && (!soft || soft[i] != '\n')) return false;
  return true;
}

static void scraped_article_with_a_markdown_link_reads_a_paragraph_a_line(void) {
  const char *tails[] = {"\n[Lire aussi : notre dossier](https://example.org/dossier)\n",
                         "\n## Les réactions\n"};
  for (size_t k = 0; k < 2; k++) {
    size_t n = strlen(scraped) + strlen(tails[k]);
    char *t = pm_malloc(n + 1);
    memcpy(t, scraped, strlen(scraped));
    memcpy(t + strlen(scraped), tails[k], strlen(tails[k]) + 1);
    uint8_t mode, width;
    bool crlf;
    an__wrap_detect(t, n, &mode, &width);
    CHECK_EQ_INT(mode, PM_WRAP_LINES);
    char *soft = an__soften(t, n, mode, width, &crlf);
    CHECK(soft == NULL);
    pm_free(soft);
    pm_free(t);
  }
}

/* A scraped page with blank lines between its paragraphs, a comment
 * section (a post a line) and a Markdown link: joined as Markdown, the
 * posts would run into each other and into « Commentaires (3) ». */
static void scraped_page_with_comments_reads_a_paragraph_a_line(void) {
  static const char page[] =
      "Le maire de Villeneuve, Paul Henrion, a présenté mardi le budget de la commune.\n"
      "\n"
      "« Nous avons réduit la dette de 12 % en trois ans », a-t-il déclaré devant le "
      "conseil municipal réuni en séance publique.\n"
      "\n"
      "La présidente de l'opposition, Claire Dumas, conteste ces chiffres et réclame un audit.\n"
      "\n"
      "Certains parlent déjà d'une « victoire » pour la majorité sortante.\n"
      "\n"
      "L'adjoint aux finances, Marc Petit, promet de publier tous les comptes en mars.\n"
      "\n"
      "Le vote du budget aura lieu le 14 avril, après deux séances de commission.\n"
      "\n"
      "L'opposition annonce déjà qu'elle votera contre le texte.\n"
      "\n"
      "Commentaires (3)\n"
      "Encore des promesses, franchement\n"
      "Répondre\n"
      "Jean-Marc a écrit : « la dette baisse » ? Je demande à voir\n"
      "Répondre\n"
      "Lire aussi : [notre dossier sur le budget](https://example.org/budget)\n";
  uint8_t mode, width;
  an__wrap_detect(page, strlen(page), &mode, &width);
  CHECK_EQ_INT(mode, PM_WRAP_LINES);
}

/* A wrapped head decides the reading; the scraped article after it keeps
 * its lines (each ends a sentence past any wrapping width), the head's
 * soft breaks still read as spaces. */
static void scraped_text_after_a_wrapped_head_keeps_its_lines(void) {
  for (int md = 0; md < 2; md++) {
    const char *title = md ? "# Transit plan\n\n" : "Transit plan\n\n";
    size_t nh = strlen(title) + 12 * strlen(wrapped);
    size_t n = nh + strlen(scraped);
    char *t = pm_malloc(n + 1);
    size_t at = 0;
    memcpy(t, title, strlen(title));
    at += strlen(title);
    for (int i = 0; i < 12; i++, at += strlen(wrapped)) memcpy(t + at, wrapped, strlen(wrapped));
    memcpy(t + at, scraped, strlen(scraped) + 1);
    uint8_t mode, width;
    bool crlf;
    an__wrap_detect(t, n, &mode, &width);
    CHECK_EQ_INT(mode, md ? PM_WRAP_MARKDOWN : PM_WRAP_WIDTH);
    char *soft = an__soften(t, n, mode, width, &crlf);
    CHECK(soft != NULL);
    if (soft) {
      /* the head's first paragraph is one line */
      const char *p1 = t + strlen(title);
      CHECK(soft[p1 - t + strcspn(p1, "\n")] == ' ');
      /* the article's paragraphs, past any width, stay lines (in
       * Markdown its short intertitle still goes on the next line, as
       * CommonMark reads it) */
      CHECK(keeps_paragraphs(soft, t, nh, n));
      if (!md) CHECK_EQ_INT(memcmp(soft + nh, t + nh, n - nh), 0);
    }
    pm_free(soft);
    pm_free(t);
  }
}

/* The same wrapped paragraphs without any Markdown read at their width,
 * and with a Markdown link as Markdown. */
static void wrapped_text_still_reads_as_wrapped(void) {
  char t[1024];
  snprintf(t, sizeof t, "%s%s[More](https://example.org/more)\n", wrapped, wrapped);
  uint8_t mode, width;
  an__wrap_detect(t, strlen(t), &mode, &width);
  CHECK_EQ_INT(mode, PM_WRAP_MARKDOWN);
  snprintf(t, sizeof t, "%s%s", wrapped, wrapped);
  an__wrap_detect(t, strlen(t), &mode, &width);
  CHECK_EQ_INT(mode, PM_WRAP_WIDTH);
  CHECK(width >= 60 && width <= 70);
}

/* A scraped page's head: a byline block of short lines between blank
 * lines, its lines about one width and ending on words.  No wrapper writes
 * 30-odd columns; read as wrapped, the byline ran into the credit line. */
static void byline_block_of_short_lines_is_no_wrapping(void) {
  static const char page[] =
      "Budget : la ville augmente ses tarifs\n"
      "\n"
      "Par Anne Morel et Paul Henrion\n"
      "avec AFP et nos correspondants\n"
      "Publié le 14 octobre à 8 h 12\n"
      "\n"
      "Le conseil municipal a voté lundi soir une hausse des tarifs de la cantine et de la piscine.\n"
      "\n"
      "« Nous n'avions pas le choix », a déclaré Paul Henrion, adjoint aux finances.\n";
  uint8_t mode, width;
  an__wrap_detect(page, strlen(page), &mode, &width);
  CHECK_EQ_INT(mode, PM_WRAP_LINES);
}

/* The public break test (pm_analysis_hard_break), which the editor cuts
 * its blocks by, answers as the softened copy reads each break: in a text
 * wrapped at its width, in Markdown (a list, a heading, a quoted block),
 * and always hard in a text read a paragraph a line. */
static void hard_break_agrees_with_the_softened_copy(void) {
  static const char md[] =
      "# Harbour plan\n"
      "\n"
      "The council met on Monday to weigh the harbour plan, which the mayor\n"
      "called \"the last chance for the old docks\" before the vote. [More]\n"
      "(https://example.org/more) followed the debate.\n"
      "- first item of a list\n"
      "- second item\n"
      "> A quoted block that runs on\n"
      "> over two lines.\n"
      "\n";
  char t[2048];
  const char *texts[3] = {t, md, scraped};
  snprintf(t, sizeof t, "%s%s%s", wrapped, wrapped, wrapped);
  const int modes[3] = {PM_WRAP_WIDTH, PM_WRAP_MARKDOWN, PM_WRAP_LINES};
  for (int k = 0; k < 3; k++) {
    const char *x = texts[k];
    size_t n = strlen(x);
    PmContext *ctx = pm_context_new();
    CHECK_EQ_INT(pm_context_set_reading(ctx, x, n), modes[k] != PM_WRAP_LINES);
    uint8_t mode, width;
    bool crlf;
    an__wrap_detect(x, n, &mode, &width);
    CHECK_EQ_INT(mode, modes[k]);
    char *soft = an__soften(x, n, mode, width, &crlf);
    int softs = 0;
    for (size_t ls = 0, nl; ls < n; ls = nl + 1) {
      nl = (size_t)((const char *)memchr(x + ls, '\n', n - ls) - x);
      const char *next = x + nl + 1;
      size_t next_len = strcspn(next, "\n");
      bool hard = pm_analysis_hard_break(ctx, x + ls, nl - ls, next, next_len);
      CHECK_EQ_INT(hard, !soft || soft[nl] == '\n');
      softs += !hard;
    }
    CHECK_EQ_INT(softs > 0, modes[k] != PM_WRAP_LINES);
    pm_free(soft);
    pm_context_free(ctx);
  }
  /* a context that has decided nothing cuts anywhere */
  PmContext *fresh = pm_context_new();
  CHECK(pm_analysis_hard_break(fresh, "the mayor", 9, "said", 4));
  pm_context_free(fresh);
}

int main(void) {
  RUN(scraped_article_with_a_markdown_link_reads_a_paragraph_a_line);
  RUN(scraped_page_with_comments_reads_a_paragraph_a_line);
  RUN(scraped_text_after_a_wrapped_head_keeps_its_lines);
  RUN(wrapped_text_still_reads_as_wrapped);
  RUN(byline_block_of_short_lines_is_no_wrapping);
  RUN(hard_break_agrees_with_the_softened_copy);
  return test_done();
}

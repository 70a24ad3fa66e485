/*
 * export.h - notes as schema.org ClaimReview or W3C Web Annotation JSON-LD.
 *
 * ClaimReview: one object per note that has a verdict and is not
 * dismissed (claimReviewed = the annotated text, itemReviewed.author = the
 * note's speaker, reviewRating with alternateName and, for the five graded
 * verdicts, ratingValue from 1 = false to 5 = true, author, datePublished
 * = the note's creation date, url when the article's URL is known).
 *
 * W3C: one Annotation per note, target with a TextQuoteSelector and, when
 * the note is found in the article, a TextPositionSelector whose start and
 * end count Unicode code points (as the W3C model requires), not bytes.
 */
#ifndef PRESSMARK_EXPORT_H
#define PRESSMARK_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "pressmark/error.h"
#include "pressmark/sidecar.h"

typedef enum { PM_EXPORT_CLAIMREVIEW, PM_EXPORT_W3C } PmExportFormat;

typedef struct {
  /* The article's public URL; NULL: article.url from the sidecar, if any. */
  const char *url;
  /* Used as the W3C target source when no URL is known (e.g. the file
   * name); may be NULL. */
  const char *name;
} PmExportOptions;

/* Re-anchors the notes of `sc` on the article text (borrowed; may be NULL,
 * then no position selectors are written) and returns the JSON text
 * (pretty-printed, ending with a newline), owned by the caller (pm_free).
 * Currently cannot fail; err is for future formats. */
char *pm_export(PmSidecar *sc, const char *text, size_t len,
                PmExportFormat format, const PmExportOptions *opt,
                size_t *out_len, PmError *err);

/* "claimreview" or "w3c" -> the format; false for anything else. */
bool pm_export_format_parse(const char *name, PmExportFormat *out);

#endif

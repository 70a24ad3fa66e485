/*
 * export.c - ClaimReview and W3C Web Annotation JSON-LD from a sidecar.
 *
 * Both are written by hand with pm_buf_json_string (always valid JSON,
 * even for a note holding invalid UTF-8).  Code point offsets for the
 * TextPositionSelector are counted in one sweep over the article, in the
 * order the notes sit in it, so an export costs O(article + notes).
 */
#include <stdlib.h>
#include <string.h>

#include "pressmark/anchor.h"
#include "pressmark/export.h"
#include "sidecar/internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/utf8.h"

bool pm_export_format_parse(const char *name, PmExportFormat *out) {
  if (!strcmp(name, "claimreview")) *out = PM_EXPORT_CLAIMREVIEW;
  else if (!strcmp(name, "w3c")) *out = PM_EXPORT_W3C;
  else return false;
  return true;
}

static void str(PmBuf *b, const char *s) { pm_buf_json_string(b, s, strlen(s)); }

static void kv(PmBuf *b, int ind, const char *key, const char *val, bool comma) {
  pm_buf_printf(b, "%*s\"%s\": ", ind, "", key);
  str(b, val);
  pm_buf_puts(b, comma ? ",\n" : "\n");
}

typedef struct {
  const char *name;
  int rating; /* 0: none */
} Verdict;

static Verdict verdict_info(const char *v) {
  static const struct {
    const char *key;
    Verdict info;
  } table[] = {{"true", {"True", 5}},
               {"mostly-true", {"Mostly true", 4}},
               {"mixed", {"Mixed", 3}},
               {"misleading", {"Misleading", 2}},
               {"false", {"False", 1}},
               {"unverifiable", {"Unverifiable", 0}},
               {"opinion", {"Opinion", 0}}};
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    if (!strcmp(table[i].key, v)) return table[i].info;
  Verdict none = {v, 0};
  return none;
}

static void claimreview(PmBuf *b, const PmSidecar *sc, const char *url) {
  pm_buf_puts(b, "[");
  bool first = true;
  for (uint32_t i = 0; i < sc->notes.size; i++) {
    const PmNote *n = sc->notes.contents[i];
    const char *v = pm_note_verdict(n);
    if (!v || pm_note_dismissed(n)) continue;
    Verdict info = verdict_info(v);
    pm_buf_puts(b, first ? "\n  {\n" : ",\n  {\n");
    first = false;
    kv(b, 4, "@context", "https://schema.org", true);
    kv(b, 4, "@type", "ClaimReview", true);
    kv(b, 4, "identifier", pm_note_id(n), true);
    kv(b, 4, "claimReviewed", pm_note_exact(n) ? pm_note_exact(n) : "", true);
    pm_buf_puts(b, "    \"itemReviewed\": {\n");
    kv(b, 6, "@type", "Claim", pm_note_speaker(n) || url);
    if (pm_note_speaker(n)) {
      pm_buf_puts(b, "      \"author\": {\"@type\": \"Person\", \"name\": ");
      str(b, pm_note_speaker(n));
      pm_buf_puts(b, url ? "},\n" : "}\n");
    }
    if (url) {
      pm_buf_puts(b, "      \"appearance\": {\"@type\": \"CreativeWork\", \"url\": ");
      str(b, url);
      pm_buf_puts(b, "}\n");
    }
    pm_buf_puts(b, "    },\n    \"reviewRating\": {\n");
    kv(b, 6, "@type", "Rating", true);
    if (info.rating)
      pm_buf_printf(b, "      \"ratingValue\": %d,\n      \"bestRating\": 5,\n"
                    "      \"worstRating\": 1,\n", info.rating);
    kv(b, 6, "alternateName", info.name, false);
    pm_buf_puts(b, "    }");
    if (pm_note_author(n)) {
      pm_buf_puts(b, ",\n    \"author\": {\"@type\": \"Person\", \"name\": ");
      str(b, pm_note_author(n));
      pm_buf_puts(b, "}");
    }
    const char *created = pm_note_created(n);
    if (created && strlen(created) >= 10) {
      pm_buf_puts(b, ",\n    \"datePublished\": ");
      pm_buf_json_string(b, created, 10);
    }
    if (pm_note_text(n)) {
      pm_buf_puts(b, ",\n    \"reviewBody\": ");
      str(b, pm_note_text(n));
    }
    if (url) {
      PmBuf u = PM_BUF_INIT;
      pm_buf_printf(&u, "%s#pressmark-%s", url, pm_note_id(n));
      pm_buf_puts(b, ",\n    \"url\": ");
      str(b, u.data);
      pm_buf_free(&u);
    }
    pm_buf_puts(b, "\n  }");
  }
  pm_buf_puts(b, first ? "]\n" : "\n]\n");
}

typedef struct {
  uint32_t start, index;
} ByStart;

static int cmp_by_start(const void *a, const void *b) {
  const ByStart *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static bool placed(const PmNote *n) {
  PmAnchorOutcome o = n->res.outcome;
  return o == PM_ANCHOR_ANCHORED || o == PM_ANCHOR_MOVED || o == PM_ANCHOR_FUZZY;
}

static bool is_url(const char *s) {
  return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8);
}

static void w3c_one(PmBuf *b, const PmNote *n, const char *text, size_t len,
                    const char *source, uint32_t cps, uint32_t cpe, bool comma) {
  const char *v = pm_note_verdict(n);
  pm_buf_puts(b, "  {\n");
  kv(b, 4, "@context", "http://www.w3.org/ns/anno.jsonld", true);
  PmBuf id = PM_BUF_INIT;
  pm_buf_printf(&id, "urn:pressmark:note:%s", pm_note_id(n));
  kv(b, 4, "id", id.data, true);
  pm_buf_free(&id);
  kv(b, 4, "type", "Annotation", true);
  kv(b, 4, "motivation", v ? "assessing" : "commenting", true);
  if (pm_note_created(n)) kv(b, 4, "created", pm_note_created(n), true);
  if (pm_note_updated(n)) kv(b, 4, "modified", pm_note_updated(n), true);
  if (pm_note_author(n)) {
    pm_buf_puts(b, "    \"creator\": {\"type\": \"Person\", \"name\": ");
    str(b, pm_note_author(n));
    pm_buf_puts(b, "},\n");
  }
  pm_buf_puts(b, "    \"body\": [");
  bool first = true;
#define BODY_SEP (pm_buf_puts(b, first ? "\n" : ",\n"), first = false)
  if (pm_note_text(n)) {
    BODY_SEP;
    pm_buf_puts(b, "      {\"type\": \"TextualBody\", \"purpose\": \"commenting\", "
                "\"format\": \"text/plain\", \"value\": ");
    str(b, pm_note_text(n));
    pm_buf_puts(b, "}");
  }
  if (v) {
    BODY_SEP;
    pm_buf_puts(b, "      {\"type\": \"TextualBody\", \"purpose\": \"assessing\", "
                "\"value\": ");
    str(b, v);
    pm_buf_puts(b, "}");
  }
  if (pm_note_speaker(n)) {
    BODY_SEP;
    pm_buf_puts(b, "      {\"type\": \"TextualBody\", \"purpose\": \"identifying\", "
                "\"value\": ");
    str(b, pm_note_speaker(n));
    pm_buf_puts(b, "}");
  }
  for (size_t i = 0; i < pm_note_source_count(n); i++) {
    const char *s = pm_note_source_at(n, i);
    BODY_SEP;
    if (is_url(s)) {
      pm_buf_puts(b, "      {\"type\": \"SpecificResource\", \"purpose\": "
                  "\"linking\", \"source\": ");
    } else {
      pm_buf_puts(b, "      {\"type\": \"TextualBody\", \"purpose\": \"linking\", "
                  "\"value\": ");
    }
    str(b, s);
    pm_buf_puts(b, "}");
  }
#undef BODY_SEP
  pm_buf_puts(b, first ? "],\n" : "\n    ],\n");
  pm_buf_puts(b, "    \"target\": {\n");
  if (source) kv(b, 6, "source", source, true);
  pm_buf_puts(b, "      \"selector\": [\n        {\"type\": \"TextQuoteSelector\", "
              "\"exact\": ");
  if (placed(n) && text) {
    PmAnchorSpec s;
    pm_anchor_context(text, len, n->res.start, n->res.end, &s);
    pm_buf_json_string(b, s.exact, s.exact_len);
    pm_buf_puts(b, ", \"prefix\": ");
    pm_buf_json_string(b, s.prefix, s.prefix_len);
    pm_buf_puts(b, ", \"suffix\": ");
    pm_buf_json_string(b, s.suffix, s.suffix_len);
    pm_buf_printf(b, "},\n        {\"type\": \"TextPositionSelector\", "
                  "\"start\": %u, \"end\": %u}\n", cps, cpe);
  } else {
    str(b, pm_note_exact(n) ? pm_note_exact(n) : "");
    if (pm_note_prefix(n)) pm_buf_puts(b, ", \"prefix\": "), str(b, pm_note_prefix(n));
    if (pm_note_suffix(n)) pm_buf_puts(b, ", \"suffix\": "), str(b, pm_note_suffix(n));
    pm_buf_puts(b, "}\n");
  }
  pm_buf_puts(b, "      ]\n    }\n  }");
  pm_buf_puts(b, comma ? ",\n" : "\n");
}

static void w3c(PmBuf *b, const PmSidecar *sc, const char *text, size_t len,
                const char *source) {
  uint32_t n = sc->notes.size;
  /* Code point offsets in one sweep, in text order. */
  ByStart *order = pm_malloc((n ? n : 1) * sizeof *order);
  uint32_t *cps = pm_calloc((n ? n : 1) * 2, sizeof *cps);
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++)
    if (text && placed(sc->notes.contents[i]))
      order[k++] = (ByStart){sc->notes.contents[i]->res.start, i};
  qsort(order, k, sizeof *order, cmp_by_start);
  /* Starts ascend; an end is counted from its own start, so nested notes
   * cost their own length only. */
  size_t at = 0, cp = 0;
  for (uint32_t i = 0; i < k; i++) {
    uint32_t ix = order[i].index;
    const PmNote *nt = sc->notes.contents[ix];
    cp += pm_utf8_count(text + at, nt->res.start - at);
    at = nt->res.start;
    cps[2 * ix] = (uint32_t)cp;
    cps[2 * ix + 1] =
        (uint32_t)(cp + pm_utf8_count(text + at, nt->res.end - at));
  }
  pm_buf_puts(b, n ? "[\n" : "[");
  for (uint32_t i = 0; i < n; i++) {
    w3c_one(b, sc->notes.contents[i], text, len, source, cps[2 * i],
            cps[2 * i + 1], i + 1 < n);
  }
  pm_buf_puts(b, "]\n");
  pm_free(order);
  pm_free(cps);
}

char *pm_export(PmSidecar *sc, const char *text, size_t len,
                PmExportFormat format, const PmExportOptions *opt,
                size_t *out_len, PmError *err) {
  (void)err;
  const char *url = opt && opt->url ? opt->url : pm_sidecar_article_url(sc);
  const char *name = opt && opt->name ? opt->name : pm_sidecar_article_path(sc);
  if (text) pm_sidecar_reanchor(sc, text, len, NULL);
  pm_sidecar_sort(sc);
  PmBuf b = PM_BUF_INIT;
  if (format == PM_EXPORT_CLAIMREVIEW) claimreview(&b, sc, url);
  else w3c(&b, sc, text, len, url ? url : name);
  if (out_len) *out_len = b.len;
  return pm_buf_take(&b);
}

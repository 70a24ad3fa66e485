/*
 * sidecar.h - fact-check notes kept in ARTICLE.factcheck.yaml.
 *
 * A PmSidecar holds the notes of one article (schema version 1, see
 * doc/pressmark.txt |pressmark-sidecar|).  It is loaded from a file or from
 * memory, edited through PmNote getters and setters, and written back
 * deterministically: the same notes always give the same bytes, so a change
 * to one note changes only that note's lines in `git diff`.  Keys this
 * version does not know are kept, at file, article, note and anchor level.
 * YAML comments are not kept.
 *
 * Ownership: a PmSidecar owns its notes.  A PmNote pointer stays valid
 * until the note is deleted, the sidecar is freed, or pm_sidecar_save()
 * merges in a change made on disk meanwhile (then look notes up again by
 * id).  Strings returned by getters are owned by the note and valid until
 * the field is set again.  Every setter copies its arguments.
 *
 * Nothing here prints; failures are returned in PmError, whose message
 * reads `file:line:col: what` (col 1-based in the message, 0-based in the
 * PmError field, as everywhere in pressmark).
 */
#ifndef PRESSMARK_SIDECAR_H
#define PRESSMARK_SIDECAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pressmark/error.h"

typedef struct PmSidecar PmSidecar;
typedef struct PmNote PmNote;

#define PM_SIDECAR_SCHEMA 1
#define PM_SIDECAR_SUFFIX ".factcheck.yaml"
/* Larger sidecars are refused before parsing. */
#define PM_SIDECAR_MAX_BYTES (16u << 20)

/* An empty sidecar (no notes, no article).  Never fails. */
PmSidecar *pm_sidecar_new(void);

/* Reads `path`.  A missing file gives an empty sidecar (not an error); a
 * file that does not parse or breaks the schema gives NULL and err.  The
 * bytes read are remembered for the no-lost-update check of save. */
PmSidecar *pm_sidecar_load(const char *path, PmError *err);

/* Parses `len` bytes (borrowed); `name` is used in messages only.  The
 * bytes are remembered as what was loaded. */
PmSidecar *pm_sidecar_parse(const char *bytes, size_t len, const char *name,
                            PmError *err);

/* No-op on NULL. */
void pm_sidecar_free(PmSidecar *sc);

/* The YAML text, NUL-terminated, owned by the caller (pm_free); *len (may
 * be NULL) gets its length.  Notes come in article order (anchor line,
 * column, then id).  A merge result with conflicts is written with
 * conflict markers.  Currently cannot fail (returns non-NULL). */
char *pm_sidecar_emit(const PmSidecar *sc, size_t *len, PmError *err);

/* Writes the sidecar to `path` atomically (temporary file, fsync, rename).
 * Just before writing, the file on disk is compared with what was loaded
 * (or last saved): if someone else changed it meanwhile, the two versions
 * are merged three-way with the loaded one as base; a clean merge is
 * written and becomes the sidecar's content, a conflict fails with
 * PM_ERR_CONFLICT (listing the fields) and writes nothing.  A file on disk
 * that does not parse is never overwritten (PM_ERR_PARSE).  A sidecar
 * holding merge conflicts is refused (PM_ERR_CONFLICT).  After a merge
 * every PmNote * taken from `sc` before the call is invalid.  A successful
 * save also removes `path`.tmp.XXXXXX files over a minute old, left by a
 * save that was killed before its rename; nothing else is removed. */
bool pm_sidecar_save(PmSidecar *sc, const char *path, PmError *err);

/* ARTICLE + ".factcheck.yaml"; caller frees with pm_free. */
char *pm_sidecar_path_for(const char *article_path);

/* Sets article.path (informational: never opened) and article.sha256;
 * either may be NULL to leave it unchanged. */
void pm_sidecar_set_article(PmSidecar *sc, const char *path,
                            const char *sha256hex);
const char *pm_sidecar_article_path(const PmSidecar *sc);   /* or NULL */
const char *pm_sidecar_article_sha256(const PmSidecar *sc); /* or NULL */
const char *pm_sidecar_article_url(const PmSidecar *sc);    /* or NULL */

/* Lower-case hex SHA-256 of `len` bytes, NUL-terminated in out. */
void pm_sha256_hex(const void *bytes, size_t len, char out[65]);

/* Time used for created/updated: `unix_seconds`, or the real clock when
 * 0 (the default).  Lets tests and tools produce fixed files. */
void pm_sidecar_set_clock(PmSidecar *sc, int64_t unix_seconds);
/* Author written into notes made by pm_sidecar_note_add (copied). */
void pm_sidecar_set_author(PmSidecar *sc, const char *author);

/* Notes in the order they were loaded or added; pm_sidecar_sort puts them
 * in article order.  at() returns NULL out of range.  The PmNote * that
 * at(), find() and add() return is owned by the sidecar (never free it)
 * and is borrowed until the note is deleted, the sidecar is freed, or a
 * pm_sidecar_save() merges a change made on disk meanwhile: that save
 * replaces every note, so copy what you need (the id) before saving and
 * look the note up again by id afterwards. */
size_t pm_sidecar_note_count(const PmSidecar *sc);
PmNote *pm_sidecar_note_at(const PmSidecar *sc, size_t i);
void pm_sidecar_sort(PmSidecar *sc);

/* Makes a note with a fresh id (8 hex digits, unique in this sidecar),
 * `target` (quote, claim, speaker or range), the anchor's exact text, and
 * created = updated = now, author = the sidecar's author.  Returns NULL
 * with err for an unknown target or an empty exact text; the note returned
 * is the sidecar's (see above). */
PmNote *pm_sidecar_note_add(PmSidecar *sc, const char *target,
                            const char *exact, PmError *err);
PmNote *pm_sidecar_note_find(const PmSidecar *sc, const char *id);
/* Deletes and frees the note; false when no note has that id. */
bool pm_sidecar_note_del(PmSidecar *sc, const char *id);

/* True for a merge result that still holds conflicts. */
bool pm_sidecar_has_conflicts(const PmSidecar *sc);

/* --- one note ----------------------------------------------------------
 * String getters return NULL when the field is absent.  Setters that
 * change a value set `updated` to now; setting the same value, and the
 * anchor setters (which re-anchoring calls), do not.  A NULL value removes
 * an optional field. */
const char *pm_note_id(const PmNote *n);
const char *pm_note_target(const PmNote *n);
bool pm_note_set_target(PmNote *n, const char *target, PmError *err);

const char *pm_note_exact(const PmNote *n);
const char *pm_note_prefix(const PmNote *n);
const char *pm_note_suffix(const PmNote *n);
uint32_t pm_note_line(const PmNote *n); /* 1-based; 0 = no hint */
uint32_t pm_note_col(const PmNote *n);  /* 0-based byte column */
/* Replaces the anchor's known fields (prefix/suffix may be NULL); keeps
 * unknown anchor keys.  Never touches `updated`: re-anchoring moves a
 * note without editing it. */
void pm_note_set_anchor(PmNote *n, const char *exact, const char *prefix,
                        const char *suffix, uint32_t line, uint32_t col);
/* Anchors the note on text[start, end): exact, ~32 code points of prefix
 * and suffix, line and column.  False (nothing changed) for a bad span. */
bool pm_note_anchor_at(PmNote *n, const char *text, size_t len,
                       uint32_t start, uint32_t end);

const char *pm_note_verdict(const PmNote *n);
/* One of true, mostly-true, mixed, misleading, false, unverifiable,
 * opinion, or NULL to remove; anything else fails. */
bool pm_note_set_verdict(PmNote *n, const char *verdict, PmError *err);
const char *pm_note_speaker(const PmNote *n);
void pm_note_set_speaker(PmNote *n, const char *speaker);
bool pm_note_dismissed(const PmNote *n);
void pm_note_set_dismissed(PmNote *n, bool dismissed);
const char *pm_note_text(const PmNote *n); /* the `note` field */
void pm_note_set_text(PmNote *n, const char *text);
size_t pm_note_source_count(const PmNote *n);
const char *pm_note_source_at(const PmNote *n, size_t i);
void pm_note_set_sources(PmNote *n, const char *const *sources, size_t count);
const char *pm_note_author(const PmNote *n);
void pm_note_set_author(PmNote *n, const char *author);
const char *pm_note_created(const PmNote *n);
const char *pm_note_updated(const PmNote *n);
/* Sets both timestamps verbatim (RFC 3339 expected; for importers). */
void pm_note_set_times(PmNote *n, const char *created, const char *updated);

/* Whether `s` is a verdict / target this schema knows. */
bool pm_sidecar_verdict_valid(const char *s);
bool pm_sidecar_target_valid(const char *s);

#endif

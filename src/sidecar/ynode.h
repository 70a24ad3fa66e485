/*
 * ynode.h - the small YAML document tree the sidecar is kept in (private to
 * src/sidecar/).
 *
 * The sidecar is held as a generic tree rather than a C struct per note so
 * that keys this version does not know survive a rewrite untouched, and so
 * that the three-way merge can walk every field, known or not, the same
 * way.  Known fields are read and written through sidecar.c, which checks
 * their types once at load.
 *
 * A node owns its children and strings.  Map entries keep a fixed order for
 * the keys a schema knows (see ynode__canonical_order) followed by the
 * others in the order they were read, so emission is deterministic.
 */
#ifndef PM_SIDECAR_YNODE_H
#define PM_SIDECAR_YNODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pressmark/error.h"
#include "util/array.h"
#include "util/buf.h"

typedef enum {
  YN_SCALAR,
  YN_SEQ,
  YN_MAP,
  /* Only in merge results: three versions of one map entry or one sequence
   * item, written with conflict markers.  kids[0..2] = ours, base, theirs,
   * each possibly NULL (absent on that side). */
  YN_CONFLICT
} YKind;

typedef struct YNode YNode;

typedef struct {
  char *key;
  YNode *val;
} YEntry;

struct YNode {
  YKind kind;
  /* A plain (unquoted) scalar, subject to YAML's type resolution: `true`,
   * `12` and `null` are not strings.  Strings set from C are not plain. */
  bool plain;
  uint32_t line, col; /* where it was read: 1-based line, 0-based column */
  char *str;          /* scalar text, NUL-terminated; label of a conflict */
  uint32_t len;
  PmArray(YNode *) items; /* sequence items; conflict: 3 sides */
  PmArray(YEntry) entries; /* map entries */
};

/* Limits that keep a hostile file from costing more than it weighs. */
#define YNODE_MAX_DEPTH 64
#define YNODE_MAX_BYTES (16u << 20)

YNode *ynode__scalar(const char *s, size_t len, bool plain);
YNode *ynode__str(const char *s); /* a quoted-style string, copied */
YNode *ynode__int(uint64_t v);
YNode *ynode__map(void);
YNode *ynode__seq(void);
YNode *ynode__conflict(YNode *ours, YNode *base, YNode *theirs,
                       const char *label);
void ynode__free(YNode *n);
YNode *ynode__copy(const YNode *n);
bool ynode__equal(const YNode *a, const YNode *b);

/* Map access.  get returns NULL when absent.  set takes ownership of val,
 * replacing (and freeing) an existing value, else inserting at the place
 * `order` (a NULL-terminated list of known keys, may be NULL) gives it.
 * del frees the entry; returns whether it existed. */
YNode *ynode__get(const YNode *map, const char *key);
void ynode__set(YNode *map, const char *key, YNode *val,
                const char *const *order);
bool ynode__del(YNode *map, const char *key);
/* Stable-sorts the entries: keys listed in `order` first, in that order,
 * then the others as they were. */
void ynode__canonical_order(YNode *map, const char *const *order);

/* Parses one YAML document.  Refuses anchors, aliases, tags, several
 * documents, nesting deeper than YNODE_MAX_DEPTH and duplicate keys, with
 * `name:line:col: what` in err (line/col also in its fields).  Returns NULL
 * on error; the caller owns the tree. */
YNode *ynode__parse(const char *bytes, size_t len, const char *name,
                    PmError *err);

/* Appends the block-style YAML text of `doc` (a map) to out.  Conflict
 * nodes are written between git-style markers, so such text does not parse
 * until a person resolves it. */
void ynode__emit(PmBuf *out, const YNode *doc);

/* Scalar helpers used by the schema checks. */
bool ynode__is_null(const YNode *n);
bool ynode__is_bool(const YNode *n, bool *value);
bool ynode__is_uint(const YNode *n, uint64_t *value);
/* A string is any non-plain scalar, or a plain one that resolves to
 * neither null nor a boolean. */
bool ynode__is_string(const YNode *n);

#endif

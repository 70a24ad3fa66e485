/*
 * object.c - building handler results in a msgpack zone, and reading
 * Neovim's EXT handles.
 *
 * Results live in the request's zone so that serving a message allocates
 * nothing beyond that zone's chunks, which are kept between messages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pressmark/rpc.h"

/* msgpack_zone_malloc aborting would be friendlier than NULL checks at
 * every call site: pressmark treats running out of memory as fatal. */
static void *zalloc(msgpack_zone *z, size_t n) {
  void *p = msgpack_zone_malloc(z, n ? n : 1);
  if (!p) {
    fputs("pressmark: out of memory\n", stderr);
    abort();
  }
  return p;
}

PmObj pm_obj_nil(void) {
  PmObj o;
  memset(&o, 0, sizeof o);
  o.type = MSGPACK_OBJECT_NIL;
  return o;
}

PmObj pm_obj_bool(bool b) {
  PmObj o = pm_obj_nil();
  o.type = MSGPACK_OBJECT_BOOLEAN;
  o.via.boolean = b;
  return o;
}

PmObj pm_obj_int(int64_t i) {
  PmObj o = pm_obj_nil();
  if (i >= 0) {
    o.type = MSGPACK_OBJECT_POSITIVE_INTEGER;
    o.via.u64 = (uint64_t)i;
  } else {
    o.type = MSGPACK_OBJECT_NEGATIVE_INTEGER;
    o.via.i64 = i;
  }
  return o;
}

PmObj pm_obj_str(msgpack_zone *z, const char *s, size_t n) {
  PmObj o = pm_obj_nil();
  char *p = zalloc(z, n);
  memcpy(p, s, n);
  o.type = MSGPACK_OBJECT_STR;
  o.via.str.ptr = p;
  o.via.str.size = (uint32_t)n;
  return o;
}

PmObj pm_obj_map(msgpack_zone *z, uint32_t n) {
  PmObj o = pm_obj_nil();
  o.type = MSGPACK_OBJECT_MAP;
  o.via.map.ptr = zalloc(z, n * sizeof(msgpack_object_kv));
  o.via.map.size = n;
  for (uint32_t i = 0; i < n; i++)
    o.via.map.ptr[i].key = o.via.map.ptr[i].val = pm_obj_nil();
  return o;
}

/* Keys are string literals or otherwise outlive the reply: borrowed. */
void pm_obj_map_set(PmObj *map, uint32_t i, const char *key, PmObj value) {
  msgpack_object k = pm_obj_nil();
  k.type = MSGPACK_OBJECT_STR;
  k.via.str.ptr = key;
  k.via.str.size = (uint32_t)strlen(key);
  map->via.map.ptr[i].key = k;
  map->via.map.ptr[i].val = value;
}

PmObj pm_obj_array(msgpack_zone *z, uint32_t n) {
  PmObj o = pm_obj_nil();
  o.type = MSGPACK_OBJECT_ARRAY;
  o.via.array.ptr = zalloc(z, n * sizeof(msgpack_object));
  o.via.array.size = n;
  for (uint32_t i = 0; i < n; i++) o.via.array.ptr[i] = pm_obj_nil();
  return o;
}

static const msgpack_object *map_get(const msgpack_object *m, const char *key) {
  if (m->type != MSGPACK_OBJECT_MAP) return NULL;
  size_t len = strlen(key);
  for (uint32_t i = 0; i < m->via.map.size; i++) {
    const msgpack_object *k = &m->via.map.ptr[i].key;
    if (k->type == MSGPACK_OBJECT_STR && k->via.str.size == len &&
        !memcmp(k->via.str.ptr, key, len))
      return &m->via.map.ptr[i].val;
  }
  return NULL;
}

static bool type_code(const msgpack_object *types, const char *name,
                      int8_t *code, PmError *err) {
  const msgpack_object *t = map_get(types, name);
  const msgpack_object *id = t ? map_get(t, "id") : NULL;
  if (!id || id->type != MSGPACK_OBJECT_POSITIVE_INTEGER || id->via.u64 > 127)
    return pm_error_set(err, PM_ERR_INVALID,
                        "api info: types.%s.id missing or not a small integer",
                        name);
  *code = (int8_t)id->via.u64;
  return true;
}

bool pm_rpc_types_parse(const msgpack_object *info, PmRpcTypes *types,
                        PmError *err) {
  if (info->type != MSGPACK_OBJECT_ARRAY || info->via.array.size != 2)
    return pm_error_set(err, PM_ERR_INVALID,
                        "api info: not an array of [channel, metadata]");
  const msgpack_object *t = map_get(&info->via.array.ptr[1], "types");
  if (!t) return pm_error_set(err, PM_ERR_INVALID, "api info: no types map");
  PmRpcTypes out = {0, 0, 0, false};
  if (!type_code(t, "Buffer", &out.buffer, err) ||
      !type_code(t, "Window", &out.window, err) ||
      !type_code(t, "Tabpage", &out.tabpage, err))
    return false;
  out.known = true;
  *types = out;
  return true;
}

bool pm_rpc_handle_get(const msgpack_object *o, int8_t ext_code,
                       int64_t *handle) {
  if (o->type == MSGPACK_OBJECT_POSITIVE_INTEGER && o->via.u64 <= INT32_MAX) {
    *handle = (int64_t)o->via.u64;
    return true;
  }
  if (o->type != MSGPACK_OBJECT_EXT || o->via.ext.type != ext_code) return false;
  /* The payload is itself a msgpack integer (Neovim packs the handle). */
  msgpack_unpacked u;
  msgpack_unpacked_init(&u);
  size_t off = 0;
  bool ok = msgpack_unpack_next(&u, o->via.ext.ptr, o->via.ext.size, &off) ==
                MSGPACK_UNPACK_SUCCESS &&
            off == o->via.ext.size;
  if (ok && u.data.type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
      u.data.via.u64 <= INT32_MAX)
    *handle = (int64_t)u.data.via.u64;
  else
    ok = false;
  msgpack_unpacked_destroy(&u);
  return ok;
}

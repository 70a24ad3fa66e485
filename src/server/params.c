/*
 * params.c - RPC parameter decoding and result values shared by the
 * handler files (see params.h for why they are in one place).
 */
#include "server/params.h"

#include <string.h>

bool pm_params__count(const msgpack_object *params, const char *method,
                      uint32_t min, uint32_t max, PmError *err) {
  uint32_t n = params->via.array.size;
  if (n >= min && n <= max) return true;
  if (min == max)
    return pm_error_set(err, PM_ERR_INVALID, "%s: expected %u argument%s, got %u",
                        method, min, min == 1 ? "" : "s", n);
  return pm_error_set(err, PM_ERR_INVALID,
                      "%s: expected %u to %u arguments, got %u", method, min,
                      max, n);
}

bool pm_params__is_str(const msgpack_object *o) {
  return o->type == MSGPACK_OBJECT_STR || o->type == MSGPACK_OBJECT_BIN;
}

/* The bytes of string object `o` are exactly `s`. */
static bool same_bytes(const msgpack_object *o, const char *s) {
  size_t n = strlen(s);
  return o->via.str.size == n && !memcmp(o->via.str.ptr, s, n);
}

bool pm_params__str_is(const msgpack_object *o, const char *name) {
  return o->type == MSGPACK_OBJECT_STR && same_bytes(o, name);
}

bool pm_params__int(const msgpack_object *o, int64_t *out) {
  if (o->type == MSGPACK_OBJECT_POSITIVE_INTEGER && o->via.u64 <= INT64_MAX) {
    *out = (int64_t)o->via.u64;
    return true;
  }
  if (o->type == MSGPACK_OBJECT_NEGATIVE_INTEGER) {
    *out = o->via.i64;
    return true;
  }
  return false;
}

const msgpack_object *pm_params__map_get(const msgpack_object *m,
                                         const char *key) {
  for (uint32_t i = 0; i < m->via.map.size; i++) {
    const msgpack_object *k = &m->via.map.ptr[i].key;
    if (pm_params__is_str(k) && same_bytes(k, key)) return &m->via.map.ptr[i].val;
  }
  return NULL;
}

char *pm_params__zstr(PmServer *srv, const msgpack_object *o) {
  size_t n = o->via.str.size;
  char *s = msgpack_zone_malloc(pm_server_zone(srv), n + 1);
  if (n) memcpy(s, o->via.str.ptr, n);
  s[n] = '\0';
  return s;
}

PmObj pm_params__str(PmServer *srv, const char *s) {
  return s ? pm_obj_str(pm_server_zone(srv), s, strlen(s)) : pm_obj_nil();
}

PmObj pm_params__float(double d) {
  PmObj o = pm_obj_nil();
  o.type = MSGPACK_OBJECT_FLOAT64;
  o.via.f64 = d;
  return o;
}

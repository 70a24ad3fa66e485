/*
 * params.h - decoding the parameters of an RPC request and building the
 * small parts of a result that every handler file needs; private to
 * src/server.
 *
 * Each handler file used to carry its own copies of these (an argument
 * count check, "is this a string", "a string or nil"), and the copies had
 * drifted apart in their messages: one module keeps one wording.  Results
 * live in the request's zone (pm_server_zone), cleared once the reply is
 * sent, so nothing here is freed by the caller.
 */
#ifndef PM_SERVER_PARAMS_H
#define PM_SERVER_PARAMS_H

#include "server/handlers.h"

/* True when `params` (an array) holds `min` to `max` entries.  Else false
 * with `err` set to "<method>: expected 1 argument, got 0" (min == max) or
 * "<method>: expected 2 to 3 arguments, got 1". */
bool pm_params__count(const msgpack_object *params, const char *method,
                      uint32_t min, uint32_t max, PmError *err);

/* True when `o` is a string: STR, or BIN as a client may send bytes. */
bool pm_params__is_str(const msgpack_object *o);

/* True when `o` is a STR equal to `name`.  Option names and enumerated
 * values (lang, kinds) come from Lua as STR only. */
bool pm_params__str_is(const msgpack_object *o, const char *name);

/* Reads an integer, positive or negative, into *out.  False, with *out
 * untouched, when `o` is anything else (a float, nil, a string). */
bool pm_params__int(const msgpack_object *o, int64_t *out);

/* The value of `key` in map `m` (keys STR or BIN), borrowed from `m`; NULL
 * when absent. */
const msgpack_object *pm_params__map_get(const msgpack_object *m,
                                         const char *key);

/* A NUL-terminated copy of string object `o` in the request's zone. */
char *pm_params__zstr(PmServer *srv, const msgpack_object *o);

/* Result values: `s` copied into the request's zone, nil when `s` is NULL;
 * a float (pm_obj_* has none). */
PmObj pm_params__str(PmServer *srv, const char *s);
PmObj pm_params__float(double d);

#endif

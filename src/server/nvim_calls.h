/*
 * nvim_calls.h - the requests to Neovim that several server files make:
 * waiting for an answer, a buffer's b:changedtick, a range of its lines,
 * running the plugin's Lua; private to src/server.
 *
 * Each call packs its request on the server's channel and waits for the
 * answer; requests and notifications Neovim sends meanwhile are queued and
 * served later (src/rpc/channel.c), so nothing changes under the caller.
 * An answer lives in a msgpack_unpacked the caller passes in and destroys,
 * on failure too.
 */
#ifndef PM_SERVER_NVIM_CALLS_H
#define PM_SERVER_NVIM_CALLS_H

#include "server/handlers.h"

/* Waits for the answer to request `id` (made with pm_channel_request):
 * *result points into `reply`, which this initialises.  False on an error
 * answer or a lost channel, with `err` prefixed by `method` ("nvim_buf_attach:
 * Invalid buffer id: 3"). */
bool pm_nvim__wait(PmServer *srv, uint32_t id, const char *method,
                   msgpack_unpacked *reply, const msgpack_object **result,
                   PmError *err);

/* b:changedtick of `buf` into *tick, -1 when the answer is not an integer.
 * False with `err` ("nvim_buf_get_changedtick: ...") when Neovim refuses;
 * `err` may be NULL. */
bool pm_nvim__changedtick(PmServer *srv, int64_t buf, int64_t *tick,
                          PmError *err);

/* nvim_buf_get_lines(buf, first, end, false): lines [first, end), end -1
 * for the last line; fewer at the end of the buffer.  *lines points into
 * `reply`, which this initialises, and is whatever Neovim answered (an
 * array of strings from a real Neovim: the callers check what they rely
 * on).  False with `err` as the channel set it, not prefixed: the callers'
 * messages name the call their own way (the notes never name it twice).
 *
 * A large buffer is asked for in chunks: one reply for all of it could
 * exceed what the RPC decoder accepts, and would sit in the process as one
 * message beside the copy made of it. */
bool pm_nvim__lines(PmServer *srv, int64_t buf, int64_t first, int64_t end,
                    msgpack_unpacked *reply, const msgpack_object **lines,
                    PmError *err);

/* Starts nvim_exec_lua(code, args): packs `code` and the header of an
 * args array of `nargs` entries, which the caller packs next on
 * pm_channel_packer.  Returns the request id, for pm_nvim__wait or, to
 * work while Neovim runs it, pm_channel_flush first.  Cannot fail (a
 * write error shows when the request is flushed or waited for). */
uint32_t pm_nvim__exec_lua(PmServer *srv, const char *code, uint32_t nargs);

#endif

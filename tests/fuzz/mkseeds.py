#!/usr/bin/env python3
"""Writes the seed inputs of the rpc and dispatch fuzz targets.

    python3 tests/fuzz/mkseeds.py

Seeds are kept in tests/fuzz/<target>/ and replayed by `make test`; this
script only documents how the binary ones were made (a tiny msgpack
encoder, so nothing needs to be installed).  Crash inputs found by
`make fuzz` are added beside them by hand, named crash-<what>.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def pack(o):
    if o is None:
        return b"\xc0"
    if o is True:
        return b"\xc3"
    if o is False:
        return b"\xc2"
    if isinstance(o, int):
        if 0 <= o < 128:
            return bytes([o])
        if -32 <= o < 0:
            return struct.pack("b", o)
        if 0 <= o < 2**32:
            return b"\xce" + struct.pack(">I", o)
        if o >= 0:
            return b"\xcf" + struct.pack(">Q", o)
        return b"\xd3" + struct.pack(">q", o)
    if isinstance(o, float):
        return b"\xcb" + struct.pack(">d", o)
    if isinstance(o, str):
        b = o.encode()
        if len(b) < 32:
            return bytes([0xA0 | len(b)]) + b
        return b"\xd9" + bytes([len(b)]) + b if len(b) < 256 else b"\xda" + struct.pack(">H", len(b)) + b
    if isinstance(o, bytes):
        return b"\xc4" + bytes([len(o)]) + o
    if isinstance(o, Ext):
        return b"\xd4" + bytes([o.code]) + pack(o.value)[:1] if len(pack(o.value)) == 1 else \
            b"\xc7" + bytes([len(pack(o.value)), o.code]) + pack(o.value)
    if isinstance(o, list):
        head = bytes([0x90 | len(o)]) if len(o) < 16 else b"\xdc" + struct.pack(">H", len(o))
        return head + b"".join(pack(x) for x in o)
    if isinstance(o, dict):
        head = bytes([0x80 | len(o)])
        return head + b"".join(pack(k) + pack(v) for k, v in o.items())
    raise TypeError(o)


class Ext:
    def __init__(self, code, value):
        self.code, self.value = code, value


def req(i, m, p):
    return pack([0, i, m, p])


def resp(i, err, res):
    return pack([1, i, err, res])


API_INFO = [7, {"types": {"Buffer": {"id": 0, "prefix": "nvim_buf_"},
                          "Window": {"id": 1, "prefix": "nvim_win_"},
                          "Tabpage": {"id": 2, "prefix": "nvim_tabpage_"}}}]

# Inputs that stress the decoder: the prefix byte of fuzz_rpc picks the
# limits (bit 7 set: small ones) and the read size.
RAW = {
    "ping": req(1, "pressmark_ping", []),
    "two-pings": req(1, "pressmark_ping", []) + req(2, "pressmark_ping", []),
    "version": req(3, "pressmark_version_get", []),
    "notification": pack([2, "pressmark_ping", []]),
    "response": resp(9, None, "x"),
    "array32-huge": b"\x94\x00\x05\xa1m\xdd\xff\xff\xff\xff\xc0",
    "map32-huge": b"\x94\x00\x06\xa1m\xdf\xff\xff\xff\xff",
    "str32-huge": b"\x94\x00\x07\xdb\xff\xff\xff\xf0abc",
    "bin32-huge": b"\x94\x00\x08\xa1m\x91\xc6\x7f\xff\xff\xffxyz",
    "ext32-huge": b"\x94\x00\x08\xa1m\x91\xc9\x7f\xff\xff\xff\x01xyz",
    "array16-huge": b"\xdc\xff\xff" + b"\x00" * 40,
    "map16-huge": b"\xde\xff\xff" + b"\x00" * 40,
    "c1": b"\xc1",
    "c1-after-ping": req(1, "pressmark_ping", []) + b"\xc1",
    "c1-inside": b"\x94\x00\x01\xc1",
    "nested-32": b"\x91" * 32 + b"\xc0",
    "nested-33": b"\x91" * 33 + b"\xc0" + req(4, "pressmark_ping", []),
    "nested-80": b"\x91" * 80 + b"\xc0",
    "nested-maps": b"\x81\xa1k" * 40 + b"\xc0",
    "all-scalars": pack([0, 5, "pressmark_ping", [None, True, False, -1, -33, 2**40, -2**40, 1.5, b"bin", "s" * 40]]) +
        b"\x91\xca\x3f\x80\x00\x00" + b"\x91\xd4\x01\x02" + b"\x91\xd5\x01\x02\x03" + b"\x91\xd8\x01" + b"\x00" * 16,
    "id-in-array16": b"\xdc\x00\x04\x00\xcd\x01\x00\xa1m\xdd\xff\xff\xff\xff",
    "id-uint32": b"\x94\x00\xce\xff\xff\xff\xff\xa1m\xdd\x00\x10\x00\x00",
    "too-big-then-ping": b"\x94\x00\x0a\xa1m\x91\xdb\x00\x00\x01\x00" + b"a" * 256 + req(11, "pressmark_ping", []),
    "truncated": req(1, "pressmark_ping", [])[:-3],
}

# Whole sessions for fuzz_dispatch: requests, wrong envelopes, and
# call-backs answered in the same stream.
SESSIONS = {
    "ping": req(1, "pressmark_ping", []),
    "version": req(1, "pressmark_version_get", []),
    "unknown-method": req(7, "foo", []) + req(8, "pressmark_ping", []),
    "bad-envelopes": pack(1) + pack([]) + pack([5, 1, "m", []]) + pack([0, 1, "m"]) +
        pack([0, -1, "pressmark_ping", []]) + pack([0, 2, 3, []]) +
        pack([0, 3, "pressmark_ping", {}]) + pack([2, 5, []]) + pack([2, "nope", []]) +
        req(9, "pressmark_ping", []),
    "stray-response": resp(42, None, 1) + req(1, "pressmark_ping", []),
    "method-as-bin": pack([0, 1, b"pressmark_ping", []]),
    "stats-args": req(1, "pressmark_buf_stats_get", []) + req(2, "pressmark_buf_stats_get", ["x"]) +
        req(3, "pressmark_buf_stats_get", [1, 2]),
    # buf 3: asks nvim_buf_get_lines (id 1), answered with lines.
    "stats-buf": req(1, "pressmark_buf_stats_get", [3]) + resp(1, None, ["one", "two", ""]),
    # buf 0: nvim_get_api_info (id 1), nvim_get_current_buf (id 2), lines (id 3).
    "stats-current": req(1, "pressmark_buf_stats_get", [0]) + resp(1, None, API_INFO) +
        resp(2, None, Ext(0, 4)) + resp(3, None, ["a"]),
    # A Buffer EXT argument, a ping queued while waiting, an error reply.
    "stats-ext": req(1, "pressmark_buf_stats_get", [Ext(0, 2)]) + resp(1, None, API_INFO) +
        req(2, "pressmark_ping", []) + resp(2, [0, "Invalid buffer id: 2"], None),
    "stats-bad-api-info": req(1, "pressmark_buf_stats_get", [0]) + resp(1, None, [1, {"types": 3}]),
    "stats-lines-not-strings": req(1, "pressmark_buf_stats_get", [5]) + resp(1, None, [1, None, ["x"]]),
    "stats-eof": req(1, "pressmark_buf_stats_get", [5]),
    "stats-c1": req(1, "pressmark_buf_stats_get", [5]) + b"\xc1",
    "huge-array": b"\x94\x00\x05\xa1m\xdd\xff\xff\xff\xff\xc0" + req(6, "pressmark_ping", []),
    "too-big": b"\x94\x00\x0a\xa1m\x91\xdb\x02\x00\x00\x01" + b"a" * 64,
    "c1": b"\xc1",
}

# Attached buffers: the server calls nvim_buf_attach, Neovim sends the
# lines, the idle work sends a batch of marks (nvim_exec_lua), and so on;
# replies are in the stream right after what triggers them.
ARTICLE = ["Le maire l'a dit lundi.", "",
           "« Nous n'augmenterons pas les impôts », a déclaré Jeanne Morvan.",
           "Selon elle, la dette a baissé de 12 % depuis 2019."]


def note(m, p):
    return pack([2, m, p])


SESSIONS.update({
    "buf-live": req(1, "pressmark_buf_attach", [1, {}]) + resp(1, None, True) +
        note("nvim_buf_lines_event", [1, 5, 0, -1, ARTICLE, False]) + resp(2, None, True) +
        req(2, "pressmark_items_get", [1, "quotes"]) + req(3, "pressmark_items_get", [1, "claims"]) +
        req(4, "pressmark_items_get", [1, "speakers"]) + req(5, "pressmark_item_get", [1, 2, 5]) +
        note("nvim_buf_lines_event", [1, 6, 1, 2, ["« Oui », dit Paul Dax.", "x"], False]) + resp(3, None, False) +
        note("nvim_buf_changedtick_event", [1, 7]) +
        note("nvim_buf_lines_event", [1, 8, 0, 1, [], False]) + resp(4, None, True) +
        req(6, "pressmark_item_get", [1, 0, 0]) +
        note("nvim_buf_detach_event", [1]) + resp(5, None, True) +
        req(7, "pressmark_buf_detach", [1]) + resp(6, None, True),
    "buf-view": req(1, "pressmark_buf_attach", [2, {"view": [0, 4], "lang": "fr", "min_score": 0.2}]) +
        resp(1, None, 12) + resp(2, None, ARTICLE) + resp(3, None, True) +
        req(2, "pressmark_items_get", [2, "claims"]) +
        req(3, "pressmark_buf_attach", [2, {"view": [2, 3]}]) + resp(4, None, 13) + resp(5, None, ARTICLE[2:3]) +
        req(4, "pressmark_buf_attach", [2, None]) + resp(6, None, True) + resp(7, None, True),
    "buf-errors": req(1, "pressmark_buf_attach", [1, {"lang": "de"}]) +
        req(2, "pressmark_buf_attach", [1, {"view": [3, 1]}]) + req(3, "pressmark_buf_attach", [1, 5]) +
        req(4, "pressmark_buf_attach", [1]) + resp(1, [0, "Invalid buffer id: 1"], None) +
        req(5, "pressmark_buf_attach", [1]) + resp(2, None, False) +
        req(6, "pressmark_items_get", [1, "nope"]) + req(7, "pressmark_item_get", [9, 0, 0]) +
        note("nvim_buf_lines_event", [9, 1, 0, -1, ["x"], False]) +
        req(8, "pressmark_buf_detach", [9]),
    "buf-out-of-step": req(1, "pressmark_buf_attach", [1, {}]) + resp(1, None, True) +
        note("nvim_buf_lines_event", [1, 5, 0, -1, ["a", "b"], False]) + resp(2, None, True) +
        note("nvim_buf_lines_event", [1, 6, 7, 9, ["c"], False]) + resp(3, None, True) +
        resp(4, None, True) + note("nvim_buf_lines_event", [1, 7, 0, -1, ["d"], False]) + resp(5, None, True),
})


def write(target, files, prefix=b""):
    d = os.path.join(HERE, target)
    os.makedirs(d, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(prefix + data)


if __name__ == "__main__":
    # fuzz_rpc: each raw input with default limits (mode 0x00) and with
    # small limits and one byte per read (0x80).
    rpc = {}
    for name, data in RAW.items():
        rpc[name] = b"\x00" + data
        rpc[name + "-small"] = b"\x80" + data
    write("rpc", rpc)
    write("dispatch", SESSIONS)

#!/usr/bin/env python3
"""A tiny msgpack tool for the shell tests (no module to install).

    python3 msgpack.py pack '[0, 1, "pressmark_ping", []]' ... >bytes
    python3 msgpack.py unpack <bytes      one JSON line per message; a
                                          trailing partial message prints
                                          "partial: N bytes"

pack takes Python literals; bytes literals pack as bin, and raw("c1")
inserts bytes as they are (to build broken input).
"""
import json
import struct
import sys


class Raw(bytes):
    pass


def raw(hexstr):
    return Raw(bytes.fromhex(hexstr))


def pack(o):
    if isinstance(o, Raw):
        return bytes(o)
    if o is None:
        return b"\xc0"
    if o is True or o is False:
        return b"\xc3" if o else b"\xc2"
    if isinstance(o, int):
        if 0 <= o < 128:
            return bytes([o])
        if -32 <= o < 0:
            return struct.pack("b", o)
        return b"\xd3" + struct.pack(">q", o) if o < 0 else b"\xcf" + struct.pack(">Q", o)
    if isinstance(o, float):
        return b"\xcb" + struct.pack(">d", o)
    if isinstance(o, str):
        b = o.encode()
        return b"\xdb" + struct.pack(">I", len(b)) + b
    if isinstance(o, bytes):
        return b"\xc6" + struct.pack(">I", len(o)) + o
    if isinstance(o, (list, tuple)):
        return b"\xdd" + struct.pack(">I", len(o)) + b"".join(pack(x) for x in o)
    if isinstance(o, dict):
        return b"\xdf" + struct.pack(">I", len(o)) + b"".join(pack(k) + pack(v) for k, v in o.items())
    raise TypeError(o)


class Partial(Exception):
    pass


def unpack(b, i):
    if i >= len(b):
        raise Partial()
    t = b[i]

    def need(n):
        if i + n > len(b):
            raise Partial()

    def seq(n, j):
        out = []
        for _ in range(n):
            v, j = unpack(b, j)
            out.append(v)
        return out, j

    if t <= 0x7F:
        return t, i + 1
    if t >= 0xE0:
        return t - 256, i + 1
    if 0xA0 <= t <= 0xBF:
        n = t & 31
        need(1 + n)
        return b[i + 1:i + 1 + n].decode("utf-8", "replace"), i + 1 + n
    if 0x90 <= t <= 0x9F:
        return seq(t & 15, i + 1)
    if 0x80 <= t <= 0x8F:
        vals, j = seq(2 * (t & 15), i + 1)
        return {str(vals[k]): vals[k + 1] for k in range(0, len(vals), 2)}, j
    simple = {0xC0: None, 0xC2: False, 0xC3: True}
    if t in simple:
        return simple[t], i + 1
    ints = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q", 0xD0: ">b", 0xD1: ">h", 0xD2: ">i", 0xD3: ">q",
            0xCA: ">f", 0xCB: ">d"}
    if t in ints:
        n = struct.calcsize(ints[t])
        need(1 + n)
        return struct.unpack(ints[t], b[i + 1:i + 1 + n])[0], i + 1 + n
    strs = {0xD9: 1, 0xDA: 2, 0xDB: 4, 0xC4: 1, 0xC5: 2, 0xC6: 4}
    if t in strs:
        w = strs[t]
        need(1 + w)
        n = int.from_bytes(b[i + 1:i + 1 + w], "big")
        need(1 + w + n)
        s = b[i + 1 + w:i + 1 + w + n]
        return (s.decode("utf-8", "replace") if t >= 0xD9 else s.hex()), i + 1 + w + n
    if t in (0xDC, 0xDD, 0xDE, 0xDF):
        w = 2 if t in (0xDC, 0xDE) else 4
        need(1 + w)
        n = int.from_bytes(b[i + 1:i + 1 + w], "big")
        if t in (0xDC, 0xDD):
            return seq(n, i + 1 + w)
        vals, j = seq(2 * n, i + 1 + w)
        return {str(vals[k]): vals[k + 1] for k in range(0, len(vals), 2)}, j
    if 0xD4 <= t <= 0xD8:
        n = 1 << (t - 0xD4)
        need(2 + n)
        return {"ext": b[i + 1], "data": b[i + 2:i + 2 + n].hex()}, i + 2 + n
    raise ValueError("byte 0x%02x at %d" % (t, i))


def main():
    if sys.argv[1] == "pack":
        env = {"raw": raw}
        out = b"".join(pack(eval(a, env)) for a in sys.argv[2:])
        sys.stdout.buffer.write(out)
        return
    b = sys.stdin.buffer.read()
    i = 0
    while i < len(b):
        try:
            v, i2 = unpack(b, i)
        except Partial:
            print("partial: %d bytes" % (len(b) - i))
            return
        print(json.dumps(v, ensure_ascii=False))
        i = i2


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A fake Neovim for the shell tests: runs `pressmark serve`, sends the
requests of a script and answers the calls the process makes back.

    python3 fake_nvim.py PRESSMARK ARTICLE 'REQUEST' ...

Each REQUEST is a Python literal [method, params]; its reply is printed as
one JSON line [error, result].  Calls back: nvim_buf_get_lines answers the
lines of ARTICLE (read again at each call, so a test can change it between
requests; the [start, end) range asked, end -1 = the last line), nvim_buf_get_changedtick a number that changes
with the file's bytes, nvim_get_api_info and nvim_get_current_buf plausible values, anything else
nil.  With FAKE_NVIM_LOG set, each call back is appended to that file as
"method args".  The process's exit status is printed last.
"""
import json
import os
import subprocess
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import msgpack  # noqa: E402  (tests/shell/msgpack.py)


def lines_of(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")


def main():
    exe, article = sys.argv[1], sys.argv[2]
    p = subprocess.Popen([exe, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    buf = b""

    def read_msg():
        nonlocal buf
        while True:
            try:
                v, n = msgpack.unpack(buf, 0)
                buf = buf[n:]
                return v
            except msgpack.Partial:
                chunk = p.stdout.read1(65536)
                if not chunk:
                    return None
                buf += chunk

    for i, literal in enumerate(sys.argv[3:], start=1):
        if literal.startswith("sh:"):  # a shell step between requests
            subprocess.run(literal[3:], shell=True, check=True)
            continue
        method, params = eval(literal)
        p.stdin.write(msgpack.pack([0, i, method, params]))
        p.stdin.flush()
        while True:
            m = read_msg()
            if m is None:
                print(json.dumps(["process ended"]))
                break
            if m[0] == 1 and m[1] == i:
                print(json.dumps([m[2], m[3]], ensure_ascii=False))
                break
            if m[0] == 0:
                name, args = m[2], m[3]
                if os.environ.get("FAKE_NVIM_LOG"):
                    with open(os.environ["FAKE_NVIM_LOG"], "a") as log:
                        log.write("%s %s\n" % (name, json.dumps(args[1:] if args else [])))
                if name == "nvim_buf_get_lines":
                    result = lines_of(article)
                    start, end = args[1], args[2]
                    result = result[start:None if end == -1 else end]
                elif name == "nvim_buf_get_changedtick":
                    # changes whenever the text does, as b:changedtick
                    with open(article, "rb") as f:
                        result = zlib.crc32(f.read()) & 0x7FFFFFFF
                elif name == "nvim_get_api_info":
                    result = [1, {"types": {"Buffer": {"id": 0}, "Window": {"id": 1},
                                            "Tabpage": {"id": 2}}}]
                elif name == "nvim_get_current_buf":
                    result = msgpack.raw("d40001")
                else:
                    result = None
                p.stdin.write(msgpack.pack([1, m[1], None, result]))
                p.stdin.flush()
    p.stdin.close()
    print(json.dumps(["exit", p.wait()]))


if __name__ == "__main__":
    main()

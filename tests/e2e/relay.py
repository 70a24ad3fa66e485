#!/usr/bin/env python3
"""relay.py FIFO CMD...: runs CMD with its stdin fed from ours and from FIFO.

Neovim's RPC pipe to a job cannot be opened from outside (it is a socket),
so tests that inject raw bytes start the process through this relay: bytes
written to FIFO reach the process's stdin between Neovim's messages.  CMD's
stdout and stderr are ours; the relay exits with CMD's status.
"""
import os
import selectors
import subprocess
import sys

fifo = sys.argv[1]
child = subprocess.Popen(sys.argv[2:], stdin=subprocess.PIPE)
# Opened read-write so the FIFO always has a writer and never reads EOF.
ffd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
sel = selectors.DefaultSelector()
sel.register(0, selectors.EVENT_READ)
sel.register(ffd, selectors.EVENT_READ)
while child.poll() is None:
    for key, _ in sel.select(timeout=0.02):
        try:
            data = os.read(key.fd, 65536)
        except BlockingIOError:
            continue
        if not data:
            sel.unregister(key.fd)
            if key.fd == 0:
                child.stdin.close()
            continue
        try:
            child.stdin.write(data)
            child.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass
code = child.wait()
sys.exit(code if code >= 0 else 128 - code)

#!/usr/bin/env python3
"""Waits for a message to arrive in a local mbox, then writes it out.

Usage: mbox.py MBOX OFFSET SECONDS HEADER TEXT
Looks at the messages appended after byte OFFSET (the mailbox's size before
the mail was sent), read under a shared fcntl lock as exim writes under an
exclusive one, with Python's mailbox parser, for one whose HEADER holds
TEXT; writes its bytes to standard output.  Exits 1 when none came within
SECONDS, saying so.
"""
import email
import email.policy
import fcntl
import mailbox
import os
import sys
import tempfile
import time


def tail(path, offset):
    try:
        with open(path, 'rb') as f:
            fcntl.lockf(f, fcntl.LOCK_SH)
            f.seek(offset)
            return f.read()
    except FileNotFoundError:
        return b''


def find(path, offset, header, text):
    data = tail(path, offset)
    if not data:
        return None
    with tempfile.TemporaryDirectory() as d:
        name = os.path.join(d, 'box')
        with open(name, 'wb') as f:
            f.write(data)
        box = mailbox.mbox(name, create=False)
        for key in box.keys():
            raw = box.get_bytes(key)
            m = email.message_from_bytes(raw, policy=email.policy.default)
            if text in str(m.get(header, '')):
                return raw
    return None


def main():
    path, offset, seconds, header, text = sys.argv[1:6]
    deadline = time.monotonic() + float(seconds)
    while True:
        raw = find(path, int(offset), header, text)
        if raw is not None:
            sys.stdout.buffer.write(raw)
            return 0
        if time.monotonic() > deadline:
            print('mbox.py: no message with %s: %s in %s after %s s'
                  % (header, text, path, seconds), file=sys.stderr)
            return 1
        time.sleep(0.2)


sys.exit(main())

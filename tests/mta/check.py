#!/usr/bin/env python3
"""Reads one delivered message with Python's email parser and prints what
a person would see: the header fields, decoded, and checks of the rest.

Usage: check.py MESSAGE EXPECTED-BODY [USER]
USER, when given, is written as USER in addresses, for stable output.
"""
import email
import email.policy
import sys

raw = open(sys.argv[1], 'rb').read()
want = open(sys.argv[2], encoding='utf-8').read()
user = sys.argv[3] if len(sys.argv) > 3 else None
m = email.message_from_bytes(raw, policy=email.policy.default)


def show(value):
    value = str(value)
    if user:
        value = value.replace(user + '@', 'USER@')
    return value


for h in ('From', 'To', 'Reply-To', 'Subject', 'Auto-Submitted'):
    if m[h] is not None:
        print('%s: %s' % (h, show(m[h])))
print('From parts:', [(a.display_name, a.addr_spec.count('@'))
                      for a in m['From'].addresses])
print('Date parses:', m['Date'].datetime is not None)
mid = m['Message-ID']
print('Message-ID:', mid.startswith('<') and mid.endswith('>') and '@' in mid)
print('type:', m.get_content_type(), m.get_content_charset())
body = m.get_content()
print('body as expected:', body == want)
if body != want:
    print(repr(body), repr(want))
print('defects:', [str(d) for d in m.defects])
print('8-bit or backslash in the message:',
      any(b >= 0x80 for b in raw) or b'\\' in raw.split(b'\n\n', 1)[1])

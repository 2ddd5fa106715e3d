#!/usr/bin/env python3
"""qb-pick --period=weekday over two full cycles of weekdays.

Usage: weekdays.py BANK   (qb-pick in PATH)
Prints the first and last day of the two cycles, the distinct records in
each (all of them, when every record comes once a cycle), and how many
sending days had the question of the sending day before (none).
"""
import datetime
import subprocess
import sys


def period(d):
    """The weekday period number, as qb-pick(1) defines it."""
    n = (d - datetime.date(1970, 1, 1)).days
    w = (n + 3) // 7
    return 5 * w + min(n + 3 - 7 * w, 4)


bank = sys.argv[1]
with open(bank, encoding='utf-8') as f:
    n = sum(1 for line in f if line.strip() and not line.startswith('#'))
d = datetime.date(2026, 1, 1)
while d.weekday() > 4 or period(d) % n:
    d += datetime.timedelta(1)
days = []
while len(days) < 2 * n + 1:	# and the first day of the third cycle
    if d.weekday() < 5:
        days.append(d)
    d += datetime.timedelta(1)
ids = [subprocess.run(['qb-pick', '--period=weekday', '--date=%s' % x, bank],
                      capture_output=True, text=True,
                      check=True).stdout.split('\t')[0] for x in days]
print(days[0], days[2 * n - 1], len(set(ids[:n])), len(set(ids[n:2 * n])),
      sum(a == b for a, b in zip(ids, ids[1:])))

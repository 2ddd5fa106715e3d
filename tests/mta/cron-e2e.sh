#!/bin/sh
# The daily mail under Debian's real cron daemon, end to end: `make install`
# to a temporary PREFIX, README.md's first crontab recipe put in root's
# crontab (its PATH= pointing to that prefix, its time the next minute
# of any day, so that it runs on a weekend too), cron started if it is not
# running, and the mail awaited in /var/mail/root (at most 130 s), read
# with Python's mailbox and email parsers, and checked for the day's
# question.  Root's crontab is restored, and a cron started here stopped.
#
# Usage: tests/mta/cron-e2e.sh [BUILD]   as root (make check-cron).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/build/plain}
box=/var/mail/root

say() { echo "cron-e2e.sh: $*" >&2; }
if [ "$(id -u)" -ne 0 ]; then
	say "must run as root: it uses root's crontab"
	exit 2
fi
if [ ! -x /usr/sbin/cron ] || ! command -v crontab >/dev/null; then
	say "Debian's cron is not installed (make deps)"
	exit 1
fi
sh "$top/tests/mta/setup.sh" || exit 1

tmp=$(mktemp -d /tmp/qb-cron.XXXXXX) || exit 2
chmod 755 "$tmp"
had_crontab= started_cron=
restore() {
	if [ -n "$had_crontab" ]; then
		crontab "$tmp/crontab.saved"
	else
		crontab -r 2>/dev/null
	fi
	if [ -n "$started_cron" ] && [ -s /run/crond.pid ]; then
		kill "$(cat /run/crond.pid)"
	fi
	rm -rf "$tmp"
}
trap restore EXIT
trap 'exit 2' INT TERM HUP
if crontab -l >"$tmp/crontab.saved" 2>/dev/null; then
	had_crontab=1
fi

if ! make -s -C "$top" install PREFIX="$tmp/prefix" DESTDIR= BUILD="$build" \
    >"$tmp/make.log" 2>&1; then
	cat "$tmp/make.log" >&2
	exit 1
fi
cmd=$(sed -n 's/^    [0-9*][^ ]* [^ ]* [^ ]* [^ ]* [^ ]* \(.*\)/\1/p' \
    "$top/README.md" | head -n 1)
if [ -z "$cmd" ]; then
	say "no crontab line in README.md"
	exit 1
fi
cmd=$(printf '%s\n' "$cmd" | sed "s|PATH=/usr/local/|PATH=$tmp/prefix/|")
want=$(PATH="$tmp/prefix/bin:$PATH"; export PATH; qb-list </dev/null |
    qb-pick --period=weekday | qb-fmt --template='%q')

# The next minute, or the one after when this one is nearly over.
ahead=1
[ "$(date +%S)" -lt 50 ] || ahead=2
when=$(date -d "+$ahead min" '+%M %H' | sed 's/^0\([0-9]\)/\1/; s/ 0\([0-9]\)$/ \1/')
off=$(wc -c <"$box" 2>/dev/null || echo 0)
{
	[ -z "$had_crontab" ] || cat "$tmp/crontab.saved"
	printf '%s * * * %s\n' "$when" "$cmd"
} | crontab - || exit 1
echo "crontab:"; crontab -l | tail -n 1 | sed 's/^/  /'

if ! pidof cron >/dev/null 2>&1; then
	/usr/sbin/cron || { say "cannot start cron"; exit 1; }
	started_cron=1
	echo "started cron"
fi

echo "waiting for the mail of $(date -d "+$ahead min" +%H:%M) in $box ..."
t0=$(date +%s)
if ! python3 "$top/tests/mta/mbox.py" "$box" "$off" 130 Subject \
    "$(printf '%s' "$want" | cut -c1-20)" >"$tmp/msg"; then
	say "no mail came; what did come:"
	tail -c +$((off + 1)) "$box" 2>/dev/null | grep -e '^Subject:' -e '^qb-' >&2
	exit 1
fi
echo "arrived after $(( $(date +%s) - t0 )) s"
printf '%s' "$want" >"$tmp/want"
python3 - "$tmp/msg" "$tmp/want" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'),
                                   policy=email.policy.default)
want = ' '.join(open(sys.argv[2], encoding='utf-8').read().split())
body = ' '.join(m.get_content().split())
for h in ('From', 'To', 'Subject', 'Date', 'Message-ID', 'Auto-Submitted'):
    print('%s: %s' % (h, m[h]))
ok = (body == want and want.startswith(str(m['Subject']).rstrip('.')) and
      m['Auto-Submitted'] == 'auto-generated' and
      m.get_content_charset() == 'utf-8' and
      m['To'].addresses[0].username == 'root')
print('the day\'s question, parsed:', 'ok' if ok else 'WRONG')
sys.exit(0 if ok else 1)
PY

#!/bin/sh
# Runs the crontab lines of README.md the way cron runs them, and finds each
# message in the local mailbox.  The commands are installed by
# make check in the build tree (else by `make install` under a temporary
# PREFIX); of each line only the /usr/local of its PATH= assignment becomes
# that prefix, nothing else.
# Each line runs with what cron gives a job: env -i, PATH=/usr/bin:/bin,
# HOME, LOGNAME and SHELL=/bin/sh, /bin/sh -c, standard input an empty pipe.
#
# Usage: tests/mta/readme-cron.sh [BUILD]   Prints a line a recipe; exits 1
# when one failed.  Needs a local mail server (tests/mta/setup.sh).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-${QB_BUILD:-$top/build/plain}}
user=$(id -un)
home=$(getent passwd "$user" | cut -d: -f6)
box=/var/mail/$user
status=0

if [ ! -x /usr/sbin/sendmail ]; then
	echo "readme-cron.sh: no /usr/sbin/sendmail: no mail server (make deps)" >&2
	exit 1
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# make check staged the install in the build tree: no make within make.
prefix=$build/stage${QB_PREFIX:-/usr/local}
if [ ! -x "$prefix/bin/qb-list" ]; then
	prefix=$tmp/prefix
	if ! make -s -C "$top" install PREFIX="$prefix" DESTDIR= \
	    BUILD="$build" >"$tmp/make.log" 2>&1; then
		cat "$tmp/make.log" >&2
		exit 1
	fi
fi

# The command of every crontab line of an indented block.
sed -n 's/^    [0-9*][^ ]* [^ ]* [^ ]* [^ ]* [^ ]* \(.*\)/\1/p' "$top/README.md" \
    >"$tmp/lines"
[ -s "$tmp/lines" ] || { echo "readme-cron.sh: no crontab line in README.md" >&2; exit 1; }

n=0
while IFS= read -r cmd; do
	n=$((n + 1))
	case $cmd in
	*%*)	echo "recipe $n: holds a %, which cron makes a newline"; status=1
		continue ;;
	esac
	case $cmd in
	*PATH=/usr/local/*) ;;
	*)	echo "recipe $n: no PATH=/usr/local/...: cron would not find qb"
		status=1 ;;
	esac
	cmd=$(printf '%s\n' "$cmd" | sed "s|PATH=/usr/local/|PATH=$prefix/|")
	# The day's question, as the installed commands give it.
	want=$(PATH="$prefix/bin:$PATH"; export PATH; qb-list </dev/null |
	    qb-pick --period=weekday | qb-fmt --template='%q')
	off=$(wc -c <"$box" 2>/dev/null || echo 0)
	# Upstream trouble (no bank): nothing sent, cron mails the error.
	: | env -i PATH=/usr/bin:/bin HOME="$home" LOGNAME="$user" SHELL=/bin/sh \
	    QB_PATH=/nonexistent /bin/sh -c "$cmd" >"$tmp/out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] || ! grep -q '^qb-list: /nonexistent' "$tmp/out"; then
		echo "recipe $n: upstream trouble: exit $rc"; status=1
	fi
	if python3 "$top/tests/mta/mbox.py" "$box" "$off" 3 Subject \
	    'no recipient' >/dev/null 2>&1; then
		echo "recipe $n: upstream trouble sent an empty message"; status=1
	fi
	off=$(wc -c <"$box" 2>/dev/null || echo 0)
	: | env -i PATH=/usr/bin:/bin HOME="$home" LOGNAME="$user" SHELL=/bin/sh \
	    /bin/sh -c "$cmd" >"$tmp/out" 2>&1
	rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$tmp/out" ]; then
		echo "recipe $n: exit $rc"; sed 's/^/  /' "$tmp/out"; status=1
		continue
	fi
	if ! python3 "$top/tests/mta/mbox.py" "$box" "$off" 30 Subject \
	    "$(printf '%s' "$want" | cut -c1-20)" >"$tmp/msg"; then
		echo "recipe $n: no message arrived"; status=1
		continue
	fi
	printf '%s' "$want" >"$tmp/want"
	python3 - "$tmp/msg" "$tmp/want" "$user" "$n" "$cmd" <<-'PY' || status=1
	import email, email.policy, sys
	m = email.message_from_binary_file(open(sys.argv[1], 'rb'),
	    policy=email.policy.default)
	want = open(sys.argv[2], encoding='utf-8').read()
	body = ' '.join(m.get_content().split())
	subject = str(m['Subject']).rstrip('.')
	ok = (' '.join(want.split()).startswith(subject) and
	    body.startswith(' '.join(want.split())) and
	    m['To'].addresses[0].username == sys.argv[3] and
	    m['Auto-Submitted'] == 'auto-generated')
	if '--previous' in sys.argv[5]:
	    ok = ok and 'The previous question: ' in m.get_content()
	print('recipe %s: delivered, the day\'s question in Subject and body:'
	    % sys.argv[4], ok)
	sys.exit(0 if ok else 1)
	PY
done <"$tmp/lines"
exit $status

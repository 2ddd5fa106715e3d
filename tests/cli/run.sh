#!/bin/bash
# Runs the transcript tests tests/cli/*.t against the commands in BINDIR.
#
# A transcript holds cases.  Each case starts with "## name"; then
#   $ command      run by bash -o pipefail (so a pipeline fails when a command
#                  in it fails) in a fresh copy of tests/data, the commands
#                  and tests/cli/bin first in PATH
#   < line         a line of standard input (none: stdin is /dev/null)
#   > line         a line of expected standard output
#   ! line         a line of expected standard error
#   ? N            the expected exit status (default 0)
# Output and errors must match exactly; a case with no "> " or "! " lines
# expects none.  Lines starting with "#" (but not "##") are comments.
#
# Commands see QB_TOP (the source tree), QB_BUILD (the build tree), QB_CMDS
# (the commands, from the Makefile; else the qb-* in BINDIR), and TMPDIR, a
# directory of the case's own; make check adds QB_PREFIX and QB_RUN (the
# install prefix, and the pipeline of make run).  Each case runs in its own copy of the data,
# so no case sees another's files and nothing in the source tree changes.
#
# Usage: tests/cli/run.sh BINDIR [FILE.t]...   Prints "N passed, N failed".

bindir=$(cd "$1" && pwd) || exit 2
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -gt 0 ] || set -- "$top"/tests/cli/*.t
if [ -z "${QB_CMDS-}" ]; then
	QB_CMDS=$(cd "$bindir" && echo qb-*)
fi
[ "$QB_CMDS" != "qb-*" ] || { echo "$0: no commands in $bindir" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

run_case() {
	[ -n "$name" ] || return 0
	rm -rf "$tmp/case"
	mkdir "$tmp/case" && cp -R "$top/tests/data" "$tmp/case/data" &&
	    mkdir "$tmp/case/tmp" || exit 2
	(cd "$tmp/case/data" && PATH="$bindir:$top/tests/cli/bin:$PATH" TMPDIR="$tmp/case/tmp" \
	    QB_TOP="$top" QB_BUILD="$(dirname "$bindir")" QB_CMDS="$QB_CMDS" \
	    LC_ALL=C.UTF-8 QB_PATH= NO_COLOR= TZ=UTC \
	    bash -o pipefail -c "$cmd" <"$tmp/stdin" >"$tmp/out" 2>"$tmp/err")
	got=$?
	rm -rf "$tmp/case"
	if cmp -s "$tmp/out" "$tmp/want-out" && cmp -s "$tmp/err" "$tmp/want-err" &&
	    [ "$got" = "$status" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $file: $name"
		echo "  \$ $cmd"
		[ "$got" = "$status" ] || echo "  exit status $got, expected $status"
		diff -u --label expected --label got "$tmp/want-out" "$tmp/out" |
		    sed 's/^/  stdout /' | tail -n +3
		diff -u --label expected --label got "$tmp/want-err" "$tmp/err" |
		    sed 's/^/  stderr /' | tail -n +3
	fi
	name=
}

new_case() {
	name=$1 cmd= status=0
	: >"$tmp/stdin"; : >"$tmp/want-out"; : >"$tmp/want-err"
}

for file in "$@"; do
	name=
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		"## "*)	run_case; new_case "${line#\#\# }" ;;
		"\$ "*)	cmd=${line#\$ } ;;
		"<")	echo >>"$tmp/stdin" ;;
		"< "*)	printf '%s\n' "${line#< }" >>"$tmp/stdin" ;;
		">")	echo >>"$tmp/want-out" ;;
		"> "*)	printf '%s\n' "${line#> }" >>"$tmp/want-out" ;;
		"!")	echo >>"$tmp/want-err" ;;
		"! "*)	printf '%s\n' "${line#! }" >>"$tmp/want-err" ;;
		"? "*)	status=${line#? } ;;
		"#"*|"") ;;
		*)	echo "$file: cannot read line: $line" >&2; failed=$((failed + 1)) ;;
		esac
	done <"$file"
	run_case
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# The whole test suite: unit tests, CLI transcripts and lints.
# Usage: tests/run.sh BUILD   (BUILD holds bin/ and tests/ from make)
# Ends with one line "N passed, N failed"; exits 1 if anything failed.

build=$1
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0 failed=0
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT

count() {	# count NAME PASSED FAILED
	passed=$((passed + $2))
	failed=$((failed + $3))
	printf '%-28s %4d passed, %d failed\n' "$1" "$2" "$3"
}

# cmocka: one binary a module; its summary lines give the counts.
for t in "$build"/tests/test_*; do
	case $t in *.d) continue ;; esac
	"$t" >"$log" 2>&1
	status=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
	[ "$status" -ne 0 ] && [ -z "$f" ] && f=1	# crashed
	[ "${f:-0}" -eq 0 ] || cat "$log"
	count "unit $(basename "$t")" "${p:-0}" "${f:-0}"
done

# CLI transcripts.
for t in "$top"/tests/cli/*.t; do
	bash "$top/tests/cli/run.sh" "$build/bin" "$t" >"$log" 2>&1
	p=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$log")
	f=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$log")
	[ -n "$p" ] || f=1
	[ "${f:-0}" -eq 0 ] || grep -v 'passed, .* failed$' "$log"
	count "cli $(basename "$t")" "${p:-0}" "${f:-0}"
done

# Some transcripts again on the other scanners (lib/scan.c): same bytes out.
for simd in portable sse2 avx2; do
	for t in hostile qb-list qb-grep habits; do
		QB_SIMD=$simd bash "$top/tests/cli/run.sh" "$build/bin" \
		    "$top/tests/cli/$t.t" >"$log" 2>&1
		p=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$log")
		f=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$log")
		[ -n "$p" ] || f=1
		[ "${f:-0}" -eq 0 ] || grep -v 'passed, .* failed$' "$log"
		count "cli $t.t QB_SIMD=$simd" "${p:-0}" "${f:-0}"
	done
done
# qb-drill's session, driven through a pseudo-terminal.
python3 "$top/tests/pty/drill.py" "$build/bin" >"$log" 2>&1
p=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$log")
f=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$log")
[ -n "$p" ] || f=1
[ "${f:-0}" -eq 0 ] || grep -v 'passed, .* failed$' "$log"
count "pty drill.py" "${p:-0}" "${f:-0}"

# Lints: the shipped banks and the manual pages.
if "$build/bin/qb-list" --check "$top"/data/*.qb >"$log" 2>&1; then
	count "lint data/*.qb" 1 0
else
	cat "$log"
	count "lint data/*.qb" 0 1
fi
if mandoc -Tlint -Wwarning "$top"/man/*.[157] >"$log" 2>&1; then
	count "lint man/*" 1 0
else
	cat "$log"
	count "lint man/*" 0 1
fi

# AVX code that reaches SSE code with dirty vector registers (optimized
# builds only: a sanitizer build's AVX functions call helpers of their own).
if nm "$build/bin/qb-list" 2>/dev/null | grep -q __asan_init; then
	:
elif sh "$top/tests/lint/avx-to-sse.sh" "$build"/bin/* >"$log" 2>&1; then
	count "lint avx-to-sse" 1 0
else
	cat "$log"
	count "lint avx-to-sse" 0 1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

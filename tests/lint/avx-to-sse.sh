#!/bin/sh
# Usage: avx-to-sse.sh BINARY...
# Finds code that leaves AVX code for a call or a jump to another function
# with the upper halves of the vector registers dirty.  The SSE code it
# reaches then stalls on every legacy instruction (a tail call from
# any_avx2() to any_portable() once tripled qb-grep -c's time): AVX code
# must run vzeroupper first.  gcc does so before returns, but gcc 12 does
# not always before a call it turns into a jump.  A linear reading of the
# disassembly: a vector instruction dirties, vzeroupper cleans.
# Prints each offending site; exits 1 if there is one.
status=0
for bin in "$@"; do
	objdump -d --no-show-raw-insn "$bin" | awk -v bin="$bin" '
	/^[0-9a-f]+ <.*>:$/ { dirty = 0; fn = $2; next }
	/vzeroupper/ { dirty = 0; next }
	/%[yz]mm/ { dirty = 1; next }
	dirty && (/\t(jmp|call) +[0-9a-f]+ <[^+>@]*>$/ || /\tcall +\*/) {
		print bin ": " fn " " $0; bad = 1
	}
	END { exit bad }' || status=1
done
exit $status

#!/bin/bash
# Drives completions/qb.bash as bash itself would: for each argument, a
# command line with the cursor at its end, COMP_WORDS split the way bash
# splits them (blanks, and '=' and ':' from COMP_WORDBREAKS as words of
# their own), then _qb; prints COMPREPLY on one line.
# Usage: bash --norc complete.sh 'qb-fmt --format=j' ...
source "$QB_TOP/completions/qb.bash" || exit 2
for line; do
	COMP_LINE=$line COMP_POINT=${#line}
	read -ra COMP_WORDS <<<"$(printf '%s' "$line" | sed 's/\([=:]\)/ \1 /g')"
	[[ $line == *[[:blank:]=:] ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_qb
	printf '%s\n' "${COMPREPLY[*]}"
done

# The fast paths (issue 16) write the same bytes as the careful ones.

## qb-list to a regular file (copied by the kernel) equals qb-list to a pipe
$ qb-list good.qb crlf.qb hostile.qb eight.qb > "$TMPDIR/f" 2>/dev/null; qb-list good.qb crlf.qb hostile.qb eight.qb 2>/dev/null | cat | cmp - "$TMPDIR/f" && echo same
> same

## qb-list appending to a file (no kernel copy) writes after what is there
$ echo first > "$TMPDIR/f"; qb-list good.qb >> "$TMPDIR/f"; { echo first; qb-list good.qb | cat; } | cmp - "$TMPDIR/f" && echo same
> same

## qb-list reading a file from where standard input stands, not from its start
$ { head -n 2 >/dev/null; qb-list - > "$TMPDIR/f"; } < good.qb; { head -n 2 >/dev/null; qb-list - | cat; } < good.qb | cmp - "$TMPDIR/f" && echo same
> same

## a canonical last line without LF gets one in the file
$ printf 'a\tb\tc\td' > "$TMPDIR/in"; qb-list "$TMPDIR/in" > "$TMPDIR/f"; od -c "$TMPDIR/f" | head -n 1
> 0000000   a  \t   b  \t   c  \t   d  \n

## a canonical line after a CR-terminated one, both to a file
$ printf 'a\tb\tc\td\r\nb\tc\td\te\n' > "$TMPDIR/in"; qb-list "$TMPDIR/in" > "$TMPDIR/f"; od -c "$TMPDIR/f" | head -n 2
> 0000000   a  \t   b  \t   c  \t   d  \n   b  \t   c  \t   d  \t   e  \n
> 0000020

## every scanner reports the same problems at the same columns
$ for m in portable sse2 avx2 none; do QB_SIMD=$m qb-list bad-kinds.qb hostile.qb 2>"$TMPDIR/e" >/dev/null; cksum < "$TMPDIR/e"; done | uniq -c | sed 's/^ *//'
> 4 3410382548 1102

## qb-grep -m stops with the file open: its copied lines still reach the file
$ qb-grep -m 1 -i sql good.qb > "$TMPDIR/f"; echo $?; cut -f 1 "$TMPDIR/f"
> 0
> be-21

## qb-grep to a file writes what it writes to a pipe, messages included
$ qb-grep -i e good.qb bad-kinds.qb hostile.qb > "$TMPDIR/f" 2>"$TMPDIR/e"; qb-grep -i e good.qb bad-kinds.qb hostile.qb 2>"$TMPDIR/e2" | cat > "$TMPDIR/f2"; cmp "$TMPDIR/e" "$TMPDIR/e2" && cmp "$TMPDIR/f" "$TMPDIR/f2" && echo same
> same

## the literal prefilter finds a TAB, a newline and a backslash as escaped in the line
$ qb-grep -c -F "$(printf 'Tab\there')" hostile.qb; qb-grep -c -k answer -F "$(printf 'Two\n\npara')" hostile.qb; qb-grep -c -F 'He said "hi" \ and' hostile.qb
> 1
> 1
> 1

## the prefilter under -v, -w, -x and -k id keeps every record it must
$ qb-grep -vc SQL good.qb; qb-grep -wc SQL good.qb; qb-grep -wc SQ good.qb; qb-grep -xc 'Explain SQL injection.' good.qb; qb-grep -c -k id be-2 good.qb
> 4
> 1
> 0
> 1
> 3

## qb-pick --daily keeps lines of regular files where they are: same pick as from a pipe
$ for d in 2026-01-01 2026-02-02 2026-03-03 2026-04-04; do a=$(qb-pick --date=$d good.qb crlf.qb hostile.qb eight.qb); b=$(qb-list good.qb crlf.qb hostile.qb eight.qb | qb-pick --date=$d); [ "$a" = "$b" ] && echo same; done
> same
> same
> same
> same

## the prefilter looks for the literal as it is in the tags, which are not escaped
$ printf 'x-1\ta\\\\b,c\tQ?\tA\n' > "$TMPDIR/t.qb"; qb-grep -c -k tags -F 'a\\b' "$TMPDIR/t.qb"; qb-grep -c -k tags -F 'a\b' "$TMPDIR/t.qb"
> 1
> 0
? 1

## a big canonical file (kernel copies, 256 KiB at a time) to a file equals it to a pipe
$ seq 1 9000 | awk '{ printf "id-%d\tt,u\tQuestion %d: long enough for a file of some size?\tAnswer %d\n", $1, $1, $1 }' > "$TMPDIR/big.qb"; qb-list "$TMPDIR/big.qb" good.qb > "$TMPDIR/f"; qb-list "$TMPDIR/big.qb" good.qb | cat | cmp - "$TMPDIR/f" && echo same; head -n 9000 "$TMPDIR/f" | cmp - "$TMPDIR/big.qb" && echo same
> same
> same

## kernel copies go where the shell left the file offset, between other writes
$ seq 1 9000 | awk '{ printf "id-%d\tt,u\tQuestion %d: long enough for a file of some size?\tAnswer %d\n", $1, $1, $1 }' > "$TMPDIR/big.qb"; { echo first; qb-list "$TMPDIR/big.qb"; echo last; } > "$TMPDIR/f"; { echo first; qb-list "$TMPDIR/big.qb" | cat; echo last; } | cmp - "$TMPDIR/f" && echo same
> same

## a big file read from where standard input stands
$ seq 1 9000 | awk '{ printf "id-%d\tt,u\tQuestion %d: long enough for a file of some size?\tAnswer %d\n", $1, $1, $1 }' > "$TMPDIR/big.qb"; { head -n 2 >/dev/null; qb-list - > "$TMPDIR/f"; } < "$TMPDIR/big.qb"; tail -n +3 "$TMPDIR/big.qb" | cmp - "$TMPDIR/f" && echo same
> same

## qb-grep -m stopping in a big file, its copied lines written before the end
$ seq 1 9000 | awk '{ printf "id-%d\tt,u\tQuestion %d: long enough for a file of some size?\tAnswer %d\n", $1, $1, $1 }' > "$TMPDIR/big.qb"; qb-grep -m 6000 Question "$TMPDIR/big.qb" > "$TMPDIR/f"; head -n 6000 "$TMPDIR/big.qb" | cmp - "$TMPDIR/f" && echo same
> same

## qb-pick --daily on a big file picks what it picks from a pipe
$ seq 1 9000 | awk '{ printf "id-%d\tt,u\tQuestion %d: long enough for a file of some size?\tAnswer %d\n", $1, $1, $1 }' > "$TMPDIR/big.qb"; for d in 2026-01-01 2026-05-05; do a=$(qb-pick --date=$d "$TMPDIR/big.qb"); b=$(cat "$TMPDIR/big.qb" | qb-pick --date=$d); [ "$a" = "$b" ] && echo same; done
> same
> same

## imported records are written, never copied from their file
$ seq 1 9000 | awk '{ printf "Question %d: long enough for a file of some size?\tAnswer %d\tt\n", $1, $1 }' > "$TMPDIR/big.tsv"; qb-list -f tsv "$TMPDIR/big.tsv" > "$TMPDIR/f"; qb-list -f tsv "$TMPDIR/big.tsv" | cat | cmp - "$TMPDIR/f" && echo same; head -n 1 "$TMPDIR/f"
> same
> qb1e343c74a3e	t	Question 1: long enough for a file of some size?	Answer 1

# qb-grep's prefilter (lib/prefilter.c): literals every match must hold,
# found by reading the pattern, rule records out before PCRE2 runs.  It
# must never change which records are selected.  QB_PREFILTER=0 turns it
# off; only the tests use it, to compare.

## random patterns select the same records with the prefilter as without it
$ python3 "$QB_TOP/tests/cli/grep_prefilter.py" 400 16
> ok 400

## the same on the SSE2 and the portable search
$ QB_SIMD=sse2 python3 "$QB_TOP/tests/cli/grep_prefilter.py" 100 17; QB_SIMD=portable python3 "$QB_TOP/tests/cli/grep_prefilter.py" 100 18
> ok 100
> ok 100

## a caseless alternation of words needs one of them in any case
$ qb-grep -c '(?i)\b(index|sql)\w*' grep.qb; QB_PREFILTER=0 qb-grep -c '(?i)\b(index|sql)\w*' grep.qb
> 3
> 3

## -i on an alternation, -w, -o and several fields
$ qb-grep -k all -o -i -w -e sql -e rest grep.qb
> sql
> SQL
> SQL
> REST
> sql
> sql

## literals around a regex piece, as escaped in the line
$ qb-grep -c 'line.two' grep.qb; qb-grep -c 'one\nline' grep.qb; qb-grep -c 'a\ttab' grep.qb; qb-grep -c 'a \\ back' grep.qb
> 1
> 1
> 1
> 1

## k and s fold to KELVIN SIGN and LONG S caseless: they are not searched as ASCII
$ printf 'k-1\tt\tThe \342\204\252elvin scale, \305\277ure\n' > "$TMPDIR/k.qb"; qb-grep -ci kelvin "$TMPDIR/k.qb"; qb-grep -c '(?i)SURE' "$TMPDIR/k.qb"; qb-grep -c kelvin "$TMPDIR/k.qb"
> 1
> 1
> 0
? 1

## non-ASCII letters fold beyond ASCII caseless: école finds ÉCOLE
$ qb-grep -c -i 'école' grep.qb; qb-grep -c -i -F 'ÉCOLE' grep.qb; qb-grep -c 'école' grep.qb
> 1
> 1
> 1

## a lookahead, a class, a quantifier of zero and \Q...\E keep the records they must
$ qb-grep -c 'n(?=dex)' grep.qb; qb-grep -c '[Ss]QL' grep.qb; qb-grep -c 'x{0}SQL' grep.qb; qb-grep -c '\Qa.b*\Ec' grep.qb; qb-grep -c '(?i:s)ql' grep.qb
> 1
> 1
> 1
> 1
> 1

## -f with several patterns, one of them without a literal: every record is searched
$ printf 'index\n[0-9]+\n' > "$TMPDIR/p"; qb-grep -c -f "$TMPDIR/p" grep.qb; printf 'index\nREST\n' > "$TMPDIR/p"; qb-grep -c -f "$TMPDIR/p" grep.qb; qb-grep -vc -f "$TMPDIR/p" grep.qb
> 2
> 2
> 6

## a malformed line is still reported when no record holds the literal
$ printf 'a-1\tt\tnothing here\nbad\tline\n' | qb-grep -c zebra
> 0
! qb-grep: (standard input):2: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
? 2

## a record without the literal is not given to PCRE2, which cannot give up on it
$ printf 'p-1\t\taaaaaaaaaaaaaaaaaaaaaaaaaaaaaac?\t\np-2\t\taaab\t\n' | qb-grep '(a+)+b'
> p-2		aaab	

## PCRE2 starts at the first literal when every match starts with one; \b and lookbehinds still see what is before it
$ printf 'a-1\tt\txcache then cache\n' > "$TMPDIR/s.qb"; qb-grep -c '\bcache\b' "$TMPDIR/s.qb"; qb-grep -c '(?<=x)cache' "$TMPDIR/s.qb"; qb-grep -c '(?<= )cache' "$TMPDIR/s.qb"; qb-grep -c '\Gcache' "$TMPDIR/s.qb"; qb-grep -xc 'cache' "$TMPDIR/s.qb"; qb-grep -o '\w*cache' "$TMPDIR/s.qb"
> 1
> 1
> 1
> 0
> 0
> xcache
> cache

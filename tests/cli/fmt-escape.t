# qb-fmt's escaping at speed (issue 16): JSON and CSV are written from the
# fields as the records hold them, escaped, a vector of bytes at a time.
# Whatever the text and whichever scanner (QB_SIMD), Python's own json and
# csv modules must read back exactly the fields of the bank (fmt-check
# reads the bank itself: qb(5)'s escapes, tags split at commas).

## random text rich in quotes, commas, backslashes, tabs, newlines, U+2028 and non-ASCII reads back exactly
$ fmt-check gen 3000 16 > r.qb; qb-list -c r.qb; for f in json jsonl csv tsv; do qb-fmt -a -f $f r.qb | fmt-check $f r.qb; done
> 3000
> json: 3000 records, same
> jsonl: 3000 records, same
> csv: 3000 records, same
> tsv: 3000 records, same

## the hostile set, the formats set and the wrap set read back exactly
$ qb-list hostile.qb formats.qb wrap.qb > h.qb; for f in json jsonl csv tsv; do qb-fmt -a -f $f h.qb | fmt-check $f h.qb; done
> json: 17 records, same
> jsonl: 17 records, same
> csv: 17 records, same
> tsv: 17 records, same

## without -a the answers are empty, every field else the same
$ fmt-check gen 500 7 | sed 's/\t[^\t]*$/\t/' > r.qb; for f in json csv; do qb-fmt -f $f r.qb | fmt-check $f r.qb; done
> json: 500 records, same
> csv: 500 records, same

## every scanner writes the same bytes, for every data format
$ fmt-check gen 2000 3 > r.qb; for f in json jsonl csv tsv anki; do for m in portable sse2 avx2 avx512; do QB_SIMD=$m qb-fmt -a -f $f r.qb hostile.qb formats.qb | cksum; done | uniq | wc -l; done
> 1
> 1
> 1
> 1
> 1

## --formula-guard on escaped text: a cell starting with a tab escape gets its quote mark too
$ printf 'g-1\t\t\\\\tab first\t=1+1\ng-2\t\t\\tx\t-1, or +1\n' | qb-fmt -a -f csv --formula-guard | tr -d "\r"
> id,tags,question,answer
> g-1,,\tab first,'=1+1
> g-2,,'	x,"'-1, or +1"

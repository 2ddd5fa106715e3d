# qb-pick keeps little of each record for --daily and checks every id at
# the end of the input: the picks and the messages are those of before.

## --daily past the ids src.h remembers: repeats reported in order, around a bad line, the same from a file and a pipe
$ seq 0 59999 | awk '{ printf "id-%d\tt\tQuestion %d?\tAnswer\n", ($1 * 7919) % 60000, $1 }' > big.qb; printf 'id-5\tt\tAgain?\nbad\tline\nid-70000\tt\tNew?\nid-70000\tt\tOnce more?\n' >> big.qb; qb-pick --date=2026-12-01 --date=2026-12-02 big.qb; cat big.qb | qb-pick --date=2026-12-03
> id-27344	t	Question 34576?	Answer
> id-59169	t	Question 8751?	Answer
> id-36751	t	Question 929?	Answer
! qb-pick: big.qb:60001: duplicate id 'id-5', first at big.qb:8396
! qb-pick: big.qb:60002: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
! qb-pick: big.qb:60004: duplicate id 'id-70000', first at big.qb:60003
! qb-pick: (standard input):60001: duplicate id 'id-5', first at (standard input):8396
! qb-pick: (standard input):60002: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
! qb-pick: (standard input):60004: duplicate id 'id-70000', first at (standard input):60003
? 2

## --daily: a repeat in a second file names the first file
$ seq 0 59999 | awk '{ printf "id-%d\tt\tQ %d?\n", $1, $1 }' > a.qb; printf 'id-59999\tt\tAgain?\nid-1\tt\tOne more?\n' > b.qb; qb-pick --date=2026-12-01 a.qb b.qb
> id-21155	t	Q 21155?	
! qb-pick: b.qb:1: duplicate id 'id-59999', first at a.qb:60000
! qb-pick: b.qb:2: duplicate id 'id-1', first at a.qb:2
? 2

## --daily: lines kept where they are in a file, or copied from a pipe, or in memory with no temporary directory: the same pick
$ seq 0 59999 | awk '{ printf "id-%d\t\tQ %d?\tA\\tB\n", $1, $1 }' > c.qb; for d in 2026-01-01 2026-07-07; do qb-pick --date=$d c.qb; cat c.qb | qb-pick --date=$d; cat c.qb | TMPDIR=/nonexistent qb-pick --date=$d; done | uniq -c | sed 's/^ *//'
> 3 id-44444		Q 44444?	A\tB
> 3 id-20554		Q 20554?	A\tB

## --daily: lines that are not canonical (no id, spaced tags, CRLF, after a BOM) stay in the file too, and are made canonical when picked: the same pick as from a pipe
$ { printf '\357\273\277'; seq 0 2999 | awk '{ if ($1 % 3 == 0) printf "\t Tag%d , x \tQuestion %d?\tA\r\n", $1 % 7, $1; else if ($1 % 3 == 1) printf "id-%d\tT\tQ %d?\n", $1, $1; else printf "id-%d\tt\tQ %d?\tA\\tB\n", $1, $1 }'; } > n.qb; for d in 2026-01-01 2026-01-02 2026-01-03 2026-01-05 2026-07-07 2027-02-02; do qb-pick --date=$d n.qb; cat n.qb | qb-pick --date=$d; done | uniq -c | sed 's/^ *//'
> 2 id-2738	t	Q 2738?	A\tB
> 2 id-1012	t	Q 1012?	
> 2 id-2944	t	Q 2944?	
> 2 id-488	t	Q 488?	A\tB
> 2 qecff41768c26	tag2,x	Question 534?	A
> 2 qd5185f90b586	tag3,x	Question 255?	A

## --state reads lines again from a regular file: the same picks and state as from a pipe
$ seq 0 999 | awk '{ printf "s-%d\tt\tQ %d?\tA\n", $1, $1 }' > s.qb; for i in 1 2 3; do qb-pick -n 400 -s "$i" --state=f.st s.qb; done | cksum; for i in 1 2 3; do cat s.qb | qb-pick -n 400 -s "$i" --state=p.st; done | cksum; cmp f.st p.st && wc -l < f.st
> 3644971520 20124
> 3644971520 20124
> 200

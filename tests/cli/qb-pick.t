# qb-pick: random, seeded, daily, by id, by position, no repeats.

## a seed gives the same pick on every machine, for ever (checked in Python)
$ qb-pick -s demo eight.qb
> p-4	t	Question 4?	

## -n with a seed: three distinct records in a fixed random order
$ qb-pick -n 3 --seed=demo eight.qb
> p-4	t	Question 4?	
> p-3	t	Question 3?	
> p-8	t	Question 8?	

## the same seed and input, twice
$ qb-pick -n 5 -s again eight.qb > a; qb-pick -n 5 -s again eight.qb | cmp - a && echo same
> same

## -n larger than the input: all of them, shuffled, none twice
$ qb-pick -n 100 eight.qb | sort | uniq | wc -l
> 8

## without a seed, picks come from the system: 20 runs are not all the same
$ for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do qb-pick eight.qb; done | sort -u | wc -l | awk '$1 > 1 { print "varied" }'
> varied

## canonical output from a loose input
$ printf 'What is a design pattern?\n' | qb-pick
> q139e9e01078a		What is a design pattern?	

## empty input: nothing to pick, exit 1
$ qb-pick /dev/null
? 1

## -n 0 picks nothing
$ qb-pick -n 0 eight.qb
? 1

## the question of the day on the built-in bank for 2026-12-01 (checked in Python)
$ qb-list | qb-pick --daily --date=2026-12-01 | cut -f 1
> skill-19

## the daily pick depends on the set of ids, not their order
$ qb-pick --daily --date=2026-12-01 eight.qb; qb-pick --daily --date=2026-12-01 eight-reversed.qb
> p-5	t	Question 5?	
> p-5	t	Question 5?	

## over the 45 days of the cycle that holds 2026-12-01, all 45 records once each
$ qb-list > bank.tmp; d=20745; while [ $d -lt 20790 ]; do qb-pick -d --date=$(date -u -d @$((d * 86400)) +%F) bank.tmp | cut -f 1; d=$((d + 1)); done | sort -u | wc -l; rm bank.tmp
> 45

## the next cycle does not start with the record that ended the last
$ qb-list > bank.tmp; for day in 2026-12-02 2026-12-03; do qb-pick -d --date=$day bank.tmp | cut -f 1; done | uniq | wc -l; rm bank.tmp
> 2

## --period=week: the same pick Monday to Sunday, a new one on Monday (checked in Python)
$ for day in 2026-11-29 2026-11-30 2026-12-03 2026-12-06 2026-12-07; do qb-pick -d --period=week --date=$day eight.qb | cut -f 1; done
> p-7
> p-3
> p-3
> p-3
> p-1

## --period=month: the same pick all month (checked in Python)
$ for day in 2026-11-30 2026-12-01 2026-12-31 2027-01-01; do qb-pick --period=month --date=$day eight.qb | cut -f 1; done
> p-3
> p-8
> p-8
> p-7

## the seed changes the daily arrangement
$ qb-pick -d --date=2026-12-01 -s other eight.qb | cut -f 1
> p-1

## --daily without --date is today, in local time (TZ)
$ a=$(TZ=UTC qb-pick -d eight.qb); b=$(TZ=UTC qb-pick -d --date=$(TZ=UTC date +%F) eight.qb); [ "$a" = "$b" ] && echo today
> today

## a bad date is a usage error
$ qb-pick -d --date=2026-02-30 eight.qb
! qb-pick: invalid date: '2026-02-30' (YYYY-MM-DD, today, yesterday or tomorrow, then +N or -N days or periods)
! Try 'qb-pick --help' for more information.
? 2

## an unknown period is a usage error
$ qb-pick --period=year eight.qb
! qb-pick: invalid period: 'year' (day, week, weekday or month)
! Try 'qb-pick --help' for more information.
? 2

## --id in the order given; an unknown id is reported and the others printed, exit 1
$ qb-pick --id=p-7,nope --id p-2 eight.qb
> p-7	t	Question 7?	
> p-2	t	Question 2?	
! qb-pick: no record with id 'nope'
? 1

## --id with all ids found
$ qb-pick --id p-3 eight.qb
> p-3	t	Question 3?	

## --id with an invalid id is a usage error
$ qb-pick --id 'p 3' eight.qb
! qb-pick: invalid id: 'p 3'
! Try 'qb-pick --help' for more information.
? 2

## -i picks by 1-based position, ranges and open ranges, in the order given
$ qb-pick -i 7-,2,4-5 eight.qb | cut -f 1
> p-7
> p-8
> p-2
> p-4
> p-5

## --index past the end is reported, exit 1
$ qb-pick --index=8,9 eight.qb | cut -f 1
> p-8
! qb-pick: no record at position 9 (there are 8)
? 1

## --index with a bad list
$ qb-pick -i 0 eight.qb
! qb-pick: invalid position list: '0' (like 3, 5-7, 9-)
! Try 'qb-pick --help' for more information.
? 2

## -n takes numbers only
$ qb-pick -n abc eight.qb
! qb-pick: invalid number for -n: 'abc'
! Try 'qb-pick --help' for more information.
? 2

## -n with --daily is a usage error
$ qb-pick -n 2 --daily eight.qb
! qb-pick: -n is for random picks: not with --daily, --id or --index
! Try 'qb-pick --help' for more information.
? 2

## --state with --daily is a usage error
$ qb-pick --state=st.tmp --daily eight.qb
! qb-pick: --state is for random picks: not with --daily, --id or --index
! Try 'qb-pick --help' for more information.
? 2

## --daily with --id is a usage error
$ qb-pick --daily --id p-1 eight.qb
! qb-pick: --daily, --id and --index are mutually exclusive
! Try 'qb-pick --help' for more information.
? 2

## --state: eight runs on eight records give eight different records, then a new round
$ rm -f st.tmp; for i in 1 2 3 4 5 6 7 8; do qb-pick --state=st.tmp eight.qb; done | sort -u | wc -l; wc -l < st.tmp; qb-pick --state=st.tmp eight.qb >/dev/null; wc -l < st.tmp; rm st.tmp
> 8
> 8
> 1

## --state: eight concurrent runs on eight records give eight different records
$ rm -f st.tmp; for i in 1 2 3 4 5 6 7 8; do qb-pick --state=st.tmp eight.qb > out$i.tmp & done; wait; cat out*.tmp | sort -u | wc -l; sort -u st.tmp | wc -l; rm st.tmp out*.tmp
> 8
> 8

## --state with -n across the end of a round: the round's rest, then the new round
$ rm -f st.tmp; qb-pick -n 6 --state=st.tmp eight.qb > a.tmp; qb-pick -n 4 --state=st.tmp eight.qb > b.tmp; sort -u a.tmp b.tmp | wc -l; head -n 2 b.tmp | sort | cat a.tmp - | sort -u | wc -l; wc -l < st.tmp; rm st.tmp a.tmp b.tmp
> 8
> 8
> 2

## --state: a corrupt file is an error and is left unchanged
$ printf 'p-1\nnot an id\n' > st.tmp; qb-pick --state=st.tmp eight.qb; echo "exit $?"; cat st.tmp; rm st.tmp
> exit 2
> p-1
> not an id
! qb-pick: st.tmp:2: not an id: the state file holds one id a line

## --state in a directory that cannot be written: an error
$ qb-pick --state=/nonexistent/dir/st eight.qb
! qb-pick: /nonexistent/dir/st: No such file or directory
? 2

## bad lines are reported, the good records still picked from, exit 2
$ qb-pick -n 100 bad-kinds.qb 2>/dev/null | wc -l; qb-pick bad-kinds.qb >/dev/null 2>&1; echo $?
> 7
> 2

## --version
$ qb-pick --version
> qb-pick (qb) 0.1.0

# qb-drill: the filters (--due, --stats, --grade), the review log (replay
# in any order, torn lines, concurrent appends, files that are not files)
# and what it shares with the other commands.  The session itself is
# driven through a pseudo-terminal by tests/pty/drill.py.

## --help: the usage is the synopsis, on stdout, exit 0
$ qb-drill --help | head -n 3
> Usage: qb-drill [--new=N] [--log=FILE] [--at=TIME] [FILE]...
>        qb-drill --due | --stats [--log=FILE] [--at=TIME] [FILE]...
>        qb-drill --grade=ID:G [--log=FILE] [--at=TIME] [FILE]...

## -h is --help, -V is --version
$ qb-drill -h > a.tmp; qb-drill --help > b.tmp; cmp a.tmp b.tmp && echo same; rm a.tmp b.tmp; qb-drill -V; qb-drill --version
> same
> qb-drill (qb) 0.1.0
> qb-drill (qb) 0.1.0

## every long option of --help is in the manual page, and the other way round
$ qb-drill --help | grep -o -- '--[a-z][a-z-]*' | sort -u > help.tmp; grep -o 'Fl \\-[a-z][a-z-]*' "$QB_TOP/man/qb-drill.1" | sed 's/Fl \\-/--/' | sort -u > man.tmp; diff help.tmp man.tmp && echo agrees; rm help.tmp man.tmp
> agrees

## an unknown option and exclusive modes are usage errors
$ qb-drill --bogus; echo "exit $?"; qb-drill --due --stats; echo "exit $?"
> exit 2
> exit 2
! qb-drill: unknown option: '--bogus'
! Try 'qb-drill --help' for more information.
! qb-drill: --due, --stats and --grade are exclusive
! Try 'qb-drill --help' for more information.

## --at takes ISO 8601 and nothing else
$ qb-drill --due --log=none.tmp --at=yesterday < good.qb
! qb-drill: invalid argument for --at: 'yesterday' (YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM])
! Try 'qb-drill --help' for more information.
? 2

## --new takes a number
$ qb-drill --new=-1 < good.qb
! qb-drill: number for --new out of range (0 to 1000000): '-1'
! Try 'qb-drill --help' for more information.
? 2

## --grade appends one line a review, checked against the input
$ L=$TMPDIR/g.log; qb-drill --log=$L --at=2026-12-01T09:00:00Z --grade=p-1:3 --grade=p-2:1 eight.qb && qb-drill --log=$L --at=2026-12-01T10:00:00+01:00 --grade=p-1:4 eight.qb && cat $L; rm -f $L
> 2026-12-01T09:00:00Z	p-1	3
> 2026-12-01T09:00:00Z	p-2	1
> 2026-12-01T09:00:00Z	p-1	4

## --grade: an unknown id or a bad grade is a usage error, and nothing is appended
$ L=$TMPDIR/u.log; qb-drill --log=$L --grade=p-1:3 --grade=p-9:3 eight.qb; echo "exit $?"; for g in p-1:0 p-1:5 p-1:33 p-1 p-1: :3 'a b:3'; do qb-drill --log=$L --grade="$g" eight.qb 2>/dev/null; echo "$g exit $?"; done; test -e $L || echo "no log"
> exit 2
> p-1:0 exit 2
> p-1:5 exit 2
> p-1:33 exit 2
> p-1 exit 2
> p-1: exit 2
> :3 exit 2
> a b:3 exit 2
> no log
! qb-drill: --grade: unknown id 'p-9'
! Try 'qb-drill --help' for more information.

## --grade with no FILE checks the ids of the question bank, not standard input
$ L=$TMPDIR/b.log; qb-drill --log=$L --at=2026-12-01 --grade=skill-21:2 < /dev/null && cat $L; QB_PATH=$QB_TOP/tests/data/eight.qb qb-drill --log=$L --grade=skill-21:2; echo "exit $?"; rm -f $L
> 2026-12-01T00:00:00Z	skill-21	2
> exit 2
! qb-drill: --grade: unknown id 'skill-21'
! Try 'qb-drill --help' for more information.

## ids with colons: the grade is after the last one
$ L=$TMPDIR/c.log; printf 'a:b:c\tt\tQ?\tA\n' > c.tmp; qb-drill --log=$L --at=2026-12-01 --grade=a:b:c:4 c.tmp && cut -f2- $L; rm -f $L c.tmp
> a:b:c	4

## the default log is $XDG_STATE_HOME/qb/reviews, else ~/.local/state/qb/reviews; directories are made
$ d=$TMPDIR/home; XDG_STATE_HOME=$d/state qb-drill --at=2026-12-01 --grade=p-1:3 eight.qb && HOME=$d XDG_STATE_HOME= qb-drill --at=2026-12-01 --grade=p-2:3 eight.qb && cat $d/state/qb/reviews $d/.local/state/qb/reviews; env -u HOME -u XDG_STATE_HOME qb-drill --grade=p-1:3 eight.qb; echo "exit $?"; rm -rf $d
> 2026-12-01T00:00:00Z	p-1	3
> 2026-12-01T00:00:00Z	p-2	3
> exit 2
! qb-drill: no review log: HOME and XDG_STATE_HOME are unset; use --log=FILE

## --due: the reviewed records whose time has come, canonical, in input order
$ L=$TMPDIR/d.log; for g in p-3:3 p-1:3 p-2:4 p-4:1; do qb-drill --log=$L --at=2026-12-01T09:00Z --grade=$g eight.qb; done; for at in 2026-12-01T09:05Z 2026-12-01T09:20Z 2026-12-09T09:00Z; do echo "at $at"; qb-drill --log=$L --due --at=$at eight.qb | cut -f1,3; done; rm -f $L
> at 2026-12-01T09:05Z
> p-4	Question 4?
> at 2026-12-01T09:20Z
> p-1	Question 1?
> p-3	Question 3?
> p-4	Question 4?
> at 2026-12-09T09:00Z
> p-1	Question 1?
> p-2	Question 2?
> p-3	Question 3?
> p-4	Question 4?

## --due with nothing due exits 1; a missing log is no reviews
$ qb-drill --due --log=$TMPDIR/missing.log eight.qb; echo "exit $?"; test -e $TMPDIR/missing.log || echo "not made"
> exit 1
> not made

## --due is a filter: qb-list | qb-drill --due | qb-pick | qb-fmt
$ L=$TMPDIR/p.log; qb-drill --log=$L --at=2026-12-01 --grade=p-5:3 eight.qb; qb-list eight.qb | qb-drill --log=$L --due --at=2026-12-02 | qb-pick -n 5 | qb-fmt; rm -f $L
> 1. Question 5?

## --stats: key TAB value, for people and scripts
$ L=$TMPDIR/s.log; printf '2026-11-01T09:00:00Z\tp-1\t4\n2026-11-09T09:00:00Z\tp-1\t3\n2026-11-01T09:00:00Z\tp-2\t4\n2026-11-09T09:00:00Z\tp-2\t1\n2026-12-01T08:00:00Z\tp-3\t3\n2026-12-01T08:00:00Z\tgone\t3\n' > $L; qb-drill --log=$L --stats --at=2026-12-01T09:00Z eight.qb; rm -f $L
> records	8
> due	2
> new	5
> new_today	1
> learning	2
> learned	1
> reviews	5
> retention	0.500

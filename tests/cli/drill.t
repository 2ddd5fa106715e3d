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

## --at asks about another time: reviews after it are left out
$ L=$TMPDIR/a.log; printf '2026-11-01T09:00:00Z\tp-1\t3\n2026-11-01T09:10:00Z\tp-1\t3\n2026-11-02T09:00:00Z\tp-1\t3\n' > $L; for at in 2026-11-01T09:05Z 2026-11-01T12:00Z 2026-11-03; do qb-drill --log=$L --stats --at=$at eight.qb | grep -E '^(due|learning|learned|reviews)' | tr '\n' ' '; echo; done; rm -f $L
> due	0 learning	1 learned	0 reviews	1 
> due	0 learning	0 learned	1 reviews	2 
> due	0 learning	0 learned	1 reviews	3 

## the same log gives the same schedule in any line order, and merged from two machines by sort
$ L=$TMPDIR/r.log; python3 -c 'import random, datetime; r = random.Random(7); t0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc); lines = []; [lines.append("%s\tq-%d\t%d" % ((t0 + datetime.timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%SZ"), i, r.choice([1, 2, 3, 3, 3, 4]))) for i in range(300) for s in sorted(r.sample(range(0, 300 * 86400, 600), r.randint(1, 12)))]; print("\n".join(lines))' > $L; python3 -c 'print("\n".join("q-%d\tt\tQuestion %d?\tA." % (i, i) for i in range(320)))' > r.tmp; wc -l < $L; for at in 2026-06-01 2026-09-01T12:00Z 2026-11-30; do qb-drill --log=$L --due --at=$at r.tmp | md5sum; qb-drill --log=$L --stats --at=$at r.tmp | md5sum; done > want.tmp; for v in 'shuf' 'sort -r' 'tac'; do $v $L > $L.v; for at in 2026-06-01 2026-09-01T12:00Z 2026-11-30; do qb-drill --log=$L.v --due --at=$at r.tmp | md5sum; qb-drill --log=$L.v --stats --at=$at r.tmp | md5sum; done | cmp - want.tmp && echo "$v: same"; done; awk 'NR % 2' $L > $L.a; awk 'NR % 2 == 0' $L > $L.b; sort $L.b $L.a > $L.v; for at in 2026-06-01 2026-09-01T12:00Z 2026-11-30; do qb-drill --log=$L.v --due --at=$at r.tmp | md5sum; qb-drill --log=$L.v --stats --at=$at r.tmp | md5sum; done | cmp - want.tmp && echo "merged: same"; qb-drill --log=$L --stats --at=2026-09-01T12:00Z r.tmp | grep -c .; rm -f $L $L.v $L.a $L.b r.tmp want.tmp
> 1962
> shuf: same
> sort -r: same
> tac: same
> merged: same
> 8

## a torn last line is reported with its number and ignored; the rest still counts
$ printf '2026-11-01T09:00:00Z\tp-1\t4\n2026-11-01T09:00:00Z\tp-2\t4\n2026-11-01T09:10:00Z\tp-3\t' > t.tmp; qb-drill --log=t.tmp --stats --at=2026-11-02 eight.qb > out.tmp; echo "exit $?"; grep -E '^(reviews|learned)' out.tmp; rm -f t.tmp out.tmp
> exit 2
> learned	2
> reviews	2
! qb-drill: t.tmp:3: torn line (no newline at the end), ignored

## a torn line that looks whole is torn all the same; the next review starts a new line
$ printf '2026-11-01T09:00:00Z\tp-1\t4\n2026-11-01T09:00:00Z\tp-2\t4' > t.tmp; qb-drill --log=t.tmp --due --at=2026-12-01 eight.qb | cut -f1; qb-drill --log=t.tmp --at=2026-12-01 --grade=p-3:3 eight.qb; cat t.tmp; rm -f t.tmp
> p-1
> 2026-11-01T09:00:00Z	p-1	4
> 2026-11-01T09:00:00Z	p-2	4
> 2026-12-01T00:00:00Z	p-3	3
! qb-drill: t.tmp:2: torn line (no newline at the end), ignored

## malformed lines anywhere in the log are reported and skipped, never fatal
$ printf '2026-11-01T09:00:00Z\tp-1\t4\nhello\n2026-11-01 09:00:00\tp-2\t4\n2026-11-01T09:00:00Z\tp 3\t4\n2026-11-01T09:00:00Z\tp-4\t9\n# a comment\n\n2026-11-01T09:00:00Z\tp-5\t4\textra\n' > t.tmp; qb-drill --log=t.tmp --due --at=2026-12-01 eight.qb | cut -f1; echo "exit $?"; rm -f t.tmp
> p-1
> p-5
> exit 2
! qb-drill: t.tmp:2: not a review: expected TIME<TAB>ID<TAB>GRADE
! qb-drill: t.tmp:3: bad time: expected YYYY-MM-DDTHH:MM:SSZ
! qb-drill: t.tmp:4: bad id
! qb-drill: t.tmp:5: bad grade: expected 1, 2, 3 or 4

## the exit status after a bad log line is 2
$ printf 'hello\n' > t.tmp; qb-drill --log=t.tmp --stats eight.qb > /dev/null; echo "exit $?"; rm -f t.tmp
> exit 2
! qb-drill: t.tmp:1: not a review: expected TIME<TAB>ID<TAB>GRADE

## a log that is not a regular file is refused at once: /dev/null, a directory, a FIFO
$ mkfifo $TMPDIR/fifo; for l in /dev/null $TMPDIR $TMPDIR/fifo; do timeout 5 qb-drill --log=$l --stats eight.qb; echo "stats exit $?"; timeout 5 qb-drill --log=$l --grade=p-1:3 eight.qb; echo "grade exit $?"; done 2>&1 | sed "s|$TMPDIR|TMP|"; rm $TMPDIR/fifo
> qb-drill: /dev/null: not a regular file: qb keeps its files only in regular files
> stats exit 2
> qb-drill: /dev/null: not a regular file: qb keeps its files only in regular files
> grade exit 2
> qb-drill: TMP: not a regular file: qb keeps its files only in regular files
> stats exit 2
> qb-drill: TMP: Is a directory
> grade exit 2
> qb-drill: TMP/fifo: not a regular file: qb keeps its files only in regular files
> stats exit 2
> qb-drill: TMP/fifo: not a regular file: qb keeps its files only in regular files
> grade exit 2

## 8 concurrent runs of --grade lose nothing: every line whole
$ L=$TMPDIR/cc.log; for j in 1 2 3 4 5 6 7 8; do (for i in $(seq 40); do qb-drill --log=$L --grade=p-$j:3 eight.qb || echo fail; done) & done; wait; wc -l < $L; cut -f2 $L | sort | uniq -c | sed 's/^ *//' | tr '\n' ' '; echo; qb-drill --log=$L --stats eight.qb | grep reviews; rm -f $L
> 320
> 40 p-1 40 p-2 40 p-3 40 p-4 40 p-5 40 p-6 40 p-7 40 p-8 
> reviews	320

## a session needs a terminal: without one, a message and exit 2, before reading input
$ setsid -w qb-drill --log=$TMPDIR/s.log eight.qb < /dev/null; echo "exit $?"; test -e $TMPDIR/s.log || echo "no log"
> exit 2
> no log
! qb-drill: no terminal to drill on (use --due, --stats or --grade without one)

## malformed input records are reported; the good ones around them are still out
$ printf '2026-11-01T09:00:00Z\tbe-21\t4\n2026-11-01T09:00:00Z\tbe-23\t4\n' > t.tmp; printf 'be-21\t\tQ?\t\nbad\tline\nbe-23\t\tQ3?\t\n' | qb-drill --log=t.tmp --due --at=2026-12-01 | cut -f1; rm -f t.tmp
> be-21
> be-23
! qb-drill: (standard input):2: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
? 0

## /dev/full: a write error, exit 2, with one message; --version too
$ L=$TMPDIR/f.log; qb-drill --log=$L --at=2026-11-01 --grade=p-1:4 eight.qb; qb-drill --log=$L --due --at=2026-12-01 eight.qb > /dev/full; echo "exit $?"; qb-drill --log=$L --stats eight.qb > /dev/full; echo "exit $?"; qb-drill --version > /dev/full; echo "exit $?"; rm -f $L
> exit 2
> exit 2
> exit 2
! qb-drill: write error: No space left on device
! qb-drill: write error: No space left on device
! qb-drill: write error: No space left on device

## SIGPIPE: | head -n 1 ends quietly; inherited as ignored, EPIPE is a write error
$ L=$TMPDIR/sp.log; awk 'BEGIN { for (i = 0; i < 50000; i++) printf "id-%d\tt\tQuestion number %d?\tAnswer.\n", i, i }' > many.tmp; awk 'BEGIN { for (i = 0; i < 50000; i++) printf "2026-11-01T09:00:00Z\tid-%d\t3\n", i }' > $L; qb-drill --log=$L --due --at=2026-12-01 many.tmp | head -n 1 | cut -f1; (trap '' PIPE; qb-drill --log=$L --due --at=2026-12-01 many.tmp; echo "exit $?" >&2) | head -n 1 >/dev/null; rm -f many.tmp $L
> id-0
! qb-drill: write error: Broken pipe
! exit 2

## bash completion: qb-drill's options and the ids for --grade
$ bash -c 'source "$QB_TOP/completions/qb.bash"; c() { COMP_LINE=$1 COMP_POINT=${#1}; read -ra COMP_WORDS <<<"$1"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _qb; echo "${COMPREPLY[@]}"; }; c "qb-drill --s"; c "qb-drill --grade=skill-2"'
> --stats
> skill-20: skill-21: skill-22: skill-23: skill-24: skill-25: skill-26: skill-27: skill-28: skill-29:

## the manual page has the sections a reader looks for, and is lint-clean
$ for s in NAME SYNOPSIS DESCRIPTION ENVIRONMENT FILES 'EXIT STATUS' EXAMPLES DIAGNOSTICS 'SEE ALSO'; do grep -q "^\.Sh $s\$" "$QB_TOP/man/qb-drill.1" || echo "lacks $s"; done; mandoc -Tlint -Wwarning "$QB_TOP/man/qb-drill.1"; echo checked
> checked

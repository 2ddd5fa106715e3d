# qb-pick --state and the discipline of the files qb keeps (issue 17).
# Each case works in a new directory of its own; B is an 8-record bank.

## a tag typo upstream: no records in, nothing picked, exit 1, the state untouched
$ cd "$(mktemp -d)" && B=$QB_TOP/tests/data/eight.qb && printf 'p-1\np-2\n' > st && qb-grep -t no-such-tag $B 2>/dev/null | qb-pick --state=st; echo "exit $?"; cat st
> exit 1
> p-1
> p-2

## QB_PATH=: and an empty file are no records either
$ cd "$(mktemp -d)" && printf 'p-1\n' > st && : > empty.qb && QB_PATH=: qb-list | qb-pick --state=st; echo "exit $?"; qb-pick --state=st empty.qb; echo "exit $?"; cat st
> exit 1
> exit 1
> p-1

## subset rounds: the end of the subset's round forgets only the subset's ids
$ cd "$(mktemp -d)" && B=$QB_TOP/tests/data/eight.qb && printf 'p-7\np-8\n' > st && for i in 1 2 3 4; do qb-grep -e 'Question [1-3]' $B | qb-pick --state=st; done | cut -f1 | head -3 | sort | tr '\n' ' '; echo; grep -c 'p-[78]' st; wc -l < st
> p-1 p-2 p-3 
> 2
> 3

## two topics on one file: each gets all its records once a round, the other's progress kept
$ cd "$(mktemp -d)" && B=$QB_TOP/tests/data/eight.qb && A() { qb-grep -e 'Question [1-4]' $B | qb-pick --state=st; } && Z() { qb-grep -e 'Question [5-8]' $B | qb-pick --state=st; } && A >> a.out; A >> a.out; Z >> z.out; A >> a.out; Z >> z.out; A >> a.out; A >> a.out; grep -c 'p-[5-8]' st; Z >> z.out; Z >> z.out; sort -u a.out | head -4 | wc -l; sort -u z.out | wc -l; wc -l < st
> 2
> 4
> 4
> 5

## the first pick of a new round is never the last of the one before
$ cd "$(mktemp -d)" && head -2 $QB_TOP/tests/data/eight.qb > two.qb && for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do qb-pick --state=st two.qb; done | cut -f1 | uniq -d | wc -l
> 0

## a growing bank keeps its progress: new records join the current round
$ cd "$(mktemp -d)" && B=$QB_TOP/tests/data/eight.qb && head -4 $B > bank.qb && for i in 1 2 3; do qb-pick --state=st bank.qb; done > first && cp $B bank.qb && for i in 1 2 3 4 5; do qb-pick --state=st bank.qb; done > then && cat first then | sort -u | wc -l; wc -l < st
> 8
> 8

## a slow input does not hold the lock: another run goes on meanwhile
$ cd "$(mktemp -d)" && B=$QB_TOP/tests/data/eight.qb && { (sleep 1.5; cat $B) | qb-pick --state=st > slow.out & } && sleep 0.2 && timeout 1 qb-pick --state=st $B > fast.out; echo "exit $?"; wait; cat slow.out fast.out | sort -u | wc -l; wc -l < st
> exit 0
> 2
> 2

## a device is refused, never replaced, and nothing is picked
$ cd "$(mktemp -d)" && B=$QB_TOP/tests/data/eight.qb && { mknod nul c 1 3 2>/dev/null || ln -s /dev/null nul; } && qb-pick --state=nul $B; echo "exit $?"; [ -c nul ] && echo "still the device"
> exit 2
> still the device
! qb-pick: nul: not a regular file: qb keeps its files only in regular files

## a FIFO, a link to one and /proc/self/fd/0 on a pipe are refused at once
$ cd "$(mktemp -d)" && B=$QB_TOP/tests/data/eight.qb && mkfifo ff && ln -s ff lnk && timeout 5 qb-pick --state=ff $B; echo "exit $?"; timeout 5 qb-pick --state=lnk $B; echo "exit $?"; echo | timeout 5 qb-pick --state=/proc/self/fd/0 $B; echo "exit $?"; [ -p ff ] && [ -L lnk ] && echo "both still there"
> exit 2
> exit 2
> exit 2
> both still there
! qb-pick: ff: not a regular file: qb keeps its files only in regular files
! qb-pick: lnk: not a regular file: qb keeps its files only in regular files
! qb-pick: /proc/self/fd/0: not a regular file: qb keeps its files only in regular files

## a symbolic link: its target is updated, the link stays
$ cd "$(mktemp -d)" && mkdir keep && printf 'p-1\n' > keep/real && ln -s keep/real lnk && qb-pick --state=lnk $QB_TOP/tests/data/eight.qb > /dev/null; [ -L lnk ] && echo "still a link"; wc -l < keep/real; ls keep
> still a link
> 2
> real

## a file with two hard links is refused: replacing it would split them
$ cd "$(mktemp -d)" && printf 'p-1\n' > st && ln st other && qb-pick --state=st $QB_TOP/tests/data/eight.qb; echo "exit $?"; cat other
> exit 2
> p-1
! qb-pick: st: has 2 hard links: replacing it would split them (use a symbolic link)

## closed stderr: a message never lands in the state file
$ cd "$(mktemp -d)" && printf 'p-1\nnot an id\n' > st && qb-pick --state=st $QB_TOP/tests/data/eight.qb 2>&-; echo "exit $?"; cat st
> exit 2
> p-1
> not an id

## closed stdout: a write error, nothing recorded, no records in the state file
$ cd "$(mktemp -d)" && awk 'BEGIN { for (i = 0; i < 2000; i++) printf "id-%d\tt\tQuestion number %d is long enough?\tAnswer.\n", i, i }' > big.qb && printf 'p-1\n' > st && qb-pick -n 2000 --state=st big.qb >&-; echo "exit $?"; cat st
> exit 2
> p-1
! qb-pick: write error: Bad file descriptor

## closed fds 0-2, each alone, for every command in front of qb-pick --state
$ cd "$(mktemp -d)" && B=$QB_TOP/tests/data/eight.qb && for c in qb-list 'qb-grep -e .' qb-fmt; do for r in '2>&-' '<&-'; do sh -c "$c $B $r" | qb-pick --state=st 2>&- > /dev/null; echo "$? $(wc -l < st)"; done; done; qb-pick --state=st $B <&- >/dev/null; echo "$? $(wc -l < st)"; qb-pick --state=st <&- >/dev/null 2>&1; echo "$? $(wc -l < st)"
> 0 1
> 0 2
> 0 3
> 0 4
> 0 5
> 0 6
> 0 7
> 2 7

## closed stdout for every command: still a write error, exit 2
$ cd "$(mktemp -d)" && for c in qb-list 'qb-grep -e .' qb-fmt 'qb-pick --state=st'; do $c $QB_TOP/tests/data/eight.qb >&- 2>/dev/null; echo "exit $?"; done; wc -c < st
> exit 2
> exit 2
> exit 2
> exit 2
> 0

## output to /dev/full: nothing recorded
$ cd "$(mktemp -d)" && printf 'p-1\n' > st && qb-pick -n 3 --state=st $QB_TOP/tests/data/eight.qb > /dev/full; echo "exit $?"; cat st
> exit 2
> p-1
! qb-pick: write error: No space left on device

## a reader that takes nothing (| true): nothing recorded, SIGPIPE
$ cd "$(mktemp -d)" && printf 'p-1\np-2\n' > st && for i in 1 2 3; do qb-pick -n 3 --state=st $QB_TOP/tests/data/eight.qb | true; done; cat st
> p-1
> p-2

## | head -n 1 took it all: recorded
$ cd "$(mktemp -d)" && qb-pick --state=st $QB_TOP/tests/data/eight.qb | head -n 1 | cut -f1 > picked && cmp -s picked st && echo recorded
> recorded

## SIGPIPE ignored: a reader that takes nothing is a write error, nothing recorded
$ cd "$(mktemp -d)" && printf 'p-1\n' > st && (trap '' PIPE; qb-pick --state=st $QB_TOP/tests/data/eight.qb | true); cat st
> p-1
! qb-pick: write error: Broken pipe

## a 0333 drop-box directory: the directory cannot be synced, a warning; the pick stands
$ cd "$(mktemp -d)" && mkdir box && : > box/st && cd box && if [ "$(id -u)" = 0 ]; then chown 65534:65534 . st; as='setpriv --reuid=65534 --regid=65534 --clear-groups'; else as=; fi && chmod 0333 . && cat $QB_TOP/tests/data/eight.qb | $as qb-pick --state=st > out; echo "exit $?"; wc -l < st; chmod 0755 .
> exit 0
> 1
! qb-pick: st: updated, but its directory could not be synced: Permission denied

## temporaries of a killed run are reclaimed; other files are not touched
$ cd "$(mktemp -d)" && printf 'p-1\n' > st && echo half > st.qbtmp-Ab12Cd && echo mine > st.qbtmp-mine && echo mine > st.backup && qb-pick --state=st $QB_TOP/tests/data/eight.qb > /dev/null; ls
> st
> st.backup
> st.qbtmp-mine

## owner and mode are kept
$ cd "$(mktemp -d)" && : > st && chmod 0640 st && { [ "$(id -u)" != 0 ] || chown 1234:1234 st; } && qb-pick --state=st $QB_TOP/tests/data/eight.qb > /dev/null; stat -c %a st; [ "$(id -u)" != 0 ] || [ "$(stat -c %u:%g st)" = 1234:1234 ] && echo "owner kept"
> 640
> owner kept

## hand edits: blank lines, # comments and spaces are kept
$ cd "$(mktemp -d)" && printf '# asked so far\n\n  p-1  \np-2\t\n' > st && qb-pick --state=st $QB_TOP/tests/data/eight.qb > /dev/null; echo "exit $?"; head -4 st | od -c | head -2; wc -l < st
> exit 0
> 0000000   #       a   s   k   e   d       s   o       f   a   r  \n  \n
> 0000020           p   -   1          \n   p   -   2  \t  \n
> 5

## names of 249 to 255 bytes can be updated again and again
$ cd "$(mktemp -d)" && for n in 249 250 251 252 253 254 255; do name=$(printf "%${n}s" | tr ' ' s); for i in 1 2 3; do qb-pick --state=$name $QB_TOP/tests/data/eight.qb > /dev/null || echo "fail $n"; done; wc -l < $name; done | sort | uniq -c | sed 's/^ *//'
> 7 3

## kill -9 in a loop: the file still parses and holds each id at most once
$ cd "$(mktemp -d)" && (for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do timeout -s KILL 0.00$i qb-pick --state=st $QB_TOP/tests/data/eight.qb > /dev/null 2>&1 & done; wait) 2>/dev/null; qb-pick --state=st $QB_TOP/tests/data/eight.qb > /dev/null; echo "exit $?"; sort st | uniq -d | wc -l; find . -name '*qbtmp*' | wc -l
> exit 0
> 0
> 0

## --id with no id is a usage error, and goes through the conflict checks
$ qb-pick --id= $QB_TOP/tests/data/eight.qb; qb-pick --id=, --daily $QB_TOP/tests/data/eight.qb; qb-pick --id= -n 2 $QB_TOP/tests/data/eight.qb; echo "exit $?"
> exit 2
! qb-pick: --id: no id given
! Try 'qb-pick --help' for more information.
! qb-pick: --daily, --id and --index are mutually exclusive
! Try 'qb-pick --help' for more information.
! qb-pick: -n is for random picks: not with --daily, --id or --index
! Try 'qb-pick --help' for more information.

## --daily where a day was skipped (Pacific/Apia, 2011-12-30): the cycle still has every record
$ for d in 2011-12-28 2011-12-29 2011-12-31 2012-01-01 2012-01-02 2012-01-03 2012-01-04 2012-01-05; do TZ=Pacific/Apia qb-pick --date=$d $QB_TOP/tests/data/eight.qb; done | sort -u | wc -l; TZ=Pacific/Apia qb-pick --date=2011-12-31 $QB_TOP/tests/data/eight.qb; TZ=UTC qb-pick --date=2011-12-30 $QB_TOP/tests/data/eight.qb
> 8
> p-6	t	Question 6?	
> p-6	t	Question 6?	

## --daily: the spill file goes to TMPDIR, and to memory when no directory takes it
$ TMPDIR=/nonexistent qb-pick --date=2026-12-01 $QB_TOP/tests/data/eight.qb; if unshare -m true 2>/dev/null; then unshare -m sh -c 'mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp && TMPDIR=/nonexistent qb-pick --date=2026-12-01 "$QB_TOP"/tests/data/eight.qb'; else qb-pick --date=2026-12-01 $QB_TOP/tests/data/eight.qb; fi
> p-5	t	Question 5?	
> p-5	t	Question 5?	

## a FIFO named *.qb in a QB_PATH directory is skipped, not waited on
$ cd "$(mktemp -d)" && mkdir bank && cp $QB_TOP/tests/data/eight.qb bank/a.qb && mkfifo bank/b.qb && QB_PATH=bank timeout 5 qb-list | wc -l
> 8

## a non-blocking stdin is waited on, not a read error
$ python3 -c 'import fcntl, os, sys, time; r, w = os.pipe(); fcntl.fcntl(r, fcntl.F_SETFL, os.O_NONBLOCK); pid = os.fork(); pid or (os.dup2(r, 0), os.close(w), os.execvp("qb-list", ["qb-list", "-"])); os.close(r); time.sleep(0.3); os.write(w, open(sys.argv[1], "rb").read()); os.close(w); print("exit", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))' $QB_TOP/tests/data/eight.qb | cut -f1 | tr '\n' ' '; echo
> p-1 p-2 p-3 p-4 p-5 p-6 p-7 p-8 exit 0 

# Hostile input, output faults and terminal injection, for every command.
# Each bad file holds a good record before and after its bad lines.

## NUL bytes: in a record, alone, in a comment
$ qb-list bad/nul.qb
> ok-1	t	Before?	
> ok-2	t	After?	
! qb-list: bad/nul.qb:2: NUL byte at column 13
! qb-list: bad/nul.qb:3: NUL byte at column 1
! qb-list: bad/nul.qb:4: NUL byte at column 24
? 2

## invalid UTF-8: a stray byte, overlong forms, lone surrogates, truncated, past U+10FFFF
$ qb-list bad/utf8.qb
> ok-1	t	Before?	
> ok-2	t	After?	
! qb-list: bad/utf8.qb:2: invalid UTF-8 at column 15
! qb-list: bad/utf8.qb:3: invalid UTF-8 at column 16
! qb-list: bad/utf8.qb:4: invalid UTF-8 at column 16
! qb-list: bad/utf8.qb:5: invalid UTF-8 at column 17
! qb-list: bad/utf8.qb:6: invalid UTF-8 at column 17
! qb-list: bad/utf8.qb:7: invalid UTF-8 at column 17
! qb-list: bad/utf8.qb:8: invalid UTF-8 at column 14
? 2

## raw ESC, CSI and OSC sequences, C1 CSI, DEL, BEL: refused, never passed through
$ qb-list bad/esc.qb
> ok-1	t	Before?	
> ok-2	t	After?	
! qb-list: bad/esc.qb:2: control character byte 0x1b in question at column 13
! qb-list: bad/esc.qb:3: control character byte 0x1b in question at column 13
! qb-list: bad/esc.qb:4: control character U+009B in question at column 14
! qb-list: bad/esc.qb:5: control character byte 0x7f in question at column 14
! qb-list: bad/esc.qb:6: control character byte 0x07 in answer at column 16
? 2

## unknown escapes and a trailing lone backslash (a bare line has no escapes)
$ qb-list bad/escapes.qb
> ok-1	t	Before?	
> qdb8e58c317a2		Bare \\u00e9 line	
> ok-2	t	After?	
! qb-list: bad/escapes.qb:2: unknown escape '\q' in question at column 15: the escapes are \\, \t and \n
! qb-list: bad/escapes.qb:3: unknown escape '\x' in question at column 11: the escapes are \\, \t and \n
! qb-list: bad/escapes.qb:4: lone backslash at the end of the question, column 25: write \\ for a backslash
! qb-list: bad/escapes.qb:5: lone backslash at the end of the answer, column 25: write \\ for a backslash
? 2

## too few and too many fields
$ qb-list bad/fields.qb
> ok-1	t	Before?	
> ok-2	t	After?	
! qb-list: bad/fields.qb:2: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
! qb-list: bad/fields.qb:3: 5 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
! qb-list: bad/fields.qb:4: 7 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
? 2

## lines of only tabs and spaces are blank (qb(5)): ignored, not errors
$ qb-list bad/tabs.qb
> ok-1	t	Before?	
> ok-2	t	After?	

## a binary file: every bad line reported with its line, the good records kept
$ qb-list bad/binary.qb 2>err.tmp; echo "exit $?"; grep -c '^qb-list: bad/binary.qb:[0-9]*: ' err.tmp; grep -vc '^qb-list: bad/binary.qb:[0-9]*: ' err.tmp; rm err.tmp
> ok-1	t	Before?	
> ok-2	t	After?	
> exit 2
> 14
> 0

## every command reports the bad lines and keeps the good records
# The loops over $QB_CMDS print one line a command, its name replaced by CMD,
# and keep one of each: a command that behaves unlike the others shows.
# all-records (tests/cli/bin) gives the arguments that make a command write
# every record (a command that has none is skipped), all-records -o the
# arguments that make it write something.
$ for c in $QB_CMDS; do r=$(all-records $c) || continue; $r bad/esc.qb >out.tmp 2>err.tmp; echo "exit $?, $(wc -l <out.tmp) records, $(sed "s/^$c: bad/CMD: bad/" err.tmp | grep -c '^CMD: bad/esc.qb:[2-6]: control character ') errors of $(wc -l <err.tmp)"; done | sort -u
> exit 2, 2 records, 5 errors of 5

## a 10 MB line passes through whole, between good records
$ awk 'BEGIN { printf "big\tt\t"; for (i = 0; i < 1000000; i++) printf "0123456789"; printf "\t\n" }' > big.tmp; cat bad/nul.qb big.tmp | qb-list - 2>/dev/null | wc -lc
>       3 10000039
? 2

## a bad 10 MB line is reported with its line, the good records kept
$ awk 'BEGIN { print "ok-1\t\tFirst?"; printf "big\tt\t"; for (i = 0; i < 1000000; i++) printf "0123456789"; print "\\z"; print "ok-2\t\tLast?" }' | qb-list -
> ok-1		First?	
> ok-2		Last?	
! qb-list: (standard input):2: unknown escape '\z' in question at column 10000007: the escapes are \\, \t and \n
? 2

## 100,000 empty lines between two records
$ { echo 'a-1		One?'; awk 'BEGIN { for (i = 0; i < 100000; i++) print "" }'; echo 'a-2		Two?'; } | qb-list -
> a-1		One?	
> a-2		Two?	

## a directory given as FILE, for every command but qb-list (see import.t)
$ for c in $QB_CMDS; do [ $c = qb-list ] && continue; $(all-records -o $c) bad >/dev/null 2>err.tmp; echo "exit $?: $(sed "s/^$c: /CMD: /" err.tmp)"; done | sort -u
> exit 2: CMD: bad: Is a directory

## an unreadable file (a read error even as root), then a good one
$ qb-list /proc/self/mem eight.qb | wc -l
> 8
! qb-list: /proc/self/mem: Input/output error
? 2

## a file name with escape sequences is shown defanged in messages
$ qb-list "$(printf 'no\033[2Jfile')"
! qb-list: no?[2Jfile: No such file or directory
? 2

## raw C1 and bytes that are not UTF-8 in a file name are shown as '?'
$ qb-list "$(printf 'a\302\233b\233c\377d\303\251')"
! qb-list: a??b?c?dé: No such file or directory
? 2

## a pattern with escape sequences is shown defanged in messages
$ qb-grep "$(printf '(\033]0;x\007')" eight.qb
! qb-grep: bad pattern '(?]0;x?': missing closing parenthesis at offset 7
! Try 'qb-grep --help' for more information.
? 2

## /dev/full: every command exits 2 with one message
$ for c in $QB_CMDS; do $(all-records -o $c) good.qb > /dev/full 2>err.tmp; echo "exit $?: $(sed "s/^$c: /CMD: /" err.tmp)"; done | sort -u
> exit 2: CMD: write error: No space left on device

## /dev/full: other output paths
$ for c in 'qb-fmt -f json' 'qb-list -t' 'qb-grep -c .'; do $c good.qb > /dev/full; echo "exit $?"; done
> exit 2
> exit 2
> exit 2
! qb-fmt: write error: No space left on device
! qb-list: write error: No space left on device
! qb-grep: write error: No space left on device

## /dev/full: --help and --version too
$ for c in $QB_CMDS; do for o in --help --version; do $c $o > /dev/full 2>err.tmp; echo "$o exit $?: $(sed "s/^$c: /CMD: /" err.tmp)"; done; done | sort -u
> --help exit 2: CMD: write error: No space left on device
> --version exit 2: CMD: write error: No space left on device

## /dev/full with an endless input stops at once (distinct questions:
## qb-list reads standard input, and a repeated id is skipped, not written)
$ yes 'What is a design pattern?' | awk '{ print $0 " " NR }' | qb-list > /dev/full; echo "exit $?"
> exit 2
! qb-list: write error: No space left on device

## a closed stdout is a write error, exit 2
$ for c in $QB_CMDS; do $(all-records -o $c) good.qb >&- 2>err.tmp; echo "exit $?: $(sed "s/^$c: /CMD: /" err.tmp)"; done | sort -u
> exit 2: CMD: write error: Bad file descriptor

## SIGPIPE: | head -n 1 ends quietly, for every command, on a big input
# The command is killed by SIGPIPE: status 141 in the shell.
$ awk 'BEGIN { for (i = 0; i < 50000; i++) printf "id-%d\tt\tQuestion number %d?\tAnswer.\n", i, i }' > many.tmp; for c in $QB_CMDS; do r=$(all-records $c) || continue; $r many.tmp 2>err.tmp | head -n 1 >out.tmp; echo "exit ${PIPESTATUS[0]}, $(wc -l <out.tmp) line, $(wc -c <err.tmp) bytes on stderr"; done | sort -u
> exit 141, 1 line, 0 bytes on stderr

## SIGPIPE inherited as ignored: EPIPE is an ordinary write error, exit 2
$ awk 'BEGIN { for (i = 0; i < 50000; i++) printf "id-%d\tt\tQ %d?\t\n", i, i }' > many.tmp; (trap '' PIPE; qb-list many.tmp; echo "exit $?" >&2) | head -n 1 >/dev/null; rm many.tmp
! qb-list: write error: Broken pipe
! exit 2

## no control character from the data reaches any output format
# One line a format, the same for all: a format that lets one through shows.
$ for f in $(qb-fmt --list-formats | grep -v -x mail); do qb-fmt -a -f $f hostile.qb wrap.qb >out.tmp; echo "exit $?, $(tr -d '\n\t\r' <out.tmp | LC_ALL=C grep -c '[[:cntrl:]]') control characters"; done | sort -u
> exit 0, 0 control characters

## --color adds only its own SGR sequences
$ qb-grep --color=always -k all -e e hostile.qb >out.tmp; echo "exit $?"; sed 's/\x1b\[01;31m//g; s/\x1b\[m//g' out.tmp | tr -d '\n\t' | LC_ALL=C grep -c '[[:cntrl:]]'
> exit 0
> 0
? 1

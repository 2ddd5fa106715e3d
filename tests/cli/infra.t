# The test machinery itself, and the library's shared pieces as a command
# shows them: diagnostics, --color, control characters.

## each case runs in a fresh copy of tests/data: a file a case writes is gone
$ echo x > left.tmp; echo y >> eight.qb; echo z > "$TMPDIR/t"; ls left.tmp "$TMPDIR/t" | wc -l
> 2

## ... from the next case, and never reached the source tree
$ for f in left.tmp "$TMPDIR/t" "$QB_TOP/tests/data/left.tmp"; do test -e "$f" && echo "$f is there"; done; grep -hc '^y$' eight.qb "$QB_TOP/tests/data/eight.qb"
> 0
> 0
? 1

## the loops over commands get the Makefile's list, each with its man page
$ for c in $QB_CMDS; do test -x "$(command -v $c)" && test -f "$QB_TOP/man/$c.1" && echo "CMD ok" || echo "$c: missing"; done | sort -u
> CMD ok

## a pipeline fails when a command in it fails (bash -o pipefail)
$ qb-list nosuch.qb | cat
! qb-list: nosuch.qb: No such file or directory
? 2

## --color takes always, never or auto, and no undocumented synonym
$ for w in yes force tty no none; do qb-grep --color=$w SQL grep.qb; echo "exit $?"; done 2>&1 | sort | uniq -c | sed 's/^ *//'
> 5 Try 'qb-grep --help' for more information.
> 5 exit 2
> 1 qb-grep: invalid argument for --color: 'force' (always, never or auto)
> 1 qb-grep: invalid argument for --color: 'no' (always, never or auto)
> 1 qb-grep: invalid argument for --color: 'none' (always, never or auto)
> 1 qb-grep: invalid argument for --color: 'tty' (always, never or auto)
> 1 qb-grep: invalid argument for --color: 'yes' (always, never or auto)

## a file name of any length is shown whole in a message about a line
$ d=$(printf 'd%.0s' $(seq 200)); mkdir -p $d/$d/$d; printf 'ok\t\tOne?\nb\ta\td\t\t\n' > $d/$d/$d/f.qb; qb-list $d/$d/$d/f.qb 2>err.tmp; echo "exit $?"; grep -c "^qb-list: $d/$d/$d/f.qb:2: 5 fields: " err.tmp
> ok		One?	
> exit 2
> 1

## a file name of any length is shown whole in a message about the file
$ d=$(printf 'd%.0s' $(seq 250)); mkdir -p $d/$d/$d/$d/$d; qb-list $d/$d/$d/$d/$d/nosuch.qb 2>err.tmp; echo "exit $?"; grep -c "^qb-list: $d/$d/$d/$d/$d/nosuch.qb: No such file or directory$" err.tmp
> exit 2
> 1

## a C1 control character (U+009B, CSI to some terminals) is refused in a mail header like C0
$ qb-fmt -f mail --to a@example.org --subject "$(printf 'Quiz \302\233[2J')" good.qb
! qb-fmt: invalid --subject: control characters, line separators or invalid UTF-8
! Try 'qb-fmt --help' for more information.
? 2

## qb-list --check: bad lines and duplicate ids are findings, status 1
$ printf 'a\t\tOne?\nb\ta\td\t\t\na\t\tTwo?\n' | qb-list --check -
! qb-list: (standard input):2: 5 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
! qb-list: (standard input):3: duplicate id 'a', first at (standard input):1
? 1

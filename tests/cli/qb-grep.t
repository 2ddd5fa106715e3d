# qb-grep: the PCRE2 filter.

## a pattern matches the question by default, records come out canonical
$ qb-grep SQL grep.qb
> g-1	sql,db	Explain SQL injection.	Use bound parameters.

## nothing matches: exit 1, no output
$ qb-grep nomatch grep.qb
? 1

## standard input when no FILE
$ cat grep.qb | qb-grep REST
> g-3	api,http	What is REST?	Resources and verbs.

## -i folds case, Unicode included
$ qb-grep -i 'écOLE' grep.qb | cut -f 1
> g-5

## -i on the built-in bank: the SQL questions
$ qb-list | qb-grep -i sql | cut -f 1
> skill-19
> skill-20
> skill-21
> skill-23
> skill-31

## without -i case matters
$ qb-grep 'sql' grep.qb | cut -f 1
> g-8

## text fields are matched unescaped: \n is a newline, \t a tab
$ qb-grep -e 'one\nline' -e 'a\ttab' grep.qb | cut -f 1
> g-6

## a \\ in the file is one backslash to the regex
$ qb-grep -F 'a \ back' grep.qb | cut -f 1
> g-6

## -F: the pattern is a literal string
$ qb-grep -F '(regex)? a.b*' grep.qb | cut -f 1
> g-7

## -F: a dot is only a dot
$ qb-grep -F 'a.b' grep.qb | cut -f 1
> g-7

## without -F the same text is a regex
$ qb-grep -c '.b*' grep.qb; qb-grep -F -c '.b*' grep.qb
> 8
> 1

## -w: whole words only
$ qb-grep -w -i sql grep.qb | cut -f 1
> g-1
> g-8

## -w rejects a match inside a word
$ qb-grep -w Stra grep.qb
? 1

## -w with a pattern starting with punctuation, as grep -w does
$ qb-grep -w '\(regex' grep.qb | cut -f 1
> g-7

## -x: the whole field
$ qb-grep -x sql grep.qb | cut -f 1
> g-8

## -x does not match a part of the field
$ qb-grep -x 'What is REST' grep.qb
? 1

## -v selects the records that do not match
$ qb-grep -v -e 'What' grep.qb | cut -f 1
> g-1
> g-5
> g-6
> g-8

## -e is repeatable: any may match
$ qb-grep -e REST -e 404 grep.qb | cut -f 1
> g-3
> g-4

## with -e every operand is a FILE
$ qb-grep -e REST grep.qb good.qb | cut -f 1
> g-3

## -k picks the fields searched
$ qb-grep -k answer SQL grep.qb | cut -f 1
> g-2

## -k with several fields
$ qb-grep -k question,answer SQL grep.qb | cut -f 1
> g-1
> g-2

## -k id and -k tags
$ qb-grep -k id -x 'g-[34]' grep.qb | cut -f 1
> g-3
> g-4

## --field=tags matches the comma-joined tag list
$ qb-grep --field=tags 'api,' grep.qb | cut -f 1
> g-3

## -k all
$ qb-grep -k all -w unicode grep.qb | cut -f 1
> g-5

## -k with an unknown field is a usage error
$ qb-grep -k title x grep.qb
! qb-grep: invalid field list: 'title' (id, tags, question, answer or all)
! Try 'qb-grep --help' for more information.
? 2

## -c counts the selected records
$ qb-grep -c What grep.qb
> 4

## -c prints 0 and exits 1 when nothing matches
$ qb-grep -c nomatch grep.qb
> 0
? 1

## -t general -c on the built-in bank
$ qb-list | qb-grep -t general -c
> 10

## -m stops after NUM records
$ qb-grep -m 2 What grep.qb | cut -f 1
> g-2
> g-3

## -m 0 selects nothing
$ qb-grep -m 0 What grep.qb
? 1

## -m takes only numbers
$ qb-grep -m two What grep.qb
! qb-grep: invalid number for -m: 'two'
! Try 'qb-grep --help' for more information.
? 2

## -q prints nothing and exits 0 on a match
$ qb-grep -q What grep.qb

## -q wins over -c: nothing is printed, as grep -qc does
$ qb-grep -q -c What grep.qb

## -q exits 1 when nothing matches
$ qb-grep -q nomatch grep.qb
? 1

## -q exits 0 at the first match even after trouble
$ qb-grep -q What missing.qb grep.qb
! qb-grep: missing.qb: No such file or directory

## -t keeps records with any tag of the list
$ qb-grep -t api,sql grep.qb | cut -f 1
> g-1
> g-3
> g-8

## repeated -t must all hold
$ qb-grep -t db -t sql grep.qb | cut -f 1
> g-1

## -t lists are lowercased like the file's tags
$ qb-grep -t HTTP grep.qb | cut -f 1
> g-3
> g-4

## -T drops records with any tag of the list
$ qb-grep -T db,http,unicode,escapes grep.qb | cut -f 1
> g-7
> g-8

## -t with -e
$ qb-grep -t http -e 404 grep.qb | cut -f 1
> g-4

## -v inverts the pattern, the tag filters still hold
$ qb-grep -t db -v -e index grep.qb | cut -f 1
> g-1

## an empty tag list is a usage error
$ qb-grep -t '' grep.qb
! qb-grep: invalid tag list: ''
! Try 'qb-grep --help' for more information.
? 2

## --color=always marks every match of the question, SGR bold red
$ qb-grep --color=always -i sql grep.qb | head -n 1 | od -c | sed -n 1,3p
> 0000000   g   -   1  \t   s   q   l   ,   d   b  \t   E   x   p   l   a
> 0000020   i   n     033   [   0   1   ;   3   1   m   S   Q   L 033   [
> 0000040   m       i   n   j   e   c   t   i   o   n   .  \t   U   s   e

## --color=always keeps the escapes of the text
$ qb-grep --color=always 'two' grep.qb | cut -f 3 | sed 's/\x1b/ESC/g'
> Line one\nline ESC[01;31mtwoESC[m with a\ttab and a \\ backslash

## --color=auto and --color=never on a pipe: no escape sequences
$ qb-grep --color=auto SQL grep.qb | grep -c "$(printf '\033')"; qb-grep --color=never SQL grep.qb | grep -c "$(printf '\033')"
> 0
> 0
? 1

## --color with a bad value
$ qb-grep --color=sometimes SQL grep.qb
! qb-grep: invalid argument for --color: 'sometimes' (always, never or auto)
! Try 'qb-grep --help' for more information.
? 2

## a bad regex: PCRE2's message and the offset
$ qb-grep 'a(b' grep.qb
! qb-grep: bad pattern 'a(b': missing closing parenthesis at offset 3
! Try 'qb-grep --help' for more information.
? 2

## a bad regex among several -e
$ qb-grep -e ok -e '[z-a]' grep.qb
! qb-grep: bad pattern '[z-a]': range out of order in character class at offset 3
! Try 'qb-grep --help' for more information.
? 2

## no PATTERN
$ qb-grep
! qb-grep: no PATTERN given
! Try 'qb-grep --help' for more information.
? 2

## an unreadable file: reported, the other files still searched, exit 2
$ qb-grep REST missing.qb grep.qb
> g-3	api,http	What is REST?	Resources and verbs.
! qb-grep: missing.qb: No such file or directory
? 2

## bad lines are reported, the good ones around them still searched
$ qb-grep Good bad-kinds.qb 2>/dev/null | wc -l
> 7
? 2

## bad lines make the status 2 even when something matched
$ qb-grep Good bad-kinds.qb >/dev/null 2>&1; echo $?
> 2

## -e patterns with \Q left open do not swallow the alternation
$ qb-grep -e '\Q(regex' -e REST grep.qb | cut -f 1
> g-3
> g-7

## an empty pattern matches every record
$ qb-grep -c '' grep.qb
> 8

## --version
$ qb-grep -V
> qb-grep (qb) 0.1.0

## --color=auto on a terminal colours; NO_COLOR or TERM=dumb turn it off
$ for env in TERM=xterm "TERM=xterm NO_COLOR=1" TERM=dumb; do env $env script -qec 'qb-grep --color SQL grep.qb' /dev/null | grep -c "$(printf '\033\\[01;31m')"; done
> 1
> 0
> 0
? 1

## a record that makes PCRE2 give up is reported with its line; the others are still searched
$ printf 'p-1\t\taaaaaaaaaaaaaaaaaaaaaaaaaaaaaab?\t\np-2\t\taaa\t\n' | qb-grep '(a+)+$'
> p-2		aaa	
! qb-grep: (standard input):1: cannot match this record: match limit exceeded
? 2

## deeply nested matching does not run out of JIT stack
$ awk 'BEGIN { printf "p-1\t\t"; for (i = 0; i < 100000; i++) printf "a"; print "" }' | qb-grep -c '^(?:(a)|b)*$'
> 1

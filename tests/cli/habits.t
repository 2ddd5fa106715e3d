# Habits users bring from the tools qb sits beside, and data never lost
# without a word (issue 14's non-format items, issue 17's qb-grep bugs).

## a bare line is literal text: a backslash stays a backslash
$ printf '%s\n' 'What does printf("\n") print?' 'Path C:\temp\x?' | qb-list -
> q5a6981f67f2e		What does printf("\\n") print?	
> q5cf5749bcb16		Path C:\\temp\\x?	

## the canonical form of a bare line reads back as the same record
$ printf '%s\n' 'What does printf("\n") print?' | qb-list - | qb-list - | qb-fmt
> 1. What does printf("\n") print?

## a bare line and the TAB form with the backslash escaped are one record
$ printf '%s\n' 'A \n B?' '	t	A \\n B?' | qb-list -
> q4b1ac4809c9f		A \\n B?	
! qb-list: (standard input):2: duplicate id 'q4b1ac4809c9f', first at (standard input):1
? 2

## the TAB form still has its three escapes, and errors on others
$ printf 'i\tt\tOne\\nTwo \\x\n' | qb-list -
! qb-list: (standard input):1: unknown escape '\x' in question at column 14: the escapes are \\, \t and \n
? 2

## a question starting with '#': after a space, or with two TABs
$ printf ' #pragma once: why?\n\t\t#pragma once: why?\n#pragma once: why?\n' | qb-list -
> q4d7ed8ce367a		#pragma once: why?	
! qb-list: (standard input):2: duplicate id 'q4d7ed8ce367a', first at (standard input):1
? 2

## --check points at comments that look like a question or a record
$ printf '# a note?\n## Heading?\n#\n#include <x> or "x"?\n#id\tt\tQ?\t\n#todo\n' | qb-list --check -
! qb-list: (standard input):4: a comment that reads like a question: a question starting with '#' is written after a space or two TABs
! qb-list: (standard input):5: a comment that reads like a question: a question starting with '#' is written after a space or two TABs
? 1

## --check: a commented-out record without a question mark
$ printf '#x-1\tsql\tExplain joins.\n' | qb-list --check -
! qb-list: (standard input):1: a comment holding TAB-separated fields: a record commented out by mistake?
? 1

## a duplicate id is reported with both places and skipped, in every command
$ cd "$(mktemp -d)" || exit 2; printf 'a\tt\tFirst?\nb\tt\tB?\na\tt\tSecond?\n' > d.qb; qb-list d.qb; qb-grep -c . d.qb; qb-fmt d.qb; qb-pick -i 3 d.qb
> a	t	First?	
> b	t	B?	
> 2
> 1. First?
> 2. B?
! qb-list: d.qb:3: duplicate id 'a', first at d.qb:1
! qb-grep: d.qb:3: duplicate id 'a', first at d.qb:1
! qb-fmt: d.qb:3: duplicate id 'a', first at d.qb:1
! qb-pick: d.qb:3: duplicate id 'a', first at d.qb:1
! qb-pick: no record at position 3 (there are 2)
? 2

## duplicates across files name both files
$ cd "$(mktemp -d)" || exit 2; printf 'a\tt\tOne?\n' > x.qb; printf '# more\na\tt\tTwo?\n' > y.qb; qb-list x.qb y.qb
> a	t	One?	
! qb-list: y.qb:2: duplicate id 'a', first at x.qb:1
? 2

## --daily never gives a duplicated id's question two days running
$ cd "$(mktemp -d)" || exit 2; printf 'a\tt\tFirst A?\nb\tt\tB?\na\tt\tSecond A?\nc\tt\tC?\n' > d.qb; for d in 01 02 03 04 05 06; do qb-pick --date=2026-01-$d d.qb 2>/dev/null | cut -f 1; done
> b
> c
> a
> c
> a
> b
? 2

## -i: a closed range running past the end writes what exists and reports the rest
$ qb-list | head -n 45 | qb-pick -i 44-50 | cut -f 1
> general-09
> general-10
! qb-pick: no records at positions 46-50 (there are 45)
? 1

## -i: the same rule, exit 1, whatever the range
$ qb-list | head -n 45 | qb-pick -i 44-50,50-60,46-,45-; echo "exit $?"
> general-09	general,self	Tell Me About Yourself	Give a short, structured story: current role, relevant experience and skills, and why this job is the next step. Keep it to a minute or two.
> general-10	general,motivation	Why Should We Hire You?	Match your skills and experience to the job's needs with examples, and say what you would contribute in the first months.
> general-10	general,motivation	Why Should We Hire You?	Match your skills and experience to the job's needs with examples, and say what you would contribute in the first months.
> exit 1
! qb-pick: no records at positions 46-50 (there are 45)
! qb-pick: no records at positions 50-60 (there are 45)
! qb-pick: no record at position 46 (there are 45)

## -n with --daily, --id or --index is a usage error whatever N
$ qb-pick -n 1 --daily </dev/null
! qb-pick: -n is for random picks: not with --daily, --id or --index
! Try 'qb-pick --help' for more information.
? 2

## -n 1 with -i too
$ qb-pick -n 1 -i 1 </dev/null
! qb-pick: -n is for random picks: not with --daily, --id or --index
! Try 'qb-pick --help' for more information.
? 2

## qb-pick takes shuf's long name --head-count; --count still works
$ qb-list | qb-pick --head-count=2 -s x | cut -f 1; qb-list | qb-pick --count=2 -s x | cut -f 1
> api-04
> db-03
> api-04
> db-03

## qb-grep -t with a tag no record carries names the nearest one, exit as before
$ qb-list | qb-grep -t database -c
> 0
! qb-grep: no record read has the tag 'database'; did you mean 'databases'?
? 1

## the hint leaves a successful status alone, and works for -T
$ qb-list | qb-grep -t database,sql -T carreer -c
> 9
! qb-grep: no record read has the tag 'database'; did you mean 'databases'?
! qb-grep: no record read has the tag 'carreer'; did you mean 'career'?

## no hint when nothing is near, and none when a tag exists
$ qb-list | qb-grep -t zzzzqqq -t sql; qb-list | qb-grep -t sql -c
> 9
! qb-grep: no record read has the tag 'zzzzqqq'

## -f FILE: patterns one a line, as grep
$ cd "$(mktemp -d)" || exit 2; printf 'REST\nNoSQL\n' > p.txt; qb-list | qb-grep -f p.txt | cut -f 1
> skill-10
> skill-20

## -f: an empty file matches nothing, -v then everything; - is stdin
$ cd "$(mktemp -d)" || exit 2; : > empty; qb-list | qb-grep -f empty; echo "exit $?"; qb-list | qb-grep -v -c -f empty; echo 'Oracle' | qb-grep -f - -c "$QB_TOP/data/backend.qb"
> exit 1
> 78
> 1

## -f with -e: all the patterns; a missing file is trouble
$ cd "$(mktemp -d)" || exit 2; printf 'REST\nNoSQL\n' > p.txt; qb-list | qb-grep -e CAP -f p.txt -c; qb-grep -f no-such-file
> 3
! qb-grep: no-such-file: No such file or directory
? 2

## -E and -P are accepted: the patterns are PCRE2 anyway
$ qb-list | qb-grep -E -c 'SQL|REST'; qb-list | qb-grep -P -c '(?i)\bsql\b'
> 7
> 4

## -o writes each match, one a line, escaped as in qb(5)
$ printf 'a\tt\tOne two\\nthree two\tA two\n' | qb-grep -o -k all 'two(\nthree)?'
> two\nthree
> two
> two

## -o with -c counts records, with -v writes nothing
$ qb-list | qb-grep -o -c -i sql; qb-list | qb-grep -o -v sql | wc -l
> 6
> 0

## (*NO_JIT) patterns match
$ qb-list | qb-grep -c '(*NO_JIT)SQL'
> 6

## --color: an empty match at the end of a field does not repeat the field
$ printf 'a\tt\tab cd\t\n' | qb-grep --color=always -e '$' -e 'd\K' | od -c | sed -n 1p
> 0000000   a  \t   t  \t   a   b       c   d  \t  \n

## --color marks a match ending in \K and keeps the rest
$ printf 'a\tt\tab cd\t\n' | qb-grep --color=always 'c\Kd|a' | cat -v
> a	t	^[[01;31ma^[[mb c^[[01;31md^[[m	

## -w with a leading (*UCP) or a trailing (?x) comment
$ qb-list | qb-grep -w -c '(*UCP)sql'; qb-list | qb-grep -w -c '(?i)(?x) s q l # the word'; qb-list | qb-grep -w -c -e '(?x)SQL # c' -e NoSQL
> 0
> 4
> 5

## \C is refused: it would split UTF-8 characters
$ qb-grep --color=always '\C' </dev/null
! qb-grep: bad pattern '\C': using \C is disabled by the application at offset 2
! Try 'qb-grep --help' for more information.
? 2

## qb-list --tags is the tally; -t, its old spelling, still works
$ qb-list --tags | head -n 2; qb-list -t | head -n 2
> skill	68
> databases	16
> skill	68
> databases	16

## --help shows one meaning per letter: no -t in qb-list's, qb-pick's -n is --head-count
$ qb-list --help | grep -c -- '^  -t'; qb-pick --help | grep -- '^  -n'
> 0
>   -n, --head-count=N  N distinct records at random, in random order

## bash completion completes --option=value as bash splits it (at '=')
$ bash --norc "$QB_TOP/tests/cli/complete.sh" 'qb-fmt --format=' 'qb-fmt --format=js' 'qb-grep --tag=data' 'qb-grep --tag=sql,se' 'qb-pick --period=w' 'qb-grep --field=question,a' 'qb-grep --color=a'
> text markdown json jsonl csv tsv mail anki fortune
> json jsonl
> databases
> sql,security sql,self
> week weekday
> question,answer question,all
> always auto

## bash completion: --id= values, and ids with ':' (a word break for bash)
$ cd "$(mktemp -d)" || exit 2; printf 'a:b\tt\tQ?\t\na:c\tt\tR?\t\n' > ids.qb; QB_PATH=ids.qb bash --norc "$QB_TOP/tests/cli/complete.sh" 'qb-pick --id=' 'qb-pick --id=a:' 'qb-pick --id=a:b,a:' 'qb-pick --id a'
> a:b a:c
> b c
> b c
> a:b a:c

## bash completion: --state= and -f complete file names
$ cd "$(mktemp -d)" || exit 2; : > state.txt; bash --norc "$QB_TOP/tests/cli/complete.sh" 'qb-pick --state=sta' 'qb-grep -f sta' 'qb-grep --file=sta'
> state.txt
> state.txt
> state.txt

## bash completion: options come from --help, long ones that take a value end in '='
$ bash --norc "$QB_TOP/tests/cli/complete.sh" 'qb-pick --he' 'qb-grep --only' 'qb-grep --w' 'qb-list --'
> --head-count= --help
> --only-matching
> --word-regexp --without-tag=
> --format= --count --tags --check --help --version


## bash completion: qb-list --format= values come from its usage error
$ bash --norc "$QB_TOP/tests/cli/complete.sh" 'qb-list --format=j' 'qb-list -f m'
> json jsonl
> markdown
## man qb opens the overview: section 1 is searched first, and qb.1 sources qb(7)
# make check staged the install in QB_BUILD (no test runs make).
$ cat "$QB_BUILD/stage$QB_PREFIX/share/man/man1/qb.1" && (cd "$QB_BUILD/stage$QB_PREFIX/share/man" && mandoc -Tascii man1/qb.1 | sed -n 1p)
> .so man7/qb.7
> QB(7)                  Miscellaneous Information Manual                  QB(7)

## every page is clean under mandoc's style warnings too
$ mandoc -Tlint -W style "$QB_TOP"/man/*.[157] 2>&1 | grep -v 'referenced manual not found\|mandoc.db'
? 1

## the escape list of qb(5) comes out right from every mandoc renderer
$ for t in ascii utf8; do mandoc -T$t "$QB_TOP/man/qb.5" | grep -E '^ +\\[\\tn] +a '; done; mandoc -Tman "$QB_TOP/man/qb.5" | mandoc -Tascii -man | grep -E '^ +\\[\\tn] +a '; mandoc -Thtml "$QB_TOP/man/qb.5" | grep -o '<code class="Li">\\.</code>'
>            \\      a backslash
>            \t      a tab
>            \n      a newline
>            \\      a backslash
>            \t      a tab
>            \n      a newline
>              \\      a backslash
>              \t      a tab
>              \n      a newline
> <code class="Li">\\</code>
> <code class="Li">\t</code>
> <code class="Li">\n</code>

## past 49152 distinct ids a streaming command stops checking, silently; --check checks them all
$ cd "$(mktemp -d)" || exit 2; awk 'BEGIN { for (i = 1; i <= 100002; i++) printf "i%d\tt\tQ%d?\t\n", i, i; print "i1\tt\tAgain?\t" }' > many.qb; qb-grep -c . many.qb; qb-list --check many.qb; echo "check $?"
> 100003
> check 1
! qb-list: many.qb:100003: duplicate id 'i1', first at many.qb:1

## -f: a pattern file with CRLF line ends and a byte-order mark reads as plain lines
$ cd "$(mktemp -d)" || exit 2; printf '\357\273\277REST\r\nNoSQL\r\n' > p.txt; qb-list | qb-grep -f p.txt | cut -f 1
> skill-10
> skill-20

## --color and -o on the tags field: tags are not escaped text, a backslash stays
$ printf 'a\tc\\d\tQ?\t\n' | qb-grep -k tags --color=always 'd' | cat -v; printf 'a\tc\\d\tQ?\t\n' | qb-grep -k tags -o 'c.d'
> a	c\^[[01;31md^[[m	Q?	
> c\d

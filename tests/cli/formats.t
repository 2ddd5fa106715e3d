# qb-fmt's formats as their readers read them (issues 13, 14 and 15):
# Anki's importer, TSV, answers only with -a, CSV for spreadsheets, a
# Markdown title, NUL-separated records, and the one format registry and
# field table that the manual, --help and the completions copy.
# formats.qb holds questions that start with '#', '=', '-', quotes, a tab
# and a newline; anki-import.py reads a file as Anki's importer does.

## anki: a question starting with '#' is quoted: 6 records in, 6 notes out, guid = id
$ qb-fmt -a -f jsonl formats.qb > want.tmp; qb-fmt -a -f anki formats.qb | python3 "$QB_TOP/tests/cli/anki-import.py" want.tmp; rm want.tmp
> 6 records, 6 notes, guid column 4, same

## anki: the hostile set and the built-in bank reach Anki whole
$ for f in hostile.qb wrap.qb ""; do qb-list $f | qb-fmt -a -f jsonl > want.tmp; qb-list $f | qb-fmt -a -f anki | python3 "$QB_TOP/tests/cli/anki-import.py" want.tmp; done; rm want.tmp
> 8 records, 8 notes, guid column 4, same
> 3 records, 3 notes, guid column 4, same
> 45 records, 45 notes, guid column 4, same

## anki: the header lines of the contract, then the rows
$ qb-fmt -a -f anki formats.qb | head -n 6
> #separator:tab
> #html:false
> #tags column:3
> #guid column:4
> "#include <stdio.h>: what does it do?"	It pastes the header in.	c preprocessor	f-1
> =1+1 in a cell?	=2, a formula	excel	f-2

## anki: a question that reads like a header line is quoted, not taken for one
$ printf 'x\t\t#separator:comma\ta,b\n' | qb-fmt -a -f anki | tail -n 1
> "#separator:comma"	a,b		x

## tsv: question, answer, space-separated tags, id; quoted the CSV way; no header
$ qb-fmt -a -f tsv formats.qb
> "#include <stdio.h>: what does it do?"	It pastes the header in.	c preprocessor	f-1
> =1+1 in a cell?	=2, a formula	excel	f-2
> -2 or +2?	@SUM(A1:A2)	excel	f-3
> "#separator:comma"	Not a header line.	anki	f-4
> """Quoted"" question	with a tab
> and a line"	"""yes"", it said"	quotes	f-5
> "# alone?"	#	hash	f-6

## tsv: python3's csv module (delimiter TAB) reads back every field
$ qb-fmt -a -f jsonl hostile.qb formats.qb > want.tmp; qb-fmt -a -f tsv hostile.qb formats.qb | python3 -c "import csv, json, sys; rows = list(csv.reader(sys.stdin, delimiter='\t')); want = [json.loads(l) for l in open('want.tmp')]; print(len(rows), all(r == [w['question'], w['answer'], ' '.join(w['tags']), w['id']] for r, w in zip(rows, want)))"; rm want.tmp
> 14 True

## tsv: LF line ends, no backslash escapes
$ printf 'x\t\ta\\\\b\\tc\t\n' | qb-fmt -f tsv | od -c | sed -n 1p
> 0000000   "   a   \   b  \t   c   "  \t  \t  \t   x  \n

## -a: without it no format carries the answer; keys and columns stay
$ for f in json jsonl csv tsv anki; do qb-list | qb-fmt -f $f | grep -c -F -e 'A named, reusable solution' -e 'Flat model'; done
> 0
> 0
> 0
> 0
> 0
? 1

## -a: json and jsonl keep the answer key, empty, as python3's json reads them
$ qb-list | qb-fmt -f json | python3 -c "import json, sys; d = json.load(sys.stdin); print(len(d), set(len(o) for o in d), all(o['answer'] == '' for o in d))"; qb-list | qb-fmt -f jsonl | python3 -c "import json, sys; d = [json.loads(l) for l in sys.stdin]; print(len(d), list(d[0]), all(o['answer'] == '' for o in d))"
> 45 {4} True
> 45 ['id', 'tags', 'question', 'answer'] True

## -a: csv keeps four columns, the answer empty; with -a it is there
$ qb-fmt -f csv formats.qb | python3 -c "import csv, sys; r = list(csv.reader(sys.stdin)); print(len(r), set(len(x) for x in r), [x[3] for x in r[1:]])"; qb-fmt -a -f csv formats.qb | python3 -c "import csv, sys; r = list(csv.reader(sys.stdin)); print(r[2][3])"
> 7 {4} ['', '', '', '', '', '']
> =2, a formula

## -a: tsv and anki keep four columns, the back empty
$ qb-fmt -f anki formats.qb | python3 "$QB_TOP/tests/cli/anki-import.py" | sed -n 1,2p
> {"id":"f-1","tags":["c","preprocessor"],"question":"#include <stdio.h>: what does it do?","answer":""}
> {"id":"f-2","tags":["excel"],"question":"=1+1 in a cell?","answer":""}

## -a: a template that names %a asks for the answer
$ qb-fmt --template='%i %a\n' formats.qb | head -n 2
> f-1 It pastes the header in.
> f-2 =2, a formula

## csv: python3's csv module reads back the fields of every record, as json has them
$ qb-fmt -a -f jsonl hostile.qb formats.qb > want.tmp; qb-fmt -a -f csv hostile.qb formats.qb | python3 -c "import csv, json, sys; rows = list(csv.reader(sys.stdin))[1:]; want = [json.loads(l) for l in open('want.tmp')]; print(len(rows), rows == [[w['id'], ','.join(w['tags']), w['question'], w['answer']] for w in want])"; rm want.tmp
> 14 True

## csv: off by default, a formula stays as it was (round trips are exact)
$ qb-fmt -a -f csv formats.qb | tr -d '\r' | sed -n 3,4p
> f-2,excel,=1+1 in a cell?,"=2, a formula"
> f-3,excel,-2 or +2?,@SUM(A1:A2)

## csv --formula-guard: a ' before = + - @ TAB CR, and python3 reads the cells
$ qb-fmt -a -f csv --formula-guard formats.qb | tr -d '\r' | sed -n 3,4p; printf -- '-x\t\t+1\t\\tab\n' | qb-fmt -a -f csv --formula-guard | python3 -c "import csv, sys; print(list(csv.reader(sys.stdin))[1])"
> f-2,excel,'=1+1 in a cell?,"'=2, a formula"
> f-3,excel,'-2 or +2?,'@SUM(A1:A2)
> ["'-x", '', "'+1", "'\tab"]

## csv --bom: the UTF-8 BOM first, for Excel; python3 reads it as utf-8-sig
$ qb-fmt -f csv --bom formats.qb | head -c 8 | od -c | sed -n 1p; qb-fmt -f csv --bom formats.qb | python3 -c "import csv, io, sys; r = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline=''))); print(r[0])"
> 0000000 357 273 277   i   d   ,   t   a
> ['id', 'tags', 'question', 'answer']

## csv options with another format are a usage error
$ qb-fmt -f json --bom formats.qb; qb-fmt -f tsv --formula-guard formats.qb
! qb-fmt: --bom works with the csv format, not json
! Try 'qb-fmt --help' for more information.
! qb-fmt: --formula-guard works with the csv format, not tsv
! Try 'qb-fmt --help' for more information.
? 2

## markdown --title: an escaped first-level heading, on one line
$ printf 'a\t\tWhat is *this*?\tx\n' | qb-fmt -f markdown --title="$(printf '# Backend <sheet>\n2026')"
> # \# Backend \<sheet\> 2026
>
> 1. What is \*this\*?

## --title with another format is a usage error
$ qb-fmt --title=x formats.qb
! qb-fmt: --title works with the markdown format, not text
! Try 'qb-fmt --help' for more information.
? 2

## templates write a NUL with \0, for xargs -0
$ qb-fmt --template='%q\0' formats.qb | xargs -0 -n 1 printf '[%s]\n' | sed -n 1,3p
> [#include <stdio.h>: what does it do?]
> [=1+1 in a cell?]
> [-2 or +2?]

## -z with a template: a NUL after each record, newlines inside kept
$ qb-fmt -z --template='%q' formats.qb | sed -n '$=' | tr -d '\n'; qb-fmt -z --template='%q' formats.qb | tr '\0\n' '|~'; echo
> 2#include <stdio.h>: what does it do?|=1+1 in a cell?|-2 or +2?|#separator:comma|"Quoted" question	with a tab~and a line|# alone?|

## -z with text: each record one item, answers included, for read -d ''
$ qb-fmt -z -a -w 0 formats.qb | bash -c 'while IFS= read -r -d "" item; do printf "<%s>\n" "$item"; done' | sed -n 1,4p
> <1. #include <stdio.h>: what does it do?
>    It pastes the header in.>
> <2. =1+1 in a cell?
>    =2, a formula>

## -z with a format that has its own separators is a usage error
$ qb-fmt -z -f json formats.qb
! qb-fmt: -z works with the text format and --template, not json
! Try 'qb-fmt --help' for more information.
? 2

## the registry: --list-formats, text first and the default
$ qb-fmt --list-formats; printf 'a\t\tq?\t\n' | qb-fmt; printf 'a\t\tq?\t\n' | qb-fmt -f "$(qb-fmt --list-formats | head -n 1)"
> text
> markdown
> json
> jsonl
> csv
> tsv
> mail
> anki
> fortune
> 1. q?
> 1. q?

## the registry: --help, the manual, the completions and the messages list the same formats
$ qb-fmt --list-formats > list.tmp; qb-fmt --help | sed -n '/--format/,/--answers/p' | grep -v -e --answers | sed 's/--format=NAME//; s/(default)//' | tr -s ', ' '\n\n' | grep -v -e '^-f$' -e '^or$' -e '^$' | diff list.tmp - && sed -n '/^\.Ss Formats/,/^\.El/p' "$QB_TOP/man/qb-fmt.1" | sed -n 's/^\.It Cm //p' | diff list.tmp - && bash --norc "$QB_TOP/tests/cli/complete.sh" 'qb-fmt --format=' | tr ' ' '\n' | diff list.tmp - && sed -n 's/^local -a formats=(\(.*\))$/\1/p' "$QB_TOP/completions/_qb" | tr ' ' '\n' | diff list.tmp - && { qb-fmt -f x /dev/null 2>&1; [ $? = 2 ]; } | sed -n "1s/.*(\(.*\))$/\1/p" | sed 's/ or /, /' | tr -s ', ' '\n\n' | diff list.tmp - && echo agree; rm list.tmp
> agree

## the field table: the CSV header, JSON keys, qb-grep's --help, message and manual, and the zsh completion agree
$ qb-fmt -f csv /dev/null | tr -d '\r' | tr ',' '\n' > fields.tmp; printf 'a\t\tq\t\n' | qb-fmt -f jsonl | python3 -c "import json, sys; print('\n'.join(json.loads(sys.stdin.readline())))" | diff fields.tmp - && qb-grep --help | sed -n 's/.*--field=LIST *fields to search: \(.*\) or all$/\1/p' | tr ',' '\n' | diff fields.tmp - && { qb-grep -k x q /dev/null 2>&1; [ $? = 2 ]; } | sed -n "1s/.*(\(.*\) or all)$/\1/p" | sed 's/, /\n/g' | diff fields.tmp - && sed -n '/^\.It Fl k/,/^or$/p' "$QB_TOP/man/qb-grep.1" | sed -n 's/^\.Cm \([a-z]*\).*/\1/p' | diff fields.tmp - && grep -o "compadd - id tags question answer all" "$QB_TOP/completions/_qb" | sed 's/compadd - //; s/ all$//' | tr ' ' '\n' | diff fields.tmp - && echo agree; rm fields.tmp
> agree

## the field table: each field's template letter is in qb-fmt's --help and manual
$ for l in i t q a; do qb-fmt --help | grep -q -- "%$l [a-z]" && grep -q "^\.Ql %$l\$" "$QB_TOP/man/qb-fmt.1" && echo "%$l documented"; done
> %i documented
> %t documented
> %q documented
> %a documented

## the field table: tags are not escaped text, so qb-grep -k tags and %t take them as written
$ printf 'x\ta\\\\tb\tq\t\n' | qb-grep -k tags -F 'a\\tb' | qb-fmt --template='%t\n'
> a\\tb

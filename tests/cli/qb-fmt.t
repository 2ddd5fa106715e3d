# qb-fmt: rendering for people and programs.  The hostile set holds quotes,
# backslashes, tabs, newlines, <script>, Markdown specials, CJK, emoji,
# combining marks, U+2028, a fake encoded-word and empty answers.

## text (the default): numbered, wrapped, hanging indent, answers with -a
$ qb-fmt -a hostile.qb | diff golden/hostile.text - && echo same
> same

## text without wrapping keeps the text's own newlines
$ qb-fmt -w 0 hostile.qb | diff golden/hostile-w0.text - && echo same
> same

## text: a short example, exactly
$ printf 'a\t\tWhat is a design pattern?\tA named, reusable solution.\n' | qb-fmt -a
> 1. What is a design pattern?
>    A named, reusable solution.

## wrapping by display width: wide characters 2, combining marks 0, long words alone
$ qb-fmt -a -w 20 wrap.qb | diff golden/wrap-20.text - && qb-fmt -a -w 30 wrap.qb | diff golden/wrap-30.text - && echo same
> same

## no line is wider than the width, except a word that is, and none has trailing spaces
$ for w in 10 20 33 50; do qb-fmt -a -w $w wrap.qb hostile.qb | python3 -c "import re, sys, unicodedata as u; w=int(sys.argv[1]); W=lambda s: sum(0 if u.combining(c) else 2 if u.east_asian_width(c) in 'WF' else 1 for c in s); bad=[l for l in sys.stdin.read().split('\n') if l.endswith(' ') or (W(l) > w and ' ' in re.sub('^ *([0-9]+[.] )?', '', l))]; print(w, len(bad))" $w; done
> 10 0
> 20 0
> 33 0
> 50 0

## wrapping does not depend on the locale
$ LC_ALL=C qb-fmt -w 20 wrap.qb | diff golden/wrap-20.text - | grep -c '^>'
> 0
? 1

## markdown: specials escaped, answers as indented paragraphs
$ qb-fmt -a -f markdown hostile.qb | diff golden/hostile.md - && echo same
> same

## markdown: a short example, exactly
$ printf 'a\t\tIs *this* a [link]?\t\n' | qb-fmt --format=markdown
> 1. Is \*this\* a \[link\]?

## json: one array, valid for jq, every field intact
$ qb-fmt -a -f json hostile.qb | diff golden/hostile.json - && qb-fmt -a -f json hostile.qb | jq -r '.[5].question, .[0].tags[1], (.[4].answer | length)'
> Tab	here and
> newline
> "quoted"
> 0

## json: the text comes back exactly, as python3's json reads it
$ qb-fmt -f json hostile.qb | python3 -c "import json,sys; d=json.load(sys.stdin); print(d[6]['question'] == 'Line separator \u2028 and \u2029 here', d[2]['question'])"
> True <script>alert("x&y")</script>

## json: no input is an empty array
$ qb-fmt -f json /dev/null
> []

## json on the built-in bank
$ qb-list | qb-fmt -f json | jq length
> 45

## jsonl: one object a line
$ qb-fmt -a -f jsonl hostile.qb | diff golden/hostile.jsonl - && qb-fmt -f jsonl hostile.qb | jq -c '[.id, (.tags | length)]' | head -n 2
> ["h-1",2]
> ["h-2",1]

## csv: RFC 4180, CRLF, header, quoted when needed
$ qb-fmt -a -f csv hostile.qb | cmp golden/hostile.csv - && qb-fmt -a -f csv hostile.qb | head -n 2 | od -c | sed -n '1,2p'
> 0000000   i   d   ,   t   a   g   s   ,   q   u   e   s   t   i   o   n
> 0000020   ,   a   n   s   w   e   r  \r  \n   h   -   1   ,   "   s   a

## csv: python3's csv module reads back every field
$ qb-fmt -a -f csv hostile.qb | python3 -c "import csv,sys; r=list(csv.reader(sys.stdin)); print(len(r), r[1][1], repr(r[6][2]), repr(r[1][3]))"
> 9 say,"quoted" 'Tab\there and\nnewline' 'Answer with "quotes", commas, and a \\backslash'

## csv on the built-in bank: 45 rows and a header
$ qb-list | qb-fmt -f csv | python3 -c "import csv,sys; r=list(csv.reader(sys.stdin)); print(len(r) - 1, r[0])"
> 45 ['id', 'tags', 'question', 'answer']

## anki: its header lines, front, back, space-separated tags, quoted when needed
$ qb-fmt -a -f anki hostile.qb | diff golden/hostile.anki - && qb-fmt -a -f anki hostile.qb | head -n 5
> #separator:tab
> #html:false
> #tags column:3
> #guid column:4
> "He said ""hi"" \ and left, twice."	"Answer with ""quotes"", commas, and a \backslash"	"say ""quoted"""	h-1

## fortune: %-separated blocks, a lone % in the text is kept from ending one
$ qb-fmt -f fortune -a -w 30 hostile.qb | diff golden/hostile.fortune - && echo same
> same

## fortune: strfile indexes it and every fortune is there
$ qb-fmt -f fortune hostile.qb > f.tmp && strfile f.tmp f.tmp.dat | grep -o 'There were [0-9]* strings'; rm -f f.tmp f.tmp.dat
> There were 8 strings

## template: fields, number, escapes
$ qb-fmt --template='%n) %i [%t] %q%%\n' hostile.qb | head -n 2
> 1) h-1 [say,"quoted"] He said "hi" \ and left, twice.%
> 2) h-2 [markdown] *bold* _em_ [link](x) <b> # | `code` ~~s~~ &amp; !%

## template: the text is unescaped, nothing is added
$ qb-fmt --template='<%a>\t' hostile.qb | head -c 60 | od -c | sed -n 1p
> 0000000   <   A   n   s   w   e   r       w   i   t   h       "   q   u

## template: %n counts across all input files
$ qb-fmt --template='%n ' eight.qb good.qb; echo
> 1 2 3 4 5 6 7 8 9 10 11 12 13 

## template: an unknown % sequence is a usage error
$ qb-fmt --template='%x' hostile.qb
! qb-fmt: unknown sequence '%x' in the template
! Try 'qb-fmt --help' for more information.
? 2

## template: an unknown \ sequence, and a lone % at the end
$ qb-fmt --template='\r' hostile.qb; qb-fmt --template='abc%' hostile.qb
! qb-fmt: unknown sequence '\r' in the template
! Try 'qb-fmt --help' for more information.
! qb-fmt: lone '%' at the end of the template
! Try 'qb-fmt --help' for more information.
? 2

## --template with --format is a usage error
$ qb-fmt -f json --template=%i hostile.qb
! qb-fmt: --format and --template are mutually exclusive
! Try 'qb-fmt --help' for more information.
? 2

## an unknown format
$ qb-fmt -f yaml hostile.qb
! qb-fmt: unknown format: 'yaml' (text, markdown, json, jsonl, csv, tsv, mail, anki or fortune)
! Try 'qb-fmt --help' for more information.
? 2

## a bad width
$ qb-fmt -w -1 hostile.qb
! qb-fmt: number for -w out of range (0 to 10000): '-1'
! Try 'qb-fmt --help' for more information.
? 2

## mail: the message, headers encoded, body quoted-printable
$ qb-fmt -f mail --from 'Quiz <quiz@example.org>' --to 'Zoë <z@example.org>,b@example.org' --subject 'Frage des Tages: Größe' -a hostile.qb | grep -v -e '^Date: ' -e '^Message-ID: ' | diff golden/hostile.mail - && echo same
> same

## mail: python3's email parser reads the subject, addresses and body intact
$ qb-fmt -f mail --to 'Zoë <z@example.org>' --to b@example.org --subject 'Frage des Tages: Größe 😀' -a hostile.qb | python3 -c "import sys, email, email.policy; m=email.message_from_binary_file(sys.stdin.buffer, policy=email.policy.default); print(m['Subject']); print(m['To']); print(m.get_content_type(), m.get_content_charset()); b=m.get_content(); print(len(b.splitlines()), '中文的问题是什么' in b, 'Emoji 😀' in b, m['Date'].datetime is not None, m['Message-ID'].startswith('<'))"
> Frage des Tages: Größe 😀
> Zoë <z@example.org>, b@example.org
> text/plain utf-8
> 30 True True True True

## mail: no line of the message is longer than 78 octets
$ qb-fmt -f mail --to a@example.org --subject "$(printf 'Ä%.0s' $(seq 60))" -w 200 hostile.qb wrap.qb | awk 'length($0) > 78' | wc -l
> 0

## mail: the daily pipeline as cron runs it, accepted by a real mail parser
$ qb-list | qb-pick --daily --date=2026-12-01 | qb-fmt -f mail --to you@example.org | python3 -c "import sys, email, email.policy; m=email.message_from_binary_file(sys.stdin.buffer, policy=email.policy.default); print(m['Subject'], '|', m['To'], '|', m.get_content().strip())"
> Do you have experience working with databases such as MySQL, SQL... | you@example.org | Do you have experience working with databases such as MySQL, SQL Server,
> Oracle etc?

## mail: a default From of user@host, found without HOME, USER or a terminal
$ env -i PATH="$PATH" qb-fmt -f mail --to a@example.org good.qb </dev/null | grep -c '^From: [^ @]*@[^ ]*$'
> 1

## mail: without --to, the mail goes to the user running the command
$ qb-fmt -f mail hostile.qb | grep -c "^To: $(id -un)@"
> 1

## mail: a newline in the subject is refused: no header injection
$ qb-fmt -f mail --to a@example.org --subject "$(printf 'Hi\nBcc: evil@example.org')" hostile.qb
! qb-fmt: invalid --subject: control characters, line separators or invalid UTF-8
! Try 'qb-fmt --help' for more information.
? 2

## mail: a CR in an address is refused
$ qb-fmt -f mail --to "$(printf 'a@example.org\rBcc: x@example.org')" hostile.qb
! qb-fmt: invalid address for --to: control characters, line separators or invalid UTF-8
! Try 'qb-fmt --help' for more information.
? 2

## mail: a control character in --from is refused
$ qb-fmt -f mail --to a@example.org --from "$(printf 'x\033[2J@example.org')" hostile.qb
! qb-fmt: invalid address for --from: control characters, line separators or invalid UTF-8
! Try 'qb-fmt --help' for more information.
? 2

## mail: no records, no message, exit 1
$ qb-fmt -f mail --to a@example.org /dev/null
! qb-fmt: no records: no message written
? 1

## bad lines are reported, the good records still rendered, exit 2
$ qb-fmt -f jsonl bad-kinds.qb 2>/dev/null | jq -r .id | wc -l; qb-fmt bad-kinds.qb >/dev/null 2>&1; echo $?
> 7
> 2

## --version
$ qb-fmt --version
> qb-fmt (qb) 0.1.0

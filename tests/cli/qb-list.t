# qb-list: reading, validating and writing question files.

## canonical form: trimming, tag case and repeats, derived ids, escapes kept
$ qb-list good.qb
> be-21	sql,security	Explain SQL injection.	Untrusted input spliced into SQL text changes the query; use bound parameters.
> q139e9e01078a		What is a design pattern?	
> be-22	sql,databases	Where or having?	
> be-23		Line one\nline two	Tab\there and a \\ backslash
> q5e243ba99d61	general	Qu'est-ce qu'un café?	

## canonical output read again gives the same bytes
$ qb-list good.qb | qb-list - | cmp - good.canon && echo same
> same

## BOM, CRLF and a last line without LF
$ qb-list crlf.qb
> a-1	x	First?	yes
> qc483e25b8b8f		Second?	
> a-3		Third?	

## standard input by name and by default
$ cat crlf.qb | qb-list - good.qb | head -n 4
> a-1	x	First?	yes
> qc483e25b8b8f		Second?	
> a-3		Third?	
> be-21	sql,security	Explain SQL injection.	Untrusted input spliced into SQL text changes the query; use bound parameters.

## standard input is named in messages
< ok-1		Fine?	
< not	ok
$ qb-list -
> ok-1		Fine?	
! qb-list: (standard input):2: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
? 2

## every malformed kind is reported with file and line, the good records still come out
$ qb-list bad-kinds.qb
> ok-01	t	Good one?	
> ok-02	t	Good two?	
> ok-03	t	Good three?	
> ok-04	t	Good four?	
> ok-05	t	Good five?	
> ok-06	t	Good six?	
> ok-07	t	Good seven?	
! qb-list: bad-kinds.qb:2: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
! qb-list: bad-kinds.qb:4: 5 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
! qb-list: bad-kinds.qb:6: id longer than 64 bytes
! qb-list: bad-kinds.qb:7: a space in id at column 4: ids are made of A-Z a-z 0-9 . _ : / -
! qb-list: bad-kinds.qb:9: empty tag at column 17
! qb-list: bad-kinds.qb:10: tag at column 14 longer than 64 bytes
! qb-list: bad-kinds.qb:11: space inside a tag at column 18
! qb-list: bad-kinds.qb:13: empty question
! qb-list: bad-kinds.qb:14: unknown escape '\q' in question at column 22: the escapes are \\, \t and \n
! qb-list: bad-kinds.qb:15: lone backslash at the end of the question, column 26: write \\ for a backslash
! qb-list: bad-kinds.qb:17: control character byte 0x1b in question at column 18
! qb-list: bad-kinds.qb:18: control character byte 0x7f in question at column 18
! qb-list: bad-kinds.qb:19: invalid UTF-8 at column 15
! qb-list: bad-kinds.qb:20: NUL byte at column 15
! qb-list: bad-kinds.qb:21: control character U+009B in question at column 13
? 2

## a missing file is reported and the next file is still read
$ qb-list missing.qb crlf.qb
> a-1	x	First?	yes
> qc483e25b8b8f		Second?	
> a-3		Third?	
! qb-list: missing.qb: No such file or directory
? 2

## a directory given as FILE gives its *.qb files, as in QB_PATH
$ qb-list path crlf.qb | wc -l
> 4

## -c counts the good records
$ qb-list -c good.qb crlf.qb
> 8

## --count with a bad line: the count of good ones, and trouble
$ qb-list --count bad-kinds.qb 2>/dev/null
> 7
? 2

## -t tallies tags, most used first, then by name
$ qb-list -t tags.qb
> db	3
> api	2
> sql	1

## --tags on the built-in bank
$ qb-list --tags | head -n 3
> skill	35
> general	10
> experience	8

## --check reports duplicates, space runs and malformed lines, prints nothing else
$ qb-list --check check.qb
! qb-list: check.qb:2: bare line with a run of spaces: were the TABs between fields turned into spaces?
! qb-list: check.qb:3: duplicate id 'dup-1', first at check.qb:1
! qb-list: check.qb:4: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
? 1

## --check on a good file is silent and exits 0
$ qb-list --check good.qb crlf.qb

## --check with an unreadable file is trouble
$ qb-list --check good.qb missing.qb
! qb-list: missing.qb: No such file or directory
? 2

## the built-in bank: 45 records, valid
$ qb-list | qb-list --check - && qb-list -c
> 45

## the built-in bank's ids follow the seed's numbering
$ qb-list | cut -f 1 | sed -n '1p;35p;36p;45p'
> skill-01
> skill-35
> general-01
> general-10

## QB_PATH: directories give their *.qb files in name order, then files, in order
$ QB_PATH=path/dir:path/single.qb qb-list
> a-1		From a?	
> b-1		From b?	
> s-1		From single?	

## QB_PATH: a missing entry is reported, the others are read
$ QB_PATH=:missing.qb::path/single.qb qb-list
> s-1		From single?	
! qb-list: missing.qb: No such file or directory
? 2

## an empty QB_PATH means the built-in bank
$ QB_PATH= qb-list -c
> 45

## -c and -t together is a usage error
$ qb-list -c -t good.qb
! qb-list: -c, --tags and --check are mutually exclusive
! Try 'qb-list --help' for more information.
? 2

## an unknown option
$ qb-list -x
! qb-list: unknown option: '-x'
! Try 'qb-list --help' for more information.
? 2

## an unknown long option
$ qb-list --frobnicate
! qb-list: unknown option: '--frobnicate'
! Try 'qb-list --help' for more information.
? 2

## --version
$ qb-list --version
> qb-list (qb) 0.1.0

## --help goes to stdout and starts with the usage line
$ qb-list --help | head -n 1
> Usage: qb-list [-c | --tags | --check] [-f FORMAT] [FILE | DIR | -]...

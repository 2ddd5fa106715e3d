# Fast paths of qb-list -f csv and jsonl: a line the reader's structural pass
# found plain (valid UTF-8 without controls, no TAB or backslash) skips the
# checks its fields would get.  These are the edges where that could go
# wrong; every output here is what the careful path gives.

## csv: quoted fields, "" inside quotes, a quote as the last byte, empty fields
$ printf 'id,tags,question,answer\na,"x,y",What is 1?,"one, or uno"\nb,z,"He said ""hi""?","a ""quoted"" answer"\nc,,Last quoted?,"end"\n,,Derived id?,\n' > "$TMPDIR/f.csv"; qb-list "$TMPDIR/f.csv"
> a	x,y	What is 1?	one, or uno
> b	z	He said "hi"?	a "quoted" answer
> c		Last quoted?	end
> qd2ec4468a341		Derived id?	

## csv: columns in another order, an unknown one, and a second question column
$ printf 'answer,note,question,tags,question\nA1,ignored,Q1,t,more\n"A2",,Q2,"t,u",\n' > "$TMPDIR/f.csv"; qb-list "$TMPDIR/f.csv" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.csv:1: unknown column 'note', not read: the columns are id, tags, question and answer
> q46eb577cf3e9	t	Q1more	A1
> q093f1407b5cf	t,u	Q2	A2
? 2

## csv: CRLF line ends and a BOM, a quoted field closing before the CR
$ printf '\357\273\277id,tags,question,answer\r\na,t,Q1?,"A1"\r\nb,"t,u","Q2?",A2\r\n' > "$TMPDIR/f.csv"; qb-list "$TMPDIR/f.csv"
> a	t	Q1?	A1
> b	t,u	Q2?	A2

## csv: backslashes, TABs, line breaks and non-ASCII text escaped as on the careful path
$ printf 'id,tags,question,answer\na,t,C:\\dir\\file?,back\\slash\nb,t,"tab\there","two\nlines"\nc,t,Café ελληνικά 中文?,größe 😀\n' > "$TMPDIR/f.csv"; qb-list "$TMPDIR/f.csv"
> a	t	C:\\dir\\file?	back\\slash
> b	t	tab\there	two\nlines
> c	t	Café ελληνικά 中文?	größe 😀

## csv: invalid UTF-8 at the end of a field, of a quoted field, of a line and before a CR; a C1 control; DEL
$ printf 'id,tags,question,answer\na,t,cut \303,ok\nb,t,"cut \303",ok\nc,t,ok?,cut \303\nd,t,ok?,cut \303\r\ne,t,c1 \302\205?,ok\nf,t,del \177?,ok\ng,t,fine \303\251?,ok\n' > "$TMPDIR/f.csv"; qb-list "$TMPDIR/f.csv" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.csv:2: invalid UTF-8
> qb-list: f.csv:3: invalid UTF-8
> qb-list: f.csv:4: invalid UTF-8
> qb-list: f.csv:5: invalid UTF-8
> qb-list: f.csv:6: control character U+0085 in question
> qb-list: f.csv:7: control character byte 0x7f in question
> g	t	fine é?	ok
? 2

## csv: rows the fast path leaves to the careful one: fewer and more fields, text after a quote, an open quote, a row of empty fields
$ printf 'id,tags,question,answer\na,t,Q1?\nb,t,Q2?,A2,extra\nc,t,"Q3"x,A3\n,,,\nd,t,Q4?,A4\ne,t,"Q5\n' > "$TMPDIR/f.csv"; qb-list "$TMPDIR/f.csv" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.csv:2: 3 fields: the header has 4
> qb-list: f.csv:3: 5 fields: the header has 4
> qb-list: f.csv:4: text after the closing quote of field 3
> qb-list: f.csv:7: quoted field not closed
> d	t	Q4?	A4
? 2

## csv: the last line without a line end, quoted and not
$ printf 'id,tags,question,answer\na,t,Q1?,A1\nb,t,Q2?,"A2"' > "$TMPDIR/f.csv"; printf 'id,tags,question,answer\nc,t,Q3?,A3' > "$TMPDIR/g.csv"; qb-list "$TMPDIR/f.csv" "$TMPDIR/g.csv"
> a	t	Q1?	A1
> b	t	Q2?	A2
> c	t	Q3?	A3

## csv: bad ids and tags, an empty question: the same messages as the careful path
$ printf 'id,tags,question,answer\nbad id,t,Q1?,A1\n#x,t,Q2?,A2\nc,"Bad Tag,x",Q3?,A3\nd,t,,A4\ne,t, ,A5\nf,t,  spaced  ,  out  \n' > "$TMPDIR/f.csv"; qb-list "$TMPDIR/f.csv" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.csv:2: a space in id: ids are made of A-Z a-z 0-9 . _ : / -
> qb-list: f.csv:3: '#' in id: ids are made of A-Z a-z 0-9 . _ : / -
> qb-list: f.csv:5: empty question
> qb-list: f.csv:6: empty question
> c	bad,tag,x	Q3?	A3
> f	t	spaced	out
? 2

## jsonl: the usual objects, keys in another order, white space, escapes, \u, non-ASCII
$ printf '%s\n' '{"id":"a","tags":["x","y"],"question":"What is 1?","answer":"one"}' '{"question":"Q2?","id":"b","answer":"A2","tags":[]}' '{ "id" : "c" , "tags" : [ "z" ] , "question" : "Q3?" , "answer" : "A3" }' '{"id":"d","tags":["t"],"question":"say \"hi\" \\ a\/b\tc\nd?","answer":"caf\u00e9"}' '{"id":"e","tags":"t, u","question":"Café ελληνικά 中文 😀?","answer":null}' > "$TMPDIR/f.jsonl"; qb-list "$TMPDIR/f.jsonl"
> a	x,y	What is 1?	one
> b		Q2?	A2
> c	z	Q3?	A3
> d	t	say "hi" \\ a/b\tc\nd?	café
> e	t,u	Café ελληνικά 中文 😀?	

## jsonl: invalid UTF-8 at the end of a string and of a line, a C1 control, DEL, a raw TAB
$ printf '{"id":"a","tags":[],"question":"cut \303","answer":"ok"}\n{"id":"b","tags":[],"question":"ok?","answer":"cut \303"}\n{"id":"c","tags":[],"question":"c1 \302\205?","answer":"ok"}\n{"id":"d","tags":[],"question":"del \177?","answer":"ok"}\n{"id":"e","tags":[],"question":"raw\ttab?","answer":"ok"}\n{"id":"f","tags":[],"question":"fine \303\251?","answer":"ok"}\n' > "$TMPDIR/f.jsonl"; qb-list "$TMPDIR/f.jsonl" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.jsonl:1: invalid UTF-8
> qb-list: f.jsonl:2: invalid UTF-8
> qb-list: f.jsonl:3: control character U+0085 in question
> qb-list: f.jsonl:4: control character byte 0x7f in question
> qb-list: f.jsonl:5: JSON: control character 0x9 near '"raw' (column 35)
> f		fine é?	ok
? 2

## jsonl: CRLF, a BOM, blank lines, the last line without a line end
$ printf '\357\273\277{"id":"a","tags":["t"],"question":"Q1?","answer":"A1"}\r\n\r\n  \n{"id":"b","tags":["t"],"question":"Q2?","answer":"A2"}' > "$TMPDIR/f.jsonl"; qb-list "$TMPDIR/f.jsonl"
> a	t	Q1?	A1
> b	t	Q2?	A2

## jsonl: objects the fast path leaves to the careful one: tags to split, a key twice, a missing question, trailing text, bad ids and tags
$ printf '%s\n' '{"id":"a","tags":["x y","z,w"],"question":"Q1?","answer":"A1"}' '{"id":"b","id":"c","question":"Q2?"}' '{"id":"d","tags":[],"answer":"A3"}' '{"id":"e","tags":[],"question":"Q4?","answer":"A4"} x' '{"id":"bad id","tags":[],"question":"Q5?","answer":"A5"}' '{"id":"f","tags":["Bad"],"question":"Q6?","answer":"A6"}' '{"id":"g","tags":[],"question":"  spaced  ","answer":"  out  "}' '{"id":"h","tags":[],"question":"","answer":"A8"}' > "$TMPDIR/f.jsonl"; qb-list "$TMPDIR/f.jsonl" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.jsonl:3: no "question"
> qb-list: f.jsonl:4: JSON: end of file expected near 'x' (column 53)
> qb-list: f.jsonl:5: a space in id: ids are made of A-Z a-z 0-9 . _ : / -
> qb-list: f.jsonl:8: empty question
> a	x,y,z,w	Q1?	A1
> c		Q2?	
> f	bad	Q6?	A6
> g		spaced	out
? 2

## csv and jsonl of 3,000 generated records rich in what formats escape, lines across the reader's buffer ends: back byte for byte, with every scanner
$ fmt-check gen 3000 12 > r.qb; qb-list r.qb > want; for f in csv jsonl; do qb-fmt -a -f $f r.qb > "r.$f"; for m in portable sse2 avx2 avx512; do QB_SIMD=$m qb-list "r.$f" | cmp - want && echo "$f $m same"; done; done
> csv portable same
> csv sse2 same
> csv avx2 same
> csv avx512 same
> jsonl portable same
> jsonl sse2 same
> jsonl avx2 same
> jsonl avx512 same

## csv and jsonl of the hostile set, with every scanner: the same records and messages
$ for f in csv jsonl; do qb-list hostile.qb 2>/dev/null | qb-fmt -a -f $f > "h.$f"; for m in portable sse2 avx2 avx512; do QB_SIMD=$m qb-list "h.$f" 2>&1 | cksum; done | uniq | wc -l; done
> 1
> 1

## jsonl and json: a backslash escape in a tag or an id is JSON's, undone (the fast path left it as text keeps it)
$ printf '%s\n' '{"id":"a","tags":["b\\s","c"],"question":"Q1?"}' '{"id":"x\ny","tags":[],"question":"Q2?"}' > "$TMPDIR/f.jsonl"; printf '[%s]\n' '{"id":"b","tags":["d\\\\e"],"question":"Q3?"}' > "$TMPDIR/f.json"; qb-list "$TMPDIR/f.jsonl" "$TMPDIR/f.json" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.jsonl:2: bad id: an id is 1 to 64 bytes of A-Z a-z 0-9 . _ : / -
> a	b\s,c	Q1?	
> b	d\\e	Q3?	
? 2

## jsonl: the usual key order with escapes in the text: \" and \/ undone, \\ \n \t kept, an escaped quote or backslash at the end, \u read by jansson
$ printf '%s\n' '{"id":"a","tags":["t"],"question":"say \"hi\"?","answer":"a\/b \\ c\nd\te"}' '{"id":"b","tags":["t"],"question":"ends in \"","answer":"ends in \\"}' '{"id":"c","tags":["t"],"question":"\"\\\"\/","answer":"caf\u00e9"}' '{"id":"d","tags":["t"],"question":"open \"","answer":"A4"' > "$TMPDIR/f.jsonl"; qb-list "$TMPDIR/f.jsonl" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.jsonl:4: JSON: '}' expected near end of file (column 57)
> a	t	say "hi"?	a/b \\ c\nd\te
> b	t	ends in "	ends in \\
> c	t	"\\"/	café
? 2

## jsonl: the usual key order, but what the short way does not read: an escape in an id or a tag, a tag to split, white space after the object, a null answer, no answer, an empty tag
$ printf '%s\n' '{"id":"a\/b","tags":["t"],"question":"Q1?","answer":"A1"}' '{"id":"b","tags":["t\"u","v"],"question":"Q2?","answer":"A2"}' '{"id":"c","tags":["t u"],"question":"Q3?","answer":"A3"}' '{"id":"d","tags":["t"],"question":"Q4?","answer":"A4"}  ' '{"id":"e","tags":["t"],"question":"Q5?","answer":null}' '{"id":"f","tags":["t"],"question":"Q6?"}' '{"id":"g","tags":[""],"question":"Q7?","answer":"A7"}' '{"id":"h","tags":[],"question":"Q8?","answer":""}' > "$TMPDIR/f.jsonl"; qb-list "$TMPDIR/f.jsonl" 2>&1 | sed "s#$TMPDIR/##"
> a/b	t	Q1?	A1
> b	t"u,v	Q2?	A2
> c	t,u	Q3?	A3
> d	t	Q4?	A4
> e	t	Q5?	
> f	t	Q6?	
> g		Q7?	A7
> h		Q8?	

## csv: rows over several lines and rows with TABs, clean or not: invalid UTF-8 on a later line, a C1 control, a bad byte after three TABs and after four
$ printf 'id,tags,question,answer\na,t,"two\nlines \303",ok\nb,t,"two\nlines \302\205",ok\nc,t,"two\r\nlines \303\251","and\nmore"\nd,t,"a\tb\tc\t\303",ok\ne,t,"a\tb\tc\td\t\303",ok\nf,t,"a\tb\tc\td\te\303\251",ok\ng,t,"tab\tand\\\\ back",ok\n' > "$TMPDIR/f.csv"; qb-list "$TMPDIR/f.csv" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.csv:2: invalid UTF-8
> qb-list: f.csv:4: control character U+0085 in question
> qb-list: f.csv:9: invalid UTF-8
> qb-list: f.csv:10: invalid UTF-8
> c	t	two\nlines é	and\nmore
> f	t	a\tb\tc\td\teé	ok
> g	t	tab\tand\\\\ back	ok
? 2

## tsv: rows with TABs inside quotes, clean or not
$ printf 'question\tanswer\n"a\tb"\tok\n"c\td \303"\tok\n"e\nf"\t"g\th"\n' > "$TMPDIR/f.tsv"; qb-list "$TMPDIR/f.tsv" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.tsv:3: invalid UTF-8
> qe5bacb190412		a\tb	ok
> qc34f2118f0a4		e\nf	g\th
? 2

## jsonl: ids and tags longer than 16 bytes, a comma, a space or an escape past the 16th byte
$ printf '%s\n' '{"id":"a-long-id-of-24-bytes","tags":["a-tag-longer-than-16","b"],"question":"Q1?","answer":"A1"}' '{"id":"b","tags":["a-tag-longer-than-16,x"],"question":"Q2?","answer":"A2"}' '{"id":"c","tags":["a-tag-longer-than-16 y"],"question":"Q3?","answer":"A3"}' '{"id":"d-long-id-of-24-bytes\n","tags":[],"question":"Q4?","answer":"A4"}' '{"id":"e","tags":["a-tag-longer-than-16\\"],"question":"Q5?","answer":"A5"}' > "$TMPDIR/f.jsonl"; qb-list "$TMPDIR/f.jsonl" 2>&1 | sed "s#$TMPDIR/##"
> qb-list: f.jsonl:4: bad id: an id is 1 to 64 bytes of A-Z a-z 0-9 . _ : / -
> a-long-id-of-24-bytes	a-tag-longer-than-16,b	Q1?	A1
> b	a-tag-longer-than-16,x	Q2?	A2
> c	a-tag-longer-than-16,y	Q3?	A3
> e	a-tag-longer-than-16\	Q5?	A5
? 2

## csv: the tags column last, quoted or not, and no tags column at all
$ printf 'question,answer,tags\nQ1?,A1,"b,a"\nQ2?,A2,Z\nQ3?,A3,\n' > "$TMPDIR/f.csv"; printf 'question,answer\nQ4?,A4\nQ5?,A5\n' > "$TMPDIR/g.csv"; qb-list "$TMPDIR/f.csv" "$TMPDIR/g.csv"
> q85d39e19efd7	b,a	Q1?	A1
> q85d71e19efda	z	Q2?	A2
> q85da9e19efdd		Q3?	A3
> q85c29e19efc9		Q4?	A4
> q85c61e19efcc		Q5?	A5

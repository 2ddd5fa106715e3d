# qb-list reads a big CSV, TSV or JSON Lines file in two threads too
# (lib/split.c): after the ids checked for repeats, the threads take turns
# of a few hundred KiB.  The output, messages and status are one thread's.
# QB_SPLIT_MIN=1 splits the files here; each is compared with QB_THREADS=1,
# standard output to a file and to a pipe, standard error apart.
# tests/cli/bin/split-compare runs and compares them.

## CSV: rows on many lines (a quoted field of 32 lines every 1000th row), bad rows in every part, line numbers as one thread counts them
$ awk 'BEGIN { print "id,tags,question,answer"; for (i = 1; i <= 300000; i++) if (i % 9973 == 5) printf "x%d,t,\"Closed\"early,a\n", i; else if (i % 10007 == 0) printf "id%d,t,Too few\n", i; else if (i == 290000) printf "id%d,t,\"Bad \303\",a\n", i; else if (i % 1000 == 0) { printf "id%d,\"t%d,x\",\"Question %d, on lines:\n", i, i % 5, i; for (k = 0; k < 30; k++) printf "line %d, \"\"quoted\"\",\n", k; printf "end\",Answer %d.\n", i } else if (i % 13 == 0) printf "id%d,\"t%d,x\",\"Question %d, with a comma?\",\"Answer %d,\nsecond line \"\"quoted\"\".\"\n", i, i % 5, i, i; else printf "id%d,t%d,Question %d?,Answer %d.\n", i, i % 5, i, i }' > "$TMPDIR/b.csv"; split-compare "$TMPDIR/b.csv"; sed "s#$TMPDIR/##" "$TMPDIR/err2" | sed -n '1p;16p;$p'; wc -l < "$TMPDIR/err2"; wc -l < "$TMPDIR/out2"; grep -n 'id299000' "$TMPDIR/out2" | cut -c1-60
> status 2 2
> same
> qb-list: b.csv:6: text after the closing quote of field 3
> qb-list: b.csv:88369: text after the closing quote of field 3
> qb-list: b.csv:331421: text after the closing quote of field 3
> 61
> 299939
> 298940:id299000	t0,x	Question 299000, on lines:\nline 0, "qu

## CSV: a bad row that spans lines is reported with its last line's number, counted from the file's start
$ awk 'BEGIN { print "id,question,answer"; for (i = 1; i <= 200000; i++) if (i % 2999 == 30) printf "id%d,\"Q %d,\nsecond\"x,A\n", i, i; else printf "id%d,Q %d?,A %d.\n", i, i, i }' > "$TMPDIR/b.csv"; split-compare "$TMPDIR/b.csv"; sed "s#$TMPDIR/##" "$TMPDIR/err2" | sed -n '1p;$p'; wc -l < "$TMPDIR/err2"; wc -l < "$TMPDIR/out2"
> status 2 2
> same
> qb-list: b.csv:31: text after the closing quote of field 2, on line 32
> qb-list: b.csv:198031: text after the closing quote of field 2, on line 198032
> 67
> 199933

## CSV: rows without an id get one derived from the question, "-2" and on for one asked before, in any part
$ awk 'BEGIN { print "id,question,answer"; for (i = 1; i <= 200000; i++) if (i == 3 || i == 190000) printf ",Same question?,A\n"; else if (i % 50000 == 7) printf ",Question %d?,A\n", i; else printf "id%d,Question %d?,Answer %d.\n", i, i, i }' > "$TMPDIR/b.csv"; split-compare "$TMPDIR/b.csv"; grep -n '^q' "$TMPDIR/out2"
> status 0 0
> same
> 3:q93e1978d4208		Same question?	A
> 7:q024e00214762		Question 7?	A
> 50007:q1b3f26e7b905		Question 50007?	A
> 100007:q06e23ff711b4		Question 100007?	A
> 150007:q56c715eaf0f5		Question 150007?	A
> 190000:q93e1978d4208-2		Same question?	A

## CSV with a byte-order mark and CRLF, and with ';' between fields
$ awk 'BEGIN { printf "\357\273\277id,tags,question,answer\r\n"; for (i = 1; i <= 200000; i++) if (i % 20 == 0) printf "id%d,,\"Two\r\nlines %d\",A\r\n", i, i; else printf "id%d,t,Q %d?,A\r\n", i, i }' > "$TMPDIR/b.csv"; split-compare "$TMPDIR/b.csv"; sed -n '1p;20p;199999p' "$TMPDIR/out2"; awk 'BEGIN { print "id;tags;question;answer"; for (i = 1; i <= 200000; i++) printf "id%d;t;\"Q; %d?\";A\n", i, i }' > "$TMPDIR/s.csv"; split-compare "$TMPDIR/s.csv"; sed -n '199999p' "$TMPDIR/out2"
> status 0 0
> same
> id1	t	Q 1?	A
> id20		Two\nlines 20	A
> id199999	t	Q 199999?	A
> status 0 0
> same
> id199999	t	Q; 199999?	A

## TSV with Anki's header lines: the separator, HTML and the tags column hold in every part
$ awk 'BEGIN { print "#separator:tab"; print "#html:true"; print "#tags column:3"; print "#guid column:4"; for (i = 1; i <= 200000; i++) if (i == 170000) printf "Bad\tline\t\303\tg\n"; else printf "Question %d&amp;<br>more?\tAnswer <b>%d</b>\ttag%d other\tg%d\n", i, i, i % 3, i }' > "$TMPDIR/b.tsv"; split-compare "$TMPDIR/b.tsv"; sed "s#$TMPDIR/##" "$TMPDIR/err2"; sed -n '199998p' "$TMPDIR/out2"
> status 2 2
> same
> qb-list: b.tsv:170004: invalid UTF-8
> g199999	tag1,other	Question 199999&\nmore?	Answer 199999

## JSON Lines: bad lines in every part, an unknown key said once, first after the split point
$ awk 'BEGIN { for (i = 1; i <= 300000; i++) if (i % 9973 == 5) printf "{\"id\": \"x%d\", \"question\": \n", i; else if (i == 250000 || i == 260000) printf "{\"id\":\"id%d\",\"question\":\"Q %d?\",\"extra\":1}\n", i, i; else if (i == 280000) printf "{\"id\":\"id%d\",\"tags\":[\"a\",\"b\"],\"question\":\"Q %d?\",\"answer\":\"Tab\\there\"}\n", i, i; else printf "{\"id\":\"id%d\",\"tags\":[\"t%d\"],\"question\":\"Question %d?\",\"answer\":\"Answer %d.\"}\n", i, i % 5, i, i }' > "$TMPDIR/b.jsonl"; split-compare "$TMPDIR/b.jsonl"; sed "s#$TMPDIR/##" "$TMPDIR/err2" | sed -n '1p;$p'; grep -c 'unknown key' "$TMPDIR/err2"; grep -n 'id2[68]0000' "$TMPDIR/out2"
> status 2 2
> same
> qb-list: b.jsonl:5: JSON: unexpected token near end of file (column 25)
> qb-list: b.jsonl:299195: JSON: unexpected token near end of file (column 30)
> 1
> 259973:id260000		Q 260000?	
> 279971:id280000	a,b	Q 280000?	Tab\there

## JSON Lines: records without an id, in the second part
$ awk 'BEGIN { for (i = 1; i <= 200000; i++) if (i % 40000 == 0 || i == 2) printf "{\"question\":\"Same?\"}\n"; else printf "{\"id\":\"id%d\",\"question\":\"Q %d?\"}\n", i, i }' > "$TMPDIR/b.jsonl"; split-compare "$TMPDIR/b.jsonl"; grep '^q' "$TMPDIR/out2"
> status 0 0
> same
> q704faf73fa74		Same?	
> q704faf73fa74-2		Same?	
> q704faf73fa74-3		Same?	
> q704faf73fa74-4		Same?	
> q704faf73fa74-5		Same?	
> q704faf73fa74-6		Same?	

## a file too small to fill the ids checked is read by one thread: a repeated id is found
$ awk 'BEGIN { print "id,question"; for (i = 1; i <= 20000; i++) printf "id%d,Question number %d?\n", i == 19000 ? 1 : i, i }' > "$TMPDIR/s.csv"; split-compare "$TMPDIR/s.csv"; sed "s#$TMPDIR/##g" "$TMPDIR/err2"
> status 2 2
> same
> qb-list: s.csv:19001: duplicate id 'id1', first at s.csv:2

## qb-list -c counts an import in two threads too
$ awk 'BEGIN { for (i = 1; i <= 200000; i++) if (i == 150000) print "{"; else printf "{\"id\":\"id%d\",\"question\":\"Q %d?\"}\n", i, i }' > "$TMPDIR/b.jsonl"; for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-list -c "$TMPDIR/b.jsonl" 2>&1 | sed "s#$TMPDIR/##" | tr '\n' ' '; echo; done | uniq -c | sed 's/^ *//'
> 2 qb-list: b.jsonl:150000: JSON: string or '}' expected near end of file (column 1) 199999 

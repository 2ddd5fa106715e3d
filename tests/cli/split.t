# src_count() (lib/src.c) reads a big file in two threads for qb-list -c,
# qb-grep -c and qb-pick: the same output, messages and status as one
# thread gives.
# QB_SPLIT_MIN=1 splits the small files here; the bank has 100,000 records,
# more than the 49,152 ids checked for repeats, with bad lines in both halves.

## qb-list -c: the same count and messages, line numbers of the second half
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) if (i == 5 || i == 70001) print "bad\tline"; else if (i == 90000) printf "id%d\tt\tq\303\n", i; else printf "id%d\tt%d,x\tQuestion %d about cache%s?\tAnswer %d.\n", i, i % 5, i, i % 3 ? "" : " INDEX", i }' > "$TMPDIR/b.qb"; QB_SPLIT_MIN=1 qb-list -c "$TMPDIR/b.qb" 2>&1 | sed "s#$TMPDIR/##"; echo "status $?"; QB_SPLIT_MIN=1 qb-list -c "$TMPDIR/b.qb" > "$TMPDIR/two" 2>&1; QB_THREADS=1 qb-list -c "$TMPDIR/b.qb" > "$TMPDIR/one" 2>&1; cmp "$TMPDIR/one" "$TMPDIR/two"
> qb-list: b.qb:5: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-list: b.qb:70001: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-list: b.qb:90000: invalid UTF-8 at column 12
> 99997
> status 2

## qb-grep -c: the same counts as one thread, for every kind of selection
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) if (i == 5 || i == 70001) print "bad\tline"; else printf "id%d\tt%d,x\tQuestion %d about cache%s?\tAnswer %d.\n", i, i % 5, i, i % 3 ? "" : " INDEX", i }' > "$TMPDIR/b.qb"; for args in "cache" "-i index" "-v INDEX" "-F -k all 99" "-w -e 7 -e 8" "-t t3" "-t t3 -T x" "-c -t nosuch" "-k answer 1\\d{4}\\."; do for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-grep -c $args "$TMPDIR/b.qb" 2>&1 | sed "s#$TMPDIR/##" | cksum; done | uniq | wc -l; done | uniq -c | sed 's/^ *//'; QB_SPLIT_MIN=1 qb-grep -ci index "$TMPDIR/b.qb" 2>&1 | sed "s#$TMPDIR/##"
> 9 1
> qb-grep: b.qb:5: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-grep: b.qb:70001: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> 33333
? 2

## a count's other thread, done first, reads the end of this one's part too: the same counts, messages and line numbers (this part is slowed by messages; the tail is read, then given back at a bad line)
$ for deep in 0 1; do awk -v deep=$deep 'BEGIN { a = "x"; while (length(a) < 1000) a = a a; for (i = 1; i <= 50000; i++) printf "s%d\t\tQ%d cache?\n", i, i; for (i = 1; i <= 40000; i++) print "bad\tline"; for (i = 1; i <= 7700; i++) if (deep && i == 5000) print "deep\tbad"; else printf "l%d\tt\tLong %d cache?\t%s\n", i, i, a; for (i = 1; i <= 8000; i++) if (i == 6000) print "late\tbad"; else printf "o%d\t\tQ%d %s?\t%s\n", i, i, i % 3 ? "cache" : "x", a }' > "$TMPDIR/t.qb"; for cmd in "qb-grep -c cache" "qb-grep -vc cache" "qb-list -c"; do for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 $cmd "$TMPDIR/t.qb" > "$TMPDIR/out$t" 2> "$TMPDIR/err$t"; echo "$? $(cat "$TMPDIR/out$t") $(wc -l < "$TMPDIR/err$t")"; done | uniq -c | sed 's/^ *//'; cmp "$TMPDIR/err1" "$TMPDIR/err2"; done; tail -n 2 "$TMPDIR/err2" | sed 's#.*/##'; done
> 2 2 63034 40001
> 2 2 2665 40001
> 2 2 65699 40001
> t.qb:90000: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> t.qb:103700: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> 2 2 63033 40002
> 2 2 2665 40002
> 2 2 65698 40002
> t.qb:95000: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> t.qb:103700: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)

## standard input that is a regular file is left at its end, as one thread leaves it, for what reads it next
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "id%d\t\tQuestion %d about cache?\n", i, i }' > "$TMPDIR/b.qb"; qb-fmt -a -f csv "$TMPDIR/b.qb" > "$TMPDIR/b.csv"; for cmd in "qb-list -c" "qb-list" "qb-grep -c cache" "qb-grep cache" "qb-pick -s x" "qb-fmt -a -f jsonl -" "qb-list -f csv"; do in="$TMPDIR/b.qb"; case $cmd in *csv) in="$TMPDIR/b.csv" ;; esac; for t in 1 2; do { QB_THREADS=$t QB_SPLIT_MIN=1 $cmd > /dev/null; cat | wc -c; } < "$in"; done | uniq -c | sed 's/^ *//'; done
> 2 0
> 2 0
> 2 0
> 2 0
> 2 0
> 2 0
> 2 0

## standard input that is a regular file is split too; two files, one after the other
$ awk 'BEGIN { for (i = 1; i <= 60000; i++) printf "id%d\t\tQ %d?\n", i, i }' > "$TMPDIR/a.qb"; awk 'BEGIN { for (i = 1; i <= 60000; i++) printf "k%d\t\tQ %d?%s\n", i, i, i == 59999 ? "\tbad\\x" : "" }' > "$TMPDIR/b.qb"; QB_SPLIT_MIN=1 qb-grep -c 'Q 5' < "$TMPDIR/a.qb"; QB_SPLIT_MIN=1 qb-list -c "$TMPDIR/a.qb" "$TMPDIR/b.qb" 2>&1 | sed "s#$TMPDIR/##"
> 11111
> qb-list: b.qb:59999: unknown escape '\x' in answer at column 21: the escapes are \\, \t and \n
> 119999
? 2

## a repeated id in a file too small to fill the ids checked is still found
$ awk 'BEGIN { for (i = 1; i <= 1000; i++) printf "id%d\t\tQ %d?\n", i == 900 ? 1 : i, i }' > "$TMPDIR/s.qb"; QB_SPLIT_MIN=1 qb-list -c "$TMPDIR/s.qb" 2>&1 | sed "s#$TMPDIR/##g"
> qb-list: s.qb:900: duplicate id 'id1', first at s.qb:1
> 999
? 2

## qb-pick: the same picks as one thread, whichever half they come from
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) if (i == 5 || i == 70001) print "bad\tline"; else printf "id%d\tt%d\tQuestion %d?\tAnswer %d.\n", i, i % 5, i, i }' > "$TMPDIR/b.qb"; for n in 1 2 5 64 65; do for seed in a b c d e f g h; do for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-pick -n $n -s $seed "$TMPDIR/b.qb" 2>&1 | sed "s#$TMPDIR/##" | cksum; done | uniq | wc -l; done; done | uniq -c | sed 's/^ *//'; QB_SPLIT_MIN=1 qb-pick -s f -n 2 "$TMPDIR/b.qb" 2>&1 | sed "s#$TMPDIR/##"
> 40 1
> qb-pick: b.qb:5: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-pick: b.qb:70001: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> id68875	t0	Question 68875?	Answer 68875.
> id75542	t2	Question 75542?	Answer 75542.
? 2

## qb-list: the same bytes out, to a file (copied by the kernel) and to a pipe, and the same messages
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) if (i == 5 || i == 70001) print "bad\tline"; else if (i % 1000 == 7) printf "Bare question %d?\n", i; else if (i % 1000 == 9) printf "id%d\t T%d , x \t Question %d? \t\n", i, i % 5, i; else printf "id%d\tt%d,x\tQuestion %d?\tAnswer %d.\n", i, i % 5, i, i }' > "$TMPDIR/b.qb"; for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-list "$TMPDIR/b.qb" > "$TMPDIR/file$t" 2> "$TMPDIR/err$t"; echo "status $?"; QB_THREADS=$t QB_SPLIT_MIN=1 qb-list "$TMPDIR/b.qb" 2>/dev/null | cat > "$TMPDIR/pipe$t"; done; cmp "$TMPDIR/file1" "$TMPDIR/file2" && cmp "$TMPDIR/file1" "$TMPDIR/pipe2" && cmp "$TMPDIR/err1" "$TMPDIR/err2" && sed "s#$TMPDIR/##" "$TMPDIR/err2"; wc -l < "$TMPDIR/file2"; sed -n '70005p;70007p' "$TMPDIR/file2"
> status 2
> status 2
> qb-list: b.qb:5: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-list: b.qb:70001: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> 99998
> q23162b7f2b47		Bare question 70007?	
> id70009	t4,x	Question 70009?	

## output to /dev/null is dropped, not held for it: the same messages, in order, and statuses as one thread
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) if (i == 5 || i == 70001 || i == 99999) print "bad\tline"; else printf "id%d\tt%d\tQuestion %d about cache?\tAnswer %d.\n", i, i % 5, i, i }' > "$TMPDIR/b.qb"; for cmd in "qb-list" "qb-grep cache" "qb-grep -v cache" "qb-fmt -a -f jsonl"; do for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 $cmd "$TMPDIR/b.qb" 2> "$TMPDIR/err$t" > /dev/null; echo "status $?" >> "$TMPDIR/err$t"; done; cmp "$TMPDIR/err1" "$TMPDIR/err2" && echo "$cmd: the same"; done; sed "s#$TMPDIR/##" "$TMPDIR/err2"
> qb-list: the same
> qb-grep cache: the same
> qb-grep -v cache: the same
> qb-fmt -a -f jsonl: the same
> qb-fmt: b.qb:5: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-fmt: b.qb:70001: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-fmt: b.qb:99999: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> status 2

## qb-list: a second half whose output waits in a bounded queue (all of it rewritten)
$ awk 'BEGIN { for (i = 1; i <= 400000; i++) printf "Bare question number %d?\n", i }' > "$TMPDIR/b.qb"; for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-list "$TMPDIR/b.qb" | cksum; done | uniq -c | sed 's/^ *//'
> 2 411029802 17888895

## the spooled output, in one piece between messages, comes out whole (lib/split.c's follows_spooled)
$ awk 'BEGIN { for (i = 1; i <= 400000; i++) if (i % 30011 == 0) print "bad\tline"; else printf "Bare question number %d?\n", i }' > "$TMPDIR/b.qb"; for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-list "$TMPDIR/b.qb" > "$TMPDIR/out$t" 2> "$TMPDIR/err$t"; echo "status $?"; done; cmp "$TMPDIR/out1" "$TMPDIR/out2" && cmp "$TMPDIR/err1" "$TMPDIR/err2" && wc -l < "$TMPDIR/err2" && sed -n '$p' "$TMPDIR/out2" && sed -n '$s#.*/##p' "$TMPDIR/err2"
> status 2
> status 2
> 13
> qf28ac27b51b0		Bare question number 400000?	
> b.qb:390143: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)

## qb-grep: the same output as one thread in every output mode, to a file and to a pipe
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) if (i == 5 || i == 70001) print "bad\tline"; else printf "id%d\tt%d,x\tQuestion %d about cache%s?\tAnswer %d.\n", i, i % 5, i, i % 3 ? "" : " INDEX", i }' > "$TMPDIR/b.qb"; for args in "cache" "-i index" "-v INDEX" "-o -F 99" "--color=always -w 7" "-t t3 -k all 5" "-m 5 7"; do for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-grep $args "$TMPDIR/b.qb" > "$TMPDIR/out" 2> "$TMPDIR/err"; echo "$?"; cat "$TMPDIR/out" "$TMPDIR/err" | cksum; QB_THREADS=$t QB_SPLIT_MIN=1 qb-grep $args "$TMPDIR/b.qb" 2>/dev/null | cksum; done | sort -u | wc -l; done | uniq -c | sed 's/^ *//'
> 7 3
? 2

## qb-pick --daily: the same question of each day, the same messages in the same order (repeated ids too)
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) if (i == 5 || i == 80010) print "bad\tline"; else if (i == 80000) printf "id10\tt\tAgain?\tA.\n"; else if (i % 1000 == 7) printf "Bare question %d?\n", i; else if (i % 2 == 0) printf "id%d\t T%d \tQuestion %d?\tAnswer %d.\n", i, i % 5, i, i; else printf "id%d\tt%d\tQuestion %d?\tAnswer %d.\n", i, i % 5, i, i }' > "$TMPDIR/b.qb"; for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-pick --daily --date=2026-01-01 --date=2026-01-02 --date=+3 --date=2031-07-07 --date=2030-01-01 --date=2029-01-01 --date=2028-01-01 --date=2027-01-01 "$TMPDIR/b.qb" > "$TMPDIR/out$t" 2> "$TMPDIR/err$t"; echo "status $?"; done; cmp "$TMPDIR/out1" "$TMPDIR/out2" && cmp "$TMPDIR/err1" "$TMPDIR/err2" && sed "s#$TMPDIR/##g" "$TMPDIR/err2"; wc -l < "$TMPDIR/out2"
> status 2
> status 2
> qb-pick: b.qb:5: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-pick: b.qb:80000: duplicate id 'id10', first at b.qb:10
> qb-pick: b.qb:80010: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> 8

## qb-list: a line rewritten bigger than the memory queue, first in the second half (40% in), then lines copied by offset
$ awk 'BEGIN { for (i = 1; i <= 741665; i++) { if (i == 300001) { q = "q"; while (length(q) < 300000) q = q q; printf "Bare %s?\n", substr(q, 1, 300000) } printf "id%06d\tt\tQuestion %06d?\tAnswer.\n", i, i } }' > "$TMPDIR/b.qb"; for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-list "$TMPDIR/b.qb" > "$TMPDIR/out$t"; done; cmp "$TMPDIR/out1" "$TMPDIR/out2" && wc -l < "$TMPDIR/out2"
> 741666

## qb-fmt: a format whose records stand alone renders in rounds on two threads: the same bytes, messages and status as one, to a file and to a pipe
$ awk 'BEGIN { for (i = 1; i <= 100000; i++) if (i == 5 || i % 7001 == 0) print "bad\tline"; else if (i == 90000) printf "id%d\tt\tq\303\n", i; else if (i % 1000 == 7) printf "Bare question %d?\n", i; else if (i % 2 == 0) printf "id%d\t T%d , x \tQuestion \"%d\", with\\ta TAB?\tAnswer\\n%d.\n", i, i % 5, i, i; else printf "id%d\tt%d\tQuestion %d?\tAnswer %d.\n", i, i % 5, i, i }' > "$TMPDIR/b.qb"; for f in jsonl csv tsv anki fortune; do for t in 1 2; do QB_THREADS=$t QB_SPLIT_MIN=1 qb-fmt -a -f $f "$TMPDIR/b.qb" > "$TMPDIR/out" 2> "$TMPDIR/err"; echo "$?"; cat "$TMPDIR/out" "$TMPDIR/err" | cksum; QB_THREADS=$t QB_SPLIT_MIN=1 qb-fmt -a -f $f "$TMPDIR/b.qb" 2>/dev/null | cksum; done | sort -u | wc -l; done | uniq -c | sed 's/^ *//'; QB_SPLIT_MIN=1 qb-fmt -f jsonl "$TMPDIR/b.qb" 2>&1 >/dev/null | sed "s#$TMPDIR/##" | sed -n '1p;2p;$p'; QB_SPLIT_MIN=1 qb-fmt -f jsonl "$TMPDIR/b.qb" 2>/dev/null | wc -l
> 5 3
> qb-fmt: b.qb:5: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-fmt: b.qb:7001: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> qb-fmt: b.qb:98014: 2 fields: a record has 3 or 4 TAB-separated fields (id, tags, question, answer)
> 99984
? 2

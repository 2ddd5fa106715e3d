# An import read in two threads (lib/split.c) takes turns whose length
# follows which thread waited for the other, and a CSV row's fast path
# finds a short field's end in its first 16 bytes: whatever the turns, and
# wherever the fields end, the output is one thread's.  split-compare
# (tests/cli/bin) compares one thread with two, to a file and to a pipe.

## CSV: ids, tags and text of 12 to 20 bytes, quoted or not, with commas inside and rows on two lines, in many turns
$ awk 'BEGIN { print "id,tags,question,answer"; for (i = 1; i <= 120000; i++) { n = 12 + i % 9; id = sprintf("k%0" n - 1 "d", i); t = substr("abcdefghijklmnopqrst", 1, n - 2) i % 7; if (i % 3 == 0) t = "\"" substr(t, 1, n - 4) ",x\""; q = sprintf("Q%0" n - 2 "d?", i); if (i % 5 == 0) q = "\"" substr(q, 1, n - 3) ", y?\""; a = i % 11 == 0 ? "\"A " i ",\nline two\"" : "A " i; printf "%s,%s,%s,%s\n", id, t, q, a } }' > "$TMPDIR/b.csv"; split-compare "$TMPDIR/b.csv"; wc -l < "$TMPDIR/out2"; sed -n '3p;15p;33p' "$TMPDIR/out2"
> status 0 0
> same
> 120000
> k00000000000003	abcdefghijk,x	Q0000000000003?	A 3
> k00000000000000015	abcdefghijklmn,x	Q00000000000000, y?	A 15
> k00000000000000033	abcdefghijklmn,x	Q0000000000000033?	A 33,\nline two

## JSON Lines: the same turns, records of every length
$ awk 'BEGIN { for (i = 1; i <= 120000; i++) printf "{\"id\":\"j%0" 10 + i % 9 "d\",\"tags\":[\"t%d\"],\"question\":\"Q %d?\",\"answer\":\"A\\n%d\"}\n", i, i % 7, i, i }' > "$TMPDIR/b.jsonl"; split-compare "$TMPDIR/b.jsonl"; wc -l < "$TMPDIR/out2"; sed -n '2p' "$TMPDIR/out2"
> status 0 0
> same
> 120000
> j000000000002	t2	Q 2?	A\n2

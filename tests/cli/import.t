# qb-list --from: question lists kept in other formats, standard input, directories.
# The inputs in import/ are written the way public lists and exports are.

## Markdown: bulleted lists under section headings, follow-up bullets kept, TOC and links skipped
$ qb-list import/frontend.md
> q8470a43f0baa	general-questions	What did you learn yesterday/this week?	
> qc889ac9bced6	general-questions	What excites or interests you about coding?	
> q6ca0baae1e30	general-questions	What is a recent technical challenge you experienced and how did you solve it?\n* What would you do differently next time?\n* Who did you ask for help?	
> qc62c7c13ffc4	general-questions	Talk me through your workflow when you create a web page.	
> q3d691e7ec8c3	html-questions	What does a `doctype` do?	
> qb840c59ef41a	html-questions	How do you serve a page with content in multiple languages?	
> q7081b839b4d4	html-questions	What are `data-` attributes good for?	
> qd618a511b01d	html-questions	Consider HTML5 as an open web platform. What are the building blocks of HTML5?	
> qd3bf0f6de6f1	css-questions	What is the difference between classes and IDs in CSS?	
> q0e1867cfe8b0	css-questions	Describe `z-index` and how stacking context is formed.	
> q938176067149	css-questions	Explain CSS sprites, and how you would implement them on a page or site.	
> qb6f283294b65	js-questions	Explain event delegation.	
> q18a71e11c4a5	js-questions	Explain how `this` works in JavaScript.\n* Can you give an example of one of the ways that working with `this` has changed in ES6?	
> q159ebb0e37b9	js-questions	What's the difference between `==` and `===`?	

## Markdown: numbered list with code inside items, repeated question gets -2, Answer: marker
$ qb-list import/qa-list.md
> q1f8b2cb49fd7	sql-questions	What is a primary key?	
> q52ee3c489b75	sql-questions	What is the difference between `INNER JOIN` and `LEFT JOIN`?\n- Follow-up: when does a `LEFT JOIN` return `NULL`s?	
> q1f8b2cb49fd7-2	sql-questions	What is a primary key?	
> q4129b2616263	sql-questions	What does this query return?\n```sql\nSELECT COUNT(*) FROM t WHERE x = NULL;\n```	
> q2243d5302eee	sql-questions	What does this query return?\n```sql\nSELECT COUNT(x) FROM t;\n```	
> q7c47de055629	sql-questions	What is an index?	a data structure that makes lookups faster,\nat the cost of slower writes.

## Markdown: heading questions, <details> answers, code with # lines, --- separators
$ qb-list import/output.md
> qd640da9db3a5		What's the output?\n```javascript\nfunction sayHi() {\n  console.log(name);\n  var name = 'Lydia';\n}\n\n# not a heading: this line is inside the fence\nsayHi();\n```\n\n- A: `Lydia` and `undefined`\n- B: `ReferenceError`	A\n\nWithin the function, we first declare the `name` variable with the `var`\nkeyword. This means that the variable gets hoisted.
> q4635b384578e		What's the output?\n```javascript\nfor (var i = 0; i < 3; i++) {\n\tsetTimeout(() => console.log(i), 1);\n}\n```\n\n- A: `0 1 2`\n- B: `3 3 3`	B\n\nBecause of the event queue in JavaScript, the `setTimeout` callback\nfunction is called _after_ the loop has been executed.
> qaeb5d6acf8e1		What's the output?\n```javascript\nconst shape = { radius: 10 };\n```	B
> qaeb5d6acf8e1-2		What's the output?\n```javascript\nconst shape = { radius: 10 };\n```	

## Markdown: list items that are headings, back-to-top links dropped, table TOC skipped, front matter
$ qb-list import/numbered.md
> q46a820e7f70c		What are the possible ways to create objects in JavaScript	There are many ways to create objects in javascript as mentioned below:\n\n1. **Object literal syntax:**\n\n   ```javascript\n   var object = {\n     name: "Sudheer",\n   };\n   ```
> qdd4e1d08337d		What is a prototype chain	**Prototype chaining** is used to build new types of objects based on\nexisting ones.
> q20b8f339e32a		What is JSON and its common operations	**JSON** is a text-based data format following JavaScript object syntax.

## Markdown: headings as questions with prose answers, sections as tags, License skipped
$ qb-list import/headings.md
> q8f394b6d5561	basics	What is the difference between a list and a tuple?	Lists are mutable, tuples are not.\nTuples can be dictionary keys.
> q919050144c3d	basics	Explain the GIL	The global interpreter lock lets one thread run Python bytecode at a time.\n\n```python\nimport threading\n\t# a tab inside code\n```
> qefd5470eddfe	basics	Is Python compiled or interpreted?	
> q993ac82d32a1	basics	How are arguments passed, by value or by reference?	By object reference.
> q035fa5fd2339	advanced-topics	What is a metaclass?	the class of a class.

## Markdown: <details><summary>Q</summary>A</details> blocks, HTML kept in the text
$ qb-list import/details.md
> qd8e6a6521c48	linux	What is the difference between a process and a thread?	A process is a running program with its own memory; threads share the\nmemory of their process.
> q24b39e7abec1	linux	What does <code>chmod 755 file</code> do?	
> q0f78f9ba34a5	networking	Explain the TCP three-way handshake	SYN, SYN-ACK, ACK.\n\n```\nclient -> SYN\nserver -> SYN-ACK\nclient -> ACK\n```

## Markdown: bold questions and Q:/A: paragraphs under setext sections, a table kept in an answer
$ qb-list import/bold.md
> q046fb8883327	core-java	What is the difference between JDK, JRE and JVM?	The JVM runs bytecode, the JRE is the JVM plus the class library, and the\nJDK adds the compiler and tools.
> q9db0e0c9341f	core-java	Why is String immutable in Java?	For security, caching of the hash code and safe sharing between threads.\n\n**Note:** the string pool is covered below.
> qab5543fd83cd	core-java	What is the string pool?	A cache of string literals kept by the JVM.
> q076e6b7ce849	collections	What is the difference between `ArrayList` and `LinkedList`?	| Operation | ArrayList | LinkedList |\n|-----------|-----------|------------|\n| get(i)    | O(1)      | O(n)       |
> qfcc55d0a0c62	collections	How does `HashMap` handle collisions?	```java\n// buckets hold linked lists, or trees past 8 entries\nmap.put(key, value);\n```

## Markdown: numbered sections, deeper References/Example headings stay in the answer, pictographs, an Answer heading, a section with nothing under it over the questions of its level
$ qb-list import/handbook.md
> q7ad2efb2d908	basics,closures	What is a closure?	
> q5d3f83e71eb4	basics,closures	Why do closures leak memory in old browsers?	
> qee90a836a0c5	javascript	What is event delegation?	Attaching one listener to a parent instead of one to every child.\n\n###### References\n\n- https://example.com/delegation
> qb4351acc9165	javascript	Explain hoisting	Declarations are moved to the top of their scope.\n\n#### Example\n\n```js\nx = 1;\nvar x;\n```
> q6248dba54e92	node-js	What is _Node.js_?	A JavaScript runtime built on V8.

## CSV: BOM, CRLF, Front/Back/Tags header, quotes, a line break inside quotes
$ qb-list import/spreadsheet.csv
> q7ad2efb2d908	js,functions	What is a closure?	A function together with\nthe scope it was created in.
> qfa4c32c1e453		Say "hello"	Prints hello
> q5cea14caa8c5	js	What is hoisting?	

## CSV: unknown column, malformed rows reported where they start, the rest imported
$ qb-list import/bad.csv
> c-1		What is TCP?	A transport protocol.
> c-3		What is QUIC?	UDP based.
> c-6		What is ARP?	Address resolution.
! qb-list: import/bad.csv:1: unknown column 'difficulty', not read: the columns are id, tags, question and answer
! qb-list: import/bad.csv:3: text after the closing quote of field 2
! qb-list: import/bad.csv:5: text after the closing quote of field 3
! qb-list: import/bad.csv:6: 3 fields: the header has 4
? 2

## TSV: Quizlet-style question, answer, tags; quoted fields
$ qb-list import/quizlet.tsv
> q80727fe13da7		What is a mutex?	A lock that one thread holds at a time.
> q3e0856016029	concurrency,os	What is a semaphore?	A counter of permits.
> qb07f007c9b44		Two\nlines?	Yes, "quoted".

## Anki: header lines, tags and guid columns, a quoted field starting with #
$ qb-list -f anki import/export.txt
> anki-1	net,dns	What is DNS?	The names to addresses service.
> anki-2		#1 on the list?	a\ttab

## Anki: semicolons, HTML, notetype and deck columns, a guid that is no qb id
$ qb-list --from=anki import/deck.txt
> anki-ae1ab9963fdf	net,web	What is HTTP?	A protocol\nfor the web & more

## JSON: tags as a string, number id, null answer, unknown key, a syntax error in one object
$ qb-list import/other.json
> q074d8930657f	k8s,containers	What is Kubernetes?	A container orchestrator.
> 7		What is a pod?	
> qd0863444f7b3	k8s	What is a node?	
> q350634608a25		What is etcd?	A key-value store.
! qb-list: import/other.json:4: unknown key "difficulty", not read: the keys are id, tags, question and answer
! qb-list: import/other.json:5: JSON: '}' expected near '"answer"' (column 37)
? 2

## JSON Lines: front/back synonyms, blank lines, errors by line
$ qb-list import/notes.jsonl
> qa7e8cbc6cd07		What is Git?	A version control system.
> q248259fb39fd		What is a commit?	A snapshot.
! qb-list: import/notes.jsonl:4: JSON: premature end of input near '"unterminated' (column 26)
! qb-list: import/notes.jsonl:5: no "question"
! qb-list: import/notes.jsonl:6: not an object: a record is {"id":..., "tags":[...], "question":..., "answer":...}
? 2

## the same file again gives the same ids
$ qb-list import/qa-list.md > "$TMPDIR/i12-a"; qb-list import/qa-list.md | cmp - "$TMPDIR/i12-a" && echo same
> same

## round trip through qb-fmt json, jsonl, csv, tsv and anki: the built-in bank, byte for byte
$ qb-list > "$TMPDIR/i12-want"; for f in json jsonl csv tsv anki; do qb-list | qb-fmt -a -f $f | qb-list -f $f | cmp - "$TMPDIR/i12-want" && echo "$f same"; done
> json same
> jsonl same
> csv same
> tsv same
> anki same

## round trip of the hostile set (controls escaped, tabs, backslashes, UTF-8)
$ qb-list hostile.qb 2>/dev/null > "$TMPDIR/i12-want"; for f in json jsonl csv tsv anki; do qb-list hostile.qb 2>/dev/null | qb-fmt -a -f $f | qb-list -f $f | cmp - "$TMPDIR/i12-want" && echo "$f same"; done
> json same
> jsonl same
> csv same
> tsv same
> anki same

## round trip of records without answers and with many tags
$ qb-list good.qb tags.qb eight.qb 2>/dev/null > "$TMPDIR/i12-want"; for f in json jsonl csv tsv anki; do qb-list good.qb tags.qb eight.qb 2>/dev/null | qb-fmt -a -f $f | qb-list -f $f | cmp - "$TMPDIR/i12-want" && echo "$f same"; done
> json same
> jsonl same
> csv same
> tsv same
> anki same

## the format is guessed from the extension; .txt and standard input are qb(5)
$ cp import/spreadsheet.csv "$TMPDIR/cards.txt"; qb-list -c import/spreadsheet.csv "$TMPDIR/cards.txt"
> 8

## a generated Markdown list of 1,000 questions in 10 sections
$ awk 'BEGIN { for (s = 0; s < 10; s++) { printf "## Part %d\n\n", s; for (i = 0; i < 100; i++) printf "%d. What is item %d of part %d?\n", i + 1, i, s; print "" } }' > "$TMPDIR/big.md"; qb-list "$TMPDIR/big.md" | tee "$TMPDIR/i12-out" | wc -l; cut -f1 "$TMPDIR/i12-out" | sort -u | wc -l; cut -f2 "$TMPDIR/i12-out" | sort -u | wc -l
> 1000
> 1000
> 10

## a generated CSV of 100,000 rows
$ awk 'BEGIN { print "id,tags,question,answer"; for (i = 0; i < 100000; i++) printf "g-%d,\"t%d,all\",\"Question %d, quoted \"\"x\"\"\",Answer %d\r\n", i, i % 7, i, i }' > "$TMPDIR/big.csv"; qb-list --check "$TMPDIR/big.csv" && qb-list -c "$TMPDIR/big.csv" && qb-list "$TMPDIR/big.csv" | tail -n 1
> 100000
> g-99999	t4,all	Question 99999, quoted "x"	Answer 99999

## an unknown format is a usage error
$ qb-list -f xml good.qb
! qb-list: unknown format: 'xml' (qb, csv, tsv, anki, json, jsonl or markdown)
! Try 'qb-list --help' for more information.
? 2

## --check on a CSV read as qb(5) says what it looks like
$ cp import/spreadsheet.csv "$TMPDIR/cards.txt"; qb-list --check "$TMPDIR/cards.txt" 2>&1 | sed "s|$TMPDIR/||"
> qb-list: cards.txt:1: this looks like a CSV header, not qb(5): read it with --format=csv
? 1

## --check on a JSON array read as qb(5)
< [
< {"id":"a","tags":[],"question":"Q","answer":""}
< ]
$ qb-list --check
! qb-list: (standard input):1: this looks like a JSON array, not qb(5): read it with --format=json
? 1

## --check on JSON Lines read as qb(5)
< {"question":"Q"}
$ qb-list --check -
! qb-list: (standard input):1: this looks like JSON Lines, not qb(5): read it with --format=jsonl
? 1

## --check on an Anki export read as qb(5)
$ qb-list --check import/export.txt 2>&1 | sed -n 1p
> qb-list: import/export.txt:1: this looks like tab-separated text, not qb(5): read it with --format=tsv
? 1

## no FILE: standard input with data is what is checked, not the bank
< id,tags,question,answer
< x,,Q,A
$ qb-list --check
! qb-list: (standard input):1: this looks like a CSV header, not qb(5): read it with --format=csv
? 1

## no FILE: data in a pipe is read
$ printf 'One?\nTwo?\n' | qb-list -c
> 2

## no FILE: -f applies to standard input
$ printf 'question,answer\nQ?,A\n' | qb-list -f csv
> q093f0907b5cf		Q?	A

## no FILE: an empty pipe (cron's) reads the bank
$ true | qb-list -c
> 78

## no FILE: /dev/null reads the bank
$ qb-list -c </dev/null
> 78

## no FILE: an empty file reads the bank
$ qb-list -c
> 78

## no FILE: a pipe nobody writes to does not hang: the bank, with a notice
$ sleep 1 | qb-list -c
> 78
! qb-list: standard input is an open pipe with no data after 500 ms: reading the bank (name - to wait for it)

## - waits for the pipe, whatever it is
$ { sleep 1; echo 'Late?'; } | qb-list -c -
> 1

## --help names - and the formats
$ qb-list --help | grep -e '| -\]' -e '--format'
> Usage: qb-list [-c | --tags | --check] [-f FORMAT] [FILE | DIR | -]...
>   -f, --format=FORMAT  read FORMAT: qb, csv, tsv (anki), json, jsonl,

## a directory gives its *.qb files, in name order
$ qb-list -c path
> 1

## with -f, a directory gives its files of that format
$ mkdir -p "$TMPDIR/i12-d"; cp import/*.csv good.qb "$TMPDIR/i12-d/"; qb-list -c -f csv "$TMPDIR/i12-d" 2>/dev/null
> 6
? 2

## a directory of Markdown notes alone: no *.qb file read, and the -f that reads them said
$ mkdir -p "$TMPDIR/i12-md"; cp import/headings.md import/numbered.md "$TMPDIR/i12-md/"; qb-list -c "$TMPDIR/i12-md" 2>&1 | sed "s|$TMPDIR/||"; qb-list -c -f markdown "$TMPDIR/i12-md"
> qb-list: i12-md: no *.qb file in it, but 2 markdown files: -f markdown reads them
> 0
> 8

## a directory in QB_PATH still gives *.qb files only
$ QB_PATH=import qb-list -c
> 0

## only qb-list reads other formats: the other commands read any FILE as qb(5)
$ qb-grep -c -F closure import/spreadsheet.csv; qb-list import/spreadsheet.csv | qb-grep -c -F closure
> 1
> 1

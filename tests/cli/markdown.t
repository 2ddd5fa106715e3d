# Markdown question lists shaped like the public ones (issue 12): each input is
# written here, in the shape of a well-known list, small.

## numbered heading items under a TOC table after a Disclaimer section: no TOC rows, no disclaimer tag, back-to-top links dropped, a coding section with folded answers
$ qb-list import/md-toc-table.md
> qcf46a89a4b81		What is a goroutine	A function running concurrently with others in the same address space.\n\n| Thing | Cost |\n|------ | ----\n| stack | 2 KB to start |
> q6b080a5d377f		How do you stop a goroutine	You ask it to, over a channel or a context:\n\n```go\nctx, cancel := context.WithCancel(context.Background())\ngo work(ctx)\ncancel()\n```
> q62e2c7cb8979	coding-exercise	What does this program print\n```go\nfunc main() {\n\tdefer fmt.Println("a")\n\tfmt.Println("b")\n}\n```\n\n- 1: a b\n- 2: b a	2\n\nDeferred calls run when the function returns.

## <details><summary>Q</summary><br><b>A</b></details>: a summary with a list or code keeps its lines, answers lose their shared indent, an exercises table and HTML header skipped
$ qb-list import/md-folded.md
> q22b96c31a027	linux	What does <code>chmod 640 f</code> do?	- owner: read and write\n- group: read
> qb3875892a3ab	linux	Which of these run in kernel space?\n\n* the scheduler\n* cron	The scheduler.
> q9b3f0d4105c1	sql,sql-self-assessment	Which query is faster?\n\n```\nSELECT * FROM t WHERE YEAR(d) = 2020\nSELECT * FROM t WHERE d >= '2020-01-01'\n```	The second: it can use an index on `d`.
> qee0857c6984d	sql,sql-self-assessment	What is a view?	

## older lists: anchored TOC, '####[[↑]](#toc)' sections, '###2.' headings without a space, 'Have doubt' boilerplate, Method headings stay in the answer
$ qb-list import/md-legacy.md
> qa108e428d5ad	general-questions	Why do caches need eviction?	
> q0396a7ac1c00	general-questions	Pros and cons of threads versus processes.	
> qe71c2e275545	general-questions	[What happens when you type a URL and press enter?](https://example.com/what-happens)	
> q3c7034a7ea4a	questions-about-snippets-of-code	What does this shell line print?\n```\necho $((7 / 2))\n```	
> qc76312548025		What would be the output of following code ?\n```c\nprintf("%d\\n", 1 << 3);\n```\n\n1.  8\n2.  3	1) 8
> q1b5073cd373e		How do you empty a file?	### Method 1\n\n```\n: > file\n```

## a table with Question, Answer and Tags columns is a question a row; Term/Definition too
$ qb-list import/md-table.md
> q1f8b2cb49fd7	basics,keys	What is a primary key?	A column that identifies a row.\nIt is unique.
> q860999166faf	basics,shell	What does `a | b` mean in a shell?	A pipe.
> q94d9a67d8424	basics	What is `COUNT(*)`?	
> q9a7b238ba8ec	glossary	ACID	Atomicity, consistency, isolation, durability.

## a study guide and a list of lists: notes and links import nothing, and that is no error, but said
$ qb-list import/md-notes.md | wc -l
> 0
! qb-list: import/md-notes.md: no question read from it as Markdown: qb-list(1), FORMATS, says what is read

## public lists' shapes in one file: a folded note and a contents table with section rows skipped, a divider, an HTML link back up, a quiz, a numbered question's subheadings, a topic answered, a Chinese question
$ qb-list import/md-public.md
> q31bf30419dd6	introduction	What is Node.js?	A runtime built on V8.
> q5b50818a9926	quiz	Which operator means not equal?\n- `<>`\n- `!==`	`!==`\n\n[Reference](https://example.com/ne)
> q3e7e6c4a5de0		How does it scale?	With a worker pool.\n\n### How the pool works\n\n```js\nnew Worker('w.js');\n```
> q2f834a955cbf	concepts	CAP theorem	Consistency or availability, under a partition.
> q01e66eac8461	concepts	什么是防抖？	高频事件后只执行一次。

## counts: questions and answers of each list
$ for f in import/md-*.md; do printf '%s %s %s\n' "$f" "$(qb-list "$f" 2>/dev/null | wc -l)" "$(qb-list "$f" 2>/dev/null | awk -F '\t' '$4 != ""' | wc -l)"; done
> import/md-folded.md 4 3
> import/md-legacy.md 6 2
> import/md-notes.md 0 0
> import/md-public.md 5 5
> import/md-shapes.md 14 12
> import/md-table.md 4 3
> import/md-toc-table.md 3 3

## this round's public shapes in one file: a preamble before the title, a label over its question heading, code a question is about, steps and a promotion under a numbered question, folded questions under headings, a quiz with an answer heading, Q and A labels, numbered questions ended by their answers, Russian and Chinese questions, a topic among questions, an answer indented as code, a reading list
$ qb-list import/md-shapes.md
> q6540f1720672		Difference between a process and a thread	Threads share an address space; processes do not.
> q457ff003784e		What does the snippet below print?\n```js\nconsole.log([] + []);\n```	> An empty string: both arrays become "".\n\n**Where it bites:** string building in loops.
> q712b3cd73c8a		What are the built-in scalar types?	#### 1. int\nWhole numbers.\n\n#### 2. list\nNot scalar, but often asked.
> qfb849b84dc25	operations,disk-questions	Why is the disk full though df says otherwise?	Solution 1:\n\nA deleted file is still held open.
> q9ae36d6e0774	operations,merge	Which merge keeps history linear?	A rebase, then a fast-forward.
> qb11b26fd3fd8	quiz	Which value is a boolean?\n`enabled: yes`\n\n- string\n- boolean	boolean\n\nB\n\nYAML 1.1 reads yes as true.
> q1d5e9e4d79fc	notes	Which port does SSH use?	22 by default.
> q38a91ea1a378	store	What is a reducer?	A pure function from state and action to state.
> qd23753c07d29	store	What is a selector?	a function that reads part of the store.
> qeba65a19dabc	Строки	Что такое срез	Часть последовательности.
> qb97321d1aae2	前端	事件冒泡是什么	- 事件向上传播
> qa6f99ba708bb	databases	Explain ACID.	
> q7c47de055629	databases,indexes	What is an index?	
> qdbfe84940a5c	databases	Why does a page need a doctype?	It sets the rendering mode.

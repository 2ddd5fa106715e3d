#include "import_helper.h"

/* The lines without their ids: the rules are about text and tags. */
static char *
md(const char *text)
{
	char *err, *got = import_text(IMPORT_MARKDOWN, text, &err), *p, *q;

	assert_string_equal(err, "");
	free(err);
	for (p = q = got; *p != '\0'; ) {
		char *tab = strchr(p, '\t');

		assert_non_null(tab);
		p = tab + 1;
		while (*p != '\0' && *p != '\n')
			*q++ = *p++;
		if (*p == '\n')
			*q++ = *p++;
	}
	*q = '\0';
	return got;
}

#define assert_md(text, want) do {					\
	char *got_ = md(text);						\
									\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

static void
list_items_with_follow_ups_and_sections(void **state)
{
	(void)state;
	assert_md("- [ ] What is a task list?\n- [x] Done?\n",
	    "\tWhat is a task list?\t\n\tDone?\t\n");
	assert_md("# Title\n\nIntro text.\n\n## Basics\n\n"
	    "1. What is X?\n   - And Y?\n2. Why *Z*?\n\n"
	    "## More Stuff\n\n- Explain W.\n",
	    "basics\tWhat is X?\\n- And Y?\t\n"
	    "basics\tWhy *Z*?\t\n"
	    "more-stuff\tExplain W.\t\n");
}

static void
table_of_contents_and_link_lists_are_skipped(void **state)
{
	(void)state;
	assert_md("## Contents\n\n- [Basics](#basics)\n- [More](#more)\n\n"
	    "## Basics\n\n- What is X?\n\n## Links\n\n"
	    "- [Some site](https://example.com)\n",
	    "basics\tWhat is X?\t\n");
}

static void
headings_as_questions(void **state)
{
	(void)state;
	assert_md("## Go\n\n### What is a goroutine?\n\nA light thread.\n\n"
	    "```go\n# comment in a fence\ngo f()\n```\n\n"
	    "### 2. Explain channels\n\n### Closing\n\n- Is it done?\n",
	    "go\tWhat is a goroutine?\tA light thread.\\n\\n```go\\n"
	    "# comment in a fence\\ngo f()\\n```\n"
	    "go\tExplain channels\t\n"
	    "go,closing\tIs it done?\t\n");
}

static void
details_blocks(void **state)
{
	(void)state;
	assert_md("<details><summary>What is Q?</summary>\n\nIt is A.\n\n"
	    "</details>\n\n"
	    "1. What is R?\n\n<details><summary><b>Answer</b></summary>\n"
	    "<p>\n\nIt is B.\n\n</p>\n</details>\n",
	    "\tWhat is Q?\tIt is A.\n\tWhat is R?\tIt is B.\n");
}

static void
answer_markers_and_front_matter(void **state)
{
	(void)state;
	assert_md("---\ntitle: x\n---\n\n- What's the output?\n\n"
	    "  ```js\n  f()\n  ```\n\n  **Answer:** 42\n",
	    "\tWhat's the output?\\n```js\\nf()\\n```\t42\n");
}

static void
answers_inside_list_items(void **state)
{
	(void)state;
	/* Statements nested under an item's question answer it. */
	assert_md("- What does DNS resolve?\n  - Names to addresses.\n"
	    "- Which layer is TCP in?\n  - A: Transport.\n"
	    "- What are hooks?\n  - And their rules?\n"
	    "- What is 2 + 2?\n  - A. 3\n  - B. 4\n"
	    "- Name two rules.\n  - Top level only.\n  - Functions only.\n",
	    "\tWhat does DNS resolve?\tNames to addresses.\n"
	    "\tWhich layer is TCP in?\tTransport.\n"
	    "\tWhat are hooks?\\n- And their rules?\t\n"
	    "\tWhat is 2 + 2?\\n- A. 3\\n- B. 4\t\n"
	    "\tName two rules.\t- Top level only.\\n- Functions only.\n");
	/* Sentences indented as code under an item answer it; code not. */
	assert_md("- Why does a page need a doctype?\n\n\t\tIt sets the mode.\n"
	    "\t\tWithout it, quirks mode.\n\n- What does this print?\n\n"
	    "\t\tprint(1)\n\n- What is x here?\n\n\t\tx = 1;\n",
	    "\tWhy does a page need a doctype?\tIt sets the mode.\\n"
	    "Without it, quirks mode.\n"
	    "\tWhat does this print?\\n\\tprint(1)\t\n"
	    "\tWhat is x here?\\n\\tx = 1;\t\n");
	assert_md("- **What is a closure?**\n  A function with its scope.\n"
	    "- What is X?\n\n  X is a letter.\n"
	    "- What does this print?\n\n  ```\n  print(1)\n  ```\n\n"
	    "  It prints 1.\n",
	    "\tWhat is a closure?\tA function with its scope.\n"
	    "\tWhat is X?\tX is a letter.\n"
	    "\tWhat does this print?\\n```\\nprint(1)\\n```\tIt prints 1.\n");
}

static void
code_and_quotes_after_an_item(void **state)
{
	(void)state;
	assert_md("1. What is hoisting?\n> Declarations move up\n> in scope.\n\n"
	    "2. What does this print?\n```js\nf()\n```\n> `1`\n\n"
	    "3. Plain?\n\nSome paragraph.\n\n```\nnot a question's\n```\n",
	    "\tWhat is hoisting?\tDeclarations move up\\nin scope.\n"
	    "\tWhat does this print?\\n```js\\nf()\\n```\t`1`\n"
	    "\tPlain?\tSome paragraph.\\n\\n```\\nnot a question's\\n```\n");
	/* After a list of more than one, only an answer marker answers. */
	assert_md("- What is X?\n- What is Y?\n\nSome paragraph.\n",
	    "\tWhat is X?\t\n\tWhat is Y?\t\n");
}

static void
question_paragraphs(void **state)
{
	(void)state;
	assert_md("**1. What is X?**\n\nIt is x.\n\n**Why Y?** Because.\n\n"
	    "**Note:** more.\n\nQ: What is Z?\nA: Zed.\n\nJust text.\n",
	    "\tWhat is X?\tIt is x.\n"
	    "\tWhy Y?\tBecause.\\n\\n**Note:** more.\n"
	    "\tWhat is Z?\tZed.\\n\\nJust text.\n");
}

static void
same_title_different_code_gets_different_ids(void **state)
{
	char *err, *got;

	(void)state;
	got = import_text(IMPORT_MARKDOWN, "- What's the output?\n\n"
	    "  ```\n  a\n  ```\n- What's the output?\n\n  ```\n  b\n  ```\n"
	    "- What's the output?\n\n  ```\n  b\n  ```\n", &err);
	assert_string_equal(err, "");
	assert_int_equal(strncmp(got, "q", 1), 0);
	assert_true(strncmp(got, strchr(got, '\n') + 1, 13) != 0);
	assert_non_null(strstr(got, "-2\t"));
	free(got);
	free(err);
}

static void
sections_end_at_a_table_of_contents(void **state)
{
	(void)state;
	assert_md("# Title\n\n## Disclaimer\n\nText.\n\n"
	    "### Table of Contents\n\n| No. | Questions |\n|---- | ---------\n"
	    "|1 | [What is X](#what-is-x)|\n\n"
	    "1. ### What is X\n\n   X is x.\n\n"
	    "   **[⬆ Back to Top](#table-of-contents)**\n\n"
	    "### Coding Exercise\n\n#### 1. What is the output of below code\n\n"
	    "```js\nf()\n```\n",
	    "\tWhat is X\tX is x.\n"
	    "coding-exercise\tWhat is the output of below code\\n```js\\n"
	    "f()\\n```\t\n");
}

static void
headings_without_a_space_and_anchors_in_headings(void **state)
{
	(void)state;
	assert_md("Title\n=====\n\n## <a name='toc'>Table of Contents</a>\n\n"
	    "  1. [General](#general)\n\n"
	    "####[[↑]](#toc) <a name='general'>General Questions:</a>\n\n"
	    "* Why X?\n\n## Code\n\n###1. What does this print?\n\n"
	    "```\n#no heading\n```\n\n###4**. Hard one?\n",
	    "general-questions\tWhy X?\t\n"
	    "code\tWhat does this print?\\n```\\n#no heading\\n```\t\n"
	    "code\tHard one?\t\n");
	/* inside a paragraph it is text */
	assert_md("## C\n\n### What does this do?\n\nIt reads:\n#include <x.h>\n",
	    "c\tWhat does this do?\tIt reads:\\n#include <x.h>\n");
}

static void
repeated_headings_are_boilerplate(void **state)
{
	(void)state;
	assert_md("## 1. What is X?\n\nX.\n\n## Have doubt?\n\n"
	    "## 2. What is Y?\n\nY.\n\n## Have doubt?\n\n"
	    "## 3. What is Z?\n\n## Have doubt?\n",
	    "\tWhat is X?\tX.\n\tWhat is Y?\tY.\n\tWhat is Z?\t\n");
}

static void
numbered_questions_whose_levels_slip(void **state)
{
	(void)state;
	/* Steps numbered from 1 again under a question: its answer. */
	assert_md("## 2. How does TLS start?\n\nOverview.\n\n"
	    "#### 1. Client hello\nCiphers.\n\n#### 2. Server hello\nOne.\n\n"
	    "#### 3. Keys\nMade.\n\n## 3. What is a nonce?\n\nOnce.\n",
	    "\tHow does TLS start?\tOverview.\\n\\n#### 1. Client hello\\n"
	    "Ciphers.\\n\\n#### 2. Server hello\\nOne.\\n\\n#### 3. Keys"
	    "\\nMade.\n\tWhat is a nonce?\tOnce.\n");
	/* ...whatever their words; bold numbered steps; a promotion */
	assert_md("## 5. What are the built-in types?\n\n#### 1. int\n\n"
	    "#### 2. list\n\n**1. Same request => same result**  \nSo.\n\n"
	    "#### Explore all 100 answers here [Site](https://a.org)\n\n"
	    "<br>\n",
	    "\tWhat are the built-in types?\t#### 1. int\\n\\n"
	    "#### 2. list\\n\\n**1. Same request => same result**\\nSo.\n");
	assert_md("## 5. Write f.\n\n```\nf\n```\n\n- note one\n\n"
	    "### 6. How to g?\n\nLike so.\n\n### Method 2\n\nmore.\n",
	    "\tWrite f.\t```\\nf\\n```\\n\\n- note one\n"
	    "\tHow to g?\tLike so.\\n\\n### Method 2\\n\\nmore.\n");
}

static void
details_with_blocks_in_the_summary(void **state)
{
	(void)state;
	assert_md("## Net\n\n<details>\n<summary>Which layer is each in?\n\n"
	    "  * routing\n  * MAC address</summary><br><b>\n\n"
	    "  - routing - network\n  - MAC address - data link\n\n"
	    "</b></details>\n\n"
	    "<details>\n<summary>Which query is faster?\n\n```\nSELECT 1\n"
	    "  FROM t\n```\n</summary><br><b>\n\nThe second.\n</b></details>\n",
	    "net\tWhich layer is each in?\\n\\n* routing\\n* MAC address\t"
	    "- routing - network\\n- MAC address - data link\n"
	    "net\tWhich query is faster?\\n\\n```\\nSELECT 1\\n  FROM t\\n```\t"
	    "The second.\n");
}

static void
folded_answers_comments_and_folded_contents(void **state)
{
	(void)state;
	assert_md("## Table of Contents\n\n### Javascript\n\n<details>\n"
	    "<summary>View contents</summary>\n\n* [What is X?](#what-is-x)\n"
	    "</details>\n\n---\n\n## Javascript\n\n### What is X?\n\n"
	    "#### Answer\n\n<details>\n<summary>View answer</summary>\n\n"
	    "X is x.\n\n```html\n<!-- kept: code -->\n```\n\n"
	    "<!-- tags: (javascript, web) -->\n\n"
	    "<!-- expertise: (1) -->\n</details>\n\n"
	    "<br>[⬆ Back to top](#table-of-contents)\n\n"
	    "### What is Y?\n\nY is y.\n\n<!-- tags: (last) -->\n",
	    "javascript,web\tWhat is X?\tX is x.\\n\\n```html\\n"
	    "<!-- kept: code -->\\n```\n"
	    "javascript,last\tWhat is Y?\tY is y.\n");
}

static void
notes_and_links_are_no_questions(void **state)
{
	(void)state;
	/* Terms, one of which may start an exercise: notes */
	assert_md("## Low level\n\nTopics include:\n\n- Classes\n"
	    "- Design patterns\n- Error handling\n\n## Summary\n\n"
	    "| Category | Questions |\n|---|---|\n| **Team** | 1, 4, 7 |\n", "");
	/* Reading with its authors; one title asking does not make it. */
	assert_md("## Reading\n\n* Ann Lee - [Notes on hiring](https://a.org/a)\n"
	    "* [Why do interviews feel random?](https://a.org/c)\n"
	    "* Cy Diaz - [Phone screens](https://a.org/d)\n\n"
	    "## Quiz\n\n- Explain [closures](https://a.org/m)\n"
	    "- Define [hoisting](https://a.org/h)\n",
	    "quiz\tExplain [closures](https://a.org/m)\t\n"
	    "quiz\tDefine [hoisting](https://a.org/h)\t\n");
	assert_md("## Data Structures\n### Stack\n"
	    " * A *Stack* is a collection of elements\n * Time Complexity:\n"
	    "   * Access: `O(n)`\n\n## Video Lectures\n* Algorithms\n"
	    " * [MIT Algorithms](https://www.youtube.com/watch?v=HtSuA80QTyo)\n"
	    "\n## Design\n\n- What is X?\n- Reverse a list.\n",
	    "design\tWhat is X?\t\ndesign\tReverse a list.\t\n");
}

/*
 * learning-zone's lists: "## # 1. INTRODUCTION" with only "<br/>" under it,
 * then questions at its level; each answer ends in an HTML link back up.
 */
static void
dividers_and_html_links_back_up(void **state)
{
	(void)state;
	assert_md("# Node.js Interview Questions\n\n"
	    "## # 1. INTRODUCTION\n\n<br/>\n\n"
	    "## Q. What is Node.js?\n\nA runtime.\n\n"
	    "<div align=\"right\">\n"
	    "    <b><a href=\"#table-of-contents\">↥ back to top</a></b>\n"
	    "</div>\n\n"
	    "## Q. What is npm?\n\nA package manager.\n\n<br/>\n\n"
	    "## # 2. NODE.JS SETUP\n\n"
	    "## Q. How to install it?\n\nWith apt.\n\n"
	    "<p align=\"right\">(<a href=\"#readme-top\">back to top</a>)</p>\n",
	    "introduction\tWhat is Node.js?\tA runtime.\n"
	    "introduction\tWhat is npm?\tA package manager.\n"
	    "node-js-setup\tHow to install it?\tWith apt.\n");
	/* HTML with words of its own, or an image, is part of the answer. */
	assert_md("## What is X?\n\nX.\n\n<pre><a href=\"#x\">x</a></pre>\n",
	    "\tWhat is X?\tX.\\n\\n<pre><a href=\"#x\">x</a></pre>\n");
	assert_md("## What is X?\n\nX is x.\n\n<p>See <a href=\"#y\">Y, "
	    "which is more than a link back</a></p>\n\n"
	    "## What is Z?\n\nZ.\n\n<img src=\"z.png\">\n",
	    "\tWhat is X?\tX is x.\\n\\n<p>See <a href=\"#y\">Y, which is "
	    "more than a link back</a></p>\n"
	    "\tWhat is Z?\tZ.\\n\\n<img src=\"z.png\">\n");
	/* A section with subsections ends at the next heading of its level. */
	assert_md("## Basics\n\n### What is X?\n\nX.\n\n"
	    "## What is Y?\n\nY.\n",
	    "basics\tWhat is X?\tX.\n\tWhat is Y?\tY.\n");
}

/*
 * LinkedIn's skill quizzes: a task list of choices under the question,
 * the right ones checked, is question (boxes off) and answer.
 */
static void
quiz_choices_checked_are_the_answer(void **state)
{
	(void)state;
	/* After a paragraph of code; each choice with its own code */
	assert_md("#### Q1. Which type is it?\n\n`enabled: yes`\n\n"
	    "- [ ] string\n- [x] boolean\n\n#### Q2. Which is valid?\n\n"
	    "- [ ] A\n\n```yaml\n[a, b\n```\n\n- [x] B\n\n```yaml\n"
	    "[a, b]\n```\n\nBrackets close.\n",
	    "\tWhich type is it?\\n`enabled: yes`\\n\\n- string\\n"
	    "- boolean\tboolean\n"
	    "\tWhich is valid?\\n- A\\n\\n```yaml\\n[a, b\\n```\\n\\n"
	    "- B\\n\\n```yaml\\n[a, b]\\n```\tB\\n```yaml\\n[a, b]\\n```"
	    "\\n\\nBrackets close.\n");
	assert_md("## JavaScript\n\n"
	    "#### Q1. Which operator means not equal?\n\n"
	    "- [ ] `<>`\n- [x] `!==`\n\n[Reference](https://x.example/ne)\n\n"
	    "#### Q2. Which are numbers?\n\n```js\nlet a;\n```\n\n"
	    "1. [x] `1`\n2. [ ] `'1'`\n3. [X] `NaN`\n",
	    "javascript\tWhich operator means not equal?\\n- `<>`\\n- `!==`\t"
	    "`!==`\\n\\n[Reference](https://x.example/ne)\n"
	    "javascript\tWhich are numbers?\\n```js\\nlet a;\\n```\\n\\n"
	    "1. `1`\\n2. `'1'`\\n3. `NaN`\t- `1`\\n- `NaN`\n");
	/* A box in code before the choices is code. */
	assert_md("## What does it render?\n\n```md\n- [ ] todo\n```\n\n"
	    "- [ ] a box\n- [x] a bullet\n",
	    "\tWhat does it render?\\n```md\\n- [ ] todo\\n```\\n\\n"
	    "- a box\\n- a bullet\ta bullet\n");
	/* In a list item too; a list all checked is done, not choices. */
	assert_md("- Which is right?\n  - [ ] a\n  - [x] b\n"
	    "- What was done?\n  - [x] a\n  - [x] b\n",
	    "\tWhich is right?\\n- a\\n- b\tb\n"
	    "\tWhat was done?\\n- [x] a\\n- [x] b\t\n");
}

/*
 * trimstray's lists: emoji shortcodes and anchors in the section
 * headings, and a count after them, are no part of the tags.
 */
static void
shortcodes_and_counts_in_sections(void **state)
{
	(void)state;
	assert_md("### :diamond_shape_with_a_dot_inside: "
	    "<a name=\"junior-sysadmin\">Junior Sysadmin</a>\n\n"
	    "###### System Questions (61)\n\n<details>\n"
	    "<summary><b>What is a process?</b></summary><br>\n\n"
	    "A program running.\n\n</details>\n\n"
	    "## :question: What is 12:30:45?\n\nA time.\n",
	    "junior-sysadmin,system-questions\tWhat is a process?\t"
	    "A program running.\n"
	    "\tWhat is 12:30:45?\tA time.\n");
}

/* Chinese lists: "第 1 题：" numbers a question, "？" asks one. */
static void
questions_in_other_scripts(void **state)
{
	(void)state;
	/* Russian words and imperatives; Korean asks without a mark */
	assert_md("## \xd0\xa1\xd1\x82\xd1\x80\xd0\xbe\xd0\xba\xd0\xb8\n\n"
	    "### \xd0\xa7\xd1\x82\xd0\xbe \xd1\x82\xd0\xb0\xd0\xba\xd0\xbe"
	    "\xd0\xb5 \xd1\x81\xd1\x80\xd0\xb5\xd0\xb7\n\nA.\n\n"
	    "### \xd0\x9f\xd0\xb5\xd1\x80\xd0\xb5\xd1\x87\xd0\xb8\xd1\x81"
	    "\xd0\xbb\xd0\xb8\xd1\x82\xd0\xb5 X\n\nB.\n\n## #2\n\n"
	    "- TCP\xec\x99\x80 UDP\xec\x9d\x98 \xec\xb0\xa8\xec\x9d\xb4\n",
	    "\xd0\xa1\xd1\x82\xd1\x80\xd0\xbe\xd0\xba\xd0\xb8\t"
	    "\xd0\xa7\xd1\x82\xd0\xbe \xd1\x82\xd0\xb0\xd0\xba\xd0\xbe"
	    "\xd0\xb5 \xd1\x81\xd1\x80\xd0\xb5\xd0\xb7\tA.\n"
	    "\xd0\xa1\xd1\x82\xd1\x80\xd0\xbe\xd0\xba\xd0\xb8\t"
	    "\xd0\x9f\xd0\xb5\xd1\x80\xd0\xb5\xd1\x87\xd0\xb8\xd1\x81"
	    "\xd0\xbb\xd0\xb8\xd1\x82\xd0\xb5 X\tB.\n"
	    "\tTCP\xec\x99\x80 UDP\xec\x9d\x98 \xec\xb0\xa8\xec\x9d\xb4\t\n");
	assert_md("# Daily\n\n## 第 1 题：列表组件中的 key 有什么作用？\n\n"
	    "key 是唯一 id。\n\n## 第2题: 什么是防抖\n\n防抖。\n\n"
	    "## ¿Qué es un cierre\n\nUna función.\n",
	    "\t列表组件中的 key 有什么作用？\tkey 是唯一 id。\n"
	    "\t什么是防抖\t防抖。\n"
	    "\t¿Qué es un cierre\tUna función.\n");
}

/* Shapes of public lists that came out wrong, found by importing them. */
static void
answers_as_public_lists_write_them(void **state)
{
	(void)state;
	/* A heading that asks, with a list in its answer (in28minutes) */
	assert_md("## SQL\n\n### When should you use an index?\n\n"
	    "An index helps:\n\n- When the table is large.\n"
	    "- On columns used in WHERE.\n",
	    "sql\tWhen should you use an index?\tAn index helps:\\n\\n"
	    "- When the table is large.\\n- On columns used in WHERE.\n");
	/* "**Answer**" alone starts the answer (ganqqwerty) */
	assert_md("## Question 4. What does this print?\n\n```js\nf()\n```\n\n"
	    "**Answer**\n\nIt prints `1`.\n",
	    "\tWhat does this print?\\n```js\\nf()\\n```\tIt prints `1`.\n");
	/* A label's emphasis closes; what follows keeps its own (Java) */
	assert_md("### Q. What is the JVM?\n\n**Ans:** **JVM** runs bytecode.\n\n"
	    "### Q. What is a JIT?\n\n**Explanation**: _It compiles_.\n",
	    "\tWhat is the JVM?\t**JVM** runs bytecode.\n"
	    "\tWhat is a JIT?\t_It compiles_.\n");
	/* Under a numbered question, its unnumbered subheadings (Devinterview) */
	assert_md("## 1. What is Node.js?\n\nA runtime.\n\n### How Node.js Works\n\n"
	    "An event loop.\n\n### Code Example\n\n```js\nrun()\n```\n<br>\n\n"
	    "## 2. How does it scale?\n\nWith a pool.\n",
	    "\tWhat is Node.js?\tA runtime.\\n\\n### How Node.js Works\\n\\n"
	    "An event loop.\\n\\n### Code Example\\n\\n```js\\nrun()\\n```\n"
	    "\tHow does it scale?\tWith a pool.\n");
	/* Italic "*Question: ...*" paragraphs (h5bp's coding questions) */
	assert_md("#### Coding Questions:\n\n*Question: What is `foo`?*\n"
	    "```js\nvar foo = 10 + '20';\n```\n",
	    "coding-questions\tWhat is `foo`?\t```js\\nvar foo = 10 + '20';\\n```\n");
	/* Chinese answer labels and summaries */
	assert_md("### 1. 以下代码输出什么？\n\n```js\ntypeof null\n```\n\n"
	    "<details>\n<summary>查看答案</summary>\n\n`object`。\n\n</details>\n\n"
	    "### 2. 什么是防抖？\n\n解析：见下文。\n",
	    "\t以下代码输出什么？\\n```js\\ntypeof null\\n```\t`object`。\n"
	    "\t什么是防抖？\t见下文。\n");
}

/* What is around the questions is not a question. */
static void
promotion_and_contents_are_no_questions(void **state)
{
	(void)state;
	/* A folded note before the first question (sudheerj, lydiahallie) */
	assert_md("# JS\n\n<details>\n<summary>Download PDF/Epub formats</summary>\n\n"
	    "From the [actions tab](https://example.com/a).\n</details>\n\n"
	    "## What is X?\n\nX.\n",
	    "\tWhat is X?\tX.\n");
	/* A table of contents with bold section rows (reactjs questions) */
	assert_md("| No. | Questions |\n| --- | --------- |\n|     | **Core React** |\n"
	    "| 1   | [What is React?](#what-is-react) |\n\n"
	    "### What is React?\n\nA library.\n",
	    "\tWhat is React?\tA library.\n");
	/* Links to articles, a few of whose titles ask (awesome lists) */
	assert_md("## Android\n\n* [10 Android interview questions](https://a.example)\n"
	    "* [How do I prepare?](https://b.example)\n"
	    "* [Android guide](https://c.example)\n",
	    "");
}

/* Found importing more lists: questions known by their answers. */
static void
questions_known_by_their_answers(void **state)
{
	(void)state;
	/* A topic heading with an answer under it (system design Q&A) */
	assert_md("## Concepts\n\n### CAP theorem\n\n**Answer:** Pick two.\n\n"
	    "### Sharding\n\n<details><summary>Answer</summary>\n\nSplit it.\n\n"
	    "</details>\n",
	    "concepts\tCAP theorem\tPick two.\nconcepts\tSharding\tSplit it.\n");
	/* "A." labels; Explanation after the code keeps the code the answer */
	assert_md("### Q.1 What is a closure?\n\n**A.** A function.\n\n"
	    "### Q2. How do you reverse a list?\n\n```python\nxs[::-1]\n```\n\n"
	    "**Explanation:** a slice.\n\n**Q1. What is X?**\n\n**A1.** X.\n",
	    "\tWhat is a closure?\tA function.\n"
	    "\tHow do you reverse a list?\t```python\\nxs[::-1]\\n```\\n\\n"
	    "**Explanation:** a slice.\n\tWhat is X?\tX.\n");
	/* Summaries in other languages, or after an emoji; a bold item */
	assert_md("### Q3. 違いは？\n\n<details>\n<summary>解答を見る</summary>\n\n"
	    "答え。\n\n</details>\n\n### Q4. What is X?\n\n<details>\n"
	    "<summary>💡 Answer</summary>\n\nX.\n\n</details>\n\n"
	    "## React\n\n1. **What are hooks?**\n\n   Functions.\n",
	    "\t違いは？\t答え。\n\tWhat is X?\tX.\n"
	    "react\tWhat are hooks?\tFunctions.\n");
}

/* Notes kept as an outline: topics, the questions nested under them. */
static void
an_outline_of_topics_and_questions(void **state)
{
	(void)state;
	/* A topic among questions, its own under it */
	assert_md("## Databases\n\n- Explain ACID.\n- Indexes\n"
	    "    - What is an index?\n    - When does one hurt?\n"
	    "- Explain JOIN.\n",
	    "databases\tExplain ACID.\t\n"
	    "databases,indexes\tWhat is an index?\t\n"
	    "databases,indexes\tWhen does one hurt?\t\n"
	    "databases\tExplain JOIN.\t\n");
	assert_md("## Questions\n\n- JavaScript\n  - What is a closure?\n"
	    "  - Why hoisting?\n- CSS\n  - What is the box model?\n",
	    "questions,javascript\tWhat is a closure?\t\n"
	    "questions,javascript\tWhy hoisting?\t\n"
	    "questions,css\tWhat is the box model?\t\n");
	/* Notes nested under notes stay notes. */
	assert_md("- Stack\n  - LIFO order.\n", "");
}

/* Obsidian's spaced-repetition cards, in a note tagged #flashcards. */
static void
obsidian_cards(void **state)
{
	(void)state;
	/* Logseq's and Obsidian Flashcards' #card: item, heading, line */
	assert_md("- #card What port does SSH use\n\t- Port 22.\n"
	    "- #card How to list hidden files\n  card-repeats:: 1\n"
	    "\t- ls -a\n\n## UDP header size #card\n\n- Eight bytes\n\n"
	    "What does TTL stand for? #card\nTime to live.\n",
	    "\tWhat port does SSH use\tPort 22.\n"
	    "\tHow to list hidden files\tls -a\n"
	    "\tUDP header size\t- Eight bytes\n"
	    "\tWhat does TTL stand for?\tTime to live.\n");
	assert_md("#flashcards #net\n\n## Networking\n\n"
	    "HTTPS port::443\nWhat is DNS:::Names, `a::b` kept\n\n"
	    "TCP or UDP?\n?\nTCP is reliable;\nUDP is not.\n",
	    "networking\tHTTPS port\t443\n"
	    "networking\tWhat is DNS\tNames, `a::b` kept\n"
	    "networking\tTCP or UDP?\tTCP is reliable;\\nUDP is not.\n");
	/* Without the tag, a line with "::" is text, not a card. */
	assert_md("## C++\n\nUse std::move.\n\n### What is RAII?\n\nScopes.\n",
	    "c\tWhat is RAII?\tScopes.\n");
}

/* Where the rules above stop: what they must leave alone. */
static void
the_rules_leave_alone(void **state)
{
	(void)state;
	/* HTML in indented code, and an answer that is "<br>", stay */
	assert_md("### How do you center a div?\n\nUse this:\n\n"
	    "    <div class=\"center\">\n    </div>\n\n"
	    "### What tag breaks a line?\n\n<br>\n",
	    "\tHow do you center a div?\tUse this:\\n\\n"
	    "    <div class=\"center\">\\n    </div>\n"
	    "\tWhat tag breaks a line?\t<br>\n");
	/* A task list after the answer's text is the answer's; in code, code */
	assert_md("### How do you release?\n\nRun the tests. Then:\n\n"
	    "- [x] bump the version\n- [ ] tag it\n\n"
	    "### Which is a task?\n\n- [ ] A\n  ```md\n  - [x] done\n  ```\n"
	    "- [x] B\n",
	    "\tHow do you release?\tRun the tests. Then:\\n\\n"
	    "- [x] bump the version\\n- [ ] tag it\n"
	    "\tWhich is a task?\\n- A\\n  ```md\\n  - [x] done\\n  ```"
	    "\\n- B\tB\n");
	/* A version is no count; emoji around a section's words go */
	assert_md("## Java (8)\n\n### What is a lambda?\n\nA function.\n\n"
	    "## ⭐ Basics :fire:\n\n### :question: Explain hoisting\n\n"
	    "Declarations move up.\n",
	    "java-8\tWhat is a lambda?\tA function.\n"
	    "basics\tExplain hoisting\tDeclarations move up.\n");
	/* Lettered choices in a paragraph are no "A." label */
	assert_md("### 1. What is 2+2?\nA. 3\nB. 4\n\n**Answer:** B\n",
	    "\tWhat is 2+2?\\nA. 3\\nB. 4\tB\n");
	/* A README's "See the guide:" makes no question of its section */
	assert_md("## Setup\n\nSee the guide: https://example.com\n", "");
	/* A comment under a section is no line break: not a divider */
	assert_md("## Contributing\n<!-- add more -->\n\n"
	    "## What is a closure?\n\nA function.\n",
	    "\tWhat is a closure?\tA function.\n");
}

static void
tables_with_a_question_column(void **state)
{
	(void)state;
	assert_md("## Table of Contents\n\n| No. | Questions |\n|---- | ---------\n"
	    "|1  | [What is X](#what-is-x) |\n|2  | [What is Y](#what-is-y)\n\n"
	    "## Basics\n\n| # | Question | Answer | Tags |\n"
	    "|---|----------|:-------|------|\n"
	    "| 1 | What is a key? | It names a row.<br>It is unique. | db |\n"
	    "| 2 | What does `a \\| b` do? | A pipe. | sh |\n"
	    "| 3 | Why? | | |\n\n"
	    "Term | Definition\n---- | ----------\nACID | All or nothing.\n\n"
	    "|Name|Topic|Solution|\n|--|--|--|\n| Joins | SQL | [Solution](s.md) |\n",
	    "basics,db\tWhat is a key?\tIt names a row.\\nIt is unique.\n"
	    "basics,sh\tWhat does `a | b` do?\tA pipe.\n"
	    "basics\tWhy?\t\n"
	    "basics\tACID\tAll or nothing.\n");
}

static void
code_indented_with_tabs(void **state)
{
	(void)state;
	/* Each line of the block loses the same indent, a TAB. */
	assert_md("### What is X?\n\n\tline one\n\tline two\n"
	    "\t\tdeeper\n",
	    "\tWhat is X?\tline one\\nline two\\n\\tdeeper\n");
	assert_md("- What is Y?\n\n\tcode one\n\tcode two\n",
	    "\tWhat is Y?\tcode one\\ncode two\n");
}

static void
questions_over_their_own_subquestions(void **state)
{
	(void)state;
	/* "Advantages" under a question is a part of its answer. */
	assert_md("## What is a port?\n\nA number naming an endpoint.\n\n"
	    "### Advantages\n\n- Many services per host.\n",
	    "\tWhat is a port?\tA number naming an endpoint.\\n\\n"
	    "### Advantages\\n\\n- Many services per host.\n");
	/* A question with an answer over questions: both, none lost. */
	assert_md("## What is a port?\n\nA number.\n\n"
	    "### What is a well-known port?\n\nBelow 1024.\n\n"
	    "## What is DNS?\n\nNames.\n",
	    "\tWhat is a port?\tA number.\n"
	    "what-is-a-port\tWhat is a well-known port?\tBelow 1024.\n"
	    "\tWhat is DNS?\tNames.\n");
}

static void
files_of_one_question(void **state)
{
	(void)state;
	/* The only level-1 heading asks and has an answer: no title. */
	assert_md("# What is DNS caching?\n\n## Answer\n\n"
	    "- Records kept for their TTL.\n\n## References\n\n"
	    "- [RFC](https://example.org/rfc)\n\n"
	    "## What to learn next\n\n- Resolvers.\n",
	    "\tWhat is DNS caching?\t- Records kept for their TTL.\\n\\n"
	    "## References\\n\\n- [RFC](https://example.org/rfc)\\n\\n"
	    "## What to learn next\\n\\n- Resolvers.\n");
	/* Before the only level-1 heading, a preamble: no question. */
	assert_md("## Got a question for me?\n\n# Notes\n\n## What is X?\n\nX.\n",
	    "\tWhat is X?\tX.\n");
	/* A title that does not ask stays the title. */
	assert_md("# Networking\n\n## Basics\n\n- What is a port?\n",
	    "basics\tWhat is a port?\t\n");
	/* A heading of the label alone: the text under it asks. */
	/* A label over the question's heading: no section, a question. */
	assert_md("# Quiz\n\n## Question 7\n### What does void 0 return?\n"
	    "Undefined.\n\n## Question 8\n##### Best way to detect arrays\n\n"
	    "Array.isArray.\n",
	    "\tWhat does void 0 return?\tUndefined.\n"
	    "\tBest way to detect arrays\tArray.isArray.\n");
	/* A label with no answer marker under it: all of it asks. */
	assert_md("# Question 1\n\n### **Question:**\n\n> Write a program.\n\n"
	    "---\n\n# Question 2\n\n### **Question:**\n\n> Sort a list.\n",
	    "\t> Write a program.\t\n\t> Sort a list.\t\n");
	assert_md("### Question\nWhat is a port?\n\n### Answer\n\n"
	    "A number.\n\n## Question 2\n\nWhat is TCP?\n\n"
	    "## Answer\n\nA protocol.\n",
	    "\tWhat is a port?\tA number.\n"
	    "\tWhat is TCP?\tA protocol.\n");
}

static void
bold_labels_in_an_answer(void **state)
{
	(void)state;
	assert_md("### Q1. How does as differ from a cast?\n\n**Answer:**\n"
	    "A cast throws.\n\n**Where to use:** when null is expected.\n\n"
	    "**1. Seal**:\n\nNo deletes.\n\n**Why care?**\n\nSafety.\n",
	    "\tHow does as differ from a cast?\tA cast throws.\\n\\n"
	    "**Where to use:** when null is expected.\\n\\n"
	    "**1. Seal**:\\n\\nNo deletes.\n"
	    "\tWhy care?\tSafety.\n");
}

static void
chinese_asks_without_a_mark(void **state)
{
	(void)state;
	/* 是什么 (what is), 区别 (difference), 实现 (implement) */
	assert_md("**\xe4\xba\x8b\xe4\xbb\xb6\xe6\x98\xaf"
	    "\xe4\xbb\x80\xe4\xb9\x88**\n\n- A\n\n"
	    "**fetch\xe5\x92\x8cpull\xe7\x9a\x84\xe5\x8c\xba"
	    "\xe5\x88\xab**\n\n- B\n",
	    "\t\xe4\xba\x8b\xe4\xbb\xb6\xe6\x98\xaf\xe4\xbb\x80"
	    "\xe4\xb9\x88\t- A\n"
	    "\tfetch\xe5\x92\x8cpull\xe7\x9a\x84\xe5\x8c\xba"
	    "\xe5\x88\xab\t- B\n");
	/* 问题 2： numbering is dropped, as 第 2 题： is */
	assert_md("## \xe9\x97\xae\xe9\xa2\x98 2\xef\xbc\x9aWhat?\n\nA.\n",
	    "\tWhat?\tA.\n");
	/* A list of labels ("Why it matters:") is no question list. */
	assert_md("## HTML\n\n**Semantics**\n\n- Tags say what they hold.\n"
	    "- Why it matters:\n  - Readers.\n\n## Code\n\n"
	    "- Make this work:\n\n```js\nf()\n```\n",
	    "code\tMake this work:\\n```js\\nf()\\n```\t\n");
}

static void
code_a_question_is_about(void **state)
{
	(void)state;
	/* Code first under a question about code: the question's. */
	assert_md("## 4. What does the snippet below print?\n\n"
	    "```js\nconsole.log(typeof null);\n```\n\n> object\n\n"
	    "## 5. What is a closure?\n\n```js\nfunction f() {}\n```\n\n"
	    "A function with its scope.\n\n"
	    "## 6. What is the output of this?\n\n```js\nf()\n```\n",
	    "\tWhat does the snippet below print?\\n```js\\n"
	    "console.log(typeof null);\\n```\t> object\n"
	    "\tWhat is a closure?\t```js\\nfunction f() {}\\n```\\n\\n"
	    "A function with its scope.\n"
	    "\tWhat is the output of this?\\n```js\\nf()\\n```\t\n");
}

static void
sections_of_folded_questions(void **state)
{
	(void)state;
	/* "Solution 1:" in a question's fold does not make a section one. */
	assert_md("# Ops\n\n### Level one\n\n#### Disk Questions\n\n"
	    "<details>\n<summary><b>Why is the disk full?</b></summary><br>\n\n"
	    "Solution 1:\n\nDeleted files held open.\n\n</details>\n\n"
	    "<details>\n<summary><b>What does fsck do?</b></summary><br>\n\n"
	    "Checks a filesystem.\n\n</details>\n",
	    "level-one,disk-questions\tWhy is the disk full?\tSolution 1:"
	    "\\n\\nDeleted files held open.\n"
	    "level-one,disk-questions\tWhat does fsck do?\t"
	    "Checks a filesystem.\n");
	/* "### Sort" over folded questions is their section. */
	assert_md("# Notes\n\n### Sort\n\n<details>\n"
	    "<summary>Which sort is stable?</summary><br><b>\n\n"
	    "Merge sort.\n</b></details>\n",
	    "sort\tWhich sort is stable?\tMerge sort.\n");
}

static void
numbering_written_loosely(void **state)
{
	(void)state;
	assert_md("## Basics\n\n- 1 . Why is Go fast?\n- Q2: What is a slice?\n"
	    "- 1.5 million rows?\n\n### 3 . What is a map?\n\nA hash.\n",
	    "basics\tWhy is Go fast?\t\nbasics\tWhat is a slice?\t\n"
	    "basics\t1.5 million rows?\t\nbasics\tWhat is a map?\tA hash.\n");
}

static void
html_around_folded_answers(void **state)
{
	(void)state;
	assert_md("<details>\n<summary><b>How do ext3 and xfs differ?</b>"
	    "</summary>\n<br>\n\n<b>ext3</b><br>\n\n- journaling\n\n"
	    "</details>\n\n<details>\n<summary>Why no ls?</summary><br><b>\n"
	    "</b>\n<p><b>\nPATH was lost.\n</b>\n</p>\n</details>\n\n"
	    "- <b>What did you build?</b>\n",
	    "\tHow do ext3 and xfs differ?\t<b>ext3</b><br>\\n\\n"
	    "- journaling\n\tWhy no ls?\tPATH was lost.\n"
	    "\tWhat did you build?\t\n");
	/* "#### Answer: D" heading the folded answer: its label goes */
	assert_md("- What is 1 + 1?\n\n<details><summary><b>Answer</b></summary>\n"
	    "<p>\n\n#### Answer: B\n\nTwo, says arithmetic.\n</p>\n</details>\n",
	    "\tWhat is 1 + 1?\tB\\n\\nTwo, says arithmetic.\n");
}

static void
marks_around_questions(void **state)
{
	(void)state;
	/* Difficulty marks after a question; "Answer here" is no answer. */
	assert_md("## Metrics\n\n**What is recall? \xf0\x9f\x9f\xa2**\n\n"
	    "Answer here\n\n**What is F1? \xe2\xad\x90\xef\xb8\x8f**\n\n"
	    "The harmonic mean.\n",
	    "metrics\tWhat is recall?\t\nmetrics\tWhat is F1?\t"
	    "The harmonic mean.\n");
	/* "1\\." numbering; a heading all link; contents end an answer */
	assert_md("## Arrays\n\n* 1\\. Reverse Integer\n\n"
	    "## [Difference between a thread and a process](https://a.org)\n\n"
	    "Threads share memory.\n\n### Contents\n\n"
	    "+ [What is a factory?](https://a.org/q1.md)\n",
	    "arrays\tReverse Integer\t\n"
	    "\tDifference between a thread and a process\t"
	    "Threads share memory.\n"
	    "\t[What is a factory?](https://a.org/q1.md)\t\n");
}

static void
notes_of_questions_and_answers(void **state)
{
	(void)state;
	/* Numbered questions whose answers end their lists */
	assert_md("1. What is a reducer?\n\nA pure function.\n\n"
	    "2. What is a selector?\n\nAnswer: A reader of the store.\n\n"
	    "3. What is a thunk?\n\n- A delayed dispatch.\n",
	    "\tWhat is a reducer?\tA pure function.\n"
	    "\tWhat is a selector?\tA reader of the store.\n"
	    "\tWhat is a thunk?\tA delayed dispatch.\n");
	/* Bold Q and A labels, as paragraphs, items, or on one line */
	assert_md("# Notes\n\n**Q:** Which port does SSH use?\n\n**A:** 22.\n\n"
	    "Q. What is a socket?\nA. An endpoint.\n\n## Cards\n\n"
	    "- **Q:** What does ARP resolve?\n- **A:** IP to MAC.\n"
	    "- **Q:** How do I undo?  \n  **A:** Press Z.\n",
	    "\tWhich port does SSH use?\t22.\n"
	    "\tWhat is a socket?\tAn endpoint.\n"
	    "cards\tWhat does ARP resolve?\tIP to MAC.\n"
	    "cards\tHow do I undo?\tPress Z.\n");
	/* A topic heading over its labelled question: a section */
	assert_md("### 1. OWNERSHIP\n\n**Question:** Describe a fix.\n\n"
	    "**Answer:**\n> Alerting.\n",
	    "ownership\tDescribe a fix.\t> Alerting.\n");
}

static void
tags_and_answers_tidied(void **state)
{
	(void)state;
	/* Punctuation and joined emoji are no part of a tag. */
	assert_md("# 1. Storage \xe2\x80\x94 Basics\n\n## Q1. What is a block?\n\n"
	    "A unit.\n\n# \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb"
	    " Work Style\n\n- How are tasks assigned?\n",
	    "storage-basics\tWhat is a block?\tA unit.\n"
	    "work-style\tHow are tasks assigned?\t\n");
	/* Contents in other languages; an empty fence is no answer. */
	assert_md("## \xc3\x8dndice\n\n- [B\xc3\xa1sico](#basico)\n\n"
	    "### B\xc3\xa1sico\n\n<details>\n<summary>&nbsp; What is a cache?"
	    "</summary>\n\nA store.\n\n</details>\n\n"
	    "#### Q-2 How do you retry a task?\n```text\n```\n",
	    "b\xc3\xa1sico\tWhat is a cache?\tA store.\n"
	    "b\xc3\xa1sico\tHow do you retry a task?\t\n");
}

static void
labels_of_quizzes_and_notes(void **state)
{
	(void)state;
	/* "## Question 1" over text, a "Response:" fold, "**Answer:** B" */
	assert_md("## Question 1\nWhich port does SSH use?\n\n- A. 21\n- B. 22\n\n"
	    "<details>\n<summary>Response:</summary>\n\n**Answer:** B\n\n"
	    "</details>\n",
	    "\tWhich port does SSH use?\\n\\n- A. 21\\n- B. 22\tB\n");
	/* Keycaps and "Expected Answer"; a comment in a section heading */
	assert_md("## 1\xef\xb8\x8f\xe2\x83\xa3 What is a queue?\n\n"
	    "### Expected Answer\nA FIFO buffer.\n\n# Caching <!-- id:ab12 -->"
	    "\n\n- What is a hit?\n",
	    "\tWhat is a queue?\tA FIFO buffer.\n"
	    "caching\tWhat is a hit?\t\n");
	/* Notes: no '?', most items not asking */
	assert_md("## Load balancers\n\n- Spreads traffic over targets\n"
	    "- Can terminate TLS for the backends\n"
	    "- Checks target health every minute\n", "");
}

static void
lists_in_more_languages(void **state)
{
	(void)state;
	/* Portuguese words and labels; "Como executar" is a topic */
	assert_md("## Como executar\n\nRode o build.\n\n### Pergunta 1\n"
	    "#### Sobre listas, \xc3\xa9 correto afirmar que:\nA- mut\xc3\xa1veis"
	    "\n\n<details>\n<summary>Resposta</summary>\n\nmut\xc3\xa1veis\n"
	    "</details>\n\n## Perguntas\n\n- 01. O que \xc3\xa9 heran\xc3\xa7"
	    "a?\n- 02. Explique o polimorfismo.\n",
	    "como-executar\tSobre listas, \xc3\xa9 correto afirmar que:\\n"
	    "A- mut\xc3\xa1veis\tmut\xc3\xa1veis\n"
	    "perguntas\tO que \xc3\xa9 heran\xc3\xa7" "a?\t\n"
	    "perguntas\tExplique o polimorfismo.\t\n");
	/* Vietnamese answer summary; Chinese ordinals in a section */
	assert_md("## \xe4\xb8\x80\xe3\x80\x81\xe5\x9f\xba\xe7\xa1\x80\n\n"
	    "- Why?\n\n<details><summary>\xc4\x90\xc3\xa1p \xc3\xa1n</summary>"
	    "\n\nBecause.\n\n</details>\n",
	    "\xe5\x9f\xba\xe7\xa1\x80\tWhy?\tBecause.\n");
	/* An item with a folded answer asks, whatever it says */
	assert_md("1. The numbers one to five.\n\n    <details><summary>Answer"
	    "</summary>\n\n    print(1)\n\n    </details>\n",
	    "\tThe numbers one to five.\tprint(1)\n");
	/* Metadata repeated before the answer heading; an ad ends it */
	assert_md("## Why is Redis fast?\n\n#### Type: basic\n\n#### Answer\n\n"
	    "- Memory.\n\n<script async src=\"https://ads.example/a.js\">"
	    "</script>\n\n## Which types has Redis?\n\n#### Type: basic\n\n"
	    "#### Answer\n\n- Strings.\n\n## How does Redis persist?\n\n"
	    "#### Type: basic\n\n#### Answer\n\n- RDB.\n",
	    "\tWhy is Redis fast?\\n#### Type: basic\t- Memory.\n"
	    "\tWhich types has Redis?\\n#### Type: basic\t- Strings.\n"
	    "\tHow does Redis persist?\\n#### Type: basic\t- RDB.\n");
}

static void
famous_lists_round_three(void **state)
{
	(void)state;
	/* "**1)** text" and "**1) Title**. text" are questions */
	assert_md("## Queries\n\n**1)** Count the rows.\n\n```sql\nSELECT 1;\n```"
	    "\n\n**2) Median**. Compute the median.\n\n```py\nm()\n```\n",
	    "queries\tCount the rows.\t```sql\\nSELECT 1;\\n```\n"
	    "queries\tMedian. Compute the median.\t```py\\nm()\\n```\n");
	/* Bold in numbered or plain heading questions; Pros inside answers */
	assert_md("## [Basics](https://a.org/b.html)\n\n### 1. **What is a pod?**\n\n"
	    "A unit.\n\n### **What is a node?**\n\n**Pros**\n\n* Cheap.\n",
	    "basics\tWhat is a pod?\tA unit.\n"
	    "basics\tWhat is a node?\t**Pros**\\n\\n* Cheap.\n");
	/* Reading: bare URLs, titles starting with "Design", a promotion */
	assert_md("## Notes\n\n - https://a.org/go -- the basics\n"
	    " - https://a.org/ch What do channels buy you?\n\n"
	    "**Check out my [newsletter](https://a.org/n).**\n\n"
	    "## Design Patterns\n* [Design Patterns in Go](https://a.org/p)\n"
	    "* [Design Patterns for Humans](https://a.org/h)\n", "");
}

static void
quizzes_written_out(void **state)
{
	(void)state;
	/* Choices, then code naming the right one: the answer */
	assert_md("## Quiz\n\n#### Q. Which keeps insertion order?\nA. HashSet  \n"
	    "B. LinkedHashSet  \n```\nB. LinkedHashSet\n```\n"
	    "#### Q. Which is checked?\n* IOException\n* NullPointerException\n"
	    "```\nIOException\n```\n",
	    "quiz\tWhich keeps insertion order?\\nA. HashSet\\nB. LinkedHashSet"
	    "\tB. LinkedHashSet\n"
	    "quiz\tWhich is checked?\\n* IOException\\n* NullPointerException\t"
	    "IOException\n");
	/* Bold lettered choices are no "A." answer label */
	assert_md("### Which port does HTTPS use?\n\n**A.** 21  \n**B.** 443\n\n"
	    "Answer: B\n",
	    "\tWhich port does HTTPS use?\\n**A.** 21\\n**B.** 443\tB\n");
	/* Between numbered questions, an unnumbered heading answers on */
	assert_md("### 1.What is a cache?\nA fast store.\n\n### Benefits of caching\n"
	    "- Lower latency\n\n### 2.What is a CDN?\nEdge servers.\n\n"
	    "##### Further reading\n",
	    "\tWhat is a cache?\tA fast store.\\n\\n### Benefits of caching\\n"
	    "- Lower latency\n\tWhat is a CDN?\tEdge servers.\n");
	/* A keyword or a topic in bold is no question */
	assert_md("## 2. What is the difference between WHERE and HAVING?\n\n"
	    "**WHERE** and **HAVING** both filter.\n\n## Intro\n\n**Advantages**\n"
	    "\n- Simple\n\n### What is a load balancer?\n\nTo be completed.\n",
	    "\tWhat is the difference between WHERE and HAVING?\t**WHERE** and "
	    "**HAVING** both filter.\n"
	    "intro\tWhat is a load balancer?\t\n");
}

static void
shapes_that_must_not_hurt(void **state)
{
	char *in = malloc(20000), *want = malloc(20000), *p, *q;
	int i;

	(void)state;
	/* Lists nested thousands deep after a question: no recursion */
	p = in + sprintf(in, "1. What is X?\n\n");
	q = want + sprintf(want, "\tWhat is X?\t");
	for (i = 0; i < 5000; i++) {
		p += sprintf(p, "- ");
		q += sprintf(q, "- ");
	}
	sprintf(p, "y\n");
	sprintf(q, "y\n");
	assert_md(in, want);
	free(in);
	free(want);
	/* A mark or tags alone is no card; a property line is dropped */
	assert_md("#card\n\n## #card\n\n#card #networking\n\n"
	    "## What port? #card\ncard-repeats:: 1\n\n22\n",
	    "\tWhat port?\t22\n");
	/* "Response headers" is no answer label; "Porque" no question */
	assert_md("### What is a 404?\n\nNot found.\n\n#### Response headers\n\n"
	    "- Date\n\n## Espa\xc3\xb1ol\n\n"
	    "- \xc2\xbfPor qu\xc3\xa9 usar \xc3\xadndices?\n"
	    "  - Porque aceleran.\n",
	    "\tWhat is a 404?\tNot found.\\n\\n#### Response headers\\n\\n"
	    "- Date\n"
	    "espa\xc3\xb1ol\t\xc2\xbfPor qu\xc3\xa9 usar \xc3\xadndices?\t"
	    "Porque aceleran.\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list_items_with_follow_ups_and_sections),
		cmocka_unit_test(table_of_contents_and_link_lists_are_skipped),
		cmocka_unit_test(headings_as_questions),
		cmocka_unit_test(details_blocks),
		cmocka_unit_test(answer_markers_and_front_matter),
		cmocka_unit_test(answers_inside_list_items),
		cmocka_unit_test(code_and_quotes_after_an_item),
		cmocka_unit_test(question_paragraphs),
		cmocka_unit_test(same_title_different_code_gets_different_ids),
		cmocka_unit_test(sections_end_at_a_table_of_contents),
		cmocka_unit_test(headings_without_a_space_and_anchors_in_headings),
		cmocka_unit_test(repeated_headings_are_boilerplate),
		cmocka_unit_test(numbered_questions_whose_levels_slip),
		cmocka_unit_test(details_with_blocks_in_the_summary),
		cmocka_unit_test(folded_answers_comments_and_folded_contents),
		cmocka_unit_test(notes_and_links_are_no_questions),
		cmocka_unit_test(tables_with_a_question_column),
		cmocka_unit_test(dividers_and_html_links_back_up),
		cmocka_unit_test(quiz_choices_checked_are_the_answer),
		cmocka_unit_test(shortcodes_and_counts_in_sections),
		cmocka_unit_test(questions_in_other_scripts),
		cmocka_unit_test(answers_as_public_lists_write_them),
		cmocka_unit_test(promotion_and_contents_are_no_questions),
		cmocka_unit_test(the_rules_leave_alone),
		cmocka_unit_test(questions_known_by_their_answers),
		cmocka_unit_test(an_outline_of_topics_and_questions),
		cmocka_unit_test(obsidian_cards),
		cmocka_unit_test(code_indented_with_tabs),
		cmocka_unit_test(questions_over_their_own_subquestions),
		cmocka_unit_test(files_of_one_question),
		cmocka_unit_test(bold_labels_in_an_answer),
		cmocka_unit_test(chinese_asks_without_a_mark),
		cmocka_unit_test(code_a_question_is_about),
		cmocka_unit_test(sections_of_folded_questions),
		cmocka_unit_test(numbering_written_loosely),
		cmocka_unit_test(html_around_folded_answers),
		cmocka_unit_test(marks_around_questions),
		cmocka_unit_test(notes_of_questions_and_answers),
		cmocka_unit_test(tags_and_answers_tidied),
		cmocka_unit_test(labels_of_quizzes_and_notes),
		cmocka_unit_test(lists_in_more_languages),
		cmocka_unit_test(famous_lists_round_three),
		cmocka_unit_test(quizzes_written_out),
		cmocka_unit_test(shapes_that_must_not_hurt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Markdown question lists, parsed by cmark (the CommonMark reference
 * parser) so that fences, nested lists and HTML blocks follow the spec.
 * Only the block structure comes from cmark; the text of a question is
 * the source text of its blocks (emphasis and HTML kept as written), cut
 * out by the source positions cmark gives.  The rules, in qb-list(1):
 *
 *   - a list item is a question: its first paragraph, then everything
 *     nested in it (follow-up bullets, code) as more lines of the question,
 *     up to an answer marker ("Answer:" or a <details> with an answer-like
 *     summary), which starts the answer;
 *   - a heading is a question when it reads like one (a '?' or another
 *     script's, a number, or a question word first) and has no
 *     subsections: the blocks under it are its answer (or, before an
 *     answer marker, more question);
 *   - any other heading is a section, and the sections above a question
 *     are its tags; a lone level-1 heading is the title, not a tag; a
 *     section with nothing under it (but line breaks) before a heading of
 *     its level is a divider, over the question headings of its level
 *     that follow;
 *   - <details><summary>Q</summary>A</details> is a question Q with
 *     answer A;
 *   - a quiz's choices, a task list some of whose boxes are checked, right
 *     under a question or its code, are more of the question, and the
 *     checked ones its answer;
 *   - a paragraph starting with a bold question ("**What is X?**") or
 *     with "Q:" is a question, the rest of it and the blocks after it
 *     its answer;
 *   - in a note tagged #flashcards, Obsidian's cards: "Q::A" lines, and
 *     question lines, "?", answer lines;
 *   - a GitHub table with a question column is a question a row (cmark
 *     has no tables: they are read here, from the paragraph's lines);
 *   - YAML front matter, tables of contents (lists or tables of links to
 *     #anchors), lists of links only, lists of notes (no item reads as a
 *     question), boilerplate headings repeated after every question, and
 *     paragraphs outside questions are skipped, and so are links back up
 *     at the end of an answer, in Markdown or HTML.
 *
 * Real lists bend CommonMark: "###8. Question" without the space, summaries
 * holding lists and code, answers folded in <details> under an "Answer"
 * heading.  What they meant is read, as qb-list(1) says.
 */
#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "utf8.h"

#define MAX_DEPTH	6

struct md {
	struct buf	 text;
	const char	**line;		/* line[n], 1-based, and its length */
	size_t		*len;
	size_t		 nline;
	int		 title;		/* the line of the title heading, or 0 */
	struct {
		int	 level;
		int	 divider;	/* its questions are headings of
					   its level (is_divider()) */
		char	 slug[REC_TAG_MAX + 1];
	} sect[MAX_DEPTH];
	int		 depth;
	int		 asked;		/* a question was imported */
	int		 card;		/* the question is marked #card */
	int		 labelled;	/* the line of a heading under a
					   "## Question 7" label: a question */
	int		 flashcards;	/* tagged #flashcards: Obsidian's
					   cards */
	struct buf	 scratch, q, a;
	/* The last list item, kept back for a <details> answer after it. */
	int		 held;
	int		 held_alone;	/* the only item of its numbered
					   list */
	unsigned long	 heldline;
	struct buf	 heldq, heldtags;
	/* The lines of headings repeated as boilerplate, sorted. */
	int		*boiler;
	size_t		 nboiler;
};

static int	para_question(struct md *, cmark_node *, size_t *);
static size_t	pictographs(const char *, size_t);
static size_t	dot_label(const char *, size_t);

/* memmem(), which POSIX does not have. */
static const char *find(const char *, size_t, const char *, size_t);

/*
 * Is the text all one bold run ("**Core React**", "__X__"), as a section
 * row of a contents table or a question written in bold?
 */
static int
all_bold(const char *p, size_t len)
{
	return len > 4 && (memcmp(p, "**", 2) == 0 ||
	    memcmp(p, "__", 2) == 0) && memcmp(p + len - 2, p, 2) == 0 &&
	    find(p + 2, len - 4, p, 2) == NULL;
}

static const char *
find(const char *p, size_t len, const char *s, size_t n)
{
	const char *end = p + len;

	while ((size_t)(end - p) >= n) {
		const char *c = memchr(p, s[0], (size_t)(end - p) - n + 1);

		if (c == NULL)
			return NULL;
		if (memcmp(c, s, n) == 0)
			return c;
		p = c + 1;
	}
	return NULL;
}

/*
 * Does p hold word as a word of its own, case ignored, or with "s" or
 * "ed" after it ("prints", "logged")?
 */
static int
find_word_ci(const char *p, size_t len, const char *word)
{
	size_t i, n = strlen(word), k;

	for (i = 0; i + n <= len; i++) {
		if ((i > 0 && isalnum((unsigned char)p[i - 1])) ||
		    strncasecmp(p + i, word, n) != 0)
			continue;
		k = i + n;
		if (k < len && p[k] == 's')
			k++;
		else if (k + 1 < len && p[k] == 'e' && p[k + 1] == 'd')
			k += 2;
		if (k == len || !isalpha((unsigned char)p[k]))
			return 1;
	}
	return 0;
}

static int
starts_with_ci(const char *p, size_t len, const char *word)
{
	size_t n = strlen(word);

	return len >= n && strncasecmp(p, word, n) == 0;
}

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

/* The length of the first of n words p starts with, case ignored, or 0 */
static size_t
any_prefix(const char *p, size_t len, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (starts_with_ci(p, len, words[i]))
			return strlen(words[i]);
	return 0;
}

/* ...as a word of its own: no letter or digit right after it */
static int
any_word(const char *p, size_t len, const char *const *words, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		if (starts_with_ci(p, len, words[i]) &&
		    ((k = strlen(words[i])) == len ||
		    !isalnum((unsigned char)p[k])))
			return 1;
	return 0;
}

/* Is p one of n words, case ignored? */
static int
any_equal(const char *p, size_t len, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(words[i]) == len &&
		    strncasecmp(p, words[i], len) == 0)
			return 1;
	return 0;
}

/*
 * Appends line n from byte col (0-based) on, its indent up to indent
 * columns (a TAB to the next multiple of 4, as CommonMark counts) taken
 * off, without trailing space.
 */
static void
add_line(struct buf *b, struct md *md, int n, size_t col, size_t indent)
{
	const char *p;
	size_t len, i = 0, v = 0;

	if (n < 1 || (size_t)n > md->nline)
		return;
	p = md->line[n];
	len = md->len[n];
	if (col > len)
		col = len;
	p += col;
	len -= col;
	for (; v < indent && i < len && (p[i] == ' ' || p[i] == '\t'); i++) {
		size_t next = p[i] == ' ' ? v + 1 : (v / 4 + 1) * 4;

		if (next > indent) {	/* a TAB across the indent */
			i++;
			while (indent < next--)
				buf_addc(b, ' ');
			break;
		}
		v = next;
	}
	p += i;
	len -= i;
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	buf_add(b, p, len);
}

/* The column of byte col of line n, TABs to the next multiple of 4. */
static size_t
column(struct md *md, int n, size_t col)
{
	size_t i, v = 0;

	if (n < 1 || (size_t)n > md->nline)
		return col;
	for (i = 0; i < col && i < md->len[n]; i++)
		v = md->line[n][i] == '\t' ? (v / 4 + 1) * 4 : v + 1;
	return v;
}

/*
 * Lines first..last of a block, the first from its column on, the others
 * from the same column (the same indent, in spaces or TABs).
 */
static void
add_lines(struct buf *b, struct md *md, int first, int last, size_t col)
{
	size_t indent = column(md, first, col);
	int n;

	add_line(b, md, first, col, 0);
	for (n = first + 1; n <= last; n++) {
		buf_addc(b, '\n');
		add_line(b, md, n, 0, indent);
	}
}

/*
 * The last line of a block.  cmark gives a one-line HTML block that ends
 * the document the line before its first: never less than the first.
 */
static int
end_line(cmark_node *n)
{
	int first = cmark_node_get_start_line(n);
	int last = cmark_node_get_end_line(n);

	return last < first ? first : last;
}

static size_t
col_of(cmark_node *n)
{
	int c = cmark_node_get_start_column(n);

	return c > 0 ? (size_t)c - 1 : 0;
}

/* "card-repeats:: 1": a line of a Logseq block's property */
static int
property(const char *p, size_t len)
{
	size_t i = 0, k;

	while (i < len && (p[i] == ' ' || p[i] == '\t'))
		i++;
	for (k = i; i < len && (isalnum((unsigned char)p[i]) || p[i] == '-' ||
	    p[i] == '_'); i++)
		;
	return i > k && i + 2 < len && p[i] == ':' && p[i + 1] == ':' &&
	    p[i + 2] == ' ';
}

/*
 * "#card" in a question (Logseq's and Obsidian Flashcards' mark): taken
 * out of the text; 1 when it was there.
 */
static int
card_mark(struct buf *b)
{
	size_t i;

	for (i = 0; i + 5 <= b->len; i++) {
		if (memcmp(b->p + i, "#card", 5) != 0 ||
		    (i > 0 && b->p[i - 1] != ' ') || (i + 5 < b->len &&
		    b->p[i + 5] != ' ' && b->p[i + 5] != '\n'))
			continue;
		memmove(b->p + i, b->p + i + 5, b->len - i - 5);
		b->len -= 5;
		if (i < b->len && b->p[i] == ' ')
			memmove(b->p + i, b->p + i + 1, --b->len - i);
		else if (i > 0 && b->p[i - 1] == ' ')
			memmove(b->p + i - 1, b->p + i, b->len-- - i);
		return 1;
	}
	return 0;
}

/* The inline text of a paragraph or heading: its lines, joined by a space. */
static void
add_inline(struct buf *b, struct md *md, cmark_node *n)
{
	int first = cmark_node_get_start_line(n);
	int last = end_line(n), i;
	size_t start = b->len;

	if (first < 1 || (size_t)first > md->nline)
		return;
	if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
		size_t col = col_of(n) < md->len[first] ? col_of(n) :
		    md->len[first];
		const char *p = md->line[first] + col;
		size_t len = md->len[first] - col;

		if (len > 0 && *p == '#') {	/* ATX */
			while (len > 0 && *p == '#') {
				p++;
				len--;
			}
			while (len > 0 && (*p == ' ' || *p == '\t')) {
				p++;
				len--;
			}
			while (len > 0 && (p[len - 1] == ' ' ||
			    p[len - 1] == '\t'))
				len--;
			if (len > 0 && p[len - 1] == '#') {
				size_t k = len;

				while (k > 0 && p[k - 1] == '#')
					k--;
				if (k == 0 || p[k - 1] == ' ' || p[k - 1] == '\t')
					len = k;
				while (len > 0 && (p[len - 1] == ' ' ||
				    p[len - 1] == '\t'))
					len--;
			}
			buf_add(b, p, len);
			return;
		}
		last--;		/* setext: the underline is not text */
	}
	for (i = first; i <= last; i++) {
		size_t before = b->len;

		if (i > first && property(md->line[i], md->len[i]))
			continue;	/* Logseq's "card-repeats:: 1" */
		if (b->len > start)
			buf_addc(b, ' ');
		add_line(b, md, i, i == first ? col_of(n) : 0, (size_t)-1);
		if (b->len == before + 1)
			b->len = before;
	}
}

/* Does the line at p, spaces around it aside, start and end a tag? */
static int
html_line(const char *p, const char *end)
{
	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	return end - p >= 3 && *p == '<' && end[-1] == '>';
}

/* Is the tag at p one that only lays text out ("<div align=...>", "</a>")? */
static int
layout_tag(const char *p, size_t len)
{
	static const char *const names[] = {
		"a", "b", "br", "center", "div", "i", "p", "small", "span",
		"strong", "sub", "sup",
	};
	size_t i = 1, n, k;

	if (i < len && p[i] == '/')
		i++;
	for (n = i; n < len && isalpha((unsigned char)p[n]); n++)
		;
	if (n == i || (n < len && p[n] != ' ' && p[n] != '>' && p[n] != '/'))
		return 0;
	for (k = 0; k < NITEMS(names); k++)
		if (strlen(names[k]) == n - i &&
		    strncasecmp(p + i, names[k], n - i) == 0)
			return 1;
	return 0;
}

/*
 * Where the HTML lines ending b (to its end) start, when they only link
 * back up ('<div align="right"><a href="#top">↥ back to top</a></div>')
 * or only break lines ("<br/>"): a link to an anchor and a few words, or
 * no words and no other tag than br; else b->len.
 */
static size_t
html_nav_start(const struct buf *b)
{
	size_t start = b->len, words = 0, k;
	int anchor = 0, other = 0, layout = 0, in_tag = 0, lines = 0;

	while (start > 0 && lines < 6) {
		size_t s = start - 1;

		while (s > 0 && b->p[s - 1] != '\n')
			s--;
		if (!html_line(b->p + s, b->p + start -
		    (b->p[start - 1] == '\n')))
			break;
		start = s;
		lines++;
	}
	/* Four spaces in, the first line is code, not HTML. */
	if (lines == 0 || lines == 6 || (start + 4 <= b->len &&
	    memcmp(b->p + start, "    ", 4) == 0))
		return b->len;
	for (k = start; k < b->len; k++) {
		const char *p = b->p + k;
		size_t left = b->len - k;

		if (*p == '<') {
			in_tag = 1;
			if (starts_with_ci(p, left, "<a ") &&
			    find(p, left, "href=\"#", 7) != NULL)
				anchor = 1;
			else if (!layout_tag(p, left))
				other = 1;
			else if (!starts_with_ci(p, left, "<br"))
				layout = 1;
		} else if (*p == '>')
			in_tag = 0;
		else if (!in_tag && isalnum((unsigned char)*p) &&
		    (k == start || !isalnum((unsigned char)p[-1])))
			words++;
	}
	/*
	 * A link back in a few words, or line breaks alone after the text
	 * ("<br>" alone is the answer to "What tag breaks a line?").
	 */
	if (other || (anchor ? words > 4 : words > 0 || layout || start == 0))
		return b->len;
	return start;
}

/* Drops blank lines at the end, and lines that only link back up
 * ("[Back to top](#contents)", or the same in HTML). */
static void
trim_end(struct buf *b)
{
	buf_cstr(b);		/* never a NULL pointer, even when empty */
	for (;;) {
		size_t end = b->len, start;
		const char *p;

		while (end > 0 && (b->p[end - 1] == '\n' || b->p[end - 1] == ' '))
			end--;
		b->len = end;
		start = end;
		while (start > 0 && b->p[start - 1] != '\n')
			start--;
		p = b->p + start;
		while (p < b->p + end && (*p == '*' || *p == '_' || *p == ' '))
			p++;
		if (p < b->p + end && *p == '[' &&
		    find(p, (size_t)(b->p + end - p), "](#", 3) != NULL &&
		    (b->p[end - 1] == ')' || b->p[end - 1] == '*' ||
		    b->p[end - 1] == '_')) {
			b->len = start;
			continue;
		}
		if (b->len > 0 && b->p[b->len - 1] == '>' &&
		    (start = html_nav_start(b)) < b->len) {
			b->len = start;
			continue;
		}
		/* And leading blank lines. */
		start = 0;
		while (start < b->len && (b->p[start] == '\n' || b->p[start] == ' '))
			start++;
		if (start > 0) {
			memmove(b->p, b->p + start, b->len - start);
			b->len -= start;
		}
		return;
	}
}

/*
 * Takes the indent all lines share off them (from the second line on,
 * with skip_first): "  - a\n  - b" is a list, wherever it was written.
 * Lines of white space only become empty.
 */
static void
dedent(struct buf *b, int skip_first)
{
	size_t i, o, k, start, end, min = (size_t)-1;
	int first = 1;

	buf_cstr(b);
	for (i = 0; i < b->len; i++) {
		for (start = i; i < b->len && b->p[i] != '\n'; i++)
			;
		for (k = start; k < i && b->p[k] == ' '; k++)
			;
		if (first && skip_first) {
			first = 0;
			continue;
		}
		if (k < i && b->p[k] == '\t' && strspn(b->p + k, " \t") <
		    i - k)
			min = 0;	/* a tab: columns unknown, keep all */
		else if (k < i && b->p[k] != '\t' && k - start < min)
			min = k - start;
	}
	if (min == (size_t)-1)
		min = 0;
	first = 1;
	for (i = o = 0; i < b->len; ) {
		for (start = i; i < b->len && b->p[i] != '\n'; i++)
			;
		end = i;
		for (k = start; k < end && (b->p[k] == ' ' || b->p[k] == '\t'); k++)
			;
		if (k == end)
			start = end;		/* white space only */
		else if (!(first && skip_first))
			start += min;
		memmove(b->p + o, b->p + start, end - start);
		o += end - start;
		if (i < b->len) {
			b->p[o++] = '\n';
			i++;
		}
		first = 0;
	}
	b->len = o;
}

/* Chinese labels of answers: 答案 (answer), 解析, 参考答案 (reference answer) */
#define ZH_ANSWER		"\xe7\xad\x94\xe6\xa1\x88"
#define ZH_ANALYSIS		"\xe8\xa7\xa3\xe6\x9e\x90"
#define ZH_REFERENCE_ANSWER	"\xe5\x8f\x82\xe8\x80\x83" ZH_ANSWER

/* Words that start an answer: "Answer", "Solution", "Show answer"... */
static int
answer_word(const char *p, size_t len)
{
	static const char *const words[] = {
		"answer", "ans:", "ans.", "a:", "a.", "solution",
		"explanation", "show", "click", "reveal", "view", "see the",
		ZH_ANSWER, ZH_ANALYSIS, ZH_REFERENCE_ANSWER,
		("\xe6\x9f\xa5\xe7\x9c\x8b" ZH_ANSWER),	/* see the answer */
		/* Japanese: answer, answer; Korean: answer, reply, comment */
		"\xe8\xa7\xa3\xe7\xad\x94", "\xe7\xad\x94\xe3\x81\x88",
		"\xec\xa0\x95\xeb\x8b\xb5", "\xeb\x8b\xb5\xeb\xb3\x80",
		"\xed\x95\xb4\xec\x84\xa4",
		"respuesta", "ver respuesta", "r\xc3\xa9ponse", "reponse",
		"antwort", "resposta", "risposta", "response:",
		"expected answer", "cevap", "jawaban",
		"\xc4\x90\xc3\xa1\x70\x20\xc3\xa1\x6e",	/* Đáp án */
		"\xc4\x91\xc3\xa1\x70\x20\xc3\xa1\x6e",	/* đáp án */
		"\xd0\x9e\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82",	/* Ответ */
		"\xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82",	/* ответ */
		"\xe5\x9b\x9e\xe7\xad\x94\xe4\xbe\x8b",	/* 回答例 */
	};
	size_t k;
	int emphasis = 0;

	while (len > 0 && (*p == '*' || *p == '_' || *p == ' ' || *p == '<')) {
		emphasis |= *p == '*' || *p == '_';
		if (*p == '<') {		/* <b>, <strong> */
			const char *gt = memchr(p, '>', len);

			if (gt == NULL)
				break;
			len -= (size_t)(gt - p) + 1;
			p = gt + 1;
			continue;
		}
		p++;
		len--;
	}
	k = pictographs(p, len);	/* "💡 Answer" */
	p += k;
	len -= k;
	if (len > 2 && (*p == 'A' || *p == 'a') && isdigit((unsigned char)p[1]))
		return emphasis && dot_label(p - 1, len + 1) > 0; /* "**A1." */
	return any_prefix(p, len, words, NITEMS(words)) > 0;
}

/* The length of a wrapper tag at the start (or end) of p, or 0. */
static size_t
wrapper(const char *p, size_t len, int at_end)
{
	static const char *const tags[] = {
		"<br>", "<br/>", "<br />", "<b>", "<p>", "<strong>", "<div>",
		"</b>", "</p>", "</strong>", "</div>",
	};
	size_t i, n;

	for (i = 0; i < NITEMS(tags); i++) {
		n = strlen(tags[i]);
		if (len < n || (tags[i][1] == '/') != at_end)
			continue;
		if (strncasecmp(at_end ? p + len - n : p, tags[i], n) == 0)
			return n;
	}
	/* <br> may close a block too */
	if (at_end && len >= 4 && strncasecmp(p + len - 4, "<br>", 4) == 0)
		return 4;
	return 0;
}

/* The length of the closing tag of a wrapper p starts with, or 0. */
static size_t
closing_tag(const char *p, size_t len)
{
	static const char *const tags[] = {
		"</b>", "</p>", "</strong>", "</div>",
	};

	return any_prefix(p, len, tags, NITEMS(tags));
}

static int
is_space_nl(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/*
 * The text p..*endp without the wrappers around it: white space and <br>
 * at either end; an opening <b>, <p>, <strong> or <div> whose closing
 * tag ends the text, that is never closed or that holds only white space
 * ("<br><b>\n</b>"); a closing tag at either end that nothing in the text
 * opened.  "<b>ext3</b> is..." keeps its <b>.
 */
static const char *
strip_wrappers(const char *p, const char **endp)
{
	const char *e = *endp, *q;
	char tag[16];
	size_t n;

	for (;;) {
		while (p < e && is_space_nl(*p))
			p++;
		while (e > p && is_space_nl(e[-1]))
			e--;
		if (e - p >= 6 && strncmp(p, "&nbsp;", 6) == 0) {
			p += 6;			/* "<summary>&nbsp; What..." */
			continue;
		}
		if (e - p >= 6 && strncmp(e - 6, "&nbsp;", 6) == 0) {
			e -= 6;
			continue;
		}
		if ((n = wrapper(p, (size_t)(e - p), 0)) > 0) {
			if (strncasecmp(p, "<br", 3) == 0) {
				p += n;
				continue;
			}
			snprintf(tag, sizeof(tag), "</%.*s", (int)n - 1, p + 1);
			q = find(p + n, (size_t)(e - p) - n, tag, n + 1);
			if (q == NULL || q + n + 1 == e) {
				e = q != NULL ? q : e;
				p += n;
				continue;
			}
			while (p + n < q && is_space_nl(p[n]))
				n++;
			if (p + n < q)
				break;
			p = q + strlen(tag);	/* "<b>\n</b>" */
			continue;
		}
		if ((n = closing_tag(p, (size_t)(e - p))) > 0) {
			p += n;			/* "</b>" at the start */
			continue;
		}
		if ((n = wrapper(p, (size_t)(e - p), 1)) > 0) {
			if (strncasecmp(e - n, "<br", 3) == 0) {
				e -= n;
				continue;
			}
			snprintf(tag, sizeof(tag), "<%.*s", (int)n - 2,
			    e - n + 2);
			if (find(p, (size_t)(e - p) - n, tag, n - 1) != NULL)
				break;
			e -= n;			/* closes nothing here */
			continue;
		}
		break;
	}
	*endp = e;
	return p;
}

/* Drops wrapper tags and spaces around inline text: <b>Answer</b>. */
static void
unwrap(struct buf *b)
{
	const char *end = b->p + b->len;
	const char *start = strip_wrappers(b->p, &end);

	memmove(b->p, start, (size_t)(end - start));
	b->len = (size_t)(end - start);
}

static size_t	label_end(const char *, size_t);

/*
 * "#### Answer: D" heading a folded answer (lydiahallie's quiz), or
 * "**Answer:** B" starting it: the label and its heading marks go, as a
 * paragraph's label does.
 */
static void
answer_heading(struct buf *b)
{
	size_t h = 0, k, line;
	const char *nl;

	while (h < b->len && b->p[h] == '#')
		h++;
	if (h > 6 || (h > 0 && (h >= b->len || b->p[h] != ' ')))
		return;
	h += h > 0;
	nl = memchr(b->p + h, '\n', b->len - h);
	line = nl != NULL ? (size_t)(nl - b->p) - h : b->len - h;
	if (!answer_word(b->p + h, line) || memchr(b->p + h, ':', line) ==
	    NULL || (k = label_end(b->p + h, line)) == 0 || k >= line)
		return;
	memmove(b->p, b->p + h + k, b->len - h - k);
	b->len -= h + k;
}

/* Splits <details>: the summary into sum, the rest (tags off) into body. */
static int
details(const char *p, size_t len, struct buf *sum, struct buf *body)
{
	const char *end = p + len, *s, *e, *close;

	if ((s = find(p, len, "<summary", 8)) == NULL ||
	    (s = memchr(s, '>', (size_t)(end - s))) == NULL ||
	    (e = find(s, (size_t)(end - s), "</summary>", 10)) == NULL)
		return 0;
	buf_reset(sum);
	buf_cstr(sum);
	s++;
	if (find(s, (size_t)(e - s), "\n\n", 2) != NULL ||
	    find(s, (size_t)(e - s), "```", 3) != NULL) {
		/* A summary of blocks: the question, then a list or code. */
		buf_add(sum, s, (size_t)(e - s));
		dedent(sum, 1);
		trim_end(sum);
	} else
		for (; s < e; s++)
			buf_addc(sum, *s == '\n' ? ' ' : *s);
	unwrap(sum);
	e += 10;
	close = NULL;
	for (s = e; (s = find(s, (size_t)(end - s), "</details>", 10)) != NULL;
	    s++)
		close = s;
	if (close == NULL)
		close = end;
	buf_reset(body);
	/* The wrappers lists put around an answer: <br>, <b>, <p>. */
	e = strip_wrappers(e, &close);
	/* The first line keeps its indent, to be taken off with the others'. */
	while (e > p && e[-1] == ' ')
		e--;
	if (e > p && e[-1] != '\n')
		while (e < close && *e == ' ')
			e++;
	buf_add(body, e, (size_t)(close - e));
	dedent(body, 0);
	trim_end(body);
	answer_heading(body);
	return 1;
}

static int
is_details(cmark_node *n)
{
	const char *lit;

	return cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK &&
	    (lit = cmark_node_get_literal(n)) != NULL &&
	    strstr(lit, "<details") != NULL;
}

static int
count(const char *p, size_t len, const char *s)
{
	const char *end = p + len;
	size_t n = strlen(s);
	int c = 0;

	while ((p = find(p, (size_t)(end - p), s, n)) != NULL) {
		c++;
		p += n;
	}
	return c;
}

/*
 * How many <details> the block opens, less those it closes.  A block of
 * any kind: "</details>" often ends a paragraph, as inline HTML.
 */
static int
details_depth(struct md *md, cmark_node *n)
{
	int d = 0, i;

	if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
		return 0;
	for (i = cmark_node_get_start_line(n);
	    i <= end_line(n) && (size_t)i <= md->nline; i++)
		d += count(md->line[i], md->len[i], "<details") -
		    count(md->line[i], md->len[i], "</details>");
	return d;
}

/* The last block of a <details> opened at n. */
static cmark_node *
details_end(struct md *md, cmark_node *n)
{
	int d = 0;

	for (;;) {
		cmark_node *next = cmark_node_next(n);

		d += details_depth(md, n);
		if (d <= 0 || next == NULL)
			return n;
		n = next;
	}
}

static void
text_of(struct buf *b, struct md *md, cmark_node *n)
{
	buf_reset(b);
	add_inline(b, md, n);
	buf_cstr(b);		/* never a NULL pointer, even when empty */
}

/*
 * What a heading says, without the anchors lists put in it for their
 * tables of contents: "<a name='x'>Title</a>", "[[↑]](#toc) Title".  With
 * all_tags, every HTML tag goes (for a tag made of it).
 */
static void
clean_title(struct buf *b, int all_tags)
{
	size_t i = 0, o = 0, k;

	buf_cstr(b);
	while (i < b->len) {
		const char *p = b->p + i, *end = b->p + b->len, *c;

		/* "<!-- id:ab12 -->" */
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0 && (c = find(p +
		    4, (size_t)(end - p) - 4, "-->", 3)) != NULL) {
			i = (size_t)(c - b->p) + 3;
			continue;
		}
		if (*p == '<' && i + 1 < b->len && (isalpha((unsigned char)p[1]) ||
		    p[1] == '/')) {
			const char *gt = memchr(p, '>', (size_t)(end - p));

			if (gt != NULL && (all_tags || starts_with_ci(p, (size_t)(end - p),
			    "<a ") || starts_with_ci(p, (size_t)(end - p), "</a>"))) {
				i = (size_t)(gt - b->p) + 1;
				continue;
			}
		}
		if (*p == '[') {
			/* "[↑](#toc)", "[[↑]](#toc)": a link back, no words in it */
			const char *close = find(p, (size_t)(end - p), "](#", 3);
			int words = 0;

			if (close != NULL) {
				for (k = 1; p + k < close; k++)
					if (isalnum((unsigned char)p[k]))
						words = 1;
				if (!words && (close = memchr(close, ')',
				    (size_t)(end - close))) != NULL) {
					i = (size_t)(close - b->p) + 1;
					continue;
				}
			}
		}
		b->p[o++] = b->p[i++];
	}
	b->len = o;
	for (i = 0; i < b->len && (b->p[i] == ' ' || b->p[i] == '\t'); i++)
		;
	memmove(b->p, b->p + i, b->len - i);
	b->len -= i;
	while (b->len > 0 && (b->p[b->len - 1] == ' ' || b->p[b->len - 1] == '\t'))
		b->len--;
	buf_cstr(b);
}

/* The text of a heading, for reading what it is. */
static void
heading_text(struct buf *b, struct md *md, cmark_node *n)
{
	text_of(b, md, n);
	clean_title(b, 0);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
is_boiler(struct md *md, cmark_node *n)
{
	int line = cmark_node_get_start_line(n);

	return md->nboiler > 0 && bsearch(&line, md->boiler, md->nboiler,
	    sizeof(*md->boiler), cmp_int) != NULL;
}

/*
 * Where "Ans." ("Answer.", "**A.**", "**A1.**") has its dot, or 0.  "A."
 * is a label only in bold: "A. 3" is a choice.
 */
static size_t
dot_label(const char *p, size_t len)
{
	size_t i = 0, lead;

	while (i < len && (p[i] == '*' || p[i] == '_'))
		i++;
	lead = i;
	if (i == len || (p[i] != 'A' && p[i] != 'a'))
		return 0;
	if (starts_with_ci(p + i, len - i, "answer"))
		i += 6;
	else if (starts_with_ci(p + i, len - i, "ans"))
		i += 3;
	else if (lead == 0)
		return 0;
	else
		for (i++; i < len && isdigit((unsigned char)p[i]); i++)
			;
	return i < len && p[i] == '.' ? i : 0;
}

/* Is the paragraph a label alone ("**Answer**", "Solution", "解析")? */
static int
label_alone(const char *p, size_t len)
{
	static const char *const words[] = {
		"answer", "answers", "ans", "solution", "explanation",
		ZH_ANSWER, ZH_ANALYSIS, ZH_REFERENCE_ANSWER,
	};

	while (len > 0 && (*p == '*' || *p == '_' || *p == ' ')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == '*' || p[len - 1] == '_' ||
	    p[len - 1] == ' ' || p[len - 1] == '.'))
		len--;
	return any_equal(p, len, words, NITEMS(words));
}

/*
 * Where the label of an answer paragraph ends ("**Answer:** It is",
 * "解析："): after its colon, and the emphasis closing around the label;
 * the whole paragraph for a label alone; 0 when it has none.
 */
static size_t
label_end(const char *p, size_t len)
{
	size_t colon, i, lead = 0, marks = 0, end = len < 20 ? len : 20;
	const char *nl = memchr(p, '\n', end);

	if (nl != NULL)		/* the label's line only */
		end = (size_t)(nl - p);
	for (colon = 0; colon < end; colon++)
		if (p[colon] == ':' || (end - colon >= 3 &&
		    memcmp(p + colon, "\xef\xbc\x9a", 3) == 0))
			break;
	if (colon == end && (colon = dot_label(p, len)) == 0)
		return label_alone(p, len) ? len : 0;
	while (lead < colon && (p[lead] == '*' || p[lead] == '_'))
		lead++;
	for (i = 0; i < colon; i++)
		marks += p[i] == '*' || p[i] == '_';
	i = colon + (p[colon] == ':' || p[colon] == '.' ? 1 : 3);
	/* "**Ans:** **JVM**": the two after the colon close the label. */
	for (marks = marks == lead ? lead : 0; marks > 0 && i < len &&
	    (p[i] == '*' || p[i] == '_'); marks--)
		i++;
	while (i < len && p[i] == ' ')
		i++;
	return i;
}

static size_t	choice_block(struct md *, cmark_node *);
static size_t	terms(struct md *, cmark_node *);

/* Is this block the start of an answer? */
static int
answer_marker(struct md *md, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
		if (!is_details(n))
			return 0;
		{
			struct buf sum = { 0 }, body = { 0 };
			const char *lit = cmark_node_get_literal(n);
			int yes = details(lit, strlen(lit), &sum, &body) &&
			    answer_word(sum.p, sum.len);

			if (!yes && strstr(lit, "<summary") == NULL)
				yes = 1;	/* summary further down */
			buf_free(&sum);
			buf_free(&body);
			return yes;
		}
	case CMARK_NODE_HEADING:
	case CMARK_NODE_PARAGRAPH:
		if (choice_block(md, n) > 0)
			return 0;	/* "**A.** 21", "**B.** 80": choices */
		text_of(&md->scratch, md, n);
		return answer_word(md->scratch.p, md->scratch.len) &&
		    (cmark_node_get_type(n) == CMARK_NODE_HEADING ||
		    label_end(md->scratch.p, md->scratch.len) > 0);
	default:
		return 0;
	}
}

/* The source of blocks first..last (siblings), de-indented to col. */
static void
add_blocks(struct buf *b, struct md *md, cmark_node *first, cmark_node *last)
{
	add_lines(b, md, cmark_node_get_start_line(first),
	    end_line(last), col_of(first));
}

static int	answer_item(struct md *, cmark_node *);
static int	question_strength(const char *, size_t);
static size_t	list_questions(struct md *, cmark_node *, size_t *, int);

/* The answer from a marker block to last. */
static void
add_answer(struct buf *a, struct md *md, cmark_node *m, cmark_node *last)
{
	struct buf src = { 0 }, sum = { 0 };
	size_t i;

	add_blocks(&src, md, m, last);
	buf_cstr(&src);
	if (cmark_node_get_type(m) == CMARK_NODE_LIST &&
	    cmark_node_first_child(m) == cmark_node_last_child(m) &&
	    cmark_node_get_type(cmark_node_first_child(cmark_node_first_child(
	    m))) == CMARK_NODE_PARAGRAPH) {
		/* "- A: Names to addresses.", one item: no bullet, no label */
		cmark_node *item = cmark_node_first_child(m);

		add_answer(a, md, cmark_node_first_child(item),
		    cmark_node_last_child(item));
		if (m != last) {
			buf_adds(a, "\n\n");
			add_blocks(a, md, cmark_node_next(m), last);
		}
	} else if (cmark_node_get_type(m) == CMARK_NODE_CODE_BLOCK) {
		/* prose indented as code: its text, without the indent */
		buf_adds(a, cmark_node_get_literal(m));
		dedent(a, 0);
		trim_end(a);
		if (m != last) {
			buf_adds(a, "\n\n");
			add_blocks(a, md, cmark_node_next(m), last);
		}
	} else if (is_details(m)) {
		if (!details(src.p, src.len, &sum, a))
			buf_add(a, src.p, src.len);
	} else if (cmark_node_get_type(m) == CMARK_NODE_HEADING) {
		/* "#### Answer" above a <details>: what the details hold */
		if (cmark_node_next(m) != NULL && m != last) {
			buf_reset(&src);
			add_blocks(&src, md, cmark_node_next(m), last);
			buf_cstr(&src);
			if (!is_details(cmark_node_next(m)) ||
			    !details(src.p, src.len, &sum, a))
				buf_add(a, src.p, src.len);
		}
	} else if (!answer_marker(md, m)) {
		buf_add(a, src.p, src.len);	/* a plain paragraph */
	} else {
		/* "**Answer:** text": the text after the label. */
		text_of(&md->scratch, md, m);
		if (label_alone(md->scratch.p, md->scratch.len)) {
			buf_reset(&src);
			if (m != last)
				add_blocks(&src, md, cmark_node_next(m), last);
			buf_cstr(&src);
			i = 0;
		} else
			i = label_end(src.p, src.len);
		buf_add(a, src.p + i, src.len - i);
	}
	trim_end(a);
	buf_free(&src);
	buf_free(&sum);
}

/*
 * The box a task list's item starts its text with, and text after it: 1
 * checked ("[x] b"), 0 not ("[ ] a"), -1 none.  It is 4 bytes long.
 */
static int
task_box(const char *p, size_t len)
{
	if (len < 5 || p[0] != '[' || p[2] != ']' || p[3] != ' ')
		return -1;
	if (p[1] == ' ')
		return 0;
	return p[1] == 'x' || p[1] == 'X' ? 1 : -1;
}

/*
 * The box an item of a task list starts with (task_box()), and the text
 * of its first paragraph after the box in *text.
 */
static int
item_box(struct md *md, cmark_node *item, struct buf *text)
{
	cmark_node *p = cmark_node_first_child(item);
	int checked;

	buf_reset(text);
	if (p == NULL || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
		return -1;
	add_inline(text, md, p);
	if ((checked = task_box(text->p, text->len)) >= 0) {
		memmove(text->p, text->p + 4, text->len - 4);
		text->len -= 4;
	}
	return checked;
}

/*
 * The choices of a quiz from list on: a task list, or task lists of one
 * item each followed by its choice's code ("- [ ] A", code, "- [x] B",
 * code), every item boxed, some checked and some not.  The checked ones
 * (with their code) go to right; *end is the last block of the choices.
 */
static int
choices(struct md *md, cmark_node *list, cmark_node *last, struct buf *right,
    cmark_node **end)
{
	cmark_node *n, *item;
	struct buf t = { 0 }, all = { 0 };
	size_t nright = 0, nwrong = 0;
	int box = -1;

	*end = NULL;
	for (n = list; n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK &&
		    *end != NULL && *end == cmark_node_previous(n) &&
		    cmark_node_get_type(*end) == CMARK_NODE_LIST &&
		    cmark_node_first_child(*end) ==
		    cmark_node_last_child(*end)) {
			if (box == 1) {		/* the right choice's code */
				buf_addc(&all, '\n');
				add_blocks(&all, md, n, n);
			}
			*end = n;
		} else if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
			for (item = cmark_node_first_child(n); item != NULL;
			    item = cmark_node_next(item))
				if (item_box(md, item, &t) < 0)
					break;
			if (item != NULL)
				break;
			for (item = cmark_node_first_child(n); item != NULL;
			    item = cmark_node_next(item)) {
				if ((box = item_box(md, item, &t)) == 0) {
					nwrong++;
					continue;
				}
				if (nright++ > 0)
					buf_addc(&all, '\n');
				buf_adds(&all, "- ");
				buf_add(&all, t.p, t.len);
			}
			*end = n;
		} else
			break;
		if (n == last)
			break;
	}
	buf_free(&t);
	if (*end == NULL || nright == 0 || nwrong == 0) {
		buf_free(&all);
		return 0;
	}
	buf_reset(right);
	/* One right choice stands alone, without its bullet. */
	buf_add(right, all.p + (nright == 1 ? 2 : 0), all.len -
	    (nright == 1 ? 2 : 0));
	buf_free(&all);
	return 1;
}

/* Where a list item's box would be on the line at i: after its marker. */
static size_t
after_marker(const struct buf *b, size_t i)
{
	size_t k = i;

	while (k < b->len && b->p[k] == ' ')
		k++;
	if (k < b->len && (b->p[k] == '-' || b->p[k] == '*' || b->p[k] == '+'))
		k++;
	else {
		size_t digits = k;

		while (k < b->len && isdigit((unsigned char)b->p[k]))
			k++;
		if (k == digits || k == b->len || (b->p[k] != '.' &&
		    b->p[k] != ')'))
			return b->len;
		k++;
	}
	while (k < b->len && b->p[k] == ' ')
		k++;
	return k;
}

/*
 * Takes the boxes off the items of a task list, written as lines from
 * its first line on: off the lines where its items start, not off code.
 */
static void
unbox(struct buf *b, cmark_node *list)
{
	size_t i = 0, o = 0, k;
	int line = cmark_node_get_start_line(list);
	cmark_node *item = cmark_node_first_child(list);

	for (; i < b->len; line++) {
		while (item != NULL && cmark_node_get_start_line(item) < line)
			item = cmark_node_next(item);
		k = item != NULL && cmark_node_get_start_line(item) == line ?
		    after_marker(b, i) : b->len;
		if (task_box(b->p + k, b->len - k) >= 0) {
			for (; i < k; i++)
				b->p[o++] = b->p[i];
			i += 4;
		}
		while (i < b->len && b->p[i] != '\n')
			b->p[o++] = b->p[i++];
		if (i < b->len)
			b->p[o++] = b->p[i++];	/* the LF */
	}
	b->len = o;
}

/*
 * A quiz question (choices() among its blocks, before any answer
 * marker): the blocks up to the choices are question, the choices less
 * their boxes too; the right ones are the answer, and what follows them
 * ("[Reference](...)", an explanation) more of it.  0: no choices.
 */
static int
add_quiz(struct md *md, cmark_node *first, cmark_node *list,
    cmark_node *last)
{
	struct buf right = { 0 }, rest = { 0 };
	size_t before = md->q.len;
	cmark_node *n, *end;

	if (!choices(md, list, last, &right, &end)) {
		buf_free(&right);
		return 0;
	}
	buf_addc(&md->q, '\n');
	if (first != list) {
		add_blocks(&md->q, md, first, cmark_node_previous(list));
		buf_adds(&md->q, "\n\n");
	}
	/* The boxes of the lists' lines, not of code before or among them. */
	for (n = list; ; n = cmark_node_next(n)) {
		if (n != list)
			buf_adds(&md->q, "\n\n");
		buf_reset(&rest);
		add_blocks(&rest, md, n, n);
		buf_cstr(&rest);
		if (cmark_node_get_type(n) == CMARK_NODE_LIST)
			unbox(&rest, n);
		trim_end(&rest);
		buf_add(&md->q, rest.p, rest.len);
		if (n == end)
			break;
	}
	buf_reset(&rest);
	trim_end(&md->q);
	if (md->q.len == before + 1)
		md->q.len = before;
	buf_reset(&md->a);
	buf_add(&md->a, right.p, right.len);
	if (end != last) {
		if (answer_marker(md, cmark_node_next(end)))
			add_answer(&rest, md, cmark_node_next(end), last);
		else
			add_blocks(&rest, md, cmark_node_next(end), last);
		trim_end(&rest);
		if (rest.len > 0) {
			buf_adds(&md->a, "\n\n");
			buf_add(&md->a, rest.p, rest.len);
		}
	}
	buf_free(&right);
	buf_free(&rest);
	return 1;
}

/* A paragraph of inline code alone ("`enabled: yes`") */
static int
code_para(cmark_node *n)
{
	cmark_node *c;
	int code = 0;

	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return 0;
	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_CODE:
			code = 1;
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			break;
		default:
			return 0;
		}
	return code;
}

/* Is the block a paragraph that shows an image ("![Q6](q6.png)")? */
static int
is_image(struct md *md, cmark_node *n)
{
	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return 0;
	text_of(&md->scratch, md, n);
	return starts_with_ci(md->scratch.p, md->scratch.len, "![");
}

/*
 * An "Explanation:" paragraph: it follows the answer, so the blocks before
 * it are not the question's ("Answer:" after code claims it for the
 * question: "What's the output?").
 */
static int
explains(struct md *md, cmark_node *n)
{
	size_t k;

	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return 0;
	text_of(&md->scratch, md, n);
	for (k = 0; k < md->scratch.len && (md->scratch.p[k] == '*' ||
	    md->scratch.p[k] == '_'); k++)
		;
	return starts_with_ci(md->scratch.p + k, md->scratch.len - k,
	    "explanation");
}

/*
 * "What will be the output of the following code?", "Write a mul
 * function as below": a question about the code that comes with it.
 */
static int
asks_of_code(const char *p, size_t len)
{
	static const char *const words[] = {
		"output", "following", "below", "snippet", "this code",
		"print", "log", "return", "result", "evaluate",
	};
	size_t i;

	for (i = 0; i < NITEMS(words); i++)
		if (find_word_ci(p, len, words[i]))
			return 1;
	return 0;
}

/* The block after the code that starts first..last; NULL: all code. */
static cmark_node *
after_code(cmark_node *first, cmark_node *last)
{
	cmark_node *n;

	for (n = first; n != last && cmark_node_get_type(n) ==
	    CMARK_NODE_CODE_BLOCK; n = cmark_node_next(n))
		;
	return cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK ? n : NULL;
}

/* "A. 21", "b) 22": a quiz's choice */
static int
choice(const char *p, size_t len)
{
	return len > 2 && isalpha((unsigned char)p[0]) &&
	    (p[1] == '.' || p[1] == ')' || p[1] == ':') && p[2] == ' ';
}

/*
 * A list nested under a question in an item that answers it: one item
 * with an answer marker ("- A: Names to addresses."), or items none of
 * which asks nor is a quiz's choice ("- Names to addresses.").  Questions
 * nested there are follow-ups, and choices are the question's.
 */
static int
answers_list(struct md *md, cmark_node *list)
{
	cmark_node *item, *p;
	size_t q;

	if (cmark_node_get_type(list) != CMARK_NODE_LIST ||
	    (!md->card && question_strength(md->q.p, md->q.len) < 2))
		return 0;
	item = cmark_node_first_child(list);
	if (cmark_node_next(item) == NULL && answer_item(md, item))
		return 1;
	for (; item != NULL; item = cmark_node_next(item)) {
		if ((p = cmark_node_first_child(item)) == NULL ||
		    cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
			return 0;
		text_of(&md->scratch, md, p);
		if (choice(md->scratch.p, md->scratch.len) ||
		    task_box(md->scratch.p, md->scratch.len) >= 0)
			return 0;
	}
	return list_questions(md, list, &q, 0) == 0;
}

/*
 * An indented code block of sentences, in an item: an answer indented as
 * Chinese lists indent theirs ("\t\tIt tells the browser...").  Fenced
 * code stays code.
 */
static int
prose_block(struct md *md, cmark_node *n)
{
	const char *p;
	size_t len, i, words = 0;
	int line = cmark_node_get_start_line(n);

	if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK ||
	    line < 1 || (size_t)line > md->nline ||
	    (p = cmark_node_get_literal(n)) == NULL)
		return 0;
	for (i = 0; i < md->len[line] && (md->line[line][i] == ' ' ||
	    md->line[line][i] == '\t'); i++)
		;
	if (i + 3 <= md->len[line] && (memcmp(md->line[line] + i, "```",
	    3) == 0 || memcmp(md->line[line] + i, "~~~", 3) == 0))
		return 0;		/* fenced */
	len = strlen(p);
	while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == ' '))
		len--;
	for (i = 0; i < len; i++) {
		if (strchr("={}<>`$|&^~@\\", p[i]) != NULL || (p[i] == ';' &&
		    (i + 1 == len || p[i + 1] == '\n')))
			return 0;	/* code */
		words += p[i] == ' ';
	}
	return len > 0 && (words >= 3 || (unsigned char)p[0] >= 0x80);
}

/* "A. 21" or "**A.** 21" or "b) 80": a line of a lettered choice */
static int
choice_line(const char *p, size_t len)
{
	size_t i = 0;

	while (i < len && (p[i] == ' ' || p[i] == '*' || p[i] == '_'))
		i++;
	if (i + 1 >= len || !isalpha((unsigned char)p[i]) ||
	    (p[i + 1] != '.' && p[i + 1] != ')'))
		return 0;
	for (i += 2; i < len && (p[i] == '*' || p[i] == '_'); i++)
		;
	return i < len && p[i] == ' ';
}

/*
 * Choices written out ("A. HashSet" and the like on lines of one
 * paragraph, or a list of a few short items not asking): their number, or 0.
 */
static size_t
choice_block(struct md *md, cmark_node *n)
{
	size_t k = 0;
	int i;

	if (cmark_node_get_type(n) == CMARK_NODE_LIST)
		return list_questions(md, n, &k, 0) == 0 && k >= 2 &&
		    terms(md, n) == k ? k : 0;
	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return 0;
	for (i = cmark_node_get_start_line(n); i <= end_line(n) &&
	    (size_t)i <= md->nline; i++, k++)
		if (!choice_line(md->line[i], md->len[i]))
			return 0;
	return k >= 2 ? k : 0;
}

/* Is code, a line, one of the choices' lines, or the text of one? */
static int
names_choice(const char *p, size_t len, const char *code, size_t n)
{
	const char *end = p + len, *nl, *s, *e;

	if (memchr(code, '\n', n) != NULL)
		return 0;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		/* "- IOException": the line without its bullet */
		for (s = p; s < nl && *s != '\0' && strchr(" -*+_", *s) != NULL;
		    s++)
			;
		for (e = nl; e > s && (e[-1] == ' ' || e[-1] == '*'); e--)
			;
		if ((size_t)(e - s) == n && memcmp(s, code, n) == 0)
			return 1;
		if (nl == end)
			break;
	}
	return 0;
}

/*
 * A quiz written out: choices (after the question's code, if any), then
 * a code block that gives the right one ("```\nB. LinkedHashSet\n```",
 * "Answer: C" fenced): that block starts the answer.
 */
static cmark_node *
answer_code(struct md *md, cmark_node *first, cmark_node *last)
{
	cmark_node *n = first, *choices;
	const char *code;
	size_t len;

	while (n != last && cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
		n = cmark_node_next(n);
	if (n == last || choice_block(md, n) == 0)
		return NULL;
	choices = n;
	n = cmark_node_next(n);
	if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK ||
	    (code = cmark_node_get_literal(n)) == NULL)
		return NULL;
	/* the code names a choice, or says it is the answer */
	len = strlen(code);
	while (len > 0 && isspace((unsigned char)code[len - 1]))
		len--;
	if (len == 0)
		return NULL;
	if (starts_with_ci(code, len, "answer"))
		return n;
	buf_reset(&md->scratch);
	add_blocks(&md->scratch, md, choices, choices);
	buf_cstr(&md->scratch);
	return names_choice(md->scratch.p, md->scratch.len, code, len) ?
	    n : NULL;
}

/*
 * A question from blocks: the question text already in md->q, then the
 * blocks first..last: question until an answer marker, answer from it on.
 * In a list item (as_answer 0) a paragraph or quote after the first also
 * starts the answer: code and nested lists before it are question.
 * With as_answer the blocks before a marker are the answer when there is
 * no marker (the body of a heading).
 */
static void
add_body(struct md *md, cmark_node *first, cmark_node *last, int as_answer)
{
	cmark_node *n, *m = NULL;
	int quiz = 1;

	buf_reset(&md->a);
	if (first == NULL)
		return;
	for (n = first; ; n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);

		if ((answer_marker(md, n) && !(as_answer && n != first &&
		    explains(md, n))) || (!as_answer &&
		    (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_BLOCK_QUOTE ||
		    (prose_block(md, n) && !asks_of_code(md->q.p,
		    md->q.len)) || answers_list(md, n)))) {
			m = n;
			break;
		}
		if (t == CMARK_NODE_LIST && quiz &&
		    add_quiz(md, first, n, last))
			return;
		if (n == last)
			break;
		/* Choices come right after the question, its code or image. */
		if (t != CMARK_NODE_CODE_BLOCK && !is_image(md, n) &&
		    !code_para(n))
			quiz = 0;
	}
	if (m == NULL && as_answer)
		m = answer_code(md, first, last);
	/* Under a question about it, code first is the question's. */
	if (m == NULL && as_answer && cmark_node_get_type(first) ==
	    CMARK_NODE_CODE_BLOCK && asks_of_code(md->q.p, md->q.len) &&
	    (m = after_code(first, last)) == NULL)
		as_answer = 0;
	if (m == NULL && as_answer) {
		add_blocks(&md->a, md, first, last);
		trim_end(&md->a);
		return;
	}
	if (m != first) {
		size_t before = md->q.len;

		buf_addc(&md->q, '\n');
		add_blocks(&md->q, md, first, m != NULL ?
		    cmark_node_previous(m) : last);
		trim_end(&md->q);
		if (md->q.len == before + 1)
			md->q.len = before;
	}
	if (m != NULL)
		add_answer(&md->a, md, m, last);
}

/* The text after a question in its own paragraph starts the answer. */
static void
answer_after(struct md *md, struct buf *rest)
{
	size_t i = 0, k;

	while (i < rest->len && (rest->p[i] == ' ' || rest->p[i] == ':'))
		i++;
	/* "**A:** Press Z." after the question on its line */
	if (i < rest->len && answer_word(rest->p + i, rest->len - i) &&
	    (k = label_end(rest->p + i, rest->len - i)) > 0 &&
	    k < rest->len - i)
		i += k;
	if (i < rest->len) {
		struct buf a = { 0 };

		buf_add(&a, rest->p + i, rest->len - i);
		if (md->a.len > 0)
			buf_adds(&a, "\n\n");
		buf_add(&a, md->a.p, md->a.len);
		buf_reset(&md->a);
		buf_add(&md->a, a.p, a.len);
		buf_free(&a);
	}
	buf_free(rest);
}

static void
section_tags(struct import *imp, struct md *md)
{
	int i;

	for (i = 0; i < md->depth; i++)
		if (md->sect[i].slug[0] != '\0')
			import_add_tags(imp, md->sect[i].slug,
			    strlen(md->sect[i].slug));
}

/*
 * HTML comments on lines of their own are notes to a list's editors, not
 * text; one saying "tags: (javascript)" names the question's tags.
 */
static void
strip_comments(struct import *imp, struct buf *b)
{
	size_t i = 0, o = 0, start, end, k;
	int fence = 0, skip_blank = 0;

	buf_cstr(b);
	while (i < b->len) {
		for (start = i; i < b->len && b->p[i] != '\n'; i++)
			;
		end = i;
		if (i < b->len)
			i++;
		for (k = start; k < end && (b->p[k] == ' ' || b->p[k] == '\t'); k++)
			;
		if (end - k >= 3 && (strncmp(b->p + k, "```", 3) == 0 ||
		    strncmp(b->p + k, "~~~", 3) == 0))
			fence = !fence;
		if (!fence && end - k >= 7 && strncmp(b->p + k, "<!--", 4) == 0 &&
		    strncmp(b->p + end - 3, "-->", 3) == 0) {
			char *c = b->p + k + 4, *ce = b->p + end - 3, *t;

			while (c < ce && *c == ' ')
				c++;
			if (starts_with_ci(c, (size_t)(ce - c), "tags:")) {
				for (t = c + 5; t < ce; t++)
					if (*t == '(' || *t == ')')
						*t = ' ';
				import_add_tags(imp, c + 5, (size_t)(ce - c - 5));
			}
			/* and the blank line after it, if one is before it */
			skip_blank = o == 0 || (o >= 2 && b->p[o - 1] == '\n' &&
			    b->p[o - 2] == '\n');
			continue;
		}
		if (skip_blank && k == end) {
			skip_blank = 0;
			continue;
		}
		skip_blank = 0;
		memmove(b->p + o, b->p + start, i - start);
		o += i - start;
	}
	b->len = o;
	trim_end(b);
}

/* The bytes of pictographs and spaces that end p: "What is X? 🟢" */
static size_t
trailing_pictographs(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t n = len;

	for (;;) {
		if (n > 0 && u[n - 1] == ' ')
			n--;
		else if (n >= 4 && u[n - 4] == 0xf0 && u[n - 3] == 0x9f)
			n -= 4;
		else if (n >= 3 && ((u[n - 3] == 0xe2 && ((u[n - 2] >= 0x98 &&
		    u[n - 2] <= 0x9e) || (u[n - 2] >= 0xac &&
		    u[n - 2] <= 0xaf))) || memcmp(p + n - 3, "\xef\xb8\x8f",
		    3) == 0 || memcmp(p + n - 3, "\xe2\x80\x8d", 3) == 0))
			n -= 3;
		else
			break;
	}
	return n > 0 && n < len && u[n] == ' ' ? len - n : 0;
}

/* "Answer here", "TODO": an answer not written yet */
static int
placeholder(const char *p, size_t len)
{
	static const char *const words[] = {
		"answer here", "todo", "tbd", "to do", "coming soon",
		"to be completed", "to be added", "will be added", "wip",
	};

	while (len > 0 && (p[len - 1] == '.' || p[len - 1] == ' '))
		len--;
	return any_equal(p, len, words, NITEMS(words));
}

/* "```text\n```": a code block left to fill in */
static int
empty_fence(const char *p, size_t len)
{
	const char *nl, *q;

	if (len < 6 || (memcmp(p, "```", 3) != 0 && memcmp(p, "~~~", 3) != 0) ||
	    (nl = memchr(p, '\n', len)) == NULL || p + len - nl - 1 < 3)
		return 0;
	for (q = nl + 1; q < p + len; q++)
		if (*q != *p)
			return 0;
	return 1;
}

/* Logseq's property lines ("card-repeats:: 1") out of a text */
static void
drop_properties(struct buf *b)
{
	size_t i = 0, o = 0, end;

	while (i < b->len) {
		const char *nl = memchr(b->p + i, '\n', b->len - i);

		end = nl != NULL ? (size_t)(nl - b->p) + 1 : b->len;
		if (!property(b->p + i, end - i)) {
			memmove(b->p + o, b->p + i, end - i);
			o += end - i;
		}
		i = end;
	}
	b->len = o;
	while (b->len > 0 && b->p[b->len - 1] == '\n')
		b->len--;
	for (i = 0; i < b->len && b->p[i] == '\n'; i++)
		;
	memmove(b->p, b->p + i, b->len - i);
	b->len -= i;
}

/* "##### Further reading" with nothing under it, ending an answer */
static void
drop_empty_heading(struct buf *a)
{
	size_t i = a->len, k;

	while (i > 0 && a->p[i - 1] != '\n')
		i--;
	if (i < 2 || a->p[i - 2] != '\n' || i >= a->len || a->p[i] != '#')
		return;
	for (k = i; k < a->len && a->p[k] == '#'; k++)
		;
	if (k - i > 6 || k >= a->len || a->p[k] != ' ')
		return;
	a->len = i;
	while (a->len > 0 && a->p[a->len - 1] == '\n')
		a->len--;
}

/* Hands the record in imp's buffers on. */
static void
md_emit(struct import *imp, struct md *md, unsigned long line)
{
	struct buf *q = &imp->question;
	const char *nl;
	size_t first, k;

	md->asked = 1;
	strip_comments(imp, q);
	strip_comments(imp, &imp->answer);
	/* Difficulty marks after the question's first line */
	nl = q->len > 0 ? memchr(q->p, '\n', q->len) : NULL;
	first = nl != NULL ? (size_t)(nl - q->p) : q->len;
	if (first > 0 && (k = trailing_pictographs(q->p, first)) > 0) {
		memmove(q->p + first - k, q->p + first, q->len - first);
		q->len -= k;
	}
	if (placeholder(imp->answer.p, imp->answer.len) ||
	    empty_fence(imp->answer.p, imp->answer.len))
		buf_reset(&imp->answer);
	drop_empty_heading(&imp->answer);
	drop_properties(&imp->answer);
	import_emit(imp, line);
}

static void
release(struct import *imp, struct md *md)
{
	if (!md->held)
		return;
	md->held = 0;
	import_clear(imp);
	buf_add(&imp->question, md->heldq.p, md->heldq.len);
	buf_add(&imp->tags, md->heldtags.p, md->heldtags.len);
	md_emit(imp, md, md->heldline);
}

/*
 * After the last item of a list: a code block not indented into the item
 * is more of its question, a quote below it is its answer ("> It is...").
 */
static void
after_item(struct import *imp, struct md *md, cmark_node *n)
{
	struct buf a = { 0 };
	int i;

	if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK) {
		buf_addc(&md->heldq, '\n');
		add_blocks(&md->heldq, md, n, n);
		return;
	}
	for (i = cmark_node_get_start_line(n); i <= end_line(n) &&
	    (size_t)i <= md->nline; i++) {
		const char *p = md->line[i];
		size_t len = md->len[i], k = 0;

		while (k < len && k < 3 && p[k] == ' ')
			k++;
		if (k < len && p[k] == '>')
			k++;
		if (k < len && p[k] == ' ')
			k++;
		if (a.len > 0)
			buf_addc(&a, '\n');
		buf_add(&a, p + k, len - k);
	}
	trim_end(&a);
	md->held = 0;
	import_clear(imp);
	buf_add(&imp->question, md->heldq.p, md->heldq.len);
	buf_add(&imp->tags, md->heldtags.p, md->heldtags.len);
	buf_add(&imp->answer, a.p, a.len);
	md_emit(imp, md, md->heldline);
	buf_free(&a);
}

static void
emit(struct import *imp, struct md *md, unsigned long line)
{
	release(imp, md);
	import_clear(imp);
	section_tags(imp, md);
	trim_end(&md->q);
	buf_add(&imp->question, md->q.p, md->q.len);
	buf_add(&imp->answer, md->a.p, md->a.len);
	md_emit(imp, md, line);
}

/* A GitHub emoji shortcode at p (":small_orange_diamond:"): its length. */
static size_t
shortcode(const char *p, size_t len)
{
	size_t i = 1;
	int letter = 0;

	if (len < 3 || p[0] != ':')
		return 0;
	if (len >= 4 && (p[1] == '+' || p[1] == '-') && p[2] == '1' &&
	    p[3] == ':')
		return 4;		/* :+1: and :-1:, the letterless ones */
	for (; i < len && i < 48; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == ':')
			return letter ? i + 1 : 0;
		if (!isalnum(c) && c != '_' && c != '+' && c != '-')
			return 0;
		letter |= isalpha(c) != 0;
	}
	return 0;
}

/* A keycap: a digit, VS16 maybe, and U+20E3 ("1️⃣") */
static size_t
keycap(const char *p, size_t len)
{
	size_t k = 1;

	if (len < 4 || !isdigit((unsigned char)p[0]))
		return 0;
	if (len >= 7 && memcmp(p + 1, "\xef\xb8\x8f", 3) == 0)
		k += 3;
	return len - k >= 3 && memcmp(p + k, "\xe2\x83\xa3", 3) == 0 ?
	    k + 3 : 0;
}

/*
 * Pictographs before a title ("🔹 1. What is..."): U+1F000 to U+1FFFF,
 * and emoji written as shortcodes (":diamond_shape_with_a_dot_inside:").
 */
static size_t
pictographs(const char *p, size_t len)
{
	size_t i = 0, k;

	for (;;) {
		if (i + 4 <= len && (unsigned char)p[i] == 0xf0 &&
		    (unsigned char)p[i + 1] == 0x9f)
			i += 4;
		/* U+2600 to U+27BF and U+2B00 to U+2BFF (⭐), and VS16 */
		else if (i + 3 <= len && (((unsigned char)p[i] == 0xe2 &&
		    (((unsigned char)p[i + 1] >= 0x98 &&
		    (unsigned char)p[i + 1] <= 0x9e) ||
		    ((unsigned char)p[i + 1] >= 0xac &&
		    (unsigned char)p[i + 1] <= 0xaf))) ||
		    memcmp(p + i, "\xef\xb8\x8f", 3) == 0 ||
		    memcmp(p + i, "\xe2\x80\x8d", 3) == 0))	/* ZWJ */
			i += 3;
		else if ((k = shortcode(p + i, len - i)) > 0)
			i += k;
		else if ((k = keycap(p + i, len - i)) > 0)
			i += k;		/* "1️⃣" */
		else if (i < len && p[i] == ' ' && i > 0)
			i++;
		else
			return i;
	}
}

/* The length of the UTF-8 bytes s at p, or 0 when p does not start so. */
static size_t
starts_utf8(const char *p, size_t len, const char *s)
{
	size_t n = strlen(s);

	return len >= n && memcmp(p, s, n) == 0 ? n : 0;
}

/* "一、", "(二) ", "（三）": Chinese numerals numbering a title */
static size_t
cjk_ordinal(const char *p, size_t len)
{
	static const char numerals[] =
	    "\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89\xe5\x9b\x9b"
	    "\xe4\xba\x94\xe5\x85\xad\xe4\xb8\x83\xe5\x85\xab"
	    "\xe4\xb9\x9d\xe5\x8d\x81\xe7\x99\xbe";	/* 一..十, 百 */
	size_t i = 0, k, n = 0;
	int paren = 0;

	if ((k = starts_utf8(p, len, "(")) > 0 ||
	    (k = starts_utf8(p, len, "\xef\xbc\x88")) > 0) {
		i += k;
		paren = 1;
	}
	for (; i + 3 <= len; i += 3, n++) {
		for (k = 0; k + 3 <= sizeof(numerals) - 1; k += 3)
			if (memcmp(p + i, numerals + k, 3) == 0)
				break;
		if (k + 3 > sizeof(numerals) - 1)
			break;
	}
	if (n == 0)
		return 0;
	if (paren && ((k = starts_utf8(p + i, len - i, ")")) > 0 ||
	    (k = starts_utf8(p + i, len - i, "\xef\xbc\x89")) > 0))
		i += k;
	else if (!paren && (k = starts_utf8(p + i, len - i,
	    "\xe3\x80\x81")) > 0)
		i += k;			/* 、 */
	else
		return 0;
	while (i < len && p[i] == ' ')
		i++;
	return i < len ? i : 0;
}

/* "第 1 题：" (Chinese for "question 1:") before a question, or 0. */
static size_t
numbering_cjk(const char *p, size_t len)
{
	size_t i, digits, k;
	int nth = 1;

	if ((i = cjk_ordinal(p, len)) > 0)
		return i;
	/* 第 3 题, or 问题 3 */
	if ((i = starts_utf8(p, len, "\xe7\xac\xac")) == 0) {
		if ((i = starts_utf8(p, len, "\xe9\x97\xae\xe9\xa2\x98")) == 0)
			return 0;
		nth = 0;
	}
	while (i < len && p[i] == ' ')
		i++;
	for (digits = i; i < len && isdigit((unsigned char)p[i]); i++)
		;
	if (i == digits)
		return 0;
	while (i < len && p[i] == ' ')
		i++;
	/* 题 */
	if (nth && (k = starts_utf8(p + i, len - i, "\xe9\xa2\x98")) == 0)
		return 0;
	if (nth)
		i += k;
	/* ：or 、 */
	if ((k = starts_utf8(p + i, len - i, "\xef\xbc\x9a")) > 0 ||
	    (k = starts_utf8(p + i, len - i, "\xe3\x80\x81")) > 0)
		i += k;
	else if (i < len && (p[i] == ':' || p[i] == '.'))
		i++;
	while (i < len && p[i] == ' ')
		i++;
	return i < len ? i : 0;
}

/*
 * Numbering before a question: "1.", "12)", "Q1:", "Q.", "Question 3:",
 * "第 3 题：".
 */
static size_t
numbering(const char *p, size_t len)
{
	size_t i = 0, j;

	if (len == 0)
		return 0;
	while (i < len && (p[i] == '*' || p[i] == '_'))
		i++;
	if ((j = numbering_cjk(p + i, len - i)) > 0)
		return i + j;
	/* "Q.3 What...", "Q-3 ", "Q#3 " */
	if (len - i > 3 && (p[i] == 'Q' || p[i] == 'q') && (p[i + 1] == '.' ||
	    p[i + 1] == '-' || p[i + 1] == '#') &&
	    isdigit((unsigned char)p[i + 2])) {
		for (j = i + 2; j < len && isdigit((unsigned char)p[j]); j++)
			;
		if (j < len && (p[j] == ' ' || p[j] == '.' || p[j] == ':' ||
		    p[j] == ')')) {
			for (j++; j < len && p[j] == ' '; j++)
				;
			return j < len ? j : 0;
		}
	}
	j = i;
	if (starts_with_ci(p + i, len - i, "question"))
		i += 8;
	else if (i < len && (p[i] == 'Q' || p[i] == 'q'))
		i++;
	while (i < len && p[i] == ' ')
		i++;
	while (i < len && isdigit((unsigned char)p[i]))
		i++;
	/* "4**." marks a hard one; "1 . Why..." has a space */
	if (i > j && isdigit((unsigned char)p[i - 1])) {
		size_t k = i;

		while (k < len && (p[k] == '*' || p[k] == '_' || p[k] == ' '))
			k++;
		if (k < len && (p[k] == '.' || p[k] == ')'))
			i = k;
	}
	if (i > j && i + 1 < len && p[i] == '\\' && p[i + 1] == '.')
		i++;			/* "1\. Two Sum": the dot escaped */
	if (i == j || i >= len || (p[i] != '.' && p[i] != ')' && p[i] != ':'))
		return 0;
	/* "1.5 million rows?", "3:30": a number, not numbering */
	if (i + 1 < len && isdigit((unsigned char)p[i + 1]))
		return 0;
	if (i > j + 1 && !isdigit((unsigned char)p[i - 1]) &&
	    (p[j] == 'q' || p[j] == 'Q') && i - j > 1 && p[i] != '.' &&
	    p[i] != ':')
		return 0;
	i++;
	while (i < len && (p[i] == ' ' || p[i] == '*' || p[i] == '_'))
		i++;
	return i < len ? i : 0;
}

/* Is the title numbered ("1. What...", "🔹 Q3: Why...")? */
static int
is_numbered(const char *p, size_t len)
{
	size_t k = pictographs(p, len);

	return numbering(p + k, len - k) > 0;
}

/* The number of a numbered title ("## Q12. What..." 12), or 0. */
static long
title_number(const char *p, size_t len)
{
	size_t k = pictographs(p, len), n = numbering(p + k, len - k), i;
	long v = 0;

	if (n == 0)
		return 0;
	for (i = k; i < k + n && !isdigit((unsigned char)p[i]); i++)
		;
	for (; i < k + n && isdigit((unsigned char)p[i]) && v < 1000000; i++)
		v = v * 10 + (p[i] - '0');
	return v > 0 ? v : 1;
}

static void
strip_numbering(struct buf *b)
{
	size_t k = b->len > 0 ? pictographs(b->p, b->len) : 0, n, e;

	n = numbering(b->p + k, b->len - k);
	/* "1. **What is a pod?**": the bold the numbering opened goes too */
	for (e = 0; n > 0 && e < n && e < b->len - k - n &&
	    (b->p[k + n - 1 - e] == '*' || b->p[k + n - 1 - e] == '_') &&
	    b->p[b->len - 1 - e] == b->p[k + n - 1 - e]; e++)
		;
	k += n;
	memmove(b->p, b->p + k, b->len - k);
	b->len -= k + e;
}

/* Is there a '?' outside link targets and URLs ("watch?v=")? */
static int
asks(const char *p, size_t len)
{
	const char *end = p + len;

	while (p < end) {
		if (*p == '?')
			return 1;
		/* Full-width (Chinese, Japanese), Arabic and Spanish marks */
		if ((end - p >= 3 && memcmp(p, "\xef\xbc\x9f", 3) == 0) ||
		    (end - p >= 2 && (memcmp(p, "\xd8\x9f", 2) == 0 ||
		    memcmp(p, "\xc2\xbf", 2) == 0)))
			return 1;
		if (p + 1 < end && p[0] == ']' && p[1] == '(') {
			const char *c = memchr(p, ')', (size_t)(end - p));

			p = c != NULL ? c + 1 : end;
			continue;
		}
		if (starts_with_ci(p, (size_t)(end - p), "http://") ||
		    starts_with_ci(p, (size_t)(end - p), "https://")) {
			while (p < end && *p != ' ' && *p != ')' && *p != '>')
				p++;
			continue;
		}
		p++;
	}
	return 0;
}

/*
 * Russian question words and imperatives, first: "Что такое срез" (what is
 * a slice), "Перечислите методы" (list the methods); capitalized or not.
 */
static int
asks_russian(const char *p, size_t len)
{
	static const char *const words[] = {
		"\xd0\xa7\xd1\x82\xd0\xbe",	/* Что */
		"\xd0\x9a\xd0\xb0\xd0\xba",	/* Как */
		"\xd0\x9a\xd0\xb0\xd0\xba\xd0\xbe\xd0\xb9",	/* Какой */
		"\xd0\x9a\xd0\xb0\xd0\xba\xd0\xb0\xd1\x8f",	/* Какая */
		"\xd0\x9a\xd0\xb0\xd0\xba\xd0\xbe\xd0\xb5",	/* Какое */
		"\xd0\x9a\xd0\xb0\xd0\xba\xd0\xb8\xd0\xb5",	/* Какие */
		"\xd0\x9a\xd0\xb0\xd0\xba\xd0\xb8\xd0\xbc",	/* Каким */
		"\xd0\xa7\xd0\xb5\xd0\xbc",	/* Чем */
		/* Почему */
		"\xd0\x9f\xd0\xbe\xd1\x87\xd0\xb5\xd0\xbc\xd1\x83",
		"\xd0\x97\xd0\xb0\xd1\x87\xd0\xb5\xd0\xbc",	/* Зачем */
		/* Для чего */
		"\xd0\x94\xd0\xbb\xd1\x8f\x20\xd1\x87\xd0\xb5\xd0\xb3\xd0\xbe",
		"\xd0\x9a\xd0\xbe\xd0\xb3\xd0\xb4\xd0\xb0",	/* Когда */
		"\xd0\x93\xd0\xb4\xd0\xb5",	/* Где */
		"\xd0\x9a\xd1\x82\xd0\xbe",	/* Кто */
		/* Можно ли */
		"\xd0\x9c\xd0\xbe\xd0\xb6\xd0\xbd\xd0\xbe\x20\xd0\xbb\xd0\xb8",
		/* Сколько */
		"\xd0\xa1\xd0\xba\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xba\xd0\xbe",
		/* Объясните */
		("\xd0\x9e\xd0\xb1\xd1\x8a\xd1\x8f\xd1\x81\xd0\xbd\xd0\xb8"
		 "\xd1\x82\xd0\xb5"),
		/* Объясни */
		"\xd0\x9e\xd0\xb1\xd1\x8a\xd1\x8f\xd1\x81\xd0\xbd\xd0\xb8",
		/* Опишите */
		"\xd0\x9e\xd0\xbf\xd0\xb8\xd1\x88\xd0\xb8\xd1\x82\xd0\xb5",
		/* Расскажите */
		("\xd0\xa0\xd0\xb0\xd1\x81\xd1\x81\xd0\xba\xd0\xb0\xd0\xb6"
		 "\xd0\xb8\xd1\x82\xd0\xb5"),
		/* Перечислите */
		("\xd0\x9f\xd0\xb5\xd1\x80\xd0\xb5\xd1\x87\xd0\xb8\xd1\x81"
		 "\xd0\xbb\xd0\xb8\xd1\x82\xd0\xb5"),
		/* Назовите */
		("\xd0\x9d\xd0\xb0\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb8\xd1\x82"
		 "\xd0\xb5"),
		/* Напишите */
		("\xd0\x9d\xd0\xb0\xd0\xbf\xd0\xb8\xd1\x88\xd0\xb8\xd1\x82"
		 "\xd0\xb5"),
		/* Реализуйте */
		("\xd0\xa0\xd0\xb5\xd0\xb0\xd0\xbb\xd0\xb8\xd0\xb7\xd1\x83"
		 "\xd0\xb9\xd1\x82\xd0\xb5"),
		/* Сравните */
		("\xd0\xa1\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbd\xd0\xb8\xd1\x82"
		 "\xd0\xb5"),
		/* Приведите */
		("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd0\xb4\xd0\xb8"
		 "\xd1\x82\xd0\xb5"),
		"\xd0\x92\x20\xd1\x87\xd0\xb5\xd0\xbc",	/* В чем */
		"\xd0\x92\x20\xd1\x87\xd1\x91\xd0\xbc",	/* В чём */
		/* Есть ли */
		"\xd0\x95\xd1\x81\xd1\x82\xd1\x8c\x20\xd0\xbb\xd0\xb8",
		/* Чем отличается */
		("\xd0\xa7\xd0\xb5\xd0\xbc\x20\xd0\xbe\xd1\x82\xd0\xbb\xd0"
		 "\xb8\xd1\x87\xd0\xb0\xd0\xb5\xd1\x82\xd1\x81\xd1\x8f"),
	};
	size_t i, n;

	for (i = 0; i < NITEMS(words); i++) {
		/*
		 * The first letter in either case: А-П (D0 90-9F) are а-п
		 * (D0 B0-BF), Р-Я (D0 A0-AF) are р-я (D1 80-8F).
		 */
		unsigned char c = (unsigned char)words[i][1];
		unsigned char lead = c < 0xa0 ? 0xd0 : 0xd1;
		unsigned char low = c < 0xa0 ? c + 0x20 : c - 0x20;

		n = strlen(words[i]);
		if (len < n || memcmp(p + 2, words[i] + 2, n - 2) != 0 ||
		    !(memcmp(p, words[i], 2) == 0 ||
		    ((unsigned char)p[0] == lead &&
		    (unsigned char)p[1] == low)))
			continue;
		/* a word of its own: no Cyrillic letter after it */
		if (n == len || ((unsigned char)p[n] != 0xd0 &&
		    (unsigned char)p[n] != 0xd1))
			return 1;
	}
	/* "Допустимы ли ..." (are ... allowed): a yes-no question */
	return find(p, len, " \xd0\xbb\xd0\xb8 ", 6) != NULL;
}

/*
 * Chinese asks without a question mark: "事件冒泡是什么" (what is event
 * bubbling), "fetch和pull的区别" (the difference), "实现一个防抖函数"
 * (implement a debounce).  如何 (how) and 介绍 (introduce) are left out:
 * "如何贡献" is How to contribute, "介绍" an introduction.
 */
static int
asks_cjk(const char *p, size_t len)
{
	static const char *const within[] = {
		"\xe4\xbb\x80\xe4\xb9\x88",	/* 什么 what */
		"\xe6\x80\x8e\xe4\xb9\x88",	/* 怎么 how */
		"\xe6\x80\x8e\xe6\xa0\xb7",	/* 怎样 how */
		"\xe5\x93\xaa\xe4\xba\x9b",	/* 哪些 which */
		"\xe5\x8c\xba\xe5\x88\xab",	/* 区别 difference */
		"\xe6\x98\xaf\xe5\x90\xa6",	/* 是否 whether */
		"\xec\x84\xa4\xeb\xaa\x85",	/* 설명 explain */
		"\xeb\xac\xb4\xec\x97\x87",	/* 무엇 what */
		"\xec\xb0\xa8\xec\x9d\xb4",	/* 차이 difference */
		"\xeb\xa7\x90\xed\x95\xb4",	/* 말해 tell */
		/* please do */
		("\xe3\x81\x97\xe3\x81\xa6\xe3\x81\x8f\xe3\x81\xa0\xe3\x81"
		 "\x95\xe3\x81\x84"),
		"\xe3\x81\x97\xe3\x81\xaa\xe3\x81\x95\xe3\x81\x84",	/* do */
		"\xe6\xb1\x82\xe3\x82\x81\xe3\x82\x88",	/* find */
		"\xe8\xaa\xac\xe6\x98\x8e",	/* explain */
	};
	static const char *const first[] = {
		"\xe5\xae\x9e\xe7\x8e\xb0",	/* 实现 implement */
		"\xe8\xa7\xa3\xe9\x87\x8a",	/* 解释 explain */
		"\xe8\xaf\xb4\xe8\xaf\xb4",	/* 说说 talk about */
		"\xe8\xb0\x88\xe8\xb0\x88",	/* 谈谈 discuss */
		"\xe7\xae\x80\xe8\xbf\xb0",	/* 简述 outline */
		"\xe6\x8f\x8f\xe8\xbf\xb0",	/* 描述 describe */
		"\xe5\x88\x97\xe4\xb8\xbe",	/* 列举 list */
		"\xe6\xaf\x94\xe8\xbe\x83",	/* 比较 compare */
	};
	size_t i;

	for (i = 0; i < NITEMS(first); i++)
		if (starts_utf8(p, len, first[i]) > 0)
			return 1;
	for (i = 0; i < NITEMS(within); i++)
		if (find(p, len, within[i], strlen(within[i])) != NULL)
			return 1;
	return 0;
}

/* "How to contribute", "Como executar", "Cómo usar": a topic */
static int
topic_start(const char *p, size_t len)
{
	static const char *const starts[] = {
		"how to ", "what to ", "como usar", "como executar",
		"como instalar", "como contribuir", "como rodar",
		"c\xc3\xb3mo usar", "c\xc3\xb3mo instalar",
		"c\xc3\xb3mo contribuir", "comment contribuer",
		"comment utiliser", "comment installer", "wie man",
	};

	return any_prefix(p, len, starts, NITEMS(starts)) > 0;
}

/*
 * How much a heading or line reads as a question: 2 with a '?' or a
 * question word first (after any numbering), 1 when only numbered
 * ("3. Closures" may be a section), 0 not at all.
 */
static int
question_strength(const char *p, size_t len)
{
	static const char *const words[] = {
		"what", "why", "how", "when", "where", "which", "who", "whose",
		"explain", "describe", "define", "compare", "name", "list",
		"write", "implement", "design", "is", "are", "can", "could",
		"do", "does", "did", "should", "would", "will", "tell", "give",
		"difference", "differentiate", "discuss", "mention", "state",
		/* the imperatives of exercises */
		"find", "given", "reverse", "check", "create", "build", "sort",
		"count", "convert", "merge", "print", "return", "remove",
		"determine", "calculate", "compute", "solve", "prove", "show",
		"make", "generate", "talk", "walk", "suppose", "imagine",
		"consider", "identify", "outline", "summarize", "contrast",
		"elaborate", "illustrate", "provide", "propose", "suggest",
		"predict", "evaluate", "analyze", "analyse", "have", "has",
		"pros", "advantages", "disadvantages", "true or false",
		/* Portuguese, Spanish, French, German */
		"o que", "qual", "quais", "como", "por que",
		"quando", "onde", "explique", "defina", "descreva", "cite",
		"que", "qu\xc3\xa9", "cual", "cu\xc3\xa1l", "c\xc3\xb3mo",
		"por qu\xc3\xa9", "cu\xc3\xa1ndo", "d\xc3\xb3nde",
		"qui\xc3\xa9n", "explica", "describa", "define", "quel",
		"quelle", "quels", "quelles", "comment", "pourquoi",
		"expliquez", "citez", "d\303\251crivez", "wie", "warum",
		"welche", "welcher", "erkl\xc3\xa4re", "erkl\xc3\xa4ren",
		"beschreibe", "nenne",
	};
	size_t k;

	if (len == 0)
		return 0;
	if (asks(p, len))
		return 2;
	k = pictographs(p, len);	/* ":question: Explain X" */
	p += k;
	len -= k;
	k = numbering(p, len);
	p += k;
	len -= k;
	while (len > 0 && (*p == '*' || *p == '_' || *p == ' ')) {
		p++;
		len--;
	}
	/* "How to contribute", "What to learn next": topics */
	if (topic_start(p, len))
		return k > 0;
	return any_word(p, len, words, NITEMS(words)) || asks_cjk(p, len) ||
	    asks_russian(p, len) ? 2 : k > 0;
}

static int
reads_as_question(const char *p, size_t len)
{
	return question_strength(p, len) > 0;
}

/*
 * "Advantages", "Pros and cons": a heading read as a question by such a
 * word alone is, under a question, a part of its answer.
 */
static int
topic_part(const char *p, size_t len)
{
	static const char *const words[] = {
		"pros", "advantages", "disadvantages",
	};

	if (asks(p, len) || is_numbered(p, len))
		return 0;
	return any_prefix(p, len, words, NITEMS(words)) > 0;
}

static int
is_heading(cmark_node *n)
{
	return cmark_node_get_type(n) == CMARK_NODE_HEADING;
}

/*
 * Does a deeper heading (not an answer heading) follow before the next
 * heading of this level or above?  Then this heading has subsections.
 * Under a real question ("What is X?") only questions count: "References"
 * or "Example" below it are part of its answer.
 */
static int
has_subsections(struct md *md, cmark_node *h, int strength)
{
	int level = cmark_node_get_heading_level(h), d = 0, numbered;
	cmark_node *n;

	heading_text(&md->scratch, md, h);
	numbered = is_numbered(md->scratch.p, md->scratch.len);
	for (n = cmark_node_next(h); n != NULL; n = cmark_node_next(n)) {
		d += details_depth(md, n);
		if (d > 0 || !is_heading(n) || is_boiler(md, n))
			continue;
		if (cmark_node_get_heading_level(n) <= level)
			return 0;
		if (answer_marker(md, n))
			continue;
		heading_text(&md->scratch, md, n);
		if (strength < 2)
			return 1;
		/*
		 * "## 5. Write..." then "### 6. How...": numbered questions
		 * whose levels slipped are the next question, not a part.
		 */
		if (reads_as_question(md->scratch.p, md->scratch.len) &&
		    !topic_part(md->scratch.p, md->scratch.len))
			return !numbered;
	}
	return 0;
}

static void
slugify(char *out, const char *p, size_t len)
{
	size_t k = pictographs(p, len);

	k += numbering(p + k, len - k);
	import_slug(out, p + k, len - k);
}

/* Has the paragraph a link to another page, itself or emphasized? */
static int
holds_link(cmark_node *para)
{
	cmark_node *in;

	for (in = cmark_node_first_child(para); in != NULL;
	    in = cmark_node_next(in)) {
		cmark_node_type t = cmark_node_get_type(in);
		const char *url;

		if ((t == CMARK_NODE_STRONG || t == CMARK_NODE_EMPH) &&
		    holds_link(in))
			return 1;
		if (t == CMARK_NODE_LINK && (url = cmark_node_get_url(in)) !=
		    NULL && url[0] != '#')
			return 1;
	}
	return 0;
}

/* The literal text of inline nodes n and below, markup aside. */
static void
inline_text(struct buf *b, cmark_node *n)
{
	cmark_node *c;

	if (cmark_node_get_literal(n) != NULL)
		buf_adds(b, cmark_node_get_literal(n));
	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		inline_text(b, c);
}

/*
 * Is every item of the list a link (only a link to an #anchor, with
 * anchors), most of them not asking?
 */
static int
link_list(cmark_node *list, int anchors)
{
	cmark_node *item, *para, *in;
	size_t n = 0, asking = 0;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		para = cmark_node_first_child(item);
		if (para == NULL || cmark_node_get_type(para) !=
		    CMARK_NODE_PARAGRAPH)
			return 0;
		in = cmark_node_first_child(para);
		while (in != NULL && (cmark_node_get_type(in) ==
		    CMARK_NODE_STRONG || cmark_node_get_type(in) ==
		    CMARK_NODE_EMPH) && cmark_node_first_child(in) != NULL)
			in = cmark_node_first_child(in);
		if (anchors) {
			const char *url;

			if (in == NULL || cmark_node_get_type(in) !=
			    CMARK_NODE_LINK || (url = cmark_node_get_url(in)) ==
			    NULL || url[0] != '#')
				return 0;
		} else {
			/* "[Title](url)", or "Ann Lee - [Title](url)" */
			struct buf t = { 0 };
			int q;

			/* a bare URL is a link too, where GitHub shows one */
			inline_text(&t, para);
			if (!holds_link(para) && (t.len == 0 ||
			    find(t.p, t.len, "http://", 7) == NULL) &&
			    (t.len == 0 || find(t.p, t.len, "https://", 8) ==
			    NULL)) {
				buf_free(&t);
				return 0;
			}
			buf_reset(&t);
			inline_text(&t, in != NULL &&
			    cmark_node_get_type(in) == CMARK_NODE_LINK ? in :
			    para);
			/*
			 * A link alone asks with '?' or a CJK or Russian
			 * word ("[Design Patterns in Go](...)" is a title,
			 * no exercise); text around links as any item
			 * does ("Explain [closures](...)").
			 */
			q = in != NULL && cmark_node_get_type(in) ==
			    CMARK_NODE_LINK ? asks(t.p, t.len) ||
			    asks_cjk(t.p, t.len) || asks_russian(t.p, t.len) :
			    question_strength(t.p, t.len) == 2;
			buf_free(&t);
			asking += q;
		}
		n++;
	}
	/* Questions linked to their answers, when most links ask. */
	return n > 0 && asking * 2 <= n;
}

static void
hold_tags(struct import *imp, struct md *md)
{
	buf_reset(&imp->tags);
	section_tags(imp, md);
	buf_reset(&md->heldtags);
	buf_add(&md->heldtags, imp->tags.p, imp->tags.len);
	buf_reset(&imp->tags);
}

/* "1. The numbers one to five.", an answer folded under it: it asks */
static int
folds_answer(struct md *md, cmark_node *item)
{
	cmark_node *n;

	for (n = cmark_node_first_child(item); n != NULL;
	    n = cmark_node_next(n))
		if (is_details(n) && answer_marker(md, n))
			return 1;
	return 0;
}

/* Has the item code, in it or (the last) right after its list? */
static int
holds_code(cmark_node *item)
{
	cmark_node *n;

	for (n = cmark_node_first_child(item); n != NULL;
	    n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
			return 1;
	n = cmark_node_next(cmark_node_parent(item));
	return cmark_node_next(item) == NULL && n != NULL &&
	    cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK;
}

/*
 * "Why it matters:", "为什么需要语义化：": a label, not a question, unless
 * code follows it ("Make this work:").
 */
static int
ends_in_colon(const char *p, size_t len)
{
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '*' ||
	    p[len - 1] == '_'))
		len--;
	return !asks(p, len) && ((len > 0 && p[len - 1] == ':') ||
	    (len >= 3 && memcmp(p + len - 3, "\xef\xbc\x9a", 3) == 0));
}

/*
 * How many items of a list read as questions (a '?', a question word or
 * an exercise's imperative first; with ask, a '?'), of how many that can
 * be read.
 */
static size_t
list_questions(struct md *md, cmark_node *list, size_t *nitems, int ask)
{
	cmark_node *item, *first;
	size_t q = 0, box;

	*nitems = 0;
	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		first = cmark_node_first_child(item);
		if (first == NULL || (cmark_node_get_type(first) !=
		    CMARK_NODE_PARAGRAPH && !is_heading(first)))
			continue;
		(*nitems)++;
		heading_text(&md->scratch, md, first);
		box = task_box(md->scratch.p, md->scratch.len) >= 0 ? 4 : 0;
		if (ask ? asks(md->scratch.p + box, md->scratch.len - box) :
		    (question_strength(md->scratch.p + box,
		    md->scratch.len - box) == 2 &&
		    (!ends_in_colon(md->scratch.p, md->scratch.len) ||
		    holds_code(item))) || folds_answer(md, item) ||
		    card_mark(&md->scratch))
			q++;
	}
	return q;
}

static void	do_list(struct import *, struct md *, cmark_node *);

/*
 * A list of topics over questions ("- JavaScript", then "  - What is a
 * closure?" under it): each item is the section of the lists nested in
 * it.  0 when no item holds a list of questions.
 */
static int
do_outline(struct import *imp, struct md *md, cmark_node *list)
{
	cmark_node *item, *p, *n;
	size_t nitems, q;
	int found = 0;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item))
		for (n = cmark_node_first_child(item); n != NULL;
		    n = cmark_node_next(n))
			if (cmark_node_get_type(n) == CMARK_NODE_LIST &&
			    (q = list_questions(md, n, &nitems, 0)) > 0 &&
			    q * 2 >= nitems)
				found = 1;
	if (!found || md->depth == MAX_DEPTH)
		return 0;
	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		p = cmark_node_first_child(item);
		if (p == NULL || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
			continue;
		text_of(&md->scratch, md, p);
		clean_title(&md->scratch, 1);
		/* Deeper than any heading: level 7. */
		md->sect[md->depth].level = 7;
		md->sect[md->depth].divider = 0;
		slugify(md->sect[md->depth].slug, md->scratch.p,
		    md->scratch.len);
		md->depth++;
		for (n = cmark_node_next(p); n != NULL; n = cmark_node_next(n))
			if (cmark_node_get_type(n) == CMARK_NODE_LIST)
				do_list(imp, md, n);
		release(imp, md);
		md->depth--;
	}
	return 1;
}

/* Takes off the bold around a text that is all bold ("**What is X?**"). */
static void
unbold(struct buf *b)
{
	if (all_bold(b->p, b->len)) {
		memmove(b->p, b->p + 2, b->len - 4);
		b->len -= 4;
	}
	unwrap(b);			/* "<b>What is X?</b>" */
}

/* Is there a section (not the title) above? */
static int
in_section(const struct md *md)
{
	int i;

	for (i = 0; i < md->depth; i++)
		if (md->sect[i].slug[0] != '\0')
			return 1;
	return 0;
}

/* Is the item an answer ("- **A:** IP addresses to MAC addresses")? */
static int
answer_item(struct md *md, cmark_node *item)
{
	cmark_node *first;

	return item != NULL && (first = cmark_node_first_child(item)) !=
	    NULL && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH &&
	    answer_marker(md, first);
}

/*
 * "- Indexes", not asking, over a list of questions, among items that ask:
 * a topic, the section of the questions under it.  1 when it was one.
 */
static int
topic_item(struct import *imp, struct md *md, cmark_node *item)
{
	cmark_node *p = cmark_node_first_child(item), *n;
	size_t nitems, q;

	if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH ||
	    md->depth == MAX_DEPTH || (n = cmark_node_next(p)) == NULL ||
	    cmark_node_get_type(n) != CMARK_NODE_LIST ||
	    cmark_node_next(n) != NULL)
		return 0;
	text_of(&md->scratch, md, p);
	if (question_strength(md->scratch.p, md->scratch.len) > 0 ||
	    (q = list_questions(md, n, &nitems, 0)) * 2 <= nitems)
		return 0;
	text_of(&md->scratch, md, p);
	clean_title(&md->scratch, 1);
	md->sect[md->depth].level = 7;	/* deeper than any heading */
	md->sect[md->depth].divider = 0;
	slugify(md->sect[md->depth].slug, md->scratch.p, md->scratch.len);
	md->depth++;
	do_list(imp, md, n);
	release(imp, md);
	md->depth--;
	return 1;
}

/*
 * The items that are terms of a few words ("- Classes", "- Design
 * patterns"), not asking: a list mostly of them, most not asking, is
 * notes, though "Design" may start an exercise.
 */
static size_t
terms(struct md *md, cmark_node *list)
{
	cmark_node *item, *first;
	size_t n = 0, i, spaces;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		first = cmark_node_first_child(item);
		if (first == NULL || cmark_node_get_type(first) !=
		    CMARK_NODE_PARAGRAPH)
			continue;
		text_of(&md->scratch, md, first);
		for (i = spaces = 0; i < md->scratch.len; i++)
			spaces += md->scratch.p[i] == ' ';
		n += spaces < 3 && !asks(md->scratch.p, md->scratch.len);
	}
	return n;
}

static void
do_list(struct import *imp, struct md *md, cmark_node *list)
{
	cmark_node *item;
	size_t nitems, q;

	if (link_list(list, 1) || link_list(list, 0))
		return;
	/*
	 * Notes ("* A *Stack* is...", "* Time Complexity:"), not questions;
	 * before the first question and any section, the introduction's
	 * lists ("How to use it:", "Legend:") unless most items ask; lists
	 * of terms, or with no '?', most not asking ("- Can terminate TLS").
	 */
	q = list_questions(md, list, &nitems, 0);
	if ((q == 0 && nitems > 0) || (q * 2 < nitems && ((!md->asked &&
	    !in_section(md)) || terms(md, list) * 2 > nitems ||
	    list_questions(md, list, &nitems, 1) == 0))) {
		release(imp, md);
		if (q == 0)
			(void)do_outline(imp, md, list);
		return;
	}
	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item)) {
		cmark_node *first = cmark_node_first_child(item);
		cmark_node *last = cmark_node_last_child(item);
		size_t qlen;
		unsigned long line = (unsigned long)cmark_node_get_start_line(item);

		if (first == NULL || topic_item(imp, md, item))
			continue;
		buf_reset(&md->q);
		buf_cstr(&md->q);
		md->card = 0;
		if (para_question(md, first, &qlen) && qlen < md->scratch.len &&
		    md->scratch.p[0] != 'Q' && md->scratch.p[0] != 'q') {
			/*
			 * "- **What is X?** X is ...": bold question, answer;
			 * "- **Q:** What is X?  **A:** X is..." too.
			 */
			struct buf rest = { 0 };
			int bold = all_bold(md->scratch.p, qlen);

			buf_add(&md->q, md->scratch.p + 2 * bold,
			    qlen - 4 * bold);
			buf_cstr(&md->q);
			strip_numbering(&md->q);
			buf_add(&rest, md->scratch.p + qlen,
			    md->scratch.len - qlen);
			add_body(md, cmark_node_next(first), last, 1);
			answer_after(md, &rest);
		} else if (cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH ||
		    is_heading(first)) {
			add_inline(&md->q, md, first);
			md->card = card_mark(&md->q);
			strip_numbering(&md->q);	/* "- 1 . Why..." */
			unbold(&md->q);		/* "1. **What are hooks?**" */
			/* A task list's box: "- [ ] What is X?" */
			if (task_box(md->q.p, md->q.len) >= 0) {
				memmove(md->q.p, md->q.p + 4, md->q.len - 4);
				md->q.len -= 4;
			}
			add_body(md, cmark_node_next(first) != NULL ?
			    cmark_node_next(first) : NULL, last,
			    is_heading(first));
		} else {
			add_body(md, first, last, 0);
			strip_numbering(&md->q);	/* "- 01. O que..." */
		}
		trim_end(&md->q);
		if (md->q.len == 0)
			continue;
		/* "- **Q:** What...?" then "- **A:** It...": its answer */
		if (md->a.len == 0 && answer_item(md, cmark_node_next(item))) {
			item = cmark_node_next(item);
			add_answer(&md->a, md, cmark_node_first_child(item),
			    cmark_node_last_child(item));
		}
		/* The last item may get its answer from a <details> below. */
		if (cmark_node_next(item) == NULL && md->a.len == 0) {
			release(imp, md);
			md->held = 1;
			md->held_alone = cmark_node_previous(item) == NULL &&
			    cmark_node_get_list_type(list) ==
			    CMARK_ORDERED_LIST;
			md->heldline = line;
			buf_reset(&md->heldq);
			buf_add(&md->heldq, md->q.p, md->q.len);
			hold_tags(imp, md);
			continue;
		}
		emit(imp, md, line);
	}
}

/* Is the HTML only line breaks ("<br/>") and white space? */
static int
only_breaks(const char *p)
{
	if (p == NULL)
		return 1;
	while (*p != '\0') {
		if (*p == ' ' || *p == '\n' || *p == '\t') {
			p++;
			continue;
		}
		if (strncasecmp(p, "<br", 3) != 0 || strchr(p, '>') == NULL)
			return 0;
		p = strchr(p, '>') + 1;
	}
	return 1;
}

/*
 * A section heading with nothing under it (but line breaks: "<br/>") before the
 * next heading of its level is a divider: "## # 1. INTRODUCTION", then
 * "## Q. What is Node.js?" and more questions at its level, which are
 * its questions up to the next section of its level.
 */
static int
is_divider(cmark_node *h)
{
	cmark_node *n = cmark_node_next(h);

	while (n != NULL && cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK &&
	    only_breaks(cmark_node_get_literal(n)))
		n = cmark_node_next(n);
	return n != NULL && is_heading(n) &&
	    cmark_node_get_heading_level(n) == cmark_node_get_heading_level(h);
}

/*
 * The sections a heading of this level ends: those of its level or
 * deeper, but a divider of its level when it is a question.
 */
static void
end_sections(struct md *md, int level, int question)
{
	while (md->depth > 0 && (md->sect[md->depth - 1].level > level ||
	    (md->sect[md->depth - 1].level == level &&
	    !(question && md->sect[md->depth - 1].divider))))
		md->depth--;
}

/* "#### Explore all 100 answers here 👉 [Devinterview.io](https://...)" */
static int
promotion(const char *p, size_t len)
{
	return (starts_with_ci(p, len, "explore all") ||
	    starts_with_ci(p, len, "see all")) &&
	    find(p, len, "](http", 6) != NULL;
}

static int
is_contents(const char *slug)
{
	static const char *const names[] = {
		"table-of-contents", "contents", "toc",
		"\xc3\x8dndice", "\xc3\xadndice", "indice", "contenido",
		"contenidos", "tabla-de-contenidos", "tabla-de-contenido",
		"sum\xc3\xa1rio", "sumario", "sommaire",
		"table-des-mati\xc3\xa8res", "inhalt", "inhaltsverzeichnis",
		"\xe7\x9b\xae\xe5\xbd\x95",			/* 目录 */
		"\xe7\x9b\xae\xe6\xac\xa1",			/* 目次 */
		"\xeb\xaa\xa9\xec\xb0\xa8",			/* 목차 */
		"\xd0\xa1\xd0\xbe\xd0\xb4\xd0\xb5\xd1\x80\xd0\xb6"
		"\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5",		/* Содержание */
		"\xd0\x9e\xd0\xb3\xd0\xbb\xd0\xb0\xd0\xb2\xd0\xbb"
		"\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5",		/* Оглавление */
		"\xd1\x81\xd0\xbe\xd0\xb4\xd0\xb5\xd1\x80\xd0\xb6"
		"\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5",		/* содержание */
		"\xd0\xbe\xd0\xb3\xd0\xbb\xd0\xb0\xd0\xb2\xd0\xbb"
		"\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5",		/* оглавление */
	};
	size_t i;

	for (i = 0; i < NITEMS(names); i++)
		if (strcmp(slug, names[i]) == 0)
			return 1;
	return 0;
}

/* "[Difference between X and Y](url)", a title all link: its text */
static void
unlink_whole(struct buf *b)
{
	const char *mid;

	if (b->len < 4 || b->p[0] != '[' || b->p[b->len - 1] != ')' ||
	    (mid = find(b->p, b->len, "](", 2)) == NULL ||
	    find(mid + 2, b->len - (size_t)(mid + 2 - b->p), "](", 2) != NULL ||
	    memchr(b->p, '\n', b->len) != NULL)
		return;
	b->len = (size_t)(mid - b->p) - 1;
	memmove(b->p, b->p + 1, b->len);
}

static void
push_section(struct md *md, cmark_node *h)
{
	int level = cmark_node_get_heading_level(h);
	size_t k;

	end_sections(md, level, 0);
	if (md->depth == MAX_DEPTH)
		return;
	md->sect[md->depth].level = level;
	md->sect[md->depth].divider = is_divider(h);
	if (cmark_node_get_start_line(h) == md->title)
		md->sect[md->depth].slug[0] = '\0';
	else {
		char *slug = md->sect[md->depth].slug;

		text_of(&md->scratch, md, h);
		clean_title(&md->scratch, 1);
		unlink_whole(&md->scratch);	/* "## [Networking](...)" */
		/* "# 1. INTRODUCTION": the tag is "introduction" */
		for (k = 0; k < md->scratch.len && (md->scratch.p[k] == '#' ||
		    md->scratch.p[k] == ' '); k++)
			;
		memmove(md->scratch.p, md->scratch.p + k, md->scratch.len - k);
		md->scratch.len -= k;
		/* "Basics :fire:": a shortcode after the words too */
		for (k = md->scratch.len; k > 0 && md->scratch.p[k - 1] != ' ';
		    k--)
			;
		if (k > 0 && shortcode(md->scratch.p + k,
		    md->scratch.len - k) == md->scratch.len - k)
			md->scratch.len = k - 1;
		/*
		 * "System Questions (61)": a count of questions is no part
		 * of the tag ("Java (11)" is a version).
		 */
		k = md->scratch.len;
		if (k > 0 && md->scratch.p[k - 1] == ')') {
			while (k > 1 &&
			    isdigit((unsigned char)md->scratch.p[k - 2]))
				k--;
			if (k > 11 && k < md->scratch.len &&
			    md->scratch.p[k - 2] == '(' &&
			    md->scratch.p[k - 3] == ' ' &&
			    strncasecmp(md->scratch.p + k - 12, "questions",
			    9) == 0)
				md->scratch.len = k - 3;
		}
		slugify(slug, md->scratch.p, md->scratch.len);
		/* "## #2", an anchor of a number: no tag */
		if (slug[strspn(slug, "0123456789")] == '\0')
			slug[0] = '\0';
		/*
		 * A table of contents is no section, and ends those above
		 * it: what follows is the document's body ("## Disclaimer",
		 * then "### Table of Contents", then the questions).
		 */
		if (is_contents(slug)) {
			md->depth = 0;
			return;
		}
	}
	md->depth++;
}

/* "1)", "2.", "3:": a number and its mark, nothing else */
static int
number_only(const char *p, size_t len)
{
	size_t i = 0;

	while (i < len && isdigit((unsigned char)p[i]))
		i++;
	return i > 0 && i < 4 && i + 1 == len &&
	    (p[i] == '.' || p[i] == ')' || p[i] == ':');
}

/*
 * A paragraph that is a question: "**What is X?**" (all bold up front and
 * reading as a question, maybe with its answer after it), or "Q: ...",
 * "Q1. ...", "Question 3: ...".  The paragraph's text is left in
 * md->scratch, and the length of the question part in *qlen.
 */
static int
para_question(struct md *md, cmark_node *n, size_t *qlen)
{
	const char *p, *close;
	size_t len, k;

	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return 0;
	text_of(&md->scratch, md, n);
	p = md->scratch.p;
	len = md->scratch.len;
	if (len > 4 && (strncmp(p, "**", 2) == 0 || strncmp(p, "__", 2) == 0) &&
	    (close = find(p + 2, len - 2, p, 2)) != NULL &&
	    !answer_word(p, len)) {
		size_t in = (size_t)(close - p) - 2;

		/* "**1)** Count the rows...": the number bold, then text */
		if (number_only(p + 2, in) && close + 2 < p + len) {
			*qlen = len;
			return 1;
		}
		/*
		 * "**Check out my [newsletter](...)**", "**WHERE** and
		 * **HAVING** filter", "**Advantages**": no question
		 */
		if (reads_as_question(p + 2, in) && (asks(p + 2, in) ||
		    (find(p + 2, in, "](http", 6) == NULL &&
		    (memchr(p + 2, ' ', in) != NULL ||
		    !utf8_is_ascii(p + 2, in)) &&	/* Chinese: no spaces */
		    !topic_part(p + 2, in)))) {
			*qlen = (size_t)(close - p) + 2;
			return 1;
		}
	}
	/* "*Question: What is...?*" in italics, as h5bp writes them */
	if (len > 2 && (p[0] == '*' || p[0] == '_') && p[1] != p[0] &&
	    (p[1] == 'Q' || p[1] == 'q') && numbering(p, len) > 0) {
		*qlen = len;
		return 1;
	}
	for (k = 0; k < 2 && k < len && (p[k] == '*' || p[k] == '_'); k++)
		;
	if (k < len && (p[k] == 'Q' || p[k] == 'q') && numbering(p, len) > 0) {
		/* "Q: ... A: ..." on lines of one paragraph; "**Q:** ..." */
		const char *a = find(p, len, " A: ", 4);

		if (a == NULL)
			a = find(p, len, " Answer: ", 9);
		if (a == NULL)
			a = find(p, len, " **A:**", 7);
		if (a == NULL && k == 0 && numbering(p, len) == 3)
			a = find(p, len, " A. ", 4);	/* "Q. ... A. ..." */
		*qlen = a != NULL ? (size_t)(a - p) : len;
		return 1;
	}
	return 0;
}

/*
 * "**Where to use:** when...", "**1. Drop references**:": in an answer,
 * a bold label that does not ask (the first qlen bytes of the paragraph),
 * or a numbered step, goes on with the answer.
 */
static int
label_para(const char *p, size_t len, size_t qlen)
{
	const char *colon = "\xef\xbc\x9a";	/* full-width */
	const char *close;
	size_t k, in;

	if (qlen < 4 || asks(p, qlen) || (strncmp(p, "**", 2) != 0 &&
	    strncmp(p, "__", 2) != 0) ||
	    (close = find(p + 2, len - 2, p, 2)) == NULL)
		return 0;
	k = (size_t)(close - p);
	in = k - 2;
	/* "**2)** The customers...", "**2) Vowels**. Count...": ask */
	if (number_only(p + 2, in) || (k + 2 < len && p[k + 2] == '.'))
		return 0;
	if (p[k - 1] == ':' || (k >= 5 && memcmp(p + k - 3, colon, 3) == 0))
		return 1;
	/* "**1. Same request => same result**": a step; "**Pros**" */
	if ((is_numbered(p + 2, in) && question_strength(p + 2, in) < 2) ||
	    topic_part(p + 2, in))
		return 1;
	k += 2;
	return k < len && (p[k] == ':' || (len - k >= 3 &&
	    memcmp(p + k, colon, 3) == 0));
}

/*
 * A heading that goes on with the answer above it, even at the question's
 * level: "### Method 2", "### Example", "### Ref Link:".
 */
static int
answer_part(const char *p, size_t len)
{
	static const char *const words[] = {
		"method", "approach", "example", "note", "output", "ref",
		"further reading", "more", "see also", "hint", "tip",
	};

	return any_word(p, len, words, NITEMS(words));
}

/* "<script async src=...ads...>", "<ins class=...>": an advertisement */
static int
ad(cmark_node *n)
{
	const char *lit;

	return cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK &&
	    (lit = cmark_node_get_literal(n)) != NULL &&
	    (strncasecmp(lit, "<script", 7) == 0 ||
	    strncasecmp(lit, "<ins ", 5) == 0);
}

/* Does paragraph n start with a line marked #card? */
static int
card_line(struct md *md, cmark_node *n)
{
	int first = cmark_node_get_start_line(n);

	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH || first < 1 ||
	    (size_t)first > md->nline)
		return 0;
	buf_reset(&md->scratch);
	add_line(&md->scratch, md, first, col_of(n), 0);
	return card_mark(&md->scratch);
}

/*
 * The number of the next numbered heading of this level after heading n,
 * before one above it (within a few headings: the look stays short), or 0.
 */
static long
numbered_ahead(struct md *md, cmark_node *n, int level)
{
	struct buf t = { 0 };
	int seen = 0;
	long found = 0;

	for (n = cmark_node_next(n); n != NULL && seen < 32;
	    n = cmark_node_next(n)) {
		if (!is_heading(n))
			continue;
		seen++;
		if (cmark_node_get_heading_level(n) < level)
			break;
		if (cmark_node_get_heading_level(n) > level)
			continue;
		heading_text(&t, md, n);
		if ((found = title_number(t.p, t.len)) != 0)
			break;
	}
	buf_free(&t);
	return found;
}

/*
 * The blocks under a question heading or paragraph: up to the next
 * heading, rule or question paragraph.
 */
static int
ends_body(struct md *md, cmark_node *n, int level, long number, int *steps)
{
	char slug[REC_TAG_MAX + 1];
	size_t qlen;
	int l;

	if (cmark_node_get_type(n) == CMARK_NODE_THEMATIC_BREAK || ad(n))
		return 1;
	if (!is_heading(n))
		return (para_question(md, n, &qlen) &&
		    !label_para(md->scratch.p, md->scratch.len, qlen)) ||
		    card_line(md, n);
	/* "#### Type: `basic`" repeated, then "#### Answer": metadata */
	if (is_boiler(md, n))
		return cmark_node_next(n) == NULL ||
		    !answer_marker(md, cmark_node_next(n));
	if (answer_marker(md, n))
		return 0;
	l = cmark_node_get_heading_level(n);
	heading_text(&md->scratch, md, n);
	if (l < level)
		return 1;
	/* A table of contents is no part of an answer, nor a promotion. */
	slugify(slug, md->scratch.p, md->scratch.len);
	if (is_contents(slug) || promotion(md->scratch.p, md->scratch.len))
		return 1;
	/*
	 * "### 1.What is a cache?", then "### Benefits of caching" at its
	 * level, then "### 2.What is a CDN?": between numbered questions, a
	 * heading neither numbered nor asking with '?' goes on with the
	 * answer.
	 */
	if (l == level && number > 0 && !is_divider(n) &&
	    !is_numbered(md->scratch.p, md->scratch.len) &&
	    !asks(md->scratch.p, md->scratch.len) &&
	    numbered_ahead(md, n, level) == number + 1)
		return 0;
	/*
	 * Under "## 1. What is X?", "### How X works" goes on with the
	 * answer; "### 2. Why...?" is the next question, its level slipped.
	 */
	if (reads_as_question(md->scratch.p, md->scratch.len) &&
	    (l == level || !topic_part(md->scratch.p, md->scratch.len))) {
		long k = title_number(md->scratch.p, md->scratch.len);
		int marked = asks(md->scratch.p, md->scratch.len);

		if (l == level || number == 0)
			return 1;
		if (k == 0)
			return 0;
		/*
		 * "#### 1. Client hello" under "## 2. Explain the
		 * handshake": steps of the answer, numbered from 1 again,
		 * whatever their words ("#### 1. list"), if none asks.
		 */
		if (!marked && (k <= number || *steps)) {
			*steps = 1;
			return 0;
		}
		return 1;
	}
	return l == level && !answer_part(md->scratch.p, md->scratch.len);
}

static cmark_node *
body_end(struct md *md, cmark_node *h)
{
	cmark_node *n, *last = h;
	int d = 0, level = 6, steps = 0;
	long number = 0;

	if (is_heading(h)) {
		level = cmark_node_get_heading_level(h);
		heading_text(&md->scratch, md, h);
		number = title_number(md->scratch.p, md->scratch.len);
	}
	for (n = cmark_node_next(h); n != NULL; n = cmark_node_next(n)) {
		if (d <= 0 && ends_body(md, n, level, number, &steps))
			break;
		d += details_depth(md, n);
		last = n;
	}
	return last;
}

/*
 * GitHub's tables, which cmark (CommonMark only) reads as paragraphs:
 * "| # | Question | Answer |", a delimiter row, then a question a row.
 */
#define TABLE_COLS	16

struct row {
	const char	*cell[TABLE_COLS];
	size_t		 len[TABLE_COLS];
	int		 n;
};

/* Splits a row at the pipes outside code spans and escapes. */
static void
split_row(const char *p, size_t len, struct row *r)
{
	const char *end = p + len, *start;
	int code = 0;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p < end && *p == '|')
		p++;
	if (end > p && end[-1] == '|' && (end - 1 == p || end[-2] != '\\'))
		end--;
	r->n = 0;
	for (start = p; r->n < TABLE_COLS; p++) {
		if (p < end && *p == '\\' && p + 1 < end) {
			p++;
			continue;
		}
		if (p < end && *p == '`')
			code = !code;
		if (p == end || (*p == '|' && !code)) {
			const char *a = start, *b = p;

			while (a < b && (*a == ' ' || *a == '\t'))
				a++;
			while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
				b--;
			r->cell[r->n] = a;
			r->len[r->n++] = (size_t)(b - a);
			start = p + 1;
			if (p == end)
				break;
		}
	}
}

/* "|---|:--:|": the row under a table's header. */
static int
delimiter_row(const char *p, size_t len)
{
	struct row r;
	int i;
	size_t k;

	if (memchr(p, '-', len) == NULL)
		return 0;
	split_row(p, len, &r);
	for (i = 0; i < r.n; i++) {
		const char *c = r.cell[i];
		size_t n = r.len[i], dashes = 0;

		for (k = 0; k < n; k++) {
			if (c[k] == '-')
				dashes++;
			else if (c[k] != ':' || (k != 0 && k != n - 1))
				return 0;
		}
		if (dashes == 0)
			return 0;
	}
	return r.n > 0;
}

/* What a header cell names: REC_FIELD_*, or -1 ("#", "No."). */
static int
table_column(const char *p, size_t len)
{
	char name[32];
	size_t n = 0, i;

	for (i = 0; i < len && n + 1 < sizeof(name); i++)
		if (p[i] != '*' && p[i] != '_' && p[i] != ':' && p[i] != '.')
			name[n++] = p[i];
	while (n > 1 && name[n - 1] == ' ')
		n--;
	if (n > 1 && (name[n - 1] == 's' || name[n - 1] == 'S'))
		n--;			/* "Questions", "Answers" */
	if (n == 1 && (name[0] == 'q' || name[0] == 'Q'))
		return REC_FIELD_QUESTION;
	if (n == 1 && (name[0] == 'a' || name[0] == 'A'))
		return REC_FIELD_ANSWER;
	if (n == 11 && strncasecmp(name, "explanation", 11) == 0)
		return REC_FIELD_ANSWER;
	return import_column(name, n);
}

/* A cell's text: "\|" a pipe again, "<br>" a line break. */
static void
add_cell(struct buf *b, const char *p, size_t len)
{
	size_t i, n;

	buf_reset(b);
	for (i = 0; i < len; i++) {
		if (p[i] == '\\' && i + 1 < len && p[i + 1] == '|')
			continue;
		if (p[i] == '<' && ((n = wrapper(p + i, len - i, 0)) == 4 ||
		    n == 5 || n == 6) && strncasecmp(p + i, "<br", 3) == 0) {
			buf_addc(b, '\n');
			i += n - 1;
			while (i + 1 < len && p[i + 1] == ' ')
				i++;
			continue;
		}
		buf_addc(b, p[i]);
	}
	buf_cstr(b);
}

/* Is the cell only a link to an anchor in the file: a table of contents? */
static int
anchor_cell(const char *p, size_t len)
{
	return len > 4 && p[0] == '[' && p[len - 1] == ')' &&
	    find(p, len, "](#", 3) != NULL;
}

static int
has_letter(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (isalpha((unsigned char)p[i]) || (unsigned char)p[i] >= 0x80)
			return 1;
	return 0;
}

/*
 * A table with a question column: each row a question, with its answer
 * and tags columns.  A table whose questions are links to anchors is a
 * table of contents, skipped.  1 when the paragraph was such a table.
 */
static int
do_table(struct import *imp, struct md *md, cmark_node *n)
{
	int first = cmark_node_get_start_line(n), last = end_line(n);
	int head, i, c, qcol = -1, acol = -1, tcol = -1, toc = 1, links = 0;
	struct row r;

	if (last > (int)md->nline)
		last = (int)md->nline;
	for (head = first; head < last; head++)
		if (memchr(md->line[head], '|', md->len[head]) != NULL &&
		    delimiter_row(md->line[head + 1], md->len[head + 1]))
			break;
	if (head >= last)
		return 0;
	split_row(md->line[head], md->len[head], &r);
	for (c = 0; c < r.n; c++)
		switch (table_column(r.cell[c], r.len[c])) {
		case REC_FIELD_QUESTION:
			if (qcol < 0)
				qcol = c;
			break;
		case REC_FIELD_ANSWER:
			if (acol < 0)
				acol = c;
			break;
		case REC_FIELD_TAGS:
			if (tcol < 0)
				tcol = c;
			break;
		}
	if (qcol < 0)
		return 0;
	for (i = head + 2; i <= last; i++) {
		split_row(md->line[i], md->len[i], &r);
		if (qcol >= r.n || r.len[qcol] == 0)
			continue;
		if (anchor_cell(r.cell[qcol], r.len[qcol]))
			links++;
		else if (!all_bold(r.cell[qcol], r.len[qcol]))
			toc = 0;	/* "| | **Core React** |": a section */
	}
	if (toc && links > 0) {
		release(imp, md);
		return 1;
	}
	for (i = head + 2; i <= last; i++) {
		split_row(md->line[i], md->len[i], &r);
		/* "| **Delivery** | 2, 3 |": numbers of questions, not one */
		if (qcol >= r.n || !has_letter(r.cell[qcol], r.len[qcol]))
			continue;
		release(imp, md);
		import_clear(imp);
		section_tags(imp, md);
		if (tcol >= 0 && tcol < r.n)
			import_add_tags(imp, r.cell[tcol], r.len[tcol]);
		add_cell(&md->q, r.cell[qcol], r.len[qcol]);
		strip_numbering(&md->q);
		buf_add(&imp->question, md->q.p, md->q.len);
		if (acol >= 0 && acol < r.n) {
			add_cell(&md->a, r.cell[acol], r.len[acol]);
			buf_add(&imp->answer, md->a.p, md->a.len);
		}
		md_emit(imp, md, (unsigned long)i);
	}
	return 1;
}

/* Where "::" parts a card's line ("Q::A"), outside code; or NULL. */
static const char *
card_sep(const char *p, size_t len)
{
	size_t i;
	int code = 0;

	for (i = 0; i + 1 < len; i++) {
		if (p[i] == '`')
			code = !code;
		else if (!code && p[i] == ':' && p[i + 1] == ':')
			return p + i;
	}
	return NULL;
}

/* A card's text: trimmed, into b. */
static void
card_text(struct buf *b, const char *p, size_t len)
{
	while (len > 0 && (*p == ' ' || *p == '\n')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\n'))
		len--;
	buf_reset(b);
	buf_add(b, p, len);
}

/*
 * Obsidian's spaced-repetition cards, in a note tagged #flashcards: a
 * line "Q::A" (":::" too), or the lines of a question, a line "?" (or
 * "??"), the lines of its answer.  1 when the paragraph held cards.
 */
static int
do_cards(struct import *imp, struct md *md, cmark_node *n)
{
	struct buf src = { 0 };
	const char *p, *e, *nl, *sep;
	unsigned long line = (unsigned long)cmark_node_get_start_line(n);
	int cards = 0;

	add_blocks(&src, md, n, n);
	buf_cstr(&src);
	for (p = src.p, e = src.p + src.len; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if ((nl - p == 1 && *p == '?') || (nl - p == 2 &&
		    memcmp(p, "??", 2) == 0)) {
			card_text(&md->q, src.p, (size_t)(p - src.p));
			card_text(&md->a, nl, (size_t)(e - nl));
			if (md->q.len > 0)
				emit(imp, md, line);
			buf_free(&src);
			return md->q.len > 0;
		}
	}
	for (p = src.p; p < e; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if ((sep = card_sep(p, (size_t)(nl - p))) == NULL)
			continue;
		card_text(&md->q, p, (size_t)(sep - p));
		sep += sep + 2 < nl && sep[2] == ':' ? 3 : 2;
		card_text(&md->a, sep, (size_t)(nl - sep));
		if (md->q.len > 0) {
			emit(imp, md, line);
			cards = 1;
		}
	}
	buf_free(&src);
	return cards;
}

/* Does block n go on with an answer under a list's question? */
static int
goes_on(struct md *md, cmark_node *n)
{
	size_t qlen;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		return !para_question(md, n, &qlen);
	case CMARK_NODE_LIST:		/* not the next questions */
		return cmark_node_get_list_type(n) != CMARK_ORDERED_LIST &&
		    list_questions(md, n, &qlen, 0) == 0;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_BLOCK_QUOTE:
		return 1;
	case CMARK_NODE_HTML_BLOCK:
		return !is_details(n);
	default:
		return 0;
	}
}

/*
 * The answer of the item held back, from the blocks at *np on: after an
 * "Answer:" paragraph, or after any text when the item was its numbered
 * list's only one ("1. What is a reducer?", its list ended by the
 * paragraph that answers it, then "2. What is a selector?").
 */
static int
held_answer(struct import *imp, struct md *md, cmark_node **np)
{
	cmark_node *n = *np, *last = n, *m;

	if (!md->held || !goes_on(md, n) || (!md->held_alone &&
	    (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH ||
	    !answer_marker(md, n))))
		return 0;
	for (m = cmark_node_next(n); m != NULL && goes_on(md, m);
	    m = cmark_node_next(m))
		last = m;
	buf_reset(&md->a);
	add_answer(&md->a, md, n, last);
	md->held = 0;
	import_clear(imp);
	buf_add(&imp->question, md->heldq.p, md->heldq.len);
	buf_add(&imp->tags, md->heldtags.p, md->heldtags.len);
	buf_add(&imp->answer, md->a.p, md->a.len);
	md_emit(imp, md, md->heldline);
	*np = last;
	return 1;
}

static int	tag_line(const char *, const char *);

/*
 * "What does TTL stand for? #card", then "Time to live." on the lines
 * after it: a card of one paragraph.
 */
static int
para_card(struct import *imp, struct md *md, cmark_node *n)
{
	int first = cmark_node_get_start_line(n), last = end_line(n), i;

	if (first < 1 || (size_t)last > md->nline)
		return 0;
	buf_reset(&md->q);
	add_line(&md->q, md, first, col_of(n), 0);
	if (!card_mark(&md->q) || md->q.len == 0 ||
	    tag_line(md->q.p, md->q.p + md->q.len))
		return 0;		/* "#card #networking": tags */
	buf_reset(&md->a);
	for (i = first + 1; i <= last; i++)
		if (!property(md->line[i], md->len[i])) {
			if (md->a.len > 0)
				buf_addc(&md->a, '\n');
			add_line(&md->a, md, i, 0, (size_t)-1);
		}
	emit(imp, md, (unsigned long)first);
	return 1;
}

static void
do_para(struct import *imp, struct md *md, cmark_node **np)
{
	cmark_node *n = *np, *last;
	struct buf rest = { 0 };
	size_t qlen, i;

	if ((md->flashcards && do_cards(imp, md, n)) || para_card(imp, md, n))
		return;
	if (!para_question(md, n, &qlen)) {
		if (!do_table(imp, md, n))
			release(imp, md);
		return;
	}
	buf_reset(&md->q);
	buf_add(&md->q, md->scratch.p, qlen);
	buf_cstr(&md->q);
	i = qlen;
	while (i < md->scratch.len && md->scratch.p[i] == ' ')
		i++;
	if (starts_with_ci(md->scratch.p + i, md->scratch.len - i, "a:"))
		i += 2;
	else if (i > qlen && starts_with_ci(md->scratch.p + i,
	    md->scratch.len - i, "a. "))
		i += 3;			/* "Q. What...? A. It..." */
	else if (starts_with_ci(md->scratch.p + i, md->scratch.len - i,
	    "answer:"))
		i += 7;
	while (i < md->scratch.len && (md->scratch.p[i] == ' ' ||
	    md->scratch.p[i] == ':'))
		i++;
	buf_add(&rest, md->scratch.p + i, md->scratch.len - i);
	/* "**1) Median**. Compute the median...": one question */
	if (qlen > 4 && qlen < md->scratch.len &&
	    md->scratch.p[qlen] == '.' && all_bold(md->q.p, qlen) &&
	    !asks(md->q.p, md->q.len)) {
		buf_reset(&md->q);
		buf_add(&md->q, md->scratch.p + 2, qlen - 4);
		buf_add(&md->q, md->scratch.p + qlen, md->scratch.len - qlen);
		buf_reset(&rest);
		qlen = md->q.len;
	}
	if (all_bold(md->q.p, qlen)) {		/* the bold around it */
		memmove(md->q.p, md->q.p + 2, qlen - 4);
		md->q.len = qlen - 4;
	} else if (qlen >= 2 && (md->q.p[0] == '*' || md->q.p[0] == '_') &&
	    md->q.p[1] != md->q.p[0] &&
	    md->q.p[qlen - 1] == md->q.p[0]) {	/* the italics */
		memmove(md->q.p, md->q.p + 1, qlen - 2);
		md->q.len = qlen - 2;
	}
	strip_numbering(&md->q);
	last = body_end(md, n);
	add_body(md, last != n ? cmark_node_next(n) : NULL, last, 1);
	answer_after(md, &rest);
	emit(imp, md, (unsigned long)cmark_node_get_start_line(n));
	*np = last;
}

/* "<details><summary>Which sort is stable?</summary>": a question */
static int
details_asks(struct md *md, cmark_node *n)
{
	struct buf src = { 0 }, sum = { 0 }, body = { 0 };
	int yes;

	if (!is_details(n))
		return 0;
	add_blocks(&src, md, n, n);
	yes = details(src.p, src.len, &sum, &body) && sum.len > 0 &&
	    !answer_word(sum.p, sum.len) &&
	    question_strength(sum.p, sum.len) > 0;
	buf_free(&src);
	buf_free(&sum);
	buf_free(&body);
	return yes;
}

/*
 * Does the body of a heading hold a list of questions?  Then the heading
 * is their section ("## Design" above "- What is X?"), whatever it says.
 * Under a heading that asks itself, only a list that asks (most items
 * with a '?') right under it: "### When should you use an index?" above
 * "- When the table is large." is a question and its answer.
 */
static int
holds_questions(struct md *md, cmark_node *h, int strength)
{
	cmark_node *n, *last = body_end(md, h);
	size_t q, nitems;

	for (n = cmark_node_next(h); n != NULL && last != h;
	    n = cmark_node_next(n)) {
		if (details_asks(md, n))
			return 1;
		if (cmark_node_get_type(n) == CMARK_NODE_LIST &&
		    !link_list(n, 1) && !link_list(n, 0) &&
		    (q = list_questions(md, n, &nitems,
		    strength == 2)) > 0 && q * 2 >= nitems)
			return 1;
		if (n == last || strength == 2)
			break;
	}
	return 0;
}

/* Does the text start with a label only an answer has (not "View:")? */
static int
strong_label(const char *p, size_t len)
{
	static const char *const words[] = {
		"answer", "ans", "solution",
		"\xe7\xad\x94", "\xe8\xa7\xa3",	/* 答, 解 */
	};

	while (len > 0 && (*p == '*' || *p == '_' || *p == '#' ||
	    *p == ' ')) {
		p++;
		len--;
	}
	return any_prefix(p, len, words, NITEMS(words)) > 0;
}

/* Does s hold word, letter case aside (on its first line)? */
static int
find_ci(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (; *s != '\0' && *s != '\n'; s++)
		if (strncasecmp(s, word, n) == 0)
			return 1;
	return 0;
}

/*
 * Does an answer come under the heading, before its next one: an answer
 * label, an Answer heading, or a <details> whose summary says answer or
 * solution (not "View contents")?
 */
static int
answered(struct md *md, cmark_node *h)
{
	cmark_node *n;
	int d = 0, steps = 0, level = cmark_node_get_heading_level(h);
	long number;

	heading_text(&md->scratch, md, h);
	number = title_number(md->scratch.p, md->scratch.len);
	/*
	 * The body as body_end() finds it, block by block: up to the first
	 * heading that is no answer's, so many headings take linear time.
	 */
	for (n = cmark_node_next(h); n != NULL; n = cmark_node_next(n)) {
		const char *sum;
		int inside = d > 0;

		if ((!inside && ends_body(md, n, level, number, &steps)) ||
		    (is_heading(n) && !answer_marker(md, n)))
			break;
		/* "Solution 1:" in a question's <details> answers that one */
		d += details_depth(md, n);
		if (inside || !answer_marker(md, n))
			continue;
		if (!is_details(n)) {
			/* Answer, Ans, Solution: not "See the guide:" */
			text_of(&md->scratch, md, n);
			if (strong_label(md->scratch.p, md->scratch.len))
				return 1;
			continue;
		}
		sum = strstr(cmark_node_get_literal(n), "<summary");
		if (sum != NULL && (find_ci(sum, "answer") ||
		    find_ci(sum, "solution") || find_ci(sum, "response")))
			return 1;
	}
	return 0;
}

/* "Question", "**Q3:**", "Problem 2", "问题": a heading of a label alone */
static int
question_label(const char *p, size_t len)
{
	static const char *const words[] = {
		"question", "problem", "q",
		"\xe9\x97\xae\xe9\xa2\x98",	/* 问题 */
		"\x70\x65\x72\x67\x75\x6e\x74\x61",	/* pergunta */
		"\x71\x75\x65\x73\x74\xc3\xa3\x6f",	/* questão */
		"\x71\x75\x65\x73\x74\x61\x6f",	/* questao */
		"\x70\x72\x65\x67\x75\x6e\x74\x61",	/* pregunta */
		"\x66\x72\x61\x67\x65",	/* frage */
		"\x73\x6f\x72\x75",	/* soru */
		"\x63\xc3\xa2\x75\x20\x68\xe1\xbb\x8f\x69",	/* câu hỏi */
		"\x70\x65\x72\x74\x61\x6e\x79\x61\x61\x6e",	/* pertanyaan */
		"\xe8\xb3\xaa\xe5\x95\x8f",	/* 質問 */
		"\xe5\x95\x8f\xe9\xa1\x8c",	/* 問題 */
		/* Вопрос */
		"\xd0\x92\xd0\xbe\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81",
		/* вопрос */
		"\xd0\xb2\xd0\xbe\xd0\xbf\xd1\x80\xd0\xbe\xd1\x81",
		/* задача */
		"\xd0\xb7\xd0\xb0\xd0\xb4\xd0\xb0\xd1\x87\xd0\xb0",
		/* Задача */
		"\xd0\x97\xd0\xb0\xd0\xb4\xd0\xb0\xd1\x87\xd0\xb0",
	};
	size_t i, n;

	while (len > 0 && (p[len - 1] == '*' || p[len - 1] == '_' ||
	    p[len - 1] == ':' || p[len - 1] == '.' || p[len - 1] == ' '))
		len--;
	while (len > 0 && (*p == '*' || *p == '_')) {
		p++;
		len--;
	}
	for (i = 0; i < NITEMS(words); i++) {
		n = strlen(words[i]);
		if (!starts_with_ci(p, len, words[i]))
			continue;
		while (n < len && (p[n] == ' ' || p[n] == '#'))
			n++;
		while (n < len && isdigit((unsigned char)p[n]))
			n++;
		if (n == len)
			return 1;
	}
	return 0;
}

/*
 * "## Design Patterns" over a list of links and nothing else: a section of
 * reading, not an exercise, unless it asks with a '?'.
 */
static int
over_links(struct md *md, cmark_node *h)
{
	cmark_node *n = cmark_node_next(h), *after;

	return n != NULL && cmark_node_get_type(n) == CMARK_NODE_LIST &&
	    (link_list(n, 0) || link_list(n, 1)) && !asks(md->q.p, md->q.len) &&
	    ((after = cmark_node_next(n)) == NULL || is_heading(after));
}

/* "### 1. TEAMWORK", then "**Question:** Tell me...": a topic */
static int
asks_next(struct md *md, cmark_node *h)
{
	size_t qlen;

	return cmark_node_next(h) != NULL &&
	    para_question(md, cmark_node_next(h), &qlen);
}

/* The question in md->q, of heading h, its answer the blocks to last. */
static void
heading_question(struct import *imp, struct md *md, cmark_node *h,
    cmark_node *last)
{
	int label = question_label(md->q.p, md->q.len);
	const char *nl;

	end_sections(md, cmark_node_get_heading_level(h), 1);
	strip_numbering(&md->q);
	unbold(&md->q);			/* "### **What is a node?**" */
	add_body(md, last != h ? cmark_node_next(h) : NULL, last, 1);
	/* "### Question", its text, "### Answer": the text asks */
	if (label && (nl = memchr(md->q.p, '\n', md->q.len)) != NULL) {
		size_t k = (size_t)(nl + 1 - md->q.p);

		memmove(md->q.p, md->q.p + k, md->q.len - k);
		md->q.len -= k;
	} else if (label && md->a.len > 0) {
		/* ...and with no answer marker, all of it asks */
		buf_reset(&md->q);
		buf_add(&md->q, md->a.p, md->a.len);
		buf_reset(&md->a);
	}
	emit(imp, md, (unsigned long)cmark_node_get_start_line(h));
}

static void
do_heading(struct import *imp, struct md *md, cmark_node **np)
{
	cmark_node *h = *np, *last;
	int strength;

	if (is_boiler(md, h)) {
		release(imp, md);
		return;
	}
	heading_text(&md->q, md, h);
	/* A promotion, or a heading with nothing under it before the title */
	if (promotion(md->q.p, md->q.len) ||
	    (cmark_node_get_start_line(h) < md->title &&
	    (cmark_node_next(h) == NULL || is_heading(cmark_node_next(h))))) {
		release(imp, md);
		return;
	}
	unlink_whole(&md->q);
	/* "## TCP handshake steps #card": a card, its body the answer */
	if (card_mark(&md->q) && md->q.len > 0) {
		release(imp, md);
		last = body_end(md, h);
		heading_question(imp, md, h, last);
		*np = last;
		return;
	}
	/* "## Question 22", then "### Difference between...": no section */
	if (question_label(md->q.p, md->q.len) && cmark_node_next(h) != NULL &&
	    is_heading(cmark_node_next(h)) &&
	    cmark_node_get_heading_level(cmark_node_next(h)) >
	    cmark_node_get_heading_level(h)) {
		release(imp, md);
		end_sections(md, cmark_node_get_heading_level(h), 0);
		md->labelled = cmark_node_get_start_line(cmark_node_next(h));
		return;
	}
	strength = question_strength(md->q.p, md->q.len);
	/* "## Question 1" over the question's text, or under such a label */
	if (cmark_node_get_start_line(h) == md->labelled ||
	    (question_label(md->q.p, md->q.len) && cmark_node_next(h) != NULL &&
	    !is_heading(cmark_node_next(h))))
		strength = 2;
	/* "### CAP theorem", then "**Answer:**": a question by its answer */
	if (strength == 0 && cmark_node_get_start_line(h) != md->title &&
	    answered(md, h))
		strength = 1;
	if (cmark_node_get_start_line(h) == md->title || strength == 0 ||
	    holds_questions(md, h, strength) ||
	    (strength < 2 && asks_next(md, h)) || over_links(md, h)) {
		release(imp, md);
		push_section(md, h);
		return;
	}
	if (has_subsections(md, h, strength)) {
		release(imp, md);
		/*
		 * "## What is a port?", its answer, then "### What is a
		 * well-known port?": a question, and the section of those
		 * under it.
		 */
		if (strength == 2 && (last = body_end(md, h)) != h)
			heading_question(imp, md, h, last);
		push_section(md, h);
		return;
	}
	last = body_end(md, h);
	heading_question(imp, md, h, last);
	*np = last;
}

static void
do_details(struct import *imp, struct md *md, cmark_node **np)
{
	cmark_node *last = details_end(md, *np);
	struct buf src = { 0 }, sum = { 0 };

	add_blocks(&src, md, *np, last);
	if (details(src.p, src.len, &sum, &md->a)) {
		trim_end(&sum);
		if (answer_word(sum.p, sum.len) && md->held) {
			md->held = 0;
			import_clear(imp);
			buf_add(&imp->question, md->heldq.p, md->heldq.len);
			buf_add(&imp->tags, md->heldtags.p, md->heldtags.len);
			buf_add(&imp->answer, md->a.p, md->a.len);
			md_emit(imp, md, md->heldline);
		} else if (sum.len > 0 && !answer_word(sum.p, sum.len) &&
		    (md->asked || question_strength(sum.p, sum.len) > 0)) {
			/*
			 * "View contents" with nothing above to answer is a
			 * table of contents folded away: skipped; and so is
			 * "Download PDF" before the first question.
			 */
			buf_reset(&md->q);
			buf_add(&md->q, sum.p, sum.len);
			strip_numbering(&md->q);
			emit(imp, md, (unsigned long)cmark_node_get_start_line(*np));
		}
	}
	buf_free(&src);
	buf_free(&sum);
	*np = last;
}

/*
 * "## Have doubt in this question ??" after every question: a heading
 * repeated word for word, three times or more, mostly with nothing under
 * it, is boilerplate, neither a question nor a section.
 */
struct heading_seen {
	char	*text;
	int	 line, empty;
};

static int
cmp_seen(const void *a, const void *b)
{
	const struct heading_seen *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

static void
find_boilerplate(struct md *md, cmark_node *doc)
{
	struct heading_seen *seen = NULL;
	size_t n = 0, cap = 0, i, j, k, nempty;
	cmark_node *h, *next;

	for (h = cmark_node_first_child(doc); h != NULL; h = cmark_node_next(h)) {
		if (!is_heading(h))
			continue;
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			seen = xreallocarray(seen, cap, sizeof(*seen));
		}
		heading_text(&md->scratch, md, h);
		seen[n].text = xstrdup(md->scratch.p);
		seen[n].line = cmark_node_get_start_line(h);
		next = cmark_node_next(h);
		seen[n].empty = next == NULL || is_heading(next) ||
		    cmark_node_get_type(next) == CMARK_NODE_THEMATIC_BREAK;
		n++;
	}
	if (n > 0)
		qsort(seen, n, sizeof(*seen), cmp_seen);
	for (i = 0; i < n; i = j) {
		nempty = 0;
		for (j = i; j < n && strcmp(seen[j].text, seen[i].text) == 0; j++)
			nempty += seen[j].empty;
		if (j - i < 3 || nempty * 2 <= j - i)
			continue;
		md->boiler = xreallocarray(md->boiler, md->nboiler + j - i,
		    sizeof(*md->boiler));
		for (k = i; k < j; k++)
			md->boiler[md->nboiler++] = seen[k].line;
	}
	for (i = 0; i < n; i++)
		free(seen[i].text);
	free(seen);
	if (md->nboiler > 0)
		qsort(md->boiler, md->nboiler, sizeof(*md->boiler), cmp_int);
}

/* Is the line at q only tags ("#flashcards #networking"), lowercase? */
static int
tag_line(const char *q, const char *e)
{
	while (q < e && (e[-1] == ' ' || e[-1] == '\r'))
		e--;
	if (q == e)
		return 0;
	while (q < e) {
		if (*q != '#' || q + 1 == e || !islower((unsigned char)q[1]))
			return 0;
		while (q < e && *q != ' ')
			q++;
		while (q < e && *q == ' ')
			q++;
	}
	return 1;
}

/*
 * "###8. What..." and "####[[↑]](#toc) Questions:": headings without the
 * space CommonMark asks for after the '#'s, as older renderers read them
 * and many lists still write them.  Outside code fences, such a line
 * after a blank line or a heading gets its space, so that cmark sees the
 * heading the author meant.
 */
static void
fix_atx(struct md *md)
{
	struct buf out = { 0 };
	const char *p = md->text.p, *end = p + md->text.len;
	char fence = 0;
	size_t fencelen = 0;
	int after_blank = 1;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl != NULL ? nl : end, *q = p;
		size_t hashes = 0, run = 0;

		while (q < e && *q == ' ')
			q++;
		if (q < e && (*q == '`' || *q == '~')) {
			while (q + run < e && q[run] == *q)
				run++;
			if (fence == 0 && run >= 3) {
				fence = *q;
				fencelen = run;
			} else if (fence == *q && run >= fencelen) {
				fence = 0;
			}
		}
		if (fence == 0 && q - p <= 3 && q < e && *q == '#') {
			while (q + hashes < e && q[hashes] == '#')
				hashes++;
		}
		if (hashes == 1 && tag_line(q, e)) {
			/* "#flashcards #net": Obsidian's tags, no heading */
			if (find(q, (size_t)(e - q), "#flashcards", 11) != NULL)
				md->flashcards = 1;
			hashes = 0;
		}
		if (hashes >= 1 && hashes <= 6 && q + hashes < e &&
		    after_blank && (isalnum((unsigned char)q[hashes]) ||
		    q[hashes] == '[' || (unsigned char)q[hashes] >= 0x80)) {
			buf_add(&out, p, (size_t)(q + hashes - p));
			buf_addc(&out, ' ');
			buf_add(&out, q + hashes, (size_t)(e - q - hashes));
		} else
			buf_add(&out, p, (size_t)(e - p));
		for (q = p; q < e && (*q == ' ' || *q == '\t'); q++)
			;
		after_blank = q == e || (fence == 0 && *q == '#');
		if (nl == NULL)
			break;
		buf_addc(&out, '\n');
		p = nl + 1;
	}
	buf_cstr(&out);		/* never a NULL pointer, even when empty */
	buf_free(&md->text);
	md->text = out;
}

/* YAML front matter: blanked out, so that line numbers stay right. */
static void
front_matter(struct md *md)
{
	size_t n;

	if (md->nline < 2 || md->len[1] != 3 || memcmp(md->line[1], "---", 3) != 0)
		return;
	for (n = 2; n <= md->nline; n++)
		if ((md->len[n] == 3 && (memcmp(md->line[n], "---", 3) == 0 ||
		    memcmp(md->line[n], "...", 3) == 0))) {
			size_t i;

			for (i = 1; i <= n; i++)
				memset((char *)md->line[i], ' ', md->len[i]);
			return;
		}
}

static void
index_lines(struct md *md)
{
	const char *p = md->text.p, *end = p + md->text.len;
	size_t n = 1, cap = 64;

	md->line = xmalloc(cap * sizeof(*md->line));
	md->len = xmalloc(cap * sizeof(*md->len));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (n + 1 >= cap) {
			cap *= 2;
			md->line = xreallocarray(md->line, cap,
			    sizeof(*md->line));
			md->len = xreallocarray(md->len, cap, sizeof(*md->len));
		}
		md->line[n] = p;
		md->len[n] = (size_t)(nl - p);
		n++;
		p = nl + 1;
	}
	md->nline = n - 1;
}

/*
 * The title: the first heading, of level 1, when no other is level 1 and
 * other headings follow.  Alone, it names what the questions are about
 * ("# CSS Questions" above a list), and is their tag.
 */
static void
find_title(struct md *md, cmark_node *doc)
{
	cmark_node *n, *first = NULL;
	int h1 = 0, after = 0;

	/*
	 * The only level-1 heading, with headings after it: before it
	 * only a preamble ("## License", "## Have question for me ?").
	 */
	for (n = cmark_node_first_child(doc); n != NULL; n = cmark_node_next(n)) {
		if (!is_heading(n))
			continue;
		if (cmark_node_get_heading_level(n) == 1) {
			h1++;
			first = n;
		} else
			after += first != NULL;
	}
	if (first == NULL || h1 != 1 || after == 0)
		return;
	/* "# Explain X", then "## Answer": a file of one question. */
	heading_text(&md->q, md, first);
	if (question_strength(md->q.p, md->q.len) == 2 && answered(md, first))
		return;
	md->title = cmark_node_get_start_line(first);
}

static int
md_fill(struct import *imp)
{
	struct md *md;
	cmark_node *doc, *n;
	size_t i;

	if (imp->state != NULL)
		return 0;
	imp->state = md = xcalloc(1, sizeof(*md));
	if (import_slurp(imp, &md->text) < 0)
		import_error(imp, imp->rd->lineno + 1, "read error");
	/* cmark ends a line at a lone CR too: so must the line index. */
	for (i = 0; i < md->text.len; i++)
		if (md->text.p[i] == '\r')
			md->text.p[i] = '\n';
	fix_atx(md);
	index_lines(md);
	front_matter(md);
	doc = cmark_parse_document(md->text.p, md->text.len, CMARK_OPT_DEFAULT);
	find_title(md, doc);
	find_boilerplate(md, doc);
	for (n = cmark_node_first_child(doc); n != NULL; n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			do_heading(imp, md, &n);
			break;
		case CMARK_NODE_LIST:
			if (held_answer(imp, md, &n))
				break;
			release(imp, md);
			do_list(imp, md, n);
			break;
		case CMARK_NODE_PARAGRAPH:
			if (!held_answer(imp, md, &n))
				do_para(imp, md, &n);
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_BLOCK_QUOTE:
			if (md->held)
				after_item(imp, md, n);
			break;
		case CMARK_NODE_HTML_BLOCK:
			if (is_details(n)) {
				do_details(imp, md, &n);
				break;
			}
			/* FALLTHROUGH */
		default:
			release(imp, md);
			break;
		}
	}
	release(imp, md);
	cmark_node_free(doc);
	return 1;
}

static void
md_close(struct import *imp)
{
	struct md *md = imp->state;

	if (md == NULL)
		return;
	buf_free(&md->text);
	buf_free(&md->scratch);
	buf_free(&md->q);
	buf_free(&md->a);
	buf_free(&md->heldq);
	buf_free(&md->heldtags);
	free(md->line);
	free(md->len);
	free(md->boiler);
	free(md);
}

const struct import_reader import_markdown = { md_fill, md_close, NULL,
	NULL };

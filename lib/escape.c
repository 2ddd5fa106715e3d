/*
 * The text here is already valid UTF-8 without control characters other
 * than tab and newline (the record parser saw to that).  JSON escapes
 * every control character; the separated-values formats (CSV, TSV, Anki)
 * quote the fields that hold a separator, quote, CR or LF and pass other
 * bytes through; Markdown turns tabs into spaces and passes the rest.
 */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "scan.h"

/*
 * The bytes JSON strings cannot hold as they are: controls, quote,
 * backslash, DEL, and 0xe2, which may start U+2028 or U+2029.
 */
static struct scan_set json_special =
    SCAN_SET(SCAN_CTRL | SCAN_DEL, 3, '"', '\\', 0xe2);

/* The end of the run of plain bytes that starts at i. */
static size_t
json_run(const char *p, size_t i, size_t n)
{
	return scan_find(p, i, n, &json_special);
}

void
esc_json(struct buf *b, const char *p, size_t n)
{
	size_t i = 0;

	buf_reserve(b, n + 2);
	buf_addc(b, '"');
	while (i < n) {
		size_t run = json_run(p, i, n);
		unsigned char c;
		char hex[8];

		/* Copy runs of plain bytes at once: most text is one run. */
		buf_add(b, p + i, run - i);
		if ((i = run) == n)
			break;
		switch (c = (unsigned char)p[i]) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		default:
			if (c == 0xe2 && i + 2 < n &&
			    (unsigned char)p[i + 1] == 0x80 &&
			    ((unsigned char)p[i + 2] & 0xfe) == 0xa8) {
				/* U+2028 and U+2029 end lines in JavaScript. */
				buf_adds(b, (unsigned char)p[i + 2] == 0xa8 ?
				    "\\u2028" : "\\u2029");
				i += 2;
			} else if (c == 0xe2)
				buf_addc(b, (char)c);
			else {
				snprintf(hex, sizeof(hex), "\\u%04x", c);
				buf_adds(b, hex);
			}
		}
		i++;
	}
	buf_addc(b, '"');
}

/* Does the text hold any of the four bytes?  One pass over it. */
static int
holds_any(const char *p, size_t n, char a, char b, char c, char d)
{
	/* The callers ask for one set or two: rebuild only on a change. */
	static struct scan_set set = SCAN_SET(0, 4, 0, 0, 0, 0);

	if (set.bytes[0] != (unsigned char)a || set.bytes[1] != (unsigned char)b ||
	    set.bytes[2] != (unsigned char)c || set.bytes[3] != (unsigned char)d) {
		set.bytes[0] = (unsigned char)a;
		set.bytes[1] = (unsigned char)b;
		set.bytes[2] = (unsigned char)c;
		set.bytes[3] = (unsigned char)d;
		set.ready = 0;
	}
	return scan_find_run(p, 0, n, &set) < n;
}

/* The field between quotes, after the prefix, each quote doubled. */
static void
quoted(struct buf *b, const char *prefix, const char *p, size_t n)
{
	const char *end = p + n, *q;

	buf_addc(b, '"');
	buf_adds(b, prefix);
	while ((q = memchr(p, '"', (size_t)(end - p))) != NULL) {
		buf_add(b, p, (size_t)(q - p) + 1);
		buf_addc(b, '"');	/* a quote is doubled */
		p = q + 1;
	}
	buf_add(b, p, (size_t)(end - p));
	buf_addc(b, '"');
}

/*
 * A field of a separated-values format: quoted when it holds the
 * separator, a quote or a line end, or when quote_hash is set and it
 * starts with '#' (a comment to Anki's reader).
 */
static void
separated_field(struct buf *b, const char *prefix, const char *p, size_t n,
    char separator, int quote_hash)
{
	if (holds_any(p, n, separator, '"', '\r', '\n') ||
	    (quote_hash && n > 0 && p[0] == '#'))
		quoted(b, prefix, p, n);
	else {
		buf_adds(b, prefix);
		buf_add(b, p, n);
	}
}

void
esc_csv(struct buf *b, const char *p, size_t n, int guard)
{
	/* OWASP's CSV injection list: these start a formula. */
	if (guard && n > 0 && p[0] != '\0' && strchr("=+-@\t\r", p[0]) != NULL)
		separated_field(b, "'", p, n, ',', 0);
	else
		separated_field(b, "", p, n, ',', 0);
}

void
esc_tsv(struct buf *b, const char *p, size_t n, int first)
{
	separated_field(b, "", p, n, '\t', first);
}

/* Characters that are markup wherever they stand. */
static int
md_always(char c)
{
	return c != '\0' && strchr("\\`*_[]<>#|~&!", c) != NULL;
}

/* Characters that are markup at the start of a line. */
static int
md_line_start(char c)
{
	return c != '\0' && strchr("+-=>", c) != NULL;
}

void
esc_markdown(struct buf *b, const char *p, size_t n, int indent)
{
	int at_start = 1;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c == '\n') {
			if (i + 1 < n && p[i + 1] == '\n') {
				/* Blank lines: a new paragraph in the item. */
				while (i + 1 < n && p[i + 1] == '\n')
					i++;
				buf_adds(b, "\n\n");
			} else
				buf_adds(b, "\\\n");	/* a hard line break */
			for (int k = 0; k < indent; k++)
				buf_addc(b, ' ');
			at_start = 1;
			continue;
		}
		if (c == '\t')
			c = ' ';
		if (c == ' ' && at_start)
			continue;	/* leading spaces could make a code block */
		if (c != ' ' && (md_always(c) || (at_start && md_line_start(c))))
			buf_addc(b, '\\');
		/* "1." or "1)" starting a line would begin an ordered list. */
		if (at_start && c >= '0' && c <= '9') {
			size_t j = i;

			while (j < n && p[j] >= '0' && p[j] <= '9')
				j++;
			buf_add(b, p + i, j - i);
			if (j < n && (p[j] == '.' || p[j] == ')')) {
				buf_addc(b, '\\');
				buf_addc(b, p[j]);
				j++;
			}
			i = j - 1;
			at_start = 0;
			continue;
		}
		buf_addc(b, c);
		if (c != ' ')
			at_start = 0;
	}
}

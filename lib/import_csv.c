/*
 * Separated values: CSV as RFC 4180 has it, and the tab-separated text
 * Anki and Quizlet export, with Anki's "#key:value" header lines.  Both
 * quote a field the CSV way ("...", with "" for a quote), so one parser
 * reads both; it takes lines from the line reader, which has already
 * dropped the BOM and the CR of CRLF, and a quoted field may span lines.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "import.h"

#define ROLE_NONE	(-1)
#define ROLE_UNNAMED	(-2)	/* a column a spreadsheet added: not read */
#define ROLE_CATEGORY	(-3)	/* tags, a name of words each */

struct sv {
	char		 sep;
	int		 tsv;
	int		 html;		/* Anki's #html:true */
	int		 started;	/* the header (if any) is read */
	int		 header;	/* a header row named the columns */
	int		 distinct;	/* ...each of id, tags, question and
					   answer once at most */
	int		 anki;		/* Anki's header lines gave columns */
	int		*role;		/* per column: REC_FIELD_*,
					   ROLE_NONE or ROLE_UNNAMED */
	size_t		 nrole;
	int		 tagcol, guidcol;	/* 1-based, 0: none */
	int		*skipcol;	/* notetype and deck columns */
	size_t		 nskip;
	/*
	 * The row's fields: most are views into the line; one with "" or a
	 * line break in it is unquoted into text (its offset in off[]).
	 */
	struct span	*field;
	size_t		*off;		/* NOT_COPIED for a view */
	size_t		 nfield, fieldcap;
	struct buf	 text;
	struct buf	 scratch;
	struct buf	 names;		/* Anki's #columns: line */
	unsigned long	 names_line;	/* ...and where it is */
	int		 hinted;	/* how to name columns was said */
	int		 semi_hinted;	/* ...and that ';' may separate */
	struct span	 pend;		/* a line read ahead, valid until */
	int		 have_pend;	/* the next reader_next() */
	unsigned	 kind;		/* the row's line's IMPORT_LINE_*; of
					   more lines, what all are (CLEAN) */
};

#define NOT_COPIED	((size_t)-1)
/*
 * Ahead (import.h), a quoted field longer than this ends the part read:
 * the row is left to the thread before, should the part have begun
 * inside a quoted field after all (import_record_start() guesses).
 */
#define AHEAD_TEXT_MAX	((size_t)1 << 20)

static void
push_field(struct sv *sv, const char *p, size_t len, size_t off)
{
	if (sv->nfield == sv->fieldcap) {
		sv->fieldcap = sv->fieldcap == 0 ? 16 : sv->fieldcap * 2;
		sv->field = xreallocarray(sv->field, sv->fieldcap,
		    sizeof(*sv->field));
		sv->off = xreallocarray(sv->off, sv->fieldcap,
		    sizeof(*sv->off));
	}
	sv->field[sv->nfield].p = p;
	sv->field[sv->nfield].len = len;
	sv->off[sv->nfield++] = off;
}

/* A field unquoted into text, from off to its end. */
static void
push_copied(struct sv *sv, size_t off)
{
	push_field(sv, NULL, sv->text.len - off, off);
}

/* The views copied into text, before the line they are in is let go. */
static void
copy_views(struct sv *sv)
{
	size_t i;

	for (i = 0; i < sv->nfield; i++)
		if (sv->off[i] == NOT_COPIED) {
			sv->off[i] = sv->text.len;
			buf_add(&sv->text, sv->field[i].p, sv->field[i].len);
		}
}

/* The copied fields' views, once text no longer moves. */
static void
resolve(struct sv *sv)
{
	size_t i;

	for (i = 0; i < sv->nfield; i++)
		if (sv->off[i] != NOT_COPIED)
			sv->field[i].p = sv->text.p + sv->off[i];
}

static void
clear_row(struct sv *sv)
{
	buf_reset(&sv->text);
	sv->nfield = 0;
}

/*
 * What the row's text is known to be, as a hint: text from lines of valid
 * UTF-8 without controls (but TAB) is clean whatever the quotes did to
 * it; with no TAB or backslash, and no line break, it is valid as it is.
 * Anki's HTML is made into other text.
 */
static unsigned
row_hint(const struct sv *sv)
{
	if (sv->html)
		return 0;
	return sv->kind & IMPORT_LINE_PLAIN ? IMPORT_PLAIN :
	    sv->kind & IMPORT_LINE_CLEAN ? IMPORT_CLEAN : 0;
}

/*
 * memchr(), but a field's end is found 16 bytes at a time without a
 * call: most fields are short (an id, tags) or a line's length.
 */
static inline const char *
find_byte(const char *p, const char *end, char c)
{
#ifdef __SSE2__
	/*
	 * c times four as one int: gcc builds _mm_set1_epi8(c) from a byte
	 * stored and reloaded as four, which stalls the load.
	 */
	__m128i k = _mm_set1_epi32((int)(0x01010101u * (unsigned char)c));

	if (end - p >= 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)p), k));

		if (m != 0)
			return p + __builtin_ctz(m);
		p += 16;
	}
#endif
	return memchr(p, c, (size_t)(end - p));
}

/*
 * The fast path for a row of the usual kind: under a header, on one line,
 * its quoted fields without "", one field a column, each role once, not
 * all empty.  Its fields go to import_emit_fields() where they stand (with
 * the hint the line's kind gives), and 1 is returned; 0 leaves the row to
 * read_row() and row_record(), which also say what is wrong with it.
 */
static int
plain_row(struct import *imp, struct sv *sv, struct span l, unsigned long line)
{
	struct span f[REC_NFIELDS] = { { "", 0 }, { "", 0 }, { "", 0 },
	    { "", 0 } };
	const char *p = l.p, *end = l.p + l.len;
	/* Locals: the compiler cannot know the stores to f miss sv. */
	const int *roles = sv->role;
	const char *s, *stop;
	size_t col, last = sv->nrole - 1;
	int filled = 0;
	char sep = sv->sep;

	for (col = 0;; col++) {
		int role = roles[col];

		if (p < end && *p == '"') {
			if ((s = find_byte(p + 1, end, '"')) == NULL)
				return 0;
			stop = s + 1;
			p++;
			if (stop < end && *stop != sep)
				return 0;
		} else if ((stop = s = find_byte(p, end, sep)) == NULL)
			stop = s = end;
		if (role >= 0)
			f[role] = (struct span){ p, (size_t)(s - p) };
		filled |= s > p;
		/* Fewer fields or more than the header has. */
		if (col == last)
			break;
		if (stop == end)
			return 0;
		p = stop + 1;
	}
	if (stop != end || !filled)
		return 0;
	import_clear(imp);
	/* The rest of the line may be read with the tags. */
	if (f[REC_FIELD_TAGS].len > 0)
		imp->tags_avail = (size_t)(end - f[REC_FIELD_TAGS].p);
	import_emit_fields(imp, line, f, 0,
	    IMPORT_HINT(REC_FIELD_QUESTION, row_hint(sv)) |
	    IMPORT_HINT(REC_FIELD_ANSWER, row_hint(sv)));
	return 1;
}

/*
 * The next line of a row's quoted field.  Where the reader stops for the
 * other thread (lib/split.c) inside the field, the other began in the
 * middle of this row: reading goes on past the limit, and crossed says
 * so, for the other's part to be read here.
 */
static int
next_line(struct import *imp, struct span *l, unsigned *kind)
{
	int got = import_line(imp, l, kind);

	if (got == 0 && reader_at_limit(imp->rd)) {
		imp->crossed = 1;
		reader_go_on(imp->rd);
		got = import_line(imp, l, kind);
	}
	return got;
}

/* After a quoted field, a ';' where ',' separates: said once how */
static const char *
semicolon_hint(struct sv *sv, char c)
{
	if (c != ';' || sv->sep != ',' || sv->semi_hinted++)
		return "";
	return " (';' as the separator? a first line 'sep=;' says so)";
}

/*
 * Reads one row into sv's fields.  1: a row; 0: end of input; -1: a
 * malformed row, reported and skipped; 2: a row made into a record
 * already (plain_row()).  *start is the row's first line.
 */
static int
read_row(struct import *imp, struct sv *sv, unsigned long *start)
{
	struct span l;
	unsigned kind;
	size_t i;
	int got;

	do {
		if (sv->have_pend) {
			l = sv->pend;
			sv->have_pend = 0;
			sv->kind = 0;
			continue;
		}
		if ((got = import_line(imp, &l, &sv->kind)) <= 0)
			return got < 0 ? (import_error(imp, imp->rd->lineno + 1,
			    "read error"), 0) : 0;
	} while (l.len == 0);
	*start = imp->rd->lineno;
	if (imp->ahead &&
	    import_ends_at(imp, reader_offset(imp->rd, l.p), *start))
		return 0;
	if (import_fast && sv->distinct && !sv->tsv && !sv->html &&
	    plain_row(imp, sv, l, *start))
		return 2;
	clear_row(sv);
	i = 0;
	for (;;) {
		if (i < l.len && l.p[i] == '"') {
			const char *q = memchr(l.p + i + 1, '"', l.len - i - 1);
			const char *s;
			size_t off;

			i++;
			/* Most quoted fields end on their line without a "". */
			if (q != NULL && (q + 1 == l.p + l.len || q[1] != '"')) {
				/*
				 * Quizlet quotes nothing: '"Hello" in French'
				 * followed by a TAB is text as written.
				 */
				if (sv->tsv && q + 1 < l.p + l.len &&
				    q[1] != sv->sep) {
					s = memchr(q, sv->sep, (size_t)(l.p +
					    l.len - q));
					q = s != NULL ? s : l.p + l.len;
					push_field(sv, l.p + i - 1, (size_t)(q -
					    l.p) - i + 1, NOT_COPIED);
					i = (size_t)(q - l.p);
					goto unquoted;
				}
				push_field(sv, l.p + i, (size_t)(q - l.p) - i,
				    NOT_COPIED);
				i = (size_t)(q - l.p) + 1;
				goto closed;
			}
			copy_views(sv);
			off = sv->text.len;
			for (;;) {
				q = memchr(l.p + i, '"', l.len - i);
				if (q == NULL) {
					buf_add(&sv->text, l.p + i, l.len - i);
					buf_addc(&sv->text, '\n');
					if (imp->ahead &&
					    sv->text.len > AHEAD_TEXT_MAX) {
						import_stop_before(imp, *start);
						return 0;
					}
					if ((got = next_line(imp, &l,
					    &kind)) <= 0) {
						import_error(imp, *start,
						    "quoted field not closed");
						return -1;
					}
					sv->kind &= kind & IMPORT_LINE_CLEAN;
					i = 0;
					continue;
				}
				buf_add(&sv->text, l.p + i, (size_t)(q - l.p) - i);
				i = (size_t)(q - l.p) + 1;
				if (i < l.len && l.p[i] == '"') {
					buf_addc(&sv->text, '"');
					i++;
					continue;
				}
				break;
			}
			push_copied(sv, off);
		closed:
			if (i < l.len && l.p[i] != sv->sep) {
				if (imp->rd->lineno == *start)
					import_error(imp, *start, "text after "
					    "the closing quote of field %zu%s",
					    sv->nfield, semicolon_hint(sv,
					    l.p[i]));
				else if (imp->ahead) {
					/* Its line number, from the file's
					   start, is the other thread's. */
					import_stop_before(imp, *start);
					return 0;
				} else
					import_error(imp, *start, "text after "
					    "the closing quote of field %zu, "
					    "on line %lu", sv->nfield,
					    imp->rd->lineno);
				return -1;
			}
		} else {
			const char *s = memchr(l.p + i, sv->sep, l.len - i);
			size_t stop = s != NULL ? (size_t)(s - l.p) : l.len;

			push_field(sv, l.p + i, stop - i, NOT_COPIED);
			i = stop;
		}
	unquoted:
		if (i >= l.len) {
			resolve(sv);
			return 1;
		}
		i++;		/* the separator */
	}
}

static void
set_roles(struct sv *sv, size_t n)
{
	size_t i;

	sv->role = xreallocarray(sv->role, n > 0 ? n : 1, sizeof(*sv->role));
	for (i = 0; i < n; i++)
		sv->role[i] = ROLE_NONE;
	sv->nrole = n;
}

/* Does no role have two columns? */
static int
roles_distinct(const struct sv *sv)
{
	unsigned seen = 0;
	size_t i;

	for (i = 0; i < sv->nrole; i++)
		if (sv->role[i] == ROLE_CATEGORY)
			return 0;	/* made into tags: row_record()'s */
		else if (sv->role[i] >= 0) {
			if (seen & 1u << sv->role[i])
				return 0;
			seen |= 1u << sv->role[i];
		}
	return 1;
}

/* Is the field empty but for white space (a column a spreadsheet added)? */
static int
blank_field(const struct span *f)
{
	size_t i;

	for (i = 0; i < f->len; i++)
		if (!isspace((unsigned char)f->p[i]))
			return 0;
	return 1;
}

/* Says which named columns are not read, all in one message. */
static void
unknown_columns(struct import *imp, struct sv *sv, unsigned long line)
{
	struct buf unknown = { 0 };
	size_t i, len;

	for (i = 0; i < sv->nrole && i < sv->nfield; i++) {
		size_t k;

		for (k = 0; k < sv->nskip; k++)
			if (sv->skipcol[k] == (int)i + 1)
				break;
		if (sv->role[i] != ROLE_NONE || blank_field(&sv->field[i]) ||
		    k < sv->nskip)
			continue;		/* Anki's deck and notetype */
		len = sv->field[i].len;
		buf_adds(&unknown, unknown.len > 0 ? ", '" : "'");
		buf_add(&unknown, sv->field[i].p, len > 64 ? 64 : len);
		buf_addc(&unknown, '\'');
	}
	if (unknown.len > 0)
		import_error(imp, line, "unknown column %s, not read: the "
		    "columns are id, tags, question and answer",
		    buf_cstr(&unknown));
	buf_free(&unknown);
}

/*
 * A header row: every field a column name, or one names the question.
 * Columns with no name (Excel's "Question,Answer,,") are not read.
 */
static int
header_row(struct import *imp, struct sv *sv, unsigned long line)
{
	size_t i, known = 0, question = 0, named = 0;

	for (i = 0; i < sv->nfield; i++) {
		int f = import_column(sv->field[i].p, sv->field[i].len);

		known += f >= 0;
		question += f == REC_FIELD_QUESTION;
		named += !blank_field(&sv->field[i]);
	}
	/*
	 * Not a header, unless two columns are named: then it is one that
	 * names no question ("Name,Answer,Tags", Notion's), said below.
	 */
	if (known == 0 || (known < named && question == 0 && known < 2))
		return 0;
	set_roles(sv, sv->nfield);
	for (i = 0; i < sv->nfield; i++) {
		int f = import_column(sv->field[i].p, sv->field[i].len);

		if (f < 0 && blank_field(&sv->field[i]))
			f = ROLE_UNNAMED;
		else if (import_category(sv->field[i].p, sv->field[i].len))
			f = ROLE_CATEGORY;
		sv->role[i] = f;
	}
	unknown_columns(imp, sv, line);
	if (question == 0) {
		import_error(imp, line, "no question column in the header");
		imp->done = 1;
	}
	sv->header = 1;
	sv->distinct = roles_distinct(sv);
	return 1;
}

/* The code point c as UTF-8 into out. */
static void
add_utf8(struct buf *out, unsigned long c)
{
	if (c < 0x80)
		buf_addc(out, (char)c);
	else if (c < 0x800) {
		buf_addc(out, (char)(0xc0 | c >> 6));
		buf_addc(out, (char)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		buf_addc(out, (char)(0xe0 | c >> 12));
		buf_addc(out, (char)(0x80 | (c >> 6 & 0x3f)));
		buf_addc(out, (char)(0x80 | (c & 0x3f)));
	} else {
		buf_addc(out, (char)(0xf0 | c >> 18));
		buf_addc(out, (char)(0x80 | (c >> 12 & 0x3f)));
		buf_addc(out, (char)(0x80 | (c >> 6 & 0x3f)));
		buf_addc(out, (char)(0x80 | (c & 0x3f)));
	}
}

/*
 * The entity at p ("&eacute;", "&#233;", "&#xE9;") as a code point, and
 * its length in *n; 0 when it is none known, or a control.
 */
static unsigned long
entity(const char *p, size_t len, size_t *n)
{
	static const struct {
		const char	*name;
		unsigned long	 c;
	} ents[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
		{ "apos", '\'' }, { "nbsp", ' ' }, { "ensp", ' ' },
		{ "emsp", ' ' }, { "thinsp", ' ' }, { "ndash", 0x2013 },
		{ "mdash", 0x2014 }, { "hellip", 0x2026 }, { "lsquo", 0x2018 },
		{ "rsquo", 0x2019 }, { "ldquo", 0x201c }, { "rdquo", 0x201d },
		{ "laquo", 0xab }, { "raquo", 0xbb }, { "bull", 0x2022 },
		{ "middot", 0xb7 }, { "times", 0xd7 }, { "divide", 0xf7 },
		{ "deg", 0xb0 }, { "plusmn", 0xb1 }, { "copy", 0xa9 },
		{ "reg", 0xae }, { "trade", 0x2122 }, { "euro", 0x20ac },
		{ "pound", 0xa3 }, { "rarr", 0x2192 }, { "larr", 0x2190 },
		{ "harr", 0x2194 }, { "rArr", 0x21d2 }, { "le", 0x2264 },
		{ "ge", 0x2265 }, { "ne", 0x2260 }, { "infin", 0x221e },
		{ "eacute", 0xe9 }, { "egrave", 0xe8 }, { "ecirc", 0xea },
		{ "agrave", 0xe0 }, { "aacute", 0xe1 }, { "acirc", 0xe2 },
		{ "ccedil", 0xe7 }, { "iacute", 0xed }, { "oacute", 0xf3 },
		{ "uacute", 0xfa }, { "ntilde", 0xf1 }, { "auml", 0xe4 },
		{ "ouml", 0xf6 }, { "uuml", 0xfc }, { "Auml", 0xc4 },
		{ "Ouml", 0xd6 }, { "Uuml", 0xdc }, { "szlig", 0xdf },
		{ "Eacute", 0xc9 },
	};
	unsigned long c = 0;
	size_t i = 1, k;

	if (len > 2 && p[1] == '#') {
		int hex = len > 3 && (p[2] == 'x' || p[2] == 'X');

		for (i = hex ? 3 : 2; i < len && c <= 0x10ffff &&
		    (hex ? isxdigit((unsigned char)p[i]) :
		    isdigit((unsigned char)p[i])); i++)
			c = c * (hex ? 16 : 10) + (unsigned long)(isdigit(
			    (unsigned char)p[i]) ? p[i] - '0' :
			    (tolower((unsigned char)p[i]) - 'a' + 10));
		if (i == len || p[i] != ';' || i == (hex ? 3u : 2u))
			return 0;
		*n = i + 1;
		if (c == 0xa0)
			return ' ';
		if (c == '\n' || c == '\t')
			return c;
		/* No other controls, surrogates or what is past Unicode. */
		return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
		    (c >= 0xd800 && c < 0xe000) || c > 0x10ffff ? 0 : c;
	}
	for (k = 0; k < sizeof(ents) / sizeof(ents[0]); k++) {
		size_t m = strlen(ents[k].name);

		if (m + 2 <= len && memcmp(p + 1, ents[k].name, m) == 0 &&
		    p[m + 1] == ';') {
			*n = m + 2;
			return ents[k].c;
		}
	}
	return 0;
}

/* Does a tag of one of these names start at p ("<li>", "</p>")? */
static int
block_tag(const char *p, size_t n)
{
	static const char *const names[] = {
		"div", "p", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4",
		"h5", "h6", "blockquote", "pre", "table",
	};
	size_t i = 1, k, m;

	if (i < n && p[i] == '/')
		i++;
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		m = strlen(names[k]);
		if (i + m < n && strncasecmp(p + i, names[k], m) == 0 &&
		    (p[i + m] == '>' || p[i + m] == ' ' || p[i + m] == '/'))
			return 1;
	}
	return 0;
}

/* A line break into out, for a block: none at its start or after one. */
static void
html_break(struct buf *out)
{
	while (out->len > 0 && out->p[out->len - 1] == ' ')
		out->len--;
	if (out->len > 0 && out->p[out->len - 1] != '\n')
		buf_addc(out, '\n');
}

/* Is the tag at p <pre> (1), </pre> (-1), or neither (0)? */
static int
pre_tag(const char *p, size_t n)
{
	if (n >= 5 && strncasecmp(p, "<pre", 4) == 0 &&
	    (p[4] == '>' || p[4] == ' '))
		return 1;
	return n >= 6 && strncasecmp(p, "</pre>", 6) == 0 ? -1 : 0;
}

/* Does a tag start at p ("<b>", "</p>", "<!--"), not text ("1 < 2")? */
static int
tag_start(const char *p, size_t len)
{
	return len > 1 && p[0] == '<' && (isalpha((unsigned char)p[1]) ||
	    p[1] == '/' || p[1] == '!');
}

/* Takes the white space off both ends of out. */
static void
trim_html(struct buf *out)
{
	size_t n;

	while (out->len > 0 && (out->p[out->len - 1] == '\n' ||
	    out->p[out->len - 1] == ' '))
		out->len--;
	for (n = 0; n < out->len && (out->p[n] == '\n' || out->p[n] == ' ');
	    n++)
		;
	if (n > 0) {		/* out->p may be NULL when empty */
		memmove(out->p, out->p + n, out->len - n);
		out->len -= n;
	}
}

/*
 * Anki's "#html:true": line breaks (<br>, and blocks: <div>, <p>, <li>)
 * and entities to text, tags dropped, the breaks at either end too.
 * White space in the source is one space, as HTML has it, but in <pre>;
 * and a '<' that starts no tag ("1 < 2") is text.
 */
static void
from_html(struct buf *out, const char *p, size_t len)
{
	size_t i = 0, n;
	unsigned long c;
	int pre = 0;
	const char *gt;

	buf_reset(out);
	while (i < len) {
		if (tag_start(p + i, len - i) &&
		    (gt = memchr(p + i, '>', len - i)) != NULL) {
			n = (size_t)(gt - p) - i + 1;
			if (n >= 4 && strncasecmp(p + i, "<br", 3) == 0 &&
			    (p[i + 3] == '>' || p[i + 3] == '/' ||
			    p[i + 3] == ' ')) {
				while (out->len > 0 &&
				    out->p[out->len - 1] == ' ')
					out->len--;
				buf_addc(out, '\n');
			} else if (block_tag(p + i, n))
				html_break(out);
			pre += pre_tag(p + i, n);
			if (pre < 0)
				pre = 0;
			i += n;
			continue;
		}
		if (p[i] == '&' && (c = entity(p + i, len - i, &n)) != 0) {
			add_utf8(out, c);
			i += n;
			continue;
		}
		if (!pre && (p[i] == '\n' || p[i] == '\r' || p[i] == ' ' ||
		    p[i] == '\t')) {
			if (out->len > 0 && out->p[out->len - 1] != '\n' &&
			    out->p[out->len - 1] != ' ')
				buf_addc(out, ' ');
			i++;
			continue;
		}
		buf_addc(out, p[i++]);
	}
	trim_html(out);
}

/*
 * An Anki guid is not always a qb id: then one is made from it, into id;
 * 0 when the guid is kept as it is.
 */
static int
anki_id(const char *p, size_t len, char *id, size_t size)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	if (len == 0 || rec_id_valid(p, len))
		return 0;
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	snprintf(id, size, "anki-%012llx", (unsigned long long)(h >> 16));
	return 1;
}

/* Columns without a header: question, answer[, tags[, id]]. */
static int
default_role(struct sv *sv, size_t col)
{
	size_t i, data = 0;

	if (sv->tagcol == (int)col + 1)
		return REC_FIELD_TAGS;
	if (sv->guidcol == (int)col + 1)
		return REC_FIELD_ID;
	for (i = 0; i < sv->nskip; i++)
		if (sv->skipcol[i] == (int)col + 1)
			return ROLE_NONE;
	/* The how-manyth plain column is this one? */
	for (i = 0; i < col; i++) {
		size_t k;
		int skip = sv->tagcol == (int)i + 1 || sv->guidcol == (int)i + 1;

		for (k = 0; k < sv->nskip; k++)
			skip |= sv->skipcol[k] == (int)i + 1;
		data += !skip;
	}
	switch (data) {
	case 0:
		return REC_FIELD_QUESTION;
	case 1:
		return REC_FIELD_ANSWER;
	case 2:
		return sv->anki ? ROLE_NONE : REC_FIELD_TAGS;
	case 3:
		return sv->anki ? ROLE_NONE : REC_FIELD_ID;
	default:
		return ROLE_NONE;
	}
}

/*
 * The row's fields, by role, to a record.  A field is passed on where it
 * is (in the line, most often); a second column of the same role is
 * appended to the first in imp's buffers, as is text made here.
 */
static void
row_record(struct import *imp, struct sv *sv, unsigned long line)
{
	struct buf *bufs[REC_NFIELDS] = { &imp->id, &imp->tags,
	    &imp->question, &imp->answer };
	struct span f[REC_NFIELDS] = { { "", 0 }, { "", 0 }, { "", 0 },
	    { "", 0 } };
	unsigned seen = 0, inbuf = 0;
	size_t i, filled = 0;
	char id[32];
	int r;

	/* A row of empty fields (",,,") is what a blank line is. */
	for (i = 0; i < sv->nfield; i++)
		filled += sv->field[i].len > 0;
	if (filled == 0)
		return;
	/*
	 * Empty fields past the header's columns, or unnamed columns
	 * missing at the end: a spreadsheet's padding.
	 */
	while (sv->header && sv->nfield > sv->nrole &&
	    sv->field[sv->nfield - 1].len == 0)
		sv->nfield--;
	for (i = sv->nfield; sv->header && i < sv->nrole &&
	    sv->role[i] == ROLE_UNNAMED; i++)
		;
	if (sv->header && (sv->nfield > sv->nrole || i < sv->nrole)) {
		import_error(imp, line, "%zu fields: the header has %zu",
		    sv->nfield, sv->nrole);
		return;
	}
	if (!sv->header && !sv->anki && sv->nfield > 4) {
		import_error(imp, line, "%zu fields: without a header a row is "
		    "question, answer, tags, id%s", sv->nfield, sv->hinted++ ?
		    "" : sv->tsv ? " (Anki's '#columns:' line names them)" :
		    " (a header row names them)");
		return;
	}
	import_clear(imp);
	for (i = 0; i < sv->nfield; i++) {
		const char *p = sv->field[i].p;
		size_t len = sv->field[i].len;
		int role = sv->header ? sv->role[i] : default_role(sv, i);
		int made = 0;

		if (role == ROLE_CATEGORY) {
			if (!(inbuf & 1 << REC_FIELD_TAGS) &&
			    (seen & 1 << REC_FIELD_TAGS))
				import_add_tags(imp, f[REC_FIELD_TAGS].p,
				    f[REC_FIELD_TAGS].len);
			inbuf |= 1 << REC_FIELD_TAGS;
			seen |= 1 << REC_FIELD_TAGS;
			import_add_category(imp, p, len);
			continue;
		}
		if (role < 0)
			continue;
		if (role == REC_FIELD_TAGS && (seen & 1 << role)) {
			/* Tag columns are lists joined, not text run on. */
			if (!(inbuf & 1 << role))
				import_add_tags(imp, f[role].p, f[role].len);
			inbuf |= 1 << role;
			import_add_tags(imp, p, len);
			continue;
		}
		if (role == REC_FIELD_ID && sv->tsv &&
		    anki_id(p, len, id, sizeof(id))) {
			p = id;
			len = strlen(id);
			made = 1;
		} else if (role != REC_FIELD_ID && role != REC_FIELD_TAGS &&
		    sv->html) {
			from_html(&sv->scratch, p, len);
			p = sv->scratch.p;
			len = sv->scratch.len;
			made = 1;
		}
		r = 1 << role;
		if (!(seen & r) && !made) {
			f[role].p = p;
			f[role].len = len;
			seen |= r;
			continue;
		}
		if (!(inbuf & r)) {
			buf_add(bufs[role], f[role].p, f[role].len);
			inbuf |= r;
		}
		buf_add(bufs[role], p, len);
		seen |= r;
	}
	for (r = 0; r < REC_NFIELDS; r++)
		if (inbuf & 1 << r) {
			f[r].p = bufs[r]->p != NULL ? bufs[r]->p : "";
			f[r].len = bufs[r]->len;
		}
	import_emit_fields(imp, line, f, 0,
	    IMPORT_HINT(REC_FIELD_QUESTION, row_hint(sv)) |
	    IMPORT_HINT(REC_FIELD_ANSWER, row_hint(sv)));
}

static int
parse_sep(const char *v, char *sep)
{
	static const struct {
		const char	*name;
		char		 c;
	} seps[] = {
		{ "tab", '\t' }, { "comma", ',' }, { "semicolon", ';' },
		{ "pipe", '|' }, { "space", ' ' }, { "colon", ':' },
	};
	size_t i;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
		if (strcasecmp(v, seps[i].name) == 0) {
			*sep = seps[i].c;
			return 0;
		}
	if (strlen(v) == 1) {
		*sep = v[0];
		return 0;
	}
	return -1;
}

/*
 * Anki's header lines, "#key:value" at the top of the file; the first line
 * that is not one is kept for read_row.
 */
static void
anki_headers(struct import *imp, struct sv *sv)
{
	struct span l;
	char key[32], val[256];

	for (;;) {
		const char *colon;
		size_t klen, vlen;
		long n;

		if (reader_next(imp->rd, &l) <= 0)
			return;
		if (l.len == 0 || l.p[0] != '#') {
			sv->pend = l;		/* the first row: read_row's */
			sv->have_pend = 1;
			return;
		}
		colon = memchr(l.p, ':', l.len);
		if (colon == NULL)
			continue;
		klen = (size_t)(colon - l.p) - 1;
		vlen = l.len - klen - 2;
		if (klen >= sizeof(key) || vlen >= sizeof(val))
			continue;
		memcpy(key, l.p + 1, klen);
		key[klen] = '\0';
		memcpy(val, colon + 1, vlen);
		val[vlen] = '\0';
		n = strtol(val, NULL, 10);
		if (strcmp(key, "separator") == 0) {
			if (parse_sep(val, &sv->sep) < 0)
				import_error(imp, imp->rd->lineno,
				    "unknown separator '%s'", val);
		} else if (strcmp(key, "html") == 0)
			sv->html = strcmp(val, "true") == 0;
		else if (strcmp(key, "tags column") == 0 && n > 0) {
			sv->tagcol = (int)n;
			sv->anki = 1;
		} else if (strcmp(key, "guid column") == 0 && n > 0) {
			sv->guidcol = (int)n;
			sv->anki = 1;
		} else if ((strcmp(key, "notetype column") == 0 ||
		    strcmp(key, "deck column") == 0) && n > 0) {
			sv->skipcol = xreallocarray(sv->skipcol, sv->nskip + 1,
			    sizeof(*sv->skipcol));
			sv->skipcol[sv->nskip++] = (int)n;
			sv->anki = 1;
		} else if (strcmp(key, "columns") == 0) {
			buf_reset(&sv->names);
			buf_add(&sv->names, val, vlen);
			sv->names_line = imp->rd->lineno;
		}
	}
}

/* Anki's #columns: names, read like a header row. */
static void
anki_columns(struct import *imp, struct sv *sv)
{
	const char *p = sv->names.p, *end = p + sv->names.len;
	size_t i, col = 0;
	int question = 0;

	clear_row(sv);
	for (;;) {
		const char *s = memchr(p, sv->sep, (size_t)(end - p));
		const char *stop = s != NULL ? s : end;

		push_field(sv, p, (size_t)(stop - p), NOT_COPIED);
		if (s == NULL)
			break;
		p = s + 1;
	}
	set_roles(sv, sv->nfield);
	for (i = 0; i < sv->nfield; i++) {
		int f = import_column(sv->field[i].p, sv->field[i].len);

		if (sv->tagcol == (int)i + 1)
			f = REC_FIELD_TAGS;
		else if (sv->guidcol == (int)i + 1)
			f = REC_FIELD_ID;
		sv->role[i] = f;
		question |= f == REC_FIELD_QUESTION;
	}
	/* Note fields Anki names freely: the first two plain ones. */
	if (!question)
		for (i = 0; i < sv->nfield && col < 2; i++)
			if (sv->role[i] == ROLE_NONE &&
			    import_column(sv->field[i].p,
			    sv->field[i].len) < 0)
				sv->role[i] = col++ == 0 ? REC_FIELD_QUESTION :
				    REC_FIELD_ANSWER;
	sv->header = 1;
	unknown_columns(imp, sv, sv->names_line);
}

/*
 * Spreadsheets where the decimal mark is a comma save "CSV" with ';'
 * between fields: a one-field first row of column names separated by ';'
 * says so, and is split again.
 */
static void
semicolons(struct sv *sv)
{
	const char *p, *end;

	if (sv->field[0].len == 0 ||
	    memchr(sv->field[0].p, ';', sv->field[0].len) == NULL ||
	    import_sniff_header(sv->field[0].p, sv->field[0].len, ';') == 0)
		return;
	buf_reset(&sv->scratch);
	buf_add(&sv->scratch, sv->field[0].p, sv->field[0].len);
	p = sv->scratch.p;
	end = p + sv->scratch.len;
	sv->sep = ';';
	clear_row(sv);
	for (;;) {
		const char *s = memchr(p, ';', (size_t)(end - p));
		const char *stop = s != NULL ? s : end;

		push_field(sv, p, (size_t)(stop - p), NOT_COPIED);
		if (s == NULL)
			break;
		p = s + 1;
	}
}

/*
 * Excel's first line "sep=;" names the separator: 1 when the row read
 * was that line, the separator now its.
 */
static int
excel_sep(struct sv *sv)
{
	const struct span *f = &sv->field[0];

	if (sv->tsv || f->len < 4 || strncasecmp(f->p, "sep=", 4) != 0)
		return 0;
	if (sv->nfield == 1 && f->len == 5)
		sv->sep = f->p[4];
	else if (sv->nfield == 2 && f->len == 4 && sv->field[1].len == 0)
		sv->sep = ',';		/* "sep=," is read as two fields */
	else
		return 0;
	return 1;
}

static int
sv_fill(struct import *imp)
{
	struct sv *sv = imp->state;
	unsigned long line;
	int got, n = 0;

	if (!sv->started) {
		sv->started = 1;
		if (sv->tsv)
			anki_headers(imp, sv);
		if (sv->names.len > 0)
			anki_columns(imp, sv);
		else if (!sv->anki) {
			while ((got = read_row(imp, sv, &line)) < 0)
				;
			if (got > 0 && excel_sep(sv)) {
				while ((got = read_row(imp, sv, &line)) < 0)
					;
			}
			if (got == 0)
				return 0;
			if (!sv->tsv && sv->nfield == 1)
				semicolons(sv);
			if (!header_row(imp, sv, line))
				row_record(imp, sv, line);
			else if (imp->done)
				return 0;
		}
	}
	while (n < 256 && !import_full(imp) &&
	    (got = read_row(imp, sv, &line)) != 0) {
		if (got < 0)
			continue;
		if (got == 1)
			row_record(imp, sv, line);
		n++;
	}
	return imp->qn > 0 || imp->taken || n > 0;
}

static void
sv_open(struct import *imp, char sep, int tsv)
{
	struct sv *sv = xcalloc(1, sizeof(*sv));

	sv->sep = sep;
	sv->tsv = tsv;
	imp->state = sv;
}

static int
csv_fill(struct import *imp)
{
	if (imp->state == NULL)
		sv_open(imp, ',', 0);
	return sv_fill(imp);
}

static int
tsv_fill(struct import *imp)
{
	if (imp->state == NULL)
		sv_open(imp, '\t', 1);
	return sv_fill(imp);
}

static void
sv_close(struct import *imp)
{
	struct sv *sv = imp->state;

	if (sv == NULL)
		return;
	buf_free(&sv->text);
	buf_free(&sv->scratch);
	buf_free(&sv->names);
	free(sv->field);
	free(sv->off);
	free(sv->role);
	free(sv->skipcol);
	free(sv);
}

/*
 * Where the row that starts at p ends, as read_row() reads it: past the
 * LF of its last line (an error's line included); NULL when that is not
 * before end.  q: p is a line inside a quoted field, not a row start.
 */
static const char *
row_end(const char *p, const char *end, char sep, int q)
{
	int field = !q;		/* at a field's start */

	while (p < end) {
		char c = *p++;

		if (q) {
			if (c != '"')
				continue;
			if (p == end)
				return NULL;
			if (*p == '"') {	/* "" */
				p++;
				continue;
			}
			q = 0;
			if (*p == sep) {
				p++;
				field = 1;
				continue;
			}
			/* The row ends here, or it has text after the quote:
			   the line's rest is dropped.  Either way, its LF. */
			if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
				return NULL;
			return p + 1;
		}
		if (c == '\n')
			return p;
		if (field && c == '"') {
			q = 1;
			field = 0;
		} else
			field = c == sep;
	}
	return NULL;
}

/*
 * A line start is a row's start or a line inside a quoted field, and
 * nothing tells which.  Both are followed, row by row, until they reach
 * the same row start: whichever the line was, a row starts there.  Rows
 * of a usual file meet within a line or two; in a window of 64 KiB, or
 * not at all.  Text without quotes is taken for rows.
 */
static off_t
sv_record_start(const struct import *imp, int fd, off_t off, off_t size)
{
	const struct sv *sv = imp->state;
	char b[64 * 1024];
	size_t want;

	(void)size;
	if (sv == NULL)
		return -1;
	/* A few KiB are enough but for long rows. */
	for (want = 4096; want <= sizeof(b); want *= 16) {
		const char *a, *q, *end;
		ssize_t n;

		if ((n = pread(fd, b, want, off)) <= 0)
			return -1;
		end = b + n;
		/*
		 * No quote at all: the line starts a row, unless a quoted
		 * field goes on for longer than this, which this thread's
		 * reading finds (import.h's crossed).
		 */
		if (memchr(b, '"', (size_t)n) == NULL)
			return off;
		if ((a = row_end(b, end, sv->sep, 0)) == NULL ||
		    (q = row_end(b, end, sv->sep, 1)) == NULL)
			continue;
		while (a != NULL && q != NULL && a != q) {
			const char **behind = a < q ? &a : &q;

			*behind = row_end(*behind, end, sv->sep, 0);
		}
		if (a != NULL && a == q)
			return off + (a - b);
		if ((size_t)n < want)
			break;
	}
	return -1;
}

/* The header's columns and the separator, for a later part of the file. */
static void
sv_continue(struct import *imp, const struct import *from)
{
	const struct sv *f = from->state;
	struct sv *sv;

	if (f == NULL)
		return;
	sv = xcalloc(1, sizeof(*sv));
	sv->sep = f->sep;
	sv->tsv = f->tsv;
	sv->html = f->html;
	sv->started = 1;
	sv->header = f->header;
	sv->distinct = f->distinct;
	sv->anki = f->anki;
	sv->tagcol = f->tagcol;
	sv->guidcol = f->guidcol;
	if (f->nrole > 0) {
		sv->role = xreallocarray(NULL, f->nrole, sizeof(*sv->role));
		memcpy(sv->role, f->role, f->nrole * sizeof(*sv->role));
	}
	sv->nrole = f->nrole;
	if (f->nskip > 0) {
		sv->skipcol = xreallocarray(NULL, f->nskip,
		    sizeof(*sv->skipcol));
		memcpy(sv->skipcol, f->skipcol,
		    f->nskip * sizeof(*sv->skipcol));
	}
	sv->nskip = f->nskip;
	imp->state = sv;
}

const struct import_reader import_csv = { csv_fill, sv_close,
	sv_record_start, sv_continue };
const struct import_reader import_tsv = { tsv_fill, sv_close,
	sv_record_start, sv_continue };

/*
 * What the readers of other formats share: the format names, the queue
 * of records they make, derived ids that stay unique, and messages.
 * A reader makes raw text; import_emit() escapes it into a canonical
 * line, and import_next() parses that line like any qb(5) line, so a
 * record from a foreign file passes exactly the checks a bank's does.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "diag.h"
#include "hash.h"
#include "import.h"
#include "scan.h"

static int	is_header(const char *, size_t, char);

static const struct {
	const char		*name;
	enum import_format	 fmt;
} names[] = {
	{ "qb",		IMPORT_QB },
	{ "csv",	IMPORT_CSV },
	{ "tsv",	IMPORT_TSV },
	{ "anki",	IMPORT_TSV },
	{ "json",	IMPORT_JSON },
	{ "jsonl",	IMPORT_JSONL },
	{ "ndjson",	IMPORT_JSONL },
	{ "markdown",	IMPORT_MARKDOWN },
	{ "md",		IMPORT_MARKDOWN },
};

/* Extensions, per format; the first one is the format's own. */
static const char *const exts[][3] = {
	[IMPORT_QB] =		{ ".qb", NULL },
	[IMPORT_CSV] =		{ ".csv", NULL },
	[IMPORT_TSV] =		{ ".tsv", NULL },
	[IMPORT_JSON] =		{ ".json", NULL },
	[IMPORT_JSONL] =	{ ".jsonl", ".ndjson", NULL },
	[IMPORT_MARKDOWN] =	{ ".md", ".markdown", NULL },
};

static const struct import_reader *const readers[] = {
	[IMPORT_CSV] =		&import_csv,
	[IMPORT_TSV] =		&import_tsv,
	[IMPORT_JSON] =		&import_json,
	[IMPORT_JSONL] =	&import_jsonl,
	[IMPORT_MARKDOWN] =	&import_markdown,
};

int
import_format_byname(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i].name) == 0)
			return (int)names[i].fmt;
	return -1;
}

const char *
import_format_name(enum import_format fmt)
{
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].fmt == fmt)
			return names[i].name;
	return "qb";
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

int
import_format_ext(enum import_format fmt, const char *name)
{
	const char *const *e;

	for (e = exts[fmt]; *e != NULL; e++)
		if (ends_with(name, *e))
			return 1;
	return 0;
}

enum import_format
import_format_guess(const char *path)
{
	int fmt;

	for (fmt = IMPORT_CSV; fmt <= IMPORT_MARKDOWN; fmt++)
		if (import_format_ext((enum import_format)fmt, path))
			return (enum import_format)fmt;
	return IMPORT_QB;
}

void
import_open(struct import *imp, enum import_format fmt, struct reader *rd)
{
	imp->name = rd->name;
	imp->fmt = fmt;
	imp->rd = rd;
	imp->nbad = 0;
	imp->lineno = 0;
	imp->done = 0;
	imp->state = NULL;
	imp->r = NULL;
	imp->taken = imp->stop = 0;
	buf_reset(&imp->queue);
	imp->qpos = imp->qn = imp->qnext = 0;
	strmap_free(&imp->derived);
	imp->ahead = imp->crossed = 0;
	imp->soft_end = imp->row_off = imp->back_off = -1;
	imp->back_line = 0;
}

off_t
import_record_start(const struct import *imp, int fd, off_t off, off_t size)
{
	const struct import_reader *rd = readers[imp->fmt];

	if (imp->fmt == IMPORT_QB || rd->record_start == NULL)
		return -1;
	return rd->record_start(imp, fd, off, size);
}

void
import_continue(struct import *imp, const struct import *from)
{
	imp->ahead = 1;
	if (readers[imp->fmt]->cont != NULL)
		readers[imp->fmt]->cont(imp, from);
}

void
import_go_on(struct import *imp)
{
	imp->done = 0;
}

int
import_ends_at(struct import *imp, off_t off, unsigned long line)
{
	imp->row_off = off;
	if (imp->soft_end < 0 || off < imp->soft_end)
		return 0;
	import_stop_before(imp, line);
	return 1;
}

void
import_stop_before(struct import *imp, unsigned long line)
{
	if (imp->back_line != 0)
		return;
	imp->back_off = imp->row_off;
	imp->back_line = line;
	imp->done = imp->stop = 1;
	import_clear(imp);
}

void
import_close(struct import *imp)
{
	if (imp->fmt != IMPORT_QB && readers[imp->fmt]->close != NULL)
		readers[imp->fmt]->close(imp);
	imp->state = NULL;
	strmap_free(&imp->derived);
}

void
import_free(struct import *imp)
{
	buf_free(&imp->queue);
	buf_free(&imp->id);
	buf_free(&imp->tags);
	buf_free(&imp->question);
	buf_free(&imp->answer);
	free(imp->q);
	buf_free(&imp->esc[0]);
	buf_free(&imp->esc[1]);
	buf_free(&imp->tagtmp);
	strmap_free(&imp->derived);
	memset(imp, 0, sizeof(*imp));
}

void
import_error(struct import *imp, unsigned long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	(imp->lenient ? diag_line_notice : diag_line)(imp->name, line, "%s",
	    msg);
	imp->nbad++;
}

void
import_clear(struct import *imp)
{
	buf_reset(&imp->id);
	buf_reset(&imp->tags);
	buf_reset(&imp->question);
	buf_reset(&imp->answer);
}

static inline int
is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* A list already comma-joined: no white space, no empty tag. */
static int
joined(const char *p, size_t len)
{
	size_t i;

	if (len == 0 || p[0] == ',' || p[len - 1] == ',')
		return 0;
	for (i = 0; i < len; i++)
		if (p[i] <= ' ' ? is_space(p[i]) : p[i] == ',' &&
		    p[i + 1] == ',')
			return 0;
	return 1;
}

static void
add_tags(struct buf *tags, const char *p, size_t len)
{
	const char *end = p + len;

	if (joined(p, len)) {
		if (tags->len > 0)
			buf_addc(tags, ',');
		buf_add(tags, p, len);
		return;
	}

	while (p < end) {
		size_t n = 0;

		while (p < end && (*p == ',' || is_space(*p)))
			p++;
		while (p + n < end && p[n] != ',' && !is_space(p[n]))
			n++;
		if (n == 0)
			break;
		if (tags->len > 0)
			buf_addc(tags, ',');
		buf_add(tags, p, n);
		p += n;
	}
}

void
import_add_tags(struct import *imp, const char *p, size_t len)
{
	add_tags(&imp->tags, p, len);
}

/*
 * A category is a name of words ("Entertainment: Video Games"): one tag,
 * lowercased, its runs of other characters a dash, as Markdown sections
 * make theirs (entertainment-video-games); several are separated by
 * commas.
 */
void
import_add_category(struct import *imp, const char *p, size_t len)
{
	const char *end = p + len, *comma;
	char tag[REC_TAG_MAX + 1];

	for (; p < end; p = comma + 1) {
		if ((comma = memchr(p, ',', (size_t)(end - p))) == NULL)
			comma = end;
		import_slug(tag, p, (size_t)(comma - p));
		if (tag[0] == '\0')
			continue;	/* no word in it */
		if (imp->tags.len > 0)
			buf_addc(&imp->tags, ',');
		buf_adds(&imp->tags, tag);
	}
}

/* Is the 3-byte character at p punctuation (U+2000-206F, U+3000-303F)? */
static int
punctuation(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;

	return len >= 3 && ((u[0] == 0xe2 && (u[1] == 0x80 || u[1] == 0x81)) ||
	    (u[0] == 0xe3 && u[1] == 0x80));
}

void
import_slug(char *out, const char *p, size_t len)
{
	size_t i, o = 0;
	char *cut;
	int dash = 0;

	for (i = 0; i < len && o < REC_TAG_MAX; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 0x80 && punctuation(p + i, len - i)) {
			dash = 1;	/* "Storage — Basics", "、" */
			i += 2;
		} else if (c >= 0x80) {
			size_t n = 1;

			while (i + n < len &&
			    ((unsigned char)p[i + n] & 0xc0) == 0x80)
				n++;
			if (o + n + dash > REC_TAG_MAX)
				break;
			if (dash && o > 0)
				out[o++] = '-';
			dash = 0;
			memcpy(out + o, p + i, n);
			o += n;
			i += n - 1;
		} else if (isalnum(c)) {
			if (dash && o > 0 && o + 1 < REC_TAG_MAX)
				out[o++] = '-';
			dash = 0;
			out[o++] = (char)tolower(c);
		} else if (c != '\'')
			dash = 1;
	}
	out[o] = '\0';
	/* Cut short: at a word's end, "...-top-tech", not "...-top-techn" */
	if (i < len && (cut = strrchr(out, '-')) != NULL &&
	    cut - out > REC_TAG_MAX / 2)
		*cut = '\0';
}
/* Spaces around a field are trimmed when it is parsed: trim them here. */
static inline struct span
trimmed(struct span s)
{
	/* Most fields have no space at either end: one look at each. */
	if (s.len == 0 || (s.p[0] != ' ' && s.p[s.len - 1] != ' '))
		return s;
	while (s.len > 0 && *s.p == ' ') {
		s.p++;
		s.len--;
	}
	while (s.len > 0 && s.p[s.len - 1] == ' ')
		s.len--;
	return s;
}

/* A buffer as a view; never a null pointer, even for an empty one. */
static struct span
view(const struct buf *b)
{
	struct span s = { b->p != NULL ? b->p : "", b->len };

	return s;
}

/*
 * A record without an id gets the one qb(5) derives from its question, so
 * re-importing an unchanged file gives the same ids.  The same question
 * again in the same file gets "-2", "-3" and so on, in order.
 */
static size_t
derive_id(struct import *imp, struct span q, int escaped, char *id,
    size_t size)
{
	struct strmap_entry *e;
	uint64_t h;
	size_t len;
	int added;

	h = escaped ? rec_text_hash(q) : hash_fnv1a(q.p, q.len);
	len = rec_derived_id(h, id);
	e = strmap_put(&imp->derived, id, len, &added);
	if (!added)
		len += (size_t)snprintf(id + len, size - len, "-%zu",
		    ++e->value + 1);
	return len;
}

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* Has the word a byte equal to c?  (The classic has-zero-byte test.) */
static inline uint64_t
has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);

	return (x - ONES) & ~x & HIGHS;
}

/*
 * Appends raw text in qb(5)'s escapes, as rec_escape() does, but 16 bytes
 * a step with SSE2 (every x86-64) or 8 in a word.
 */
static void
escape(struct buf *b, const char *p, size_t len)
{
	size_t i = 0;
	char *o;

	buf_reserve(b, 2 * len);
	o = b->p + b->len;
	while (i < len) {
		char c;

#ifdef __SSE2__
		while (i + 16 <= len) {
			__m128i v = _mm_loadu_si128((const __m128i *)
			    (const void *)(p + i));
			__m128i m = _mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
			int bits;

			_mm_storeu_si128((__m128i *)(void *)o, v);
			if ((bits = _mm_movemask_epi8(m)) != 0) {
				o += __builtin_ctz((unsigned)bits);
				i += __builtin_ctz((unsigned)bits);
				break;
			}
			o += 16;
			i += 16;
		}
#endif
		while (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if (has_byte(w, '\\') | has_byte(w, '\t') |
			    has_byte(w, '\n'))
				break;
			memcpy(o, p + i, 8);
			o += 8;
			i += 8;
		}
		if (i == len)
			break;
		c = p[i++];
		if (c == '\\' || c == '\t' || c == '\n') {
			*o++ = '\\';
			c = c == '\t' ? 't' : c == '\n' ? 'n' : c;
		}
		*o++ = c;
	}
	b->len = (size_t)(o - b->p);
}

/*
 * The bytes rec_parse must look at in a text field (see scan.h): text
 * without one is printable ASCII, valid as it stands, and needs no
 * escaping either.
 */
static struct scan_set special_bytes =
    SCAN_SET(SCAN_CTRL | SCAN_DEL | SCAN_HIGH, 1, '\\');

/*
 * Appends a text field in qb(5)'s escapes (escaping raw text); 1 when it
 * holds a byte rec_parse must check, 0 when it is printable ASCII.
 */
static int
add_text(struct buf *b, struct span s, int escaped, int plain)
{
	size_t i = plain ? s.len : scan_find(s.p, 0, s.len, &special_bytes);

	if (escaped || i == s.len) {
		buf_add(b, s.p, s.len);
		return i < s.len;
	}
	buf_add(b, s.p, i);
	escape(b, s.p + i, s.len - i);
	return 1;
}

static int
has_tab_or_lf(struct span s)
{
	return s.len > 0 && (memchr(s.p, '\t', s.len) != NULL ||
	    memchr(s.p, '\n', s.len) != NULL);
}

static int
is_blank(struct span s)
{
	return trimmed(s).len == 0;
}

/*
 * The tags as written, split on commas and white space and joined by
 * commas (once: *tags is then the joined list); the number of bytes.
 */
static size_t
joined_tags(struct import *imp, struct span *tags)
{
	if (!joined(tags->p, tags->len)) {
		buf_reset(&imp->tagtmp);
		add_tags(&imp->tagtmp, tags->p, tags->len);
		*tags = view(&imp->tagtmp);
	}
	return tags->len;
}

/*
 * A text field as the record holds it, escaped (into scratch, when raw
 * text has bytes to escape) and trimmed; 1 when it is valid as it is (as
 * check_text() in lib/rec.c would find), 0 to let rec_parse say what is
 * wrong.  Text said to be plain is only trimmed, without a call.
 */
static int	direct_text_look(struct span *, int, unsigned, struct buf *);

static inline int
direct_text(struct span *s, int escaped, unsigned hint, struct buf *scratch)
{
	if (hint & IMPORT_PLAIN) {
		*s = trimmed(*s);
		return 1;
	}
	return direct_text_look(s, escaped, hint, scratch);
}

static int
direct_text_look(struct span *s, int escaped, unsigned hint,
    struct buf *scratch)
{
	static struct scan_set escapes = SCAN_SET(0, 3, '\\', '\t', '\n');
	static struct scan_set backslash = SCAN_SET(0, 1, '\\');
	size_t i;
	int clean;

	clean = (!escaped && (hint & IMPORT_CLEAN)) ||
	    scan_text_clean(s->p, s->len);
	if (escaped) {
		if (!clean)
			return 0;
		for (i = 0; (i = scan_find(s->p, i, s->len, &backslash)) <
		    s->len; i += 2)
			if (i + 1 == s->len || (s->p[i + 1] != '\\' &&
			    s->p[i + 1] != 't' && s->p[i + 1] != 'n'))
				return 0;
		*s = trimmed(*s);
		return 1;
	}
	/*
	 * Raw text: escaped here when it holds a byte to escape, so that its
	 * escapes are all right; text scan_text_clean() found clean has no
	 * TAB or LF (text said to be clean may have).
	 */
	if (clean && !(hint & (IMPORT_NOESC | IMPORT_CLEAN)))
		i = scan_find(s->p, 0, s->len, &backslash);
	else if (!(hint & IMPORT_NOESC))
		i = scan_find(s->p, 0, s->len, &escapes);
	else
		i = s->len;
	if (i < s->len) {
		buf_reset(scratch);
		buf_add(scratch, s->p, i);
		escape(scratch, s->p + i, s->len - i);
		s->p = scratch->p;
		s->len = scratch->len;
		if (!clean)
			clean = scan_text_clean(s->p, s->len);
	}
	*s = trimmed(*s);
	return clean;
}

/*
 * The record handed out where its fields are, when they are valid as they
 * stand (the id, trimmed, is); 0 leaves everything, messages included, to
 * the queue and rec_parse.
 */
static int
take(struct import *imp, const struct span f[REC_NFIELDS], struct span id,
    int escaped, unsigned hints)
{
	struct rec *r = imp->r;
	struct span q = f[REC_FIELD_QUESTION], a = f[REC_FIELD_ANSWER], tags;

	if (!direct_text(&q, escaped, IMPORT_HINTS(hints, REC_FIELD_QUESTION),
	    &imp->esc[0]) || q.len == 0 ||
	    !direct_text(&a, escaped, IMPORT_HINTS(hints, REC_FIELD_ANSWER),
	    &imp->esc[1]))
		return 0;
	/* Tags as written, or split on white space as Anki writes them. */
	tags = f[REC_FIELD_TAGS];
	if (rec_tag_list_in(r, tags.p, tags.len, imp->tags_avail > tags.len ?
	    imp->tags_avail : tags.len) != REC_OK &&
	    (joined(tags.p, tags.len) || (joined_tags(imp, &tags),
	    rec_tag_list(r, tags.p, tags.len) != REC_OK)))
		return 0;
	r->err = REC_OK;
	r->bare = 0;
	r->id = id;
	r->question = q;
	r->answer = a;
	return 1;
}


/*
 * Queues the canonical line, and with it what rec_parse would otherwise
 * scan the line again for: where its three TABs are (the id has none,
 * checked here; tags have none, import_add_tags splits on white space;
 * text has them escaped) and which text fields hold a byte to check.
 */
static void
emit(struct import *imp, unsigned long line, const struct span f[REC_NFIELDS],
    int escaped, int direct, unsigned hints)
{
	struct buf *b = &imp->queue;
	struct span id = f[REC_FIELD_ID], q = trimmed(f[REC_FIELD_QUESTION]);
	struct span tags = f[REC_FIELD_TAGS], tid = trimmed(id);
	struct import_line *ql;
	size_t start;
	int sq, sa, valid = rec_id_valid(tid.p, tid.len);

	/* A valid id (most are) is none of the bad ones looked for here. */
	if (id.len == 0 && q.len > 0) {
		if (imp->ahead) {
			/* Its "-N" depends on the ids derived before. */
			import_stop_before(imp, line);
			return;
		}
		id.p = tid.p = imp->idbuf;
		id.len = tid.len = derive_id(imp, q, escaped, imp->idbuf,
		    sizeof(imp->idbuf));
		valid = 1;
	} else if (!valid && has_tab_or_lf(id)) {
		/* Any other bad id is rec_parse's to report. */
		import_error(imp, line, "bad id: an id is 1 to 64 bytes of "
		    "A-Z a-z 0-9 . _ : / -");
		import_clear(imp);
		return;
	} else if (!valid && q.len == 0 && is_blank(id) &&
	    !joined_tags(imp, &tags) && is_blank(f[REC_FIELD_ANSWER])) {
		/* rec_parse would take the line for a blank one. */
		import_error(imp, line, "empty question");
		import_clear(imp);
		return;
	} else if (!valid && tid.len > 0 && *tid.p == '#') {
		/* ...and this one for a comment. */
		import_error(imp, line, "'#' in id: ids are made of "
		    "A-Z a-z 0-9 . _ : / -");
		import_clear(imp);
		return;
	}
	if (direct && imp->r != NULL && imp->qn == 0 && !imp->taken) {
		/* One record at a time, handed out or queued. */
		imp->stop = 1;
		if (valid && take(imp, f, tid, escaped, hints)) {
			imp->taken = 1;
			imp->lineno = line;
			import_clear(imp);
			return;
		}
	}
	if (imp->qn == imp->qcap) {
		imp->qcap = imp->qcap == 0 ? 64 : imp->qcap * 2;
		imp->q = xreallocarray(imp->q, imp->qcap, sizeof(*imp->q));
	}
	ql = &imp->q[imp->qn];
	ql->line = line;
	start = b->len;
	buf_add(b, id.p, id.len);
	ql->tab[0] = b->len - start;
	buf_addc(b, '\t');
	joined_tags(imp, &tags);
	buf_add(b, tags.p, tags.len);
	ql->tab[1] = b->len - start;
	buf_addc(b, '\t');
	sq = add_text(b, f[REC_FIELD_QUESTION], escaped,
	    IMPORT_HINTS(hints, REC_FIELD_QUESTION) & IMPORT_PLAIN);
	ql->tab[2] = b->len - start;
	buf_addc(b, '\t');
	sa = add_text(b, f[REC_FIELD_ANSWER], escaped,
	    IMPORT_HINTS(hints, REC_FIELD_ANSWER) & IMPORT_PLAIN);
	/* The id's and the tags' bits are not used: set, to be safe. */
	ql->special = 1 | 2 | (unsigned)sq << 2 | (unsigned)sa << 3;
	ql->end = b->len;
	buf_addc(b, '\n');
	imp->qn++;
	import_clear(imp);
}


/* The record in imp's buffers, as views. */
static void
buffers(struct import *imp, struct span f[REC_NFIELDS])
{
	f[REC_FIELD_ID] = view(&imp->id);
	f[REC_FIELD_TAGS] = view(&imp->tags);
	f[REC_FIELD_QUESTION] = view(&imp->question);
	f[REC_FIELD_ANSWER] = view(&imp->answer);
}

void
import_emit(struct import *imp, unsigned long line)
{
	struct span f[REC_NFIELDS];

	buffers(imp, f);
	emit(imp, line, f, 0, 0, 0);
}

void
import_emit_fields(struct import *imp, unsigned long line,
    const struct span f[REC_NFIELDS], int escaped, unsigned hints)
{
	emit(imp, line, f, escaped, 1, hints);
	imp->tags_avail = 0;
}

int import_fast = 1;

int
import_line(struct import *imp, struct span *l, unsigned *kind)
{
	struct scan_fields f;
	int got;

	*kind = 0;
	if ((got = reader_next_split(imp->rd, l, &f)) <= 0 || !import_fast)
		return got;
	/*
	 * The pass marks the line's fields by its first four TABs: past
	 * them (and in a line it did not see whole, SCAN_UNSPLIT) nothing
	 * is known.
	 */
	if (f.ntab < 4 && f.bad == 0)
		*kind = IMPORT_LINE_CLEAN;
	/*
	 * Nested: a test of f.ntab and f.special together, gcc reads as one
	 * 8-byte word just after they were stored as two, and the store
	 * cannot be forwarded.
	 */
	if (f.ntab == 0) {
		if (f.bad == 0)
			*kind |= IMPORT_LINE_NOCTRL;
		if (f.special == 0)
			*kind |= IMPORT_LINE_PLAIN;
	}
	return 1;
}

/* The message for a bad record, without columns of a line nobody wrote. */
static void
report(struct import *imp, const struct rec *r)
{
	char msg[256], *p;

	rec_errmsg(r, msg, sizeof(msg));
	while ((p = strstr(msg, " at column ")) != NULL ||
	    (p = strstr(msg, ", column ")) != NULL) {
		char *q = p + (p[1] == 'a' ? 11 : 9);

		while (*q >= '0' && *q <= '9')
			q++;
		memmove(p, q, strlen(q) + 1);
	}
	import_error(imp, imp->lineno, "%s", msg);
}

int
import_next(struct import *imp, struct rec *r)
{
	for (;;) {
		struct import_line *ql;
		struct scan_fields f;
		const char *line;
		size_t len;

		if (imp->qnext == imp->qn) {
			int more;

			buf_reset(&imp->queue);
			imp->qpos = imp->qn = imp->qnext = 0;
			if (imp->done)
				return 0;
			imp->r = r;
			imp->taken = imp->stop = 0;
			more = readers[imp->fmt]->fill(imp);
			imp->r = NULL;
			if (imp->taken)
				return 1;	/* imp->lineno is its line */
			if (!more) {
				imp->done = 1;
				return 0;
			}
			continue;
		}
		ql = &imp->q[imp->qnext++];
		line = imp->queue.p + imp->qpos;
		len = ql->end - imp->qpos;
		imp->qpos = ql->end + 1;
		imp->lineno = ql->line;
		/* What emit() found: rec_parse need not scan the line. */
		f.ntab = 3;
		memcpy(f.tab, ql->tab, sizeof(ql->tab));
		f.special = ql->special;
		f.bad = ql->special;	/* not validated here: all checked */
		if (rec_parse_split(r, line, len, &f) == REC_RECORD)
			return 1;
		report(imp, r);
	}
}

int
import_slurp(struct import *imp, struct buf *b)
{
	struct span l;
	int got;

	while ((got = reader_next(imp->rd, &l)) > 0) {
		buf_add(b, l.p, l.len);
		buf_addc(b, '\n');
	}
	buf_cstr(b);
	return got;
}

/* The column a header names: id, tags, question or answer; or -1. */
/* A column's name without the white space around it */
static void
trim_space(const char **p, size_t *len)
{
	while (*len > 0 && isspace((unsigned char)**p)) {
		(*p)++;
		(*len)--;
	}
	while (*len > 0 && isspace((unsigned char)(*p)[*len - 1]))
		(*len)--;
}

int
import_column(const char *p, size_t len)
{
#define COL(name, field)	{ name, sizeof(name) - 1, field }
	static const struct {
		const char	*name;
		size_t		 len;
		int		 field;
	} cols[] = {
		COL("id", REC_FIELD_ID), COL("guid", REC_FIELD_ID),
		COL("key", REC_FIELD_ID),
		COL("tags", REC_FIELD_TAGS), COL("tag", REC_FIELD_TAGS),
		COL("category", REC_FIELD_TAGS), COL("categories", REC_FIELD_TAGS),
		COL("topic", REC_FIELD_TAGS), COL("topics", REC_FIELD_TAGS),
		COL("question", REC_FIELD_QUESTION),
		COL("front", REC_FIELD_QUESTION), COL("prompt", REC_FIELD_QUESTION),
		COL("term", REC_FIELD_QUESTION),
		COL("question_text", REC_FIELD_QUESTION),
		COL("answer", REC_FIELD_ANSWER),
		COL("answer_text", REC_FIELD_ANSWER),
		COL("correct", REC_FIELD_ANSWER),
		COL("back", REC_FIELD_ANSWER), COL("response", REC_FIELD_ANSWER),
		COL("definition", REC_FIELD_ANSWER),
		COL("solution", REC_FIELD_ANSWER),
		/* Open Trivia DB's */
		COL("correct_answer", REC_FIELD_ANSWER),
	};
#undef COL
	size_t i, j;

	trim_space(&p, &len);
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		if (cols[i].len != len)
			continue;
		for (j = 0; j < len; j++)
			if (tolower((unsigned char)p[j]) != cols[i].name[j])
				break;
		if (j == len)
			return cols[i].field;
	}
	return -1;
}

/* Is a column so named a category ("Category", "topic")? */
int
import_category(const char *p, size_t len)
{
	trim_space(&p, &len);
	return (len == 8 && strncasecmp(p, "category", 8) == 0) ||
	    (len == 10 && strncasecmp(p, "categories", 10) == 0) ||
	    (len == 5 && strncasecmp(p, "topic", 5) == 0) ||
	    (len == 6 && strncasecmp(p, "topics", 6) == 0);
}

int
import_sniff_header(const char *p, size_t len, char sep)
{
	return is_header(p, len, sep);
}

/* Are all the sep-separated fields of the line column names (two or more)? */
static int
is_header(const char *p, size_t len, char sep)
{
	const char *end = p + len;
	int n = 0;

	for (;;) {
		const char *s = memchr(p, sep, (size_t)(end - p));
		const char *stop = s != NULL ? s : end;

		if (import_column(p, (size_t)(stop - p)) < 0)
			return 0;
		n++;
		if (s == NULL)
			break;
		p = s + 1;
	}
	return n >= 2;
}

int
import_sniff(const char *p, size_t len, unsigned long lineno)
{
	(void)lineno;
	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	if (len == 0)
		return -1;
	if (*p == '[' && (len == 1 || p[1] == '{' || p[1] == '"' ||
	    p[1] == ' '))
		return IMPORT_JSON;
	if (*p == '{' && len > 1 && p[1] == '"')
		return IMPORT_JSONL;
	if (len > 11 && strncmp(p, "#separator:", 11) == 0)
		return IMPORT_TSV;
	if (is_header(p, len, ','))
		return IMPORT_CSV;
	if (is_header(p, len, '\t'))
		return IMPORT_TSV;
	return -1;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
import_dir(const char *dir, enum import_format fmt, size_t *n)
{
	char **v = xmalloc(sizeof(*v));
	size_t cap = 1;
	struct dirent *e;
	DIR *d;

	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		diag_syswarn("%s", dir);
		v[0] = NULL;
		return v;
	}
	while ((e = readdir(d)) != NULL) {
		struct buf path = { 0 };

		if (e->d_name[0] == '.' || !import_format_ext(fmt, e->d_name))
			continue;
		buf_adds(&path, dir);
		if (path.len > 0 && path.p[path.len - 1] != '/')
			buf_addc(&path, '/');
		buf_adds(&path, e->d_name);
		if (*n + 2 > cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[(*n)++] = (char *)buf_cstr(&path);
	}
	closedir(d);
	v[*n] = NULL;
	qsort(v, *n, sizeof(*v), by_name);
	return v;
}

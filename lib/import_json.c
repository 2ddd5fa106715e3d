/*
 * JSON (an array of objects) and JSON Lines (one object a line), as
 * qb-fmt writes them and as other tools do: "tags" a list or a string,
 * optional keys missing, "answer" null.  Jansson parses each object; the
 * array around them is walked here, one element at a time, so that a
 * syntax error in one object loses that object only.  The array may be
 * wrapped in an object, as other tools write it ({"questions": [...]}).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "import.h"

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

struct js {
	struct buf	 text;		/* the whole file (json) */
	size_t		 pos;
	unsigned long	 line;		/* of text[pos] */
	int		 state;		/* 0 before '[', 1 in, 2 after ']' */
	int		 wrapped;	/* the array is a member of an object */
	int		 warned;	/* unknown keys reported once a file */
	struct buf	 scratch;
};

/* The field a key names: the CSV columns' names and synonyms. */
static int
key_field(const char *key)
{
	return import_column(key, strlen(key));
}

/*
 * key_field() of a key not NUL-terminated (in the text); the names
 * qb-fmt writes are looked for first, as they are most often.
 */
static int
key_field_n(const char *key, size_t len)
{
	switch (len) {
	case 1:
		/* {"q": ..., "a": ...}: a key, unlike a column, names itself */
		if (*key == 'q' || *key == 'Q')
			return REC_FIELD_QUESTION;
		if (*key == 'a' || *key == 'A')
			return REC_FIELD_ANSWER;
		break;
	case 2:
		if (memcmp(key, "id", 2) == 0)
			return REC_FIELD_ID;
		break;
	case 4:
		if (memcmp(key, "tags", 4) == 0)
			return REC_FIELD_TAGS;
		break;
	case 6:
		if (memcmp(key, "answer", 6) == 0)
			return REC_FIELD_ANSWER;
		break;
	case 8:
		if (memcmp(key, "question", 8) == 0)
			return REC_FIELD_QUESTION;
		break;
	}
	return import_column(key, len);
}

/* Tags, or with category a name of words each ("Video Games") */
static int
add_tags(struct import *imp, json_t *v, int category)
{
	void (*add)(struct import *, const char *, size_t) = category ?
	    import_add_category : import_add_tags;
	size_t i;
	json_t *t;

	if (json_is_string(v)) {
		add(imp, json_string_value(v), json_string_length(v));
		return 0;
	}
	if (!json_is_array(v))
		return -1;
	json_array_foreach(v, i, t) {
		if (!json_is_string(t))
			return -1;
		add(imp, json_string_value(t), json_string_length(t));
	}
	return 0;
}

/*
 * A string's text: CRLF, as browser forms store line breaks, is a line
 * break, as it is in a CSV field.
 */
static void
add_text(struct buf *to, const char *p, size_t len)
{
	const char *cr;

	while ((cr = memchr(p, '\r', len)) != NULL &&
	    (size_t)(cr - p) + 1 < len && cr[1] == '\n') {
		buf_add(to, p, (size_t)(cr - p));
		len -= (size_t)(cr - p) + 1;
		p = cr + 1;
	}
	buf_add(to, p, len);
}

/* A number or true or false, as text ("answer": 4); -1 for other values. */
static int
add_scalar(struct buf *to, const json_t *v)
{
	char n[64];

	if (json_is_integer(v))
		snprintf(n, sizeof(n), "%lld",
		    (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(n, sizeof(n), "%.15g", json_real_value(v));
	else if (json_is_boolean(v))
		snprintf(n, sizeof(n), "%s",
		    json_is_true(v) ? "true" : "false");
	else
		return -1;
	buf_adds(to, n);
	return 0;
}

/* One object to one record: 0, or -1 after reporting what was wrong. */
static void
object(struct import *imp, struct js *js, json_t *o, unsigned long line)
{
	const char *key;
	json_t *v;
	int question = 0;

	import_clear(imp);
	if (!json_is_object(o)) {
		import_error(imp, line, "not an object: a record is "
		    "{\"id\":..., \"tags\":[...], \"question\":..., "
		    "\"answer\":...}");
		return;
	}
	json_object_foreach(o, key, v) {
		int f = key_field(key);
		struct buf *to;

		switch (f) {
		case REC_FIELD_TAGS:
			if (!json_is_null(v) && add_tags(imp, v,
			    import_category(key, strlen(key))) < 0) {
				import_error(imp, line, "\"%s\" is not a "
				    "list of strings", key);
				return;
			}
			continue;
		case REC_FIELD_ID:
			to = &imp->id;
			break;
		case REC_FIELD_QUESTION:
			to = &imp->question;
			question = 1;
			break;
		case REC_FIELD_ANSWER:
			to = &imp->answer;
			break;
		default:
			if (!js->warned && imp->ahead) {
				/* Said once a file: maybe before this part. */
				import_stop_before(imp, line);
				return;
			}
			if (!js->warned) {
				js->warned = 1;
				import_error(imp, line, "unknown key \"%.64s\", "
				    "not read: the keys are id, tags, question "
				    "and answer", key);
			}
			continue;
		}
		if (json_is_null(v))
			continue;
		if (json_is_string(v))
			add_text(to, json_string_value(v),
			    json_string_length(v));
		else if (add_scalar(to, v) < 0) {
			import_error(imp, line, "\"%s\" is not a string", key);
			return;
		}
	}
	if (!question) {
		import_error(imp, line, "no \"question\"");
		return;
	}
	import_emit(imp, line);
}

/*
 * The fast path, for the objects qb-fmt writes and most tools do: keys
 * the table knows, once each, string values without \u escapes, tags a
 * list of strings; the text goes straight into qb(5)'s escaped form.
 * Anything else returns 0, and jansson reads the object
 * again from the start: it alone decides what is valid and what an error
 * says, and this only saves building a tree for the common case (jansson
 * costs 15 times reading qb(5)).  *used is the object's length.
 */
static int
fast_string(const char **pp, const char *end, struct buf *to, struct span *v)
{
	const char *p = *pp, *start;
	int copy = 0;		/* to holds the text: a \" or \/ was met */

	if (p == end || *p++ != '"')
		return 0;
	start = p;
	for (;;) {
		const char *run = p;

		/* 16 or 8 bytes a step while none is '"', '\\' or a control. */
#ifdef __SSE2__
		while (end - p >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)
			    (const void *)p);
			__m128i ctl = _mm_set1_epi8(0x1f);
			__m128i m = _mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
			    _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));

			if (_mm_movemask_epi8(m) != 0) {
				p += __builtin_ctz((unsigned)_mm_movemask_epi8(m));
				break;
			}
			p += 16;
		}
#endif
		while (end - p >= 8) {
			uint64_t w, q, b;

			memcpy(&w, p, 8);
			q = w ^ (ONES * '"');
			b = w ^ (ONES * '\\');
			if ((((q - ONES) & ~q) | ((b - ONES) & ~b) |
			    ((w - ONES * 0x20) & ~w)) & HIGHS)
				break;
			p += 8;
		}
		while (p < end && *p != '"' && *p != '\\' &&
		    (unsigned char)*p >= 0x20)
			p++;
		if (copy)
			buf_add(to, run, (size_t)(p - run));
		if (p == end || (unsigned char)*p < 0x20)
			return 0;
		if (*p == '"')
			break;
		if (++p == end)
			return 0;
		/* Straight to qb(5)'s escapes, which are JSON's for these. */
		switch (*p) {
		case '"': case '/':
			if (to == NULL)
				break;
			if (!copy) {
				buf_add(to, start, (size_t)(p - 1 - start));
				copy = 1;
			}
			buf_addc(to, *p);
			break;
		case '\\': case 'n': case 't':
			if (copy) {
				buf_addc(to, '\\');
				buf_addc(to, *p);
			}
			break;
		default:		/* \u, \b, \f, \r: jansson's */
			return 0;
		}
		p++;
	}
	if (v != NULL && copy) {
		v->p = to->p;
		v->len = to->len;
	} else if (v != NULL) {
		v->p = start;
		v->len = (size_t)(p - start);
	}
	*pp = p + 1;
	return 1;
}

/*
 * fast_string() on a line known to hold no backslash and no control:
 * there the first '"' ends the string.
 */
static int
plain_string(const char **pp, const char *end, struct span *v)
{
	const char *p = *pp, *q;

	if (p == end || *p++ != '"' ||
	    (q = memchr(p, '"', (size_t)(end - p))) == NULL)
		return 0;
	if (v != NULL) {
		v->p = p;
		v->len = (size_t)(q - p);
	}
	*pp = q + 1;
	return 1;
}

static int
plain_tag(const char *p, size_t len)
{
	size_t i;

	/* A backslash: fast_string() left an escape as it is. */
	for (i = 0; i < len; i++)
		if (p[i] == ',' || p[i] == ' ' || p[i] == '\\' ||
		    p[i] == '\t' || p[i] == '\n' || p[i] == '\v' ||
		    p[i] == '\f' || p[i] == '\r')
			return 0;
	return len > 0;
}

static const char *
fast_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p;
}

static int
fast_object(struct import *imp, struct js *js, const char *p, size_t len,
    size_t *used, struct span f[REC_NFIELDS], unsigned plain)
{
	const char *start = p, *end = p + len;
	int seen = 0, k;

	import_clear(imp);
	for (k = 0; k < REC_NFIELDS; k++) {
		f[k].p = "";
		f[k].len = 0;
	}
	p = fast_space(p, end);
	if (p == end || *p++ != '{')
		return 0;
	for (;;) {
		const char *key;
		struct buf *to = NULL;
		int f_;

		p = fast_space(p, end);
		key = p + 1;
		if (!(plain ? plain_string(&p, end, NULL) :
		    fast_string(&p, end, NULL, NULL)))
			break;
		if ((f_ = key_field_n(key, (size_t)(p - key - 1))) >= 0)
			goto known;
		break;
	known:
		if (seen & (1 << f_))
			break;
		seen |= 1 << f_;
		p = fast_space(p, end);
		if (p == end || *p++ != ':')
			break;
		p = fast_space(p, end);
		if (f_ == REC_FIELD_TAGS) {
			if (p == end || *p++ != '[')
				break;
			p = fast_space(p, end);
			if (p < end && *p == ']')
				p++;
			else
				for (;;) {
					struct span t;

					buf_reset(&js->scratch);
					if (!(plain ? plain_string(&p, end, &t) :
					    fast_string(&p, end, &js->scratch, &t)))
						goto slow;
					/* One tag, as import_add_tags keeps it. */
					if (!plain_tag(t.p, t.len))
						goto slow;
					if (imp->tags.len > 0)
						buf_addc(&imp->tags, ',');
					buf_add(&imp->tags, t.p, t.len);
					p = fast_space(p, end);
					if (p < end && *p == ',') {
						p = fast_space(p + 1, end);
						continue;
					}
					if (p < end && *p == ']') {
						p++;
						break;
					}
					goto slow;
				}
		} else {
			to = f_ == REC_FIELD_ID ? &imp->id : f_ == REC_FIELD_QUESTION ?
			    &imp->question : &imp->answer;
			if (!(plain ? plain_string(&p, end, &f[f_]) :
			    fast_string(&p, end, to, &f[f_])))
				break;
			/* Its \\, \n and \t are left escaped, as text is kept. */
			if (f_ == REC_FIELD_ID && !plain && f[f_].len > 0 &&
			    memchr(f[f_].p, '\\', f[f_].len) != NULL)
				break;
		}
		p = fast_space(p, end);
		if (p < end && *p == ',') {
			p++;
			continue;
		}
		if (p < end && *p == '}' && (seen & (1 << REC_FIELD_QUESTION))) {
			*used = (size_t)(p + 1 - start);
			if (imp->tags.len > 0) {
				f[REC_FIELD_TAGS].p = imp->tags.p;
				f[REC_FIELD_TAGS].len = imp->tags.len;
			}
			return 1;
		}
		break;
	}
slow:
	import_clear(imp);
	return 0;
}

/* Is the literal s (a string constant) at *p?  Then *p is past it. */
#define LITERAL(p, end, s)	((size_t)((end) - (p)) >= sizeof(s) - 1 && \
	memcmp((p), (s), sizeof(s) - 1) == 0 && ((p) += sizeof(s) - 1, 1))

/*
 * The rest of a string, after its opening quote, on a line without
 * controls: up to the next '"', when no backslash comes before it; else
 * as fast_string() reads it, escapes and all, \" and \/ undone into to.
 * NULL when the string does not end or has an escape jansson must read.
 */
static const char *
rest(const char *p, const char *end, struct buf *to, struct span *v,
    unsigned plain)
{
	const char *start = p, *q, *b;
	int copy = 0;

	if ((q = memchr(p, '"', (size_t)(end - p))) == NULL)
		return NULL;
	while (!plain && (b = memchr(p, '\\', (size_t)(q - p))) != NULL) {
		/* b + 1 is at most q, in the line. */
		switch (b[1]) {
		case '"': case '/':
			buf_add(to, copy ? p : start, (size_t)(b - (copy ? p :
			    start)));
			buf_addc(to, b[1]);
			copy = 1;
			break;
		case '\\': case 'n': case 't':
			if (copy)
				buf_add(to, p, (size_t)(b + 2 - p));
			break;
		default:
			return NULL;
		}
		p = b + 2;
		/* An escaped quote did not end the string. */
		if (p > q && (q = memchr(p, '"', (size_t)(end - p))) == NULL)
			return NULL;
	}
	if (copy) {
		buf_add(to, p, (size_t)(q - p));
		v->p = to->p;
		v->len = to->len;
	} else {
		v->p = start;
		v->len = (size_t)(q - start);
	}
	return q + 1;
}

/*
 * The rest of an id or a tag, after its opening quote, on a line without
 * controls: up to the next '"', a byte at a time as it is short.  NULL
 * when there is no '"', or a backslash comes first (the escapes are
 * jansson's), or in a tag a comma or a space (import_add_tags splits).
 * Inline: it is called for the id and each tag of every record.
 */
static inline const char *
short_rest(const char *p, const char *end, struct span *v, int tag)
{
	const char *start = p;

#ifdef __SSE2__
	/* Most end within 16 bytes: one look, without a branch a byte. */
	if (end - p >= 16) {
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned q = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b,
		    _mm_set1_epi8('"')));
		__m128i stop = _mm_cmpeq_epi8(b, _mm_set1_epi8('\\'));

		if (tag)
			stop = _mm_or_si128(stop, _mm_or_si128(
			    _mm_cmpeq_epi8(b, _mm_set1_epi8(',')),
			    _mm_cmpeq_epi8(b, _mm_set1_epi8(' '))));
		if (q != 0) {
			p += __builtin_ctz(q);
			if ((unsigned)_mm_movemask_epi8(stop) & (q ^ (q - 1)))
				return NULL;
			v->p = start;
			v->len = (size_t)(p - start);
			return p + 1;
		}
	}
#endif
	for (; p < end && *p != '"'; p++)
		if (*p == '\\' || (tag && (*p == ',' || *p == ' ')))
			return NULL;
	if (p == end)
		return NULL;
	v->p = start;
	v->len = (size_t)(p - start);
	return p + 1;
}

/*
 * The objects qb-fmt writes, on a line without controls: {"id":"...",
 * "tags":[...],"question":"...","answer":"..."} in that order, no white
 * space, the id and each tag without a backslash, each tag a plain one.
 * Read with a few comparisons and a look for each string's end; 0 for
 * anything else, which fast_object() reads.
 */
static int
usual_object(struct import *imp, const char *p, size_t len,
    struct span f[REC_NFIELDS], unsigned plain)
{
	const char *end = p + len;
	struct span t;

	import_clear(imp);
	if (!LITERAL(p, end, "{\"id\":\"") ||
	    (p = short_rest(p, end, &f[REC_FIELD_ID], 0)) == NULL ||
	    !LITERAL(p, end, ",\"tags\":["))
		return 0;
	if (p < end && *p == ']')
		p++;
	else
		for (;;) {
			if (p == end || *p++ != '"' ||
			    (p = short_rest(p, end, &t, 1)) == NULL || t.len == 0)
				return 0;
			if (imp->tags.len > 0)
				buf_addc(&imp->tags, ',');
			buf_add(&imp->tags, t.p, t.len);
			if (p < end && *p == ',') {
				p++;
				continue;
			}
			if (p < end && *p++ == ']')
				break;
			return 0;
		}
	if (!LITERAL(p, end, ",\"question\":\"") ||
	    (p = rest(p, end, &imp->question, &f[REC_FIELD_QUESTION],
	    plain)) == NULL || !LITERAL(p, end, ",\"answer\":\"") ||
	    (p = rest(p, end, &imp->answer, &f[REC_FIELD_ANSWER], plain)) ==
	    NULL || end - p != 1 || *p != '}')
		return 0;
	if (imp->tags.len > 0) {
		/*
		 * Zeros after the list, which may then be read with it (a
		 * copy: a memset compiles to a slow rep stos).
		 */
		static const char zeros[32];

		buf_reserve(&imp->tags, sizeof(zeros));
		memcpy(imp->tags.p + imp->tags.len, zeros, sizeof(zeros));
		imp->tags_avail = imp->tags.len + sizeof(zeros);
	}
	f[REC_FIELD_TAGS].p = imp->tags.p != NULL ? imp->tags.p : "";
	f[REC_FIELD_TAGS].len = imp->tags.len;
	return 1;
}

static json_t *
parse(struct import *imp, const char *p, size_t len, size_t flags,
    unsigned long line, size_t *used)
{
	json_error_t err;
	json_t *o;

	if ((o = json_loadb(p, len, flags | JSON_ALLOW_NUL, &err)) == NULL) {
		import_error(imp, line + (unsigned long)err.line - 1,
		    "JSON: %s (column %d)", err.text, err.column);
		return NULL;
	}
	if (used != NULL)
		*used = (size_t)err.position;
	return o;
}

static int
jsonl_fill(struct import *imp)
{
	struct js *js = imp->state;
	struct span l;
	unsigned kind;
	int n = 0, got;

	if (js == NULL)
		imp->state = js = xcalloc(1, sizeof(*js));
	while (n < 256 && !import_full(imp) &&
	    (got = import_line(imp, &l, &kind)) > 0) {
		struct span f[REC_NFIELDS];
		json_t *o;
		size_t i = 0, used;
		/*
		 * A clean line's strings are valid text, and the fast path
		 * lets through only the escapes qb(5) has or unescapes.
		 */
		unsigned hints = kind & IMPORT_LINE_CLEAN ?
		    IMPORT_HINT(REC_FIELD_QUESTION, IMPORT_PLAIN) |
		    IMPORT_HINT(REC_FIELD_ANSWER, IMPORT_PLAIN) : 0;

		while (i < l.len && (l.p[i] == ' ' || l.p[i] == '\t'))
			i++;
		if (i == l.len)
			continue;
		n++;
		if (imp->ahead && import_ends_at(imp,
		    reader_offset(imp->rd, l.p), imp->rd->lineno))
			break;
		if (((kind & IMPORT_LINE_NOCTRL) &&
		    usual_object(imp, l.p, l.len, f, kind & IMPORT_LINE_PLAIN)) ||
		    (fast_object(imp, js, l.p, l.len, &used, f,
		    kind & IMPORT_LINE_PLAIN) &&
		    fast_space(l.p + used, l.p + l.len) == l.p + l.len)) {
			import_emit_fields(imp, imp->rd->lineno, f, 1, hints);
			continue;
		}
		if ((o = parse(imp, l.p, l.len, 0, imp->rd->lineno, NULL)) ==
		    NULL)
			continue;
		object(imp, js, o, imp->rd->lineno);
		json_decref(o);
	}
	return n > 0;
}

static void
skip_space(struct js *js)
{
	const char *p = js->text.p;

	while (js->pos < js->text.len && (p[js->pos] == ' ' ||
	    p[js->pos] == '\t' || p[js->pos] == '\n' || p[js->pos] == '\r')) {
		js->line += p[js->pos] == '\n';
		js->pos++;
	}
}

static void
advance(struct js *js, size_t n)
{
	const char *p = js->text.p + js->pos, *end = p + n;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		js->line++;
		p++;
	}
	js->pos += n;
}

/* After a broken element: on to the next line that starts an object, or
 * ends the array. */
static void
resync(struct js *js)
{
	for (;;) {
		const char *p = js->text.p + js->pos;
		const char *nl = memchr(p, '\n', js->text.len - js->pos);

		if (nl == NULL) {
			js->pos = js->text.len;
			return;
		}
		advance(js, (size_t)(nl - p) + 1);
		skip_space(js);
		if (js->pos < js->text.len && (js->text.p[js->pos] == '{' ||
		    js->text.p[js->pos] == ']'))
			return;
	}
}

/*
 * Skips one JSON value at js->pos (a member of a wrapper that is not the
 * list); 0 when it is not valid JSON, reported.
 */
static int
skip_value(struct import *imp, struct js *js)
{
	size_t used;
	json_t *v;

	v = parse(imp, js->text.p + js->pos, js->text.len - js->pos,
	    JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, js->line, &used);
	if (v == NULL)
		return 0;
	json_decref(v);
	advance(js, used);
	return 1;
}

/* Is the value at js->pos an array whose first element is an object? */
static int
at_object_array(const struct js *js)
{
	size_t i = js->pos;

	if (i >= js->text.len || js->text.p[i] != '[')
		return 0;
	for (i++; i < js->text.len; i++)
		if (!strchr(" \t\r\n", js->text.p[i]))
			return js->text.p[i] == '{';
	return 0;
}

/* Is the value at js->pos, a '[', an empty array? */
static int
at_empty_array(const struct js *js)
{
	size_t i;

	for (i = js->pos + 1; i < js->text.len; i++)
		if (!strchr(" \t\r\n", js->text.p[i]))
			return js->text.p[i] == ']';
	return 0;
}

/*
 * At a top-level '{': on to the first member whose value is an array of
 * objects, left at its '['.  1 when there is one; 0 when the object has
 * none (reported unless one member is an empty array: an empty list).
 */
static int
enter_wrapper(struct import *imp, struct js *js)
{
	const char *p = js->text.p, *q;
	struct span key;
	int empty = 0;		/* a member is an empty array */

	js->pos++;
	for (;;) {
		skip_space(js);
		if (js->pos < js->text.len && p[js->pos] == '}')
			break;
		q = p + js->pos;
		if (!fast_string(&q, p + js->text.len, NULL, &key)) {
			import_error(imp, js->line, "JSON: expected a key in "
			    "the object around the list");
			return 0;
		}
		advance(js, (size_t)(q - (p + js->pos)));
		skip_space(js);
		if (js->pos == js->text.len || p[js->pos] != ':') {
			import_error(imp, js->line, "JSON: expected ':' after "
			    "a key");
			return 0;
		}
		js->pos++;
		skip_space(js);
		if (at_object_array(js))
			return 1;
		if (js->pos < js->text.len && p[js->pos] == '[')
			empty |= at_empty_array(js);
		if (!skip_value(imp, js))
			return 0;
		skip_space(js);
		if (js->pos < js->text.len && p[js->pos] == ',')
			js->pos++;
		else if (js->pos == js->text.len || p[js->pos] != '}') {
			import_error(imp, js->line, "JSON: expected ',' or '}' "
			    "in the object around the list");
			return 0;
		}
	}
	if (empty)		/* {"questions": []}: no records, as [] */
		return 0;
	import_error(imp, js->line, "JSON: the object holds no list of "
	    "questions: the file is [{...}] or {\"questions\": [{...}]}");
	return 0;
}

/*
 * After the list's ']' in a wrapper: the members after it, then '}'.
 * 0 when they are not valid JSON, reported.
 */
static int
leave_wrapper(struct import *imp, struct js *js)
{
	const char *p = js->text.p, *q;
	struct span key;

	for (;;) {
		skip_space(js);
		if (js->pos < js->text.len && p[js->pos] == '}') {
			js->pos++;
			return 1;
		}
		if (js->pos == js->text.len || p[js->pos] != ',')
			break;
		js->pos++;
		skip_space(js);
		q = p + js->pos;
		if (!fast_string(&q, p + js->text.len, NULL, &key))
			break;
		advance(js, (size_t)(q - (p + js->pos)));
		skip_space(js);
		if (js->pos == js->text.len || p[js->pos] != ':')
			break;
		js->pos++;
		skip_space(js);
		if (!skip_value(imp, js))
			return 0;
	}
	import_error(imp, js->line, "JSON: expected ',' or '}' in the object "
	    "around the list");
	return 0;
}

static int
json_fill(struct import *imp)
{
	struct js *js = imp->state;
	const char *p;
	int n = 0;

	if (js == NULL) {
		imp->state = js = xcalloc(1, sizeof(*js));
		js->line = 1;
		if (import_slurp(imp, &js->text) < 0)
			import_error(imp, imp->rd->lineno + 1, "read error");
	}
	p = js->text.p;
	while (n < 256 && !import_full(imp)) {
		struct span f[REC_NFIELDS];
		size_t used;
		json_t *o;

		skip_space(js);
		if (js->state == 0) {
			if (js->pos == js->text.len)
				return 0;	/* empty: no records */
			if (p[js->pos] == '{') {
				if (!enter_wrapper(imp, js))
					return 0;
				js->wrapped = 1;
			}
			if (p[js->pos] != '[') {
				import_error(imp, js->line, "JSON: not an "
				    "array: the file is [{...}, {...}]");
				return 0;
			}
			js->pos++;
			js->state = 1;
			skip_space(js);
			if (js->pos < js->text.len && p[js->pos] == ']') {
				js->pos++;
				js->state = 2;
			}
			continue;
		}
		if (js->state == 2) {
			/* (at the end: an unclosed array, reported) */
			if (js->wrapped && js->pos < js->text.len) {
				if (!leave_wrapper(imp, js))
					return n > 0;
				skip_space(js);
			}
			if (js->pos < js->text.len)
				import_error(imp, js->line, "JSON: text after "
				    "the closing '%c'", js->wrapped ? '}' : ']');
			js->pos = js->text.len;
			return n > 0;
		}
		if (js->pos == js->text.len) {
			import_error(imp, js->line, "JSON: the array is not "
			    "closed with ']'");
			js->state = 2;
			return n > 0;
		}
		if (p[js->pos] == ']') {	/* after a broken element */
			js->pos++;
			js->state = 2;
			continue;
		}
		n++;
		if (fast_object(imp, js, p + js->pos, js->text.len - js->pos,
		    &used, f, 0))
			import_emit_fields(imp, js->line, f, 1, 0);
		else {
			o = parse(imp, p + js->pos, js->text.len - js->pos,
			    JSON_DISABLE_EOF_CHECK, js->line, &used);
			if (o == NULL) {
				resync(js);
				continue;
			}
			object(imp, js, o, js->line);
			json_decref(o);
		}
		advance(js, used);
		skip_space(js);
		if (js->pos < js->text.len && p[js->pos] == ',')
			js->pos++;
		else if (js->pos < js->text.len && p[js->pos] == ']') {
			js->pos++;
			js->state = 2;
		} else {
			import_error(imp, js->line, "JSON: expected ',' or ']' "
			    "after an element");
			resync(js);
		}
	}
	return 1;
}

static void
js_close(struct import *imp)
{
	struct js *js = imp->state;

	if (js == NULL)
		return;
	buf_free(&js->text);
	buf_free(&js->scratch);
	free(js);
}

const struct import_reader import_json = { json_fill, js_close, NULL, NULL };
/* One object a line: every line start is a record's. */
static off_t
jsonl_record_start(const struct import *imp, int fd, off_t off, off_t size)
{
	(void)imp;
	(void)fd;
	(void)size;
	return off;
}

/* The unknown keys said already, for a later part of the file. */
static void
jsonl_continue(struct import *imp, const struct import *from)
{
	const struct js *f = from->state;
	struct js *js = xcalloc(1, sizeof(*js));

	js->warned = f != NULL && f->warned;
	imp->state = js;
}

const struct import_reader import_jsonl = { jsonl_fill, js_close,
	jsonl_record_start, jsonl_continue };

/*
 * One vector pass over a line (the reader's structural pass, or
 * scan_fields()) finds its TABs and tells which fields hold a byte that
 * needs a closer look (a backslash, or a byte that may be a control or
 * invalid UTF-8).  A text field without one is valid as it stands; one
 * with backslashes only has its escapes checked; the others are checked
 * byte by byte from one such byte to the next, which alone decides what
 * is wrong and where.  The id and the tags are short and checked by their
 * own rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "out.h"
#include "rec.h"
#include "scan.h"
#include "utf8.h"

/* The id alphabet: A-Z a-z 0-9 . _ : / - (a table: every record's id). */
#define ID10	1, 1, 1, 1, 1, 1, 1, 1, 1, 1
#define ID26	ID10, ID10, 1, 1, 1, 1, 1, 1
static const unsigned char id_byte[256] = {
	['-'] = 1, ['.'] = 1, ['/'] = 1, ['0'] = ID10, [':'] = 1,
	['A'] = ID26, ['_'] = 1, ['a'] = ID26
};

static int
is_id_byte(unsigned char c)
{
	return id_byte[c];
}

static enum rec_kind
fail(struct rec *r, enum rec_err err, enum rec_field field, size_t col,
    unsigned arg)
{
	r->err = err;
	r->errfield = field;
	r->errcol = col;
	r->errarg = arg;
	return REC_INVALID;
}

/*
 * Classifies a byte that is not plain printable ASCII: a control, or the
 * start of a UTF-8 sequence.  Returns the sequence length, or 0 after
 * recording the error.
 */
static size_t
check_special(struct rec *r, const char *p, size_t n, enum rec_field f,
    size_t col)
{
	unsigned char c = (unsigned char)*p;
	uint32_t cp;
	size_t len;

	if (c == 0)
		return fail(r, REC_ENUL, f, col, 0), 0;
	if (c < 0x80 && utf8_is_control(c))
		return fail(r, REC_ECTRL, f, col, c), 0;
	if (c < 0x80)
		return 1;
	if ((len = utf8_decode((const unsigned char *)p, n, &cp)) == 0)
		return fail(r, REC_EUTF8, f, col, c), 0;
	if (utf8_is_control(cp))
		return fail(r, REC_ECTRL, f, col, cp), 0;
	return len;
}

/* The bytes check_text() must look at: everything but printable ASCII. */
static struct scan_set text_special =
    SCAN_SET(SCAN_CTRL | SCAN_DEL | SCAN_HIGH, 1, '\\');

static struct scan_set backslash = SCAN_SET(0, 1, '\\');

/*
 * The fast check of a field the vector scan found clean (valid UTF-8, no
 * controls): only its escapes are left.  0 when they are right; -1 when
 * the careful check must find what is wrong.
 */
static int
escapes_ok(const char *p, size_t n)
{
	size_t i = 0;

	while ((i = scan_find(p, i, n, &backslash)) < n) {
		if (i + 1 == n || (p[i + 1] != '\\' && p[i + 1] != 't' &&
		    p[i + 1] != 'n'))
			return -1;
		i += 2;
	}
	return 0;
}

static int
check_text(struct rec *r, struct span s, enum rec_field f, size_t col0)
{
	const char *p = s.p;
	size_t i = 0, n = s.len;

	if (scan_text_clean(p, n) && escapes_ok(p, n) == 0)
		return 0;

	while (i < n) {
		unsigned char c;
		size_t len;

		if ((i = scan_find(p, i, n, &text_special)) == n)
			break;
		c = (unsigned char)p[i];
		if (c == '\\') {
			if (i + 1 == n)
				return fail(r, REC_EBACKSLASH, f, col0 + i, 0), -1;
			c = (unsigned char)p[i + 1];
			if (c != '\\' && c != 't' && c != 'n')
				return fail(r, REC_EESCAPE, f, col0 + i, c), -1;
			i += 2;
			continue;
		}
		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if ((len = check_special(r, p + i, n - i, f, col0 + i)) == 0)
			return -1;
		i += len;
	}
	return 0;
}

/*
 * A text field the scan flagged: when it found no control and no invalid
 * UTF-8 there, only the escapes are left to check.
 */
static int
check_field(struct rec *r, struct span s, enum rec_field f, size_t col0,
    unsigned bad)
{
	if (!bad && escapes_ok(s.p, s.len) == 0)
		return 0;
	return check_text(r, s, f, col0);
}

static int
check_id(struct rec *r, struct span s, size_t col0)
{
	size_t i;

	if (s.len > REC_ID_MAX)
		return fail(r, REC_EIDLEN, REC_FIELD_ID, col0, 0), -1;
	for (i = 0; i < s.len; i++) {
		if (is_id_byte((unsigned char)s.p[i]))
			continue;
		if (check_special(r, s.p + i, s.len - i, REC_FIELD_ID, col0 + i) != 0) {
			uint32_t cp = (unsigned char)s.p[i];

			utf8_decode((const unsigned char *)s.p + i, s.len - i, &cp);
			fail(r, REC_EIDCHAR, REC_FIELD_ID, col0 + i, cp);
		}
		return -1;
	}
	return 0;
}

/* Keyed: the tags of one line must not be able to collide on purpose. */
static uint32_t
hash32(const char *p, size_t n)
{
	uint64_t h = hash_keyed(p, n);

	return (uint32_t)(h ^ (h >> 32));
}

#define FAST_TAGS 8

/* Prepare an empty set with room for at most n tags. */
static void
tagset_reset(struct rec *r, size_t n)
{
	size_t slots = 16;

	if (n > r->refcap) {
		r->refs = xreallocarray(r->refs, n, sizeof(*r->refs));
		r->refcap = n;
	}
	r->slotmask = 0;	/* no hash set: tagset_add() compares */
	if (n <= FAST_TAGS)
		return;
	while (slots < 2 * n)
		slots *= 2;
	r->slotmask = slots - 1;
	if (slots > r->slotcap) {
		r->slots = xreallocarray(r->slots, slots, sizeof(*r->slots));
		r->slotcap = slots;
	}
	memset(r->slots, 0, slots * sizeof(*r->slots));
}

/*
 * Adds the tag at the end of tagbuf unless it is already there: a few
 * are compared with each other (a keyed hash costs more than that), many
 * are looked for in the hash set.
 */
static void
tagset_add(struct rec *r, size_t *ntags, size_t off, size_t len)
{
	size_t mask = r->slotmask, slot, i;
	const char *tag = r->tagbuf.p + off;

	if (r->slotmask == 0) {
		for (i = 0; i < *ntags; i++)
			if (r->refs[i].len == len && memcmp(r->tagbuf.p +
			    r->refs[i].off, tag, len) == 0) {
				r->tagbuf.len = off > 0 ? off - 1 : 0;
				return;
			}
		r->refs[*ntags].off = (uint32_t)off;
		r->refs[(*ntags)++].len = (uint32_t)len;
		return;
	}
	for (slot = hash32(tag, len) & mask; r->slots[slot] != 0;
	    slot = (slot + 1) & mask) {
		struct tagref *t = &r->refs[r->slots[slot] - 1];

		if (t->len == len && memcmp(r->tagbuf.p + t->off, tag, len) == 0) {
			r->tagbuf.len = off > 0 ? off - 1 : 0;	/* drop it */
			return;
		}
	}
	r->refs[*ntags].off = (uint32_t)off;
	r->refs[*ntags].len = (uint32_t)len;
	r->slots[slot] = (uint32_t)++*ntags;
}

static size_t
count_byte(const char *p, size_t n, char c)
{
	const char *end = p + n;
	size_t count = 0;

	while ((p = memchr(p, c, (size_t)(end - p))) != NULL) {
		count++;
		p++;
	}
	return count;
}

static struct span
trim(const char *p, size_t len)
{
	struct span s;

	while (len > 0 && *p == ' ') {
		p++;
		len--;
	}
	while (len > 0 && p[len - 1] == ' ')
		len--;
	s.p = p;
	s.len = len;
	return s;
}

/*
 * The length of the tag from *at to the next end in *ends, with masks, not
 * branches; absent past the last tag, a length no tag has.
 */
static inline size_t
tag_len_next(uint64_t *ends, size_t *at, size_t absent)
{
	uint64_t is = 0 - (uint64_t)(*ends != 0);
	size_t end = (size_t)__builtin_ctzll(*ends | 1ull << 63);
	size_t n = ((end - *at) & is) | (absent & ~is);

	*at = end + 1;
	*ends &= *ends - 1;
	return n;
}

/*
 * tags_distinct() for a list of at most four tags, the usual case, with
 * no branch a tag: lists of random lengths mispredict them, at a cost that
 * showed.  Only tags of one length can be the same: their bytes are
 * compared only when two are.  -1: not known here.
 */
static int
few_tags_distinct(size_t len, uint64_t commas)
{
	uint64_t ends = commas | 1ull << (len & 63), c = commas;
	size_t at = 0, l0, l1, l2, l3;

	c &= c - 1;
	c &= c - 1;
	c &= c - 1;
	if (len >= 64 || c != 0)
		return -1;
	l0 = tag_len_next(&ends, &at, 100);
	l1 = tag_len_next(&ends, &at, 101);
	l2 = tag_len_next(&ends, &at, 102);
	l3 = tag_len_next(&ends, &at, 103);
	if ((l0 == 0) | (l1 == 0) | (l2 == 0) | (l3 == 0))
		return 0;
	if ((l0 == l1) | (l0 == l2) | (l0 == l3) | (l1 == l2) | (l1 == l3) |
	    (l2 == l3))
		return -1;
	return 1;
}

/*
 * Are the tags of a list of canonical bytes, its commas' bits given, few,
 * none empty or long, none repeated?
 */
static int
tags_distinct(const char *p, size_t len, uint64_t commas)
{
	size_t start[FAST_TAGS + 1], n = 0, i, j;
	int few = few_tags_distinct(len, commas);

	if (few >= 0)
		return few;
	start[n++] = 0;
	for (; commas != 0; commas &= commas - 1) {
		if (n == FAST_TAGS)
			return 0;
		start[n++] = (size_t)__builtin_ctzll(commas) + 1;
	}
	start[n] = len + 1;
	for (i = 0; i < n; i++) {
		size_t ilen = start[i + 1] - start[i] - 1;

		if (ilen == 0 || ilen > REC_TAG_MAX)
			return 0;
		for (j = 0; j < i; j++)
			if (start[j + 1] - start[j] - 1 == ilen &&
			    memcmp(p + start[j], p + start[i], ilen) == 0)
				return 0;
	}
	return 1;
}

/*
 * Is the list already canonical: a few lowercase ASCII tags, no spaces, no
 * empty or long tag, no repeat?  Then it is used where it stands, which is
 * what makes reading canonical files (the output of qb-list) cheap.
 */
static int
tags_canonical(const char *p, size_t len, size_t avail)
{
	uint64_t commas;

	return scan_tags(p, len, avail, &commas) &&
	    tags_distinct(p, len, commas);
}

/*
 * A short head (id and tags) of canonical bytes, checked by one vector
 * step (scan_head()): the id and the tags stand as they are.
 */
static int
head_canonical(const char *line, size_t len, const struct scan_fields *f,
    struct span *id, struct span *tags)
{
	size_t t0 = f->tab[0], t1 = f->tab[1];
	uint64_t commas;

	if (t1 >= 64 || !scan_head(line, t0, t1, len, &commas) ||
	    (t1 > t0 + 1 && !tags_distinct(line + t0 + 1, t1 - t0 - 1, commas)))
		return 0;
	id->p = line;
	id->len = t0;
	tags->p = line + t0 + 1;
	tags->len = t1 - t0 - 1;
	return 1;
}

/* Tags are lowercased in ASCII only: other letters stand as written. */
static inline char
ascii_lower(unsigned char c)
{
	return (char)((unsigned)(c - 'A') < 26 ? c + 'a' - 'A' : c);
}

/*
 * A list of a few ASCII tags written by hand ("Career, Debugging"): into
 * r->tagbuf, lowercased and trimmed, in one pass and with no call a tag.
 * 0: not such a list, or one with a mistake or a repeat in it, which
 * tag_list()'s careful pass says or drops.
 */
static int
tags_folded(struct rec *r, const char *p, size_t len)
{
	size_t i, j, n = 0, off[FAST_TAGS], size[FAST_TAGS];
	int spaces = 0;
	char *o, *tag;

	buf_reset(&r->tagbuf);
	buf_reserve(&r->tagbuf, len + 1);
	o = tag = r->tagbuf.p;
	for (i = 0; i <= len; i++) {
		unsigned char c = i < len ? (unsigned char)p[i] : ',';

		if (c == ' ') {
			spaces |= o != tag;	/* after a tag's first byte */
			continue;
		}
		if (c != ',') {
			if (c < ' ' || c >= 0x7f || spaces)
				return 0;
			*o++ = ascii_lower(c);
			continue;
		}
		if (o == tag || (size_t)(o - tag) > REC_TAG_MAX ||
		    n == FAST_TAGS)
			return 0;
		off[n] = (size_t)(tag - r->tagbuf.p);
		size[n] = (size_t)(o - tag);
		for (j = 0; j < n; j++)
			if (size[j] == size[n] &&
			    memcmp(r->tagbuf.p + off[j], tag, size[n]) == 0)
				return 0;
		n++;
		*o++ = ',';
		tag = o;
		spaces = 0;
	}
	r->tags.p = r->tagbuf.p;
	r->tags.len = r->tagbuf.len = (size_t)(o - r->tagbuf.p) - 1;
	return 1;
}

static enum rec_err
tag_list(struct rec *r, const char *p, size_t len, size_t avail, size_t col0)
{
	const char *end = p + len, *field = p;
	size_t ntags = 0;
	char *o;

	buf_reset(&r->tagbuf);
	r->tags.p = p;		/* an empty list stays where it stands */
	r->tags.len = 0;
	if (len == 0)
		return REC_OK;
	if (tags_canonical(p, len, avail)) {
		r->tags.p = p;
		r->tags.len = len;
		return REC_OK;
	}
	if (tags_folded(r, p, len))
		return REC_OK;
	buf_reset(&r->tagbuf);
	tagset_reset(r, count_byte(p, len, ',') + 1);
	for (;;) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma != NULL ? comma : end;
		struct span t = trim(p, (size_t)(stop - p));
		size_t col = col0 + (size_t)(t.p - field), off, i;

		if (t.len == 0)
			return fail(r, REC_ETAGEMPTY, REC_FIELD_TAGS, col, 0), r->err;
		if (t.len > REC_TAG_MAX)
			return fail(r, REC_ETAGLEN, REC_FIELD_TAGS, col, 0), r->err;
		if (r->tagbuf.len > 0)
			buf_addc(&r->tagbuf, ',');
		off = r->tagbuf.len;
		buf_reserve(&r->tagbuf, t.len);
		o = r->tagbuf.p + off;
		for (i = 0; i < t.len; i++) {
			unsigned char c = (unsigned char)t.p[i];
			size_t seq;

			if (c > ' ' && c < 0x7f) {
				*o++ = ascii_lower(c);
				continue;
			}
			if (c == ' ')
				return fail(r, REC_ETAGSPACE, REC_FIELD_TAGS,
				    col + i, c), r->err;
			seq = check_special(r, t.p + i, t.len - i,
			    REC_FIELD_TAGS, col + i);
			if (seq == 0)
				return r->err;
			memcpy(o, t.p + i, seq);	/* reserved above */
			o += seq;
			i += seq - 1;
		}
		r->tagbuf.len = (size_t)(o - r->tagbuf.p);
		tagset_add(r, &ntags, off, t.len);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	r->tags.p = r->tagbuf.p;
	r->tags.len = r->tagbuf.len;
	return REC_OK;
}

enum rec_err
rec_tag_list(struct rec *r, const char *p, size_t len)
{
	return rec_tag_list_in(r, p, len, len);
}

enum rec_err
rec_tag_list_in(struct rec *r, const char *p, size_t len, size_t avail)
{
	struct span s = trim(p, len);

	return tag_list(r, s.p, s.len, avail - (size_t)(s.p - p),
	    1 + (size_t)(s.p - p));
}

uint64_t
rec_text_hash(struct span s)
{
	const char *bs = memchr(s.p, '\\', s.len);
	uint64_t h = HASH_FNV_OFFSET;
	size_t i, plain = bs == NULL ? s.len : (size_t)(bs - s.p);

	/* Up to the first backslash, bytes are themselves. */
	for (i = 0; i < plain; i++)
		h = hash_fnv1a_byte(h, (unsigned char)s.p[i]);
	for (; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if (c == '\\' && i + 1 < s.len) {
			c = (unsigned char)s.p[++i];
			c = c == 't' ? '\t' : c == 'n' ? '\n' : c;
		}
		h = hash_fnv1a_byte(h, c);
	}
	return h;
}

/* By hand: snprintf() was a third of the cost of reading ids derived. */
size_t
rec_derived_id(uint64_t h, char *id)
{
	static const char digits[] = "0123456789abcdef";
	int i;

	id[0] = 'q';
	for (i = 0; i < 12; i++)
		id[1 + i] = digits[(h >> (60 - 4 * i)) & 0xf];
	id[13] = '\0';
	return REC_DERIVED_LEN;
}

/* plain: the question holds no backslash, so it is its own text. */
static void
derive_id(struct rec *r, int plain)
{
	r->id.len = rec_derived_id(plain ? hash_fnv1a(r->question.p,
	    r->question.len) : rec_text_hash(r->question), r->idbuf);
	r->id.p = r->idbuf;
}

static int
is_blank(const char *p, size_t len)
{
	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	return len == 0;
}

static enum rec_kind
parse_comment(struct rec *r, const char *line, size_t len)
{
	size_t bad = utf8_check(line, len);
	const char *nul;

	if ((nul = memchr(line, '\0', len)) != NULL &&
	    (size_t)(nul - line) <= bad)
		return fail(r, REC_ENUL, REC_FIELD_QUESTION, 1 + (size_t)(nul - line),
		    0);
	if (bad < len)
		return fail(r, REC_EUTF8, REC_FIELD_QUESTION, 1 + bad,
		    (unsigned char)line[bad]);
	return REC_COMMENT;
}

/*
 * A bare line is what people type by hand, so its text is literal: a
 * backslash is a backslash (printf("\n") stays as typed).  The question
 * span is kept escaped like every other field, so a backslash is doubled
 * into r->textbuf; the pieces between backslashes are checked in place,
 * so that an error's column is the column in the line.
 */
static enum rec_kind
parse_bare(struct rec *r, const char *line, size_t len, int special)
{
	struct span q = trim(line, len), piece;
	const char *end = q.p + q.len, *p = q.p, *bs;

	r->answer = trim(end, 0);
	r->tags = r->answer;
	buf_reset(&r->tagbuf);
	r->question = q;
	if (!special) {		/* valid text, no backslash: as it is */
		derive_id(r, 1);
		return REC_RECORD;
	}
	for (;;) {
		bs = memchr(p, '\\', (size_t)(end - p));
		piece.p = p;
		piece.len = (size_t)((bs != NULL ? bs : end) - p);
		if (check_text(r, piece, REC_FIELD_QUESTION,
		    1 + (size_t)(p - line)) < 0)
			return REC_INVALID;
		if (bs == NULL)
			break;
		p = bs + 1;
	}
	if (memchr(q.p, '\\', q.len) != NULL) {
		buf_reset(&r->textbuf);
		rec_escape(&r->textbuf, q.p, q.len);
		r->question.p = r->textbuf.p;
		r->question.len = r->textbuf.len;
	}
	derive_id(r, 0);
	return REC_RECORD;
}

enum rec_kind
rec_parse(struct rec *r, const char *line, size_t len)
{
	struct scan_fields f;

	f.ntab = SCAN_UNSPLIT;
	return rec_parse_split(r, line, len, &f);
}

enum rec_kind
rec_parse_split(struct rec *r, const char *line, size_t len,
    struct scan_fields *fp)
{
	const char *end = line + len, *tab[3];
	struct scan_fields own;
	const struct scan_fields *f = fp;
	size_t ntab;
	const char *p;

	r->err = REC_OK;
	if (len > 0 && line[0] == '#')
		return parse_comment(r, line, len);
	if (is_blank(line, len))
		return REC_BLANK;
	if (f->ntab == SCAN_UNSPLIT) {
		scan_fields(line, len, &own);
		f = &own;
	}
	for (ntab = 0; ntab < f->ntab && ntab < 3; ntab++)
		tab[ntab] = line + f->tab[ntab];
	if (f->ntab == 4) {
		p = tab[2] + 1;
		return fail(r, REC_EFIELDS, REC_FIELD_ID, 1 + (size_t)(p - line),
		    4 + (unsigned)count_byte(p, (size_t)(end - p), '\t'));
	}
	if (ntab == 1)
		return fail(r, REC_EFIELDS, REC_FIELD_ID, 1 + (size_t)(tab[0] - line),
		    2);
	r->bare = ntab == 0;
	if (r->bare)
		return parse_bare(r, line, len, f->special & 1);

	const char *qend = ntab == 3 ? tab[2] : end;
	struct span id, tags;

	r->question = trim(tab[1] + 1, (size_t)(qend - tab[1] - 1));
	r->answer = ntab == 3 ? trim(tab[2] + 1, (size_t)(end - tab[2] - 1)) :
	    trim(end, 0);
	if (head_canonical(line, len, f, &id, &tags)) {
		buf_reset(&r->tagbuf);
		r->tags = tags;
	} else {
		id = trim(line, (size_t)(tab[0] - line));
		tags = trim(tab[0] + 1, (size_t)(tab[1] - tab[0] - 1));
		if (check_id(r, id, 1 + (size_t)(id.p - line)) < 0 ||
		    tag_list(r, tags.p, tags.len, (size_t)(end - tags.p),
		    1 + (size_t)(tags.p - line)) != 0)
			return REC_INVALID;
	}
	if (r->question.len == 0)
		return fail(r, REC_EQEMPTY, REC_FIELD_QUESTION,
		    1 + (size_t)(r->question.p - line), 0);
	if (((f->special & 4) && check_field(r, r->question,
	    REC_FIELD_QUESTION, 1 + (size_t)(r->question.p - line),
	    f->bad & 4) < 0) ||
	    ((f->special & 8) && check_field(r, r->answer, REC_FIELD_ANSWER,
	    1 + (size_t)(r->answer.p - line), f->bad & 8) < 0))
		return REC_INVALID;
	if (id.len == 0)
		derive_id(r, !(f->special & 4));
	else
		r->id = id;
	return REC_RECORD;
}

const char *
rec_comment_suspect(const char *line, size_t len)
{
	size_t tabs;

	/* "# note", "## heading", "#" alone: a comment by every convention. */
	if (len < 2 || line[0] != '#' || line[1] == ' ' || line[1] == '\t' ||
	    line[1] == '#')
		return NULL;
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (line[len - 1] == '?')
		return "a comment that reads like a question: a question "
		    "starting with '#' is written after a space or two TABs";
	tabs = count_byte(line, len, '\t');
	if (tabs == 2 || tabs == 3)
		return "a comment holding TAB-separated fields: a record "
		    "commented out by mistake?";
	return NULL;
}

void
rec_free(struct rec *r)
{
	buf_free(&r->tagbuf);
	buf_free(&r->textbuf);
	free(r->refs);
	free(r->slots);
	memset(r, 0, sizeof(*r));
}

const struct rec_field_info rec_fields[REC_NFIELDS] = {
	{ "id",		'i',	0,	0 },
	{ "tags",	't',	1,	0 },
	{ "question",	'q',	0,	1 },
	{ "answer",	'a',	0,	1 }
};

/* A byte or code point, shown without passing any control through. */
static void
describe_char(char *out, size_t size, unsigned arg)
{
	if (arg == ' ')
		snprintf(out, size, "a space");
	else if (arg > ' ' && arg < 0x7f)
		snprintf(out, size, "'%c'", (char)arg);
	else if (arg < 0x80)
		snprintf(out, size, "byte 0x%02x", arg);
	else
		snprintf(out, size, "U+%04X", arg);
}

void
rec_errmsg(const struct rec *r, char *msg, size_t size)
{
	const char *field = rec_fields[r->errfield].name;
	char what[32];

	describe_char(what, sizeof(what), r->errarg);
	switch (r->err) {
	case REC_OK:
		snprintf(msg, size, "no error");
		break;
	case REC_ENUL:
		snprintf(msg, size, "NUL byte at column %zu", r->errcol);
		break;
	case REC_EUTF8:
		snprintf(msg, size, "invalid UTF-8 at column %zu", r->errcol);
		break;
	case REC_ECTRL:
		snprintf(msg, size, "control character %s in %s at column %zu",
		    what, field, r->errcol);
		break;
	case REC_EFIELDS:
		snprintf(msg, size, "%u fields: a record has 3 or 4 "
		    "TAB-separated fields (id, tags, question, answer)",
		    r->errarg);
		break;
	case REC_EIDLEN:
		snprintf(msg, size, "id longer than %d bytes", REC_ID_MAX);
		break;
	case REC_EIDCHAR:
		snprintf(msg, size, "%s in id at column %zu: ids are made of "
		    "A-Z a-z 0-9 . _ : / -", what, r->errcol);
		break;
	case REC_ETAGEMPTY:
		snprintf(msg, size, "empty tag at column %zu", r->errcol);
		break;
	case REC_ETAGLEN:
		snprintf(msg, size, "tag at column %zu longer than %d bytes",
		    r->errcol, REC_TAG_MAX);
		break;
	case REC_ETAGSPACE:
		snprintf(msg, size, "space inside a tag at column %zu",
		    r->errcol);
		break;
	case REC_EQEMPTY:
		snprintf(msg, size, "empty question");
		break;
	case REC_EESCAPE:
		if (r->errarg > ' ' && r->errarg < 0x7f)
			snprintf(what, sizeof(what), "'\\%c'", (char)r->errarg);
		snprintf(msg, size, "unknown escape %s in %s at column %zu: "
		    "the escapes are \\\\, \\t and \\n",
		    what, field, r->errcol);
		break;
	case REC_EBACKSLASH:
		snprintf(msg, size, "lone backslash at the end of the %s, "
		    "column %zu: write \\\\ for a backslash", field, r->errcol);
		break;
	}
}

int
rec_is_canonical(const struct rec *r)
{
	return r->tags.p == r->id.p + r->id.len + 1 &&
	    r->question.p == r->tags.p + r->tags.len + 1 &&
	    r->answer.p == r->question.p + r->question.len + 1 &&
	    r->id.p[r->id.len] == '\t';
}

void
rec_write(const struct rec *r)
{
	char *o;

	/* A line already in canonical form is written as it stands. */
	if (rec_is_canonical(r)) {
		out_write(r->id.p, (size_t)(r->answer.p + r->answer.len -
		    r->id.p));
		out_char('\n');
		return;
	}
	/* A record made of pieces (imported, say): put together in place. */
	if ((o = out_space(r->id.len + r->tags.len + r->question.len +
	    r->answer.len + 4)) != NULL) {
		memcpy(o, r->id.p, r->id.len);
		o += r->id.len;
		*o++ = '\t';
		memcpy(o, r->tags.p, r->tags.len);
		o += r->tags.len;
		*o++ = '\t';
		memcpy(o, r->question.p, r->question.len);
		o += r->question.len;
		*o++ = '\t';
		memcpy(o, r->answer.p, r->answer.len);
		o[r->answer.len] = '\n';
		return;
	}
	out_write(r->id.p, r->id.len);
	out_char('\t');
	out_write(r->tags.p, r->tags.len);
	out_char('\t');
	out_write(r->question.p, r->question.len);
	out_char('\t');
	out_write(r->answer.p, r->answer.len);
	out_char('\n');
}

void
rec_format(const struct rec *r, struct buf *b)
{
	buf_reserve(b, r->id.len + r->tags.len + r->question.len +
	    r->answer.len + 4);
	buf_add(b, r->id.p, r->id.len);
	buf_addc(b, '\t');
	buf_add(b, r->tags.p, r->tags.len);
	buf_addc(b, '\t');
	buf_add(b, r->question.p, r->question.len);
	buf_addc(b, '\t');
	buf_add(b, r->answer.p, r->answer.len);
	buf_addc(b, '\n');
}

struct span
rec_text(struct span s, struct buf *scratch)
{
	const char *bs = s.len > 0 ? memchr(s.p, '\\', s.len) : NULL;
	const char *end = s.p + s.len, *p = s.p;

	if (bs == NULL)
		return s;
	buf_reset(scratch);
	buf_reserve(scratch, s.len);
	while (bs != NULL) {
		char c = bs + 1 < end ? bs[1] : '\\';

		buf_add(scratch, p, (size_t)(bs - p));
		buf_addc(scratch, c == 't' ? '\t' : c == 'n' ? '\n' : c);
		p = bs + 2 <= end ? bs + 2 : end;
		bs = memchr(p, '\\', (size_t)(end - p));
	}
	buf_add(scratch, p, (size_t)(end - p));
	s.p = scratch->p;
	s.len = scratch->len;
	return s;
}

void
rec_escape(struct buf *b, const char *raw, size_t len)
{
	size_t i;

	buf_reserve(b, len);
	for (i = 0; i < len; i++) {
		char c = raw[i];

		if (c == '\\' || c == '\t' || c == '\n') {
			buf_addc(b, '\\');
			c = c == '\t' ? 't' : c == '\n' ? 'n' : c;
		}
		buf_addc(b, c);
	}
}

int
rec_tag_next(struct span *list, struct span *tag)
{
	const char *comma;

	if (list->len == 0)
		return 0;
	comma = memchr(list->p, ',', list->len);
	tag->p = list->p;
	tag->len = comma != NULL ? (size_t)(comma - list->p) : list->len;
	list->p += tag->len + (comma != NULL);
	list->len -= tag->len + (comma != NULL);
	return 1;
}

int
rec_has_tag(const struct rec *r, const char *tag, size_t len)
{
	struct span list = r->tags, t;

	while (rec_tag_next(&list, &t))
		if (t.len == len && memcmp(t.p, tag, len) == 0)
			return 1;
	return 0;
}

int
rec_field_mask(const char *list)
{
	int mask = 0;

	while (*list != '\0') {
		size_t len = strcspn(list, ","), f;

		if (len == 3 && strncmp(list, "all", 3) == 0)
			mask |= (1 << REC_NFIELDS) - 1;
		else {
			for (f = 0; f < REC_NFIELDS; f++)
				if (strlen(rec_fields[f].name) == len &&
				    strncmp(list, rec_fields[f].name, len) == 0)
					break;
			if (f == REC_NFIELDS)
				return -1;
			mask |= 1 << f;
		}
		list += len + (list[len] == ',');
	}
	return mask == 0 ? -1 : mask;
}

void
rec_field_list(struct buf *b, const char *sep)
{
	int f;

	for (f = 0; f < REC_NFIELDS; f++) {
		if (f > 0)
			buf_adds(b, sep);
		buf_adds(b, rec_fields[f].name);
	}
}

struct span
rec_field(const struct rec *r, enum rec_field f)
{
	switch (f) {
	case REC_FIELD_ID:
		return r->id;
	case REC_FIELD_TAGS:
		return r->tags;
	case REC_FIELD_QUESTION:
		return r->question;
	case REC_FIELD_ANSWER:
	default:
		return r->answer;
	}
}

struct span
rec_field_text(const struct rec *r, enum rec_field f, struct buf *scratch)
{
	struct span s = rec_field(r, f);

	return rec_fields[f].escaped ? rec_text(s, scratch) : s;
}

int
rec_id_valid(const char *p, size_t len)
{
	size_t i;

	if (len == 0 || len > REC_ID_MAX)
		return 0;
	for (i = 0; i < len; i++)
		if (!is_id_byte((unsigned char)p[i]))
			return 0;
	return 1;
}

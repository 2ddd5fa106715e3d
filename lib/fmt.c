/*
 * Every renderer appends to one buffer, which is written when it holds
 * FMT_BATCH bytes or more: one write(2) straight from it, not a copy
 * into out.c's buffer for each record.  Nothing else is kept from one
 * record to the next but the count, so memory does not grow with the
 * input, JSON arrays included.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "escape.h"
#include "fmt.h"
#include "mail.h"
#include "out.h"

/*
 * The buffer is allocated once at its full size (doubling up to it would
 * leave the smaller copies' pages behind); a batch leaves room for a
 * long record before it must grow.
 */
#define FMT_BUFSIZE	(64 * 1024)
#define FMT_BATCH	(48 * 1024)
#define FMT_MORE_BATCH	(4 * 1024)	/* fmt_open_more()'s */

/* What a format is, besides its callbacks. */
enum {
	FMT_DEFAULT = 1 << 0,	/* used without -f */
	FMT_RECORDS = 1 << 1,	/* no records is worth a notice and status 1 */
	FMT_NUL = 1 << 2,	/* takes -z */
	FMT_TITLE = 1 << 3,	/* takes --title */
	FMT_SHEET = 1 << 4,	/* takes --formula-guard and --bom */
	FMT_ALONE = 1 << 5	/* a record's output owes nothing to others */
};

struct fmt_kind {
	const char	*name;
	unsigned	 flags;
	/* How wrapped lines are written: as they are, quoted-printable... */
	void		(*emit)(void *, const char *, size_t);
	/* Checks the options the format reads: 0, or -1 and f->err. */
	int		(*check)(struct fmt *);
	void		(*begin)(struct fmt *);
	void		(*record)(struct fmt *, const struct rec *);
	void		(*end)(struct fmt *);
};

/* The columns of TSV and Anki rows: Anki's front, back, tags, guid. */
static const enum rec_field tsv_columns[] = {
	REC_FIELD_QUESTION, REC_FIELD_ANSWER, REC_FIELD_TAGS, REC_FIELD_ID
};
#define NCOLUMNS (sizeof(tsv_columns) / sizeof(tsv_columns[0]))

static int
fail(struct fmt *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int
fail(struct fmt *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->err, sizeof(f->err), fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * A field's text for the data formats: the answer only with -a, so a
 * sheet for candidates cannot leak it, but the key or column stays.
 */
static struct span
field_text(struct fmt *f, const struct rec *r, enum rec_field k)
{
	struct span none = { "", 0 };

	if (k == REC_FIELD_ANSWER && !f->opt->answers)
		return none;
	return rec_field_text(r, k, &f->text);
}

/* The same, as the record holds it: text fields escaped as in qb(5). */
static struct span
field_escaped(struct fmt *f, const struct rec *r, enum rec_field k)
{
	struct span none = { "", 0 };

	if (k == REC_FIELD_ANSWER && !f->opt->answers)
		return none;
	return rec_field(r, k);
}

/* Writes what the renderers left in f->out. */
static void
drain(struct fmt *f)
{
	if (f->out.len > 0)
		out_write_now(f->out.p, f->out.len);
	buf_reset(&f->out);
}

/* A record is done: write the batch when it is full. */
static void
flush(struct fmt *f)
{
	if (f->out.len >= f->batch)
		drain(f);
}

/* The wrap callbacks: a line to the output buffer as it is. */
static void
emit_plain(void *ctx, const char *line, size_t len)
{
	struct fmt *f = ctx;

	buf_add(&f->out, line, len);
	buf_addc(&f->out, '\n');
}

static void
emit_qp(void *ctx, const char *line, size_t len)
{
	struct fmt *f = ctx;

	mail_qp_line(&f->out, line, len);
}

/* strfile(1) takes a line of "%" alone as the end of a fortune. */
static void
emit_fortune(void *ctx, const char *line, size_t len)
{
	struct fmt *f = ctx;

	if (len == 1 && line[0] == '%')
		buf_addc(&f->out, ' ');
	emit_plain(ctx, line, len);
}

/* "N. question", then the answer under it, hanging-indented. */
static void
wrap_numbered(struct fmt *f, const struct rec *r)
{
	char number[32], indent[40];
	struct span t;
	size_t w;

	snprintf(number, sizeof(number), "%lu. ", f->n);
	w = strlen(number);
	if (f->opt->answers && f->n > 1 && !f->opt->nul)
		f->wrap.emit(f->wrap.ctx, "", 0);
	t = rec_text(r->question, &f->text);
	wrap_text(&f->wrap, number, t.p, t.len);
	if (f->opt->answers && r->answer.len > 0) {
		memset(indent, ' ', w);
		indent[w] = '\0';
		t = rec_text(r->answer, &f->text);
		wrap_text(&f->wrap, indent, t.p, t.len);
	}
}

/* With -z the record's last newline is a NUL: one item for xargs -0. */
static void
text_record(struct fmt *f, const struct rec *r)
{
	size_t start = f->out.len;

	wrap_numbered(f, r);
	if (f->opt->nul && f->out.len > start)
		f->out.p[f->out.len - 1] = '\0';
	flush(f);
}

/* "# Title": a heading on one line, whatever the title holds. */
static void
markdown_begin(struct fmt *f)
{
	const char *t = f->opt->title;
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; t[i] != '\0'; i++) {
		unsigned char c = (unsigned char)t[i];

		buf_addc(&f->text, c < 0x20 || c == 0x7f ? ' ' : (char)c);
	}
	while (f->text.len > 0 && f->text.p[f->text.len - 1] == ' ')
		f->text.len--;	/* a heading's trailing spaces are noise */
	if (f->text.len == 0)
		return;
	buf_adds(&f->out, "# ");
	esc_markdown(&f->out, f->text.p, f->text.len, 0);
	buf_adds(&f->out, "\n\n");
	buf_reset(&f->text);
	flush(f);
}

static void
markdown_record(struct fmt *f, const struct rec *r)
{
	char number[32];
	struct span t;
	int indent;

	indent = snprintf(number, sizeof(number), "%lu. ", f->n);
	if (f->opt->answers && f->n > 1)
		buf_addc(&f->out, '\n');
	buf_adds(&f->out, number);
	t = rec_text(r->question, &f->text);
	esc_markdown(&f->out, t.p, t.len, indent);
	buf_addc(&f->out, '\n');
	if (f->opt->answers && r->answer.len > 0) {
		buf_addc(&f->out, '\n');
		for (int i = 0; i < indent; i++)
			buf_addc(&f->out, ' ');
		t = rec_text(r->answer, &f->text);
		esc_markdown(&f->out, t.p, t.len, indent);
		buf_addc(&f->out, '\n');
	}
	flush(f);
}

/*
 * JSON's keys with their punctuation, from rec_fields[], made once (not
 * with snprintf(): printf's code is a large part of a small RSS).
 */
static void
json_keys(struct fmt *f)
{
	int k;

	for (k = 0; k < REC_NFIELDS; k++) {
		char *p = f->keys[k];
		size_t len = strlen(rec_fields[k].name);

		if (len + 5 >= sizeof(f->keys[k]))
			diag_fatal("a field name too long for JSON's keys");
		*p++ = k == 0 ? '{' : ',';
		*p++ = '"';
		memcpy(p, rec_fields[k].name, len);
		p += len;
		*p++ = '"';
		*p++ = ':';
		if (!rec_fields[k].list)
			*p++ = '"';
		f->keylen[k] = (unsigned char)(p - f->keys[k]);
	}
}

/* A key, copied whole (a fixed size is a few moves, not a call). */
static inline void
json_key(struct fmt *f, int k)
{
	struct buf *b = &f->out;

	if (sizeof(f->keys[k]) >= b->cap - b->len)
		buf_reserve(b, sizeof(f->keys[k]));
	memcpy(b->p + b->len, f->keys[k], sizeof(f->keys[k]));
	b->len += f->keylen[k];
}

/*
 * One object, its keys the field names in rec_fields[] order.  Text
 * fields go from their escaped form straight to JSON's (esc_json_qb()).
 */
static void
json_object(struct fmt *f, const struct rec *r)
{
	struct span t;
	int k;

	for (k = 0; k < REC_NFIELDS; k++) {
		json_key(f, k);
		t = field_escaped(f, r, (enum rec_field)k);
		if (rec_fields[k].list) {
			esc_json_list(&f->out, t.p, t.len);
			continue;
		}
		if (rec_fields[k].escaped)
			esc_json_chars(&f->out, t.p, t.len, 1);
		else
			esc_json_chars(&f->out, t.p, t.len, 0);
		buf_addc(&f->out, '"');
	}
	buf_addc(&f->out, '}');
}

static void
json_record(struct fmt *f, const struct rec *r)
{
	buf_adds(&f->out, f->n == 1 ? "[\n" : ",\n");
	json_object(f, r);
	flush(f);
}

static void
json_end(struct fmt *f)
{
	buf_adds(&f->out, f->n == 0 ? "[]\n" : "\n]\n");
}

static void
jsonl_record(struct fmt *f, const struct rec *r)
{
	json_object(f, r);
	buf_addc(&f->out, '\n');
	flush(f);
}

/* The header line names the fields; a BOM first tells Excel it is UTF-8. */
static void
csv_begin(struct fmt *f)
{
	int k;

	if (f->opt->bom)
		buf_adds(&f->out, "\xef\xbb\xbf");
	for (k = 0; k < REC_NFIELDS; k++) {
		if (k > 0)
			buf_addc(&f->out, ',');
		buf_adds(&f->out, rec_fields[k].name);
	}
	buf_adds(&f->out, "\r\n");
	flush(f);
}

static void
csv_record(struct fmt *f, const struct rec *r)
{
	struct span t;
	int k;

	for (k = 0; k < REC_NFIELDS; k++) {
		if (k > 0)
			buf_addc(&f->out, ',');
		t = field_escaped(f, r, (enum rec_field)k);
		if (rec_fields[k].escaped)
			esc_csv_qb(&f->out, t.p, t.len, f->opt->guard);
		else
			esc_csv(&f->out, t.p, t.len, f->opt->guard);
	}
	buf_adds(&f->out, "\r\n");
	flush(f);
}

/* Anki's own header lines, with the columns counted from 1. */
static void
anki_begin(struct fmt *f)
{
	char line[32];
	size_t i;

	buf_adds(&f->out, "#separator:tab\n#html:false\n");
	for (i = 0; i < NCOLUMNS; i++) {
		enum rec_field k = tsv_columns[i];

		if (k == REC_FIELD_TAGS || k == REC_FIELD_ID) {
			snprintf(line, sizeof(line), "#%s column:%zu\n",
			    k == REC_FIELD_TAGS ? "tags" : "guid", i + 1);
			buf_adds(&f->out, line);
		}
	}
	flush(f);
}

/*
 * A TSV row as Anki and Quizlet read it: lists space-separated (tags
 * have no spaces), quoted CSV-style where needed, no backslash escapes.
 */
static void
tsv_record(struct fmt *f, const struct rec *r)
{
	struct span t;
	size_t i, j;

	for (i = 0; i < NCOLUMNS; i++) {
		enum rec_field k = tsv_columns[i];

		if (i > 0)
			buf_addc(&f->out, '\t');
		if (rec_fields[k].escaped) {
			/* Unescaped as it is written: no copy first. */
			t = field_escaped(f, r, k);
			esc_tsv_qb(&f->out, t.p, t.len, i == 0);
			continue;
		}
		t = field_text(f, r, k);
		if (rec_fields[k].list) {
			/* Lists are not escaped text: t is not in f->text. */
			buf_reset(&f->text);
			for (j = 0; j < t.len; j++)
				buf_addc(&f->text, t.p[j] == ',' ?
				    ' ' : t.p[j]);
			t.p = f->text.p;
			t.len = f->text.len;
		}
		esc_tsv(&f->out, t.p, t.len, i == 0);
	}
	buf_addc(&f->out, '\n');
	flush(f);
}

static void
fortune_record(struct fmt *f, const struct rec *r)
{
	struct span t = rec_text(r->question, &f->text);

	wrap_text(&f->wrap, "", t.p, t.len);
	if (f->opt->answers && r->answer.len > 0) {
		f->wrap.emit(f->wrap.ctx, "", 0);
		t = rec_text(r->answer, &f->text);
		wrap_text(&f->wrap, "", t.p, t.len);
	}
	buf_adds(&f->out, "%\n");
	flush(f);
}

/* A subject's length in characters: with "Subject: ", one line of 78. */
#define SUBJECT_MAX	66

struct fmt_mail {
	struct mail_box	*to, *reply_to, *from;
	size_t		 nto, nreply_to, nfrom;
	struct template	 subject;
	struct buf	 head;	/* the header, made with the first question */
	struct buf	 one;	/* the first question without a number, */
	struct buf	 num;	/* and with one, until a second comes */
	struct buf	 prev;	/* --previous: the answered record, for the end */
	unsigned long	 n;	/* questions, the answered one aside */
};

/* Moves what the renderers left in f->out to b. */
static void
take_out(struct fmt *f, struct buf *b)
{
	buf_add(b, f->out.p, f->out.len);
	buf_reset(&f->out);
}

/* A question, numbered when number > 0, and with -a its answer. */
static void
mail_question(struct fmt *f, const struct rec *r, unsigned long number)
{
	char prefix[32] = "", indent[40];
	struct span t;
	size_t w;

	if (number > 0)
		snprintf(prefix, sizeof(prefix), "%lu. ", number);
	w = strlen(prefix);
	if (f->opt->answers && number > 1)
		f->wrap.emit(f->wrap.ctx, "", 0);
	t = rec_text(r->question, &f->text);
	wrap_text(&f->wrap, prefix, t.p, t.len);
	if (f->opt->answers && r->answer.len > 0) {
		if (number == 0)
			f->wrap.emit(f->wrap.ctx, "", 0);
		memset(indent, ' ', w);
		indent[w] = '\0';
		t = rec_text(r->answer, &f->text);
		wrap_text(&f->wrap, indent, t.p, t.len);
	}
}

/* --previous: the record before today's, with its answer. */
static void
mail_previous(struct fmt *f, const struct rec *r)
{
	struct span t;

	f->wrap.emit(f->wrap.ctx, "", 0);
	t = rec_text(r->question, &f->text);
	wrap_text(&f->wrap, "The previous question: ", t.p, t.len);
	if (r->answer.len > 0) {
		t = rec_text(r->answer, &f->text);
		wrap_text(&f->wrap, "Its answer: ", t.p, t.len);
	}
}

static void
mail_headers(struct fmt *f, const struct rec *r)
{
	struct fmt_mail *m = f->mail;
	struct buf raw = { 0 }, subject = { 0 };

	mail_address_header(&m->head, "From", m->from, m->nfrom);
	mail_address_header(&m->head, "To", m->to, m->nto);
	if (m->nreply_to > 0)
		mail_address_header(&m->head, "Reply-To", m->reply_to,
		    m->nreply_to);
	template_render(&m->subject, r, 1, &raw);
	mail_subject(&subject, raw.p, raw.len, SUBJECT_MAX);
	mail_text_header(&m->head, "Subject", buf_cstr(&subject));
	mail_date_and_id(&m->head);
	/* RFC 3834: no vacation replies to a machine. */
	buf_adds(&m->head, "Auto-Submitted: auto-generated\n"
	    "MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: quoted-printable\n\n");
	buf_free(&raw);
	buf_free(&subject);
}

/*
 * Nothing is written before the second question or the end: no records,
 * no message, and a single question goes without a number.
 */
static void
mail_record(struct fmt *f, const struct rec *r)
{
	struct fmt_mail *m = f->mail;

	if (f->opt->previous && f->n == 1) {
		mail_previous(f, r);
		take_out(f, &m->prev);
		return;
	}
	if (++m->n == 1) {
		mail_headers(f, r);
		mail_question(f, r, 0);
		take_out(f, &m->one);
		mail_question(f, r, 1);
		take_out(f, &m->num);
		return;
	}
	if (m->n == 2) {
		drain(f);
		out_write(m->head.p, m->head.len);
		out_write(m->num.p, m->num.len);
	}
	mail_question(f, r, m->n);
	flush(f);
}

static void
mail_end(struct fmt *f)
{
	struct fmt_mail *m = f->mail;

	if (m->n == 0)
		return;
	if (m->n == 1) {
		buf_add(&f->out, m->head.p, m->head.len);
		buf_add(&f->out, m->one.p, m->one.len);
	}
	if (m->prev.len > 0)
		buf_add(&f->out, m->prev.p, m->prev.len);
}

static void
template_record(struct fmt *f, const struct rec *r)
{
	template_render(&f->template, r, f->n, &f->out);
	if (f->opt->nul)
		buf_addc(&f->out, '\0');
	flush(f);
}

static int	check_mail_options(struct fmt *);

/*
 * The formats, in the order of the manual and --help; qb-fmt
 * --list-formats prints the names, and a test holds the copies in the
 * manual, the usage and the completions to this list.
 */
static const struct fmt_kind kinds[] = {
	{ "text",	FMT_DEFAULT | FMT_NUL, emit_plain, NULL,
	    NULL,		text_record,	NULL },
	{ "markdown",	FMT_TITLE,	emit_plain, NULL,
	    markdown_begin,	markdown_record, NULL },
	{ "json",	0,		emit_plain, NULL,
	    NULL,		json_record,	json_end },
	{ "jsonl",	FMT_ALONE,	emit_plain, NULL,
	    NULL,		jsonl_record,	NULL },
	{ "csv",	FMT_SHEET | FMT_ALONE, emit_plain, NULL,
	    csv_begin,		csv_record,	NULL },
	{ "tsv",	FMT_ALONE,	emit_plain, NULL,
	    NULL,		tsv_record,	NULL },
	{ "mail",	FMT_RECORDS,	emit_qp, check_mail_options,
	    NULL,		mail_record,	mail_end },
	{ "anki",	FMT_ALONE,	emit_plain, NULL,
	    anki_begin,		tsv_record,	NULL },
	{ "fortune",	FMT_ALONE,	emit_fortune, NULL,
	    NULL,		fortune_record,	NULL },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static const struct fmt_kind template_kind = {
	"template", FMT_NUL, emit_plain, NULL, NULL, template_record, NULL
};

const char *
fmt_name(size_t i)
{
	return i < NKINDS ? kinds[i].name : NULL;
}

/* Parses address lists for an option: 0, or -1 and f->err. */
static int
mail_boxes(struct fmt *f, const char *option, char *const *lists, size_t n,
    struct mail_box **v, size_t *nv)
{
	const char *why;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((why = mail_parse_list(lists[i], v, nv)) == NULL)
			continue;
		/* Named, when it can be shown; a long one, its start. */
		if (mail_header_ok(lists[i]))
			return fail(f, "invalid address for %s: '%.64s%s': %s",
			    option, lists[i], strlen(lists[i]) > 64 ? "..." : "",
			    why);
		return fail(f, "invalid address for %s: %s", option, why);
	}
	return 0;
}

static void
mail_free(struct fmt_mail *m)
{
	if (m == NULL)
		return;
	mail_boxes_free(m->to, m->nto);
	mail_boxes_free(m->reply_to, m->nreply_to);
	mail_boxes_free(m->from, m->nfrom);
	free(m->to);
	free(m->reply_to);
	free(m->from);
	template_free(&m->subject);
	buf_free(&m->head);
	buf_free(&m->one);
	buf_free(&m->num);
	buf_free(&m->prev);
	free(m);
}

/* The addresses and the subject template, checked once. */
static int
check_mail_options(struct fmt *f)
{
	const struct fmt_options *o = f->opt;
	struct fmt_mail *m = xcalloc(1, sizeof(*m));
	struct buf self = { 0 };
	char *lists[1];
	int rc = -1;

	f->mail = m;
	mail_self(&self);
	lists[0] = (char *)buf_cstr(&self);
	if (mail_boxes(f, "--to", o->nto > 0 ? o->to : lists,
	    o->nto > 0 ? o->nto : 1, &m->to, &m->nto) != 0)
		goto out;
	if (o->from != NULL)
		lists[0] = (char *)o->from;
	if (mail_boxes(f, "--from", lists, 1, &m->from, &m->nfrom) != 0)
		goto out;
	if (m->nfrom != 1) {
		fail(f, "--from takes one address, not %zu", m->nfrom);
		goto out;
	}
	if (mail_boxes(f, "--reply-to", o->reply_to, o->nreply_to,
	    &m->reply_to, &m->nreply_to) != 0)
		goto out;
	if (o->subject != NULL && !mail_header_ok(o->subject)) {
		fail(f, "invalid --subject: control characters, line "
		    "separators or invalid UTF-8");
		goto out;
	}
	if (template_parse(&m->subject, o->subject != NULL ? o->subject :
	    "%q", f->err, sizeof(f->err)) != 0) {
		char why[sizeof(f->err)];

		memcpy(why, f->err, sizeof(why));
		fail(f, "invalid --subject: %s", why);
		goto out;
	}
	rc = 0;
out:
	buf_free(&self);
	return rc;
}

/* The kind named, the default for NULL; NULL for an unknown name. */
static const struct fmt_kind *
find_kind(const char *name)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (name == NULL ? (kinds[i].flags & FMT_DEFAULT) != 0 :
		    strcmp(name, kinds[i].name) == 0)
			return &kinds[i];
	return NULL;
}

/* The names, for a message: "text, markdown, ... or fortune". */
static void
list_names(struct buf *b)
{
	size_t i;

	for (i = 0; i < NKINDS; i++) {
		if (i > 0)
			buf_adds(b, i + 1 < NKINDS ? ", " : " or ");
		buf_adds(b, kinds[i].name);
	}
}

/* An option given to a format that does not read it is a mistake. */
static int
check_flags(struct fmt *f)
{
	const struct fmt_options *o = f->opt;
	unsigned flags = f->kind->flags;

	if (o->nul && !(flags & FMT_NUL))
		return fail(f, "-z works with the text format and --template, "
		    "not %s", f->kind->name);
	if (o->title != NULL && !(flags & FMT_TITLE))
		return fail(f, "--title works with the markdown format, not %s",
		    f->kind->name);
	if ((o->guard || o->bom) && !(flags & FMT_SHEET))
		return fail(f, "%s works with the csv format, not %s",
		    o->guard ? "--formula-guard" : "--bom", f->kind->name);
	return 0;
}

/*
 * What every renderer of f->kind needs, and its buffer: size bytes,
 * written batch bytes at a time.
 */
static void
set_up(struct fmt *f, size_t batch, size_t size)
{
	f->wrap.width = f->opt->width;
	f->wrap.ctx = f;
	f->wrap.emit = f->kind->emit;
	json_keys(f);
	f->batch = batch;
	buf_reserve(&f->out, size - 1);
}

int
fmt_open(struct fmt *f, const char *name, const struct fmt_options *opt)
{
	memset(f, 0, sizeof(*f));
	f->opt = opt;
	if (opt->template != NULL) {
		if (name != NULL)
			return fail(f, "--format and --template are mutually "
			    "exclusive");
		if (template_parse(&f->template, opt->template, f->err,
		    sizeof(f->err)) != 0)
			return -1;
		f->kind = &template_kind;
	} else if ((f->kind = find_kind(name)) == NULL) {
		struct buf names = { 0 };

		list_names(&names);
		fail(f, "unknown format: '%s' (%s)", name, buf_cstr(&names));
		buf_free(&names);
		return -1;
	}
	set_up(f, FMT_BATCH, FMT_BUFSIZE);
	/* Chosen at first use: here, before another thread renders. */
	(void)esc_impl();
	if (check_flags(f) != 0 ||
	    (f->kind->check != NULL && f->kind->check(f) != 0))
		return -1;
	if (f->kind->begin != NULL)
		f->kind->begin(f);
	return 0;
}

int
fmt_alone(const struct fmt *f)
{
	return (f->kind->flags & FMT_ALONE) != 0;
}

int
fmt_open_more(struct fmt *f, const struct fmt *first)
{
	memset(f, 0, sizeof(*f));
	f->opt = first->opt;
	f->kind = first->kind;
	/* Its output waits in the other thread's pieces: none here. */
	set_up(f, FMT_MORE_BATCH, 2 * FMT_MORE_BATCH);
	return fmt_alone(f) ? 0 : -1;
}

void
fmt_flush(struct fmt *f)
{
	drain(f);
}

void
fmt_record(struct fmt *f, const struct rec *r)
{
	f->n++;
	f->kind->record(f, r);
}

void
fmt_close(struct fmt *f)
{
	if (f->kind != NULL && f->kind->end != NULL)
		f->kind->end(f);	/* appends to what is pending */
	drain(f);
	if (f->kind != NULL && (f->kind->flags & FMT_RECORDS) &&
	    (f->mail != NULL ? f->mail->n : f->n) == 0)
		diag_notice("no records: no message written");
	buf_free(&f->out);
	buf_free(&f->text);
	wrap_free(&f->wrap);
	template_free(&f->template);
	mail_free(f->mail);
	f->mail = NULL;
}

/*
 * Every renderer appends to one buffer per record and writes it at once;
 * nothing is kept from one record to the next but the count, so memory
 * does not grow with the input, JSON arrays included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "escape.h"
#include "fmt.h"
#include "mail.h"
#include "out.h"

struct fmt_kind {
	const char	*name;
	void		(*begin)(struct fmt *);
	void		(*record)(struct fmt *, const struct rec *);
	void		(*end)(struct fmt *);
};

static void
flush(struct fmt *f)
{
	out_write(f->out.p, f->out.len);
	buf_reset(&f->out);
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
	if (f->opt->answers && f->n > 1)
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

static void
text_record(struct fmt *f, const struct rec *r)
{
	wrap_numbered(f, r);
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

static void
json_object(struct fmt *f, const struct rec *r)
{
	struct span list = r->tags, t;

	buf_adds(&f->out, "{\"id\":");
	esc_json(&f->out, r->id.p, r->id.len);
	buf_adds(&f->out, ",\"tags\":[");
	while (rec_tag_next(&list, &t)) {
		esc_json(&f->out, t.p, t.len);
		if (list.len > 0)
			buf_addc(&f->out, ',');
	}
	buf_adds(&f->out, "],\"question\":");
	t = rec_text(r->question, &f->text);
	esc_json(&f->out, t.p, t.len);
	buf_adds(&f->out, ",\"answer\":");
	t = rec_text(r->answer, &f->text);
	esc_json(&f->out, t.p, t.len);
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
	out_str(f->n == 0 ? "[]\n" : "\n]\n");
}

static void
jsonl_record(struct fmt *f, const struct rec *r)
{
	json_object(f, r);
	buf_addc(&f->out, '\n');
	flush(f);
}

static void
csv_begin(struct fmt *f)
{
	(void)f;
	out_str("id,tags,question,answer\r\n");
}

static void
csv_record(struct fmt *f, const struct rec *r)
{
	struct span t;

	esc_csv(&f->out, r->id.p, r->id.len);
	buf_addc(&f->out, ',');
	esc_csv(&f->out, r->tags.p, r->tags.len);
	buf_addc(&f->out, ',');
	t = rec_text(r->question, &f->text);
	esc_csv(&f->out, t.p, t.len);
	buf_addc(&f->out, ',');
	t = rec_text(r->answer, &f->text);
	esc_csv(&f->out, t.p, t.len);
	buf_adds(&f->out, "\r\n");
	flush(f);
}

static void
anki_begin(struct fmt *f)
{
	(void)f;
	out_str("#separator:tab\n#html:false\n#tags column:3\n");
}

static void
anki_record(struct fmt *f, const struct rec *r)
{
	struct span t;
	size_t i;

	t = rec_text(r->question, &f->text);
	esc_anki(&f->out, t.p, t.len);
	buf_addc(&f->out, '\t');
	t = rec_text(r->answer, &f->text);
	esc_anki(&f->out, t.p, t.len);
	buf_addc(&f->out, '\t');
	/* Anki separates tags with spaces; ours have none inside. */
	buf_reset(&f->text);
	for (i = 0; i < r->tags.len; i++)
		buf_addc(&f->text, r->tags.p[i] == ',' ? ' ' : r->tags.p[i]);
	esc_anki(&f->out, f->text.p, f->text.len);
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
		out_write(m->head.p, m->head.len);
		out_write(m->one.p, m->one.len);
	}
	if (m->prev.len > 0)
		out_write(m->prev.p, m->prev.len);
}

static void
template_record(struct fmt *f, const struct rec *r)
{
	template_render(&f->tmpl, r, f->n, &f->out);
	flush(f);
}

static const struct fmt_kind kinds[] = {
	{ "anki",	anki_begin,	anki_record,	NULL },
	{ "csv",	csv_begin,	csv_record,	NULL },
	{ "fortune",	NULL,		fortune_record,	NULL },
	{ "json",	NULL,		json_record,	json_end },
	{ "jsonl",	NULL,		jsonl_record,	NULL },
	{ "mail",	NULL,		mail_record,	mail_end },
	{ "markdown",	NULL,		markdown_record, NULL },
	{ "text",	NULL,		text_record,	NULL },
};

static const struct fmt_kind template_kind = {
	"template", NULL, template_record, NULL
};

const char fmt_names[] =
    "text, markdown, json, jsonl, csv, mail, anki or fortune";

/* Parses address lists for an option; a bad one is a usage error. */
static void
mail_boxes(const char *option, char *const *lists, size_t n,
    struct mail_box **v, size_t *nv)
{
	const char *why;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((why = mail_parse_list(lists[i], v, nv)) == NULL)
			continue;
		if (mail_header_ok(lists[i]))
			diag_usage("invalid address for %s: '%s': %s", option,
			    lists[i], why);
		diag_usage("invalid address for %s: %s", option, why);
	}
}

static void
mail_open(struct fmt *f)
{
	const struct fmt_options *o = f->opt;
	struct fmt_mail *m = xcalloc(1, sizeof(*m));
	struct buf self = { 0 };
	char *lists[1], err[128];

	f->mail = m;
	mail_self(&self);
	lists[0] = (char *)buf_cstr(&self);
	mail_boxes("--to", o->nto > 0 ? o->to : lists, o->nto > 0 ? o->nto : 1,
	    &m->to, &m->nto);
	if (o->from != NULL)
		lists[0] = (char *)o->from;
	mail_boxes("--from", lists, 1, &m->from, &m->nfrom);
	if (m->nfrom != 1)
		diag_usage("--from takes one address, not %zu", m->nfrom);
	mail_boxes("--reply-to", o->reply_to, o->nreply_to, &m->reply_to,
	    &m->nreply_to);
	if (o->subject != NULL && !mail_header_ok(o->subject))
		diag_usage("invalid --subject: control characters, line "
		    "separators or invalid UTF-8");
	if (template_parse(&m->subject, o->subject != NULL ? o->subject :
	    "%q", err, sizeof(err)) != 0)
		diag_usage("invalid --subject: %s", err);
	buf_free(&self);
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

void
fmt_open(struct fmt *f, const char *name, const struct fmt_options *opt)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	f->opt = opt;
	f->wrap.width = opt->width;
	f->wrap.emit = emit_plain;
	f->wrap.ctx = f;
	if (opt->template != NULL) {
		char err[128];

		if (name != NULL)
			diag_usage("--format and --template are mutually "
			    "exclusive");
		if (template_parse(&f->tmpl, opt->template, err,
		    sizeof(err)) != 0)
			diag_usage("%s", err);
		f->kind = &template_kind;
		return;
	}
	for (i = 0; name != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(name, kinds[i].name) == 0)
			f->kind = &kinds[i];
	if (name == NULL)
		f->kind = &kinds[sizeof(kinds) / sizeof(kinds[0]) - 1];
	if (f->kind == NULL)
		diag_usage("unknown format: '%s' (%s)", name, fmt_names);
	if (f->kind->record == mail_record) {
		mail_open(f);
		f->wrap.emit = emit_qp;
	} else if (f->kind->record == fortune_record)
		f->wrap.emit = emit_fortune;
	if (f->kind->begin != NULL)
		f->kind->begin(f);
}

void
fmt_record(struct fmt *f, const struct rec *r)
{
	f->n++;
	f->kind->record(f, r);
}

int
fmt_close(struct fmt *f)
{
	int empty_mail = f->mail != NULL && f->mail->n == 0;

	if (f->kind->end != NULL)
		f->kind->end(f);
	if (empty_mail)
		diag_notice("no records: no message written");
	buf_free(&f->out);
	buf_free(&f->text);
	wrap_free(&f->wrap);
	template_free(&f->tmpl);
	mail_free(f->mail);
	return empty_mail;
}

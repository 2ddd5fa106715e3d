/*
 * The format is parsed into literal runs and field references once, so a
 * record costs only copying.  Nothing is added: the format says where
 * lines end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"

static void
add_part(struct template *t, enum tmpl_kind kind, size_t off, size_t len)
{
	if (kind == TMPL_TEXT && t->n > 0 && t->v[t->n - 1].kind == TMPL_TEXT) {
		t->v[t->n - 1].len += len;	/* extend the literal run */
		return;
	}
	t->v = xrealloc(t->v, (t->n + 1) * sizeof(*t->v));
	t->v[t->n].kind = kind;
	t->v[t->n].off = off;
	t->v[t->n].len = len;
	t->n++;
}

static void
add_literal(struct template *t, char c)
{
	add_part(t, TMPL_TEXT, t->lit.len, 1);
	buf_addc(&t->lit, c);
}

int
template_parse(struct template *t, const char *fmt, char *err, size_t size)
{
	static const char fields[] = "itqan";
	static const enum tmpl_kind kinds[] = { TMPL_ID, TMPL_TAGS,
	    TMPL_QUESTION, TMPL_ANSWER, TMPL_NUMBER };
	const char *p;

	memset(t, 0, sizeof(*t));
	for (p = fmt; *p != '\0'; p++) {
		const char *f;

		if (*p != '%' && *p != '\\') {
			add_literal(t, *p);
			continue;
		}
		if (p[1] == '\0') {
			snprintf(err, size, "lone '%c' at the end of the "
			    "template", *p);
			return -1;
		}
		if (*p == '\\') {
			if (p[1] != 'n' && p[1] != 't' && p[1] != '\\')
				goto unknown;
			add_literal(t, p[1] == 'n' ? '\n' : p[1] == 't' ?
			    '\t' : '\\');
		} else if (p[1] == '%')
			add_literal(t, '%');
		else if (p[1] != '\0' && (f = strchr(fields, p[1])) != NULL)
			add_part(t, kinds[f - fields], 0, 0);
		else
			goto unknown;
		p++;
	}
	return 0;
unknown:
	if ((unsigned char)p[1] < 0x20 || p[1] == 0x7f ||
	    (unsigned char)p[1] >= 0x80)
		snprintf(err, size, "unknown sequence '%c' followed by byte "
		    "0x%02x in the template", *p, (unsigned char)p[1]);
	else
		snprintf(err, size, "unknown sequence '%c%c' in the template",
		    *p, p[1]);
	return -1;
}

void
template_render(struct template *t, const struct rec *r, unsigned long number,
    struct buf *out)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct tmpl_part *part = &t->v[i];
		struct span text;
		char num[32];

		switch (part->kind) {
		case TMPL_TEXT:
			buf_add(out, t->lit.p + part->off, part->len);
			break;
		case TMPL_ID:
			buf_add(out, r->id.p, r->id.len);
			break;
		case TMPL_TAGS:
			buf_add(out, r->tags.p, r->tags.len);
			break;
		case TMPL_QUESTION:
		case TMPL_ANSWER:
			text = rec_text(part->kind == TMPL_QUESTION ?
			    r->question : r->answer, &t->scratch);
			buf_add(out, text.p, text.len);
			break;
		case TMPL_NUMBER:
			snprintf(num, sizeof(num), "%lu", number);
			buf_adds(out, num);
			break;
		}
	}
}

void
template_free(struct template *t)
{
	free(t->v);
	buf_free(&t->lit);
	buf_free(&t->scratch);
	memset(t, 0, sizeof(*t));
}

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
add_part(struct template *t, enum template_piece kind, size_t off, size_t len)
{
	if (kind == TEMPLATE_TEXT && t->n > 0 &&
	    t->v[t->n - 1].kind == TEMPLATE_TEXT) {
		t->v[t->n - 1].len += len;	/* extend the literal run */
		return;
	}
	t->v = xreallocarray(t->v, t->n + 1, sizeof(*t->v));
	memset(&t->v[t->n], 0, sizeof(t->v[t->n]));
	t->v[t->n].kind = kind;
	t->v[t->n].off = off;
	t->v[t->n].len = len;
	t->n++;
}

static void
add_literal(struct template *t, char c)
{
	add_part(t, TEMPLATE_TEXT, t->lit.len, 1);
	buf_addc(&t->lit, c);
}

/* "%q": the field whose letter it is, or -1. */
static int
field_letter(char c)
{
	int f;

	for (f = 0; f < REC_NFIELDS; f++)
		if (rec_fields[f].letter == c)
			return f;
	return -1;
}

/* "\n": the byte it stands for, or -1. */
static int
escape_byte(char c)
{
	static const char names[] = "nt0\\", bytes[] = "\n\t\0\\";
	const char *p;

	if (c == '\0' || (p = strchr(names, c)) == NULL)
		return -1;
	return bytes[p - names];
}

int
template_parse(struct template *t, const char *fmt, char *err, size_t size)
{
	const char *p;
	int f;

	memset(t, 0, sizeof(*t));
	for (p = fmt; *p != '\0'; p++) {
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
			if ((f = escape_byte(p[1])) < 0)
				goto unknown;
			add_literal(t, (char)f);
		} else if (p[1] == '%')
			add_literal(t, '%');
		else if (p[1] == 'n')
			add_part(t, TEMPLATE_NUMBER, 0, 0);
		else if ((f = field_letter(p[1])) >= 0) {
			add_part(t, TEMPLATE_FIELD, 0, 0);
			t->v[t->n - 1].field = (enum rec_field)f;
		} else
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
		const struct template_part *part = &t->v[i];
		struct span text;
		char num[32];

		switch (part->kind) {
		case TEMPLATE_TEXT:
			buf_add(out, t->lit.p + part->off, part->len);
			break;
		case TEMPLATE_FIELD:
			text = rec_field_text(r, part->field, &t->scratch);
			buf_add(out, text.p, text.len);
			break;
		case TEMPLATE_NUMBER:
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

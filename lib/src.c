/*
 * The one loop every command runs over its input.  A bad line is reported
 * with its file and line and then skipped; a file that cannot be opened or
 * read is reported and the next one is read: nothing good is lost.
 */
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "diag.h"
#include "out.h"
#include "scan.h"
#include "src.h"

static char *stdin_only[] = { "-", NULL };

void
src_init(struct src *s, int nfiles, char **files, enum src_default dflt)
{
	const char *qb_path = getenv("QB_PATH");

	memset(s, 0, sizeof(*s));
	s->idmax = SRC_IDS_MAX;
	if (nfiles > 0) {
		s->paths = files;
		s->npaths = (size_t)nfiles;
	} else if (dflt == SRC_STDIN) {
		s->paths = stdin_only;
		s->npaths = 1;
	} else if (qb_path != NULL && *qb_path != '\0') {
		s->expanded = bank_path_expand(qb_path, &s->npaths);
		s->paths = s->expanded;
	} else
		s->builtin = 1;
}

/* Opens the next input; 0 when there is none left. */
static int
open_next(struct src *s)
{
	if (s->builtin) {
		const struct bank_file *b;

		if (s->next >= bank_nbuiltin)
			return 0;
		b = &bank_builtin[s->next++];
		reader_open_mem(&s->rd, b->name, b->data, b->len);
		return 1;
	}
	while (s->next < s->npaths) {
		const char *path = s->paths[s->next++];

		if (reader_open(&s->rd, path) == 0)
			return 1;
		diag_syswarn("%s", path);
	}
	return 0;
}

static void
report_bad_line(struct src *s)
{
	char msg[256];

	rec_errmsg(&s->rec, msg, sizeof(msg));
	(s->lenient ? diag_line_notice : diag_line)(s->rd.name, s->rd.lineno,
	    "%s", msg);
}

void
src_all_ids(struct src *s)
{
	s->idmax = (size_t)-1;
}

/* Remembers where an id was first seen. */
static void
remember(struct src *s, struct strmap_entry *e)
{
	if (s->ids.n > s->wherecap) {
		s->wherecap = s->wherecap == 0 ? 256 : 2 * s->wherecap;
		s->where = xrealloc(s->where, s->wherecap * sizeof(*s->where));
	}
	e->value = s->ids.n - 1;
	s->where[e->value].name = s->rd.name;
	s->where[e->value].lineno = s->rd.lineno;
}

/* 1 when the record's id was seen before: reported, counted as bad. */
static int
duplicate(struct src *s)
{
	struct rec *r = &s->rec;
	struct strmap_entry *e;
	int added;

	if (s->idsfull)
		return 0;
	if (s->ids.n == s->idmax) {
		/* Checking later ids against the table is no bound on memory
		 * lost: a duplicate of a forgotten id would pass anyway. */
		diag_line_info(s->rd.name, s->rd.lineno, "more than %zu distinct "
		    "ids: duplicate ids are no longer detected", s->idmax);
		s->idsfull = 1;
		return 0;
	}
	e = strmap_put(&s->ids, r->id.p, r->id.len, &added);
	if (added) {
		remember(s, e);
		return 0;
	}
	(s->lenient ? diag_line_notice : diag_line)(s->rd.name, s->rd.lineno,
	    "duplicate id '%.*s', first at %s:%lu", (int)r->id.len, r->id.p,
	    s->where[e->value].name, s->where[e->value].lineno);
	return 1;
}

/* --check: a comment that looks like a mistake counts as a problem. */
static void
suspect_comment(struct src *s, const struct span *l)
{
	const char *why = rec_comment_suspect(l->p, l->len);

	if (why != NULL) {
		diag_line_notice(s->rd.name, s->rd.lineno, "%s", why);
	}
}

struct rec *
src_next(struct src *s)
{
	struct scan_fields f;
	struct span l;

	for (;;) {
		int got;

		if (!s->open) {
			if (!open_next(s))
				return NULL;
			s->open = 1;
			s->nopened++;
		}
		if ((got = reader_next_split(&s->rd, &l, &f)) <= 0) {
			if (got < 0)
				diag_syswarn("%s", s->rd.name);
			out_release(s->rd.fd);	/* src_write() may copy from it */
			reader_close(&s->rd);
			s->open = 0;
			continue;
		}
		s->line = l;
		switch (rec_parse_split(&s->rec, l.p, l.len, &f)) {
		case REC_RECORD:
			if (duplicate(s))
				break;
			return &s->rec;
		case REC_INVALID:
			report_bad_line(s);
			break;
		case REC_COMMENT:
			if (s->lenient)
				suspect_comment(s, &l);
			break;
		case REC_BLANK:
			break;
		}
	}
}

int
src_canonical_at(const struct src *s, struct src_at *at)
{
	const struct rec *r = &s->rec;
	const struct span *l = &s->line;

	if (r->id.p != l->p || r->answer.p + r->answer.len != l->p + l->len ||
	    !rec_is_canonical(r) || !reader_line_lf(&s->rd, l) ||
	    (at->off = reader_offset(&s->rd, l->p)) < 0)
		return 0;
	at->fd = s->rd.fd;
	at->input = s->nopened;
	at->len = l->len + 1;
	return 1;
}

void
src_write(struct src *s)
{
	struct src_at at;

	if (src_canonical_at(s, &at))
		out_write_file(at.fd, at.off, s->line.p, at.len);
	else
		rec_write(&s->rec);
}

const char *
src_name(const struct src *s)
{
	return s->rd.name;
}

unsigned long
src_lineno(const struct src *s)
{
	return s->rd.lineno;
}

void
src_set_lenient(struct src *s)
{
	s->lenient = 1;
}

void
src_free(struct src *s)
{
	out_release(s->rd.fd);
	reader_free(&s->rd);
	rec_free(&s->rec);
	strmap_free(&s->ids);
	free(s->where);
	if (s->expanded != NULL)
		bank_path_free(s->expanded);
	s->expanded = NULL;
}

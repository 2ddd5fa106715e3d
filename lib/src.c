/*
 * The one loop every command runs over its input.  A bad line is reported
 * with its file and line and then skipped; a file that cannot be opened or
 * read is reported and the next one is read: nothing good is lost.
 */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank.h"
#include "diag.h"
#include "out.h"
#include "scan.h"
#include "split.h"
#include "src.h"

static char *stdin_only[] = { "-", NULL };


void
src_init(struct src *s, int nfiles, char **files, enum src_default dflt)
{
	const char *qb_path = getenv("QB_PATH");

	memset(s, 0, sizeof(*s));
	s->ids.max = SRC_IDS_MAX;
	s->from = IMPORT_QB;	/* qb-list sets -1 (by extension) or --format */
	if (nfiles == 0 && dflt == SRC_BANK &&
	    src_stdin_has_data(STDIN_FILENO, SRC_STDIN_WAIT, &s->silent))
		dflt = SRC_STDIN;
	if (s->silent)
		diag_info("standard input is an open pipe with no data "
		    "after %d ms: reading the bank (name - to wait for it)",
		    SRC_STDIN_WAIT);
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

int
src_stdin_has_data(int fd, int wait_ms, int *silent)
{
	struct pollfd p;
	struct stat st;
	int n;

	*silent = 0;
	if (fstat(fd, &st) < 0)
		return 0;
	if (S_ISREG(st.st_mode)) {
		off_t pos = lseek(fd, 0, SEEK_CUR);

		return st.st_size > (pos > 0 ? pos : 0);
	}
	if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))
		return 0;
	p.fd = fd;
	p.events = POLLIN;
	p.revents = 0;
	if (poll(&p, 1, wait_ms) <= 0) {
		*silent = 1;
		return 0;
	}
	/* Ready with nothing to read is the end of an empty pipe. */
	if (ioctl(fd, FIONREAD, &n) == 0)
		return n > 0;
	return 1;
}

/*
 * A directory without *.qb files, but with files of another format
 * ("qb-list notes/" of Markdown notes): says which -f reads them, or the
 * pipeline would print nothing and give no reason.
 */
static void
other_formats(const char *path)
{
	static const enum import_format fmts[] = {
		IMPORT_MARKDOWN, IMPORT_CSV, IMPORT_TSV, IMPORT_JSON,
		IMPORT_JSONL,
	};
	size_t i, n;
	char **v;

	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		v = import_dir(path, fmts[i], &n);
		bank_path_free(v);
		if (n > 0) {
			diag_info("%s: no *.qb file in it, but %zu %s "
			    "file%s: -f %s reads %s", path, n,
			    import_format_name(fmts[i]), n > 1 ? "s" : "",
			    import_format_name(fmts[i]), n > 1 ? "them" : "it");
			return;
		}
	}
}

/* A directory operand: its files of the format asked for, in name order. */
static int
open_dir(struct src *s, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return 0;
	s->dir = import_dir(path, s->from < 0 ? IMPORT_QB :
	    (enum import_format)s->from, &s->ndir);
	s->dirnext = 0;
	if (s->ndir == 0 && s->from < 0 && access(path, R_OK | X_OK) == 0)
		other_formats(path);	/* an unreadable one was said */
	return 1;
}

static int
open_path(struct src *s, const char *path)
{
	if (reader_open(&s->rd, path) < 0) {
		diag_syswarn("%s", path);
		return 0;
	}
	s->fmt = s->from >= 0 ? s->from : strcmp(path, "-") == 0 ?
	    IMPORT_QB : (int)import_format_guess(path);
	s->sniffed = 0;
	if (s->fmt != IMPORT_QB) {
		s->imp.lenient = s->lenient;
		import_open(&s->imp, (enum import_format)s->fmt, &s->rd);
	}
	return 1;
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
	for (;;) {
		const char *path;

		if (s->dir != NULL && s->dirnext < s->ndir) {
			if (open_path(s, s->dir[s->dirnext++]))
				return 1;
			continue;
		}
		if (s->dir != NULL) {
			bank_path_free(s->dir);
			s->dir = NULL;
		}
		if (s->next >= s->npaths)
			return 0;
		path = s->paths[s->next++];
		if (s->dirs && strcmp(path, "-") != 0 && open_dir(s, path))
			continue;
		if (open_path(s, path))
			return 1;
	}
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
	s->ids.max = 0;
}

/* 1 when the record's id was seen before: reported, counted as bad. */
static int
duplicate(struct src *s)
{
	struct rec *r = &s->rec;
	const char *name;
	unsigned long lineno;

	if (s->idsfull)
		return 0;
	switch (idset_add(&s->ids, r->id.p, r->id.len, s->rd.name, s->lineno,
	    &name, &lineno)) {
	case IDSET_NEW:
		return 0;
	case IDSET_FULL:
		/*
		 * Checking later ids against the table is no bound on memory
		 * lost: a duplicate of a forgotten id would pass anyway.  No
		 * message: a big bank is not a mistake, and a message on every
		 * run of it would be noise (qb(5) says where the check stops).
		 * The table is looked at no more: freed, its 768 KiB are no
		 * part of the memory used while the rest is read.
		 */
		s->idsfull = 1;
		idset_free(&s->ids);
		return 0;
	case IDSET_SEEN:
		break;
	}
	(s->lenient ? diag_line_notice : diag_line)(s->rd.name, s->lineno,
	    "duplicate id '%.*s', first at %s:%lu", (int)r->id.len, r->id.p,
	    name, lineno);
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

/*
 * --check on a qb(5) file whose first lines are another format's says so:
 * every line of a CSV or a JSON array is a valid bare question.
 */
static void
sniff(struct src *s, const struct span *l)
{
	int fmt;

	if (l->len == 0 || s->sniffed++ >= 3)
		return;
	if ((fmt = import_sniff(l->p, l->len, s->rd.lineno)) < 0)
		return;
	s->sniffed = 4;
	(s->lenient ? diag_line_notice : diag_line)(s->rd.name, s->rd.lineno,
	    "this looks like %s, not qb(5): "
	    "read it with --format=%s", fmt == IMPORT_CSV ? "a CSV header" :
	    fmt == IMPORT_TSV ? "tab-separated text" : fmt == IMPORT_JSON ?
	    "a JSON array" : "JSON Lines",
	    import_format_name((enum import_format)fmt));
}

/* Data that came after the bank was read instead of it is not ignored. */
static void
late_stdin(struct src *s)
{
	int silent;

	if (s->silent && src_stdin_has_data(STDIN_FILENO, 0, &silent)) {
		diag_warn("standard input: data came after the bank was "
		    "read, and was not read: name - to read it");
	}
	s->silent = 0;
}

/*
 * An input read to its end.  Standard input is left at its end, as one
 * thread leaves it, when another thread read part of it: with pread(),
 * which moves no offset ({ qb-list -c; cat; } < FILE).
 */
static void
close_input(struct src *s, int read_all)
{
	if (s->split_read && read_all && !s->rd.positional && s->rd.fd >= 0)
		(void)lseek(s->rd.fd, 0, SEEK_END);
	s->split_read = 0;
	s->split_later = 0;
	reader_close(&s->rd);
	s->open = 0;
}

/*
 * A Markdown file that gave no question (notes, a list of links, a shape
 * qb-list does not read) says so: the pipeline after it would print
 * nothing and give no reason.  Rows and objects are plain to see; what
 * in Markdown is a question is the importer's guess.
 */
static void
no_questions(const struct src *s)
{
	if (s->fmt == IMPORT_MARKDOWN && s->file_recs == 0)
		diag_info("%s: no question read from it as Markdown: "
		    "qb-list(1), FORMATS, says what is read", s->rd.name);
}

struct rec *
src_next(struct src *s)
{
	struct scan_fields f;
	struct span l;

	for (;;) {
		int got;

		if (!s->open) {
			if (!open_next(s)) {
				late_stdin(s);
				return NULL;
			}
			s->open = 1;
			s->nopened++;
			s->file_recs = 0;
			/*
			 * An import, or a file read in rounds, is split once
			 * its header is read and its ids checked (lib/split.c).
			 */
			if (s->counter != NULL && (s->fmt != IMPORT_QB ||
			    s->counter->rounds))
				s->split_later = 1;
			else if (s->counter != NULL)
				split_start(s);
		}
		if (s->fmt != IMPORT_QB) {
			if (import_next(&s->imp, &s->rec)) {
				s->file_recs++;
				s->lineno = s->imp.lineno;
				if (s->imp.crossed)
					split_cancel(s);
				/* Its ids are checked by this thread only. */
				if (s->split_later && s->idsfull) {
					s->split_later = 0;
					split_start(s);
				}
				if (duplicate(s))
					continue;
				return &s->rec;
			}
			if (s->imp.crossed)
				split_cancel(s);
			if (s->split != NULL && split_join(s, 1)) {
				import_go_on(&s->imp);
				continue;	/* this thread reads on */
			}
			no_questions(s);
			import_close(&s->imp);
			close_input(s, 1);
			continue;
		}
		/*
		 * Into s->line itself: a copy of a span just stored would load
		 * its two words as one, which the stores cannot forward.
		 */
		if ((got = reader_next_split(&s->rd, &s->line, &f)) <= 0) {
			if (s->split != NULL && split_join(s, got == 0))
				continue;	/* this thread reads on */
			if (got < 0)
				diag_syswarn("%s", s->rd.name);
			out_release(s->rd.fd);	/* src_write() may copy from it */
			close_input(s, got == 0);
			continue;
		}
		l = s->line;
		s->lineno = s->rd.lineno;
		if (s->sniff && s->sniffed < 3)
			sniff(s, &l);
		switch (rec_parse_split(&s->rec, l.p, l.len, &f)) {
		case REC_RECORD:
			if (duplicate(s))
				break;
			if (s->split_later && s->idsfull) {
				s->split_later = 0;
				split_start(s);
			}
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

	return s->fmt == IMPORT_QB && r->id.p == l->p &&
	    r->answer.p + r->answer.len == l->p + l->len &&
	    rec_is_canonical(r) && src_line_at(s, at);
}

int
src_line_at(const struct src *s, struct src_at *at)
{
	const struct span *l = &s->line;

	/* An imported record is not its line. */
	if (s->fmt != IMPORT_QB || !reader_line_lf(&s->rd, l) ||
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
	return s->lineno;
}

void
src_set_lenient(struct src *s)
{
	s->lenient = 1;
	s->sniff = 1;
}

void
src_read_formats(struct src *s, int from)
{
	s->from = from;
	s->dirs = 1;
}

void
src_free(struct src *s)
{
	if (s->split != NULL)
		(void)split_join(s, 0);
	out_release(s->rd.fd);
	reader_free(&s->rd);
	rec_free(&s->rec);
	idset_free(&s->ids);
	import_free(&s->imp);
	if (s->dir != NULL)
		bank_path_free(s->dir);
	s->dir = NULL;
	if (s->expanded != NULL)
		bank_path_free(s->expanded);
	s->expanded = NULL;
}

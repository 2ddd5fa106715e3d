/*
 * qb-fmt's renderers: each format is a set of callbacks that turn a stream
 * of records into text for people (text, Markdown, mail, fortune) or for
 * programs (JSON, JSON Lines, CSV, TSV, Anki, templates), escaped for its
 * format.  One registry of formats in fmt.c says which is the default and
 * which options each takes.
 */
#ifndef QB_FMT_H
#define QB_FMT_H

#include <stddef.h>

#include "buf.h"
#include "rec.h"
#include "template.h"
#include "wrap.h"

struct fmt_options {
	int		 answers;	/* -a */
	int		 width;		/* -w, 0: no wrapping */
	int		 nul;		/* -z: a NUL ends each record */
	int		 guard;		/* --formula-guard */
	int		 bom;		/* --bom */
	const char	*title;		/* --title, or NULL */
	const char	*template;	/* --template, or NULL */
	char		**to;		/* --to, each a comma list; none: self */
	size_t		 nto;
	const char	*from;		/* NULL: user@maildomain */
	const char	*subject;	/* a template; NULL: the question */
	char		**reply_to;	/* --reply-to, each a comma list */
	size_t		 nreply_to;
	int		 previous;	/* --previous: record 1 is answered */
};

struct fmt_mail;

struct fmt {
	const struct fmt_options *opt;
	const struct fmt_kind	*kind;
	unsigned long		 n;	/* records rendered */
	size_t			 batch;	/* bytes written at once */
	struct buf		 out;	/* reused for every record */
	struct buf		 text;
	struct wrap		 wrap;
	struct template		 template;
	/* JSON: what goes before each field ({"id":" ,"tags": ...) */
	char			 keys[REC_NFIELDS][32];
	unsigned char		 keylen[REC_NFIELDS];
	char			 err[256];	/* why fmt_open() failed */
	struct fmt_mail		*mail;	/* the mail format's own state */
};

/* The i-th format's name, in the manual's order; NULL past the end. */
const char	*fmt_name(size_t i);
/*
 * Prepares the format (NULL: the default, or template when opt->template
 * is set) and writes what comes before the records.  0, or -1 with the
 * reason in f->err for an unknown name, a bad template, an option the
 * format does not take or a bad mail header: a usage error to report.
 */
int	fmt_open(struct fmt *, const char *name, const struct fmt_options *);
void	fmt_record(struct fmt *, const struct rec *);
/*
 * Is a record's output its own, owing nothing to the records before it
 * (no number, no separator between)?  Then another thread may render the
 * records of a later part of the input with fmt_open_more(): the same
 * format and options, nothing written before its records (-1 when the
 * format is not so).  fmt_flush() writes what a renderer holds back.
 */
int	fmt_alone(const struct fmt *);
int	fmt_open_more(struct fmt *, const struct fmt *first);
void	fmt_flush(struct fmt *);
/*
 * Ends the output (closing a JSON array, say); a format that needs records
 * (mail) and got none says so and raises the status to 1.
 */
void	fmt_close(struct fmt *);

#endif

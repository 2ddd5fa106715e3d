/*
 * qb-fmt's renderers: each format is a set of callbacks that turn a stream
 * of records into text for people (text, Markdown, mail, fortune) or for
 * programs (JSON, JSON Lines, CSV, Anki, templates), escaped for its format.
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
	struct buf		 out;	/* reused for every record */
	struct buf		 text;
	struct wrap		 wrap;
	struct template		 tmpl;
	struct fmt_mail		*mail;	/* the mail format's own state */
};

/* The format names, for messages: "text, markdown, ...". */
extern const char fmt_names[];

/*
 * Prepares the format (NULL: text, or template when opt->template is
 * set).  An unknown name, a bad template or a bad mail header is a usage
 * error.
 */
void	fmt_open(struct fmt *, const char *name, const struct fmt_options *);
void	fmt_record(struct fmt *, const struct rec *);
/*
 * Ends the output (closing a JSON array, say); 0, or 1 when a format that
 * needs records (mail) got none.
 */
int	fmt_close(struct fmt *);

#endif

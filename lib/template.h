/*
 * qb-fmt's --template: a % and a field's letter (rec_fields[]), "%n %%",
 * and "\n \t \0 \\" in a format string, checked once and rendered for
 * every record.
 */
#ifndef QB_TEMPLATE_H
#define QB_TEMPLATE_H

#include <stddef.h>

#include "buf.h"
#include "rec.h"

enum template_piece {
	TEMPLATE_TEXT,	/* literal bytes */
	TEMPLATE_FIELD,	/* a field's text, unescaped */
	TEMPLATE_NUMBER
};

struct template_part {
	enum template_piece	 kind;
	enum rec_field	 field;	/* TEMPLATE_FIELD */
	size_t		 off;	/* TEMPLATE_TEXT: in lit */
	size_t		 len;
};

struct template {
	struct template_part	*v;
	size_t			 n;
	struct buf		 lit;
	struct buf		 scratch;
};

/*
 * 0, or -1 with a message in err for an unknown % or \ sequence, or a
 * lone % or \ at the end.
 */
int	template_parse(struct template *, const char *fmt, char *err,
	    size_t errsize);
/* Appends the record rendered; number is the record's running number. */
void	template_render(struct template *, const struct rec *,
	    unsigned long number, struct buf *out);
void	template_free(struct template *);

#endif

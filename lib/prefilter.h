/*
 * A cheap test before the regex: when every match of a pattern must
 * contain a known literal (a plain-text pattern, or -F), a field that does
 * not contain it cannot match, and PCRE2 (and unescaping the field) is
 * skipped.  The literal is searched for in its escaped form, as the field
 * stands in the line: escaping maps each character to one fixed sequence,
 * so a literal in the text is its escaped form in the field.  A wrong "may
 * match" only costs time; a wrong "cannot match" never happens.
 */
#ifndef QB_PREFILTER_H
#define QB_PREFILTER_H

#include <stddef.h>

#include "buf.h"
#include "rec.h"

struct prefilter {
	int		 active;	/* 0: every field may match */
	struct buf	 needle;	/* the literal, escaped as in a field */
	struct buf	 raw;		/* the literal, for fields not escaped */
};

/*
 * Finds the literal of patterns compiled with the MATCH_* flags, if there
 * is one (a single pattern; with -i, one without letters).
 */
void	prefilter_init(struct prefilter *, char *const *patterns, size_t n,
	    int flags);
/*
 * 0 when the field cannot hold a match; escaped: the field is escaped
 * text (rec_fields[].escaped), matched unescaped.
 */
int	prefilter_may_match(const struct prefilter *, struct span field,
	    int escaped);
void	prefilter_free(struct prefilter *);

#endif

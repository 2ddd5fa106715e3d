/*
 * A cheap test before the regex: when every match of the patterns must
 * contain one of a few known literals (found by a small analysis of the
 * PCRE2 syntax, or -F), a field that holds none of them cannot match, and
 * PCRE2 (and unescaping the field) is skipped.  The literals are searched
 * for in their escaped form, as the field stands in the line: escaping
 * maps each character to one fixed sequence, so a literal in the text is
 * its escaped form in the field.  A wrong "may match" only costs time; a
 * wrong "cannot match" never happens.
 *
 * The environment variable QB_PREFILTER=0 turns the prefilter off, so
 * that the tests can compare the records selected with and without it.
 */
#ifndef QB_PREFILTER_H
#define QB_PREFILTER_H

#include <stddef.h>

#include "rec.h"

#define PREFILTER_MAX	8	/* literals: any one of them must occur */
#define PREFILTER_LEN	128	/* bytes of a literal, escaped */

/* A literal as searched: byte[i] == (text byte | fold[i]). */
struct prefilter_key {
	size_t		 len;
	size_t		 at[2];		/* the two bytes a search probes */
	unsigned char	 fold[PREFILTER_LEN];	/* 0x20: ASCII case ignored */
	unsigned char	 byte[PREFILTER_LEN];
};

struct prefilter {
	int			active;	/* 0: every field may match */
	int			exact;	/* a field matches iff it holds one */
	int			starts;	/* every match starts with a key */
	int			caseless;	/* some key ignores case */
	int			simd;	/* 2 AVX2, 1 SSE2, 0 portable */
	size_t			n;	/* keys of each form */
	size_t			minlen[2], maxlen[2];
	/* [1]: escaped as in a field; [0]: for fields not escaped. */
	struct prefilter_key	key[2][PREFILTER_MAX];
};

/*
 * Finds the literals of patterns compiled with the MATCH_* flags, if
 * there are any (a pattern the analysis does not follow has none, and
 * then no prefilter).  exact is set when a field holding a literal is a
 * match, so that PCRE2 need not confirm it: patterns that are plain
 * literals or alternations of them, without -w or -x.
 */
void	prefilter_init(struct prefilter *, char *const *patterns, size_t n,
	    int flags);
/*
 * 0 when the field cannot hold a match; escaped: the field is escaped
 * text (rec_fields[].escaped), matched unescaped.
 */
int	prefilter_may_match(const struct prefilter *, struct span field,
	    int escaped);
/*
 * The offset of the first key in the field, or PREFILTER_NONE; 0 when
 * there is no prefilter.  With starts set, no match of the patterns
 * starts before it, so PCRE2 may start there (in the text, which is the
 * field's when the field holds no backslash).
 */
#define PREFILTER_NONE	((size_t)-1)
size_t	prefilter_find(const struct prefilter *, struct span field,
	    int escaped);
void	prefilter_free(struct prefilter *);

#endif

/*
 * Regular expressions for the commands: PCRE2 with UTF and UCP, compiled
 * once (JIT where available), one match-data block reused for every subject.
 * Subjects are text the record parser has already validated as UTF-8.
 */
#ifndef QB_MATCH_H
#define QB_MATCH_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "rec.h"

enum {
	MATCH_FIXED = 1 << 0,	/* patterns are literal strings (-F) */
	MATCH_ICASE = 1 << 1,	/* Unicode case folding (-i) */
	MATCH_WORD = 1 << 2,	/* the match is a whole word (-w) */
	MATCH_WHOLE = 1 << 3	/* the match is the whole subject (-x) */
};

struct matcher {
	pcre2_code		**codes;	/* one alternation, or one each */
	size_t			  ncodes;
	pcre2_match_data	 *md;
	pcre2_match_context	 *mcontext;
	pcre2_jit_stack		 *jit_stack;
	char			  errmsg[128];	/* of the last failed match */
	int			  jit;		/* every code is JIT-compiled */
	struct buf		  text;		/* for matcher_write_marked */
	struct buf		  piece;
};

/*
 * Compiles the patterns as alternatives.  A bad pattern is a usage error
 * naming the pattern, PCRE2's message and the offset in the pattern.
 */
void	matcher_compile(struct matcher *, char *const *patterns, size_t n,
	    int flags);
/*
 * 1 when the subject matches, with the first match's [*start, *end); 0
 * when it does not; -1 when PCRE2 gave up (a match or depth limit), with
 * its message in errmsg.
 */
int	matcher_find(struct matcher *, const char *subject, size_t len,
	    size_t from, size_t *start, size_t *end);
/*
 * Writes an escaped field to checked output with every match of its text
 * wrapped in the SGR sequence sgr (e.g. "01;31") and a reset.
 */
void	matcher_write_marked(struct matcher *, struct span escaped,
	    const char *sgr);
void	matcher_free(struct matcher *);

#endif

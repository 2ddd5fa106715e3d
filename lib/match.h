/*
 * Regular expressions for the commands: PCRE2 with UTF and UCP, compiled
 * once (JIT where available), one match-data block reused for every subject.
 * Subjects are text the record parser has already validated as UTF-8.
 * The matcher is opaque, so that only match.c sees <pcre2.h>.
 */
#ifndef QB_MATCH_H
#define QB_MATCH_H

#include <stddef.h>

#include "rec.h"

enum {
	MATCH_FIXED = 1 << 0,	/* patterns are literal strings (-F) */
	MATCH_ICASE = 1 << 1,	/* Unicode case folding (-i) */
	MATCH_WORD = 1 << 2,	/* the match is a whole word (-w) */
	MATCH_WHOLE = 1 << 3	/* the match is the whole subject (-x) */
};

struct matcher;

/*
 * Compiles the patterns as alternatives.  NULL for a bad pattern, with a
 * message in err naming the pattern, PCRE2's reason and, where it is
 * known, the offset in the pattern; the caller reports it.
 */
struct matcher	*matcher_new(char *const *patterns, size_t n, int flags,
		    char *err, size_t errsize);
/*
 * 1 when the subject matches, with the first match's [*start, *end); 0
 * when it does not; -1 when PCRE2 gave up (a match or depth limit), with
 * its message in matcher_error().
 */
int		 matcher_find(struct matcher *, const char *subject,
		    size_t len, size_t from, size_t *start, size_t *end);
const char	*matcher_error(const struct matcher *);
/*
 * A matcher for another thread: the compiled patterns shared (PCRE2 lets
 * threads share a pattern and its JIT code), the match data and the JIT
 * stack its own.  Freed with matcher_free() before the original.
 */
struct matcher	*matcher_clone(const struct matcher *);
/*
 * Writes a field to checked output with every match of its text wrapped
 * in the SGR sequence sgr (e.g. "01;31") and a reset.  escaped: the field
 * is escaped text (rec_fields[].escaped), matched unescaped.
 */
void		 matcher_write_marked(struct matcher *, struct span field,
		    int escaped, const char *sgr);
/*
 * Writes every non-empty match in the text of a field, escaped as in
 * qb(5) when the field is, one a line, wrapped in sgr unless it is NULL
 * (-o).  Returns how many.
 */
size_t		 matcher_write_matches(struct matcher *, struct span field,
		    int escaped, const char *sgr);
/*
 * Appends the lines of a file ("-": standard input), one pattern each, to
 * the malloc()ed array *v of *n malloc()ed strings.  -1 with a message in
 * err when it cannot be read or a line holds a NUL.
 */
int		 matcher_read_patterns(const char *path, char ***v, size_t *n,
		    char *err, size_t errsize);
void		 matcher_free(struct matcher *);

#endif

/*
 * The analysis is deliberately small: it recognises a pattern with no
 * PCRE2 syntax at all, where the pattern is the literal.  Under -i a
 * letter (or any non-ASCII byte, which case folding may touch) would need
 * a caseless search, so such patterns get no prefilter.
 */
#include <string.h>

#include "match.h"
#include "prefilter.h"
#include "scan.h"

/* Is the pattern free of everything PCRE2 gives a meaning? */
static int
is_plain(const char *p)
{
	return p[strcspn(p, "\\^$.|?*+()[]{}")] == '\0';
}

static int
has_cased(const char *p)
{
	for (; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 1;
	}
	return 0;
}

void
prefilter_init(struct prefilter *pf, char *const *patterns, size_t n,
    int flags)
{
	const char *lit;

	memset(pf, 0, sizeof(*pf));
	if (n != 1)
		return;
	lit = patterns[0];
	if (*lit == '\0' || (!(flags & MATCH_FIXED) && !is_plain(lit)) ||
	    ((flags & MATCH_ICASE) && has_cased(lit)))
		return;
	rec_escape(&pf->needle, lit, strlen(lit));
	buf_add(&pf->raw, lit, strlen(lit));
	pf->active = 1;
}

int
prefilter_may_match(const struct prefilter *pf, struct span s, int escaped)
{
	const struct buf *n = escaped ? &pf->needle : &pf->raw;

	if (!pf->active)
		return 1;
	return scan_search(s.p, s.len, n->p, n->len) != SCAN_NONE;
}

void
prefilter_free(struct prefilter *pf)
{
	buf_free(&pf->needle);
	buf_free(&pf->raw);
	pf->active = 0;
}

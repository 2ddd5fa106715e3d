/*
 * The prefilter's analysis of a pattern is sound: the first line of the
 * input is a pattern (the flags are its first byte's low bits), the rest
 * a field's text.  When PCRE2 finds a match in the text, the prefilter
 * must say the field may match, escaped or not, on every implementation
 * of its search; when it calls itself exact, it must agree with PCRE2;
 * when it says matches start with a key, PCRE2 started at the first key
 * must still find one.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "match.h"
#include "prefilter.h"
#include "scan.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *impls[] = { "portable", "sse2", "avx2" };
	static struct buf esc;
	const char *nl = memchr(data, '\n', size);
	char pattern[256], err[512], *pats[1] = { pattern };
	struct matcher *m;
	struct prefilter pf;
	struct span text, field;
	size_t plen, s, e, i, k;
	int flags, found;

	if (nl == NULL || size < 2)
		return 0;
	flags = data[0] & 0x0f;
	plen = (size_t)(nl - (const char *)data) - 1;
	if (plen >= sizeof(pattern) || memchr(data + 1, '\0', plen) != NULL)
		return 0;
	memcpy(pattern, data + 1, plen);
	pattern[plen] = '\0';
	text.p = nl + 1;
	text.len = size - plen - 2;
	/* Texts are what the record parser accepts: UTF-8, no controls. */
	if (utf8_check(text.p, text.len) != text.len)
		return 0;
	for (i = 0; i < text.len; i++) {
		unsigned char c = (unsigned char)text.p[i];

		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return 0;
	}
	buf_reset(&esc);
	rec_escape(&esc, text.p, text.len);
	field.p = esc.p;
	field.len = esc.len;
	if ((m = matcher_new(pats, 1, flags, err, sizeof(err))) == NULL)
		return 0;
	found = matcher_find(m, text.p, text.len, 0, &s, &e);
	for (k = 0; k < 3; k++) {
		int esc_may, raw_may;

		if (scan_select(impls[k]) != 0)
			continue;
		prefilter_init(&pf, pats, 1, flags);
		esc_may = prefilter_may_match(&pf, field, 1);
		raw_may = prefilter_may_match(&pf, text, 0);
		if (found == 1 && (!esc_may || !raw_may))
			abort();
		if (found >= 0 && pf.exact && (esc_may != found ||
		    raw_may != found))
			abort();
		/* No match starts before the first key: PCRE2 may start there. */
		if (found == 1 && pf.starts && matcher_find(m, text.p, text.len,
		    prefilter_find(&pf, text, 0), &s, &e) != 1)
			abort();
		prefilter_free(&pf);
	}
	scan_select(NULL);
	matcher_free(m);
	return 0;
}

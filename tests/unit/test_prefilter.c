#include <string.h>

#include "unit.h"
#include "match.h"
#include "prefilter.h"

static struct span
sp(const char *s)
{
	struct span x = { s, strlen(s) };

	return x;
}

static int
may(const char *pattern, int flags, const char *field)
{
	struct prefilter pf;
	char *pats[1];
	int got;

	pats[0] = (char *)pattern;
	prefilter_init(&pf, pats, 1, flags);
	got = prefilter_may_match(&pf, sp(field), 1);
	prefilter_free(&pf);
	return got;
}

static void
literals(void **state)
{
	(void)state;
	assert_true(may("cache", 0, "a cached page"));
	assert_false(may("cache", 0, "a CACHED page"));
	assert_false(may("cache", MATCH_WORD, "nothing here"));
	/* -i with letters: no prefilter, PCRE2 decides. */
	assert_true(may("cache", MATCH_ICASE, "a CACHED page"));
	assert_false(may("2024", MATCH_ICASE, "in 2025"));
	/* Regex syntax: no prefilter. */
	assert_true(may("ca.he", 0, "nothing"));
	assert_true(may("(?i)x", 0, "nothing"));
	/* -F: the pattern is a literal, whatever it holds. */
	assert_false(may("a.b", MATCH_FIXED, "axb"));
	assert_true(may("a.b", MATCH_FIXED, "x a.b y"));
}

static void
escapes(void **state)
{
	(void)state;
	/* A TAB, LF or backslash in the text is escaped in the field. */
	assert_true(may("a\tb", MATCH_FIXED, "x a\\tb y"));
	assert_true(may("a\nb", MATCH_FIXED, "x a\\nb y"));
	assert_true(may("a\\b", MATCH_FIXED, "x a\\\\b y"));
	assert_false(may("a\nb", MATCH_FIXED, "x a\\tb y"));
}

static void
unescaped_fields(void **state)
{
	struct prefilter pf;
	char *pats[1] = { "a\\b" };

	(void)state;
	/* A field that is not escaped (tags) holds the literal as it is. */
	prefilter_init(&pf, pats, 1, MATCH_FIXED);
	assert_true(prefilter_may_match(&pf, sp("x,a\\b"), 0));
	assert_false(prefilter_may_match(&pf, sp("x,a\\b"), 1));
	prefilter_free(&pf);
}

static void
several_patterns(void **state)
{
	struct prefilter pf;
	char *pats[2] = { "cache", "index" };

	(void)state;
	prefilter_init(&pf, pats, 2, 0);
	assert_true(prefilter_may_match(&pf, sp("an index"), 1));
	assert_true(prefilter_may_match(&pf, sp("nothing"), 1));
	prefilter_free(&pf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(literals),
		cmocka_unit_test(escapes),
		cmocka_unit_test(unescaped_fields),
		cmocka_unit_test(several_patterns),
	};

	return cmocka_run_group_tests_name("prefilter", tests, NULL, NULL);
}

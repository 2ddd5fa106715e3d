#include "unit.h"
#include "diag.h"
#include "match.h"
#include "out.h"

static int
matches(const char *pattern, int flags, const char *subject)
{
	struct matcher m;
	char *pats[1] = { (char *)pattern };
	size_t s, e;
	int found;

	matcher_compile(&m, pats, 1, flags);
	found = matcher_find(&m, subject, strlen(subject), 0, &s, &e);
	matcher_free(&m);
	return found;
}

static void
flags_behave_like_grep(void **state)
{
	(void)state;
	assert_true(matches("sql", 0, "nosql"));
	assert_false(matches("SQL", 0, "nosql"));
	assert_true(matches("SQL", MATCH_ICASE, "nosql"));
	assert_true(matches("ÉCOLE", MATCH_ICASE, "une école"));
	assert_false(matches("sql", MATCH_WORD, "nosql"));
	assert_true(matches("sql", MATCH_WORD, "no sql here"));
	assert_true(matches("@me", MATCH_WORD, "to @me."));
	assert_false(matches("caf", MATCH_WORD, "café"));	/* UCP \w */
	assert_true(matches("a.b", MATCH_FIXED, "x a.b y"));
	assert_false(matches("a.b", MATCH_FIXED, "x axb y"));
	assert_true(matches("(\\E|$^*+?)[]{}", MATCH_FIXED, "(\\E|$^*+?)[]{}"));
	assert_true(matches("abc", MATCH_WHOLE, "abc"));
	assert_false(matches("abc", MATCH_WHOLE, "abcd"));
	assert_false(matches("b", MATCH_WHOLE, "abc"));
	assert_true(matches("a|b", MATCH_WHOLE, "b"));
	assert_true(matches("\\d+", 0, "x ٣ y"));	/* UCP digits */
}

static void
alternation_of_patterns(void **state)
{
	struct matcher m;
	char *pats[3] = { "\\Qa(", "zzz", "(?i)QQ" };
	size_t s, e;

	(void)state;
	matcher_compile(&m, pats, 3, 0);
	assert_int_equal(m.ncodes, 1);
	assert_true(matcher_find(&m, "xx a( yy", 8, 0, &s, &e));
	assert_int_equal(s, 3);
	assert_int_equal(e, 5);
	assert_true(matcher_find(&m, "qq", 2, 0, &s, &e));
	assert_false(matcher_find(&m, "a(", 2, 1, &s, &e));
	matcher_free(&m);
}

/* A pattern that breaks the alternation is matched on its own. */
static void
fallback_to_separate_patterns(void **state)
{
	struct matcher m;
	char *pats[2] = { "(?x)abc # a comment", "xyz" };
	size_t s, e;

	(void)state;
	matcher_compile(&m, pats, 2, 0);
	assert_int_equal(m.ncodes, 2);
	assert_true(matcher_find(&m, "--xyz--abc", 10, 0, &s, &e));
	assert_int_equal(s, 2);		/* the earliest of the matches */
	matcher_free(&m);
}

static void
compile_bad(void)
{
	struct matcher m;
	char *pats[1] = { "a(b" };

	diag_init("qb-test");
	matcher_compile(&m, pats, 1, 0);
}

static void
bad_pattern_is_usage_error(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(child_status(compile_bad, NULL, &err), 2);
	assert_string_equal(err, "qb-test: bad pattern 'a(b': missing closing "
	    "parenthesis at offset 3\nTry 'qb-test --help' for more "
	    "information.\n");
	free(err);
}

static void
marked_output_keeps_escapes(void **state)
{
	struct matcher m;
	char *pats[1] = { "b|x*" };
	struct span field = { "a\\tb\\\\b", 7 };
	FILE *tmp;
	char *text;
	int saved;

	(void)state;
	matcher_compile(&m, pats, 1, 0);
	saved = capture_start(1, &tmp);
	matcher_write_marked(&m, field, "7");
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_string_equal(text, "a\\t\033[7mb\033[m\\\\\033[7mb\033[m");
	free(text);
	matcher_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(flags_behave_like_grep),
		cmocka_unit_test(alternation_of_patterns),
		cmocka_unit_test(fallback_to_separate_patterns),
		cmocka_unit_test(bad_pattern_is_usage_error),
		cmocka_unit_test(marked_output_keeps_escapes),
	};

	return cmocka_run_group_tests_name("match", tests, NULL, NULL);
}

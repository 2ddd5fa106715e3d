#include "unit.h"
#include "diag.h"
#include "match.h"
#include "out.h"

static int
matches(const char *pattern, int flags, const char *subject)
{
	struct matcher *m;
	char *pats[1] = { (char *)pattern }, err[256];
	size_t s, e;
	int found;

	m = matcher_new(pats, 1, flags, err, sizeof(err));
	assert_non_null(m);
	found = matcher_find(m, subject, strlen(subject), 0, &s, &e);
	matcher_free(m);
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
	struct matcher *m;
	char *pats[3] = { "\\Qa(", "zzz", "(?i)QQ" }, err[256];
	size_t s, e;

	(void)state;
	assert_non_null(m = matcher_new(pats, 3, 0, err, sizeof(err)));
	assert_true(matcher_find(m, "xx a( yy", 8, 0, &s, &e));
	assert_int_equal(s, 3);
	assert_int_equal(e, 5);
	assert_true(matcher_find(m, "qq", 2, 0, &s, &e));
	assert_false(matcher_find(m, "a(", 2, 1, &s, &e));
	matcher_free(m);
}

/* A pattern that breaks the alternation is matched on its own. */
static void
fallback_to_separate_patterns(void **state)
{
	struct matcher *m;
	char *pats[2] = { "(*UCP)abc", "xyz" }, err[256];
	size_t s, e;

	(void)state;
	assert_non_null(m = matcher_new(pats, 2, 0, err, sizeof(err)));
	assert_true(matcher_find(m, "--xyz--abc", 10, 0, &s, &e));
	assert_int_equal(s, 2);		/* the earliest of the matches */
	matcher_free(m);
	pats[0] = "(?x)abc # a comment";
	assert_non_null(m = matcher_new(pats, 2, 0, err, sizeof(err)));
	assert_true(matcher_find(m, "--xyz--abc", 10, 0, &s, &e));
	assert_int_equal(s, 2);
	assert_true(matcher_find(m, "abc", 3, 0, &s, &e));
	matcher_free(m);
}

/* -w keeps leading verbs in front and ends a trailing (?x) comment. */
static void
word_wrapping(void **state)
{
	(void)state;
	assert_true(matches("(*UCP)(*LIMIT_MATCH=99)sql", MATCH_WORD, "a sql b"));
	assert_false(matches("(*UCP)sql", MATCH_WORD, "nosql"));
	assert_true(matches("(?x) s q l  # a comment", MATCH_WORD, "a sql b"));
	assert_false(matches("(?x) s q l  # a comment", MATCH_WORD, "nosql"));
	assert_true(matches("(*NO_JIT)sql", 0, "nosql"));
	assert_true(matches("(?x)abc # c", MATCH_FIXED, "(?x)abc # c"));
}

static void
bad_pattern_is_an_error_message(void **state)
{
	char *pats[2] = { "a(b", "\\C" }, err[256];

	(void)state;
	assert_null(matcher_new(pats, 1, 0, err, sizeof(err)));
	assert_string_equal(err, "bad pattern 'a(b': missing closing "
	    "parenthesis at offset 3");
	assert_null(matcher_new(pats + 1, 1, 0, err, sizeof(err)));
	assert_non_null(strstr(err, "\\C"));
}

static void
marked_output_keeps_escapes(void **state)
{
	struct matcher *m;
	char *pats[1] = { "b|x*" }, err[256];
	struct span field = { "a\\tb\\\\b", 7 };
	FILE *tmp;
	char *text;
	int saved;

	(void)state;
	m = matcher_new(pats, 1, 0, err, sizeof(err));
	saved = capture_start(1, &tmp);
	matcher_write_marked(m, field, 1, "7");
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_string_equal(text, "a\\t\033[7mb\033[m\\\\\033[7mb\033[m");
	free(text);
	matcher_free(m);
}

/* A clone shares the patterns, matches on its own, and is freed first. */
static void
clone_matches_alone(void **state)
{
	char *pats[] = { "(?i)cach(e|ing)", "index" }, err[256];
	struct matcher *m, *c;
	size_t start, end;

	(void)state;
	assert_non_null(m = matcher_new(pats, 2, 0, err, sizeof(err)));
	assert_non_null(c = matcher_clone(m));
	assert_int_equal(matcher_find(c, "a CACHING b", 11, 0, &start, &end), 1);
	assert_int_equal(start, 2);
	assert_int_equal(end, 9);
	assert_int_equal(matcher_find(m, "the index", 9, 0, &start, &end), 1);
	assert_int_equal(start, 4);
	assert_int_equal(matcher_find(c, "nothing", 7, 0, &start, &end), 0);
	matcher_free(c);
	assert_int_equal(matcher_find(m, "cache", 5, 0, &start, &end), 1);
	matcher_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(flags_behave_like_grep),
		cmocka_unit_test(alternation_of_patterns),
		cmocka_unit_test(fallback_to_separate_patterns),
		cmocka_unit_test(word_wrapping),
		cmocka_unit_test(bad_pattern_is_an_error_message),
		cmocka_unit_test(marked_output_keeps_escapes),
		cmocka_unit_test(clone_matches_alone),
	};

	return cmocka_run_group_tests_name("match", tests, NULL, NULL);
}

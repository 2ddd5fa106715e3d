#include "unit.h"
#include "out.h"
#include "range.h"

static void
parses_like_cut(void **state)
{
	struct range *v = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(range_parse("3,5-7,9-", &v, &n), 0);
	assert_int_equal(n, 3);
	assert_true(v[0].lo == 3 && v[0].hi == 3);
	assert_true(v[1].lo == 5 && v[1].hi == 7);
	assert_true(v[2].lo == 9 && v[2].hi == RANGE_OPEN);
	assert_true(range_contains(v, n, 6));
	assert_true(range_contains(v, n, 1000000));
	assert_false(range_contains(v, n, 4));
	assert_false(range_contains(v, n, 8));
	free(v);
}

static void
rejects_bad_lists(void **state)
{
	static const char *const bad[] = {
		"", "0", "3,", ",3", "a", "7-5", "-3", "3--4", "1-2-3",
		"99999999999999999999", "3 ", "+3",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct range *v = NULL;
		size_t n = 0;

		assert_int_equal(range_parse(bad[i], &v, &n), -1);
		free(v);
	}
}

static void
keeps_and_writes_by_position(void **state)
{
	struct range_store keep = { 0 };
	struct range r = { 3, RANGE_OPEN }, one = { 2, 2 };
	struct rec rec = { 0 };
	FILE *tmp;
	char line[32], *text;
	int saved;
	uint64_t pos;

	(void)state;
	for (pos = 2; pos <= 5; pos++) {
		snprintf(line, sizeof(line), "p-%d\t\tQ?", (int)pos);
		assert_int_equal(rec_parse(&rec, line, strlen(line)), REC_RECORD);
		range_keep(&keep, pos, &rec);
	}
	saved = capture_start(1, &tmp);
	assert_int_equal(range_write(&keep, &r), 3);
	assert_int_equal(range_write(&keep, &one), 1);
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_string_equal(text, "p-3\t\tQ?\t\np-4\t\tQ?\t\np-5\t\tQ?\t\n"
	    "p-2\t\tQ?\t\n");
	free(text);
	rec_free(&rec);
	range_store_free(&keep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_like_cut),
		cmocka_unit_test(rejects_bad_lists),
		cmocka_unit_test(keeps_and_writes_by_position),
	};

	return cmocka_run_group_tests_name("range", tests, NULL, NULL);
}

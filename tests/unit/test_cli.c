#include "unit.h"
#include "cli.h"
#include "diag.h"

static void
numbers_in_range(void **state)
{
	(void)state;
	diag_init("qb-test");
	assert_int_equal(cli_number("0", "-n", 0, 10), 0);
	assert_int_equal(cli_number("10", "-n", 0, 10), 10);
	assert_int_equal(cli_number("-3", "-n", -5, 10), -3);
	assert_int_equal(cli_number("9223372036854775807", "-n", 0,
	    INT64_MAX), INT64_MAX);
}

static const char *arg;

static void
parse_arg(void)
{
	diag_init("qb-test");
	cli_number(arg, "-n", 1, 100);
}

static void
bad_numbers_are_usage_errors(void **state)
{
	static const char *const bad[] = {
		"", "abc", "3x", " 3", "+3", "0", "101", "-1",
		"99999999999999999999", "0x10", "1e3",
	};
	size_t i;
	char *err;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		arg = bad[i];
		assert_int_equal(child_status(parse_arg, NULL, &err), 2);
		assert_non_null(strstr(err, "qb-test: "));
		assert_non_null(strstr(err, "Try 'qb-test --help'"));
		free(err);
	}
}

static void
version(void)
{
	diag_init("qb-test");
	cli_version();
}

static void
version_to_full_disk(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(child_status(version, "/dev/full", &err), 2);
	assert_string_equal(err, "qb-test: write error: No space left on device\n");
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_in_range),
		cmocka_unit_test(bad_numbers_are_usage_errors),
		cmocka_unit_test(version_to_full_disk),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}

#include "unit.h"
#include "diag.h"
#include "out.h"

static void
writes_in_order(void **state)
{
	FILE *tmp;
	char *text, big[100000];
	int saved;

	(void)state;
	memset(big, 'b', sizeof(big));
	saved = capture_start(1, &tmp);
	out_str("one ");
	out_char('2');
	out_printf(" %s %d\n", "three", 4);
	out_write(big, sizeof(big));		/* larger than the buffer */
	out_str("end\n");
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_int_equal(strlen(text), 14 + sizeof(big) + 4);
	assert_memory_equal(text, "one 2 three 4\n", 14);
	assert_string_equal(text + 14 + sizeof(big), "end\n");
	free(text);
}

static void
long_printf(void **state)
{
	FILE *tmp;
	char *text, arg[1000];
	int saved;

	(void)state;
	memset(arg, 'x', sizeof(arg) - 1);
	arg[sizeof(arg) - 1] = '\0';
	saved = capture_start(1, &tmp);
	out_printf("<%s>", arg);
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_int_equal(strlen(text), sizeof(arg) + 1);
	free(text);
}

/* out_space() between other pieces, across the buffer's end, too big. */
static void
space_in_order(void **state)
{
	FILE *tmp;
	char *text, *o;
	size_t i, n = 0;
	int saved;

	(void)state;
	saved = capture_start(1, &tmp);
	for (i = 0; i < 10000; i++) {
		out_char('<');
		o = out_space(7);
		assert_non_null(o);
		memcpy(o, "1234567", 7);
		out_str(">\n");
		n += 10;
	}
	assert_null(out_space(10 * 1024 * 1024));
	out_str("end\n");
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_int_equal(strlen(text), n + 4);
	for (i = 0; i < n; i += 10)
		assert_memory_equal(text + i, "<1234567>\n", 10);
	assert_string_equal(text + n, "end\n");
	free(text);
}

static void
write_endlessly(void)
{
	diag_init("qb-test");
	for (;;)
		out_str("a line that will not fit on a full disk\n");
}

static void
full_disk_stops_with_one_message(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(child_status(write_endlessly, "/dev/full", &err), 2);
	assert_string_equal(err, "qb-test: write error: No space left on device\n");
	free(err);
}

static void
close_small(void)
{
	diag_init("qb-test");
	out_str("short\n");
	out_close();
}

static void
final_flush_is_checked(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(child_status(close_small, "/dev/full", &err), 2);
	assert_string_equal(err, "qb-test: write error: No space left on device\n");
	free(err);
	assert_int_equal(child_status(close_small, NULL, &err), 0);
	assert_string_equal(err, "");
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_in_order),
		cmocka_unit_test(long_printf),
		cmocka_unit_test(space_in_order),
		cmocka_unit_test(full_disk_stops_with_one_message),
		cmocka_unit_test(final_flush_is_checked),
	};

	return cmocka_run_group_tests_name("out", tests, NULL, NULL);
}

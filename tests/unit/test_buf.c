#include "unit.h"
#include "buf.h"

static void
grows_and_keeps_bytes(void **state)
{
	struct buf b = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 10000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 10000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.p[9999], 'a' + 9999 % 26);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	buf_adds(&b, "hello");
	buf_add(&b, ", world", 7);
	assert_string_equal(buf_cstr(&b), "hello, world");
	buf_free(&b);
	assert_null(b.p);
}

static void
empty_cstr(void **state)
{
	struct buf b = { 0 };

	(void)state;
	assert_string_equal(buf_cstr(&b), "");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows_and_keeps_bytes),
		cmocka_unit_test(empty_cstr),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}

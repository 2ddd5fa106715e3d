#include "unit.h"
#include "wrap.h"

static struct buf got;

static void
collect(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	buf_add(&got, line, len);
	buf_addc(&got, '|');
}

static const char *
wrap(int width, const char *first, const char *text)
{
	struct wrap w = { .width = width, .emit = collect };

	buf_reset(&got);
	wrap_text(&w, first, text, strlen(text));
	wrap_free(&w);
	return buf_cstr(&got);
}

static void
hanging_indent(void **state)
{
	(void)state;
	assert_string_equal(wrap(16, "1. ", "one two three four five six"),
	    "1. one two three|   four five six|");
	assert_string_equal(wrap(0, "1. ", "one two three four five six"),
	    "1. one two three four five six|");
	assert_string_equal(wrap(10, "", "aaaa bbbb cccc"), "aaaa bbbb|cccc|");
}

static void
display_width(void **state)
{
	(void)state;
	assert_int_equal(wrap_width("abc", 3), 3);
	assert_int_equal(wrap_width("中文", 6), 4);
	assert_int_equal(wrap_width("e\xcc\x81", 3), 1);
	assert_int_equal(wrap_width("😀", 4), 2);
	/* Four wide characters fill eight columns. */
	assert_string_equal(wrap(8, "", "中文中文中文"), "中文中文|中文|");
	assert_string_equal(wrap(5, "", "e\xcc\x81" "e\xcc\x81" "e\xcc\x81 "
	    "e\xcc\x81"), "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" " e\xcc\x81|");
}

static void
long_words_and_newlines(void **state)
{
	(void)state;
	assert_string_equal(wrap(5, "", "a verylongword b"),
	    "a|verylongword|b|");
	assert_string_equal(wrap(20, "2. ", "one\n\ntwo"), "2. one||   two|");
	assert_string_equal(wrap(20, "", "tab\there  "), "tab here|");
	assert_string_equal(wrap(20, "", "a\xe2\x80\xa8" "b"), "a|b|");
}

static int
teardown(void **state)
{
	(void)state;
	buf_free(&got);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hanging_indent),
		cmocka_unit_test(display_width),
		cmocka_unit_test(long_words_and_newlines),
	};

	return cmocka_run_group_tests_name("wrap", tests, NULL, teardown);
}

#include "unit.h"
#include "utf8.h"

static void
valid_sequences(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode((const unsigned char *)"A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode((const unsigned char *)"\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(utf8_decode((const unsigned char *)"\xe4\xb8\xad", 3, &cp), 3);
	assert_int_equal(cp, 0x4e2d);
	assert_int_equal(utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(utf8_decode((const unsigned char *)"\xf4\x8f\xbf\xbf", 4, &cp), 4);
	assert_int_equal(cp, 0x10ffff);
}

static void
invalid_sequences(void **state)
{
	static const char *const bad[] = {
		"\x80",			/* lone continuation */
		"\xc0\xaf",		/* overlong '/' */
		"\xc1\xbf",		/* overlong */
		"\xe0\x80\xaf",		/* overlong, three bytes */
		"\xf0\x80\x80\xaf",	/* overlong, four bytes */
		"\xed\xa0\x80",		/* surrogate U+D800 */
		"\xed\xbf\xbf",		/* surrogate U+DFFF */
		"\xf4\x90\x80\x80",	/* U+110000 */
		"\xf5\x80\x80\x80",
		"\xff",
		"\xc3",			/* truncated */
		"\xe4\xb8",		/* truncated */
		"\xc3\x28",		/* bad continuation */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(utf8_decode((const unsigned char *)bad[i],
		    strlen(bad[i]), NULL), 0);
}

static void
check_finds_first_bad_byte(void **state)
{
	const char *s = "plain ascii text, long enough for words \xc3\xa9 \xe9 x";

	(void)state;
	assert_int_equal(utf8_check(s, strlen(s)), strlen(s) - 3);
	assert_int_equal(utf8_check("abc", 3), 3);
	assert_int_equal(utf8_check("", 0), 0);
	assert_int_equal(utf8_check("0123456789\xed\xa0\x80", 13), 10);
}

static void
one_definition_of_control(void **state)
{
	(void)state;
	assert_true(utf8_is_control(0x00));
	assert_true(utf8_is_control(0x1b));
	assert_true(utf8_is_control(0x7f));
	assert_true(utf8_is_control(0x9b));
	assert_false(utf8_is_control(' '));
	assert_false(utf8_is_control('~'));
	assert_false(utf8_is_control(0xa0));
	assert_false(utf8_is_control(0x2028));
	assert_true(utf8_printable("Zo\xc3\xab \xe4\xb8\xad", 8));
	assert_true(utf8_printable("", 0));
	assert_false(utf8_printable("a\tb", 3));
	assert_false(utf8_printable("a\x7f", 2));
	assert_false(utf8_printable("a\xc2\x9b[2J", 6));
	assert_false(utf8_printable("a\xff", 2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_sequences),
		cmocka_unit_test(invalid_sequences),
		cmocka_unit_test(check_finds_first_bad_byte),
		cmocka_unit_test(one_definition_of_control),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}

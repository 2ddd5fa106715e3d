#include "unit.h"
#include "mail.h"

static void
header_values(void **state)
{
	(void)state;
	assert_true(mail_header_ok("Ann <ann@example.org>"));
	assert_true(mail_header_ok("Zoë"));
	assert_false(mail_header_ok("a\nBcc: x"));
	assert_false(mail_header_ok("a\rb"));
	assert_false(mail_header_ok("a\tb"));
	assert_false(mail_header_ok("\x1b[2J"));
	assert_false(mail_header_ok("caf\xe9"));
}

static void
text_headers(void **state)
{
	struct buf b = { 0 };

	(void)state;
	mail_text_header(&b, "Subject", "Plain");
	assert_string_equal(buf_cstr(&b), "Subject: Plain\n");
	buf_reset(&b);
	mail_text_header(&b, "Subject", "Größe");
	assert_string_equal(buf_cstr(&b), "Subject: =?UTF-8?B?R3LDtsOfZQ==?=\n");
	buf_reset(&b);
	/* Text that looks like an encoded-word is encoded itself. */
	mail_text_header(&b, "Subject", "=?x?=");
	assert_string_equal(buf_cstr(&b), "Subject: =?UTF-8?B?PT94Pz0=?=\n");
	buf_free(&b);
}

static void
long_headers_fold(void **state)
{
	struct buf b = { 0 };
	char subject[400] = "";
	const char *p, *line;
	int i, lines = 0;

	(void)state;
	for (i = 0; i < 100; i++)
		strcat(subject, "é");
	mail_text_header(&b, "Subject", subject);
	for (line = p = buf_cstr(&b); *p != '\0'; p++) {
		if (*p != '\n')
			continue;
		assert_true(p - line <= 78);
		lines++;
		line = p + 1;
	}
	assert_true(lines > 1);
	buf_free(&b);
}

static void
address_lists(void **state)
{
	char *lists[2] = { "a@example.org, Zoë <z@example.org>",
	    " b@example.org ,," };
	struct buf b = { 0 };

	(void)state;
	mail_address_header(&b, "To", lists, 2);
	assert_string_equal(buf_cstr(&b), "To: a@example.org,\n "
	    "=?UTF-8?B?Wm/Dqw==?= <z@example.org>,\n b@example.org\n");
	buf_free(&b);
}

static void
quoted_printable(void **state)
{
	struct buf b = { 0 };
	char long_line[200];

	(void)state;
	mail_qp_line(&b, "a=b é ", 7);
	assert_string_equal(buf_cstr(&b), "a=3Db =C3=A9=20\n");
	buf_reset(&b);
	memset(long_line, 'x', sizeof(long_line));
	mail_qp_line(&b, long_line, sizeof(long_line));
	assert_int_equal(strcspn(buf_cstr(&b), "\n"), 76);
	assert_int_equal(b.p[75], '=');
	buf_free(&b);
}

static void
date_and_message_id(void **state)
{
	struct buf b = { 0 };

	(void)state;
	mail_date_and_id(&b);
	assert_memory_equal(b.p, "Date: ", 6);
	assert_non_null(strstr(buf_cstr(&b), "\nMessage-ID: <"));
	assert_non_null(strstr(buf_cstr(&b), ">\n"));
	buf_reset(&b);
	mail_default_from(&b);
	assert_non_null(strchr(buf_cstr(&b), '@'));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_values),
		cmocka_unit_test(text_headers),
		cmocka_unit_test(long_headers_fold),
		cmocka_unit_test(address_lists),
		cmocka_unit_test(quoted_printable),
		cmocka_unit_test(date_and_message_id),
	};

	return cmocka_run_group_tests_name("mail", tests, NULL, NULL);
}

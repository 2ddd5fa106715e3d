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
	/* U+0085, U+2028 and U+2029 end lines for some readers. */
	assert_false(mail_header_ok("a\xc2\x85" "b"));
	assert_false(mail_header_ok("a\xe2\x80\xa8" "b"));
	assert_false(mail_header_ok("a\xe2\x80\xa9" "b"));
	assert_false(mail_header_ok("a\xc2\x9b" "b"));
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

/* Every line of b ends in LF and is within max octets; the line count. */
static int
lines_within(const struct buf *b, size_t max)
{
	const char *p = b->p, *end = b->p + b->len;
	int lines = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		assert_non_null(nl);
		assert_true((size_t)(nl - p) <= max);
		p = nl + 1;
		lines++;
	}
	return lines;
}

static void
address_lists(void **state)
{
	struct mail_box *v = NULL;
	struct buf b = { 0 };
	size_t n = 0;

	(void)state;
	assert_null(mail_parse_list("a@example.org, Zoë <z@example.org>", &v,
	    &n));
	assert_null(mail_parse_list(" b@example.org ,,", &v, &n));
	assert_null(mail_parse_list("\"Lead, Team\" <t@example.org>", &v, &n));
	assert_int_equal(n, 4);
	assert_string_equal(v[3].name, "Lead, Team");
	mail_address_header(&b, "To", v, n);
	assert_string_equal(buf_cstr(&b), "To: a@example.org,\n "
	    "=?UTF-8?B?Wm/Dqw==?= <z@example.org>,\n b@example.org,\n "
	    "\"Lead, Team\" <t@example.org>\n");
	mail_boxes_free(v, n);
	free(v);
	buf_free(&b);
}

/* The whole address of --from was once one encoded-word. */
static void
display_names_apart(void **state)
{
	struct mail_box *v = NULL;
	struct buf b = { 0 };
	char name[400] = "";
	size_t n = 0;
	int i;

	(void)state;
	assert_null(mail_parse_list("Zoë Lead <lead@example.org>", &v, &n));
	mail_address_header(&b, "From", v, n);
	assert_string_equal(buf_cstr(&b),
	    "From: =?UTF-8?B?Wm/DqyBMZWFk?= <lead@example.org>\n");
	mail_boxes_free(v, n);
	/* Long names, ASCII or not, fold; the address stays whole. */
	for (i = 0; i < 40; i++)
		strcat(name, i % 2 ? "Zoë " : "Long ");
	strcat(name, "<lead@example.org>");
	n = 0;
	assert_null(mail_parse_list(name, &v, &n));
	buf_reset(&b);
	mail_address_header(&b, "From", v, n);
	assert_true(lines_within(&b, 78) > 3);
	assert_non_null(strstr(buf_cstr(&b), " <lead@example.org>\n"));
	mail_boxes_free(v, n);
	memset(name, 'x', 300);
	memcpy(name + 300, " <lead@example.org>", 20);
	n = 0;
	assert_null(mail_parse_list(name, &v, &n));
	buf_reset(&b);
	mail_address_header(&b, "From", v, n);
	assert_true(lines_within(&b, 78) > 3);
	mail_boxes_free(v, n);
	free(v);
	buf_free(&b);
}

static void
bad_addresses(void **state)
{
	static const char *bad[] = {
		"not an address", "", " , ", "a@", "@b", "a@b..c", ".a@b",
		"a..b@c", "a b@c", "Ann <a@b", "Ann <a@b> x", "a@b\xc2\x85",
		"a@b\xe2\x80\xa8", "Ann\xe2\x80\xa9 <a@b>", "a@b\nBcc: c@d",
		"zoë@example.org", "z@exämple.org", "\"a\\b\"@c",
	};
	char longer[300];
	struct mail_box *v = NULL;
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_non_null(mail_parse_list(bad[i], &v, &n));
		assert_int_equal(n, 0);
	}
	assert_string_equal(mail_parse_list("zoë@example.org", &v, &n),
	    "a non-ASCII address (only ASCII addresses are supported; "
	    "RFC 6532 is not)");
	memset(longer, 'a', sizeof(longer));
	memcpy(longer + 250, "@example.org", 13);
	assert_non_null(mail_parse_list(longer, &v, &n));
	/* And some good ones. */
	assert_true(mail_addr_ok("a.b+c@d-e.example", 17));
	assert_true(mail_addr_ok("\"john smith\"@example.org", 24));
	assert_true(mail_addr_ok("a@[127.0.0.1]", 13));
	free(v);
}

static void
subjects(void **state)
{
	struct buf b = { 0 };
	const char *q = "What is\nthe\tdifference\xe2\x80\xa8 between a "
	    "process and a thread, and when would you choose one over the "
	    "other?";

	(void)state;
	mail_subject(&b, "  Short  one \n", 14, 66);
	assert_string_equal(buf_cstr(&b), "Short one");
	buf_reset(&b);
	mail_subject(&b, q, strlen(q), 66);
	assert_string_equal(buf_cstr(&b), "What is the difference between a "
	    "process and a thread, and when...");
	buf_reset(&b);
	/* No space to cut at: cut between characters. */
	mail_subject(&b, "中文中文中文中文", 24, 5);
	assert_string_equal(buf_cstr(&b), "中文中文中...");
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

/* A "." alone on a line ends the message for sendmail without -i. */
static void
no_lone_dot(void **state)
{
	struct buf b = { 0 };
	char line[200];
	size_t i;

	(void)state;
	mail_qp_line(&b, ".", 1);
	assert_string_equal(buf_cstr(&b), "=2E\n");
	buf_reset(&b);
	mail_qp_line(&b, "a\\b", 3);
	assert_string_equal(buf_cstr(&b), "a=5Cb\n");
	buf_reset(&b);
	mail_qp_line(&b, "From here", 9);
	assert_string_equal(buf_cstr(&b), "=46rom here\n");
	/* A soft break right before a '.', wherever it falls. */
	for (i = 1; i < sizeof(line); i++) {
		memset(line, 'x', sizeof(line));
		line[i] = '.';
		buf_reset(&b);
		mail_qp_line(&b, line, i + 1);
		assert_null(strstr(buf_cstr(&b), "\n.\n"));
		assert_null(strstr(buf_cstr(&b), "\n."));
		lines_within(&b, 76);
	}
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
	assert_int_equal(lines_within(&b, 998), 2);
	buf_reset(&b);
	mail_self(&b);
	assert_non_null(strchr(buf_cstr(&b), '@'));
	assert_true(mail_addr_ok(b.p, b.len));
	buf_free(&b);
}

/* The host name goes into From and Message-ID: it is checked first. */
static void
mail_domains(void **state)
{
	char d[256], path[] = "/tmp/qb-test-mailnameXXXXXX";
	int fd;

	(void)state;
	mail_domain(d, sizeof(d), "/nonexistent", "host.example.org");
	assert_string_equal(d, "host.example.org");
	mail_domain(d, sizeof(d), "/nonexistent", "evil\nBcc: x@example.org");
	assert_string_equal(d, "localhost");
	mail_domain(d, sizeof(d), "/nonexistent", "a..b");
	assert_string_equal(d, "localhost");
	mail_domain(d, sizeof(d), "/nonexistent", "");
	assert_string_equal(d, "localhost");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "mail.example.org\n", 17), 17);
	mail_domain(d, sizeof(d), path, "host");
	assert_string_equal(d, "mail.example.org");
	assert_int_equal(ftruncate(fd, 0), 0);
	assert_int_equal(pwrite(fd, "bad name>\n", 10, 0), 10);
	mail_domain(d, sizeof(d), path, "host");
	assert_string_equal(d, "host");
	close(fd);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_values),
		cmocka_unit_test(text_headers),
		cmocka_unit_test(long_headers_fold),
		cmocka_unit_test(address_lists),
		cmocka_unit_test(display_names_apart),
		cmocka_unit_test(bad_addresses),
		cmocka_unit_test(subjects),
		cmocka_unit_test(quoted_printable),
		cmocka_unit_test(no_lone_dot),
		cmocka_unit_test(date_and_message_id),
		cmocka_unit_test(mail_domains),
	};

	return cmocka_run_group_tests_name("mail", tests, NULL, NULL);
}

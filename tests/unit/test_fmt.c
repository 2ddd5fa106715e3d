#include "unit.h"
#include "diag.h"
#include "fmt.h"
#include "out.h"

static struct rec r;

static int
setup(void **state)
{
	static const char line[] = "id-1\tA,b\tSay \"hi\",\\tnow?\tYes\\nno";

	(void)state;
	assert_int_equal(rec_parse(&r, line, sizeof(line) - 1), REC_RECORD);
	return 0;
}

/* Renders the record twice in the format and returns the output. */
static char *
render(const char *format, struct fmt_options *opt)
{
	struct fmt f;
	FILE *tmp;
	int saved;

	saved = capture_start(1, &tmp);
	fmt_open(&f, format, opt);
	fmt_record(&f, &r);
	fmt_record(&f, &r);
	fmt_close(&f);
	out_flush();
	return capture_end(1, saved, tmp);
}

static void
formats(void **state)
{
	struct fmt_options opt = { .width = 72, .answers = 1 };
	char *text;

	(void)state;
	text = render(NULL, &opt);
	assert_string_equal(text, "1. Say \"hi\", now?\n   Yes\n   no\n\n"
	    "2. Say \"hi\", now?\n   Yes\n   no\n");
	free(text);
	text = render("json", &opt);
	assert_string_equal(text, "[\n{\"id\":\"id-1\",\"tags\":[\"a\",\"b\"],"
	    "\"question\":\"Say \\\"hi\\\",\\tnow?\",\"answer\":\"Yes\\nno\"},\n"
	    "{\"id\":\"id-1\",\"tags\":[\"a\",\"b\"],\"question\":\"Say "
	    "\\\"hi\\\",\\tnow?\",\"answer\":\"Yes\\nno\"}\n]\n");
	free(text);
	text = render("csv", &opt);
	assert_string_equal(text, "id,tags,question,answer\r\n"
	    "id-1,\"a,b\",\"Say \"\"hi\"\",\tnow?\",\"Yes\nno\"\r\n"
	    "id-1,\"a,b\",\"Say \"\"hi\"\",\tnow?\",\"Yes\nno\"\r\n");
	free(text);
	text = render("fortune", &opt);
	assert_string_equal(text, "Say \"hi\", now?\n\nYes\nno\n%\n"
	    "Say \"hi\", now?\n\nYes\nno\n%\n");
	free(text);
	opt.template = "%n:%i;";
	text = render(NULL, &opt);
	assert_string_equal(text, "1:id-1;2:id-1;");
	free(text);
}

static void
empty_json_is_an_empty_array(void **state)
{
	struct fmt_options opt = { .width = 72 };
	struct fmt f;
	FILE *tmp;
	char *text;
	int saved;

	(void)state;
	saved = capture_start(1, &tmp);
	fmt_open(&f, "json", &opt);
	assert_int_equal(fmt_close(&f), 0);
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_string_equal(text, "[]\n");
	free(text);
}

static void
open_unknown(void)
{
	struct fmt_options opt = { .width = 72 };
	struct fmt f;

	diag_init("qb-test");
	fmt_open(&f, "yaml", &opt);
}

static void
open_mail_with_bad_to(void)
{
	char *to[] = { "not an address" };
	struct fmt_options opt = { .width = 72, .to = to, .nto = 1 };
	struct fmt f;

	diag_init("qb-test");
	fmt_open(&f, "mail", &opt);
}

static void
usage_errors(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(child_status(open_unknown, NULL, &err), 2);
	assert_non_null(strstr(err, "unknown format: 'yaml'"));
	free(err);
	assert_int_equal(child_status(open_mail_with_bad_to, NULL, &err), 2);
	assert_non_null(strstr(err, "invalid address for --to: 'not an "
	    "address'"));
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats),
		cmocka_unit_test(empty_json_is_an_empty_array),
		cmocka_unit_test(usage_errors),
	};

	return cmocka_run_group_tests_name("fmt", tests, setup, NULL);
}

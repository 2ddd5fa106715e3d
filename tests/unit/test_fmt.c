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
	assert_int_equal(fmt_open(&f, format, opt), 0);
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

/* Answers only with -a, in every format; data formats keep the column. */
static void
answers_only_with_a(void **state)
{
	struct fmt_options opt = { .width = 72 };
	char *text;

	(void)state;
	text = render("jsonl", &opt);
	assert_string_equal(text, "{\"id\":\"id-1\",\"tags\":[\"a\",\"b\"],"
	    "\"question\":\"Say \\\"hi\\\",\\tnow?\",\"answer\":\"\"}\n"
	    "{\"id\":\"id-1\",\"tags\":[\"a\",\"b\"],"
	    "\"question\":\"Say \\\"hi\\\",\\tnow?\",\"answer\":\"\"}\n");
	free(text);
	text = render("csv", &opt);
	assert_string_equal(text, "id,tags,question,answer\r\n"
	    "id-1,\"a,b\",\"Say \"\"hi\"\",\tnow?\",\r\n"
	    "id-1,\"a,b\",\"Say \"\"hi\"\",\tnow?\",\r\n");
	free(text);
	text = render("tsv", &opt);
	assert_string_equal(text, "\"Say \"\"hi\"\",\tnow?\"\t\ta b\tid-1\n"
	    "\"Say \"\"hi\"\",\tnow?\"\t\ta b\tid-1\n");
	free(text);
	/* A template that names %a asks for it. */
	opt.template = "%a|";
	text = render(NULL, &opt);
	assert_string_equal(text, "Yes\nno|Yes\nno|");
	free(text);
}

static void
anki_and_tsv(void **state)
{
	struct fmt_options opt = { .width = 72, .answers = 1 };
	char *text;

	(void)state;
	text = render("anki", &opt);
	assert_string_equal(text, "#separator:tab\n#html:false\n"
	    "#tags column:3\n#guid column:4\n"
	    "\"Say \"\"hi\"\",\tnow?\"\t\"Yes\nno\"\ta b\tid-1\n"
	    "\"Say \"\"hi\"\",\tnow?\"\t\"Yes\nno\"\ta b\tid-1\n");
	free(text);
}

static void
options_of_formats(void **state)
{
	struct fmt_options opt = { .width = 72, .bom = 1, .guard = 1 };
	char *text;

	(void)state;
	text = render("csv", &opt);
	assert_string_equal(text, "\xef\xbb\xbfid,tags,question,answer\r\n"
	    "id-1,\"a,b\",\"Say \"\"hi\"\",\tnow?\",\r\n"
	    "id-1,\"a,b\",\"Say \"\"hi\"\",\tnow?\",\r\n");
	free(text);
	opt = (struct fmt_options){ .width = 72, .title = "#1 <sheet>\n" };
	text = render("markdown", &opt);
	assert_string_equal(text, "# \\#1 \\<sheet\\>\n\n"
	    "1. Say \"hi\", now?\n2. Say \"hi\", now?\n");
	free(text);
	opt = (struct fmt_options){ .width = 72, .nul = 1, .answers = 1 };
	text = render("text", &opt);
	assert_memory_equal(text, "1. Say \"hi\", now?\n   Yes\n   no\0"
	    "2. Say \"hi\", now?\n   Yes\n   no\0", 58);
	free(text);
	opt = (struct fmt_options){ .width = 72, .nul = 1,
	    .template = "%i\\0%n" };
	text = render(NULL, &opt);
	assert_memory_equal(text, "id-1\0001\0id-1\0002\0", 14);
	free(text);
}

/* The registry: text is the default, and every name opens. */
static void
registry(void **state)
{
	struct fmt_options opt = { .width = 72, .answers = 1 };
	char *deflt, *text;
	size_t i;

	(void)state;
	assert_string_equal(fmt_name(0), "text");
	deflt = render(NULL, &opt);
	text = render("text", &opt);
	assert_string_equal(deflt, text);
	free(deflt);
	free(text);
	opt.to = (char *[]){ "a@example.org" };
	opt.nto = 1;
	for (i = 0; fmt_name(i) != NULL; i++)
		free(render(fmt_name(i), &opt));
	assert_int_equal(i, 9);
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
	assert_int_equal(fmt_open(&f, "json", &opt), 0);
	fmt_close(&f);
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_string_equal(text, "[]\n");
	free(text);
}

/* Usage errors come back to the command, which reports them. */
static void
usage_errors(void **state)
{
	struct fmt_options opt = { .width = 72 };
	struct fmt f;

	(void)state;
	assert_int_equal(fmt_open(&f, "yaml", &opt), -1);
	assert_string_equal(f.err, "unknown format: 'yaml' (text, markdown, "
	    "json, jsonl, csv, tsv, mail, anki or fortune)");
	fmt_close(&f);
	opt.to = (char *[]){ "not an address" };
	opt.nto = 1;
	assert_int_equal(fmt_open(&f, "mail", &opt), -1);
	assert_string_equal(f.err, "invalid address for --to: 'not an "
	    "address': not an address of the form user@domain");
	fmt_close(&f);
	opt.nto = 0;
	opt.nul = 1;
	assert_int_equal(fmt_open(&f, "json", &opt), -1);
	assert_string_equal(f.err, "-z works with the text format and "
	    "--template, not json");
	fmt_close(&f);
	opt = (struct fmt_options){ .width = 72, .title = "x" };
	assert_int_equal(fmt_open(&f, "text", &opt), -1);
	assert_string_equal(f.err, "--title works with the markdown format, "
	    "not text");
	fmt_close(&f);
	opt = (struct fmt_options){ .width = 72, .bom = 1 };
	assert_int_equal(fmt_open(&f, "tsv", &opt), -1);
	assert_string_equal(f.err, "--bom works with the csv format, not tsv");
	fmt_close(&f);
	opt = (struct fmt_options){ .width = 72, .template = "%x" };
	assert_int_equal(fmt_open(&f, NULL, &opt), -1);
	assert_string_equal(f.err, "unknown sequence '%x' in the template");
	fmt_close(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats),
		cmocka_unit_test(answers_only_with_a),
		cmocka_unit_test(anki_and_tsv),
		cmocka_unit_test(options_of_formats),
		cmocka_unit_test(registry),
		cmocka_unit_test(empty_json_is_an_empty_array),
		cmocka_unit_test(usage_errors),
	};

	return cmocka_run_group_tests_name("fmt", tests, setup, NULL);
}

#include "unit.h"
#include "template.h"

static void
renders_fields(void **state)
{
	const char line[] = "id-1\tA,b\tQ\\tq\\nq\tA\\\\a";
	struct template t;
	struct rec r = { 0 };
	struct buf out = { 0 };
	char err[128];

	(void)state;
	assert_int_equal(rec_parse(&r, line, sizeof(line) - 1), REC_RECORD);
	assert_int_equal(template_parse(&t, "%n:%i[%t]%q|%a%%\\t\\\\\\n",
	    err, sizeof(err)), 0);
	template_render(&t, &r, 7, &out);
	assert_string_equal(buf_cstr(&out), "7:id-1[a,b]Q\tq\nq|A\\a%\t\\\n");
	buf_reset(&out);
	template_free(&t);
	assert_int_equal(template_parse(&t, "", err, sizeof(err)), 0);
	template_render(&t, &r, 1, &out);
	assert_int_equal(out.len, 0);
	template_free(&t);
	rec_free(&r);
	buf_free(&out);
}

/* \0 is a NUL byte, for xargs -0; a tag with a backslash is not unescaped. */
static void
writes_nul_and_raw_tags(void **state)
{
	const char line[] = "id-1\ta\\nb\tQ\\nq\t";
	struct template t;
	struct rec r = { 0 };
	struct buf out = { 0 };
	char err[128];

	(void)state;
	assert_int_equal(rec_parse(&r, line, sizeof(line) - 1), REC_RECORD);
	assert_int_equal(template_parse(&t, "%t\\0%q\\0", err, sizeof(err)),
	    0);
	template_render(&t, &r, 1, &out);
	assert_int_equal(out.len, 9);
	assert_memory_equal(out.p, "a\\nb\0Q\nq\0", 9);
	template_free(&t);
	rec_free(&r);
	buf_free(&out);
}

/* Every field of the table has its letter, and it renders that field. */
static void
letters_from_the_field_table(void **state)
{
	const char line[] = "id-1\ta\tQ\tA";
	struct template t;
	struct rec r = { 0 };
	struct buf out = { 0 };
	char fmt[3] = "%?", err[128];
	int f;

	(void)state;
	assert_int_equal(rec_parse(&r, line, sizeof(line) - 1), REC_RECORD);
	for (f = 0; f < REC_NFIELDS; f++) {
		struct span want = rec_field(&r, (enum rec_field)f);

		fmt[1] = rec_fields[f].letter;
		assert_int_equal(template_parse(&t, fmt, err, sizeof(err)), 0);
		buf_reset(&out);
		template_render(&t, &r, 1, &out);
		assert_int_equal(out.len, want.len);
		assert_memory_equal(out.p, want.p, want.len);
		template_free(&t);
	}
	rec_free(&r);
	buf_free(&out);
}

static void
rejects_unknown_sequences(void **state)
{
	static const char *const bad[] = {
		"%x", "%", "abc\\", "\\r", "%I", "\\e[31m", "%\n",
	};
	struct template t;
	char err[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(template_parse(&t, bad[i], err, sizeof(err)),
		    -1);
		assert_non_null(strstr(err, "template"));
		template_free(&t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(renders_fields),
		cmocka_unit_test(writes_nul_and_raw_tags),
		cmocka_unit_test(letters_from_the_field_table),
		cmocka_unit_test(rejects_unknown_sequences),
	};

	return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}

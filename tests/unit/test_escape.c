#include "unit.h"
#include "escape.h"

static struct buf b;

static const char *
json(const char *s)
{
	buf_reset(&b);
	esc_json(&b, s, strlen(s));
	return buf_cstr(&b);
}

static void
json_strings(void **state)
{
	(void)state;
	assert_string_equal(json(""), "\"\"");
	assert_string_equal(json("a\"b\\c"), "\"a\\\"b\\\\c\"");
	assert_string_equal(json("t\tn\n"), "\"t\\tn\\n\"");
	assert_string_equal(json("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"");
	assert_string_equal(json("é 中 😀"), "\"é 中 😀\"");
	assert_string_equal(json("a\xe2\x80\xa8" "b\xe2\x80\xa9"),
	    "\"a\\u2028b\\u2029\"");
	assert_string_equal(json("</script>"), "\"</script>\"");
}

static const char *
csv_guarded(const char *s, int guard)
{
	buf_reset(&b);
	esc_csv(&b, s, strlen(s), guard);
	return buf_cstr(&b);
}

static const char *
csv(const char *s)
{
	return csv_guarded(s, 0);
}

static void
csv_fields(void **state)
{
	(void)state;
	assert_string_equal(csv("plain text"), "plain text");
	assert_string_equal(csv(""), "");
	assert_string_equal(csv("a,b"), "\"a,b\"");
	assert_string_equal(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
	assert_string_equal(csv("two\nlines"), "\"two\nlines\"");
	assert_string_equal(csv("cr\r"), "\"cr\r\"");
	/* Without the guard, a formula stays as it was: round trips. */
	assert_string_equal(csv("=1+1"), "=1+1");
}

/* OWASP's CSV injection: = + - @ TAB CR must not start a cell. */
static void
csv_formula_guard(void **state)
{
	(void)state;
	assert_string_equal(csv_guarded("=1+1", 1), "'=1+1");
	assert_string_equal(csv_guarded("+1", 1), "'+1");
	assert_string_equal(csv_guarded("-2", 1), "'-2");
	assert_string_equal(csv_guarded("@SUM(A1)", 1), "'@SUM(A1)");
	assert_string_equal(csv_guarded("\tx", 1), "'\tx");
	assert_string_equal(csv_guarded("\rx", 1), "\"'\rx\"");
	assert_string_equal(csv_guarded("=HYPERLINK(\"a,b\")", 1),
	    "\"'=HYPERLINK(\"\"a,b\"\")\"");
	assert_string_equal(csv_guarded("a=b", 1), "a=b");
	assert_string_equal(csv_guarded("", 1), "");
}

static const char *
tsv(const char *s, int first)
{
	buf_reset(&b);
	esc_tsv(&b, s, strlen(s), first);
	return buf_cstr(&b);
}

static const char *
anki(const char *s)
{
	return tsv(s, 0);
}

static void
anki_fields(void **state)
{
	(void)state;
	assert_string_equal(anki("a, b; c"), "a, b; c");
	assert_string_equal(anki("tab\there"), "\"tab\there\"");
	assert_string_equal(anki("q\"uote"), "\"q\"\"uote\"");
	assert_string_equal(anki("new\nline"), "\"new\nline\"");
	assert_string_equal(anki("cr\rhere"), "\"cr\rhere\"");
}

/* Anki's reader skips an unquoted line starting with '#': a comment. */
static void
tsv_first_field_hash(void **state)
{
	(void)state;
	assert_string_equal(tsv("#include?", 1), "\"#include?\"");
	assert_string_equal(tsv("#include?", 0), "#include?");
	assert_string_equal(tsv("a #b", 1), "a #b");
	assert_string_equal(tsv("", 1), "");
}

static const char *
md(const char *s, int indent)
{
	buf_reset(&b);
	esc_markdown(&b, s, strlen(s), indent);
	return buf_cstr(&b);
}

static void
markdown_text(void **state)
{
	(void)state;
	assert_string_equal(md("plain words.", 3), "plain words.");
	assert_string_equal(md("*a* _b_ `c` [d] <e> #f |g| ~h &i !j \\k", 3),
	    "\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\<e\\> \\#f \\|g\\| \\~h "
	    "\\&i \\!j \\\\k");
	/* Line starts: list markers, quotes, ordered-list numbers. */
	assert_string_equal(md("- x\n+ y\n> z\n12. w\n3) v", 2),
	    "\\- x\\\n  \\+ y\\\n  \\> z\\\n  12\\. w\\\n  3\\) v");
	/* Not at a line start, they are left alone. */
	assert_string_equal(md("a - b + c 1. d", 3), "a - b + c 1. d");
	/* Leading spaces would make code blocks; blank lines paragraphs. */
	assert_string_equal(md("a\n    code\n\n\nb", 3),
	    "a\\\n   code\n\n   b");
	assert_string_equal(md("tab\there", 3), "tab here");
	/* A NUL is not markup: no backslash before it (strchr finds '\0'). */
	buf_reset(&b);
	esc_markdown(&b, "a\0b", 3, 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.p, "a\0b", 3);
}

static int
teardown(void **state)
{
	(void)state;
	buf_free(&b);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_strings),
		cmocka_unit_test(csv_fields),
		cmocka_unit_test(csv_formula_guard),
		cmocka_unit_test(anki_fields),
		cmocka_unit_test(tsv_first_field_hash),
		cmocka_unit_test(markdown_text),
	};

	return cmocka_run_group_tests_name("escape", tests, NULL, teardown);
}

#include "import_helper.h"

static void
json_array_as_qb_fmt_writes_it(void **state)
{
	(void)state;
	assert_import(IMPORT_JSON,
	    "[\n{\"id\":\"a-1\",\"tags\":[\"x\",\"y\"],\"question\":\"Q\\tq\","
	    "\"answer\":\"l1\\nl2 \\\\\"}\n]\n",
	    "a-1\tx,y\tQ\\tq\tl1\\nl2 \\\\\n", "");
	assert_import(IMPORT_JSON, "[]\n", "", "");
	assert_import(IMPORT_JSON, "", "", "");
}

static void
json_variants(void **state)
{
	(void)state;
	/* A category is one tag of its words; tags are split */
	assert_import(IMPORT_JSON, "[{\"category\":\"Entertainment: Video Games\","
	    "\"tags\":\"a b\",\"question\":\"Q1?\",\"answer\":\"A1\"}]",
	    "q85d39e19efd7\tentertainment-video-games,a,b\tQ1?\tA1\n", "");
	/* Punctuation, as in a section's tag: one dash */
	assert_import(IMPORT_JSON, "[{\"topic\":\"Storage \xe2\x80\x94 Basics, "
	    "What's new\",\"question\":\"Q1?\",\"answer\":\"A1\"}]",
	    "q85d39e19efd7\tstorage-basics,whats-new\tQ1?\tA1\n", "");
	/* A long category is cut at a word's end, as a section's tag */
	assert_import(IMPORT_JSON, "[{\"category\":\"Most commonly asked "
	    "behavioral questions across the top technology companies\","
	    "\"question\":\"Q1?\",\"answer\":\"A1\"}]",
	    "q85d39e19efd7\tmost-commonly-asked-behavioral-questions-across-the-"
	    "top\tQ1?\tA1\n", "");
	/* Keys other tools write: q and a, question_text, correct */
	assert_import(IMPORT_JSONL, "{\"q\":\"Q1?\",\"a\":\"A1\"}\n"
	    "{\"question_text\":\"Q2?\",\"correct\":\"A2\"}\n",
	    "q85d39e19efd7\t\tQ1?\tA1\nq85d71e19efda\t\tQ2?\tA2\n", "");
	assert_import(IMPORT_JSON,
	    "[{\"front\":\"Q\",\"back\":null,\"tags\":\"a, b\",\"id\":7}]",
	    "7\ta,b\tQ\t\n", "");
}

static void
json_errors_keep_the_rest(void **state)
{
	(void)state;
	assert_import(IMPORT_JSON,
	    "[\n{\"question\":\"A\"},\n{\"question\" \"B\"},\n"
	    "{\"question\":\"C\",\"x\":1},\n{\"answer\":\"D\"},\n\"E\"\n]\n",
	    "qaf63fc4c8602\t\tA\t\n"
	    "qaf63fe4c8602\t\tC\t\n",
	    "qb-test: t:3: JSON: ':' expected near '\"B\"' (column 15)\n"
	    "qb-test: t:4: unknown key \"x\", not read: the keys are id, tags, "
	    "question and answer\n"
	    "qb-test: t:5: no \"question\"\n"
	    "qb-test: t:6: JSON: '[' or '{' expected near '\"E\"' (column 3)\n");
}

/* What the fast path reads, and what it leaves to jansson, agree. */
static void
json_escapes_fast_and_slow(void **state)
{
	(void)state;
	assert_import(IMPORT_JSONL,
	    "{\"id\":\"e-1\",\"question\":\"a\\/b \\\"q\\\" t\\tn\\nbs\\\\\"}\n"
	    "{\"id\":\"e-2\",\"question\":\"caf\\u00e9 \\ud83d\\ude00\"}\n"
	    "{\"id\":\"e-3\",\"question\":\"first\",\"question\":\"last\"}\n"
	    "{\"id\":\"e-4\",\"tags\":[\"a,b\",\"C d\"],\"question\":\"Q\"}\n"
	    "{\"id\":\"e-5\",\"question\":\"cr\\r\"}\n"
	    "{ \"id\" : \"e-6\" , \"tags\" : [ ] , \"question\" : \"Q\" }\n",
	    "e-1\t\ta/b \"q\" t\\tn\\nbs\\\\\t\n"
	    "e-2\t\tcaf\xc3\xa9 \xf0\x9f\x98\x80\t\n"
	    "e-3\t\tlast\t\n"
	    "e-4\ta,b,c,d\tQ\t\n"
	    "e-6\t\tQ\t\n",
	    "qb-test: t:5: control character byte 0x0d in question\n");
}

/* Browser forms' CRLF, and numbers and booleans as answers. */
static void
json_crlf_numbers_and_booleans(void **state)
{
	(void)state;
	assert_import(IMPORT_JSON,
	    "[{\"question\":\"2+2?\",\"answer\":4},"
	    "{\"question\":\"Sky blue?\",\"answer\":true},"
	    "{\"question\":\"Pi?\",\"answer\":3.14},"
	    "{\"question\":\"Two\",\"answer\":\"line1\\r\\nline2\"}]\n",
	    "qf0c4240bb02d\t\t2+2?\t4\n"
	    "qfd057a5e5500\t\tSky blue?\ttrue\n"
	    "q8db84719f418\t\tPi?\t3.14\n"
	    "q6d1df319e235\t\tTwo\tline1\\nline2\n", "");
}

static void
jsonl_lines(void **state)
{
	(void)state;
	assert_import(IMPORT_JSONL,
	    "{\"question\":\"A\"}\n\n{\"question\":\n[1]\n",
	    "qaf63fc4c8602\t\tA\t\n",
	    "qb-test: t:3: JSON: unexpected token near end of file (column 12)\n"
	    "qb-test: t:4: not an object: a record is {\"id\":..., "
	    "\"tags\":[...], \"question\":..., \"answer\":...}\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_array_as_qb_fmt_writes_it),
		cmocka_unit_test(json_variants),
		cmocka_unit_test(json_errors_keep_the_rest),
		cmocka_unit_test(json_escapes_fast_and_slow),
		cmocka_unit_test(jsonl_lines),
		cmocka_unit_test(json_crlf_numbers_and_booleans),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "import_helper.h"

static void
format_names_and_extensions(void **state)
{
	(void)state;
	assert_int_equal(import_format_byname("anki"), IMPORT_TSV);
	assert_int_equal(import_format_byname("md"), IMPORT_MARKDOWN);
	assert_int_equal(import_format_byname("ndjson"), IMPORT_JSONL);
	assert_int_equal(import_format_byname("xml"), -1);
	assert_int_equal(import_format_guess("a/b.csv"), IMPORT_CSV);
	assert_int_equal(import_format_guess("notes.markdown"), IMPORT_MARKDOWN);
	assert_int_equal(import_format_guess("x.jsonl"), IMPORT_JSONL);
	assert_int_equal(import_format_guess("x.json"), IMPORT_JSON);
	assert_int_equal(import_format_guess("x.txt"), IMPORT_QB);
	assert_int_equal(import_format_guess(".csv"), IMPORT_QB);
	assert_int_equal(import_format_guess("bank.qb"), IMPORT_QB);
}

static void
column_synonyms(void **state)
{
	(void)state;
	assert_int_equal(import_column(" Front ", 7), REC_FIELD_QUESTION);
	assert_int_equal(import_column("BACK", 4), REC_FIELD_ANSWER);
	assert_int_equal(import_column("guid", 4), REC_FIELD_ID);
	assert_int_equal(import_column("Tags", 4), REC_FIELD_TAGS);
	assert_int_equal(import_column("notes", 5), -1);
}

static void
sniffing_other_formats(void **state)
{
	(void)state;
	assert_int_equal(import_sniff("id,tags,question,answer", 23, 1),
	    IMPORT_CSV);
	assert_int_equal(import_sniff("[", 1, 1), IMPORT_JSON);
	assert_int_equal(import_sniff("{\"id\":1}", 8, 1), IMPORT_JSONL);
	assert_int_equal(import_sniff("#separator:tab", 14, 1), IMPORT_TSV);
	assert_int_equal(import_sniff("What is x, y?", 13, 1), -1);
	assert_int_equal(import_sniff("[citation needed] why?", 22, 1), -1);
}

static void
same_question_twice_gets_numbered_ids(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV, "Why?\nWhy?\nWhy?\n",
	    "qc62510025051\t\tWhy?\t\n"
	    "qc62510025051-2\t\tWhy?\t\n"
	    "qc62510025051-3\t\tWhy?\t\n", "");
}

static void
bad_records_name_the_source_line(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV, "id,tags,question\n1,\"a b,,c\",Q1\n"
	    "2,,Q\001\n3,t,Q3\n4,,\"\"\n",
	    "1\ta,b,c\tQ1\t\n3\tt\tQ3\t\n",
	    "qb-test: t:3: control character byte 0x01 in question\n"
	    "qb-test: t:5: empty question\n");
}

/* Both were reported as "no error": the line made was blank, or a comment. */
static void
empty_rows_and_hash_ids(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV, "question,answer\n,\n\" \",x\nQ,A\n",
	    "qaf640c4c8602\t\tQ\tA\n",
	    "qb-test: t:3: empty question\n");
	assert_import(IMPORT_CSV, "id,question\n#x,y\nb-1,z\n",
	    "b-1\t\tz\t\n",
	    "qb-test: t:2: '#' in id: ids are made of A-Z a-z 0-9 . _ : / -\n");
	assert_import(IMPORT_JSONL, "{\"question\":\"\"}\n",
	    "", "qb-test: t:1: empty question\n");
}

/* Records handed out in place and queued ones keep the file's order. */
static void
valid_and_escaped_records_in_order(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV, "id,tags,question,answer\n"
	    "a,\"X, y\",\"Q\ttab\",A\\\n"
	    "b,,bad \001,\n"
	    "c,t,\"two\nlines\",\u00e9\n",
	    "a\tx,y\tQ\\ttab\tA\\\\\n"
	    "c\tt\ttwo\\nlines\t\u00e9\n",
	    "qb-test: t:3: control character byte 0x01 in question\n");
	assert_import(IMPORT_JSONL, "{\"id\":\"a\",\"question\":\"say \\\"hi\\\"\\n\"}\n"
	    "{\"id\":\"b\",\"question\":\"x\\q\"}\n",
	    "a\t\tsay \"hi\"\\n\t\n", "qb-test: t:2: JSON: invalid escape near '\"x\\q' (column 25)\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_names_and_extensions),
		cmocka_unit_test(column_synonyms),
		cmocka_unit_test(sniffing_other_formats),
		cmocka_unit_test(same_question_twice_gets_numbered_ids),
		cmocka_unit_test(bad_records_name_the_source_line),
		cmocka_unit_test(empty_rows_and_hash_ids),
		cmocka_unit_test(valid_and_escaped_records_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

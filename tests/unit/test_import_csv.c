#include "import_helper.h"

static void
csv_header_quotes_crlf_and_multiline_fields(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV,
	    "id,tags,question,answer\r\n"
	    "a-1,\"x,Y\",\"Say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
	    "a-2,,Tab\there?,\r\n",
	    "a-1\tx,y\tSay \"hi\"\ttwo\\nlines\n"
	    "a-2\t\tTab\\there?\t\n", "");
}

static void
csv_without_header_and_synonyms(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV, "Q only\n",
	    "q1a4bc819b4f0\t\tQ only\t\n", "");
	assert_import(IMPORT_CSV, "Front,Back\nQ,A\n",
	    "qaf640c4c8602\t\tQ\tA\n", "");
}

static void
csv_with_semicolons(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV, "Question;Answer;Tags\n\"1,5 + 1?\";2,5;math\n",
	    "q98aeb0aefd46\tmath\t1,5 + 1?\t2,5\n", "");
}

static void
csv_malformed_rows_are_skipped(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV,
	    "question,answer,level\n"
	    "\"open,x\n"
	    "ok?,yes,1\n"
	    "\"bad\"x,y,1\n"
	    "short?\n",
	    "",
	    "qb-test: t:1: unknown column 'level', not read: the columns are "
	    "id, tags, question and answer\n"
	    "qb-test: t:2: text after the closing quote of field 1, on line 4\n"
	    "qb-test: t:5: 1 fields: the header has 3\n");
	assert_import(IMPORT_CSV, "question\nok?\n\"open\nstill open\n",
	    "q1a19e41921d9\t\tok?\t\n",
	    "qb-test: t:3: quoted field not closed\n");
	assert_import(IMPORT_CSV,
	    "question,answer\n\"bad\"x,y\nok?,yes\nshort?\n",
	    "q1a19e41921d9\t\tok?\tyes\n",
	    "qb-test: t:2: text after the closing quote of field 1\n"
	    "qb-test: t:4: 1 fields: the header has 2\n");
}

static void
tsv_columns_and_anki_headers(void **state)
{
	(void)state;
	assert_import(IMPORT_TSV, "Q\tA\tx y\tid-1\n\"a\tb\"\t\"c\nd\"\n",
	    "id-1\tx,y\tQ\tA\n"
	    "qe5bacb190412\t\ta\\tb\tc\\nd\n", "");
	assert_import(IMPORT_TSV,
	    "#separator:tab\n#html:false\n#tags column:3\n#guid column:4\n"
	    "\"#Q\"\tA\tt\tg-1\n",
	    "g-1\tt\t#Q\tA\n", "");
	assert_import(IMPORT_TSV,
	    "#separator:pipe\n#html:true\n#columns:Back|Front\n"
	    "A &lt;b&gt;<br>two|<i>Q</i>\n",
	    "qaf640c4c8602\t\tQ\tA <b>\\ntwo\n", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_header_quotes_crlf_and_multiline_fields),
		cmocka_unit_test(csv_without_header_and_synonyms),
		cmocka_unit_test(csv_with_semicolons),
		cmocka_unit_test(csv_malformed_rows_are_skipped),
		cmocka_unit_test(tsv_columns_and_anki_headers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

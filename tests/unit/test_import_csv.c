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

/*
 * The fast path finds a short field's end in its first 16 bytes, a longer
 * one's with memchr(): ends on either side of that, quoted or not.
 */
static void
csv_field_ends_around_16_bytes(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV,
	    "id,tags,question,answer\n"
	    "abcdefghijklmno,t,Q?,A\n"
	    "abcdefghijklmnop,t,Q?,A\n"
	    "i3,\"a,b,c,d,e,f,g,hh\",Q?,A\n"
	    "i4,\"a,b,c,d,e,f,g,h\",Q?,A\n"
	    "i5,t,\"Question, with a comma?\",\"Yes\"\n"
	    "i6,t,Q?,\"An answer longer than sixteen bytes, with a comma\"\n"
	    "i7,t,\"Open quote, not closed,Q?,A\n",
	    "abcdefghijklmno\tt\tQ?\tA\n"
	    "abcdefghijklmnop\tt\tQ?\tA\n"
	    "i3\ta,b,c,d,e,f,g,hh\tQ?\tA\n"
	    "i4\ta,b,c,d,e,f,g,h\tQ?\tA\n"
	    "i5\tt\tQuestion, with a comma?\tYes\n"
	    "i6\tt\tQ?\tAn answer longer than sixteen bytes, with a comma\n",
	    "qb-test: t:8: quoted field not closed\n");
}

static void
tsv_columns_and_anki_headers(void **state)
{
	(void)state;
	/* A category column is one tag of its words, beside tags */
	assert_import(IMPORT_CSV, "question,answer,category,tags\n"
	    "Q1?,A1,\"Computer Science, Networks\",x y\n",
	    "q85d39e19efd7\tcomputer-science,networks,x,y\tQ1?\tA1\n", "");
	/* Semicolons without "sep=;": the first message says how */
	assert_import(IMPORT_CSV, "\"a\";\"b\"\n\"c\";\"d\"\n", "",
	    "qb-test: t:1: text after the closing quote of field 1 (';' as the "
	    "separator? a first line 'sep=;' says so)\n"
	    "qb-test: t:2: text after the closing quote of field 1\n");
	/* A header naming the question, one column unknown, as in CSV */
	assert_import(IMPORT_TSV, "Question\tAnswer\tExplanation\n"
	    "What is TCP?\tA protocol\tReliable.\n",
	    "qd83d4661faba\t\tWhat is TCP?\tA protocol\n",
	    "qb-test: t:1: unknown column 'Explanation', not read: the "
	    "columns are id, tags, question and answer\n");
	/* Anki's #columns: names a column not read: said */
	assert_import(IMPORT_TSV, "#separator:tab\n#columns:Front\tBack\tWrong1\n"
	    "2+2?\t4\t5\n", "qf0c4240bb02d\t\t2+2?\t4\n",
	    "qb-test: t:2: unknown column 'Wrong1', not read: the "
	    "columns are id, tags, question and answer\n");
	/* More fields than a row without a header has: how to name them */
	assert_import(IMPORT_TSV, "a\tb\tc\td\te\nf\tg\th\ti\tj\n", "",
	    "qb-test: t:1: 5 fields: without a header a row is question, "
	    "answer, tags, id (Anki's '#columns:' line names them)\n"
	    "qb-test: t:2: 5 fields: without a header a row is question, "
	    "answer, tags, id\n");
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

/*
 * What Anki's editor writes with "#html:true": lists and paragraphs are
 * lines, entities of every kind are text, the breaks left at a field's
 * end go, and a '<' that starts no tag stays.
 */
static void
anki_html_as_the_editor_writes_it(void **state)
{
	(void)state;
	assert_import(IMPORT_TSV,
	    "#separator:tab\n#html:true\n"
	    "Which?<br>\t<ul><li>TCP</li><li>UDP</li></ul><div><br></div>\n"
	    "&eacute;t&eacute; &mdash; 1 < 2\t<p>one</p><p>&#233;&#x263A;&#160;x</p>\n",
	    "q155251c197e4\t\tWhich?\tTCP\\nUDP\n"
	    "q565725c56667\t\t\xc3\xa9t\xc3\xa9 \xe2\x80\x94 1 < 2\tone\\n"
	    "\xc3\xa9\xe2\x98\xba x\n", "");
	/* White space is one space, as HTML has it, but in <pre> */
	assert_import(IMPORT_TSV,
	    "#separator:tab\n#html:true\n"
	    "Code?\t\"<pre>int a;\n  int b;</pre>\"\n"
	    "List?\t\"<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\"\n",
	    "qefba9df46cf9\t\tCode?\tint a;\\n  int b;\n"
	    "qe855b1b58551\t\tList?\tx\\ny\n", "");
}

/* Quizlet quotes nothing: a field that only starts with '"' is text. */
static void
tsv_quote_at_the_start_of_text(void **state)
{
	(void)state;
	assert_import(IMPORT_TSV, "\"Hello\" in French\tBonjour\n\"a\tb\"\tc\n",
	    "q2c73aa6ab1df\t\t\"Hello\" in French\tBonjour\n"
	    "qe5bacb190412\t\ta\\tb\tc\n", "");
}

/* What spreadsheets add: unnamed columns, empty fields past the header. */
static void
csv_spreadsheet_padding(void **state)
{
	(void)state;
	assert_import(IMPORT_CSV,
	    "Question,Answer,Category,,\r\nQ1?,A1,geo,,\r\nQ2?,A2,\r\n,,,,\r\n",
	    "q85d39e19efd7\tgeo\tQ1?\tA1\nq85d71e19efda\t\tQ2?\tA2\n", "");
	/* Excel's "sep=" line names the separator */
	assert_import(IMPORT_CSV, "sep=;\r\nQuestion;Answer\r\nQ1?;A1,5\r\n",
	    "q85d39e19efd7\t\tQ1?\tA1,5\n", "");
	assert_import(IMPORT_CSV, "sep=,\nQuestion,Answer\nQ1?,A1\n",
	    "q85d39e19efd7\t\tQ1?\tA1\n", "");
	/* A field past the header's with text in it is still a mistake. */
	assert_import(IMPORT_CSV, "Question,Answer\nQ1?,A1,x\nQ2?,A2\n",
	    "q85d71e19efda\t\tQ2?\tA2\n",
	    "qb-test: t:2: 3 fields: the header has 2\n");
}

/* A CSV file in two parts (lib/split.c), and where the second may start. */
static const char two_parts[] =
    "id,tags,question,answer\n"
    "a,,\"Q1\",\"line one\n"
    "line two, with \"\"quotes\"\",\n"
    "x,y\n"
    "end\"\n"
    "b,,Q2,A2\n"
    "c,,\"Q3 \"\"x\"\"\",A3\n"
    "d,,Q4,A4\n"
    ",,Q5 without an id,A5\n"
    "f,,Q6,A6\n";

static off_t
at(const char *s)
{
	return (off_t)(strstr(two_parts, s) - two_parts);
}

/* The file, and an import of it with its header read. */
static int
open_two_parts(char *path, struct reader *rd, struct import *imp,
    struct rec *r)
{
	int fd = mkstemp(path);

	assert_int_equal(write(fd, two_parts, sizeof(two_parts) - 1),
	    sizeof(two_parts) - 1);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	reader_open_fd(rd, path, fd);
	import_open(imp, IMPORT_CSV, rd);
	assert_int_equal(import_next(imp, r), 1);
	assert_memory_equal(r->id.p, "a", 1);
	return fd;
}

/* Undoes open_two_parts(). */
static void
close_two_parts(char *path, int fd, struct reader *rd, struct import *imp,
    struct rec *r)
{
	import_close(imp);
	import_free(imp);
	rec_free(r);
	reader_free(rd);
	close(fd);
	unlink(path);
}

/*
 * A line inside a quoted field and a row's first line are told apart by
 * reading on both ways until they meet.
 */
static void
csv_record_start_is_a_row_start(void **state)
{
	char path[] = "/tmp/qb-csv-start-XXXXXX";
	struct reader rd = { 0 };
	struct import imp = { 0 };
	struct rec r = { 0 };
	off_t size = sizeof(two_parts) - 1;
	int fd;

	(void)state;
	fd = open_two_parts(path, &rd, &imp, &r);
	assert_int_equal(import_record_start(&imp, fd, at("line two"), size),
	    at("b,,"));
	assert_int_equal(import_record_start(&imp, fd, at("x,y"), size),
	    at("b,,"));
	assert_int_equal(import_record_start(&imp, fd, at("end\""), size),
	    at("b,,"));
	/* A row start may be passed for a later one. */
	assert_int_equal(import_record_start(&imp, fd, at("b,,"), size),
	    at("d,,"));
	/* No quote after: rows. */
	assert_int_equal(import_record_start(&imp, fd, at("d,,"), size),
	    at("d,,"));
	close_two_parts(path, fd, &rd, &imp, &r);
}

/*
 * This thread's reader stops where the other thread starts; a row across
 * that point is read whole, past it, and crossed says so.
 */
static void
csv_row_across_the_limit_is_read_whole(void **state)
{
	char path[] = "/tmp/qb-csv-cross-XXXXXX";
	struct reader rd = { 0 };
	struct import imp = { 0 };
	struct rec r = { 0 };
	int fd;

	(void)state;
	fd = open_two_parts(path, &rd, &imp, &r);
	import_close(&imp);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	reader_open_fd(&rd, path, fd);
	reader_stop_at(&rd, at("x,y"));
	import_open(&imp, IMPORT_CSV, &rd);
	assert_int_equal(import_next(&imp, &r), 1);
	assert_memory_equal(r.answer.p, "line one\\nline two", 18);
	assert_true(imp.crossed);
	assert_false(reader_at_limit(&rd));
	assert_int_equal(import_next(&imp, &r), 1);
	assert_memory_equal(r.id.p, "b", 1);
	close_two_parts(path, fd, &rd, &imp, &r);
}

/*
 * The other thread's part: read with the header's columns, and ended
 * before the first row from its soft end on, or before a row whose id is
 * derived (its "-N" depends on the rows before).
 */
static void
csv_part_ahead_stops_before_rows(void **state)
{
	char path[] = "/tmp/qb-csv-ahead-XXXXXX";
	struct reader rd = { 0 }, part = { 0 };
	struct import imp = { 0 }, ahead = { 0 };
	struct rec r = { 0 };
	int fd;

	(void)state;
	fd = open_two_parts(path, &rd, &imp, &r);
	reader_open_range(&part, path, fd, at("b,,"), -1);
	import_open(&ahead, IMPORT_CSV, &part);
	import_continue(&ahead, &imp);
	ahead.soft_end = at("d,,");
	assert_int_equal(import_next(&ahead, &r), 1);
	assert_memory_equal(r.id.p, "b", 1);
	assert_int_equal(import_next(&ahead, &r), 1);
	assert_memory_equal(r.question.p, "Q3 \"x\"", 6);
	assert_int_equal(import_next(&ahead, &r), 0);
	assert_int_equal(ahead.back_off, at("d,,"));
	assert_int_equal(ahead.back_line, 3);
	import_close(&ahead);
	reader_open_range(&part, path, fd, at("d,,"), -1);
	import_open(&ahead, IMPORT_CSV, &part);
	import_continue(&ahead, &imp);
	assert_int_equal(import_next(&ahead, &r), 1);
	assert_memory_equal(r.id.p, "d", 1);
	assert_int_equal(import_next(&ahead, &r), 0);
	assert_int_equal(ahead.back_off, at(",,Q5"));
	assert_int_equal(ahead.back_line, 2);
	import_close(&ahead);
	import_free(&ahead);
	reader_free(&part);
	close_two_parts(path, fd, &rd, &imp, &r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_header_quotes_crlf_and_multiline_fields),
		cmocka_unit_test(csv_without_header_and_synonyms),
		cmocka_unit_test(csv_with_semicolons),
		cmocka_unit_test(csv_malformed_rows_are_skipped),
		cmocka_unit_test(csv_field_ends_around_16_bytes),
		cmocka_unit_test(tsv_columns_and_anki_headers),
		cmocka_unit_test(csv_record_start_is_a_row_start),
		cmocka_unit_test(csv_row_across_the_limit_is_read_whole),
		cmocka_unit_test(csv_part_ahead_stops_before_rows),
		cmocka_unit_test(anki_html_as_the_editor_writes_it),
		cmocka_unit_test(csv_spreadsheet_padding),
		cmocka_unit_test(tsv_quote_at_the_start_of_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

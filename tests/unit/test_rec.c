#include "unit.h"
#include "out.h"
#include "rec.h"

static struct rec r;

static enum rec_kind
parse(const char *line)
{
	return rec_parse(&r, line, strlen(line));
}

static char *
canonical(void)
{
	static struct buf b;

	buf_reset(&b);
	rec_format(&r, &b);
	return (char *)buf_cstr(&b);
}

static void
four_fields(void **state)
{
	(void)state;
	assert_int_equal(parse("be-21\tsql,security\tExplain SQL injection.\tUse "
	    "bound parameters."), REC_RECORD);
	assert_false(r.bare);
	assert_string_equal(canonical(), "be-21\tsql,security\tExplain SQL "
	    "injection.\tUse bound parameters.\n");
}

static void
three_fields_and_trimming(void **state)
{
	(void)state;
	assert_int_equal(parse("  x-1 \t A , B ,a\t  Q?  "), REC_RECORD);
	assert_string_equal(canonical(), "x-1\ta,b\tQ?\t\n");
}

static void
bare_line_and_derived_id(void **state)
{
	(void)state;
	assert_int_equal(parse("What is a design pattern?"), REC_RECORD);
	assert_true(r.bare);
	/* FNV-1a 64 of the text is 0x139e9e01078a...: "q" and 12 digits. */
	assert_string_equal(canonical(), "q139e9e01078a\t\tWhat is a design "
	    "pattern?\t\n");
	/* An empty id field derives the same id. */
	assert_int_equal(parse("\t\tWhat is a design pattern?"), REC_RECORD);
	assert_memory_equal(r.id.p, "q139e9e01078a", 13);
}

static void
derived_id_hashes_unescaped_text(void **state)
{
	(void)state;
	assert_int_equal(parse("\t\tLine one\\nline two"), REC_RECORD);
	assert_memory_equal(r.id.p, "q63773327fd7c", 13);
	assert_int_equal(parse("\t\tTab\\there"), REC_RECORD);
	assert_memory_equal(r.id.p, "qa1dc609ddc0c", 13);
}

static void
suspect_comments(void **state)
{
	(void)state;
	assert_null(rec_comment_suspect("# What is this?", 15));
	assert_null(rec_comment_suspect("## Heading?", 11));
	assert_null(rec_comment_suspect("#", 1));
	assert_null(rec_comment_suspect("#\tx?", 4));
	assert_null(rec_comment_suspect("#todo", 5));
	assert_non_null(rec_comment_suspect("#include: why?  ", 16));
	assert_non_null(rec_comment_suspect("#id\tt\tQ", 7));
	assert_non_null(rec_comment_suspect("#id\tt\tQ\tA", 9));
	assert_null(rec_comment_suspect("#a\tb\tc\td\te", 11));
}

/* A bare line is literal: a backslash is a backslash, kept escaped. */
static void
bare_line_is_literal(void **state)
{
	(void)state;
	assert_int_equal(parse("What does printf(\"\\n\") print?"),
	    REC_RECORD);
	assert_string_equal(canonical(), "q5a6981f67f2e\t\tWhat does "
	    "printf(\"\\\\n\") print?\t\n");
	assert_int_equal(parse("Trailing \\"), REC_RECORD);
	assert_int_equal(parse("\t\tSame text: printf(\"\\\\n\")"), REC_RECORD);
	assert_int_equal(parse("C\\ \x1b"), REC_INVALID);
	assert_int_equal(r.errcol, 4);
}

static void
blank_and_comment(void **state)
{
	(void)state;
	assert_int_equal(parse(""), REC_BLANK);
	assert_int_equal(parse(" \t \t"), REC_BLANK);
	assert_int_equal(parse("# a comment\twith tabs"), REC_COMMENT);
	assert_int_equal(rec_parse(&r, "# a\0b", 5), REC_INVALID);
	assert_int_equal(r.err, REC_ENUL);
	assert_int_equal(parse("# caf\xe9"), REC_INVALID);
	assert_int_equal(r.err, REC_EUTF8);
}

/*
 * A derived id is the same however the line says the question: bare or in
 * fields, plain (hashed as it stands) or with escapes (hashed unescaped).
 */
static void
derived_ids_agree(void **state)
{
	(void)state;
	assert_int_equal(parse("What?"), REC_RECORD);
	assert_int_equal(r.id.len, 13);
	assert_memory_equal(r.id.p, "qd30af8eef0f2", 13);
	assert_int_equal(parse("\t\tWhat?\tA."), REC_RECORD);
	assert_memory_equal(r.id.p, "qd30af8eef0f2", 13);
	/* A bare backslash is literal: the same text as an escaped one. */
	assert_int_equal(parse("What is a\\b?"), REC_RECORD);
	assert_memory_equal(r.id.p, "qe3955c02be24", 13);
	assert_int_equal(parse("\tx\tWhat is a\\\\b?"), REC_RECORD);
	assert_memory_equal(r.id.p, "qe3955c02be24", 13);
	assert_int_equal(parse("  caf\xc3\xa9 ?  "), REC_RECORD);
	assert_memory_equal(r.question.p, "caf\xc3\xa9 ?", r.question.len);
	assert_int_equal(parse("\t\tcaf\xc3\xa9 ?"), REC_RECORD);
	{
		char id[13];

		memcpy(id, r.id.p, 13);
		assert_int_equal(parse("caf\xc3\xa9 ?"), REC_RECORD);
		assert_memory_equal(r.id.p, id, 13);
	}
}

static void
tags_lowercased_and_deduplicated(void **state)
{
	(void)state;
	assert_int_equal(parse("t\tSQL,Db,sql,DB,api,db\tQ?"), REC_RECORD);
	assert_memory_equal(r.tags.p, "sql,db,api", r.tags.len);
	assert_int_equal(r.tags.len, 10);
	assert_true(rec_has_tag(&r, "db", 2));
	assert_true(rec_has_tag(&r, "api", 3));
	assert_false(rec_has_tag(&r, "d", 1));
	assert_false(rec_has_tag(&r, "sq", 2));
	{
		struct span list = r.tags, tag;
		int n = 0;

		while (rec_tag_next(&list, &tag))
			n++;
		assert_int_equal(n, 3);
		assert_memory_equal(tag.p, "api", 3);
	}
	/* Eight are compared with each other, nine go through a hash set. */
	assert_int_equal(parse("t\tA,b,C,d,E,f,G,a\tQ?"), REC_RECORD);
	assert_memory_equal(r.tags.p, "a,b,c,d,e,f,g", r.tags.len);
	assert_int_equal(r.tags.len, 13);
	assert_int_equal(parse("t\tA,b,C,d,E,f,G,h,a\tQ?"), REC_RECORD);
	assert_memory_equal(r.tags.p, "a,b,c,d,e,f,g,h", r.tags.len);
	assert_int_equal(r.tags.len, 15);
	assert_int_equal(parse("t\tX, y ,x,Y\tQ?"), REC_RECORD);
	assert_memory_equal(r.tags.p, "x,y", r.tags.len);
	assert_int_equal(r.tags.len, 3);
	/* Non-ASCII tags are kept as they are. */
	assert_int_equal(parse("t\tCafé,café\tQ?"), REC_RECORD);
	assert_memory_equal(r.tags.p, "café", r.tags.len);
}

/*
 * Canonical lists of up to four tags are told distinct by their lengths
 * first (few_tags_distinct()): lists that stand as they are, and repeats
 * of a length found, whatever their place.
 */
static void
canonical_tags_by_length(void **state)
{
	static const struct {
		const char	*line, *tags;
		int		 in_place;
	} cases[] = {
		{ "t\tsql,api\tQ?", "sql,api", 1 },
		{ "t\tab,cd\tQ?", "ab,cd", 1 },
		{ "t\tabc,de,fgh,ij\tQ?", "abc,de,fgh,ij", 1 },
		{ "t\tdb,api,db\tQ?", "db,api", 0 },
		{ "t\ta,b,c,a\tQ?", "a,b,c", 0 },
		{ "t\tapi,db,x,db\tQ?", "api,db,x", 0 },
		{ "t\ta,b,c,d,a\tQ?", "a,b,c,d", 0 },
		{ "t\ta,b,c,d,e\tQ?", "a,b,c,d,e", 1 },
		{ "t\tabcdefghijklmnopq,abcdefghijklmnopq\tQ?",
		    "abcdefghijklmnopq", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *line = cases[i].line;

		assert_int_equal(parse(line), REC_RECORD);
		assert_int_equal(r.tags.len, strlen(cases[i].tags));
		assert_memory_equal(r.tags.p, cases[i].tags, r.tags.len);
		assert_int_equal(r.tags.p == line + 2, cases[i].in_place);
	}
}

/*
 * Lists written by hand take one pass (tags_folded()), or the careful one
 * when they hold a repeat or a mistake: the same tags either way.
 */
static void
hand_written_tags(void **state)
{
	static const struct {
		const char	*line, *tags;
		enum rec_kind	 kind;
	} cases[] = {
		{ "t\tCareer, Debugging\tQ?", "career,debugging", REC_RECORD },
		{ "t\t Go ,  Concurrency \tQ?", "go,concurrency", REC_RECORD },
		{ "t\tC++, C#, .NET\tQ?", "c++,c#,.net", REC_RECORD },
		{ "t\tGo, go, GO, Rust\tQ?", "go,rust", REC_RECORD },
		{ "t\tA, B, C, D, E, F, G, H, I\tQ?", "a,b,c,d,e,f,g,h,i",
		    REC_RECORD },
		{ "t\tCaf\xc3\xa9, Tea\tQ?", "caf\xc3\xa9,tea", REC_RECORD },
		{ "t\tBig Data, SQL\tQ?", NULL, REC_INVALID },
		{ "t\tGo, , SQL\tQ?", NULL, REC_INVALID },
		{ "t\tGo, SQL,\tQ?", NULL, REC_INVALID },
		{ "t\tGo,\x01SQL\tQ?", NULL, REC_INVALID },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(parse(cases[i].line), cases[i].kind);
		if (cases[i].tags == NULL)
			continue;
		assert_int_equal(r.tags.len, strlen(cases[i].tags));
		assert_memory_equal(r.tags.p, cases[i].tags, r.tags.len);
	}
	assert_int_equal(parse("t\tBig Data, SQL\tQ?"), REC_INVALID);
	assert_int_equal(r.err, REC_ETAGSPACE);
	assert_int_equal(parse("t\tGo, , SQL\tQ?"), REC_INVALID);
	assert_int_equal(r.err, REC_ETAGEMPTY);
}

/* Many tags must not take quadratic time, and all repeats go. */
static void
many_tags(void **state)
{
	struct buf line = { 0 };
	int i;

	(void)state;
	buf_adds(&line, "t\t");
	for (i = 0; i < 50000; i++) {
		char tag[16];

		snprintf(tag, sizeof(tag), "%st%d", i ? "," : "", i % 1000);
		buf_adds(&line, tag);
	}
	buf_adds(&line, "\tQ?");
	assert_int_equal(rec_parse(&r, line.p, line.len), REC_RECORD);
	assert_true(rec_has_tag(&r, "t999", 4));
	assert_int_equal(r.tags.len, 10 * 2 + 90 * 3 + 900 * 4 + 999);
	buf_free(&line);
}

struct bad_case {
	const char	*line;
	size_t		 len;
	enum rec_err	 err;
	size_t		 col;
};

#define BAD(s, e, c) { s, sizeof(s) - 1, e, c }

static void
every_error_kind(void **state)
{
	static const struct bad_case cases[] = {
		BAD("id\tonly two", REC_EFIELDS, 3),
		BAD("a\tb\tc\td\te", REC_EFIELDS, 0),
		BAD("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		    "\t\tQ", REC_EIDLEN, 1),
		BAD("a b\t\tQ", REC_EIDCHAR, 2),
		BAD("a\xc3\xa9\t\tQ", REC_EIDCHAR, 2),
		BAD("i\ta,,b\tQ", REC_ETAGEMPTY, 5),
		BAD("i\ta,\tQ", REC_ETAGEMPTY, 5),
		BAD("i\ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt"
		    "\tQ", REC_ETAGLEN, 3),
		BAD("i\tbig data\tQ", REC_ETAGSPACE, 6),
		BAD("i\tt\t  \tA", REC_EQEMPTY, 0),
		BAD("i\tt\tWhat \\q", REC_EESCAPE, 10),
		BAD("\t\tWhat \\", REC_EBACKSLASH, 8),
		BAD("i\tt\tQ\tA \\", REC_EBACKSLASH, 9),
		BAD("i\tt\tQ \x1b[31m", REC_ECTRL, 7),
		BAD("i\tt\tQ\x7f", REC_ECTRL, 6),
		BAD("i\tt\tQ\xc2\x9b", REC_ECTRL, 6),
		BAD("i\tt\tQ\r", REC_ECTRL, 6),
		BAD("i\tt\tQ\xe9", REC_EUTF8, 6),
		BAD("i\tt\tQ\xed\xa0\x80", REC_EUTF8, 6),
		BAD("i\tt\tQ\xc0\xaf", REC_EUTF8, 6),
		BAD("i\tt\tQ\0", REC_ENUL, 6),
		BAD("i\0\tt\tQ", REC_ENUL, 2),
		BAD("i\tt\0\tQ", REC_ENUL, 4),
		BAD("i\tt\x1b\tQ", REC_ECTRL, 4),
		BAD("i\tt\xff\tQ", REC_EUTF8, 4),
	};
	char msg[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(rec_parse(&r, cases[i].line, cases[i].len),
		    REC_INVALID);
		assert_int_equal(r.err, cases[i].err);
		if (cases[i].col != 0)
			assert_int_equal(r.errcol, cases[i].col);
		rec_errmsg(&r, msg, sizeof(msg));
		assert_true(strlen(msg) > 5);
	}
}

/* Errors found in the fast eight-byte path land on the right column. */
static void
error_columns_past_the_first_word(void **state)
{
	(void)state;
	assert_int_equal(parse("i\tt\t0123456789abcdef\x01"), REC_INVALID);
	assert_int_equal(r.errcol, 21);
	assert_int_equal(parse("\t\t0123456789abcdef0123456789 \\x"),
	    REC_INVALID);
	assert_int_equal(r.err, REC_EESCAPE);
	assert_int_equal(r.errcol, 30);
}

static void
messages(void **state)
{
	char msg[256];

	(void)state;
	parse("i\tt\tWhat \\q");
	rec_errmsg(&r, msg, sizeof(msg));
	assert_string_equal(msg, "unknown escape '\\q' in question at column "
	    "10: the escapes are \\\\, \\t and \\n");
	parse("i\tt\tQ\xc2\x9b");
	rec_errmsg(&r, msg, sizeof(msg));
	assert_string_equal(msg, "control character U+009B in question at "
	    "column 6");
	parse("a\tb");
	rec_errmsg(&r, msg, sizeof(msg));
	assert_string_equal(msg, "2 fields: a record has 3 or 4 TAB-separated "
	    "fields (id, tags, question, answer)");
}

static void
text_unescaping(void **state)
{
	struct buf scratch = { 0 };
	struct span in = { "a\\tb\\nc\\\\d", 10 }, out;
	struct buf back = { 0 };

	(void)state;
	out = rec_text(in, &scratch);
	assert_int_equal(out.len, 7);
	assert_memory_equal(out.p, "a\tb\nc\\d", 7);
	rec_escape(&back, out.p, out.len);
	assert_int_equal(back.len, in.len);
	assert_memory_equal(back.p, in.p, in.len);
	/* Without a backslash the field itself comes back. */
	in.p = "plain";
	in.len = 5;
	out = rec_text(in, &scratch);
	assert_ptr_equal(out.p, in.p);
	buf_free(&scratch);
	buf_free(&back);
}

static void
canonical_round_trip(void **state)
{
	static const char *const lines[] = {
		" a \t X,y \t q\\\\ \\t x \t ans\\n ",
		"Bare question with \\\\ and \\t",
		"\t\tNo id\t",
		"id\t\tÜnïcödé 中文 😀\tyes",
	};
	struct buf once = { 0 }, twice = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		buf_reset(&once);
		buf_reset(&twice);
		assert_int_equal(parse(lines[i]), REC_RECORD);
		rec_format(&r, &once);
		assert_int_equal(rec_parse(&r, once.p, once.len - 1), REC_RECORD);
		rec_format(&r, &twice);
		assert_int_equal(once.len, twice.len);
		assert_memory_equal(once.p, twice.p, once.len);
	}
	buf_free(&once);
	buf_free(&twice);
}

/* rec_write() takes a shortcut for canonical lines: same bytes as ever. */
static void
write_equals_format(void **state)
{
	static const char *const lines[] = {
		"id\tt\tQ?\tA",		/* canonical: written as it stands */
		"id\t\tQ?\t",		/* canonical, empty tags and answer */
		"id\tt\tQ?",		/* three fields */
		" id\tt\tQ?\tA",		/* trimmed */
		"id\tB,a\tQ?\tA",		/* tags to normalise */
		"Bare?",
	};
	struct buf want = { 0 };
	FILE *tmp;
	char *got;
	size_t i;
	int saved;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		assert_int_equal(parse(lines[i]), REC_RECORD);
		buf_reset(&want);
		rec_format(&r, &want);
		saved = capture_start(1, &tmp);
		rec_write(&r);
		out_flush();
		got = capture_end(1, saved, tmp);
		assert_string_equal(got, buf_cstr(&want));
		free(got);
	}
	buf_free(&want);
}

static void
tag_list_option(void **state)
{
	struct rec opt = { 0 };

	(void)state;
	assert_int_equal(rec_tag_list(&opt, " SQL, api ", 10), REC_OK);
	assert_memory_equal(opt.tags.p, "sql,api", opt.tags.len);
	assert_int_equal(rec_tag_list(&opt, "a,,b", 4), REC_ETAGEMPTY);
	/* Bytes past the list that may be read do not count. */
	assert_int_equal(rec_tag_list_in(&opt, "sql,api\tWhat X Y Z, and more "
	    "than 32 bytes?", 7, 45), REC_OK);
	assert_int_equal(opt.tags.len, 7);
	assert_memory_equal(opt.tags.p, "sql,api", 7);
	assert_int_equal(rec_tag_list_in(&opt, " b,A\tQ", 4, 6), REC_OK);
	assert_int_equal(opt.tags.len, 3);
	assert_memory_equal(opt.tags.p, "b,a", 3);
	assert_int_equal(rec_tag_list_in(&opt, "a b,x,y,z, and more than 32 "
	    "bytes", 3, 38), REC_ETAGSPACE);
	rec_free(&opt);
}

static int
teardown(void **state)
{
	(void)state;
	rec_free(&r);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(four_fields),
		cmocka_unit_test(three_fields_and_trimming),
		cmocka_unit_test(bare_line_and_derived_id),
		cmocka_unit_test(derived_id_hashes_unescaped_text),
		cmocka_unit_test(bare_line_is_literal),
		cmocka_unit_test(suspect_comments),
		cmocka_unit_test(blank_and_comment),
		cmocka_unit_test(derived_ids_agree),
		cmocka_unit_test(tags_lowercased_and_deduplicated),
		cmocka_unit_test(canonical_tags_by_length),
		cmocka_unit_test(hand_written_tags),
		cmocka_unit_test(many_tags),
		cmocka_unit_test(every_error_kind),
		cmocka_unit_test(error_columns_past_the_first_word),
		cmocka_unit_test(messages),
		cmocka_unit_test(text_unescaping),
		cmocka_unit_test(canonical_round_trip),
		cmocka_unit_test(write_equals_format),
		cmocka_unit_test(tag_list_option),
	};

	return cmocka_run_group_tests_name("rec", tests, NULL, teardown);
}

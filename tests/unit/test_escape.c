#include "unit.h"
#include "escape.h"
#include "rec.h"

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

static const char *const impls[] = { "portable", "sse2", "avx2" };
#define NIMPL (sizeof(impls) / sizeof(impls[0]))

/*
 * Random raw text over an alphabet of every byte that matters to some
 * format, in runs long and short, so that special bytes fall at every
 * offset of a vector and of its last, partial block.
 */
static size_t
random_text(char *p, size_t max)
{
	static const char *const pieces[] = {
		"\"", "\\", ",", "\t", "\n", "\r", "#", "=", "-", "'", "\x01",
		"\x1f", "\x7f", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80",
		"\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\x94", "\xe2\x80",
		"\xe2", " ", "\0", "*", "_", "`", "[", "]", "<", ">", "|", "~",
		"&", "!", "+", "12.", "3)", "\n\n", "  ", "\n  - "
	};
	size_t n = 0, want = (size_t)rand() % max, len;
	const char *piece;

	while (n < want) {
		if (rand() % 3 == 0) {
			piece = pieces[rand() % (sizeof(pieces) / sizeof(pieces[0]))];
			len = piece[0] == '\0' ? 1 : strlen(piece);
		} else {
			piece = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
			len = 1 + (size_t)rand() % 40;
		}
		if (n + len > max)
			break;
		memcpy(p + n, piece, len);
		n += len;
	}
	return n;
}

/* The bytes of b, in a buffer of their own: a read past them is seen. */
static char *
exact_copy(const struct buf *b)
{
	char *p = malloc(b->len > 0 ? b->len : 1);

	assert_non_null(p);
	memcpy(p, b->p, b->len);
	return p;
}

static void
assert_buf_equal(const struct buf *got, const struct buf *want)
{
	assert_int_equal(got->len, want->len);
	assert_memory_equal(got->p, want->p, want->len);
}

/*
 * The escaped-text escapers give what the plain ones give for the text
 * unescaped, and every implementation gives the same bytes.
 */
static void
qb_forms_agree(void **state)
{
	struct buf raw = { 0 }, esc = { 0 }, want = { 0 }, got = { 0 };
	struct buf first = { 0 }, scratch = { 0 };
	int round, flag;
	size_t k;

	(void)state;
	srand(16);
	buf_reserve(&raw, 300);
	for (round = 0; round < 4000; round++) {
		char *e, *t;
		struct span u;

		raw.len = random_text(raw.p, 300);
		buf_reset(&esc);
		rec_escape(&esc, raw.p, raw.len);
		e = exact_copy(&esc);
		t = exact_copy(&raw);
		u.p = e;
		u.len = esc.len;
		u = rec_text(u, &scratch);
		assert_int_equal(u.len, raw.len);
		for (k = 0; k < NIMPL; k++) {
			if (esc_select(impls[k]) < 0)
				continue;
			buf_reset(&want);
			buf_reset(&got);
			esc_json(&want, t, raw.len);
			esc_json_qb(&got, e, esc.len);
			assert_buf_equal(&got, &want);
			if (k == 0) {
				buf_reset(&first);
				buf_add(&first, want.p, want.len);
			}
			assert_buf_equal(&want, &first);
			for (flag = 0; flag < 2; flag++) {
				buf_reset(&want);
				buf_reset(&got);
				esc_csv(&want, t, raw.len, flag);
				esc_csv_qb(&got, e, esc.len, flag);
				assert_buf_equal(&got, &want);
				buf_reset(&want);
				buf_reset(&got);
				esc_tsv(&want, t, raw.len, flag);
				esc_tsv_qb(&got, e, esc.len, flag);
				assert_buf_equal(&got, &want);
			}
		}
		free(e);
		free(t);
	}
	esc_select(NULL);
	buf_free(&raw);
	buf_free(&esc);
	buf_free(&want);
	buf_free(&got);
	buf_free(&first);
	buf_free(&scratch);
}

/* A tag list is an array of the strings esc_json() makes of its tags. */
static void
json_lists(void **state)
{
	static const char *const lists[] = {
		"", "a", "a,b", "sql,c\"q,b\\\\s,\xc3\xbc,x\xe2\x80\xa8y",
		"abcdefghijklmnopqrstuvwxyz0123456789,abcdefghijklmnopqrstuvwxyz",
		",", "a,", "a,,", "a,\"\"\"\",\\,,,b"
	};
	struct buf want = { 0 };
	size_t i, k;

	(void)state;
	for (k = 0; k < NIMPL; k++) {
		if (esc_select(impls[k]) < 0)
			continue;
		for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
			struct span list = { lists[i], strlen(lists[i]) }, tag;

			buf_reset(&want);
			buf_addc(&want, '[');
			while (rec_tag_next(&list, &tag)) {
				esc_json(&want, tag.p, tag.len);
				if (list.len > 0)
					buf_addc(&want, ',');
			}
			buf_addc(&want, ']');
			buf_reset(&b);
			esc_json_list(&b, lists[i], strlen(lists[i]));
			assert_string_equal(buf_cstr(&b), buf_cstr(&want));
		}
	}
	assert_string_equal(buf_cstr(&b), "[\"a\",\"\\\"\\\"\\\"\\\"\","
	    "\"\\\\\",\"\",\"\",\"b\"]");
	esc_select(NULL);
	buf_free(&want);
}

/* esc_markdown() as it was before its runs: the tests' reference. */
static void
md_reference(struct buf *out, const char *p, size_t n, int indent)
{
	int at_start = 1;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c == '\n') {
			if (i + 1 < n && p[i + 1] == '\n') {
				while (i + 1 < n && p[i + 1] == '\n')
					i++;
				buf_adds(out, "\n\n");
			} else
				buf_adds(out, "\\\n");
			for (int k = 0; k < indent; k++)
				buf_addc(out, ' ');
			at_start = 1;
			continue;
		}
		if (c == '\t')
			c = ' ';
		if (c == ' ' && at_start)
			continue;
		if (c != ' ' && c != '\0' && (strchr("\\`*_[]<>#|~&!", c) ||
		    (at_start && strchr("+-=>", c))))
			buf_addc(out, '\\');
		if (at_start && c >= '0' && c <= '9') {
			size_t j = i;

			while (j < n && p[j] >= '0' && p[j] <= '9')
				j++;
			buf_add(out, p + i, j - i);
			if (j < n && (p[j] == '.' || p[j] == ')')) {
				buf_addc(out, '\\');
				buf_addc(out, p[j]);
				j++;
			}
			i = j - 1;
			at_start = 0;
			continue;
		}
		buf_addc(out, c);
		if (c != ' ')
			at_start = 0;
	}
}

static void
markdown_agrees(void **state)
{
	struct buf raw = { 0 }, want = { 0 };
	int round;

	(void)state;
	srand(17);
	buf_reserve(&raw, 300);
	for (round = 0; round < 4000; round++) {
		char *t;

		raw.len = random_text(raw.p, 300);
		t = exact_copy(&raw);
		buf_reset(&want);
		buf_reset(&b);
		md_reference(&want, t, raw.len, round % 5);
		esc_markdown(&b, t, raw.len, round % 5);
		assert_buf_equal(&b, &want);
		free(t);
	}
	buf_free(&raw);
	buf_free(&want);
}

static int
teardown(void **state)
{
	(void)state;
	buf_free(&b);
	return 0;
}

/*
 * Each scanner gets the escape loops it can run: AVX-512 (which the
 * escapers have no loops of their own for) gets AVX2's, not the portable
 * ones.
 */
static void
scanner_picks_loops(void **state)
{
	(void)state;
	assert_int_equal(esc_select("portable"), 0);
	assert_string_equal(esc_impl(), "portable");
	if (esc_select("sse2") == 0)
		assert_string_equal(esc_impl(), "sse2");
	if (esc_select("avx2") == 0)
		assert_string_equal(esc_impl(), "avx2");
	if (esc_select("avx512") == 0)
		assert_string_equal(esc_impl(), "avx2");
	esc_select(NULL);
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
		cmocka_unit_test(qb_forms_agree),
		cmocka_unit_test(json_lists),
		cmocka_unit_test(markdown_agrees),
		cmocka_unit_test(scanner_picks_loops),
	};

	return cmocka_run_group_tests_name("escape", tests, NULL, teardown);
}

#include "unit.h"
#include "diag.h"
#include "out.h"
#include "spill.h"

static void
add(struct spill *s, const char *id)
{
	struct rec r = { 0 };
	char line[160];

	snprintf(line, sizeof(line), "%s\t\tQ %s?", id, id);
	assert_int_equal(rec_parse(&r, line, strlen(line)), REC_RECORD);
	spill_add(s, &r);
	rec_free(&r);
}

/* The rank-k record is the k-th of the ids sorted, whatever their order. */
static void
nth_is_rank_in_id_order(void **state)
{
	static const char *const ids[] = { "m", "b", "zz", "a", "z", "c", "aa",
	    "y", "b1", "n" };
	static const char *const sorted[] = { "a", "aa", "b", "b1", "c", "m",
	    "n", "y", "z", "zz" };
	size_t k, i;

	(void)state;
	for (k = 0; k < 10; k++) {
		struct spill s;

		assert_int_equal(spill_init(&s), 0);
		for (i = 0; i < 10; i++)
			add(&s, ids[(i * 7 + k) % 10]);	/* a different order */
		size_t len;
		const char *id;

		i = spill_nth_by_id(&s, k);
		id = spill_id(&s, i, &len);
		assert_int_equal(len, strlen(sorted[k]));
		assert_memory_equal(id, sorted[k], len);
		spill_free(&s);
	}
}

/* Ids longer than the 8 bytes compared first, and prefixes of each other. */
static void
nth_of_long_ids(void **state)
{
	static const char *const sorted[] = { "abcdefg", "abcdefgh",
	    "abcdefgh-", "abcdefgh0", "abcdefgh0a", "abcdefgh0b", "abcdefgi",
	    "abcdefgi-long-and-longer-still" };
	size_t n = sizeof(sorted) / sizeof(sorted[0]), k, i;

	(void)state;
	for (k = 0; k < n; k++) {
		struct spill s;
		size_t len;
		const char *id;

		assert_int_equal(spill_init(&s), 0);
		for (i = 0; i < n; i++)
			add(&s, sorted[(i * 3 + k) % n]);
		id = spill_id(&s, spill_nth_by_id(&s, k), &len);
		assert_int_equal(len, strlen(sorted[k]));
		assert_memory_equal(id, sorted[k], len);
		spill_free(&s);
	}
}

static void
many_records_and_write_back(void **state)
{
	struct spill s;
	char id[16], *text;
	FILE *tmp;
	size_t i;
	int saved;

	(void)state;
	assert_int_equal(spill_init(&s), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "r%05zu", (i * 2654435761u) % 5000);
		add(&s, id);
	}
	i = spill_nth_by_id(&s, 1234);
	saved = capture_start(1, &tmp);
	spill_write(&s, i);
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_string_equal(text, "r01234\t\tQ r01234?\t\n");
	free(text);
	spill_free(&s);
}

/* A file of n records, ids r0..r(n-1) spread, with repeats where asked. */
static char *
bank(size_t n, const char *extra)
{
	static char path[] = "/tmp/qb-test-spill.XXXXXX";
	FILE *f;
	size_t i;
	int fd;

	strcpy(path, "/tmp/qb-test-spill.XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(f = fdopen(fd, "w"));
	for (i = 0; i < n; i++)
		fprintf(f, "r%zu\tt\tQ %zu?\tA\n", (i * 7919) % n, i);
	fputs(extra, f);
	fclose(f);
	return path;
}

/* Reads the file as qb-pick --daily does: src, spill, unique ids. */
static size_t
read_unique(char *path, struct spill *sp)
{
	struct src s;
	char *files[] = { path, NULL };

	src_init(&s, 1, files, SRC_STDIN);
	spill_init(sp);
	spill_unique(sp);
	spill_read(sp, &s);
	spill_done(sp);
	src_free(&s);
	return sp->n;
}

/*
 * Every repeat is found, however many ids came before it (src.h stops
 * looking after SRC_IDS_MAX), reported with the line of the first, and
 * dropped; the first is kept, from its place in the file.
 */
static void
repeats_past_src_bound(void **state)
{
	size_t n = SRC_IDS_MAX + 1000, i, at = 0, found;
	char *path = bank(n, "r5\tt\tAgain?\nr70000\tt\tNew?\tN\n"
	    "r70000\tt\tThird?\n"), *err, *out;
	struct spill sp;
	FILE *tmp;
	int saved;

	(void)state;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	assert_int_equal(read_unique(path, &sp), n + 1);
	err = capture_end(2, saved, tmp);
	/* r5 is line 5 * 7919^-1 mod n: found by its question. */
	for (i = 0; i < n && (i * 7919) % n != 5; i++)
		;
	{
		char want[256];

		snprintf(want, sizeof(want), "qb-test: %s:%zu: duplicate id "
		    "'r5', first at %s:%zu\nqb-test: %s:%zu: duplicate id "
		    "'r70000', first at %s:%zu\n", path, n + 1, path, i + 1,
		    path, n + 3, path, n + 2);
		assert_string_equal(err, want);
	}
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	for (i = 0, found = 0; i < sp.n; i++) {
		size_t len;
		const char *id = spill_id(&sp, i, &len);

		if (len == 6 && memcmp(id, "r70000", 6) == 0)
			at = i, found++;
	}
	assert_int_equal(found, 1);
	saved = capture_start(1, &tmp);
	spill_write(&sp, at);
	out_flush();
	out = capture_end(1, saved, tmp);
	assert_string_equal(out, "r70000\tt\tNew?\tN\n");
	free(out);
	free(err);
	spill_free(&sp);
	unlink(path);
}

/* A bad line after a repeat: the repeat is reported first, in order. */
static void
repeat_reported_before_a_later_bad_line(void **state)
{
	char *path = bank(10, "r3\tt\tAgain?\nbad\tline\nr4\tt\tAnd?\n"),
	    *err;
	struct spill sp;
	FILE *tmp;
	int saved;
	char want[512];

	(void)state;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	assert_int_equal(read_unique(path, &sp), 10);
	err = capture_end(2, saved, tmp);
	/* r3 is line 8 (7 * 7919 % 10 == 3), r4 line 7. */
	snprintf(want, sizeof(want), "qb-test: %s:11: duplicate id 'r3', "
	    "first at %s:8\nqb-test: %s:12: ", path, path, path);
	assert_memory_equal(err, want, strlen(want));
	assert_non_null(strstr(err, "\nqb-test: "));
	snprintf(want, sizeof(want), "qb-test: %s:13: duplicate id 'r4', "
	    "first at %s:7\n", path, path);
	assert_non_null(strstr(err, want));
	free(err);
	spill_free(&sp);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nth_is_rank_in_id_order),
		cmocka_unit_test(nth_of_long_ids),
		cmocka_unit_test(many_records_and_write_back),
		cmocka_unit_test(repeats_past_src_bound),
		cmocka_unit_test(repeat_reported_before_a_later_bad_line),
	};

	return cmocka_run_group_tests_name("spill", tests, NULL, NULL);
}

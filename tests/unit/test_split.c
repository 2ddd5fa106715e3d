#include "unit.h"
#include "diag.h"
#include "src.h"

/*
 * A file of n records with ids, and bad lines at the given line numbers
 * (1-based; each replaces a record), a duplicate of the first id at dup.
 */
static void
write_bank(const char *path, unsigned long n, const unsigned long *bad,
    size_t nbad, unsigned long dup)
{
	FILE *f = fopen(path, "w");
	unsigned long line;
	size_t b = 0;

	assert_non_null(f);
	for (line = 1; line <= n; line++) {
		if (b < nbad && bad[b] == line) {
			fprintf(f, "bad%lu\tline\n", line);
			b++;
		} else if (line == dup)
			fprintf(f, "id1\tt\tAgain?\tA.\n");
		else
			fprintf(f, "id%lu\tt%lu\tQuestion %lu?\tAnswer.\n",
			    line, line % 7, line);
	}
	fclose(f);
}

/* Records with an odd id, from any thread. */
static int
odd_line(struct src *s, void *ctx)
{
	const struct rec *r = &s->rec;

	(void)ctx;
	return (r->id.p[r->id.len - 1] - '0') % 2;
}

static void *
odd_ctx_new(void *ctx)
{
	(void)ctx;
	return xmalloc(1);
}

/*
 * src_count() over path, read as fmt (IMPORT_QB: by its name), split
 * (QB_SPLIT_MIN=1) or not (QB_THREADS=1): the count, its messages in
 * *err, whether another thread's count was taken in *split.
 */
static unsigned long
count_import(char *path, enum import_format fmt, int threads, char **err,
    int *split)
{
	struct src_counter c = { .keep = odd_line, .ctx_new = odd_ctx_new,
	    .ctx_free = free };
	unsigned long n;
	struct src s;
	FILE *tmp;
	int saved;

	setenv("QB_THREADS", threads == 1 ? "1" : "2", 1);
	setenv("QB_SPLIT_MIN", "1", 1);
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	src_init(&s, 1, &path, SRC_STDIN);
	if (fmt != IMPORT_QB)
		src_read_formats(&s, (int)fmt);
	n = src_count(&s, &c);
	*err = capture_end(2, saved, tmp);
	*split = s.counted_ahead > 0;
	src_free(&s);
	unsetenv("QB_THREADS");
	unsetenv("QB_SPLIT_MIN");
	return n;
}

static unsigned long
count_file(char *path, int threads, char **err, int *split)
{
	return count_import(path, IMPORT_QB, threads, err, split);
}

static void
split_count_is_one_threads_count(void **state)
{
	static const unsigned long bad[] = { 7, 60001, 99999 };
	char path[] = "/tmp/qb-src-split-XXXXXX", *one, *two;
	unsigned long n1, n2;
	int split, status;

	(void)state;
	close(mkstemp(path));
	write_bank(path, 100000, bad, 3, 0);
	n2 = count_file(path, 2, &two, &split);
	status = diag_status();
	assert_true(split);
	n1 = count_file(path, 1, &one, &split);
	assert_false(split);
	assert_int_equal(n1, n2);
	assert_int_equal(n1, 50000 - 3);
	assert_string_equal(one, two);
	assert_non_null(strstr(two, ":7: 2 fields"));
	assert_non_null(strstr(two, ":99999: 2 fields"));
	assert_true(strstr(two, ":60001:") > strstr(two, ":7:"));
	assert_int_equal(diag_status(), status);
	assert_int_equal(status, STATUS_TROUBLE);
	free(one);
	free(two);
	unlink(path);
}

/* Ids are checked up to SRC_IDS_MAX: a small file is read by one thread. */
static void
split_not_taken_while_ids_are_checked(void **state)
{
	char path[] = "/tmp/qb-src-split-XXXXXX", *one, *two;
	int split;

	(void)state;
	close(mkstemp(path));
	write_bank(path, 1001, NULL, 0, 901);
	assert_int_equal(count_file(path, 2, &two, &split), 500);
	assert_false(split);
	assert_int_equal(count_file(path, 1, &one, &split), 500);
	assert_string_equal(one, two);
	assert_non_null(strstr(two, ":901: duplicate id 'id1', first at "));
	free(one);
	free(two);
	unlink(path);
}

/* Messages past the bound of those held go through the queue in order. */
static void
split_many_messages_stream(void **state)
{
	unsigned long *bad = xcalloc(40000, sizeof(*bad)), n1, n2;
	char path[] = "/tmp/qb-src-split-XXXXXX", *one, *two;
	size_t i;
	int split;

	(void)state;
	for (i = 0; i < 40000; i++)
		bad[i] = 60000 + 2 * i;
	close(mkstemp(path));
	write_bank(path, 140000, bad, 40000, 0);
	n2 = count_file(path, 2, &two, &split);
	assert_true(split);
	n1 = count_file(path, 1, &one, &split);
	assert_int_equal(n1, n2);
	assert_string_equal(one, two);
	assert_non_null(strstr(two, ":139998: 2 fields"));
	free(one);
	free(two);
	free(bad);
	unlink(path);
}

/* keep() and ahead() see every record once, in order: ids 1 to n. */
struct in_order {
	unsigned long	 next;		/* the id expected */
	unsigned long	 ahead;		/* records given by ahead() */
	int		 wrong;
};

static unsigned long
id_number(const struct rec *r)
{
	return strtoul(r->id.p + 2, NULL, 10);
}

static void
check_order(struct in_order *o, const struct rec *r)
{
	/* Bad lines replace records: their ids are skipped. */
	while (o->next < id_number(r))
		o->next++;
	o->wrong |= id_number(r) != o->next++;
}

static int
in_order_keep(struct src *s, void *arg)
{
	check_order(arg, &s->rec);
	return 1;
}

static void
in_order_ahead(struct src *s, unsigned long n, void *arg)
{
	struct in_order *o = arg;
	unsigned long i, first = o->next;

	o->ahead += n;
	for (i = 0; i < n; i++)
		check_order(o, src_ahead_rec(s, i));
	/* Read again out of order, and from a mark far on. */
	o->wrong |= id_number(src_ahead_rec(s, n - 1)) < first + n - 1;
	o->wrong |= id_number(src_ahead_rec(s, 3)) < first + 3;
	o->wrong |= id_number(src_ahead_rec(s, 3000)) < first + 3000;
}

static void
split_records_ahead_read_again(void **state)
{
	static const unsigned long bad[] = { 80000, 80001, 90000 };
	char path[] = "/tmp/qb-src-split-XXXXXX", *p = path;
	struct in_order o = { 1, 0, 0 };
	struct src_counter c = { .keep = in_order_keep, .ctx = &o,
	    .ahead = in_order_ahead };
	struct src s;
	FILE *tmp;
	char *err;
	int saved;

	(void)state;
	close(mkstemp(path));
	write_bank(path, 100000, bad, 3, 0);
	setenv("QB_SPLIT_MIN", "1", 1);
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	src_init(&s, 1, &p, SRC_STDIN);
	(void)src_count(&s, &c);
	src_free(&s);
	err = capture_end(2, saved, tmp);
	assert_non_null(strstr(err, ":90000: 2 fields"));
	free(err);
	unsetenv("QB_SPLIT_MIN");
	assert_true(o.ahead > 40000);
	assert_false(o.wrong);
	unlink(path);
}

/*
 * A CSV file of n rows: every 13th with a field on two lines, bad rows
 * (text after a closing quote) at the rows in bad; when noid is not 0,
 * rows 3 and noid have no id (derived from the question they share).
 */
static void
write_csv(const char *path, unsigned long n, const unsigned long *bad,
    size_t nbad, unsigned long noid)
{
	FILE *f = fopen(path, "w");
	unsigned long row;
	size_t b = 0;

	assert_non_null(f);
	fprintf(f, "id,tags,question,answer\n");
	for (row = 1; row <= n; row++) {
		if (b < nbad && bad[b] == row) {
			fprintf(f, "bad%lu,t,\"Q\"?,A\n", row);
			b++;
		} else if (noid != 0 && (row == noid || row == 3))
			fprintf(f, ",t,Question 3?,A\n");
		else if (row % 13 == 0)
			fprintf(f, "id%lu,\"t,x\",\"Question %lu?\",\"Two\n"
			    "lines, \"\"quoted\"\".\"\n", row, row);
		else
			fprintf(f, "id%lu,t%lu,Question %lu?,Answer.\n", row,
			    row % 7, row);
	}
	fclose(f);
}

/*
 * An import is read in rounds by both threads: the same count and
 * messages as one thread gives, with a derived id in the second part.
 */
static void
split_import_is_one_threads(void **state)
{
	static const unsigned long bad[] = { 7, 60001, 88888, 99999 };
	char path[] = "/tmp/qb-src-split-XXXXXX", *one, *two;
	unsigned long n1, n2;
	int split;

	(void)state;
	close(mkstemp(path));
	write_csv(path, 100000, bad, 4, 95000);
	n2 = count_import(path, IMPORT_CSV, 2, &two, &split);
	assert_true(split);
	n1 = count_import(path, IMPORT_CSV, 1, &one, &split);
	assert_false(split);
	assert_int_equal(n1, n2);
	assert_string_equal(one, two);
	assert_non_null(strstr(two, ":8: text after the closing quote"));
	assert_non_null(strstr(two, ":107692: text after the closing quote"));
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	free(one);
	free(two);
	unlink(path);
}

/* An import's records are not read again: no other thread for ahead(). */
static void
split_import_not_for_ahead(void **state)
{
	char path[] = "/tmp/qb-src-split-XXXXXX", *p = path;
	struct in_order o = { 1, 0, 0 };
	struct src_counter c = { .keep = in_order_keep, .ctx = &o,
	    .ahead = in_order_ahead };
	struct src s;

	(void)state;
	close(mkstemp(path));
	write_csv(path, 100000, NULL, 0, 0);
	setenv("QB_SPLIT_MIN", "1", 1);
	src_init(&s, 1, &p, SRC_STDIN);
	src_read_formats(&s, IMPORT_CSV);
	(void)src_count(&s, &c);
	src_free(&s);
	unsetenv("QB_SPLIT_MIN");
	assert_int_equal(o.ahead, 0);
	assert_false(o.wrong);
	assert_int_equal(o.next, 100001);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(split_count_is_one_threads_count),
		cmocka_unit_test(split_not_taken_while_ids_are_checked),
		cmocka_unit_test(split_many_messages_stream),
		cmocka_unit_test(split_records_ahead_read_again),
		cmocka_unit_test(split_import_is_one_threads),
		cmocka_unit_test(split_import_not_for_ahead),
	};

	return cmocka_run_group_tests_name("split", tests, NULL, NULL);
}

#include "unit.h"
#include "diag.h"
#include "src.h"

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
records_across_files_and_bad_lines(void **state)
{
	char a[] = "/tmp/qb-src-a-XXXXXX", b[] = "/tmp/qb-src-b-XXXXXX";
	char *files[3], *err;
	FILE *tmp;
	struct src s;
	struct rec *r;
	int saved, n = 0;

	(void)state;
	close(mkstemp(a));
	close(mkstemp(b));
	write_file(a, "# c\n1\t\tOne?\nbad\tline\n\n2\t\tTwo?\n");
	write_file(b, "3\t\tThree?");
	files[0] = a;
	files[1] = "/nonexistent/qb";
	files[2] = b;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	src_init(&s, 3, files, SRC_STDIN);
	while ((r = src_next(&s)) != NULL) {
		char want[2] = { (char)('1' + n++), '\0' };

		assert_int_equal(r->id.len, 1);
		assert_memory_equal(r->id.p, want, 1);
	}
	err = capture_end(2, saved, tmp);
	assert_int_equal(n, 3);
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	assert_non_null(strstr(err, ":3: 2 fields"));
	assert_non_null(strstr(err, "/nonexistent/qb: No such file"));
	src_free(&s);
	free(err);
	unlink(a);
	unlink(b);
}

static void
lenient_bad_lines_are_findings(void **state)
{
	char a[] = "/tmp/qb-src-XXXXXX";
	char *files[1] = { a }, *err;
	FILE *tmp;
	struct src s;
	int saved;

	(void)state;
	close(mkstemp(a));
	write_file(a, "bad\tline\n");
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	src_init(&s, 1, files, SRC_STDIN);
	src_set_lenient(&s);
	assert_null(src_next(&s));
	err = capture_end(2, saved, tmp);
	assert_non_null(strstr(err, ":1: 2 fields"));
	assert_int_equal(diag_status(), STATUS_NONE);
	src_free(&s);
	free(err);
	unlink(a);
}

static void
builtin_bank_by_default(void **state)
{
	struct src s;
	int n = 0;

	(void)state;
	unsetenv("QB_PATH");
	assert_non_null(freopen("/dev/null", "r", stdin));	/* no data */
	src_init(&s, 0, NULL, SRC_BANK);
	while (src_next(&s) != NULL)
		n++;
	assert_int_equal(n, 78);	/* data/backend.qb */
	src_free(&s);
}

/* What counts as data on standard input (qb-list(1)), by kind of file. */
static void
stdin_has_data_by_kind(void **state)
{
	char path[] = "/tmp/qb-src-in-XXXXXX";
	int fd, p[2], silent;

	(void)state;
	fd = open("/dev/null", O_RDONLY);
	assert_int_equal(src_stdin_has_data(fd, 0, &silent), 0);
	assert_int_equal(silent, 0);
	close(fd);
	fd = mkstemp(path);
	assert_int_equal(src_stdin_has_data(fd, 0, &silent), 0);
	assert_int_equal(write(fd, "Q?\n", 3), 3);
	assert_int_equal(src_stdin_has_data(fd, 0, &silent), 0); /* at end */
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(src_stdin_has_data(fd, 0, &silent), 1);
	close(fd);
	unlink(path);
	assert_int_equal(pipe(p), 0);
	assert_int_equal(src_stdin_has_data(p[0], 10, &silent), 0);
	assert_int_equal(silent, 1);		/* open and silent */
	assert_int_equal(write(p[1], "x", 1), 1);
	assert_int_equal(src_stdin_has_data(p[0], 10, &silent), 1);
	assert_int_equal(silent, 0);
	close(p[0]);
	close(p[1]);
	assert_int_equal(pipe(p), 0);
	close(p[1]);
	assert_int_equal(src_stdin_has_data(p[0], 10, &silent), 0);
	assert_int_equal(silent, 0);		/* an empty pipe at its end */
	close(p[0]);
}

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
 * src_count() over path, split (QB_SPLIT_MIN=1) or not (QB_THREADS=1):
 * the count, its messages in *err, whether another thread's count was
 * taken in *split.
 */
static unsigned long
count_file(char *path, int threads, char **err, int *split)
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
	n = src_count(&s, &c);
	*err = capture_end(2, saved, tmp);
	*split = s.counted_ahead > 0;
	src_free(&s);
	unsetenv("QB_THREADS");
	unsetenv("QB_SPLIT_MIN");
	return n;
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

/* Messages held past their bound: this thread reads the part again. */
static void
split_given_up_on_many_messages(void **state)
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
	assert_false(split);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(records_across_files_and_bad_lines),
		cmocka_unit_test(lenient_bad_lines_are_findings),
		cmocka_unit_test(builtin_bank_by_default),
		cmocka_unit_test(stdin_has_data_by_kind),
		cmocka_unit_test(split_count_is_one_threads_count),
		cmocka_unit_test(split_not_taken_while_ids_are_checked),
		cmocka_unit_test(split_given_up_on_many_messages),
		cmocka_unit_test(split_records_ahead_read_again),
	};

	return cmocka_run_group_tests_name("src", tests, NULL, NULL);
}

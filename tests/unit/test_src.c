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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(records_across_files_and_bad_lines),
		cmocka_unit_test(lenient_bad_lines_are_findings),
		cmocka_unit_test(builtin_bank_by_default),
		cmocka_unit_test(stdin_has_data_by_kind),
	};

	return cmocka_run_group_tests_name("src", tests, NULL, NULL);
}

#include <fcntl.h>

#include "unit.h"
#include "line.h"

/* Reads all lines of the memory as "line|line|...". */
static char *
join_lines(struct reader *r)
{
	static char out[4096];
	struct span l;
	size_t n = 0;

	out[0] = '\0';
	while (reader_next(r, &l) == 1) {
		assert_true(n + l.len + 2 < sizeof(out));
		memcpy(out + n, l.p, l.len);
		n += l.len;
		out[n++] = '|';
		out[n] = '\0';
	}
	return out;
}

static void
framing(void **state)
{
	struct reader r = { 0 };
	const char text[] = "\xef\xbb\xbf" "one\r\ntwo\n\nthree";

	(void)state;
	reader_open_mem(&r, "mem", text, sizeof(text) - 1);
	assert_string_equal(join_lines(&r), "one|two||three|");
	assert_int_equal(r.lineno, 4);
	reader_free(&r);
}

static void
bom_only_on_first_line(void **state)
{
	struct reader r = { 0 };
	const char text[] = "a\n\xef\xbb\xbf" "b\n";

	(void)state;
	reader_open_mem(&r, "mem", text, sizeof(text) - 1);
	assert_string_equal(join_lines(&r), "a|\xef\xbb\xbf" "b|");
	reader_free(&r);
}

static void
empty_input(void **state)
{
	struct reader r = { 0 };
	struct span l;

	(void)state;
	reader_open_mem(&r, "mem", "", 0);
	assert_int_equal(reader_next(&r, &l), 0);
	reader_free(&r);
}

static void
nul_bytes_stay_in_the_line(void **state)
{
	struct reader r = { 0 };
	struct span l;

	(void)state;
	reader_open_mem(&r, "mem", "a\0b\nc", 5);
	assert_int_equal(reader_next(&r, &l), 1);
	assert_int_equal(l.len, 3);
	assert_memory_equal(l.p, "a\0b", 3);
	reader_free(&r);
}

/* Lines far longer than one read block come out whole, from a file. */
static void
long_lines_from_file(void **state)
{
	char path[] = "/tmp/qb-line-XXXXXX";
	struct reader r = { 0 };
	size_t big = 1000 * 1000, i;
	struct span l;
	char *text;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	text = malloc(big);
	assert_non_null(text);
	memset(text, 'x', big);
	for (i = 0; i < 3; i++) {
		assert_int_equal(write(fd, text, big - i), (ssize_t)(big - i));
		assert_int_equal(write(fd, "\n", 1), 1);
	}
	close(fd);
	assert_int_equal(reader_open(&r, path), 0);
	for (i = 0; i < 3; i++) {
		assert_int_equal(reader_next(&r, &l), 1);
		assert_int_equal(l.len, big - i);
		assert_int_equal(l.p[0], 'x');
		assert_int_equal(l.p[l.len - 1], 'x');
	}
	assert_int_equal(reader_next(&r, &l), 0);
	assert_int_equal(r.lineno, 3);
	reader_free(&r);
	unlink(path);
	free(text);
}

static void
many_short_lines_from_file(void **state)
{
	char path[] = "/tmp/qb-line-XXXXXX";
	struct reader r = { 0 };
	struct span l;
	unsigned long n = 0;
	FILE *f;
	int fd, i;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	for (i = 0; i < 100000; i++)
		fprintf(f, "line %d\n", i);
	fclose(f);
	assert_int_equal(reader_open(&r, path), 0);
	while (reader_next(&r, &l) == 1) {
		char want[32];

		snprintf(want, sizeof(want), "line %lu", n++);
		assert_int_equal(l.len, strlen(want));
		assert_memory_equal(l.p, want, l.len);
	}
	assert_int_equal(n, 100000);
	reader_free(&r);
	unlink(path);
}

static void
open_errors(void **state)
{
	struct reader r = { 0 };
	struct span l;

	(void)state;
	assert_int_equal(reader_open(&r, "/nonexistent/qb"), -1);
	assert_int_equal(reader_open(&r, "/"), 0);
	assert_int_equal(reader_next(&r, &l), -1);	/* EISDIR */
	reader_free(&r);
}

/*
 * A file opened as fd 0 (standard input was closed) is closed with the
 * reader; a descriptor handed in stays open.
 */
static void
owned_descriptors_only_are_closed(void **state)
{
	struct reader r = { 0 };
	int saved, fd;

	(void)state;
	saved = dup(STDIN_FILENO);
	close(STDIN_FILENO);
	assert_int_equal(reader_open(&r, "/dev/null"), 0);
	assert_int_equal(r.fd, STDIN_FILENO);
	reader_close(&r);
	assert_int_equal(fcntl(STDIN_FILENO, F_GETFD), -1);
	fd = open("/dev/null", O_RDONLY);
	reader_open_fd(&r, "given", fd);
	reader_close(&r);
	assert_int_not_equal(fcntl(fd, F_GETFD), -1);
	close(fd);
	reader_free(&r);
	dup2(saved, STDIN_FILENO);
	close(saved);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(framing),
		cmocka_unit_test(bom_only_on_first_line),
		cmocka_unit_test(empty_input),
		cmocka_unit_test(nul_bytes_stay_in_the_line),
		cmocka_unit_test(long_lines_from_file),
		cmocka_unit_test(many_short_lines_from_file),
		cmocka_unit_test(open_errors),
		cmocka_unit_test(owned_descriptors_only_are_closed),
	};

	return cmocka_run_group_tests_name("line", tests, NULL, NULL);
}

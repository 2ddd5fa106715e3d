#include "unit.h"
#include "diag.h"
#include "out.h"

static void
writes_in_order(void **state)
{
	FILE *tmp;
	char *text, big[100000];
	int saved;

	(void)state;
	memset(big, 'b', sizeof(big));
	saved = capture_start(1, &tmp);
	out_str("one ");
	out_char('2');
	out_printf(" %s %d\n", "three", 4);
	out_write(big, sizeof(big));		/* larger than the buffer */
	out_str("end\n");
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_int_equal(strlen(text), 14 + sizeof(big) + 4);
	assert_memory_equal(text, "one 2 three 4\n", 14);
	assert_string_equal(text + 14 + sizeof(big), "end\n");
	free(text);
}

static void
long_printf(void **state)
{
	FILE *tmp;
	char *text, arg[1000];
	int saved;

	(void)state;
	memset(arg, 'x', sizeof(arg) - 1);
	arg[sizeof(arg) - 1] = '\0';
	saved = capture_start(1, &tmp);
	out_printf("<%s>", arg);
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_int_equal(strlen(text), sizeof(arg) + 1);
	free(text);
}

/* out_space() between other pieces, across the buffer's end, too big. */
static void
space_in_order(void **state)
{
	FILE *tmp;
	char *text, *o;
	size_t i, n = 0;
	int saved;

	(void)state;
	saved = capture_start(1, &tmp);
	for (i = 0; i < 10000; i++) {
		out_char('<');
		o = out_space(7);
		assert_non_null(o);
		memcpy(o, "1234567", 7);
		out_str(">\n");
		n += 10;
	}
	assert_null(out_space(10 * 1024 * 1024));
	out_str("end\n");
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_int_equal(strlen(text), n + 4);
	for (i = 0; i < n; i += 10)
		assert_memory_equal(text + i, "<1234567>\n", 10);
	assert_string_equal(text + n, "end\n");
	free(text);
}

static void
write_endlessly(void)
{
	diag_init("qb-test");
	for (;;)
		out_str("a line that will not fit on a full disk\n");
}

static void
full_disk_stops_with_one_message(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(child_status(write_endlessly, "/dev/full", &err), 2);
	assert_string_equal(err, "qb-test: write error: No space left on device\n");
	free(err);
}

static void
close_small(void)
{
	diag_init("qb-test");
	out_str("short\n");
	out_close();
}

static void
final_flush_is_checked(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(child_status(close_small, "/dev/full", &err), 2);
	assert_string_equal(err, "qb-test: write error: No space left on device\n");
	free(err);
	assert_int_equal(child_status(close_small, NULL, &err), 0);
	assert_string_equal(err, "");
	free(err);
}

struct diverted {
	struct buf	 bytes;
	off_t		 off;
	size_t		 ranged;
};

static void
divert_bytes(void *arg, const void *p, size_t n)
{
	buf_add(&((struct diverted *)arg)->bytes, p, n);
}

static void
divert_range(void *arg, off_t off, const void *p, size_t n)
{
	struct diverted *d = arg;

	(void)p;
	d->off = off;
	d->ranged += n;
}

/* Diverted output reaches the sink, not stdout; out_copy() copies files. */
static void
divert_and_copy(void **state)
{
	char path[] = "/tmp/qb-out-copy-XXXXXX";
	struct diverted d = { { 0 }, 0, 0 };
	struct out_sink sink = { divert_bytes, divert_range, &d, NULL };
	FILE *tmp;
	char *text;
	int saved, fd;

	(void)state;
	fd = mkstemp(path);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	saved = capture_start(1, &tmp);
	out_str("a");
	out_divert(&sink);
	out_str("b");
	out_char('c');
	out_printf("%d", 42);
	assert_null(out_space(1));	/* no room in a buffer not used */
	out_write_file(fd, 3, "345", 3);
	out_flush();
	out_divert(NULL);
	out_str("d");
	out_copy(fd, 2, 5);
	out_copy(fd, 7, 1);		/* goes on from the one before */
	out_str("e");
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_string_equal(text, "ad234567e");
	assert_int_equal(d.bytes.len, 4);
	assert_memory_equal(d.bytes.p, "bc42", 4);
	assert_int_equal(d.off, 3);
	assert_int_equal(d.ranged, 3);
	buf_free(&d.bytes);
	free(text);
	out_release(fd);
	close(fd);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_in_order),
		cmocka_unit_test(long_printf),
		cmocka_unit_test(space_in_order),
		cmocka_unit_test(full_disk_stops_with_one_message),
		cmocka_unit_test(final_flush_is_checked),
		cmocka_unit_test(divert_and_copy),
	};

	return cmocka_run_group_tests_name("out", tests, NULL, NULL);
}

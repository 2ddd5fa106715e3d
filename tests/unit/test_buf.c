#include "unit.h"
#include "buf.h"

static void
grows_and_keeps_bytes(void **state)
{
	struct buf b = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 10000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 10000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.p[9999], 'a' + 9999 % 26);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	buf_adds(&b, "hello");
	buf_add(&b, ", world", 7);
	assert_string_equal(buf_cstr(&b), "hello, world");
	buf_free(&b);
	assert_null(b.p);
}

static void
empty_cstr(void **state)
{
	struct buf b = { 0 };

	(void)state;
	assert_string_equal(buf_cstr(&b), "");
	buf_free(&b);
}

/* An element count whose byte size overflows ends the command, exit 2. */
static void
array_size_overflow_is_fatal(void **state)
{
	pid_t pid;
	int status;
	void *p;

	(void)state;
	p = xreallocarray(NULL, 3, sizeof(int));
	free(p);
	if ((pid = fork()) == 0) {
		int fd = open("/dev/null", O_WRONLY);

		dup2(fd, 2);
		p = xreallocarray(NULL, SIZE_MAX / 4 + 2, 4);
		_exit(p == NULL ? 3 : 0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows_and_keeps_bytes),
		cmocka_unit_test(empty_cstr),
		cmocka_unit_test(array_size_overflow_is_fatal),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}

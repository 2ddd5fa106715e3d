#include "unit.h"
#include "diag.h"
#include "state.h"

static char path[] = "/tmp/qb-state-XXXXXX";

static int
setup(void **state)
{
	(void)state;
	close(mkstemp(path));
	unlink(path);
	diag_init("qb-test");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

static char *
contents(void)
{
	static char text[256];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static void
missing_file_is_created_empty(void **state)
{
	struct state s;

	(void)state;
	assert_int_equal(state_open(&s, path), 0);
	assert_int_equal(s.ids.n, 0);
	state_close(&s);
	assert_string_equal(contents(), "");
}

static void
commit_appends_then_new_round_replaces(void **state)
{
	struct buf lines[2] = { { 0 }, { 0 } };
	struct state s;

	(void)state;
	buf_adds(&lines[0], "id-a\t\tQ?\t\n");
	buf_adds(&lines[1], "id-b\tt\tQ?\tA\n");
	assert_int_equal(state_open(&s, path), 0);
	assert_int_equal(state_commit(&s, 0, lines, 1), 0);
	state_close(&s);
	assert_string_equal(contents(), "id-a\n");

	assert_int_equal(state_open(&s, path), 0);
	assert_true(state_has(&s, "id-a", 4));
	assert_false(state_has(&s, "id-b", 4));
	assert_int_equal(state_commit(&s, 0, lines + 1, 1), 0);
	state_close(&s);
	assert_string_equal(contents(), "id-a\nid-b\n");

	assert_int_equal(state_open(&s, path), 0);
	assert_int_equal(state_commit(&s, 1, lines + 1, 1), 0);
	state_close(&s);
	assert_string_equal(contents(), "id-b\n");
	buf_free(&lines[0]);
	buf_free(&lines[1]);
}

static void
corrupt_file_is_an_error_and_left_alone(void **state)
{
	struct state s;
	FILE *f = fopen(path, "w"), *tmp;
	char *err;
	int saved;

	(void)state;
	fputs("id-a\nnot an id\n", f);
	fclose(f);
	saved = capture_start(2, &tmp);
	assert_int_equal(state_open(&s, path), -1);
	err = capture_end(2, saved, tmp);
	state_close(&s);
	assert_non_null(strstr(err, ":2: not an id"));
	assert_string_equal(contents(), "id-a\nnot an id\n");
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(missing_file_is_created_empty),
		cmocka_unit_test(commit_appends_then_new_round_replaces),
		cmocka_unit_test(corrupt_file_is_an_error_and_left_alone),
	};

	return cmocka_run_group_tests_name("state", tests, setup, teardown);
}

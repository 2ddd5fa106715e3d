#include <errno.h>

#include "unit.h"
#include "diag.h"

static void
line_message_format(void **state)
{
	FILE *tmp;
	int saved;
	char *text;

	(void)state;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	diag_line("bank.qb", 12, "bad %s", "thing");
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, "qb-test: bank.qb:12: bad thing\n");
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	free(text);
}

static void
line_notice_raises_to_none(void **state)
{
	FILE *tmp;
	int saved;
	char *text;

	(void)state;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	diag_line_notice("bank.qb", 3, "duplicate id '%s'", "x");
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, "qb-test: bank.qb:3: duplicate id 'x'\n");
	assert_int_equal(diag_status(), STATUS_NONE);
	free(text);
}

/* Long file names and messages come out whole: no fixed-size buffer. */
static void
long_names_are_not_cut(void **state)
{
	char name[4001], arg[3001], want[8000];
	FILE *tmp;
	int saved;
	char *text;

	(void)state;
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	memset(arg, 'a', sizeof(arg) - 1);
	arg[sizeof(arg) - 1] = '\0';
	snprintf(want, sizeof(want), "qb-test: %s:7: bad %s\n", name, arg);
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	diag_line(name, 7, "bad %s", arg);
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, want);
	free(text);
	snprintf(want, sizeof(want), "qb-test: %s: %s\n", name, strerror(ENOENT));
	saved = capture_start(2, &tmp);
	errno = ENOENT;
	diag_syswarn("%s", name);
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, want);
	free(text);
}

static void
warn_raises_to_trouble(void **state)
{
	FILE *tmp;
	int saved;
	char *text;

	(void)state;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	diag_warn("%d problems", 3);
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, "qb-test: 3 problems\n");
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	free(text);
}

static void
controls_and_bad_bytes_are_defanged(void **state)
{
	FILE *tmp;
	int saved;
	char *text;

	(void)state;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	diag_line("a\033[2J\xc2\x9b\x9b\xff.qb", 1, "x\ty\x7f é 中");
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, "qb-test: a?[2J???\?.qb:1: x?y? é 中\n");
	free(text);
}

static void
status_only_rises(void **state)
{
	(void)state;
	diag_init("qb-test");
	diag_raise(STATUS_NONE);
	assert_int_equal(diag_status(), STATUS_NONE);
	diag_raise(STATUS_TROUBLE);
	diag_raise(STATUS_NONE);
	diag_raise(STATUS_OK);
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	assert_string_equal(diag_prog(), "qb-test");
}

static int before_runs;

static void
before(void *arg)
{
	before_runs++;
	diag_line("bank.qb", 3, "%s", (const char *)arg);
}

/* What diag_before() prints comes first, and does not run it again. */
static void
before_messages_first(void **state)
{
	FILE *tmp;
	int saved;
	char *text;

	(void)state;
	diag_init("qb-test");
	before_runs = 0;
	diag_before(before, "found late");
	saved = capture_start(2, &tmp);
	diag_line("bank.qb", 9, "bad line");
	diag_before(NULL, NULL);
	diag_warn("after");
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, "qb-test: bank.qb:3: found late\n"
	    "qb-test: bank.qb:9: bad line\nqb-test: after\n");
	assert_int_equal(before_runs, 1);
	free(text);
}

/*
 * Closed fds 0-2 are opened on /dev/null the wrong way round: the next
 * file opened gets fd 3 or more, and a write to stdout still fails.
 */
static void
closed_standard_fds_are_filled(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	if ((pid = fork()) == 0) {
		int fd;

		close(0);
		close(1);
		close(2);
		diag_init("qb-test");
		fd = open("/dev/null", O_RDONLY);
		_exit(fd < 3 ? 1 : write(1, "x", 1) == -1 ? 0 : 2);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

/* Held messages come out later, in order, renumbered, raising then. */
static void
held_messages_wait(void **state)
{
	struct diag_held h = { .max = 1 << 16 };
	FILE *tmp;
	int saved;
	char *text;

	(void)state;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	diag_hold(&h);
	diag_line_notice("b.qb", 2, "dup %d", 1);
	errno = ENOENT;
	diag_syswarn("b.qb");
	diag_line("b.qb", 5, "bad\ttab");
	diag_info("hint");
	diag_hold(NULL);
	assert_int_equal(diag_status(), STATUS_OK);
	diag_line("a.qb", 1, "first");
	diag_held_print(&h, 100);
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, "qb-test: a.qb:1: first\n"
	    "qb-test: b.qb:102: dup 1\n"
	    "qb-test: b.qb: No such file or directory\n"
	    "qb-test: b.qb:105: bad?tab\n"
	    "qb-test: hint\n");
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	assert_int_equal(h.msgs.len, 0);
	free(text);
}

/* Past the bound, messages are dropped and the holder told. */
static void
held_messages_bounded(void **state)
{
	struct diag_held h = { .max = 200 };
	FILE *tmp;
	int saved, i;
	char *text;

	(void)state;
	diag_init("qb-test");
	saved = capture_start(2, &tmp);
	diag_hold(&h);
	for (i = 0; i < 10; i++)
		diag_line("b.qb", (unsigned long)i, "a message of some length");
	diag_hold(NULL);
	assert_true(h.full);
	assert_true(h.msgs.len <= 200);
	buf_free(&h.msgs);
	text = capture_end(2, saved, tmp);
	assert_string_equal(text, "");
	assert_int_equal(diag_status(), STATUS_OK);
	free(text);
}

static void
spill_to(struct diag_held *h, void *arg)
{
	struct buf *spilled = arg;

	buf_add(spilled, "|", 1);
	buf_free(&h->msgs);
}

/* With a spill, nothing is dropped: the held messages go to it first. */
static void
held_messages_spilled(void **state)
{
	struct buf spilled = { 0 };
	struct diag_held h = { .max = 100, .spill = spill_to,
	    .arg = &spilled };
	int i;

	(void)state;
	diag_init("qb-test");
	diag_hold(&h);
	for (i = 0; i < 10; i++)
		diag_line("b.qb", (unsigned long)i, "a message of some length");
	diag_hold(NULL);
	assert_false(h.full);
	assert_true(spilled.len >= 4);
	assert_true(h.msgs.len > 0 && h.msgs.len <= 100);
	buf_free(&h.msgs);
	buf_free(&spilled);
	assert_int_equal(diag_status(), STATUS_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(line_message_format),
		cmocka_unit_test(line_notice_raises_to_none),
		cmocka_unit_test(long_names_are_not_cut),
		cmocka_unit_test(warn_raises_to_trouble),
		cmocka_unit_test(controls_and_bad_bytes_are_defanged),
		cmocka_unit_test(status_only_rises),
		cmocka_unit_test(before_messages_first),
		cmocka_unit_test(closed_standard_fds_are_filled),
		cmocka_unit_test(held_messages_wait),
		cmocka_unit_test(held_messages_bounded),
		cmocka_unit_test(held_messages_spilled),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}

#include <errno.h>
#include <sys/stat.h>

#include "unit.h"
#include "diag.h"
#include "keep.h"

static char dir[] = "/tmp/qb-keep-XXXXXX";
static char path[512];

static int
setup(void **state)
{
	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init("qb-test");
	return 0;
}

static int
teardown(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static const char *
in_dir(const char *name)
{
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

static char *
contents(const char *p)
{
	static char text[4096];
	FILE *f = fopen(p, "r");
	size_t n;

	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static void
write_file(const char *p, const char *text)
{
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* keep_init, and the start of its message on stderr ("" when none). */
static int
init_quietly(struct keep *k, const char *name, char **err)
{
	FILE *tmp;
	int saved = capture_start(2, &tmp), rc;

	rc = keep_init(k, name);
	*err = capture_end(2, saved, tmp);
	return rc;
}

static void
replace_then_read(void **state)
{
	struct keep k;
	struct buf b = { 0 };
	char *p = xstrdup(in_dir("st"));

	(void)state;
	assert_int_equal(keep_init(&k, p), 0);
	assert_int_equal(keep_lock(&k), 0);
	assert_int_equal(keep_read(&k, &b), 0);
	assert_int_equal(b.len, 0);
	assert_int_equal(keep_replace(&k, "a\nb\n", 4), 0);
	/* The lock is held on the new file: read it through the same keep. */
	assert_int_equal(keep_read(&k, &b), 0);
	assert_memory_equal(b.p, "a\nb\n", 4);
	keep_close(&k);
	assert_string_equal(contents(p), "a\nb\n");
	buf_free(&b);
	free(p);
}

static void
not_regular_files_are_refused(void **state)
{
	const char *names[] = { "/dev/null", "/dev/zero", "fifo", "." };
	char *fifo = xstrdup(in_dir("fifo"));
	struct keep k;
	size_t i;

	(void)state;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	names[2] = fifo;
	names[3] = dir;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *err;

		assert_int_equal(init_quietly(&k, names[i], &err), -1);
		assert_non_null(strstr(err, "not a regular file"));
		free(err);
		keep_close(&k);
	}
	free(fifo);
}

/* A FIFO put in place after the check is refused by keep_lock, at once. */
static void
fifo_after_the_check_does_not_hang(void **state)
{
	char *p = xstrdup(in_dir("late"));
	struct keep k;
	FILE *tmp;
	char *err;
	int saved;

	(void)state;
	assert_int_equal(keep_init(&k, p), 0);
	assert_int_equal(mkfifo(p, 0600), 0);
	saved = capture_start(2, &tmp);
	assert_int_equal(keep_lock(&k), -1);
	err = capture_end(2, saved, tmp);
	assert_non_null(strstr(err, "not a regular file"));
	keep_close(&k);
	free(err);
	free(p);
}

static void
symlink_target_is_updated(void **state)
{
	char *target = xstrdup(in_dir("target")), *link = xstrdup(in_dir("link"));
	struct keep k;
	struct stat st;

	(void)state;
	write_file(target, "old\n");
	assert_int_equal(symlink("target", link), 0);
	assert_int_equal(keep_init(&k, link), 0);
	assert_int_equal(keep_lock(&k), 0);
	assert_int_equal(keep_replace(&k, "new\n", 4), 0);
	keep_close(&k);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(contents(target), "new\n");
	/* A dangling link: its target is created. */
	unlink(target);
	assert_int_equal(keep_init(&k, link), 0);
	assert_int_equal(keep_lock(&k), 0);
	assert_int_equal(keep_replace(&k, "x\n", 2), 0);
	keep_close(&k);
	assert_string_equal(contents(target), "x\n");
	free(target);
	free(link);
}

static void
hard_links_are_refused(void **state)
{
	char *a = xstrdup(in_dir("a")), *b = xstrdup(in_dir("b")), *err;
	struct keep k;

	(void)state;
	write_file(a, "a\n");
	assert_int_equal(link(a, b), 0);
	assert_int_equal(init_quietly(&k, a, &err), -1);
	assert_non_null(strstr(err, "hard links"));
	keep_close(&k);
	free(err);
	free(a);
	free(b);
}

static void
owner_and_mode_are_kept(void **state)
{
	char *p = xstrdup(in_dir("owned"));
	struct keep k;
	struct stat st;

	(void)state;
	write_file(p, "a\n");
	assert_int_equal(chmod(p, 0640), 0);
	if (geteuid() == 0)
		assert_int_equal(chown(p, 1234, 5678), 0);
	assert_int_equal(keep_init(&k, p), 0);
	assert_int_equal(keep_lock(&k), 0);
	assert_int_equal(keep_replace(&k, "b\n", 2), 0);
	keep_close(&k);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	if (geteuid() == 0) {
		assert_int_equal(st.st_uid, 1234);
		assert_int_equal(st.st_gid, 5678);
	}
	free(p);
}

static void
leftover_temporaries_are_reclaimed(void **state)
{
	char *p = xstrdup(in_dir("st")), *left = xstrdup(in_dir(
	    "st.qbtmp-Ab12Cd")), *other = xstrdup(in_dir("st.qbtmp-toolong"));
	struct keep k;

	(void)state;
	write_file(left, "half");
	write_file(other, "not ours");
	assert_int_equal(keep_init(&k, p), 0);
	assert_int_equal(keep_lock(&k), 0);
	keep_close(&k);
	assert_int_equal(access(left, F_OK), -1);
	assert_int_equal(access(other, F_OK), 0);
	free(p);
	free(left);
	free(other);
}

static void
longest_names_can_be_updated(void **state)
{
	char name[256];
	size_t len;

	(void)state;
	for (len = 240; len <= 255; len++) {
		struct keep k;
		char *p;

		memset(name, 'n', len);
		name[len] = '\0';
		p = xstrdup(in_dir(name));
		assert_int_equal(keep_init(&k, p), 0);
		assert_int_equal(keep_lock(&k), 0);
		assert_int_equal(keep_replace(&k, "a\n", 2), 0);
		assert_int_equal(keep_replace(&k, "b\n", 2), 0);
		keep_close(&k);
		assert_string_equal(contents(p), "b\n");
		free(p);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(replace_then_read),
		cmocka_unit_test(not_regular_files_are_refused),
		cmocka_unit_test(fifo_after_the_check_does_not_hang),
		cmocka_unit_test(symlink_target_is_updated),
		cmocka_unit_test(hard_links_are_refused),
		cmocka_unit_test(owner_and_mode_are_kept),
		cmocka_unit_test(leftover_temporaries_are_reclaimed),
		cmocka_unit_test(longest_names_can_be_updated),
	};

	return cmocka_run_group_tests_name("keep", tests, setup, teardown);
}

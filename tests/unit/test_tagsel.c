#include "unit.h"
#include "diag.h"
#include "out.h"
#include "tagsel.h"

static struct rec r;

static const struct rec *
record(const char *line)
{
	assert_int_equal(rec_parse(&r, line, strlen(line)), REC_RECORD);
	return &r;
}

static void
with_and_without(void **state)
{
	struct tagsel t = { 0 };

	(void)state;
	assert_false(tagsel_active(&t));
	assert_true(tagsel_pass(&t, record("a\tx\tQ")));
	assert_int_equal(tagsel_add(&t, 0, "SQL, db"), 0);
	assert_int_equal(tagsel_add(&t, 1, "career"), 0);
	assert_int_equal(tagsel_add(&t, 0, "a,,b"), -1);
	assert_int_equal(tagsel_add(&t, 1, ""), -1);
	assert_true(tagsel_active(&t));
	assert_true(tagsel_pass(&t, record("a\tdb,x\tQ")));
	assert_false(tagsel_pass(&t, record("a\tx\tQ")));
	assert_false(tagsel_pass(&t, record("a\tsql,career\tQ")));
	tagsel_free(&t);
	rec_free(&r);
}

static void
hints_for_tags_never_read(void **state)
{
	struct tagsel t = { 0 };
	FILE *tmp;
	char *err;
	int saved;

	(void)state;
	diag_init("qb-test");
	tagsel_add(&t, 0, "database,sql");
	tagsel_add(&t, 1, "zzzzqqq");
	tagsel_pass(&t, record("a\tdatabases\tQ"));
	tagsel_pass(&t, record("b\tsql\tQ"));
	saved = capture_start(2, &tmp);
	tagsel_hint(&t);
	err = capture_end(2, saved, tmp);
	assert_string_equal(err, "qb-test: no record read has the tag "
	    "'database'; did you mean 'databases'?\nqb-test: no record read "
	    "has the tag 'zzzzqqq'\n");
	assert_int_equal(diag_status(), STATUS_OK);
	free(err);
	tagsel_free(&t);
	rec_free(&r);
}

/* Memory does not grow with the input: tags are kept for the hints only. */
static void
tags_kept_bounded(void **state)
{
	struct tagsel t = { 0 };
	char line[64];
	int i;

	(void)state;
	/* Once every tag of the lists is read, no hint is due: none kept. */
	tagsel_add(&t, 0, "sql");
	tagsel_pass(&t, record("a\tdb\tQ"));
	tagsel_pass(&t, record("b\tsql\tQ"));
	for (i = 0; i < 100; i++) {
		snprintf(line, sizeof(line), "c%d\ttag%d\tQ", i, i);
		tagsel_pass(&t, record(line));
	}
	assert_int_equal(t.read.n, 2);
	tagsel_free(&t);

	/* A tag never read: the first TAGSEL_READ_MAX different ones. */
	tagsel_add(&t, 0, "zzzzqqq");
	for (i = 0; i < TAGSEL_READ_MAX + 500; i++) {
		snprintf(line, sizeof(line), "c%d\ttag%d\tQ", i, i);
		tagsel_pass(&t, record(line));
	}
	assert_int_equal(t.read.n, TAGSEL_READ_MAX);
	tagsel_free(&t);
	rec_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(with_and_without),
		cmocka_unit_test(hints_for_tags_never_read),
		cmocka_unit_test(tags_kept_bounded),
	};

	return cmocka_run_group_tests_name("tagsel", tests, NULL, NULL);
}

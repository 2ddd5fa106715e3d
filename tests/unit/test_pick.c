#include "unit.h"
#include "diag.h"
#include "out.h"
#include "pick.h"

/* Seven records, a comment and a bare question among them. */
static const char bank[] =
    "k\tt\tK?\n"
    "b\tt,u\tB?\tAnswer b\n"
    "# note\n"
    "z\t\tZ?\n"
    "a\tt\tA?\n"
    "What is m?\n"
    "c\tu\tC?\n";

static char dir[] = "/tmp/qb-test-pick.XXXXXX";
static char path[64];

static int
setup(void **state)
{
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/p.qb", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(bank, f);
	fclose(f);
	return 0;
}

static int
teardown(void **state)
{
	char st[80];

	(void)state;
	snprintf(st, sizeof(st), "%s/st", dir);
	unlink(st);
	unlink(path);
	rmdir(dir);
	return 0;
}

enum way { RANDOM, STATE, DAILY, IDS, INDEX };

struct ask {
	enum way	 way;
	size_t		 count;
	const char	*seed;
	const char	*dates[4];
	enum period	 period;
	char		*ids[4];
	const char	*ranges;
	int		 picked;	/* what the pick returns */
};

/* Runs a way over the bank; what it wrote (free it). */
static char *
run(const struct ask *a)
{
	struct when w[4];
	struct range *r = NULL;
	size_t nw = 0, nr = 0, nids = 0;
	char *files[] = { path, NULL }, *out, st[80];
	struct src s;
	FILE *tmp;
	int saved, picked = -1;

	diag_init("qb-test");
	for (; nw < 4 && a->dates[nw] != NULL; nw++)
		assert_int_equal(daily_parse_when(a->dates[nw], &w[nw]), 0);
	while (nids < 4 && a->ids[nids] != NULL)
		nids++;
	if (a->ranges != NULL)
		assert_int_equal(range_parse(a->ranges, &r, &nr), 0);
	snprintf(st, sizeof(st), "%s/st", dir);
	src_init(&s, 1, files, SRC_STDIN);
	saved = capture_start(1, &tmp);
	switch (a->way) {
	case RANDOM:
		picked = pick_random(&s, a->count, a->seed);
		break;
	case STATE:
		picked = pick_state(&s, a->count, a->seed, st);
		break;
	case DAILY:
		picked = pick_daily(&s, w, nw, a->period, a->seed);
		break;
	case IDS:
		picked = pick_ids(&s, a->ids, nids);
		break;
	case INDEX:
		picked = pick_index(&s, r, nr);
		break;
	}
	out_flush();
	out = capture_end(1, saved, tmp);
	assert_int_equal(picked, a->picked);
	src_free(&s);
	free(r);
	return out;
}

static void
expect(const struct ask *a, const char *want)
{
	char *got = run(a);

	assert_string_equal(got, want);
	free(got);
}

/* Seeded picks are the manual's: the same on every machine. */
static void
random_seeded(void **state)
{
	(void)state;
	expect(&(struct ask){ RANDOM, 3, "s", .picked = 1 },
	    "k\tt\tK?\t\nb\tt,u\tB?\tAnswer b\nz\t\tZ?\t\n");
	expect(&(struct ask){ RANDOM, 9, "t", .picked = 1 },
	    "q4a22c8ce2cba\t\tWhat is m?\t\nc\tu\tC?\t\nz\t\tZ?\t\n"
	    "a\tt\tA?\t\nb\tt,u\tB?\tAnswer b\nk\tt\tK?\t\n");
	expect(&(struct ask){ RANDOM, 0, "t", .picked = 0 }, "");
}

static void
daily_dates(void **state)
{
	(void)state;
	expect(&(struct ask){ DAILY, .seed = "x", .dates = { "2026-12-01",
	    "2026-12-02", "2027-01-01" }, .period = PERIOD_WEEK,
	    .picked = 1 }, "a\tt\tA?\t\na\tt\tA?\t\nc\tu\tC?\t\n");
	expect(&(struct ask){ DAILY, .dates = { "2026-12-01" },
	    .picked = 1 }, "k\tt\tK?\t\n");
}

/* Two runs: no repeats, then a new round that does not start with z. */
static void
state_rounds(void **state)
{
	char st[80], *text;
	FILE *f;
	long n;

	(void)state;
	expect(&(struct ask){ STATE, 2, "a", .picked = 1 },
	    "z\t\tZ?\t\nb\tt,u\tB?\tAnswer b\n");
	expect(&(struct ask){ STATE, 5, "b", .picked = 1 },
	    "q4a22c8ce2cba\t\tWhat is m?\t\nk\tt\tK?\t\na\tt\tA?\t\n"
	    "c\tu\tC?\t\nz\t\tZ?\t\n");
	snprintf(st, sizeof(st), "%s/st", dir);
	assert_non_null(f = fopen(st, "r"));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = calloc((size_t)n + 1, 1);
	assert_int_equal(fread(text, 1, (size_t)n, f), n);
	fclose(f);
	assert_string_equal(text, "z\n");
	free(text);
}

/* What is not found is told, and the status says nothing was picked. */
static void
expect_told(const struct ask *a, const char *message)
{
	FILE *tmp;
	int saved = capture_start(2, &tmp);
	char *err;

	expect(a, "");
	err = capture_end(2, saved, tmp);
	assert_string_equal(err, message);
	assert_int_equal(diag_status(), STATUS_NONE);
	free(err);
}

static void
by_id_and_position(void **state)
{
	(void)state;
	expect(&(struct ask){ IDS, .ids = { "c", "k", "c" }, .picked = 1 },
	    "c\tu\tC?\t\nk\tt\tK?\t\nc\tu\tC?\t\n");
	expect_told(&(struct ask){ IDS, .ids = { "nope" }, .picked = 0 },
	    "qb-test: no record with id 'nope'\n");
	expect(&(struct ask){ INDEX, .ranges = "5-,2", .picked = 1 },
	    "q4a22c8ce2cba\t\tWhat is m?\t\nc\tu\tC?\t\nb\tt,u\tB?\t"
	    "Answer b\n");
	expect_told(&(struct ask){ INDEX, .ranges = "7-9", .picked = 0 },
	    "qb-test: no records at positions 7-9 (there are 6)\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(random_seeded),
		cmocka_unit_test(daily_dates),
		cmocka_unit_test(state_rounds),
		cmocka_unit_test(by_id_and_position),
	};

	return cmocka_run_group_tests_name("pick", tests, setup, teardown);
}

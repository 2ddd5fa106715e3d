#include <sys/stat.h>

#include <time.h>

#include "unit.h"
#include "diag.h"
#include "revlog.h"

static void
parse_lines(void **state)
{
	const char *id;
	size_t idlen;
	int64_t t;
	int g;
	char msg[128];
	const char *ok = "2026-12-01T09:30:05Z\tskill-21\t3";
	const char *more = "2026-12-01T09:30:05Z\tskill-21\t4\tfuture field";

	(void)state;
	assert_int_equal(revlog_parse_line(ok, strlen(ok), &t, &id, &idlen,
	    &g, msg, sizeof(msg)), 0);
	assert_true(t == 1796117405);
	assert_int_equal(idlen, 8);
	assert_memory_equal(id, "skill-21", 8);
	assert_int_equal(g, 3);
	assert_int_equal(revlog_parse_line(more, strlen(more), &t, &id,
	    &idlen, &g, msg, sizeof(msg)), 0);
	assert_int_equal(g, 4);

	static const char *bad[] = {
		"", "2026-12-01T09:30:05Z", "2026-12-01T09:30:05Z\tx\t5",
		"2026-12-01T09:30:05Z\tx\t0", "2026-12-01T09:30:05Z\tx\t33",
		"2026-12-01T09:30:05Z\tx", "2026-12-01T09:30:05Z\t\t3",
		"2026-12-01T09:30:05Z\ta b\t3", "2026-13-01T09:30:05Z\tx\t3",
		"2026-02-30T09:30:05Z\tx\t3", "2026-12-01T24:30:05Z\tx\t3",
		"2026-12-01 09:30:05Z\tx\t3", "2026-12-01T09:30:05+\tx\t3",
		"2026-12-01T09:30:0", "2026-12-01T09:30:05Z x 3",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(revlog_parse_line(bad[i], strlen(bad[i]), &t,
		    &id, &idlen, &g, msg, sizeof(msg)), -1);
}

static void
times(void **state)
{
	char buf[REVLOG_TIME_SIZE];
	int64_t t;

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	assert_int_equal(revlog_parse_time("2026-12-01", &t), 0);
	assert_true(t == 1796083200);
	assert_int_equal(revlog_parse_time("2026-12-01T09:30:05Z", &t), 0);
	assert_true(t == 1796117405);
	assert_int_equal(revlog_parse_time("2026-12-01 09:30", &t), 0);
	assert_true(t == 1796117400);
	assert_int_equal(revlog_parse_time("2026-12-01T11:30:05+02:00", &t),
	    0);
	assert_true(t == 1796117405);
	assert_int_equal(revlog_parse_time("2026-12-01T04:30:05.25-0500",
	    &t), 0);
	assert_true(t == 1796117405);
	assert_int_equal(revlog_parse_time("2026-12-01T09:30-00", &t), 0);
	assert_true(t == 1796117400);
	setenv("TZ", "CET-1", 1);	/* local time: an hour east */
	tzset();
	assert_int_equal(revlog_parse_time("2026-12-01T10:30:05", &t), 0);
	assert_true(t == 1796117405);
	setenv("TZ", "UTC", 1);
	tzset();
	assert_int_equal(revlog_parse_time("2026-12-1", &t), -1);
	assert_int_equal(revlog_parse_time("2026-12-01T9:30", &t), -1);
	assert_int_equal(revlog_parse_time("2026-12-01T09:30:05Zx", &t), -1);
	assert_int_equal(revlog_parse_time("2026-12-01T09", &t), -1);
	assert_int_equal(revlog_parse_time("yesterday", &t), -1);
	assert_int_equal(revlog_parse_time("", &t), -1);
	revlog_format_time(1796117405, buf);
	assert_string_equal(buf, "2026-12-01T09:30:05Z");
}

static char tmpl[] = "/tmp/test_revlog.XXXXXX";
static char path[64];

static void
write_file(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static size_t
card(struct revlog *l, const char *id, struct fsrs_card *c)
{
	unsigned nrecall, npass;
	int64_t first;

	return revlog_card(l, id, strlen(id), INT64_MAX, c, &first, &nrecall,
	    &npass);
}

/* The same reviews in any line order fold to the same card. */
static void
any_order(void **state)
{
	struct revlog a = { 0 }, b = { 0 };
	struct fsrs_card ca, cb;

	(void)state;
	write_file("2026-12-01T09:00:00Z\tx\t3\n"
	    "2026-12-01T09:10:00Z\tx\t3\n"
	    "2026-12-01T09:10:00Z\ty\t1\n"
	    "2026-12-03T09:00:00Z\tx\t2\n");
	assert_int_equal(revlog_load(&a, path), 0);
	write_file("2026-12-03T09:00:00Z\tx\t2\n"
	    "2026-12-01T09:10:00Z\ty\t1\n"
	    "# a comment\n"
	    "2026-12-01T09:10:00Z\tx\t3\n"
	    "2026-12-01T09:00:00Z\tx\t3\n");
	assert_int_equal(revlog_load(&b, path), 0);
	assert_int_equal(card(&a, "x", &ca), 3);
	assert_int_equal(card(&b, "x", &cb), 3);
	assert_true(ca.s == cb.s && ca.d == cb.d && ca.due == cb.due);
	assert_int_equal(ca.state, FSRS_REVIEW);
	assert_int_equal(card(&a, "y", &ca), 1);
	assert_int_equal(card(&a, "z", &ca), 0);
	assert_int_equal(ca.state, FSRS_NEW);
	revlog_free(&a);
	revlog_free(&b);
}

static struct revlog torn_log;

static void
load_torn(void)
{
	revlog_load(&torn_log, path);
	exit(diag_status());
}

static char *
slurp(const char *p)
{
	FILE *f = fopen(p, "r");
	static char text[4096];
	size_t n;

	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static void
torn_last_line(void **state)
{
	struct revlog_writer w;
	struct fsrs_card c;
	char *err, want[256];

	(void)state;
	diag_init("qb-drill");
	/* A whole-looking line without its newline is torn all the same. */
	write_file("2026-12-01T09:00:00Z\tx\t3\n"
	    "2026-12-01T09:10:00Z\tx\t3");
	assert_int_equal(child_status(load_torn, NULL, &err), 2);
	snprintf(want, sizeof(want), "qb-drill: %s:2: torn line (no newline "
	    "at the end), ignored\n", path);
	assert_string_equal(err, want);
	free(err);
	assert_int_equal(revlog_load(&torn_log, path), 0);
	assert_int_equal(card(&torn_log, "x", &c), 1);
	revlog_free(&torn_log);

	/* The next append starts a line of its own. */
	assert_int_equal(revlog_open(&w, path), 0);
	assert_int_equal(revlog_append(&w, 1796117405, "y", 1, 4), 0);
	revlog_close(&w);
	assert_string_equal(slurp(path), "2026-12-01T09:00:00Z\tx\t3\n"
	    "2026-12-01T09:10:00Z\tx\t3\n2026-12-01T09:30:05Z\ty\t4\n");

	write_file("2026-12-01T09:00:00Z\tx\t3\n2026-12-01T09:1");
	assert_int_equal(child_status(load_torn, NULL, &err), 2);
	assert_string_equal(err, want);
	free(err);
	write_file("2026-12-01T09:00:00Z\tx\t7\n2026-12-01T09:10:00Z\tx\t3\n");
	assert_int_equal(child_status(load_torn, NULL, &err), 2);
	snprintf(want, sizeof(want), "qb-drill: %s:1: bad grade: expected 1, "
	    "2, 3 or 4\n", path);
	assert_string_equal(err, want);
	free(err);
}

static int writer_rc;
static const char *writer_path;

static void
open_writer(void)
{
	struct revlog_writer w;

	diag_init("qb-drill");
	exit(revlog_open(&w, writer_path) == 0 ? 0 : 3);
}

/* Devices and FIFOs are refused at once: no hang, no silent loss. */
static void
writer_refuses(void **state)
{
	char fifo[80], want[160], *err;

	(void)state;
	writer_path = "/dev/null";
	assert_int_equal(child_status(open_writer, NULL, &err), 3);
	assert_string_equal(err, "qb-drill: /dev/null: not a regular file: "
	    "qb keeps its files only in regular files\n");
	free(err);
	snprintf(fifo, sizeof(fifo), "%s.fifo", path);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	writer_path = fifo;
	assert_int_equal(child_status(open_writer, NULL, &err), 3);
	snprintf(want, sizeof(want), "qb-drill: %s: not a regular file: "
	    "qb keeps its files only in regular files\n",
	    fifo);
	assert_string_equal(err, want);
	free(err);
	unlink(fifo);
	(void)writer_rc;
}

/* The directories are made; a missing log reads as no reviews. */
static void
writer_makes_dirs(void **state)
{
	struct revlog l = { 0 };
	struct revlog_writer w;
	char dir[80], file[120];

	(void)state;
	snprintf(dir, sizeof(dir), "%s.d", path);
	snprintf(file, sizeof(file), "%s/a/b/reviews", dir);
	assert_int_equal(revlog_load(&l, file), 0);
	assert_int_equal(l.nrv, 0);
	assert_int_equal(revlog_open(&w, file), 0);
	assert_int_equal(revlog_append(&w, 0, "q1", 2, 1), 0);
	revlog_close(&w);
	assert_string_equal(slurp(file), "1970-01-01T00:00:00Z\tq1\t1\n");
	unlink(file);
	snprintf(file, sizeof(file), "%s/a/b", dir);
	rmdir(file);
	snprintf(file, sizeof(file), "%s/a", dir);
	rmdir(file);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_lines),
		cmocka_unit_test(times),
		cmocka_unit_test(any_order),
		cmocka_unit_test(torn_last_line),
		cmocka_unit_test(writer_refuses),
		cmocka_unit_test(writer_makes_dirs),
	};
	int fd = mkstemp(tmpl), rc;

	assert_true(fd >= 0);
	close(fd);
	snprintf(path, sizeof(path), "%s", tmpl);
	rc = cmocka_run_group_tests_name("revlog", tests, NULL, NULL);
	unlink(path);
	return rc;
}

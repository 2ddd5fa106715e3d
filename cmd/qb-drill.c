/*
 * qb-drill: practise questions with spaced repetition (FSRS-6), keeping
 * progress in an append-only review log; or, as a filter, write the
 * records due, count them, or record a grade from a script.
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "drill.h"
#include "out.h"
#include "revlog.h"
#include "src.h"
#include "strmap.h"

enum { OPT_AT = CHAR_MAX + 1, OPT_DUE, OPT_GRADE, OPT_LOG, OPT_NEW,
    OPT_STATS };

static const struct option longopts[] = {
	{ "at",		required_argument,	NULL,	OPT_AT },
	{ "due",	no_argument,		NULL,	OPT_DUE },
	{ "grade",	required_argument,	NULL,	OPT_GRADE },
	{ "help",	no_argument,		NULL,	'h' },
	{ "log",	required_argument,	NULL,	OPT_LOG },
	{ "new",	required_argument,	NULL,	OPT_NEW },
	{ "stats",	no_argument,		NULL,	OPT_STATS },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 }
};

static const char usage_text[] =
"Usage: qb-drill [--new=N] [--log=FILE] [--at=TIME] [FILE]...\n"
"       qb-drill --due | --stats [--log=FILE] [--at=TIME] [FILE]...\n"
"       qb-drill --grade=ID:G [--log=FILE] [--at=TIME] [FILE]...\n"
"Practise questions with spaced repetition (FSRS-6); with no FILE, read\n"
"standard input, or the question bank when it is a terminal (or --grade).\n"
"\n"
"      --new=N         introduce at most N new records a day (default 20)\n"
"      --due           write the records due (at TIME, default now)\n"
"      --stats         print counts: due, new, learned, reviews, retention\n"
"      --grade=ID:G    record a review, G: 1 Again, 2 Hard, 3 Good, 4 Easy\n"
"      --log=FILE      the review log (default $XDG_STATE_HOME/qb/reviews)\n"
"      --at=TIME       act at TIME (ISO 8601) instead of now\n"
"  -h, --help          print this help and exit\n"
"  -V, --version       print the version and exit\n"
"\n"
"Keys: space shows the answer, 1-4 grade it, q quits.\n"
"Exit status: 0 success, 1 nothing due, 2 trouble.\n";

enum mode { SESSION, DUE, STATS, GRADE };

static struct {
	enum mode	 mode;
	long long	 fresh;
	const char	*log;
	int64_t		 at;
	int		 at_given;
	char		**grades;
	size_t		 ngrades;
} opt = { .fresh = 20 };

static void
set_mode(enum mode m)
{
	if (opt.mode != SESSION && opt.mode != m)
		diag_usage("--due, --stats and --grade are exclusive");
	opt.mode = m;
}

static void
split_grade(const char *arg, size_t *idlen, int *g)
{
	if (drill_grade_parse(arg, idlen, g) < 0)
		diag_usage("invalid argument for --grade: '%s' (ID:GRADE, "
		    "the grade 1, 2, 3 or 4)", arg);
}

/* --grade: every id must be a record of the input; then all go in. */
static void
grade(int argc, char *argv[], const char *path)
{
	struct strmap ids = { 0 };
	struct revlog_writer w;
	struct src s;
	struct rec *r;
	size_t i, len;
	int g;

	for (i = 0; i < opt.ngrades; i++)
		split_grade(opt.grades[i], &len, &g);
	src_init(&s, argc, argv, SRC_BANK);
	while ((r = src_next(&s)) != NULL)
		strmap_put(&ids, r->id.p, r->id.len, NULL);
	src_free(&s);
	for (i = 0; i < opt.ngrades; i++) {
		split_grade(opt.grades[i], &len, &g);
		if (strmap_get(&ids, opt.grades[i], len) == NULL)
			diag_usage("--grade: unknown id '%.*s'", (int)len,
			    opt.grades[i]);
	}
	strmap_free(&ids);
	if (revlog_open(&w, path) < 0)
		return;
	for (i = 0; i < opt.ngrades; i++) {
		split_grade(opt.grades[i], &len, &g);
		if (revlog_append(&w, opt.at, opt.grades[i], len, g) < 0)
			break;
	}
	revlog_close(&w);
}

int
main(int argc, char *argv[])
{
	struct drill_session sess = { .fd = -1, .at = -1 };
	struct drill_stats st = { 0 };
	struct drill_deck deck = { 0 };
	struct revlog log = { 0 };
	struct revlog_writer w;
	struct drill_look k;
	struct buf path = { 0 };
	struct src s;
	struct rec *r;
	int64_t day0, day1;
	unsigned long nout = 0;
	int ch;

	diag_init("qb-drill");
	opt.grades = xmalloc((size_t)argc * sizeof(*opt.grades));
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(usage_text);
		case 'V':
			cli_version();
		case OPT_AT:
			if (revlog_parse_time(optarg, &opt.at) < 0)
				diag_usage("invalid argument for --at: '%s' "
				    "(YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM])",
				    optarg);
			opt.at_given = 1;
			break;
		case OPT_DUE:
			set_mode(DUE);
			break;
		case OPT_GRADE:
			set_mode(GRADE);
			opt.grades[opt.ngrades++] = optarg;
			break;
		case OPT_LOG:
			opt.log = optarg;
			break;
		case OPT_NEW:
			opt.fresh = cli_number(optarg, "--new", 0, 1000000);
			break;
		case OPT_STATS:
			set_mode(STATS);
			break;
		default:
			cli_bad_option(ch, argv);
		}
	}
	argc -= optind;
	argv += optind;
	if (!opt.at_given)
		opt.at = (int64_t)time(NULL);
	else
		sess.at = opt.at;
	if (opt.log == NULL) {
		if (revlog_default_path(&path) < 0)
			return STATUS_TROUBLE;
		opt.log = path.p;
	}
	if (opt.mode == GRADE) {
		grade(argc, argv, opt.log);
		goto done;
	}
	/* Before reading anything: a session needs a terminal. */
	if (opt.mode == SESSION && drill_tty_open(&sess) < 0)
		return STATUS_TROUBLE;

	if (revlog_load(&log, opt.log) < 0)
		return STATUS_TROUBLE;
	drill_today(opt.at, &day0, &day1);
	/* A terminal holds keys, not records: then drill the bank. */
	src_init(&s, argc, argv, argc == 0 && isatty(STDIN_FILENO) ?
	    SRC_BANK : SRC_STDIN);
	while ((r = src_next(&s)) != NULL) {
		drill_look(&log, r, opt.at, &k);
		if (opt.mode == DUE) {
			if (drill_is_due(&k, opt.at)) {
				rec_write(r);
				nout++;
			}
			continue;
		}
		drill_count(&st, &k, opt.at, day0, day1);
		if (opt.mode == SESSION)
			drill_deck_add(&deck, r, &k, opt.at,
			    (size_t)opt.fresh);
	}
	src_free(&s);
	revlog_free(&log);

	if (opt.mode == DUE && nout == 0)
		diag_raise(STATUS_NONE);
	else if (opt.mode == STATS)
		drill_stats_write(&st);
	else if (opt.mode == SESSION) {
		drill_deck_order(&deck, st.new_today < (unsigned long)opt.fresh ?
		    (size_t)opt.fresh - st.new_today : 0);
		/* Opened before the first card: no practice lost to it. */
		w.fd = -1;
		if (deck.n == 0 || revlog_open(&w, opt.log) == 0) {
			sess.log = &w;
			sess.color = drill_color();
			diag_raise(drill_run(&sess, &deck));
			revlog_close(&w);
		}
		drill_deck_free(&deck);
	}
done:
	buf_free(&path);
	free(opt.grades);
	out_close();
	return diag_status();
}

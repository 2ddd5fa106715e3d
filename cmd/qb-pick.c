/*
 * qb-pick: choose records at random (reproducibly with a seed, without
 * repeats with a state file), as the question of the day, by id or by
 * position.
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "daily.h"
#include "diag.h"
#include "out.h"
#include "range.h"
#include "rng.h"
#include "sample.h"
#include "spill.h"
#include "src.h"
#include "state.h"
#include "strmap.h"

enum { OPT_DATE = CHAR_MAX + 1, OPT_ID, OPT_PERIOD, OPT_STATE };

static const struct option longopts[] = {
	{ "count",	required_argument,	NULL,	'n' },	/* old spelling */
	{ "daily",	no_argument,		NULL,	'd' },
	{ "date",	required_argument,	NULL,	OPT_DATE },
	{ "head-count",	required_argument,	NULL,	'n' },
	{ "help",	no_argument,		NULL,	'h' },
	{ "id",		required_argument,	NULL,	OPT_ID },
	{ "index",	required_argument,	NULL,	'i' },
	{ "period",	required_argument,	NULL,	OPT_PERIOD },
	{ "seed",	required_argument,	NULL,	's' },
	{ "state",	required_argument,	NULL,	OPT_STATE },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 }
};

static const char usage_text[] =
"Usage: qb-pick [-n N] [-s SEED] [--state=FILE] [FILE]...\n"
"       qb-pick -d [--date=DATE]... [--period=day|week|weekday|month]\n"
"               [-s SEED] [FILE]...\n"
"       qb-pick --id=LIST [FILE]...\n"
"       qb-pick -i LIST [FILE]...\n"
"Write records chosen from question files; with no FILE, standard input.\n"
"\n"
"  -n, --head-count=N  N distinct records at random, in random order\n"
"                      (--count=N: the old spelling)\n"
"  -s, --seed=SEED     the same SEED and input give the same picks\n"
"      --state=FILE    no repeats until every record has been picked\n"
"  -d, --daily         the question of the day (seed default: qb)\n"
"      --date=DATE     the question of another day: YYYY-MM-DD, today,\n"
"                      yesterday, tomorrow, then +N or -N days or periods\n"
"                      (-1period); repeatable, a record each, in order\n"
"      --period=UNIT   a question a day, week, weekday (Monday to Friday;\n"
"                      a weekend keeps Friday's) or month\n"
"      --id=LIST       the records with these ids, in the order given\n"
"  -i, --index=LIST    the records at these positions: 3, 5-7, 9-;\n"
"                      positions past the end are reported\n"
"  -h, --help          print this help and exit\n"
"  -V, --version       print the version and exit\n"
"\n"
"Exit status: 0 a record was written, 1 none (or an id not found), 2 trouble.\n";

static struct {
	long long	 count;
	int		 counted;	/* -n was given */
	const char	*seed;
	const char	*state;
	int		 daily;
	struct when	*dates;
	size_t		 ndates;
	enum period	 period;
	int		 byid;	/* --id given, even with an empty list */
	char		**ids;
	size_t		 nids;
	struct range	*ranges;
	size_t		 nranges;
} opt = { .count = 1, .period = PERIOD_DAY };

static void
add_ids(const char *list)
{
	char *copy = xstrdup(list), *id, *save = NULL;

	for (id = strtok_r(copy, ",", &save); id != NULL;
	    id = strtok_r(NULL, ",", &save)) {
		if (!rec_id_valid(id, strlen(id)))
			diag_usage("invalid id: '%s'", id);
		opt.ids = xreallocarray(opt.ids, opt.nids + 1,
		    sizeof(*opt.ids));
		opt.ids[opt.nids++] = xstrdup(id);
	}
	free(copy);
}

static void
seed_rng(struct rng *r)
{
	if (opt.seed != NULL)
		rng_seed_string(r, opt.seed);
	else if (rng_seed_os(r) != 0)
		diag_fatal("cannot get randomness from the system");
}

static void
write_slots(const struct sample *sm, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		out_write(sm->slots[i].p, sm->slots[i].len);
}

/* Random picks without state: memory grows with -n, not the input. */
static int
pick_random(struct src *s)
{
	struct sample sm;
	struct rng r;
	struct rec *rec;
	size_t n;

	seed_rng(&r);
	sample_init(&sm, (size_t)opt.count);
	while ((rec = src_next(s)) != NULL)
		sample_offer(&sm, &r, rec);
	sample_shuffle(&sm, &r);
	write_slots(&sm, sm.n);
	n = sm.n;
	sample_free(&sm);
	return n > 0;
}

/*
 * Random picks with a state file.  The path is checked first, the input
 * read without the lock, and the lock held only to choose, write the
 * picks and record them: output that failed ends the command before the
 * commit (a write error, or SIGPIPE), so nothing unseen is recorded.  No
 * input, no change.  The state is not updated when the input had errors.
 */
static int
pick_state(struct src *s)
{
	struct state st;
	struct spill sp;
	struct rng r;
	struct rec *rec;
	size_t *pick = NULL, n = 0, i;

	seed_rng(&r);
	if (state_init(&st, opt.state) != 0) {
		state_close(&st);
		return 0;
	}
	spill_init(&sp);
	while ((rec = src_next(s)) != NULL)
		spill_add(&sp, rec);
	if (sp.n > 0 && opt.count > 0 && state_lock(&st) == 0) {
		pick = xcalloc(sp.n < (size_t)opt.count ? sp.n + 1 :
		    (size_t)opt.count + 1, sizeof(*pick));
		n = state_choose(&st, &r, &sp, (size_t)opt.count, pick);
		for (i = 0; i < n; i++)
			spill_write(&sp, pick[i]);
		out_flush_seen();
		if (n > 0 && diag_status() < STATUS_TROUBLE)
			state_commit(&st);
	}
	state_close(&st);
	spill_free(&sp);
	free(pick);
	return n > 0;
}

static int
pick_daily(struct src *s)
{
	static const struct when today;
	struct date now = daily_today();
	struct spill sp;
	int picked = 0;
	size_t i;

	if (spill_init(&sp) != 0)
		return 0;
	/* A duplicate would be the question of two days: every id counts. */
	spill_unique(&sp);
	spill_read(&sp, s);
	spill_done(&sp);
	/* A record for each --date, in the order given. */
	for (i = 0; sp.n > 0 && i < (opt.ndates > 0 ? opt.ndates : 1); i++) {
		int64_t p;
		size_t rank;

		if (daily_when_period(opt.ndates > 0 ? &opt.dates[i] : &today,
		    now, opt.period, &p) != 0) {
			diag_warn("date out of range (years 1 to 9999)");
			continue;
		}
		rank = daily_index(sp.n, opt.seed != NULL ? opt.seed : "qb", p);
		spill_write(&sp, spill_nth_by_id(&sp, rank));
		picked = 1;
	}
	spill_free(&sp);
	return picked;
}

static int
pick_ids(struct src *s)
{
	struct strmap wanted = { 0 };
	struct buf *found;
	struct rec *rec;
	size_t i, printed = 0;

	for (i = 0; i < opt.nids; i++) {
		int added;
		struct strmap_entry *e = strmap_put(&wanted, opt.ids[i],
		    strlen(opt.ids[i]), &added);

		if (added)
			e->value = wanted.n - 1;
	}
	found = xcalloc(wanted.n, sizeof(*found));
	while ((rec = src_next(s)) != NULL) {
		struct strmap_entry *e = strmap_get(&wanted, rec->id.p,
		    rec->id.len);

		if (e != NULL && found[e->value].len == 0)
			rec_format(rec, &found[e->value]);
	}
	for (i = 0; i < opt.nids; i++) {
		struct buf *b = &found[strmap_get(&wanted, opt.ids[i],
		    strlen(opt.ids[i]))->value];

		if (b->len == 0) {
			diag_notice("no record with id '%s'", opt.ids[i]);
			continue;
		}
		out_write(b->p, b->len);
		printed++;
	}
	for (i = 0; i < wanted.n; i++)
		buf_free(&found[i]);
	free(found);
	strmap_free(&wanted);
	return printed > 0;
}

static void
missing(uint64_t lo, uint64_t hi, uint64_t n)
{
	if (lo == hi)
		diag_notice("no record at position %llu (there are %llu)",
		    (unsigned long long)lo, (unsigned long long)n);
	else
		diag_notice("no records at positions %llu-%llu (there are "
		    "%llu)", (unsigned long long)lo, (unsigned long long)hi,
		    (unsigned long long)n);
}

static int
pick_index(struct src *s)
{
	struct range_store keep = { 0 };
	size_t i, printed = 0;
	uint64_t pos = 0;
	struct rec *rec;

	while ((rec = src_next(s)) != NULL)
		if (range_contains(opt.ranges, opt.nranges, ++pos))
			range_keep(&keep, pos, rec);
	for (i = 0; i < opt.nranges; i++) {
		const struct range *g = &opt.ranges[i];

		if (g->lo <= pos)
			printed += range_write(&keep, g);
		/* "9-" is to the end, however far that is; "9-12" is not. */
		if (g->lo > pos)
			missing(g->lo, g->hi == RANGE_OPEN ? g->lo : g->hi, pos);
		else if (g->hi != RANGE_OPEN && g->hi > pos)
			missing(pos + 1, g->hi, pos);
	}
	range_store_free(&keep);
	return printed > 0;
}

static void
check_options(void)
{
	int modes = opt.daily + opt.byid + (opt.nranges > 0);

	if (modes > 1)
		diag_usage("--daily, --id and --index are mutually exclusive");
	if (opt.state != NULL && modes > 0)
		diag_usage("--state is for random picks: not with --daily, "
		    "--id or --index");
	if (opt.counted && modes > 0)
		diag_usage("-n is for random picks: not with --daily, --id or "
		    "--index");
	if (opt.byid && opt.nids == 0)
		diag_usage("--id: no id given");
}

int
main(int argc, char *argv[])
{
	struct src s;
	int ch, picked;

	diag_init("qb-pick");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":dhi:n:s:V", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'd':
			opt.daily = 1;
			break;
		case 'h':
			cli_help(usage_text);
		case 'i':
			if (range_parse(optarg, &opt.ranges, &opt.nranges) != 0)
				diag_usage("invalid position list: '%s' "
				    "(like 3, 5-7, 9-)", optarg);
			break;
		case 'n':
			opt.count = cli_number(optarg, "-n", 0, LLONG_MAX);
			opt.counted = 1;
			break;
		case 's':
			opt.seed = optarg;
			break;
		case 'V':
			cli_version();
		case OPT_DATE:
			opt.dates = xreallocarray(opt.dates, opt.ndates + 1,
			    sizeof(*opt.dates));
			if (daily_parse_when(optarg, &opt.dates[opt.ndates++])
			    != 0)
				diag_usage("invalid date: '%s' (YYYY-MM-DD, today, "
				    "yesterday or tomorrow, then +N or -N days "
				    "or periods)", optarg);
			opt.daily = 1;
			break;
		case OPT_ID:
			opt.byid = 1;
			add_ids(optarg);
			break;
		case OPT_PERIOD:
			if (daily_parse_period(optarg, &opt.period) != 0)
				diag_usage("invalid period: '%s' (day, week, "
				    "weekday or month)", optarg);
			opt.daily = 1;
			break;
		case OPT_STATE:
			opt.state = optarg;
			break;
		default:
			cli_bad_option(ch, argv);
		}
	}
	check_options();

	src_init(&s, argc - optind, argv + optind, SRC_STDIN);
	if (opt.daily)
		picked = pick_daily(&s);
	else if (opt.byid)
		picked = pick_ids(&s);
	else if (opt.nranges > 0)
		picked = pick_index(&s);
	else if (opt.state != NULL)
		picked = pick_state(&s);
	else
		picked = pick_random(&s);
	diag_raise(picked ? STATUS_OK : STATUS_NONE);
	src_free(&s);
	free(opt.dates);
	out_close();
	return diag_status();
}

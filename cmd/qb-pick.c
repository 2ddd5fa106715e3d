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
	{ "count",	required_argument,	NULL,	'n' },
	{ "daily",	no_argument,		NULL,	'd' },
	{ "date",	required_argument,	NULL,	OPT_DATE },
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
"       qb-pick -d [--date=YYYY-MM-DD] [--period=day|week|month] [-s SEED]\n"
"               [FILE]...\n"
"       qb-pick --id=LIST [FILE]...\n"
"       qb-pick -i LIST [FILE]...\n"
"Write records chosen from question files; with no FILE, standard input.\n"
"\n"
"  -n, --count=N       N distinct records at random, in random order\n"
"  -s, --seed=SEED     the same SEED and input give the same picks\n"
"      --state=FILE    no repeats until every record has been picked\n"
"  -d, --daily         the question of the day (seed default: qb)\n"
"      --date=DATE     the question of another day, YYYY-MM-DD\n"
"      --period=UNIT   a question a day, week or month\n"
"      --id=LIST       the records with these ids, in the order given\n"
"  -i, --index=LIST    the records at these positions: 3, 5-7, 9-\n"
"  -h, --help          print this help and exit\n"
"  -V, --version       print the version and exit\n"
"\n"
"Exit status: 0 a record was written, 1 none (or an id not found), 2 trouble.\n";

static struct {
	long long	 count;
	const char	*seed;
	const char	*state;
	int		 daily;
	struct date	 date;
	int		 dated;
	enum period	 period;
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
		opt.ids = xrealloc(opt.ids, (opt.nids + 1) * sizeof(*opt.ids));
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

/*
 * Random picks.  With a state file, the records not yet picked are
 * sampled apart from those already picked; when too few are left, the
 * round ends with all of them, and the rest come from a new round.
 */
static int
pick_random(struct src *s)
{
	struct sample fresh, old;
	struct state st = { .fd = -1 };
	struct rng r;
	struct rec *rec;
	size_t from_old = 0, picked;
	int new_round, ok = 1;

	seed_rng(&r);
	if (opt.state != NULL && state_open(&st, opt.state) != 0) {
		state_close(&st);
		return 0;
	}
	sample_init(&fresh, (size_t)opt.count);
	sample_init(&old, (size_t)opt.count);
	while ((rec = src_next(s)) != NULL) {
		if (opt.state != NULL && state_has(&st, rec->id.p, rec->id.len))
			sample_offer(&old, &r, rec);
		else
			sample_offer(&fresh, &r, rec);
	}
	sample_shuffle(&fresh, &r);
	sample_shuffle(&old, &r);
	new_round = fresh.seen < (uint64_t)opt.count;
	if (new_round)
		from_old = (size_t)opt.count - fresh.n < old.n ?
		    (size_t)opt.count - fresh.n : old.n;
	/* The state is kept only when all input was read well. */
	if (opt.state != NULL && diag_status() < STATUS_TROUBLE)
		ok = state_commit(&st, new_round, new_round ? old.slots :
		    fresh.slots, new_round ? from_old : fresh.n) == 0;
	if (ok) {
		write_slots(&fresh, fresh.n);
		write_slots(&old, from_old);
	}
	picked = ok ? fresh.n + from_old : 0;
	state_close(&st);
	sample_free(&fresh);
	sample_free(&old);
	return picked > 0;
}

static int
pick_daily(struct src *s)
{
	struct date d = opt.dated ? opt.date : daily_today();
	struct spill sp;
	struct rec *rec;
	int picked = 0;

	if (spill_init(&sp) != 0)
		return 0;
	while ((rec = src_next(s)) != NULL) {
		off_t at = src_canonical_at(s);

		if (at >= 0)
			spill_add_at(&sp, rec, s->rd.fd, s->nopened, at,
			    s->line.len + 1);
		else
			spill_add(&sp, rec);
	}
	if (sp.n > 0) {
		size_t rank = daily_index(sp.n, opt.seed != NULL ? opt.seed :
		    "qb", daily_period_number(d, opt.period));

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

static int
pick_index(struct src *s)
{
	struct range_keep keep = { 0 };
	size_t i, printed = 0;
	uint64_t pos = 0;
	struct rec *rec;

	while ((rec = src_next(s)) != NULL)
		if (range_contains(opt.ranges, opt.nranges, ++pos))
			range_keep(&keep, pos, rec);
	for (i = 0; i < opt.nranges; i++) {
		if (opt.ranges[i].lo > pos)
			diag_notice("no record at position %llu (there are "
			    "%llu)", (unsigned long long)opt.ranges[i].lo,
			    (unsigned long long)pos);
		else
			printed += range_write(&keep, &opt.ranges[i]);
	}
	range_keep_free(&keep);
	return printed > 0;
}

static void
check_options(void)
{
	int modes = opt.daily + (opt.nids > 0) + (opt.nranges > 0);

	if (modes > 1)
		diag_usage("--daily, --id and --index are mutually exclusive");
	if (opt.state != NULL && modes > 0)
		diag_usage("--state is for random picks: not with --daily, "
		    "--id or --index");
	if (opt.count != 1 && modes > 0)
		diag_usage("-n is for random picks: not with --daily, --id or "
		    "--index");
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
			break;
		case 's':
			opt.seed = optarg;
			break;
		case 'V':
			cli_version();
		case OPT_DATE:
			if (daily_parse_date(optarg, &opt.date) != 0)
				diag_usage("invalid date: '%s' (YYYY-MM-DD)",
				    optarg);
			opt.dated = opt.daily = 1;
			break;
		case OPT_ID:
			add_ids(optarg);
			break;
		case OPT_PERIOD:
			if (daily_parse_period(optarg, &opt.period) != 0)
				diag_usage("invalid period: '%s' (day, week or "
				    "month)", optarg);
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
	else if (opt.nids > 0)
		picked = pick_ids(&s);
	else if (opt.nranges > 0)
		picked = pick_index(&s);
	else
		picked = pick_random(&s);
	diag_raise(picked ? STATUS_OK : STATUS_NONE);
	src_free(&s);
	out_close();
	return diag_status();
}

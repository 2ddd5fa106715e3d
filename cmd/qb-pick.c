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
#include "pick.h"
#include "range.h"
#include "src.h"

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
		picked = pick_daily(&s, opt.dates, opt.ndates, opt.period,
		    opt.seed);
	else if (opt.byid)
		picked = pick_ids(&s, opt.ids, opt.nids);
	else if (opt.nranges > 0)
		picked = pick_index(&s, opt.ranges, opt.nranges);
	else if (opt.state != NULL)
		picked = pick_state(&s, (size_t)opt.count, opt.seed,
		    opt.state);
	else
		picked = pick_random(&s, (size_t)opt.count, opt.seed);
	diag_raise(picked ? STATUS_OK : STATUS_NONE);
	src_free(&s);
	free(opt.dates);
	out_close();
	return diag_status();
}

/*
 * qb-list: read question files (or the default bank), validate them and
 * write canonical records; or count them, tally their tags, or only check.
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "import.h"
#include "out.h"
#include "src.h"
#include "strmap.h"

enum { OPT_CHECK = CHAR_MAX + 1 };

static const struct option longopts[] = {
	{ "check",	no_argument,	NULL,	OPT_CHECK },
	{ "count",	no_argument,	NULL,	'c' },
	{ "format",	required_argument, NULL, 'f' },
	{ "from",	required_argument, NULL, 'f' },
	{ "help",	no_argument,	NULL,	'h' },
	{ "tags",	no_argument,	NULL,	't' },
	{ "version",	no_argument,	NULL,	'V' },
	{ NULL,		0,		NULL,	0 }
};

static const char usage_text[] =
"Usage: qb-list [-c | --tags | --check] [-f FORMAT] [FILE | DIR | -]...\n"
"Read question files and write their records in canonical form.\n"
"With no FILE, read standard input when it has data (a file or a pipe\n"
"that is not empty), else the files named by QB_PATH, or the built-in\n"
"bank.  - is standard input; a DIR gives its *.qb files (with -f, its\n"
"files of that format).\n"
"\n"
"  -f, --format=FORMAT  read FORMAT: qb, csv, tsv (anki), json, jsonl,\n"
"                  markdown; by default from the name: .csv .tsv .json\n"
"                  .jsonl .ndjson .md .markdown, else qb\n"
"                  (--from=FORMAT: the older spelling)\n"
"  -c, --count     print the number of records\n"
"      --tags      print TAG<TAB>COUNT lines, most used first\n"
"                  (-t: the old spelling; -t is qb-grep's tag filter)\n"
"      --check     only report problems: malformed lines, duplicate ids,\n"
"                  bare lines with runs of spaces, comments that look like\n"
"                  a question or a record; exit 1 if any\n"
"  -h, --help      print this help and exit\n"
"  -V, --version   print the version and exit\n"
"\n"
"Exit status: 0 success, 1 problems found by --check, 2 trouble.\n";

static int
has_space_run(struct span s, size_t want)
{
	size_t i, run = 0;

	for (i = 0; i < s.len && run < want; i++)
		run = s.p[i] == ' ' ? run + 1 : 0;
	return run == want;
}

/* Reports suspect bare lines: findings, status 1. */
static void
check_record(const struct src *s)
{
	const struct rec *r = &s->rec;

	if (r->bare && has_space_run(r->question, 4)) {
		diag_line_notice(src_name(s), src_lineno(s), "bare line with "
		    "a run of spaces: were the TABs between fields turned into "
		    "spaces?");
	}
}

/* qsort() has no context argument in C11 or POSIX. */
static const struct strmap *sorting;

static int
by_count_then_name(const void *a, const void *b)
{
	const struct strmap_entry *x = a, *y = b;
	int cmp;

	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	cmp = memcmp(strmap_key(sorting, x), strmap_key(sorting, y),
	    x->len < y->len ? x->len : y->len);
	return cmp != 0 ? cmp : (x->len > y->len) - (x->len < y->len);
}

static void
count_tags(struct strmap *tags, const struct rec *r)
{
	struct span list = r->tags, tag;

	while (rec_tag_next(&list, &tag))
		strmap_put(tags, tag.p, tag.len, NULL)->value++;
}

/* Safe in two threads (src_count()): output only. */
static int
write_record(struct src *s, void *arg)
{
	(void)arg;
	src_write(s);
	return 1;
}

static void
print_tags(struct strmap *tags)
{
	size_t i;

	/* Sorting the entries leaves the map unusable for lookups: last use. */
	sorting = tags;
	qsort(tags->v, tags->n, sizeof(*tags->v), by_count_then_name);
	for (i = 0; i < tags->n; i++)
		out_printf("%.*s\t%zu\n", (int)tags->v[i].len,
		    strmap_key(tags, &tags->v[i]), tags->v[i].value);
}

int
main(int argc, char *argv[])
{
	struct strmap tags = { 0 };
	unsigned long records = 0;
	int ch, count = 0, tally = 0, check = 0, from = -1;
	struct src s;
	struct rec *r;

	diag_init("qb-list");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":cf:htV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			count = 1;
			break;
		case 'f':
			if ((from = import_format_byname(optarg)) < 0)
				diag_usage("unknown format: '%s' (qb, csv, tsv, "
				    "anki, json, jsonl or markdown)", optarg);
			break;
		case 'h':
			cli_help(usage_text);
		case 't':
			tally = 1;
			break;
		case 'V':
			cli_version();
		case OPT_CHECK:
			check = 1;
			break;
		default:
			cli_bad_option(ch, argv);
		}
	}
	if (count + tally + check > 1)
		diag_usage("-c, --tags and --check are mutually exclusive");

	src_init(&s, argc - optind, argv + optind, SRC_BANK);
	src_read_formats(&s, from);
	if (check) {
		src_set_lenient(&s);
		src_all_ids(&s);
	}
	if (count) {
		static const struct src_counter every = { .quiet = 1 };

		records = src_count(&s, &every);
	} else if (!check && !tally) {
		/* This thread writes the other's output too: it reads less. */
		static const struct src_counter writing = {
			.keep = write_record, .share = 25 };

		(void)src_count(&s, &writing);
	}
	while ((check || tally) && (r = src_next(&s)) != NULL) {
		if (check)
			check_record(&s);
		else
			count_tags(&tags, r);
	}
	if (count)
		out_printf("%lu\n", records);
	if (tally)
		print_tags(&tags);
	src_free(&s);
	strmap_free(&tags);
	out_close();
	return diag_status();
}

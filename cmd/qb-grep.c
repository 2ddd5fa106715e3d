/*
 * qb-grep: write the records whose fields match a PCRE2 pattern, or that
 * carry (or lack) given tags.
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "match.h"
#include "out.h"
#include "prefilter.h"
#include "src.h"

enum { OPT_COLOR = CHAR_MAX + 1 };

static const struct option longopts[] = {
	{ "color",		optional_argument,	NULL,	OPT_COLOR },
	{ "colour",		optional_argument,	NULL,	OPT_COLOR },
	{ "count",		no_argument,		NULL,	'c' },
	{ "field",		required_argument,	NULL,	'k' },
	{ "fixed-strings",	no_argument,		NULL,	'F' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "ignore-case",	no_argument,		NULL,	'i' },
	{ "invert-match",	no_argument,		NULL,	'v' },
	{ "line-regexp",	no_argument,		NULL,	'x' },
	{ "max-count",		required_argument,	NULL,	'm' },
	{ "quiet",		no_argument,		NULL,	'q' },
	{ "regexp",		required_argument,	NULL,	'e' },
	{ "silent",		no_argument,		NULL,	'q' },
	{ "tag",		required_argument,	NULL,	't' },
	{ "version",		no_argument,		NULL,	'V' },
	{ "without-tag",	required_argument,	NULL,	'T' },
	{ "word-regexp",	no_argument,		NULL,	'w' },
	{ NULL,			0,			NULL,	0 }
};

static const char usage_text[] =
"Usage: qb-grep [-cFiqvwx] [-k LIST] [-m NUM] [-t LIST] [-T LIST]\n"
"               [--color[=WHEN]] PATTERN [FILE]...\n"
"       qb-grep [OPTION]... -e PATTERN | -t LIST | -T LIST [FILE]...\n"
"Write the question records whose fields match a PCRE2 PATTERN.\n"
"With no FILE, read standard input.\n"
"\n"
"  -e, --regexp=PATTERN      match PATTERN (repeatable: any may match)\n"
"  -k, --field=LIST          fields to search: id,tags,question,answer or all\n"
"                            (default: question)\n"
"  -F, --fixed-strings       patterns are literal strings\n"
"  -i, --ignore-case         ignore case (Unicode case folding)\n"
"  -w, --word-regexp         match whole words only\n"
"  -x, --line-regexp         match the whole field only\n"
"  -v, --invert-match        select records that do not match\n"
"  -t, --tag=LIST            keep records with a tag of LIST (repeated: all)\n"
"  -T, --without-tag=LIST    drop records with any tag of LIST\n"
"  -c, --count               print the number of selected records\n"
"  -m, --max-count=NUM       stop after NUM selected records\n"
"  -q, --quiet, --silent     print nothing; exit 0 at the first match\n"
"      --color[=WHEN]        highlight matches: always, never or auto\n"
"  -h, --help                print this help and exit\n"
"  -V, --version             print the version and exit\n"
"\n"
"Exit status: 0 a record was selected, 1 none was, 2 trouble.\n";

#define MATCH_SGR "01;31"

struct taglists {
	char	**v;	/* canonical comma-joined lists */
	size_t	  n;
};

static struct matcher matcher;
static struct prefilter prefilter;	/* a literal every match holds */
static int fields = 1 << FIELD_QUESTION;
static int invert, colour;
static struct taglists with_tags, without_tags;

static void
add_taglist(struct taglists *l, const char *arg)
{
	struct rec scratch = { 0 };

	if (rec_tag_list(&scratch, arg, strlen(arg)) != REC_OK ||
	    scratch.tags.len == 0)
		diag_usage("invalid tag list: '%s'", arg);
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n] = xmalloc(scratch.tags.len + 1);
	memcpy(l->v[l->n], scratch.tags.p, scratch.tags.len);
	l->v[l->n++][scratch.tags.len] = '\0';
	rec_free(&scratch);
}

/* Does the record carry at least one tag of the comma-joined list? */
static int
has_any_tag(const struct rec *r, const char *tags)
{
	struct span list = { tags, strlen(tags) }, tag;

	while (rec_tag_next(&list, &tag))
		if (rec_has_tag(r, tag.p, tag.len))
			return 1;
	return 0;
}

static int
tags_pass(const struct rec *r)
{
	size_t i;

	for (i = 0; i < with_tags.n; i++)
		if (!has_any_tag(r, with_tags.v[i]))
			return 0;
	for (i = 0; i < without_tags.n; i++)
		if (has_any_tag(r, without_tags.v[i]))
			return 0;
	return 1;
}

/*
 * Does a searched field match?  A record PCRE2 gives up on (a pattern that
 * backtracks past its limits) is reported as trouble and not selected.
 */
static int
pattern_matches(struct src *src, struct buf *text)
{
	struct rec *r = &src->rec;
	int f;

	if (matcher.ncodes == 0)
		return 1;
	for (f = FIELD_ID; f <= FIELD_ANSWER; f++) {
		struct span t;
		size_t s, e;
		int found;

		if (!(fields & (1 << f)) ||
		    !prefilter_may_match(&prefilter, rec_field(r, (enum rec_field)f)))
			continue;
		t = rec_text(rec_field(r, (enum rec_field)f), text);
		if ((found = matcher_find(&matcher, t.p, t.len, 0, &s, &e)) < 0) {
			diag_line(src->rd.name, src->rd.lineno, "cannot match "
			    "this record: %s", matcher.errmsg);
			diag_raise(STATUS_TROUBLE);
			return -1;
		}
		if (found)
			return 1;
	}
	return 0;
}

/* The canonical record, with the matches in the searched fields marked. */
static void
write_coloured(const struct rec *r)
{
	int f;

	for (f = FIELD_ID; f <= FIELD_ANSWER; f++) {
		struct span t = rec_field(r, (enum rec_field)f);

		if (f > FIELD_ID)
			out_char('\t');
		if ((fields & (1 << f)) && matcher.ncodes > 0 && !invert)
			matcher_write_marked(&matcher, t, MATCH_SGR);
		else
			out_write(t.p, t.len);
	}
	out_char('\n');
}

int
main(int argc, char *argv[])
{
	char **patterns = xmalloc((size_t)argc * sizeof(*patterns));
	struct buf text = { 0 };
	long long max = -1, selected = 0;
	int ch, flags = 0, count = 0, quiet = 0;
	size_t npatterns = 0;
	const char *when = "never";
	struct src s;
	struct rec *r;

	diag_init("qb-grep");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":ce:Fhik:m:qt:T:vVwx", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			count = 1;
			break;
		case 'e':
			patterns[npatterns++] = optarg;
			break;
		case 'F':
			flags |= MATCH_FIXED;
			break;
		case 'h':
			cli_help(usage_text);
		case 'i':
			flags |= MATCH_ICASE;
			break;
		case 'k':
			if ((fields = rec_field_mask(optarg)) < 0)
				diag_usage("invalid field list: '%s' (id, tags, "
				    "question, answer or all)", optarg);
			break;
		case 'm':
			max = cli_number(optarg, "-m", 0, LLONG_MAX);
			break;
		case 'q':
			quiet = 1;
			break;
		case 't':
			add_taglist(&with_tags, optarg);
			break;
		case 'T':
			add_taglist(&without_tags, optarg);
			break;
		case 'v':
			invert = 1;
			break;
		case 'V':
			cli_version();
		case 'w':
			flags |= MATCH_WORD;
			break;
		case 'x':
			flags |= MATCH_WHOLE;
			break;
		case OPT_COLOR:
			when = optarg;
			break;
		default:
			cli_bad_option(ch, argv);
		}
	}
	/* With -e, -t or -T every operand is a FILE. */
	if (npatterns == 0 && with_tags.n == 0 && without_tags.n == 0) {
		if (optind >= argc)
			diag_usage("no PATTERN given");
		patterns[npatterns++] = argv[optind++];
	}
	if (npatterns > 0) {
		matcher_compile(&matcher, patterns, npatterns, flags);
		prefilter_init(&prefilter, patterns, npatterns, flags);
	}
	colour = cli_color(when);

	src_init(&s, argc - optind, argv + optind, SRC_STDIN);
	while (selected != max && (r = src_next(&s)) != NULL) {
		int found;

		if (!tags_pass(r) || (found = pattern_matches(&s, &text)) < 0 ||
		    found == invert)
			continue;
		selected++;
		if (quiet)
			break;		/* the answer is known */
		if (count)
			continue;
		if (colour)
			write_coloured(r);
		else
			src_write(&s);
	}
	if (count && !quiet)
		out_printf("%lld\n", selected);
	diag_raise(selected > 0 ? STATUS_OK : STATUS_NONE);
	src_free(&s);
	matcher_free(&matcher);
	prefilter_free(&prefilter);
	buf_free(&text);
	free(patterns);
	out_close();
	/* As grep -q: a match is success, even after trouble. */
	return quiet && selected > 0 ? STATUS_OK : diag_status();
}

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
#include "tagsel.h"

enum { OPT_COLOR = CHAR_MAX + 1 };

static const struct option longopts[] = {
	{ "color",		optional_argument,	NULL,	OPT_COLOR },
	{ "colour",		optional_argument,	NULL,	OPT_COLOR },
	{ "count",		no_argument,		NULL,	'c' },
	{ "extended-regexp",	no_argument,		NULL,	'E' },
	{ "field",		required_argument,	NULL,	'k' },
	{ "file",		required_argument,	NULL,	'f' },
	{ "fixed-strings",	no_argument,		NULL,	'F' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "ignore-case",	no_argument,		NULL,	'i' },
	{ "invert-match",	no_argument,		NULL,	'v' },
	{ "line-regexp",	no_argument,		NULL,	'x' },
	{ "max-count",		required_argument,	NULL,	'm' },
	{ "only-matching",	no_argument,		NULL,	'o' },
	{ "perl-regexp",	no_argument,		NULL,	'P' },
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
"Usage: qb-grep [-cEFioPqvwx] [-k LIST] [-m NUM] [-t LIST] [-T LIST]\n"
"               [--color[=WHEN]] PATTERN [FILE]...\n"
"       qb-grep [OPTION]... -e PATTERN | -f FILE | -t LIST | -T LIST [FILE]...\n"
"Write the question records whose fields match a PCRE2 PATTERN.\n"
"With no FILE, read standard input.\n"
"\n"
"  -e, --regexp=PATTERN      match PATTERN (repeatable: any may match)\n"
"  -f, --file=FILE           match the patterns of FILE, one a line\n"
"  -k, --field=LIST          fields to search: id,tags,question,answer or all\n"
"                            (default: question)\n"
"  -E, --extended-regexp     accepted for grep's sake: patterns are PCRE2\n"
"  -P, --perl-regexp         accepted for grep's sake: patterns are PCRE2\n"
"  -F, --fixed-strings       patterns are literal strings\n"
"  -i, --ignore-case         ignore case (Unicode case folding)\n"
"  -w, --word-regexp         match whole words only\n"
"  -x, --line-regexp         match the whole field only\n"
"  -v, --invert-match        select records that do not match\n"
"  -t, --tag=LIST            keep records with a tag of LIST (repeated: all)\n"
"  -T, --without-tag=LIST    drop records with any tag of LIST\n"
"  -c, --count               print the number of selected records\n"
"  -o, --only-matching       print each match, escaped, one a line\n"
"  -m, --max-count=NUM       stop after NUM selected records\n"
"  -q, --quiet, --silent     print nothing; exit 0 at the first match\n"
"      --color[=WHEN]        highlight matches: always, never or auto\n"
"  -h, --help                print this help and exit\n"
"  -V, --version             print the version and exit\n"
"\n"
"Exit status: 0 a record was selected, 1 none was, 2 trouble.\n";

#define MATCH_SGR "01;31"

static struct matcher *matcher;
static int patterned;		/* a pattern was given, maybe by an empty -f */
static struct prefilter prefilter;	/* a literal every match holds */
static int fields = 1 << REC_FIELD_QUESTION;
static int invert, color, only, count, quiet;
static struct tagsel tags;

/*
 * Does a searched field match?  A record PCRE2 gives up on (a pattern that
 * backtracks past its limits) is reported as trouble and not selected.
 */
static int
pattern_matches(struct src *src, struct matcher *m, struct buf *text)
{
	struct rec *r = &src->rec;
	int f;

	if (!patterned)
		return 1;
	if (m == NULL)
		return 0;		/* -f with an empty file */
	for (f = 0; f < REC_NFIELDS; f++) {
		struct span field, t;
		size_t at, s, e;
		int found;

		if (!(fields & (1 << f)))
			continue;
		field = rec_field(r, (enum rec_field)f);
		if ((at = prefilter_find(&prefilter, field,
		    rec_fields[f].escaped)) == PREFILTER_NONE)
			continue;
		if (prefilter.exact)
			return 1;	/* finding the literal is the match */
		t = rec_field_text(r, (enum rec_field)f, text);
		/*
		 * No match starts before the first literal; an offset in the
		 * field is one in the text when nothing was unescaped.
		 */
		if (!prefilter.starts || t.p != field.p)
			at = 0;
		if ((found = matcher_find(m, t.p, t.len, at, &s, &e)) < 0) {
			diag_line(src_name(src), src_lineno(src), "cannot match "
			    "this record: %s", matcher_error(m));
			return -1;
		}
		if (found)
			return 1;
	}
	return 0;
}

static void	write_colored(const struct rec *, struct matcher *);
static void	write_matches(const struct rec *, struct matcher *);

/* What matching needs of its own in each thread: PCRE2's match data. */
struct thread_ctx {
	struct matcher	*matcher;
	struct buf	 text;
};

static int
selects(struct src *src, struct matcher *m, struct buf *text)
{
	int found;

	return tagsel_pass(&tags, &src->rec) &&
	    (found = pattern_matches(src, m, text)) >= 0 && found != invert;
}

/* A record selected is written, unless only counted. */
static int
keep(struct src *src, void *arg)
{
	struct thread_ctx *c = arg;

	if (!selects(src, c->matcher, &c->text))
		return 0;
	if (count || quiet || (only && invert))
		return 1;
	if (only)
		write_matches(&src->rec, c->matcher);
	else if (color)
		write_colored(&src->rec, c->matcher);
	else
		src_write(src);
	return 1;
}

/* Another thread's: while a -t tag is unread, tagsel_pass() writes. */
static void *
thread_ctx_new(void *arg)
{
	struct thread_ctx *c;

	(void)arg;
	if (tags.unread > 0)
		return NULL;
	c = xcalloc(1, sizeof(*c));
	if (matcher != NULL)
		c->matcher = matcher_clone(matcher);
	return c;
}

static void
thread_ctx_free(void *arg)
{
	struct thread_ctx *c = arg;

	matcher_free(c->matcher);
	buf_free(&c->text);
	free(c);
}

/* The canonical record, with the matches in the searched fields marked. */
static void
write_colored(const struct rec *r, struct matcher *matcher)
{
	int f;

	for (f = 0; f < REC_NFIELDS; f++) {
		struct span t = rec_field(r, (enum rec_field)f);

		if (f > REC_FIELD_ID)
			out_char('\t');
		if ((fields & (1 << f)) && matcher != NULL && !invert)
			matcher_write_marked(matcher, t, rec_fields[f].escaped,
			    MATCH_SGR);
		else
			out_write(t.p, t.len);
	}
	out_char('\n');
}

/* -o: the matches in the searched fields, one a line. */
static void
write_matches(const struct rec *r, struct matcher *matcher)
{
	int f;

	for (f = 0; f < REC_NFIELDS; f++)
		if ((fields & (1 << f)) && matcher != NULL)
			matcher_write_matches(matcher, rec_field(r,
			    (enum rec_field)f), rec_fields[f].escaped,
			    color ? MATCH_SGR : NULL);
}

static void
add_patterns_from(const char *path, char ***patterns, size_t *n)
{
	char err[256];

	if (matcher_read_patterns(path, patterns, n, err, sizeof(err)) != 0)
		diag_fatal("%s", err);
	patterned = 1;
}

int
main(int argc, char *argv[])
{
	char **patterns = NULL, err[512];
	struct thread_ctx mine = { 0 };
	long long max = -1, selected = 0;
	int ch, flags = 0, all_read = 0;
	size_t npatterns = 0, i;
	struct src s;
	struct rec *r;

	diag_init("qb-grep");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":ce:Ef:Fhik:m:oPqt:T:vVwx", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			count = 1;
			break;
		case 'e':
			patterns = xreallocarray(patterns, npatterns + 1,
			    sizeof(*patterns));
			patterns[npatterns++] = xstrdup(optarg);
			patterned = 1;
			break;
		case 'E':
		case 'P':
			break;		/* PCRE2 either way */
		case 'f':
			add_patterns_from(optarg, &patterns, &npatterns);
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
			if ((fields = rec_field_mask(optarg)) < 0) {
				rec_field_list(&mine.text, ", ");
				diag_usage("invalid field list: '%s' "
				    "(%s or all)", optarg,
				    buf_cstr(&mine.text));
			}
			break;
		case 'm':
			max = cli_number(optarg, "-m", 0, LLONG_MAX);
			break;
		case 'o':
			only = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 't':
		case 'T':
			if (tagsel_add(&tags, ch == 'T', optarg) != 0)
				diag_usage("invalid tag list: '%s'", optarg);
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
			color = cli_color(optarg);
			break;
		default:
			cli_bad_option(ch, argv);
		}
	}
	/* With -e, -f, -t or -T every operand is a FILE. */
	if (!patterned && !tagsel_active(&tags)) {
		if (optind >= argc)
			diag_usage("no PATTERN given");
		patterns = xmalloc(sizeof(*patterns));
		patterns[npatterns++] = xstrdup(argv[optind++]);
		patterned = 1;
	}
	if (only && !patterned)
		diag_usage("-o prints what a PATTERN matched: give one");
	if (npatterns > 0 && (matcher = matcher_new(patterns, npatterns,
	    flags, err, sizeof(err))) == NULL)
		diag_usage("%s", err);
	if (matcher != NULL)
		prefilter_init(&prefilter, patterns, npatterns, flags);
	mine.matcher = matcher;
	src_init(&s, argc - optind, argv + optind, SRC_STDIN);
	/* With no early end, a big file may be read in two threads. */
	if (!quiet && max < 0) {
		struct src_counter c = { .keep = keep, .ctx = &mine,
		    .ctx_new = thread_ctx_new, .ctx_free = thread_ctx_free,
		    .share = count ? 50 : 45, .quiet = count };

		selected = (long long)src_count(&s, &c);
		all_read = 1;
	}
	while (!all_read && selected != max) {
		if ((r = src_next(&s)) == NULL) {
			all_read = 1;
			break;
		}
		if (keep(&s, &mine) != 1)
			continue;
		selected++;
		if (quiet)
			break;		/* the answer is known */
	}
	if (count && !quiet)
		out_printf("%lld\n", selected);
	if (all_read)
		tagsel_hint(&tags);
	diag_raise(selected > 0 ? STATUS_OK : STATUS_NONE);
	src_free(&s);
	matcher_free(matcher);
	tagsel_free(&tags);
	prefilter_free(&prefilter);
	buf_free(&mine.text);
	for (i = 0; i < npatterns; i++)
		free(patterns[i]);
	free(patterns);
	out_close();
	/* As grep -q: a match is success, even after trouble. */
	return quiet && selected > 0 ? STATUS_OK : diag_status();
}

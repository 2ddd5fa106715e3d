/*
 * qb-fmt: render question records for people (text, Markdown, mail,
 * fortune) or for programs (JSON, JSON Lines, CSV, TSV, Anki, templates).
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <stdnoreturn.h>

#include "cli.h"
#include "diag.h"
#include "fmt.h"
#include "out.h"
#include "src.h"

enum {
	OPT_BOM = CHAR_MAX + 1, OPT_FROM, OPT_GUARD, OPT_LIST, OPT_PREVIOUS,
	OPT_REPLY_TO, OPT_SUBJECT, OPT_TEMPLATE, OPT_TITLE, OPT_TO
};

static const struct option longopts[] = {
	{ "answers",	no_argument,		NULL,	'a' },
	{ "bom",	no_argument,		NULL,	OPT_BOM },
	{ "format",	required_argument,	NULL,	'f' },
	{ "formula-guard", no_argument,		NULL,	OPT_GUARD },
	{ "from",	required_argument,	NULL,	OPT_FROM },
	{ "help",	no_argument,		NULL,	'h' },
	{ "list-formats", no_argument,		NULL,	OPT_LIST },
	{ "null",	no_argument,		NULL,	'z' },
	{ "previous",	no_argument,		NULL,	OPT_PREVIOUS },
	{ "reply-to",	required_argument,	NULL,	OPT_REPLY_TO },
	{ "subject",	required_argument,	NULL,	OPT_SUBJECT },
	{ "template",	required_argument,	NULL,	OPT_TEMPLATE },
	{ "title",	required_argument,	NULL,	OPT_TITLE },
	{ "to",		required_argument,	NULL,	OPT_TO },
	{ "version",	no_argument,		NULL,	'V' },
	{ "width",	required_argument,	NULL,	'w' },
	{ NULL,		0,			NULL,	0 }
};

static const char usage_text[] =
"Usage: qb-fmt [-az] [-f FORMAT] [-w WIDTH] [FILE]...\n"
"       qb-fmt -f markdown [-a] [--title=TEXT] [FILE]...\n"
"       qb-fmt -f csv [-a] [--bom] [--formula-guard] [FILE]...\n"
"       qb-fmt -f mail [--to=ADDRESS] [--from=ADDRESS] [--reply-to=ADDRESS]\n"
"              [--subject=FMT] [--previous] [-a] [FILE]...\n"
"       qb-fmt [-az] --template=FMT [FILE]...\n"
"       qb-fmt --list-formats\n"
"Render question records; with no FILE, read standard input.\n"
"\n"
"  -f, --format=NAME     text (default), markdown, json, jsonl, csv, tsv,\n"
"                        mail, anki or fortune\n"
"  -a, --answers         the answers too, in every format (empty otherwise)\n"
"  -w, --width=N         wrap text at N columns (default 72, 0: no wrap)\n"
"  -z, --null            text, template: end each record with NUL\n"
"      --title=TEXT      markdown: a heading\n"
"      --bom             csv: start with a byte order mark, for Excel\n"
"      --formula-guard   csv: a ' before a cell starting = + - @ TAB CR\n"
"      --to=ADDRESS      mail: a recipient (repeatable, or a comma list;\n"
"                        default: you at the system's mail domain)\n"
"      --from=ADDRESS    mail: the sender (default: you, as for --to)\n"
"      --reply-to=ADDRESS\n"
"                        mail: where replies go (repeatable)\n"
"      --subject=FMT     mail: the subject, a template as for --template\n"
"                        (default: %q, the question, shortened)\n"
"      --previous        mail: the first record is the previous question,\n"
"                        given last with its answer\n"
"      --template=FMT    render each record with FMT: %i id, %t tags,\n"
"                        %q question, %a answer (without -a too),\n"
"                        %n number, %%, \\n, \\t, \\0, \\\\\n"
"      --list-formats    print the format names, one a line\n"
"  -h, --help            print this help and exit\n"
"  -V, --version         print the version and exit\n"
"\n"
"Exit status: 0 success, 1 no records for a mail, 2 trouble.\n";

/* The registry's names: what tests and completions compare with. */
static noreturn void
list_formats(void)
{
	const char *name;
	size_t i;

	for (i = 0; (name = fmt_name(i)) != NULL; i++)
		out_printf("%s\n", name);
	out_close();
	exit(diag_status());
}

/*
 * A format whose records owe nothing to each other renders a big file in
 * rounds on two threads (lib/split.c), each with a renderer of its own.
 */
static int
render(struct src *s, void *f)
{
	fmt_record(f, &s->rec);
	return 1;
}

static void *
render_more(void *first)
{
	struct fmt *f = xcalloc(1, sizeof(*f));

	if (fmt_open_more(f, first) != 0) {
		free(f);
		return NULL;
	}
	return f;
}

static void
render_flush(void *f)
{
	fmt_flush(f);
}

/* Its output is written already, in its thread (render_flush()). */
static void
render_done(void *f)
{
	fmt_close(f);
	free(f);
}

int
main(int argc, char *argv[])
{
	struct fmt_options opt = { .width = 72 };
	const char *format = NULL;
	struct fmt f;
	struct src s;
	struct rec *r;
	int ch;

	diag_init("qb-fmt");
	opt.to = xmalloc((size_t)argc * sizeof(*opt.to));
	opt.reply_to = xmalloc((size_t)argc * sizeof(*opt.reply_to));
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":af:hVw:z", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'a':
			opt.answers = 1;
			break;
		case 'f':
			format = optarg;
			break;
		case 'h':
			cli_help(usage_text);
		case 'V':
			cli_version();
		case 'w':
			opt.width = (int)cli_number(optarg, "-w", 0, 10000);
			break;
		case 'z':
			opt.nul = 1;
			break;
		case OPT_BOM:
			opt.bom = 1;
			break;
		case OPT_GUARD:
			opt.guard = 1;
			break;
		case OPT_LIST:
			list_formats();
		case OPT_FROM:
			opt.from = optarg;
			break;
		case OPT_PREVIOUS:
			opt.previous = 1;
			break;
		case OPT_REPLY_TO:
			opt.reply_to[opt.nreply_to++] = optarg;
			break;
		case OPT_SUBJECT:
			opt.subject = optarg;
			break;
		case OPT_TEMPLATE:
			opt.template = optarg;
			break;
		case OPT_TITLE:
			opt.title = optarg;
			break;
		case OPT_TO:
			opt.to[opt.nto++] = optarg;
			break;
		default:
			cli_bad_option(ch, argv);
		}
	}

	if (fmt_open(&f, format, &opt) != 0)
		diag_usage("%s", f.err);
	src_init(&s, argc - optind, argv + optind, SRC_STDIN);
	if (fmt_alone(&f)) {
		struct src_counter c = { .keep = render, .ctx = &f,
		    .ctx_new = render_more, .ctx_free = render_done,
		    .flush = render_flush, .rounds = 1 };

		(void)src_count(&s, &c);
	} else {
		while ((r = src_next(&s)) != NULL)
			fmt_record(&f, r);
	}
	fmt_close(&f);
	src_free(&s);
	free(opt.to);
	free(opt.reply_to);
	out_close();
	return diag_status();
}

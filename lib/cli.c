/*
 * What the commands' option handling shares, so that every command answers
 * --help, --version, a bad option, --color=WHEN and a bad number the same
 * way: "-n 3x", "-n ''" and "-n 99999999999999999999" are refused alike.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "out.h"

void
cli_version(void)
{
	out_printf("%s (qb) %s\n", diag_prog(), QB_VERSION);
	out_close();
	exit(STATUS_OK);
}

void
cli_help(const char *text)
{
	out_str(text);
	out_close();
	exit(STATUS_OK);
}

void
cli_bad_option(int ch, char *argv[])
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";

	if (ch == ':')
		diag_usage("option requires an argument: '%s'", arg);
	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		diag_usage("unknown option: '-%c'", optopt);
	diag_usage("unknown option: '%s'", arg);
}

long long
cli_number(const char *arg, const char *option, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (end == arg || *end != '\0' ||
	    (arg[0] != '-' && !isdigit((unsigned char)arg[0])))
		diag_usage("invalid number for %s: '%s'", option, arg);
	if (errno == ERANGE || v < min || v > max)
		diag_usage("number for %s out of range (%lld to %lld): '%s'",
		    option, min, max, arg);
	return v;
}

int
cli_color(const char *when)
{
	const char *term = getenv("TERM"), *no_color = getenv("NO_COLOR");

	if (when == NULL || strcmp(when, "auto") == 0)
		return isatty(STDOUT_FILENO) &&
		    (no_color == NULL || *no_color == '\0') &&
		    term != NULL && *term != '\0' && strcmp(term, "dumb") != 0;
	if (strcmp(when, "always") == 0)
		return 1;
	if (strcmp(when, "never") == 0)
		return 0;
	diag_usage("invalid argument for --color: '%s' "
	    "(always, never or auto)", when);
}

/*
 * Numbers from the command line are parsed in one place, so that "-n 3x",
 * "-n ''" and "-n 99999999999999999999" are refused the same way by every
 * command.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <string.h>
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

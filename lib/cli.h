/*
 * What every command's option handling shares: --help, --version, the
 * message for a bad option, --color=WHEN, and one range-checked number
 * parser in the spirit of strtonum(3).
 */
#ifndef QB_CLI_H
#define QB_CLI_H

#include <stdnoreturn.h>

#define QB_VERSION "0.1.0"

/*
 * Commands call getopt_long with opterr = 0 and an optstring that starts
 * with ':', then hand whatever it returned for a bad option to this: it
 * prints the message in qb's own format and exits 2.
 */
noreturn void	cli_bad_option(int ch, char *argv[]);
/* Prints the help text and exits 0. */
noreturn void	cli_help(const char *text);
/* Prints "PROG (qb) VERSION" and exits 0. */
noreturn void	cli_version(void);
/*
 * Whether to color output for --color=WHEN (NULL: "auto"): "always",
 * "never", or "auto": standard output is a terminal, NO_COLOR is unset or
 * empty (as no-color.org says), and TERM is set and not "dumb".
 * Anything else is a usage error.
 */
int		cli_color(const char *when);
/* The number in arg, or a usage error naming the option. */
long long	cli_number(const char *arg, const char *option,
		    long long min, long long max);

#endif

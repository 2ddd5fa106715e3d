/*
 * Every message a command prints on stderr goes through here, so they all
 * have one shape.  stderr is unbuffered: a message is one vfprintf and one
 * fputc, so two running commands' messages do not interleave mid-line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static const char *prog = "qb";
static enum status worst = STATUS_OK;

void
diag_init(const char *name)
{
	prog = name;
	worst = STATUS_OK;
}

const char *
diag_prog(void)
{
	return prog;
}

enum status
diag_status(void)
{
	return worst;
}

void
diag_raise(enum status s)
{
	if (s > worst)
		worst = s;
}

static void
vmessage(const char *fmt, va_list ap, const char *suffix)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (suffix != NULL)
		fprintf(stderr, "%s: %s: %s\n", prog, msg, suffix);
	else
		fprintf(stderr, "%s: %s\n", prog, msg);
}

void
diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
	diag_raise(STATUS_TROUBLE);
}

void
diag_notice(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
	diag_raise(STATUS_NONE);
}

void
diag_syswarn(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vmessage(fmt, ap, strerror(saved));
	va_end(ap);
	diag_raise(STATUS_TROUBLE);
}

void
diag_line(const char *file, unsigned long line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s:%lu: %s\n", prog, file, line, msg);
}

void
diag_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
	exit(STATUS_TROUBLE);
}

void
diag_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
	exit(STATUS_TROUBLE);
}

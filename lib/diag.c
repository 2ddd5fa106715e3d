/*
 * Every message a command prints on stderr goes through here, so they all
 * have one shape.  A message is formatted whole first, as long as it is,
 * then written with one fprintf to the unbuffered stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "utf8.h"

static const char *prog = "qb";
static enum status worst = STATUS_OK;
static void (*before)(void *);
static void *before_arg;
/* This thread's messages are held here, not printed (diag_hold()). */
static _Thread_local struct diag_held *held;

/* A held message: its text follows, NUL-terminated. */
struct held_msg {
	const char	*file;		/* NULL: no FILE:LINE */
	unsigned long	 line;
	int		 raise;		/* the status it raises, or -1 */
	size_t		 len;
};

/*
 * A command started with fd 0, 1 or 2 closed (cron and supervisors do
 * that) would hand the number to the next file it opens: its messages or
 * its output would go into a state file.  So they are opened on /dev/null
 * first, in order, the wrong way round as gnulib's stdopen does: a read
 * of a closed stdin and a write to a closed stdout still fail (EBADF), so
 * a closed stdout stays a write error rather than output thrown away, and
 * messages to a closed stderr go nowhere.  When even /dev/null cannot be
 * opened, nothing can be said safely.
 */
static void
open_standard_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		if (open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd)
			_exit(STATUS_TROUBLE);
	}
}

void
diag_init(const char *name)
{
	open_standard_fds();
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

void
diag_before(void (*fn)(void *), void *arg)
{
	before = fn;
	before_arg = arg;
}

/* The messages of diag_before() come first; theirs do not call it again. */
static void
run_before(void)
{
	static int running;

	if (before == NULL || running)
		return;
	running = 1;
	before(before_arg);
	running = 0;
}

/*
 * Messages carry file names, patterns and ids as typed: their control
 * characters (C0, DEL, C1) and bytes that are not UTF-8 become '?', so
 * that no message can send escape sequences to a terminal, whatever
 * character set it takes bytes in.
 */
static void
defang(char *msg)
{
	unsigned char *p = (unsigned char *)msg, *end = p + strlen(msg);

	while (p < end) {
		uint32_t cp;
		size_t len = 1, i;

		if (*p < 0x80 && utf8_is_control(*p))
			*p = '?';
		else if (*p >= 0x80) {
			len = utf8_decode(p, (size_t)(end - p), &cp);
			if (len == 0 || utf8_is_control(cp)) {
				len = len == 0 ? 1 : len;
				for (i = 0; i < len; i++)
					p[i] = '?';
			}
		}
		p += len;
	}
}

static void	vmessage(const char *, unsigned long, const char *, va_list,
		    const char *, int);
static void	diag_line_raising(const char *, unsigned long, int,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

/* The message as vmessage() would print it, kept for diag_held_print(). */
static void
hold(const char *file, unsigned long line, const char *fmt, va_list ap,
    const char *suffix, int raise)
{
	struct held_msg m = { file, line, raise, 0 };
	struct buf *b = &held->msgs;
	va_list copy;
	size_t at;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || held->full)
		return;
	if (b->len + sizeof(m) + (size_t)n + (suffix != NULL ?
	    strlen(suffix) + 2 : 0) + 1 > held->max) {
		if (held->spill == NULL) {
			held->full = 1;
			return;
		}
		if (b->len > 0)
			held->spill(held, held->arg);	/* empties it */
	}
	m.len = (size_t)n + (suffix != NULL ? strlen(suffix) + 2 : 0);
	at = b->len;
	buf_reserve(b, sizeof(m) + m.len + 1);
	memcpy(b->p + at, &m, sizeof(m));
	vsnprintf(b->p + at + sizeof(m), (size_t)n + 1, fmt, ap);
	if (suffix != NULL) {
		memcpy(b->p + at + sizeof(m) + n, ": ", 2);
		memcpy(b->p + at + sizeof(m) + n + 2, suffix, strlen(suffix));
	}
	b->p[at + sizeof(m) + m.len] = '\0';
	/* The next message starts aligned for struct held_msg. */
	b->len = at + (sizeof(m) + m.len + 1 + _Alignof(struct held_msg) - 1) /
	    _Alignof(struct held_msg) * _Alignof(struct held_msg);
}

void
diag_hold(struct diag_held *h)
{
	held = h;
}

void
diag_held_print(struct diag_held *h, unsigned long line_base)
{
	size_t at = 0;

	while (at < h->msgs.len) {
		struct held_msg m;
		const char *text = h->msgs.p + at + sizeof(m);

		memcpy(&m, h->msgs.p + at, sizeof(m));
		if (m.file != NULL)
			diag_line_raising(m.file, m.line + line_base, m.raise,
			    "%s", text);
		else
			diag_line_raising(NULL, 0, m.raise, "%s", text);
		at += (sizeof(m) + m.len + 1 + _Alignof(struct held_msg) - 1) /
		    _Alignof(struct held_msg) * _Alignof(struct held_msg);
	}
	buf_free(&h->msgs);
	h->full = 0;
}

/*
 * "PROG: [FILE:LINE: ]message[: suffix]", the message and the file name
 * each allocated to its length: only when memory runs out is the message
 * cut to fit a fixed buffer, and the file name shown as '?'.
 */
static void
vmessage(const char *file, unsigned long line, const char *fmt, va_list ap,
    const char *suffix, int raise)
{
	char fixed[1024], *msg, *name = NULL;
	const char *sep = suffix != NULL ? ": " : "";
	va_list copy;
	int n;

	if (held != NULL) {
		hold(file, line, fmt, ap, suffix, raise);
		return;
	}
	run_before();
	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || (msg = malloc((size_t)n + 1)) == NULL) {
		msg = fixed;
		n = (int)sizeof(fixed) - 1;
	}
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	defang(msg);
	if (suffix == NULL)
		suffix = "";
	if (file == NULL)
		fprintf(stderr, "%s: %s%s%s\n", prog, msg, sep, suffix);
	else {
		if ((name = strdup(file)) != NULL)
			defang(name);
		fprintf(stderr, "%s: %s:%lu: %s%s%s\n", prog,
		    name != NULL ? name : "?", line, msg, sep, suffix);
	}
	free(name);
	if (msg != fixed)
		free(msg);
	if (raise >= 0)
		diag_raise((enum status)raise);
}

void
diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap, NULL, STATUS_TROUBLE);
	va_end(ap);
}

void
diag_notice(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap, NULL, STATUS_NONE);
	va_end(ap);
}

void
diag_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap, NULL, -1);
	va_end(ap);
}

void
diag_syswarn(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap, strerror(saved), STATUS_TROUBLE);
	va_end(ap);
}

void
diag_sysinfo(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap, strerror(saved), -1);
	va_end(ap);
}

void
diag_line(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap, NULL, STATUS_TROUBLE);
	va_end(ap);
}

void
diag_line_notice(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap, NULL, STATUS_NONE);
	va_end(ap);
}

/* A held message printed, raising the status as it would have. */
static void
diag_line_raising(const char *file, unsigned long line, int raise,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap, NULL, raise);
	va_end(ap);
}

void
diag_usage(const char *fmt, ...)
{
	va_list ap;

	held = NULL;		/* the command ends: said now or never */
	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap, NULL, -1);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
	exit(STATUS_TROUBLE);
}

void
diag_fatal(const char *fmt, ...)
{
	va_list ap;

	held = NULL;		/* the command ends: said now or never */
	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap, NULL, -1);
	va_end(ap);
	exit(STATUS_TROUBLE);
}

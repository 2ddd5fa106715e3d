/*
 * Output goes straight to fd 1 through one large buffer, not through stdio:
 * it is faster for many small pieces, and every write's result is seen.
 * SIGPIPE is left alone: a closed pipe normally ends the command quietly,
 * and when SIGPIPE was inherited ignored, EPIPE is an ordinary write error.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "out.h"

#define OUT_BUFSIZE (64 * 1024)

static char buf[OUT_BUFSIZE];
static size_t used;

static void
write_all(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			diag_syswarn("write error");
			exit(STATUS_TROUBLE);
		}
		p += w;
		n -= (size_t)w;
	}
}

void
out_flush(void)
{
	write_all(buf, used);
	used = 0;
}

/*
 * A pipe's writer is told when the reader is gone (POLLERR) but not when
 * it has read: FIONREAD says how much is still unread, so this polls it
 * every few milliseconds.
 */
void
out_flush_seen(void)
{
	struct pollfd p = { .fd = STDOUT_FILENO, .events = 0 };
	struct stat st;

	out_flush();
	if (fstat(STDOUT_FILENO, &st) != 0 || !S_ISFIFO(st.st_mode))
		return;
#ifdef FIONREAD
	for (;;) {
		int unread = 0;

		if (ioctl(STDOUT_FILENO, FIONREAD, &unread) != 0 ||
		    unread == 0)
			return;
		if (poll(&p, 1, 5) > 0 && (p.revents & (POLLERR | POLLHUP |
		    POLLNVAL)) != 0 && (ioctl(STDOUT_FILENO, FIONREAD,
		    &unread) != 0 || unread > 0)) {
			raise(SIGPIPE);		/* ends us, unless ignored */
			errno = EPIPE;
			diag_syswarn("write error");
			exit(STATUS_TROUBLE);
		}
	}
#endif
}

void
out_write(const void *p, size_t n)
{
	if (n <= OUT_BUFSIZE - used) {
		memcpy(buf + used, p, n);
		used += n;
		return;
	}
	out_flush();
	if (n >= OUT_BUFSIZE)
		write_all(p, n);
	else {
		memcpy(buf, p, n);
		used = n;
	}
}

void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

void
out_char(char c)
{
	if (used == OUT_BUFSIZE)
		out_flush();
	buf[used++] = c;
}

void
out_printf(const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		diag_fatal("output formatting failed");
	if ((size_t)n < sizeof(small)) {
		out_write(small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (big == NULL)
		diag_fatal("out of memory");
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_write(big, (size_t)n);
	free(big);
}

void
out_close(void)
{
	out_flush();
	if (close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR) {
		diag_syswarn("write error");
		exit(STATUS_TROUBLE);
	}
}

/*
 * Output goes straight to fd 1 through one large buffer, not through stdio:
 * it is faster for many small pieces, and every write's result is seen.
 * SIGPIPE is left alone: a closed pipe normally ends the command quietly,
 * and when SIGPIPE was inherited ignored, EPIPE is an ordinary write error.
 */
#define _GNU_SOURCE	/* copy_file_range() */
#include <errno.h>
#include <fcntl.h>
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
#define RUN_MAX (256 * 1024)

static char buf[OUT_BUFSIZE];
static size_t used;
/* Where this thread's output goes instead (out_divert()). */
static _Thread_local const struct out_sink *sink;

/* A run of input file bytes written after buf's, by out_write_file(). */
static struct {
	int	 can;		/* 1: stdout takes copies; 0: no; -1: unknown */
	int	 fd;
	off_t	 off;
	size_t	 len;
} run = { -1, -1, 0, 0 };

/* 1: stdout is /dev/null (out_discards()); -1: not looked at yet. */
static int discard = -1;

int
out_discards(void)
{
	struct stat out, null;
	int fl;

	/*
	 * Opened for writing: a closed stdout is /dev/null opened read-only
	 * (diag.c), where a write fails, as it must.
	 */
	if (discard < 0)
		discard = fstat(STDOUT_FILENO, &out) == 0 &&
		    S_ISCHR(out.st_mode) && stat("/dev/null", &null) == 0 &&
		    S_ISCHR(null.st_mode) && out.st_rdev == null.st_rdev &&
		    (fl = fcntl(STDOUT_FILENO, F_GETFL)) >= 0 &&
		    (fl & O_ACCMODE) != O_RDONLY;
	return discard;
}

static void
write_all(const char *p, size_t n)
{
	if (out_discards())
		return;
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

static void flush_run(void);

void
out_divert(const struct out_sink *to)
{
	sink = to;
}

void
out_flush(void)
{
	if (sink != NULL)
		return;
	write_all(buf, used);
	used = 0;
	if (run.len > 0)
		flush_run();
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
	if (sink != NULL) {
		sink->bytes(sink->arg, p, n);
		return;
	}
	if (discard > 0)
		return;
	if (run.len > 0)
		out_flush();
	/* A large piece with nothing before it goes out without a copy. */
	if (used == 0 && n >= OUT_BUFSIZE / 2) {
		write_all(p, n);
		return;
	}
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

/*
 * After pending bytes the piece is buffered as usual: a short output
 * still goes out in one write(2), as a reader that stops early expects.
 */
void
out_write_now(const void *p, size_t n)
{
	/* The sink first: another thread's, the buffer is not its own. */
	if (sink != NULL || used > 0 || run.len > 0)
		out_write(p, n);
	else
		write_all(p, n);
}

char *
out_space(size_t n)
{
	char *p;

	if (sink != NULL)
		return sink->space != NULL ? sink->space(sink->arg, n) : NULL;
	if (run.len > 0 || n > OUT_BUFSIZE - used)
		out_flush();
	if (n > OUT_BUFSIZE)
		return NULL;
	p = buf + used;
	used += n;
	return p;
}

void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

void
out_char(char c)
{
	if (sink != NULL) {
		sink->bytes(sink->arg, &c, 1);
		return;
	}
	if (used == OUT_BUFSIZE || run.len > 0)
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

/*
 * A run the kernel cannot copy (another file system, say, or an old
 * kernel) is read back and written; later runs go through buf at once.
 */
static void
run_by_hand(void)
{
	char block[OUT_BUFSIZE];

	run.can = 0;
	while (run.len > 0) {
		size_t want = run.len < sizeof(block) ? run.len : sizeof(block);
		ssize_t got = pread(run.fd, block, want, run.off);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			diag_syswarn("read error");
			exit(STATUS_TROUBLE);
		}
		write_all(block, (size_t)got);
		run.off += got;
		run.len -= (size_t)got;
	}
}

static void
flush_run(void)
{
	while (run.len > 0) {
#ifdef __linux__
		ssize_t n = copy_file_range(run.fd, &run.off, STDOUT_FILENO,
		    NULL, run.len, 0);
#else
		ssize_t n = -1;

		errno = ENOSYS;
#endif

		if (n > 0) {
			run.len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || errno == EXDEV || errno == EINVAL ||
		    errno == ENOSYS || errno == EOPNOTSUPP || errno == EBADF ||
		    errno == ETXTBSY || errno == EPERM) {
			run_by_hand();
			break;
		}
		diag_syswarn("write error");
		exit(STATUS_TROUBLE);
	}
	run.len = 0;
}

/* Does stdout take copies: a regular file, not opened for appending? */
static int
can_copy(void)
{
	struct stat st;
	int fl;

	if (run.can < 0)
		run.can = fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode) &&
		    (fl = fcntl(STDOUT_FILENO, F_GETFL)) >= 0 &&
		    (fl & O_APPEND) == 0;
	return run.can;
}

/*
 * A copy costs a system call, so only a long streak of contiguous bytes
 * (a canonical file going through whole) becomes a run; scattered lines
 * (qb-grep's matches) are copied through buf as usual.
 */
void
out_write_file(int fd, off_t off, const void *p, size_t n)
{
	static int last_fd = -1;
	static off_t last_end;
	static size_t streak;

	if (sink != NULL && sink->range != NULL && fd >= 0 && off >= 0) {
		sink->range(sink->arg, off, p, n);
		return;
	}
	if (sink != NULL || fd < 0 || off < 0 || !can_copy()) {
		out_write(p, n);
		return;
	}
	/* A run goes on after a partial copy while nothing came between. */
	if (run.fd == fd && run.off + (off_t)run.len == off &&
	    (run.len > 0 || used == 0)) {
		/* Copied soon after they were read, while still in cache. */
		if ((run.len += n) >= RUN_MAX)
			flush_run();
		return;
	}
	streak = fd == last_fd && off == last_end ? streak + n : 0;
	last_fd = fd;
	last_end = off + (off_t)n;
	if (streak < OUT_BUFSIZE) {
		out_write(p, n);
		return;
	}
	out_flush();
	run.fd = fd;
	run.off = off;
	run.len = n;
	streak = 0;
}

int
out_takes_copies(void)
{
	return can_copy();
}

void
out_copy(int fd, off_t off, size_t n)
{
	if (out_discards())
		return;
	if (run.len > 0 && (run.fd != fd || run.off + (off_t)run.len != off))
		flush_run();
	if (run.len == 0) {
		write_all(buf, used);
		used = 0;
		run.fd = fd;
		run.off = off;
	}
	run.len += n;
	if (!can_copy())
		run_by_hand();
	else if (run.len >= RUN_MAX)
		flush_run();
}

void
out_release(int fd)
{
	if (sink != NULL)
		return;
	if (run.fd == fd) {
		out_flush();
		run.fd = -1;
	}
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

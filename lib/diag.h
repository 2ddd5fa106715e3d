/*
 * Diagnostics and exit status, in one place for every command.
 * Messages read "PROG: FILE:LINE: message"; the exit status only ever rises.
 */
#ifndef QB_DIAG_H
#define QB_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdnoreturn.h>

#include "buf.h"

enum status {
	STATUS_OK = 0,		/* something was selected, no trouble */
	STATUS_NONE = 1,	/* nothing selected, or problems found */
	STATUS_TROUBLE = 2	/* usage, I/O or malformed input */
};

/*
 * The name every message starts with: the command's fixed name.  Every
 * command calls it first: it also opens fds 0 to 2 on /dev/null when closed.
 */
void		 diag_init(const char *prog);
const char	*diag_prog(void);

/* The worst status seen so far, and a way to raise it. */
enum status	 diag_status(void);
void		 diag_raise(enum status);

/*
 * A function run before the next messages are printed (NULL: none), so
 * that a command that finds problems of lines already read later than
 * src.h would (repeated ids, in a batch) prints them first, in order.  It
 * may print messages itself; they do not run it again.
 */
void		 diag_before(void (*)(void *), void *);

/*
 * A thread that reads ahead of the one that prints (src.h's split reading)
 * holds its messages, and their effect on the status, until the printing
 * thread reaches them: diag_hold(h) in that thread, diag_hold(NULL) to
 * stop; diag_held_print() prints them in order, adding line_base to their
 * line numbers, and empties h.  Past h->max bytes, h->spill(h, h->arg) is
 * to take the messages held and empty h->msgs (one message bigger than
 * max is held alone); without it, messages are dropped and h->full set.
 * diag_usage() and diag_fatal() print at once.
 */
struct diag_held {
	struct buf	 msgs;
	size_t		 max;
	int		 full;
	void		(*spill)(struct diag_held *, void *arg);
	void		*arg;
};
void		 diag_hold(struct diag_held *);
void		 diag_held_print(struct diag_held *, unsigned long line_base);

/* "PROG: message": raises the status to trouble. */
void		 diag_warn(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* "PROG: message": raises the status to "nothing selected" only. */
void		 diag_notice(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* "PROG: message": a hint that leaves the status as it is. */
void		 diag_info(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* "PROG: message: strerror(errno)": raises the status to trouble. */
void		 diag_syswarn(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* "PROG: message: strerror(errno)": the status is left as it is. */
void		 diag_sysinfo(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* "PROG: FILE:LINE: message": raises the status to trouble. */
void		 diag_line(const char *file, unsigned long line,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* "PROG: FILE:LINE: message": raises the status to "nothing selected". */
void		 diag_line_notice(const char *file, unsigned long line,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* "PROG: message" then "Try 'PROG --help' ...", exit 2. */
noreturn void	 diag_usage(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* "PROG: message", exit 2: for what cannot go on at all. */
noreturn void	 diag_fatal(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));

#endif

/*
 * qb-drill's logic: what each record is at a time (new, learning, due),
 * the counts of --stats, the deck of a session (due ones first, most
 * overdue first, then new ones up to the daily limit) and the session
 * itself, keys from the terminal and the screen back to it.
 */
#ifndef QB_DRILL_H
#define QB_DRILL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "fsrs.h"
#include "rec.h"
#include "revlog.h"

/* A record as the log leaves it at a time. */
struct drill_look {
	struct fsrs_card c;
	size_t		 nrev;		/* its reviews up to then */
	int64_t		 first;		/* the first one's time */
	unsigned	 nrecall;	/* reviews made in the review state */
	unsigned	 npass;		/* of which not Again */
};

void	drill_look(const struct revlog *, const struct rec *, int64_t now,
	    struct drill_look *);
/* Reviewed, and due at now. */
int	drill_is_due(const struct drill_look *, int64_t now);

struct drill_stats {
	unsigned long	 records;
	unsigned long	 due;
	unsigned long	 fresh;		/* never reviewed */
	unsigned long	 new_today;	/* first reviewed today */
	unsigned long	 learning;	/* learning or relearning */
	unsigned long	 learned;	/* in review */
	unsigned long	 reviews;
	unsigned long	 nrecall;
	unsigned long	 npass;
};

/* The start and end of the local day holding t. */
void	drill_today(int64_t t, int64_t *start, int64_t *end);
void	drill_count(struct drill_stats *, const struct drill_look *,
	    int64_t now, int64_t day_start, int64_t day_end);
/* "key TAB value" lines to checked output. */
void	drill_stats_write(const struct drill_stats *);

struct drill_card {
	size_t		 off;	/* the canonical line in deck lines */
	size_t		 len;
	struct fsrs_card c;
	size_t		 seq;	/* input order */
};

struct drill_deck {
	struct buf		 lines;
	struct drill_card	*v;
	size_t			 n;
	size_t			 cap;
	size_t			 ndue;	/* the first ndue after drill_order() */
	size_t			 nfresh_seen;
};

/* Keeps a record that is due, or new while fewer than limit are kept. */
void	drill_deck_add(struct drill_deck *, const struct rec *,
	    const struct drill_look *, int64_t now, size_t limit);
/* Due ones first, most overdue first; then at most limit new ones. */
void	drill_deck_order(struct drill_deck *, size_t limit);
void	drill_deck_free(struct drill_deck *);

/* "ID:G", the id may hold colons: 0, or -1 when arg is not one. */
int	drill_grade_parse(const char *arg, size_t *idlen, int *grade);

/* An interval as Anki shows it beside a grade: 1m, 10m, 3h, 8d, 1.5mo. */
void	drill_label(int64_t seconds, char *buf, size_t size);

struct drill_session {
	int		 fd;		/* the terminal: keys in, screen out */
	int		 color;
	int64_t		 at;		/* fixed "now", or -1: the clock */
	struct revlog_writer *log;
	unsigned	 graded[5];	/* by grade */
	int		 quit;
};

/*
 * Finds the terminal: /dev/tty, else a standard descriptor that is one.
 * 0, or -1 after a report.
 */
int	drill_tty_open(struct drill_session *);
/* Colour on the terminal: NO_COLOR unset or empty, TERM not dumb. */
int	drill_color(void);
/* Runs the session over the deck; the status to exit with. */
int	drill_run(struct drill_session *, struct drill_deck *);

#endif

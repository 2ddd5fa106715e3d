/*
 * qb-drill's review log, qb(5): one line per review, "TIME TAB ID TAB
 * GRADE", only ever appended to.  A record's schedule is the FSRS fold of
 * its lines in time order, so the log can be merged, sorted or shuffled
 * and still gives the same schedule.
 */
#ifndef QB_REVLOG_H
#define QB_REVLOG_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "fsrs.h"

/* "YYYY-MM-DDTHH:MM:SSZ" and its NUL. */
#define REVLOG_TIME_SIZE	21

struct revlog_review {
	int64_t		 t;
	uint32_t	 id;	/* index into ids */
	uint32_t	 grade;
};

struct revlog_id {
	uint32_t	 off;	/* of the id in keys */
	uint32_t	 len;
	uint32_t	 hash;
	uint32_t	 first;	/* its reviews, after loading: rv[first..] */
	uint32_t	 n;
};

/* The reviews of a log, by id then time.  Starts zeroed. */
struct revlog {
	struct buf		 keys;
	struct revlog_id	*ids;
	size_t			 nids;
	size_t			 idcap;
	uint64_t		*slots;	/* hash << 32 | 1 + index; 0 is empty */
	size_t			 nslots;
	struct revlog_review	*rv;
	size_t			 nrv;
	size_t			 rvcap;
};

/* An open log to append to. */
struct revlog_writer {
	const char	*path;
	int		 fd;
};

/*
 * The default log, $XDG_STATE_HOME/qb/reviews or ~/.local/state/qb/reviews,
 * into *path; -1 after a report when neither variable helps.
 */
int	revlog_default_path(struct buf *path);
/*
 * Reads the log at path (none yet is an empty log).  Malformed and torn
 * lines are reported as FILE:LINE and skipped (trouble, never fatal).
 * -1 after a report when the file cannot be read at all.
 */
int	revlog_load(struct revlog *, const char *path);
/*
 * Folds the reviews of an id made at or before time until into *c (a new
 * card when there are none); returns how many there were, the time of the
 * first in *first, how many were made in the review state in *nrecall and
 * how many of those were not Again in *npass.
 */
size_t	revlog_card(const struct revlog *, const char *id, size_t len,
	    int64_t until, struct fsrs_card *c, int64_t *first,
	    unsigned *nrecall, unsigned *npass);
void	revlog_free(struct revlog *);

/*
 * Opens the log for appending, making its directory; refuses what is not
 * a regular file.  0, or -1 after a report.
 */
int	revlog_open(struct revlog_writer *, const char *path);
/*
 * Appends one review as a whole line: one write() under an exclusive
 * lock, then fsync.  0, or -1 after a report.
 */
int	revlog_append(struct revlog_writer *, int64_t t, const char *id,
	    size_t len, int grade);
void	revlog_close(struct revlog_writer *);

/*
 * A log line into its fields: 0, or -1 with a message in msg.
 * The id is a view into the line.
 */
int	revlog_parse_line(const char *p, size_t len, int64_t *t,
	    const char **id, size_t *idlen, int *grade, char *msg,
	    size_t msgsize);
/*
 * An ISO 8601 date or time: YYYY-MM-DD, then optionally T (or a space)
 * and HH:MM or HH:MM:SS, then optionally Z or an offset +HH:MM, +HHMM or
 * +HH.  Without an offset the time is local (TZ); a date alone is its
 * midnight.  0, or -1 when s is not one.
 */
int	revlog_parse_time(const char *s, int64_t *t);
/* The log's own form of a time: YYYY-MM-DDTHH:MM:SSZ. */
void	revlog_format_time(int64_t t, char buf[REVLOG_TIME_SIZE]);

#endif

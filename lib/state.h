/*
 * qb-pick's no-repeat state: a file of the ids picked in the current
 * round, one a line, kept by the discipline of keep.h.  One file serves
 * several inputs (two topics, a subset and the whole bank): the end of
 * one input's round forgets only that input's ids.
 */
#ifndef QB_STATE_H
#define QB_STATE_H

#include <stddef.h>

#include "buf.h"
#include "keep.h"
#include "rng.h"
#include "spill.h"
#include "strmap.h"

struct state_line {
	size_t		 off;	/* in text */
	size_t		 len;	/* LF not included */
	size_t		 idoff;	/* the id, spaces trimmed */
	size_t		 idlen;	/* 0: a blank line or a # comment */
	int		 drop;	/* not written back */
};

struct state {
	struct keep		 file;
	struct buf		 text;	/* as read */
	struct state_line	*lines;
	size_t			 nlines;
	struct strmap		 ids;	/* value: 1 + the id's last line */
	struct buf		 added;	/* ids to append, one a line */
};

/* Checks the path (keep_init); reads nothing.  0, or -1 after a report. */
int	state_init(struct state *, const char *path);
/*
 * Locks the file (creating it empty when missing) and reads it.  Blank
 * lines, # comments and spaces around ids are allowed.  0, or -1 after a
 * report, with the file left as it was.
 */
int	state_lock(struct state *);
/* Parses text (what state_lock reads); 0, or -1 after a report. */
int	state_parse(struct state *);
/* Is the id in the state? */
int	state_has(const struct state *, const char *id, size_t len);
/*
 * Chooses up to k of the spilled records, in output order, into pick[]
 * (room for k) and returns how many; prepares the file's new contents.
 * Records not in the state come first (the current round); when fewer
 * than k are left, the round ends for this input only: its ids are
 * forgotten and the rest comes from a new round, whose first record is
 * never the one that ended the last round (unless it is the only one).
 * Of records sharing an id, only the first is a candidate.
 */
size_t	state_choose(struct state *, struct rng *, const struct spill *,
	    size_t k, size_t *pick);
/* The file's new contents, as state_choose prepared them, into text. */
void	state_text(const struct state *, struct buf *text);
/* Writes what state_choose prepared.  0, or -1 after a report. */
int	state_commit(struct state *);
/* Unlocks and frees; safe after state_init alone. */
void	state_close(struct state *);

#endif
